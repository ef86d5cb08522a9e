"""Benchmark the tone coach (accord.safety.tone) on the frozen labelled message sets.

Two sets, both frozen (see data/tone/README.md):

- ``messages.jsonl``, the first set (416 messages, split drawn per message);
- ``messages-b.jsonl``, the added set (313 messages written later, split by a fixed hash of
  the text, labelled by the written guideline before the coach was run on them).

Prints, per split, for each set and for both together: precision, recall, F1 and the
confusion counts, per language; the recall of each gold reason code on the whole test split;
the translation-leak check of the first set; and throughput. The goal is recall >= 0.90 at
precision >= 0.85 on the whole test split.

Tune on the dev split only: ``--errors`` and ``--suggestions`` list dev messages and refuse the
test split, whose figures are for reporting.

Usage (from the repository root)::

    .venv/bin/python benchmarks/tone.py
    .venv/bin/python benchmarks/tone.py --errors       # dev mistakes, for tuning
    .venv/bin/python benchmarks/tone.py --suggestions  # the rewrite of each flagged dev message
    .venv/bin/python benchmarks/tone.py --check        # exit 1 if the test goal is missed
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.safety.tone import REASONS, ToneAssessment, assess

DATA_DIR = Path(__file__).resolve().parent / "data" / "tone"
#: The first set and the added set, in that order, with the label the report gives each.
SOURCES = (("first", DATA_DIR / "messages.jsonl"), ("added", DATA_DIR / "messages-b.jsonl"))
GOAL_RECALL = 0.90
GOAL_PRECISION = 0.85


def hash_split(text: str) -> str:
    """The split of an added message: a fixed function of its text, never re-drawn (~40 % test).

    >>> hash_split("Think it over and let me know by Sunday.")
    'dev'
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 5 < 2 else "dev"


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    lang: str
    flagged: bool
    reasons: tuple[str, ...]
    split: str
    context: str
    source: str

    @property
    def primary(self) -> str:
        return self.lang.split("-")[0]


@dataclass(frozen=True)
class Scores:
    n: int
    gold_flagged: int
    predicted_flagged: int
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def meets_goal(self) -> bool:
        return self.recall >= GOAL_RECALL and self.precision >= GOAL_PRECISION


def load(sources: Sequence[tuple[str, Path]] = SOURCES) -> list[Row]:
    rows = []
    for source, path in sources:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    raw = json.loads(line)
                    rows.append(
                        Row(
                            raw["id"],
                            raw["text"],
                            raw["lang"],
                            bool(raw["flagged"]),
                            tuple(raw["reasons"]),
                            raw["split"],
                            raw["context"],
                            source,
                        )
                    )
    return rows


def score(pairs: Iterable[tuple[Row, ToneAssessment]]) -> Scores:
    counts: Counter[str] = Counter()
    for row, result in pairs:
        counts["n"] += 1
        counts["gold"] += row.flagged
        counts["pred"] += result.flagged
        key = ("tp" if row.flagged else "fp") if result.flagged else ("fn" if row.flagged else "tn")
        counts[key] += 1
    return Scores(
        counts["n"],
        counts["gold"],
        counts["pred"],
        counts["tp"],
        counts["fp"],
        counts["fn"],
        counts["tn"],
    )


