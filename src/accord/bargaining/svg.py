"""The frontier picture for the mediator: an inline SVG drawn on the server (no script, no
library). Points are each package's points for the two sides; the Nash and Kalai-Smorodinsky
packages get their own shapes and text labels, so nothing is told by colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

_SIZE = 300
_PAD = 40


def _xy(a: float, b: float) -> tuple[float, float]:
    span = _SIZE - 2 * _PAD
    return _PAD + a / 100 * span, _SIZE - _PAD - b / 100 * span


def frontier_svg(
    points: Sequence[tuple[float, float, str]], labels: tuple[str, str] = ("", "")
) -> SafeString:
    """An accessible SVG of the packages (first side's points across, second's up)."""
    if not points:
        return mark_safe("")
    first, second = labels
    title = escape(_("Packages where nothing is better for one side without costing the other"))
    parts = [
        f'<svg viewBox="0 0 {_SIZE} {_SIZE}" role="img" aria-labelledby="frontier-title" '
        'class="frontier" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="frontier-title">{title}</title>',
        f'<line x1="{_PAD}" y1="{_SIZE - _PAD}" x2="{_SIZE - _PAD}" y2="{_SIZE - _PAD}" '
        'class="axis"/>',
        f'<line x1="{_PAD}" y1="{_PAD}" x2="{_PAD}" y2="{_SIZE - _PAD}" class="axis"/>',
        f'<text x="{_SIZE / 2}" y="{_SIZE - 8}" text-anchor="middle">'
        f"{escape(first or _('First side'))} →</text>",
        f'<text x="12" y="{_SIZE / 2}" text-anchor="middle" '
        f'transform="rotate(-90 12 {_SIZE / 2})">{escape(second or _("Second side"))} →</text>',
    ]
    for a, b, kind in points:
        x, y = _xy(a, b)
        if kind == "nash":
            parts.append(
                f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" class="nash"/>'
            )
            parts.append(f'<text x="{x + 9:.1f}" y="{y - 8:.1f}">{escape(_("Nash"))}</text>')
        elif kind == "ks":
            parts.append(
                f'<polygon points="{x:.1f},{y - 7:.1f} {x + 7:.1f},{y + 6:.1f} '
                f'{x - 7:.1f},{y + 6:.1f}" class="ks"/>'
            )
            parts.append(f'<text x="{x + 9:.1f}" y="{y + 14:.1f}">{escape(_("K-S"))}</text>')
        elif kind == "baseline":
            parts.append(
                f'<path d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}'
                f'M{x + 5:.1f},{y - 5:.1f}L{x - 5:.1f},{y + 5:.1f}" class="draft"/>'
            )
            parts.append(f'<text x="{x + 8:.1f}" y="{y + 4:.1f}">{escape(_("Draft"))}</text>')
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" class="point"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped above
