"""Channel-layer group names, built in one place so publishers and consumers agree."""

from __future__ import annotations

import uuid


def user_group(user_id: uuid.UUID | str) -> str:
    """Everything addressed to one person (notifications, "your access changed")."""
    return f"user.{user_id}"
