"""The failure classes found on the dev split, tested on fresh examples, with their hard negatives.

Each class of dev-split error (insults by morphology and compounds, second-person contempt,
conditional threats, intimidation by knowing the reader's places, sarcasm markers, absolute
language, French elision and negation) was fixed by a general rule. These tests hold the rules
to examples written for them, none taken from the benchmark's sets, and to the innocent
sentences each rule must leave alone. The paraphrases of the first set's dev messages check
that the rules do not depend on the exact wording they were tuned on.
"""

from __future__ import annotations

import pytest

from accord.safety.tone import assess

HOSTILE = [
    # insults: compounds and morphology, copular and vocative frames, exclamatives
    ("You're a spineless little weasel.", "en"),
    ("Listen, you bonehead, the pickup is at 5.", "en"),
    ("You absolute knucklehead, you booked the wrong flight.", "en"),
    ("You're nothing but a money-grabbing leech.", "en"),
    ("You conniving little rat, you knew about the overdraft.", "en"),
    ("You're a know-it-all and a bigmouth.", "en"),
    ("Your idiot of a brother scratched my car.", "en"),
    ("What a selfish thing to do.", "en"),
    ("Your lawyer is as useless as you are.", "en"),
    ("You are the worst landlord I have ever had.", "en"),
    ("You're a joke of a landlord.", "en"),
    ("Pay up, you thieving scumbag.", "en"),
    ("T'es qu'un sale petit lèche-cul.", "fr"),
    ("Vous êtes vraiment des branquignols.", "fr"),
    ("Vous êtes les pires locataires que j'aie jamais eus.", "fr"),
    ("T'es le pire coloc que j'aie jamais eu.", "fr"),
    ("Ton abruti de frère a rayé ma voiture.", "fr"),
    ("Cette gourde de voisine a encore bloqué l'allée.", "fr"),
    ("Ton avocat est aussi nul que toi.", "fr"),
    ("Tu n'es qu'une égoïste doublée d'une menteuse.", "fr"),
    ("t es vraiment qu un minable", "fr"),
    # contempt: rhetorical questions about competence, put-downs
    ("Could you be any more useless?", "en"),
    ("Ever heard of a phone?", "en"),
    ("Did you even look at the schedule before booking?", "en"),
    ("Is it too much to ask for one reply a week?", "en"),
    ("Nobody with half a brain would book a flight on the custody weekend.", "en"),
    ("Are you too thick to understand a calendar?", "en"),
    ("Who raised you?", "en"),
    ("Would it kill you to be on time once?", "en"),
    ("Act your age. The children can see what you're doing.", "en"),
    ("Go ahead, skip the meeting. I expected nothing less from you.", "en"),
    ("C'est trop vous demander de répondre au téléphone ?", "fr"),
    ("Tu sais même pas lire un calendrier ?", "fr"),
    ("Quel père oublie l'anniversaire de sa fille ?", "fr"),
    ("Vous vous prenez pour qui exactement ?", "fr"),
    ("Tu te crois où pour décider de son école tout seul ?", "fr"),
    ("Mais qu'est-ce qui cloche chez toi ? C'est une virgule à corriger.", "fr"),
    ("Tu te fous de ma gueule ?", "fr"),
    # threats: conditional structure, self-help against property, exposure, bad outcomes
    ("If your dog digs under the fence again, I'll poison it.", "en"),
    ("Keep it up and I'll post those photos of you online.", "en"),
    (
        "If you file that complaint, I'll make sure everyone at the depot knows "
        "about your drinking.",
        "en",
    ),
    ("Keep lying and I'll make your life a living nightmare.", "en"),
    ("I'll get you sacked for this.", "en"),
    ("I'll take you for every penny you've got.", "en"),
    ("Good luck finding another job after this.", "en"),
    ("Ignore me again and I'll turn up at your office and cause a scene.", "en"),
    ("If that dog gets into my yard again, it won't be going home.", "en"),
    ("Si ton chat revient encore dans mon potager, je l'empoisonne.", "fr"),
    ("Je vais publier tes messages sur Facebook.", "fr"),
    ("Si tu portes plainte, je raconte à tout le dépôt tout ce que je sais sur toi.", "fr"),
    ("Encore une plainte et tu peux faire une croix sur ta promotion.", "fr"),
    ("Tu vas voir ce que ça coûte de me mentir encore.", "fr"),
    ("Je vais te faire expulser du pays.", "fr"),
    ("Gare-toi encore devant chez moi et tu retrouveras ta voiture rayée.", "fr"),
    ("Je ferai tout pour que tu ne voies plus jamais les enfants.", "fr"),
    ("jte previens tu vas le regretter", "fr"),
    # intimidation: knowing the reader's places and routine, menace idioms
    ("I know which gym you go to.", "en"),
    ("I know what street your sister lives on.", "en"),
    ("I've seen which bar you drink at on Fridays.", "en"),
    ("Touch my car again and you won't like what happens.", "en"),
    ("Keep lying to the judge and see where it gets you.", "en"),
    ("Be careful what you say at the meeting tomorrow.", "en"),
    ("This is the final time I ask politely.", "en"),
    ("Cross that line and we won't forget who you are.", "en"),
    ("Anyone who talks to the union can start looking for another job.", "en"),
    ("You're playing with fire, mate.", "en"),
    ("Just you wait.", "en"),
    ("Je sais dans quelle rue habite ta sœur.", "fr"),
    ("Je sais dans quel bar tu traînes le vendredi.", "fr"),
    ("Touchez encore à ma haie et ça va mal finir.", "fr"),
    ("Tu ne perds rien pour attendre.", "fr"),
    ("Je t'attends au tournant.", "fr"),
    ("Un coup de fil et tu perds ton boulot.", "fr"),
    # sarcasm: praise undone by a letdown, mock thanks, mock rewards, mock concern
    ("Thanks a million for the drilling at 6am on a Sunday.", "en"),
    ("Real mature, blocking my number.", "en"),
    ("Cheers for dropping me in it with the client.", "en"),
    ("Wow, you actually turned up this time. Want a medal?", "en"),
    ("No rush, it's only been four months.", "en"),
    ("Oh fantastic, the invoice is wrong again.", "en"),
    ("As if management ever cared about the night shift.", "en"),
    ("Bravo pour ta ponctualité, 45 minutes de retard.", "fr"),
    ("Génial, la facture est encore fausse, et toujours pas de réponse.", "fr"),
    ("Ah super, encore un changement au dernier moment. Merci bien.", "fr"),
    ("Rien ne presse, ça fait seulement quatre mois.", "fr"),
    ("Tu veux une médaille ?", "fr"),
    # absolute language, including French "ne ... jamais" with clitics and tag questions
    ("You ruin everything you touch.", "en"),
    ("You're late for the kids every single time. It's sad.", "en"),
    ("You've not once swept the stairs, not once in two years.", "en"),
    ("T'as toujours une excuse, hein ?", "fr"),
    ("Tu n'es jamais venu à une seule réunion de l'école, j'aimerais que ça change.", "fr"),
    ("Tu ne m'appelles plus jamais le dimanche.", "fr"),
    # profanity aimed at the reader's things
    ("Your damn dog dug up my roses.", "en"),
]

