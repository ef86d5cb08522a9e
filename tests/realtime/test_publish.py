import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from accord.realtime.publish import publish_now, publish_on_commit

pytestmark = pytest.mark.django_db


def receive(channel):
    return async_to_sync(get_channel_layer().receive)(channel)


@pytest.fixture
def channel():
    layer = get_channel_layer()
    name = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("room.test", name)
    yield name
    async_to_sync(layer.group_discard)("room.test", name)


def test_publish_waits_for_commit(channel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_on_commit("room.test", {"type": "message.new", "id": 7})
    assert len(callbacks) == 1
    callbacks[0]()
    assert receive(channel) == {"type": "message.new", "id": 7}


def test_nothing_is_published_when_the_write_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        publish_on_commit("room.test", {"type": "message.new", "id": 8})
        raise RuntimeError("the write failed")
    assert callbacks == []


def test_an_event_needs_a_type():
    with pytest.raises(ValueError, match="needs a 'type'"):
        publish_on_commit("room.test", {"id": 1})
    with pytest.raises(ValueError, match="needs a 'type'"):
        publish_now("room.test", {"id": 1})


def test_a_failing_layer_is_logged_not_raised(monkeypatch, caplog):
    layer = get_channel_layer()

    async def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(layer, "group_send", broken)
    publish_now("room.test", {"type": "x"})
    assert "clients will catch up on reconnect" in caplog.text
