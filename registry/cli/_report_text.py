"""A serialised component as text for operators: English labels, messages in one language.

Works only from :func:`registry.components.serialise.serialise_component`'s data, so the text
and the JSON report never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["render_component"]

_INDENT = "    "


def render_component(data: Mapping[str, Any], language: str) -> str:
    """The component's report; stored German/English messages in ``language`` (de or en)."""
    return "\n".join(_lines(data, language))


def _lines(data: Mapping[str, Any], language: str) -> Iterator[str]:
    yield f"{data['url']}  (component {data['id']}, serial {data['last_serial']})"
    yield from _identity(data)
    yield from _status(data)
    if data["harvest"] is None:
        yield "  No good harvest yet: nothing is published."
        return
    yield from _publiccode(data["publiccode"], language)
    yield from _licences(data["licences"], language)
    yield from _history(data["history"])
    yield from _health(data["health"])
    yield from _maturity(data["maturity"], language)
    yield from _releases(data["releases"])


def _field(label: str, value: object) -> str:
    return f"  {label + ':':<16}{value}"


def _identity(data: Mapping[str, Any]) -> Iterator[str]:
    publisher = data["publisher"]
    yield _field("Name", data["name"] or "(unknown)")
    if data["description"]:
        yield _field("Description", data["description"])
    yield _field("Publisher", f"{publisher['id']}: {publisher['name']} ({publisher['kind']})")
    yield _field("Repository", data["repository_url"])
    for alias in data["aliases"]:
        yield _field("Alias", f"{alias['url']} ({alias['reason']})")
    flags = list(_flags(data))
    if flags:
        yield _field("Flags", "; ".join(flags))


def _flags(data: Mapping[str, Any]) -> Iterator[str]:
    if data["incomplete"] and data["harvest"] is not None:
        yield "incomplete (no publiccode.yml)"
    if data["archived"]:
        yield "archived"
    if data["fork"]:
        yield f"fork of {data['parent_url']}" if data["parent_url"] else "fork"
    if data["mirror"]:
        yield "mirror"
    if data["single_commit_snapshot"]:
        yield "single-commit snapshot"
    if data["declared_url"]:
        yield f"publiccode.yml names {data['declared_url']} as the original"


def _status(data: Mapping[str, Any]) -> Iterator[str]:
    harvest, attempt = data["harvest"], data["last_attempt"]
    if harvest is not None:
        versions = f"harvester {harvest['harvester_version']}, model {harvest['model_version']}"
        yield _field(
            "Harvest", f"ok at {harvest['commit']}, {harvest['harvested_at']} ({versions})"
        )
    if attempt is not None and attempt["status"] != "ok":
        reason = f": {attempt['failure']}" if attempt["failure"] else ""
        yield _field("Last attempt", f"{attempt['status']} at {attempt['at']}{reason}")


def _message(item: Mapping[str, Any], language: str, stem: str = "message") -> str:
    other = "en" if language == "de" else "de"
    return str(item.get(f"{stem}_{language}") or item.get(f"{stem}_{other}") or "")


def _finding(finding: Mapping[str, Any], language: str) -> str:
    where = finding["key"] or finding["path"] or ""
    if finding["line"]:
        where += f" {finding['line']}:{finding['column'] or 0}"
    kind = finding["severity"] if finding["type"] == "licence" else finding["type"]
    labels = [finding["code"]] if finding["code"] else []
    if finding["type"] == "profile" and finding["severity"]:
        labels.append(finding["severity"])
    label = f" [{', '.join(labels)}]" if labels else ""
    return f"  {_INDENT}{kind:<9}{where}{label}: {_message(finding, language)}"


def _publiccode(publiccode: Mapping[str, Any], language: str) -> Iterator[str]:
    if not publiccode["present"]:
        yield _field("publiccode.yml", "missing")
        return
    findings = publiccode["findings"]
    counts = {kind: sum(f["type"] == kind for f in findings) for kind in _FINDING_TYPES}
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items() if count)
    verdict = "valid" if publiccode["valid"] else "invalid"
    yield _field(
        "publiccode.yml", f"{verdict} ({publiccode['path']}){', ' + summary if summary else ''}"
    )
    for finding in findings:
        yield _finding(finding, language)


_FINDING_TYPES = ("error", "warning", "profile")


