"""Every demo project's publiccode.yml is judged by the real validator as intended."""

from __future__ import annotations

import datetime

import pytest

from harvester.publiccode import load_profile, validate
from registry.demo.history import releases
from registry.demo.projects import PROJECTS, Metadata
from registry.demo.publiccode import publiccode_yml
from registry.demo.publishers import PUBLISHERS

TODAY = datetime.date(2026, 11, 21)
PUBLISHER = {publisher.id: publisher for publisher in PUBLISHERS}
WITH_METADATA = [p for p in PROJECTS if p.metadata is not Metadata.ABSENT]


def text_of(project) -> str:
    done = releases(project.activity, TODAY)
    url = f"https://code.example/{project.slug}.git"
    return publiccode_yml(
        project, PUBLISHER[project.publisher], url, done[-1] if done else None, TODAY
    )


@pytest.mark.parametrize("project", WITH_METADATA, ids=lambda p: p.slug)
def test_is_valid_unless_the_project_shows_invalid_metadata(project, tmp_path) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    result = validate(
        text_of(project).encode(),
        base_dir=tmp_path,
        profile=load_profile("smart-city"),
        today=TODAY,
    )
    errors = [f"{f.key}: {f.description}" for f in result.findings if f.type == "error"]
    if project.metadata is Metadata.INVALID:
        assert {"developmentStatus", "releaseDate", "platforms"} <= {
            e.split(":")[0] for e in errors
        }
    else:
        assert (result.valid, errors) == (True, [])


def test_names_its_repository_and_the_latest_release() -> None:
    project = next(p for p in PROJECTS if p.slug == "parkleitsystem")
    text = text_of(project)
    assert "url: https://code.example/parkleitsystem.git" in text
    last = releases(project.activity, TODAY)[-1]
    assert f"softwareVersion: {last.version}" in text
    assert f"releaseDate: '{last.date.isoformat()}'" in text


def test_an_ended_contract_is_dated_before_today() -> None:
    project = next(p for p in PROJECTS if p.slug == "luftguete-messnetz")
    result = validate(text_of(project).encode(), profile=load_profile("smart-city"), today=TODAY)
    assert "current-contract" in {f.rule for f in result.findings}
