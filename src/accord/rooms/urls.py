"""Pages of the rooms app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "rooms"

urlpatterns: list[URLPattern] = []
