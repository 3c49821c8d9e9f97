"""``/healthz``: tells a load balancer or the Procfile's platform that the web process runs."""

from __future__ import annotations

from importlib.metadata import version

from flask import Blueprint, Flask

__all__ = ["blueprint", "init_app"]

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> dict[str, str]:
    """The process answers, with the running Kataster version."""
    return {"status": "ok", "version": version("kataster")}


def init_app(app: Flask) -> None:
    """Register the health endpoint."""
    app.register_blueprint(blueprint)
