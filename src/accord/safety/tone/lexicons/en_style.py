"""English sarcasm and absolute language ("you always", "you never").

Sarcasm is mostly praise or thanks in a context that contradicts it ("Oh great, another
last-minute change"), so most cues pair a positive word with a letdown, or are set phrases.

>>> sorted({cue.reason for cue in CUES})
['absolute_language', 'sarcasm']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue

__all__ = ["CUES", "LETDOWN", "PRAISE", "WARMTH"]

# "Never" about one dated event, or in praise, is not a generalisation about the reader:
# "you never sent me *last term's* report", "you have never missed a delivery *before*".
_EPISODE = (
    r"\bbefore(?= ?[,.;:!?]|$)|\b(?:until now|so far|to date|up to now|till now)\b"
    r"|\b(?:last|this|next) (?:term|week|month|year|weekend|time|summer|winter|spring|autumn"
    r"|fall|christmas|semester|quarter|morning|night|friday|monday|tuesday|wednesday|thursday"
    r"|saturday|sunday)\b|\b(?:yesterday|today|tonight|this morning)\b"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november"
    r"|december)\b|\b(?:on|last|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b|\bnever (?:once )?(?:missed|let (?:me|us|them) down|been late|failed to"
    r" (?:pay|deliver|turn up|show up|reply|answer))\b"
)
# Praise in the same sentence: "you always pack the *best* lunches", "you never *need to* ask".
_PRAISED = (
    r"\b(?:best|great|brilliant|lovely|wonderful|amazing|perfect|clearly|kindly|patiently"
    r"|beautifully|so well|really well|the right|on time|early|calm|patient|generous|kind"
    r"|helpful|thoughtful)\b|\bnever (?:need|have) to\b"
)
# Praise that a letdown in the next few words turns into irony: "Nice parenting. She came
# back with nits again.", "Wonderful service as always: three weeks and still no fridge."
PRAISE = (
    r"(?:great|brilliant|fantastic|wonderful|perfect|lovely|super|nice|marvell?ous|wow"
    r"|terrific|excellent|amazing|superb|stellar|fabulous|outstanding|impressive|classy"
    r"|congrats|congratulations|well done|good job|great job|nice work|nice one|bravo"
    r"|top work|top job|great stuff|smashing|cracking|charming)"
)
LETDOWN = (
    r"(?:(?:late|broken|cancell?ed|missing|lost|forgotten|wrong|empty|sick|filthy|dirty|nits|lice"
    r"|leaking|flooded|damaged|torn|no-show|crashed|offline|out of order|cracked|scratched"
    r"|dented|faulty|defective|bent|chipped|shattered|dog (?:mess|poo|poop|muck|dirt)|fly-?tipp\w*"
    r"|vomit|overflowing|starving|hungry|woken|woke (?:me|us|the \w+)|nits|lice)\b"
    r"|\bat [0-6] ?(?:am|in the morning)\b|never (?:happens|comes|arrives|materiali[sz]es|turns up"
    r"|calls)\b|(?:is|are|was) down"
    r" again\b|yet again|once again|not (?:done|fixed|here|paid"
    r"|ready|working|arrived|answered|repaired|delivered)\b|still (?:no|not|nothing|waiting"
    r"|broken|missing|late)\b|another (?:\w+ )?(?:delay|excuse|cancellation|mess|no-show|mistake"
    r"|problem|party|last-minute)|[0-5] ?am\b|in the middle of the night|without (?:a |her |his"
    r" |their )?(?:coat|jacket|shoes|lunch|homework|medicine|bag)|never (?:\w+ )?(?:arrived"
    r"|came|showed))"
)
# Good news or warmth in the same sentence: "Every time you call, the kids light up."
WARMTH = (
    r"\b(?:thank|thanks|appreciate|appreciated|grateful|love|loves|happy|glad|enjoy|enjoys"
    r"|admire|patient|great with|amazing with|how you do it|know how to|well done|proud"
    r"|excited|light up|lights up|smile|smiles|welcome|kind|helpful|reliable|look forward"
    r"|looks forward)\b"
)

CUES: Final[tuple[Cue, ...]] = (
    # --- sarcasm --------------------------------------------------------------------------
    Cue("sarcasm", 0.8, r"(?:^|\s)/s\b", action="sentence"),
    Cue(
        "sarcasm",
        0.6,
        rf"{START}(?P<core>oh,? (?:great|wonderful|perfect|brilliant|lovely|fantastic|joy|nice"
        r"|sure|really|wow|good|marvellous|marvelous|splendid))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?P<core>(?:great|good|nice|brilliant|fantastic) (?:job|work|going|one)) (?=\w+ing\b"
        r"|again\b)",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.3,
        rf"{START}(?P<core>well done|bravo|congratulations|nice one){END}",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.7,
        r"\b(?:thanks|thank you) (?:so much |a lot )?for nothing\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?P<core>thanks a lot|thanks so much|thanks a bunch|thanks a million) for\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.7,
        r"\b(?P<core>(?:nice|kind|good|sweet|generous|decent|big) of you to (?:finally"
        r"|eventually|bother|even|actually))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?P<core>(?:really|so|how|very) (?:considerate|thoughtful|generous|mature) of you)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        rf"{START}(?P<core>sure,? whatever|whatever){END}|\byeah,? right\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bas if (?:you|they|he|she|management|the company|the union|anyone|your \w+)"
        r" (?:ever |even |actually |really )?(?:cared|care|listened|listen|knew|did|bothered"
        r"|read|noticed)\b",
        action="sentence",
    ),
    # Mock rewards: "You turned up this time. Want a medal?"
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:(?:do you )?want a (?:medal|gold star|trophy|round of applause|pat on the back"
        r"|biscuit|cookie)|should i (?:give you|throw you) a (?:medal|parade|party)|someone give"
        r" (?:this|that) (?:man|woman|person|one) a (?:medal|prize))\b",
        action="sentence",
    ),
    # Thanks for being harmed: "Cheers for dropping me in it with the client."
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:thanks|thank you|cheers|ta) (?:\w+ ){0,2}?for (?:dropping|dumping|landing|leaving"
        r"|hanging|throwing|selling|stabbing|making) (?:me|us) (?:in it|out to dry|under the bus"
        r"|with (?:the|all the|your)|in the (?:lurch|shit)|down the river|in the back|look"
        r" (?:stupid|bad|like))\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bwow,? you (?:actually |finally |even )?(?:remembered|managed|did|turned up|showed up"
        r"|came|replied|answered|bothered|called)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        r"\bwhat a (?:surprise|shock)\b|\bsurprise,? surprise\b|\bshocker\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\bcongratulations on (?:the bare minimum|doing the bare|remembering (?:your|you have"
        r"|that you))\b|\bwell done you\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:just )?like the (?:last|other) (?:\w+ )?times?\b|\bas usual\b|\bsame as always\b"
        r"|\blike every (?:other|single) time\b|\blike always\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        rf"{START}(?:oh,? )?(?P<core>{PRAISE})(?: \w+){{0,3}} ?[,.!:] (?=.{{0,100}}\b{LETDOWN})",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:real|how|very|so) classy\b|\breal (?:mature|professional|grown-up|smooth"
        r"|considerate|responsible|clever)\b",
        action="sentence",
    ),
    # Thanks for a nuisance: "Thanks SO much for the 2am drum solo".
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:thanks|thank you)(?: \w+){0,3} for the (?=.{0,60}\b(?:[0-6] ?am\b|at midnight"
        r"|in the middle of the night|on a sunday))(?=.{0,60}\b(?:party|music|noise|drum\w*|drill"
        r"\w*|hoover\w*|vacuum\w*|bang\w*|shout\w*|texts?|calls?|messages?|concert|karaoke|alarm"
        r"|bark\w*|fireworks|visit|building work|renovations?|mower|leaf blower)\b)",
        action="sentence",
    ),
    # Mock concern and minimisers: "two whole emails answered today. Slow down, you'll burn out."
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:slow down|careful|steady on|easy there|easy now|do not)[,.]? (?:or )?(?:you will"
        r"|you might|you could|do not)? ?(?:burn (?:yourself )?out|overdo it|strain (?:yourself|a"
        r" muscle)|pull a muscle|break a sweat|work yourself to death|wear yourself out)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:(?:two|three|four|five|six|ten) whole|a whole (?:one|two|three|five|ten)|all of"
        r" (?:two|three|five|ten)) \w+",
        action="sentence",
    ),
    # Praise of a virtue the message shows the reader lacks.
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:congrats|congratulations|well done|kudos|bravo|hats off) (?:on|for|to) (?:your"
        r" (?:sense of (?:responsibility|timing|direction|priorities)|punctuality|organi[sz]ation"
        r"|planning|timing|reliability|maturity)|bothering|deigning|gracing us)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:congrats|congratulations|well done|kudos|bravo) (?:on|for) (?:remembering|managing"
        r"|showing up|turning up|answering|replying)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.45, r"\b(?P<core>so-called)\b", action="strip"),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:colou?r me (?:surprised|shocked)|big surprise|real mature|slow clap|clap,? clap"
        r"|must be nice|sure you did|aren't you (?:a |so )?(?:helpful|clever|sweet|special))\b"
        r"|\bare not you (?:a |so )?(?:helpful|clever|sweet|special)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\b(?:if you say so|who would have thought|very mature|how (?:nice|kind|thoughtful) of "
        r"you|genius idea|brilliant idea|yeah,? sure|thanks for all your help)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:that is|it is) just (?:great|perfect|wonderful|fantastic|brilliant|lovely)\b"
        r"|\bjust what i (?:needed|wanted)\b|\bdo not (?:strain|hurt) yourself\b"
        r"|\bdo not rush on my account\b|\btake your (?:sweet )?time,? (?:why not|really|then)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.35, r"\bas always\b|\bgood for you\b", action="sentence"),
    # A dare: "Go ahead, cancel again."
    Cue(
        "sarcasm",
        0.4,
        r"(?:^|(?<=[.!?] ))go ahead,? (?:\w+ ){1,4}?again\b",
        action="sentence",
    ),
    # Irony markers: "No rush, it's only been three months.", "Lucky me.", "Of course you did."
    Cue(
        "sarcasm",
        0.55,
        r"\bno rush(?:,| then| at all)? (?=.{0,40}\bonly\b)",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?:it has|it is|it has been|it is been) only (?:been )?(?:\w+ )?(?:days|weeks|months"
        r"|years|an hour|a week|a month|a year)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.5,
        rf"{START}(?:lucky me|oh joy|joy of joys|of course you (?:did|do)|sure you (?:did|do)"
        rf"|big of you|very big of you){END}",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:i )?love (?:how|the way) you (?:always |never |just |conveniently )?\w+"
        r"|\bgood to know (?:you|that you) (?:care|bothered|remembered)\b|\bdo not mind me\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.4, "\U0001f643|\U0001f44f", action="sentence"),
    # Mock awards: "Mother of the year, everyone."
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:mother|father|mum|mom|dad|parent|husband|wife|partner|neighbou?r|landlord|tenant"
        r"|step-?(?:mum|mom|dad|mother|father|parent)|grand(?:ma|pa|mother|father)|uncle|aunt"
        r"|employee|manager|boss|colleague|customer service|service|team player|co-parent)"
        r" of the (?:year|month|decade|century)\b",
        action="sentence",
        unless=r"\b(?:thank|thanks|proud|congrat\w*|love|deserve|deserved|well done|vote|voted"
        r"|award|nominat\w*)\b",
    ),
    # "Funny how your phone only works when you want something."
    Cue(
        "sarcasm",
        0.5,
        rf"{START}(?:it is |is not it |oh,? )?(?:amazing|funny|interesting|strange|odd|curious"
        r"|incredible|remarkable|convenient|hilarious|wonderful|nice) (?:how|that) (?:you\b|your\b"
        r"|(?:the |this |that )?\w+ only\b|it (?:only|always|never)\b)",
        action="sentence",
        unless=r"\b(?:thank|thanks|love|proud|grateful|admire|well done|fast|quickly)\b",
    ),
    Cue("sarcasm", 0.5, rf"{START}(?:oh,? )?let me guess\b", action="sentence"),
    Cue("sarcasm", 0.8, r"\bsaid no(?: ?one| ?body)(?: ever)?\b", action="sentence"),
    Cue(
        "sarcasm",
        0.45,
        r"\bonly (?:\w+ ){1,2}(?:minutes|hours|days|weeks|months) (?:late|overdue|behind)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.55,
        r"\b(?:nice|kind|good|sweet|lovely|gracious|decent|big) of you to (?:join us|grace us"
        r"|show up|turn up|show your face|make an appearance|bother|finally)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\b(?:another|yet another|one more) (?:genius|brilliant|stellar|great|wonderful"
        r"|fantastic|inspired|masterful|clever) (?:decision|idea|move|plan|policy|email|memo"
        r"|suggestion|initiative)\b|\bgenius (?:decision|move|plan|policy)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\ba whole (?:half|quarter|third|\d[\d.,]*|single) ?\w*|\bwhopping (?:\d|half|one|two"
        r"|three)\w*",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:what an?|how|so|very|such an?) (?:generous|kind|thoughtful|considerate|gracious"
        r"|magnanimous) (?:offer|gesture|proposal|contribution|of you)\b",
        action="sentence",
        unless=r"\b(?:thank|thanks|grateful|appreciate|accept|we accept|i accept)\b",
    ),
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:should|shall) (?:i|we) (?:throw|give|hold|organi[sz]e|bake"
        r"|get) (?:you )?an? (?:party"
        r"|parade|medal|cake|ceremony|trophy|award|certificate)\b",
        action="sentence",
    ),
    Cue("sarcasm", 0.6, r"\byour so-called\b", action="sentence"),
    # Thanks for a harm: "Thanks for ignoring my calls", "cheers for wasting my Saturday".
    Cue(
        "sarcasm",
        0.6,
        r"\b(?:thanks|thank you|cheers|ta|many thanks)(?: \w+){0,2}? for (?:\w+ )?(?:ignoring"
        r"|forgetting|wasting|ruining|wrecking|breaking|losing|ditching|dumping|abandoning"
        r"|letting (?:me|us|them|her|him) down|standing (?:me|us|them|her|him) up|leaving (?:me|us"
        r"|them|her|him) (?:hanging|waiting|stranded|alone|in the dark)|making (?:me|us) wait"
        r"|nothing|the (?:last-minute|short) notice|the (?:lovely )?mess)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.35,
        r"\b(?:i am|i am so|i am really|colou?r me) (?:so )?impressed\b|\bhow (?:very )?(?:original"
        r"|brave|clever|mature|grown-up|professional)\b|\bwell,? (?:that is|that was) (?:just )?"
        r"(?:great|brilliant|wonderful|perfect|lovely|helpful)\b",
        action="sentence",
        unless=r"\b(?:thank|thanks|love|proud|grateful)\b",
    ),
    # Drawn-out praise reads as irony: "sooo helpful", "greeeat".
    Cue(
        "sarcasm",
        0.4,
        r"\b(?:so{3,}|gre{3,}at|gr8|rea{3,}lly|tha{3,}nks|wo{3,}w|su{3,}re|ni{3,}ce"
        r"|tha{3,}nk you)\b",
        action="sentence",
    ),
    Cue(
        "sarcasm",
        0.45,
        r"\bmust be (?:so |very |really )?(?:exhausting|tiring|hard work|draining) (?:all that"
        r"|being"
        r" you|doing nothing|sitting)\b|\ball that (?:sitting around|hard work of yours)\b",
        action="sentence",
    ),
    # Scare quotes the writer put around the reader's words: your "urgent" requests.
    Cue("sarcasm", 0.4, r'(?:^|[\s(])"(?P<core>[^"\s][^"]{0,28})"', action="keep"),
    Cue(
        "sarcasm",
        0.4,
        r"(?:^|(?<=[\s(]))'(?P<core>[^'\s][^'\"]{0,28}?)'(?=[\s.,;:!?)]|$)",
        action="keep",
    ),
    Cue("sarcasm", 0.35, rf"{START}(?:sure|right|yeah|ha|haha|lol)(?=[,.!] )"),
    # --- absolute language (rewritten, not dropped: see rewrite.py) -----------------------
    Cue(
        "absolute_language",
        0.55,
        r"\byou (?:have |are |were |will |would |just |also |still |can |could |do |did |should )?"
        r"(?P<core>always|never"
        r"|constantly|continually|forever|invariably)\b(?! (?:welcome|free to|know|mind"
        r"|been (?:so |very |really )?(?:good|great|kind|generous|helpful|patient|fair|reliable"
        r"|brilliant|wonderful|there)|the one who)\b)"
        r"(?![^.!?]{0,200}\bthank)",
        action="keep",
        unless=_EPISODE + "|" + WARMTH + "|" + _PRAISED,
    ),
    Cue(
        "absolute_language",
        0.55,
        r"\bevery (?:single )?time you\b",
        action="keep",
        unless=WARMTH,
    ),
    Cue(
        "absolute_language",
        0.55,
        r"\b(?:it is|that is) (?:always )?the same (?:old )?(?:story|thing|excuse|routine|nonsense"
        r"|rubbish|problem|song and dance) with you\b|\bsame old (?:story|excuse|you)\b"
        r"|\bwith you it is always\b",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        r"\bevery (?:single )?(?:weekend|week|time|day|month|visit|handover|shift|meeting|morning"
        r"|night|year)\b[^.!?]{0,40}\bwith you\b",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.45,
        r"\blike you (?:\w+ )?(?:do|ruin|screw up|mess up|spoil|forget|break|lose|wreck)"
        r" (?:with )?everything\b",
        action="keep",
    ),
    Cue(
        "absolute_language",
        0.5,
        rf"\byour (?:{WORD} ){{1,3}}?(?:is|are|were|was) (?P<core>always|never|constantly)\b",
        action="keep",
    ),
    # Only as a tag ("..., not once."): inside the verb phrase ("you've not once swept") the
    # words carry the negation and must stay.
    Cue(
        "absolute_language",
        0.3,
        r"(?P<core>,? ?\bnot (?:even )?once(?: in (?:\w+ ){1,3}?(?:years?|months?|weeks?|days?))?)"
        r"(?= ?[.!?;]|$)",
        action="strip",
    ),
    Cue(
        "absolute_language",
        0.55,
        r"\byou (?:have |had )?(?:not|never) (?:even )?once\b|\byou\b[^.!?]{0,60}\bevery"
        r" (?:single )?time(?= ?[,.;:!?]|$)",
        action="keep",
        unless=WARMTH,
    ),
    Cue("absolute_language", 0.35, r"\byou keep (?:on )?\w+ing\b", action="keep", unless=WARMTH),
    Cue(
        "absolute_language",
        0.5,
        r"\byou do not (?P<core>ever)\b|\bnothing you (?:do|say)\b|\byou (?:\w+ )?nothing but\b",
        action="keep",
    ),
    Cue("absolute_language", 0.5, r"\byou (?:\w+ ){0,2}all the time\b", action="keep"),
    # Every exchange with the reader goes one way: "Every single conversation with you turns
    # into a fight", "Every time I call, you lot make up a new excuse".
    Cue(
        "absolute_language",
        0.55,
        r"\bevery (?:single )?(?:conversation|discussion|talk|call|phone call|exchange|argument"
        r"|meeting|visit|holiday|birthday|decision|plan|promise|agreement|arrangement|handover)"
        r"\b[^.!?]{0,60}\bwith you\b",
        action="keep",
        unless=WARMTH,
    ),
    Cue(
        "absolute_language",
        0.4,
        r"\bevery (?:single )?(?:conversation|discussion|call|phone call|exchange|email|message"
        r"|text|meeting|decision|plan|promise|agreement|arrangement|handover|delivery|invoice"
        r"|repair)\b[^.!?]{0,60}\byou\b",
        action="keep",
        unless=WARMTH,
    ),
    Cue(
        "absolute_language",
        0.55,
        r"\bevery (?:single )?time (?:i|we) (?:\w+,? ){1,4}?you\b",
        action="keep",
        unless=WARMTH,
    ),
)
