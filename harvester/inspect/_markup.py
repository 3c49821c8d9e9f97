"""Markdown, reStructuredText, AsciiDoc, Org and plain texts as headings and prose blocks.

Not a renderer: one pass over the lines that tells headings, code and prose apart, which is
enough for word counts, titles, first paragraphs and section names. Inline markup is reduced
to its words: images and badges vanish, links keep their text, URLs and HTML tags go.

Every pattern here is bounded (no nested quantifiers, limited repetitions, classes that stop
at the next delimiter), so a hostile text of :data:`MAX_TEXT_BYTES` is parsed in linear time.
"""

from __future__ import annotations

import enum
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "MAX_TEXT_BYTES",
    "Block",
    "BlockKind",
    "Document",
    "Heading",
    "Syntax",
    "clean_inline",
    "count_words",
    "decode",
    "parse",
    "syntax_of",
]

MAX_TEXT_BYTES = 512 * 1024
"""Texts are cut here before they are decoded: a README longer than this says nothing more."""

_HTML_HEADING_LINES = 20  # an HTML heading must close within this many lines
_MAX_HEADING = 200  # characters kept of a heading's text


class Syntax(enum.Enum):
    """Which markup rules apply; PLAIN applies Markdown's and reStructuredText's."""

    MARKDOWN = "markdown"
    RST = "rst"
    ASCIIDOC = "asciidoc"
    ORG = "org"
    PLAIN = "plain"


class BlockKind(enum.Enum):
    """What a block of prose lines is."""

    PARAGRAPH = "paragraph"
    LIST = "list"
    TABLE = "table"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: its 1-based line (the text's line, not the underline) and its words."""

    line: int
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive prose lines, with inline markup reduced to words."""

    line: int
    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """A text's headings and prose blocks in order; ``prose`` is all words outside code."""

    headings: tuple[Heading, ...]
    blocks: tuple[Block, ...]
    prose: str


_SUFFIXES = {
    ".md": Syntax.MARKDOWN,
    ".markdown": Syntax.MARKDOWN,
    ".mdown": Syntax.MARKDOWN,
    ".mkd": Syntax.MARKDOWN,
    ".rst": Syntax.RST,
    ".rest": Syntax.RST,
    ".adoc": Syntax.ASCIIDOC,
    ".asciidoc": Syntax.ASCIIDOC,
    ".asc": Syntax.ASCIIDOC,
    ".org": Syntax.ORG,
}


def syntax_of(path: str) -> Syntax:
    """The markup a file name announces (``README.de.md`` is Markdown)."""
    return _SUFFIXES.get(posixpath.splitext(path)[1].lower(), Syntax.PLAIN)


def decode(data: bytes) -> str:
    """At most :data:`MAX_TEXT_BYTES` as text: UTF-8 (bad bytes replaced), no NULs, ``\\n``."""
    text = data[:MAX_TEXT_BYTES].decode("utf-8", errors="replace")
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def parse(text: str, syntax: Syntax) -> Document:
    """The headings and prose blocks of a text (cut at :data:`MAX_TEXT_BYTES` characters)."""
    lines = _without_comments(text[:MAX_TEXT_BYTES]).split("\n")
    return _Parser(lines, syntax).run()


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def count_words(text: str) -> int:
    """Words that start with a letter (numbers and punctuation do not count)."""
    return sum(1 for _ in _WORD.finditer(text))


# --- inline markup -------------------------------------------------------------------------

_TITLE = r"""(?:\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?"""
_TARGET = r"(?:\([^()\s]{0,2000}" + _TITLE + r"\)|\[[^\[\]\n]{0,500}\])"
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]" + _TARGET)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]{0,2000}>", re.IGNORECASE)
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_RST_LINK = re.compile(r"`([^`<\n]{1,500})<[^<>`\s]{1,2000}>`_{1,2}")
_RST_ROLE = re.compile(r":[A-Za-z][\w+.-]{0,50}:`([^`\n]{1,500})`")
_RST_SUBSTITUTION = re.compile(r"\|[^|\s][^|\n]{0,200}\|_{0,2}")
_MARKUP_CHARACTERS = frozenset("[]<>`*_~|&:")
_EMPHASIS = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)")


