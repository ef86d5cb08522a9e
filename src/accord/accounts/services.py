"""Every write about accounts: users, magic links, two-factor devices.

Services take keyword-only arguments, check their rules first, and change nothing when they
raise. Views call them; they never save models themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts.invitations import kind_for
from accord.accounts.models import (
    ApiToken,
    Language,
    MagicLink,
    MagicLinkPurpose,
    User,
    normalize_email,
)
from accord.accounts.selectors import user_by_email
from accord.core import clock
from accord.core.errors import Conflict, InvalidInput, NotFound

_MAGIC_SALT = "accord.accounts.magic-link"
_MAX_NAME = 120


def _clean_name(display_name: str) -> str:
    name = " ".join(display_name.split())
    if not name:
        raise InvalidInput(_("Please enter your name."), field="display_name")
    if len(name) > _MAX_NAME:
        raise InvalidInput(
            _("Please keep your name under %(n)d characters.") % {"n": _MAX_NAME},
            field="display_name",
        )
    return name


def user_create(
    *,
    email: str,
    display_name: str,
    password: str | None = None,
    preferred_language: str = Language.EN,
) -> User:
    """Create a user. Anyone may be created; callers decide who may ask (intake, invitations)."""
    address = normalize_email(email)
    name = _clean_name(display_name)
    if preferred_language not in Language.values:
        raise InvalidInput(_("Unknown language."), field="preferred_language")
    if User.objects.filter(email__iexact=address).exists():
        raise Conflict(_("An account with this e-mail address already exists."), field="email")
    return User.objects.create_user(
        address, password, display_name=name, preferred_language=preferred_language
    )


def user_update_profile(
    *,
    user: User,
    display_name: str,
    preferred_language: str,
    message_digest: bool | None = None,
) -> User:
    """The signed-in user changes their own name, language and (when given) whether they
    want the new-message e-mail."""
    name = _clean_name(display_name)
    if preferred_language not in Language.values:
        raise InvalidInput(_("Unknown language."), field="preferred_language")
    user.display_name = name
    user.preferred_language = preferred_language
    fields = ["display_name", "preferred_language"]
    if message_digest is not None:
        user.message_digest = message_digest
        fields.append("message_digest")
    user.save(update_fields=fields)
    return user


# --- magic links ---------------------------------------------------------------------------


def _token_for(link: MagicLink) -> str:
    return signing.TimestampSigner(salt=_MAGIC_SALT).sign(str(link.id))


def magic_link_url(link: MagicLink, token: str) -> str:
    return f"{settings.SITE_URL}/link/{token}/"


@dataclass(frozen=True)
class IssuedLink:
    link: MagicLink
    token: str

    @property
    def url(self) -> str:
        return magic_link_url(self.link, self.token)


def magic_link_issue(
    *,
    purpose: str,
    email: str,
    created_by: User | None = None,
    next_url: str = "/",
    payload: dict[str, Any] | None = None,
    max_age: dt.timedelta | None = None,
) -> IssuedLink:
    """Create a single-use link. For sign-in the address must belong to an active user.

    Callers: the sign-in-by-e-mail view (anyone, for their own address), the demo loader, and
    later the case services that invite participants (they check their own permissions).
    """
    if purpose not in MagicLinkPurpose.values:
        raise InvalidInput(f"Unknown magic link purpose {purpose!r}.")
    if not next_url.startswith("/") or next_url.startswith("//"):
        raise InvalidInput("The link's destination must be a path on this site.")
    address = normalize_email(email)
    user = user_by_email(address)
    if purpose == MagicLinkPurpose.SIGN_IN and user is None:
        raise NotFound(_("No account uses this e-mail address."))
    age = max_age or dt.timedelta(hours=settings.MAGIC_LINK_MAX_AGE_HOURS)
    link = MagicLink.objects.create(
        purpose=purpose,
        email=address,
        user=user,
        created_by=created_by,
        next_url=next_url,
        payload=payload or {},
        expires_at=clock.now() + age,
    )
    return IssuedLink(link=link, token=_token_for(link))


def magic_link_send(*, issued: IssuedLink, subject: str, intro: str) -> None:
    """E-mail the link, in the recipient's language when they already have an account."""
    language = issued.link.user.preferred_language if issued.link.user else Language.EN
    with override(language):
        body = render_to_string(
            "accounts/email/magic_link.txt",
            {"intro": intro, "url": issued.url, "expires_at": issued.link.expires_at},
        )
    send_mail(subject, body, None, [issued.link.email])


