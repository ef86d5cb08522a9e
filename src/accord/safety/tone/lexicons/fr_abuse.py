"""French (and Quebec) name-calling, contempt, blame and swearing.

Normalised French has no accents and spelled-out elisions: "t'es nul" is matched as
"tu es nul", "c'est de ta faute" as "ce est de ta faute".

>>> sorted({cue.reason for cue in CUES})
['blame', 'contempt', 'insult', 'profanity']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import START, WORD, Cue, gap, words

__all__ = ["CUES"]

_INSULT_ADJ = words(
    r"""
    nul(?:le)?s? incompetente?s? stupides? debiles? idiote?s? imbeciles? cretine?s? abrutie?s? cons?
    connes? betes? incapables? niaiseu(?:x|se)s? epaisse?s? caves? laches? egoistes? irresponsables?
    menteu(?:r|se)s? hypocrites? pretentieu(?:x|se)s? arrogante?s? feignante?s? faineante?s?
    paresseu(?:x|se)s? bons?_a_rien bonnes?_a_rien tire-au-flanc mythomanes? malhonnetes? fou folle
    cinglee?s? taree?s? indignes? ignorante?s? minables? ridicules? lamentables?
    mauvaise?_(?:pere|mere|parent) pire chiante?s? relou(?:e|s)? gonflante?s? immatures?
    pueril(?:e)?s? malpolie?s? grossiere?s? grossiers insupportables? invivables? penibles?
    radine?s? mesquine?s? ingrate?s? culottee?s? effrontee?s? demeuree?s? attardee?s? nazes?
    nases? boulets? toxiques?
    """
)
# Unambiguous name-calling: counted wherever it appears, unless negated or self-applied.
_INSULT_NOUN = words(
    r"""
    connards? connasses? salauds? salopes? enfoiree?s? abrutie?s? cretine?s? imbeciles? escrocs?
    ordures? raclures? pourritures? tocarde?s? bouffon(?:ne)?s? menteu(?:r|se)s? parasites?
    mongole?s? enculee?s? batards? pauvre_type pauvre_conn?e? gros_con sale_con tete_de_noeud
    guignols? trou_du_cul tete_de_con sans-coeur profiteu(?:r|se)s? psychopathes?
    pervers_narcissiques? racailles? voyous? tetes?_a_claques sangsues? branleu(?:r|se)s?
    glandeu(?:r|se)s? feignasses? pouffiasses? grognasses? cassos salopards? blaireaux? blaireau
    """
)
_TARGETED_NOUN = words(
    r"""
    clowns? voleu(?:r|se)s? tricheu(?:r|se)s? gamine?s? bebes? zero ratee?s? minus honte lache
    incapable amateurs? charlots? baltringues?
    """
)
_TARGET = (
    r"\b(?:tu es|tu etais|tu seras|vous etes|vous etiez|es-tu|etes-vous|tu fais|vous faites"
    r"|tu as le air|vous avez le air|tu te comportes comme|vous vous comportez comme"
    r"|tu agis comme|vous agissez comme|tu passes pour|tu restes|tu deviens|toi|sale"
    r"|tu te conduis comme|vous vous conduisez comme|arrete de faire|arretez de faire)"
)
_TARGET_GAP = gap(
    5,
    words(
        r"""
        vraiment tellement trop si ben bien completement totalement juste que un une le la les des
        du de plus moins gros grosse sale pauvre vrai vraie veritable parfait parfaite sacre sacree
        franchement carrement encore toujours aussi reellement absolument pere mere parent mari
        femme voisine? collegue chef patron(?:ne)? employeur proprietaire locataire
        negociat(?:eur|rice) personne type mec gars homme fille gamine? etre humain espece ex
        compagnon compagne avocat ne pas qu_une? rien qu
        """
    ),
)


CUES: Final[tuple[Cue, ...]] = (
    # --- insult ---------------------------------------------------------------------------
    Cue("insult", 0.75, rf"{_TARGET} {_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b", guarded=True),
    Cue("insult", 0.75, rf"{_TARGET} {_TARGET_GAP}(?P<core>{_TARGETED_NOUN})\b", guarded=True),
    Cue("insult", 0.8, rf"\b(?P<core>{_INSULT_NOUN})\b", guarded=True),
    Cue("insult", 0.75, r"(?<!une )(?<!cette )(?<!la )\bespece de (?P<core>\S+)"),
    Cue(
        "insult",
        0.75,
        rf"\bbande de (?:\S+ )?(?P<core>{_INSULT_ADJ}|{_INSULT_NOUN}|{_TARGETED_NOUN}|\w+s)\b",
    ),
    Cue(
        "insult",
        0.7,
        rf"\bquel(?:le)?s? (?P<core>{_INSULT_ADJ}|{_INSULT_NOUN}|{_TARGETED_NOUN}) "
        r"(?:vous etes|tu es|tu fais|vous faites|tu as ete|vous avez ete)\b",
    ),
    Cue(
        "insult",
        0.6,
        rf"\b(?:ton|ta|tes|votre|vos) (?:{WORD} ){{0,2}}(?:est|sont|etait|etaient) "
        rf"{_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b",
        guarded=True,
    ),
    # --- contempt -------------------------------------------------------------------------
    Cue(
        "contempt",
        0.7,
        r"\b(?P<core>pathetiques?|pitoyables?|lamentables?|minables?)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.8,
        r"\b(?:tu me|vous me) (?:degoutes?|degoutez|debectes?|debectez|fais vomir|faites vomir"
        r"|fais pitie|faites pitie)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?P<core>degoutante?s?|ecoeurante?s?|repugnante?s?|honteu(?:x|se)s?)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.65,
        r"\b(?:vaste|grosse|sacree|belle|quelle|veritable|vraie|complete|totale|pure) "
        r"(?P<core>blague|plaisanterie|farce|mascarade|comedie|fumisterie)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:est|etait|sont|etaient) (?:une |un )?(?P<core>blague|mascarade|farce|cirque"
        r"|plaisanterie|comedie|fumisterie|honte)\b",
        guarded=True,
    ),
    Cue("contempt", 0.45, r"\b(?:est|etait|sont) (?:un |une )?(?:vrai |veritable )?desastre\b"),
    Cue("contempt", 0.65, r"\b(?:une|la) (?P<core>honte) (?:pour|de|a)\b|\bquelle honte\b"),
    Cue(
        "contempt",
        0.7,
        r"\b(?:tu devrais|vous devriez) avoir honte\b|\bhonte a (?:toi|vous)\b"
        r"|\btu ne as (?:donc )?pas honte\b|\bvous ne avez (?:donc )?pas honte\b",
    ),
    Cue(
        "contempt",
        0.75,
        r"\bpour qui (?:tu te prends|vous vous prenez|tu te crois|vous vous croyez"
        r"|il se prend|elle se prend)\b",
    ),
    Cue("contempt", 0.6, rf"{START}(?P<core>grandis(?:sez)?)\b(?! (?:pas|bien|vite))"),
    Cue(
        "contempt",
        0.75,
        r"\bferme-la\b|\bfermez-la\b|\bferme la(?= ?(?:[.!?,]|$| et))|\bla ferme\b"
        r"|\bta gueule\b|\btais-toi\b|\btaisez-vous\b",
    ),
    Cue(
        "contempt",
        0.65,
        r"\bqui (?:ne )?va pas chez (?:toi|vous)\b|\bca va pas la tete\b"
        r"|\btu as un probleme\b|\bvous avez un probleme\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bmeme un (?:enfant|gamin|gosse|bebe|singe|eleve|stagiaire|ado|adolescent)\b"
        r"|\bun enfant de \w+ ans (?:ferait|comprendrait|saurait|arriverait|y arriverait)\b",
    ),
    Cue("contempt", 0.5, r"\bce en est (?:genant|pathetique|triste|risible)\b"),
    Cue("contempt", 0.35, r"\bce est genant\b"),
    Cue("contempt", 0.5, r"\ba cote de la plaque\b|\bcompletement largue"),
    Cue(
        "contempt",
        0.7,
        r"\btypique(?: de (?:toi|vous)| de ta part| de votre part)\b"
        r"|\bce est bien (?:toi|vous|de toi|de vous)\b"
        r"|\btoujours la meme chose avec (?:toi|vous)\b",
    ),
    Cue("contempt", 0.5, rf"{START}typique\b"),
    Cue("contempt", 0.5, r"\bvous autres\b|\bles gens comme (?:toi|vous)\b"),
    Cue(
        "contempt",
        0.6,
        r"\b(?:le|la|les) plus (?:debiles?|stupides?|nul(?:le)?s?|idiots?|ridicules?|absurdes?"
        r"|minables?|betes?|incompetente?s?)\b",
    ),
    Cue("contempt", 0.35, r"\b(?P<core>ridicules?|absurdes?|grotesques?)\b", guarded=True),
    Cue("contempt", 0.55, r"\b(?P<core>risibles?)\b", guarded=True),
    Cue("contempt", 0.4, r"\bne importe quoi\b"),
    Cue("contempt", 0.6, r"\bdu grand ne importe quoi\b"),
    Cue(
        "contempt",
        0.6,
        r"\bpersonne ne (?:te|vous) (?:croit|respecte|supporte|aime|fait confiance|prend au)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu|vous) (?:ne )?(?:comprends|comprenez|sais|savez|connais|connaissez|captes"
        r"|piges) (?:jamais )?rien\b",
    ),
    Cue("contempt", 0.35, r"\b(?P<core>pour une fois)\b", action="strip"),
    Cue(
        "contempt",
        0.4,
        r"\b(?P<core>(?:ne )?(?:est )?pas (?:si |bien |tres |aussi )?(?:complique|difficile|sorcier"
        r"|dur)(?: que ca)?)\b",
    ),
    Cue("contempt", 0.5, r"\ble strict minimum\b|\ble minimum syndical\b"),
    Cue(
        "contempt",
        0.45,
        r"\bmeme pas (?:capables?|fichue?s?|foutue?s?) de\b|\bpas foutue?s? de\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bquel (?:genre|type) de (?:personne|parent|pere|mere|voisine?|entreprise|patron)\b",
    ),
    Cue("contempt", 0.3, r"\bchouchou\b"),
    Cue(
        "contempt",
        0.6,
        r"\b(?:je en ai marre|ras le bol|je en ai assez|je en ai ras le bol) de (?:toi|vous)\b",
    ),
    Cue("contempt", 0.25, r"\bje en ai marre\b|\bras le bol\b"),
    Cue("contempt", 0.55, rf"{START}degage(?:z)?\b"),
    Cue("contempt", 0.55, r"\b(?:tu|vous) (?:ne )?(?:as|avez) aucune (?:idee|notion)\b"),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu es|vous etes|es-tu|etes-vous) (?:\w+ )?(?:sourde?s?|aveugles?)\b",
    ),
    Cue("contempt", 0.3, r"\bou quoi \?|\bhein \?"),
    Cue(
        "contempt",
        0.3,
        r"(?P<core>,? ?\b(?:et )?(?:tout le monde|tu|vous) le (?:sait|sais|savez)\b)(?= ?[.!]|$)",
        action="strip",
    ),
    Cue("contempt", 0.3, rf"{START}(?:serieusement|non mais) ?\?"),
    Cue("contempt", 0.35, r"\b(?P<core>incroyable)[.!?]", guarded=True),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu es|vous etes) (?:vraiment |franchement )?(?:ne )?(?:pas croyables?"
        r"|incroyables?)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tout le monde|personne ne) se (?:fiche|fout|moque|contrefiche) (?:de|des) (?:toi|tes"
        r"|vous|vos|ton|ta|votre)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:tu te crois|vous vous croyez|tu te prends pour|tu te penses) (?:\w+ )?(?:malin"
        r"|maline|drole|intelligente?|superieure?|au-dessus|plus fort|meilleure?|important)\b",
    ),
    Cue("contempt", 0.6, r"\bcomment (?:oses-tu|osez-vous|tu oses|vous osez)\b"),
    Cue("insult", 0.7, r"\b(?:tu mens|vous mentez) comme (?:tu respires|vous respirez)\b"),
    Cue(
        "contempt",
        0.55,
        r"\b(?:arrete|arretez|cesse|cessez) de (?:pleurnicher|chouiner|te plaindre|vous plaindre"
        r"|faire la victime|geindre)\b|\bva pleurer\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:on|je) se en (?:fiche|fout|moque)\b|\bje me en (?:fiche|moque) de (?:ce que|tes|vos)"
        r"|\bqui se en soucie\b|\bmeme pas en reve\b|\btu reves\b|\bca (?:te|vous) depasse\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:tu|vous) (?:ne |n )?(?:y )?(?:connais|connaissez) rien\b"
        r"|\b(?:tu|vous) (?:me )?(?:saoules?|soules?|saoulez|soulez|gaves?|gavez)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?:tu|vous) me (?:enerves?|enervez|agaces?|agacez|fatigues|fatiguez)\b",
    ),
    Cue("contempt", 0.5, "\U0001f644|\U0001f612"),
    Cue(
        "contempt",
        0.55,
        r"\bquel(?:le)? (?:professionnalisme|efficacite|competence)\b(?! (?:de|pour|a)\b)"
        r"|\bce est du joli\b",
    ),
    Cue(
        "insult",
        0.6,
        r"\b(?:ton|ta|votre) (?P<core>incompetence|betise|stupidite|arrogance|paresse|nullite"
        r"|mauvaise foi|hypocrisie|lachete|mesquinerie)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:est|sont|ce est) (?:une |de la |de le |vraiment une )?(?P<core>arnaque|escroquerie"
        r"|insulte)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.75,
        r"\bje espere que (?:tu|vous) (?:te |vous )?(?:etouff|crev|pourri|souffr|meur|creve)\w*",
    ),
    # --- blame ----------------------------------------------------------------------------
    Cue(
        "blame",
        0.55,
        r"\b(?:ce est|ce etait|tout est|ce sera|ce ne est) (?:\S+ ){0,2}?(?P<core>(?:de )?(?:ta"
        r"|votre) faute)\b",
        guarded=True,
    ),
    Cue("blame", 0.55, r"\b(?P<core>par (?:ta|votre) faute)\b", guarded=True),
    Cue(
        "blame",
        0.55,
        r"\b(?:tu le as|vous le avez) (?:bien )?cherche\b"
        r"|\bregarde(?:z)? ce que (?:tu as|vous avez) fait\b"
        r"|\b(?:tu ne peux|vous ne pouvez) (?:te|vous) en prendre que a\b"
        r"|\bce est (?:toi|vous) qui (?:as|avez) commence\b",
    ),
    Cue("blame", 0.45, r"\b(?P<core>a cause de (?:toi|vous))\b", guarded=True),
    Cue(
        "blame",
        0.6,
        r"\b(?:tu as|vous avez) (?:\S+ )?(?P<core>detruit|gache|ruine|bousille|brise|saccage"
        r"|pourri|fichu en le air|foutu en le air) (?:cette|notre|ma|mon|nos|la|le|les|tout"
        r"|sa|son|ses|leur|leurs)\b",
        guarded=True,
    ),
    # --- profanity (the words are removed, the message kept) ------------------------------
    Cue("profanity", 0.65, r"\b(?P<core>putains? de )", action="strip"),
    Cue("profanity", 0.4, r"\b(?P<core>maudite?s?)\b", action="strip"),
    Cue(
        "profanity",
        0.6,
        r"\b(?P<core>conneries?|(?:fous|foutez)-moi la paix|ta gueule|estie|osti|esti de"
        r")\b",
    ),
    Cue(
        "profanity",
        0.8,
        r"\b(?:va|allez) (?:te|vous) faire (?:foutre|voir|enculer)\b|\b(?:va|allez) chier\b",
    ),
    Cue(
        "profanity",
        0.65,
        r"\b(?P<core>putains?|ptain|merde|merdique|foutre|foutue?s?|chier|encule|nique|niquer"
        r"|fuck|calisse|caliss|calice|tabarnak|tabarnac|crisse|criss|ostie|esti|hostie|ciboire"
        r"|sacrament|viarge|bordel de merde)\b",
        action="strip",
    ),
    Cue(
        "profanity",
        0.5,
        r"\b(?P<core>bordel|chiante?s?|emmerde\w*|tabarnouche|mautadit|en fous|en fout)\b",
        action="strip",
    ),
)
