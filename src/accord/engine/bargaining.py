"""Bargaining solutions and Raiffa's post-settlement settlement over discrete packages.

Nash bargaining over discrete packages is NP-hard in general (it contains PARTITION), so the
solutions here are exact because they search the exact Pareto frontier: every maximiser of
the criteria below is Pareto-optimal or ties with a Pareto-optimal package.

Common rules:

* The *disagreement point* defaults to each side's reservation utility. Only packages that
  every side strictly prefers to it are *feasible*; when there is none, the solutions return
  ``None`` (there is nothing to recommend; the sides are better off without an agreement).
* Criteria are compared exactly on the utilities' decimal grid (Python integers and
  fractions), so near-ties are never decided by rounding.
* Remaining ties are broken by the frontier's order: the package with the lexicographically
  smallest utility vector (for two sides, the smallest first utility) wins.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from accord.engine._grid import to_units
from accord.engine.frontier import bound_units, frontier_units, packages
from accord.engine.package import Package, shared_units, utility_matrix
from accord.engine.pareto import DEFAULT_MAX_POINTS, FrontierAlgorithm, IntArray
from accord.engine.preferences import (
    AdditiveUtility,
    Issue,
    check_issues,
    check_utilities,
    choice_indices,
)

__all__ = ["egalitarian", "improvements", "kalai_smorodinsky", "nash_bargaining"]

# Float estimates pick the candidates; anything this close to the best is decided exactly.
_NEAR = 1e-9


def _feasible(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    disagreement: Sequence[float] | None,
    frontier: Sequence[Package] | None,
    max_points: int,
    algorithm: FrontierAlgorithm | None,
) -> tuple[tuple[AdditiveUtility, ...], IntArray, list[int], Callable[[int], Package]]:
    """Feasible frontier packages in grid units, the disagreement point, and a way to get a
    package by row."""
    issues = check_issues(issues)
    sides = check_utilities(issues, utilities)
    levels = [u.reservation for u in sides] if disagreement is None else list(disagreement)
    d = bound_units(sides, levels)
    if frontier is None:
        _, units, choices = frontier_units(issues, sides, [x + 1 for x in d], max_points, algorithm)

        def pick(row: int) -> Package:
            return packages(issues, sides, units[row : row + 1], choices[row : row + 1])[0]

        return sides, units, d, pick
    given = list(frontier)
    all_units = shared_units(given, [u.exponent for u in sides])
    if all_units is None:
        all_units = _units_of_packages(given, sides)
    # ufunc reductions rather than the array methods' Python wrappers: this runs for every
    # solution a mediator's screen shows.
    rows = np.logical_and.reduce(all_units > np.array(_clip(d)), axis=1).nonzero()[0]
    return sides, all_units[rows], d, lambda row: given[int(rows[row])]


def _units_of_packages(given: Sequence[Package], sides: Sequence[AdditiveUtility]) -> IntArray:
    """Grid units of packages from their float utilities (packages not straight from
    :func:`accord.engine.pareto_frontier` on grids like `sides`)."""
    values = utility_matrix(given, len(sides))
    limits = np.array([10.0 ** (u.exponent + 14) for u in sides])
    if not (np.isfinite(values).all() and (np.abs(values) <= limits).all()):
        raise ValueError(
            "frontier packages have utilities these utilities cannot give (not finite or far "
            "too large): was the frontier computed for other utilities?"
        )
    # Utilities the engine reports are the floats nearest to grid values, so this recovers
    # their units exactly.
    units: IntArray = np.column_stack(
        [to_units(values[:, j], u.exponent) for j, u in enumerate(sides)]
    ).reshape(-1, len(sides))
    return units


def _clip(d: Sequence[int], limit: int = 10**15) -> list[int]:
    # Utilities never exceed 10**13 grid units, so clipping at 10**15 changes no comparison
    # with them and keeps absurd levels inside int64.
    return [min(max(x, -limit), limit) for x in d]


def _argmax(estimate: NDArray[np.float64], exact: Callable[[int], object]) -> int:
    """Index of the exact maximum, first index on ties; `estimate` only narrows the search."""
    top = float(np.maximum.reduce(estimate))
    near = (estimate >= top - _NEAR * max(1.0, abs(top))).nonzero()[0]
    best = int(near[0])
    if len(near) == 1:
        return best
    best_value = exact(best)
    for index in near[1:].tolist():
        value = exact(index)
        if value > best_value:  # type: ignore[operator]
            best, best_value = index, value
    return best


def _gains(units: IntArray, d: Sequence[int]) -> NDArray[np.float64]:
    # Only an estimate; 10**300 still orders the gains as the true levels do, within _NEAR.
    return units.astype(np.float64) - np.array(_clip(d, 10**300), dtype=np.float64)


def _product(units: IntArray, d: Sequence[int], row: int) -> int:
    return math.prod(int(u) - x for u, x in zip(units[row].tolist(), d, strict=True))


def nash_bargaining(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    disagreement: Sequence[float] | None = None,
    *,
    frontier: Sequence[Package] | None = None,
    max_points: int = DEFAULT_MAX_POINTS,
    algorithm: FrontierAlgorithm | None = None,
) -> Package | None:
    """The package maximising the product of the sides' gains over the disagreement point.

    Parameters
    ----------
    issues : sequence of Issue
    utilities : sequence of AdditiveUtility
        One per side.
    disagreement : sequence of float, optional
        Per-side utility without agreement; defaults to the reservations.
    frontier : sequence of Package, optional
        The result of ``pareto_frontier(issues, utilities)``, to search instead of computing
        it again (as when a mediator shows several solutions); with other packages, the
        solution among those packages. Their utilities are trusted.
    max_points, algorithm
        Passed to the frontier search (see :func:`accord.engine.pareto_frontier`).

    Returns
    -------
    Package or None
        ``None`` when no package gives every side strictly more than its disagreement
        utility. Ties go to the smallest utility vector (lexicographically), or to the first
        of `frontier` when it is given.

    Examples
    --------
    The classic split of 100 between a risk-neutral side (utility = money) and a
    risk-averse one (utility = square root of money): the risk-neutral side gets two thirds.

    >>> shares = list(range(101))
    >>> split = [Issue("share of A", shares)]
    >>> a = AdditiveUtility({"share of A": 1}, {"share of A": {x: x for x in shares}})
    >>> b = AdditiveUtility({"share of A": 1},
    ...                     {"share of A": {x: (100 - x) ** 0.5 for x in shares}})
    >>> nash_bargaining(split, [a, b]).choices["share of A"]
    67

    Notes
    -----
    The frontier search (pruned to packages beating the disagreement point) plus O(F·s) for
    a frontier of ``F`` points and ``s`` sides.
    """
    _, units, d, pick = _feasible(issues, utilities, disagreement, frontier, max_points, algorithm)
    if not len(units):
        return None
    estimate = np.add.reduce(np.log(_gains(units, d)), axis=1)
    return pick(_argmax(estimate, lambda r: _product(units, d, r)))


def kalai_smorodinsky(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    disagreement: Sequence[float] | None = None,
    *,
    frontier: Sequence[Package] | None = None,
    max_points: int = DEFAULT_MAX_POINTS,
    algorithm: FrontierAlgorithm | None = None,
) -> Package | None:
    """The package maximising the smallest gain relative to each side's ideal gain.

    Each side's ideal is its best utility among the feasible packages (those every side
    strictly prefers to the disagreement point); the solution maximises
    ``min_j (u_j - d_j) / (ideal_j - d_j)``, the discrete form of Kalai & Smorodinsky (1975).

    Parameters
    ----------
    issues, utilities, disagreement, frontier, max_points, algorithm
        As in :func:`nash_bargaining`.

    Returns
    -------
    Package or None
        ``None`` when no package is feasible. Ties as in :func:`nash_bargaining`.

    Examples
    --------
    >>> issue = [Issue("x", ["a", "b", "c"])]
    >>> one = AdditiveUtility({"x": 1}, {"x": {"a": 10, "b": 7, "c": 1}})
    >>> two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 4, "c": 10}})
    >>> kalai_smorodinsky(issue, [one, two])
    Package({'x': 'b'}, utilities=(7.0, 4.0))

    Notes
    -----
    The frontier search plus O(F·s).
    """
    _, units, d, pick = _feasible(issues, utilities, disagreement, frontier, max_points, algorithm)
    if not len(units):
        return None
    ideal = units.max(axis=0).tolist()
    spans = [int(i) - x for i, x in zip(ideal, d, strict=True)]
    estimate = (_gains(units, d) / np.array(spans, dtype=np.float64)).min(axis=1)

    def exact(row: int) -> Fraction:
        return min(
            Fraction(int(u) - x, span)
            for u, x, span in zip(units[row].tolist(), d, spans, strict=True)
        )

    return pick(_argmax(estimate, exact))


def egalitarian(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    disagreement: Sequence[float] | None = None,
    *,
    frontier: Sequence[Package] | None = None,
    max_points: int = DEFAULT_MAX_POINTS,
    algorithm: FrontierAlgorithm | None = None,
) -> Package | None:
    """The package maximising the smallest gain ``min_j (u_j - d_j)`` (Kalai 1977).

    Unlike Nash and Kalai-Smorodinsky, the result depends on how the sides' utility scales
    compare, so use it when utilities are on a common scale (e.g. points out of 100).

    Parameters
    ----------
    issues, utilities, disagreement, frontier, max_points, algorithm
        As in :func:`nash_bargaining`.

    Returns
    -------
    Package or None
        ``None`` when no package is feasible. Ties as in :func:`nash_bargaining`.

    Examples
    --------
    >>> issue = [Issue("x", ["a", "b", "c"])]
    >>> one = AdditiveUtility({"x": 1}, {"x": {"a": 10, "b": 6, "c": 1}})
    >>> two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 5, "c": 10}})
    >>> egalitarian(issue, [one, two]).choices["x"]
    'b'

    Notes
    -----
    The frontier search plus O(F·s).
    """
    sides, units, d, pick = _feasible(
        issues, utilities, disagreement, frontier, max_points, algorithm
    )
    if not len(units):
        return None
    # Gains are compared in the utilities' own scale, so each side's grid step counts.
    steps = [Fraction(10) ** u.exponent for u in sides]
    float_steps = np.array([float(step / max(steps)) for step in steps])
    estimate = (_gains(units, d) * float_steps).min(axis=1)

    def exact(row: int) -> Fraction:
        return min(
            (int(u) - x) * step for u, x, step in zip(units[row].tolist(), d, steps, strict=True)
        )

    return pick(_argmax(estimate, exact))


def improvements(
    issues: Sequence[Issue],
    utilities: Sequence[AdditiveUtility],
    tentative: Package | Mapping[str, Hashable],
    *,
    max_points: int = DEFAULT_MAX_POINTS,
    algorithm: FrontierAlgorithm | None = None,
) -> list[Package]:
    """Raiffa's post-settlement settlement: frontier packages every side strictly prefers.

    After the sides reach a tentative agreement, the mediator can show them Pareto-optimal
    packages that leave every one of them strictly better off (Raiffa 1985). An empty list
    means the tentative agreement is already Pareto-optimal.

    Parameters
    ----------
    issues, utilities
        As in :func:`nash_bargaining`.
    tentative : Package or mapping of str to option
        The tentative agreement (its choices; its stated utilities are not trusted).
    max_points, algorithm
        Passed to the frontier search.

    Returns
    -------
    list of Package
        Best first: by the product of gains over the tentative agreement, largest first
        (the Nash criterion with the tentative agreement as disagreement point); ties in
        frontier order.

    Raises
    ------
    ValueError
        If `tentative` does not choose a valid option on every issue.

    Examples
    --------
    Each side cares more about a different issue, but the tentative deal splits both:

    >>> issues = [Issue("price", ["low", "mid", "high"]), Issue("term", ["1y", "2y", "3y"])]
    >>> buyer = AdditiveUtility({"price": 0.8, "term": 0.2},
    ...     {"price": {"low": 1, "mid": 0.5, "high": 0}, "term": {"1y": 0, "2y": 0.5, "3y": 1}})
    >>> seller = AdditiveUtility({"price": 0.2, "term": 0.8},
    ...     {"price": {"low": 0, "mid": 0.5, "high": 1}, "term": {"1y": 1, "2y": 0.5, "3y": 0}})
    >>> better = improvements(issues, [buyer, seller], {"price": "mid", "term": "2y"})
    >>> [dict(p.choices) for p in better]
    [{'price': 'low', 'term': '1y'}]

    Notes
    -----
    The frontier search (pruned to packages beating the tentative agreement) plus
    O(F·s + F log F).
    """
    issues = check_issues(issues)
    sides = check_utilities(issues, utilities)
    chosen = tentative.choices if isinstance(tentative, Package) else tentative
    if not isinstance(chosen, Mapping):
        raise ValueError("tentative must be a Package or a mapping of issue name to option")
    indices = choice_indices(issues, chosen)
    table_units = [u.units(issues) for u in sides]
    t = [sum(int(rows[i][c]) for i, c in enumerate(indices)) for rows in table_units]
    _, units, choices = frontier_units(issues, sides, [x + 1 for x in t], max_points, algorithm)
    products = [_product(units, t, row) for row in range(len(units))]
    order = sorted(range(len(units)), key=lambda row: -products[row])
    return packages(issues, sides, units[order], choices[order])
