"""The agenda: issues, their options or range, and how terms become agreed.

A term becomes tentatively agreed when every side still in the process has said yes to it.
Nothing is agreed until everything is agreed: tentative terms become final only when every
side confirms them and every issue on the agenda is tentatively agreed, unless every side
chose to allow partial agreements.
"""

from __future__ import annotations

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
from accord.bargaining.vocabulary import AgendaState, IssueKind, IssueStatus
from accord.cases.models import Participant, Process
from accord.core.errors import Conflict, InvalidInput

MAX_OPTIONS = 12
MAX_AMOUNT = Decimal("999999999999.99")


def parse_amount(value: object, *, field: str) -> Decimal:
    """A non-negative amount with at most two decimals, or InvalidInput naming the field."""
    try:
        amount = Decimal(str(value).strip().replace(",", ".").replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise InvalidInput(
            _("Enter an amount, for example 1500 or 1500.50."), field=field
        ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise InvalidInput(_("Enter an amount of zero or more."), field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(_("Use at most two decimals."), field=field)
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class IssueDraft:
    """What a person typed to put an issue forward, before it is checked."""

    title: str
    kind: str
    options: Sequence[str] = ()
    range_min: object = None
    range_max: object = None
    unit: str = ""


def _validated(draft: IssueDraft) -> tuple[str, list[str], Decimal | None, Decimal | None, str]:
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
        return title, options, None, None, unit
    if draft.kind == IssueKind.RANGE:
        low = parse_amount(draft.range_min, field="range_min")
        high = parse_amount(draft.range_max, field="range_max")
        if low >= high:
            raise InvalidInput(
                _("The highest amount must be more than the lowest."), field="range_max"
            )
        return title, [], low, high, unit
    raise InvalidInput(_("Choose options or an amount."), field="kind")


def issue_propose(
    *, actor: Participant, process: Process, draft: IssueDraft, client_key: str
) -> AgendaIssue:
    """Any side, or the mediator, puts an issue forward. In mediation a side's suggestion
    waits for the mediator; the mediator's own, and every issue in a process without a
    mediator, goes straight on the agenda. A resend with the same key changes nothing."""
    check_key(client_key)
    title, options, low, high, unit = _validated(draft)
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
            range_min=low,
            range_max=high,
            unit=unit,
            state=AgendaState.ON_AGENDA if direct else AgendaState.PROPOSED,
            position=AgendaIssue.objects.filter(process=process).count() + 1,
            proposed_by=actor,
            client_key=client_key,
        )
        IssueOption.objects.bulk_create(
            IssueOption(issue=issue, label=label, position=n) for n, label in enumerate(options)
        )
        audit(
            actor,
            "agenda.issue_proposed",
            issue,
            {"kind": issue.kind, "state": issue.state, "options": len(options)},
        )
        notify(process, "agenda", sides=None if direct else [actor.side_id])
    return issue


def issue_settle(*, actor: Participant, issue: AgendaIssue, include: bool) -> AgendaIssue:
    """The mediator puts a side's suggestion on the agenda, or leaves it out."""
    with transaction.atomic():
        locked_process(issue.process)
        actor = fresh(actor)
        issue = (
            AgendaIssue.objects.select_for_update(of=("self",))
            .select_related("process__case")
            .get(id=issue.id)
        )
        check_settle_agenda(actor, issue)
        issue.state = AgendaState.ON_AGENDA if include else AgendaState.DECLINED
        issue.save(update_fields=["state"])
        audit(actor, "agenda.issue_settled", issue, {"state": issue.state})
        notify(issue.process, "agenda")
    return issue


def _term_of(
    issue: AgendaIssue, option: IssueOption | None, amount: object
) -> tuple[IssueOption | None, Decimal | None]:
    if issue.kind == IssueKind.OPTIONS:
        if option is None or option.issue_id != issue.id:
            raise InvalidInput(_("Choose one of this issue's options."), field="option")
        return option, None
    value = parse_amount(amount, field="amount")
    low, high = issue.bounds()
    if not low <= value <= high:
        raise InvalidInput(
            _("Choose an amount between %(low)s and %(high)s.") % {"low": low, "high": high},
            field="amount",
        )
    return None, value


def _recount(issue: AgendaIssue) -> None:
    """Tentative when every remaining side's latest word is yes to the same term."""
    latest = latest_assents(issue)
    sides = sides_in(issue.process)
    words = [latest.get(side.id) for side in sides]
    terms = {(w.option_id, w.amount) for w in words if w is not None and not w.withdrawn}
    agreed = bool(sides) and all(w is not None and not w.withdrawn for w in words)
    if agreed and len(terms) == 1:
        option_id, amount = terms.pop()
        issue.status = IssueStatus.TENTATIVE
        issue.tentative_option_id = option_id
        issue.tentative_amount = amount
    else:
        issue.status = IssueStatus.OPEN
        issue.tentative_option = None
        issue.tentative_amount = None
    issue.save(update_fields=["status", "tentative_option", "tentative_amount"])


def _locked_issue(issue: AgendaIssue) -> AgendaIssue:
    return (
        AgendaIssue.objects.select_for_update(of=("self",))
        .select_related("process__case")
        .get(id=issue.id)
    )


def issue_assent(
    *,
    actor: Participant,
    issue: AgendaIssue,
    option: IssueOption | None = None,
    amount: object = None,
) -> AgendaIssue:
    """A side says yes to one term. When every side has said yes to the same term, the
    issue is tentatively agreed; a side saying yes to another term reopens it."""
    with transaction.atomic():
        locked_process(issue.process)
        actor, issue = fresh(actor), _locked_issue(issue)
        check_assent(actor, issue)
        chosen, value = _term_of(issue, option, amount)
        assent = IssueAssent.objects.create(
            issue=issue, side_id=side_of(actor), option=chosen, amount=value, given_by=actor
        )
        _recount(issue)
        audit(actor, "agenda.assent", assent, {"issue": str(issue.id), "status": issue.status})
        notify(issue.process, "agenda")
    return issue


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
        _recount(issue)
        audit(actor, "agenda.reopened", assent, {"issue": str(issue.id)})
        notify(issue.process, "agenda")
    return issue


def partial_choose(*, actor: Participant, process: Process, allow: bool) -> PartialChoice:
    """A side chooses whether agreements on some issues only may become final."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_side_act(actor, process)
        choice = PartialChoice.objects.create(
            process=process, side_id=side_of(actor), allow=allow, given_by=actor
        )
        audit(actor, "agenda.partial_chosen", choice, {"allow": allow})
        notify(process, "agenda")
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
        notify(process, "agenda")
    return agreed


def terms_make_tentative(
    *,
    process: Process,
    terms: Sequence[tuple[AgendaIssue, IssueOption | None, Decimal | None]],
    assenters: Mapping[uuid.UUID, Participant],
) -> None:
    """Every side accepted these terms together (a mediator's proposal): record each side's
    yes, given by whoever answered for it, and recount. Runs in the caller's transaction."""
    for issue, option, amount in terms:
        locked = _locked_issue(issue)
        if locked.status == IssueStatus.AGREED:
            continue
        for side in sides_in(process):
            IssueAssent.objects.create(
                issue=locked, side=side, option=option, amount=amount, given_by=assenters[side.id]
            )
        _recount(locked)
