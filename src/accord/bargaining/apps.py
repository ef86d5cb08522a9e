from django.apps import AppConfig


class BargainingConfig(AppConfig):
    name = "accord.bargaining"
    label = "bargaining"
    default_auto_field = "django.db.models.BigAutoField"
