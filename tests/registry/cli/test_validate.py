"""``kataster validate``: the command line of README.md ("kataster validate")."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from registry.cli import main

VALID = Path(__file__).parents[2] / "data" / "publiccode" / "valid"
VALID_FILE = VALID / "full_smart-city.yml"
FULL = VALID_FILE.read_text("utf-8")
LARGE = 1024 * 1024 + 1

SCOPE_DE = (
    "intendedAudience.scope fehlt: ohne Themenfeld erscheint die Lösung in keiner Themensuche "
    "des Katalogs."
)
SCOPE_EN = (
    "intendedAudience.scope is missing: without a scope the solution appears in no topic search "
    "of the catalogue."
)


def edited(old: str, new: str, text: str = FULL) -> str:
    """``text`` with its one ``old`` replaced by ``new``; fails when ``old`` is not there."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


WITHOUT_SCOPE = edited("  scope:\n    - local-authorities\n    - infrastructures\n", "")
WITH_WARNING = edited('publiccodeYmlVersion: "0"', 'publiccodeYmlVersion: "0.4"')
WITH_ERROR = edited("developmentStatus: stable", "developmentStatus: ripe")
LOGO_LINE = line_of(FULL, "logo: logo.svg")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the fixture's logo, where documents are written."""
    shutil.copy(VALID / "logo.svg", tmp_path / "logo.svg")
    return tmp_path


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of hanging when a path blocks on open or read."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("kataster validate blocked on its path")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write(folder: Path, text: str, name: str = "publiccode.yml") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def run(runner: CliRunner, *args: str | Path, stdin: bytes | None = None) -> Result:
    return runner.invoke(main, ["validate", *map(str, args)], input=stdin)


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


# --- text layout ----------------------------------------------------------------------------


def test_a_valid_file_prints_nothing_and_exits_0(runner: CliRunner, folder: Path) -> None:
    result = run(runner, write(folder, FULL))
    assert (result.exit_code, result.stdout) == (0, "")


def test_an_error_is_printed_as_file_line_column_type_key_description(
    runner: CliRunner, folder: Path
) -> None:
    (folder / "logo.svg").unlink()
    path = write(folder, FULL)
    result = run(runner, path)
    assert lines(result) == [f"{path}:{LOGO_LINE}:1: error: logo: no such file: {folder}/logo.svg"]


def test_a_finding_without_key_omits_the_key_part(runner: CliRunner, folder: Path) -> None:
    path = folder / "publiccode.yml"
    path.write_bytes(b"\xff")
    assert lines(run(runner, path)) == [f"{path}:0:0: error: Invalid UTF-8"]


def test_a_profile_finding_ends_with_its_rule_and_severity(runner: CliRunner, folder: Path) -> None:
    path = write(folder, WITHOUT_SCOPE)
    line = line_of(WITHOUT_SCOPE, "  countries:")
    assert lines(run(runner, path)) == [
        f"{path}:{line}:3: profile: intendedAudience.scope: {SCOPE_DE} [scope, required]"
    ]


def test_a_warning_is_printed_with_its_type(runner: CliRunner, folder: Path) -> None:
    path = write(folder, WITH_WARNING)
    assert lines(run(runner, path)) == [
        f"{path}:2:1: warning: publiccodeYmlVersion: v0.4 is not the latest version, use '0'. "
        "Parsing this file as v0.7."
    ]


def test_reference_messages_stay_english_in_the_default_german(
    runner: CliRunner, folder: Path
) -> None:
    (folder / "logo.svg").unlink()
    [line] = lines(run(runner, write(folder, FULL)))
    assert line.endswith(f"error: logo: no such file: {folder}/logo.svg")


# --- exit status ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (FULL, 0),
        (WITH_WARNING, 0),
        (WITHOUT_SCOPE, 0),
        (WITH_ERROR, 1),
    ],
    ids=["valid", "warnings only", "profile findings only", "an error"],
)
def test_exit_status_is_1_only_for_an_error(
    runner: CliRunner, folder: Path, text: str, status: int
) -> None:
    assert run(runner, write(folder, text)).exit_code == status


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_json_keeps_the_exit_status_of_text(
    runner: CliRunner, folder: Path, output_format: str
) -> None:
    assert run(runner, "--format", output_format, write(folder, WITH_ERROR)).exit_code == 1


