"""Live delivery for one room: `/ws/rooms/<room_id>/`.

The database is the source of truth and the channel layer only says "look again" (it is
at-most-once, NOTES.md). Each socket remembers the range of message numbers it has sent,
`(sent_low, sent_high]`, and on every event fetches what came after `sent_high` through the
selectors, so a lost or reordered event is healed by the next one and nothing goes twice.

Protocol (JSON text frames):

* connect with `?after=N` (the last number the client holds) to get everything after N, in
  order, then live messages. Without `after` (or with a malformed one, which also gets an
  error frame) the socket starts at the room's current end: a page that rendered the history
  should pass the number it rendered.
* `{"type": "resume", "after": N}` at any time: everything after N that this socket has not
  sent yet (after a reconnect whose URL cannot change, e.g. the htmx ws extension). Frames
  sent before a rewinding resume may precede older ones: clients place messages by `seq`.
* `{"type": "post", "body": ..., "client_key": ...}` posts through `message_post`; the message
  comes back like any other, then `{"kind": "posted", ...}`. A resend with the same key
  returns the first message.
* server frames: `message`, `release_changed`, `room_changed`, `posted`, `ready` and `error`.
  `{"kind": "ready", "seq": N}` ends the replay of a connect or a resume: every later message
  will follow live. Errors are `{"kind": "error", "detail": ...}`, never a crash.
* a `message` frame carries the API's fields and `html`: the message rendered for this socket's
  person from the partial the room page uses (rooms/_message.html), in their language, so a
  page inserts it as is. `release_changed` carries the release's `status`, its message's
  `message_id` and `seq`, and that message's `html` again (its release controls changed).
  `room_changed` (`can_post`, `ended`, `html` of rooms/_state.html, and while they may write
  `composer_html`) says the room's state changed for this person: the process ended, their
  side or another left, the mediator paused the room or muted them. It follows an
  "access.changed" event that left the person in the room, or a "room.settings" event.

Who may see what is decided by the rooms selectors only (`access_room`, `viewer_for`,
`messages_shown_to`, `access_release`, all built on `visibility.can_view`): a missing room
and a forbidden one are refused alike (close 4403), and a socket whose person may no longer
see the room is closed at once, on the "access.changed" event or, should that event be lost,
on the next message event.

The sockets of one room in one process share their reads, renderings and access checks
(rooms/delivery.py): a message event costs one database call per room and process, not one
per socket, and a post made over a socket costs its room's other sockets here none. A socket
checks its access again, through the selectors, whenever the case's audit chain shows a
change other than room talk since its last check: that also heals a lost "room.settings"
event on the next message event.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from django.template.loader import render_to_string
from django.urls import get_resolver
from django.utils import translation
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.core.errors import AccordError, Forbidden, NotFound
from accord.realtime.consumers import CLOSE_FORBIDDEN, AuthenticatedConsumer
from accord.realtime.db import in_db
from accord.realtime.groups import user_group
from accord.rooms import delivery
from accord.rooms.delivery import PAGE, Batch, Entry, Reader, render, render_html, render_key
from accord.rooms.forms import Composer, new_client_key
from accord.rooms.models import Message, Room
from accord.rooms.selectors import (
    RoomView,
    access_release,
    access_room,
    messages_shown_to,
    posted_as_shown,
    room_view,
    viewer_for,
)
from accord.rooms.services import message_post, room_group

logger = logging.getLogger(__name__)

# Message frames render the page's partial, which reverses URLs. Import the URLconf (every
# app's views) here, when the server starts, not on the first live message: in the one
# thread all sockets share for database work, that import would stall every room for seconds.
get_resolver().url_patterns  # noqa: B018 - the import is the point
# The tone coach, which every post goes through, is warmed up at start-up (safety.apps).


def _frame(message: Message, view: RoomView) -> dict[str, Any]:
    return {**render(message), "html": render_html(message, view)}


def _language(user: User) -> str:
    return getattr(user, "preferred_language", "") or "en"


# The synchronous halves: each judges by the current state, through the selectors. The room
# row (with its process) is read on connect and again when someone's place in the case
# changes; who may see it is asked again whenever the case's audit chain says it may differ.


def _room(user: User, room_id: object) -> Room | None:
    """The room if the user may see it now; None for missing and forbidden alike."""
    try:
        room, _viewer = access_room(user=user, room_id=str(room_id))
    except NotFound:
        return None
    return room


@dataclass(frozen=True)
class _Checked:
    # The case's audit head, read before the check: a later change has a higher number.
    head: int
    view: RoomView | None


def _checked_view(user: User, room: Room) -> _Checked:
    """The person's view of the room as it stands now (fresh room, process and place); None
    for missing and forbidden alike."""
    head = delivery.audit_head(case_id=room.process.case_id)
    try:
        fresh, viewer = access_room(user=user, room_id=str(room.id))
    except NotFound:
        return _Checked(head, None)
    return _Checked(head, room_view(viewer=viewer, room=fresh))


def _page(
    user: User, room: Room, view: RoomView, after: int, limit: int
) -> list[dict[str, Any]] | None:
    """Messages after `after` the user may see, rendered; None if the room is no longer theirs.
    One socket's own read, with its own access check (connect, resume, and catching up when
    a shared read could not serve it)."""
    viewer = viewer_for(user=user, room=room)
    if viewer is None:
        return None
    messages = messages_shown_to(participant=viewer, room=room, after_seq=after, limit=limit)
    with translation.override(_language(user)):
        return [_frame(message, view) for message in messages]


def _release_frame(user: User, view: RoomView, release_id: object) -> dict[str, Any] | None:
    """A release of this room changed: its state, and its message rendered again (its
    release controls changed). None if the person may not see it."""
    try:
        release, viewer = access_release(user=user, release_id=str(release_id))
    except NotFound:
        return None
    message = release.message
    if message.room_id != view.room.id:
        return None
    shown = messages_shown_to(
        participant=viewer, room=view.room, after_seq=message.seq - 1, limit=1
    )
    frame = {
        "kind": "release_changed",
        "id": str(release.id),
        "status": release.status,
        "message_id": str(message.id),
        "seq": message.seq,
    }
    if shown:
        with translation.override(_language(user)):
            frame["html"] = render_html(shown[0], view)
    return frame


def _state_frame(user: User, view: RoomView) -> dict[str, Any]:
    """The room's state banner for this person; with a fresh composer when they may write,
    for a page that had none (it loaded while they could not)."""
    with translation.override(_language(user)):
        frame = {
            "kind": "room_changed",
            "can_post": view.can_post,
            "ended": view.ended,
            "html": render_to_string("rooms/_state.html", {"view": view}),
        }
        if view.can_post:
            composer = Composer(new_client_key())
            frame["composer_html"] = render_to_string(
                "rooms/_composer.html", {"view": view, "composer": composer}
            )
    return frame


@dataclass(frozen=True)
class _Posted:
    message: Message | None = None
    error: str | None = None
    lost_access: bool = False
    # The room read right after the post, for every socket of the room in this process.
    batch: Batch | None = None


def _post(
    user: User,
    view: RoomView,
    body: str,
    client_key: str,
    after: int,
    readers: list[Reader],
    share: Callable[[Batch], None] | None = None,
) -> _Posted:
    """Post as the socket's person, then read the room once for all its sockets here, and
    `share` that read with them at once.

    `message_post` judges the post by the current state (fresh participant, locked room); only
    when it refuses is the person's place looked up again, to tell a lost room (close) from a
    room they may read but not write in (an error frame)."""
    viewer = view.viewer
    try:
        try:
            message = message_post(actor=viewer, room=view.room, body=body, client_key=client_key)
        except Forbidden:
            current = viewer_for(user=user, room=view.room)
            if current is None:
                return _Posted(lost_access=True)
            if current.id == viewer.id:
                raise
            # Their place in the case changed (e.g. another role): post as it stands now.
            message = message_post(actor=current, room=view.room, body=body, client_key=client_key)
    except AccordError as error:
        return _Posted(error=str(error.message))
    # Delivered from the row just written when nothing came between (the usual live post).
    shown = posted_as_shown(message, writer=view.viewer, files=0)
    batch = delivery.load(readers=readers, after=after, hint=message.seq, posted=shown)
    if share is not None:
        share(batch)
    return _Posted(message=message, batch=batch)


def _after(value: object) -> int | None:
    """A message number sent by a client, or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and 0 <= value < 2**63:
        return value
    return None


