"""The tone coach's verdict and the vocabulary of reason codes it may give.

Reason codes are stable identifiers: the interface translates them, and stored analytics
count them, so a code is never renamed; new ones are only appended.

>>> ToneAssessment(score=0.0, flagged=False, reasons=(), suggestion=None).flagged
False
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["FLAG_THRESHOLD", "REASONS", "ToneAssessment"]

#: A message is flagged when its score reaches this value. Cue weights are set relative to it:
#: one strong cue (an insult, a threat) is enough, two weak ones (``!!!`` and a scare quote)
#: are needed together.
FLAG_THRESHOLD: Final = 0.5

#: Every reason code, in the order they are reported, with what each one covers.
REASONS: Final[dict[str, str]] = {
    "threat": "announces harm or retaliation: 'you'll regret it', 'tu vas me le payer'",
    "intimidation": (
        "veiled pressure or menace without a stated harm: 'or else', 'I know where you live', "
        "'sinon...', 'dernier avertissement'"
    ),
    "insult": "name-calling aimed at the reader: 'idiot', 'useless father', 't'es nul'",
    "contempt": (
        "belittling or disgust: 'pathetic', 'typical of you', 'grow up', 'minable', "
        "'pour qui tu te prends'"
    ),
    "profanity": (
        "swearing, even when not aimed at the reader ('what the hell', 'putain', 'câlisse'): "
        "BIFF replies leave it out because it escalates whatever it surrounds"
    ),
    "blame": (
        "assigning fault wholesale: 'it's your fault', 'tu as détruit cette famille'; Eddy's "
        "BIFF method singles out blame as what turns a factual reply into an attack"
    ),
    "absolute_language": (
        "sweeping generalisations about the reader: 'you always', 'you never', "
        "'tu ne ... jamais', 'vous faites toujours'"
    ),
    "sarcasm": (
        "mock praise or thanks and irony markers: 'oh great, another...', 'thanks for nothing', "
        "'/s', scare quotes, 'merci du cadeau'"
    ),
    "shouting": "writing in capitals, or repeated '!!!' / '???' alongside other cues",
}


@dataclass(frozen=True, slots=True)
class ToneAssessment:
    """How hostile a message reads, why, and a calmer way to say it.

    ``score`` is in [0, 1]; ``flagged`` is ``score >= FLAG_THRESHOLD``. ``reasons`` lists codes
    from :data:`REASONS` in that dict's order and is empty when the message is not flagged, so
    a caller never shows a reason for a message it let through. ``suggestion`` is a BIFF-style
    rewrite (Brief, Informative, Friendly, Firm) when flagged, else ``None``.

    >>> ToneAssessment(score=0.8, flagged=True, reasons=("insult",), suggestion="Ok.").reasons
    ('insult',)
    """

    score: float
    flagged: bool
    reasons: tuple[str, ...]
    suggestion: str | None
