"""The batch manifest is written once per run; a journal of finished cases covers a kill.

Each finished case is appended to the journal as it finishes (time proportional to the
cases added), the manifest is written once at the end, and ``_read_manifest`` lays a
killed run's journal over the manifest it extends, so the next run still knows what the
killed one drafted and from which answers.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from test_batch import make_cases
from test_batch_faults import alive, children, start_batch, wait_for

import assembler.batch.run as batch
from assembler.batch.manifest import JOURNAL, BatchReport, CaseResult
from assembler.batch.manifest import Journal as _Journal
from assembler.batch.manifest import read_manifest as _read_manifest
from assembler.batch.manifest import write_manifest as _write_manifest
from assembler.batch.run import run_batch


def write_manifest(out: Path, *cases: CaseResult) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _write_manifest(out, BatchReport(list(cases), ["motion"]))


def statuses(out: Path) -> dict[str, tuple[str, str | None]]:
    return {file: (case["status"], case.get("answers_sha256")) for file, case in _read_manifest(out).items()}


def test_a_killed_runs_journal_is_laid_over_the_manifest(tmp_path):
    write_manifest(tmp_path, CaseResult("a.yaml", "done", answers_sha256="1"), CaseResult("b.yaml", "not-finished"))
    with _Journal(tmp_path) as journal:  # killed: never removed
        journal.add(CaseResult("b.yaml", "done", answers_sha256="2"))
        journal.add(CaseResult("c.yaml", "failed", error="x"))
    assert statuses(tmp_path) == {"a.yaml": ("done", "1"), "b.yaml": ("done", "2"), "c.yaml": ("failed", None)}


def test_a_journal_without_a_manifest_is_read(tmp_path):
    with _Journal(tmp_path) as journal:
        journal.add(CaseResult("a.yaml", "done", answers_sha256="1"))
    assert not (tmp_path / "manifest.json").exists()
    assert statuses(tmp_path) == {"a.yaml": ("done", "1")}


def test_a_journal_left_beside_a_later_manifest_is_ignored(tmp_path):
    with _Journal(tmp_path) as journal:
        journal.add(CaseResult("a.yaml", "done", answers_sha256="1"))
    # the run wrote its manifest, then was killed before it removed the journal
    write_manifest(tmp_path, CaseResult("a.yaml", "not-finished"))
    assert (tmp_path / JOURNAL).exists()
    assert statuses(tmp_path) == {"a.yaml": ("not-finished", None)}
    with _Journal(tmp_path) as journal:  # the next run starts a journal of its own
        journal.add(CaseResult("b.yaml", "done", answers_sha256="2"))
    assert statuses(tmp_path) == {"a.yaml": ("not-finished", None), "b.yaml": ("done", "2")}


def test_a_line_cut_short_by_a_kill_is_left_out_and_the_next_run_appends(tmp_path):
    write_manifest(tmp_path, CaseResult("a.yaml", "not-finished"))
    with _Journal(tmp_path) as journal:
        journal.add(CaseResult("a.yaml", "done", answers_sha256="1"))
    with (tmp_path / JOURNAL).open("a", encoding="utf-8") as handle:
        handle.write('{"file": "b.yaml", "status": "do')
    assert statuses(tmp_path) == {"a.yaml": ("done", "1")}
    with _Journal(tmp_path) as journal:  # killed again: the first run's lines are kept
        journal.add(CaseResult("c.yaml", "done", answers_sha256="3"))
    assert statuses(tmp_path) == {"a.yaml": ("done", "1"), "c.yaml": ("done", "3")}


@pytest.mark.parametrize(
    "content", [b"", b"not json\n", b'{"journal": 2}\n', b"[1]\n", b'{"file": "a.yaml", "status": "done"}\n']
)
def test_a_journal_that_is_not_one_is_ignored_and_replaced(tmp_path, content):
    (tmp_path / JOURNAL).write_bytes(content)
    assert _read_manifest(tmp_path) == {}
    with _Journal(tmp_path) as journal:
        journal.add(CaseResult("b.yaml", "done", answers_sha256="2"))
    assert statuses(tmp_path) == {"b.yaml": ("done", "2")}


def test_a_journal_that_cannot_be_written_is_given_up(tmp_path):
    (tmp_path / JOURNAL).mkdir()  # in the way
    with _Journal(tmp_path) as journal:
        journal.add(CaseResult("a.yaml", "done"))
    assert _read_manifest(tmp_path) == {}


# Workers are forked: they run these instead of checking and drafting (the figure is the
# parent's manifest writing, not the drafting).
def fake_validate(file: str, keep_at: str, documents=(), explicit=False, unordered=False) -> CaseResult:
    return CaseResult(file, "valid", case_number=f"2:12-cv-{Path(file).stem[-5:]}-PHX-SLG")


def fake_render(file: str, keep_at: str, out_dir: str, *args: object) -> CaseResult:
    return CaseResult(file, "done", case_number=Path(file).stem, answers_sha256="1")


def test_a_batch_writes_its_manifest_once_and_leaves_no_journal(tmp_path, monkeypatch):
    cases = tmp_path / "in"
    cases.mkdir()
    for i in range(180):
        (cases / f"doe-{i:05d}.yaml").write_text("case: {}\n", encoding="utf-8")
    writes: list[int] = []
    real_write = batch._write_manifest

    def counted(out_dir: Path, report: BatchReport) -> None:
        writes.append(len(report.cases))
        real_write(out_dir, report)

    journal_lines: list[int] = []
    real_add = _Journal.add

    def add(self: _Journal, result: CaseResult) -> None:
        real_add(self, result)
        journal_lines.append(len(self.path.read_bytes().splitlines()))

    monkeypatch.setattr(batch, "validate_case", fake_validate)
    monkeypatch.setattr(batch, "render_case", fake_render)
    monkeypatch.setattr(batch, "_write_manifest", counted)
    monkeypatch.setattr(_Journal, "add", add)
    out = tmp_path / "out"
    report = run_batch([cases], out, ["motion"], jobs=2)
    assert report.ok and report.count("done") == 180
    assert writes == [180]  # once, at the end (it was every 50 cases)
    assert journal_lines == list(range(2, 182))  # one line per case, after the head
    assert not (out / JOURNAL).exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["done"] == 180


def test_a_dry_run_keeps_no_journal(tmp_path, monkeypatch):
    cases = tmp_path / "in"
    cases.mkdir()
    (cases / "doe-00001.yaml").write_text("case: {}\n", encoding="utf-8")
    monkeypatch.setattr(batch, "validate_case", fake_validate)
    monkeypatch.setattr(batch, "render_case", fake_render)
    run_batch([cases], tmp_path / "out", ["motion"], jobs=1, dry_run=True)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_after_a_kill_9_the_next_run_knows_what_was_drafted_from_which_answers(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    files = make_cases(cases, 40)
    parent = start_batch(cases, out)

    def drafted() -> list[str]:
        return [f for f, c in _read_manifest(out).items() if c["status"] == "done"]

    try:
        assert wait_for(lambda: len(drafted()) >= 2, 60), "no case was drafted"
        workers = children(parent.pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert wait_for(lambda: not any(alive(w) for w in workers), 10)  # they hold the lock
    finally:
        parent.kill()
    assert not (out / "manifest.json").exists()  # killed before the end: only the journal
    done = drafted()
    assert all(_read_manifest(out)[f]["answers_sha256"] for f in done)
    changed = Path(done[0])
    changed.write_text(changed.read_text(encoding="utf-8").replace("judge: Judge", "judge: Judge X"), encoding="utf-8")
    report = run_batch([cases], out, ["motion", "order-granting"], jobs=2)
    by_file = {c.file: c for c in report.cases}
    assert by_file[str(changed)].status == "failed"
    assert "the answers changed since" in (by_file[str(changed)].error or "")
    assert all(by_file[f].status == "skipped" for f in done if f != str(changed))
    assert report.count("done") + report.count("skipped") == len(files) - 1
    assert not (out / JOURNAL).exists()
    assert not list((tmp_path / "tmp").iterdir())  # the killed run's kept checks: removed by this one


def test_a_case_is_recorded_as_dataclasses_asdict_records_it():
    from dataclasses import asdict

    from assembler.batch.manifest import DocumentResult

    case = CaseResult(
        "doe-1.yaml",
        "done",
        "2:12-cv-00001-PHX-SLG",
        "out/2-12-cv-00001-PHX-SLG",
        None,
        ["a warning"],
        "ab" * 32,
        [DocumentResult("motion", "out/motion.docx", 120, "cd" * 32, pages=3, edited="kept", kept="x.docx")],
        [{"path": "out/filing.pdf", "parts": [{"id": "declaration", "pages": 2}], "pages": 4}],
    )
    record = case.as_record()
    assert record == asdict(case) and list(record) == list(asdict(case))
    record["documents"][0]["size"] = 0
    record["filings"][0]["parts"].append({})
    assert case.documents[0].size == 120 and len(case.filings[0]["parts"]) == 1  # a copy, not a view
