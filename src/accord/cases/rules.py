"""The rules that make each process what it is (DESIGN.md §2), as one declarative table.

Services consult `RULES[kind]`; nothing else in the code branches on a process kind. Reading
the NEGOTIATION and MEDIATION rows side by side shows the whole difference between them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from accord.cases.vocabulary import (
    Confidentiality,
    Decider,
    Format,
    Leaving,
    Outcome,
    ProcessKind,
    Role,
)

P, A, S = Role.PRINCIPAL, Role.ADVOCATE, Role.SUPPORT
MED, ARB, COORD, EXP, OBS = (
    Role.MEDIATOR,
    Role.ARBITRATOR,
    Role.COORDINATOR,
    Role.EXPERT,
    Role.OBSERVER,
)


@dataclass(frozen=True)
class ProcessRules:
    kind: ProcessKind
    # The neutral roles that must each have an appointment in effect before it starts.
    required_neutrals: frozenset[Role]
    # Roles that take part (see its rooms); others in the case do not.
    participant_roles: frozenset[Role]
    formats: tuple[Format, ...]
    # Who may put terms on the table, and who decides.
    proposes_terms: frozenset[Role]
    decider: Decider
    binding: bool
    confidentiality: Confidentiality
    # Negotiation: each side must choose, explicitly, before it starts (never assumed).
    confidentiality_chosen_by_sides: bool
    # Mediation: every participant accepts the confidentiality terms before it starts.
    confidentiality_terms_accepted_by_all: bool
    leaving: Leaving
    # Who may leave (withdraw / walk away), when leaving is possible at all.
    may_leave: frozenset[Role]
    # Whether it can be compulsory (collective bargaining), and how leaving works then.
    may_be_compulsory: bool
    leaving_when_compulsory: Leaving | None
    may_be_court_ordered: bool
    # Who may declare impasse (which ends the process with that outcome).
    declares_impasse: frozenset[Role]
    # Outcome -> the roles that may record it.
    outcomes: Mapping[Outcome, frozenset[Role]]
    # Only a neutral of this kind (or, with none, a principal) may start it.
    started_by: frozenset[Role]
    # Each party answers the private safety screening, and the neutral confirms how it will
    # run, before it starts (DESIGN.md §3: Screening; the safety app registers the check).
    screened: bool = False
    # The outcomes that bind the sides when recorded (only where `binding`): an award the
    # arbitrator signed, and a settlement every side signed that the arbitrator records as
    # a consent award. Nothing else binds, whoever records it.
    binding_outcomes: frozenset[Outcome] = frozenset()

    @property
    def neutral_decides(self) -> bool:
        return self.decider == Decider.ARBITRATOR

    def leaving_rule(self, *, compulsory: bool) -> Leaving:
        if compulsory and self.leaving_when_compulsory is not None:
            return self.leaving_when_compulsory
        return self.leaving


def _frozen(mapping: dict[Outcome, frozenset[Role]]) -> Mapping[Outcome, frozenset[Role]]:
    return MappingProxyType(mapping)


NEGOTIATION = ProcessRules(
    kind=ProcessKind.NEGOTIATION,
    required_neutrals=frozenset(),
    participant_roles=frozenset({P, A, S, EXP, OBS}),
    formats=(Format.DIRECT, Format.ADVOCATES),
    proposes_terms=frozenset({P, A}),
    decider=Decider.PARTIES,
    binding=False,
    confidentiality=Confidentiality.CHOSEN,
    confidentiality_chosen_by_sides=True,
    confidentiality_terms_accepted_by_all=False,
    leaving=Leaving.WALK_AWAY,
    may_leave=frozenset({P, A}),
    may_be_compulsory=True,
    leaving_when_compulsory=Leaving.IMPASSE_ONLY,
    may_be_court_ordered=False,
    declares_impasse=frozenset({P, A}),
    outcomes=_frozen(
        {
            Outcome.AGREEMENT: frozenset({P, A}),
            Outcome.PARTIAL_AGREEMENT: frozenset({P, A}),
            Outcome.IMPASSE: frozenset({P, A}),
            Outcome.WALKED_AWAY: frozenset(),  # recorded only by a side walking away
        }
    ),
    started_by=frozenset({P, A}),
)

MEDIATION = ProcessRules(
    kind=ProcessKind.MEDIATION,
    required_neutrals=frozenset({MED}),
    participant_roles=frozenset({P, A, S, MED, EXP, OBS}),
    formats=(Format.JOINT, Format.SHUTTLE, Format.HYBRID),
    proposes_terms=frozenset({P, A, MED}),  # the mediator may suggest, never rule
    decider=Decider.PARTIES,
    binding=False,
    confidentiality=Confidentiality.CONFIDENTIAL,
    confidentiality_chosen_by_sides=False,
    confidentiality_terms_accepted_by_all=True,
    leaving=Leaving.ANY_TIME,
    may_leave=frozenset({P}),
    may_be_compulsory=False,  # always voluntary, even when court-ordered
    leaving_when_compulsory=None,
    may_be_court_ordered=True,  # records that attendance is required, nothing more
    declares_impasse=frozenset({MED, P}),
    outcomes=_frozen(
        {
            # The mediator records what the parties decided; the outcome is never binding.
            Outcome.AGREEMENT: frozenset({MED}),
            Outcome.PARTIAL_AGREEMENT: frozenset({MED}),
            Outcome.IMPASSE: frozenset({MED, P}),
            Outcome.WITHDRAWN: frozenset(),  # recorded only by a party withdrawing
        }
    ),
    started_by=frozenset({MED}),
    screened=True,
)

ARBITRATION = ProcessRules(
    kind=ProcessKind.ARBITRATION,
    required_neutrals=frozenset({ARB}),
    participant_roles=frozenset({P, A, S, ARB, EXP, OBS}),
    formats=(Format.RECORD,),
    proposes_terms=frozenset({P, A}),
    decider=Decider.ARBITRATOR,
    binding=True,
    confidentiality=Confidentiality.PRIVATE_RECORD,
    confidentiality_chosen_by_sides=False,
    confidentiality_terms_accepted_by_all=False,
    leaving=Leaving.BOUND,
    may_leave=frozenset(),
    may_be_compulsory=False,
    leaving_when_compulsory=None,
    may_be_court_ordered=False,
    declares_impasse=frozenset(),
    outcomes=_frozen(
        {
            Outcome.AWARD: frozenset({ARB}),
            # The parties may still settle; once every side signed the settlement, the
            # arbitrator records it (a consent award).
            Outcome.AGREEMENT: frozenset({ARB}),
        }
    ),
    started_by=frozenset({ARB}),
    binding_outcomes=frozenset({Outcome.AWARD, Outcome.AGREEMENT}),
)

COLLABORATIVE_LAW = ProcessRules(
    kind=ProcessKind.COLLABORATIVE_LAW,
    required_neutrals=frozenset(),
    participant_roles=frozenset({P, A, S, EXP, OBS}),
    formats=(Format.FOUR_WAY,),
    proposes_terms=frozenset({P, A}),
    decider=Decider.PARTIES,
    binding=False,
    confidentiality=Confidentiality.CONFIDENTIAL,
    confidentiality_chosen_by_sides=False,
    confidentiality_terms_accepted_by_all=True,
    leaving=Leaving.END_WITH_DISQUALIFICATION,
    may_leave=frozenset({P}),
    may_be_compulsory=False,
    leaving_when_compulsory=None,
    may_be_court_ordered=True,
    declares_impasse=frozenset({P, A}),
    outcomes=_frozen(
        {
            Outcome.AGREEMENT: frozenset({P, A}),
            Outcome.PARTIAL_AGREEMENT: frozenset({P, A}),
            Outcome.TERMINATED: frozenset({P}),
        }
    ),
    started_by=frozenset({P, A}),
)

PARENTING_COORDINATION = ProcessRules(
    kind=ProcessKind.PARENTING_COORDINATION,
    required_neutrals=frozenset({COORD}),
    participant_roles=frozenset({P, A, S, COORD, EXP, OBS}),
    formats=(Format.JOINT, Format.SHUTTLE, Format.HYBRID),
    proposes_terms=frozenset({P, A, COORD}),
    decider=Decider.PARTIES_OR_COORDINATOR,
    binding=False,  # determinations bind only within the appointment's written scope
    confidentiality=Confidentiality.PER_APPOINTMENT,
    confidentiality_chosen_by_sides=False,
    confidentiality_terms_accepted_by_all=True,
    leaving=Leaving.PER_APPOINTMENT,
    may_leave=frozenset(),  # the coordinator ends it, as the appointment says
    may_be_compulsory=False,
    leaving_when_compulsory=None,
    may_be_court_ordered=True,
    declares_impasse=frozenset({COORD}),
    outcomes=_frozen(
        {
            Outcome.AGREEMENT: frozenset({COORD}),
            Outcome.DETERMINATION: frozenset({COORD}),
            Outcome.TERMINATED: frozenset({COORD}),
        }
    ),
    started_by=frozenset({COORD}),
    screened=True,
)

RULES: Mapping[ProcessKind, ProcessRules] = MappingProxyType(
    {
        rules.kind: rules
        for rules in (
            NEGOTIATION,
            MEDIATION,
            ARBITRATION,
            COLLABORATIVE_LAW,
            PARENTING_COORDINATION,
        )
    }
)


def rules_for(kind: str) -> ProcessRules:
    return RULES[ProcessKind(kind)]
