"""Benchmark: each figure as pairs of runs interleaved, so that a busy neighbour slows both sides.

Run from a checkout with the package installed (``pip install .``):

    python benchmarks/bench.py --quick         # about a minute: fewer pairs, a small batch, no PDF
    python benchmarks/bench.py                 # full run: about a quarter of an hour on two cores
    python benchmarks/bench.py --only markup   # one group: paper, batch, scale, markup, startup, pdf
    python benchmarks/bench.py --smoke         # every group at its smallest: it runs (tests/test_bench.py)

A figure compares two sides (a baseline and ours). They run one after the other,
in turns (A B, then B A, ...), and every pair gives one ratio; a figure's line is
the median ratio with the smallest and largest, the two sides' medians, and the
goal, with "met" or "MISSED" for the median. A load on the machine that comes and
goes then moves both sides of a pair, not one side's whole block. The load
average is printed at the start and the end: on a machine this busy, read the
ratios, not the seconds.

The figures:

* paper: assembler's own path per document (validate the answers, render the
  example's five papers with footnotes and the consistency check, save byte-stable
  files) against bare docxtpl (a new ``DocxTemplate`` per document: open, render,
  save; the same templates and context; one Jinja environment with the loader for
  the shared parts). Goal: at most 0.25.
* batch: a generated batch (one base answer file, N small case files, five papers
  each) with ``--jobs 1`` against ``--jobs 2``, each in a fresh process; the ratio is
  the speed-up. Goal: at least 1.8 on two cores. Then the peak resident memory of a
  batch of 100 and of N cases (``--jobs 2``: the parent and the largest worker);
  goal: within 1.20. Beside it, the speed-up the machine gives two processes of a
  Python loop at that moment: on a shared machine, what two cores are worth then.
  Goal: at least 5 times less; and now at 10,000 cases (4,000 with ``--quick``)
  against 1,000, within 1.5 times the ratio of the counts (linear).
* markup: ``markup.parse`` before it was made linear (``tests/markup_before.py``)
  against now, on the examples' texts joined into one text of 334 kB (167 kB with
  ``--quick``); now, on a 334 kB text against the 1.8 MB text of a 2 MB answer file
  (linear: the time grows as the text, within 1.5 times the size ratio); and the
  2 MB answer file of one long text checked (read, validated, its markup parsed),
  goal under 2 s, and ``assembler check`` of it in a process of its own (its five
  papers drafted in memory), goal under 2 s.
* startup: wall time of ``assembler --version`` and to the interview's first prompt
  (in a pseudo-terminal), each against ``python -c "import questionary"``. Goal: 1.5.
  And ``assembler check`` of the model case (five papers drafted) against the same;
  goal: 2.  With it, what that figure stands on, with no goal: importing the libraries
  check drafts with (click, PyYAML, Jinja, lxml, python-docx, docxtpl, and pydantic's
  model machinery, loaded by one model of one field), and importing every module a
  check of the model case imports, ours among them, both with the cycle collector off
  as check runs.  The package runs from its bytecode, as ``pip install .`` leaves it.
* pdf: LibreOffice seconds per document converting one case's five drafts and a
  batch of 100 documents with ``--pdf``'s single run, against one cold ``soffice
  --convert-to pdf`` of one document; goal: 0.3 s per document for the batch.
  Then ``batch --pdf`` of that batch (drafted again with ``--force``), ``--jobs 1``
  against ``--jobs 2``: goal a speed-up of at least 1.7.
* scale: a batch of 10,000 cases (1,000 with ``--quick``), one paper each,
  ``--jobs 2``: the parent process's share of the run's CPU time; goal under 5%.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cp-productions.yaml"
GROUPS = ("paper", "batch", "scale", "markup", "startup", "pdf")
WIDTH = 50  # of a figure's name


# -- pairs -------------------------------------------------------------------------------------
def interleave(sides: list[Callable[[], float]], rounds: int) -> list[list[float]]:
    """``rounds`` rounds of every side, each round in the next turn of order (A B C, B C A, ...);
    each side returns its own seconds (what it does not time, such as setup, is not counted)."""
    out = []
    for index in range(rounds):
        times = [0.0] * len(sides)
        for k in range(len(sides)):
            side = (index + k) % len(sides)
            times[side] = sides[side]()
        out.append(times)
    return out


@dataclass
class Figure:
    """One line: the ratio of each pair (``b / a``, or ``a / b`` as a speed-up), with its goal."""

    name: str
    pairs: list[tuple[float, float]]
    goal: float | None  # None: a figure to read the others by, with no goal of its own
    at_most: bool  # the goal is a ceiling (else a floor)
    speed_up: bool = False  # the ratio is a / b
    unit: str = "ms"
    note: str = ""
    ratios: list[float] = field(init=False)

    def __post_init__(self) -> None:
        self.ratios = [a / b if self.speed_up else b / a for a, b in self.pairs]

    def line(self) -> str:
        median = statistics.median(self.ratios)
        scale = 1000 if self.unit == "ms" else 1
        a = statistics.median(p[0] for p in self.pairs) * scale
        b = statistics.median(p[1] for p in self.pairs) * scale
        top, bottom = (a, b) if self.speed_up else (b, a)  # as the name says: top / bottom
        digits = 0 if self.unit == "ms" else 2
        return (
            f"{self.name:<{WIDTH}} {median:6.2f}  [{min(self.ratios):5.2f} - {max(self.ratios):5.2f}]"
            f"  {_count(len(self.pairs), 'pair')}  ({top:.{digits}f} / {bottom:.{digits}f} {self.unit})"
            f"  {self._verdict(median)}"
        )

    def _verdict(self, median: float) -> str:
        if self.goal is None:
            return f"no goal{self.note}"
        met = median <= self.goal if self.at_most else median >= self.goal
        return f"goal {'<=' if self.at_most else '>='} {self.goal:g}{self.note}: {'met' if met else 'MISSED'}"


def absolute(name: str, seconds: list[float], goal: float, note: str = "") -> str:
    """A figure that is a time, not a ratio: median, smallest, largest, against its goal."""
    median = statistics.median(seconds)
    return (
        f"{name:<{WIDTH}} {median:6.2f}  [{min(seconds):5.2f} - {max(seconds):5.2f}]  "
        f"{_count(len(seconds), 'run')}  (seconds)  goal < {goal:g} s{note}: "
        f"{'met' if median < goal else 'MISSED'}"
    )


def _count(n: int, word: str) -> str:
    return f"{n:>2} {word}{'s' if n != 1 else ' '}"


def say(line: str = "") -> None:
    print(line, flush=True)


# -- paper -------------------------------------------------------------------------------------
def paper(rounds: int) -> None:
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from assembler import DOCUMENTS, TemplateSet, load_matter
    from assembler.papers.render import _PartLoader, default_template_dir, docx_bytes, render_set
    from assembler.papers.richtext import Writer
    from assembler.papers.view import build_context

    folder = default_template_dir()
    matter = load_matter(EXAMPLE)
    env = Environment(loader=_PartLoader(folder), autoescape=True)

    def bare() -> float:
        """Per document: the five with bare docxtpl, the context built outside the clock."""
        total = 0.0
        for doc_id in DOCUMENTS:
            context = build_context(matter, Writer(matter.court.citation))
            start = time.perf_counter()
            tpl = DocxTemplate(str(folder / f"{doc_id}.docx"))
            tpl.render(context, env)
            tpl.save(io.BytesIO())
            total += time.perf_counter() - start
        return total / len(DOCUMENTS)

    templates = TemplateSet(folder)
    start = time.perf_counter()
    for doc_id in DOCUMENTS:
        templates.compiled(doc_id)
    compile_ms = (time.perf_counter() - start) * 1000

    def ours() -> float:
        start = time.perf_counter()
        m = load_matter(EXAMPLE)
        for doc in render_set(m, DOCUMENTS, templates):
            docx_bytes(doc)
        return (time.perf_counter() - start) / len(DOCUMENTS)

    bare(), ours()  # warm both
    pairs = [(a, b) for a, b in interleave([bare, ours], rounds)]
    say(
        Figure("paper: assembler / bare docxtpl, per document", pairs, 0.25, True).line()
        + f"   [templates compiled once: {compile_ms:.0f} ms]"
    )


# -- batch -------------------------------------------------------------------------------------
def make_cases(folder: Path, count: int) -> None:
    (folder / "base").mkdir(parents=True, exist_ok=True)
    (folder / "base" / "isp-coalition.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(count):
        (folder / f"doe-{i:05d}.yaml").write_text(
            f"extends: base/isp-coalition.yaml\ncase:\n  number: 2:12-cv-{i:05d}-PHX-SLG\n  judge: Judge {i}\n",
            encoding="utf-8",
        )


CHILD = """
import json, resource, sys, time
from pathlib import Path
from assembler import DOCUMENTS
from assembler.batch.run import run_batch
start = time.perf_counter()
documents = sys.argv[4].split(",") if len(sys.argv) > 4 else DOCUMENTS
report = run_batch([Path(sys.argv[1])], Path(sys.argv[2]), documents, jobs=int(sys.argv[3]))
seconds = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
parent_cpu = own.ru_utime + own.ru_stime
worker_cpu = workers.ru_utime + workers.ru_stime
assert report.ok, [c.error for c in report.cases if c.error][:3]
# VmHWM, not ru_maxrss: the latter keeps the peak of the process that forked this one
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": seconds, "documents": sum(len(c.documents) for c in report.cases),
                  "parent_kb": hwm, "parent_cpu": parent_cpu, "worker_cpu": worker_cpu,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def run_batch_child(cases: int, jobs: int, work: Path, documents: str = "") -> dict:
    """One batch in a fresh process, into a fresh folder (an old one would only skip)."""
    folder = work / f"in-{cases}"
    if not folder.exists():
        make_cases(folder, cases)
    out = Path(tempfile.mkdtemp(dir=work, prefix=f"out-{cases}-{jobs}-"))
    try:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), str(out), str(jobs), *([documents] if documents else [])],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _loop(processes: int, units: float = 2) -> Callable[[], float]:
    """Seconds for ``units`` of pure-Python work shared by ``processes`` at once: the speed-up
    the machine itself gives a CPU-bound batch while the figures are taken."""
    work = f"sum(i * i for i in range({int(3_000_000 * units) // processes}))"

    def run() -> float:
        start = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-c", work]) for _ in range(processes)]
        for child in children:
            child.wait()
        return time.perf_counter() - start

    return run


