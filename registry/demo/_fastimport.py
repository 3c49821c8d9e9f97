"""Writing a planned history into a bare repository with one ``git fast-import``.

One git process per repository instead of one per commit keeps the demo fast. The stream is
built from :class:`~registry.demo.history.Commit` records: each commit names its parents by
their index in the plan, merges included; tags are lightweight (dated by their commit).
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DemoGitError

if TYPE_CHECKING:
    from .history import Commit, Person

__all__ = ["git", "import_history", "init_bare"]

_SERVE_CONFIG = {"uploadpack.allowFilter": "true", "uploadpack.allowAnySHA1InWant": "true"}
"""What the harvester's blobless clone and its fetches of single files need from a server."""


def git(*args: str | Path, cwd: Path | None = None, input: bytes | None = None) -> str:
    """Run git without the machine's configuration; raises :class:`DemoGitError`."""
    argv = ["git", *map(str, args)]
    completed = subprocess.run(
        argv, cwd=cwd, input=input, capture_output=True, env=_environment(), timeout=120
    )
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise DemoGitError(f"{' '.join(argv[:3])} failed: {message}")
    return completed.stdout.decode("utf-8", "replace")


def _environment() -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "LC_ALL": "C",
    }


def init_bare(path: Path) -> Path:
    """An empty bare repository on ``main`` that serves partial clones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    git("init", "--quiet", "--bare", "--initial-branch=main", path)
    for key, value in _SERVE_CONFIG.items():
        git("config", key, value, cwd=path)
    return path


def import_history(repository: Path, commits: Sequence[Commit], tags: Mapping[str, int]) -> None:
    """Write ``commits`` (in order) to ``refs/heads/main``; ``tags`` name commit indexes."""
    stream = bytearray()
    for index, commit in enumerate(commits):
        stream += _commit(index, commit)
    for name, index in tags.items():
        stream += f"reset refs/tags/{name}\nfrom :{index + 1}\n\n".encode()
    git("fast-import", "--quiet", "--done", cwd=repository, input=bytes(stream) + b"done\n")
    for ref in _side_branches(commits):
        git("update-ref", "-d", ref, cwd=repository)


def _commit(index: int, commit: Commit) -> bytes:
    message = commit.full_message().encode()
    lines = [
        f"commit {commit.ref}",
        f"mark :{index + 1}",
        f"author {_signature(commit.author, commit.when)}",
        f"committer {_signature(commit.committer or commit.author, commit.when)}",
        f"data {len(message)}",
    ]
    head = "\n".join(lines).encode() + b"\n" + message + b"\n"
    parents = [f"from :{commit.parents[0] + 1}"] if commit.parents else []
    parents += [f"merge :{parent + 1}" for parent in commit.parents[1:]]
    body = b"".join(f"{line}\n".encode() for line in parents)
    for path, content in sorted(commit.files.items()):
        body += _file(path, content)
    return head + body + b"\n"


def _file(path: str, content: bytes | None) -> bytes:
    if content is None:
        return f"D {path}\n".encode()
    return f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n"


def _signature(person: Person, when: datetime.datetime) -> str:
    return f"{person.name} <{person.email}> {int(when.timestamp())} +0000"


def _side_branches(commits: Sequence[Commit]) -> list[str]:
    return sorted({commit.ref for commit in commits if commit.ref != "refs/heads/main"})
