"""PLACEHOLDER (being written): home and search pages."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["blueprint"]

blueprint = Blueprint("catalogue", __name__)


@blueprint.get("/")
def home() -> str:
    return "home"


@blueprint.get("/suche")
def search() -> str:
    return "search"