class RoomConsumer(AuthenticatedConsumer):
    """One socket on one room, for someone in the room's audience."""

    room: Room
    # What this person may do here, for rendering: asked again when their place changes.
    view: RoomView
    language: str
    # The case's audit head before this socket's last full access check.
    access_seq: int
    # Every message numbered in (sent_low, sent_high] has been sent on this socket, no other.
    sent_low: int
    sent_high: int
    closing: bool
    # The room's sockets in this process, sharing reads (set once the socket is checked).
    feed: delivery.Feed | None

    async def dispatch(self, message: dict[str, Any]) -> None:
        # The user's group is shared with other live views: an event meant for them (or one
        # added later) must not kill this socket.
        if getattr(self, get_handler_name(message), None) is None:
            logger.debug("room socket ignores %s", message["type"])
            return
        await super().dispatch(message)

    async def allowed_groups(self) -> list[str] | None:
        self.closing = False
        self.feed = None
        room = await in_db(_room)(self.user, self.scope["url_route"]["kwargs"]["room_id"])
        if room is None:
            return None
        self.room = room
        return [room_group(room.id), user_group(self.user.pk)]

    async def on_joined(self) -> None:
        # Read the starting point only now that the groups are joined, so an event published
        # between the access check and the join cannot be missed, nor a revocation.
        checked = await in_db(_checked_view)(self.user, self.room)
        if checked.view is None:
            await self._shut()
            return
        self.view, self.room = checked.view, checked.view.room
        self.access_seq = checked.head
        self.language = _language(self.user)
        room = self.room
        raw = parse_qs(self.scope.get("query_string", b"").decode("latin-1")).get("after")
        after = _after(raw[-1]) if raw else room.last_seq
        if after is None:
            await self._error(_("after must be a message number (a whole number from 0)."))
            after = room.last_seq
        self.sent_low = self.sent_high = after
        if not self.closing:
            self.feed = delivery.join(room.id, self)
        await self._catch_up()
        await self._ready()

    async def disconnect(self, code: int) -> None:
        self.closing = True
        self._leave_feed()
        await super().disconnect(code)

    def reader(self) -> Reader:
        """This socket's person, for reads shared with the room's other sockets."""
        return Reader(view=self.view, language=self.language, access_seq=self.access_seq)

    # Channel-layer events.

    async def room_message(self, event: dict[str, Any]) -> None:
        """A message was posted. Its number is only a hint: skip the database when this
        socket already sent it, else take what came after the last one sent from the read
        the room's sockets here share."""
        if self.closing:
            return
        seq = _after(event.get("seq"))
        if seq is not None and seq <= self.sent_high:
            return
        if seq is None or self.feed is None:
            await self._catch_up()
            return
        batch = await self.feed.batch_for(self, seq)
        if batch is None:
            await self._catch_up()
            return
        await self._take(batch)

    async def room_release(self, event: dict[str, Any]) -> None:
        if self.closing:
            return
        frame = await in_db(_release_frame)(self.user, self.view, event.get("id"))
        if frame is not None and not self.closing:
            await self.send_json(frame)

    async def access_changed(self, event: dict[str, Any]) -> None:
        """Someone's place in a case changed: close at once if this person lost the room, else
        tell the page if what they may do here changed (e.g. the process ended)."""
        if self.closing or event.get("case") != str(self.room.process.case_id):
            return
        await self._recheck()

    async def room_settings(self, event: dict[str, Any]) -> None:
        """The mediator paused the room, muted someone, or lifted it: the same re-check."""
        if not self.closing:
            await self._recheck()

    async def _recheck(self) -> None:
        checked = await in_db(_checked_view)(self.user, self.room)
        if checked.view is None:
            await self._shut()
            return
        before, self.view, self.room = self.view, checked.view, checked.view.room
        self.access_seq = max(self.access_seq, checked.head)
        if checked.view.state != before.state and not self.closing:
            await self.send_json(await in_db(_state_frame)(self.user, checked.view))

    async def access_revoked(self, event: dict[str, Any]) -> None:
        await self._shut()

    # Client frames.

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any
    ) -> None:
        if self.closing:
            return
        try:
            content = json.loads(text_data) if text_data is not None else None
        except ValueError:
            content = None
        if not isinstance(content, dict):
            await self._error(_("Send a JSON object."))
            return
        await self.receive_json(content)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        kind = content.get("type")
        if kind == "post":
            await self._post(content)
        elif kind == "resume":
            after = _after(content.get("after"))
            if after is None:
                await self._error(_("after must be a message number (a whole number from 0)."))
                return
            await self._resume(after)
        else:
            await self._error(_("Unknown request: use post or resume."))

    async def _post(self, content: dict[str, Any]) -> None:
        body, client_key = content.get("body"), content.get("client_key")
        if not isinstance(body, str) or not isinstance(client_key, str):
            await self._error(_("A post needs a body and a client_key, both text."))
            return
        feed, after = self.feed, self.sent_high
        # Announced before the post commits: the room's other sockets here, woken by its event
        # while this call still reads, wait for this read instead of making their own.
        read = feed.begin(after) if feed is not None else None
        readers = feed.readers() if feed is not None else [self.reader()]
        share = (
            partial(feed.finish_from_thread, read)
            if feed is not None and read is not None
            else None
        )
        posted: _Posted | None = None
        try:
            posted = await in_db(_post)(
                self.user, self.view, body, client_key, after, readers, share
            )
        finally:
            if feed is not None and read is not None:
                feed.finish(read, posted.batch if posted is not None else None)
        if posted.lost_access:
            await self._shut()
            return
        if posted.message is None:
            await self.send_json(
                {"kind": "error", "detail": posted.error, "client_key": client_key}
            )
            return
        # The poster sees their message without waiting for the layer's round trip.
        if posted.batch is not None:
            await self._take(posted.batch)
        else:
            await self._catch_up()
        if not self.closing:
            await self.send_json(
                {
                    "kind": "posted",
                    "client_key": client_key,
                    "id": str(posted.message.id),
                    "seq": posted.message.seq,
                }
            )

    async def _resume(self, after: int) -> None:
        if after < self.sent_low:
            await self._send_range(after, self.sent_low)
            self.sent_low = after
        elif after > self.sent_high:
            # The client holds more than this socket sent (from an earlier socket): skip those.
            self.sent_low = self.sent_high = after
        await self._catch_up()
        await self._ready()

    # Helpers.

    async def _take(self, batch: Batch) -> None:
        """Send what a shared read found after `sent_high`, if it vouches for this socket's
        access; else check again first (closing if the room is no longer theirs). A read that
        could not serve everyone, or was cut at PAGE, is completed by the socket's own."""
        if batch.vouches_for(self.access_seq):
            self.access_seq = max(self.access_seq, batch.head)
        else:
            await self._recheck()
        if self.closing:
            return
        if batch.entries is None or self.sent_high < batch.after:
            await self._catch_up()
            return
        entries = [entry for entry in batch.entries if entry.seq > self.sent_high]
        view, language = self.view, self.language
        if any(render_key(e.message, view, language) not in e.texts for e in entries):
            # A reader class the read did not know (e.g. this socket's view changed since).
            await in_db(delivery.render_missing)(entries, view, language)
        await self._send_entries(entries, view, language)
        if not batch.complete:
            await self._catch_up()

    async def _send_entries(self, entries: list[Entry], view: RoomView, language: str) -> None:
        """Send a shared read's frames that follow `sent_high`, in order, moving it on."""
        for entry in entries:
            if self.closing:
                return
            await self.send(text_data=entry.texts[render_key(entry.message, view, language)])
            self.sent_high = entry.seq

    async def _catch_up(self) -> None:
        """Send every visible message after the last one sent, in order, page by page."""
        while not self.closing:
            page = await self._fetch(self.sent_high, PAGE)
            if page is None:
                return
            await self._send_page(page)
            if len(page) < PAGE:
                return

    async def _send_page(self, page: list[dict[str, Any]]) -> None:
        """Send messages that follow `sent_high`, in order, moving it on."""
        for item in page:
            if item["seq"] > self.sent_high and not self.closing:
                await self.send_json(item)
                self.sent_high = item["seq"]

    async def _send_range(self, after: int, upto: int) -> None:
        """Send the visible messages numbered in (after, upto], in order."""
        while after < upto and not self.closing:
            limit = min(PAGE, upto - after)
            page = await self._fetch(after, limit)
            if page is None:
                return
            for item in page:
                if item["seq"] > upto:
                    return
                await self.send_json(item)
                after = item["seq"]
            if len(page) < limit:
                return

    async def _fetch(self, after: int, limit: int) -> list[dict[str, Any]] | None:
        page = await in_db(_page)(self.user, self.room, self.view, after, limit)
        if page is None:
            await self._shut()
        return page

    async def _ready(self) -> None:
        """Tell the client the replay it asked for is complete, and where the socket stands."""
        if not self.closing:
            await self.send_json({"kind": "ready", "seq": self.sent_high})

    async def _error(self, detail: str) -> None:
        await self.send_json({"kind": "error", "detail": detail})

    def _leave_feed(self) -> None:
        feed, self.feed = getattr(self, "feed", None), None
        if feed is not None:
            delivery.leave(feed, self)

    async def _shut(self) -> None:
        """Stop at once: leave the groups so no further event arrives, then close."""
        if self.closing:
            return
        self.closing = True
        self._leave_feed()
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = []
        await self.close(code=CLOSE_FORBIDDEN)
