"""The words of arbitration, each value with a one-line meaning."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionKind(models.TextChoices):
    """What a side files on the record."""

    STATEMENT = "statement", _("Statement")  # the side's account and arguments
    EVIDENCE = "evidence", _("Evidence")  # documents and other proof, with files
    REPLY = "reply", _("Reply")  # an answer to the other side's submission


class AwardStatus(models.TextChoices):
    """Where an award stands. Only the arbitrator ever sees a draft."""

    DRAFT = "draft", _("Draft")  # the latest text the arbitrator is working on
    SUPERSEDED = "superseded", _("Replaced")  # an earlier draft; kept, never shown to the sides
    ISSUED = "issued", _("Issued")  # signed by the arbitrator; binding; ends the arbitration


AWARD_INTENT_VERSION = "award-intent-v1"
AWARD_FORMAT_VERSION = 1
