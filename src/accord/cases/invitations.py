"""What accepting a case invitation means (registered with accounts.invitations)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from accord.accounts.models import MagicLink, User
from accord.cases.models import Participant
from accord.cases.services import invitation_accept
from accord.cases.vocabulary import Role


class CaseInvitation:
    name = "case"

    def describe(self, payload: dict[str, Any]) -> str:
        participant = (
            Participant.objects.select_related("case", "side")
            .filter(id=str(payload.get("participant", "")))
            .first()
        )
        if participant is None:
            return ""
        role = Role(participant.role).label
        if participant.side is not None:
            return _("You are invited to “%(case)s” as %(role)s for %(side)s.") % {
                "case": participant.case.title,
                "role": role,
                "side": participant.side.label,
            }
        return _("You are invited to “%(case)s” as %(role)s.") % {
            "case": participant.case.title,
            "role": role,
        }

    def accept(self, link: MagicLink, user: User) -> None:
        invitation_accept(link=link, user=user)
