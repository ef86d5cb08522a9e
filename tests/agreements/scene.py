"""Objects the agreements pages and API name, for the route-completeness test
(tests/core/test_routes.py): a draft agreement in the scene's mediation."""

from __future__ import annotations

from tests.agreements.factories import draft, latest


def extend(m, scene: dict) -> dict:
    agreement = draft(m.world.mediator, m.process, title="Scene agreement")
    return {"agreement_id": agreement.id, "version_id": latest(agreement).id}
