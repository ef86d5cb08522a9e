"""`accord audit verify|checkpoint|keygen`: operate the tamper-evident log."""

from __future__ import annotations

import json
import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accord.audit import signing
from accord.audit.selectors import audited_case_ids
from accord.audit.services import checkpoint_create, checkpoint_document
from accord.audit.verify import verify_case


def _case_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise CommandError(f"--case: {value!r} is not a case id (a UUID)") from None


class Command(BaseCommand):
    help = "Verify the audit chains, take a signed checkpoint, or make a signing key."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="Recompute chains, roots and signatures.")
        verify.add_argument("--case", help="Only this case (default: every case).")
        verify.add_argument(
            "--checkpoint",
            action="append",
            default=[],
            metavar="FILE",
            help="A checkpoint file held outside the database (repeatable).",
        )
        checkpoint = sub.add_parser("checkpoint", help="Sign the current root of one case.")
        checkpoint.add_argument("--case", required=True)
        checkpoint.add_argument("--reason", default="on demand")
        checkpoint.add_argument("--out", metavar="FILE", help="Also write the checkpoint here.")
        # `accord audit keygen` is answered by accord.cli before settings load; this
        # subcommand serves manage.py and call_command.
        sub.add_parser("keygen", help="Print a new Ed25519 key for AUDIT_SIGNING_KEY.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "verify":
            self._verify(options["case"], options["checkpoint"])
        elif action == "checkpoint":
            self._checkpoint(_case_id(options["case"]), options["reason"], options["out"])
        else:
            private, public = signing.generate_key()
            self.stdout.write(f"AUDIT_SIGNING_KEY={private}")
            self.stdout.write(f"# public key, for AUDIT_VERIFY_KEYS after a rotation: {public}")

    def _load(self, path: str) -> tuple[str, dict[str, Any]]:
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"--checkpoint {path}: cannot read it ({exc})") from None
        if not isinstance(document, dict) or "case" not in document:
            raise CommandError(f"--checkpoint {path}: not a checkpoint file")
        return path, document

    def _verify(self, case: str | None, files: list[str]) -> None:
        loaded = [self._load(path) for path in files]
        if case is not None:
            case_ids = [_case_id(case)]
        else:
            case_ids = sorted(
                set(audited_case_ids()) | {_case_id(str(doc["case"])) for _, doc in loaded}
            )
        failed = 0
        for case_id in case_ids:
            external = [(p, d) for p, d in loaded if d.get("case") == str(case_id)]
            report = verify_case(case_id, external=external)
            if report.ok:
                self.stdout.write(
                    f"case {case_id}: ok ({report.events} events, {report.checkpoints} checkpoints)"
                )
                continue
            failed += 1
            where = report.first_bad_seq
            head = f"first bad event {where}" if where is not None else "checkpoint problem"
            self.stdout.write(f"case {case_id}: FAILED, {head}")
            for problem in report.problems:
                self.stdout.write(f"  - {problem.message}")
        if failed:
            raise CommandError(f"{failed} of {len(case_ids)} case(s) failed verification")
        if not case_ids:
            self.stdout.write("no audit events yet")

    def _checkpoint(self, case_id: uuid.UUID, reason: str, out: str | None) -> None:
        try:
            checkpoint = checkpoint_create(case_id=case_id, reason=reason[:64])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        document = json.dumps(checkpoint_document(checkpoint), indent=2, sort_keys=True)
        if out:
            Path(out).write_text(document + "\n", encoding="utf-8")
        self.stdout.write(document)
