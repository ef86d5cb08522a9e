"""BIFF-style rewrites: Brief, Informative, Friendly, Firm (Bill Eddy).

The rewrite works on the writer's own words. Clauses that carry an insult, a threat, menace,
contempt, blame or mock praise are dropped; swear words and verbal tics ("for once") are cut
out; "you always/never" becomes "I have noticed…" / "I would like you to…"; capitals become
sentence case and "!!!" a full stop; bare commands get a "please". What is left is the factual
request. When nothing factual survives, a short neutral sentence inviting a next step is
offered instead.

>>> from accord.safety.tone.cues import find_hits
>>> from accord.safety.tone.normalise import normalise
>>> text = "Bring them back by SIX or else."
>>> rewrite(text, find_hits(normalise(text, "en"), "en"), "en")
'Please bring them back by six.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from accord.safety.tone.capitals import is_shouted
from accord.safety.tone.cues import Hit
from accord.safety.tone.spec import wordset

__all__ = ["SENTENCE", "fallback", "rewrite"]

#: One sentence with its closing punctuation and the blanks after it.
SENTENCE: Final = re.compile(r"[^.!?…\n]+(?:[.!?…]+|\n|$)[ \t]*|[.!?…\n]+[ \t]*")
# A clause ends at a comma, semicolon, colon or dash, or just before a conjunction that starts
# a new one: "Stop being such a drama queen | and just sign the form", "Refund me today | or
# I'll post your address". Dropping the hostile clause then leaves the request.
_CLAUSE: Final = re.compile(
    r"(?:[^,;:—\s]|\s(?!(?:and|or|but|otherwise|et|ou|mais|sinon)\s))+"
    r"(?:[,;:—]+\s*|\s*$|(?=\s(?:and|or|but|otherwise|et|ou|mais|sinon)\s))"
    r"|[\s,;:—]+"
)
_WORD: Final = re.compile(r"[^\W\d_]+")
_DANGLING: Final = re.compile(r"^\s*(?:if|unless|when|until|si|quand|lorsque|tant que)\b", re.I)
_LEADING_JUNK: Final = re.compile(
    r"^[\s,;:—.…-]*(?:(?:and|but|so|or|then|et|mais|alors|donc|ou|puis)\b[\s,]*)?(?:just\s+)?",
    re.I,
)
_FUNCTION_WORDS: Final = wordset(
    """
    you your every each it this that the he she they we there my our his her their its tu vous t j
    ta ton tes votre vos chaque a à il elle ils elles on nous mon ma mes notre nos son sa ses leur
    leurs les le la
    """
)

#: English verbs that start a bare command; the rewrite puts "Please" in front of them.
_IMPERATIVES_EN: Final = wordset(
    """
    answer bring call cancel check clean come confirm cut do drop fix get give keep leave let
    move park pay pick put remove reply respond return send sign stop take tell trim turn hand
    refund repair replace forward share tidy book arrange collect transfer update redo
    """
)
#: French commands in the "tu" form (the "vous" form is recognised by its -ez ending).
_IMPERATIVES_FR: Final = wordset(
    """
    arrête ramène baisse envoie réponds rends paie paye rembourse rappelle viens laisse appelle
    gare enlève nettoie taille signe confirme donne mets range respecte préviens dis fais prends
    """
)

_FALLBACK: Final = {
    "en": (
        "I would like us to keep this exchange calm and focused on the practical issue. "
        "Could you let me know how you would like to proceed?"
    ),
    "fr-tu": (
        "J'aimerais que nous gardions un échange calme et centré sur la question pratique. "
        "Peux-tu me dire comment tu souhaites avancer ?"
    ),
    "fr-vous": (
        "J'aimerais que nous gardions un échange calme et centré sur la question pratique. "
        "Pouvez-vous me dire comment vous souhaitez avancer ?"
    ),
}


def _uses_vous(text: str) -> bool:
    words: list[str] = [w.casefold() for w in _WORD.findall(text)]
    vous = sum(w in {"vous", "votre", "vos"} or w.endswith("ez") for w in words)
    tu = sum(w in {"tu", "te", "toi", "ton", "ta", "tes", "t"} for w in words)
    return vous > tu


def fallback(text: str, lang: str) -> str:
    """The neutral invitation used when no factual content survives the rewrite.

    >>> fallback("Allez vous faire voir.", "fr").endswith("Pouvez-vous me dire comment vous "
    ...                                                   "souhaitez avancer ?")
    True
    """
    if lang == "en":
        return _FALLBACK["en"]
    return _FALLBACK["fr-vous" if _uses_vous(text) else "fr-tu"]


def _overlaps(hit: Hit, start: int, end: int) -> bool:
    return hit.start < end and hit.end > start


def _shares_words(hit: Hit, start: int, end: int, text: str) -> bool:
    # A cue may begin on the comma that closes the previous clause (", think about it"):
    # only overlapping words, not punctuation, tie it to a clause.
    return any(char.isalnum() for char in text[max(hit.start, start) : min(hit.end, end)])


def _cut(text: str, offset: int, hits: Sequence[Hit]) -> str:
    """Apply the "strip" hits that fall in ``text`` (which starts at ``offset``)."""
    spans = sorted(
        (max(h.start - offset, 0), min(h.end - offset, len(text)), h.replacement)
        for h in hits
        if h.action == "strip" and _overlaps(h, offset, offset + len(text))
    )
    out: list[str] = []
    position = 0
    for start, end, replacement in spans:
        if start < position:
            continue
        out.append(text[position:start])
        out.append(replacement)
        position = end
    out.append(text[position:])
    return "".join(out)


def _unquote(text: str, offset: int, hits: Sequence[Hit]) -> str:
    """Remove scare quotes around the words a sarcasm cue found ('your "urgent" requests')."""
    chars = list(text)
    for hit in hits:
        if hit.reason != "sarcasm" or hit.action != "keep":
            continue
        before, after = hit.start - offset - 1, hit.end - offset
        for index in (before, before - 1, after, after + 1):
            if 0 <= index < len(chars) and chars[index] in '"«»“”„':
                chars[index] = ""
    return "".join(chars)


def _soften_en(sentence: str) -> str:
    sentence = re.sub(r",?\s*(?:just )?like you always do\b", "", sentence, flags=re.I)
    sentence = re.sub(
        r",\s*(?:do|did|are|have|will|would|can|is)(?: not|n't)? you\s*\?\s*$",
        ".",
        sentence,
        flags=re.I,
    )
    want = re.match(r"^\s*you never (?:ever )?(\w+)\b", sentence, flags=re.I)
    auxiliaries = {"have", "had", "been", "was", "were", "once", "do", "did", "will"}
    if want and not want.group(1).endswith("ed") and want.group(1).casefold() not in auxiliaries:
        return "I would like you to " + sentence[want.start(1) :]
    replacements = (
        (r"\b(you)(?:'ve| have) never (?:once |ever )?", r"\1 have not "),
        (r"\b(you)(?:'ve| have)? not (?:even )?once\b", r"\1 have not"),
        (r"\bevery (?:single )?time you\b", "sometimes when you"),
        (r"\b(?:always|constantly|continually|invariably|forever)\b|\ball the time\b", "often"),
        (r"\bnever\b", "rarely"),
    )
    softened = sentence
    for pattern, replacement in replacements:
        softened = re.sub(pattern, replacement, softened, flags=re.I)
    if softened == sentence:
        # Only a tag such as "like you always do" was there: cutting it was the softening.
        return sentence
    if not re.match(r"\s*(?:you|your)\b", softened, flags=re.I):
        # "I have noticed that" only reads well before a sentence about the reader.
        return softened
    return "I have noticed that " + _lower_first(softened)


def _soften_fr(sentence: str) -> str:
    original = sentence
    sentence = re.sub(r"\bplus jamais\b|\bjamais plus\b", "plus", sentence, flags=re.I)
    if re.search(r"\bn(?:e\s|')", sentence, flags=re.I):
        sentence = re.sub(r"\bjamais\b", "pas", sentence, flags=re.I)
    else:
        sentence = re.sub(r"\bjamais\b", "rarement", sentence, flags=re.I)
    sentence = re.sub(r"\b(?:à |a )?chaque fois que\b", "parfois quand", sentence, flags=re.I)
    sentence = re.sub(
        r"\btoujours\b(?! pas\b)|\btout le temps\b|\bsans arrêt\b|\bsans cesse\b|\bconstamment\b"
        r"|\bsystématiquement\b",
        "souvent",
        sentence,
        flags=re.I,
    )
    if sentence == original:
        return sentence
    if not re.match(r"\s*(?:tu|vous|t'|ton|ta|tes|votre|vos)\b", sentence, flags=re.I):
        return sentence
    # A tag question ("..., hein ?") loses its question mark with the tag.
    rest = re.sub(r"[\s,]*(?:hein|non|pas vrai)?\s*\?$", ".", _lower_first(sentence), flags=re.I)
    joiner = "qu'" if re.match(r"[aeiouyéèêh]", rest, flags=re.I) and rest[:2] != "hu" else "que "
    return "J'ai remarqué " + joiner + rest


def _lower_first(sentence: str) -> str:
    sentence = sentence.lstrip()
    first = _WORD.match(sentence)
    if first and first.group(0).casefold() in _FUNCTION_WORDS:
        return sentence[0].lower() + sentence[1:]
    return sentence


def _calm_case(sentence: str, lang: str) -> str:
    words = [w for w in _WORD.findall(sentence) if len(w) >= 2]
    shouted = sum(is_shouted(w) for w in words)
    if not shouted:
        return sentence
    if shouted * 2 >= len(words):
        # A shouted sentence: lower everything (single letters such as the M of "M'APPELER"
        # too), keeping acronyms; sentence case is restored by _tidy.
        sentence = _WORD.sub(
            lambda m: m.group(0) if _is_acronym(m.group(0), lang) else m.group(0).lower(),
            sentence,
        )
    else:
        sentence = _WORD.sub(
            lambda m: m.group(0).lower() if is_shouted(m.group(0)) else m.group(0), sentence
        )
    return re.sub(r"\bi\b", "I", sentence) if lang == "en" else sentence


# Acronyms that are also everyday words of the language: "IL Y A UN MOIS" has an article.
_WORDS_NOT_ACRONYMS: Final = {"en": frozenset({"US"}), "fr": frozenset({"UN", "UE", "ET"})}


def _is_acronym(word: str, lang: str) -> bool:
    return (
        len(word) >= 2
        and word.isupper()
        and not is_shouted(word)
        and word not in _WORDS_NOT_ACRONYMS.get(lang, frozenset())
    )


def _politely(sentence: str, lang: str, vous: bool) -> str:
    body = sentence.rstrip()
    first = _WORD.match(body)
    if body.endswith("?") or first is None:
        return sentence
    word = first.group(0).casefold()
    if lang == "en":
        return "Please " + body[0].lower() + body[1:] if word in _IMPERATIVES_EN else sentence
    hyphenated = re.match(r"^\w+-(?:moi|les|la|le|lui|nous|leur|toi|y|en)\b", body, flags=re.I)
    vous_form = word.endswith("ez") and word not in {"chez", "assez", "nez"}
    if not (hyphenated or vous_form or word in _IMPERATIVES_FR):
        return sentence
    please = "s'il vous plaît" if vous or vous_form else "s'il te plaît"
    return body.rstrip(".!… ") + ", " + please + "."


# Sentences that only press, dare or taunt once the attack around them is gone: "Your call.",
# "I mean it.", "C'est clair ?", "Go ahead, skip the meeting."
_TAUNT_ONLY: Final = re.compile(
    r"^\W*(?:your call|your choice|up to you|you decide|i mean it|i['\u2019]m serious|i am serious"
    r"|is that clear|am i clear|understood|got it|look at you|think about it|go ahead\b.*"
    r"|go on(?: then)?|come on then|interesting(?: \w+)?|noted|just saying|intéressant\w*"
    r"|c['\u2019]est clair|est-ce clair|compris|c['\u2019]est compris|je suis s[ée]rieu(?:x|se)"
    r"|[àa] (?:toi|vous) de voir|c['\u2019]est (?:toi qui vois|vous qui voyez)|ton choix"
    r"|vas-y\b.*|allez-y\b.*)\W*$",
    re.I,
)
# After irony, a sentence of bare praise or thanks is part of it: "Good job.", "Merci bien."
_PRAISE_ONLY: Final = re.compile(
    r"^\W*(?:good|great|nice|well) (?:job|work|done|one)\W*$|^\W*(?:thanks|thank you|cheers|merci"
    r"|bravo|bien jou[ée]|chapeau|félicitations|felicitations|super|génial|genial|perfect"
    r"|parfait|brilliant|lovely)(?: (?:bien|beaucoup|so much|a lot|again|encore))?\W*$",
    re.I,
)

# "NOW." on its own adds pressure and no information.
_URGENCY_ONLY: Final = re.compile(
    r"^\W*(?:now|right now|immediately|asap|today|tout de suite|maintenant|immédiatement"
    r"|immediatement|aujourd'hui|aujourd\u2019hui)\W*$",
    re.I,
)

# Left hanging once a swear word or sneer is cut: "This is total [bullshit]."
_HANGING_END: Final = re.compile(
    r"\b(?:a|an|the|total|complete|absolute|utter|such|pure|is|are|was|were|of|so|really|de|du"
    r"|la|le|les|un|une|est|des|vraiment|tellement|trop|ce|cette|es|êtes|t'es|tu)\W*$",
    re.I,
)


_QUESTION: Final = re.compile(
    r"\s*(?:why|what|where|when|how|who|which|can|could|would|will|do|does|did|is|are|have|has"
    r"|pourquoi|où|quand|comment|qui|quel|quelle|est-ce)\b",
    re.I,
)


def _tidy(sentence: str, lang: str) -> str:
    sentence = re.sub(r"\s*/s\b", "", sentence)
    sentence = re.sub(r"[!?]*\?[!?]*", "?", sentence)
    sentence = re.sub(r"\s*!+", ".", sentence)
    sentence = re.sub(r"\.{2,}|…", ".", sentence)
    sentence = re.sub(r"\s{2,}", " ", sentence)
    sentence = re.sub(r"\s+([,.])", r"\1", sentence)
    if lang == "en":
        sentence = re.sub(r"\b(a)(\s+)(?=[aeiou]\w)", r"\1n\2", sentence)
    # French typography keeps the space before "?", English has none.
    before_end = r"[,;:—]+\s*([.?])$" if lang == "fr" else r"[,;:—\s]+([.?])$"
    sentence = re.sub(before_end, r"\1", sentence.strip())
    sentence = re.sub(r"[,;:—]+$", ".", sentence)
    if sentence and sentence[-1] not in ".?":
        # The writer left the sentence open ("WHY DO I HAVE TO ASK AGAIN"): a question
        # keeps its question mark.
        sentence += "?" if _QUESTION.match(sentence) else "."
    return sentence[:1].upper() + sentence[1:]


# Words that carry no request on their own: a sentence of nothing else ("Très bien.", "Fine
# then.", "C'est assez.") is what is left of an attack, not a message.
_FILLERS: Final = wordset(
    """
    ok okay fine well right so then alright very good sure yes no yeah plain simple enough that
    is it this all just now très tres bien alors bon accord voilà voila oui non tant pis enfin
    bref est assez ça ca un peu
    """
)


def _substantial(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if len(w) >= 2]
    return len(words) >= 2 and any(w.casefold() not in _FILLERS for w in words)


# A clause that goes on "and ..." after a request, or offers "or ..." after an attack, belongs
# to it: "Do that again | and you'll be sorry", "Are you deaf | or do you just enjoy ...".
_CONSEQUENCE: Final = re.compile(
    r"(?:and|et|c['\u2019]est|ce sont|that['\u2019]s|that is|it['\u2019]s|it is|he['\u2019]s"
    r"|he is|she['\u2019]s|she is|they['\u2019]re|they are)\b",
    re.I,
)
# Clauses that only continue the attack before them: an alternative ("or do you just..."), a
# consequence ("so be careful"), or what the attack was about ("ce que tu as dit à ma sœur",
# "cheating an old man", "voler une vieille dame").
_DEPENDENT: Final = re.compile(
    r"(?:or|ou|so|alors|donc|then|du coup|ce que|ce qui|what|which|qui|que)\b"
    r"|(?!(?:everything|nothing|something|anything|things?|morning|evening|during|bring|king"
    r"|spring|string|ceiling|building|wedding|meeting|feeling|parking|shopping)\b)\w{3,}ing\b"
    r"|(?!(?:premier|dernier|hier|cher|fier|leger|mer|super|hiver|frer|quartier|papier"
    r"|dossier|courrier|janvier|fevrier|février|calendrier|planning)\b)\w{3,}er\b"
    r"(?! (?:est|a|sont|ont|sera|was|is|are)\b)",
    re.I,
)
# A clause that opens on its subject states something; one that does not ("Cross the picket
# line", "A fifty-dollar repair") is the condition or the object of what follows.
_SUBJECT: Final = re.compile(
    r"(?:you|i|we|he|she|they|it|there|tu|t['\u2019]|vous|je|j['\u2019]|il|elle|on|nous|ils"
    r"|elles)\b",
    re.I,
)


def _rewrite_sentence(text: str, start: int, end: int, hits: Sequence[Hit], lang: str) -> str:
    """The calm version of ``text[start:end]``, or "" when nothing worth keeping is left."""
    sentence = text[start:end]
    if any(h.action == "sentence" and _overlaps(h, start, end) for h in hits):
        return ""
    if _URGENCY_ONLY.match(sentence) or _TAUNT_ONLY.match(sentence):
        return ""
    if _PRAISE_ONLY.match(sentence) and any(h.reason == "sarcasm" for h in hits):
        return ""
    kept: list[str] = []
    dropped = False
    previous_dropped = False
    for clause in _CLAUSE.finditer(sentence):
        c_start, c_end = start + clause.start(), start + clause.end()
        words = clause.group(0).strip()
        if not words:
            kept.append(clause.group(0))
            continue
        cut = _cut(clause.group(0), c_start, hits)
        emptied = cut != clause.group(0) and not _WORD.search(cut)
        if (
            emptied
            or any(h.action == "drop" and _shares_words(h, c_start, c_end, text) for h in hits)
            or (previous_dropped and _DEPENDENT.match(words))
        ):
            if _CONSEQUENCE.match(words):
                # "Cross the picket line | and we'll remember your face": the first part is the
                # condition of the threat, not a request; keeping it would invert the message.
                last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].strip()), None)
                if last is not None and not _SUBJECT.match(_LEADING_JUNK.sub("", kept[last])):
                    del kept[last:]
            dropped = previous_dropped = True
            continue
        previous_dropped = False
        dropped = dropped or cut != clause.group(0)
        kept.append(_unquote(cut, c_start, hits))
    body = _LEADING_JUNK.sub("", "".join(kept))
    if dropped and (_DANGLING.match(body) or _HANGING_END.search(body)):
        return ""
    terminator = re.search(r"[.!?…]+\s*$", sentence)
    if dropped and terminator and not re.search(r"[.!?…]\s*$", body):
        body = re.sub(r"[,;:—\s]*$", "", body) + terminator.group(0).strip()
    body = _calm_case(body, lang)
    if not _substantial(body) or _TAUNT_ONLY.match(body):
        return ""
    if any(h.reason == "absolute_language" and _overlaps(h, start, end) for h in hits):
        body = (_soften_en if lang == "en" else _soften_fr)(body.strip())
    return _politely(_tidy(body, lang), lang, _uses_vous(text))


def rewrite(text: str, hits: Sequence[Hit], lang: str) -> str:
    """Rewrite ``text`` without the material ``hits`` point at; ``lang`` is "en" or "fr".

    Never returns an empty string: if nothing factual is left, :func:`fallback` is used.

    >>> rewrite("RAMÈNE-LES AVANT 18 H !!!", [], "fr")
    "Ramène-les avant 18 h, s'il te plaît."
    """
    sentences = (
        _rewrite_sentence(text, match.start(), match.end(), hits, lang)
        for match in SENTENCE.finditer(text)
    )
    result = " ".join(s for s in sentences if s)
    return result if _substantial(result) else fallback(text, lang)
