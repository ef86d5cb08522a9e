import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engine import adjusted_winner, is_envy_free, is_envy_free_up_to_one

from .brute import exact


@st.composite
def hundred_points(draw, count):
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 100]
    return [b - a for a, b in itertools.pairwise(bounds)]


@st.composite
def point_allocations(draw):
    count = draw(st.integers(1, 7))
    items = [f"g{g}" for g in range(count)]
    a = dict(zip(items, draw(hundred_points(count)), strict=True))
    b = dict(zip(items, draw(hundred_points(count)), strict=True))
    return items, a, b


def test_worked_example_checked_by_hand():
    # A gets pension and cottage (70 points), B house and car (60). A transfers from the item
    # with the smallest ratio, pension (45/30 < cottage 25/10); moving all of it would
    # overshoot, so A keeps 13/15: A has 70 - 2/15*45 = 64, B has 60 + 2/15*30 = 64.
    items = ["house", "pension", "cottage", "car"]
    result = adjusted_winner(
        items,
        {"house": 20, "pension": 45, "cottage": 25, "car": 10},
        {"house": 40, "pension": 30, "cottage": 10, "car": 20},
    )
    assert result.items_a == ("cottage",)
    assert result.items_b == ("house", "car")
    assert result.split_item == "pension"
    assert result.fraction_a == 13 / 15
    assert result.points_a == result.points_b == 64.0


def test_equal_totals_need_no_transfer():
    result = adjusted_winner(["x", "y"], {"x": 60, "y": 40}, {"x": 40, "y": 60})
    assert (result.items_a, result.items_b, result.split_item) == (("x",), ("y",), None)
    assert result.fraction_a == 0.0
    assert result.points_a == result.points_b == 60.0


def test_tied_items_start_with_a_and_move_first():
    # "t" is tied at 30; A starts with t and x (70 points) against B's y (40), then gives up
    # the tied item first: 40 against 70, so only 1/2 of t moves... A keeps t * 1/2.
    result = adjusted_winner(
        ["t", "x", "y"], {"t": 30, "x": 40, "y": 30}, {"t": 30, "x": 30, "y": 40}
    )
    assert result.split_item == "t"
    assert result.fraction_a == 0.5
    assert result.items_a == ("x",)
    assert result.items_b == ("y",)
    assert result.points_a == result.points_b == 55.0


def test_decimal_points_are_exact():
    result = adjusted_winner(
        ["a", "b", "c"], {"a": 33.3, "b": 33.3, "c": 33.4}, {"a": 0.1, "b": 0.2, "c": 99.7}
    )
    assert result.points_a == result.points_b


@settings(max_examples=300, deadline=None)
@given(point_allocations())
def test_envy_free_equitable_efficient_one_split(instance):
    items, a, b = instance
    result = adjusted_winner(items, a, b)
    split = result.split_item
    share_a = Fraction(result.fraction_a) if split is not None else Fraction(0)
    points_a = sum(Fraction(a[g]) for g in result.items_a) + share_a * (a[split] if split else 0)
    points_b = sum(Fraction(b[g]) for g in result.items_b) + (1 - share_a) * (
        b[split] if split else 0
    )
    # Fractions of the float outputs can be off by a rounding step of fraction_a.
    assert abs(points_a - exact(result.points_a)) < Fraction(1, 10**9)
    assert abs(points_b - exact(result.points_b)) < Fraction(1, 10**9)
    assert result.points_a == result.points_b  # equitable
    assert result.points_a >= 50  # envy-free for two sides: at least half by one's own count
    assert set(result.items_a) | set(result.items_b) | ({split} - {None}) == set(items)
    assert not set(result.items_a) & set(result.items_b)
    assert split not in result.items_a + result.items_b
    # Efficient: every item A holds has a ratio a/b at least that of every item B holds.
    held_a = [*result.items_a, *([split] if split is not None and share_a > 0 else [])]
    held_b = [*result.items_b, *([split] if split is not None and share_a < 1 else [])]
    for g in held_a:
        for h in held_b:
            assert a[g] * b[h] >= a[h] * b[g], (g, h)


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ({"x": 50, "y": 40}, {"x": 50, "y": 50}, "side A's points must sum to 100, got 90"),
        ({"x": 50, "y": 50}, {"x": 150, "y": -50}, "value of 'y' for side 1 must be non-negative"),
        ({"x": 50, "y": float("nan")}, {"x": 50, "y": 50}, "must be finite"),
        ({"x": 100}, {"x": 50, "y": 50}, r"missing: \['y'\]"),
    ],
)
def test_adjusted_winner_rejects_bad_points(a, b, message):
    with pytest.raises(ValueError, match=message):
        adjusted_winner(["x", "y"], a, b)


def test_adjusted_winner_rejects_bad_items():
    with pytest.raises(ValueError, match="items must be unique"):
        adjusted_winner(["x", "x"], {"x": 100}, {"x": 100})
    with pytest.raises(ValueError, match="at least one item"):
        adjusted_winner([], {}, {})


VALUES = [{"a": 5, "b": 4, "c": 1}, {"a": 1, "b": 4, "c": 5}]


def test_envy_free():
    assert is_envy_free([["a"], ["c"]], VALUES)
    assert is_envy_free([["a", "b"], ["c"]], VALUES)
    assert is_envy_free([["c"], ["a", "b"]], VALUES) is False
    assert is_envy_free([[], []], VALUES)


def test_envy_free_up_to_one():
    assert is_envy_free_up_to_one([["a"], ["b", "c"]], VALUES)
    assert is_envy_free_up_to_one([["c"], ["a", "b"]], VALUES) is False
    assert is_envy_free_up_to_one([["a", "b", "c"], []], VALUES) is False
    assert is_envy_free_up_to_one([["a", "b"], ["c"]], VALUES)


def test_envy_checks_use_decimal_values():
    # 0.1 + 0.2 == 0.3 as decimals, so side 0 does not envy side 1.
    values = [{"x": 0.3, "y": 0.1, "z": 0.2}, {"x": 1, "y": 1, "z": 1}]
    assert is_envy_free([["x"], ["y", "z"]], values)


@pytest.mark.parametrize(
    ("bundles", "message"),
    [
        ([["a"], ["a"]], "'a' is in more than one bundle"),
        ([["a"], ["zz"]], "unknown item 'zz'"),
        ([["a"]], "one bundle per side"),
    ],
)
def test_envy_checks_reject_bad_bundles(bundles, message):
    with pytest.raises(ValueError, match=message):
        is_envy_free(bundles, VALUES)
