"""The French catalogue is complete and the committed .mo matches the .po."""

import gettext
import re
from pathlib import Path

import accord

LOCALE = Path(accord.__file__).parent / "locale" / "fr" / "LC_MESSAGES"


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unescape(text: str) -> str:
    """A PO string's C escapes, leaving non-ASCII text (typographic quotes...) as it is."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def parse_po(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text, "fuzzy entries are not translations: review them"
    entries = {}
    for msgid, msgstr in re.findall(r'msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', text):
        source = unescape("".join(re.findall(r'"(.*)"', msgid)))
        target = unescape("".join(re.findall(r'"(.*)"', msgstr)))
        if source:
            entries[source] = target
    return entries


def test_every_string_has_a_french_translation():
    entries = parse_po(LOCALE / "django.po")
    assert entries, "the catalogue is empty"
    untranslated = [source for source, target in entries.items() if not target.strip()]
    assert untranslated == []


def test_compiled_catalogue_matches_the_source():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    entries = parse_po(LOCALE / "django.po")
    stale = [s for s, target in entries.items() if compiled.gettext(s) != target]
    assert stale == [], "run `make messages` to compile the catalogue"
