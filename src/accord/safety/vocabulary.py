"""The words of the safety app: the screening questionnaire, the measures it can call for,
and the states of a response request.

The questions cover the areas that published screening practice asks about before family
mediation (the MASIC instrument's areas: fear, physical harm, threats, coercive control,
psychological abuse, stalking, weapons; and DOVE-style danger factors: court orders, recent
escalation, the children's safety), plus the process questions that decide how people meet
(the same room, shared waiting, a support person, speaking up). They are written anew, in
plain and gentle words, for the person answering about themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

# The version of the questions below; stored with every answer so a later edit of the
# wording never changes what an earlier answer meant.
QUESTIONNAIRE_VERSION = "screening-v1"

# Longest free-text note a party may add for the mediator.
MAX_NOTE = 2000


@dataclass(frozen=True)
class Question:
    key: str
    text: _StrPromise
    help: _StrPromise | None
    choices: tuple[tuple[str, _StrPromise], ...]

    @property
    def values(self) -> frozenset[str]:
        return frozenset(value for value, _label in self.choices)

    def label_of(self, value: str) -> str:
        return str(dict(self.choices).get(value, value))


_NO = ("no", _("No"))
_UNSAID = ("unsaid", _("I would rather not say"))

QUESTIONS: tuple[Question, ...] = (
    Question(
        "fear",
        _("Do you feel afraid of the other person?"),
        None,
        (_NO, ("sometimes", _("Sometimes")), ("often", _("Often or always")), _UNSAID),
    ),
    Question(
        "harm",
        _(
            "Has the other person ever pushed, hit, choked or physically hurt you, or someone "
            "close to you?"
        ),
        None,
        (
            ("never", _("Never")),
            ("past", _("Yes, more than a year ago")),
            ("recent", _("Yes, in the last year")),
            _UNSAID,
        ),
    ),
    Question(
        "threats",
        _(
            "Has the other person threatened to hurt you, your children, someone close to you, "
            "a pet, or themselves?"
        ),
        None,
        (_NO, ("yes", _("Yes")), _UNSAID),
    ),
    Question(
        "control",
        _(
            "Does the other person control things like your money, your phone, who you see or "
            "where you go?"
        ),
        None,
        (_NO, ("sometimes", _("Sometimes")), ("often", _("Often"))),
    ),
    Question(
        "put_down",
        _("Does the other person insult you, humiliate you or put you down?"),
        None,
        (_NO, ("sometimes", _("Sometimes")), ("often", _("Often"))),
    ),
    Question(
        "followed",
        _(
            "Has the other person followed or watched you, or kept contacting you after you "
            "asked them to stop?"
        ),
        None,
        (_NO, ("yes", _("Yes"))),
    ),
    Question(
        "weapons",
        _("Does the other person have a weapon, or have they used or threatened to use one?"),
        None,
        (_NO, ("yes", _("Yes")), ("unknown", _("I don't know"))),
    ),
    Question(
        "court_order",
        _(
            "Is there a court order between you and the other person, such as a protection or "
            "no-contact order?"
        ),
        None,
        (_NO, ("current", _("Yes, one is in force now")), ("past", _("There was one before"))),
    ),
    Question(
        "children",
        _("Are you worried about the safety of any children involved?"),
        None,
        (_NO, ("yes", _("Yes")), ("none", _("No children are involved"))),
    ),
    Question(
        "speak_up",
        _("When you talk with the other person, can you say what you really think?"),
        None,
        (
            ("yes", _("Yes, usually")),
            ("hard", _("It is hard")),
            ("no", _("No, not really")),
        ),
    ),
    Question(
        "same_room",
        _("How would you feel about being in the same online meeting as the other person?"),
        _("You can also meet the mediator separately: they carry messages between you."),
        (
            ("fine", _("That is fine")),
            ("uneasy", _("Uneasy, but I can do it")),
            ("separate", _("I want separate sessions")),
        ),
    ),
    Question(
        "arrival",
        _(
            "Would you like your meeting times kept apart from the other person's, so that you "
            "are never online or waiting at the same time?"
        ),
        None,
        (_NO, ("yes", _("Yes"))),
    ),
    Question(
        "support",
        _(
            "Would you like someone with you during the sessions, such as a friend, a relative "
            "or a support worker?"
        ),
        None,
        (_NO, ("yes", _("Yes"))),
    ),
)

QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}


class Measure(models.TextChoices):
    """What the screening can call for, in how the process runs."""

    SHUTTLE_ONLY = "shuttle_only", _("Separate rooms only (no joint room, no direct messages)")
    STAGGERED = "staggered", _("Separate meeting times (no shared waiting)")
    SUPPORT = "support", _("A support person for the party who asked")
    RESCREEN = "rescreen", _("Screen again before any new process")


class Level(models.IntegerChoices):
    """How strongly the answers call for a measure. Confirming can add, never lower, a
    required measure; the party who answered can change their answers."""

    NONE = 0, _("Not called for")
    SUGGESTED = 1, _("Suggested")  # the neutral decides
    REQUIRED = 2, _("Required")  # the neutral cannot turn it off


class RequestStatus(models.TextChoices):
    """A response request's state, as its asker and the other side see it."""

    OPEN = "open", _("No response yet")  # waiting; after the date still only this
    ANSWERED = "answered", _("Answered")  # the asked side answered; closed
    WITHDRAWN = "withdrawn", _("Withdrawn")  # the asker took it back; closed
