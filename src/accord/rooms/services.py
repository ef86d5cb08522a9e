"""Every write about rooms: opening them, posting, attachments, releases and relays.

Each service checks the visibility rule first, writes in one transaction with its audit
event, and publishes to the room's group only after commit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, models, transaction
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from accord.audit.chain import content_hash
from accord.cases.models import Participant, Process, Side
from accord.cases.selectors import departed_side_ids, standing_questions, standing_remember
from accord.cases.services._audit import case_lock, record
from accord.cases.vocabulary import ProcessStatus, Role
from accord.core import clock
from accord.core.errors import AccordError, Conflict, Forbidden, InvalidInput
from accord.realtime.publish import publish_on_commit
from accord.rooms import storage
from accord.rooms.models import (
    Attachment,
    Blob,
    HeldMessage,
    Message,
    Mute,
    ReadMark,
    Release,
    Room,
    RoomKind,
)
from accord.rooms.plan import planned_rooms
from accord.rooms.visibility import can_post, can_view, in_audience, is_muted, muted_now
from accord.safety.selectors import process_configuration
from accord.safety.tone import ToneAssessment, assess

MAX_BODY = 10_000
MAX_MUTE_MINUTES = 24 * 60
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_FACILITATORS = {Role.MEDIATOR, Role.COORDINATOR}


def _fresh(actor: Participant, room: Room) -> tuple[Participant, Room]:
    """Judge by the current state, never by copies the caller held on to."""
    return (
        Participant.objects.select_related("case", "side", "user").get(id=actor.id),
        Room.objects.select_related("process__case", "side").get(id=room.id),
    )


def room_group(room_id: object) -> str:
    return f"room.{room_id}"


class ToneCheck(InvalidInput):
    """The tone coach flagged the text: it goes back to its writer, with the reasons and a
    calmer suggestion, and nothing is posted. Resending with `send_anyway` posts it (or, in a
    room that holds flagged messages, hands it to the mediator)."""

    def __init__(self, assessment: ToneAssessment) -> None:
        super().__init__(
            _(
                "This may read as hostile to the others. You can change it, use the "
                "suggestion, or send it anyway."
            ),
            field="body",
        )
        self.assessment = assessment

    def details(self) -> dict[str, object]:
        return {
            "tone": {
                "reasons": list(self.assessment.reasons),
                "suggestion": self.assessment.suggestion,
                "score": round(self.assessment.score, 3),
            }
        }


class HeldForReview(AccordError):
    """Not an error of the writer's: the post waits for the mediator's review (the room holds
    flagged messages). Nothing reached the room."""

    status_code = 202

    def __init__(self, held: HeldMessage) -> None:
        super().__init__(
            _("Your message is waiting for the mediator's review before the others see it."),
        )
        self.held = held

    def details(self) -> dict[str, object]:
        return {"held": {"id": str(self.held.id), "status": self.held.status}}


def _audit(actor: Participant, action: str, obj: models.Model, payload: dict[str, object]) -> None:
    record(case_id=actor.case_id, actor=actor, action=action, obj=obj, payload=payload)


def rooms_ensure(*, process: Process) -> list[Room]:
    """Create the process's rooms if they are missing (idempotent). Any reader may trigger it:
    the rooms follow from the process's kind and format alone, never from who asks."""
    rooms: list[Room] = []
    with transaction.atomic():
        sides: list[Side | None] = list(process.case.sides.order_by("position"))
        # Screening may require separate rooms only: then there is no joint room at all.
        shuttle_only = process_configuration(process).shuttle_only
        for kind, per_side in planned_rooms(process, shuttle_only=shuttle_only):
            for side in sides if per_side else [None]:
                room, _created = Room.objects.get_or_create(process=process, kind=kind, side=side)
                rooms.append(room)
    return rooms


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes


@dataclass(frozen=True)
class _Stored:
    filename: str
    sha256: str
    content_type: str
    size: int


