"""Finding lexicon cues in normalised text, with negation and self-reference guards.

>>> from accord.safety.tone.normalise import normalise
>>> hits = find_hits(normalise("I'm not calling you a liar, you are an idiot.", "en"), "en")
>>> [(hit.reason, hit.text, hit.blocked) for hit in hits]
[('insult', 'liar', True), ('insult', 'idiot', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from accord.safety.tone.lexicons import CUES
from accord.safety.tone.normalise import Normalised
from accord.safety.tone.spec import Action, Cue

__all__ = ["Hit", "find_hits"]


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


def _compile(cues: tuple[Cue, ...]) -> tuple[_Compiled, ...]:
    return tuple(_Compiled(cue, re.compile(cue.pattern)) for cue in cues)


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
    if any(word in _NEGATORS[lang] for word in words):
        return True
    return _SELF_REFERENCE[lang].search(" ".join(words)) is not None


def find_hits(norm: Normalised, lang: str) -> list[Hit]:
    """Every cue match in ``norm``, in lexicon order, for ``lang`` ("en" or "fr").

    >>> from accord.safety.tone.normalise import normalise
    >>> [(h.reason, h.blocked) for h in find_hits(normalise("Ce n'est pas ta faute.", "fr"), "fr")]
    [('blame', True)]
    """
    hits: list[Hit] = []
    for index, compiled in enumerate(_LEXICONS[lang]):
        cue = compiled.cue
        for match in compiled.regex.finditer(norm.text):
            group = "core" if "core" in compiled.regex.groupindex else 0
            begin, finish = match.span(group)
            if begin < 0:
                begin, finish = match.span()
            blocked = cue.guarded and _guard_blocks(norm.text, begin, lang)
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
