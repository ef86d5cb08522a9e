"""Conditions other apps add to the start of a process, without cases depending on them.

Cases is the lower app: safety (screening), which reads cases, must be able to hold a
mediation back until it is screened. It registers a check here from its `AppConfig.ready`,
as Django apps register signal receivers, and `start_blockers` and the dashboard ask every
registered check. A check reads the process and returns what still stands in its way, in
words every participant may see (they name no one and reveal no private answer).

An end check answers the same question about an ending: what stands between the process
and the outcome someone is recording. The agreements app registers one so that "agreement"
and "partial agreement" rest on a text every remaining side signed: cases records outcomes
but cannot see signatures. It returns blockers in words, like a start check.

A step check answers the dashboard's other question: what the process waits on from one
person (say, their own screening answers). It returns `selectors.Waiting` values, which the
dashboard shows with the one place to do each.
"""

from __future__ import annotations

from collections.abc import Callable

from accord.cases.models import Participant, Process

StartCheck = Callable[[Process], list[str]]
StepCheck = Callable[[Participant, Process], list[str]]
EndCheck = Callable[[Process, str], list[str]]

_start_checks: list[StartCheck] = []
_end_checks: list[EndCheck] = []
_step_checks: list[StepCheck] = []


def register_start_check(check: StartCheck) -> None:
    """Add a start condition; registering the same check twice has no effect."""
    if check not in _start_checks:
        _start_checks.append(check)


def registered_start_blockers(process: Process) -> list[str]:
    """What every registered check says still stands between the process and its start."""
    return [blocker for check in _start_checks for blocker in check(process)]


def register_end_check(check: EndCheck) -> None:
    """Add a condition on ending with an outcome; registering the same check twice has no
    effect."""
    if check not in _end_checks:
        _end_checks.append(check)


def registered_end_blockers(process: Process, outcome: str) -> list[str]:
    """What every registered check says still stands between the process and ending with
    this outcome (none: it may end so)."""
    return [blocker for check in _end_checks for blocker in check(process, outcome)]


def register_step_check(check: StepCheck) -> None:
    """Add a source of steps a proposed process waits on from one person; idempotent."""
    if check not in _step_checks:
        _step_checks.append(check)


def registered_steps(place: Participant, process: Process) -> list[str]:
    """The steps (`selectors.Waiting` values) the registered checks say this place owes."""
    return [step for check in _step_checks for step in check(place, process)]
