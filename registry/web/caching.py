"""HTTP caching of the public pages: an ETag from the state of the data, 304 without rendering.

So that a cache in front of gunicorn (nginx ``proxy_cache``, a CDN) can serve the reads, every
public GET page is decorated with :func:`cacheable`. Before the view runs, it computes the
page's ETag, a weak one (the same ETag promises the same page, not the same bytes), as the
hash of everything a page is made from:

- the Kataster version (the code and templates that render it),
- the journal's newest serial (every change to components, releases and publishers),
- the catalogue projection's version (every ingest, merge, publisher change and reindex:
  :mod:`registry.catalogue.state`),
- the page's language,
- today's date in UTC (pages say "in the last 12 months" and judge health windows: they change
  with the day even when the data does not),
- the path and the query string.

That costs two small queries (the journal's newest entry, the projection's version; none for a
page that reads no data, ``cacheable(reads_data=False)``). A request whose ``If-None-Match``
names the ETag gets an empty 304, and the view never runs. ``If-None-Match: *`` asks whether
the page exists at all (RFC 9110, 13.1.2), which only the view can tell: it runs, and a 200
becomes a 304. The ETag is computed before the view reads anything, so a change committed in
between makes a page newer than its ETag, never older; the next request has a new ETag.

Headers: a 200 and a 304 get the ETag and ``Cache-Control: public, max-age=N``
(``KATASTER_CACHE_MAX_AGE``; 0 gives ``no-cache``: store, but ask every time), so a cache
serves a page for N seconds and then revalidates it with ``If-None-Match``; a 200 also gets
``Last-Modified`` (werkzeug leaves it out of a 304). An error
(4xx, 5xx) of such a page gets ``Cache-Control: no-store``, so no cache keeps an error in place
of a page; a redirect is left as its view made it. ``Vary: Accept-Language, Cookie`` comes from
:mod:`registry.web.i18n`, on 200 and 304 alike.

``Last-Modified`` is the time of the newest journal entry, for information only:
``If-Modified-Since`` is never answered with 304, because a deploy, a reindex or a new day
change pages without a journal entry. The ETag is the only validator.

Only GET and HEAD are conditional; any other method of a decorated view (``POST /pruefen``)
passes straight through, and so does a view decorated twice.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from typing import TYPE_CHECKING, Final, ParamSpec, overload

from flask import Flask, current_app, g, request
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..catalogue import state
from ..journal.models import JournalEntry
from .i18n import current_locale
from .session import db_session, settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from flask.typing import ResponseReturnValue
    from sqlalchemy.orm import Session

__all__ = ["cacheable", "init_app"]

_P = ParamSpec("_P")

_KEY: Final = "kataster_cache"
"""Where ``g`` keeps this request's validator (``None`` until it is known)."""

_CONDITIONAL: Final = frozenset({"GET", "HEAD"})


@dataclass(frozen=True, slots=True)
class _Validator:
    etag: str
    last_modified: datetime.datetime | None


@overload
def cacheable(view: Callable[_P, ResponseReturnValue], /) -> Callable[_P, ResponseReturnValue]: ...


@overload
def cacheable(
    *, reads_data: bool = True
) -> Callable[[Callable[_P, ResponseReturnValue]], Callable[_P, ResponseReturnValue]]: ...


def cacheable(
    view: Callable[_P, ResponseReturnValue] | None = None, /, *, reads_data: bool = True
) -> (
    Callable[_P, ResponseReturnValue]
    | Callable[[Callable[_P, ResponseReturnValue]], Callable[_P, ResponseReturnValue]]
):
    """Make a GET view conditional: ETag, 304 without running it, ``Cache-Control``.

    ``@cacheable`` for a page made from the data; ``@cacheable(reads_data=False)`` for a page
    that shows none (a form), whose ETag needs no query.
    """
    if view is None:
        return functools.partial(_conditional, reads_data=reads_data)
    return _conditional(view, reads_data=reads_data)


def _conditional(
    view: Callable[_P, ResponseReturnValue], *, reads_data: bool
) -> Callable[_P, ResponseReturnValue]:
    @functools.wraps(view)
    def conditional(*args: _P.args, **kwargs: _P.kwargs) -> ResponseReturnValue:
        if request.method not in _CONDITIONAL or _KEY in g:
            return view(*args, **kwargs)
        setattr(g, _KEY, None)  # from here on, an error is marked not to be stored
        validator = _validator(db_session() if reads_data else None)
        setattr(g, _KEY, validator)
        wanted = request.if_none_match
        if not wanted.star_tag and wanted.contains_weak(validator.etag):
            return Response(status=304)
        response = current_app.make_response(view(*args, **kwargs))
        if wanted.star_tag and response.status_code == 200:
            return Response(status=304)
        return response

    return conditional


def _validator(session: Session | None) -> _Validator:
    """This request's ETag (and Last-Modified) from the state of the data and the request."""
    serial, last_modified, catalogue = None, None, None
    if session is not None:  # journal.last_serial and its entry's time, in one query
        newest = session.execute(
            select(JournalEntry.id, JournalEntry.submitted_at)
            .order_by(JournalEntry.id.desc())
            .limit(1)
        ).first()
        if newest is not None:
            serial, last_modified = newest.id, newest.submitted_at
        catalogue = state.version(session)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    parts = [_kataster_version(), serial, catalogue, current_locale(), today, request.full_path]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return _Validator(digest[:32], last_modified)


@functools.cache
def _kataster_version() -> str:
    """The installed Kataster version (read once per process: it does not change)."""
    return version("kataster")


def _headers(response: Response) -> Response:
    """Stamp the validator on a cacheable page's 200 and 304; forbid storing its errors."""
    if _KEY not in g:
        return response
    validator: _Validator | None = g.get(_KEY)
    if response.status_code in (200, 304) and validator is not None:
        response.set_etag(validator.etag, weak=True)
        if validator.last_modified is not None:  # werkzeug would take None for now
            response.last_modified = validator.last_modified
        response.headers["Cache-Control"] = _cache_control(settings().cache_max_age)
    elif response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
    return response


def _cache_control(max_age: int) -> str:
    return f"public, max-age={max_age}" if max_age > 0 else "no-cache"


def init_app(app: Flask) -> None:
    """Add the caching headers to the responses of :func:`cacheable` views."""
    app.after_request(_headers)
