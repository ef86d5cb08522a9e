"""The shipped lexicons, one module per language and topic, assembled per language.

Each module holds data only: :class:`~accord.safety.tone.spec.Cue` entries over normalised text.
Keeping them as Python modules means packaging needs no data-file configuration.

>>> sorted(CUES)
['en', 'fr']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons import (
    en_abuse,
    en_contempt,
    en_intimidation,
    en_menace,
    en_style,
    fr_abuse,
    fr_contempt,
    fr_intimidation,
    fr_menace,
    fr_style,
)
from accord.safety.tone.spec import Cue

__all__ = ["CUES"]

CUES: Final[dict[str, tuple[Cue, ...]]] = {
    "en": en_abuse.CUES + en_contempt.CUES + en_menace.CUES + en_intimidation.CUES + en_style.CUES,
    "fr": fr_abuse.CUES + fr_contempt.CUES + fr_menace.CUES + fr_intimidation.CUES + fr_style.CUES,
}
