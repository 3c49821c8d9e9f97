"""Loading sources: from bytes, from a file, and the default file shipped with Kataster."""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.records import CodeHosting, Member, Publisher
from harvester.sources import (
    MAX_BYTES,
    InvalidSources,
    default_sources_path,
    load_default_sources,
    load_sources,
    load_sources_file,
)

DATA = Path(__file__).parents[2] / "data" / "sources"
MINIMAL = b"publishers:\n  - {id: a, name: A, kind: other}\n"


def test_load_sources_returns_publisher_records() -> None:
    assert load_sources(MINIMAL) == (Publisher("a", "A", "other"),)


def test_load_sources_names_the_file_in_errors() -> None:
    with pytest.raises(InvalidSources) as raised:
        load_sources(b"publishers: 1\n", name="my-sources.yml")
    assert str(raised.value) == "my-sources.yml:1:13: publishers must be a list, not the number 1"


def test_load_sources_without_a_name_says_sources() -> None:
    with pytest.raises(InvalidSources) as raised:
        load_sources(b"")
    assert raised.value.errors[0].file == "<sources>"


def test_load_sources_file_reads_the_issue_example() -> None:
    (solingen,) = load_sources_file(DATA / "valid" / "full.yml")
    assert solingen == Publisher(
        id="mpsc-solingen",
        name="Klingenstadt Solingen",
        kind="model-project",
        round=2019,
        category="Großstadt",
        members=(Member("Solingen", "05122000"),),
        code_hosting=(
            CodeHosting("https://github.com/Klingenstadt-Solingen", group=True, driver="github"),
            CodeHosting("https://gitlab.opencode.de/smart-city-muenster", True, "gitlab"),
            CodeHosting("git://example.org/stadt/app.git", group=False, driver="git"),
        ),
    )


def test_load_sources_file_accepts_a_string_path() -> None:
    assert len(load_sources_file(str(DATA / "valid" / "minimal.yml"))) == 1


def test_load_sources_file_names_the_path_in_errors() -> None:
    path = DATA / "invalid" / "kind_unknown.yml"
    with pytest.raises(InvalidSources) as raised:
        load_sources_file(path)
    assert raised.value.errors[0].file == str(path)


def test_load_sources_file_raises_os_error_for_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_sources_file(tmp_path / "missing.yml")


def test_load_sources_file_refuses_a_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    path.write_bytes(MINIMAL + b"#" * MAX_BYTES)
    with pytest.raises(InvalidSources) as raised:
        load_sources_file(path)
    assert str(raised.value) == f"{path}:1:1: the file is larger than 5 MiB"


def test_a_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(MINIMAL + b"#" * (MAX_BYTES - len(MINIMAL)))
    assert len(load_sources_file(path)) == 1


def test_strips_surrounding_spaces_of_names_and_urls() -> None:
    data = b"publishers:\n  - id: a\n    name: ' Stadt A '\n    kind: other\n"
    data += b"    codeHosting: [{url: ' https://github.com/a '}]\n"
    (publisher,) = load_sources(data)
    assert publisher.name == "Stadt A"
    assert publisher.code_hosting[0].url == "https://github.com/a"


def test_default_sources_path_is_the_packaged_mpsc_file() -> None:
    path = default_sources_path()
    assert path.name == "mpsc.yml"
    assert path.is_file()


def test_load_default_sources_loads_the_packaged_file() -> None:
    assert load_default_sources() == load_sources_file(default_sources_path())
