"""Properties of the validator on generated input: it answers everything, the same way twice.

Every file a repository contains is untrusted (README.md, "Limits"), so whatever bytes,
text, YAML or near-valid publiccode.yml hypothesis makes up, ``validate`` returns findings,
each of a known type and placed inside the document. The Smart City profile runs every time.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from harvester.publiccode import FindingType, ValidationResult, load_profile, validate
from harvester.publiccode.model import PUBLICCODE, Field, Kind, Struct

VALID = Path(__file__).parents[2] / "data" / "publiccode" / "valid"
FULL = (VALID / "full_smart-city.yml").read_bytes()
TODAY = datetime.date(2026, 6, 1)
PROFILE = load_profile("smart-city")
TYPES = {FindingType.ERROR, FindingType.WARNING, FindingType.PROFILE}

# A few hundred examples per test keep the whole file well under a minute.
QUICK = settings(max_examples=300, deadline=None)
# Structured documents cost more to draw and validate: fewer of them.
STRUCTURED = settings(max_examples=200, deadline=None)


def check(data: bytes) -> ValidationResult:
    return validate(data, base_dir=VALID, profile=PROFILE, today=TODAY)


# libyaml counts these as line breaks (YAML 1.1), "\r\n" as one.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_count(data: bytes) -> int:
    return len(_BREAK.findall(data.decode("utf-8"))) + 1


# --- strategies ------------------------------------------------------------------------------


def _key_names(struct: Struct) -> set[str]:
    names = set()
    for field in struct.fields:
        names.add(field.name)
        if field.struct is not None:
            names |= _key_names(field.struct)
    return names


KEY_NAMES = sorted(_key_names(PUBLICCODE) | {"de", "en", "en-US", "it", "de-AT", "x-foo"})
KEYS = st.sampled_from(KEY_NAMES) | st.text(max_size=12)
TRICKY_SCALARS = [
    "0", "0.7", "0.2", "0.6", "", "~", "null", "yes", "no", "0x1F", "010", "08", "1e3", "1.0",
    ".inf", ".nan", "0b_", "0x_", "-0o_", "1" * 5000, "2026-01-01", "2099-12-31", "12:30",
    "https://example.org", "http://[::1", "git@host:a/b.git", "%zz", "de", "DE", "de-AT", "xx",
    "EUPL-1.2", "MIT AND (", "stable", "contract", "internal", "community", "standalone/web",
    "alias:foo", "urn:x-italian-pa:c_h501", "text/html", "logo.svg", "../../etc/passwd", "/dev/zero",
    "file:///etc/passwd", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "a@b.de", "\ufeff",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(TRICKY_SCALARS)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=40,
)
VERSIONS = st.sampled_from(["0", "0.7", "0.2", "0.6", 0, 0.7, None, ["0"]])


@st.composite
def yaml_documents(draw: st.DrawFn) -> bytes:
    """A YAML mapping, mostly with a version, of publiccode.yml keys and random ones."""
    document: dict[object, object] = {}
    if draw(st.integers(0, 9)):
        document["publiccodeYmlVersion"] = draw(VERSIONS)
    document.update(draw(st.dictionaries(KEYS, VALUES, max_size=8)))
    text = yaml.safe_dump(
        document,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        width=draw(st.sampled_from([80, 10**6])),
    )
    return text.encode("utf-8")


PLAIN = st.sampled_from(TRICKY_SCALARS) | st.text(alphabet="0123456789abcxeEob_.+-:/ ", max_size=12)
LANGUAGE_TAGS = st.sampled_from(["de", "en", "en-US", "it", "de-AT", "xx-invalid", "0"])
SHAPES = {
    Kind.STRING: "scalar", Kind.BOOL: "scalar", Kind.URL: "scalar", Kind.STRINGS: "scalars",
    Kind.URLS: "scalars", Kind.URL_OR_URLS: "scalars", Kind.STRUCT: "struct",
    Kind.STRUCTS: "structs", Kind.LANGUAGES: "languages",
}  # fmt: skip


def _shaped(draw: st.DrawFn, field: Field | None, depth: int) -> object:
    """A value of the field's shape, or now and then of any shape: scalars stay plain text."""
    shape = SHAPES[field.kind] if field is not None else "scalar"
    if field is None or not draw(st.integers(0, 7)):
        shape = draw(
            st.sampled_from(["scalar", "scalars", "struct", "structs"] if depth < 3 else ["scalar"])
        )
    struct = field.struct if field is not None and field.struct is not None else PUBLICCODE
    if shape == "scalar":
        return draw(PLAIN)
    if shape == "scalars":
        return draw(st.lists(PLAIN, max_size=3))
    if shape == "languages":
        return {
            draw(LANGUAGE_TAGS): _mapping(draw, struct, depth + 1)
            for _ in range(draw(st.integers(0, 2)))
        }
    if shape == "struct":
        return _mapping(draw, struct, depth + 1)
    return [_mapping(draw, struct, depth + 1) for _ in range(draw(st.integers(0, 2)))]


def _mapping(draw: st.DrawFn, struct: Struct, depth: int) -> dict[str, object]:
    fields = draw(st.lists(st.sampled_from(struct.fields), max_size=6, unique_by=lambda f: f.name))
    mapping = {field.name: _shaped(draw, field, depth) for field in fields}
    if not draw(st.integers(0, 7)):
        mapping[draw(st.sampled_from(KEY_NAMES))] = _shaped(draw, None, depth)
    return mapping


