"""What a browser test leaves behind to be looked at: a log of what went wrong in the
browser, and screenshots in build/screenshots/ at the repository root."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Error

__all__ = [
    "CALL_REPORT",
    "SCREENSHOTS",
    "BrowserLog",
    "clear_failed_screenshots",
    "screenshot",
    "screenshot_if_failed",
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CALL_REPORT = pytest.StashKey[pytest.TestReport]()
"""The report of a test's call phase, kept on its item (conftest's makereport hook)."""
_SCREENSHOT_TIMEOUT_MS = 20_000  # a long page, full length, takes a while


@dataclass
class BrowserLog:
    """What went wrong in the browser while a test ran: console errors (CSP violations among
    them), uncaught page errors and requests that tried to leave the live server."""

    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        where = message.location.get("url", "")
        if message.type in ("error", "warning") and not where.endswith("/favicon.ico"):
            # The favicon is fetched whenever Chromium likes; test_site_icon looks at it.
            self.console.append(f"{message.type}: {message.text} ({where})")

    def on_page_error(self, error: Error) -> None:
        self.page_errors.append(str(error))

    def problems(self, *, allow: tuple[re.Pattern[str], ...] = ()) -> list[str]:
        """Every recorded problem, except console lines matching one of ``allow``."""
        console = [line for line in self.console if not any(p.search(line) for p in allow)]
        outside = [f"request outside the live server: {url}" for url in self.outside_requests]
        return console + self.page_errors + outside

    def csp_violations(self) -> list[str]:
        return [line for line in self.console if "Content Security Policy" in line]


def clear_failed_screenshots() -> None:
    """Make the screenshot folder; forget the failures of earlier runs."""
    shutil.rmtree(SCREENSHOTS / "failed", ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot ``build/screenshots/<name>.png``."""
    path = SCREENSHOTS / f"{_file_name(name)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True, timeout=_SCREENSHOT_TIMEOUT_MS)
    return path


def screenshot_if_failed(request: pytest.FixtureRequest, page: Page) -> None:
    report = request.node.stash.get(CALL_REPORT, None)
    if report is not None and report.failed and not page.is_closed():
        screenshot(page, f"failed/{request.node.nodeid.split('::', 1)[-1]}")


def _file_name(name: str) -> str:
    return re.sub(r"[^\w./-]+", "-", name).strip("-")
