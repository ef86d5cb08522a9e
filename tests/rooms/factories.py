"""A started mediation with its rooms, built through the services."""

from __future__ import annotations

from dataclasses import dataclass

from accord.cases import services as cases
from accord.cases.models import Process
from accord.cases.rules import rules_for
from accord.rooms import services
from accord.rooms.models import Room, RoomKind
from tests.cases.factories import World, make_world
from tests.safety.factories import screen


@dataclass
class Mediation:
    world: World
    process: Process
    rooms: dict[str, Room]  # "joint", "caucus:0", "side:1", "neutrals", ...

    def room(self, name: str) -> Room:
        return self.rooms[name]


def start_process(world: World, kind: str = "mediation", fmt: str | None = None) -> Process:
    a, *others = world.principals
    process = cases.process_propose(actor=a, case=world.case, kind=kind, format=fmt)
    for p in others:
        cases.process_consent(actor=p, process=process)
    rules = rules_for(kind)
    people = [world.mediator, *world.principals, *world.advocates]
    if rules.confidentiality_chosen_by_sides:
        for p in world.principals:
            cases.process_choose_confidentiality(actor=p, process=process, confidential=True)
    if rules.confidentiality_terms_accepted_by_all:
        for p in people:
            if p.role in rules.participant_roles and p.is_current:
                cases.process_accept_confidentiality(actor=p, process=process)
    screen(process)
    starter = next(p for p in people if p.role in rules.started_by)
    return cases.process_start(actor=starter, process=process)


def named(rooms: list[Room]) -> dict[str, Room]:
    names = {}
    for room in rooms:
        if room.kind in (RoomKind.CAUCUS, RoomKind.SIDE):
            names[f"{room.kind}:{room.side.position}"] = room
        else:
            names[room.kind] = room
    return names


def make_mediation(*, sides: int = 2, advocates: bool = False, fmt: str | None = None) -> Mediation:
    world = make_world(sides=sides, advocates=advocates)
    process = start_process(world, "mediation", fmt)
    return Mediation(world, process, named(services.rooms_ensure(process=process)))
