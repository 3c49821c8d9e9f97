"""Single words answered from postings per stem; phrases left to the full-text index.

The full-text index (FTS5, ``tsvector``) costs about half a microsecond per matching entry and
query: a common word in 100,000 entries took 10 to 30 ms, and ranking by field asks up to four
times. So each stem is also kept like a facet value (:class:`.models.CatalogueTerm`): per
field ("*": any field; and each short field, which ranking asks about), the set of entries
that have it, as a bitmap. A word is then one indexed read of one row per stem (a prefix: of
the rows in its range), whatever the number of matches. What postings cannot answer goes to
the full-text index, restricted to what the words left: phrases of three words or more, and a
prefix so short that it spans more than :data:`MAX_PREFIX_TERMS` stems. A phrase of two words
is a *pair*: two stems that follow each other in one field's stream (no separator between
them, as the index's phrase matching needs), kept under the field's :func:`pair_field`.

Both answer the same: the stems are the index's own (:func:`entry_terms` takes the streams
the index is written from), and the tests compare them on both databases. Postings are kept
current by the projection in the same transaction (:func:`apply`, with the terms an entry had
read back from the full-text index), and locked in id order like the facet values'.
"""

from __future__ import annotations

import array
import itertools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import and_, insert, or_, select, update

from . import _bitmaps
from ._backend import backend
from ._bitmaps import encode_sorted
from ._keyed import CHUNK, keyed_ids
from ._textquery import FIELDS, SEPARATOR, SHORT, SHORT_FIELDS, Phrase, TextQuery, Word
from .models import CatalogueTerm

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

__all__ = [
    "ANY_FIELD",
    "MAX_PREFIX_TERMS",
    "Collected",
    "TermSets",
    "apply",
    "entry_terms",
    "matching",
    "pair_field",
]

ANY_FIELD = "*"
"""Terms are kept for any field, and for each short field (which ranking asks about)."""
MAX_PREFIX_TERMS = 1000
"""A prefix spanning more stems than this is left to the full-text index."""
_LAST = "\U0010ffff"  # sorts after every character: the end of a prefix's range

TermSets = Mapping[str, frozenset[str]]
"""An entry's stems per term field."""

_TERM = CatalogueTerm


def entry_terms(streams: Sequence[Sequence[str]]) -> dict[str, frozenset[str]]:
    """An entry's stems and pairs per term field, from its index streams (in the order of
    ``FIELDS``)."""
    stems = {name: _stems(stream) for name, stream in zip(FIELDS, streams, strict=False)}
    pairs = {name: _pairs(stream) for name, stream in zip(FIELDS, streams, strict=False)}
    terms = {
        ANY_FIELD: frozenset().union(*stems.values()),
        pair_field(ANY_FIELD): frozenset().union(*pairs.values()),
    }
    for name in SHORT_FIELDS:
        terms[name] = stems.get(name, frozenset())
        terms[pair_field(name)] = pairs.get(name, frozenset())
    return terms


def pair_field(field: str) -> str:
    """Where the pairs of ``field`` are kept (apart from its stems, so no prefix of a stem
    ever spans a pair)."""
    return f"{field}/2"


def _stems(stream: Sequence[str]) -> frozenset[str]:
    return frozenset(term for term in stream if term != SEPARATOR)


def _pairs(stream: Sequence[str]) -> frozenset[str]:
    return frozenset(
        f"{first} {second}"
        for first, second in itertools.pairwise(stream)
        if SEPARATOR not in (first, second)
    )


# --- reading -------------------------------------------------------------------------------


def matching(session: Session, query: TextQuery, within: int, field: str | None = None) -> int:
    """The components of ``within`` that match ``query`` (in ``field`` only, if given;
    :data:`._textquery.SHORT`: in any short field), as :meth:`Backend.matching` answers."""
    fields = _fields(field)
    found, left = within, []
    for term in query.terms:
        bitmap = (
            _word(session, term, fields) if isinstance(term, Word) else _pair(session, term, fields)
        )
        if bitmap is None:
            left.append(term)
        else:
            found &= bitmap
        if not found:
            return 0
    if left:
        found = backend(session).matching(session, TextQuery(tuple(left)), found, field)
    return found


def _fields(field: str | None) -> tuple[str, ...]:
    if field is None:
        return (ANY_FIELD,)
    return SHORT_FIELDS if field == SHORT else (field,)


