"""Accord's negotiation-support engine: a pure library over numpy and scipy.

It lets a mediator show the sides packages that leave all of them better off: exact Pareto
frontiers of additive negotiations, bargaining solutions, Raiffa's post-settlement
settlements, fair division of items, and confidential money rounds. It imports only numpy,
scipy and the standard library, never Django nor the rest of Accord.

Utilities are compared exactly on a decimal grid of twelve significant digits of each side's
largest attainable utility (see :class:`AdditiveUtility`), so results do not depend on the
order of floating-point sums and equal a brute-force search.

Examples
--------
>>> from accord.engine import AdditiveUtility, Issue, nash_bargaining
>>> issues = [Issue("rent", ["low", "high"]), Issue("repairs", ["tenant", "landlord"])]
>>> tenant = AdditiveUtility(
...     {"rent": 3, "repairs": 1},
...     {"rent": {"low": 1, "high": 0}, "repairs": {"tenant": 0, "landlord": 1}},
... )
>>> landlord = AdditiveUtility(
...     {"rent": 1, "repairs": 3},
...     {"rent": {"low": 0, "high": 1}, "repairs": {"tenant": 1, "landlord": 0}},
... )
>>> nash_bargaining(issues, [tenant, landlord])
Package({'rent': 'low', 'repairs': 'tenant'}, utilities=(3.0, 3.0))
"""

from accord.engine.bargaining import egalitarian, improvements, kalai_smorodinsky, nash_bargaining
from accord.engine.fair_division import (
    AdjustedWinner,
    Allocation,
    adjusted_winner,
    is_envy_free,
    is_envy_free_up_to_one,
)
from accord.engine.frontier import pareto_frontier
from accord.engine.money import (
    BlindBidResult,
    ProposalResult,
    SettlementRule,
    double_blind_round,
    mediators_proposal,
)
from accord.engine.nash_welfare import (
    NashWelfareAlgorithm,
    max_nash_welfare,
    mnw_frontier,
    mnw_milp,
)
from accord.engine.package import Package
from accord.engine.pareto import (
    DEFAULT_MAX_OUTCOMES,
    DEFAULT_MAX_POINTS,
    FrontierAlgorithm,
    pareto_enumerate,
    pareto_merge,
)
from accord.engine.preferences import AdditiveUtility, Issue

__all__ = [
    "DEFAULT_MAX_OUTCOMES",
    "DEFAULT_MAX_POINTS",
    "AdditiveUtility",
    "AdjustedWinner",
    "Allocation",
    "BlindBidResult",
    "FrontierAlgorithm",
    "Issue",
    "NashWelfareAlgorithm",
    "Package",
    "ProposalResult",
    "SettlementRule",
    "adjusted_winner",
    "double_blind_round",
    "egalitarian",
    "improvements",
    "is_envy_free",
    "is_envy_free_up_to_one",
    "kalai_smorodinsky",
    "max_nash_welfare",
    "mediators_proposal",
    "mnw_frontier",
    "mnw_milp",
    "nash_bargaining",
    "pareto_enumerate",
    "pareto_frontier",
    "pareto_merge",
]
