"""Pages of the rooms app (mounted by accord.config.urls at /rooms/).

Each URL names its object by the same keyword the route-completeness test uses
(room_id, process_id, message_id, attachment_id, release_id).
"""

from __future__ import annotations

from django.urls import URLPattern, path

from accord.rooms import views

app_name = "rooms"

urlpatterns: list[URLPattern] = [
    path("<uuid:room_id>/", views.room, name="room"),
    path("<uuid:room_id>/read/", views.read, name="read"),
    path("attachments/<uuid:attachment_id>/", views.attachment, name="attachment"),
    path("messages/<uuid:message_id>/release/", views.release, name="release"),
    path("releases/<uuid:release_id>/revoke/", views.revoke, name="revoke"),
    path("releases/<uuid:release_id>/relay/", views.relay, name="relay"),
    path("releases/<uuid:release_id>/card/", views.release_card, name="release_card"),
    path("process/<uuid:process_id>/shuttle/", views.shuttle, name="shuttle"),
    path("process/<uuid:process_id>/leave/", views.leave, name="leave"),
]
