"""The benchmark's databases: a cached SQLite file and a PostgreSQL schema of its own.

1. The rows are generated once into a SQLite file migrated to :data:`BASE_REVISION` (the
   tables the generator writes): bulk inserts, SQLAlchemy Core ``executemany`` of plain
   dictionaries, one transaction per batch, the batches generated in worker processes.
2. The SQLite catalogue is a copy of it, migrated to the newest revision, with the search
   projection built by ``registry.catalogue.projection.refresh_entries`` in chunks of ids,
   as the harvest would.
3. PostgreSQL gets the very same rows with ``COPY`` from that file (a hundred times faster
   than row-by-row inserts), in a schema of its own, then is migrated and projected alike.

Both SQLite files are cached under ``$XDG_CACHE_HOME/kataster/benchmarks``: the rows keyed by
the generator's version, the component count and the base migration; the catalogue also by the
projection's code (projection.py and what it imports), every migration and the topics, so a
change to the projection rebuilds only the projection, and a change to the search none.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import hashlib
import importlib
import os
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import _catalogue_data as data
import psycopg
from sqlalchemy import Connection, Engine, Table, event, text

import registry.components.models
import registry.harvest.models
import registry.journal.models
import registry.publishers.models  # every table on Base.metadata
from registry.db import Base, make_engine, make_session_factory, upgrade

__all__ = [
    "POSTGRESQL",
    "Catalogue",
    "Generated",
    "Made",
    "generated",
    "postgresql_catalogue",
    "postgresql_unreachable",
    "sqlite_catalogue",
]

POSTGRESQL = os.environ.get(
    "KATASTER_BENCH_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/test"
)
SEED = 2026
BASE_REVISION = "0001"
"""The migration whose tables the generator fills; later ones run on the filled database."""

_ROOT = Path(__file__).resolve().parent.parent
_BATCH = 2_000
_PROJECTION_CHUNK = 1_000
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Made:
    """Seconds each step of making a catalogue took; ``None``: done by an earlier run."""

    filled_s: float | None = None  # SQLite: generating the rows; PostgreSQL: copying them
    migration_s: float | None = None  # to the newest revision, which projects the rows
    refresh_s: float | None = None  # refresh_entries over every component, in chunks


@dataclass(frozen=True, slots=True)
class Catalogue:
    """A filled database and how it was made."""

    backend: str
    url: str
    components: int
    made: Made


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- SQLite --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Generated:
    """The generated rows in a SQLite file at :data:`BASE_REVISION` (cached)."""

    path: Path
    count: int
    seconds: float | None  # None: it came from the cache


def generated(count: int, *, fresh: bool = False) -> Generated:
    """The cached rows of ``count`` components, generated when missing (or ``fresh``)."""
    folder = _cache_folder()
    path = folder / f"catalogue-{count}-base-{_base_key(count)}.sqlite"
    if fresh:
        _forget_others(folder, count, keep=set())  # the rows and the catalogues made of them
    if path.exists():
        _say(f"generated rows from the cache: {path}")
        return Generated(path, count, None)
    _say(f"generating {count:,} components into {path} ...")
    started = time.perf_counter()
    _build(path, lambda url: _populate(url, count))
    return Generated(path, count, time.perf_counter() - started)


def sqlite_catalogue(rows: Generated) -> Catalogue:
    """The cached SQLite catalogue: the generated rows, migrated, with the search projection."""
    folder = _cache_folder()
    full = folder / f"catalogue-{rows.count}-{_full_key(rows.count)}.sqlite"
    migrated = refreshed = None
    if not full.exists():
        _say(f"migrating and projecting the SQLite catalogue in {full} ...")
        migrated, refreshed = _build(full, lambda url: _project(url, rows.count), start=rows.path)
        _forget_others(folder, rows.count, keep={rows.path, full})
    else:
        _say(f"SQLite catalogue from the cache: {full}")
    made = Made(rows.seconds, migrated, refreshed)
    return Catalogue("sqlite", _sqlite_url(full), rows.count, made)


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    folder = Path(base) / "kataster" / "benchmarks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:12]


def _base_key(count: int) -> str:
    first = next((_ROOT / "registry/migrations/versions").glob(f"{BASE_REVISION}_*.py"))
    return _digest(f"{data.GENERATOR_VERSION}/{count}/{SEED}".encode(), first.read_bytes())


def _full_key(count: int) -> str:
    """Changes with the projection's code, the migrations and the topics (not with the
    search or the pages: changing those should not cost a rebuild)."""
    sources = _projection_sources()
    sources += sorted((_ROOT / "registry/migrations/versions").glob("*.py"))
    sources += [path for path in (_ROOT / "schemas/topics.yml",) if path.exists()]
    names = [str(path.relative_to(_ROOT)).encode() for path in sources]
    return _digest(_base_key(count).encode(), *names, *(path.read_bytes() for path in sources))


def _projection_sources() -> list[Path]:
    """registry/catalogue/projection.py and the registry's modules it imports, transitively
    (read from their import statements, without importing anything)."""
    seen: set[Path] = set()
    todo = [_ROOT / "registry/catalogue/projection.py"]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo += _imports(path)
    return sorted(seen)


def _imports(path: Path) -> list[Path]:
    """The files of the registry's modules that ``path`` imports (packages' __init__ aside)."""
    found: list[Path | None] = []
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found += [_module(_ROOT, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            folder = path.parents[node.level - 1] if node.level else _ROOT
            module = node.module or ""
            found.append(_module(folder, module) if module else None)
            base = folder.joinpath(*module.split(".")) if module else folder
            found += [_module(base, alias.name) for alias in node.names]
    registry = _ROOT / "registry"
    return [file for file in found if file is not None and registry in file.parents]


def _module(folder: Path, dotted: str) -> Path | None:
    file = folder.joinpath(*dotted.split(".")).with_suffix(".py")
    return file if file.is_file() else None


def _build(target: Path, fill: Callable[[str], _T], *, start: Path | None = None) -> _T:
    """Fill a temporary file (a copy of ``start``) and move it to ``target``."""
    partial = target.with_suffix(".partial")
    _remove(partial)
    if start is not None:
        shutil.copyfile(start, partial)
    try:
        result = fill(_sqlite_url(partial))
    except BaseException:
        _remove(partial)
        raise
    partial.replace(target)
    return result


def _remove(*paths: Path) -> None:
    for path in paths:
        for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            companion.unlink(missing_ok=True)


def _forget_others(folder: Path, count: int, keep: set[Path]) -> None:
    """Older cached catalogues of this size: each is gigabytes."""
    for path in folder.glob(f"catalogue-{count}-*.sqlite"):
        if path not in keep:
            _remove(path)


# --- PostgreSQL ----------------------------------------------------------------------------


def postgresql_unreachable() -> str | None:
    """``None`` when the server answers, else why not."""
    try:
        with psycopg.connect(POSTGRESQL, connect_timeout=5):
            return None
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRESQL} is unreachable: {error}"


@contextlib.contextmanager
def postgresql_catalogue(rows: Generated, *, keep: bool) -> Iterator[Catalogue]:
    """A schema of its own with the same rows; dropped afterwards unless ``keep`` (then
    reused by the next run while the catalogue's code is unchanged)."""
    name = _full_key(rows.count) if keep else uuid.uuid4().hex[:12]
    schema = f"kataster_bench_{name}"
    base = POSTGRESQL.replace("postgresql://", "postgresql+psycopg://", 1)
    url = f"{base}?options=-csearch_path%3D{schema}"
    try:
        yield Catalogue("postgresql", url, rows.count, _postgresql_schema(schema, url, rows))
    finally:
        if keep:
            _say(f"PostgreSQL schema kept: {schema}")
        else:
            with psycopg.connect(POSTGRESQL, autocommit=True) as admin:
                admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def _postgresql_schema(schema: str, url: str, rows: Generated) -> Made:
    """Copy the generated rows, then migrate and project."""
    with psycopg.connect(POSTGRESQL, autocommit=True) as admin:
        if _complete(admin, schema):
            _say(f"PostgreSQL catalogue kept from an earlier run: {schema}")
            return Made()
        admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.execute(f"CREATE SCHEMA {schema}")
    _say(f"copying the generated rows into PostgreSQL schema {schema} ...")
    started = time.perf_counter()
    upgrade(url, BASE_REVISION)
    _copy(rows.path, schema)
    copied = time.perf_counter() - started
    _say("migrating and projecting the PostgreSQL catalogue ...")
    migrated, refreshed = _project(url, rows.count)
    with psycopg.connect(POSTGRESQL, autocommit=True) as admin:
        admin.execute(f"CREATE TABLE {schema}.benchmark_complete (done boolean)")
    return Made(copied, migrated, refreshed)


def _complete(admin: psycopg.Connection[Any], schema: str) -> bool:
    found = admin.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = %s",
        (schema, "benchmark_complete"),
    ).fetchone()
    return found is not None


