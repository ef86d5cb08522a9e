"""Scoring a message: cues and shouting combined into one score, reasons and a rewrite.

Each cue is treated as independent evidence that the message reads as hostile, and the
evidence is combined as a noisy-OR: ``score = 1 - prod(1 - weight)``. One strong cue is enough
to flag; weak ones (a scare quote, "!!!") only flag together. Every cue counts once, however
often it matches, so repeating a word does not ratchet the score up.

The learned cue (:mod:`.learned`) joins the noisy-OR as one more cue, bounded so that it
flags on its own only when confident, and tips a weak lexicon cue otherwise. It is kept silent
where it cannot see what the lexicons see: warmth and courtesy, and a charged phrase the
lexicons judged innocent (negated, reported, practical). Its reason is reported only when no
lexicon cue gave one.

>>> assess("Please stop contacting me at work.").flagged
False
>>> assess("T'es vraiment nul.", "fr-CA").reasons
('insult',)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from accord.safety.tone import weights
from accord.safety.tone.capitals import shouting_weight
from accord.safety.tone.cues import Hit, find_hits
from accord.safety.tone.learned import Model, features
from accord.safety.tone.lexicons import COURTESY, FUNCTION_WORDS
from accord.safety.tone.normalise import normalise
from accord.safety.tone.result import FLAG_THRESHOLD, REASONS, ToneAssessment
from accord.safety.tone.rewrite import SENTENCE, fallback, rewrite

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Evidence",
    "assess",
    "combined_score",
    "evidence",
    "primary_language",
]

SUPPORTED_LANGUAGES: Final = ("en", "fr")
_ORDER: Final = {reason: index for index, reason in enumerate(REASONS)}
#: The learned cue (see :mod:`.learned`), with the weights generated from the dev split.
MODEL: Final = Model(
    bias=weights.BIAS,
    weights=weights.WEIGHTS,
    reasons=weights.REASONS,
    supporting=weights.SUPPORTING,
    confident=weights.CONFIDENT,
)
#: The index a :class:`Hit` of the learned cue carries (lexicon cues count from 0).
LEARNED_CUE: Final = -1
_WORD: Final = re.compile(r"[a-z0-9'-]+")


def has_content_word(normalised: str, lang: str) -> bool:
    """Whether normalised text has a word that is neither a function word nor a number.

    >>> has_content_word("for everyone", "en"), has_content_word("for everyone, idiot", "en")
    (False, True)
    >>> has_content_word("pour vous tous", "fr"), has_content_word("pick-up at 5", "en")
    (False, True)
    """
    function_words = FUNCTION_WORDS[lang]
    return any(
        word not in function_words and not word.isdigit() for word in _WORD.findall(normalised)
    )


def primary_language(lang: str) -> str:
    """The supported primary subtag of a BCP 47 tag, or ``ValueError``.

    >>> primary_language("fr-CA"), primary_language("EN_gb")
    ('fr', 'en')
    >>> primary_language("de")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'de': the tone coach supports 'en' and 'fr' (...)
    """
    primary = lang.replace("_", "-").split("-", 1)[0].strip().casefold()
    if primary not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"unsupported language {lang!r}: the tone coach supports 'en' and 'fr' "
            "(regional tags such as 'fr-CA' are accepted)"
        )
    return primary


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the lexicons and capitals found in a message, before the learned cue is weighed.

    ``learned_may_speak`` is false where the learned cue is kept silent: warmth or courtesy,
    only charged phrases that the lexicons judged innocent, or no content word at all
    (:func:`has_content_word`). ``features`` are what the
    learned cue reads. ``benchmarks/tone.py --train`` combines this evidence with out-of-fold
    scores through :func:`combined_score`, the rule :func:`assess` applies, so the operating
    point it chooses is measured on exactly the score the coach computes.
    """

    hits: tuple[Hit, ...]
    shouting: float
    learned_may_speak: bool
    features: frozenset[str]
    normalised: str


def evidence(text: str, lang: str) -> Evidence:
    """The lexicon and capitals evidence of ``text`` in ``lang`` ("en" or "fr").

    >>> found = evidence("I'm not calling you a liar.", "en")
    >>> [(hit.reason, hit.blocked) for hit in found.hits], found.learned_may_speak
    ([('insult', True)], False)
    """
    norm = normalise(text, lang)
    hits = tuple(find_hits(norm, lang))
    counted = any(not hit.blocked for hit in hits)
    # A charged phrase that the lexicons judged innocent (negated, reported, practical) and
    # nothing else: the model, which cannot see why, is not asked to overrule them. Thanks and
    # praise look, word for word, like the mock thanks of sarcasm, and a polite complaint
    # shares its words with a rude one: only the lexicons can tell one from the other.
    # A message of function words alone ("for everyone", "this is for all of you") gives the
    # model no content word to judge: its letters would speak for the one common word.
    may_speak = (
        (counted or not hits)
        and not COURTESY[lang].search(norm.text)
        and has_content_word(norm.text, lang)
    )
    return Evidence(
        hits, shouting_weight(text), may_speak, frozenset(features(norm.text)), norm.text
    )


