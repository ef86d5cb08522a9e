"""The cue families added to reach the held-out goal, in English and French, with hard negatives.

Each example is written for this file (none comes from the benchmark's sets). Hostile examples
must be caught by a lexicon cue of the named reason on their own, without the learned cue, so
that a family that stops matching fails here even if the model would have covered for it.
Hard negatives must not be flagged by the coach as a whole.
"""

from __future__ import annotations

import pytest

from accord.safety.tone import assess
from accord.safety.tone.analysis import primary_language
from accord.safety.tone.cues import find_hits
from accord.safety.tone.normalise import normalise


def _lexical_reasons(text, lang):
    primary = primary_language(lang)
    return {hit.reason for hit in find_hits(normalise(text, primary), primary) if not hit.blocked}


FAMILIES = [
    # --- insults: collective, the reader's people, idioms of brainlessness ---------------------
    ("Cowboys, the whole lot of you.", "en", "insult"),
    ("Thieving crooks.", "en", "insult"),
    ("Your brother is a spineless weasel.", "en", "insult"),
    ("You're the landlord from hell.", "en", "insult"),
    ("There's nothing between your ears, is there?", "en", "insult"),
    ("Your useless solicitor lost the file again.", "en", "insult"),
    ("Get out of my way, you selfish oaf.", "en", "insult"),
    ("Tes enfants sont de vrais sauvages.", "fr", "insult"),
    ("T'as vraiment rien dans la tête.", "fr", "insult"),
    ("Tu ne vaux pas un clou.", "fr", "insult"),
    ("Vous êtes complètement à la ramasse.", "fr", "insult"),
    ("Ton avocat incompétent a encore perdu le dossier.", "fr", "insult"),
    # --- belittling: child, brainless, useless, beneath a pet, dismissal -----------------------
    ("Stop behaving like a sulky toddler.", "en", "contempt"),
    ("You have the memory of a goldfish.", "en", "contempt"),
    ("Let me spell it out slowly so even you can follow.", "en", "contempt"),
    ("Do you take me for a complete mug?", "en", "contempt"),
    ("Mind your own business about my garden.", "en", "contempt"),
    ("What exactly are you for?", "en", "contempt"),
    ("My nephew could have done a better job with a crayon.", "en", "contempt"),
    ("And you call yourselves builders?", "en", "contempt"),
    ("How many times do I have to tell you?", "en", "contempt"),
    ("Which you clearly didn't bother to read.", "en", "contempt"),
    ("Do everyone a favour and stop posting.", "en", "contempt"),
    ("Tu sers à quoi, au juste ?", "fr", "contempt"),
    ("Tu as une mémoire de poisson rouge.", "fr", "contempt"),
    ("Occupe-toi de tes oignons.", "fr", "contempt"),
    ("Mon neveu aurait fait mieux.", "fr", "contempt"),
    ("Combien de fois faut-il te le répéter ?", "fr", "contempt"),
    ("Descends de ton piédestal.", "fr", "contempt"),
    ("Rends-nous service et tais-toi.", "fr", "contempt"),
    ("J'espère que ton garage va faire faillite.", "fr", "contempt"),
    # --- irony: mock awards and thanks, understatement, minimisers ------------------------------
    ("Employee of the month, clearly.", "en", "sarcasm"),
    ("Funny how your car only breaks down on my weekends.", "en", "sarcasm"),
    ("Let me guess, the cheque is in the post.", "en", "sarcasm"),
    ("Great plan, said nobody ever.", "en", "sarcasm"),
    ("Thanks for ignoring all four of my calls.", "en", "sarcasm"),
    ("Gold star for turning up.", "en", "sarcasm"),
    ("Another week, another broken promise.", "en", "sarcasm"),
    ("What a bold strategy, cutting the staff before Christmas.", "en", "sarcasm"),
    ("Voisin du mois, sans aucun doute.", "fr", "sarcasm"),
    ("Laisse-moi deviner, le chèque est parti hier.", "fr", "sarcasm"),
    ("Merci de m'avoir encore ignorée.", "fr", "sarcasm"),
    ("Une autre semaine, une autre promesse.", "fr", "sarcasm"),
    ("Tiens, monsieur daigne répondre.", "fr", "sarcasm"),
    ("Quelle idée de génie, supprimer la prime de nuit.", "fr", "sarcasm"),
    # --- intimidation: veiled menace by class ---------------------------------------------------
    ("The next one won't be through a solicitor.", "en", "intimidation"),
    ("Keep provoking me.", "en", "intimidation"),
    ("Folks have accidents on that corner, you know.", "en", "intimidation"),
    ("Staff who go to the union never last long here.", "en", "intimidation"),
    ("Remember that at appraisal time.", "en", "intimidation"),
    ("I'll be waiting outside your office at six.", "en", "intimidation"),
    ("You're skating on thin ice.", "en", "intimidation"),
    ("I know a few things about you.", "en", "intimidation"),
    ("I'd hate for your application to be turned down.", "en", "intimidation"),
    ("Tu as intérêt à payer vendredi.", "fr", "intimidation"),
    ("On ne sait jamais ce qui peut arriver.", "fr", "intimidation"),
    ("Ne teste pas ma patience.", "fr", "intimidation"),
    ("Ce serait dommage que ton permis soit refusé.", "fr", "intimidation"),
    ("Je sais où se trouve ton garage.", "fr", "intimidation"),
    ("On verra bien qui rira le dernier.", "fr", "intimidation"),
    # --- threats by class ------------------------------------------------------------------------
    ("I'll fight this until you're bankrupt.", "en", "threat"),
    ("You'll wish you had never met me.", "en", "threat"),
    ("You might find your windscreen smashed one morning.", "en", "threat"),
    ("Don't count on that cat coming home.", "en", "threat"),
    ("You'll get a smack if you keep this up.", "en", "threat"),
    ("I'll make sure no landlord in town ever rents to you.", "en", "threat"),
    ("Another bag of rubbish and it comes through your window.", "en", "threat"),
    ("Tu vas regretter le jour où tu m'as menti.", "fr", "threat"),
    ("Tu vas prendre une baffe.", "fr", "threat"),
    ("Tu n'auras plus un centime.", "fr", "threat"),
    ("Je ferai en sorte qu'aucune agence ne te loue un appartement.", "fr", "threat"),
    ("Je vais te faire tomber.", "fr", "threat"),
    ("Ta bouteille finira par ta fenêtre.", "fr", "threat"),
    # --- blame, absolute language, profanity ------------------------------------------------------
    ("We missed the flight because of you.", "en", "blame"),
    ("Happy now?", "en", "blame"),
    ("Every single handover with you ends in shouting.", "en", "absolute_language"),
    ("Cut the crap.", "en", "profanity"),
    ("Tu es content de toi ?", "fr", "blame"),
    ("Avec vous, c'est systématiquement la même chose.", "fr", "absolute_language"),
    ("Bouge ton cul.", "fr", "profanity"),
]


