"""``kataster validate``: check publiccode.yml like the reference validator, plus the profile."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from harvester.publiccode import (
    MAX_BYTES,
    Finding,
    FindingType,
    NetworkPolicy,
    Profile,
    ValidationResult,
    load_profile,
    validate,
)

__all__ = ["validate_command"]

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_STDIN = "-"


class UnreadablePath(ValueError):
    """A PATH argument that names nothing we can read as a publiccode.yml."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InternalError(RuntimeError):
    """A bug of Kataster's met while validating a file: reported plainly, never a traceback."""

    def __init__(self, name: str, error: Exception) -> None:
        super().__init__(f"{name}: internal error ({error!r}); please report it with the file")


@dataclass(frozen=True, slots=True)
class _Source:
    name: str
    data: bytes
    base_dir: Path


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--profile",
    type=click.Choice(["smart-city", "publiccode"]),
    default="smart-city",
    show_default=True,
    help="publiccode: only what the reference validator reports; smart-city: plus the profile.",
)
@click.option(
    "--network/--no-network",
    default=False,
    show_default=True,
    help="Check that URLs answer (public addresses only).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds per network request.",
)
@click.option(
    "--base",
    "base_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that relative logo/screenshot paths are resolved against "
    "(default: the folder of each file).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of profile findings (the reference's messages stay English).",
)
def validate_command(
    paths: tuple[str, ...],
    profile: str,
    network: bool,
    timeout: float,
    base_dir: Path | None,
    output_format: str,
    language: str,
) -> None:
    """Validate publiccode.yml files: PATH is a file, a folder holding one, or - for stdin.

    Exit status: 0 without errors (warnings and profile findings allowed), 1 when a file has
    an error, 2 for usage errors and unreadable paths.
    """
    policy = NetworkPolicy(timeout=timeout) if network else None
    chosen = load_profile(profile) if profile == "smart-city" else None
    results: list[tuple[str, ValidationResult]] = []
    for path in paths:
        try:
            source = _read(path, base_dir)
            result = _validate(source, policy, chosen, language)
        except (UnreadablePath, InternalError) as error:
            click.echo(f"kataster validate: {error}", err=True)
            continue
        results.append((source.name, result))
    _report(results, output_format, several=len(paths) > 1)
    if len(results) < len(paths):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_INVALID if any(not r.valid for _, r in results) else EXIT_VALID)


def _validate(
    source: _Source, policy: NetworkPolicy | None, profile: Profile | None, language: str
) -> ValidationResult:
    try:
        return validate(
            source.data,
            base_dir=source.base_dir,
            network=policy,
            profile=profile,
            language=language,
        )
    except Exception as error:  # a bug of ours: say so plainly, never a traceback
        raise InternalError(source.name, error) from error


def _read(path: str, base_dir: Path | None) -> _Source:
    if path == _STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return _Source("publiccode.yml", data, base_dir or Path.cwd())
    file = Path(path)
    try:
        if file.is_dir():
            file = file / "publiccode.yml"
        mode = os.stat(file).st_mode  # follows symlinks: a link to a regular file is fine
        if not stat.S_ISREG(mode):
            raise UnreadablePath(path, "not a regular file")
        with open(file, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise UnreadablePath(path, error.strerror or str(error)) from None
    return _Source(str(file), data, (base_dir or file.parent).absolute())


def _report(results: list[tuple[str, ValidationResult]], output_format: str, several: bool) -> None:
    if output_format == "json":
        click.echo(json.dumps(list(_json_objects(results, several)), indent=4, ensure_ascii=False))
        return
    for name, result in results:
        for finding in result.findings:
            click.echo(_text_line(name, finding))


def _json_objects(
    results: list[tuple[str, ValidationResult]], several: bool
) -> Iterable[dict[str, object]]:
    for name, result in results:
        for finding in result.findings:
            data = finding.as_dict()
            yield {"file": name, **data} if several else data


def _text_line(name: str, finding: Finding) -> str:
    """``FILE:LINE:COL: TYPE: KEY: DESCRIPTION``, the reference's (and editors') layout."""
    key = f"{finding.key}: " if finding.key else ""
    line = f"{name}:{finding.line}:{finding.column}: {finding.type}: {key}{finding.description}"
    if finding.type is FindingType.PROFILE:
        line += f" [{finding.rule}, {finding.severity}]"
    return line
