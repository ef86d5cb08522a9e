"""An extension point: other apps say what accepting their kind of invitation does.

A magic link's payload names its kind; when the link is used, the registered handler runs in
the same transaction, so "join the case" happens in the click that creates the account.
"""

from __future__ import annotations

from typing import Any, Protocol

from accord.accounts.models import MagicLink, User


class InvitationKind(Protocol):
    name: str

    def describe(self, payload: dict[str, Any]) -> str:
        """One sentence for the landing page: what the invitation is to."""

    def accept(self, link: MagicLink, user: User) -> None:
        """Do what accepting means; raise an AccordError to refuse (nothing is then changed)."""


_KINDS: dict[str, InvitationKind] = {}


def register(kind: InvitationKind) -> None:
    _KINDS[kind.name] = kind


def kind_for(payload: dict[str, Any]) -> InvitationKind | None:
    name = payload.get("kind")
    return _KINDS.get(name) if isinstance(name, str) else None
