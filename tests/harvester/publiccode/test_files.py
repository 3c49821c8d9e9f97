"""File references checked without the network (design/publiccode-standard.md section 2.7)."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from harvester.publiccode import files
from harvester.publiccode.files import FileKind, check_file_reference, check_reference_form

ABSOLUTE = "is an absolute path. Only relative paths or HTTP(s) URLs allowed"
FILE_URL = "is a file:// URL. Only relative paths or HTTP(s) URLs allowed"
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind: bytes, data: bytes, crc: int | None = None) -> bytes:
    checksum = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def ihdr(
    width: int = 1,
    height: int = 1,
    depth: int = 8,
    colour: int = 2,
    compression: int = 0,
    filtering: int = 0,
    interlace: int = 0,
) -> bytes:
    data = struct.pack(">IIBBBBB", width, height, depth, colour, compression, filtering, interlace)
    return chunk(b"IHDR", data)


def idat() -> bytes:
    return chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00"))


def palette(entries: int = 1) -> bytes:
    return chunk(b"PLTE", b"\x00\x00\x00" * entries)


def rgb_png() -> bytes:
    return SIGNATURE + ihdr() + idat() + chunk(b"IEND", b"")


def paletted_png() -> bytes:
    return SIGNATURE + ihdr(colour=3) + palette() + idat() + chunk(b"IEND", b"")


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def check_logo(tmp_path: Path, content: bytes, name: str = "logo.png") -> str | None:
    write(tmp_path / name, content)
    return check_file_reference(name, FileKind.LOGO, tmp_path)


# --- step 1: absolute paths and file: URLs ------------------------------------------------


@pytest.mark.parametrize("kind", list(FileKind))
def test_refuses_an_absolute_path_for_every_kind(tmp_path: Path, kind: FileKind) -> None:
    assert check_file_reference("/etc/logo.png", kind, tmp_path) == ABSOLUTE


def test_refuses_a_protocol_relative_url_as_an_absolute_path(tmp_path: Path) -> None:
    assert check_file_reference("//cdn.example.org/logo.png", FileKind.LOGO, tmp_path) == ABSOLUTE


def test_refuses_a_file_url(tmp_path: Path) -> None:
    assert check_file_reference("file:///srv/logo.png", FileKind.LOGO, tmp_path) == FILE_URL


def test_refuses_a_file_url_without_slashes(tmp_path: Path) -> None:
    assert check_file_reference("file:logo.png", FileKind.SCREENSHOT, tmp_path) == FILE_URL


def test_treats_an_upper_case_file_scheme_as_some_other_absolute_uri(tmp_path: Path) -> None:
    assert check_file_reference("FILE:///srv/logo.png", FileKind.LOGO, tmp_path) is None


def test_reference_form_accepts_a_relative_path() -> None:
    assert check_reference_form("img/logo.png") is None


def test_reference_form_does_not_look_at_files() -> None:
    assert check_reference_form("missing/logo.gif") is None


def test_reference_form_refuses_an_absolute_path() -> None:
    assert check_reference_form("/logo.png") == ABSOLUTE


# --- step 2: absolute URIs are not checked ------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/logo.gif",
        "http://example.org",
        "ftp://example.org/logo.bmp",
        "data:image/png;base64,iVBORw0KGgo=",
        "C:\\images\\logo.bmp",
        "C:",
        "mailto:someone@example.org",
        "git+ssh://git@example.org/logo",
        "https://user:pa%20ss@example.org:8080/logo.bmp",
        "https://[::1]:8080/logo.bmp",
        "https://[fe80::1%25eth0]/logo.bmp",
        "https://example.org/logo.bmp#fragment",
        "https:///logo.bmp",
        "https://exämple.org/logo.bmp",
    ],
)
def test_does_not_check_an_absolute_uri(tmp_path: Path, value: str) -> None:
    assert check_file_reference(value, FileKind.LOGO, tmp_path) is None


@pytest.mark.parametrize(
    "value",
    [
        "https://exa mple.org/logo.png",
        "https://example.org:http/logo.png",
        "https://[::1/logo.png",
        "https://example.org/%zz/logo.png",
        "https://%41.example.org/logo.png",
        "https://example.org#top/logo.png",
        "https://us er@example.org/logo.png",
        "https://example.org/\tlogo.png",
        "1https:logo.png",
        "my_scheme:logo.png",
    ],
)
def test_treats_a_value_go_cannot_parse_as_a_relative_path(tmp_path: Path, value: str) -> None:
    expected = files._join_clean(str(tmp_path), value)
    assert check_file_reference(value, FileKind.LOGO, tmp_path) == f"no such file: {expected}"


# --- step 3: joining and cleaning ---------------------------------------------------------


def test_accepts_an_existing_relative_svg(tmp_path: Path) -> None:
    write(tmp_path / "img" / "logo.svg", b"<svg/>")
    assert check_file_reference("img/logo.svg", FileKind.LOGO, tmp_path) is None


def test_cleans_dot_segments_and_double_slashes(tmp_path: Path) -> None:
    write(tmp_path / "img" / "logo.svg", b"<svg/>")
    assert check_file_reference("./img//x/../logo.svg", FileKind.LOGO, tmp_path) is None


def test_follows_parent_segments_out_of_the_base_directory(tmp_path: Path) -> None:
    write(tmp_path / "logo.svg", b"<svg/>")
    assert check_file_reference("../logo.svg", FileKind.LOGO, tmp_path / "repo") is None


def test_stops_parent_segments_at_the_root(tmp_path: Path) -> None:
    depth = len(tmp_path.parts)
    value = "../" * (depth + 3) + "nowhere/logo.svg"
    assert check_file_reference(value, FileKind.LOGO, tmp_path) == "no such file: /nowhere/logo.svg"


def test_reports_the_cleaned_absolute_path(tmp_path: Path) -> None:
    message = check_file_reference("a/./b/../logo.svg", FileKind.LOGO, tmp_path)
    assert message == f"no such file: {tmp_path}/a/logo.svg"


def test_drops_a_trailing_slash_from_the_path(tmp_path: Path) -> None:
    message = check_file_reference("logo.svg/", FileKind.LOGO, tmp_path)
    assert message == f"no such file: {tmp_path}/logo.svg"


def test_reports_a_missing_file_under_a_base_directory_that_does_not_exist(
    tmp_path: Path,
) -> None:
    base = tmp_path / "not-there"
    message = check_file_reference("logo.svg", FileKind.LOGO, base)
    assert message == f"no such file: {base}/logo.svg"


def test_treats_question_marks_and_hashes_as_part_of_the_path(tmp_path: Path) -> None:
    write(tmp_path / "logo.svg?raw=true#x.svg", b"<svg/>")
    assert check_file_reference("logo.svg?raw=true#x.svg", FileKind.LOGO, tmp_path) is None


def test_a_nul_character_makes_a_file_missing(tmp_path: Path) -> None:
    message = check_file_reference("logo\x00.svg", FileKind.LOGO, tmp_path)
    assert message == f"no such file: {tmp_path}/logo\x00.svg"


def test_refuses_a_relative_base_directory() -> None:
    with pytest.raises(ValueError, match="absolute"):
        check_file_reference("logo.svg", FileKind.LOGO, Path("repo"))


# --- step 4: extensions -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["logo.svg", "logo.svgz", "logo.png", "LOGO.SVG", "logo.Svgz"])
def test_accepts_a_logo_extension_in_any_case(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, rgb_png())
    assert check_file_reference(name, FileKind.LOGO, tmp_path) is None


@pytest.mark.parametrize("name", ["logo.jpg", "logo.gif", "logo", "logo.png.bak", "logo.svg~"])
def test_refuses_another_logo_extension(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, b"x")
    message = check_file_reference(name, FileKind.LOGO, tmp_path)
    assert message == f"invalid file extension for: {tmp_path}/{name}"


def test_checks_the_extension_before_existence(tmp_path: Path) -> None:
    message = check_file_reference("missing.gif", FileKind.LOGO, tmp_path)
    assert message == f"invalid file extension for: {tmp_path}/missing.gif"


def test_takes_the_extension_from_the_last_segment_only(tmp_path: Path) -> None:
    write(tmp_path / "img.png" / "logo", b"x")
    message = check_file_reference("img.png/logo", FileKind.LOGO, tmp_path)
    assert message == f"invalid file extension for: {tmp_path}/img.png/logo"


def test_counts_a_name_that_is_only_an_extension_as_having_it(tmp_path: Path) -> None:
    write(tmp_path / ".jpg", b"x")
    assert check_file_reference(".jpg", FileKind.SCREENSHOT, tmp_path) is None


@pytest.mark.parametrize("name", ["shot.jpg", "shot.png", "SHOT.JPG"])
def test_accepts_a_screenshot_extension(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, b"not an image at all")
    assert check_file_reference(name, FileKind.SCREENSHOT, tmp_path) is None


@pytest.mark.parametrize("name", ["shot.jpeg", "shot.svg", "shot.gif"])
def test_refuses_another_screenshot_extension(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, b"x")
    message = check_file_reference(name, FileKind.SCREENSHOT, tmp_path)
    assert message == f"invalid file extension for: {tmp_path}/{name}"


def test_accepts_any_extension_for_an_authors_file(tmp_path: Path) -> None:
    write(tmp_path / "AUTHORS.weird", b"Jane")
    assert check_file_reference("AUTHORS.weird", FileKind.AUTHORS_FILE, tmp_path) is None


# --- step 5: existence --------------------------------------------------------------------


def test_reports_a_missing_screenshot(tmp_path: Path) -> None:
    message = check_file_reference("shots/one.png", FileKind.SCREENSHOT, tmp_path)
    assert message == f"no such file: {tmp_path}/shots/one.png"


def test_reports_a_missing_authors_file(tmp_path: Path) -> None:
    message = check_file_reference("AUTHORS", FileKind.AUTHORS_FILE, tmp_path)
    assert message == f"no such file: {tmp_path}/AUTHORS"


def test_counts_a_directory_as_existing(tmp_path: Path) -> None:
    (tmp_path / "AUTHORS").mkdir()
    assert check_file_reference("AUTHORS", FileKind.AUTHORS_FILE, tmp_path) is None


def test_counts_a_directory_with_a_logo_extension_as_existing(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").mkdir()
    assert check_file_reference("logo.svg", FileKind.LOGO, tmp_path) is None


def test_an_empty_authors_file_names_the_base_directory(tmp_path: Path) -> None:
    assert check_file_reference("", FileKind.AUTHORS_FILE, tmp_path) is None


def test_reports_a_broken_symlink_as_missing(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").symlink_to(tmp_path / "gone.svg")
    message = check_file_reference("logo.svg", FileKind.LOGO, tmp_path)
    assert message == f"no such file: {tmp_path}/logo.svg"


def test_does_not_read_svg_content(tmp_path: Path) -> None:
    assert check_logo(tmp_path, b"\x00garbage", name="logo.svg") is None


# --- step 6: PNG logos --------------------------------------------------------------------


def test_accepts_a_true_colour_png(tmp_path: Path) -> None:
    assert check_logo(tmp_path, rgb_png()) is None


def test_accepts_a_paletted_png_with_its_palette(tmp_path: Path) -> None:
    assert check_logo(tmp_path, paletted_png()) is None


def test_decodes_a_png_logo_with_an_upper_case_extension(tmp_path: Path) -> None:
    assert check_logo(tmp_path, b"GIF89a", name="LOGO.PNG") == "image: unknown format"


@pytest.mark.parametrize(
    ("depth", "colour"),
    [(1, 0), (2, 0), (4, 0), (8, 0), (16, 0), (8, 2), (16, 2), (8, 4), (16, 4), (8, 6), (16, 6)],
)
def test_accepts_every_supported_non_paletted_format(
    tmp_path: Path, depth: int, colour: int
) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(depth=depth, colour=colour)) is None


@pytest.mark.parametrize("depth", [1, 2, 4, 8])
def test_accepts_every_supported_paletted_depth(tmp_path: Path, depth: int) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(depth=depth, colour=3) + palette()) is None


@pytest.mark.parametrize(
    ("depth", "colour"), [(16, 3), (1, 2), (4, 6), (3, 0), (8, 1), (8, 5), (0, 0), (32, 2)]
)
def test_refuses_an_unsupported_depth_and_colour_type(
    tmp_path: Path, depth: int, colour: int
) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(depth=depth, colour=colour))
    assert message == f"png: unsupported feature: bit depth {depth}, color type {colour}"


def test_reports_a_file_that_is_not_a_png_as_unknown_format(tmp_path: Path) -> None:
    assert check_logo(tmp_path, b"<svg xmlns='http://www.w3.org/2000/svg'/>") == (
        "image: unknown format"
    )


@pytest.mark.parametrize("content", [b"", SIGNATURE[:7]])
def test_reports_a_file_shorter_than_the_signature_as_unknown_format(
    tmp_path: Path, content: bytes
) -> None:
    assert check_logo(tmp_path, content) == "image: unknown format"


@pytest.mark.parametrize("cut", [0, 4, 8, 20, 24])
def test_reports_a_truncated_header_as_unexpected_eof(tmp_path: Path, cut: int) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr()[:cut]) == "unexpected EOF"


def test_reports_a_paletted_png_that_ends_before_its_palette(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(colour=3)) == "unexpected EOF"


def test_reports_a_truncated_palette_as_unexpected_eof(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr(colour=3) + palette(4)[:15]
    assert check_logo(tmp_path, content) == "unexpected EOF"


def test_reports_a_wrong_ihdr_checksum(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr()[:-4] + b"\x00\x00\x00\x00"
    assert check_logo(tmp_path, content) == "png: invalid format: invalid checksum"


def test_reports_a_wrong_palette_checksum(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr(colour=3) + chunk(b"PLTE", b"\x00" * 3, crc=1)
    assert check_logo(tmp_path, content) == "png: invalid format: invalid checksum"


@pytest.mark.parametrize("first", [idat(), chunk(b"IEND", b""), palette(), chunk(b"tRNS", b"\x00")])
def test_reports_a_critical_chunk_before_ihdr_as_out_of_order(tmp_path: Path, first: bytes) -> None:
    content = SIGNATURE + first + ihdr()
    assert check_logo(tmp_path, content) == "png: invalid format: chunk out of order"


@pytest.mark.parametrize("second", [idat(), chunk(b"tRNS", b"\x00"), ihdr(colour=3)])
def test_reports_a_chunk_before_the_palette_as_out_of_order(tmp_path: Path, second: bytes) -> None:
    content = SIGNATURE + ihdr(colour=3) + second + palette()
    assert check_logo(tmp_path, content) == "png: invalid format: chunk out of order"


def test_skips_an_unknown_chunk_before_ihdr(tmp_path: Path) -> None:
    content = SIGNATURE + chunk(b"tEXt", b"Title\x00Logo") + ihdr()
    assert check_logo(tmp_path, content) is None


def test_verifies_the_checksum_of_a_skipped_chunk(tmp_path: Path) -> None:
    content = SIGNATURE + chunk(b"tEXt", b"Title\x00Logo", crc=7) + ihdr()
    assert check_logo(tmp_path, content) == "png: invalid format: invalid checksum"


def test_skips_ancillary_chunks_between_ihdr_and_palette(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr(colour=3) + chunk(b"gAMA", b"\x00\x00\xb1\x8f") + palette()
    assert check_logo(tmp_path, content) is None


def test_treats_chunk_names_case_sensitively(tmp_path: Path) -> None:
    content = SIGNATURE + chunk(b"ihdr", b"") + ihdr()
    assert check_logo(tmp_path, content) is None


def test_refuses_a_chunk_length_above_two_gibibytes(tmp_path: Path) -> None:
    content = SIGNATURE + b"\xff\xff\xff\xfftEXt"
    assert check_logo(tmp_path, content) == "png: invalid format: Bad chunk length: 4294967295"


def test_reports_a_truncated_unknown_chunk_as_unexpected_eof(tmp_path: Path) -> None:
    content = SIGNATURE + struct.pack(">I", 100) + b"tEXt" + b"x" * 50
    assert check_logo(tmp_path, content) == "unexpected EOF"


def test_reports_a_large_truncated_unknown_chunk_as_unexpected_eof(tmp_path: Path) -> None:
    content = SIGNATURE + struct.pack(">I", 1 << 20) + b"tEXt" + b"x" * 50
    assert check_logo(tmp_path, content) == "unexpected EOF"


def test_skips_a_chunk_larger_than_the_read_budget_unread(tmp_path: Path) -> None:
    big = struct.pack(">I", 1 << 20) + b"iCCP" + b"x" * (1 << 20) + b"\x00\x00\x00\x00"
    assert check_logo(tmp_path, SIGNATURE + ihdr(colour=3) + big + palette()) is None


def test_never_reads_more_than_the_read_budget(tmp_path: Path) -> None:
    big = chunk(b"tEXt", b"x" * (files._READ_BUDGET - 100))
    content = SIGNATURE + ihdr(colour=3) + big + big + big + palette()
    write(tmp_path / "logo.png", content)
    source = CountingSource(files.Directory(tmp_path))
    assert check_file_reference("logo.png", FileKind.LOGO, source) is None
    assert 0 < sum(source.counted) <= files._READ_BUDGET + 1024


class CountingSource:
    """A file source that counts the bytes read through it."""

    def __init__(self, inner: files.Directory) -> None:
        self.inner = inner
        self.counted: list[int] = []
        self.root = inner.root

    def stat(self, path: str) -> files.FileStat | None:
        return self.inner.stat(path)

    def read(self, path: str, offset: int, count: int) -> bytes:
        data = self.inner.read(path, offset, count)
        self.counted.append(len(data))
        return data


def test_reads_references_from_any_file_source() -> None:
    """The harvester's seam: a source that is not a folder (here, a dict of blobs)."""
    blobs = {"/repo/logo.png": SIGNATURE + ihdr(colour=2)}

    class Blobs:
        root = "/repo"

        def stat(self, path: str) -> files.FileStat | None:
            data = blobs.get(path)
            return None if data is None else files.FileStat(True, len(data))

        def read(self, path: str, offset: int, count: int) -> bytes:
            return blobs[path][offset : offset + count]

    assert check_file_reference("logo.png", FileKind.LOGO, Blobs()) is None
    assert (
        check_file_reference("img/x.png", FileKind.LOGO, Blobs()) == "no such file: /repo/img/x.png"
    )


