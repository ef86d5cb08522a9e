"""Reads about users and their sign-in methods."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts.models import User


def user_has_strong_auth(user: User | AnonymousUser) -> bool:
    """Whether the user has a confirmed second factor (TOTP).

    Later rules (neutrals must use two-factor) call this. Any caller may use it.
    """
    if not user.is_authenticated:
        return False
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def confirmed_totp_device(user: User) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if any. For the sign-in and account flows."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def user_by_email(email: str) -> User | None:
    """The active user with this address (case-insensitive), for sign-in flows only."""
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()
