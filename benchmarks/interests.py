"""Benchmark the common-ground finder (accord.bargaining.matching) on the labelled interests.

Data (benchmarks/data/interests/): `statements.tsv` holds 92 interest statements, English and
French, written as parties in family, workplace, neighbour and business disputes word them,
each labelled with the underlying need it expresses (23 needs, 2 to 6 statements each, both
languages). `pairs.tsv` holds the labelled pairs: every pair of statements with the same need
is a match (including English-French pairs), and twice as many pairs with different needs
drawn at random (seeded) are non-matches, many of them on the same topic (children, money,
work) with a different need. Needs alternate between the dev and the test split, so the test
split holds needs the thresholds were never tuned on.

Prints, for each split and for each language combination, precision, recall and F1 of the
pairs the finder would suggest (similarity >= MATCH_THRESHOLD), with the confusion counts;
`--errors` lists dev mistakes for tuning (and refuses the test split).

Usage (from the repository root)::

    .venv/bin/python benchmarks/interests.py
    .venv/bin/python benchmarks/interests.py --errors
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.bargaining.matching import MATCH_THRESHOLD, similarities

DATA = Path(__file__).resolve().parent / "data" / "interests"


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    match: bool
    split: str


def load() -> tuple[dict[str, dict[str, str]], list[Pair]]:
    with (DATA / "statements.tsv").open(encoding="utf-8") as f:
        statements = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    with (DATA / "pairs.tsv").open(encoding="utf-8") as f:
        pairs = [
            Pair(row["first"], row["second"], row["match"] == "1", row["split"])
            for row in csv.DictReader(f, delimiter="\t")
        ]
    return statements, pairs


def scores(statements: dict[str, dict[str, str]], pairs: Sequence[Pair]) -> list[float]:
    """Similarities with IDF over the split's own statements, as a process has its own set."""
    ids = sorted({p.first for p in pairs} | {p.second for p in pairs})
    index = {key: n for n, key in enumerate(ids)}
    texts = [statements[key]["text"] for key in ids]
    return similarities(texts, [(index[p.first], index[p.second]) for p in pairs])


def report(name: str, gold: Sequence[bool], predicted: Sequence[bool]) -> None:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"  {name:<12} pairs {len(gold):>4}  precision {precision:.3f}  recall {recall:.3f}  "
        f"F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list dev mistakes")
    args = parser.parse_args()
    statements, pairs = load()
    print(f"common-ground finder, threshold {MATCH_THRESHOLD}")
    for split in ("dev", "test"):
        chosen = [p for p in pairs if p.split == split]
        started = time.perf_counter()
        values = scores(statements, chosen)
        elapsed = time.perf_counter() - started
        predicted = [v >= MATCH_THRESHOLD for v in values]
        print(f"{split}: {len(chosen)} pairs scored in {elapsed * 1000:.1f} ms")
        report("all", [p.match for p in chosen], predicted)
        for langs in ("en-en", "fr-fr", "en-fr"):
            keep = [
                n
                for n, p in enumerate(chosen)
                if "-".join(sorted((statements[p.first]["lang"], statements[p.second]["lang"])))
                == langs
            ]
            report(langs, [chosen[n].match for n in keep], [predicted[n] for n in keep])
        if args.errors and split == "dev":
            for pair, value, guess in zip(chosen, values, predicted, strict=True):
                if guess != pair.match:
                    kind = "missed" if pair.match else "false"
                    print(
                        f"    {kind} {value:.3f}  {statements[pair.first]['text']!r} / "
                        f"{statements[pair.second]['text']!r}"
                    )


if __name__ == "__main__":
    main()
