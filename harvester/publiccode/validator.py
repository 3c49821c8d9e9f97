"""Validate publiccode.yml bytes: the reference validator's verdict, then the profile's.

The stages follow publiccode-parser-go (publiccode-standard.md 2.1): stages 0 to 3 (UTF-8,
syntax, documents, version) stop at their first finding; after them come the version
warning, at most one decode error, every struct-validation error and the extra checks.
Profile findings are added last, each labelled with its rule.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from . import _scalars, _yaml
from ._decode import DecodeProblem, decode
from ._extra_checks import Surroundings, extra_findings
from ._locate import line_keys, locate
from ._paths import Path, dotted, struct_key
from ._struct_rules import struct_violations
from .files import Directory, FileSource
from .findings import Finding, FindingType
from .model import PUBLICCODE, SUPPORTED_VERSIONS
from .network import NetworkPolicy
from .profile import Profile, violations

__all__ = ["MAX_FINDINGS", "ValidationResult", "validate"]

_VERSION = "publiccodeYmlVersion"

MAX_FINDINGS = 1000
"""Most findings listed per file (a real file has a handful; an alias bomb could have more)."""

_MAX_UNLISTED = 100_000
"""How many findings past the listed ones are counted (and looked at for an error)."""


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """All findings about one file, and its decoded content when it got that far."""

    findings: tuple[Finding, ...]
    document: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that make the file invalid."""
        return tuple(f for f in self.findings if f.type is FindingType.ERROR)

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings and profile findings allowed)."""
        return not self.errors


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.description)
        self.finding = finding


def validate(
    data: bytes,
    *,
    base_dir: FilePath | None = None,
    files: FileSource | None = None,
    network: NetworkPolicy | None = None,
    profile: Profile | None = None,
    language: str = "de",
    today: datetime.date | None = None,
) -> ValidationResult:
    """Validate one publiccode.yml given as bytes.

    ``base_dir`` resolves relative file references (default: the working directory), or
    ``files`` when given (the harvester reads a commit's tree from git this way);
    ``network`` enables reachability checks under that policy (default: off); ``profile``
    adds its findings in ``language`` (``de`` or ``en``), judging dates against ``today``.
    """
    try:
        document = _yaml.load(data)
        warning = _check_version(document)
    except _yaml.InvalidDocument as invalid:
        return ValidationResult((_finding(invalid),))
    except _Stop as stop:
        return ValidationResult((stop.finding,))
    values, problem = _decoded(document)
    findings = [warning] if warning else []
    if problem is not None:
        findings.append(_decode_finding(problem, document.root))
    around = Surroundings(files or Directory((base_dir or FilePath.cwd()).absolute()), network)
    findings.extend(_checked(document, values, around, MAX_FINDINGS - len(findings)))
    if profile is not None:
        day = today or datetime.date.today()
        findings.extend(_profile_findings(document, values, profile, language, day))
    return ValidationResult(tuple(findings), values)


def _finding(invalid: _yaml.InvalidDocument) -> Finding:
    return Finding(
        FindingType.ERROR, invalid.key, invalid.description, invalid.line, invalid.column
    )


def _check_version(document: _yaml.Document) -> Finding | None:
    """Stage 3 (2.3): read the version from the tree; only a supported string passes."""
    root = document.root
    pair = _version_pair(root)
    if pair is None:
        raise _Stop(Finding(FindingType.ERROR, _VERSION, f"{_VERSION} is a required field"))
    key, value = pair
    line, column = key.start_mark.line + 1, key.start_mark.column + 1
    if not _is_string_token(value, key, document.text):
        raise _Stop(Finding(FindingType.ERROR, _VERSION, "wrong type for this field", line, column))
    version = value.value
    if version not in SUPPORTED_VERSIONS:
        supported = ", ".join(SUPPORTED_VERSIONS)
        message = f"unsupported version: '{version}'. Supported versions: {supported}"
        raise _Stop(Finding(FindingType.ERROR, _VERSION, message))
    if version == "0" or version.startswith("0.7"):
        return None
    message = f"v{version} is not the latest version, use '0'. Parsing this file as v0.7."
    return Finding(FindingType.WARNING, _VERSION, message, line, column)


def _version_pair(root: Node) -> tuple[Node, Node] | None:
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if _scalars.key_text(key) == _VERSION:
            return key, value
    return None


def _is_string_token(value: Node, key: Node, text: str) -> bool:
    """A plain or quoted string scalar written right there: no tag, anchor, alias or block."""
    if not isinstance(value, ScalarNode) or value.style not in (*_scalars.PLAIN_STYLES, "'", '"'):
        return False
    start = value.start_mark.index
    if start < key.end_mark.index or text[start : start + 1] in ("!", "&", "*"):
        return False
    return value.style not in _scalars.PLAIN_STYLES or isinstance(_scalars.scalar_value(value), str)


def _decoded(document: _yaml.Document) -> tuple[dict[str, Any], DecodeProblem | None]:
    """The decode stage (2.4); an alias without anchor decodes nothing at all (2.2)."""
    root = document.root
    assert isinstance(root, MappingNode)
    if document.undefined_alias_line:
        return {}, DecodeProblem("wrong type for this field", document.undefined_alias_line)
    decoded = decode(root, PUBLICCODE)
    return decoded.values, decoded.problem


def _checked(
    document: _yaml.Document, values: dict[str, Any], around: Surroundings, room: int
) -> Iterator[Finding]:
    """Struct-validation errors then extra checks, placed; past ``room`` only counted."""
    found = itertools.chain(
        ((FindingType.ERROR, struct_key, m, p) for p, m in struct_violations(values)),
        ((k, dotted, m, p) for k, p, m in extra_findings(values, around)),
    )
    for kind, spell, message, path in itertools.islice(found, room):
        yield _placed(kind, spell(path), message, document, path)
    rest = [kind for kind, *_ in itertools.islice(found, _MAX_UNLISTED + 1)]
    if rest:
        yield _overflow(rest)


def _overflow(kinds: list[FindingType]) -> Finding:
    """Stands for the findings past :data:`MAX_FINDINGS`, an error if any of them is one."""
    kind = FindingType.ERROR if FindingType.ERROR in kinds else FindingType.WARNING
    count = f"{len(kinds)}" if len(kinds) <= _MAX_UNLISTED else f"more than {_MAX_UNLISTED:,}"
    message = f"{count} more findings not listed: Kataster lists at most {MAX_FINDINGS}"
    return Finding(kind, "", message)


def _decode_finding(problem: DecodeProblem, root: Node) -> Finding:
    if not problem.line:
        return Finding(FindingType.ERROR, "", problem.description)
    key = line_keys(root).get(problem.line, "")
    return Finding(FindingType.ERROR, key, problem.description, problem.line, 1)


def _placed(
    kind: FindingType, key: str, message: str, document: _yaml.Document, path: Path
) -> Finding:
    line, column = locate(document.root, document.text, path)
    return Finding(kind, key, message, line, column)


def _profile_findings(
    document: _yaml.Document,
    values: dict[str, Any],
    profile: Profile,
    language: str,
    today: datetime.date,
) -> list[Finding]:
    findings = []
    for rule, path, variables in violations(profile, values, today):
        # Our own findings never go unplaced: a missing section sits on the file's first key.
        line, column = locate(document.root, document.text, path)
        if (line, column) == (0, 0):
            line, column = locate(document.root, document.text, path[:1])
        description = rule.describe(language, variables)
        findings.append(
            Finding(
                FindingType.PROFILE,
                struct_key(path),
                description,
                line,
                column,
                rule.id,
                rule.severity,
            )
        )
    return findings
