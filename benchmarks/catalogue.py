"""Benchmark: the catalogue's search and pages on 100,000 components, against nginx.

    python benchmarks/catalogue.py [--components 100000] [--no-postgresql] [--duration 10]
                                   [--repeat 30] [--pages 300] [--keep] [--fresh]

Generates a realistic catalogue (publishers: the 73 model projects and 500 others; components
with German and English texts from a municipal vocabulary with Zipf-like word frequencies,
topics, categories, licences, skewed maturity levels, releases, 33 check results each) into
SQLite, cached between runs (see ``_catalogue_database``), and into a PostgreSQL schema of its
own when the server at 127.0.0.1:5432 answers. On each backend it measures:

- ten searches (words, a stemmed German plural, a phrase, a prefix, facets, text with facets,
  browsing, sorting, a deep page), each ``--repeat`` times through the real page (``GET
  /suche``, HTML rendered) and through ``search()`` alone: p50 and p95;
- the component page ``/software/<id>`` for ``--pages`` random components: p50 and p95;
- requests per second of one search page under ``gunicorn -w 2`` against nginx (two workers)
  serving a static file of the same size, with ``wrk -t2 -c8``, in the same run; and of
  ``/healthz`` under the same gunicorn (no database, no template: the ceiling of any page);
  of the same page asked with its ETag (``If-None-Match``: gunicorn answers 304 without
  searching); and through nginx with ``proxy_cache`` in front of gunicorn (the deployment
  ARCHITECTURE.md describes), reported beside the issue's ratio, not in its place.

``--keep`` keeps the work folder (gunicorn's and nginx's logs) and the PostgreSQL schema, which
the next run then reuses while the projection's code is unchanged. ``--fresh`` generates the
rows again. The first run at 100,000 components takes a while (on 2 cores: about 15 minutes to
generate the rows, 5 to 10 to migrate and project each backend); later runs only measure.

Ends with one line (SQLite figures):
``catalogue: search-p95 <ms> ms, page-p95 <ms> ms, rps-ratio-vs-nginx <r>``.
The issue's goals: search p95 <= 50 ms on SQLite, ratio >= 0.25.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import _catalogue_database as database
import _catalogue_load as load
import _catalogue_timing as timing

from registry.app import create_app
from registry.db import make_engine, make_session_factory

SEARCH_GOAL_MS = 50.0
RATIO_GOAL = 0.25
LOAD_QUERY = 0  # the query whose page is loaded with wrk: one plain word


@dataclass(frozen=True, slots=True)
class Figures:
    """Everything measured on one backend."""

    catalogue: database.Catalogue
    queries: list[timing.Query]
    search: timing.Timings
    components: timing.PageTimings
    gunicorn: load.Load | None
    floor: load.Load | None  # gunicorn answering /healthz: no database, no template
    revalidated: load.Load | None  # gunicorn answering If-None-Match with 304
    cached: load.Load | None  # nginx proxy_cache in front of gunicorn
    nginx: load.Load | None
    load_bytes: int

    @property
    def search_p95_ms(self) -> float:
        return 1000 * timing.percentile(_pooled(self.search.page), 0.95)

    @property
    def page_p95_ms(self) -> float:
        return 1000 * timing.percentile(self.components.seconds, 0.95)

    @property
    def ratio(self) -> float | None:
        """The issue's ratio: the search page from gunicorn itself against nginx's file."""
        return _ratio(self.gunicorn, self.nginx)

    @property
    def cached_ratio(self) -> float | None:
        """The same page through nginx's cache in front of gunicorn against nginx's file."""
        return _ratio(self.cached, self.nginx)


def _ratio(measured: load.Load | None, static: load.Load | None) -> float | None:
    if measured is None or static is None or not static.requests_per_s:
        return None
    return measured.requests_per_s / static.requests_per_s


def _pooled(samples: dict[str, list[float]]) -> list[float]:
    return [seconds for values in samples.values() for seconds in values]


def main(argv: Sequence[str] | None = None) -> None:
    options = _options(argv)
    signal.signal(signal.SIGTERM, _terminated)  # run the clean-ups, as on Ctrl-C
    _note_load()
    rows = database.generated(options.components, fresh=options.fresh)
    with _work_folder(options.keep) as folder:
        results = [_measure(database.sqlite_catalogue(rows), options, folder)]
        if options.postgresql:
            results += _postgresql(rows, options, folder)
    for figures in results:
        _report(figures)
    _summary(results[0])


def _options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--components", type=int, default=100_000)
    parser.add_argument("--postgresql", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of each wrk run")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs of each search")
    parser.add_argument("--pages", type=int, default=300, help="component pages timed")
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder and the PostgreSQL schema"
    )
    parser.add_argument("--fresh", action="store_true", help="generate the rows again")
    return parser.parse_args(argv)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _note_load() -> None:
    """Other work on the machine skews every figure: say so."""
    one_minute = os.getloadavg()[0]
    cpus = os.cpu_count() or 1
    print(f"machine: {cpus} CPUs, load average {one_minute:.1f} at the start")
    if one_minute > cpus / 2:
        print("  warning: the machine is busy; figures will be slower and noisier than usual")


@contextlib.contextmanager
def _work_folder(keep: bool) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="kataster-catalogue-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"work folder kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _postgresql(
    rows: database.Generated, options: argparse.Namespace, folder: Path
) -> list[Figures]:
    reason = database.postgresql_unreachable()
    if reason is not None:
        print(f"PostgreSQL skipped: {reason}")
        return []
    with database.postgresql_catalogue(rows, keep=options.keep) as catalogue:
        return [_measure(catalogue, options, folder)]


def _measure(catalogue: database.Catalogue, options: argparse.Namespace, folder: Path) -> Figures:
    print(f"measuring {catalogue.backend} ...", file=sys.stderr, flush=True)
    engine = make_engine(catalogue.url)
    try:
        sessions = make_session_factory(engine)
        app = create_app({"KATASTER_DATABASE_URL": catalogue.url})
        client = app.test_client()
        queries = timing.choose_queries(sessions)
        searched = timing.time_search(client, sessions, queries, options.repeat)
        pages = timing.time_component_pages(client, catalogue.components, options.pages)
        page = client.get(queries[LOAD_QUERY].path()).data
    finally:
        engine.dispose()
    served = _load(catalogue, queries[LOAD_QUERY].path(), page, options, folder)
    return Figures(catalogue, queries, searched, pages, *served, len(page))


_Served = tuple[
    load.Load | None, load.Load | None, load.Load | None, load.Load | None, load.Load | None
]


def _load(
    catalogue: database.Catalogue,
    path: str,
    page: bytes,
    options: argparse.Namespace,
    folder: Path,
) -> _Served:
    """The search page under gunicorn, /healthz, the page revalidated (304), the page through
    nginx's cache in front of gunicorn, and the same bytes as nginx's static file."""
    if not (Path(load.NGINX).exists() and Path(load.WRK).exists()):
        print(f"load test skipped: {load.NGINX} or {load.WRK} is missing")
        return None, None, None, None, None
    print(f"load test: {catalogue.backend} under gunicorn, then nginx ...", file=sys.stderr)
    with load.gunicorn(catalogue.url, folder) as base:
        load.warm_up(base + path)
        served = load.wrk(base + path, options.duration)
        floor = load.wrk(f"{base}/healthz", options.duration)
        validator = ("If-None-Match: " + load.etag(base + path),)
        revalidated = load.wrk(base + path, options.duration, headers=validator)
        with load.nginx_cache(folder, base, path) as front:
            load.warm_up(front + path)
            cached = load.wrk(front + path, options.duration)
    with load.nginx(folder, page, path) as base:
        load.warm_up(base + path)
        static = load.wrk(base + path, options.duration)
    return served, floor, revalidated, cached, static


# --- report --------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:8.1f}"


def _report(figures: Figures) -> None:
    catalogue = figures.catalogue
    print()
    print(f"== {catalogue.backend}: {catalogue.components:,} components ==")
    _made(catalogue)
    print(
        f"{'search (GET /suche; search() alone)':<44} {'hits':>8} {'KB':>5} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'alone50':>8} {'alone95':>8}"
    )
    for query in figures.queries:
        _query_line(figures, query)
    pooled, alone = _pooled(figures.search.page), _pooled(figures.search.backend)
    print(
        f"{'all searches':<44} {'':>8} {'':>5} {_ms(timing.percentile(pooled, 0.5))} "
        f"{_ms(timing.percentile(pooled, 0.95))} {_ms(timing.percentile(alone, 0.5))} "
        f"{_ms(timing.percentile(alone, 0.95))}"
    )
    _component_line(figures.components)
    _load_lines(figures)


def _made(catalogue: database.Catalogue) -> None:
    def took(what: str, seconds: float | None) -> str:
        return f"{what} {seconds:.0f} s" if seconds is not None else f"{what}: earlier run"

    made = catalogue.made
    filled = "rows generated" if catalogue.backend == "sqlite" else "rows copied"
    print(
        f"{took(filled, made.filled_s)}; {took('migration with projection', made.migration_s)}; "
        f"{took('refresh_entries of all, by 1,000', made.refresh_s)}"
    )


def _query_line(figures: Figures, query: timing.Query) -> None:
    label = query.label
    page, alone = figures.search.page[label], figures.search.backend[label]
    status = figures.search.statuses[label]
    size = figures.search.page_bytes[label]
    note = "" if status == 200 else f"  HTTP {status}"
    if status == 200 and size < timing.PLACEHOLDER_BYTES:
        note = "  (placeholder page)"
    print(
        f"{label[:44]:<44} {figures.search.hits[label]:>8,} {size / 1024:>5.0f} "
        f"{_ms(timing.percentile(page, 0.5))} {_ms(timing.percentile(page, 0.95))} "
        f"{_ms(timing.percentile(alone, 0.5))} {_ms(timing.percentile(alone, 0.95))}{note}"
    )


def _component_line(pages: timing.PageTimings) -> None:
    statuses = ", ".join(f"HTTP {code}: {count}" for code, count in sorted(pages.statuses.items()))
    note = "  (placeholder page)" if pages.mean_bytes < timing.PLACEHOLDER_BYTES else ""
    print(
        f"{f'component page, {len(pages.seconds)} random ids':<44} {'':>8} "
        f"{pages.mean_bytes / 1024:>5.0f} {_ms(timing.percentile(pages.seconds, 0.5))} "
        f"{_ms(timing.percentile(pages.seconds, 0.95))}   ({statuses}){note}"
    )


def _load_lines(figures: Figures) -> None:
    if figures.gunicorn is None or figures.nginx is None:
        return
    path = figures.queries[LOAD_QUERY].path()
    lines = [
        (f"gunicorn -w 2 {path}", figures.gunicorn),
        ("gunicorn -w 2 /healthz (no database, no HTML)", figures.floor),
        ("gunicorn -w 2, the same page with its ETag (304)", figures.revalidated),
        ("nginx proxy_cache in front of gunicorn", figures.cached),
        (f"nginx static {path}", figures.nginx),
    ]
    for name, measured in lines:
        if measured is None:
            continue
        problems = measured.bad_responses + measured.socket_errors
        note = f"  ({problems} bad responses or socket errors)" if problems else ""
        if not measured.requests:
            print(measured.output)
        print(
            f"{name:<46} {measured.requests_per_s:>10,.0f} req/s (latency {measured.latency}){note}"
        )
    print(f"ratio gunicorn/nginx ({figures.load_bytes / 1024:.0f} KB page): {figures.ratio:.4f}")
    if figures.cached_ratio is not None:
        print(f"ratio with nginx's cache in front of gunicorn: {figures.cached_ratio:.4f}")


def _summary(figures: Figures) -> None:
    search, page, ratio = figures.search_p95_ms, figures.page_p95_ms, figures.ratio
    print()
    print(
        f"goals (SQLite): search p95 {search:.1f} ms <= {SEARCH_GOAL_MS:.0f} ms: "
        f"{'met' if search <= SEARCH_GOAL_MS else 'MISSED'}; ratio "
        + ("not measured" if ratio is None else f"{ratio:.4f} >= {RATIO_GOAL}: ")
        + ("" if ratio is None else ("met" if ratio >= RATIO_GOAL else "MISSED"))
    )
    shown = "n/a" if ratio is None else f"{ratio:.4f}"
    print(
        f"catalogue: search-p95 {search:.1f} ms, page-p95 {page:.1f} ms, rps-ratio-vs-nginx {shown}"
    )


if __name__ == "__main__":
    main()
