"""English threats (veiled menace is in :mod:`.en_intimidation`).

A calm lawful next step ("I will file with the small claims court", "I will call the police if
you park there again") is firm, not a threat: the lexicon names harms, not consequences, and
an ultimatum only counts when its consequence is not one of :data:`LAWFUL`.

>>> sorted({cue.reason for cue in CUES})
['threat']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, Cue, words

__all__ = ["CUES", "LAWFUL"]

#: Institutions and procedures: an ultimatum that ends in one of these is a firm, civil next
#: step, not a threat.
LAWFUL: Final = words(
    r"""
    court courts tribunal judge lawyers? solicitors? attorneys? legal mediators? mediation
    arbitrators? arbitration police council ombudsman regulator authorities hr union grievance
    complaints? claims? reports? report_it file filing hearing agency inspectors? inspection
    consumer bailiffs? proceedings notice escalate landlord management manager supervisor insurer
    insurance bank chargeback dispute contract lease law board committee strike vote action mediator
    """
)

_NEG_FREE = r"(?![^.!?;]{0,200}\b" + LAWFUL + r"\b)"


CUES: Final[tuple[Cue, ...]] = (
    # --- threat ---------------------------------------------------------------------------
    Cue(
        "threat",
        0.85,
        # The core takes the connector too: "send it by Friday or you'll regret it" keeps
        # its request once the threat is cut out.
        r"(?P<core>(?:\b(?:or|or else|otherwise|and) )?\byou will (?:really |so |definitely "
        r"|certainly |truly )?(?:regret (?:it|this|that|the day|ever)|be (?:so |really |very "
        r"|truly |deeply )?sorry|pay for (?:this"
        r"|that|it|what)|pay dearly)\b[^.!?;,]{0,200})",
        guarded=True,
        action="strip",
    ),
    Cue("threat", 0.8, rf"\byou will (?P<core>pay){END}", guarded=True),
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) will (?:[^.!?;]{0,80} and )?(?:make sure|make certain|see to it|ensure)"
        r" (?:that )?(?P<core>you "
        r"(?:never|do not|will not|will never|can not|lose|get nothing|regret|are|never))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?P<core>make your life (?:a )?(?:living )?(?:hell|misery|miserable|difficult"
        r"|impossible|nightmare|a nightmare))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:i|we) will (?P<core>tell (?:everyone|everybody|the whole \w+|all your \w+))\b",
        guarded=True,
    ),
    Cue("threat", 0.5, r"\bwhat you (?:really|truly) are\b"),
    Cue(
        "threat",
        0.8,
        r"\byou will (?:never )?live to regret\b|\bi will make you pay\b|\byou will get yours\b"
        r"|\byour days are numbered\b|\bi will get even\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\byou will never see (?:the (?:kids|children)|them|your (?:kids|children|son|daughter)"
        r"|a (?:penny|cent|dime)|your money)(?: \w+)? again\b",
    ),
    Cue(
        "threat",
        0.6,
        rf"\bthis (?:is not|is far from) over{END}|\byou will not get away with (?:this|it)\b"
        r"|\byou will pay for\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\bit would be a (?:shame|pity) if (?:something|anything) (?:happened|were to happen)\b",
    ),
    Cue(
        "threat",
        0.55,
        r"\b(?:i|we) will (?:make sure|see to it) (?:that )?(?:everyone|everybody|the whole \w+"
        r"|all your \w+)(?: \w+){0,3}? (?:knows|hears|finds out|learns|sees)\b",
    ),
    Cue(
        "threat",
        0.6,
        r"(?P<core>\bor (?:i|we) (?:am|are) coming (?:down|over|round|there|to your)\b"
        r"[^.!?;]{0,200})",
        action="strip",
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:i|we|they) will (?:\S+ )?(?P<core>(?:hurt|kill|destroy|ruin|crush|bury|smash"
        r"|beat|punch|hunt|slap|strangle|batter) you)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.75,
        rf"\b(?:i|we) will (?P<core>(?:get|end|finish) you{END}|teach you a lesson)",
        guarded=True,
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?:i|we) will (?P<core>(?:ruin|destroy|end|wreck|burn) your (?:life|career"
        r"|reputation|business|car|house|name))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.65,
        r"\b(?P<core>(?:will|would) not be (?:coming|going|getting|making it) (?:home|back))\b"
        r"|\b(?:will|would) not make it (?:home|back)\b",
    ),
    Cue("threat", 0.5, r"\b(?:make|cause|create) a scene\b"),
    Cue("threat", 0.4, r"\byou will (?:never )?(?:not )?forget\b(?! to)"),
    Cue(
        "threat",
        0.8,
        r"\b(?:slash|slashed|key|keyed|smash|smashed|burn|burned|torch|puncture|punctured) your "
        r"(?:tyres|tires|car|windows?|house|fence|shop)\b|\bbreak your (?:legs?|neck|face|arms?"
        r"|windows?)\b|\bburn (?:it|your \w+) down\b",
    ),
    Cue("threat", 0.8, r"\b(?:i|we) will (?:\S+ ){0,2}?(?:find|come for|get even with) you\b"),
    Cue("threat", 0.7, r"\byou will (?:get|have) what is coming to you\b|\bcoming for you\b"),
    # An ultimatum with a consequence that is not a lawful step: "or I'll come round".
    Cue(
        "threat",
        0.4,
        rf"(?P<core>\b(?:or|otherwise|or else) (?:i|we) will {_NEG_FREE}[^.!?;]{{0,200}})",
        guarded=True,
        action="strip",
        unless=r"\?",
    ),
    Cue(
        "threat",
        0.6,
        r"(?P<core>\b(?:or|otherwise) (?:i|we) will (?:[^.!?;]{0,200} )?(?:myself|come (?:round"
        r"|over|down|and get)|show up|pay you a visit|be (?:round|over))\b[^.!?;]{0,200})",
        action="strip",
    ),
    # Harm announced through exposure: "I'll post your home address online", "I'll tell
    # your boss everything I know about you".
    Cue(
        "threat",
        0.8,
        r"\b(?:i|we) (?:will |am going to |are going to |can |could |would )?(?:\w+ )?"
        r"(?P<core>(?:post|publish|share|put|leak|spread|plaster|send|circulate) (?:\w+ ){0,2}?"
        r"your (?:home |private |personal |real |full |new )?(?:address|phone number|number"
        r"|photos|pictures|nudes|details|messages|texts|secrets|emails|medical records)"
        r"|(?:post|publish|share|put|leak|spread|plaster|send|circulate) (?:\w+ ){0,2}?"
        r"(?:photos|pictures|videos|texts|messages) of you)\b",
        guarded=True,
        unless=rf"\b{LAWFUL}\b|\bbailiffs?\b|\bas (?:required|agreed|ordered)\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?P<core>everything i know about you|who you really are|what you (?:really|truly) "
        r"did|the truth about you|what (?:kind|sort) of (?:\w+ ){0,2}you (?:really )?are)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.45,
        r"\b(?:i|we) will (?:\w+ )?(?:tell|inform|call|email|write to|message|contact|show)"
        r" (?:\w+ ){0,1}?(?:your|the whole|all your|everyone at your) (?:boss|employer|manager"
        r"|wife|husband|partner|family|parents|church|colleagues|friends|clients|customers"
        r"|mother|father|new \w+)\b(?! (?:that|about the|when|what time|where)\b)",
    ),
    # Taking the law into one's own hands against the reader's property or person:
    # "I'll cut the whole thing down myself", "I will burn everything you own".
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) will (?:\S+ ){0,2}?(?P<core>(?:cut|chop|knock|tear|pull|rip|burn|bulldoze)"
        r" (?:it|them|that|this|the (?:whole |damn |bloody )?\w+|your \w+|everything) "
        r"(?:down|out|up)|(?:smash|burn|torch|poison|slash|wreck|trash|key|destroy|flatten"
        r"|bulldoze|drown|shoot) (?:everything|all of it|your|the whole|every|that \w+ of yours)"
        r"|(?:smash|torch|poison|slash|trash|key|bulldoze) (?:it|them))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:you will|you might|you may|you could|you would) (?:\w+ ){0,5}?(?:flat|slashed"
        r"|punctured|let down) (?:tyres|tires)\b|\byour (?:tyres|tires) (?:\w+ ){0,2}?(?:slashed"
        r"|punctured|let down|flat)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\byou will (?:see|find out|learn) (?:what it costs|what that costs|the hard way"
        r"|what happens to people who)\b|\byou can kiss (?:your|the) \w+(?: \w+)? goodbye\b",
    ),
    Cue(
        "threat",
        0.6,
        r"\bgood luck (?:finding|getting|keeping) (?:another|a new|any|a) (?:job|work|tenant"
        r"|customer|client|contract)s?\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?P<core>never (?:work|be hired|get (?:a job|hired|work)|be employed)) (?:again )?(?:in"
        r"|for|at|anywhere)\b(?:[^.!?]{0,40}\bagain\b)?",
        guarded=True,
    ),
    # Bad outcomes promised to the reader: "you'll lose everything", "I'll get you sacked".
    Cue(
        "threat",
        0.6,
        r"\byou will (?:\w+ )?(?:lose (?:everything|it all|your kids|your children)|end up (?:with"
        r" nothing|on the street|in hospital|in a ditch)|be (?:out on the street|history|dead"
        r" meat)|be lucky to (?:keep|see|walk)|never work (?:again|in))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) will (?:\w+ )?(?P<core>(?:get|have) you (?:fired|sacked|deported"
        r"|blacklisted)|take (?:you for )?every (?:penny|cent|last penny)|bleed you dry|make you"
        r" (?:suffer|regret|beg|pay)|come after you|deal with you later|take everything (?:from"
        r"|off) you"
        r"|take the (?:kids|children) (?:from|off|away from) you)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.75,
        r"(?:^|(?<=[.!?;,] ))you are (?:so )?(?:dead|history|done for|toast|going down)"
        r"(?=\s*(?:[.!]|$))",
    ),
    # Retaliation for a lawful act: "one more complaint and you can forget your promotion".
    Cue(
        "threat",
        0.45,
        r"\byou can (?:forget|say goodbye to) (?:about )?(?:your|the|any) (?:\w+ )?(?:promotion"
        r"|job|bonus|career|raise|rise|contract|reference|shifts|overtime|kids|children|visits?"
        r"|access|deposit|holiday|future)\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\byou will (?:be in|have|get into) (?:big |serious |real |a lot of |so much )?(?:trouble"
        r"|problems)\b",
    ),
    # --- harm promised in other words --------------------------------------------------------
    Cue(
        "threat",
        0.7,
        r"\buntil you are (?:broke|bankrupt|ruined|penniless|on the street|homeless|begging"
        r"|finished|destroyed|in the gutter)\b|\b(?:drag|string) (?:this|it"
        r"|you) (?:out )?(?:through"
        r" the courts )?(?:until|till) you\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\byou will wish you (?:had (?:never|not)|were (?:never|not|dead)|never|did not|had"
        r" (?:listened|stayed away|kept (?:quiet|your mouth shut)))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.8,
        r"\byou (?:will|might|may|could) (?:\w+ ){0,2}?find (?:your|that) (?:\w+ ){0,2}?(?:tyres?"
        r"|tires?|car|windows?|windscreen|fence|door|shed|van|bike|garden|plants|paintwork)"
        r"(?: \w+){0,2} (?:flat|slashed|scratched|smashed|keyed|broken|damaged|gone|on fire|burnt"
        r"|dead|kicked in|in pieces)\b",
    ),
    Cue("threat", 0.65, r"\b(?:not|never|no)\b[^.!?]{0,50}\bin one piece\b"),
    Cue(
        "threat",
        0.7,
        r"\b(?:do not|never) (?:expect|count on) (?:it|him|her|them|(?:your|that"
        r"|the) \w+) (?:to come|coming"
        r"|to be coming|to make it) (?:home|back)\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\byou will (?:get|be getting) (?:a |an )?(?:slap|smack|punch|kicking|beating|hiding"
        r"|thump|black eye|visit from)\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\bif\b[^.!?]{0,80}\bagain\b[^.!?]{0,80}\bi will (?:deal with|sort out|take care of"
        r"|handle) (?:it|him|her|them|that|this)(?: out)? (?:myself|personally)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:i|we) will (?:\w+ )?(?:cut|turn|switch|shut) (?:off )?your (?:power|electricity"
        r"|water|gas|heating|internet|supply)(?: off)?\b",
        unless=r"\b(?:repairs?|maintenance|works?|engineer|plumber|electrician|notice|scheduled"
        r"|between|safety)\b",
    ),
    Cue(
        "threat",
        0.8,
        r"\b(?:i|we) will (?:\S+ )?(?P<core>(?:expose|humiliate|bankrupt|annihilate|break|finish"
        r"|end|sink|flatten|take down|bring down|make an example of|sort) you(?: out)?)\b"
        r"(?! (?:at|on|in|by|with|the|a|an|to|from|up|off)\b)",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:i|we) will (?:\w+ )?(?P<core>(?:take|keep) (?:the (?:kids|children)|everything|it"
        r" all|your (?:kids|children|house|home|car|money|pension)) (?:away )?(?:from|off) you)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"\byou are (?:so )?(?:finished|done|going down|in for it|going to get it|a dead \w+)\b"
        r"(?= ?[.!,]|$)|\byou will (?:get|be getting) what you deserve\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) will (?:\w+ )?(?:shut|quiet|silence) (?:it|him|her|them|that dog|you) up"
        r" (?:myself|for good|permanently|once and for all)\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\byou will not have (?:a roof over your head|a penny|a job|a home|a house|anything left"
        r"|a friend left)\b|\bwithout a roof over your head\b",
    ),
    Cue(
        "threat",
        0.65,
        r"\bthere will not be (?:a|an|any) (?:company|job|business|house|home|family|factory|plant"
        r"|site|money) (?:left )?(?:left )?(?:for you|to (?:work|come back|go back))\b",
    ),
    Cue(
        "threat",
        0.75,
        r"\bmake sure (?:that )?no (?:one|body|firm|company|employer|school|bank|landlord|agency)"
        r"(?: \w+){0,4} (?:ever )?(?:hires|employs|works with|talks to|rents to|trusts|believes)"
        r" you\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\bsee (?:how|what) your (?:\w+ ){0,2}?(?:looks|look|is left|are left)\b(?: like)?"
        r"(?=[^.!?]{0,40}\b(?:morning|tomorrow|tonight|night|then)\b)",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:goes|go|going|will go|ends up|end up|comes"
        r"|come) (?:straight )?through your (?:front )?"
        r"(?:window|windows|windscreen|windshield|letterbox)\b",
    ),
    # --- issue 8, eighth and ninth sets (classes read on their dev parts) -------------------
    # Taking a tool or force to the reader's things: "I'll take a chainsaw to the whole tree",
    # "I'm breaking the boiler room lock myself".
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) (?:will|am going to|are going to|am|are|would) (?!not |never )(?:\S+ ){0,2}?"
        r"(?:take|taking) (?:a|my|the|an) (?:chainsaw|axe|hatchet|sledgehammer|hammer"
        r"|crowbar|bat|baseball bat|saw|blowtorch|match|lighter|can of petrol) to\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:i|we) (?:will|am going to|are going to|am|are) (?!not |never )(?:\S+ ){0,2}?"
        r"(?:break|breaking|force|forcing|kick|kicking|smash|smashing|drill|drilling) (?:\S+ )"
        r"{0,3}?(?:lock|locks|padlock|door|doors|gate)\b[^.!?;]{0,60}\b(?:myself|ourselves|in)\b",
    ),
    # Exposure on every group or forum around: "your face and your van's reg on every local
    # group", "your home address and your kids' photos go up on every trades forum".
    Cue(
        "threat",
        0.75,
        r"\byour (?:\S+ ){0,1}?(?P<core>(?:face|address|photos?|pictures?|reg|number plate"
        r"|registration|kids|children)\b[^.!?;]{0,60}\b(?:on|up on|across|in) (?:every|all"
        r"(?: the)?|each) (?:\S+ ){0,2}?(?:groups?|forums?|pages?|sites?|platforms?))\b",
    ),
    # The children withheld as a price: "contest the will and you can forget seeing the kids".
    Cue(
        "threat",
        0.8,
        r"\byou can (?P<core>(?:forget|kiss goodbye to) (?:about )?(?:seeing|visiting|having"
        r"|contact with) (?:the (?:kids|children|boys|girls|grandchildren)|them|your (?:kids"
        r"|children|son|daughter|grandchildren)))\b",
    ),
    # Violence in idiom: "he'll be picking his teeth up off the driveway"; exposure to the
    # reader's next employers: "made known to their future employers".
    Cue(
        "threat",
        0.85,
        r"\b(?:picking|pick) (?:his|her|your|their) teeth (?:up )?(?:off|from)\b"
        r"|\b(?:it|this|that) (?:will not|would not) be an accident\b",
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:made known|passed on|reported|sent|shown|mentioned|forwarded) to (?:your|their"
        r"|his|her) (?:future|prospective|next) employers?\b",
    ),
    # Retaliation at work: "your name first on the restructuring list", "I'll have him walked
    # off site".
    Cue(
        "threat",
        0.7,
        r"\b(?:you|your (?:\S+ ){0,1}?name) (?:\S+ ){0,3}?(?P<core>(?:first |top |next )?on the"
        r" (?:restructuring|redundancy|layoff|lay-off|firing|cuts|hit) list)\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.7,
        r"\b(?:i|we) will (?P<core>(?:have|get) (?:you|him|her|them|your \S+) (?:walked off"
        r"|escorted off|thrown off|kicked off|fired|sacked|dismissed|struck off|blacklisted))\b",
        guarded=True,
    ),
)
