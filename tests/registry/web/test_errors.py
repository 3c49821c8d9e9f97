"""Error pages: in the layout, in the reader's language, never a traceback; a 500 is logged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from flask import Flask, abort
from flask.testing import FlaskClient

from registry.app import create_app


class Broken(RuntimeError):
    pass


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app(
        {
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,  # as in production: the 500 page, not the exception
            "KATASTER_DATABASE_URL": f"sqlite:///{tmp_path}/k.db",
        }
    )

    @app.get("/test-crash")
    def crash() -> str:
        raise Broken("secret detail /srv/kataster/registry/x.py line 12")

    @app.get("/test-abort-500")
    def abort_500() -> str:
        abort(500)

    @app.get("/test-bad")
    def bad() -> str:
        abort(400, description="Der Wert „x“ ist keine Zahl.")

    @app.get("/test-bad-plain")
    def bad_plain() -> str:
        abort(400)

    @app.get("/test-teapot")
    def teapot() -> str:
        abort(418)

    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_not_found_is_a_page_in_the_layout(client: FlaskClient) -> None:
    response = client.get("/gibt-es-nicht")
    body = response.get_data(as_text=True)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>Seite nicht gefunden</h1>" in body
    assert 'class="skip-link"' in body and 'href="/suche"' in body
    assert "<title>Seite nicht gefunden · Kataster</title>" in body


def test_not_found_in_english(client: FlaskClient) -> None:
    body = client.get("/gibt-es-nicht", headers={"Accept-Language": "en"}).get_data(True)
    assert "<h1>Page not found</h1>" in body
    assert "Error 404" in body


def test_method_not_allowed_is_a_page_that_names_the_allowed_methods(
    client: FlaskClient,
) -> None:
    response = client.post("/healthz")
    assert response.status_code == 405
    assert "Methode nicht erlaubt" in response.get_data(as_text=True)
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_bad_request_shows_the_views_explanation(client: FlaskClient) -> None:
    response = client.get("/test-bad")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<h1>Ungültige Anfrage</h1>" in body
    assert "Der Wert „x“ ist keine Zahl." in body


def test_bad_request_without_explanation_shows_the_standard_text(client: FlaskClient) -> None:
    body = client.get("/test-bad-plain", headers={"Accept-Language": "en"}).get_data(True)
    assert "<h1>Bad request</h1>" in body
    assert "The request contains something Kataster cannot process." in body
    assert "The browser (or proxy) sent a request" not in body  # werkzeug's own text


def test_other_errors_get_a_generic_page(client: FlaskClient) -> None:
    response = client.get("/test-teapot")
    assert response.status_code == 418
    assert "Fehler 418" in response.get_data(as_text=True)


def test_an_exception_becomes_a_500_page_without_traceback(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get("/test-crash")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "<h1>Interner Fehler</h1>" in body
    for leak in ("Traceback", "Broken", "secret detail", "/srv/kataster", "line 12"):
        assert leak not in body
    assert any(record.exc_info and record.exc_info[0] is Broken for record in caplog.records)


def test_the_500_page_is_in_english_too(client: FlaskClient) -> None:
    body = client.get("/test-crash", headers={"Accept-Language": "en"}).get_data(True)
    assert "<h1>Internal error</h1>" in body


def test_a_500_raised_on_purpose_is_logged(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = client.get("/test-abort-500")
    assert response.status_code == 500
    assert any("/test-abort-500" in record.getMessage() for record in caplog.records)


def test_error_pages_carry_the_security_headers(client: FlaskClient) -> None:
    for path in ("/gibt-es-nicht", "/test-crash"):
        headers = client.get(path).headers
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert headers["X-Content-Type-Options"] == "nosniff"
