"""Words for rooms, people and releases, as one viewer should read them.

The page and the socket render the same partials with these tags, so a message reads the
same whether it was on the page when it loaded or arrived live.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from accord.cases.models import Participant, Process
from accord.cases.vocabulary import SIDE_ROLES, ProcessKind, Role
from accord.rooms.forms import RelayState, ReleaseState
from accord.rooms.models import Message, Release, Room, RoomKind

register = template.Library()


def _neutral(process: Process) -> str:
    """The facilitating neutral of a process with private sessions, in running text."""
    if process.kind == ProcessKind.PARENTING_COORDINATION:
        return str(Role.COORDINATOR.label).lower()
    return str(Role.MEDIATOR.label).lower()


def _own_side(viewer: Participant, room: Room) -> bool:
    return viewer.side_id is not None and viewer.side_id == room.side_id


@register.simple_tag
def room_name(room: Room, viewer: Participant) -> str:
    """The room's name for tabs and headings."""
    side = room.side.label if room.side else ""
    if room.kind == RoomKind.JOINT:
        return _("Joint room")
    if room.kind == RoomKind.CAUCUS:
        if _own_side(viewer, room):
            return _("Private session with the %(neutral)s") % {"neutral": _neutral(room.process)}
        return _("Private session: %(side)s") % {"side": side}
    if room.kind == RoomKind.SIDE:
        if _own_side(viewer, room):
            return _("Your side's room")
        return _("Side room: %(side)s") % {"side": side}
    if room.kind == RoomKind.NEUTRALS:
        return _("Private notes")
    return _("Record")


@register.simple_tag
def room_audience(room: Room, viewer: Participant) -> str:
    """Who can read the room, in plain words: a party should never have to guess."""
    side = room.side.label if room.side else ""
    neutral = _neutral(room.process)
    if room.kind == RoomKind.JOINT:
        return _("Everyone taking part can read this room.")
    if room.kind == RoomKind.CAUCUS:
        if _own_side(viewer, room):
            return _(
                "Only your side and the %(neutral)s can read this. Nothing said here goes "
                "further unless a party of your side allows it."
            ) % {"neutral": neutral}
        return _(
            "Only %(side)s and the %(neutral)s can read this. Share from here only what a "
            "party of %(side)s allowed."
        ) % {"side": side, "neutral": neutral}
    if room.kind == RoomKind.SIDE:
        return _("Only your side can read this room. No neutral ever sees it.")
    if room.kind == RoomKind.NEUTRALS:
        return _("Only the neutrals of this process can read these notes.")
    return _("Every side and the arbitrator can read the record.")


@register.simple_tag
def target_name(room: Room) -> str:
    """Where a release may go, as the end of a sentence ("… with the joint room")."""
    if room.kind == RoomKind.JOINT:
        return _("the joint room (everyone)")
    label = room.side.label if room.side else ""
    return _("the private session of %(side)s") % {"side": label}


@register.simple_tag
def author_name(message: Message, viewer: Participant) -> str:
    if viewer.user_id is not None and message.author.user_id == viewer.user_id:
        return _("You")
    user = message.author.user
    return user.display_name if user else _("Someone who has not joined")


@register.simple_tag
def author_place(message: Message) -> str:
    """The author's side for side roles ("Applicant"), else their role ("Mediator")."""
    author = message.author
    if author.role in SIDE_ROLES and author.side is not None:
        if author.role == Role.PRINCIPAL:
            return author.side.label
        return _("%(role)s, %(side)s") % {
            "role": author.get_role_display(),
            "side": author.side.label,
        }
    return str(author.get_role_display())


@register.simple_tag
def relay_origin(message: Message) -> str:
    """Where a relayed message came from: "shared with the permission of …"."""
    release = message.relay_of
    if release is None:
        return ""
    granter = release.granted_by
    name = granter.user.display_name if granter.user else ""
    side = granter.side.label if granter.side else ""
    if release.mode == Release.Mode.VERBATIM:
        return _("Shared word for word with the permission of %(name)s (%(side)s).") % {
            "name": name,
            "side": side,
        }
    return _(
        "The gist, in the mediator's words, shared with the permission of %(name)s (%(side)s)."
    ) % {"name": name, "side": side}


@register.simple_tag
def release_status(release: Release) -> str:
    """A release's state in words (never by colour alone)."""
    if release.status == Release.Status.OPEN:
        return _("Waiting for the mediator")
    if release.status == Release.Status.USED:
        return _("Shared")
    return _("Taken back")


@register.simple_tag
def release_summary(release: Release, viewer: Participant) -> str:
    """What was allowed, by whom, to where."""
    granter = release.granted_by
    who = (
        _("You")
        if viewer.user_id is not None and granter.user_id == viewer.user_id
        else (granter.user.display_name if granter.user else "")
    )
    what = (
        _("the file %(name)s") % {"name": release.attachment.filename}
        if release.attachment is not None
        else _("this message")
    )
    values = {"who": who, "what": what, "where": target_name(release.target)}
    if release.mode == Release.Mode.VERBATIM:
        return _("%(who)s allowed %(what)s to be shared word for word with %(where)s.") % values
    return _("%(who)s allowed the gist of %(what)s to be shared with %(where)s.") % values


def _reason_labels() -> dict[str, str]:
    return {
        "threat": _("a threat"),
        "intimidation": _("pressure or menace"),
        "insult": _("name-calling"),
        "contempt": _("belittling words"),
        "profanity": _("swearing"),
        "blame": _("blame"),
        "absolute_language": _("“always” or “never” about the other person"),
        "sarcasm": _("sarcasm"),
        "shouting": _("capitals or repeated “!!!” or “???”"),
    }


@register.simple_tag
def tone_reasons(reasons: tuple[str, ...]) -> str:
    """The tone coach's reason codes in plain words, for the writer."""
    labels = _reason_labels()
    return ", ".join(labels.get(code, code) for code in reasons)


@register.simple_tag
def release_state_of(message: Message) -> ReleaseState:
    """The release form as it came back for this message, or a blank one. Never a missing
    attribute: a failed lookup costs Django a `dir()` of the object, per message rendered."""
    state = getattr(message, "release_state", None)
    return state if isinstance(state, ReleaseState) else ReleaseState()


@register.simple_tag
def relay_state_of(release: Release) -> RelayState:
    """The relay form as it came back for this release, or a blank one (see above)."""
    state = getattr(release, "relay_state", None)
    return state if isinstance(state, RelayState) else RelayState(returned=False)
