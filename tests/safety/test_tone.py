"""Tests for the tone coach, accord.safety.tone.

The example messages here are written for the tests; none is taken from the benchmark's sets,
which are scored as a whole in test_tone_benchmark.py. The failure classes found while tuning,
with their hard negatives, are in test_tone_classes.py.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.safety.tone import REASONS, ToneAssessment, assess
from accord.safety.tone.result import FLAG_THRESHOLD

HOSTILE = [
    # (text, lang, reasons that must be reported)
    ("You're a complete moron.", "en", {"insult"}),
    ("Honestly, you are such a selfish mother.", "en", {"insult"}),
    ("Your lawyer is an idiot and so are you.", "en", {"insult"}),
    ("You'll be sorry if you don't pay me back.", "en", {"threat"}),
    ("I will make sure you never see a penny of that money.", "en", {"threat"}),
    ("Pay what you owe or I'll come round and collect it myself.", "en", {"threat"}),
    ("Bring the car back by Sunday or else.", "en", {"intimidation"}),
    ("I know where you work, so think carefully.", "en", {"intimidation"}),
    ("Keep talking and see what happens.", "en", {"intimidation"}),
    ("You're pathetic and you know it.", "en", {"contempt"}),
    ("Typical of you to forget the school forms.", "en", {"contempt"}),
    ("You disgust me.", "en", {"contempt"}),
    ("You never listen to anything I say.", "en", {"absolute_language"}),
    ("You always twist my words.", "en", {"absolute_language"}),
    ("Oh great, the heating is broken again. Thanks for nothing.", "en", {"sarcasm"}),
    ("Nice of you to finally show up. /s", "en", {"sarcasm"}),
    ("This is total bullshit.", "en", {"profanity"}),
    ("It's all your fault the kids are upset.", "en", {"blame"}),
    ("WHERE IS MY DEPOSIT? I HAVE WAITED FOR WEEKS!!!", "en", {"shouting"}),
    ("T'es qu'un menteur.", "fr", {"insult"}),
    ("Vous êtes des incapables.", "fr", {"insult"}),
    ("Espèce d'idiot, tu as encore oublié le cartable.", "fr", {"insult"}),
    ("Si tu touches encore à ma voiture, tu vas le regretter.", "fr", {"threat"}),
    ("Tu vas me le payer.", "fr", {"threat"}),
    ("Paie ce que tu me dois, sinon...", "fr", {"intimidation"}),
    ("Je sais où travaille ta femme.", "fr", {"intimidation"}),
    ("Tu me fais pitié.", "fr", {"contempt"}),
    ("C'est minable, même pas capable de rendre la caution.", "fr", {"contempt"}),
    ("Tu ne penses jamais aux enfants.", "fr", {"absolute_language"}),
    ("Tu fais toujours passer ton travail avant tout.", "fr", {"absolute_language"}),
    ("Oh génial, encore un retard. Merci du cadeau.", "fr", {"sarcasm"}),
    ("Putain, t'as encore perdu les clés.", "fr", {"profanity"}),
    ("C'est de votre faute si le chantier a pris trois mois de retard.", "fr", {"blame"}),
    ("ARRÊTE DE M'APPELER À MINUIT !!!", "fr", {"shouting"}),
    ("Ostie que t'es cave.", "fr-CA", {"insult", "profanity"}),
]

FIRM_BUT_CIVIL = [
    ("I do not agree with this schedule and I will not sign it.", "en"),
    ("If payment is not received by Friday I will file with the small claims court.", "en"),
    ("Please stop contacting me at work.", "en"),
    ("My answer is no, and I won't change my mind.", "en"),
    ("I will call the police if you block my driveway again.", "en"),
    (
        "We expect a written answer by Friday; otherwise we will escalate to the regional board.",
        "en",
    ),
    ("Please do not contact my employer again. All communication goes through the app.", "en"),
    ("I am disappointed that the repair is still not done. Please give me a date.", "en"),
    ("Let me know by Friday or I will book the later slot.", "en"),
    ("You are always welcome to call the children in the evening.", "en"),
    ("I know where you are coming from, but the answer is still no.", "en"),
    ("Great news, the court approved the agreement!", "en"),
    ("Je refuse cette proposition.", "fr"),
    ("Je ne suis pas d'accord et je ne signerai pas ce document.", "fr"),
    ("Si la facture n'est pas réglée d'ici le 15, je saisirai le tribunal.", "fr"),
    ("Merci de ne plus me contacter sur mon lieu de travail.", "fr"),
    ("J'ai besoin d'une réponse d'ici lundi, sinon je ferai appel au médiateur.", "fr"),
    ("Tu es toujours d'accord pour samedi ?", "fr"),
    ("Sinon, on peut se voir jeudi.", "fr"),
    ("Je vais faire en sorte que tu aies les documents lundi.", "fr"),
    ("Je n'ai jamais reçu la facture.", "fr-CA"),
]


@pytest.mark.parametrize(("text", "lang", "reasons"), HOSTILE)
def test_hostile_messages_are_flagged_with_their_reasons(text, lang, reasons):
    result = assess(text, lang)
    assert result.flagged
    assert result.score >= FLAG_THRESHOLD
    assert reasons <= set(result.reasons), result.reasons


@pytest.mark.parametrize(("text", "lang"), FIRM_BUT_CIVIL)
def test_firm_but_civil_messages_are_not_flagged(text, lang):
    result = assess(text, lang)
    assert result == ToneAssessment(result.score, False, (), None)
    assert result.score < FLAG_THRESHOLD


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'm not calling you a liar. I think we remember it differently.", "en"),
        ("I'm not threatening you; I'm telling you what the lease says.", "en"),
        ("It's not your fault the flight was cancelled.", "en"),
        ("I felt like an idiot for forgetting the appointment.", "en"),
        ('He called me a "useless mother" in front of the kids, and that hurt.', "en"),
        ("Your email said 'pay up or else'. I found that intimidating.", "en"),
        ("Je ne te traite pas de menteur, on ne se souvient pas de la même chose.", "fr"),
        ("Ce n'est pas ta faute si le vol a été annulé.", "fr"),
        ("T'es pas nul, tu as juste oublié.", "fr"),
        ("You're not stupid, just tired.", "en"),
        ("You are not a liar, I misread the dates.", "en"),
        ("Il m'a traité de « minable » devant tout le monde, je l'ai signalé.", "fr"),
    ],
)
def test_negated_self_applied_or_reported_hostility_is_not_flagged(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Can you take the trash out before you leave? The garbage truck comes at 7.", "en"),
        ("It's impossible to get a plumber before Monday, sorry.", "en"),
        ("Good for you, congratulations on the new job!", "en"),
        ("Thanks, as always, for your help with the move.", "en"),
        ("We will see about that next week when the quotes arrive.", "en"),
        ("Accidents happen, the insurance will cover the scratch.", "en"),
        ("This isn't over yet, the mediator needs two more documents.", "en"),
        ("I hope you get well soon.", "en"),
        ("I was rude yesterday and I apologise.", "en"),
        ("Quel talent, ta fille au piano hier soir !", "fr"),
        ("Fais gaffe sur la route, il neige.", "fr"),
        ("Pauvre chou, il a de la fièvre depuis hier.", "fr"),
        ("Mes cousins vont venir dimanche, les enfants seront contents.", "fr"),
        ("Je connais du monde à la mairie qui peut nous renseigner sur le permis.", "fr"),
        ("Ce serait dommage que les enfants ratent le spectacle, peux-tu les déposer ?", "fr"),
        ("Tu vas regretter d'avoir raté le spectacle, elle était formidable !", "fr"),
    ],
)
def test_innocent_uses_of_charged_words_are_not_flagged(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Please assume the class in Scunthorpe starts at 9; the shell company paid.", "en"),
        ("Hello, I passed the assessment and the dictionary is at the hellenic club.", "en"),
        ("La connexion au conseil est lente, je constate un retard.", "fr"),
        ("Il faut être minutieux avec les comptes du syndic.", "fr"),
    ],
)
def test_lexicon_words_match_whole_words_only(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    "text",
    [
        "Vous êtes minables.",
        "Vous etes minables.",
        "VOUS ÊTES MINABLES",
        "Vous\u00a0êtes  minables\u202f!",
        "J'vais te pourrir la vie.",
        "T'es vraiment nul.",
    ],
)
def test_french_normalisation_accents_elisions_and_spaces(text):
    assert assess(text, "fr").flagged


@pytest.mark.parametrize(
    ("text", "lang", "reason"),
    [
        ("I'm not threatening you, but you'll regret it.", "en", "threat"),
        ("I'm not saying you're stupid, but you are an idiot.", "en", "insult"),
        ("Je ne te menace pas, mais tu vas le regretter.", "fr", "threat"),
    ],
)
def test_negation_does_not_reach_past_the_clause(text, lang, reason):
    assert reason in assess(text, lang).reasons


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("WHY IS THE PAYMENT STILL NOT HERE???", True),
        ("Answer me. NOW.", True),
        ("I HAVE CALLED THREE TIMES and NOBODY ANSWERS!!!", True),
        ("The meeting is moved to THURSDAY, not Wednesday.", False),
        ("HR sent the PDF and the VAT receipt.", False),
        ("Great news!!!", False),
    ],
)
def test_shouting(text, flagged):
    result = assess(text)
    assert result.flagged is flagged
    assert ("shouting" in result.reasons) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bring the car back by SIX or else.", "en", "Please bring the car back by six."),
        (
            "You always show up late to pick up the kids. It's pathetic.",
            "en",
            "I have noticed that you often show up late to pick up the kids.",
        ),
        (
            "You never answer my texts about the school trip.",
            "en",
            "I would like you to answer my texts about the school trip.",
        ),
        (
            "STOP PARKING IN FRONT OF MY GARAGE!!!",
            "en",
            "Please stop parking in front of my garage.",
        ),
        (
            "You're such an idiot, you forgot the passports.",
            "en",
            "You forgot the passports.",
        ),
        (
            "What the hell happened to the deposit?",
            "en",
            "What happened to the deposit?",
        ),
        (
            "Sign the lease or your stuff will be the first to go, think about it.",
            "en",
            "Please sign the lease.",
        ),
        (
            "Ramène-les avant 18 h, sinon...",
            "fr",
            "Ramène-les avant 18 h, s'il te plaît.",
        ),
        (
            "Vous ne répondez jamais à mes courriels.",
            "fr",
            "J'ai remarqué que vous ne répondez pas à mes courriels.",
        ),
        (
            "OÙ EST LA PENSION ALIMENTAIRE ?",
            "fr",
            "Où est la pension alimentaire ?",
        ),
        (
            "Baissez votre musique ou je viens la baisser moi-même.",
            "fr",
            "Baissez votre musique, s'il vous plaît.",
        ),
    ],
)
def test_suggestion_is_a_calm_rewrite_keeping_the_facts(text, lang, expected):
    result = assess(text, lang)
    assert result.flagged
    assert result.suggestion == expected
    assert not assess(expected, lang).flagged


@pytest.mark.parametrize(("text", "lang", "_reasons"), HOSTILE)
def test_every_suggestion_is_calmer(text, lang, _reasons):
    result = assess(text, lang)
    assert result.suggestion
    calmer = assess(result.suggestion, lang)
    assert not calmer.flagged
    assert calmer.score < result.score


def test_suggestion_drops_threats_and_insults_but_keeps_the_request():
    suggestion = assess(
        "Listen, you lazy idiot, send the signed form by Friday or you'll regret it."
    ).suggestion
    assert suggestion is not None
    lowered = suggestion.casefold()
    for word in ("idiot", "lazy", "regret"):
        assert word not in lowered
    assert "send the signed form by friday" in lowered


def test_nothing_factual_left_gives_a_neutral_invitation():
    english = assess("You disgust me.").suggestion
    french = assess("Allez vous faire voir.", "fr").suggestion
    assert english is not None
    assert english.startswith("I would like us to keep this exchange calm")
    assert french is not None
    assert "Pouvez-vous" in french  # the reader was addressed as "vous"
    assert not assess(english).flagged
    assert not assess(french, "fr").flagged


@pytest.mark.parametrize("text", ["", " ", "\n\t  ", "\u00a0"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_empty_or_blank_text_is_not_flagged(text, lang):
    assert assess(text, lang) == ToneAssessment(0.0, False, (), None)


@pytest.mark.parametrize("lang", ["fr-CA", "FR", "fr_BE", "en-GB", "EN-us"])
def test_regional_tags_use_the_primary_subtag(lang):
    assert assess("Tu vas le regretter." if lang[:2].lower() == "fr" else "Or else.", lang).flagged


@pytest.mark.parametrize("lang", ["de", "es-MX", "", "english", "zz"])
def test_unsupported_language_raises_value_error(lang):
    with pytest.raises(ValueError, match="unsupported language") as raised:
        assess("Hello", lang)
    assert repr(lang) in str(raised.value)
    assert "'en' and 'fr'" in str(raised.value)


def test_unsupported_language_raises_even_for_empty_text():
    with pytest.raises(ValueError, match="unsupported language"):
        assess("", "de")


def test_assessment_is_frozen():
    result = assess("You idiot.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.flagged = False  # type: ignore[misc]


def test_reasons_are_known_codes_in_a_stable_order():
    result = assess("You ALWAYS lie, you PATHETIC idiot, and you'll regret it!!!")
    assert set(result.reasons) <= set(REASONS)
    order = list(REASONS)
    assert list(result.reasons) == sorted(result.reasons, key=order.index)
    assert {"threat", "insult", "contempt", "absolute_language"} <= set(result.reasons)


@settings(deadline=None, max_examples=300)
@given(text=st.text(max_size=400), lang=st.sampled_from(["en", "fr", "fr-CA"]))
def test_any_text_gives_a_well_formed_deterministic_assessment(text, lang):
    first = assess(text, lang)
    assert 0.0 <= first.score <= 1.0
    assert first.flagged == (first.score >= FLAG_THRESHOLD)
    assert set(first.reasons) <= set(REASONS)
    assert (first.suggestion is not None) == first.flagged
    assert bool(first.reasons) == first.flagged
    assert assess(text, lang) == first


_SEEDS = [text for text, _lang, _reasons in HOSTILE]


@settings(deadline=None, max_examples=150)
@given(
    seed=st.sampled_from(_SEEDS),
    prefix=st.text(max_size=60),
    suffix=st.text(max_size=60),
    lang=st.sampled_from(["en", "fr"]),
)
def test_suggestions_for_hostile_text_with_noise_are_never_flagged(seed, prefix, suffix, lang):
    result = assess(f"{prefix} {seed} {suffix}", lang)
    if result.flagged:
        assert result.suggestion
        assert not assess(result.suggestion, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The hostile clause goes, the request after "and" / before "or" stays.
        ("Stop being such a drama queen and just sign the form.", "en", "Please sign the form."),
        ("Refund me today or I'll post your home address online.", "en", "Please refund me today."),
        ("Épargne-moi ton cinéma et donne les clés.", "fr", "Donne les clés, s'il te plaît."),
        # "Not once" inside the verb phrase carries the negation: it must survive.
        (
            "You've not once swept the stairs, not once in two years.",
            "en",
            "I have noticed that you have not swept the stairs.",
        ),
        # A tag question goes with the tag; "t'" is lowered after "que".
        ("T'as toujours une excuse, hein ?", "fr", "J'ai remarqué que t'as souvent une excuse."),
        # Un-shouting: the French article "UN" is not the United Nations; an open question
        # keeps its question mark.
        (
            "JE T'AI DEMANDÉ LE REÇU IL Y A UN MOIS",
            "fr",
            "Je t'ai demandé le reçu il y a un mois.",
        ),
        (
            "WHY DO I HAVE TO CHASE YOU FOR EVERY INVOICE",
            "en",
            "Why do I have to chase you for every invoice?",
        ),
        # Taunts that would be left hanging are dropped with the attack.
        ("STOP CALLING ME AT WORK. I MEAN IT.", "en", "Please stop calling me at work."),
        (
            "ARRÊTE DE M'APPELER AU TRAVAIL. C'EST CLAIR ?",
            "fr",
            "Arrête de m'appeler au travail, s'il te plaît.",
        ),
    ],
)
def test_suggestion_keeps_the_request_and_drops_the_rest(text, lang, expected):
    result = assess(text, lang)
    assert result.flagged
    assert result.suggestion == expected
    assert not assess(expected, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang", "condition"),
    [
        # "Do X and [consequence]": X is the condition of the threat, not a request. Offering
        # "Please cross the picket line" would invert the message.
        ("Cross the picket line and we'll remember your face.", "en", "cross the picket line"),
        ("Go running to HR and you'll be sorry.", "en", "go running to hr"),
        (
            "Gare-toi encore devant mon garage et tu retrouveras tes pneus crevés.",
            "fr",
            "gare-toi",
        ),
        ("Va voir la DRH et tu le regretteras, je te le garantis.", "fr", "va voir la drh"),
    ],
)
def test_suggestion_never_keeps_the_condition_of_a_threat(text, lang, condition):
    result = assess(text, lang)
    assert result.flagged
    assert result.suggestion is not None
    assert condition not in result.suggestion.casefold()


@pytest.mark.parametrize(
    ("text", "lang", "leftover"),
    [
        ("Great, the new part is broken as well. Good job.", "en", "good job"),
        ("Ah super, encore un changement au dernier moment. Merci bien.", "fr", "merci bien"),
        ("Look at you, you spineless sellout.", "en", "look at you"),
        ("Ton avocat, c'est un guignol.", "fr", "ton avocat"),
        ("Tu me le paieras, ce que tu as dit à ma sœur.", "fr", "ce que tu as dit"),
        ("You make me sick, cheating an old man out of his savings.", "en", "cheating"),
        ("Je sais où tu vis maintenant, alors fais attention.", "fr", "fais attention"),
    ],
)
def test_suggestion_drops_fragments_that_only_continue_the_attack(text, lang, leftover):
    result = assess(text, lang)
    assert result.flagged
    assert result.suggestion is not None
    assert leftover not in result.suggestion.casefold()


def test_french_softening_never_writes_plus_pas():
    # "ne ... plus jamais" softened word by word used to give "ne ... plus pas".
    suggestion = assess("Tu ne m'appelles plus jamais le dimanche.", "fr").suggestion
    assert suggestion == "J'ai remarqué que tu ne m'appelles plus le dimanche."
