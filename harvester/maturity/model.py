"""The maturity model as data: levels, checks and thresholds of one published version.

The model lives in ``schemas/maturity/model-<version>.yml``. Loading checks it in two stages:
its shape against ``schemas/maturity/model.schema.json``, then what a schema cannot say (ids
unique and in level order, each check implemented under the same name, each threshold a
check's template names present and no other). Every problem is an :class:`InvalidModel`
naming the place in the file.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from ._registry import Check
from .checks import CHECKS
from .errors import InvalidModel

__all__ = ["Change", "CheckSpec", "Level", "MaturityModel", "Text", "load_model", "parse_model"]

_FILE_NAME = re.compile(r"model-(\d+\.\d+)\.yml")
_MAX_ERRORS = 10


@dataclass(frozen=True, slots=True)
class Text:
    """A text in German and English."""

    de: str
    en: str


@dataclass(frozen=True, slots=True)
class Level:
    """A named level; ``grace_days`` is applied by the registry before a demotion."""

    number: int
    name: Text
    description: Text
    grace_days: int = 0


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One check of the model: what it asks, where its data comes from, its thresholds."""

    id: str
    name: str
    level: int
    sources: tuple[str, ...]
    required: bool
    params: Mapping[str, Any]  # read-only; lists are tuples
    question: Text
    advice: Text


@dataclass(frozen=True, slots=True)
class Change:
    """One changelog entry: what a model version changed."""

    version: str
    date: datetime.date
    changes: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class MaturityModel:
    """One published version of the maturity model."""

    version: str
    published: datetime.date
    changelog: tuple[Change, ...]
    levels: tuple[Level, ...]
    checks: tuple[CheckSpec, ...]
    licence_cap: tuple[str, ...]  # checks whose failure caps the level at 0

    def check(self, check_id: str) -> CheckSpec:
        """The check with this id; KeyError when the model has none."""
        for spec in self.checks:
            if spec.id == check_id:
                return spec
        raise KeyError(check_id)


@functools.cache
def load_model(version: str = "1.0") -> MaturityModel:
    """Read a shipped model version; :class:`InvalidModel` if unknown or malformed."""
    folder = resources.files("schemas").joinpath("maturity")
    known = sorted(filter(None, (_version_of(entry.name) for entry in folder.iterdir())))
    if version not in known:
        raise InvalidModel(f"unknown maturity model version {version!r}; known: {', '.join(known)}")
    text = folder.joinpath(f"model-{version}.yml").read_text("utf-8")
    model = parse_model(text)
    if model.version != version:
        raise InvalidModel(f"the file of version {version} says {model.version}", "version")
    return model


def parse_model(text: str, checks: Mapping[str, Check] = CHECKS) -> MaturityModel:
    """Build a model from its YAML text, checked against the schema and ``checks``."""
    data = _load_yaml(text)
    _check_shape(data)
    model = _build(data)
    _check_levels(model)
    _check_ids(model)
    _check_implemented(model, checks)
    return model


def _version_of(filename: str) -> str:
    match = _FILE_NAME.fullmatch(filename)
    return match.group(1) if match else ""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice in one mapping (YAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)  # resolve merge keys (<<) first, as the base class does
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # the base class reports it
            if key in seen:
                line = key_node.start_mark.line + 1
                raise InvalidModel(f"key {key!r} given twice", f"line {line}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InvalidModel(f"not valid YAML: {error.problem}", where) from None
    except yaml.YAMLError as error:
        raise InvalidModel(f"not valid YAML: {error}") from None


@functools.cache
def _validator() -> Draft202012Validator:
    schema = resources.files("schemas").joinpath("maturity", "model.schema.json")
    return Draft202012Validator(json.loads(schema.read_text("utf-8")))


def _check_shape(data: Any) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path))
    if not errors:
        return
    shown = [(_place(error.absolute_path, data), error.message) for error in errors[:_MAX_ERRORS]]
    more = "".join(f"; {place}: {message}" for place, message in shown[1:])
    raise InvalidModel(shown[0][1] + more, shown[0][0])


