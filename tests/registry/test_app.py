"""The application factory wires the registry; the Procfile's web process can start it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from registry.app import create_app


def test_test_config_overrides_settings() -> None:
    assert create_app({"TESTING": True, "X": 1}).config["X"] == 1


def test_the_procfile_starts_the_factory_with_gunicorn() -> None:
    procfile = (Path(__file__).parents[2] / "Procfile").read_text()
    assert 'gunicorn --bind 0.0.0.0:${PORT:-5000} "registry.app:create_app()"' in procfile


def test_gunicorn_serves_the_factory(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "--bind", f"127.0.0.1:{port}", "registry.app:create_app()"]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        body = _get_when_up(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert json.loads(body)["status"] == "ok"


def _get_when_up(url: str) -> bytes:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body: bytes = response.read()
                return body
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


URL_MAP = {
    "catalogue.home": "/",
    "catalogue.search": "/suche",
    "components.detail": "/software/<int:component_id>",
    "components.badge": "/software/<int:component_id>/badge.svg",
    "publishers.index": "/herausgeber",
    "publishers.detail": "/herausgeber/<publisher_id>",
    "publiccode.check": "/pruefen",
    "web.language": "/sprache/<code>",
    "health.healthz": "/healthz",
    "static": "/static/<path:filename>",
}


def test_every_page_is_at_its_agreed_address() -> None:
    app = create_app({"TESTING": True})
    rules = {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}
    assert {endpoint: rules.get(endpoint) for endpoint in URL_MAP} == URL_MAP


def test_the_factory_touches_no_database() -> None:
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:9/none"
    client = create_app({"TESTING": True, "KATASTER_DATABASE_URL": unreachable}).test_client()
    assert client.get("/healthz").status_code == 200
