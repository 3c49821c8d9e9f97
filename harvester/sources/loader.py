"""Loading a sources file: the publishers whose code Kataster harvests, and where it lives.

A sources file is YAML::

    publishers:
      - id: mpsc-solingen                 # [a-z0-9][a-z0-9-]*, unique in the file
        name: Klingenstadt Solingen
        kind: model-project               # model-project | municipality | county | federal
                                          # | vendor | other
        round: 2019                       # model projects only, and required for them
        category: Großstadt               # optional
        members: [{name: Solingen, ags: "05122000"}]   # AGS: 8 digits, quoted
        codeHosting:
          - url: https://github.com/Klingenstadt-Solingen   # an organisation or group
          - url: git://example.org/stadt/app.git             # one repository
            group: false                                     # default: by the URL
            driver: git                                      # default: by the host

Every problem is reported, each as ``FILE:LINE:COL: message``, in one :class:`InvalidSources`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ._fields import Collector
from ._publishers import publishers
from ._yaml import MAX_BYTES, read
from .errors import InvalidSources

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ..records import Publisher

__all__ = ["default_sources_path", "load_default_sources", "load_sources", "load_sources_file"]


def load_sources(data: bytes, *, name: str = "<sources>") -> tuple[Publisher, ...]:
    """The publishers of the sources file ``data``; ``name`` is the file name in messages.

    Raises :class:`InvalidSources` listing every problem found.
    """
    errors = Collector(name)
    found = publishers(read(data, name), errors)
    if errors.errors:
        raise InvalidSources(tuple(errors.errors))
    return found


def load_sources_file(path: str | Path | Traversable) -> tuple[Publisher, ...]:
    """The publishers of the sources file at ``path``.

    Raises :class:`InvalidSources`, or :class:`OSError` when the file cannot be read.
    """
    source = Path(path) if isinstance(path, str) else path
    with source.open("rb") as file:
        data = file.read(MAX_BYTES + 1)  # one byte more than allowed: read() refuses the file
    return load_sources(data, name=str(path))


def default_sources_path() -> Traversable:
    """The sources file shipped with Kataster: the 73 Model Projects Smart Cities."""
    return resources.files("harvester.sources") / "mpsc.yml"


def load_default_sources() -> tuple[Publisher, ...]:
    """The publishers of :func:`default_sources_path`."""
    return load_sources_file(default_sources_path())
