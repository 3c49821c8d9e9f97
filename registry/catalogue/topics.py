"""The catalogue's topics (Themen), read from ``schemas/topics.yml``.

A topic is a municipal field of action (Mobilität & Verkehr) or a technical kind of solution
(Geoportal). A component has the topics whose publiccode.yml ``intendedAudience.scope`` values
or categories its publiccode.yml names. The file's shape is checked by
``schemas/topics.schema.json`` when it is read.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

__all__ = [
    "InvalidTopics",
    "Topic",
    "load_topics",
    "topics_for_scopes",
    "unmapped_scopes",
]


class InvalidTopics(ValueError):
    """``schemas/topics.yml`` does not have the shape its schema describes."""


@dataclass(frozen=True, slots=True)
class Topic:
    id: str  # ASCII, stable: the value of ``?thema=`` in search URLs
    label_de: str
    label_en: str
    description_de: str
    description_en: str
    scopes: tuple[str, ...]  # publiccode.yml intendedAudience.scope values
    categories: tuple[str, ...] = ()  # publiccode.yml categories (technical kinds)


def load_topics() -> tuple[Topic, ...]:
    """Every topic, in the file's order (the order the search page shows them)."""
    return _loaded()[0]


def unmapped_scopes() -> Mapping[str, str]:
    """The scopes deliberately without a topic, each with the reason."""
    return _loaded()[1]


def topics_for_scopes(scopes: Iterable[str], categories: Iterable[str] = ()) -> tuple[str, ...]:
    """The ids of the topics that ``scopes`` (or ``categories``) name, in the file's order."""
    scope_set, category_set = frozenset(scopes), frozenset(categories)
    return tuple(
        topic.id
        for topic in load_topics()
        if scope_set.intersection(topic.scopes) or category_set.intersection(topic.categories)
    )


@functools.cache
def _loaded() -> tuple[tuple[Topic, ...], Mapping[str, str]]:
    folder = resources.files("schemas")
    data = yaml.safe_load(folder.joinpath("topics.yml").read_text("utf-8"))
    schema = json.loads(folder.joinpath("topics.schema.json").read_text("utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: e.json_path)
    if errors:
        raise InvalidTopics(f"schemas/topics.yml: {errors[0].json_path}: {errors[0].message}")
    topics = tuple(_topic(entry) for entry in data["topics"])
    ids = [topic.id for topic in topics]
    if len(set(ids)) != len(ids):
        raise InvalidTopics("schemas/topics.yml: a topic id is given twice")
    return topics, dict(data["unmapped"])


def _topic(entry: dict[str, Any]) -> Topic:
    return Topic(
        id=entry["id"],
        label_de=entry["label"]["de"],
        label_en=entry["label"]["en"],
        description_de=entry["description"]["de"],
        description_en=entry["description"]["en"],
        scopes=tuple(entry.get("scopes", ())),
        categories=tuple(entry.get("categories", ())),
    )
