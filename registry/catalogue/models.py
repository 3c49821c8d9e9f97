"""The catalogue's search projection: one entry per component, its facet values and postings.

The projection is derived data, rebuilt from components and their published harvests
(:mod:`registry.catalogue.projection`); ingest keeps it current in the same transaction.

- :class:`CatalogueEntry`: what a search hit shows, the sort keys, and (in the full-text
  index beside it) the stemmed texts.
- :class:`CatalogueFacetValue`: each facet value once, integer-coded, with the number of
  entries that have it and its *postings*: the set of component ids that have it, stored as
  a bitmap or, when sparse, as a sorted id list (:mod:`registry.catalogue._bitmaps`). Sets
  make the disjunctive facet counts of any query a few thousand machine-word operations
  instead of a scan of rows. The row with :data:`ALL_ENTRIES` holds every entry; rows of the
  hidden facet ``year`` (of the last change) cut the sort orders into buckets. Postings may
  keep ids of entries deleted since (a merged component's entry goes with the component);
  search always intersects with every entry, which is exact, and the next refresh drops them.
- :class:`CatalogueFacet`: which entry has which facet value (several rows for multi-valued
  facets): the relational truth the postings are made from.
- :class:`CatalogueState`: one row whose ``version`` changes with every change to the
  projection (:mod:`registry.catalogue.state`).
- :class:`CatalogueTerm`: each indexed stem once per field, with its postings like a facet
  value's: single words are answered from them (:mod:`registry.catalogue._terms`), phrases by
  the full-text index.

The full-text index is not a model: on SQLite it is the FTS5 table ``catalogue_fts``, on
PostgreSQL a table ``catalogue_fts`` with a ``tsvector`` and a GIN index (both made by the
migration, maintained by :mod:`registry.catalogue._fulltext`).
"""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, short

__all__ = [
    "ALL_ENTRIES",
    "TERM_TYPE",
    "CatalogueEntry",
    "CatalogueFacet",
    "CatalogueFacetValue",
    "CatalogueState",
    "CatalogueTerm",
]

TERM_TYPE = Text().with_variant(Text(collation="C"), "postgresql")
"""Terms compare by code point on both databases (SQLite's default; "C" on PostgreSQL), so a
prefix is a range of the index: ``term >= 'park' AND term < 'park\U0010ffff'``."""

ALL_ENTRIES = ("*", "*")
"""The (facet, value) of the row whose postings are every entry of the catalogue."""


class CatalogueEntry(Base):
    """One component as the catalogue lists and sorts it (see :class:`search.Hit`)."""

    __tablename__ = "catalogue_entry"
    __table_args__ = (
        # read backwards: highest level first, unknown (-1) last, then the newest change
        Index("ix_catalogue_entry_maturity_order", "level_rank", "change_rank", "component_id"),
        Index("ix_catalogue_entry_change_order", "change_rank", "component_id"),
    )

    component_id: Mapped[int] = mapped_column(
        ForeignKey("component.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    name: Mapped[str]
    description_de: Mapped[str | None]
    description_en: Mapped[str | None]
    publisher_id: Mapped[str]
    publisher_name: Mapped[str]
    level: Mapped[int | None]
    archived: Mapped[bool]
    incomplete: Mapped[bool]
    status: Mapped[str | None]
    licences: Mapped[list[Any]]
    topics: Mapped[list[Any]]
    last_change: Mapped[datetime.datetime | None]
    logo_url: Mapped[str | None]
    level_rank: Mapped[int]  # the level, -1 when unknown
    change_rank: Mapped[int] = mapped_column(BigInteger)  # last_change in epoch seconds, or -1


class CatalogueFacetValue(Base):
    """A facet value, its number of entries and its postings bitmap."""

    __tablename__ = "catalogue_facet_value"
    __table_args__ = (UniqueConstraint("facet", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facet: Mapped[short]
    value: Mapped[str]
    count: Mapped[int] = mapped_column(default=0)
    postings: Mapped[bytes] = mapped_column(LargeBinary, default=b"")


class CatalogueFacet(Base):
    """An entry has a facet value."""

    __tablename__ = "catalogue_facet"
    __table_args__ = (
        Index("ix_catalogue_facet_value_id_component_id", "value_id", "component_id"),
    )

    component_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_entry.component_id", ondelete="CASCADE"), primary_key=True
    )
    value_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_facet_value.id", ondelete="CASCADE"), primary_key=True
    )


class CatalogueState(Base):
    """The projection's version: a new random value with every change, never reused."""

    __tablename__ = "catalogue_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # always 1
    version: Mapped[short]


class CatalogueTerm(Base):
    """A stem in one field ("*": any field), the number of entries that have it, and its
    postings (:mod:`registry.catalogue._bitmaps`; ids of entries gone since may linger, as
    in a facet value's)."""

    __tablename__ = "catalogue_term"
    __table_args__ = (UniqueConstraint("field", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    field: Mapped[short]
    term: Mapped[str] = mapped_column(TERM_TYPE)
    count: Mapped[int] = mapped_column(default=0)
    postings: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
