"""The Flask application factory: it wires components and does nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import health

__all__ = ["create_app"]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the registry application; ``test_config`` overrides settings in tests."""
    app = Flask(__name__)
    if test_config is not None:
        app.config.from_mapping(test_config)
    health.init_app(app)
    return app
