"""Hostile and broken files: each gets a clear finding, never an exception, crash or hang.

What each one should give comes from README.md ("Limits") and design/publiccode-standard.md
section 2.1: stages 0 to 2 (UTF-8, syntax, documents) stop at one error; syntax errors sit on
the line of the offending character, column 1; the size and nesting limits are Kataster's own.
Cases that could take the interpreter down run in a child process of the venv's python.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from harvester.publiccode import MAX_BYTES, MAX_DEPTH, MAX_NODES, load_profile, validate
from registry.cli import main

VALID = Path(__file__).parents[2] / "data" / "publiccode" / "valid"
VALID_FILE = VALID / "full_smart-city.yml"
FULL = VALID_FILE.read_text("utf-8")
VERSION = 'publiccodeYmlVersion: "0"\n'
TODAY = datetime.date(2026, 6, 1)
TWENTY_MB = 20 * 1024 * 1024

INVALID_UTF8 = ("error", "", "Invalid UTF-8", 0, 0)
NO_VERSION = ("error", "publiccodeYmlVersion", "publiccodeYmlVersion is a required field", 0, 0)
SEVERAL_DOCUMENTS = ("error", "", "multiple YAML documents in one file are not supported", 0, 0)
TOO_LARGE = ("error", "", "file is larger than 1024 KiB, the largest Kataster reads", 0, 0)
TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels is not supported"
WRONG_TYPE = "wrong type for this field"
NUL = "unacceptable character #x0000: control characters are not allowed"

CHILD = """
import json, resource, sys
from pathlib import Path
from harvester.publiccode import load_profile, validate
memory = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
path = Path(sys.argv[1])
result = validate(path.read_bytes(), base_dir=path.parent, profile=load_profile("smart-city"))
print(json.dumps([finding.as_dict() for finding in result.findings]))
"""
CHILD_MEMORY = 1024 * 1024 * 1024  # a guard far above the promised 200 MB, not a measurement
HANG_GUARD = 20  # seconds; a guard against hanging forever, not a timing assertion


def findings(data: bytes) -> list[tuple[object, ...]]:
    """Validate with the Smart City profile; each finding as (type, key, description, line, column)."""
    result = validate(data, base_dir=VALID, profile=load_profile("smart-city"), today=TODAY)
    return [(str(f.type), f.key, f.description, f.line, f.column) for f in result.findings]


def edited(old: str, new: str, text: str = FULL) -> str:
    """``text`` with its one ``old`` replaced by ``new``; fails when ``old`` is not there."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def laughs(indent: str, item: str) -> str:
    """The billion laughs: 10 levels of 10 aliases each, one level per line.

    ``item`` spells a level's start with ``{n}`` for its number: ``- &l{n} `` for list
    items, ``l{n}: &l{n} `` for mapping entries.
    """
    lines = [indent + item.format(n=0) + "[" + ", ".join(["lol"] * 10) + "]"]
    for level in range(1, 10):
        lines.append(indent + item.format(n=level) + "[" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def anchor_chain(indent: str, length: int) -> str:
    """``length`` anchors each holding an alias of the one before: flat text, a deep graph."""
    lines = [f"{indent}a0: &a0 [lol]"]
    lines += [f"{indent}a{n}: &a{n} [*a{n - 1}]" for n in range(1, length)]
    return "\n".join(lines) + "\n"


def validate_in_child(tmp_path: Path, data: bytes) -> subprocess.CompletedProcess[str]:
    """Validate ``data`` in a fresh interpreter, with memory and time guards."""
    path = tmp_path / "publiccode.yml"
    path.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(CHILD_MEMORY)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


# --- encoding --------------------------------------------------------------------------------


def test_latin1_file_is_invalid_utf8() -> None:
    assert findings(FULL.encode("latin-1")) == [INVALID_UTF8]


def test_random_bytes_are_invalid_utf8() -> None:
    garbage = random.Random(20260601).randbytes(64 * 1024)
    assert findings(garbage) == [INVALID_UTF8]


def test_only_a_byte_order_mark_is_an_empty_document() -> None:
    assert findings(b"\xef\xbb\xbf") == [NO_VERSION]


def test_byte_order_mark_before_the_version_hides_it() -> None:
    assert findings(b"\xef\xbb\xbf" + FULL.encode()) == [NO_VERSION]


def test_nul_bytes_only_are_refused_at_line_one() -> None:
    assert findings(b"\x00" * 4096) == [("error", "", NUL, 1, 1)]


def test_nul_byte_inside_a_value_is_refused_at_its_line() -> None:
    text = edited("name: Mängelmelder\n", "name: Mängel\x00melder\n")
    assert findings(text.encode()) == [("error", "", NUL, line_of(text, "name: Mängel"), 1)]


def test_control_character_inside_a_value_is_refused_at_its_line() -> None:
    text = edited("name: Mängelmelder\n", "name: Mängel\x07melder\n")
    expected = ("error", "", "unacceptable character #x0007: control characters are not allowed")
    assert findings(text.encode()) == [(*expected, line_of(text, "name: Mängel"), 1)]


def test_escaped_nul_in_a_double_quoted_value_is_an_ordinary_string() -> None:
    text = edited("name: Mängelmelder\n", 'name: "Mängel\\0melder"\n')
    assert findings(text.encode()) == []


# --- documents -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n \n", b"# publiccode.yml\n# nothing yet\n", b"\n  # indented comment\n\n"],
    ids=["empty", "whitespace", "comments", "whitespace-and-comments"],
)
def test_file_without_content_lacks_the_version(data: bytes) -> None:
    assert findings(data) == [NO_VERSION]


