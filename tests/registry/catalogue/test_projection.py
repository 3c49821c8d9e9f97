"""The search projection: what an entry holds, and that ingest keeps it current."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from harvester import records
from harvester.records import LicenceStatus
from registry.catalogue import _bitmaps, projection
from registry.catalogue.models import CatalogueEntry, CatalogueFacet, CatalogueFacetValue
from registry.catalogue.projection import rebuild_all, refresh_entries
from registry.catalogue.search import SearchQuery, search
from registry.components.models import Component
from registry.harvest.ingest import (
    resolve_canonical,
    start_run,
    store_record,
    upsert_publishers,
)
from tests.registry import factories
from tests.registry.catalogue.conftest import OTHER_PUBLISHER, Catalogue

COMMIT = factories.COMMIT


def entry(session: Session, component_id: int) -> CatalogueEntry:
    found = session.get(CatalogueEntry, component_id, populate_existing=True)
    assert found is not None
    return found


def facets(session: Session, component_id: int) -> set[tuple[str, str]]:
    rows = session.execute(
        select(CatalogueFacetValue.facet, CatalogueFacetValue.value)
        .join(CatalogueFacet, CatalogueFacet.value_id == CatalogueFacetValue.id)
        .where(CatalogueFacet.component_id == component_id)
    )
    return {(facet, value) for facet, value in rows if facet != "year"}


def total(session: Session, **filters: set[str]) -> int:
    chosen = {facet: frozenset(values) for facet, values in filters.items()}
    return search(session, SearchQuery(filters=chosen)).total


def test_exports_exactly_the_public_api() -> None:
    assert sorted(projection.__all__) == ["BATCH", "rebuild_all", "refresh_entries"]


# --- what an entry holds -------------------------------------------------------------------


def test_an_entry_holds_what_the_catalogue_lists(catalogue: Catalogue) -> None:
    component_id = catalogue.add(
        "Mängelmelder",
        short_de="Schäden melden.",
        short_en="Report damage.",
        level=3,
        developmentStatus="Stable",
        platforms=["Web", "android"],
        categories=["geographic-information-systems"],
        intendedAudience={"scope": ["transportation"]},
    )
    found = entry(catalogue.session, component_id)
    assert (found.name, found.description_de, found.description_en) == (
        "Mängelmelder",
        "Schäden melden.",
        "Report damage.",
    )
    assert (found.level, found.status, found.archived, found.incomplete) == (
        3,
        "stable",
        False,
        False,
    )
    assert found.topics == ["mobilitaet", "geoportal"]
    assert facets(catalogue.session, component_id) == {
        ("topic", "mobilitaet"),
        ("topic", "geoportal"),
        ("category", "geographic-information-systems"),
        ("licence", "EUPL-1.2"),
        ("level", "3"),
        ("publisher", factories.PUBLISHER_ID),
        ("round", "2"),
        ("platform", "web"),
        ("platform", "android"),
        ("status", "stable"),
        ("language", "de"),
        ("language", "en"),
    }


def test_a_regional_language_tag_counts_as_its_language(catalogue: Catalogue) -> None:
    component_id = catalogue.add(
        "Portal", description={"de-DE": {"shortDescription": "Ein Portal."}, "it": {}}
    )
    assert entry(catalogue.session, component_id).description_de == "Ein Portal."
    languages = {v for f, v in facets(catalogue.session, component_id) if f == "language"}
    assert languages == {"de", "it"}


def test_licences_are_declared_and_identified_ones_without_repeats(catalogue: Catalogue) -> None:
    component_id = catalogue.add(
        "Portal", licence="EUPL-1.2", found_licences=("MIT", "EUPL-1.2", "Apache-2.0")
    )
    assert entry(catalogue.session, component_id).licences == ["EUPL-1.2", "Apache-2.0", "MIT"]


def test_a_modified_or_unknown_licence_text_names_no_licence(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    record = factories.ok_record()
    files = (
        records.LicenceFile("LICENSE", LicenceStatus.MODIFIED, ("MIT",), 0.8),
        records.LicenceFile("COPYING", LicenceStatus.UNKNOWN, (), None),
    )
    record = replace(record, licences=replace(record.licences, files=files))
    store_record(db_session, run(db_session), record)
    (found,) = db_session.scalars(select(CatalogueEntry)).all()
    assert found.licences == ["EUPL-1.2"]


def run(session: Session) -> int:
    return start_run(session, harvester_version="0.1.0").id


def test_the_last_change_is_the_newest_commit(catalogue: Catalogue) -> None:
    moment = datetime.datetime(2025, 6, 1, 8, 30, tzinfo=datetime.UTC)
    known = catalogue.add("Bekannt", changed=moment)
    unknown = catalogue.add("Unbekannt", changed=None)
    assert entry(catalogue.session, known).last_change == moment
    assert entry(catalogue.session, unknown).last_change is None


def test_a_funding_year_is_shown_as_its_round(catalogue: Catalogue) -> None:
    first = catalogue.add("Eins", publisher_id=OTHER_PUBLISHER)  # funded 2021
    assert ("round", "3") in facets(catalogue.session, first)


def test_long_facet_values_are_cut(catalogue: Catalogue) -> None:
    component_id = catalogue.add("Portal", platforms=["x" * 500, 17, "", "  web  "])
    platforms = {v for f, v in facets(catalogue.session, component_id) if f == "platform"}
    assert platforms == {"x" * 100, "web"}


def test_a_relative_logo_becomes_the_raw_file_at_the_harvested_commit(
    catalogue: Catalogue,
) -> None:
    component_id = catalogue.add(
        "Portal", url="https://github.com/Stadt-Musterstadt/portal.git", logo="img/logo.svg"
    )
    assert entry(catalogue.session, component_id).logo_url == (
        f"https://raw.githubusercontent.com/Stadt-Musterstadt/portal/{COMMIT}/img/logo.svg"
    )


def test_a_component_without_a_good_harvest_is_listed_by_its_repository(
    db_session: Session,
) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    store_record(db_session, run(db_session), factories.failed_record())
    (found,) = db_session.scalars(select(CatalogueEntry)).all()
    assert (found.name, found.level, found.incomplete) == ("maengelmelder", None, True)
    assert (found.licences, found.topics, found.last_change) == ([], [], None)
    assert search(db_session, SearchQuery(text="maengelmelder")).total == 1


def test_a_later_failure_keeps_the_published_data(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    run_id = run(db_session)
    store_record(db_session, run_id, factories.ok_record(level=3))
    later = factories.NOW + datetime.timedelta(days=1)
    store_record(db_session, run_id, factories.failed_record(at=later))
    (found,) = db_session.scalars(select(CatalogueEntry)).all()
    assert (found.name, found.level, found.incomplete) == ("Mängelmelder", 3, False)


# --- keeping it current --------------------------------------------------------------------


def test_a_new_harvest_replaces_the_entry_and_its_counts(catalogue: Catalogue) -> None:
    url = "https://github.com/stadt-musterstadt/portal.git"
    catalogue.add("Portal", url=url, level=1)
    catalogue.add("Anderes", level=1)
    record = factories.ok_record(url, commit="2" * 40, level=4, name="Portal")
    store_record(catalogue.session, catalogue.run_id, record)
    assert (total(catalogue.session, level={"1"}), total(catalogue.session, level={"4"})) == (1, 1)


def test_a_mirror_merged_into_its_original_has_no_entry_of_its_own(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    run_id = run(db_session)
    mirror = "https://gitlab.opencode.de/musterstadt/maengelmelder.git"
    store_record(db_session, run_id, factories.ok_record(mirror, canonical_url=factories.URL))
    assert total(db_session) == 1
    store_record(db_session, run_id, factories.ok_record(factories.URL, level=4))
    resolve_canonical(db_session)
    assert db_session.scalar(select(func.count()).select_from(Component)) == 1
    assert db_session.scalar(select(func.count()).select_from(CatalogueEntry)) == 1
    assert total(db_session) == 1
    assert total(db_session, level={"2"}) == 0
    assert total(db_session, level={"4"}) == 1
    result = search(db_session, SearchQuery())
    assert {v.value: v.count for v in result.facets["level"]} == {"4": 1}


def test_counts_stay_right_when_an_entry_goes_with_its_component(catalogue: Catalogue) -> None:
    gone = catalogue.add("Weg", level=1)
    catalogue.add("Bleibt", level=1)
    catalogue.session.execute(delete(Component).where(Component.id == gone))
    refresh_entries(catalogue.session, [])  # nothing to refresh: counts as they were
    catalogue.add("Neu", level=5)  # any refresh notices the entry that went
    result = search(catalogue.session, SearchQuery())
    assert (result.total, {v.value: v.count for v in result.facets["level"]}) == (
        2,
        {"1": 1, "5": 1},
    )
    assert [hit.name for hit in search(catalogue.session, SearchQuery(text="weg")).hits] == []


def test_refreshing_an_id_that_is_no_component_removes_nothing_else(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    refresh_entries(catalogue.session, [987654])
    assert total(catalogue.session) == 1


def test_a_publishers_new_name_reaches_its_entries(catalogue: Catalogue) -> None:
    component_id = catalogue.add("Portal")
    renamed = factories.publisher(name="Digitale Musterstadt")
    upsert_publishers(catalogue.session, [renamed])
    assert entry(catalogue.session, component_id).publisher_name == "Digitale Musterstadt"
    assert search(catalogue.session, SearchQuery(text="Digitale")).total == 1
    (value,) = search(catalogue.session, SearchQuery()).facets["publisher"]
    assert value.label == "Digitale Musterstadt"


def test_storing_and_projecting_are_one_transaction(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    db_session.commit()
    store_record(db_session, run(db_session), factories.ok_record())
    db_session.rollback()
    assert db_session.scalar(select(func.count()).select_from(CatalogueEntry)) == 0
    assert total(db_session) == 0


def test_rebuilding_gives_what_ingest_kept(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=1, short_de="Parkplätze finden.")
    catalogue.add("Zwei", level=3, publisher_id=OTHER_PUBLISHER, platforms=["web"])
    queries = [
        SearchQuery(),
        SearchQuery(text="Parkplatz"),
        SearchQuery(filters={"platform": frozenset({"web"})}),
    ]
    before = [search(catalogue.session, query) for query in queries]
    assert rebuild_all(catalogue.session) == 2
    assert [search(catalogue.session, query) for query in queries] == before


def test_rebuilding_in_batches_gives_the_same(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(7):
        catalogue.add(f"K{number}", level=number % 3)
    before = search(catalogue.session, SearchQuery())
    monkeypatch.setattr(projection, "BATCH", 2)
    assert rebuild_all(catalogue.session) == 7
    assert search(catalogue.session, SearchQuery()) == before


def test_the_stored_document_is_never_trusted_for_shape(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    document = {
        "name": ["not", "a", "name"],
        "description": {"de": "no block", "xx-invalid-": {}, "en": {"shortDescription": 5}},
        "platforms": "web",
        "categories": [{"a": 1}],
        "intendedAudience": ["scope"],
        "legal": "EUPL",
        "developmentStatus": {"x": 1},
        "logo": 42,
    }
    record = factories.ok_record()
    publiccode = replace(record.publiccode, document=json.dumps(document))
    store_record(db_session, run(db_session), replace(record, publiccode=publiccode))
    (found,) = db_session.scalars(select(CatalogueEntry)).all()
    assert (found.description_de, found.status, found.logo_url, found.topics) == (
        None,
        None,
        None,
        [],
    )


def test_postings_stored_as_ids_give_the_same_results(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        catalogue.add(f"K{number}", level=number % 3, platforms=["web"] if number % 2 else [])
    queries = [
        SearchQuery(),
        SearchQuery(text="K3"),
        SearchQuery(filters={"level": frozenset({"1", "2"})}),
        SearchQuery(filters={"platform": frozenset({"web"}), "level": frozenset({"1"})}),
    ]
    as_bitmaps = [search(catalogue.session, query) for query in queries]
    monkeypatch.setattr(_bitmaps, "_BYTES_PER_ID", 0)  # every set stored as its ids
    rebuild_all(catalogue.session)
    stored = catalogue.session.scalars(select(CatalogueFacetValue.postings)).all()
    assert all(data[:1] == b"\x01" for data in stored if data)
    assert [search(catalogue.session, query) for query in queries] == as_bitmaps


def test_the_full_text_index_holds_one_row_per_entry(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    gone = catalogue.add("Zwei")
    catalogue.add("Drei")
    catalogue.session.execute(delete(Component).where(Component.id == gone))
    refresh_entries(catalogue.session, [gone])
    tables = ["catalogue_fts"]
    if catalogue.session.get_bind().dialect.name == "sqlite":
        tables.append("catalogue_fts_short")
    for table in tables:
        rows = catalogue.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
        assert rows == 2, table
