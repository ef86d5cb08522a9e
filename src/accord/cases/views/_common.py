"""What the case pages share: who is acting, refusals next to fields, forms done once."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.cases.forms import SubmissionForm, valid_submission_key
from accord.cases.models import Case, Participant, Process
from accord.cases.selectors import access_case, access_process, participations
from accord.core.errors import AccordError, InvalidInput, NotFound

# How long a done submission is remembered, and how long a repeat waits for the first one.
_REMEMBER_SECONDS = 3600
_WAIT_SECONDS = 5.0
_PENDING = "pending"

Can = Callable[[Participant], bool]


def user_of(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # @login_required runs first; never guess otherwise
        raise NotFound
    return user


def choose(places: list[Participant], can: Can | None) -> Participant:
    """The place to act with: the first one allowed to (a med-arb neutral may hold two),
    else the first, so the service explains the refusal in its own words."""
    if not places:
        raise NotFound
    if can is not None:
        for place in places:
            if can(place):
                return place
    return places[0]


def places_in_case(request: HttpRequest, case_id: uuid.UUID) -> list[Participant]:
    """The user's current places in the case; NotFound for a stranger and a missing id alike."""
    user = user_of(request)
    case = access_case(user=user, case_id=case_id)
    places = participations(user=user, case=case)
    if not places:
        raise NotFound
    for place in places:
        place.case = case
    return places


def places_in_process(
    request: HttpRequest, process_id: uuid.UUID
) -> tuple[list[Participant], Process]:
    user = user_of(request)
    process = access_process(user=user, process_id=process_id)
    places = participations(user=user, case=process.case)
    if not places:
        raise NotFound
    for place in places:
        place.case = process.case
    return places, process


def acting_in_case(
    request: HttpRequest, case_id: uuid.UUID, *, can: Can | None = None
) -> Participant:
    return choose(places_in_case(request, case_id), can)


def acting_on_process(
    request: HttpRequest, process_id: uuid.UUID, *, can: Can | None = None
) -> tuple[Participant, Process]:
    places, process = places_in_process(request, process_id)
    return choose(places, can), process


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (an unticked box sends nothing), else None."""
    return request.POST if request.method == "POST" else None


def only_get(request: HttpRequest) -> HttpResponse | None:
    """Pages that only show: called after the access check, so a stranger still gets 404."""
    if request.method in ("GET", "HEAD"):
        return None
    return HttpResponseNotAllowed(["GET"])


def refuse_into(form: forms.Form, error: AccordError) -> int:
    """Put a service's refusal next to the field it names (else above the form).

    Returns the status to answer with: 200 for input to correct, the refusal's own otherwise.
    """
    if not hasattr(form, "cleaned_data"):
        form.is_valid()  # add_error needs a validated form
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    return 200 if isinstance(error, InvalidInput) else error.status_code


def _cache_key(request: HttpRequest, key: str) -> str:
    return f"accord:submitted:{request.user.pk}:{key}"


def _first_result(request: HttpRequest, cache_key: str, fallback: str) -> HttpResponse | None:
    """The redirect the first submission with this key ended with, waiting for it a moment
    if it is still at work; None when no submission with this key was done."""
    deadline = time.monotonic() + _WAIT_SECONDS
    while True:
        location = cache.get(cache_key)
        if not location:
            return None
        if location != _PENDING:
            messages.info(request, _("That was already sent, and it was done once."))
            return redirect(location)
        if time.monotonic() >= deadline:
            return redirect(fallback)  # the first one is still at work: show where it acts
        time.sleep(0.1)


def replayed(request: HttpRequest) -> HttpResponse | None:
    """A form this person already sent (a double click, a resend): the first one's result.

    Views call it right after the access check and before judging the state, which the
    first submission has changed: the repeat must not be refused for what the first did.
    """
    if request.method != "POST":
        return None
    key = valid_submission_key(request.POST.get("submission"))
    if not key:
        return None
    return _first_result(request, _cache_key(request, key), request.path)


def submit_once(
    request: HttpRequest,
    form: SubmissionForm,
    action: Callable[[], HttpResponse],
    *,
    fallback: str,
) -> HttpResponse:
    """Do `action` once per submission key; a repeat gets the first one's redirect.

    Only a redirect counts as done: a form shown again with errors changed nothing, so the
    same key may be sent again. Keys live in the shared cache (Redis in production), so a
    repeat that lands on another app server is recognised too; claiming a key is atomic
    (cache.add), so two racing repeats cannot both act.
    """
    key = form.submission_key()
    if not key:
        return action()
    cache_key = _cache_key(request, key)
    while not cache.add(cache_key, _PENDING, _REMEMBER_SECONDS):
        first = _first_result(request, cache_key, fallback)
        if first is not None:
            return first
        # The first one failed and let the key go between our two looks: try again.
    try:
        response = action()
    except BaseException:
        cache.delete(cache_key)
        raise
    if isinstance(response, HttpResponseRedirect):
        cache.set(cache_key, response["Location"], _REMEMBER_SECONDS)
    else:
        cache.delete(cache_key)
    return response


def optional_url(name: str, **kwargs: object) -> str | None:
    """A page of an app that may not have it yet (agreements, bargaining, arbitration)."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def case_url(case: Case | uuid.UUID) -> str:
    case_id = case.id if isinstance(case, Case) else case
    return reverse("cases:case", kwargs={"case_id": case_id})


def process_url(process: Process) -> str:
    return reverse("cases:process", kwargs={"process_id": process.id})
