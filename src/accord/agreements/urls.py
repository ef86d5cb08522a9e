"""Pages of the agreements app (mounted by accord.config.urls at /agreements/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.agreements import views

app_name = "agreements"

urlpatterns: list[URLPattern] = [
    path("mine/", views.mine, name="mine"),
    path("process/<uuid:process_id>/", views.process_agreements, name="process"),
    path("process/<uuid:process_id>/certificate/", views.certificate, name="certificate"),
    path(
        "process/<uuid:process_id>/certificate.pdf",
        views.certificate_download,
        name="certificate_pdf",
    ),
    path("<uuid:agreement_id>/", views.agreement, name="agreement"),
    path("<uuid:agreement_id>/revise/", views.revise, name="revise"),
    path("<uuid:agreement_id>/signed.pdf", views.signed_pdf, name="pdf"),
    path("versions/<uuid:version_id>/", views.version, name="version"),
    path("versions/<uuid:version_id>/diff/", views.diff, name="diff"),
    path("versions/<uuid:version_id>/sign/", views.sign, name="sign"),
    path("versions/<uuid:version_id>/authority/", views.authority_grant, name="authority"),
    path(
        "versions/<uuid:version_id>/authority/<uuid:participant_id>/revoke/",
        views.authority_revoke,
        name="authority_revoke",
    ),
]
