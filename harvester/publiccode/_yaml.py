"""Reading publiccode.yml bytes into a YAML node tree with positions, as the reference does.

The reference validator (publiccode-parser-go) reads YAML with goccy/go-yaml, which follows
YAML 1.2: ``yes``/``no``/``on``/``off`` are strings, ``010`` is octal, ``1e3`` is a string.
We compose the document with libyaml (PyYAML's C parser, for speed); our resolver leaves plain
scalars untyped, and :mod:`._scalars` resolves them with those rules, so PyYAML's YAML 1.1
resolver never runs.

Stages 0 to 2 of the reference (UTF-8, syntax, number of documents) live here and end in
:class:`InvalidDocument`. Guards of our own keep untrusted files from hurting us: limits on
size, nesting and node count, checked before composing (libyaml's composer recurses in C and
crashes the interpreter at a few ten thousand levels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._scalars import PLAIN_TAG, STR_TAG, scalar_value
from .errors import InvalidDocument

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Document",
    "InvalidDocument",
    "load",
]

MAX_BYTES: Final = 1024 * 1024
"""Largest file we read (1 MiB): a real publiccode.yml is a few KB, the largest a few 100 KB."""

MAX_DEPTH: Final = 100
"""Deepest nesting we compose; publiccode.yml itself never nests more than 5 levels."""

MAX_NODES: Final = 50_000
"""Most YAML nodes (scalars, lists, mappings, aliases) we compose; a real file has hundreds."""


_SEQ_TAG: Final = "tag:yaml.org,2002:seq"
_MAP_TAG: Final = "tag:yaml.org,2002:map"


class UndefinedAlias(ValueError):
    """An alias names no anchor; the reference then decodes nothing at all."""

    def __init__(self, line: int) -> None:
        super().__init__("found undefined alias")
        self.line = line


@dataclass(frozen=True, slots=True)
class Document:
    """One composed YAML document: its source text, root node and whether an alias dangled."""

    text: str
    root: Node
    undefined_alias_line: int = 0


def _resolve(self: object, kind: type[Node], value: object, implicit: object) -> str:
    if kind is ScalarNode:
        plain = isinstance(implicit, tuple) and bool(implicit[0])
        return PLAIN_TAG if plain else STR_TAG
    return _SEQ_TAG if kind is SequenceNode else _MAP_TAG


class _Loader(yaml.CSafeLoader):
    """libyaml's composer with our resolver: untagged plain scalars keep ``PLAIN_TAG``."""

    resolve = _resolve


class _LenientComposer(yaml.SafeLoader):
    """The pure-Python composer, turning an alias without anchor into a null (rare path)."""

    resolve = _resolve

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event: yaml.AliasEvent = self.peek_event()  # type: ignore[no-untyped-call]
            if event.anchor not in self.anchors:
                self.get_event()  # type: ignore[no-untyped-call]
                mark: Any = event.start_mark
                self.undefined_alias_line = self.undefined_alias_line or mark.line + 1
                return ScalarNode(PLAIN_TAG, "", mark, mark)
        return super().compose_node(parent, index)

    undefined_alias_line = 0