def batch(cases: int, rounds: int, memory: int | None, units: float = 2) -> None:
    """``memory``: the small batch whose peak memory the batch of ``cases`` is held to (None: no
    memory figures); ``units``: the size of the machine's Python loop."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs: dict[int, list[dict]] = {1: [], 2: []}

        def side(jobs: int) -> Callable[[], float]:
            def run() -> float:
                runs[jobs].append(run_batch_child(cases, jobs, work))
                return float(runs[jobs][-1]["seconds"])

            return run

        machine = [(a, b) for a, b in interleave([_loop(1, units), _loop(2, units)], rounds)]
        say(
            Figure(
                "machine: a Python loop, 1 / 2 processes",
                machine,
                1.8,
                False,
                speed_up=True,
                unit="s",
                note=" (what two cores give now)",
            ).line()
        )
        pairs = [(a, b) for a, b in interleave([side(1), side(2)], rounds)]
        documents = runs[1][0]["documents"]
        say(
            Figure(
                f"batch speed-up: --jobs 1 / --jobs 2, {cases} cases", pairs, 1.8, False, speed_up=True, unit="s"
            ).line()
            + f"   [{documents / statistics.median(p[1] for p in pairs):.1f} documents/s with --jobs 2]"
        )
        if memory is None:
            return
        small = run_batch_child(memory, 2, work)
        for part in ("parent_kb", "worker_kb"):
            big = max(r[part] for r in runs[2])
            ratio = big / small[part]
            say(
                f"{'batch memory: ' + part[:-3] + f', {cases} / {memory} cases':<{WIDTH}} {ratio:6.2f}"
                f"  ({big / 1024:.0f} vs {small[part] / 1024:.0f} MiB peak)  goal <= 1.2: "
                f"{'met' if ratio <= 1.2 else 'MISSED'}"
            )


def scale(cases: int) -> None:
    """A batch of ``cases`` cases (one paper each, ``--jobs 2``): the parent's share of the run's
    CPU (validating, handing out, the manifest journal), against the workers' drafting."""
    with tempfile.TemporaryDirectory() as tmp:
        run = run_batch_child(cases, 2, Path(tmp), "motion")
    share = run["parent_cpu"] / (run["parent_cpu"] + run["worker_cpu"])
    say(
        f"{f'batch of {cases} cases: parent CPU / all CPU':<{WIDTH}} {share:6.1%}"
        f"  ({run['parent_cpu']:.1f} s of {run['parent_cpu'] + run['worker_cpu']:.1f} s CPU,"
        f" {run['seconds']:.0f} s wall)  goal < 5%: {'met' if share < 0.05 else 'MISSED'}"
    )


