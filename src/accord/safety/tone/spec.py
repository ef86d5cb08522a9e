"""The shape of a lexicon entry, shared by the English and French lexicons.

Patterns are matched against *normalised* text (see :mod:`.normalise`): casefolded, accents
removed, contractions and elisions expanded ("you're" -> "you are", "t'es" -> "tu es"),
typographic quotes turned into ``"`` and runs of white space collapsed to one space. So a
pattern is written in lower case without accents, with single spaces between words.

>>> Cue("insult", 0.8, r"\\bidiot\\b").action
'drop'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["END", "START", "WORD", "Action", "Cue", "alt", "gap", "words", "wordset"]

#: One word of normalised text that stays inside its clause (no punctuation, no space).
WORD = r"[^\s.,;:!?]+"
#: Just before the end of a sentence: "Bring them back by six or else."
END = r"(?=\s*(?:[.!?]|$))"
#: At the start of the message or just after a sentence or clause break.
START = r"(?:^|(?<=[.!?;,] ))"

#: What the rewrite does with the text a cue matched: drop the clause around it, drop the whole
#: sentence (irony colours all of it), strip only the matched words (putting ``replacement`` in
#: their place), or leave it for the dedicated rewriters (absolute language and capitals have
#: their own, see :mod:`.rewrite`).
Action = Literal["drop", "sentence", "strip", "keep"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry.

    ``pattern`` may name a group ``core``: the words that carry the hostility. Negation and
    self-reference are looked for just before the core ("you are *not* stupid", "*I was* an
    idiot"), and the rewrite acts on the core's span; without a ``core`` group the whole match
    is used. ``guarded`` cues are ignored when negated, or (for name-calling) when the writer
    applies the word to themselves.

    >>> Cue("threat", 0.85, r"\\byou will regret it\\b", guarded=True).weight
    0.85
    """

    reason: str
    weight: float
    pattern: str
    guarded: bool = False
    action: Action = "drop"
    replacement: str = ""
    unless: str = ""


def alt(*words: str) -> str:
    """Join alternatives into one non-capturing group.

    >>> alt("idiot", "moron")
    '(?:idiot|moron)'
    """
    return "(?:" + "|".join(words) + ")"


def gap(most: int, words: str | None = None) -> str:
    """Up to ``most`` words, each followed by a space, without leaving the clause.

    With ``words`` (a pattern), only those words may fill the gap; this keeps "you left the
    *stupid* form" from reading as "you are stupid".

    >>> gap(2)
    '(?:[^\\\\s.,;:!?]+ ){0,2}?'
    """
    word = words if words is not None else r"[^\s.,;:!?]+"
    return f"(?:{word} ){{0,{most}}}?"


def words(text: str) -> str:
    """:func:`alt` over white-space separated alternatives; ``_`` stands for a space.

    Long word lists stay compact this way (a formatter would put one argument per line).

    >>> words("idiots? con_artists?")
    '(?:idiots?|con artists?)'
    """
    return alt(*(word.replace("_", " ") for word in text.split()))


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, for vocabularies kept as plain text.

    >>> sorted(wordset("stop  send\tsign"))
    ['send', 'sign', 'stop']
    """
    return frozenset(text.split())
