"""What someone handed in to be checked: pasted text or an uploaded file, and a profile.

::

    InvalidSubmission (ValueError)   the form cannot be checked; the page says why
     ├── EmptySubmission             nothing pasted and nothing uploaded (or only blanks)
     │    └── EmptyUpload            an uploaded file without content (or only blanks)
     ├── SubmissionTooLarge          more than MAX_BYTES, the most the validator reads
     └── UnknownProfile              a profile other than the two offered

An uploaded file wins over pasted text (the page says the text was left aside). A browser
sends a text area's line breaks as CRLF whatever was pasted; they are turned into LF, as a
publiccode.yml usually has them. An upload is checked byte for byte.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from harvester.publiccode import MAX_BYTES

if TYPE_CHECKING:
    from werkzeug.datastructures import FileStorage, MultiDict

__all__ = [
    "FILE_FIELD",
    "PROFILES",
    "PROFILE_FIELD",
    "TEXT_FIELD",
    "EmptySubmission",
    "EmptyUpload",
    "InvalidSubmission",
    "Origin",
    "Submission",
    "SubmissionTooLarge",
    "UnknownProfile",
    "pasted_text",
    "read_submission",
]

PROFILES = ("smart-city", "publiccode")
"""The profiles offered: the Smart City profile on top of publiccode.yml, or publiccode.yml alone."""

TEXT_FIELD, FILE_FIELD, PROFILE_FIELD = "inhalt", "datei", "profil"
_MAX_FILENAME = 200


class InvalidSubmission(ValueError):
    """The form cannot be checked."""


class EmptySubmission(InvalidSubmission):
    """Nothing to check: no text pasted, no file uploaded, or only whitespace."""


class EmptyUpload(EmptySubmission):
    """An uploaded file that is empty or holds only whitespace."""


class SubmissionTooLarge(InvalidSubmission):
    """More than :data:`MAX_BYTES` bytes; ``uploaded`` tells whether a file or the text."""

    def __init__(self, uploaded: bool) -> None:
        super().__init__(f"{'file' if uploaded else 'text'} larger than {MAX_BYTES} bytes")
        self.uploaded = uploaded


class UnknownProfile(InvalidSubmission):
    """A profile the page does not offer; ``profile`` is what was sent."""

    def __init__(self, profile: str) -> None:
        super().__init__(f"unknown profile {profile!r}")
        self.profile = profile


class Origin(enum.Enum):
    """Where the checked bytes came from."""

    PASTED = "pasted"
    UPLOADED = "uploaded"


@dataclass(frozen=True, slots=True)
class Submission:
    """The bytes to check and how they came; ``pasted`` is the text to put back in the form."""

    data: bytes
    origin: Origin
    profile: str
    filename: str = ""
    pasted: str = ""

    @property
    def paste_ignored(self) -> bool:
        """Whether text was pasted too, but the uploaded file was checked."""
        return self.origin is Origin.UPLOADED and bool(self.pasted.strip())


def read_submission(form: MultiDict[str, str], files: MultiDict[str, FileStorage]) -> Submission:
    """The submission in ``form`` and ``files``; raises an :class:`InvalidSubmission`."""
    profile = form.get(PROFILE_FIELD) or PROFILES[0]
    if profile not in PROFILES:
        raise UnknownProfile(profile)
    pasted = pasted_text(form)
    upload = files.get(FILE_FIELD)
    if upload is not None and upload.filename:
        data = upload.stream.read(MAX_BYTES + 1)
        _check_size(data, uploaded=True)
        name = upload.filename[:_MAX_FILENAME]
        return Submission(data, Origin.UPLOADED, profile, filename=name, pasted=pasted)
    data = pasted.encode("utf-8", errors="surrogatepass")
    _check_size(data, uploaded=False)
    return Submission(data, Origin.PASTED, profile, pasted=pasted)


def pasted_text(form: MultiDict[str, str]) -> str:
    """The pasted text with LF line ends (a browser sends a text area's line breaks as CRLF,
    whatever was pasted)."""
    return form.get(TEXT_FIELD, "").replace("\r\n", "\n")


def _check_size(data: bytes, *, uploaded: bool) -> None:
    if len(data) > MAX_BYTES:
        raise SubmissionTooLarge(uploaded)
    if not data.strip():
        raise EmptyUpload() if uploaded else EmptySubmission()
