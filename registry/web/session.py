"""The settings and one database session per request.

The settings are read once, when the application is made, from the environment overlaid with
the ``KATASTER_*`` keys of the test configuration. The engine is made on first use (the factory
touches no database) and kept in ``app.extensions``; each request gets its own session, closed
when the request ends. Views only read; a view that writes commits itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask import Flask, current_app, g

from ..config import Settings
from ..db import make_engine, make_session_factory

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["db_session", "init_app", "settings"]

_KEY = "kataster"


@dataclass
class _State:
    settings: Settings
    engine: Engine | None = None
    sessions: sessionmaker[Session] | None = field(default=None)


def init_app(app: Flask) -> None:
    """Read the settings and close each request's session at its end."""
    overrides = {k: str(v) for k, v in app.config.items() if k.startswith("KATASTER_")}
    app.extensions[_KEY] = _State(Settings.from_env({**os.environ, **overrides}))
    app.teardown_appcontext(_close)


def settings() -> Settings:
    """The running application's settings."""
    return _state().settings


def db_session() -> Session:
    """This request's database session, opened on first use."""
    if "db_session" not in g:
        state = _state()
        if state.sessions is None:
            state.engine = make_engine(state.settings.database_url)
            state.sessions = make_session_factory(state.engine)
        g.db_session = state.sessions()
    session: Session = g.db_session
    return session


def _state() -> _State:
    state: _State = current_app.extensions[_KEY]
    return state


def _close(error: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
