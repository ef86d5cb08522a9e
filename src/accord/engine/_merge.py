"""Issue-by-issue merging of exact Pareto frontiers (Nemhauser & Ullmann 1969).

The work behind :func:`accord.engine.pareto_merge`. Everything here trusts its input, a
*table* of non-negative int64 grid units whose sums fit in int64: the public functions of
:mod:`accord.engine.pareto` and :mod:`accord.engine.frontier` validate once, at the boundary,
so the many calls a mediator's screen makes do not validate the same arrays again.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from accord.engine._dominance import (
    IntArray,
    Scratch,
    Trail,
    filter_many,
    pareto_filter,
    prefilter_runs,
    prefilter_two,
    sweep_two,
)

__all__ = ["merge_table", "too_many", "useful_options"]

# Largest issues x options^2 x sides handled by the vectorised test of useful options.
_CELLS = 1 << 21
# Candidates from which a linear-time prefilter pays for itself, and beyond which they are
# filtered run by run rather than built all at once.
_PREFILTER_MIN = 4096
_BUILD_MAX = 1 << 16
# Candidates up to which a merge step runs in plain Python, cheaper than numpy's overhead.
_SMALL_STEP = 64
# Options in a table from which weeding out each issue's dominated options, and choosing
# the order of the issues, pays for itself.
_USEFUL_MIN = 100
_NO_OPTION = np.iinfo(np.int64).max


def too_many(found: int, max_points: int, where: str) -> ValueError:
    """The error raised when a frontier would exceed `max_points`.

    Examples
    --------
    >>> str(too_many(12, 10, "after 3 of 5 issues")).split(";")[0]
    'the Pareto frontier has 12 points after 3 of 5 issues, more than max_points=10'
    """
    return ValueError(
        f"the Pareto frontier has {found} points {where}, more than max_points={max_points}; "
        "raise max_points or narrow the search with at_least (in zero-sum negotiations every "
        "package is Pareto-optimal)"
    )


def _identity(index: NDArray[np.intp]) -> IntArray:
    return index.astype(np.int64)


def _padded(columns: Sequence[IntArray]) -> IntArray | None:
    """The issues stacked into one array, short ones padded with rows of -1 (which every
    real option dominates); None when that array would be large."""
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


def useful_options(columns: Sequence[IntArray], padded: IntArray | None) -> list[NDArray[np.intp]]:
    """Per issue, the indices of options that can appear in a frontier package.

    An option dominated by another option of the same issue, or equal to one listed earlier,
    never does under the tie policy: swapping it improves the package, or gives the same
    utilities with lexicographically smaller choices.

    Examples
    --------
    >>> table = [np.array([[0, 3], [1, 1], [2, 2], [0, 3]])]
    >>> [row.tolist() for row in useful_options(table, _padded(table))]
    [[0, 2]]

    Notes
    -----
    O(k·m²·s) for ``k`` issues of at most ``m`` options and ``s`` sides.
    """
    if padded is None:
        return [np.sort(pareto_filter(rows, _identity)) for rows in columns]
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


def _needs(columns: Sequence[IntArray], padded: IntArray | None, bound: IntArray) -> IntArray:
    """Per step, what the partial package must reach so the best remaining options can still
    lift it to `bound`: ``bound`` minus the sum of the later issues' largest contributions."""
    sides = columns[0].shape[1]
    needs = np.empty((len(columns), sides), dtype=np.int64)
    needs[:] = bound
    if np.logical_and.reduce(bound <= 0):
        # Contributions are non-negative: nothing can be pruned.
        return needs
    if padded is not None:
        best = padded.max(axis=1)
    else:
        best = np.array([rows.max(axis=0) for rows in columns], dtype=np.int64)
    needs[:-1] -= np.cumsum(best[:0:-1], axis=0)[::-1]
    return needs


Key = tuple[int, ...]


def _small_step(
    pa: list[int],
    pb: list[int],
    keys: list[Key],
    rows: list[list[int]],
    useful: list[int],
    position: int,
    need: list[int],
) -> tuple[list[int], list[int], list[Key], list[int], list[int]]:
    """One merge step in plain Python: for a few dozen candidates it beats numpy's per-call
    overhead. Same rules as the numpy step; a partial package's key is the tuple of its
    options in the negotiation's order of issues, this issue's going in at `position`."""
    need_a, need_b = need
    candidates = [
        (-(x + da), -(y + db), (*key[:position], option, *key[position:]), q, option)
        for (da, db), option in zip(rows, useful, strict=True)
        for q, (x, y, key) in enumerate(zip(pa, pb, keys, strict=True))
        if x + da >= need_a and y + db >= need_b
    ]
    candidates.sort()
    new_a: list[int] = []
    new_b: list[int] = []
    new_rank: list[Key] = []
    parents: list[int] = []
    options: list[int] = []
    best = -1
    for a, b, key, parent, option in candidates:
        if -b > best:
            best = -b
            new_a.append(-a)
            new_b.append(-b)
            new_rank.append(key)
            parents.append(parent)
            options.append(option)
    return new_a[::-1], new_b[::-1], new_rank[::-1], parents[::-1], options[::-1]


