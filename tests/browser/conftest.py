"""Browser tests: the registry served live and driven in headless Chromium.

How the suite finds its browser
    Debian's ``chromium`` package, driven by Playwright for Python. Playwright's own browser
    builds are never used or downloaded: the executable is always given explicitly, from the
    environment variable ``KATASTER_CHROMIUM`` or else ``/usr/bin/chromium``
    (``apt-get install chromium``). When it is missing the browser tests are skipped, with the
    reason, unless ``KATASTER_REQUIRE_BROWSER=1`` is set (CI sets it): then they fail.

What the browser may do
    One Chromium for the whole session (Playwright gives it a fresh, temporary user-data
    folder), started with every background service off, so it never tries the network. Each
    test gets its own context (cookies, language) and page. Every request that leaves the
    live server is refused and recorded; console errors, page errors and the Content Security
    Policy violations Chromium reports on the console are recorded too (:class:`BrowserLog`).

What it looks at
    The registry (``registry.app.create_app``) on a free 127.0.0.1 port, served by werkzeug in
    a background thread, over a SQLite database filled once per session by the demo builder
    (``registry.demo.build_demo``). Screenshots of every page type go to
    ``build/screenshots/`` at the repository root, and one of the page a failing test ended on
    to ``build/screenshots/failed/``.

The files: ``chromium.py`` (the browser and each test's context), ``demo.py`` (the data),
``pages.py`` (the page types and what a person does on them), ``accessibility.py`` (axe-core),
``evidence.py`` (the browser's log, screenshots); the tests are ``test_*.py``.

Playwright talks to its driver over pipes, and Chromium is a process of its own that only
reaches the live server on 127.0.0.1, so pytest-socket (``--allow-hosts=127.0.0.1,::1``, even
with ``--disable-socket``) needs no exception.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from werkzeug.serving import make_server

from registry.app import create_app
from tests.browser.chromium import CHROMIUM_ARGS, chromium_executable, new_context, new_page
from tests.browser.demo import DemoFacts, build_demo_database, demo_facts
from tests.browser.evidence import (
    CALL_REPORT,
    BrowserLog,
    clear_failed_screenshots,
    screenshot_if_failed,
)

# --- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The Chromium to drive; skips (or fails, under KATASTER_REQUIRE_BROWSER=1) without one."""
    path = chromium_executable()
    if path.is_file() and os.access(path, os.X_OK):
        return path
    reason = (
        f"no Chromium at {path}: install Debian's chromium or set KATASTER_CHROMIUM "
        "to the browser's executable"
    )
    if os.environ.get("KATASTER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (KATASTER_REQUIRE_BROWSER=1 requires the browser)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """One headless Chromium for the session (and a screenshot folder without old failures)."""
    clear_failed_screenshots()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


# --- the application -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFacts:
    """A SQLite database filled once by the demo builder, and what the tests need to know."""
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'kataster.db'}"
    build_demo_database(folder / "demo", url)
    return demo_facts(url)


@pytest.fixture(scope="session")
def live_server(demo: DemoFacts) -> Iterator[str]:
    """The registry on a free 127.0.0.1 port; its base URL (no trailing slash)."""
    app = create_app({"KATASTER_DATABASE_URL": demo.database_url})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


# --- one context and page per test ---------------------------------------------------------


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def context(
    browser: Browser, live_server: str, browser_log: BrowserLog
) -> Iterator[BrowserContext]:
    context = new_context(browser, live_server, browser_log)
    yield context
    context.close()


@pytest.fixture
def page(
    request: pytest.FixtureRequest, context: BrowserContext, browser_log: BrowserLog
) -> Iterator[Page]:
    """A page in this test's context; when the test fails, a screenshot of where it ended."""
    page = new_page(context, browser_log)
    yield page
    screenshot_if_failed(request, page)


@pytest.fixture
def static_page(
    request: pytest.FixtureRequest, browser: Browser, live_server: str, browser_log: BrowserLog
) -> Iterator[Page]:
    """A page in a context with JavaScript switched off."""
    context = new_context(browser, live_server, browser_log, javascript=False)
    page = new_page(context, browser_log)
    yield page
    screenshot_if_failed(request, page)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep the call phase's report on the item, so fixtures can tell that a test failed."""
    report = yield
    if report.when == "call":
        item.stash[CALL_REPORT] = report
    return report
