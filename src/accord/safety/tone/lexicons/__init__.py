"""The shipped lexicons, one module per language and topic, assembled per language.

Each module holds data only: :class:`~accord.safety.tone.spec.Cue` entries over normalised text.
Keeping them as Python modules means packaging needs no data-file configuration.

>>> sorted(CUES)
['en', 'fr']
"""

from __future__ import annotations

import re
from typing import Final

from accord.safety.tone.lexicons import (
    en_abuse,
    en_belittling,
    en_contempt,
    en_intimidation,
    en_irony,
    en_menace,
    en_style,
    fr_abuse,
    fr_belittling,
    fr_contempt,
    fr_intimidation,
    fr_irony,
    fr_menace,
    fr_style,
)
from accord.safety.tone.spec import Cue

__all__ = ["COURTESY", "CUES"]

CUES: Final[dict[str, tuple[Cue, ...]]] = {
    "en": (
        en_abuse.CUES
        + en_contempt.CUES
        + en_belittling.CUES
        + en_menace.CUES
        + en_intimidation.CUES
        + en_style.CUES
        + en_irony.CUES
    ),
    "fr": (
        fr_abuse.CUES
        + fr_contempt.CUES
        + fr_belittling.CUES
        + fr_menace.CUES
        + fr_intimidation.CUES
        + fr_style.CUES
        + fr_irony.CUES
    ),
}

#: Sincere warmth (thanks, praise, welcome) and courtesy (polite requests, I-statements, the
#: very forms the rewrite writes, a message that is only a greeting): with either, the
#: learned cue stays silent, so that only a phrase the lexicons name can flag such a message.
#: A bare greeting gives a bag of words and letters nothing to judge ("Hello everyone" was
#: flagged as contempt from the letters of "everyone" alone).
COURTESY: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(
        en_style.WARMTH
        + r"|\b(?:please|could you|would you|can you|would it be possible|i would like|i would"
        r" prefer|i have noticed|i feel|i felt|i am asking|let us|shall we|if possible)\b"
        r"|^(?:hello|hi|hey|good (?:morning|afternoon|evening))"
        r"(?: (?:everyone|everybody|all|all of you|both|you both|there|team|folks))?[ !.,]*$"
    ),
    "fr": re.compile(
        fr_style.WARMTH
        + r"|\b(?:si il te plait|si il vous plait|merci de|pourrais-tu|pourriez-vous|peux-tu"
        r"|pouvez-vous|je aimerais|je souhaite|je souhaiterais|je prefererais|je ai remarque"
        r"|je me sens|je me suis sentie?|est-ce que tu pourrais|est-ce que vous pourriez"
        r"|on pourrait|si possible)\b"
        r"|^(?:bonjour|bonsoir|salut|coucou|allo)"
        r"(?: (?:a tous|a toutes|tout le monde|a vous deux|vous deux))?[ !.,]*$"
    ),
}
