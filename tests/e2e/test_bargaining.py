"""The settlement workspace in a real browser: two sides score three issues, the mediator asks
the engine, both sides see a package that improves on their draft (each in its own points
only), and the mediator's proposal is accepted. Then: what the others do appears on an open
page without reloading it (and never a side's private answer), dates typed and shown in
English and French, and a side sharing one of its notes in a negotiation.

pytest-django's live server speaks WSGI only, so these pages follow changes by polling the
counts; the socket's hints only make that sooner (tests/bargaining/test_live.py proves who
gets them)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accord.accounts.services import user_update_profile
from tests.bargaining.factories import add_dates, make_negotiation, make_table, tentative_draft


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


# --- live updates, dates and sharing ------------------------------------------------------------


def test_what_the_others_do_appears_without_reloading_and_typing_is_kept(
    live_server, person, accessible
):
    t = make_table()
    url = f"{live_server.url}/bargaining/{t.process.id}/"
    mediator = signed_in(person, live_server, t.mediator)
    alex = signed_in(person, live_server, t.a)
    sam = signed_in(person, live_server, t.b)
    for page in (mediator, alex, sam):
        page.goto(url)

    # Sam starts writing a note; meanwhile the mediator adds a date issue.
    sam.get_by_text("Write down a position or what matters to you").click()
    notes = sam.locator("#interests")
    notes.get_by_label("In your own words").fill("We need the weekends with the children.")
    mediator.get_by_text("Add an issue").click()
    agenda = mediator.locator("#agenda")
    agenda.get_by_label("Issue", exact=True).fill("Move out")
    agenda.get_by_label("A date in a range").check()
    expect(agenda.get_by_label("Options, one per line")).to_be_hidden()
    agenda.get_by_label("Earliest date").fill("2027-06-30")
    agenda.get_by_label("Latest date").fill("2027-03-01")
    agenda.get_by_role("button", name="Add").click()
    # A latest date before the earliest is explained next to its field, and what was typed stays.
    expect(mediator.locator("#id_date_max_error")).to_contain_text(
        "The latest date (March 1, 2027) is before the earliest (June 30, 2027)."
    )
    expect(mediator.get_by_label("Earliest date")).to_have_value("2027-06-30")
    mediator.get_by_label("Earliest date").fill("2027-03-01")
    mediator.get_by_label("Latest date").fill("2027-06-30")
    mediator.locator("#agenda").get_by_role("button", name="Add").click()
    expect(mediator.locator("#agenda")).to_contain_text(
        "A date from March 1, 2027 to June 30, 2027"
    )

    # Alex's page shows it without a reload; so does Sam's agenda, while the part Sam is
    # typing in waits, says so, and keeps every word.
    expect(alex.locator("#agenda")).to_contain_text("Move out", timeout=15_000)
    expect(alex.locator("[data-live-note]")).to_contain_text("Agenda")
    expect(sam.locator("#agenda")).to_contain_text("Move out", timeout=15_000)
    expect(sam.locator("#interests [data-live-waiting]")).to_be_visible()
    expect(sam.locator("#interests").get_by_label("In your own words")).to_have_value(
        "We need the weekends with the children."
    )
    sam.locator("#interests").get_by_role("button", name="Save").click()
    expect(sam.locator("#interests")).to_contain_text("We need the weekends with the children.")

    # The mediator puts terms with a date; the parties see them come in.
    mediator.goto(url)
    mediator.get_by_text("Put terms to every side").click()
    proposal = mediator.locator("#proposal")
    proposal.get_by_label("Weekdays").select_option(label="With Alex")
    proposal.get_by_label("Move out").fill("2027-04-15")
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    proposal.get_by_label("Answers are due by").fill(tomorrow.strftime("%Y-%m-%dT%H:%M"))
    proposal.get_by_role("button", name="Put the proposal").click()
    for page in (alex, sam):
        expect(page.locator("#proposal .proposal")).to_contain_text(
            "Move out: April 15, 2027", timeout=15_000
        )

    # Alex's private yes changes nothing on Sam's page; Sam's yes reveals the result to all.
    alex.locator("#proposal").get_by_role("button", name="Yes, we accept").click()
    expect(alex.locator("#proposal")).to_contain_text("Your side answered yes.")
    sam.wait_for_timeout(6_000)  # longer than a poll without a socket
    expect(sam.locator("#proposal")).not_to_contain_text("answered")
    expect(sam.locator("#proposal .proposal")).to_contain_text("Waiting for answers")
    sam.locator("#proposal").get_by_role("button", name="Yes, we accept").click()
    expect(alex.locator("#proposal .proposal")).to_contain_text("All accepted", timeout=15_000)
    expect(alex.locator("#terms")).to_contain_text("Move out: April 15, 2027 (tentative)")
    expect(mediator.locator("#terms")).to_contain_text("Weekdays: With Alex (tentative)")
    accessible(alex)


def test_a_french_speaking_party_types_a_date_the_french_way(live_server, person):
    t = make_table()
    issue = add_dates(t.mediator, t.process)
    user = t.a.user
    user_update_profile(user=user, display_name=user.display_name, preferred_language="fr")
    url = f"{live_server.url}/bargaining/{t.process.id}/"
    alex = signed_in(person, live_server, t.a)
    alex.goto(url)
    expect(alex.locator(f"#issue-{issue.id}")).to_contain_text("1 mars 2027")
    field = alex.locator(f"#assent-{issue.id}")
    say_yes = alex.locator(f"#issue-{issue.id} form button:not([name])")
    field.fill("15/07/2027")
    say_yes.click()
    expect(alex.locator(f"#assent-{issue.id}_error")).to_contain_text("30 juin 2027")
    expect(alex.locator(f"#assent-{issue.id}")).to_have_value("15/07/2027")
    alex.locator(f"#assent-{issue.id}").fill("15/04/2027")
    alex.locator(f"#issue-{issue.id} form button:not([name])").click()
    expect(alex.locator(f"#issue-{issue.id} .own-yes")).to_contain_text("15 avril 2027")
    sam = signed_in(person, live_server, t.b)
    sam.goto(url)
    sam.locator(f"#assent-{issue.id}").fill("2027-04-15")
    sam.locator(f"#issue-{issue.id}").get_by_role("button", name="Say yes").click()
    expect(sam.locator("#terms")).to_contain_text("Move out: April 15, 2027 (tentative)")
    expect(alex.locator("#terms")).to_contain_text("15 avril 2027", timeout=15_000)


def test_in_negotiation_a_party_shares_one_note_and_the_other_side_sees_it_live(
    live_server, person, accessible
):
    t = make_negotiation()
    url = f"{live_server.url}/bargaining/{t.process.id}/"
    alex = signed_in(person, live_server, t.a)
    sam = signed_in(person, live_server, t.b, viewport={"width": 360, "height": 740})
    sam.goto(url)
    alex.goto(url)
    for text in ("The children need a stable routine.", "We could live with alternate weeks."):
        alex.get_by_text("Write down a position or what matters to you").click()
        notes = alex.locator("#interests")
        notes.get_by_label("Why it matters to us").check()
        notes.get_by_label("If it is why it matters: is it…").select_option(label="A need")
        notes.get_by_label("In your own words").fill(text)
        notes.get_by_role("button", name="Save").click()
        expect(alex.locator("#interests")).to_contain_text(text)
    first = alex.locator("#interests li", has_text="The children need a stable routine.")
    expect(first).to_contain_text("Not shared: only your side can read it.")
    first.get_by_role("button", name="Share this with the other side").click()
    expect(
        alex.locator("#interests li", has_text="The children need a stable routine.").last
    ).to_contain_text("Shared with everyone: it is in the joint room.")

    shared = sam.locator("#interests .shared-items")
    expect(shared).to_contain_text("The children need a stable routine.", timeout=15_000)
    expect(shared).to_contain_text(f"Shared by {t.a.user.display_name} on")
    expect(sam.locator("#interests")).not_to_contain_text("alternate weeks")
    assert sam.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    accessible(sam)
