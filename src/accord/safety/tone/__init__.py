"""Tone coach: does a message read as hostile, why, and how could it be said more calmly?

Before a party sends a message through Accord, :func:`assess` scores it against shipped
English and French lexicons (threats, intimidation, insults, contempt, profanity, blame,
absolute language, sarcasm) and capitals, with a small learned second opinion (a linear model
over words, word pairs, negated words and letter sequences whose weights ship in
:mod:`.weights`, fitted on the labelled development messages by ``benchmarks/tone.py
--train``), and offers a BIFF-style rewrite
(Brief, Informative, Friendly, Firm — Bill Eddy). It is a pure, standard-library module: no
download, no I/O; regular expressions are compiled at import.

Firm is not hostile: refusing, setting a deadline or naming a lawful next step ("I will file
with the small claims court") is not flagged.

>>> from accord.safety.tone import assess
>>> result = assess("WHY IS THIS STILL NOT DONE???")
>>> result.flagged, result.reasons, result.suggestion
(True, ('shouting',), 'Why is this still not done?')
>>> assess("Je refuse cette proposition.", "fr").flagged
False
"""

from accord.safety.tone import learned
from accord.safety.tone.analysis import assess
from accord.safety.tone.result import REASONS, ToneAssessment

__all__ = ["REASONS", "ToneAssessment", "assess", "learned"]