def _merge_two(
    columns: Sequence[IntArray],
    useful_options: Sequence[NDArray[np.intp]],
    needs: list[list[int]],
    max_points: int,
    trail: Trail,
    order: list[int],
) -> IntArray:
    """Merge the issues in the order given (`order`: their positions in the negotiation)."""
    # Small partial frontiers are merged in plain Python, as lists sorted by first utility.
    small_a, small_b = [0], [0]
    small_keys: list[Key] = [()]
    merged: list[int] = []
    step = 0
    while step < len(columns) and len(small_a) * len(useful_options[step]) <= _SMALL_STEP:
        useful = useful_options[step]
        position = bisect.bisect(merged, order[step])
        merged.insert(position, order[step])
        small_a, small_b, small_keys, parent_list, option_list = _small_step(
            small_a,
            small_b,
            small_keys,
            columns[step][useful].tolist(),
            useful.tolist(),
            position,
            needs[step],
        )
        if len(small_a) > max_points:
            raise too_many(len(small_a), max_points, f"after {step + 1} of {len(columns)} issues")
        if not small_a:
            return np.empty((0, 2), np.int64)
        trail.add(np.array(parent_list), np.array(option_list))
        step += 1
    # The partial frontier, one row per side: first utility increasing, second decreasing.
    frontier = np.array([small_a, small_b], dtype=np.int64)
    scratch = Scratch()
    for i in range(step, len(columns)):
        all_rows, useful = columns[i], useful_options[i]
        # C order, so that the candidates below come out C-ordered and reshape for free.
        shifts = np.ascontiguousarray(
            (all_rows if len(useful) == len(all_rows) else all_rows[useful]).T
        )
        m, p = shifts.shape[1], frontier.shape[1]
        need_a, need_b = needs[i]
        if m == 1 and need_a <= 0 and need_b <= 0:
            # One useful option shifts the partial frontier, which stays a frontier.
            frontier = frontier + shifts
            trail.add(np.arange(p), np.full(p, useful[0]))
            continue
        # Candidate (o, j) is option useful[o] added to partial package j. Each option
        # shifts the whole partial frontier, so the candidates form m sorted runs.
        options: NDArray[np.intp] | None = None
        partials: NDArray[np.intp] | None = None
        if m > 1 and m * p > _BUILD_MAX:
            # Too many candidates to build them all: filter them run by run first.
            options, partials = prefilter_runs(
                frontier[0], frontier[1], shifts[0], shifts[1], scratch
            )
            # take() along an axis: several times faster than frontier[:, partials].
            candidates = frontier.take(partials, axis=1)
            candidates += shifts.take(options, axis=1)
        else:
            # All the candidates, option-major (c is option c // p, partial c % p).
            candidates = (shifts[:, :, None] + frontier[:, None, :]).reshape(2, m * p)
            if m > 1 and m * p >= _PREFILTER_MIN:
                low = int(frontier[0, 0]) + int(shifts[0].min())
                high = int(frontier[0, -1]) + int(shifts[0].max())
                alive = prefilter_two(candidates[0], candidates[1], low, high, scratch)
                candidates = candidates.take(alive, axis=1)
                options, partials = np.divmod(alive, p)
        if need_a > 0 or need_b > 0:
            reachable = ((candidates[0] >= need_a) & (candidates[1] >= need_b)).nonzero()[0]
            if not len(reachable):
                return np.empty((0, 2), np.int64)
            candidates = candidates.take(reachable, axis=1)
            if options is None or partials is None:
                options, partials = np.divmod(reachable, p)
            else:
                options, partials = options[reachable], partials[reachable]

        def origin(
            index: NDArray[np.intp],
            options: NDArray[np.intp] | None = options,
            partials: NDArray[np.intp] | None = partials,
            p: int = p,
        ) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
            """Option (position among the useful ones) and partial package of candidates."""
            if options is None or partials is None:
                option, partial = np.divmod(index, p)
                return option, partial
            return options[index], partials[index]

        def key_of(
            index: NDArray[np.intp],
            origin: Callable[..., tuple[NDArray[np.intp], NDArray[np.intp]]] = origin,
            useful: NDArray[np.intp] = useful,
        ) -> IntArray:
            option, partial = origin(index)
            return trail.keys(partial, useful[option])

        keep = sweep_two(candidates, key_of)
        if len(keep) > max_points:
            raise too_many(len(keep), max_points, f"after {i + 1} of {len(columns)} issues")
        frontier = candidates.take(keep, axis=1)
        option, partial = origin(keep)
        trail.add(partial, option if len(useful) == len(all_rows) else useful[option])
    return np.ascontiguousarray(frontier.T)


