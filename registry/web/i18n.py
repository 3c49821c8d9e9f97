"""PLACEHOLDER (being written): Flask-Babel, locale selection, the language switch."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect
from werkzeug.wrappers import Response

__all__ = ["init_app"]

blueprint = Blueprint("web", __name__)


@blueprint.get("/sprache/<code>")
def language(code: str) -> Response:
    return redirect("/")


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.jinja_env.globals["current_locale"] = lambda: "de"
    app.jinja_env.globals["_"] = lambda s, **kw: s % kw if kw else s
