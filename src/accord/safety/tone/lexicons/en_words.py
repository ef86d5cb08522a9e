"""English vocabulary shared by the English cues: pejorative traits, name-calling, roles.

Word lists, not patterns: the cue modules decide where a word counts (after "you are", as a
vocative, in "what a ..."). Name-calling is open-ended, so besides listed words the nouns
include the productive English compounds of abuse ("bonehead", "halfwit", "sleazebag",
"bootlicker", "backstabber"), built from a head and the small set of first parts it combines
with, rather than from every compound ever seen.

>>> import re
>>> bool(re.fullmatch(INSULT_NOUN, "knuckleheads")), bool(re.fullmatch(INSULT_NOUN, "forehead"))
(True, False)
"""

from __future__ import annotations

from typing import Final

from accord.safety.tone.spec import alt, words

__all__ = ["BAD", "INSULT_ADJ", "INSULT_NOUN", "ROLE", "TARGETED_NOUN", "TRAIT_NOUN", "WORK"]

#: Pejorative traits: said of the reader ("you are so selfish", "you lazy ...") they insult.
INSULT_ADJ: Final = words(
    r"""
    stupid dumb idiotic moronic brainless useless incompetent lazy clueless worthless hopeless
    ignorant arrogant selfish spineless gutless deranged delusional crazy insane nuts psycho
    dishonest two-faced spiteful vindictive manipulative thick dense senile unhinged irresponsible
    negligent heartless inept cowardly greedy laziest stupidest dumbest rudest meanest sneakiest
    greediest nastiest worst immature childish petty spoiled spoilt entitled rude unprofessional
    insufferable unbearable pathetic brain-dead untrustworthy shameless disgraceful
    hysterical unstable toxic evil vile incapable nosy nosey backstabbing sleazy slimy
    amateurish inconsiderate obnoxious pig-headed bone-idle feckless shiftless gormless witless
    mindless neglectful abusive deceitful lying crooked corrupt dimwitted sneaky shady dodgy
    money-grabbing money-grubbing stingy tight-fisted mean-spirited small-minded narrow-minded
    bigoted creepy pervy psychotic deluded unreliable disloyal treacherous hypocritical
    sanctimonious smug condescending patronising patronizing pompous self-righteous
    self-centred self-centered self-absorbed egotistical narcissistic bossy pushy sloppy
    reckless unfit pitiful spiteful nasty vicious cruel callous shifty devious conniving
    scheming grasping miserly useless good-for-nothing lazier dumber stupider feral thieving
    gormless brainless thick-headed dozy dopey daft half-witted simple-minded weak-minded
    pea-brained bird-brained two-timing cheating scummy grubby grabby pathological paranoid
    """
)

_HEADS = alt(
    r"(?:bone|meat|air|shit|dick|knuckle|pin|block|dumb|butt|fat|pot|numb|dunder|mutton|dope"
    r"|thick|bubble|jar)heads?",
    r"(?:half|dim|nit|twit|fuck)wits?",
    r"(?:scum|sleaze|douche|dirt|slime|rat|gas|wind|fleabag|hag)bags?",
    r"(?:bird|pea|lame|shit|fuck)brains?",
    r"(?:shit|butt|fuck|ass|arse|dick|poo)[- ]?faces?",
    r"(?:boot|arse|ass|butt|bum)[- ]?lick(?:er|ers)",
    r"brown[- ]?nos(?:er|ers)",
    r"(?:blood|cock|dick)[- ]?suck(?:er|ers)",
    r"suck[- ]?ups?",
    r"kiss[- ]?(?:ass|arse)(?:es)?",
    r"yes[- ]?m[ae]n",
    r"back[- ]?stabbers?",
    r"(?:money|gold)[- ]?(?:grabb|grubb|digg)ers?",
    r"(?:skin[- ]?flint|cheap[- ]?skate)s?",
    r"(?:shit|dick|arse|ass|fuck)[- ]?(?:stain|wad|weasel|hat|hole|nugget)s?",
)

