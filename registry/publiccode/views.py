"""The "check your publiccode.yml" page: the validator for everyone, in the browser.

``GET /pruefen`` shows the form; ``POST /pruefen`` checks what was pasted or uploaded and shows
the verdict, every finding with its place, and the text with those places marked. Nothing is
stored, nothing is fetched from the network.

The form carries no CSRF token on purpose: the check is stateless (no session, no cookie is
read, nothing is written), so a request forged from another site can do nothing but show its
sender a validation result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Blueprint, Flask, render_template, request

from harvester.publiccode import MAX_BYTES

from ..web.caching import cacheable
from ..web.i18n import current_locale
from . import _invisibles, _listing
from ._report import check as check_submission
from ._submission import (
    FILE_FIELD,
    PROFILE_FIELD,
    PROFILES,
    TEXT_FIELD,
    EmptySubmission,
    EmptyUpload,
    InvalidSubmission,
    SubmissionTooLarge,
    UnknownProfile,
    pasted_text,
    read_submission,
)

if TYPE_CHECKING:
    from flask.typing import ResponseReturnValue

__all__ = ["blueprint", "init_app"]

blueprint = Blueprint("publiccode", __name__)

_FORM_ROOM = 64 * 1024
"""Room for the multipart framing and the other fields around a file and a text."""


@blueprint.context_processor
def _template_names() -> dict[str, object]:
    return {
        "reveal": _invisibles.reveal,
        "fields": {"text": TEXT_FIELD, "file": FILE_FIELD, "profile": PROFILE_FIELD},
        "profiles": PROFILES,
        "max_bytes": MAX_BYTES,
        "context_lines": _listing.CONTEXT,
        "language": _language(),
    }


@blueprint.route("/pruefen", methods=["GET", "POST"])
@cacheable(reads_data=False)  # GET only: the form; a POST passes through
def check() -> ResponseReturnValue:
    """The empty form (GET), or the check of a submission (POST)."""
    if request.method == "GET":
        return render_template("publiccode/check.html", profile=PROFILES[0])
    return _checked()


def _checked() -> ResponseReturnValue:
    """Check the submission; a form that cannot be checked is shown again with the reason."""
    # The validator reads up to MAX_BYTES; the site's body limit (web/security.py) is that
    # size without room for the form around a file. Here a file or a text of MAX_BYTES fits;
    # a little more gets this page's own message; a body larger still is refused before it is
    # read, with the 413 page of web/errors.py.
    request.max_content_length = MAX_BYTES + _FORM_ROOM
    request.max_form_memory_size = MAX_BYTES + _FORM_ROOM
    try:
        submission = read_submission(request.form, request.files)
    except InvalidSubmission as problem:
        return _form_again(problem)
    report = check_submission(submission, _language())
    return render_template(
        "publiccode/check.html",
        report=report,
        profile=submission.profile,
        pasted=submission.pasted,
    )


_REFUSALS: dict[type[InvalidSubmission], tuple[int, str]] = {
    EmptySubmission: (400, "empty"),
    EmptyUpload: (400, "empty-upload"),
    SubmissionTooLarge: (413, "too-large"),
    UnknownProfile: (400, "unknown-profile"),
}
"""Each refusal's status and the name of its message in the template."""


def _form_again(problem: InvalidSubmission) -> ResponseReturnValue:
    """The form again, as it was sent (a text too large is not sent back), with the reason."""
    status, reason = _REFUSALS[type(problem)]
    too_large = isinstance(problem, SubmissionTooLarge) and not problem.uploaded
    pasted = "" if too_large else pasted_text(request.form)
    profile = request.form.get(PROFILE_FIELD)
    chosen = profile if profile in PROFILES else PROFILES[0]
    page = render_template("publiccode/check.html", problem=reason, profile=chosen, pasted=pasted)
    return page, status


def _language() -> str:
    """The page's language, which profile findings follow (the reference's stay English)."""
    return "en" if current_locale() == "en" else "de"


def init_app(app: Flask) -> None:
    """Register this domain's pages."""
    app.register_blueprint(blueprint)
