"""English threats and intimidation.

A calm lawful next step ("I will file with the small claims court", "I will call the police if
you park there again") is firm, not a threat: the lexicon names harms, not consequences, and
an ultimatum only counts when its consequence is not one of :data:`LAWFUL`.

>>> sorted({cue.reason for cue in CUES})
['intimidation', 'threat']
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import END, START, WORD, Cue, words

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
        r"|certainly |truly )?(?:regret (?:it|this|that|the day|ever)|be sorry|pay for (?:this"
        r"|that|it|what)|pay dearly)\b[^.!?;,]{0,200})",
        guarded=True,
        action="strip",
    ),
    Cue("threat", 0.8, rf"\byou will (?P<core>pay){END}", guarded=True),
    Cue(
        "threat",
        0.75,
        r"\b(?:i|we) will (?:make sure|make certain|see to it|ensure) (?:that )?(?P<core>you "
        r"(?:never|do not|will not|will never|can not|lose|get nothing|regret|are|never))\b",
        guarded=True,
    ),
    Cue(
        "threat",
        0.85,
        r"\b(?P<core>make your life (?:a )?(?:living )?(?:hell|misery|miserable|difficult"
        r"|impossible|a nightmare))\b",
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
    Cue("intimidation", 0.35, rf"\bmark my words\b|\bwe will see about that{END}"),
    Cue(
        "threat",
        0.55,
        r"\b(?:i|we) will (?:make sure|see to it) (?:that )?(?:everyone|everybody|the whole \w+"
        r"|all your \w+) (?:knows|hears|finds out)\b",
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
    Cue("threat", 0.65, r"\b(?P<core>(?:will|would) not be coming (?:home|back))\b"),
    Cue("threat", 0.45, r"\bmake a scene\b"),
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
        rf"(?P<core>\b(?:or|otherwise|or else) (?:i|we) will {_NEG_FREE}[^.!?;]{0, 200})",
        guarded=True,
        action="strip",
    ),
    Cue(
        "threat",
        0.6,
        r"(?P<core>\b(?:or|otherwise) (?:i|we) will (?:[^.!?;]{0,200} )?(?:myself|come (?:round"
        r"|over|down)|show up|pay you a visit|be (?:round|over))\b[^.!?;]{0,200})",
        action="strip",
    ),
    # --- intimidation ---------------------------------------------------------------------
    Cue("intimidation", 0.8, r"(?P<core>,? ?\bor else)\s*(?:\.\.\.|[.!?]|$)", action="strip"),
    Cue(
        "intimidation",
        0.85,
        rf"\bi know where you(?: and (?:{WORD} ){{1,4}}?)? (?:live|work|sleep|park|stay|go"
        r"|are staying|hang out|drop|take|study|shop|train)\b"
        r"|\bi know where (?:your|the) (?:\w+ ){1,2}(?:live|lives|go|goes|work|works|is|are|study"
        r"|play)\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\bi know (?:what time|when|which way|what route|how) you (?:leave|get|arrive|go|come"
        r"|finish|start|walk|drive|pick)\b|\bi know what (?:car|bus|train) you\b",
    ),
    Cue("intimidation", 0.7, r"\b(?:i am|i have been|we are) watching you\b"),
    Cue("intimidation", 0.75, r"\bwatch (?:yourself|your back|your step|out)\b(?! for)"),
    Cue(
        "intimidation",
        0.7,
        r"\b(?:watch|and see|or see|then see|wait and see|you will see) what happens\b"
        r"|\byou will find out\b",
    ),
    Cue(
        "intimidation",
        0.8,
        r"\blast time i am (?:asking|telling) (?:you )?nicely\b|\bi asked nicely\b",
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
    Cue("intimidation", 0.45, r"\bi am not (?:going to )?(?:tell|ask)(?:ing)? you again\b"),
    Cue("intimidation", 0.7, r"\b(?:do not|do) you (?:even )?dare\b"),
    Cue("intimidation", 0.55, r"\bi am warning you\b|\bthis is a warning\b"),
    Cue(
        "threat",
        0.65,
        r"\byou will (?:be in|have|get into) (?:big |serious |real |a lot of |so much )?(?:trouble"
        r"|problems)\b",
    ),
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
    Cue("intimidation", 0.35, r"\bi swear\b|\btrust me\b(?= ?[.!]|$)"),
    Cue("intimidation", 0.35, r"\bshow up at your (?:house|home|door|shop|work|office|place)\b"),
)
