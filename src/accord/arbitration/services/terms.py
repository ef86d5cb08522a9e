"""The arbitration agreement's terms: scope, rules, deadlines.

The terms are entered as fields, checked, and written out as the text of the next version of
the arbitration's one arbitration agreement (accord.agreements), which every party then
signs in the usual ceremony. The fields are stored beside that version, so the award can be
held to exactly the scope that was signed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from accord.agreements.document import escape_markdown
from accord.agreements.permissions import check_draft
from accord.agreements.services import arbitration_agreement_write
from accord.agreements.vocabulary import AgreementKind
from accord.arbitration.models import ArbitrationTerms, ScopeItem, SideDeadline
from accord.arbitration.services._audit import record
from accord.cases.models import Participant, Process
from accord.core import clock
from accord.core.errors import InvalidInput

MAX_QUESTIONS = 20
MAX_QUESTION = 500
MAX_RULES = 5_000
MAX_OTHER = 10_000
MAX_AMOUNT = Decimal("999999999999.99")
LONGEST_DEADLINE = dt.timedelta(days=730)


@dataclass(frozen=True)
class TermsInput:
    """The terms as typed: questions one per item, deadlines by side id."""

    scope: list[str]
    rules: str
    deadlines: dict[uuid.UUID, dt.datetime]
    award_days: int
    max_amount: Decimal | str | None = None
    currency: str = ""
    other_terms: str = ""


@dataclass(frozen=True)
class _Clean:
    scope: list[str]
    rules: str
    deadlines: list[tuple[uuid.UUID, str, dt.datetime]]  # side id, label, due
    award_days: int
    max_amount: Decimal | None
    currency: str
    other_terms: str


def clean_amount(value: Decimal | str | None, *, field_name: str) -> Decimal | None:
    """A money amount: not negative, two decimals at most, or None when left empty.

    Text must be in the canonical form ("2500.50", as JSON callers send it): pages parse
    what a person typed in their language first (core.amounts). A comma is refused rather
    than guessed: "2,500" is 2500 in English and 2.5 in French."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput(
            _("Enter an amount such as 2500 or 2500.50."), field=field_name
        ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise InvalidInput(_("Enter an amount of zero or more."), field=field_name)
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(_("Use at most two decimals."), field=field_name)
    return amount.quantize(Decimal("0.01"))


def _clean(process: Process, terms: TermsInput) -> _Clean:
    questions = [" ".join(q.split()) for q in terms.scope]
    questions = [q for q in questions if q]
    if not questions:
        raise InvalidInput(
            _("List at least one question for the arbitrator to decide."), field="scope"
        )
    if len(questions) > MAX_QUESTIONS:
        raise InvalidInput(_("List at most %(n)d questions.") % {"n": MAX_QUESTIONS}, field="scope")
    if any(len(q) > MAX_QUESTION for q in questions):
        raise InvalidInput(
            _("Keep each question under %(n)d characters.") % {"n": MAX_QUESTION}, field="scope"
        )
    if len({q.casefold() for q in questions}) != len(questions):
        raise InvalidInput(_("Each question should appear only once."), field="scope")
    rules = terms.rules.replace("\r\n", "\n").strip()
    if not rules:
        raise InvalidInput(
            _("Say which rules the arbitration follows (the procedure and the law)."),
            field="rules",
        )
    if len(rules) > MAX_RULES:
        raise InvalidInput(_("Keep the rules under 5,000 characters."), field="rules")
    now = clock.now()
    deadlines = []
    sides = list(process.case.sides.order_by("position"))
    unknown = set(terms.deadlines) - {s.id for s in sides}
    if unknown:
        raise InvalidInput(_("Set deadlines only for the sides of this case."), field="deadlines")
    for side in sides:
        due = terms.deadlines.get(side.id)
        if due is None:
            raise InvalidInput(
                _("Set a deadline for %(side)s.") % {"side": side.label}, field="deadlines"
            )
        if due.tzinfo is None:
            raise InvalidInput(_("Give each deadline with its time zone."), field="deadlines")
        if due <= now:
            raise InvalidInput(
                _("The deadline for %(side)s is already past: choose a later one.")
                % {"side": side.label},
                field="deadlines",
            )
        if due > now + LONGEST_DEADLINE:
            raise InvalidInput(
                _("Keep the deadline for %(side)s within two years.") % {"side": side.label},
                field="deadlines",
            )
        deadlines.append((side.id, side.label, due.astimezone(dt.UTC).replace(microsecond=0)))
    if not 1 <= terms.award_days <= 365:
        raise InvalidInput(
            _("Give the arbitrator between 1 and 365 days for the award."), field="award_days"
        )
    amount = clean_amount(terms.max_amount, field_name="max_amount")
    currency = terms.currency.strip().upper()
    if amount is not None and (len(currency) != 3 or not currency.isalpha()):
        raise InvalidInput(
            _("Give the currency as a three-letter code, such as CAD, EUR or USD."),
            field="currency",
        )
    if amount is None:
        currency = ""
    other = terms.other_terms.replace("\r\n", "\n").strip()
    if len(other) > MAX_OTHER:
        raise InvalidInput(_("Keep the other terms under 10,000 characters."), field="other_terms")
    for text in (rules, other, *questions):
        if "\x00" in text:
            raise InvalidInput(_("The text contains a character that cannot be stored."))
    return _Clean(questions, rules, deadlines, terms.award_days, amount, currency, other)


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}".strip()