def test_gives_up_without_a_finding_after_too_many_chunks(tmp_path: Path) -> None:
    content = SIGNATURE + chunk(b"tEXt", b"") * files._MAX_CHUNKS + b"garbage"
    assert check_logo(tmp_path, content) is None


def test_does_not_read_past_the_header_of_a_non_paletted_png(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr() + b"\xff" * 100) is None


def test_does_not_read_past_the_palette(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(colour=3) + palette() + b"\xff" * 100) is None


@pytest.mark.parametrize(("width", "height"), [(0, 1), (1, 0), (0x80000000, 1), (1, 0xFFFFFFFF)])
def test_refuses_a_non_positive_dimension(tmp_path: Path, width: int, height: int) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(width=width, height=height))
    assert message == "png: invalid format: non-positive dimension"


def test_refuses_dimensions_whose_pixel_buffer_would_overflow(tmp_path: Path) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(width=0x7FFFFFFF, height=0x7FFFFFFF))
    assert message == "png: unsupported feature: dimension overflow"


def test_accepts_the_largest_dimensions_that_do_not_overflow(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(width=1 << 30, height=(1 << 30) - 1)) is None


def test_refuses_an_ihdr_of_the_wrong_length(tmp_path: Path) -> None:
    content = SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBBB", 1, 1, 8, 2, 0, 0, 0, 0))
    assert check_logo(tmp_path, content) == "png: invalid format: bad IHDR length"


