"""The merge's internals: the prefilter drops only dominated candidates, ties deep in a long
merge follow the policy, and the public table functions validate what they are given."""

from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engine import _dominance, pareto_enumerate, pareto_merge
from accord.engine._dominance import Scratch, Trail, prefilter_runs, prefilter_two, sweep_two


def staircase(rng, size, high):
    """A two-sided frontier: first utility increasing, second decreasing, both >= 0."""
    a = np.unique(rng.integers(0, high, size=size))
    b = np.sort(rng.choice(high, size=len(a), replace=False))[::-1]
    return a.astype(np.int64), b.astype(np.int64)


def strictly_dominated(a, b):
    """For each candidate, whether another one is at least as good on both sides and better
    on one (vectorised: sort by the first utility, suffix maxima of the second)."""
    order = np.argsort(a, kind="stable")
    sa, sb = a[order], b[order]
    suffix = np.maximum.accumulate(sb[::-1])[::-1]
    suffix = np.append(suffix, -1)
    at_least = np.searchsorted(sa, a, side="left")  # first with a_y >= a_x
    above = np.searchsorted(sa, a, side="right")  # first with a_y > a_x
    return (suffix[above] >= b) | (suffix[at_least] > b)


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    # Up to 64 options go one by one (for large frontiers), more by chunks.
    shape=st.one_of(
        st.tuples(st.integers(1, 600), st.integers(1, 120)),
        st.tuples(st.integers(2000, 6000), st.integers(1, 9)),
    ),
    high=st.sampled_from([40, 1000, 10**6, 10**12]),
    # Small chunks send small inputs down the run-by-run path, with its blocks.
    chunk=st.sampled_from([1, 64, 1 << 16]),
)
def test_prefilter_keeps_the_frontier_and_drops_only_strictly_dominated_candidates(
    seed, shape, high, chunk
):
    size, options = shape
    rng = np.random.default_rng(seed)
    pa, pb = staircase(rng, size, max(high, 2 * size))
    ra = rng.integers(0, high, size=options).astype(np.int64)
    rb = rng.integers(0, high, size=options).astype(np.int64)
    a = (ra[:, None] + pa).ravel()
    b = (rb[:, None] + pb).ravel()
    with mock.patch.object(_dominance, "_CHUNK", chunk):
        kept_options, kept_partials = prefilter_runs(pa, pb, ra, rb, Scratch())
    kept = kept_options * len(pa) + kept_partials
    # Option-major and without repeats, as the merge expects.
    assert np.all(np.diff(kept) > 0)
    front = sweep_two(np.array([a, b]), lambda index: index.astype(np.int64))
    assert np.isin(front, kept).all()
    dropped = np.setdiff1d(np.arange(len(a)), kept)
    assert strictly_dominated(a, b)[dropped].all()


@settings(max_examples=100, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(1, 3000),
    options=st.integers(1, 12),
    high=st.sampled_from([40, 1000, 10**12]),
)
def test_bucket_prefilter_drops_only_strictly_dominated_candidates(seed, size, options, high):
    rng = np.random.default_rng(seed)
    pa, pb = staircase(rng, size, max(high, 2 * size))
    ra = rng.integers(0, high, size=options).astype(np.int64)
    rb = rng.integers(0, high, size=options).astype(np.int64)
    a = (ra[:, None] + pa).ravel()
    b = (rb[:, None] + pb).ravel()
    kept = prefilter_two(a, b, int(a.min()), int(a.max()), Scratch())
    front = sweep_two(np.array([a, b]), lambda index: index.astype(np.int64))
    assert np.isin(front, kept).all()
    dropped = np.setdiff1d(np.arange(len(a)), kept)
    assert strictly_dominated(a, b)[dropped].all()


@pytest.mark.parametrize("chunk", [1, 1 << 16])
def test_prefilter_skips_a_run_that_another_lifts_everywhere(chunk):
    pa, pb = np.arange(0, 4000, 2), np.arange(4000, 0, -2)
    with mock.patch.object(_dominance, "_CHUNK", chunk):
        options, partials = prefilter_runs(pa, pb, np.array([0, 0]), np.array([0, 10]), Scratch())
    assert np.bincount(options).tolist() == [2, 2000]
    assert partials[:2].tolist() == [1998, 1999]


