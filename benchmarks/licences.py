"""Benchmark: licence identification on the labelled corpus, and its worst times.

Identifies every file of tests/data/licences/ (labels in labels.yml) and prints precision and
recall of identification: a file counts as correctly identified when it is labelled
``identified`` and identify_text says IDENTIFIED with exactly the labelled ids. Precision is
over the files the harvester called identified, recall over the files labelled so; the
modified recall is the share of files labelled ``modified`` that came out MODIFIED. Then times
each corpus file (the worst of three runs) and a few hostile texts, ending with the line
``licences: precision <p>, recall <r>, modified-recall <m>, worst <ms> ms``.

    python benchmarks/licences.py [--verbose]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from harvester.licences import identify_text
from harvester.records import LicenceFile, LicenceStatus

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "licences"
MIT = (CORPUS / "std_mit_pyyaml.txt").read_text(encoding="utf-8")
GPL = (CORPUS / "std_gpl-3.0_debian.txt").read_text(encoding="utf-8")


def _hostile() -> dict[str, bytes]:
    """Texts built to be slow: long, repetitive, fingerprints without their licence."""
    rng = random.Random(3)
    words = ["licence", "software", "copyright", "permission", "the", "of", "granted", "use"]
    prose = "\n".join(" ".join(rng.choice(words) for _ in range(10)) for _ in range(3000))
    fingerprint = (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of\n"
    )
    texts = {
        "200 KB of words, then MIT": prose + "\n" + MIT,
        "200 KB of 'the '": "the " * 50000,
        "one 250 KB line": "x" * 250_000,
        "MIT's first passage 3,000 times": fingerprint * 3000 + MIT,
        "every licence's first passage, no licence": "\n".join([fingerprint, GPL[:3000]] * 40),
        "GPL seven times, over the cap": GPL * 8,
        "128,000 short lines": "a\n" * 128_000,
        "50,000 Markdown brackets": "[" * 50_000 + "](" * 50_000,
    }
    return {name: text.encode() for name, text in texts.items()}


def _labels() -> dict[str, dict[str, object]]:
    with (CORPUS / "labels.yml").open(encoding="utf-8") as labels:
        loaded: dict[str, dict[str, object]] = yaml.safe_load(labels)
    return loaded


def _timed(call: Callable[[], LicenceFile], rounds: int = 3) -> tuple[LicenceFile, float]:
    """The result and the worst time in milliseconds of ``rounds`` calls."""
    worst = 0.0
    result = call()
    for _ in range(rounds):
        start = time.perf_counter()
        result = call()
        worst = max(worst, (time.perf_counter() - start) * 1000)
    return result, worst


def _correct(label: dict[str, object], result: LicenceFile) -> bool:
    return result.status == LicenceStatus.IDENTIFIED and sorted(result.spdx_ids) == sorted(
        label["ids"]  # type: ignore[arg-type]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every file's verdict")
    args = parser.parse_args()
    identify_text(MIT, "LICENSE")  # load the templates before timing
    labels = _labels()
    said_identified = labelled_identified = correct = modified = modified_found = 0
    worst_corpus = (0.0, "")
    for name, label in sorted(labels.items()):
        data = (CORPUS / name).read_bytes()
        path = str(label.get("path", "LICENSE"))
        result, ms = _timed(lambda data=data, path=path: identify_text(data, path))
        worst_corpus = max(worst_corpus, (ms, name))
        said_identified += result.status == LicenceStatus.IDENTIFIED
        labelled_identified += label["status"] == "identified"
        hit = label["status"] == "identified" and _correct(label, result)
        correct += hit
        modified += label["status"] == "modified"
        modified_found += label["status"] == "modified" and result.status == LicenceStatus.MODIFIED
        expected_status = str(label["status"])
        wrong = result.status.value != expected_status or (
            expected_status == "identified" and not hit
        )
        if args.verbose or wrong:
            mark = "MISS" if wrong else "ok  "
            print(f"{mark} {name:48} {result.status.value:10} {','.join(result.spdx_ids):40}")
            print(f"     expected {label['status']} {label['ids']}  {ms:.1f} ms  {result.note}")
    precision = correct / said_identified if said_identified else 0.0
    recall = correct / labelled_identified if labelled_identified else 0.0
    modified_recall = modified_found / modified if modified else 0.0
    print(f"corpus: {len(labels)} files; {labelled_identified} standard, {modified} modified")
    print(f"identified {said_identified}, of them correct {correct}")
    print(f"slowest corpus file: {worst_corpus[1]} {worst_corpus[0]:.1f} ms")
    worst = worst_corpus[0]
    for name, data in _hostile().items():
        result, ms = _timed(lambda data=data: identify_text(data, "LICENSE"), rounds=1)
        worst = max(worst, ms)
        print(f"hostile: {name:45} {ms:7.1f} ms  {result.status.value} {result.spdx_ids}")
    print(
        f"licences: precision {precision:.3f}, recall {recall:.3f}, "
        f"modified-recall {modified_recall:.3f}, worst {worst:.0f} ms"
    )


if __name__ == "__main__":
    main()
