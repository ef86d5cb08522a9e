"""Case intake: opening a case, its sides and people, and a neutral's appointment
(conflict declaration, two-factor, taking it up), and med-arb consent."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.accounts.selectors import user_has_strong_auth
from accord.cases import services
from accord.cases.forms import (
    AcknowledgeForm,
    AppointForm,
    CaseOpenForm,
    ConfirmForm,
    ConflictForm,
    InviteForm,
    SideAddForm,
    person_label,
)
from accord.cases.models import Participant, Side
from accord.cases.permissions import (
    can_declare_conflicts,
    can_invite,
    can_med_arb_consent,
    can_remove,
    check_declare_conflicts,
    check_manage_case,
    check_med_arb_consent,
    is_manager,
)
from accord.cases.selectors import (
    conflict_candidates,
    has_mediated,
    latest_declaration,
    med_arb_consented_side_ids,
    participant_in_case,
    people_of,
    shown_email,
    sides_of,
)
from accord.cases.services.participants import MED_ARB_TEXT_VERSION
from accord.cases.views._common import (
    acting_in_case,
    case_url,
    posted,
    refuse_into,
    replayed,
    submit_once,
    user_of,
)
from accord.cases.vocabulary import NEUTRAL_ROLES, ParticipantStatus, Role
from accord.core.errors import AccordError, Forbidden

_OPEN = (ParticipantStatus.INVITED, ParticipantStatus.PENDING, ParticipantStatus.ACTIVE)


def _people_url(case_id: uuid.UUID) -> str:
    return reverse("cases:people", kwargs={"case_id": case_id})


# --- opening a case ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def open_case(request: HttpRequest) -> HttpResponse:
    """Any signed-in person may open a case: a mediator, a program, a party."""
    user = user_of(request)
    form = CaseOpenForm(posted(request))
    if request.method == "POST":

        def act() -> HttpResponse:
            if not form.is_valid():
                return render(request, "cases/open.html", {"form": form})
            data = form.cleaned_data
            try:
                case, opener = services.case_open(
                    user=user,
                    title=data["title"],
                    kind=data["kind"],
                    sides=data["sides"],
                    opener_role=data["opener_role"],
                    opener_side=data["opener_side"],
                    jurisdiction=data["jurisdiction"],
                    is_practice=data["is_practice"],
                )
            except AccordError as error:
                status = refuse_into(form, error)
                return render(request, "cases/open.html", {"form": form}, status=status)
            if opener.role in NEUTRAL_ROLES:
                messages.success(
                    request,
                    _(
                        "The case is open. Before you can invite people, your appointment must "
                        "take effect: declare any conflict of interest first."
                    ),
                )
                return redirect("cases:conflicts", case_id=case.id)
            messages.success(request, _("The case is open. Now invite the people in it."))
            return redirect("cases:people", case_id=case.id)

        return submit_once(request, form, act, fallback=reverse("home"))
    return render(request, "cases/open.html", {"form": form})


# --- sides and people ----------------------------------------------------------------------


def _invite_roles(actor: Participant) -> tuple[list[Role], list[Side]]:
    """Who the actor may invite, and to which sides (the services hold the same rule)."""
    case = actor.case
    if is_manager(actor):
        roles = [Role.PRINCIPAL, Role.ADVOCATE, Role.SUPPORT]
        if case.is_practice:
            roles.append(Role.OBSERVER)
        return roles, sides_of(case)
    if actor.is_current and actor.role in (Role.PRINCIPAL, Role.ADVOCATE) and actor.side:
        # While nobody runs the case, a party (or the advocate who opened it for them) also
        # invites the party of a side with none, their own included for an advocate.
        open_sides = [
            side
            for side in sides_of(case)
            if side.id != actor.side_id and can_invite(actor, case, Role.PRINCIPAL, side.id)
        ]
        if open_sides or can_invite(actor, case, Role.PRINCIPAL, actor.side_id):
            return [Role.ADVOCATE, Role.SUPPORT, Role.PRINCIPAL], [actor.side, *open_sides]
        return [Role.ADVOCATE, Role.SUPPORT], [actor.side]
    check_manage_case(actor, case)  # raises with the rule's words
    return [], []


def _appoint_roles(actor: Participant) -> list[tuple[str, str]]:
    """The neutrals the actor may appoint: any, for a manager; a party, only the first
    mediator or coordinator of a case that has none (the services hold the same rule)."""
    if is_manager(actor):
        return list(AppointForm.base_fields["role"].choices)  # type: ignore[attr-defined]
    return [
        (role.value, str(role.label))
        for role in (Role.MEDIATOR, Role.COORDINATOR)
        if can_invite(actor, actor.case, role, None)
    ]


def _appoint_form(actor: Participant, data: Any = None) -> AppointForm | None:
    roles = _appoint_roles(actor)
    if not roles:
        return None
    form = AppointForm(data)
    form.fields["role"].choices = roles  # type: ignore[attr-defined]
    return form


def _people_page(
    request: HttpRequest,
    actor: Participant,
    *,
    side_form: SideAddForm | None = None,
    invite_form: InviteForm | None = None,
    appoint_form: AppointForm | None = None,
    status: int = 200,
) -> HttpResponse:
    case = actor.case
    roles, sides = _invite_roles(actor)
    manager = is_manager(actor)
    user = user_of(request)
    people = people_of(case=case, with_open_invitations=manager, viewer=user)
    rows: list[dict[str, Any]] = []
    for person in people:
        person.case = case
        rows.append(
            {
                "person": person,
                "name": person_label(person),
                "email": shown_email(person, viewer=user, manager=manager),
                "removable": person.status in _OPEN and can_remove(actor, person),
            }
        )
    appoint = appoint_form or _appoint_form(actor)
    context = {
        "case": case,
        "actor": actor,
        "manager": manager,
        "setting_up": not manager and (Role.PRINCIPAL in roles or appoint is not None),
        "invites_parties": not manager and Role.PRINCIPAL in roles,
        "sides": sides_of(case),
        "rows": rows,
        "side_form": side_form or (SideAddForm() if manager else None),
        "invite_form": invite_form or InviteForm(roles=roles, sides=sides),
        "appoint_form": appoint,
    }
    return render(request, "cases/people.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def people(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    actor = acting_in_case(request, case_id, can=is_manager)
    if (done := replayed(request)) is not None:
        return done
    if request.method == "POST":
        return redirect("cases:people", case_id=actor.case_id)
    return _people_page(request, actor)


@login_required
@require_http_methods(["GET", "POST"])
def side_add(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    actor = acting_in_case(request, case_id, can=is_manager)
    if (done := replayed(request)) is not None:
        return done
    if request.method != "POST":
        return redirect("cases:people", case_id=actor.case_id)
    form = SideAddForm(request.POST)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            try:
                side = services.side_add(
                    actor=actor, case=actor.case, label=form.cleaned_data["label"]
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(request, _("Side “%(side)s” added.") % {"side": side.label})
                return redirect("cases:people", case_id=actor.case_id)
        return _people_page(request, actor, side_form=form, status=status)

    return submit_once(request, form, act, fallback=_people_url(actor.case_id))


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Invite a party, an advocate or a support person; the link goes by e-mail only."""
    actor = acting_in_case(request, case_id, can=lambda p: bool(_safe_roles(p)[0]))
    if (done := replayed(request)) is not None:
        return done
    if request.method != "POST":
        return redirect("cases:people", case_id=actor.case_id)
    roles, sides = _invite_roles(actor)
    form = InviteForm(request.POST, roles=roles, sides=sides)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            data = form.cleaned_data
            try:
                person, _issued = services.participant_invite(
                    actor=actor,
                    case=actor.case,
                    email=data["email"],
                    role=data["role"],
                    side=data["side"],
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s. Their link works once.")
                    % {"email": person.email},
                )
                return redirect("cases:people", case_id=actor.case_id)
        return _people_page(request, actor, invite_form=form, status=status)

    return submit_once(request, form, act, fallback=_people_url(actor.case_id))


