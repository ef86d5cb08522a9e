"""Internals of the tone coach that the behaviour tests cannot see directly.

The literal prefilter must never change a result, only skip patterns that cannot match; the
lexicon patterns must be what their authors wrote (an f-string once turned ``{0, 200}`` into
the text "(0, 200)" and silently disabled a cue); normalisation and the negation guard must
read phone-typed French and the restrictive "ne ... que".
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.safety.tone import REASONS, assess
from accord.safety.tone import cues as cue_module
from accord.safety.tone.cues import find_hits, needles
from accord.safety.tone.lexicons import CUES
from accord.safety.tone.normalise import normalise

DATA_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "tone"


def _texts():
    for name in sorted(path.name for path in DATA_DIR.glob("messages*.jsonl")):
        with (DATA_DIR / name).open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    yield row["text"], row["lang"][:2]


@pytest.fixture
def unfiltered(monkeypatch):
    """Swap in the lexicons without prefilters; returns a function giving hits without them."""
    plain = {
        lang: tuple(dataclasses.replace(compiled, needles=()) for compiled in compiled_cues)
        for lang, compiled_cues in cue_module._LEXICONS.items()
    }
    filtered = dict(cue_module._LEXICONS)

    def hits_without_prefilter(norm, lang):
        monkeypatch.setitem(cue_module._LEXICONS, lang, plain[lang])
        try:
            return find_hits(norm, lang)
        finally:
            monkeypatch.setitem(cue_module._LEXICONS, lang, filtered[lang])

    return hits_without_prefilter


def test_most_cues_get_a_prefilter():
    for lang, compiled_cues in cue_module._LEXICONS.items():
        with_needles = sum(bool(compiled.needles) for compiled in compiled_cues)
        assert with_needles >= 0.9 * len(compiled_cues), lang


def test_prefilter_never_changes_the_hits_on_the_benchmark_texts(unfiltered):
    texts = list(_texts())
    assert len(texts) > 1600
    for text, lang in texts:
        norm = normalise(text, lang)
        assert find_hits(norm, lang) == unfiltered(norm, lang), text


# Words the lexicons look for, so that random text actually exercises the cues.
_VOCABULARY = [
    "you",
    "are",
    "a",
    "an",
    "idiot",
    "never",
    "always",
    "will",
    "regret",
    "it",
    "or",
    "else",
    "i",
    "know",
    "where",
    "live",
    "your",
    "thanks",
    "for",
    "nothing",
    "again",
    "tu",
    "es",
    "vous",
    "êtes",
    "jamais",
    "toujours",
    "sinon",
    "je",
    "sais",
    "où",
    "t'es",
    "qu'un",
    "nul",
    "merci",
    "pour",
    "rien",
    "encore",
    "ne",
    "pas",
    "que",
    ",",
    ".",
    "?",
    "!",
    '"',
    "worst",
    "ever",
    "of",
    "the",
    "lawyer",
    "espèce",
    "de",
    "bande",
    "watch",
    "what",
]


@settings(deadline=None, max_examples=300)
@given(
    words=st.lists(st.sampled_from(_VOCABULARY), max_size=18),
    lang=st.sampled_from(["en", "fr"]),
)
def test_prefilter_never_changes_the_hits_on_random_text(words, lang):
    norm = normalise(" ".join(words), lang)
    plain = tuple(
        dataclasses.replace(compiled, needles=()) for compiled in cue_module._LEXICONS[lang]
    )
    expected = []
    saved = cue_module._LEXICONS[lang]
    cue_module._LEXICONS[lang] = plain
    try:
        expected = find_hits(norm, lang)
    finally:
        cue_module._LEXICONS[lang] = saved
    assert find_hits(norm, lang) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\byou (?:are|were) an? idiot\b", (" idiot",)),
        (r"\b(?:merci|thanks) pour\b", (" pour",)),
        # The parser factors the common "p" out of the alternatives; what follows is rarer.
        (r"\b(?:pathetic|pitiful)\b", ("athetic", "itiful")),
        (r"\w+", ()),  # nothing literal is required
        (r"(?:a|)bc", ("bc",)),  # an empty alternative makes "a" optional
        (r"x?yz", ("yz",)),  # an optional part is not required
    ],
)
def test_needles_are_strings_every_match_contains(pattern, expected):
    assert needles(pattern) == expected
    for needle in expected:
        assert isinstance(needle, str)


@pytest.mark.parametrize("lang", sorted(CUES))
def test_every_pattern_is_what_its_author_wrote(lang):
    for cue in CUES[lang]:
        assert cue.reason in REASONS
        assert 0 < cue.weight <= 1
        for pattern in (cue.pattern, cue.unless):
            # Leftovers of an f-string mistake: an interpolated tuple, a doubled brace, or a
            # placeholder that was never interpolated.
            assert not re.search(r"\(\d+, \d+\)|\{\{|\}\}|\{[A-Za-z_]+\}", pattern), pattern
            re.compile(pattern)


def test_the_ultimatum_cue_matches_again():
    # It could never match while its pattern read "(0, 200)"; on its own it stays below the
    # threshold, so a plain ultimatum is noted but not flagged.
    norm = normalise("Bring it back or I will come and take it.", "en")
    assert any(hit.reason == "threat" for hit in find_hits(norm, "en"))
    assert not assess("Let me know by Friday or I will book the later slot.").flagged


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("t es vraiment qu un incapable", "fr", "tu es vraiment que un incapable"),
        ("jte previens", "fr", "je te previens"),
        ("je t préviens", "fr", "je te previens"),
        ("c est nul, j ai dit non", "fr", "ce est nul, je ai dit non"),
        ("youll regret it", "en", "you will regret it"),
    ],
)
def test_phone_typed_contractions_are_spelled_out(text, lang, expected):
    assert normalise(text, lang).text == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Tu n'es qu'un menteur.", True),  # "ne ... que" restricts: "you are only a liar"
        ("Tu n'es plus qu'un menteur.", True),
        ("Tu n'es pas un menteur.", False),
        ("Tu n'es jamais en retard, merci.", False),
    ],
)
def test_restrictive_ne_que_is_not_a_negation(text, flagged):
    assert assess(text, "fr").flagged is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("You never send me the school reports.", True),
        ("You never sent me the school report from last term.", False),
        ("You have never missed a delivery before.", False),
        ("I know what time you finish. Remember that.", True),
        ("I know what time you finish, so shall I collect them at six?", False),
    ],
)
def test_unless_reads_the_whole_sentence(text, flagged):
    assert assess(text).flagged is flagged
