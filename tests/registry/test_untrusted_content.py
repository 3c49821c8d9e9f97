"""Untrusted content on every page: a corpus of XSS payloads, harvested for real, then fetched.

Each payload of tests/data/xss/payloads.txt (and a few long ones made here) goes into every
text and URL field of a publiccode.yml, and into the README, of a real git repository; for
every third payload a second repository carries it in its README only (without publiccode.yml,
name and description come from the README). The harvester's pipeline reads each repository
(git clone, inspection, validation, licences, maturity) once; its records are stored with the
registry's ingest (which also feeds the search projection) into a real database, SQLite and
PostgreSQL. Then every page that shows them is fetched and parsed with the standard library's
``html.parser``: the search results for the component (and for the payload itself as the
query) on both backends, the component pages (the same stored documents on both backends:
SQLite only), the publisher pages, the home page, every badge, and the check page with the
payload's publiccode.yml pasted and its text as an uploaded file's name.

A page passes when nothing in it originates from a payload:

- no ``<script>`` element, and none of the elements the site never writes (iframe, object,
  embed, base, SVG animation and ``use``, MathML, ``style`` in the body...);
- no event-handler attribute (``on*``), no ``style``, ``srcdoc`` or ``formaction``;
- no URL attribute with a scheme other than http, https or mailto: ``javascript:``,
  ``vbscript:`` and ``data:`` are caught in every spelling (the parser decodes character
  references; blanks and control characters are dropped before the scheme, as browsers do);
- template syntax stays literal (``{{7*7}}`` never becomes 49), and the name of a component,
  payload included, is on its page and in its search hit as text;

and every response carries a Content-Security-Policy that allows no inline script.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from harvester.discover import Target
from harvester.git import GitLimits
from harvester.maturity import load_model
from harvester.pipeline import HarvestContext, harvest_repository
from harvester.publiccode import load_profile, validate
from harvester.records import HarvestRecord, HarvestStatus
from registry.app import create_app
from registry.components.models import Component
from registry.db import make_engine, make_session_factory, upgrade
from registry.harvest.ingest import (
    finish_run,
    resolve_canonical,
    start_run,
    store_record,
    upsert_publishers,
)
from tests.gitrepos import RepoBuilder
from tests.registry import factories
from tests.registry.conftest import BACKENDS, empty_database

CORPUS = Path(__file__).parents[1] / "data" / "xss" / "payloads.txt"
PUBLISHER = "xss-stadt"

# --- the corpus ------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(n|t|\\|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")
_NAMED = {"n": "\n", "t": "\t", "\\": "\\"}


def _unescaped(line: str) -> str:
    return _ESCAPE.sub(lambda m: _NAMED.get(m[1]) or chr(int(m[1][1:], 16)), line)


def load_corpus() -> list[str]:
    """The payloads of the corpus file, then long ones that are impractical to write there."""
    lines = CORPUS.read_text("utf-8").splitlines()
    written = [_unescaped(line) for line in lines if line.strip() and not _comment(line)]
    return [
        *written,
        "x" * 10_000 + "<script>alert(1)</script>",
        "<b>" * 2_000 + "<img src=x onerror=alert(1)>",
        "[" * 3_000 + "](javascript:alert(1))" + "]" * 3_000,
        "&" * 5_000 + "<svg onload=alert(1)>",
        "\u202e" * 500 + "javascript:alert(1)",
    ]


def _comment(line: str) -> bool:
    return line == "#" or line.startswith("# ")


PAYLOADS = load_corpus()
INDEXES = range(len(PAYLOADS))


def marker(index: int) -> str:
    """A word that finds the payload's component in a search, and starts its name."""
    return f"Nutzlast{index:03d}"


def ids(index: int) -> str:
    """A short, printable test id for the payload at ``index``."""
    text = PAYLOADS[index].encode("unicode_escape").decode("ascii")
    return f"{index:03d}:{text[:40]}"


# --- the repositories ------------------------------------------------------------------------

