"""Error pages: every HTTP error is a page in the site's layout, in the reader's language.

No traceback ever reaches a reader. An unexpected exception becomes a 500 page; Flask logs it
with its traceback, and a 500 raised on purpose (``abort(500)``) is logged here. A view may
give a 4xx error a reader-facing explanation (``abort(400, description=gettext("..."))``); it
is shown instead of the standard text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from .i18n import gettext

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

__all__ = ["init_app"]


def _texts(code: int) -> tuple[str, str]:
    """The title and explanation of an error page (translated at request time)."""
    texts = {
        400: (
            gettext("Ungültige Anfrage"),
            gettext("Die Anfrage enthält Angaben, die Kataster nicht verarbeiten kann."),
        ),
        404: (
            gettext("Seite nicht gefunden"),
            gettext("Diese Seite gibt es nicht (mehr). Vielleicht hilft die Suche weiter."),
        ),
        405: (
            gettext("Methode nicht erlaubt"),
            gettext("Diese Adresse kann auf diese Weise nicht aufgerufen werden."),
        ),
        413: (
            gettext("Die gesendeten Daten sind zu groß"),
            gettext("Kataster nimmt höchstens 1 MiB auf einmal an."),
        ),
        500: (
            gettext("Interner Fehler"),
            gettext(
                "Etwas ist schiefgegangen. Der Fehler wurde protokolliert; "
                "bitte versuchen Sie es später noch einmal."
            ),
        ),
    }
    return texts.get(code, (gettext("Fehler"), gettext("Die Anfrage konnte nicht erfüllt werden.")))


def _explanation(error: HTTPException, standard: str) -> str:
    """A view's own description of a client error, else the standard text."""
    own = error.description
    default = type(error).description
    if error.code is not None and error.code < 500 and own and own != default:
        return own
    return standard


def render_error(error: HTTPException) -> Response:
    """The error page for ``error``, with the headers it needs (``Allow`` for 405)."""
    code = error.code or 500
    title, standard = _texts(code)
    body = render_template(
        "errors/error.html", code=code, title=title, explanation=_explanation(error, standard)
    )
    response = current_app.make_response((body, code))
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _server_error(error: InternalServerError) -> Response:
    if error.original_exception is None:  # Flask has logged the exceptions it caught
        current_app.logger.error("500 on %s %s: %s", request.method, request.path, error)
    return render_error(error)


def init_app(app: Flask) -> None:
    """Render every HTTP error as a page."""
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(InternalServerError, _server_error)
