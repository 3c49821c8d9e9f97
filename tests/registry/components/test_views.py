"""The component page and the badge over HTTP: what a reader sees, in both languages, with
every harvested string escaped, and the badge's caching."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from harvester import records
from registry.components.queries import find_component
from tests.harvester.test_pipeline import complete_repository
from tests.registry import factories
from tests.registry.components.test_page import MIRROR, harvested, stored

HOSTILE = '<script>alert("x")</script>'


def html(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def visible(page: str) -> str:
    """The page's text without tags, entities resolved, blanks collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


class Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(page: str, tag: str) -> list[dict[str, str | None]]:
    return [attrs for name, attrs in Elements(page).found if name == tag]


# --- the page ------------------------------------------------------------------------------


def test_shows_the_component_with_its_level_and_name(client, db_session: Session) -> None:
    component_id = stored(db_session, factories.ok_record())
    text = visible(html(client, f"/software/{component_id}"))
    assert "Mängelmelder" in text
    assert "Stufe 2 · Dokumentiert" in text
    assert "Was fehlt für Stufe 3 · Nachnutzbar?" in text


def test_an_unknown_id_is_a_not_found_page(client, db_session: Session) -> None:
    page = html(client, "/software/4711", 404)
    assert "Traceback" not in page
    assert "<html" in page


def test_a_merged_id_redirects_permanently_to_the_surviving_component(
    client, db_session: Session
) -> None:
    mirror_id = stored(db_session, factories.ok_record(canonical_url=MIRROR))
    original_id = stored(db_session, factories.ok_record(MIRROR, commit="9" * 40))
    response = client.get(f"/software/{mirror_id}")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/software/{original_id}")


def test_every_check_is_shown_with_outcome_value_threshold_and_reason(
    client, db_session: Session
) -> None:
    text = visible(html(client, f"/software/{stored(db_session, factories.ok_record())}"))
    assert "L1.1" in text and "bestanden" in text
    assert "a licence file at the root" in text
    assert "Eine Lizenzdatei liegt im Wurzelverzeichnis." in text
    assert "L3.1" in text and "nicht bestanden" in text
    assert "nicht geprüft" in text  # checks of the model this harvest did not run


def test_evidence_links_to_the_file_and_line_at_the_commit(client, db_session: Session) -> None:
    page = html(client, f"/software/{stored(db_session, factories.ok_record())}")
    link = f"https://github.com/Stadt-Musterstadt/maengelmelder/blob/{factories.COMMIT}/LICENSE#L1"
    anchors = [a for a in elements(page, "a") if a.get("href") == link]
    assert anchors and all(a.get("rel") == "noopener" for a in anchors)


def test_a_real_harvest_is_shown_with_evidence_as_text_where_no_link_can_be_made(
    client, db_session: Session, git_repos, tmp_path: Path
) -> None:
    repo = complete_repository(git_repos("maengelmelder"))
    component_id = stored(db_session, harvested(repo, tmp_path))
    page = html(client, f"/software/{component_id}")
    text = visible(page)
    assert "Stufe 1 · Offen" in text
    assert f"LICENSE , Commit {repo.head()[:12]}" in text
    assert not [a for a in elements(page, "a") if "file://" in (a.get("href") or "")]
    assert "Stadt Musterstadt" in text and "Gemeinde Beispielhausen" in text
    assert "laut angabe des herausgebers" in text.lower()
    assert "Logo nicht gezeigt" in text


def test_archived_is_shown_instead_of_the_level_which_stays_visible(client, db_session) -> None:
    record = factories.ok_record()
    record = replace(record, maturity=replace(record.maturity, archived=True))
    text = visible(html(client, f"/software/{stored(db_session, record)}"))
    assert "Reifegrad: Archiviert" in text
    assert "Erreichte Stufe: Stufe 2 · Dokumentiert." in text


def test_a_failed_licence_check_explains_the_cap_at_level_0(client, db_session) -> None:
    record = factories.ok_record()
    record = replace(record, maturity=replace(record.maturity, level=0, capped_by_licence=True))
    text = visible(html(client, f"/software/{stored(db_session, record)}"))
    assert "Stufe 0 · Gelistet" in text
    assert "Die Stufe ist deshalb auf 0 begrenzt" in text


def test_the_last_failed_attempt_is_reported_with_the_date_of_the_data_shown(
    client, db_session: Session
) -> None:
    later = factories.NOW + datetime.timedelta(days=3)
    component_id = stored(
        db_session, factories.ok_record(), factories.failed_record(failure="timeout", at=later)
    )
    text = visible(html(client, f"/software/{component_id}"))
    assert "Letzter Versuch fehlgeschlagen am 04.05.2024" in text
    assert "timeout" in text
    assert "Es werden die Daten vom 01.05.2024" in text


