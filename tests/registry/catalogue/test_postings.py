"""Facet values and postings as search reads them: kept per process while the version holds."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from registry.catalogue import _bitmaps, _postings, state
from registry.catalogue._bitmaps import Within
from registry.catalogue._facets import by_postings
from registry.catalogue.search import SearchQuery, search
from registry.db import make_session_factory
from tests.registry.catalogue.conftest import OTHER_PUBLISHER, Catalogue


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


def test_tallied_counts_are_the_counts_of_the_postings(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    catalogue.add("Zwei")
    catalogue.add("Drei", publisher_id=OTHER_PUBLISHER)
    index = _postings.current(catalogue.session)
    publishers = [value for value in index.values if value.facet == "publisher"]
    every = next(v for v in index.values if v.facet == "*")
    some = index.bitmap(every.id) & ~(1 << max(_bitmaps.ids(index.bitmap(every.id))))
    for members in (index.bitmap(every.id), some, 0):
        tallied = by_postings(publishers, index, {"publisher": members})
        counted = {v.id: Within(members).count(index.stored[v.id]) for v in publishers}
        assert tallied == counted
    assert sorted(by_postings(publishers, index, {"publisher": some}).values()) == [0, 2]
