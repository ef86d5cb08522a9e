"""`accord token create --email E --name N`: a bearer token for scripts using the API."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accord.accounts.selectors import user_by_email
from accord.accounts.services import api_token_create
from accord.core.errors import AccordError


class Command(BaseCommand):
    help = "Create an API token for a user (printed once)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("--email", required=True)
        create.add_argument("--name", default="script")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_by_email(options["email"])
        if user is None:
            raise CommandError(f"--email: no active user {options['email']!r}")
        try:
            _token, key = api_token_create(user=user, name=options["name"])
        except AccordError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(key)
