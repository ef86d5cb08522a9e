import itertools
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from accord.engine import is_envy_free_up_to_one, max_nash_welfare, mnw_frontier, mnw_milp

from . import brute

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(items, valuations, allocation):
    assert sorted(itertools.chain(*allocation.bundles)) == sorted(items)
    assert is_envy_free_up_to_one([list(b) for b in allocation.bundles], valuations)
    assert brute.allocation_objective(allocation, valuations) == brute.best_nash_welfare(
        items, valuations
    )


@PROPERTY
@given(brute.item_valuations(max_sides=4, max_items=6))
def test_default_algorithm_equals_brute_force(instance):
    items, valuations = instance
    check(items, valuations, max_nash_welfare(items, valuations))


@PROPERTY
@given(brute.item_valuations(max_sides=3, max_items=6))
def test_milp_equals_brute_force(instance):
    items, valuations = instance
    check(items, valuations, max_nash_welfare(items, valuations, algorithm=mnw_milp))


@PROPERTY
@given(brute.item_valuations(max_sides=3, max_items=6))
def test_frontier_method_equals_brute_force(instance):
    items, valuations = instance
    check(items, valuations, max_nash_welfare(items, valuations, algorithm=mnw_frontier))


@pytest.mark.parametrize("seed", range(6))
def test_milp_and_frontier_agree_on_larger_random_instances(seed):
    rng = np.random.default_rng(seed)
    items = [f"g{g}" for g in range(14)]
    valuations = [
        {g: float(v) for g, v in zip(items, rng.random(14), strict=True)} for _ in range(2)
    ]
    by_milp = max_nash_welfare(items, valuations, algorithm=mnw_milp)
    by_frontier = max_nash_welfare(items, valuations, algorithm=mnw_frontier)
    assert math.prod(by_milp.utilities) == pytest.approx(math.prod(by_frontier.utilities), rel=1e-9)
    assert is_envy_free_up_to_one([list(b) for b in by_milp.bundles], valuations)


def test_known_allocation():
    items = ["piano", "car", "books", "boat"]
    values = [
        {"piano": 50, "car": 30, "books": 15, "boat": 5},
        {"piano": 20, "car": 30, "books": 10, "boat": 40},
    ]
    allocation = max_nash_welfare(items, values)
    assert allocation.bundles == (("piano", "books"), ("car", "boat"))
    assert allocation.utilities == (65.0, 70.0)


def test_maximises_the_number_of_positive_sides_first():
    # Side 2 values only "a"; giving it "a" makes three positive sides, though the product of
    # sides 0 and 1 would be larger with "a" elsewhere.
    items = ["a", "b", "c"]
    values = [{"a": 100, "b": 1, "c": 1}, {"a": 100, "b": 1, "c": 1}, {"a": 1, "b": 0, "c": 0}]
    allocation = max_nash_welfare(items, values)
    assert allocation.bundles[2] == ("a",)
    assert all(u > 0 for u in allocation.utilities)


def test_fewer_items_than_sides():
    items = ["a", "b"]
    values = [{"a": 3, "b": 1}, {"a": 2, "b": 2}, {"a": 1, "b": 3}]
    allocation = max_nash_welfare(items, values)
    assert sum(u > 0 for u in allocation.utilities) == 2
    check(items, values, allocation)


def test_nobody_values_anything():
    allocation = max_nash_welfare(
        ["a", "b"], [{"a": 0, "b": 0}, {"a": 0, "b": 0}, {"a": 0, "b": 0}]
    )
    assert allocation.bundles == (("a", "b"), (), ())
    assert allocation.utilities == (0.0, 0.0, 0.0)


def test_identical_sides_share_evenly():
    items = [f"g{g}" for g in range(8)]
    values = [dict.fromkeys(items, 1)] * 4
    allocation = max_nash_welfare(items, values)
    assert allocation.utilities == (2.0, 2.0, 2.0, 2.0)


@pytest.mark.parametrize(
    ("items", "valuations", "message"),
    [
        (["a"], [{"a": 1}], "at least 2 sides"),
        ([], [{}, {}], "at least one item"),
        (["a", "a"], [{"a": 1}, {"a": 1}], "items must be unique"),
        (["a"], [{"a": -1}, {"a": 1}], "must be non-negative"),
        (["a"], [{"a": 1}, {"a": float("inf")}], "must be finite"),
        (["a"], [{"a": 1}, {"b": 1}], "must value exactly the items"),
    ],
)
def test_bad_input_rejected(items, valuations, message):
    with pytest.raises(ValueError, match=message):
        max_nash_welfare(items, valuations)