def clean_inline(text: str, syntax: Syntax = Syntax.PLAIN) -> str:
    """A line's words: images, badges, URLs and tags removed, links reduced to their text."""
    if _MARKUP_CHARACTERS.isdisjoint(text) and "www." not in text.lower():
        return " ".join(text.split())  # plain words: the common case, quickly
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(" ", text)
    text = _TAG.sub(" ", text)
    if syntax in (Syntax.RST, Syntax.PLAIN):
        text = _RST_LINK.sub(r"\1", text)
        text = _RST_ROLE.sub(r"\1", text)
    if syntax is Syntax.RST:
        text = _RST_SUBSTITUTION.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(html.unescape(text).split())


def _without_comments(text: str) -> str:
    """HTML comments and tags that span lines replaced by their newlines (lines keep numbers)."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        stop = len(text) if end == -1 else end + 3
        parts += [text[position:start], "\n" * text.count("\n", start, stop)]
        position = stop
    parts.append(text[position:])
    return _TAG.sub(_newlines_of_long_tag, "".join(parts))


def _newlines_of_long_tag(found: re.Match[str]) -> str:
    tag = found.group()
    return "\n" * tag.count("\n") if "\n" in tag else tag


# --- line kinds ----------------------------------------------------------------------------

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_UNDERLINE_MD = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_UNDERLINE_RST = re.compile(r"([=\-~^\"'`#*+:._!])\1{2,}[ \t]*")
_PUNCTUATION_RUN = re.compile(r"[ \t]*([=\-~^\"'`#*+:._!])(?:[ \t]*\1){2,}[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\[\]\n]{1,500}\]:[ \t]*\S")
_HTML_HEADING = re.compile(r"<h([1-6])(?:\s[^<>]{0,500})?>", re.IGNORECASE)
_ADMONITIONS = frozenset(
    {"admonition", "attention", "caution", "danger", "error", "hint", "important", "note"}
    | {"tip", "warning"}
)
_RST_DIRECTIVE = re.compile(r"\.\.[ \t]+([\w-]{1,50})::")
_MARKERS = {Syntax.MARKDOWN: "#", Syntax.PLAIN: "#", Syntax.ASCIIDOC: "=", Syntax.ORG: "*"}


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_indented(line: str) -> bool:
    return line.startswith((" ", "\t"))


def _is_underline(line: str, syntax: Syntax) -> bool:
    if syntax in (Syntax.MARKDOWN, Syntax.PLAIN, Syntax.RST) and _UNDERLINE_MD.fullmatch(line):
        return True
    return syntax in (Syntax.RST, Syntax.PLAIN) and bool(_UNDERLINE_RST.fullmatch(line))


def _atx_heading(line: str, marker: str) -> tuple[int, str] | None:
    """``## Title ##`` (or AsciiDoc ``== Title``, Org ``** Title``) as level and raw text."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith(marker):
        return None
    level = len(stripped) - len(stripped.lstrip(marker))
    rest = stripped[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    text = rest.strip()
    closed = text.rstrip(marker)
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.strip()
    return level, text


def _closes(line: str, marker: str) -> bool:
    closing = _FENCE.match(line)
    if closing is None or closing.group(1)[0] != marker[0]:
        return False
    return len(closing.group(1)) >= len(marker) and _is_blank(line[closing.end() :])


def _block_kind(first: str) -> BlockKind:
    stripped = first.lstrip()
    if _LIST_ITEM.match(first):
        return BlockKind.LIST
    if stripped.startswith("|"):
        return BlockKind.TABLE
    return BlockKind.QUOTE if stripped.startswith(">") else BlockKind.PARAGRAPH


# --- the parser ----------------------------------------------------------------------------


class _Parser:
    """One pass over the lines; each ``_...`` step consumes lines or declines (returns 0)."""

    def __init__(self, lines: list[str], syntax: Syntax) -> None:
        self.lines = lines
        self.syntax = syntax
        self.headings: list[Heading] = []
        self.blocks: list[Block] = []
        self.prose: list[str] = []
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.literal_follows = False  # reStructuredText: a paragraph ended with ``::``

    def run(self) -> Document:
        steps: tuple[Callable[[int], int], ...] = (
            self._fence,
            self._literal,
            self._directive,
            self._atx,
            self._html_heading,
            self._underlined,
        )
        index = 0
        while index < len(self.lines):
            index += next((n for step in steps if (n := step(index))), 0) or self._text(index)
        self._flush()
        return Document(tuple(self.headings), tuple(self.blocks), "\n".join(self.prose))

    def _fence(self, index: int) -> int:
        """Markdown code fences: everything up to the closing fence (or the end) is code."""
        opening = None if self.syntax is Syntax.RST else _FENCE.match(self.lines[index])
        if opening is None:
            return 0
        self._flush()
        marker = opening.group(1)
        end = index + 1
        while end < len(self.lines) and not _closes(self.lines[end], marker):
            end += 1
        return min(end + 1, len(self.lines)) - index

    def _literal(self, index: int) -> int:
        """reStructuredText literal blocks: the indented lines after ``::`` are code."""
        if not self.literal_follows:
            return 0
        end = index
        while end < len(self.lines) and (
            _is_blank(self.lines[end]) or _is_indented(self.lines[end])
        ):
            end += 1
        self.literal_follows = False
        return end - index

    def _directive(self, index: int) -> int:
        """reStructuredText ``.. name::`` lines and comments; their bodies unless admonitions."""
        line = self.lines[index]
        if self.syntax not in (Syntax.RST, Syntax.PLAIN) or not line.startswith(".. "):
            return 0
        self._flush()
        directive = _RST_DIRECTIVE.match(line)
        if directive is not None and directive.group(1).lower() in _ADMONITIONS:
            return 1
        self.literal_follows = True
        return 1

    def _atx(self, index: int) -> int:
        marker = _MARKERS.get(self.syntax)
        found = None if marker is None else _atx_heading(self.lines[index], marker)
        if found is None:
            return 0
        self._heading(index, found[0], found[1])
        return 1

    def _html_heading(self, index: int) -> int:
        """``<h2>Title</h2>``, also over up to 20 lines (``<h1>`` around a logo and a name)."""
        line = self.lines[index]
        opening = _HTML_HEADING.search(line) if "<" in line else None
        if opening is None:
            return 0
        closing = f"</h{opening.group(1)}"
        parts = [line[opening.end() :]]
        for offset in range(min(_HTML_HEADING_LINES, len(self.lines) - index)):
            if offset:
                parts.append(self.lines[index + offset])
            position = parts[-1].lower().find(closing)
            if position != -1:
                parts[-1] = parts[-1][:position]
                self._heading(index, int(opening.group(1)), " ".join(parts))
                return offset + 1
        return 0

    def _underlined(self, index: int) -> int:
        """Setext (Markdown) and section titles (reStructuredText): a text line underlined."""
        line = self.lines[index]
        if index + 1 >= len(self.lines) or _is_blank(line) or _PUNCTUATION_RUN.fullmatch(line):
            return 0
        underline = self.lines[index + 1]
        overlined = index > 0 and self.lines[index - 1].strip() == underline.strip()
        if (_is_indented(line) and not overlined) or not _is_underline(underline, self.syntax):
            return 0
        level = 1 if underline.lstrip().startswith("=") else 2
        self._heading(index, level, line)
        return 2

    def _text(self, index: int) -> int:
        line = self.lines[index]
        if _is_blank(line) or _PUNCTUATION_RUN.fullmatch(line) or _LINK_DEFINITION.match(line):
            self._flush()
            return 1
        if not self.paragraph:
            self.paragraph_line = index + 1
        self.paragraph.append(line)
        if self.syntax is Syntax.RST and line.rstrip().endswith("::"):
            self._flush()
            self.literal_follows = True
        return 1

    def _heading(self, index: int, level: int, raw: str) -> None:
        self._flush()
        text = clean_inline(raw, self.syntax)[:_MAX_HEADING]
        self.headings.append(Heading(line=index + 1, level=level, text=text))
        self.prose.append(text)

    def _flush(self) -> None:
        if not self.paragraph:
            return
        kind = _block_kind(self.paragraph[0])
        raw = " ".join(line.strip().lstrip(">").strip() for line in self.paragraph)
        self.paragraph = []
        text = clean_inline(raw, self.syntax)
        if text:
            self.blocks.append(Block(line=self.paragraph_line, kind=kind, text=text))
            self.prose.append(text)
