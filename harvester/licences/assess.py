"""Every licence source of a repository, compared: the declaration, the texts, the manifests.

The report never settles on one answer. It keeps every source and turns each disagreement
into a finding (codes in :data:`FINDING_CODES`), with these notions of "the same licence":

* A licence *text* stands for every id that uses it: a GPL-3.0 text is the text of
  ``GPL-3.0-only``, ``GPL-3.0-or-later`` and the deprecated ``GPL-3.0`` and ``GPL-3.0+``
  (the choice of version is made in a notice, not in the licence file). Texts and the
  declaration are compared so (:func:`._identifiers.text_stem`).
* *Statements* (the declaration and manifest fields) are compared as sets of ids. Ids that
  differ only by a deprecated name (``GPL-3.0`` and ``GPL-3.0-only``) are not a conflict but
  are noted (``licence-ids-equivalent``, info): the SPDX list defines them as the same
  licence, yet a reader may not know it. ``GPL-3.0-only`` against ``GPL-3.0-or-later`` is a
  conflict (``manifest-disagrees``): one grants later versions, the other does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from harvester.publiccode.licences import approval, is_spdx_expression, licence_ids
from harvester.records import LicenceFinding, LicenceReport, LicenceStatus, ManifestLicence

from . import _findings
from ._expressions import exception_ids, licence_ids_as_written
from ._identifiers import current, is_exception, text_stem
from .manifests import manifest_licences
from .texts import TextIdentification, identify

__all__ = ["FINDING_CODES", "assess_licences"]

FINDING_CODES = _findings.CODES
"""Every finding code, in the order findings are reported."""

DECLARED_SOURCE = "publiccode.yml legal.license"
_INDEX = re.compile(r"\[\d+\]")
_REUSE_NAME = re.compile(r"^(?:.*/)?LICENSES/|\.[A-Za-z0-9]{1,8}$")
_FOUND = (LicenceStatus.IDENTIFIED, LicenceStatus.MODIFIED)


@dataclass(frozen=True, slots=True)
class _Statement:
    """One source's licence statement: where, what it says, and its ids."""

    source: str
    value: str
    ids: frozenset[str]

    @property
    def current_ids(self) -> frozenset[str]:
        return frozenset(map(current, self.ids))


def _same_text(first: str, second: str) -> bool:
    return text_stem(current(first)) == text_stem(current(second))


def _declared_terms(declared: str | None) -> tuple[str, ...]:
    """Licence and exception ids of a valid declaration (``+`` kept); () otherwise."""
    if declared is None or not is_spdx_expression(declared):
        return ()
    return licence_ids_as_written(declared) + exception_ids(declared)


def _declaration(declared: str | None) -> list[LicenceFinding]:
    if declared is None:
        return [_findings.no_declared_licence()]
    return [] if is_spdx_expression(declared) else [_findings.declared_invalid(declared)]


def _has_text(term: str, texts: list[TextIdentification]) -> bool:
    """A file holds the term's text, or REUSE's ``LICENSES/<term>.<ext>`` exists (a wrong
    text in it is reported as modified or unknown)."""
    named = {_REUSE_NAME.sub("", text.file.path) for text in texts if "LICENSES/" in text.file.path}
    return term in named or any(
        _same_text(term, text_id) for text in texts for text_id in text.text_ids
    )


def _without_text(terms: tuple[str, ...], texts: list[TextIdentification]) -> list[LicenceFinding]:
    """Declared licences (and exceptions) that no file gives the text of."""
    return [_findings.declared_without_text(t) for t in terms if not _has_text(t, texts)]


def _undeclared(
    declared: str, terms: tuple[str, ...], texts: list[TextIdentification]
) -> list[LicenceFinding]:
    """Files holding a licence text (a group of alternatives) that nothing declared names."""
    findings = []
    for text in texts:
        if text.file.status not in _FOUND:
            continue
        missing = [g for g in text.groups if not any(_same_text(i, t) for i in g for t in terms)]
        ids = tuple(dict.fromkeys(i for group in missing for i in group))
        if ids:
            findings.append(_findings.undeclared_text(text.file.path, ids, declared))
    return findings


def _text_findings(texts: list[TextIdentification], terms: tuple[str, ...]) -> list[LicenceFinding]:
    """Modified and unknown texts; a declared custom licence (``LicenseRef-``) is expected
    to be unknown."""
    findings = []
    for text in texts:
        file = text.file
        if file.status == LicenceStatus.MODIFIED:
            findings.append(_findings.modified_text(file.path, file.spdx_ids, file.note))
        elif file.status == LicenceStatus.UNKNOWN and not set(file.spdx_ids) & set(terms):
            findings.append(_findings.unknown_text(file.path, file.note))
    return findings


