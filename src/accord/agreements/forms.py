"""Forms of the agreement pages. They only parse and shape input; the services decide, and
their refusals are put next to the field they name.

Forms that create something carry a client key made when the page was drawn, so a double
submit reaches the service twice with the same key and is done once.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.agreements.vocabulary import SignatureMethod


def new_key() -> str:
    return uuid.uuid4().hex


class KeyedForm(forms.Form):
    client_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("client_key", new_key())


class AgreementForm(KeyedForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: “Parenting plan” or “Repayment of the loan”."),
    )
    body = forms.CharField(
        label=_("Text of the agreement"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Write plainly. You can use Markdown: a line starting with ## is a heading, "
            "- starts a list, **bold** is bold."
        ),
    )
    contract_intended = forms.BooleanField(
        label=_("We intend this to be a binding contract once everyone has signed"),
        required=False,
        help_text=_(
            "Leave this unticked and the agreement records what you agreed without binding "
            "anyone. Ask a lawyer if you are unsure."
        ),
    )


class ReviseForm(forms.Form):
    body = AgreementForm.base_fields["body"]
    contract_intended = AgreementForm.base_fields["contract_intended"]
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CommentForm(KeyedForm):
    body = forms.CharField(
        label=_("Your comment"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SignForm(forms.Form):
    """The ceremony: consent (once per agreement), intent, and step-up. Nothing is ticked in
    advance. The hash the signer was shown travels with the form and must still match."""

    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self,
        *args: Any,
        method: SignatureMethod | None,
        needs_consent: bool,
        number: int,
        short_hash: str,
        clients: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if clients:
            self.fields["principal"] = forms.ChoiceField(
                label=_("You are signing for"),
                choices=clients,
                help_text=_("Only clients who recorded that you may sign this version are listed."),
            )
        if needs_consent:
            self.fields["consent"] = forms.BooleanField(
                label=_("I agree to sign electronically"),
                required=False,
                help_text=_(
                    "An electronic signature here has the same effect as signing on paper. If you "
                    "prefer paper, do not tick this: ask the mediator for a printed copy to sign "
                    "instead."
                ),
            )
        self.fields["intent"] = forms.BooleanField(
            label=_(
                "I have read version %(n)d (fingerprint %(hash)s) and I sign it as it is written"
            )
            % {"n": number, "hash": short_hash},
            required=False,
        )
        if method == SignatureMethod.TOTP:
            self.fields["code"] = forms.CharField(
                label=_("6-digit code from your authenticator app"),
                required=False,
                max_length=12,
                widget=forms.TextInput(
                    attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
                ),
                help_text=_(
                    "Signing asks you to confirm who you are, even though you are signed in."
                ),
            )
        elif method == SignatureMethod.PASSWORD:
            self.fields["password"] = forms.CharField(
                label=_("Your password"),
                required=False,
                strip=False,
                widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                help_text=_(
                    "Signing asks you to confirm who you are, even though you are signed in."
                ),
            )


class AuthorityForm(forms.Form):
    def __init__(self, *args: Any, advocates: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advocate"] = forms.ChoiceField(label=_("Your advocate"), choices=advocates)
