"""The maturity badge: what it says in each case, in which language, and that it is a safe,
accessible SVG whose size follows its text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import registry.components.badge
from registry.components.badge import (
    BadgeTone,
    MaturityBadge,
    maturity_badge,
    render_badge,
    text_width,
)

SVG = "{http://www.w3.org/2000/svg}"


def parsed(badge: MaturityBadge) -> ET.Element:
    return ET.fromstring(render_badge(badge))


def texts(badge: MaturityBadge) -> list[str]:
    return [node.text or "" for node in parsed(badge).iter(f"{SVG}text")]


@pytest.mark.parametrize("level", [0, 1, 2, 3, 4, 5])
def test_says_the_level_in_german_by_default(level: int) -> None:
    assert texts(maturity_badge(level)) == ["Reifegrad", f"Stufe {level}"]


def test_says_the_level_in_english_when_asked() -> None:
    assert texts(maturity_badge(3, language="en")) == ["maturity", "level 3"]


def test_an_unknown_language_falls_back_to_german() -> None:
    assert texts(maturity_badge(1, language="fr")) == ["Reifegrad", "Stufe 1"]


def test_archived_wins_over_the_level() -> None:
    badge = maturity_badge(4, archived=True)
    assert texts(badge) == ["Reifegrad", "archiviert"]
    assert badge.tone is BadgeTone.ARCHIVED


def test_without_a_level_it_is_not_rated() -> None:
    assert texts(maturity_badge(None)) == ["Reifegrad", "nicht bewertet"]
    assert texts(maturity_badge(None, language="en")) == ["maturity", "not rated"]


def test_a_level_outside_the_model_is_not_rated_rather_than_guessed() -> None:
    assert texts(maturity_badge(9))[1] == "nicht bewertet"


def test_an_unknown_component_says_so() -> None:
    assert texts(maturity_badge(None, known=False))[1] == "unbekannte Software"


def test_the_title_names_the_level_and_its_name() -> None:
    root = parsed(maturity_badge(2, level_name="Dokumentiert"))
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Nachnutzungs-Reifegrad: Stufe 2 · Dokumentiert"
    assert root.get("aria-label") == root.findtext(f"{SVG}title")


def test_every_text_is_escaped() -> None:
    hostile = '<script>alert("x")</script>&'
    badge = MaturityBadge(hostile, hostile, BadgeTone.LEVEL_1, hostile)
    document = render_badge(badge)
    assert "<script>" not in document
    root = ET.fromstring(document)
    assert [node.text for node in root.iter(f"{SVG}text")] == [hostile, hostile]
    assert root.findtext(f"{SVG}title") == hostile


def test_the_width_follows_the_text() -> None:
    short = int(parsed(maturity_badge(1)).get("width") or 0)
    long = int(parsed(maturity_badge(None)).get("width") or 0)
    assert long > short
    assert text_width("nicht bewertet") > text_width("Stufe 1")


def test_the_message_fits_its_box() -> None:
    root = parsed(maturity_badge(None, known=False))
    rects = root.findall(f"{SVG}rect")
    assert int(rects[1].get("width") or 0) >= text_width("unbekannte Software") + 2 * 6


def test_narrow_and_wide_letters_are_measured_differently() -> None:
    assert text_width("iiii") < text_width("xxxx") < text_width("MMMM")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("tone", list(BadgeTone))
def test_white_text_has_enough_contrast_on_every_tone(tone: BadgeTone) -> None:
    root = parsed(MaturityBadge("a", "b", tone, "c"))
    colour = root.findall(f"{SVG}rect")[1].get("fill") or ""
    contrast = 1.05 / (_luminance(colour) + 0.05)
    assert contrast >= 4.5, (tone, colour, contrast)


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.components.badge.__all__) == [
        "BadgeTone",
        "MaturityBadge",
        "maturity_badge",
        "render_badge",
        "text_width",
    ]
