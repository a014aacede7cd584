"""How long ``assembler check`` takes: the model case against ``import questionary``, and a 2 MB
answer file of one long text, each in a process of its own, in interleaved rounds.

    python tools/check_speed.py [--rounds 9] [--base OTHER-CHECKOUT]

The 2 MB file is the benchmark's (its markup group's): the model case with its first
docket entry's background one long text, just under the reader's 2 MB limit.  Every round runs each
command once, in a turn of order (A B C, B C A, ...), so that a load that comes and
goes on a shared machine moves every side of a round; each line gives the median
with the smallest and largest, and the ratio to ``import questionary`` per round.
One run of each fills the user's cache first (of its own, in a temporary folder:
eyecite's readings, compiled templates), as a user's second run finds it.

``--base`` runs the same checks with the package of another checkout (say an
earlier commit, from ``git archive``) beside this one's, says whether they print
the same, and gives this one's time over the base's, round by round.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "examples" / "cp-productions.yaml"
LIMIT = 1_990_000  # bytes: the reader refuses a file over 2 MB


def big_answer_file(path: Path) -> int:
    """The benchmark's 2 MB answer file (``benchmarks/bench.py``, the markup group's), written to
    ``path``; returns its size."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    from bench import big_answer_file as write

    write(path, LIMIT)
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--base", type=Path, help="another checkout, to compare with")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = work / "big.yaml"
        size = big_answer_file(big)
        (work / "model.yaml").write_text(MODEL.read_text(encoding="utf-8"), encoding="utf-8")

        def env(package: Path, cache: str) -> dict[str, str]:
            return {
                **os.environ,
                "PYTHONPATH": str(package),  # the folder runs from work: no checkout is the current one
                "ASSEMBLER_CACHE": str(work / cache),
                "ASSEMBLER_CONFIG": str(work / "no-settings.yaml"),  # no user's settings
            }

        py = sys.executable
        sides: dict[str, tuple[list[str], dict[str, str]]] = {
            "import questionary": ([py, "-c", "import questionary"], env(ROOT, "cache")),
            "check model case": ([py, "-m", "assembler", "check", "model.yaml"], env(ROOT, "cache")),
            f"check {size / 1e6:.2f} MB file": ([py, "-m", "assembler", "check", "big.yaml"], env(ROOT, "cache")),
            f"check {size / 1e6:.2f} MB file, not drafted": (
                [py, "-c", "import sys; from assembler.checks import check; check('big.yaml', draft=False)"],
                env(ROOT, "cache"),
            ),
            f"render {size / 1e6:.2f} MB file": (
                [py, "-m", "assembler", "render", "big.yaml", "-o", "drafts", "--force", "--quiet"],
                env(ROOT, "cache"),
            ),
        }
        checks = [name for name in sides if name.startswith("check") and "not drafted" not in name]
        if args.base:
            for name in checks:
                command, _ = sides[name]
                sides[f"base: {name}"] = (command, env(args.base.resolve(), "cache-base"))

        def run(name: str) -> tuple[float, bytes]:
            command, environment = sides[name]
            start = time.perf_counter()
            done = subprocess.run(command, env=environment, cwd=work, capture_output=True)
            return time.perf_counter() - start, done.stdout + done.stderr

        printed = {name: run(name)[1] for name in sides}  # and the caches filled
        names = list(sides)
        times: dict[str, list[float]] = {name: [] for name in names}
        for index in range(args.rounds):
            for name in names[index % len(names) :] + names[: index % len(names)]:
                times[name].append(run(name)[0])
        baseline = times["import questionary"]
        print(f"{args.rounds} rounds; load average {os.getloadavg()[0]:.1f} at the end")
        for name in names:
            ratios = [t / q for t, q in zip(times[name], baseline)]
            print(
                f"{name:42} {statistics.median(times[name]) * 1000:6.0f} ms"
                f"  [{min(times[name]) * 1000:5.0f} - {max(times[name]) * 1000:5.0f}]"
                f"  / import questionary {statistics.median(ratios):5.2f} [{min(ratios):.2f} - {max(ratios):.2f}]"
            )
        if args.base:
            for name in checks:
                ratios = [new / old for new, old in zip(times[name], times[f"base: {name}"])]
                same = "the same output" if printed[name] == printed[f"base: {name}"] else "OUTPUT DIFFERS"
                print(
                    f"{name + ': this / base':42} {statistics.median(ratios):6.2f}"
                    f"  [{min(ratios):.2f} - {max(ratios):.2f}]  {same}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
