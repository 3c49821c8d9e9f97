"""Struct-validation helpers: grapheme counting as the reference counts (Unicode 15.0)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from harvester.publiccode._struct_rules import ENUMS, grapheme_length


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("Mängelmelder", 12),
        ("a\r\nb", 3),  # CR LF is one cluster
        ("e\u0301", 1),  # e + combining acute
        ("\U0001f1e9\U0001f1ea", 1),  # a flag: two regional indicators
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", 1),  # a ZWJ family
        ("\u0915\u094d\u0937", 2),  # an Indic conjunct: two clusters before Unicode 15.1
        ("\u0915\u094d\u0937" * 3, 6),
        ("नमस्ते", 4),
    ],
)
def test_counts_grapheme_clusters_as_unicode_15_0(text: str, length: int) -> None:
    assert grapheme_length(text) == length


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF)))
def test_the_latin_fast_path_agrees_with_full_segmentation(text: str) -> None:
    assert grapheme_length(text) == len(regex.findall(r"\X", text))


def test_enums_list_their_values_in_the_references_order() -> None:
    assert ENUMS["developmentStatus"] == ("concept", "development", "beta", "stable", "obsolete")
    assert ENUMS["type"] == ("internal", "contract", "community", "none")
    assert ENUMS["softwareType"][-1] == "configurationFiles"