def _copy(source: Path, schema: str) -> None:
    """Every generated row with COPY, as SQLite stored it (the same data on both backends).

    Text COPY reads SQLite's values as PostgreSQL would read them typed in: 0/1 as booleans,
    UTC timestamps as text (the session's time zone is UTC), JSON text as JSONB. Foreign keys
    are not checked while loading (``session_replication_role``), as in SQLite's load.
    """
    with contextlib.closing(sqlite3.connect(source)) as sqlite:
        present = {row[0] for row in sqlite.execute("SELECT name FROM sqlite_master")}
        with psycopg.connect(POSTGRESQL, options=f"-csearch_path={schema}") as target:
            target.execute("SET session_replication_role = replica")
            target.execute("SET TIME ZONE 'UTC'")
            for table in Base.metadata.sorted_tables:
                if table.name in present:
                    _copy_table(sqlite, target, table)
            for table in Base.metadata.sorted_tables:
                if table.name in present and table.autoincrement_column is not None:
                    _continue_sequence(target, table.name, table.autoincrement_column.name)


def _continue_sequence(target: psycopg.Connection[Any], table: str, column: str) -> None:
    """The sequence goes on after the copied ids (an empty table's stays as it is)."""
    target.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), max(\"{column}\")) "
        f'FROM "{table}"'
    )


