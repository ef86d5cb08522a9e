"""French sarcasm and absolute language ("tu ne ... jamais", "vous faites toujours").

>>> sorted({cue.reason for cue in CUES})
['absolute_language', 'sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES"]

# "Jamais" about one dated event, or in praise, is not a generalisation about the reader:
# "tu ne m'as jamais envoyé le bulletin *du dernier trimestre*", "vous n'avez jamais manqué une
# livraison *jusqu'ici*", "tu n'es jamais en retard *d'habitude*".
_EPISODE = (
    r"\bjusque (?:ici|a present|a maintenant|la|aujourd hui)\b|\bde habitude\b|\bauparavant\b"
    r"|\bavant(?= ?[,.;:!?]|$)|\b(?:dernier|derniere|prochain|prochaine)\b|\bhier\b"
    r"|\baujourd hui\b|\bce (?:matin|soir|mois|week-end|trimestre)\b|\bcette (?:semaine|annee)\b"
    r"|\b(?:janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre)\b"
    r"|(?<!\ble )\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|\bjamais (?:manque|rate|failli|decu|laisse tomber|ete en retard|oublie de)\b"
)
# Praise that a letdown in the next few words turns into irony: "Quel service formidable :
# trois semaines et toujours pas de frigo."
# Warmth in the same sentence: "Tu fais toujours rire les enfants, ils adorent ça."
_WARMTH = (
    r"\b(?:merci|adore|adores|adorent|aime|aimes|aiment|contente?s?|ravie?s?|heureu(?:x|se|ses)"
    r"|bienvenue?s?|plaisir|rire"
    r"|sourire|genti\w+ avec)\b"
)
_PRAISE = (
    r"(?:super|genial|parfait|formidable|bravo|magnifique|excellent|chouette|trop bien|top"
    r"|merveilleux|felicitations|bien joue|chapeau|quel(?:le)? \w+ (?:formidable|genial|geniale"
    r"|parfait|parfaite|magnifique|exemplaire|remarquable|impeccable|efficace))"
)
_LETDOWN = (
    r"(?:(?:en retard|annulee?s?|cassee?s?|en panne|oubliee?s?|perdue?s?|malades?|sales?|poux"
    r"|ratee?s?|abimee?s?|inondee?s?|fuite|en rade)\b|toujours pas\b|au dernier moment"
    r"|pas (?:fait|repare|paye|pret|arrive|venu|livre|reparee?)\b|une fois de plus"
    r"|derniere minute|[0-5] ?h du matin|jusque a [0-5] ?h\b|en pleine nuit"
    r"|sans (?:son |sa |ses |un |une )?(?:manteau|veste|chaussures|repas|devoirs"
    r"|medicaments|cartable|sac)|jamais (?:arrive|venu|livre))"
)

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
        rf"(?:{START}(?:oh,? )?|\b)(?P<core>{_PRAISE})(?: \w+){{0,4}} ?[,.!:] "
        rf"(?=.{{0,100}}\b{_LETDOWN})",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.3,
        rf"{START}(?P<core>bien joue|bravo|felicitations|chapeau|chapeau bas){END}",
        action="sentence",
    ),
    # Praise of a virtue the message shows the reader lacks: "bravo pour ton sens des
    # responsabilités".
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:bravo|felicitations|chapeau) (?:pour|a) (?:ton|ta|tes|votre|vos) (?:sens (?:des"
        r" responsabilites|de le organisation|du timing|des priorites|du devoir)|ponctualite"
        r"|organisation|professionnalisme|fiabilite|maturite|politesse|delicatesse|serieux)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.3,
        r"\b(?:tres |vraiment |trop |super )*(?:sympa|gentil|aimable|delicat|charmant|cool)"
        r" de (?:ta|votre) part\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\battention (?:au|a ne pas) (?:surmenage|burn-out|te surmener|vous surmener|te fouler"
        r"|vous fouler)\b|\bne (?:te|vous) (?:foule|foulez|surmene|surmenez) (?:surtout )?pas\b",
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
        r"|encore|enfin|jusque a [0-5] ?h\b))",
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
    # Irony markers: "Rien ne presse, ça fait seulement trois mois.", "Heureusement que tu es là."
    Cue(
        "sarcasm",
        0.55,
        r"\brien ne presse\b(?=.{0,40}\b(?:seulement|que|juste)\b)"
        r"|\bheureusement (?:que (?:tu es|vous etes) la|que on peut compter sur (?:toi|vous))\b"
        r"|\b(?:une chance|encore heureux) que (?:on|je) (?:puisse )?compte\w* sur (?:toi|vous)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        rf"{START}(?:quelle delicatesse){END}",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\b(?:tu veux|vous voulez) une medaille\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?:ca fait|il y a) (?:seulement|que|juste) (?:\w+ )?(?:jours|semaines|mois|ans|une"
        r" semaine|un mois|un an)\b|\bje adore (?:quand (?:tu|vous)|la facon dont (?:tu|vous)"
        r"|comment (?:tu|vous))\b|\bne (?:fais|faites) pas attention a moi\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.4, r'(?:^|[\s(])"(?P<core>[^"\s][^"]{0,28})"', action="keep"),
    # --- absolute language (rewritten, not dropped: see rewrite.py) -----------------------
    Cue(
        "absolute_language",
        0.55,
        rf"\b(?:tu|vous) (?:ne |n )?(?:{WORD} ){{0,3}}?(?P<core>jamais)\b",
        action="keep",
        unless=_EPISODE + "|" + _WARMTH,
    ),
    # "Tu es toujours d'accord ?" asks whether something still holds: questions and
    # "toujours pas" (still not) are not generalisations.
    Cue(
        "absolute_language",
        0.55,
        rf"\b(?:tu|vous) (?:ne |n )?(?:{WORD} ){{0,2}}?(?P<core>toujours)\b(?! pas\b)"
        r"(?![^.!?]{0,200}(?<!hein )(?<!hein)(?<!non )\?)(?! (?:le |la |les )?bienvenue?s?\b)"
        r"(?![^.!?]{0,200}\bmerci\b)",
        action="keep",
        unless=_WARMTH,
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
    Cue(
        "absolute_language",
        0.3,
        r"(?P<core>,? ?\bpas une seule fois(?: en (?:\w+ ){1,3}?(?:ans?|mois|semaines?|jours?))?)"
        r"(?= ?[.!?;]|$)",
        action="strip",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\bmerci (?:pour le|du) respect\b",
        action="sentence",
    ),
    Cue(
        "absolute_language",
        0.45,
        r"\ba chaque fois ce est (?:pareil|la meme chose)\b|\btoujours pareil\b",
        action="keep",
    ),
)
