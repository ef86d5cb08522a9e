"""Agreements set up through the services, as people would make and sign them."""

from __future__ import annotations

import itertools

from accord.agreements import services
from accord.agreements.models import Agreement, AgreementVersion
from accord.agreements.selectors import latest_version
from accord.agreements.services import StepUp
from tests.factories import PASSWORD

_keys = itertools.count(1)

TEXT = "## Parenting time\n\nThe children spend **alternate weekends** with each parent."


def draft(actor, process, *, title="Parenting plan", body=TEXT, contract=False) -> Agreement:
    return services.agreement_create(
        actor=actor,
        process=process,
        title=title,
        body=body,
        client_key=f"agreement-{next(_keys)}",
        contract_intended=contract,
    )


def latest(agreement: Agreement) -> AgreementVersion:
    return latest_version(agreement)


def sign(actor, version: AgreementVersion, *, principal=None, password=PASSWORD, **extra):
    """Sign as a person would on the ceremony page: consent, intent, password."""
    options = {
        "sha256": version.sha256,
        "consent": True,
        "intent": True,
        "step_up": StepUp(password=password),
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0 (test)",
        **extra,
    }
    return services.signature_add(actor=actor, version=version, principal=principal, **options)
