"""The validator's own behaviour: stages, order of findings, options (network, base folder)."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from harvester.publiccode import (
    Finding,
    FindingType,
    NetworkPolicy,
    load_profile,
    validate,
)

FULL = Path(__file__).parents[2] / "data" / "publiccode" / "valid" / "full_smart-city.yml"
TODAY = datetime.date(2026, 11, 21)


def _text() -> str:
    return FULL.read_text("utf-8")


def _validate(text: str, **options: Any) -> list[Finding]:
    options.setdefault("base_dir", FULL.parent)
    return list(validate(text.encode("utf-8"), **options).findings)


def test_the_full_example_meets_the_reference_and_the_profile() -> None:
    assert _validate(_text(), profile=load_profile(), today=TODAY) == []


def test_result_is_valid_with_warnings_only() -> None:
    text = _text().replace('publiccodeYmlVersion: "0"', 'publiccodeYmlVersion: "0.4"')
    result = validate(text.encode(), base_dir=FULL.parent)
    assert result.valid
    assert [f.type for f in result.findings] == [FindingType.WARNING]


def test_result_is_invalid_with_an_error_and_lists_it() -> None:
    result = validate(_text().replace("stable", "finished").encode(), base_dir=FULL.parent)
    assert not result.valid
    assert [f.key for f in result.errors] == ["developmentStatus"]


def test_result_carries_the_decoded_document() -> None:
    result = validate(_text().encode(), base_dir=FULL.parent)
    assert result.document is not None
    assert result.document["legal"]["license"] == "EUPL-1.2"
    assert list(result.document["description"]) == ["de", "en"]


def test_a_stage_error_stops_everything_else() -> None:
    result = validate(b"\xff" + _text().encode(), base_dir=FULL.parent, profile=load_profile())
    assert result.findings == (Finding(FindingType.ERROR, "", "Invalid UTF-8"),)
    assert result.document is None


def test_profile_findings_come_after_the_reference_findings() -> None:
    text = _text().replace("developmentStatus: stable", "developmentStatus: done")
    text = text.replace("  de:\n    localisedName", "  fr:\n    localisedName")
    types = [f.type for f in _validate(text, profile=load_profile(), today=TODAY)]
    assert types == [FindingType.ERROR, FindingType.PROFILE]


def test_profile_messages_come_in_the_chosen_language() -> None:
    text = _text().replace("  de:\n    localisedName", "  fr:\n    localisedName")
    german = _validate(text, profile=load_profile(), today=TODAY)
    english = _validate(text, profile=load_profile(), today=TODAY, language="en")
    assert german[0].description.startswith("Eine deutsche Beschreibung fehlt")
    assert english[0].description.startswith("A German description is missing")
    assert (german[0].rule, german[0].severity) == ("german-description", "required")


def test_without_a_profile_there_are_no_profile_findings() -> None:
    text = _text().replace("  de:\n    localisedName", "  fr:\n    localisedName")
    assert _validate(text) == []


def test_relative_files_resolve_against_the_base_folder(tmp_path: Path) -> None:
    findings = _validate(_text(), base_dir=tmp_path)
    assert [(f.key, f.description) for f in findings] == [
        ("logo", f"no such file: {tmp_path / 'logo.svg'}")
    ]


def test_the_base_folder_defaults_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    monkeypatch.chdir(tmp_path)
    assert validate(_text().encode()).findings == ()


def test_urls_are_not_fetched_without_a_network_policy() -> None:
    text = _text().replace("https://www.musterstadt.de/maengelmelder", "https://127.0.0.1:9/")
    assert _validate(text) == []


# --- network checks against a local server --------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


LOCAL = NetworkPolicy(timeout=5.0, allowed_hosts=frozenset({"127.0.0.1"}))


def test_network_checks_report_urls_that_do_not_answer(server: str) -> None:
    text = _text().replace("https://www.musterstadt.de/maengelmelder", f"{server}/missing")
    text = text.replace("https://docs.musterstadt.de/maengelmelder/api", f"{server}/ok/api")
    text = text.replace("https://docs.musterstadt.de/maengelmelder", f"{server}/gone")
    docs = "https://docs.musterstadt.de/en/maengelmelder"
    text = text.replace(docs, f"{server}/ok/en")
    text = text.replace(
        "https://gitlab.opencode.de/stadt-musterstadt/maengelmelder/-/milestones", f"{server}/ok"
    )
    url = "https://gitlab.opencode.de/stadt-musterstadt/maengelmelder.git"
    text = text.replace(url, f"{server}/ok/repo.git")
    findings = _validate(text, network=LOCAL)
    assert [(f.type, f.key, f.description, f.line) for f in findings] == [
        (FindingType.ERROR, "landingURL", f"'{server}/missing' not reachable: HTTP status 404", 7),
        (
            FindingType.ERROR,
            "description.de.documentation",
            f"'{server}/gone' not reachable: HTTP status 404",
            56,
        ),
    ]


def test_network_checks_refuse_private_addresses_by_default() -> None:
    text = _text().replace("https://www.musterstadt.de/maengelmelder", "http://127.0.0.1:9/x")
    findings = _validate(text, network=NetworkPolicy(timeout=2.0))
    landing = [f for f in findings if f.key == "landingURL"]
    assert len(landing) == 1
    assert "private" in landing[0].description or "loopback" in landing[0].description