CIVIL = [
    # praise followed by an ordinary time, "again" or "still": no letdown, no irony
    ("Perfect, thanks. I'll bring them back at 6 pm.", "en"),
    ("Great, see you Saturday! The kids are still talking about the zoo.", "en"),
    ("Great news: the school trip is on again this year.", "en"),
    ("Super, encore une bonne nouvelle : Léa a eu son diplôme !", "fr"),
    ("Ah super, merci, je passe les prendre à 17 h.", "fr"),
    ("Thanks so much for staying up until 2am to finish the forms, it really helped.", "en"),
    ("Congratulations on finally getting the job!", "en"),
    ("Well done on remembering all the forms, that saved us a trip.", "en"),
    ("That was real helpful, thanks!", "en"),
    ("Bravo pour ton sens de l'humour, j'ai bien ri !", "fr"),
    ("Merci pour votre professionnalisme et votre réactivité.", "fr"),
    ("Cheers for dropping the kids off early, it really helped.", "en"),
    ("How lovely!", "en"),
    ("Of course you can!", "en"),
    ("Quel bonheur de les voir si contents !", "fr"),
    # knowing the reader's places while arranging something practical
    ("I know which school Emma wants, so let's visit it together.", "en"),
    ("I know which bus you take, so I'll meet you at the stop.", "en"),
    ("I know where the boundary is: the surveyor's plan puts it 40 cm from my wall.", "en"),
    ("I know your schedule is tight, so I can do the Wednesday pickup.", "en"),
    ("I know which route you take to work, so could you drop the forms at the library?", "en"),
    ("Je sais dans quelle école tu veux inscrire Léa, on en parle samedi ?", "fr"),
    ("Je connais ton adresse, je t'envoie le courrier recommandé.", "fr"),
    ("Je connais votre planning chargé, je peux prendre mercredi.", "fr"),
    # "never"/"jamais" about one dated event or in praise; "always" with warmth
    ("You never told me about the dentist appointment on Tuesday.", "en"),
    ("You have never let me down with the school runs, thank you.", "en"),
    ("I'll never forget how kind you were last week.", "en"),
    ("You always make the kids laugh, they love that.", "en"),
    ("Every time you call, the kids light up.", "en"),
    ("Do you want to swap weekends every time the schedule changes?", "en"),
    ("You keep asking about the receipts, so here they are.", "en"),
    ("Tu ne m'as jamais dit que la réunion était mardi.", "fr"),
    ("Tu n'as jamais raté un seul match de Tom, merci.", "fr"),
    ("Tu fais toujours rire les enfants, ils adorent ça.", "fr"),
    ("Tu es toujours le bienvenu pour le dîner de dimanche.", "fr"),
    # exposure and self-help words in lawful or harmless settings
    ("I will share your address with the court bailiff as required.", "en"),
    ("I'll tell your mother that we're arriving at six.", "en"),
    ("I will burn the old letters, as we agreed.", "en"),
    ("I'll shoot them a message tonight.", "en"),
    (
        "If the hedge isn't trimmed by then, I'll cut it back to the boundary myself "
        "and send you the bill.",
        "en",
    ),
    ("If the rent isn't paid, I'll apply to have you evicted through the tribunal.", "en"),
    ("Si le chien aboie encore, je le rentre.", "fr"),
    ("Si la haie dépasse encore, je la taille moi-même.", "fr"),
    ("Tu vas voir ce que ça coûte, un appartement à Paris !", "fr"),
    # words that menace only in other sentences
    ("You'll see, it'll be fine.", "en"),
    ("We'll see.", "en"),
    ("Careful on the trampoline, you'll get hurt.", "en"),
    ("Enjoy the sunshine while it lasts!", "en"),
    ("Just wait, the post office opens at 9.", "en"),
    ("One more thing and I'll let you go: the dentist is at 4.", "en"),
    ("You can forget about the Saturday slot, it's taken.", "en"),
    ("Be careful on the roads tonight, it's icy.", "en"),
    ("I won't forget your help with the move, thank you.", "en"),
    ("Je vais m'occuper de toi quand tu rentreras de l'hôpital.", "fr"),
    ("Je te retrouverai à la gare à 18 h.", "fr"),
    ("Tu es fini ? On peut y aller ?", "fr"),
    ("On verra bien.", "fr"),
    ("Tu verras, ça va bien se passer.", "fr"),
    ("Ne t'inquiète pas, un accident est vite arrivé avec les enfants.", "fr"),
    ("Ne te fatigue pas, je m'en occupe.", "fr"),
    ("Je vous aurai la réponse demain.", "fr"),
    # charged words about things, about oneself, or teasing
    ("What a stupid mistake I made with the dates.", "en"),
    ("Such a selfish move by the council.", "en"),
    ("That was the worst week of my life.", "en"),
    ("You were a child when it happened, it's not your fault.", "en"),
    ("You're the worst at keeping secrets, Lily already told me about the party!", "en"),
    ("It's only been two days since the surgery, so she's still tired.", "en"),
    ("Il est nul ce film, on en trouvera un autre.", "fr"),
    ("C'est la pire semaine de ma vie.", "fr"),
    ("Je ne suis qu'une maman qui veut que ça s'arrange.", "fr"),
    ("Un amour de fille, ta Léa.", "fr"),
    ("Le voleur de la voiture a été arrêté.", "fr"),
    ("Ça fait seulement deux jours qu'elle est rentrée, elle est encore fatiguée.", "fr"),
]

