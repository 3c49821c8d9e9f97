"""A component's logo as a URL the catalogue may show, or ``None``.

publiccode.yml's ``logo`` is an https URL or a path in the repository. An https URL is kept
as it is; a path becomes the raw file on the component's own forge at the harvested commit
(GitHub: ``https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>``; GitLab and the
GitLab instances such as OpenCoDE: ``https://<host>/<group>/<repo>/-/raw/<commit>/<path>``).
Anything else is no logo: http:, data:, javascript: and other schemes, a path leaving the
repository (``..``), a forge that is neither, a repository not served over https.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

__all__ = ["MAX_LOGO_URL", "logo_url"]

MAX_LOGO_URL = 2048
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")  # control characters and backslashes


def logo_url(
    logo: object, repository_url: str, commit: str | None, driver: str | None
) -> str | None:
    """``logo`` from publiccode.yml as a safe URL (see the module's docstring)."""
    if not isinstance(logo, str) or not logo or len(logo) > MAX_LOGO_URL or _UNSAFE.search(logo):
        return None
    if logo.lower().startswith("https://"):
        return logo if urlsplit(logo).hostname and " " not in logo else None
    if ":" in logo.split("/", 1)[0] or logo.startswith("//"):
        return None  # another scheme, or a URL without one
    path = _repository_path(logo)
    if path is None or commit is None or not _COMMIT.fullmatch(commit):
        return None
    return _raw_url(repository_url, commit, path, driver)


def _repository_path(logo: str) -> str | None:
    """The path quoted for a URL; ``None`` when it tries to leave the repository."""
    parts = [part for part in logo.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(quote(part, safe="") for part in parts)


def _raw_url(repository_url: str, commit: str, path: str, driver: str | None) -> str | None:
    parts = urlsplit(repository_url)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        return None
    try:
        host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    except ValueError:  # a port that is no number
        return None
    segments = [s for s in parts.path.removesuffix(".git").split("/") if s]
    if not segments or any(s in (".", "..") for s in segments):
        return None
    repository = "/".join(quote(s, safe="") for s in segments)
    if parts.hostname == "github.com":
        if len(segments) != 2:
            return None
        return f"https://raw.githubusercontent.com/{repository}/{commit}/{path}"
    if driver == "gitlab" or parts.hostname in ("gitlab.com", "gitlab.opencode.de"):
        if len(segments) < 2:
            return None
        return f"https://{host}/{repository}/-/raw/{commit}/{path}"
    return None
