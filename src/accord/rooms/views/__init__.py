"""Pages of the rooms app: a room with its live chat, the mediator's shuttle view, and
leaving a mediation.

Thin, like the API: find the object through an `access_*` selector (one 404 for missing and
not-yours alike), call one service, render. A normal request gets the page; an htmx request
gets the fragment it swaps, from the very partial the page and the socket render. A refusal
is shown next to the field it concerns, with what the person typed kept; a form sent twice
changes nothing the second time (client keys, and state checks where a service has none).
"""

from accord.rooms.views.leave import leave
from accord.rooms.views.releases import relay, release, release_card, revoke, shuttle
from accord.rooms.views.room import attachment, read, room

__all__ = [
    "attachment",
    "leave",
    "read",
    "relay",
    "release",
    "release_card",
    "revoke",
    "room",
    "shuttle",
]
