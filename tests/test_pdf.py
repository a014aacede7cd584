"""--pdf: one LibreOffice run per command, PDFs beside the drafts, page counts and limits."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, needs, write
from test_batch import make_cases

from assembler import load_matter
from assembler.cli import cli
from assembler.law.advice import page_limit


def pdfinfo_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@needs("soffice")
@needs("pdfinfo")
def test_render_pdf_writes_a_pdf_beside_each_draft_with_its_page_count(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "render",
            str(EXAMPLES / "cp-productions.yaml"),
            "-o",
            str(tmp_path),
            "--documents",
            "motion,order-granting",
            "--pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    for name in ("motion", "order-granting"):
        pdf = next(tmp_path.rglob(f"{name}.pdf"))
        assert f"wrote {pdf} ({pdfinfo_pages(pdf)} pages)" in result.output


@needs("soffice")
@needs("pdftotext")
def test_the_pdf_is_tagged_pdf_a_2b_with_every_font_embedded(tmp_path):
    """What an archive and a screen reader need: PDF/A-2b named in the XMP metadata, a marked
    structure tree, embedded fonts; and it is the paper (its pages, its text)."""
    pypdf = pytest.importorskip("pypdf")
    result = CliRunner().invoke(
        cli, ["render", str(EXAMPLES / "cp-productions.yaml"), "-o", str(tmp_path), "--documents", "motion", "--pdf"]
    )
    assert result.exit_code == 0, result.output
    pdf = next(tmp_path.rglob("motion.pdf"))
    reader = pypdf.PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) and re.search(
        r"<pdfaid:conformance>B</pdfaid:conformance>", xmp
    ), xmp[:400]
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    pages = pdfinfo_pages(pdf)
    assert len(reader.pages) == pages and f"wrote {pdf} ({pages} pages)" in result.output
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER" in text
    assert "RESPECTFULLY SUBMITTED this 14" in text and "CERTIFICATE OF SERVICE" in text


@needs("soffice")
def test_batch_pdf_records_each_pdf_in_the_manifest(tmp_path):
    cases, out = tmp_path / "answers", tmp_path / "drafts"
    make_cases(cases, 3)
    result = CliRunner().invoke(
        cli, ["batch", str(cases), "-o", str(out), "--jobs", "1", "--documents", "motion", "--pdf"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    documents = [doc for case in manifest["cases"] for doc in case["documents"]]
    assert len(documents) == 3
    for doc in documents:
        assert doc["pdf"].endswith("motion.pdf") and doc["pages"] >= 1 and len(doc["pdf_sha256"]) == 64


def test_pdf_without_libreoffice_is_one_sentence_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    result = CliRunner().invoke(
        cli, ["render", str(EXAMPLES / "cp-productions.yaml"), "-o", str(tmp_path / "out"), "--pdf"]
    )
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


def cand_case(tmp_path):
    text = (
        (EXAMPLES / "doe-defendant.yaml")
        .read_text(encoding="utf-8")
        .replace("court: azd", "court: cand")
        .replace("2:24-cv-01234-PHX-ABC", "3:24-cv-01234-ABC")
    )
    # a counsel block of seven lines: an odd count of single-spaced lines above the caption
    text = text.replace(
        'address: [100 West Adams Street, "Phoenix, Arizona 85003"]',
        'address: [100 West Adams Street, Suite 9, "Phoenix, Arizona 85003"]',
        1,
    )
    assert "Suite 9" in text
    return load_matter(write(tmp_path, "cand.yaml", text))


def test_pleading_paper_is_drawn_in_the_header_of_every_page(tmp_path):
    import zipfile

    from assembler import render_matter

    (path,) = render_matter(cand_case(tmp_path), tmp_path / "out", ["motion"])
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode()
        headers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header")]
        styles = archive.read("word/styles.xml").decode()
    assert "lnNumType" not in document  # Word's own numbering counts text lines, not the page's
    assert '<w:left w:val="double"' in document and '<w:right w:val="single"' in document
    assert re.search(r"<w:pgMar [^>]*/><w:pgBorders", document)  # where Word's schema puts it
    # top 1 inch + 28 lines of 24 pt + bottom margin = 11 inches
    assert 'w:top="1440"' in document and 'w:bottom="960"' in document
    # the page number: one exact line, midway in the bottom margin left under the 28 lines
    assert re.search(r'<w:pgMar [^>]*w:footer="342"', document)
    footer = re.search(r'w:styleId="Footer".*?</w:style>', styles, re.S).group(0)
    assert 'w:line="276" w:lineRule="exact"' in footer
    (header,) = headers
    assert re.findall(r"<w:t>(\d+)</w:t>", header) == [str(n) for n in range(1, 29)]
    assert header.count('w:line="480" w:lineRule="exact"') == 28
    body = re.search(r'w:styleId="BodyText".*?</w:style>', styles, re.S).group(0)
    assert 'w:line="480"' in body and 'w:lineRule="exact"' in body
    (azd,) = render_matter(load_matter(EXAMPLES / "doe-defendant.yaml"), tmp_path / "azd", ["motion"])
    with zipfile.ZipFile(azd) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/header")]
        assert "pgBorders" not in archive.read("word/document.xml").decode()


@needs("soffice")
@needs("pdftotext")
def test_on_pleading_paper_every_page_has_28_numbers_and_each_text_line_sits_on_one(tmp_path):
    from assembler import render_matter
    from assembler.papers.pdf import convert

    drafts = render_matter(cand_case(tmp_path), tmp_path / "out", ["motion", "order-granting"])
    for pdf in convert(drafts):
        for page in range(1, pdf.pages + 1):
            text = subprocess.run(
                ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf.path), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rows = [row for row in text.splitlines() if row.strip()]
            numbered = [row for row in rows if re.match(r" {0,2}\d{1,2}( {2,}|$)", row)]
            numbers = [int(row.split()[0]) for row in numbered]
            assert numbers[:28] == list(range(1, 29)), (pdf.path.name, page, numbers)
            # a double-spaced line of text shares its row with a number: it sits on that line
            prose = [row for row in rows if len(row.strip()) > 60 and "  " not in row.strip()[:40]]
            loose = [row for row in prose if row not in numbered]
            assert not loose, (pdf.path.name, page, loose)
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(drafts[0].with_suffix(".pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"^\s*\d+\s+Defendant John Doe \(“Defendant”\) respectfully moves", first, re.M)
    assert re.search(r"^1 +Pat A\. Lawyer \(State Bar No\. 034567\)", first)  # counsel from line 1


@needs("soffice")
@needs("pdftotext")
def test_on_pleading_paper_counsel_has_lines_1_to_7_the_court_line_8_and_the_text_all_28(tmp_path):
    """Civil L.R. 3-4(a)(3): the court's title commences on the eighth line; 3-4(c)(2): 28 lines
    a page; the page number sits under the 28th line, in the bottom margin."""
    from assembler import render_matter
    from assembler.papers.pdf import convert

    (draft,) = render_matter(load_matter(EXAMPLES / "doe-defendant-cand.yaml"), tmp_path, ["motion"])
    (pdf,) = convert([draft])
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = {
        int(m.group(1)): m.group(2).strip()
        for m in re.finditer(r"^ {0,2}(\d{1,2})(?: {2,}(.*))?$", first, re.M)
        if m.group(2)
    }
    assert rows[1].startswith("Pat A. Lawyer") and min(n for n, text in rows.items() if "DISTRICT COURT" in text) == 8
    assert not any(rows.get(n) for n in range(4, 8))  # counsel's block ends above line 8
    assert rows.get(28), "no text on line 28: the footer takes a line from the text"
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', bbox)
    line_28 = max(float(y1) for x0, y0, x1, y1, text in words if text == "28" and float(x0) < 72)
    (number,) = [
        (float(y0), float(y1)) for x0, y0, x1, y1, text in words if text == "1" and 250 < float(x0) < 362
    ]  # the page number, centred
    assert line_28 < number[0] and number[1] < 792 - 12, (line_28, number)
