"""Route completeness: every URL and every API operation is either on the public / own-account
allow-list below, or proves it applies the case policy: a signed-in stranger gets 404 on it
with real ids of a case they are not in (never 200, never 403 that would reveal it exists),
the very same answer as for an id that exists nowhere. Anonymous visitors are sent to sign in.

The scene is one started mediation; an app whose URLs name other objects adds them in
`tests/<app>/scene.py` (see `_scene_extensions`)."""

from __future__ import annotations

import importlib
import re
import uuid

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accord.accounts.services import api_token_create
from accord.audit import triggers
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
    "cases/new/",  # anyone signed in may open a case
    "cases/guide/",  # the plain-language guide to the processes, open to all
    "agreements/mine/",  # the signed agreements kept for the signed-in person
    "api/docs",
    # The API root: its operations are walked one by one below.
    "api/v1/",
}
API_OWN = {
    ("get", "/api/v1/cases"),
    ("post", "/api/v1/cases"),
    # The agreements one signed, reachable after leaving a case (their own documents).
    ("get", "/api/v1/signed-agreements"),
}


def django_patterns(resolver=None, prefix="", namespace=""):
    """(route, URL name) for every page; the API root stands for its operations."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("api/v1/"):
                yield "api/v1/", None
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from django_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, f"{namespace}{entry.name}" if entry.name else None


def kwarg_names(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route)


def case_routes():
    """Every page that names something of a case in its URL (the case policy applies)."""
    return [
        (route, name)
        for route, name in django_patterns()
        if route not in PUBLIC_OR_OWN and kwarg_names(route)
    ]


def _build_scene():
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
    scene = {
        "case_id": m.world.case.id,
        "process_id": m.process.id,
        "room_id": m.room("caucus:0").id,
        "message_id": message.id,
        "attachment_id": message.attachments.get().id,
        "release_id": release.id,
        "participant_id": m.world.principals[1].id,
        "mediator": m.world.mediator,
    }
    for module in _scene_extensions():
        scene.update(module.extend(m, dict(scene)))
    return scene


def _scene_extensions():
    """Each app's tests may add the objects its own URLs name, in `tests/<app>/scene.py`:
    `def extend(m: Mediation, scene: dict) -> dict[str, uuid]`, built through its services
    in the scene's case (so this file need not know every app's objects)."""
    found = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("accord."):
            continue
        name = f"tests.{app.removeprefix('accord.')}.scene"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name not in (name, name.rsplit(".", 1)[0]):
                raise
    return found


@pytest.fixture(scope="module")
def _scene_once(django_db_setup, django_db_blocker):
    """One scene for the whole module (each test runs in a savepoint inside it): the page
    checks below are one test per route, and must not each rebuild a mediation."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            triggers.install(connection)
            yield _build_scene()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def scene(_scene_once, db):
    return _scene_once


ROUTES = case_routes()
ROUTE_IDS = [route for route, _name in ROUTES]


def test_every_django_route_is_known():
    unknown = sorted(
        route
        for route, _name in django_patterns()
        if route not in PUBLIC_OR_OWN and not kwarg_names(route)
    )
    assert unknown == [], f"routes on no policy and not on the allow-list: {unknown}"
    assert len(ROUTES) >= 20


def _url(name, route, ids):
    return reverse(name, kwargs={k: ids[k] for k in kwarg_names(route)})


@pytest.mark.parametrize(("route", "name"), ROUTES, ids=ROUTE_IDS)
def test_every_page_of_a_case_is_a_404_to_a_stranger_identical_to_nothing(scene, route, name):
    """Real ids of someone else's case and ids that exist nowhere get the same bytes back."""
    assert name, f"{route} needs a URL name"
    missing = [k for k in kwarg_names(route) if k not in scene]
    assert missing == [], f"no test object for {missing} in {route}: add one to the scene"
    stranger = Client()
    stranger.force_login(make_user())
    real = _url(name, route, scene)
    fake = _url(name, route, {key: uuid.uuid4() for key in scene})
    hint = (
        "check access (access_*) before anything else, the HTTP method included: a page "
        "that only shows refuses POST with 405 after the access check, not before"
    )
    for method in ("get", "post"):
        seen = getattr(stranger, method)(real)
        unseen = getattr(stranger, method)(fake)
        assert seen.status_code == 404, (method, seen.status_code, hint)
        assert unseen.status_code == 404, (method, unseen.status_code, hint)
        assert seen.content == unseen.content, method


@pytest.mark.parametrize(("route", "name"), ROUTES, ids=ROUTE_IDS)
def test_every_page_of_a_case_sends_anonymous_visitors_to_sign_in(scene, route, name):
    missing = [k for k in kwarg_names(route) if k not in scene]
    assert missing == [], f"no test object for {missing} in {route}: add one to the scene"
    url = _url(name, route, scene)
    login = reverse("accounts:login")
    for method in ("get", "post"):
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, method
        assert response["Location"].startswith(f"{login}?next="), method


CASE_APP_ROUTES = [(route, name) for route, name in ROUTES if name and name.startswith("cases:")]


@pytest.mark.parametrize(("route", "name"), CASE_APP_ROUTES, ids=[r for r, _ in CASE_APP_ROUTES])
def test_the_case_pages_do_answer_their_participants(scene, route, name):
    """So the 404s above are the policy, not pages that answer nobody."""
    mediator = Client()
    mediator.force_login(scene["mediator"].user)
    assert mediator.get(_url(name, route, scene)).status_code != 404


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
