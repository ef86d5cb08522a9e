"""Objects the safety pages and API name, for the route-completeness test
(tests/core/test_routes.py): a response request in the scene's joint room."""

from __future__ import annotations

import datetime as dt

from accord.core import clock
from accord.safety import services


def extend(m, scene: dict) -> dict:
    request = services.request_ask(
        actor=m.world.principals[0],
        room=m.room("joint"),
        side=m.world.sides[1],
        topic="The school holidays",
        due_at=clock.now() + dt.timedelta(days=2),
        client_key="scene-deadline",
    )
    return {"deadline_id": request.id}
