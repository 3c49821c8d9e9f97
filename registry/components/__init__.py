"""Components (one per canonical repository URL): models, queries, serialisation, pages, badges."""

from __future__ import annotations

from flask import Flask

from . import views

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Register this domain's pages."""
    app.register_blueprint(views.blueprint)
