"""Objects the bargaining pages and API name, for the route-completeness test
(tests/core/test_routes.py): an agenda in the scene's mediation with an interest per side,
a confirmed link, a money issue under blind bidding and a mediator's proposal. A run is
not made (it needs every side's preferences): its pages answer a random id like any other."""

from __future__ import annotations

import datetime as dt
import uuid

from accord.bargaining import services
from accord.core import clock
from tests.bargaining.factories import add_issue, key


def extend(m, scene: dict) -> dict:
    mediator = m.world.mediator
    a, b = m.world.principals
    issue = add_issue(mediator, m.process, "Weekdays", ["With Alex", "With Sam"])
    money = add_issue(mediator, m.process, "Support", range_min="0", range_max="900", unit="EUR")
    first = services.interest_record(
        actor=a, issue=issue, kind="interest", category="need",
        text="Time with the children", client_key=key(),
    )  # fmt: skip
    second = services.interest_record(
        actor=b, issue=issue, kind="interest", category="need",
        text="Stable routine for the children", client_key=key(),
    )  # fmt: skip
    link = services.link_add(
        actor=mediator, first=first, second=second, relation="shared",
        summary="Time with the children, in a steady routine",
    )  # fmt: skip
    bidding = services.bidding_propose(
        actor=mediator, issue=money, payer=m.world.sides[0], band_percent="10"
    )
    proposal = services.proposal_put(
        actor=mediator,
        process=m.process,
        terms=[(issue, issue.options.get(label="With Alex"), None)],
        deadline=clock.now() + dt.timedelta(days=2),
        client_key=key(),
    )
    return {
        "issue_id": issue.id,
        "interest_id": first.id,
        "link_id": link.id,
        "bidding_id": bidding.id,
        "proposal_id": proposal.id,
        "run_id": uuid.uuid4(),
    }
