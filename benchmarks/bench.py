"""Benchmark: rendering speed against bare docxtpl, batch speed-up, and batch memory.

Run from a checkout with the package installed (``pip install .``):

    python benchmarks/bench.py                 # full run: about four minutes on two cores
    python benchmarks/bench.py --cases 200     # a quicker batch

It prints:

1. Per document, for each of the example's five papers: bare docxtpl (a new
   ``DocxTemplate`` per document: open, render, save; the same template and
   the same context; one Jinja environment with the loader for the shared
   parts) in ms per document; assembler's own path (validate the answers,
   render all five with footnotes and the consistency check, save
   byte-stable files) in ms per document; and the ratio of the two.
2. A generated batch (one base answer file, N small case files) with
   ``--jobs 1`` and ``--jobs 2``: documents per second and the speed-up.
3. Peak resident memory of a batch of 100 and of N cases (the parent process
   and the largest worker), and their ratio.
4. Start-up: wall time to the interview's first prompt (in a pseudo-terminal)
   and of ``assembler --version``, each as a ratio to ``python -c "import
   questionary"`` measured in the same run (aim: within 1.5x).
   ``--startup-only`` prints just this part.
5. PDF: seconds per document converting one case's five drafts and a batch of
   100 documents with ``--pdf``'s single LibreOffice run, against one cold
   ``soffice --convert-to pdf`` of one document. ``--pdf-only`` prints it.

Each batch runs in a fresh process, so its memory peak is its own.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cp-productions.yaml"


def per_document(rounds: int) -> None:
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from assembler import DOCUMENTS, TemplateSet, load_matter
    from assembler.papers.render import _PartLoader, default_template_dir, docx_bytes, render_set
    from assembler.papers.richtext import Writer
    from assembler.papers.view import build_context

    folder = default_template_dir()
    matter = load_matter(EXAMPLE)
    env = Environment(loader=_PartLoader(folder), autoescape=True)

    def bare(doc_id: str) -> float:
        context = build_context(matter, Writer(matter.court.citation))  # not timed: the user's data
        start = time.perf_counter()
        tpl = DocxTemplate(str(folder / f"{doc_id}.docx"))
        tpl.render(context, env)
        tpl.save(io.BytesIO())
        return time.perf_counter() - start

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

    for doc_id in DOCUMENTS:  # warm both paths
        bare(doc_id)
    ours()
    print(f"== per document (median of {rounds} rounds; templates compiled once: {compile_ms:.0f} ms)")
    print(f"{'document':<16}{'bare docxtpl':>14}")
    baseline = {}
    for doc_id in DOCUMENTS:
        baseline[doc_id] = statistics.median(bare(doc_id) for _ in range(rounds)) * 1000
        print(f"{doc_id:<16}{baseline[doc_id]:>11.1f} ms")
    bare_ms = statistics.mean(baseline.values())
    ours_ms = statistics.median(ours() for _ in range(rounds)) * 1000
    print(f"{'mean':<16}{bare_ms:>11.1f} ms   (bare docxtpl, per document)")
    print(
        f"assembler        {ours_ms:>8.1f} ms   (per document: validation, five papers, "
        "footnotes, consistency check, byte-stable save)"
    )
    print(f"ratio            {ours_ms / bare_ms:>8.2f}    (assembler / bare docxtpl; target <= 1.0, aim 0.7)")


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
report = run_batch([Path(sys.argv[1])], Path(sys.argv[2]), DOCUMENTS, jobs=int(sys.argv[3]))
seconds = time.perf_counter() - start
assert report.ok, [c.error for c in report.cases if c.error][:3]
# VmHWM, not ru_maxrss: the latter keeps the peak of the process that forked this one
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": seconds, "documents": sum(len(c.documents) for c in report.cases),
                  "parent_kb": hwm,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def batch(cases: int, jobs: int, work: Path) -> dict:
    folder = work / f"in-{cases}"
    if not folder.exists():
        make_cases(folder, cases)
    out = work / f"out-{cases}-{jobs}"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(out), str(jobs)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _median_seconds(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(rounds: int) -> None:
    import shutil

    import pexpect

    exe = shutil.which("assembler") or str(Path(sys.executable).parent / "assembler")
    env = {"PATH": str(Path(sys.executable).parent), "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}

    def first_prompt() -> float:
        """Seconds from spawning ``assembler interview`` to its first question on the screen."""
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            child = pexpect.spawn(
                exe, ["interview", str(Path(tmp) / "new.yaml")], env=env, encoding="utf-8", timeout=30
            )
            child.expect_exact("Court (CourtListener id")
            seconds = time.perf_counter() - start
            child.terminate(force=True)  # not timed
        return seconds

    baseline = _median_seconds(lambda: subprocess.run([sys.executable, "-c", "import questionary"], check=True), rounds)
    version = _median_seconds(lambda: subprocess.run([exe, "--version"], check=True, capture_output=True), rounds)
    prompt = statistics.median(first_prompt() for _ in range(rounds))
    print(f"\n== start-up (median of {rounds})")
    print(f"python -c 'import questionary'  {baseline * 1000:6.0f} ms   1.00x")
    print(f"assembler --version             {version * 1000:6.0f} ms   {version / baseline:.2f}x   (aim <= 1.5)")
    print(f"interview: first prompt         {prompt * 1000:6.0f} ms   {prompt / baseline:.2f}x   (aim <= 1.5)")


def pdf_figures(cases: int) -> None:
    """PDF seconds per document: one case (5), a batch (cases x 2), against one cold soffice run."""
    import shutil

    from assembler import load_matter, render_matter
    from assembler.papers.pdf import convert

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = render_matter(
            load_matter(EXAMPLE), work / "one", ["motion", "response", "reply", "order-granting", "order-denying"]
        )
        cold = work / "cold"
        start = time.perf_counter()
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                "--headless",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(cold),
                str(paths[0]),
            ],
            capture_output=True,
            check=True,
        )
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        convert(paths)
        case_s = (time.perf_counter() - start) / len(paths)
        folder = work / "batch"
        make_cases(folder, cases)
        out = work / "out"
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
        start = time.perf_counter()
        convert(docs)
        batch_s = (time.perf_counter() - start) / len(docs)
    print("\n== PDF (LibreOffice, one process per run)")
    print(f"one cold soffice --convert-to pdf, 1 document  {cold_s:6.2f} s   1.00x")
    print(f"one case, 5 documents                          {case_s:6.2f} s/doc   {case_s / cold_s:.2f}x")
    print(
        f"batch, {len(docs)} documents                         {batch_s:6.2f} s/doc   {batch_s / cold_s:.2f}x"
        "   (aim <= 0.3 s/doc)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="cases in the big batch (1000)")
    parser.add_argument("--rounds", type=int, default=15, help="rounds for the per-document figures")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures")
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF figures")
    args = parser.parse_args()
    if args.pdf_only:
        pdf_figures(50)
        return 0
    startup(args.rounds)
    if args.startup_only:
        return 0
    pdf_figures(50)
    per_document(args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"\n== batch of {args.cases} generated cases (five papers each)")
        runs = {jobs: batch(args.cases, jobs, work) for jobs in (1, 2)}
        for jobs, r in runs.items():
            print(
                f"--jobs {jobs}: {r['documents']} documents in {r['seconds']:.1f} s = "
                f"{r['documents'] / r['seconds']:.1f} documents/s"
            )
        print(f"speed-up      {runs[1]['seconds'] / runs[2]['seconds']:.2f}x   (target >= 1.8 on two cores)")
        print("\n== peak memory (--jobs 2)")
        small = batch(100, 2, work)
        big = runs[2]
        for label, r in ((100, small), (args.cases, big)):
            print(
                f"{label:>5} cases: parent {r['parent_kb'] / 1024:.0f} MiB, largest worker "
                f"{r['worker_kb'] / 1024:.0f} MiB"
            )
        for part in ("parent_kb", "worker_kb"):
            print(f"{part[:-3]:<7} {args.cases} vs 100 cases: {big[part] / small[part]:.2f}   (target: within 1.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
