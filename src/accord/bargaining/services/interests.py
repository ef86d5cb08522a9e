"""Positions and interests, and the mediator's interest map.

A side's words are posted as a message in its private session (or, without a mediator, its
side room) through the rooms' own service, so the one visibility rule decides who reads them.
Sharing one is a deliberate act of the side, item by item: in mediation a release like any
private-session item (the mediator then carries it); in negotiation, where nobody carries
words between rooms, a party of the side posts it into the joint room itself.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from accord.bargaining.matching import suggest_matches
from accord.bargaining.models import AgendaIssue, Interest, InterestLink, InterestShare
from accord.bargaining.permissions import check_facilitate, check_share_joint, check_side_act
from accord.bargaining.selectors import (
    common_ground_sides,
    interest_room,
    interests_visible_to,
    joint_room,
    links_of,
)
from accord.bargaining.services._common import (
    audit,
    check_key,
    fresh,
    locked_process,
    notify,
    process_row_locked,
    side_of,
)
from accord.bargaining.vocabulary import (
    AgendaState,
    InterestCategory,
    InterestKind,
    LinkStatus,
    Relation,
    Topic,
)
from accord.cases.models import Participant, Process
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms.models import Release, Room
from accord.rooms.services import message_post, release_grant, rooms_ensure

MAX_TEXT = 2000
MAX_SUMMARY = 300
# How many new suggestions one run of the finder adds at most, best first.
MAX_SUGGESTIONS = 30


def interest_record(
    *,
    actor: Participant,
    issue: AgendaIssue,
    kind: str,
    text: str,
    client_key: str,
    category: str = "",
) -> Interest:
    """A party or advocate writes down their side's position or an interest behind it.

    Private to the side and the mediator. A resend with the same key returns the first."""
    check_key(client_key)
    words = (text or "").strip()
    if kind not in InterestKind.values:
        raise InvalidInput(_("Choose a position or an interest."), field="kind")
    if kind == InterestKind.INTEREST and category not in InterestCategory.values:
        raise InvalidInput(
            _("Say whether it is a need, a concern, a fear or a hope."), field="category"
        )
    if kind == InterestKind.POSITION:
        category = ""
    if not words:
        raise InvalidInput(_("Write a sentence or two."), field="text")
    if len(words) > MAX_TEXT:
        raise InvalidInput(_("Keep it under %(n)d characters.") % {"n": MAX_TEXT}, field="text")
    process = issue.process
    rooms_ensure(process=process)
    with transaction.atomic():
        process, actor = process_row_locked(process), fresh(actor)
        check_side_act(actor, process)
        issue = AgendaIssue.objects.get(id=issue.id)
        if issue.state != AgendaState.ON_AGENDA:
            raise Conflict(_("This issue is not on the agenda."))
        room = interest_room(process, actor.side_id) if actor.side_id else None
        if room is None:
            raise Conflict(_("Your side has no private room in this process."))
        message = message_post(
            actor=actor, room=room, body=words, client_key=f"interest:{client_key}"[:64]
        )
        existing = Interest.objects.filter(message=message).first()
        if existing is not None:
            return existing
        interest = Interest.objects.create(
            issue=issue,
            side_id=side_of(actor),
            kind=kind,
            category=category,
            message=message,
            recorded_by=actor,
        )
        audit(
            actor,
            "interest.recorded",
            interest,
            {"issue": str(issue.id), "kind": kind, "message": str(message.id)},
        )
        notify(process, Topic.INTERESTS, sides=[actor.side_id])
    return interest


def _ground(process: Process) -> dict[uuid.UUID, frozenset[uuid.UUID]]:
    """The common ground the parties see now: link id -> the sides that see it."""
    return common_ground_sides(process)


def _tell_common_ground(
    process: Process,
    before: dict[uuid.UUID, frozenset[uuid.UUID]],
    *,
    also: list[uuid.UUID] | None = None,
) -> None:
    """The mediator always hears of the map; a side only when "what you both care about"
    changed for it (or, with `also`, when its own items changed)."""
    after = _ground(process)
    changed = set(before) ^ set(after)
    sides = {side for link in changed for side in {**before, **after}[link]}
    notify(process, Topic.COMMON_GROUND, sides=sorted(sides | set(also or []), key=str))


def interest_share(*, actor: Participant, interest: Interest, mode: str, target: Room) -> Release:
    """A party lets the mediator share one position or interest: a release, as for any
    private-session item (the rooms' service checks who may and where to). A double submit
    returns the one release."""
    with transaction.atomic():
        process = process_row_locked(interest.issue.process)
        before = _ground(process)
        release = release_grant(actor=actor, message=interest.message, mode=mode, target=target)
        _tell_common_ground(process, before, also=[interest.side_id])
    return release


def _shared_words(interest: Interest) -> str:
    """What the joint room reads: where the words come from, then the words as written."""
    kind = str(InterestKind(interest.kind).label)
    if interest.category:
        kind = f"{kind}: {InterestCategory(interest.category).label}"
    heading = _("From our notes on “%(issue)s” (%(kind)s):") % {
        "issue": interest.issue.title,
        "kind": kind,
    }
    return f"{heading}\n{interest.message.body}"


def interest_share_joint(*, actor: Participant, interest: Interest) -> InterestShare:
    """A party shares one of its side's positions or interests with everyone, where no
    mediator carries words between rooms (negotiation): it posts the item, with where it
    comes from, into the joint room, and the item shows as shared. Item by item, by a party
    of the side (or, where the negotiation runs through advocates, the side's advocate, who
    speaks for it there); it cannot be taken back, as nothing said is. A second submit
    returns the first share."""
    with transaction.atomic():
        process = process_row_locked(interest.issue.process)
        actor = fresh(actor)
        interest = (
            Interest.objects.select_for_update(of=("self",), no_key=True)
            .select_related("issue__process__case", "message__room__process__case", "side")
            .get(id=interest.id)
        )
        check_share_joint(actor, interest)
        existing = InterestShare.objects.filter(interest=interest).first()
        if existing is not None:
            return existing
        room = joint_room(process)
        if room is None:
            raise Conflict(_("There is no joint room to share into."))
        message = message_post(
            actor=actor,
            room=room,
            body=_shared_words(interest),
            client_key=f"share:{interest.id}",
        )
        share = InterestShare.objects.create(interest=interest, message=message, shared_by=actor)
        audit(
            actor,
            "interest.shared",
            share,
            {"interest": str(interest.id), "message": str(message.id), "room": str(room.id)},
        )
        notify(process, Topic.INTERESTS)
    return share


def links_suggest(*, actor: Participant, process: Process) -> list[InterestLink]:
    """The common-ground finder: the mediator asks for interests of different sides that
    seem to say the same thing. Each suggestion waits for the mediator's decision; pairs
    already suggested, confirmed or dismissed are never suggested again."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_facilitate(actor, process)
        interests = [
            i
            for i in interests_visible_to(viewer=actor, process=process)
            if i.kind == InterestKind.INTEREST
        ]
        known = {frozenset((link.first_id, link.second_id)) for link in links_of(process)}
        texts = [i.message.body for i in interests]
        created: list[InterestLink] = []
        for match in suggest_matches(texts):
            first, second = interests[match.first], interests[match.second]
            if first.side_id == second.side_id or frozenset((first.id, second.id)) in known:
                continue
            created.append(
                InterestLink.objects.create(
                    process=process,
                    first=first,
                    second=second,
                    relation=Relation.SHARED if match.shared else Relation.COMPATIBLE,
                    status=LinkStatus.SUGGESTED,
                    score=round(match.score, 4),
                )
            )
            known.add(frozenset((first.id, second.id)))
            if len(created) >= MAX_SUGGESTIONS:
                break
        audit(actor, "interest.matched", process, {"suggested": len(created)})
        if created:  # suggestions are the mediator's to decide: nobody else sees them
            notify(process, Topic.COMMON_GROUND, sides=[])
    return created


def _summary(relation: str, summary: str) -> str:
    text = (summary or "").strip()
    if relation not in Relation.values:
        raise InvalidInput(_("Choose shared, compatible or conflicting."), field="relation")
    if relation != Relation.CONFLICTING and not text:
        raise InvalidInput(
            _("Say in your own words what they both care about; the parties will see this."),
            field="summary",
        )
    if len(text) > MAX_SUMMARY:
        raise InvalidInput(
            _("Keep it under %(n)d characters.") % {"n": MAX_SUMMARY}, field="summary"
        )
    return text


def link_decide(
    *, actor: Participant, link: InterestLink, confirm: bool, relation: str = "", summary: str = ""
) -> InterestLink:
    """The mediator confirms a suggestion (with its relation and a summary in their own
    words) or dismisses it."""
    with transaction.atomic():
        before = _ground(locked_process(link.process))
        actor = fresh(actor)
        link = (
            InterestLink.objects.select_for_update(of=("self",), no_key=True)
            .select_related("process__case")
            .get(id=link.id)
        )
        check_facilitate(actor, link.process)
        if link.status != LinkStatus.SUGGESTED:
            raise Conflict(_("This suggestion has already been decided."))
        if confirm:
            relation = relation or link.relation
            link.summary = _summary(relation, summary)
            link.relation = relation
            link.status = LinkStatus.CONFIRMED
        else:
            link.status = LinkStatus.DISMISSED
        link.decided_by = actor
        link.decided_at = clock.now()
        link.save(update_fields=["relation", "summary", "status", "decided_by", "decided_at"])
        audit(
            actor, "interest.link_decided", link, {"status": link.status, "relation": link.relation}
        )
        _tell_common_ground(link.process, before)
    return link


def link_add(
    *, actor: Participant, first: Interest, second: Interest, relation: str, summary: str = ""
) -> InterestLink:
    """The mediator links two sides' interests the finder did not pair."""
    with transaction.atomic():
        process = locked_process(first.issue.process)
        before = _ground(process)
        actor = fresh(actor)
        check_facilitate(actor, process)
        if second.issue.process_id != process.id or first.side_id == second.side_id:
            raise Forbidden(_("Link interests of two different sides of this process."))
        text = _summary(relation, summary)
        existing = InterestLink.objects.filter(first=first, second=second).first() or (
            InterestLink.objects.filter(first=second, second=first).first()
        )
        if existing is not None:
            raise Conflict(_("These two interests are already linked."))
        link = InterestLink.objects.create(
            process=process,
            first=first,
            second=second,
            relation=relation,
            status=LinkStatus.CONFIRMED,
            summary=text,
            decided_by=actor,
            decided_at=clock.now(),
        )
        audit(actor, "interest.linked", link, {"relation": relation})
        _tell_common_ground(process, before)
    return link
