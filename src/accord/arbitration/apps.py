from django.apps import AppConfig


class ArbitrationConfig(AppConfig):
    name = "accord.arbitration"
    label = "arbitration"
    default_auto_field = "django.db.models.BigAutoField"
