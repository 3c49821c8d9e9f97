"""Everything a maturity check may look at, bundled for one repository at one commit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..records import ForgeRepository, History, Inspection, LicenceReport, PubliccodeReport

__all__ = ["Facts"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """The inputs of a rating. ``None`` means "not known" (not harvested, not on this forge).

    ``document`` is the decoded publiccode.yml (keys as in the file: ``developmentStatus``,
    ``maintenance``, ``legal``, ``dependsOn``, ``usedBy``, ``url``, ``roadmap`` ...), present
    whenever the file decoded, even if it has errors. ``today`` is the day windows end on.
    """

    clonable: bool
    today: datetime.date
    commit: str | None = None
    inspection: Inspection | None = None
    history: History | None = None
    publiccode: PubliccodeReport | None = None
    document: dict[str, Any] | None = None
    licences: LicenceReport | None = None
    forge: ForgeRepository | None = None
    publisher_id: str | None = None
