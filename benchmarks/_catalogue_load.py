"""Requests per second for benchmarks/catalogue.py: gunicorn against nginx, measured by wrk.

Kataster's search page under ``gunicorn -w 2`` (the Procfile's server, two workers) against
Debian's nginx with two worker processes serving a static file of the same size at the same
path: the floor of what two processes on this machine can answer. Then what ARCHITECTURE.md
deploys past one machine: nginx with ``proxy_cache`` in front of the same gunicorn, keeping
pages as long as their ``Cache-Control`` says and revalidating them with ``If-None-Match``.
All run as child processes in their own process groups and are stopped on every way out
(errors and Ctrl-C included).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "NGINX",
    "WRK",
    "Load",
    "etag",
    "gunicorn",
    "nginx",
    "nginx_cache",
    "warm_up",
    "wrk",
]

NGINX = "/usr/sbin/nginx"
WRK = "/usr/bin/wrk"
WORKERS = 2
_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Load:
    """What wrk reports."""

    requests_per_s: float
    requests: int
    bad_responses: int  # non-2xx/3xx
    socket_errors: int
    latency: str  # wrk's average latency, as it prints it
    output: str  # wrk's report, for when something went wrong


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _child(command: list[str], log: Path, environment: dict[str, str]) -> Iterator[None]:
    """A child in a process group of its own (a terminal's Ctrl-C reaches only us), stopped
    with SIGTERM and, after ten seconds, SIGKILL."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=_ROOT,
            start_new_session=True,
        )
    try:
        yield
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_for(url: str, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s:\n{tail}")


@contextlib.contextmanager
def gunicorn(database_url: str, folder: Path) -> Iterator[str]:
    """Kataster under gunicorn with two workers; yields its base URL."""
    port = free_port()
    environment = {**os.environ, "KATASTER_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
    log = folder / "gunicorn.log"
    with _child([*command, "registry.app:create_app()"], log, environment):
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/healthz", log)
        yield base


@contextlib.contextmanager
def nginx(folder: Path, page: bytes, path: str) -> Iterator[str]:
    """nginx serving ``page`` as a static file at ``path`` (query strings ignored)."""
    port = free_port()
    prefix = folder / "nginx"
    (prefix / "www").mkdir(parents=True, exist_ok=True)
    (prefix / "www" / "page.html").write_bytes(page)
    config = prefix / "nginx.conf"
    config.write_text(_nginx_config(prefix, port, path), encoding="utf-8")
    command = [NGINX, "-c", str(config), "-p", str(prefix), "-e", str(prefix / "error.log")]
    log = prefix / "stdout.log"
    with _child(command, log, dict(os.environ)):
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}{path}", prefix / "error.log")
        yield base


@contextlib.contextmanager
def nginx_cache(folder: Path, upstream: str, path: str) -> Iterator[str]:
    """nginx as a caching proxy in front of ``upstream`` (Kataster under gunicorn)."""
    port = free_port()
    prefix = folder / "nginx-cache"
    (prefix / "cache").mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    server = (
        f"proxy_cache_path {prefix / 'cache'} levels=1:2 keys_zone=kataster:10m "
        "max_size=100m inactive=10m use_temp_path=off;\n"
        f"    server {{\n        listen 127.0.0.1:{port};\n        location / {{\n"
        f"            proxy_pass {upstream};\n            proxy_cache kataster;\n"
        "            proxy_cache_revalidate on;\n            proxy_cache_lock on;\n"
        "            proxy_cache_use_stale updating;\n"
        "            add_header X-Cache-Status $upstream_cache_status;\n        }\n    }\n"
    )
    config.write_text(_http_config(prefix, server), encoding="utf-8")
    command = [NGINX, "-c", str(config), "-p", str(prefix), "-e", str(prefix / "error.log")]
    with _child(command, prefix / "stdout.log", dict(os.environ)):
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}{path}", prefix / "error.log")
        yield base


def etag(url: str) -> str:
    """The ETag a page answers with (empty when it sends none)."""
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        return str(response.headers.get("ETag", ""))


def _nginx_config(prefix: Path, port: int, path: str) -> str:
    location = path.split("?", 1)[0]
    server = (
        f"sendfile on;\n    default_type text/html;\n"
        f"    server {{\n        listen 127.0.0.1:{port};\n        root {prefix / 'www'};\n"
        f"        location = {location} {{ try_files /page.html =404; }}\n    }}\n"
    )
    return _http_config(prefix, server)


def _http_config(prefix: Path, http: str) -> str:
    """An nginx configuration of two workers, everything under ``prefix``, ``http`` inside
    the ``http`` block."""
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes {WORKERS};\ndaemon off;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 1024; }}\n"
        f"http {{\n    access_log off;\n{temp}    {http}}}\n"
    )


def warm_up(url: str, requests: int = 3) -> None:
    """``requests`` requests on each of as many connections as there are workers: the first
    request of a worker pays for imports, templates and caches (seconds, not milliseconds)."""

    def fetch(_: int) -> None:
        for _ in range(requests):
            with urllib.request.urlopen(url, timeout=120) as response:
                response.read()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(fetch, range(WORKERS)))


def wrk(
    url: str,
    duration: float,
    *,
    threads: int = 2,
    connections: int = 8,
    headers: tuple[str, ...] = (),
) -> Load:
    """``wrk -t2 -c8 -d<duration>s url`` and what it reports (slow answers are waited for
    up to 30 s, not counted as time-outs after wrk's default two); ``headers`` are sent
    with every request (``"If-None-Match: ..."``)."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration:g}s", "--timeout", "30s"]
    command += [argument for header in headers for argument in ("-H", header)]
    command.append(url)
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return _parse_wrk(result.stdout)


def _parse_wrk(output: str) -> Load:
    def number(pattern: str) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else 0.0

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    latency = re.search(r"Latency\s+(\S+)", output)
    return Load(
        requests_per_s=number(r"Requests/sec:\s+([\d.]+)"),
        requests=int(number(r"(\d+) requests in")),
        bad_responses=int(number(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        latency=latency.group(1) if latency else "?",
        output=output,
    )
