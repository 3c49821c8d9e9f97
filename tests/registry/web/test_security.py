"""Security headers on every response, the body size limit, and templates the CSP allows."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import Flask, request
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import TestResponse, encode_multipart

from registry.app import create_app
from registry.web.security import MAX_UPLOAD_BYTES

TEMPLATES = Path(__file__).parents[3] / "registry" / "templates"


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": f"sqlite:///{tmp_path}/k.db"})

    @app.post("/test-upload")
    def upload() -> str:
        return str(len(request.form.get("text", "")))

    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


# Responses of every kind: a page, an error page, a redirect, a static file, JSON.
PATHS = ["/gibt-es-nicht", "/sprache/en?next=/", "/static/kataster.css", "/healthz"]


def directives(policy: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


@pytest.mark.parametrize("path", PATHS)
def test_every_response_has_a_strict_content_security_policy(
    client: FlaskClient, path: str
) -> None:
    with client.get(path) as response:
        policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' https:"
    assert policy["form-action"] == "'self'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "script-src" not in policy  # default-src 'none': no script at all
    assert "unsafe" not in " ".join(policy.values())


@pytest.mark.parametrize("path", PATHS)
def test_every_response_has_the_other_security_headers(client: FlaskClient, path: str) -> None:
    with client.get(path) as response:
        headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    permissions = headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def test_a_view_may_set_its_own_policy(app: Flask) -> None:
    @app.get("/test-own-policy")
    def own() -> tuple[str, int, dict[str, str]]:
        return "x", 200, {"Content-Security-Policy": "default-src 'none'; sandbox"}

    headers = app.test_client().get("/test-own-policy").headers
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_https_responses_ask_for_https_from_then_on(client: FlaskClient) -> None:
    secure = client.get("/healthz", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" not in client.get("/healthz").headers


def post_form(client: FlaskClient, text: str) -> TestResponse:
    """A form post whose body is in memory (the test client would spool a large one to a
    temporary file that it never closes)."""
    body = urlencode({"text": text}).encode()
    return client.post("/test-upload", data=body, content_type="application/x-www-form-urlencoded")


def test_bodies_up_to_one_mebibyte_are_accepted(client: FlaskClient) -> None:
    text = "a" * (MAX_UPLOAD_BYTES - 10)
    response = post_form(client, text)
    assert response.status_code == 200
    assert response.get_data(as_text=True) == str(len(text))


def test_a_body_over_one_mebibyte_is_refused_with_a_page(client: FlaskClient) -> None:
    response = post_form(client, "a" * (MAX_UPLOAD_BYTES + 1))
    assert response.status_code == 413
    assert "1 MiB" in response.get_data(as_text=True)


def test_an_uploaded_file_over_one_mebibyte_is_refused(client: FlaskClient) -> None:
    boundary, body = encode_multipart(
        {"file": FileStorage(io.BytesIO(b"x" * (MAX_UPLOAD_BYTES + 1)), "publiccode.yml")}
    )
    response = client.post(
        "/test-upload", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 413


# The CSP forbids inline script, inline style and event handlers: no template may use them.
_FORBIDDEN = {
    "script element": re.compile(r"<script\b", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "event handler attribute": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_no_template_uses_inline_script_or_style(template: Path) -> None:
    text = template.read_text("utf-8")
    found = [name for name, pattern in _FORBIDDEN.items() if pattern.search(text)]
    assert not found, f"{template.name}: {', '.join(found)}"
