"""The room pages over HTTP: who sees which room, posting (with htmx and without), files,
releases, the shuttle view, relays and leaving. Each refusal is checked for its words and
for the database not changing; every URL of a room is a 404 for anyone outside its audience,
byte for byte the page of a random id."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.models import Process, SideDeparture
from accord.cases.vocabulary import Outcome, ProcessStatus, Role
from accord.rooms import services, storage, views
from accord.rooms.models import Attachment, Message, Release
from accord.rooms.services import Upload
from tests.arbitration.factories import Arbitration, draft_terms, sign_terms
from tests.cases.factories import appoint, join, make_world
from tests.factories import make_user
from tests.rooms.factories import make_mediation, named

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTMX = {"HTTP_HX_REQUEST": "true"}
NAMES = ["joint", "caucus:0", "caucus:1", "side:0", "side:1", "neutrals"]


@pytest.fixture
def m():
    return make_mediation()


def browser(person) -> Client:
    user = getattr(person, "user", person)
    client = Client()
    client.force_login(user)
    return client


def room_url(room) -> str:
    return reverse("rooms:room", kwargs={"room_id": room.id})


def post(actor, room, body, **kw):
    return services.message_post(
        actor=actor, room=room, body=body, client_key=uuid.uuid4().hex, **kw
    )


def snapshot() -> tuple[int, ...]:
    """Everything a refused action must leave as it was."""
    return (
        Message.objects.count(),
        Release.objects.count(),
        Release.objects.filter(status=Release.Status.OPEN).count(),
        Attachment.objects.count(),
        SideDeparture.objects.count(),
        Process.objects.filter(status=ProcessStatus.ACTIVE).count(),
        AuditEvent.objects.count(),
    )


def page(response) -> str:
    return response.content.decode()


def field_error(html: str, field_id: str) -> str:
    """The error shown next to a field, checking the field points at it."""
    match = re.search(rf'<p class="field-error" id="{re.escape(field_id)}-error">(.*?)</p>', html)
    assert match, f"no error next to {field_id}"
    described = rf'aria-describedby="[^"]*{re.escape(field_id)}-error[^"]*" aria-invalid="true"'
    assert re.search(described, html), f"{field_id} does not point at its error"
    return match.group(1)


# Who sees which room.


def test_each_person_opens_exactly_the_rooms_their_place_allows(m):
    a, b = m.world.principals
    expected = {
        "a": {"joint", "caucus:0", "side:0"},
        "b": {"joint", "caucus:1", "side:1"},
        "mediator": {"joint", "caucus:0", "caucus:1", "neutrals"},
    }
    for key, person in [("a", a), ("b", b), ("mediator", m.world.mediator)]:
        client = browser(person)
        missing = client.get(reverse("rooms:room", kwargs={"room_id": uuid.uuid4()}))
        assert missing.status_code == 404
        for name in NAMES:
            response = client.get(room_url(m.room(name)))
            if name in expected[key]:
                assert response.status_code == 200, (key, name)
                # The tabs list exactly the rooms this person may see.
                tabs = set(re.findall(r'<a href="/rooms/([0-9a-f-]{36})/"', page(response)))
                assert tabs == {str(m.room(n).id) for n in expected[key]}, (key, name)
            else:
                assert response.status_code == 404, (key, name)
                assert response.content == missing.content, (key, name)


def test_every_rooms_url_is_a_404_for_a_stranger_identical_to_a_random_id(m):
    a = m.world.principals[0]
    message = post(a, m.room("caucus:0"), "Our floor is 40", uploads=[Upload("a.pdf", PDF)])
    release = services.release_grant(actor=a, message=message, mode="gist", target=m.room("joint"))
    real = {
        "room_id": m.room("caucus:0").id,
        "attachment_id": message.attachments.get().id,
        "message_id": message.id,
        "release_id": release.id,
        "process_id": m.process.id,
    }
    routes = [
        ("get", "rooms:room", "room_id"),
        ("post", "rooms:room", "room_id"),
        ("get", "rooms:attachment", "attachment_id"),
        ("post", "rooms:release", "message_id"),
        ("post", "rooms:revoke", "release_id"),
        ("post", "rooms:relay", "release_id"),
        ("get", "rooms:release_card", "release_id"),
        ("get", "rooms:shuttle", "process_id"),
        ("get", "rooms:leave", "process_id"),
        ("post", "rooms:leave", "process_id"),
    ]
    stranger = browser(make_user())
    before = snapshot()
    data = {"body": "hello", "client_key": "k1", "mode": "verbatim", "target": str(uuid.uuid4())}
    for method, name, kwarg in routes:
        url = reverse(name, kwargs={kwarg: real[kwarg]})
        random_url = reverse(name, kwargs={kwarg: uuid.uuid4()})
        got, other = (
            getattr(stranger, method)(url, data),
            getattr(stranger, method)(random_url, data),
        )
        assert (got.status_code, other.status_code) == (404, 404), (method, name)
        assert got.content == other.content, (method, name)
    assert snapshot() == before
    # Signed out: every page sends to sign-in instead.
    for method, name, kwarg in routes:
        response = getattr(Client(), method)(reverse(name, kwargs={kwarg: real[kwarg]}))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_side_a_private_session_never_shows_on_side_b_pages(m):
    a, b = m.world.principals
    secret = post(
        a, m.room("caucus:0"), "Between us, we could accept 40", uploads=[Upload("x.pdf", PDF)]
    )
    post(a, m.room("side:0"), "Our lawyer thinks thirty-five")
    post(m.world.mediator, m.room("neutrals"), "Note: A may accept 40")
    post(a, m.room("joint"), "Hello everyone")
    client = browser(b)
    pages = [client.get(room_url(m.room(n))) for n in ("joint", "caucus:1", "side:1")]
    pages.append(client.get(reverse("rooms:leave", kwargs={"process_id": m.process.id})))
    for response in pages:
        assert response.status_code == 200
        html = page(response)
        assert "accept 40" not in html and "thirty-five" not in html and "x.pdf" not in html
    assert "Hello everyone" in page(pages[0])
    download = client.get(
        reverse("rooms:attachment", kwargs={"attachment_id": secret.attachments.get().id})
    )
    assert download.status_code == 404


# Posting.


def test_a_form_sent_twice_posts_once_and_returns_to_the_message(m):
    a = m.world.principals[0]
    client = browser(a)
    url = room_url(m.room("joint"))
    form = {"body": "Can we talk about Fridays?", "client_key": "form-1"}
    first = client.post(url, form)
    again = client.post(url, form)
    [message] = Message.objects.all()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"{url}#msg-{message.id}"
    assert (message.body, message.seq, message.author_id) == ("Can we talk about Fridays?", 1, a.id)
    shown = page(client.get(url))
    assert "Can we talk about Fridays?" in shown and 'data-after="1"' in shown


def test_htmx_posting_returns_a_fresh_composer(m):
    a = m.world.principals[0]
    client = browser(a)
    url = room_url(m.room("joint"))
    response = client.post(url, {"body": "Hello", "client_key": "hx-1"}, **HTMX)
    assert response.status_code == 200
    html = page(response)
    assert html.lstrip().startswith('<div class="composer"')
    assert "Hello" not in html  # the box is empty for the next message...
    key = re.search(r'name="client_key" value="([0-9a-f]{32})"', html).group(1)
    assert key != "hx-1"  # ...with a key of its own
    assert Message.objects.get().body == "Hello"


def test_an_empty_message_is_refused_next_to_the_box_and_changes_nothing(m):
    a = m.world.principals[0]
    client = browser(a)
    room = m.room("joint")
    before = snapshot()
    for extra in ({}, HTMX):
        response = client.post(room_url(room), {"body": "   ", "client_key": "k-empty"}, **extra)
        assert response.status_code == 422
        html = page(response)
        assert field_error(html, f"body-{room.id}") == "Write something or attach a file."
        assert 'aria-invalid="true"' in html
    assert snapshot() == before


def test_files_are_checked_by_the_service_and_refusals_keep_the_words(m):
    a, b = m.world.principals
    client = browser(a)
    room = m.room("joint")
    before = snapshot()
    cases_ = [
        (
            ("run.exe", b"MZ\x90\x00\x03\x00\x00\x00\xff\xfe"),
            "run.exe is not a PDF, PNG, JPEG or plain-text file.",
        ),
        (
            ("big.pdf", b"%PDF-" + b"0" * storage.MAX_ATTACHMENT_BYTES),
            "big.pdf is larger than 10 MB.",
        ),
    ]
    for (name, content), refusal in cases_:
        upload = SimpleUploadedFile(name, content)
        data = {
            "body": "Here is the plan I mentioned",
            "client_key": "k-file",
            "attachments": upload,
        }
        response = client.post(room_url(room), data)
        assert response.status_code == 422
        html = page(response)
        assert field_error(html, f"files-{room.id}").startswith(refusal)
        assert "Here is the plan I mentioned</textarea>" in html  # nothing typed is lost
    assert snapshot() == before
    ok = {
        "body": "The plan",
        "client_key": "k-ok",
        "attachments": SimpleUploadedFile("plan.pdf", PDF),
    }
    assert client.post(room_url(room), ok).status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.filename, attachment.blob.content_type) == ("plan.pdf", "application/pdf")
    # Anyone in the room downloads it through the access check, and each download is audited.
    url = reverse("rooms:attachment", kwargs={"attachment_id": attachment.id})
    events = AuditEvent.objects.filter(action="attachment.downloaded")
    assert events.count() == 0
    response = browser(b).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert events.count() == 1


def test_a_room_one_may_only_read_says_why_and_refuses_posts(m):
    a, b = m.world.principals
    cases.process_withdraw(actor=b, process=m.process)  # two sides: the mediation ends
    client = browser(a)
    room = m.room("joint")
    html = page(client.get(room_url(room)))
    assert "This mediation has ended. You can still read what was said here." in html
    assert 'name="body"' not in html  # no composer
    assert "Leave mediation" not in html
    # Nothing says who left, or that anyone withdrew.
    assert b.user.display_name not in html and "withdr" not in html.lower()
    before = snapshot()
    response = client.post(room_url(room), {"body": "Still there?", "client_key": "late"})
    assert response.status_code == 403
    assert "You can read this room but not write in it now." in page(response)
    assert "Still there?" in page(response)
    assert snapshot() == before


def test_earlier_messages_are_a_link_away(m, monkeypatch):
    monkeypatch.setattr(views._common, "PAGE", 2)
    a = m.world.principals[0]
    room = m.room("joint")
    for n in range(1, 6):
        post(a, room, f"message number {n}")
    client = browser(a)
    latest = page(client.get(room_url(room)))
    assert re.findall(r'data-seq="(\d+)"', latest) == ["4", "5"]
    assert 'data-after="5"' in latest and "data-live" in latest
    assert f"{room_url(room)}?before=4" in latest
    earlier = page(client.get(f"{room_url(room)}?before=4"))
    assert re.findall(r'data-seq="(\d+)"', earlier) == ["2", "3"]
    assert "data-live" not in earlier and 'name="body"' not in earlier
    assert "Back to the latest messages" in earlier
    first = page(client.get(f"{room_url(room)}?before=2"))
    assert re.findall(r'data-seq="(\d+)"', first) == ["1"]
    assert "Show earlier messages" not in first
    assert client.get(f"{room_url(room)}?before=soon").status_code == 200


def test_query_count_of_a_room_page_does_not_grow_with_its_messages(
    m, django_assert_max_num_queries
):
    a = m.world.principals[0]
    caucus = m.room("caucus:0")
    client = browser(a)

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(room_url(caucus)).status_code == 200
        return len(queries)

    first = post(a, caucus, "One", uploads=[Upload("a.pdf", PDF)])
    services.release_grant(actor=a, message=first, mode="gist", target=m.room("joint"))
    cost()  # the first visit writes the read mark
    few = cost()
    for n in range(12):
        message = post(a, caucus, f"More {n}", uploads=[Upload(f"f{n}.pdf", PDF)])
        services.release_grant(actor=a, message=message, mode="verbatim", target=m.room("caucus:1"))
    post(m.world.mediator, caucus, "Thank you")
    assert cost() == few
    # 30, and 2 for what is new: the read mark's UPDATE and the other rooms' unread counts.
    with django_assert_max_num_queries(32):
        client.get(room_url(caucus))


# Releases and revoking.


def test_release_controls_only_on_own_sides_items_for_its_parties():
    m = make_mediation(advocates=True)
    a = m.world.principals[0]
    lawyer_a = m.world.advocates[0]
    caucus = m.room("caucus:0")
    own = post(a, caucus, "We could move pick-up to 6")
    post(m.world.mediator, caucus, "What would help most?")
    html = page(browser(a).get(room_url(caucus)))
    # One release form, on the party's own item, not on the mediator's words.
    assert html.count('class="release-form"') == 1
    assert reverse("rooms:release", kwargs={"message_id": own.id}) in html
    assert "The joint room (everyone)" in html and "The private session of Respondent" in html
    for person in (lawyer_a, m.world.mediator):
        assert 'class="release-form"' not in page(browser(person).get(room_url(caucus)))
    assert "release-form" not in page(browser(a).get(room_url(m.room("joint"))))


def test_a_party_releases_with_htmx_once_and_takes_it_back_once(m):
    a = m.world.principals[0]
    caucus = m.room("caucus:0")
    message = post(a, caucus, "We could move pick-up to 6")
    client = browser(a)
    url = reverse("rooms:release", kwargs={"message_id": message.id})
    form = {"mode": "gist", "target": str(m.room("joint").id)}
    response = client.post(url, form, **HTMX)
    again = client.post(url, form, **HTMX)  # a double click
    assert response.status_code == again.status_code == 200
    [release] = Release.objects.all()
    assert (release.mode, release.target_id, release.status) == ("gist", m.room("joint").id, "open")
    html = page(response)
    assert html.lstrip().startswith(f'<li class="msg own" id="msg-{message.id}"')
    assert (
        "You allowed the gist of this message to be shared with the joint room (everyone)." in html
    )
    assert "Waiting for the mediator" in html and "Take back" in html
    revoke = reverse("rooms:revoke", kwargs={"release_id": release.id})
    first, second = client.post(revoke, **HTMX), client.post(revoke, **HTMX)
    assert first.status_code == second.status_code == 200
    release.refresh_from_db()
    assert release.status == Release.Status.REVOKED
    assert AuditEvent.objects.filter(action="release.revoked").count() == 1
    assert "Taken back" in page(second) and "Take back<" not in page(second)


def test_a_release_form_without_choices_is_refused_next_to_each_question(m):
    a = m.world.principals[0]
    message = post(a, m.room("caucus:0"), "Our real worry is the school run")
    client = browser(a)
    url = reverse("rooms:release", kwargs={"message_id": message.id})
    before = snapshot()
    key = str(message.id)
    for extra in (HTMX, {}):
        response = client.post(url, {}, **extra)
        assert response.status_code == 422
        html = page(response)
        assert (
            f'<p class="field-error" id="rel-{key}-mode-error">Choose how it may be shared.</p>'
            in html
        )
        assert (
            f'<p class="field-error" id="rel-{key}-target-error">Choose who may hear it.</p>'
            in html
        )
        assert f'aria-describedby="rel-{key}-mode-error"' in html
        assert '<details class="release-form" open>' in html
    # A target outside the process is refused too, with the choices kept.
    response = client.post(url, {"mode": "verbatim", "target": str(uuid.uuid4())}, **HTMX)
    assert response.status_code == 422
    assert "Share to the joint room or to another side&#x27;s private session." in page(response)
    assert 'value="verbatim" checked' in page(response)
    assert snapshot() == before


def test_only_a_party_of_the_side_may_release_or_take_back(m):
    a, b = m.world.principals
    message = post(a, m.room("caucus:0"), "We could accept alternate weekends")
    url = reverse("rooms:release", kwargs={"message_id": message.id})
    form = {"mode": "verbatim", "target": str(m.room("caucus:1").id)}
    before = snapshot()
    assert browser(b).post(url, form).status_code == 404  # B cannot see it exists
    refused = browser(m.world.mediator).post(url, form, **HTMX)
    assert refused.status_code == 403
    assert "Only a party can release what their own side said in private." in page(refused)
    assert snapshot() == before
    release = services.release_grant(
        actor=a, message=message, mode="verbatim", target=m.room("caucus:1")
    )
    revoke = reverse("rooms:revoke", kwargs={"release_id": release.id})
    before = snapshot()
    assert browser(b).post(revoke).status_code == 404
    refused = browser(m.world.mediator).post(revoke, **HTMX)
    assert refused.status_code == 403
    assert "Only a party of the side that released it can take it back." in page(refused)
    assert snapshot() == before


def test_a_used_release_can_no_longer_be_taken_back(m):
    a = m.world.principals[0]
    message = post(a, m.room("caucus:0"), "We could accept alternate weekends")
    release = services.release_grant(
        actor=a, message=message, mode="verbatim", target=m.room("joint")
    )
    services.relay_post(actor=m.world.mediator, release=release, client_key="r")
    before = snapshot()
    response = browser(a).post(reverse("rooms:revoke", kwargs={"release_id": release.id}), **HTMX)
    assert response.status_code == 409
    html = page(response)
    assert "It has already been shared and can no longer be taken back." in html
    assert "Shared" in html
    assert snapshot() == before


# The shuttle view and relays.


def test_the_shuttle_view_is_only_for_the_processes_mediators(m):
    a, b = m.world.principals
    url = reverse("rooms:shuttle", kwargs={"process_id": m.process.id})
    random_url = reverse("rooms:shuttle", kwargs={"process_id": uuid.uuid4()})
    for person in (a, b, make_user()):
        client = browser(person)
        got, missing = client.get(url), client.get(random_url)
        assert got.status_code == missing.status_code == 404
        assert got.content == missing.content
    other = make_mediation()  # another case's mediator
    assert browser(other.world.mediator).get(url).status_code == 404
    assert browser(m.world.mediator).get(url).status_code == 200


def test_the_shuttle_view_shows_every_private_session_and_only_released_items_to_relay(m):
    a, b = m.world.principals
    kept = post(a, m.room("caucus:0"), "Our absolute limit is 40")
    released = post(a, m.room("caucus:0"), "We would like more time with the children")
    post(b, m.room("caucus:1"), "We need a decision by June")
    post(m.world.mediator, m.room("neutrals"), "Both sides seem close")
    release = services.release_grant(
        actor=a, message=released, mode="gist", target=m.room("caucus:1")
    )
    html = page(
        browser(m.world.mediator).get(reverse("rooms:shuttle", kwargs={"process_id": m.process.id}))
    )
    for text in (
        "Our absolute limit is 40",
        "more time with the children",
        "decision by June",
        "Both sides seem close",
    ):
        assert text in html
    for name in ("caucus:0", "caucus:1", "joint", "neutrals"):
        assert f'data-room="{m.room(name).id}"' in html
    assert "Private session: Applicant" in html and "Private session: Respondent" in html
    assert "Private notes" in html
    # One relay form, for the one released item.
    assert re.findall(r'/rooms/releases/([0-9a-f-]{36})/relay/"', html) == [str(release.id)] * 2
    assert reverse("rooms:release", kwargs={"message_id": kept.id}) not in html


def test_a_gist_is_relayed_in_the_mediators_words_once(m):
    a, b = m.world.principals
    released = post(a, m.room("caucus:0"), "We would like more time with the children")
    release = services.release_grant(
        actor=a, message=released, mode="gist", target=m.room("caucus:1")
    )
    client = browser(m.world.mediator)
    url = reverse("rooms:relay", kwargs={"release_id": release.id})
    # An empty wording is refused next to the box, and nothing is shared.
    before = snapshot()
    refused = client.post(url, {"body": "  "}, **HTMX)
    assert refused.status_code == 422
    assert field_error(page(refused), f"gist-{release.id}") == "Write the gist in your own words."
    assert snapshot() == before
    wording = "Applicant hopes for more time with the children."
    first = client.post(url, {"body": wording}, **HTMX)
    again = client.post(url, {"body": wording}, **HTMX)  # a double click
    assert first.status_code == again.status_code == 200
    [relay] = Message.objects.filter(relay_of=release)
    assert (relay.room_id, relay.body) == (m.room("caucus:1").id, wording)
    assert "Shared" in page(again) and "Share it" not in page(again)
    html = page(browser(b).get(room_url(m.room("caucus:1"))))
    assert wording in html
    assert (
        f"The gist, in the mediator&#x27;s words, shared with the permission of "
        f"{a.user.display_name} (Applicant)." in html
    )
    assert "We would like more time" not in html


def test_a_verbatim_relay_without_javascript_and_a_revoked_one_refused(m):
    a, b = m.world.principals
    words = post(
        a, m.room("caucus:0"), "We accept alternate weekends", uploads=[Upload("plan.pdf", PDF)]
    )
    verbatim = services.release_grant(
        actor=a, message=words, mode="verbatim", target=m.room("joint")
    )
    client = browser(m.world.mediator)
    response = client.post(reverse("rooms:relay", kwargs={"release_id": verbatim.id}))
    shuttle = reverse("rooms:shuttle", kwargs={"process_id": m.process.id})
    assert response.status_code == 302 and response["Location"] == f"{shuttle}#card-{verbatim.id}"
    relay = Message.objects.get(relay_of=verbatim)
    assert (relay.body, [f.filename for f in relay.attachments.all()]) == (
        "We accept alternate weekends",
        ["plan.pdf"],
    )
    joint = page(browser(b).get(room_url(m.room("joint"))))
    assert (
        f"Shared word for word with the permission of {a.user.display_name} (Applicant)." in joint
    )
    # Taken back before the mediator got to it: refused, nothing shared.
    other = post(a, m.room("caucus:0"), "And we could pay half of the school fees")
    taken_back = services.release_grant(
        actor=a, message=other, mode="verbatim", target=m.room("joint")
    )
    services.release_revoke(actor=a, release=taken_back)
    before = snapshot()
    refused = client.post(reverse("rooms:relay", kwargs={"release_id": taken_back.id}))
    assert refused.status_code == 409
    html = page(refused)
    assert "This item is not released (it was taken back or already shared)." in html
    assert "Taken back" in html
    assert snapshot() == before
    # A party cannot relay, even their own side's release.
    before = snapshot()
    refused = browser(a).post(reverse("rooms:relay", kwargs={"release_id": verbatim.id}))
    assert refused.status_code == 403
    assert snapshot() == before


def test_the_release_card_is_for_mediators_only(m):
    a, b = m.world.principals
    message = post(a, m.room("caucus:0"), "We could accept alternate weekends")
    release = services.release_grant(actor=a, message=message, mode="gist", target=m.room("joint"))
    url = reverse("rooms:release_card", kwargs={"release_id": release.id})
    response = browser(m.world.mediator).get(url)
    assert response.status_code == 200
    assert (
        page(response)
        .lstrip()
        .startswith(f'<article class="release-card release-open" id="card-{release.id}"')
    )
    missing = reverse("rooms:release_card", kwargs={"release_id": uuid.uuid4()})
    for person in (a, b):
        client = browser(person)
        assert client.get(url).status_code == 404
        assert client.get(url).content == client.get(missing).content


def test_query_count_of_the_shuttle_view_does_not_grow_with_releases(m):
    a, b = m.world.principals
    client = browser(m.world.mediator)
    url = reverse("rooms:shuttle", kwargs={"process_id": m.process.id})

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def round_of_talk(n: int) -> None:
        for party, side in ((a, 0), (b, 1)):
            message = post(
                party, m.room(f"caucus:{side}"), f"Thought {n}", uploads=[Upload("n.pdf", PDF)]
            )
            services.release_grant(
                actor=party, message=message, mode="gist", target=m.room("joint")
            )
        post(m.world.mediator, m.room("neutrals"), f"Note {n}")

    round_of_talk(0)
    cost()  # the first visit writes the mediator's read marks
    few = cost()
    for n in range(1, 8):
        round_of_talk(n)
    assert cost() == few <= 50


# Leaving.


def test_leaving_takes_two_clicks_and_the_others_learn_only_that_it_ended(m):
    a, b = m.world.principals
    client = browser(b)
    room = m.room("caucus:1")
    leave = reverse("rooms:leave", kwargs={"process_id": m.process.id})
    # Click one: the clearly visible control on the room page.
    html = page(client.get(room_url(room)))
    link = f"{leave}?room={room.id}"
    assert f'href="{link}">Leave mediation</a>' in html
    confirm = client.get(link)
    assert confirm.status_code == 200
    text = page(confirm)
    assert "Leave the mediation?" in text
    assert "You do not have to give a reason, and none is shown to anyone." in text
    assert "It ends for everyone. The others are told only that it has ended." in text
    assert f'href="{room_url(room)}">No, stay</a>' in text
    assert Process.objects.get().status == ProcessStatus.ACTIVE  # looking changes nothing
    # Click two: confirm. Sent twice, it leaves once.
    first = client.post(leave, {"room": str(room.id)})
    second = client.post(leave, {"room": str(room.id)})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == leave
    assert SideDeparture.objects.count() == 1
    process = Process.objects.get()
    assert (process.status, process.outcome) == (ProcessStatus.ENDED, Outcome.WITHDRAWN)
    assert "You have left the mediation" in page(client.get(leave))
    assert client.get(room_url(room)).status_code == 404  # no longer theirs
    # The others: the mediation ended; no name, no reason, no "withdrew".
    for person in (a, m.world.mediator):
        shown = page(browser(person).get(room_url(m.room("joint"))))
        assert "This mediation has ended." in shown
        assert b.user.display_name not in shown and "withdr" not in shown.lower()


def test_leaving_is_offered_only_to_those_the_rules_let_leave():
    m = make_mediation(advocates=True, sides=3)
    a, _b, c = m.world.principals
    lawyer = m.world.advocates[0]
    leave = reverse("rooms:leave", kwargs={"process_id": m.process.id})
    for person in (lawyer, m.world.mediator):
        client = browser(person)
        assert "Leave mediation" not in page(client.get(room_url(m.room("joint"))))
        before = snapshot()
        response = client.post(leave)
        assert response.status_code == 403
        assert snapshot() == before
    assert "Only a party can withdraw from this process." in page(browser(lawyer).get(leave))
    # With three sides, leaving lets the others carry on.
    confirm = page(browser(c).get(leave))
    assert "It carries on for the other sides without yours. Nobody is told why." in confirm
    assert browser(c).post(leave).status_code == 302
    assert Process.objects.get().status == ProcessStatus.ACTIVE
    shown = page(browser(a).get(room_url(m.room("joint"))))
    assert "has ended" not in shown and 'name="body"' in shown
    # The mediator still reads the departed side's private session, closed to writing.
    closed = page(browser(m.world.mediator).get(room_url(m.room("caucus:2"))))
    assert "Grandparents is no longer taking part." in closed and 'name="body"' not in closed


def test_a_support_person_never_sees_the_private_session_controls():
    m = make_mediation()
    a = m.world.principals[0]
    helper = join(m.world.mediator, m.world.case, Role.SUPPORT, m.world.sides[0])
    cases.process_accept_confidentiality(actor=helper, process=m.process)
    post(a, m.room("caucus:0"), "We could move pick-up to 6")
    html = page(browser(helper).get(room_url(m.room("caucus:0"))))
    assert "We could move pick-up to 6" in html  # support persons belong to the side
    assert 'class="release-form"' not in html and "Leave mediation" not in html


# The tone coach and moderation, as the composer shows them.


def test_a_flagged_message_comes_back_with_reasons_and_may_be_sent_as_written(m):
    a = m.world.principals[0]
    room = m.room("joint")
    client = browser(a)
    words = "You are an idiot and you always ruin everything."
    before = snapshot()
    response = client.post(room_url(room), {"body": words, "client_key": "t-1"}, **HTMX)
    assert response.status_code == 422
    html = page(response)
    error = field_error(html, f"body-{room.id}")
    assert error.startswith("This may read as hostile to the others.")
    assert (
        "It may read as: name-calling, blame, “always” or “never” about the other person." in error
    )
    assert "A calmer way to say it:" in html and "data-suggestion" in html
    assert f"{words}</textarea>" in html  # the words come back, to change or to send
    assert 'name="client_key" value="t-1"' in html  # the same form: nothing was posted
    assert 'name="send_anyway"' in html
    assert snapshot() == before
    sent = client.post(
        room_url(room), {"body": words, "client_key": "t-1", "send_anyway": "on"}, **HTMX
    )
    assert sent.status_code == 200
    assert Message.objects.get().body == words


def test_a_post_held_for_review_is_said_calmly_and_not_shown_to_the_others(m):
    a, b = m.world.principals
    room = m.room("joint")
    services.room_hold_flagged(actor=m.world.mediator, room=room, hold=True)
    client = browser(a)
    words = "You are an idiot and you always ruin everything."
    form = {"body": words, "client_key": "t-2", "send_anyway": "on"}
    response = client.post(room_url(room), form, **HTMX)
    again = client.post(room_url(room), form, **HTMX)  # sent twice: held once
    assert response.status_code == again.status_code == 200
    notice = "Your message is waiting for the mediator&#x27;s review before the others see it."
    assert notice in page(response) and notice in page(again)
    assert words not in page(response)  # a fresh form
    assert Message.objects.count() == 0
    assert room.held.count() == 1
    assert words not in page(browser(b).get(room_url(room)))
    # Without JavaScript: back to the room, which says the same.
    plain = client.post(room_url(room), {**form, "client_key": "t-3"})
    assert plain.status_code == 302 and plain["Location"] == room_url(room)
    assert notice in page(client.get(room_url(room)))
    assert (Message.objects.count(), room.held.count()) == (0, 2)


def test_an_arbitrations_record_is_a_room_for_the_sides_and_the_arbitrator_only():
    world = make_world()
    a, b = world.principals
    arbitrator = appoint(world.mediator, world.case, Role.ARBITRATOR)
    process = cases.process_propose(actor=a, case=world.case, kind="arbitration")
    cases.process_consent(actor=b, process=process)
    arb = Arbitration(world, process, arbitrator)
    draft_terms(arb)
    sign_terms(arb)  # an arbitration starts once every party signed its agreement
    cases.process_start(actor=arbitrator, process=process)
    record = named(services.rooms_ensure(process=process))["record"]
    post(a, record, "Our submission: the invoice was paid on 3 March.")
    for person in (a, b, arbitrator):
        html = page(browser(person).get(room_url(record)))
        assert "<h1>Record</h1>" in html
        assert "Every side and the arbitrator can read the record." in html
        assert "the invoice was paid" in html
        assert "release-form" not in html and "Leave" not in html  # bound: nobody walks out
    assert browser(world.mediator).get(room_url(record)).status_code == 404
    shuttle = reverse("rooms:shuttle", kwargs={"process_id": process.id})
    assert browser(arbitrator).get(shuttle).status_code == 404


def test_a_paused_room_says_so_and_refuses_posts_without_losing_the_words(m):
    a = m.world.principals[0]
    room = m.room("joint")
    services.room_pause(actor=m.world.mediator, room=room, paused=True)
    client = browser(a)
    html = page(client.get(room_url(room)))
    assert "The mediator has paused this room for now. You can still read it." in html
    assert 'name="body"' not in html
    before = snapshot()
    refused = client.post(room_url(room), {"body": "Hello?", "client_key": "p-1"}, **HTMX)
    assert refused.status_code == 403
    assert "Hello?</textarea>" in page(refused) and "<fieldset disabled>" in page(refused)
    assert snapshot() == before
    # The mediator still writes there.
    assert 'name="body"' in page(browser(m.world.mediator).get(room_url(room)))