# Paraphrases, in the same language, of hostile messages of the first set's dev split: the
# rules must not hang on the exact words they were tuned on.
PARAPHRASES = [
    ("Everybody knows you're a useless dad.", "en"),
    ("Fine, whatever. Do as you please, as usual.", "en"),
    ("If you cancel on the kids again, I promise you'll be sorry.", "en"),
    ("You're a lousy mother and a liar to boot.", "en"),
    ("I will let everyone in your family know what kind of man you really are.", "en"),
    ("Your report is rubbish, redo it.", "en"),
    ("Go running to HR and you'll be sorry.", "en"),
    ("Quit talking over me in meetings, you pompous ass.", "en"),
    ("I know when you leave the house in the morning. Just think about that.", "en"),
    ("You lot have zero respect for anybody here.", "en"),
    ("Oh lovely, another party till 4 in the morning. So thoughtful.", "en"),
    ("Report me to the council again and I'll make your life miserable.", "en"),
    ("Carry on like this and you'll meet some mates of mine.", "en"),
    ("Yeah, 'next month', like every other time.", "en"),
    ("Sign, or your people will be the first to go. Your call.", "en"),
    ("Je sais où tu vis maintenant, alors fais attention.", "fr"),
    ("Un gamin de dix ans serait capable d'arriver à l'heure.", "fr"),
    ("Je ferai en sorte que tu n'aies jamais de promotion ici.", "fr"),
    ("Oh génial, encore une soirée jusqu'à 2 h. Merci pour le respect.", "fr"),
    ("Élaguez cet arbre, sinon vous verrez ce qui se passera.", "fr"),
    ("Si ton chien revient chez moi, il ne rentrera pas.", "fr"),
    ("Allez au diable avec votre planning.", "fr"),
    ("T'es ben épais, tu comprends rien.", "fr"),
]

