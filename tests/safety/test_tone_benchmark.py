"""The tone coach's labelled sets: their integrity, the goal on held-out data, and floors.

Every set is frozen (benchmarks/data/tone/README.md): scores are only comparable on the same
messages, so their bytes are pinned here. The goal was set on the test split of the first two
sets and is asserted there; the later sets' test parts have floors of their own, and the goal
on the six sets the coach was tuned on is kept on record as a strict xfail. The seventh set was
written after that tuning and never tuned on: its floors are reported apart. The eighth and
ninth sets were written by two engineers who never saw the coach; their dev parts were tuned
on, their test parts have floors of their own, and so have those of the tenth to fourteenth
sets (five more such writers, dev parts trained on). The fifteenth set is held out entirely
(never trained or tuned on, its dev part included): its floors measure the coach on new
writers. The per-set floors keep a change from quietly trading one set for another.

The everyday set (everyday.jsonl) is dev data of another kind: plain civil messages, a floor on
false alarms for greetings, logistics and confirmations. The learned cue is trained on it as
extra civil examples, so its false alarms there are read out of fold; it is pinned and checked
apart.
"""

from __future__ import annotations

import doctest
import hashlib
import importlib.util
import json
import math
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from accord.safety.tone import REASONS, ToneAssessment, assess, learned
from accord.safety.tone.analysis import Evidence, combined_score, evidence, primary_language
from accord.safety.tone.result import FLAG_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "benchmarks" / "data" / "tone"
FIRST = DATA_DIR / "messages.jsonl"
ADDED = DATA_DIR / "messages-b.jsonl"
THIRD = DATA_DIR / "messages-c.jsonl"
FOURTH = DATA_DIR / "messages-d.jsonl"
FIFTH = DATA_DIR / "messages-e.jsonl"
SIXTH = DATA_DIR / "messages-f.jsonl"
SEVENTH = DATA_DIR / "messages-g.jsonl"
EIGHTH = DATA_DIR / "messages-h.jsonl"
NINTH = DATA_DIR / "messages-i.jsonl"
TENTH = DATA_DIR / "messages-j.jsonl"
ELEVENTH = DATA_DIR / "messages-k.jsonl"
TWELFTH = DATA_DIR / "messages-l.jsonl"
THIRTEENTH = DATA_DIR / "messages-m.jsonl"
FOURTEENTH = DATA_DIR / "messages-n.jsonl"
#: Held out entirely: never trained or tuned on, its dev part included.
FIFTEENTH = DATA_DIR / "messages-o.jsonl"
#: The six sets the coach was tuned on before the seventh was written.
SIX = (FIRST, ADDED, THIRD, FOURTH, FIFTH, SIXTH)
#: Written by two engineers who never saw the coach, its lexicons or the other sets.
NEW = (EIGHTH, NINTH)
#: Written by five more engineers who never saw the coach; their dev parts are trained on.
FIVE = (TENTH, ELEVENTH, TWELFTH, THIRTEENTH, FOURTEENTH)
HASHED = (ADDED, THIRD, FOURTH, FIFTH, SIXTH, SEVENTH, *NEW, *FIVE, FIFTEENTH)
ALL = (FIRST, *HASHED)
#: Every set but the held-out one: what "all sets" means in the figures.
LABELLED = tuple(path for path in ALL if path != FIFTEENTH)
FROZEN = {
    FIRST: "dfb880e6f94b0a041219239ef6d5beb69a192ff3bfa7fdf69f656735adc49368",
    ADDED: "0eb14a354aaf765c0f1f4b71bde674b690273277f9a3d72a2a65c250d6a498cf",
    THIRD: "4035642970dc620565c70737a19053052a61db6563a07d4949bbd62fbed2450a",
    FOURTH: "48cc13f3d022471f48b4819674f7caec178f2ec007382b0bc9290abf1efa20d2",
    FIFTH: "145bc8a8223b4c4e695f6ca07c232685e7ea15d38b9434c8a10b1f7dcf58f741",
    SIXTH: "91c68d6dd6ff0754cc8b53d58e045fe52802eb005aeb40dbf9297d8062c6036e",
    SEVENTH: "20643f92d0415648e6b7c357f561821d31483c38f1a29a649cc7a83d14b85970",
    EIGHTH: "eecf73b18e6e0261f0ed24faa0f357227b59a01a81e7277a871920441f702b20",
    NINTH: "f813f95d0228f0a65dcf34b9812319792fdc4daf70089ed463d4dd39b15443f0",
    TENTH: "cce083a3c457195efa13cf58c598d29474d6a382d9f1205f730de2e4e69f75f4",
    ELEVENTH: "f1a2a6c0589d22783fea8f37331473904004aed211952eaf1a4792a5cfd732d7",
    TWELFTH: "e06b39b292ee455dd696f2cb8914d1d1e50719b149899b6544f2eb1dd65cf034",
    THIRTEENTH: "792c0873e7333c394bd14ae65fe54b22ff30c671fbe55db42625c2149607abb9",
    FOURTEENTH: "ab701c0e9b7d0e12aa8722b6f40482cd598981c18330fb1fcaf92c7707e7bf37",
    FIFTEENTH: "b562945cc7f828a9e51f421047a8576ebf4ca9387d5972cc6f0145abb2af82d1",
}
#: Everyday civil messages: dev only, trained on as civil, never part of the sets' figures.
EVERYDAY = DATA_DIR / "everyday.jsonl"
EVERYDAY_SHA256 = "384c46f0dc867758ab8592271dce75850104f63f1d96e4323db82765bfe570de"
PREFIX = {
    ADDED: "b-",
    THIRD: "c-",
    FOURTH: "d-",
    FIFTH: "e-",
    SIXTH: "f-",
    SEVENTH: "g-",
    EIGHTH: "h-",
    NINTH: "i-",
    TENTH: "j-",
    ELEVENTH: "k-",
    TWELFTH: "l-",
    THIRTEENTH: "m-",
    FOURTEENTH: "n-",
    FIFTEENTH: "o-",
}
#: Texts that occur in two sets, by (id, id). The eighth set's writer, who never saw the other
#: sets, wrote one message word for word as one of the seventh set's (both in the test part,
#: as the hash rule makes them, with the same label); found by the duplicate check after the
#: file was frozen, so it stays, and counts in both sets' figures.
#: The tenth and eleventh sets' writers, who never saw the other sets either, each wrote one
#: message word for word as one of an earlier set's (the third's, the second's): each pair in
#: the test part, with the same label; found by the same check, after the files were frozen.
REPEATED = {("g-fr-071", "h-fr-089"), ("c-en-188", "j-en-210"), ("b-fr-044", "k-fr-059")}
CONTEXTS = {"family", "workplace", "commercial", "neighbour", "labour"}


