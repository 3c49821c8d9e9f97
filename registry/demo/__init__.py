"""The demo: fictional model projects' repositories, harvested into a catalogue to look at.

:func:`build_demo` makes about twenty git repositories of invented municipalities and model
projects in varied states (mature, abandoned, with licence conflicts, without metadata, a
mirror), serves most of them from a temporary Gitea-compatible forge on 127.0.0.1, and
harvests them through the real pipeline into a database. ``kataster demo`` builds it and
serves the catalogue.

=====================  ===================================================================
module                 holds
=====================  ===================================================================
``publishers``         the fictional publishers and the people who commit
``projects``           the fictional projects and the state of each repository
``history``            commit histories planned relative to today
``files``              a repository's files (README, licence, community files, code, CI;
                       ``_texts`` holds their fixed texts)
``publiccode``         a project's publiccode.yml
``repositories``       building the bare repositories (``_fastimport`` writes them)
``forge``              the temporary demo forge (Gitea API v1 and git smart HTTP)
``sources``            the demo's sources file
``run``                :func:`build_demo` and :class:`DemoSummary`
=====================  ===================================================================
"""

from __future__ import annotations

from .errors import DatabaseNotEmpty, DemoError, DemoGitError, InvalidDemoFolder
from .run import DemoSummary, build_demo

__all__ = [
    "DatabaseNotEmpty",
    "DemoError",
    "DemoGitError",
    "DemoSummary",
    "InvalidDemoFolder",
    "build_demo",
]
