"""Exact Pareto frontiers of integer tables: the algorithms behind pareto_frontier.

Two algorithms share one signature, so callers can pass either (networkx's ``flow_func``
style): :func:`pareto_merge`, which never enumerates the outcome space, and
:func:`pareto_enumerate`, a vectorised brute force for small spaces and cross-checks.

Both work on a *table*: per issue, an integer array of shape ``(options, sides)`` holding each
option's contribution to each side's utility in grid units (see
:meth:`accord.engine.AdditiveUtility.units`). Integer sums are exact, which is what makes
pruning partial packages safe: if a partial sum ``y`` dominates ``x``, then ``y + c``
dominates ``x + c`` for every completion ``c``. With floats, strict dominance can collapse into
a tie after adding ``c``, and the pruned package could be the one a brute force keeps.

Tie policy: when several packages have the same utility vector, one representative is kept,
the one whose option indices (position of each chosen option in its issue, issues in the order
given) are lexicographically smallest. The frontier is returned sorted by utility vector,
lexicographically increasing (for two sides: first side's utility increasing).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from accord.engine._dominance import IntArray, pareto_filter
from accord.engine._merge import merge_table, too_many

__all__ = [
    "DEFAULT_MAX_OUTCOMES",
    "DEFAULT_MAX_POINTS",
    "FrontierAlgorithm",
    "IntArray",
    "check_max_points",
    "pareto_enumerate",
    "pareto_merge",
]

FrontierAlgorithm = Callable[[Sequence[IntArray], IntArray, int], tuple[IntArray, IntArray]]

DEFAULT_MAX_POINTS = 100_000
DEFAULT_MAX_OUTCOMES = 2_000_000

# Sums of grid units stay below this, so no int64 arithmetic of the algorithms can overflow.
_UNITS_LIMIT = 1 << 62


def check_max_points(max_points: int) -> None:
    """Raise ValueError unless `max_points` is a positive integer.

    Examples
    --------
    >>> check_max_points(0)
    Traceback (most recent call last):
    ...
    ValueError: max_points must be a positive integer, got 0

    Notes
    -----
    O(1).
    """
    if isinstance(max_points, bool) or not isinstance(max_points, int) or max_points < 1:
        raise ValueError(f"max_points must be a positive integer, got {max_points!r}")


def _check_table(
    table: Sequence[IntArray], at_least: IntArray, max_points: int
) -> tuple[list[IntArray], IntArray]:
    """Validate a table and its bound; return them as int64 arrays."""
    if not len(table):
        raise ValueError("the table needs at least one issue")
    arrays = [np.asarray(rows) for rows in table]
    sides = arrays[0].shape[1] if arrays[0].ndim == 2 else 0
    for i, rows in enumerate(arrays):
        if rows.ndim != 2 or rows.shape[0] < 1 or rows.shape[1] != sides or sides < 1:
            raise ValueError(
                f"issue {i} of the table has shape {rows.shape}; expected (options >= 1, {sides})"
            )
        if rows.dtype.kind not in "iu":
            raise ValueError(f"issue {i} of the table holds {rows.dtype}, not integers")
    bound = np.asarray(at_least)
    if bound.shape != (sides,):
        raise ValueError(f"at_least must have one entry per side ({sides})")
    if bound.dtype.kind not in "iu":
        raise ValueError(f"at_least must hold integers (grid units), not {bound.dtype}")
    check_max_points(max_points)
    # Python integers: exact whatever the arrays' integer type.
    lowest = min(int(rows.min()) for rows in arrays)
    if lowest < 0:
        raise ValueError(f"table entries are utility units and must be non-negative, got {lowest}")
    largest = sum(int(rows.max()) for rows in arrays)
    if largest >= _UNITS_LIMIT:
        raise ValueError(
            f"table entries are too large: their sums could overflow int64 ({largest})"
        )
    columns = [rows.astype(np.int64, copy=False) for rows in arrays]
    # No package is below 0 or above the sum of the largest entries: a bound outside that
    # range means the same as its end, and clipped it cannot overflow the merge's arithmetic.
    return columns, np.clip(bound, 0, largest + 1).astype(np.int64)


def pareto_merge(
    table: Sequence[IntArray], at_least: IntArray, max_points: int
) -> tuple[IntArray, IntArray]:
    """Exact Pareto frontier by merging issue by issue (Nemhauser & Ullmann 1969).

    The utility vector of a package is a Minkowski sum of one point per issue. The partial
    frontier of the first ``i`` issues is combined with every option of issue ``i + 1`` and the
    dominated sums are dropped; back-pointers rebuild the packages at the end. For two sides
    the partial frontier is kept sorted by the first utility, so the ``m`` shifted copies are
    sorted runs, and one reversed sweep with a running maximum of the second utility keeps the
    non-dominated points. For more sides the candidates are sorted by total utility and
    filtered block by block.

    Parameters
    ----------
    table : sequence of int64 arrays of shape (options, sides)
        Grid units contributed by each option of each issue to each side.
    at_least : int64 array of shape (sides,)
        Keep only packages whose utilities are all at least these; partial packages that
        cannot reach them even with the best remaining options are pruned early.
    max_points : int
        Raise ValueError when a partial or the final frontier would exceed this many points.

    Returns
    -------
    units : int64 array of shape (points, sides)
        Utility vectors of the frontier, lexicographically increasing.
    choices : int64 array of shape (points, issues)
        Option index chosen on each issue; see the module's tie policy.

    Raises
    ------
    ValueError
        If the table is malformed (shapes that differ, entries that are not integers, are
        negative or whose sums could overflow int64), `at_least` does not hold one integer
        per side, or a frontier exceeds `max_points`.

    Examples
    --------
    >>> table = [np.array([[0, 3], [2, 2], [3, 0]]), np.array([[0, 1], [1, 0]])]
    >>> units, choices = pareto_merge(table, np.zeros(2, dtype=np.int64), 100)
    >>> units.tolist(), choices.tolist()
    ([[0, 4], [2, 3], [3, 2], [4, 0]], [[0, 0], [1, 0], [1, 1], [2, 1]])

    Notes
    -----
    O(sum over issues of F·m·log m) time and O(k·F + F·m) memory for two sides, where ``F``
    bounds the partial frontier sizes, ``m`` the options per issue and ``k`` the issues; for
    ``s > 2`` sides a step costs O(F·m·F'·s) in the worst case (F' the step's frontier). It
    never touches the ``m**k`` outcome space. Two-sided steps with many candidates first drop
    most dominated ones in linear time (bucketed by the first utility), and ties, rare with
    real-valued utilities, are settled by rebuilding only the tied packages' options. On
    tables of 100 options or more, each issue's dominated options are dropped first and,
    for two sides, the issues are merged widest first, which keeps the partial frontiers
    smaller; neither changes the result.
    """
    columns, bound = _check_table(table, at_least, max_points)
    units, choices = merge_table(columns, bound, max_points)
    return units, choices.astype(np.int64)


def pareto_enumerate(
    table: Sequence[IntArray],
    at_least: IntArray,
    max_points: int,
    *,
    max_outcomes: int = DEFAULT_MAX_OUTCOMES,
) -> tuple[IntArray, IntArray]:
    """Exact Pareto frontier by enumerating every package (vectorised brute force).

    Same parameters, result and tie policy as :func:`pareto_merge`; use
    ``functools.partial(pareto_enumerate, max_outcomes=...)`` to change the cap.

    Parameters
    ----------
    table, at_least, max_points
        As in :func:`pareto_merge`.
    max_outcomes : int, default DEFAULT_MAX_OUTCOMES
        Raise ValueError rather than enumerate more packages than this.

    Returns
    -------
    units, choices : int64 arrays
        As in :func:`pareto_merge`.

    Examples
    --------
    >>> table = [np.array([[0, 3], [2, 2], [3, 0]]), np.array([[0, 1], [1, 0]])]
    >>> pareto_enumerate(table, np.zeros(2, dtype=np.int64), 100)[0].tolist()
    [[0, 4], [2, 3], [3, 2], [4, 0]]

    Notes
    -----
    O(N·k + N log N) time and O(N·(s + k)) memory for ``N = prod(options)`` packages and two
    sides; O(N·F·s) for ``s > 2`` sides in the worst case.
    """
    columns, bound = _check_table(table, at_least, max_points)
    sides = columns[0].shape[1]
    sizes = [len(rows) for rows in columns]
    total = math.prod(sizes)
    if total > max_outcomes:
        raise ValueError(
            f"enumerating {total} packages exceeds max_outcomes={max_outcomes}; use "
            "pareto_merge, which does not enumerate"
        )
    grid = np.zeros((*sizes, sides), dtype=np.int64)
    for i, rows in enumerate(columns):
        shape = [1] * len(sizes) + [sides]
        shape[i] = sizes[i]
        grid += rows.reshape(shape)
    points = grid.reshape(total, sides)
    # Row-major enumeration numbers packages in lexicographic order of their option indices.
    flat = np.arange(total, dtype=np.int64)
    if (bound > 0).any():
        ok = np.all(points >= bound, axis=1)
        points, flat = points[ok], flat[ok]
    keep = pareto_filter(points, flat.__getitem__)
    if len(keep) > max_points:
        raise too_many(len(keep), max_points, "among the enumerated packages")
    order = keep[np.lexsort(points[keep].T[::-1])]
    choices = np.stack(np.unravel_index(flat[order], sizes), axis=1).astype(np.int64)
    return points[order], choices.reshape(len(order), len(sizes))
