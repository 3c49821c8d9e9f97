"""The search box's text as words and phrases of stems, and the streams the index holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from registry.catalogue._postgresql import tsquery, tsvector
from registry.catalogue._sqlite import fts5_query
from registry.catalogue._stemming import stems, words
from registry.catalogue._textquery import (
    MAX_POSITIONS,
    MAX_TERMS,
    SEPARATOR,
    Phrase,
    Word,
    document_terms,
    parse,
)


def test_words_are_lower_cased_runs_of_letters_and_digits() -> None:
    assert words("Parkplätze, v2.1 / Straße_Nord!") == ["parkplätze", "v2", "1", "straße", "nord"]


def test_a_word_has_a_german_and_an_english_stem() -> None:
    assert stems("parkplätze") == ("parkplatz", "parkplätz")
    assert stems("parking").english == "park"


def test_quoted_words_are_a_phrase_and_the_last_word_a_prefix() -> None:
    query = parse('"offene Daten" Parkpl')
    assert query is not None
    phrase, word = query.terms
    assert isinstance(phrase, Phrase) and [s.german for s in phrase.words] == ["off", "dat"]
    assert word == Word(stems("parkpl"), prefix=True)


def test_a_phrase_at_the_end_makes_no_prefix() -> None:
    query = parse('Karte "offene Daten"')
    assert query is not None
    assert query.terms[0] == Word(stems("karte"))


def test_a_quote_without_partner_starts_no_phrase() -> None:
    query = parse('Karte "offene Daten')
    assert query is not None
    assert [type(term) for term in query.terms] == [Word, Word, Word]


def test_a_quoted_single_word_is_a_word() -> None:
    query = parse('"Karte" x')
    assert query is not None
    assert query.terms[0] == Word(stems("karte"))


def test_text_without_words_is_no_query() -> None:
    assert parse(' " * ( - ') is None


def test_repeated_words_count_once_and_a_query_keeps_at_most_so_many() -> None:
    query = parse("karte karte " + " ".join(f"w{number}" for number in range(40)))
    assert query is not None
    assert len(query.terms) == MAX_TERMS
    assert query.terms[0] == Word(stems("karte"))


def test_each_text_gives_its_german_then_english_stems_between_separators() -> None:
    name, publisher = document_terms(["Parkplätze finden", "Stadt"])
    assert name == ["parkplatz", "find", SEPARATOR, "parkplätz", "finden", SEPARATOR]
    assert publisher == ["stadt", SEPARATOR]


def test_an_entry_holds_a_bounded_number_of_terms() -> None:
    streams = document_terms(["x", "y " * 20_000, "z " * 20_000, ""])
    assert sum(map(len, streams)) == MAX_POSITIONS


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_queries_are_built_from_quoted_stems_only(text: str) -> None:
    query = parse(text)
    if query is None:
        return
    for rendered in (fts5_query(query, "name"), tsquery(query, "name")):
        stripped = rendered
        for term in query.terms:
            for stem in _stems(term):
                stripped = stripped.replace(f'"{stem}"', "").replace(f"'{stem}'", "")
        assert set(stripped) <= set(" ()*+:{}ORAND|&<->name"), rendered


def _stems(term: Word | Phrase) -> list[str]:
    found = term.words if isinstance(term, Phrase) else [term.stems]
    return [stem for pair in found for stem in pair]


def test_a_tsvector_weights_each_field_and_skips_separators() -> None:
    vector = tsvector(["Karte", "Stadt", "", "Karte"])
    assert vector == "'kart':1A,5D 'stadt':3B"  # the same stem in English: one stream