_PRINTABLE = re.compile(r"[\t\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back exactly as ``text``."""
    out = []
    for character in text:
        if character in '"\\':
            out.append("\\" + character)
        elif _PRINTABLE.fullmatch(character) and character not in "\ufeff\u2028\u2029":
            out.append(character)
        elif ord(character) <= 0xFF:
            out.append(f"\\x{ord(character):02x}")
        elif ord(character) <= 0xFFFF:
            out.append(f"\\u{ord(character):04x}")
        else:
            out.append(f"\\U{ord(character):08x}")
    return '"' + "".join(out) + '"'


FILLER = (
    "Diese Beschreibung ist lang genug für die Regeln von publiccode.yml und erzählt von einer "
    "Anwendung, die Bürgerinnen und Bürger in ihrer Stadt nutzen."
)


def publiccode(index: int, url: str) -> str:
    """A publiccode.yml with the payload in every text and URL field.

    The reference decoder drops a whole top-level section when a URL in it does not parse
    (one decode error), so where the payload is no URL, the URLs inside ``description`` and
    ``maintenance`` hold it percent-encoded instead, and only ``landingURL`` and ``roadmap``
    (sections of their own) hold it as it is: every other field is decoded whatever the
    payload.
    """
    text = _publiccode(index, url, raw_urls=True)
    document = validate(text.encode()).document or {}
    if "description" in document and "maintenance" in document:
        return text
    return _publiccode(index, url, raw_urls=False)


def _publiccode(index: int, url: str, *, raw_urls: bool) -> str:
    payload = PAYLOADS[index]
    p = quoted(payload)
    long = quoted(f"{payload}\n\n{FILLER}\n\n{payload}\n")
    u = p if raw_urls else quoted("https://beispiel.example/" + quote(payload, safe=""))
    return f"""publiccodeYmlVersion: "0"
name: {quoted(f"{marker(index)} {payload}")}
applicationSuite: {p}
url: {quoted(url)}
softwareVersion: {p}
logo: {p}
organisation:
  uri: {p}
  name: {p}
platforms:
  - web
  - {p}
categories:
  - {p}
usedBy:
  - {p}
fundedBy:
  - name: {p}
    uri: {p}
developmentStatus: stable
softwareType: standalone/web
intendedAudience:
  scope:
    - {p}
legal:
  license: EUPL-1.2
  mainCopyrightOwner: {p}
maintenance:
  type: contract
  contractors:
    - name: {p}
      until: "2099-12-31"
      email: {p}
      website: {u}
  contacts:
    - name: {p}
      email: {p}
      phone: {p}
      affiliation: {p}
localisation:
  localisationReady: true
  availableLanguages:
    - de
dependsOn:
  open:
    - name: {p}
      versionMin: {p}
description:
  de:
    localisedName: {p}
    shortDescription: {p}
    longDescription: {long}
    features:
      - {p}
    screenshots:
      - {p}
    documentation: {u}
    apiDocumentation: {u}
    videos:
      - {u}
landingURL: {p}
roadmap: {p}
"""


def readme(index: int) -> str:
    payload = PAYLOADS[index]
    return f"# {marker(index)} {payload}\n\n{payload}\n\n{FILLER}\n\n## {payload}\n\n{payload}\n"


@dataclass(frozen=True)
class Repositories:
    """For each payload a repository with publiccode.yml and README, for some one with only
    a README; ``cache`` is the harvester's git cache."""

    described: dict[int, str]
    readme_only: dict[int, str]
    cache: Path


README_EVERY = 3
"""One payload in so many also gets a repository with nothing but a README (each harvest
and page costs time; the README's name and description reach the same templates)."""


def build_repositories(root: Path) -> Repositories:
    """The repositories of every payload, built in parallel (git runs as a subprocess)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        described = dict(
            zip(INDEXES, pool.map(lambda i: _described(root, i), INDEXES), strict=True)
        )
        bare = range(0, len(PAYLOADS), README_EVERY)
        readme_only = dict(zip(bare, pool.map(lambda i: _readme_only(root, i), bare), strict=True))
    return Repositories(described, readme_only, cache=root / "cache")


def _described(root: Path, index: int) -> str:
    repo = RepoBuilder(root / f"beschrieben-{index:03d}")
    repo.commit({"publiccode.yml": publiccode(index, repo.url), "README.md": readme(index)})
    return repo.url


def _readme_only(root: Path, index: int) -> str:
    repo = RepoBuilder(root / f"readme-{index:03d}")
    repo.commit({"README.md": readme(index)})
    return repo.url


# --- the harvested world, once per database backend ----------------------------------------


@dataclass
class World:
    """The harvested corpus: a client of the app on its database, and each payload's ids."""

    client: FlaskClient
    described: dict[int, int | None]
    readme_only: dict[int, int | None]


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> Repositories:
    return build_repositories(tmp_path_factory.mktemp("xss-repos"))


@pytest.fixture(scope="module")
def records(repositories: Repositories) -> list[HarvestRecord]:
    """Every repository harvested by the harvester's pipeline (git, inspection, validation,
    licences, maturity) once; the records are stored into each database below."""
    context = HarvestContext(
        cache_dir=repositories.cache,
        limits=GitLimits(timeout=60, max_file_bytes=10 * 1024 * 1024),
        profile=load_profile("smart-city"),
        model=load_model(),
        harvester_version="test",
        now=datetime.datetime.now(datetime.UTC),
    )
    urls = [*repositories.described.values(), *repositories.readme_only.values()]
    targets = [Target(publisher_id=PUBLISHER, url=url, driver="git") for url in urls]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda target: harvest_repository(target, context), targets))


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest,
    repositories: Repositories,
    records: list[HarvestRecord],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    folder = tmp_path_factory.mktemp(f"xss-{request.param}")
    with empty_database(request.param, folder) as database_url:
        upgrade(database_url)
        engine = make_engine(database_url)
        try:
            _store(make_session_factory(engine), records)
            described = _component_ids(engine, repositories.described)
            readme_only = _component_ids(engine, repositories.readme_only)
        finally:
            engine.dispose()
        app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": database_url})
        yield World(app.test_client(), described, readme_only)
        _close_database(app)


