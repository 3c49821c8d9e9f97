"""The root README: language, words, installation heading, title and description."""

from __future__ import annotations

import pytest

from harvester.inspect.readme import MAX_DESCRIPTION, read_readme

GERMAN = (
    "Die Stadtplan-App zeigt Bürgerinnen und Bürgern alle öffentlichen Orte der Stadt auf einer "
    "Karte. Sie sammelt Daten aus dem offenen Datenportal, aktualisiert sie jede Nacht und "
    "bietet eine barrierefreie Suche nach Spielplätzen, Bibliotheken und Ämtern an."
)
ENGLISH = (
    "The city map app shows citizens every public place of the city on a map. It collects "
    "data from the open data portal, refreshes it every night and offers an accessible search "
    "for playgrounds, libraries and public offices."
)
FRENCH = (
    "L'application affiche sur une carte tous les lieux publics de la ville. Elle collecte les "
    "données du portail de données ouvertes, les met à jour chaque nuit et propose une "
    "recherche accessible des bibliothèques et des aires de jeux."
)
CHINESE = "这是一个开放数据平台\uff0c为城市提供传感器数据的收集和展示功能\uff0c方便市民使用。" * 5


def _read(text: str, path: str = "README.md") -> object:
    return read_readme(path, text.encode())


def test_keeps_the_path() -> None:
    assert read_readme("README.rst", b"Title\n=====\n").path == "README.rst"


def test_tells_a_german_readme() -> None:
    assert read_readme("README.md", f"# Stadtplan\n\n{GERMAN}\n".encode()).language == "de"


def test_tells_an_english_readme() -> None:
    assert read_readme("README.md", f"# City map\n\n{ENGLISH}\n".encode()).language == "en"


def test_tells_a_french_readme() -> None:
    assert read_readme("README.md", FRENCH.encode()).language == "fr"


def test_a_short_readme_has_no_language() -> None:
    assert read_readme("README.md", b"# Stadtplan\n\nEine App.\n").language is None


def test_a_readme_in_another_language_has_no_language() -> None:
    assert read_readme("README.md", CHINESE.encode()).language is None


def test_code_does_not_decide_the_language() -> None:
    code = "```\n" + "npm install --save-dev webpack babel loader config server\n" * 40 + "```\n"
    readme = read_readme("README.md", f"# Stadtplan\n\n{code}\n{GERMAN}\n".encode())
    assert readme.language == "de"


def test_counts_words_of_prose_and_headings() -> None:
    assert read_readme("README.md", b"# My App\n\nIt shows a map.\n\n- one item\n").words == 8


def test_word_count_leaves_out_code_badges_urls_and_tags() -> None:
    text = (
        "[![build](https://ci.example.org/badge.svg)](https://ci.example.org)\n\n"
        '<p align="center"><img src="logo.png" alt="Logo of the app"></p>\n\n'
        "See https://example.org/docs/a/b/c and [the guide](https://example.org/guide).\n\n"
        "```sh\nnpm install and many more words here\n```\n\n"
        "    indented words count\n"
    )
    assert read_readme("README.md", text.encode()).words == 7  # See and the guide, 3 indented


def test_word_count_leaves_out_rst_code_and_directives() -> None:
    text = (
        "Title\n=====\n\n.. image:: https://badge.svg\n   :target: https://x\n\n"
        "Run it::\n\n    pip install thing now\n\nDone here.\n"
    )
    assert read_readme("README.rst", text.encode()).words == 5  # Title Run it Done here


@pytest.mark.parametrize(
    ("text", "heading", "line"),
    [
        ("# App\n\nText.\n\n## Installation\n\nRun it.\n", "Installation", 5),
        ("# App\n\n## 2. Getting started 🚀\n", "2. Getting started 🚀", 3),
        ("App\n===\n\nSetup\n-----\n\nText\n", "Setup", 4),
        ("# App\n## Quick start ##\n", "Quick start", 2),
        ("# App\n### Deployment\n", "Deployment", 2),
        ("# Stadtplan\n## Inbetriebnahme\n", "Inbetriebnahme", 2),
        ("# Stadtplan\n## Installation und Betrieb\n", "Installation und Betrieb", 2),
        ("# Stadtplan\n## Einrichtung\n", "Einrichtung", 2),
        ("# Stadtplan\n## Erste Schritte\n", "Erste Schritte", 2),
        ("# Stadtplan\n## Installieren der App\n", "Installieren der App", 2),
        ('<h1 align="center">App</h1>\n<h2>Install</h2>\n', "Install", 2),
        ("# App\n## [Installation](#install)\n", "Installation", 2),
    ],
)
def test_finds_the_installation_heading_in_markdown(text: str, heading: str, line: int) -> None:
    readme = read_readme("README.md", text.encode())
    assert (readme.install_heading, readme.install_line) == (heading, line)


def test_finds_the_installation_heading_in_rst() -> None:
    text = "=====\nTitle\n=====\n\nIntro text.\n\nInstallation\n~~~~~~~~~~~~\n\npip install x\n"
    readme = read_readme("README.rst", text.encode())
    assert (readme.install_heading, readme.install_line) == ("Installation", 7)


def test_finds_the_installation_heading_in_asciidoc() -> None:
    readme = read_readme("README.adoc", b"= App\n\n== Installation\n")
    assert (readme.install_heading, readme.install_line) == ("Installation", 3)