def _block(value: dict[str, object] | list[object], indent: str) -> list[str]:
    """Block YAML lines for a mapping or list, scalars written as they are (plain)."""
    lines: list[str] = []
    items = value.items() if isinstance(value, dict) else [("-", item) for item in value]
    for key, item in items:
        lead = f"{indent}{key}" if key == "-" else f"{indent}{key}:"
        if isinstance(item, (dict, list)) and item:
            lines.append(lead)
            lines.extend(_block(item, indent + "  "))
        else:
            lines.append(f"{lead} {'{}' if item == {} else '[]' if item == [] else item}")
    return lines


@st.composite
def model_documents(draw: st.DrawFn) -> bytes:
    """Block YAML shaped like publiccode.yml, written by hand so scalars stay plain.

    (``yaml.safe_dump`` would quote ``0b_`` or ``1e3``; the validator's own scalar
    resolution is what plain scalars exercise.)
    """
    document = _mapping(draw, PUBLICCODE, 0)
    document.pop("publiccodeYmlVersion", None)
    if draw(st.integers(0, 9)):
        document = {
            "publiccodeYmlVersion": draw(st.sampled_from(['"0"', "0", "0.7", '"0.2"', "0.6"])),
            **document,
        }
    text = "\n".join(_block(document, ""))
    return text.encode("utf-8") + draw(st.sampled_from([b"", b"\n"]))


DOCUMENTS = yaml_documents() | model_documents()


def _lines() -> list[bytes]:
    return FULL.splitlines(keepends=True)


@st.composite
def without_a_line(draw: st.DrawFn) -> bytes:
    lines = _lines()
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"".join(lines)


@st.composite
def with_a_duplicated_line(draw: st.DrawFn) -> bytes:
    lines = _lines()
    index = draw(st.integers(0, len(lines) - 1))
    lines.insert(index, lines[index])
    return b"".join(lines)


@st.composite
def with_two_lines_swapped(draw: st.DrawFn) -> bytes:
    lines = _lines()
    first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[first], lines[second] = lines[second], lines[first]
    return b"".join(lines)


@st.composite
def with_a_byte_replaced(draw: st.DrawFn) -> bytes:
    index = draw(st.integers(0, len(FULL) - 1))
    return FULL[:index] + bytes([draw(st.integers(0, 255))]) + FULL[index + 1 :]


# Cut and insert points that matter most to a parser: around colons, dashes and line ends.
SYNTAX_POINTS = sorted({i + d for i, byte in enumerate(FULL) if byte in b":-\n" for d in (0, 1)})
POINTS = st.integers(0, len(FULL)) | st.sampled_from(SYNTAX_POINTS)


@st.composite
def with_a_tab_inserted(draw: st.DrawFn) -> bytes:
    index = draw(POINTS)
    return FULL[:index] + b"\t" + FULL[index:]


@st.composite
def truncated(draw: st.DrawFn) -> bytes:
    return FULL[: draw(POINTS)]


MUTATIONS = {
    "delete-line": without_a_line(),
    "duplicate-line": with_a_duplicated_line(),
    "swap-lines": with_two_lines_swapped(),
    "replace-byte": with_a_byte_replaced(),
    "insert-tab": with_a_tab_inserted(),
    "truncate": truncated(),
}
MUTATED = st.one_of(*MUTATIONS.values())
YAML_TEXT = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?.~0 \n\tabcé\ufeff")), max_size=200
)


# --- properties ------------------------------------------------------------------------------


@QUICK
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert isinstance(check(data), ValidationResult)


@QUICK
@given(st.text(max_size=500) | YAML_TEXT)
def test_arbitrary_text_never_raises(text: str) -> None:
    assert isinstance(check(text.encode("utf-8")), ValidationResult)


@STRUCTURED
@given(DOCUMENTS)
def test_generated_yaml_never_raises(data: bytes) -> None:
    assert isinstance(check(data), ValidationResult)


@STRUCTURED
@given(DOCUMENTS)
def test_every_finding_has_a_known_type(data: bytes) -> None:
    assert {finding.type for finding in check(data).findings} <= TYPES


@STRUCTURED
@given(DOCUMENTS)
def test_every_finding_is_placed_inside_the_document(data: bytes) -> None:
    lines = line_count(data)
    for finding in check(data).findings:
        assert 0 <= finding.line <= lines, finding
        assert finding.column >= 0, finding


@STRUCTURED
@given(DOCUMENTS | YAML_TEXT.map(lambda text: text.encode("utf-8")))
def test_unplaced_findings_have_neither_line_nor_column(data: bytes) -> None:
    for finding in check(data).findings:
        assert (finding.line == 0) == (finding.column == 0), finding


@QUICK
@given(MUTATED)
def test_mutations_of_the_valid_file_never_raise(data: bytes) -> None:
    assert isinstance(check(data), ValidationResult)


@QUICK
@given(MUTATED.filter(lambda data: _is_utf8(data)))
def test_findings_on_mutated_files_are_placed_inside_the_document(data: bytes) -> None:
    lines = line_count(data)
    for finding in check(data).findings:
        assert finding.type in TYPES, finding
        assert 0 <= finding.line <= lines, finding
        assert finding.column >= 0, finding


@QUICK
@given(MUTATED | DOCUMENTS)
def test_validating_the_same_bytes_twice_gives_the_same_findings(data: bytes) -> None:
    assert check(data).findings == check(data).findings


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
