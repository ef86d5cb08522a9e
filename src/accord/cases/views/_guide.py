"""The process guide in plain words, generated from the rules table (rules.py).

Everything the table says (who decides, binding or not, confidentiality, leaving, formats,
outcomes) is read from it, so the guide cannot drift from what the services enforce. Only
the one-paragraph "what it is" of each process is written here, because the table does not
say it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.cases.rules import RULES, ProcessRules, rules_for
from accord.cases.vocabulary import Decider, Leaving, ProcessKind, Role

_WHAT_IT_IS: dict[ProcessKind, Promise] = {
    ProcessKind.NEGOTIATION: gettext_lazy(
        "The parties, or their advocates, talk with each other and try to agree. Nobody else "
        "takes part."
    ),
    ProcessKind.MEDIATION: gettext_lazy(
        "A mediator, who takes no side and decides nothing, helps the parties talk and find "
        "their own agreement: together, or in separate rooms with the mediator going between."
    ),
    ProcessKind.ARBITRATION: gettext_lazy(
        "An arbitrator reads what each side submits, may hold a hearing, and makes a decision "
        "with reasons that binds the parties."
    ),
    ProcessKind.COLLABORATIVE_LAW: gettext_lazy(
        "Each party has a collaborative lawyer, and the four meet together to reach an "
        "agreement without going to court."
    ),
    ProcessKind.PARENTING_COORDINATION: gettext_lazy(
        "A parenting coordinator helps separated parents put their parenting plan into "
        "practice, and may decide some day-to-day questions within the limits the "
        "appointment sets."
    ),
}


@dataclass(frozen=True)
class Fact:
    question: str
    answer: str


@dataclass(frozen=True)
class ProcessGuide:
    kind: ProcessKind
    name: str
    what_it_is: str
    facts: list[Fact]


def _roles(roles: frozenset[Role]) -> str:
    return ", ".join(str(Role(role).label) for role in sorted(roles))


def _binding(rules: ProcessRules) -> str:
    if rules.binding:
        return _("Yes: the decision binds the parties.")
    if rules.decider == Decider.PARTIES_OR_COORDINATOR:
        return _("Only the coordinator's decisions within the appointment's written scope.")
    return _("No: nothing binds you unless you sign an agreement that says so.")


def _sentences(first: object, *more: str) -> str:
    """A label from the vocabulary, then any further sentences: “Label. More.”"""
    return " ".join([f"{first}.", *more])


def _confidentiality(rules: ProcessRules) -> str:
    more = []
    if rules.confidentiality_chosen_by_sides:
        more.append(_("Each side chooses before it starts; it is never assumed."))
    if rules.confidentiality_terms_accepted_by_all:
        more.append(_("Everyone accepts the confidentiality terms before taking part."))
    return _sentences(rules.confidentiality.label, *more)


def _leaving(rules: ProcessRules) -> str:
    more = []
    compulsory = rules.leaving_when_compulsory
    if rules.may_be_compulsory and compulsory is not None:
        more.append(_("When it is compulsory: %(rule)s.") % {"rule": compulsory.label})
    return _sentences(rules.leaving.label, *more)


def _neutral(rules: ProcessRules) -> str:
    if rules.required_neutrals:
        return _sentences(_roles(rules.required_neutrals))
    return _("None: the parties deal with each other.")


def _court(rules: ProcessRules) -> str:
    if rules.may_be_court_ordered:
        return _("A court may require you to attend; it never forces you to agree.")
    return _("No.")


# The questions of the comparison, in reading order, each answered from the rules.
_QUESTIONS: list[tuple[Promise, Callable[[ProcessRules], str]]] = [
    (gettext_lazy("Who decides"), lambda r: _sentences(r.decider.label)),
    (gettext_lazy("Is the result binding?"), _binding),
    (gettext_lazy("Neutral person"), _neutral),
    (
        gettext_lazy("How people meet"),
        lambda r: _sentences("; ".join(str(f.label) for f in r.formats)),
    ),
    (gettext_lazy("Confidentiality"), _confidentiality),
    (gettext_lazy("Leaving"), _leaving),
    (gettext_lazy("Can a court order it?"), _court),
    (
        gettext_lazy("How it can end"),
        lambda r: _sentences("; ".join(str(o.label) for o in r.outcomes)),
    ),
]


def guide_for(kind: str) -> ProcessGuide:
    rules = rules_for(kind)
    return ProcessGuide(
        kind=rules.kind,
        name=str(rules.kind.label),
        what_it_is=str(_WHAT_IT_IS[rules.kind]),
        facts=[Fact(str(question), answer(rules)) for question, answer in _QUESTIONS],
    )


def guides() -> list[ProcessGuide]:
    return [guide_for(kind) for kind in RULES]


@dataclass(frozen=True)
class Comparison:
    """The same facts as a table: one row per question, one column per process."""

    names: list[str]
    rows: list[tuple[str, list[str]]]


def comparison() -> Comparison:
    listed = guides()
    return Comparison(
        names=[g.name for g in listed],
        rows=[
            (fact.question, [g.facts[i].answer for g in listed])
            for i, fact in enumerate(listed[0].facts)
        ],
    )


@dataclass(frozen=True)
class Pointer:
    question: str
    names: list[str]


def pointers() -> list[Pointer]:
    """Questions that help choose, each pointing at the processes the rules say fit."""
    rules = list(RULES.values())

    def names(keep: Callable[[ProcessRules], bool]) -> list[str]:
        return [str(r.kind.label) for r in rules if keep(r)]

    return [
        Pointer(
            _("You want to keep the decision in your own hands:"),
            names(lambda r: r.decider == Decider.PARTIES),
        ),
        Pointer(
            _("You want a neutral person to help you talk:"),
            names(lambda r: bool(r.required_neutrals) and not r.neutral_decides),
        ),
        Pointer(
            _("You need someone else to decide, and to be bound by it:"),
            names(lambda r: r.binding),
        ),
        Pointer(
            _("You want to be free to leave at any time:"),
            names(lambda r: r.leaving in (Leaving.ANY_TIME, Leaving.WALK_AWAY)),
        ),
    ]
