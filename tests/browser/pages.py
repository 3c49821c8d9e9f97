"""The page types the browser tests visit, how a person reaches each, and what a person does
on them (search, choose a facet, switch the language, paste a publiccode.yml).

The steps use what a person sees: roles, labels, visible links, the form's own button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, Response

from tests.browser.demo import DemoFacts

__all__ = [
    "FAULTY_PUBLICCODE",
    "PAGE_TYPES",
    "PageType",
    "choose_facet",
    "hit_links",
    "page_type",
    "paste_publiccode",
    "query_of",
    "search_for",
    "switch_language",
]

FAULTY_PUBLICCODE = """\
publiccodeYmlVersion: "0.4"
name: Parkplatzfinder
url: "https://example.org/parkplatzfinder.git"
softwareVersion: 1.0
platforms: [web]
categories: [gibt-es-nicht]
developmentStatus: fertig
softwareType: standalone/web
description:
  de:
    shortDescription: Freie Parkplätze finden
legal:
  license: Proprietär
maintenance:
  type: community
"""
"""A publiccode.yml with errors (unknown category, status and licence, missing fields)."""

FACET_PARAMETERS = ("lizenz", "thema", "kategorie", "reifegrad", "herausgeber", "status")


def _go(page: Page, path: str) -> Response:
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    return response


def search_for(page: Page, words: str) -> Response:
    """Type ``words`` into the page's search field and send them with Enter."""
    field = page.get_by_role("searchbox").first
    field.fill(words)
    with page.expect_navigation() as navigation:
        field.press("Enter")
    return navigation.value


def choose_facet(page: Page, parameter: str | None = None) -> Response:
    """Follow the link of the first value on offer of a facet: the one with the URL
    ``parameter``, or else the first of :data:`FACET_PARAMETERS` that offers one."""
    for name in (parameter,) if parameter else FACET_PARAMETERS:
        link = page.locator(f'main a[href*="{name}="]:not([aria-current])').first
        if link.count():
            with page.expect_navigation() as navigation:
                link.click()
            return navigation.value
    raise AssertionError(
        f"no facet to choose on {page.url} (looked for {parameter or FACET_PARAMETERS})"
    )


def hit_links(page: Page) -> list[str]:
    """The result list's component links (``/software/<id>``), in order."""
    hrefs = page.locator('main a[href*="/software/"]').evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [h for h in dict.fromkeys(hrefs) if not h.endswith("badge.svg")]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def switch_language(page: Page, label: str = "English") -> Response:
    """Follow the visible language switch (``English`` or ``Deutsch``)."""
    link = page.get_by_role("link", name=label, exact=True)
    with page.expect_navigation() as navigation:
        link.click()
    return navigation.value


def paste_publiccode(page: Page, text: str) -> Response:
    """Paste ``text`` into the check page's text field and send the form."""
    field = page.locator("main textarea").first
    field.fill(text)
    form = field.locator("xpath=ancestor::form[1]")
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit], button:not([type]), input[type=submit]").first.click()
    return navigation.value


# --- the page types ------------------------------------------------------------------------


@dataclass(frozen=True)
class PageType:
    """A kind of page: the address to open, then what a person does there (if anything), and
    the status the page answers with."""

    name: str
    path: Callable[[DemoFacts], str]
    then: Callable[[Page], Response] | None = None
    status: int = 200

    def open(self, page: Page, demo: DemoFacts, language: str = "de") -> Response:
        """Open the page; in English after following the language switch on it."""
        response = _go(page, self.path(demo))
        if language == "en":
            response = switch_language(page, "English")
        return response if self.then is None else self.then(page)

    def __str__(self) -> str:
        return self.name


PAGE_TYPES = (
    PageType("home", lambda demo: "/"),
    PageType("search", lambda demo: "/suche?q=Parkpl%C3%A4tze"),
    PageType("search-nothing-found", lambda demo: "/suche?q=Gibtsnichtwirklich"),
    PageType("search-facets", lambda demo: "/suche?q=Parkpl%C3%A4tze", then=choose_facet),
    PageType("component-mature", lambda demo: f"/software/{demo.mature_component}"),
    PageType("component-incomplete", lambda demo: f"/software/{demo.incomplete_component}"),
    PageType("publishers", lambda demo: "/herausgeber"),
    PageType("publisher", lambda demo: f"/herausgeber/{demo.publisher}"),
    PageType("check", lambda demo: "/pruefen"),
    PageType(
        "check-findings",
        lambda demo: "/pruefen",
        then=lambda page: paste_publiccode(page, FAULTY_PUBLICCODE),
    ),
    PageType("not-found", lambda demo: "/gibt-es-nicht", status=404),
)


def page_type(name: str) -> PageType:
    """The page type called ``name``."""
    return next(t for t in PAGE_TYPES if t.name == name)
