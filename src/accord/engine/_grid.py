"""The decimal grid on which the engine compares utilities.

Every utility-level quantity (a weight times a score, a valuation, a bound, a disagreement
point) is resolved to a multiple of ``10**p`` where ``p`` is chosen from the largest value the
quantity can reach, so that it keeps ``SIGNIFICANT_DIGITS`` significant digits. Sums and
comparisons are then exact integer arithmetic: they do not depend on the order of summation,
and decimal inputs (points out of 100, weights such as 0.3) tie exactly when their decimal
sums are equal, which raw binary floats do not guarantee (0.1 + 0.2 != 0.3).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

SIGNIFICANT_DIGITS = 12

# Beyond this, 10.0 ** e overflows to inf, so the scaling is done in two factors.
_MAX_SAFE_POWER = 300


def grid_exponent(largest: float) -> int:
    """Return ``p`` such that values up to `largest` are resolved to multiples of ``10**p``.

    Examples
    --------
    >>> grid_exponent(1.0), grid_exponent(100.0), grid_exponent(0.0)
    (-12, -10, -12)

    Notes
    -----
    O(1).
    """
    if largest <= 0.0:
        return -SIGNIFICANT_DIGITS
    return math.floor(math.log10(largest)) - SIGNIFICANT_DIGITS


def _scaled(values: NDArray[np.float64], exponent: int) -> NDArray[np.float64]:
    power = -exponent
    if abs(power) <= _MAX_SAFE_POWER:
        if power >= 0:
            return values * (10.0**power)
        return values / (10.0**-power)
    half = power // 2
    return _scaled(_scaled(values, -half), -(power - half))


def to_units(values: NDArray[np.float64], exponent: int) -> NDArray[np.int64]:
    """Resolve `values` to integer multiples of ``10**exponent`` (nearest, ties to even).

    Examples
    --------
    >>> to_units(np.array([0.1, 0.2, 0.3]), -12).tolist()
    [100000000000, 200000000000, 300000000000]

    Notes
    -----
    O(len(values)).
    """
    return np.rint(_scaled(np.asarray(values, dtype=np.float64), exponent)).astype(np.int64)


def to_values(units: NDArray[np.int64], exponent: int) -> NDArray[np.float64]:
    """Return the floats nearest to ``units * 10**exponent``.

    Dividing by an exactly representable power of ten is correctly rounded, so a grid value
    prints as its decimal (``0.21``, not ``0.21000000000000002``).

    Examples
    --------
    >>> to_values(np.array([210000000000]), -12).tolist()
    [0.21]

    Notes
    -----
    O(len(units)).
    """
    if abs(exponent) <= _MAX_SAFE_POWER:
        return _scaled(np.asarray(units, dtype=np.float64), -exponent)
    # Two scaling steps would round twice; exact fractions keep the result correctly rounded.
    step = Fraction(10) ** exponent
    return np.array([float(int(u) * step) for u in np.ravel(units)], dtype=np.float64)


def to_values_by_column(units: NDArray[np.int64], exponents: Sequence[int]) -> NDArray[np.float64]:
    """:func:`to_values` of each column of `units` with its own exponent, in one operation
    when the exponents allow it.

    Examples
    --------
    >>> to_values_by_column(np.array([[210000000000, 5], [1, 7]]), [-12, -1]).tolist()
    [[0.21, 0.5], [1e-12, 0.7]]

    Notes
    -----
    O(units).
    """
    if all(-_MAX_SAFE_POWER <= e <= 0 for e in exponents):
        # The same correctly rounded division by an exact power of ten as to_values.
        scales = np.array([10.0**-e for e in exponents])
        result: NDArray[np.float64] = units / scales
        return result
    return np.column_stack([to_values(units[:, j], e) for j, e in enumerate(exponents)])


def scalar_units(value: float, exponent: int) -> int:
    """Resolve one finite float to the grid as an exact Python integer.

    Examples
    --------
    >>> scalar_units(-0.5, -12), scalar_units(0.25, -1), scalar_units(35.0, 1)
    (-500000000000, 2, 4)

    Notes
    -----
    O(1). Exact rational arithmetic (nearest, ties to even, like ``round``), so that a level
    far outside the utilities' range cannot overflow.
    """
    if not math.isfinite(value):
        raise ValueError(f"a utility level must be finite, got {value!r}")
    numerator, denominator = float(value).as_integer_ratio()
    if exponent <= 0:
        numerator *= 10**-exponent
    else:
        denominator *= 10**exponent
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2):
        quotient += 1
    return quotient
