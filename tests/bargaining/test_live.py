"""Live updates of the workspace: who hears of a change, and what they hear.

A change reaches two channels, neither with content: the per-audience counts the page polls
(persisted with the change) and a "look again" event on each person's socket. Both must
reach exactly the people who can see the change, so that neither who is told nor when tells
anyone something private (a side's own yes, figure, answer or notes). Then the page fetches
its parts again through the normal, access-checked view.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import uuid

import pytest
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accord.bargaining import selectors, services
from accord.bargaining.services import PreferenceDraft
from accord.bargaining.views import PARTS
from accord.core import clock
from accord.core.errors import AccordError
from accord.rooms import services as rooms
from tests.bargaining.factories import add_issue, key, make_negotiation, make_table
from tests.factories import make_user

pytestmark = pytest.mark.django_db


class RecordingLayer(InMemoryChannelLayer):
    """An in-memory channel layer that keeps every group send, in order."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sent: list[tuple[str, dict]] = []

    async def group_send(self, group, message):
        self.sent.append((group, dict(message)))
        await super().group_send(group, message)


@pytest.fixture
def layer(settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": f"{__name__}.RecordingLayer", "CONFIG": {"capacity": 1000}}
    }
    recording = get_channel_layer()
    assert isinstance(recording, RecordingLayer)
    return recording


class Watch:
    """Runs one action the way a request does (committed, so events go out) and reports who
    heard of which topic, through the socket and through the counts."""

    def __init__(self, layer, capture, process, people):
        self.layer, self.capture, self.process, self.people = layer, capture, process, people

    def counts(self):
        return {
            name: selectors.change_counts(viewer=p, process=self.process)
            for name, p in self.people.items()
        }

    def __call__(self, action):
        users = {str(p.user_id): name for name, p in self.people.items()}
        before = self.counts()
        self.layer.sent.clear()
        with self.capture(execute=True):
            action()
        heard: dict[str, set[str]] = {}
        for group, event in self.layer.sent:
            if not group.startswith("user."):
                continue  # a room's own "look again" (rooms/ proves who reads those)
            topic = event["data"]["topic"]
            # No content, ever: the event names the process and the topic, nothing else.
            assert event == {
                "type": "notify",
                "data": {"kind": "bargaining", "process": str(self.process.id), "topic": topic},
            }
            heard.setdefault(topic, set()).add(users[group.removeprefix("user.")])
        after = self.counts()
        counted: dict[str, set[str]] = {}
        for name in self.people:
            for topic, count in after[name].items():
                # Releases are read, not counted (rooms' services know nothing of the
                # workspace): test_a_release_changed_in_the_rooms_is_seen_by_its_readers.
                if topic != selectors.RELEASES and count != before[name][topic]:
                    counted.setdefault(topic, set()).add(name)
        assert counted == heard, "the counts and the socket must reach the same people"
        return heard


def draft(t, weekdays=60):
    """Preferences over whatever is on the agenda now (points on the first two issues)."""
    issues = selectors.agenda_issues(t.process)
    weights = {i.id: 0 for i in issues}
    weights[issues[0].id], weights[issues[1].id] = weekdays, 100 - weekdays
    return PreferenceDraft(
        weights=weights,
        scores={o.id: 50 for i in issues for o in i.options.all()},
        range_scores={i.id: (0, 100) for i in issues if i.kind == "range"},
        reservation=0,
    )


