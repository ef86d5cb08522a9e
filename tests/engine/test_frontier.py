import functools
import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.engine import (
    AdditiveUtility,
    Issue,
    pareto_enumerate,
    pareto_frontier,
    pareto_merge,
)

from . import brute

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_pairs(packages):
    return [(p.utilities, dict(p.choices)) for p in packages]


@PROPERTY
@given(brute.negotiations(max_sides=2))
def test_two_sides_equals_brute_force(instance):
    issues, utilities = instance
    assert as_pairs(pareto_frontier(issues, utilities)) == brute.frontier(issues, utilities)


@settings(max_examples=150, deadline=None)
@given(brute.negotiations(min_sides=3, max_sides=4, max_issues=3, max_options=3))
def test_three_or_more_sides_equal_brute_force(instance):
    issues, utilities = instance
    expected = brute.frontier(issues, utilities)
    assert as_pairs(pareto_frontier(issues, utilities)) == expected
    enumerated = pareto_frontier(issues, utilities, algorithm=pareto_enumerate)
    assert as_pairs(enumerated) == expected


@PROPERTY
@given(brute.negotiations(max_sides=3), st.data())
def test_at_least_keeps_exactly_the_frontier_packages_that_meet_it(instance, data):
    issues, utilities = instance
    # Bounds taken from real packages lie on the grid, so the brute force compares exactly.
    packages = brute.all_packages(issues, utilities)
    vector, _, _ = packages[data.draw(st.integers(0, len(packages) - 1))]
    bound = [data.draw(st.sampled_from([0.0, v])) for v in vector]
    expected = brute.frontier(issues, utilities, at_least=bound)
    assert as_pairs(pareto_frontier(issues, utilities, at_least=bound)) == expected
    enumerated = pareto_frontier(issues, utilities, at_least=bound, algorithm=pareto_enumerate)
    assert as_pairs(enumerated) == expected


def random_table(rng, issues, options, sides, high):
    return [rng.integers(0, high, size=(options, sides)).astype(np.int64) for _ in range(issues)]


@pytest.mark.parametrize("seed", range(12))
def test_merge_equals_enumeration_on_larger_spaces(seed):
    # Large enough (>= 4,096 candidates a step) to run the linear-time prefilter.
    rng = np.random.default_rng(seed)
    high = [3, 50, 10**9][seed % 3]
    table = random_table(rng, 6, 8, 2, high)
    if seed % 2:
        table = [np.column_stack([t[:, 0], high - t[:, 0]]) for t in table]
    zero = np.zeros(2, dtype=np.int64)
    units, choices = pareto_merge(table, zero, 10**6)
    expected_units, expected_choices = pareto_enumerate(table, zero, 10**6)
    np.testing.assert_array_equal(units, expected_units)
    np.testing.assert_array_equal(choices, expected_choices)


@pytest.mark.parametrize("seed", range(4))
def test_merge_equals_enumeration_for_three_sides(seed):
    rng = np.random.default_rng(100 + seed)
    table = random_table(rng, 5, 5, 3, [4, 1000][seed % 2])
    zero = np.zeros(3, dtype=np.int64)
    merged = pareto_merge(table, zero, 10**6)
    enumerated = pareto_enumerate(table, zero, 10**6)
    for got, expected in zip(merged, enumerated, strict=True):
        np.testing.assert_array_equal(got, expected)


