"""Every write about cases and processes. Each service checks permission (permissions.py),
validates, writes in one transaction with its audit event, and changes nothing when it
raises."""

from accord.cases.services.cases import case_open, side_add
from accord.cases.services.participants import (
    appointment_blockers,
    invitation_accept,
    med_arb_consent_give,
    neutral_declare_conflicts,
    neutral_take_effect,
    participant_invite,
    participant_remove,
)
from accord.cases.services.processes import (
    process_accept_confidentiality,
    process_choose_confidentiality,
    process_consent,
    process_declare_impasse,
    process_end,
    process_move,
    process_propose,
    process_start,
    process_withdraw,
)

__all__ = [
    "appointment_blockers",
    "case_open",
    "invitation_accept",
    "med_arb_consent_give",
    "neutral_declare_conflicts",
    "neutral_take_effect",
    "participant_invite",
    "participant_remove",
    "process_accept_confidentiality",
    "process_choose_confidentiality",
    "process_consent",
    "process_declare_impasse",
    "process_end",
    "process_move",
    "process_propose",
    "process_start",
    "process_withdraw",
    "side_add",
]
