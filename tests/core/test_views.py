"""The health check and the not-found page every hidden case shares."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_the_not_found_page_is_the_same_bytes_whatever_was_asked(client):
    """No path echoed and no per-request token: a hidden case cannot be told from nothing."""
    client.force_login(make_user(name="Ada"))
    first = client.get("/cases/00000000-0000-0000-0000-000000000001/")
    second = client.get("/no/such/page/at/all/")
    assert first.status_code == second.status_code == 404
    assert first.content == second.content
    body = first.content.decode()
    assert "Page not found" in body
    assert "csrf" not in body.lower()
    assert "Ada" in body  # still the signed-in person's header, without forms


def test_the_not_found_page_for_visitors_offers_to_sign_in():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert b"/accounts/login/" in response.content
