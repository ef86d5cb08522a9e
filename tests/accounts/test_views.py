import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts import services
from accord.accounts.models import MagicLink, MagicLinkPurpose, User
from accord.cases import services as cases
from tests.accounts.test_services import current_code, fresh
from tests.cases.factories import make_world
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def test_sign_in_page_renders(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert b"Sign in to Accord" in response.content
    assert b'name="username"' in response.content


def test_password_sign_in_and_sign_out(client):
    user = make_user()
    response = client.post(LOGIN, {"username": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get("/").status_code == 302


def test_wrong_password_explains_and_keeps_you_out(client):
    user = make_user()
    response = client.post(LOGIN, {"username": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert b"do not match" in response.content
    assert client.get("/").status_code == 302


def test_next_url_off_site_is_ignored(client):
    user = make_user()
    response = client.post(
        LOGIN, {"username": user.email, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_repeated_wrong_passwords_lock_the_account_out(client):
    user = make_user()
    for _ in range(5):
        client.post(LOGIN, {"username": user.email, "password": "wrong"})
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many attempts" in response.content
    assert client.get("/").status_code == 302  # even the right password is refused now


def test_two_factor_sign_in_asks_for_the_code(client):
    user = make_user()
    device = services.totp_begin(user=user)
    services.totp_confirm(user=user, token=current_code(device))
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:login_otp")
    assert client.get("/").status_code == 302  # not signed in yet
    bad = client.post(reverse("accounts:login_otp"), {"token": "12"})
    assert b"6-digit" in bad.content
    ok = client.post(reverse("accounts:login_otp"), {"token": current_code(fresh(device))})
    assert ok["Location"] == "/"
    assert client.get("/").status_code == 200


def test_code_page_without_a_pending_sign_in_goes_back_to_login(client):
    response = client.get(reverse("accounts:login_otp"))
    assert response["Location"] == LOGIN


def test_magic_link_get_does_not_use_the_link(client):
    user = make_user()
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email)
    response = client.get(f"/link/{issued.token}/")
    assert response.status_code == 200
    issued.link.refresh_from_db()
    assert issued.link.used_at is None
    response = client.post(f"/link/{issued.token}/")
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_used_link_shows_a_friendly_page(client):
    user = make_user()
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email)
    client.post(f"/link/{issued.token}/")
    for method in (client.get, client.post):
        response = method(f"/link/{issued.token}/")
        assert response.status_code == 410
        assert b"This link was already used" in response.content
        assert b"Get a new sign-in link" in response.content


def test_an_expired_link_shows_a_friendly_page(client):
    user = make_user()
    issued = services.magic_link_issue(
        purpose=MagicLinkPurpose.SIGN_IN, email=user.email, max_age=dt.timedelta(seconds=-5)
    )
    response = client.get(f"/link/{issued.token}/")
    assert response.status_code == 410
    assert b"This link has expired" in response.content


@pytest.mark.parametrize("token", ["x", "%00", "a" * 500, "..%2F..%2Fetc"])
def test_a_garbled_link_shows_a_friendly_page(client, token):
    response = client.get(f"/link/{token}/")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert b"This link is not valid" in response.content


def test_invitation_takes_one_click_plus_a_name(client):
    issued = services.magic_link_issue(
        purpose=MagicLinkPurpose.INVITATION, email="guest@example.org", next_url="/accounts/"
    )
    page = client.get(f"/link/{issued.token}/")
    assert b"You are invited to Accord" in page.content
    assert b'name="display_name"' in page.content
    missing = client.post(f"/link/{issued.token}/", {"display_name": "  "})
    assert missing.status_code == 200
    assert b"field-error" in missing.content
    assert not User.objects.filter(email="guest@example.org").exists()
    response = client.post(f"/link/{issued.token}/", {"display_name": "Gale Guest"})
    assert response["Location"] == "/accounts/"
    assert User.objects.get(email="guest@example.org").display_name == "Gale Guest"


def test_invitation_to_an_existing_user_skips_the_name(client):
    user = make_user()
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.INVITATION, email=user.email)
    page = client.get(f"/link/{issued.token}/")
    assert b'name="display_name"' not in page.content
    assert client.post(f"/link/{issued.token}/").status_code == 302


def test_magic_link_for_a_two_factor_user_still_asks_for_the_code(client):
    user = make_user()
    device = services.totp_begin(user=user)
    services.totp_confirm(user=user, token=current_code(device))
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email)
    response = client.post(f"/link/{issued.token}/")
    assert response["Location"] == reverse("accounts:login_otp")
    assert client.get("/").status_code == 302


def test_email_link_request_never_reveals_whether_an_account_exists(client):
    user = make_user()
    known = client.post(reverse("accounts:email_link"), {"email": user.email})
    unknown = client.post(reverse("accounts:email_link"), {"email": "ghost@example.org"})
    assert known.status_code == unknown.status_code == 200

    def shape(response, email):
        body = response.content.decode().replace(email, "X")
        # CSRF tokens are masked afresh on every page (in the forms and htmx's header).
        body = re.sub(r'"X-CSRFToken": "[^"]+"', "", body)
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)

    assert shape(known, user.email) == shape(unknown, "ghost@example.org")
    assert len(mail.outbox) == 1
    url = re.search(r"http://\S+/link/\S+/", mail.outbox[0].body).group(0)
    assert MagicLink.objects.count() == 1
    assert client.get(url.replace("http://127.0.0.1:8000", "")).status_code == 200


def test_email_link_form_explains_a_bad_address(client):
    response = client.post(reverse("accounts:email_link"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert b"Enter a valid email address" in response.content
    assert not MagicLink.objects.exists()


def test_password_reset_sends_a_working_link(client):
    user = make_user()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    path = re.search(r"/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get(path, follow=True)
    assert b"Choose a new password" in form_page.content
    new = "a brand new passphrase 77"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new)


def test_account_page_updates_name_and_language(client):
    user = make_user()
    client.force_login(user)
    response = client.post(
        reverse("accounts:account"), {"display_name": "Renamed", "preferred_language": "fr"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Renamed", "fr")
    page = client.get(reverse("accounts:account"))
    assert b'lang="fr"' in page.content
    assert b"Votre compte" in page.content


def test_account_page_explains_a_bad_language(client):
    user = make_user()
    client.force_login(user)
    response = client.post(
        reverse("accounts:account"), {"display_name": "X", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert b"field-error" in response.content
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_language_switch_for_visitors_and_users(client):
    response = client.post(reverse("accounts:set_language"), {"language": "fr", "next": LOGIN})
    assert response["Location"] == LOGIN
    assert b"Se connecter" in client.get(LOGIN).content
    user = make_user()
    client.force_login(user)
    client.post(reverse("accounts:set_language"), {"language": "fr"})
    user.refresh_from_db()
    assert user.preferred_language == "fr"


def test_two_factor_setup_page_shows_a_qr_code_and_confirms(client):
    user = make_user()
    client.force_login(user)
    page = client.get(reverse("accounts:totp_setup"))
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(reverse("accounts:totp_setup"), {"token": "abc"})
    assert b"6-digit" in wrong.content
    ok = client.post(reverse("accounts:totp_setup"), {"token": current_code(fresh(device))})
    assert ok["Location"] == reverse("accounts:account")
    assert TOTPDevice.objects.get(user=user).confirmed


def test_a_password_can_be_set_by_a_link_only_user(client):
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.INVITATION, email="l@example.org")
    _, user = services.magic_link_consume(token=issued.token, display_name="Lin")
    client.force_login(user)
    page = client.get(reverse("accounts:password_change"))
    assert b"old_password" not in page.content
    new = "another good passphrase 9"
    response = client.post(
        reverse("accounts:password_change"), {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_unknown_url_gives_the_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


# --- joining a case from an invitation -----------------------------------------------------


def _invite_to_a_case(email, role="principal"):
    world = make_world()
    side = world.sides[1] if role == "principal" else None
    participant, issued = cases.participant_invite(
        actor=world.mediator, case=world.case, email=email, role=role, side=side
    )
    return world, participant, issued


def test_a_new_person_joins_a_case_with_a_name_and_one_click(client):
    world, participant, issued = _invite_to_a_case("new.party@example.org")
    page = client.get(f"/link/{issued.token}/").content.decode()
    assert f"You are invited to “{world.case.title}” as Party for Respondent." in page
    assert 'name="display_name"' in page
    response = client.post(f"/link/{issued.token}/", {"display_name": "Robin Respondent"})
    case_url = reverse("cases:case", kwargs={"case_id": world.case.id})
    assert response["Location"] == case_url
    participant.refresh_from_db()
    assert participant.status == "active"
    assert participant.user.display_name == "Robin Respondent"
    landing = client.get(case_url).content.decode()
    assert "Robin Respondent" in landing
    assert world.case.title in landing


def test_a_signed_in_person_joins_with_one_click(client):
    user = make_user()
    world, participant, issued = _invite_to_a_case(user.email)
    client.force_login(user)
    page = client.get(f"/link/{issued.token}/").content.decode()
    assert 'name="display_name"' not in page
    assert "You are signed in as" not in page
    response = client.post(f"/link/{issued.token}/")
    assert response["Location"] == reverse("cases:case", kwargs={"case_id": world.case.id})
    participant.refresh_from_db()
    assert (participant.user, participant.status) == (user, "active")


def test_someone_who_made_an_account_after_being_invited_is_not_asked_their_name(client):
    _world, participant, issued = _invite_to_a_case("later@example.org")
    user = make_user(email="later@example.org")  # the link was issued before this account
    page = client.get(f"/link/{issued.token}/").content.decode()
    assert 'name="display_name"' not in page
    assert client.post(f"/link/{issued.token}/").status_code == 302
    participant.refresh_from_db()
    assert participant.user == user


def test_the_landing_page_says_when_the_link_switches_accounts(client):
    _world, _participant, issued = _invite_to_a_case("someone.else@example.org")
    me = make_user()
    client.force_login(me)
    page = client.get(f"/link/{issued.token}/").content.decode()
    assert f"You are signed in as {me.email}" in page
    assert "someone.else@example.org" in page


def test_a_double_click_on_join_is_one_join_and_both_clicks_get_in(client):
    world, _participant, issued = _invite_to_a_case("twice@example.org")
    client.get(f"/link/{issued.token}/")  # the landing page sets the CSRF cookie
    second = Client()
    second.cookies = client.cookies.__class__(client.cookies)  # the same browser, pre-answer
    first = client.post(f"/link/{issued.token}/", {"display_name": "Tess Twice"})
    again = second.post(f"/link/{issued.token}/", {"display_name": "Tess Twice"})
    case_url = reverse("cases:case", kwargs={"case_id": world.case.id})
    assert first["Location"] == again["Location"] == case_url
    assert second.get(case_url).status_code == 200
    assert User.objects.filter(email="twice@example.org").count() == 1
    # Another browser holding the same link is told, calmly, that it was used.
    stranger = Client().post(f"/link/{issued.token}/", {"display_name": "Eve"})
    assert stranger.status_code == 410
    assert b"This link was already used" in stranger.content


def test_a_refused_invitation_changes_nothing(client):
    """A member of a side cannot become a neutral in the same case: the link stays unused."""
    world = make_world()
    party = world.principals[0]
    _participant, issued = cases.participant_invite(
        actor=world.mediator, case=world.case, email="stranger@example.org", role="expert"
    )
    # The address becomes a party's before the neutral invitation is used.
    User.objects.filter(pk=party.user.pk).update(email="stranger@example.org")
    response = client.post(f"/link/{issued.token}/")
    assert response.status_code == 403
    assert b"A member of a side cannot be a neutral in the same case." in response.content
    issued.link.refresh_from_db()
    assert issued.link.used_at is None


def test_two_factor_setup_returns_to_the_appointment(client):
    user = make_user()
    client.force_login(user)
    target = "/cases/00000000-0000-0000-0000-000000000000/appointment/"
    page = client.get(reverse("accounts:totp_setup") + f"?next={target}")
    assert f'value="{target}"'.encode() in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    ok = client.post(
        reverse("accounts:totp_setup"), {"token": current_code(fresh(device)), "next": target}
    )
    assert ok["Location"] == target
    evil = client.get(reverse("accounts:totp_setup") + "?next=https://evil.example/")
    assert evil["Location"] == "/"


def test_the_account_page_does_not_steal_the_focus(client):
    user = make_user()
    device = services.totp_begin(user=user)
    services.totp_confirm(user=user, token=current_code(device))
    client.force_login(user)
    page = client.get(reverse("accounts:account")).content.decode()
    assert 'name="token"' in page  # the form that turns two-factor off
    assert "autofocus" not in page
