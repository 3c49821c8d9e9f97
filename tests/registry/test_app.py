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
