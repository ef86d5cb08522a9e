"""The common-ground finder: which interests of different sides seem to express the same need.

Pure Python plus the Snowball stemmers shipped in the `snowballstemmer` package; nothing is
downloaded. Each statement becomes a bag of features: the stems of its words (after removing
stop words, in the statement's guessed language, English or French) and the needs concepts of
the shipped lexicon its words map to, weighted higher so that an English and a French
statement of the same need meet. Features are weighted TF-IDF over the statements compared,
and pairs are ranked by cosine similarity.

The thresholds were chosen on the development split of benchmarks/data/interests/ and are
reported, with the test split, by benchmarks/interests.py. A suggestion is only ever a
suggestion: the mediator confirms or dismisses each.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import snowballstemmer

from accord.bargaining.matching.lexicon import CONCEPTS, STOPWORDS

# A pair at or above MATCH is suggested; at or above SHARED it is suggested as "shared".
MATCH_THRESHOLD = 0.22
SHARED_THRESHOLD = 0.45
CONCEPT_WEIGHT = 2.0
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_LANGUAGES = {"en": "english", "fr": "french"}


@dataclass(frozen=True)
class Match:
    """Two statements (by index) that seem to say the same thing."""

    first: int
    second: int
    score: float
    shared: bool


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(_LANGUAGES[language])


def _fold(word: str) -> str:
    return word.casefold().replace("\u2019", "'")


def _words(text: str) -> list[str]:
    text = _fold(unicodedata.normalize("NFC", text)).replace("'", " ")
    return _WORD.findall(text)


def guess_language(text: str) -> str:
    """ "en" or "fr", by which language's stop words the text uses more (ties: English)."""
    words = _words(text)
    fr = sum(w in STOPWORDS["fr"] for w in words) + sum(1 for ch in text if ch in "éèêàùçôîâœ")
    en = sum(w in STOPWORDS["en"] for w in words)
    return "fr" if fr > en else "en"


@cache
def _concepts(language: str) -> dict[str, frozenset[str]]:
    stem = _stemmer(language).stemWord
    table: dict[str, set[str]] = {}
    for concept, words in CONCEPTS.items():
        for phrase in words[language]:
            for word in _words(phrase):
                table.setdefault(stem(word), set()).add(concept)
    return {key: frozenset(value) for key, value in table.items()}


def _concepts_of(word: str, stemmed: str, concepts: dict[str, frozenset[str]]) -> frozenset[str]:
    """The word's concepts by its stem; failing that, by the longest lexicon stem of at least
    five letters that starts the word (Snowball leaves some French verb forms unstemmed:
    "excusent", "reconnaissent")."""
    if stemmed in concepts:
        return concepts[stemmed]
    for end in range(len(word), 4, -1):
        if word[:end] in concepts:
            return concepts[word[:end]]
    return frozenset()


def features(text: str) -> dict[str, float]:
    """The statement's weighted features: language-tagged stems and needs concepts."""
    language = guess_language(text)
    stem = _stemmer(language).stemWord
    concepts = _concepts(language)
    found: dict[str, float] = {}
    for word in _words(text):
        if word in STOPWORDS[language] or len(word) < 2:
            continue
        stemmed = stem(word)
        found[f"{language}:{stemmed}"] = found.get(f"{language}:{stemmed}", 0.0) + 1.0
        for concept in _concepts_of(word, stemmed, concepts):
            found[f"need:{concept}"] = found.get(f"need:{concept}", 0.0) + CONCEPT_WEIGHT
    return found


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    bags = [features(t) for t in texts]
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag))
    vectors = []
    for bag in bags:
        vector = {
            f: (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df[f])) + 1.0) for f, c in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({f: v / norm for f, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())


def similarities(texts: Sequence[str], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """Cosine similarity of each pair of statements, IDF weighted over all `texts`."""
    vectors = _vectors(texts)
    return [_cosine(vectors[i], vectors[j]) for i, j in pairs]


def suggest_matches(texts: Sequence[str], *, threshold: float = MATCH_THRESHOLD) -> list[Match]:
    """Every pair of statements at or above `threshold`, most similar first.

    O(n² · f) for n statements of f features: a process has tens of interests, not thousands.
    """
    vectors = _vectors(texts)
    found = []
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            score = _cosine(vectors[i], vectors[j])
            if score >= threshold:
                found.append(Match(i, j, score, score >= SHARED_THRESHOLD))
    found.sort(key=lambda m: (-m.score, m.first, m.second))
    return found


__all__ = [
    "MATCH_THRESHOLD",
    "SHARED_THRESHOLD",
    "Match",
    "features",
    "guess_language",
    "similarities",
    "suggest_matches",
]
