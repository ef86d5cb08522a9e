"""Fair division of items: Adjusted Winner and envy-freeness checks.

Valuations are resolved like utilities elsewhere in the engine: each side's values to a
decimal grid of twelve significant digits of that side's total, then compared as exact
integers, so decimal inputs (points out of 100) compare as their decimals do.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from accord.engine._grid import grid_exponent, to_units
from accord.engine.preferences import _is_hashable, _non_negative

__all__ = [
    "AdjustedWinner",
    "Allocation",
    "adjusted_winner",
    "is_envy_free",
    "is_envy_free_up_to_one",
]


@dataclass(frozen=True)
class Allocation:
    """Indivisible items allocated to sides.

    Attributes
    ----------
    bundles : tuple of tuple
        ``bundles[i]`` holds side ``i``'s items, in the order the items were given.
    utilities : tuple of float
        ``utilities[i]`` is side ``i``'s value for its own bundle.

    Examples
    --------
    >>> Allocation((("car",), ("house",)), (60.0, 70.0)).bundles[1]
    ('house',)
    """

    bundles: tuple[tuple[Hashable, ...], ...]
    utilities: tuple[float, ...]


@dataclass(frozen=True)
class AdjustedWinner:
    """Result of :func:`adjusted_winner`.

    Attributes
    ----------
    items_a, items_b : tuple
        Items each side receives whole, in input order.
    split_item : hashable or None
        The one item shared, if any.
    fraction_a : float
        Share of `split_item` that goes to side A (side B gets the rest); 0.0 when nothing is
        split.
    points_a, points_b : float
        Each side's points for what it receives, by its own valuation (equal).

    Examples
    --------
    >>> AdjustedWinner(("car",), ("house",), None, 0.0, 60.0, 60.0).points_a
    60.0
    """

    items_a: tuple[Hashable, ...]
    items_b: tuple[Hashable, ...]
    split_item: Hashable | None
    fraction_a: float
    points_a: float
    points_b: float


def check_items(items: Iterable[Hashable]) -> tuple[Hashable, ...]:
    """Validate item names: hashable and unique.

    Examples
    --------
    >>> check_items(["a", "a"])
    Traceback (most recent call last):
    ...
    ValueError: items must be unique, got ['a', 'a']

    Notes
    -----
    O(number of items).
    """
    if isinstance(items, str | bytes):
        raise ValueError("items must be a sequence of item names, not a string")
    result = tuple(items)
    for item in result:
        if not _is_hashable(item):
            raise ValueError(f"item {item!r} is not hashable")
    if len(set(result)) != len(result):
        raise ValueError(f"items must be unique, got {list(result)!r}")
    return result


def valuation_units(
    items: Sequence[Hashable], valuations: Sequence[Mapping[Hashable, float]], *, minimum: int = 2
) -> tuple[NDArray[np.int64], list[int]]:
    """Validate valuations of `items` and resolve each side's values to its grid.

    Returns an ``(sides, items)`` integer array and each side's grid exponent.

    Examples
    --------
    >>> units, exponents = valuation_units(["a", "b"], [{"a": 1, "b": 3}, {"a": 2, "b": 2}])
    >>> units.tolist(), exponents
    ([[1000000000000, 3000000000000], [2000000000000, 2000000000000]], [-12, -12])

    Notes
    -----
    O(sides · items).
    """
    sides = list(valuations)
    if len(sides) < minimum:
        raise ValueError(f"at least {minimum} sides are needed, got {len(sides)}")
    wanted = set(items)
    rows = []
    exponents = []
    for side, values in enumerate(sides):
        if not isinstance(values, Mapping):
            raise ValueError(f"valuation of side {side} must be a mapping of item to value")
        if set(values) != wanted:
            missing = sorted(map(repr, wanted - set(values)))
            extra = sorted(map(repr, set(values) - wanted))
            raise ValueError(
                f"valuation of side {side} must value exactly the items "
                f"(missing: [{', '.join(missing)}], unknown: [{', '.join(extra)}])"
            )
        row = np.array(
            [_non_negative(values[g], f"value of {g!r} for side {side}") for g in items],
            dtype=np.float64,
        )
        exponent = grid_exponent(math.fsum(row.tolist()))
        # Scaling by the total keeps twelve significant digits of the side's whole stake.
        total_units = to_units(row, exponent)
        rows.append(total_units)
        exponents.append(exponent)
    return np.array(rows, dtype=np.int64).reshape(len(sides), len(items)), exponents


def _bundle_indices(
    bundles: Sequence[Iterable[Hashable]], items: Sequence[Hashable], sides: int
) -> list[list[int]]:
    if len(bundles) != sides:
        raise ValueError(f"expected one bundle per side ({sides}), got {len(bundles)}")
    position = {item: i for i, item in enumerate(items)}
    seen: set[Hashable] = set()
    result = []
    for side, bundle in enumerate(bundles):
        indices = []
        for item in bundle:
            if not _is_hashable(item) or item not in position:
                raise ValueError(f"bundle of side {side} holds unknown item {item!r}")
            if item in seen:
                raise ValueError(f"item {item!r} is in more than one bundle")
            seen.add(item)
            indices.append(position[item])
        result.append(indices)
    return result


def _items_of(valuations: Sequence[Mapping[Hashable, float]]) -> list[Hashable]:
    if not valuations:
        raise ValueError("at least 2 sides are needed, got 0")
    first = valuations[0]
    if not isinstance(first, Mapping):
        raise ValueError("valuation of side 0 must be a mapping of item to value")
    return list(first)


def _envy(
    bundles: Sequence[Iterable[Hashable]],
    valuations: Sequence[Mapping[Hashable, float]],
    up_to_one: bool,
) -> bool:
    items = _items_of(valuations)
    units, _ = valuation_units(items, valuations)
    owned = _bundle_indices(bundles, items, len(units))
    for i, row in enumerate(units.tolist()):
        own = sum(row[g] for g in owned[i])
        for j, other in enumerate(owned):
            if i == j or not other:
                continue
            theirs = sum(row[g] for g in other)
            if up_to_one:
                theirs -= max(row[g] for g in other)
            if own < theirs:
                return False
    return True


def is_envy_free(
    bundles: Sequence[Iterable[Hashable]], valuations: Sequence[Mapping[Hashable, float]]
) -> bool:
    """Whether every side values its own bundle at least as much as any other bundle.

    Parameters
    ----------
    bundles : sequence of iterables of items
        One bundle per side; disjoint; need not cover every item.
    valuations : sequence of mappings of item to float
        One per side, each valuing every item (finite, non-negative).

    Raises
    ------
    ValueError
        On invalid valuations, unknown or repeated items, or a bundle count that differs from
        the number of sides.

    Examples
    --------
    >>> values = [{"car": 60, "boat": 40}, {"car": 50, "boat": 50}]
    >>> is_envy_free([["car"], ["boat"]], values), is_envy_free([["boat"], ["car"]], values)
    (True, False)

    Notes
    -----
    O(sides · items).
    """
    return _envy(bundles, valuations, up_to_one=False)


def is_envy_free_up_to_one(
    bundles: Sequence[Iterable[Hashable]], valuations: Sequence[Mapping[Hashable, float]]
) -> bool:
    """Whether any envy disappears by removing one item from the envied bundle (EF1).

    Side ``i`` must value its bundle at least as much as ``B_j`` minus ``i``'s most valued
    item in ``B_j``, for every other side ``j`` with a non-empty bundle.

    Parameters
    ----------
    bundles, valuations
        As in :func:`is_envy_free`.

    Examples
    --------
    >>> values = [{"a": 5, "b": 4, "c": 1}, {"a": 5, "b": 4, "c": 1}]
    >>> is_envy_free_up_to_one([["a"], ["b", "c"]], values)
    True
    >>> is_envy_free_up_to_one([[], ["a", "b", "c"]], values)
    False

    Notes
    -----
    O(sides · items).
    """
    return _envy(bundles, valuations, up_to_one=True)


def adjusted_winner(
    items: Sequence[Hashable],
    points_a: Mapping[Hashable, float],
    points_b: Mapping[Hashable, float],
) -> AdjustedWinner:
    """Brams and Taylor's Adjusted Winner procedure for two sides.

    Each side distributes 100 points over the items. Every item first goes to the side that
    gives it more points (ties to side A). Then the side with more points (the winner)
    transfers items to the other, starting with those whose ratio ``winner's points /
    other's points`` is smallest (ties in input order), until the totals are equal; the item
    that would overshoot is split. The result is envy-free, equitable (equal points) and
    efficient, and at most one item is split.

    Parameters
    ----------
    items : sequence of hashable
    points_a, points_b : mapping of item to float
        Each side's points: finite, non-negative, on exactly these items, summing to 100.

    Returns
    -------
    AdjustedWinner

    Raises
    ------
    ValueError
        On invalid points, or points that do not sum to 100.

    Examples
    --------
    >>> result = adjusted_winner(["house", "car", "pension"],
    ...                          {"house": 50, "car": 10, "pension": 40},
    ...                          {"house": 30, "car": 40, "pension": 30})
    >>> result.items_a, result.items_b, result.split_item, round(result.fraction_a, 4)
    (('house',), ('car',), 'pension', 0.2857)
    >>> round(result.points_a, 4) == round(result.points_b, 4) == 61.4286
    True

    Notes
    -----
    O(m log m) for ``m`` items; arithmetic is exact (integers on the points' grid, fractions
    for the split).
    """
    goods = check_items(items)
    if not goods:
        raise ValueError("at least one item is needed")
    units, exponents = valuation_units(goods, [points_a, points_b])
    for side, row, exponent, given in zip(
        "AB", units.tolist(), exponents, (points_a, points_b), strict=True
    ):
        if sum(row) != int(to_units(np.array([100.0]), exponent)[0]):
            total = math.fsum(given[g] for g in goods)
            raise ValueError(f"side {side}'s points must sum to 100, got {total!r}")
    a_pts, b_pts = (list(map(int, row)) for row in units.tolist())
    to_a = [a_pts[g] >= b_pts[g] for g in range(len(goods))]
    total_a = sum(a_pts[g] for g in range(len(goods)) if to_a[g])
    total_b = sum(b_pts[g] for g in range(len(goods)) if not to_a[g])
    winner_is_a = total_a > total_b
    win, lose = (a_pts, b_pts) if winner_is_a else (b_pts, a_pts)
    win_total: Fraction = Fraction(max(total_a, total_b))
    lose_total: Fraction = Fraction(min(total_a, total_b))
    held = [g for g in range(len(goods)) if to_a[g] == winner_is_a]

    def ratio(g: int) -> tuple[Fraction | float, int]:
        # An item nobody values is as cheap to move as a tied one; one only the winner values
        # is the most expensive.
        if lose[g] == 0:
            return (Fraction(1) if win[g] == 0 else math.inf), g
        return Fraction(win[g], lose[g]), g

    split: int | None = None
    share_to_loser = Fraction(0)
    for g in sorted(held, key=ratio):
        if win_total == lose_total:
            break
        if win_total - win[g] >= lose_total + lose[g]:
            to_a[g] = not winner_is_a
            win_total -= win[g]
            lose_total += lose[g]
        else:
            share_to_loser = (win_total - lose_total) / (win[g] + lose[g])
            split = g
            win_total -= share_to_loser * win[g]
            lose_total += share_to_loser * lose[g]
            break
    scale = Fraction(10) ** -exponents[0]
    fraction_a = Fraction(0)
    if split is not None:
        fraction_a = share_to_loser if not winner_is_a else 1 - share_to_loser
    points_won = float(win_total / scale)
    points_lost = float(lose_total / scale)
    whole = [g for g in range(len(goods)) if g != split]
    return AdjustedWinner(
        items_a=tuple(goods[g] for g in whole if to_a[g]),
        items_b=tuple(goods[g] for g in whole if not to_a[g]),
        split_item=None if split is None else goods[split],
        fraction_a=float(fraction_a),
        points_a=points_won if winner_is_a else points_lost,
        points_b=points_lost if winner_is_a else points_won,
    )
