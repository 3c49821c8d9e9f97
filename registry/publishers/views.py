"""PLACEHOLDER (being written): publisher and model project pages."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["blueprint"]

blueprint = Blueprint("publishers", __name__)


@blueprint.get("/herausgeber")
def index() -> str:
    return "publishers"


@blueprint.get("/herausgeber/<publisher_id>")
def detail(publisher_id: str) -> str:
    return "publisher"
