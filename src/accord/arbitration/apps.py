from __future__ import annotations

from django.apps import AppConfig


class ArbitrationConfig(AppConfig):
    name = "accord.arbitration"
    label = "arbitration"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # An arbitration starts only once every side signed its arbitration agreement: cases
        # asks the start checks other apps register, so it need not depend on arbitration.
        from accord.arbitration.selectors import arbitration_agreement_blockers
        from accord.cases.checks import register_start_check

        register_start_check(arbitration_agreement_blockers)
