"""The award: drafted privately by the arbitrator, held to the agreed scope, then signed with
step-up re-authentication and issued. Issuing ends the arbitration with a binding outcome
(through cases' process_end) and takes an audit checkpoint."""

from __future__ import annotations

import hashlib
import ipaddress
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accord.agreements.services import StepUp, step_up_verify
from accord.arbitration.models import ArbitrationTerms, Award, AwardDecision, ScopeItem
from accord.arbitration.permissions import check_draft_award, check_issue_award
from accord.arbitration.selectors import latest_draft, side_states, terms_in_force
from accord.arbitration.services._audit import notify_record, record
from accord.arbitration.services.terms import clean_amount, money
from accord.arbitration.vocabulary import AWARD_FORMAT_VERSION, AWARD_INTENT_VERSION, AwardStatus
from accord.audit.chain import canonical_json, content_hash
from accord.audit.services import checkpoint_create
from accord.cases.models import Participant, Process
from accord.cases.services import process_end
from accord.cases.services._audit import case_lock
from accord.cases.vocabulary import Outcome
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput

MAX_REASONS = 50_000
MAX_DECISION = 5_000


@dataclass(frozen=True)
class DecisionInput:
    """The award's answer to one question of the scope (by the question's id)."""

    scope_item_id: uuid.UUID
    decision: str
    amount: Decimal | str | None = None


def award_fields(
    award: Award, terms: ArbitrationTerms, decisions: list[tuple[ScopeItem, str, Decimal | None]]
) -> dict[str, Any]:
    """The fields the award's SHA-256 covers (canonical JSON, as for agreements)."""
    return {
        "v": AWARD_FORMAT_VERSION,
        "kind": "award",
        "case": str(award.process.case_id),
        "process": str(award.process_id),
        "award": str(award.id),
        "number": award.number,
        "terms_version": str(terms.version_id),
        "terms_sha256": terms.version.sha256,
        "reasons": award.reasons,
        "currency": terms.currency,
        "decisions": [
            {
                "question": item.question,
                "decision": text,
                "amount": str(amount) if amount is not None else None,
            }
            for item, text, amount in decisions
        ],
    }


