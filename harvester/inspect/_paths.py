"""What a repository path is, by its name and folder alone (nothing is read).

Each predicate takes a path as git lists it (``docs/CONTRIBUTING.md``, no leading slash).
Names of documents are matched without regard to case; names that tools look up exactly
(``Chart.yaml``, ``Jenkinsfile``, ``FooTest.java``) are matched as tools do.
"""

from __future__ import annotations

import posixpath
import re

__all__ = [
    "COMMUNITY_DIRECTORIES",
    "LICENCE_MANIFESTS",
    "VENDORED_FOLDERS",
    "is_binary",
    "is_changelog",
    "is_ci",
    "is_cla",
    "is_code_of_conduct",
    "is_container",
    "is_contributing",
    "is_governance",
    "is_helm_chart",
    "is_licence",
    "is_lockfile",
    "is_manifest",
    "is_readme",
    "is_security",
    "is_test_directory",
    "is_test_file",
    "is_vendored",
    "readme_rank",
]

COMMUNITY_DIRECTORIES = frozenset({"", ".github", "docs", ".gitlab"})
"""Folders where community files (CONTRIBUTING, SECURITY, ...) are looked for."""

LICENCE_MANIFESTS = frozenset(
    {"package.json", "pyproject.toml", "setup.cfg", "pom.xml", "composer.json", "Cargo.toml"}
)
"""Root manifests whose licence fields the licence check reads."""

_NOT_DOCUMENTS = frozenset(
    {
        *(".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".go", ".java", ".kt", ".rb"),
        *(".php", ".c", ".h", ".cpp", ".cs", ".rs", ".sh", ".ps1", ".bat", ".json", ".yml"),
        *(".yaml", ".toml", ".xml", ".lock", ".css", ".scss", ".vue", ".svelte", ".swift"),
        *(".dart", ".sql", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp"),
        *(".class", ".jar", ".exe", ".dll", ".so", ".zip", ".gz", ".tgz"),
    }
)
VENDORED_FOLDERS = frozenset(
    {"node_modules", "vendor", "third_party", "third-party", "bower_components", ".venv", "venv"}
)
"""Folders holding copies of other projects' code."""
_BINARY_SUFFIXES = frozenset(
    {
        *(".exe", ".dll", ".so", ".dylib", ".class", ".jar", ".war", ".ear", ".pyc", ".pyo"),
        *(".o", ".a", ".bin", ".msi", ".apk", ".ipa", ".deb", ".rpm", ".dex", ".elf", ".lib"),
        *(".whl", ".wasm", ".crx"),
    }
)
_BINARY_ALLOWED = frozenset({"gradle-wrapper.jar", "maven-wrapper.jar", "mvnw-wrapper.jar"})
_README_ORDER = ("readme.md", "readme.markdown", "readme.rst", "readme.adoc", "readme.txt")


def _document(keywords: str) -> re.Pattern[str]:
    """A document name: a keyword alone or followed by ``.``, ``-`` or ``_`` and more."""
    return re.compile(rf"(?:{keywords})(?:[._-][\w.-]*)?", re.IGNORECASE)


_LICENCE = _document("licen[cs]e|copying|unlicense")
_CONTRIBUTING = _document("contributing")
_SECURITY = _document("security")
_CHANGELOG = _document("changelog|changes|news|history|release[-_]?notes")
_GOVERNANCE = _document("governance")
_CODE_OF_CONDUCT = _document("code[-_]?of[-_]?conduct")
_CLA = _document("cla|icla|ccla|contributor[-_]license[-_]agreement")
_README = _document("readme")
_LICENCES_FOLDER = re.compile(r"licen[cs]es", re.IGNORECASE)

_CI_FILES = frozenset(
    {
        ".gitlab-ci.yml",
        ".woodpecker.yml",
        ".woodpecker.yaml",
        "Jenkinsfile",
        ".drone.yml",
        "azure-pipelines.yml",
        ".circleci/config.yml",
        "bitbucket-pipelines.yml",
        ".travis.yml",
    }
)
_CI_FOLDERS = frozenset(
    {".github/workflows", ".woodpecker", ".gitea/workflows", ".forgejo/workflows"}
)

_MANIFESTS = frozenset(
    {
        "package.json",
        "pyproject.toml",
        "setup.cfg",
        "setup.py",
        "Pipfile",
        "pom.xml",
        "build.gradle",
        "build.gradle.kts",
        "composer.json",
        "go.mod",
        "Cargo.toml",
        "Gemfile",
        "pubspec.yaml",
    }
)
_REQUIREMENTS = re.compile(r"requirements[\w.-]*\.txt", re.IGNORECASE)
_LOCKFILES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lockb",
        "bun.lock",
        "poetry.lock",
        "Pipfile.lock",
        "uv.lock",
        "pdm.lock",
        "composer.lock",
        "go.sum",
        "Cargo.lock",
        "Gemfile.lock",
        "pubspec.lock",
        "gradle.lockfile",
        "packages.lock.json",
    }
)
_CONTAINER = re.compile(
    r"(?:dockerfile|containerfile)(?:[._-][\w.-]*)?|[\w.-]+\.dockerfile"
    r"|(?:docker-)?compose(?:[._-][\w.-]*)?\.ya?ml",
    re.IGNORECASE,
)

