"""axe-core in the page (through axe-playwright-python): the WCAG 2.1 A/AA rules and axe's
best practices. A page passes with no violation of impact serious or critical; every
violation, whatever its impact, is described in the failure message."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

__all__ = ["BLOCKING_IMPACTS", "axe_violations", "blocking", "describe"]

BLOCKING_IMPACTS = frozenset({"serious", "critical"})
_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
_AXE = Axe()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every axe violation on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": _TAGS}, "resultTypes": ["violations"]}
    results = _AXE.run(page, options=options)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per violation: rule id, impact, help, and each node's target and HTML."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation.get('help')} "
            f"[{violation.get('helpUrl', '')}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())[:300]
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    {target}: {html}\n      {summary}")
    return "\n".join(lines)
