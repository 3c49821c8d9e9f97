"""PLACEHOLDER (being written): the component page and its badge."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["blueprint"]

blueprint = Blueprint("components", __name__)


@blueprint.get("/software/<int:component_id>")
def detail(component_id: int) -> str:
    return "component"


@blueprint.get("/software/<int:component_id>/badge.svg")
def badge(component_id: int) -> str:
    return "badge"
