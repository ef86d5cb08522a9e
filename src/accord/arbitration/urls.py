"""Pages of the arbitration app (mounted by accord.config.urls at /arbitration/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.arbitration import views

app_name = "arbitration"

urlpatterns: list[URLPattern] = [
    path("process/<uuid:process_id>/", views.record, name="process"),
    path("process/<uuid:process_id>/terms/", views.terms, name="terms"),
    path("process/<uuid:process_id>/close/", views.close, name="close"),
    path("process/<uuid:process_id>/hearing/", views.hearing, name="hearing"),
    path("process/<uuid:process_id>/award/", views.award_draft, name="award_draft"),
    path("submissions/<uuid:submission_id>/", views.submission, name="submission"),
    path(
        "submissions/<uuid:submission_id>/files/<uuid:file_id>/",
        views.submission_file,
        name="file",
    ),
    path("awards/<uuid:award_id>/", views.award, name="award"),
    path("awards/<uuid:award_id>/award.pdf", views.award_download, name="award_pdf"),
]
