"""The change journal's entries; the integer primary key is the registry's global serial."""

from __future__ import annotations

import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, intpk, short, utcnow

__all__ = ["JournalEntry"]


class JournalEntry(Base):
    """One change, like PyPI's journal: serials only grow and are never reused."""

    __tablename__ = "journal_entry"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 - SQLAlchemy's own shape

    id: Mapped[intpk]  # the serial
    submitted_at: Mapped[datetime.datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[short]
    component_id: Mapped[int | None] = mapped_column(
        ForeignKey("component.id", ondelete="SET NULL"), index=True
    )
    publisher_id: Mapped[str | None] = mapped_column(
        ForeignKey("publisher.id", ondelete="SET NULL"), index=True
    )
    details: Mapped[str | None]
