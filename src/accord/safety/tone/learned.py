"""A learned second opinion: a linear model over the words and letters of the message.

The lexicons name hostility by phrase, and a phrase nobody wrote down is missed however
general its class ("you could not organise..."). This model, trained on the development split
of the labelled sets only, scores what :func:`features` reads in the normalised message: its
words and word pairs, the words inside the scope of a negation (marked apart, so that "not
stupid" does not count as "stupid"), and the letter sequences of three to five characters
(which carry French endings, misspellings and phone typing that whole words miss). Its
evidence joins the cues' in the noisy-OR of :mod:`.analysis` as one more, bounded cue.

It is a logistic regression over those features (present or not), without intercept. It
is fitted at training time only, by scikit-learn's liblinear solver (deterministic), in
``benchmarks/tone.py --train``; the runtime is this module and the weights shipped in
:mod:`.weights`, pure Python, and regenerating those is byte for byte.

Two thresholds on its log-odds turn it into a cue, both chosen on out-of-fold scores of the
development split (never on the test split) by ``benchmarks/tone.py --train``: ``confident``,
from which it flags a message on its own, is the operating point of :func:`confident_threshold`
(as low as its own out-of-fold precision stays at or above 0.92 and its false alarms stay at
or below 5 % of firm-but-civil messages and 1 % of all civil ones); ``supporting`` (where at
most 5 % of civil messages score as high) only counts together with some lexicon evidence,
which is rare in civil messages. Between the two the model can tip a message that a weak
cue (a scare quote, "so-called") already leans on; it cannot flag a message on its own unless
it is confident. It stays silent on sincere warmth and where the lexicons looked at a charged
phrase and found it innocent (negated, reported, practical): see :mod:`.analysis`. Its
training data include the everyday civil messages of the development data (greetings,
logistics questions addressed to "you", confirmations, short refusals) as civil examples:
without them, such questions ("What time works for you?") shared their few features with
rhetorical ones ("Did you even read it?") and were flagged.

>>> from accord.safety.tone.normalise import normalise
>>> sorted(f for f in features(normalise("You never listen!", "en").text) if f[0] not in "#~")
['!', 'listen', 'listen_!', 'never', 'never_listen', 'you', 'you_never']
>>> sorted(f for f in features(normalise("You never listen!", "en").text) if f[0] == "~")
['~listen']
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from accord.safety.tone.lexicons import FUNCTION_WORDS
from accord.safety.tone.spec import wordset

__all__ = [
    "Model",
    "Verdict",
    "confident_threshold",
    "features",
    "fit",
    "out_of_fold",
    "threshold_for",
]

_TOKEN: Final = re.compile(r"[a-z0-9'-]+|[?!\"]")
#: Where a negation's scope ends: the end of its clause.
_CLAUSE: Final = re.compile(r"[.,;:!?()\n]")
#: Words that open a negation's scope (normalised: "don't" is already "do not", "n'" is "ne").
_NEGATORS: Final = wordset(
    "not no never nobody nothing nor without cannot ne pas jamais rien aucun aucune sans ni"
)
#: Function words of either language: their letters are not read (see :func:`_grams`).
_FUNCTION_WORDS: Final = FUNCTION_WORDS["en"] | FUNCTION_WORDS["fr"]
#: Punctuation around a word, stripped to tell whether it is a function word.
_EDGES: Final = ".,;:!?\"()'"
#: Lengths of the letter sequences read (spaces included, so word edges count).
_GRAMS: Final = (3, 4, 5)
#: The cue weight between ``supporting`` and ``confident``: below the flag threshold (0.5) on
#: its own, over it beside a lexicon cue of at least 0.375.
SUPPORTING_WEIGHT: Final = 0.2


def _negated(normalised: str) -> set[str]:
    """``~word`` for each word after a negator, to the end of its clause.

    >>> sorted(_negated("i am not saying you are a liar, but you lied"))
    ['~a', '~are', '~liar', '~saying', '~you']
    """
    found = set()
    for clause in _CLAUSE.split(normalised):
        scoped = False
        for token in _TOKEN.findall(clause):
            if token in _NEGATORS:
                scoped = True
            elif scoped:
                found.add("~" + token)
    return found


def _grams(normalised: str) -> set[str]:
    """``#`` and each sequence of 3 to 5 characters of the content words, padded with a space.

    Function words (:data:`.lexicons.FUNCTION_WORDS`, either language) are left out of the
    letters: they count once, as words, not once per letter sequence. A word of n letters
    brings about 3n sequences, and the letters of one common word ("everyone", "all of you")
    once added up to a flag.

    >>> sorted(_grams("nul"))[:4]
    ['# nu', '# nul', '# nul ', '#nul']
    >>> _grams("for everyone") == set()
    True
    >>> sorted(_grams("for you, idiot"))[:3]
    ['# id', '# idi', '# idio']
    """
    kept = [token for token in normalised.split() if token.strip(_EDGES) not in _FUNCTION_WORDS]
    if not kept:
        return set()
    padded = f" {' '.join(kept)} "
    return {
        f"#{padded[start : start + size]}"
        for size in _GRAMS
        for start in range(len(padded) - size + 1)
    }


def features(normalised: str) -> set[str]:
    """What the model reads in normalised text (see :func:`.normalise.normalise`).

    Words and adjacent word pairs as they are (``tu_es``), words in a negation's scope marked
    with ``~``, and letter sequences marked with ``#``.

    >>> sorted(f for f in features("tu es nul") if f[0] != "#")
    ['es', 'es_nul', 'nul', 'tu', 'tu_es']
    """
    tokens = _TOKEN.findall(normalised)
    found = set(tokens)
    found.update(f"{first}_{second}" for first, second in pairwise(tokens))
    found.update(_negated(normalised))
    found.update(_grams(normalised))
    return found


def _is_word(feature: str) -> bool:
    """Whether a feature is a word or a word pair (the ones that carry a reason)."""
    return feature[0] not in "#~"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The model's evidence on one message: its log-odds and the reason its words point to.

    >>> Verdict(2.5, "contempt").log_odds
    2.5
    """

    log_odds: float
    reason: str | None


