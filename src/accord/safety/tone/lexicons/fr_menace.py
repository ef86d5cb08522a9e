"""French threats ("tu vas le regretter"); veiled menace is in :mod:`.fr_intimidation`.

A calm lawful next step ("je saisirai le tribunal", "sinon je devrai faire appel au
médiateur") is firm, not a threat.

>>> sorted({cue.reason for cue in CUES})
['threat']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, Cue, words

__all__ = ["CUES", "LAWFUL"]

#: Institutions and procedures: an ultimatum that ends in one of these is firm, not a threat.
LAWFUL: Final = words(
    r"""
    tribunal tribunaux juge justice avocate?s? huissiers? commissaire mediat(?:eur|rice) mediation
    concilia(?:teur|trice|tion) police gendarmerie mairie syndic prud(?:e_)?hommes inspection
    inspect(?:eur|rice) plainte signaler signalerai saisir saisirai saisirons recours assurance
    banque rh syndicat audience commission procedure mise_en_demeure signalement cnesst regie opc
    office proprietaire direction greve preavis contrat bail conseil ordre loi legal legale
    arbitrage arbitre depot dossier
    """
)

_NOT_LAWFUL = r"(?![^.!?;]{0,200}\b" + LAWFUL + r"\b)"

# First-person harm to the reader's person or things, present or future tense.
_HARM = (
    r"(?:coupe|couperai|casse|casserai|brule|brulerai|arrache|arracherai|crame|cramerai"
    r"|empoisonne|empoisonnerai|abats|abattrai|tronconne|tronconnerai|explose|exploserai"
    r"|demolis|demolirai|bousille|bousillerai|creve|creverai|defonce|defoncerai|detruis"
    r"|detruirai|saccage|saccagerai|degonfle|degonflerai|raye|rayerai)"
)

CUES: Final[tuple[Cue, ...]] = (
    # --- threat ---------------------------------------------------------------------------
    Cue(
        "threat",
        0.85,
        r"(?P<core>(?:\b(?:ou|sinon|et) )?\b(?:tu vas|vous allez|tu va) (?:\S+ )?(?:le |me le )?"
        r"regretter\b(?! de\b)[^.!?;,]{0,200})",
        guarded=True,
        action="strip",
    ),
    Cue(
        "threat",
        0.85,
        r"(?P<core>(?:\b(?:ou|sinon|et) )?\b(?:tu (?:le |me le )?regretteras|vous (?:le |me le )?"
        r"regretterez)\b[^.!?;,]{0,200})",
        guarded=True,
        action="strip",
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:tu vas|vous allez) me (?:le )?(?P<core>payer)(?= ?(?:ca|ce que|cher|[.!]|$))"
        r"|\b(?:tu|vous) me le (?:paieras|payeras|paierez|payerez)\b",
        guarded=True,
    ),
    Cue("threat", 0.6, r"\b(?P<core>payer cher)\b", guarded=True),
    Cue(
        "threat",
        0.75,
        r"\bje (?:vais|ferai|vas|compte) (?:\S+ )?(?:faire en sorte|en sorte|tout faire pour|tout"
        r" pour|me assurer)"
        r" (?:que|de) (?P<core>(?:tu|vous) ne)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?P<core>pourrir la vie|vie un enfer|vie impossible|vie infernale)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.65,
        r"\b(?:je vais|je vas|on va|je compte) (?P<core>(?:raconter|dire|reveler|montrer|balancer)"
        r" (?:a tout|partout|a toute|a tes|a vos|a ton|a votre))",
        guarded=True,
    ),
    Cue(
        "threat",
        0.55,
        r"\b(?:fais|ferai|vais faire|faire) savoir (?:partout|a tout le monde)\b"
        r"|\ble dire partout\b"
        r"|\bce que (?:tu es|vous etes) vraiment\b",
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:je vais|je vas|on va|je peux) (?:\S+ )?(?P<core>(?:te|vous) (?:tuer|frapper|defoncer"
        r"|detruire|ruiner|demolir|briser|massacrer|cogner|buter|crever|etrangler|ecraser))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:casser la gueule|faire la peau|regler (?:ton|votre) compte|refaire le portrait"
        r"|en coller une|faire ta fete)\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\bpneus (?:\S+ )?crev|\bcrever (?:tes|vos) pneus\b|\brayer (?:ta|votre) (?:voiture"
        r"|bagnole|auto|char)\b|\bmettre le feu\b|\bbruler (?:ta|votre) \w+",
    ),
    Cue("threat", 0.4, r"\b(?:tu retrouveras|vous retrouverez) (?:ta|tes|ton|votre|vos)\b"),
    Cue("threat", 0.65, r"\bne (?:rentrera|reviendra) (?:pas|plus|jamais) chez (?:toi|vous)\b"),
    Cue("threat", 0.45, r"\b(?:il|elle) ne (?:rentrera|reviendra) (?:plus|jamais)\b"),
    Cue(
        "threat",
        0.6,
        rf"\bsi [^.!?;]{{0,80}}, (?:il|elle|ils|elles) ne (?:rentrera|reviendra|rentreront"
        rf"|reviendront) (?:pas|plus|jamais)(?: chez (?:toi|vous))?{END}",
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:tu retrouveras|vous retrouverez) (?:ta|tes|ton|votre|vos) \w+ (?:rayee?s?|crevee?s?"
        r"|cassee?s?|defoncee?s?|brulee?s?|en morceaux|abimee?s?|taguee?s?|a plat|degonflee?s?)\b",
    ),
    Cue("threat", 0.8, r"\b(?:tu vas|vous allez) le sentir passer\b"),
    Cue(
        "threat",
        0.8,
        r"\b(?:tu vas|vous allez) (?:morfler|prendre cher|deguster|voir ta gueule)\b"
        r"|\b(?:tes|vos) jours sont comptes\b|\bje vais me venger\b|\bje me vengerai\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:tu ne|vous ne) (?:reverras|reverrez) (?:plus |jamais )*(?:les enfants|tes enfants"
        r"|vos enfants|ton fils|ta fille|un centime|ton argent|votre argent)\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\b(?:tu ne|vous ne) (?:te|vous) en (?:tireras|tirerez|sortiras|sortirez) pas comme ca\b"
        r"|\bun accident est (?:vite|si vite) arrive\b(?![^.!?]{0,40}\bavec les enfants\b)"
        r"|\bce serait dommage que (?:il|quelque chose) (?:arrive|se passe)\b",
    ),
    Cue("threat", 0.6, r"\bje vais (?:te|vous) faire (?:virer|renvoyer|licencier)\b"),
    Cue("threat", 0.6, rf"\b(?:tu vas|vous allez) (?P<core>voir)(?: ?\.\.\.)?{END}"),
    # An ultimatum whose consequence is not a lawful step: "ou je viens la baisser moi-même".
    Cue(
        "threat",
        0.4,
        rf"(?P<core>\b(?:ou|sinon|ou bien|autrement) (?:je|on|nous) {_NOT_LAWFUL}[^.!?;]{{0,200}})",
        guarded=True,
        action="strip",
        unless=r"\?",
    ),
    Cue(
        "threat",
        0.6,
        r"(?P<core>\b(?:ou|sinon) (?:je|on) (?:[^.!?;]{0,200} )?(?:moi-meme|nous-memes|debarque"
        r"|monte te voir|viens te voir|viens vous voir|vais venir|me en occupe|me en charge)\b"
        r"[^.!?;]{0,200})",
        action="strip",
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:je|on) (?P<core>(?:te|vous) (?:detruis|demolis|defonce|tue|bute|creve|ecrase"
        r"|massacre|eclate|detruirai|demolirai|defoncerai|tuerai|buterai|ecraserai|massacrerai"
        r"|eclaterai|casse la gueule|casserai la gueule|pourris la vie|pourrirai la vie))\b",
        guarded=True,
    ),
    # Taking the law into one's own hands: "si votre arbre touche encore ma voiture, je le
    # coupe", "je la crame à la tronçonneuse".
    Cue(
        "threat",
        0.75,
        r"\bsi [^.!?;]{0,80}?\b(?:encore|une fois de plus|de nouveau|une nouvelle fois|une seule"
        r" fois|jamais)\b[^.!?;]{0,80}?,? (?:je|on) (?:le |la |les |te |vous |lui |leur |y )?"
        rf"(?P<core>{_HARM})\b",
    ),
    Cue(
        "threat",
        0.75,
        rf"\b(?:je|on) (?:\w+ ){{0,2}}?{_HARM}\b[^.!?;]{{0,40}}\b(?:a la tronconneuse|a la hache"
        r"|a la masse|au marteau|a coups de|au cutter|au couteau|a la batte)\b",
    ),
    # Harm announced through exposure: "je publie votre adresse", "je dis à ton patron tout
    # ce que je sais sur toi".
    Cue(
        "threat",
        0.8,
        r"\b(?:je|on) (?:vais |va |peux |pourrais )?(?:\w+ )?(?P<core>(?:publie|publier|publierai"
        r"|diffuse|diffuser|diffuserai|balance|balancer|balancerai|poste|poster|posterai|mets"
        r"|mettre|mettrai|affiche|afficher|afficherai|partage|partager|partagerai|envoie|envoyer"
        r"|enverrai) (?:\w+ ){0,2}?(?:ton|ta|tes|votre|vos) (?:\w+ )?(?:adresse|numero|photos"
        r"|coordonnees|messages|textos|secrets|nom|mails|courriels|dossier medical))\b",
        guarded=True,
        unless=rf"\b{LAWFUL}\b|\bcomme (?:prevu|demande|convenu)\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?P<core>tout ce que je sais (?:sur|de) (?:toi|vous)|tout ce que (?:tu as|vous avez)"
        r" fait|qui (?:tu es|vous etes) vraiment|quel genre de (?:\w+ ){0,2}(?:tu es|vous etes))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.45,
        r"\b(?:je|on) (?:vais |va )?(?:dire|dis|raconter|raconte|balancer|balance|reveler|revele"
        r"|montrer|montre|ecrire|ecris|appeler|appelle) (?:tout )?(?:\w+ )?a (?:ton|ta|tes|votre"
        r"|vos) (?:patron|employeur|chef|femme|mari|famille|parents|collegues|clients|mere|pere"
        r"|copine|copain|nouveau|nouvelle)\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:tu vas|vous allez|tu verras|vous verrez) (?:voir|comprendre|apprendre) ce que"
        r" (?:(?:ca|cela) (?:coute|va couter) de|(?:ca|cela) (?:te|vous) (?:coute|va couter)|il"
        r" (?:te |vous )?en coute)\b"
        r"|\bde quel bois je me chauffe\b",
    ),
    # Without "te"/"vous" the same words may be a menace ("Tu vas voir ce que ça coûte.") or
    # the price of a thing ("tu vas voir ce que ça coûte, un appartement à Paris"): weak, and
    # judged innocent when a thing is named, so that the learned cue, which reads only the
    # words, is not asked to overrule that reading (see analysis.evidence).
    Cue(
        "threat",
        0.35,
        r"\b(?:tu vas|vous allez|tu verras|vous verrez) voir ce que (?:ca|cela) (?:coute|va"
        r" couter)\b",
        unless=r"\bce que (?:ca|cela) (?:coute|va couter),? (?:un|une|le|la|les|des|du)\b",
    ),
    # Bad outcomes promised to the reader: "tu vas tout perdre", "je vais te faire virer".
    Cue(
        "threat",
        0.6,
        r"\b(?:tu vas|vous allez|tu risques de|vous risquez de) (?:\w+ )?(?:tout perdre|perdre"
        r" (?:ton|ta|tes|votre|vos) (?:boulot|travail|emploi|enfants|maison|permis|commerce)"
        r"|finir (?:a la rue|sans rien|a le hopital|seule?)|le payer tres cher)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?:je vais|on va|je compte|je vais tout faire pour) (?:\w+ )?(?P<core>(?:te|vous)"
        r" (?:faire (?:expulser|arreter|radier|enfermer|interner)|prendre (?:les enfants|tout"
        r"|jusque au dernier centime|ta maison|votre maison)|plumer|saigner|faire souffrir"
        r"|faire regretter|le faire payer|faire la peau|regler ton compte|en faire baver"
        r"|pourrir)|me occuper de (?:ton cas|votre cas)|me venger)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?:je|on) (?:te|vous) (?:ferai la peau|le ferai payer|le ferons payer|attends au"
        r" tournant|attend au tournant|attends a la sortie)\b"
        r"|(?:^|(?<=[.!?;,] ))(?:tu es|vous etes|tu es deja) (?:un homme |une femme )?(?:mort"
        r"|morte|morts|foutue?s?|cuite?s?)(?=\s*(?:[.!]|$))",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:tu ne|vous ne) (?P<core>(?:retravailleras|retravaillerez|travailleras|travaillerez"
        r"|retrouveras|retrouverez) (?:plus |jamais |plus jamais )+(?:dans|de|ici|nulle part"
        r"|pour))\b",
        guarded=False,
    ),
    # Retaliation for a lawful act: "encore une plainte et tu peux oublier ta promotion".
    Cue(
        "threat",
        0.45,
        r"\b(?:tu peux|vous pouvez) (?:faire une croix sur|oublier|dire adieu a|tirer un trait sur)"
        r" (?:ta|ton|tes|votre|vos) (?:\w+ )?(?:promotion|poste|prime|boulot|carriere|contrat"
        r"|augmentation|enfants|visites|caution|depot|avenir|emploi)\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\b(?:tu vas|vous allez|tu risques de|vous risquez de) avoir (?:de |des )(?:gros |graves "
        r"|serieux |tres gros |sacres )?(?:problemes|ennuis)\b",
    ),
    # --- harm promised in other words --------------------------------------------------------
    Cue(
        "threat",
        0.85,
        r"\b(?:tu vas|vous allez|tu|vous) (?:\S+ )?(?P<core>regrett\w* (?:de etre nee?s?|le jour ou"
        r"|amerement|de me avoir (?:\w+ )?(?:menti|trahie?|cherchee?|provoquee?|croisee?"
        r"|rencontree?|connue?|quittee?|fait ca)|de avoir croise))",
        guarded=True,
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:tu vas|vous allez|tu risques de|vous risquez de) (?:te |vous )?(?:manger|prendre"
        r"|recevoir|ramasser) (?:une|des|un) (?:claque|claques|baffe|baffes|gifle|gifles|raclee"
        r"|volee|taloche|mornifle|beigne|torgnole|tarte|coup de poing|pain|mandale|rouste)\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\bsi\b[^.!?]{0,80}\b(?:encore|de nouveau|une fois de plus|une autre fois)\b[^.!?]{0,80}"
        r"\bje (?:me )?en (?:occupe|occuperai|charge|chargerai|charger) (?:moi-meme|personnellement"
        r"|a ma facon)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:je|on) (?:vais |va )?(?:te |vous )?(?:coupe|couperai|couper|coupera) (?:ton|ta|votre"
        r"|le|la) (?:electricite|courant|eau|gaz|chauffage|internet|compteur)\b",
        unless=r"\b(?:travaux|reparation|intervention|entretien|technicien|plombier|electricien"
        r"|preavis|prevue?)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\bne (?:compte|comptez) (?:pas|plus) (?:le|la|les) revoir\b|\b(?:tu ne|vous ne)"
        r" (?:le|la|les) (?:reverras|reverrez) (?:plus|pas|jamais)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\bjusque a ce que (?:tu sois|vous soyez) (?:ruinee?s?|a la rue|sur la paille|fauchee?s?"
        r"|a genoux|fini|finie)\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:je vais|je vas|on va|je compte) (?:\S+ )?(?P<core>(?:te|vous) (?:humilier"
        r"|faire tomber"
        r"|couler|enterrer|aneantir|faire plonger|briser|exploser|demonter|atomiser|afficher"
        r"|denoncer partout))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:je vais|on va|je compte) (?:\w+ )?(?P<core>(?:te|vous) (?:prendre|retirer|enlever)"
        r" (?:les enfants|tout|ta maison|votre maison|ta voiture|tes enfants|vos enfants))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"(?:^|(?<=[.!?;,] ))(?:tu es|vous etes|t es) (?:fini|finie|finis|foutue?s?|grille|grillee"
        r"|cuit|cuite)(?=\s*(?:[.!]|$))|\b(?:tu vas|vous allez) (?:avoir|recevoir) ce que (?:tu"
        r" merites|vous meritez)\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\bje (?:le|la|les|te|vous) (?:fais|ferai|vais faire) taire (?:moi-meme|pour de bon"
        r"|definitivement|une bonne fois pour toutes)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:tu ne auras|vous ne aurez) plus (?:de toit|rien|un sou|un centime|de maison"
        r"|de boulot"
        r"|de travail)\b|\b(?:tu finiras|vous finirez) a la rue\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\bil ne y aura plus (?:de |le )?(?:entreprise|boulot|travail|maison|famille|usine|site)"
        r" (?:ou|pour)\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\bje (?:me assure|ferai en sorte|vais faire en sorte|veillerai a ce) que (?:aucune?"
        r"|personne"
        r"|plus personne) (?:\w+ ){0,5}?ne (?:te|vous) (?:embauche|engage|recrute|parle|croie"
        r"|loue|fasse confiance)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:tu verras|vous verrez) (?:le etat|ce que devient|ce qui reste"
        r"|ce que deviennent) (?:de )?"
        r"(?:ta|ton|tes|votre|vos)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:passe|passent|passera|passeront|finira|finiront|atterrit|atterrissent|atterrira)"
        r" (?:direct |directement )?(?:par|dans) (?:ta|votre) (?:fenetre|pare-brise|vitre"
        r"|vitrine)\b",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Le faire soi-même, à la tronçonneuse : "je la taille moi-même à la tronçonneuse" (tailler
    # soi-même une haie qui dépasse, sans plus, reste civil).
    Cue(
        "threat",
        0.7,
        r"\bje (?:le |la |les )?(?:\S+ )?(?P<core>(?:taille|coupe|couperai|taillerai|abats"
        r"|abattrai|arrache|arracherai|casse|casserai|defonce|defoncerai|scie|scierai)\w* (?:\S+ )"
        r"{0,3}?(?:a la tronconneuse|a la hache|a la masse|jusque a la racine))\b",
        guarded=True,
    ),
    # L'exposition sur tous les groupes : "ta face pis ton adresse sur tous les groupes".
    Cue(
        "threat",
        0.75,
        r"\b(?:ta|votre|ton|vos|tes) (?P<core>(?:face|visage|adresse|photos?|plaque|enfants)\b"
        r"[^.!?;]{0,60}\b(?:sur|dans) (?:tous|toutes|chaque) (?:les )?(?:\S+ ){0,2}?(?:groupes?"
        r"|forums?|pages?|sites?|reseaux))\b",
    ),
    # Les enfants comme prix : "si tu continues..., tu ne les verras plus le mercredi".
    Cue(
        "threat",
        0.8,
        r"\bsi (?:tu|vous) (?:continues?|continuez|recommences?|recommencez|refuses?|refusez|ne |me"
        r" |parles?|parlez|oses?|osez)[^.!?]{0,120}\b(?P<core>(?:tu|vous) ne (?:les|le|la)"
        r" (?:verras|verrez|reverras|reverrez) plus)\b(?! \S+ \S+ mais)"
        r"|\b(?:tu peux|vous pouvez) (?P<core2>faire une croix sur"
        r" (?:les enfants|tes enfants|vos enfants))\b",
    ),
    # Les représailles : "je m'arrange pour que tous nos fournisseurs te ferment leur porte".
    Cue(
        "threat",
        0.65,
        r"\b(?P<core>(?:te|vous) (?:ferment|fermeront|ferme|fermera) (?:leur|leurs|la|les|sa"
        r"|ses) portes?)\b|\bje (?:me )?(?:arrange|arrangerai|vais (?:me )?arranger) pour que"
        r" (?:tu|vous) (?:\S+ ){0,2}?(?P<core2>(?:fasses|fassiez) (?:toutes|tous) les)\b",
    ),
    Cue("threat", 0.7, r"\bce ne sera pas un accident\b"),
)
