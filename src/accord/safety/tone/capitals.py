"""Shouting: words in capitals and bursts of ``!!!`` / ``???``.

One capitalised word is emphasis ("moved to THURSDAY, not Wednesday"); a capitalised sentence
or a run of capitalised words is shouting. Acronyms (HR, PDF, CNESST) are neither.

>>> shouting_weight("WHY IS THIS STILL NOT DONE???")
0.8125
>>> shouting_weight("The meeting is moved to THURSDAY, not Wednesday.")
0.0
"""

from __future__ import annotations

import re
from typing import Final

from accord.safety.tone.spec import wordset

__all__ = ["is_shouted", "shouting_weight"]

# Acronyms that contain a vowel; vowel-less ones (HR, PDF, RH, CC) are recognised by shape.
_ACRONYMS: Final = wordset(
    """
    ASAP ATM BBC CAF CAQ CEO CFO CNESST CPAM CPE CSE CSST CTO DIY DRH EDF EDT ETA EU EUR FAQ
    FAO GMT IBAN ID IKEA IRS ISO MBA NASA NATO NHS OK ONU OTAN PDG PIN PME RAM RATP RIB RSA
    SAAQ SARL SAS SIRET SMIC SNCF SUV SVP TBA TBD TVA TVQ UE UK UN UNICEF URL URSSAF USA USB
    USD UTC VAT VIP
    """
)
_WORD: Final = re.compile(r"[^\W\d_]+")
_SENTENCE: Final = re.compile(r"[^.!?…\n]+")
_BURST: Final = re.compile(r"[!?]{2,}")
_VOWELS: Final = frozenset("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ")


def is_shouted(word: str) -> bool:
    """Whether ``word`` is written in capitals for effect rather than as an acronym.

    >>> is_shouted("NOBODY"), is_shouted("HR"), is_shouted("I")
    (True, False, False)
    """
    return (
        len(word) >= 2
        and word.isupper()
        and word not in _ACRONYMS
        and any(char in _VOWELS for char in word)
    )


def _sentence_is_shouted(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if len(w) >= 2]
    return bool(words) and all(is_shouted(w) for w in words)


def shouting_weight(text: str) -> float:
    """Evidence of shouting in [0, 1] for the original (not normalised) ``text``.

    >>> shouting_weight("Answer me. NOW.")
    0.55
    >>> shouting_weight("Great news!!!")
    0.25
    """
    words = [w for w in _WORD.findall(text) if len(w) >= 2]
    shouted = sum(1 for w in words if is_shouted(w))
    capital_sentences = 0
    for sentence in _SENTENCE.findall(text):
        whole = _sentence_is_shouted(sentence)
        capital_sentences += whole and sum(len(w) for w in _WORD.findall(sentence)) >= 3
    burst = _BURST.search(text) is not None
    weight = 0.0
    if shouted >= 3 and shouted >= 0.5 * len(words):
        weight = 0.75
    elif capital_sentences >= 1 or (shouted >= 3 and shouted >= 0.25 * len(words)):
        weight = 0.55
    elif shouted >= 2:
        weight = 0.3
    if burst:
        # "!!!" alone is often joy ("Great news!!!"); it only tips a message that already
        # carries another cue, so it adds a little to whatever else was found.
        weight = 1 - (1 - weight) * 0.75 if weight else 0.25
    return round(weight, 4)
