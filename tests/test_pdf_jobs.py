"""``batch --pdf --jobs N``: the drafts shared out among N LibreOffice processes running at once."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from assembler.papers import pdf
from assembler.papers.pdf import _shares, convert

# A stand-in for soffice: logs its profile, its inputs and when it ran; writes a one-page PDF each.
FAKE = """\
import json, sys, time
from pathlib import Path
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
inputs = [a for a in args if a.endswith(".docx")]
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
start = time.time()
time.sleep(0.5)
out.mkdir(parents=True, exist_ok=True)
for name in inputs:
    (out / (Path(name).stem + ".pdf")).write_bytes(b"%PDF-1.7 /Type /Page " + Path(name).read_bytes()[:0])
with open(LOG, "a") as log:
    log.write(json.dumps({"profile": profile, "inputs": [Path(i).name for i in inputs],
                          "start": start, "end": time.time()}) + "\\n")
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    log = tmp_path / "log.jsonl"
    script = tmp_path / "fake_soffice.py"
    script.write_text(FAKE.replace("LOG", repr(str(log))), encoding="utf-8")
    monkeypatch.setattr(pdf, "soffice", lambda: sys.executable)
    real_popen = pdf.subprocess.Popen
    monkeypatch.setattr(
        pdf.subprocess, "Popen", lambda command, **kw: real_popen([command[0], str(script), *command[1:]], **kw)
    )
    return log


def drafts(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    files = [folder / f"case{i}-motion.docx" for i in range(count)]
    for file in files:
        file.write_bytes(b"docx")
    return files


@pytest.mark.parametrize(
    ("count", "jobs", "shares"),
    [
        (5, 2, [(0, 2), (2, 5)]),
        (4, 2, [(0, 2), (2, 4)]),
        (1, 4, [(0, 1)]),
        (3, 1, [(0, 3)]),
        (6, 3, [(0, 2), (2, 4), (4, 6)]),
    ],
)
def test_the_documents_are_cut_into_even_runs_one_per_job(count, jobs, shares):
    assert _shares(count, jobs) == shares


def test_two_jobs_convert_at_once_each_its_own_share_with_its_own_profile(tmp_path, fake_soffice):
    files = drafts(tmp_path / "drafts", 5)
    made = convert(files, jobs=2)
    assert [m.path for m in made] == [f.with_suffix(".pdf") for f in files]
    assert all(m.pages == 1 for m in made)
    runs = [json.loads(line) for line in fake_soffice.read_text().splitlines()]
    assert sorted(len(r["inputs"]) for r in runs) == [2, 3]
    assert len({r["profile"] for r in runs}) == 2
    first, second = sorted(runs, key=lambda r: r["start"])
    assert second["start"] < first["end"]  # side by side, not one after the other


def test_one_job_is_one_libreoffice_for_every_document(tmp_path, fake_soffice):
    files = drafts(tmp_path / "drafts", 3)
    convert(files, jobs=1)
    runs = [json.loads(line) for line in fake_soffice.read_text().splitlines()]
    assert [len(r["inputs"]) for r in runs] == [3]


def test_a_share_longer_than_one_run_takes_is_converted_in_runs_with_the_jobs_profile(
    tmp_path, fake_soffice, monkeypatch
):
    # LibreOffice leaves files past about 245 on one command line unconverted, exiting 0
    monkeypatch.setattr(pdf, "RUN_LIMIT", 2)
    files = drafts(tmp_path / "drafts", 5)
    made = convert(files, jobs=2)
    assert [m.path for m in made] == [f.with_suffix(".pdf") for f in files]
    runs = [json.loads(line) for line in fake_soffice.read_text().splitlines()]
    assert sorted(r["inputs"] for r in runs) == [
        ["000000.docx", "000001.docx"],
        ["000002.docx", "000003.docx"],
        ["000004.docx"],
    ]
    by_profile = {r["profile"] for r in runs if "000002.docx" in r["inputs"] or "000004.docx" in r["inputs"]}
    assert len(by_profile) == 1  # the second job's two runs, one profile


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_converts_every_one_of_300_drafts(tmp_path, example):
    from assembler import load_matter, render_matter

    (motion,) = render_matter(load_matter(example), tmp_path / "one", ["motion"])
    folder = tmp_path / "many"
    folder.mkdir()
    files = []
    for index in range(300):
        files.append(folder / f"case{index:03d}-motion.docx")
        shutil.copyfile(motion, files[-1])
    made = convert(files, jobs=1)
    assert len(made) == 300 and all(m.path.is_file() and m.pages > 0 for m in made)


def test_batch_pdf_holds_a_few_hundred_cases_answers_at_a_time_and_loads_each_once(tmp_path, fake_soffice, monkeypatch):
    """A batch of thousands makes its PDFs in slices of cases (``PDF_CASES``), each case's answers
    read once, so the parent never holds every case's answers at once."""
    from test_batch import make_cases

    from assembler.answers import matter
    from assembler.batch import run

    monkeypatch.setattr(run, "PDF_CASES", 2)
    loaded = []
    real = matter.load_matter

    def counted(file, *args, **kwargs):
        loaded.append(str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(matter, "load_matter", counted)
    make_cases(tmp_path / "answers", 5)
    report = run.run_batch([tmp_path / "answers"], tmp_path / "drafts", ["motion", "order-denying"], jobs=1, pdf=True)
    assert report.ok
    runs = [json.loads(line) for line in fake_soffice.read_text().splitlines()]
    assert [len(r["inputs"]) for r in runs] == [4, 4, 2]  # two cases of two drafts, then the fifth case
    assert sorted(loaded) == sorted(case.file for case in report.cases)  # in this process: for the PDFs
    for case in report.cases:
        assert [Path(doc.pdf).name for doc in case.documents] == ["motion.pdf", "order-denying.pdf"]


def test_batch_pdf_makes_no_pdf_of_a_case_whose_answers_changed_after_its_papers_were_drafted(
    tmp_path, fake_soffice, monkeypatch
):
    from test_batch import make_cases

    from assembler.batch import run

    files = make_cases(tmp_path / "answers", 3)
    real = run._run

    def drafted_then_edited(*args, **kwargs):
        report = real(*args, **kwargs)
        files[1].write_text(files[1].read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
        files[2].write_text("case: [unreadable", encoding="utf-8")
        return report

    monkeypatch.setattr(run, "_run", drafted_then_edited)
    report = run.run_batch([tmp_path / "answers"], tmp_path / "drafts", ["motion"], jobs=1, pdf=True)
    by_file = {Path(case.file).name: case for case in report.cases}
    first, edited, broken = (by_file[f.name] for f in files)
    assert first.documents[0].pdf and first.documents[0].pages == 1
    for case in (edited, broken):
        assert case.documents[0].pdf is None
        assert any("changed after its papers were drafted; no PDF is made" in w for w in case.warnings)
