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
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DEFAULT_MAX_OUTCOMES",
    "DEFAULT_MAX_POINTS",
    "FrontierAlgorithm",
    "IntArray",
    "pareto_enumerate",
    "pareto_merge",
]

IntArray = NDArray[np.int64]
# Per step, the surviving candidates' indices: option-major, so c // p is the option and
# c % p the partial package it extends. int32 halves the memory kept until the end.
Pointers = list[NDArray[np.int32]]
FrontierAlgorithm = Callable[[Sequence[IntArray], IntArray, int], tuple[IntArray, IntArray]]

DEFAULT_MAX_POINTS = 100_000
DEFAULT_MAX_OUTCOMES = 2_000_000

_INT_MIN = np.iinfo(np.int64).min
_INT_MAX = np.iinfo(np.int64).max
# Sizes that keep the n-side dominance test's boolean temporaries to a few megabytes.
_BLOCK = 256
_CELLS = 1 << 21
_PREFILTER_MIN = 4096
_RANK_LIMIT = 1 << 62
_SMALL_STEP = 64


KeyOf = Callable[[NDArray[np.intp]], IntArray]


def _sweep_two(a: IntArray, b: IntArray, key_of: KeyOf) -> NDArray[np.intp]:
    order = np.argsort(a, kind="stable")[::-1]
    ra, rb = a[order], b[order]
    first = np.empty(len(ra), dtype=bool)
    first[0] = True
    np.not_equal(ra[1:], ra[:-1], out=first[1:])
    if first.all():
        best, group_b = order, rb
    else:
        # Equal first utilities: only the group's largest second utility can survive, and
        # among equal vectors the smallest key. Keys are computed only here because random
        # instances rarely tie.
        rk = key_of(order)
        starts = np.flatnonzero(first)
        group = np.cumsum(first) - 1
        group_b = np.maximum.reduceat(rb, starts)
        top = rb == group_b[group]
        group_key = np.minimum.reduceat(np.where(top, rk, _INT_MAX), starts)
        best = order[top & (rk == group_key[group])]
    previous = np.empty_like(group_b)
    previous[0] = _INT_MIN
    np.maximum.accumulate(group_b[:-1], out=previous[1:])
    kept: NDArray[np.intp] = best[group_b > previous][::-1]
    return kept


