"""The record: submissions and evidence by a deadline per side, closing, and the hearing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.translation import gettext as _

from accord.arbitration.models import (
    ArbitrationTerms,
    Hearing,
    Submission,
    SubmissionFile,
    SubmissionsClosed,
)
from accord.arbitration.permissions import check_close, check_file, check_schedule_hearing
from accord.arbitration.selectors import (
    SideState,
    current_hearing,
    side_states,
    terms_in_force,
)
from accord.arbitration.services._audit import notify_record, record
from accord.arbitration.vocabulary import SubmissionKind
from accord.audit.chain import content_hash
from accord.cases.models import Participant, Process
from accord.core import clock
from accord.core.errors import Conflict, InvalidInput
from accord.rooms import storage
from accord.rooms.models import RoomKind
from accord.rooms.services import Upload, rooms_ensure

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_PLACE = 200
MAX_DETAILS = 2_000
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def _fresh(actor: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def _locked(process: Process) -> Process:
    """Lock the arbitration row: a filing races neither a closing nor the award."""
    return (
        Process.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(id=process.id)
    )


def _state_of(
    actor: Participant, process: Process, now: dt.datetime
) -> tuple[ArbitrationTerms | None, SideState | None]:
    terms = terms_in_force(process)
    if terms is None or actor.side_id is None:
        return terms, None
    state = next((s for s in side_states(process, terms, now) if s.side.id == actor.side_id), None)
    return terms, state


def _checked_uploads(uploads: list[Upload]) -> list[tuple[str, bytes, str]]:
    if len(uploads) > storage.MAX_ATTACHMENTS_PER_MESSAGE:
        raise InvalidInput(
            _("At most %(n)d files per submission.") % {"n": storage.MAX_ATTACHMENTS_PER_MESSAGE},
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
    return checked


def submission_file(
    *,
    actor: Participant,
    process: Process,
    kind: str,
    title: str,
    body: str,
    client_key: str,
    uploads: list[Upload] | None = None,
) -> Submission:
    """A party or advocate files a statement, reply or evidence for their side, on the record.

    Refused after the side's deadline (as the signed arbitration agreement set it), after the
    side said it has nothing more to submit, and before the agreement is signed by everyone.
    A resend with the same client key returns the first submission.
    """
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("A request needs a client key (1 to 64 letters, digits, -_.:)."))
    existing = Submission.objects.filter(author_id=actor.id, client_key=client_key).first()
    if existing is not None:
        if existing.process_id != process.id or existing.title != " ".join(title.split()):
            raise Conflict(_("This client key was already used for another submission."))
        return existing
    actor = _fresh(actor)
    terms, state = _state_of(actor, process, clock.now())
    check_file(actor, process, terms, state)
    if kind not in SubmissionKind.values:
        raise InvalidInput(_("Choose statement, evidence or reply."), field="kind")
    clean_title = " ".join(title.split())
    if not clean_title or len(clean_title) > MAX_TITLE:
        raise InvalidInput(_("Give the submission a title of 1 to 200 characters."), field="title")
    text = body.replace("\r\n", "\n").strip()
    files = _checked_uploads(uploads or [])
    if not text and not files:
        raise InvalidInput(_("Write the submission or attach a file."), field="body")
    if len(text) > MAX_BODY:
        raise InvalidInput(_("Keep the text under 20,000 characters."), field="body")
    if "\x00" in text or "\x00" in clean_title:
        raise InvalidInput(_("The text contains a character that cannot be stored."), field="body")
    stored = [
        (name, storage.store(content), content_type, len(content))
        for name, content, content_type in files
    ]
    with transaction.atomic():
        process = _locked(process)
        terms, state = _state_of(actor, process, clock.now())
        check_file(actor, process, terms, state)  # again, under the lock: the clock moved on
        record_room = next(r for r in rooms_ensure(process=process) if r.kind == RoomKind.RECORD)
        side_id = actor.side_id
        if side_id is None:  # check_file admits only members of a side
            raise InvalidInput(_("Only a party or their advocate files submissions for a side."))
        submission = Submission.objects.create(
            process=process,
            room=record_room,
            side_id=side_id,
            author=actor,
            kind=kind,
            title=clean_title,
            body=text,
            client_key=client_key,
        )
        for name, digest, content_type, size in stored:
            SubmissionFile.objects.create(
                submission=submission,
                sha256=digest,
                filename=name,
                size=size,
                content_type=content_type,
            )
        record(
            actor=actor,
            action="arbitration.submission_filed",
            obj=submission,
            payload={
                "process": str(process.id),
                "side": str(side_id),
                "kind": kind,
                "title": content_hash(clean_title),
                "body": content_hash(text),
                "files": [digest for _n, digest, _t, _s in stored],
            },
        )
        notify_record(process, {"kind": "arbitration.submission", "process": str(process.id)})
    return submission


def submissions_close(*, actor: Participant, process: Process) -> SubmissionsClosed:
    """A party or advocate says their side has nothing more to file; it cannot be undone."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        terms, state = _state_of(actor, process, clock.now())
        check_close(actor, process, terms, state)
        side_id = actor.side_id
        if side_id is None:
            raise InvalidInput(_("Only a party or their advocate speaks for a side here."))
        closed = SubmissionsClosed.objects.create(process=process, side_id=side_id, by=actor)
        record(
            actor=actor,
            action="arbitration.submissions_closed",
            obj=closed,
            payload={"process": str(process.id), "side": str(side_id)},
        )
        notify_record(process, {"kind": "arbitration.closed", "process": str(process.id)})
    return closed


