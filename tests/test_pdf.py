"""--pdf: one LibreOffice run per command, PDFs beside the drafts, page counts and limits."""

from __future__ import annotations

import json
import subprocess

from click.testing import CliRunner
from conftest import EXAMPLES, needs, write
from test_batch import make_cases

from assembler import load_matter
from assembler.advice import page_limit
from assembler.cli import cli


def pdfinfo_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@needs("soffice")
@needs("pdfinfo")
def test_render_pdf_writes_a_pdf_beside_each_draft_with_its_page_count(tmp_path):
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES / "cp-productions.yaml"), "-o", str(tmp_path),
                                      "--documents", "motion,order-granting", "--pdf"])
    assert result.exit_code == 0, result.output
    for name in ("motion", "order-granting"):
        pdf = next(tmp_path.rglob(f"{name}.pdf"))
        assert f"wrote {pdf} ({pdfinfo_pages(pdf)} pages)" in result.output


@needs("soffice")
def test_batch_pdf_records_each_pdf_in_the_manifest(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 3)
    result = CliRunner().invoke(cli, ["batch", str(cases), "-o", str(out), "--jobs", "1",
                                      "--documents", "motion", "--pdf"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    documents = [doc for case in manifest["cases"] for doc in case["documents"]]
    assert len(documents) == 3
    for doc in documents:
        assert doc["pdf"].endswith("motion.pdf") and doc["pages"] >= 1 and len(doc["pdf_sha256"]) == 64


def test_pdf_without_libreoffice_is_one_sentence_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES / "cp-productions.yaml"), "-o",
                                      str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 1 and "--pdf needs LibreOffice" in str(result.exception)
    assert not (tmp_path / "out").exists()


def test_a_paper_over_the_courts_page_limit_is_a_warning_naming_the_rule(tmp_path):
    text = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8")
    text = text.replace("court: nysd", "court: ilnd").replace("1:24-cv-05678 (ABC)", "1:24-cv-05678")
    matter = load_matter(write(tmp_path, "case.yaml", text))
    assert page_limit(matter, "motion", 15) is None
    warning = page_limit(matter, "motion", 16)
    assert warning and "over the limit of 15" in warning and "LR 7.1" in warning
    assert page_limit(matter, "order-granting", 40) is None
