"""``/healthz`` tells the platform that the web process answers."""

from __future__ import annotations

from importlib.metadata import version

from registry.app import create_app


def test_healthz_answers_with_the_running_version() -> None:
    client = create_app({"TESTING": True}).test_client()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "version": version("kataster")}


def test_healthz_answers_only_get() -> None:
    client = create_app({"TESTING": True}).test_client()
    assert client.post("/healthz").status_code == 405
