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
        r"|arriver|arrivera|se passera|se passe|arrive)\b",
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
    # --- menace by other means ---------------------------------------------------------------
    Cue(
        "intimidation",
        0.6,
        r"\bqui rira (?:bien )?le dernier\b|\bjusque ou je (?:suis pret(?:e)?|peux|vais|serais"
        r" pret(?:e)?|compte) (?:a )?aller\b|\b(?:ce ne sera|ca ne va pas etre|ca ne sera) pas"
        r" joli\b|\bca va (?:barder|chauffer|saigner) pour (?:toi|vous)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:tu as|vous avez) (?:tout )?interet a\b",
        unless=r"\b(?:si (?:tu veux|vous voulez)|pour (?:avoir|profiter|eviter|trouver)|vite"
        r" complet|places|reserver)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bfai(?:s|tes) (?:bien |tres )?attention a ce que (?:tu|vous) (?:dis|dites|racontes"
        r"|racontez|fais|faites|ecris|ecrivez|postes|postez|publies|publiez)\b",
    ),
    Cue("intimidation", 0.3, r"\b(?:tu devrais|vous devriez) faire (?:tres )?attention\b"),
    Cue(
        "intimidation",
        0.55,
        r"\bon ne sait jamais ce qui (?:peut|pourrait) (?:arriver|se passer)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        rf"\bet (?:tu verras|vous verrez|tu vas voir|vous allez voir){END}",
        unless=r"\b(?:super|genial|bien|plaisir|adorer|aimer|content|heureu\w+|essaie|essayez"
        r"|goute|goutez|recette)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:tu verras|vous verrez|tu vas voir|vous allez voir) (?:a quel point|combien|comment)"
        r" (?:ce|ca|le|la|les) \w+ (?:est|sont|peut|peuvent) (?:petit|petite|long|longue|dur|dure"
        r"|cher|chere|mechant|moche|sale)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:tu le auras|vous le aurez|tu ne le auras|vous ne le aurez) (?:bien )?(?:cherche"
        r"|voulu|merite)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bun jour (?:tout le monde|tout|les gens|ils|tes enfants|vos enfants) (?:saura|sauront"
        r"|se saura|sortira|apprendra|apprendront)\b|\bje (?:connais|sais) (?:tous )?(?:tes|vos)"
        r" (?:petits |sales )?secrets\b|\bje sais des choses sur (?:toi|vous)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\ba (?:ta|votre) place,? je (?:surveillerais|ferais (?:tres )?attention|me mefierais"
        r"|reflechirais (?:bien|a deux fois)|ne ferais pas ca|garderais un oeil)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bje (?:vous|te) attendrai (?:devant|a la sortie|en bas|pres|dehors)\b",
        unless=_PRACTICAL + r"|\b\d+ ?h\b|\becole|\bgare\b|\bpour (?:recuperer|deposer|prendre)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bje sais ou (?:se trouve|se trouvent|est|sont|habite|vit|travaille|dort) (?:ton|ta|tes"
        r"|votre|vos) \w+",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:on|je|nous) (?:sait|sais|savons) (?:tres bien |exactement )?qui (?:a|ont) (?:signe"
        r"|vote|porte plainte|parle|fait fuiter|appele|ecrit|manifeste|fait greve)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:je|on) ne (?:le |te |vous |la )?(?:oublierai|oubliera|oublierons) (?:pas|jamais)\b",
        unless=r"\b(?:merci|gentil\w*|aide|reconnaissante?|genereu\w+)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:ne|n) (?:restent|reste|tiennent|tient|durent|dure|font|fait) pas (?:long ?feu"
        r"|longtemps)(?: ici| dans (?:cette|la) \w+)?\b(?=[^.!?]{0,0})",
        unless=r"\b(?:piles?|batteries?|fleurs?|yaourts?|fruits?|neige|glace|beau temps|soldes)\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bregler (?:ca|cela|le probleme|nos comptes) (?:entre nous|directement avec (?:toi|vous)"
        r"|a ma (?:facon|maniere)|dehors|autrement|en personne)\b",
    ),
    # --- the conditional dare: "Refais ça et ..." ----------------------------------------------
    Cue(
        "intimidation",
        0.4,
        r"\b(?:encore une fois|une fois de plus|encore|de nouveau|une seule fois)\b,? et (?:tu|vous"
        r"|je|on|ton \w+|ta \w+|votre \w+) (?:vas|allez|vais|va|verras|verrez|auras|aurez)\b"
        r"(?![^.!?]{0,80}\b(?:tribunal|juge|police|mairie|syndic|mediat\w+|avocat\w*|rh|syndicat"
        r"|plainte|signal\w*|fourriere|amende|assurance|preavis)\b)",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bne (?:teste|testez|pousse|poussez) pas (?:ma patience|ta chance|votre chance"
        r"|le bouchon)\b"
        r"|\b(?:tu pousses|vous poussez) le bouchon\b|\b(?:tu marches|vous marchez) sur des"
        r" oeufs\b|\bchoisis(?:sez)? bien tes mots\b|\bpese(?:z)? (?:bien )?(?:tes|vos) mots\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:tu ne as|vous ne avez) pas fini de entendre parler de moi\b|\bje ne oublie jamais\b"
        r"|\bje ai la memoire longue\b|\bca se paiera\b|\btot ou tard\b[^.!?]{0,40}\b(?:tu|vous)\b"
        r"[^.!?]{0,40}\b(?:payer|paieras|paierez|regrett\w+|comprendr\w+)\b|\bon se reverra\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bje (?:peux|pourrais) (?:te|vous) rendre la vie (?:tres |vraiment )?(?:difficile"
        r"|compliquee|impossible|dure)\b|\bles choses pourraient (?:tres )?mal tourner\b"
        r"|\b(?:tu as|vous avez) une (?:jolie|belle) (?:maison|famille|voiture|fille)\b"
        r"(?=[^.!?]{0,40}\b(?:dommage|attention|si)\b)",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bje sais (?:deux ou trois|quelques|certaines|des|pas mal de"
        r"|plein de) choses (?:sur (?:toi"
        r"|vous)|que)\b|\b(?:adorerait|aimerait|serait ravie? de|serait interessee? de)"
        r" (?:apprendre|savoir|entendre)\b",
    ),
    Cue(
        "intimidation",
        0.65,
        r"\bce serait dommage que (?:ton|ta|tes|votre|vos) (?:\w+ ){1,3}?(?:se passe mal|se passent"
        r" mal|tourne mal|tournent mal|soit refusee?|ne soit pas renouvelee?|prenne feu"
        r"|soit abimee?"
        r"|soit rayee?|ait un accident|disparaisse)\b",
    ),
    Cue(
        "intimidation",
        0.65,
        r"\bje ai (?:note|remarque|releve|vu) (?:a quelles? heures?|quand) (?:vous|tu)"
        r" (?:entrez|sortez|entres|sors|partez|pars|rentrez|rentres)\b|\b(?:vos|tes) allees et"
        r" venues\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:les |sont les |etre les )?premiers (?:sur la liste des (?:departs|licenciements)|a"
        r" (?:partir|sauter|etre licencies|etre remercies))\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\ba (?:ta|votre) place,? je reflechirais\b",
    ),
    Cue("intimidation", 0.35, r"\bpour (?:son|ton|votre|leur) (?:propre )?bien\b"),
    Cue(
        "intimidation",
        0.6,
        r"\bceux qui (?:\w+ ){1,5}?(?:finissent|se retrouvent|terminent|atterrissent|perdent)"
        r" (?:souvent |toujours |vite |rapidement )?(?:de nuit|sur la liste|au placard"
        r"|sans (?:boulot"
        r"|travail|poste)|dehors|mutes|leur poste)\b",
    ),
    Cue(
        "intimidation",
        0.35,
        rf"{START}(?:attention|prudence|fais gaffe|faites gaffe),",
        unless=r"\b(?:verglas|route|escalier|marche|chaud|glissant|chien|circulation|sangle|siege"
        r"|verre|sol|lourd|four|couteau|cable|mouille)\b",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Les relations et la mémoire : "je connais du monde à la mairie", "j'ai de la mémoire".
    Cue(
        "intimidation",
        0.45,
        r"\bje connais (?:du monde|des gens|pas mal de monde|quelque un|quelqu'un) (?:a|au|aux"
        r"|dans|chez)\b",
    ),
    Cue("intimidation", 0.35, r"\b(?:vous pouvez|tu peux) (?:le|la|les) oublier\b"),
    Cue(
        "intimidation",
        0.5,
        rf"\b(?:a|ai|avons|ont) (?:la memoire longue|une (?:tres )?longue memoire|de la memoire"
        rf"{END})|\bmoi aussi,? je (?:connais le chemin|sais ecrire|peux (?:appeler|signaler))\b",
    ),
    # Le conseil qui menace : "un conseil d'ami", "bon courage, vous allez en avoir besoin",
    # "votre mandat ne vous protégera pas éternellement", "je ne le dirai pas deux fois".
    Cue("intimidation", 0.4, r"\bun (?:petit )?conseil (?:de ami|d ami)\b"),
    Cue(
        "intimidation",
        0.6,
        r"\bbon courage\b[^.!?]{0,60}[.!,] ?(?:tu vas|vous allez) en avoir besoin\b"
        r"|\bne (?:te|vous) protegera (?:pas|plus) (?:eternellement|toujours|longtemps)\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bje ne le (?:dirai|repeterai) pas (?:deux fois|une deuxieme fois|une seconde fois)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bdommage (?:que|si) (?:\S+ ){0,8}?(?:apprenne|apprenait|sache|savait|decouvre"
        r"|decouvrait|entende parler) (?:ce|que|tout|la verite|pour|vos|tes|ton|ta|votre)\b",
    ),
)
