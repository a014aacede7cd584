"""Batch: each case loaded and checked once; the second phase drafts what the first checked.

The first phase keeps each valid case's check in the batch's own temporary folder and the
second takes it up; these pin down that it is one load, that the folder goes whatever way
the run ends, and what becomes of a case whose file changes, or whose kept check is lost,
between the phases.  The pool's workers are forked: they run what the tests patch.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from test_batch import DOCS, make_cases

import assembler.answers.matter as matter_module
import assembler.batch.checked as kept_module
import assembler.batch.run as batch
from assembler.batch.run import run_batch
from assembler.papers.textview import text_view


@pytest.fixture
def temp(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, for this test alone: where the batch keeps its checks."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def logged(log: Path, function):
    """``function``, writing the file it was called for to ``log`` first, from any process."""

    def call(file, *args, **kwargs):
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, f"{file}\n".encode())
        finally:
            os.close(fd)
        return function(file, *args, **kwargs)

    return call


def test_each_case_is_loaded_and_checked_once(tmp_path, temp, monkeypatch):
    files = make_cases(tmp_path / "in", 6)
    loads, checks = tmp_path / "loads.log", tmp_path / "checks.log"
    monkeypatch.setattr(matter_module, "load_matter", logged(loads, matter_module.load_matter))
    monkeypatch.setattr(batch, "check", logged(checks, batch.check))
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2)
    assert report.ok and report.count("done") == 6
    expected = Counter(str(f) for f in files)
    assert Counter(loads.read_text().splitlines()) == expected  # it was two: to validate, to draft
    assert Counter(checks.read_text().splitlines()) == expected
    assert not list(temp.iterdir())  # the kept checks' folder is gone


def test_the_kept_checks_folder_goes_when_fail_fast_stops_the_run(tmp_path, temp):
    make_cases(tmp_path / "in", 4, broken={2: "case number"})
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2, fail_fast=True)
    assert [c.status for c in report.cases].count("not-finished") == 3
    assert not list(temp.iterdir())


def test_the_kept_checks_folder_goes_when_the_run_is_interrupted(tmp_path, temp):
    make_cases(tmp_path / "in", 30)
    seen: list[str] = []

    def progress(result, done, total):
        seen.append(result.status)
        if len(seen) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C: the parent alone (the workers ignore it)

    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2, progress=progress)
    assert report.interrupted and 0 < report.count("done") < 30 and report.count("not-finished") > 0
    assert not list(temp.iterdir())


def test_the_kept_checks_folder_goes_when_the_run_fails(tmp_path, temp):
    make_cases(tmp_path / "in", 6)

    def progress(result, done, total):
        raise RuntimeError("a bug in the caller's progress display")

    with pytest.raises(RuntimeError):
        run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2, progress=progress)
    assert not list(temp.iterdir())


def digest(*files: Path) -> str:
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


def test_a_file_changed_after_its_check_is_drafted_as_it_was_checked(tmp_path, temp, monkeypatch):
    files = make_cases(tmp_path / "in", 2)
    base = tmp_path / "in" / "base" / "isp-coalition.yaml"
    checked_digest = digest(files[0], base)
    real_validate = batch._validate

    def validate_then_edit(*args, **kwargs):
        valid = real_validate(*args, **kwargs)
        assert [Path(kept).is_file() for _, kept in valid] == [True, True]  # kept, not yet taken
        files[0].write_text(files[0].read_text(encoding="utf-8").replace("Judge 0", "Judge Zero"), encoding="utf-8")
        return valid

    monkeypatch.setattr(batch, "_validate", validate_then_edit)
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=1)
    case = report.cases[0]
    assert case.status == "done" and case.answers_sha256 == checked_digest != digest(files[0], base)
    assert any("changed after the batch checked it" in w and "--force" in w for w in case.warnings)
    assert not any("changed after" in w for w in report.cases[1].warnings)
    order = text_view(next(d.path for d in case.documents if d.id == "order-granting"))
    assert "[Signature] Judge 0\n" in order and "Judge Zero" not in order  # the judge signs it
    assert not list(temp.iterdir())

    monkeypatch.setattr(batch, "_validate", real_validate)  # the next run sees the change
    again = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=1)
    assert again.cases[0].status == "failed" and "answers changed since" in (again.cases[0].error or "")
    forced = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=1, force=True)
    assert forced.cases[0].status == "done" and forced.cases[0].answers_sha256 == digest(files[0], base)
    assert not any("changed after" in w for w in forced.cases[0].warnings)


def test_a_kept_check_that_cannot_be_read_fails_its_case_in_one_sentence(tmp_path, temp, monkeypatch):
    make_cases(tmp_path / "in", 3)
    real_validate = batch._validate

    def validate_then_lose(*args, **kwargs):
        valid = real_validate(*args, **kwargs)
        Path(valid[0][1]).unlink()  # removed (a temporary folder cleaned under the run)
        Path(valid[1][1]).write_bytes(Path(valid[1][1]).read_bytes()[:100])  # cut short
        return valid

    monkeypatch.setattr(batch, "_validate", validate_then_lose)
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2)
    gone, damaged, fine = report.cases
    assert gone.status == damaged.status == "failed" and fine.status == "done"
    assert "cannot be drafted: its check, kept at" in (gone.error or "") and "(it is gone)" in (gone.error or "")
    assert "(it is damaged); run the batch again" in (damaged.error or "")
    for case in (gone, damaged):
        assert "\n" not in (case.error or "") and "internal error" not in (case.error or "")
    assert not list(temp.iterdir())


def test_a_check_that_cannot_be_kept_fails_its_case_before_any_is_drafted(tmp_path, temp, monkeypatch):
    make_cases(tmp_path / "in", 3)

    def full_disk(path, mode="r", *args, **kwargs):
        if str(path).endswith(f"{os.sep}1.pickle"):  # the second case's
            raise OSError(errno.ENOSPC, "No space left on device")
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(kept_module, "open", full_disk, raising=False)
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2, fail_fast=True)
    assert [c.status for c in report.cases] == ["not-finished", "failed", "not-finished"]
    error = report.cases[1].error or ""
    assert "cannot be kept for drafting" in error and "the disk is full" in error and "internal error" not in error
    assert not [p for p in (tmp_path / "out").iterdir() if p.is_dir()]  # nothing drafted
    report = run_batch([tmp_path / "in"], tmp_path / "out", DOCS, jobs=2)
    assert [c.status for c in report.cases] == ["done", "failed", "done"]
    assert not list(temp.iterdir())
