"""What every page shares: settings and the database session per request, languages,
security headers, HTTP caching, error pages, the layout and its page links, and the rendering
of untrusted Markdown."""

from __future__ import annotations

from flask import Flask

from . import caching, errors, i18n, pagination, security, session

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Wire the shared parts into ``app``."""
    session.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    caching.init_app(app)
    errors.init_app(app)
    pagination.init_app(app)
