"""The rooms API, over HTTP with bearer tokens: the same rules as the services."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.accounts.services import api_token_create
from accord.audit.models import AuditEvent
from accord.rooms.models import Message, Release
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db
API = "/api/v1"
PDF = b"%PDF-1.4\n%%EOF\n"


class Api:
    def __init__(self, user):
        _token, key = api_token_create(user=user, name="test")
        self.client = Client(headers={"Authorization": f"Bearer {key}"})

    def get(self, path, **kw):
        return self.client.get(API + path, **kw)

    def post(self, path, data=None, **kw):
        if "files" in kw:
            return self.client.post(API + path, {**(data or {}), "files": kw.pop("files")}, **kw)
        return self.client.post(API + path, data or {}, content_type="application/json", **kw)


@pytest.fixture
def m():
    return make_mediation()


@pytest.fixture
def people(m):
    a, b = m.world.principals
    return Api(a.user), Api(b.user), Api(m.world.mediator.user)


def room_ids(api, m):
    response = api.get(f"/processes/{m.process.id}/rooms")
    assert response.status_code == 200
    return {(r["kind"], r["side_label"]): r for r in response.json()}


def test_each_person_lists_only_their_rooms(m, people):
    a, _b, mediator = people
    assert sorted(room_ids(a, m)) == [
        ("caucus", "Applicant"),
        ("joint", None),
        ("side", "Applicant"),
    ]
    assert sorted(room_ids(mediator, m)) == [
        ("caucus", "Applicant"),
        ("caucus", "Respondent"),
        ("joint", None),
        ("neutrals", None),
    ]


def test_post_list_and_resume(m, people):
    a, b, _ = people
    joint = str(m.room("joint").id)
    for n in range(3):
        response = a.post(f"/rooms/{joint}/messages", {"body": f"m{n}", "client_key": f"k{n}"})
        assert response.status_code == 201
    again = a.post(f"/rooms/{joint}/messages", {"body": "m0", "client_key": "k0"})
    assert again.status_code == 201 and again.json()["seq"] == 1
    assert [x["body"] for x in b.get(f"/rooms/{joint}/messages").json()] == ["m0", "m1", "m2"]
    assert [x["seq"] for x in b.get(f"/rooms/{joint}/messages?after=1").json()] == [2, 3]
    assert Message.objects.count() == 3


def test_strangers_and_missing_rooms_get_the_same_404(m, people):
    a, b, _ = people
    caucus_a = m.room("caucus:0").id
    stranger = Api(make_user())
    bodies = {
        b.get(f"/rooms/{caucus_a}/messages").content,
        stranger.get(f"/rooms/{caucus_a}/messages").content,
        a.get("/rooms/00000000-0000-0000-0000-000000000000/messages").content,
        b.post(f"/rooms/{caucus_a}/messages", {"body": "x", "client_key": "x"}).content,
    }
    assert bodies == {b'{"detail": "Not found."}'}
    assert Message.objects.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        {"body": "x"},
        {"body": "x", "client_key": "bad key!"},
        {"body": "x" * 10_001, "client_key": "k"},
        {"body": "x", "client_key": "k", "extra": 1},
        {"body": "x", "client_key": "k", "corrects": "nope"},
    ],
)
def test_bad_posts_are_refused_and_change_nothing(m, people, payload):
    a, _, _ = people
    response = a.post(f"/rooms/{m.room('joint').id}/messages", payload)
    assert 400 <= response.status_code < 500
    assert Message.objects.count() == 0


def test_files_are_checked_and_every_download_audited(m, people):
    a, b, _ = people
    joint = m.room("joint").id
    from django.core.files.uploadedfile import SimpleUploadedFile

    refused = a.post(
        f"/rooms/{joint}/messages/with-files",
        {"client_key": "f0", "body": "x"},
        files=[SimpleUploadedFile("evil.exe", b"MZ\x90\x00", content_type="application/pdf")],
    )
    assert refused.status_code == 400
    assert "not a PDF, PNG, JPEG or plain-text file" in refused.json()["detail"]
    posted = a.post(
        f"/rooms/{joint}/messages/with-files",
        {"client_key": "f1", "body": "plan"},
        files=[SimpleUploadedFile("plan.pdf", PDF, content_type="text/plain")],
    )
    assert posted.status_code == 201
    attachment = posted.json()["attachments"][0]
    assert attachment["content_type"] == "application/pdf"
    before = AuditEvent.objects.filter(action="attachment.downloaded").count()
    download = b.get(f"/attachments/{attachment['id']}")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert AuditEvent.objects.filter(action="attachment.downloaded").count() == before + 1
    stranger = Api(make_user())
    assert stranger.get(f"/attachments/{attachment['id']}").status_code == 404
    assert AuditEvent.objects.filter(action="attachment.downloaded").count() == before + 1


def test_release_relay_and_revoke_over_http(m, people):
    a, b, mediator = people
    caucus_a, caucus_b = m.room("caucus:0").id, m.room("caucus:1").id
    said = a.post(f"/rooms/{caucus_a}/messages", {"body": "We can do weekends.", "client_key": "s"})
    message_id = said.json()["id"]
    # The other side cannot release it, and the mediator cannot relay anything unreleased.
    assert (
        b.post(
            f"/messages/{message_id}/releases",
            {"mode": "verbatim", "target_room_id": str(caucus_b)},
        ).status_code
        == 404
    )
    released = a.post(
        f"/messages/{message_id}/releases", {"mode": "verbatim", "target_room_id": str(caucus_b)}
    )
    assert released.status_code == 201
    release_id = released.json()["id"]
    assert [r["id"] for r in mediator.get(f"/rooms/{caucus_a}/releases").json()] == [release_id]
    assert b.get(f"/rooms/{caucus_a}/releases").status_code == 404
    relay = mediator.post(f"/releases/{release_id}/relay", {"client_key": "r1"})
    assert relay.status_code == 201
    assert relay.json()["relay_of"]["granted_by"] == m.world.principals[0].user.display_name
    assert [x["body"] for x in b.get(f"/rooms/{caucus_b}/messages").json()] == [
        "We can do weekends."
    ]
    late = a.post(f"/releases/{release_id}/revoke")
    assert late.status_code == 409
    assert late.json() == {"detail": "It has already been shared and can no longer be taken back."}
    assert Release.objects.get(id=release_id).status == "used"


def test_a_release_cannot_target_another_process_or_a_side_room(m, people):
    a, _, _ = people
    said = a.post(f"/rooms/{m.room('caucus:0').id}/messages", {"body": "x", "client_key": "s"})
    for target in [m.room("side:1").id, "00000000-0000-0000-0000-000000000000"]:
        response = a.post(
            f"/messages/{said.json()['id']}/releases",
            {"mode": "gist", "target_room_id": str(target)},
        )
        assert response.status_code == 400
        assert response.json()["field"] == "target"
    assert not Release.objects.exists()
