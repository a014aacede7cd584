"""The benchmark runs: every group of ``benchmarks/bench.py`` in its smallest form (``--smoke``).

The figures of so small a run mean nothing; what is tested is that each group still runs
against the code and the examples as they are now and prints each of its figures with a
verdict, so that the benchmark cannot break unseen (its markup group once failed on an
example's exhibit citation, which the frozen parser it compares against cannot read).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import needs

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"

# each group's figures, by the start of their lines
FIGURES = {
    "paper": ["paper: assembler / bare docxtpl"],
    "batch": ["machine: a Python loop", "batch speed-up:", "batch memory: parent", "batch memory: worker"],
    "scale": ["batch of 4 cases: parent CPU"],
    "markup": ["markup speed-up: before / now", "markup: ", "check: ", "check: "],
    "startup": [
        "startup: --version",
        "startup: first prompt",
        "check: model case",
        "check: its libraries alone",
        "check: its imports",
    ],
    "pdf": ["pdf: one case per document", "pdf: batch of 2 documents", "batch --pdf speed-up:"],
}
VERDICT = re.compile(r"\d.*(goal .*: (met|MISSED)|no goal \(what the line above stands on\))")


@pytest.mark.parametrize(
    "group", [pytest.param(g, marks=needs("soffice")) if g == "pdf" else g for g in FIGURES], ids=str
)
def test_each_benchmark_group_runs_and_prints_its_figures(group):
    result = subprocess.run(
        [sys.executable, str(BENCH), "--smoke", "--only", group], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("assembler benchmark --smoke:") and lines[-1].startswith("load average")
    figures = lines[2:-1]  # after the heading, before the load at the end
    assert len(figures) == len(FIGURES[group]), result.stdout
    for line, start in zip(figures, FIGURES[group]):
        assert line.startswith(start), result.stdout
        assert VERDICT.search(line), line


def test_every_group_of_the_benchmark_is_tested_here():
    result = subprocess.run([sys.executable, str(BENCH), "--help"], capture_output=True, text=True, check=True)
    groups = re.search(r"--only \{([a-z,]+)\}", result.stdout)
    assert groups is not None, result.stdout
    assert groups.group(1).split(",") == list(FIGURES)


def test_each_run_plans_sizes_of_the_kinds_its_groups_take():
    """The full run and --quick are too long for the suite; their plans are checked here."""
    import runpy

    bench = runpy.run_path(str(BENCH))
    for name, plan in bench["PLANS"].items():
        for size in (plan.rounds, plan.least, plan.cases, plan.scale, plan.joined, plan.long_file, plan.linear):
            assert isinstance(size, int) and size > 0, name
        assert plan.memory is None or isinstance(plan.memory, int), name
        assert isinstance(plan.units, (int, float)) and plan.units > 0, name
        assert set(plan.groups) <= set(bench["GROUPS"]), name
