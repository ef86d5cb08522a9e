"""English intimidation: veiled menace with no harm stated.

"Or else", "I know where you live", "see how long you last here", "last time I'm asking
nicely". Knowing the reader's places is logistics, not menace, when the same sentence asks or
offers something practical ("I know what time you finish, shall I collect them at six?").

>>> sorted({cue.reason for cue in CUES})
['intimidation']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES"]

# A question or a practical offer in the same sentence: "I know what time you finish on
# Thursdays, so shall I collect them at six?" is logistics, not a warning.
_PRACTICAL = (
    r"\?|\b(?:so (?:i|we) (?:can|could|will)|shall (?:i|we)|let me|let us|can (?:i|we)"
    r"|could (?:i|we)|do you want|would you like|i can|happy to)\b"
)

CUES: Final[tuple[Cue, ...]] = (
    Cue("intimidation", 0.35, rf"\bmark my words\b|\bwe will see about that{END}"),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:we|i) will replace (?:every (?:single )?one of you|you all|all of you)\b"
        r"|\byou want to play (?:it )?(?:that way|games)\b",
        action="sentence",
    ),
    # --- intimidation ---------------------------------------------------------------------
    Cue("intimidation", 0.8, r"(?P<core>,? ?\bor else)\s*(?:\.\.\.|[.!?]|$)", action="strip"),
    Cue(
        "intimidation",
        0.85,
        rf"\bi know where you(?: and (?:{WORD} ){{1,4}}?)? (?:live|work|sleep|park|stay|go"
        r"|are staying|hang out|drop|take|study|shop|train)\b"
        r"|\bi know where (?:your|the (?:kids|children)) (?:\w+ ){0,3}?(?:live|lives|go|goes"
        r"|work|works|is|are|study|studies|play|plays|park|parks|stay|stays|sleep|sleeps)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.8,
        r"\bi know (?:what time|when|which way|what route|how) you (?:leave|get|arrive|go|come"
        r"|finish|start|walk|drive|pick)\b|\bi know what (?:car|bus|train) you\b",
        unless=_PRACTICAL,
    ),
    # Knowing the reader's places and routine, said for its own sake.
    Cue(
        "intimidation",
        0.7,
        r"\bi (?:have seen|saw|know|found out|have found out|have been told|know exactly)"
        r" (?:where|which \w+|what \w+) you (?:live|work|drink|eat|shop|go|park|sleep|stay|train"
        r"|pray|hang out|drop|walk|jog|run|swim|study|take)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bi (?:know|found out|have found out|have seen|know exactly) (?:which|what) (?:school"
        r"|street|house|home|building|gym|office|route|bus|train|car|church|club|pub|nursery"
        r"|daycare|flat|apartment|floor|door|road|way)s? (?:\w+ ){0,4}?(?:you|your|the kids"
        r"|the children)\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bi (?:know|have|have got|got|have noted|noted) (?:all )?your (?:daily )?(?:routine"
        r"|movements|habits|schedule|comings and goings|number plate|plate number|licen[cs]e"
        r" plate|registration)\b",
        unless=_PRACTICAL,
    ),
    # Tails that turn a statement into a warning: "Remember that.", "Just saying."
    Cue(
        "intimidation",
        0.45,
        rf"{START}(?:remember that|remember this|do not forget (?:it|that)|think on"
        rf"|enough said|you have been told|do not say i did not warn you){END}",
    ),
    Cue("intimidation", 0.3, rf"{START}(?:i am )?just saying{END}"),
    Cue(
        "intimidation",
        0.75,
        rf"\byou (?:will|would) not like (?:how|it one bit|the way i do it){END}"
        r"|\byou (?:will|would) not (?:like|enjoy|want) (?:what happens|what comes next|the"
        r" consequences|what i do|what i will do|where this goes|how this ends|what happens next"
        r"|to find out)\b",
    ),
    Cue("intimidation", 0.7, r"\bsee how long you (?:last|survive|keep|stay|will last)\b"),
    Cue(
        "intimidation",
        0.6,
        rf"\bi will (?:really |totally |completely )?(?:lose it|lose my temper|snap){END}"
        r"|\bi (?:will not|can not) be (?:held )?responsible for (?:what i do|my actions)\b",
    ),
    Cue(
        "intimidation",
        0.75,
        r"\b(?:or|otherwise|else|and) (?:i am|i will|i) (?:calling|call|bringing|bring|sending"
        r"|send|getting|get) (?:my|some of my) (?:brothers|mates|friends|boys|lads|cousins|guys"
        r"|people|family)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"(?<!\bi )(?<!\bwe )\b(?:can|may|should|will|better|might as well) (?:start )?"
        r"(?:look|looking) for (?:another|a new|a different) (?:job|employer)\b",
    ),
    Cue(
        "intimidation",
        0.4,
        rf"\bone more (?:{WORD} ){{0,4}}?(?:from you )?and (?:you|i|we|that is it|it is)\b",
    ),
    Cue("intimidation", 0.7, r"\b(?:i am|i have been|we are) watching you\b"),
    # Menace idioms.
    Cue(
        "intimidation",
        0.65,
        r"\byou are playing with fire\b|\b(?:will not|is not going to|does not) end well for"
        r" you\b|\byou do not want (?:me as|to make) an enemy\b|\bone (?:phone )?call (?:from"
        r" me )?and you\b|\bi have friends in (?:the police|high places|the force)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        rf"{START}(?:you (?:just )?wait|just you wait|you will see)(?: ?\.\.\.)?{END}",
        unless=r"\b(?:fine|great|okay|ok|love|fun|better|good|worth|happy|like it|enjoy)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\bthink (?:about|of) (?:your|the) (?:kids|children|family|job|career|future|reputation"
        r"|wife|husband|house|business)\b(?= ?[.!]|$)",
    ),
    # "Watch out" alone menaces; followed by what to watch out for, it warns.
    Cue(
        "intimidation",
        0.75,
        r"\bwatch (?:yourself|your back|your step)\b(?! for)|\bwatch out(?= ?(?:[.!]|$|or\b))",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\b(?:watch|and see|or see|then see|wait and see|you will see|find out|and find out)"
        r" what happens\b"
        r"|\byou will find out\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\b(?:last|final) time (?:i am |i will be |i will |i )?(?:asking|ask|telling|tell|saying"
        r"|say|saying it|warning|reminding) (?:you )?(?:this )?(?:nicely|politely)\b"
        r"|\bi asked nicely\b",
    ),
    Cue("intimidation", 0.5, r"\basking (?:you )?nicely\b"),
    Cue(
        "intimidation",
        0.65,
        r"\b(?:final|last) warning\b|\byou have been warned\b|\bconsider yourself warned\b",
    ),
    Cue("intimidation", 0.6, r"\bdo not (?:push|test|try|mess with|cross) me\b"),
    Cue(
        "intimidation",
        0.8,
        r"\byou (?:have no idea|do not know) who you are (?:dealing|messing|dealing) with\b"
        r"|\bmessing with the wrong (?:person|guy|woman|man|family)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\byou (?:had|would) better (?:be careful|watch (?:it|yourself|out)|think twice|not)\b"
        rf"|\bcount yourself lucky\b|\bi know people{END}",
    ),
    Cue("intimidation", 0.55, rf"{START}watch it{END}|\bdo not you ever\b|\bdo not ever\b"),
    Cue(
        "intimidation",
        0.45,
        r"\bi (?:am not (?:going to )?|will not )(?:tell|ask)(?:ing)? you again\b",
    ),
    Cue("intimidation", 0.7, r"\b(?:do not|do) you (?:even )?dare\b"),
    Cue("intimidation", 0.55, r"\bi am warning you\b|\bthis is a warning\b"),
    Cue(
        "intimidation",
        0.55,
        r"\bdo not make me (?:come|do|get|go|say|repeat|ask|call|tell|remind|lose)\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\byou do not (?:know|want to know|want to find out|want to see) what i am capable of\b"
        r"|\bwhat i am capable of\b|\byou do not want to (?:see|find out|know) what\b",
    ),
    Cue(
        "intimidation",
        0.35,
        rf"(?:^|[.!?,;] |\bso |\band )(?:you )?(?:better )?think (?:about (?:it|that|this)"
        rf"|carefully|twice|again)\b|\bthink about that{END}",
    ),
    Cue("intimidation", 0.45, r"\bkeep (?:this|it|that) up and\b"),
    Cue("intimidation", 0.35, rf"\bkeep \w+ing (?:{WORD} ){{0,6}}?and (?:i|we|you|watch|see)\b"),
    Cue("intimidation", 0.4, r"\bone more time and\b"),
    Cue(
        "intimidation",
        0.8,
        r"\b(?:friends|brothers|boys|cousins|mates|people) of mine\b"
        r"|\bhearing from (?:my|some) (?:friends|brothers|boys|cousins|mates)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\b(?:we|i|people|everyone) will remember (?:your face|you|this|who you are)\b"
        r"|\bwe know who you are\b",
    ),
    Cue(
        "intimidation",
        0.5,
        rf"(?P<core>(?:\b(?:or|and) (?:{WORD} ){{0,4}}?)?\b(?:will|would) be the first (?:ones? )?"
        r"(?:to (?:go|be)|laid off|fired|let go|sacked)[^.!?;,]{0,200})",
        action="strip",
    ),
    Cue(
        "intimidation",
        0.35,
        r"\bi swear\b|\btrust me\b(?= ?[.!]|$)|\bi promise you\b(?= ?[.!]|$)",
    ),
    Cue(
        "intimidation",
        0.4,
        r"\b(?:show|turn) up at your (?:house|home|door|shop|work|office|place|school|workplace)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:see|and see|watch) where (?:it|that|this) (?:gets|leaves|takes) you\b"
        r"|\b(?:be careful|watch|mind) what you (?:say|do|write|post|wish for)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\b(?:we|i|people|nobody|no one) (?:will|would) (?:not|never) forget (?:who you are"
        r"|your face|your name|what you did|this|it|that|you)\b",
        unless=r"\b(?:thank|thanks|kind|kindness|help|grateful)\b",
    ),
    # --- menace by other means than the law -------------------------------------------------
    Cue(
        "intimidation",
        0.7,
        r"\b(?:it|this|that|the next one|next time) (?:will not|will never|would not) be (?:through"
        r"|via|by|with|from|in) (?:a |my |the |any |your )?(?:lawyers?|solicitors?|courts?|police"
        r"|mediators?|letters?|e-?mails?|texts?|the app|words|writing)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bi would (?:think|consider) (?:(?:very|really|long and hard|twice|hard|carefully) )+"
        r"before (?:you\b|(?:reporting|complaining|calling|contacting|sending|pushing|filing"
        r"|going|taking|telling|crossing|involving|posting)\b)"
        r"|\bi would (?:keep an eye on|watch|look after|be careful with"
        r"|mind|lock up|not leave) (?:your|that (?:\w+ ){0,2}of yours)\b",
        unless=_PRACTICAL,
    ),
    Cue("intimidation", 0.3, r"\bif i were you\b"),
    Cue(
        "intimidation",
        0.6,
        r"\bkeep (?:on )?(?:pushing|provoking|testing|poking|goading|winding) me\b",
    ),
    # Harm wished on the reader's things or people, without saying who would cause it.
    Cue(
        "intimidation",
        0.6,
        r"\b(?:people|folks?|kids|children|cars|houses|things|pets|dogs|cats|windows) (?:can |do "
        r"|sometimes |often )?(?:have|get into|get) (?:nasty |little |terrible |unfortunate "
        r"|all sorts of )?accidents\b",
        unless=r"\b(?:insurance|insured|ice|icy|roads?|slippery|wet|careful on|helmet|seatbelt)\b",
    ),
    Cue(
        "intimidation",
        0.7,
        r"\bit would be (?:a )?(?:real |great |terrible |such a )?(?:shame|pity) if [^.!?]{0,40}?"
        r"\b(?:found out|find out|learned|learnt|heard about|discovered|got hurt|got damaged"
        r"|caught fire|got scratched|had an accident|happened to)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bone day (?:it|everything|the truth|all of (?:it|this)|people|everyone) (?:will|is"
        r" going to) (?:all )?(?:come out|know|find out)\b|\bi (?:know|have) (?:all )?your"
        r" (?:dirty |little )?secrets\b|\bi know things about you\b",
    ),
    Cue("intimidation", 0.35, r"\bkeeping (?:a|my) (?:list|file|record) of everything you\b"),
    # Retaliation promised to whoever stands up: "people who rock the boat don't last long".
    Cue(
        "intimidation",
        0.65,
        r"\b(?:people|those|anyone|anybody|employees|workers|staff|tenants|members|someone|guys"
        r"|folks)(?: \w+){0,2} who (?:\w+ ){1,5}?(?:do not|does not|never|will not|would not)"
        r" (?:last|stay|survive|keep (?:their|his|her) jobs?)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:i|we) know (?:exactly )?(?:which (?:one )?of you|who (?:signed|voted|complained"
        r"|reported|leaked|talked|spoke|went|called|wrote|posted|started|organi[sz]ed))\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.5,
        r"\b(?:remember|do not forget) (?:that|this|it) (?:at|when|come|on|in) (?:\w+ ){0,2}?"
        r"(?:review|appraisal|promotion|bonus|pay|renewal|contract|reference|court|custody|hearing"
        r"|christmas)(?: time)?\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\band (?:you|your \w+) will be remembered\b|\b(?:we|i|people|everyone|they) will"
        r" remember (?:you|your (?:face|name)|who (?:you are|did|signed|crossed))\b",
        unless=r"\b(?:thank|thanks|kind|kindness|help|grateful|fondly|love|miss)\b",
    ),
    # Waiting for the reader at their place, or knowing where it is, for its own sake.
    Cue(
        "intimidation",
        0.6,
        r"\b(?:i|we) will be (?:waiting|there|outside) (?:for you )?(?:outside|at|by|in front of"
        r"|near|round the back of) your (?:shop|house|home|office|work|workplace|door|place|gym"
        r"|car|flat)\b",
        unless=_PRACTICAL + r"|\b(?:pick|collect|drop|drive|lift|deliver|hand over|handover)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bi (?:know|have|have got|got|found) your (?:home |new |private )?(?:address|whereabouts"
        r"|phone number)\b",
        unless=_PRACTICAL + r"|\b(?:send|post|deliver|drop|mail|letter|parcel|invoice|forward"
        r"|court|bailiffs?|solicitor|lawyer|papers|documents|served?)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:it|that|this) will be your last (?:one|party|night|weekend|summer|christmas|day)"
        r"(?: here| in this \w+)?\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:we will|let us) see who is laughing\b|\bwho laughs last\b|\bhow far i (?:am|will"
        r"|would)"
        r" (?:willing |prepared |ready )?(?:to )?go\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:it|this|that|things) (?:will not|would not) be pretty\b|\bwe will settle this"
        r" (?:outside|my way|man to man|the old-fashioned way|in person)\b",
    ),
    # --- the conditional dare: "Do that again and ..." ------------------------------------
    Cue(
        "intimidation",
        0.4,
        r"\b(?:again|once more|one more time|ever again)\b,? and (?:you|i|we|they|your \w+) will\b"
        r"(?![^.!?]{0,80}\b(?:court|tribunal|judge|police|council|mediator|lawyer|solicitor|hr"
        r"|union|report|complaint|claim|towed|tow|notice|insurance|fine|review|reviews|refund"
        r"|cancel|ombudsman|bank)\b)",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:do not|never) (?:test|push|try) (?:my patience|your luck|me)\b|\byou are (?:pushing"
        r"|trying) your luck\b|\b(?:skating|walking|treading) on (?:very )?thin ice\b|\btread"
        r" (?:very )?carefully\b|\bchoose your (?:next )?words (?:very )?carefully\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\byou (?:have not|will not have) heard the last of (?:me|this|us)\b|\bwhat goes around"
        r" comes around\b|\bi (?:never|do not) forget\b(?= ?[.!]|$)|\bi have a long memory\b"
        r"|\bwatch this space\b|\bsooner or later\b[^.!?]{0,40}\b(?:you|your)\b[^.!?]{0,40}"
        r"\b(?:pay|sorry|regret|learn|see)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bi (?:can|could) make (?:things|life|your life|this|it) (?:very |really |extremely )?"
        r"(?:difficult|hard|unpleasant|uncomfortable|awkward) for you\b|\bthings (?:could|can"
        r"|might|will) get (?:very |really )?(?:ugly|nasty|unpleasant|messy)\b"
        r"|\byou (?:have|have got) a (?:lovely|nice|beautiful) (?:family|house|home|car|daughter"
        r"|son|wife|husband|business)\b(?=[^.!?]{0,40}\b(?:shame|pity|careful|if)\b)",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\b(?:want|wanna|going|trying) to (?:test|try|push|cross|provoke) me\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bi know (?:a few|some|certain|one or two|a couple of|a lot of) things (?:about you|that"
        r"|your)\b|\b(?:would|will) (?:love|like|be interested) to (?:hear|know|learn|find out)"
        r"(?: about)?\b(?=[^.!?]{0,60}\b(?:secret|affair|debts?|past|drinking|lies)\b)"
        r"|\byour (?:new |ex-?)?(?:wife|husband|partner|boss|employer|girlfriend|boyfriend|mother"
        r"|family) would (?:love|like|be interested) to (?:hear|know|learn)\b",
    ),
    Cue(
        "intimidation",
        0.65,
        r"\b(?:i have been|i have|i am|we have been) (?:watching|noting|noticing|logging|clocking)"
        r" (?:when|what time|where|how often) you (?:come and go|leave|arrive|go out|get home)\b"
        r"|\byour comings and goings\b",
        unless=_PRACTICAL,
    ),
    Cue(
        "intimidation",
        0.65,
        r"\bi would hate for (?:your|you|that) (?:\w+ ){0,3}?(?:to go (?:badly|wrong)"
        r"|to get (?:hurt"
        r"|damaged|scratched|lost)|to have an accident|to be (?:damaged|refused|cancelled|declined"
        r"|turned down))\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bfirst (?:in line|on the list|to be picked|up) for (?:redundancy|the sack|the chop"
        r"|dismissal|the axe|cuts)\b|\bfirst on the (?:redundancy|chopping|hit) list\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bi would think (?:twice|hard|again|very carefully) (?:about|before)\b",
    ),
    Cue(
        "intimidation",
        0.35,
        r"\bfor (?:his|her|their|your|the kids(?:')?|the children(?:')?) (?:own )?sake\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:people|those|anyone|staff|workers|tenants) who (?:\w+ ){1,5}?(?:tend to|often"
        r"|usually"
        r"|always|have a way of|somehow|soon) (?:find themselves|end up|get moved|get put|are put"
        r"|are moved|lose)\b[^.!?]{0,40}\b(?:nights|night shifts?|the list|out of a job|without"
        r" (?:a job|work|shifts)|first to go|the door|back of the queue)\b",
    ),
    Cue(
        "intimidation",
        0.35,
        rf"{START}(?:careful|be careful|watch it|mind yourself)(?:,| now)",
        unless=r"\b(?:ice|icy|road|roads|stairs|steps?|wet|hot|slippery|traffic|sharp|dog|glass"
        r"|floor|heavy|oven|pan|knife|cable)\b",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Hints that the reader's secrets could come out: "be a shame if the school found out
    # who...", "it'd be a pity if the mums at the gate started hearing about...".
    Cue(
        "intimidation",
        0.65,
        r"\b(?:shame|pity) if (?:\S+ ){0,8}?(?:found out|find out|heard|hear about|started"
        r" hearing|learned|learnt|got wind|were to (?:find|hear|learn))\b",
    ),
    Cue(
        "intimidation",
        0.5,
        r"\bwho (?:has|holds|kept|keeps|still has) (?:the |those |all the )?(?:photos|pictures"
        r"|videos|recordings|screenshots)\b",
    ),
    # Advice with a menace behind it: "I'd go easy on the complaints if I were you",
    # "good luck getting overtime after this", "a word to the wise".
    Cue(
        "intimidation",
        0.6,
        r"\bi would (?:go easy on|back off|tread (?:very )?carefully|drop (?:it|this|that|the)"
        r"|keep (?:quiet|your head down|your mouth shut)|let (?:it|this|that) go|stay out of)\b"
        r"[^.!?]{0,80}\bif i were you\b|\bif i were you,? i would (?:go easy|back off|tread"
        r"|drop|keep quiet|keep your head down|let it go|stay out|watch|be careful|think)\b",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\bgood luck (?:getting|finding|renting|working|keeping)\b[^.!?]{0,80}\b(?:after"
        r" (?:this|that)|now)\b|\bgood luck\b[^.!?]{0,60}[.!,] ?you will need it\b",
    ),
    Cue(
        "intimidation",
        0.4,
        r"\b(?:a )?word to the wise\b|\b(?:a |some )?(?:piece of )?friendly (?:advice|warning)\b",
    ),
    Cue(
        "intimidation",
        0.55,
        r"\bthe last (?:\S+ ){0,2}?(?:who|that) (?:\S+ ){0,6}?(?:had (?:trouble|a hard time"
        r"|problems)|regretted it|ended up|never worked|could not find)\b",
    ),
    Cue(
        "intimidation",
        0.5,
        rf"\b(?:has|have|has got|have got|got) (?:a )?(?:very )?long (?:memory|memories)\b"
        rf"|\bwe (?:keep|are keeping|will keep) (?:track|a list|notes|count){END}",
    ),
    Cue(
        "intimidation",
        0.6,
        r"\b(?:consider this|this is) (?:the|my) (?:last|final) time i (?:am|will be) (?:polite"
        r"|nice|asking nicely)\b|\b(?:my|i|\w+) (?:\S+ )?knows? your (?:\S+ ){0,1}?(?:supplier"
        r"|boss|employer|family|wife|husband|landlord|address|kids|children) (?:very |really"
        r" |quite )?well\b",
    ),
    Cue(
        "intimidation",
        0.45,
        r"\bi will not (?:say|tell you) (?:it |this |that )?(?:twice|again)\b"
        r"|\bwill not protect you (?:forever|for long|much longer)\b",
    ),
    Cue(
        "intimidation",
        0.35,
        rf"\b(?:do )?you understand me{END}|\bif you (?:know|get|catch) (?:what i mean|my drift)\b"
        r"|\bi (?:have got|have|know) (?:friends|people|contacts|mates) (?:on|at|in) the\b",
    ),
)