@pytest.mark.parametrize(
    "data", [b"- publiccodeYmlVersion: '0'\n- name: x\n", b"[a, b]\n"], ids=["block", "flow"]
)
def test_list_at_top_level_lacks_the_version(data: bytes) -> None:
    assert findings(data) == [NO_VERSION]


@pytest.mark.parametrize(
    "data",
    [b"publiccode\n", b"42\n", b'"0"\n', b"|\n  text\n"],
    ids=["plain", "number", "quoted", "block"],
)
def test_scalar_at_top_level_lacks_the_version(data: bytes) -> None:
    assert findings(data) == [NO_VERSION]


@pytest.mark.parametrize(
    "separator",
    ["---\nname: other\n", "---\n", "--- " + VERSION],
    ids=["second", "empty-second", "repeated"],
)
def test_several_documents_are_refused(separator: str) -> None:
    assert findings((FULL + separator).encode()) == [SEVERAL_DOCUMENTS]


def test_version_key_cut_off_at_the_end_of_the_file_is_a_wrong_type() -> None:
    assert findings(b"name: x\npubliccodeYmlVersion:") == [
        ("error", "publiccodeYmlVersion", WRONG_TYPE, 2, 1)
    ]


def test_syntax_error_at_the_end_of_the_file_is_placed_on_its_last_line() -> None:
    assert findings((VERSION + "name").encode()) == [
        ("error", "", "could not find expected ':'", 2, 1)
    ]


def test_tab_indentation_is_a_syntax_error_at_its_line() -> None:
    text = edited("  license: EUPL-1.2\n", "\tlicense: EUPL-1.2\n")
    description = "found character '\\t' that cannot start any token"
    assert findings(text.encode()) == [("error", "", description, line_of(text, "\tlicense"), 1)]


# --- anchors and aliases ---------------------------------------------------------------------


def test_alias_bomb_under_an_unknown_key_is_only_an_unknown_key() -> None:
    text = FULL + "lol:\n" + laughs("  ", "- &l{n} ")
    assert findings(text.encode()) == [
        ("error", "lol", 'unknown field "lol"', line_of(text, "lol:"), 1)
    ]


def test_alias_bomb_in_used_by_is_a_wrong_type_at_its_first_item() -> None:
    text = edited(
        "usedBy:\n  - Stadt Musterstadt\n  - Gemeinde Beispielhausen\n",
        "usedBy:\n" + laughs("  ", "- &l{n} "),
    )
    assert findings(text.encode())[0] == ("error", "usedBy[0]", WRONG_TYPE, line_of(text, "&l0"), 1)


def test_alias_bomb_in_description_is_a_wrong_type_at_its_first_language() -> None:
    start, end = FULL.index("description:\n"), FULL.index("legal:\n")
    text = FULL[:start] + "description:\n" + laughs("  ", "l{n}: &l{n} ") + "\n" + FULL[end:]
    assert findings(text.encode())[:2] == [
        ("error", "description.l0", WRONG_TYPE, line_of(text, "&l0"), 1),
        (
            "error",
            "description",
            "description must contain more than 0 items",
            line_of(text, "description:"),
            1,
        ),
    ]


