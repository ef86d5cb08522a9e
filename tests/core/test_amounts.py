"""Amounts typed in a person's language: read as that language writes numbers, and refused
(never guessed) when they do not fit it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accord.core.amounts import AmountField, amount_input, parse_amount


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("en", "2500", "2500"),
        ("en", "2,500", "2500"),
        ("en", "2,500.50", "2500.50"),
        ("en", " 2 500.50 ", "2500.50"),  # spaces between groups
        ("fr", "2500", "2500"),
        ("fr", "2 500,50", "2500.50"),
        ("fr", "2\u00a0500,50", "2500.50"),  # no-break space
        ("fr", "2\u202f500,50", "2500.50"),  # narrow no-break space, as French typesets it
        ("fr", "2,5", "2.5"),
        ("fr", "2,500", "2.500"),  # two and a half in French
        ("fr", "2500.50", "2500.50"),  # a point on a Canadian keyboard
    ],
)
def test_amounts_read_as_the_language_writes_them(language, typed, meant):
    assert parse_amount(typed, language=language) == Decimal(meant)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "2500,50"),  # a decimal comma on an English page
        ("en", "2,50"),
        ("en", "1,2,3"),
        ("fr", "2,500.50"),  # English grouping on a French page
        ("en", "lots"),
        ("fr", ""),
        ("en", "   "),
    ],
)
def test_what_does_not_fit_the_language_is_refused(language, typed):
    with pytest.raises(ValueError):
        parse_amount(typed, language=language)


def test_the_active_language_is_the_default():
    with translation.override("fr"):
        assert parse_amount("1 000,25") == Decimal("1000.25")
        assert amount_input(Decimal("1000.25")) == "1000,25"
    with translation.override("en"):
        assert parse_amount("1,000.25") == Decimal("1000.25")
        assert amount_input(Decimal("1000.25")) == "1000.25"
    assert amount_input(None) == ""


def test_the_form_field_explains_with_an_example_in_the_language():
    field = AmountField(required=False)
    assert field.clean("") is None
    with translation.override("fr"):
        assert field.clean("2 500,50") == Decimal("2500.50")
        with pytest.raises(ValidationError) as refused:
            field.clean("2,500.50")
    assert "2500,50" in str(refused.value)
    with translation.override("en"), pytest.raises(ValidationError) as too_long:
        field.clean("1" * 31)
    assert "2500.50" in str(too_long.value)
    assert field.widget.attrs["inputmode"] == "decimal"
