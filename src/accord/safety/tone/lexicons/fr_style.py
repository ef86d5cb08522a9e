"""French sarcasm and absolute language ("tu ne ... jamais", "vous faites toujours").

>>> sorted({cue.reason for cue in CUES})
['absolute_language', 'sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES", "LETDOWN", "PRAISE", "WARMTH"]

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
WARMTH = (
    r"\b(?:merci|adore|adores|adorent|aime|aimes|aiment|contente?s?|ravie?s?|heureu(?:x|se|ses)"
    r"|bienvenue?s?|plaisir|rire|calmer|rassure\w*|patiente?|admire|bravo|comment tu fais"
    r"|comment vous faites|bien joue|genial|formidable"
    r"|sourire|genti\w+ avec)\b"
)
# Praise or a good outcome in the same sentence: "tu expliques toujours les choses
# *clairement*", "chaque fois que tu lui lis une histoire, elle dort *mieux*".
_PRAISED = (
    r"\b(?:mieux|sourit|clairement|patiemment|gentiment|le meilleur|la meilleure|les meilleurs"
    r"|les meilleures|super|parfaitement|tres bien|si bien|a le heure|en avance)\b"
    r"|\b(?:na|n) (?:as|avez) (?:jamais )?besoin de\b|\bjamais besoin de\b"
)
PRAISE = (
    r"(?:super|genial|parfait|formidable|bravo|magnifique|excellent|chouette|trop bien|top"
    r"|du beau travail|du beau boulot|impeccable|merveilleux|quel bonheur|quelle joie"
    r"|quel plaisir"
    r"|merveilleux|felicitations|bien joue|chapeau|quel(?:le)? \w+ (?:formidable|genial|geniale"
    r"|parfait|parfaite|magnifique|exemplaire|remarquable|impeccable|efficace))"
)
LETDOWN = (
    r"(?:(?:en retard|annulee?s?|cassee?s?|en panne|oubliee?s?|perdue?s?|malades?|sales?|poux"
    r"|ratee?s?|abimee?s?|inondee?s?|fuite|en rade|felee?s?|fissuree?s?|rayee?s?|tordue?s?"
    r"|defectueu(?:x|se)s?|crottes?|vomi|debordent|hs|affamee?s?|le ventre vide|poux"
    r"|reveillee?s?)\b"
    r"|(?:ne )?(?:arrive|vient|rappelle) jamais\b|toujours pas\b|au dernier moment"
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
        rf"(?:{START}(?:oh,? )?|\b)(?P<core>{PRAISE})(?: \w+){{0,4}} ?[,.!:] "
        rf"(?=.{{0,100}}\b{LETDOWN})",
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
        r"\b(?:bravo|felicitations|chapeau) (?:pour|a) (?:ton|ta|tes|votre|vos|le|la"
        r"|les) (?:sens (?:des"
        r" responsabilites|de le organisation|du timing|des priorites|du devoir)|ponctualite"
        r"|organisation|professionnalisme|fiabilite|maturite|politesse|delicatesse|serieux"
        r"|education|ponctualite)\b",
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
    # Mock awards: "Père de l'année, vraiment."
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:pere|mere|papa|maman|parent|mari|femme|voisine?|proprio|proprietaire|locataire"
        r"|employee?|patron(?:ne)?|chef|collegue|service client) (?:de le annee|du mois|du siecle"
        r"|de la decennie)\b",
        action="sentence",
        unless=r"\b(?:merci|fiere?s?|felicitations|bien merite|bravo a|prix|elue?|vote)\b",
    ),
    Cue(
        "sarcasm",
        0.5,
        rf"{START}(?:ah|oh|ben|bah)(?: oui| ben| bah)?,? (?:bien sur|evidemment|forcement"
        r"|naturellement|comme par hasard)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.5, rf"{START}laisse(?:z)?-moi deviner\b", action="sentence"),
    Cue(
        "sarcasm",
        0.35,
        r"\bce est (?:encore|toujours) la faute (?:de|du|des|a)\b|\bdu (?:beau|joli|bon) (?:travail"
        r"|boulot)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bquel(?:le)? (?:generosite|delicatesse|elegance|classe|rapidite|reactivite|ponctualite"
        r"|gentillesse|finesse|sens de le humour)\b(?! (?:de|pour|a|dans)\b)",
        action="sentence",
        unless=r"\bmerci\b",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\b(?:ca doit etre|ce doit etre) (?:vraiment |tellement |si )?(?:epuisant|fatigant"
        r"|eprouvant|dur|harassant) de (?:rester|ne rien|ne pas|faire semblant|glander)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:un|une|deux|trois) (?:demi|quart|petit|petite|malheureux|malheureuse) ?(?:pour ?cent"
        r"|%|euro|euros|centimes?)\b|\b(?:un|une) (?:demi|misere|aumone)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.6, r"\b(?:ton|ta|tes|votre|vos) soi-disante?s?\b", action="sentence"),
    # Thanks for a harm: "merci de m'avoir ignorée", "merci pour le lapin".
    Cue(
        "sarcasm",
        0.6,
        r"\bmerci (?:beaucoup |bien |encore )?(?:de|pour|de me|de nous) (?:\w+ ){0,2}?(?:avoir )?"
        r"(?:ignore\w*|oublie\w*|gache\w*|ruine\w*|casse\w*|perdu\w*|laisse\w* tomber"
        r"|lache\w*|plante\w*|abandonne\w*|fait attendre|faire attendre|poser un lapin|le lapin"
        r"|rien|le retard|la pagaille|le bazar)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\bje suis (?:tres |vraiment )?impressionnee?\b|\bquelle (?:originalite|maturite"
        r"|bravoure)\b|\bbon ben (?:bravo|super|genial|merci)\b",
        action="sentence",
        unless=r"\b(?:merci (?:pour|de)|fiere?|adore)\b",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:su{3,}per|ge{3,}nial|me{3,}rci|tro{3,}p|bra{3,}vo)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        rf"{START}oh,? (?:tu es|vous etes) (?:\w+ )?(?:debordee?s?|occupee?s?|surmenee?s?"
        r"|fatiguee?s?|sous le eau) ?\?",
        action="sentence",
    ),
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
        r" semaine|un mois|un an)\b|\bje adore (?:quand (?:tu|vous)|comme (?:tu|vous)"
        r"|la facon dont (?:tu|vous)"
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
        unless=_EPISODE + "|" + WARMTH + "|" + _PRAISED,
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
        unless=WARMTH + "|" + _PRAISED,
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
        unless=WARMTH + "|" + _PRAISED,
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
    # Every exchange with the reader goes one way: "avec toi, c'est tout le temps la même
    # histoire", "à chaque appel, vous inventez une nouvelle excuse".
    Cue(
        "absolute_language",
        0.55,
        r"\bavec (?:toi|vous),? ce est (?:toujours|tout le temps|a chaque fois|chaque fois|sans"
        r" arret|systematiquement)\b",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        r"\ba chaque (?:appel|visite|rendez-vous|echange|message|reunion|livraison|demande|relance"
        r"|courrier|mail|discussion|conversation|week-end|remise)\b,? (?:tu|vous)\b",
        action="keep",
        unless=WARMTH,
    ),
    Cue(
        "absolute_language",
        0.5,
        r"\b(?:toi|vous),? (?:tu|vous) ne (?:fais|faites) (?:jamais )?rien\b|\bce est toujours"
        r" (?:moi|nous) qui\b",
        action="keep",
    ),
)
