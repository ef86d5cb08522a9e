"""The settlement workspace: agenda, positions and interests, preferences, engine runs,
division, blind bids and the mediator's proposal.

Rows that are a side's statement (a preference, an assent, a valuation) are never edited: a
change is a new row, and the latest one counts. What is private to a side is never in an
audit payload, not even as a hash (a hash of a small number is easy to reverse).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Q

from accord.bargaining.vocabulary import (
    AgendaState,
    BiddingStatus,
    DivisionMethod,
    InterestCategory,
    InterestKind,
    IssueKind,
    IssueStatus,
    LinkStatus,
    PreferenceVisibility,
    ProposalStatus,
    Relation,
    RoundStatus,
    RunStatus,
    SuggestionKind,
    Topic,
)
from accord.cases.models import Participant, Process, Side
from accord.core.models import BaseModel
from accord.rooms.models import Message

# --- 1. the agenda --------------------------------------------------------------------------


class AgendaIssue(BaseModel):
    """One issue of a process: options to choose from, an amount within a range, or a date
    between an earliest and a latest date."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="agenda")
    title = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=IssueKind.choices)
    range_min = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    range_max = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=20, blank=True)  # "EUR", "nights a month"
    date_min = models.DateField(null=True, blank=True)  # the earliest date of a date issue
    date_max = models.DateField(null=True, blank=True)  # the latest
    state = models.CharField(max_length=16, choices=AgendaState.choices)
    status = models.CharField(max_length=16, choices=IssueStatus.choices, default=IssueStatus.OPEN)
    tentative_option = models.ForeignKey(
        "IssueOption", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tentative_amount = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    tentative_date = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField()
    proposed_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    client_key = models.CharField(max_length=64)  # a double submit adds the issue once

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposed_by", "client_key"], name="bargaining_issue_idempotency"
            ),
            # Each kind carries exactly its own bounds, the lower strictly below the upper.
            models.CheckConstraint(
                name="bargaining_issue_bounds_fit_kind",
                condition=(
                    Q(kind="range", range_min__isnull=False, range_max__isnull=False)
                    & Q(range_min__lt=models.F("range_max"))
                    & Q(date_min__isnull=True, date_max__isnull=True)
                )
                | (
                    Q(kind="dates", date_min__isnull=False, date_max__isnull=False)
                    & Q(date_min__lt=models.F("date_max"))
                    & Q(range_min__isnull=True, range_max__isnull=True)
                )
                | Q(
                    kind="options",
                    range_min__isnull=True,
                    range_max__isnull=True,
                    date_min__isnull=True,
                    date_max__isnull=True,
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_range(self) -> bool:
        return self.kind == IssueKind.RANGE

    @property
    def is_dates(self) -> bool:
        return self.kind == IssueKind.DATES

    def bounds(self) -> tuple[Decimal, Decimal]:
        """The lowest and highest amount of a range issue (a check constraint keeps both)."""
        if self.range_min is None or self.range_max is None:
            raise ValueError(f"issue {self.pk} is not a range issue")
        return self.range_min, self.range_max

    def date_bounds(self) -> tuple[dt.date, dt.date]:
        """The earliest and latest date of a date issue (a check constraint keeps both)."""
        if self.date_min is None or self.date_max is None:
            raise ValueError(f"issue {self.pk} is not a date issue")
        return self.date_min, self.date_max


class IssueOption(BaseModel):
    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="options")
    label = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "label"], name="bargaining_option_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class IssueAssent(BaseModel):
    """A side says yes to one term of an issue; its latest assent counts."""

    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="assents")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        IssueOption, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    date = models.DateField(null=True, blank=True)
    withdrawn = models.BooleanField(default=False)  # the side reopened the issue
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


class PartialChoice(BaseModel):
    """A side's choice to allow agreements on some issues only; its latest choice counts."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    allow = models.BooleanField()
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


class AgendaConfirmation(BaseModel):
    """A side confirms the tentative terms as they stand (named by their fingerprint)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    fingerprint = models.CharField(max_length=64)
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "side", "fingerprint"], name="bargaining_confirm_once"
            ),
        ]


# --- 2, 3. positions, interests and the interest map ---------------------------------------


