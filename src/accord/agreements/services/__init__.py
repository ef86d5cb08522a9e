"""Every write about agreements: drafting, comments, the signing ceremony, certificates.

Each service checks permission (permissions.py), validates, writes in one transaction with
its audit event, publishes after commit, and changes nothing when it raises.
"""

from accord.agreements.services.certificates import attempt_certificate_issue
from accord.agreements.services.drafting import (
    agreement_create,
    agreement_revise,
    arbitration_agreement_write,
    comment_add,
)
from accord.agreements.services.signing import (
    signature_add,
    signed_document_open,
    signing_authority_grant,
    signing_authority_revoke,
)
from accord.agreements.services.stepup import StepUp, step_up_method, step_up_verify

__all__ = [
    "StepUp",
    "agreement_create",
    "agreement_revise",
    "arbitration_agreement_write",
    "attempt_certificate_issue",
    "comment_add",
    "signature_add",
    "signed_document_open",
    "signing_authority_grant",
    "signing_authority_revoke",
    "step_up_method",
    "step_up_verify",
]
