"""`accord notifications digest`: e-mail the "new messages wait" notes that are due (cron)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from accord.notifications.services import digests_send


class Command(BaseCommand):
    help = "Notification chores: `digest` e-mails the new-message notes people asked for."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "digest",
            help="E-mail each person who asked for it how many new messages wait for them "
            "(no case named, nothing quoted). Safe to run as often as you like: at most one "
            "a day per person, and only when something new arrived.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = digests_send()
        self.stdout.write(f"digests sent: {result.sent} (of {result.considered} who asked)")
