"""Confidential money rounds: double-blind bidding and the mediator's proposal.

Both return result types that carry only what the sides may learn: whether it settled and
the amount (double-blind), or whether everyone accepted (mediator's proposal). The figures
and per-side answers that went in are not kept, so they cannot leak through the result.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "BlindBidResult",
    "ProposalResult",
    "SettlementRule",
    "double_blind_round",
    "mediators_proposal",
]

Amount = Decimal | int | float | str


def _amount(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float | str):
        raise ValueError(f"{what} must be a number, got {value!r}")
    try:
        # str() first, so that 0.1 becomes Decimal("0.1"), not its binary expansion.
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{what} must be a number, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{what} must be finite, got {value!r}")
    if number < 0:
        raise ValueError(f"{what} must be non-negative, got {value!r}")
    return number


@dataclass(frozen=True, init=False)
class SettlementRule:
    """When a double-blind round settles (Cybersettle-style).

    A round settles when the offer is at or above the demand, or when the gap
    ``demand - offer`` is within *either* enabled band: `band_percent` percent of the demand,
    or `band_absolute` in money. Within a band the settlement is the midpoint, rounded to
    `quantum` (half up); an offer at or above the demand settles at the demand (the
    claimant asked no more).

    Parameters
    ----------
    band_percent : Decimal or None, default 30
        Percentage of the demand; None disables it.
    band_absolute : Decimal or None, default 5000
        Money amount; None disables it. With both None only overlap settles.
    quantum : Decimal, default 0.01
        Smallest unit of the currency.

    Raises
    ------
    ValueError
        If a band is negative or not a number, the percentage exceeds 100, or the quantum is
        not positive.

    Examples
    --------
    >>> SettlementRule(band_percent=20, band_absolute=None).band_percent
    Decimal('20')
    """

    band_percent: Decimal | None = Decimal(30)
    band_absolute: Decimal | None = Decimal(5000)
    quantum: Decimal = Decimal("0.01")

    def __init__(
        self,
        band_percent: Amount | None = Decimal(30),
        band_absolute: Amount | None = Decimal(5000),
        quantum: Amount = Decimal("0.01"),
    ) -> None:
        percent = None if band_percent is None else _amount(band_percent, "band_percent")
        if percent is not None and percent > 100:
            raise ValueError(f"band_percent must be at most 100, got {band_percent!r}")
        absolute = None if band_absolute is None else _amount(band_absolute, "band_absolute")
        step = _amount(quantum, "quantum")
        if step == 0:
            raise ValueError("quantum must be positive")
        object.__setattr__(self, "band_percent", percent)
        object.__setattr__(self, "band_absolute", absolute)
        object.__setattr__(self, "quantum", step)


@dataclass(frozen=True)
class BlindBidResult:
    """What the sides learn from a double-blind round: only whether and where it settled.

    Examples
    --------
    >>> str(BlindBidResult(Decimal("100.00")))
    'settled at 100.00'
    >>> str(BlindBidResult(None))
    'no overlap'
    """

    amount: Decimal | None

    @property
    def settled(self) -> bool:
        """Whether the round settled."""
        return self.amount is not None

    def __str__(self) -> str:
        return "no overlap" if self.amount is None else f"settled at {self.amount}"


def double_blind_round(
    offer: Amount, demand: Amount, rule: SettlementRule | None = None
) -> BlindBidResult:
    """Settle one round of double-blind bidding, revealing nothing else.

    Parameters
    ----------
    offer : Decimal, int, float or str
        The paying side's confidential offer (non-negative).
    demand : Decimal, int, float or str
        The claiming side's confidential demand (non-negative).
    rule : SettlementRule, optional
        Defaults to ``SettlementRule()``: within 30% of the demand or 5,000, midpoint.

    Returns
    -------
    BlindBidResult
        ``settled at X`` or ``no overlap``; the offer and demand are not in it.

    Raises
    ------
    ValueError
        If the offer or demand is negative, infinite or not a number.

    Examples
    --------
    >>> str(double_blind_round(80_000, 90_000))
    'settled at 85000.00'
    >>> str(double_blind_round(95_000, 90_000))
    'settled at 90000.00'
    >>> str(double_blind_round(50_000, 90_000))
    'no overlap'

    Notes
    -----
    O(1), exact decimal arithmetic.
    """
    rule = rule or SettlementRule()
    paid = _amount(offer, "offer")
    asked = _amount(demand, "demand")
    if paid >= asked:
        return BlindBidResult(asked.quantize(rule.quantum, rounding=ROUND_HALF_UP))
    gap = asked - paid
    within = (rule.band_percent is not None and gap * 100 <= rule.band_percent * asked) or (
        rule.band_absolute is not None and gap <= rule.band_absolute
    )
    if not within:
        return BlindBidResult(None)
    midpoint = (paid + asked) / 2
    return BlindBidResult(midpoint.quantize(rule.quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ProposalResult:
    """What the sides learn from a mediator's proposal: only whether all accepted.

    Examples
    --------
    >>> str(ProposalResult(False))
    'not all accepted'
    """

    all_accepted: bool

    def __str__(self) -> str:
        return "all accepted" if self.all_accepted else "not all accepted"


def mediators_proposal(
    answers: Mapping[Hashable, bool], *, sides: Collection[Hashable] | None = None
) -> ProposalResult:
    """Combine confidential answers to a mediator's proposal.

    Each side answers yes or no in confidence; the sides learn only whether every one of
    them accepted, so a side that said yes is not exposed when another said no.

    Parameters
    ----------
    answers : mapping of side to bool
        Each side's answer (``True`` or ``False``, nothing else).
    sides : collection, optional
        The sides that must answer; if given, `answers` must cover exactly these.

    Returns
    -------
    ProposalResult
        ``all accepted`` or ``not all accepted``, with no per-side information.

    Raises
    ------
    ValueError
        If there are no answers, an answer is not a bool, or the sides do not match.

    Examples
    --------
    >>> str(mediators_proposal({"claimant": True, "respondent": True}))
    'all accepted'
    >>> str(mediators_proposal({"claimant": True, "respondent": False}))
    'not all accepted'

    Notes
    -----
    O(number of sides).
    """
    if not isinstance(answers, Mapping) or not answers:
        raise ValueError("answers must be a non-empty mapping of side to bool")
    for side, answer in answers.items():
        if not isinstance(answer, bool):
            raise ValueError(f"the answer of side {side!r} must be True or False, got {answer!r}")
    if sides is not None and set(sides) != set(answers):
        missing = sorted(map(repr, set(sides) - set(answers)))
        unknown = sorted(map(repr, set(answers) - set(sides)))
        raise ValueError(
            f"answers must come from exactly the sides (missing: [{', '.join(missing)}], "
            f"unknown: [{', '.join(unknown)}])"
        )
    return ProposalResult(all(answers.values()))
