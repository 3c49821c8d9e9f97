"""Untrusted Markdown becomes safe HTML: a corpus of XSS payloads, and what is kept."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from registry.web.markdown import render_markdown

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "loading", "referrerpolicy"},
    "ol": {"start"},
    "th": {"scope"},
}


class _Elements(HTMLParser):
    """Every start tag of a fragment with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def elements(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser.elements


def assert_safe(fragment: str) -> None:
    """Only allowed tags and attributes; links http(s)/mailto, images https, rel set."""
    for tag, attributes in elements(fragment):
        assert tag in ALLOWED_TAGS, f"<{tag}> in {fragment!r}"
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()), (tag, attributes)
        if tag == "a":
            assert attributes.get("rel") == "nofollow noopener ugc"
            href = attributes.get("href")
            assert href is None or urlsplit(href).scheme in {"http", "https", "mailto"}, href
        if tag == "img":
            assert urlsplit(attributes.get("src") or "").scheme == "https", attributes
    assert "<script" not in fragment.lower()


XSS_PAYLOADS = [
    # raw HTML: shown as text, never as markup
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="https://example.org/a.png" onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=https://evil.example></iframe>",
    "<a href=javascript:alert(1)>x</a>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form action=https://evil.example><input name=p></form>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<details open ontoggle=alert(1)>",
    # javascript: links in every spelling
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#09;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](javascript%3Aalert(1))",
    "[x](\\javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x][r]\n\n[r]: <javascript:alert(1)> 'title'",
    '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
    # images
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "![x](javascript:alert(1))",
    "![x](http://example.org/tracking.png)",
    '![x](https://example.org/a.svg" onerror="alert(1))',
    '![x" onerror="alert(1)](https://example.org/a.png)',
    "![x](//evil.example/a.png)",
    # nested markdown tricks
    "[[x](javascript:alert(1))](https://example.org)",
    "[![x](javascript:alert(1))](javascript:alert(2))",
    "[x](https://example.org)(javascript:alert(1))",
    "[<img src=x onerror=alert(1)>](https://example.org)",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    '[x](https://example.org/"><script>alert(1)</script>)',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_renders_harmless(payload: str) -> None:
    assert_safe(render_markdown(payload))
    assert_safe(render_markdown(payload, base_url="https://example.org/repo/"))


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe></iframe>"],
)
def test_raw_html_is_shown_as_text(payload: str) -> None:
    rendered = render_markdown(payload)
    assert elements(rendered) == [("p", {})]
    assert html.unescape(rendered).strip() == f"<p>{payload}</p>"


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_renders_to_allowed_html(text: str) -> None:
    assert_safe(render_markdown(text, base_url="https://example.org/r/"))


@given(
    st.lists(
        st.sampled_from(
            [
                "[",
                "]",
                "(",
                ")",
                "!",
                "<",
                ">",
                "javascript:",
                "data:",
                "&#106;",
                "&colon;",
                "\t",
                "\n",
                " ",
                "x",
                '"',
                "'",
                "`",
                "*",
                "https://",
                "onerror=",
                "#",
                "|",
                "\\",
            ]
        ),
        max_size=40,
    )
)
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_markdown_syntax_soup_renders_to_allowed_html(parts: list[str]) -> None:
    assert_safe(render_markdown("".join(parts), base_url="https://example.org/r/"))


def test_result_is_markup() -> None:
    assert isinstance(render_markdown("*a*"), Markup)


def test_links_keep_http_https_and_mailto_with_rel() -> None:
    rendered = render_markdown(
        "[a](https://example.org/a) [b](http://example.org/b) [c](mailto:stadt@example.org)"
    )
    links = [attributes for tag, attributes in elements(rendered) if tag == "a"]
    assert [link["href"] for link in links] == [
        "https://example.org/a",
        "http://example.org/b",
        "mailto:stadt@example.org",
    ]
    assert {link["rel"] for link in links} == {"nofollow noopener ugc"}


def test_relative_links_resolve_against_the_base_url() -> None:
    rendered = render_markdown("[Install](docs/INSTALL.md)", base_url="https://example.org/r/")
    assert elements(rendered)[1] == (
        "a",
        {"href": "https://example.org/r/docs/INSTALL.md", "rel": "nofollow noopener ugc"},
    )


def test_relative_links_without_a_base_url_lose_their_target() -> None:
    rendered = render_markdown("[Install](docs/INSTALL.md) [top](#top)")
    assert [attributes.get("href") for tag, attributes in elements(rendered) if tag == "a"] == [
        None,
        None,
    ]
    assert "Install" in rendered


def test_https_images_are_kept_and_load_without_referrer() -> None:
    rendered = render_markdown("![Logo](https://example.org/logo.png)")
    assert elements(rendered)[1] == (
        "img",
        {
            "src": "https://example.org/logo.png",
            "alt": "Logo",
            "loading": "lazy",
            "referrerpolicy": "no-referrer",
        },
    )


def test_relative_images_resolve_against_an_https_base_url() -> None:
    rendered = render_markdown("![Plan](img/plan.png)", base_url="https://example.org/r/")
    assert elements(rendered)[1][1]["src"] == "https://example.org/r/img/plan.png"


@pytest.mark.parametrize("base_url", [None, "http://example.org/r/", "ftp://example.org/r/"])
def test_relative_images_without_an_https_base_become_their_alt_text(base_url: str | None) -> None:
    rendered = render_markdown("![Plan der Stadt](img/plan.png)", base_url=base_url)
    assert [tag for tag, _ in elements(rendered)] == ["p"]
    assert "Plan der Stadt" in rendered


@pytest.mark.parametrize(
    "source", ["http://example.org/a.png", "data:image/png;base64,iVBORw0KGgo=", "ftp://x/a.png"]
)
def test_images_other_than_https_become_their_alt_text(source: str) -> None:
    rendered = render_markdown(f"![Bild]({source})", base_url="https://example.org/")
    assert [tag for tag, _ in elements(rendered)] == ["p"]
    assert "Bild" in rendered


def test_headings_can_start_below_the_pages_own_heading() -> None:
    rendered = render_markdown("# A\n\n## B\n\n###### F", top_heading=2)
    assert [tag for tag, _ in elements(rendered)] == ["h2", "h3", "h6"]


def test_tables_get_column_headers() -> None:
    rendered = render_markdown("| Name | Wert |\n|:--|--:|\n| a | 1 |")
    tags = elements(rendered)
    assert ("th", {"scope": "col"}) in tags
    assert all("style" not in attributes for _, attributes in tags)


def test_code_is_escaped_and_keeps_no_class() -> None:
    rendered = render_markdown("```python\nif a < b: pass\n```")
    assert rendered == "<pre><code>if a &lt; b: pass\n</code></pre>\n"
