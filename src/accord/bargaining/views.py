"""Pages of the settlement workspace.

One page per process (`workspace`) shows what the viewer may see, part by part; each form
posts to its own small view, which calls one service and redirects back (or re-renders the
page with the refusal next to the field and what the person typed). The same view answers an
htmx request for some parts (`?part=agenda&part=terms`) with just those parts, drawn from the
same templates: that is how an open page follows what others do (workspace.js). The engine's
progress is polled with htmx from `run_status`. Every lookup goes through the selectors'
access_* functions, so a stranger gets the same 404 as for a missing id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.bargaining import permissions, selectors, services
from accord.bargaining.forms import (
    BiddingForm,
    BidForm,
    DateAssentForm,
    InterestForm,
    IssueForm,
    ItemForm,
    LinkDecisionForm,
    PreferenceForm,
    ProposalForm,
    ValuationForm,
    date_example,
    new_key,
)
from accord.bargaining.models import AgendaIssue, IssueOption
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.bargaining.svg import frontier_svg
from accord.bargaining.vocabulary import IssueKind, RunStatus, Topic
from accord.cases.models import Participant, Process
from accord.core.amounts import amount_input, parse_amount
from accord.core.errors import AccordError
from accord.rooms.models import RoomKind

# The access check each URL's id goes through, so a method the page does not take is refused
# (405) only after the access check: a stranger gets the same 404 for every method.
_ACCESS: dict[str, Callable[..., object]] = {
    "process_id": selectors.access_workspace,
    "issue_id": selectors.access_issue,
    "interest_id": selectors.access_interest,
    "link_id": selectors.access_link,
    "run_id": selectors.access_run,
    "proposal_id": selectors.access_proposal,
    "bidding_id": selectors.access_bidding,
}

_View = Callable[..., HttpResponse]


def _methods(*allowed: str) -> Callable[[_View], _View]:
    def decorate(view: _View) -> _View:
        def wrapper(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            if request.method not in allowed:
                for name, value in kwargs.items():
                    _ACCESS[name](user=_user(request), **{name: value})
                return HttpResponseNotAllowed(list(allowed))
            return view(request, **kwargs)

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper

    return decorate


shows = _methods("GET", "HEAD")
takes = _methods("POST")


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required ran first
    return user


def _back(process: Process, anchor: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        reverse("bargaining:workspace", kwargs={"process_id": process.id}) + f"#{anchor}"
    )


# The page's parts, in order; each is one template under bargaining/parts/ and a topic of
# change names the parts that show it (workspace.js fetches them again when it moves).
PARTS = (
    "agenda",
    "terms",
    "interests",
    "map",
    "preferences",
    "suggestions",
    "proposal",
    "division",
    "bidding",
)
TOPIC_PARTS: dict[str, tuple[str, ...]] = {
    Topic.AGENDA: (
        "agenda",
        "terms",
        "interests",
        "map",
        "preferences",
        "proposal",
        "bidding",
    ),
    Topic.TERMS: ("agenda", "terms", "proposal"),
    Topic.INTERESTS: ("interests", "map"),
    Topic.COMMON_GROUND: ("interests", "map"),
    Topic.PREFERENCES: ("preferences", "suggestions"),
    Topic.SUGGESTIONS: ("suggestions",),
    Topic.PROPOSAL: ("proposal", "agenda", "terms"),
    Topic.DIVISION: ("division",),
    Topic.BIDDING: ("bidding", "agenda", "terms"),
    selectors.RELEASES: ("interests", "map"),
}


def _context(
    process: Process,
    place: Participant,
    forms: dict[str, Any] | None = None,
    parts: tuple[str, ...] = PARTS,
) -> dict[str, Any]:
    """What the named parts show this viewer; each piece from a selector that filters. For
    the whole page, the change counts are read first, so a change made while the parts are
    drawn moves them past what the page holds, and the page fetches again rather than miss
    it (a fetch of some parts needs none: the page read the counts before asking)."""
    counts = selectors.change_counts(viewer=place, process=process) if parts == PARTS else {}
    if "proposal" in parts:
        services.proposals_close_due(process=process)
    facilitator = selectors.is_facilitator(place)
    side_id = place.side_id if place.role in selectors.SIDE_READERS else None
    forms = forms or {}
    context: dict[str, Any] = {
        "process": process,
        "place": place,
        "facilitator": facilitator,
        "side_id": side_id,
        "can_act": permissions.can_side_act(place, process),
        "can_propose": permissions.can_propose_issue(place, process),
        "can_facilitate": permissions.can_facilitate(place, process),
        "needs_mediator": permissions.agenda_needs_mediator(process),
        "parts": [{"name": n, "template": f"bargaining/parts/{n}.html"} for n in parts],
        "live": {
            "counts_json": json.dumps(counts, sort_keys=True),
            "topic_parts_json": json.dumps(TOPIC_PARTS, sort_keys=True),
        },
    }
    issues = selectors.agenda_issues(process)
    for name in parts:
        context.update(_BUILDERS[name](process, place, context, issues, forms))
    return context


_Builder = Callable[
    [Process, Participant, dict[str, Any], list[AgendaIssue], dict[str, Any]], dict[str, Any]
]


def _agenda_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    agenda = selectors.agenda_for(viewer=place, process=process)
    side_id = base["side_id"]
    own_assents = {}
    for issue in agenda:
        latest = selectors.latest_assents(issue).get(side_id) if side_id else None
        own_assents[issue.id] = latest if latest and not latest.withdrawn else None
    return {
        "agenda": agenda,
        "own_assents": own_assents,
        "issue_form": forms.get("issue")
        or IssueForm(initial={"client_key": new_key(), "kind": IssueKind.OPTIONS}),
        "assent_error": forms.get("assent"),
        "date_hint": date_example(),
    }


def _terms_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    side_id = base["side_id"]
    return {
        "terms": selectors.tentative_terms(process),
        "partial_allowed": selectors.partial_agreements_allowed(process),
        "my_partial": selectors.partial_choice_of(process, side_id),
        "confirmed": side_id in selectors.confirmed_side_ids(process) if side_id else False,
    }


def _interests_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    interests = selectors.interests_visible_to(viewer=place, process=process)
    return {
        "agenda": base.get("agenda") or selectors.agenda_for(viewer=place, process=process),
        "interest_form": forms.get("interest")
        or InterestForm(
            issues=issues,
            with_mediator=base["needs_mediator"],
            initial={"client_key": new_key(), "kind": "interest"},
        ),
        "interests": interests,
        "share_states": selectors.share_states(interests),
        "joint_shareable": {i.id for i in interests if permissions.can_share_joint(place, i)},
        "shared": selectors.shared_with_everyone(viewer=place, process=process),
        "share_target": selectors.joint_room(process),
        "common_ground": selectors.common_ground_for(viewer=place, process=process),
    }


def _map_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    return {"interest_map": selectors.interest_map(viewer=place, process=process)}


def _preferences_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    side_id = base["side_id"]
    preference = (
        selectors.preference_for(viewer=place, process=process, side_id=side_id)
        if side_id
        else None
    )
    form = forms.get("preference")
    if form is None and side_id:
        form = _preference_form(issues, preference)
    return {"preference": preference, "preference_form": form}


def _suggestions_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    run = selectors.latest_run(process)
    packages = selectors.packages_for(viewer=place, run=run) if run else []
    sides = selectors.sides_in(process)
    return {
        "preference_status": (
            selectors.preference_status(process=process) if base["facilitator"] else {}
        ),
        "sides": sides,
        "run": run,
        "packages": _package_rows(
            [p for p in packages if p.kind != "pareto"], sides, base["side_id"]
        ),
        "frontier_count": sum(p.kind == "pareto" for p in packages),
        "frontier": frontier_svg(selectors.frontier_points(viewer=place, run=run)) if run else "",
    }


def _proposal_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    return {
        "proposals": [
            {
                "proposal": p,
                "terms": selectors.proposal_terms(p),
                "answer": selectors.own_answer(viewer=place, proposal=p),
            }
            for p in selectors.proposals_of(process)
        ],
        "proposal_form": forms.get("proposal")
        or ProposalForm(
            issues=[i for i in issues if i.status != "agreed"], initial={"client_key": new_key()}
        ),
    }


def _division_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    items = selectors.division_items(process)
    valuation = selectors.valuation_for(viewer=place, process=process)
    form = forms.get("valuation")
    if form is None and base["side_id"] and items:
        initial = {f"item_{k}": v for k, v in (valuation.values if valuation else {}).items()}
        form = ValuationForm(items=items, initial=initial)
    division = selectors.latest_division(process)
    return {
        "items": items,
        "item_form": forms.get("item") or ItemForm(),
        "valuation": valuation,
        "valuation_form": form,
        "division": division,
        "division_rows": _division_rows(division, items, selectors.sides_in(process)),
    }


def _bidding_part(
    process: Process,
    place: Participant,
    base: dict[str, Any],
    issues: list[AgendaIssue],
    forms: dict[str, Any],
) -> dict[str, Any]:
    side_id = base["side_id"]
    rows = []
    for b in selectors.biddings_of(process):
        current = selectors.current_round(b)
        rows.append(
            {
                "bidding": b,
                "agreed": side_id in selectors.rule_agreed_side_ids(b),
                "round": current,
                "own_bid": selectors.own_bid(viewer=place, round=current) if current else None,
                "rounds": list(b.rounds.all()),
                "mine": side_id in (b.payer_id, b.claimant_id),
            }
        )
    return {
        "biddings": rows,
        "bidding_form": forms.get("bidding") or _bidding_form(process),
        "bid_form": forms.get("bid") or BidForm(),
        "bid_error_for": forms.get("bid_for"),
    }


_BUILDERS: dict[str, _Builder] = {
    "agenda": _agenda_part,
    "terms": _terms_part,
    "interests": _interests_part,
    "map": _map_part,
    "preferences": _preferences_part,
    "suggestions": _suggestions_part,
    "proposal": _proposal_part,
    "division": _division_part,
    "bidding": _bidding_part,
}


def _package_rows(
    packages: list[selectors.PackageView], sides: list[Any], side_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    """Each package with the points the viewer may know: its own side's ("you"), or for the
    mediator, those of the sides that opened their preferences."""
    labels = {s.id: s.label for s in sides}
    rows = []
    for view in packages:
        points = []
        for sid, value in view.utilities.items():
            draft = view.baseline.get(sid)
            points.append(
                {
                    "who": None if sid == side_id else labels.get(sid, "?"),
                    "points": round(value),
                    "draft": round(draft) if draft is not None else None,
                    "gain": round(value - draft) if draft is not None else None,
                }
            )
        rows.append({"view": view, "points": points})
    return rows


def _bidding_form(process: Process, data: Any = None) -> BiddingForm:
    form = BiddingForm(data)
    ranges = [i for i in selectors.agenda_issues(process) if i.kind == IssueKind.RANGE]
    form.fields["issue"].choices = [(str(i.id), i.title) for i in ranges]  # type: ignore[attr-defined]
    form.fields["payer"].choices = [(str(s.id), s.label) for s in selectors.sides_in(process)]  # type: ignore[attr-defined]
    return form


def _preference_form(issues: list[AgendaIssue], preference: Any) -> PreferenceForm:
    initial: dict[str, Any] = {"reservation": 0, "visibility": "blind"}
    if preference is not None:
        initial.update(reservation=preference.reservation, visibility=preference.visibility)
        for w in preference.weights.all():
            initial[f"weight_{w.issue_id}"] = w.points
            initial[f"low_{w.issue_id}"] = w.score_low
            initial[f"high_{w.issue_id}"] = w.score_high
            initial[f"best_{w.issue_id}"] = w.best_date
            initial[f"falloff_{w.issue_id}"] = w.falloff_days
        for s in preference.scores.all():
            initial[f"score_{s.option_id}"] = s.score
    else:
        for issue in issues:
            initial[f"weight_{issue.id}"] = 100 // len(issues) if issues else 0
            for option in issue.options.all():
                initial[f"score_{option.id}"] = 50
            initial[f"low_{issue.id}"] = 50
            initial[f"high_{issue.id}"] = 50
            if issue.kind == IssueKind.DATES:
                earliest, latest = issue.date_bounds()
                initial[f"best_{issue.id}"] = earliest + (latest - earliest) / 2
                initial[f"falloff_{issue.id}"] = max(1, (latest - earliest).days)
    return PreferenceForm(issues=issues, initial=initial)


def _division_rows(result: Any, items: list[Any], sides: list[Any]) -> list[dict[str, Any]]:
    if result is None:
        return []
    names = {str(i.id): i.name for i in items}
    labels = {str(s.id): s.label for s in sides}
    return [
        {
            "item": names.get(share["item"], "?"),
            "side": labels.get(share["side"], "?"),
            "percent": (Decimal(share["share"]) * 100).quantize(Decimal("1")),
        }
        for share in result.shares
    ]


def _page(
    request: HttpRequest, process: Process, place: Participant, *, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(
        request, "bargaining/workspace.html", _context(process, place, forms), status=status
    )


def _attempt(
    request: HttpRequest,
    process: Process,
    place: Participant,
    anchor: str,
    action: Callable[[], object],
    **forms: Any,
) -> HttpResponse:
    """Run one service; on refusal, show the page again with the message next to its field."""
    try:
        action()
    except AccordError as error:
        form = next(iter(forms.values()), None)
        if form is not None and hasattr(form, "service_error"):
            form.service_error(error.field, error.message)
        else:
            messages.error(request, error.message)
            return _back(process, anchor)
        return _page(request, process, place, status=400, **forms)
    return _back(process, anchor)


@login_required
@shows
def workspace(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The page; for an htmx request naming parts, just those parts (unknown names are
    ignored), drawn from the same templates and the same selectors as the page."""
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    wanted = set(request.GET.getlist("part"))
    if request.headers.get("HX-Request") and wanted:
        parts = tuple(name for name in PARTS if name in wanted)
        context = _context(process, place, parts=parts)
        html = "".join(
            render_to_string(part["template"], context, request=request)
            for part in context["parts"]
        )
        response = HttpResponse(html)
        response["Cache-Control"] = "no-store"
        response["Vary"] = "HX-Request"
        return response
    return _page(request, process, place)


