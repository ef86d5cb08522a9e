"""Getting in, in a real browser: magic link, password, two people at once, a small phone."""

import re

from playwright.sync_api import expect

from accord.accounts import services
from accord.accounts.models import MagicLinkPurpose, User
from tests.factories import PASSWORD, make_user


def test_invited_person_joins_with_one_click_and_a_name(live_server, person):
    issued = services.magic_link_issue(
        purpose=MagicLinkPurpose.INVITATION, email="parent@example.org"
    )
    page = person()
    page.goto(f"{live_server.url}/link/{issued.token}/")
    expect(page.get_by_role("heading", name="You are invited to Accord")).to_be_visible()
    page.get_by_role("button", name="Join").click()
    # An empty name is explained next to the field, and nothing is created.
    expect(page.locator(".field-error")).to_have_text("This field is required.")
    assert not User.objects.filter(email="parent@example.org").exists()
    page.get_by_label("Your name, as others in the case will see it").fill("Pat Parent")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", name="Welcome, Pat Parent")).to_be_visible()
    # The same link a second time, from another browser: a calm page, not an error.
    other = person()
    other.goto(f"{live_server.url}/link/{issued.token}/")
    expect(other.get_by_role("heading", name="This link was already used")).to_be_visible()


def test_password_sign_in_keyboard_only_and_french(live_server, person):
    user = make_user(name="Kim Keyboard")
    page = person()
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_label("E-mail address")).to_be_focused()  # autofocus
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Welcome, Kim Keyboard")).to_be_visible()
    page.keyboard.press("Tab")  # the skip link comes first, and shows when focused
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["x"] >= 0
    page.get_by_role("button", name="Français").click()
    expect(page.get_by_role("heading", name="Bienvenue, Kim Keyboard")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_sign_in_page_fits_a_small_phone(live_server, person):
    page = person(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("button", name="Sign in", exact=True)).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".field-error").first).to_have_text(re.compile("required"))


def test_the_sign_in_page_has_no_serious_accessibility_problem(live_server, person, accessible):
    page = person()
    page.goto(f"{live_server.url}/accounts/login/")
    accessible(page)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".field-error").first).to_be_visible()
    accessible(page)


def test_the_accessibility_check_would_catch_a_problem(person):
    from tests.e2e.conftest import serious_accessibility_violations

    page = person()
    page.set_content('<html lang="en"><body><main><button></button></main></body></html>')
    assert any("button-name" in v for v in serious_accessibility_violations(page))
