"""Page links: the first, the last and two either side of the current page, gaps marked."""

from __future__ import annotations

import pytest

from registry.web.pagination import page_numbers


@pytest.mark.parametrize(
    ("page", "pages", "expected"),
    [
        (1, 1, [1]),
        (1, 4, [1, 2, 3, 4]),
        (1, 5000, [1, 2, 3, None, 5000]),
        (2000, 5000, [1, None, 1998, 1999, 2000, 2001, 2002, None, 5000]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (5000, 5000, [1, None, 4998, 4999, 5000]),
    ],
)
def test_links_the_first_the_last_and_the_neighbours(
    page: int, pages: int, expected: list[int | None]
) -> None:
    assert page_numbers(page, pages) == expected
