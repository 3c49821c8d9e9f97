"""Repository URLs: canonical keys across spellings and mirrors, redaction, default drivers."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import harvester.urls
from harvester.urls import (
    InvalidURL,
    default_driver,
    is_same_repository,
    normalise_repository_url,
    parse_repository_url,
    redact,
)

QUICK = settings(max_examples=500, deadline=None)


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.urls.__all__) == [
        "InvalidURL",
        "RepositoryURL",
        "default_driver",
        "is_same_repository",
        "normalise_repository_url",
        "parse_repository_url",
        "redact",
    ]


# --- normalise_repository_url: spellings of one repository -----------------------------------

GITHUB_SPELLINGS = [
    "https://github.com/owner/repo",
    "https://github.com/Owner/Repo",
    "https://github.com/owner/repo/",
    "https://github.com/owner/repo.git",
    "https://github.com/owner/repo.git/",
    "HTTPS://GITHUB.COM/owner/repo",
    "https://github.com:443/owner/repo",
    "https://user:secret@github.com/owner/repo",
    "https://github.com/owner/repo?tab=readme#top",
    "https://github.com//owner//repo",
    "http://github.com/owner/repo",
    "git://github.com/owner/repo.git",
    "git://github.com:9418/owner/repo.git",
    "ssh://git@github.com/owner/repo.git",
    "ssh://git@github.com:22/owner/repo",
    "git+ssh://git@github.com/owner/repo",
    "git@github.com:owner/repo.git",
    "git@github.com:Owner/Repo",
    "github.com:owner/repo",
    "  https://github.com/owner/repo  ",
]


@pytest.mark.parametrize("url", GITHUB_SPELLINGS)
def test_every_spelling_of_a_github_repository_has_one_key(url: str) -> None:
    assert normalise_repository_url(url) == "https://github.com/owner/repo"


def test_gitlab_paths_are_lowercased() -> None:
    url = "https://gitlab.opencode.de/OC000075481431/Open-Locker.git"
    assert normalise_repository_url(url) == "https://gitlab.opencode.de/oc000075481431/open-locker"


def test_hosts_named_gitlab_dot_something_count_as_gitlab() -> None:
    key = normalise_repository_url("https://gitlab.stadt.example/Group/Sub/Project")
    assert key == "https://gitlab.stadt.example/group/sub/project"


def test_paths_elsewhere_keep_their_case() -> None:
    key = normalise_repository_url("https://codeberg.org/Stadt/App.git")
    assert key == "https://codeberg.org/Stadt/App"


def test_host_is_lowercased_everywhere() -> None:
    assert normalise_repository_url("https://Git.Example.ORG/A/B") == "https://git.example.org/A/B"


def test_a_non_default_port_is_kept() -> None:
    assert (
        normalise_repository_url("git://127.0.0.1:4711/repo.git") == "https://127.0.0.1:4711/repo"
    )


def test_an_https_port_written_on_an_http_url_is_dropped() -> None:
    assert normalise_repository_url("http://example.org:443/a") == "https://example.org/a"


def test_an_ipv6_host_keeps_its_brackets() -> None:
    assert normalise_repository_url("git://[::1]:9000/r.git") == "https://[::1]:9000/r"


def test_a_trailing_dot_of_the_host_is_dropped() -> None:
    assert normalise_repository_url("https://github.com./o/r") == "https://github.com/o/r"


def test_a_file_url_keeps_its_path_and_git_suffix() -> None:
    assert normalise_repository_url("file:///srv/git/app.git/") == "file:///srv/git/app.git"


def test_a_file_url_on_localhost_is_the_same_as_without_host() -> None:
    assert normalise_repository_url("file://localhost/srv/App") == "file:///srv/App"


def test_a_file_url_without_path_is_refused() -> None:
    with pytest.raises(InvalidURL, match="needs a path"):
        normalise_repository_url("file:///")


def test_different_repositories_have_different_keys() -> None:
    assert normalise_repository_url("https://github.com/a/b") != normalise_repository_url(
        "https://github.com/a/c"
    )


def test_different_git_daemon_ports_are_different_repositories() -> None:
    assert not is_same_repository("git://127.0.0.1:4000/r.git", "git://127.0.0.1:4001/r.git")


def test_a_mirror_on_another_host_is_another_repository() -> None:
    assert not is_same_repository(
        "https://github.com/Open-Locker/Open-Locker",
        "https://gitlab.opencode.de/OC000075481431/open-locker",
    )


def test_is_same_repository_compares_keys() -> None:
    assert is_same_repository("git@github.com:Stadt/App.git", "https://github.com/stadt/app/")


# --- invalid input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("https://github.com/a b", "space or a control character"),
        ("https://github.com/a\nb", "space or a control character"),
        ("/srv/git/repo", "needs a scheme"),
        ("repo", "needs a scheme"),
        ("ftp://example.org/r", "ftp:// is not supported"),
        ("1http://example.org/r", "scheme is malformed"),
        ("https:///owner/repo", "names no host"),
        ("https://example.org:0/r", "port '0'"),
        ("https://example.org:65536/r", "port '65536'"),
        ("https://example.org:http/r", "port 'http'"),
        ("https://[::1/r", "host is malformed"),
        ("https://ex%41mple.org/r", "host name contains"),
        ("file://server/share/repo", "cannot name another host"),
    ],
)
def test_invalid_input_raises_invalid_url_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(InvalidURL) as raised:
        normalise_repository_url(url)
    assert reason in raised.value.reason
    assert reason in str(raised.value)


def test_invalid_url_is_a_value_error() -> None:
    assert issubclass(InvalidURL, ValueError)


def test_invalid_url_message_does_not_show_the_password() -> None:
    with pytest.raises(InvalidURL) as raised:
        normalise_repository_url("https://user:hunter2@example.org:99999/r")
    assert "hunter2" not in str(raised.value)
    assert "hunter2" not in raised.value.url


def test_is_same_repository_raises_for_invalid_input() -> None:
    with pytest.raises(InvalidURL):
        is_same_repository("https://github.com/a/b", "not a url")


# --- parse_repository_url ----------------------------------------------------------------------


def test_parse_takes_an_scp_like_address_apart() -> None:
    parts = parse_repository_url("git@gitlab.opencode.de:group/sub/project.git")
    assert (parts.scheme, parts.username, parts.host, parts.path, parts.scp_like) == (
        "ssh",
        "git",
        "gitlab.opencode.de",
        "/group/sub/project.git",
        True,
    )
    assert parts.segments == ("group", "sub", "project.git")


def test_parse_keeps_user_password_query_and_fragment_apart() -> None:
    parts = parse_repository_url("https://u:p@Example.org:8443/a/b?x=1#f")
    assert (parts.username, parts.password, parts.host, parts.port) == (
        "u",
        "p",
        "example.org",
        8443,
    )
    assert (parts.path, parts.query, parts.fragment) == ("/a/b", "x=1", "f")


def test_parse_gives_a_file_url_no_host() -> None:
    parts = parse_repository_url("file:///srv/repo")
    assert (parts.scheme, parts.host, parts.path) == ("file", "", "/srv/repo")


# --- default_driver ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("https://github.com/Klingenstadt-Solingen", "github"),
        ("https://GitHub.com/a/b", "github"),
        ("https://gitlab.com/group", "gitlab"),
        ("https://gitlab.opencode.de/smart-city-muenster", "gitlab"),
        ("https://gitlab.stadt-ulm.de/team", "gitlab"),
        ("https://codeberg.org/stadt", "gitea"),
        ("https://gitea.example.org/stadt", "gitea"),
        ("https://forgejo.example.org/stadt", "gitea"),
        ("https://git.example.org/stadt/app.git", "git"),
        ("https://mygitlab.example.org/group", "git"),
        ("git://github.com/owner/repo.git", "git"),
        ("ssh://git@gitlab.opencode.de/group/project.git", "git"),
        ("git@github.com:owner/repo.git", "git"),
        ("file:///srv/repo", "git"),
    ],
)
def test_default_driver_goes_by_host_for_web_urls(url: str, driver: str) -> None:
    assert default_driver(url) == driver


def test_default_driver_raises_for_invalid_input() -> None:
    with pytest.raises(InvalidURL):
        default_driver("not a url")


# --- redact ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "redacted"),
    [
        ("https://user:token@github.com/a/b", "https://***@github.com/a/b"),
        ("https://ghp_abcdef@github.com/a/b", "https://***@github.com/a/b"),
        ("https://gitlab.com/a/b?private_token=abc", "https://gitlab.com/a/b?***"),
        ("https://example.org/a#access_token=abc", "https://example.org/a#***"),
        ("ssh://git@example.org/a/b", "ssh://git@example.org/a/b"),
        ("ssh://git:pw@example.org/a/b", "ssh://***@example.org/a/b"),
        ("git@github.com:owner/repo.git", "git@github.com:owner/repo.git"),
        ("user:pw@example.org:repo", "***@example.org:repo"),
        ("https://github.com/a/b", "https://github.com/a/b"),
        ("https://u:p@a@example.org/x", "https://***@example.org/x"),
        ("not a url at all", "not a url at all"),
    ],
)
def test_redact_removes_credentials_and_queries(url: str, redacted: str) -> None:
    assert redact(url) == redacted


# --- properties ----------------------------------------------------------------------------------

URL_LIKE = st.one_of(
    st.text(),
    st.builds(
        "{}://{}{}{}{}".format,
        st.sampled_from(["https", "HTTP", "git", "ssh", "git+ssh", "file", "ftp", "x"]),
        st.sampled_from(["", "u@", "u:p@", "git@"]),
        st.text(alphabet="abcAB.-:[]1%@", max_size=12),
        st.text(alphabet="abcAB/.-_~%:@gitG", max_size=30),
        st.sampled_from(["", "?q=1", "#f", "?a#b"]),
    ),
    st.builds(
        "{}{}:{}".format,
        st.sampled_from(["", "git@", "u:p@"]),
        st.text(alphabet="abcAB.-1[]:", min_size=1, max_size=12),
        st.text(alphabet="abcAB/.-_gitGIT", max_size=30),
    ),
)


@QUICK
@given(URL_LIKE)
@example("https://github.com/a.git.git/.git//")
@example("git@[::1]:x")
@example("file://localhost")
@example("https://İ.example/İ")
def test_normalise_answers_any_text_with_a_key_or_invalid_url(url: str) -> None:
    try:
        key = normalise_repository_url(url)
    except InvalidURL:
        return
    assert normalise_repository_url(key) == key


@QUICK
@given(URL_LIKE)
def test_a_key_is_a_url_of_two_kinds_without_credentials(url: str) -> None:
    try:
        key = normalise_repository_url(url)
    except InvalidURL:
        return
    assert key.startswith(("https://", "file:///"))
    assert "@" not in key.split("/")[2]
    assert "?" not in key
    assert "#" not in key


@QUICK
@given(URL_LIKE)
def test_a_valid_url_is_the_same_repository_as_itself(url: str) -> None:
    try:
        same = is_same_repository(url, url)
    except InvalidURL:
        return
    assert same


@QUICK
@given(st.text(), st.text(alphabet="abcXYZ123", min_size=4, max_size=12))
def test_redact_never_raises_and_never_shows_a_password(prefix: str, password: str) -> None:
    url = f"https://user:{password}@example.org/{prefix}"
    assert password not in redact(url).split("@")[0]
    redact(prefix)
