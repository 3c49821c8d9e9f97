"""Driving Debian's Chromium: where it is, how it is started, and the fresh context and page
each test gets (requests that leave the live server are refused and logged)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.browser.evidence import BrowserLog

__all__ = ["CHROMIUM_ARGS", "chromium_executable", "new_context", "new_page"]

DEFAULT_CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 15_000  # a local server, but a busy two-core machine: longer is a failure
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> Path:
    """``KATASTER_CHROMIUM``, else Debian's ``/usr/bin/chromium`` (which may be missing)."""
    return Path(os.environ.get("KATASTER_CHROMIUM") or DEFAULT_CHROMIUM)


def new_context(
    browser: Browser, live_server: str, log: BrowserLog, *, javascript: bool = True
) -> BrowserContext:
    """A fresh context on the live server whose requests elsewhere are refused and logged."""
    context = browser.new_context(
        base_url=live_server,
        locale="de-DE",
        java_script_enabled=javascript,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    origin = urlsplit(live_server).netloc

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == origin or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            log.outside_requests.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    return context


def new_page(context: BrowserContext, log: BrowserLog) -> Page:
    page = context.new_page()
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    return page
