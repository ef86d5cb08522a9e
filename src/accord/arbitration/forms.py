"""Forms of the arbitration pages. They only parse and shape input; the services decide, and
their refusals are put next to the field they name. Times are entered and shown in UTC, and
every label says so."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.agreements.forms import KeyedForm
from accord.agreements.vocabulary import SignatureMethod
from accord.arbitration.models import ScopeItem
from accord.arbitration.vocabulary import SubmissionKind
from accord.cases.models import Side
from accord.core.amounts import AmountField


class UtcDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def _utc_field(label: Any, **kwargs: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        widget=UtcDateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        **kwargs,
    )


class TermsForm(forms.Form):
    scope = forms.CharField(
        label=_("The questions the arbitrator decides"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One question per line. The award decides these and nothing else."),
    )
    rules = forms.CharField(
        label=_("Rules"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How the arbitration runs and which law applies, in plain words."),
    )
    award_days = forms.IntegerField(
        label=_("Days the arbitrator has for the award, after the last deadline"),
        min_value=1,
        max_value=365,
        initial=30,
    )
    max_amount = AmountField(
        label=_("Most the award may order in money (optional)"),
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    currency = forms.CharField(
        label=_("Currency"), required=False, max_length=3, help_text=_("For example CAD, EUR, USD.")
    )
    other_terms = forms.CharField(
        label=_("Other terms (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, sides: list[Side], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sides = sides
        for side in sides:
            self.fields[f"deadline_{side.position}"] = _utc_field(
                _("Deadline for %(side)s's submissions and evidence (UTC)") % {"side": side.label}
            )
        order = ["scope", "rules"] + [f"deadline_{s.position}" for s in sides]
        self.order_fields([*order, "award_days", "max_amount", "currency", "other_terms"])

    def questions(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["scope"].splitlines() if line.strip()]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SubmissionForm(KeyedForm):
    kind = forms.ChoiceField(
        label=_("What you are filing"),
        choices=SubmissionKind.choices,
        widget=forms.RadioSelect,
        initial=SubmissionKind.STATEMENT,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Your side's account, arguments or a description of the evidence."),
    )
    attachments = MultipleFileField(
        label=_("Files (optional)"),
        required=False,
        help_text=_("PDF, PNG, JPEG or plain text; up to 5 files of 10 MB each."),
    )


class HearingForm(forms.Form):
    starts_at = _utc_field(_("Date and time (UTC)"))
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    link = forms.CharField(
        label=_("Video link"),
        required=False,
        max_length=300,
        help_text=_("A full web address starting with https://."),
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AwardForm(forms.Form):
    """The reasons, then one decision (and an optional amount) per question of the scope."""

    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Why you decided as you did. You can use Markdown."),
    )

    def __init__(self, *args: Any, scope: list[ScopeItem], currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        for item in scope:
            self.fields[f"decision_{item.position}"] = forms.CharField(
                label=_("Decision on question %(n)d: %(question)s")
                % {"n": item.position, "question": item.question},
                required=False,
                max_length=5_000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"amount_{item.position}"] = AmountField(
                label=_("Amount ordered for question %(n)d (optional, %(currency)s)")
                % {"n": item.position, "currency": currency or _("no currency set")},
                required=False,
            )


class AwardSignForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    intent = forms.BooleanField(
        label=_("I have read this award and I sign and issue it as my binding decision"),
        required=False,
    )

    def __init__(self, *args: Any, method: SignatureMethod | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if method == SignatureMethod.TOTP:
            self.fields["code"] = forms.CharField(
                label=_("6-digit code from your authenticator app"),
                required=False,
                max_length=12,
                widget=forms.TextInput(
                    attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
                ),
            )
        elif method == SignatureMethod.PASSWORD:
            self.fields["password"] = forms.CharField(
                label=_("Your password"),
                required=False,
                strip=False,
                widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            )
