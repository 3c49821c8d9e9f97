"""The vocabularies shipped in schemas/vocab/ are complete."""

from __future__ import annotations

from harvester.publiccode import vocabularies


def test_there_are_106_categories_including_other() -> None:
    assert len(vocabularies.categories()) == 106
    assert "other" in vocabularies.categories()
    assert "smart-city" not in vocabularies.categories()


def test_there_are_24_scopes() -> None:
    assert len(vocabularies.scopes()) == 24
    assert "local-authorities" in vocabularies.scopes()


def test_the_supports_aliases_are_the_nine_of_v0_7() -> None:
    assert vocabularies.aliases() == {
        "gdpr", "eidas", "nis2", "cra", "spid", "cie", "anpr", "pagopa", "io",
    }  # fmt: skip


def test_ipa_codes_are_upper_cased_for_lookup() -> None:
    codes = vocabularies.ipa_codes()
    assert len(codes) == 23735
    assert all(code == code.upper() for code in codes)


def test_there_are_680_oembed_schemes() -> None:
    schemes = vocabularies.oembed_schemes()
    assert len(schemes) == 680
    assert "https://vimeo.com/*" in schemes
