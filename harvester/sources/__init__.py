"""Sources: which publishers Kataster harvests and where their code lives.

The default sources file, :func:`default_sources_path`, lists the 73 Model Projects Smart
Cities (Modellprojekte Smart Cities) with their funding round, category, member
municipalities and the code hosting known so far. See :mod:`harvester.sources.loader` for the
file format.
"""

from __future__ import annotations

from ._yaml import MAX_BYTES
from .errors import InvalidSources, SourceError, SourcesError
from .loader import default_sources_path, load_default_sources, load_sources, load_sources_file

__all__ = [
    "MAX_BYTES",
    "InvalidSources",
    "SourceError",
    "SourcesError",
    "default_sources_path",
    "load_default_sources",
    "load_sources",
    "load_sources_file",
]
