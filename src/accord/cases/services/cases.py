"""Opening a case and adding sides."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.audit.chain import content_hash
from accord.cases.models import Case, Participant, Side
from accord.cases.permissions import check_manage_case
from accord.cases.services._audit import record
from accord.cases.vocabulary import NEUTRAL_ROLES, SIDE_ROLES, CaseKind, ParticipantStatus, Role
from accord.core import clock
from accord.core.errors import Conflict, InvalidInput

MAX_SIDES = 12
_OPENER_ROLES = frozenset({Role.MEDIATOR, Role.COORDINATOR, Role.PRINCIPAL, Role.ADVOCATE})


def _clean_label(label: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned or len(cleaned) > 80:
        raise InvalidInput(_("A side needs a name of 1 to 80 characters."), field="sides")
    return cleaned


def case_open(
    *,
    user: User,
    title: str,
    kind: str,
    sides: list[str],
    opener_role: str,
    opener_side: str | None = None,
    jurisdiction: str = "",
    is_practice: bool = False,
) -> tuple[Case, Participant]:
    """Open a case with its first sides; the opener joins in the role they hold.

    Any signed-in user may open a case (a mediator, a program, or a party). A neutral opener's
    place takes effect once they have declared conflicts and turned on two-factor.
    """
    clean_title = " ".join(title.split())
    if not clean_title or len(clean_title) > 200:
        raise InvalidInput(_("A case needs a title of 1 to 200 characters."), field="title")
    if kind not in CaseKind.values:
        raise InvalidInput(_("Unknown kind of case."), field="kind")
    if len(jurisdiction) > 100:
        raise InvalidInput(_("Keep the jurisdiction under 100 characters."), field="jurisdiction")
    labels = [_clean_label(label) for label in sides]
    if len(labels) < 2:
        raise InvalidInput(_("A dispute has at least two sides."), field="sides")
    if len(labels) > MAX_SIDES:
        raise InvalidInput(
            _("A case can have at most %(n)d sides.") % {"n": MAX_SIDES}, field="sides"
        )
    if len({label.casefold() for label in labels}) != len(labels):
        raise InvalidInput(_("Each side needs a different name."), field="sides")
    if opener_role not in _OPENER_ROLES:
        raise InvalidInput(
            _("Open a case as its mediator, coordinator, a party or an advocate."),
            field="opener_role",
        )
    if opener_role in SIDE_ROLES:
        if opener_side is None or _clean_label(opener_side) not in labels:
            raise InvalidInput(_("Say which side you are on."), field="opener_side")
    elif opener_side is not None:
        raise InvalidInput(_("A neutral belongs to no side."), field="opener_side")

    with transaction.atomic():
        case = Case.objects.create(
            title=clean_title,
            kind=kind,
            jurisdiction=jurisdiction.strip(),
            is_practice=is_practice,
            opened_by=user,
        )
        created = [
            Side.objects.create(case=case, label=label, position=index)
            for index, label in enumerate(labels)
        ]
        side = next(
            (s for s in created if opener_side and s.label == _clean_label(opener_side)), None
        )
        neutral = opener_role in NEUTRAL_ROLES
        opener = Participant.objects.create(
            case=case,
            user=user,
            email=user.email,
            role=opener_role,
            side=side,
            status=ParticipantStatus.PENDING if neutral else ParticipantStatus.ACTIVE,
            joined_at=clock.now(),
        )
        record(
            case=case,
            actor=opener,
            action="case.opened",
            obj=case,
            payload={
                "kind": kind,
                "title": content_hash(clean_title),
                "practice": is_practice,
                "sides": len(created),
            },
        )
        for s in created:
            record(
                case=case,
                actor=opener,
                action="side.added",
                obj=s,
                payload={"position": s.position},
            )
        record(
            case=case,
            actor=opener,
            action="participant.joined",
            obj=opener,
            payload={"role": opener_role, "side": str(side.id) if side else None},
        )
    return case, opener


def side_add(*, actor: Participant, case: Case, label: str) -> Side:
    """A manager adds a side (e.g. grandparents joining a parenting dispute)."""
    check_manage_case(actor, case)
    clean = _clean_label(label)
    with transaction.atomic():
        existing = list(
            case.sides.select_for_update(of=("self",), no_key=True).order_by("position")
        )
        if any(s.label.casefold() == clean.casefold() for s in existing):
            raise Conflict(_("This case already has a side with that name."), field="label")
        if len(existing) >= MAX_SIDES:
            raise InvalidInput(_("A case can have at most %(n)d sides.") % {"n": MAX_SIDES})
        side = Side.objects.create(case=case, label=clean, position=len(existing))
        record(
            case=case,
            actor=actor,
            action="side.added",
            obj=side,
            payload={"position": side.position},
        )
    return side
