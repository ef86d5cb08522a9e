"""`accord demo`: create the demo people (idempotent) and print fresh sign-in links."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from accord.accounts import services
from accord.accounts.models import MagicLinkPurpose
from accord.accounts.selectors import user_by_email

DEMO_PEOPLE = [
    ("mediator@demo.accord.test", "Morgan Mediator", "mediator"),
    ("alex@demo.accord.test", "Alex Applicant", "party"),
    ("sam@demo.accord.test", "Sam Respondent", "party"),
]


class Command(BaseCommand):
    help = "Create the demo mediator and two demo parties, and print their sign-in links."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            links = []
            for email, name, role in DEMO_PEOPLE:
                if user_by_email(email) is None:
                    services.user_create(email=email, display_name=name)
                issued = services.magic_link_issue(purpose=MagicLinkPurpose.SIGN_IN, email=email)
                links.append((name, role, issued.url))
        self.stdout.write(
            "Demo sign-in links (each works once; run `make run` again for new ones):"
        )
        for name, role, url in links:
            self.stdout.write(f"  {name} ({role}): {url}")
