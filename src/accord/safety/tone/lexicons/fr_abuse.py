"""French (and Quebec) name-calling, blame and swearing (contempt: :mod:`.fr_contempt`).

Normalised French has no accents and spelled-out elisions: "t'es nul" is matched as
"tu es nul", "c'est de ta faute" as "ce est de ta faute".

>>> sorted({cue.reason for cue in CUES})
['blame', 'insult', 'profanity']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.fr_words import (
    INSULT_ADJ,
    INSULT_NOUN,
    ROLE,
    TARGETED_NOUN,
    TRAIT_NOUN,
    WORK,
)
from accord.safety.tone.spec import WORD, Cue, gap, words

__all__ = ["CUES"]

_INSULT_ADJ = INSULT_ADJ
_INSULT_NOUN = INSULT_NOUN
_TARGETED_NOUN = TARGETED_NOUN
_TARGET = (
    r"\b(?:tu es|tu etais|tu seras|vous etes|vous etiez|es-tu|etes-vous|tu fais|vous faites"
    r"|tu ne es|vous ne etes|tu ne etais|vous ne etiez|tu es rien|tu ne seras"
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
    # A noun phrase after "tu es / vous êtes" may carry any modifiers: "vous êtes vraiment les
    # pires voisins", "t'es qu'un sale petit lèche-bottes".
    Cue(
        "insult",
        0.75,
        rf"{_TARGET} (?:{WORD} ){{0,4}}?(?P<core>{_INSULT_NOUN}|{_TARGETED_NOUN})\b",
        guarded=True,
    ),
    # A role with a pejorative trait after it: "une mère nulle", "ce voisin odieux"; or the
    # trait put first for emphasis: "elle est nulle, cette équipe".
    Cue(
        "insult",
        0.6,
        rf"\b(?:un|une|le|la|des|les|ce|cette|ces|quel|quelle|quels|quelles|ton|ta|tes|votre|vos)"
        rf" (?:{ROLE}) (?:vraiment |completement |totalement |franchement |tellement )?"
        rf"(?P<core>{_INSULT_ADJ})\b",
        guarded=True,
    ),
    Cue(
        "insult",
        0.55,
        rf"\b(?:est|sont|etait|etaient) (?:vraiment |trop |tellement |completement |franchement )?"
        rf"(?P<core>{_INSULT_ADJ}),? (?:ce|cette|ces|ton|ta|tes|votre|vos|le|la|les)"
        rf" (?:{ROLE}|{WORK})\b",
        guarded=True,
    ),
    Cue(
        "insult",
        0.4,
        r"(?P<core>,? ?\b(?:a commencer par (?:toi|vous)|toi compris|vous compris|y compris (?:toi"
        r"|vous)|et toi (?:aussi|pareil|tu ne es pas mieux|tu es pas mieux)|et vous (?:aussi"
        r"|pareil)|comme toi|comme vous))\b(?= ?[.!?,]|$)",
        action="strip",
    ),
    # "Ton abruti de frère", "cet imbécile de voisin": the insult names the person.
    Cue(
        "insult",
        0.75,
        rf"\b(?:ton|ta|tes|votre|vos|ce|cet|cette|ces|le|la|les|un|une) (?P<core>{_INSULT_NOUN}"
        rf"|{_INSULT_ADJ}|{_TARGETED_NOUN}) de (?:{WORD} )?(?:{ROLE}|frere|soeur|cousine?|copain"
        r"|copine|fils|fille|chien|beau-frere|belle-soeur|belle-mere|beau-pere|proprio|boss)\b",
        guarded=True,
    ),
    Cue("insult", 0.8, rf"\b(?P<core>{_INSULT_NOUN})\b", guarded=True),
    Cue("insult", 0.75, r"(?<!une )(?<!cette )(?<!la )\bespece de (?P<core>\S+)"),
    Cue(
        "insult",
        0.75,
        rf"\bbande de (?:\S+ )?(?P<core>{_INSULT_ADJ}|{_INSULT_NOUN}|{_TARGETED_NOUN}|\w+s)\b",
    ),
    # Other collective nouns take only listed insults: "une boîte de charlots".
    Cue(
        "insult",
        0.75,
        r"\b(?:boite|equipe|ramassis|tas|clique|troupeau|nid|troupe|repaire) de (?:\S+ )?"
        rf"(?P<core>{_INSULT_NOUN}|{_TARGETED_NOUN}|{_INSULT_ADJ})\b",
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
    Cue("insult", 0.7, r"\b(?:tu mens|vous mentez) comme (?:tu respires|vous respirez)\b"),
    Cue(
        "insult",
        0.6,
        rf"\b(?:ton|ta|votre) (?P<core>{TRAIT_NOUN})\b",
        guarded=True,
    ),
    # A noun insult said of the reader's people: "vos gosses sont des sauvages", "ta mère est
    # une vieille chipie".
    Cue(
        "insult",
        0.7,
        r"\b(?:ton|ta|tes|votre|vos) (?:\w+ ){0,2}?(?:est|sont|etait|etaient) (?:(?:une|un|des|de"
        r"|vrais?|vraies?|veritables?|sacres?|sacrees?|petits?|petites?|vieux|vieilles?|sales?"
        rf"|vraiment|tous|toutes|que) )*(?P<core>{_TARGETED_NOUN}|{_INSULT_NOUN})\b",
        guarded=True,
    ),
    # A pejorative trait pinned on what belongs to the reader: "ton incapable d'avocat" is
    # above; here the trait follows the noun: "tes excuses minables", "ton avocat incompétent".
    Cue(
        "insult",
        0.6,
        rf"\b(?:ton|ta|tes|votre|vos) (?!(?:semaine|journee|planning|horaire|emploi du temps"
        rf"|situation|vie)\b)\w+ (?:(?:vraiment|completement|totalement|tellement|si) )?"
        rf"(?P<core>(?!(?:fou|folle|fous|folles|pire|pires|penible|penibles|lourd|lourde|lourds)\b)"
        rf"{_INSULT_ADJ})\b",
        guarded=True,
    ),
    # Brainlessness idioms: "t'as rien dans le crâne", "un pois chiche à la place du cerveau".
    Cue(
        "insult",
        0.7,
        r"\b(?:tu as|vous avez|tu ne as|vous ne avez) (?:vraiment |strictement |plus |donc )*"
        r"rien dans (?:le crane|la tete|le cerveau|le ciboulot|la cervelle|le citron"
        r"|la caboche)\b|\ba la place (?:du|de le|de la) (?:cerveau|cervelle)\b|\ben guise de"
        r" (?:cerveau|cervelle)\b|\bcervelle de (?:moineau|pigeon|poisson rouge|mouche|colibri)\b"
        r"|\bpetit pois dans la tete\b",
    ),
    # "Tu ne vaux rien (comme père)": the writer weighs the reader and finds nothing.
    Cue(
        "insult",
        0.7,
        r"\b(?:tu ne vaux|vous ne valez|tu vaux|vous valez) (?:rien|pas un clou|pas grand-chose"
        r"|pas tripette|que dalle)\b",
    ),
    Cue(
        "insult",
        0.6,
        r"\b(?:tu es|vous etes|tu etais|vous etiez) (?:\w+ )?(?:a la ramasse|a la masse|a cote de"
        r" (?:tes|vos) pompes|a le ouest|completement largue\w*|nul a chier|bon a rien)\b",
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
        0.55,
        r"\b(?:tu es|vous etes|t es) (?:content|contente|contents|contentes|satisfaite?s?|fiere?s?"
        r" de (?:toi|vous))(?: de (?:toi|vous))?(?: maintenant)? ?\?|\bje espere que (?:tu es"
        r"|vous etes) (?:content"
        r"|contente|fiere?s? de (?:toi|vous)|satisfaite?)\b|\bce est ce que (?:tu voulais|vous"
        r" vouliez)\b",
    ),
    # A loss laid at the reader's door: "on a perdu le client à cause de toi".
    Cue(
        "blame",
        0.6,
        r"\b(?:perdu|rate|pleure|pleurent|malheureu\w*|vire\w*|malade|ruine\w*|souffr\w*|endette\w*"
        r"|licencie\w*|traumatise\w*|en therapie)\b[^.!?]{0,60}\b(?P<core>a cause de (?:toi|vous)"
        r"|par (?:ta|votre) faute)\b",
        guarded=True,
    ),
    Cue(
        "blame",
        0.6,
        r"\b(?:tu as|vous avez|toi qui as|vous qui avez) (?:\S+ )?(?P<core>detruit|gache|ruine"
        r"|bousille|brise|saccage"
        r"|pourri|fichu en le air|foutu en le air) (?:cette|notre|ma|mon|nos|la|le|les|tout"
        r"|sa|son|ses|leur|leurs)\b",
        guarded=True,
    ),
    # --- profanity (the words are removed, the message kept) ------------------------------
    Cue("profanity", 0.65, r"\b(?P<core>putains? de )", action="strip"),
    Cue("profanity", 0.4, r"\b(?P<core>maudite?s?)\b", action="strip"),
    Cue(
        "profanity",
        0.55,
        r"\b(?:ton|ta|tes|votre|vos|toi|vous) (?P<core>(?:maudite?s?|foutue?s?|satanee?s?|sacree?s?"
        r"|putains? de))(?= \w)",
        action="strip",
    ),
    Cue(
        "profanity",
        0.6,
        r"\b(?P<core>conneries?|(?:fous|foutez)-moi la paix|ta gueule|estie|osti|esti de"
        r")\b",
    ),
    Cue(
        "profanity",
        0.8,
        r"\b(?:va|allez) (?:te|vous) faire (?:foutre|voir|enculer)\b|\b(?:va|allez) chier\b"
        r"|\b(?:va|allez) au diable\b",
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
        r"\b(?P<core>bordel|chiante?s?|emmerde\w*|en fous|en fout)\b",
        action="strip",
    ),
    Cue(
        "profanity",
        0.65,
        r"\b(?:bouge|ramene|pose|leve|bougez|ramenez|posez|levez|sors|sortez) (?:ton|votre|vos|tes)"
        r" (?:cul|fesses|gros cul)\b|\b(?:vieille?s? |gros )?(?:trou du cul|peau de vache)\b",
    ),
    Cue("profanity", 0.55, r"\bun vrai bordel\b|\bce (?:est|etait) le bordel\b"),
    # "on se fout de notre gueule": the strong verb without "foutre" spelled out.
    Cue(
        "profanity",
        0.65,
        r"\b(?P<core>(?:se |me |te |nous |vous )?fout(?:ent|ez|ait|aient)? de (?:notre|ma|ta"
        r"|votre|leur|la|nos|vos) (?:gueule|gueules))\b",
    ),
)
