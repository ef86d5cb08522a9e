"""The words of the settlement workspace (DESIGN.md §3), each value with a one-line meaning."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssueKind(models.TextChoices):
    """How an agenda issue can be resolved."""

    OPTIONS = "options", _("A choice between options")  # e.g. "every other weekend"
    RANGE = "range", _("An amount in a range")  # money, a number of days
    DATES = "dates", _("A date in a range")  # e.g. a move-out date between two dates


class AgendaState(models.TextChoices):
    """Whether an item is on the agenda (in mediation the mediator settles the agenda)."""

    PROPOSED = "proposed", _("Suggested")  # waiting for the mediator
    ON_AGENDA = "on_agenda", _("On the agenda")
    DECLINED = "declined", _("Not on the agenda")  # the mediator left it out


class IssueStatus(models.TextChoices):
    """How far the sides are on one issue."""

    OPEN = "open", _("Open")  # still being discussed
    TENTATIVE = "tentative", _("Tentatively agreed")  # every side said yes, nothing final yet
    AGREED = "agreed", _("Agreed")  # final: all of it (or, with partial agreements, this one)


class InterestKind(models.TextChoices):
    """What a side writes about an issue."""

    POSITION = "position", _("What we ask for")  # the position
    INTEREST = "interest", _("Why it matters to us")  # the interest behind it


class InterestCategory(models.TextChoices):
    """The kind of reason behind a position (interests only)."""

    NEED = "need", _("A need")
    CONCERN = "concern", _("A concern")
    FEAR = "fear", _("A fear")
    HOPE = "hope", _("A hope")


class ShareState(models.TextChoices):
    """Where one of a side's positions or interests stands, as its side sees it."""

    PRIVATE = "private", _("Not shared")  # only the side (and, in mediation, the mediator)
    ALLOWED = "allowed", _("The mediator may share it")  # released, not relayed yet
    SHARED = "shared", _("Shared")  # in the joint room (relayed, or shared by the side itself)


class Relation(models.TextChoices):
    """How two sides' interests relate, as the mediator sees it."""

    SHARED = "shared", _("Shared")  # both care about the same thing
    COMPATIBLE = "compatible", _("Compatible")  # different, but both can be met
    CONFLICTING = "conflicting", _("Conflicting")  # meeting one makes the other harder


class LinkStatus(models.TextChoices):
    """Where a common-ground suggestion stands."""

    SUGGESTED = "suggested", _("Suggested")  # found by the matcher, not yet looked at
    CONFIRMED = "confirmed", _("Confirmed")  # the mediator agrees
    DISMISSED = "dismissed", _("Dismissed")  # the mediator does not


class PreferenceVisibility(models.TextChoices):
    """Who may see a side's preferences besides the side itself. Never the other side."""

    BLIND = "blind", _("Only the engine")  # no person outside the side
    MEDIATOR = "mediator", _("The engine and the mediator")


class RunStatus(models.TextChoices):
    """A background job's stage."""

    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Working")
    DONE = "done", _("Done")
    FAILED = "failed", _("Could not finish")


class SuggestionKind(models.TextChoices):
    """Why the engine suggests a package."""

    IMPROVEMENT = "improvement", _("Better for everyone than the current draft")
    NASH = "nash", _("Balanced gains (Nash)")  # maximises the product of gains
    KALAI_SMORODINSKY = "ks", _("Equal share of each side's best (Kalai-Smorodinsky)")
    PARETO = "pareto", _("Nothing better for one side without costing another")
    BASELINE = "baseline", _("The current draft")  # kept to measure gains, never suggested


class DivisionMethod(models.TextChoices):
    """How items were divided."""

    ADJUSTED_WINNER = "adjusted_winner", _("Adjusted Winner")  # two sides
    MAX_NASH_WELFARE = "max_nash_welfare", _("Maximum Nash welfare")  # three or more


class BiddingStatus(models.TextChoices):
    """A double-blind bidding on one money issue."""

    PROPOSED = "proposed", _("Waiting for every side to agree the rule")
    OPEN = "open", _("Bidding")
    SETTLED = "settled", _("Settled")
    CLOSED = "closed", _("Stopped")


class RoundStatus(models.TextChoices):
    """One bidding round: only its result is ever revealed."""

    OPEN = "open", _("Waiting for figures")
    SETTLED = "settled", _("Settled")
    NO_OVERLAP = "no_overlap", _("No overlap this round")


class ProposalStatus(models.TextChoices):
    """A mediator's proposal: only "all accepted" or "not all accepted" is ever revealed."""

    OPEN = "open", _("Waiting for answers")
    ALL_ACCEPTED = "all_accepted", _("All accepted")
    NOT_ALL_ACCEPTED = "not_all_accepted", _("Not all accepted")


class Topic(models.TextChoices):
    """What changed on the workspace: each names the page parts to fetch again."""

    AGENDA = "agenda", _("Agenda")  # an issue added, settled or left out
    TERMS = "terms", _("Terms")  # a yes given or taken back, a confirmation, partial choice
    INTERESTS = "interests", _("Positions and interests")
    COMMON_GROUND = "common_ground", _("Common ground")
    PREFERENCES = "preferences", _("Priorities")
    SUGGESTIONS = "suggestions", _("Suggestions")
    PROPOSAL = "proposal", _("Mediator's proposal")
    DIVISION = "division", _("Dividing items")
    BIDDING = "bidding", _("Blind offers")
