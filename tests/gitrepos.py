"""Real git repositories for tests: build them, serve them, and a server that never answers.

Build a repository (a real, non-bare one made with ``git init -b main``)::

    from tests.gitrepos import RepoBuilder

    repo = RepoBuilder(tmp_path / "app")
    repo.commit({"README.md": "# App\\n", "logo.png": b"\\x89PNG..."}, message="Start")
    repo.commit({"README.md": None}, author=("Ada", "ada@example.org"),
                date=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
                trailers={"Reviewed-by": "Bob <bob@example.org>"})   # None deletes a file
    repo.symlink("publiccode.yml", "/etc/passwd")        # committed as a link (mode 120000)
    repo.submodule_link("vendor/lib", "https://example.org/lib.git", "1" * 40)
    repo.tag("v1.0.0", annotated=True)
    repo.bulk_history(200, start=..., end=..., tags_every=50)   # fast, through git fast-import
    repo.head()          # the SHA at HEAD
    repo.url             # file:///.../app  (``repo.path`` is the folder)

Commits without a ``date`` are one hour apart from 2024-01-01 12:00 UTC on, so histories (and
SHAs) are the same on every run. File names may be ``bytes`` (``{b"caf\\xe9.txt": "x"}``) for
names that are not UTF-8. Every repository allows partial clones and fetches by object id
(``uploadpack.allowFilter``, ``uploadpack.allowAnySHA1InWant``), also over file:// URLs.

Serve a folder of repositories with ``git daemon`` on 127.0.0.1::

    with serve_git_daemon(tmp_path) as base_url:     # "git://127.0.0.1:PORT"
        ls_remote(f"{base_url}/app", limits)

A TCP server that accepts connections and never answers (for timeouts)::

    with serve_silent() as silent:
        ls_remote(silent.url("git"), GitLimits(timeout=1))

Other helpers: ``file_url(repo_or_path)``, ``init_bare(path)`` (an empty bare repository),
``closed_port()`` (a port nobody listens on), ``object_types(bare_repo)`` (how many objects of
each type a repository holds: proof that a blobless clone has no blobs), ``paths_under(root,
exclude)`` (every path under a folder with its size: proof that nothing was written there),
``git(*args, cwd=...)`` (git without the machine's configuration, for a test's own checks).

Pytest fixtures in tests/conftest.py: ``git_repos`` (``git_repos("name", branch="main")``
makes a RepoBuilder under tmp_path), ``git_daemon`` (a session-wide daemon serving the whole
pytest base temporary folder: ``git_daemon.url(repo)``), ``silent_server``.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_AUTHOR",
    "FixtureGitError",
    "GitDaemon",
    "RepoBuilder",
    "SilentServer",
    "closed_port",
    "file_url",
    "git",
    "init_bare",
    "object_types",
    "paths_under",
    "serve_git_daemon",
    "serve_silent",
]

DEFAULT_AUTHOR = ("Kataster Test", "test@example.org")
START = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.UTC)
STEP = datetime.timedelta(hours=1)

Person = tuple[str, str]
Content = bytes | str | None
Trailers = Mapping[str, str] | Sequence[tuple[str, str]]

_SERVE_CONFIG = {"uploadpack.allowFilter": "true", "uploadpack.allowAnySHA1InWant": "true"}


def _environment(**extra: str) -> dict[str, str]:
    """Git without the machine's configuration, in English."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "LC_ALL": "C",
    }
    environment.update(extra)
    return environment


def git(*args: str | Path, cwd: Path | None = None, input: bytes | None = None, **env: str) -> str:
    """Run git for a test fixture and return its output (raises FixtureGitError)."""
    argv = ["git", *map(str, args)]
    completed = subprocess.run(
        argv, cwd=cwd, input=input, capture_output=True, env=_environment(**env)
    )
    if completed.returncode != 0:
        stderr = completed.stderr.decode("utf-8", "replace").strip()
        raise FixtureGitError(f"{' '.join(argv)} failed: {stderr}")
    return completed.stdout.decode("utf-8", "replace")


