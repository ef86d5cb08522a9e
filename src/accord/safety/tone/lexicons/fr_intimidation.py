"""French (and Quebec) intimidation: veiled menace with no harm stated.

"Sinon...", "je sais où tu habites", "c'est la dernière fois que je te le demande
gentiment", "tu ne perds rien pour attendre". A practical question or offer in the same
sentence reads as logistics ("je sais à quelle heure tu finis, je passe les prendre ?").

>>> sorted({cue.reason for cue in CUES})
['intimidation']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES"]

# A question or a practical offer in the same sentence: "Je sais à quelle heure tu finis le
# jeudi, je passe les prendre à 18 h ?" is logistics, not a warning.
_PRACTICAL = (
    r"\?|\b(?:je passe|je peux|on peut|veux-tu|voulez-vous|est-ce que|pour que|si tu veux"
    r"|si vous voulez|je te propose|je vous propose|on se retrouve)\b"
)

CUES: Final[tuple[Cue, ...]] = (
    Cue(
        "intimidation",
        0.5,
        r"\b(?:on|je|nous) (?:vous|te) (?:remplacera|remplacerai|remplacerons|remplace) (?:tous"
        r"|toutes|tous jusque au dernier)\b",
        action="sentence",
    ),
    # --- intimidation ---------------------------------------------------------------------
    Cue("intimidation", 0.8, r"(?P<core>,? ?\bsinon\s*(?:\.\.\.)?)\s*(?:[.!?]|$)", action="strip"),
    Cue(
        "intimidation",
        0.8,
        r"(?P<core>\b(?:sinon|ou) (?:tu verras|vous verrez|tu vas voir|vous allez voir|gare)\b"
        r"[^.!?;]{0,200})",
        action="strip",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\b(?:tu verras|vous verrez|tu vas voir|vous allez voir) ce qui (?:va )?(?:se passer"
        r"|arriver|arrivera|se passera)\b",
    ),
    Cue(
        "intimidation",
        0.85,
        rf"\bje sais ou (?:tu|vous) (?:{WORD} ){{0,3}}?(?:habites?|habitez|travailles?|travaillez"
        r"|vis|vivez|dors|dormez|te gares|vous garez|gares|garez|passes|passez|emmenes|deposes"
        r"|sors|sortez)\b|\bje sais ou (?:\S+ ){0,3}?(?:tes|vos|ton|ta) (?:enfants|fils|fille"
        r"|gosses|petits|parents|femme|mari)\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\bje sais (?:a quelle heure|quand|par ou|quel chemin|quelle route) (?:tu|vous)\b",
        unless=_PRACTICAL,
    ),
    # Knowing the reader's places and routine, said for its own sake.
    Cue(
        "intimidation",
        0.7,
        r"\bje (?:sais|connais|ai vu|ai trouve|ai appris) (?:ou|dans quel \w+|dans quelle \w+"
        r"|quel \w+|quelle \w+|a quel \w+|a quelle \w+) (?:tu|vous) (?:habites|habitez|travailles"
        r"|travaillez|bois|buvez|manges|mangez|traines|trainez|sors|sortez|vas|allez|passes"
        r"|passez|dors|dormez|te gares|vous garez|fais tes courses|faites vos courses|vis|vivez"
        r"|deposes|deposez|emmenes|emmenez)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bje (?:sais|connais) (?:dans |a |par )?(?:quel|quelle|quels|quelles) (?:ecole|rue"
        r"|maison|immeuble|club|bureau|chemin|route|voiture|creche|salle|bus|etage|college|lycee"
        r"|quartier)s? (?:\w+ ){0,5}?(?:tu|vous|ton|ta|tes|votre|vos|les enfants)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bje (?:connais|sais|ai note|ai releve|ai) (?:tout )?(?:ton|ta|tes|votre|vos) (?:adresse"
        r"|voiture|horaires|habitudes|trajets?|routine|planning|emploi du temps|plaque"
        r"|immatriculation|allees et venues)\b",
        unless=_PRACTICAL,
    ),
    # Menace idioms.
    Cue(
        "intimidation",
        0.7,
        r"\b(?:tu ne perds|vous ne perdez) rien pour attendre\b|\b(?:tu joues|vous jouez) avec le"
        r" feu\b|\bil pourrait (?:bien )?(?:te|vous) arriver quelque chose\b|\bun (?:seul )?coup"
        r" de fil et\b|\bje ai des amis (?:dans la police|haut places)\b|\btiens-toi a carreau\b"
        r"|\btenez-vous a carreau\b|\bca va mal finir pour (?:toi|vous)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        rf"{START}(?:tu verras|vous verrez)(?: ?\.\.\.)?{END}",
        unless=r"\b(?:super|genial|bien|plaisir|adorer|aimer|content|heureu\w+)\b",
    ),
    # Tails that turn a statement into a warning.
    Cue(
        "intimidation",
        0.5,
        r"\ba bon entendeur\b|\b(?:tiens|tenez)-(?:le-toi|le-vous|le toi|le vous) pour dit\b"
        r"|\bje dis ca,? je dis rien\b|\b(?:souviens|rappelle)-toi (?:en|de ca)\b"
        r"|\bje ne le (?:repeterai|redirai) pas\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bca va (?:tres |vraiment |super |tres tres |)mal (?:se passer|finir|tourner)\b"
        r"|\b(?:tu|vous) ne (?:vas|allez) pas aimer (?:la suite|ce qui va (?:suivre|se passer"
        r"|arriver)|ce que je vais faire)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bon verra combien de temps (?:tu|vous) (?:restes|restez|tiens|tenez|tiendras|tiendrez"
        r"|resteras|resterez)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"(?<!\bje )(?<!\bnous )\b(?:peuvent|pourront|peut|pourra|peux|pouvez|devraient|vont"
        r" devoir|devront) (?:commencer a |deja |aller )?chercher un autre (?:boulot|travail"
        r"|emploi|poste|job)\b",
    ),
    Cue("intimidation", 0.5, r"\b(?:on|je|nous) (?:se|me|nous) en souviendr\w+"),
    Cue(
        "intimidation",
        0.4,
        rf"\b(?:encore|plus que) (?:un|une|un seul|une seule) (?:{WORD} ){{0,3}}?(?:de plus )?et"
        rf" (?:tu|vous|je|on|ce est|ca)\b|\b(?:un|une) (?:{WORD} ){{1,3}}?de plus et (?:tu|vous"
        r"|je|on|ce est|ca)\b",
    ),
    Cue(
        "intimidation",
        0.75,
        r"\b(?:sinon|ou|et) (?:je|on) (?:appelle|appellerai|vais appeler|fais venir|ferai venir"
        r"|ramene|ramenerai) mes (?:freres|potes|cousins|gars|amis|copains)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bje vais (?:peter (?:un cable|les plombs)|perdre mon calme|craquer)\b"
        r"|\bje ne reponds plus de (?:rien|moi)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\b(?:je|on) (?:te|vous) surveille\b|\b(?:je|on) (?:te|vous) ai a le oeil\b"
        r"|\bgare a (?:toi|vous)\b|\bsurveille tes arrieres\b|\bfais gaffe a toi\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\bderniere fois que je (?:te|vous) le (?:demande|dis|repete|redis|explique|rappelle)"
        r" (?:gentiment|poliment)\b"
        r"|\bje (?:te|vous) ai demande gentiment\b",
    ),
    Cue(
        "intimidation",
        0.65,
        r"\bdernier avertissement\b|\bderniere mise en garde\b|\btu es prevenue?\b"
        r"|\bvous etes prevenue?s?\b|\bte voila prevenue?\b|\btu auras ete prevenue?\b",
    ),
    Cue(
        "intimidation",
        0.65,
        r"\bne me force(?:z)? pas a\b|\b(?:ne )?me (?:cherche|cherchez) pas\b"
        r"|\bne me pousse pas a bout\b|\bne me provoque(?:z)? pas\b",
    ),
    Cue("intimidation", 0.8, r"\bde quoi je suis capable\b|\bce dont je suis capable\b"),
    Cue(
        "intimidation",
        0.8,
        r"\b(?:tu ne sais pas|vous ne savez pas|tu ne as pas idee|vous ne avez pas idee) a qui "
        r"(?:tu as|vous avez) affaire\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\bfai(?:s|tes) gaffe a (?:toi|vous|ce que)\b|\bca ne va pas se passer comme ca\b",
    ),
    Cue("intimidation", 0.7, r"\bne (?:te avise|vous avisez) (?:pas|surtout pas|jamais)\b"),
    Cue("intimidation", 0.35, r"\bje (?:te|vous) previens\b"),
    Cue("intimidation", 0.4, r"\bne (?:te approche|vous approchez) (?:plus|pas|jamais) de\b"),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:tu auras|vous aurez|tu vas avoir|vous allez avoir) affaire a (?!(?:mon|ma|mes|un"
        r"|une|la|le) (?:avocate?s?|justice|tribunal|huissier|mediat))",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bdes amis a moi\b|\bmes (?:potes|cousins|freres|gars) (?:vont|viendront) (?:venir )?"
        r"(?:te|vous) (?:voir|rendre visite|trouver|expliquer|regler|occuper)\b"
        r"|\bje connais du monde(?= ?[.!]|$)",
    ),
    Cue(
        "intimidation",
        0.35,
        r"\b(?:penses|pensez|reflechis|reflechissez)-y\b|\breflechis(?:sez)? bien\b"
        r"|\breflechis(?:sez)? a deux fois\b|\bpense(?:z)? a (?:tes|vos) enfants\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bcontinue(?:z)? comme ca et\b|\bencore une fois et\b|\bune fois de plus et\b",
    ),
    Cue(
        "intimidation",
        0.35,
        rf"\bcontinue(?:z)? (?:a|de) (?:{WORD} ){{1,6}}?et (?:je|tu|vous|on)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        rf"(?P<core>(?:\b(?:sinon|ou|et) (?:{WORD} ){{0,4}}?)?\b(?:seront|sera|seras|serez|serons)"
        r" (?:les |le |la )?premier(?:e)?s? (?:licencie(?:e)?s?|vire(?:e)?s?|a partir|a sauter"
        r"|dehors|sur la liste)\b[^.!?;,]{0,200})",
        action="strip",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bon se souviendra de (?:toi|vous|ta tete|votre tete)\b|\bon sait qui (?:tu es"
        r"|vous etes)\b|\bon retiendra (?:ton|votre) (?:nom|visage)\b",
    ),
    Cue(
        "intimidation",
        0.25,
        r"\bje (?:te|vous) le (?:jure|promets|garantis)\b|\bcrois-moi\b|\bcroyez-moi\b",
    ),
)
