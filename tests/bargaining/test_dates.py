"""Date range issues ("move out between 1 March and 30 June"): the agenda, each side's yes,
preferences and the engine, the mediator's proposal and the tentative terms; refusals name
their field and change nothing; dates are read and written in the reader's language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accord.accounts.services import api_token_create, user_update_profile
from accord.audit.models import AuditEvent
from accord.bargaining import adapters, selectors, services
from accord.bargaining.forms import IssueForm, PreferenceForm
from accord.bargaining.models import (
    AgendaIssue,
    IssueAssent,
    MediatorsProposal,
    Preference,
    ProposalTerm,
)
from accord.bargaining.selectors import agenda_issues, latest_preference
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.bargaining.vocabulary import IssueKind, IssueStatus, ProposalStatus
from accord.core import clock
from accord.core.errors import InvalidInput
from tests.bargaining.factories import (
    add_dates,
    key,
    make_table,
    option_scores,
    tentative_draft,
)

pytestmark = pytest.mark.django_db

MARCH_1 = dt.date(2027, 3, 1)
JUNE_30 = dt.date(2027, 6, 30)
MAY_1 = dt.date(2027, 5, 1)


@pytest.fixture
def t():
    table = make_table()
    table.issues.append(add_dates(table.mediator, table.process))
    return table


def snapshot():
    return (
        AgendaIssue.objects.count(),
        IssueAssent.objects.count(),
        Preference.objects.count(),
        MediatorsProposal.objects.count(),
        ProposalTerm.objects.count(),
        AuditEvent.objects.count(),
    )


def browser(participant, language="en") -> Client:
    user = participant.user
    user_update_profile(user=user, display_name=user.display_name, preferred_language=language)
    client = Client()
    client.force_login(user)
    return client


def page(process) -> str:
    return reverse("bargaining:workspace", kwargs={"process_id": process.id})


# --- the agenda -----------------------------------------------------------------------------


def test_a_date_issue_goes_on_the_agenda_with_its_earliest_and_latest_dates(t):
    issue = t.issues[3]
    issue.refresh_from_db()
    assert (issue.kind, issue.date_min, issue.date_max) == (IssueKind.DATES, MARCH_1, JUNE_30)
    assert (issue.range_min, issue.range_max, issue.unit) == (None, None, "")
    event = AuditEvent.objects.filter(action="agenda.issue_proposed").last()
    assert event.payload == {"kind": "dates", "state": "on_agenda", "options": 0}


@pytest.mark.parametrize(
    ("earliest", "latest", "field", "message"),
    [
        (
            JUNE_30,
            MARCH_1,
            "date_max",
            "The latest date (March 1, 2027) is before the earliest (June 30, 2027).",
        ),
        (MARCH_1, MARCH_1, "date_max", "Give a latest date after the earliest"),
        (None, JUNE_30, "date_min", "Enter a date."),
        (MARCH_1, "2027-06-30", "date_max", "Enter a date."),  # the form or API parses first
        (dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC), JUNE_30, "date_min", "Enter a date."),
    ],
)
def test_bad_date_ranges_are_refused_with_their_field_and_change_nothing(
    t, earliest, latest, field, message
):
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        services.issue_propose(
            actor=t.mediator,
            process=t.process,
            draft=IssueDraft(title="Keys", kind="dates", date_min=earliest, date_max=latest),
            client_key=key(),
        )
    assert refused.value.field == field
    assert refused.value.message.startswith(message)
    assert snapshot() == before


def test_a_yes_to_a_date_outside_the_range_is_refused_and_changes_nothing(t):
    issue = t.issues[3]
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        services.issue_assent(actor=t.a, issue=issue, date=dt.date(2027, 7, 1))
    assert refused.value.field == "date"
    assert refused.value.message == "Choose a date from March 1, 2027 to June 30, 2027."
    with pytest.raises(InvalidInput, match="Enter a date"):
        services.issue_assent(actor=t.a, issue=issue, amount="15")
    assert snapshot() == before


def test_the_same_date_from_every_side_is_tentatively_agreed_and_feeds_the_terms(t):
    issue = t.issues[3]
    services.issue_assent(actor=t.a, issue=issue, date=dt.date(2027, 5, 15))
    services.issue_assent(actor=t.b, issue=issue, date=dt.date(2027, 5, 20))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN and issue.tentative_date is None
    services.issue_assent(actor=t.b, issue=issue, date=dt.date(2027, 5, 15))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.TENTATIVE
    assert issue.tentative_date == dt.date(2027, 5, 15)
    [term] = selectors.tentative_terms(t.process)
    assert (term.text, term.value, term.date) == (
        "May 15, 2027",
        "2027-05-15",
        issue.tentative_date,
    )
    fingerprint = selectors.terms_fingerprint(t.process)
    with translation.override("fr"):
        [term] = selectors.tentative_terms(t.process)
        assert term.text == "15 mai 2027"
        assert selectors.terms_fingerprint(t.process) == fingerprint
    services.issue_reopen(actor=t.a, issue=issue)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN and issue.tentative_date is None


def test_sides_confirming_in_different_languages_agree_on_the_same_terms(t):
    tentative_draft(t)
    for person in (t.a, t.b):
        services.issue_assent(actor=person, issue=t.issues[3], date=MAY_1)
    with translation.override("en"):
        assert services.agenda_confirm(actor=t.a, process=t.process) == []
    with translation.override("fr"):
        agreed = services.agenda_confirm(actor=t.b, process=t.process)
    assert {i.id for i in agreed} == {i.id for i in t.issues}


def test_the_mediators_proposal_can_put_a_date(t):
    issue = t.issues[3]
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        services.proposal_put(
            actor=t.mediator,
            process=t.process,
            terms=[(issue, None, dt.date(2027, 2, 28))],
            deadline=clock.now() + dt.timedelta(days=1),
            client_key=key(),
        )
    assert refused.value.field == f"term_{issue.id}"
    assert "from March 1, 2027 to June 30, 2027" in refused.value.message
    assert snapshot() == before
    proposal = services.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=[(issue, None, MAY_1), (t.issues[0], t.option(0, "Alternate"), None)],
        deadline=clock.now() + dt.timedelta(days=1),
        client_key=key(),
    )
    assert selectors.proposal_terms(proposal) == [
        ("Weekdays", "Alternate"),
        ("Move out", "May 1, 2027"),
    ]
    for person in (t.a, t.b):
        services.proposal_answer(actor=person, proposal=proposal, accept=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ALL_ACCEPTED
    issue.refresh_from_db()
    assert (issue.status, issue.tentative_date) == (IssueStatus.TENTATIVE, MAY_1)


# --- preferences and the engine ---------------------------------------------------------------


def preferences(t, *, best=MAY_1, falloff=30, person=None):
    return PreferenceDraft(
        weights={t.issues[0].id: 30, t.issues[1].id: 20, t.issues[2].id: 10, t.issues[3].id: 40},
        scores=option_scores(t, side="a"),
        date_prefs={t.issues[3].id: (best, falloff)},
        reservation=0,
    )


@pytest.mark.parametrize(
    ("best", "falloff", "field", "message"),
    [
        (dt.date(2027, 7, 4), 30, "best", "from March 1, 2027 to June 30, 2027"),
        (None, 30, "best", "Choose your best date for Move out."),
        (MAY_1, 0, "falloff", "from 1 to 3660"),
        (MAY_1, None, "falloff", "no good to you for Move out"),
    ],
)
def test_bad_date_preferences_are_refused_with_their_field_and_save_nothing(
    t, best, falloff, field, message
):
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        services.preference_set(
            actor=t.a, process=t.process, draft=preferences(t, best=best, falloff=falloff)
        )
    assert refused.value.field == f"{field}_{t.issues[3].id}"
    assert message in refused.value.message
    assert snapshot() == before


def test_the_engine_sees_evenly_spread_days_never_a_sides_best_date(t):
    issue = agenda_issues(t.process)[3]
    # 121 days from 1 March to 30 June: 11 dates 12.1 days apart, rounded to whole days.
    expected = [MARCH_1 + dt.timedelta(days=d) for d in (0, 12, 24, 36, 48, 61, 73, 85, 97, 109)]
    assert adapters.range_dates(issue) == [*expected, JUNE_30]
    keys_before = adapters.option_keys(issue)
    services.preference_set(
        actor=t.a, process=t.process, draft=preferences(t, best=dt.date(2027, 5, 3))
    )
    assert adapters.option_keys(agenda_issues(t.process)[3]) == keys_before
    assert "2027-05-03" not in keys_before
    # A short range: every day. A date already agreed is kept exactly.
    short = add_dates(t.mediator, t.process, "Keys", dt.date(2027, 3, 1), dt.date(2027, 3, 5))
    assert len(adapters.range_dates(short)) == 5
    for person in (t.a, t.b):
        services.issue_assent(actor=person, issue=issue, date=dt.date(2027, 5, 3))
    issue = agenda_issues(t.process)[3]
    assert "2027-05-03" in adapters.option_keys(issue)


def test_a_best_date_and_its_falloff_become_the_engines_scores(t):
    services.preference_set(actor=t.a, process=t.process, draft=preferences(t))
    issues = agenda_issues(t.process)
    utility = adapters.to_utility(latest_preference(t.process, t.a.side_id), issues)
    o = t.option
    base = {
        str(issues[0].id): str(o(0, "Alternate").id),  # 30 * 0.5 = 15
        str(issues[1].id): str(o(1, "Split in half").id),  # 20 * 1 = 20
        str(issues[2].id): str(o(2, "Move").id),  # 0
    }
    date = str(issues[3].id)
    # 1 May is the best date: 40 points. 13 May is 12 days away of 30: 40 * 0.6 = 24.
    assert utility({**base, date: "2027-05-01"}) == pytest.approx(75.0)
    assert utility({**base, date: "2027-05-13"}) == pytest.approx(59.0)
    assert utility({**base, date: "2027-03-01"}) == pytest.approx(35.0)  # 61 days: nothing
    assert adapters.date_score(dt.date(2027, 4, 18), MAY_1, 30) == pytest.approx(1 - 13 / 30)
    package = adapters.from_package(
        adapters.engine.Package({**base, date: "2027-05-13"}, (59.0,)), issues
    )
    assert package.dates == {issues[3].id: dt.date(2027, 5, 13)}


def test_suggestions_with_a_date_show_the_date_in_the_readers_language(t):
    services.preference_set(actor=t.a, process=t.process, draft=preferences(t, best=MAY_1))
    services.preference_set(
        actor=t.b, process=t.process, draft=preferences(t, best=dt.date(2027, 5, 13), falloff=60)
    )
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    assert run.status == "done"
    nash = next(v for v in selectors.packages_for(viewer=t.a, run=run) if v.kind == "nash")
    when = dict(nash.terms)["Move out"]
    assert when in {"May 1, 2027", "May 13, 2027"}
    with translation.override("fr"):
        nash = next(v for v in selectors.packages_for(viewer=t.a, run=run) if v.kind == "nash")
        assert dict(nash.terms)["Move out"] in {"1 mai 2027", "13 mai 2027"}


# --- forms and pages, in English and French ----------------------------------------------------


def test_the_issue_form_reads_and_writes_dates_in_the_readers_language():
    data = {"title": "Move out", "kind": "dates", "client_key": "k1"}
    with translation.override("fr"):
        form = IssueForm({**data, "date_min": "01/03/2027", "date_max": "30/06/2027"})
        assert form.is_valid(), form.errors
        assert (form.cleaned_data["date_min"], form.cleaned_data["date_max"]) == (MARCH_1, JUNE_30)
        assert "15/04/2026" in str(form["date_min"].help_text)  # the example, French style
    with translation.override("en"):
        form = IssueForm({**data, "date_min": "2027-03-01", "date_max": "30/06/2027"})
        assert not form.is_valid()
        assert form.errors["date_max"] == ["Enter a valid date."]
        assert "2026-04-15" in str(form["date_min"].help_text)
    for language in ("en", "fr"):  # ISO is understood in both
        with translation.override(language):
            form = IssueForm({**data, "date_min": "2027-03-01", "date_max": "2027-06-30"})
            assert form.is_valid()


def test_a_saved_best_date_is_shown_back_in_the_readers_format(t):
    services.preference_set(actor=t.a, process=t.process, draft=preferences(t))
    issues = agenda_issues(t.process)
    preference = latest_preference(t.process, t.a.side_id)
    weight = preference.weights.get(issue=issues[3])
    for language, shown in (("fr", 'value="01/05/2027"'), ("en", 'value="2027-05-01"')):
        with translation.override(language):
            form = PreferenceForm(issues=issues, initial={f"best_{issues[3].id}": weight.best_date})
            assert shown in str(form[f"best_{issues[3].id}"])


def test_adding_a_date_issue_on_the_page_in_french(t):
    client = browser(t.mediator, "fr")
    url = reverse("bargaining:issue_propose", kwargs={"process_id": t.process.id})
    data = {"title": "Clés", "kind": "dates", "client_key": key()}
    refused = client.post(url, {**data, "date_min": "30/06/2027", "date_max": "01/03/2027"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "1 mars 2027" in html and "30 juin 2027" in html  # the dates, the French way
    assert 'aria-invalid="true"' in html and 'id="id_date_max_error"' in html
    assert 'value="30/06/2027"' in html and 'value="01/03/2027"' in html  # what was typed
    assert not AgendaIssue.objects.filter(title="Clés").exists()
    nonsense = client.post(url, {**data, "date_min": "31/02/2027", "date_max": "01/03/2027"})
    assert nonsense.status_code == 400
    assert "Saisissez une date valide." in nonsense.content.decode()
    added = client.post(url, {**data, "date_min": "01/03/2027", "date_max": "30/06/2027"})
    assert added.status_code == 302
    issue = AgendaIssue.objects.get(title="Clés")
    assert (issue.date_min, issue.date_max) == (MARCH_1, JUNE_30)
    shown = client.get(page(t.process)).content.decode()
    assert "1 mars 2027" in shown and "30 juin 2027" in shown
    english = browser(t.a).get(page(t.process)).content.decode()
    assert "March 1, 2027" in english and "June 30, 2027" in english


def test_a_yes_to_a_date_on_the_page_is_explained_next_to_its_field(t):
    client = browser(t.a)
    issue = t.issues[3]
    url = reverse("bargaining:issue_assent", kwargs={"issue_id": issue.id})
    before = snapshot()
    for typed, message in (
        ("2027-07-15", "Choose a date from March 1, 2027 to June 30, 2027."),
        ("soon", "Enter a valid date."),
    ):
        response = client.post(url, {"date": typed})
        assert response.status_code == 400
        html = response.content.decode()
        assert message in html
        assert f'id="assent-{issue.id}_error"' in html and 'aria-invalid="true"' in html
        assert f'value="{typed}"' in html
    assert snapshot() == before
    assert client.post(url, {"date": "2027-05-01"}).status_code == 302
    assert IssueAssent.objects.get(issue=issue).date == MAY_1


def test_date_issues_through_the_api(t):
    _token, secret = api_token_create(user=t.mediator.user, name="t")
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    base = f"/api/v1/processes/{t.process.id}/agenda"
    body = {"title": "Keys", "kind": "dates", "client_key": "api-1"}
    before = snapshot()
    numeric = api.post(
        base, {**body, "date_min": 0, "date_max": "2027-06-30"}, content_type="application/json"
    )
    assert numeric.status_code == 422  # never read as seconds since 1970
    backwards = api.post(
        base,
        {**body, "date_min": "2027-06-30", "date_max": "2027-03-01"},
        content_type="application/json",
    )
    assert backwards.status_code == 400 and backwards.json()["field"] == "date_max"
    assert snapshot() == before
    added = api.post(
        base,
        {**body, "date_min": "2027-03-01", "date_max": "2027-06-30"},
        content_type="application/json",
    )
    assert added.status_code == 201
    assert (added.json()["date_min"], added.json()["date_max"]) == ("2027-03-01", "2027-06-30")
    issue_id = added.json()["id"]
    for person in (t.a, t.b):
        _token, secret = api_token_create(user=person.user, name="t")
        side = Client(headers={"Authorization": f"Bearer {secret}"})
        answer = side.post(
            f"/api/v1/issues/{issue_id}/assent",
            {"date": "2027-04-02"},
            content_type="application/json",
        )
        assert answer.status_code == 200
    assert answer.json()["status"] == "tentative" and answer.json()["term"] == "April 2, 2027"
    terms = api.get(f"/api/v1/processes/{t.process.id}/terms").json()
    assert [(x["text"], x["date"]) for x in terms] == [("April 2, 2027", "2027-04-02")]