def _licences(licences: Mapping[str, Any] | None, language: str) -> Iterator[str]:
    if licences is None:
        return
    yield "  Licences:"
    yield f"  {_INDENT}declared: {_declared(licences)}"
    for file in licences["files"]:
        yield f"  {_INDENT}file {file['path']}: {_licence_file(file)}"
    for manifest in licences["manifests"]:
        spdx = manifest["spdx"] or "not an SPDX expression"
        where = f"{manifest['path']} {manifest['field']}"
        yield f"  {_INDENT}manifest {where}: {manifest['value']} ({spdx})"
    for licence in sorted(set(licences["osi_approved"]) | set(licences["fsf_libre"])):
        osi = _yes_no(licences["osi_approved"].get(licence))
        fsf = _yes_no(licences["fsf_libre"].get(licence))
        yield f"  {_INDENT}{licence}: OSI approved {osi}, FSF free/libre {fsf}"
    for finding in licences["findings"]:
        yield _finding(finding, language)


def _declared(licences: Mapping[str, Any]) -> str:
    if licences["declared"] is None:
        return "none (publiccode.yml legal.license)"
    valid = "valid SPDX expression" if licences["declared_valid"] else "not valid SPDX"
    return f"{licences['declared']} ({valid})"


def _licence_file(file: Mapping[str, Any]) -> str:
    ids = ", ".join(file["spdx_ids"]) or "no licence recognised"
    text = f"{file['status']}: {ids}"
    if file["coverage"] is not None:
        text += f", {round(file['coverage'] * 100)} % of the text matched"
    return text + (f" ({file['note']})" if file["note"] else "")


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


def _history(history: Mapping[str, Any] | None) -> Iterator[str]:
    if history is None:
        return
    yield _field(
        "History",
        f"{history['commits']} commits from {history['first_commit_at'][:10]} to "
        f"{history['last_commit_at'][:10]}; {history['commits_90d']} in 90 days "
        f"({history['active_weeks_90d']} active weeks), {history['commits_365d']} in 365 days",
    )
    yield _field(
        "Authors",
        f"{history['authors_12m']} in 12 months ({history['new_authors_12m']} new), "
        f"absence factor {history['absence_factor_12m']}; {len(history['tags'])} version tags",
    )


_HEALTH = (
    ("commits_90d", "commits 90 days"),
    ("commits_365d", "commits 365 days"),
    ("active_weeks_90d", "active weeks 90 days"),
    ("releases_365d", "releases 365 days"),
    ("last_release_at", "last release"),
    ("absence_factor_12m", "contributor absence factor 12 months"),
    ("elephant_factor_24m", "elephant factor 24 months"),
    ("new_contributors_12m", "new contributors 12 months"),
)


def _health(health: Mapping[str, Any] | None) -> Iterator[str]:
    if health is None:
        return
    shown = (f"{label} {_unknown(health[key])}" for key, label in _HEALTH)
    yield _field("Health", "; ".join(shown))


def _unknown(value: object) -> str:
    """Numbers as they are; timestamps as their date."""
    if value is None:
        return "unknown"
    return value[:10] if isinstance(value, str) else str(value)


def _maturity(maturity: Mapping[str, Any] | None, language: str) -> Iterator[str]:
    if maturity is None:
        yield _field("Maturity", "not rated")
        return
    notes = [f"model {maturity['model_version']}"]
    if maturity["blocking"]:
        notes.append("blocking " + ", ".join(maturity["blocking"]))
    if maturity["archived"]:
        notes.append("archived")
    if maturity["capped_by_licence"]:
        notes.append("capped at 0 by the licence")
    yield _field("Maturity", f"level {maturity['level']} ({'; '.join(notes)})")
    for check in maturity["checks"]:
        yield from _check(check, language)


def _check(check: Mapping[str, Any], language: str) -> Iterator[str]:
    measured = f" {check['value']}" if check["value"] is not None else ""
    threshold = f" (threshold {check['threshold']})" if check["threshold"] else ""
    yield f"  {_INDENT}{check['outcome']:<15}{check['id']} {check['name']}:{measured}{threshold}"
    yield f"  {_INDENT * 2}{_message(check, language, 'reason')}"
    for evidence in check["evidence"]:
        yield f"  {_INDENT * 2}evidence: {_evidence(evidence)}"


def _evidence(evidence: Mapping[str, Any]) -> str:
    parts = [evidence["source"]]
    if evidence["path"]:
        parts.append(evidence["path"] + (f":{evidence['line']}" if evidence["line"] else ""))
    if evidence["commit"]:
        parts.append(f"at {evidence['commit'][:12]}")
    parts += [value for value in (evidence["url"], evidence["detail"]) if value]
    return " ".join(parts)


def _releases(releases: list[Mapping[str, Any]]) -> Iterator[str]:
    if not releases:
        yield _field("Releases", "none")
        return
    latest = releases[0]
    date = (latest["date"] or "date unknown")[:10]
    described = f"{latest['tag']} = {latest['version']} ({latest['scheme']}), {date}"
    yield _field("Releases", f"{len(releases)}, latest {described}")
