"""Pages of the agreements app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "agreements"

urlpatterns: list[URLPattern] = []
