"""Maximum Nash welfare allocation of indivisible items (Caragiannis et al. 2016).

The allocation first maximises the number of sides with positive utility, then the product
of those sides' utilities, each divided by the side's total value for all items (as Spliddit
normalises every side to 1,000 points). For a fixed set of positive sides the scaling does not
change the answer; it only makes products over different sets of sides comparable when not
everyone can be positive. The allocation is Pareto-optimal and envy-free up to one item
(EF1); the result is checked for EF1 before it is returned.

Two algorithms share one signature, ``(units) -> owner``, where ``units`` is the
``(sides, items)`` integer array of valuations on each side's grid and ``owner[g]`` the side
receiving item ``g``:

* :func:`mnw_frontier`: exact: each item is an issue whose options are "goes to side i";
  the Nash welfare optimum is on the Pareto frontier of these issues. Default for two sides.
* :func:`mnw_milp`: a mixed-integer program on HiGHS with tangent cuts of the logarithm, in
  the spirit of Spliddit's log-secant MILP, refined until the cuts are tight at the
  solution. Default for three or more sides.

Both results then go through a local search over single-item moves, compared exactly in
integers, which can only raise the welfare; an allocation no single move improves is EF1
(the argument of Caragiannis et al., Theorem 3.2).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from accord.engine._grid import to_values
from accord.engine.fair_division import Allocation, check_items, valuation_units
from accord.engine.pareto import DEFAULT_MAX_POINTS, pareto_merge

__all__ = ["NashWelfareAlgorithm", "max_nash_welfare", "mnw_frontier", "mnw_milp"]

IntArray = NDArray[np.int64]
NashWelfareAlgorithm = Callable[[IntArray], IntArray]

# Nash welfare is optimised in log space; the MILP stops once no allocation can beat the
# incumbent by more than this (a relative welfare gain of about 1e-6). HiGHS stops at an
# absolute objective gap of 1e-6 (scipy does not expose it), so the objective is scaled up to
# make that gap negligible; what remains is its 1e-7 feasibility tolerance on each side's cut.
_LOG_TOLERANCE = 1e-6
_OBJECTIVE_SCALE = 1e3


def _objective(utilities: Sequence[int], totals: Sequence[int]) -> tuple[int, Fraction]:
    # Utilities relative to each side's total make products of different sets of positive
    # sides comparable; within one set the scaling does not change the maximiser.
    positive = [(u, t) for u, t in zip(utilities, totals, strict=True) if u > 0]
    return len(positive), Fraction(
        math.prod(u for u, _ in positive), math.prod(t for _, t in positive)
    )


def _utilities(units: IntArray, owner: IntArray) -> list[int]:
    totals = [0] * len(units)
    for g, side in enumerate(owner.tolist()):
        totals[side] += int(units[side, g])
    return totals


def max_positive(units: IntArray) -> int:
    """Largest number of sides that can all get positive utility at once.

    A side needs one item it values; so this is a maximum bipartite matching between sides
    and the items they value.

    Examples
    --------
    >>> max_positive(np.array([[1, 0], [1, 0], [0, 0]]))
    1

    Notes
    -----
    O(E·sqrt(V)) (Hopcroft-Karp) for the ``E`` positive valuations.
    """
    graph = csr_matrix((units > 0).astype(np.int8))
    matching = maximum_bipartite_matching(graph, perm_type="column")
    return int(np.count_nonzero(matching >= 0))


def mnw_frontier(units: IntArray, *, max_points: int = DEFAULT_MAX_POINTS) -> IntArray:
    """Exact maximum Nash welfare through the Pareto frontier.

    Parameters
    ----------
    units : int64 array of shape (sides, items)
    max_points : int
        Passed to :func:`accord.engine.pareto_merge`; raises ValueError when exceeded.

    Returns
    -------
    int64 array of shape (items,)
        The side receiving each item. Ties: smallest utility vector, then lexicographically
        smallest assignment.

    Examples
    --------
    >>> mnw_frontier(np.array([[6, 3, 1], [2, 3, 5]])).tolist()
    [0, 1, 1]

    Notes
    -----
    The frontier merge over ``m`` issues of ``s`` options (see :func:`pareto_merge`) plus
    O(F·s) for a frontier of ``F`` points; exact for any number of sides, practical for two.
    """
    sides, items = units.shape
    table = [np.diag(units[:, g]).astype(np.int64) for g in range(items)]
    points, owners = pareto_merge(table, np.zeros(sides, dtype=np.int64), max_points)
    totals = units.sum(axis=1).tolist()
    best = 0
    best_value = _objective(points[0].tolist(), totals)
    for row in range(1, len(points)):
        value = _objective(points[row].tolist(), totals)
        if value > best_value:
            best, best_value = row, value
    result: IntArray = owners[best]
    return result


def _tangent_rows(
    side: int, points: Sequence[float], scaled: NDArray[np.float64]
) -> tuple[list[NDArray[np.float64]], list[float]]:
    sides, items = scaled.shape
    rows, upper = [], []
    for a in points:
        # w_j <= log a + (u_j - a) / a while z_j = 1; with z_j = 0 the +1 slack lets w_j = 0.
        row = np.zeros(sides * items + 2 * sides)
        row[side * items : (side + 1) * items] = -scaled[side] / a
        row[sides * items + side] = 1.0
        row[sides * items + sides + side] = 1.0
        rows.append(row)
        upper.append(math.log(a))
    return rows, upper


def mnw_milp(units: IntArray, *, tangents: int = 16, max_rounds: int = 50) -> IntArray:
    """Maximum Nash welfare by mixed-integer programming on HiGHS.

    Variables: ``x[j, g]`` (item ``g`` to side ``j``), ``z[j]`` (side ``j`` counted among the
    positive sides) and ``w[j] <= log u_j`` expressed by tangent lines of the logarithm.
    Each side's values are scaled so that its smallest positive value is 1, so a counted
    side has ``u_j >= 1`` and ``w_j >= 0``. The number of counted sides is fixed to the
    maximum matching size; ``sum(w)`` is maximised with ``mip_rel_gap = 0``. Tangents
    over-estimate the logarithm, so the optimum is an upper bound; tangents at the
    solution's utilities are added until the incumbent's true welfare is within
    about ``1e-6`` (relative) of the solver's bound.

    Parameters
    ----------
    units : int64 array of shape (sides, items)
    tangents : int, default 16
        Initial tangent points per side, geometrically spaced over its utility range.
    max_rounds : int, default 50
        Raise RuntimeError if the cuts have not converged after this many solves.

    Returns
    -------
    int64 array of shape (items,)
        The side receiving each item.

    Examples
    --------
    >>> mnw_milp(np.array([[6, 3, 1], [2, 3, 5], [1, 1, 1]])).tolist()
    [0, 2, 1]

    Notes
    -----
    NP-hard in general; in practice a few HiGHS solves of ``s·m`` binaries, under 3 s for
    ``s <= 4`` sides and ``m <= 40`` items (see ``benchmarks/engine.py``).
    """
    sides, items = units.shape
    target = max_positive(units)
    if target == 0:
        return np.zeros(items, dtype=np.int64)
    smallest = np.array(
        [row[row > 0].min() if (row > 0).any() else 1 for row in units], dtype=np.float64
    )
    scaled = units.astype(np.float64) / smallest[:, None]
    totals = scaled.sum(axis=1)
    n_x = sides * items
    n_all = n_x + 2 * sides

    rows: list[NDArray[np.float64]] = []
    lower: list[float] = []
    upper: list[float] = []
    for g in range(items):
        row = np.zeros(n_all)
        row[g:n_x:items] = 1.0
        rows.append(row)
        lower.append(1.0)
        upper.append(1.0)
    row = np.zeros(n_all)
    row[n_x : n_x + sides] = 1.0
    rows.append(row)
    lower.append(float(target))
    upper.append(float(target))
    for j in range(sides):
        positive = np.zeros(n_all)
        positive[j * items : (j + 1) * items] = scaled[j]
        positive[n_x + j] = -1.0
        rows.append(positive)
        lower.append(0.0)
        upper.append(np.inf)
        cap = np.zeros(n_all)
        cap[n_x + sides + j] = 1.0
        cap[n_x + j] = -math.log(max(totals[j], 1.0))
        rows.append(cap)
        lower.append(-np.inf)
        upper.append(0.0)
        grid = np.geomspace(1.0, max(totals[j], 1.0), tangents)
        cut_rows, cut_upper = _tangent_rows(j, grid.tolist(), scaled)
        rows.extend(cut_rows)
        upper.extend(cut_upper)
        lower.extend([-np.inf] * len(cut_rows))

    cost = np.zeros(n_all)
    cost[n_x + sides :] = -1.0
    # Counting side j adds log(u_j / total_j); the constant part sits on z_j.
    cost[n_x : n_x + sides] = np.log(np.maximum(totals, 1.0))
    integrality = np.concatenate([np.ones(n_x + sides), np.zeros(sides)])
    low_bounds = np.zeros(n_all)
    high_bounds = np.concatenate([np.ones(n_x + sides), np.log(np.maximum(totals, 1.0))])
    best_owner: IntArray = np.zeros(items, dtype=np.int64)
    best_value = -math.inf
    for _ in range(max_rounds):
        result = milp(
            cost * _OBJECTIVE_SCALE,
            constraints=LinearConstraint(np.array(rows), lower, upper),
            integrality=integrality,
            bounds=Bounds(low_bounds, high_bounds),
            # Presolve does not pay off on models this small, and HiGHS's presolve prints a
            # debug line to stdout on some of them.
            options={"mip_rel_gap": 0.0, "presolve": False},
        )
        if result.status != 0 or result.x is None:
            raise RuntimeError(f"HiGHS did not solve the Nash welfare MILP: {result.message}")
        x = np.asarray(result.x)
        owner = np.argmax(x[:n_x].reshape(sides, items), axis=0).astype(np.int64)
        counted = np.rint(x[n_x : n_x + sides]).astype(bool)
        own = np.array([scaled[j, owner == j].sum() for j in range(sides)], dtype=np.float64)
        value = float(
            sum(
                math.log(own[j]) - math.log(max(totals[j], 1.0))
                for j in range(sides)
                if counted[j] and own[j] > 0
            )
        )
        if value > best_value:
            best_owner, best_value = owner, value
        bound = -float(result.mip_dual_bound) / _OBJECTIVE_SCALE
        if best_value >= bound - _LOG_TOLERANCE:
            return best_owner
        for j in range(sides):
            if counted[j] and own[j] > 0:
                cut_rows, cut_upper = _tangent_rows(j, [float(own[j])], scaled)
                rows.extend(cut_rows)
                upper.extend(cut_upper)
                lower.extend([-np.inf] * len(cut_rows))
    raise RuntimeError(f"the Nash welfare MILP did not converge in {max_rounds} rounds")


def _improve(units: IntArray, owner: IntArray) -> IntArray:
    """Apply the best improving single-item move until none improves the welfare."""
    owner = owner.copy()
    values = units.tolist()
    sides, items = units.shape
    totals = _utilities(units, owner)
    stakes = units.sum(axis=1).tolist()
    current = _objective(totals, stakes)
    while True:
        best_move: tuple[int, int] | None = None
        best_value = current
        for g in range(items):
            giver = int(owner[g])
            for taker in range(sides):
                if taker == giver:
                    continue
                trial = list(totals)
                trial[giver] -= values[giver][g]
                trial[taker] += values[taker][g]
                value = _objective(trial, stakes)
                if value > best_value:
                    best_move, best_value = (g, taker), value
        if best_move is None:
            return owner
        g, taker = best_move
        giver = int(owner[g])
        totals[giver] -= values[giver][g]
        totals[taker] += values[taker][g]
        owner[g] = taker
        current = best_value


def _is_ef1(units: IntArray, owner: IntArray) -> bool:
    values = units.tolist()
    sides = len(values)
    bundles = [[g for g, o in enumerate(owner.tolist()) if o == j] for j in range(sides)]
    for i in range(sides):
        own = sum(values[i][g] for g in bundles[i])
        for j in range(sides):
            if i != j and bundles[j]:
                theirs = sum(values[i][g] for g in bundles[j])
                if own < theirs - max(values[i][g] for g in bundles[j]):
                    return False
    return True


def max_nash_welfare(
    items: Sequence[Hashable],
    valuations: Sequence[Mapping[Hashable, float]],
    *,
    algorithm: NashWelfareAlgorithm | None = None,
) -> Allocation:
    """Allocate indivisible items to maximise Nash welfare (Caragiannis et al. 2016).

    Maximises the number of sides with positive utility, then the product of their
    utilities relative to their totals (see the module notes). The result is Pareto-optimal
    and envy-free up to one item, which is checked.

    Parameters
    ----------
    items : sequence of hashable
        At least one item, unique.
    valuations : sequence of mappings of item to float
        One per side (at least two); each values every item, finite and non-negative.
    algorithm : callable, optional
        :func:`mnw_frontier` (default for two sides, exact) or :func:`mnw_milp` (default for
        more; optimal within HiGHS's tolerances, about 1e-6 relative welfare).

    Returns
    -------
    Allocation
        Bundles in item order. When nobody values anything, every item goes to side 0.

    Raises
    ------
    ValueError
        On invalid items or valuations.
    RuntimeError
        If the solver fails, or the result is not EF1 (which would be a bug).

    Examples
    --------
    >>> items = ["piano", "car", "books", "boat"]
    >>> values = [{"piano": 50, "car": 30, "books": 15, "boat": 5},
    ...           {"piano": 20, "car": 30, "books": 10, "boat": 40}]
    >>> max_nash_welfare(items, values)
    Allocation(bundles=(('piano', 'books'), ('car', 'boat')), utilities=(65.0, 70.0))

    Notes
    -----
    Valuations are resolved to twelve significant digits of each side's total and compared
    exactly. Cost: that of `algorithm`, plus a local search of O(s·m) moves per round.
    """
    goods = check_items(items)
    if not goods:
        raise ValueError("at least one item is needed")
    units, exponents = valuation_units(goods, valuations)
    sides = len(units)
    chosen = algorithm or (mnw_frontier if sides == 2 else mnw_milp)
    owner = _improve(units, np.asarray(chosen(units), dtype=np.int64))
    if not _is_ef1(units, owner):
        raise RuntimeError("the maximum Nash welfare allocation is not EF1; this is a bug")
    totals = _utilities(units, owner)
    bundles = tuple(
        tuple(goods[g] for g in range(len(goods)) if owner[g] == j) for j in range(sides)
    )
    utilities = tuple(
        float(to_values(np.array([totals[j]], dtype=np.int64), exponents[j])[0])
        for j in range(sides)
    )
    return Allocation(bundles, utilities)
