"""SPDX ids: canonical case, the current id of a deprecated one, the text an id stands for."""

from __future__ import annotations

import pytest

from harvester.licences._identifiers import canonical, current, text_stem


def test_canonical_restores_the_list_spelling_and_keeps_a_plus() -> None:
    assert (canonical("apache-2.0"), canonical("gpl-2.0+")) == ("Apache-2.0", "GPL-2.0+")


def test_canonical_keeps_unknown_ids() -> None:
    assert canonical("LicenseRef-x") == "LicenseRef-x"


@pytest.mark.parametrize(
    ("deprecated", "now"),
    [
        ("GPL-3.0", "GPL-3.0-only"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("LGPL-2.1+", "LGPL-2.1-or-later"),
    ],
)
def test_current_names_a_deprecated_gnu_id_by_its_choice(deprecated: str, now: str) -> None:
    assert current(deprecated) == now


def test_current_keeps_other_ids() -> None:
    assert current("MIT") == "MIT"


@pytest.mark.parametrize(
    "identifier",
    ["GPL-3.0-only", "GPL-3.0-or-later", "GPL-3.0", "GPL-3.0+"],
)
def test_every_version_choice_stands_for_one_text(identifier: str) -> None:
    assert text_stem(identifier) == "GPL-3.0"


def test_gfdl_variants_and_mpl_without_copyleft_exception_share_their_text() -> None:
    assert (
        text_stem("GFDL-1.3-no-invariants-or-later"),
        text_stem("MPL-2.0-no-copyleft-exception"),
    ) == ("GFDL-1.3", "MPL-2.0")