def _statements(declared: str | None, manifests: Iterable[ManifestLicence]) -> list[_Statement]:
    """The declaration and each manifest field (list items and classifiers joined) that
    says something in SPDX terms."""
    found: list[_Statement] = []
    if declared is not None and is_spdx_expression(declared):
        found.append(
            _Statement(DECLARED_SOURCE, declared, frozenset(licence_ids_as_written(declared)))
        )
    by_source: dict[str, list[ManifestLicence]] = {}
    for licence in manifests:
        if licence.spdx is not None:
            by_source.setdefault(f"{licence.path} {_INDEX.sub('', licence.field)}", []).append(
                licence
            )
    for source, entries in by_source.items():
        ids = frozenset(i for entry in entries for i in licence_ids_as_written(entry.spdx or ""))
        found.append(_Statement(source, " | ".join(entry.value for entry in entries), ids))
    return found


def _comparison(statements: list[_Statement]) -> list[LicenceFinding]:
    """``manifest-disagrees`` when the statements name different licences, else
    ``licence-ids-equivalent`` when they name the same ones differently."""
    if len(statements) < 2:
        return []
    listed = [f"{statement.source}: {statement.value}" for statement in statements]
    ids = tuple(sorted({i for statement in statements for i in statement.ids}))
    if len({statement.current_ids for statement in statements}) > 1:
        return [_findings.manifest_disagrees(listed, ids)]
    if len({statement.ids for statement in statements}) > 1:
        return [_findings.ids_equivalent(listed, ids)]
    return []


def _not_spdx(manifests: Iterable[ManifestLicence]) -> list[LicenceFinding]:
    """Manifest values that are no SPDX expression (classifiers are not meant to be)."""
    return [
        _findings.not_spdx(licence.path, licence.field, licence.value)
        for licence in manifests
        if licence.spdx is None and not licence.field.endswith("classifiers")
    ]


def _all_ids(
    declared: str | None, texts: list[TextIdentification], manifests: Iterable[ManifestLicence]
) -> list[str]:
    """Every licence id found in any source, without ``+`` and without exceptions."""
    ids: list[str] = (
        list(licence_ids(declared)) if declared and is_spdx_expression(declared) else []
    )
    ids += (i for text in texts for i in text.file.spdx_ids)
    ids += (i for m in manifests if m.spdx for i in licence_ids_as_written(m.spdx))
    bare = (i.removesuffix("+") for i in ids)
    return sorted({i for i in bare if not is_exception(i)})


def _openness(ids: list[str]) -> tuple[dict[str, bool], dict[str, bool], list[LicenceFinding]]:
    """OSI and FSF verdicts per id (False where the list has none), and ``not-open``."""
    osi, fsf, findings = {}, {}, []
    for licence_id in ids:
        verdict = approval(licence_id)
        osi[licence_id], fsf[licence_id] = bool(verdict.osi_approved), bool(verdict.fsf_libre)
        if not (osi[licence_id] or fsf[licence_id]):
            listed = verdict.osi_approved is not None or verdict.fsf_libre is not None
            findings.append(_findings.not_open(licence_id, listed))
    return osi, fsf, findings


def _ordered(findings: list[LicenceFinding]) -> tuple[LicenceFinding, ...]:
    order = {code: index for index, code in enumerate(FINDING_CODES)}
    return tuple(sorted(findings, key=lambda f: (order[f.code], f.path or "", f.licences)))


def assess_licences(
    declared: str | None, files: Mapping[str, bytes], manifests: Mapping[str, bytes]
) -> LicenceReport:
    """Identify every licence file, read every manifest, compare them with the declaration
    (publiccode ``legal.license``), and report every source with the findings."""
    texts = [identify(files[path], path) for path in sorted(files)]
    found = tuple(m for path in sorted(manifests) for m in manifest_licences(path, manifests[path]))
    terms = _declared_terms(declared)
    findings = _declaration(declared) + _text_findings(texts, terms)
    if not texts:
        findings.append(_findings.no_licence_file())
    elif terms and declared is not None:
        findings += _without_text(terms, texts) + _undeclared(declared, terms, texts)
    findings += _comparison(_statements(declared, found)) + _not_spdx(found)
    osi, fsf, closed = _openness(_all_ids(declared, texts, found))
    valid = None if declared is None else is_spdx_expression(declared)
    return LicenceReport(
        declared=declared,
        declared_valid=valid,
        declared_ids=licence_ids(declared) if valid and declared is not None else (),
        files=tuple(text.file for text in texts),
        manifests=found,
        osi_approved=osi,
        fsf_libre=fsf,
        findings=_ordered(findings + closed),
    )
