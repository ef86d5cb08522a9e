"""The "new messages wait for you" e-mail: only for those who asked, counted by the one
visibility rule, naming no case and quoting nothing, at most once a day and only when
something new arrived, never lost to a failed send."""

from __future__ import annotations

import datetime as dt
import itertools
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accord.accounts.services import user_update_profile
from accord.cases import services as cases
from accord.core import clock
from accord.notifications import services
from accord.notifications.models import DigestSent
from accord.rooms import services as rooms
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db

_keys = itertools.count(1)


def say(person, room, text):
    return rooms.message_post(actor=person, room=room, body=text, client_key=f"dg-{next(_keys)}")


def wants_digest(*people, language="en"):
    for person in people:
        user = person.user
        user_update_profile(
            user=user,
            display_name=user.display_name,
            preferred_language=language,
            message_digest=True,
        )


@pytest.fixture
def later(monkeypatch):
    """Move the clock on by some hours (messages keep their real creation time)."""

    def move(hours: float) -> None:
        moved = clock.now() + dt.timedelta(hours=hours)
        monkeypatch.setattr(clock, "now", lambda: moved)

    return move


def test_only_those_who_asked_get_it_and_it_says_nothing_of_the_case():
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a)
    say(b, m.room("joint"), "Fridays at five suit me")
    say(b, m.room("joint"), "Or Saturday morning")
    say(b, m.room("caucus:1"), "Private: I would settle for Saturdays")

    result = services.digests_send()

    assert result == services.DigestResult(sent=1, considered=1)
    [email] = mail.outbox
    assert email.to == [a.user.email]
    assert email.subject == "New messages wait for you on Accord"
    assert "2 new messages wait for you" in email.body  # never B's private session
    for secret in (m.world.case.title, "Fridays", "Saturday", b.user.display_name):
        assert secret not in email.body and secret not in email.subject
    assert reverse("accounts:account") in email.body
    assert DigestSent.objects.get().messages == 2


def test_nothing_unread_sends_nothing_and_records_nothing():
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a, b)
    say(a, m.room("joint"), "Fridays at five?")  # A's own message is not news to A
    joint = m.room("joint")
    joint.refresh_from_db()
    rooms.room_mark_read(actor=b, room=joint, seq=joint.last_seq)  # B read it

    assert services.digests_send() == services.DigestResult(sent=0, considered=2)
    assert mail.outbox == []
    assert not DigestSent.objects.exists()


def test_at_most_one_a_day_and_only_about_something_new(later):
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a)
    say(b, m.room("joint"), "Fridays at five suit me")
    assert services.digests_send().sent == 1
    assert services.digests_send().sent == 0  # again at once: nothing
    later(21)
    assert services.digests_send().sent == 0  # a day on, but nothing new since
    say(b, m.room("joint"), "Or Saturday morning")
    assert services.digests_send().sent == 1
    assert "2 new messages" in mail.outbox[-1].body  # both still unread
    assert len(mail.outbox) == 2


def test_a_new_message_within_the_day_waits_for_the_next_window(later):
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a)
    say(b, m.room("joint"), "Fridays at five suit me")
    services.digests_send()
    later(2)
    say(b, m.room("joint"), "Or Saturday morning")
    assert services.digests_send().sent == 0
    assert len(mail.outbox) == 1


def test_in_the_persons_language():
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a, language="fr")
    say(b, m.room("joint"), "Fridays at five suit me")
    services.digests_send()
    [email] = mail.outbox
    assert "Bonjour" in email.body
    assert email.subject != "A new message waits for you on Accord"


def test_someone_who_left_or_turned_it_off_gets_nothing():
    m = make_mediation(sides=3)
    a, b, c = m.world.principals
    wants_digest(a, b)
    cases.process_withdraw(actor=a, process=m.process)
    say(c, m.room("joint"), "Saturday then")
    user_update_profile(
        user=b.user,
        display_name=b.user.display_name,
        preferred_language="en",
        message_digest=False,
    )
    assert services.digests_send() == services.DigestResult(sent=0, considered=1)
    assert mail.outbox == []


def test_a_failed_send_is_not_recorded_is_tried_again_and_stops_no_one_else(monkeypatch):
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a, b)
    say(a, m.room("joint"), "Fridays at five?")
    say(b, m.room("joint"), "Six works better")
    real = services.send_mail

    def refuses_a(subject, body, sender, to):
        if to == [a.user.email]:
            raise ConnectionRefusedError("mail server refused")
        return real(subject, body, sender, to)

    monkeypatch.setattr(services, "send_mail", refuses_a)
    assert services.digests_send() == services.DigestResult(sent=1, considered=2, failed=1)
    assert [email.to for email in mail.outbox] == [[b.user.email]]
    assert list(DigestSent.objects.values_list("user_id", flat=True)) == [b.user.id]
    monkeypatch.setattr(services, "send_mail", real)
    assert services.digests_send() == services.DigestResult(sent=1, considered=2)
    assert mail.outbox[-1].to == [a.user.email]


def test_the_command_sends_what_is_due():
    m = make_mediation()
    a, b = m.world.principals
    wants_digest(a)
    say(b, m.room("joint"), "Fridays at five suit me")
    out = StringIO()
    call_command("notifications", "digest", stdout=out)
    assert out.getvalue().strip() == "digests sent: 1 (of 1 who asked)"
    assert len(mail.outbox) == 1


def test_the_account_page_turns_it_on_and_off():
    m = make_mediation()
    user = m.world.principals[0].user
    client = Client()
    client.force_login(user)
    page = client.get(reverse("accounts:account")).content.decode()
    assert 'name="message_digest"' in page
    form = {"display_name": user.display_name, "preferred_language": "en"}
    client.post(reverse("accounts:account"), {**form, "message_digest": "on"})
    user.refresh_from_db()
    assert user.message_digest is True
    client.post(reverse("accounts:account"), form)  # an unticked box is not sent
    user.refresh_from_db()
    assert user.message_digest is False


def test_changing_language_from_the_menu_keeps_the_choice():
    m = make_mediation()
    user = m.world.principals[0].user
    wants_digest(m.world.principals[0])
    client = Client()
    client.force_login(user)
    client.post(reverse("accounts:set_language"), {"language": "fr", "next": "/"})
    user.refresh_from_db()
    assert (user.preferred_language, user.message_digest) == ("fr", True)
