"""The words of the domain (DESIGN.md §3), each value with a one-line meaning."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    """What the dispute is about; it sets defaults, never the rules of a process."""

    FAMILY = "family", _("Family")  # separation, parenting, support
    WORKPLACE = "workplace", _("Workplace")  # co-workers, a manager and an employee
    COMMERCIAL = "commercial", _("Commercial")  # businesses, contracts
    NEIGHBOUR = "neighbour", _("Neighbour")  # neighbours, co-owners, tenants
    CONSUMER = "consumer", _("Consumer")  # a business and a customer
    LABOUR = "labour", _("Labour")  # a union and an employer
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    """A participant's one role in a case."""

    PRINCIPAL = "principal", _("Party")  # a person whose dispute it is; belongs to a side
    ADVOCATE = "advocate", _("Advocate")  # a lawyer or representative acting for a side
    SUPPORT = "support", _("Support person")  # accompanies a principal; belongs to a side
    MEDIATOR = "mediator", _("Mediator")  # neutral; facilitates, never decides
    ARBITRATOR = "arbitrator", _("Arbitrator")  # neutral; decides, binding, with reasons
    COORDINATOR = "coordinator", _("Parenting coordinator")  # neutral within a written scope
    EXPERT = "expert", _("Neutral expert")  # neutral; gives information, decides nothing
    OBSERVER = "observer", _("Observer")  # training cases only; sees, never speaks


SIDE_ROLES = frozenset({Role.PRINCIPAL, Role.ADVOCATE, Role.SUPPORT})
NEUTRAL_ROLES = frozenset({Role.MEDIATOR, Role.ARBITRATOR, Role.COORDINATOR, Role.EXPERT})


class ParticipantStatus(models.TextChoices):
    """Where a participant stands in the case."""

    INVITED = "invited", _("Invited")  # the invitation has not been used yet
    PENDING = "pending", _("Pending")  # a neutral who joined but is not yet in effect
    ACTIVE = "active", _("Active")  # takes part
    DECLINED = "declined", _("Not appointed")  # a neutral refused for a conflict of interest
    REMOVED = "removed", _("Removed")  # no longer takes part; history stays


class ProcessKind(models.TextChoices):
    """The dispute resolution processes a case can move through."""

    NEGOTIATION = "negotiation", _("Negotiation")
    MEDIATION = "mediation", _("Mediation")
    ARBITRATION = "arbitration", _("Arbitration")
    COLLABORATIVE_LAW = "collaborative_law", _("Collaborative law")
    PARENTING_COORDINATION = "parenting_coordination", _("Parenting coordination")


class Format(models.TextChoices):
    """How the people of a process meet."""

    DIRECT = "direct", _("Parties talk directly")
    ADVOCATES = "advocates", _("Through advocates")
    JOINT = "joint", _("Joint meetings")
    SHUTTLE = "shuttle", _("Shuttle only (separate rooms)")
    HYBRID = "hybrid", _("Joint and shuttle")
    RECORD = "record", _("Written record and hearing")
    FOUR_WAY = "four_way", _("Four-way meetings")


class ProcessStatus(models.TextChoices):
    """A process's stage."""

    PROPOSED = "proposed", _("Proposed")  # waiting for consents and preconditions
    ACTIVE = "active", _("Under way")
    ENDED = "ended", _("Ended")  # has an outcome
    CANCELLED = "cancelled", _("Not taken up")  # replaced or declined before it started


class Outcome(models.TextChoices):
    """How a process ended."""

    AGREEMENT = "agreement", _("Agreement")  # the parties agreed on everything
    PARTIAL_AGREEMENT = "partial_agreement", _("Partial agreement")  # on some issues
    IMPASSE = "impasse", _("Impasse")  # no agreement could be reached
    WALKED_AWAY = "walked_away", _("A side walked away")  # negotiation only
    WITHDRAWN = "withdrawn", _("Ended by withdrawal")  # a party left; reason never shown
    AWARD = "award", _("Award")  # the arbitrator's binding decision
    TERMINATED = "terminated", _("Terminated")  # collaborative law or coordination ended
    DETERMINATION = "determination", _("Determination")  # a coordinator's decision in scope


class Confidentiality(models.TextChoices):
    """A process's confidentiality regime."""

    CHOSEN = "chosen", _("Chosen explicitly by every side")  # negotiation
    CONFIDENTIAL = "confidential", _("Confidential")  # always, terms accepted by all
    PRIVATE_RECORD = "private_record", _("Private record")  # arbitration
    PER_APPOINTMENT = "per_appointment", _("As the appointment says")  # coordination


class Leaving(models.TextChoices):
    """How a side may leave a process."""

    WALK_AWAY = "walk_away", _("A side may walk away")
    IMPASSE_ONLY = "impasse_only", _("No walking away; a side may declare impasse")
    ANY_TIME = "any_time", _("Any party may withdraw at any time, no reason shown")
    BOUND = "bound", _("Bound by the arbitration agreement")
    END_WITH_DISQUALIFICATION = "end_disqualify", _("May end; the lawyers then withdraw")
    PER_APPOINTMENT = "per_appointment", _("As the appointment says")


class Decider(models.TextChoices):
    """Who decides the outcome."""

    PARTIES = "parties", _("The parties")
    ARBITRATOR = "arbitrator", _("The arbitrator, binding")
    PARTIES_OR_COORDINATOR = (
        "parties_or_coordinator",
        _("The parties; the coordinator within the appointment's scope"),
    )
