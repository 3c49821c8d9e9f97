"""Licences: identify licence texts, read manifest licence fields, compare every source.

Public API::

    file = identify_text(data, "LICENSE")                 # LicenceFile: status, ids, coverage
    fields = manifest_licences("package.json", data)      # tuple[ManifestLicence, ...]
    report = assess_licences(declared, files, manifests)  # LicenceReport with findings

Texts are matched against the SPDX licence templates with spdx-matcher (texts.py), manifests
are read per format (manifests.py), and assess.py compares the declaration, the texts and the
manifests without ever choosing one of them.
"""

from __future__ import annotations

from .assess import FINDING_CODES, assess_licences
from .errors import InvalidManifest, LicencesError
from .manifests import MANIFEST_NAMES, MAX_MANIFEST_BYTES, manifest_licences
from .texts import MAX_TEXT_BYTES, identify_text

__all__ = [
    "FINDING_CODES",
    "MANIFEST_NAMES",
    "MAX_MANIFEST_BYTES",
    "MAX_TEXT_BYTES",
    "InvalidManifest",
    "LicencesError",
    "assess_licences",
    "identify_text",
    "manifest_licences",
]
