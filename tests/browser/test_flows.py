"""What a person does with the catalogue, in the browser: find, narrow, open, embed; move by
keyboard; use it without JavaScript; switch the language; check a publiccode.yml."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.demo import DemoFacts
from tests.browser.evidence import BrowserLog
from tests.browser.pages import (
    FAULTY_PUBLICCODE,
    choose_facet,
    hit_links,
    page_type,
    paste_publiccode,
    query_of,
    search_for,
    switch_language,
)

PARKING = "Parkplätze"

_FOCUS_INDICATOR = """() => {
  const e = document.activeElement;
  if (e === null || e === document.body) return {element: 'body', visible: true};
  const style = getComputedStyle(e);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {element: e.outerHTML.slice(0, 120),
          visible: outline || style.boxShadow !== 'none'};
}"""
"""The focused element, and whether an outline or a shadow shows where it is."""


def _path(url: str) -> str:
    return urlsplit(url).path


def test_a_visitor_finds_parking_software_narrows_it_opens_one_and_gets_its_badge(
    page: Page, demo: DemoFacts, browser_log: BrowserLog
) -> None:
    page.goto("/")
    search_for(page, PARKING)
    assert _path(page.url) == "/suche" and query_of(page.url)["q"] == [PARKING]
    everything = hit_links(page)
    assert everything, f"no component found for {PARKING!r}"

    choose_facet(page, "lizenz")
    permalink = page.url
    narrowed = hit_links(page)
    assert query_of(permalink)["q"] == [PARKING] and "lizenz" in query_of(permalink)
    assert narrowed and set(narrowed) < set(everything), "the licence narrowed nothing"

    page.reload()
    assert page.url == permalink, "the facet's page is not a permalink"
    assert hit_links(page) == narrowed

    _open_component_and_badge(page, demo, narrowed[0])
    assert not browser_log.problems()


def _open_component_and_badge(page: Page, demo: DemoFacts, href: str) -> None:
    """Follow a hit: its page shows the level and the checks, and its badge is an SVG."""
    with page.expect_navigation():
        page.locator(f'main a[href="{href}"]').first.click()
    level = demo.levels[int(_path(page.url).rsplit("/", 1)[-1])]
    expect(page.locator("main")).to_contain_text(
        "nicht bewertet" if level is None else f"Stufe {level}"
    )
    expect(page.get_by_role("rowheader", name=re.compile(r"^L0\.1\b"))).to_be_visible()

    badge = page.locator('main img[src$="/badge.svg"]').first.get_attribute("src")
    assert badge is not None, "the component page shows no badge"
    response = page.goto(badge)
    assert response is not None and response.ok
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text().lstrip().startswith(("<svg", "<?xml"))
    expect(page.locator("svg").first).to_be_attached()


@pytest.mark.parametrize("name", ["home", "search", "component-mature", "check"])
def test_tab_from_the_page_start_focuses_the_skip_link_and_enter_moves_focus_to_main(
    page: Page, demo: DemoFacts, name: str
) -> None:
    page.goto(page_type(name).path(demo))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("href") == "#inhalt"
    box = focused.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, "the focused skip link is hidden"
    expect(focused).to_be_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"


def test_search_and_facets_work_without_javascript(static_page: Page) -> None:
    page = static_page
    page.goto("/")
    search_for(page, PARKING)
    everything = hit_links(page)
    assert everything, f"no component found for {PARKING!r} without JavaScript"
    choose_facet(page, "lizenz")
    assert "lizenz" in query_of(page.url), f"no licence chosen: {page.url}"
    assert set(hit_links(page)) < set(everything), "the licence narrowed nothing"


def test_the_check_page_works_without_javascript(static_page: Page) -> None:
    static_page.goto("/pruefen")
    paste_publiccode(static_page, FAULTY_PUBLICCODE)
    expect(static_page.get_by_role("table", name=re.compile("^Befunde"))).to_be_visible()


def test_pasting_a_faulty_publiccode_shows_each_finding_with_its_line(
    page: Page, browser_log: BrowserLog
) -> None:
    page.goto("/pruefen")
    paste_publiccode(page, FAULTY_PUBLICCODE)
    findings = page.get_by_role("table", name=re.compile("^Befunde"))
    expect(findings).to_be_visible()
    expect(findings.get_by_role("row")).not_to_have_count(0)
    expect(findings).to_contain_text("Zeile")
    assert not browser_log.problems()


def test_the_language_switch_shows_the_same_page_in_english_and_back(
    page: Page, demo: DemoFacts
) -> None:
    path = f"/software/{demo.mature_component}"
    page.goto(path)
    switch_language(page, "English")
    assert _path(page.url) == path
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)

    switch_language(page, "Deutsch")
    assert _path(page.url) == path
    expect(page.locator("html")).to_have_attribute("lang", "de")


def test_a_content_security_policy_violation_would_be_noticed(
    page: Page, browser_log: BrowserLog
) -> None:
    """The console listener behind every page test does see CSP violations: an inline script
    added to the page is refused and reported."""
    page.goto("/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'document.body.dataset.ran = "yes"';
                   document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.locator("body").get_attribute("data-ran") is None
    assert browser_log.csp_violations(), browser_log.console


def test_the_browser_finds_a_site_icon(page: Page) -> None:
    """Without one, every first visit logs a 404 for /favicon.ico on the console."""
    page.goto("/")
    declared = page.locator("link[rel~=icon]")
    href = declared.first.get_attribute("href") if declared.count() else "/favicon.ico"
    assert href is not None
    response = page.request.get(href)
    assert response.ok, f"the site icon {href} answered {response.status}"


@pytest.mark.parametrize("name", ["search", "component-mature", "check"])
def test_every_element_reached_by_tab_shows_where_the_focus_is(
    page: Page, demo: DemoFacts, name: str
) -> None:
    path = page_type(name).path(demo)
    page.goto(path)
    unmarked = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_INDICATOR)
        if not focus["visible"]:
            unmarked.append(focus["element"])
    assert not unmarked, f"no visible focus on {path}: {unmarked}"
