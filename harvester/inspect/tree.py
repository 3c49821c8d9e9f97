"""The tree at HEAD sorted into what the maturity checks ask about, and the files to read next.

::

    inspection = classify(tree.entries, truncated=tree.truncated, commit=sha, branch="main")
    blobs = store.read_many(sha, files_to_read(tree.entries))

:func:`classify` judges paths only (nothing is read) and returns an :class:`Inspection` whose
text facts (README, security contact, ...) are still empty; :func:`~harvester.inspect.with_texts`
completes it from the files :func:`files_to_read` names.

What each field holds (names of documents in any case; vendored folders such as
``node_modules/`` and ``vendor/`` are skipped for manifests, lockfiles, containers, charts and
tests, never for binaries):

- ``licence_files``: root ``LICENSE*``, ``LICENCE*``, ``COPYING*``, ``UNLICENSE``, and every
  file directly in ``LICENSES/``.
- ``contributing_files``, ``security_files``, ``changelog_files`` (CHANGELOG, CHANGES, NEWS,
  HISTORY, RELEASE-NOTES), ``governance_files``, ``code_of_conduct_files``, ``cla_files``
  (CLA, ICLA, CCLA, CONTRIBUTOR_LICENSE_AGREEMENT): at the root or directly in ``.github/``,
  ``docs/`` or ``.gitlab/``.
- ``ci_files``: workflows of GitHub, Gitea and Forgejo, ``.gitlab-ci.yml``, Woodpecker,
  ``Jenkinsfile``, Drone, Azure Pipelines, CircleCI, Bitbucket Pipelines, Travis.
- ``test_paths``: test folders (``tests/``, ``test/``, ``spec/``, ``__tests__/``, ``e2e/``,
  written with a trailing ``/``; the outermost only) and test files outside them
  (``*_test.go``, ``test_*.py``, ``*.spec.ts``, ``FooTest.java`` ...), at most 50.
- ``manifests``, ``lockfiles``, ``container_files``, ``helm_charts`` (``Chart.yaml``),
  ``binary_files`` (executables, libraries, bytecode and packages by suffix;
  ``gradle-wrapper.jar`` and ``maven-wrapper.jar`` are allowed, as Scorecard does),
  ``submodules`` and ``symlinks``.

Only regular files (plain or executable) count for the file categories: a symbolic link named
``LICENSE`` is listed under ``symlinks``, not as a licence. Every tuple is sorted and holds at
most :data:`MAX_LISTED` paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..records import FileKind, Inspection, TreeEntry
from . import _paths

__all__ = ["MAX_FILES_TO_READ", "MAX_LISTED", "MAX_TEST_PATHS", "classify", "files_to_read"]

MAX_LISTED = 100
"""Paths kept per category; a hostile tree cannot make a record large."""

MAX_TEST_PATHS = 50
"""Test folders and files kept: enough to show that tests exist and where."""

MAX_FILES_TO_READ = 40
"""Files :func:`files_to_read` names at most."""

_REGULAR = frozenset({FileKind.FILE, FileKind.EXECUTABLE})
_READ_FIRST = ("publiccode.yml", "publiccode.yaml", ".mailmap")
_COMMUNITY_READ = (_paths.is_contributing, _paths.is_security, _paths.is_governance, _paths.is_cla)


def classify(
    entries: Sequence[TreeEntry], *, truncated: bool, commit: str, branch: str
) -> Inspection:
    """The facts a tree's paths give, without reading a file."""
    files = sorted(entry.path for entry in entries if entry.kind in _REGULAR)
    own = [path for path in files if not _paths.is_vendored(path)]

    def listed(paths: Iterable[str], predicate: Callable[[str], bool]) -> tuple[str, ...]:
        return _first(path for path in paths if predicate(path))

    return Inspection(
        commit=commit,
        default_branch=branch,
        entries=len(entries),
        truncated=truncated,
        licence_files=listed(files, _paths.is_licence),
        contributing_files=listed(files, _paths.is_contributing),
        security_files=listed(files, _paths.is_security),
        changelog_files=listed(files, _paths.is_changelog),
        governance_files=listed(files, _paths.is_governance),
        code_of_conduct_files=listed(files, _paths.is_code_of_conduct),
        cla_files=listed(files, _paths.is_cla),
        ci_files=listed(files, _paths.is_ci),
        test_paths=_test_paths(entries, own),
        manifests=listed(own, _paths.is_manifest),
        lockfiles=listed(own, _paths.is_lockfile),
        container_files=listed(own, _paths.is_container),
        helm_charts=listed(own, _paths.is_helm_chart),
        binary_files=listed(files, _paths.is_binary),
        submodules=_of_kind(entries, FileKind.SUBMODULE),
        symlinks=_of_kind(entries, FileKind.SYMLINK),
    )


