"""Route completeness: every URL and every API operation is either on the public / own-account
allow-list below, or proves it applies the case policy: a signed-in stranger gets 404 on it
with real ids of a case they are not in (never 200, never 403 that would reveal it exists)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accord.accounts.services import api_token_create
from accord.config.api import api
from accord.rooms import services as rooms
from accord.rooms.services import Upload
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db

# Pages and operations about one's own account, or open to anyone by design.
PUBLIC_OR_OWN = {
    "",
    "healthz",
    "accounts/login/",
    "accounts/login/code/",
    "accounts/login/email/",
    "accounts/logout/",
    "accounts/",
    "accounts/language/",
    "accounts/two-factor/",
    "accounts/two-factor/off/",
    "accounts/password/",
    "accounts/password/reset/",
    "accounts/password/reset/sent/",
    "accounts/password/reset/<uidb64>/<token>/",
    "accounts/password/reset/done/",
    "link/<str:token>/",
    "api/docs",
    # The API root: its operations are walked one by one below.
    "api/v1/",
}
API_OWN = {("get", "/api/v1/cases"), ("post", "/api/v1/cases")}


def django_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("api/v1/"):
                yield "api/v1/"
                continue
            yield from django_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


@pytest.fixture
def scene():
    m = make_mediation()
    a = m.world.principals[0]
    message = rooms.message_post(
        actor=a,
        room=m.room("caucus:0"),
        body="private",
        client_key="k",
        uploads=[Upload("a.pdf", b"%PDF-1.4\n")],
    )
    release = rooms.release_grant(actor=a, message=message, mode="gist", target=m.room("joint"))
    return {
        "case_id": m.world.case.id,
        "process_id": m.process.id,
        "room_id": m.room("caucus:0").id,
        "message_id": message.id,
        "attachment_id": message.attachments.get().id,
        "release_id": release.id,
        "participant_id": m.world.principals[1].id,
    }


def test_every_django_route_is_known():
    unknown = sorted(set(django_patterns()) - PUBLIC_OR_OWN)
    assert unknown == [], f"routes on no policy and not on the allow-list: {unknown}"


def test_every_api_operation_hides_other_peoples_cases(scene):
    stranger = make_user()
    _token, key = api_token_create(user=stranger, name="t")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    schema = api.get_openapi_schema()
    checked = 0
    for path, operations in schema["paths"].items():
        for method in operations:
            if (method, path) in API_OWN:
                continue
            names = re.findall(r"{(\w+)}", path)
            assert names, f"{method.upper()} {path} has no id and is not on the allow-list"
            url = path
            for name in names:
                assert name in scene, f"no test object for {{{name}}} in {path}"
                url = url.replace("{" + name + "}", str(scene[name]))
            response = getattr(client, method)(url, {}, content_type="application/json")
            assert response.status_code in (404, 422), (method, path, response.status_code)
            if response.status_code == 404:
                assert response.json() == {"detail": "Not found."}
            checked += 1
    assert checked >= 25


def test_anonymous_callers_are_refused_everywhere(scene):
    client = Client()
    for path, operations in api.get_openapi_schema()["paths"].items():
        url = path
        for name in re.findall(r"{(\w+)}", path):
            url = url.replace("{" + name + "}", str(scene[name]))
        for method in operations:
            response = getattr(client, method)(url, {}, content_type="application/json")
            assert response.status_code == 401, (method, path)
