"""Publish an event to a channel-layer group once the current transaction has committed.

The channel layer delivers at most once, so the database is the source of truth: persist
first, publish after commit (never for a rolled-back write), and let clients catch up from
the last id they saw.
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def publish_now(group: str, event: dict[str, Any]) -> None:
    """Send immediately. A failed send is logged, never raised: the write already committed."""
    if "type" not in event:
        raise ValueError("a channel event needs a 'type' naming the consumer handler")
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:
        logger.exception(
            "real-time publish to %s failed; clients will catch up on reconnect", group
        )


def publish_on_commit(group: str, event: dict[str, Any]) -> None:
    """Queue `event` for `group` after the surrounding transaction commits (at once outside one).

    Called by services only.
    """
    if "type" not in event:
        raise ValueError("a channel event needs a 'type' naming the consumer handler")
    payload = dict(event)
    transaction.on_commit(lambda: publish_now(group, payload), robust=True)
