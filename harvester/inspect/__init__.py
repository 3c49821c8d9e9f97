"""Inspect a repository at its default branch's HEAD: the tree, the texts, the history.

Pure functions over what :mod:`harvester.git` reads (nothing here runs git or touches a disk)::

    inspection = classify(tree.entries, truncated=tree.truncated, commit=sha, branch=branch)
    inspection = with_texts(inspection, store.read_many(sha, files_to_read(tree.entries)))
    facts = history(store.commits(sha), store.tags(), as_of=now)

Modules: :mod:`.tree` (paths into categories, files to read), :mod:`.readme` (the README),
:mod:`.statements` (security contact, governance, copyright assignment, data standards in a
text), :mod:`.texts` (the inspection completed by them), :mod:`.history` (commits and tags).
"""

from __future__ import annotations

from .errors import InspectError, InvalidHistory
from .history import CommitLike, TagLike, history
from .readme import read_readme
from .statements import cla_assignment, declared_standards, governance_section, security_contact
from .texts import with_texts
from .tree import classify, files_to_read

__all__ = [
    "CommitLike",
    "InspectError",
    "InvalidHistory",
    "TagLike",
    "cla_assignment",
    "classify",
    "declared_standards",
    "files_to_read",
    "governance_section",
    "history",
    "read_readme",
    "security_contact",
    "with_texts",
]
