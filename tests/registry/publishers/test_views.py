"""The publisher pages over HTTP: model projects by round, one publisher with its levels and
components, in the reader's language, with hostile names escaped."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from harvester import records
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories
from tests.registry.components.test_views import HOSTILE, elements, html, visible
from tests.registry.publishers.test_queries import fill, url

DASH = "\N{EN DASH}"


@pytest.fixture
def catalogue(db_session: Session) -> Session:
    return fill(db_session)


def test_the_index_lists_the_rounds_in_order_with_their_projects(client, catalogue) -> None:
    text = visible(html(client, "/herausgeber"))
    positions = [text.index(heading) for heading in (
        "Staffel 1 (2019)", "Solingen", "Ulm", "Staffel 2 (2020)", "Jena",
        "Staffel 3 (2021)", "Guben", "Weitere Herausgeber", "Anbieter Y", "Stadt X",
    )]  # fmt: skip
    assert positions == sorted(positions)


def test_the_index_shows_category_count_and_levels(client, catalogue) -> None:
    page = html(client, "/herausgeber")
    row = page[page.index('href="/herausgeber/mpsc-ulm"') :]
    row = visible(row[: row.index("</tr>")])
    assert "Großstadt 4" in row
    assert "Stufe 3 · Nachnutzbar: 1" in row
    assert "Stufe 2 · Dokumentiert: 2" in row
    assert "nicht bewertet: 1" in row
    assert "davon archiviert: 1" in row


def test_each_round_links_to_the_search_for_its_software(client, catalogue) -> None:
    links = [a.get("href") for a in elements(html(client, "/herausgeber"), "a")]
    assert [link for link in links if link and link.startswith("/suche?staffel")] == [
        "/suche?staffel=1",
        "/suche?staffel=2",
        "/suche?staffel=3",
    ]


def test_a_publisher_page_shows_who_it_is_and_where_its_code_lives(client, catalogue) -> None:
    text = visible(html(client, "/herausgeber/mpsc-ulm"))
    assert "Modellprojekt Smart Cities" in text
    assert "Staffel 1 (2019)" in text
    assert "Großstadt" in text
    assert "Musterstadt (Gemeindeschlüssel 05122000)" in text
    assert "https://github.com/Stadt-Musterstadt (Organisation oder Gruppe)" in text


def test_a_publisher_page_counts_levels_including_the_unrated(client, catalogue) -> None:
    page = html(client, "/herausgeber/mpsc-ulm")
    assert '<tr><th scope="row">Stufe 2 · Dokumentiert</th><td>2</td></tr>' in page
    assert '<tr><th scope="row">nicht bewertet</th><td>1</td></tr>' in page
    assert '<tr><th scope="row">Zusammen</th><td>4</td></tr>' in page


def test_a_publisher_page_lists_its_components_with_their_levels(client, catalogue) -> None:
    page = html(client, "/herausgeber/mpsc-ulm")
    text = visible(page)
    assert f"alpha {DASH} Stufe 2 · Dokumentiert" in text
    assert f"Gamma {DASH} Archiviert" in text
    assert f"d-app {DASH} nicht bewertet" in text
    hrefs = {a.get("href") for a in elements(page, "a")}
    assert "/suche?herausgeber=mpsc-ulm" in hrefs
    assert sum(1 for h in hrefs if h and h.startswith("/software/")) == 4


def test_a_municipality_is_not_shown_as_a_model_project(client, catalogue) -> None:
    text = visible(html(client, "/herausgeber/stadt-x"))
    assert "Kommune" in text
    assert "Staffel" not in text


def test_an_unknown_publisher_is_a_not_found_page(client, catalogue) -> None:
    assert "Traceback" not in html(client, "/herausgeber/mpsc-atlantis", 404)


def test_english_readers_get_english_labels(client, catalogue) -> None:
    client.set_cookie("lang", "en")
    page = html(client, "/herausgeber/mpsc-ulm")
    assert '<html lang="en">' in page
    text = visible(page)
    assert "Level 2 · Documented: 2" not in text  # the detail page has a table, not a list
    assert "Level 2 · Documented 2" in text
    assert "Round 1 (2019)" in text
    assert f"alpha {DASH} Level 2 · Documented" in text


def test_hostile_publisher_data_is_escaped(client, db_session: Session) -> None:
    publisher = factories.publisher(
        "mpsc-x",
        name=HOSTILE,
        category=HOSTILE,
        members=(records.Member(HOSTILE, HOSTILE),),
        code_hosting=(records.CodeHosting("javascript:alert(1)", driver="git"),),
    )
    upsert_publishers(db_session, [publisher])
    run = start_run(db_session, harvester_version="0.1.0")
    store_record(
        db_session, run.id, factories.ok_record(url("x"), publisher_id="mpsc-x", name=HOSTILE)
    )
    db_session.commit()
    for path in ("/herausgeber", "/herausgeber/mpsc-x"):
        page = html(client, path)
        assert "<script" not in page
        assert "&lt;script&gt;" in page
        assert all(not (a.get("href") or "").startswith("javascript") for a in elements(page, "a"))
