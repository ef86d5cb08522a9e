"""Every write about an arbitration: its terms, the record, the hearing and the award.

Each service checks permission (permissions.py), validates, writes in one transaction with
its audit event, publishes after commit, and changes nothing when it raises.
"""

from accord.arbitration.services.awards import (
    DecisionInput,
    award_draft,
    award_issue,
    award_open,
)
from accord.arbitration.services.record import (
    hearing_schedule,
    submission_file,
    submission_file_open,
    submissions_close,
)
from accord.arbitration.services.terms import TermsInput, terms_draft

__all__ = [
    "DecisionInput",
    "TermsInput",
    "award_draft",
    "award_issue",
    "award_open",
    "hearing_schedule",
    "submission_file",
    "submission_file_open",
    "submissions_close",
    "terms_draft",
]
