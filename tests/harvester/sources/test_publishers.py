"""Publishers: kinds, rounds, categories and members as records."""

from __future__ import annotations

from pathlib import Path

from harvester.records import Member
from harvester.sources import load_sources, load_sources_file

DATA = Path(__file__).parents[2] / "data" / "sources"


def test_every_kind_is_accepted() -> None:
    publishers = load_sources_file(DATA / "valid" / "kinds_all.yml")
    assert [p.kind for p in publishers] == [
        "model-project",
        "municipality",
        "county",
        "federal",
        "vendor",
        "other",
    ]


def test_round_is_kept_for_model_projects_only() -> None:
    publishers = load_sources_file(DATA / "valid" / "kinds_all.yml")
    assert [p.round for p in publishers] == [2020, None, None, None, None, None]


def test_optional_keys_default_to_nothing() -> None:
    (publisher,) = load_sources_file(DATA / "valid" / "minimal.yml")
    assert (publisher.round, publisher.category, publisher.members, publisher.code_hosting) == (
        None,
        None,
        (),
        (),
    )


def test_a_member_without_ags_has_none() -> None:
    publishers = load_sources_file(DATA / "valid" / "kinds_all.yml")
    assert publishers[2].members == (Member("Landkreis Hof", None),)


def test_members_keep_their_order_and_ags_as_text() -> None:
    data = (
        b"publishers:\n  - id: cut\n    name: CUT\n    kind: model-project\n    round: 2020\n"
        b'    members: [{name: Hamburg, ags: "02000000"}, {name: Leipzig, ags: "14713000"}]\n'
    )
    (publisher,) = load_sources(data)
    assert publisher.members == (Member("Hamburg", "02000000"), Member("Leipzig", "14713000"))


def test_an_empty_publishers_list_loads_no_publishers() -> None:
    assert load_sources_file(DATA / "valid" / "publishers_empty.yml") == ()


def test_a_file_with_byte_order_mark_and_crlf_loads() -> None:
    (publisher,) = load_sources_file(DATA / "valid" / "file_bom_crlf.yml")
    assert publisher.name == "UTF-8 with BOM, CRLF"