# -- markup ------------------------------------------------------------------------------------
def example_texts() -> list[str]:
    """Every markup text of every example, in file order."""
    from assembler.answers.matter import _markup_fields, load_matter

    texts = []
    for file in sorted((ROOT / "examples").glob("*.yaml")):
        texts += [value for _, value in _markup_fields(load_matter(file).answers, ())]
    return texts


def one_text(texts: list[str], size: int) -> str:
    """The texts joined by blank lines and repeated to ``size`` characters, cut at a paragraph."""
    joined = "\n\n".join(t.strip("\n") for t in texts)
    text = "\n\n".join([joined] * (size // len(joined) + 1))[:size]
    return text[: text.rfind("\n\n")]


def big_answer_file(path: Path, limit: int = 1_990_000) -> str:
    """The model case, its first docket entry's background one long text (the model case's own,
    citing only entries filed before the motion), the whole file just under the 2 MB limit."""
    import yaml

    from assembler.answers.markup import parse
    from assembler.answers.matter import _markup_fields, load_matter
    from assembler.answers.reader import read_yaml

    class Literal(yaml.SafeDumper):
        pass

    Literal.add_representer(
        str,
        lambda dumper, value: dumper.represent_scalar(
            "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
        ),
    )

    data, _ = read_yaml(EXAMPLE)
    order = data["order"]["docket"]
    early = [
        value
        for _, value in _markup_fields(load_matter(EXAMPLE).answers, ())
        if len(value) > 200
        and all(cite.number <= order for citation, _ in parse(value).citations for cite in citation.cites)
    ]
    text = one_text(early, limit)
    while True:
        data["docket"][0]["background"] = text
        dumped = yaml.dump(data, Dumper=Literal, sort_keys=False, allow_unicode=True, width=100)
        if len(dumped.encode("utf-8")) <= limit:
            break
        text = text[: text.rfind("\n\n", 0, len(text) - 20_000)]
    path.write_text(dumped, encoding="utf-8")
    return text


def _reads(parse: Callable[[str], object], text: str) -> bool:
    """Whether ``parse`` reads ``text``: the frozen parser predates the exhibit and declaration
    citations ([[Ex. A]], [[Decl. ¶ 4]], issue #23), so it is compared on the texts without."""
    from assembler.answers.markup import MarkupError

    try:
        parse(text)
    except MarkupError:
        return False
    return True


def markup(plan: Plan) -> None:
    rounds = plan.rounds
    sys.path.insert(0, str(ROOT / "tests"))
    import markup_before

    from assembler.answers.markup import parse
    from assembler.checks import check

    def timed(function: Callable[[str], object], text: str) -> Callable[[], float]:
        def run() -> float:
            start = time.perf_counter()
            function(text)
            return time.perf_counter() - start

        return run

    texts = example_texts()
    readable = [t for t in texts if _reads(markup_before.parse, t)]
    text = one_text(readable, plan.joined)
    assert parse(text) == markup_before.parse(text)
    pairs = [
        (a, b)
        for a, b in interleave([timed(markup_before.parse, text), timed(parse, text)], max(plan.least, rounds // 2))
    ]
    say(
        Figure(
            f"markup speed-up: before / now, {len(text) // 1000} kB",
            pairs,
            10.0,
            False,
            speed_up=True,
            note=f" (the issue: 61x; {len(readable)} of {len(texts)} texts, as the rest cite exhibits)",
        ).line()
    )
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "big.yaml"
        long = big_answer_file(answers, plan.long_file)
        small = long[: long.rfind("\n\n", 0, plan.linear)]
        growth = len(long) / len(small)
        pairs = [(a, b) for a, b in interleave([timed(parse, small), timed(parse, long)], rounds)]
        say(
            Figure(
                f"markup: {len(long) / 1e6:.1f} MB / {len(small) // 1000} kB text (linear)",
                pairs,
                round(1.5 * growth, 1),
                True,
                note=f" (1.5 x the size ratio {growth:.1f})",
            ).line()
        )
        check(EXAMPLE, draft=False)  # warm
        size_mb = answers.stat().st_size / 1e6
        read = [timed(lambda file: check(file, draft=False), str(answers))() for _ in range(rounds)]
        say(absolute(f"check: {size_mb:.2f} MB answer file, not drafted", read, 2.0, note=" (read, validate, parse)"))
        assert check(answers).ok
        command = [sys.executable, "-m", "assembler", "check", str(answers)]

        def fresh() -> float:  # a process of its own: no cache of an earlier round helps
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            return time.perf_counter() - start

        drafted = [fresh() for _ in range(max(plan.least, rounds // 3))]
        say(
            absolute(
                f"check: {size_mb:.2f} MB answer file, drafted", drafted, 2.0, note=" (assembler check: five papers)"
            )
        )


# -- startup -----------------------------------------------------------------------------------
def startup(rounds: int) -> None:
    import compileall

    import pexpect

    import assembler

    # the package's bytecode, as ``pip install .`` leaves it (questionary's is): an editable
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module in every timed run
    compileall.compile_dir(str(Path(assembler.__file__).parent), quiet=1)

    exe = shutil.which("assembler") or str(Path(sys.executable).parent / "assembler")
    env = {"PATH": str(Path(sys.executable).parent), "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}

    def wall(command: list[str]) -> Callable[[], float]:
        def run() -> float:
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            return time.perf_counter() - start

        return run

    def first_prompt() -> float:
        """Seconds from spawning ``assembler interview`` to its first question on the screen."""
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            child = pexpect.spawn(
                exe, ["interview", str(Path(tmp) / "new.yaml")], env=env, encoding="utf-8", timeout=30
            )
            child.expect_exact("Court (its name")
            seconds = time.perf_counter() - start
            child.terminate(force=True)  # not timed
        return seconds

    baseline = wall([sys.executable, "-c", "import questionary"])
    check = wall([exe, "check", str(EXAMPLE)])
    # what check cannot do without: the libraries it stands on, then every module it imports
    # (the collector off, as check runs: cli._collector_off)
    libraries = wall([sys.executable, "-c", f"import gc; gc.disable()\n{CHECK_LIBRARIES}"])
    modules = wall([sys.executable, "-c", f"import gc; gc.disable(); import {', '.join(CHECK_MODULES)}"])
    runs = interleave([baseline, wall([exe, "--version"]), first_prompt, check, libraries, modules], rounds)
    say(Figure("startup: --version / import questionary", [(r[0], r[1]) for r in runs], 1.5, True).line())
    say(Figure("startup: first prompt / import questionary", [(r[0], r[2]) for r in runs], 1.5, True).line())
    say(Figure("check: model case / import questionary", [(r[0], r[3]) for r in runs], 2.0, True).line())
    stands_on = ((4, "check: its libraries alone / import questionary"), (5, "check: its imports / import questionary"))
    for index, name in stands_on:
        pairs = [(r[0], r[index]) for r in runs]
        say(Figure(name, pairs, None, True, note=" (what the line above stands on)").line())


# the libraries ``assembler check`` drafts with (pydantic's model machinery loads on a model's first
# class: one of one field, validated once), and the modules of ours a check of the model case imports
CHECK_LIBRARIES = (
    "import click, yaml, jinja2.sandbox, lxml.etree, docx, docxtpl\n"
    "from pydantic import BaseModel\n"
    "class One(BaseModel):\n    x: int\n"
    "One(x=1)"
)
CHECK_MODULES = (
    "assembler.cli",
    "assembler.checks",
    "assembler.answers.matter",
    "assembler.law.advice",
    "assembler.law.caselaw",
    "assembler.docket.merge",
    "assembler.papers.render",
)


# -- pdf ---------------------------------------------------------------------------------------
def pdf_figures(rounds: int, documents: int = 100) -> None:
    """PDF seconds per document: one case (5), a batch, against one cold soffice run."""
    from assembler import load_matter, render_matter
    from assembler.papers.pdf import convert, soffice

    program = soffice()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = render_matter(
            load_matter(EXAMPLE), work / "one", ["motion", "response", "reply", "order-granting", "order-denying"]
        )
        folder, out = work / "batch", work / "out"
        make_cases(folder, documents // 2)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "assembler",
                "batch",
                str(folder),
                "-o",
                str(out),
                "--documents",
                "motion,order-granting",
                "--jobs",
                "2",
            ],
            check=True,
            capture_output=True,
        )
        docs = sorted(out.rglob("*.docx"))

        def cold() -> float:
            profile = Path(tempfile.mkdtemp(dir=work))
            start = time.perf_counter()
            subprocess.run(
                [
                    program,
                    "--headless",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(profile / "pdf"),
                    str(paths[0]),
                ],
                capture_output=True,
                check=True,
            )
            return time.perf_counter() - start

        def per_document(files: list[Path]) -> Callable[[], float]:
            def run() -> float:
                start = time.perf_counter()
                convert(files)
                return (time.perf_counter() - start) / len(files)

            return run

        def batch_pdf(jobs: int) -> Callable[[], float]:
            def run() -> float:
                command = [sys.executable, "-m", "assembler", "batch", str(folder), "-o", str(out)]
                command += ["--documents", "motion,order-granting", "--jobs", str(jobs), "--pdf", "--force"]
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                return time.perf_counter() - start

            return run

        speed_up = interleave([batch_pdf(1), batch_pdf(2)], rounds)
        runs = interleave([cold, per_document(paths), per_document(docs)], rounds)
    say(
        Figure(
            "pdf: one case per document / one cold soffice", [(r[0], r[1]) for r in runs], 1.0, True, unit="s"
        ).line()
    )
    batch_s = [r[2] for r in runs]
    say(absolute(f"pdf: batch of {len(docs)} documents, per document", batch_s, 0.3))
    say(
        Figure(
            f"batch --pdf speed-up: --jobs 1 / --jobs 2, {len(docs)} documents",
            [(a, b) for a, b in speed_up],
            1.7,
            False,
            speed_up=True,
            unit="s",
        ).line()
    )


@dataclass(frozen=True)
class Plan:
    """The sizes of one run: the full one, ``--quick`` or ``--smoke``."""

    rounds: int  # pairs per figure (paper, startup; the other groups take fewer)
    least: int  # the fewest pairs of a group that takes fewer
    cases: int  # in the batch group
    memory: int | None  # the small batch of the memory figures (None: none)
    scale: int  # cases in the scale group
    joined: int  # characters of the examples' texts joined, parsed before and now
    long_file: int  # bytes of the long answer file (the full run's: just under the 2 MB limit)
    linear: int  # characters of the shorter text the long one is held to (linear)
    pdf_documents: int  # in the batch of the pdf group
    _: dataclasses.KW_ONLY
    units: float = 2  # of the machine's Python loop (the batch group)
    groups: tuple[str, ...] = GROUPS  # run without --only


PLANS = {
    "full": Plan(15, 2, 300, 100, 10_000, 334_000, 1_990_000, 334_000, 100),
    "quick": Plan(3, 2, 20, None, 1_000, 167_000, 1_990_000, 334_000, 100, groups=GROUPS[:-1]),
    # every group in its smallest form, a few seconds each (tests/test_bench.py): the code runs,
    # the figures mean nothing
    "smoke": Plan(1, 1, 2, 1, 4, 20_000, 120_000, 20_000, 2, units=0.1),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--quick", action="store_true", help="about a minute: fewer pairs, a batch of 20 cases, no PDF, no memory"
    )
    mode.add_argument(
        "--smoke", action="store_true", help="every group at its smallest, to see that it runs: figures mean nothing"
    )
    parser.add_argument("--cases", type=int, help="cases in the batch (300; --quick: 20)")
    parser.add_argument("--scale", type=int, help="cases in the scale batch (10,000; --quick: 1,000)")
    parser.add_argument(
        "--rounds", type=int, help="pairs per figure (paper and startup: 15, the others fewer; --quick: 3)"
    )
    parser.add_argument("--only", choices=GROUPS, action="append", help="only this group (repeatable)")
    args = parser.parse_args()
    name = "smoke" if args.smoke else "quick" if args.quick else "full"
    plan = PLANS[name]
    rounds = args.rounds or plan.rounds
    cases = args.cases or plan.cases
    groups = args.only or plan.groups
    started = time.perf_counter()
    say(
        f"assembler benchmark{'' if name == 'full' else ' --' + name}: {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the start"
    )
    say(f"{'figure':<{WIDTH}} {'median':>6}  [  min -   max]            (sides' medians)  goal: verdict")
    if "paper" in groups:
        paper(rounds)
    if "batch" in groups:
        batch(cases, plan.least if name != "full" else max(plan.least, rounds // 5), plan.memory, plan.units)
    if "scale" in groups:
        scale(args.scale or plan.scale)
    if "markup" in groups:
        markup(dataclasses.replace(plan, rounds=rounds))
    if "startup" in groups:
        startup(rounds)
    if "pdf" in groups:
        pdf_figures(max(plan.least, rounds // 5), plan.pdf_documents)
    say(f"load average {os.getloadavg()[0]:.1f} at the end; {time.perf_counter() - started:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