def _store_uploads(uploads: list[Upload]) -> list[_Stored]:
    """Validate every upload first, then store them (content-addressed, so a rolled-back
    post leaves at most an unreferenced copy that a later post of the same bytes reuses)."""
    if len(uploads) > storage.MAX_ATTACHMENTS_PER_MESSAGE:
        raise InvalidInput(
            _("At most %(n)d files per message.") % {"n": storage.MAX_ATTACHMENTS_PER_MESSAGE},
            field="files",
        )
    checked = []
    for upload in uploads:
        name = Path(upload.filename).name.strip()[:200] or "file"
        if not upload.content:
            raise InvalidInput(_("%(name)s is empty.") % {"name": name}, field="files")
        if len(upload.content) > storage.MAX_ATTACHMENT_BYTES:
            raise InvalidInput(_("%(name)s is larger than 10 MB.") % {"name": name}, field="files")
        content_type = storage.sniff(upload.content)
        if content_type is None:
            raise InvalidInput(
                _("%(name)s is not a PDF, PNG, JPEG or plain-text file.") % {"name": name},
                field="files",
            )
        checked.append((name, upload.content, content_type))
    return [
        _Stored(name, storage.store(content), content_type, len(content))
        for name, content, content_type in checked
    ]


def _next_seq(room: Room) -> tuple[Room, int]:
    locked = (
        Room.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process")
        .get(id=room.id)
    )
    locked.last_seq += 1
    locked.save(update_fields=["last_seq"])
    return locked, locked.last_seq


def _publish(room: Room, message: Message) -> None:
    publish_on_commit(
        room_group(room.id),
        {"type": "room.message", "room": str(room.id), "seq": message.seq, "id": str(message.id)},
    )


def _tone(actor: Participant, text: str) -> ToneAssessment | None:
    """The coach reads what parties and advocates write (not the neutrals' own words)."""
    if not text or actor.role in _FACILITATORS or actor.role == Role.ARBITRATOR:
        return None
    language = actor.user.preferred_language if actor.user else "en"
    return assess(text, language)


def _hold(
    actor: Participant, room: Room, text: str, client_key: str, tone: ToneAssessment
) -> HeldMessage:
    """Keep a flagged post for the mediator (message_post raises HeldForReview after commit)."""
    held = HeldMessage.objects.create(
        room=room, author=actor, body=text, client_key=client_key, reasons=list(tone.reasons)
    )
    _audit(
        actor,
        "message.held",
        held,
        {"room": str(room.id), "body": content_hash(text), "reasons": list(tone.reasons)},
    )
    _notify_moderators(room, held)
    return held


def _notify_moderators(room: Room, held: HeldMessage) -> None:
    publish_on_commit(
        room_group(room.id), {"type": "room.held", "id": str(held.id), "status": held.status}
    )


def message_post(
    *,
    actor: Participant,
    room: Room,
    body: str,
    client_key: str,
    corrects: Message | None = None,
    uploads: list[Upload] | None = None,
    send_anyway: bool = False,
) -> Message:
    """Post in a room the actor may write in. A resend with the same key returns the first
    message unchanged. A correction is a new message linked to the one it corrects.

    The tone coach reads the text first: a flagged text raises `ToneCheck` (nothing posted)
    unless the writer chose `send_anyway`; then, in a room that holds flagged messages, a
    party's post waits for the mediator (`HeldForReview`).

    This is the hot path of live rooms (benchmarks/realtime.py): the room is read once, locked,
    and every check runs on that fresh copy inside the one transaction, under the case's lock
    (`case_lock`), so no change to who may write commits between the checks and the post."""
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("A message needs a client key (1 to 64 letters, digits, -_.:)."))
    text = body.strip()
    files = uploads or []
    with transaction.atomic():
        locked = (
            Room.objects.select_for_update(of=("self",), no_key=True)
            .select_related("process")
            .get(id=room.id)
        )
        # A leaving, a removal or a mute that commits while this post is checked would
        # otherwise let it land after them (PostgreSQL reads what committed before each query).
        case_lock(locked.process.case_id)
        # Read under the room's and the case's locks, in one query: the writer as they stand
        # now, what they already sent with this key (a resend; the rows themselves only then),
        # and what the rule of who may write asks beyond their row (their standing, a mute).
        questions = standing_questions(actor, locked.process)
        asked_of = actor
        actor = (
            Participant.objects.select_related("user")
            .annotate(
                posted_id=Subquery(
                    Message.objects.filter(author=OuterRef("pk"), client_key=client_key).values(
                        "id"
                    )[:1]
                ),
                held_id=Subquery(
                    HeldMessage.objects.filter(author=OuterRef("pk"), client_key=client_key).values(
                        "id"
                    )[:1]
                ),
                muted=muted_now(locked),
            )
            .annotate(**{f"standing_{name}": question for name, question in questions.items()})
            .get(id=actor.id)
        )
        standing_remember(
            actor,
            locked.process,
            asked_of=asked_of,
            answers={name: getattr(actor, f"standing_{name}") for name in questions},
        )
        if actor.posted_id is not None:
            existing = Message.objects.get(id=actor.posted_id)
            if existing.room_id != locked.id or existing.body != text:
                raise Conflict(_("This client key was already used for another message."))
            return existing
        held = HeldMessage.objects.get(id=actor.held_id) if actor.held_id is not None else None
        if held is not None:
            if held.room_id != locked.id or held.body != text:
                raise Conflict(_("This client key was already used for another message."))
            raise HeldForReview(held)
        if not text and not files:
            raise InvalidInput(_("Write something or attach a file."), field="body")
        if len(text) > MAX_BODY:
            raise InvalidInput(
                _("Keep a message under %(n)d characters.") % {"n": MAX_BODY}, field="body"
            )
        if not can_post(actor, locked, muted=actor.muted):
            if not can_view(actor, locked):
                raise Forbidden(_("You cannot write in this room."))
            raise Forbidden(_("You can read this room but not write in it now."))
        if corrects is not None and (
            corrects.room_id != locked.id or corrects.author_id != actor.id
        ):
            raise Forbidden(_("You can correct only your own messages, in the same room."))
        tone = _tone(actor, text)
        if tone is not None and tone.flagged:
            if not send_anyway:
                raise ToneCheck(tone)
            if locked.hold_flagged and actor.role not in _FACILITATORS:
                if files:
                    raise InvalidInput(
                        _("A message waiting for review cannot carry files: send them apart."),
                        field="files",
                    )
                held = _hold(actor, locked, text, client_key, tone)
        if held is None:
            message = _append(actor, locked, text, client_key, corrects=corrects, files=files)
    if held is not None:
        # Raised after commit: the hold is kept; nothing reached the room.
        raise HeldForReview(held)
    return message


