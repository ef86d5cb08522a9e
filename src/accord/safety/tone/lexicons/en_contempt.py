"""English contempt: belittling, mockery, dismissal and disgust aimed at the reader.

Contempt is the put-down without a name: "grow up", "did you even read it?", "is that too
much to ask?", "the worst service I have ever had". Weights are on the scale of
``FLAG_THRESHOLD`` (0.5): at or above it one cue flags a message on its own.

>>> sorted({cue.reason for cue in CUES})
['contempt']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.lexicons.en_words import INSULT_ADJ, ROLE, WORK
from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES"]

_INSULT_ADJ = INSULT_ADJ
_ROLE = ROLE
_WORK = WORK

CUES: Final[tuple[Cue, ...]] = (
    Cue(
        "contempt",
        0.6,
        r"\b(?:could|can) you (?:be|get|possibly be) (?:any|even) (?:more|less) \w+"
        r"|\byou (?:are|were) (?:acting |behaving )?(?:like )?(?:such|a big|a spoilt|a spoiled"
        r"|a little) (?:child|baby|toddler|kid|brat)\b|\b(?:act|behave|grow) like an? (?:adult"
        r"|grown-up|child|baby|toddler)\b|\byou big baby\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:anyone|anybody|nobody|no one|someone) with (?:half a brain|an ounce of (?:sense"
        r"|decency|intelligence)|a shred of (?:decency|sense)|any (?:sense|brains))\b"
        r"|\bwho (?:raised|brought) you(?: up)?\b|\bwere you raised by\b"
        r"|\bdid (?:your|nobody|no one) (?:\w+ )?(?:ever )?teach you\b",
    ),
    # Put-downs that treat the reader as a child or as a lost cause.
    Cue(
        "contempt",
        0.6,
        r"\bact your age\b|\bwould it kill you to\b|\b(?:do|does) (?:it|that) (?:even )?hurt"
        r" (?:you )?to\b|\bis it (?:so|that|really that) (?:hard|difficult) (?:for you )?to\b",
    ),
    Cue(
        "contempt",
        0.45,
        rf"{START}(?:it is|that is|how) (?:so |just |really |frankly )?(?:sad|pitiful|tragic"
        rf"|embarrassing|shameful|pathetic){END}",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:it is|that is|this is|how|so) (?:absolutely |just |utterly |frankly |really )?"
        r"(?P<core>disgusting|revolting|repulsive|vile|gross|filthy)\b",
        guarded=True,
    ),
    Cue("contempt", 0.45, r"\byou lot\b"),
    Cue("contempt", 0.35, r"\b(?:zero|not an ounce of|not a shred of) respect\b"),
    Cue(
        "contempt",
        0.35,
        r"\b(?:and )?then (?:you )?(?:moan|complain|whine|whinge|cry|blame (?:me|us|everyone)"
        r"|act (?:all )?surprised|play the victim)\b",
    ),
    # Taunts and dismissals that survive as fragments: "see how you like that", "go ahead,
    # cancel again", "I'm done with your excuses".
    Cue(
        "contempt",
        0.45,
        r"\bsee how you like (?:it|that)\b|\b(?:i am|i am so|i am just) (?:done|finished|through)"
        r" with (?:you|your)\b",
        action="sentence",
    ),
    Cue(
        "contempt",
        0.3,
        r"(?P<core>,? ?\b(?:plain and simple|(?:and )?(?:everyone|everybody|the whole \w+|all of"
        r" us)(?: \w+){0,3}? (?:can see|sees|knows|saw) (?:it|that)))(?= ?[.!]|$)",
        action="strip",
    ),
    Cue(
        "contempt",
        0.45,
        r"\byou are (?:turning into|becoming|just like|no different from|exactly like|as bad as)"
        r" (?:her|him|them|your (?:mother|father|sister|brother|family|boss))\b"
        r"|\bthanks for the respect\b",
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
    # Rhetorical questions about the reader's competence or good faith.
    Cue(
        "contempt",
        0.55,
        r"\b(?:do|did|have|does|were|are) you (?:even|ever even) (?:know|read|look|check|listen"
        r"|think|care|try|bother|understand|remember|open|own|have|realise|realize|notice|see"
        r"|speak|work|pay|plan|consider|ask|wonder)\b",
    ),
    Cue("contempt", 0.35, r"\b(?:can|could) you (?:even|actually) \w+"),
    Cue("contempt", 0.6, r"\b(?:is|was) (?:that|it|this) (?:really )?too much to ask\b"),
    Cue("contempt", 0.55, rf"{START}(?:ever|you ever) heard of\b"),
    Cue(
        "contempt",
        0.35,
        r"\byou (?:obviously|clearly|evidently) (?:have not|do not|did not|can not|are not"
        r"|could not|never)\b",
    ),
    Cue("contempt", 0.55, r"\b(?:are|were) you (?:completely |totally )?(?:incapable|unable) of\b"),
    Cue(
        "contempt",
        0.55,
        r"\b(?:expect|expected|expecting) (?:nothing less|no less|nothing more|nothing else"
        r"|nothing better|anything (?:else|better|more)) (?:from|of) you\b"
        r"|\bwhat (?:else )?did i expect\b|\bwhy am i not surprised\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:clown|cowboy|mickey mouse|amateur|amateur hour|two-bit|fly-by-night|joke|circus)"
        r" (?:operation|outfit|company|business|show|firm|service|shop|organi[sz]ation|setup)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"(?:^|[.!?,;] |\bor |\band |\byou (?:should|need to|ought to|could|can) )(?:go |just )?"
        r"(?:find|get|look for) (?:another|a different|a new|a real) (?:job|career|line of work"
        r"|trade)\b|\bget out of (?:the|this) (?:trade|business|industry|job)\b"
        r"|\bin the wrong (?:job|line of work|profession|business|trade)\b",
    ),
    Cue("contempt", 0.5, rf"{START}learn (?:how )?to \w+|\blearn some (?:manners|respect)\b"),
    Cue(
        "contempt",
        0.55,
        r"\bit is not (?:exactly )?(?:rocket science|brain surgery)\b|\bhow hard (?:can it be"
        r"|is it to|could it be)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:sob stor(?:y|ies)|crocodile tears|cry me a river|poor little you|poor me act"
        r"|the violins|play the victim|playing the victim)\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\byou are (?:just |simply |absolutely |truly )?(?:unbelievable|impossible|unreal"
        r"|something else|a piece of work|too much)\b",
        unless=r"\b(?:thank|thanks|love|amazing|brilliant|best|star|lifesaver|angel)\b",
    ),
    # A superlative verdict on the reader or their work: "the worst landlord I have ever had",
    # "the most amateurish presentation I have ever had to sit through".
    Cue(
        "contempt",
        0.6,
        rf"\b(?:worst|(?:most|least) (?:{WORD} )?(?:{_INSULT_ADJ}|ridiculous|absurd|pathetic"
        r"|disrespectful|insulting|laughable|embarrassing|shambolic|chaotic|professional"
        r"|competent|useful|helpful)|(?:stupidest|dumbest|laziest|rudest|sloppiest|shoddiest"
        rf"|poorest|lousiest|crappiest|shittiest)) (?:{WORD} ){{0,1}}?(?:{_ROLE}|{_WORK})\b",
        guarded=True,
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
    Cue("contempt", 0.35, r"\b(?:no|zero) respect for\b"),
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
    Cue("contempt", 0.5, r"\bget your act together\b|\bpull yourself together\b"),
    Cue(
        "contempt",
        0.55,
        r"\byou do not (?:understand|know) (?:anything|a thing)\b"
        r"|\byou (?:\w+ )?have no (?:idea|clue)\b",
    ),
    Cue("contempt", 0.55, r"\bare you (?:deaf|blind|thick|dense|slow)\b"),
    Cue(
        "contempt",
        0.45,
        r"\bdo you (?:just |actually |really )?(?:enjoy|like|get a kick out of) (?:ignoring"
        r"|annoying|upsetting|making|wasting|winding)\b",
    ),
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
        r"|\b(?:stop|quit) (?:whining|whinging|crying|sulking|playing the victim)\b"
        r"|\bgrow a backbone\b",
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
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Rhetorical questions about the reader's competence: "or is that beyond you?", "if that's
    # not too complicated for you", "is it physically possible for you to...".
    Cue(
        "contempt",
        0.65,
        r"\b(?:or )?(?:is|was) (?:that|this|it) (?:also |just |simply )?beyond you\b"
        r"|\bbeyond your (?:abilities|capabilities|skill set|pay grade|capacity)\b"
        r"|\bor (?:was|is) (?:that|this|it) (?:\S+ )?too (?:advanced|difficult|hard"
        r"|complicated)\b|\bif (?:that|this|it) is not too (?:complicated|difficult|hard"
        r"|much trouble|taxing|demanding) for you\b|\bis it (?:physically|humanly) possible"
        r" for you to\b",
    ),
    Cue(
        "contempt",
        0.75,
        r"\byou (?:could not|would not|cannot|can not|could never) (?:run|organise|organize"
        r"|manage|fix) (?:a|an) (?:lemonade stand|bath|piss-up|raffle|whelk stall|bake sale"
        r"|paper bag|sandcastle|tea party|chip shop)\b"
        r"|\byou would not know (?:a|an|the) (?:\S+ ){1,3}?(?:from|if it)\b",
    ),
    Cue(
        "contempt",
        0.65,
        rf"{START}sorry,? (?:are|were) you (?:new|born yesterday)\b"
        r"|\bwho (?:did|would) you (?:have to )?(?:flatter|bribe|sleep with|suck up to"
        r"|butter up|schmooze)\b",
    ),
    Cue(
        "contempt",
        0.7,
        r"\bare you (?:deliberately|just|really|being|always this) (?:thick|dense|obtuse|slow)\b"
        r"|\byou (?:\S+ )?(?:people|lot|bosses|landlords|managers|contractors|builders|tradesmen"
        r"|types) are all the same\b",
    ),
    # Talking down: "I'll use shorter words this time", "I know reading is hard".
    Cue(
        "contempt",
        0.7,
        r"\b(?:i will|let me) (?:use (?:shorter|smaller|simpler) words|type (?:this )?slowly"
        r"|spell it out (?:for you|again))\b|\bwords of one syllable\b"
        r"|\bi know (?:reading|counting|listening|thinking|maths|math|spelling) is (?:hard"
        r"|difficult|tough)\b|\b(?:learn|know) (?:your|her|his|their) place\b",
    ),
    Cue(
        "contempt",
        0.65,
        r"\bdid i ask (?:for )?your (?:opinion|input|advice|thoughts|view)\b|\bnobody asked"
        r" (?:you|for your)\b|\b(?:noted|ok|okay|fine)[.,] (?:do not|did not) care\b"
        r"|\byour (?:\S+ ){0,2}?\S+, such as (?:it is|they are)\b",
    ),
    Cue(
        "contempt",
        0.65,
        r"\b(?:written|drafted|designed|planned|put together) by (?:people|someone|somebody"
        r"|amateurs) who (?:have )?never\b|\b(?:written|drafted|designed) by (?:a (?:child"
        r"|toddler|five-year-old)|monkeys|amateurs)\b",
    ),
)
