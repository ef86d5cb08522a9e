"""Exact Pareto frontiers of additive negotiations: the public entry point.

:func:`pareto_frontier` validates issues and utilities, builds each side's integer table on
its decimal grid, runs a frontier algorithm from :mod:`accord.engine.pareto` and returns
packages. The tie policy and the order of the result are those of that module.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np
from numpy.typing import NDArray

from accord.engine._grid import to_values_by_column
from accord.engine._merge import merge_table
from accord.engine.package import Package, PackageBlock
from accord.engine.pareto import (
    DEFAULT_MAX_POINTS,
    FrontierAlgorithm,
    IntArray,
    check_max_points,
    pareto_merge,
)
from accord.engine.preferences import AdditiveUtility, Issue, check_issues, check_utilities

__all__ = ["pareto_frontier"]


def issue_table(issues: Sequence[Issue], utilities: Sequence[AdditiveUtility]) -> list[IntArray]:
    """Per issue, the grid units of every option for every side, shape ``(options, sides)``.

    Examples
    --------
    >>> a = AdditiveUtility({"x": 1}, {"x": {0: 1, 1: 0}})
    >>> b = AdditiveUtility({"x": 1}, {"x": {0: 0, 1: 1}})
    >>> [t.tolist() for t in issue_table([Issue("x", [0, 1])], [a, b])]
    [[[1000000000000, 0], [0, 1000000000000]]]

    Notes
    -----
    O(sides · total options).
    """
    flat = np.array([u.flat_units(issues) for u in utilities]).T
    ends = list(accumulate(len(issue.options) for issue in issues))
    return [flat[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def bound_units(utilities: Sequence[AdditiveUtility], levels: Sequence[float]) -> list[int]:
    """Resolve per-side utility levels to each side's grid (exact Python integers).

    Examples
    --------
    >>> bound_units([AdditiveUtility({"x": 1}, {"x": {0: 1}})], [0.5])
    [500000000000]

    Notes
    -----
    O(sides).
    """
    values = list(levels)
    if len(values) != len(utilities):
        raise ValueError(
            f"expected one utility level per side ({len(utilities)}), got {len(values)}"
        )
    return [u.bound_units(v) for u, v in zip(utilities, values, strict=True)]


def clamp_bounds(table: Sequence[IntArray], bounds: Sequence[int]) -> IntArray:
    """Clip integer bounds into int64 without changing which packages meet them.

    Examples
    --------
    >>> clamp_bounds([np.array([[1, 2]])], [-10**30, 10**30]).tolist()
    [0, 3]

    Notes
    -----
    O(total options).
    """
    if all(b <= 0 for b in bounds):
        return np.zeros(len(bounds), dtype=np.int64)
    ceiling = np.sum([rows.max(axis=0) for rows in table], axis=0) + 1
    return np.array(
        [min(max(b, 0), int(c)) for b, c in zip(bounds, ceiling, strict=True)], dtype=np.int64
    )


def frontier_units(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    bounds: Sequence[int] | None,
    max_points: int,
    algorithm: FrontierAlgorithm | None,
) -> tuple[list[IntArray], IntArray, NDArray[np.integer[Any]]]:
    """Return the table and the frontier in grid units, for validated issues and utilities.

    Examples
    --------
    >>> a = AdditiveUtility({"x": 1}, {"x": {0: 1, 1: 0}})
    >>> b = AdditiveUtility({"x": 1}, {"x": {0: 0, 1: 1}})
    >>> frontier_units([Issue("x", [0, 1])], [a, b], None, 10, None)[2].tolist()
    [[1], [0]]

    Notes
    -----
    The cost of `algorithm` (default :func:`pareto_merge`).
    """
    check_max_points(max_points)
    table = issue_table(issues, utilities)
    at_least = clamp_bounds(table, bounds if bounds is not None else [0] * len(utilities))
    choices: NDArray[np.integer[Any]]
    if algorithm is None or algorithm is pareto_merge:
        # The table comes from validated utilities: non-negative grid units, far from
        # overflowing. pareto_merge would only check that again.
        units, choices = merge_table(table, at_least, max_points)
    else:
        units, choices = algorithm(table, at_least, max_points)
    return table, units, choices


def packages(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    units: IntArray,
    choices: NDArray[np.integer[Any]],
) -> list[Package]:
    """Turn frontier arrays into :class:`Package` objects.

    Examples
    --------
    >>> a = AdditiveUtility({"x": 1}, {"x": {"p": 1, "q": 0}})
    >>> packages([Issue("x", ["p", "q"])], [a, a], np.array([[10**12, 10**12]]),
    ...          np.array([[0]]))
    [Package({'x': 'p'}, utilities=(1.0, 1.0))]

    Notes
    -----
    O(points · (issues + sides)).
    """
    if not len(units):
        return []
    exponents = tuple(u.exponent for u in utilities)
    block = PackageBlock(
        names=tuple(issue.name for issue in issues),
        options=tuple(issue.options for issue in issues),
        indices=choices,
        utilities=to_values_by_column(units, exponents).T,
        units=units,
        exponents=exponents,
    )
    return Package.batch(block)


def pareto_frontier(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    *,
    at_least: Sequence[float] | None = None,
    max_points: int = DEFAULT_MAX_POINTS,
    algorithm: FrontierAlgorithm | None = None,
) -> list[Package]:
    """Every Pareto-optimal package, exactly.

    A package is Pareto-optimal when no other package is at least as good for every side and
    better for one. Packages with identical utility vectors are represented once (see the
    tie policy below).

    Parameters
    ----------
    issues : sequence of Issue
    utilities : sequence of AdditiveUtility
        One per side (at least two), each scoring exactly `issues`.
    at_least : sequence of float, optional
        Per-side minimum utilities, e.g. reservations or a tentative agreement's utilities:
        only frontier packages meeting all of them are returned (a frontier package that meets
        them is Pareto-optimal among all packages, not only among those meeting them), and
        the search is pruned accordingly. Resolved to the utilities' grid.
    max_points : int, default 100_000
        Raise ValueError instead of building a partial or final frontier larger than this;
        nothing is ever silently truncated. Zero-sum negotiations, where every package is
        Pareto-optimal, reach it first.
    algorithm : callable, optional
        :func:`pareto_merge` (default, any number of sides, no enumeration) or
        :func:`pareto_enumerate` (brute force, capped at ``DEFAULT_MAX_OUTCOMES``).

    Returns
    -------
    list of Package
        Sorted by utility vector, lexicographically increasing (for two sides, first side's
        utility increasing, second decreasing).

    Raises
    ------
    ValueError
        On invalid issues or utilities, a bound of the wrong length or not finite, or when
        `max_points` is exceeded.

    Notes
    -----
    Utilities are compared exactly on each side's decimal grid (twelve significant digits of
    its largest attainable utility), so the result equals a brute-force search regardless of
    summation order. Tie policy: of packages with the same utility vector, the one with the
    lexicographically smallest option indices (issues in the order given, options in each
    issue's order) is kept. Cost: that of `algorithm`; for :func:`pareto_merge` with two sides,
    O(k·F·m·log m) time for ``k`` issues of ``m`` options and partial frontiers of at most ``F``
    points.

    Examples
    --------
    >>> issues = [Issue("price", ["low", "high"]), Issue("delivery", ["slow", "fast"])]
    >>> buyer = AdditiveUtility(
    ...     {"price": 0.6, "delivery": 0.4},
    ...     {"price": {"low": 1, "high": 0}, "delivery": {"slow": 0, "fast": 1}},
    ... )
    >>> seller = AdditiveUtility(
    ...     {"price": 0.8, "delivery": 0.2},
    ...     {"price": {"low": 0, "high": 1}, "delivery": {"slow": 1, "fast": 0}},
    ... )
    >>> for package in pareto_frontier(issues, [buyer, seller]):
    ...     print(dict(package.choices), package.utilities)
    {'price': 'high', 'delivery': 'slow'} (0.0, 1.0)
    {'price': 'high', 'delivery': 'fast'} (0.4, 0.8)
    {'price': 'low', 'delivery': 'slow'} (0.6, 0.2)
    {'price': 'low', 'delivery': 'fast'} (1.0, 0.0)
    """
    issues = check_issues(issues)
    sides = check_utilities(issues, utilities)
    bounds = None if at_least is None else bound_units(sides, at_least)
    _, units, choices = frontier_units(issues, sides, bounds, max_points, algorithm)
    return packages(issues, sides, units, choices)
