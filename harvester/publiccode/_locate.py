"""Where a finding sits: the reference's placement rules (publiccode-standard.md 2.4, 2.10)."""

from __future__ import annotations

from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._paths import Language, Path, Segment, dotted
from ._scalars import is_implicit_null, key_text

__all__ = ["Position", "first_token", "line_keys", "locate"]

Position = tuple[int, int]
_UNPLACED: Position = (0, 0)


def locate(root: Node, text: str, path: Path) -> Position:
    """The 1-based line and column of ``path`` by walking the tree from the top (2.10)."""
    node, key = root, None
    for index, segment in enumerate(path):
        last = index == len(path) - 1
        if isinstance(segment, int):
            if not isinstance(node, SequenceNode) or segment >= len(node.value):
                return _start(key) if key is not None else first_token(node, text)
            node, key = node.value[segment], None
        elif not isinstance(node, MappingNode):
            return first_token(node, text)
        else:
            pair = _find(node, segment)
            if pair is None:
                return _missing_in(node) if last else _UNPLACED
            key, node = pair
            if last:
                return _start(key)
            continue
        if last:
            return first_token(node, text)
    return first_token(node, text)


def _find(node: MappingNode, segment: Segment) -> tuple[Node, Node] | None:
    name = segment.tag if isinstance(segment, Language) else segment
    for key, value in node.value:
        if key_text(key) == name:
            return key, value
    return None


def _missing_in(node: MappingNode) -> Position:
    """A missing key of a block mapping sits on its first key; of a flow mapping, on ``{``."""
    if node.flow_style or not node.value:
        return _start(node)
    return _start(node.value[0][0])


def _start(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def first_token(node: Node, text: str) -> Position:
    """A node's first token; an implicit null sits one column after its ``:`` or ``-``."""
    line, column = _start(node)
    if is_implicit_null(node) and not text[node.start_mark.index :].strip():
        column += 1  # goccy places a null that ends the file one column further
    return line, column


def line_keys(root: Node) -> dict[int, str]:
    """For each line, the dotted path of the first key or list item starting on it (2.4)."""
    keys: dict[int, str] = {}
    _walk(root, (), keys, set())
    return keys


def _walk(node: Node, path: Path, keys: dict[int, str], seen: set[int]) -> None:
    """Keys and list items depth first in document order; a shared node is entered once.

    Recursion is bounded: :func:`harvester.publiccode._yaml.load` refuses deep nesting.
    """
    if isinstance(node, ScalarNode) or id(node) in seen:
        return
    seen.add(id(node))
    for child_path, token, child in _children(node, path):
        keys.setdefault(token.start_mark.line + 1, dotted(child_path))
        _walk(child, child_path, keys, seen)


def _children(node: Node, path: Path) -> Iterator[tuple[Path, Node, Node]]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield (*path, key_text(key)), key, value
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield (*path, index), item, item
