"""French (and Quebec) contempt: belittling, mockery, dismissal and disgust.

"Pour qui tu te prends", "c'est trop te demander ?", "tu me fais pitié", "la pire offre que
j'aie jamais vue". Patterns match normalised text (no accents, elisions spelled out).

>>> sorted({cue.reason for cue in CUES})
['contempt']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.fr_words import INSULT_ADJ, ROLE, WORK
from accord.safety.tone.spec import START, WORD, Cue

__all__ = ["CUES"]

_INSULT_ADJ = INSULT_ADJ
_WORK = WORK

CUES: Final[tuple[Cue, ...]] = (
    Cue(
        "contempt",
        0.6,
        rf"\b(?:le|la|les) (?:pires?|plus (?:{WORD} )?(?:{_INSULT_ADJ})) (?:{WORD} ){{0,1}}?"
        rf"(?:{ROLE}|{_WORK})\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.6,
        r"\bquel(?:le)? (?:pere|mere|parent|adulte|personne|voisine?|patron|chef|entreprise)"
        r" (?:normale? |digne de ce nom |sensee? |responsable |serieuse? )?(?:laisse|oublie|fait"
        r"|ferait|laisserait|oublierait|envoie|emmene|met|donne|abandonne|ose|oserait|traite"
        r"|parle|agit)\b",
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
        r"|il se prend|elle se prend)\b|\b(?:tu te prends|vous vous prenez|tu te crois"
        r"|vous vous croyez) pour qui\b",
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
        r"\bqui (?:ne )?(?:va pas|cloche|tourne pas rond) chez (?:toi|vous)\b|\bca va pas la tete\b"
        r"|\b(?:tu te crois|vous vous croyez|tu te penses) ou\b|\bca (?:te|vous) tuerait de\b"
        r"|\b(?:comporte|conduis)-toi en adulte\b|\b(?:comportez|conduisez)-vous en adultes?\b"
        r"|\btu as un probleme\b|\bvous avez un probleme\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bmeme un (?:enfant|gamin|gosse|bebe|singe|eleve|stagiaire|ado|adolescent)\b"
        r"|\bun (?:enfant|gamin|gosse|mome|ado) de \w+ ans (?:ferait|comprendrait|saurait"
        r"|arriverait|y arriverait|serait capable|pourrait|le ferait)\b",
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
    # Rhetorical questions and put-downs about the reader's competence or good faith.
    Cue("contempt", 0.6, r"\bce est (?:vraiment )?trop (?:te|vous|lui|leur) demander\b"),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu as|vous avez) (?:seulement |au moins |meme |vraiment )(?:lu|regarde|verifie"
        r"|ecoute|compris|pense|ouvert|essaye)\b|\b(?:tu sais|vous savez) (?:au moins |seulement"
        r" |meme )?(?:pas )?(?:lire|compter|ecrire)\b",
    ),
    Cue(
        "contempt",
        0.7,
        r"\b(?:te|vous) (?:fous|foutez|fiches|fichez|moques|moquez|payes|payez) (?:de ma gueule"
        r"|de moi|de nous|de ma tete|de notre gueule|du monde)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu te|vous vous) en (?:fous|fiches|sacres|balances|tapes|bats|contrefous|foutez"
        r"|fichez|sacrez|balancez|tapez|battez|moques|moquez)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?P<core>degueulasses?|degueus?|crades?|cradingues?)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.55,
        r"\blarmes de crocodile\b|\b(?:ton|ta|votre|tes|vos) (?:petit |petite )?(?:cinema"
        r"|comedie|numero|jeremiades|pleurnicheries|simagrees)\b",
    ),
    Cue("contempt", 0.45, r"\bepargne(?:z)?-moi\b|\breprends-toi\b|\breprenez-vous\b"),
    Cue(
        "contempt",
        0.6,
        r"\bchange(?:z)? de (?:metier|boulot|travail)\b|\b(?:trouve|trouvez|cherche|cherchez)-"
        r"(?:toi|vous) un autre (?:metier|boulot|travail)\b|\bpas fait(?:e|s|es)? pour ce"
        r" (?:metier|boulot|travail)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bje (?:ne )?en attendais (?:pas moins|rien de moins|rien de mieux|rien de autre)"
        r" (?:de toi|de vous|de ta part|de votre part)\b|\bca ne me etonne (?:meme )?pas de"
        r" (?:toi|vous)\b|\bpourquoi ca ne me etonne pas\b",
    ),
    Cue("contempt", 0.35, r"\b(?P<core>pour une fois)\b", action="strip"),
    Cue(
        "contempt",
        0.45,
        r"\bce est (?:vraiment |franchement )?(?:desesperant|affligeant|navrant|consternant"
        r"|lamentable|pitoyable)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?:ce est|est-ce|ce etait) (?:vraiment )?(?:si|tellement|aussi) (?:dur|difficile"
        r"|complique|sorcier) (?:que ca )?de\b",
    ),
    Cue(
        "contempt",
        0.4,
        r"\bsi ca (?:vous|te) (?:amuse|chante|fait plaisir)\b|\b(?:tu veux|vous voulez) jouer a"
        r" ca\b",
        action="sentence",
    ),
    Cue(
        "contempt",
        0.4,
        r"\b(?P<core>(?:ne )?(?:est )?pas (?:si |bien |tres |aussi )?(?:complique|difficile|sorcier"
        r"|dur)(?: que ca)?)\b",
    ),
    Cue("contempt", 0.5, r"\ble strict minimum\b|\ble minimum syndical\b"),
    Cue(
        "contempt",
        0.55,
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
        r"(?P<core>,? ?\b(?:et )?(?:tout le monde|tout le \w+|toute la \w+|tous les \w+|tu|vous)"
        r" le (?:sait|savent|sais|savez|voit|voient|vois|voyez)\b)"
        r"(?= ?[.!]|$)",
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
    # Ruin wished on the reader's business or life: "j'espère que votre boîte va couler".
    Cue(
        "contempt",
        0.7,
        r"\bje (?:espere|souhaite) que (?:tu|vous|ton \w+|ta \w+|votre \w+|vos \w+|tes \w+)"
        r" (?:\w+ ){0,2}?(?P<core>(?:coul|fa\w* faillite|ferm|brul|ruin|perd\w* tout|crev|pourri"
        r"|depos\w* le bilan)\w*)",
        guarded=True,
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Questions sur la compétence du lecteur : "c'est si compliqué que ça pour vous ?",
    # "vous êtes sûr d'être photographe ?", "apprenez à compter", "laisse-moi rire".
    Cue(
        "contempt",
        0.6,
        r"\b(?:est|etait) (?:si|aussi|tellement) (?:complique|difficile|dur) que (?:ca|cela)"
        r" (?:pour (?:toi|vous))? ?\?|\b(?:vous etes|tu es) (?:bien |vraiment )?sure?s? de etre"
        r" (?:un |une |le |la )?\S+ ?\?",
    ),
    Cue(
        "contempt",
        0.6,
        rf"{START}(?:apprenez|apprends|apprend) (?:donc )?a (?:compter|lire|ecrire|conduire"
        r"|parler|ecouter)\b|\blaisse(?:z)?-moi rire\b|\bquelqu'un comme (?:toi|vous)\b",
    ),
)
