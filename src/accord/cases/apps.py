from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "accord.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Case invitations are joined in the same click that uses the magic link.
        from accord.accounts.invitations import register
        from accord.cases.invitations import CaseInvitation

        register(CaseInvitation())
