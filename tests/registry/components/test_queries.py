"""Finding components by any spelling of their URL or an alias, and listing them."""

from __future__ import annotations

from sqlalchemy.orm import Session

import registry.components.queries
from registry.components.identity import add_alias
from registry.components.models import AliasReason
from registry.components.queries import find_component, list_components, url_key
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

OTHER = "https://gitlab.opencode.de/musterstadt/parkplatz"


def stored(session: Session, *urls: str) -> None:
    upsert_publishers(session, [factories.publisher()])
    run = start_run(session, harvester_version="0.1.0")
    for url in urls:
        store_record(session, run.id, factories.ok_record(url))
    session.commit()


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.components.queries.__all__) == [
        "component_by_key",
        "find_component",
        "list_components",
        "url_key",
    ]


def test_url_key_is_the_normalised_repository_url() -> None:
    assert url_key("git@github.com:Stadt-Musterstadt/Maengelmelder.git") == factories.KEY


def test_url_key_keeps_text_the_parser_refuses() -> None:
    assert url_key("  not a url  ") == "not a url"


def test_finds_a_component_by_any_spelling_of_its_url(db_session: Session) -> None:
    stored(db_session, factories.URL)
    found = find_component(db_session, "http://github.com/stadt-musterstadt/maengelmelder/")
    assert found is not None and found.canonical_url == factories.KEY


def test_finds_a_component_by_its_alias(db_session: Session) -> None:
    stored(db_session, factories.URL)
    component = find_component(db_session, factories.URL)
    assert component is not None
    add_alias(db_session, component, url_key(OTHER), OTHER, AliasReason.RENAMED)
    assert find_component(db_session, OTHER + ".git") is component


def test_finds_nothing_for_an_unknown_url(db_session: Session) -> None:
    stored(db_session, factories.URL)
    assert find_component(db_session, OTHER) is None


def test_lists_components_by_canonical_url(db_session: Session) -> None:
    stored(db_session, OTHER, factories.URL)
    urls = [component.canonical_url for component in list_components(db_session)]
    assert urls == [factories.KEY, OTHER]


def test_lists_only_the_components_asked_for(db_session: Session) -> None:
    stored(db_session, OTHER, factories.URL)
    component = find_component(db_session, OTHER)
    assert component is not None
    assert list(list_components(db_session, [component.id])) == [component]
