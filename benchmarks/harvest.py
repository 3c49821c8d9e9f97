"""Benchmark: harvest 300 local repositories served by git daemon, against git alone.

    python benchmarks/harvest.py [--repos 300] [--workers 4] [--keep DIR]

Creates repositories with realistic histories (50 to 2,000 commits by several authors over
three years, version tags, licence files, a publiccode.yml in most, manifests), serves them
with ``git daemon`` on 127.0.0.1 and measures, each with the same number of parallel workers:

- a bare ``git ls-remote`` loop over all repositories (the floor of an unchanged re-harvest);
- ``git clone --filter=blob:none --no-checkout`` of all repositories (the floor of a full one);
- a full ``kataster harvest`` into a fresh SQLite database (the real pipeline, in process);
- the same harvest again with nothing changed.

Prints the figures and ends with one line:
``harvest: full <s> s, unchanged <s> s, ratio-ls-remote <r>, ratio-clone <r>, rss <MB> MB``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AUTHORS = [(f"Person {i}", f"person{i}@stadt-{i % 7}.de") for i in range(12)] + [
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")
]
PUBLICCODE = """publiccodeYmlVersion: "0.4"
name: Komponente {n}
url: "git://127.0.0.1:{port}/repo{n}.git"
releaseDate: "2024-05-01"
platforms: [web]
categories: [it-development]
developmentStatus: {status}
softwareType: standalone/web
description:
  de:
    shortDescription: Eine Smart-City-Komponente für Parkplätze Nummer {n}
    longDescription: >
      {long}
    features: [Karte, Schnittstelle]
legal:
  license: {licence}
maintenance:
  type: internal
  contacts: [{{name: Erika Mustermann}}]
localisation:
  localisationReady: true
  availableLanguages: [de]
