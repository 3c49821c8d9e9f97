"""Small server-side SVG bar charts: proportional bars, named and described, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import registry.components.charts
from registry.components.charts import Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def chart(bars: list[Bar], title: str = "Commits pro Monat", description: str = "d") -> ET.Element:
    return ET.fromstring(str(bar_chart(bars, chart_id="c", title=title, description=description)))


def heights(root: ET.Element) -> list[int]:
    return [int(rect.get("height") or 0) for rect in root.iter(f"{SVG}rect")]


def test_draws_one_bar_per_value_in_order() -> None:
    root = chart([Bar("2026-01", 1), Bar("2026-02", 4), Bar("2026-03", 2)])
    tips = [rect.findtext(f"{SVG}title") for rect in root.iter(f"{SVG}rect")]
    assert tips == ["2026-01: 1", "2026-02: 4", "2026-03: 2"]


def test_bars_are_proportional_and_the_highest_fills_the_plot() -> None:
    assert heights(chart([Bar("a", 2), Bar("b", 4), Bar("c", 1)])) == [40, 80, 20]


def test_a_month_without_commits_has_no_bar_height() -> None:
    assert heights(chart([Bar("a", 0), Bar("b", 3)])) == [0, 80]


def test_a_small_value_is_still_visible() -> None:
    assert heights(chart([Bar("a", 1), Bar("b", 1000)]))[0] >= 2


def test_only_zeros_draw_no_bars_and_do_not_divide_by_zero() -> None:
    assert heights(chart([Bar("a", 0), Bar("b", 0)])) == [0, 0]


def test_an_empty_chart_is_still_a_valid_image() -> None:
    assert chart([]).get("role") == "img"


def test_is_an_image_named_by_its_title_and_described() -> None:
    root = chart([Bar("2026-01", 1)], title="Commits", description="1 Commit")
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert (title.text, desc.text) == ("Commits", "1 Commit")


def test_labels_the_first_and_last_bar_and_the_scale() -> None:
    root = chart([Bar("2024-12", 3), Bar("2025-01", 0), Bar("2026-11", 7)])
    assert [t.text for t in root.iter(f"{SVG}text")] == ["7", "2024-12", "2026-11"]


def test_every_text_is_escaped() -> None:
    hostile = "<script>x</script>&"
    markup = str(bar_chart([Bar(hostile, 1)], chart_id="c", title=hostile, description=hostile))
    assert "<script>" not in markup
    root = ET.fromstring(markup)
    assert root.findtext(f"{SVG}title") == hostile
    assert root.findtext(f"{SVG}desc") == hostile


def test_uses_no_inline_style() -> None:
    assert "style" not in str(bar_chart([Bar("a", 1)], chart_id="c", title="t", description="d"))


@pytest.mark.parametrize("chart_id", ["", "1st", 'x" onload="y', "a b"])
def test_refuses_an_id_that_is_not_an_id(chart_id: str) -> None:
    with pytest.raises(ValueError):
        bar_chart([], chart_id=chart_id, title="t", description="d")


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.components.charts.__all__) == ["Bar", "bar_chart"]
