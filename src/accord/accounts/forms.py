"""Forms only parse and shape input; the services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accord.accounts.models import Language


class EmailLoginForm(AuthenticationForm):
    """Django's login form with the e-mail address as the user name.

    The field keeps the name `username` so django-axes counts failures per address.
    """

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("That e-mail address and password do not match."),
        "inactive": _("This account is inactive."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class EmailLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class AcceptInvitationForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name, as others in the case will see it"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}),
    )


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=120)
    preferred_language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    message_digest = forms.BooleanField(
        label=_("E-mail me when new messages wait for me"),
        required=False,
        help_text=_(
            "At most once a day, and only when something new arrived. The e-mail names no "
            "case and quotes no message, so it tells nothing to anyone else who reads your "
            "inbox."
        ),
    )
