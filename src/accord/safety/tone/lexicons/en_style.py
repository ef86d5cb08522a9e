"""English sarcasm and absolute language ("you always", "you never").

Sarcasm is mostly praise or thanks in a context that contradicts it ("Oh great, another
last-minute change"), so most cues pair a positive word with a letdown, or are set phrases.

>>> sorted({cue.reason for cue in CUES})
['absolute_language', 'sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES"]

CUES: Final[tuple[Cue, ...]] = (
    # --- sarcasm --------------------------------------------------------------------------
    Cue("sarcasm", 0.8, r"(?:^|\s)/s\b", action="sentence"),
    Cue(
        "sarcasm",
        0.6,
        rf"{START}(?P<core>oh,? (?:great|wonderful|perfect|brilliant|lovely|fantastic|joy|nice"
        r"|sure|really|wow|good|marvellous|marvelous|splendid))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?P<core>(?:great|brilliant|fantastic|wonderful|perfect|lovely|super|nice"
        r"|marvellous|wow|terrific))[,.!] (?=.{0,80}\b(?:again|another|too|late|last-minute"
        r"|finally|\d+ (?:am|pm)|still|broken|once more))",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?P<core>(?:great|good|nice|brilliant|fantastic) (?:job|work|going|one)) (?=\w+ing\b"
        r"|again\b)",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.3,
        rf"{START}(?P<core>well done|bravo|congratulations|nice one){END}",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.7,
        r"\b(?:thanks|thank you) (?:so much |a lot )?for nothing\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?P<core>thanks a lot|thanks so much|thanks a bunch) for\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.7,
        r"\b(?P<core>(?:nice|kind|good|sweet|generous|decent|big) of you to (?:finally"
        r"|eventually|bother|even|actually))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?P<core>(?:really|so|how|very) (?:considerate|thoughtful|generous|mature) of you)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        rf"{START}(?P<core>sure,? whatever|whatever){END}|\byeah,? right\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bas if you (?:ever |even |actually |really )?(?:cared|care|knew|did)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bwow,? you (?:actually |finally |even )?(?:remembered|managed|did)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bwhat a (?:surprise|shock)\b|\bsurprise,? surprise\b|\bshocker\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bcongratulations on (?:the bare minimum|finally|doing|remembering)\b|\bwell done you\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:just )?like the (?:last|other) (?:\w+ )?times?\b|\bas usual\b|\bsame as always\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.45, r"\b(?P<core>so-called)\b", action="strip"),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:colou?r me (?:surprised|shocked)|big surprise|real mature|slow clap|clap,? clap"
        r"|must be nice|sure you did|aren't you (?:a |so )?(?:helpful|clever|sweet|special))\b"
        r"|\bare not you (?:a |so )?(?:helpful|clever|sweet|special)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\b(?:if you say so|who would have thought|very mature|how (?:nice|kind|thoughtful) of "
        r"you|genius idea|brilliant idea|yeah,? sure|thanks for all your help)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:that is|it is) just (?:great|perfect|wonderful|fantastic|brilliant|lovely)\b"
        r"|\bjust what i (?:needed|wanted)\b|\bdo not (?:strain|hurt) yourself\b"
        r"|\bdo not rush on my account\b|\btake your (?:sweet )?time,? (?:why not|really|then)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.35, r"\bas always\b|\bgood for you\b", action="sentence"),
    Cue("sarcasm", 0.4, "\U0001f643|\U0001f44f", action="sentence"),
    # Scare quotes the writer put around the reader's words: your "urgent" requests.
    Cue("sarcasm", 0.4, r'(?:^|[\s(])"(?P<core>[^"\s][^"]{0,28})"', action="keep"),
    Cue("sarcasm", 0.35, rf"{START}(?:sure|right|yeah|ha|haha|lol)(?=[,.!] )"),
    # --- absolute language (rewritten, not dropped: see rewrite.py) -----------------------
    Cue(
        "absolute_language",
        0.55,
        r"\byou (?:have |are |were |will |would |just |also |still |can |could |do |did |should )?"
        r"(?P<core>always|never"
        r"|constantly|continually|forever|invariably)\b(?! (?:welcome|free to|know|mind))"
        r"(?![^.!?]{0,200}\bthank)",
        action="keep",
    ),
    Cue("absolute_language", 0.55, r"\bevery (?:single )?time you\b", action="keep"),
    Cue(
        "absolute_language",
        0.5,
        rf"\byour (?:{WORD} ){{1,3}}?(?:is|are|were|was) (?P<core>always|never|constantly)\b",
        action="keep",
    ),
    Cue("absolute_language", 0.3, r"\b(?P<core>not (?:even )?once)\b", action="strip"),
    Cue(
        "absolute_language",
        0.5,
        r"\byou do not (?P<core>ever)\b|\bnothing you (?:do|say)\b|\byou (?:\w+ )?nothing but\b",
        action="keep",
    ),
    Cue("absolute_language", 0.5, r"\byou (?:\w+ ){0,2}all the time\b", action="keep"),
)
