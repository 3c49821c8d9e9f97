"""The component page and its maturity badge.

``/software/<id>`` shows one component (:mod:`.page` builds what it shows); the id of a
component merged into another answers with a permanent redirect to the surviving one.
``/software/<id>/badge.svg`` is the embeddable badge, German unless ``?lang=en``, cacheable
and conditional (ETag, 304).
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ..web.caching import cacheable
from ..web.i18n import current_locale
from ..web.session import db_session
from . import charts
from .badge import maturity_badge, render_badge
from .models import Component
from .page import component_page, level_name, merged_into

__all__ = ["BADGE_MAX_AGE", "blueprint", "init_app"]

BADGE_MAX_AGE = 3600
"""Seconds a badge may be cached: a harvest changes a level at most a few times a day."""

blueprint = Blueprint("components", __name__)


@blueprint.get("/software/<int:component_id>")
@cacheable
def detail(component_id: int) -> str | Response:
    """The component's page; 301 for a merged id, 404 for an unknown one."""
    session = db_session()
    page = component_page(session, component_id, language=current_locale())
    if page is None:
        return _redirect_or_404(component_id, "components.detail")
    return render_template("components/detail.html", page=page, bar_chart=charts.bar_chart)


@blueprint.get("/software/<int:component_id>/badge.svg")
def badge(component_id: int) -> Response:
    """The maturity badge as SVG; an unknown id gets a 404 badge that says so."""
    language = "en" if request.args.get("lang") == "en" else "de"
    session = db_session()
    component = session.get(Component, component_id)
    if component is None:
        target = merged_into(session, component_id)
        if target is not None:
            location = url_for("components.badge", component_id=target, lang=_lang(language))
            return redirect(location, code=301)
        return _svg(render_badge(maturity_badge(None, known=False, language=language)), 404)
    harvest = component.current_harvest
    level = None if harvest is None else harvest.maturity_level
    archived = bool(component.archived) or bool(harvest and harvest.archived)
    name = level_name(harvest.model_version if harvest else None, level, language)
    shown = maturity_badge(level, archived=archived, level_name=name, language=language)
    return _svg(render_badge(shown), 200)


def _redirect_or_404(component_id: int, endpoint: str) -> Response:
    target = merged_into(db_session(), component_id)
    if target is None:
        abort(404)
    return redirect(url_for(endpoint, component_id=target), code=301)


def _lang(language: str) -> str | None:
    """The ``lang`` parameter of a badge URL: only English is asked for (None: left out)."""
    return "en" if language == "en" else None


def _svg(document: str, status: int) -> Response:
    response = Response(document, status=status, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = f"public, max-age={BADGE_MAX_AGE}"
    response.headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    if status == 200:
        response.add_etag()
        response.make_conditional(request)
    return response


def init_app(app: Flask) -> None:
    """Register this domain's pages."""
    app.register_blueprint(blueprint)