def test_each_change_reaches_exactly_those_who_can_see_it(
    layer, django_capture_on_commit_callbacks
):
    t = make_table(money=True, advocates=True)
    w = t.m.world
    people = {
        "med": t.mediator,
        "a": t.a,
        "a_adv": w.advocates[0],
        "b": t.b,
        "b_adv": w.advocates[1],
    }
    every = set(people)
    side_a, side_b = {"a", "a_adv"}, {"b", "b_adv"}
    watch = Watch(layer, django_capture_on_commit_callbacks, t.process, people)
    issue, money = t.issues[0], t.issues[3]
    found = {}

    def suggest():
        found["pets"] = add_issue(t.a, t.process, "Pets", ["Dog stays", "Dog goes"])

    steps = [
        # The agenda: the mediator's issue is everyone's; a side's suggestion, and leaving it
        # out, stay between that side and the mediator.
        (lambda: add_issue(t.mediator, t.process, "Car", ["A", "B"]), {"agenda": every}),
        (suggest, {"agenda": side_a | {"med"}}),
        (
            lambda: services.issue_settle(actor=t.mediator, issue=found["pets"], include=False),
            {"agenda": side_a | {"med"}},
        ),
        # A side's own yes is its own until the term is agreed by all.
        (
            lambda: services.issue_assent(actor=t.a, issue=issue, option=t.option(0, "Alternate")),
            {"terms": side_a},
        ),
        (
            lambda: services.issue_assent(actor=t.b, issue=issue, option=t.option(0, "Alternate")),
            {"terms": every},
        ),
        (
            lambda: services.partial_choose(actor=t.a, process=t.process, allow=True),
            {"terms": side_a},
        ),
        (
            lambda: services.partial_choose(actor=t.b, process=t.process, allow=True),
            {"terms": every},
        ),
        # Notes in a private session: the side and the mediator.
        (
            lambda: found.setdefault(
                "mine",
                services.interest_record(
                    actor=t.a,
                    issue=issue,
                    kind="interest",
                    category="need",
                    text="The children need a stable routine every week.",
                    client_key=key(),
                ),
            ),
            {"interests": side_a | {"med"}},
        ),
        (
            lambda: found.setdefault(
                "theirs",
                services.interest_record(
                    actor=t.b,
                    issue=issue,
                    kind="interest",
                    category="need",
                    text="The children need stability and the same routine.",
                    client_key=key(),
                ),
            ),
            {"interests": side_b | {"med"}},
        ),
        # Common ground: the mediator's until both sides released their words.
        (
            lambda: services.links_suggest(actor=t.mediator, process=t.process),
            {"common_ground": {"med"}},
        ),
        (
            lambda: services.link_decide(
                actor=t.mediator,
                link=selectors.links_of(t.process).get(),  # the finder paired the two
                confirm=True,
                relation="shared",
                summary="A steady week for the children",
            ),
            {"common_ground": {"med"}},
        ),
        (
            lambda: services.interest_share(
                actor=t.a, interest=found["mine"], mode="gist", target=t.m.room("joint")
            ),
            {"common_ground": side_a | {"med"}},
        ),
        (
            lambda: services.interest_share(
                actor=t.b, interest=found["theirs"], mode="gist", target=t.m.room("joint")
            ),
            {"common_ground": every},
        ),
        # Preferences: the mediator hears only that a side gave them, once.
        (
            lambda: services.preference_set(actor=t.a, process=t.process, draft=draft(t)),
            {"preferences": side_a | {"med"}},
        ),
        (
            lambda: services.preference_set(actor=t.a, process=t.process, draft=draft(t, 70)),
            {"preferences": side_a},
        ),
        # The mediator's proposal: an answer is the side's own; only the result is everyone's.
        (
            lambda: found.setdefault(
                "proposal",
                services.proposal_put(
                    actor=t.mediator,
                    process=t.process,
                    terms=[(t.issues[2], t.option(2, "Stay"), None)],
                    deadline=clock.now() + dt.timedelta(days=1),
                    client_key=key(),
                ),
            ),
            {"proposal": every},
        ),
        (
            lambda: services.proposal_answer(actor=t.a, proposal=found["proposal"], accept=False),
            {"proposal": side_a},
        ),
        (
            lambda: services.proposal_answer(actor=t.b, proposal=found["proposal"], accept=True),
            {"proposal": every},
        ),
        # Blind offers: a side's agreement and figure are its own; a round's result everyone's.
        (
            lambda: found.setdefault(
                "bidding",
                services.bidding_propose(
                    actor=t.mediator, issue=money, payer=w.sides[0], band_percent="10"
                ),
            ),
            {"bidding": every},
        ),
        (lambda: services.bidding_agree(actor=t.a, bidding=found["bidding"]), {"bidding": side_a}),
        (lambda: services.bidding_agree(actor=t.b, bidding=found["bidding"]), {"bidding": every}),
        (
            lambda: services.bid_submit(actor=t.a, bidding=found["bidding"], amount="200"),
            {"bidding": side_a},
        ),
        (
            lambda: services.bid_submit(actor=t.b, bidding=found["bidding"], amount="900"),
            {"bidding": every},
        ),
        (
            lambda: services.bid_submit(actor=t.a, bidding=found["bidding"], amount="880"),
            {"bidding": side_a},
        ),
        (
            lambda: services.bid_submit(actor=t.b, bidding=found["bidding"], amount="900"),
            {"bidding": every, "terms": every},
        ),
        # Division: values are the side's; items and the result everyone's.
        (
            lambda: found.setdefault(
                "house", services.item_add(actor=t.b, process=t.process, name="House")
            ),
            {"division": every},
        ),
        (
            lambda: services.valuation_set(
                actor=t.a, process=t.process, values={found["house"].id: 100}
            ),
            {"division": side_a},
        ),
        (
            lambda: services.valuation_set(
                actor=t.b, process=t.process, values={found["house"].id: 100}
            ),
            {"division": side_b},
        ),
        (lambda: services.division_run(actor=t.mediator, process=t.process), {"division": every}),
    ]
    for n, (action, expected) in enumerate(steps):
        assert watch(action) == expected, f"step {n}"


