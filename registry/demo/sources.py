"""The demo's sources file: its publishers and where their code lives, as ``kataster harvest``
reads it (format: :mod:`harvester.sources.loader`).

Publishers with repositories on the demo forge list their organisation there (``driver:
gitea``, the Gitea driver lists it); a publisher's own git server and a mirror are listed
repository by repository as ``file://`` URLs (``driver: git``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from .publishers import PUBLISHERS, DemoPublisher
from .repositories import BuiltRepository

__all__ = ["write_sources"]

_HEADER = """\
# Die Quellen der Kataster-Demo: erfundene Modellprojekte, Kommunen und ein Dienstleister.
# The demo's sources: fictional model projects, municipalities and a vendor. The forge URLs
# (http://127.0.0.1:...) were served only while `kataster demo` built the demo.
"""


def write_sources(
    path: Path, repositories: Sequence[BuiltRepository], organisation_url: Callable[[str], str]
) -> Path:
    """Write the sources file to ``path``; ``organisation_url(owner)`` is a forge org's URL."""
    entries = [_publisher(publisher, repositories, organisation_url) for publisher in PUBLISHERS]
    text = yaml.safe_dump({"publishers": entries}, allow_unicode=True, sort_keys=False)
    path.write_text(_HEADER + text, encoding="utf-8")
    return path


def _publisher(
    publisher: DemoPublisher,
    repositories: Sequence[BuiltRepository],
    organisation_url: Callable[[str], str],
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": publisher.id, "name": publisher.name, "kind": publisher.kind}
    if publisher.round is not None:
        entry["round"] = publisher.round
    if publisher.category is not None:
        entry["category"] = publisher.category
    if publisher.members:
        entry["members"] = [{"name": member} for member in publisher.members]
    entry["codeHosting"] = _hosting(publisher, repositories, organisation_url)
    return entry


def _hosting(
    publisher: DemoPublisher,
    repositories: Sequence[BuiltRepository],
    organisation_url: Callable[[str], str],
) -> list[dict[str, Any]]:
    own = [repository for repository in repositories if repository.publisher.id == publisher.id]
    hosting: list[dict[str, Any]] = []
    if publisher.owner is not None and any(repository.on_forge for repository in own):
        hosting.append({"url": organisation_url(publisher.owner), "driver": "gitea", "group": True})
    hosting += [
        {"url": repository.url, "driver": "git", "group": False}
        for repository in own
        if not repository.on_forge
    ]
    return hosting
