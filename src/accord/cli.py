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

from accord.audit.signing import generate_key


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.config.settings.production")
    args = list(sys.argv if argv is None else ["accord", *argv])
    if args[1:3] == ["audit", "keygen"]:
        # Needs no configuration: it is how production configuration is made.
        private, public = generate_key()
        print(f"AUDIT_SIGNING_KEY={private}")
        print(f"# public key, for AUDIT_VERIFY_KEYS after a rotation: {public}")
        return 0
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