# Known gaps, kept on record: each fails loudly (XPASS) the day a rule covers it.
KNOWN_GAPS = [
    pytest.param(
        "Your windows would look better smashed.",
        "en",
        marks=pytest.mark.xfail(strict=True, reason="a threat phrased as a wish about property"),
    ),
    # Was a known gap (the sincere "tu dois être fier de ta fille" reads the same to the
    # lexicons); the learned cue now tips its weak irony cue. The sincere form stays civil:
    # see test_sincere_pride_is_not_flagged.
    pytest.param("Vous devez être fiers de votre offre à 0,5 %.", "fr"),
]


# Classes found missing (or wrongly flagged) on the eighth and ninth sets' dev parts (issue 8,
# README "The eighth and ninth sets"); each example is new wording, none is a benchmark message.
HOSTILE_EIGHTH_NINTH = [
    ("Keep parking there and I'll take an axe to that hedge of yours.", "en"),
    ("If the gate is locked again tomorrow I'm kicking the padlock in myself.", "en"),
    ("Pay me back or your address and your photos go up on every neighbourhood group.", "en"),
    ("Sign the papers or you can forget seeing the children this summer.", "en"),
    ("It would be a real shame if your manager found out about the side business.", "en"),
    ("I'd go easy on the noise complaints if I were you.", "en"),
    ("Could you fill in one form correctly, or is that beyond you?", "en"),
    ("I'll use smaller words so you can keep up: the shed is mine.", "en"),
    ("Thanks for the 'quick' repair. It took nine weeks.", "en"),
    ("The boiler broke again the day after you left. Impressive.", "en"),
    ("Si tu refuses encore de signer, tu ne les verras plus le week-end.", "fr"),
    ("Si le mur n'est pas réparé lundi, je le casse moi-même à la masse.", "fr"),
    ("Paie-moi, sinon ta face et ton adresse seront sur tous les groupes du quartier.", "fr"),
    ("Apprends à lire avant de me répondre.", "fr"),
    ("Le colis est encore arrivé cassé, et en retard. Chapeau.", "fr"),
    ("Un jour votre voiture prendra feu, et ce ne sera pas un accident.", "fr"),
    ("On se fout de notre gueule depuis des mois avec ces horaires.", "fr"),
]
CIVIL_EIGHTH_NINTH = [
    ("I'd think carefully before signing anything.", "en"),
    ("It would be a shame if the kids missed the party because of the schedule.", "en"),
    ("Is it possible for you to come on Tuesday?", "en"),
    ("I'll post your lost cat's photo on every local group, fingers crossed.", "en"),
    ("No delays at all this year. Impressive.", "en"),
    ("Thanks for the 'Welcome' pack, very kind.", "en"),
    ("I've been a complete idiot about the dates, sorry.", "en"),
    ("You've always been good with the paperwork, could you look at this form?", "en"),
    ("If you're sure, I won't say it again: pickup is at six.", "en"),
    ("Si tu veux, tu ne les verras plus le mercredi mais le jeudi.", "fr"),
    ("Mautadit, le bus est encore en retard, j'arrive dans dix minutes.", "fr"),
    ("Il reste une tache sur la nappe, je la laverai demain.", "fr"),
    ("Merci d'être intervenu si rapidement pour la panne, tout fonctionne.", "fr"),
    ("Dommage que Léa n'apprenne pas le piano cette année.", "fr"),
    ("Vous pouvez l'oublier, ce n'est pas grave.", "fr"),
    ("Merci, c'est exactement ce qu'il me fallait pour la rentrée.", "fr"),
]