def _close_database(app: Flask) -> None:
    """Close the app's pooled connections before the database goes (the engine is made on
    the first request and kept by registry.web.session)."""
    engine = app.extensions["kataster"].engine
    if engine is not None:
        engine.dispose()


def _store(sessions: sessionmaker[Session], records: list[HarvestRecord]) -> None:
    """Store as ``kataster harvest`` does (one run; ingest's functions), in one transaction."""
    with sessions.begin() as session:
        upsert_publishers(session, [factories.publisher(PUBLISHER, name="Stadt Nutzlast")])
        run = start_run(session, harvester_version="test")
        session.flush()
        for record in records:
            store_record(session, run.id, record)
        resolve_canonical(session)
        finish_run(session, run.id, {"new": len(records)})


def _component_ids(engine: Engine, urls: dict[int, str]) -> dict[int, int | None]:
    with engine.connect() as connection:
        rows = connection.execute(select(Component.url, Component.id)).all()
    by_url = {url: component_id for url, component_id in rows}
    return {index: by_url.get(url) for index, url in urls.items()}


# --- reading a page --------------------------------------------------------------------------

DANGEROUS_ELEMENTS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
        "noscript", "template", "portal", "marquee", "audio", "video", "source", "track",
        "xmp", "plaintext", "math", "maction", "mglyph", "mtext", "set", "animate",
        "animatemotion", "animatetransform", "use", "foreignobject", "handler", "listener",
    }
)  # fmt: skip
"""Elements the site never writes: if one is on a page, a payload put it there."""

HEAD_ONLY = frozenset({"meta", "link", "style"})
FORBIDDEN_ATTRIBUTES = frozenset({"style", "srcdoc", "formaction", "http-equiv", "autofocus"})
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "data", "poster", "background", "cite",
        "srcset", "xlink:href", "to", "from", "values", "by", "ping", "manifest", "codebase",
        "longdesc", "usemap", "lowsrc", "dynsrc", "icon", "archive", "classid", "profile",
    }
)  # fmt: skip
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


