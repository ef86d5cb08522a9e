"""Pages of the safety app (mounted by accord.config.urls at /safety/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.safety import views

app_name = "safety"

urlpatterns: list[URLPattern] = [
    path("process/<uuid:process_id>/screening/", views.screening, name="screening"),
    path("process/<uuid:process_id>/deadlines/", views.deadlines, name="deadlines"),
    path("deadline/<uuid:deadline_id>/answer/", views.deadline_answer, name="deadline_answer"),
    path(
        "deadline/<uuid:deadline_id>/withdraw/", views.deadline_withdraw, name="deadline_withdraw"
    ),
    path("process/<uuid:process_id>/balance/", views.balance, name="balance"),
    path("process/<uuid:process_id>/balance/share/", views.balance_share, name="balance_share"),
]