def combined_score(found: Evidence, learned_weight: float) -> float:
    """The noisy-OR of the counted lexicon cues, capitals and the learned cue's weight.

    Each cue counts once however often it matches; ``learned_weight`` is ignored where the
    learned cue may not speak.

    >>> scare_quote = evidence('Your "plan" is late.', "en")
    >>> combined_score(scare_quote, 0.0), combined_score(scare_quote, 0.2)
    (0.4, 0.52)
    >>> combined_score(evidence("Thanks so much for your help.", "en"), 0.9)
    0.35
    """
    weights_by_cue = {hit.cue: hit.weight for hit in found.hits if not hit.blocked}
    learned = learned_weight if found.learned_may_speak else 0.0
    remaining = math.prod([*(1 - weight for weight in weights_by_cue.values()), 1 - learned])
    remaining *= 1 - found.shouting
    return round(min(1.0, max(0.0, 1 - remaining)), 4)


def _reasons(hits: list[Hit], shouting: float) -> tuple[str, ...]:
    lexical = {hit.reason for hit in hits if hit.cue != LEARNED_CUE}
    if shouting:
        lexical.add("shouting")
    # The learned cue names a reason only when no lexicon cue or capitals gave one.
    found = lexical or {hit.reason for hit in hits if hit.cue == LEARNED_CUE}
    return tuple(sorted(found, key=_ORDER.__getitem__))


def _evaluate(text: str, lang: str) -> tuple[float, list[Hit]]:
    found = evidence(text, lang)
    hits = list(found.hits)
    weight = 0.0
    if found.learned_may_speak:
        verdict = MODEL.verdict(found.features)
        weight = MODEL.weight(verdict.log_odds)
        if weight:
            hits.append(
                Hit(
                    LEARNED_CUE,
                    verdict.reason or "contempt",
                    weight,
                    found.normalised,
                    0,
                    len(text),
                    "keep",
                    "",
                    blocked=False,
                )
            )
    return combined_score(found, weight), hits


def _learned_sentences(text: str, lang: str) -> list[Hit]:
    """Whole-sentence hits for the sentences the learned cue finds hostile on their own.

    Used by the rewrite when the model, not a phrase, carried the verdict: such sentences are
    left out, the others kept.
    """
    found = []
    for match in SENTENCE.finditer(text):
        norm = normalise(match.group(0), lang)
        verdict = MODEL.verdict(features(norm.text))
        if verdict.log_odds >= MODEL.supporting:
            found.append(
                Hit(
                    LEARNED_CUE,
                    verdict.reason or "contempt",
                    MODEL.weight(verdict.log_odds),
                    norm.text,
                    match.start(),
                    match.end(),
                    "sentence",
                    "",
                    blocked=False,
                )
            )
    return found


def _calm_suggestion(text: str, lang: str, hits: list[Hit]) -> str:
    phrased = [hit for hit in hits if hit.cue != LEARNED_CUE]
    suggestion = rewrite(text, phrased, lang)
    if _evaluate(suggestion, lang)[0] >= FLAG_THRESHOLD:
        # The phrases alone did not carry the verdict: also leave out the sentences the
        # learned cue finds hostile on their own.
        suggestion = rewrite(text, phrased + _learned_sentences(text, lang), lang)
    # The rewrite is heuristic; never offer one the coach itself would flag.
    if _evaluate(suggestion, lang)[0] >= FLAG_THRESHOLD:
        return fallback(text, lang)
    return suggestion


def assess(text: str, lang: str = "en") -> ToneAssessment:
    """Assess how hostile ``text`` reads, in English or French (``lang`` "en", "fr", "fr-CA"…).

    Pure and deterministic: no I/O, no state, the same answer for the same input.

    >>> result = assess("You always show up late to pick up the kids. It's pathetic.")
    >>> result.flagged, result.reasons
    (True, ('contempt', 'absolute_language'))
    >>> result.suggestion
    'I have noticed that you often show up late to pick up the kids.'
    >>> assess("If payment is not received by Friday I will file with the small claims court.")
    ToneAssessment(score=0.0, flagged=False, reasons=(), suggestion=None)
    """
    primary = primary_language(lang)
    if not text.strip():
        return ToneAssessment(score=0.0, flagged=False, reasons=(), suggestion=None)
    score, hits = _evaluate(text, primary)
    if score < FLAG_THRESHOLD:
        return ToneAssessment(score=score, flagged=False, reasons=(), suggestion=None)
    shouting = shouting_weight(text)
    return ToneAssessment(
        score=score,
        flagged=True,
        reasons=_reasons([hit for hit in hits if not hit.blocked], shouting),
        suggestion=_calm_suggestion(text, primary, hits),
    )
