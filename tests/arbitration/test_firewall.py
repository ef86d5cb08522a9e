"""The firewall (DESIGN.md §4, invariant 3): the arbitrator's pages, API and exports never
include a mediation room, its drafts or its comments, including when the same person
mediated first and became the arbitrator with every side's recorded consent.

Every route of the agreements and arbitration apps (pages and API operations) is walked as
the arbitrator: with the mediation's ids each is the one 404; with the arbitration's ids
none shows a word of the mediation's confidential content.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from accord.accounts.services import api_token_create
from accord.agreements.exports import signed_agreement_context
from accord.arbitration.exports import award_context
from accord.arbitration.models import Award
from accord.arbitration.selectors import arbitration_agreement
from accord.cases.models import Participant
from accord.cases.vocabulary import ParticipantStatus, Role
from accord.config.api import api
from tests.arbitration.factories import SECRETS, mediation_then_arbitration

pytestmark = pytest.mark.django_db
NOT_FOUND = b'{"detail": "Not found."}'
MISSING = "00000000-0000-0000-0000-000000000000"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture(params=["another arbitrator", "the mediator, by med-arb"])
def scene(request):
    return mediation_then_arbitration(med_arb=request.param != "another arbitrator")


def page_routes():
    """(namespace:name, kwarg names) of every page of the two apps."""
    resolver = get_resolver()
    for namespace in ("agreements", "arbitration"):
        _prefix, sub = resolver.namespace_dict[namespace]
        for entry in sub.url_patterns:
            assert isinstance(entry, URLPattern)
            yield f"{namespace}:{entry.name}", sorted(entry.pattern.converters)


def api_operations():
    """(method, path, kwarg names) of every operation of the two apps' routers."""
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if set(operation.get("tags", [])) & {"agreements", "arbitration"}:
                yield method, path, re.findall(r"{(\w+)}", path)


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def leaks(content: bytes) -> list[str]:
    text = content.decode("utf-8", "replace")
    return [secret for secret in SECRETS if secret in text]


def test_the_med_arb_arbitrator_holds_no_mediator_place_any_more():
    scene = mediation_then_arbitration(med_arb=True)
    user = scene.arb.arbitrator.user
    places = Participant.objects.filter(case=scene.arb.world.case, user=user)
    assert sorted(places.values_list("role", "status")) == [
        (Role.ARBITRATOR, ParticipantStatus.ACTIVE),
        (Role.MEDIATOR, ParticipantStatus.REMOVED),
    ]


def test_every_page_hides_the_mediation_from_the_arbitrator(scene):
    page = Client()
    page.force_login(scene.arb.arbitrator.user)
    missing = page.get(reverse("agreements:agreement", args=[MISSING]))
    checked = 0
    for name, kwargs in page_routes():
        if not kwargs or not set(kwargs) <= set(scene.mediation_ids):
            continue
        url = reverse(name, kwargs={k: scene.mediation_ids[k] for k in kwargs})
        for method in ("get", "post"):
            response = getattr(page, method)(url)
            assert (response.status_code, response.content) == (404, missing.content), (
                method,
                name,
            )
            checked += 1
    assert checked >= 20


def test_no_page_of_the_arbitration_shows_mediation_content(scene):
    page = Client()
    page.force_login(scene.arb.arbitrator.user)
    seen = 0
    for name, kwargs in page_routes():
        url = reverse(name, kwargs={k: scene.arbitration_ids[k] for k in kwargs})
        for method in ("get", "post"):
            response = getattr(page, method)(url)
            assert response.status_code < 500, (method, name)
            assert leaks(body(response)) == [], (method, name)
            seen += response.status_code == 200
    assert seen >= 8  # the record, the terms, the agreement, the award, the PDFs, ...


def test_every_api_operation_hides_the_mediation_from_the_arbitrator(scene):
    _token, key = api_token_create(user=scene.arb.arbitrator.user, name="t")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    hidden = 0
    for method, path, names in api_operations():
        if names and set(names) <= set(scene.mediation_ids):
            url = path
            for name in names:
                url = url.replace("{" + name + "}", str(scene.mediation_ids[name]))
            response = getattr(client, method)(url, {}, content_type="application/json")
            assert response.status_code in (404, 422), (method, path, response.status_code)
            if response.status_code == 404:
                assert response.content == NOT_FOUND
                hidden += 1
        url = path
        for name in names:
            url = url.replace("{" + name + "}", str(scene.arbitration_ids[name]))
        response = getattr(client, method)(url, {}, content_type="application/json")
        assert response.status_code < 500, (method, path)
        assert leaks(body(response)) == [], (method, path)
    assert hidden >= 12


def test_the_arbitrators_exports_hold_nothing_of_the_mediation(scene):
    award = Award.objects.get(process=scene.arb.process, status="issued")
    agreement = arbitration_agreement(scene.arb.process)
    for html in (
        render_to_string("arbitration/pdf/award.html", award_context(award)),
        render_to_string("agreements/pdf/agreement.html", signed_agreement_context(agreement)),
    ):
        assert leaks(html.encode()) == []


def test_the_parties_see_their_own_mediation_but_not_through_the_arbitration(scene):
    """The firewall is about the arbitrator: the parties still have their mediation's joint
    texts, and the arbitration's pages show them nothing of it either."""
    party = Client()
    party.force_login(scene.arb.parties[0].user)
    own = party.get(reverse("agreements:agreement", args=[scene.mediation_ids["agreement_id"]]))
    assert own.status_code == 200 and "quokka-draft" in own.content.decode()
    record = party.get(reverse("arbitration:process", args=[scene.arb.process.id]))
    assert record.status_code == 200 and leaks(record.content) == []
