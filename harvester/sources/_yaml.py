"""Reading a sources file into a small tree of YAML nodes that know their line and column.

The tree is built from libyaml's event stream (PyYAML's C parser when present), never by
PyYAML's recursive composer, so deep nesting cannot exhaust the stack. Anchors, aliases and
tags are refused outright: a sources file has no use for them, and refusing aliases makes
"billion laughs" documents impossible. Plain scalars are resolved with the YAML 1.2 core schema
(``yes`` and ``no`` stay strings, ``05122000`` is the number 5122000, which the AGS check then
refuses with a hint to quote it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import yaml

from .errors import InvalidSources, SourceError

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Mapping", "Node", "Scalar", "Sequence", "read"]

MAX_BYTES: Final = 5 * 1024 * 1024
"""Largest sources file read (5 MiB); all German municipalities would fit in a tenth of it."""

MAX_DEPTH: Final = 32
"""Deepest nesting accepted; a sources file nests 5 levels."""

MAX_NODES: Final = 1_000_000
"""Most YAML nodes accepted: a realistic 5 MiB file has half a million, the default file 1,500."""

_Loader: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG: Final = "tag:yaml.org,2002:str"
_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS: Final = {"true": True, "True": True, "TRUE": True}
_BOOLS.update({"false": False, "False": False, "FALSE": False})
_INT: Final = re.compile(r"[-+]?[0-9]+")
_OCT: Final = re.compile(r"0o[0-7]+")
_HEX: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT: Final = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)

ScalarValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar with its resolved value and 1-based position."""

    value: ScalarValue
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Sequence:
    """A YAML sequence (list) and the position of its start."""

    items: tuple[Node, ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Mapping:
    """A YAML mapping: (key, value) pairs in file order, keys as written (duplicates refused)."""

    items: tuple[tuple[Scalar, Node], ...]
    line: int
    column: int


Node = Scalar | Sequence | Mapping


class _Open:
    """A collection whose end event has not come yet."""

    def __init__(self, kind: type[Sequence] | type[Mapping], line: int, column: int) -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.children: list[Node] = []


class _Builder:
    """Turns an event stream into a tree, collecting refusals (anchors, tags, keys)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[SourceError] = []
        self.stack: list[_Open] = []
        self.roots: list[Node] = []
        self.nodes = 0

    def fail(self, line: int, column: int, message: str) -> None:
        self.errors.append(SourceError(self.name, line, column, message))

    def event(self, event: yaml.Event) -> None:
        line, column = _position(event)
        if isinstance(event, yaml.AliasEvent):
            self.fail(line, column, "YAML aliases (*name) are not allowed in a sources file")
            self.add(Scalar(None, line, column))
        elif isinstance(event, yaml.NodeEvent):
            if event.anchor is not None:
                self.fail(line, column, "YAML anchors (&name) are not allowed in a sources file")
            self.node(event, line, column)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.close()
        elif isinstance(event, yaml.DocumentStartEvent) and self.roots:
            raise _fatal(self.name, line, column, "a sources file holds one YAML document")

    def node(self, event: yaml.NodeEvent, line: int, column: int) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.add(Scalar(self.scalar(event, line, column), line, column))
        elif isinstance(event, yaml.CollectionStartEvent):
            self.open(event, line, column)

    def scalar(self, event: yaml.ScalarEvent, line: int, column: int) -> ScalarValue:
        if event.tag == _STR_TAG:
            return event.value
        if event.tag is not None:
            self.refuse_tag(event.tag, line, column)
        plain = bool(event.implicit[0]) and not event.style
        return _resolve_plain(event.value) if plain else event.value

    def refuse_tag(self, tag: str, line: int, column: int) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!", 1)
        self.fail(line, column, f"YAML tags ({shown}) are not allowed in a sources file")

    def open(self, event: yaml.CollectionStartEvent, line: int, column: int) -> None:
        if event.tag is not None:
            self.refuse_tag(event.tag, line, column)
        if len(self.stack) >= MAX_DEPTH:
            raise _fatal(self.name, line, column, f"nested deeper than {MAX_DEPTH} levels")
        kind = Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence
        self.stack.append(_Open(kind, line, column))

    def close(self) -> None:
        done = self.stack.pop()
        if done.kind is Sequence:
            self.add(Sequence(tuple(done.children), done.line, done.column))
        else:
            self.add(self.mapping(done))

    def mapping(self, done: _Open) -> Mapping:
        pairs: list[tuple[Scalar, Node]] = []
        seen: dict[object, Scalar] = {}
        for key, value in zip(done.children[::2], done.children[1::2], strict=True):
            if not isinstance(key, Scalar) or not isinstance(key.value, str):
                self.fail(key.line, key.column, "a key must be a name, not a number, list or null")
            elif key.value in seen:
                first = seen[key.value].line
                self.fail(
                    key.line, key.column, f"duplicate key {key.value!r} (first on line {first})"
                )
            else:
                seen[key.value] = key
                pairs.append((key, value))
        return Mapping(tuple(pairs), done.line, done.column)

    def add(self, node: Node) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _fatal(self.name, node.line, node.column, f"more than {MAX_NODES} YAML nodes")
        (self.stack[-1].children if self.stack else self.roots).append(node)


def read(data: bytes, name: str) -> Node | None:
    """The tree of the one YAML document in ``data``; ``None`` when the file holds no document.

    Raises :class:`InvalidSources` for a file too large, not UTF-8, not YAML, or using
    anchors, aliases or tags (all such places are reported together).
    """
    if len(data) > MAX_BYTES:
        raise _fatal(name, 1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    text = _decode(data, name)
    builder = _Builder(name)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.event(event)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, name) from None
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(text, error.position)
        raise _fatal(name, line, column, f"YAML: {error.reason}") from None
    if builder.errors:
        raise InvalidSources(tuple(builder.errors))
    return builder.roots[0] if builder.roots else None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _fatal(name, line, column, "the file is not UTF-8 text") from None


def _syntax_error(error: yaml.MarkedYAMLError, name: str) -> InvalidSources:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or error.context or "not valid YAML"
    return _fatal(name, line, column, f"YAML syntax error: {problem}")


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset into the UTF-8 encoding of ``text`` (libyaml's unit)."""
    before = text.encode("utf-8")[:offset].decode("utf-8", "replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _fatal(name: str, line: int, column: int, message: str) -> InvalidSources:
    return InvalidSources((SourceError(name, line, column, message),))


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _resolve_plain(text: str) -> ScalarValue:
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    try:
        if _INT.fullmatch(text) or _OCT.fullmatch(text) or _HEX.fullmatch(text):
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    except ValueError:  # more digits than Python converts: leave it text, the checks refuse it
        return text
    if _FLOAT.fullmatch(text):
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return text
