"""The "check your publiccode.yml" page: paste or upload, verdict, findings, the marked text."""

from __future__ import annotations

import io
import re
import time
from html import unescape
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from harvester.publiccode import MAX_BYTES
from registry.app import create_app

VALID = Path(__file__).parents[2] / "data" / "publiccode" / "valid"
FULL = (VALID / "full_smart-city.yml").read_text("utf-8")

SCOPE_DE = (
    "intendedAudience.scope fehlt: ohne Themenfeld erscheint die Lösung in keiner Themensuche"
)
SCOPE_EN = (
    "intendedAudience.scope is missing: without a scope the solution appears in no topic search"
)
STATUS_MESSAGE = "developmentStatus must be one of the following"


def edited(old: str, new: str, text: str = FULL) -> str:
    """``text`` with its one ``old`` replaced by ``new``; fails when ``old`` is not there."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


WITHOUT_SCOPE = edited("  scope:\n    - local-authorities\n    - infrastructures\n", "")
WITH_ERROR = edited("developmentStatus: stable", "developmentStatus: ripe")
ERROR_LINE = line_of(WITH_ERROR, "developmentStatus: ripe")


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": f"sqlite:///{tmp_path}/k.db"})
    return app.test_client()


def post(client: FlaskClient, fields: dict[str, object]):
    """Post ``fields`` as the page's form does: multipart, as it also holds the upload.

    The body is encoded in memory (the test client would spool a large one to a temporary
    file that it never closes).
    """
    boundary, body = encode_multipart(fields)
    content_type = f"multipart/form-data; boundary={boundary}"
    return client.post("/pruefen", data=body, content_type=content_type)


def paste(client: FlaskClient, text: str, profile: str = "smart-city"):
    return post(client, {"inhalt": text, "profil": profile})


def upload(client: FlaskClient, data: bytes, name: str = "publiccode.yml", text: str = ""):
    file = FileStorage(io.BytesIO(data), filename=name)
    return post(client, {"datei": file, "inhalt": text, "profil": "smart-city"})


def page(response) -> str:
    return response.get_data(as_text=True)


def visible(html: str) -> str:
    """The page's text without tags, entities resolved, blanks collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def result_of(html: str) -> str:
    """The result section of the page (the form below it echoes the pasted text)."""
    start = html.index('<section class="check-result"')
    return html[start : html.index('<section class="check-form"', start)]


def row(html: str, element_id: str) -> str:
    """The table row with ``element_id``."""
    match = re.search(rf'<tr id="{element_id}"[^>]*>.*?</tr>', html, re.S)
    assert match is not None, element_id
    return match.group()


class TestTheForm:
    def test_offers_a_text_field_a_file_upload_and_both_profiles(self, client) -> None:
        html = page(client.get("/pruefen"))
        assert 'enctype="multipart/form-data"' in html
        assert re.search(r'<label for="eingabe-text">.+</label>', html)
        assert re.search(r'<textarea id="eingabe-text" name="inhalt"', html)
        assert re.search(r'<label for="eingabe-datei">.+</label>', html)
        assert re.search(r'<input type="file" id="eingabe-datei" name="datei"', html)
        assert re.search(r'value="smart-city" checked', html)
        assert 'value="publiccode"' in html

    def test_needs_no_csrf_token_and_sets_no_cookie(self, client) -> None:
        response = paste(client, FULL)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers

    def test_is_in_english_when_the_reader_chose_english(self, client) -> None:
        client.set_cookie("lang", "en")
        html = page(client.get("/pruefen"))
        assert "Check publiccode.yml" in html
        assert "publiccode.yml prüfen</h1>" not in html


