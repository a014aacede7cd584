"""Batch: many cases, one run; failures stay local; an interrupted or failed run is finished later."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, write

from assembler.batch.run import collect, run_batch
from assembler.cli import cli

DOCS = ["motion", "order-granting"]


def make_cases(folder: Path, count: int, broken: dict[int, str] | None = None) -> list[Path]:
    """A shared base (the model case) and ``count`` small per-case files; ``broken``: index -> flaw."""
    base = write(folder, "base/isp-coalition.yaml", (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8"))
    files = []
    for i in range(count):
        number = f"2:12-cv-{2000 + i:05d}-PHX-SLG"
        extra = ""
        if broken and i in broken:
            flaw = broken[i]
            if flaw == "case number":
                number = "no such number"
            elif flaw == "unknown docket":
                extra = "motion:\n  relief: vacate the order [[99]]\n  filed: 2012-09-14\n"
        files.append(
            write(
                folder,
                f"doe-{i:03d}.yaml",
                f"extends: {base.relative_to(folder).as_posix()}\n"
                f"case:\n  number: {number}\n  judge: Judge {i}\n{extra}",
            )
        )
    return files


def test_extends_only_bases_are_not_cases(tmp_path):
    files = make_cases(tmp_path, 3)
    cases, bases = collect([tmp_path])
    assert sorted(cases) == sorted(files)
    assert [b.name for b in bases] == ["isp-coalition.yaml"]


def test_fifty_cases_two_broken_then_fixed(tmp_path):
    cases = tmp_path / "answers"
    make_cases(cases, 50, broken={7: "case number", 31: "unknown docket"})
    out = tmp_path / "drafts"
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(cases), "-o", str(out), "--jobs", "2", "--documents", ",".join(DOCS)])
    assert result.exit_code == 1, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_status: dict[str, list[dict]] = {}
    for case in manifest["cases"]:
        by_status.setdefault(case["status"], []).append(case)
    assert len(by_status["done"]) == 48
    bad = {Path(c["file"]).name: c["error"] for c in by_status["invalid"]}
    assert set(bad) == {"doe-007.yaml", "doe-031.yaml"}
    assert "'no such number' is not a District of Arizona case number" in bad["doe-007.yaml"]
    assert "cites docket 99, which is not in the docket list" in bad["doe-031.yaml"]
    assert "line" in bad["doe-007.yaml"]
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert len(folders) == 48
    for case in by_status["done"]:
        for doc in case["documents"]:
            data = Path(doc["path"]).read_bytes()
            assert doc["size"] == len(data) and doc["sha256"] == hashlib.sha256(data).hexdigest()
    assert not list(out.rglob("*.tmp"))
    rows = list(csv.DictReader((out / "manifest.csv").open(encoding="utf-8")))
    assert len(rows) == 48 * len(DOCS) + 2

    # fix the two; the second run renders only them
    make_cases(cases, 50)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")}
    result = runner.invoke(cli, ["batch", str(cases), "-o", str(out), "--jobs", "2", "--documents", ",".join(DOCS)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["done"] == 2 and manifest["summary"]["skipped"] == 48
    assert all(p.stat().st_mtime_ns == t for p, t in before.items())  # nothing rewritten
    assert len([p for p in out.iterdir() if p.is_dir()]) == 50


def test_output_is_the_same_whatever_the_number_of_jobs(tmp_path):
    make_cases(tmp_path / "in", 6)
    digests = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        report = run_batch([tmp_path / "in"], out, DOCS, jobs=jobs)
        assert report.ok
        digests.append({(Path(c.file).name, d.id): d.sha256 for c in report.cases for d in c.documents})
    assert digests[0] == digests[1] and len(digests[0]) == 12


def test_fail_fast_stops_before_drafting_when_a_case_is_invalid(tmp_path):
    make_cases(tmp_path / "in", 4, broken={2: "case number"})
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2, fail_fast=True)
    assert not report.ok
    assert [c.status for c in report.cases].count("not-finished") == 3
    assert not [p for p in (tmp_path / "out").iterdir() if p.is_dir()]


def test_changed_answers_are_not_silently_skipped(tmp_path):
    files = make_cases(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert run_batch([tmp_path / "in"], out, DOCS, jobs=1).ok
    files[0].write_text(files[0].read_text(encoding="utf-8").replace("Judge 0", "Judge Zero"), encoding="utf-8")
    report = run_batch([tmp_path / "in"], out, DOCS, jobs=1)
    changed = next(c for c in report.cases if c.file == str(files[0]))
    assert changed.status == "failed" and "answers changed" in (changed.error or "")
    assert run_batch([tmp_path / "in"], out, DOCS, jobs=1, force=True).ok


def test_two_files_for_one_case_number_are_caught(tmp_path):
    files = make_cases(tmp_path / "in", 2)
    files[1].write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=1)
    assert [c.status for c in report.cases] == ["done", "invalid"]
    assert "is also the case of" in (report.cases[1].error or "")


def test_missing_input_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_ctrl_c_stops_cleanly_and_the_same_command_finishes(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    make_cases(tmp_path / "in", 120)
    command = [
        sys.executable,
        "-m",
        "assembler",
        "batch",
        "in",
        "-o",
        "out",
        "--jobs",
        "2",
        "--documents",
        ",".join(DOCS),
    ]
    (tmp_path / "tmp").mkdir()  # the system's temporary folder, for this test: where checks are kept
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "TMPDIR": str(tmp_path / "tmp")}
    proc = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    for line in proc.stdout:  # interrupt once the first case is done
        if ": done" in line:
            os.killpg(proc.pid, signal.SIGINT)
            break
    output = line + proc.stdout.read()
    assert proc.wait(timeout=120) == 130, output
    assert "Traceback" not in output
    out = tmp_path / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["interrupted"] is True
    assert 0 < manifest["summary"]["done"] < 120 and manifest["summary"]["not-finished"] > 0
    assert not list(out.rglob("*.tmp"))
    drafted = [p for p in out.iterdir() if p.is_dir()]
    assert len(drafted) == manifest["summary"]["done"]
    assert all(len(list(p.glob("*.docx"))) == len(DOCS) for p in drafted)  # no half case
    assert not list((tmp_path / "tmp").iterdir())  # the kept checks went with the run
    finish = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert finish.returncode == 0, finish.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["skipped"] == len(drafted)
    assert manifest["summary"]["done"] == 120 - len(drafted)


def test_dry_run_renders_every_case_and_writes_nothing(tmp_path):
    make_cases(tmp_path / "in", 3, broken={1: "unknown docket"})
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out"),
            "--dry-run",
            "--jobs",
            "1",
            "--documents",
            "motion",
        ],
    )
    assert result.exit_code == 1
    assert "checked" in result.output and "cites docket 99" in result.output
    assert not (tmp_path / "out").exists()


def test_the_coalition_example_drafts_as_a_batch(tmp_path):
    report = run_batch([EXAMPLES / "coalition"], tmp_path, ["motion"], jobs=2)
    assert report.ok and [c.status for c in report.cases] == ["done"] * 3
    assert sorted(Path(c.folder).name for c in report.cases if c.folder) == [
        "2-12-cv-01184-PHX-SLG",
        "2-12-cv-01185-PHX-SLG",
        "2-12-cv-01186-PHX-SLG",
    ]


def test_bases_are_named_in_the_manifest(tmp_path):
    make_cases(tmp_path / "in", 2)
    run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=1)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [Path(b).name for b in manifest["bases"]] == ["isp-coalition.yaml"]
    assert len(manifest["cases"]) == 2
