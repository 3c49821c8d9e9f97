"""Publisher pages: the model projects by funding round and the other publishers
(``/herausgeber``), and one publisher with its components and levels
(``/herausgeber/<id>``)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, render_template

from ..web.caching import cacheable
from ..web.session import db_session
from .queries import publisher_index, publisher_page

__all__ = ["blueprint", "init_app"]

blueprint = Blueprint("publishers", __name__)


@blueprint.get("/herausgeber")
@cacheable
def index() -> str:
    """Every publisher: model projects by round, then the others."""
    return render_template("publishers/index.html", index=publisher_index(db_session()))


@blueprint.get("/herausgeber/<publisher_id>")
@cacheable
def detail(publisher_id: str) -> str:
    """One publisher; 404 when unknown."""
    page = publisher_page(db_session(), publisher_id)
    if page is None:
        abort(404)
    return render_template("publishers/detail.html", page=page)


def init_app(app: Flask) -> None:
    """Register this domain's pages."""
    app.register_blueprint(blueprint)
