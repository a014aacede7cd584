"""Drafting again never loses a lawyer's edits: the record, kept copies, --discard-edits, redlines."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, needs, write
from test_batch import make_cases

from assembler.batch.run import run_batch
from assembler.cli import cli
from assembler.errors import OutputError
from assembler.files import atomic_write_all
from assembler.papers import drafts, redline
from assembler.papers.drafts import RECORD, kept_name, read_record, write_case

CASE = "2-24-cv-01234-PHX-ABC"  # doe-defendant's folder
DOCS = "motion,order-granting"


def answers(tmp_path: Path, *, changed: bool = False) -> Path:
    """doe-defendant's answers; ``changed``: the motion filed a day later, entry 6 renumbered 7."""
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    if changed:
        text = (
            text.replace("  - number: 6\n", "  - number: 7\n")
            .replace("[[6 at", "[[7 at")
            .replace("filed: 2024-06-05", "filed: 2024-06-06")
        )
    return write(tmp_path, "doe.yaml", text)


def render(file: Path, out: Path, *flags: str):
    result = CliRunner().invoke(cli, ["render", str(file), "-o", str(out), "--documents", DOCS, *flags])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def edit(path: Path, words: str = " Counsel added this sentence.") -> bytes:
    """Change a draft as Word would: python-docx opens it, adds words, saves it anew."""
    document = docx.Document(str(path))
    document.paragraphs[-1].add_run(words)
    document.save(str(path))
    return path.read_bytes()


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.edited-*.docx"))


