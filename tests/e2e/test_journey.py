"""The first half of issue 5's journey through the pages themselves, in real browsers, one
context per person: a mediator opens a case and invites two parties (the test reads the
invitation links from the mail the server wrote), both join with one click and a name,
everyone accepts the confidentiality terms, the mediator starts, and the parties talk in the
joint room, live. The second half (caucus, release, relay, leaving) is
tests/e2e/test_rooms.py, on the same kind of server."""

from __future__ import annotations

import email
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from accord.cases.models import Case, Process
from accord.rooms.models import Message, Room
from tests.cases.factories import with_two_factor
from tests.e2e.test_rooms import live, server, signed_in  # noqa: F401 - fixtures and helpers
from tests.factories import make_user


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
    page_m.goto(f"{server}/cases/process/{process.id}/")
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
