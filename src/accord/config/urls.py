from __future__ import annotations

from django.urls import include, path
from django.views.generic import RedirectView

from accord.accounts import views as account_views
from accord.cases.views import dashboard
from accord.config.api import api
from accord.core import views as core_views

urlpatterns = [
    path("", dashboard.dashboard, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("accord.accounts.urls")),
    path("link/<str:token>/", account_views.magic_link_view, name="magic_link"),
    path("cases/", include("accord.cases.urls")),
    path("rooms/", include("accord.rooms.urls")),
    path("safety/", include("accord.safety.urls")),
    path("bargaining/", include("accord.bargaining.urls")),
    path("agreements/", include("accord.agreements.urls")),
    path("arbitration/", include("accord.arbitration.urls")),
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api_docs"),
]
