"""Users and magic links."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.models import BaseModel


class Language(models.TextChoices):
    """Languages the whole interface is translated into."""

    EN = "en", "English"  # the default
    FR = "fr", "Français"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=normalize_email(email), **fields)
        # No password means sign-in only by magic link until the user sets one.
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email=normalize_email(username or ""))

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


def normalize_email(email: str) -> str:
    """Lower-case the whole address: people type their e-mail in any case and expect one account."""
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Their role lives on each case (Participant), never here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Stored lower-cased (normalize_email), so plain uniqueness is case-insensitive.
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    display_name = models.CharField(_("name"), max_length=120)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.EN
    )
    # The "new messages wait" e-mail (accord.notifications): off unless the person asks, as
    # an e-mail to an inbox someone else reads can itself put a party at risk.
    message_digest = models.BooleanField(_("e-mail me when new messages wait"), default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class MagicLinkPurpose(models.TextChoices):
    """What following a magic link does."""

    SIGN_IN = "sign_in", _("Sign in")  # an existing user signs in without a password
    INVITATION = "invitation", _("Invitation")  # someone is invited; an account is made on use


class MagicLink(BaseModel):
    """A signed, expiring, single-use link sent by e-mail.

    The token in the URL is a signature over this row's id; the row records expiry and use,
    so a link works once and a leaked old link is worthless.
    """

    purpose = models.CharField(max_length=16, choices=MagicLinkPurpose.choices)
    email = models.EmailField(max_length=254)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="magic_links"
    )
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Where to go once the link is used, and what the inviting app needs (e.g. a case id).
    next_url = models.CharField(max_length=300, default="/")
    payload = models.JSONField(default=dict, blank=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def is_expired(self, at: dt.datetime) -> bool:
        return at >= self.expires_at

    def is_used(self) -> bool:
        return self.used_at is not None


class ApiToken(BaseModel):
    """A bearer token for scripts. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12)  # shown in lists so people can tell keys apart
    key_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