def _filter_many(points: IntArray, key: IntArray) -> NDArray[np.intp]:
    # A weak dominator has a larger sum (or an equal one if it is an equal vector), so after
    # this sort every point's dominators and smaller-key twins come before it.
    order = np.lexsort((key, -points.sum(axis=1)))
    rest, rest_index = points[order], order
    kept: list[NDArray[np.intp]] = []
    while len(rest):
        block = rest[:_BLOCK]
        covers = np.all(block[:, None, :] >= block[None, :, :], axis=2)
        survivors = ~np.triu(covers, 1).any(axis=0)
        front = block[survivors]
        kept.append(rest_index[:_BLOCK][survivors])
        rest, rest_index = rest[_BLOCK:], rest_index[_BLOCK:]
        if not len(rest):
            break
        dominated = np.zeros(len(rest), dtype=bool)
        step = max(1, _CELLS // (len(front) * points.shape[1]))
        for start in range(0, len(rest), step):
            chunk = rest[start : start + step]
            dominated[start : start + step] = np.all(
                chunk[:, None, :] <= front[None, :, :], axis=2
            ).any(axis=1)
        rest, rest_index = rest[~dominated], rest_index[~dominated]
    return np.concatenate(kept) if kept else np.empty(0, dtype=np.intp)


def _pareto_filter(points: IntArray, key_of: KeyOf) -> NDArray[np.intp]:
    """Indices of non-dominated points, one per distinct vector (the one with smallest key)."""
    if not len(points):
        return np.empty(0, dtype=np.intp)
    if points.shape[1] == 2:
        return _sweep_two(points[:, 0], points[:, 1], key_of)
    return _filter_many(points, key_of(np.arange(len(points))))


def _useful_options(columns: Sequence[IntArray], padded: IntArray | None) -> list[IntArray]:
    """Per issue, the indices of options that can appear in a frontier package.

    An option dominated by another option of the same issue, or equal to one listed earlier,
    never does under the tie policy: swapping it improves the package, or gives the same
    utilities with lexicographically smaller choices. `padded` stacks the issues, padding
    with rows of -1, which every real option (>= 0) dominates; None when too large.
    """
    if padded is None:
        return [np.sort(_pareto_filter(rows, _identity)).astype(np.int64) for rows in columns]
    widest = padded.shape[1]
    # Side by side: elementwise tests on planes are much cheaper than a reduction over a
    # length-2 axis.
    covers = np.ones((len(padded), widest, widest), dtype=bool)
    equal = np.ones((len(padded), widest, widest), dtype=bool)
    for side in range(padded.shape[2]):
        plane = padded[:, :, side]
        covers &= plane[:, :, None] >= plane[:, None, :]
        equal &= plane[:, :, None] == plane[:, None, :]
    index = np.arange(widest)
    beaten = (covers & (~equal | (index[:, None] < index[None, :]))).any(axis=1)
    sizes = np.array([len(rows) for rows in columns])
    useful = ~beaten & (index[None, :] < sizes[:, None])
    return [np.flatnonzero(row) for row in useful]


def _padded(columns: Sequence[IntArray]) -> IntArray | None:
    widest = max(len(rows) for rows in columns)
    sides = columns[0].shape[1]
    if len(columns) * widest * widest * sides > _CELLS:
        return None
    if all(len(rows) == widest for rows in columns):
        return np.stack(columns)
    padded = np.full((len(columns), widest, sides), -1, dtype=np.int64)
    for i, rows in enumerate(columns):
        padded[i, : len(rows)] = rows
    return padded


def _identity(index: NDArray[np.intp]) -> IntArray:
    return index.astype(np.int64)


def _prefilter_two(a: IntArray, b: IntArray, low: int, high: int) -> NDArray[np.intp]:
    """Drop most strictly dominated candidates in linear time, before the exact sort.

    Candidates are bucketed by their first utility (all lie in ``[low, high]``); one beaten
    on the second utility by a candidate in a strictly higher bucket is strictly dominated,
    so dropping it cannot change the frontier nor the tie policy. The m shifted copies of a
    partial frontier are mostly dominated, so this shrinks the exact sort roughly m-fold.
    """
    # About one bucket per 16 candidates: coarse enough to stay in cache, fine enough that
    # few dominated candidates slip through.
    shift = ((high - low) // max(1, len(a) // 16)).bit_length()
    bucket = a - low
    bucket >>= shift
    top = np.full(((high - low) >> shift) + 2, _INT_MIN, dtype=np.int64)
    np.maximum.at(top, bucket, b)
    above = np.maximum.accumulate(top[::-1])[::-1][1:]
    alive: NDArray[np.intp] = np.flatnonzero(b > above[bucket])
    return alive


def _small_step(
    pa: list[int],
    pb: list[int],
    rank: list[int],
    rows: list[list[int]],
    useful: list[int],
    width: int,
    need: list[int],
) -> tuple[list[int], list[int], list[int], list[int]]:
    """One merge step in plain Python: for a few dozen candidates it beats numpy's per-call
    overhead. Same rules as the numpy step, keys as Python integers."""
    p = len(pa)
    need_a, need_b = need
    candidates = [
        (-(x + da), -(y + db), key * width + option, o * p + q)
        for o, ((da, db), option) in enumerate(zip(rows, useful, strict=True))
        for q, (x, y, key) in enumerate(zip(pa, pb, rank, strict=True))
        if x + da >= need_a and y + db >= need_b
    ]
    candidates.sort()
    new_a: list[int] = []
    new_b: list[int] = []
    new_rank: list[int] = []
    pointer: list[int] = []
    best = -1
    for a, b, key, flat in candidates:
        if -b > best:
            best = -b
            new_a.append(-a)
            new_b.append(-b)
            new_rank.append(key)
            pointer.append(flat)
    return new_a[::-1], new_b[::-1], new_rank[::-1], pointer[::-1]


def _merge_two(
    columns: Sequence[IntArray],
    useful_options: Sequence[IntArray],
    bound: IntArray,
    remaining: IntArray,
    max_points: int,
) -> tuple[IntArray, Pointers]:
    pointers: Pointers = []
    needs = (bound - remaining[1:]).tolist()
    # Small partial frontiers are merged in plain Python, as lists sorted by first utility.
    small_a, small_b, small_rank = [0], [0], [0]
    step = 0
    while step < len(columns) and len(small_a) * len(useful_options[step]) <= _SMALL_STEP:
        useful = useful_options[step]
        small_a, small_b, small_rank, pointer = _small_step(
            small_a,
            small_b,
            small_rank,
            columns[step][useful].tolist(),
            useful.tolist(),
            len(columns[step]),
            needs[step],
        )
        if len(small_a) > max_points:
            raise _too_many(len(small_a), max_points, f"after {step + 1} of {len(columns)} issues")
        if not small_a:
            return np.empty((0, 2), np.int64), []
        pointers.append(np.array(pointer, dtype=np.int32))
        step += 1
    pa = np.array(small_a, dtype=np.int64)
    pb = np.array(small_b, dtype=np.int64)
    # Orders partial packages lexicographically by option indices, for the tie policy. Keys
    # (rank of parent) * width + option grow by a factor of width a step and are re-ranked
    # densely only before they could overflow.
    order = sorted(range(len(small_rank)), key=small_rank.__getitem__)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    rank_bound = len(order)
    rank_limit = _RANK_LIMIT // max(len(rows) for rows in columns)
    for i in range(step, len(columns)):
        all_rows, useful = columns[i], useful_options[i]
        rows = all_rows[useful]
        m, p, width = len(rows), len(pa), len(all_rows)
        # Option-major: each option shifts the whole partial frontier, which is sorted by the
        # first utility, so the candidates form m sorted runs.
        a = (rows[:, 0:1] + pa).ravel()
        b = (rows[:, 1:2] + pb).ravel()
        flat: NDArray[np.intp] | None = None
        if m > 1 and len(a) >= _PREFILTER_MIN:
            low = int(pa[0] + rows[:, 0].min())
            high = int(pa[-1] + rows[:, 0].max())
            flat = _prefilter_two(a, b, low, high)
            a, b = a[flat], b[flat]
        need_a, need_b = needs[i]
        if need_a > 0 or need_b > 0:
            reachable = np.flatnonzero((a >= need_a) & (b >= need_b))
            a, b = a[reachable], b[reachable]
            flat = reachable if flat is None else flat[reachable]
            if not len(a):
                return np.empty((0, 2), np.int64), []

        def key_of(
            index: NDArray[np.intp],
            flat: NDArray[np.intp] | None = flat,
            p: int = p,
            width: int = width,
            rank: IntArray = rank,
            useful: IntArray = useful,
        ) -> IntArray:
            option, parent = np.divmod(index if flat is None else flat[index], p)
            result: IntArray = rank[parent] * width + useful[option]
            return result

        keep = _sweep_two(a, b, key_of)
        if len(keep) > max_points:
            raise _too_many(len(keep), max_points, f"after {i + 1} of {len(columns)} issues")
        pa, pb = a[keep], b[keep]
        # Candidate c is option useful[c // p] added to partial package c % p.
        pointers.append((keep if flat is None else flat[keep]).astype(np.int32))
        rank = key_of(keep)
        rank_bound *= width
        if rank_bound > rank_limit:
            rank = np.argsort(np.argsort(rank))
            rank_bound = len(rank)
    return np.column_stack([pa, pb]), pointers


def _merge_many(
    columns: Sequence[IntArray],
    useful_options: Sequence[IntArray],
    bound: IntArray,
    remaining: IntArray,
    max_points: int,
) -> tuple[IntArray, Pointers]:
    sides = columns[0].shape[1]
    points = np.zeros((1, sides), dtype=np.int64)
    rank = np.zeros(1, dtype=np.int64)
    pointers: Pointers = []
    for i, (all_rows, useful) in enumerate(zip(columns, useful_options, strict=True)):
        rows = all_rows[useful]
        m, p, width = len(rows), len(points), len(all_rows)
        candidates = (rows[:, None, :] + points[None, :, :]).reshape(m * p, sides)
        flat = np.arange(m * p, dtype=np.int64)
        need = bound - remaining[i + 1]
        if (need > 0).any():
            reachable = np.all(candidates >= need, axis=1)
            candidates, flat = candidates[reachable], flat[reachable]
            if not len(flat):
                return np.empty((0, sides), np.int64), []
        option, parent = np.divmod(flat, p)
        keys = rank[parent] * width + useful[option]
        keep = _filter_many(candidates, keys)
        if len(keep) > max_points:
            raise _too_many(len(keep), max_points, f"after {i + 1} of {len(columns)} issues")
        points = candidates[keep]
        pointers.append(flat[keep].astype(np.int32))
        rank = np.argsort(np.argsort(keys[keep]))
    return points, pointers


def _lexicographic(points: IntArray) -> NDArray[np.intp]:
    order: NDArray[np.intp] = np.lexsort(points.T[::-1])
    return order


def _check_table(table: Sequence[IntArray], at_least: IntArray, max_points: int) -> int:
    if not len(table):
        raise ValueError("the table needs at least one issue")
    sides = np.asarray(table[0]).shape[1] if np.ndim(table[0]) == 2 else 0
    for i, rows in enumerate(table):
        shape = np.shape(rows)
        if len(shape) != 2 or shape[0] < 1 or shape[1] != sides or sides < 1:
            raise ValueError(
                f"issue {i} of the table has shape {shape}; expected (options >= 1, {sides})"
            )
    if np.shape(at_least) != (sides,):
        raise ValueError(f"at_least must have one entry per side ({sides})")
    if isinstance(max_points, bool) or not isinstance(max_points, int) or max_points < 1:
        raise ValueError(f"max_points must be a positive integer, got {max_points!r}")
    return int(sides)


def _too_many(found: int, max_points: int, where: str) -> ValueError:
    return ValueError(
        f"the Pareto frontier has {found} points {where}, more than max_points={max_points}; "
        "raise max_points or narrow the search with at_least (in zero-sum negotiations every "
        "package is Pareto-optimal)"
    )


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
        If the table is malformed or a frontier exceeds `max_points`.

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
    never touches the ``m**k`` outcome space.
    """
    sides = _check_table(table, at_least, max_points)
    columns = [np.asarray(rows, dtype=np.int64) for rows in table]
    padded = _padded(columns)
    if padded is not None:
        best = padded.max(axis=1)
    else:
        best = np.array([rows.max(axis=0) for rows in columns], dtype=np.int64)
    remaining = np.zeros((len(columns) + 1, sides), dtype=np.int64)
    remaining[:-1] = np.cumsum(best[::-1], axis=0)[::-1]
    bound = np.asarray(at_least, dtype=np.int64)
    useful = _useful_options(columns, padded)

    merge = _merge_two if sides == 2 else _merge_many
    points, pointers = merge(columns, useful, bound, remaining, max_points)
    if not len(points):
        return points, np.empty((0, len(columns)), np.int64)
    order = _lexicographic(points)
    current: NDArray[np.signedinteger[Any]] = order
    choices = np.empty((len(order), len(columns)), dtype=np.int64)
    for i in range(len(columns) - 1, -1, -1):
        width = len(pointers[i - 1]) if i else 1
        option, current = np.divmod(pointers[i][current], width)
        choices[:, i] = useful[i][option]
    return points[order], choices


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
    sides = _check_table(table, at_least, max_points)
    sizes = [int(np.shape(rows)[0]) for rows in table]
    total = math.prod(sizes)
    if total > max_outcomes:
        raise ValueError(
            f"enumerating {total} packages exceeds max_outcomes={max_outcomes}; use "
            "pareto_merge, which does not enumerate"
        )
    grid = np.zeros((*sizes, sides), dtype=np.int64)
    for i, rows in enumerate(table):
        shape = [1] * len(sizes) + [sides]
        shape[i] = sizes[i]
        grid += np.asarray(rows, dtype=np.int64).reshape(shape)
    points = grid.reshape(total, sides)
    # Row-major enumeration numbers packages in lexicographic order of their option indices.
    flat = np.arange(total, dtype=np.int64)
    bound = np.asarray(at_least, dtype=np.int64)
    if (bound > 0).any():
        ok = np.all(points >= bound, axis=1)
        points, flat = points[ok], flat[ok]
    keep = _pareto_filter(points, flat.__getitem__)
    if len(keep) > max_points:
        raise _too_many(len(keep), max_points, "among the enumerated packages")
    order = keep[_lexicographic(points[keep])]
    choices = np.stack(np.unravel_index(flat[order], sizes), axis=1).astype(np.int64)
    return points[order], choices.reshape(len(order), len(sizes))
