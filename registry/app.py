"""The Flask application factory: it wires components and does nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import health, web
from .catalogue import views as catalogue_views
from .components import views as component_views
from .publiccode import views as publiccode_views
from .publishers import views as publisher_views

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
    catalogue_views.init_app(app)
    component_views.init_app(app)
    publisher_views.init_app(app)
    publiccode_views.init_app(app)
    return app