@pytest.mark.parametrize(
    "text",
    ["Tu dois être fier de ta fille.", "Vous devez être fiers de votre fils, il a été formidable."],
)
def test_sincere_pride_is_not_flagged(text):
    assert not assess(text, "fr").flagged


@pytest.mark.parametrize(
    ("text", "lang"), HOSTILE + PARAPHRASES + KNOWN_GAPS + HOSTILE_EIGHTH_NINTH
)
def test_hostile_examples_of_each_class_are_flagged(text, lang):
    result = assess(text, lang)
    assert result.flagged, (result.score, result.reasons)
    assert result.reasons
    assert result.suggestion is not None
    assert not assess(result.suggestion, lang).flagged


@pytest.mark.parametrize(("text", "lang"), CIVIL + CIVIL_EIGHTH_NINTH)
def test_hard_negatives_of_each_new_rule_are_not_flagged(text, lang):
    result = assess(text, lang)
    assert not result.flagged, (result.score, result.reasons)
    assert result.reasons == ()
    assert result.suggestion is None


# A message that is only a greeting gives the learned cue nothing to judge: it stays silent
# (lexicons.COURTESY). "Hello everyone" was once flagged as contempt from its letters alone.
# A greeting followed by anything else is judged as before.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello everyone", "en"),
        ("Hello everyone.", "en"),
        ("Hi all", "en"),
        ("Hey there!", "en"),
        ("Good morning everyone!", "en"),
        ("Good evening, both", "en"),
        ("Bonjour à tous", "fr"),
        ("Salut tout le monde !", "fr"),
        ("Bonsoir", "fr"),
    ],
)
def test_a_bare_greeting_is_never_flagged(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello, you idiot.", "en"),
        ("Hello? Did you even read it?", "en"),
        ("Hi everyone, you always ruin everything.", "en"),
        ("Salut, espèce d'incapable.", "fr"),
    ],
)
def test_a_greeting_does_not_excuse_what_follows(text, lang):
    assert assess(text, lang).flagged


# A message made of function words alone (pronouns such as "everyone" or "all of you",
# prepositions, determiners) has no content word for the learned cue to judge: it stays
# silent (lexicons.FUNCTION_WORDS). "for everyone", a live room's caption for a shared
# document, was flagged as contempt from the letters of "everyone" alone. The same captions
# and short live-room messages with a content word are judged as any message, and stay civil.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("for everyone", "en"),
        ("For everyone.", "en"),
        ("To everyone", "en"),
        ("everyone", "en"),
        ("Everybody", "en"),
        ("this is for all of you", "en"),
        ("for all of you", "en"),
        ("All of you", "en"),
        ("for both of you", "en"),
        ("pour tout le monde", "fr"),
        ("à vous tous", "fr"),
        ("pour vous deux", "fr"),
    ],
)
def test_a_message_of_function_words_alone_is_never_flagged(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello everyone", "en"),
        ("Can we meet on Tuesday?", "en"),
        ("Pick-up at 5", "en"),
        ("We could accept alternate weekends.", "en"),
        ("Our bottom line is 3", "en"),
        ("Between us: we would settle", "en"),
        ("for the mediator only", "en"),
        ("Documents for everyone", "en"),
        ("Shared with all of you", "en"),
        ("Schedule for everyone", "en"),
        ("Le calendrier pour tout le monde", "fr"),
        ("Pour vous tous, le budget", "fr"),
    ],
)
def test_short_live_room_messages_are_not_flagged(text, lang):
    assert not assess(text, lang).flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Everyone knows you're a liar.", "en"),
        ("All of you are useless.", "en"),
        ("Tout le monde sait que tu es un menteur.", "fr"),
    ],
)
def test_function_words_do_not_excuse_a_hostile_message(text, lang):
    assert assess(text, lang).flagged
