"""The tree at HEAD sorted into categories by path alone, and the files to read next."""

from __future__ import annotations

import pytest

from harvester.inspect.tree import MAX_FILES_TO_READ, MAX_LISTED, classify, files_to_read
from harvester.records import FileKind, Inspection, TreeEntry

FILE, EXECUTABLE, SYMLINK, SUBMODULE, DIRECTORY = (
    FileKind.FILE,
    FileKind.EXECUTABLE,
    FileKind.SYMLINK,
    FileKind.SUBMODULE,
    FileKind.DIRECTORY,
)


def _entry(path: str, kind: FileKind = FILE) -> TreeEntry:
    size = 10 if kind in (FILE, EXECUTABLE) else None
    return TreeEntry(path=path, kind=kind, size=size, oid="0" * 40)


def _classify(*paths: str, kind: FileKind = FILE) -> Inspection:
    entries = [_entry(path, kind) for path in paths]
    return classify(entries, truncated=False, commit="c" * 40, branch="main")


def test_records_commit_branch_entry_count_and_truncation() -> None:
    entries = [_entry("a"), _entry("b"), _entry("d", DIRECTORY)]
    inspection = classify(entries, truncated=True, commit="abc", branch="trunk")
    assert (inspection.commit, inspection.default_branch) == ("abc", "trunk")
    assert (inspection.entries, inspection.truncated) == (3, True)


def test_text_facts_are_left_for_with_texts() -> None:
    inspection = _classify("README.md", "CONTRIBUTING.md")
    assert inspection.readme is None
    assert inspection.security_contact is None
    assert inspection.cla_assignment is None


@pytest.mark.parametrize(
    "path",
    [
        "LICENSE",
        "LICENSE.md",
        "license.txt",
        "LICENCE",
        "COPYING",
        "COPYING.LESSER",
        "UNLICENSE",
        "LICENSE-MIT",
        "LICENSES/EUPL-1.2.txt",
        "licenses/MIT.txt",
    ],
)
def test_finds_licence_files(path: str) -> None:
    assert _classify(path).licence_files == (path,)


@pytest.mark.parametrize(
    "path",
    ["docs/LICENSE", "src/COPYING", "LICENSES/sub/MIT.txt", "license.py", "licenses.json"],
)
def test_ignores_licence_names_elsewhere_or_of_code(path: str) -> None:
    assert _classify(path).licence_files == ()


def test_a_licence_that_is_a_symlink_is_listed_only_as_a_symlink() -> None:
    inspection = _classify("LICENSE", kind=SYMLINK)
    assert (inspection.licence_files, inspection.symlinks) == ((), ("LICENSE",))


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("CONTRIBUTING.md", "contributing_files"),
        (".github/CONTRIBUTING.md", "contributing_files"),
        ("docs/contributing.rst", "contributing_files"),
        ("CONTRIBUTING.de.md", "contributing_files"),
        (".gitlab/SECURITY.md", "security_files"),
        ("SECURITY", "security_files"),
        ("CHANGELOG.md", "changelog_files"),
        ("NEWS", "changelog_files"),
        ("HISTORY.rst", "changelog_files"),
        ("CHANGES.txt", "changelog_files"),
        ("docs/RELEASE-NOTES.md", "changelog_files"),
        ("GOVERNANCE.md", "governance_files"),
        ("CODE_OF_CONDUCT.md", "code_of_conduct_files"),
        (".github/code-of-conduct.md", "code_of_conduct_files"),
        ("CLA.md", "cla_files"),
        ("docs/ICLA.txt", "cla_files"),
        ("CONTRIBUTOR_LICENSE_AGREEMENT.md", "cla_files"),
    ],
)
def test_finds_community_files_at_the_root_and_in_their_folders(path: str, field: str) -> None:
    assert getattr(_classify(path), field) == (path,)


@pytest.mark.parametrize(
    "path",
    [
        "src/CONTRIBUTING.md",
        "docs/guide/SECURITY.md",
        "CLAUDE.md",
        "newsletter.md",
        "security.py",
        "changes.json",
        "historyLog.txt",
    ],
)
def test_ignores_community_names_in_other_places_or_of_code(path: str) -> None:
    inspection = _classify(path)
    found = (
        inspection.contributing_files
        + inspection.security_files
        + inspection.changelog_files
        + inspection.cla_files
    )
    assert found == ()


