"""The screening rule table, row by row: each row fires on exactly its answers and calls for
exactly its measures; the recommendation keeps the highest level across parties."""

from __future__ import annotations

import pytest

from accord.safety.rules import RULES, fired_rules, recommend
from accord.safety.vocabulary import QUESTIONS, Level, Measure
from tests.safety.factories import CALM

REQ, SUG, NONE = Level.REQUIRED, Level.SUGGESTED, Level.NONE
SHUTTLE, STAGGERED, SUPPORT, RESCREEN = (
    Measure.SHUTTLE_ONLY,
    Measure.STAGGERED,
    Measure.SUPPORT,
    Measure.RESCREEN,
)

# What each row must call for, written out again so a change to the table is a visible
# change to this test too.
EXPECTED = {
    ("fear", "often"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("fear", "sometimes"): {SHUTTLE: SUG, STAGGERED: SUG, RESCREEN: REQ},
    ("fear", "unsaid"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("harm", "recent"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("harm", "past"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("harm", "unsaid"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("threats", "yes"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("threats", "unsaid"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("control", "often"): {SHUTTLE: REQ, SUPPORT: SUG, RESCREEN: REQ},
    ("control", "sometimes"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("put_down", "often"): {SHUTTLE: SUG, SUPPORT: SUG, RESCREEN: REQ},
    ("put_down", "sometimes"): {RESCREEN: REQ},
    ("followed", "yes"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("weapons", "yes"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("weapons", "unknown"): {RESCREEN: REQ},
    ("court_order", "current"): {SHUTTLE: REQ, STAGGERED: REQ, RESCREEN: REQ},
    ("court_order", "past"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("children", "yes"): {SHUTTLE: SUG, RESCREEN: REQ},
    ("speak_up", "no"): {SHUTTLE: SUG, SUPPORT: SUG},
    ("speak_up", "hard"): {SUPPORT: SUG},
    ("same_room", "separate"): {SHUTTLE: REQ},
    ("same_room", "uneasy"): {SHUTTLE: SUG},
    ("arrival", "yes"): {STAGGERED: REQ},
    ("support", "yes"): {SUPPORT: REQ},
}


def test_calm_answers_call_for_nothing():
    assert fired_rules(CALM) == ()
    assert dict(recommend([CALM]).levels) == {}


def test_every_row_is_tested_and_every_answer_is_either_calm_or_a_row():
    rows = {(rule.question, answer) for rule in RULES for answer in rule.answers}
    assert rows == set(EXPECTED)
    for question in QUESTIONS:
        for value in question.values:
            assert (
                (question.key, value) in rows
                or CALM[question.key] == value
                or (
                    question.key,
                    value,
                )
                in {("children", "no")}
            ), (question.key, value)


@pytest.mark.parametrize(("question", "value"), sorted(EXPECTED))
def test_each_row_fires_alone_and_calls_for_its_measures(question, value):
    answers = {**CALM, question: value}
    fired = fired_rules(answers)
    assert len(fired) == 1
    assert (fired[0].question, value in fired[0].answers) == (question, True)
    assert dict(recommend([answers]).levels) == EXPECTED[(question, value)]
    assert str(fired[0].label)  # the neutral reads a label, never a bare id


def test_across_parties_the_highest_level_wins():
    uneasy = {**CALM, "same_room": "uneasy"}  # shuttle suggested
    separate = {**CALM, "same_room": "separate"}  # shuttle required
    recommendation = recommend([uneasy, separate])
    assert recommendation.level(SHUTTLE) == REQ
    assert recommendation.level(STAGGERED) == NONE
    assert [r.id for r in recommendation.fired] == ["uneasy_together", "wants_separate"]
    assert recommendation.at_least(REQ) == frozenset({SHUTTLE})


def test_rows_add_up_within_one_party():
    answers = {**CALM, "speak_up": "hard", "support": "yes", "fear": "sometimes"}
    recommendation = recommend([answers])
    assert dict(recommendation.levels) == {
        SUPPORT: REQ,
        SHUTTLE: SUG,
        STAGGERED: SUG,
        RESCREEN: REQ,
    }