def files_to_read(entries: Sequence[TreeEntry]) -> tuple[TreeEntry, ...]:
    """The regular files whose contents the next stages need, most important first.

    publiccode.yml/.yaml and .mailmap at the root, the root README (the one a forge shows:
    README.md before README.rst, ...), the root manifests the licence check reads, the
    CONTRIBUTING, SECURITY, GOVERNANCE and CLA files, then the licence files; at most
    :data:`MAX_FILES_TO_READ`. Links, submodules and folders are never named.
    """
    regular = {entry.path: entry for entry in entries if entry.kind in _REGULAR}
    paths = sorted(regular)
    readmes = sorted(filter(_paths.is_readme, paths), key=_paths.readme_rank)[:1]
    manifests = [path for path in paths if path in _paths.LICENCE_MANIFESTS]
    community = [path for path in paths if any(rule(path) for rule in _COMMUNITY_READ)]
    licences = [path for path in paths if _paths.is_licence(path)]
    wanted = [path for path in _READ_FIRST if path in regular]
    wanted += readmes + manifests + community + licences
    return tuple(regular[path] for path in dict.fromkeys(wanted))[:MAX_FILES_TO_READ]


def _first(paths: Iterable[str], limit: int = MAX_LISTED) -> tuple[str, ...]:
    found: list[str] = []
    for path in paths:
        if len(found) == limit:
            break
        found.append(path)
    return tuple(found)


def _of_kind(entries: Sequence[TreeEntry], kind: FileKind) -> tuple[str, ...]:
    return _first(sorted(entry.path for entry in entries if entry.kind is kind))


def _test_paths(entries: Sequence[TreeEntry], files: list[str]) -> tuple[str, ...]:
    """The outermost test folders (with a trailing ``/``) and test files outside them."""
    folders, inside = _test_folders(_directories(entries))
    loose = [
        path
        for path in files
        if _paths.is_test_file(path) and path.rpartition("/")[0] not in inside
    ]
    return _first(sorted([f"{folder}/" for folder in folders] + loose), MAX_TEST_PATHS)


def _test_folders(directories: set[str]) -> tuple[set[str], set[str]]:
    """The outermost test folders, and every folder in one of them or in vendored code."""
    folders: set[str] = set()
    inside: set[str] = set()
    for directory in sorted(directories):  # a parent sorts before its children
        parent, _, name = directory.rpartition("/")
        if parent in inside or name in _paths.VENDORED_FOLDERS:
            inside.add(directory)
        elif _paths.is_test_directory(name):
            folders.add(directory)
            inside.add(directory)
    return folders, inside


def _directories(entries: Sequence[TreeEntry]) -> set[str]:
    """Every folder of the tree: listed ones and the parents of every path."""
    found: set[str] = set()
    for entry in entries:
        for parent in _parents(entry.path):
            if parent in found:
                break  # its parents are in already
            found.add(parent)
    return found | {entry.path for entry in entries if entry.kind is FileKind.DIRECTORY}


def _parents(path: str) -> Iterable[str]:
    """``a/b/c`` -> ``a/b``, ``a`` (nearest first)."""
    end = path.rfind("/")
    while end > 0:
        yield path[:end]
        end = path.rfind("/", 0, end)