def _copy_table(sqlite: sqlite3.Connection, target: psycopg.Connection[Any], table: Table) -> None:
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    with target.cursor().copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in sqlite.execute(f'SELECT {columns} FROM "{table.name}"'):
            copy.write_row(row)


# --- filling a database --------------------------------------------------------------------


def _populate(url: str, count: int) -> None:
    """Migrate to :data:`BASE_REVISION` and insert the generated rows."""
    upgrade(url, BASE_REVISION)
    engine = _loading_engine(url)
    try:
        publishers = data.publisher_rows(SEED)
        with engine.begin() as connection:
            _insert_publishers(connection, publishers)
        _insert_components(engine, count, publishers)
        with engine.begin() as connection:
            _link(connection)
    finally:
        engine.dispose()


def _loading_engine(url: str) -> Engine:
    """SQLite without fsync while loading (a crash loses only a file that is rebuilt anyway);
    foreign keys unchecked, as in migrations (the generator's rows are consistent)."""
    engine = make_engine(url, foreign_keys=False)
    if engine.dialect.name == "sqlite":

        def connected(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.execute("PRAGMA synchronous=OFF")

        event.listen(engine, "connect", connected)
    return engine


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _insert_publishers(connection: Connection, rows: data.PublisherRows) -> None:
    connection.execute(_table("publisher").insert(), rows.publishers)
    connection.execute(_table("member").insert(), rows.members)
    connection.execute(_table("code_hosting").insert(), rows.code_hosting)
    run = {
        "id": 1,
        "started_at": data.NOW,
        "finished_at": data.NOW,
        "sources": None,
        "harvester_version": data.HARVESTER_VERSION,
        "status": registry.harvest.models.RunStatus.FINISHED,
    }
    connection.execute(_table("harvest_run").insert(), [run])


def _insert_components(engine: Engine, count: int, publishers: data.PublisherRows) -> None:
    """Generate in worker processes while this one inserts, one transaction per batch."""
    chunks = [range(start, min(start + _BATCH, count + 1)) for start in range(1, count + 1, _BATCH)]
    workers = os.cpu_count() or 2
    gc.disable()  # millions of short-lived dicts: the cycle collector would only slow us down
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=gc.disable) as pool:
            _store_batches(engine, _ahead(pool, chunks, publishers), count)
    finally:
        gc.enable()


