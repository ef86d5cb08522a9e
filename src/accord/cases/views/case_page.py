"""The case page: what waits on me, the timeline of processes and their outcomes, the
people, and the documents I may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.permissions import can_invite, can_propose_process, is_manager
from accord.cases.selectors import (
    case_overviews,
    people_of,
    processes_of,
    shown_email,
    sides_of,
)
from accord.cases.views._common import only_get, places_in_case, user_of
from accord.cases.views._links import ProcessLinks, process_links, room_name
from accord.cases.vocabulary import Role
from accord.rooms.models import Attachment


@dataclass(frozen=True)
class Document:
    name: str
    size: int
    url: str
    where: str
    shared_by: str
    shared_at: Any


def documents_in(room_ids: list[uuid.UUID]) -> list[Document]:
    """The files of the rooms the rooms app's selector (`rooms_for_user`, the one visibility
    rule) let this viewer see; nothing outside those rooms is ever read here."""
    files = (
        Attachment.objects.filter(message__room_id__in=room_ids)
        .select_related("message__room__side", "message__author__user", "blob")
        .order_by("created_at")
    )
    return [
        Document(
            name=f.filename,
            size=f.blob.size,
            url=reverse("api:download_attachment", kwargs={"attachment_id": f.id}),
            where=room_name(f.message.room),
            shared_by=f.message.author.user.display_name if f.message.author.user else "",
            shared_at=f.created_at,
        )
        for f in files
    ]


@dataclass(frozen=True)
class Step:
    process: Process
    links: ProcessLinks


@dataclass(frozen=True)
class Group:
    title: str
    rows: list[dict[str, Any]]


def _people(*, user: User, places: list[Participant], manager: bool) -> tuple[list[Group], int]:
    """Everyone current, grouped by side; managers also see open invitations and e-mails."""
    case = places[0].case
    people = people_of(case=case, with_open_invitations=manager, viewer=user)
    groups: dict[uuid.UUID | None, list[dict[str, Any]]] = {}
    for person in people:
        groups.setdefault(person.side_id, []).append(
            {
                "person": person,
                "name": person.user.display_name if person.user else "",
                "role": person.get_role_display(),
                "you": person.user_id == user.id,
                "email": shown_email(person, viewer=user, manager=manager),
            }
        )
    listed = [Group(_("Neutrals and observers"), groups[None])] if None in groups else []
    listed += [Group(side.label, groups.get(side.id, [])) for side in sides_of(case)]
    return listed, len(people)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def case(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    places = places_in_case(request, case_id)
    refused = only_get(request)
    if refused is not None:
        return refused
    user = user_of(request)
    the_case = places[0].case
    manager = any(is_manager(p) for p in places)
    overview = case_overviews(user=user, case=the_case)[0]
    steps = [
        Step(process, process_links(user=user, process=process, places=places))
        for process in processes_of(the_case)
    ]
    groups, count = _people(user=user, places=places, manager=manager)
    context = {
        "case": the_case,
        "places": places,
        "overview": overview,
        "steps": steps,
        "groups": groups,
        "people_count": count,
        "manager": manager,
        "may_invite": any(can_invite(p, the_case, Role.ADVOCATE, p.side_id) for p in places),
        "may_propose": overview.proposed is None
        and any(can_propose_process(p, the_case) for p in places),
        "documents": documents_in([rid for step in steps for rid in step.links.room_ids]),
    }
    return render(request, "cases/case.html", context)
