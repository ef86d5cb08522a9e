"""Pages of the cases app (mounted by accord.config.urls at /cases/; the dashboard is "/")."""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.cases.views import case_page, intake, processes

app_name = "cases"

urlpatterns: list[URLPattern] = [
    path("new/", intake.open_case, name="open"),
    path("guide/", processes.guide, name="guide"),
    path("<uuid:case_id>/", case_page.case, name="case"),
    path("<uuid:case_id>/people/", intake.people, name="people"),
    path("<uuid:case_id>/sides/", intake.side_add, name="side_add"),
    path("<uuid:case_id>/invite/", intake.invite, name="invite"),
    path("<uuid:case_id>/appoint/", intake.appoint, name="appoint"),
    path(
        "<uuid:case_id>/participants/<uuid:participant_id>/remove/",
        intake.remove,
        name="remove",
    ),
    path("<uuid:case_id>/conflicts/", intake.conflicts, name="conflicts"),
    path("<uuid:case_id>/appointment/", intake.take_effect, name="take_effect"),
    path("<uuid:case_id>/med-arb/", intake.med_arb, name="med_arb"),
    path("<uuid:case_id>/propose/", processes.propose, name="propose"),
    path("process/<uuid:process_id>/", processes.process, name="process"),
    path("process/<uuid:process_id>/consent/", processes.consent, name="consent"),
    path("process/<uuid:process_id>/decline/", processes.decline, name="decline"),
    path(
        "process/<uuid:process_id>/confidentiality/",
        processes.confidentiality_choice,
        name="confidentiality_choice",
    ),
    path("process/<uuid:process_id>/terms/", processes.accept_terms, name="accept_terms"),
    path("process/<uuid:process_id>/start/", processes.start, name="start"),
    path("process/<uuid:process_id>/impasse/", processes.impasse, name="impasse"),
    path("process/<uuid:process_id>/end/", processes.end, name="end"),
]