@pytest.mark.parametrize(
    "path",
    [
        ".github/workflows/ci.yml",
        ".github/workflows/release.yaml",
        ".gitlab-ci.yml",
        ".woodpecker.yml",
        ".woodpecker/test.yml",
        "Jenkinsfile",
        ".drone.yml",
        "azure-pipelines.yml",
        ".circleci/config.yml",
        "bitbucket-pipelines.yml",
        ".forgejo/workflows/test.yml",
    ],
)
def test_finds_ci_configuration(path: str) -> None:
    assert _classify(path).ci_files == (path,)


@pytest.mark.parametrize(
    "path", [".github/workflows/README.md", "ci/.gitlab-ci.yml", ".github/dependabot.yml"]
)
def test_ignores_files_that_are_not_ci_configuration(path: str) -> None:
    assert _classify(path).ci_files == ()


def test_lists_the_outermost_test_folders_with_a_slash() -> None:
    inspection = _classify("tests/unit/test_a.py", "tests/conftest.py", "web/__tests__/a.js")
    assert inspection.test_paths == ("tests/", "web/__tests__/")


def test_finds_java_test_folders_under_src() -> None:
    assert _classify("src/test/java/AppTest.java").test_paths == ("src/test/",)


def test_lists_test_files_outside_test_folders() -> None:
    inspection = _classify(
        "pkg/server_test.go",
        "app/test_models.py",
        "web/app.spec.ts",
        "web/util.test.js",
        "src/main/FooTest.java",
        "lib/thing_spec.rb",
        "pkg/server.go",
    )
    assert inspection.test_paths == (
        "app/test_models.py",
        "lib/thing_spec.rb",
        "pkg/server_test.go",
        "src/main/FooTest.java",
        "web/app.spec.ts",
        "web/util.test.js",
    )


def test_finds_test_folders_given_only_as_directory_entries() -> None:
    entries = [_entry("spec", DIRECTORY), _entry("README.md")]
    inspection = classify(entries, truncated=False, commit="c", branch="main")
    assert inspection.test_paths == ("spec/",)


def test_ignores_tests_of_vendored_code() -> None:
    inspection = _classify("node_modules/lib/test/a.js", "vendor/x/y_test.go")
    assert inspection.test_paths == ()


def test_lists_at_most_fifty_test_paths() -> None:
    inspection = _classify(*(f"pkg{n:03}/a_test.go" for n in range(80)))
    assert len(inspection.test_paths) == 50
    assert inspection.test_paths[0] == "pkg000/a_test.go"


@pytest.mark.parametrize(
    "path",
    [
        "package.json",
        "frontend/package.json",
        "pyproject.toml",
        "setup.cfg",
        "setup.py",
        "requirements.txt",
        "requirements-dev.txt",
        "pom.xml",
        "build.gradle",
        "app/build.gradle.kts",
        "composer.json",
        "go.mod",
        "Cargo.toml",
        "Gemfile",
        "src/App/App.csproj",
        "pubspec.yaml",
    ],
)
def test_finds_manifests_anywhere(path: str) -> None:
    assert _classify(path).manifests == (path,)


@pytest.mark.parametrize(
    "path",
    [
        "package-lock.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "poetry.lock",
        "Pipfile.lock",
        "uv.lock",
        "composer.lock",
        "go.sum",
        "Cargo.lock",
        "Gemfile.lock",
        "pubspec.lock",
        "gradle.lockfile",
    ],
)
def test_finds_lockfiles(path: str) -> None:
    assert _classify(path).lockfiles == (path,)


def test_ignores_manifests_and_lockfiles_of_vendored_code() -> None:
    inspection = _classify("node_modules/left-pad/package.json", "vendor/pkg/go.sum")
    assert (inspection.manifests, inspection.lockfiles) == ((), ())


@pytest.mark.parametrize(
    "path",
    [
        "Dockerfile",
        "docker/Dockerfile.prod",
        "api.dockerfile",
        "Containerfile",
        "docker-compose.yml",
        "docker-compose.override.yaml",
        "compose.yaml",
        "deploy/compose.prod.yml",
    ],
)
def test_finds_container_files(path: str) -> None:
    assert _classify(path).container_files == (path,)


