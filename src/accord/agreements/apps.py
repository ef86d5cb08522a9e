from __future__ import annotations

from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "accord.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # "Agreement" and "partial agreement" rest on a text every side signed: cases asks
        # the end checks other apps register, so it need not depend on agreements.
        from accord.agreements.selectors import settlement_end_blockers
        from accord.cases.checks import register_end_check

        register_end_check(settlement_end_blockers)