def test_recursive_alias_under_an_unknown_key_is_only_an_unknown_key() -> None:
    text = FULL + "loop: &a [*a]\n"
    assert findings(text.encode()) == [
        ("error", "loop", 'unknown field "loop"', line_of(text, "loop:"), 1)
    ]


def test_recursive_alias_in_used_by_is_a_wrong_type() -> None:
    text = edited(
        "usedBy:\n  - Stadt Musterstadt\n  - Gemeinde Beispielhausen\n", "usedBy: &a [*a]\n"
    )
    assert findings(text.encode())[0] == (
        "error",
        "usedBy",
        WRONG_TYPE,
        line_of(text, "usedBy: &a"),
        1,
    )


def test_alias_before_its_anchor_is_a_wrong_type_at_the_alias() -> None:
    text = edited("usedBy:\n  - Stadt Musterstadt\n", "usedBy:\n  - *later\n") + "later: &later x\n"
    assert findings(text.encode())[0] == (
        "error",
        "usedBy[0]",
        WRONG_TYPE,
        line_of(text, "- *later"),
        1,
    )


def test_recursive_mapping_in_description_is_an_unknown_field() -> None:
    start, end = FULL.index("description:\n"), FULL.index("legal:\n")
    text = FULL[:start] + "description: &d\n  en: *d\n\n" + FULL[end:]
    line = line_of(text, "en: *d")
    assert findings(text.encode())[0] == ("error", "description.en", 'unknown field "en"', line, 1)


def test_alias_without_anchor_does_not_hide_a_syntax_error() -> None:
    data = (VERSION + "usedBy: [*nowhere").encode()
    assert findings(data) == [("error", "", "sequence end token ']' not found", 2, 1)]


def test_long_anchor_chain_under_an_unknown_key_is_only_an_unknown_key() -> None:
    text = FULL + "chain:\n" + anchor_chain("  ", 5000)
    assert findings(text.encode()) == [
        ("error", "chain", 'unknown field "chain"', line_of(text, "chain:"), 1)
    ]


def test_long_anchor_chain_in_used_by_is_a_wrong_type_at_its_last_link() -> None:
    text = edited(
        "name: Mängelmelder\n", "chain:\n" + anchor_chain("  ", 5000) + "name: Mängelmelder\n"
    )
    text = edited("usedBy:\n  - Stadt Musterstadt\n", "usedBy:\n  - *a4999\n", text)
    line = line_of(text, "a4999: &a4999")
    assert findings(text.encode())[0] == ("error", "chain.a4999", WRONG_TYPE, line, 1)


def test_anchors_nested_deeper_than_the_limit_are_refused() -> None:
    nested = "".join(f"&n{level} [" for level in range(1000)) + "]" * 1000
    text = FULL + "deep: " + nested + "\n"
    assert findings(text.encode()) == [("error", "", TOO_DEEP, line_of(text, "deep:"), 1)]


BIG = "x" * 300_000
AMPLIFIED = {
    # field: (the anchored value, what comes before the list of its aliases, what after)
    "isBasedOn": ("https://example.org/" + BIG, "isBasedOn: ", "\n"),
    "videos": ("https://www.youtube.com/watch?v=" + BIG, "description: {en: {videos: ", "}}\n"),
    "screenshots": (BIG + ".png", "description: {en: {screenshots: ", "}}\n"),
    "countries": (BIG, "intendedAudience: {countries: ", "}\n"),
    "fundedBy": ("{uri: " + BIG + "}", "fundedBy: ", "\n"),
    "supports": ("{id: " + BIG + "}", "supports: ", "\n"),
    "contacts": (
        "{name: a, email: " + BIG + "}",
        "maintenance: {type: internal, contacts: ",
        "}\n",
    ),
    "contractors": (
        "{name: a, until: 2099-12-31, website: https://" + BIG + "}",
        "maintenance: {type: contract, contractors: ",
        "}\n",
    ),
}