class LinkProblem(Exception):
    """Why a magic link cannot be used; `reason` picks the friendly page to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "invalid" | "expired" | "used"


def magic_link_peek(*, token: str) -> MagicLink:
    """Find the link a token names without using it (the landing page's GET).

    Raises `LinkProblem` for a malformed, forged, expired or used link.
    """
    try:
        raw_id = signing.TimestampSigner(salt=_MAGIC_SALT).unsign(token)
        link_id = uuid.UUID(raw_id)
    except (signing.BadSignature, ValueError):
        raise LinkProblem("invalid") from None
    link = MagicLink.objects.select_related("user").filter(id=link_id).first()
    if link is None:
        raise LinkProblem("invalid")
    if link.is_used():
        raise LinkProblem("used")
    if link.is_expired(clock.now()):
        raise LinkProblem("expired")
    return link


def magic_link_consume(*, token: str, display_name: str | None = None) -> tuple[MagicLink, User]:
    """Use a link once and return it with the user it signs in.

    An invitation to an address with no account creates the account with `display_name`.
    Anyone holding the link may call this: the link itself is the credential.
    """
    with transaction.atomic():
        link = magic_link_peek(token=token)
        # Lock the row: two clicks racing on one link must not both succeed.
        link = MagicLink.objects.select_for_update(of=("self",), no_key=True).get(id=link.id)
        if link.is_used():
            raise LinkProblem("used")
        user = link.user or user_by_email(link.email)
        if user is None:
            if link.purpose != MagicLinkPurpose.INVITATION:
                raise LinkProblem("invalid")
            user = user_create(email=link.email, display_name=display_name or "")
        elif not user.is_active:
            raise LinkProblem("invalid")
        link.used_at = clock.now()
        link.user = user
        link.save(update_fields=["used_at", "user"])
        kind = kind_for(link.payload)
        if kind is not None:
            kind.accept(link, user)
    return link, user


# --- two-factor ----------------------------------------------------------------------------


def totp_begin(*, user: User) -> TOTPDevice:
    """Start TOTP set-up for the signed-in user: a new unconfirmed device replaces any other."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise Conflict(_("Two-factor authentication is already on."))
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def _clean_token(token: str) -> str:
    digits = "".join(token.split())
    if not digits.isdigit() or len(digits) != 6:
        raise InvalidInput(_("Enter the 6-digit code from your app."), field="token")
    return digits


def totp_confirm(*, user: User, token: str) -> TOTPDevice:
    """Confirm the pending device with a code from the user's app."""
    digits = _clean_token(token)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        raise NotFound(_("Start two-factor set-up again."))
    if not device.verify_token(digits):
        raise InvalidInput(
            _("That code did not match. Check your phone's clock and try again."), field="token"
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def totp_verify(*, user: User, token: str) -> TOTPDevice:
    """Check a code against the user's confirmed device (sign-in, step-up, turning 2FA off).

    django-otp throttles repeated failures on the device itself.
    """
    digits = _clean_token(token)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise NotFound(_("Two-factor authentication is not on."))
    if not device.verify_token(digits):
        raise InvalidInput(
            _("That code did not match, or too many tries: wait and try again."), field="token"
        )
    return device


def totp_disable(*, user: User, token: str) -> None:
    """Turn two-factor off; it takes a current code, so a borrowed session cannot do it."""
    totp_verify(user=user, token=token)
    TOTPDevice.objects.filter(user=user).delete()


# --- API tokens ----------------------------------------------------------------------------

TOKEN_PREFIX = "acc_"  # noqa: S105 - a public marker, not a secret


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for the user's own scripts; the raw key is returned once, never stored."""
    label = " ".join(name.split())
    if not label or len(label) > 80:
        raise InvalidInput(_("Name the token (1 to 80 characters)."), field="name")
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=label, prefix=key[: len(TOKEN_PREFIX) + 6], key_hash=hash_api_key(key)
    )
    return token, key


def api_token_revoke(*, user: User, token_id: uuid.UUID) -> ApiToken:
    """The owner revokes one of their tokens; it stops working at once."""
    token = ApiToken.objects.filter(id=token_id, user=user, revoked_at__isnull=True).first()
    if token is None:
        raise NotFound(_("No such token."))
    token.revoked_at = clock.now()
    token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, key: str) -> User | None:
    """The active user a bearer key belongs to, or None. Records when the token was last used."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_api_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(id=token.id).update(last_used_at=clock.now())
    return token.user
