"""The `accord` command: Django's management commands, with clear configuration errors.

`accord run` serves the app, `accord audit verify` checks the audit log, and every other
Django command works as with manage.py. Settings default to production; `make run` selects
the development settings.
"""

from __future__ import annotations

import os
import sys

import django
from django.core.exceptions import ImproperlyConfigured
from django.core.management import execute_from_command_line


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.config.settings.production")
    args = list(sys.argv if argv is None else ["accord", *argv])
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        # One line naming the variable, not a traceback: see accord.config.env.
        print(f"accord: configuration error: {exc}", file=sys.stderr)
        return 2
    execute_from_command_line(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