def _append(
    actor: Participant,
    locked: Room,
    text: str,
    client_key: str,
    *,
    corrects: Message | None = None,
    files: list[Upload] | None = None,
) -> Message:
    """Write a message with the room's next number, its files and its audit event; publish it
    after commit. The caller holds the room's lock and has checked everything."""
    stored = _store_uploads(files or [])
    seq = locked.last_seq = locked.last_seq + 1
    Room.objects.filter(id=locked.id).update(last_seq=seq)
    message = Message.objects.create(
        room=locked,
        seq=seq,
        author=actor,
        body=text,
        client_key=client_key,
        corrects=corrects,
    )
    for item in stored:
        blob, _created = Blob.objects.get_or_create(
            sha256=item.sha256, defaults={"size": item.size, "content_type": item.content_type}
        )
        Attachment.objects.create(message=message, blob=blob, filename=item.filename)
    _audit(
        actor,
        "message.posted",
        message,
        {
            "room": str(locked.id),
            "seq": seq,
            "body": content_hash(text),
            "attachments": [item.sha256 for item in stored],
            "corrects": str(corrects.id) if corrects else None,
        },
    )
    _publish(locked, message)
    return message


def attachment_open(*, actor: Participant, attachment: Attachment) -> Path:
    """The file to serve; every download is an audit event. Refused like a missing file."""
    actor, _room = _fresh(actor, attachment.message.room)
    if not can_view(actor, attachment):
        raise Forbidden(_("You cannot open this file."))
    with transaction.atomic():
        _audit(
            actor,
            "attachment.downloaded",
            attachment,
            {"blob": attachment.blob_id, "message": str(attachment.message_id)},
        )
    return storage.blob_path(attachment.blob_id)


def release_grant(
    *,
    actor: Participant,
    message: Message,
    mode: str,
    target: Room,
    attachment: Attachment | None = None,
) -> Release:
    """A principal allows one of their side's private-session items to be shared.

    The target is the joint room or another side's private session of the same process.
    Judged under the message's lock and the case's (`case_lock`): a party who left, or was
    removed, while asking releases nothing.
    """
    with transaction.atomic():
        # A double submit (two identical requests at once) makes one release: the message is
        # locked, and an identical open release is returned as it is.
        locked = (
            Message.objects.select_for_update(of=("self",), no_key=True)
            .select_related("room__process")
            .get(id=message.id)
        )
        case_lock(locked.room.process.case_id)
        actor, source = _fresh(actor, locked.room)
        return _release_grant(actor, message, source, mode, target, attachment)


