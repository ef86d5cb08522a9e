"""The only bridge between the workspace's models and `accord.engine` (DESIGN.md §5).

Models become engine values here, and engine results come back as plain ids and amounts:
- an agenda issue is an engine `Issue` named by its id; a choice issue's options are its
  option ids, a range issue's options are RANGE_STEPS evenly spaced amounts (as strings with
  two decimals), plus any amount already tentatively agreed, so a draft is exact;
- a date issue's options are RANGE_STEPS dates evenly spread from the earliest to the latest,
  both included, each rounded to the nearest whole day (so every day when the range is
  shorter than RANGE_STEPS days), as ISO strings, plus any date already tentatively agreed.
  The grid never depends on a side's preferences: a package naming a side's best date would
  tell the other side where that side's best date is;
- a side's preferences are an `AdditiveUtility` in points out of 100: the weight of an issue
  is its points, the score of an option its score / 100, a range issue's score the straight
  line between its scores at the lowest and the highest amount, a date's score
  max(0, 1 - |date - best date| / falloff days) (100 at the side's best date, falling in a
  straight line to nothing `falloff_days` away); the walk-away point is the reservation;
- division valuations, bid figures and proposal answers go to the engine's fair-division and
  money functions and only their results come back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from accord import engine
from accord.bargaining.models import AgendaIssue, Preference
from accord.bargaining.vocabulary import IssueKind, IssueStatus

RANGE_STEPS = 11
_CENT = Decimal("0.01")


def range_amounts(issue: AgendaIssue) -> list[Decimal]:
    """The amounts the engine considers for a range issue, lowest first."""
    low, high = issue.bounds()
    step = (high - low) / (RANGE_STEPS - 1)
    amounts = {(low + step * n).quantize(_CENT, rounding=ROUND_HALF_UP) for n in range(RANGE_STEPS)}
    if issue.tentative_amount is not None:
        amounts.add(issue.tentative_amount.quantize(_CENT))
    return sorted(amounts)


def range_dates(issue: AgendaIssue) -> list[dt.date]:
    """The dates the engine considers for a date issue, earliest first (module docstring)."""
    earliest, latest = issue.date_bounds()
    span = Decimal((latest - earliest).days)
    step = span / (RANGE_STEPS - 1)
    days = {
        int((step * n).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for n in range(RANGE_STEPS)
    }
    dates = {earliest + dt.timedelta(days=d) for d in days}
    if issue.tentative_date is not None:
        dates.add(issue.tentative_date)
    return sorted(dates)


def option_keys(issue: AgendaIssue) -> list[str]:
    """The engine's option names for the issue: option ids, amounts or ISO dates."""
    if issue.kind == IssueKind.OPTIONS:
        return [str(option.id) for option in issue.options.all()]
    if issue.kind == IssueKind.DATES:
        return [day.isoformat() for day in range_dates(issue)]
    return [str(amount) for amount in range_amounts(issue)]


def to_engine_issues(issues: Sequence[AgendaIssue]) -> list[engine.Issue]:
    return [engine.Issue(str(issue.id), option_keys(issue)) for issue in issues]


def _range_score(issue: AgendaIssue, amount: Decimal, low_score: int, high_score: int) -> float:
    low, high = issue.bounds()
    share = (amount - low) / (high - low)
    return float(Decimal(low_score) + (Decimal(high_score) - Decimal(low_score)) * share) / 100


def date_score(day: dt.date, best: dt.date, falloff_days: int) -> float:
    """How good a date is for a side, from 0 to 1: 1 at its best date, nothing once
    `falloff_days` away (either way), a straight line between."""
    return max(0.0, 1.0 - abs((day - best).days) / falloff_days)


def to_utility(preference: Preference, issues: Sequence[AgendaIssue]) -> engine.AdditiveUtility:
    """The side's preferences as the engine's additive utility, in points out of 100.

    Raises ValueError when the preferences do not cover every issue (the agenda changed
    since they were given) or do not weigh anything, as the engine does."""
    weights = {w.issue_id: w for w in preference.weights.all()}
    scores = {s.option_id: s.score for s in preference.scores.all()}
    engine_weights: dict[str, float] = {}
    engine_scores: dict[str, Mapping[Hashable, float]] = {}
    for issue in issues:
        weight = weights.get(issue.id)
        if weight is None:
            raise ValueError(f"no weight for issue {issue.id}")
        engine_weights[str(issue.id)] = float(weight.points)
        if issue.kind == IssueKind.OPTIONS:
            per_option: dict[Hashable, float] = {}
            for option in issue.options.all():
                if option.id not in scores:
                    raise ValueError(f"no score for option {option.id}")
                per_option[str(option.id)] = scores[option.id] / 100
            engine_scores[str(issue.id)] = per_option
        elif issue.kind == IssueKind.DATES:
            if weight.best_date is None or not weight.falloff_days:
                raise ValueError(f"no best date for issue {issue.id}")
            engine_scores[str(issue.id)] = {
                day.isoformat(): date_score(day, weight.best_date, weight.falloff_days)
                for day in range_dates(issue)
            }
        else:
            if weight.score_low is None or weight.score_high is None:
                raise ValueError(f"no range scores for issue {issue.id}")
            engine_scores[str(issue.id)] = {
                str(a): _range_score(issue, a, weight.score_low, weight.score_high)
                for a in range_amounts(issue)
            }
    return engine.AdditiveUtility(
        engine_weights, engine_scores, reservation=float(preference.reservation)
    )


