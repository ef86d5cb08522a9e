"""The settlement workspace in a real browser: two sides score three issues, the mediator asks
the engine, both sides see a package that improves on their draft (each in its own points
only), and the mediator's proposal is accepted."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.bargaining.factories import make_table, tentative_draft


def signed_in(person, live_server, participant, viewport=None):
    client = Client()
    client.force_login(participant.user)
    page = person(viewport=viewport)
    # The machines running this suite are shared: allow a slow first load, not a broken one.
    page.set_default_navigation_timeout(30_000)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def score(page, weights, scores, visibility):
    prefs = page.locator("#preferences")
    for issue, points in weights.items():
        prefs.get_by_label(f"Points for “{issue}”").fill(str(points))
    expect(prefs.locator("[data-points-total]")).to_have_text("100")
    for option, value in scores.items():
        prefs.get_by_label(option, exact=True).fill(str(value))
    prefs.get_by_label("Your walk-away point").fill("10")
    prefs.get_by_label(visibility).check()
    prefs.get_by_role("button", name="Save our priorities").click()
    expect(page.locator("#preferences")).to_contain_text("Last saved")


def test_two_sides_score_the_mediator_asks_and_the_proposal_is_accepted(live_server, person):
    t = make_table()
    tentative_draft(t)  # Alternate weekdays, holidays split in half, stay at school
    url = f"{live_server.url}/bargaining/{t.process.id}/"

    alex = signed_in(person, live_server, t.a)
    alex.goto(url)
    # A wrong total is explained next to the form and what was typed stays.
    prefs = alex.locator("#preferences")
    prefs.get_by_label("Points for “Weekdays”").fill("70")
    prefs.get_by_label("Points for “Holidays”").fill("10")
    prefs.get_by_label("Points for “School”").fill("30")
    expect(prefs.locator(".points-left")).to_have_class("points-left off")
    prefs.get_by_role("button", name="Save our priorities").click()
    expect(alex.locator("#preferences [role=alert]")).to_contain_text("they add up to 110")
    expect(alex.locator("#preferences").get_by_label("Points for “Weekdays”")).to_have_value("70")
    score(
        alex,
        {"Weekdays": 60, "Holidays": 10, "School": 30},
        {
            "With Alex": 100,
            "With Sam": 0,
            "Alternate": 50,
            "Split in half": 100,
            "Alternate years": 0,
            "Stay": 100,
            "Move": 0,
        },
        "Only the engine",
    )

    sam = signed_in(person, live_server, t.b)
    sam.goto(url)
    score(
        sam,
        {"Weekdays": 10, "Holidays": 60, "School": 30},
        {
            "With Alex": 0,
            "With Sam": 100,
            "Alternate": 50,
            "Split in half": 0,
            "Alternate years": 100,
            "Stay": 100,
            "Move": 0,
        },
        "The engine and the mediator",
    )

    mediator = signed_in(person, live_server, t.mediator)
    mediator.goto(url)
    expect(mediator.locator("#suggestions")).to_contain_text("Applicant: priorities given")
    mediator.get_by_role("button", name="Ask for suggestions").click()
    # The engine runs in the background; the page polls, then shows the packages.
    better = mediator.locator(".package-improvement").first
    expect(better).to_contain_text("Weekdays: With Alex")
    # Alex chose "only the engine": the mediator sees Sam's points only, and no picture.
    expect(better).to_contain_text("Respondent: 90 points out of 100")
    expect(better).not_to_contain_text("Applicant:")
    expect(mediator.locator("svg.frontier")).to_have_count(0)

    for page, draft, gain in ((alex, 70, 20), (sam, 35, 55)):
        page.goto(url)
        package = page.locator(".package-improvement").first
        expect(package).to_contain_text("Holidays: Alternate years")
        expect(package).to_contain_text(
            f"For you: 90 points out of 100 — the draft gives {draft}, so {gain} more"
        )
        expect(package).not_to_contain_text("Applicant:")
        expect(package).not_to_contain_text("Respondent:")

    mediator.goto(url)
    mediator.get_by_text("Put terms to every side").click()
    proposal = mediator.locator("#proposal")
    proposal.get_by_label("Weekdays").select_option(label="With Alex")
    proposal.get_by_label("Holidays").select_option(label="Alternate years")
    proposal.get_by_label("School").select_option(label="Stay")
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    proposal.get_by_label("Answers are due by").fill(tomorrow.strftime("%Y-%m-%dT%H:%M"))
    proposal.get_by_role("button", name="Put the proposal").click()
    expect(mediator.locator("#proposal .proposal")).to_contain_text("Waiting for answers")

    for page in (alex, sam):
        page.goto(url)
        page.locator("#proposal").get_by_role("button", name="Yes, we accept").click()
        expect(page.locator("#proposal")).to_contain_text("Your side answered yes.")
    expect(sam.locator("#proposal .proposal")).to_contain_text("All accepted")
    terms = sam.locator("#terms")
    expect(terms).to_contain_text("Weekdays: With Alex (tentative)")
    expect(terms).to_contain_text("Holidays: Alternate years (tentative)")


def test_the_workspace_fits_a_small_phone(live_server, person):
    t = make_table()
    page = signed_in(person, live_server, t.a, viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/bargaining/{t.process.id}/")
    expect(page.get_by_role("heading", name="Your priorities")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
