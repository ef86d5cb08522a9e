"""JSON API of the arbitration app (mounted by accord.config.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["arbitration"])