def _store_batches(engine: Engine, batches: Iterator[data.Batch], count: int) -> None:
    started = time.perf_counter()
    done = 0
    for batch in batches:
        with engine.begin() as connection:
            for name, rows in batch.tables():
                if rows:
                    connection.execute(_table(name).insert(), rows)
        done += len(batch.component)
        if done % 10_000 < _BATCH or done == count:
            _say(
                f"  {done:>7,} of {count:,} components stored ({time.perf_counter() - started:.0f} s)"
            )


def _ahead(
    pool: ProcessPoolExecutor, chunks: Sequence[range], publishers: data.PublisherRows
) -> Iterator[data.Batch]:
    """The batches in order, at most three generated ahead of the one being inserted."""
    pending: list[Future[data.Batch]] = []
    for chunk in chunks:
        pending.append(pool.submit(data.component_batch, SEED, chunk, publishers))
        if len(pending) > 3:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def _link(connection: Connection) -> None:
    """Components point at their good harvest and at their latest journal entry."""
    connection.execute(
        text(
            "UPDATE component SET current_harvest_id = id WHERE id IN "
            "(SELECT component_id FROM repository_harvest WHERE status = 'ok')"
        )
    )
    connection.execute(
        text(
            "UPDATE component SET last_serial = (SELECT max(j.id) FROM journal_entry j "
            "WHERE j.component_id = component.id)"
        )
    )


def _project(url: str, count: int) -> tuple[float, float]:
    """Migrate to the newest revision (whose catalogue migration projects what is there),
    then refresh every entry with ``refresh_entries`` in chunks, as ingest does; the seconds
    of each."""
    started = time.perf_counter()
    upgrade(url)
    migrated = time.perf_counter() - started
    refresh_entries = _refresh_entries()
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    started = time.perf_counter()
    try:
        for start in range(1, count + 1, _PROJECTION_CHUNK):
            ids = list(range(start, min(start + _PROJECTION_CHUNK, count + 1)))
            with sessions() as session:
                refresh_entries(session, ids)
                session.commit()
            done = ids[-1]
            if done % 10_000 == 0 or done == count:
                seconds = time.perf_counter() - started
                _say(f"  {done:>7,} of {count:,} refreshed ({seconds:.0f} s)")
        with engine.begin() as connection:
            _analyse(connection)
    finally:
        engine.dispose()
    return migrated, time.perf_counter() - started


def _refresh_entries() -> Callable[[Any, Sequence[int]], object]:
    """The projection's refresh function; waits for it while the catalogue is being written."""
    for attempt in range(120):
        try:
            module = importlib.import_module("registry.catalogue.projection")
            return module.refresh_entries  # type: ignore[no-any-return]
        except (ImportError, AttributeError) as error:
            if attempt == 0:
                _say(f"waiting for registry.catalogue.projection ({error}) ...")
            time.sleep(30)
    raise SystemExit("registry.catalogue.projection.refresh_entries did not appear")


def _analyse(connection: Connection) -> None:
    """PostgreSQL's autovacuum would have analysed the tables a minute after the load."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("ANALYZE")
