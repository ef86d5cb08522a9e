"""French belittling: the reader treated as useless, brainless or beneath notice.

"Tu sers à quoi exactement ?", "la mémoire d'un poisson rouge", "mon fils de six ans aurait
fait mieux", "occupe-toi de tes oignons", "combien de fois faut-il te le dire ?", "que tu n'as
visiblement pas lus". The older, phrase-level contempt cues are in :mod:`.fr_contempt`.

>>> sorted({cue.reason for cue in CUES})
['contempt']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import Cue

__all__ = ["CUES"]

CUES: Final[tuple[Cue, ...]] = (
    # --- the reader treated as useless or brainless ----------------------------------------
    Cue(
        "contempt",
        0.65,
        r"\b(?:tu sers|vous servez) a quoi\b|\ba quoi (?:tu sers|vous servez|sers-tu|servez-vous)\b"
        r"|\b(?:tu ne sers|vous ne servez) (?:strictement |vraiment |absolument )?a rien\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bmemoire de (?:un )?poisson rouge\b|\bmemoire de (?:moineau|passoire)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?:expliquer|repeter|redire|dire|ecrire) (?:\w+ )?(?:lentement|doucement|avec des mots"
        r" simples|en petits mots)\b|\breflechis(?:sez)? avant de (?:parler|ouvrir|ecrire|agir"
        r"|repondre)\b|\b(?:sers|servez)-(?:toi|vous) de (?:ta|votre) (?:tete|cervelle|cerveau)\b"
        r"|\butilise(?:z)? (?:ton|votre) (?:cerveau|cervelle)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bpour que meme (?:toi|vous) (?:tu |vous )?(?:comprenn|suiv|capt|pig)\w*",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu sais|vous savez|sais-tu|savez-vous) (?:au moins|seulement|meme) ce que\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?:tu as|vous avez) la memoire courte\b|\bou (?:tu le fais|vous le faites) expres\b",
    ),
    # --- dismissal ----------------------------------------------------------------------------
    Cue(
        "contempt",
        0.55,
        r"\b(?:occupe|mele|melez|occupez)-(?:toi|vous) de (?:tes|vos) (?:affaires|oignons|fesses)\b"
        r"|\bde quoi (?:je me mele|tu te meles|vous vous melez)\b|\b(?:on|personne) ne (?:te|vous)"
        r" (?:a|as) (?:rien )?demande\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:tes|vos) (?:niaiseries|salades|sornettes|balivernes|elucubrations|chichis|caprices"
        r"|pleurnicheries|jeremiades|simagrees|enfantillages)\b|\blache(?:z)?-moi (?:patience|la"
        r" grappe|les baskets)\b|\bfiche(?:z)?-moi la paix\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:arrete|arretez|cesse|cessez) de (?:chialer|brailler|chigner|chouiner|pleurnicher"
        r"|geindre|faire (?:ton|votre) cinema|faire (?:le|la) (?:martyr|victime|malin|maline|fier"
        r"|fiere|innocent|innocente))\b|\bfais pas (?:le|la|ton) (?:malin|maline|innocent"
        r"|innocente|fier|fiere|cinema)\b",
    ),
    # --- the reader's work judged beneath a child's -------------------------------------------
    Cue(
        "contempt",
        0.6,
        r"\b(?:mon|ma) (?:fils|fille|gamin|gamine|neveu|niece|grand-mere|chien|chat|petit|petite)"
        r"(?: de \w+ ans)? (?:aurait|ferait|pourrait|saurait) (?:fait |faire )?mieux\b"
        r"|\bun (?:stagiaire|enfant|gamin|singe|eleve de cp|apprenti) (?:aurait|ferait|pourrait)"
        r" (?:fait |faire )?mieux\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:tu appelles|vous appelez) (?:ca|cela) (?:du|un|une|de la) (?:travail|boulot|service"
        r"|reparation|menage|chantier|offre|proposition|rapport|effort)\b|\bet (?:ca|cela) se dit"
        r" (?:professionnel|professionnels|pere|mere|artisan|expert)\b|\b(?:tu te dis|vous vous"
        r" dites) (?:\w+ )?(?:professionnels?|artisans?|experts?|pere|mere|parent)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bil y en a qui (?:bossent|travaillent|se levent|taffent|ont un (?:travail|boulot))\b"
        r"|\bcertains (?:de entre nous )?(?:bossent|travaillent|se levent)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:vivez|vis|vit|vivre|vivent) dans une? (?:porcherie|soue|taudis|decharge|poubelle"
        r"|depotoir)\b|\bce est une porcherie\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bne (?:reconnaitrais|reconnaitriez|saurais|sauriez|verrais|verriez) pas [^.!?]{0,40}"
        r"\bmeme si\b",
    ),
    Cue("contempt", 0.5, r"\b(?:tu me|vous me) prends? pour (?:un|une) (?:\w+ )?\w+ ?\?"),
    # --- rhetorical questions that answer themselves ----------------------------------------
    Cue(
        "contempt",
        0.55,
        r"\bcombien de fois (?:faut-il|faudra-t-il|dois-je|je dois|est-ce que je dois|il faut que"
        r" je) (?:te |vous )?(?:le )?(?:dire|repeter|demander|expliquer|rappeler)\b|\ba quoi"
        r" (?:tu pensais|vous pensiez|pensais-tu|pensiez-vous)\b|\b(?:tu as|vous avez) perdu la"
        r" (?:tete|boule|raison)\b|\bsur quelle planete (?:tu vis|vous vivez|vis-tu|vivez-vous)\b"
        r"|\bqui fait (?:ca|une chose pareille)\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:tu es|vous etes|t es) (?:serieu(?:x|se)s?|malade|fou|folle|debile|bourree?) ?\?"
        r"|\b(?:tu plaisantes|vous plaisantez|tu rigoles|vous rigolez|tu delires|vous delirez"
        r"|tu debloques|vous debloquez)\b|\bce est une blague ?\?|\bca va pas (?:la tete|bien)"
        r" ?\?|\b(?:tu es|vous etes) pas bien\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\bpourquoi (?:tu ne|vous ne|ne) (?:\w+ ){1,3}?(?:jamais|pas|rien)\b[^.!?]{0,60}\?"
        r"|\bpourquoi (?:tu|vous) (?:\w+ ){0,2}?(?:toujours|sans arret|systematiquement)\b"
        r"[^.!?]{0,60}\?",
    ),
    Cue(
        "contempt",
        0.35,
        r"\b(?:franchement|serieusement|sans blague|non mais)\b[^.!?]{0,60}\?"
        r"|\bhallucinant\.|\bincroyable\.\.\.",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:tissu|ramassis|paquet|tas) de (?:mensonges|conneries|betises|salades|excuses)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bplus de (?:bon sens|jugeote|cervelle|classe|courage|politesse|savoir-vivre|neurones)"
        r" que (?:toi|vous)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu ne apportes|vous ne apportez|tu apportes|vous apportez) (?:strictement "
        r"|absolument"
        r" )?rien\b|\bne (?:me|nous) insult(?:e|ez) pas avec\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\bne (?:pense|penses|pensez|pensent|pensait) que a (?:toi|vous|eux|elles|lui|elle|soi)"
        r"(?:-memes?)?\b|\b(?:gens|personnes) qui se fichent de tout le monde\b",
    ),
    # "Tu as relu, ou tu as juste cliqué ?": the alternative answers the question.
    Cue(
        "contempt",
        0.5,
        r"\bou (?:tu as|vous avez|tu es|vous etes|tu|vous) (?:juste|simplement)\b[^.!?]{0,80}\?",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:tu|vous) (?:comprends|comprenez|lis|lisez|connais|connaissez|sais|savez|regardes"
        r"|regardez|ecoutes|ecoutez) (?:seulement|au moins|meme|vraiment)\b[^.!?]{0,80}\?",
    ),
    # --- understated contempt ----------------------------------------------------------------
    Cue(
        "contempt",
        0.5,
        r"\bque (?:tu ne as|vous ne avez) (?:visiblement |manifestement |apparemment |meme "
        r"|jamais )*"
        r"(?:pas )?(?:lue?s?|ouverte?s?|regardee?s?)\b|\b(?:tu ne as|vous ne avez) (?:meme )?pas"
        r" daigne\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:ecris|ecrire|ecrit|dis|dire|repete|repeter) (?:\w+ )?en (?:gros|majuscules|lettres"
        r" capitales)\b|\bpour que (?:tu|vous) (?:comprenne|compreniez|comprennes|suives"
        r"|suiviez)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bdescend(?:s|ez)? de (?:ton|votre) piedestal\b|\b(?:tu ne es|vous ne etes|tu es|vous"
        r" etes) pas (?:un |une )?(?:saint|sainte|ange)s?\b|\bdonneu(?:r|se) de lecons\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bperdre (?:mon|ma|mes) (?:temps|energie|salive) (?:avec|pour) (?:toi|vous)\b"
        r"|\b(?:tu ne vaux|vous ne valez) pas (?:la peine|le coup)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\brends(?:-nous|-moi|-leur)? service et (?:arrete|tais-toi|disparais|pars|demissionne"
        r"|laisse)\b|\brendez(?:-nous|-moi)? service et (?:arretez|taisez-vous|disparaissez"
        r"|partez|demissionnez)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bcertains (?:ont appris|ont ete (?:bien )?eleves|savent) (?:a |de )?(?:respecter"
        r"|se tenir)\b"
        r"|\bil y en a qui ont (?:ete bien eleves|appris a respecter)\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\bne est pas (?:votre|ton|ta) (?:parking|poubelle|depotoir|terrain de jeu)(?: prive"
        r"| perso"
        r"| personnel)?\b",
    ),
    Cue("contempt", 0.6, r"\bplus utiles? avec un (?:horodateur|mur|parcmetre|repondeur)\b"),
)
