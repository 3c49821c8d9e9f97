"""The home page and the search page over HTTP, on SQLite and PostgreSQL, with components
stored through the registry's ingest (which keeps the search projection current)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from harvester import records
from registry.catalogue.views import FACET_VISIBLE, PER_PAGE
from registry.components.queries import find_component
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

ORG = "https://github.com/Stadt-Musterstadt"
DASH = "\u2013"  # the en dash between a title and its page, a filter and its removal


# --- the catalogue's data ------------------------------------------------------------------


@dataclass
class Catalogue:
    """Stores components the way a harvest does."""

    session: Session
    run_id: int

    def add(
        self,
        name: str | None,
        *,
        de: str | None = None,
        en: str | None = None,
        level: int = 2,
        scope: tuple[str, ...] = ("transportation",),
        publisher_id: str = factories.PUBLISHER_ID,
        archived: bool = False,
        publiccode: bool = True,
        slug: str | None = None,
    ) -> int:
        """A component with a good harvest; its id."""
        url = f"{ORG}/{slug or (name or 'ohne-name').lower()}.git"
        record = factories.ok_record(url, name=name, level=level, publisher_id=publisher_id)
        if publiccode:
            record = replace(record, publiccode=_publiccode(name or "", de, en, scope))
        else:
            record = replace(record, publiccode=None, incomplete=True)
        if archived:
            assert record.forge is not None and record.maturity is not None
            forge = replace(record.forge, archived=True)
            record = replace(record, forge=forge, maturity=replace(record.maturity, archived=True))
        store_record(self.session, self.run_id, record)
        self.session.commit()
        component = find_component(self.session, url)
        assert component is not None
        return component.id


def _publiccode(
    name: str, de: str | None, en: str | None, scope: tuple[str, ...]
) -> records.PubliccodeReport:
    description = {
        language: {"shortDescription": text}
        for language, text in (("de", de), ("en", en))
        if text is not None
    }
    document = {
        "publiccodeYmlVersion": "0.4",
        "name": name,
        "developmentStatus": "stable",
        "platforms": ["web"],
        "intendedAudience": {"scope": list(scope)},
        "description": description,
    }
    return replace(factories.publiccode(), document=json.dumps(document))


@pytest.fixture
def catalogue(db_session: Session) -> Catalogue:
    upsert_publishers(
        db_session,
        [
            factories.publisher(),
            factories.publisher("mpsc-anderstadt", name="Smartes Anderstadt", round=2019),
        ],
    )
    run = start_run(db_session, harvester_version="0.1.0")
    db_session.commit()
    return Catalogue(db_session, run.id)


@pytest.fixture
def three(catalogue: Catalogue) -> dict[str, int]:
    """A rated component in both languages, one described in English only, one incomplete."""
    return {
        "park": catalogue.add(
            "Parkplatzfinder",
            de="Freie Parkplätze in der Innenstadt finden",
            en="Find free parking spaces in the city centre",
            level=3,
        ),
        "maengel": catalogue.add(
            "Mängelmelder",
            en="Citizens report damage in public space",
            scope=("society",),
            publisher_id="mpsc-anderstadt",
        ),
        "leer": catalogue.add(None, slug="leer", publiccode=False),
    }


# --- reading pages -------------------------------------------------------------------------


def page(client: FlaskClient, path: str, status: int = 200, language: str = "de") -> str:
    response = client.get(path, headers={"Accept-Language": language})
    assert response.status_code == status, response.get_data(as_text=True)[:3000]
    return response.get_data(as_text=True)


def visible(html: str) -> str:
    """The text a reader sees: tags removed, entities resolved, blanks collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


class _Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str, tag: str) -> list[dict[str, str | None]]:
    return [attributes for name, attributes in _Elements(html).found if name == tag]


def links(html: str) -> list[str]:
    return [str(a["href"]) for a in elements(html, "a") if a.get("href")]


