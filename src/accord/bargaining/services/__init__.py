"""Every write of the settlement workspace. Each service checks permission (permissions.py),
validates, writes in one transaction with its audit event, notifies after commit, and changes
nothing when it raises."""

from accord.bargaining.services.agenda import (
    IssueDraft,
    agenda_confirm,
    issue_assent,
    issue_propose,
    issue_reopen,
    issue_settle,
    partial_choose,
)
from accord.bargaining.services.interests import (
    interest_record,
    interest_share,
    interest_share_joint,
    link_add,
    link_decide,
    links_suggest,
)
from accord.bargaining.services.money import (
    bid_submit,
    bidding_agree,
    bidding_propose,
    bidding_stop,
    division_run,
    item_add,
    proposal_answer,
    proposal_put,
    proposals_close_due,
    valuation_set,
)
from accord.bargaining.services.preferences import PreferenceDraft, preference_set
from accord.bargaining.services.suggestions import suggestions_compute, suggestions_request

__all__ = [
    "IssueDraft",
    "PreferenceDraft",
    "agenda_confirm",
    "bid_submit",
    "bidding_agree",
    "bidding_propose",
    "bidding_stop",
    "division_run",
    "interest_record",
    "interest_share",
    "interest_share_joint",
    "issue_assent",
    "issue_propose",
    "issue_reopen",
    "issue_settle",
    "item_add",
    "link_add",
    "link_decide",
    "links_suggest",
    "partial_choose",
    "preference_set",
    "proposal_answer",
    "proposal_put",
    "proposals_close_due",
    "suggestions_compute",
    "suggestions_request",
    "valuation_set",
]