def draft_choices(issues: Sequence[AgendaIssue]) -> dict[str, str] | None:
    """The tentative terms as engine choices, or None unless every issue has one."""
    choices: dict[str, str] = {}
    for issue in issues:
        if issue.status not in (IssueStatus.TENTATIVE, IssueStatus.AGREED):
            return None
        if issue.kind == IssueKind.OPTIONS:
            choices[str(issue.id)] = str(issue.tentative_option_id)
        elif issue.kind == IssueKind.DATES:
            if issue.tentative_date is None:
                return None
            choices[str(issue.id)] = issue.tentative_date.isoformat()
        else:
            if issue.tentative_amount is None:
                return None
            choices[str(issue.id)] = str(issue.tentative_amount.quantize(_CENT))
    return choices


@dataclass(frozen=True)
class PackageTerms:
    """An engine package in model terms: per issue id, an option id, an amount or a date."""

    options: dict[uuid.UUID, uuid.UUID]
    amounts: dict[uuid.UUID, Decimal]
    utilities: tuple[float, ...]
    dates: dict[uuid.UUID, dt.date] = field(default_factory=dict)


def from_package(package: engine.Package, issues: Sequence[AgendaIssue]) -> PackageTerms:
    options: dict[uuid.UUID, uuid.UUID] = {}
    amounts: dict[uuid.UUID, Decimal] = {}
    dates: dict[uuid.UUID, dt.date] = {}
    for issue in issues:
        chosen = str(package.choices[str(issue.id)])
        if issue.kind == IssueKind.OPTIONS:
            options[issue.id] = uuid.UUID(chosen)
        elif issue.kind == IssueKind.DATES:
            dates[issue.id] = dt.date.fromisoformat(chosen)
        else:
            amounts[issue.id] = Decimal(chosen)
    return PackageTerms(options, amounts, tuple(package.utilities), dates)


def utilities_of(
    choices: Mapping[str, str], utilities: Sequence[engine.AdditiveUtility]
) -> tuple[float, ...]:
    """Each side's points for one package (e.g. the current draft)."""
    return tuple(u(choices) for u in utilities)


def package_choices(package: engine.Package) -> dict[str, str]:
    """A package's choices as stored: issue id -> option id or amount, all strings."""
    return {issue: str(option) for issue, option in package.choices.items()}


def spread(packages: list[engine.Package], limit: int) -> list[engine.Package]:
    """At most `limit` packages, evenly spread along the (sorted) frontier, ends included."""
    if len(packages) <= limit:
        return packages
    step = (len(packages) - 1) / (limit - 1)
    return [packages[round(n * step)] for n in range(limit)]


@dataclass(frozen=True)
class Suggestions:
    frontier: list[engine.Package]
    nash: engine.Package | None
    kalai_smorodinsky: engine.Package | None
    improvements: list[engine.Package]


def suggest(
    issues: Sequence[engine.Issue],
    utilities: Sequence[engine.AdditiveUtility],
    draft: Mapping[str, str] | None,
) -> Suggestions:
    """Frontier packages every side prefers to walking away, the Nash and Kalai-Smorodinsky
    packages, and (with a complete draft) the packages that improve on it for every side."""
    frontier = engine.pareto_frontier(
        issues, utilities, at_least=[u.reservation for u in utilities]
    )
    nash = engine.nash_bargaining(issues, utilities, frontier=frontier)
    ks = engine.kalai_smorodinsky(issues, utilities, frontier=frontier)
    better = engine.improvements(issues, utilities, draft) if draft is not None else []
    return Suggestions(frontier, nash, ks, better)


@dataclass(frozen=True)
class Division:
    """A division in model terms: per item id, (side index, share of the item)."""

    shares: list[tuple[str, int, Decimal]]
    envy_free: bool
    envy_free_up_to_one: bool
    equitable: bool
    method: str


def divide(items: Sequence[str], valuations: Sequence[Mapping[str, int]]) -> Division:
    """Adjusted Winner for two sides, maximum Nash welfare for more."""
    values: list[Mapping[Hashable, float]] = [
        {item: float(v[item]) for item in items} for v in valuations
    ]
    if len(values) == 2:
        result = engine.adjusted_winner(list(items), values[0], values[1])
        shares: list[tuple[str, int, Decimal]] = []
        for item in items:
            if item == result.split_item:
                to_a = Decimal(str(result.fraction_a)).quantize(Decimal("0.0001"))
                shares += [(item, 0, to_a), (item, 1, Decimal(1) - to_a)]
            else:
                shares.append((item, 0 if item in result.items_a else 1, Decimal(1)))
        return Division(shares, True, True, True, "adjusted_winner")
    allocation = engine.max_nash_welfare(list(items), values)
    shares = [
        (str(item), side, Decimal(1))
        for side, bundle in enumerate(allocation.bundles)
        for item in bundle
    ]
    return Division(
        shares,
        engine.is_envy_free(allocation.bundles, values),
        engine.is_envy_free_up_to_one(allocation.bundles, values),
        False,
        "max_nash_welfare",
    )


def blind_round(
    offer: Decimal, demand: Decimal, band_percent: Decimal | None, band_absolute: Decimal | None
) -> Decimal | None:
    """The settlement amount of one double-blind round, or None for "no overlap"."""
    rule = engine.SettlementRule(band_percent=band_percent, band_absolute=band_absolute)
    return engine.double_blind_round(offer, demand, rule).amount


def all_accepted(answers: Mapping[uuid.UUID, bool], sides: Sequence[uuid.UUID]) -> bool:
    """A mediator's proposal: True only if every side said yes (a missing answer is a no)."""
    complete: dict[Hashable, bool] = {side: answers.get(side, False) for side in sides}
    return engine.mediators_proposal(complete, sides=list(sides)).all_accepted
