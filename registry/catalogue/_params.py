"""The search page's URL parameters and :class:`SearchQuery`, both ways.

Parameters are German and stable (permalinks): ``q``, one per facet (``thema``, ``kategorie``,
``lizenz``, ``reifegrad``, ``herausgeber``, ``staffel``, ``plattform``, ``status``,
``sprache``; repeated for several values), ``sortierung`` (``relevanz``, ``aenderung``,
``reifegrad``) and ``seite``. Unknown parameters and empty values are ignored. A value that
cannot mean anything (``seite=x``, an unknown sort, an overlong text, ``alle`` naming no facet)
raises :class:`InvalidParameter`, which the view answers with a 400 page that says what is wrong.

:func:`query_args` writes a query back in one canonical order (text, facets in the page's
order with sorted values, sort unless the default, page unless the first), so one state of
the page has one URL.

``alle`` (a facet's parameter, ``alle=herausgeber``) is not part of the query: it asks the page
to list every value of that one facet instead of the most frequent ones, for the same result.
:func:`expanded_from_args` reads it and :func:`expanded_args` writes it, after the query's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from ..web.i18n import gettext
from .search import FACETS, SearchQuery, Sort

if TYPE_CHECKING:
    from werkzeug.datastructures import MultiDict

__all__ = [
    "EXPANDED_PARAMETER",
    "FACET_PARAMETERS",
    "MAX_PAGE",
    "MAX_TEXT",
    "MAX_VALUES",
    "SORT_PARAMETERS",
    "InvalidParameter",
    "expanded_args",
    "expanded_from_args",
    "query_args",
    "query_from_args",
]

FACET_PARAMETERS: Final[Mapping[str, str]] = {
    "topic": "thema",
    "category": "kategorie",
    "licence": "lizenz",
    "level": "reifegrad",
    "publisher": "herausgeber",
    "round": "staffel",
    "platform": "plattform",
    "status": "status",
    "language": "sprache",
}
"""Facet name (:data:`search.FACETS`) -> URL parameter."""

SORT_PARAMETERS: Final[Mapping[Sort, str]] = {
    Sort.RELEVANCE: "relevanz",
    Sort.CHANGED: "aenderung",
    Sort.MATURITY: "reifegrad",
}

EXPANDED_PARAMETER: Final = "alle"
"""The page parameter naming the one facet whose every value is listed."""

MAX_TEXT: Final = 200  # characters of search text, and of one facet value
MAX_VALUES: Final = 20  # values of one facet
MAX_PAGE: Final = 10_000

_SORTS: Final = {parameter: sort for sort, parameter in SORT_PARAMETERS.items()}
_FACETS: Final = {parameter: facet for facet, parameter in FACET_PARAMETERS.items()}
_PAGE: Final = re.compile(r"[0-9]{1,6}")


class InvalidParameter(ValueError):
    """A search parameter's value cannot be used; ``message`` says why, for the reader."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def query_from_args(args: MultiDict[str, str], per_page: int = 20) -> SearchQuery:
    """The query that the URL parameters ``args`` ask for."""
    return SearchQuery(
        text=_text(args.get("q", "")),
        filters=_filters(args),
        sort=_sort(args.get("sortierung", "")),
        page=_page(args.get("seite", "")),
        per_page=per_page,
    )


def query_args(query: SearchQuery) -> list[tuple[str, str]]:
    """The URL parameters of ``query``, in canonical order."""
    args: list[tuple[str, str]] = []
    if query.text:
        args.append(("q", query.text))
    for facet in FACETS:
        values = query.filters.get(facet, frozenset())
        args.extend((FACET_PARAMETERS[facet], value) for value in sorted(values))
    if query.sort is not Sort.RELEVANCE:
        args.append(("sortierung", SORT_PARAMETERS[query.sort]))
    if query.page > 1:
        args.append(("seite", str(query.page)))
    return args


def expanded_from_args(args: MultiDict[str, str]) -> str | None:
    """The facet (a name of :data:`search.FACETS`) whose every value the page should list,
    ``None`` for the short lists."""
    value = _clean(args.get(EXPANDED_PARAMETER, ""))
    if not value:
        return None
    if value not in _FACETS:
        message = gettext(
            "Unbekannter Filter. Möglich sind: %(choices)s.", choices=", ".join(_FACETS)
        )
        raise InvalidParameter(EXPANDED_PARAMETER, message)
    return _FACETS[value]


def expanded_args(facet: str | None) -> list[tuple[str, str]]:
    """The URL parameter that lists every value of ``facet`` (none for ``None``); it follows
    :func:`query_args` in the canonical order."""
    return [] if facet is None else [(EXPANDED_PARAMETER, FACET_PARAMETERS[facet])]


def _clean(text: str) -> str:
    """``text`` without control characters, its spaces collapsed."""
    visible = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in unicodedata.normalize("NFC", text)
    )
    return " ".join(visible.split())


def _text(raw: str) -> str:
    text = _clean(raw)
    if len(text) > MAX_TEXT:
        raise InvalidParameter(
            "q", gettext("Der Suchtext ist zu lang (höchstens %(max)d Zeichen).", max=MAX_TEXT)
        )
    return text


def _filters(args: MultiDict[str, str]) -> dict[str, frozenset[str]]:
    filters: dict[str, frozenset[str]] = {}
    for facet, parameter in FACET_PARAMETERS.items():
        values = frozenset(filter(None, map(_clean, args.getlist(parameter))))
        if len(values) > MAX_VALUES:
            message = gettext(
                "Zu viele Werte für „%(name)s“ (höchstens %(max)d).", name=parameter, max=MAX_VALUES
            )
            raise InvalidParameter(parameter, message)
        if any(len(value) > MAX_TEXT for value in values):
            message = gettext(
                "Ein Wert für „%(name)s“ ist zu lang (höchstens %(max)d Zeichen).",
                name=parameter,
                max=MAX_TEXT,
            )
            raise InvalidParameter(parameter, message)
        if values:
            filters[facet] = values
    return filters


def _sort(raw: str) -> Sort:
    value = raw.strip()
    if not value:
        return Sort.RELEVANCE
    if value not in _SORTS:
        message = gettext(
            "Unbekannte Sortierung. Möglich sind: %(choices)s.", choices=", ".join(_SORTS)
        )
        raise InvalidParameter("sortierung", message)
    return _SORTS[value]


def _page(raw: str) -> int:
    value = raw.strip()
    if not value:
        return 1
    if not _PAGE.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE:
        message = gettext(
            "Die Seitenzahl muss eine ganze Zahl von 1 bis %(max)d sein.", max=MAX_PAGE
        )
        raise InvalidParameter("seite", message)
    return int(value)
