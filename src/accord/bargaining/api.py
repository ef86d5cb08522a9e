"""JSON API of the bargaining app (mounted by accord.config.api): the same services and the
same selectors as the pages, so the same confidentiality holds. Every route starts with an
access_* selector (NotFound, one fixed body, for a stranger and a missing id alike)."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from accord.accounts.models import User
from accord.bargaining import selectors, services
from accord.bargaining.models import AgendaIssue, IssueOption, SuggestionRun
from accord.bargaining.schemas import (
    AnswerIn,
    AssentIn,
    BidIn,
    ChangesOut,
    IssueIn,
    IssueOut,
    OptionOut,
    PackageOut,
    PreferenceIn,
    PreferenceOut,
    ProposalOut,
    RoundOut,
    RunOut,
    ScoreIn,
    TermOut,
    WeightIn,
)
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.cases.models import Participant
from accord.core.errors import NotFound

router = Router(tags=["bargaining"])
_ERRORS: dict[int, Any] = {400: dict, 403: dict, 404: dict, 409: dict}


def _user(request: HttpRequest) -> User:
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise NotFound
    return user


def _issue_out(issue: AgendaIssue) -> IssueOut:
    term = None
    if issue.tentative_option_id or issue.tentative_amount is not None or issue.tentative_date:
        term = selectors.term_text(
            issue, issue.tentative_option, issue.tentative_amount, issue.tentative_date
        )
    return IssueOut(
        id=issue.id,
        title=issue.title,
        kind=issue.kind,
        state=issue.state,
        status=issue.status,
        options=[OptionOut(id=o.id, label=o.label) for o in issue.options.all()],
        range_min=issue.range_min,
        range_max=issue.range_max,
        unit=issue.unit,
        date_min=issue.date_min,
        date_max=issue.date_max,
        term=term,
    )


@router.get("/processes/{process_id}/agenda", response=list[IssueOut], summary="The agenda.")
def agenda(request: HttpRequest, process_id: uuid.UUID) -> list[IssueOut]:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    return [_issue_out(i) for i in selectors.agenda_for(viewer=place, process=process)]


@router.post(
    "/processes/{process_id}/agenda",
    response={201: IssueOut, **_ERRORS},
    summary="Suggest or add an issue.",
)
def propose_issue(request: HttpRequest, process_id: uuid.UUID, body: IssueIn) -> Status[IssueOut]:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    issue = services.issue_propose(
        actor=place,
        process=process,
        draft=IssueDraft(
            title=body.title,
            kind=body.kind,
            options=body.options,
            range_min=body.range_min,
            range_max=body.range_max,
            unit=body.unit,
            date_min=body.date_min,
            date_max=body.date_max,
        ),
        client_key=body.client_key,
    )
    issue.refresh_from_db()
    return Status(201, _issue_out(issue))


@router.post("/issues/{issue_id}/assent", response={200: IssueOut, **_ERRORS}, summary="Say yes.")
def assent(request: HttpRequest, issue_id: uuid.UUID, body: AssentIn) -> IssueOut:
    issue, place = selectors.access_issue(user=_user(request), issue_id=issue_id)
    if body.withdraw:
        issue = services.issue_reopen(actor=place, issue=issue)
    else:
        option = (
            IssueOption.objects.filter(issue=issue, id=body.option_id).first()
            if body.option_id
            else None
        )
        issue = services.issue_assent(
            actor=place, issue=issue, option=option, amount=body.amount, date=body.date
        )
    return _issue_out(issue)


@router.get("/processes/{process_id}/terms", response=list[TermOut], summary="Agreed terms.")
def terms(request: HttpRequest, process_id: uuid.UUID) -> list[TermOut]:
    process, _place = selectors.access_workspace(user=_user(request), process_id=process_id)
    return [
        TermOut(issue_id=t.issue_id, title=t.title, status=t.status, text=t.text, date=t.date)
        for t in selectors.tentative_terms(process)
    ]


@router.get(
    "/processes/{process_id}/changes",
    response=ChangesOut,
    url_name="bargaining_changes",
    summary="What moved on the workspace.",
)
def changes(request: HttpRequest, process_id: uuid.UUID) -> ChangesOut:
    """Per topic, how many changes the caller may know of: a page compares them with the
    counts it was drawn with and fetches again the parts whose topic moved. Counts move only
    for changes the caller can see (never for another side's private move). A deadline that
    passed closes its proposal here too, so an open page learns the result without help."""
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    services.proposals_close_due(process=process)
    return ChangesOut(counts=selectors.change_counts(viewer=place, process=process))


def _preference_out(preference: Any) -> PreferenceOut:
    return PreferenceOut(
        id=preference.id,
        visibility=preference.visibility,
        reservation=preference.reservation,
        weights=[
            WeightIn(
                issue_id=w.issue_id,
                points=w.points,
                score_low=w.score_low,
                score_high=w.score_high,
                best_date=w.best_date,
                falloff_days=w.falloff_days,
            )
            for w in preference.weights.all()
        ],
        scores=[ScoreIn(option_id=s.option_id, score=s.score) for s in preference.scores.all()],
        created_at=preference.created_at,
    )


@router.get(
    "/processes/{process_id}/preferences",
    response={200: PreferenceOut | None},
    summary="My side's preferences.",
)
def my_preferences(request: HttpRequest, process_id: uuid.UUID) -> PreferenceOut | None:
    """Only the caller's own side's preferences: there is no route to another side's."""
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    if place.side_id is None:
        return None
    preference = selectors.preference_for(viewer=place, process=process, side_id=place.side_id)
    return _preference_out(preference) if preference else None


@router.put(
    "/processes/{process_id}/preferences",
    response={200: PreferenceOut, **_ERRORS},
    summary="Set my side's preferences.",
)
def set_preferences(
    request: HttpRequest, process_id: uuid.UUID, body: PreferenceIn
) -> PreferenceOut:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    preference = services.preference_set(
        actor=place,
        process=process,
        draft=PreferenceDraft(
            weights={w.issue_id: w.points for w in body.weights},
            scores={s.option_id: s.score for s in body.scores},
            range_scores={w.issue_id: (w.score_low, w.score_high) for w in body.weights},
            date_prefs={w.issue_id: (w.best_date, w.falloff_days) for w in body.weights},
            reservation=body.reservation,
            visibility=body.visibility,
        ),
    )
    return _preference_out(preference)


def _run_out(run: SuggestionRun, place: Participant) -> RunOut:
    return RunOut(
        id=run.id,
        status=run.status,
        progress=run.progress,
        error=run.error,
        packages=[
            PackageOut(
                kind=p.kind,
                terms=p.terms,
                points={str(k): v for k, v in p.utilities.items()},
                draft_points={str(k): v for k, v in p.baseline.items()},
            )
            for p in selectors.packages_for(viewer=place, run=run)
        ],
    )


@router.post(
    "/processes/{process_id}/suggestions",
    response={202: RunOut, **_ERRORS},
    summary="Ask the engine.",
)
def request_suggestions(request: HttpRequest, process_id: uuid.UUID) -> Status[RunOut]:
    process, place = selectors.access_workspace(user=_user(request), process_id=process_id)
    run = services.suggestions_request(actor=place, process=process)
    return Status(202, _run_out(run, place))


@router.get("/suggestion-runs/{run_id}", response=RunOut, summary="A run and its packages.")
def suggestion_run(request: HttpRequest, run_id: uuid.UUID) -> RunOut:
    run, place = selectors.access_run(user=_user(request), run_id=run_id)
    return _run_out(run, place)


@router.post(
    "/proposals/{proposal_id}/answer",
    response={200: ProposalOut, **_ERRORS},
    summary="Answer a mediator's proposal.",
)
def answer_proposal(request: HttpRequest, proposal_id: uuid.UUID, body: AnswerIn) -> ProposalOut:
    proposal, place = selectors.access_proposal(user=_user(request), proposal_id=proposal_id)
    proposal = services.proposal_answer(actor=place, proposal=proposal, accept=body.accept)
    proposal.refresh_from_db()
    own = selectors.own_answer(viewer=place, proposal=proposal)
    return ProposalOut(
        id=proposal.id,
        status=proposal.status,
        deadline=proposal.deadline,
        my_answer=own.accepted if own else None,
    )


@router.post(
    "/biddings/{bidding_id}/bids",
    response={200: RoundOut, **_ERRORS},
    summary="Give my side's figure.",
)
def bid(request: HttpRequest, bidding_id: uuid.UUID, body: BidIn) -> RoundOut:
    bidding, place = selectors.access_bidding(user=_user(request), bidding_id=bidding_id)
    round_ = services.bid_submit(actor=place, bidding=bidding, amount=body.amount)
    round_.refresh_from_db()
    own = selectors.own_bid(viewer=place, round=round_)
    return RoundOut(
        number=round_.number,
        status=round_.status,
        amount=round_.amount,
        my_figure=own.amount if own else None,
    )
