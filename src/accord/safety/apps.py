from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "accord.safety"
    label = "safety"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A mediation or parenting coordination starts only once screened (issue 8): cases
        # asks the checks other apps register, so it need not depend on safety.
        from accord.cases.checks import register_start_check, register_step_check
        from accord.safety.selectors import screening_blockers, screening_steps

        register_start_check(screening_blockers)
        register_step_check(screening_steps)
