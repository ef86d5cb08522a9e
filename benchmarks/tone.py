"""Benchmark the tone coach (accord.safety.tone) on the frozen labelled message set.

Prints, per split and per language, precision, recall, F1 and the confusion counts (gold and
predicted flagged / not flagged), the recall of each gold reason code, and throughput. The
goal is recall >= 0.90 at precision >= 0.85 on the test split.

Tune lexicons on the dev split only: ``--errors`` lists dev mistakes and refuses the test
split, whose figures are for reporting.

Usage (from the repository root)::

    .venv/bin/python benchmarks/tone.py
    .venv/bin/python benchmarks/tone.py --errors      # dev mistakes, for tuning
    .venv/bin/python benchmarks/tone.py --check       # exit 1 if the test goal is missed
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.safety.tone import REASONS, ToneAssessment, assess

DATA = Path(__file__).resolve().parent / "data" / "tone" / "messages.jsonl"
GOAL_RECALL = 0.90
GOAL_PRECISION = 0.85


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    lang: str
    flagged: bool
    reasons: tuple[str, ...]
    split: str
    context: str

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


def load(path: Path = DATA) -> list[Row]:
    rows = []
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
    """For each message id, the split of the message with the same number in the other language.

    The hostile messages were written as English/French translation pairs numbered alike
    (en-012 and fr-012 say the same thing). The frozen split was drawn per message, so a test
    message's translation may sit in dev, where the lexicons were tuned.
    """
    split_of = {row.id: row.split for row in rows}
    pairs: dict[str, str | None] = {}
    for row in rows:
        prefix, number = row.id.split("-", 1)
        other = ("fr" if prefix == "en" else "en") + "-" + number
        pairs[row.id] = split_of.get(other)
    return pairs


def _line(label: str, s: Scores) -> str:
    return (
        f"  {label:<6} n={s.n:<4} gold flagged/not={s.gold_flagged}/{s.n - s.gold_flagged:<8}"
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=20, help="passes for the throughput run")
    parser.add_argument(
        "--errors", action="store_true", help="list dev-split mistakes (never the test split)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the test goal is missed")
    parser.add_argument(
        "--dev-only", action="store_true", help="while tuning: do not score the test split at all"
    )
    args = parser.parse_args(argv)

    rows = load(args.data)
    if args.dev_only:
        rows = [row for row in rows if row.split == "dev"]
    pairs = [(row, assess(row.text, row.lang)) for row in rows]
    languages = Counter(row.lang for row in rows)
    print(f"{len(rows)} messages from {args.data.name}; language tags: {dict(languages)}")
    print("(per-language figures group regional tags by primary subtag: fr-CA counts as fr)")

    results: dict[str, Scores] = {}
    splits = ("dev",) if args.dev_only else ("dev", "test")
    for split in splits:
        in_split = [(r, a) for r, a in pairs if r.split == split]
        results[split] = score(in_split)
        print(f"\n== {split} ==")
        print(_line("all", results[split]))
        for lang in ("en", "fr"):
            print(_line(lang, score((r, a) for r, a in in_split if r.primary == lang)))
        print("  recall per gold reason (messages whose flag names the reason / labelled):")
        for reason, (found, total) in reason_recall(in_split).items():
            note = "" if reason in REASONS else "  (not a code assess emits)"
            print(f"    {reason:<18} {found:>3}/{total:<3} = {found / total:.3f}{note}")

    if not args.dev_only:
        counterpart = counterpart_splits(rows)
        print("\n== leakage check: test recall by where each flagged message's translation is ==")
        for label, wanted in (("translation in dev", "dev"), ("translation not in dev", None)):
            chosen = [
                (r, a)
                for r, a in pairs
                if r.split == "test"
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
        f"goal on test (recall >= {GOAL_RECALL} at precision >= {GOAL_PRECISION}): {verdict}"
        f" (P={test.precision:.3f}, R={test.recall:.3f})"
    )

    return 1 if args.check and not test.meets_goal() else 0


if __name__ == "__main__":
    sys.exit(main())