def test_a_component_never_harvested_well_says_what_is_unknown(client, db_session) -> None:
    component_id = stored(db_session, factories.failed_record())
    text = visible(html(client, f"/software/{component_id}"))
    assert "noch keine erfolgreiche Ernte" in text
    assert "nicht bewertet" in text
    assert "Die Lizenzen sind unbekannt" in text
    assert "Es gibt noch keine erfolgreich geernteten Daten." in text


def test_health_charts_are_images_with_a_table_of_their_numbers(client, db_session) -> None:
    page = html(client, f"/software/{stored(db_session, factories.ok_record())}")
    charts = elements(page, "svg")
    assert len(charts) == 2 and all(chart.get("role") == "img" for chart in charts)
    assert '<title id="chart-commits-title">Commits pro Monat</title>' in page
    assert '<th scope="row">2024-04</th><td>9</td>' in page


def test_the_badge_embed_code_uses_absolute_urls(client, db_session: Session) -> None:
    component_id = stored(db_session, factories.ok_record())
    text = visible(html(client, f"/software/{component_id}"))
    badge = f"http://localhost/software/{component_id}/badge.svg"
    assert f'<img src="{badge}" alt="Nachnutzungs-Reifegrad">' in text
    assert f"[![Nachnutzungs-Reifegrad]({badge})](http://localhost/software/{component_id})" in text


def test_english_readers_get_english_texts_and_fallbacks_are_marked(
    client, db_session: Session
) -> None:
    component_id = stored(db_session, factories.ok_record())
    harvest = find_component(db_session, factories.URL).current_harvest
    harvest.publiccode_document = {
        "description": {"de": {"shortDescription": "Nur auf Deutsch", "features": ["Karte"]}}
    }
    db_session.commit()
    client.set_cookie("lang", "en")
    page = html(client, f"/software/{component_id}")
    assert '<html lang="en">' in page
    assert '<p class="component-lead" lang="de">Nur auf Deutsch</p>' in page
    assert '<li lang="de">Karte</li>' in page
    text = visible(page)
    assert "A licence file is at the root." in text
    assert "Level 2 · Documented" in text
    assert "What is missing for Level 3 · Ready for reuse?" in text
    assert "failed" in text and "passed" in text
    badge = f"http://localhost/software/{component_id}/badge.svg?lang=en"
    assert f"[![Maturity for reuse]({badge})](http://localhost/software/{component_id})" in text


# --- hostile strings -----------------------------------------------------------------------


def hostile_record() -> records.HarvestRecord:
    record = factories.ok_record(name=HOSTILE)
    check = records.CheckResult(
        id="L1.1",
        name=HOSTILE,
        outcome=records.CheckOutcome.FAIL,
        value=HOSTILE,
        threshold=HOSTILE,
        reason_de=HOSTILE,
        reason_en=HOSTILE,
        evidence=(
            records.Evidence(
                "G", path=HOSTILE, line=1, commit=HOSTILE, url="javascript:x", detail=HOSTILE
            ),
        ),
    )
    licences = replace(
        record.licences,
        declared=HOSTILE,
        files=(
            records.LicenceFile(HOSTILE, records.LicenceStatus.MODIFIED, (HOSTILE,), 0.5, HOSTILE),
        ),
        manifests=(records.ManifestLicence(HOSTILE, HOSTILE, HOSTILE, None),),
        findings=(records.LicenceFinding(HOSTILE, "error", HOSTILE, HOSTILE, HOSTILE, (HOSTILE,)),),
    )
    finding = records.PubliccodeFinding(type="error", key=HOSTILE, description=HOSTILE, line=1)
    forge = replace(record.forge, releases=(records.ForgeRelease(HOSTILE, HOSTILE, None, True),))
    return replace(
        record,
        description=HOSTILE,
        maturity=replace(record.maturity, checks=(check,), blocking=("L1.1",), level=0),
        licences=licences,
        publiccode=replace(record.publiccode, findings=(finding,)),
        forge=forge,
    )


HOSTILE_DOCUMENT = {
    "description": {
        "de": {
            "shortDescription": HOSTILE,
            "longDescription": f"{HOSTILE} [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
            "features": [HOSTILE],
            "documentation": "javascript:alert(1)",
            "screenshots": ["javascript:alert(1)", "data:image/png;base64,AA", HOSTILE],
        }
    },
    "logo": "javascript:alert(1)",
    "landingURL": "javascript:alert(2)",
    "roadmap": 'http://example.org/"><script>alert(1)</script>',
    "usedBy": [HOSTILE],
    "developmentStatus": HOSTILE,
    "softwareVersion": HOSTILE,
    "platforms": [HOSTILE],
    "maintenance": {
        "type": HOSTILE,
        "contractors": [{"name": HOSTILE, "until": HOSTILE}],
        "contacts": [{"name": HOSTILE, "affiliation": HOSTILE}],
    },
}


