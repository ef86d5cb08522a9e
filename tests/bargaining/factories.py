"""A mediation with an agenda, built through the services as people would."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from accord.bargaining import services
from accord.bargaining.models import AgendaIssue
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.rooms import services as rooms_services
from tests.cases.factories import make_world
from tests.rooms.factories import Mediation, make_mediation, named, start_process

_keys = itertools.count(1)


def key() -> str:
    return f"k{next(_keys)}"


@dataclass
class Table:
    m: Mediation
    issues: list[AgendaIssue]

    @property
    def process(self):
        return self.m.process

    @property
    def mediator(self):
        return self.m.world.mediator

    @property
    def a(self):
        return self.m.world.principals[0]

    @property
    def b(self):
        return self.m.world.principals[1]

    def option(self, issue_index: int, label: str):
        return self.issues[issue_index].options.get(label=label)


def add_issue(actor, process, title, options=(), **kw) -> AgendaIssue:
    kind = "range" if "range_min" in kw else "options"
    return services.issue_propose(
        actor=actor,
        process=process,
        draft=IssueDraft(title=title, kind=kind, options=list(options), **kw),
        client_key=key(),
    )


def make_table(*, money: bool = False, sides: int = 2, advocates: bool = False) -> Table:
    """A mediation whose mediator put three issues on the agenda (a fourth, money, on ask)."""
    m = make_mediation(sides=sides, advocates=advocates)
    med = m.world.mediator
    issues = [
        add_issue(med, m.process, "Weekdays", ["With Alex", "With Sam", "Alternate"]),
        add_issue(med, m.process, "Holidays", ["Split in half", "Alternate years"]),
        add_issue(med, m.process, "School", ["Stay", "Move"]),
    ]
    if money:
        issues.append(
            add_issue(med, m.process, "Support", range_min="0", range_max="1000", unit="EUR")
        )
    return Table(m, issues)


def option_scores(t: Table, *, side: str) -> dict:
    """Each side's scores for the three option issues: A wants weekdays with Alex and the
    holidays split, B the opposite; both want the children to stay at their school."""
    first = 100 if side == "a" else 0
    o = t.option
    return {
        o(0, "With Alex").id: first,
        o(0, "With Sam").id: 100 - first,
        o(0, "Alternate").id: 50,
        o(1, "Split in half").id: first,
        o(1, "Alternate years").id: 100 - first,
        o(2, "Stay").id: 100,
        o(2, "Move").id: 0,
    }


def opposed_preferences(t: Table, *, visibility_a="blind", visibility_b="blind"):
    """A cares most about weekdays, B about holidays: trading them helps both."""
    a = services.preference_set(
        actor=t.a,
        process=t.process,
        draft=PreferenceDraft(
            weights={t.issues[0].id: 60, t.issues[1].id: 10, t.issues[2].id: 30},
            scores=option_scores(t, side="a"),
            reservation=10,
            visibility=visibility_a,
        ),
    )
    b = services.preference_set(
        actor=t.b,
        process=t.process,
        draft=PreferenceDraft(
            weights={t.issues[0].id: 10, t.issues[1].id: 60, t.issues[2].id: 30},
            scores=option_scores(t, side="b"),
            reservation=10,
            visibility=visibility_b,
        ),
    )
    return a, b


def tentative_draft(t: Table, labels=("Alternate", "Split in half", "Stay")):
    """Both sides say yes to the same term on each issue: a complete tentative draft."""
    for n, label in enumerate(labels):
        for person in (t.a, t.b):
            services.issue_assent(actor=person, issue=t.issues[n], option=t.option(n, label))


def make_negotiation(*, fmt: str | None = None, advocates: bool = False) -> Table:
    """A negotiation (no mediator: each side's notes live in its side room) whose first
    party put one issue on the agenda."""
    world = make_world(advocates=advocates)
    process = start_process(world, "negotiation", fmt)
    m = Mediation(world, process, named(rooms_services.rooms_ensure(process=process)))
    speaker = world.advocates[0] if fmt == "advocates" else world.principals[0]
    issues = [add_issue(speaker, process, "Weekdays", ["With Alex", "With Sam", "Alternate"])]
    return Table(m, issues)


def add_dates(actor, process, title="Move out", earliest=None, latest=None) -> AgendaIssue:
    """A date issue: by default, move out between 1 March and 30 June 2027."""
    return services.issue_propose(
        actor=actor,
        process=process,
        draft=IssueDraft(
            title=title,
            kind="dates",
            date_min=earliest or dt.date(2027, 3, 1),
            date_max=latest or dt.date(2027, 6, 30),
        ),
        client_key=key(),
    )