def _clean_link(link: str) -> str:
    value = link.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or len(value) > 300:
        raise InvalidInput(
            _("Give the video link as a full web address starting with https://."), field="link"
        )
    return value


def hearing_schedule(
    *,
    actor: Participant,
    process: Process,
    starts_at: dt.datetime,
    place: str = "",
    link: str = "",
    details: str = "",
) -> Hearing:
    """The arbitrator schedules the hearing, in a place or by video; a new one replaces the
    previous. Scheduling the same hearing again changes nothing."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_schedule_hearing(actor, process, terms_in_force(process))
        if starts_at.tzinfo is None:
            raise InvalidInput(_("Give the time with its time zone."), field="starts_at")
        if starts_at <= clock.now():
            raise InvalidInput(_("Choose a time in the future."), field="starts_at")
        clean_place = " ".join(place.split())
        clean_link = _clean_link(link)
        if not clean_place and not clean_link:
            raise InvalidInput(_("Give a place, a video link, or both."), field="place")
        if len(clean_place) > MAX_PLACE:
            raise InvalidInput(_("Keep the place under 200 characters."), field="place")
        text = details.replace("\r\n", "\n").strip()
        if len(text) > MAX_DETAILS or "\x00" in text:
            raise InvalidInput(_("Keep the details under 2,000 characters."), field="details")
        when = starts_at.astimezone(dt.UTC).replace(microsecond=0)
        previous = current_hearing(process)
        if previous is not None and (
            previous.starts_at,
            previous.place,
            previous.link,
            previous.details,
        ) == (when, clean_place, clean_link, text):
            return previous
        hearing = Hearing.objects.create(
            process=process,
            starts_at=when,
            place=clean_place,
            link=clean_link,
            details=text,
            scheduled_by=actor,
            replaces=previous,
        )
        record(
            actor=actor,
            action="arbitration.hearing_scheduled",
            obj=hearing,
            payload={
                "process": str(process.id),
                "starts_at": when.isoformat(),
                "place": content_hash(clean_place) if clean_place else None,
                "link": content_hash(clean_link) if clean_link else None,
                "replaces": str(previous.id) if previous else None,
            },
        )
        notify_record(process, {"kind": "arbitration.hearing", "process": str(process.id)})
    return hearing


def submission_file_open(*, actor: Participant, item: SubmissionFile) -> SubmissionFile:
    """Record that a file of the record was downloaded (every download is an audit event).
    Callers found it through `access_submission_file`."""
    with transaction.atomic():
        record(
            actor=actor,
            action="arbitration.file_downloaded",
            obj=item,
            payload={"submission": str(item.submission_id), "sha256": item.sha256},
        )
    return item
