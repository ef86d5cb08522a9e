"""What a process prepares once at start-up, so that no user request pays for it."""

from __future__ import annotations

from accord.safety import apps as safety_apps


def test_the_tone_coach_is_ready_for_every_language_once_django_has_started(settings, monkeypatch):
    assert safety_apps.warmed == {code for code, _name in settings.LANGUAGES}
    calls: list[str] = []
    monkeypatch.setattr(safety_apps, "assess", lambda text, code: calls.append(code))
    safety_apps.warm_up()
    assert calls == []  # once per process
    monkeypatch.setattr(safety_apps, "warmed", set(safety_apps.warmed))
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    safety_apps.warm_up()
    safety_apps.warm_up()
    assert calls == ["de"]