class TestTheVerdict:
    def test_a_valid_file_is_valid_and_meets_the_profile(self, client) -> None:
        text = visible(page(paste(client, FULL)))
        assert "Gültig: Der Referenz-Validator fände keinen Fehler." in text
        assert "Smart-City-Standard erfüllt." in text
        assert "0 Fehler" in text and "0 Warnungen" in text and "0 Profilbefunde" in text

    def test_an_invalid_file_is_invalid_with_its_error_count(self, client) -> None:
        html = page(paste(client, WITH_ERROR))
        assert "<title>Ergebnis: ungültig" in html
        text = visible(html)
        assert "Ungültig: Der Referenz-Validator fände 1 Fehler." in text
        assert "Smart-City-Standard nicht erfüllt." in text

    def test_profile_findings_are_counted_apart_and_do_not_make_the_file_invalid(
        self, client
    ) -> None:
        text = visible(page(paste(client, WITHOUT_SCOPE)))
        assert "Gültig:" in text
        assert "1 Profilbefund (1 erforderlich, 0 empfohlen)" in text
        assert "Smart-City-Standard nicht erfüllt." in text

    def test_the_publiccode_profile_leaves_profile_findings_unchecked(self, client) -> None:
        html = page(paste(client, WITHOUT_SCOPE, profile="publiccode"))
        result = visible(result_of(html))
        assert SCOPE_DE not in result
        assert "Profilbefunde: nicht geprüft" in result
        assert "Smart-City-Standard" not in result


class TestFindings:
    def test_each_finding_shows_its_place_key_kind_and_message(self, client) -> None:
        html = page(paste(client, WITH_ERROR))
        finding = row(html, "befund-1")
        assert f'<a href="#zeile-{ERROR_LINE}">Zeile {ERROR_LINE}, Spalte 1</a>' in finding
        assert "<code>developmentStatus</code>" in finding
        assert "Fehler" in finding
        assert STATUS_MESSAGE in unescape(finding)

    def test_the_marked_line_links_back_to_its_finding(self, client) -> None:
        html = page(paste(client, WITH_ERROR))
        line = row(html, f"zeile-{ERROR_LINE}")
        assert 'class="check-marked"' in line
        assert '<a href="#befund-1">Befund 1</a>' in line
        assert "developmentStatus: ripe" in line
        assert 'class="check-marked"' not in row(html, f"zeile-{ERROR_LINE - 1}")

    def test_reference_messages_stay_english_and_are_marked_as_english(self, client) -> None:
        client.set_cookie("lang", "de")
        finding = row(page(paste(client, WITH_ERROR)), "befund-1")
        assert re.search(r'<td lang="en">developmentStatus must be', finding)

    @pytest.mark.parametrize(("language", "message"), [("de", SCOPE_DE), ("en", SCOPE_EN)])
    def test_profile_findings_follow_the_page_language(self, client, language, message) -> None:
        client.set_cookie("lang", language)
        html = page(paste(client, WITHOUT_SCOPE))
        finding = row(html, "befund-1")
        assert message in unescape(finding)
        assert "lang=" not in finding
        assert "<code>scope</code>" in finding

    def test_a_finding_without_a_place_says_so(self, client) -> None:
        html = page(paste(client, "publiccodeYmlVersion: '0'\nname: x\n"))
        assert "ohne Stelle" in visible(html)

    def test_a_valid_file_has_no_findings(self, client) -> None:
        assert "Keine Befunde." in visible(page(paste(client, FULL)))


class TestWhatCannotBeCheckedHere:
    def test_relative_file_paths_are_listed_as_unchecked_not_as_missing(self, client) -> None:
        text = edited("logo: logo.svg", "logo: bilder/logo.png")
        html = page(paste(client, text))
        assert "no such file" not in html
        assert "Gültig:" in visible(html)
        assert "<li><code>bilder/logo.png</code></li>" in html

    def test_checks_that_need_no_repository_still_run(self, client) -> None:
        html = page(paste(client, edited("logo: logo.svg", "logo: /etc/logo.svg")))
        assert "is an absolute path" in html
        html = page(paste(client, edited("logo: logo.svg", "logo: logo.gif")))
        assert "invalid file extension for: /logo.gif" in html

    def test_urls_are_not_fetched_and_the_page_says_so(self, client) -> None:
        unreachable = "https://nicht-erreichbar.invalid/x"
        text = edited(
            'landingURL: "https://www.musterstadt.de/maengelmelder"', f"landingURL: {unreachable}"
        )
        html = page(paste(client, text))  # pytest-socket would fail any connection
        assert "not reachable" not in html
        assert "ob die angegebenen URLs erreichbar sind" in visible(html)


