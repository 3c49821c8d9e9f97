"""Stufe 5, Nachgenutzt (Proven in reuse): used and developed by several administrations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import Evidence
from . import _document
from ._answers import Answer, failed, no_history, not_checked, passed, unknown
from ._registry import check
from .facts import Facts
from .health import elephant_factor

__all__ = ["has_access_continuity", "has_multi_organisation_development", "has_verified_users"]


@check(
    "L5.1",
    ">= {verified_users_min} confirmed organisations in production, "
    ">= {non_publisher_users_min} of them not the publisher",
)
def has_verified_users(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Do several administrations confirm that they use the software?

    Reuse proven by others is the strongest evidence a municipality can have. Threshold:
    ``verified_users_min`` organisations in production, ``non_publisher_users_min`` of them
    not the publisher, each confirmed by the organisation or a reviewer. ``usedBy``
    declarations are shown but do not count; the harvester has no confirmations, so the
    check fails here and the registry, which holds confirmations, rates it.
    """
    declared = _document.value(facts, "usedBy")
    names = (
        [str(name) for name in declared if isinstance(name, str)]
        if isinstance(declared, list)
        else []
    )
    evidence = (_document.key_evidence(facts, "usedBy"),) if names else ()
    return failed(
        f"{len(names)} declared, 0 confirmed",
        f"{len(names)} Nutzer in usedBy erklärt, keiner bestätigt; Erklärungen allein zählen nicht.",
        f"{len(names)} users declared in usedBy, none confirmed; declarations alone do not count.",
        *evidence,
    )


@check("L5.2", "Elephant Factor over 24 months >= {elephant_factor_min}")
def has_multi_organisation_development(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Do several organisations develop the software together?

    CHAOSS Elephant Factor: the fewest organisations (by commit e-mail domain, personal
    domains excluded as OpenCoDE does) that made at least half the commits of 24 months.
    Threshold: at least ``elephant_factor_min``. Without any organisational domain the
    answer is unknown.
    """
    history = facts.history
    if history is None:
        return no_history()
    factor = elephant_factor(history.author_domains_24m)
    domains = ", ".join(domain for domain, _ in history.author_domains_24m[:5])
    if factor is None:
        return unknown(
            "no organisational domains",
            "Keine Commits mit Adressen von Organisationen in 24 Monaten.",
            "No commits with organisations' addresses in 24 months.",
        )
    where = Evidence("G", detail=f"domains: {domains}")
    if factor >= params["elephant_factor_min"]:
        return passed(
            str(factor),
            "Mehrere Organisationen entwickeln mit.",
            "Several organisations develop together.",
            where,
        )
    return failed(
        str(factor),
        "Eine Organisation trägt die Entwicklung.",
        "One organisation carries development.",
        where,
    )


@check(
    "L5.3",
    ">= {maintainers_min} people with merge and release rights from >= 2 organisations or with a deputy rule",
)
def has_access_continuity(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Can the project go on when one maintainer leaves?

    Municipal software outlives staff changes only if more than one person can merge and
    release. Threshold: at least ``maintainers_min`` people with merge and release rights,
    from two organisations or with a documented deputy rule. This harvester version fetches
    no forge member data, so the answer is always unknown.
    """
    return not_checked("forge member data")
