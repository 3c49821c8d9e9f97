"""One page of a result, in order: which component ids, from bitmaps of the matches.

A result is a sequence of groups (bitmaps), each sorted in the same order; search passes one
group, or, ranking by relevance, one group per field class (matches in the name first). The
order is cut into buckets whose postings are known: by maturity, each level, and within it
each year of the last change; by change, each year. Counting a group's members per bucket
(``&`` and ``bit_count``) skips every bucket before the page, so only the bucket (or two)
holding the page is read from the database: sorted there from the members' ids, or read in
the order's index within the bucket, keeping the members, whichever reads fewer rows. A page
deep in 100,000 matches costs about what the first page costs.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select

from . import _bitmaps
from ._backend import backend
from .models import CatalogueEntry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["ORDER_BY", "SORT_HERE", "UNKNOWN", "Order", "Sorting", "page_ids", "year_of"]

SORT_HERE = 3000
"""A bucket with more members than this is read in order, never sorted from a list of ids."""
UNKNOWN = -1  # the level or year (and the rank) of what is not known
_FIRST_BATCH = 200

_ENTRY = CatalogueEntry


class Order(enum.Enum):
    """Ties break by component id, the newest first, so pages are stable."""

    MATURITY = "maturity"  # highest level first, unknown last; then by change
    CHANGED = "changed"  # newest change first, unknown last


ORDER_BY = {
    Order.MATURITY: (
        _ENTRY.level_rank.desc(),
        _ENTRY.change_rank.desc(),
        _ENTRY.component_id.desc(),
    ),
    Order.CHANGED: (_ENTRY.change_rank.desc(), _ENTRY.component_id.desc()),
}
"""The orders' ORDER BY clauses; the entry table has an index for each."""


@dataclass(frozen=True, slots=True)
class Sorting:
    """What cuts the orders into buckets: postings by level rank and by year of the last
    change (every entry has one of each), and the number of entries. Without postings, a
    large group is read in the order's index from its start."""

    entries: int
    levels: Mapping[int, int] = field(default_factory=dict)
    years: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Bucket:
    """Entries of one level (``None``: any), changed within one year (``None``: any)."""

    level: int | None
    year: int | None
    size: int  # entries in the bucket

    def where(self) -> list[Any]:
        condition = [] if self.level is None else [_ENTRY.level_rank == self.level]
        if self.year is None:
            return condition
        since, until = _ranks(self.year)
        return [*condition, _ENTRY.change_rank >= since, _ENTRY.change_rank < until]


def year_of(moment: datetime.datetime | None) -> int:
    """The year bucket of a last change (:data:`UNKNOWN` when there is none)."""
    return UNKNOWN if moment is None else max(1970, moment.astimezone(datetime.UTC).year)


def page_ids(
    session: Session, groups: Iterable[int], order: Order, window: tuple[int, int], sorting: Sorting
) -> list[int]:
    """The ids of the page ``window`` (offset, limit) of ``groups`` in ``order``."""
    offset, limit = window
    found: list[int] = []
    for members, bucket in _buckets(groups, order, sorting):
        size = members.bit_count()
        if offset >= size:
            offset -= size
            continue
        part = (offset, limit - len(found))
        found += _in_bucket(session, (members, size), bucket, order, part)
        offset = 0
        if len(found) >= limit:
            break
    return found


def _buckets(
    groups: Iterable[int], order: Order, sorting: Sorting
) -> Iterator[tuple[int, _Bucket]]:
    """Each group's members per bucket, in order (lazily: a level is split only when used)."""
    years = sorted(sorting.years, reverse=True)  # UNKNOWN (-1) last
    for group in groups:
        if not sorting.levels or not sorting.years:
            yield group, _Bucket(None, None, sorting.entries)
            continue
        for members, level in _tiers(group, order, sorting):
            for year in years:
                if members:
                    entries = sorting.years[year]
                    if level is not None:
                        entries &= sorting.levels[level]
                    yield members & sorting.years[year], _Bucket(level, year, entries.bit_count())


def _tiers(group: int, order: Order, sorting: Sorting) -> list[tuple[int, int | None]]:
    if order is Order.CHANGED:
        return [(group, None)]
    return [
        (group & sorting.levels[level], level) for level in sorted(sorting.levels, reverse=True)
    ]


def _ranks(year: int) -> tuple[int, int]:
    """The change ranks (epoch seconds, -1 unknown) of a year bucket: [since, until)."""
    if year == UNKNOWN:
        return UNKNOWN, 0
    start = datetime.datetime(year, 1, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=datetime.UTC)
    return (0 if year == 1970 else int(start.timestamp())), int(end.timestamp())


def _in_bucket(
    session: Session, members: tuple[int, int], bucket: _Bucket, order: Order, part: tuple[int, int]
) -> list[int]:
    """The page's part in one bucket, by whichever way reads fewer rows."""
    bitmap, size = members
    offset, limit = part
    query = select(_ENTRY.component_id).where(*bucket.where()).order_by(*ORDER_BY[order])
    if size <= SORT_HERE and (offset + limit) * bucket.size > size * size:
        among = backend(session).among(_ENTRY.component_id, list(_bitmaps.ids(bitmap)))
        return list(session.connection().scalars(query.where(among).offset(offset).limit(limit)))
    expected = (offset + limit) * bucket.size // max(size, 1) * 5 // 4  # rows to read
    return _read_in_order(session, query, bitmap, part, max(_FIRST_BATCH, expected))


def _read_in_order(
    session: Session, query: Select[int], members: int, part: tuple[int, int], batch: int
) -> list[int]:
    """Read the query's ids in batches (doubling), keeping the members."""
    offset, limit = part
    wanted, position = offset + limit, 0
    found: list[int] = []
    data = _bitmaps.to_bytes(members)
    while len(found) < wanted:
        rows = session.connection().scalars(query.offset(position).limit(batch)).all()
        found += [i for i in rows if i >> 3 < len(data) and data[i >> 3] >> (i & 7) & 1]
        if len(rows) < batch:
            break
        position, batch = position + batch, batch * 2
    return found[offset:wanted]