@pytest.mark.parametrize("field", AMPLIFIED)
def test_many_aliases_of_a_large_value_do_not_exhaust_the_validator(
    tmp_path: Path, field: str
) -> None:
    # README: "anchors and aliases are never expanded, so alias bombs cost nothing, and a
    # value repeated by aliases is checked once". Just under the node limit.
    value, before, after = AMPLIFIED[field]
    aliases = "[" + ", ".join(["*big"] * (MAX_NODES - 100)) + "]"
    data = f"{VERSION}big: &big {value}\n{before}{aliases}{after}".encode()
    assert len(data) < MAX_BYTES
    child = validate_in_child(tmp_path, data)
    assert (child.returncode, child.stderr) == (0, "")
    assert json.loads(child.stdout)[0]["description"] == 'unknown field "big"'


def test_more_nodes_than_the_limit_are_refused_where_the_limit_is_passed() -> None:
    items = "\n".join(f"  - {n}" for n in range(MAX_NODES))
    data = f"{VERSION}usedBy:\n{items}\n".encode()
    # Nodes: the top-level mapping, 2 keys, 2 values, the list; item n is on line n + 3.
    limit_line = MAX_NODES - 5 + 3
    assert findings(data) == [
        ("error", "", f"more than {MAX_NODES:,} YAML nodes is not supported", limit_line, 1)
    ]


# --- nesting ---------------------------------------------------------------------------------


def test_flow_nesting_of_1000_levels_is_refused_at_its_line() -> None:
    data = (VERSION + "deep: " + "[" * 1000 + "]" * 1000 + "\n").encode()
    assert findings(data) == [("error", "", TOO_DEEP, 2, 1)]


def test_block_nesting_of_1000_levels_is_refused_where_it_gets_too_deep() -> None:
    levels = "".join("  " * (n + 1) + f"k{n}:\n" for n in range(1000))
    data = (VERSION + "deep:\n" + levels).encode()
    # The top-level mapping is level 1 and level n starts on line n + 1.
    assert findings(data) == [("error", "", TOO_DEEP, MAX_DEPTH + 2, 1)]