def reason_recall(pairs: Sequence[tuple[Row, ToneAssessment]]) -> dict[str, tuple[int, int]]:
    """For each gold reason: (messages whose prediction names it, messages labelled with it)."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row, result in pairs:
        for reason in row.reasons:
            total[reason] += 1
            found[reason] += reason in result.reasons
    return {reason: (found[reason], total[reason]) for reason in sorted(total)}


def counterpart_splits(rows: Sequence[Row]) -> dict[str, str | None]:
    """For each first-set message id, the split of the message numbered alike in the other language.

    The first set's hostile messages were written as English/French translation pairs numbered
    alike (en-012 and fr-012 say the same thing), and its split was drawn per message, so a test
    message's translation may sit in dev, where the lexicons were tuned. The added set has no
    translation pairs.
    """
    first = [row for row in rows if row.source == "first"]
    split_of = {row.id: row.split for row in first}
    pairs: dict[str, str | None] = {}
    for row in first:
        prefix, number = row.id.split("-", 1)
        other = ("fr" if prefix == "en" else "en") + "-" + number
        pairs[row.id] = split_of.get(other)
    return pairs


def _line(label: str, s: Scores) -> str:
    return (
        f"  {label:<12} n={s.n:<4} gold flagged/not={s.gold_flagged}/{s.n - s.gold_flagged:<8}"
        f" predicted flagged/not={s.predicted_flagged}/{s.n - s.predicted_flagged:<8}"
        f" TP={s.tp:<4} FP={s.fp:<3} FN={s.fn:<3} TN={s.tn:<4}"
        f" P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}"
    )


def throughput(rows: Sequence[Row], repeat: int) -> tuple[float, float]:
    """Messages per second over ``repeat`` passes: (median pass, fastest pass).

    The median is the figure to quote; the fastest shows what an unloaded machine does.
    """
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for row in rows:
            assess(row.text, row.lang)
        rates.append(len(rows) / (time.perf_counter() - start))
    return statistics.median(rates), max(rates)


def _report_split(split: str, pairs: Sequence[tuple[Row, ToneAssessment]]) -> Scores:
    in_split = [(r, a) for r, a in pairs if r.split == split]
    print(f"\n== {split} ==")
    for source, _path in SOURCES:
        chosen = [(r, a) for r, a in in_split if r.source == source]
        print(_line(f"{source} set", score(chosen)))
    whole = score(in_split)
    print(_line("both sets", whole))
    for lang in ("en", "fr"):
        print(_line(f"  {lang}", score((r, a) for r, a in in_split if r.primary == lang)))
    print("  recall per gold reason, both sets (messages whose flag names the reason / labelled):")
    for reason, (found, total) in reason_recall(in_split).items():
        note = "" if reason in REASONS else "  (not a code assess emits)"
        print(f"    {reason:<18} {found:>3}/{total:<3} = {found / total:.3f}{note}")
    return whole


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes for the throughput run")
    parser.add_argument(
        "--errors", action="store_true", help="list dev-split mistakes (never the test split)"
    )
    parser.add_argument(
        "--suggestions",
        action="store_true",
        help="print the rewrite offered for each flagged dev message (never the test split)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the test goal is missed")
    parser.add_argument(
        "--dev-only", action="store_true", help="while tuning: do not score the test split at all"
    )
    args = parser.parse_args(argv)

    rows = load()
    misplaced = [r.id for r in rows if r.source == "added" and r.split != hash_split(r.text)]
    if misplaced:
        print(f"added set: split differs from the hash rule for {misplaced}", file=sys.stderr)
        return 2
    if args.dev_only:
        rows = [row for row in rows if row.split == "dev"]
    pairs = [(row, assess(row.text, row.lang)) for row in rows]
    languages = Counter(row.lang for row in rows)
    sizes = Counter(row.source for row in rows)
    print(f"{len(rows)} messages ({dict(sizes)}); language tags: {dict(languages)}")
    print("(per-language figures group regional tags by primary subtag: fr-CA counts as fr)")

    results = {
        split: _report_split(split, pairs)
        for split in (("dev",) if args.dev_only else ("dev", "test"))
    }

    if not args.dev_only:
        counterpart = counterpart_splits(rows)
        print("\n== first set, leakage check: test recall by where a message's translation is ==")
        for label, wanted in (("translation in dev", "dev"), ("translation not in dev", None)):
            chosen = [
                (r, a)
                for r, a in pairs
                if r.source == "first"
                and r.split == "test"
                and r.flagged
                and ((counterpart[r.id] == "dev") == (wanted == "dev"))
            ]
            found = sum(a.flagged for _, a in chosen)
            rate = found / len(chosen) if chosen else 0.0
            print(f"  {label:<23} recall {found}/{len(chosen)} = {rate:.3f}")

    if args.errors:
        print("\n== dev mistakes ==")
        for row, result in pairs:
            if row.split == "dev" and row.flagged != result.flagged:
                kind = "FN" if row.flagged else "FP"
                print(
                    f"  {kind} {row.id} score={result.score:.2f} gold={list(row.reasons)}"
                    f" got={list(result.reasons)} | {row.text}"
                )

    if args.suggestions:
        print("\n== rewrites offered for flagged dev messages ==")
        for row, result in pairs:
            if row.split == "dev" and result.flagged:
                print(f"  {row.id} {list(result.reasons)}\n    {row.text}\n -> {result.suggestion}")

    median, best = throughput(rows, args.repeat)
    print(
        f"\nthroughput: {median:,.0f} messages/second (median of {args.repeat} passes over"
        f" {len(rows)} messages; fastest pass {best:,.0f}/s; one process, one thread)"
    )

    if args.dev_only:
        return 0
    test = results["test"]
    verdict = "MET" if test.meets_goal() else "NOT MET"
    print(
        f"goal on the whole test split (recall >= {GOAL_RECALL} at precision >= {GOAL_PRECISION}):"
        f" {verdict} (P={test.precision:.3f}, R={test.recall:.3f})"
    )

    return 1 if args.check and not test.meets_goal() else 0


if __name__ == "__main__":
    sys.exit(main())