def _release_grant(
    actor: Participant,
    message: Message,
    source: Room,
    mode: str,
    target: Room,
    attachment: Attachment | None,
) -> Release:
    """`release_grant`'s checks and write, under its locks, on fresh copies."""
    if (
        actor.role != Role.PRINCIPAL
        or source.kind != RoomKind.CAUCUS
        or actor.side_id != source.side_id
    ):
        raise Forbidden(_("Only a party can release what their own side said in private."))
    if not can_view(actor, source):
        raise Forbidden(_("Only a party can release what their own side said in private."))
    if mode not in Release.Mode.values:
        raise InvalidInput(_("Choose gist or word for word."), field="mode")
    if attachment is not None and attachment.message_id != message.id:
        raise InvalidInput(_("That file is not part of this message."), field="attachment")
    valid_target = target.process_id == source.process_id and (
        target.kind == RoomKind.JOINT
        or (target.kind == RoomKind.CAUCUS and target.side_id != source.side_id)
    )
    if not valid_target:
        raise InvalidInput(
            _("Share to the joint room or to another side's private session."), field="target"
        )
    if source.process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("This process has ended."))
    same = Release.objects.filter(
        message=message,
        attachment=attachment,
        mode=mode,
        target=target,
        status=Release.Status.OPEN,
    ).first()
    if same is not None:
        return same
    release = Release.objects.create(
        message=message, attachment=attachment, granted_by=actor, mode=mode, target=target
    )
    _audit(
        actor,
        "release.granted",
        release,
        {"message": str(message.id), "mode": mode, "target": str(target.id)},
    )
    publish_on_commit(room_group(source.id), {"type": "room.release", "id": str(release.id)})
    return release


def release_revoke(*, actor: Participant, release: Release) -> Release:
    """The side takes a release back, until the mediator has used it."""
    if actor.role != Role.PRINCIPAL or actor.side_id != release.granted_by.side_id:
        raise Forbidden(_("Only a party of the side that released it can take it back."))
    with transaction.atomic():
        locked = Release.objects.select_for_update(of=("self",), no_key=True).get(id=release.id)
        if locked.status == Release.Status.USED:
            raise Conflict(_("It has already been shared and can no longer be taken back."))
        if locked.status == Release.Status.REVOKED:
            raise Conflict(_("It was already taken back."))
        locked.status = Release.Status.REVOKED
        locked.ended_at = clock.now()
        locked.save(update_fields=["status", "ended_at"])
        _audit(actor, "release.revoked", locked, {"release": str(locked.id)})
        publish_on_commit(
            room_group(locked.message.room_id), {"type": "room.release", "id": str(locked.id)}
        )
    return locked


def relay_post(*, actor: Participant, release: Release, body: str = "", client_key: str) -> Message:
    """The mediator carries a released item into its target room (shuttle).

    Verbatim copies the words (and files); gist takes the mediator's own wording. Relaying
    anything not released, or revoked, is refused.
    """
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("A message needs a client key (1 to 64 letters, digits, -_.:)."))
    with transaction.atomic():
        locked = (
            Release.objects.select_for_update(of=("self",), no_key=True)
            .select_related("message__room__process", "target")
            .get(id=release.id)
        )
        # The target room, then the case (the order a post takes them in): the mediator's
        # place and the source side's standing are judged as they are at commit.
        room = Room.objects.select_for_update(of=("self",), no_key=True).get(id=locked.target_id)
        case_lock(locked.message.room.process.case_id)
        actor, target = _fresh(actor, room)
        if actor.role not in _FACILITATORS:
            raise Forbidden(_("Only the mediator carries messages between rooms."))
        if not (can_view(actor, locked) and can_post(actor, target)):
            raise Forbidden(_("Only the mediator carries messages between rooms."))
        # A resend of the same relay returns it, as a resend of a post does.
        existing = Message.objects.filter(
            author=actor, client_key=client_key, relay_of=locked
        ).first()
        if existing is not None:
            return existing
        if locked.status != Release.Status.OPEN:
            raise Conflict(_("This item is not released (it was taken back or already shared)."))
        if locked.message.room.side_id in departed_side_ids(locked.message.room.process):
            # Leaving took away the side's means to take it back: it goes no further.
            raise Conflict(_("This side has left the process: what it released is not shared."))
        if locked.mode == Release.Mode.VERBATIM:
            text = locked.message.body
        else:
            text = body.strip()
            if not text:
                raise InvalidInput(_("Write the gist in your own words."), field="body")
            if len(text) > MAX_BODY:
                raise InvalidInput(_("Keep a message under %(n)d characters.") % {"n": MAX_BODY})
        room, seq = _next_seq(locked.target)
        relay = Message.objects.create(
            room=room, seq=seq, author=actor, body=text, client_key=client_key, relay_of=locked
        )
        if locked.mode == Release.Mode.VERBATIM:
            files = (
                [locked.attachment] if locked.attachment else list(locked.message.attachments.all())
            )
            for original in files:
                Attachment.objects.create(
                    message=relay, blob_id=original.blob_id, filename=original.filename
                )
        locked.status = Release.Status.USED
        locked.ended_at = clock.now()
        locked.save(update_fields=["status", "ended_at"])
        _audit(
            actor,
            "release.relayed",
            relay,
            {
                "release": str(locked.id),
                "room": str(room.id),
                "seq": seq,
                "body": content_hash(text),
            },
        )
        _publish(room, relay)
        # The source private session hears that its release was used.
        publish_on_commit(
            room_group(locked.message.room_id), {"type": "room.release", "id": str(locked.id)}
        )
    return relay