class TestInput:
    def test_an_uploaded_file_is_checked_and_named(self, client) -> None:
        html = page(upload(client, WITH_ERROR.encode(), name="meine-publiccode.yml"))
        text = visible(html)
        assert "hochgeladene Datei “meine-publiccode.yml”" in text or "meine-publiccode.yml" in text
        assert STATUS_MESSAGE in unescape(html)

    def test_an_upload_wins_over_pasted_text_and_the_page_says_so(self, client) -> None:
        html = page(upload(client, FULL.encode(), text=WITH_ERROR))
        text = visible(html)
        assert "Gültig:" in text
        assert "der eingefügte Text blieb unbeachtet" in text

    def test_an_upload_keeps_its_line_ends(self, client) -> None:
        html = page(upload(client, WITH_ERROR.replace("\n", "\r\n").encode()))
        assert f'<a href="#zeile-{ERROR_LINE}">' in row(html, "befund-1")

    def test_pasted_text_counts_the_browsers_crlf_as_one_line_break(self, client) -> None:
        html = page(paste(client, WITH_ERROR.replace("\n", "\r\n")))
        assert f'<a href="#zeile-{ERROR_LINE}">' in row(html, "befund-1")
        assert f"{len(WITH_ERROR.encode())} Bytes" in visible(html)

    def test_pasted_text_is_put_back_into_the_form_whole(self, client) -> None:
        html = page(paste(client, "\n\n" + WITH_ERROR))
        textarea = re.search(r"<textarea[^>]*>\n(.*?)</textarea>", html, re.S)
        assert textarea is not None
        assert unescape(textarea.group(1)) == "\n\n" + WITH_ERROR

    def test_the_chosen_profile_stays_chosen(self, client) -> None:
        html = page(paste(client, FULL, profile="publiccode"))
        assert 'value="publiccode" checked' in html
        assert 'value="smart-city" checked' not in html

    @pytest.mark.parametrize("text", ["", "   \n\t\n"])
    def test_nothing_to_check_is_refused_with_a_message(self, client, text) -> None:
        response = paste(client, text)
        assert response.status_code == 400
        html = page(response)
        assert 'role="alert"' in html
        assert "Es gibt nichts zu prüfen" in visible(html)
        assert 'aria-invalid="true"' in html

    def test_an_empty_upload_is_refused_with_a_message(self, client) -> None:
        response = upload(client, b"")
        assert response.status_code == 400
        assert "Die hochgeladene Datei ist leer." in visible(page(response))

    def test_an_unknown_profile_is_refused(self, client) -> None:
        response = paste(client, FULL, profile="<b>erfunden</b>")
        assert response.status_code == 400
        html = page(response)
        assert "Dieses Profil gibt es nicht" in visible(html)
        assert "<b>erfunden</b>" not in html
        assert 'value="smart-city" checked' in html