@dataclass(frozen=True)
class Model:
    """Weights, bias, the reason each positive feature is most often labelled with, thresholds.

    >>> model = Model(bias=-1.0, weights={"nul": 3.0}, reasons={"nul": "insult"},
    ...               supporting=0.0, confident=1.5)
    >>> model.verdict({"tu", "nul"})
    Verdict(log_odds=2.0, reason='insult')
    """

    bias: float
    weights: dict[str, float]
    reasons: dict[str, str]
    supporting: float
    confident: float

    def verdict(self, found: Collection[str]) -> Verdict:
        terms = []
        pull: defaultdict[str, list[float]] = defaultdict(list)
        # Most features of a message carry no weight: intersect first (at C speed).
        for feature in self.weights.keys() & found:
            weight = self.weights[feature]
            terms.append(weight)
            reason = self.reasons.get(feature)
            if reason is not None and weight > 0:
                pull[reason].append(weight)
        # fsum is exact, so the verdict does not depend on the order a set yields its items.
        strength = {reason: math.fsum(weights) for reason, weights in pull.items()}
        reason = max(sorted(strength), key=strength.__getitem__) if strength else None
        return Verdict(round(math.fsum([self.bias, *terms]), 6), reason)

    def weight(self, log_odds: float) -> float:
        """The cue weight of this evidence for the noisy-OR (``FLAG_THRESHOLD`` is 0.5).

        Below ``supporting`` nothing; from there to ``confident`` 0.2, which flags only beside
        a lexicon cue of at least 0.375 (the 0.35 cues are the ones known to be ambiguous: "as
        always", "it's only been two days"); from ``confident`` on, at least 0.5.

        >>> model = Model(0.0, {}, {}, supporting=0.0, confident=2.0)
        >>> model.weight(-0.5), model.weight(1.0), model.weight(2.0), model.weight(9.0)
        (0.0, 0.2, 0.5, 0.9)
        """
        if log_odds < self.supporting:
            return 0.0
        if log_odds < self.confident:
            return SUPPORTING_WEIGHT
        return round(min(0.9, 0.5 + 0.1 * (log_odds - self.confident)), 4)


