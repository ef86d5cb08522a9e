"""Packages: one option per issue, with each side's utility."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Package", "PackageBlock", "shared_units", "utility_matrix"]


@dataclass(frozen=True, eq=False)
class PackageBlock:
    """Shared storage of many packages: what :meth:`Package.batch` packages point into.

    Attributes
    ----------
    names : sequence of str
        Issue names, in order.
    options : sequence of sequences
        Each issue's options, in order.
    indices : integer array of shape (packages, issues)
        Option index chosen on each issue by each package.
    utilities : sequence of sequences of float
        Per side, every package's utility: lists, or a float array of shape
        (sides, packages), read one package at a time so that a frontier of many thousands
        of packages makes no float objects until they are looked at.
    units : int64 array of shape (packages, sides), optional
        The same utilities in grid units, when the engine computed them.
    exponents : tuple of int, optional
        Per side, the grid exponent of `units` (see :class:`accord.engine.AdditiveUtility`).

    Examples
    --------
    >>> block = PackageBlock(["a"], [("x", "y")], np.array([[1]]), [[1.0], [2.0]])
    >>> Package.batch(block)[0].utilities
    (1.0, 2.0)
    """

    names: Sequence[str]
    options: Sequence[Sequence[Hashable]]
    indices: NDArray[np.integer[Any]]
    utilities: Sequence[Sequence[float]] | NDArray[np.float64]
    units: NDArray[np.int64] | None = None
    exponents: tuple[int, ...] | None = None


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

    # Engine-built packages set only _block and _row (two slots rather than one tuple: half
    # the objects for the garbage collector to track); the other two fill in when first read.
    __slots__ = ("_block", "_choices", "_row", "_utilities")

    _block: PackageBlock
    _choices: Mapping[str, Hashable]
    _row: int
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
        count = len(block.indices)
        result: list[Package] = list(map(object.__new__, repeat(cls, count)))
        # map() runs the slot setters in C: no Python bytecode per package.
        deque(map(_BLOCK.__set__, result, repeat(block)), maxlen=0)
        deque(map(_ROW.__set__, result, range(count)), maxlen=0)
        return result

    @property
    def choices(self) -> Mapping[str, Hashable]:
        """Issue name to chosen option, in the order of the issues."""
        try:
            return self._choices
        except AttributeError:
            block = self._block
            picked = MappingProxyType(
                dict(
                    zip(
                        block.names,
                        map(_pick, block.options, block.indices[self._row].tolist()),
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
            row = self._row
            values = tuple(float(side[row]) for side in self._block.utilities)
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
_BLOCK: Any = Package.__dict__["_block"]
_CHOICES: Any = Package.__dict__["_choices"]
_ROW: Any = Package.__dict__["_row"]
_UTILITIES: Any = Package.__dict__["_utilities"]


def _blocks_and_rows(packages: Sequence[object]) -> tuple[PackageBlock, list[int]] | None:
    """The one block all `packages` were built into by the engine, and their rows in it."""
    try:
        # The slot descriptors raise TypeError for anything but a Package and AttributeError
        # for a package built by hand; both mean "not from a block".
        blocks = list(map(_BLOCK.__get__, packages))
        rows = list(map(_ROW.__get__, packages))
    except (AttributeError, TypeError):
        return None
    if not blocks or not isinstance(blocks[0], PackageBlock):
        return None
    # Blocks compare by identity, so this is one pass in C.
    if blocks.count(blocks[0]) != len(blocks):
        return None
    return blocks[0], rows


def shared_units(packages: Sequence[Package], exponents: Sequence[int]) -> NDArray[np.int64] | None:
    """The packages' utilities in grid units, read from the block the engine built them in.

    Returns None unless every package comes from one engine-built block whose grid exponents
    are `exponents`; the caller then converts the packages' float utilities instead. The
    floats are the nearest to the grid values, so both give the same units.

    Examples
    --------
    >>> block = PackageBlock(["a"], [("x", "y")], np.array([[0], [1]]), [[0.5, 1.0]],
    ...                      units=np.array([[5], [10]]), exponents=(-1,))
    >>> first, second = Package.batch(block)
    >>> shared_units([second, first], [-1]).tolist()
    [[10], [5]]
    >>> shared_units([second, Package({"a": "x"}, [0.5])], [-1]) is None
    True

    Notes
    -----
    O(packages · sides), with no Python bytecode per package.
    """
    found = _blocks_and_rows(packages)
    if found is None:
        return None
    block, rows = found
    if block.units is None or block.exponents != tuple(exponents):
        return None
    result: NDArray[np.int64] = block.units[np.array(rows, dtype=np.intp)]
    return result


def utility_matrix(packages: Sequence[Package], sides: int) -> NDArray[np.float64]:
    """The packages' utilities as a ``(packages, sides)`` array.

    Packages built together by the engine are read straight from their shared block.

    Raises
    ------
    ValueError
        If an item is not a Package or a package does not have `sides` utilities.

    Examples
    --------
    >>> utility_matrix([Package({"a": 1}, [1.0, 2.0]), Package({"a": 2}, [3.0, 4.0])], 2)
    array([[1., 2.],
           [3., 4.]])

    Notes
    -----
    O(packages · sides).
    """
    found = _blocks_and_rows(packages)
    if found is not None and len(found[0].utilities) == sides:
        block, rows = found
        return np.asarray(block.utilities, dtype=np.float64).T[rows]
    for item in packages:
        if not isinstance(item, Package):
            raise ValueError(f"expected Package objects, got {item!r}")
    try:
        values = np.array([p.utilities for p in packages], dtype=np.float64)
    except ValueError:
        values = np.empty(0)
    if values.shape != (len(packages), sides) and packages:
        raise ValueError(f"every package needs {sides} utilities")
    return values.reshape(-1, sides)


def _pick(options: Sequence[Hashable], index: int) -> Hashable:
    return options[index]
