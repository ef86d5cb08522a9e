"""Packages: one option per issue, with each side's utility."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Package", "PackageBlock", "utility_matrix"]


@dataclass(frozen=True)
class PackageBlock:
    """Shared storage of many packages: what :meth:`Package.batch` packages point into.

    Attributes
    ----------
    names : sequence of str
        Issue names, in order.
    options : sequence of sequences
        Each issue's options, in order.
    indices : int64 array of shape (packages, issues)
        Option index chosen on each issue by each package.
    utilities : sequence of lists of float
        Per side, every package's utility.

    Examples
    --------
    >>> block = PackageBlock(["a"], [("x", "y")], np.array([[1]]), [[1.0], [2.0]])
    >>> Package.batch(block)[0].utilities
    (1.0, 2.0)
    """

    names: Sequence[str]
    options: Sequence[Sequence[Hashable]]
    indices: NDArray[np.int64]
    utilities: Sequence[Sequence[float]]


class Package:
    """A package: one option per issue, and each side's utility for it.

    Immutable. Packages returned by the engine read their `choices` and `utilities` from
    shared arrays on first access, so a frontier of many thousands of packages costs little
    until they are looked at.

    Parameters
    ----------
    choices : mapping of str to option
        Issue name to chosen option, in the order of the issues.
    utilities : iterable of float
        One utility per side, in the order of the utilities given to the engine.

    Examples
    --------
    >>> p = Package({"price": "high"}, (0.5, 0.25))
    >>> p.choices["price"], p.utilities
    ('high', (0.5, 0.25))
    >>> p == Package({"price": "high"}, [0.5, 0.25])
    True

    Notes
    -----
    Construction is O(number of issues + number of sides).
    """

    # Engine-built packages set only _source; the other two slots fill in when first read.
    __slots__ = ("_choices", "_source", "_utilities")

    _choices: Mapping[str, Hashable]
    _source: tuple[PackageBlock, int]
    _utilities: tuple[float, ...]

    def __init__(self, choices: Mapping[str, Hashable], utilities: Iterable[float]) -> None:
        _CHOICES.__set__(self, MappingProxyType(dict(choices)))
        _UTILITIES.__set__(self, tuple(float(u) for u in utilities))

    @classmethod
    def batch(cls, block: PackageBlock) -> list[Package]:
        """One package per row of ``block.indices``, built without copying anything.

        Examples
        --------
        >>> block = PackageBlock(["a"], [("x", "y")], np.array([[1], [0]]), [[1.0, 2.0]])
        >>> Package.batch(block)
        [Package({'a': 'y'}, utilities=(1.0,)), Package({'a': 'x'}, utilities=(2.0,))]

        Notes
        -----
        O(packages); reading a package's fields later is O(issues + sides).
        """
        new = object.__new__
        set_source = _SOURCE.__set__
        result = []
        for row in range(len(block.indices)):
            package = new(cls)
            set_source(package, (block, row))
            result.append(package)
        return result

    @property
    def choices(self) -> Mapping[str, Hashable]:
        """Issue name to chosen option, in the order of the issues."""
        try:
            return self._choices
        except AttributeError:
            block, row = self._source
            picked = MappingProxyType(
                dict(
                    zip(
                        block.names,
                        map(_pick, block.options, block.indices[row].tolist()),
                        strict=True,
                    )
                )
            )
            _CHOICES.__set__(self, picked)
            return picked

    @property
    def utilities(self) -> tuple[float, ...]:
        """Each side's utility, in the order of the utilities given to the engine."""
        try:
            return self._utilities
        except AttributeError:
            block, row = self._source
            values = tuple(side[row] for side in block.utilities)
            _UTILITIES.__set__(self, values)
            return values

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Package is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Package is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Package):
            return NotImplemented
        return self.utilities == other.utilities and dict(self.choices) == dict(other.choices)

    def __hash__(self) -> int:
        return hash((tuple(self.choices.items()), self.utilities))

    def __repr__(self) -> str:
        return f"Package({dict(self.choices)!r}, utilities={self.utilities!r})"


# Slot descriptors, which write past Package's read-only __setattr__.
_CHOICES: Any = Package.__dict__["_choices"]
_SOURCE: Any = Package.__dict__["_source"]
_UTILITIES: Any = Package.__dict__["_utilities"]


def utility_matrix(packages: Sequence[Package], sides: int) -> NDArray[np.float64]:
    """The packages' utilities as a ``(packages, sides)`` array.

    Packages built together by the engine are read straight from their shared block.

    Raises
    ------
    ValueError
        If a package does not have `sides` utilities.

    Examples
    --------
    >>> utility_matrix([Package({"a": 1}, [1.0, 2.0]), Package({"a": 2}, [3.0, 4.0])], 2)
    array([[1., 2.],
           [3., 4.]])

    Notes
    -----
    O(packages · sides).
    """
    block = None
    rows: list[int] = []
    for package in packages:
        source = getattr(package, "_source", None)
        if source is None or (block is not None and source[0] is not block):
            block = None
            break
        block = source[0]
        rows.append(source[1])
    if block is not None and len(block.utilities) == sides:
        return np.array(block.utilities, dtype=np.float64).T[rows]
    try:
        values = np.array([p.utilities for p in packages], dtype=np.float64)
    except ValueError:
        values = np.empty(0)
    if values.shape != (len(packages), sides) and packages:
        raise ValueError(f"every package needs {sides} utilities")
    return values.reshape(-1, sides)


def _pick(options: Sequence[Hashable], index: int) -> Hashable:
    return options[index]
