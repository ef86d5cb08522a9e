"""Dominance filters and back-pointers shared by the frontier algorithms of :mod:`pareto`.

Every function here trusts its input: integer arrays of grid units built or validated by the
public functions of :mod:`accord.engine.pareto`.

Tie policy (see :mod:`accord.engine.pareto`): among candidates with the same utility vector,
the one with the smallest *key* survives, where keys order candidates as the
lexicographic order of their option indices does. Random instances rarely tie, so keys are
asked for lazily, only for the candidates that actually tie.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "IntArray",
    "KeyOf",
    "Scratch",
    "Trail",
    "filter_many",
    "pareto_filter",
    "prefilter_runs",
    "prefilter_two",
    "sweep_two",
]

IntArray = NDArray[np.int64]
# Given candidate indices, keys that order them as their option indices do lexicographically.
KeyOf = Callable[[NDArray[np.intp]], IntArray]

_INT_MIN = np.iinfo(np.int64).min
# Below any sum of non-negative units, and far enough above int64's minimum that subtracting
# a utility (< 2**62) cannot overflow.
_NOTHING = -(1 << 62)
# Partial packages per block of the prefilter's first, coarse pass.
_RUN_BLOCK = 32
# Options up to which the prefilter goes one option at a time (for large partial frontiers),
# and the candidates it handles at once otherwise.
_RUNS_ONE_BY_ONE = 64
_CHUNK = 1 << 16
_BLOCK_STEPS = np.arange(_RUN_BLOCK)[None, :]
# Sizes that keep the n-side dominance test's boolean temporaries to a few megabytes.
_BLOCK = 256
_CELLS = 1 << 21


def sweep_two(points: IntArray, key_of: KeyOf) -> NDArray[np.intp]:
    """Indices of the two-sided Pareto-optimal candidates, first utility increasing.

    `points` holds one row per side. Sorted by the first utility, decreasing, a candidate
    survives when its second utility beats the running maximum of those before it. Of
    candidates with equal vectors, the one with the smallest key survives.

    Examples
    --------
    >>> points = np.array([[1, 3, 2, 3], [5, 1, 4, 1]])
    >>> sweep_two(points, lambda index: index.astype(np.int64)).tolist()
    [0, 2, 1]

    Notes
    -----
    O(n log n) for ``n`` candidates, O(n) when they come as a few sorted runs (timsort).
    """
    # Array methods rather than numpy's module functions: the same C code without their
    # Python wrappers, which count on small inputs.
    order = points[0].argsort(kind="stable")[::-1]
    ra, rb = points.take(order, axis=1)
    first = np.empty(len(ra), dtype=bool)
    first[0] = True
    np.not_equal(ra[1:], ra[:-1], out=first[1:])
    # logical_and.reduce: all() without the Python wrapper of ndarray.all.
    if np.logical_and.reduce(first):
        best, group_b = order, rb
    else:
        # Equal first utilities: only the group's largest second utility can survive, and
        # of several such equal vectors the smallest key.
        starts = first.nonzero()[0]
        group = np.cumsum(first) - 1
        group_b = np.maximum.reduceat(rb, starts)
        top = rb == group_b[group]
        tops = np.add.reduceat(top.astype(np.intp), starts)
        contested = (top & (tops[group] > 1)).nonzero()[0]
        if len(contested):
            groups = group[contested]
            by_key = np.lexsort((key_of(order[contested]), groups))
            ranked = groups[by_key]
            leads = np.empty(len(by_key), dtype=bool)
            leads[0] = True
            np.not_equal(ranked[1:], ranked[:-1], out=leads[1:])
            top[contested] = False
            top[contested[by_key[leads]]] = True
        best = order[top]
    previous = np.empty_like(group_b)
    previous[0] = _INT_MIN
    np.maximum.accumulate(group_b[:-1], out=previous[1:])
    kept: NDArray[np.intp] = best[group_b > previous][::-1]
    return kept


def filter_many(points: IntArray, key: IntArray) -> NDArray[np.intp]:
    """Indices of the Pareto-optimal points for any number of sides (smallest key on ties).

    Examples
    --------
    >>> points = np.array([[1, 1, 1], [2, 2, 2], [3, 0, 0], [2, 2, 2]])
    >>> sorted(filter_many(points, np.arange(4)).tolist())
    [1, 2]

    Notes
    -----
    O(n·F·s) in the worst case for ``n`` points, ``F`` of them optimal, ``s`` sides.
    """
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


def pareto_filter(points: IntArray, key_of: KeyOf) -> NDArray[np.intp]:
    """Indices of non-dominated points, one per distinct vector (the one with smallest key).

    Examples
    --------
    >>> points = np.array([[0, 2], [1, 1], [1, 1], [0, 1]])
    >>> pareto_filter(points, lambda index: index.astype(np.int64)).tolist()
    [0, 1]

    Notes
    -----
    That of :func:`sweep_two` for two sides, of :func:`filter_many` otherwise.
    """
    if not len(points):
        return np.empty(0, dtype=np.intp)
    if points.shape[1] == 2:
        return sweep_two(points.T, key_of)
    return filter_many(points, key_of(np.arange(len(points))))


class Scratch:
    """Work arrays reused from one merge step to the next.

    A large merge step handles candidate arrays of several megabytes. Allocated afresh at
    every step, each of their 4 KiB pages costs the kernel a page fault, which took more
    time than the arithmetic; kept here, they are paid for once per merge.

    Examples
    --------
    >>> scratch = Scratch()
    >>> first = scratch.array("a", 1000, np.int64)
    >>> scratch.array("a", 800, np.int64).base is first.base
    True

    Notes
    -----
    Memory: the largest size asked for under each name, plus a quarter.
    """

    __slots__ = ("_arrays",)

    def __init__(self) -> None:
        self._arrays: dict[str, NDArray[Any]] = {}

    def array(self, name: str, size: int, dtype: type[np.generic]) -> NDArray[Any]:
        """An uninitialised array of `size` elements, valid until `name` is asked for again.

        Notes
        -----
        O(1), or O(size) when it has to grow.
        """
        current = self._arrays.get(name)
        if current is None or len(current) < size or current.dtype != dtype:
            current = np.empty(size + size // 4, dtype=dtype)
            self._arrays[name] = current
        return current[:size]


def prefilter_two(
    a: IntArray, b: IntArray, low: int, high: int, scratch: Scratch
) -> NDArray[np.intp]:
    """Drop most strictly dominated candidates in linear time, before the exact sort.

    Candidates are bucketed by their first utility (all lie in ``[low, high]``); one beaten
    on the second utility by a candidate in a strictly higher bucket is strictly dominated,
    so dropping it cannot change the frontier nor the tie policy. For merge steps of up to
    some tens of thousands of candidates, which fit in cache; :func:`prefilter_runs` avoids
    building larger ones.

    Examples
    --------
    Of 64 candidates, those in the upper quarter of the first utility's range survive:

    >>> a = np.arange(64)
    >>> alive = prefilter_two(a, np.where(a < 32, 0, 1), 0, 63, Scratch())
    >>> alive[[0, -1]].tolist(), len(alive)
    ([48, 63], 16)

    Notes
    -----
    O(n) for ``n`` candidates.
    """
    # About one bucket per 16 candidates: coarse enough to stay in cache, fine enough that
    # few dominated candidates slip through.
    shift = ((high - low) // max(1, len(a) // 16)).bit_length()
    bucket = np.subtract(a, low, out=scratch.array("bucket", len(a), np.int64))
    bucket >>= shift
    top = np.full(((high - low) >> shift) + 2, _INT_MIN, dtype=np.int64)
    np.maximum.at(top, bucket, b)
    above = np.maximum.accumulate(top[::-1])[::-1][1:]
    beaten = above.take(bucket, out=scratch.array("beaten", len(a), np.int64), mode="clip")
    alive: NDArray[np.intp] = np.greater(
        b, beaten, out=scratch.array("alive", len(a), np.bool_)
    ).nonzero()[0]
    return alive


def prefilter_runs(
    pa: IntArray, pb: IntArray, ra: IntArray, rb: IntArray, scratch: Scratch
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Drop most strictly dominated candidates of a merge step, without building them all.

    The candidates are the partial frontier ``(pa, pb)`` (first utility increasing, second
    decreasing, all non-negative and below ``2**62``) shifted by each option ``(ra[o], rb[o])``:
    candidate ``(o, j)`` is ``(pa[j] + ra[o], pb[j] + rb[o])``. First utilities are
    bucketed by ``key(o, j) = cell(pa[j] - pa[0]) + cell(ra[o] - min(ra))`` with cells of
    ``2**shift``, about two points of the partial frontier wide. A key at least two above
    another's implies a strictly larger first utility, so a candidate whose second utility
    is at most that of some candidate two keys higher is strictly dominated, and dropping it
    changes neither the frontier nor the tie policy.

    The best second utility of each key is a maximum over options of the partial frontier's
    own best per cell, shifted, so the filter works on the ``m`` runs of ``p`` points one at
    a time, in cache, and never builds the ``m·p`` candidates: building them and filtering
    them in memory bounded large merges.

    Returns
    -------
    options, partials : intp arrays
        The surviving candidates ``(o, j)``, option-major.

    Examples
    --------
    The second option lifts the whole partial frontier: the first one's candidates are
    dropped, but for the two at the top end, which no key two above can beat.

    >>> pa, pb = np.arange(0, 80, 2), np.arange(80, 0, -2)
    >>> options, partials = prefilter_runs(pa, pb, np.array([0, 0]), np.array([0, 10]), Scratch())
    >>> np.bincount(options).tolist(), partials[:2].tolist()
    ([2, 40], [38, 39])

    Notes
    -----
    O(m·p / 64 + c·d + q) for ``m`` options, ``p`` partial packages, ``c`` cells, ``d``
    options with many survivors and ``q`` points in blocks that may hold survivors.
    """
    p, m = len(pa), len(ra)
    # Cells about two partial packages wide, and wider when the options spread further than
    # the partial frontier: the keys, and so the arrays below, stay within about p.
    reach = int(pa[-1]) - int(pa[0]) + int(ra.max()) - int(ra.min())
    shift = max(0, (reach // max(1, p // 2)).bit_length() - 1)
    cell = np.subtract(pa, pa[0], out=scratch.array("cell", p, np.int64))
    cell >>= shift
    offsets = ((ra - ra.min()) >> shift).tolist()
    cells = int(cell[-1]) + 1
    keys = cells + max(offsets)
    # The partial frontier's best second utility per cell: pb decreases, so it is the first
    # point of the cell.
    first = np.empty(p, dtype=bool)
    first[0] = True
    np.not_equal(cell[1:], cell[:-1], out=first[1:])
    starts = first.nonzero()[0]
    own = np.full(cells, _NOTHING, dtype=np.int64)
    own[cell[starts]] = pb[starts]
    top = np.full(keys, _NOTHING, dtype=np.int64)
    shifts = np.array(offsets)
    if m <= _RUNS_ONE_BY_ONE:
        for offset, shift_b in zip(offsets, rb.tolist(), strict=True):
            window = top[offset : offset + cells]
            np.maximum(window, own + shift_b, out=window)
    else:
        # Many options (a sum of money, say): a Python loop per option would cost more than
        # the work, so they go by chunks.
        chunk = max(1, _CHUNK // cells)
        for start in range(0, m, chunk):
            at = np.arange(cells) + shifts[start : start + chunk, None]
            np.maximum.at(top, at.ravel(), (own + rb[start : start + chunk, None]).ravel())
    # beaten[k]: the best second utility among keys k + 2 and above.
    beaten = np.full(keys, _NOTHING, dtype=np.int64)
    beaten[:-2] = np.maximum.accumulate(top[:1:-1])[::-1]
    if m > _RUNS_ONE_BY_ONE or m * p <= _CHUNK:
        # Few candidates, or many short runs: test them all at once, by chunks of runs.
        chunk = max(1, _CHUNK // p)
        option_parts, partial_parts = [], []
        for start in range(0, m, chunk):
            at = cell + shifts[start : start + chunk, None]
            survive = pb + rb[start : start + chunk, None] > beaten.take(at, mode="clip")
            # Flat, then split: nonzero() of a 2-D array is several times slower.
            option, partial = np.divmod(survive.ravel().nonzero()[0], p)
            option_parts.append(option + start)
            partial_parts.append(partial)
        return np.concatenate(option_parts), np.concatenate(partial_parts)
    # Blocks of consecutive partial packages: the first one has the block's best second
    # utility, the last one its largest key, where the threshold is lowest. A block whose
    # best cannot beat that threshold holds no survivor, which skips most of the dominated
    # runs without looking at their points.
    blocks = -(-p // _RUN_BLOCK)
    block_best = pb[::_RUN_BLOCK]
    block_key = cell[np.minimum(np.arange(_RUN_BLOCK - 1, blocks * _RUN_BLOCK, _RUN_BLOCK), p - 1)]
    threshold = scratch.array("threshold", p, np.int64)
    alive = scratch.array("alive", p, np.bool_)
    runs = []
    for offset, shift_b in zip(offsets, rb.tolist(), strict=True):
        # Candidate (o, j) survives when pb[j] + rb[o] > beaten[cell[j] + offset].
        live = (block_best + shift_b > beaten[block_key + offset]).nonzero()[0]
        if 2 * len(live) >= blocks:
            # Mostly alive: test every point, as pb[j] > limit[cell[j]]; the cells are within
            # bounds, so "clip" only spares numpy a bounds check.
            limit = beaten[offset : offset + cells] - shift_b
            limit.take(cell, out=threshold, mode="clip")
            runs.append(np.greater(pb, threshold, out=alive).nonzero()[0])
        elif len(live):
            index = (live[:, None] * _RUN_BLOCK + _BLOCK_STEPS).ravel()
            if live[-1] == blocks - 1:
                index = index[index < p]
            runs.append(index[pb[index] + shift_b > beaten[cell[index] + offset]])
        else:
            runs.append(live)
    options = np.arange(m).repeat([len(run) for run in runs])
    return options, np.concatenate(runs)


class Trail:
    """Back-pointers of an issue-by-issue merge, from which packages are rebuilt at the end.

    Step ``i`` holds, for each partial package kept after merging issue ``i``, the index of
    the partial package of step ``i - 1`` that it extends and the option it picks on issue
    ``i``. Options are stored in the smallest integer type that holds `widest` (the largest
    number of options of an issue), parents of large steps as int32, so a long merge keeps
    about five bytes per kept point.

    The merge may take the issues in another order than the negotiation's: `order` lists,
    per step, the position of the issue merged at that step (default: step ``i`` merges issue
    ``i``). :meth:`trace` answers in the merge's order, :meth:`keys` compares packages in the
    negotiation's order, as the tie policy requires.

    Examples
    --------
    >>> trail = Trail(widest=3)
    >>> trail.add(np.array([0, 0]), np.array([1, 0]))
    >>> trail.add(np.array([1, 0, 1]), np.array([2, 2, 0]))
    >>> trail.trace(np.array([0, 1, 2])).T.tolist()
    [[0, 2], [1, 2], [0, 0]]
    """

    __slots__ = ("_option_type", "_order", "options", "parents")

    def __init__(self, widest: int, order: list[int] | None = None) -> None:
        self.parents: list[NDArray[np.integer[Any]]] = []
        self.options: list[NDArray[np.unsignedinteger[Any]]] = []
        self._option_type = np.min_scalar_type(max(widest - 1, 0))
        self._order = order

    def __len__(self) -> int:
        return len(self.parents)

    def add(self, parents: NDArray[np.integer[Any]], options: NDArray[np.integer[Any]]) -> None:
        """Record one step.

        Notes
        -----
        O(points of the step).
        """
        # Small steps keep their index type: converting costs more than it saves.
        self.parents.append(parents if len(parents) < 1024 else parents.astype(np.int32))
        self.options.append(options.astype(self._option_type, copy=False))

    def trace(self, current: NDArray[np.integer[Any]]) -> NDArray[np.unsignedinteger[Any]]:
        """Option indices of the given packages of the last step, shape ``(steps, packages)``,
        in the options' compact integer type.

        Notes
        -----
        O(steps · packages).
        """
        choices = np.empty((len(self.parents), len(current)), dtype=self._option_type)
        # The pointers are valid by construction: "clip" only spares numpy a bounds check
        # and a buffered copy.
        for i in range(len(self.parents) - 1, -1, -1):
            self.options[i].take(current, out=choices[i], mode="clip")
            current = self.parents[i].take(current, mode="clip")
        return choices

    def keys(self, parents: NDArray[np.integer[Any]], options: IntArray) -> IntArray:
        """Lexicographic ranks of the candidates extending `parents` with `options`.

        Candidates are distinct packages, so their ranks are distinct.

        Notes
        -----
        O(steps · candidates + candidates · log(candidates) · steps).
        """
        rows = np.vstack([self.trace(parents), options[None, :]])
        if self._order is not None:
            # The negotiation's order of issues, not the merge's.
            rows = rows[np.argsort(self._order[: len(rows)])]
        # np.lexsort takes its primary key last: the first issue, then the next ones.
        order = np.lexsort(rows[::-1])
        ranks = np.empty(len(order), dtype=np.int64)
        ranks[order] = np.arange(len(order))
        return ranks
