"""The e-mail digest: a short note that new messages wait, for those who asked for it.

Off unless the person turns it on (their account page): an e-mail to an inbox someone else
reads can itself put a party at risk, so it names no case and quotes no message, and it is
sent at most once every `EVERY`, and only when something arrived since the last one.
Run `accord notifications digest` from cron (every hour is plenty).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from accord.accounts.models import User
from accord.cases.selectors import case_overviews
from accord.core import clock
from accord.notifications.models import DigestSent
from accord.notifications.selectors import last_digest, unread_since, visible_rooms
from accord.rooms.selectors import unread_counts

log = logging.getLogger(__name__)

# A little under a day, so a daily cron run that starts a few minutes early still sends.
EVERY = dt.timedelta(hours=20)


@dataclass(frozen=True)
class DigestResult:
    sent: int  # e-mails sent in this run
    considered: int  # people who asked for the digest
    failed: int = 0  # sends that failed: not recorded, so tried again next run


def digests_send() -> DigestResult:
    """Send every digest that is due. Safe to run as often as you like: a person gets at
    most one every `EVERY`, and none about messages an earlier digest already counted.
    One failed send (the mail server refused) is logged and does not stop the others."""
    people = list(
        User.objects.filter(message_digest=True, is_active=True).order_by("id").only("id")
    )
    sent = failed = 0
    for person in people:
        try:
            sent += digest_send(user=person)
        except Exception:
            log.exception("digest for user %s not sent; trying again next run", person.id)
            failed += 1
    return DigestResult(sent=sent, considered=len(people), failed=failed)


def digest_send(*, user: User) -> bool:
    """Send this person's digest if it is due; whether it was sent.

    The person's row is locked while deciding, so two runs at once send one e-mail; the
    record and the e-mail share one transaction, so a failed send is tried again next run.
    """
    with transaction.atomic():
        person = User.objects.select_for_update(no_key=True).filter(id=user.id).first()
        if person is None or not person.message_digest or not person.is_active:
            return False
        now = clock.now()
        last = last_digest(person)
        if last is not None and now - last.sent_at < EVERY:
            return False
        seen = visible_rooms(overviews=case_overviews(user=person))
        unread = unread_counts(user=person, rooms=seen)
        total = sum(unread.values())
        if total == 0:
            return False
        if last is not None and not unread_since(
            user=person,
            room_ids=[room_id for room_id, n in unread.items() if n],
            since=last.sent_at,
        ):
            return False
        DigestSent.objects.create(user=person, sent_at=now, messages=total)
        _send(person, total)
    return True


def _send(person: User, total: int) -> None:
    with translation.override(person.preferred_language):
        subject = ngettext(
            "A new message waits for you on Accord",
            "New messages wait for you on Accord",
            total,
        )
        body = render_to_string(
            "notifications/email/digest.txt",
            {
                "name": person.display_name,
                "count": total,
                "url": f"{settings.SITE_URL}{reverse('home')}",
                "account_url": f"{settings.SITE_URL}{reverse('accounts:account')}",
            },
        )
    send_mail(subject, body, None, [person.email])
