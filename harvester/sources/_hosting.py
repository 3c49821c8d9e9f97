"""Checking a publisher's ``codeHosting`` entries: URL, driver and whether it names a group.

``driver`` defaults to :func:`harvester.urls.default_driver` (by host). ``group`` defaults to:

- ``false`` for the ``git`` driver: a plain git URL is one repository;
- ``false`` for a URL ending in ``.git``: that is a clone URL, never an organisation;
- on GitHub and Gitea: ``true`` for ``/owner``, ``false`` for ``/owner/repo``;
- on GitLab: ``true`` (groups nest, so a project URL must say ``group: false``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..records import CodeHosting
from ..urls import InvalidURL, RepositoryURL, default_driver, normalise_repository_url
from ..urls import parse_repository_url as parse
from ._fields import Collector, describe, fields, items, text
from ._yaml import Scalar

if TYPE_CHECKING:
    from ._yaml import Node

__all__ = ["DRIVERS", "SCHEMES", "SeenURLs", "code_hosting"]

DRIVERS: Final = ("github", "gitlab", "gitea", "git")
SCHEMES: Final = ("https", "http", "git", "ssh", "file")

_KEYS: Final = ("url", "group", "driver")
_FORGE_NAMES: Final = {"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea"}


class SeenURLs:
    """The repository URLs listed so far, by canonical key, to refuse listing one twice."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[int, str]] = {}

    def check(self, url: str, node: Node, publisher_id: str, errors: Collector) -> None:
        key = normalise_repository_url(url)
        if key in self.first:
            line, owner = self.first[key]
            errors.error(
                node,
                f"repository URL {url!r} is listed twice (first on line {line}, publisher {owner!r})",
            )
        else:
            self.first[key] = (node.line, publisher_id)


def code_hosting(
    node: Node | None, publisher_id: str, seen: SeenURLs, errors: Collector
) -> tuple[CodeHosting, ...]:
    """The ``codeHosting`` list of one publisher; problems go to ``errors``."""
    if node is None:
        return ()
    found = (
        _entry(item, publisher_id, seen, errors) for item in items(node, "codeHosting", errors)
    )
    return tuple(entry for entry in found if entry is not None)


def _entry(node: Node, publisher_id: str, seen: SeenURLs, errors: Collector) -> CodeHosting | None:
    found = fields(node, "a codeHosting entry", _KEYS, ("url",), errors)
    if found is None or "url" not in found:
        return None
    url_node = found["url"]
    checked = _url(url_node, errors)
    if checked is None:
        return None
    url, parts = checked
    driver = _driver(found.get("driver"), url, parts, errors)
    problem = _path_problem(driver, parts)
    if problem is not None:
        errors.error(url_node, problem)
        return None
    group = _group(found.get("group"), driver, parts, errors)
    if driver is None or group is None:
        return None
    seen.check(url, url_node, publisher_id, errors)
    return CodeHosting(url=url, group=group, driver=driver)


def _url(node: Node, errors: Collector) -> tuple[str, RepositoryURL] | None:
    """The URL as written (without surrounding spaces) and taken apart, when it is usable."""
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        errors.error(node, f"url must be text, not {describe(node)}")
        return None
    try:
        parts = parse(node.value)
    except InvalidURL as error:
        errors.error(node, f"invalid url: {error.reason}")
        return None
    problem = _url_problem(parts)
    if problem is not None:
        errors.error(node, problem)
        return None
    return node.value.strip(), parts


def _url_problem(parts: RepositoryURL) -> str | None:
    schemes = ", ".join(f"{scheme}://" for scheme in SCHEMES)
    if parts.scp_like:
        return f"url must start with one of {schemes}; write user@host:path as ssh://user@host/path"
    if parts.scheme not in SCHEMES:
        return f"url must start with one of {schemes}, not {parts.scheme}://"
    if parts.password is not None or (parts.username is not None and parts.scheme != "ssh"):
        return "url must not contain credentials or a user name (tokens belong in the environment)"
    if parts.scheme == "file" and parts.host:
        return "a file:// URL names no host: write file:///path/to/repository"
    if parts.query is not None or parts.fragment is not None:
        return "url must not have a query (?...) or fragment (#...)"
    if not parts.segments:
        return "url must name an organisation, a group or a repository, not only a host"
    return None


def _path_problem(driver: str | None, parts: RepositoryURL) -> str | None:
    if driver not in ("github", "gitea") or len(parts.segments) <= 2:
        return None
    forge = _FORGE_NAMES[driver]
    return f"a {forge} URL names an organisation (/owner) or a repository (/owner/repo), nothing deeper"


def _driver(node: Node | None, url: str, parts: RepositoryURL, errors: Collector) -> str | None:
    if node is None:
        return default_driver(url)
    driver = text(node, "driver", errors)
    if driver is None:
        return None
    if driver not in DRIVERS:
        errors.error(node, f"driver must be one of {', '.join(DRIVERS)}, not {driver!r}")
        return None
    if driver != "git" and parts.scheme not in ("https", "http"):
        errors.error(node, f"driver {driver} talks to a forge's web API: it needs an https:// URL")
        return None
    return driver


def _group(
    node: Node | None, driver: str | None, parts: RepositoryURL, errors: Collector
) -> bool | None:
    written = _written_group(node, errors)
    if driver is None or (node is not None and written is None):
        return None
    expected, reason = _group_by_url(driver, parts)
    if written is None:
        return True if expected is None else expected
    if expected is not None and written != expected and node is not None:
        errors.error(node, reason)
        return None
    return written


def _written_group(node: Node | None, errors: Collector) -> bool | None:
    if node is None:
        return None
    if isinstance(node, Scalar) and isinstance(node.value, bool):
        return node.value
    errors.error(node, f"group must be true or false, not {describe(node)}")
    return None


def _group_by_url(driver: str, parts: RepositoryURL) -> tuple[bool | None, str]:
    """What the URL says about ``group`` (``None``: it could be either) and why."""
    if driver == "git":
        return False, "a plain git URL is one repository: group must be false (or left out)"
    if parts.path.rstrip("/").endswith(".git"):
        return False, "a URL ending in .git is one repository: group must be false"
    if driver == "gitlab":
        return None, ""
    forge = _FORGE_NAMES[driver]
    if len(parts.segments) == 1:
        return True, f"a {forge} URL /owner names an organisation: group must be true"
    return False, f"a {forge} URL /owner/repo names one repository: group must be false"
