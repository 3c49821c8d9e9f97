"""One check of a submission and what the page shows of it.

The validator runs as ``kataster validate`` runs it, with two differences that the page states:
no network check (a web form must not make the server fetch addresses for strangers), and no
repository to look up relative file paths in (:mod:`._absent_repository` notes them instead).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from harvester.publiccode import Finding, FindingType, Profile, ValidationResult, load_profile
from harvester.publiccode import validate as validate_publiccode

from ._absent_repository import AbsentRepository
from ._listing import Listing, end_position, listing
from ._submission import Submission

__all__ = ["CheckReport", "InvalidByte", "ShownFinding", "check"]


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding numbered for the page; ``linked`` when its line is in the listing."""

    number: int
    finding: Finding
    linked: bool


@dataclass(frozen=True, slots=True)
class InvalidByte:
    """The first byte that is not UTF-8, and where it stands (the validator only says that
    the file is not UTF-8)."""

    value: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Everything the page shows about one checked submission."""

    submission: Submission
    result: ValidationResult
    profile: Profile | None
    findings: tuple[ShownFinding, ...]
    listing: Listing | None
    unchecked_files: tuple[str, ...]
    invalid_byte: InvalidByte | None
    binary: bool

    @property
    def valid(self) -> bool:
        """The reference validator's verdict: no error."""
        return self.result.valid

    def count(self, kind: str, severity: str | None = None) -> int:
        """How many findings of ``kind`` (``error``, ``warning``, ``profile``) are listed."""
        return sum(
            1
            for shown in self.findings
            if shown.finding.type == kind and severity in (None, shown.finding.severity)
        )

    @property
    def conforms(self) -> bool | None:
        """Whether the file meets the profile (valid, no required rule broken); None without."""
        if self.profile is None:
            return None
        return self.valid and not self.count(FindingType.PROFILE, "required")


def check(submission: Submission, language: str) -> CheckReport:
    """Validate the submission, profile findings in ``language`` (``de`` or ``en``)."""
    profile = load_profile("smart-city") if submission.profile == "smart-city" else None
    files = AbsentRepository()
    result = validate_publiccode(
        submission.data, files=files, network=None, profile=profile, language=language
    )
    binary = b"\x00" in submission.data
    shown = None if binary else _listing(submission.data, result)
    findings = tuple(
        ShownFinding(number, finding, shown is not None and shown.shows(finding.line))
        for number, finding in enumerate(result.findings, start=1)
    )
    return CheckReport(
        submission=submission,
        result=result,
        profile=profile,
        findings=findings,
        listing=shown,
        unchecked_files=files.unchecked,
        invalid_byte=_invalid_byte(submission.data),
        binary=binary,
    )


def _listing(data: bytes, result: ValidationResult) -> Listing:
    marks: defaultdict[int, list[int]] = defaultdict(list)
    for number, finding in enumerate(result.findings, start=1):
        if finding.line > 0:
            marks[finding.line].append(number)
    return listing(data.decode("utf-8", errors="replace"), marks)


def _invalid_byte(data: bytes) -> InvalidByte | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = end_position(data[: error.start].decode("utf-8"))
        return InvalidByte(data[error.start], line, column)
    return None
