"""Issue 5's whole journey through the pages, in real browsers, one context per person, on a
real ASGI server: a mediator opens a case and invites two parties (the test reads the
invitation links from the mail the server wrote); both join with one click and a name and
accept the confidentiality terms; they talk in the joint room; A speaks in private and
releases one of two statements, which the mediator relays; B sees exactly that statement,
never the other, in the page and in the socket's frames; B leaves, and A sees only that the
mediation ended. tests/e2e/test_rooms.py adds a lost connection and a second tab."""

from __future__ import annotations

import email
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from accord.cases.models import Case, Process
from accord.rooms.models import Message, Release, Room
from tests.cases.factories import with_two_factor
from tests.e2e.test_rooms import (  # noqa: F401 - the server fixture and page helpers
    live,
    record_frames,
    say,
    server,
    signed_in,
)
from tests.factories import make_user
from tests.safety.factories import CALM

KEPT = "Between us: I would go as low as 300 a month."
RELEASED = "I could do every other weekend and half the holidays."


@pytest.fixture(autouse=True)
def mail_dir(tmp_path, monkeypatch):
    """The server (its own process) writes each e-mail to a file here (settings.test)."""
    folder = tmp_path / "mail"
    folder.mkdir()
    monkeypatch.setenv("ACCORD_TEST_MAIL_DIR", str(folder))
    return folder


def invitation_link(folder: Path, address: str) -> str:
    """The path of the one link in the invitation sent to this address (its host is the
    configured SITE_URL; the test's server listens elsewhere)."""
    for path in sorted(folder.iterdir()):
        for raw in path.read_text().split("-" * 79):
            if not raw.strip():
                continue
            message = email.message_from_string(raw.strip())
            if message["To"] == address:
                body = message.get_payload(decode=True).decode()
                return re.search(r"https?://[^/\s]+(/link/[^/\s]+/)", body).group(1)
    raise AssertionError(f"no invitation for {address} in {folder}")


def join(page: Page, link: str, name: str) -> None:
    page.goto(link)
    page.get_by_label("Your name, as others in the case will see it").fill(name)
    page.get_by_role("button", name="Join").click()


def accept_terms(page: Page, base: str, process: Process) -> None:
    page.goto(f"{base}/cases/process/{process.id}/terms/")
    page.locator("main form").get_by_role("checkbox").check()
    page.get_by_role("button", name="Accept the terms").click()


