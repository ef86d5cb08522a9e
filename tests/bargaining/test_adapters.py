"""The only bridge to the engine, both ways: models -> engine values -> model terms."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from accord import engine
from accord.bargaining import adapters, services
from accord.bargaining.matching import guess_language, suggest_matches
from accord.bargaining.selectors import agenda_issues, latest_preference
from accord.bargaining.services import PreferenceDraft
from accord.bargaining.svg import frontier_svg
from tests.bargaining.factories import make_table, opposed_preferences, tentative_draft

pytestmark = pytest.mark.django_db


def test_issues_and_preferences_become_engine_values():
    t = make_table(money=True)
    o = t.option
    services.preference_set(
        actor=t.a,
        process=t.process,
        draft=PreferenceDraft(
            weights={
                t.issues[0].id: 40,
                t.issues[1].id: 20,
                t.issues[2].id: 10,
                t.issues[3].id: 30,
            },
            scores={
                o(0, "With Alex").id: 100,
                o(0, "With Sam").id: 0,
                o(0, "Alternate").id: 50,
                o(1, "Split in half").id: 80,
                o(1, "Alternate years").id: 20,
                o(2, "Stay").id: 100,
                o(2, "Move").id: 0,
            },
            range_scores={t.issues[3].id: (0, 100)},
            reservation=25,
        ),
    )
    issues = agenda_issues(t.process)
    engine_issues = adapters.to_engine_issues(issues)
    assert [i.name for i in engine_issues] == [str(i.id) for i in issues]
    assert list(engine_issues[0].options) == [str(x.id) for x in issues[0].options.all()]
    assert list(engine_issues[3].options) == [f"{n * 100}.00" for n in range(11)]
    utility = adapters.to_utility(latest_preference(t.process, t.a.side_id), issues)
    assert utility.reservation == 25.0
    choices = {
        str(issues[0].id): str(o(0, "Alternate").id),
        str(issues[1].id): str(o(1, "Split in half").id),
        str(issues[2].id): str(o(2, "Move").id),
        str(issues[3].id): "700.00",
    }
    # 40 * 0.5 + 20 * 0.8 + 10 * 0 + 30 * 0.7 = 57 points out of 100.
    assert utility(choices) == pytest.approx(57.0)
    package = engine.Package(choices, (57.0, 1.0))
    terms = adapters.from_package(package, issues)
    assert terms.options == {
        issues[0].id: o(0, "Alternate").id,
        issues[1].id: o(1, "Split in half").id,
        issues[2].id: o(2, "Move").id,
    }
    assert terms.amounts == {issues[3].id: Decimal("700.00")}
    assert terms.utilities == (57.0, 1.0)


def test_a_tentative_amount_off_the_grid_is_kept_exactly():
    t = make_table(money=True)
    for person in (t.a, t.b):
        services.issue_assent(actor=person, issue=t.issues[3], amount="333.33")
    issue = agenda_issues(t.process)[3]
    assert "333.33" in adapters.option_keys(issue)
    assert adapters.draft_choices(agenda_issues(t.process)) is None  # the others are open
    tentative_draft(t)
    draft = adapters.draft_choices(agenda_issues(t.process))
    assert draft[str(issue.id)] == "333.33"


def test_preferences_that_miss_an_issue_are_refused_by_the_adapter():
    t = make_table()
    opposed_preferences(t)
    from tests.bargaining.factories import add_issue

    add_issue(t.mediator, t.process, "Pets", ["Dog stays", "Dog goes"])
    with pytest.raises(ValueError, match="no weight"):
        adapters.to_utility(latest_preference(t.process, t.a.side_id), agenda_issues(t.process))


def test_division_and_money_results_come_back_in_model_terms():
    split = adapters.divide(
        ["house", "car", "pension"],
        [{"house": 50, "car": 10, "pension": 40}, {"house": 30, "car": 40, "pension": 30}],
    )
    assert split.method == "adjusted_winner" and split.envy_free and split.equitable
    assert ("house", 0, Decimal(1)) in split.shares and ("car", 1, Decimal(1)) in split.shares
    three = adapters.divide(
        ["a", "b", "c"],
        [{"a": 80, "b": 10, "c": 10}, {"a": 10, "b": 80, "c": 10}, {"a": 10, "b": 10, "c": 80}],
    )
    assert three.method == "max_nash_welfare" and three.envy_free_up_to_one
    assert sorted((item, side) for item, side, _share in three.shares) == [
        ("a", 0),
        ("b", 1),
        ("c", 2),
    ]
    assert adapters.blind_round(Decimal(900), Decimal(1000), Decimal(10), None) == Decimal("950.00")
    assert adapters.blind_round(Decimal(100), Decimal(1000), Decimal(10), None) is None
    a, b = uuid.uuid4(), uuid.uuid4()
    assert adapters.all_accepted({a: True, b: True}, [a, b]) is True
    assert adapters.all_accepted({a: True}, [a, b]) is False  # a missing answer is a no


def test_the_matcher_pairs_english_and_french_statements_of_one_need():
    texts = [
        "The children need a stable routine during the week.",
        "Les enfants ont besoin de stabilité et de repères.",
        "I need to be able to pay my rent every month.",
    ]
    assert [guess_language(x) for x in texts] == ["en", "fr", "en"]
    matches = suggest_matches(texts)
    assert [(m.first, m.second) for m in matches] == [(0, 1)]


def test_the_frontier_picture_escapes_labels_and_marks_shapes_not_colours():
    svg = frontier_svg([(10.0, 90.0, "pareto"), (60.0, 60.0, "nash")], ("<b>A</b>", "B"))
    assert "<b>" not in svg and "&lt;b&gt;A&lt;/b&gt;" in svg
    assert 'role="img"' in svg and "<title" in svg and "Nash" in svg
    assert frontier_svg([]) == ""
