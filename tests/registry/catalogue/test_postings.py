"""Facet values and postings as search reads them: kept per process while the version holds."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from registry.catalogue import _postings, state
from registry.catalogue.search import SearchQuery, search
from registry.db import make_session_factory
from tests.registry.catalogue.conftest import Catalogue


def test_the_index_is_read_once_per_version(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem")
    first = _postings.current(catalogue.session)
    assert _postings.current(catalogue.session) is first
    catalogue.add("Mängelmelder")
    assert _postings.current(catalogue.session) is not first


def test_the_index_holds_every_value_with_its_postings(catalogue: Catalogue) -> None:
    parking = catalogue.add("Parkleitsystem", licence="MIT")
    defects = catalogue.add("Mängelmelder", licence="EUPL-1.2")
    index = _postings.current(catalogue.session)
    licences = {v.value: v for v in index.values if v.facet == "licence"}
    assert {name: value.count for name, value in licences.items()} == {"MIT": 1, "EUPL-1.2": 1}
    assert index.bitmap(licences["MIT"].id) == 1 << parking
    assert index.bitmap(licences["EUPL-1.2"].id) == 1 << defects


def test_a_search_in_another_session_sees_a_change_made_after_the_index_was_kept(
    catalogue: Catalogue, engine: Engine
) -> None:
    catalogue.add("Parkleitsystem", licence="MIT")
    catalogue.session.commit()
    reader: Session = make_session_factory(engine)()
    try:
        mit = SearchQuery(filters={"licence": frozenset({"MIT"})})
        assert search(reader, mit).total == 1
        reader.rollback()  # the reader's next request
        catalogue.add("Mängelmelder", licence="MIT")
        catalogue.session.commit()
        assert search(reader, mit).total == 2
    finally:
        reader.close()


def test_an_index_of_an_uncommitted_change_is_never_taken_for_the_committed_one(
    catalogue: Catalogue,
) -> None:
    catalogue.add("Parkleitsystem", licence="MIT")
    catalogue.session.commit()
    catalogue.add("Mängelmelder", licence="MIT")
    mit = SearchQuery(filters={"licence": frozenset({"MIT"})})
    assert search(catalogue.session, mit).total == 2
    catalogue.session.rollback()
    assert state.version(catalogue.session) is not None
    assert search(catalogue.session, mit).total == 1


def test_only_the_newest_versions_are_kept(catalogue: Catalogue) -> None:
    for number in range(_postings.KEPT_VERSIONS + 2):
        catalogue.add(f"Komponente {number}")
        _postings.current(catalogue.session)
    assert len(_postings._kept) <= _postings.KEPT_VERSIONS