class Interest(BaseModel):
    """A side's position or interest on an issue. Its words are a message in the side's
    private session, so the rooms' one visibility rule and release mechanism govern it."""

    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="interests")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=InterestKind.choices)
    category = models.CharField(max_length=16, choices=InterestCategory.choices, blank=True)
    message = models.OneToOneField(Message, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


class InterestLink(BaseModel):
    """Two sides' interests that relate; suggested by the matcher or added by the mediator."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    first = models.ForeignKey(Interest, on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey(Interest, on_delete=models.PROTECT, related_name="+")
    relation = models.CharField(max_length=16, choices=Relation.choices)
    status = models.CharField(max_length=16, choices=LinkStatus.choices)
    score = models.FloatField(null=True, blank=True)  # the matcher's similarity, if it found it
    # In the mediator's own words: what the parties see once both interests are released.
    summary = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="bargaining_link_once"),
        ]


class InterestShare(BaseModel):
    """A side shared one of its own positions or interests with everyone, itself: where no
    mediator carries words between rooms (negotiation), a party of the side posts the item
    into the joint room. `message` is that post; the item's words stay in the side room."""

    interest = models.OneToOneField(Interest, on_delete=models.PROTECT, related_name="share")
    message = models.OneToOneField(Message, on_delete=models.PROTECT, related_name="+")
    shared_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


# --- 4. preferences -------------------------------------------------------------------------


class Preference(BaseModel):
    """A side's weights, scores and walk-away point, all in points out of 100."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    visibility = models.CharField(max_length=16, choices=PreferenceVisibility.choices)
    reservation = models.PositiveSmallIntegerField()  # below this total, no agreement is better
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


class PreferenceWeight(BaseModel):
    preference = models.ForeignKey(Preference, on_delete=models.PROTECT, related_name="weights")
    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField()
    # Range issues: how good the lowest and the highest amount are (straight line between).
    score_low = models.PositiveSmallIntegerField(null=True, blank=True)
    score_high = models.PositiveSmallIntegerField(null=True, blank=True)
    # Date issues: the side's best date (worth 100) and how many days away from it a date is
    # worth nothing; in between, the worth falls in a straight line (adapters.py).
    best_date = models.DateField(null=True, blank=True)
    falloff_days = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["preference", "issue"], name="bargaining_weight_once"),
        ]


class PreferenceScore(BaseModel):
    preference = models.ForeignKey(Preference, on_delete=models.PROTECT, related_name="scores")
    option = models.ForeignKey(IssueOption, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["preference", "option"], name="bargaining_score_once"),
        ]


# --- 5. engine suggestions ------------------------------------------------------------------


class SuggestionRun(BaseModel):
    """One request for engine suggestions; a persisted job, so the page can poll it."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    # The draft the improvements are measured against: {issue id: option key}, or empty.
    baseline = models.JSONField(default=dict)
    # Side ids whose preferences the mediator may see: the frontier picture needs all of them.
    open_to_mediator = models.JSONField(default=list)
    error = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class SuggestedPackage(BaseModel):
    """A package the engine found. `utilities` holds every side's, so it is only ever read
    through selectors that hand each side its own."""

    run = models.ForeignKey(SuggestionRun, on_delete=models.PROTECT, related_name="packages")
    kind = models.CharField(max_length=16, choices=SuggestionKind.choices)
    rank = models.PositiveIntegerField()
    choices = models.JSONField()  # {issue id: option id, or an amount as a string}
    utilities = models.JSONField()  # {side id: points out of 100}

    class Meta:
        ordering = ["run", "rank"]


# --- 6. property division -------------------------------------------------------------------


class DivisionItem(BaseModel):
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=120)
    added_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="bargaining_item_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class DivisionValuation(BaseModel):
    """A side's 100 points over the items; the latest counts. Private to the side."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    values = models.JSONField()  # {item id: points}
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]


class DivisionResult(BaseModel):
    """A division every side sees: who gets what, and its fairness in plain words."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=24, choices=DivisionMethod.choices)
    requested_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    # [{"item": id, "side": id, "share": "0.2857"}]; no side's points are kept here.
    shares = models.JSONField()
    envy_free = models.BooleanField()
    envy_free_up_to_one = models.BooleanField()
    equitable = models.BooleanField()

    class Meta:
        ordering = ["created_at"]


