"""Build cases the way people do: through the services, invitation links included."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from accord.accounts import services as accounts
from accord.accounts.models import User
from accord.cases import services
from accord.cases.models import Case, Participant, Side
from accord.cases.vocabulary import Role
from tests.accounts.test_services import current_code
from tests.factories import make_user

_n = itertools.count(1)


def with_two_factor(user: User) -> User:
    device = accounts.totp_begin(user=user)
    accounts.totp_confirm(user=user, token=current_code(device))
    return user


def join(actor: Participant, case: Case, role: str, side: Side | None = None, *, user=None):
    """Invite someone and have them accept the link, as a person would."""
    user = user or make_user()
    participant, issued = services.participant_invite(
        actor=actor, case=case, email=user.email, role=role, side=side
    )
    accounts.magic_link_consume(token=issued.token)
    participant.refresh_from_db()
    return participant


def appoint(actor: Participant, case: Case, role: str, *, user=None) -> Participant:
    """Appoint a neutral: invitation, conflict declaration, two-factor, in effect."""
    user = user or with_two_factor(make_user())
    neutral = join(actor, case, role, user=user)
    services.neutral_declare_conflicts(actor=neutral, related_to=[], financial_interest=False)
    neutral.refresh_from_db()
    return neutral


@dataclass
class World:
    case: Case
    sides: list[Side]
    mediator: Participant
    principals: list[Participant]
    advocates: list[Participant] = field(default_factory=list)

    def refresh(self) -> None:
        for p in [self.mediator, *self.principals, *self.advocates]:
            p.refresh_from_db()


def make_world(*, sides: int = 2, advocates: bool = False, practice: bool = False) -> World:
    """A case opened by a mediator (two-factor on, no conflicts), one principal per side."""
    mediator_user = with_two_factor(make_user(name=f"Mediator {next(_n)}"))
    labels = ["Applicant", "Respondent", "Grandparents", "Fourth", "Fifth"][:sides]
    case, mediator = services.case_open(
        user=mediator_user,
        title="Parenting plan",
        kind="family",
        sides=labels,
        opener_role=Role.MEDIATOR,
        is_practice=practice,
    )
    services.neutral_declare_conflicts(actor=mediator, related_to=[], financial_interest=False)
    mediator.refresh_from_db()
    side_rows = list(case.sides.order_by("position"))
    principals = [join(mediator, case, Role.PRINCIPAL, side) for side in side_rows]
    lawyers = [join(mediator, case, Role.ADVOCATE, side) for side in side_rows] if advocates else []
    return World(case, side_rows, mediator, principals, lawyers)


ROLE_KEYS = (
    "principal_a",
    "principal_b",
    "advocate_a",
    "advocate_b",
    "support_a",
    "mediator",
    "arbitrator",
    "coordinator",
    "expert",
    "observer",
)


@dataclass
class Cast:
    """A training case with one person in every role, so rules can be tried by each."""

    case: Case
    sides: list[Side]
    people: dict[str, Participant]

    def __getitem__(self, key: str) -> Participant:
        person = self.people[key]
        person.refresh_from_db()
        return person

    def role_of(self, key: str) -> str:
        return self.people[key].role


def make_cast() -> Cast:
    world = make_world(advocates=True, practice=True)
    case, (side_a, side_b) = world.case, world.sides
    m = world.mediator
    people = {
        "principal_a": world.principals[0],
        "principal_b": world.principals[1],
        "advocate_a": world.advocates[0],
        "advocate_b": world.advocates[1],
        "support_a": join(m, case, Role.SUPPORT, side_a),
        "mediator": m,
        "arbitrator": appoint(m, case, Role.ARBITRATOR),
        "coordinator": appoint(m, case, Role.COORDINATOR),
        "expert": appoint(m, case, Role.EXPERT),
        "observer": join(m, case, Role.OBSERVER),
    }
    return Cast(case, [side_a, side_b], people)
