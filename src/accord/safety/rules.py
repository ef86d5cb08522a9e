"""What screening answers call for: one declarative table, read top to bottom.

Each row names a question, the answers that trigger it, a plain label for the neutral's
summary, and the level at which it calls for each measure. The recommendation for a process
is, for every measure, the highest level any row of any party's answers gives it. Nothing
else in the code decides what an answer means; tests/safety/test_rules.py tries every row.

Principles behind the levels (from published screening practice):
- fear, recent or threatened violence, weapons, stalking and a no-contact order in force
  make a joint session unsafe: separate rooms and separate times are required;
- an answer left unsaid on a safety question is treated with caution (suggested, and the
  party is screened again next time), never as a reassurance;
- a party's own wish for separate sessions, separate times or a support person is honoured:
  those wishes are required, not suggested;
- any sign of abuse or control means screening again before each new process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from accord.cases.rules import rules_for
from accord.cases.vocabulary import Format, ProcessKind
from accord.safety.vocabulary import QUESTIONS_BY_KEY, Level, Measure

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

SHUTTLE, STAGGERED, SUPPORT, RESCREEN = (
    Measure.SHUTTLE_ONLY,
    Measure.STAGGERED,
    Measure.SUPPORT,
    Measure.RESCREEN,
)
REQ, SUG = Level.REQUIRED, Level.SUGGESTED


@dataclass(frozen=True)
class Rule:
    id: str
    question: str
    answers: frozenset[str]
    label: _StrPromise  # what the neutral reads in the summary
    measures: Mapping[Measure, Level]

    def applies(self, answers: Mapping[str, str]) -> bool:
        return answers.get(self.question) in self.answers


def _rule(id: str, question: str, answers: set[str], label: _StrPromise, **levels: Level) -> Rule:
    measures = {Measure(name): level for name, level in levels.items()}
    return Rule(id, question, frozenset(answers), label, MappingProxyType(measures))


RULES: tuple[Rule, ...] = (
    # Fear of the other party.
    _rule("fear_often", "fear", {"often"}, _("Often afraid of the other party"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("fear_sometimes", "fear", {"sometimes"}, _("Sometimes afraid of the other party"),
          shuttle_only=SUG, staggered=SUG, rescreen=REQ),
    _rule("fear_unsaid", "fear", {"unsaid"}, _("Preferred not to say whether afraid"),
          shuttle_only=SUG, rescreen=REQ),
    # Physical violence.
    _rule("harm_recent", "harm", {"recent"}, _("Physical harm in the last year"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("harm_past", "harm", {"past"}, _("Physical harm more than a year ago"),
          shuttle_only=SUG, rescreen=REQ),
    _rule("harm_unsaid", "harm", {"unsaid"}, _("Preferred not to say about physical harm"),
          shuttle_only=SUG, rescreen=REQ),
    # Threats.
    _rule("threats", "threats", {"yes"}, _("Threats of harm"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("threats_unsaid", "threats", {"unsaid"}, _("Preferred not to say about threats"),
          shuttle_only=SUG, rescreen=REQ),
    # Coercive control and psychological abuse.
    _rule("control_often", "control", {"often"}, _("Often controlled (money, phone, contacts)"),
          shuttle_only=REQ, support=SUG, rescreen=REQ),
    _rule("control_sometimes", "control", {"sometimes"}, _("Sometimes controlled"),
          shuttle_only=SUG, rescreen=REQ),
    _rule("put_down_often", "put_down", {"often"}, _("Often insulted or humiliated"),
          shuttle_only=SUG, support=SUG, rescreen=REQ),
    _rule("put_down_sometimes", "put_down", {"sometimes"}, _("Sometimes insulted or put down"),
          rescreen=REQ),
    # Stalking and weapons.
    _rule("followed", "followed", {"yes"}, _("Followed, watched or contacted against their wish"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("weapons", "weapons", {"yes"}, _("Weapon used, threatened or at hand"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("weapons_unknown", "weapons", {"unknown"}, _("Does not know about weapons"),
          rescreen=REQ),
    # Court orders.
    _rule("order_current", "court_order", {"current"}, _("A protection order in force"),
          shuttle_only=REQ, staggered=REQ, rescreen=REQ),
    _rule("order_past", "court_order", {"past"}, _("A protection or no-contact order in the past"),
          shuttle_only=SUG, rescreen=REQ),
    # Children.
    _rule("children", "children", {"yes"}, _("Worried about the children's safety"),
          shuttle_only=SUG, rescreen=REQ),
    # Power to speak up.
    _rule("speak_up_no", "speak_up", {"no"}, _("Cannot say what they think"),
          shuttle_only=SUG, support=SUG),
    _rule("speak_up_hard", "speak_up", {"hard"}, _("Finds it hard to say what they think"),
          support=SUG),
    # The party's own wishes about how to meet.
    _rule("wants_separate", "same_room", {"separate"}, _("Wants separate sessions"),
          shuttle_only=REQ),
    _rule("uneasy_together", "same_room", {"uneasy"}, _("Uneasy in the same meeting"),
          shuttle_only=SUG),
    _rule("wants_apart_times", "arrival", {"yes"}, _("Wants separate meeting times"),
          staggered=REQ),
    _rule("wants_support", "support", {"yes"}, _("Wants a support person"),
          support=REQ),
)  # fmt: skip


def _check_table() -> None:
    """The table names only real questions and answers (a typo would silently never fire)."""
    seen: set[str] = set()
    for rule in RULES:
        question = QUESTIONS_BY_KEY.get(rule.question)
        if question is None or not rule.answers <= question.values or rule.id in seen:
            raise ValueError(f"screening rule {rule.id!r} names an unknown question or answer")
        seen.add(rule.id)


_check_table()


@dataclass(frozen=True)
class Recommendation:
    """The measures the answers call for, and the rows that fired (for the summary)."""

    levels: Mapping[Measure, Level]
    fired: tuple[Rule, ...]

    def level(self, measure: Measure) -> Level:
        return self.levels.get(measure, Level.NONE)

    def at_least(self, level: Level) -> frozenset[Measure]:
        return frozenset(m for m, got in self.levels.items() if got >= level)


def fired_rules(answers: Mapping[str, str]) -> tuple[Rule, ...]:
    """The rows one party's answers trigger, in table order."""
    return tuple(rule for rule in RULES if rule.applies(answers))


def recommend(answer_sets: list[Mapping[str, str]]) -> Recommendation:
    """The recommendation for a process from every party's answers: per measure, the highest
    level any row gives it."""
    levels: dict[Measure, Level] = {}
    fired: list[Rule] = []
    for answers in answer_sets:
        for rule in fired_rules(answers):
            fired.append(rule)
            for measure, level in rule.measures.items():
                levels[measure] = max(levels.get(measure, Level.NONE), level, key=int)
    return Recommendation(MappingProxyType(levels), tuple(fired))


# The processes that are screened before they start (DESIGN.md §3: Screening).
SCREENED_KINDS = frozenset(kind for kind in ProcessKind if rules_for(kind).screened)
# Formats that bring the parties into one room; a shuttle-only configuration excludes them.
JOINT_FORMATS = frozenset({Format.JOINT, Format.HYBRID})
