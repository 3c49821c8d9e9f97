"""Disjunctive facet counts: each facet counted over the matches of every *other* filter.

The sets are bitmaps (:mod:`._bitmaps`), and a value's count is the size of its postings'
intersection with its facet's set: the same cost whatever the number of matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ._bitmaps import Stored, Within
from ._postings import Value

__all__ = ["ALL", "by_postings", "within"]

ALL = ""
"""The key of :func:`within`'s result that holds the matches of all filters."""


def within(
    filters: Mapping[str, Iterable[str]],
    values: Iterable[Value],
    bitmaps: Mapping[int, int],
    base: int,
    facets: Iterable[str],
) -> dict[str, int]:
    """Per facet, the ``base`` matches under every other facet's filters; under :data:`ALL`,
    under all filters. ``bitmaps`` must hold the postings of the selected values; a selected
    value nobody has matches nobody."""
    chosen = dict.fromkeys(filters, 0)
    for value in values:
        if value.value in filters.get(value.facet, ()):
            chosen[value.facet] |= bitmaps[value.id]
    everything = base
    for bitmap in chosen.values():
        everything &= bitmap
    sets = dict.fromkeys(facets, everything) | {ALL: everything}
    for facet in chosen:
        sets[facet] = base
        for other, bitmap in chosen.items():
            if other != facet:
                sets[facet] &= bitmap
    return sets


def by_postings(
    values: Iterable[Value], stored: Mapping[int, Stored], sets: Mapping[str, int]
) -> dict[int, int]:
    """Each value's count within its facet's set, from its postings."""
    prepared: dict[int, Within] = {}  # by the set's identity: facets often share one
    counts: dict[int, int] = {}
    for value in values:
        members = sets[value.facet]
        within = prepared.setdefault(id(members), Within(members))
        counts[value.id] = within.count(stored[value.id])
    return counts
