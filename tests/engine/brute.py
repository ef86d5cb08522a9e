"""Brute-force references for the engine tests: plain Python over every package.

They share nothing with the engine's algorithms. Utilities come from
``AdditiveUtility.__call__`` (the definition of a package's utility); the floats it returns
are the nearest floats to decimal grid values, so ``Fraction(repr(x))`` recovers the exact
grid value and products and ratios can be compared exactly.
"""

import itertools
import math
from fractions import Fraction

from hypothesis import strategies as st

from accord.engine import AdditiveUtility, Issue


def exact(x):
    return Fraction(repr(x))


def all_packages(issues, utilities):
    """Every package in lexicographic order of option indices: (vector, indices, choices)."""
    result = []
    for combo in itertools.product(*[range(len(issue.options)) for issue in issues]):
        choices = {issue.name: issue.options[c] for issue, c in zip(issues, combo, strict=True)}
        vector = tuple(u(choices) for u in utilities)
        result.append((vector, combo, choices))
    return result


def dominates(x, y):
    return all(a >= b for a, b in zip(x, y, strict=True)) and x != y


def frontier(issues, utilities, at_least=None):
    """Pareto-optimal packages, one per vector (lexicographically smallest indices), sorted."""
    everything = all_packages(issues, utilities)
    best = {}
    for vector, _combo, choices in everything:
        if any(dominates(other, vector) for other, _, _ in everything):
            continue
        if at_least is not None and any(v < b for v, b in zip(vector, at_least, strict=True)):
            continue
        best.setdefault(vector, choices)
    return [(vector, best[vector]) for vector in sorted(best)]


def _feasible(issues, utilities, d):
    return [
        (vector, choices)
        for vector, choices in frontier(issues, utilities)
        if all(v > x for v, x in zip(vector, d, strict=True))
    ]


def _best(candidates, score):
    if not candidates:
        return None
    top = max(score(vector) for vector, _ in candidates)
    # Candidates are sorted by vector, so the first maximiser is the documented tie-break.
    return next((v, c) for v, c in candidates if score(v) == top)


def nash(issues, utilities, d):
    return _best(
        _feasible(issues, utilities, d),
        lambda v: math.prod(exact(a) - exact(b) for a, b in zip(v, d, strict=True)),
    )


def kalai_smorodinsky(issues, utilities, d):
    candidates = _feasible(issues, utilities, d)
    if not candidates:
        return None
    ideal = [max(v[j] for v, _ in candidates) for j in range(len(d))]
    return _best(
        candidates,
        lambda v: min(
            (exact(a) - exact(b)) / (exact(i) - exact(b))
            for a, b, i in zip(v, d, ideal, strict=True)
        ),
    )


def egalitarian(issues, utilities, d):
    return _best(
        _feasible(issues, utilities, d),
        lambda v: min(exact(a) - exact(b) for a, b in zip(v, d, strict=True)),
    )


def improvements(issues, utilities, tentative):
    t = [u(tentative) for u in utilities]
    better = _feasible(issues, utilities, t)
    gain = [math.prod(exact(a) - exact(b) for a, b in zip(v, t, strict=True)) for v, _ in better]
    order = sorted(range(len(better)), key=lambda i: -gain[i])
    return [better[i] for i in order]


def nash_welfare_objective(utilities, totals):
    positive = [u / t for u, t in zip(utilities, totals, strict=True) if u > 0]
    return len(positive), math.prod(positive)


def _totals(items, valuations):
    return [sum((exact(float(v[g])) for g in items), Fraction(0)) for v in valuations]


def best_nash_welfare(items, valuations):
    """Best (positive count, product of utility / total) over all allocations, exactly."""
    n = len(valuations)
    best = None
    for owner in itertools.product(range(n), repeat=len(items)):
        totals = [Fraction(0)] * n
        for item, side in zip(items, owner, strict=True):
            totals[side] += exact(float(valuations[side][item]))
        value = nash_welfare_objective(totals, _totals(items, valuations))
        if best is None or value > best:
            best = value
    return best


def allocation_objective(allocation, valuations):
    totals = [
        sum((exact(float(valuations[j][g])) for g in bundle), Fraction(0))
        for j, bundle in enumerate(allocation.bundles)
    ]
    items = [g for bundle in allocation.bundles for g in bundle]
    return nash_welfare_objective(totals, _totals(items, valuations))


# Value generators: small integers and one-decimal numbers create many exact ties; floats
# exercise the grid.
def _values(kind):
    if kind == "small":
        return st.integers(0, 4)
    if kind == "decimal":
        return st.integers(0, 20).map(lambda x: x / 10)
    return st.floats(0, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def negotiations(draw, min_sides=2, max_sides=2, max_issues=4, max_options=4):
    sides = draw(st.integers(min_sides, max_sides))
    sizes = draw(st.lists(st.integers(1, max_options), min_size=1, max_size=max_issues))
    issues = [Issue(f"i{i}", [f"o{j}" for j in range(m)]) for i, m in enumerate(sizes)]
    kind = draw(st.sampled_from(["small", "decimal", "float"]))
    values = _values(kind)
    utilities = []
    for _ in range(sides):
        weights = {issue.name: draw(values) for issue in issues}
        if all(w == 0 for w in weights.values()):
            weights[issues[0].name] = 1
        scores = {issue.name: {o: draw(values) for o in issue.options} for issue in issues}
        reservation = draw(st.sampled_from([0.0, 0.5, 1.0, 2.5]))
        utilities.append(AdditiveUtility(weights, scores, reservation))
    return issues, utilities


@st.composite
def item_valuations(draw, min_sides=2, max_sides=4, max_items=6):
    sides = draw(st.integers(min_sides, max_sides))
    count = draw(st.integers(1, max_items))
    items = [f"g{g}" for g in range(count)]
    values = _values(draw(st.sampled_from(["small", "decimal"])))
    valuations = [{g: draw(values) for g in items} for _ in range(sides)]
    return items, valuations
