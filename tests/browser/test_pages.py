"""Every page type, in German and in English (switched with the visible language switch on
the page itself): it answers, it is accessible by axe-core, and the browser reports nothing
wrong (no console error, no CSP violation, no request leaving the server).

Each page is opened once in a context of its own and the tests look at it in turn; a
screenshot of each goes to build/screenshots/<page type>-<language>.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, Response

from tests.browser.accessibility import axe_violations, blocking, describe
from tests.browser.chromium import new_context, new_page
from tests.browser.demo import DemoFacts
from tests.browser.evidence import BrowserLog, screenshot, screenshot_if_failed
from tests.browser.pages import PAGE_TYPES, PageType

LANGUAGES = ("de", "en")

# Chromium reports the 404 of the page itself on the console; that one is expected.
_NOT_FOUND_LINE = re.compile(r"status of 404 .*\(http://[^/]+/gibt-es-nicht\)")


_WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const over = e => e.getBoundingClientRect().right > width + 1;
  return [...document.querySelectorAll('body *')]
    .filter(e => over(e) && ![...e.children].some(over))
    .filter(e => !e.closest('[tabindex="0"], pre'))
    .slice(0, 8)
    .map(e => `${e.outerHTML.slice(0, 160)} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`);
}"""
"""The innermost elements sticking out on the right, outside regions that scroll on purpose."""


@dataclass(frozen=True)
class Opened:
    page: Page
    name: str  # <page type>-<language>
    page_type: PageType
    language: str
    response: Response
    log: BrowserLog


@pytest.fixture(
    scope="class",
    params=[(t, lang) for t in PAGE_TYPES for lang in LANGUAGES],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def opened(
    request: pytest.FixtureRequest, browser: Browser, live_server: str, demo: DemoFacts
) -> Iterator[Opened]:
    """A page of each type, opened in each language in a context of its own."""
    page_type, language = request.param
    log = BrowserLog()
    context = new_context(browser, live_server, log)
    try:
        page = new_page(context, log)
        response = page_type.open(page, demo, language)
        page.wait_for_load_state("load")
        name = f"{page_type.name}-{language}"
        screenshot(page, name)
        yield Opened(page, name, page_type, language, response, log)
    finally:
        context.close()


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request: pytest.FixtureRequest, opened: Opened) -> Iterator[None]:
    yield
    screenshot_if_failed(request, opened.page)


class TestEveryPageType:
    def test_answers_with_its_status_in_its_language(self, opened: Opened) -> None:
        assert opened.response.status == opened.page_type.status, opened.page.url
        assert opened.page.locator("html").get_attribute("lang") == opened.language

    def test_has_no_serious_or_critical_accessibility_violations(self, opened: Opened) -> None:
        violations = axe_violations(opened.page)
        assert not blocking(violations), (
            f"axe on {opened.name} ({opened.page.url}):\n{describe(violations)}"
        )

    def test_reflows_to_320_css_pixels_without_scrolling_sideways(self, opened: Opened) -> None:
        """WCAG 1.4.10: at 320 CSS pixels wide (400 % zoom) nothing needs a sideways scroll
        (wide tables may scroll inside their own region)."""
        page = opened.page
        size = page.viewport_size
        page.set_viewport_size({"width": 320, "height": 640})
        try:
            overflow = page.evaluate(_WIDER_THAN_VIEWPORT)
            if overflow:
                screenshot(page, f"failed/{opened.name}-320px")
        finally:
            if size is not None:
                page.set_viewport_size(size)
        assert not overflow, f"{opened.name}: wider than 320px: {overflow}"

    def test_reports_no_console_error_csp_violation_or_outside_request(
        self, opened: Opened
    ) -> None:
        problems = opened.log.problems(allow=(_NOT_FOUND_LINE,))
        assert not problems, f"{opened.name} ({opened.page.url}):\n" + "\n".join(problems)
