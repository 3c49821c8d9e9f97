"""The harvest of one repository through real git: every stage, and every way it can fail."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from pathlib import Path

import pytest

from harvester.discover import Target
from harvester.git import GitLimits
from harvester.maturity import load_model
from harvester.pipeline import HarvestContext, harvest_repository
from harvester.publiccode import load_profile
from harvester.records import CheckOutcome, HarvestStatus, LicenceStatus
from tests.gitrepos import RepoBuilder, paths_under, serve_silent

DATA = Path(__file__).parent.parent / "data"
NOW = datetime.datetime(2026, 11, 1, 12, tzinfo=datetime.UTC)
MIT = """MIT License

Copyright (c) 2024 Stadt Musterstadt

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
README = (
    "# Mängelmelder\n\nBürgerinnen und Bürger melden Schäden im Stadtraum mit Foto und "
    "Standort. Die Meldungen gehen an die zuständige Stelle der Verwaltung.\n\n"
    "## Installation\n\n`docker compose up`\n"
)


def publiccode(url: str = "https://gitlab.opencode.de/stadt-musterstadt/maengelmelder.git") -> str:
    text = (DATA / "publiccode" / "valid" / "full_smart-city.yml").read_text(encoding="utf-8")
    text = text.replace("license: EUPL-1.2", "license: MIT")
    return text.replace(
        '"https://gitlab.opencode.de/stadt-musterstadt/maengelmelder.git"', f'"{url}"'
    )


@pytest.fixture
def context(tmp_path: Path) -> HarvestContext:
    return HarvestContext(
        cache_dir=tmp_path / "cache",
        limits=GitLimits(timeout=20, max_file_bytes=1024 * 1024),
        profile=load_profile("smart-city"),
        model=load_model(),
        harvester_version="test",
        now=NOW,
    )


def complete_repository(repo: RepoBuilder) -> RepoBuilder:
    """A repository with metadata, licence, README, tests, CI and a few releases."""
    repo.commit(
        {
            "publiccode.yml": publiccode(),
            "logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "LICENSE": MIT,
            "README.md": README,
            "package.json": '{"name": "maengelmelder", "license": "MIT"}',
            "tests/test_app.py": "def test_app():\n    assert True\n",
            ".gitlab-ci.yml": "test:\n  script: [pytest]\n",
        },
        date=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )
    repo.tag("v2.4.0")
    repo.commit(
        {"src/app.py": "print('ok')\n"}, date=datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC)
    )
    repo.tag("v2.4.1")
    return repo


def target(url: str) -> Target:
    return Target(publisher_id="mpsc-musterstadt", url=url, driver="git")


