"""The fixture files: each gives exactly the findings its table lists, as the reference would.

``tests/data/publiccode/<folder>/KEY_REASON.yml`` is validated with the reference's rules only
(no profile, no network), relative files resolved against the fixture's folder. Each file in
``invalid/`` and ``valid_with_warnings/`` has its expected findings beside it in
``KEY_REASON.json``: the reference's JSON shape, written from publiccode-standard.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harvester.publiccode import FindingType, validate

DATA = Path(__file__).parents[2] / "data" / "publiccode"


def _fixtures(folder: str) -> list[Path]:
    return sorted((DATA / folder).glob("*.yml"))


def _findings(path: Path) -> list[dict[str, object]]:
    result = validate(path.read_bytes(), base_dir=path.parent)
    return [finding.as_dict() for finding in result.findings]


def _expected(path: Path) -> list[dict[str, object]]:
    table: list[dict[str, object]] = json.loads(path.with_suffix(".json").read_text("utf-8"))
    return table


@pytest.mark.parametrize("path", _fixtures("valid"), ids=lambda p: p.stem)
def test_valid_file_has_no_findings(path: Path) -> None:
    assert _findings(path) == []


@pytest.mark.parametrize("path", _fixtures("valid_with_warnings"), ids=lambda p: p.stem)
def test_file_with_warnings_has_exactly_its_warnings(path: Path) -> None:
    findings = _findings(path)
    assert findings == _expected(path)
    assert all(f["type"] == FindingType.WARNING for f in findings)


@pytest.mark.parametrize("path", _fixtures("invalid"), ids=lambda p: p.stem)
def test_invalid_file_has_exactly_its_findings(path: Path) -> None:
    findings = _findings(path)
    assert findings == _expected(path)
    assert any(f["type"] == FindingType.ERROR for f in findings)


@pytest.mark.parametrize("folder", ["valid", "valid_with_warnings", "invalid"])
def test_every_folder_has_fixtures(folder: str) -> None:
    assert _fixtures(folder)


@pytest.mark.parametrize("folder", ["valid_with_warnings", "invalid"])
def test_every_fixture_has_its_table_and_every_table_its_fixture(folder: str) -> None:
    stems = {path.stem for path in _fixtures(folder)}
    tables = {path.stem for path in (DATA / folder).glob("*.json")}
    assert stems == tables
