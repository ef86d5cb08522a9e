"""Screening scenes, built through the services as people would."""

from __future__ import annotations

import itertools

from accord.cases import services as cases
from accord.cases.selectors import current_participants
from accord.safety import services
from accord.safety.selectors import (
    is_facilitator,
    is_screened,
    is_screened_principal,
    own_response,
)
from accord.safety.services import ConfigurationChoice

_keys = itertools.count(1)

# Answers that call for nothing: the baseline every rule test changes one answer of.
CALM = {
    "fear": "no",
    "harm": "never",
    "threats": "no",
    "control": "no",
    "put_down": "no",
    "followed": "no",
    "weapons": "no",
    "court_order": "no",
    "children": "none",
    "speak_up": "yes",
    "same_room": "fine",
    "arrival": "no",
    "support": "no",
}


def key() -> str:
    return f"k{next(_keys)}"


def answer(person, process, note: str = "", **changes):
    return services.screening_answer(
        actor=person, process=process, answers={**CALM, **changes}, note=note, client_key=key()
    )


def confirm(neutral, process, **choice):
    values = {"shuttle_only": False, "staggered": False, "support": False, "rescreen": False}
    values.update(choice)
    return services.configuration_confirm(
        actor=neutral, process=process, choice=ConfigurationChoice(**values)
    )


def propose(world, kind: str = "mediation", fmt: str | None = None):
    """A proposed process every side consented to (screening happens before the start)."""
    a, *others = world.principals
    process = cases.process_propose(actor=a, case=world.case, kind=kind, format=fmt)
    for p in others:
        cases.process_consent(actor=p, process=process)
    return process


def screen(process, **choice) -> None:
    """What a mediation or coordination needs before it starts: every party answers the calm
    baseline and the process's neutral confirms the configuration (`choice` sets measures).
    Nothing for a process that is not screened."""
    if not is_screened(process):
        return
    people = list(current_participants(process.case))
    for person in people:
        if is_screened_principal(person, process) and not own_response(
            participant=person, process=process
        ):
            answer(person, process)
    neutral = next((p for p in people if is_facilitator(p, process)), None)
    if neutral is not None:  # with no neutral in effect, the start stays blocked anyway
        confirm(neutral, process, **choice)