def test_a_refused_action_tells_nobody_anything(layer, django_capture_on_commit_callbacks):
    t = make_table()
    people = {"med": t.mediator, "a": t.a, "b": t.b}
    watch = Watch(layer, django_capture_on_commit_callbacks, t.process, people)

    def refused():
        with pytest.raises(AccordError):
            services.issue_assent(actor=t.a, issue=t.issues[0], option=t.option(1, "Split in half"))

    assert watch(refused) == {}


def test_a_share_in_negotiation_is_everyones_and_a_note_only_the_sides(
    layer, django_capture_on_commit_callbacks
):
    t = make_negotiation()
    people = {"a": t.a, "b": t.b}
    watch = Watch(layer, django_capture_on_commit_callbacks, t.process, people)
    found = {}
    assert watch(
        lambda: found.setdefault(
            "note",
            services.interest_record(
                actor=t.a,
                issue=t.issues[0],
                kind="position",
                text="Weekdays with us",
                client_key=key(),
            ),
        )
    ) == {"interests": {"a"}}
    assert watch(lambda: services.interest_share_joint(actor=t.a, interest=found["note"])) == {
        "interests": {"a", "b"}
    }


def test_a_release_changed_in_the_rooms_is_seen_by_its_readers_only():
    """Releases are given, revoked and relayed in the rooms too; the counts read their state
    as each person may see it, so a page follows them, and nobody else learns of them."""
    t = make_table()
    joint = t.m.room("joint")

    def note(person, text):
        return services.interest_record(
            actor=person, issue=t.issues[0], kind="interest", category="need", text=text,
            client_key=key(),
        )  # fmt: skip

    mine = note(t.a, "The children need a stable routine every week.")
    theirs = note(t.b, "The children need stability and the same routine.")
    services.link_add(
        actor=t.mediator, first=mine, second=theirs, relation="shared", summary="A steady week"
    )
    people = {"med": t.mediator, "a": t.a, "b": t.b}

    def seen():
        return {
            name: selectors.change_counts(viewer=p, process=t.process)[selectors.RELEASES]
            for name, p in people.items()
        }

    before = seen()
    release = rooms.release_grant(actor=t.a, message=mine.message, mode="gist", target=joint)
    after = seen()
    assert {n for n in people if after[n] != before[n]} == {"med", "a"}
    services.interest_share(actor=t.b, interest=theirs, mode="gist", target=joint)
    assert [x.summary for x in selectors.common_ground_for(viewer=t.b, process=t.process)] == [
        "A steady week"
    ]
    before = seen()
    rooms.release_revoke(actor=t.a, release=release)  # the common ground is gone for both
    after = seen()
    assert {n for n in people if after[n] != before[n]} == {"med", "a", "b"}
    release = rooms.release_grant(actor=t.a, message=mine.message, mode="gist", target=joint)
    before = seen()
    rooms.relay_post(actor=t.mediator, release=release, body="Stability matters", client_key="r1")
    after = seen()
    assert {n for n in people if after[n] != before[n]} == {"med", "a"}