def test_trail_rebuilds_packages_and_ranks_them_lexicographically():
    trail = Trail(widest=3)
    # Step 0 keeps options 2 and 0 of the first issue; step 1 extends them.
    trail.add(np.array([0, 0]), np.array([2, 0]))
    trail.add(np.array([1, 0, 1]), np.array([1, 0, 2]))
    assert trail.trace(np.array([0, 1, 2])).T.tolist() == [[0, 1], [2, 0], [0, 2]]
    # Candidates of step 2: (0, 1) + 1, (2, 0) + 0, (0, 1) + 0 and (0, 2) + 0.
    keys = trail.keys(np.array([0, 1, 0, 2]), np.array([1, 0, 0, 0]))
    assert keys.tolist() == [1, 3, 0, 2]


def test_scratch_reuses_its_arrays_and_grows():
    scratch = Scratch()
    first = scratch.array("x", 100, np.int64)
    assert scratch.array("x", 90, np.int64).base is first.base
    bigger = scratch.array("x", 1000, np.int64)
    assert len(bigger) == 1000
    assert bigger.base is not first.base
    assert scratch.array("x", 10, np.bool_).dtype == np.bool_


def opposed_table(rng, issues, options, high):
    """Two sides that trade one against the other, with ties everywhere."""
    a = rng.integers(0, high, size=(issues, options))
    b = high - a + rng.integers(0, 3, size=(issues, options))
    return [np.column_stack([a[i], b[i]]).astype(np.int64) for i in range(issues)]


@pytest.mark.parametrize("seed", range(4))
def test_large_tied_merge_equals_enumeration(seed):
    # Steps of more than 4,096 candidates run the prefilter; integer utilities tie often,
    # so the tie policy is settled from the trail, several issues deep.
    rng = np.random.default_rng(seed)
    table = opposed_table(rng, 7, 7, [300, 1000][seed % 2])
    bound = np.zeros(2, dtype=np.int64)
    if seed >= 2:
        bound = (sum(rows.max(axis=0) for rows in table) * 0.3).astype(np.int64)
    units, choices = pareto_merge(table, bound, 10**6)
    expected_units, expected_choices = pareto_enumerate(table, bound, 10**6)
    assert len(units) > 600
    np.testing.assert_array_equal(units, expected_units)
    np.testing.assert_array_equal(choices, expected_choices)
    assert choices.dtype == np.int64


def test_an_issue_with_one_useful_option_shifts_the_frontier():
    # Enough options (>= 100) for dominated options to be weeded out first, and a partial
    # frontier past the small steps when issue 6 comes, whose options are all dominated by
    # (or equal to) its option 2: the frontier is the one without issue 6, shifted.
    rng = np.random.default_rng(3)
    table = opposed_table(rng, 12, 9, 1000)
    flat = np.array([[5, 7], [9, 9], [9, 9], [0, 9], [9, 0], [8, 8], [9, 9], [1, 1], [9, 8]])
    zero = np.zeros(2, dtype=np.int64)
    without_units, without_choices = pareto_merge(table, zero, 10**6)
    units, choices = pareto_merge([*table[:6], flat, *table[6:]], zero, 10**6)
    np.testing.assert_array_equal(units, without_units + np.array([9, 9]))
    np.testing.assert_array_equal(choices[:, 6], 1)
    np.testing.assert_array_equal(np.delete(choices, 6, axis=1), without_choices)


def test_many_options_spread_far_apart_merge_in_little_memory():
    # A money-like issue: 6,000 options over twelve orders of magnitude, merged while the
    # partial frontier still has a single point (the prefilter's cells follow the options'
    # spread, not only the frontier's).
    rng = np.random.default_rng(8)
    money = rng.integers(0, 10**12, size=6000)
    table = [np.array([[0, 0]]), np.column_stack([money, 10**12 - money]), np.array([[0, 1]])]
    zero = np.zeros(2, dtype=np.int64)
    units, choices = pareto_merge(table, zero, 10**6)
    expected_units, expected_choices = pareto_enumerate(table, zero, 10**6)
    np.testing.assert_array_equal(units, expected_units)
    np.testing.assert_array_equal(choices, expected_choices)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([np.array([[0, 1], [-1, 2]])], "must be non-negative, got -1"),
        ([np.array([[0.5, 1.0]])], "holds float64, not integers"),
        ([np.array([[2**62, 0]])], "too large"),
        ([np.array([[2**61, 0]]), np.array([[2**61, 0]])], "too large"),
        ([np.array([0, 1])], r"has shape \(2,\); expected"),
    ],
)
@pytest.mark.parametrize("algorithm", [pareto_merge, pareto_enumerate])
def test_bad_tables_are_refused(table, message, algorithm):
    with pytest.raises(ValueError, match=message):
        algorithm(table, np.zeros(2, dtype=np.int64), 10)


