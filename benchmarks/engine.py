"""Benchmark of Accord's negotiation engine against negmas (a script that prints figures).

Run from the repository root (negmas comes with `pip install -e ".[bench]"`):

    PYTHONPATH=src python benchmarks/engine.py            # full run, a few minutes
    PYTHONPATH=src python benchmarks/engine.py --quick    # small sizes only
    PYTHONPATH=src python benchmarks/engine.py --seed 7 --no-negmas
    PYTHONPATH=src python benchmarks/engine.py --key-only --key-runs 9   # the close goals only

Two-sided negotiations of k issues x m options with random additive utilities:

* independent: each side's weights and scores drawn independently, uniform on [0, 1];
* opposed: side B's scores are 1 - side A's plus uniform noise of +-0.1 (clipped), weights
  independent, so most packages trade one side against the other;
* zero-sum: side B's weights equal A's and its scores are 1 - A's, so every package is
  Pareto-optimal (the worst case for any exact frontier).

On the same instances in one run it times negmas 0.16 (``pareto_frontier`` + ``nash_points``
on that frontier, with equivalent ``LinearAdditiveUtilityFunction`` objects) and Accord
(``pareto_frontier`` + ``nash_bargaining(..., frontier=...)`` on that frontier; building the
utility objects is not timed for either), checks that the frontiers and the Nash points agree
within a tolerance, and prints sizes, times, speed-ups and Accord's peak memory (tracemalloc,
measured in a separate run so tracing does not slow the timed one). The "frontier only" column
is ``pareto_frontier`` alone.
negmas is imported only here; it is never used by the engine or its tests.

It also times maximum Nash welfare for 2 to 4 sides and 10 to 40 items, checking EF1 each
time (and, for two sides, that the MILP and the exact frontier method agree).

On a shared machine a single best-of time can be off by a factor of two. The cases whose
goals are closest (opposed preferences at 10^5 outcomes, and 100 issues x 10 options) are
therefore timed again ``--key-runs`` times after the table, and reported as the median and
the range of those runs; the load average at the start and the end is printed too.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.engine import (
    AdditiveUtility,
    Issue,
    Package,
    is_envy_free_up_to_one,
    max_nash_welfare,
    mnw_frontier,
    mnw_milp,
    nash_bargaining,
    pareto_frontier,
)

KINDS = ("independent", "opposed", "zero-sum")
# Relative tolerance for comparing utilities: Accord resolves utilities to 12 significant
# digits; negmas sums binary floats.
TOLERANCE = 1e-9


@dataclass
class Instance:
    kind: str
    issues: int
    options: int
    weights: np.ndarray  # (2, issues)
    scores: np.ndarray  # (2, issues, options)

    @property
    def outcomes(self) -> int:
        return self.options**self.issues


def make_instance(kind: str, issues: int, options: int, rng: np.random.Generator) -> Instance:
    weights = rng.random((2, issues))
    scores = rng.random((2, issues, options))
    if kind == "opposed":
        noise = rng.uniform(-0.1, 0.1, (issues, options))
        scores[1] = np.clip(1.0 - scores[0] + noise, 0.0, 1.0)
    elif kind == "zero-sum":
        weights[1] = weights[0]
        scores[1] = 1.0 - scores[0]
    weights /= weights.sum(axis=1, keepdims=True)
    return Instance(kind, issues, options, weights, scores)


def accord_inputs(inst: Instance) -> tuple[list[Issue], list[AdditiveUtility]]:
    names = [f"i{i}" for i in range(inst.issues)]
    options = [f"o{j}" for j in range(inst.options)]
    issues = [Issue(name, options) for name in names]
    utilities = [
        AdditiveUtility(
            {name: float(inst.weights[s, i]) for i, name in enumerate(names)},
            {
                name: {o: float(inst.scores[s, i, j]) for j, o in enumerate(options)}
                for i, name in enumerate(names)
            },
        )
        for s in range(2)
    ]
    return issues, utilities


def run_accord(
    issues: list[Issue], utilities: list[AdditiveUtility]
) -> tuple[list[Package], Package | None]:
    frontier = pareto_frontier(issues, utilities)
    return frontier, nash_bargaining(issues, utilities, frontier=frontier)


def accord_points(
    result: tuple[list[Package], Package | None],
) -> tuple[np.ndarray, tuple[float, ...] | None]:
    frontier, nash = result
    points = np.array([p.utilities for p in frontier]).reshape(-1, 2)
    return points, None if nash is None else nash.utilities


def negmas_inputs(inst: Instance) -> tuple[list[Any], list[Any]]:
    from negmas import make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction

    names = [f"i{i}" for i in range(inst.issues)]
    options = [f"o{j}" for j in range(inst.options)]
    issues = [make_issue(options, name=name) for name in names]
    ufuns = [
        LinearAdditiveUtilityFunction(
            values={
                name: {o: float(inst.scores[s, i, j]) for j, o in enumerate(options)}
                for i, name in enumerate(names)
            },
            weights={name: float(inst.weights[s, i]) for i, name in enumerate(names)},
            issues=issues,
            reserved_value=0.0,
        )
        for s in range(2)
    ]
    return issues, ufuns


def run_negmas(issues: list[Any], ufuns: list[Any]) -> tuple[np.ndarray, list[tuple[float, ...]]]:
    from negmas.preferences import nash_points
    from negmas.preferences import pareto_frontier as negmas_frontier

    frontier, _ = negmas_frontier(ufuns, issues=issues)
    # Disagreement at the reservation (0) for both libraries; negmas would otherwise use
    # each utility's minimum over the outcome space.
    ranges = [(0.0, max(point[j] for point in frontier)) for j in range(2)]
    nash = nash_points(ufuns, frontier, ranges=ranges)
    points = np.array(frontier, dtype=float).reshape(-1, 2)
    return points, [tuple(float(x) for x in utils) for utils, _ in nash]


def timed(function: Callable[[], Any], repeat: int = 1) -> tuple[Any, float]:
    """Best of `repeat` runs, and of more while they total under a second (timeit's rule: the
    minimum is the run least disturbed by the rest of the machine)."""
    best = math.inf
    result = None
    spent = 0.0
    runs = 0
    while runs < repeat or (spent < 1.0 and runs < 100):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
    return result, best


def peak_memory(function: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def same_frontier(ours: np.ndarray, theirs: np.ndarray) -> bool:
    if ours.shape != theirs.shape:
        return False
    a = ours[np.lexsort(ours.T[::-1])]
    b = theirs[np.lexsort(theirs.T[::-1])]
    return bool(np.allclose(a, b, rtol=TOLERANCE, atol=TOLERANCE))


def same_nash(ours: tuple[float, ...] | None, theirs: list[tuple[float, ...]]) -> bool:
    if ours is None:
        return not theirs
    return any(np.allclose(ours, t, rtol=TOLERANCE, atol=TOLERANCE) for t in theirs)


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


@dataclass
class Row:
    kind: str
    shape: str
    outcomes: int
    frontier: str
    negmas: float | None
    frontier_time: float | None
    accord: float
    memory: float
    check: str

    @property
    def ratio(self) -> float | None:
        return None if self.negmas is None else self.negmas / self.accord


def negotiation_rows(
    args: argparse.Namespace, rng: np.random.Generator
) -> tuple[list[Row], list[Instance]]:
    sizes = [(3, 10), (4, 10)] if args.quick else [(3, 10), (4, 10), (5, 10), (6, 10)]
    big = [(30, 10)] if args.quick else [(30, 10), (100, 10)]
    repeats = 1 if args.quick else args.instances
    rows = []
    instances = []
    for kind in KINDS:
        for issues, options in sizes + big:
            for _ in range(repeats):
                # Drawn even when not measured, so that every run sees the same instances.
                inst = make_instance(kind, issues, options, rng)
                instances.append(inst)
                if args.key_only:
                    continue
                rows.append(measure(inst, args, compare=(issues, options) in sizes))
                print(render(rows[-1]), flush=True)
    return rows, instances


def measure(inst: Instance, args: argparse.Namespace, compare: bool) -> Row:
    shape = f"{inst.issues}x{inst.options}"
    issues, utilities = accord_inputs(inst)
    try:
        result, accord_time = timed(lambda: run_accord(issues, utilities), repeat=5)
        points, nash = accord_points(result)
    except ValueError as error:
        # Zero-sum instances past max_points: report how fast the refusal comes.
        _, accord_time = timed(lambda: _expect_error(issues, utilities), repeat=3)
        memory = peak_memory(lambda: _expect_error(issues, utilities))
        note = "max_points error" if "max_points" in str(error) else f"error: {error}"
        return Row(inst.kind, shape, inst.outcomes, note, None, None, accord_time, memory, "n/a")
    _, frontier_time = timed(lambda: pareto_frontier(issues, utilities), repeat=5)
    memory = peak_memory(lambda: run_accord(issues, utilities))
    negmas_time = None
    if not compare:
        check = "negmas skipped (it would enumerate 10^30+ outcomes)"
    elif args.no_negmas:
        check = "negmas not run"
    elif inst.kind == "zero-sum" and inst.outcomes > args.negmas_zero_sum_limit:
        check = "negmas skipped (its O(N*F) filter with F = N Pareto points)"
    else:
        their_inputs = negmas_inputs(inst)
        (their_points, their_nash), negmas_time = timed(lambda: run_negmas(*their_inputs))
        frontier_ok = same_frontier(points, their_points)
        nash_ok = same_nash(nash, their_nash)
        check = ("frontier identical" if frontier_ok else "FRONTIER DIFFERS") + (
            ", Nash identical" if nash_ok else ", NASH DIFFERS"
        )
    return Row(
        inst.kind,
        shape,
        inst.outcomes,
        str(len(points)),
        negmas_time,
        frontier_time,
        accord_time,
        memory,
        check,
    )


def _expect_error(issues: list[Issue], utilities: list[AdditiveUtility]) -> None:
    try:
        pareto_frontier(issues, utilities)
    except ValueError:
        return
    raise AssertionError("expected a max_points error")


# The goals closest to failing: opposed preferences at 10^5 outcomes (the speed-up over negmas)
# and at 100 issues x 10 options (the time limit).
KEY_CASES = (("opposed", 5, 10), ("opposed", 100, 10))


@dataclass
class KeyRow:
    kind: str
    shape: str
    outcomes: int
    points: int
    accord: list[float]  # frontier + Nash, best of repeated runs, once per key run
    frontier: list[float]  # frontier only, likewise
    negmas: list[float]  # empty when negmas is not run on this size

    @property
    def ratios(self) -> list[float]:
        return [n / a for n, a in zip(self.negmas, self.accord, strict=False)]


def key_rows(instances: list[Instance], args: argparse.Namespace) -> list[KeyRow]:
    rows = []
    for inst in instances:
        if (inst.kind, inst.issues, inst.options) in KEY_CASES:
            rows.append(time_key_case(inst, args))
            print(render_key(rows[-1]), flush=True)
    return rows


def time_key_case(inst: Instance, args: argparse.Namespace) -> KeyRow:
    issues, utilities = accord_inputs(inst)
    compare = inst.outcomes <= 10**6 and not args.no_negmas
    their_inputs = negmas_inputs(inst) if compare else None
    points = len(pareto_frontier(issues, utilities))
    row = KeyRow(inst.kind, f"{inst.issues}x{inst.options}", inst.outcomes, points, [], [], [])
    for _ in range(args.key_runs):
        row.accord.append(timed(lambda: run_accord(issues, utilities), repeat=5)[1])
        row.frontier.append(timed(lambda: pareto_frontier(issues, utilities), repeat=5)[1])
        if their_inputs is not None:
            row.negmas.append(timed(lambda: run_negmas(*their_inputs))[1])
    return row


def spread(values: list[float], show: Callable[[float], str] = fmt_time) -> str:
    return f"{show(statistics.median(values))} [{show(min(values))}-{show(max(values))}]"


def ratio_text(value: float) -> str:
    return f"{value:,.0f}x"


KEY_HEADER = (
    f"{'preferences':<12} {'k x m':>7} {'outcomes':>9} {'points':>7}  "
    "median [min-max] of the runs: F + Nash; frontier only; negmas; speed-up"
)


def render_key(row: KeyRow) -> str:
    text = (
        f"{row.kind:<12} {row.shape:>7} {f'10^{round(math.log10(row.outcomes))}':>9} "
        f"{row.points:>7}  {spread(row.accord)}; {spread(row.frontier)}"
    )
    if row.negmas:
        text += f"; {spread(row.negmas)}; {spread(row.ratios, ratio_text)}"
    return text


HEADER = (
    f"{'preferences':<12} {'k x m':>7} {'outcomes':>9} {'frontier':>17} {'negmas':>9} "
    f"{'accord':>9} {'speed-up':>9} {'frontier':>9} {'peak MiB':>8}  check\n"
    f"{'':<12} {'':>7} {'':>9} {'points':>17} {'F + Nash':>9} {'F + Nash':>9} {'':>9} "
    f"{'only':>9} {'':>8}"
)


def render(row: Row) -> str:
    ratio = "-" if row.ratio is None else f"{row.ratio:,.0f}x"
    outcomes = f"10^{round(math.log10(row.outcomes))}"
    return (
        f"{row.kind:<12} {row.shape:>7} {outcomes:>9} {row.frontier:>17} "
        f"{fmt_time(row.negmas):>9} {fmt_time(row.accord):>9} {ratio:>9} "
        f"{fmt_time(row.frontier_time):>9} {row.memory:>8.1f}  "
        f"{row.check}"
    )


@dataclass
class WelfareRow:
    sides: int
    items: int
    times: list[float]
    ef1: bool
    agree: bool | None


def welfare_rows(args: argparse.Namespace, rng: np.random.Generator) -> list[WelfareRow]:
    rows = []
    counts = [10, 20] if args.quick else [10, 20, 30, 40]
    for sides in (2, 3, 4):
        for items in counts:
            times, ef1, agree = [], True, None
            for _ in range(args.welfare_instances):
                names = [f"g{g}" for g in range(items)]
                values = [
                    {g: float(v) for g, v in zip(names, rng.random(items), strict=True)}
                    for _ in range(sides)
                ]
                allocation, seconds = timed(
                    lambda names=names, values=values: max_nash_welfare(names, values)
                )
                times.append(seconds)
                ef1 &= is_envy_free_up_to_one([list(b) for b in allocation.bundles], values)
                if sides == 2:
                    by_milp = max_nash_welfare(names, values, algorithm=mnw_milp)
                    by_frontier = max_nash_welfare(names, values, algorithm=mnw_frontier)
                    same = math.isclose(
                        math.prod(by_milp.utilities), math.prod(by_frontier.utilities), rel_tol=1e-6
                    )
                    agree = same if agree is None else agree and same
            rows.append(WelfareRow(sides, items, times, ef1, agree))
            print(render_welfare(rows[-1]), flush=True)
    return rows


WELFARE_HEADER = f"{'sides':>5} {'items':>5} {'median':>9} {'max':>9}  checks"


def render_welfare(row: WelfareRow) -> str:
    checks = "EF1 every time" if row.ef1 else "EF1 FAILED"
    if row.agree is not None:
        checks += ", MILP = exact frontier" if row.agree else ", MILP DIFFERS FROM FRONTIER"
    return (
        f"{row.sides:>5} {row.items:>5} {fmt_time(statistics.median(row.times)):>9} "
        f"{fmt_time(max(row.times)):>9}  {checks} ({len(row.times)} instances)"
    )


def key_goals(rows: list[KeyRow]) -> list[str]:
    lines = []
    for exponent, target in ((5, 1_000), (6, 10_000)):
        picked = [r for r in rows if r.outcomes == 10**exponent and r.negmas]
        if picked:
            medians = [statistics.median(r.ratios) for r in picked]
            lowest = min(min(r.ratios) for r in picked)
            lines.append(
                f">= {target:,}x faster than negmas at 10^{exponent} outcomes, "
                f"{len(picked[0].ratios)} runs per instance: worst median {min(medians):,.0f}x, "
                f"lowest single run {lowest:,.0f}x -> "
                f"{'MET' if min(medians) >= target else 'NOT MET'}"
            )
    big = [r for r in rows if r.shape == "100x10"]
    if big:
        medians = [statistics.median(r.frontier) for r in big]
        highest = max(max(r.frontier) for r in big)
        lines.append(
            f"100x10 opposed frontier in <= 250 ms, {len(big[0].frontier)} runs per instance: "
            f"worst median {fmt_time(max(medians))}, slowest single run {fmt_time(highest)} -> "
            f"{'MET' if max(medians) <= 0.250 else 'NOT MET'}"
        )
    return lines


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def goals(rows: list[Row], welfare: list[WelfareRow], quick: bool) -> list[str]:
    lines = []

    def verdict(ok: bool) -> str:
        return "MET" if ok else "NOT MET"

    compared = [r for r in rows if r.ratio is not None]
    identical = all("DIFFERS" not in r.check for r in rows)
    if compared:
        lines.append(
            f"identical frontiers and Nash points on all {len(compared)} compared instances: "
            f"{verdict(identical)}"
        )
    else:
        lines.append("identical results: not checked (negmas not run)")
    for exponent, target in ((5, 1_000), (6, 10_000)):
        picked = [r for r in compared if r.outcomes == 10**exponent]
        if picked:
            worst = min(r.ratio for r in picked if r.ratio is not None)
            lines.append(
                f">= {target:,}x faster than negmas at 10^{exponent} outcomes: worst {worst:,.0f}x "
                f"over {len(picked)} instances -> {verdict(worst >= target)}"
            )
    for shape, limit, memory in (("30x10", 0.010, None), ("100x10", 0.250, 100.0)):
        picked = [r for r in rows if r.shape == shape and r.kind != "zero-sum"]
        if not picked:
            continue
        for kind in ("independent", "opposed"):
            of_kind = [r for r in picked if r.kind == kind]
            if not of_kind:
                continue
            worst_memory = max(r.memory for r in of_kind)
            memory_ok = memory is None or worst_memory < memory
            extra = f", peak {worst_memory:.1f} MiB (< {memory:.0f} MiB)" if memory else ""
            frontier = max(r.frontier_time or math.inf for r in of_kind)
            both = max(r.accord for r in of_kind)
            lines.append(
                f"{shape} {kind} frontier in <= {limit * 1e3:.0f} ms: worst {fmt_time(frontier)} "
                f"(frontier + Nash {fmt_time(both)}){extra} -> "
                f"{verdict(frontier <= limit and memory_ok)}"
            )
    zero = [r for r in rows if r.kind == "zero-sum" and r.frontier == "max_points error"]
    if zero:
        lines.append(
            "zero-sum past max_points (default 100,000) raises a clear error in at most "
            f"{fmt_time(max(r.accord for r in zero))}, peak {max(r.memory for r in zero):.1f} MiB "
            f"({len(zero)} instances; the size goals concern independent and opposed ones)"
        )
    if welfare:
        worst = max(max(r.times) for r in welfare)
        ef1 = all(r.ef1 for r in welfare)
        lines.append(
            f"MNW for <= 4 sides and <= {max(r.items for r in welfare)} items in <= 3 s, EF1 "
            f"checked: worst {fmt_time(worst)}, EF1 {'always' if ef1 else 'FAILED'} -> "
            f"{verdict(worst <= 3.0 and ef1)}"
        )
    if quick:
        lines.append("(quick run: 10^5, 10^6 and 100x10 are not measured)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument(
        "--instances", type=int, default=2, help="instances per negotiation size (default 2)"
    )
    parser.add_argument(
        "--welfare-instances", type=int, default=5, help="instances per MNW size (default 5)"
    )
    parser.add_argument("--no-negmas", action="store_true", help="time Accord only")
    parser.add_argument(
        "--negmas-zero-sum-limit",
        type=int,
        default=10**4,
        help="largest zero-sum outcome space given to negmas (default 10^4)",
    )
    parser.add_argument(
        "--key-runs",
        type=int,
        default=5,
        help="times each key case is timed again after the table (default 5; 0 to skip)",
    )
    parser.add_argument(
        "--key-only", action="store_true", help="only the key cases: no table, no MNW"
    )
    args = parser.parse_args(argv)
    if not args.no_negmas:
        try:
            import negmas  # noqa: F401
        except ImportError:
            print("negmas is not installed: timing Accord only (pip install negmas)")
            args.no_negmas = True
    warnings.filterwarnings("ignore")  # negmas warns that enumerating large spaces is slow
    rng = np.random.default_rng(args.seed)
    print(
        f"Accord negotiation engine benchmark (seed {args.seed}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {load_average()})"
    )
    print(
        "Times: best of repeated runs (at least 5 for Accord, 1 for negmas, more while their\n"
        "total is under 1 s). Memory: Accord's tracemalloc peak for frontier + Nash.\n"
    )
    if not args.key_only:
        print(HEADER)
    rows, instances = negotiation_rows(args, rng)
    welfare: list[WelfareRow] = []
    if not args.key_only:
        print("\nMaximum Nash welfare (random valuations uniform on [0, 1])\n")
        print(WELFARE_HEADER)
        welfare = welfare_rows(args, rng)
    keys: list[KeyRow] = []
    if args.key_runs > 0 and any(
        (inst.kind, inst.issues, inst.options) in KEY_CASES for inst in instances
    ):
        print(f"\nKey cases, each timed {args.key_runs} more times (as above, per run)\n")
        print(KEY_HEADER)
        keys = key_rows(instances, args)
    print(f"\nGoals (load average at the end {load_average()})")
    lines = [] if args.key_only else goals(rows, welfare, args.quick)
    for line in lines + key_goals(keys):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