# --- the parts and the counts, through the same doors as the page ---------------------------


def browser(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def parts(client, process, *names):
    url = reverse("bargaining:workspace", kwargs={"process_id": process.id})
    return client.get(url, {"part": list(names)}, headers={"HX-Request": "true"})


def test_the_page_fetches_just_the_parts_it_names():
    t = make_table()
    response = parts(browser(t.a), t.process, "terms", "agenda", "nonsense")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'data-part="(\w+)"', html) == ["agenda", "terms"]
    assert "<html" not in html and response["Cache-Control"] == "no-store"
    # Without htmx's header, the same address is the whole page.
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    whole = browser(t.a).get(url, {"part": "terms"}).content.decode()
    assert "<html" in whole and 'data-part="bidding"' in whole
    # A part one may not see is not drawn for them.
    assert (
        re.findall(r'data-part="(\w+)"', parts(browser(t.b), t.process, "map").content.decode())
        == []
    )
    assert 'data-part="map"' in parts(browser(t.mediator), t.process, "map").content.decode()


def test_a_stranger_gets_the_same_404_for_parts_and_counts_as_for_nothing():
    t = make_table()
    stranger = Client()
    stranger.force_login(make_user())
    missing = uuid.uuid4()
    for process_id in (t.process.id, missing):
        url = reverse("bargaining:workspace", kwargs={"process_id": process_id})
        response = stranger.get(url, {"part": "agenda"}, headers={"HX-Request": "true"})
        assert response.status_code == 404
    nothing = stranger.get(
        reverse("bargaining:workspace", kwargs={"process_id": missing}),
        {"part": "agenda"},
        headers={"HX-Request": "true"},
    )
    real = stranger.get(
        reverse("bargaining:workspace", kwargs={"process_id": t.process.id}),
        {"part": "agenda"},
        headers={"HX-Request": "true"},
    )
    assert real.content == nothing.content
    seen = stranger.get(f"/api/v1/processes/{t.process.id}/changes")
    unseen = stranger.get(f"/api/v1/processes/{missing}/changes")
    assert seen.status_code == unseen.status_code == 404
    assert seen.content == unseen.content


