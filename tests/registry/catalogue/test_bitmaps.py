"""Sets of component ids: bitmaps, their two stored forms, and counting within a set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from registry.catalogue import _bitmaps
from registry.catalogue._bitmaps import Within, decode, encode, from_ids, ids, loaded

SETS = st.sets(st.integers(min_value=0, max_value=5000), max_size=300)
QUICK = settings(max_examples=200, deadline=None)


@QUICK
@given(members=SETS)
def test_a_bitmap_holds_exactly_its_ids(members: set[int]) -> None:
    assert list(ids(from_ids(members))) == sorted(members)


@QUICK
@given(members=SETS)
def test_the_stored_form_gives_the_same_set_back(members: set[int]) -> None:
    assert decode(encode(from_ids(members))) == from_ids(members)


def test_a_sparse_set_is_stored_as_its_ids_and_a_dense_one_as_a_bitmap() -> None:
    sparse, dense = from_ids([3, 90_000]), from_ids(range(1000))
    assert isinstance(loaded(encode(sparse)), _bitmaps.array.array)
    assert isinstance(loaded(encode(dense)), int)
    assert len(encode(sparse)) < 20


def test_the_empty_set_is_stored_as_nothing() -> None:
    assert encode(0) == b""
    assert decode(b"") == decode(None) == 0


@QUICK
@given(members=SETS, other=SETS)
def test_counting_within_a_set_works_on_both_stored_forms(
    members: set[int], other: set[int]
) -> None:
    within = Within(from_ids(other))
    expected = len(members & other)
    assert within.count(from_ids(members)) == expected
    assert within.count(_bitmaps.array.array("I", sorted(members))) == expected


def test_ids_beyond_the_set_count_as_outside() -> None:
    within = Within(from_ids([1, 2]))
    assert within.count(_bitmaps.array.array("I", [2, 10**6])) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, []), ("", []), ("0 5", [0, 2]), ("1 1 3 2147483648", [32, 127])],
)
def test_the_databases_aggregate_is_read_as_a_bitmap(text: str | None, expected: list[int]) -> None:
    assert list(ids(_bitmaps.from_chunk_text(text))) == expected
