"""JSON API of the bargaining app (mounted by accord.config.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["bargaining"])
