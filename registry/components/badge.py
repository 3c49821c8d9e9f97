"""The maturity badge: a small SVG ("Reifegrad | Stufe 2") to embed in READMEs and web pages.

The badge's language is part of its URL, not of the visitor's session, so that an embedded
badge never changes with whoever looks at it: German by default, English with ``?lang=en``.
Its texts are therefore a fixed two-language table here, like the model's own level names.
Every text is XML-escaped; widths follow the text (an estimate of Verdana at 11 px, the face
badges are usually drawn in), so long level names never overflow. The colour only repeats
what the text says.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from markupsafe import escape

__all__ = ["BadgeTone", "MaturityBadge", "maturity_badge", "render_badge", "text_width"]

_HEIGHT: Final = 20
_PADDING: Final = 6
_DEFAULT_WIDTH: Final = 7.0
_NARROW: Final = dict.fromkeys("fijlrtI.,:;!|'`() ", 3.9)
_WIDE: Final = dict.fromkeys("mwMWÄÖÜ@%", 10.0)
_CAPITALS: Final = 7.6

_TEXTS: Final = {
    "de": {
        "label": "Reifegrad",
        "level": "Stufe {level}",
        "archived": "archiviert",
        "unrated": "nicht bewertet",
        "unknown": "unbekannte Software",
        "title": "Nachnutzungs-Reifegrad: {message}",
    },
    "en": {
        "label": "maturity",
        "level": "level {level}",
        "archived": "archived",
        "unrated": "not rated",
        "unknown": "unknown software",
        "title": "Maturity for reuse: {message}",
    },
}


class BadgeTone(enum.StrEnum):
    """The badge's colour family: one per level, and greys for the special cases."""

    LEVEL_0 = "level-0"
    LEVEL_1 = "level-1"
    LEVEL_2 = "level-2"
    LEVEL_3 = "level-3"
    LEVEL_4 = "level-4"
    LEVEL_5 = "level-5"
    ARCHIVED = "archived"
    UNRATED = "unrated"


# Dark enough for white text (contrast >= 4.5:1 against #fff).
_COLOURS: Final = {
    BadgeTone.LEVEL_0: "#8a4b00",
    BadgeTone.LEVEL_1: "#6b5a00",
    BadgeTone.LEVEL_2: "#2f6a00",
    BadgeTone.LEVEL_3: "#1b6b3a",
    BadgeTone.LEVEL_4: "#0b5e73",
    BadgeTone.LEVEL_5: "#1f4fa3",
    BadgeTone.ARCHIVED: "#595959",
    BadgeTone.UNRATED: "#595959",
}
_LABEL_COLOUR: Final = "#3d3d3d"


@dataclass(frozen=True, slots=True)
class MaturityBadge:
    """What a maturity badge says: its two texts, its tone and its accessible title."""

    label: str
    message: str
    tone: BadgeTone
    title: str


def maturity_badge(
    level: int | None,
    *,
    archived: bool = False,
    known: bool = True,
    level_name: str | None = None,
    language: str = "de",
) -> MaturityBadge:
    """The badge of a component at ``level`` (``None``: not rated); ``known=False`` for an id
    no component has. ``level_name`` ("Dokumentiert") only goes into the title."""
    texts = _TEXTS["en" if language == "en" else "de"]
    if not known:
        message, tone = texts["unknown"], BadgeTone.UNRATED
    elif archived:
        message, tone = texts["archived"], BadgeTone.ARCHIVED
    elif level is None or not 0 <= level <= 5:
        message, tone = texts["unrated"], BadgeTone.UNRATED
    else:
        message, tone = texts["level"].format(level=level), BadgeTone(f"level-{level}")
    described = (
        f"{message} · {level_name}" if level_name and tone.value.startswith("level") else message
    )
    return MaturityBadge(texts["label"], message, tone, texts["title"].format(message=described))


def text_width(text: str) -> int:
    """The estimated width in pixels of ``text`` in Verdana 11 px."""
    total = 0.0
    for character in text:
        if character in _NARROW:
            total += _NARROW[character]
        elif character in _WIDE:
            total += _WIDE[character]
        elif character.isupper():
            total += _CAPITALS
        else:
            total += _DEFAULT_WIDTH
    return round(total)


def render_badge(badge: MaturityBadge) -> str:
    """The badge as a standalone SVG document (``role="img"`` with a ``<title>``)."""
    left = text_width(badge.label) + 2 * _PADDING
    right = text_width(badge.message) + 2 * _PADDING
    width = left + right
    label, message, title = escape(badge.label), escape(badge.message), escape(badge.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{_HEIGHT}" '
        f'viewBox="0 0 {width} {_HEIGHT}" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<rect width="{left}" height="{_HEIGHT}" fill="{_LABEL_COLOUR}"/>'
        f'<rect x="{left}" width="{right}" height="{_HEIGHT}" fill="{_COLOURS[badge.tone]}"/>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" '
        'font-size="11">'
        f'<text x="{left / 2:g}" y="14">{label}</text>'
        f'<text x="{left + right / 2:g}" y="14">{message}</text>'
        "</g></svg>"
    )
