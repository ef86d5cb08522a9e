"""Pages of the safety app (mounted by accord.config.urls)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "safety"

urlpatterns: list[URLPattern] = []
