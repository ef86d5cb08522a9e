"""Browser tests: Debian's chromium driven by Playwright, in their own pytest process.

Playwright's sync API runs an event loop in the test thread, so Django's ORM calls made by
the test itself need DJANGO_ALLOW_ASYNC_UNSAFE (here only, never in the app).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


ROOT = Path(__file__).resolve().parents[2]
# axe-core comes from npm (package.json's devDependencies), installed by `make assets`.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Saved on every run as test artifacts; `make screenshots` copies them to docs/ for the README.
SCREENSHOTS = ROOT / "test-results" / "screenshots"


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run `make assets` (npm ci)")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id} (${v.impact}): ${v.help} at ` +
                      v.nodes.map(n => n.target.join(" ")).join(", "))"""
    )
    return list(violations)


@pytest.fixture
def accessible():
    """Call with a page: fails on any serious or critical axe-core violation."""

    def check(page) -> None:
        found = serious_accessibility_violations(page)
        assert found == [], f"{page.url}:\n" + "\n".join(found)

    return check


@pytest.fixture
def screenshot():
    """Call with a page and a name: saves test-results/screenshots/<name>.png."""

    def save(page, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return save


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def person(browser):
    """A factory of separate browser contexts: one per person, as in a real mediation."""
    contexts = []

    def open_context(viewport=None):
        context = browser.new_context(viewport=viewport or {"width": 1200, "height": 800})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_context
    for context in contexts:
        context.close()