def test_render_force_keeps_an_edited_draft_and_replaces_an_unedited_one(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    folder = out / CASE
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    assert set(record["files"]) == {"motion.docx", "order-granting.docx"}
    assert record["files"]["motion.docx"]["sha256"] == drafts.sha256((folder / "motion.docx").read_bytes())
    edited = edit(folder / "motion.docx")
    result = render(file, out, "--force")
    (kept,) = kept_copies(folder)
    assert kept.name.startswith("motion.edited-") and kept.read_bytes() == edited
    assert (folder / "motion.docx").read_bytes() != edited  # the new draft is in its place
    assert [line for line in result.output.splitlines() if line.startswith("kept")] == [
        f"kept motion.docx as {kept.name}: it differs from the draft last written (edited)"
    ]
    assert not list(folder.glob("*.redline.docx"))  # the same answers: nothing to show
    render(file, out, "--force")  # nothing edited now: the drafts are simply replaced
    assert kept_copies(folder) == [kept]


def test_without_force_an_existing_draft_is_kept_and_named(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    result = CliRunner().invoke(cli, ["render", str(file), "-o", str(out), "--documents", DOCS])
    assert result.exit_code == 1 and isinstance(result.exception, OutputError)
    assert "motion.docx" in str(result.exception) and "already exist" in str(result.exception)
    assert "--force" in str(result.exception)


def test_discard_edits_keeps_nothing(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    edited = edit(out / CASE / "motion.docx")
    result = render(file, out, "--discard-edits")
    assert not kept_copies(out / CASE)
    assert (out / CASE / "motion.docx").read_bytes() != edited
    assert "discarded the edits to motion.docx (--discard-edits)" in result.output


def test_a_draft_with_no_record_counts_as_edited(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    folder = out / CASE
    (folder / RECORD).unlink()  # as drafts written by an older version, or by hand
    before = edit(folder / "order-granting.docx", "")  # saved again by Word: other bytes
    render(file, out, "--force")
    (kept,) = kept_copies(folder)  # motion.docx, the same bytes as the new draft, is replaced
    assert kept.name.startswith("order-granting.edited-") and kept.read_bytes() == before


def test_a_kept_copy_never_overwrites_an_earlier_one():
    when = dt.datetime(2026, 12, 1, 15, 30, 12)
    taken: set[Path] = set()
    folder = Path("/nonexistent")
    names = [kept_name(folder / "motion.docx", when, taken).name for _ in range(3)]
    assert names == [
        "motion.edited-2026-12-01T1530.docx",
        "motion.edited-2026-12-01T153012.docx",
        "motion.edited-2026-12-01T153012-2.docx",
    ]


def test_edits_kept_twice_in_one_minute_are_two_copies(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    folder = out / CASE
    first = edit(folder / "motion.docx", " First edit.")
    render(file, out, "--force")
    second = edit(folder / "motion.docx", " Second edit.")
    render(file, out, "--force")
    assert sorted(p.read_bytes() for p in kept_copies(folder)) == sorted([first, second])


def test_a_corrupt_record_is_one_warning_and_every_draft_is_kept(tmp_path):
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    folder = out / CASE
    edit(folder / "motion.docx", "")
    edit(folder / "order-granting.docx", "")
    (folder / RECORD).write_text('{"files": {"motion.docx": ', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "assembler", "render", str(file), "-o", str(out), "--documents", DOCS, "--force"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if RECORD in line]
    assert warning.startswith("warning: ") and "cannot be read" in warning
    assert len(kept_copies(folder)) == 2
    assert read_record(folder)[1] is None  # written anew


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_the_record_is_put_in_place_with_the_drafts_or_not_at_all(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    write_case(folder, {"motion": b"first"}, "a" * 64, force=False)
    record = (folder / RECORD).read_bytes()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills while the record is written
        if f"{RECORD}." in os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="the disk is full"):
        write_case(folder, {"motion": b"second"}, "b" * 64, force=True)
    assert (folder / RECORD).read_bytes() == record and (folder / "motion.docx").read_bytes() == b"first"
    assert not list(folder.rglob("*.tmp"))


def test_a_kept_copy_is_taken_back_when_its_draft_was_not_replaced(tmp_path, monkeypatch):
    draft = write(tmp_path, "motion.docx", "edited")
    kept = tmp_path / "motion.edited-2026-12-01T1530.docx"
    real_replace = os.replace

    def replace(src, dst) -> None:
        if Path(dst) == draft:
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match="permission denied"):
        atomic_write_all([(b"new", draft)], force=True, aside=[(draft, kept)])
    assert draft.read_text() == "edited" and not kept.exists()


def test_batch_force_keeps_edited_drafts_and_the_manifest_says_so(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 2)
    assert run_batch([cases], out, ["motion"], jobs=1).ok
    edited_path = out / "2-12-cv-02000-PHX-SLG" / "motion.docx"
    edited = edit(edited_path)
    result = CliRunner().invoke(
        cli, ["batch", str(cases), "-o", str(out), "--jobs", "1", "--documents", "motion", "--force"]
    )
    assert result.exit_code == 0, result.output
    (kept,) = kept_copies(edited_path.parent)
    assert kept.read_bytes() == edited
    assert f"kept{edited_path}as{kept.name}" in "".join(result.output.split())  # rich wraps it
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs = {Path(c["folder"]).name: c["documents"][0] for c in manifest["cases"]}
    assert docs["2-12-cv-02000-PHX-SLG"]["edited"] == "kept"
    assert docs["2-12-cv-02000-PHX-SLG"]["kept"] == str(kept)
    assert docs["2-12-cv-02001-PHX-SLG"]["edited"] is None  # unedited: simply replaced
    assert not kept_copies(out / "2-12-cv-02001-PHX-SLG")
    edit(edited_path)
    report = run_batch([cases], out, ["motion"], jobs=1, discard_edits=True)
    assert report.ok and len(kept_copies(edited_path.parent)) == 1
    assert [d.edited for c in report.cases for d in c.documents] == ["discarded", None]


def test_render_and_batch_read_one_record(tmp_path):
    """A case render drafted, whose answers then changed, is not skipped by batch."""
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    answers(tmp_path, changed=True)
    report = run_batch([file], out, DOCS.split(","), jobs=1)
    assert report.cases[0].status == "failed" and "answers changed" in (report.cases[0].error or "")


def test_a_missing_redline_extra_is_one_warning_and_the_drafts_are_written(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "python_redlines", None)  # import fails as if not installed
    monkeypatch.setattr(redline, "_engine", None)
    folder = tmp_path / "case"
    write_case(folder, {"motion": b"first"}, "a" * 64, force=False)
    written = write_case(folder, {"motion": b"second"}, "b" * 64, force=True)
    (warning,) = written.warnings
    assert "needs the redline extra" in warning and 'pip install "assembler[redline]"' in warning
    assert (folder / "motion.docx").read_bytes() == b"second" and written.documents[0].redline is None


@needs("soffice")
@needs("pandoc")
def test_changed_answers_give_a_redline_word_libreoffice_and_pandoc_read(tmp_path):
    pytest.importorskip("python_redlines_docxodus", reason="the redline extra is not installed")
    file, out = answers(tmp_path), tmp_path / "out"
    render(file, out)
    folder = out / CASE
    edited = edit(folder / "motion.docx")
    answers(tmp_path, changed=True)
    result = render(file, out, "--force")
    motion = folder / "motion.redline.docx"
    assert f"wrote {motion}: the changes since the last draft, as tracked changes" in result.output
    assert next(folder.glob("motion.edited-*.docx")).read_bytes() == edited
    with zipfile.ZipFile(motion) as archive:
        assert "<w:del " in archive.read("word/footnotes.xml").decode()  # the footnote's entry
    shown = subprocess.run(
        ["pandoc", "--track-changes=all", "-t", "markdown", str(motion)], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(shown.split())
    assert "this [6]{.insertion" in flat and "[5]{.deletion" in flat  # the date it was signed
    assert "Docket [7]{.insertion" in flat and "[6]{.deletion" in flat  # the docket entry
    assert 'author="assembler"' in flat
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(motion),
            str(folder / "order-granting.redline.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert {p.name for p in (tmp_path / "pdf").glob("*.pdf")} == {"motion.redline.pdf", "order-granting.redline.pdf"}
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    assert record["files"]["motion.redline.docx"]["sha256"] == drafts.sha256(motion.read_bytes())
