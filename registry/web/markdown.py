"""Rendering untrusted Markdown (READMEs, publiccode.yml descriptions) into safe HTML.

Two independent layers. markdown-it-py renders CommonMark (plus tables and strikethrough) with
raw HTML disabled, and its links and images are rewritten on the way: relative URLs are
resolved against ``base_url`` or dropped, links keep only http, https and mailto, and images
only https (anything else becomes its alt text). nh3 (ammonia) then cleans the HTML against an
allow-list of tags and attributes, enforces the same URL rules again, and marks every link
``rel="nofollow noopener ugc"``. No style, no event handlers, no iframes, no SVG, no forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final
from urllib.parse import urljoin, urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

__all__ = ["render_markdown"]

_LINK_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_IMAGE_SCHEMES: Final = frozenset({"https"})
_TAGS: Final = frozenset(
    {
        "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "img", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_ATTRIBUTES: Final = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
_ADDED_ATTRIBUTES: Final = {
    "img": {"loading": "lazy", "referrerpolicy": "no-referrer"},
    "th": {"scope": "col"},
}
_REL: Final = "nofollow noopener ugc"

_markdown = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render_markdown(text: str, *, base_url: str | None = None, top_heading: int = 1) -> Markup:
    """Safe HTML for the Markdown ``text``.

    ``base_url``: where relative links and images point to (the repository's web address of
    the file's folder); without it, or when it is not http(s), relative URLs are dropped, and
    images resolve against it only when it is https. ``top_heading``: the level that the
    text's ``#`` headings get (2 when the page has its own h1), deeper ones follow, at most h6.
    """
    base = _usable_base(base_url)
    tokens = _markdown.parse(text)
    for token in tokens:
        _shift_heading(token, top_heading)
        if token.children:
            token.children = [_rewrite(child, base) for child in token.children]
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return Markup(_clean(html, base))


def _clean(html: str, base: str | None) -> str:
    return nh3.clean(
        html,
        tags=set(_TAGS),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        attribute_filter=_url_filter(base),
        url_schemes=set(_LINK_SCHEMES),
        link_rel=_REL,
        set_tag_attribute_values={tag: dict(values) for tag, values in _ADDED_ATTRIBUTES.items()},
        strip_comments=True,
    )


def _usable_base(base_url: str | None) -> str | None:
    """``base_url`` when it is an absolute http(s) URL with a host, else ``None``."""
    if base_url is None:
        return None
    try:
        parts = urlsplit(base_url.strip())
    except ValueError:
        return None
    return base_url.strip() if parts.scheme in {"http", "https"} and parts.netloc else None


def _resolve(url: str, base: str | None, schemes: frozenset[str]) -> str | None:
    """``url`` made absolute against ``base``, when its scheme is one of ``schemes``."""
    try:
        parts = urlsplit(url.strip())
        if not parts.scheme:
            if base is None:
                return None
            url = urljoin(base, url.strip())
            parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return url


def _rewrite(token: Token, base: str | None) -> Token:
    """A link with its URL resolved (or without a URL), an image resolved or as alt text."""
    if token.type == "image":
        source = _resolve(str(token.attrGet("src") or ""), base, _IMAGE_SCHEMES)
        if source is None:
            return Token("text", "", 0, content=token.content)
        token.attrSet("src", source)
    elif token.type == "link_open":
        href = _resolve(str(token.attrGet("href") or ""), base, _LINK_SCHEMES)
        if href is None:
            token.attrs.pop("href", None)
        else:
            token.attrSet("href", href)
    return token


def _shift_heading(token: Token, top: int) -> None:
    if token.type in {"heading_open", "heading_close"} and top > 1:
        token.tag = f"h{min(6, int(token.tag[1:]) + top - 1)}"


def _url_filter(base: str | None) -> Callable[[str, str, str], str | None]:
    """nh3's second check of every URL attribute (the same rules as :func:`_rewrite`)."""

    def check(element: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            return _resolve(value, base, _LINK_SCHEMES)
        if attribute == "src":
            return _resolve(value, base if element == "img" else None, _image_schemes(element))
        return value

    return check


def _image_schemes(element: str) -> frozenset[str]:
    return _IMAGE_SCHEMES if element == "img" else frozenset()
