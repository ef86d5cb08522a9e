"""JSON API of the safety app (mounted by accord.config.api)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["safety"])