def _pair(session: Session, phrase: Phrase, fields: tuple[str, ...]) -> int | None:
    """The entries having a phrase of two words in one of ``fields``; ``None`` for longer
    phrases."""
    if len(phrase.words) != 2:
        return None
    first, second = phrase.words
    pair = f"{first.german} {second.german}"
    paired = tuple(pair_field(field) for field in fields)
    query = select(_TERM.postings).where(_TERM.field.in_(paired), _TERM.term == pair)
    bitmap = 0
    for data in session.connection().scalars(query):
        bitmap |= _bitmaps.decode(data)
    return bitmap


def _word(session: Session, word: Word, fields: tuple[str, ...]) -> int | None:
    """The entries having one of the word's stems (as a prefix, when it is one) in one of
    ``fields``; ``None`` when the prefix spans too many stems."""
    stems = list(dict.fromkeys(word.stems))
    if word.prefix:
        spans = [and_(_TERM.term >= stem, _TERM.term < stem + _LAST) for stem in stems]
        wanted: ColumnElement[bool] = or_(*spans)
    else:
        wanted = _TERM.term.in_(stems)
    query = select(_TERM.postings).where(_TERM.field.in_(fields), wanted, _TERM.count > 0)
    rows = session.connection().scalars(query.limit(MAX_PREFIX_TERMS + 1)).all()
    if len(rows) > MAX_PREFIX_TERMS:
        return None
    bitmap = 0
    for data in rows:
        bitmap |= _bitmaps.decode(data)
    return bitmap


# --- writing -------------------------------------------------------------------------------


def apply(
    session: Session,
    refreshed: Sequence[int],
    had: Mapping[int, TermSets],
    has: Mapping[int, TermSets],
) -> None:
    """Take the ``refreshed`` components out of the postings of the terms they ``had``, and
    put them into those of the terms they now ``has`` (both: component id -> its terms)."""
    added: dict[tuple[str, str], list[int]] = {}
    for component_id, terms in has.items():
        for field, stems in terms.items():
            for stem in stems:
                added.setdefault((field, stem), []).append(component_id)
    touched = {(f, s) for terms in had.values() for f, stems in terms.items() for s in stems}
    ids = _term_ids(session, touched | added.keys())
    bits = {ids[pair]: _bitmaps.from_ids(members) for pair, members in added.items()}
    keep = ~_bitmaps.from_ids(refreshed)
    ordered = sorted(ids.values())  # locked in id order, as every writer does
    for start in range(0, len(ordered), CHUNK):
        _update(session, ordered[start : start + CHUNK], keep, bits)


class Collected:
    """Terms of a projection built afresh (the table empty): gathered over every batch and
    written once at the end, where :func:`apply` would rewrite a common term's postings in
    every batch."""

    def __init__(self) -> None:
        self._members: dict[tuple[str, str], array.array[int]] = {}

    def add(self, has: Mapping[int, TermSets]) -> None:
        """Gather these components' terms (in ascending component id, batch after batch)."""
        for component_id in sorted(has):
            for field, stems in has[component_id].items():
                for stem in stems:
                    found = self._members.get((field, stem))
                    if found is None:
                        found = self._members[(field, stem)] = array.array("I")
                    found.append(component_id)

    def write(self, session: Session) -> None:
        """Insert every gathered term with its postings."""
        rows = [
            {"field": field, "term": term, "count": len(ids), "postings": encode_sorted(ids)}
            for (field, term), ids in self._members.items()
        ]
        for start in range(0, len(rows), 4 * CHUNK):
            session.execute(insert(_TERM), rows[start : start + 4 * CHUNK])
        self._members.clear()


def _update(session: Session, chunk: list[int], keep: int, bits: Mapping[int, int]) -> None:
    rows = session.execute(
        select(_TERM.id, _TERM.postings)
        .where(_TERM.id.in_(chunk))
        .order_by(_TERM.id)
        .with_for_update()
    )
    updates = []
    for term_id, data in rows:
        bitmap = _bitmaps.decode(data) & keep | bits.get(term_id, 0)
        count = bitmap.bit_count()
        updates.append({"id": term_id, "count": count, "postings": _bitmaps.encode(bitmap)})
    if updates:
        session.execute(update(_TERM), updates)


def _term_ids(session: Session, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of these (field, term) rows; missing ones are made."""
    return keyed_ids(session, (_TERM.field, _TERM.term), pairs)
