"""English belittling: the reader treated as a child, brainless, useless or beneath notice.

Put-downs without a name in them, by class rather than by set phrase: the reader as a child
("acting like a spoilt teenager"), as brainless ("the attention span of a goldfish", "so even
you can follow"), as useless ("what exactly are you for?"), their work beneath a pet's ("my dog
could have done a better job"), rhetorical questions that answer themselves ("how many times
do I have to tell you?"), dismissal ("mind your own business") and understatement ("which you
clearly didn't bother to read"). The older, phrase-level contempt cues are in
:mod:`.en_contempt`.

>>> sorted({cue.reason for cue in CUES})
['contempt']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import Cue

__all__ = ["CUES"]

CUES: Final[tuple[Cue, ...]] = (
    # --- the reader treated as a child or as brainless ------------------------------------
    Cue(
        "contempt",
        0.6,
        r"\b(?:acting|behaving|carrying on|act|behave) like an? (?:\w+ ){0,2}?(?:child|teenager"
        r"|toddler|baby|brat|kid|schoolboy|schoolgirl|two-year-old|\w+-year-old)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:doing|does|do|did) (?:all )?your thinking for you\b|\buse (?:your|that) (?:brain"
        r"|head|loaf|noggin|common sense)\b|\bengage (?:your|that) brain\b|\btry using (?:your"
        r"|that) (?:brain|head|eyes)\b|\bthink before you (?:speak|open your mouth|type|write)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:attention span|memory|brain) of an? (?:goldfish|gnat|toddler|fruit fly|sieve)\b"
        r"|\bmemory like a sieve\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bso (?:that )?even you (?:can|could|will|might|should) (?:understand|follow|get|grasp"
        r"|manage)\b|\b(?:explain|say|spell|put) (?:it|this|that) (?:out )?(?:slowly|very slowly"
        r"|in small words|in crayon|in words of one syllable)\b|\bfor the hard of thinking\b",
    ),
    # --- rhetorical disbelief: "born yesterday", "a single word you say" -------------------
    Cue(
        "contempt",
        0.6,
        r"\bborn yesterday\b|\b(?:believe|buy|trust) (?:a|one) (?:single )?word (?:you say|you"
        r" write|of (?:it|this|that|what you))\b|\btake (?:me|us) for (?:an? )?(?:idiot|fool|mug"
        r"|moron|sucker|imbecile|complete \w+)\b|\bdo i look (?:that )?(?:stupid|like an? (?:idiot"
        r"|fool|mug))\b",
    ),
    Cue(
        "contempt",
        0.35,
        r"\bdo you (?:honestly|really|seriously|actually) (?:think|believe|expect) (?:that )?"
        r"(?:i|anyone|anybody|we|people|the (?:judge|court|mediator|tribunal))\b",
    ),
    # --- dismissal ----------------------------------------------------------------------------
    Cue(
        "contempt",
        0.55,
        r"\bmind your own (?:damn |bloody |fucking )?business\b|\bkeep your (?:nose|opinions?"
        r"|comments|advice) (?:out of|to yourself)\b|\bnobody asked (?:you|for your)\b"
        r"|\bwho asked you\b|\bstay in your lane\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:do not|stop|quit) (?:playing|play|acting|act) (?:dumb|stupid|innocent|the innocent"
        r"|the fool|the idiot|the martyr|the saint)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bwhat (?:exactly )?(?:are you|is your \w+) (?:even |actually )?(?:for|good for)\b"
        r"|\bwhat use are you\b|\byou are (?:of )?no use to anyone\b|\bwho (?:on earth |the hell"
        r" )?(?:hired|trained|promoted|qualified|licensed) you\b|\bhow did you (?:ever )?(?:get"
        r"|land|pass|keep) (?:this|that|your|the) (?:job|position|role|licence|license|exam"
        r"|test|degree)\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:out of your depth|in over your head|not up to the job|not fit to (?:be|run|parent"
        r"|manage|hold))\b",
    ),
    # --- the reader's work judged beneath a child's or a pet's -------------------------------
    Cue(
        "contempt",
        0.6,
        r"\beven (?:the|an?|my|our|your) (?:\w+ ){0,2}?(?:intern|trainee|apprentice|child|kid"
        r"|toddler|monkey|chimp|dog|cat|grandmother|grandma|gran|nan|\w+-year-old)\b[^.!?]{0,30}"
        r"\b(?:could|can|would|manages|knows|understands)\b|\bmy (?:\w+ ){0,2}?(?:dog|cat|kid"
        r"|son|daughter|grandmother|grandma|gran|nan|nephew|niece|\w+-year-old)(?: \w+){0,3}"
        r" (?:could|would|can) (?:have )?(?:\w+ ){0,2}?(?:better|faster|a better job)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:and you )?call (?:yourself|yourselves) (?:an? )?(?:\w+ )?(?:professionals?|experts?"
        r"|parents?|father|mother|tradesm[ae]n|builders?|plumbers?|electricians?|managers?"
        r"|leaders?|company|business|negotiators?|representatives?|union|friends?|m[ae]n"
        r"|wom[ae]n|adults?)\b|\byou call (?:this|that) (?:an? )?(?:\w+ )?(?:service|work|job"
        r"|repair|offer|proposal|report|parenting|effort|apology|cleaning)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bsome of us (?:actually |still |have to |need to |do )?(?:work|do (?:our|the) jobs?"
        r"|have (?:jobs|lives|to work|to get up|work)|pay|get up|earn|care)\b|\bsome people"
        r" (?:actually )?have (?:jobs|lives|to work)\b",
    ),
    # --- squalor and wished-for ruin ---------------------------------------------------------
    Cue(
        "contempt",
        0.6,
        r"\bborn in a barn\b|\braised by wolves\b|\b(?:live|living|lives) (?:in|like) (?:a|an)"
        r" (?:tip|pigsty|sty|dump|slum|animals?|pigs?)\b",
    ),
    Cue(
        "contempt",
        0.7,
        r"\bi (?:hope|wish|pray) (?:that )?(?:you|your (?:\w+ ){1,2}?)(?:\w+ ){0,2}?(?:goes bust"
        r"|go bust|goes under|go under|fails|sinks|burns|rots|goes bankrupt|go bankrupt|loses"
        r" everything|lose everything|gets what (?:it|you|they) deserves?|suffers?|chokes?|dies"
        r"|closes down|close down)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bwould not (?:know|recognise|recognize) (?:\w+ ){1,4}?if (?:it|they|she|he) (?:hit"
        r"|bit|slapped|kicked|smacked|punched|came up to) you\b",
    ),
    Cue("contempt", 0.55, r"\b(?:is|are|was) (?:a |an |just a |one big )?(?P<core>stitch-?up)\b"),
    # --- rhetorical questions that answer themselves ----------------------------------------
    Cue(
        "contempt",
        0.55,
        r"\bhow many (?:more )?times (?:do|must|have|will|should) (?:i|we) (?:have to )?(?:tell"
        r"|ask|say|remind|explain|repeat)\b|\bwhat were you (?:even )?thinking\b|\bhave you"
        r" (?:completely )?lost (?:your|the) (?:mind|marbles|plot)\b|\bwhat planet are you on\b"
        r"|\bin what world\b|\bwho (?:even )?does that\b|\bwhy are you (?:like this|so \w+)\b"
        r"|\bwhat is (?:even )?the point of you\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\bare you (?:kidding|joking|serious|for real|insane|mad|crazy|high|drunk|stupid|thick"
        r"|dense|simple|dim)(?: me| right now)?\b ?\?|\byou (?:can not|must not) be serious\b"
        r"|\byou (?:have|have got|got) to be (?:kidding|joking)\b|\bgive me a break\b",
    ),
    Cue(
        "contempt",
        0.45,
        r"\bwhy (?:can not|do not|will not|could not) you (?:just |ever |even )?\w+[^.!?]{0,60}\?"
        r"|\bwhy do you (?:always|never|insist on|keep)\b[^.!?]{0,60}\?",
    ),
    Cue(
        "contempt",
        0.35,
        r"\b(?:seriously|honestly|really)\b[^.!?]{0,60}\?|\bwow\.|\bjust wow\b|\bunreal\.",
    ),
    Cue(
        "contempt",
        0.55,
        r"\byou (?:clearly|obviously) (?:do not|can not|have no) (?:care|give a|understand|read"
        r"|listen|respect|idea)\b|\b(?:it is )?(?:beneath|below) (?:me|us) to\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:pack|tissue|load|bunch|web) of (?:lies|nonsense|rubbish|excuses|garbage|crap)\b",
    ),
    Cue(
        "contempt", 0.4, r"\bdo not bother (?:replying|answering|lying|pretending|apologi[sz]ing)\b"
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:with|has|have|had|got) more (?:common sense|sense|brains?|brain cells|manners|class"
        r"|backbone|integrity|spine|decency) than you\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\byou (?:bring|add|contribute|offer) (?:absolutely )?nothing\b|\bdo not insult (?:me|us"
        r"|my"
        r" intelligence|our intelligence)(?: with)?\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\b(?:only|ever|just) think(?:s|ing)? (?:about|of) (?:yourself|yourselves|themselves"
        r"|number one)\b|\bno consideration for (?:anyone|anybody|others|other people)\b",
    ),
    # "Did you read it, or did you just hit send?": the alternative answers the question.
    Cue("contempt", 0.5, r"\bor (?:did|do|are|were) you (?:just|simply)\b[^.!?]{0,80}\?"),
    # --- understated contempt ----------------------------------------------------------------
    Cue(
        "contempt",
        0.55,
        r"\byou (?:clearly |obviously |evidently |apparently |never )?(?:did not|do not|could not"
        r"|can not|would not|never) (?:even )?(?:bother|be bothered|care|take the time) to\b"
        r"|\bwhich you (?:clearly |obviously |evidently |apparently )?(?:did not|never) (?:bother"
        r" to )?(?:read|open|look at|check)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:type|write|say|spell|explain|repeat) (?:this|it|that) (?:\w+ )?(?:slowly|very slowly"
        r"|in capitals|in big letters|in simple words|in small words)(?: for you)?\b"
        r"|\b(?:the crayons|in crayon|with puppets|a picture book)\b[^.!?]{0,40}\bexplain\b"
        r"|\bexplain\b[^.!?]{0,40}\b(?:the crayons|in crayon|with puppets|small words)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bget off your high horse\b|\byou are no (?:saint|angel)\b|\bholier[- ]than[- ]thou\b"
        r"|\bhigh and mighty\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\b(?:not|never) (?:going to )?wast(?:e|ing) (?:my|any more|another) (?:breath|time|energy"
        r"|words?) on you\b|\byou are not worth (?:my|the) (?:time|breath|energy|effort)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\bdo (?:us|me|everyone|the world|yourself) (?:all )?a favou?r and (?:stop|shut up|leave"
        r"|quit|resign|go away|disappear|retire|keep quiet)\b",
    ),
    Cue(
        "contempt",
        0.55,
        r"\bsome of us (?:were|are|have been) (?:raised|brought up|taught) to\b",
    ),
    Cue(
        "contempt",
        0.5,
        r"\bis not your (?:personal |private |own )?(?:car park|parking space|bin|dumping ground"
        r"|playground|toilet|storage)\b",
    ),
    Cue(
        "contempt",
        0.6,
        r"\b(?:more|less) helpful (?:conversations? )?with an? \w+ (?:meter|wall|brick)\b",
    ),
)
