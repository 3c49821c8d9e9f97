"""Kataster's registry: the Flask catalogue, its storage and its command line.

Subpackages:

- :mod:`registry.cli`: the ``kataster`` command (validate, and later harvest, serve, demo)
- :mod:`registry.app`: the Flask application factory
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