_TEST_DIRECTORIES = frozenset({"tests", "test", "spec", "specs", "__tests__", "e2e"})
_TEST_FILE = re.compile(
    r"[\w.-]*_test\.(?:go|py|rb|dart|exs)|test_[\w.-]*\.py"
    r"|[\w.-]*\.(?:spec|test)\.(?:[cm]?[jt]sx?|vue)"
    r"|[\w.-]*Tests?\.(?:java|kt|php|cs|swift|scala)|[\w.-]*_spec\.rb"
)


def _split(path: str) -> tuple[str, str]:
    folder, name = posixpath.split(path)
    return folder, name


def _is_document(path: str, pattern: re.Pattern[str]) -> bool:
    folder, name = _split(path)
    if folder.lower() not in COMMUNITY_DIRECTORIES or not pattern.fullmatch(name):
        return False
    return posixpath.splitext(name)[1].lower() not in _NOT_DOCUMENTS


def is_licence(path: str) -> bool:
    """Root ``LICENSE*``, ``LICENCE*``, ``COPYING*``, ``UNLICENSE``, or a file in ``LICENSES/``."""
    folder, name = _split(path)
    if posixpath.splitext(name)[1].lower() in _NOT_DOCUMENTS:
        return False
    if folder == "":
        return bool(_LICENCE.fullmatch(name))
    return bool(_LICENCES_FOLDER.fullmatch(folder))


def is_readme(path: str) -> bool:
    """A root ``README*`` document."""
    return "/" not in path and _is_document(path, _README)


def readme_rank(path: str) -> tuple[int, str]:
    """Sort key: README.md first, then .markdown, .rst, .adoc, .txt, bare README, the rest."""
    name = path.lower()
    if name in _README_ORDER:
        return _README_ORDER.index(name), name
    return (len(_README_ORDER), name) if name == "readme" else (len(_README_ORDER) + 1, name)


def is_contributing(path: str) -> bool:
    return _is_document(path, _CONTRIBUTING)


def is_security(path: str) -> bool:
    return _is_document(path, _SECURITY)


def is_changelog(path: str) -> bool:
    """``CHANGELOG*``, ``CHANGES*``, ``NEWS*``, ``HISTORY*``, ``RELEASE-NOTES*``."""
    return _is_document(path, _CHANGELOG)


def is_governance(path: str) -> bool:
    return _is_document(path, _GOVERNANCE)


def is_code_of_conduct(path: str) -> bool:
    return _is_document(path, _CODE_OF_CONDUCT)


def is_cla(path: str) -> bool:
    """``CLA*`` (not ``CLAUDE.md``), ``ICLA*``, ``CCLA*``, ``CONTRIBUTOR_LICENSE_AGREEMENT*``."""
    return _is_document(path, _CLA)


def is_ci(path: str) -> bool:
    """GitHub/Gitea/Forgejo workflows, GitLab CI, Woodpecker, Jenkins, Drone, Azure, ..."""
    if path in _CI_FILES:
        return True
    folder, name = _split(path)
    return folder in _CI_FOLDERS and name.endswith((".yml", ".yaml"))


def is_manifest(path: str) -> bool:
    """A dependency manifest anywhere (package.json, pyproject.toml, pom.xml, *.csproj, ...)."""
    name = _split(path)[1]
    return name in _MANIFESTS or name.endswith(".csproj") or bool(_REQUIREMENTS.fullmatch(name))


def is_lockfile(path: str) -> bool:
    return _split(path)[1] in _LOCKFILES


def is_container(path: str) -> bool:
    """``Dockerfile*``, ``*.dockerfile``, ``Containerfile*``, ``(docker-)compose*.yml``."""
    return bool(_CONTAINER.fullmatch(_split(path)[1]))


def is_helm_chart(path: str) -> bool:
    return _split(path)[1] == "Chart.yaml"


def is_binary(path: str) -> bool:
    """Executables, libraries, bytecode and packages by suffix; build-tool wrappers allowed."""
    name = _split(path)[1]
    if name in _BINARY_ALLOWED:
        return False
    return posixpath.splitext(name)[1].lower() in _BINARY_SUFFIXES


def is_test_directory(path: str) -> bool:
    """``tests/``, ``test/`` (so also ``src/test/``), ``spec/``, ``__tests__/``, ``e2e/``."""
    return _split(path)[1].lower() in _TEST_DIRECTORIES


def is_test_file(path: str) -> bool:
    """``*_test.go``, ``test_*.py``, ``*.spec.ts``, ``*.test.js``, ``FooTest.java``, ..."""
    return bool(_TEST_FILE.fullmatch(_split(path)[1]))


def is_vendored(path: str) -> bool:
    """Inside ``node_modules/``, ``vendor/`` and other copies of someone else's code."""
    return any(part in VENDORED_FOLDERS for part in path.split("/")[:-1])