def test_prefers_an_installation_heading_to_a_usage_heading() -> None:
    readme = read_readme("README.md", b"# App\n## Usage\n## Installation\n")
    assert readme.install_heading == "Installation"


def test_takes_a_usage_heading_when_there_is_no_installation_heading() -> None:
    readme = read_readme("README.md", b"# App\n## Features\n## Verwendung\n")
    assert (readme.install_heading, readme.install_line) == ("Verwendung", 3)


def test_has_no_installation_heading_without_one() -> None:
    readme = read_readme("README.md", b"# App\n## Features\n## Lizenz\nInstall it.\n")
    assert (readme.install_heading, readme.install_line) == (None, None)


def test_headings_inside_code_blocks_do_not_count() -> None:
    readme = read_readme("README.md", b"# App\n```\n# Installation\n```\n")
    assert readme.install_heading is None


def test_an_unclosed_code_block_runs_to_the_end() -> None:
    readme = read_readme("README.md", b"# App\n~~~\n## Installation\nwords\n")
    assert (readme.install_heading, readme.words) == (None, 1)


def test_the_title_is_the_first_heading_with_words() -> None:
    text = "# ![logo](logo.png)\n\n# Stadtplan **App**\n\n## Installation\n"
    assert read_readme("README.md", text.encode()).title == "Stadtplan App"


def test_the_title_may_be_an_html_heading_over_several_lines() -> None:
    text = '<h1 align="center">\n  <img src="logo.png"><br>\n  Stadtplan\n</h1>\n'
    assert read_readme("README.md", text.encode()).title == "Stadtplan"


def test_there_is_no_title_without_a_heading() -> None:
    assert read_readme("README", b"Just some words about it.\n").title is None


def test_the_description_is_the_first_real_paragraph() -> None:
    text = (
        "# Stadtplan\n\n[![ci](https://b/x.svg)](https://b)\n\n"
        "- [Install](#install)\n- [Usage](#usage)\n\n"
        "| a | b |\n|---|---|\n\n"
        "Ok.\n\n"
        "The *city map* shows\n[every place](https://x.org) of the city.\n\nMore.\n"
    )
    description = read_readme("README.md", text.encode()).description
    assert description == "The city map shows every place of the city."


def test_the_description_may_be_a_quote() -> None:
    text = "# App\n\n> A map of all public places.\n"
    assert read_readme("README.md", text.encode()).description == "A map of all public places."


def test_the_description_leaves_out_html() -> None:
    text = '<p align="center">A <b>map</b> of public places &amp; offices.</p>\n'
    assert (
        read_readme("README.md", text.encode()).description == "A map of public places & offices."
    )


def test_a_long_description_is_cut_at_a_word() -> None:
    description = read_readme("README.md", ("word " * 300).encode()).description
    assert description is not None
    assert len(description) <= MAX_DESCRIPTION
    assert description.endswith("word…")


def test_there_is_no_description_without_a_paragraph() -> None:
    assert read_readme("README.md", b"# App\n\n- a list\n").description is None


def test_decodes_invalid_utf8_and_drops_nul_bytes() -> None:
    readme = read_readme(
        "README.md", b"# Stadt\x00plan \xff\n\nEin Text mit vier W\xc3\xb6rtern.\n"
    )
    assert readme.title == "Stadtplan \ufffd"
    assert readme.words == 6


def test_a_readme_of_only_nul_bytes_is_empty() -> None:
    readme = read_readme("README.md", b"\x00" * 100_000)
    assert (readme.words, readme.title, readme.description, readme.language) == (
        0,
        None,
        None,
        None,
    )


def test_windows_line_endings_are_understood() -> None:
    readme = read_readme("README.md", b"App\r\n===\r\n\r\n## Installation\r\n")
    assert (readme.title, readme.install_line) == ("App", 4)


def test_a_huge_readme_is_read_up_to_the_limit() -> None:
    text = (GERMAN + "\n\n") * 20_000 + "## Installation\n"  # about 4 MB, heading past the cut
    readme = read_readme("README.md", text.encode())
    assert readme.language == "de"
    assert readme.install_heading is None
    assert 60_000 < readme.words < 80_000  # 512 KiB of it


@pytest.mark.parametrize(
    "text",
    [
        "> " * 100_000 + "deep quote",
        "- " * 100_000 + "deep list",
        "[" * 200_000 + "x",
        "![" * 100_000 + "](" * 100_000,
        "[a](" + "x" * 300_000,
        "<h1 " * 100_000,
        "<h1>\n" * 50_000,
        "<!--" * 100_000,
        "`" * 300_000,
        "#" * 300_000,
        "=\n" * 200_000,
        "*_" * 200_000,
        ".. " * 100_000,
        "a\n" + "-" * 400_000,
    ],
    ids=lambda text: repr(text[:12]),
)
def test_hostile_markup_is_read_without_harm(text: str) -> None:
    readme = read_readme("README.md", text.encode())
    assert readme.words >= 0
    assert readme.description is None or len(readme.description) <= MAX_DESCRIPTION


def test_hostile_rst_is_read_without_harm() -> None:
    text = ("`a <" + "b" * 1_500 + ">`_ ") * 100 + "::\n" + "    code\n" * 100_000
    assert read_readme("README.rst", text.encode()).words == 100
