"""Who made a commit: bots, identities across e-mail addresses and names, and organisations.

- A **bot** is told by its name or e-mail: ``…[bot]``, ``…-bot``, ``…_bot``, ``… bot``, the
  known automation accounts (Dependabot, Renovate, GitHub Actions, GitLab's bots, Weblate,
  pre-commit.ci, ...) and their addresses (``action@github.com``, ``noreply@github.com``,
  ``…@dependabot.com`` ...).
- An **identity** joins every commit that shares an e-mail address (case-insensitive; GitHub's
  ``123+name@users.noreply.github.com`` is ``name@users.noreply.github.com``) or a name
  (case- and space-insensitive) with another, transitively. Generic names such as ``root`` or
  ``Administrator`` and placeholder addresses join nothing. The addresses and names are
  expected to be mailmapped already (``git log --use-mailmap``).
- An **organisation domain** is the e-mail domain, unless it is a personal or free-mail
  provider, a no-reply address, or a machine's own name (``localhost``, ``*.local``,
  ``*.fritz.box`` ...), which say nothing about an employer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["identities", "is_bot", "organisation_domain"]

_BOT_SUFFIXES = ("[bot]", "-bot", "_bot", " bot", ".bot")
_BOT_NAMES = frozenset(
    {
        "bot",
        "dependabot",
        "dependabot-preview",
        "renovate",
        "renovatebot",
        "greenkeeper",
        "github",
        "github-actions",
        "github action",
        "github actions",
        "actions-user",
        "gitlab",
        "gitlab ci",
        "gitlab-ci",
        "gitlab bot",
        "weblate",
        "hosted weblate",
        "pre-commit-ci",
        "allcontributors",
        "imgbot",
        "pyup.io bot",
        "whitesource",
        "mend bolt",
        "codecov",
        "travis ci",
        "travis-ci",
        "jenkins",
        "semantic-release",
    }
)
_BOT_ADDRESSES = frozenset(
    {"action@github.com", "actions@github.com", "noreply@github.com", "noreply@gitlab.com"}
)
_BOT_DOMAINS = frozenset(
    {"dependabot.com", "renovateapp.com", "renovatebot.com", "whitesourcesoftware.com"}
)
_GENERIC_NAMES = frozenset(
    {
        *("root", "admin", "administrator", "user", "unknown", "ubuntu", "pi", "vagrant"),
        *("git", "localhost", "default", "you", "anonymous", "(none)", "none", "your name"),
    }
)
_PLACEHOLDER_ADDRESSES = frozenset({"", "(none)", "none@none", "you@example.com", "root@localhost"})
_GITHUB_NOREPLY = re.compile(r"\d+\+(?=[^@]+@users\.noreply\.github\.com$)")

_FREE_MAIL = frozenset(
    {
        *("gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol"),
        *("icloud", "me", "mac", "gmx", "web", "t-online", "freenet", "arcor", "posteo"),
        *("mailbox", "protonmail", "proton", "pm", "tutanota", "tuta", "yandex", "mail"),
        *("email", "online", "1und1", "kabelmail", "zoho", "fastmail", "hushmail", "qq"),
        *("163", "126", "foxmail", "seznam", "wp", "o2", "laposte", "libero", "virgilio"),
        *("free", "bluewin", "hey"),
    }
)
_MACHINE_SUFFIXES = (
    ".local",
    ".localdomain",
    ".lan",
    ".home",
    ".internal",
    ".intern",
    ".fritz.box",
    ".speedport.ip",
    ".workgroup",
    ".example.com",
)
_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63}")


def is_bot(name: str, email: str) -> bool:
    """Whether a commit's author is an automation account."""
    name = " ".join(name.lower().split())
    address = _address(email)
    local, _, domain = address.rpartition("@")
    if name in _BOT_NAMES or name.endswith(_BOT_SUFFIXES):
        return True
    if address in _BOT_ADDRESSES or domain in _BOT_DOMAINS:
        return True
    return local == "bot" or local.endswith(_BOT_SUFFIXES)


def identities(people: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each (name, e-mail) mapped to its identity's key: linked addresses and names joined."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]  # path halving keeps the trees flat
            key = parent[key]
        return key

    keys = {person: _keys(*person) for person in dict.fromkeys(people)}
    for linked in keys.values():
        for other in linked[1:]:
            parent[root(other)] = root(linked[0])
    return {person: root(linked[0]) for person, linked in keys.items()}


def _address(email: str) -> str:
    """Lower case, and GitHub's ``123+name@users.noreply.github.com`` without ``123+``."""
    address = email.strip().lower()
    prefix = _GITHUB_NOREPLY.match(address)
    return address if prefix is None else address[prefix.end() :]


def _keys(name: str, email: str) -> list[str]:
    address = _address(email)
    person = " ".join(name.lower().split())
    keys = [] if address in _PLACEHOLDER_ADDRESSES else [f"<{address}>"]
    keys += [] if person in _GENERIC_NAMES or not person else [person]
    return keys or [f"{person} <{address}>"]


def organisation_domain(email: str) -> str | None:
    """The e-mail's domain when it may name an employer; ``None`` for personal addresses."""
    domain = email.strip().lower().rpartition("@")[2]
    if "@" not in email or not _DOMAIN.fullmatch(domain):
        return None
    if domain.endswith(_MACHINE_SUFFIXES) or "noreply" in domain or "no-reply" in domain:
        return None
    labels = domain.split(".")
    suffix_like = len(labels) <= 3 and all(len(label) <= 3 for label in labels[1:])
    return None if suffix_like and labels[0] in _FREE_MAIL else domain
