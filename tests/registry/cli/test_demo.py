"""``kataster demo``: builds the demo (``--no-serve``), says what it made and where."""

from __future__ import annotations

import re
import socket

import pytest
from click.testing import CliRunner

from registry.cli import main
from tests.registry.demo.built import Built, demo_built


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return demo_built(tmp_path_factory)


def test_builds_the_demo_and_says_what_it_made_and_where(demo) -> None:
    output = demo.result.output
    assert demo.result.exit_code == 0, output
    assert f"Building the demo in {demo.folder}" in output
    assert re.search(r"18 git repositories in .*/repositories", output)
    components = re.search(r"(\d+) components, by maturity level: 0: \d+, 1: \d+, 2: \d+", output)
    assert components is not None and int(components.group(1)) >= 15
    assert "1 without publiccode.yml, 1 archived, 1 mirror URL(s) merged" in output
    assert f"KATASTER_DATABASE_URL={demo.database_url} kataster serve" in output
    assert "cannot list" not in output and "failed" not in output


def test_rebuilds_a_folder_an_earlier_demo_made(demo) -> None:
    assert not (demo.folder / "stale.txt").exists()
    assert (demo.folder / "kataster.db").is_file() and (demo.folder / "sources.yml").is_file()


def test_refuses_a_folder_with_other_files_and_leaves_them(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["demo", "--no-serve", "--folder", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Building the demo in {tmp_path} ...\nError: {tmp_path} is not empty and holds no "
        "earlier demo; choose another folder with --folder\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_builds_in_the_data_folder_by_default(tmp_path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "notes.txt").write_text("mine")
    result = CliRunner().invoke(
        main, ["demo", "--no-serve"], env={"KATASTER_DATA_DIR": str(tmp_path)}
    )
    assert f"Building the demo in {tmp_path / 'demo'} ..." in result.output


def test_a_taken_port_stops_it_before_anything_is_built(tmp_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["demo", "--port", str(port), "--folder", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: port {port} on 127.0.0.1 is in use: stop the other program or choose another "
        "port with --port"
    ]
    assert list(tmp_path.iterdir()) == []