# Moderation (issue 8): the mediator's duty to refuse intimidation, in the software. Each
# action is the mediator's alone, in a room they are in, while the process is under way, and
# each is an audit event. The others learn the effect (a paused room, a muted writer), never
# a label on anyone.


def _moderator(actor: Participant, room: Room) -> tuple[Participant, Room]:
    """The room locked, then the case (`case_lock`), then the mediator as they stand: a
    mediator removed meanwhile moderates nothing, and a held post approved here is judged as
    its writer stands at commit."""
    locked = (
        Room.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process")
        .get(id=room.id)
    )
    case_lock(locked.process.case_id)
    actor = Participant.objects.select_related("user").get(id=actor.id)
    if actor.role not in _FACILITATORS or not in_audience(actor, locked):
        raise Forbidden(_("Only the mediator moderates a room."))
    if locked.process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("This process has ended."))
    return actor, locked


def _settings_changed(room: Room) -> None:
    publish_on_commit(room_group(room.id), {"type": "room.settings", "room": str(room.id)})


def room_hold_flagged(*, actor: Participant, room: Room, hold: bool) -> Room:
    """Hold (or stop holding) the posts the tone coach flags, for the mediator's review."""
    with transaction.atomic():
        actor, locked = _moderator(actor, room)
        if locked.hold_flagged == hold:
            return locked
        locked.hold_flagged = hold
        locked.save(update_fields=["hold_flagged"])
        _audit(actor, "room.hold_flagged", locked, {"hold": hold})
        _settings_changed(locked)
    return locked


def room_pause(*, actor: Participant, room: Room, paused: bool) -> Room:
    """Pause the joint room to meet each side privately ("move to caucus"), or resume it.
    While it is paused only the mediator writes there."""
    if room.kind != RoomKind.JOINT:
        raise InvalidInput(_("Only the joint room can be paused."))
    with transaction.atomic():
        actor, locked = _moderator(actor, room)
        if (locked.paused_at is not None) == paused:
            return locked
        if not paused and process_configuration(locked.process).shuttle_only:
            raise Conflict(
                _(
                    "Screening requires separate rooms only: the joint room stays paused "
                    "while that measure holds."
                )
            )
        locked.paused_at = clock.now() if paused else None
        locked.save(update_fields=["paused_at"])
        _audit(actor, "room.paused" if paused else "room.resumed", locked, {})
        _settings_changed(locked)
    return locked


