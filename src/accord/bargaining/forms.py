"""Forms of the workspace pages: they only parse and shape what people type; the services
decide. Fields get aria-describedby / aria-invalid when they carry an error.

Dates are typed as text and read by Django's localisation: each language's own input
formats (French 15/04/2026, English 2026-04-15, ISO in both) and written back in the first
of them, with an example in the field's help.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accord.bargaining.models import AgendaIssue
from accord.bargaining.vocabulary import (
    InterestCategory,
    InterestKind,
    IssueKind,
    PreferenceVisibility,
    Relation,
)
from accord.core.amounts import AmountField


def new_key() -> str:
    """A fresh idempotency key for a form: a double submit of the same page does it once."""
    return uuid.uuid4().hex


class AccessibleForm(forms.Form):
    """Marks fields with errors for assistive technology, next to the field's own message."""

    def full_clean(self) -> None:
        super().full_clean()
        self.mark_errors()

    def mark_errors(self) -> None:
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                # The error first, then the field's help (whose id Django gives "_helptext").
                described = [f"{self[name].auto_id}_error"]
                if self.fields[name].help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                attrs["aria-describedby"] = " ".join(described)

    def service_error(self, field: str | None, message: str) -> None:
        """Put a service's refusal next to the field it names (or above the form)."""
        self.add_error(field if field in self.fields else None, message)
        self.mark_errors()


def date_example(day: dt.date | None = None) -> str:
    """How to type a date in the reader's language: an example in its first input format."""
    return gettext("For example %(example)s") % {
        "example": formats.localize_input(day or dt.date(2026, 4, 15))
    }


def date_field(label: Any, *, example: dt.date | None = None) -> forms.DateField:
    """An optional date typed in the reader's own format (see the module docstring). Made
    when the form is, so the example is in the language of the request."""
    return forms.DateField(
        label=label,
        required=False,
        localize=True,
        help_text=date_example(example),
        widget=forms.DateInput(attrs={"autocomplete": "off", "class": "date"}),
    )


class DateAssentForm(AccessibleForm):
    """A side's yes to one date of a date issue (the service checks it is in the range)."""

    date = forms.DateField(
        localize=True, widget=forms.DateInput(attrs={"autocomplete": "off", "class": "date"})
    )


class IssueForm(AccessibleForm):
    title = forms.CharField(label=_("Issue"), max_length=120)
    kind = forms.ChoiceField(
        label=_("How can it be settled?"), choices=IssueKind.choices, widget=forms.RadioSelect
    )
    options = forms.CharField(
        label=_("Options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a choice: at least two."),
    )
    range_min = AmountField(label=_("Lowest amount"), required=False)
    range_max = AmountField(label=_("Highest amount"), required=False)
    unit = forms.CharField(label=_("Unit (for example EUR)"), required=False, max_length=20)
    date_min = forms.DateField(
        label=_("Earliest date"),
        required=False,
        localize=True,
        widget=forms.DateInput(attrs={"autocomplete": "off", "class": "date"}),
    )
    date_max = forms.DateField(
        label=_("Latest date"),
        required=False,
        localize=True,
        widget=forms.DateInput(attrs={"autocomplete": "off", "class": "date"}),
    )
    client_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("date_min", "date_max"):
            self.fields[name].help_text = date_example()

    def option_list(self) -> list[str]:
        return [line for line in self.cleaned_data.get("options", "").splitlines() if line.strip()]


