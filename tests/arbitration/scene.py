"""Objects the arbitration pages and API name, for the route-completeness test
(tests/core/test_routes.py). An arbitration needs the case's mediation to have ended, so it
is built in a case of its own (the test only needs real ids the stranger may not see):
signed terms, a submission with a file, and a draft award."""

from __future__ import annotations

from accord.arbitration import services
from accord.rooms.services import Upload
from tests.arbitration.factories import agree_terms, decisions_for, make_arbitration


def extend(m, scene: dict) -> dict:
    arb = make_arbitration()
    terms = agree_terms(arb)
    submission = services.submission_file(
        actor=arb.parties[0],
        process=arb.process,
        kind="evidence",
        title="Scene evidence",
        body="",
        client_key="scene",
        uploads=[Upload("scene.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    award = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions_for(terms)
    )
    return {
        "submission_id": submission.id,
        "file_id": submission.files.get().id,
        "award_id": award.id,
    }
