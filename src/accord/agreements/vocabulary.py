"""The words of agreements and signing, each value with a one-line meaning."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    """What a signed text is; the kind fixes its label and who must sign it."""

    SETTLEMENT = "settlement", _("Agreement")  # what the parties agreed; signed by each party
    ARBITRATION = "arbitration", _("Arbitration agreement")  # scope, rules, deadlines; binding


class AgreementStatus(models.TextChoices):
    """Where an agreement stands."""

    DRAFTING = "drafting", _("Being drafted")  # versions and signatures may still come
    SIGNED = "signed", _("Signed by everyone")  # complete; it can no longer change


class Binding(models.TextChoices):
    """The label every artefact carries, so nobody mistakes what it is (DESIGN.md §2)."""

    # A settlement drafted in negotiation or mediation, unless the parties say otherwise.
    NOT_BINDING = "not_binding", _("Not binding unless the parties make it so")
    # The parties wrote that, once everyone has signed, they mean it as a binding contract.
    CONTRACT = "contract", _("The parties intend it to be a binding contract once all have signed")
    # An arbitration agreement: the sides agree to be bound by the arbitrator's award.
    ARBITRATION = "arbitration", _("Binding: the sides agree to be bound by the award")
    # An arbitrator's award.
    AWARD = "award", _("Binding: an arbitrator's decision")


class SignatureMethod(models.TextChoices):
    """How the signer confirmed who they are at the moment of signing (step-up)."""

    PASSWORD = "password", _("Password re-entered")
    TOTP = "totp", _("Code from an authenticator app")


# The versions of the texts people accept; stored with what they accepted.
ESIGN_CONSENT_VERSION = "esign-consent-v1"
INTENT_STATEMENT_VERSION = "sign-intent-v1"
DOCUMENT_FORMAT_VERSION = 1


class AttemptResult(models.TextChoices):
    """How a process ended, in the only words a certificate of attempt may use (UMA §7)."""

    SETTLED = "settled", _("Settled")  # the parties reached agreement
    SETTLED_IN_PART = "settled_in_part", _("Settled in part")  # on some of the issues
    NOT_SETTLED = "not_settled", _("Not settled")  # it ended without agreement
    WITHDRAWN = "withdrawn", _("Ended by withdrawal")  # a party left; who and why are not said
    DID_NOT_TAKE_PLACE = "did_not_take_place", _("Did not take place")  # never started