def test_the_page_carries_the_counts_it_was_drawn_with_and_the_api_gives_them_back():
    t = make_table()
    client = browser(t.b)
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    html = client.get(url).content.decode()
    drawn = json.loads(re.search(r'data-counts="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert drawn == client.get(f"/api/v1/processes/{t.process.id}/changes").json()["counts"]
    assert drawn["agenda"] == 3  # the mediator put three issues on it
    services.issue_assent(actor=t.a, issue=t.issues[0], option=t.option(0, "Alternate"))
    # A's lone yes is A's: B's counts do not move, so B's page does not even look.
    assert client.get(f"/api/v1/processes/{t.process.id}/changes").json()["counts"] == drawn


def test_polling_the_counts_closes_a_proposal_whose_deadline_passed(monkeypatch):
    t = make_table()
    proposal = services.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=[(t.issues[0], t.option(0, "Alternate"), None)],
        deadline=clock.now() + dt.timedelta(minutes=5),
        client_key=key(),
    )
    client = browser(t.b)
    first = client.get(f"/api/v1/processes/{t.process.id}/changes").json()["counts"]
    later = clock.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(clock, "now", lambda: later)
    second = client.get(f"/api/v1/processes/{t.process.id}/changes").json()["counts"]
    assert second["proposal"] == first["proposal"] + 1
    proposal.refresh_from_db()
    assert proposal.status == "not_all_accepted"


# --- random sequences: the counts move exactly when what a person sees moves ------------------

_TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|client_key)"[^>]*value=")[^"]*"')


def view_of(client, process) -> str:
    """Every part a person is shown, without the per-render tokens."""
    html = parts(client, process, *PARTS).content.decode()
    return _TOKENS.sub(r'\1"', html)


ACTORS = ("med", "a", "b")


def _act(t, found, name, who, n):
    person = {"med": t.mediator, "a": t.a, "b": t.b}[who]
    issue = t.issues[n % 3]
    option = list(issue.options.all())[n % issue.options.count()]
    if name == "assent":
        services.issue_assent(actor=person, issue=issue, option=option)
    elif name == "reopen":
        services.issue_reopen(actor=person, issue=issue)
    elif name == "suggest":
        add_issue(person, t.process, f"Issue {n}", ["One", "Two"])
    elif name == "note":
        services.interest_record(
            actor=person,
            issue=issue,
            kind="position",
            text=f"We ask for {option.label}",
            client_key=key(),
        )
    elif name == "prefer":
        services.preference_set(actor=person, process=t.process, draft=_preferences(t, n))
    elif name == "partial":
        services.partial_choose(actor=person, process=t.process, allow=bool(n % 2))
    elif name == "confirm":
        services.agenda_confirm(actor=person, process=t.process)
    elif name == "propose":
        found["proposal"] = services.proposal_put(
            actor=person,
            process=t.process,
            terms=[(issue, option, None)],
            deadline=clock.now() + dt.timedelta(days=1),
            client_key=key(),
        )
    elif name == "answer" and "proposal" in found:
        services.proposal_answer(actor=person, proposal=found["proposal"], accept=bool(n % 2))
    elif name == "item":
        services.item_add(actor=person, process=t.process, name=f"Item {n}")


def _preferences(t, n):
    issues = selectors.agenda_issues(t.process)
    weights = {i.id: 0 for i in issues}
    weights[issues[0].id] = 100
    return PreferenceDraft(
        weights=weights,
        scores={o.id: (n * 7) % 101 for i in issues for o in i.options.all()},
        reservation=n % 50,
    )


number = st.integers(min_value=0, max_value=30)
SIDES = ("a", "b")
# Most steps are taken by someone who may take them, so sequences get somewhere; some by
# anyone (refused, and then nobody must hear of anything).
step = st.one_of(
    st.tuples(
        st.sampled_from(["assent", "reopen", "note", "prefer", "partial", "confirm", "answer"]),
        st.sampled_from(SIDES),
        number,
    ),
    st.tuples(st.sampled_from(["propose", "suggest", "item"]), st.just("med"), number),
    st.tuples(st.sampled_from(["suggest", "item"]), st.sampled_from(SIDES), number),
    st.tuples(
        st.sampled_from(["propose", "assent", "note", "answer"]), st.sampled_from(ACTORS), number
    ),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(step, min_size=1, max_size=6))
# The sequences that matter most are always tried, whatever the random draw.
@example([("propose", "med", 0), ("answer", "a", 1), ("answer", "b", 2)])
@example([("assent", "a", 0), ("assent", "b", 0), ("reopen", "b", 0)])
@example([("partial", "a", 1), ("partial", "b", 1), ("confirm", "a", 0)])
@example([("note", "a", 1), ("suggest", "b", 2), ("prefer", "a", 3), ("prefer", "a", 4)])
def test_counts_move_exactly_when_what_a_person_sees_moves(steps):
    """For every person after every step: if their parts changed, their counts moved (the
    page never misses an update); and for anyone outside the acting side, if their counts
    moved, their parts changed (the counts tell nothing the page does not show)."""
    t = make_table()
    people = {"med": t.mediator, "a": t.a, "b": t.b}
    clients = {name: browser(p) for name, p in people.items()}
    found: dict = {}
    for name, who, n in steps:
        before = {
            k: (
                view_of(clients[k], t.process),
                selectors.change_counts(viewer=p, process=t.process),
            )
            for k, p in people.items()
        }
        with contextlib.suppress(AccordError):  # a refused step must tell nobody anything
            _act(t, found, name, who, n)
        for k, p in people.items():
            view = view_of(clients[k], t.process)
            counts = selectors.change_counts(viewer=p, process=t.process)
            seen_change, counted = view != before[k][0], counts != before[k][1]
            if seen_change:
                assert counted, (name, who, k, "changed without its counts moving")
            if counted and k != who:
                assert seen_change, (name, who, k, "counts moved with nothing to see")
