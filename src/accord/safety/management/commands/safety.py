"""`accord safety remind`: send what is due about response requests, once (run from cron)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from accord.safety.services import reminders_send


class Command(BaseCommand):
    help = "Safety chores: `remind` e-mails due response reminders and records missed dates."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "remind",
            help="Remind asked sides a day ahead; record missed dates for the mediator. "
            "Safe to run as often as you like: nothing is sent twice.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = reminders_send()
        self.stdout.write(
            f"reminders sent: {result.reminded}; missed dates recorded: {result.missed}; "
            f"mediators told: {result.told}"
        )
