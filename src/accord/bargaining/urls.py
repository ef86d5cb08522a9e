"""Pages of the bargaining app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "bargaining"

urlpatterns: list[URLPattern] = []
