from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "accord.realtime"
    label = "realtime"
