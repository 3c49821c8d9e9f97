"""File references whose messages carry an absolute path (publiccode-standard.md 2.6, 2.7).

A relative reference is joined to the base directory and cleaned, and that absolute path
appears in the message, so these expectations depend on where the files sit. Each test
builds its files in ``tmp_path``; the path-independent cases are fixtures under
tests/data/publiccode/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.publiccode import validate

MONOCHROME = "This key is DEPRECATED and will be removed in the future. Use 'logo' instead"
DROP = "This key is DEPRECATED and will be removed in the future. It's safe to drop it"

DESCRIPTION = """\
description:
  {tag}:
    shortDescription: A sample application that exists to exercise the validator.
    longDescription: >-
      This sample application exists only to exercise the publiccode.yml validator of
      Kataster. Its description is long enough to pass the minimum of one hundred and
      fifty characters that the standard asks for in every language block.
    features:
      - Exercises the validator
"""


def document(top: str = "", screenshots: str = "", legal: str = "", tag: str = "en") -> str:
    """A valid publiccode.yml with extra top-level lines, screenshot items and legal keys."""
    shots = f"    screenshots:\n{screenshots}" if screenshots else ""
    return (
        'publiccodeYmlVersion: "0"\n'
        "name: Sample\n"
        'url: "https://example.org/sample/sample.git"\n'
        f"{top}"
        "platforms:\n  - web\n"
        "developmentStatus: stable\n"
        "softwareType: standalone/web\n"
        f"{DESCRIPTION.format(tag=tag)}{shots}"
        f"legal:\n  license: EUPL-1.2\n{legal}"
        "maintenance:\n  type: internal\n  contacts:\n    - name: Erika Mustermann\n"
        "localisation:\n  localisationReady: true\n  availableLanguages:\n    - en\n"
    )


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first character of ``needle`` in ``text``."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    return line, index - text.rfind("\n", 0, index)


def finding(kind: str, key: str, description: str, text: str, needle: str) -> dict[str, object]:
    line, column = position(text, needle)
    return {"type": kind, "key": key, "description": description, "line": line, "column": column}


def findings(text: str, base_dir: Path | None) -> list[dict[str, object]]:
    return [f.as_dict() for f in validate(text.encode(), base_dir=base_dir).findings]


# --- logo ---------------------------------------------------------------------------------


def test_reports_a_missing_logo_with_its_absolute_path(tmp_path: Path) -> None:
    text = document(top="logo: logo.png\n")
    expected = finding("error", "logo", f"no such file: {tmp_path}/logo.png", text, "logo:")
    assert findings(text, tmp_path) == [expected]


def test_checks_the_logo_extension_before_its_existence(tmp_path: Path) -> None:
    text = document(top="logo: logo.gif\n")
    message = f"invalid file extension for: {tmp_path}/logo.gif"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_refuses_a_logo_without_extension(tmp_path: Path) -> None:
    (tmp_path / "logo").write_text("<svg/>")
    text = document(top="logo: logo\n")
    message = f"invalid file extension for: {tmp_path}/logo"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_reports_a_directory_reference_without_trailing_slash(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    text = document(top="logo: assets/\n")
    message = f"invalid file extension for: {tmp_path}/assets"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_cleans_the_joined_path_before_reporting_it(tmp_path: Path) -> None:
    text = document(top="logo: ./img/../missing.svg\n")
    message = f"no such file: {tmp_path}/missing.svg"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_treats_a_question_mark_as_part_of_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    text = document(top='logo: "logo.svg?raw=true"\n')
    message = f"invalid file extension for: {tmp_path}/logo.svg?raw=true"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_treats_a_hash_as_part_of_the_file_name(tmp_path: Path) -> None:
    text = document(top='logo: "logo#1.svg"\n')
    message = f"no such file: {tmp_path}/logo#1.svg"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_accepts_a_directory_as_an_existing_logo(tmp_path: Path) -> None:
    (tmp_path / "brand.svg").mkdir()
    assert findings(document(top="logo: brand.svg\n"), tmp_path) == []


def test_reports_a_monochrome_logo_with_a_bad_extension_after_its_warning(tmp_path: Path) -> None:
    (tmp_path / "mono.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    text = document(top="monochromeLogo: mono.jpg\n")
    assert findings(text, tmp_path) == [
        finding("warning", "monochromeLogo", MONOCHROME, text, "monochromeLogo:"),
        finding(
            "error",
            "monochromeLogo",
            f"invalid file extension for: {tmp_path}/mono.jpg",
            text,
            "monochromeLogo:",
        ),
    ]


# --- base directory -----------------------------------------------------------------------


def test_makes_a_relative_base_directory_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = document(top="logo: logo.png\n")
    message = f"no such file: {tmp_path}/repo/logo.png"
    assert findings(text, Path("repo")) == [finding("error", "logo", message, text, "logo:")]


def test_cleans_the_base_directory(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    text = document(top="logo: logo.png\n")
    message = f"no such file: {tmp_path}/logo.png"
    assert findings(text, tmp_path / "sub" / "..") == [
        finding("error", "logo", message, text, "logo:")
    ]


def test_resolves_against_the_working_directory_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = document(top="logo: logo.png\n")
    message = f"no such file: {tmp_path}/logo.png"
    assert findings(text, None) == [finding("error", "logo", message, text, "logo:")]


# --- screenshots --------------------------------------------------------------------------


def test_reports_a_missing_screenshot_with_its_value_and_absolute_path(tmp_path: Path) -> None:
    text = document(screenshots="      - shots/home.png\n")
    message = f"'shots/home.png' is not an image: no such file: {tmp_path}/shots/home.png"
    expected = finding("error", "description.en.screenshots[0]", message, text, "shots/home.png")
    assert findings(text, tmp_path) == [expected]


def test_refuses_a_jpeg_extension_for_screenshots(tmp_path: Path) -> None:
    (tmp_path / "home.jpeg").write_bytes(b"\xff\xd8\xff\xd9")
    text = document(screenshots="      - home.jpeg\n")
    message = f"'home.jpeg' is not an image: invalid file extension for: {tmp_path}/home.jpeg"
    expected = finding("error", "description.en.screenshots[0]", message, text, "home.jpeg")
    assert findings(text, tmp_path) == [expected]


def test_refuses_an_svg_screenshot(tmp_path: Path) -> None:
    (tmp_path / "home.svg").write_text("<svg/>")
    text = document(screenshots="      - home.svg\n")
    message = f"'home.svg' is not an image: invalid file extension for: {tmp_path}/home.svg"
    expected = finding("error", "description.en.screenshots[0]", message, text, "home.svg")
    assert findings(text, tmp_path) == [expected]


def test_keys_screenshot_findings_with_the_raw_language_tag(tmp_path: Path) -> None:
    text = document(screenshots="      - home.png\n", tag="en-US")
    message = f"'home.png' is not an image: no such file: {tmp_path}/home.png"
    expected = finding("error", "description.en-US.screenshots[0]", message, text, "home.png")
    assert findings(text, tmp_path) == [expected]


# --- legal.authorsFile --------------------------------------------------------------------


def test_reports_a_missing_authors_file_after_its_warning(tmp_path: Path) -> None:
    text = document(legal="  authorsFile: AUTHORS.md\n")
    path = f"{tmp_path}/AUTHORS.md"
    assert findings(text, tmp_path) == [
        finding("warning", "legal.authorsFile", DROP, text, "authorsFile:"),
        finding(
            "error",
            "legal.authorsFile",
            f"'{path}' does not exist: no such file: {path}",
            text,
            "authorsFile:",
        ),
    ]


def test_does_not_check_the_authors_file_extension(tmp_path: Path) -> None:
    (tmp_path / "AUTHORS.gif").write_text("Erika Mustermann\n")
    text = document(legal="  authorsFile: AUTHORS.gif\n")
    assert findings(text, tmp_path) == [
        finding("warning", "legal.authorsFile", DROP, text, "authorsFile:")
    ]


# --- what counts as a path ----------------------------------------------------------------


def test_checks_a_value_that_fails_to_parse_as_a_url_as_a_relative_path(tmp_path: Path) -> None:
    text = document(top='logo: "https://exa mple.org/logo.svg"\n')
    message = f"no such file: {tmp_path}/https:/exa mple.org/logo.svg"
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]


def test_takes_the_extension_after_the_last_dot_even_of_a_dot_file(tmp_path: Path) -> None:
    (tmp_path / ".svg").write_text("<svg/>")
    assert findings(document(top='logo: ".svg"\n'), tmp_path) == []


def test_refuses_a_file_name_ending_in_a_dot(tmp_path: Path) -> None:
    (tmp_path / "logo.").write_text("<svg/>")
    text = document(top='logo: "logo."\n')
    message = f"invalid file extension for: {tmp_path}/logo."
    assert findings(text, tmp_path) == [finding("error", "logo", message, text, "logo:")]