class TestLimits:
    def test_a_file_of_exactly_the_limit_is_checked(self, client) -> None:
        data = FULL.encode()
        data += b"#" * (MAX_BYTES - len(data) - 1) + b"\n"
        assert len(data) == MAX_BYTES
        response = upload(client, data)
        assert response.status_code == 200
        assert "Gültig:" in visible(page(response))

    def test_a_file_just_over_the_limit_is_refused_on_this_page(self, client) -> None:
        response = upload(client, b"#" * (MAX_BYTES + 1))
        assert response.status_code == 413
        html = page(response)
        assert "größer als 1 MiB" in visible(html)
        assert '<form method="post"' in html

    def test_pasted_text_just_over_the_limit_is_refused_on_this_page(self, client) -> None:
        response = paste(client, "#" * (MAX_BYTES + 1))
        assert response.status_code == 413
        assert "größer als 1 MiB" in visible(page(response))

    def test_a_body_far_over_the_limit_gets_the_friendly_413_page(self, client) -> None:
        response = upload(client, b"#" * (5 * MAX_BYTES))
        assert response.status_code == 413
        html = page(response)
        assert "<html" in html and "Traceback" not in html

    def test_invalid_utf8_is_invalid_and_the_first_bad_byte_is_placed(self, client) -> None:
        data = WITH_ERROR.encode().replace(b"name: M\xc3\xa4ngelmelder", b"name: M\xe4ngelmelder")
        html = page(upload(client, data))
        text = visible(html)
        assert "Invalid UTF-8" in text
        line = line_of(WITH_ERROR, "name: Mängelmelder")
        assert f"Das erste ungültige Byte (0xE4) steht in Zeile {line}, Spalte 8" in text
        assert f'<a href="#zeile-{line}">' in html
        assert "M\ufffdngelmelder" in row(html, f"zeile-{line}")

    def test_a_binary_upload_is_named_binary_and_not_shown(self, client) -> None:
        content = (VALID.parent / "assets" / "logo.png").read_bytes()
        assert b"\x00" in content
        html = page(upload(client, content, name="logo.png"))
        text = visible(html)
        assert "Ungültig:" in text
        assert "Binärdatei" in text
        assert 'class="check-listing"' not in html

    def test_an_alias_bomb_is_answered_quickly(self, client) -> None:
        lines = [
            'publiccodeYmlVersion: "0"',
            'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        ]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
        lines.append("usedBy: *a9")
        started = time.monotonic()
        response = paste(client, "\n".join(lines))
        assert time.monotonic() - started < 5
        assert response.status_code == 200
        assert "Ungültig:" in visible(page(response))
        assert len(response.data) < 2 * MAX_BYTES

    def test_deep_nesting_is_a_finding_not_a_crash(self, client) -> None:
        response = paste(client, 'publiccodeYmlVersion: "0"\nname: ' + "[" * 50_000 + "]" * 50_000)
        assert response.status_code == 200
        assert "nesting deeper than 100 levels is not supported" in page(response)

    def test_too_many_nodes_is_a_finding_not_a_crash(self, client) -> None:
        text = 'publiccodeYmlVersion: "0"\n' + "".join(f"k{i}: v\n" for i in range(60_000))
        started = time.monotonic()
        response = paste(client, text[:MAX_BYTES])
        assert time.monotonic() - started < 5
        assert "YAML nodes is not supported" in page(response)

    def test_a_long_text_is_shown_around_its_marked_lines_only(self, client) -> None:
        text = WITH_ERROR + "#\n" * 100_000
        html = page(paste(client, text))
        assert row(html, f"zeile-{ERROR_LINE}")
        assert f'id="zeile-{ERROR_LINE + 2}"' in html and f'id="zeile-{ERROR_LINE + 3}"' not in html
        assert "ohne Befund, nicht angezeigt" in visible(html)
        assert "Der Text hat 100" in visible(html)
        assert len(html) < 600_000

    def test_a_million_line_breaks_give_a_small_page_quickly(self, client) -> None:
        started = time.monotonic()
        text = 'publiccodeYmlVersion: "0"\n'
        response = paste(client, text + "\n" * (MAX_BYTES - len(text)))
        assert time.monotonic() - started < 5
        assert response.status_code == 200
        assert len(result_of(page(response))) < 100_000

    def test_a_very_long_line_is_cut_short_in_the_listing(self, client) -> None:
        html = page(paste(client, WITH_ERROR + "# " + "x" * 200_000 + "\n"))
        last = line_of(WITH_ERROR, "optional: false") + 1
        assert "weitere Zeichen nicht angezeigt" in row(html, f"zeile-{last}")
        assert len(result_of(html)) < 100_000


class TestUntrustedInput:
    PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>{{7*7}}'

    def test_pasted_text_is_echoed_escaped_everywhere(self, client) -> None:
        text = edited("name: Mängelmelder", f"name: '{self.PAYLOAD}'") + f"{self.PAYLOAD}: 1\n"
        html = page(paste(client, text))
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html
        assert "{{7*7}}" in html

    def test_a_hostile_file_name_is_echoed_escaped(self, client) -> None:
        name = "<script>alert(1)</script><img src=x onerror=alert(2)>.yml"  # browsers send " as %22
        html = page(upload(client, FULL.encode(), name=name))
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_bidi_controls_and_zero_width_characters_are_made_visible(self, client) -> None:
        text = edited("logo: logo.svg", "logo: \u202egvs.ogol\u202c.svg") + "# a\u200bb\n"
        result = result_of(page(paste(client, text)))
        assert "\u202e" not in result and "\u200b" not in result
        assert "⟨U+202E⟩" in result and "⟨U+200B⟩" in result
        assert 'title="RIGHT-TO-LEFT OVERRIDE"' in result
