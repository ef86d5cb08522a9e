"""English name-calling, contempt, blame and swearing.

Name-calling counts when aimed at the reader ("you are useless", "you arrogant jerk") or, for
unambiguous insults ("idiot", "liar"), wherever it appears, unless negated ("I'm not calling
you a liar") or self-applied ("I felt like an idiot"). Weights are on the scale of
``FLAG_THRESHOLD`` (0.5): at or above it one cue flags a message on its own.

>>> sorted({cue.reason for cue in CUES})
['blame', 'contempt', 'insult', 'profanity']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue, gap, words

__all__ = ["CUES"]

_INSULT_ADJ = words(
    r"""
    stupid dumb idiotic moronic brainless useless incompetent lazy clueless worthless hopeless
    ignorant arrogant selfish spineless gutless deranged delusional crazy insane nuts psycho
    dishonest two-faced spiteful vindictive manipulative thick dense senile unhinged irresponsible
    negligent heartless inept cowardly greedy laziest stupidest dumbest rudest meanest sneakiest
    greediest nastiest worst immature childish petty spoiled spoilt entitled rude unprofessional
    insufferable unbearable pathetic brain-dead untrustworthy shameless disgraceful
    hysterical unstable toxic evil vile
    """
)
# Unambiguous name-calling: these insult whoever they are said of, so they count anywhere
# (unless negated or said of oneself), not only after "you".
_INSULT_NOUN = words(
    r"""
    idiots? morons? imbeciles? cretins? jerks? assholes? arseholes? bastards? losers? liars?
    freeloaders? brats? scumbags? hypocrites? bitch(?:es)? dickheads? pricks? twats? douchebags?
    dimwits? halfwits? dumbass(?:es)? jackass(?:es)? numbskulls? buffoons? scammers? swindlers?
    lowlifes? retards? sluts? whores? deadbeats? good-for-nothings? nutcases? psychos? lunatics?
    con_artists? crooks? leeches parasites? slobs? weasels? nutjobs? psychopaths? muppets?
    plonkers? tossers? wankers? pillocks? prats? gits? scum vermin dunces? simpletons?
    gold_diggers? cheapskates? slumlords? pieces?_of_(?:work|shit|garbage|trash)
    """
)
# Nouns that are only insults when aimed at the reader ("you clown", not "we hired a clown").
_TARGETED_NOUN = words(
    r"""
    clowns? fools? pigs? snakes? cowards? creeps? frauds? thie(?:f|ves) cheats? cheaters? monsters?
    child baby joke failure disgrace amateurs? nobody bully bullies drama_queen control_freak
    narcissists? sociopaths? crybaby snowflake trash garbage cowboys? sharks? bum
    """
)
_ROLE = words(
    r"""
    father mother dad mum mom parents? husband wife partner ex neighbou?rs? boss manager colleague
    co-?worker employer person human_being human man woman negotiator landlord tenant lawyer friend
    teacher worker employee leader representative rep company business team owner
    excuse_for_an?(?:_\S+)?
    """
)
_BAD = words(
    r"""
    terrible horrible useless awful lousy bad rotten deadbeat shitty crappy worthless pathetic sorry
    poor joke_of_an? disgrace_of_an? failure_of_an? worst
    """
)
_TARGET_GAP = gap(
    5,
    words(
        r"""
        are were have been being such so really truly just completely totally absolutely utterly
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
    Cue("insult", 0.75, rf"{_YOU} {_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b", guarded=True),
    Cue("insult", 0.75, rf"{_YOU} {_TARGET_GAP}(?P<core>{_TARGETED_NOUN})\b", guarded=True),
    Cue("insult", 0.75, rf"{_YOU} {_TARGET_GAP}(?P<core>{_BAD} {_ROLE})\b", guarded=True),
    Cue("insult", 0.8, rf"\b(?P<core>{_INSULT_NOUN})\b", guarded=True),
    Cue(
        "insult",
        0.6,
        rf"\byour (?:{WORD} ){{0,2}}(?:is|are|was|were) {_TARGET_GAP}(?P<core>{_INSULT_ADJ})\b",
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
        r"\byour (?P<core>incompetence|stupidity|arrogance|laziness|ignorance|dishonesty"
        r"|hypocrisy|pettiness|cowardice)\b",
        guarded=True,
    ),
    # --- contempt -------------------------------------------------------------------------
    Cue("contempt", 0.7, r"\b(?P<core>pathetic|pitiful)\b", guarded=True),
    Cue("contempt", 0.45, r"\b(?P<core>disgusting|revolting|repulsive|vile)\b", guarded=True),
    Cue("contempt", 0.8, r"\byou (?:disgust|sicken|repulse) me\b|\byou make me (?:sick|puke)\b"),
    Cue(
        "contempt",
        0.6,
        r"\b(?:is|are|was|were|what) (?:such )?(?:a |an )?(?:complete |total |absolute |utter "
        r"|bloody |fucking |sick |bad |big )?(?P<core>joke)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:is|are|was|were) (?:absolute |complete |total |utter |pure |just )?"
        r"(?P<core>garbage|trash|rubbish|junk)\b",
        guarded=True,
    ),
    Cue(
        "contempt",
        0.45,
        r"\b(?:is|are|was|were) (?:an? )?(?:absolute |complete |total |utter )?"
        r"(?P<core>disaster|shambles|farce|circus|sham|clown show|mockery)\b",
        guarded=True,
    ),
    Cue("contempt", 0.65, rf"{START}(?P<core>grow up)\b"),
    Cue("contempt", 0.75, r"\b(?P<core>shut up|shut your (?:mouth|face|trap))\b", guarded=True),
    Cue("contempt", 0.6, r"\b(?:get lost|get a life|get over yourself|get a grip)\b"),
    Cue("contempt", 0.7, r"\btypical (?:of|for) you\b|\bso typical\b|\bhow typical\b"),
    Cue("contempt", 0.5, rf"{START}typical\b"),
    Cue("contempt", 0.55, r"\byou people\b|\bpeople like you\b"),
    Cue("contempt", 0.75, r"\bwho do you think you are\b"),
    Cue(
        "contempt",
        0.65,
        r"\bwhat is (?:wrong|the matter) with you\b|\bwhat is your problem\b"
        r"|\bare you out of your mind\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\beven an? (?:child|kid|toddler|monkey|baby|teenager|\w+-year-old)"
        r"(?: \w+){0,2} (?:could|can|would|knows|manages)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\byou (?:should|ought to) be (?:ashamed|embarrassed)\b|\bshame on you\b"
        r"|\bhave you no shame\b",
    ),
    Cue("contempt", 0.45, r"\b(?:it is|how|so) embarrassing\b|\bembarrassing to watch\b"),
    Cue(
        "contempt",
        0.6,
        r"\b(?:stupidest|dumbest|most (?:stupid|idiotic|ridiculous|pathetic|incompetent))\b",
    ),
    Cue("contempt", 0.35, r"\b(?P<core>for once)\b", action="strip"),
    Cue("contempt", 0.4, r"\b(?P<core>not (?:that|so) (?:hard|difficult|complicated))\b"),
    Cue("contempt", 0.5, r"\bthe bare minimum\b"),
    Cue("contempt", 0.45, r"\byou can not even\b|\bcan you even\b|\bdo you even\b"),
    Cue(
        "contempt",
        0.55,
        rf"\bwhat kind of (?:{WORD} ){{0,2}}(?:person|parent|father|mother|human|neighbou?r|man"
        r"|woman|company|business)\b",
    ),
    Cue("contempt", 0.35, r"\bno respect for\b"),
    Cue("contempt", 0.45, r"\bsee right through you\b"),
    Cue("contempt", 0.55, r"\b(?P<core>laughable)\b", guarded=True),
    Cue("contempt", 0.35, r"\b(?P<core>ridiculous|absurd)\b", guarded=True),
    Cue("contempt", 0.75, r"\bwaste of (?:space|oxygen|skin|air)\b"),
    Cue("contempt", 0.5, r"\byou are no better\b"),
    Cue("contempt", 0.35, r"\bdo your (?:damn |bloody |fucking )?job\b"),
    Cue("contempt", 0.55, r"\blearn (?:how )?to (?:read|count|listen|write|spell)\b"),
    Cue("contempt", 0.6, r"\b(?:sick|tired) of you\b|\bsick and tired of you\b"),
    Cue("contempt", 0.25, r"\bsick of\b"),
    Cue(
        "contempt",
        0.6,
        r"\b(?:nobody|no one) (?:likes|respects|trusts|believes|cares about|wants) you\b",
    ),
    Cue("contempt", 0.45, r"\bget your act together\b|\bpull yourself together\b"),
    Cue(
        "contempt",
        0.55,
        r"\byou do not (?:understand|know) (?:anything|a thing)\b"
        r"|\byou (?:\w+ )?have no (?:idea|clue)\b",
    ),
    Cue("contempt", 0.55, r"\bare you (?:deaf|blind|thick|dense|slow)\b"),
    Cue("contempt", 0.35, r"\b(?P<core>unbelievable|incredible)[.!?]", guarded=True),
    Cue("contempt", 0.3, rf"{START}(?:seriously|really)\?"),
    Cue(
        "contempt",
        0.3,
        r"(?P<core>,? ?\b(?:and you know it|and everyone knows it|everyone knows it))\b",
        action="strip",
    ),
    Cue("contempt", 0.6, r"\bhow dare you\b"),
    Cue(
        "contempt",
        0.45,
        r", (?P<core>sweetheart|sweetie|honey|darling|sunshine|princess|sonny|little lady)\b",
    ),
    Cue("contempt", 0.45, r"\bare you (?:even )?listening\b|\bdo you (?:even )?care\b"),
    Cue("contempt", 0.45, r"\b(?P<core>disgraceful|shameful|appalling)\b", guarded=True),
    Cue("contempt", 0.5, r"\bi do not care (?:what|about) (?:you|your)\b|\bwho cares\b"),
    Cue(
        "contempt",
        0.5,
        r"\bwhatever you say\b|\bget real\b|\bspare me\b|\bin your dreams\b|\bdream on\b"
        r"|\bget over it\b|\bpoor you\b",
    ),
    Cue(
        "contempt",
        0.65,
        r"\bgrow a (?:spine|pair|brain)\b|\bcry me a river\b|\bboo,? hoo\b|\bman up\b"
        r"|\b(?:stop|quit) (?:whining|whinging|crying|sulking|playing the victim)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\byou are (?:getting on my nerves|driving me (?:mad|crazy|insane))\b|\byou annoy me\b",
    ),
    Cue("contempt", 0.5, "\U0001f644|\U0001f612"),
    Cue(
        "contempt",
        0.5,
        r"\b(?:is|are|was) (?:a |an |just a |one big )?(?P<core>scam|rip-?off|con)\b",
    ),
    Cue("contempt", 0.5, r"\b(?:is|are) (?:an )?(?P<core>insult) to\b", guarded=True),
    Cue(
        "contempt",
        0.75,
        r"\bi hope you (?:choke|die|rot|burn|suffer|get what you deserve|lose everything"
        r"|get fired)\b",
    ),
    Cue("contempt", 0.5, r"\b(?:nobody|no one) (?:cares|gives a)\b"),
    Cue(
        "contempt",
        0.6,
        r"\byou think you are (?:so |really |very )?(?:clever|smart|special|funny|important"
        r"|above|better|untouchable)\b",
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
    Cue(
        "blame",
        0.6,
        r"\byou (?:have )?(?P<core>ruined|destroyed|wrecked|screwed up|messed up) "
        r"(?:everything|this family|our|my|the kids|their)\b",
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
)