class TestAHealthyRepository:
    def test_is_recorded_at_the_commit_it_was_read_at(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        record = harvest_repository(target(repo.url), context)
        assert (record.status, record.provenance.commit) == (HarvestStatus.OK, repo.head())
        assert record.provenance.model_version == context.model.version

    def test_is_harvested_the_same_over_git_daemon(self, git_repos, git_daemon, context) -> None:
        repo = complete_repository(git_repos("served"))
        over_file = harvest_repository(target(repo.url), context)
        over_daemon = harvest_repository(target(git_daemon.url(repo)), context)
        assert over_daemon.status is HarvestStatus.OK
        assert over_daemon.provenance.commit == over_file.provenance.commit
        assert over_daemon.maturity == over_file.maturity
        assert over_daemon.licences == over_file.licences

    def test_carries_its_validated_metadata(self, git_repos, context) -> None:
        record = harvest_repository(target(complete_repository(git_repos("app")).url), context)
        assert record.publiccode is not None and record.publiccode.valid
        assert (record.name, record.incomplete) == ("Mängelmelder", False)
        assert record.description and record.description.startswith("Bürgerinnen")

    def test_finds_the_logo_in_the_commits_tree(self, git_repos, context) -> None:
        record = harvest_repository(target(complete_repository(git_repos("app")).url), context)
        assert record.publiccode is not None
        assert [f for f in record.publiccode.findings if f.key == "logo"] == []

    def test_reports_a_logo_missing_from_the_tree(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        repo.commit({"logo.svg": None})
        record = harvest_repository(target(repo.url), context)
        assert record.publiccode is not None
        logo = [f.description for f in record.publiccode.findings if f.key == "logo"]
        assert logo == ["no such file: /logo.svg"]

    def test_a_png_logo_over_the_size_cap_is_a_finding_not_a_crash(
        self, git_repos, context
    ) -> None:
        repo = complete_repository(git_repos("app"))
        text = publiccode().replace("logo: logo.svg", "logo: logo.png")
        repo.commit({"publiccode.yml": text, "logo.png": b"\x89PNG\r\n\x1a\n" + b"x" * (2 << 20)})
        record = harvest_repository(target(repo.url), context)
        assert record.status is HarvestStatus.OK and record.publiccode is not None
        logo = [f.description for f in record.publiccode.findings if f.key == "logo"]
        assert len(logo) == 1 and logo[0].startswith("read /logo.png: ")
        assert "logo.png" in logo[0] and "limit" in logo[0]

    def test_identifies_its_licence_text(self, git_repos, context) -> None:
        record = harvest_repository(target(complete_repository(git_repos("app")).url), context)
        assert record.licences is not None
        assert record.licences.declared == "MIT"
        assert [(f.path, f.status, f.spdx_ids) for f in record.licences.files] == [
            ("LICENSE", LicenceStatus.IDENTIFIED, ("MIT",))
        ]

    def test_measures_history_and_releases(self, git_repos, context) -> None:
        record = harvest_repository(target(complete_repository(git_repos("app")).url), context)
        assert record.history is not None
        assert record.history.commits == 2
        assert [tag.name for tag in record.history.tags] == ["v2.4.1", "v2.4.0"]
        assert record.single_commit_snapshot is False

    def test_is_rated_with_evidence_for_every_check(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        record = harvest_repository(target(repo.url), context)
        assert record.maturity is not None
        checks = {check.id: check for check in record.maturity.checks}
        assert set(checks) == {spec.id for spec in context.model.checks}
        assert checks["L1.1"].outcome is CheckOutcome.PASS
        assert any(e.path == "LICENSE" for e in checks["L1.1"].evidence)

    def test_reads_the_readme_language(self, git_repos, context) -> None:
        record = harvest_repository(target(complete_repository(git_repos("app")).url), context)
        assert record.inspection is not None and record.inspection.readme is not None
        assert record.inspection.readme.language == "de"


class TestUnchangedRepositories:
    def test_are_not_fetched_again(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        previous = (repo.head(), context.model.version)
        record = harvest_repository(target(repo.url), context, previous)
        assert record.status is HarvestStatus.UNCHANGED
        assert record.provenance.commit == repo.head()
        assert not context.cache_dir.exists()

    def test_are_assessed_again_under_a_new_maturity_model(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        record = harvest_repository(target(repo.url), context, (repo.head(), "0.9"))
        assert record.status is HarvestStatus.OK

    def test_with_a_new_commit_are_harvested_again(self, git_repos, context) -> None:
        repo = complete_repository(git_repos("app"))
        previous = (repo.head(), context.model.version)
        repo.commit({"NEWS.md": "neu\n"})
        record = harvest_repository(target(repo.url), context, previous)
        assert (record.status, record.provenance.commit) == (HarvestStatus.OK, repo.head())


class TestRepositoriesWithoutMetadata:
    def test_are_recorded_incomplete_with_name_and_description_from_the_readme(
        self, git_repos, context
    ) -> None:
        repo = git_repos("plain")
        repo.commit({"README.md": README, "LICENSE": MIT})
        record = harvest_repository(target(repo.url), context)
        assert (record.status, record.incomplete, record.publiccode) == (
            HarvestStatus.OK,
            True,
            None,
        )
        assert record.name == "Mängelmelder"
        assert record.description and record.description.startswith("Bürgerinnen und Bürger")

    def test_a_publiccode_yaml_is_read_with_a_warning(self, git_repos, context) -> None:
        repo = git_repos("yaml")
        repo.commit({"publiccode.yaml": publiccode(), "logo.svg": "<svg/>", "LICENSE": MIT})
        record = harvest_repository(target(repo.url), context)
        assert record.publiccode is not None and record.publiccode.path == "publiccode.yaml"
        assert record.publiccode.findings[0].type == "warning"
        assert "publiccode.yml" in record.publiccode.findings[0].description

    def test_a_single_commit_is_marked_as_a_snapshot(self, git_repos, context) -> None:
        repo = git_repos("snapshot")
        repo.commit({"README.md": README})
        assert harvest_repository(target(repo.url), context).single_commit_snapshot is True


class TestMirrors:
    def test_a_publiccode_url_naming_another_repository_becomes_the_canonical_url(
        self, git_repos, context
    ) -> None:
        repo = git_repos("mirror")
        original = "https://gitlab.opencode.de/stadt-musterstadt/maengelmelder"
        repo.commit({"publiccode.yml": publiccode(original), "logo.svg": "<svg/>"})
        assert harvest_repository(target(repo.url), context).canonical_url == original

    def test_a_publiccode_url_naming_the_repository_itself_is_no_canonical_url(
        self, git_repos, context
    ) -> None:
        repo = git_repos("self")
        repo.commit({"publiccode.yml": publiccode(repo.url), "logo.svg": "<svg/>"})
        assert harvest_repository(target(repo.url), context).canonical_url is None


class TestHostileRepositories:
    def test_a_publiccode_symlink_to_a_system_file_is_a_failure(self, git_repos, context) -> None:
        repo = git_repos("link")
        repo.commit({"README.md": README})
        repo.symlink("publiccode.yml", "/etc/passwd")
        record = harvest_repository(target(repo.url), context)
        assert record.status is HarvestStatus.FAILED
        assert record.failure == "publiccode.yml is a symbolic link; Kataster does not follow links"

    def test_a_publiccode_far_over_the_size_cap_is_a_failure(self, git_repos, context) -> None:
        repo = git_repos("huge")
        repo.commit({"publiccode.yml": b"name: x\n" + b"#" * (50 * 1024 * 1024)})
        record = harvest_repository(target(repo.url), context)
        assert record.status is HarvestStatus.FAILED
        assert record.failure is not None and "publiccode.yml" in record.failure
        assert "1048576" in record.failure.replace(",", "")

    def test_a_server_that_never_answers_is_a_failure(self, context) -> None:
        limited = dataclasses.replace(context, limits=GitLimits(timeout=1))
        with serve_silent() as silent:
            record = harvest_repository(target(silent.url("git")), limited)
        assert record.status is HarvestStatus.FAILED
        assert record.failure is not None and "did not finish within 1 second" in record.failure

    def test_a_repository_that_disappeared_is_a_failure(self, git_repos, context, tmp_path) -> None:
        repo = complete_repository(git_repos("gone"))
        assert harvest_repository(target(repo.url), context).status is HarvestStatus.OK
        url = repo.url
        shutil.rmtree(repo.path)
        record = harvest_repository(target(url), context)
        assert record.status is HarvestStatus.FAILED
        assert record.failure is not None

    def test_invalid_utf8_file_names_and_submodules_do_not_stop_the_harvest(
        self, git_repos, context
    ) -> None:
        repo = git_repos("odd")
        repo.commit({b"caf\xe9.txt": "x", "README.md": README})
        repo.submodule_link("vendor/lib", "https://example.org/lib.git", "1" * 40)
        record = harvest_repository(target(repo.url), context)
        assert record.status is HarvestStatus.OK
        assert record.inspection is not None
        assert record.inspection.submodules == ("vendor/lib",)

    def test_nothing_outside_the_cache_is_written(self, git_repos, context, tmp_path) -> None:
        """A full harvest (clone, blob fetch, reads, history) touches only the cache folder."""
        repo = complete_repository(git_repos("watched"))
        repo.symlink("docs/link", "../../../../etc/passwd")
        before = paths_under(tmp_path, exclude=[context.cache_dir])
        assert harvest_repository(target(repo.url), context).status is HarvestStatus.OK
        assert paths_under(tmp_path, exclude=[context.cache_dir]) == before
