"""What exactly is signed, how it is shown, and how two versions differ.

Pure functions (no database): the services hash with them, the pages and PDFs render with
them, and anyone holding an exported version can recompute its hash.

The signed document is the canonical JSON (accord.audit.chain.canonical_json: sorted keys,
no spaces, UTF-8) of the fields in `document_fields`; its SHA-256 is the version's hash. It
carries no translated words, so the hash is the same whatever language a reader uses.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import nh3
from markdown_it import MarkdownIt

from accord.agreements.vocabulary import DOCUMENT_FORMAT_VERSION
from accord.audit.chain import canonical_json

# CommonMark with raw HTML switched off: "<script>" in a draft is shown as text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MARKDOWN.enable("table")
_ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to put in a page or a PDF.

    markdown-it never passes raw HTML through; nh3 then keeps only the tags a document needs
    and only http(s) and mailto links (no javascript:, no data:), with rel="noopener".
    """
    html = _MARKDOWN.render(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def document_fields(
    *,
    case_id: str,
    process_id: str,
    agreement_id: str,
    kind: str,
    title: str,
    number: int,
    binding: str,
    body: str,
) -> dict[str, Any]:
    """The fields a version's hash covers: the text and what frames it."""
    return {
        "v": DOCUMENT_FORMAT_VERSION,
        "case": case_id,
        "process": process_id,
        "agreement": agreement_id,
        "kind": kind,
        "title": title,
        "version": number,
        "binding": binding,
        "body": body,
    }


def sha256_of(fields: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of a document's fields."""
    return hashlib.sha256(canonical_json(fields)).hexdigest()


def canonical_bytes(fields: Mapping[str, Any]) -> bytes:
    """The exact bytes hashed, for export and independent checking."""
    return canonical_json(fields)


def grouped(digest: str) -> str:
    """A hash in groups of eight, easier to read aloud and compare by eye."""
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))


# --- differences between versions ------------------------------------------------------------


@dataclass(frozen=True)
class DiffLine:
    """One line of a comparison. `change` is "same", "added" or "removed"; the pages say it in
    words too, never by colour alone."""

    change: str
    old_number: int | None
    new_number: int | None
    text: str


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """Line-by-line differences from `old` to `new` (difflib's longest matching blocks)."""
    before, after = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(
                DiffLine("same", i + 1, j + 1, before[i])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        lines.extend(DiffLine("removed", i + 1, None, before[i]) for i in range(i1, i2))
        lines.extend(DiffLine("added", None, j + 1, after[j]) for j in range(j1, j2))
    return lines


def diff_summary(lines: list[DiffLine]) -> tuple[int, int]:
    """(lines added, lines removed)."""
    added = sum(1 for line in lines if line.change == "added")
    removed = sum(1 for line in lines if line.change == "removed")
    return added, removed


_MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|<>~")


def escape_markdown(text: str) -> str:
    """Plain text to put inside generated Markdown, shown exactly as typed (CommonMark lets
    a backslash escape any ASCII punctuation)."""
    return "".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in " ".join(text.split()))
