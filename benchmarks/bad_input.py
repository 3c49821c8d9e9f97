"""Benchmark: ``kataster validate`` on hostile and broken files, each in a fresh interpreter.

README.md ("Limits") promises an answer to every input within about a second and well under
200 MB; this script holds each case to 2 s and 200 MB and prints OVER next to any that breaks
that. It writes the bad inputs of tests/harvester/publiccode/test_bad_input.py (and a few
near the 1 MiB limit) to a temporary folder, runs ``kataster validate`` on each in its own
child of this python, and prints one line per case: wall time, the child's own peak memory
(``ru_maxrss`` from ``os.wait4``), the ratios to the baseline (the valid
tests/data/publiccode/valid/full_smart-city.yml, measured the same way, interpreter start-up
included) and the first finding printed. It ends with ``bad-input: worst <s> s, worst <MB> MB``.

Children are capped at 4 GiB of address space and 30 s so a runaway case cannot take the
machine down; a case stopped by a cap is reported as such, and OVER.

    python benchmarks/bad_input.py [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from harvester.publiccode import MAX_NODES

VALID = Path(__file__).resolve().parents[1] / "tests" / "data" / "publiccode" / "valid"
FULL = (VALID / "full_smart-city.yml").read_bytes()
VERSION = b'publiccodeYmlVersion: "0"\n'
MIB = 1024 * 1024
NEAR_LIMIT = MIB - 64  # just under MAX_BYTES: the largest file Kataster reads
TWENTY_MB = 20 * MIB

PROMISED_SECONDS = 2.0
PROMISED_MB = 200
GUARD_SECONDS = 30  # a runaway child is killed after this
GUARD_BYTES = 4 * 1024**3  # and cannot map more than this
COMMAND = "import sys; from registry.cli import main; sys.exit(main())"


# --- the bad inputs --------------------------------------------------------------------------


def _laughs(indent: bytes, item: bytes) -> bytes:
    """Billion laughs: 10 levels of 10 aliases; ``item`` starts level ``%(n)d``."""
    lines = [indent + item % {b"n": 0} + b"[" + b", ".join([b"lol"] * 10) + b"]"]
    for n in range(1, 10):
        lines.append(indent + item % {b"n": n} + b"[" + b", ".join([b"*l%d" % (n - 1)] * 10) + b"]")
    return b"\n".join(lines) + b"\n"


def _replace(old: bytes, new: bytes, data: bytes = FULL) -> bytes:
    assert data.count(old) == 1, old
    return data.replace(old, new)


def _flow_list(before: bytes, item: bytes, after: bytes, size: int = NEAR_LIMIT) -> bytes:
    """``before`` + ``[item, item, ...]`` + ``after``, ``size`` bytes or just under."""
    count = (size - len(before) - len(after) - 2) // (len(item) + 2)
    return before + b"[" + b", ".join([item] * count) + b"]" + after


def _amplified(value: bytes, before: bytes, after: bytes) -> bytes:
    """One value of about 300 KB and 100,000 aliases of it in a list field."""
    return (
        VERSION
        + b"big: &big "
        + value
        + b"\n"
        + before
        + b"["
        + b", ".join([b"*big"] * (MAX_NODES - 100))
        + b"]"
        + after
    )


def _description(block: bytes) -> bytes:
    start, end = FULL.index(b"description:\n"), FULL.index(b"legal:\n")
    return FULL[:start] + b"description:\n" + block + b"\n" + FULL[end:]


def _chain(length: int) -> bytes:
    links = [b"  a0: &a0 [lol]"] + [b"  a%d: &a%d [*a%d]" % (n, n, n - 1) for n in range(1, length)]
    return b"chain:\n" + b"\n".join(links) + b"\n"


USED_BY = b"usedBy:\n  - Stadt Musterstadt\n  - Gemeinde Beispielhausen\n"
NAME = "name: Mängelmelder\n".encode()
BIG = b"x" * 300_000

CASES: dict[str, Callable[[], bytes]] = {
    "not UTF-8 (Latin-1)": lambda: FULL.decode().encode("latin-1"),
    "empty file": lambda: b"",
    "only whitespace": lambda: b"   \n\n \n",
    "only comments": lambda: b"# publiccode.yml\n# nothing yet\n",
    "list at top level": lambda: b"- publiccodeYmlVersion: '0'\n- name: x\n",
    "scalar at top level": lambda: b"publiccode\n",
    "several documents": lambda: FULL + b"---\nname: other\n",
    "tabs for indentation": lambda: _replace(b"  license: EUPL-1.2\n", b"\tlicense: EUPL-1.2\n"),
    "alias bomb, unknown key": lambda: FULL + b"lol:\n" + _laughs(b"  ", b"- &l%(n)d "),
    "alias bomb, usedBy": lambda: _replace(USED_BY, b"usedBy:\n" + _laughs(b"  ", b"- &l%(n)d ")),
    "alias bomb, description": lambda: _description(_laughs(b"  ", b"l%(n)d: &l%(n)d ")),
    "recursive alias": lambda: FULL + b"loop: &a [*a]\n",
    "recursive alias, usedBy": lambda: _replace(USED_BY, b"usedBy: &a [*a]\n"),
    "alias of a 300 KB scalar x49.9k, isBasedOn": lambda: _amplified(
        b"https://example.org/" + BIG, b"isBasedOn: ", b"\n"
    ),
    "alias of a 300 KB scalar x49.9k, videos": lambda: _amplified(
        b"https://www.youtube.com/watch?v=" + BIG, b"description: {en: {videos: ", b"}}\n"
    ),
    "alias of a 300 KB scalar x49.9k, screenshots": lambda: _amplified(
        BIG + b".png", b"description: {en: {screenshots: ", b"}}\n"
    ),
    "alias of a 300 KB scalar x49.9k, countries": lambda: _amplified(
        BIG, b"intendedAudience: {countries: ", b"}\n"
    ),
    "alias of a 300 KB mapping x49.9k, fundedBy": lambda: _amplified(
        b"{uri: " + BIG + b"}", b"fundedBy: ", b"\n"
    ),
    "alias of a 300 KB mapping x49.9k, supports": lambda: _amplified(
        b"{id: " + BIG + b"}", b"supports: ", b"\n"
    ),
    "alias of a 300 KB mapping x49.9k, contacts": lambda: _amplified(
        b"{name: a, email: " + BIG + b"}", b"maintenance: {type: internal, contacts: ", b"}\n"
    ),
    "alias of a 300 KB mapping x49.9k, contractors": lambda: _amplified(
        b"{name: a, until: 2099-12-31, website: https://" + BIG + b"}",
        b"maintenance: {type: contract, contractors: ",
        b"}\n",
    ),
    "anchor chain of 5,000 links": lambda: _replace(NAME, _chain(5000) + NAME),
    "anchors nested 1,000 deep": lambda: (
        FULL + b"deep: " + b"".join(b"&n%d [" % n for n in range(1000)) + b"]" * 1000 + b"\n"
    ),
    "nesting 1,000 levels, flow": lambda: VERSION + b"deep: " + b"[" * 1000 + b"]" * 1000 + b"\n",
    "nesting 1,000 levels, block": lambda: (
        VERSION + b"deep:\n" + b"".join(b"  " * (n + 1) + b"k%d:\n" % n for n in range(1000))
    ),
    "nesting 100,000 levels, flow": lambda: (
        VERSION + b"deep: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    ),
    "nesting 100,000 levels, compact block": lambda: (
        VERSION + b"deep:\n  " + b"- " * 100_000 + b"x\n"
    ),
    "20 MB, one scalar": lambda: VERSION + b"name: " + b"x" * TWENTY_MB + b"\n",
    "20 MB, many small keys": lambda: (
        VERSION + b"".join(b"k%07d: v\n" % n for n in range(TWENTY_MB // 12))
    ),
    "20 MB, flow list": lambda: VERSION + b"usedBy: [" + b"a, " * (TWENTY_MB // 3) + b"a]\n",
    "1 MiB, one scalar": lambda: _replace(
        NAME, b"name: " + b"x" * (NEAR_LIMIT - len(FULL)) + b"\n"
    ),
    "1 MiB, many small keys": lambda: (
        VERSION + b"".join(b"k%07d: v\n" % n for n in range(NEAR_LIMIT // 12))
    ),
    "1 MiB, flow list, usedBy": lambda: _flow_list(VERSION + b"usedBy: ", b"a", b"\n"),
    "1 MiB, flow list, categories": lambda: _flow_list(VERSION + b"categories: ", b"a", b"\n"),
    "1 MiB, flow list, isBasedOn": lambda: _flow_list(VERSION + b"isBasedOn: ", b"a", b"\n"),
    "1 MiB, flow list, countries": lambda: _flow_list(
        VERSION + b"intendedAudience: {countries: ", b"xx", b"}\n"
    ),
    "1 MiB, flow list, videos": lambda: _flow_list(
        VERSION + b"description: {en: {videos: ", b"a", b"}}\n"
    ),
    "1 MiB, flow list, screenshots": lambda: _flow_list(
        VERSION + b"description: {en: {screenshots: ", b"a", b"}}\n"
    ),
    "1 MiB, one screenshot path": lambda: (
        VERSION
        + b"description: {en: {screenshots: ["
        + b"a/" * (NEAR_LIMIT // 2 - 40)
        + b"x.png]}}\n"
    ),
    "random bytes": lambda: random.Random(20260601).randbytes(64 * 1024),
    "NUL bytes": lambda: b"\x00" * 4096,
    "control characters": lambda: bytes(range(1, 32)) * 128,
    "only a UTF-8 BOM": lambda: b"\xef\xbb\xbf",
    "long line, 900 KB value": lambda: _replace(NAME, NAME[:-1] + b" " + b"x" * 900_000 + b"\n"),
    "long line, 900 KB comment": lambda: FULL + b"# " + b"x" * 900_000 + b"\n",
    "NUL byte inside a value": lambda: _replace(NAME, NAME.replace(b"ngel", b"ngel\x00")),
    "5,000-digit number": lambda: _replace(
        b'softwareVersion: "2.4.1"\n', b"softwareVersion: " + b"1" * 5000 + b"\n"
    ),
    "version key cut off at the end": lambda: b"name: x\npubliccodeYmlVersion:",
}


# --- running one case ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One ``kataster validate`` child: how long, how much memory, what it said."""

    seconds: float
    megabytes: float
    status: int
    first_line: str
    lines: int
    stopped: str = ""  # which guard stopped it, if any

    @property
    def over(self) -> bool:
        return bool(self.stopped) or self.seconds > PROMISED_SECONDS or self.megabytes > PROMISED_MB


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GUARD_BYTES, GUARD_BYTES))


