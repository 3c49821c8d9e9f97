"""Key spelling of the reference validator (publiccode-standard.md 2.9)."""

from __future__ import annotations

import pytest

from harvester.publiccode._paths import Language, Path, dotted, struct_key


@pytest.mark.parametrize(
    ("path", "dotted_key", "struct"),
    [
        (("name",), "name", "name"),
        (("maintenance", "contractors", 0, "until"), "maintenance.contractors[0].until", None),
        (("intendedAudience", "countries", 2), "intendedAudience.countries[2]", None),
        (("description", Language("en"), "features"), "description.en.features", None),
        (("description", Language("EN"), "x"), "description.EN.x", None),
        (
            ("description", Language("en-US"), "features"),
            "description.en-US.features",
            "description[en-US].features",
        ),
        (
            ("description", Language("es-419"), "videos", 1),
            "description.es-419.videos[1]",
            "description[es-419].videos[1]",
        ),
    ],
)
def test_spells_keys_like_the_reference(path: Path, dotted_key: str, struct: str | None) -> None:
    assert dotted(path) == dotted_key
    assert struct_key(path) == (struct or dotted_key)
