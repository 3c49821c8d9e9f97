"""The fixed texts written into demo repositories: README skeletons in German and English,
community files (contributing, security, governance, code of conduct), REUSE metadata, CI
configurations, tests, manifests and Dockerfiles. Placeholders in braces are filled with
:meth:`str.format` by :mod:`registry.demo.files`.
"""

from __future__ import annotations

__all__ = [
    "CI",
    "CODE_OF_CONDUCT",
    "CONTRIBUTING",
    "DOCKERFILE",
    "GOVERNANCE",
    "NODE_TEST",
    "PACKAGE_JSON",
    "PACKAGE_LOCK",
    "PYPROJECT",
    "PYTHON_TEST",
    "README_DE",
    "README_EN",
    "REUSE",
    "SECURITY",
    "UV_LOCK",
]

README_DE = """\
# {name}

{short}

{long}

## Funktionen

{features}

## Installation

Voraussetzung ist Docker mit Docker Compose. Danach genügen drei Befehle:

```sh
git clone <Repository-URL> {slug}
cd {slug}
docker compose up -d
```

Die Anwendung ist dann unter `http://localhost:8080` erreichbar. Für den Betrieb in der
Verwaltung empfehlen wir eine eigene Datenbank und einen vorgeschalteten Webserver mit TLS.

## Konfiguration

| Variable | Bedeutung | Standard |
| --- | --- | --- |
| `DATABASE_URL` | Verbindung zur Datenbank | `postgresql://localhost/{slug}` |
| `LOG_LEVEL` | Ausführlichkeit der Protokolle | `info` |
| `SPRACHE` | Sprache der Oberfläche | `de` |

## Schnittstellen und Standards

Die Anwendung spricht diese offenen Standards: {standards}. Die Schnittstelle ist in
`docs/` beschrieben.

> Hinweis: Beim ersten Start legt die Anwendung die Datenbanktabellen selbst an.

## Mitwirken

Wir freuen uns über Fehlermeldungen, Ideen und Merge Requests. Wie das geht, steht in
[CONTRIBUTING.md](CONTRIBUTING.md). Sicherheitslücken melden Sie bitte vertraulich, wie in
[SECURITY.md](SECURITY.md) beschrieben.

## Lizenz

Herausgegeben von {publisher} unter der Lizenz `{licence}`.
"""

README_EN = """\
# {name}

{short}

{long}

## Features

{features}

## Installation

You need Docker with Docker Compose. Then three commands start the application:

```sh
git clone <repository URL> {slug}
cd {slug}
docker compose up -d
```

The application then answers at `http://localhost:8080`. For production use in an
administration we recommend a separate database and a web server with TLS in front.

## Interfaces and standards

The application speaks these open standards: {standards}.

## Contributing

Bug reports, ideas and merge requests are welcome; see [CONTRIBUTING.md](CONTRIBUTING.md).
Please report security issues privately as described in [SECURITY.md](SECURITY.md).

## Licence

Published by {publisher} under the licence `{licence}`.
"""

CONTRIBUTING = """\
# Mitwirken

Danke, dass Sie mithelfen möchten!

1. Legen Sie zuerst ein Issue an und beschreiben Sie Fehler oder Wunsch.
2. Entwickeln Sie in einem eigenen Branch und ergänzen Sie Tests.
3. Stellen Sie einen Merge Request; eine zweite Person prüft jede Änderung.

Mit einem `Signed-off-by:` in jedem Commit (`git commit -s`) bestätigen Sie das Developer
Certificate of Origin. Eine Übertragung von Rechten ist nicht nötig: Ihre Beiträge stehen
unter der Lizenz des Projekts.
"""

SECURITY = """\
# Sicherheit

Bitte melden Sie Sicherheitslücken nicht in einem öffentlichen Issue, sondern vertraulich an
sicherheit@{domain}. {name} bestätigt den Eingang innerhalb von zwei Arbeitstagen und
veröffentlicht eine Korrektur, bevor Details bekannt gemacht werden.
"""

GOVERNANCE = """\
# Governance

{name} leitet das Projekt gemeinsam mit den nachnutzenden Kommunen.

## Entscheidungen

Ein Lenkungskreis aus je einer Person jeder nachnutzenden Kommune trifft sich vierteljährlich,
legt die Roadmap fest und entscheidet über größere Änderungen. Technische Entscheidungen
treffen die Maintainerinnen und Maintainer im Merge Request; jede Änderung prüft eine zweite
Person.

## Releases

Releases erscheinen etwa alle zwei Monate mit Änderungsprotokoll.
"""

CODE_OF_CONDUCT = """\
# Verhaltenskodex

Wir begegnen allen Beteiligten mit Respekt, unabhängig von Herkunft, Geschlecht, Alter oder
Erfahrung. Beleidigungen und Belästigung dulden wir nicht; Verstöße melden Sie an die
Maintainerinnen und Maintainer.
"""

REUSE = """\
version = 1

[[annotations]]
path = "**"
precedence = "aggregate"
SPDX-FileCopyrightText = "{year} {name}"
SPDX-License-Identifier = "{licence}"
"""

CI = {
    "python": """\
test:
  image: python:3.12
  script:
    - pip install uv
    - uv sync --frozen
    - uv run pytest
""",
    "node": """\
steps:
  test:
    image: node:22
    commands:
      - npm ci
      - npm test
""",
}

PYTHON_TEST = """\
def test_antwortet_mit_status_ok():
    assert "ok" == "ok"
"""

NODE_TEST = """\
import { test } from 'node:test';
import assert from 'node:assert';

test('antwortet mit Status ok', () => {
  assert.strictEqual('ok', 'ok');
});
"""

PYPROJECT = """\
[project]
name = "{name}"
version = "{version}"
license = "{licence}"
requires-python = ">=3.11"
dependencies = ["flask>=3.0", "sqlalchemy>=2.0", "requests>=2.32"]

[project.optional-dependencies]
test = ["pytest>=8"]
"""

UV_LOCK = """\
version = 1
requires-python = ">=3.11"

[[package]]
name = "{name}"
version = "{version}"
source = {{ editable = "." }}
"""

PACKAGE_JSON = """\
{{
  "name": "{name}",
  "version": "{version}",
  "license": "{licence}",
  "type": "module",
  "scripts": {{ "start": "node src/api.js", "test": "node --test tests/" }},
  "dependencies": {{ "express": "^4.21.0", "leaflet": "^1.9.4" }}
}}
"""

PACKAGE_LOCK = """\
{{
  "name": "{name}",
  "version": "{version}",
  "lockfileVersion": 3,
  "packages": {{ "": {{ "name": "{name}", "version": "{version}" }} }}
}}
"""

DOCKERFILE = {
    "python": 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install /app\nCMD ["flask", "run"]\n',
    "node": 'FROM node:22-slim\nCOPY . /app\nWORKDIR /app\nRUN npm ci\nCMD ["npm", "start"]\n',
}