def _compose(terms: _Clean) -> str:
    """The agreement's text, written out from the terms (in the drafter's language)."""
    lines = [
        _(
            "The sides of this case agree to submit the questions below to arbitration on "
            "Accord, under these terms, and to accept the arbitrator's award as final and "
            "binding."
        ),
        "",
        "## " + _("Scope: the questions the arbitrator decides"),
        "",
    ]
    lines += [f"{n}. {escape_markdown(q)}" for n, q in enumerate(terms.scope, start=1)]
    lines += ["", _("The award decides these questions and nothing else.")]
    if terms.max_amount is not None:
        lines[-1] += " " + _("In total it may order at most %(amount)s.") % {
            "amount": money(terms.max_amount, terms.currency)
        }
    lines += ["", "## " + _("Rules"), "", terms.rules, ""]
    lines += ["## " + _("Deadlines for submissions and evidence"), ""]
    lines += [
        f"- {escape_markdown(label)}: {due.strftime('%Y-%m-%d %H:%M')} UTC"
        for _side, label, due in terms.deadlines
    ]
    lines += [
        "",
        _("Nothing a side files after its deadline is accepted."),
        "",
        "## " + _("The award"),
        "",
        _(
            "The arbitrator gives a written award with reasons within %(n)d days after the "
            "last deadline. The award is binding."
        )
        % {"n": terms.award_days},
    ]
    if terms.other_terms:
        lines += ["", "## " + _("Other terms"), "", terms.other_terms]
    return "\n".join(lines)


def terms_draft(
    *, actor: Participant, process: Process, terms: TermsInput, based_on: int | None
) -> ArbitrationTerms:
    """Write the next version of the arbitration agreement from its terms.

    A party, an advocate or the arbitrator, while the arbitration is proposed or under way and
    its agreement is not yet signed by everyone. Earlier signatures are voided by the new
    version, as for any agreement.
    """
    actor = Participant.objects.select_related("case", "side", "user").get(id=actor.id)
    process = Process.objects.select_related("case").get(id=process.id)
    check_draft(actor, process, AgreementKind.ARBITRATION)
    clean = _clean(process, terms)
    with transaction.atomic():
        version = arbitration_agreement_write(
            actor=actor,
            process=process,
            title=_("Arbitration agreement"),
            body=_compose(clean),
            based_on=based_on,
        )
        saved = ArbitrationTerms.objects.create(
            version=version,
            process=process,
            rules=clean.rules,
            award_days=clean.award_days,
            max_amount=clean.max_amount,
            currency=clean.currency,
            other_terms=clean.other_terms,
        )
        ScopeItem.objects.bulk_create(
            [
                ScopeItem(terms=saved, position=n, question=q)
                for n, q in enumerate(clean.scope, start=1)
            ]
        )
        SideDeadline.objects.bulk_create(
            [
                SideDeadline(terms=saved, side_id=side, due_at=due)
                for side, _l, due in clean.deadlines
            ]
        )
        record(
            actor=actor,
            action="arbitration.terms_drafted",
            obj=saved,
            payload={
                "version": str(version.id),
                "sha256": version.sha256,
                "questions": len(clean.scope),
                "deadlines": {str(side): due.isoformat() for side, _l, due in clean.deadlines},
                "max_amount": str(clean.max_amount) if clean.max_amount is not None else None,
            },
        )
    return saved