#: Unambiguous name-calling: these insult whoever they are said of, so they count anywhere
#: (unless negated, reported or said of oneself), not only after "you".
INSULT_NOUN: Final = alt(
    words(
        r"""
    idiots? morons? imbeciles? cretins? jerks? assholes? arseholes? bastards? losers? liars?
    freeloaders? brats? scumbags? hypocrites? bitch(?:es)? dickheads? pricks? twats? douchebags?
    dimwits? halfwits? dumbass(?:es)? jackass(?:es)? numbskulls? buffoons? scammers? swindlers?
    lowlifes? retards? sluts? whores? deadbeats? good-for-nothings? nutcases? psychos? lunatics?
    con_artists? crooks? leeches parasites? slobs? weasels? nutjobs? psychopaths? muppets?
    plonkers? tossers? wankers? pillocks? prats? gits? scum vermin dunces? simpletons?
    gold_diggers? cheapskates? slumlords? pieces?_of_(?:work|shit|garbage|trash) busybod(?:y|ies)
    conm[ae]n con_m[ae]n fraudsters? bloodsuckers? scroungers? spongers? moochers? layabouts?
    skivers? shirkers? slackers? wasters? phon(?:e?y|ies) narcissists? harp(?:y|ies) shrews?
    snitch(?:es)? thugs? louts? yobs? hooligans? lapdogs? stooges? bootlickers? scabs? nitwits?
    twits? dipsticks? oafs? dolts? cowbags? sods? wimps? ingrates? hags? twerps? nincompoops?
    bozos? dorks? weirdos? perverts? pervs? sleazeballs? slimeballs? has-beens? wannabes? sissies
    wusses whingers? know-it-alls? smart-?arses? smartass(?:es)? bigmouths? loudmouths?
    blabbermouths? nosy_parkers? nutters? headcases? basket_cases? traitors? sellouts? lackeys?
    flunkeys? battleaxes? rip-?off_merchants? scam_artists? chancers? grifters? charlatans?
    cowboy_builders? shysters? sleazebags? cretins? clowns_in_suits old_bags? old_cows? old_goats?
    windbags? jobsworths? pen-pushers? bean-counters? deadbeat_dads? deadbeat_mums?
    """
    ),
    _HEADS,
)

#: Nouns that are only insults when aimed at the reader ("you clown", not "we hired a clown").
TARGETED_NOUN: Final = words(
    r"""
    clowns? fools? pigs? snakes? cowards? creeps? frauds? thie(?:f|ves) cheats? cheaters? monsters?
    joke failure disgrace amateurs? nobody bully bullies drama_queen control_freak
    narcissists? sociopaths? crybaby snowflake trash garbage cowboys? sharks? bum lumps? cows?
    rats? vultures? sheep puppets? bullies vipers? witch(?:es)? nags? snobs? dinosaurs?
    embarrassment liability waste_of_space nightmare freaks? chickens? animals? swine worms?
    toads? hyenas? moaners? whiners? maniacs? suckers? pushovers? filth savages? brutes? disgraces?
    lost_cause doormats? tyrants? dictators? cockroaches? rodents? goons? crybabies robots
    zombies
    """
)

#: Roles a person holds in these disputes: "you useless *father*", "terrible *landlord*".
ROLE: Final = words(
    r"""
    father mother dad mum mom parents? husband wife partner ex neighbou?rs? boss manager colleague
    co-?worker employer person human_being human man woman negotiator landlord tenant lawyer friend
    teacher worker employee leader representative rep company business team owner builder
    plumber contractor tradesman technician mechanic seller buyer customer service firm outfit
    union management supervisor union_rep steward dads mums moms fathers mothers landlords
    excuse_for_an?(?:_\S+)?
    """
)

#: Adjectives that make a role an insult: "a *terrible* mother", "the *worst* landlord".
BAD: Final = words(
    r"""
    terrible horrible useless awful lousy bad rotten deadbeat shitty crappy worthless pathetic sorry
    poor joke_of_an? disgrace_of_an? failure_of_an? worst pitiful miserable hopeless incompetent
    negligent lazy selfish disgraceful dreadful appalling
    """
)

#: Faults named as nouns: "your *incompetence*", "such *arrogance*".
TRAIT_NOUN: Final = words(
    r"""
    incompetence stupidity arrogance laziness ignorance dishonesty hypocrisy pettiness cowardice
    selfishness greed spinelessness idiocy sloppiness negligence
    """
)

#: What the reader produced or runs, judged by a superlative: "the worst *service* I have had".
WORK: Final = words(
    r"""
    presentation report service plan parenting offer proposal excuse job work effort attempt
    performance decision idea email letter draft repair workmanship customer_service management
    organisation organization communication negotiating negotiation answer reply explanation
    apology company business outfit operation team behaviou?r attitude
    """
)