def run_validate(path: Path) -> Run:
    """``kataster validate PATH`` in a fresh interpreter, measured with ``os.wait4``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", COMMAND, "validate", str(path)],
            stdout=out, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_cap, cwd=path.parent,
        )  # fmt: skip
        timer = threading.Timer(GUARD_SECONDS, os.kill, (child.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    return _summarise(path, child.returncode, seconds, usage.ru_maxrss / 1024, stdout, stderr)


def _summarise(
    path: Path, status: int, seconds: float, megabytes: float, stdout: str, stderr: str
) -> Run:
    lines = stdout.splitlines()
    first = (lines or stderr.strip().splitlines()[-1:] or [""])[0]
    first = first.replace(str(path.parent) + os.sep, "")
    stopped = ""
    if status == -signal.SIGKILL:
        stopped = f"killed after the {GUARD_SECONDS} s guard"
    elif "MemoryError" in stderr:
        stopped = f"MemoryError at the {GUARD_BYTES // 1024**3} GiB guard"
    elif status not in (0, 1):
        stopped = f"exit status {status}: " + (stderr.strip().splitlines() or [""])[-1][:100]
    stopped = stopped.replace(str(path.parent) + os.sep, "")
    return Run(seconds, megabytes, status, first, len(lines), stopped)


# --- report ----------------------------------------------------------------------------------


def _row(name: str, run: Run, baseline: Run) -> str:
    ratio = f"x{run.seconds / baseline.seconds:5.1f} x{run.megabytes / baseline.megabytes:5.1f}"
    said = run.stopped or run.first_line[:110] + (
        f"  (+{run.lines - 1} more)" if run.lines > 1 else ""
    )
    flag = "OVER" if run.over else "    "
    return f"{flag} {name:44} {run.seconds:7.2f} s {run.megabytes:7.1f} MB  {ratio}  exit {run.status}  {said}"


def _write_cases(folder: Path, only: str) -> Iterator[tuple[str, Path]]:
    for number, (name, make) in enumerate(CASES.items()):
        if only.lower() in name.lower():
            path = folder / f"case{number:02d}.yml"
            path.write_bytes(make())
            yield name, path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(VALID / "logo.svg", folder / "logo.svg")
        (folder / "baseline.yml").write_bytes(FULL)
        baseline = run_validate(folder / "baseline.yml")
        print(
            f"{'':4} {'case':44} {'wall':>9} {'peak':>10}  {'vs baseline':13}  exit  first finding"
        )
        print(_row("baseline: full_smart-city.yml (valid)", baseline, baseline), flush=True)
        runs = []
        for case, path in _write_cases(folder, args.only):
            runs.append(run_validate(path))
            print(_row(case, runs[-1], baseline), flush=True)
    over = sum(run.over for run in runs)
    print(
        f"{len(runs)} cases, {over} OVER the promise of {PROMISED_SECONDS:g} s and {PROMISED_MB} MB; "
        f"baseline {baseline.seconds:.2f} s, {baseline.megabytes:.1f} MB"
    )
    worst_s = max((run.seconds for run in runs), default=0.0)
    worst_mb = max((run.megabytes for run in runs), default=0.0)
    print(f"bad-input: worst {worst_s:.2f} s, worst {worst_mb:.0f} MB")


if __name__ == "__main__":
    main()
