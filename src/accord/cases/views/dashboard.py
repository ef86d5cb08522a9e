"""The start page: my cases, each with what it is waiting on from me."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accord.accounts.selectors import user_has_strong_auth
from accord.cases.selectors import case_overviews
from accord.cases.views._common import user_of
from accord.cases.vocabulary import NEUTRAL_ROLES
from accord.notifications.selectors import unread_by_case


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    overviews = case_overviews(user=user)
    unread = unread_by_case(user=user, overviews=overviews)
    return render(
        request,
        "cases/dashboard.html",
        {
            "overviews": overviews,
            "cards": [(o, unread.get(o.case.id, 0)) for o in overviews],
            "needs_me": sum(len(o.needs_me) for o in overviews),
            # Parties never need two-factor; a neutral is reminded until it is on.
            "remind_2fa": any(p.role in NEUTRAL_ROLES for o in overviews for p in o.places)
            and not user_has_strong_auth(user),
        },
    )