class FixtureGitError(RuntimeError):
    """A git command of a fixture failed (the message has git's own words)."""


def file_url(repo: RepoBuilder | Path) -> str:
    """The file:// URL of a repository (a RepoBuilder or a path)."""
    path = repo.path if isinstance(repo, RepoBuilder) else Path(repo)
    return path.resolve().as_uri()


def init_bare(path: Path) -> Path:
    """An empty bare repository (it has no HEAD commit), servable like any other."""
    git("init", "-q", "--bare", "-b", "main", path)
    for key, value in _SERVE_CONFIG.items():
        git("config", key, value, cwd=path)
    return path


def object_types(repository: Path) -> collections.Counter[str]:
    """How many objects of each type (blob, tree, commit, tag) a repository holds locally."""
    output = git(
        "cat-file",
        "--batch-all-objects",
        "--batch-check=%(objecttype)",
        cwd=repository,
    )
    return collections.Counter(output.split())


class RepoBuilder:
    """A real git repository with a working tree, built commit by commit."""

    def __init__(self, path: Path, branch: str = "main") -> None:
        self.path = Path(path)
        self._clock = START - STEP
        git("init", "-q", "-b", branch, self.path)
        for key, value in _SERVE_CONFIG.items():
            self._git("config", key, value)

    @property
    def url(self) -> str:
        """The repository as a file:// URL."""
        return file_url(self)

    def head(self) -> str:
        """The SHA of the commit at HEAD."""
        return self._git("rev-parse", "HEAD").strip()

    def commit(
        self,
        files: Mapping[str | bytes, Content],
        message: str = "Change",
        author: Person = DEFAULT_AUTHOR,
        date: datetime.datetime | None = None,
        committer: Person | None = None,
        trailers: Trailers = (),
    ) -> str:
        """Write (str: UTF-8, bytes: as is) or delete (None) files and commit them."""
        touched = [self._write(name, content) for name, content in files.items()]
        if touched:
            self._git("add", "-A", "--", *touched)
        return self._commit(message, author, date, committer, trailers)

    def symlink(self, path: str, target: str, message: str = "Add a link") -> str:
        """Commit a symbolic link at ``path`` pointing to ``target`` (which need not exist)."""
        full = self.path / path
        full.parent.mkdir(parents=True, exist_ok=True)
        if full.is_symlink() or full.exists():
            full.unlink()
        os.symlink(target, full)
        self._git("add", "--", path)
        return self._commit(message, DEFAULT_AUTHOR, None, None, ())

    def submodule_link(self, path: str, url: str, commit: str, message: str = "Submodule") -> str:
        """Commit a submodule: a gitlink entry at ``path`` and its ``.gitmodules`` section.
        Nothing is fetched; ``commit`` need not exist anywhere."""
        gitmodules = self.path / ".gitmodules"
        section = f'[submodule "{path}"]\n\tpath = {path}\n\turl = {url}\n'
        with gitmodules.open("a", encoding="utf-8") as file:
            file.write(section)
        (self.path / path).mkdir(parents=True, exist_ok=True)
        self._git("update-index", "--add", "--cacheinfo", f"160000,{commit},{path}")
        self._git("add", "--", ".gitmodules")
        return self._commit(message, DEFAULT_AUTHOR, None, None, ())

    def tag(
        self,
        name: str,
        annotated: bool = False,
        date: datetime.datetime | None = None,
        message: str | None = None,
        target: str = "HEAD",
    ) -> None:
        """Tag ``target``; an annotated tag's own date is ``date`` (default: the clock)."""
        if not annotated:
            self._git("tag", name, target)
            return
        when = _git_date(date or self._clock)
        tagger = {"GIT_COMMITTER_NAME": DEFAULT_AUTHOR[0], "GIT_COMMITTER_EMAIL": DEFAULT_AUTHOR[1]}
        self._git(
            "tag", "-a", "-m", message or name, name, target, GIT_COMMITTER_DATE=when, **tagger
        )

    def branch(self, name: str, start: str = "HEAD") -> None:
        """Create a branch (HEAD stays where it is)."""
        self._git("branch", name, start)

    def checkout(self, name: str) -> None:
        """Switch HEAD (and so the default branch a server announces) to ``name``."""
        self._git("checkout", "-q", name)

    def bulk_history(
        self,
        n_commits: int,
        authors: Sequence[Person] = (DEFAULT_AUTHOR,),
        start: datetime.datetime = START,
        end: datetime.datetime | None = None,
        tags_every: int | None = None,
        path: str = "history.txt",
    ) -> str:
        """Append ``n_commits`` commits in one ``git fast-import``, dated evenly from ``start``
        to ``end`` (default: an hour apart), authors taken in turn, each rewriting ``path``.
        ``tags_every=N`` puts a lightweight tag ``v0.K.0`` on every N-th commit."""
        end = end or start + STEP * max(n_commits - 1, 0)
        current = self._git("symbolic-ref", "--short", "HEAD").strip()
        stream = _FastImport(current, self._parent())
        for index in range(n_commits):
            when = start + (end - start) * (index / max(n_commits - 1, 1))
            stream.commit(authors[index % len(authors)], when, path, index)
            if tags_every and (index + 1) % tags_every == 0:
                stream.tag(f"v0.{(index + 1) // tags_every}.0")
        self._git("fast-import", "--quiet", input=stream.data())
        self._git("reset", "-q", "--hard")
        self._clock = max(self._clock, end)
        return self.head()

    # --- machinery ---------------------------------------------------------------------

    def _git(self, *args: str | Path, input: bytes | None = None, **env: str) -> str:
        return git(*args, cwd=self.path, input=input, **env)

    def _write(self, name: str | bytes, content: Content) -> str:
        relative = os.fsdecode(name)
        full = self.path / relative
        if content is None:
            if full.is_symlink() or full.exists():
                full.unlink()
            return relative
        full.parent.mkdir(parents=True, exist_ok=True)
        if full.is_symlink():
            full.unlink()
        full.write_bytes(content.encode() if isinstance(content, str) else content)
        return relative

    def _commit(
        self,
        message: str,
        author: Person,
        date: datetime.datetime | None,
        committer: Person | None,
        trailers: Trailers,
    ) -> str:
        self._clock = date or self._clock + STEP
        when = _git_date(self._clock)
        committer = committer or author
        self._git(
            "commit",
            "-q",
            "--allow-empty",
            "--no-verify",
            "-F",
            "-",
            input=_message(message, trailers).encode(),
            GIT_AUTHOR_NAME=author[0],
            GIT_AUTHOR_EMAIL=author[1],
            GIT_AUTHOR_DATE=when,
            GIT_COMMITTER_NAME=committer[0],
            GIT_COMMITTER_EMAIL=committer[1],
            GIT_COMMITTER_DATE=when,
        )
        return self.head()

    def _parent(self) -> str | None:
        try:
            return self._git("rev-parse", "--verify", "--quiet", "HEAD").strip() or None
        except FixtureGitError:
            return None


