"""The strict BCP 47 check of publiccode-standard.md, section 2.8."""

from __future__ import annotations

import pytest

from harvester.publiccode import languages
from harvester.publiccode.languages import is_bcp47, primary_language


def test_exports_exactly_the_public_api() -> None:
    assert sorted(languages.__all__) == ["is_bcp47", "primary_language"]


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "de",
        "en-US",
        "EN",
        "es-419",
        "zh-Hant-TW",
        "sl-rozaj",
        "de-CH-1996",
        "i-klingon",
        "en-gb-oed",
        "zh-min-nan",
        "x-whatever",
        "no",
    ],
)
def test_accepts_the_documents_valid_examples(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize(
    "tag", ["en-GB", "en-gb", "EN-GB", "zh-hant-tw", "ZH-HANT-TW", "I-KLINGON"]
)
def test_ignores_case(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize(
    "tag", ["art-lojban", "cel-gaulish", "i-default", "no-bok", "sgn-CH-DE", "zh-xiang"]
)
def test_accepts_grandfathered_tags(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["i-foo", "zh-min-na", "en-gb-oxf"])
def test_rejects_tags_that_only_look_grandfathered(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize(
    "tag", ["x-whatever", "X-Whatever", "x-a", "x-a-bcdefgh1", "en-x-internal", "de-CH-x-zurich"]
)
def test_accepts_private_use_subtags(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["x", "x-", "x-abcdefghi", "en-x", "en-x-"])
def test_rejects_malformed_private_use_subtags(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["iw", "in", "jw", "mo", "sh"])
def test_accepts_deprecated_language_subtags(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize(
    "tag",
    # The twenty ISO 639-2/B codes, typed out here to check the table the module derives.
    "alb arm baq bur chi cze dut fre geo ger gre ice mac mao may per rum slo tib wel".split(),
)
def test_accepts_iso_639_2_bibliographic_codes(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["eng", "deu", "ita", "fra", "zho", "eng-US"])
def test_rejects_three_letter_codes_that_have_a_two_letter_form(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["gb", "ua", "rs", "xx", "zz"])
def test_rejects_two_letter_codes_that_are_not_languages(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["nap", "yue", "und", "mul", "qaa", "qtz"])
def test_accepts_three_letter_languages_of_the_registry(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["qzz", "xxx", "zzz", "jjj"])
def test_rejects_three_letter_codes_missing_from_the_registry(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["root", "abcd", "abcde", "abcdefgh", "a", "abcdefghi"])
def test_rejects_languages_that_are_not_two_or_three_letters(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["zh-yue", "zh-cmn-Hans-CN", "ar-aao", "sgn-ase"])
def test_accepts_extlangs_after_their_prefix(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["en-yue", "de-cmn", "ar-ase"])
def test_rejects_extlangs_after_another_language(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["zh-abc", "zh-eng"])
def test_rejects_extlangs_missing_from_the_registry(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize(
    "tag", ["en-Latn", "sr-Cyrl-RS", "und-Zzzz", "en-Qaaa", "en-Qabx", "en-zyyy"]
)
def test_accepts_registered_and_private_use_scripts(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["en-Abcd", "en-Qaby", "en-Latin"])
def test_rejects_unknown_scripts(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("region", ["US", "IT", "DE", "XK", "BU", "DD"])
def test_accepts_iso_3166_regions_current_and_withdrawn(region: str) -> None:
    assert is_bcp47(f"en-{region}")


@pytest.mark.parametrize("region", ["AA", "QM", "QT", "QZ", "XA", "XX", "XZ", "ZZ"])
def test_accepts_private_use_regions(region: str) -> None:
    assert is_bcp47(f"en-{region}")


@pytest.mark.parametrize(
    "region", ["AC", "CP", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN"]
)
def test_accepts_exceptionally_reserved_regions(region: str) -> None:
    assert is_bcp47(f"en-{region}")


@pytest.mark.parametrize("region", ["AB", "QL", "ZY", "OO"])
def test_rejects_unassigned_regions(region: str) -> None:
    assert not is_bcp47(f"en-{region}")


@pytest.mark.parametrize("region", ["419", "001", "150", "029"])
def test_accepts_un_m49_regions_of_the_registry(region: str) -> None:
    assert is_bcp47(f"es-{region}")


@pytest.mark.parametrize("region", ["999", "000", "123"])
def test_rejects_numeric_regions_missing_from_the_registry(region: str) -> None:
    assert not is_bcp47(f"es-{region}")


@pytest.mark.parametrize(
    "tag", ["de-1996", "de-CH-1901", "sl-rozaj", "sl-rozaj-biske", "ca-valencia", "hy-arevela"]
)
def test_accepts_registered_variants(tag: str) -> None:
    assert is_bcp47(tag)


def test_accepts_a_variant_without_its_registered_prefix() -> None:
    assert is_bcp47("en-1996")


@pytest.mark.parametrize("tag", ["en-posix", "en-US-posix", "de-abcde", "de-1234"])
def test_rejects_unregistered_variants(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize(
    "tag",
    ["en-a-bbb", "de-DE-u-co-phonebk", "en-a-xyz-b-abc", "en-0-ab", "en-US-u-ca-gregory-x-foo"],
)
def test_accepts_syntactically_valid_extensions(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["en-a", "en-a-b", "en-a-abcdefghi", "en-a-x-foo"])
def test_rejects_malformed_extensions(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["en_GB", "pt_BR", "en GB", "en.GB"])
def test_rejects_separators_other_than_hyphen(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["en-US-Latn", "en-1996-US", "zh-Hant-yue"])
def test_rejects_subtags_out_of_order(tag: str) -> None:
    assert not is_bcp47(tag)


@pytest.mark.parametrize("tag", ["", " en", "en ", "en-", "-en", "en--US", "en-US-", "én", "en-ÜS"])
def test_rejects_malformed_tags(tag: str) -> None:
    assert not is_bcp47(tag)


def test_caches_results_per_tag() -> None:
    is_bcp47("fr-CA")
    hits = is_bcp47.cache_info().hits
    is_bcp47("fr-CA")
    assert is_bcp47.cache_info().hits == hits + 1


@pytest.mark.parametrize("tag", ["de", "de-DE", "de-AT", "DE", "de-CH-1996", "ger", "GER-DE"])
def test_primary_language_of_german_tags_is_de(tag: str) -> None:
    assert primary_language(tag) == "de"


@pytest.mark.parametrize(
    ("tag", "expected"), [("fre", "fr"), ("chi-Hant", "zh"), ("dut-NL", "nl"), ("wel", "cy")]
)
def test_primary_language_maps_bibliographic_codes_to_two_letters(tag: str, expected: str) -> None:
    assert primary_language(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"), [("iw", "he"), ("in-ID", "id"), ("jw", "jv"), ("mo", "ro")]
)
def test_primary_language_maps_deprecated_subtags_to_their_preferred_value(
    tag: str, expected: str
) -> None:
    assert primary_language(tag) == expected


@pytest.mark.parametrize(("tag", "expected"), [("nap", "nap"), ("zh-yue", "zh"), ("sh", "sh")])
def test_primary_language_keeps_subtags_without_a_preferred_form(tag: str, expected: str) -> None:
    assert primary_language(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("i-klingon", "tlh"),
        ("en-gb-oed", "en"),
        ("no-bok", "nb"),
        ("zh-min-nan", "nan"),
        ("i-lux", "lb"),
    ],
)
def test_primary_language_of_a_grandfathered_tag_comes_from_its_preferred_value(
    tag: str, expected: str
) -> None:
    assert primary_language(tag) == expected


@pytest.mark.parametrize("tag", ["i-default", "zh-min", "cel-gaulish"])
def test_primary_language_of_a_grandfathered_tag_without_preferred_value_is_none(tag: str) -> None:
    assert primary_language(tag) is None


@pytest.mark.parametrize("tag", ["x-whatever", "eng", "en_GB", "root", ""])
def test_primary_language_of_private_or_invalid_tags_is_none(tag: str) -> None:
    assert primary_language(tag) is None
