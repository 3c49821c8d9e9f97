"""``kataster report``: what is stored for each component, as text or JSON."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from registry.cli import main
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

MIRROR = "https://gitlab.opencode.de/musterstadt/maengelmelder"
OTHER = "https://github.com/stadt-musterstadt/parkplatz"


@pytest.fixture
def stored(db_session: Session, database_url: str) -> Iterator[str]:
    """A component with a mirror alias and a later failure; another one that only failed."""
    upsert_publishers(db_session, [factories.publisher()])
    run = start_run(db_session, harvester_version="0.1.0")
    later = factories.NOW + datetime.timedelta(days=1)
    store_record(db_session, run.id, factories.ok_record(MIRROR))
    store_record(db_session, run.id, factories.ok_record(canonical_url=MIRROR))
    store_record(db_session, run.id, factories.failed_record(MIRROR, "timeout", at=later))
    store_record(db_session, run.id, factories.failed_record(OTHER, "repository not found"))
    db_session.commit()
    yield database_url


def report(database_url: str, *args: str) -> Result:
    runner = CliRunner()
    return runner.invoke(main, ["report", *args], env={"KATASTER_DATABASE_URL": database_url})


def test_json_lists_every_component_by_canonical_url(stored: str) -> None:
    result = report(stored, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [item["url"] for item in data] == [OTHER, MIRROR]


def test_json_of_one_component_has_its_aliases_and_status(stored: str) -> None:
    result = report(stored, factories.URL, "--format", "json")
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.output)
    assert item["url"] == MIRROR
    assert [alias["url"] for alias in item["aliases"]] == [factories.URL]
    assert item["harvest"]["commit"] == factories.COMMIT
    assert item["last_attempt"]["failure"] == "timeout"
    assert item["maturity"]["level"] == 2


def test_a_url_given_twice_reports_its_component_once(stored: str) -> None:
    result = report(stored, MIRROR, factories.URL, "--format", "json")
    assert len(json.loads(result.output)) == 1


def test_text_shows_every_panel(stored: str) -> None:
    result = report(stored, MIRROR)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{MIRROR}  (component ")
    for expected in [
        "  Name:           Mängelmelder",
        "  Publisher:      mpsc-musterstadt: Smarte Musterstadt (model-project)",
        f"  Alias:          {factories.URL} (mirror)",
        f"  Harvest:        ok at {factories.COMMIT}, 2024-05-01T12:00:00+00:00 "
        "(harvester 0.1.0, model 1.0)",
        "  Last attempt:   failed at 2024-05-02T12:00:00+00:00: timeout",
        "  publiccode.yml: valid (publiccode.yml), 1 warning, 1 profile",
        "      warning  description.de.features 7:5: features is deprecated",
        "      profile  intendedAudience.scope [SC-3, recommended]: intendedAudience.scope fehlt",
        "  Licences:",
        "      declared: EUPL-1.2 (valid SPDX expression)",
        "      file LICENSE: identified: EUPL-1.2, 99 % of the text matched",
        "      manifest package.json license: MIT (MIT)",
        "      EUPL-1.2: OSI approved yes, FSF free/libre yes",
        "      warning  package.json [manifest-disagrees]: "
        "package.json nennt MIT, erklärt ist EUPL-1.2",
        "  Maturity:       level 2 (model 1.0; blocking L3.1)",
        "      pass           L1.1 has_licence_file: LICENSE (threshold a licence file at the root)",
        "          Eine Lizenzdatei liegt im Wurzelverzeichnis.",
        f"          evidence: G LICENSE:1 at {factories.COMMIT[:12]}",
        "  Releases:       2, latest v1.1.0 = 1.1.0 (pep440), 2024-03-02",
    ]:
        assert expected in lines, expected


def test_text_shows_history_and_health(stored: str) -> None:
    output = report(stored, MIRROR).output
    assert "412 commits from 2019-03-01 to 2024-04-30; 12 in 90 days (7 active weeks)" in output
    assert "5 in 12 months (2 new), absence factor 2; 2 version tags" in output
    assert "elephant factor 24 months 1" in output


def test_text_in_english_uses_the_english_messages(stored: str) -> None:
    output = report(stored, MIRROR, "--lang", "en").output
    assert "A licence file is at the root." in output
    assert "package.json names MIT, EUPL-1.2 is declared" in output
    assert "intendedAudience.scope fehlt" in output  # the profile's message has no English


def test_text_of_a_component_never_harvested_well_says_nothing_is_published(stored: str) -> None:
    output = report(stored, OTHER).output
    assert "Last attempt:   failed at 2024-05-01T12:00:00+00:00: repository not found" in output
    assert "No good harvest yet: nothing is published." in output


def test_a_url_matching_nothing_exits_with_1_and_says_so(stored: str) -> None:
    result = report(stored, MIRROR, "https://example.org/none.git", "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1
    assert "no component has the URL or alias https://example.org/none.git" in result.stderr


def test_an_empty_registry_says_so(database_url: str, engine: Engine) -> None:
    result = report(database_url)
    assert (result.exit_code, result.output) == (0, "No components stored.\n")


def test_a_missing_database_file_is_a_clear_error(tmp_path: Path) -> None:
    result = report(f"sqlite:///{tmp_path / 'none.db'}")
    assert result.exit_code == 1
    assert "no database at" in result.output and "kataster harvest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_an_unmigrated_database_is_a_clear_error(empty_database_url: str) -> None:
    if empty_database_url.startswith("sqlite"):
        Path(empty_database_url.removeprefix("sqlite:///")).touch()
    result = report(empty_database_url)
    assert result.exit_code == 1
    assert "run `kataster db upgrade`" in result.output


def test_an_invalid_setting_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report"], env={"KATASTER_DATABASE_URL": "nonsense"})
    assert result.exit_code == 2
    assert "KATASTER_DATABASE_URL" in result.output


def test_an_unknown_format_is_a_usage_error(database_url: str) -> None:
    assert report(database_url, "--format", "xml").exit_code == 2
