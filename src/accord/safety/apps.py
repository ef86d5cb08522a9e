from __future__ import annotations

from django.apps import AppConfig
from django.conf import settings

from accord.safety.tone import assess

# The languages whose tone index this process has built (see `warm_up`).
warmed: set[str] = set()


def warm_up() -> None:
    """Build the tone coach's cue index for every language the site offers, once.

    Every post from a party goes through the coach, which builds a language's index on first
    use (0.2 to 0.3 s each). Left to the first post, that stalled it, and in a server every
    live room behind it on the one database thread; done at start-up (about 0.5 s per
    process, tests included: cheaper than a condition that could skip it in production),
    HTTP and WebSocket posts alike find it ready.
    """
    for code, _name in settings.LANGUAGES:
        if code not in warmed:
            assess("Warming up.", code)
            warmed.add(code)


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
        warm_up()
