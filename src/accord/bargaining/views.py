"""Pages of the settlement workspace.

One page per process (`workspace`) shows what the viewer may see, section by section; each
form posts to its own small view, which calls one service and redirects back (or re-renders
the page with the refusal next to the field and what the person typed). The engine's
progress is polled with htmx from `run_status`. Every lookup goes through the selectors'
access_* functions, so a stranger gets the same 404 as for a missing id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.bargaining import permissions, selectors, services
from accord.bargaining.forms import (
    BiddingForm,
    BidForm,
    InterestForm,
    IssueForm,
    ItemForm,
    LinkDecisionForm,
    PreferenceForm,
    ProposalForm,
    ValuationForm,
    new_key,
)
from accord.bargaining.models import AgendaIssue, IssueOption
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.bargaining.svg import frontier_svg
from accord.bargaining.vocabulary import IssueKind, RunStatus
from accord.cases.models import Participant, Process
from accord.core.errors import AccordError
from accord.rooms.models import Room, RoomKind

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


def _context(
    process: Process, place: Participant, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Everything the workspace shows this viewer; each part from a selector that filters."""
    services.proposals_close_due(process=process)
    issues = selectors.agenda_issues(process)
    agenda = selectors.agenda_for(viewer=place, process=process)
    facilitator = selectors.is_facilitator(place)
    side_id = place.side_id if place.role in selectors.SIDE_READERS else None
    own_assents = {}
    for issue in agenda:
        latest = selectors.latest_assents(issue).get(side_id) if side_id else None
        own_assents[issue.id] = latest if latest and not latest.withdrawn else None
    run = selectors.latest_run(process)
    packages = selectors.packages_for(viewer=place, run=run) if run else []
    proposals = selectors.proposals_of(process)
    biddings = selectors.biddings_of(process)
    items = selectors.division_items(process)
    forms = forms or {}
    context: dict[str, Any] = {
        "process": process,
        "place": place,
        "facilitator": facilitator,
        "side_id": side_id,
        "agenda": agenda,
        "own_assents": own_assents,
        "can_act": permissions.can_side_act(place, process),
        "can_propose": permissions.can_propose_issue(place, process),
        "can_facilitate": permissions.can_facilitate(place, process),
        "needs_mediator": permissions.agenda_needs_mediator(process),
        "terms": selectors.tentative_terms(process),
        "partial_allowed": selectors.partial_agreements_allowed(process),
        "my_partial": selectors.partial_choice_of(process, side_id),
        "confirmed": side_id in selectors.confirmed_side_ids(process) if side_id else False,
        "issue_form": forms.get("issue")
        or IssueForm(initial={"client_key": new_key(), "kind": IssueKind.OPTIONS}),
        "interest_form": forms.get("interest")
        or InterestForm(issues=issues, initial={"client_key": new_key(), "kind": "interest"}),
        "interests": selectors.interests_visible_to(viewer=place, process=process),
        "released": selectors.released_message_ids(
            i.message for i in selectors.interests_visible_to(viewer=place, process=process)
        ),
        "share_target": _share_target(process, place),
        "interest_map": selectors.interest_map(viewer=place, process=process),
        "common_ground": selectors.common_ground_for(viewer=place, process=process),
        "preference": selectors.preference_for(viewer=place, process=process, side_id=side_id)
        if side_id
        else None,
        "preference_form": forms.get("preference"),
        "preference_status": selectors.preference_status(process=process) if facilitator else {},
        "sides": selectors.sides_in(process),
        "run": run,
        "packages": _package_rows(
            [p for p in packages if p.kind != "pareto"], selectors.sides_in(process), side_id
        ),
        "frontier_count": sum(p.kind == "pareto" for p in packages),
        "frontier": frontier_svg(selectors.frontier_points(viewer=place, run=run)) if run else "",
        "proposals": [
            {
                "proposal": p,
                "terms": selectors.proposal_terms(p),
                "answer": selectors.own_answer(viewer=place, proposal=p),
            }
            for p in proposals
        ],
        "proposal_form": forms.get("proposal")
        or ProposalForm(
            issues=[i for i in issues if i.status != "agreed"], initial={"client_key": new_key()}
        ),
        "items": items,
        "item_form": forms.get("item") or ItemForm(),
        "valuation": selectors.valuation_for(viewer=place, process=process),
        "valuation_form": forms.get("valuation"),
        "division": selectors.latest_division(process),
        "biddings": [
            {
                "bidding": b,
                "agreed": side_id in selectors.rule_agreed_side_ids(b),
                "round": selectors.current_round(b),
                "own_bid": (
                    selectors.own_bid(viewer=place, round=r)
                    if (r := selectors.current_round(b))
                    else None
                ),
                "rounds": list(b.rounds.all()),
                "mine": side_id in (b.payer_id, b.claimant_id),
            }
            for b in biddings
        ],
        "bidding_form": forms.get("bidding") or _bidding_form(process),
        "bid_form": forms.get("bid") or BidForm(),
        "bid_error_for": forms.get("bid_for"),
    }
    if context["preference_form"] is None and side_id:
        context["preference_form"] = _preference_form(issues, context["preference"])
    if context["valuation_form"] is None and side_id and items:
        valuation = context["valuation"]
        initial = {f"item_{k}": v for k, v in (valuation.values if valuation else {}).items()}
        context["valuation_form"] = ValuationForm(items=items, initial=initial)
    context["division_rows"] = _division_rows(context["division"], items, context["sides"])
    return context


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


