"""Every text a reader can see has an English translation, and the compiled catalogs are current.

The messages are extracted the way ``pybabel extract`` does (Babel's Python extractor, Jinja's
extractor for the templates), from every template and every Python file of the registry. Each
must have a non-empty English translation in one of the domains under
registry/translations/en/LC_MESSAGES (all domains are merged at run time, so any will do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask_babel import get_translations, gettext

from registry.app import create_app
from registry.web.i18n import DOMAINS

REGISTRY = Path(__file__).parents[2] / "registry"
ENGLISH = REGISTRY / "translations" / "en" / "LC_MESSAGES"
KEYWORDS = {**DEFAULT_KEYWORDS, "lazy_gettext": None, "lazy_ngettext": (1, 2)}
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"silent": "false"}}  # a template that does not parse fails


def extracted() -> dict[str | tuple[str, ...], list[str]]:
    """Every msgid in the registry's templates and Python files, with where it is used."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        REGISTRY, METHODS, options_map=OPTIONS, keywords=KEYWORDS
    ):
        key = message if isinstance(message, str) else tuple(message)
        if key:
            found.setdefault(key, []).append(f"registry/{filename}:{line}")
    return found


def po_files() -> list[Path]:
    return sorted(ENGLISH.glob("*.po"))


def catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="en", domain=path.stem)


def translated(messages: Iterator[Message]) -> dict[str | tuple[str, ...], tuple[str, ...]]:
    """Message id -> its translation(s), for translated messages that are not fuzzy."""
    result: dict[str | tuple[str, ...], tuple[str, ...]] = {}
    for message in messages:
        if not message.id or message.fuzzy:
            continue
        strings = (
            tuple(message.string)
            if isinstance(message.string, (list, tuple))
            else (message.string,)
        )
        if all(strings):
            key = message.id if isinstance(message.id, str) else tuple(message.id)
            result[key] = tuple(strings)
    return result


def english() -> dict[str | tuple[str, ...], tuple[str, ...]]:
    merged: dict[str | tuple[str, ...], tuple[str, ...]] = {}
    for path in po_files():
        merged.update(translated(iter(catalog(path))))
    return merged


def test_every_message_has_an_english_translation() -> None:
    known = english()
    missing = {
        message: places
        for message, places in extracted().items()
        if message not in known and not (isinstance(message, tuple) and message[:2] in known)
    }
    assert not missing, "no English translation for:\n" + "\n".join(
        f"  {message!r}  ({', '.join(places[:3])})"
        for message, places in sorted(missing.items(), key=str)
    )


def test_messages_are_found_in_templates_and_python() -> None:
    places = [place for found in extracted().values() for place in found]
    assert any(place.startswith("registry/templates/base.html:") for place in places)
    assert any(place.startswith("registry/web/errors.py:") for place in places)


def test_every_catalog_is_one_of_the_loaded_domains() -> None:
    assert po_files(), "no English catalog"
    assert {path.stem for path in po_files()} <= set(DOMAINS)


@pytest.mark.parametrize("po", po_files(), ids=lambda path: path.name)
def test_the_compiled_catalog_matches_its_source(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), (
        f"{mo.name} is missing: pybabel compile -d registry/translations -D {po.stem}"
    )
    with mo.open("rb") as file:
        compiled = translated(iter(read_mo(file)))
    assert compiled == translated(iter(catalog(po))), (
        f"{mo.name} is out of date: pybabel compile -d registry/translations -D {po.stem}"
    )


def test_a_message_means_the_same_in_every_domain() -> None:
    """The domains are merged into one catalog, so one msgid can have one translation only."""
    seen: dict[str | tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    clashes = []
    for path in po_files():
        for message, strings in translated(iter(catalog(path))).items():
            earlier = seen.setdefault(message, (path.stem, strings))
            if earlier[1] != strings:
                clashes.append(f"{message!r}: {earlier[0]} {earlier[1]} vs {path.stem} {strings}")
    assert not clashes, "\n".join(clashes)


def test_every_domain_is_served_to_english_readers() -> None:
    app = create_app({"TESTING": True})
    with app.test_request_context(headers={"Accept-Language": "en"}):
        served = get_translations()
        for message, strings in english().items():
            if isinstance(message, str):
                assert served.ugettext(message) == strings[0], message
            else:
                assert served.ungettext(message[0], message[1], 1) == strings[0], message
                assert served.ungettext(message[0], message[1], 2) == strings[1], message


def test_german_readers_get_the_german_msgids() -> None:
    app = create_app({"TESTING": True})
    with app.test_request_context(headers={"Accept-Language": "de"}):
        assert gettext("Zum Inhalt springen") == "Zum Inhalt springen"