@pytest.mark.parametrize(("text", "lang", "reason"), FAMILIES)
def test_each_new_family_is_caught_by_its_own_cue(text, lang, reason):
    assert reason in _lexical_reasons(text, lang)
    result = assess(text, lang)
    assert result.flagged
    assert reason in result.reasons
    assert result.suggestion is not None
    assert not assess(result.suggestion, lang).flagged


HARD_NEGATIVES = [
    # own people and bystanders are not the reader
    ("My manager is a clown, so the meeting moved to four.", "en"),
    ("The plumber was a crook; we've found a new one.", "en"),
    ("Ma cheffe est une vraie peste, je finirai tard.", "fr"),
    # denials frame what follows as what is not being said
    ("I'm not saying you are a liar, I think the dates got mixed up.", "en"),
    ("Je n'ai jamais dit que tu étais une mauvaise mère.", "fr"),
    # reported words, with the verbs people use to report shouting
    ("He yelled 'useless cow' at me in the car park.", "en"),
    ("Il m'a hurlé « espèce d'idiote » devant l'école.", "fr"),
    # praise, permission and good outcomes beside "always", "never", "chaque fois"
    ("You always choose the best presents.", "en"),
    ("You never have to ask before calling them.", "en"),
    ("Chaque fois que tu viens, elle dort mieux.", "fr"),
    ("Tu expliques toujours les choses clairement.", "fr"),
    # alternatives offered as a question, warnings about real hazards
    ("Shall we keep Tuesdays, or I'll take Thursdays?", "en"),
    ("On garde le mardi, ou on change ?", "fr"),
    ("Watch out, the gate is broken.", "en"),
    ("Attention, le verglas sur l'allée.", "fr"),
    ("Careful, the stairs are wet.", "en"),
    # thanks for a real kindness that mentions a hardship
    ("Thank you for staying with him until 3am at the hospital, it helped so much.", "en"),
    ("Merci d'être restée jusqu'à 2 h du matin, ça m'a beaucoup aidée.", "fr"),
    # the phone-typed forms must not invent hostility
    ("ill be there at 6", "en"),
    ("your so kind, thank you", "en"),
    ("tes clés sont sur la table", "fr"),
    # firm but civil: refusals, deadlines, lawful steps
    ("If the deposit isn't returned by Friday, I'll start a small claims case.", "en"),
    ("I'm angry about the damage and I want it fixed this month.", "en"),
    ("Sans réponse d'ici lundi, je saisirai la commission de conciliation.", "fr"),
    ("Je refuse ce planning, il ne respecte pas la convention.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), HARD_NEGATIVES)
def test_hard_negatives_of_the_new_families_are_not_flagged(text, lang):
    result = assess(text, lang)
    assert not result.flagged, (result.score, result.reasons)
    assert result.suggestion is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("You're going to regret it.", "en", "you will regret it."),
        ("I'm not going to sign.", "en", "i will not sign."),
        ("I'm going to the court tomorrow.", "en", "i am going to the court tomorrow."),
        ("ill make u pay", "en", "i will make you pay"),
        ("ur such a clown", "en", "you are such a clown"),
        ("tes vraiment nul", "fr", "tu es vraiment nul"),
        ("ta rien compris comme dhab", "fr", "tu as rien compris comme de habitude"),
    ],
)
def test_normalisation_of_future_and_phone_typed_forms(text, lang, expected):
    assert normalise(text, lang).text == expected
