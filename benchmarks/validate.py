"""Benchmark: validating realistic publiccode.yml files against a bare libyaml load.

Generates a corpus of about 4 KB files in German and English, validates each (Smart City
profile, no network, logo checked on disk) and loads the same bytes with PyYAML's C loader,
the baseline measured in the same run. Prints files per second and the ratio of the two times,
ending with one line ``validate: <files/s> files/s, ratio <r>``.

    python benchmarks/validate.py [--files N] [--rounds R]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from harvester.publiccode import load_profile, validate

WORDS_DE = [
    "Bürgerinnen",
    "Bürger",
    "melden",
    "Schäden",
    "Straße",
    "Verwaltung",
    "Antrag",
    "digital",
    "Kommune",
    "Daten",
    "Karte",
    "Sensor",
    "Verkehr",
    "Parkplatz",
    "Energie",
    "Wasser",
    "Umwelt",
    "Beteiligung",
    "Plattform",
    "offen",
    "Schnittstelle",
    "Quartier",
    "Mobilität",
    "Bibliothek",
    "Termin",
    "Gebühren",
    "Formular",
    "Rathaus",
    "Netz",
    "Luftqualität",
]
WORDS_EN = [
    "citizens",
    "report",
    "damage",
    "street",
    "administration",
    "application",
    "digital",
    "municipality",
    "data",
    "map",
    "sensor",
    "traffic",
    "parking",
    "energy",
    "water",
    "environment",
    "participation",
    "platform",
    "open",
    "interface",
    "district",
    "mobility",
    "library",
    "appointment",
    "fees",
    "form",
    "town",
    "hall",
    "network",
    "air",
    "quality",
]
SCOPES = ("local-authorities", "transportation", "environment", "government", "society")
CATEGORIES = ("data-collection", "data-visualization", "geographic-information-systems")


def _sentence(rng: random.Random, words: list[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count)).capitalize() + "."


def _language(rng: random.Random, tag: str, words: list[str]) -> str:
    long = " ".join(_sentence(rng, words, 12) for _ in range(12))
    features = "".join(f"      - {_sentence(rng, words, 5)}\n" for _ in range(6))
    return (
        f"  {tag}:\n"
        f"    localisedName: {rng.choice(words).capitalize()}\n"
        f"    shortDescription: {_sentence(rng, words, 10)}\n"
        f"    longDescription: >\n      {long}\n"
        f'    documentation: "https://docs.example.org/{tag}/{rng.randrange(10**6)}"\n'
        f"    features:\n{features}"
        f'    videos:\n      - "https://www.youtube.com/watch?v={rng.randrange(10**9)}"\n'
    )


def make_file(rng: random.Random) -> bytes:
    """One realistic publiccode.yml of about 4 KB."""
    number = rng.randrange(10**6)
    text = (
        'publiccodeYmlVersion: "0"\n'
        f"name: Lösung {number}\n"
        f'url: "https://gitlab.opencode.de/stadt-{number}/loesung.git"\n'
        f'landingURL: "https://www.stadt-{number}.de/loesung"\n'
        f'softwareVersion: "1.{rng.randrange(20)}.{rng.randrange(10)}"\n'
        f'releaseDate: "2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"\n'
        "logo: logo.svg\n"
        f'organisation:\n  uri: "https://www.stadt-{number}.de"\n  name: Stadt {number}\n'
        "platforms: [web, android]\n"
        f"categories: [{rng.choice(CATEGORIES)}]\n"
        f"usedBy: [Stadt {number}, Gemeinde {rng.randrange(999)}]\n"
        "developmentStatus: stable\nsoftwareType: standalone/web\n"
        f"intendedAudience:\n  scope: [{rng.choice(SCOPES)}]\n  countries: [DE]\n"
        "description:\n"
        + _language(rng, "de", WORDS_DE)
        + _language(rng, "en", WORDS_EN)
        + "legal:\n  license: EUPL-1.2 OR AGPL-3.0-or-later\n  mainCopyrightOwner: Stadt\n"
        "maintenance:\n  type: contract\n  contractors:\n"
        f'    - name: Firma {number} GmbH\n      until: "2099-12-31"\n'
        f"      email: info@firma-{number}.de\n"
        "  contacts:\n    - name: Erika Mustermann\n      email: erika@example.org\n"
        "localisation:\n  localisationReady: true\n  availableLanguages: [de, en]\n"
        "dependsOn:\n  open:\n    - name: PostgreSQL\n      versionMin: '13'\n"
    )
    return text.encode("utf-8")


def _best_of(rounds: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(2026)
    corpus = [make_file(rng) for _ in range(args.files)]
    profile = load_profile("smart-city")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
        first = validate(corpus[0], base_dir=base, profile=profile)
        assert not first.findings, first.findings  # the corpus is valid: we time the full path

        def run_validate() -> None:
            for data in corpus:
                validate(data, base_dir=base, profile=profile)

        def run_reference_rules() -> None:
            for data in corpus:
                validate(data, base_dir=base)

        def run_yaml() -> None:
            for data in corpus:
                yaml.load(data, Loader=yaml.CSafeLoader)

        run_validate()  # warm caches (vocabularies, compiled patterns)
        t_yaml = _best_of(args.rounds, run_yaml)
        t_reference = _best_of(args.rounds, run_reference_rules)
        t_validate = _best_of(args.rounds, run_validate)
    size = statistics.mean(len(data) for data in corpus)
    count = len(corpus)
    print(f"corpus: {count} files, mean {size / 1024:.1f} KB, best of {args.rounds} rounds")
    print(f"yaml.load (libyaml CSafeLoader): {count / t_yaml:8.0f} files/s  (baseline)")
    print(
        f"validate, reference rules only:  {count / t_reference:8.0f} files/s  "
        f"ratio {t_reference / t_yaml:.2f}"
    )
    print(
        f"validate, smart-city profile:    {count / t_validate:8.0f} files/s  "
        f"ratio {t_validate / t_yaml:.2f}"
    )
    print(f"validate: {count / t_validate:.0f} files/s, ratio {t_validate / t_yaml:.2f}")


if __name__ == "__main__":
    main()
