"""English irony beyond set phrases: mock awards and thanks, understatement, minimisers.

"Mother of the year", "thanks for the bonfire smoke all over my washing", "another weekend,
another excuse", "so glad you could fit your children into your busy calendar": praise, thanks
or congratulation that the same sentence shows was not meant. Set phrases and the praise/letdown
pairing they build on are in :mod:`.en_style`.

>>> sorted({cue.reason for cue in CUES})
['sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.en_style import LETDOWN as _LETDOWN
from accord.safety.tone.lexicons.en_style import PRAISE as _PRAISE
from accord.safety.tone.spec import END, START, Cue

__all__ = ["CUES"]

CUES: Final[tuple[Cue, ...]] = (
    # --- more irony markers ---------------------------------------------------------------
    Cue(
        "sarcasm",
        0.5,
        r"\banother (\w+),? another (?!\1\b)\w+\b|\b(?:great|wonderful|brilliant|fantastic"
        r"|lovely|perfect|marvell?ous|super),? (?:yet )?another\b",
        action="sentence",
        unless=r"\b(?:thank|thanks|love|congrat\w*|well done)\b",
    ),
    Cue(
        "sarcasm",
        0.4,
        rf"{START}(?:shocking|shocker|who knew|figures|go figure|classic|colou?r me shocked"
        rf"|imagine that|oh look){END}|{START}oh look,",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bgrace[sd]? us with (?:his|her|your|their) presence\b|\b(?:deigns?|deigned) to\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:thanks|thank you|cheers)(?: \w+){0,2} for the (?:\w+ ){0,2}?(?:smoke|noise|mess"
        r"|stink"
        r"|smell|racket|fumes|din|litter|dust|rubbish|fly-?tipping|puddle|flood|leak|drilling"
        r"|banging)\b",
        action="sentence",
        unless=r"\b(?:clear\w*|clean\w*|fix\w*|sort\w*|deal\w*|warn\w*|heads up|letting me know)\b",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bonce (?:this|a|per|in a) (?:decade|century|millennium|blue moon|lifetime)\b"
        r"|\bfor once in your (?:life|lives)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:i )?love (?:how|the way) you (?:\w+ ){0,4}?(?:every (?:single )?time|whenever|always"
        r"|the moment|as soon as|the minute)\b",
        action="sentence",
    ),
    # --- understated irony ------------------------------------------------------------------
    # Thanks for something the same sentence shows was a letdown.
    Cue(
        "sarcasm",
        0.5,
        rf"\b(?:thanks|thank you|cheers)\b[^.!?]{{0,80}}\b{_LETDOWN}",
        action="sentence",
        unless=r"\b(?:helped|help|helpful|kind|appreciate\w*|grateful|lifesaver|means a lot"
        r"|saved|sorry)\b",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:so |really |very )?(?:glad|nice|great|lovely|good) (?:that )?you could (?:fit"
        r"|squeeze"
        r"|find (?:the )?time|make (?:the )?time|spare|be bothered|grace)\b"
        r"|\byour busy (?:social )?"
        r"(?:calendar|schedule|diary|life)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\bdo not (?:worry|mind) (?:about )?me,? i will just\b[^.!?]{0,60}\b(?:again|as usual"
        r"|as always|like always)\b|\b(?:my|our) whole life around you\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:gold star|medal|round of applause|pat on the back|trophy|prize|cookie|biscuit"
        r"|parade)"
        r" for (?:\w+ing|you|that|finally|managing)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:\w+ )?(?:stars?|points?|marks?|out of ten|/10) for (?:creativity|effort|imagination"
        r"|trying|originality|style)\b|\bzero (?:stars? |points? |marks? )?for\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:what an?|such an?|how) (?:bold|brilliant|genius|clever|inspired|visionary|daring)"
        r" (?:strategy|plan|move|idea|approach|decision)\b",
        action="sentence",
        unless=r"\b(?:thank|thanks|love|proud|congrat\w*|well done|worked|works)\b",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:newsflash|news flash|spoiler alert|breaking news)\b[^.!?]{0,60}\b(?:not|never"
        r"|no)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?:oh,? )?{_PRAISE} to (?:be |have |get |find |see |hear |wake )(?=.{{0,60}}"
        rf"\b{_LETDOWN})",
        action="sentence",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Mock praise closing a complaint: "...and still managed to lose her retainer.
    # Impressive.", "Doors that don't shut. Five stars."
    Cue(
        "sarcasm",
        0.55,
        rf"(?:\b(?:wrong|double|late|broken|broke|lost|lose|failed|collapsed|forgot|forgotten"
        rf"|missed|leaks?|leaking|cracked|ruined|still managed|(?:do|does|did) not (?:shut|close"
        rf"|work|fit|open|turn up|show up))\b|\b{_LETDOWN})"
        rf"[^.!?]{{0,200}}[.!?]+ (?P<core>impressive|hats off|five stars|top marks|stellar work"
        rf"|outstanding|classy|real classy|very classy)(?:,? (?:really|truly|honestly))?[.!]*$",
        action="sentence",
    ),
    # Thanks for the reader's "word": "Thank you for the 'generous' revised offer".
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:thanks|thank you|cheers|congrats|congratulations) for (?:the |your |that |all"
        r" the )?(?:\S+ )?(?:\"[^\"]{1,30}\"|'[^']{1,30}')",
        action="sentence",
        unless=r"\b(?:kind|appreciated|lovely|helpful|grateful|thoughtful)\b",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:thanks|thank you|cheers) for (?:the |that |your )?[^.!?]{0,60}[,.;] (?:really"
        r" |truly )?(?:made|making) my (?:day|morning|evening|week|weekend|sunday|saturday"
        r"|night)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?:hey|hi|listen|look|well|ok|okay),? (?P<core>genius|einstein|sherlock"
        r"|smart guy|champ)\b",
    ),
)
