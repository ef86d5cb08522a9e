"""Pages of the cases app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "cases"

urlpatterns: list[URLPattern] = []
