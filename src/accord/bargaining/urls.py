"""Pages of the bargaining app (mounted by accord.config.urls at /bargaining/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.bargaining import views

app_name = "bargaining"

urlpatterns: list[URLPattern] = [
    path("<uuid:process_id>/", views.workspace, name="workspace"),
    path("<uuid:process_id>/issues/", views.issue_propose, name="issue_propose"),
    path("<uuid:process_id>/confirm/", views.agenda_confirm, name="agenda_confirm"),
    path("<uuid:process_id>/interests/", views.interest_record, name="interest_record"),
    path("<uuid:process_id>/common-ground/", views.links_suggest, name="links_suggest"),
    path("<uuid:process_id>/preferences/", views.preference_set, name="preference_set"),
    path("<uuid:process_id>/suggestions/", views.suggestions_request, name="suggestions_request"),
    path("<uuid:process_id>/proposals/", views.proposal_put, name="proposal_put"),
    path("<uuid:process_id>/division/", views.division, name="division"),
    path("<uuid:process_id>/biddings/", views.bidding_propose, name="bidding_propose"),
    path("issues/<uuid:issue_id>/settle/", views.issue_settle, name="issue_settle"),
    path("issues/<uuid:issue_id>/assent/", views.issue_assent, name="issue_assent"),
    path("interests/<uuid:interest_id>/share/", views.interest_share, name="interest_share"),
    path("links/<uuid:link_id>/", views.link_decide, name="link_decide"),
    path("runs/<uuid:run_id>/", views.run_status, name="run_status"),
    path("proposals/<uuid:proposal_id>/answer/", views.proposal_answer, name="proposal_answer"),
    path("biddings/<uuid:bidding_id>/", views.bidding_act, name="bidding_act"),
]
