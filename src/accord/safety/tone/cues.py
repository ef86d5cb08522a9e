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
from accord.safety.tone.spec import Action, Cue, wordset

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
# substrings; all needles of a lexicon are found in one pass over the text (see _Index), so
# the cost no longer grows with the number of cues. It needs the standard library's regular
# expression parser, whose module is private: if it is missing or changes shape, cues simply
# run unfiltered.
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


def _trie_pattern(strings: Sequence[str]) -> str:
    """A regular expression matching the longest of ``strings`` that starts where it is tried.

    The strings are merged into a character trie, so one pass over a message finds, at each
    position, the longest needle there in time bound by the needle length, not their number.

    >>> re.match(_trie_pattern(["you", "your", "ya"]), "yours").group(0)
    'your'
    """
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class _Index:
    """Which cues may match a text: one scan for every needle of a lexicon at once."""

    scan: re.Pattern[str] | None
    #: For each needle, the needles that are prefixes of it (itself included): where the
    #: longest needle at a position matches, these do too.
    prefixes: dict[str, tuple[str, ...]]
    #: For each needle, the cues (by position in the lexicon) that require it.
    cues_of: dict[str, tuple[int, ...]]
    #: Cues without needles, which always run.
    always: tuple[int, ...]

    def candidates(self, text: str) -> list[int]:
        chosen = set(self.always)
        if self.scan is not None:
            present: set[str] = set()
            for match in self.scan.finditer(text):
                present.update(self.prefixes[match.group(1)])
            for needle in present:
                chosen.update(self.cues_of[needle])
        return sorted(chosen)


def _index(lexicon: tuple[_Compiled, ...]) -> _Index:
    cues_of: dict[str, list[int]] = {}
    always = []
    for position, compiled in enumerate(lexicon):
        if not compiled.needles:
            always.append(position)
            continue
        for needle in compiled.needles:
            cues_of.setdefault(needle, []).append(position)
    found = sorted(cues_of)
    prefixes = {n: tuple(m for m in found if n.startswith(m)) for n in found}
    scan = re.compile("(?=(" + _trie_pattern(found) + "))") if found else None
    return _Index(scan, prefixes, {n: tuple(c) for n, c in cues_of.items()}, tuple(always))


# Built once per lexicon object (tests swap in lexicons without needles to compare).
_INDEXES: dict[int, tuple[tuple[_Compiled, ...], _Index]] = {}


def _index_for(lexicon: tuple[_Compiled, ...]) -> _Index:
    cached = _INDEXES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, _index(lexicon))
        _INDEXES[id(lexicon)] = cached
    return cached[1]


_NEGATORS: Final = {
    "en": frozenset({"not", "never", "no", "nobody", "hardly", "without", "nor", "neither"}),
    "fr": frozenset({"ne", "pas", "jamais", "aucun", "aucune", "sans", "ni", "non", "nullement"}),
}
# Name-calling the writer applies to themselves ("I was an idiot", "he called me a liar")
# is not aimed at the reader.
_SELF_REFERENCE: Final = {
    "en": re.compile(
        r"\b(?:i am|i was|i feel|i felt|i look|i looked|i sound|i sounded|i have been|myself"
        r"|call(?:ed|ing|s)? (?:me|us|her|him|them)|treat(?:ed|ing|s)? (?:me|us) like"
        r"|made me (?:look|feel)"
        r"|makes me (?:look|feel))\b"
    ),
    "fr": re.compile(
        r"\b(?:je suis|je etais|je me sens|je me suis senti|je me sentais|me traite|me traiter"
        r"|me traitait|traitee? de|me prends? pour|me fai(?:s|t) passer pour|je ai ete"
        r"|je ai le air|me suis comporte)\b"
    ),
}
# A denial frames what follows as what the writer is *not* saying: "I'm not saying you're a
# bad father", "je ne dis pas que tu es un mauvais père". Both a negator and a verb of saying
# must stand in the clause before the core.
_DENIAL_VERBS: Final = {
    "en": wordset(
        """
        saying say said calling call called suggesting suggest suggested implying imply implied
        claiming claim claimed think thought mean meant accusing accuse accused
        """
    ),
    "fr": wordset(
        """
        dis dit disais pense pensais crois croyais traite traitais insinue insinuais accuse
        accusais pretends pretendu sous-entends suggere affirme
        """
    ),
}
_DENIAL_NEGATORS: Final = {
    "en": frozenset({"not", "never"}),
    "fr": frozenset({"pas", "jamais"}),
}
# Name-calling aimed at the writer's own people, or at a bystander, is not aimed at the reader:
# "my boss is an idiot, so I'll be late", "ma patronne est une vraie peste", "that dentist is a
# crook". The reader's own side stays in reach: "that lawyer of *yours*", "the company is run by
# crooks" (institutions the reader may speak for are not bystanders).
_OWN_SIDE: Final = {
    "en": re.compile(r"\b(?:my|our) (?:\S+ ){1,2}?(?:is|was|are|were|has been|have been)\b"),
    "fr": re.compile(r"\b(?:mon|ma|mes|notre|nos) (?:\S+ ){1,2}?(?:est|etait|sont|etaient)\b"),
}
_BYSTANDER: Final = {
    "en": re.compile(
        r"\b(?:that|the) (?!(?:company|management|union|firm|business|shop|agency|landlord|boss"
        r"|manager|team|staff|council|board|outfit|lot|office|store|garage|directors?|owner"
        r"|owners|whole)\b)\S+ (?:is|was)\b"
    ),
    "fr": re.compile(
        r"\b(?:ce|cet|cette|le|la) (?!(?:entreprise|direction|syndicat|societe|boite|agence"
        r"|proprietaire|patron|patronne|equipe|gerant|gerante|magasin|garage|boutique|bureau"
        r"|conseil)\b)\S+ (?:est|etait)\b"
    ),
}
_READER: Final = {
    "en": re.compile(r"\b(?:you|your|yours|ya)\b"),
    "fr": re.compile(r"\b(?:tu|toi|te|ton|ta|tes|vous|votre|vos)\b"),
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
# Articles and intensifiers do not count towards that window when looking for the writer
# naming themselves: "I've been an absolute muppet" is as self-applied as "I was an idiot".
_FILLERS: Final = {
    "en": frozenset({"a", "an", "such", "absolute", "complete", "total", "utter", "real"}),
    "fr": frozenset({"un", "une", "vrai", "vraie", "veritable", "sacre", "sacree"}),
}


def _guard_blocks(text: str, core_start: int, lang: str, reason: str) -> bool:
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
    everything = set(clause.split())
    if everything & _DENIAL_NEGATORS[lang] and everything & _DENIAL_VERBS[lang]:
        return True
    if reason == "insult" and (
        _OWN_SIDE[lang].search(clause)
        or (_BYSTANDER[lang].search(clause) and not _READER[lang].search(clause))
    ):
        return True
    unfilled = [word for word in clause.split() if word not in _FILLERS[lang]][-_WINDOW_WORDS:]
    return _SELF_REFERENCE[lang].search(" ".join(unfilled)) is not None


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
    lexicon = _LEXICONS[lang]
    for index in _index_for(lexicon).candidates(text):
        compiled = lexicon[index]
        cue = compiled.cue
        for match in compiled.regex.finditer(norm.text):
            group = "core" if "core" in compiled.regex.groupindex else 0
            begin, finish = match.span(group)
            if begin < 0:
                begin, finish = match.span()
            blocked = (cue.guarded and _guard_blocks(norm.text, begin, lang, cue.reason)) or (
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