# --- training (used by benchmarks/tone.py --train; never at assessment time) ---------------

#: Fitting: the minimum number of training messages a feature must appear in, the inverse
#: strength of the L2 penalty, and the smallest weight kept (smaller ones change no verdict
#: that matters and would only swell :mod:`.weights`). ``C`` was chosen on the development
#: split only, by the out-of-fold recall of the whole coach on the messages its lexicons had
#: not been written on, under the hand-written hard negatives of tests/safety: first among
#: 0.3, 1, 3 and 10 (1 and above flag French ones such as "Super, encore une bonne nouvelle :
#: Léa a eu son diplôme !"), then, with the eighth and ninth sets' dev parts, among 0.03, 0.1,
#: 0.3, 1 and 3 (0.1 caught the most at the same false alarms; 1 and 3 failed hand-written
#: tests), then, with the tenth to fourteenth sets, by leave-one-set-out cross-validation
#: among 0.03 to 10, with letter sequences weighed down or left out: larger ``C`` caught
#: more on held-out writers, but every such model flagged hand-written hard negatives ("You're
#: not stupid, just tired.", "What time works for you?") at the operating point, so 0.1
#: stays; see benchmarks/data/tone/README.md.
MIN_COUNT: Final = 2
C: Final = 0.1
KEEP: Final = 0.05
#: The operating point, out of fold (see :func:`confident_threshold`): the least precision of
#: the model's own flags (a margin over the goal's 0.85), and the largest share of
#: firm-but-civil messages it may wrongly flag on its own.
MIN_PRECISION: Final = 0.92
FIRM_FALSE_ALARMS: Final = 0.05
#: The largest share of all civil messages it may wrongly flag on its own, out of fold. Set
#: by the hand-written hard negatives of tests/safety (never by the test split): with
#: precision alone, ``confident`` fell to where the model flagged about 5 % of civil messages,
#: among them plain, practical sentences ("How lovely!", "I'll tell your mother that we're
#: arriving at six.", the calm rewrite of a shouted "OÙ EST LA PENSION ALIMENTAIRE ?"): a bag
#: of words takes a dispute's topics for its tone. 1 % is the loosest share that keeps them.
CIVIL_FALSE_ALARMS: Final = 0.01
#: Civil messages that may score at or above ``supporting``, out of fold. 10 % until the
#: tenth to fourteenth sets: with them, at 10 % the model tipped the weak cue of a hand-written
#: hard negative ("Je connais du monde à la mairie qui peut nous renseigner sur le permis.").
SUPPORTING_FALSE_ALARMS: Final = 0.05
#: The least ``supporting`` may be: just above 0, where a message the model knows nothing of
#: scores, so that such a message never tips a weak cue.
LEAST_SUPPORTING: Final = 0.0001

Example = tuple[Collection[str], bool, Sequence[str]]