# --- agenda ---------------------------------------------------------------------------------


@login_required
@takes
def issue_propose(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    form = IssueForm(request.POST)
    if not form.is_valid():
        return _page(request, process, place, status=400, issue=form)
    data = form.cleaned_data
    draft = IssueDraft(
        title=data["title"],
        kind=data["kind"],
        options=form.option_list(),
        range_min=data["range_min"],
        range_max=data["range_max"],
        unit=data["unit"],
        date_min=data["date_min"],
        date_max=data["date_max"],
    )
    return _attempt(
        request,
        process,
        place,
        "agenda",
        lambda: services.issue_propose(
            actor=place, process=process, draft=draft, client_key=data["client_key"]
        ),
        issue=form,
    )


@login_required
@takes
def issue_settle(request: HttpRequest, issue_id: uuid.UUID) -> HttpResponse:
    issue, place = selectors.access_issue(user=_user(request), issue_id=issue_id)
    include = request.POST.get("include") == "yes"
    return _attempt(
        request,
        issue.process,
        place,
        "agenda",
        lambda: services.issue_settle(actor=place, issue=issue, include=include),
    )


@login_required
@takes
def issue_assent(request: HttpRequest, issue_id: uuid.UUID) -> HttpResponse:
    """A side's yes (or its taking it back). A refused term comes back next to that issue's
    field, with what was typed."""
    issue, place = selectors.access_issue(user=_user(request), issue_id=issue_id)
    process = issue.process
    typed = request.POST.get("date" if issue.kind == IssueKind.DATES else "amount", "")

    def refused(message: str) -> HttpResponse:
        error = {"issue": issue.id, "message": message, "typed": typed}
        return _page(request, process, place, status=400, assent=error)

    action: Callable[[], object]
    if request.POST.get("reopen"):
        action = lambda: services.issue_reopen(actor=place, issue=issue)  # noqa: E731
    elif issue.kind == IssueKind.DATES:
        form = DateAssentForm(request.POST)
        if not form.is_valid():
            return refused(" ".join(str(e) for e in form.errors["date"]))
        day = form.cleaned_data["date"]
        action = lambda: services.issue_assent(actor=place, issue=issue, date=day)  # noqa: E731
    else:
        option_id = _uuid(request.POST.get("option"))
        option = (
            IssueOption.objects.filter(issue=issue, id=option_id).first() if option_id else None
        )
        amount: Decimal | None = None
        if typed.strip():
            try:
                amount = parse_amount(typed)
            except ValueError:
                return refused(
                    _("Enter an amount such as %(example)s.")
                    % {"example": amount_input(Decimal("2500.50"))}
                )
        action = lambda: services.issue_assent(  # noqa: E731
            actor=place, issue=issue, option=option, amount=amount
        )
    try:
        action()
    except AccordError as error:
        if request.POST.get("reopen"):
            messages.error(request, error.message)
            return _back(process, f"issue-{issue.id}")
        return refused(error.message)
    return _back(process, f"issue-{issue.id}")


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@login_required
@takes
def agenda_confirm(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    if "partial" in request.POST:
        allow = request.POST.get("partial") == "yes"
        return _attempt(
            request,
            process,
            place,
            "terms",
            lambda: services.partial_choose(actor=place, process=process, allow=allow),
        )
    return _attempt(
        request,
        process,
        place,
        "terms",
        lambda: services.agenda_confirm(actor=place, process=process),
    )


# --- interests ------------------------------------------------------------------------------


@login_required
@takes
def interest_record(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    issues = selectors.agenda_issues(process)
    form = InterestForm(
        request.POST, issues=issues, with_mediator=permissions.agenda_needs_mediator(process)
    )
    if not form.is_valid():
        return _page(request, process, place, status=400, interest=form)
    data = form.cleaned_data
    issue = next(i for i in issues if str(i.id) == data["issue"])
    return _attempt(
        request,
        process,
        place,
        "interests",
        lambda: services.interest_record(
            actor=place,
            issue=issue,
            kind=data["kind"],
            category=data["category"],
            text=data["text"],
            client_key=data["client_key"],
        ),
        interest=form,
    )


@login_required
@takes
def interest_share(request: HttpRequest, interest_id: uuid.UUID) -> HttpResponse:
    """A party shares one item: itself into the joint room where the item is in its side's
    own room (negotiation), or by allowing the mediator to share it (a private session)."""
    interest, place = selectors.access_interest(user=_user(request), interest_id=interest_id)
    process = interest.issue.process
    if interest.message.room.kind == RoomKind.SIDE:
        return _attempt(
            request,
            process,
            place,
            f"interest-{interest.id}",
            lambda: services.interest_share_joint(actor=place, interest=interest),
        )
    target = selectors.joint_room(process)
    mode = request.POST.get("mode", "gist")
    if target is None:
        messages.error(request, _("There is no joint room to share into."))
        return _back(process, "interests")
    return _attempt(
        request,
        process,
        place,
        f"interest-{interest.id}",
        lambda: services.interest_share(actor=place, interest=interest, mode=mode, target=target),
    )


@login_required
@takes
def links_suggest(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    return _attempt(
        request,
        process,
        place,
        "map",
        lambda: services.links_suggest(actor=place, process=process),
    )


@login_required
@takes
def link_decide(request: HttpRequest, link_id: uuid.UUID) -> HttpResponse:
    link, place = selectors.access_link(user=_user(request), link_id=link_id)
    form = LinkDecisionForm(request.POST)
    form.is_valid()
    confirm = request.POST.get("decision") == "confirm"
    return _attempt(
        request,
        link.process,
        place,
        "map",
        lambda: services.link_decide(
            actor=place,
            link=link,
            confirm=confirm,
            relation=form.cleaned_data.get("relation", ""),
            summary=form.cleaned_data.get("summary", ""),
        ),
    )


# --- preferences and suggestions ------------------------------------------------------------


@login_required
@takes
def preference_set(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    issues = selectors.agenda_issues(process)
    form = PreferenceForm(request.POST, issues=issues)
    if not form.is_valid():
        return _page(request, process, place, status=400, preference=form)
    data = form.cleaned_data
    draft = PreferenceDraft(
        weights={i.id: data.get(f"weight_{i.id}") for i in issues},
        scores={o.id: data.get(f"score_{o.id}") for i in issues for o in i.options.all()},
        range_scores={
            i.id: (data.get(f"low_{i.id}"), data.get(f"high_{i.id}"))
            for i in issues
            if i.kind == IssueKind.RANGE
        },
        date_prefs={
            i.id: (data.get(f"best_{i.id}"), data.get(f"falloff_{i.id}"))
            for i in issues
            if i.kind == IssueKind.DATES
        },
        reservation=data.get("reservation"),
        visibility=data.get("visibility") or "",
    )
    return _attempt(
        request,
        process,
        place,
        "preferences",
        lambda: services.preference_set(actor=place, process=process, draft=draft),
        preference=form,
    )


@login_required
@takes
def suggestions_request(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    try:
        run = services.suggestions_request(actor=place, process=process)
    except AccordError as error:
        if request.headers.get("HX-Request"):
            return render(
                request,
                "bargaining/_run.html",
                {"run": None, "error": error.message, "process": process},
                status=200,
            )
        messages.error(request, error.message)
        return _back(process, "suggestions")
    if request.headers.get("HX-Request"):
        return render(request, "bargaining/_run.html", {"run": run, "process": process})
    return _back(process, "suggestions")


@login_required
@shows
def run_status(request: HttpRequest, run_id: uuid.UUID) -> HttpResponse:
    """Polled by the page while the engine works. When it is done, the page is asked to look
    for changes at once (the run's end moved the suggestions' count), so the packages come in
    as a part, without reloading the page or losing what someone is typing elsewhere."""
    run, _place = selectors.access_run(user=_user(request), run_id=run_id)
    response = render(request, "bargaining/_run.html", {"run": run, "process": run.process})
    if run.status in (RunStatus.DONE, RunStatus.FAILED) and request.headers.get("HX-Request"):
        response["HX-Trigger"] = "bargaining:look"
    return response


# --- the mediator's proposal ----------------------------------------------------------------


@login_required
@takes
def proposal_put(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    issues = [i for i in selectors.agenda_issues(process) if i.status != "agreed"]
    form = ProposalForm(request.POST, issues=issues)
    if not form.is_valid():
        return _page(request, process, place, status=400, proposal=form)
    data = form.cleaned_data
    deadline = data["deadline"]
    if timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline)
    terms: list[tuple[AgendaIssue, IssueOption | None, object]] = []
    for issue in issues:
        value: Any = data.get(f"term_{issue.id}")
        if value in (None, ""):
            continue
        if issue.kind == IssueKind.OPTIONS:
            terms.append((issue, issue.options.filter(id=str(value)).first(), None))
        else:  # an amount as typed, or a date the form read
            terms.append((issue, None, value))
    return _attempt(
        request,
        process,
        place,
        "proposal",
        lambda: services.proposal_put(
            actor=place,
            process=process,
            terms=terms,
            deadline=deadline,
            note=data["note"],
            client_key=data["client_key"],
        ),
        proposal=form,
    )


@login_required
@takes
def proposal_answer(request: HttpRequest, proposal_id: uuid.UUID) -> HttpResponse:
    proposal, place = selectors.access_proposal(user=_user(request), proposal_id=proposal_id)
    accept = request.POST.get("answer") == "yes"
    return _attempt(
        request,
        proposal.process,
        place,
        "proposal",
        lambda: services.proposal_answer(actor=place, proposal=proposal, accept=accept),
    )


# --- division and blind bidding -------------------------------------------------------------


@login_required
@takes
def division(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    step = request.POST.get("step")
    if step == "item":
        form = ItemForm(request.POST)
        if not form.is_valid():
            return _page(request, process, place, status=400, item=form)
        name = form.cleaned_data["name"]
        return _attempt(
            request,
            process,
            place,
            "division",
            lambda: services.item_add(actor=place, process=process, name=name),
            item=form,
        )
    if step == "values":
        items = selectors.division_items(process)
        values_form = ValuationForm(request.POST, items=items)
        if not values_form.is_valid():
            return _page(request, process, place, status=400, valuation=values_form)
        values = {i.id: values_form.cleaned_data.get(f"item_{i.id}") for i in items}
        return _attempt(
            request,
            process,
            place,
            "division",
            lambda: services.valuation_set(actor=place, process=process, values=values),
            valuation=values_form,
        )
    return _attempt(
        request,
        process,
        place,
        "division",
        lambda: services.division_run(actor=place, process=process),
    )


@login_required
@takes
def bidding_propose(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    form = _bidding_form(process, request.POST)
    if not form.is_valid():
        return _page(request, process, place, status=400, bidding=form)
    data = form.cleaned_data
    issue = AgendaIssue.objects.filter(process=process, id=data["issue"]).first()
    payer = next((s for s in selectors.sides_in(process) if str(s.id) == data["payer"]), None)
    if issue is None or payer is None:
        form.service_error(None, _("Choose an amount issue and who pays."))
        return _page(request, process, place, status=400, bidding=form)
    return _attempt(
        request,
        process,
        place,
        "bidding",
        lambda: services.bidding_propose(
            actor=place,
            issue=issue,
            payer=payer,
            band_percent=data["band_percent"],
            band_absolute=data["band_absolute"],
        ),
        bidding=form,
    )


@login_required
@takes
def bidding_act(request: HttpRequest, bidding_id: uuid.UUID) -> HttpResponse:
    bidding, place = selectors.access_bidding(user=_user(request), bidding_id=bidding_id)
    process = bidding.issue.process
    step = request.POST.get("step")
    if step == "agree":
        return _attempt(
            request,
            process,
            place,
            "bidding",
            lambda: services.bidding_agree(actor=place, bidding=bidding),
        )
    if step == "stop":
        return _attempt(
            request,
            process,
            place,
            "bidding",
            lambda: services.bidding_stop(actor=place, bidding=bidding),
        )
    form = BidForm(request.POST)
    if not form.is_valid():
        return _page(request, process, place, status=400, bid=form, bid_for=bidding.id)
    amount = form.cleaned_data["amount"]
    return _attempt(
        request,
        process,
        place,
        "bidding",
        lambda: services.bid_submit(actor=place, bidding=bidding, amount=amount),
        bid=form,
        bid_for=bidding.id,
    )
