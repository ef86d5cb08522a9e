"""Pages of the arbitration app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "arbitration"

urlpatterns: list[URLPattern] = []