def test_flow_nesting_of_100000_levels_is_refused_without_crashing(tmp_path: Path) -> None:
    data = (VERSION + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n").encode()
    child = validate_in_child(tmp_path, data)
    assert (child.returncode, child.stderr) == (0, "")
    assert json.loads(child.stdout) == [
        {"type": "error", "key": "", "description": TOO_DEEP, "line": 2, "column": 1}
    ]


def test_compact_block_nesting_of_100000_levels_is_refused_without_crashing(tmp_path: Path) -> None:
    data = (VERSION + "deep:\n  " + "- " * 100_000 + "x\n").encode()
    child = validate_in_child(tmp_path, data)
    assert (child.returncode, child.stderr) == (0, "")
    assert json.loads(child.stdout) == [
        {"type": "error", "key": "", "description": TOO_DEEP, "line": 3, "column": 1}
    ]


def test_unclosed_flow_nesting_of_100000_levels_is_refused_without_crashing(tmp_path: Path) -> None:
    child = validate_in_child(tmp_path, b"[" * 100_000)
    assert (child.returncode, child.stderr) == (0, "")
    assert json.loads(child.stdout) == [
        {"type": "error", "key": "", "description": TOO_DEEP, "line": 1, "column": 1}
    ]


# --- size ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        VERSION.encode() + b"name: " + b"x" * TWENTY_MB + b"\n",
        VERSION.encode() + b"".join(b"k%07d: v\n" % n for n in range(TWENTY_MB // 12)),
        VERSION.encode() + b"usedBy: [" + b"a, " * (TWENTY_MB // 3) + b"a]\n",
    ],
    ids=["one-scalar", "many-keys", "flow-list"],
)
def test_twenty_megabyte_file_is_refused_as_too_large(data: bytes) -> None:
    assert findings(data) == [TOO_LARGE]


def test_file_one_byte_over_the_limit_is_refused_as_too_large() -> None:
    data = FULL.encode() + b"#" * (MAX_BYTES - len(FULL.encode())) + b"\n"
    assert len(data) == MAX_BYTES + 1
    assert findings(data) == [TOO_LARGE]


def test_file_at_the_limit_is_read() -> None:
    data = FULL.encode() + b"#" * (MAX_BYTES - len(FULL.encode()) - 1) + b"\n"
    assert len(data) == MAX_BYTES
    assert findings(data) == []


def test_very_long_value_line_is_read() -> None:
    text = edited("name: Mängelmelder\n", "name: " + "Mängelmelder " * 60_000 + "\n")
    assert findings(text.encode()) == []


def test_very_long_comment_line_is_read() -> None:
    assert findings((FULL + "# " + "x" * 900_000 + "\n").encode()) == []


def test_very_long_plain_key_is_a_syntax_error() -> None:
    text = FULL + "x" * 900_000 + ": y\n"
    assert findings(text.encode()) == [
        ("error", "", "could not find expected ':'", line_of(text, "xxx"), 1)
    ]


def test_very_long_number_is_read_as_a_string() -> None:
    # Python refuses to convert more than 4300 digits to int; Go would read a string.
    text = edited('softwareVersion: "2.4.1"\n', "softwareVersion: " + "1" * 5000 + "\n")
    assert findings(text.encode()) == []


@pytest.mark.parametrize("number", ["0b_", "0o_", "0x_", "-0x__"])
def test_radix_prefix_without_digits_is_read_as_a_string(number: str) -> None:
    text = edited('softwareVersion: "2.4.1"\n', f"softwareVersion: {number}\n")
    assert findings(text.encode()) == []


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of hanging when a path blocks on open or read (a guard, not a timing)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("kataster validate blocked on its path")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(HANG_GUARD)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_symlink_to_a_valid_file_is_followed(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(VALID / "logo.svg", tmp_path / "logo.svg")
    shutil.copy(VALID_FILE, tmp_path / "real.yml")
    (tmp_path / "publiccode.yml").symlink_to(tmp_path / "real.yml")
    result = runner.invoke(main, ["validate", str(tmp_path / "publiccode.yml")])
    assert (result.exit_code, result.output) == (0, "")


def test_dangling_symlink_is_refused_with_status_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "publiccode.yml").symlink_to(tmp_path / "missing.yml")
    result = runner.invoke(main, ["validate", str(tmp_path / "publiccode.yml")])
    assert result.exit_code == 2
    assert "publiccode.yml" in result.stderr


@pytest.mark.usefixtures("no_hang")
def test_symlink_to_dev_zero_is_refused_with_status_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "publiccode.yml").symlink_to("/dev/zero")
    result = runner.invoke(main, ["validate", str(tmp_path / "publiccode.yml")])
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr


@pytest.mark.usefixtures("no_hang")
def test_fifo_is_refused_with_status_2(runner: CliRunner, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "publiccode.yml")
    result = runner.invoke(main, ["validate", str(tmp_path / "publiccode.yml")])
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr


# --- found in review: work that grew with the input -----------------------------------------


def test_deeply_parenthesised_licence_is_refused_not_a_crash() -> None:
    licence = "(" * 400 + "MIT" + ")" * 400
    data = f'{VERSION}legal: {{license: "{licence}"}}\n'.encode()
    keys = [(key, description) for _, key, description, *_ in findings(data)]
    assert (
        "legal.license",
        "license must be a valid license (see https://spdx.org/licenses)",
    ) in keys


def test_a_long_run_of_viramas_is_counted_in_linear_time(tmp_path: Path) -> None:
    text = "a" + "\u094d" * 60_000 + "\u0915" + "x" * 149  # 2 + 149 grapheme clusters
    data = f'{VERSION}description: {{en: {{shortDescription: "{text}"}}}}\n'.encode()
    child = validate_in_child(tmp_path, data)
    assert (child.returncode, child.stderr) == (0, "")
    messages = [f["description"] for f in json.loads(child.stdout)]
    assert "shortDescription must be a maximum of 150 characters in length" in messages


def test_language_blocks_aliasing_one_long_list_are_judged_once(tmp_path: Path) -> None:
    items = "\n".join('  - "http://x"' for _ in range(4000))
    blocks = "\n".join(f"  l{n}: *d" for n in range(2000))
    data = f"{VERSION}f: &f\n{items}\nd: &d {{videos: *f}}\ndescription:\n{blocks}\n".encode()
    child = validate_in_child(tmp_path, data)
    assert (child.returncode, child.stderr) == (0, "")
    listed = [f for f in json.loads(child.stdout) if f["type"] != "profile"]
    assert len(listed) == 1001
    assert listed[-1]["description"].startswith("more than 100,000 more findings not listed")
    assert listed[-1]["type"] == "error"
