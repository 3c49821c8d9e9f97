"""Running git: bounded output."""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.git import GitFailed
from harvester.git._process import Git


def test_output_over_the_cap_stops_git_with_a_clear_failure(git_repos, tmp_path: Path) -> None:
    repo = git_repos("talkative")
    repo.bulk_history(50)
    git = Git(url=repo.url, home=tmp_path, timeout=20, git_dir=repo.path / ".git")
    with pytest.raises(GitFailed, match=r"git log printed more than 1,000 bytes"):
        git.run("log", max_output=1000)


def test_output_under_the_cap_is_returned_whole(git_repos, tmp_path: Path) -> None:
    repo = git_repos("quiet")
    repo.commit({"a.txt": "a"})
    git = Git(url=repo.url, home=tmp_path, timeout=20, git_dir=repo.path / ".git")
    assert git.run("rev-parse", "HEAD", max_output=1000).decode().strip() == repo.head()
