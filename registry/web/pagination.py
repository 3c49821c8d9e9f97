"""Page links of a long result: the first, the last, and two either side of the current page.

Computed here rather than in the template: a template loop over every page number costs a
millisecond per thousand pages, and 100,000 components are 5,000 pages.
"""

from __future__ import annotations

from flask import Flask

__all__ = ["NEIGHBOURS", "init_app", "page_numbers"]

NEIGHBOURS = 2
"""Pages linked on either side of the current one."""


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page numbers to link, in order, with ``None`` where pages are left out."""
    shown = sorted(
        {1, pages} | {n for n in range(page - NEIGHBOURS, page + NEIGHBOURS + 1) if 1 <= n <= pages}
    )
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - 1 != numbers[-1]:
            numbers.append(None)
        numbers.append(number)
    return numbers


def init_app(app: Flask) -> None:
    """Offer :func:`page_numbers` to the templates."""
    app.jinja_env.globals["page_numbers"] = page_numbers
