"""Template helpers of the workspace."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`mapping|get_item:key`, for dicts keyed by ids."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
