"""Batch under faults: killed parents, two runs at once, a full disk, brackets in messages."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import make_cases

from assembler.batch.run import BatchReport, CaseResult, run_batch
from assembler.errors import OutputError

ASSEMBLER = [sys.executable, "-m", "assembler"]


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def temp_env(tmp_path: Path) -> dict[str, str]:
    """The environment with a temporary folder of the test's own, where a batch keeps its checks."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp")}


def start_batch(cases: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*ASSEMBLER, "batch", str(cases), "-o", str(out), "--jobs", "2", "--documents", "motion,order-granting"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=temp_env(cases.parent),
    )


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_kill_9_of_the_parent_ends_its_workers_and_a_rerun_completes(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 60)
    parent = start_batch(cases, out)
    try:
        assert wait_for(lambda: len(list(out.glob("*/motion.docx"))) >= 3), "no drafts appeared"
        workers = children(parent.pid)
        assert workers, "the batch has no worker processes"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert wait_for(lambda: not any(alive(w) for w in workers), 10), "workers outlived their parent"
    finally:
        parent.kill()
    (left,) = (tmp_path / "tmp").iterdir()  # the killed run's kept checks: nothing removed them
    assert list(left.glob("*.pickle"))
    rerun = subprocess.run(
        [*ASSEMBLER, "batch", str(cases), "-o", str(out), "--jobs", "2", "--documents", "motion,order-granting"],
        capture_output=True,
        text=True,
        env=temp_env(tmp_path),
    )
    assert rerun.returncode == 0, rerun.stderr
    assert not list(out.rglob("*.tmp")), "a temporary file survived the re-run"
    assert not list((tmp_path / "tmp").iterdir()), "the killed run's kept checks survived the re-run"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["summary"]["done"] + manifest["summary"]["skipped"] == 60


def test_a_second_batch_into_the_same_folder_is_refused_clearly(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 200)  # enough that the first is still drafting when the second starts
    first = start_batch(cases, out)
    try:
        assert wait_for(lambda: any(out.glob("*/motion.docx"))), "the first batch never started"
        second = subprocess.run([*ASSEMBLER, "batch", str(cases), "-o", str(out)], capture_output=True, text=True)
        assert second.returncode == 1
        assert "another assembler batch is drafting into" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0, first.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["summary"]["done"] == 200 and manifest["summary"]["failed"] == 0


def test_a_stale_temporary_file_is_removed_by_the_next_run(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 2)
    stale = out / "2-12-cv-02000-PHX-SLG" / ".motion.docx.abc123.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half a draft")
    report = run_batch([cases], out, ["motion"], jobs=1)
    assert report.ok and not stale.exists()


def test_a_full_disk_fails_cases_with_a_sentence_and_no_half_set(tmp_path, monkeypatch):
    import assembler.files as files

    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 3)
    real_fsync, count = os.fsync, {"n": 0}

    def fsync(fd: int) -> None:  # the third draft written finds the disk full
        count["n"] += 1
        if count["n"] == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)  # workers are forked: they see the patch
    report = run_batch([cases], out, ["motion", "order-granting"], jobs=1)
    failed = [c for c in report.cases if c.status == "failed"]
    assert len(failed) == 1 and "the disk is full" in (failed[0].error or "")
    assert "internal error" not in (failed[0].error or "")
    folder = Path(failed[0].folder)
    assert folder.parent == out and not list(folder.glob("*.docx")), "half a set was left"
    assert json.loads((out / "manifest.json").read_text())["summary"]["failed"] == 1


def test_a_manifest_that_cannot_be_written_is_reported_not_raised(tmp_path, monkeypatch):
    import assembler.batch.run as batch

    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 2)

    def full(*args, **kwargs):
        raise OutputError(f"cannot write {out / 'manifest.json'}: the disk is full")

    monkeypatch.setattr(batch, "_write_manifest", full)
    report = run_batch([cases], out, ["motion"], jobs=1)
    assert report.manifest_error and "the disk is full" in report.manifest_error
    assert not report.ok and report.count("done") == 2


def test_brackets_in_messages_print_as_they_are(capsys, tmp_path):
    from assembler.batch.progress import show_summary

    bad = CaseResult("cases/x[/red].yaml", "invalid", error="cases/x[/red].yaml: cites [[18]] [bold]")
    show_summary(BatchReport([bad], ["motion"], bases=["[b]base.yaml"]), tmp_path)
    err = capsys.readouterr().err
    assert "cases/x[/red].yaml" in err and "cites [[18]] [bold]" in err and "[b]base.yaml" in err
