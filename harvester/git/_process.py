"""Running one git command: isolated from every configuration but the repository's own, bounded
in time (the whole process group is killed), its failures redacted and classified.

Git sees no system or global configuration, no credential helper, no terminal to prompt on,
no hooks, no submodules, and only the protocols the harvester speaks: https, http, git, and
file for local repositories (never ssh, whose client reads the user's own ~/.ssh). HOME and
the working directory are a folder the harvester owns.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ._urls import is_local, redactor, shown
from .errors import GitError, GitFailed, GitTimeout, RepositoryNotFound

__all__ = ["Git"]

_CONFIG = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "submodule.recurse=false",
    "protocol.allow=never",
    "protocol.https.allow=always",
    "protocol.http.allow=always",
    "protocol.git.allow=always",
    "credential.helper=",
    "gc.autoDetach=false",
    "color.ui=never",
    "log.showSignature=false",
)
_PASSED_ENVIRONMENT = (
    "PATH",
    "TMPDIR",
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
)
_NOT_FOUND = (
    "does not appear to be a git repository",
    "repository not exported",
    "no such repository",
    "repository not found",
    "' not found",
    "could not read username",
    "could not read password",
    "authentication failed",
    "the requested url returned error: 401",
    "the requested url returned error: 404",
    "the requested url returned error: 410",
)
_SEVERE = ("fatal:", "error:")
_NOISE = ("warning: this repository uses promisor remotes",)
_STDERR_KEPT = 64 * 1024
MAX_OUTPUT = 256 * 1024 * 1024  # bytes of standard output one git command may print
_WATCH_EVERY = 0.25  # seconds between two calls of a watcher (the disk budget)


@dataclass(frozen=True, slots=True)
class Git:
    """How to run git for one repository: ``home`` is HOME and the working directory,
    ``git_dir`` the bare repository (None for commands that need none, like ls-remote)."""

    url: str
    home: Path
    timeout: float
    git_dir: Path | None = None

    def run(
        self,
        *args: str,
        stdin: bytes | None = None,
        watch: Callable[[], None] | None = None,
        config: tuple[str, ...] = (),
        max_output: int = MAX_OUTPUT,
    ) -> bytes:
        """Run ``git ARGS`` and return its standard output; raise a GitError on failure.

        Output over ``max_output`` bytes stops git and is a failure: a hostile server or
        history must not fill the harvester's memory.
        """
        collected: list[bytes] = []
        size = 0
        with self.stream(*args, stdin=stdin, watch=watch, config=config) as chunks:
            for chunk in chunks:
                size += len(chunk)
                if size > max_output:
                    raise GitFailed(
                        f"git {args[0]} printed more than {max_output:,} bytes for "
                        f"{self.shown_url} and was stopped.",
                        url=self.shown_url,
                    )
                collected.append(chunk)
        return b"".join(collected)

    @contextlib.contextmanager
    def stream(
        self,
        *args: str,
        stdin: bytes | None = None,
        watch: Callable[[], None] | None = None,
        config: tuple[str, ...] = (),
    ) -> Iterator[Iterator[bytes]]:
        """Run ``git ARGS`` and yield its output in chunks. Leaving the block before the output
        ends kills git (the caller had enough); at the end its exit status is checked."""
        with (
            _stdin_file(stdin, self.home) as stdin_file,
            self._start(args, stdin_file, config) as process,
        ):
            running = _Running(process, self.timeout, watch)
            try:
                yield running.chunks()
                if running.exhausted:  # else the caller stopped reading: kill() ends git
                    self._check_exit(args, running)
            except _Expired:
                raise self.timed_out(args) from None
            finally:
                running.kill()

    def _check_exit(self, args: tuple[str, ...], running: _Running) -> None:
        try:
            code = running.wait()
        except subprocess.TimeoutExpired:
            raise self.timed_out(args) from None
        if code != 0:
            raise self.failure(args, bytes(running.stderr))

    def _start(
        self, args: tuple[str, ...], stdin: IO[bytes] | int, config: tuple[str, ...]
    ) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self._argv(args, config),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self._environment(),
            cwd=self.home,
            start_new_session=True,
        )

    def _argv(self, args: tuple[str, ...], config: tuple[str, ...]) -> list[str]:
        argv = ["git"]
        if self.git_dir is not None:
            argv.append(f"--git-dir={self.git_dir}")
        settings = _CONFIG + (("protocol.file.allow=always",) if is_local(self.url) else ())
        for setting in settings + config:
            argv += ["-c", setting]
        return argv + list(args)

    def _environment(self) -> dict[str, str]:
        environment = {name: os.environ[name] for name in _PASSED_ENVIRONMENT if name in os.environ}
        environment.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home),
            GIT_CONFIG_NOSYSTEM="1",
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_ATTR_NOSYSTEM="1",
            GIT_CEILING_DIRECTORIES=str(self.home.parent),
            GIT_NO_REPLACE_OBJECTS="1",
            GIT_LITERAL_PATHSPECS="1",
            GIT_TERMINAL_PROMPT="0",
            GIT_ASKPASS="/bin/true",
            LC_ALL="C",
            LANG="C",
        )
        return environment

    @property
    def shown_url(self) -> str:
        """The repository URL without user name and password."""
        return shown(self.url)

    def command(self, args: tuple[str, ...]) -> str:
        """The git call as shown in errors: the subcommand and its arguments, redacted."""
        return redactor(self.url)(" ".join(("git", *args)))

    def failure(self, args: tuple[str, ...], stderr: bytes) -> GitError:
        """The error for a git command that exited with an error."""
        clean = redactor(self.url)
        shown_url = self.shown_url
        words = clean(_trimmed(stderr))
        command = self.command(args)
        if any(marker in words.lower() for marker in _NOT_FOUND):
            message = f"The repository {shown_url} does not exist or is not public ({words})."
            return RepositoryNotFound(message, url=shown_url, command=command)
        message = f"git {args[0]} failed for {shown_url}: {words or 'no message'}."
        return GitFailed(message, url=shown_url, command=command, stderr=words)

    def timed_out(self, args: tuple[str, ...]) -> GitTimeout:
        shown_url = self.shown_url
        return GitTimeout(
            f"git {args[0]} did not finish within {self.timeout:g} "
            f"second{'' if self.timeout == 1 else 's'} for {shown_url} and was stopped.",
            url=shown_url,
            command=self.command(args),
        )


class _Running:
    """One started git process: its output with a deadline, then its exit status."""

    def __init__(
        self,
        process: subprocess.Popen[bytes],
        timeout: float,
        watch: Callable[[], None] | None,
    ) -> None:
        self.process = process
        self.deadline = time.monotonic() + timeout
        self.watch = watch
        self.stderr = bytearray()
        self.exhausted = False

    def chunks(self) -> Iterator[bytes]:
        assert self.process.stdout is not None and self.process.stderr is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            selector.register(self.process.stderr, selectors.EVENT_READ)
            while selector.get_map():
                for key, _ in selector.select(self._slice()):
                    data = os.read(key.fd, 65536)
                    if not data:
                        selector.unregister(key.fileobj)
                    elif key.fileobj is self.process.stdout:
                        yield data
                    else:
                        self.stderr += data[: _STDERR_KEPT - len(self.stderr)]
                self._check()
        self.exhausted = True

    def _slice(self) -> float:
        remaining = self.deadline - time.monotonic()
        return max(0.0, min(remaining, _WATCH_EVERY) if self.watch else remaining)

    def _check(self) -> None:
        if time.monotonic() >= self.deadline:
            raise _Expired
        if self.watch is not None:
            self.watch()

    def wait(self) -> int:
        """Git's exit status, waiting at most until the deadline."""
        return self.process.wait(max(0.0, self.deadline - time.monotonic()))

    def kill(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


class _Expired(Exception):
    """The deadline passed while reading git's output (turned into GitTimeout)."""


def _trimmed(stderr: bytes) -> str:
    """Git's own words, short: the fatal/error lines (or the last line), no noise."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and not line.lower().startswith(_NOISE)]
    errors = [line.split(":", 1)[1].strip() for line in lines if line.startswith(_SEVERE)]
    text = "; ".join(words.rstrip(".") for words in errors or lines[-1:])
    return text if len(text) <= 400 else text[:399] + "…"


@contextlib.contextmanager
def _stdin_file(data: bytes | None, folder: Path) -> Iterator[IO[bytes] | int]:
    """Standard input from a temporary file in ``folder``, so that writing it never blocks."""
    if data is None:
        yield subprocess.DEVNULL
        return
    with tempfile.TemporaryFile(dir=folder) as file:
        file.write(data)
        file.seek(0)
        yield file