def link(html: str, text: str) -> str:
    """The href of the (first) link whose visible text contains ``text``."""
    for match in re.finditer(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.DOTALL):
        if text in visible(match.group(2)):
            return unescape(match.group(1))
    raise AssertionError(f"no link {text!r}")


def hit_names(html: str) -> list[str]:
    section = html.split('<ol class="hits">', 1)[-1].split("</ol>", 1)[0]
    return [visible(name) for name in re.findall(r"<h3><a [^>]*>(.*?)</a></h3>", section)]


def params(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query)


# --- the home page -------------------------------------------------------------------------


def test_home_says_what_kataster_is_and_counts_the_catalogue(
    client: FlaskClient, three: dict[str, int]
) -> None:
    text = visible(page(client, "/"))
    assert "Kataster verzeichnet wiederverwendbare Open-Source-Software" in text
    assert "3 Komponenten im Katalog" in text
    assert "2 Modellprojekte Smart Cities" in text
    assert "3 Komponenten mit geprüften Lizenzen" in text


def test_home_offers_every_topic_with_its_count(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/")
    assert link(html, "Mobilität & Verkehr") == "/suche?thema=mobilitaet"
    assert "Mobilität & Verkehr 1 Komponente" in visible(html)
    assert "Energie 0 Komponenten" in visible(html)
    topic_links = [href for href in links(html) if href.startswith("/suche?thema=")]
    assert len(topic_links) >= 10


def test_home_lists_the_newest_components_and_releases(
    client: FlaskClient, three: dict[str, int]
) -> None:
    html = page(client, "/")
    newest = html.split('id="neu-titel"', 1)[1].split("</section>", 1)[0]
    assert [href for href in links(newest)] == [
        f"/software/{three['leer']}",
        f"/software/{three['maengel']}",
        f"/software/{three['park']}",
    ]
    releases = visible(html.split('id="versionen-titel"', 1)[1].split("</section>", 1)[0])
    assert "Parkplatzfinder Version 1.1.0 · 02.03.2024" in releases


def test_home_has_a_search_form_that_works_without_javascript(
    client: FlaskClient, three: dict[str, int]
) -> None:
    html = page(client, "/")
    form = elements(html, "form")[0]
    assert (form["method"], form["action"]) == ("get", "/suche")
    assert elements(html, "input")[0]["name"] == "q"
    assert '<label for="q">Suchbegriff</label>' in html


def test_home_of_an_empty_catalogue(client: FlaskClient, db_session: Session) -> None:
    text = visible(page(client, "/"))
    assert "0 Komponenten im Katalog" in text
    assert "Noch keine Komponenten" in text


def test_home_in_english(client: FlaskClient, three: dict[str, int]) -> None:
    text = visible(page(client, "/", language="en"))
    assert "Kataster lists reusable open-source software" in text
    assert "3 components in the catalogue" in text
    assert "Mobility & transport 1 component" in text


# --- searching -----------------------------------------------------------------------------


def test_the_whole_catalogue_without_text(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/suche")
    assert re.search(r"<h2 id=\"treffer-titel\">3 Komponenten\s*</h2>", html)
    assert sorted(hit_names(html)) == ["Mängelmelder", "Parkplatzfinder", "leer"]


def test_a_word_finds_its_other_forms(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/suche?q=Parkplatz")
    assert hit_names(html) == ["Parkplatzfinder"]
    assert "1 Komponente für „Parkplatz“" in visible(html)
    assert f"/software/{three['park']}" in links(html)


def test_a_hit_shows_what_a_reader_needs(client: FlaskClient, three: dict[str, int]) -> None:
    hit = visible(page(client, "/suche?q=Parkplatzfinder").split('<li class="hit">', 1)[1])
    for part in (
        "Freie Parkplätze in der Innenstadt finden",
        "Herausgeber Smarte Musterstadt",
        "Reifegrad Stufe 3 · Nachnutzbar",
        "Lizenz EUPL-1.2",
        "Entwicklungsstand Stabil",
        "Letzte Änderung 30.04.2024",
    ):
        assert part in hit


def test_a_description_in_the_other_language_is_marked_as_such(
    client: FlaskClient, three: dict[str, int]
) -> None:
    html = page(client, "/suche?q=M%C3%A4ngelmelder")
    assert '<p class="description" lang="en">Citizens report damage in public space</p>' in html
    english = page(client, "/suche?q=Parkplatzfinder", language="en")
    assert '<p class="description">Find free parking spaces in the city centre</p>' in english


def test_incomplete_and_unrated_components_say_so(
    client: FlaskClient, three: dict[str, int]
) -> None:
    hit = visible(page(client, "/suche?q=leer").split('<li class="hit">', 1)[1])
    assert "Unvollständig: ohne publiccode.yml" in hit
    assert "Keine Kurzbeschreibung angegeben." in hit


def test_archived_components_are_marked(client: FlaskClient, catalogue: Catalogue) -> None:
    catalogue.add("Altlast", de="Nicht mehr gepflegt", archived=True)
    assert "Archiviert" in visible(page(client, "/suche?q=Altlast"))


def test_a_component_without_a_level_is_not_rated(
    client: FlaskClient, catalogue: Catalogue, db_session: Session
) -> None:
    url = f"{ORG}/kaputt.git"
    store_record(db_session, catalogue.run_id, factories.failed_record(url))
    db_session.commit()
    html = page(client, "/suche?q=kaputt")
    assert "Reifegrad nicht bewertet" in visible(html)
    assert "level-unknown" in html


def test_harvested_text_is_escaped(client: FlaskClient, catalogue: Catalogue) -> None:
    catalogue.add('<script>alert("x")</script>', de="<b>fett</b>", slug="boese")
    html = page(client, "/suche")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html


# --- facets --------------------------------------------------------------------------------


def test_facets_are_labelled_for_readers(client: FlaskClient, three: dict[str, int]) -> None:
    html_of_facets = page(client, "/suche").split('<aside class="facets"', 1)[1]
    facets = visible(html_of_facets)
    for label in (
        "Mobilität & Verkehr 1 Komponente",
        "Beteiligung & Teilhabe 1 Komponente",
        "Stufe 3 · Nachnutzbar 1 Komponente",
        "Stufe 2 · Dokumentiert 2 Komponenten",
        "Smarte Musterstadt 2 Komponenten",
        "Smartes Anderstadt 1 Komponente",
        "Staffel 1 (2019) 1 Komponente",
        "Staffel 2 (2020) 2 Komponenten",
        "Stabil 2 Komponenten",
        "Englisch 2 Komponenten",
        "Deutsch 1 Komponente",
    ):
        assert label in facets
    for title in ("Thema", "Lizenz", "Reifegrad", "Herausgeber", "Staffel", "Entwicklungsstand"):
        assert f'">{title}</h3>' in html_of_facets


def test_facets_in_english(client: FlaskClient, three: dict[str, int]) -> None:
    facets = visible(page(client, "/suche", language="en").split('<aside class="facets"', 1)[1])
    assert "Filters Topic" in facets
    for label in (
        "Mobility & transport 1 component",
        "Level 3 · Ready for reuse",
        "Round 2 (2020)",
    ):
        assert label in facets


def test_choosing_a_facet_value_filters_and_shows_how_to_remove_it(
    client: FlaskClient, three: dict[str, int]
) -> None:
    everything = page(client, "/suche")
    chosen_url = link(everything, "Mobilität & Verkehr")
    assert chosen_url == "/suche?thema=mobilitaet"
    html = page(client, chosen_url)
    assert hit_names(html) == ["Parkplatzfinder"]
    assert 'class="selected" aria-current="true"' in html
    assert f"Thema: Mobilität & Verkehr {DASH} Filter entfernen" in visible(html)
    assert link(html, "Thema: Mobilität & Verkehr") == "/suche"
    # the other topics still count what choosing them (instead) would give
    assert link(html, "Beteiligung & Teilhabe") == "/suche?thema=beteiligung&thema=mobilitaet"


def test_choices_of_two_facets_combine(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/suche?thema=mobilitaet")
    url = link(html, "Staffel 2 (2020)")
    assert params(url) == [("thema", "mobilitaet"), ("staffel", "2")]
    assert hit_names(page(client, url)) == ["Parkplatzfinder"]
    assert hit_names(page(client, "/suche?thema=mobilitaet&staffel=1")) == []


def test_a_chosen_value_nobody_has_is_shown_and_removable(
    client: FlaskClient, three: dict[str, int]
) -> None:
    html = page(client, "/suche?lizenz=WTFPL")
    assert f"Lizenz: WTFPL {DASH} Filter entfernen" in visible(html)
    assert link(html, "Lizenz: WTFPL") == "/suche"


def test_the_search_form_keeps_the_chosen_values(
    client: FlaskClient, three: dict[str, int]
) -> None:
    html = page(client, "/suche?q=Park&thema=mobilitaet&sortierung=reifegrad")
    inputs = [(i.get("name"), i.get("value")) for i in elements(html, "input")]
    assert inputs == [("q", "Park"), ("thema", "mobilitaet")]
    selected = re.search(r'<option value="([^"]*)" selected>', html)
    assert selected is not None and selected.group(1) == "reifegrad"


# --- long facets: the most frequent values, and all of one facet on request ---------------


@pytest.fixture
def publishers(catalogue: Catalogue) -> dict[str, list[str]]:
    """More publishers than a facet shows: FACET_VISIBLE with two components each
    (``frequent``), three with one (``rare``); each named ``Kommune NN`` after its id."""
    numbers = range(FACET_VISIBLE + 3)
    ids = [f"kommune-{number:02d}" for number in numbers]
    listed = [factories.publisher(id, name=f"Kommune {id[-2:]}", members=()) for id in ids]
    upsert_publishers(catalogue.session, listed)
    catalogue.session.commit()
    for number, publisher_id in enumerate(ids):
        for copy in range(2 if number < FACET_VISIBLE else 1):
            slug = f"{publisher_id}-{copy}"
            catalogue.add(
                f"Komponente {slug}", de="Eine Komponente", slug=slug, publisher_id=publisher_id
            )
    return {"frequent": ids[:FACET_VISIBLE], "rare": ids[FACET_VISIBLE:]}


def facet_section(html: str, name: str) -> str:
    """The facet's part of the page: its values and the link to all of them or fewer."""
    return html.split(f'<h3 id="facet-{name}">', 1)[1].split("</section>", 1)[0]


def facet_labels(section: str) -> list[str]:
    """The values a facet lists, as they read, in order."""
    return [visible(label) for label in re.findall(r'<span class="label">(.*?)</span>', section)]


def names(ids: list[str]) -> list[str]:
    return sorted(f"Kommune {id[-2:]}" for id in ids)


def test_a_long_facet_shows_its_most_frequent_values_and_links_to_all_of_them(
    client: FlaskClient, publishers: dict[str, list[str]]
) -> None:
    section = facet_section(page(client, "/suche"), "publisher")
    assert sorted(facet_labels(section)) == names(publishers["frequent"])
    assert link(section, "Alle 11 anzeigen") == "/suche?alle=herausgeber#facet-publisher"
    assert "Alle 11 anzeigen (Herausgeber)" in visible(section)
    assert "<details" not in section


def test_values_not_shown_get_no_url(client: FlaskClient, publishers: dict[str, list[str]]) -> None:
    html = page(client, "/suche")
    assert f"herausgeber={publishers['frequent'][0]}" in html
    for hidden in publishers["rare"]:
        assert f"herausgeber={hidden}" not in html


def test_all_values_of_one_facet_and_the_way_back(
    client: FlaskClient, publishers: dict[str, list[str]]
) -> None:
    html = page(client, link(page(client, "/suche"), "Alle 11 anzeigen"))
    section = facet_section(html, "publisher")
    assert sorted(facet_labels(section)) == names(publishers["frequent"] + publishers["rare"])
    assert link(section, "Weniger anzeigen") == "/suche#facet-publisher"
    assert "Weniger anzeigen (Herausgeber)" in visible(section)
    assert "Alle 11 anzeigen" not in visible(section)
    # choosing a value leads to its (new) result with the short lists again
    assert link(section, "Kommune 10") == "/suche?herausgeber=kommune-10"
    # the same result as without ``alle``, so the same canonical URL
    canonical = [e["href"] for e in elements(html, "link") if e.get("rel") == "canonical"]
    assert canonical == ["http://localhost/suche"]


def test_a_chosen_value_beyond_the_most_frequent_is_shown_first(
    client: FlaskClient, publishers: dict[str, list[str]]
) -> None:
    rare = publishers["rare"][-1]
    html = page(client, f"/suche?herausgeber={rare}")
    section = facet_section(html, "publisher")
    labels = facet_labels(section)
    assert labels[0] == "Kommune 10" and len(labels) == FACET_VISIBLE
    assert link(section, "Kommune 10") == "/suche"
    more = link(section, "Alle 11 anzeigen")
    assert more == f"/suche?herausgeber={rare}&alle=herausgeber#facet-publisher"
    expanded = facet_section(page(client, more), "publisher")
    assert facet_labels(expanded)[0] == "Kommune 10" and len(facet_labels(expanded)) == 11
    assert link(expanded, "Weniger anzeigen") == f"/suche?herausgeber={rare}#facet-publisher"


def test_a_facet_that_shows_all_its_values_offers_neither_more_nor_fewer(
    client: FlaskClient, three: dict[str, int]
) -> None:
    for path in ("/suche", "/suche?alle=herausgeber"):
        text = visible(facet_section(page(client, path), "publisher"))
        assert text.startswith("Herausgeber Smarte Musterstadt 2 Komponenten")
        assert "anzeigen" not in text


def test_pages_keep_the_facet_listed_whole_and_other_links_drop_it(
    client: FlaskClient, many: int
) -> None:
    html = page(client, "/suche?alle=thema")
    assert link(pagination(html), "Nächste Seite") == "/suche?seite=2&alle=thema"
    second = page(client, "/suche?seite=2&alle=thema")
    assert link(pagination(second), "Vorherige Seite") == "/suche?alle=thema"
    assert link(facet_section(second, "topic"), "Mobilität & Verkehr") == "/suche?thema=mobilitaet"


def test_long_facets_in_english(client: FlaskClient, publishers: dict[str, list[str]]) -> None:
    assert "Show all 11" in visible(page(client, "/suche", language="en"))
    assert "Show fewer" in visible(page(client, "/suche?alle=herausgeber", language="en"))


# --- sorting, pages, permalinks ------------------------------------------------------------


def test_sorting_by_maturity(client: FlaskClient, catalogue: Catalogue) -> None:
    for name, level in (("Eins", 1), ("Drei", 3), ("Zwei", 2)):
        catalogue.add(name, de=f"Stufe {level}", level=level)
    html = page(client, "/suche?sortierung=reifegrad")
    assert hit_names(html) == ["Drei", "Zwei", "Eins"]


@pytest.fixture
def many(catalogue: Catalogue) -> int:
    """More components than fit on one page."""
    count = PER_PAGE + 3
    for number in range(count):
        catalogue.add(f"Komponente {number:02d}", de=f"Nummer {number}", slug=f"k{number:02d}")
    return count


def pagination(html: str) -> str:
    return html.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]


def test_pages_are_linked_with_the_current_one_marked_and_cover_every_hit_once(
    client: FlaskClient, many: int
) -> None:
    first = page(client, "/suche")
    assert len(hit_names(first)) == PER_PAGE
    assert 'href="/suche" aria-current="page"' in pagination(first)
    assert link(pagination(first), "Nächste Seite") == "/suche?seite=2"
    assert "Vorherige Seite" not in pagination(first)
    second = page(client, "/suche?seite=2")
    assert 'href="/suche?seite=2" aria-current="page"' in pagination(second)
    assert link(pagination(second), "Vorherige Seite") == "/suche"
    assert "Nächste Seite" not in pagination(second)
    assert f"{many} Komponenten" in visible(second)
    assert "Seite 2 von 2" in visible(second)
    assert f"<title>Suche {DASH} Seite 2 · Kataster</title>" in second
    seen = [*hit_names(first), *hit_names(second)]
    assert len(seen) == many == len(set(seen)), "pages overlap or leave components out"


def test_a_page_after_the_last_is_not_found(client: FlaskClient, three: dict[str, int]) -> None:
    page(client, "/suche?seite=2", status=404)


def test_every_state_has_a_canonical_link(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/suche?q=Park&thema=mobilitaet&sortierung=aenderung")
    canonical = [e["href"] for e in elements(html, "link") if e.get("rel") == "canonical"]
    assert canonical == ["http://localhost/suche?q=Park&thema=mobilitaet&sortierung=aenderung"]


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("/suche?thema=mobilitaet&q=Park", "/suche?q=Park&thema=mobilitaet"),
        ("/suche?lizenz=MIT&lizenz=EUPL-1.2", "/suche?lizenz=EUPL-1.2&lizenz=MIT"),
        ("/suche?q=Park&seite=1&sortierung=relevanz", "/suche?q=Park"),
        ("/suche?q=++Park++&utm_source=x", "/suche?q=Park"),
        ("/suche?alle=herausgeber&q=Park", "/suche?q=Park&alle=herausgeber"),
        ("/suche?alle=lizenz&alle=thema", "/suche?alle=lizenz"),
    ],
)
def test_other_spellings_of_a_state_redirect_to_its_permalink(
    client: FlaskClient, three: dict[str, int], given: str, canonical: str
) -> None:
    response = client.get(given)
    assert response.status_code == 302
    assert response.headers["Location"] == canonical


def test_empty_parameters_from_the_form_need_no_redirect(
    client: FlaskClient, three: dict[str, int]
) -> None:
    assert client.get("/suche?q=Park&sortierung=").status_code == 200


def test_an_empty_result_helps(client: FlaskClient, three: dict[str, int]) -> None:
    html = page(client, "/suche?q=Raumstation&thema=mobilitaet")
    text = visible(html)
    assert "0 Komponenten für „Raumstation“" in text
    assert "Keine Komponente passt zu dieser Suche." in text
    assert link(html, "Alle Filter entfernen") == "/suche?q=Raumstation"
    assert link(html, "Alle Komponenten anzeigen") == "/suche"


@pytest.mark.parametrize(
    ("path", "explanation"),
    [
        ("/suche?seite=null", "Die Seitenzahl muss eine ganze Zahl von 1 bis 10000 sein."),
        (
            "/suche?sortierung=name",
            "Unbekannte Sortierung. Möglich sind: relevanz, aenderung, reifegrad.",
        ),
        (f"/suche?q={'x' * 201}", "Der Suchtext ist zu lang (höchstens 200 Zeichen)."),
        (
            "/suche?alle=publisher",
            "Unbekannter Filter. Möglich sind: thema, kategorie, lizenz, reifegrad, herausgeber,"
            " staffel, plattform, status, sprache.",
        ),
    ],
)
def test_parameters_that_mean_nothing_get_a_page_that_says_why(
    client: FlaskClient, three: dict[str, int], path: str, explanation: str
) -> None:
    text = visible(page(client, path, status=400))
    assert "Ungültige Anfrage" in text
    assert explanation in text


def test_the_search_page_in_english(client: FlaskClient, three: dict[str, int]) -> None:
    text = visible(page(client, "/suche", language="en"))
    assert "3 components" in text
    assert "Maturity Level 3 · Ready for reuse" in text
    assert "Maturity not rated" in text or "Incomplete: no publiccode.yml" in text
