"""French sarcasm and absolute language ("tu ne ... jamais", "vous faites toujours").

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
        rf"{START}(?P<core>oh,? (?:super|genial|parfait|formidable|bravo|magnifique|merveilleux"
        r"|chouette|la la|quelle surprise|tiens|ben bravo|cool|trop bien|extra))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?P<core>(?:super|genial|parfait|formidable|bravo|magnifique|excellent"
        r"|chouette|trop bien|top|merveilleux|felicitations))[,.!] (?=.{0,80}\b(?:encore|aussi"
        r"|enfin|en retard|derniere minute|casse|cassee|toujours|de nouveau|\d+ ?h du matin"
        r"|une fois de plus))",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.3,
        rf"{START}(?P<core>bien joue|bravo|felicitations|chapeau|chapeau bas){END}",
        action="sentence",
    ),
    Cue("sarcasm", 0.7, r"\bmerci (?:bien )?(?:du cadeau|pour rien)\b", action="sentence"),
    Cue("sarcasm", 0.45, r"\b(?P<core>(?:ce est )?trop aimable)\b", action="sentence"),
    Cue(
        "sarcasm",
        0.5,
        r"\bmerci (?:de avoir|pour avoir|pour) (?:enfin|finalement)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.55, r"\bmerci pour (?:votre|ta|ton|vos|tes) delicatesse\b", action="sentence"),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?P<core>(?:ce est|ce etait|vraiment) (?:vraiment |tellement |trop )?(?:agreable"
        r"|sympa|charmant|delicat|top))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\bmerci (?:pour|de) (?=.{0,60}\b(?:\d+ ?h(?:eures?)? du matin|minuit|en pleine nuit"
        r"|encore|enfin))",
        action="sentence",
    ),
    Cue("sarcasm", 0.5, r"\bquelle surprise\b|\bsurprise,? surprise\b", action="sentence"),
    Cue("sarcasm", 0.55, r"\bcomme par hasard\b", action="sentence"),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:bah|ben) bravo\b|\bbravo (?:le genie|le artiste|les artistes|champion)\b"
        r"|\bchapeau le artiste\b|\bon applaudit\b|\bne (?:te|vous) (?:presse|pressez) surtout"
        r" pas\b|\bprends ton temps,? surtout\b|\bprenez votre temps,? surtout\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\bidee de genie\b|\b(?:tu es|vous etes) (?:un |des )?genies?\b|\btu me etonnes\b"
        r"|\bcomme par magie\b|\btrop sympa\b"
        r"|\bce est gentil de (?:me )?prevenir\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.4, "\U0001f643|\U0001f44f", action="sentence"),
    Cue("sarcasm", 0.4, r"\bsans blague\b", action="sentence"),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:ben|bah|mais) voyons\b|\bce est ca,? oui\b|\boui,? ce est ca\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.3, r"\bmais bien sur\b", action="sentence"),
    Cue("sarcasm", 0.4, rf"{START}(?P<core>ce est ca)(?=[,.!] )", action="sentence"),
    Cue(
        "sarcasm",
        0.4,
        r"\bcomme (?:les|la) (?:\w+ )?dernieres? fois\b|\bcomme de habitude\b|\bcomme toujours\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\bquel(?:le)? (?:\w+ )?(?:genereu(?:x|se)|brillante?|geniale?|formidable"
        r"|magnifique)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?:vous devez|tu dois|vous pouvez|tu peux) etre fier(?:e)?s?\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:bravo|felicitations),? (?:tu as|vous avez) (?:enfin|reussi|meme)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.45, r"\b(?P<core>soi-disante?s?)\b", action="strip"),
    Cue("sarcasm", 0.4, r'(?:^|[\s(])"(?P<core>[^"\s][^"]{0,28})"', action="keep"),
    # --- absolute language (rewritten, not dropped: see rewrite.py) -----------------------
    Cue(
        "absolute_language",
        0.55,
        rf"\b(?:tu|vous) (?:ne |n )?(?:{WORD} ){{0,2}}?(?P<core>jamais)\b",
        action="keep",
    ),
    # "Tu es toujours d'accord ?" asks whether something still holds: questions and
    # "toujours pas" (still not) are not generalisations.
    Cue(
        "absolute_language",
        0.55,
        rf"\b(?:tu|vous) (?:ne |n )?(?:{WORD} ){{0,2}}?(?P<core>toujours)\b(?! pas\b)"
        r"(?![^.!?]{0,200}\?)(?! (?:le |la |les )?bienvenue?s?\b)(?![^.!?]{0,200}\bmerci\b)",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        rf"\b(?:tes|vos|ton|ta|votre) (?:{WORD} ){{1,3}}?(?P<core>toujours)\b"
        r"(?! pas\b)(?![^.!?]{0,200}\?)",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        r"\b(?P<core>(?:a )?chaque fois) (?:que )?(?:tu|vous)\b",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        rf"\b(?:tu|vous) (?:{WORD} ){{0,2}}?(?P<core>tout le temps|sans arret|sans cesse"
        r"|constamment|systematiquement)\b",
        action="keep",
    ),
    Cue("absolute_language", 0.3, r"\b(?P<core>pas une seule fois)\b", action="strip"),
    Cue(
        "absolute_language",
        0.45,
        r"\ba chaque fois ce est (?:pareil|la meme chose)\b|\btoujours pareil\b",
        action="keep",
    ),
)