def test_a_mediator_opens_a_case_invites_two_parties_who_join_and_talk(
    server,  # noqa: F811
    person,
    mail_dir,
    accessible,
    screenshot,
):
    mediator = with_two_factor(make_user(name="Morgan Mediator"))
    page_m = signed_in(person(), server, mediator)

    # Intake: the case, its sides, the mediator's own declaration and appointment.
    page_m.goto(f"{server}/cases/new/")
    accessible(page_m)
    page_m.get_by_role("button", name="Open the case").click()  # empty: explained, not saved
    expect(page_m.locator(".field-error").first).to_be_visible()
    assert not Case.objects.exists()
    page_m.get_by_label("A short name for the case").fill("Parenting plan for Robin")
    page_m.get_by_label("What the disagreement is about").select_option("family")
    page_m.get_by_label("The sides, one per line").fill("Alex\nSam")
    page_m.get_by_label("Mediator", exact=True).check()
    page_m.get_by_role("button", name="Open the case").click()
    case = Case.objects.get()
    # The page leads straight on to what comes next: the mediator's conflict declaration.
    expect(page_m.get_by_role("heading", name="Declare any conflict of interest")).to_be_visible()
    page_m.get_by_label("No", exact=True).check()
    page_m.get_by_role("button", name="Send my declaration").click()
    # With two-factor already on, nothing else stands before the appointment.
    expect(page_m.get_by_text("Your appointment is in effect.")).to_be_visible()
    assert case.participants.get(user=mediator).status == "active"

    # Two invitations, read from the mail the server sent.
    page_m.goto(f"{server}/cases/{case.id}/people/")
    accessible(page_m)
    for address, side in (("alex@example.org", "Alex"), ("sam@example.org", "Sam")):
        page_m.get_by_label("Their e-mail address").first.fill(address)
        page_m.get_by_label("Their role").first.select_option("principal")
        page_m.get_by_label("Their side").select_option(label=side)
        page_m.get_by_role("button", name="Send the invitation").click()
        expect(page_m.get_by_text(f"Invitation sent to {address}")).to_be_visible()
    screenshot(page_m, "intake-people")
    page_m.goto(f"{server}/cases/{case.id}/")
    screenshot(page_m, "case-page")

    page_a, page_b = person(), person(viewport={"width": 360, "height": 740})
    join(page_a, server + invitation_link(mail_dir, "alex@example.org"), "Alex Applicant")
    join(page_b, server + invitation_link(mail_dir, "sam@example.org"), "Sam Respondent")
    for page in (page_a, page_b):
        expect(page.get_by_role("link", name="Parenting plan for Robin")).to_be_visible()
    accessible(page_b)
    screenshot(page_a, "dashboard")

    # The mediator proposes a mediation; each side agrees; everyone accepts the terms.
    page_m.goto(f"{server}/cases/{case.id}/propose/")
    page_m.get_by_label("Mediation", exact=True).check()
    page_m.get_by_role("button", name="Propose it").click()
    process = Process.objects.get(case=case)
    for page in (page_a, page_b):
        page.goto(f"{server}/cases/process/{process.id}/consent/")
        page.get_by_role("button", name="Yes, my side agrees").click()
    for page in (page_m, page_a, page_b):
        accept_terms(page, server, process)
    # Screening first: each party answers privately, from the process page's way in; the
    # mediator reads the answers and confirms how the mediation runs.
    page_m.goto(f"{server}/cases/process/{process.id}/")
    expect(page_m.get_by_text("Screening is not complete")).to_be_visible()
    for page in (page_a, page_b):
        page.goto(f"{server}/cases/process/{process.id}/")
        page.get_by_role("link", name="Answer the safety questions").click()
        for question, value in CALM.items():
            page.locator(f'input[name="{question}"][value="{value}"]').check()
        page.get_by_role("button", name="Save my answers").click()
        expect(page.get_by_text("Thank you. Your answers are saved")).to_be_visible()
    accessible(page_b)
    page_m.goto(f"{server}/cases/process/{process.id}/")
    page_m.get_by_role("link", name="Review the screening").click()
    page_m.get_by_role("button", name="Confirm the configuration").click()
    page_m.goto(f"{server}/cases/process/{process.id}/")
    expect(page_m.get_by_text("Everything is ready.")).to_be_visible()
    page_m.get_by_role("button", name="Start the mediation").click()
    process.refresh_from_db()
    assert process.status == "active"

    # They talk in the joint room, live.
    page_a.goto(f"{server}/cases/{case.id}/")
    page_a.get_by_role("link", name=re.compile("Joint room")).first.click()
    joint = Room.objects.get(process=process, kind="joint")
    page_b.goto(page_a.url)
    for page in (page_a, page_b):
        live(page)
    page_a.locator(f"#body-{joint.id}").fill("Hello Sam, thank you for joining.")
    page_a.get_by_role("button", name="Send").click()
    expect(
        page_b.locator(".msg-body", has_text="Hello Sam, thank you for joining.")
    ).to_be_visible()
    assert Message.objects.filter(room=joint).count() == 1
    accessible(page_b)
    screenshot(page_b, "joint-room-phone")

    # A speaks in private session twice and releases only the second statement, word for
    # word, to B's private session; the mediator relays it from the shuttle view.
    caucus_a = Room.objects.get(process=process, kind="caucus", side__label="Alex")
    caucus_b = Room.objects.get(process=process, kind="caucus", side__label="Sam")
    frames_b = record_frames(page_b)
    page_b.goto(f"{server}/rooms/{caucus_b.id}/")
    page_m.goto(f"{server}/rooms/process/{process.id}/shuttle/")
    page_a.goto(f"{server}/rooms/{caucus_a.id}/")
    for page in (page_a, page_m, page_b):
        live(page)
    say(page_a, caucus_a.id, KEPT)
    say(page_a, caucus_a.id, RELEASED)
    released = Message.objects.get(body=RELEASED)
    item = page_a.locator(f"#msg-{released.id}")
    item.get_by_text("Allow the mediator to share this").click()
    item.get_by_label("Word for word").check()
    item.get_by_label("The private session of Sam").check()
    item.get_by_role("button", name="Allow sharing").click()
    expect(page_a.locator(f"#msg-{released.id} .badge")).to_have_text("Waiting for the mediator")
    release = Release.objects.get()
    card = page_m.locator(f"#card-{release.id}")
    expect(card).to_contain_text(RELEASED)
    card.get_by_role("button", name="Share it").click()
    expect(page_a.locator(f"#msg-{released.id} .badge")).to_have_text("Shared")

    # B sees exactly the released statement, and never the other: in the page and in the
    # frames the socket delivered.
    relay = page_b.locator(".msg.relay")
    expect(relay.locator(".msg-body")).to_have_text(RELEASED)
    assert KEPT not in page_b.content()
    assert [f["body"] for f in frames_b if f.get("kind") == "message"] == [RELEASED]
    assert not any("300 a month" in json.dumps(f) for f in frames_b)

    # B leaves; A's joint room says the mediation ended, and nothing more.
    page_a.goto(f"{server}/rooms/{joint.id}/")
    live(page_a)
    page_b.get_by_role("link", name="Leave mediation").click()
    page_b.get_by_role("button", name="Yes, leave the mediation").click()
    expect(page_b.get_by_role("heading", name="You have left the mediation")).to_be_visible()
    ended = page_a.locator(f"#state-{joint.id}")
    expect(ended).to_contain_text("This mediation has ended.")
    assert "Sam" not in ended.inner_text()
    process.refresh_from_db()
    assert (process.status, process.outcome) == ("ended", "withdrawn")
