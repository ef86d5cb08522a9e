"""French (and Quebec) vocabulary shared by the French cues: pejorative traits, name-calling.

Normalised French has no accents and spelled-out elisions, so words are written that way
("lache", "leche-bottes"). Adjectives and nouns are inflected: :func:`inflect` writes the
feminine and plural forms of a masculine singular once, by the regular rules ("menteur" ->
"menteuse", "nul" -> "nulle", "feignant" -> "feignante", plurals in -s or -x), so that a word
listed once matches "nuls", "pires" and "incapables" alike.

>>> import re
>>> [bool(re.fullmatch(INSULT_ADJ, w)) for w in ("nulles", "pires", "menteuse", "sournoise")]
[True, True, True, True]
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import alt, words

__all__ = ["INSULT_ADJ", "INSULT_NOUN", "ROLE", "TARGETED_NOUN", "TRAIT_NOUN", "WORK", "inflect"]


def inflect(base: str) -> str:
    """A pattern for ``base`` (masculine singular) with its feminine and plural forms.

    >>> inflect("menteur"), inflect("nul"), inflect("pire"), inflect("odieux")
    ('menteu(?:r|se)s?', 'nul(?:le)?s?', 'pires?', 'odieu(?:x|se)s?')
    >>> inflect("manipulateur"), inflect("con")
    ('manipulat(?:eur|rice)s?', 'con(?:ne)?s?')
    """
    if base.endswith("ateur"):
        return base[:-3] + "(?:eur|rice)s?"
    if base.endswith("eur"):
        return base[:-1] + "(?:r|se)s?"
    if base.endswith("eux"):
        return base[:-1] + "(?:x|se)s?"
    if base.endswith(("el", "eil", "ul", "en", "on")):
        return base + "(?:" + base[-1] + "e)?s?"
    if base.endswith("if"):
        return base[:-1] + "(?:f|ve)s?"
    if base.endswith(("x", "s")):
        return base + "(?:e|es)?"
    if base.endswith("e"):
        return base + "s?"
    return base + "e?s?"


def _inflected(text: str) -> str:
    return alt(*(inflect(word).replace("_", " ") for word in text.split()))


#: Pejorative traits, listed in the masculine singular and inflected.
INSULT_ADJ: Final = alt(
    _inflected(
        r"""
        nul incompetent stupide debile idiot imbecile cretin abruti con bete incapable niaiseux
        epais cave lache egoiste irresponsable menteur hypocrite pretentieux arrogant feignant
        faineant paresseux malhonnete cingle tare indigne ignorant minable ridicule lamentable
        pire chiant gonflant immature pueril malpoli grossier insupportable invivable penible
        radin mesquin ingrat culotte effronte demeure attarde naze nase toxique negligent
        inconscient sournois fourbe vicieux pervers odieux ignoble infect meprisable detestable
        hysterique derange mal_eleve sans-gene lourd pingre rancunier manipulateur narcissique
        egocentrique condescendant hautain meprisant borne inutile bordelique
        minus pitoyable pathetique flemmard trouillard froussard vantard pleurnichard nullard
        pourri vereux crapuleux malsain mythomane irrespectueux insolent
        """
    ),
    words(r"fou folle fous folles relou(?:e|s)? mauvaise?s?_(?:pere|mere|parent)s? bons?_a_rien"),
    words(r"bonnes?_a_rien tire-au-flanc"),
)

#: Unambiguous name-calling: counted wherever it appears, unless negated, reported or
#: self-applied.
INSULT_NOUN: Final = words(
    r"""
    connards? connasses? salauds? salopes? enfoiree?s? abrutie?s? cretine?s? imbeciles? escrocs?
    ordures? raclures? pourritures? tocarde?s? bouffon(?:ne)?s? menteu(?:r|se)s? parasites?
    mongole?s? enculee?s? batards? pauvre_type pauvre_conn?e? gros_con sale_con tete_de_noeud
    guignols? trou_du_cul tete_de_con sans-coeur profiteu(?:r|se)s? psychopathes?
    pervers_narcissiques? racailles? voyous? tetes?_a_claques sangsues? branleu(?:r|se)s?
    glandeu(?:r|se)s? feignasses? pouffiasses? grognasses? cassos salopards? blaireaux? blaireau
    leche-bottes leche-culs? fayote?s? larbins? beni-oui-oui carpettes? harpies? megeres?
    commeres? pimbeches? garces? viperes? rapaces? vautours? charognards? crevards? pingres?
    grippe-sous arnaqueu(?:r|se)s? filous? truands? magouilleu(?:r|se)s? mythos? baratineu(?:r|se)s?
    faux-jetons? faux_culs? degonflee?s? mauviettes? lavettes? chiffes?_molles? nullards?
    nullos branquignols? pignoufs? ploucs? beaufs? pequenauds? andouilles? enflures? gros_porcs?
    sale_type sale_gosse morveu(?:x|se)s? petit_con petite_conne pauvre_mec pauvre_fille
    pique-assiettes? flemmarde?s? trouillarde?s? froussarde?s? pleurnicharde?s? vendue?s?
    sans-dessein teteu(?:x|se)s? mangeux_de_marde tatas? nonos? vieille?s?_commeres?
    cruches? gourdes? bourriques? nouilles? morues? cloportes? larves? trouducs? enfoires?
    mange-merde pauvres?_(?:idiote?s?|nulle?s?|cloches?|tache|naze|andouilles?) sale_race
    trous_du_cul tetes?_de_mules? vieux_con vieille_conne petit_merdeux merdeu(?:x|se)s?
    vieilles?_biques? vieux_schnocks? vieilles?_peaux? chipies? bras_casses? empotee?s?
    incapables_notoires? sales?_gosses? petits?_cons? pauvres?_cons? gros_lourds?
    guignols? margoulins? requins_de_la_finance escrocs? voleurs_patentes? charognes?
    """
)

#: Nouns that insult only when aimed at the reader ("t'es qu'un gamin", not "le gamin dort").
TARGETED_NOUN: Final = words(
    r"""
    clowns? voleu(?:r|se)s? tricheu(?:r|se)s? gamine?s? bebes? zero ratee?s? minus honte lache
    incapables? amateurs? charlots? baltringues? porcs? cochons? truies? serpents? requins? rats?
    boulets? girouettes? marionnettes? pantins? moutons? dinosaures? dindes? anes? limaces?
    hyenes? chacals? vermine poux traitres? vendus? laquais toutous? minables? nuls?
    lourdauds? brutes? tyrans? dictateurs? sorcieres? pestes? cas_desesperee?s? cas_sociaux
    cas_social cause_perdue sauvages? animaux monstres? tetes?_de_linotte tache
    """
)

#: Roles a person holds in these disputes: "une mère *nulle*", "le pire *voisin*".
ROLE: Final = words(
    r"""
    peres? meres? parents? voisine?s? patron(?:ne)?s? chefs? collegues? employeurs? proprietaires?
    locataires? maris? femmes? ex avocate?s? techniciens? techniciennes? artisans? entreprises?
    services? equipes? direction syndicats? delegue(?:e)?s? negociat(?:eur|rice)s? gerante?s?
    responsables? vendeu(?:r|se)s? clients? personnes? hommes? gens boites? societes?
    """
)

#: Faults named as nouns: "ton *incompétence*", "votre *mauvaise foi*".
TRAIT_NOUN: Final = words(
    r"""
    incompetence betise stupidite arrogance paresse nullite mauvaise_foi hypocrisie lachete
    mesquinerie egoisme connerie malhonnetete negligence
    """
)

#: What the reader produced or runs, judged by a superlative: "la pire offre".
WORK: Final = words(
    r"""
    presentations? rapports? services? plans? offres? propositions? excuses? travail boulot
    decisions? idees? mails? courriels? lettres? brouillons? reparations? gestion organisation
    communication reponses? explications? negociat\w+ comportement attitude entreprises? boites?
    """
)
