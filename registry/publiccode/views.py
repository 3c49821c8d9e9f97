"""PLACEHOLDER (being written): check a publiccode.yml."""

from __future__ import annotations

from flask import Blueprint

__all__ = ["blueprint"]

blueprint = Blueprint("publiccode", __name__)


@blueprint.route("/pruefen", methods=["GET", "POST"])
def check() -> str:
    return "check"
