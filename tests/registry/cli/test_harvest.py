"""``kataster harvest`` end to end: real repositories, a real database, the real command."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select, update

from registry.cli import main
from registry.db import make_engine
from registry.harvest.models import RepositoryHarvest
from registry.journal.models import JournalEntry
from tests.gitrepos import RepoBuilder, closed_port, serve_silent
from tests.harvester.test_pipeline import README, complete_repository


@pytest.fixture
def repositories(git_repos) -> dict[str, RepoBuilder]:
    healthy = complete_repository(git_repos("maengelmelder"))
    plain = git_repos("ohne-metadaten")
    plain.commit({"README.md": README})
    linked = git_repos("verlinkt")
    linked.commit({"README.md": README})
    linked.symlink("publiccode.yml", "/etc/passwd")
    return {"healthy": healthy, "plain": plain, "linked": linked}


def sources_file(folder: Path, urls: dict[str, list[str]]) -> Path:
    lines = ["publishers:"]
    for publisher, listed in urls.items():
        lines += [f"  - id: {publisher}", f"    name: Stadt {publisher}", "    kind: municipality"]
        lines.append("    codeHosting:")
        lines += [f"      - {{url: '{url}', group: false, driver: git}}" for url in listed]
    path = folder / "sources.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def environment(database_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "KATASTER_DATABASE_URL": database_url,
        "KATASTER_CACHE_DIR": str(tmp_path / "cache"),
        "KATASTER_DATA_DIR": str(tmp_path / "data"),
        "KATASTER_LOG_FILE": str(tmp_path / "harvest.log"),
        "KATASTER_GIT_TIMEOUT": "2",
        "KATASTER_GITHUB_TOKEN": "ghp_secret-token-never-logged",
    }


def kataster(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def reported(env: dict[str, str], *urls: str) -> list[dict]:
    result = kataster(env, "report", "--format", "json", *urls)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def env(empty_database_url: str, tmp_path: Path) -> dict[str, str]:
    return environment(empty_database_url, tmp_path)


def test_harvests_every_listed_repository_and_counts_the_outcomes(
    env, repositories, tmp_path
) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [r.url for r in repositories.values()]})
    result = kataster(env, "harvest", str(sources), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "musterstadt: 2 new, 1 failed" in result.output
    assert "3 repositories: 2 new, 1 failed; run 1" in result.output


def test_a_failing_repository_is_recorded_with_its_reason_and_others_are_stored(
    env, repositories, tmp_path
) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [r.url for r in repositories.values()]})
    kataster(env, "harvest", str(sources))
    linked = reported(env, repositories["linked"].url)[0]
    healthy = reported(env, repositories["healthy"].url)[0]
    assert "symbolic link" in json.dumps(linked)
    assert healthy["maturity"]["level"] is not None


def test_a_second_run_over_unchanged_repositories_counts_them_unchanged(
    env, repositories, tmp_path
) -> None:
    urls = [repositories["healthy"].url, repositories["plain"].url]
    sources = sources_file(tmp_path, {"musterstadt": urls})
    kataster(env, "harvest", str(sources))
    result = kataster(env, "harvest", str(sources))
    assert "2 repositories: 2 unchanged" in result.output


def test_a_new_commit_counts_as_changed(env, repositories, tmp_path) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [repositories["healthy"].url]})
    kataster(env, "harvest", str(sources))
    repositories["healthy"].commit({"CHANGELOG.md": "## 2.5.0\n"})
    result = kataster(env, "harvest", str(sources))
    assert "1 repositories: 1 changed" in result.output


def test_a_repository_that_disappears_keeps_its_last_good_data_published(
    env, repositories, tmp_path
) -> None:
    healthy = repositories["healthy"]
    commit, url = healthy.head(), healthy.url
    sources = sources_file(tmp_path, {"musterstadt": [url]})
    kataster(env, "harvest", str(sources))
    shutil.rmtree(healthy.path)
    result = kataster(env, "harvest", str(sources))
    assert "1 failed" in result.output
    component = reported(env, url)[0]
    assert component["harvest"]["commit"] == commit
    assert component["last_attempt"]["status"] == "failed"


def test_only_harvests_the_repositories_named(env, repositories, tmp_path) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [r.url for r in repositories.values()]})
    result = kataster(env, "harvest", str(sources), "--only", repositories["plain"].url)
    assert "1 repositories: 1 new" in result.output
    assert [c["repository_url"] for c in reported(env)] == [repositories["plain"].url]


def test_only_says_when_a_url_is_not_among_the_sources(env, repositories, tmp_path) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [repositories["plain"].url]})
    result = kataster(env, "harvest", str(sources), "--only", "https://example.org/x/y")
    assert result.exit_code == 0
    assert "--only https://example.org/x/y: not among the sources' repositories" in result.output


def test_a_dry_run_stores_nothing(env, repositories, tmp_path) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [repositories["healthy"].url]})
    assert kataster(env, "db", "upgrade").exit_code == 0
    result = kataster(env, "harvest", str(sources), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "nothing stored (dry run)" in result.output
    assert reported(env) == []


def test_a_server_that_never_answers_does_not_stop_the_run(env, repositories, tmp_path) -> None:
    with serve_silent() as silent:
        urls = [silent.url("git"), repositories["plain"].url]
        result = kataster(env, "harvest", str(sources_file(tmp_path, {"musterstadt": urls})))
    assert "2 repositories: 1 new, 1 failed" in result.output


def test_the_summary_is_given_per_publisher(env, repositories, tmp_path) -> None:
    urls = {"nord": [repositories["healthy"].url], "sued": [repositories["plain"].url]}
    result = kataster(env, "harvest", str(sources_file(tmp_path, urls)))
    assert "nord: 1 new" in result.output
    assert "sued: 1 new" in result.output


def test_the_log_file_has_one_json_object_per_repository(env, repositories, tmp_path) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [repositories["plain"].url]})
    kataster(env, "harvest", str(sources))
    log = (tmp_path / "harvest.log").read_text(encoding="utf-8")
    events = [json.loads(line) for line in log.splitlines()]
    harvested = [e for e in events if e["event"] == "repository harvested"]
    assert [(e["url"], e["outcome"]) for e in harvested] == [(repositories["plain"].url, "new")]


def test_an_unchanged_repository_is_assessed_afresh_after_a_week(
    env, repositories, tmp_path
) -> None:
    sources = sources_file(tmp_path, {"musterstadt": [repositories["plain"].url]})
    kataster(env, "harvest", str(sources))
    engine = make_engine(env["KATASTER_DATABASE_URL"])
    with engine.begin() as connection:
        eight_days = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=8)
        connection.execute(update(RepositoryHarvest).values(harvested_at=eight_days))
    engine.dispose()
    result = kataster(env, "harvest", str(sources))
    assert "1 repositories: 1 unchanged" not in result.output
    assert "1 repositories: 1 changed" in result.output


def test_a_dry_run_does_not_create_the_database(repositories, tmp_path) -> None:
    database = tmp_path / "neu.db"
    env = environment(f"sqlite:///{database}", tmp_path)
    sources = sources_file(tmp_path, {"musterstadt": [repositories["plain"].url]})
    assert kataster(env, "harvest", str(sources), "--dry-run").exit_code == 0
    assert not database.exists()


def test_an_invalid_sources_file_is_a_usage_error_with_its_line(env, tmp_path) -> None:
    sources = tmp_path / "sources.yml"
    sources.write_text("publishers:\n  - id: Bad Id\n", encoding="utf-8")
    result = kataster(env, "harvest", str(sources))
    assert result.exit_code == 2
    assert f"{sources}:2:" in result.output


def test_only_lists_no_organisation_that_cannot_contain_the_url(
    env, repositories, tmp_path
) -> None:
    sources = tmp_path / "sources.yml"
    plain = repositories["plain"].url
    sources.write_text(
        "publishers:\n"
        "  - id: musterstadt\n    name: Musterstadt\n    kind: municipality\n"
        "    codeHosting:\n"
        f"      - {{url: 'http://127.0.0.1:{closed_port()}/smart-city', driver: gitea}}\n"
        f"      - {{url: '{plain}', group: false, driver: git}}\n",
        encoding="utf-8",
    )
    result = kataster(env, "harvest", str(sources), "--only", plain)
    assert "1 repositories: 1 new" in result.output
    assert "cannot list" not in result.output


def test_an_organisation_that_cannot_be_listed_is_journaled_for_its_publisher(
    env, repositories, tmp_path
) -> None:
    sources = tmp_path / "sources.yml"
    group = f"http://127.0.0.1:{closed_port()}/smart-city"
    sources.write_text(
        "publishers:\n"
        "  - id: musterstadt\n    name: Musterstadt\n    kind: municipality\n"
        f"    codeHosting:\n      - {{url: '{group}', driver: gitea}}\n",
        encoding="utf-8",
    )
    result = kataster(env, "harvest", str(sources))
    assert result.exit_code == 0
    assert f"musterstadt: cannot list {group}: " in result.output
    engine = make_engine(env["KATASTER_DATABASE_URL"])
    with engine.connect() as connection:
        rows = connection.execute(
            select(JournalEntry.action, JournalEntry.publisher_id, JournalEntry.details).where(
                JournalEntry.action == "listing failed"
            )
        ).all()
    engine.dispose()
    assert [(action, publisher) for action, publisher, _ in rows] == [
        ("listing failed", "musterstadt")
    ]
    assert rows[0][2].startswith(f"{group}: ")


def test_a_log_file_that_cannot_be_written_is_a_clear_error(env, repositories, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    env = {**env, "KATASTER_LOG_FILE": str(blocker / "harvest.log")}
    sources = sources_file(tmp_path, {"musterstadt": [repositories["plain"].url]})
    result = kataster(env, "harvest", str(sources))
    assert result.exit_code == 1
    assert "the log file cannot be written" in result.output
