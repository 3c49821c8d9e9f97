"""The layout every page shares (templates/base.html): landmarks, navigation, assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from registry.app import create_app

PAGE = "/gibt-es-nicht"  # an error page: in the layout, and needs no database


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": f"sqlite:///{tmp_path}/k.db"})
    return app.test_client()


def test_the_skip_link_leads_to_the_main_content(client: FlaskClient) -> None:
    body = client.get(PAGE).get_data(as_text=True)
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in body
    assert '<main id="inhalt" tabindex="-1">' in body


def test_navigation_and_language_switch_are_labelled_landmarks(client: FlaskClient) -> None:
    body = client.get(PAGE).get_data(as_text=True)
    assert '<nav class="site-nav" aria-label="Hauptnavigation">' in body
    assert '<nav class="language" aria-label="Sprache">' in body
    assert re.search(r'<a href="/sprache/en\?next=[^"]+" lang="en" hreflang="en">English</a>', body)


def test_the_stylesheet_and_the_site_icon_are_served(client: FlaskClient) -> None:
    body = client.get(PAGE).get_data(as_text=True)
    for rel, path in (("stylesheet", "/static/kataster.css"), ("icon", "/static/favicon.svg")):
        assert f'<link rel="{rel}" href="{path}"' in body
        with client.get(path) as response:
            assert response.status_code == 200
    with client.get("/static/favicon.svg") as response:
        assert response.mimetype == "image/svg+xml"