def fit(examples: Sequence[Example]) -> tuple[float, dict[str, float], dict[str, str]]:
    """Fit bias and weights on ``(features, hostile, gold reasons)``; deterministic.

    A logistic regression (scikit-learn's liblinear, L2 penalty, fixed seed, no intercept) over
    the features seen in at least ``MIN_COUNT`` messages, each 1 when present (the sum
    :meth:`Model.verdict` takes). Returns the bias (0: see below), the weights (rounded, tiny
    ones dropped) and, for each word or word pair with a positive weight, the gold reason most
    often given to the hostile messages that contain it.
    scikit-learn is needed here only: it is a development dependency, not a runtime one.

    >>> bias, weights, reasons = fit([({"nul"}, True, ["insult"]), ({"nul"}, True, ["insult"]),
    ...                               ({"merci"}, False, []), ({"merci"}, False, [])])
    >>> weights["nul"] > 0 > weights["merci"], reasons
    (True, {'nul': 'insult'})
    """
    # Imported here: training only, never at assessment time (not runtime dependencies).
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped, import-not-found, unused-ignore]

    counts: Counter[str] = Counter(f for found, _, _ in examples for f in found)
    vocabulary = sorted(f for f, count in counts.items() if count >= MIN_COUNT)
    column = {feature: index for index, feature in enumerate(vocabulary)}
    data: list[float] = []
    indices: list[int] = []
    pointers = [0]
    for found, _, _ in examples:
        kept = sorted(column[f] for f in found if f in column)
        indices.extend(kept)
        data.extend([1.0] * len(kept))
        pointers.append(len(indices))
    matrix = csr_matrix(
        (np.array(data), np.array(indices, dtype=np.int64), np.array(pointers, dtype=np.int64)),
        shape=(len(examples), len(vocabulary)),
    )
    labels = np.array([hostile for _, hostile, _ in examples], dtype=np.int64)
    # No intercept: a learned one is an offset every message starts from, whatever its words,
    # and short messages with few known features are then judged by it alone. Without it a
    # message the model knows nothing of scores even odds, far below its thresholds.
    model = LogisticRegression(
        C=C, solver="liblinear", fit_intercept=False, random_state=0, max_iter=1000
    )
    model.fit(matrix, labels)
    rounded = {
        feature: round(float(weight), 4)
        for feature, weight in zip(vocabulary, model.coef_[0], strict=True)
        if abs(weight) >= KEEP
    }
    tally: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for features_of_example, hostile, reasons in examples:
        if hostile:
            for feature in features_of_example:
                if _is_word(feature) and rounded.get(feature, 0.0) > 0:
                    tally[feature].update(reasons)
    named = {f: max(sorted(tally[f]), key=tally[f].__getitem__) for f in sorted(tally) if tally[f]}
    return 0.0, rounded, named


def out_of_fold(
    examples: Sequence[Example], folds: int = 5, groups: Sequence[str] | None = None
) -> list[float]:
    """Log-odds of each example from a model fitted without its fold.

    With ``groups`` (one label per example), a fold is a group: leave one group out, so that
    each set's messages are scored by a model that never saw its writer. Without, a fold is
    every ``folds``-th example.

    >>> examples = [({"a"}, True, ["insult"]), ({"b"}, False, [])] * 4
    >>> len(out_of_fold(examples, groups=["x", "x", "y", "y", "z", "z", "w", "w"]))
    8
    """
    labels = list(groups) if groups is not None else [str(i % folds) for i in range(len(examples))]
    if len(labels) != len(examples):
        raise ValueError("one group per example")
    scores = [0.0] * len(examples)
    for held in sorted(set(labels)):
        training = [e for e, label in zip(examples, labels, strict=True) if label != held]
        bias, weights, _ = fit(training)
        model = Model(bias, weights, {}, supporting=0.0, confident=0.0)
        for index, label in enumerate(labels):
            if label == held:
                scores[index] = model.verdict(examples[index][0]).log_odds
    return scores


def threshold_for(scores: Sequence[float], hostile: Sequence[bool], false_alarms: float) -> float:
    """The lowest log-odds (to 4 decimals) at which at most ``false_alarms`` of civil messages
    score as high or higher.

    >>> threshold_for([3.0, 2.0, 1.0, 0.5], [True, False, True, False], 0.5)
    0.5001
    """
    civil = sorted((s for s, h in zip(scores, hostile, strict=True) if not h), reverse=True)
    allowed = int(false_alarms * len(civil))
    if allowed >= len(civil):
        return round(min(scores), 4)
    # Just above the civil score ranked right after the allowance.
    return round(math.floor(civil[allowed] * 10_000) / 10_000 + 0.0001, 4)


