"""The workspace page as markup: one id per element (a label must name its own field), the
words that fit the process, the engine's end told to the page without a reload, and the
cost of the page's poll pinned."""

from __future__ import annotations

import collections
import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accord.bargaining import services
from tests.bargaining.factories import (
    add_dates,
    key,
    make_negotiation,
    make_table,
    opposed_preferences,
    tentative_draft,
)

pytestmark = pytest.mark.django_db


def browser(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def page(t, person) -> str:
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    return browser(person).get(url).content.decode()


def queries(action) -> int:
    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        action()
    return len(seen)


def test_every_id_on_the_page_is_used_once_so_each_label_names_its_own_field():
    t = make_table(money=True)
    add_dates(t.mediator, t.process)
    services.bidding_propose(
        actor=t.mediator, issue=t.issues[3], payer=t.m.world.sides[0], band_percent="10"
    )
    services.item_add(actor=t.a, process=t.process, name="House")
    for person in (t.a, t.mediator):
        html = page(t, person)
        ids = collections.Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [i for i, n in ids.items() if n > 1] == [], person.role
        # The notes form's choice "Why it matters to us" is its own, not the issue form's.
        if person == t.a:
            assert '<label for="interest_kind_1">Why it matters to us</label>' in html
            assert 'id="interest_kind_1"' in html


def test_the_notes_form_says_who_can_read_them_in_each_process():
    mediation = make_table()
    assert "Only your side and the mediator can read this" in page(mediation, mediation.a)
    negotiation = make_negotiation()
    html = page(negotiation, negotiation.a)
    assert "Only your side can read this, unless you choose to share it." in html
    assert "mediator" not in re.search(r'id="interest_text_helptext">([^<]*)<', html).group(1)


def test_the_engines_end_asks_the_page_to_look_instead_of_reloading_it():
    t = make_table()
    opposed_preferences(t)
    tentative_draft(t)
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    url = reverse("bargaining:run_status", kwargs={"run_id": run.id})
    response = browser(t.mediator).get(url, headers={"HX-Request": "true"})
    assert response["HX-Trigger"] == "bargaining:look"
    assert "HX-Refresh" not in response


def test_the_pages_poll_costs_the_same_few_queries_however_much_happened():
    t = make_table()
    client = browser(t.b)
    url = f"/api/v1/processes/{t.process.id}/changes"
    client.get(url)
    quiet = queries(lambda: client.get(url))
    opposed_preferences(t)
    tentative_draft(t)
    for n in range(5):
        services.interest_record(
            actor=t.b, issue=t.issues[0], kind="position", text=f"Note {n}", client_key=key()
        )
    assert queries(lambda: client.get(url)) == quiet <= 11
