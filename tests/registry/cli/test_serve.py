"""``kataster serve``: the development server really serves, and its errors are one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from registry.cli import main


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    port: int
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise AssertionError(f"kataster serve did not answer on port {port}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``kataster serve`` in its own process, over a database that does not exist yet."""
    folder = tmp_path_factory.mktemp("serve")
    port, log = free_port(), folder / "serve.log"
    env = {**os.environ, "KATASTER_DATABASE_URL": f"sqlite:///{folder / 'neu' / 'k.db'}"}
    command = [sys.executable, "-c", "from registry.cli import main; main()"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "serve", "--port", str(port)], env=env, stdout=output, stderr=output
        )
    try:
        wait_for(port, process)
        yield Server(port, log)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serves_the_health_endpoint_on_the_port_given(server) -> None:
    response = requests.get(f"http://127.0.0.1:{server.port}/healthz", timeout=10)
    assert response.status_code == 200 and response.json()["status"] == "ok"
    assert f"Kataster serves http://127.0.0.1:{server.port}/ (Ctrl+C stops)" in server.output()


def test_migrates_a_new_database_first_and_says_so(server) -> None:
    first = server.output().splitlines()[0]
    assert first.startswith("Migrating the database sqlite:///") and first.endswith(" ...")


def test_a_port_in_use_is_a_one_line_error_with_exit_status_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: port {port} on 127.0.0.1 is in use: stop the other program or choose another "
        "port with --port"
    ]


def test_an_unusable_database_is_a_clear_error_not_a_traceback(tmp_path) -> None:
    (tmp_path / "datei").write_text("no folder")
    url = f"sqlite:///{tmp_path / 'datei' / 'k.db'}"
    port = free_port()
    result = CliRunner().invoke(
        main, ["serve", "--port", str(port)], env={"KATASTER_DATABASE_URL": url}
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: the database {url} cannot be used: ")
    assert "Traceback" not in result.output


def test_the_debugger_is_refused_on_an_address_others_can_reach() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--debug"])
    assert result.exit_code == 2
    assert "use it only on 127.0.0.1" in result.output
