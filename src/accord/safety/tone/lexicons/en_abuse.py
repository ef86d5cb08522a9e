"""English name-calling, blame and swearing (contempt is in :mod:`.en_contempt`).

Name-calling counts when aimed at the reader ("you are useless", "you arrogant jerk") or, for
unambiguous insults ("idiot", "liar"), wherever it appears, unless negated ("I'm not calling
you a liar") or self-applied ("I felt like an idiot"). Weights are on the scale of
``FLAG_THRESHOLD`` (0.5): at or above it one cue flags a message on its own.

>>> sorted({cue.reason for cue in CUES})
['blame', 'insult', 'profanity']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.en_words import (
    BAD,
    INSULT_ADJ,
    INSULT_NOUN,
    ROLE,
    TARGETED_NOUN,
    TRAIT_NOUN,
)
from accord.safety.tone.spec import END, START, WORD, Cue, gap, words

__all__ = ["CUES"]

_INSULT_ADJ = INSULT_ADJ
_INSULT_NOUN = INSULT_NOUN
_TARGETED_NOUN = TARGETED_NOUN
_ROLE = ROLE
_BAD = BAD
# Where a noun phrase ends: "you backstabbing *snake*, ..." but not "a snake *handler*".
_NP_END = r"(?= ?(?:[.,;:!?)\]]|$|\b(?:and|who|with|that|if|to|for|in|on|at|like|but|or|just)\b))"
_TARGET_GAP = gap(
    5,
    words(
        r"""
        are were have been being such so too really truly just completely totally absolutely utterly
        very quite pretty a an the most biggest worst little fucking bloody damn one of also still
        always acting behaving like seem look sound act behave seriously honestly clearly obviously
        simply even more as ever officially complete total utter absolute lying stupid lazy useless
        arrogant and or old big such_an?
        """
    ),
)
_YOU = r"\b(?:you|ya|being)\b"

CUES: Final[tuple[Cue, ...]] = (
    # --- insult ---------------------------------------------------------------------------
    Cue(
        "insult",
        0.75,
        # "the worst at keeping secrets" teases; "the worst" insults.
        rf"{_YOU} {_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b(?! at \w+ing\b)",
        guarded=True,
    ),
    Cue("insult", 0.75, rf"{_YOU} {_TARGET_GAP}(?P<core>{_TARGETED_NOUN})\b", guarded=True),
    Cue("insult", 0.75, rf"{_YOU} {_TARGET_GAP}(?P<core>{_BAD} {_ROLE})\b", guarded=True),
    Cue("insult", 0.8, rf"\b(?P<core>{_INSULT_NOUN})\b", guarded=True),
    Cue(
        "insult",
        0.6,
        rf"\byour (?:{WORD} ){{0,3}}(?:is|are|was|were) {_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b",
        guarded=True,
    ),
    # Mock titles used as a vocative: "Great job breaking the build again, genius."
    Cue("insult", 0.45, rf", (?P<core>genius|einstein|sherlock|smart guy|champ|princess){END}"),
    # Said of a third party the reader belongs to: "Management are clowns".
    Cue(
        "insult",
        0.7,
        r"\b(?:are|is|were|was) (?:a bunch of |a pack of |such |total |complete |absolute |just "
        r"|nothing but |an? )*(?P<core>clowns?|fools|pigs|snakes|cowards|creeps|frauds?|thieves"
        r"|cheats|crooks|amateurs|bullies|scammers|liars|monsters)\b",
        guarded=True,
    ),
    Cue(
        "insult",
        0.6,
        rf"\byour (?P<core>{TRAIT_NOUN})\b",
        guarded=True,
    ),
    # "You're a backstabbing snake", "you are the most useless lump": a copular noun phrase
    # may carry any modifiers before its head noun.
    Cue(
        "insult",
        0.75,
        rf"\byou (?:are|were|have been|will always be|remain|really are|truly are|act like"
        rf"|behave like|sound like|look like) (?:such |just |nothing but |no more than |"
        rf"really |truly |simply )?(?:an? |the |one )?(?:{WORD} ){{0,3}}?"
        rf"(?P<core>{_INSULT_NOUN}|{_TARGETED_NOUN}){_NP_END}",
        guarded=True,
    ),
    # Vocatives: "..., you inconsiderate slob", "Listen, you backstabbing snake."
    Cue(
        "insult",
        0.75,
        rf"(?:^|[.,;:!?] |\band )you "
        rf"(?:{WORD} ){{0,2}}?(?P<core>{_INSULT_NOUN}|{_TARGETED_NOUN}){_NP_END}",
        guarded=True,
    ),
    # Exclamatives: "What a useless excuse for a father.", "Such a selfish man."
    Cue(
        "insult",
        0.65,
        rf"(?:^|[.!?] )(?:what|such) an? (?:{WORD} )?(?P<core>{_INSULT_NOUN}|(?:{_INSULT_ADJ})"
        rf" (?:{WORD} )?(?:{_ROLE}|thing to (?:do|say)|way to \w+|attitude|behaviou?r|excuse))\b",
        guarded=True,
    ),
    Cue(
        "insult",
        0.75,
        r"\b(?P<core>(?:poor|pathetic|sorry|useless|lousy|miserable|feeble|pitiful) excuse for an?)"
        r" \w+",
        guarded=True,
    ),
    # A sentence that is nothing but a pejorative trait: "Completely and utterly selfish."
    Cue(
        "insult",
        0.55,
        rf"{START}(?:(?:completely|utterly|totally|absolutely|so|just|truly|really|simply|and"
        rf"|such|too|plain|pure|bloody|fucking) )*(?P<core>{_INSULT_ADJ}){END}",
        guarded=True,
    ),
    # "Your idiot of a lawyer", "that moron of a husband of yours".
    Cue(
        "insult",
        0.75,
        rf"\b(?P<core>(?:{_INSULT_NOUN}|{_TARGETED_NOUN}|joke|disgrace|excuse) of an?) (?:{WORD} )?"
        rf"(?:{_ROLE})\b|\bthat (?:{WORD} )?(?P<core2>{_INSULT_NOUN}) (?:{WORD} )?of yours\b",
        guarded=True,
    ),
    # Comparisons that land on the reader: "as clueless as you are", "just like you".
    Cue("insult", 0.75, rf"\bas (?P<core>{_INSULT_ADJ}) as you\b", guarded=True),
    Cue(
        "insult",
        0.4,
        r"(?P<core>,? ?\b(?:and so are you|and you are no better|just like you|starting with you"
        r"|including you|you included))\b",
        action="strip",
    ),
    # A collective insult put after the noun or standing alone: "Union bullies, the lot of
    # you.", "Rip-off merchants." (plural, so "Nightmare." about a week is left alone).
    Cue(
        "insult",
        0.75,
        rf"\b(?P<core>{_INSULT_NOUN}|{_TARGETED_NOUN}),? (?:the (?:whole |entire )?(?:lot|bunch"
        r"|pack|load|shower) of you|all of you|every (?:last |single )?one of you)\b",
        guarded=True,
    ),
    Cue(
        "insult",
        0.6,
        rf"{START}(?:(?:bloody|fucking|damn|total|complete|absolute|utter|useless|lazy|lying"
        rf"|greedy|thieving|incompetent|bunch of|pack of) )*(?P<core>{_INSULT_NOUN}"
        rf"|{_TARGETED_NOUN})(?<=s){END}",
        guarded=True,
    ),
    # A noun insult said of the reader's people: "your mother is a nosy old witch", "your kids
    # are little monsters".
    Cue(
        "insult",
        0.7,
        r"\byour (?:\w+ ){0,2}?(?:is|are|was|were) (?:(?:such|a|an|just|nothing but|a bunch of"
        r"|a pack of|total|complete|absolute|utter|little|right|proper|real|nosy|old|spoilt"
        rf"|spoiled|lazy|lying|greedy) )*(?P<core>{_TARGETED_NOUN}|{_INSULT_NOUN})\b",
        guarded=True,
    ),
    # A pejorative trait pinned on what belongs to the reader: "your useless lawyer", "your
    # pathetic excuses" (not words that also sympathise: "your crazy week", "your worst fear").
    Cue(
        "insult",
        0.6,
        r"\byour (?:(?:own|little|so-called|bloody|damn|fucking) )?(?P<core>(?!(?:crazy|insane"
        r"|nuts"
        rf"|mad|worst|hopeless|unbearable|toxic|unstable|hysterical)\b){_INSULT_ADJ}) \w+",
        guarded=True,
    ),
    # Vocative with any head noun: "Listen, you stupid woman.", "..., you lazy sod."
    Cue(
        "insult",
        0.7,
        rf"(?:^|[.,;:!?] |\band )you (?:(?:bloody|fucking|damn|little|big|old) )?(?P<core>"
        rf"{_INSULT_ADJ}) (?:\w+ )?\w+(?= ?[.,;:!?)]|$)",
        guarded=True,
    ),
    # "The neighbour from hell", "the client from hell" said of the reader.
    Cue(
        "insult",
        0.7,
        r"\b(?:you are|you were|you have been|your \w+ (?:is|are|was)) (?:\w+ ){0,3}?"
        r"(?P<core>(?:neighbou?rs?|tenants?|landlords?|clients?|customers?|company|colleagues?"
        rf"|{_ROLE}) from hell)\b",
        guarded=True,
    ),
    # Brainlessness idioms: "nothing between your ears", "a pea for a brain".
    Cue(
        "insult",
        0.7,
        r"\b(?:nothing|sawdust|mush|cotton wool|air|rocks) (?:between your ears|for (?:a )?brains?"
        r"|in (?:that|your) (?:head|skull))\b|\byou have (?:no|zero|half a|not got a) brain\b"
        r"|\bbrain (?:of|the size of) an? (?:pea|peanut|goldfish|gnat|walnut)\b"
        r"|\b(?:a|the) (?:pea|peanut|walnut|goldfish) for (?:a )?brains?\b",
    ),
    # --- blame ----------------------------------------------------------------------------
    Cue(
        "blame",
        0.55,
        r"\b(?:it|that|this|everything) (?:is|was) (?:\S+ ){0,2}?(?P<core>your (?:own )?fault)\b",
        guarded=True,
    ),
    Cue("blame", 0.55, r"\b(?P<core>all your fault|your fault)(?: again)?[.!]", guarded=True),
    Cue("blame", 0.45, r"\b(?P<core>because of you|thanks to you)\b", guarded=True),
    # A loss laid at the reader's door: "we lost the client because of you".
    Cue(
        "blame",
        0.6,
        r"\b(?:lost|missed|ruined|failed|suffer(?:s|ing|ed)?|crying|cried|cries|cry|upset|miserable"
        r"|unhappy"
        r"|in debt|fired|sacked|ill|scared|terrified|in therapy)\b[^.!?]{0,60}\b(?P<core>because"
        r" of you|thanks to you)\b|\b(?P<core2>because of you)\b[^.!?]{0,60}\b(?:lost|missed"
        r"|ruined|failed|suffer\w*|cried|crying|upset|miserable|in debt|fired|sacked)\b",
        guarded=True,
    ),
    Cue(
        "blame",
        0.6,
        r"\byou (?:have |always |just )?(?P<core>(?:ruin|destroy|wreck|screw up|mess up|spoil|"
        r"screw|mess)(?:s|ed|t)?(?: up)?) (?:\w+ )?(?:everything|this family|our|my|the kids"
        r"|their|it all|all of it)\b",
        guarded=True,
    ),
    Cue("blame", 0.4, r"\b(?:throw|threw|throwing|thrown) me under the bus\b"),
    Cue(
        "blame",
        0.55,
        r"\bthis is (?:all )?on you\b|\byou brought this on yourself\b|\blook what you (?:have )?"
        r"done\b|\byou (?:only )?have (?:only )?yourself to blame\b|\byou are the reason\b",
    ),
    Cue("blame", 0.45, r"\byou started (?:it|this)\b|\byou made me do (?:it|this)\b"),
    # The reader charged with the damage, in words of wreckage.
    Cue(
        "blame",
        0.55,
        r"\b(?:happy now|are you happy now|(?:i )?hope you are (?:happy|proud|satisfied)"
        r"|are you proud of"
        r" yourself|hope you are proud of yourself|this is what you wanted)\b",
    ),
    Cue(
        "blame",
        0.6,
        r"\byou (?:have |just |really )?(?:ruined|destroyed|wrecked|poisoned|broke|broken|killed"
        r"|torn apart|tore apart|turned) (?:\w+ ){0,2}?(?:family|marriage|childhood|life|lives"
        r"|christmas|holiday|birthday|weekend|relationship|trust|business|team|kids|children|her"
        r"|him|them|everyone|everything)\b",
        guarded=True,
    ),
    # --- profanity (the words are removed, the message kept) ------------------------------
    # Used as a verdict ("this is bullshit") the word carries the clause, so the clause goes.
    Cue("profanity", 0.65, r"\b(?P<core>bullshit|bullcrap|horseshit)\b"),
    Cue("profanity", 0.5, r"\b(?P<core>the hell)\b", action="strip"),
    Cue("profanity", 0.6, r"\b(?:go to hell|to hell with)\b"),
    Cue("profanity", 0.7, r"\b(?:screw|sod|bugger) (?:you|off)\b|\bpiss off\b"),
    Cue(
        "profanity",
        0.6,
        r"(?<!\w)(?P<core>f[*#@$%!]+(?:c?k(?:ing|ed|er|s)?)?|sh[*#@$%!]+t|s[*#@$%!]{2}t"
        r"|b[*#@$%!]+tch|a[*#@$%!]+hole)(?!\w)",
        action="strip",
    ),
    Cue("profanity", 0.6, r"\b(?P<core>bollocks|effing|arsehole)\b", action="strip"),
    Cue("profanity", 0.6, r"\bcut the (?:crap|bullshit|bs)\b|\bcrap (?:excuses?|job|service)\b"),
    Cue(
        "profanity",
        0.65,
        r"\b(?P<core>shit-?shows?|shit-?storms?|clusterfucks?|shite|shitty|shitting|pissing about"
        r"|piss-take|taking the piss)\b",
        action="strip",
    ),
    Cue(
        "profanity",
        0.65,
        r"\b(?P<core>(?:fuck|fucks|fucking|fucked|fucker|motherfuck\w*|shit|shitty"
        r"|bullcrap|goddamn|goddamned|dammit|damnit|wtf|stfu|ffs|piss off|pissed off))\b",
        action="strip",
    ),
    Cue(
        "profanity",
        0.45,
        r"\b(?P<core>(?:damn|damned|crap|crappy|bloody|arse|ass|hell|frigging|freaking))\b",
        action="strip",
    ),
    # A mild swear word aimed at the reader's things or conduct: "your damn phone".
    Cue(
        "profanity",
        0.6,
        r"\b(?:you|your|yours) (?P<core>(?:damn|damned|crappy|bloody|stinking|freaking|frigging"
        r"|goddamn|shitty|fucking|effing))\b",
        action="strip",
    ),
    Cue(
        "blame",
        0.55,
        r"\b(?:failed|fell apart|went wrong|collapsed|was lost|were lost|missed)\b[^.!?]{0,40}"
        r"\bbecause you\b",
        guarded=True,
    ),
)
