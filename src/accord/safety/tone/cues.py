"""Finding lexicon cues in normalised text, with negation and self-reference guards.

>>> from accord.safety.tone.normalise import normalise
>>> hits = find_hits(normalise("I'm not calling you a liar, you are an idiot.", "en"), "en")
>>> sorted({(hit.reason, hit.text, hit.blocked) for hit in hits})
[('insult', 'idiot', False), ('insult', 'liar', True)]
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from accord.safety.tone.lexicons import CUES
from accord.safety.tone.normalise import Normalised
from accord.safety.tone.spec import Action, Cue

__all__ = ["Hit", "find_hits", "needles"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a cue: ``start``/``end`` are offsets in the *original* message.

    ``blocked`` hits were negated or self-applied: they do not count towards the score, but a
    rewrite still leaves them out ("I'm not saying you're an idiot, but...").

    >>> Hit(0, "insult", 0.8, "idiot", 5, 10, "drop", "", blocked=False).end
    10
    """

    cue: int
    reason: str
    weight: float
    text: str
    start: int
    end: int
    action: Action
    replacement: str
    blocked: bool


@dataclass(frozen=True, slots=True)
class _Compiled:
    cue: Cue
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None
    #: Literal strings one of which occurs in every match; empty when none could be derived.
    needles: tuple[str, ...]


# Most cues cannot match most messages, and the regular expressions are most of the cost of
# an assessment. Each cue's pattern is parsed once to find literal strings one of which every
# match must contain ("you " for "\\byou (?:are|were) ..."); when none of them is in the text
# the pattern is not run. This is the prefilter of RE2 and of trigram code search, reduced to
# substrings. It needs the standard library's regular expression parser, whose module is
# private: if it is missing or changes shape, cues simply run unfiltered.
try:
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _PARSER = None
_MAX_NEEDLES: Final = 16
_Needles = frozenset[str]


def _best(candidates: list[_Needles]) -> _Needles | None:
    # The most selective set: longest shortest string, then fewest strings.
    usable = [c for c in candidates if c and len(c) <= _MAX_NEEDLES]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _required(sequence: Any) -> _Needles | None:
    """Strings one of which every match of the parsed ``sequence`` contains, or ``None``."""
    candidates: list[_Needles] = []
    run = ""
    for op, arg in sequence:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        found: _Needles | None = None
        if name == "SUBPATTERN" and not arg[1] & re.IGNORECASE:
            found = _required(arg[3])
        elif name == "ATOMIC_GROUP":
            found = _required(arg)
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"} and arg[0] >= 1:
            found = _required(arg[2])
        elif name == "BRANCH":
            branches = [_required(branch) for branch in arg[1]]
            if all(branch is not None for branch in branches):
                found = frozenset().union(*(b for b in branches if b is not None))
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    return _best(candidates)


def needles(pattern: str) -> tuple[str, ...]:
    """Literal strings one of which occurs in every match of ``pattern`` (empty: unknown).

    >>> needles(r"\\byou (?:are|were) (?:a|an) idiot\\b")
    (' idiot',)
    >>> needles(r"\\b(?:merci|thanks) pour\\b"), needles(r"\\w+")
    ((' pour',), ())
    """
    if _PARSER is None:
        return ()
    try:
        found = _required(_PARSER.parse(pattern))
    except Exception:
        # An unexpected parse tree only costs speed: the cue runs unfiltered.
        return ()
    return tuple(sorted(found)) if found else ()


def _compile(cues: Sequence[Cue]) -> tuple[_Compiled, ...]:
    return tuple(
        _Compiled(
            cue,
            re.compile(cue.pattern),
            re.compile(cue.unless) if cue.unless else None,
            needles(cue.pattern),
        )
        for cue in cues
    )


_LEXICONS: Final = {lang: _compile(cues) for lang, cues in CUES.items()}

