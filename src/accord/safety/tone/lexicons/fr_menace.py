"""French threats and intimidation ("tu vas le regretter", "sinon...", "je sais où tu habites").

A calm lawful next step ("je saisirai le tribunal", "sinon je devrai faire appel au
médiateur") is firm, not a threat.

>>> sorted({cue.reason for cue in CUES})
['intimidation', 'threat']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, WORD, Cue, words

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
        r"\bje (?:vais|ferai|vas|compte) (?:\S+ )?(?:faire en sorte|tout faire pour|me assurer)"
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
        r"|\bun accident est (?:vite|si vite) arrive\b"
        r"|\bce serait dommage que (?:il|quelque chose) (?:arrive|se passe)\b",
    ),
    Cue("threat", 0.6, r"\bje vais (?:te|vous) faire (?:virer|renvoyer|licencier)\b"),
    Cue("threat", 0.6, rf"\b(?:tu vas|vous allez) (?P<core>voir)(?: ?\.\.\.)?{END}"),
    # An ultimatum whose consequence is not a lawful step: "ou je viens la baisser moi-même".
    Cue(
        "threat",
        0.4,
        rf"(?P<core>\b(?:ou|sinon|ou bien|autrement) (?:je|on|nous) {_NOT_LAWFUL}[^.!?;]{0, 200})",
        guarded=True,
        action="strip",
    ),
    Cue(
        "threat",
        0.6,
        r"(?P<core>\b(?:ou|sinon) (?:je|on) (?:[^.!?;]{0,200} )?(?:moi-meme|nous-memes|debarque"
        r"|monte te voir|viens te voir|viens vous voir|vais venir|me en occupe|me en charge)\b"
        r"[^.!?;]{0,200})",
        action="strip",
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
        r"\bderniere fois que je (?:te|vous) le demande (?:gentiment|poliment)\b"
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
        "threat",
        0.65,
        r"\b(?:tu vas|vous allez|tu risques de|vous risquez de) avoir (?:de |des )(?:gros |graves "
        r"|serieux |tres gros |sacres )?(?:problemes|ennuis)\b",
    ),
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
    Cue("intimidation", 0.25, r"\bje (?:te|vous) le jure\b|\bcrois-moi\b|\bcroyez-moi\b"),
)
