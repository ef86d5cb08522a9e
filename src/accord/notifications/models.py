"""What was sent to whom: the record that keeps an e-mail digest from repeating itself."""

from __future__ import annotations

from django.db import models

from accord.core.models import BaseModel


class DigestSent(BaseModel):
    """One "new messages wait for you" e-mail sent to one person.

    The e-mail names no case and quotes nothing, and this row keeps only how many messages
    it counted.
    """

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()
    messages = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["user", "-sent_at"], name="notif_digest_user_latest")]