class Page(HTMLParser):
    """A page parsed: the problems found in its markup and its visible text."""

    def __init__(self, document: str, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.text_parts: list[str] = []
        self.in_body = False
        self.feed(document)
        self.close()

    @property
    def text(self) -> str:
        """The visible text, blanks collapsed."""
        return " ".join("".join(self.text_parts).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        if tag in DANGEROUS_ELEMENTS or (self.in_body and tag in HEAD_ONLY):
            self._problem(f"element <{tag}>")
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.text_parts.append(data)

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on") or name in FORBIDDEN_ATTRIBUTES:
            self._problem(f"attribute {name}= on <{tag}>")
        if name in URL_ATTRIBUTES:
            urls = value.split(",") if name == "srcset" else [value]
            for url in urls:
                scheme = url_scheme(url)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self._problem(f"{scheme}: URL in {name}= of <{tag}>: {value[:80]!r}")

    def _problem(self, what: str) -> None:
        self.problems.append(f"{self.where}: {what}")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url`` (blanks and controls removed), if any."""
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", url).lower())
    return match[1] if match else None


CSP = "Content-Security-Policy"


def fetched(client: FlaskClient, url: str, where: str, **kwargs: object) -> Page:
    """The page at ``url``, with a problem for a missing or lax Content-Security-Policy."""
    response = client.open(url, **kwargs)  # type: ignore[arg-type]
    page = Page(response.get_data(as_text=True), where)
    policy = response.headers.get(CSP, "")
    if "default-src 'none'" not in policy and "script-src 'none'" not in policy:
        page.problems.append(f"{where}: no {CSP} that forbids scripts ({policy!r})")
    if "unsafe-inline" in policy or "unsafe-eval" in policy:
        page.problems.append(f"{where}: {CSP} allows unsafe scripts ({policy!r})")
    if response.status_code >= 500:
        page.problems.append(f"{where}: status {response.status_code}")
    return page


def literal_templates(page: Page, index: int, *, shown: bool = True) -> list[str]:
    """A payload with ``7*7`` never shows the 49 it would compute; ``shown``: it must be on
    the page as written (a README's Markdown may take its asterisks for emphasis)."""
    payload = PAYLOADS[index]
    if "7*7" not in payload and "7*'7'" not in payload:
        return []
    problems = []
    for evaluated in ("49", "7777777"):
        if f"{marker(index)} {evaluated}" in page.text:
            problems.append(f"{page.where}: template syntax evaluated to {evaluated}")
    if shown and "7*" not in page.text:
        problems.append(f"{page.where}: the template syntax is missing from the page")
    return problems


def shows_name(page: Page, index: int) -> list[str]:
    """The component's name, payload and all, is on the page as text (when it is short)."""
    payload = PAYLOADS[index]
    if len(payload) > 200 or _IGNORED_IN_URLS.search(payload) or "\n" in payload:
        return [] if marker(index) in page.text else [f"{page.where}: the component is missing"]
    name = " ".join(f"{marker(index)} {payload}".split())
    return [] if name in page.text else [f"{page.where}: the name is not shown as text"]


# --- the pages -------------------------------------------------------------------------------


def test_every_repository_was_harvested_with_its_payload(
    repositories: Repositories, records: list[HarvestRecord]
) -> None:
    """Else the pages below would not show the payloads, and could not fail."""
    by_url = {record.url: record for record in records}
    for index, url in repositories.described.items():
        record = by_url[url]
        assert record.status is HarvestStatus.OK, (ids(index), record.failure)
        assert record.publiccode is not None and record.publiccode.document is not None
        document = json.loads(record.publiccode.document)
        assert document["name"] == f"{marker(index)} {PAYLOADS[index]}", ids(index)
        assert document["description"]["de"]["features"] == [PAYLOADS[index]], ids(index)
        assert document["maintenance"]["contacts"][0]["name"] == PAYLOADS[index], ids(index)
        assert record.name and record.name.startswith(marker(index)), ids(index)
    for index, url in repositories.readme_only.items():
        record = by_url[url]
        assert record.status is HarvestStatus.OK, (ids(index), record.failure)
        assert record.name and record.name.startswith(marker(index)), ids(index)


@pytest.mark.parametrize("index", INDEXES, ids=ids)
def test_search_shows_the_payload_only_as_text(world: World, index: int) -> None:
    hits = fetched(world.client, f"/suche?q={marker(index)}", "search results")
    reflected = fetched(
        world.client, f"/suche?q={quote(PAYLOADS[index])}", "search for the payload"
    )
    problems = [*hits.problems, *reflected.problems, *literal_templates(hits, index)]
    problems += shows_name(hits, index)
    assert problems == []


# The component page renders the same stored documents on both backends; SQLite suffices.
@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
@pytest.mark.parametrize("index", INDEXES, ids=ids)
def test_component_pages_show_the_payload_only_as_text(world: World, index: int) -> None:
    components = [("described", world.described[index])]
    if index in world.readme_only:
        components.append(("README only", world.readme_only[index]))
    problems = []
    for kind, component_id in components:
        if component_id is None:
            problems.append(f"{kind}: the repository was not stored as a component")
            continue
        page = fetched(world.client, f"/software/{component_id}", f"component page ({kind})")
        described = kind == "described"
        problems += [*page.problems, *literal_templates(page, index, shown=described)]
        if described:
            problems += shows_name(page, index)
    assert problems == []


def test_publisher_home_and_badges_show_no_payload_but_as_text(world: World) -> None:
    pages = [
        fetched(world.client, "/", "home page"),
        fetched(world.client, "/herausgeber", "publisher index"),
        fetched(world.client, f"/herausgeber/{PUBLISHER}", "publisher page"),
        fetched(world.client, "/suche", "search without a query"),
        fetched(world.client, "/suche?seite=2", "search, page 2"),
        fetched(world.client, "/suche?lizenz=EUPL-1.2&sortierung=aenderung", "search, filtered"),
    ]
    components = [*world.described.values(), *world.readme_only.values()]
    pages += [
        fetched(world.client, f"/software/{component_id}/badge.svg", f"badge {component_id}")
        for component_id in components
        if component_id is not None
    ]
    problems = [problem for page in pages for problem in page.problems]
    assert problems == []
    assert "Nutzlast" in pages[2].text


@pytest.fixture(scope="module")
def check_client() -> FlaskClient:
    app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": "sqlite:///:memory:"})
    return app.test_client()


@pytest.mark.parametrize("index", INDEXES, ids=ids)
def test_the_check_page_shows_the_payload_only_as_text(
    check_client: FlaskClient, index: int
) -> None:
    text = publiccode(index, "https://example.org/nutzlast.git")
    pasted = _posted(check_client, {"inhalt": text, "profil": "smart-city"}, "check, pasted")
    named = f'publiccodeYmlVersion: "0"\nname: {quoted(PAYLOADS[index])}\n'.encode()
    file = FileStorage(io.BytesIO(named), filename=f"{browser_filename(index)}.yml")
    uploaded = _posted(check_client, {"datei": file, "profil": "publiccode"}, "check, uploaded")
    assert [*pasted.problems, *uploaded.problems] == []
    assert "Befund" in pasted.text or "Keine Befunde" in pasted.text


def browser_filename(index: int) -> str:
    """The payload as a file name, as a browser sends it (quotes and line breaks encoded)."""
    name = PAYLOADS[index][:100]
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _posted(client: FlaskClient, fields: dict[str, object], where: str) -> Page:
    boundary, body = encode_multipart(fields)
    content_type = f"multipart/form-data; boundary={boundary}"
    return fetched(client, "/pruefen", where, method="POST", data=body, content_type=content_type)


# --- the test's own instruments --------------------------------------------------------------


class TestTheInstruments:
    """The checks above can fail: each kind of injection is caught in a hand-made page."""

    @pytest.mark.parametrize(
        "markup",
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            '<a href="jav&#x61;script:alert(1)">x</a>',
            '<a href=" \tjavascript:alert(1)">x</a>',
            '<a href="&#x01;JAVASCRIPT:alert(1)">x</a>',
            '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
            '<a href="vbscript:msgbox(1)">x</a>',
            '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
            '<iframe srcdoc="x"></iframe>',
            '<p style="x">x</p>',
            '<meta http-equiv="refresh" content="0">',
            '<img srcset="https://example.org/a.png 1x, javascript:alert(1) 2x">',
        ],
    )
    def test_a_page_with_an_injection_has_a_problem(self, markup: str) -> None:
        page = Page(f"<html><head></head><body><p>{markup}</p></body></html>", "page")
        assert page.problems

    def test_a_page_with_escaped_payloads_has_none(self) -> None:
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) {{7*7}}"
        page = Page(
            f'<html><head><link rel="stylesheet" href="/static/k.css"></head>'
            f'<body><p title="javascript:x">{escaped}</p><a href="https://x.org/">x</a>'
            f'<a href="/suche?q=1">s</a><a href="mailto:a@b.de">m</a></body></html>',
            "page",
        )
        assert page.problems == []
        assert "<script>alert(1)</script> javascript:alert(1) {{7*7}}" in page.text

    def test_evaluated_template_syntax_is_caught(self) -> None:
        index = PAYLOADS.index("{{7*7}}")
        page = Page(f"<html><body><h1>{marker(index)} 49</h1></body></html>", "page")
        assert literal_templates(page, index)

    def test_every_payload_reads_back_from_yaml_exactly(self) -> None:
        for index, payload in enumerate(PAYLOADS):
            for text in (payload, f"{marker(index)} {payload}", f"{payload}\n\n{FILLER}"):
                assert yaml.safe_load(f"x: {quoted(text)}")["x"] == text

    def test_the_corpus_covers_every_kind_of_trick(self) -> None:
        corpus = "\n".join(PAYLOADS).lower()
        for needle in (
            "<script", "onerror", "javascript:", "vbscript:", "data:text/html", "<svg", "<math",
            '" onmouseover', "{{7*7}}", "{%", "](javascript", "![", "\u202e", "\u200b",
        ):  # fmt: skip
            assert needle in corpus, needle
        assert max(map(len, PAYLOADS)) >= 10_000
        assert json.dumps(PAYLOADS)  # every payload is a proper string