def test_finds_helm_charts_by_their_chart_yaml() -> None:
    inspection = _classify("charts/app/Chart.yaml", "charts/app/values.yaml", "chart.yaml")
    assert inspection.helm_charts == ("charts/app/Chart.yaml",)


@pytest.mark.parametrize(
    "path",
    [
        "bin/tool.exe",
        "lib/native.dll",
        "lib/libx.so",
        "lib/libx.dylib",
        "build/App.class",
        "libs/dep.jar",
        "dist/app.war",
        "__pycache__/m.cpython-311.pyc",
        "obj/main.o",
        "lib/libx.a",
        "firmware.bin",
        "setup.msi",
        "app.apk",
        "app.ipa",
        "pkg.deb",
        "pkg.rpm",
        "node_modules/x/prebuilt.node.so",
    ],
)
def test_finds_binary_artefacts(path: str) -> None:
    assert _classify(path).binary_files == (path,)


def test_executables_with_a_binary_suffix_are_binaries() -> None:
    assert _classify("tools/run.exe", kind=EXECUTABLE).binary_files == ("tools/run.exe",)


@pytest.mark.parametrize(
    "path", ["gradle/wrapper/gradle-wrapper.jar", ".mvn/wrapper/maven-wrapper.jar"]
)
def test_allows_build_tool_wrapper_jars(path: str) -> None:
    assert _classify(path).binary_files == ()


def test_lists_submodules_and_symlinks() -> None:
    entries = [_entry("vendor/lib", SUBMODULE), _entry("docs/link", SYMLINK), _entry("a.py")]
    inspection = classify(entries, truncated=False, commit="c", branch="main")
    assert (inspection.submodules, inspection.symlinks) == (("vendor/lib",), ("docs/link",))


def test_every_category_is_sorted() -> None:
    inspection = _classify("b/package.json", "a/package.json", "package.json")
    assert inspection.manifests == ("a/package.json", "b/package.json", "package.json")


def test_a_hostile_tree_lists_at_most_the_limit_per_category() -> None:
    inspection = _classify(*(f"d{n:05}/x.exe" for n in range(5_000)))
    assert len(inspection.binary_files) == MAX_LISTED


def test_a_deep_hostile_tree_is_classified() -> None:
    deep = "/".join(["tests"] * 2_000) + "/a_test.go"
    assert _classify(deep).test_paths == ("tests/",)


def test_files_to_read_lists_what_the_next_stages_need_in_order() -> None:
    entries = [
        _entry(path)
        for path in (
            "LICENSES/MIT.txt",
            "CONTRIBUTING.md",
            "README.md",
            "package.json",
            "publiccode.yml",
            ".mailmap",
            "src/main.py",
            "LICENSE",
            ".github/SECURITY.md",
            "GOVERNANCE.md",
            "CLA.md",
            "frontend/package.json",
            "CHANGELOG.md",
        )
    ]
    assert [entry.path for entry in files_to_read(entries)] == [
        "publiccode.yml",
        ".mailmap",
        "README.md",
        "package.json",
        ".github/SECURITY.md",
        "CLA.md",
        "CONTRIBUTING.md",
        "GOVERNANCE.md",
        "LICENSE",
        "LICENSES/MIT.txt",
    ]


def test_files_to_read_takes_the_readme_a_forge_shows() -> None:
    entries = [_entry(path) for path in ("README.de.md", "README.rst", "README.md", "README")]
    assert [entry.path for entry in files_to_read(entries)] == ["README.md"]


def test_files_to_read_reads_publiccode_yaml_too() -> None:
    entries = [_entry("publiccode.yaml"), _entry("sub/publiccode.yml")]
    assert [entry.path for entry in files_to_read(entries)] == ["publiccode.yaml"]


def test_files_to_read_names_only_regular_files() -> None:
    entries = [
        _entry("publiccode.yml", SYMLINK),
        _entry("LICENSE", SUBMODULE),
        _entry("README.md", DIRECTORY),
        _entry("COPYING", EXECUTABLE),
    ]
    assert [entry.path for entry in files_to_read(entries)] == ["COPYING"]


def test_files_to_read_are_capped() -> None:
    entries = [_entry(f"LICENSES/L{n:03}.txt") for n in range(100)] + [_entry("README.md")]
    read = files_to_read(entries)
    assert len(read) == MAX_FILES_TO_READ
    assert read[0].path == "README.md"
