"""Settings: KATASTER_ variables read once into a typed object, with defaults in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

import registry.config
from registry.config import InvalidSettings, Settings

HOME = {"HOME": "/home/amt"}


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.config.__all__) == ["InvalidSettings", "Settings"]


def test_defaults_live_in_the_home_folder() -> None:
    settings = Settings.from_env(HOME)
    data = Path("/home/amt/.local/share/kataster")
    assert settings.data_dir == data
    assert settings.database_url == f"sqlite:///{data}/kataster.db"
    assert settings.cache_dir == Path("/home/amt/.cache/kataster/git")
    assert settings.log_file == data / "harvest.log"
    assert (settings.github_token, settings.gitlab_token) == (None, None)
    assert (settings.workers, settings.git_timeout) == (4, 120.0)
    assert (settings.max_file_bytes, settings.disk_budget_bytes) == (10 * 2**20, 2 * 2**30)


def test_xdg_base_folders_are_respected() -> None:
    settings = Settings.from_env({**HOME, "XDG_DATA_HOME": "/data", "XDG_CACHE_HOME": "/cache"})
    assert settings.data_dir == Path("/data/kataster")
    assert settings.cache_dir == Path("/cache/kataster/git")


def test_a_relative_xdg_folder_is_ignored_as_the_specification_says() -> None:
    assert Settings.from_env({**HOME, "XDG_DATA_HOME": "data"}).data_dir == Path(
        "/home/amt/.local/share/kataster"
    )


def test_the_data_folder_moves_the_database_and_the_log() -> None:
    settings = Settings.from_env({**HOME, "KATASTER_DATA_DIR": "/srv/kataster"})
    assert settings.database_url == "sqlite:////srv/kataster/kataster.db"
    assert settings.log_file == Path("/srv/kataster/harvest.log")


def test_every_variable_is_read_and_converted() -> None:
    settings = Settings.from_env(
        {
            "KATASTER_DATABASE_URL": "postgresql+psycopg://kataster@db/kataster",
            "KATASTER_CACHE_DIR": "~/git-cache",
            "KATASTER_LOG_FILE": "/var/log/kataster.log",
            "KATASTER_GITHUB_TOKEN": "ghp_secret",
            "KATASTER_GITLAB_TOKEN": "glpat-secret",
            "KATASTER_WORKERS": "16",
            "KATASTER_GIT_TIMEOUT": "30.5",
            "KATASTER_MAX_FILE_BYTES": "1048576",
            "KATASTER_DISK_BUDGET_BYTES": "5000000",
            **HOME,
        }
    )
    assert settings.database_url == "postgresql+psycopg://kataster@db/kataster"
    assert settings.cache_dir == Path.home() / "git-cache"
    assert settings.log_file == Path("/var/log/kataster.log")
    assert (settings.github_token, settings.gitlab_token) == ("ghp_secret", "glpat-secret")
    assert (settings.workers, settings.git_timeout) == (16, 30.5)
    assert (settings.max_file_bytes, settings.disk_budget_bytes) == (1048576, 5000000)


def test_an_empty_variable_counts_as_unset() -> None:
    settings = Settings.from_env({**HOME, "KATASTER_WORKERS": "", "KATASTER_GITHUB_TOKEN": " "})
    assert (settings.workers, settings.github_token) == (4, None)


def test_tokens_never_appear_in_the_representation() -> None:
    settings = Settings.from_env({**HOME, "KATASTER_GITHUB_TOKEN": "ghp_secret"})
    assert "ghp_secret" not in repr(settings)
    assert "database_url" in repr(settings)


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("KATASTER_WORKERS", "many", "expected a whole number, got 'many'"),
        ("KATASTER_WORKERS", "0", "expected a number of at least 1, got 0"),
        ("KATASTER_GIT_TIMEOUT", "-1", "expected a positive number of seconds, got '-1'"),
        ("KATASTER_GIT_TIMEOUT", "nan", "expected a positive number of seconds, got 'nan'"),
        ("KATASTER_MAX_FILE_BYTES", "1.5", "expected a whole number, got '1.5'"),
        ("KATASTER_DATABASE_URL", "kataster.db", "not a database URL"),
        ("KATASTER_DATABASE_URL", "mysql://db/k", "unsupported database 'mysql'"),
    ],
)
def test_an_invalid_value_names_its_variable(variable: str, value: str, problem: str) -> None:
    with pytest.raises(InvalidSettings) as raised:
        Settings.from_env({**HOME, variable: value})
    assert raised.value.variable == variable
    assert str(raised.value).startswith(f"{variable}: {problem}")
    assert isinstance(raised.value, ValueError)


def test_the_process_environment_is_read_when_no_mapping_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KATASTER_WORKERS", "7")
    assert Settings.from_env().workers == 7