def test_one_issue():
    issue = [Issue("price", [100, 200, 300])]
    buyer = AdditiveUtility({"price": 1}, {"price": {100: 3, 200: 2, 300: 1}})
    seller = AdditiveUtility({"price": 1}, {"price": {100: 1, 200: 2, 300: 3}})
    frontier = pareto_frontier(issue, [buyer, seller])
    assert [p.choices["price"] for p in frontier] == [300, 200, 100]
    assert [p.utilities for p in frontier] == [(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]


def test_identical_vectors_keep_the_lexicographically_smallest_package():
    issues = [Issue("a", ["x", "y"]), Issue("b", ["p", "q"])]
    # (x, q) and (y, p) both give (1, 1); (x, p) gives (0, 2) and (y, q) gives (2, 0).
    one = AdditiveUtility({"a": 1, "b": 1}, {"a": {"x": 0, "y": 1}, "b": {"p": 0, "q": 1}})
    two = AdditiveUtility({"a": 1, "b": 1}, {"a": {"x": 1, "y": 0}, "b": {"p": 1, "q": 0}})
    frontier = pareto_frontier(issues, [one, two])
    assert as_pairs(frontier) == [
        ((0.0, 2.0), {"a": "x", "b": "p"}),
        ((1.0, 1.0), {"a": "x", "b": "q"}),
        ((2.0, 0.0), {"a": "y", "b": "q"}),
    ]


def test_ties_do_not_depend_on_floating_point_summation_order():
    # In binary floats 0.1 + 0.2 > 0.3, which would make (y, q) dominate (x, p); on the
    # decimal grid they tie and the lexicographically smaller (x, p) represents both.
    issues = [Issue("a", ["x", "y"]), Issue("b", ["p", "q"])]
    one = AdditiveUtility({"a": 1, "b": 1}, {"a": {"x": 0.3, "y": 0.1}, "b": {"p": 0, "q": 0.2}})
    two = AdditiveUtility({"a": 1, "b": 1}, {"a": {"x": 0, "y": 1}, "b": {"p": 1, "q": 0}})
    expected = [
        ((0.1, 2.0), {"a": "y", "b": "p"}),
        ((0.3, 1.0), {"a": "x", "b": "p"}),
        ((0.5, 0.0), {"a": "x", "b": "q"}),
    ]
    assert as_pairs(pareto_frontier(issues, [one, two])) == expected
    assert as_pairs(pareto_frontier(issues, [one, two], algorithm=pareto_enumerate)) == expected
    again = pareto_frontier(issues[::-1], [one, two])
    assert [p.utilities for p in again] == [v for v, _ in expected]
    assert dict(again[1].choices) == {"b": "p", "a": "x"}


def zero_sum(count, rng):
    issues = [Issue(f"i{i}", list(range(10))) for i in range(count)]
    scores = {f"i{i}": {o: float(rng.random()) for o in range(10)} for i in range(count)}
    weights = {f"i{i}": 1.0 for i in range(count)}
    flipped = {i: {o: 1 - s for o, s in row.items()} for i, row in scores.items()}
    return issues, [AdditiveUtility(weights, scores), AdditiveUtility(weights, flipped)]


def test_zero_sum_instance_hits_max_points_with_a_clear_error():
    rng = np.random.default_rng(0)
    issues, sides = zero_sum(8, rng)
    with pytest.raises(ValueError, match=r"more than max_points=1000; .* zero-sum"):
        pareto_frontier(issues, sides, max_points=1000)
    issues, sides = zero_sum(4, rng)
    with pytest.raises(ValueError, match="among the enumerated packages, more than max_points"):
        pareto_frontier(issues, sides, max_points=1000, algorithm=pareto_enumerate)


def test_enumeration_refuses_spaces_beyond_its_cap():
    issues = [Issue(f"i{i}", list(range(10))) for i in range(4)]
    u = AdditiveUtility(
        {f"i{i}": 1 for i in range(4)}, {f"i{i}": {o: o for o in range(10)} for i in range(4)}
    )
    capped = functools.partial(pareto_enumerate, max_outcomes=999)
    with pytest.raises(ValueError, match="enumerating 10000 packages exceeds max_outcomes=999"):
        pareto_frontier(issues, [u, u], algorithm=capped)


def test_unreachable_bound_gives_an_empty_frontier():
    issues = [Issue("a", ["x", "y"])]
    u = AdditiveUtility({"a": 1}, {"a": {"x": 1, "y": 0}})
    assert pareto_frontier(issues, [u, u], at_least=[2, 0]) == []
    assert pareto_frontier(issues, [u, u], at_least=[2, 0], algorithm=pareto_enumerate) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"at_least": [1.0]}, "one utility level per side"),
        ({"at_least": [float("nan"), 0]}, "a utility level must be finite"),
        ({"max_points": 0}, "max_points must be a positive integer"),
    ],
)
def test_bad_arguments_rejected(kwargs, message):
    issues = [Issue("a", ["x", "y"])]
    u = AdditiveUtility({"a": 1}, {"a": {"x": 1, "y": 0}})
    with pytest.raises(ValueError, match=message):
        pareto_frontier(issues, [u, u], **kwargs)


