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


def scalar_units(value: float, exponent: int) -> int:
    """Resolve one finite float to the grid as an exact Python integer.

    Examples
    --------
    >>> scalar_units(-0.5, -12)
    -500000000000

    Notes
    -----
    O(1).
    """
    if not math.isfinite(value):
        raise ValueError(f"a utility level must be finite, got {value!r}")
    # Exact, so that a level far outside the utilities' range cannot overflow.
    return round(Fraction(value) * Fraction(10) ** -exponent)
