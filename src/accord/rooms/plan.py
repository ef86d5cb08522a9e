"""Which rooms a process has, derived from its rules and format (DESIGN.md §4)."""

from __future__ import annotations

from accord.cases.models import Process
from accord.cases.rules import rules_for
from accord.cases.vocabulary import Format, ProcessKind, Role
from accord.rooms.models import RoomKind

# Shuttle-only keeps people apart: no joint room at all.
_NO_JOINT_FORMATS = frozenset({Format.SHUTTLE})


def planned_rooms(process: Process, *, shuttle_only: bool = False) -> list[tuple[RoomKind, bool]]:
    """(kind, one per side?) for every room the process needs."""
    rules = rules_for(process.kind)
    rooms: list[tuple[RoomKind, bool]] = []
    if process.kind == ProcessKind.ARBITRATION:
        rooms.append((RoomKind.RECORD, False))
    elif process.format not in _NO_JOINT_FORMATS and not shuttle_only:
        rooms.append((RoomKind.JOINT, False))
    # A private session exists where a facilitating neutral (mediator, coordinator) does.
    if rules.required_neutrals & {Role.MEDIATOR, Role.COORDINATOR}:
        rooms.append((RoomKind.CAUCUS, True))
    rooms.append((RoomKind.SIDE, True))
    if rules.required_neutrals:
        rooms.append((RoomKind.NEUTRALS, False))
    return rooms
