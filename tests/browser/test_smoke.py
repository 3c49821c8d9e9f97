"""The browser suite's own machinery: Chromium starts, the live server answers."""

from __future__ import annotations

from playwright.sync_api import Page


def test_chromium_loads_the_live_servers_health_check(page: Page) -> None:
    response = page.goto("/healthz")
    assert response is not None and response.ok
    assert '"status"' in page.content()