def _benchmark() -> Any:
    """benchmarks/tone.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("tone_benchmark", ROOT / "benchmarks" / "tone.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up while being created.
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return sys.modules[spec.name]


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
        for path in ALL
        for row in _rows(path)
    }


def _scores(paths, split):
    """(precision, recall) of assess on ``split`` ("dev", "test" or "both") of the sets."""
    flags = _flags()
    tp = fp = fn = 0
    seen = 0
    for path in paths:
        for row in _rows(path):
            if split != "both" and row["split"] != split:
                continue
            seen += 1
            flagged = flags[(path.name, row["id"])]
            tp += flagged and row["flagged"]
            fp += flagged and not row["flagged"]
            fn += not flagged and row["flagged"]
    assert seen, f"no {split} rows in {[p.name for p in paths]}"
    return tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sets_are_frozen(path):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN[path]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_rows_are_well_formed(path):
    for row in _rows(path):
        assert set(row) == {"id", "text", "lang", "flagged", "reasons", "split", "context"}
        assert row["lang"] in {"en", "fr", "fr-CA"}
        assert row["split"] in {"dev", "test"}
        assert row["context"] in CONTEXTS
        assert set(row["reasons"]) <= set(REASONS), row["id"]
        assert row["flagged"] is bool(row["reasons"]), row["id"]
        assert row["text"].strip() == row["text"] and row["text"]


def test_ids_and_texts_are_unique_across_all_sets():
    rows = [row for path in ALL for row in _rows(path)]
    assert len({row["id"] for row in rows}) == len(rows)
    by_text: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_text.setdefault(row["text"], []).append(row)
    repeated = [same for same in by_text.values() if len(same) > 1]
    assert {tuple(sorted(str(row["id"]) for row in same)) for same in repeated} == REPEATED
    for same in repeated:
        assert len({(row["flagged"], tuple(sorted(row["reasons"]))) for row in same}) == 1


@pytest.mark.parametrize("path", HASHED, ids=lambda p: p.name)
def test_later_sets_are_split_by_the_hash_of_their_text(path):
    rows = _rows(path)
    assert all(row["split"] == _hash_split(row["text"]) for row in rows)
    assert all(row["id"].startswith((PREFIX[path] + "en-", PREFIX[path] + "fr-")) for row in rows)
    test_share = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.3 < test_share < 0.5


@pytest.mark.parametrize(
    "path", (ADDED, THIRD, FOURTH, SEVENTH, *NEW, *FIVE, FIFTEENTH), ids=lambda p: p.name
)
def test_large_sets_have_both_labels_and_languages_in_both_splits(path):
    rows = _rows(path)
    assert len(rows) >= 200
    for split in ("dev", "test"):
        for lang in ("en", "fr"):
            chosen = [r for r in rows if r["split"] == split and r["lang"].startswith(lang)]
            assert any(r["flagged"] for r in chosen)
            assert any(not r["flagged"] for r in chosen)


# The goal: recall >= 0.90 at precision >= 0.85 on the held-out data it was set on, the test
# split of the first two sets (282 messages). Last measured (README "The tenth to fifteenth
# sets", its log's run 2, after retraining on their dev parts): recall 0.918 (123 of 134),
# precision 0.961 (5 false alarms of 148): met, by two messages (121 needed).
def test_test_split_of_the_first_two_sets_meets_goal():
    precision, recall = _scores((FIRST, ADDED), "test")
    assert recall >= 0.90, f"recall {recall:.3f} (precision {precision:.3f})"
    assert precision >= 0.85, f"precision {precision:.3f} (recall {recall:.3f})"


# The third to sixth sets were written to find what the coach misses (the sixth in an
# understated, passive-aggressive register); over the test parts of the six sets it was tuned
# on the goal is not met (recall 0.818, precision 0.973 when last measured). Strict: it fails
# loudly (XPASS) the day it is, so that the marker goes. The seventh set, written after them
# and never tuned on, has floors of its own below.
@pytest.mark.xfail(
    strict=True,
    reason="not met on the six sets' test parts: recall 0.818, precision 0.973",
)
def test_test_split_of_the_six_tuned_sets_meets_goal():
    precision, recall = _scores(SIX, "test")
    assert recall >= 0.90, f"recall {recall:.3f} (precision {precision:.3f})"
    assert precision >= 0.85, f"precision {precision:.3f} (recall {recall:.3f})"


@pytest.mark.parametrize(
    ("paths", "split", "min_precision", "min_recall"),
    [
        # Floors just under the levels last measured; a change that loses ground fails CI.
        # Set with the final test reading of the tenth to fifteenth sets' round (README, its
        # log: run 2); where it measured less than before, lowered to it, never below.
        ((FIRST, ADDED), "test", 0.96, 0.91),  # 123 of 134 caught, 5 false alarms of 148
        ((FIRST,), "test", 0.93, 0.90),  # 75 of 83, 5 false alarms of 84
        ((ADDED,), "test", 0.97, 0.94),  # 48 of 51, no false alarm of 64
        ((THIRD,), "test", 0.97, 0.79),  # 99 of 124, 2 false alarms of 63
        ((FOURTH,), "test", 0.97, 0.77),  # 35 of 45, no false alarm of 49
        ((FIFTH,), "test", 0.85, 0.66),  # 6 of 9, 1 false alarm of 35
        ((SIXTH,), "test", 0.97, 0.64),  # 29 of 45, no false alarm of 17
        (SIX, "test", 0.97, 0.81),  # 292 of 357, 8 false alarms of 312
        ((SEVENTH,), "test", 0.97, 0.69),  # 46 of 66, no false alarm of 57 (never tuned on)
        ((EIGHTH,), "test", 0.98, 0.73),  # 68 of 93, 1 false alarm of 89
        ((NINTH,), "test", 0.94, 0.71),  # 71 of 99, 4 false alarms of 95
        (NEW, "test", 0.96, 0.72),  # 139 of 192, 5 false alarms of 184
        ((TENTH,), "test", 0.98, 0.71),  # 54 of 76, 1 false alarm of 79 (fresh: 58)
        ((ELEVENTH,), "test", 0.97, 0.52),  # 48 of 92, no false alarm of 83 (fresh: 47)
        ((TWELFTH,), "test", 0.93, 0.65),  # 56 of 85, 4 false alarms of 89 (fresh: 49)
        ((THIRTEENTH,), "test", 0.98, 0.77),  # 71 of 92, 1 false alarm of 84 (fresh: 68)
        ((FOURTEENTH,), "test", 0.93, 0.54),  # 46 of 85, 3 false alarms of 87 (fresh: 53)
        (FIVE, "test", 0.96, 0.63),  # 275 of 430, 9 false alarms of 422 (fresh: 275, 6)
        # The held-out writers: never trained or tuned on, dev part included.
        ((FIFTEENTH,), "test", 0.91, 0.70),  # 52 of 74, 5 false alarms of 94 (fresh: 56, 5)
        ((FIFTEENTH,), "dev", 0.96, 0.74),  # 103 of 139, 4 false alarms of 116 (fresh: 101, 4)
        ((FIFTEENTH,), "both", 0.94, 0.72),  # 155 of 213, 9 of 210 (fresh: 157, 9)
        (LABELLED, "test", 0.97, 0.71),  # 752 of 1045, 22 false alarms of 975
        ((FIRST,), "dev", 0.98, 0.98),
        ((ADDED,), "dev", 0.98, 0.98),
        # In-sample: 281 of 285, no false alarm.
        ((THIRD, FOURTH, FIFTH, SIXTH), "dev", 0.98, 0.97),
        # Fresh to the lexicons (no rule was written on it); the learned cue was fitted on it.
        ((SEVENTH,), "dev", 0.96, 0.80),  # 65 of 81, 2 false alarms of 87
        # The lexicon rules of the round before were written on these dev parts: in-sample.
        ((EIGHTH,), "dev", 0.98, 0.94),  # 118 of 125, no false alarm of 123
        ((NINTH,), "dev", 0.98, 0.88),  # 113 of 127, no false alarm of 122 (114 before)
        # Fresh to the lexicons; the learned cue was fitted on them.
        (FIVE, "dev", 0.98, 0.72),  # 488 of 672, 7 false alarms of 652 (fresh: 422, 17)
    ],
    ids=[
        "first-second-test",
        "first-test",
        "second-test",
        "third-test",
        "fourth-test",
        "fifth-test",
        "sixth-test",
        "six-test",
        "seventh-test",
        "eighth-test",
        "ninth-test",
        "eighth-ninth-test",
        "tenth-test",
        "eleventh-test",
        "twelfth-test",
        "thirteenth-test",
        "fourteenth-test",
        "tenth-to-fourteenth-test",
        "held-out-test",
        "held-out-dev",
        "held-out-whole",
        "all-but-held-out-test",
        "first-dev",
        "second-dev",
        "later-dev",
        "seventh-dev",
        "eighth-dev",
        "ninth-dev",
        "tenth-to-fourteenth-dev",
    ],
)
def test_scores_do_not_regress(paths, split, min_precision, min_recall):
    precision, recall = _scores(paths, split)
    assert precision >= min_precision, f"precision {precision:.3f} (recall {recall:.3f})"
    assert recall >= min_recall, f"recall {recall:.3f} (precision {precision:.3f})"


#: Training uses scikit-learn, a development dependency (never imported at run time).
needs_sklearn = pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None, reason="training needs scikit-learn"
)


@needs_sklearn
def test_shipped_weights_are_what_training_on_the_dev_split_writes(tmp_path):
    benchmark = _benchmark()
    target = tmp_path / "weights.py"
    benchmark.train(benchmark.load(), target)
    shipped = ROOT / "src" / "accord" / "safety" / "tone" / "weights.py"
    assert target.read_bytes() == shipped.read_bytes()


#: Rows that training and the curve must never read: (marker, id prefix, split, source).
FORBIDDEN = [
    # The test split of any set.
    ("zqxjkvtest", "t-", "test", "x"),
    # The held-out writers' set, its dev part included.
    ("zqxjkvheld", "o-en-9", "dev", "fifteenth"),
]


def _poisoned(benchmark: Any, marker: str, id_prefix: str, split: str, source: str) -> list[Any]:
    """30 hostile rows of ``split`` and ``source`` whose text carries ``marker``."""
    return [
        benchmark.Row(
            f"{id_prefix}{i}",
            f"{marker} {marker}x you",
            "en",
            True,
            ("insult",),
            split,
            "family",
            source,
        )
        for i in range(30)
    ]


@needs_sklearn
@pytest.mark.parametrize(("marker", "id_prefix", "split", "source"), FORBIDDEN)
def test_training_never_reads_the_test_split_nor_the_held_out_set(
    tmp_path: Path, marker: str, id_prefix: str, split: str, source: str
) -> None:
    benchmark = _benchmark()
    rows = benchmark.load()
    assert {row.source for row in rows} >= set(benchmark.HELD_OUT)
    poisoned = _poisoned(benchmark, marker, id_prefix, split, source)
    target = tmp_path / "weights.py"
    benchmark.train(rows + poisoned, target)
    assert marker not in target.read_text(encoding="utf-8")
    shipped = ROOT / "src" / "accord" / "safety" / "tone" / "weights.py"
    assert target.read_bytes() == shipped.read_bytes()


@pytest.mark.parametrize(("marker", "id_prefix", "split", "source"), FORBIDDEN)
def test_the_curve_never_reads_the_test_split_nor_the_held_out_set(
    monkeypatch: pytest.MonkeyPatch, marker: str, id_prefix: str, split: str, source: str
) -> None:
    # --curve scores what training scores, through the same function: spied on here (the
    # model's fits stubbed, so that the test is quick), it never sees a forbidden row.
    benchmark = _benchmark()
    rows = benchmark.load()
    assert {row.source for row in rows} >= set(benchmark.HELD_OUT)
    assert any(row.split == "test" for row in rows)
    read_texts: list[str] = []
    read_features: list[str] = []

    def evidence_spy(text: str, lang: str) -> Evidence:
        read_texts.append(text)
        return evidence(text, lang)

    def out_of_fold_stub(
        examples: Sequence[learned.Example], folds: int = 5, groups: Sequence[str] | None = None
    ) -> list[float]:
        read_features.extend(feature for found, _, _ in examples for feature in found)
        assert groups is not None and len(groups) == len(examples)  # folds are the sets
        return [float(len(found) % 7) - 3.0 for found, _, _ in examples]

    def combined_score_spy(found: Evidence, learned_weight: float) -> float:
        read_texts.append(found.normalised)
        return combined_score(found, learned_weight)

    def assess_spy(text: str, lang: str = "en") -> ToneAssessment:
        read_texts.append(text)
        return assess(text, lang)

    monkeypatch.setattr(benchmark, "evidence", evidence_spy)
    monkeypatch.setattr(benchmark, "combined_score", combined_score_spy)
    monkeypatch.setattr(benchmark, "assess", assess_spy)
    monkeypatch.setattr(learned, "out_of_fold", out_of_fold_stub)
    shipped = ROOT / "src" / "accord" / "safety" / "tone" / "weights.py"
    before = (shipped.read_bytes(), shipped.stat().st_mtime_ns)
    report = benchmark.curve(rows + _poisoned(benchmark, marker, id_prefix, split, source))
    allowed = {
        row.text for row in rows if row.split == "dev" and row.source not in benchmark.HELD_OUT
    } | {row.text for row in benchmark.load_everyday()}
    normalised = {seen.normalised for seen in benchmark.out_of_fold_dev(rows).found}
    assert read_texts and set(read_texts) <= allowed | normalised
    assert not any(marker in text for text in read_texts)
    assert not any(marker in feature for feature in read_features)
    assert "fourteenth" in report and "fifteenth" not in report
    # A measurement only: nothing is written.
    assert (shipped.read_bytes(), shipped.stat().st_mtime_ns) == before


def _curve_rows(benchmark: Any, hostile: Sequence[bool]) -> list[Any]:
    return [
        benchmark.Row(f"s-{i}", "x", "en", flagged, (), "dev", "family", "a")
        for i, flagged in enumerate(hostile)
    ]


def test_the_curve_sweep_counts_each_threshold() -> None:
    benchmark = _benchmark()
    hostile = [True, True, False, True, False, True, False, False]
    levels = [math.inf, 2.0, 1.5, 1.0, 0.5, -math.inf, -1.0, -math.inf]
    rows = _curve_rows(benchmark, hostile)
    readings = benchmark.sweep(rows, levels, [3.0, 2.0, 1.0, 0.0, -5.0])
    # (caught, false alarms) at each threshold: a message is flagged from its level down.
    assert [(r.tp, r.fp) for r in readings] == [(1, 0), (2, 0), (3, 1), (3, 2), (3, 3)]
    assert [r.recall for r in readings] == [0.25, 0.5, 0.75, 0.75, 0.75]
    assert [round(r.precision, 3) for r in readings] == [1.0, 1.0, 0.75, 0.6, 0.5]
    assert {(r.hostile, r.civil) for r in readings} == {(4, 4)}
    # Recall first reaches 0.5 at 2.0 and 0.75 at 1.0; the fourth hostile message is never
    # flagged, so 0.9 is out of reach; 0.25 is reached whatever the threshold.
    assert benchmark.recall_threshold(rows, levels, 0.5) == 2.0
    assert benchmark.recall_threshold(rows, levels, 0.75) == 1.0
    assert benchmark.recall_threshold(rows, levels, 0.9) is None
    assert benchmark.recall_threshold(rows, levels, 0.25) == math.inf
    # The most recall at precision >= 0.75 is 0.75 (threshold 1.0); at 1.0, 0.5 (at 2.0).
    assert benchmark.precision_threshold(rows, levels, 0.75) == 1.0
    assert benchmark.precision_threshold(rows, levels, 1.0) == 2.0
    assert benchmark.precision_threshold(_curve_rows(benchmark, [False]), [1.0], 0.5) is None


def test_the_benchmark_doctests_pass() -> None:
    # The curve's pure pieces (flag_levels, sweep, recall_threshold, precision_threshold) and
    # the older helpers carry examples in their docstrings.
    result = doctest.testmod(_benchmark())
    assert result.attempted and not result.failed


def test_the_curve_levels_are_the_coachs_own_rule() -> None:
    # A message's level stands for the coach's verdict at every confident: flagged at t exactly
    # when combined_score with the weight the model gives at (supporting, confident) = (min(s,
    # t), t), as --train sets them, reaches the flag threshold.
    benchmark = _benchmark()
    texts = [
        "See you at six.",
        "You idiot.",
        'Your "plan" is late.',
        "Thanks so much for your help.",
        "I'm not calling you a liar.",
        "Did you even read it?",
    ]
    found = [evidence(text, "en") for text in texts]
    scores = [-2.0, -0.5, 0.3, 0.7, 1.1, 2.4]
    supporting = 0.7
    for order in range(len(scores)):
        rotated = scores[order:] + scores[:order]
        levels = benchmark.flag_levels(found, rotated, supporting)
        for confident in (-3.0, -2.0, -1.0, -0.5, 0.0, 0.3, 0.69, 0.7, 1.0, 1.1, 2.0, 3.0):
            point = learned.Model(
                0.0, {}, {}, supporting=min(supporting, confident), confident=confident
            )
            direct = [
                combined_score(seen, point.weight(score)) >= FLAG_THRESHOLD
                for seen, score in zip(found, rotated, strict=True)
            ]
            assert [level >= confident for level in levels] == direct, (order, confident)


def test_training_folds_are_the_sets():
    benchmark = _benchmark()
    dev = [row for row in benchmark.load() if row.split == "dev"]
    dev = [row for row in dev if row.source not in benchmark.HELD_OUT]
    folds = benchmark.writer_folds(dev, 230)
    assert folds[: len(dev)] == [row.source for row in dev]
    assert set(folds[len(dev) :]) == {row.source for row in dev}
    assert "fifteenth" not in folds


# --- the everyday set -------------------------------------------------------------------------


def test_the_everyday_set_is_frozen():
    assert hashlib.sha256(EVERYDAY.read_bytes()).hexdigest() == EVERYDAY_SHA256


def test_the_everyday_set_is_civil_dev_data_of_every_context_and_language():
    rows = _rows(EVERYDAY)
    assert len(rows) >= 200
    for row in rows:
        assert set(row) == {"id", "text", "lang", "flagged", "reasons", "split", "context"}
        assert row["id"].startswith(("ev-en-", "ev-fr-", "ev-ca-")), row["id"]
        assert row["flagged"] is False and row["reasons"] == [], row["id"]
        assert row["split"] == "dev", row["id"]
        assert row["text"].strip() == row["text"] and row["text"]
    assert {row["context"] for row in rows} == CONTEXTS
    assert {row["lang"] for row in rows} == {"en", "fr", "fr-CA"}
    labelled = {row["text"] for path in ALL for row in _rows(path)}
    assert len({row["id"] for row in rows}) == len({row["text"] for row in rows}) == len(rows)
    assert not labelled & {row["text"] for row in rows}


def test_no_everyday_message_is_flagged():
    # In-sample (the learned cue was trained on them), so this only says that training took:
    # before it did, 9 of them were flagged. Their honest figure, out of fold, is the next test's.
    flagged = [row["id"] for row in _rows(EVERYDAY) if assess(row["text"], row["lang"]).flagged]
    assert flagged == []


def _module(path):
    spec = importlib.util.spec_from_file_location("trained_weights", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_sklearn
def test_training_reads_everyday_false_alarms_out_of_fold(tmp_path, monkeypatch):
    benchmark = _benchmark()
    out_of_fold = learned.out_of_fold
    calls = []

    def spy(examples, folds=5, groups=None):
        scores = out_of_fold(examples, folds, groups)
        calls.append((list(examples), scores))
        return scores

    monkeypatch.setattr(learned, "out_of_fold", spy)
    target = tmp_path / "weights.py"
    benchmark.train(benchmark.load(), target)
    ((examples, scores),) = calls
    dev = [row for row in benchmark.load() if row.split == "dev"]
    dev = [row for row in dev if row.source not in benchmark.HELD_OUT]
    everyday = benchmark.load_everyday()
    found = [evidence(row.text, primary_language(row.lang)) for row in everyday]
    # The everyday messages follow the dev rows among the examples, as civil ones, so each is
    # scored by a model fitted without its fold.
    assert len(examples) == len(dev) + len(everyday)
    tail = examples[len(dev) :]
    assert [set(features) for features, _, _ in tail] == [set(seen.features) for seen in found]
    assert not any(hostile or reasons for _, hostile, reasons in tail)
    # Their false alarms are counted on those scores at the written operating point.
    written = _module(target)
    point = learned.Model(
        written.BIAS,
        written.WEIGHTS,
        written.REASONS,
        supporting=written.SUPPORTING,
        confident=written.CONFIDENT,
    )
    flagged = sum(
        combined_score(seen, point.weight(score)) >= FLAG_THRESHOLD
        for seen, score in zip(found, scores[len(dev) :], strict=True)
    )
    assert f"false alarms {flagged} of {len(everyday)}" in written.__doc__
    # At most 1 %, out of fold (last measured: 0 of 230; 9 of 230 before it was trained on).
    assert flagged <= learned.CIVIL_FALSE_ALARMS * len(everyday)


@needs_sklearn
def test_training_fits_on_the_everyday_set_as_civil_dev_data(tmp_path):
    benchmark = _benchmark()
    marker = "zqxjkvplain"
    extra = [
        benchmark.Row(
            f"ev-p-{i}", f"{marker} hello {i}", "en", False, (), "dev", "family", "everyday"
        )
        for i in range(30)
    ]
    target = tmp_path / "weights.py"
    benchmark.train(benchmark.load(), target, everyday=benchmark.load_everyday() + extra)
    # A word only the extra everyday messages have is learned, as civil evidence.
    assert _module(target).WEIGHTS[marker] < 0
    # Only civil dev messages may be passed as everyday ones.
    hostile = benchmark.Row("ev-p-h", "hello", "en", True, ("insult",), "dev", "family", "x")
    test_row = benchmark.Row("ev-p-t", "hello", "en", False, (), "test", "family", "x")
    for wrong in (hostile, test_row):
        with pytest.raises(AssertionError, match="everyday: dev, civil"):
            benchmark.train(benchmark.load(), tmp_path / "never.py", everyday=[wrong])
    assert not (tmp_path / "never.py").exists()
