"""German first, English second: the language of a page, the switch, and its redirect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from flask import Flask
from flask.testing import FlaskClient

from registry.app import create_app
from registry.web.i18n import LocalText, localized, number, safe_next

# Pages in the layout that need no database: the error pages.
PAGE = "/gibt-es-nicht"


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_app({"TESTING": True, "KATASTER_DATABASE_URL": f"sqlite:///{tmp_path}/k.db"})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def html_lang(body: str) -> str:
    match = re.search(r'<html lang="([a-z]+)">', body)
    assert match is not None
    return match.group(1)


def test_pages_are_german_by_default(client: FlaskClient) -> None:
    body = client.get(PAGE).get_data(as_text=True)
    assert html_lang(body) == "de"
    assert "Zum Inhalt springen" in body


def test_accept_language_english_gives_english(client: FlaskClient) -> None:
    response = client.get(PAGE, headers={"Accept-Language": "en-GB,en;q=0.9"})
    body = response.get_data(as_text=True)
    assert html_lang(body) == "en"
    assert "Skip to content" in body
    assert response.headers["Content-Language"] == "en"


def test_accept_language_prefers_the_best_match(client: FlaskClient) -> None:
    response = client.get(PAGE, headers={"Accept-Language": "fr, de;q=0.8, en;q=0.5"})
    assert html_lang(response.get_data(as_text=True)) == "de"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("en-US", "en"),
        ("de-AT, en;q=0.5", "de"),
        ("en-US, de;q=0.9", "en"),
        ("en-US,en;q=0.9,de-DE;q=0.8", "en"),
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7", "en"),
        ("de;q=0, en;q=0.1", "en"),
        ("*", "de"),
        ("", "de"),
    ],
)
def test_the_browsers_first_language_we_speak_wins(
    client: FlaskClient, header: str, language: str
) -> None:
    response = client.get(PAGE, headers={"Accept-Language": header})
    assert html_lang(response.get_data(as_text=True)) == language


def test_an_unsupported_language_falls_back_to_german(client: FlaskClient) -> None:
    response = client.get(PAGE, headers={"Accept-Language": "fr-FR, it;q=0.5"})
    assert html_lang(response.get_data(as_text=True)) == "de"


def test_the_cookie_wins_over_accept_language(client: FlaskClient) -> None:
    client.set_cookie("lang", "en")
    response = client.get(PAGE, headers={"Accept-Language": "de"})
    assert html_lang(response.get_data(as_text=True)) == "en"


def test_a_cookie_with_an_unknown_language_is_ignored(client: FlaskClient) -> None:
    client.set_cookie("lang", "xx")
    response = client.get(PAGE, headers={"Accept-Language": "en"})
    assert html_lang(response.get_data(as_text=True)) == "en"


def test_responses_vary_by_accept_language_and_cookie(client: FlaskClient) -> None:
    vary = {value.strip() for value in client.get(PAGE).headers["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary


def test_the_switch_sets_the_cookie_and_goes_back(client: FlaskClient) -> None:
    response = client.get("/sprache/en?next=/suche%3Fq%3DParkpl%C3%A4tze%26thema%3Dmobilitaet")
    assert response.status_code == 303
    assert response.headers["Location"] == "/suche?q=Parkpl%C3%A4tze&thema=mobilitaet"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=en;")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=" in cookie
    body = client.get(PAGE).get_data(as_text=True)
    assert html_lang(body) == "en"


def test_switching_back_to_german(client: FlaskClient) -> None:
    client.get("/sprache/en?next=/")
    client.get("/sprache/de?next=/")
    assert html_lang(client.get(PAGE, headers={"Accept-Language": "en"}).get_data(True)) == "de"


def test_the_switch_without_next_goes_home(client: FlaskClient) -> None:
    assert client.get("/sprache/en").headers["Location"] == "/"


def test_an_unknown_language_code_is_not_found(client: FlaskClient) -> None:
    response = client.get("/sprache/fr?next=/")
    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http://evil.example",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "evil.example",
        "https:evil.example",
        "",
    ],
)
def test_the_switch_refuses_to_redirect_off_the_site(client: FlaskClient, target: str) -> None:
    response = client.get("/sprache/en", query_string={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_the_switch_links_come_back_to_the_page_shown(client: FlaskClient) -> None:
    body = client.get(f"{PAGE}?a=1&b=%C3%A4").get_data(as_text=True)
    assert 'href="/sprache/en?next=/gibt-es-nicht?a%3D1%26b%3D%25C3%25A4"' in body
    assert '<span class="current-language" aria-current="true" lang="de">Deutsch</span>' in body


def test_the_switch_link_leads_back_to_the_same_address(client: FlaskClient) -> None:
    body = client.get(f"{PAGE}?a=1&b=%C3%A4").get_data(as_text=True)
    link = re.search(r'href="(/sprache/en\?[^"]+)"', body)
    assert link is not None
    response = client.get(link.group(1).replace("&amp;", "&"))
    assert response.headers["Location"] == f"{PAGE}?a=1&b=%C3%A4"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/suche?q=a", "/suche?q=a"),
        ("/suche?q=Mängel", "/suche?q=M%C3%A4ngel"),
        ("/software/1#lizenzen", "/software/1#lizenzen"),
        ("/a//b", "/a//b"),
        ("//a", None),
        ("/a\\b", None),
        ("/a\x00", None),
        ("/a b", None),
        (None, None),
    ],
)
def test_safe_next_keeps_only_paths_on_this_site(target: str | None, expected: str | None) -> None:
    assert safe_next(target) == expected


@pytest.mark.parametrize(
    ("language", "texts", "expected"),
    [
        ("de", {"de": "Hallo", "en": "Hello"}, LocalText("Hallo", "de", fallback=False)),
        ("en", {"de": "Hallo", "en": "Hello"}, LocalText("Hello", "en", fallback=False)),
        ("en", {"de": "Hallo", "en": None}, LocalText("Hallo", "de", fallback=True)),
        ("de", {"de": "  ", "en": "Hello"}, LocalText("Hello", "en", fallback=True)),
        ("de", {"de": None, "en": None}, None),
        ("de", {"it": "Ciao"}, LocalText("Ciao", "it", fallback=True)),
    ],
)
def test_localized_prefers_the_readers_language_and_marks_a_fallback(
    app: Flask, language: str, texts: dict[str, str | None], expected: LocalText | None
) -> None:
    with app.test_request_context(headers={"Accept-Language": language}):
        assert localized(**texts) == expected


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("value", [0, 7, 999, 1000, 12_345, 1_234_567, -4_321])
def test_numbers_are_written_as_babel_writes_them(app: Flask, language: str, value: int) -> None:
    headers = {"Accept-Language": language}
    with app.test_request_context("/", headers=headers):
        assert number(value) == format_decimal(value, locale=language)


def test_numbers_are_grouped_by_the_language(app: Flask) -> None:
    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert number(1_234_567) == "1.234.567"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert number(1_234_567) == "1,234,567"