@pytest.fixture
def hostile_page(client, db_session: Session) -> str:
    publisher = factories.publisher(
        name=HOSTILE, category=HOSTILE, members=(records.Member(HOSTILE, HOSTILE),)
    )
    later = factories.NOW + datetime.timedelta(days=1)
    failed = factories.failed_record(failure=HOSTILE, at=later)
    component_id = stored(db_session, hostile_record(), failed, publisher=publisher)
    find_component(db_session, factories.URL).current_harvest.publiccode_document = HOSTILE_DOCUMENT
    db_session.commit()
    return html(client, f"/software/{component_id}")


def test_hostile_strings_in_every_field_come_out_escaped(hostile_page: str) -> None:
    assert "<script" not in hostile_page
    assert not elements(hostile_page, "script")
    assert hostile_page.count("&lt;script&gt;") >= 25
    text = visible(hostile_page)
    assert f"Herausgeber: {HOSTILE}" in text
    assert f"Auftragnehmer: {HOSTILE}, Vertrag bis {HOSTILE}" in text
    assert f"Ansprechperson: {HOSTILE} ({HOSTILE})" in text
    assert f"{HOSTILE} . Es werden die Daten vom" in text
    assert f"Git : {HOSTILE} , Zeile 1" in text


def test_hostile_urls_never_become_links_or_images(hostile_page: str) -> None:
    for tag, attribute in (("a", "href"), ("img", "src")):
        for attrs in elements(hostile_page, tag):
            value = (attrs.get(attribute) or "").strip().lower()
            assert value.startswith(("https://", "http://", "/", "#")), (tag, value)
    assert not [attrs for _, attrs in Elements(hostile_page).found if "onerror" in attrs]
    assert "Nicht gezeigt" in visible(hostile_page)


# --- the badge -----------------------------------------------------------------------------


def test_the_badge_is_an_svg_with_caching_headers(client, db_session: Session) -> None:
    component_id = stored(db_session, factories.ok_record())
    response = client.get(f"/software/{component_id}/badge.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "max-age=" in response.headers["Cache-Control"]
    assert response.headers["ETag"]
    body = response.get_data(as_text=True)
    assert ">Reifegrad<" in body and ">Stufe 2<" in body
    assert "<title>Nachnutzungs-Reifegrad: Stufe 2 · Dokumentiert</title>" in body


def test_the_badge_answers_not_modified_to_a_matching_etag(client, db_session) -> None:
    path = f"/software/{stored(db_session, factories.ok_record())}/badge.svg"
    etag = client.get(path).headers["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.get_data() == b""
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_badge_is_german_unless_english_is_asked_for(client, db_session) -> None:
    path = f"/software/{stored(db_session, factories.ok_record())}/badge.svg"
    client.set_cookie("lang", "en")
    assert ">Stufe 2<" in client.get(path).get_data(as_text=True)
    english = client.get(f"{path}?lang=en")
    assert ">level 2<" in english.get_data(as_text=True)
    assert english.headers["ETag"] != client.get(path).headers["ETag"]


def test_an_archived_component_has_the_archived_badge(client, db_session) -> None:
    record = factories.ok_record()
    record = replace(record, maturity=replace(record.maturity, archived=True))
    body = client.get(f"/software/{stored(db_session, record)}/badge.svg").get_data(as_text=True)
    assert ">archiviert<" in body


def test_a_component_without_a_rating_has_the_not_rated_badge(client, db_session) -> None:
    path = f"/software/{stored(db_session, factories.failed_record())}/badge.svg"
    assert ">nicht bewertet<" in client.get(path).get_data(as_text=True)


def test_an_unknown_id_gets_a_not_found_badge(client, db_session: Session) -> None:
    response = client.get("/software/4711/badge.svg")
    assert response.status_code == 404
    assert response.mimetype == "image/svg+xml"
    assert ">unbekannte Software<" in response.get_data(as_text=True)


def test_a_merged_id_redirects_its_badge_keeping_the_language(client, db_session) -> None:
    mirror_id = stored(db_session, factories.ok_record(canonical_url=MIRROR))
    original_id = stored(db_session, factories.ok_record(MIRROR, commit="9" * 40))
    response = client.get(f"/software/{mirror_id}/badge.svg?lang=en")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/software/{original_id}/badge.svg?lang=en")
