"""Live delivery shared by the sockets that one server process holds on one room.

Every socket on a room wakes up on the same "look again" event and wants the same messages,
read after the same commit. Read once per socket, on the one thread Channels gives database
work in a process, N sockets cost N identical reads and N renderings, one after the other
(benchmarks/realtime.py measured it). So the sockets of a room in one process share:

* one read per event (`Feed.batch_for`): the first socket to handle an event starts it, the
  others wait for it, or take the last one when it was read after their event's commit. A post
  made over a socket is delivered from the row it wrote, in the same database call (`load`
  right after the commit, `posted`), so neither the poster nor the room's other sockets in
  that process read the room again;
* one rendering per reader class (`render_key`): a message's html depends on who reads it only
  through their language, whether they wrote it or granted one of its releases ("You"), and
  their release controls. Readers with equal keys get byte-identical html, serialised once;
* one access check per event, from data every such change already writes: who may see a room
  changes only in a write that appends to the case's audit chain in the same transaction
  (DESIGN.md §4, invariant 8: withdrawal, removal, a new participant, a role ending, the
  process ending). Each socket remembers the chain's head as it stood before its last full
  check (`access_seq`); each read says whether any event other than room talk
  (`QUIET_ACTIONS`) has been appended since, and a socket checks again through the selectors
  only then. A lost "access.changed" (or "room.settings") event is healed by the next
  message event.

The database stays the source of truth and the events only say "look again": nothing here
outlives the sockets of its room, and a socket that cannot use a shared read reads for itself,
with its own access check, as before.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import translation

from accord.audit.models import AuditEvent
from accord.realtime.db import in_db
from accord.rooms.api import message_out
from accord.rooms.models import Message
from accord.rooms.selectors import RoomView, messages_shown_to

# Messages read per database round trip.
PAGE = 200

# Audit actions that never change who may see a room, nor what a person may do there: the
# talk in rooms. Any other action, including one added later, makes the sockets of the case
# check again (safe by default; at worst one check too many).
QUIET_ACTIONS = frozenset(
    {
        "message.posted",
        "message.held",
        "message.approved",
        "message.declined",
        "attachment.downloaded",
        "release.granted",
        "release.revoked",
        "release.relayed",
        "case.exported",
    }
)

# (language, the reader's user id where the html names them, release controls, their targets)
RenderKey = tuple[str, uuid.UUID | None, bool, tuple[str, ...]]


def render(message: Message) -> dict[str, Any]:
    """The JSON a viewer gets for a message it may see (the caller has checked that): the API's
    shape, so pages, API and sockets show one message the same way."""
    return {"kind": "message", **message_out(message).model_dump(mode="json")}


def render_html(message: Message, view: RoomView) -> str:
    """The message as the room page shows it to this viewer: the page's own partial. The
    caller holds the viewer's language active and loaded the message with
    `messages_shown_to`, so rendering costs no query."""
    return render_to_string("rooms/_message.html", {"message": message, "view": view})


def render_key(message: Message, view: RoomView, language: str) -> RenderKey:
    """What the html of `message` depends on in its reader (rooms/_message.html and
    _releases.html read `view.viewer` only to say "You", and `view` for release controls).

    Two readers with equal keys get byte-identical html; tests/rooms/test_consumers_html.py
    compares the shared rendering with each person's own for every role. The message must
    come from `messages_shown_to` (its releases are loaded in a private session)."""
    reader = view.viewer.user_id
    named = message.author.user_id == reader or (
        view.is_caucus
        and any(release.granted_by.user_id == reader for release in message.releases.all())
    )
    targets = tuple(str(room.id) for room in view.release_targets)
    return (language, reader if named else None, view.can_release, targets)


@dataclass(frozen=True)
class Reader:
    """One socket's person, as a shared read needs them: how they see the room, in which
    language, and the audit head their access was last checked at."""

    view: RoomView
    language: str
    access_seq: int


@dataclass
class Entry:
    """One message of a shared read: the API's fields, and the whole frame serialised once per
    reader class."""

    seq: int
    message: Message
    data: dict[str, Any]
    texts: dict[RenderKey, str] = field(default_factory=dict)

    def render_for(self, view: RoomView, language: str) -> tuple[RenderKey, str]:
        """The frame for this reader, rendered now if their class has none yet. Sync: call
        it on the database thread (rendering is query-free, but must never run a lazy
        query on the event loop)."""
        key = render_key(self.message, view, language)
        text = self.texts.get(key)
        if text is None:
            with translation.override(language):
                html = render_html(self.message, view)
            text = self.texts[key] = json.dumps({**self.data, "html": html})
        return key, text


@dataclass(frozen=True)
class Batch:
    """What one read found: the room's messages after `after`, and the audit chain's state
    read after them.

    `entries` is None when the read could not vouch for its reader (an access change came
    since their check): each socket then reads for itself.
    """

    after: int
    entries: tuple[Entry, ...] | None
    # Every message after `after` at the time of the read is in `entries` (not cut at PAGE).
    complete: bool
    # Every message numbered up to this one had committed when the read began.
    known: int
    # The audit state: the lowest `access_seq` of the readers, the chain's head, and the last
    # event in (floor, head] that is not room talk (None if there is none).
    floor: int
    head: int
    changed: int | None

    def covers(self, seq: int, sent_high: int) -> bool:
        """Read after message `seq` committed, from no later than this socket's position."""
        return self.known >= seq and (self.entries is None or self.after <= sent_high)

    def vouches_for(self, access_seq: int) -> bool:
        """Whether a socket checked at `access_seq` is still in the room's audience: nothing
        but room talk was written to the case's chain between its check and this read."""
        return self.floor <= access_seq and (self.changed is None or self.changed <= access_seq)


