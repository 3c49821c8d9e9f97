"""NullForge: lists nothing, knows nothing but a URL."""

from __future__ import annotations

import pytest

from harvester.forges.errors import InvalidForgeURL
from harvester.forges.null import NullForge
from harvester.records import ForgeRepository

pytestmark = pytest.mark.disable_socket

URL = "https://github.com/smart-city-beispielstadt"


def test_lists_no_repositories() -> None:
    assert list(NullForge().list_repositories(URL)) == []


def test_describes_a_repository_by_its_url_alone() -> None:
    url = f"{URL}/beteiligungsportal"
    assert NullForge().repository(url) == ForgeRepository(clone_url=url, driver="git")


def test_rejects_a_url_git_must_not_be_handed() -> None:
    with pytest.raises(InvalidForgeURL):
        NullForge().list_repositories("--upload-pack=evil")
