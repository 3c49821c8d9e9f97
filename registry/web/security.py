"""PLACEHOLDER (being written)."""

from __future__ import annotations

from flask import Flask

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Nothing yet."""
