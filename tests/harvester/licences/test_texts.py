"""Licence texts to SPDX ids: the labelled corpus, then one behaviour per test."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest
import yaml

from harvester.licences import MAX_TEXT_BYTES, identify_text
from harvester.records import LicenceStatus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "licences"
LABELS: dict[str, dict[str, Any]] = yaml.safe_load(
    (CORPUS / "labels.yml").read_text(encoding="utf-8")
)
MIT = (CORPUS / "std_mit_pyyaml.txt").read_text(encoding="utf-8")
GPL3 = (CORPUS / "std_gpl-3.0_debian.txt").read_text(encoding="utf-8")
BSD3 = (CORPUS / "std_bsd-3-clause_flask.txt").read_text(encoding="utf-8")


def _cases() -> list[Any]:
    return [
        pytest.param(name, label, marks=pytest.mark.xfail(reason=label["miss"], strict=True))
        if "miss" in label
        else pytest.param(name, label)
        for name, label in sorted(LABELS.items())
    ]


@pytest.mark.parametrize(("name", "label"), _cases())
def test_corpus_file_gets_its_labelled_verdict(name: str, label: dict[str, Any]) -> None:
    result = identify_text((CORPUS / name).read_bytes(), label.get("path", "LICENSE"))
    assert result.status.value == label["status"]
    if label["status"] == "identified":
        assert sorted(result.spdx_ids) == sorted(label["ids"])
    else:  # a changed text may resemble a close relative equally (BSD-3-Clause-Attribution)
        assert set(label["ids"]) <= set(result.spdx_ids)


def test_corpus_labels_name_only_files_that_exist() -> None:
    files = {path.name for path in CORPUS.iterdir()} - {"labels.yml", "README.md"}
    assert files == set(LABELS)


def test_corpus_has_at_least_sixty_texts() -> None:
    assert len(LABELS) >= 60


def test_standard_text_is_fully_covered() -> None:
    result = identify_text(MIT, "LICENSE")
    assert (result.status, result.spdx_ids, result.coverage) == (
        LicenceStatus.IDENTIFIED,
        ("MIT",),
        1.0,
    )


def test_identified_text_has_no_note() -> None:
    assert identify_text(MIT, "LICENSE").note is None


def test_added_clause_lowers_coverage_below_one() -> None:
    text = MIT + "\nThe Software must not be used to track people without their consent.\n"
    coverage = identify_text(text, "LICENSE").coverage
    assert coverage is not None and coverage < 1.0


def test_note_quotes_the_added_words() -> None:
    text = MIT + "\nThe Software must not be used to track people without their consent.\n"
    note = identify_text(text, "LICENSE").note
    assert note is not None and "must not be used to track people" in note


def test_note_quotes_missing_standard_words_of_a_truncated_text() -> None:
    text = MIT.split("THE SOFTWARE IS PROVIDED")[0]
    note = identify_text(text, "LICENSE").note
    assert note is not None and "without warranty of any kind" in note


def test_gnu_text_names_both_version_choices() -> None:
    assert identify_text(GPL3, "COPYING").spdx_ids == ("GPL-3.0-only", "GPL-3.0-or-later")


def test_reuse_file_name_settles_the_version_choice() -> None:
    result = identify_text(GPL3, "LICENSES/GPL-3.0-only.txt")
    assert (result.status, result.spdx_ids) == (LicenceStatus.IDENTIFIED, ("GPL-3.0-only",))


def test_reuse_file_with_another_licence_is_modified() -> None:
    result = identify_text(BSD3, "LICENSES/MIT.txt")
    assert (result.status, result.spdx_ids) == (LicenceStatus.MODIFIED, ("BSD-3-Clause",))


def test_reuse_file_with_another_licence_names_both_in_its_note() -> None:
    note = identify_text(BSD3, "LICENSES/MIT.txt").note
    assert note is not None and "MIT" in note and "BSD-3-Clause" in note


def test_reuse_licence_ref_file_carries_its_id() -> None:
    result = identify_text("Nur für Kommunen.", "LICENSES/LicenseRef-Kommunal.txt")
    assert (result.status, result.spdx_ids) == (LicenceStatus.UNKNOWN, ("LicenseRef-Kommunal",))


def test_other_files_in_a_licenses_folder_are_not_held_to_a_name() -> None:
    assert identify_text(MIT, "LICENSES/README.md").spdx_ids == ("MIT",)


def test_dual_licence_file_names_both_licences() -> None:
    text = (CORPUS / "std_apache-2.0_requests.txt").read_text(encoding="utf-8") + "\n" + MIT
    assert identify_text(text, "LICENSE").spdx_ids == ("Apache-2.0", "MIT")


def test_licence_notice_alone_is_identified_with_a_note() -> None:
    text = (CORPUS / "std_apache-2.0_notice-only.txt").read_text(encoding="utf-8")
    result = identify_text(text, "LICENSE")
    assert result.status == LicenceStatus.IDENTIFIED
    assert result.note is not None and "notice" in result.note


def test_empty_file_is_unknown_with_a_note() -> None:
    result = identify_text(b"", "LICENSE")
    assert (result.status, result.coverage, result.note) == (
        LicenceStatus.UNKNOWN,
        None,
        "leere Datei / empty file",
    )


def test_binary_file_is_unknown() -> None:
    assert identify_text(bytes(range(256)) * 64, "LICENSE").status == LicenceStatus.UNKNOWN


def test_utf16_with_byte_order_mark_is_read() -> None:
    data = codecs.BOM_UTF16_BE + MIT.encode("utf-16-be")
    assert identify_text(data, "LICENSE").spdx_ids == ("MIT",)


def test_invalid_utf8_is_replaced_not_refused() -> None:
    data = b"Copyright (c) 2024 K\xf6ln\n\n" + MIT.split("\n\n", 1)[1].encode()
    assert identify_text(data, "LICENSE").status == LicenceStatus.IDENTIFIED


def test_text_over_the_limit_is_cut_with_a_note() -> None:
    data = MIT.encode() + b"\n" + b"lorem ipsum dolor\n" * (MAX_TEXT_BYTES // 18 + 1)
    note = identify_text(data, "LICENSE").note
    assert note is not None and "256 KiB" in note


def test_text_of_words_only_is_unknown() -> None:
    text = "Dies ist eine Beschreibung des Projekts. " * 200
    assert identify_text(text, "LICENSE").status == LicenceStatus.UNKNOWN


def test_clause_hidden_in_one_long_line_is_still_seen() -> None:
    text = MIT + "\n" + "No use by the army. " * 400
    assert identify_text(text, "LICENSE").status == LicenceStatus.MODIFIED


def test_clause_before_the_text_is_not_taken_as_a_copyright_notice() -> None:
    text = "No commercial use.\n\n" + MIT
    assert identify_text(text, "LICENSE").status == LicenceStatus.MODIFIED


def test_path_is_kept() -> None:
    assert identify_text(MIT, "sub/LICENSE.md").path == "sub/LICENSE.md"