class _FastImport:
    """A ``git fast-import`` stream of linear commits on one branch."""

    def __init__(self, branch: str, parent: str | None) -> None:
        self._ref = f"refs/heads/{branch}"
        self._parent = parent
        self._parts: list[bytes] = []
        self._mark = 0

    def commit(self, author: Person, when: datetime.datetime, path: str, index: int) -> None:
        self._mark += 1
        stamp = f"{int(when.timestamp())} +0000"
        person = f"{author[0]} <{author[1]}> {stamp}"
        message = f"Commit {index + 1}\n".encode()
        content = f"line {index + 1}\n".encode()
        lines = [f"commit {self._ref}", f"mark :{self._mark}"]
        lines += [f"author {person}", f"committer {person}", f"data {len(message)}"]
        self._parts.append("\n".join(lines).encode() + b"\n" + message)
        if self._mark == 1 and self._parent:
            self._parts.append(f"from {self._parent}\n".encode())
        self._parts.append(f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content)
        self._parts.append(b"\n")

    def tag(self, name: str) -> None:
        self._parts.append(f"reset refs/tags/{name}\nfrom :{self._mark}\n\n".encode())

    def data(self) -> bytes:
        return b"".join(self._parts)


def _git_date(when: datetime.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return when.isoformat()


def _message(message: str, trailers: Trailers) -> str:
    pairs = list(trailers.items()) if isinstance(trailers, Mapping) else list(trailers)
    if not pairs:
        return message + "\n"
    block = "\n".join(f"{key}: {value}" for key, value in pairs)
    return f"{message}\n\n{block}\n"


# --- servers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GitDaemon:
    """A running ``git daemon``: ``url(repo)`` is the git:// URL of a repository under
    ``root`` (a RepoBuilder, a path, or a path relative to ``root``)."""

    root: Path
    base_url: str

    def url(self, repo: RepoBuilder | Path | str) -> str:
        path = repo.path if isinstance(repo, RepoBuilder) else Path(repo)
        if path.is_absolute():
            path = path.resolve().relative_to(self.root.resolve())
        return f"{self.base_url}/{path.as_posix()}"


@contextlib.contextmanager
def serve_git_daemon(root: Path) -> Iterator[str]:
    """Serve every repository under ``root`` at ``git://127.0.0.1:PORT/<relative path>``
    (partial clones and fetches by object id allowed); yields the base URL."""
    for _ in range(5):  # another process may take the free port before the daemon does
        port = _free_port()
        process = _start_daemon(Path(root), port)
        try:
            if _wait_for_port(port, process):
                yield f"git://127.0.0.1:{port}"
                return
        finally:
            _stop(process)
    raise RuntimeError("git daemon did not start")


def _start_daemon(root: Path, port: int) -> subprocess.Popen[bytes]:
    config = [arg for key, value in _SERVE_CONFIG.items() for arg in ("-c", f"{key}={value}")]
    return subprocess.Popen(
        [
            "git",
            *config,
            "daemon",
            "--export-all",
            f"--base-path={root}",
            "--listen=127.0.0.1",
            f"--port={port}",
            "--reuseaddr",
            "--informative-errors",
            str(root),
        ],
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return True
        time.sleep(0.02)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (connections are refused)."""
    return _free_port()


@dataclass(frozen=True)
class SilentServer:
    """A TCP port on 127.0.0.1 whose connections are accepted (by the kernel) and never
    answered: every client waits until its own timeout."""

    host: str
    port: int

    def url(self, scheme: str = "git", path: str = "repo.git", userinfo: str = "") -> str:
        at = f"{userinfo}@" if userinfo else ""
        return f"{scheme}://{at}{self.host}:{self.port}/{path}"


@contextlib.contextmanager
def serve_silent(backlog: int = 64) -> Iterator[SilentServer]:
    """A listening socket that never accepts: the kernel completes up to ``backlog``
    handshakes and the connections then hang, which is exactly a server that never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(backlog)
        yield SilentServer("127.0.0.1", int(listener.getsockname()[1]))


def paths_under(root: Path, exclude: Iterable[Path] = ()) -> dict[str, int]:
    """Every file and folder under ``root`` (but not under ``exclude``) with its size, to
    show that something wrote nothing there."""
    skipped = [path.resolve() for path in exclude]
    found: dict[str, int] = {}
    for current, folders, files in os.walk(root):
        here = Path(current).resolve()
        folders[:] = [name for name in folders if here / name not in skipped]
        for name in folders + files:
            found[str(here / name)] = os.lstat(here / name).st_size
    return found
