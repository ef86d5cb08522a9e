"""Step-up re-authentication at the moment of signing (attribution, ESIGN/UETA/PIPEDA s.48).

A signed-in session is not enough to sign: the signer proves again who they are, with the
code from their authenticator app when they have one, otherwise with their password. Wrong
answers are counted per person (in the cache, which a refused signature never writes to the
database), and too many lock signing for a while, as sign-in does.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.accounts.selectors import user_has_strong_auth
from accord.accounts.services import totp_verify
from accord.agreements.vocabulary import SignatureMethod
from accord.core.errors import AccordError, Forbidden, InvalidInput

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60


@dataclass(frozen=True)
class StepUp:
    """What the signer typed at the moment of signing."""

    password: str = ""
    code: str = ""


def step_up_method(user: User) -> SignatureMethod | None:
    """How this person confirms who they are when signing, or None if they cannot yet."""
    if user_has_strong_auth(user):
        return SignatureMethod.TOTP
    if user.has_usable_password():
        return SignatureMethod.PASSWORD
    return None


def _failures_key(user: User) -> str:
    return f"accord:step-up-failures:{user.pk}"


def _failed(user: User) -> None:
    key = _failures_key(user)
    if cache.add(key, 1, LOCK_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, LOCK_SECONDS)


def step_up_verify(*, user: User, proof: StepUp) -> SignatureMethod:
    """Check the proof and return the method used. Call it outside the write's transaction,
    so a wrong answer still counts towards the lock while nothing else is written."""
    method = step_up_method(user)
    if method is None:
        raise Forbidden(
            _(
                "Signing asks you to confirm who you are. Set a password, or turn on two-factor "
                "authentication, in your account first."
            )
        )
    if (cache.get(_failures_key(user)) or 0) >= MAX_FAILURES:
        raise Forbidden(_("Too many wrong attempts. Wait 15 minutes, then try again."))
    if method == SignatureMethod.TOTP:
        if not proof.code.strip():
            raise InvalidInput(
                _("Enter the 6-digit code from your authenticator app."), field="code"
            )
        try:
            totp_verify(user=user, token=proof.code)
        except AccordError as error:
            _failed(user)
            raise InvalidInput(error.message, field="code") from None
    else:
        if not proof.password:
            raise InvalidInput(_("Enter your password to sign."), field="password")
        if not user.check_password(proof.password):
            _failed(user)
            raise InvalidInput(_("That password is not right."), field="password")
    cache.delete(_failures_key(user))
    return method
