import datetime as dt

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts import services
from accord.accounts.models import MagicLink, MagicLinkPurpose, User
from accord.accounts.selectors import user_has_strong_auth
from accord.core.errors import Conflict, InvalidInput, NotFound
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def fresh(device: TOTPDevice) -> TOTPDevice:
    """As if the user waited out django-otp's back-off after a wrong code."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None, last_t=-1
    )
    device.refresh_from_db()
    return device


def test_user_create_normalises_email_and_hashes_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = services.user_create(
        email=" Alex@Example.ORG ", display_name="  Alex   B ", password="pw-long-enough-1"
    )
    assert user.email == "alex@example.org"
    assert user.display_name == "Alex B"
    assert user.password.startswith("argon2")
    assert User.objects.get_by_natural_key("ALEX@example.org") == user


def test_user_create_refuses_a_duplicate_address_whatever_its_case():
    make_user(email="sam@example.org")
    with pytest.raises(Conflict, match="already exists"):
        services.user_create(email="SAM@example.org", display_name="Other")
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "message"), [("   ", "enter your name"), ("x" * 121, "under 120")]
)
def test_user_create_refuses_a_bad_name(name, message):
    with pytest.raises(InvalidInput, match=message) as error:
        services.user_create(email="a@example.org", display_name=name)
    assert error.value.field == "display_name"
    assert not User.objects.exists()


def test_sign_in_link_needs_an_existing_account():
    with pytest.raises(NotFound):
        services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email="nobody@example.org")
    assert not MagicLink.objects.exists()


def test_link_destination_must_stay_on_this_site():
    for bad in ["https://evil.example/", "//evil.example/x"]:
        with pytest.raises(InvalidInput, match="path on this site"):
            services.magic_link_issue(
                purpose=MagicLinkPurpose.INVITATION, email="a@example.org", next_url=bad
            )
    assert not MagicLink.objects.exists()


def test_an_invitation_creates_the_account_once_and_only_once():
    issued = services.magic_link_issue(
        purpose=MagicLinkPurpose.INVITATION, email="New@Example.org", next_url="/cases/1/"
    )
    link, user = services.magic_link_consume(token=issued.token, display_name="Nia New")
    assert (user.email, user.display_name, user.has_usable_password()) == (
        "new@example.org",
        "Nia New",
        False,
    )
    assert link.used_at is not None
    assert link.next_url == "/cases/1/"
    with pytest.raises(services.LinkProblem) as problem:
        services.magic_link_consume(token=issued.token, display_name="Again")
    assert problem.value.reason == "used"
    assert User.objects.count() == 1


def test_an_invitation_needs_a_name_and_stays_unused_without_one():
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.INVITATION, email="n@example.org")
    with pytest.raises(InvalidInput, match="enter your name"):
        services.magic_link_consume(token=issued.token, display_name="")
    issued.link.refresh_from_db()
    assert issued.link.used_at is None
    assert not User.objects.exists()


def test_an_expired_link_is_refused(settings):
    user = make_user()
    issued = services.magic_link_issue(
        purpose=MagicLinkPurpose.SIGN_IN, email=user.email, max_age=dt.timedelta(seconds=-1)
    )
    with pytest.raises(services.LinkProblem) as problem:
        services.magic_link_consume(token=issued.token)
    assert problem.value.reason == "expired"
    issued.link.refresh_from_db()
    assert issued.link.used_at is None


@pytest.mark.parametrize("token", ["garbage", "", "a:b:c"])
def test_a_forged_or_mangled_token_is_invalid(token):
    with pytest.raises(services.LinkProblem) as problem:
        services.magic_link_peek(token=token)
    assert problem.value.reason == "invalid"


def test_a_token_for_another_id_is_invalid():
    user = make_user()
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email)
    tampered = str(issued.link.id)[:-1] + ("0" if str(issued.link.id)[-1] != "0" else "1")
    with pytest.raises(services.LinkProblem):
        services.magic_link_peek(token=tampered + issued.token[36:])


def test_magic_link_email_carries_the_url():
    user = make_user()
    issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email)
    services.magic_link_send(issued=issued, subject="Sign in", intro="Hello")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert issued.url in mail.outbox[0].body


def test_totp_set_up_confirm_and_disable():
    user = make_user()
    assert not user_has_strong_auth(user)
    device = services.totp_begin(user=user)
    assert not user_has_strong_auth(user)
    with pytest.raises(InvalidInput, match="did not match"):
        services.totp_confirm(
            user=user, token="000000" if current_code(device) != "000000" else "111111"
        )
    assert not user_has_strong_auth(user)
    services.totp_confirm(user=user, token=current_code(fresh(device)))
    assert user_has_strong_auth(user)
    with pytest.raises(Conflict):
        services.totp_begin(user=user)
    with pytest.raises(InvalidInput, match="6-digit"):
        services.totp_disable(user=user, token="12ab")
    assert user_has_strong_auth(user)
    services.totp_disable(user=user, token=current_code(fresh(device)))
    assert not user_has_strong_auth(user)


def test_update_profile_validates_language():
    user = make_user()
    with pytest.raises(InvalidInput, match="Unknown language"):
        services.user_update_profile(user=user, display_name="X", preferred_language="de")
    user.refresh_from_db()
    assert user.preferred_language == "en"
    services.user_update_profile(user=user, display_name="Y", preferred_language="fr")
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Y", "fr")
