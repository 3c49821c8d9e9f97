"""publiccode.yml: parse and validate as the reference validator does, plus the Smart City profile.

Public API::

    result = validate(data, base_dir=folder, profile=load_profile("smart-city"))
    for finding in result.findings: ...
"""

from __future__ import annotations

from ._yaml import MAX_BYTES, MAX_DEPTH, MAX_NODES
from .errors import PubliccodeError
from .files import FileSource, FileStat
from .findings import Finding, FindingType
from .network import NetworkPolicy
from .profile import InvalidProfile, Profile, load_profile
from .validator import ValidationResult, validate

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "FileSource",
    "FileStat",
    "Finding",
    "FindingType",
    "InvalidProfile",
    "NetworkPolicy",
    "Profile",
    "PubliccodeError",
    "ValidationResult",
    "load_profile",
    "validate",
]
