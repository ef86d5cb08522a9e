"""French irony beyond set phrases: mock awards and thanks, understatement, minimisers.

"Père de l'année", "merci pour la fumée du barbecue sur mon linge", "un autre week-end, une
autre excuse", "ravie que tu aies pu caser tes enfants dans ton agenda de ministre". Set
phrases and the praise/letdown pairing they build on are in :mod:`.fr_style`.

>>> sorted({cue.reason for cue in CUES})
['sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.fr_style import LETDOWN as _LETDOWN
from accord.safety.tone.lexicons.fr_style import PRAISE as _PRAISE
from accord.safety.tone.spec import END, START, Cue

__all__ = ["CUES"]

CUES: Final[tuple[Cue, ...]] = (
    # --- more irony markers ---------------------------------------------------------------
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:un autre|une autre|encore un|encore une) (\w+),? (?:un autre|une autre|encore un"
        r"|encore une) (?!\1\b)\w+\b|\b(?:formidable|genial|super|parfait|magnifique|bravo),?"
        r" encore (?:un|une)\b(?! (?:bonne|belle|super|grande)\b)",
        action="sentence",
        unless=r"\b(?:merci|felicitations|bravo a)\b",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bdaigne\w*\b|\bhonorer de (?:sa|ta|votre|leur) presence\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\bmerci (?:pour|de) (?:la|le|les|ce|cette) (?:\w+ ){0,1}?(?:fumee|bruit|odeur|crottes?"
        r"|dechets|bazar|boucan|vacarme|poussiere|fuite|inondation|tapage|perceuse)\b",
        action="sentence",
        unless=r"\b(?:nettoy\w*|ramass\w*|repar\w*|prevenu\w*|signal\w*|regl\w*)\b",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:au moins )?une fois par (?:decennie|siecle|millenaire)\b|\bune fois dans (?:ta"
        r"|votre)"
        r" vie\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        rf"{START}(?:tiens|tiens donc|oh tiens|ah tiens|comme par hasard|qui le eut cru|etonnant)"
        rf"(?:{END}|,)",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bje adore (?:comme|comment|quand|la facon dont) (?:tu"
        r"|vous) (?:\w+ ){0,4}?(?:a chaque fois"
        r"|chaque fois|des que|toujours|systematiquement|pile quand)\b",
        action="sentence",
    ),
    # --- understated irony ------------------------------------------------------------------
    Cue(
        "sarcasm",
        0.5,
        rf"\bmerci\b[^.!?]{{0,80}}\b{_LETDOWN}",
        action="sentence",
        unless=r"\b(?:aide|aidee?|gentil\w*|reconnaissante?|sauve|adorable|desolee?|rapidement)\b"
        r"|\bsi (?:vite|rapidement)\b",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\bravie? que (?:tu aies|vous ayez) pu (?:caser|trouver le temps|te liberer|vous liberer"
        r"|daigner)\b|\bagenda de (?:ministre|star|president)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\bne (?:te|vous) en (?:fais|faites) pas pour moi\b[^.!?]{0,60}\b(?:encore|comme"
        r" toujours|comme de habitude|comme dab)\b|\btoute ma vie autour de (?:toi|vous)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:une medaille|un bon point|un petit gateau|des applaudissements|une ovation) pour"
        r" (?:te |vous |avoir |etre |ca\b|le |la |les |ton |ta )",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:\w+ )?(?:etoiles?|points?|sur 10|/10) pour (?:le |la |les )?(?:imagination"
        r"|creativite|effort|originalite|style)\b|\bzero (?:pointe? )?pour\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\bquel(?:le)? (?:strategie|plan|idee|decision|approche|coup) (?:audacieu(?:x|se)"
        r"|brillante?"
        r"|geniale?|visionnaire|de genie|de maitre)\b",
        action="sentence",
        unless=r"\b(?:merci|bravo a|felicitations|fiere?s?|marche|a marche)\b",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:scoop|flash info|spoiler)\b[^.!?]{0,60}\b(?:ne|pas|jamais)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?:oh,? )?{_PRAISE} de (?:etre |avoir |se |te |vous |me |trouver |voir )"
        rf"(?=.{{0,60}}\b{_LETDOWN})",
        action="sentence",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # L'éloge qui clôt une plainte : "... pour qu'on me raccroche au nez. Chapeau.",
    # "Tu viens pour les meubles mais pas pour l'enterrement. Très classe."
    Cue(
        "sarcasm",
        0.5,
        rf"(?:\b(?:pas|plus|jamais|encore|double|retard|casse|cassee|perdu|perdue|oublie|oubliee"
        rf"|rate|ratee|fuite|raccroche\w*)\b|\b{_LETDOWN})[^.!?]{{0,200}}[.!?]+ (?P<core>chapeau"
        rf"|chapeau bas|tres classe|quelle classe|du grand art|cinq etoiles|merci,? vraiment)"
        rf"(?:,? vraiment)?[.!]*$",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\bexactement ce (?:que il|dont) (?:me|nous) (?:fallait|manquait)\b"
        r"|\bce est (?:tres |vraiment |super )?(?:elegant|classe)(?: de (?:ta|votre) part)?"
        r"(?=\s*(?:[.!?]|$))",
        action="sentence",
    ),
)
