"""HTTP caching of the public pages over HTTP, on SQLite and PostgreSQL: an ETag from the state
of the data, an empty 304 without rendering for a request that names it, Cache-Control, and
nothing cacheable on errors and redirects."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, template_rendered
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.http import http_date
from werkzeug.test import TestResponse

import registry.web.caching
from registry.app import create_app
from registry.catalogue import state
from registry.config import InvalidSettings
from registry.journal import journal
from registry.journal.models import JournalEntry
from tests.registry import factories
from tests.registry.components.test_page import stored

WEAK_ETAG = re.compile(r'W/"[0-9a-f]{32}"')
OTHER_URL = "https://github.com/Stadt-Musterstadt/parkplatz.git"

DATA_PAGES = (
    "/",
    "/suche",
    "/suche?q=M%C3%A4ngelmelder",
    "/software/{component}",
    "/herausgeber",
    f"/herausgeber/{factories.PUBLISHER_ID}",
)
PAGES = (*DATA_PAGES, "/pruefen")


def make_app(database_url: str, **config: object) -> Flask:
    return create_app({"TESTING": True, "KATASTER_DATABASE_URL": database_url, **config})


@pytest.fixture
def component(db_session: Session) -> int:
    """A component stored as a harvest stores it (publisher, journal, search projection)."""
    return stored(db_session, factories.ok_record())


@contextlib.contextmanager
def rendering(app: Flask) -> Iterator[list[str]]:
    """The names of the templates rendered meanwhile: empty when no view (nor error) ran."""
    names: list[str] = []

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        names.append(template.name)

    with template_rendered.connected_to(record, app):
        yield names


def get(client: FlaskClient, path: str, status: int = 200, **headers: str) -> TestResponse:
    response = client.get(path, headers=headers)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response


def etag(client: FlaskClient, path: str, **headers: str) -> str:
    return get(client, path, **headers).headers["ETag"]


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.web.caching.__all__) == ["cacheable", "init_app"]


# --- the page and its revalidation ---------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_a_page_carries_a_weak_etag_cache_control_and_vary(
    client: FlaskClient, component: int, path: str
) -> None:
    response = get(client, path.format(component=component))
    assert WEAK_ETAG.fullmatch(response.headers["ETag"])
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.get_data()


@pytest.mark.parametrize("path", PAGES)
def test_naming_the_etag_gets_an_empty_304_without_running_the_view(
    app: Flask, client: FlaskClient, component: int, path: str
) -> None:
    path = path.format(component=component)
    first = get(client, path)
    with rendering(app) as rendered:
        again = get(client, path, 304, **{"If-None-Match": first.headers["ETag"]})
    assert rendered == []
    assert again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "public, max-age=60"
    assert {"Accept-Language", "Cookie"} <= set(again.vary)


def test_a_page_is_rendered_when_its_etag_is_not_named(
    app: Flask, client: FlaskClient, component: int
) -> None:
    with rendering(app) as rendered:
        response = get(client, "/", **{"If-None-Match": 'W/"' + "0" * 32 + '"'})
    assert rendered == ["catalogue/home.html"]
    assert response.get_data()


def test_the_etag_matches_among_others_and_without_its_weak_prefix(
    client: FlaskClient, component: int
) -> None:
    tag = etag(client, "/")
    strong = tag.removeprefix("W/")
    get(client, "/", 304, **{"If-None-Match": f'"other", {tag}'})
    get(client, "/", 304, **{"If-None-Match": strong})  # If-None-Match compares weakly


def test_head_is_conditional_like_get(client: FlaskClient, component: int) -> None:
    tag = etag(client, "/herausgeber")
    head = client.head("/herausgeber")
    assert head.status_code == 200
    assert head.headers["ETag"] == tag
    assert client.head("/herausgeber", headers={"If-None-Match": tag}).status_code == 304


# --- what the ETag is made of --------------------------------------------------------------


def test_storing_a_harvest_changes_the_etag(
    client: FlaskClient, db_session: Session, component: int
) -> None:
    before = etag(client, "/")
    stored(db_session, factories.ok_record(OTHER_URL, name="Parkplatz"))
    after = etag(client, "/", **{"If-None-Match": before})
    assert after != before


def test_a_journal_entry_alone_changes_the_etag(
    client: FlaskClient, db_session: Session, component: int
) -> None:
    before = etag(client, f"/herausgeber/{factories.PUBLISHER_ID}")
    action = journal.Action.PUBLISHER_CHANGED
    journal.record(db_session, None, action, "round 2020 -> 2021", publisher_id="mpsc-musterstadt")
    db_session.commit()
    assert etag(client, f"/herausgeber/{factories.PUBLISHER_ID}") != before


def test_a_new_catalogue_version_alone_changes_the_etag(
    client: FlaskClient, db_session: Session, component: int
) -> None:
    before = get(client, "/suche")
    state.advance(db_session)  # a reindex: no journal entry
    db_session.commit()
    after = get(client, "/suche")
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.headers["Last-Modified"] == before.headers["Last-Modified"]


def test_an_empty_database_has_pages_with_an_etag(client: FlaskClient, db_session: Session) -> None:
    response = get(client, "/")
    assert WEAK_ETAG.fullmatch(response.headers["ETag"])
    assert "Last-Modified" not in response.headers
    get(client, "/", 304, **{"If-None-Match": response.headers["ETag"]})


@pytest.mark.parametrize("path", ["/", "/pruefen"])
def test_each_language_has_its_own_etag(client: FlaskClient, component: int, path: str) -> None:
    german = etag(client, path)
    by_header = etag(client, path, **{"Accept-Language": "en-GB,en;q=0.9"})
    client.set_cookie("lang", "en")
    by_cookie = etag(client, path)
    assert german != by_header
    assert by_header == by_cookie  # the same English page, however it was asked for


def test_each_query_string_has_its_own_etag(client: FlaskClient, component: int) -> None:
    tags = {etag(client, path) for path in ("/suche", "/suche?q=Park", "/suche?q=Mängelmelder")}
    assert len(tags) == 3


def test_each_page_has_its_own_etag(client: FlaskClient, component: int) -> None:
    tags = {etag(client, path.format(component=component)) for path in PAGES}
    assert len(tags) == len(PAGES)


# --- Last-Modified: information, not a validator ------------------------------------------


def test_last_modified_is_the_time_of_the_newest_journal_entry(
    client: FlaskClient, db_session: Session, component: int
) -> None:
    newest = db_session.scalars(select(JournalEntry).order_by(JournalEntry.id.desc())).first()
    assert newest is not None
    response = get(client, f"/software/{component}")
    assert response.headers["Last-Modified"] == http_date(newest.submitted_at)


def test_if_modified_since_alone_is_never_answered_with_304(
    client: FlaskClient, component: int
) -> None:
    modified = get(client, "/").headers["Last-Modified"]
    response = get(client, "/", **{"If-Modified-Since": modified})
    assert response.get_data()
    later = http_date(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1))
    assert get(client, "/", **{"If-Modified-Since": later}).get_data()


# --- If-None-Match: * ----------------------------------------------------------------------


def test_star_is_answered_with_304_for_a_page_that_exists(
    client: FlaskClient, component: int
) -> None:
    response = get(client, f"/software/{component}", 304, **{"If-None-Match": "*"})
    assert response.get_data() == b""
    assert response.headers["ETag"] == etag(client, f"/software/{component}")


def test_star_does_not_hide_a_missing_page(client: FlaskClient, component: int) -> None:
    response = get(client, "/software/999999", 404, **{"If-None-Match": "*"})
    assert "ETag" not in response.headers


# --- what is not cacheable ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/software/999999", 404),
        ("/herausgeber/niemand", 404),
        ("/suche?seite=null", 400),
        ("/suche?seite=99", 404),
    ],
)
def test_an_error_is_neither_validated_nor_stored(
    client: FlaskClient, component: int, path: str, status: int
) -> None:
    response = get(client, path, status)
    assert "ETag" not in response.headers
    assert "Last-Modified" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_a_redirect_carries_no_etag(client: FlaskClient, component: int) -> None:
    response = get(client, "/suche?seite=1", 302)
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


def test_a_merged_component_redirects_without_an_etag(
    client: FlaskClient, db_session: Session
) -> None:
    mirror = "https://github.com/Stadt-Musterstadt/maengelmelder-mirror.git"
    merged = stored(db_session, factories.ok_record(canonical_url=mirror))
    stored(db_session, factories.ok_record(mirror, commit="9" * 40))
    response = get(client, f"/software/{merged}", 301)
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


def test_a_check_sent_by_post_is_never_cacheable(client: FlaskClient) -> None:
    tag = etag(client, "/pruefen")
    response = client.post(
        "/pruefen",
        data={"inhalt": "name: x\n", "profil": "smart-city"},
        headers={"If-None-Match": tag},
    )
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


def test_the_badge_keeps_its_own_etag(client: FlaskClient, component: int) -> None:
    response = get(client, f"/software/{component}/badge.svg")
    assert not response.headers["ETag"].startswith("W/")
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    assert "Last-Modified" not in response.headers
    tag = response.headers["ETag"]
    assert get(client, f"/software/{component}/badge.svg", 304, **{"If-None-Match": tag})


def test_healthz_is_not_cacheable(client: FlaskClient) -> None:
    response = get(client, "/healthz")
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


# --- the setting and pages without data -----------------------------------------------------


def test_a_max_age_of_zero_asks_caches_to_revalidate_every_time(
    database_url: str, component: int
) -> None:
    app = make_app(database_url, KATASTER_CACHE_MAX_AGE="0")
    client = app.test_client()
    response = get(client, "/")
    assert response.headers["Cache-Control"] == "no-cache"
    again = get(client, "/", 304, **{"If-None-Match": response.headers["ETag"]})
    assert again.headers["Cache-Control"] == "no-cache"
    app.extensions["kataster"].engine.dispose()


def test_the_max_age_is_configurable(database_url: str, component: int) -> None:
    app = make_app(database_url, KATASTER_CACHE_MAX_AGE="600")
    response = get(app.test_client(), f"/software/{component}")
    assert response.headers["Cache-Control"] == "public, max-age=600"
    app.extensions["kataster"].engine.dispose()


@pytest.mark.parametrize("value", ["-1", "1.5", "eine Minute"])
def test_a_max_age_that_is_no_whole_number_of_seconds_is_refused(
    tmp_path: Path, value: str
) -> None:
    with pytest.raises(InvalidSettings) as refused:
        make_app(f"sqlite:///{tmp_path}/k.db", KATASTER_CACHE_MAX_AGE=value)
    assert refused.value.variable == "KATASTER_CACHE_MAX_AGE"


def test_the_check_form_needs_no_database_for_its_etag(tmp_path: Path) -> None:
    client = make_app(f"sqlite:///{tmp_path}/no-tables.db").test_client()
    tag = etag(client, "/pruefen")
    get(client, "/pruefen", 304, **{"If-None-Match": tag})