def _place(path: Any, data: Any) -> str:
    """``checks[3] (L1.2).params``: a readable location, with the check's id when known."""
    place, node = "", data
    for part in path:
        if isinstance(part, int):
            place += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                place += f" ({node['id']})"
        else:
            place += f".{part}" if place else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return place or "(file)"


def _build(data: dict[str, Any]) -> MaturityModel:
    return MaturityModel(
        version=data["version"],
        published=_date(data["published"], "published"),
        changelog=tuple(_change(entry, index) for index, entry in enumerate(data["changelog"])),
        levels=tuple(_level(entry) for entry in data["levels"]),
        checks=tuple(_spec(entry) for entry in data["checks"]),
        licence_cap=tuple(data["licence_cap"]),
    )


def _date(text: str, where: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidModel(f"{text!r} is not a calendar date", where) from None


def _text(data: Mapping[str, str]) -> Text:
    return Text(de=data["de"], en=data["en"])


def _change(data: dict[str, Any], index: int) -> Change:
    return Change(
        version=data["version"],
        date=_date(data["date"], f"changelog[{index}].date"),
        changes=tuple(_text(change) for change in data["changes"]),
    )


def _level(data: dict[str, Any]) -> Level:
    return Level(
        number=data["level"],
        name=_text(data["name"]),
        description=_text(data["description"]),
        grace_days=data.get("grace_days", 0),
    )


def _spec(data: dict[str, Any]) -> CheckSpec:
    return CheckSpec(
        id=data["id"],
        name=data["name"],
        level=data["level"],
        sources=tuple(data["sources"]),
        required=data["required"],
        params=MappingProxyType(
            {
                key: tuple(value) if isinstance(value, list) else value
                for key, value in data["params"].items()
            }
        ),
        question=_text(data["question"]),
        advice=_text(data["advice"]),
    )


def _check_levels(model: MaturityModel) -> None:
    numbers = [level.number for level in model.levels]
    if numbers != list(range(len(numbers))):
        raise InvalidModel(f"levels must be numbered 0, 1, 2 ... in order, not {numbers}", "levels")
    if not any(change.version == model.version for change in model.changelog):
        raise InvalidModel(f"no changelog entry for version {model.version}", "changelog")


def _check_ids(model: MaturityModel) -> None:
    seen: set[str] = set()
    previous = (0, 0)
    for index, spec in enumerate(model.checks):
        where = f"checks[{index}] ({spec.id})"
        level, number = (int(part) for part in spec.id[1:].split("."))
        if spec.id in seen:
            raise InvalidModel(f"check id {spec.id} given twice", where)
        if level != spec.level or level >= len(model.levels):
            raise InvalidModel(f"id {spec.id} does not fit level {spec.level}", where)
        if (level, number) < previous:
            raise InvalidModel(f"check {spec.id} is out of order (ids ascend by level)", where)
        seen.add(spec.id)
        previous = (level, number)
    unknown = [check_id for check_id in model.licence_cap if check_id not in seen]
    if unknown:
        raise InvalidModel(f"names checks the model lacks: {', '.join(unknown)}", "licence_cap")


def _check_implemented(model: MaturityModel, checks: Mapping[str, Check]) -> None:
    for index, spec in enumerate(model.checks):
        where = f"checks[{index}] ({spec.id})"
        implementation = checks.get(spec.id)
        if implementation is None:
            raise InvalidModel(f"check {spec.id} has no implementation", where)
        if implementation.name != spec.name:
            raise InvalidModel(
                f"name {spec.name!r} differs from the implementation's {implementation.name!r}",
                where,
            )
        _check_params(spec, implementation, where)


def _check_params(spec: CheckSpec, implementation: Check, where: str) -> None:
    missing = sorted(implementation.params - spec.params.keys())
    unused = sorted(spec.params.keys() - implementation.params)
    if missing:
        raise InvalidModel(f"thresholds missing: {', '.join(missing)}", f"{where}.params")
    if unused:
        raise InvalidModel(f"thresholds no check uses: {', '.join(unused)}", f"{where}.params")