def test_inputs_are_validated():
    u = AdditiveUtility({"a": 1}, {"a": {"x": 1}})
    with pytest.raises(ValueError, match="at least one issue"):
        pareto_frontier([], [u, u])
    with pytest.raises(ValueError, match="issue names must be unique"):
        pareto_frontier([Issue("a", ["x"]), Issue("a", ["x"])], [u, u])
    with pytest.raises(ValueError, match="at least 2 utilities"):
        pareto_frontier([Issue("a", ["x"])], [u])
    with pytest.raises(ValueError, match="not an AdditiveUtility"):
        pareto_frontier([Issue("a", ["x"])], [u, "u"])


def test_table_shapes_are_validated():
    zero = np.zeros(2, dtype=np.int64)
    with pytest.raises(ValueError, match="expected \\(options >= 1, 2\\)"):
        pareto_merge([np.zeros((2, 2), np.int64), np.zeros((2, 3), np.int64)], zero, 10)
    with pytest.raises(ValueError, match="one entry per side"):
        pareto_merge([np.zeros((2, 2), np.int64)], np.zeros(3, np.int64), 10)


def test_frontier_of_a_large_random_instance_is_mutually_non_dominated():
    rng = np.random.default_rng(5)
    names = [f"i{i}" for i in range(30)]
    issues = [Issue(n, list(range(10))) for n in names]
    sides = [
        AdditiveUtility(
            {n: float(w) for n, w in zip(names, rng.random(30), strict=True)},
            {n: {o: float(rng.random()) for o in range(10)} for n in names},
        )
        for _ in range(2)
    ]
    frontier = pareto_frontier(issues, sides)
    points = np.array([p.utilities for p in frontier])
    assert np.all(np.diff(points[:, 0]) > 0)
    assert np.all(np.diff(points[:, 1]) < 0)
    for package in itertools.islice(frontier, 0, None, 97):
        assert package.utilities == tuple(u(package.choices) for u in sides)


def test_many_tied_issues_match_a_dynamic_programme_over_all_sums():
    # 40 issues with small integer contributions: ties everywhere, and the lexicographic keys
    # of partial packages outgrow int64 (4**40), so they must be re-ranked along the way.
    rng = np.random.default_rng(11)
    table = [rng.integers(0, 3, size=(4, 2)).astype(np.int64) for _ in range(40)]
    # Every reachable utility vector with its lexicographically smallest package.
    reachable = {(0, 0): ()}
    for rows in table:
        step = {}
        for vector, choice in reachable.items():
            for option, (da, db) in enumerate(rows.tolist()):
                key = (vector[0] + da, vector[1] + db)
                candidate = (*choice, option)
                if key not in step or candidate < step[key]:
                    step[key] = candidate
        reachable = step
    frontier = sorted(
        (v, c)
        for v, c in reachable.items()
        if not any(w != v and w[0] >= v[0] and w[1] >= v[1] for w in reachable)
    )
    units, choices = pareto_merge(table, np.zeros(2, dtype=np.int64), 10**6)
    assert [tuple(u) for u in units.tolist()] == [v for v, _ in frontier]
    assert [tuple(c) for c in choices.tolist()] == [c for _, c in frontier]
