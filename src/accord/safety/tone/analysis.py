"""Scoring a message: cues and shouting combined into one score, reasons and a rewrite.

Each cue is treated as independent evidence that the message reads as hostile, and the
evidence is combined as a noisy-OR: ``score = 1 - prod(1 - weight)``. One strong cue is enough
to flag; weak ones (a scare quote, "!!!") only flag together. Every cue counts once, however
often it matches, so repeating a word does not ratchet the score up.

>>> assess("Please stop contacting me at work.").flagged
False
>>> assess("T'es vraiment nul.", "fr-CA").reasons
('insult',)
"""

from __future__ import annotations

import math
from typing import Final

from accord.safety.tone.capitals import shouting_weight
from accord.safety.tone.cues import Hit, find_hits
from accord.safety.tone.normalise import normalise
from accord.safety.tone.result import FLAG_THRESHOLD, REASONS, ToneAssessment
from accord.safety.tone.rewrite import fallback, rewrite

__all__ = ["SUPPORTED_LANGUAGES", "assess", "primary_language"]

SUPPORTED_LANGUAGES: Final = ("en", "fr")
_ORDER: Final = {reason: index for index, reason in enumerate(REASONS)}


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


def _score(hits: list[Hit], shouting: float) -> float:
    weights = {hit.cue: hit.weight for hit in hits}
    remaining = math.prod(1 - weight for weight in weights.values()) * (1 - shouting)
    return round(min(1.0, max(0.0, 1 - remaining)), 4)


def _reasons(hits: list[Hit], shouting: float) -> tuple[str, ...]:
    found = {hit.reason for hit in hits}
    if shouting:
        found.add("shouting")
    return tuple(sorted(found, key=_ORDER.__getitem__))


def _evaluate(text: str, lang: str) -> tuple[float, list[Hit]]:
    hits = find_hits(normalise(text, lang), lang)
    counted = [hit for hit in hits if not hit.blocked]
    return _score(counted, shouting_weight(text)), hits


def _calm_suggestion(text: str, lang: str, hits: list[Hit]) -> str:
    suggestion = rewrite(text, hits, lang)
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
