"""Conditions other apps add to the start of a process, without cases depending on them.

Cases is the lower app: safety (screening), which reads cases, must be able to hold a
mediation back until it is screened. It registers a check here from its `AppConfig.ready`,
as Django apps register signal receivers, and `start_blockers` and the dashboard ask every
registered check. A check reads the process and returns what still stands in its way, in
words every participant may see (they name no one and reveal no private answer).

A step check answers the dashboard's other question: what the process waits on from one
person (say, their own screening answers). It returns `selectors.Waiting` values, which the
dashboard shows with the one place to do each.
"""

from __future__ import annotations

from collections.abc import Callable

from accord.cases.models import Participant, Process

StartCheck = Callable[[Process], list[str]]
StepCheck = Callable[[Participant, Process], list[str]]

_start_checks: list[StartCheck] = []
_step_checks: list[StepCheck] = []


def register_start_check(check: StartCheck) -> None:
    """Add a start condition; registering the same check twice has no effect."""
    if check not in _start_checks:
        _start_checks.append(check)


def registered_start_blockers(process: Process) -> list[str]:
    """What every registered check says still stands between the process and its start."""
    return [blocker for check in _start_checks for blocker in check(process)]


def register_step_check(check: StepCheck) -> None:
    """Add a source of steps a proposed process waits on from one person; idempotent."""
    if check not in _step_checks:
        _step_checks.append(check)


def registered_steps(place: Participant, process: Process) -> list[str]:
    """The steps (`selectors.Waiting` values) the registered checks say this place owes."""
    return [step for check in _step_checks for step in check(place, process)]
