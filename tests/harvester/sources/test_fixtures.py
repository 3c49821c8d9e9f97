"""Every file in tests/data/sources/ loads as its name says: valid/ without errors, invalid/ with
exactly the errors of the table below, each at its line and column (both 1-based).

Files are named ``KEY_REASON``; the table lists, per file, each error's line, column and a
part of its message, in the order :class:`InvalidSources` reports them (by position).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.sources import InvalidSources, load_sources_file

DATA = Path(__file__).parents[2] / "data" / "sources"

CREDENTIALS = "must not contain credentials or a user name"
ID_PATTERN = "lowercase ASCII letters, digits and hyphens"
AGS_TEXT = "ags must be the 8-digit Amtlicher Gemeindeschlüssel as quoted text"
ROUND = "round must be 2019, 2020 or 2021 (the funding round)"
SCHEMES = "url must start with one of https://, http://, git://, ssh://, file://"

INVALID: dict[str, list[tuple[int, int, str]]] = {
    "file_empty": [(1, 1, "the file is empty: it needs a 'publishers' list")],
    "file_not_utf8": [(2, 12, "the file is not UTF-8 text")],
    "file_syntax_error": [(4, 1, "YAML syntax error: did not find expected ',' or ']'")],
    "file_two_documents": [(2, 1, "a sources file holds one YAML document")],
    "file_anchors_aliases": [
        (2, 5, "YAML anchors (&name) are not allowed"),
        (6, 5, "YAML aliases (*name) are not allowed"),
    ],
    "file_tag": [(3, 11, "YAML tags (!custom) are not allowed")],
    "file_duplicate_key": [(5, 5, "duplicate key 'name' (first on line 3)")],
    "file_not_a_mapping": [(1, 1, "the sources file must be a mapping of keys, not a list")],
    "file_key_not_a_name": [(5, 5, "a key must be a name, not a number, list or null")],
    "file_too_deep": [(3, 40, "nested deeper than 32 levels")],
    "top_unknown_key": [
        (1, 1, "unknown key 'version' in the sources file; known keys: publishers")
    ],
    "top_publishers_missing": [
        (1, 1, "unknown key 'publisher' in the sources file (did you mean 'publishers'?)"),
        (1, 1, "the sources file is missing the required key 'publishers'"),
    ],
    "publishers_not_a_list": [(2, 3, "publishers must be a list, not a mapping")],
    "publisher_not_a_mapping": [
        (2, 5, "a publisher must be a mapping of keys, not the text 'mpsc-solingen'")
    ],
    "publisher_unknown_key": [
        (5, 5, "unknown key 'codehosting' in a publisher (did you mean 'codeHosting'?)"),
        (6, 5, "unknown key 'website' in a publisher; known keys: category, codeHosting, id"),
    ],
    "publisher_required_keys_missing": [
        (2, 5, "a publisher is missing the required key 'id'"),
        (2, 5, "a publisher is missing the required key 'name'"),
        (2, 5, "a publisher is missing the required key 'kind'"),
    ],
    "id_pattern": [
        (2, 10, f"id 'MPSC-Solingen' must be 1 to 100 {ID_PATTERN}"),
        (3, 10, f"id '-leading-hyphen' must be 1 to 100 {ID_PATTERN}"),
        (4, 10, f"id 'mpsc_ulm' must be 1 to 100 {ID_PATTERN}"),
        (5, 10, f"id 'mpsc-haßfurt' must be 1 to 100 {ID_PATTERN}"),
        (6, 10, "id must be text, not the number 2019"),
    ],
    "id_duplicate": [(3, 10, "duplicate publisher id 'mpsc-ulm' (first on line 2)")],
    "name_empty": [(3, 11, "name must not be empty"), (6, 10, "name must be text, not nothing")],
    "name_not_text": [(3, 11, "name must be text, not a list")],
    "kind_unknown": [
        (4, 11, "kind must be one of model-project, municipality, county, federal, vendor, other")
    ],
    "round_missing": [(2, 5, "a model-project publisher needs 'round': 2019, 2020 or 2021")],
    "round_unknown": [
        (2, 50, f"{ROUND}, not the number 2022"),
        (3, 50, f"{ROUND}, not the text '2019'"),
        (4, 50, f"{ROUND}, not true"),
        (5, 50, f"{ROUND}, not the number 2019.0"),
    ],
    "round_for_other_kind": [
        (5, 12, "round is only for model-project publishers, not for kind 'municipality'")
    ],
    "members_not_a_list": [(5, 14, "members must be a list, not the text 'Solingen'")],
    "member_name_missing": [
        (6, 9, "a member is missing the required key 'name'"),
        (7, 9, "a member must be a mapping of keys, not the text 'Solingen'"),
        (8, 21, "unknown key 'land' in a member; known keys: ags, name"),
    ],
    "ags_unquoted_number": [
        (6, 37, 'ags must be quoted text: write ags: "05122000" (as a YAML number it loses')
    ],
    "ags_not_8_digits": [
        (6, 28, f"{AGS_TEXT}, not the text '0512200'"),
        (7, 27, f"{AGS_TEXT}, not the text '051220000'"),
        (8, 30, f"{AGS_TEXT}, not the text '05122ABC'"),
        (9, 39, f"{AGS_TEXT}, not the number 123456789"),
        (10, 42, f"{AGS_TEXT}, not the text '٠٥١٢٢٠٠٠'"),
    ],
    "ags_land_code": [
        (6, 30, "ags '00122000' must start with a Land code from 01 to 16"),
        (7, 29, "ags '17122000' must start with a Land code from 01 to 16"),
    ],
    "codehosting_not_a_list": [
        (5, 18, "codeHosting must be a list, not the text 'https://github.com/a'")
    ],
    "url_missing": [(6, 9, "a codeHosting entry is missing the required key 'url'")],
    "url_not_text": [
        (6, 14, "url must be text, not a list"),
        (7, 14, "invalid url: the URL is empty"),
        (8, 14, "invalid url: the URL contains a space or a control character"),
    ],
    "url_scheme": [
        (6, 14, "invalid url: the scheme ftp:// is not supported"),
        (7, 14, "invalid url: not a URL: it needs a scheme such as https:// or file://"),
        (8, 14, "invalid url: not a URL: it needs a scheme such as https:// or file://"),
    ],
    "url_scp_like": [(6, 14, f"{SCHEMES}; write user@host:path as ssh://user@host/path")],
    "url_credentials": [(6, 14, CREDENTIALS), (7, 14, CREDENTIALS), (8, 14, CREDENTIALS)],
    "url_host": [
        (6, 14, "invalid url: the URL names no host"),
        (7, 14, "invalid url: a file:// URL cannot name another host"),
        (8, 14, "url must name an organisation, a group or a repository, not only a host"),
    ],
    "url_query_fragment": [
        (6, 14, "url must not have a query (?...) or fragment (#...)"),
        (7, 14, "url must not have a query (?...) or fragment (#...)"),
    ],
    "url_github_path_too_deep": [
        (6, 14, "a GitHub URL names an organisation (/owner) or a repository (/owner/repo)")
    ],
    "url_listed_twice": [
        (11, 14, "'ssh://git@github.com/stadt/app.git' is listed twice (first on line 6, "),
        (13, 14, "'https://github.com/stadt/app.git/' is listed twice (first on line 6, "),
    ],
    "driver_unknown": [
        (7, 17, "driver must be one of github, gitlab, gitea, git, not 'bitbucket'"),
        (9, 17, "driver must be one of github, gitlab, gitea, git, not 'GitHub'"),
    ],
    "driver_forge_needs_https": [
        (7, 17, "driver github talks to a forge's web API: it needs an https:// URL"),
        (9, 17, "driver gitlab talks to a forge's web API: it needs an https:// URL"),
    ],
    "group_not_bool": [
        (7, 16, "group must be true or false, not the text 'yes'"),
        (9, 16, "group must be true or false, not the number 1"),
    ],
    "group_contradicts_url": [
        (7, 16, "a plain git URL is one repository: group must be false"),
        (9, 16, "a GitHub URL /owner/repo names one repository: group must be false"),
        (11, 16, "a GitHub URL /owner names an organisation: group must be true"),
        (13, 16, "a URL ending in .git is one repository: group must be false"),
        (15, 16, "a Gitea URL /owner names an organisation: group must be true"),
    ],
    "many_errors_sorted": [
        (5, 5, "a publisher is missing the required key 'name'"),
        (5, 9, f"id 'Bad' must be 1 to 100 {ID_PATTERN}"),
        (6, 11, "kind must be one of"),
        (7, 30, 'write ags: "05122000"'),
        (9, 14, CREDENTIALS),
        (10, 9, "duplicate publisher id 'ok' (first on line 2)"),
        (13, 12, "round is only for model-project publishers, not for kind 'other'"),
    ],
}


def _names(folder: str) -> list[str]:
    return sorted(path.stem for path in (DATA / folder).glob("*.yml"))


def test_every_invalid_file_is_in_the_table() -> None:
    assert _names("invalid") == sorted(INVALID)


@pytest.mark.parametrize("name", _names("valid"))
def test_valid_file_loads_without_errors(name: str) -> None:
    assert load_sources_file(DATA / "valid" / f"{name}.yml") is not None


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_file_reports_exactly_its_errors(name: str) -> None:
    path = DATA / "invalid" / f"{name}.yml"
    with pytest.raises(InvalidSources) as raised:
        load_sources_file(path)
    found = [(e.file, e.line, e.column) for e in raised.value.errors]
    assert found == [(str(path), line, column) for line, column, _ in INVALID[name]]
    for error, (_, _, message) in zip(raised.value.errors, INVALID[name], strict=True):
        assert message in error.message


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_file_message_names_file_line_and_column(name: str) -> None:
    path = DATA / "invalid" / f"{name}.yml"
    with pytest.raises(InvalidSources) as raised:
        load_sources_file(path)
    line, column, message = INVALID[name][0]
    first = str(raised.value).splitlines()[0]
    assert first.startswith(f"{path}:{line}:{column}: ")
    assert message in first