@pytest.mark.parametrize("algorithm", [pareto_merge, pareto_enumerate])
def test_bounds_outside_the_units_range_mean_no_bound_or_no_package(algorithm):
    table = [np.array([[0, 3], [2, 2], [3, 0]]), np.array([[0, 1], [1, 0]])]
    zero = algorithm(table, np.zeros(2, dtype=np.int64), 100)
    low = algorithm(table, np.array([np.iinfo(np.int64).min, -5]), 100)
    np.testing.assert_array_equal(low[0], zero[0])
    np.testing.assert_array_equal(low[1], zero[1])
    high = algorithm(table, np.array([0, np.iinfo(np.int64).max]), 100)
    assert high[0].shape == (0, 2)
    assert high[1].shape == (0, 2)


@pytest.mark.parametrize(
    ("at_least", "message"),
    [
        (np.zeros(3, dtype=np.int64), "one entry per side"),
        (np.array([0.5, 0.0]), "must hold integers"),
        (np.array([2**70, 0], dtype=object), "must hold integers"),
    ],
)
def test_bad_bounds_are_refused(at_least, message):
    with pytest.raises(ValueError, match=message):
        pareto_merge([np.array([[0, 1]])], at_least, 10)


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, None])
def test_bad_max_points_is_refused(bad):
    with pytest.raises(ValueError, match="max_points must be a positive integer"):
        pareto_merge([np.array([[0, 1]])], np.zeros(2, dtype=np.int64), bad)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    sizes=st.one_of(
        st.lists(st.integers(20, 60), min_size=2, max_size=3),
        st.lists(st.integers(5, 12), min_size=5, max_size=5),
    ),
    high=st.sampled_from([3, 20, 10**9]),
    bounded=st.booleans(),
)
def test_tables_of_many_options_merge_as_enumerated(seed, sizes, high, bounded):
    # 100 options or more: dominated options are weeded out first and the issues are merged
    # widest first, yet ties must still go to the lexicographically smallest package in the
    # table's own order of issues.
    rng = np.random.default_rng(seed)
    if sum(sizes) < 100:
        sizes = [*sizes[:-1], sizes[-1] + 100 - sum(sizes)]
    spread = rng.integers(1, high + 1, size=len(sizes))
    table = [
        rng.integers(0, s + 1, size=(m, 2)).astype(np.int64)
        for m, s in zip(sizes, spread, strict=True)
    ]
    bound = np.zeros(2, dtype=np.int64)
    if bounded:
        bound = (sum(rows.max(axis=0) for rows in table) * 0.5).astype(np.int64)
    expected = pareto_enumerate(table, bound, 10**7, max_outcomes=3 * 10**6)
    merged = pareto_merge(table, bound, 10**7)
    np.testing.assert_array_equal(merged[0], expected[0])
    np.testing.assert_array_equal(merged[1], expected[1])


def test_trail_keys_follow_the_negotiations_order_of_issues():
    # Merged in the order (issue 1, issue 0): step 0 picks on issue 1, step 1 on issue 0.
    trail = Trail(widest=3, order=[1, 0])
    trail.add(np.array([0, 0]), np.array([0, 2]))
    # Candidates of step 1: (issue 0, issue 1) = (2, 0), (1, 2) and (1, 0).
    keys = trail.keys(np.array([0, 1, 0]), np.array([2, 1, 1]))
    assert keys.tolist() == [2, 1, 0]


def dynamic_programme(table):
    """Every reachable utility vector with its lexicographically smallest package, issue by
    issue in the table's order, then the Pareto-optimal ones: an exact reference."""
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
    return sorted(
        (v, c)
        for v, c in reachable.items()
        if not any(w != v and w[0] >= v[0] and w[1] >= v[1] for w in reachable)
    )


# Seed 45 makes a merge that compared tied packages in its own order of issues go wrong.
@pytest.mark.parametrize("seed", [45, 0, 1, 2, 3, 4, 5])
def test_ties_between_packages_merged_out_of_order_match_a_dynamic_programme(seed):
    # Many issues of a few options whose contributions are 0 or the issue's scale (1 to 5):
    # equal vectors from different partial packages everywhere, and issues merged widest
    # first, so the tie policy must compare packages in the table's order, not the merge's.
    rng = np.random.default_rng(seed)
    issues, options = int(rng.integers(8, 30)), int(rng.integers(2, 6))
    scales = rng.integers(1, 6, size=issues)
    table = [(rng.integers(0, 2, size=(options, 2)) * s).astype(np.int64) for s in scales]
    expected = dynamic_programme(table)
    units, choices = pareto_merge(table, np.zeros(2, dtype=np.int64), 10**6)
    assert [tuple(u) for u in units.tolist()] == [v for v, _ in expected]
    assert [tuple(c) for c in choices.tolist()] == [c for _, c in expected]