def test_one_file_with_an_error_among_several_makes_the_exit_status_1(
    runner: CliRunner, folder: Path
) -> None:
    good, bad = write(folder, FULL, "good.yml"), write(folder, WITH_ERROR, "bad.yml")
    assert run(runner, good, bad).exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus", str(VALID_FILE)],
        [],
        ["--format", "xml", str(VALID_FILE)],
        ["--lang", "fr", str(VALID_FILE)],
        ["--profile", "smart-village", str(VALID_FILE)],
        ["--timeout", "0", str(VALID_FILE)],
    ],
    ids=[
        "unknown option",
        "no path",
        "unknown format",
        "unknown language",
        "unknown profile",
        "zero timeout",
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    assert run(runner, *args).exit_code == 2


def test_the_file_of_the_usage_error_table_is_valid(runner: CliRunner) -> None:
    assert run(runner, VALID_FILE).exit_code == 0


# --- paths ----------------------------------------------------------------------------------


def test_a_missing_path_exits_2_and_names_it(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, tmp_path / "missing.yml")
    assert result.exit_code == 2
    assert str(tmp_path / "missing.yml") in result.stderr


def test_a_directory_without_publiccode_yml_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    assert run(runner, tmp_path).exit_code == 2


def test_a_directory_means_its_publiccode_yml(runner: CliRunner, folder: Path) -> None:
    write(folder, WITH_ERROR)
    result = run(runner, folder)
    assert result.exit_code == 1
    assert lines(result)[0].startswith(f"{folder / 'publiccode.yml'}:")


@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_refused_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "publiccode.yml"
    os.mkfifo(fifo)
    result = run(runner, fifo)
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr


def test_a_dangling_symlink_is_refused_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "publiccode.yml"
    link.symlink_to(tmp_path / "nowhere.yml")
    assert run(runner, link).exit_code == 2


@pytest.mark.usefixtures("no_hang")
def test_a_symlink_to_a_device_is_refused_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "publiccode.yml"
    link.symlink_to("/dev/zero")
    result = run(runner, link)
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr


def test_a_symlink_to_a_valid_regular_file_is_followed(runner: CliRunner, folder: Path) -> None:
    target = write(folder, FULL, "real.yml")
    link = folder / "publiccode.yml"
    link.symlink_to(target)
    result = run(runner, link)
    assert (result.exit_code, result.stdout) == (0, "")


def test_an_unreadable_path_among_readable_ones_exits_2(runner: CliRunner, folder: Path) -> None:
    assert run(runner, write(folder, FULL), folder / "missing.yml").exit_code == 2


def test_a_file_over_1_mib_is_one_clear_error(runner: CliRunner, folder: Path) -> None:
    path = write(folder, FULL + "#" * LARGE)
    result = run(runner, path)
    assert result.exit_code == 1
    [line] = lines(result)
    assert line.startswith(f"{path}:0:0: error: ")
    assert "larger than" in line


# --- standard input -------------------------------------------------------------------------


def test_a_dash_reads_standard_input(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    result = run(runner, "-", stdin=FULL.encode())
    assert (result.exit_code, result.stdout) == (0, "")


def test_standard_input_is_named_publiccode_yml(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    result = run(runner, "-", stdin=WITH_ERROR.encode())
    line = line_of(WITH_ERROR, "developmentStatus:")
    assert lines(result)[0].startswith(f"publiccode.yml:{line}:1: error: developmentStatus: ")


def test_standard_input_resolves_the_logo_in_the_working_directory(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "-", stdin=FULL.encode())
    assert lines(result) == [
        f"publiccode.yml:{LOGO_LINE}:1: error: logo: no such file: {tmp_path}/logo.svg"
    ]


# --- --base ---------------------------------------------------------------------------------


@pytest.fixture
def apart(tmp_path: Path) -> tuple[Path, Path]:
    """A document in doc/ and its logo in assets/."""
    (tmp_path / "doc").mkdir()
    (tmp_path / "assets").mkdir()
    shutil.copy(VALID / "logo.svg", tmp_path / "assets" / "logo.svg")
    return write(tmp_path / "doc", FULL), tmp_path / "assets"


def test_without_base_a_relative_logo_is_looked_for_beside_the_file(
    runner: CliRunner, apart: tuple[Path, Path]
) -> None:
    path, _ = apart
    assert lines(run(runner, path)) == [
        f"{path}:{LOGO_LINE}:1: error: logo: no such file: {path.parent}/logo.svg"
    ]


def test_base_changes_where_a_relative_logo_is_looked_for(
    runner: CliRunner, apart: tuple[Path, Path]
) -> None:
    path, assets = apart
    result = run(runner, "--base", assets, path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_relative_base_is_taken_from_the_working_directory(
    runner: CliRunner, apart: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, assets = apart
    monkeypatch.chdir(assets.parent)
    result = run(runner, "--base", "assets", path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_relative_base_applies_to_standard_input(
    runner: CliRunner, apart: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, assets = apart
    monkeypatch.chdir(assets.parent)
    result = run(runner, "--base", "assets", "-", stdin=FULL.encode())
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


# --- --profile, --lang, --no-network --------------------------------------------------------


def test_profile_publiccode_reports_no_profile_findings(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--profile", "publiccode", write(folder, WITHOUT_SCOPE))
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [([], SCOPE_DE), (["--lang", "de"], SCOPE_DE), (["--lang", "en"], SCOPE_EN)],
    ids=["default", "de", "en"],
)
def test_lang_chooses_the_language_of_profile_findings(
    runner: CliRunner, folder: Path, args: list[str], message: str
) -> None:
    [line] = lines(run(runner, *args, write(folder, WITHOUT_SCOPE)))
    assert line.endswith(f": profile: intendedAudience.scope: {message} [scope, required]")


def test_no_network_is_accepted(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--no-network", write(folder, FULL))
    assert (result.exit_code, result.stdout) == (0, "")


# --- --format json --------------------------------------------------------------------------


def test_json_for_a_clean_file_is_an_empty_list(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--format", "json", write(folder, FULL))
    assert json.loads(result.stdout) == []


def test_json_for_one_path_has_the_references_shape(runner: CliRunner, folder: Path) -> None:
    (folder / "logo.svg").unlink()
    result = run(runner, "--format", "json", write(folder, FULL))
    assert json.loads(result.stdout) == [
        {
            "type": "error",
            "key": "logo",
            "description": f"no such file: {folder}/logo.svg",
            "line": LOGO_LINE,
            "column": 1,
        }
    ]


def test_json_is_indented_by_four_spaces(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--format", "json", write(folder, WITH_WARNING))
    assert result.stdout.startswith('[\n    {\n        "type": "warning",')


def test_json_profile_findings_carry_rule_and_severity(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--format", "json", "--lang", "en", write(folder, WITHOUT_SCOPE))
    line = line_of(WITHOUT_SCOPE, "  countries:")
    assert json.loads(result.stdout) == [
        {
            "type": "profile",
            "key": "intendedAudience.scope",
            "description": SCOPE_EN,
            "line": line,
            "column": 3,
            "rule": "scope",
            "severity": "required",
        }
    ]


def test_json_for_several_paths_names_the_file_of_each_finding(
    runner: CliRunner, folder: Path
) -> None:
    warned, scoped = write(folder, WITH_WARNING, "a.yml"), write(folder, WITHOUT_SCOPE, "b.yml")
    result = run(runner, "--format", "json", warned, scoped)
    findings = json.loads(result.stdout)
    assert [(f["file"], f["type"]) for f in findings] == [
        (str(warned), "warning"),
        (str(scoped), "profile"),
    ]


def test_json_for_one_path_has_no_file(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "--format", "json", write(folder, WITH_WARNING))
    assert all("file" not in finding for finding in json.loads(result.stdout))


# --- the installed console script -----------------------------------------------------------


def test_the_installed_kataster_script_validates_a_file(folder: Path) -> None:
    script = Path(sys.executable).parent / "kataster"
    path = write(folder, WITH_ERROR)
    completed = subprocess.run(
        [str(script), "validate", "--lang", "en", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.startswith(
        f"{path}:{line_of(WITH_ERROR, 'developmentStatus:')}:1: error: "
    )


def test_a_bug_of_ours_is_reported_plainly_with_exit_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("registry.cli.validate.validate", broken)
    path = tmp_path / "publiccode.yml"
    path.write_text('publiccodeYmlVersion: "0"\n')
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"kataster validate: {path}: internal error (KeyError('boom')); "
        "please report it with the file\n"
    )
    assert "Traceback" not in result.output
