"""The agenda: issues, their options or range, and how terms become agreed.

A term becomes tentatively agreed when every side still in the process has said yes to it.
Nothing is agreed until everything is agreed: tentative terms become final only when every
side confirms them and every issue on the agenda is tentatively agreed, unless every side
chose to allow partial agreements.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from accord.bargaining.models import (
    AgendaConfirmation,
    AgendaIssue,
    IssueAssent,
    IssueOption,
    PartialChoice,
)
from accord.bargaining.permissions import (
    agenda_needs_mediator,
    check_assent,
    check_propose_issue,
    check_settle_agenda,
    check_side_act,
)
from accord.bargaining.selectors import (
    agenda_issues,
    confirmed_side_ids,
    is_facilitator,
    latest_assents,
    partial_agreements_allowed,
    show_date,
    sides_in,
    terms_fingerprint,
)
from accord.bargaining.services._common import (
    audit,
    check_key,
    fresh,
    locked_process,
    notify,
    side_of,
)
from accord.bargaining.vocabulary import AgendaState, IssueKind, IssueStatus, Topic
from accord.cases.models import Participant, Process
from accord.core.errors import Conflict, InvalidInput

MAX_OPTIONS = 12
MAX_AMOUNT = Decimal("999999999999.99")


def parse_amount(value: object, *, field: str) -> Decimal:
    """A non-negative amount with at most two decimals, or InvalidInput naming the field.

    Text must be canonical ("1500.50", as JSON callers send it): pages read what a person
    typed in their language first (core.amounts). A comma is refused, never guessed: "2,500"
    is 2500 in English and 2.5 in French."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput(
            _("Enter an amount, for example 1500 or 1500.50."), field=field
        ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise InvalidInput(_("Enter an amount of zero or more."), field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(_("Use at most two decimals."), field=field)
    return amount.quantize(Decimal("0.01"))


def check_date(value: object, *, field: str) -> dt.date:
    """A calendar date, already parsed by the form or the API schema (each in the reader's
    own language and format), or InvalidInput naming the field."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(_("Enter a date."), field=field)
    return value


def check_date_within(issue: AgendaIssue, value: object, *, field: str) -> dt.date:
    """A date of a date issue's range, or InvalidInput saying which range."""
    day = check_date(value, field=field)
    earliest, latest = issue.date_bounds()
    if not earliest <= day <= latest:
        raise InvalidInput(
            _("Choose a date from %(earliest)s to %(latest)s.")
            % {"earliest": show_date(earliest), "latest": show_date(latest)},
            field=field,
        )
    return day


@dataclass(frozen=True)
class IssueDraft:
    """What a person typed to put an issue forward, before it is checked. A date issue's
    bounds are dates (the form or the API schema parsed them)."""

    title: str
    kind: str
    options: Sequence[str] = ()
    range_min: object = None
    range_max: object = None
    unit: str = ""
    date_min: object = None
    date_max: object = None


@dataclass(frozen=True)
class _Checked:
    title: str
    options: list[str]
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str = ""
    earliest: dt.date | None = None
    latest: dt.date | None = None


def _validated(draft: IssueDraft) -> _Checked:
    title = (draft.title or "").strip()
    if not title:
        raise InvalidInput(_("Give the issue a short name."), field="title")
    if len(title) > 120:
        raise InvalidInput(_("Keep the name under 120 characters."), field="title")
    unit = (draft.unit or "").strip()
    if len(unit) > 20:
        raise InvalidInput(_("Keep the unit under 20 characters."), field="unit")
    if draft.kind == IssueKind.OPTIONS:
        options = [o.strip() for o in draft.options if o and o.strip()]
        if len(options) < 2:
            raise InvalidInput(_("Give at least two options, one per line."), field="options")
        if len(options) > MAX_OPTIONS:
            raise InvalidInput(
                _("Give at most %(n)d options.") % {"n": MAX_OPTIONS}, field="options"
            )
        if any(len(o) > 120 for o in options):
            raise InvalidInput(_("Keep each option under 120 characters."), field="options")
        if len({o.casefold() for o in options}) != len(options):
            raise InvalidInput(_("Each option must be different."), field="options")
        return _Checked(title, options, unit=unit)
    if draft.kind == IssueKind.RANGE:
        low = parse_amount(draft.range_min, field="range_min")
        high = parse_amount(draft.range_max, field="range_max")
        if low >= high:
            raise InvalidInput(
                _("The highest amount must be more than the lowest."), field="range_max"
            )
        return _Checked(title, [], low, high, unit)
    if draft.kind == IssueKind.DATES:
        earliest = check_date(draft.date_min, field="date_min")
        latest = check_date(draft.date_max, field="date_max")
        if latest < earliest:
            raise InvalidInput(
                _("The latest date (%(latest)s) is before the earliest (%(earliest)s).")
                % {"latest": show_date(latest), "earliest": show_date(earliest)},
                field="date_max",
            )
        if latest == earliest:
            raise InvalidInput(
                _("Give a latest date after the earliest; for one fixed date, use options."),
                field="date_max",
            )
        return _Checked(title, [], earliest=earliest, latest=latest)
    raise InvalidInput(_("Choose options, an amount or a date."), field="kind")


def issue_propose(
    *, actor: Participant, process: Process, draft: IssueDraft, client_key: str
) -> AgendaIssue:
    """Any side, or the mediator, puts an issue forward. In mediation a side's suggestion
    waits for the mediator; the mediator's own, and every issue in a process without a
    mediator, goes straight on the agenda. A resend with the same key changes nothing."""
    check_key(client_key)
    checked = _validated(draft)
    title = checked.title
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_propose_issue(actor, process)
        existing = AgendaIssue.objects.filter(proposed_by=actor, client_key=client_key).first()
        if existing is not None:
            if existing.title != title or existing.process_id != process.id:
                raise Conflict(_("This form was already used for another issue; reload it."))
            return existing
        if AgendaIssue.objects.filter(
            process=process,
            title__iexact=title,
            state__in=[AgendaState.PROPOSED, AgendaState.ON_AGENDA],
        ).exists():
            raise InvalidInput(_("An issue with this name is already listed."), field="title")
        direct = is_facilitator(actor) or not agenda_needs_mediator(process)
        issue = AgendaIssue.objects.create(
            process=process,
            title=title,
            kind=draft.kind,
            range_min=checked.low,
            range_max=checked.high,
            unit=checked.unit,
            date_min=checked.earliest,
            date_max=checked.latest,
            state=AgendaState.ON_AGENDA if direct else AgendaState.PROPOSED,
            position=AgendaIssue.objects.filter(process=process).count() + 1,
            proposed_by=actor,
            client_key=client_key,
        )
        IssueOption.objects.bulk_create(
            IssueOption(issue=issue, label=label, position=n)
            for n, label in enumerate(checked.options)
        )
        audit(
            actor,
            "agenda.issue_proposed",
            issue,
            {"kind": issue.kind, "state": issue.state, "options": len(checked.options)},
        )
        # A suggestion waiting for the mediator is seen by its side and the mediator only.
        notify(process, Topic.AGENDA, sides=None if direct else [actor.side_id])
    return issue


def issue_settle(*, actor: Participant, issue: AgendaIssue, include: bool) -> AgendaIssue:
    """The mediator puts a side's suggestion on the agenda, or leaves it out."""
    with transaction.atomic():
        locked_process(issue.process)
        actor = fresh(actor)
        issue = (
            AgendaIssue.objects.select_for_update(of=("self",), no_key=True)
            .select_related("process__case")
            .get(id=issue.id)
        )
        check_settle_agenda(actor, issue)
        issue.state = AgendaState.ON_AGENDA if include else AgendaState.DECLINED
        issue.save(update_fields=["state"])
        audit(actor, "agenda.issue_settled", issue, {"state": issue.state})
        # A suggestion left out stays between its side and the mediator.
        notify(issue.process, Topic.AGENDA, sides=None if include else [issue.proposed_by.side_id])
    return issue


@dataclass(frozen=True)
class TermValue:
    """One term of an issue: its option, its amount or its date (exactly one is set)."""

    option: IssueOption | None = None
    amount: Decimal | None = None
    date: dt.date | None = None


def check_term(
    issue: AgendaIssue, option: IssueOption | None, amount: object, date: object, *, field: str
) -> TermValue:
    """The term as the issue's kind wants it, or InvalidInput naming `field`."""
    if issue.kind == IssueKind.OPTIONS:
        if option is None or option.issue_id != issue.id:
            raise InvalidInput(_("Choose one of this issue's options."), field=field)
        return TermValue(option=option)
    if issue.kind == IssueKind.DATES:
        return TermValue(date=check_date_within(issue, date, field=field))
    value = parse_amount(amount, field=field)
    low, high = issue.bounds()
    if not low <= value <= high:
        raise InvalidInput(
            _("Choose an amount between %(low)s and %(high)s.") % {"low": low, "high": high},
            field=field,
        )
    return TermValue(amount=value)


def _state(issue: AgendaIssue) -> tuple[object, ...]:
    return (issue.status, issue.tentative_option_id, issue.tentative_amount, issue.tentative_date)


def _recount(issue: AgendaIssue) -> bool:
    """Tentative when every remaining side's latest word is yes to the same term. Returns
    whether what everyone sees of the issue (its status and term) changed."""
    before = _state(issue)
    latest = latest_assents(issue)
    sides = sides_in(issue.process)
    words = [latest.get(side.id) for side in sides]
    terms = {(w.option_id, w.amount, w.date) for w in words if w is not None and not w.withdrawn}
    agreed = bool(sides) and all(w is not None and not w.withdrawn for w in words)
    if agreed and len(terms) == 1:
        option_id, amount, date = terms.pop()
        issue.status = IssueStatus.TENTATIVE
        issue.tentative_option_id = option_id
        issue.tentative_amount = amount
        issue.tentative_date = date
    else:
        issue.status = IssueStatus.OPEN
        issue.tentative_option = None
        issue.tentative_amount = None
        issue.tentative_date = None
    issue.save(update_fields=["status", "tentative_option", "tentative_amount", "tentative_date"])
    return _state(issue) != before


def _locked_issue(issue: AgendaIssue) -> AgendaIssue:
    return (
        AgendaIssue.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process__case")
        .get(id=issue.id)
    )


def issue_assent(
    *,
    actor: Participant,
    issue: AgendaIssue,
    option: IssueOption | None = None,
    amount: object = None,
    date: object = None,
) -> AgendaIssue:
    """A side says yes to one term (an option, an amount or a date, by the issue's kind).
    When every side has said yes to the same term, the issue is tentatively agreed; a side
    saying yes to another term reopens it."""
    fields: dict[str, str] = {IssueKind.OPTIONS: "option", IssueKind.DATES: "date"}
    field = fields.get(issue.kind, "amount")
    with transaction.atomic():
        locked_process(issue.process)
        actor, issue = fresh(actor), _locked_issue(issue)
        check_assent(actor, issue)
        term = check_term(issue, option, amount, date, field=field)
        assent = IssueAssent.objects.create(
            issue=issue,
            side_id=side_of(actor),
            option=term.option,
            amount=term.amount,
            date=term.date,
            given_by=actor,
        )
        changed = _recount(issue)
        audit(actor, "agenda.assent", assent, {"issue": str(issue.id), "status": issue.status})
        _tell_terms(issue.process, actor, changed)
    return issue


def _tell_terms(process: Process, actor: Participant, changed: bool) -> None:
    """A side's own yes is seen by that side; everyone sees a term become (or stop being)
    tentatively agreed."""
    notify(process, Topic.TERMS, sides=None if changed else [actor.side_id], facilitators=False)


def issue_reopen(*, actor: Participant, issue: AgendaIssue) -> AgendaIssue:
    """A side takes its yes back: nothing is agreed until everything is agreed."""
    with transaction.atomic():
        locked_process(issue.process)
        actor, issue = fresh(actor), _locked_issue(issue)
        check_assent(actor, issue)
        current = latest_assents(issue).get(actor.side_id)  # type: ignore[arg-type]
        if current is None or current.withdrawn:
            raise Conflict(_("Your side has not said yes to a term on this issue."))
        assent = IssueAssent.objects.create(
            issue=issue, side_id=side_of(actor), withdrawn=True, given_by=actor
        )
        changed = _recount(issue)
        audit(actor, "agenda.reopened", assent, {"issue": str(issue.id)})
        _tell_terms(issue.process, actor, changed)
    return issue


def partial_choose(*, actor: Participant, process: Process, allow: bool) -> PartialChoice:
    """A side chooses whether agreements on some issues only may become final."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_side_act(actor, process)
        everyone_before = partial_agreements_allowed(process)
        choice = PartialChoice.objects.create(
            process=process, side_id=side_of(actor), allow=allow, given_by=actor
        )
        audit(actor, "agenda.partial_chosen", choice, {"allow": allow})
        # One side's choice is its own; everyone sees only whether all sides allow it.
        changed = partial_agreements_allowed(process) != everyone_before
        _tell_terms(process, actor, changed)
    return choice


def agenda_confirm(*, actor: Participant, process: Process) -> list[AgendaIssue]:
    """A side confirms the tentative terms as they stand. When every side has, and every
    issue is tentatively agreed (or every side allowed partial agreements), they become
    agreed. Returns the issues that became agreed (none until the last confirmation)."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_side_act(actor, process)
        issues = agenda_issues(process)
        tentative = [i for i in issues if i.status == IssueStatus.TENTATIVE]
        if not tentative:
            raise Conflict(_("No term is tentatively agreed yet."))
        everything = all(i.status != IssueStatus.OPEN for i in issues)
        if not everything and not partial_agreements_allowed(process):
            raise Conflict(
                _(
                    "Nothing is agreed until everything is agreed: some issues are still "
                    "open, and not every side chose to allow partial agreements."
                )
            )
        fingerprint = terms_fingerprint(process)
        confirmation, created = AgendaConfirmation.objects.get_or_create(
            process=process,
            side_id=side_of(actor),
            fingerprint=fingerprint,
            defaults={"given_by": actor},
        )
        if not created:
            return []
        audit(actor, "agenda.confirmed", confirmation, {"issues": len(tentative)})
        agreed: list[AgendaIssue] = []
        if {s.id for s in sides_in(process)} <= confirmed_side_ids(process):
            for issue in tentative:
                issue.status = IssueStatus.AGREED
                issue.save(update_fields=["status"])
                agreed.append(issue)
            audit(actor, "agenda.agreed", process, {"issues": [str(i.id) for i in agreed]})
        _tell_terms(process, actor, bool(agreed))
    return agreed


def terms_make_tentative(
    *,
    process: Process,
    terms: Sequence[tuple[AgendaIssue, TermValue]],
    assenters: Mapping[uuid.UUID, Participant],
) -> None:
    """Every side accepted these terms together (a mediator's proposal, a settled blind
    round): record each side's yes, given by whoever answered for it, and recount. Runs in
    the caller's transaction; the caller tells everyone."""
    for issue, term in terms:
        locked = _locked_issue(issue)
        if locked.status == IssueStatus.AGREED:
            continue
        for side in sides_in(process):
            IssueAssent.objects.create(
                issue=locked,
                side=side,
                option=term.option,
                amount=term.amount,
                date=term.date,
                given_by=assenters[side.id],
            )
        _recount(locked)
