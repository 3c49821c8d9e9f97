"""The inspection completed by what the repository's own texts say.

::

    inspection = with_texts(classify(entries, ...), store.read_many(sha, files_to_read(entries)))

From the files that were read (a path missing from ``files`` was not read: too large, or past
the limit):

- ``readme``: the root README a forge shows (README.md before README.rst, ...).
- ``security_contact`` / ``governance_section``: the first of the README and the CONTRIBUTING
  files whose text has such a section or names a channel (its path).
- ``cla_assignment``: ``True`` when a CLA or CONTRIBUTING file demands a transfer of rights;
  else ``False`` when one only grants a licence or is a DCO; else ``None`` when a CLA file
  exists (read or not) or CONTRIBUTING speaks of an agreement without saying which kind; else
  ``False``: nothing asks contributors to sign anything.
- ``standards_declared``: the data standards the README names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from ..records import Inspection
from . import _paths
from ._markup import decode
from .readme import read_readme
from .statements import (
    cla_assignment,
    contributing_section,
    declared_standards,
    governance_section,
    mentions_cla,
    security_contact,
)

__all__ = ["with_texts"]


def with_texts(inspection: Inspection, files: Mapping[str, bytes]) -> Inspection:
    """``inspection`` with the facts its README, CONTRIBUTING and CLA texts give."""
    readme_path = min(filter(_paths.is_readme, files), key=_paths.readme_rank, default=None)
    needed = {readme_path, *inspection.contributing_files, *inspection.cla_files}
    texts = {path: decode(data) for path, data in files.items() if path in needed}
    sections = [readme_path] if readme_path is not None else []
    sections += [path for path in inspection.contributing_files if path in texts]
    return dataclasses.replace(
        inspection,
        readme=None if readme_path is None else read_readme(readme_path, files[readme_path]),
        security_contact=_first_saying(sections, texts, security_contact),
        governance_section=_first_saying(sections, texts, governance_section),
        contributing_section=_first_saying(sections[:1], texts, contributing_section),
        cla_assignment=_cla_assignment(inspection, texts),
        standards_declared=declared_standards(texts[readme_path]) if readme_path else (),
    )


def _first_saying(
    paths: list[str], texts: Mapping[str, str], statement: Callable[[str], bool]
) -> str | None:
    return next((path for path in paths if statement(texts[path])), None)


def _cla_assignment(inspection: Inspection, texts: Mapping[str, str]) -> bool | None:
    agreements = [path for path in inspection.cla_files if path in texts]
    contributing = [path for path in inspection.contributing_files if path in texts]
    answers = {cla_assignment(texts[path]) for path in agreements + contributing}
    if True in answers or False in answers:
        return True in answers
    if inspection.cla_files or any(mentions_cla(texts[path]) for path in contributing):
        return None
    return False
