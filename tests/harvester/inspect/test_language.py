"""A text's language among the languages READMEs here are written in."""

from __future__ import annotations

from harvester.inspect._language import LANGUAGES, MIN_WORDS, language_of

DUTCH = (
    "De applicatie toont alle openbare plekken van de stad op een kaart. Zij verzamelt "
    "gegevens uit het open dataportaal en werkt ze elke nacht bij voor de inwoners."
)


def test_tells_a_language_of_the_set() -> None:
    assert language_of(DUTCH, words=30) == "nl"


def test_a_text_shorter_than_the_minimum_is_not_classified() -> None:
    assert language_of(DUTCH, words=MIN_WORDS - 1) is None


def test_languages_outside_the_set_are_none() -> None:
    russian = "Приложение показывает все общественные места города на карте каждую ночь. " * 4
    assert "ru" not in LANGUAGES
    assert language_of(russian, words=40) is None


def test_a_text_without_letters_is_none() -> None:
    assert language_of("1234 5678 " * 50, words=100) is None