_NEGATORS: Final = {
    "en": frozenset({"not", "never", "no", "nobody", "hardly", "without", "nor", "neither"}),
    "fr": frozenset({"ne", "pas", "jamais", "aucun", "aucune", "sans", "ni", "non", "nullement"}),
}
# Name-calling the writer applies to themselves ("I was an idiot", "he called me a liar")
# is not aimed at the reader.
_SELF_REFERENCE: Final = {
    "en": re.compile(
        r"\b(?:i am|i was|i feel|i felt|i look|i looked|i sound|i sounded|i have been|myself"
        r"|call(?:ed|ing|s)? (?:me|us)|treat(?:ed|ing|s)? (?:me|us) like|made me (?:look|feel)"
        r"|makes me (?:look|feel))\b"
    ),
    "fr": re.compile(
        r"\b(?:je suis|je etais|je me sens|je me suis senti|je me sentais|me traite|me traiter"
        r"|me traitait|traitee? de|me prends? pour|me fai(?:s|t) passer pour|je ai ete"
        r"|je ai le air|me suis comporte)\b"
    ),
}
# Negation does not reach across a clause: "I'm not threatening you, but you'll regret it".
_CLAUSE_BREAK: Final = re.compile(
    r"[.,;:!?()\[\]]|\b(?:but|however|yet|although|and|or|mais|cependant|pourtant|toutefois"
    r"|sauf que|et|ou|otherwise|sinon)\b"
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
# "ne ... que" with no other negative word between: a restriction ("only"), not a negation.
_RESTRICTIVE: Final = re.compile(
    r"\bne (?:(?!pas|jamais|plus|rien|aucun|aucune|personne)\S+ ){0,3}que\b"
)
_WINDOW_CHARS: Final = 80
_WINDOW_WORDS: Final = 4


def _guard_blocks(text: str, core_start: int, lang: str) -> bool:
    if _CLAUSE_BREAK.match(text, core_start):
        # The core opens its own clause ("... and you'll regret it"): nothing before it binds.
        return False
    before = text[max(0, core_start - _WINDOW_CHARS) : core_start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = clause.split()[-_WINDOW_WORDS:]
    if lang == "fr" and _RESTRICTIVE.search(" ".join(words)):
        # "Tu n'es qu'un menteur" restricts, it does not negate: "ne ... que" means "only".
        words = [word for word in words if word not in {"ne", "que"}]
    if any(word in _NEGATORS[lang] for word in words):
        return True
    return _SELF_REFERENCE[lang].search(" ".join(words)) is not None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``start:end``, with its closing punctuation."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    close = _SENTENCE_END.search(text, end)
    finish = len(text) if close is None else close.end()
    # "?!" and "..." close one sentence.
    while finish < len(text) and text[finish] in ".!?":
        finish += 1
    return text[begin:finish]


def find_hits(norm: Normalised, lang: str) -> list[Hit]:
    """Every cue match in ``norm``, in lexicon order, for ``lang`` ("en" or "fr").

    >>> from accord.safety.tone.normalise import normalise
    >>> [(h.reason, h.blocked) for h in find_hits(normalise("Ce n'est pas ta faute.", "fr"), "fr")]
    [('blame', True)]
    """
    hits: list[Hit] = []
    text = norm.text
    for index, compiled in enumerate(_LEXICONS[lang]):
        if compiled.needles and not any(needle in text for needle in compiled.needles):
            continue
        cue = compiled.cue
        for match in compiled.regex.finditer(norm.text):
            group = "core" if "core" in compiled.regex.groupindex else 0
            begin, finish = match.span(group)
            if begin < 0:
                begin, finish = match.span()
            blocked = (cue.guarded and _guard_blocks(norm.text, begin, lang)) or (
                compiled.unless is not None
                and compiled.unless.search(_sentence(norm.text, *match.span())) is not None
            )
            start, end = norm.original_span(begin, finish)
            hits.append(
                Hit(
                    index,
                    cue.reason,
                    cue.weight,
                    norm.text[begin:finish],
                    start,
                    end,
                    cue.action,
                    cue.replacement,
                    blocked,
                )
            )
    return hits
