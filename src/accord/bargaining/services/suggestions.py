"""Engine suggestions as a persisted job: the request writes a row, the computation runs in a
background thread (or inline, in tests and for scripts) and writes its progress and results,
and the page polls the row. Nothing blocks the page, whatever the engine's running time."""

from __future__ import annotations

import logging
import threading
import uuid

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils.translation import gettext as _

from accord.bargaining import adapters
from accord.bargaining.models import SuggestedPackage, SuggestionRun
from accord.bargaining.permissions import check_facilitate, check_side_act
from accord.bargaining.selectors import (
    agenda_issues,
    has_facilitator,
    latest_preference,
    sides_in,
)
from accord.bargaining.services._common import audit, fresh, locked_process, notify
from accord.bargaining.vocabulary import PreferenceVisibility, RunStatus, SuggestionKind, Topic
from accord.cases.models import Participant, Process
from accord.core import clock
from accord.core.errors import Conflict

logger = logging.getLogger(__name__)

# The frontier picture and the list show at most this many frontier packages, evenly spread.
MAX_FRONTIER_SHOWN = 200
MAX_IMPROVEMENTS_SHOWN = 5


def suggestions_request(
    *, actor: Participant, process: Process, inline: bool | None = None
) -> SuggestionRun:
    """The mediator (or, in a process without one, a party or advocate) asks the engine for
    packages. Every side must have given its preferences first. A request while one is
    still running returns that one.

    `inline=None` follows the BARGAINING_RUN_INLINE setting (default: a background thread).
    """
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        if has_facilitator(process):
            check_facilitate(actor, process)
        else:
            check_side_act(actor, process)
        running = SuggestionRun.objects.filter(
            process=process, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
        ).first()
        if running is not None:
            return running
        if not agenda_issues(process):
            raise Conflict(_("There is nothing on the agenda yet."))
        sides = sides_in(process)
        preferences = [latest_preference(process, side.id) for side in sides]
        missing = sum(p is None for p in preferences)
        if missing:
            raise Conflict(
                _("Waiting for %(n)d side(s) to give their preferences.") % {"n": missing}
            )
        run = SuggestionRun.objects.create(
            process=process,
            requested_by=actor,
            open_to_mediator=[
                str(p.side_id)
                for p in preferences
                if p is not None and p.visibility == PreferenceVisibility.MEDIATOR
            ],
        )
        audit(actor, "suggestions.requested", run, {})
        notify(process, Topic.SUGGESTIONS)  # everyone sees that the engine is at work
        run_inline = getattr(settings, "BARGAINING_RUN_INLINE", False) if inline is None else inline
        if not run_inline:
            transaction.on_commit(lambda: _start_thread(run.id), robust=True)
    if run_inline:
        suggestions_compute(run_id=run.id)
        run.refresh_from_db()
    return run


def _start_thread(run_id: uuid.UUID) -> None:
    threading.Thread(target=_in_thread, args=(run_id,), daemon=True, name="suggestions").start()


def _in_thread(run_id: uuid.UUID) -> None:
    close_old_connections()
    try:
        suggestions_compute(run_id=run_id)
    except Exception:
        logger.exception("suggestion run %s failed", run_id)
    finally:
        connection.close()


def _progress(run: SuggestionRun, percent: int, status: str = RunStatus.RUNNING) -> None:
    with transaction.atomic():
        SuggestionRun.objects.filter(id=run.id).update(progress=percent, status=status)


def _row(
    run: SuggestionRun,
    kind: str,
    rank: int,
    choices: dict[str, str],
    points: tuple[float, ...],
    side_ids: list[str],
) -> SuggestedPackage:
    return SuggestedPackage(
        run=run,
        kind=kind,
        rank=rank,
        choices=dict(choices),
        utilities={side: round(u, 4) for side, u in zip(side_ids, points, strict=True)},
    )


def _failed(run: SuggestionRun, message: str) -> SuggestionRun:
    with transaction.atomic():
        locked_process(run.process)
        SuggestionRun.objects.filter(id=run.id).update(
            status=RunStatus.FAILED, error=message[:300], finished_at=clock.now()
        )
        notify(run.process, Topic.SUGGESTIONS)
    run.refresh_from_db()
    return run


def suggestions_compute(*, run_id: uuid.UUID) -> SuggestionRun:
    """The job body: read the agenda and every side's current preferences, ask the engine,
    store the packages and mark the run done (or failed, with a plain reason). Called by the
    runner only, never by a view."""
    run = SuggestionRun.objects.select_related("process__case", "requested_by__case").get(id=run_id)
    if run.status != RunStatus.QUEUED:
        return run
    _progress(run, 5)
    process = run.process
    issues = agenda_issues(process)
    sides = sides_in(process)
    side_ids = [str(side.id) for side in sides]
    preferences = [latest_preference(process, side.id) for side in sides]
    try:
        utilities = [adapters.to_utility(p, issues) for p in preferences if p is not None]
        if len(utilities) != len(sides):
            raise ValueError("a side has no preferences")
    except ValueError:
        return _failed(
            run, _("The agenda changed since a side gave its preferences; ask them again.")
        )
    engine_issues = adapters.to_engine_issues(issues)
    draft = adapters.draft_choices(issues)
    _progress(run, 20)
    try:
        found = adapters.suggest(engine_issues, utilities, draft)
    except ValueError:
        # The engine refuses (never truncates) a frontier past its cap: say so plainly.
        return _failed(
            run, _("There are too many equally good packages to list; narrow the options.")
        )
    _progress(run, 80)
    rows: list[SuggestedPackage] = []
    if found.nash is not None:
        rows.append(
            _row(
                run,
                SuggestionKind.NASH,
                0,
                adapters.package_choices(found.nash),
                found.nash.utilities,
                side_ids,
            )
        )
    if found.kalai_smorodinsky is not None:
        ks = found.kalai_smorodinsky
        rows.append(
            _row(
                run,
                SuggestionKind.KALAI_SMORODINSKY,
                1,
                adapters.package_choices(ks),
                ks.utilities,
                side_ids,
            )
        )
    for n, package in enumerate(found.improvements[:MAX_IMPROVEMENTS_SHOWN]):
        rows.append(
            _row(
                run,
                SuggestionKind.IMPROVEMENT,
                10 + n,
                adapters.package_choices(package),
                package.utilities,
                side_ids,
            )
        )
    for n, package in enumerate(adapters.spread(found.frontier, MAX_FRONTIER_SHOWN)):
        rows.append(
            _row(
                run,
                SuggestionKind.PARETO,
                100 + n,
                adapters.package_choices(package),
                package.utilities,
                side_ids,
            )
        )
    if draft is not None:
        rows.append(
            _row(
                run,
                SuggestionKind.BASELINE,
                10_000,
                draft,
                adapters.utilities_of(draft, utilities),
                side_ids,
            )
        )
    with transaction.atomic():
        locked_process(process)
        locked = SuggestionRun.objects.select_for_update(of=("self",), no_key=True).get(id=run.id)
        SuggestedPackage.objects.bulk_create(rows)
        locked.status = RunStatus.DONE
        locked.progress = 100
        locked.baseline = draft or {}
        locked.finished_at = clock.now()
        locked.save(update_fields=["status", "progress", "baseline", "finished_at"])
        audit(
            run.requested_by,
            "suggestions.computed",
            locked,
            {"frontier": len(found.frontier), "improvements": len(found.improvements)},
        )
        notify(process, Topic.SUGGESTIONS)
    locked.refresh_from_db()
    return locked
