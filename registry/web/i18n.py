"""Languages: German first, English second (Flask-Babel, gettext with German msgids).

The language of a request is the ``lang`` cookie when it names a language Kataster speaks (set
by the switch at ``/sprache/<code>``), else the first of the browser's Accept-Language that
Kataster speaks (by primary tag: ``de-AT`` is German), else German. Every response (except
static files) says it varies by both. The message catalogs of every area (``web``,
``catalogue``, ``components``, ``publishers``, ``publiccode``) under ``registry/translations``
are merged into one, so any template can use any area's messages.

Templates get ``_`` and ``ngettext`` (Jinja's newstyle gettext: ``_("%(n)d Treffer", n=3)``),
the filter ``number`` (a whole number as the language writes it: 1.234 or 1,234),
``current_locale()``, ``language_switch_url(code)`` and ``localized(de=..., en=...)``; Python
code uses :func:`gettext` and :func:`ngettext` from here (typed).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from babel.numbers import get_group_symbol
from flask import Blueprint, Flask, abort, g, redirect, request, url_for
from flask_babel import Babel, get_locale, get_translations  # type: ignore[import-untyped]
from werkzeug.urls import iri_to_uri
from werkzeug.wrappers import Response

__all__ = [
    "COOKIE",
    "DEFAULT_LANGUAGE",
    "DOMAINS",
    "LANGUAGES",
    "LocalText",
    "accepted_language",
    "current_locale",
    "gettext",
    "init_app",
    "localized",
    "ngettext",
    "number",
    "safe_next",
]

LANGUAGES: Final = ("de", "en")
DEFAULT_LANGUAGE: Final = "de"
COOKIE: Final = "lang"
DOMAINS: Final = ("web", "catalogue", "components", "publishers", "publiccode")
"""Message domains, one per area; all are merged into one catalog per language."""

_TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
_CATALOG: Final = "kataster_translations"  # where ``g`` keeps the request's catalog
_COOKIE_SECONDS = 365 * 24 * 60 * 60

blueprint = Blueprint("web", __name__)
babel = Babel()


def select_language() -> str:
    """The request's language: the cookie's choice, else Accept-Language, else German."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return accepted_language(request.accept_languages)


def accepted_language(accepted: Iterable[tuple[str, float]]) -> str:
    """The first language Kataster speaks among ``accepted`` (best first), by primary tag.

    ``de-AT, en;q=0.5`` is German and ``en-US, de;q=0.9`` English (werkzeug's ``best_match``
    prefers any exact match, so it would answer the other way round); ``q=0`` refuses.
    """
    for tag, quality in accepted:
        primary = tag.replace("_", "-").split("-", 1)[0].strip().lower()
        if quality > 0 and primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def current_locale() -> str:
    """The language code this response is written in (``de`` or ``en``)."""
    locale = get_locale()
    return DEFAULT_LANGUAGE if locale is None else str(locale.language)


def gettext(message: str, **variables: object) -> str:
    """``message`` (a German msgid) in the reader's language, ``%(name)s`` filled in.

    What Flask-Babel's ``gettext`` does, typed, with the request's catalog looked up once
    (Flask-Babel looks it up on every call: a page of 250 messages paid 15 ms for it).
    """
    text = str(_translations().ugettext(message))
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables: object) -> str:
    """The singular or plural message for ``num`` (``%(num)d`` filled in), translated."""
    variables.setdefault("num", num)
    return str(_translations().ungettext(singular, plural, num)) % variables


def _translations() -> Any:
    """The request's merged catalog (Flask-Babel's, kept on ``g`` for the request; so
    Flask-Babel's ``force_locale`` would not reach it: Kataster never forces a language
    within a request)."""
    found = g.get(_CATALOG)
    if found is None:
        found = get_translations()
        setattr(g, _CATALOG, found)
    return found


def _template_gettext(message: str) -> str:
    return str(_translations().ugettext(message))


def _template_ngettext(singular: str, plural: str, num: int) -> str:
    return str(_translations().ungettext(singular, plural, num))


def number(value: int) -> str:
    """A whole number as the reader's language writes it (1.234.567 or 1,234,567), as Babel's
    ``format_decimal`` writes it, with Babel's grouping symbol looked up once per language
    (Babel looks it up on every call: a search page's facet counts paid 5 ms for it)."""
    return f"{value:,}".replace(",", _group_symbol(current_locale()))


@functools.cache
def _group_symbol(language: str) -> str:
    return str(get_group_symbol(language))


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in one language; ``fallback`` when it is not in the reader's language."""

    text: str
    lang: str
    fallback: bool


def localized(
    texts: Mapping[str, str | None] | None = None, **by_language: str | None
) -> LocalText | None:
    """The text in the current language, else in the other one (marked), else ``None``.

    ``localized(de=description_de, en=description_en)``; blank texts count as missing.
    """
    candidates = {**(texts or {}), **by_language}
    wanted = current_locale()
    order = [wanted, *(code for code in LANGUAGES if code != wanted), *candidates]
    for code in order:
        text = candidates.get(code)
        if text is not None and text.strip():
            return LocalText(text, code, fallback=code != wanted)
    return None


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site (``/suche?q=x``), else ``None``.

    Refused: absolute and scheme-relative URLs (``//host``), backslashes (browsers read
    ``/\\host`` as ``//host``), and control characters or spaces (browsers drop tabs and
    newlines, so ``/\\t/host`` would become ``//host``).
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) <= 0x20 or ord(char) == 0x7F for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return iri_to_uri(target)


@blueprint.get("/sprache/<code>")
def language(code: str) -> Response:
    """Remember ``code`` as the reader's language and go back to ``next`` (on this site)."""
    if code not in LANGUAGES:
        abort(404)
    target = safe_next(request.args.get("next")) or url_for("catalogue.home")
    response = redirect(target, code=303)
    response.set_cookie(
        COOKIE,
        code,
        max_age=_COOKIE_SECONDS,
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )
    return response


def language_switch_url(code: str) -> str:
    """The switch to ``code`` that comes back to the page being shown."""
    here = request.path
    if request.query_string:
        here += "?" + request.query_string.decode("latin-1")
    return url_for("web.language", code=code, next=here)


def _vary(response: Response) -> Response:
    """Pages differ by language; the language comes from the cookie or Accept-Language."""
    if request.endpoint not in ("static", "components.badge"):
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Language", current_locale())
    return response


def init_app(app: Flask) -> None:
    """Configure Flask-Babel (every domain merged), the switch and the template globals."""
    directory = str(_TRANSLATIONS)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Berlin")
    app.config.setdefault("BABEL_DOMAIN", ";".join(DOMAINS))
    # Flask-Babel pairs domains with directories by position: one directory per domain.
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", ";".join([directory] * len(DOMAINS)))
    babel.init_app(app, locale_selector=select_language)
    # Flask-Babel's own callables look the catalog up on every message
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        _template_gettext, _template_ngettext, newstyle=True
    )
    app.register_blueprint(blueprint)
    app.after_request(_vary)
    app.jinja_env.filters["number"] = number
    app.jinja_env.globals.update(
        current_locale=current_locale,
        language_switch_url=language_switch_url,
        localized=localized,
    )