"""


def main(argv: Sequence[str] | None = None) -> None:
    options = _options(argv)
    work = Path(options.keep or tempfile.mkdtemp(prefix="kataster-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    started = time.perf_counter()
    _create_repositories(work / "served", options.repos, port)
    print(f"created {options.repos} repositories in {time.perf_counter() - started:.1f} s")
    daemon = _serve(work / "served", port)
    try:
        urls = [f"git://127.0.0.1:{port}/repo{n}.git" for n in range(options.repos)]
        figures = _measure(work, urls, options.workers)
    finally:
        daemon.terminate()
        daemon.wait()
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    _report(figures)


def _options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep", help="create the repositories here and keep them")
    return parser.parse_args(argv)


# --- repositories --------------------------------------------------------------------------


def _create_repositories(root: Path, count: int, port: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    licence = _licence_text()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda n: _create(root / f"repo{n}.git", n, port, licence), range(count)))


def _create(path: Path, n: int, port: int, licence: str) -> None:
    if (path / "HEAD").exists():
        return
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    rng = random.Random(n)
    commits = int(50 * (2000 / 50) ** rng.random())  # log-uniform between 50 and 2,000
    stream = _fast_import_stream(n, commits, rng, port, licence)
    subprocess.run(["git", "fast-import", "--quiet"], input=stream, cwd=path, check=True)
    for key, value in (
        ("uploadpack.allowFilter", "true"),
        ("uploadpack.allowAnySHA1InWant", "true"),
    ):
        subprocess.run(["git", "config", key, value], cwd=path, check=True)


def _fast_import_stream(n: int, commits: int, rng: random.Random, port: int, licence: str) -> bytes:
    """A history over the last three years: files change, tags every ~40 commits."""
    now = int(time.time())
    start = now - 3 * 365 * 86400
    times = sorted(rng.randrange(start, now - 86400) for _ in range(commits))
    team = rng.sample(AUTHORS, k=rng.randint(1, 6))
    parts: list[bytes] = []
    for index, when in enumerate(times):
        name, mail = rng.choice(team)
        files = _files_at(n, index, rng, port, licence)
        parts.append(_commit(index, name, mail, when, files))
        if index % 40 == 39:
            tag = f"v{index // 400}.{(index // 40) % 10}.0"
            parts.append(f"reset refs/tags/{tag}\nfrom :{index + 1}\n\n".encode())
    return b"".join(parts)


def _files_at(n: int, index: int, rng: random.Random, port: int, licence: str) -> dict[str, str]:
    files = {f"src/module{rng.randrange(20)}.py": f"# change {index}\nVALUE = {rng.random()}\n"}
    if index == 0:
        files["README.md"] = _readme(n)
        files["LICENSE"] = licence
        files["package.json"] = f'{{"name": "komponente-{n}", "license": "MIT"}}\n'
        files["tests/test_app.py"] = "def test_ok():\n    assert True\n"
        files[".gitlab-ci.yml"] = "test:\n  script: [pytest]\n"
        if n % 10:  # one repository in ten has no publiccode.yml
            status = ("stable", "beta", "development")[n % 3]
            long = "Die Komponente zeigt freie Parkplätze in Echtzeit an. " * 12
            files["publiccode.yml"] = PUBLICCODE.format(
                n=n, port=port, status=status, long=long, licence="MIT"
            )
    return files


def _commit(index: int, name: str, mail: str, when: int, files: dict[str, str]) -> bytes:
    lines = [
        "commit refs/heads/main",
        f"mark :{index + 1}",
        f"author {name} <{mail}> {when} +0100",
        f"committer {name} <{mail}> {when} +0100",
    ]
    message = f"Änderung {index}".encode()
    out = "\n".join(lines).encode() + f"\ndata {len(message)}\n".encode() + message + b"\n"
    if index:
        out += f"from :{index}\n".encode()
    for path, content in files.items():
        data = content.encode()
        out += f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"
    return out + b"\n"


def _readme(n: int) -> str:
    words = " ".join(["Diese Komponente hilft Städten bei der Verwaltung ihrer Parkplätze."] * 20)
    return f"# Komponente {n}\n\n{words}\n\n## Installation\n\n`pip install komponente`\n"


def _licence_text() -> str:
    return (
        "MIT License\n\nCopyright (c) 2024 Stadt Musterstadt\n\n"
        "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
        'of this software and associated documentation files (the "Software"), to deal\n'
        "in the Software without restriction, including without limitation the rights\n"
        "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n"
        "copies of the Software, and to permit persons to whom the Software is\n"
        "furnished to do so, subject to the following conditions:\n\n"
        "The above copyright notice and this permission notice shall be included in all\n"
        "copies or substantial portions of the Software.\n\n"
        'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n'
        "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
        "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
        "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
        "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n"
        "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n"
        "SOFTWARE.\n"
    )


# --- serving and measuring -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(root: Path, port: int) -> subprocess.Popen[bytes]:
    daemon = subprocess.Popen(
        [
            "git",
            "daemon",
            "--export-all",
            f"--base-path={root}",
            "--listen=127.0.0.1",
            f"--port={port}",
            "--reuseaddr",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return daemon
        except OSError:
            time.sleep(0.05)
    raise SystemExit("git daemon did not start")


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _parallel(workers: int, commands: Sequence[list[str]]) -> None:
    def run(command: list[str]) -> None:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run, commands))


def _measure(work: Path, urls: list[str], workers: int) -> dict[str, float]:
    ls_remote = _timed(
        lambda: _parallel(workers, [["git", "ls-remote", "--symref", u, "HEAD"] for u in urls])
    )
    clones = work / "clones"
    clone = _timed(
        lambda: _parallel(
            workers,
            [
                [
                    "git",
                    "clone",
                    "-q",
                    "--bare",
                    "--filter=blob:none",
                    "--no-checkout",
                    u,
                    str(clones / str(i)),
                ]
                for i, u in enumerate(urls)
            ],
        )
    )
    sources = _sources_file(work, urls)
    full, summary_full = _harvest(work, sources, workers)
    unchanged, summary_again = _harvest(work, sources, workers)
    print(f"git ls-remote loop:  {ls_remote:7.2f} s")
    print(f"git clone loop:      {clone:7.2f} s (--filter=blob:none --no-checkout)")
    print(f"harvest, full:       {full:7.2f} s  {summary_full}")
    print(f"harvest, unchanged:  {unchanged:7.2f} s  {summary_again}")
    return {"full": full, "unchanged": unchanged, "ls_remote": ls_remote, "clone": clone}


def _sources_file(work: Path, urls: list[str]) -> Path:
    lines = [
        "publishers:",
        "  - id: bench",
        "    name: Benchmark",
        "    kind: other",
        "    codeHosting:",
    ]
    lines += [f"      - {{url: '{url}', group: false, driver: git}}" for url in urls]
    path = work / "sources.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _harvest(work: Path, sources: Path, workers: int) -> tuple[float, str]:
    from registry.cli.harvest import harvest_command  # the real command, in process

    environment = {
        "KATASTER_DATABASE_URL": f"sqlite:///{work / 'kataster.db'}",
        "KATASTER_CACHE_DIR": str(work / "cache"),
        "KATASTER_DATA_DIR": str(work / "data"),
    }
    os.environ.update(environment)
    started = time.perf_counter()
    result = _invoke(harvest_command, [str(sources), "--workers", str(workers)])
    elapsed = time.perf_counter() - started
    return elapsed, result.strip().splitlines()[-1] if result.strip() else ""


def _invoke(command: object, args: list[str]) -> str:
    from click.testing import CliRunner

    outcome = CliRunner().invoke(command, args, catch_exceptions=False)  # type: ignore[arg-type]
    if outcome.exit_code != 0:
        raise SystemExit(f"harvest failed: {outcome.output}")
    return outcome.output


def _report(figures: dict[str, float]) -> None:
    # The harvesting process's own peak. (RUSAGE_CHILDREN would report the parent's size:
    # a child is charged with the pages it shares with its parent between fork and exec.)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the harvesting process: {own:.0f} MB")
    print(
        f"harvest: full {figures['full']:.1f} s, unchanged {figures['unchanged']:.1f} s, "
        f"ratio-ls-remote {figures['unchanged'] / figures['ls_remote']:.2f}, "
        f"ratio-clone {figures['full'] / figures['clone']:.2f}, rss {own:.0f} MB"
    )


if __name__ == "__main__":
    main()