class InterestForm(AccessibleForm):
    issue = forms.ChoiceField(label=_("Issue"))
    kind = forms.ChoiceField(
        label=_("What are you writing down?"),
        choices=InterestKind.choices,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(
        label=_("If it is why it matters: is it…"),
        choices=[("", _("—")), *InterestCategory.choices],
        required=False,
    )
    text = forms.CharField(
        label=_("In your own words"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only your side and the mediator can read this, unless you choose to share it."
        ),
    )
    client_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, issues: list[AgendaIssue], with_mediator: bool = True, **kwargs: Any
    ) -> None:
        # Its own ids: the page also holds the issue form's "kind" and the bidding's "issue".
        kwargs.setdefault("auto_id", "interest_%s")
        super().__init__(*args, **kwargs)
        if not with_mediator:
            self.fields["text"].help_text = _(
                "Only your side can read this, unless you choose to share it."
            )
        field = self.fields["issue"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [(str(i.id), i.title) for i in issues]


class LinkDecisionForm(AccessibleForm):
    relation = forms.ChoiceField(label=_("They are"), choices=Relation.choices)
    summary = forms.CharField(
        label=_("What they both care about, in your words"),
        required=False,
        max_length=300,
        help_text=_("The parties see this once both have allowed their words to be shared."),
    )


def _points_field(label: Any, *, slider: bool) -> forms.IntegerField:
    widget: forms.Widget = (
        forms.NumberInput(
            attrs={"type": "range", "min": 0, "max": 100, "step": 5, "class": "slider"}
        )
        if slider
        else forms.NumberInput(
            attrs={"min": 0, "max": 100, "inputmode": "numeric", "class": "points"}
        )
    )
    return forms.IntegerField(
        label=label, min_value=0, max_value=100, required=False, widget=widget
    )


class PreferenceForm(AccessibleForm):
    """Points over the issues (they must add up to 100), a slider per option, the walk-away
    point and who may see them. Fields are named by the ids the service expects."""

    reservation = _points_field(_("Your walk-away point"), slider=True)
    visibility = forms.ChoiceField(
        label=_("Who may see these answers besides your side?"),
        choices=PreferenceVisibility.choices,
        widget=forms.RadioSelect,
        initial=PreferenceVisibility.BLIND,
    )

    def __init__(self, *args: Any, issues: list[AgendaIssue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issues = issues
        for issue in issues:
            self.fields[f"weight_{issue.id}"] = _points_field(
                _("Points for “%(issue)s”") % {"issue": issue.title}, slider=False
            )
            if issue.kind == IssueKind.OPTIONS:
                for option in issue.options.all():
                    self.fields[f"score_{option.id}"] = _points_field(option.label, slider=True)
            elif issue.kind == IssueKind.DATES:
                earliest, latest = issue.date_bounds()
                self.fields[f"best_{issue.id}"] = date_field(
                    _("Your best date for “%(issue)s”") % {"issue": issue.title},
                    example=earliest + (latest - earliest) / 2,
                )
                self.fields[f"falloff_{issue.id}"] = forms.IntegerField(
                    label=_("After how many days away from it is a date no good to you?"),
                    help_text=_(
                        "For example 30: a date 15 days away is worth half as much to you, "
                        "one 30 days away or more, nothing."
                    ),
                    min_value=1,
                    max_value=3660,
                    required=False,
                    widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
                )
            else:
                low, high = issue.bounds()
                self.fields[f"low_{issue.id}"] = _points_field(
                    _("%(amount)s %(unit)s") % {"amount": low, "unit": issue.unit}, slider=True
                )
                self.fields[f"high_{issue.id}"] = _points_field(
                    _("%(amount)s %(unit)s") % {"amount": high, "unit": issue.unit}, slider=True
                )

    def groups(self) -> list[dict[str, Any]]:
        """Per issue, its points field, its score sliders and (dates) its plain fields."""
        result = []
        for issue in self.issues:
            fields: list[forms.BoundField] = []
            if issue.kind == IssueKind.OPTIONS:
                scores = [self[f"score_{o.id}"] for o in issue.options.all()]
            elif issue.kind == IssueKind.DATES:
                scores, fields = [], [self[f"best_{issue.id}"], self[f"falloff_{issue.id}"]]
            else:
                scores = [self[f"low_{issue.id}"], self[f"high_{issue.id}"]]
            result.append(
                {
                    "issue": issue,
                    "weight": self[f"weight_{issue.id}"],
                    "scores": scores,
                    "fields": fields,
                }
            )
        return result


class ProposalForm(AccessibleForm):
    deadline = forms.DateTimeField(
        label=_("Answers are due by"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    note = forms.CharField(
        label=_("A word to the parties (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    client_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, issues: list[AgendaIssue], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "proposal_%s")  # the issue form has a client_key too
        super().__init__(*args, **kwargs)
        self.issues = issues
        for issue in issues:
            name = f"term_{issue.id}"
            if issue.kind == IssueKind.OPTIONS:
                self.fields[name] = forms.ChoiceField(
                    label=issue.title,
                    required=False,
                    choices=[
                        ("", _("— leave out —")),
                        *((str(o.id), o.label) for o in issue.options.all()),
                    ],
                )
            elif issue.kind == IssueKind.DATES:
                self.fields[name] = date_field(issue.title, example=issue.date_bounds()[0])
            else:
                self.fields[name] = AmountField(
                    label=f"{issue.title} ({issue.unit})" if issue.unit else issue.title,
                    required=False,
                )

    def term_fields(self) -> list[forms.BoundField]:
        return [self[f"term_{issue.id}"] for issue in self.issues]


class ItemForm(AccessibleForm):
    name = forms.CharField(label=_("Item to divide"), max_length=120)


class ValuationForm(AccessibleForm):
    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"item_{item.id}"] = _points_field(item.name, slider=False)


class BiddingForm(AccessibleForm):
    """Its own ids: the page also holds the notes form's "issue"."""

    issue = forms.ChoiceField(label=_("Amount issue"))
    payer = forms.ChoiceField(label=_("Who pays?"))
    band_percent = AmountField(
        label=_("Settle when the figures are within this percentage of the demand"),
        required=False,
        initial=Decimal("30"),
    )
    band_absolute = AmountField(
        label=_("…or within this amount"), required=False, initial=Decimal("5000")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "bidding_%s")
        super().__init__(*args, **kwargs)


class BidForm(AccessibleForm):
    amount = AmountField(
        label=_("Your figure"),
        help_text=_("Only your side ever sees it. The other side learns only the result."),
    )
