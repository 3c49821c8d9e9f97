"""Kataster's settings: the ``KATASTER_`` environment variables, read once into a typed object.

Every variable, its conversion and its default are listed in :meth:`Settings.from_env`; nothing
is read at import time. An empty variable counts as unset. Tests pass a mapping::

    settings = Settings.from_env({"KATASTER_DATABASE_URL": "sqlite:///:memory:"})

=============================  =======================================================
variable                       default
=============================  =======================================================
KATASTER_DATA_DIR              ``$XDG_DATA_HOME/kataster`` (``~/.local/share/kataster``)
KATASTER_DATABASE_URL          ``sqlite:///<data dir>/kataster.db``
KATASTER_CACHE_DIR             ``$XDG_CACHE_HOME/kataster/git`` (``~/.cache/kataster/git``)
KATASTER_LOG_FILE              ``<data dir>/harvest.log``
KATASTER_GITHUB_TOKEN          none (a harvest without tokens has fewer forge signals)
KATASTER_GITLAB_TOKEN          none
KATASTER_WORKERS               4 repositories harvested at once
KATASTER_GIT_TIMEOUT           120 seconds per git command
KATASTER_MAX_FILE_BYTES        10 MiB per file read from a repository
KATASTER_DISK_BUDGET_BYTES     2 GiB of git cache per repository
KATASTER_CACHE_MAX_AGE         60 seconds a cache may serve a page before it asks again
=============================  =======================================================
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

__all__ = ["InvalidSettings", "Settings"]

_T = TypeVar("_T")

_MIB = 1024 * 1024


class InvalidSettings(ValueError):
    """An environment variable has a value Kataster cannot use; ``variable`` names it."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, typed. Tokens never appear in ``repr`` (nor in logs)."""

    data_dir: Path
    database_url: str
    cache_dir: Path
    log_file: Path
    github_token: str | None = field(default=None, repr=False)
    gitlab_token: str | None = field(default=None, repr=False)
    workers: int = 4
    git_timeout: float = 120.0
    max_file_bytes: int = 10 * _MIB
    disk_budget_bytes: int = 2048 * _MIB
    cache_max_age: int = 60

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``environ`` (default: the process environment)."""
        env = _Environment(os.environ if environ is None else environ)
        data_dir = env.get("KATASTER_DATA_DIR", _path, env.xdg("XDG_DATA_HOME", ".local/share"))
        return cls(
            data_dir=data_dir,
            database_url=env.get(
                "KATASTER_DATABASE_URL", _database_url, f"sqlite:///{data_dir / 'kataster.db'}"
            ),
            cache_dir=env.get(
                "KATASTER_CACHE_DIR", _path, env.xdg("XDG_CACHE_HOME", ".cache") / "git"
            ),
            log_file=env.get("KATASTER_LOG_FILE", _path, data_dir / "harvest.log"),
            github_token=env.get("KATASTER_GITHUB_TOKEN", _token, None),
            gitlab_token=env.get("KATASTER_GITLAB_TOKEN", _token, None),
            workers=env.get("KATASTER_WORKERS", _positive_int, 4),
            git_timeout=env.get("KATASTER_GIT_TIMEOUT", _positive_seconds, 120.0),
            max_file_bytes=env.get("KATASTER_MAX_FILE_BYTES", _positive_int, 10 * _MIB),
            disk_budget_bytes=env.get("KATASTER_DISK_BUDGET_BYTES", _positive_int, 2048 * _MIB),
            cache_max_age=env.get("KATASTER_CACHE_MAX_AGE", _whole_seconds, 60),
        )


@dataclass(frozen=True, slots=True)
class _Environment:
    values: Mapping[str, str]

    def get(self, name: str, coerce: Callable[[str], _T], default: _T) -> _T:
        """The variable converted by ``coerce``; ``default`` when unset or empty."""
        text = self.values.get(name, "").strip()
        if not text:
            return default
        try:
            return coerce(text)
        except ValueError as error:
            raise InvalidSettings(name, str(error)) from None

    def xdg(self, variable: str, fallback: str) -> Path:
        """``$variable/kataster``, or ``~/fallback/kataster`` (XDG base directories)."""
        base = self.values.get(variable, "").strip()
        if base and Path(base).is_absolute():
            return Path(base) / "kataster"
        return self._home() / fallback / "kataster"

    def _home(self) -> Path:
        home = self.values.get("HOME", "").strip()
        return Path(home) if home else Path.home()


def _path(text: str) -> Path:
    return Path(text).expanduser()


def _token(text: str) -> str:
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise ValueError(f"expected a number of at least 1, got {value}")
    return value


def _whole_seconds(text: str) -> int:
    """Whole seconds, 0 or more (0: a cache must ask every time)."""
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"expected a whole number of seconds, got {text!r}") from None
    if value < 0:
        raise ValueError(f"expected a number of seconds of at least 0, got {value}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value < float("inf"):
        raise ValueError(f"expected a positive number of seconds, got {text!r}")
    return value


def _database_url(text: str) -> str:
    try:
        url = make_url(text)
    except ArgumentError:
        raise ValueError("not a database URL (e.g. sqlite:///path/kataster.db)") from None
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ValueError(f"unsupported database {url.get_backend_name()!r}: sqlite or postgresql")
    return text