def _fresh(actor: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def _clean_decisions(
    terms: ArbitrationTerms, decisions: list[DecisionInput]
) -> list[tuple[ScopeItem, str, Decimal | None]]:
    """Every question of the scope decided once, nothing outside it, within the money cap."""
    scope = list(terms.scope.order_by("position"))
    by_id = {item.id: item for item in scope}
    if any(d.scope_item_id not in by_id for d in decisions):
        raise InvalidInput(
            _(
                "The award decides only the questions the sides submitted in the arbitration "
                "agreement: a decision on anything else is outside the agreed scope."
            ),
            field="decisions",
        )
    given: dict[uuid.UUID, DecisionInput] = {}
    for d in decisions:
        if d.scope_item_id in given:
            raise InvalidInput(_("Decide each question once."), field="decisions")
        given[d.scope_item_id] = d
    cleaned: list[tuple[ScopeItem, str, Decimal | None]] = []
    for item in scope:
        field = f"decision_{item.position}"
        entry = given.get(item.id)
        text = entry.decision.replace("\r\n", "\n").strip() if entry else ""
        if not text:
            raise InvalidInput(
                _("Decide every question submitted; question %(n)d is not decided yet.")
                % {"n": item.position},
                field=field,
            )
        if len(text) > MAX_DECISION or "\x00" in text:
            raise InvalidInput(_("Keep each decision under 5,000 characters."), field=field)
        amount = clean_amount(entry.amount if entry else None, field_name=f"amount_{item.position}")
        cleaned.append((item, text, amount))
    total = sum((a for _i, _t, a in cleaned if a is not None), Decimal("0.00"))
    if terms.max_amount is not None and total > terms.max_amount:
        first = next(item for item, _t, a in cleaned if a is not None)
        raise InvalidInput(
            _(
                "The award orders %(total)s in total, more than the %(cap)s the sides agreed "
                "the arbitrator may award. That is outside the agreed scope."
            )
            % {
                "total": money(total, terms.currency),
                "cap": money(terms.max_amount, terms.currency),
            },
            field=f"amount_{first.position}",
        )
    return cleaned


def award_draft(
    *, actor: Participant, process: Process, reasons: str, decisions: list[DecisionInput]
) -> Award:
    """The arbitrator writes (or rewrites) the award. Only the arbitrator ever sees a draft;
    a new draft replaces the previous one; saving the same draft again changes nothing.

    Refused when it leaves a question undecided, decides anything outside the agreed scope, or
    orders more money than the agreed cap.
    """
    actor = _fresh(actor)
    process = Process.objects.select_related("case").get(id=process.id)
    terms = terms_in_force(process)
    check_draft_award(actor, process, terms)
    assert terms is not None  # noqa: S101 - check_draft_award refuses without terms
    text = reasons.replace("\r\n", "\n").strip()
    if not text:
        raise InvalidInput(_("Give the reasons for the award."), field="reasons")
    if len(text) > MAX_REASONS or "\x00" in text:
        raise InvalidInput(_("Keep the reasons under 50,000 characters."), field="reasons")
    cleaned = _clean_decisions(terms, decisions)
    with transaction.atomic():
        process = (
            Process.objects.select_for_update(of=("self",), no_key=True)
            .select_related("case")
            .get(id=process.id)
        )
        check_draft_award(actor, process, terms_in_force(process))
        previous = latest_draft(process)
        if previous is not None and previous.terms_id == terms.id and previous.reasons == text:
            earlier = [
                (d.scope_item_id, d.decision, d.amount)
                for d in previous.decisions.order_by("scope_item__position")
            ]
            if earlier == [(item.id, t, a) for item, t, a in cleaned]:
                return previous
        if previous is not None:
            previous.status = AwardStatus.SUPERSEDED
            previous.save(update_fields=["status"])
        number = (
            Award.objects.filter(process=process)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
            or 0
        ) + 1
        award = Award.objects.create(
            process=process,
            terms=terms,
            number=number,
            author=actor,
            reasons=text,
            sha256="0" * 64,
        )
        AwardDecision.objects.bulk_create(
            [
                AwardDecision(award=award, scope_item=item, decision=t, amount=a)
                for item, t, a in cleaned
            ]
        )
        award.sha256 = hashlib.sha256(
            canonical_json(award_fields(award, terms, cleaned))
        ).hexdigest()
        award.save(update_fields=["sha256"])
        record(
            actor=actor,
            action="arbitration.award_drafted",
            obj=award,
            payload={
                "number": number,
                "sha256": award.sha256,
                "reasons": content_hash(text),
                "replaces": str(previous.id) if previous else None,
            },
        )
    return award


def _clean_ip(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _judge_issue(actor: Participant, award: Award) -> tuple[Participant, Award]:
    actor = _fresh(actor)
    award = Award.objects.select_related("process__case", "terms__version").get(id=award.id)
    process = award.process
    terms = terms_in_force(process)
    states = side_states(process, terms, clock.now()) if terms is not None else []
    check_issue_award(actor, process, terms, states)
    if award.status == AwardStatus.ISSUED:
        raise Conflict(_("This award is already signed and issued."))
    latest = latest_draft(process)
    if award.status != AwardStatus.DRAFT or latest is None or latest.id != award.id:
        raise Conflict(
            _("This draft was replaced by a newer one: read the latest draft before signing."),
            field="award",
        )
    if terms is None or award.terms_id != terms.id:
        raise Conflict(_("The terms changed since this draft: write the award again."))
    return actor, award


def award_issue(
    *,
    actor: Participant,
    award: Award,
    sha256: str,
    intent: bool,
    step_up: StepUp,
    ip_address: str | None = None,
    user_agent: str = "",
) -> Award:
    """The arbitrator signs the latest draft (step-up), which issues it: binding, final, the
    arbitration's outcome. Refused, changing nothing: a replaced draft, a hash that is not the
    draft's, no statement of intent, a failed step-up, or a side that can still file."""
    actor, award = _judge_issue(actor, award)
    if sha256.strip().lower() != award.sha256:
        raise InvalidInput(
            _(
                "The fingerprint you confirmed is not this draft's. Reload the page and read "
                "the award again before signing."
            ),
            field="sha256",
        )
    if not intent:
        raise InvalidInput(
            _("Tick the statement to confirm that you sign and issue this award."), field="intent"
        )
    if actor.user is None:
        raise Forbidden(_("Your place in this case is not in effect yet."))
    method = step_up_verify(user=actor.user, proof=step_up)
    with transaction.atomic():
        case_id = (
            Process.objects.select_for_update(of=("self",), no_key=True)
            .values_list("case_id", flat=True)
            .get(id=award.process_id)
        )
        # Then the case (`case_lock`): an arbitrator removed meanwhile issues nothing.
        case_lock(case_id)
        actor, award = _judge_issue(actor, award)
        award.status = AwardStatus.ISSUED
        award.issued_at = clock.now()
        award.method = method
        award.intent_statement = AWARD_INTENT_VERSION
        award.ip_address = _clean_ip(ip_address)
        award.user_agent = user_agent[:300]
        award.save(
            update_fields=[
                "status",
                "issued_at",
                "method",
                "intent_statement",
                "ip_address",
                "user_agent",
            ]
        )
        record(
            actor=actor,
            action="arbitration.award_issued",
            obj=award,
            payload={"number": award.number, "sha256": award.sha256, "method": method},
        )
        process_end(actor=actor, process=award.process, outcome=Outcome.AWARD, award_signed=True)
        checkpoint = checkpoint_create(case_id=award.process.case_id, reason="award issued")
        award.checkpoint_id = checkpoint.id
        award.save(update_fields=["checkpoint_id"])
        notify_record(
            award.process, {"kind": "arbitration.award", "process": str(award.process_id)}
        )
    return award


def award_open(*, actor: Participant, award: Award) -> Award:
    """Record that the issued award was downloaded. Callers found it through `access_award`."""
    if award.status != AwardStatus.ISSUED:
        raise Conflict(_("This award has not been issued."))
    with transaction.atomic():
        record(
            actor=actor,
            action="arbitration.award_downloaded",
            obj=award,
            payload={"sha256": award.sha256},
        )
    return award
