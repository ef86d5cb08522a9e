"""Inputs of a negotiation: discrete issues and additive utilities.

A *package* chooses one option on every issue. A side's utility for a package is
``sum(weights[issue] * scores[issue][option])``, resolved to a decimal grid of twelve
significant digits of the side's largest attainable utility (see :func:`AdditiveUtility.units`):
the engine compares packages on these exact integer sums, so its results do not depend on the
order of summation and equal a brute-force search over the same utilities.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from accord.engine._grid import grid_exponent, scalar_units, to_units, to_values

__all__ = ["AdditiveUtility", "Issue"]

# Negotiations a utility is evaluated on; a handful in practice, bounded for safety.
_CACHE_SIZE = 8


def _finite_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise ValueError(f"{what} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{what} must be finite, got {value!r}")
    return number


def _non_negative(value: object, what: str) -> float:
    number = _finite_number(value, what)
    if number < 0.0:
        raise ValueError(f"{what} must be non-negative, got {value!r}")
    return number


def _is_hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


@dataclass(frozen=True, init=False)
class Issue:
    """A discrete issue: a name and the options the sides can agree on.

    Parameters
    ----------
    name : str
        Non-empty name, unique within a negotiation.
    options : sequence of hashable
        At least one option, no duplicates. Their order defines the option indices used by the
        tie policy (see :func:`accord.engine.pareto_frontier`).

    Raises
    ------
    ValueError
        If the name is empty or not a string, or the options are empty, duplicated or
        unhashable.

    Examples
    --------
    >>> Issue("delivery", ["May", "June"])
    Issue(name='delivery', options=('May', 'June'))

    Notes
    -----
    Construction is O(len(options)).
    """

    name: str
    options: tuple[Hashable, ...]

    def __init__(self, name: str, options: Iterable[Hashable]) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError(f"an issue name must be a non-empty string, got {name!r}")
        if isinstance(options, str | bytes):
            raise ValueError(f"options of issue {name!r} must be a sequence, not a string")
        opts = tuple(options)
        if not opts:
            raise ValueError(f"issue {name!r} has no options")
        for option in opts:
            if not _is_hashable(option):
                raise ValueError(f"option {option!r} of issue {name!r} is not hashable")
        if len(set(opts)) != len(opts):
            raise ValueError(f"issue {name!r} has duplicate options: {opts!r}")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "options", opts)


def check_issues(issues: Sequence[Issue]) -> tuple[Issue, ...]:
    """Validate a sequence of issues and return it as a tuple.

    Examples
    --------
    >>> check_issues([Issue("a", [1])])
    (Issue(name='a', options=(1,)),)

    Notes
    -----
    O(number of issues).
    """
    result = tuple(issues)
    if not result:
        raise ValueError("at least one issue is needed")
    for issue in result:
        if not isinstance(issue, Issue):
            raise ValueError(f"expected Issue instances, got {issue!r}")
    names = [issue.name for issue in result]
    if len(set(names)) != len(names):
        raise ValueError(f"issue names must be unique, got {names!r}")
    return result


@dataclass(frozen=True, init=False)
class AdditiveUtility:
    """One side's additive utility over packages: ``sum(weight * score)``.

    Parameters
    ----------
    weights : mapping of str to float
        One weight per issue name: finite, non-negative, not all zero.
    scores : mapping of str to mapping of option to float
        For every issue, one score per option: finite and non-negative.
    reservation : float, default 0.0
        Utility of the side's best alternative to a negotiated agreement; the default
        disagreement point of the bargaining solutions.

    Raises
    ------
    ValueError
        If a weight or score is NaN, infinite, negative or not a number, all weights are zero,
        or the issue names of `weights` and `scores` differ.

    Examples
    --------
    >>> u = AdditiveUtility({"price": 0.7, "date": 0.3},
    ...                     {"price": {"low": 0, "high": 1}, "date": {"May": 1, "June": 0.5}})
    >>> u({"price": "high", "date": "June"})
    0.85

    Notes
    -----
    Utilities are resolved to multiples of ``10**p`` with ``p = floor(log10(U)) - 12``, where
    ``U`` is the largest attainable utility, each ``weight * score`` being rounded once; sums of
    these integers are exact. Construction is O(total number of options).
    """

    weights: Mapping[str, float]
    scores: Mapping[str, Mapping[Hashable, float]]
    reservation: float
    exponent: int = field(repr=False)
    _units: Mapping[str, Mapping[Hashable, int]] = field(repr=False, compare=False)
    _cache: dict[tuple[Issue, ...], NDArray[np.int64]] = field(repr=False, compare=False)

    def __init__(
        self,
        weights: Mapping[str, float],
        scores: Mapping[str, Mapping[Hashable, float]],
        reservation: float = 0.0,
    ) -> None:
        if not isinstance(weights, Mapping) or not isinstance(scores, Mapping):
            raise ValueError("weights and scores must be mappings keyed by issue name")
        if not weights:
            raise ValueError("weights must name at least one issue")
        clean_weights = {
            name: _non_negative(w, f"weight of {name!r}") for name, w in weights.items()
        }
        if all(w == 0.0 for w in clean_weights.values()):
            raise ValueError("all weights are zero: the side would be indifferent to every package")
        if set(clean_weights) != set(scores):
            only_w = sorted(map(str, set(clean_weights) - set(scores)))
            only_s = sorted(map(str, set(scores) - set(clean_weights)))
            raise ValueError(
                f"weights and scores name different issues (only in weights: {only_w}, "
                f"only in scores: {only_s})"
            )
        clean_scores: dict[str, Mapping[Hashable, float]] = {}
        for name in clean_weights:
            per_option = scores[name]
            if not isinstance(per_option, Mapping) or not per_option:
                raise ValueError(f"scores of issue {name!r} must be a non-empty mapping")
            clean_scores[name] = MappingProxyType(
                {
                    option: _non_negative(s, f"score of option {option!r} of issue {name!r}")
                    for option, s in per_option.items()
                }
            )
        largest = math.fsum(clean_weights[n] * max(clean_scores[n].values()) for n in clean_weights)
        exponent = grid_exponent(largest)
        units: dict[str, Mapping[Hashable, int]] = {}
        for name, per_option in clean_scores.items():
            options = list(per_option)
            products = np.array([clean_weights[name] * per_option[o] for o in options])
            units[name] = MappingProxyType(
                dict(zip(options, to_units(products, exponent).tolist(), strict=True))
            )
        object.__setattr__(self, "weights", MappingProxyType(clean_weights))
        object.__setattr__(self, "scores", MappingProxyType(clean_scores))
        object.__setattr__(self, "reservation", _finite_number(reservation, "reservation"))
        object.__setattr__(self, "exponent", exponent)
        object.__setattr__(self, "_units", MappingProxyType(units))
        object.__setattr__(self, "_cache", {})

    def check_issues(self, issues: Sequence[Issue]) -> None:
        """Raise ValueError unless this utility scores exactly these issues and options.

        Examples
        --------
        >>> u = AdditiveUtility({"a": 1}, {"a": {"x": 1, "y": 0}})
        >>> u.check_issues([Issue("a", ["x", "y"])])
        >>> u.check_issues([Issue("a", ["x"])])
        Traceback (most recent call last):
        ...
        ValueError: scores of issue 'a' name options ['y'] that the issue does not have

        Notes
        -----
        O(total number of options).
        """
        names = {issue.name for issue in issues}
        if names != set(self.weights):
            raise ValueError(
                f"the utility names issues {sorted(self.weights)} but the negotiation has "
                f"{sorted(names)}"
            )
        for issue in issues:
            scored = set(self.scores[issue.name])
            offered = set(issue.options)
            if scored - offered:
                extra = sorted(map(repr, scored - offered))
                raise ValueError(
                    f"scores of issue {issue.name!r} name options [{', '.join(extra)}] that "
                    "the issue does not have"
                )
            if offered - scored:
                missing = sorted(map(repr, offered - scored))
                raise ValueError(
                    f"scores of issue {issue.name!r} miss options [{', '.join(missing)}]"
                )

    def units(self, issues: Sequence[Issue]) -> list[NDArray[np.int64]]:
        """Return, per issue, the integer grid units of ``weight * score`` for each option.

        The grid step is ``10**self.exponent``.

        Examples
        --------
        >>> u = AdditiveUtility({"a": 1}, {"a": {"x": 1, "y": 0.25}})
        >>> [row.tolist() for row in u.units([Issue("a", ["x", "y"])])]
        [[1000000000000, 250000000000]]

        Notes
        -----
        O(total number of options).
        """
        flat = self.flat_units(issues)
        return np.split(flat, np.cumsum([len(issue.options) for issue in issues])[:-1])

    def flat_units(self, issues: Sequence[Issue]) -> NDArray[np.int64]:
        """Grid units of every option of every issue, concatenated in order (read-only).

        Validated and built once per sequence of issues, then served from a cache: the
        utility is immutable, so this changes no result.

        Examples
        --------
        >>> u = AdditiveUtility({"a": 1, "b": 2}, {"a": {"x": 1}, "b": {"p": 0.5, "q": 0}})
        >>> u.flat_units([Issue("b", ["p", "q"]), Issue("a", ["x"])]).tolist()
        [1000000000000, 0, 1000000000000]

        Notes
        -----
        O(total number of options) the first time, O(number of issues) afterwards.
        """
        key = tuple(issues)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self.check_issues(key)
        flat = np.array(
            [self._units[issue.name][o] for issue in key for o in issue.options], dtype=np.int64
        )
        flat.setflags(write=False)
        if len(self._cache) < _CACHE_SIZE:
            self._cache[key] = flat
        return flat

    def bound_units(self, value: float) -> int:
        """Resolve a utility level (bound, disagreement point) to this utility's grid.

        Examples
        --------
        >>> AdditiveUtility({"a": 1}, {"a": {"x": 1}}).bound_units(0.5)
        500000000000

        Notes
        -----
        O(1).
        """
        return scalar_units(_finite_number(value, "a utility level"), self.exponent)

    def value_of_units(self, units: NDArray[np.int64]) -> NDArray[np.float64]:
        """Convert grid units of this utility back to floats.

        Examples
        --------
        >>> AdditiveUtility({"a": 1}, {"a": {"x": 1}}).value_of_units(np.array([85])).tolist()
        [8.5e-11]

        Notes
        -----
        O(len(units)).
        """
        return to_values(units, self.exponent)

    def units_of(self, choices: Mapping[str, Hashable]) -> int:
        """Return the exact grid units of a package given as its choices.

        Examples
        --------
        >>> AdditiveUtility({"a": 2}, {"a": {"x": 0.5}}).units_of({"a": "x"})
        1000000000000

        Notes
        -----
        O(number of issues).
        """
        if set(choices) != set(self.weights):
            raise ValueError(
                f"a package must choose an option on every issue {sorted(self.weights)}, "
                f"got choices for {sorted(map(str, choices))}"
            )
        total = 0
        for name, option in choices.items():
            per_option = self._units[name]
            if not _is_hashable(option) or option not in per_option:
                raise ValueError(f"{option!r} is not an option of issue {name!r}")
            total += per_option[option]
        return total

    def __call__(self, choices: Mapping[str, Hashable]) -> float:
        """Utility of a package given as ``{issue name: option}``.

        Examples
        --------
        >>> AdditiveUtility({"a": 0.3}, {"a": {"x": 0.7}})({"a": "x"})
        0.21

        Notes
        -----
        O(number of issues).
        """
        return float(self.value_of_units(np.array([self.units_of(choices)]))[0])


def check_utilities(
    issues: Sequence[Issue], utilities: Sequence[AdditiveUtility], *, minimum: int = 2
) -> tuple[AdditiveUtility, ...]:
    """Validate that there are enough utilities and that each scores exactly `issues`.

    Examples
    --------
    >>> check_utilities([Issue("a", [1])], [AdditiveUtility({"a": 1}, {"a": {1: 1}})])
    Traceback (most recent call last):
    ...
    ValueError: at least 2 utilities (one per side) are needed, got 1

    Notes
    -----
    O(sides * total number of options).
    """
    result = tuple(utilities)
    if len(result) < minimum:
        raise ValueError(
            f"at least {minimum} utilities (one per side) are needed, got {len(result)}"
        )
    for side, utility in enumerate(result):
        if not isinstance(utility, AdditiveUtility):
            raise ValueError(f"utility of side {side} is not an AdditiveUtility: {utility!r}")
        try:
            # Validates, and caches the units that the algorithms read next.
            utility.flat_units(issues)
        except ValueError as error:
            raise ValueError(f"side {side}: {error}") from None
    return result


def choice_indices(issues: Sequence[Issue], choices: Mapping[str, Hashable]) -> list[int]:
    """Return the option index chosen on each issue, validating the choices.

    Examples
    --------
    >>> choice_indices([Issue("a", ["x", "y"])], {"a": "y"})
    [1]

    Notes
    -----
    O(total number of options).
    """
    names = [issue.name for issue in issues]
    if set(choices) != set(names):
        raise ValueError(
            f"a package must choose one option on each issue {names}, "
            f"got choices for {sorted(map(str, choices))}"
        )
    result = []
    for issue in issues:
        option = choices[issue.name]
        if not _is_hashable(option) or option not in issue.options:
            raise ValueError(f"{option!r} is not an option of issue {issue.name!r}")
        result.append(issue.options.index(option))
    return result
