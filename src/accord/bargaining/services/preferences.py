"""A side's private preferences: points over the issues, a score for every option (for an
amount, the scores of the lowest and highest; for a date, the best date and how fast a date
loses its worth away from it), a walk-away point, and who besides the engine may see them
(the mediator, or nobody)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from accord.bargaining.models import Preference, PreferenceScore, PreferenceWeight
from accord.bargaining.permissions import check_side_act
from accord.bargaining.selectors import agenda_issues, latest_preference, show_date
from accord.bargaining.services._common import audit, fresh, locked_process, notify, side_of
from accord.bargaining.services.agenda import check_date
from accord.bargaining.vocabulary import IssueKind, PreferenceVisibility, Topic
from accord.cases.models import Participant, Process
from accord.core.errors import Conflict, InvalidInput

TOTAL_POINTS = 100
# How far from the best date a date may keep some worth: ten years is past any agenda.
MAX_FALLOFF_DAYS = 3660


@dataclass(frozen=True)
class PreferenceDraft:
    """What a side typed: points per issue id, a score per option id, for range issues the
    scores of the lowest and highest amounts, for date issues the best date and after how
    many days away from it a date is worth nothing, a walk-away point and a visibility."""

    weights: Mapping[uuid.UUID, int | None]
    scores: Mapping[uuid.UUID, int | None] = field(default_factory=dict)
    range_scores: Mapping[uuid.UUID, tuple[int | None, int | None]] = field(default_factory=dict)
    date_prefs: Mapping[uuid.UUID, tuple[object, int | None]] = field(default_factory=dict)
    reservation: int | None = 0
    visibility: str = PreferenceVisibility.BLIND


def _points(value: int | None, *, field_name: str, message: str) -> int:
    if value is None or isinstance(value, bool) or not 0 <= int(value) <= TOTAL_POINTS:
        raise InvalidInput(message, field=field_name)
    return int(value)


def _date_preference(
    issue_id: uuid.UUID,
    title: str,
    bounds: tuple[dt.date, dt.date],
    typed: tuple[object, int | None],
) -> tuple[dt.date, int]:
    best, falloff = typed
    earliest, latest = bounds
    best_field = f"best_{issue_id}"
    if best is None:
        raise InvalidInput(
            _("Choose your best date for %(issue)s.") % {"issue": title}, field=best_field
        )
    day = check_date(best, field=best_field)
    if not earliest <= day <= latest:
        raise InvalidInput(
            _("Choose your best date for %(issue)s from %(earliest)s to %(latest)s.")
            % {"issue": title, "earliest": show_date(earliest), "latest": show_date(latest)},
            field=best_field,
        )
    if falloff is None or isinstance(falloff, bool) or not 1 <= int(falloff) <= MAX_FALLOFF_DAYS:
        raise InvalidInput(
            _(
                "Say after how many days away from your best date a date is no good to you "
                "for %(issue)s (from 1 to %(max)d)."
            )
            % {"issue": title, "max": MAX_FALLOFF_DAYS},
            field=f"falloff_{issue_id}",
        )
    return day, int(falloff)


def preference_set(*, actor: Participant, process: Process, draft: PreferenceDraft) -> Preference:
    """A party or advocate sets their side's preferences. A new row each time (the latest
    counts); nothing about them goes into the audit payload or any notification."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_side_act(actor, process)
        issues = agenda_issues(process)
        if not issues:
            raise Conflict(_("There is nothing on the agenda to weigh yet."))
        if draft.visibility not in PreferenceVisibility.values:
            raise InvalidInput(_("Choose who may see your preferences."), field="visibility")
        weights: dict[uuid.UUID, int] = {}
        for issue in issues:
            weights[issue.id] = _points(
                draft.weights.get(issue.id),
                field_name=f"weight_{issue.id}",
                message=_("Give %(issue)s between 0 and 100 points.") % {"issue": issue.title},
            )
        total = sum(weights.values())
        if total != TOTAL_POINTS:
            raise InvalidInput(
                _("The points you give the issues must add up to 100; they add up to %(total)d.")
                % {"total": total},
                field="weights",
            )
        scores: list[tuple[uuid.UUID, int]] = []
        ranges: dict[uuid.UUID, tuple[int, int]] = {}
        dates: dict[uuid.UUID, tuple[dt.date, int]] = {}
        for issue in issues:
            if issue.kind == IssueKind.OPTIONS:
                for option in issue.options.all():
                    scores.append(
                        (
                            option.id,
                            _points(
                                draft.scores.get(option.id),
                                field_name=f"score_{option.id}",
                                message=_("Give “%(option)s” (%(issue)s) a score from 0 to 100.")
                                % {"option": option.label, "issue": issue.title},
                            ),
                        )
                    )
            elif issue.kind == IssueKind.DATES:
                dates[issue.id] = _date_preference(
                    issue.id,
                    issue.title,
                    issue.date_bounds(),
                    draft.date_prefs.get(issue.id, (None, None)),
                )
            else:
                low, high = draft.range_scores.get(issue.id, (None, None))
                message = _(
                    "Say how good the lowest and the highest amount of %(issue)s are, "
                    "from 0 to 100."
                ) % {"issue": issue.title}
                ranges[issue.id] = (
                    _points(low, field_name=f"low_{issue.id}", message=message),
                    _points(high, field_name=f"high_{issue.id}", message=message),
                )
        reservation = _points(
            draft.reservation,
            field_name="reservation",
            message=_("Give your walk-away point from 0 to 100."),
        )
        first_time = latest_preference(process, side_of(actor)) is None
        preference = Preference.objects.create(
            process=process,
            side_id=side_of(actor),
            visibility=draft.visibility,
            reservation=reservation,
            given_by=actor,
        )
        PreferenceWeight.objects.bulk_create(
            PreferenceWeight(
                preference=preference,
                issue_id=issue_id,
                points=points,
                score_low=ranges.get(issue_id, (None, None))[0],
                score_high=ranges.get(issue_id, (None, None))[1],
                best_date=dates[issue_id][0] if issue_id in dates else None,
                falloff_days=dates[issue_id][1] if issue_id in dates else None,
            )
            for issue_id, points in weights.items()
        )
        PreferenceScore.objects.bulk_create(
            PreferenceScore(preference=preference, option_id=option_id, score=score)
            for option_id, score in scores
        )
        # Only that it happened and who may see it: never a weight, score or walk-away point.
        audit(actor, "preference.set", preference, {"visibility": draft.visibility})
        # The side's own members see them; the mediator sees only that the side has given
        # them (the checklist), so hears of the first time and never of a change.
        notify(process, Topic.PREFERENCES, sides=[actor.side_id], facilitators=first_time)
    return preference