def _share_target(process: Process, place: Participant) -> Room | None:
    joint = Room.objects.filter(process=process, kind=RoomKind.JOINT).first()
    return joint


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
        for s in preference.scores.all():
            initial[f"score_{s.option_id}"] = s.score
    else:
        for issue in issues:
            initial[f"weight_{issue.id}"] = 100 // len(issues) if issues else 0
            for option in issue.options.all():
                initial[f"score_{option.id}"] = 50
            initial[f"low_{issue.id}"] = 50
            initial[f"high_{issue.id}"] = 50
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
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
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
        range_min=data["range_min"] or None,
        range_max=data["range_max"] or None,
        unit=data["unit"],
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
    issue, place = selectors.access_issue(user=_user(request), issue_id=issue_id)
    option_id = _uuid(request.POST.get("option"))
    option = IssueOption.objects.filter(issue=issue, id=option_id).first() if option_id else None
    if request.POST.get("reopen"):
        action: Callable[[], object] = lambda: services.issue_reopen(actor=place, issue=issue)  # noqa: E731
    else:
        action = lambda: services.issue_assent(  # noqa: E731
            actor=place, issue=issue, option=option, amount=request.POST.get("amount")
        )
    return _attempt(request, issue.process, place, f"issue-{issue.id}", action)


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
    form = InterestForm(request.POST, issues=issues)
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
    interest, place = selectors.access_interest(user=_user(request), interest_id=interest_id)
    process = interest.issue.process
    target = _share_target(process, place)
    mode = request.POST.get("mode", "gist")
    if target is None:
        messages.error(request, _("There is no joint room to share into."))
        return _back(process, "interests")
    return _attempt(
        request,
        process,
        place,
        "interests",
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
    """Polled by the page while the engine works; when done, the whole section refreshes."""
    run, _place = selectors.access_run(user=_user(request), run_id=run_id)
    response = render(request, "bargaining/_run.html", {"run": run, "process": run.process})
    if run.status in (RunStatus.DONE, RunStatus.FAILED) and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
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
    terms = []
    for issue in issues:
        value = data.get(f"term_{issue.id}")
        if not value:
            continue
        if issue.kind == IssueKind.OPTIONS:
            terms.append((issue, issue.options.filter(id=value).first(), None))
        else:
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