def _merge_many(
    columns: Sequence[IntArray],
    useful_options: Sequence[NDArray[np.intp]],
    needs: IntArray,
    max_points: int,
    trail: Trail,
) -> IntArray:
    sides = columns[0].shape[1]
    points = np.zeros((1, sides), dtype=np.int64)
    # Lexicographic rank of each partial package, for the tie policy.
    rank = np.zeros(1, dtype=np.int64)
    for i, (all_rows, useful) in enumerate(zip(columns, useful_options, strict=True)):
        rows = all_rows[useful]
        m, p, width = len(rows), len(points), len(all_rows)
        candidates = (rows[:, None, :] + points[None, :, :]).reshape(m * p, sides)
        flat = np.arange(m * p, dtype=np.int64)
        if (needs[i] > 0).any():
            reachable = np.all(candidates >= needs[i], axis=1)
            candidates, flat = candidates[reachable], flat[reachable]
            if not len(flat):
                return np.empty((0, sides), np.int64)
        option, parent = np.divmod(flat, p)
        keys = rank[parent] * width + useful[option]
        keep = filter_many(candidates, keys)
        if len(keep) > max_points:
            raise too_many(len(keep), max_points, f"after {i + 1} of {len(columns)} issues")
        points = candidates[keep]
        trail.add(parent[keep], useful[option[keep]])
        rank = np.argsort(np.argsort(keys[keep]))
    return points


def _widest_first(columns: Sequence[IntArray], padded: IntArray | None) -> list[int]:
    """Issues by decreasing spread of their options (sum over sides of the largest minus the
    smallest contribution); ties keep the negotiation's order."""
    if padded is None:
        spans = np.array([(rows.max(axis=0) - rows.min(axis=0)).sum() for rows in columns])
    else:
        # Padding rows (-1) count as no option.
        lowest = np.where(padded < 0, _NO_OPTION, padded).min(axis=1)
        spans = (padded.max(axis=1) - lowest).sum(axis=1)
    order: list[int] = np.argsort(-spans, kind="stable").tolist()
    return order


def merge_table(
    columns: Sequence[IntArray], bound: IntArray, max_points: int
) -> tuple[IntArray, NDArray[np.unsignedinteger[Any]]]:
    """:func:`accord.engine.pareto_merge` on a table that is already valid.

    The choices come in the smallest unsigned type that holds the option indices (a byte for
    up to 256 options), an eighth of int64's memory for large frontiers of many issues.

    Examples
    --------
    >>> table = [np.array([[0, 3], [2, 2], [3, 0]]), np.array([[0, 1], [1, 0]])]
    >>> units, choices = merge_table(table, np.zeros(2, dtype=np.int64), 100)
    >>> units.tolist(), choices.tolist()
    ([[0, 4], [2, 3], [3, 2], [4, 0]], [[0, 0], [1, 0], [1, 1], [2, 1]])

    Notes
    -----
    As :func:`accord.engine.pareto_merge`.
    """
    sides = columns[0].shape[1]
    sizes = [len(rows) for rows in columns]
    padded = None
    useful_all = sum(sizes) < _USEFUL_MIN
    if useful_all:
        # Dominated options only add candidates that the merge drops anyway; on a small
        # table finding them first costs more than it saves.
        useful = [np.arange(size) for size in sizes]
    else:
        padded = _padded(columns)
        useful = useful_options(columns, padded)
    if sides == 2:
        # Issues with the widest spread first: the partial frontiers then stay sparser for
        # longer, and the merge's work grows with their sizes. The result does not depend on
        # the order (keys follow the negotiation's order of issues).
        order = list(range(len(columns))) if useful_all else _widest_first(columns, padded)
        columns = [columns[i] for i in order]
        useful = [useful[i] for i in order]
        padded = None if padded is None else padded[order]
        trail = Trail(widest=max(sizes), order=order)
        points = _merge_two(
            columns, useful, _needs(columns, padded, bound).tolist(), max_points, trail, order
        )
        if not len(points):
            return points, np.empty((0, len(columns)), np.uint8)
        # The sweep leaves two-sided frontiers sorted by the first utility, increasing.
        merged = trail.trace(np.arange(len(points)))
        # Built step-major, so each step writes one contiguous row; back to the negotiation's
        # order of issues, then transposed (a view).
        return points, merged[np.argsort(order)].T
    trail = Trail(widest=max(sizes))
    points = _merge_many(columns, useful, _needs(columns, padded, bound), max_points, trail)
    if not len(points):
        return points, np.empty((0, len(columns)), np.uint8)
    lexicographic = np.lexsort(points.T[::-1])
    return points[lexicographic], trail.trace(lexicographic).T
