"""Disjunctive facet counts: each facet counted over the matches of every *other* filter.

The sets are bitmaps (:mod:`._bitmaps`), and a value's count is the size of its postings'
intersection with its facet's set: the same cost whatever the number of matches.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Mapping

from ._bitmaps import Within
from ._postings import Index, Value

__all__ = ["ALL", "TALLIED", "by_postings", "within"]

TALLIED = frozenset({"publisher"})
"""Facets of one value per entry with many sparse values (hundreds of publishers), whose
counts are tallied over the matches rather than intersected value by value."""

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


def by_postings(values: Iterable[Value], index: Index, sets: Mapping[str, int]) -> dict[int, int]:
    """Each value's count within its facet's set, from its postings; a facet of
    :data:`TALLIED` by tallying its values over the set's members."""
    prepared: dict[int, Within] = {}  # by the set's identity: facets often share one
    tallies: dict[str, dict[int, int]] = {}
    counts: dict[int, int] = {}
    for value in values:
        members = sets[value.facet]
        within = prepared.setdefault(id(members), Within(members))
        if value.facet in TALLIED:
            if value.facet not in tallies:
                tallies[value.facet] = _tally(index, value.facet, within)
            counts[value.id] = tallies[value.facet].get(value.id, 0)
        else:
            counts[value.id] = within.count(index.stored[value.id])
    return counts


def _tally(index: Index, facet: str, within: Within) -> dict[int, int]:
    """The counts of a one-value-per-entry facet's values: each member's value, counted (in
    C: one pass over the members, instead of one lookup per posting of every value)."""
    value_ids, codes = index.codes(facet)
    counted = collections.Counter(itertools.compress(codes, within.flags()))
    return {value_ids[code - 1]: count for code, count in counted.items() if code}
