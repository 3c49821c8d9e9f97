"""The files of a demo repository: README, licence, community files, code, tests and CI.

:class:`RepositoryFiles` answers the three questions :func:`registry.demo.history.plan` asks:
the first commit's files, what one change edits (one source module grows by a function), and
what a release commit writes (the change log and publiccode.yml with the new version). What a
repository holds follows the project's :class:`~registry.demo.projects.Care`: an open project
has a licence and a short README; a documented one adds a README with installation, tests,
CI, contribution and security notes and a change log; a sustained one adds governance, a code
of conduct and REUSE licence information on every file.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from importlib import resources

from . import _texts
from .history import Release
from .projects import Care, Metadata, Project
from .publiccode import publiccode_yml
from .publishers import DemoPublisher

__all__ = ["RepositoryFiles"]

_LICENCE_FILES = {
    "EUPL-1.2": "EUPL-1.2",
    "MIT": "MIT",
    "Apache-2.0": "Apache-2.0",
    "GPL-3.0-or-later": "GPL-3.0",
    "AGPL-3.0-or-later": "AGPL-3.0",
}
_MODULES = {
    "python": ("api.py", "daten.py", "auswertung.py"),
    "node": ("api.js", "daten.js", "karte.js"),
}
_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img">'
    '<rect width="64" height="64" rx="12" fill="#005a9c"/>'
    '<path d="M16 44V20h12a8 8 0 0 1 0 16H22v8z" fill="#fff"/></svg>\n'
)


class RepositoryFiles:
    """The files of ``project``'s repository at ``url`` as its history unfolds."""

    def __init__(
        self,
        project: Project,
        publisher: DemoPublisher,
        url: str,
        releases: Sequence[Release],
        today: datetime.date,
        started: datetime.date,
    ) -> None:
        self.project = project
        self.publisher = publisher
        self.url = url
        self.releases = tuple(releases)
        self.today = today
        self.year = started.year
        self._modules = {name: _module(project, name) for name in _MODULES[project.stack]}

    # --- what the history asks -------------------------------------------------------------

    def initial(self) -> dict[str, bytes | None]:
        """The first commit: everything but the change log, which starts with a release."""
        files = {
            **self._metadata(None),
            **self._licence(),
            "README.md": self._readme(),
            **self._code(),
        }
        if self.project.care is not Care.OPEN:
            files.update(self._documented())
        if self.project.care is Care.SUSTAINED:
            files.update(self._sustained())
        return {path: _bytes(text) for path, text in files.items()}

    def change(self, number: int, message: str) -> dict[str, bytes | None]:
        """Change ``number`` adds a function to one source module."""
        names = sorted(self._modules)
        name = names[number % len(names)]
        self._modules[name] += _function(self.project.stack, number, message)
        return {self._source(name): _bytes(self._headed(self._modules[name]))}

    def release(self, index: int) -> dict[str, bytes | None]:
        """The release commit of ``releases[index]``: change log and metadata."""
        files = {**self._metadata(self.releases[index])}
        if self.project.care is not Care.OPEN:
            files["CHANGELOG.md"] = self._changelog(self.releases[: index + 1])
        return {path: _bytes(text) for path, text in files.items()}

    # --- metadata and licence --------------------------------------------------------------

    def _metadata(self, release: Release | None) -> dict[str, str]:
        metadata = self.project.metadata
        if metadata is Metadata.ABSENT:
            return {}
        name = "publiccode.yaml" if metadata is Metadata.YAML_SUFFIX else "publiccode.yml"
        text = publiccode_yml(self.project, self.publisher, self.url, release, self.today)
        return {name: text}

    def _licence(self) -> dict[str, str]:
        chosen = self.project.licence_text
        if chosen is None:
            return {}
        name = _LICENCE_FILES[self.project.licence] if chosen == "declared" else chosen
        text = _licence_text(name, self.year, self.publisher.name)
        if self.project.care is Care.SUSTAINED:
            return {f"LICENSES/{self.project.licence}.txt": text}
        return {"LICENSE": text}

    # --- documentation ---------------------------------------------------------------------

    def _readme(self) -> str:
        if self.project.care is Care.OPEN:
            return _short_readme(self.project)
        if self.project.readme_language == "en":
            return _readme_en(self.project, self.publisher)
        return _readme_de(self.project, self.publisher)

    def _documented(self) -> dict[str, str]:
        domain = self.publisher.website.removeprefix("https://www.")
        files = {
            "CONTRIBUTING.md": _texts.CONTRIBUTING,
            "SECURITY.md": _texts.SECURITY.format(domain=domain, name=self.publisher.name),
            **self._tests(),
        }
        ci = ".gitlab-ci.yml" if self.project.stack == "python" else ".woodpecker.yml"
        files[ci] = _texts.CI[self.project.stack]
        return files

    def _sustained(self) -> dict[str, str]:
        return {
            "GOVERNANCE.md": _texts.GOVERNANCE.format(name=self.publisher.name),
            "CODE_OF_CONDUCT.md": _texts.CODE_OF_CONDUCT,
            "REUSE.toml": _texts.REUSE.format(
                year=self.year, name=self.publisher.name, licence=self.project.licence
            ),
            "logo.svg": _LOGO,
            "docs/architektur.md": _architecture(self.project),
        }

    def _changelog(self, releases: Sequence[Release]) -> str:
        lines = ["# Änderungsprotokoll", "", "Alle nennenswerten Änderungen, neueste zuerst.", ""]
        for release in reversed(releases):
            lines += [f"## {release.version} ({release.date.isoformat()})", ""]
            lines += ["- Fehlerbehebungen und kleinere Verbesserungen", ""]
        return "\n".join(lines)

    # --- code ------------------------------------------------------------------------------

    def _code(self) -> dict[str, str]:
        files = {self._source(name): self._headed(text) for name, text in self._modules.items()}
        files.update(_manifests(self.project, self.releases))
        return files

    def _tests(self) -> dict[str, str]:
        if self.project.stack == "python":
            return {"tests/test_api.py": self._headed(_texts.PYTHON_TEST)}
        return {"tests/api.test.js": self._headed(_texts.NODE_TEST)}

    def _source(self, name: str) -> str:
        package = self.project.slug.replace("-", "_")
        return f"src/{package}/{name}" if self.project.stack == "python" else f"src/{name}"

    def _headed(self, text: str) -> str:
        """Sustained projects put REUSE headers on every source file."""
        if self.project.care is not Care.SUSTAINED:
            return text
        mark = "#" if self.project.stack == "python" else "//"
        return (
            f"{mark} SPDX-FileCopyrightText: {self.year} {self.publisher.name}\n"
            f"{mark} SPDX-License-Identifier: {self.project.licence}\n\n{text}"
        )


