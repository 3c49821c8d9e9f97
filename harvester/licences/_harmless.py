"""Lines of a licence file that are neither licence text nor an addition to it.

The SPDX matching guidelines set copyright notices and a licence's title aside (B.9, B.11);
files add more that changes nothing: author lines, SPDX and REUSE tags, a link to the licence,
"All rights reserved", a one-line "this project is licensed under ..." preamble. These lines
count neither for nor against a text's coverage. The list is short on purpose: every other
line that no template explains is reported as added text.
"""

from __future__ import annotations

import re

__all__ = ["MAX_HARMLESS", "harmless_lines"]

TITLE_LINES = 5
"""A title is only looked for among the first non-empty lines."""

MAX_TITLE_WORDS = 10
MAX_NAME_WORDS = 6
MAX_PREAMBLE_WORDS = 30

MAX_HARMLESS = 500
"""Harmless lines set aside per file; any beyond count as text (each costs a normalisation)."""

_LINE = re.compile(
    r"^[ \t]*(?:(?P<notice>"
    # copyright, author and SPDX/REUSE lines
    r"(?:portions[ \t]+)?(?:\d{4}(?:[ \t]*[-\u2013,][ \t]*\d{4})*[ \t]+)?"
    r"(?:copyright\b|\(c\)|©|copr\.|urheberrecht\b|"
    r"spdx-(?:filecopyrighttext|license-identifier|filecontributor)\s*:|"
    r"(?:authors?|autor(?:in|en)?|maintainers?|contributors?|mitwirkende)\s*:).*"
    r"|(?:all rights reserved|alle rechte vorbehalten)\.?"
    # the line that closes the terms when the optional appendix after it is left out
    r"|end of terms and conditions\.?"
    # a link to the licence
    r"|<?https?://\S*(?:licen[cs]|opensource\.org|spdx\.org|gnu\.org|apache\.org|"
    r"mozilla\.org|creativecommons\.org|eupl|joinup\.ec\.europa\.eu|choosealicense)\S*>?"
    r")|(?P<preamble>"
    # "This project is licensed under ...", "Dieses Projekt steht unter der ... Lizenz"
    r"(?:this|the)[ \t]+(?:\S+[ \t]+){0,3}(?:is[ \t]+|are[ \t]+)?(?:licen[cs]ed|released|"
    r"distributed|published|made[ \t]+available)[ \t]+under\b.*"
    r"|(?:dieses|diese|dieser|das|die|der)[ \t]+(?:\S+[ \t]+){0,3}(?:ist|steht|wird|werden)"
    r"[ \t]+(?:\S+[ \t]+){0,3}unter\b.*\b(?:lizenz|licen[cs]e).*"
    r"))[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ADDRESS = re.compile(r"\d{4,5}|@|\b(?:street|str\.|straße|strasse|floor|suite|place)\b", re.I)
MAX_ADDRESS_WORDS = 12
_TITLE = re.compile(r"\b(?:licen[cs]e|lizenz|copying|unlicense)\b", re.IGNORECASE)


def _titles(text: str) -> list[str]:
    """Short headings among the first lines: one naming a licence (``MIT License``,
    ``Lizenz``), or a project's name right above its copyright notice."""
    lines = [line.strip() for line in text[:4000].split("\n") if line.strip()][:TITLE_LINES]
    titles = [
        line for line in lines if len(line.split()) <= MAX_TITLE_WORDS and _TITLE.search(line)
    ]
    if len(lines) > 1 and lines[0] not in titles and _is_project_name(lines[0], lines[1]):
        titles.insert(0, lines[0])
    return titles


def _is_project_name(line: str, following: str) -> bool:
    notice = _LINE.match(following)
    return (
        len(re.findall(r"\w+", line)) <= MAX_NAME_WORDS
        and not line.endswith((".", ":", ";", ","))
        and notice is not None
        and notice.group("notice") is not None
    )


def _line(found: re.Match[str]) -> str | None:
    """The harmless line matched; a preamble is a sentence, not a paragraph."""
    preamble = found.group("preamble")
    if preamble is not None and len(preamble.split()) > MAX_PREAMBLE_WORDS:
        return None
    return (found.group("notice") or preamble).strip()


def _continuation(found: re.Match[str], text: str) -> str | None:
    """The line right after a notice when it continues it: a postal or e-mail address
    (``51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA``)."""
    if found.group("notice") is None or found.end() >= len(text):
        return None
    end = text.find("\n", found.end() + 1)
    line = text[found.end() + 1 : end if end >= 0 else len(text)].strip()
    if line and len(line.split()) <= MAX_ADDRESS_WORDS and _ADDRESS.search(line):
        return line
    return None


def harmless_lines(text: str) -> list[str]:
    """The harmless lines of a prepared text (lines joined by newlines), stripped, in order:
    titles first, then the others; at most :data:`MAX_HARMLESS`."""
    found: list[str] = []
    for match in _LINE.finditer(text):
        found.extend(line for line in (_line(match), _continuation(match, text)) if line)
        if len(found) >= MAX_HARMLESS:
            break
    titles = [title for title in _titles(text) if title not in found]
    return (titles + found)[:MAX_HARMLESS]