def _just_above(score: float) -> float:
    """The smallest threshold on the 4-decimal grid that ``score`` stays below."""
    return round(math.floor(score * 10_000) / 10_000 + 0.0001, 4)


def confident_threshold(
    scores: Sequence[float],
    hostile: Sequence[bool],
    firm: Sequence[bool],
    may_speak: Sequence[bool],
    *,
    min_precision: float = MIN_PRECISION,
    firm_false_alarms: float = FIRM_FALSE_ALARMS,
    civil_false_alarms: float = CIVIL_FALSE_ALARMS,
) -> float:
    """The lowest threshold reached by lowering it until the model's own flags get imprecise.

    ``scores`` are out-of-fold log-odds; ``firm`` marks the firm-but-civil messages (civil
    ones that refuse, set a deadline or name a lawful step); ``may_speak`` is false where the
    coach keeps the model silent (:class:`.analysis.Evidence`), so those never count as flags.
    The model is judged on its own flags, with the lexicons held aside: the lexicons were
    written on the same messages, and on them they miss almost nothing and never wrongly flag,
    so a precision computed with them would let the model's false alarms hide behind hits that
    fresh messages will not give.

    Candidates run down from just above the highest civil score, one civil message at a time.
    Lowering stops at the first candidate where precision falls below ``min_precision``, or
    false alarms exceed ``firm_false_alarms`` of the firm-but-civil messages or
    ``civil_false_alarms`` of all civil ones; the candidate before it is returned. A later
    recovery is a pocket of a few messages, not a property of the model, so it is not taken.
    Precision is not judged over fewer flags than it takes for one false alarm to be within
    the bar (13 at 0.92): over the first few, one message swings it by several points.

    >>> scores = [9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.5]
    >>> hostile = [True, True, False, True, True, True, True, False, True, False]
    >>> loose = {"civil_false_alarms": 1.0}
    >>> confident_threshold(scores, hostile, [False] * 10, [True] * 10, min_precision=0.8, **loose)
    2.0001
    >>> firm = [False, False, True] + [False] * 7  # the civil message scored 7.0 is firm
    >>> confident_threshold(scores, hostile, firm, [True] * 10, firm_false_alarms=0.0, **loose)
    7.0001
    >>> confident_threshold(scores, hostile, [False] * 10, [True] * 10, min_precision=0.8)
    7.0001
    """
    rows = list(zip(scores, hostile, firm, may_speak, strict=True))
    speaking = [
        (score, is_hostile, is_firm) for score, is_hostile, is_firm, speaks in rows if speaks
    ]
    civil = sorted({score for score, is_hostile, _ in speaking if not is_hostile}, reverse=True)
    if not civil:
        return round(min((score for score, _, _ in speaking), default=0.0), 4)
    firm_count = sum(is_firm and not is_hostile for _, is_hostile, is_firm, _ in rows)
    civil_count = sum(not is_hostile for _, is_hostile, _, _ in rows)
    least_judged = math.ceil(round(1 / (1 - min_precision), 9)) if min_precision < 1 else 1
    chosen = _just_above(civil[0])
    for civil_score in civil[1:]:
        candidate = _just_above(civil_score)
        flagged = [(h, f) for score, h, f in speaking if score >= candidate]
        true = sum(h for h, _ in flagged)
        false_firm = sum(f and not h for h, f in flagged)
        if len(flagged) >= least_judged and true / len(flagged) < min_precision:
            break
        if false_firm > firm_false_alarms * firm_count:
            break
        if len(flagged) - true > civil_false_alarms * civil_count:
            break
        chosen = candidate
    return chosen