def _bytes(text: str | None) -> bytes | None:
    return None if text is None else text.encode("utf-8")


def _licence_text(name: str, year: int, holder: str) -> str:
    text = (resources.files("registry.demo") / "licences" / f"{name}.txt").read_text("utf-8")
    return text.replace("YEAR", str(year)).replace("HOLDER", holder)


def _module(project: Project, name: str) -> str:
    title = name.rsplit(".", 1)[0].capitalize()
    if project.stack == "python":
        return f'"""{title}: {project.name}."""\n\nfrom __future__ import annotations\n'
    return f"// {title}: {project.name}\n'use strict';\n"


def _function(stack: str, number: int, message: str) -> str:
    if stack == "python":
        return f'\n\ndef schritt_{number}() -> str:\n    """{message}."""\n    return "{number}"\n'
    return f"\nexport function schritt{number}() {{\n  // {message}\n  return {number};\n}}\n"


def _manifests(project: Project, releases: Sequence[Release]) -> dict[str, str]:
    version = releases[-1].version if releases else "0.1.0"
    name = project.slug
    if project.stack == "python":
        files = {
            "pyproject.toml": _texts.PYPROJECT.format(
                name=name, version=version, licence=project.licence
            )
        }
        lock = {"uv.lock": _texts.UV_LOCK.format(name=name, version=version)}
    else:
        files = {
            "package.json": _texts.PACKAGE_JSON.format(
                name=name, version=version, licence=project.licence
            )
        }
        lock = {"package-lock.json": _texts.PACKAGE_LOCK.format(name=name, version=version)}
    if project.care is not Care.OPEN:
        files.update(lock)
        files["Dockerfile"] = _texts.DOCKERFILE[project.stack]
    return files


def _short_readme(project: Project) -> str:
    text = project.de or project.en
    assert text is not None
    status = {"development": "in Entwicklung", "obsolete": "eingestellt"}.get(
        project.status, project.status
    )
    return f"# {text.name}\n\n{text.short}\n\nStatus: {status}.\n"


def _readme_de(project: Project, publisher: DemoPublisher) -> str:
    text = project.de
    assert text is not None
    features = "\n".join(f"- {feature}" for feature in text.features)
    standards = ", ".join(project.standards) or "keine"
    return _texts.README_DE.format(
        name=text.name,
        short=text.short,
        long=text.long,
        features=features,
        publisher=publisher.name,
        slug=project.slug,
        standards=standards,
        licence=project.licence,
    )


def _readme_en(project: Project, publisher: DemoPublisher) -> str:
    text = project.en
    assert text is not None
    features = "\n".join(f"- {feature}" for feature in text.features)
    return _texts.README_EN.format(
        name=text.name,
        short=text.short,
        long=text.long,
        features=features,
        publisher=publisher.name,
        slug=project.slug,
        standards=", ".join(project.standards) or "none",
        licence=project.licence,
    )


def _architecture(project: Project) -> str:
    return (
        f"# Architektur von {project.name}\n\n"
        "Die Anwendung besteht aus einer Web-Oberfläche, einem API-Dienst und einer "
        "Datenbank. Externe Daten kommen über "
        f"{', '.join(project.standards) or 'eigene Schnittstellen'} herein.\n"
    )