def audit_head(*, case_id: uuid.UUID) -> int:
    """The case's audit chain head. Read it *before* a full access check: every later change
    of the audience then has a higher number."""
    head = (
        AuditEvent.objects.filter(case_id=case_id)
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )
    return head or 0


def audit_state(*, case_id: uuid.UUID, after: int) -> tuple[int, int | None]:
    """The case's audit chain head, and the last event after `after` that is not room talk."""
    found = AuditEvent.objects.filter(case_id=case_id, seq__gt=after).aggregate(
        head=Max("seq"), changed=Max("seq", filter=~Q(action__in=QUIET_ACTIONS))
    )
    return found["head"] or after, found["changed"]


def load(
    *,
    readers: Sequence[Reader],
    after: int,
    hint: int,
    limit: int = PAGE,
    posted: Message | None = None,
) -> Batch:
    """Read the room once for all the readers, with each reader class's rendering.

    Call it after message `hint` committed (on its event, or right after posting it). The
    messages are read first and the audit state after them: an audience change committed
    before any message read here is then seen. They are read as the reader checked most
    recently, who must still be in the audience for the read to stand (else `entries` is
    None). Who else gets them is decided per socket with `Batch.vouches_for`.

    `posted` is a message this call's thread has just posted and committed, loaded as
    `posted_as_shown` loads it. When it is the only message after `after` (numbers are given
    under the room's lock, so none came between), the read is that row, as of its commit, and
    costs no query: its audience is the room's, and the audit state below vouches for the
    readers as for any read.
    """
    trusted = max(readers, key=lambda reader: reader.access_seq)
    room = trusted.view.room
    if posted is not None and posted.seq == after + 1 and posted.room_id == room.id:
        messages = [posted]
    else:
        messages = messages_shown_to(
            participant=trusted.view.viewer, room=room, after_seq=after, limit=limit
        )
    floor = min(reader.access_seq for reader in readers)
    head, changed = audit_state(case_id=room.process.case_id, after=floor)
    if changed is not None and changed > trusted.access_seq:
        return Batch(after, None, False, hint, floor, head, changed)
    entries = tuple(Entry(m.seq, m, render(m)) for m in messages)
    for entry in entries:
        for reader in readers:
            entry.render_for(reader.view, reader.language)
    upto = entries[-1].seq if entries else after
    return Batch(after, entries, len(entries) < limit, max(hint, upto), floor, head, changed)


def render_missing(
    entries: Sequence[Entry], view: RoomView, language: str
) -> list[tuple[RenderKey, str]]:
    """Frames for a reader class the shared read did not know (it joined after the read)."""
    return [entry.render_for(view, language) for entry in entries]


