"""The publiccode.yml model (v0.7, which the reference applies to every version) as data.

Field order is the reference's declaration order (publiccode-standard.md 2.1): decoding and
struct validation both walk fields in this order, so the first error found is the one the
reference reports.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["PUBLICCODE", "SUPPORTED_VERSIONS", "Field", "Kind", "Struct"]

SUPPORTED_VERSIONS = (
    "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5.0", "0.5",
    "0.7.0", "0.7",
)  # fmt: skip
"""Every ``publiccodeYmlVersion`` the reference accepts, in the order of its message."""


class Kind(enum.Enum):
    """How a field's YAML node decodes."""

    STRING = "string"  # any scalar, coerced to text; null is absent
    BOOL = "bool"  # only a boolean token
    URL = "url"  # a scalar parsed with Go's url.Parse while decoding
    STRINGS = "strings"  # a list of scalars
    URLS = "urls"  # a list of URLs
    URL_OR_URLS = "url-or-urls"  # one URL or a list of them (isBasedOn)
    STRUCT = "struct"  # a mapping with known keys
    STRUCTS = "structs"  # a list of mappings
    LANGUAGES = "languages"  # a mapping from language tags to structs (description)


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a mapping, with the shape of its value."""

    name: str
    kind: Kind
    struct: Struct | None = None


@dataclass(frozen=True, slots=True)
class Struct:
    """A mapping with known keys; any other key is an ``unknown field``."""

    fields: tuple[Field, ...]
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


def _struct(*fields: Field) -> Struct:
    return Struct(fields)


def _strings(*names: str) -> tuple[Field, ...]:
    return tuple(Field(name, Kind.STRING) for name in names)


_S, _B, _U = Kind.STRING, Kind.BOOL, Kind.URL

_ORGANISATION = _struct(Field("uri", _S), Field("name", _S))
_FUNDER = _struct(Field("name", _S), Field("uri", _S))
_SUPPORT = _struct(Field("id", _S))
_AUDIENCE = _struct(
    *(Field(n, Kind.STRINGS) for n in ("scope", "countries", "unsupportedCountries"))
)
_DESCRIPTION = _struct(
    *_strings("localisedName", "genericName", "shortDescription", "longDescription"),
    Field("documentation", _U),
    Field("apiDocumentation", _U),
    Field("features", Kind.STRINGS),
    Field("screenshots", Kind.STRINGS),
    Field("videos", Kind.URLS),
    Field("awards", Kind.STRINGS),
)
_LEGAL = _struct(*_strings("license", "mainCopyrightOwner", "repoOwner", "authorsFile"))
_CONTRACTOR = _struct(*_strings("name", "email"), Field("website", _U), Field("until", _S))
_CONTACT = _struct(*_strings("name", "email", "phone", "affiliation"))
_MAINTENANCE = _struct(
    Field("type", _S),
    Field("contractors", Kind.STRUCTS, _CONTRACTOR),
    Field("contacts", Kind.STRUCTS, _CONTACT),
)
_LOCALISATION = _struct(Field("localisationReady", _B), Field("availableLanguages", Kind.STRINGS))
_DEPENDENCY = _struct(
    *_strings("name", "versionMin", "versionMax"), Field("optional", _B), Field("version", _S)
)
_DEPENDS_ON = _struct(
    *(Field(n, Kind.STRUCTS, _DEPENDENCY) for n in ("open", "proprietary", "hardware"))
)
_CONFORME = _struct(
    *(
        Field(n, _B)
        for n in ("lineeGuidaDesign", "modelloInteroperabilita", "misureMinimeSicurezza")
    ),
    Field("gdpr", _B),
)
_PIATTAFORME = _struct(*(Field(n, _B) for n in ("spid", "pagopa", "cie", "anpr", "io")))
_ITALY = _struct(
    Field("countryExtensionVersion", _S),
    Field("conforme", Kind.STRUCT, _CONFORME),
    Field("riuso", Kind.STRUCT, _struct(Field("codiceIPA", _S))),
    Field("piattaforme", Kind.STRUCT, _PIATTAFORME),
)

PUBLICCODE = _struct(
    *_strings("publiccodeYmlVersion", "name", "applicationSuite"),
    Field("url", _U),
    Field("landingURL", _U),
    Field("isBasedOn", Kind.URL_OR_URLS),
    *_strings("softwareVersion", "releaseDate", "logo", "monochromeLogo"),
    Field("organisation", Kind.STRUCT, _ORGANISATION),
    *(Field(n, Kind.STRINGS) for n in ("inputTypes", "outputTypes", "platforms", "categories")),
    Field("usedBy", Kind.STRINGS),
    Field("fundedBy", Kind.STRUCTS, _FUNDER),
    Field("roadmap", _U),
    *_strings("developmentStatus", "softwareType"),
    Field("supports", Kind.STRUCTS, _SUPPORT),
    Field("intendedAudience", Kind.STRUCT, _AUDIENCE),
    Field("description", Kind.LANGUAGES, _DESCRIPTION),
    Field("legal", Kind.STRUCT, _LEGAL),
    Field("maintenance", Kind.STRUCT, _MAINTENANCE),
    Field("localisation", Kind.STRUCT, _LOCALISATION),
    Field("dependsOn", Kind.STRUCT, _DEPENDS_ON),
    Field("IT", Kind.STRUCT, _ITALY),
    Field("it", Kind.STRUCT, _ITALY),
)
"""The whole publiccode.yml model, top level first."""