def _safe_roles(actor: Participant) -> tuple[list[Role], list[Side]]:
    try:
        return _invite_roles(actor)
    except AccordError:
        return [], []


@login_required
@require_http_methods(["GET", "POST"])
def appoint(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Appoint a neutral: they are invited, declare conflicts, turn on two-factor, take it up."""
    actor = acting_in_case(request, case_id, can=lambda p: bool(_appoint_roles(p)))
    if (done := replayed(request)) is not None:
        return done
    if request.method != "POST":
        return redirect("cases:people", case_id=actor.case_id)
    form = _appoint_form(actor, request.POST)
    if form is None:
        check_manage_case(actor, actor.case)  # raises with the rule's words
        raise Forbidden(_("Only the case's mediator or coordinator can appoint a neutral."))

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            data = form.cleaned_data
            try:
                person, _issued = services.participant_invite(
                    actor=actor, case=actor.case, email=data["email"], role=data["role"]
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Appointment sent to %(email)s. It takes effect once they have "
                        "declared any conflict of interest and turned on two-factor sign-in."
                    )
                    % {"email": person.email},
                )
                return redirect("cases:people", case_id=actor.case_id)
        return _people_page(request, actor, appoint_form=form, status=status)

    return submit_once(request, form, act, fallback=_people_url(actor.case_id))


@login_required
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, case_id: uuid.UUID, participant_id: uuid.UUID) -> HttpResponse:
    """Confirm, then end someone's place in the case; their history stays."""
    actor = acting_in_case(request, case_id, can=is_manager)
    if (done := replayed(request)) is not None:
        return done
    person = participant_in_case(case=actor.case, participant_id=participant_id)
    form = ConfirmForm(posted(request))
    context = {"case": actor.case, "person": person, "name": person_label(person), "form": form}
    if request.method == "POST":

        def act() -> HttpResponse:
            try:
                services.participant_remove(actor=actor, participant=person)
            except AccordError as error:
                status = refuse_into(form, error)
                return render(request, "cases/remove.html", context, status=status)
            messages.success(request, _("%(name)s is no longer in the case.") % context)
            return redirect("cases:people", case_id=actor.case_id)

        return submit_once(request, form, act, fallback=_people_url(actor.case_id))
    return render(request, "cases/remove.html", context)


# --- a neutral's appointment ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def conflicts(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A neutral declares relationships and financial interests before acting."""
    actor = acting_in_case(request, case_id, can=can_declare_conflicts)
    if (done := replayed(request)) is not None:
        return done
    check_declare_conflicts(actor)
    candidates = conflict_candidates(neutral=actor)
    form = ConflictForm(posted(request), candidates=candidates)
    context = {"case": actor.case, "actor": actor, "form": form}
    if request.method == "POST":

        def act() -> HttpResponse:
            status = 200
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.neutral_declare_conflicts(
                        actor=actor,
                        related_to=data["related_to"],
                        financial_interest=data["financial_interest"],
                        details=data["details"],
                    )
                except AccordError as error:
                    status = refuse_into(form, error)
                else:
                    return _after_declaring(request, actor)
            return render(request, "cases/conflicts.html", context, status=status)

        return submit_once(request, form, act, fallback=case_url(actor.case_id))
    return render(request, "cases/conflicts.html", context)


def _after_declaring(request: HttpRequest, actor: Participant) -> HttpResponse:
    actor.refresh_from_db(fields=["status"])
    if actor.status == ParticipantStatus.DECLINED:
        messages.info(
            request,
            _(
                "Thank you for declaring it. With a conflict of interest you cannot act as a "
                "neutral in this case, so this appointment ends here."
            ),
        )
        return redirect("home")
    if actor.status == ParticipantStatus.ACTIVE:
        messages.success(request, _("Thank you. Your appointment is in effect."))
        return redirect("cases:case", case_id=actor.case_id)
    messages.success(request, _("Thank you. One more step before your appointment takes effect."))
    return redirect("cases:take_effect", case_id=actor.case_id)


def _is_neutral(place: Participant) -> bool:
    return place.role in NEUTRAL_ROLES


@login_required
@require_http_methods(["GET", "POST"])
def take_effect(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Where a neutral's appointment stands, and taking it up once every condition holds."""
    actor = acting_in_case(
        request,
        case_id,
        can=lambda p: _is_neutral(p) and p.status == ParticipantStatus.PENDING,
    )
    if (done := replayed(request)) is not None:
        return done
    if not _is_neutral(actor):
        raise Forbidden(_("Only a neutral has an appointment to take up."))
    user = user_of(request)
    declaration = latest_declaration(actor)
    needs_med_arb = actor.role == Role.ARBITRATOR and has_mediated(
        case=actor.case, user_id=actor.user_id
    )
    consented = med_arb_consented_side_ids(actor.case) if needs_med_arb else set()
    form = ConfirmForm(posted(request))
    context = {
        "case": actor.case,
        "actor": actor,
        "form": form,
        "declared": declaration is not None,
        "has_2fa": user_has_strong_auth(user),
        "needs_med_arb": needs_med_arb,
        "med_arb_missing": [s.label for s in sides_of(actor.case) if s.id not in consented],
        "reason": services.appointment_blockers(actor)
        if actor.status == ParticipantStatus.PENDING
        else None,
    }
    if request.method == "POST":

        def act() -> HttpResponse:
            try:
                services.neutral_take_effect(actor=actor)
            except AccordError as error:
                status = refuse_into(form, error)
                return render(request, "cases/appointment.html", context, status=status)
            messages.success(request, _("Your appointment is in effect."))
            return redirect("cases:case", case_id=actor.case_id)

        return submit_once(request, form, act, fallback=case_url(actor.case_id))
    return render(request, "cases/appointment.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def med_arb(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A party records their side's informed consent that the mediator may arbitrate."""
    actor = acting_in_case(request, case_id, can=can_med_arb_consent)
    if (done := replayed(request)) is not None:
        return done
    check_med_arb_consent(actor)
    already = actor.side_id in med_arb_consented_side_ids(actor.case)
    form = AcknowledgeForm(
        posted(request),
        statement=_(
            "I understand what med-arb means, and my side agrees that our mediator may "
            "decide the case as arbitrator."
        ),
    )
    context = {
        "case": actor.case,
        "actor": actor,
        "form": form,
        "already": already,
        "text_template": f"cases/terms/{MED_ARB_TEXT_VERSION}.html",
    }
    if request.method == "POST":

        def act() -> HttpResponse:
            status = 200
            if form.is_valid():
                try:
                    services.med_arb_consent_give(actor=actor)
                except AccordError as error:
                    status = refuse_into(form, error)
                else:
                    messages.success(request, _("Your side's consent to med-arb is recorded."))
                    return redirect("cases:case", case_id=actor.case_id)
            return render(request, "cases/med_arb.html", context, status=status)

        return submit_once(request, form, act, fallback=case_url(actor.case_id))
    return render(request, "cases/med_arb.html", context)