class Listener(Protocol):
    """A socket on a room, as its feed sees it."""

    # The last message number sent on the socket (everything before it was sent).
    sent_high: int

    def reader(self) -> Reader: ...


@dataclass(eq=False)
class _Read:
    after: int
    done: asyncio.Future[Batch | None]


class Feed:
    """The sockets one process holds on one room, and the reads they share."""

    def __init__(self, room_id: uuid.UUID, loop: asyncio.AbstractEventLoop) -> None:
        self.room_id = room_id
        self.loop = loop
        self.listeners: set[Listener] = set()
        self.reads: list[_Read] = []
        # The most recent read, kept while the room has sockets here: an event that arrives
        # after it (through Redis, after the poster's own read) finds its messages there.
        self.latest: Batch | None = None

    def readers(self) -> list[Reader]:
        return [listener.reader() for listener in self.listeners]

    def begin(self, after: int) -> _Read:
        """Announce a read from `after`, so that sockets woken meanwhile wait for it."""
        read = _Read(after, self.loop.create_future())
        self.reads.append(read)
        return read

    def finish(self, read: _Read, batch: Batch | None) -> None:
        """End an announced read (None: it failed or found nothing to share). The second call
        for a read does nothing: the database thread may have ended it already."""
        if read not in self.reads:
            return
        self.reads.remove(read)
        if batch is not None and (self.latest is None or batch.known >= self.latest.known):
            self.latest = batch
        if not read.done.done():
            read.done.set_result(batch)
        _forget_if_idle(self)

    def finish_from_thread(self, read: _Read, batch: Batch) -> None:
        """End a read from the database thread as soon as its batch is ready: the waiting
        sockets need not wait for that thread's connection cleanup, which runs when the call
        returns (closing the last SQLite connection checkpoints its log: up to 150 ms seen)."""
        self.loop.call_soon_threadsafe(self.finish, read, batch)

    async def batch_for(self, listener: Listener, seq: int) -> Batch | None:
        """A read made after message `seq` committed, from no later than where `listener`
        stands: the last one, one under way, or a new one that the room's other sockets may
        then share. None if the read failed (the socket then reads for itself)."""
        waited: set[_Read] = set()
        while True:
            latest = self.latest
            if latest is not None and latest.covers(seq, listener.sent_high):
                return latest
            pending = next(
                (
                    read
                    for read in self.reads
                    if read not in waited and read.after <= listener.sent_high
                ),
                None,
            )
            if pending is None:
                break
            waited.add(pending)
            # Shielded: a socket closing while it waits must not cancel the others' read.
            batch = await asyncio.shield(pending.done)
            if batch is not None and batch.covers(seq, listener.sent_high):
                return batch
        if listener not in self.listeners:
            return None  # it closed while waiting: nothing to read for
        read = self.begin(listener.sent_high)
        batch = None
        try:
            batch = await in_db(_load_shared)(
                self, read, readers=self.readers(), after=listener.sent_high, hint=seq
            )
        finally:
            self.finish(read, batch)
        return batch


def _load_shared(feed: Feed, read: _Read, **kwargs: Any) -> Batch:
    """`load`, handing the batch to the waiting sockets before the database call returns."""
    batch = load(**kwargs)
    feed.finish_from_thread(read, batch)
    return batch


# Feeds by room, for the event loop that serves the sockets (one per server process; tests
# may run several loops one after the other).
_feeds: dict[uuid.UUID, Feed] = {}


def join(room_id: uuid.UUID, listener: Listener) -> Feed:
    """Register a socket whose access was just checked; its reads are shared from now on."""
    loop = asyncio.get_running_loop()
    feed = _feeds.get(room_id)
    if feed is None or feed.loop is not loop:
        feed = _feeds[room_id] = Feed(room_id, loop)
    feed.listeners.add(listener)
    return feed


def leave(feed: Feed, listener: Listener) -> None:
    feed.listeners.discard(listener)
    _forget_if_idle(feed)


def _forget_if_idle(feed: Feed) -> None:
    if not feed.listeners and not feed.reads and _feeds.get(feed.room_id) is feed:
        del _feeds[feed.room_id]


def feed_of(room_id: uuid.UUID) -> Feed | None:
    """The room's feed in this process, if any socket is on it (for tests and diagnostics)."""
    return _feeds.get(room_id)