def load(data: bytes) -> Document:
    """Decode and compose ``data`` as the one YAML document of a publiccode.yml.

    Raises :class:`InvalidDocument` with the reference's finding for stages 0 to 2.
    """
    if len(data) > MAX_BYTES:
        raise InvalidDocument(
            "", f"file is larger than {MAX_BYTES // 1024} KiB, the largest Kataster reads"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidDocument("", "Invalid UTF-8") from None
    try:
        _check_shape(text)
        return _compose_leniently(text)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        line = text.count("\n", 0, error.position) + 1
        raise InvalidDocument("", _reader_problem(error), line, 1) from None


def _compose_leniently(text: str) -> Document:
    try:
        return _compose(text, _Loader)
    except UndefinedAlias:
        # libyaml stopped at the alias; let it report any syntax error after it in its words.
        for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
            pass
        return _compose(text, _LenientComposer)


def _reader_problem(error: yaml.reader.ReaderError) -> str:
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    return f"unacceptable character #x{code:04x}: {error.reason}"


def _compose(text: str, loader_class: type[yaml.CSafeLoader | yaml.SafeLoader]) -> Document:
    # The reference keeps a UTF-8 byte order mark glued to the first key (2.2).
    bom = text.startswith("\ufeff")
    loader = loader_class(text)
    try:
        root = _first_document(loader)
        if loader.check_node():
            raise InvalidDocument("", "multiple YAML documents in one file are not supported")
    except yaml.composer.ComposerError as error:
        if error.problem == "found undefined alias" and error.problem_mark is not None:
            raise UndefinedAlias(error.problem_mark.line + 1) from None
        raise
    finally:
        loader.dispose()
    _check_duplicate_keys(root)
    if bom and isinstance(root, MappingNode) and root.value:
        _glue_bom(root)
    line = getattr(loader, "undefined_alias_line", 0)
    return Document(text=text, root=root, undefined_alias_line=line)


def _first_document(loader: yaml.CSafeLoader | yaml.SafeLoader) -> Node:
    root: Node | None = loader.get_node() if loader.check_node() else None
    if root is None or (isinstance(root, ScalarNode) and scalar_value(root) is None):
        raise InvalidDocument("publiccodeYmlVersion", "publiccodeYmlVersion is a required field")
    return root


def _check_duplicate_keys(root: Node) -> None:
    """goccy/go-yaml rejects a repeated key while parsing: report the first repetition."""
    first: tuple[int, int, str, Node] | None = None
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            repeat = _repeated_key(node)
            if repeat is not None and (first is None or repeat[:2] < first[:2]):
                first = repeat
            stack.extend(value for _, value in node.value)
        else:
            stack.extend(node.value)
    if first is not None:
        line, _, name, earlier = first
        where = f"[{earlier.start_mark.line + 1}:{earlier.start_mark.column + 1}]"
        raise InvalidDocument("", f'mapping key "{name}" already defined at {where}', line, 1)


def _repeated_key(node: MappingNode) -> tuple[int, int, str, Node] | None:
    keys: dict[str, Node] = {}
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
            continue
        earlier = keys.setdefault(key.value, key)
        if earlier is not key:
            return key.start_mark.line + 1, key.start_mark.column + 1, key.value, earlier
    return None


def _glue_bom(root: MappingNode) -> None:
    key, value = root.value[0]
    if isinstance(key, ScalarNode):
        glued = ScalarNode(key.tag, "\ufeff" + key.value, key.start_mark, key.end_mark, key.style)
        root.value[0] = (glued, value)


_GOCCY_MESSAGES: Final = {
    ("while scanning a quoted scalar", "found unexpected end of stream"):
        "could not find end character of {quote}-quoted text",
    ("while parsing a flow sequence", "did not find expected ',' or ']'"):
        "sequence end token ']' not found",
}  # fmt: skip
"""libyaml messages whose goccy/go-yaml wording we know, placed on the opening token."""

_GOCCY_PROBLEMS: Final = {
    "mapping values are not allowed in this context": "mapping value is not allowed in this context",
}


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> InvalidDocument:
    """One error at the offending token's line, column 1, in goccy's words where known."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "invalid YAML"
    template = _GOCCY_MESSAGES.get((error.context or "", problem))
    if template is not None and error.context_mark is not None:
        mark = error.context_mark
        quote = "double" if text[mark.index : mark.index + 1] == '"' else "single"
        problem = template.format(quote=quote)
    elif problem == "found character that cannot start any token" and mark is not None:
        # libyaml omits the character that goccy/go-yaml names (a tab, most often).
        character = text[mark.index : mark.index + 1] or " "
        problem = f"found character {_go_quote(character)} that cannot start any token"
    problem = _GOCCY_PROBLEMS.get(problem, problem)
    # libyaml may place an error at the end of the stream, past the last line.
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    line = min(mark.line + 1, max(last_line, 1)) if mark is not None else 0
    return InvalidDocument("", problem, line, 1 if line else 0)


def _go_quote(character: str) -> str:
    escapes = {"\t": "\\t", "\r": "\\r", "\n": "\\n", "'": "\\'"}
    return "'" + escapes.get(character, character) + "'"


_INDENT = re.compile(r"^[ \-?:]*", re.MULTILINE)


def _check_shape(text: str) -> None:
    """Refuse documents deeper than :data:`MAX_DEPTH` or larger than :data:`MAX_NODES`.

    libyaml's composer recurses in C (it crashes the interpreter at a few ten thousand
    levels) and builds a Python object per node. Cheap bounds on the text decide whether the
    exact count, one pass over libyaml's events, is needed: block nesting needs indentation
    or a compact ``- ``/``? `` per level, flow nesting a bracket; every node but the first
    needs a comma, colon, dash or line break before it.
    """
    brackets = text.count("[") + text.count("{")
    indent = max((len(m) for m in _INDENT.findall(text)), default=0)
    separators = sum(map(text.count, (",", ":", "-", "\n")))
    if 2 * indent + brackets + 2 <= MAX_DEPTH and separators < MAX_NODES:
        return
    depth = nodes = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        nodes += 1
        depth += isinstance(event, yaml.CollectionStartEvent)
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            limit = (
                f"nesting deeper than {MAX_DEPTH} levels"
                if depth > MAX_DEPTH
                else f"more than {MAX_NODES:,} YAML nodes"
            )
            line = event.start_mark.line + 1 if event.start_mark else 0
            raise InvalidDocument("", f"{limit} is not supported", line, 1)
