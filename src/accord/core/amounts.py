"""Money amounts as people type them, in their own language's way of writing numbers.

"2 500,50" is two thousand five hundred and a half to a French speaker and nonsense to an
English one; "2,500" is two thousand five hundred in English and two and a half in French.
Guessing wrong silently moves a sum by a factor of a thousand, so pages parse what a person
typed with Babel's locale data (strictly: a grouping that does not fit the language is
refused, not guessed), and the services and the JSON API take only the canonical form
("2500.50").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal
from django import forms
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

# Any kind of space a person or a keyboard may put between groups of digits.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def parse_amount(text: str, *, language: str | None = None) -> Decimal:
    """The amount `text` means in `language` (default: the active one).

    Spaces of any kind between digits are read as that language's group separator; a point
    is also taken as the decimal separator in French (keyboards have one). Raises
    ValueError when the text is not a number in that language, or is ambiguous.

    >>> parse_amount("2 500,50", language="fr"), parse_amount("2,500.50", language="en")
    (Decimal('2500.50'), Decimal('2500.50'))
    """
    locale = translation.to_locale(language or translation.get_language() or "en")
    cleaned = _SPACES.sub(get_group_symbol(locale), text.strip())
    if not cleaned:
        raise ValueError("empty")
    try:
        return Decimal(parse_decimal(cleaned, locale=locale, strict=True))
    except NumberFormatError as error:
        raise ValueError(str(error)) from None


def amount_input(value: Decimal | None) -> str:
    """How an amount is shown back in a form field, in the active language ("2500,50")."""
    return "" if value is None else str(formats.localize_input(value))


class AmountField(forms.Field):
    """A money amount typed in the page's language; cleans to a Decimal, or None when left
    empty and not required. Range and precision are the services' to judge."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Enter an amount such as %(example)s."),
    }
    MAX_LENGTH = 30

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {
            **super().widget_attrs(widget),
            "inputmode": "decimal",
            "maxlength": str(self.MAX_LENGTH),
        }

    def to_python(self, value: Any) -> Decimal | None:
        text = "" if value in self.empty_values else str(value).strip()
        if not text:
            return None
        try:
            if len(text) > self.MAX_LENGTH:
                raise ValueError("too long")
            return parse_amount(text)
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": amount_input(Decimal("2500.50"))},
            ) from None
