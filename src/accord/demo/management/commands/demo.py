"""`accord demo`: the demo people and a demo case (idempotent), with fresh sign-in links."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from accord.accounts import services as accounts
from accord.accounts.models import MagicLinkPurpose, User
from accord.accounts.selectors import user_by_email
from accord.cases import services as cases
from accord.cases.models import Case
from accord.cases.vocabulary import Role

DEMO_TITLE = "Demo: school holidays schedule"
MEDIATOR = ("mediator@demo.accord.test", "Morgan Mediator")
PARTIES = [
    ("alex@demo.accord.test", "Alex Applicant", "Applicant"),
    ("sam@demo.accord.test", "Sam Respondent", "Respondent"),
]


def _person(email: str, name: str) -> User:
    return user_by_email(email) or accounts.user_create(email=email, display_name=name)


class Command(BaseCommand):
    help = "Create the demo mediator, two demo parties and their case; print sign-in links."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            mediator = _person(*MEDIATOR)
            parties = [_person(email, name) for email, name, _side in PARTIES]
            if not Case.objects.filter(title=DEMO_TITLE, opened_by=parties[0]).exists():
                self._open_case(mediator, parties)
            links = [
                (user.display_name, role, self._link(user))
                for user, role in [(mediator, "mediator"), *[(p, "party") for p in parties]]
            ]
        self.stdout.write(f"Demo case: {DEMO_TITLE!r} (the mediator takes effect after turning")
        self.stdout.write("on two-factor authentication in their account).")
        self.stdout.write("Demo sign-in links (each works once; `make demo` prints new ones):")
        for name, role, url in links:
            self.stdout.write(f"  {name} ({role}): {url}")

    def _open_case(self, mediator: User, parties: list[User]) -> None:
        """Alex opens the case, brings in Sam and appoints Morgan, as a party might."""
        alex, sam = parties
        case, opener = cases.case_open(
            user=alex,
            title=DEMO_TITLE,
            kind="family",
            sides=[side for _e, _n, side in PARTIES],
            opener_role=Role.PRINCIPAL,
            opener_side=PARTIES[0][2],
            is_practice=True,
        )
        respondent = case.sides.get(label=PARTIES[1][2])
        for user, role, side in [
            (sam, Role.PRINCIPAL, respondent),
            (mediator, Role.MEDIATOR, None),
        ]:
            _participant, issued = cases.participant_invite(
                actor=opener, case=case, email=user.email, role=role, side=side, send_email=False
            )
            accounts.magic_link_consume(token=issued.token)
        morgan = case.participants.get(user=mediator, role=Role.MEDIATOR)
        cases.neutral_declare_conflicts(actor=morgan, related_to=[], financial_interest=False)

    def _link(self, user: User) -> str:
        return accounts.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=user.email).url
