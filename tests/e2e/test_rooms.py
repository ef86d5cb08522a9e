"""A mediation in real browsers, one context per person, over a real ASGI server (WebSockets
included): A speaks in private and releases one of two statements, the mediator relays it
from the shuttle view, B sees exactly that statement (in the page and in the socket's frames)
and never the other; B's connection drops while A talks and the missed messages appear once
it is back; B leaves in two clicks and A's page shows that the mediation ended.

pytest-django's live server speaks WSGI only (NOTES.md), so this test starts uvicorn on the
test database, as tests/rooms/test_two_servers.py does for two servers.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from accord.cases.models import Process
from accord.cases.vocabulary import Outcome, ProcessStatus
from accord.rooms.models import Message, Release
from tests.rooms.factories import make_mediation

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0

KEPT = "Our absolute limit is 40 000 for the house."
RELEASED = "We could accept alternate weekends with the children."


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}{port}/{db['NAME']}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(transactional_db):
    """uvicorn serving the app (HTTP and WebSockets) on the test database; its URL."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "accord.config.settings.test",
        "DATABASE_URL": _database_url(),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    with ExitStack() as stack:
        log_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="accord-e2e-rooms-"))
        log_path = Path(log_dir) / "server.log"
        log = stack.enter_context(log_path.open("wb"))
        command = [
            sys.executable, "-m", "uvicorn", "accord.config.asgi:application",
            "--host", "127.0.0.1", "--port", str(port),
            "--lifespan", "off", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if process.poll() is not None:
                    pytest.fail(f"the server exited: {log_path.read_text(errors='replace')}")
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail(f"the server did not listen within {START_TIMEOUT}s")
                    time.sleep(0.1)
            base = f"http://127.0.0.1:{port}"
            # The first request imports every app's views (seconds on a busy machine): make
            # it here, not inside a page's 10 s budget.
            with urlopen(f"{base}/healthz", timeout=START_TIMEOUT) as response:  # noqa: S310
                assert response.status == 200
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            server_log = log_path.read_text(errors="replace")
            if "Traceback" in server_log:
                print(server_log)  # shown with a failing test's output


def signed_in(person_page: Page, base: str, user) -> Page:
    """Sign a browser context in by giving it the session a sign-in would have made."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    person_page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}]
    )
    return person_page


def record_frames(page: Page) -> list[dict]:
    """Every frame the page's WebSockets receive, as parsed JSON."""
    received: list[dict] = []

    def on_socket(ws):
        ws.on("framereceived", lambda payload: received.append(json.loads(payload)))

    page.on("websocket", on_socket)
    return received


def live(page: Page) -> Page:
    """Wait until every live panel's socket is open and has replayed what it missed."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-room][data-live]')]"
        ".every(p => p.dataset.connection === 'live')"
    )
    return page


def say(page: Page, room_id, text: str) -> None:
    box = page.locator(f"#body-{room_id}")
    box.fill(text)
    page.locator(f"#composer-{room_id}").get_by_role("button", name="Send").click()
    expect(page.locator(f"#room-{room_id} .msg-body", has_text=text)).to_be_visible()
    expect(page.locator(f"#body-{room_id}")).to_have_value("")


def test_a_release_relayed_reaches_only_what_was_released_and_leaving_ends_it(
    server, person, accessible, screenshot
):
    m = make_mediation()
    a, b = m.world.principals
    mediator = m.world.mediator
    caucus_a, caucus_b, joint = m.room("caucus:0"), m.room("caucus:1"), m.room("joint")

    def url(name, **kwargs):
        return server + reverse(name, kwargs=kwargs)

    page_a = signed_in(person(), server, a.user)
    page_m = signed_in(person(), server, mediator.user)
    page_b = signed_in(person(viewport={"width": 360, "height": 740}), server, b.user)
    frames_b = record_frames(page_b)

    page_b.goto(url("rooms:room", room_id=caucus_b.id))
    page_m.goto(url("rooms:shuttle", process_id=m.process.id))
    page_a.goto(url("rooms:room", room_id=caucus_a.id))
    for page in (page_a, page_m, page_b):
        live(page)
    expect(page_a.get_by_role("heading", name="Private session with the mediator")).to_be_visible()

    # A speaks in private, twice; the mediator sees both live in the shuttle view.
    say(page_a, caucus_a.id, KEPT)
    say(page_a, caucus_a.id, RELEASED)
    column_a = page_m.locator(f"#room-{caucus_a.id}")
    expect(column_a.locator(".msg-body", has_text=KEPT)).to_be_visible()
    expect(column_a.locator(".msg-body", has_text=RELEASED)).to_be_visible()

    # A releases only the second statement, word for word, to B's private session.
    released = Message.objects.get(body=RELEASED)
    item = page_a.locator(f"#msg-{released.id}")
    item.get_by_text("Allow the mediator to share this").click()
    item.get_by_label("Word for word").check()
    item.get_by_label("The private session of Respondent").check()
    item.get_by_role("button", name="Allow sharing").click()
    expect(page_a.locator(f"#msg-{released.id} .badge")).to_have_text("Waiting for the mediator")
    release = Release.objects.get()
    accessible(page_a)
    screenshot(page_a, "room-private-session")

    # The mediator sees it arrive and relays it from the shuttle view.
    card = page_m.locator(f"#card-{release.id}")
    expect(card).to_contain_text(RELEASED)
    expect(page_m.locator("[data-pending-empty]")).to_be_hidden()
    accessible(page_m)
    screenshot(page_m, "shuttle-view")
    page_m.set_viewport_size({"width": 360, "height": 740})  # the columns stack on a phone
    assert page_m.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page_m.set_viewport_size({"width": 1200, "height": 800})
    card.get_by_role("button", name="Share it").click()
    expect(page_m.locator(f"#card-{release.id} .badge")).to_have_text("Shared")
    expect(page_a.locator(f"#msg-{released.id} .badge")).to_have_text("Shared")

    # B sees exactly the released statement, with where it came from, and never the other.
    relay = page_b.locator(".msg.relay")
    expect(relay.locator(".msg-body")).to_have_text(RELEASED)
    expect(relay.locator(".origin")).to_have_text(
        f"Shared word for word with the permission of {a.user.display_name} (Applicant)."
    )
    assert KEPT not in page_b.content()
    messages_b = [f for f in frames_b if f.get("kind") == "message"]
    assert [f["body"] for f in messages_b] == [RELEASED]
    assert not any("40 000" in json.dumps(f) for f in frames_b)
    overflow = page_b.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0  # a 360 px phone needs no sideways scrolling
    accessible(page_b)
    screenshot(page_b, "room-relay-phone")

    # B's connection drops; A talks meanwhile; B's page catches up once it is back.
    page_b.goto(url("rooms:room", room_id=joint.id))
    expect(page_b.get_by_role("heading", name="Joint room")).to_be_visible()
    live(page_b)
    page_a2 = signed_in(person(), server, a.user)
    page_a2.goto(url("rooms:room", room_id=joint.id))
    live(page_a2)
    say(page_a2, joint.id, "Good morning everyone.")
    expect(page_b.locator(".msg-body", has_text="Good morning everyone.")).to_be_visible()
    page_b.context.set_offline(True)
    expect(page_b.locator("[data-conn]")).to_have_text("Connection lost. Reconnecting…")
    expect(page_b.locator("[data-room]")).to_have_attribute("data-connection", "reconnecting")
    say(page_a2, joint.id, "Shall we start with the school holidays?")
    say(page_a2, joint.id, "Then the weekends.")
    page_b.wait_for_timeout(1500)  # B stays offline while A talks
    assert "school holidays" not in page_b.content()
    page_b.context.set_offline(False)
    expect(page_b.locator(".msg-body", has_text="Then the weekends.")).to_be_visible()
    expect(page_b.locator("[data-conn]")).to_have_text("Connected again. You are up to date.")
    seqs = page_b.eval_on_selector_all("[data-messages] > li", "els => els.map(e => e.dataset.seq)")
    assert seqs == ["1", "2", "3"], seqs  # in order, each once

    # B leaves in two clicks; A's page shows that the mediation ended, and nothing more.
    other_tab = page_b.context.new_page()  # B's private session, still open in another tab
    other_tab.goto(url("rooms:room", room_id=caucus_b.id))
    live(other_tab)
    page_b.get_by_role("link", name="Leave mediation").click()
    expect(page_b.get_by_role("heading", name="Leave the mediation?")).to_be_visible()
    accessible(page_b)
    screenshot(page_b, "leave-mediation")
    page_b.get_by_role("button", name="Yes, leave the mediation").click()
    expect(page_b.get_by_role("heading", name="You have left the mediation")).to_be_visible()
    # The other tab's socket was closed at once; the page says so calmly.
    expect(other_tab.locator("[data-conn]")).to_have_text(
        "This room is closed to you now. Nothing more will appear here."
    )
    expect(other_tab.locator(f"#body-{caucus_b.id}")).to_be_disabled()
    ended = page_a2.locator(f"#state-{joint.id}")
    expect(ended).to_contain_text("This mediation has ended.")
    assert b.user.display_name not in ended.inner_text()
    expect(page_a2.locator(f"#body-{joint.id}")).to_be_disabled()  # words kept, not sendable
    expect(page_a2.get_by_role("link", name="Leave mediation")).to_have_count(0)
    process = Process.objects.get()
    assert (process.status, process.outcome) == (ProcessStatus.ENDED, Outcome.WITHDRAWN)
    assert re.search(r"You have left", page_b.content())