def participant_mute(
    *, actor: Participant, room: Room, participant: Participant, minutes: int
) -> Mute:
    """Keep one party or advocate from writing in the joint room for a while."""
    if room.kind != RoomKind.JOINT:
        raise InvalidInput(_("Muting applies to the joint room."), field="participant")
    if isinstance(minutes, bool) or not 1 <= minutes <= MAX_MUTE_MINUTES:
        raise InvalidInput(
            _("Choose between 1 minute and %(n)d minutes.") % {"n": MAX_MUTE_MINUTES},
            field="minutes",
        )
    with transaction.atomic():
        actor, locked = _moderator(actor, room)
        target = Participant.objects.get(id=participant.id)
        if target.role in _FACILITATORS or not in_audience(target, locked):
            raise InvalidInput(
                _("Choose a party or an advocate in this room."), field="participant"
            )
        if is_muted(target, locked):
            raise Conflict(_("They are already muted here."))
        mute = Mute.objects.create(
            room=locked,
            participant=target,
            muted_by=actor,
            until=clock.now() + dt.timedelta(minutes=minutes),
        )
        _audit(
            actor, "participant.muted", mute, {"participant": str(target.id), "minutes": minutes}
        )
        _settings_changed(locked)
    return mute


def mute_lift(*, actor: Participant, mute: Mute) -> Mute:
    with transaction.atomic():
        actor, locked = _moderator(actor, mute.room)
        current = Mute.objects.select_for_update(of=("self",), no_key=True).get(id=mute.id)
        if current.lifted_at is not None or current.until <= clock.now():
            raise Conflict(_("This mute has already ended."))
        current.lifted_at = clock.now()
        current.save(update_fields=["lifted_at"])
        _audit(actor, "participant.unmuted", current, {"participant": str(current.participant_id)})
        _settings_changed(locked)
    return current


def _decide(actor: Participant, held: HeldMessage) -> tuple[Participant, Room, HeldMessage]:
    actor, locked = _moderator(actor, held.room)
    current = (
        HeldMessage.objects.select_for_update(of=("self",), no_key=True)
        .select_related("author__user")
        .get(id=held.id)
    )
    if current.status != HeldMessage.Status.PENDING:
        raise Conflict(_("This message has already been reviewed."))
    return actor, locked, current


def held_approve(*, actor: Participant, held: HeldMessage) -> Message:
    """Post a held message as its writer wrote it, with the room's next number."""
    with transaction.atomic():
        actor, locked, current = _decide(actor, held)
        author = current.author
        if not in_audience(author, locked):
            raise Conflict(_("Its writer is no longer in this room."))
        message = _append(author, locked, current.body, current.client_key)
        current.status = HeldMessage.Status.APPROVED
        current.decided_by = actor
        current.decided_at = clock.now()
        current.message = message
        current.save(update_fields=["status", "decided_by", "decided_at", "message"])
        _audit(actor, "message.approved", current, {"message": str(message.id)})
        _notify_moderators(locked, current)
    return message


def held_decline(*, actor: Participant, held: HeldMessage) -> HeldMessage:
    """Keep a held message out of the room; its writer sees that it was not posted."""
    with transaction.atomic():
        actor, locked, current = _decide(actor, held)
        current.status = HeldMessage.Status.DECLINED
        current.decided_by = actor
        current.decided_at = clock.now()
        current.save(update_fields=["status", "decided_by", "decided_at"])
        _audit(actor, "message.declined", current, {})
        _notify_moderators(locked, current)
    return current


def record_exported(*, actor: Participant, rooms: int, messages: int) -> None:
    """A person took a copy of what they may read in the case: an audit event (the numbers,
    never the content), like every download."""
    with transaction.atomic():
        _audit(actor, "case.exported", actor.case, {"rooms": rooms, "messages": messages})


# --- reading ---------------------------------------------------------------------------------


def room_mark_read(*, actor: Participant, room: Room, seq: int) -> None:
    """Record that the person has been shown the room up to message `seq` (clamped to the
    room's last number; a mark never moves back).

    Not an audit event: reading changes nothing in the case. Refused like any access to a
    room not theirs. It needs no lock: one UPDATE keeps the greater number, so two pages
    reporting at once cannot move a mark back; only the first mark is an INSERT.
    """
    if actor.user_id is None or not can_view(actor, room):
        raise Forbidden(_("You cannot see this room."))
    if seq < 0:
        raise InvalidInput(_("A message number is zero or more."), field="seq")
    target = min(seq, room.last_seq)
    marks = ReadMark.objects.filter(user_id=actor.user_id, room_id=room.id)
    if not marks.update(seq=Greatest(F("seq"), Value(target))):
        try:
            with transaction.atomic():
                ReadMark.objects.create(user_id=actor.user_id, room_id=room.id, seq=target)
        except IntegrityError:  # another request made it first: keep the greater
            marks.update(seq=Greatest(F("seq"), Value(target)))
