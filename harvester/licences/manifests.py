"""Licence fields of package manifests: package.json, composer.json, pyproject.toml,
setup.cfg, Cargo.toml and pom.xml (by file name, in any folder).

Every field is recorded as written, with its SPDX form when the value is a valid SPDX
expression (the reference validator's grammar, ids re-cased, deprecated ids kept). Licence
classifiers carry the id they name where they name exactly one. A manifest that cannot be
read (bad JSON, TOML or XML, over :data:`MAX_MANIFEST_BYTES`, an XML DOCTYPE) gives no
fields: the licence check must not fail on a broken file.
"""

from __future__ import annotations

import posixpath

from harvester.records import ManifestLicence

from ._classifiers import classifier_id
from ._expressions import normalised
from ._manifest_formats import MAX_MANIFEST_BYTES, READERS
from .errors import InvalidManifest

__all__ = ["MANIFEST_NAMES", "MAX_MANIFEST_BYTES", "MAX_VALUE", "manifest_licences"]

MANIFEST_NAMES = frozenset(READERS)
"""The file names :func:`manifest_licences` reads."""

MAX_VALUE = 300
"""Longer values (a whole licence text in ``license.text``) are cut, ending in "…"."""


def _licence(path: str, field: str, value: str) -> ManifestLicence:
    classifier = field.endswith("classifiers")
    spdx = classifier_id(value) if classifier else normalised(value)
    shown = value if len(value) <= MAX_VALUE else value[: MAX_VALUE - 1] + "…"
    return ManifestLicence(path=path, field=field, value=shown, spdx=spdx)


def manifest_licences(path: str, data: bytes) -> tuple[ManifestLicence, ...]:
    """The licence fields of one manifest, in file order; () for other or unreadable files."""
    reader = READERS.get(posixpath.basename(path))
    if reader is None:
        return ()
    try:
        fields = reader(path, data)
    except InvalidManifest:
        return ()
    return tuple(_licence(path, field, value) for field, value in fields)