# --- 7. double-blind bidding ----------------------------------------------------------------


class BlindBidding(BaseModel):
    """Double-blind rounds on one money issue, under a band rule every side agreed first."""

    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")  # offers
    claimant = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")  # demands
    band_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    band_absolute = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    status = models.CharField(
        max_length=16, choices=BiddingStatus.choices, default=BiddingStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue"],
                condition=Q(status__in=["proposed", "open"]),
                name="bargaining_one_live_bidding_per_issue",
            ),
        ]


class BiddingRuleAgreement(BaseModel):
    bidding = models.ForeignKey(BlindBidding, on_delete=models.PROTECT, related_name="agreements")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bidding", "side"], name="bargaining_rule_once"),
        ]


class BidRound(BaseModel):
    bidding = models.ForeignKey(BlindBidding, on_delete=models.PROTECT, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    amount = models.DecimalField(
        null=True, blank=True, max_digits=14, decimal_places=2
    )  # only when settled

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["bidding", "number"], name="bargaining_round_once"),
        ]


class Bid(BaseModel):
    """One side's confidential figure in one round. Seen by that side only, ever."""

    round = models.ForeignKey(BidRound, on_delete=models.PROTECT, related_name="bids")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "side"], name="bargaining_bid_once"),
        ]


# --- 8. the mediator's proposal -------------------------------------------------------------


class MediatorsProposal(BaseModel):
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    proposed_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    deadline = models.DateTimeField()
    note = models.CharField(max_length=500, blank=True)  # the mediator's words to the parties
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposed_by", "client_key"], name="bargaining_proposal_idempotency"
            ),
            models.UniqueConstraint(
                fields=["process"],
                condition=Q(status="open"),
                name="bargaining_one_open_proposal",
            ),
        ]


class ProposalTerm(BaseModel):
    proposal = models.ForeignKey(MediatorsProposal, on_delete=models.PROTECT, related_name="terms")
    issue = models.ForeignKey(AgendaIssue, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        IssueOption, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(null=True, blank=True, max_digits=14, decimal_places=2)
    date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "issue"], name="bargaining_term_once"),
            # Exactly one of an option, an amount or a date.
            models.CheckConstraint(
                name="bargaining_term_one_value",
                condition=Q(option__isnull=False, amount__isnull=True, date__isnull=True)
                | Q(option__isnull=True, amount__isnull=False, date__isnull=True)
                | Q(option__isnull=True, amount__isnull=True, date__isnull=False),
            ),
        ]


class ProposalAnswer(BaseModel):
    """A side's private yes or no. Read only by that side; never by anyone else."""

    proposal = models.ForeignKey(
        MediatorsProposal, on_delete=models.PROTECT, related_name="answers"
    )
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    accepted = models.BooleanField()
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "side"], name="bargaining_answer_once"),
        ]


# --- live updates ---------------------------------------------------------------------------


class WorkspaceChange(BaseModel):
    """How many changes of one topic one audience of a process has seen happen. Bumped in the
    same transaction as the change, so a page that asks "what moved since I looked?" never
    misses one, whatever the real-time channel dropped. An audience is "all" (everyone
    taking part), "side:<id>" (that side's members) or "facilitators" (the mediator)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    audience = models.CharField(max_length=48)
    topic = models.CharField(max_length=24, choices=Topic.choices)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["process", "audience", "topic"], name="bargaining_change_once"
            ),
        ]


__all__ = [
    "AgendaConfirmation",
    "AgendaIssue",
    "Bid",
    "BidRound",
    "BiddingRuleAgreement",
    "BlindBidding",
    "DivisionItem",
    "DivisionResult",
    "DivisionValuation",
    "Interest",
    "InterestLink",
    "InterestShare",
    "IssueAssent",
    "IssueOption",
    "MediatorsProposal",
    "PartialChoice",
    "Preference",
    "PreferenceScore",
    "PreferenceWeight",
    "ProposalAnswer",
    "ProposalTerm",
    "SuggestedPackage",
    "SuggestionRun",
    "WorkspaceChange",
]
