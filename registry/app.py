"""The Flask application factory: it wires components and does nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import catalogue, components, health, publiccode, publishers, web

__all__ = ["create_app"]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the registry application.

    Settings come from the ``KATASTER_*`` environment variables; ``test_config`` may hold
    ``KATASTER_*`` variables (they override the environment's) and Flask settings (``TESTING``).
    Nothing here touches the database or the network: the engine is made on first use.
    """
    app = Flask(__name__)
    if test_config is not None:
        app.config.from_mapping(test_config)
    web.init_app(app)
    health.init_app(app)
    catalogue.init_app(app)
    components.init_app(app)
    publishers.init_app(app)
    publiccode.init_app(app)
    return app
