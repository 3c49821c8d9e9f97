"""The catalogue's topics: schemas/topics.yml, its shape, and scopes mapped to topics."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from registry.catalogue import topics
from registry.catalogue.topics import Topic, load_topics, topics_for_scopes, unmapped_scopes


def vocabulary(name: str) -> list[str]:
    text = resources.files("schemas").joinpath("vocab", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_exports_exactly_the_public_api() -> None:
    assert sorted(topics.__all__) == [
        "InvalidTopics",
        "Topic",
        "load_topics",
        "topics_for_scopes",
        "unmapped_scopes",
    ]


def test_topics_follow_the_mpsc_proposal_in_order() -> None:
    ids = [topic.id for topic in load_topics()]
    assert ids[:3] == ["mobilitaet", "energie", "umwelt"]
    assert {"verwaltung", "beteiligung", "sicherheit", "geoportal"} <= set(ids)


def test_every_topic_has_labels_and_descriptions_in_german_and_english() -> None:
    for topic in load_topics():
        assert topic.label_de and topic.label_en and topic.description_de and topic.description_en
        assert topic.id.isascii() and topic.id == topic.id.lower()


def test_topic_ids_are_unique() -> None:
    ids = [topic.id for topic in load_topics()]
    assert len(ids) == len(set(ids))


def test_every_scope_is_mapped_to_exactly_one_topic_or_deliberately_unmapped() -> None:
    mapped = [scope for topic in load_topics() for scope in topic.scopes]
    assert len(mapped) == len(set(mapped)), "a scope is mapped to two topics"
    assert set(mapped).isdisjoint(unmapped_scopes())
    assert sorted([*mapped, *unmapped_scopes()]) == sorted(vocabulary("scopes.txt"))


def test_every_unmapped_scope_says_why() -> None:
    assert all(reason.strip() for reason in unmapped_scopes().values())


def test_mapped_categories_are_publiccode_categories() -> None:
    categories = {category for topic in load_topics() for category in topic.categories}
    assert categories and categories <= set(vocabulary("categories.txt"))


def test_a_scope_gives_its_topic() -> None:
    assert topics_for_scopes(["transportation"]) == ("mobilitaet",)


def test_scopes_give_their_topics_in_the_files_order_once_each() -> None:
    found = topics_for_scopes(["welfare", "transportation", "healthcare"])
    assert found == ("mobilitaet", "gesundheit")


def test_a_category_gives_a_technical_topic() -> None:
    assert topics_for_scopes([], ["geographic-information-systems"]) == ("geoportal",)


def test_unmapped_and_unknown_scopes_give_no_topic() -> None:
    assert topics_for_scopes(["defence", "no-such-scope", ""]) == ()


def test_topics_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        load_topics()[0].id = "other"  # type: ignore[misc]
    assert isinstance(load_topics()[0], Topic)
