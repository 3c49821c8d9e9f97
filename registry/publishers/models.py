"""Publishers as the sources file lists them, with their member municipalities and code hosting."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, created, intpk, short

__all__ = ["CodeHosting", "Member", "Publisher"]


class Publisher(Base):
    """An organisation that publishes code; ``id`` is the sources file's identifier."""

    __tablename__ = "publisher"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[short]
    round: Mapped[int | None]
    category: Mapped[str | None]
    created_at: Mapped[created]
    members: Mapped[list[Member]] = relationship(
        back_populates="publisher", cascade="all, delete-orphan", order_by="Member.id"
    )
    code_hosting: Mapped[list[CodeHosting]] = relationship(
        back_populates="publisher", cascade="all, delete-orphan", order_by="CodeHosting.id"
    )


class Member(Base):
    """A municipality belonging to a publisher (AGS: Amtlicher Gemeindeschlüssel)."""

    __tablename__ = "member"

    id: Mapped[intpk]
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publisher.id", ondelete="CASCADE"))
    name: Mapped[str]
    ags: Mapped[str | None]
    publisher: Mapped[Publisher] = relationship(back_populates="members")


class CodeHosting(Base):
    """Where a publisher's code lives: an organisation or group, or a single repository."""

    __tablename__ = "code_hosting"

    id: Mapped[intpk]
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publisher.id", ondelete="CASCADE"))
    url: Mapped[str]
    group: Mapped[bool]
    driver: Mapped[short]
    publisher: Mapped[Publisher] = relationship(back_populates="code_hosting")
