"""Texts as headings and prose blocks: the line-level reading of Markdown, RST and the rest."""

from __future__ import annotations

import pytest

from harvester.inspect._markup import (
    MAX_TEXT_BYTES,
    BlockKind,
    Heading,
    Syntax,
    clean_inline,
    count_words,
    decode,
    parse,
    syntax_of,
)


def _headings(text: str, syntax: Syntax = Syntax.MARKDOWN) -> list[tuple[int, int, str]]:
    return [(h.line, h.level, h.text) for h in parse(text, syntax).headings]


@pytest.mark.parametrize(
    ("path", "syntax"),
    [
        ("README.md", Syntax.MARKDOWN),
        ("README.de.MD", Syntax.MARKDOWN),
        ("README.rst", Syntax.RST),
        ("README.adoc", Syntax.ASCIIDOC),
        ("README.org", Syntax.ORG),
        ("README", Syntax.PLAIN),
        ("README.txt", Syntax.PLAIN),
    ],
)
def test_the_file_name_announces_the_syntax(path: str, syntax: Syntax) -> None:
    assert syntax_of(path) is syntax


def test_decode_cuts_replaces_and_normalises() -> None:
    data = b"\xef\xbb\xbfa\r\nb\rc\x00d\xff" + b"x" * MAX_TEXT_BYTES
    text = decode(data)
    assert text.startswith("a\nb\ncd\ufffd")
    assert len(text.encode()) <= MAX_TEXT_BYTES + 2  # the replacement character is 3 bytes


def test_reads_atx_headings_with_levels_and_closing_hashes() -> None:
    text = "# One\n###### Six ######\n####### seven\n#no\n   ## Indented\n    # code\n"
    assert _headings(text) == [(1, 1, "One"), (2, 6, "Six"), (5, 2, "Indented")]


def test_a_closing_hash_sequence_needs_a_space_before_it() -> None:
    assert _headings("# C#\n") == [(1, 1, "C#")]


def test_reads_setext_headings() -> None:
    assert _headings("Title\n=====\n\nPart\n---\n") == [(1, 1, "Title"), (4, 2, "Part")]


def test_a_rule_after_a_blank_line_is_not_a_heading() -> None:
    assert _headings("Text\n\n---\n") == []


def test_reads_rst_titles_with_and_without_overlines() -> None:
    text = "=======\n Title\n=======\n\nSection\n-------\n\nSub\n^^^\n"
    assert _headings(text, Syntax.RST) == [(2, 1, "Title"), (5, 2, "Section"), (8, 2, "Sub")]


def test_rst_underlines_of_other_characters_are_not_markdown_headings() -> None:
    assert _headings("Sub\n^^^\n", Syntax.MARKDOWN) == []


def test_reads_asciidoc_and_org_headings() -> None:
    assert _headings("= Title\n== Part\n", Syntax.ASCIIDOC) == [(1, 1, "Title"), (2, 2, "Part")]
    assert _headings("* Title\n** Part\n", Syntax.ORG) == [(1, 1, "Title"), (2, 2, "Part")]


def test_reads_html_headings() -> None:
    text = '<h2 id="x">One <a href="#x">#</a></h2>\n<H3>\nTwo\n</H3>\n'
    assert _headings(text) == [(1, 2, "One #"), (2, 3, "Two")]


def test_an_html_heading_that_never_closes_is_no_heading() -> None:
    assert _headings("<h1>\n" + "text\n" * 30 + "</h1>\n") == []


def test_comments_are_dropped_but_lines_keep_their_numbers() -> None:
    text = "<!--\n# Hidden\n-->\n# Shown\n<!-- unclosed\n# Gone\n"
    assert _headings(text) == [(4, 1, "Shown")]


def test_code_fences_hide_headings_until_a_matching_fence() -> None:
    text = "````\n# a\n```\n# b\n````\n# c\n~~~\n# d\n"
    assert _headings(text) == [(6, 1, "c")]


def test_blocks_are_paragraphs_lists_tables_and_quotes() -> None:
    text = "Para one\ncontinues.\n\n- item\n- item\n\n| a |\n\n> quoted\n\n1. first\n"
    blocks = parse(text, Syntax.MARKDOWN).blocks
    assert [(block.line, block.kind) for block in blocks] == [
        (1, BlockKind.PARAGRAPH),
        (4, BlockKind.LIST),
        (7, BlockKind.TABLE),
        (9, BlockKind.QUOTE),
        (11, BlockKind.LIST),
    ]
    assert blocks[0].text == "Para one continues."


def test_link_definitions_are_not_prose() -> None:
    assert parse("[ci]: https://ci.example.org/badge\n", Syntax.MARKDOWN).blocks == ()


def test_rst_directives_and_literal_blocks_are_not_prose() -> None:
    text = ".. image:: x.png\n   :alt: Logo\n\nExample::\n\n    code here\n\nAfter.\n"
    assert [block.text for block in parse(text, Syntax.RST).blocks] == ["Example::", "After."]


def test_rst_admonitions_keep_their_body() -> None:
    text = ".. note::\n\nBody text.\n"
    assert [block.text for block in parse(text, Syntax.RST).blocks] == ["Body text."]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[![ci](https://b/x.svg)](https://b) Stadt", "Stadt"),
        ("see [the docs](https://x.org/docs 'Title') now", "see the docs now"),
        ('see [the docs](https://x.org "T") now', "see the docs now"),
        ("a [ref link][1] here", "a ref link here"),
        ("![alt][logo] gone", "gone"),
        ("<https://example.org> and www.example.org/path", "and"),
        ('<img src="a.png" alt="x"> <b>bold</b>', "bold"),
        (
            "**strong** and *em* and __u__ and `code` and ~~del~~",
            "strong and em and u and code and del",
        ),
        ("snake_case stays", "snake_case stays"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("`Text <https://x.org>`_ and :ref:`label`", "Text and label"),
    ],
)
def test_clean_inline_keeps_the_words(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


def test_rst_substitutions_vanish_in_rst_only() -> None:
    assert clean_inline("|badge| Stadt", Syntax.RST) == "Stadt"
    assert clean_inline("| a | b |", Syntax.MARKDOWN) == "| a | b |"


@pytest.mark.parametrize(
    ("text", "words"),
    [("Die Stadt-App, 2 mal.", 3), ("l'eau don\u2019t", 2), ("1234 5678", 0), ("", 0)],
)
def test_counts_words_starting_with_a_letter(text: str, words: int) -> None:
    assert count_words(text) == words


def test_prose_holds_headings_and_blocks_but_no_code() -> None:
    text = "# Title\n\nSome text.\n\n```\ncode\n```\n"
    assert parse(text, Syntax.MARKDOWN).prose == "Title\nSome text."


def test_headings_are_cut_to_a_sane_length() -> None:
    (heading,) = parse("# " + "word " * 1_000 + "\n", Syntax.MARKDOWN).headings
    assert isinstance(heading, Heading)
    assert len(heading.text) <= 200