def test_refuses_an_unknown_compression_method(tmp_path: Path) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(compression=1))
    assert message == "png: unsupported feature: compression method"


def test_refuses_an_unknown_filter_method(tmp_path: Path) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(filtering=1))
    assert message == "png: unsupported feature: filter method"


def test_refuses_an_unknown_interlace_method(tmp_path: Path) -> None:
    message = check_logo(tmp_path, SIGNATURE + ihdr(interlace=2))
    assert message == "png: invalid format: invalid interlace method"


def test_accepts_an_interlaced_png(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(interlace=1)) is None


def test_checks_header_fields_before_the_checksum(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr(width=0)[:-4] + b"\x00\x00\x00\x00"
    assert check_logo(tmp_path, content) == "png: invalid format: non-positive dimension"


@pytest.mark.parametrize(("depth", "entries"), [(1, 3), (2, 5), (8, 257), (8, 0)])
def test_refuses_a_palette_with_too_many_or_no_entries(
    tmp_path: Path, depth: int, entries: int
) -> None:
    content = SIGNATURE + ihdr(depth=depth, colour=3) + palette(entries)
    assert check_logo(tmp_path, content) == "png: invalid format: bad PLTE length"


def test_refuses_a_palette_length_that_is_not_a_multiple_of_three(tmp_path: Path) -> None:
    content = SIGNATURE + ihdr(colour=3) + chunk(b"PLTE", b"\x00" * 4)
    assert check_logo(tmp_path, content) == "png: invalid format: bad PLTE length"


def test_accepts_a_full_palette_for_the_depth(tmp_path: Path) -> None:
    assert check_logo(tmp_path, SIGNATURE + ihdr(depth=2, colour=3) + palette(4)) is None


def test_does_not_decode_a_png_screenshot(tmp_path: Path) -> None:
    write(tmp_path / "shot.png", b"not a png")
    assert check_file_reference("shot.png", FileKind.SCREENSHOT, tmp_path) is None


def test_reports_a_directory_named_like_a_png_logo_as_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "logo.png").mkdir()
    assert check_file_reference("logo.png", FileKind.LOGO, tmp_path) == "image: unknown format"


def test_does_not_block_on_a_fifo_named_like_a_png_logo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "logo.png")
    assert check_file_reference("logo.png", FileKind.LOGO, tmp_path) == "image: unknown format"


def test_does_not_read_a_device_named_like_a_png_logo(tmp_path: Path) -> None:
    (tmp_path / "logo.png").symlink_to("/dev/zero")
    assert check_file_reference("logo.png", FileKind.LOGO, tmp_path) == "image: unknown format"


def test_follows_a_symlink_to_a_png(tmp_path: Path) -> None:
    write(tmp_path / "real.png", rgb_png())
    (tmp_path / "logo.png").symlink_to(tmp_path / "real.png")
    assert check_file_reference("logo.png", FileKind.LOGO, tmp_path) is None


def test_reports_a_png_that_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "logo.png", rgb_png())

    def refuse(path: str, flags: int) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    message = check_file_reference("logo.png", FileKind.LOGO, tmp_path)
    assert message == f"open {tmp_path}/logo.png: permission denied"
