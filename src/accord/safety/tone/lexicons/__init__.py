"""The shipped lexicons, one module per language and topic, assembled per language.

Each module holds data only: :class:`~accord.safety.tone.spec.Cue` entries over normalised text.
Keeping them as Python modules means packaging needs no data-file configuration.

>>> sorted(CUES)
['en', 'fr']
"""

from __future__ import annotations

import re
from typing import Final

from accord.safety.tone.lexicons import (
    en_abuse,
    en_belittling,
    en_contempt,
    en_intimidation,
    en_irony,
    en_menace,
    en_style,
    fr_abuse,
    fr_belittling,
    fr_contempt,
    fr_intimidation,
    fr_irony,
    fr_menace,
    fr_style,
)
from accord.safety.tone.spec import Cue, wordset

__all__ = ["COURTESY", "CUES", "FUNCTION_WORDS"]

CUES: Final[dict[str, tuple[Cue, ...]]] = {
    "en": (
        en_abuse.CUES
        + en_contempt.CUES
        + en_belittling.CUES
        + en_menace.CUES
        + en_intimidation.CUES
        + en_style.CUES
        + en_irony.CUES
    ),
    "fr": (
        fr_abuse.CUES
        + fr_contempt.CUES
        + fr_belittling.CUES
        + fr_menace.CUES
        + fr_intimidation.CUES
        + fr_style.CUES
        + fr_irony.CUES
    ),
}

#: Sincere warmth (thanks, praise, welcome) and courtesy (polite requests, I-statements, the
#: very forms the rewrite writes, a message that is only a greeting): with either, the
#: learned cue stays silent, so that only a phrase the lexicons name can flag such a message.
#: A bare greeting gives a bag of words and letters nothing to judge ("Hello everyone" was
#: flagged as contempt from the letters of "everyone" alone). Reassurance ("it'll be fine",
#: "tout va bien", "ça va bien se passer") is courtesy too: civil in two sets' dev parts and
#: never hostile there, and the model took "tu verras" in it for a menace.
COURTESY: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(
        en_style.WARMTH
        + r"|\b(?:please|could you|would you|can you|would it be possible|i would like|i would"
        r" prefer|i have noticed|i feel|i felt|i am asking|let us|shall we|if possible)\b"
        r"|\b(?:it|everything) (?:will|is going to) (?:be|go) (?:fine|ok|okay|well|alright"
        r"|all right)\b|\b(?:it|everything) will work out\b"
        r"|^(?:hello|hi|hey|good (?:morning|afternoon|evening))"
        r"(?: (?:everyone|everybody|all|all of you|both|you both|there|team|folks))?[ !.,]*$"
    ),
    "fr": re.compile(
        fr_style.WARMTH
        + r"|\b(?:si il te plait|si il vous plait|merci de|pourrais-tu|pourriez-vous|peux-tu"
        r"|pouvez-vous|je aimerais|je souhaite|je souhaiterais|je prefererais|je ai remarque"
        r"|je me sens|je me suis sentie?|est-ce que tu pourrais|est-ce que vous pourriez"
        r"|on pourrait|si possible)\b"
        r"|\b(?:ca va (?:bien )?se passer|tout (?:va|ira) bien|tout va bien aller)\b"
        r"|^(?:bonjour|bonsoir|salut|coucou|allo)"
        r"(?: (?:a tous|a toutes|tout le monde|a vous deux|vous deux))?[ !.,]*$"
    ),
}

#: Function words: personal and indefinite pronouns ("everyone", "all of you", "tout le
#: monde"), determiners, prepositions, conjunctions, auxiliaries and a few adverbs, in
#: normalised form. A message made only of these (and numbers) has no content word to judge:
#: "for everyone", "To everyone", "this is for all of you", "pour vous tous". The learned cue,
#: a bag of words and letters, took such a message for contempt from the letters of one
#: common word ("everyone", as in "everyone knows you..."), so it stays silent on it; only a
#: phrase the lexicons name can flag it. No message of the development data is made of
#: function words alone. Words that can carry a judgement alone ("nothing", "nobody",
#: "rien", "personne") are not listed.
FUNCTION_WORDS: Final[dict[str, frozenset[str]]] = {
    "en": wordset(
        """
        a an the this that these those it its i me my mine myself we us our ours ourselves you
        your yours yourself yourselves he him his she her hers they them their theirs one ones
        everyone everybody anyone anybody someone somebody everything anything something all
        both each every either neither any some none many much more most few several other
        others another such of for to at in on by with from into onto about as than then so
        and or but nor if is am are was were be been being do does did have has had will would
        shall should can could may might must here there where when who whom whose which what
        how why not no yes only just also too very up down out over off
        """
    ),
    "fr": wordset(
        """
        le la les l un une des du de d a au aux ce cet cette ces ca cela ceci il elle ils elles
        on nous vous tu te toi moi me je se lui leur leurs mon ma mes ton ta tes son sa ses
        notre nos votre vos tout tous toute toutes monde chacun chacune quelqu quelque quelques
        autre autres meme memes pour par avec sans sur sous dans en entre vers chez et ou mais
        ni donc or car si est es suis sont etre ete etait ai as avons avez ont avoir ici qui que
        quoi dont quand comment pourquoi ne pas plus non oui seulement aussi tres y
        """
    ),
}
