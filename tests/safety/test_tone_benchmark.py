"""The tone coach's labelled sets: their integrity, the goal on held-out data, and floors.

Both sets are frozen (benchmarks/data/tone/README.md): scores are only comparable on the same
messages, so their bytes are pinned here. The held-out figures are the test split of both sets
together; the per-set floors keep a lexicon change from quietly trading one set for the other.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import pytest

from accord.safety.tone import REASONS, assess

DATA_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "tone"
FIRST = DATA_DIR / "messages.jsonl"
ADDED = DATA_DIR / "messages-b.jsonl"
FROZEN = {
    FIRST: "dfb880e6f94b0a041219239ef6d5beb69a192ff3bfa7fdf69f656735adc49368",
    ADDED: "0eb14a354aaf765c0f1f4b71bde674b690273277f9a3d72a2a65c250d6a498cf",
}
CONTEXTS = {"family", "workplace", "commercial", "neighbour", "labour"}


def _rows(path):
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _hash_split(text):
    # The rule written in the README; benchmarks/tone.py applies the same one.
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 5 < 2 else "dev"


@cache
def _flags():
    """{(file name, id): flagged by assess}, computed once for every test below."""
    return {
        (path.name, row["id"]): assess(row["text"], row["lang"]).flagged
        for path in (FIRST, ADDED)
        for row in _rows(path)
    }


def _scores(paths, split):
    """(precision, recall) of assess on ``split`` of the given sets taken together."""
    flags = _flags()
    tp = fp = fn = 0
    seen = 0
    for path in paths:
        for row in _rows(path):
            if row["split"] != split:
                continue
            seen += 1
            flagged = flags[(path.name, row["id"])]
            tp += flagged and row["flagged"]
            fp += flagged and not row["flagged"]
            fn += not flagged and row["flagged"]
    assert seen, f"no {split} rows in {[p.name for p in paths]}"
    return tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize("path", [FIRST, ADDED], ids=lambda p: p.name)
def test_sets_are_frozen(path):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN[path]


@pytest.mark.parametrize("path", [FIRST, ADDED], ids=lambda p: p.name)
def test_rows_are_well_formed(path):
    for row in _rows(path):
        assert set(row) == {"id", "text", "lang", "flagged", "reasons", "split", "context"}
        assert row["lang"] in {"en", "fr", "fr-CA"}
        assert row["split"] in {"dev", "test"}
        assert row["context"] in CONTEXTS
        assert set(row["reasons"]) <= set(REASONS), row["id"]
        assert row["flagged"] is bool(row["reasons"]), row["id"]
        assert row["text"].strip() == row["text"] and row["text"]


def test_ids_and_texts_are_unique_across_both_sets():
    rows = _rows(FIRST) + _rows(ADDED)
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["text"] for row in rows}) == len(rows)


def test_added_set_is_split_by_the_hash_of_its_text():
    rows = _rows(ADDED)
    assert all(row["split"] == _hash_split(row["text"]) for row in rows)
    assert all(row["id"].startswith(("b-en-", "b-fr-")) for row in rows)
    test_share = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.3 < test_share < 0.5


def test_added_set_has_at_least_200_messages_with_both_labels_and_languages():
    rows = _rows(ADDED)
    assert len(rows) >= 200
    for split in ("dev", "test"):
        for lang in ("en", "fr"):
            chosen = [r for r in rows if r["split"] == split and r["lang"].startswith(lang)]
            assert any(r["flagged"] for r in chosen)
            assert any(not r["flagged"] for r in chosen)


# The goal is recall >= 0.90 at precision >= 0.85 on the held-out data: the test split of
# both sets. It is not met (precision 0.974, recall 0.828 when last measured: 0.902 recall on
# the added set's test messages, 0.783 on the first set's), so this is a strict xfail: CI
# stays green with the shortfall on record, and it fails loudly (XPASS) the day the goal is
# reached, so that the marker is removed and the goal becomes binding.
@pytest.mark.xfail(
    strict=True,
    reason="goal not met: whole test split precision 0.974, recall 0.828 (benchmarks/tone.py)",
)
def test_whole_test_split_meets_goal():
    precision, recall = _scores((FIRST, ADDED), "test")
    assert recall >= 0.90, f"recall {recall:.3f} (precision {precision:.3f})"
    assert precision >= 0.85, f"precision {precision:.3f} (recall {recall:.3f})"


@pytest.mark.parametrize(
    ("paths", "split", "min_precision", "min_recall"),
    [
        # Floors at the levels last measured; a change that loses ground fails CI.
        ((FIRST, ADDED), "test", 0.97, 0.82),  # 111 of 134 caught, 3 false alarms of 148
        ((FIRST,), "test", 0.95, 0.78),  # 65 of 83, 3 false alarms of 84
        ((ADDED,), "test", 0.97, 0.90),  # 46 of 51, no false alarm of 64
        ((FIRST,), "dev", 0.98, 0.98),
        ((ADDED,), "dev", 0.98, 0.98),
    ],
    ids=["whole-test", "first-test", "added-test", "first-dev", "added-dev"],
)
def test_scores_do_not_regress(paths, split, min_precision, min_recall):
    precision, recall = _scores(paths, split)
    assert precision >= min_precision, f"precision {precision:.3f} (recall {recall:.3f})"
    assert recall >= min_recall, f"recall {recall:.3f} (precision {precision:.3f})"
