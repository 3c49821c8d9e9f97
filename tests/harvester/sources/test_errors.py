"""Errors of a sources file: where they are, and how they read."""

from __future__ import annotations

from harvester.sources import InvalidSources, SourceError, SourcesError


def test_a_source_error_reads_file_line_column_message() -> None:
    error = SourceError("sources.yml", 12, 7, "kind must be one of ...")
    assert str(error) == "sources.yml:12:7: kind must be one of ..."


def test_invalid_sources_is_a_value_error_of_this_package() -> None:
    assert issubclass(InvalidSources, ValueError)
    assert issubclass(InvalidSources, SourcesError)


def test_invalid_sources_lists_its_errors_by_position_one_per_line() -> None:
    late = SourceError("s.yml", 9, 1, "late")
    early = SourceError("s.yml", 2, 5, "early")
    same_line = SourceError("s.yml", 2, 3, "same line, earlier column")
    error = InvalidSources((late, early, same_line))
    assert error.errors == (same_line, early, late)
    assert str(error) == "s.yml:2:3: same line, earlier column\ns.yml:2:5: early\ns.yml:9:1: late"
