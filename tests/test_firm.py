"""Firm templates: copy the shipped ones, edit them in Word, draft with them.

``assembler templates copy DIR`` writes every template and shared part and
never overwrites a file; a copy given a letterhead and another font drafts in
any court (pleading paper keeps its numbers under a first-page letterhead);
titles are measured in the template's own font, or, where it is not
installed, as Times bold with a warning.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, needs, write
from docx.enum.style import WD_STYLE_TYPE

from assembler import check
from assembler.cli import cli
from assembler.papers import fonts
from assembler.papers.firm import shipped_templates
from assembler.papers.render import TemplateSet, default_template_dir, write_drafts
from assembler.papers.titles import _WIDTHS, balanced_breaks

ROOT = Path(__file__).resolve().parents[1]
LETTERHEAD = "ROE & DOE LLP · 1 Main Street · Springfield"


def _copy(folder: Path) -> CliRunner:
    runner = CliRunner()
    result = runner.invoke(cli, ["templates", "copy", str(folder)])
    assert result.exit_code == 0, result.output
    return runner


def test_templates_copy_writes_every_template_and_part_as_shipped(tmp_path):
    folder = tmp_path / "firm"
    _copy(folder)
    names = shipped_templates()
    assert Path("motion.docx") in names and Path("parts/caption.docx") in names
    assert sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file()) == names
    for name in names:
        assert (folder / name).read_bytes() == (default_template_dir() / name).read_bytes()


def test_templates_copy_never_overwrites_and_says_so_in_one_sentence(tmp_path):
    folder = tmp_path / "firm"
    (folder / "parts").mkdir(parents=True)
    mine = folder / "parts" / "signature.docx"
    mine.write_bytes(b"my firm's signature block")
    result = subprocess.run(
        [sys.executable, "-m", "assembler", "templates", "copy", str(folder)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "signature.docx already exists" in result.stderr and "never overwrites" in result.stderr
    assert mine.read_bytes() == b"my firm's signature block"
    assert [p for p in folder.rglob("*") if p.is_file()] == [mine]  # nothing else was written either


def _edit(template: Path, *, font: str, letterhead: str | None = None) -> None:
    """What a firm does in Word: a letterhead on the first page, its own font in every style."""
    document = docx.Document(str(template))
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.font.name:
            style.font.name = font
    if letterhead:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = letterhead
    document.save(str(template))


@pytest.mark.parametrize(
    ("example", "pleading"),
    [("doe-defendant-cand.yaml", True), ("acme-nysd.yaml", False), ("cp-productions.yaml", False)],
)
def test_a_copied_template_with_a_letterhead_and_another_font_drafts(tmp_path, example, pleading):
    folder = tmp_path / "firm"
    _copy(folder)
    _edit(folder / "motion.docx", font="Liberation Sans", letterhead=LETTERHEAD)
    report = check(EXAMPLES / example, ["motion"], explicit=True, templates=TemplateSet(folder))
    assert report.ok, report.problems
    assert not [w for w in report.warnings if "not installed" in w.message]
    (path,) = write_drafts(tmp_path / "out", {"motion": report.drafts["motion"]}, force=True)
    drafted = docx.Document(str(path))
    section = drafted.sections[0]
    first = section.first_page_header._element.xml
    assert LETTERHEAD.replace("&", "&amp;") in first
    # pleading paper: the numbers are in the first page's header too, beside the letterhead
    assert ("PleadingNumbers" in first) is pleading
    assert ("PleadingNumbers" in section.header._element.xml) is pleading
    title = next(p for p in drafted.paragraphs if p.style.name == "Paper Title")
    assert title.style.font.name == "Liberation Sans"


@needs("soffice")
@needs("pdftotext")
def test_a_first_page_letterhead_keeps_the_pleading_numbers_on_the_page(tmp_path):
    from assembler.papers.pdf import convert

    folder = tmp_path / "firm"
    _copy(folder)
    _edit(folder / "motion.docx", font="Liberation Serif", letterhead=LETTERHEAD)
    report = check(EXAMPLES / "doe-defendant-cand.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    assert report.ok, report.problems
    (path,) = write_drafts(tmp_path / "out", {"motion": report.drafts["motion"]}, force=True)
    (pdf,) = convert([path], timeout_per_document=60.0)
    for page in (1, 2):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf.path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        numbers = [int(line.split()[0]) for line in text.splitlines() if line.split() and line.split()[0].isdigit()]
        assert set(range(1, 29)) <= set(numbers), (page, numbers)
        assert (LETTERHEAD.split(" · ")[0] in text) is (page == 1)


def test_titles_are_measured_in_the_templates_own_font():
    times = fonts.widths("Times New Roman", True)  # Liberation Serif Bold here: drawn to its metrics
    sans = fonts.widths("Liberation Sans", True)
    if times is None or sans is None:
        pytest.skip("fonts-liberation is not installed (CI installs it)")
    assert all(abs(times[c] - _WIDTHS[c]) < 1 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
    title = "MOTION FOR RECONSIDERATION OF THE COURT’S MAY\u00a022, 2024 ORDER GRANTING LEAVE TO SERVE A SUBPOENA"
    assert balanced_breaks(title, 13, 468, times) == balanced_breaks(title, 13, 468)
    assert sans["M"] != times["M"]  # another face, other widths, whatever the totals
    wider = fonts.widths("DejaVu Sans", True)  # about 12% wider than Times bold in capitals
    if wider is None:
        pytest.skip("DejaVu Sans is not installed")
    title = "MOTION FOR RECONSIDERATION OF THE COURT’S JUNE 5, 2024"  # one line in Times bold, not in DejaVu
    assert balanced_breaks(title, 13, 468, times) == [] and len(balanced_breaks(title, 13, 468, wider)) == 1


def test_a_font_that_is_not_installed_is_measured_as_times_bold_and_check_says_so(tmp_path):
    folder = tmp_path / "firm"
    _copy(folder)
    _edit(folder / "motion.docx", font="Firm Garamond Nowhere")
    report = check(EXAMPLES / "cp-productions.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    assert report.ok, report.problems
    (warning,) = [w.message for w in report.warnings if "not installed" in w.message]
    assert "template motion.docx" in warning and "Firm Garamond Nowhere bold" in warning
    assert "Times bold" in warning


def test_the_font_lookup_takes_no_stand_in(monkeypatch):
    """fontconfig answers every name with its nearest face; only the font or its metric twin counts."""
    assert fonts.font_file("Firm Garamond Nowhere", True) is None
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig is not installed")
    found = fonts.font_file("Times New Roman", True)
    assert found is None or "Serif" in found.name or "Times" in found.name or "Tinos" in found.name


def test_render_with_a_copied_template_through_the_cli(tmp_path):
    folder = tmp_path / "firm"
    runner = _copy(folder)
    _edit(folder / "motion.docx", font="Liberation Sans", letterhead=LETTERHEAD)
    case = EXAMPLES / "doe-defendant-cand.yaml"
    result = runner.invoke(
        cli, ["render", str(case), "-o", str(tmp_path / "out"), "--documents", "motion", "--templates", str(folder)]
    )
    assert result.exit_code == 0, result.output
    (motion,) = (tmp_path / "out").rglob("motion.docx")
    assert LETTERHEAD.replace("&", "&amp;") in docx.Document(str(motion)).sections[0].first_page_header._element.xml


def test_a_theme_font_is_measured_as_the_theme_names_it(tmp_path):
    """A firm that sets its font through Word's Design > Fonts: the title style names the theme's
    font (asciiTheme), and the theme says which face that is."""
    from assembler.papers.titles import style_font

    folder = tmp_path / "firm"
    _copy(folder)
    document = docx.Document(str(folder / "motion.docx"))
    for style in document.styles:
        rpr = style.element.rPr
        fonts_el = rpr.rFonts if rpr is not None else None
        if fonts_el is not None:
            for key in ("w:ascii", "w:hAnsi"):
                fonts_el.attrib.pop(docx.oxml.ns.qn(key), None)
            fonts_el.set(docx.oxml.ns.qn("w:asciiTheme"), "minorHAnsi")
    family, bold = style_font(document, "PaperTitle")
    assert (family, bold) == ("Cambria", True)  # the shipped templates' theme (python-docx's)


def test_a_firm_template_set_drafts_every_paper_in_every_profiled_court(tmp_path):
    """Every template copied and edited as a firm would (a first-page letterhead, its own font in
    every style) drafts all five papers in each of the profiled courts, pleading paper or not."""
    from assembler.law.courts import known_courts, load_court

    folder = tmp_path / "firm"
    _copy(folder)
    for template in folder.glob("*.docx"):
        _edit(template, font="Liberation Sans", letterhead=LETTERHEAD)
    templates = TemplateSet(folder)
    base = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    # where a profile states no standard (the research left it unknown) the answers give one
    standard = (
        "  standard: An order may be revised at any time before the entry of a judgment. Fed. R. Civ. P. 54(b).\n"
    )
    base = base.replace("motion:\n  filed: 2024-06-05\n", "motion:\n  filed: 2024-06-05\n" + standard)
    papers = ["motion", "response", "reply", "order-granting", "order-denying"]
    refused = {}
    for court_id in known_courts():
        number = load_court(court_id).case_number.forms[0].example
        text = base.replace("court: azd", f"court: {court_id}").replace("2:24-cv-01234-PHX-ABC", number)
        report = check(
            write(tmp_path, f"{court_id}.yaml", text), papers, explicit=True, unordered=True, templates=templates
        )
        if not report.ok or sorted(report.drafts) != sorted(papers):
            refused[court_id] = report.problems or [f"drafted only {sorted(report.drafts)}"]
        elif [w for w in report.warnings if "not installed" in w.message]:
            refused[court_id] = ["the template's font was measured as a stand-in"]
    assert not refused
    assert len(known_courts()) >= 30


def _tall_letterhead(template: Path, *, lines: int = 4, logo: float | None = None) -> None:
    """A letterhead of a firm's name (18 pt) over ``lines`` address lines (11 pt), under a logo
    ``logo`` inches tall where given, on the first page."""
    from docx.shared import Inches, Pt

    document = docx.Document(str(template))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    first = header.paragraphs[0]
    if logo:
        first.add_run().add_picture(str(EXAMPLES / "model-order-page-1.png"), height=Inches(logo))
        first = header.add_paragraph()
    first.add_run("ROE & DOE LLP").font.size = Pt(18)
    for n in range(lines):
        header.add_paragraph().add_run(f"{n + 1} Main Street · Springfield · (555) 010-000{n}").font.size = Pt(11)
    document.save(str(template))


def test_a_letterhead_taller_than_the_top_margin_is_refused_on_pleading_paper(tmp_path):
    folder = tmp_path / "firm"
    _copy(folder)
    _tall_letterhead(folder / "motion.docx")
    report = check(EXAMPLES / "doe-defendant-cand.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    (problem,) = report.problems
    # N.D. Cal.'s exact 24-pt lines: five of them, and the pleading numbers' anchor (1 pt)
    assert "template motion.docx: its first-page header is 121 pt tall" in problem
    assert "taller than the 36 pt between the header's distance from the top edge (36 pt)" in problem
    assert "top margin (72 pt)" in problem and "numbered lines" in problem
    # raising the top margin to 157 pt would leave no room for 28 lines of 24 pt on letter paper
    # (792 - 672 - the footer's 13.8 pt: at most 106 pt), so the remedy is a shorter letterhead
    assert "make the letterhead at most 70 pt tall, or lower the header's distance" in problem
    assert "raise the top margin" not in problem
    result = subprocess.run(
        [sys.executable, "-m", "assembler", "render", str(EXAMPLES / "doe-defendant-cand.yaml"), "-o"]
        + [str(tmp_path / "out"), "--documents", "motion", "--templates", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "its first-page header is 121 pt tall" in result.stderr
    assert not list((tmp_path / "out").rglob("motion.docx"))


def test_a_top_margin_that_leaves_pleading_paper_fewer_than_28_lines_is_refused(tmp_path):
    from docx.shared import Inches

    folder = tmp_path / "firm"
    _copy(folder)
    document = docx.Document(str(folder / "motion.docx"))
    document.sections[0].top_margin = Inches(2)  # 144 pt: 28 lines of 24 pt no longer fit below it
    document.save(str(folder / "motion.docx"))
    report = check(EXAMPLES / "doe-defendant-cand.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    (problem,) = report.problems
    assert "template motion.docx: its top margin (144 pt) leaves the page less than pleading paper's 28" in problem
    assert "the top margin can be at most 106 pt" in problem
    # off pleading paper the same margin is the firm's choice
    assert check(EXAMPLES / "doe-defendant.yaml", ["motion"], explicit=True, templates=TemplateSet(folder)).ok


def test_a_letterhead_taller_than_the_top_margin_is_a_warning_off_pleading_paper(tmp_path):
    folder = tmp_path / "firm"
    _copy(folder)
    _tall_letterhead(folder / "motion.docx", lines=2, logo=0.5)
    report = check(EXAMPLES / "doe-defendant.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    assert report.ok, report.problems
    (warning,) = [w.message for w in report.warnings if "header" in w.message]
    # a 36-pt logo on its line, 18 pt at 1.15 lines, two 11-pt lines: 36 + 20.7 + 2 x 12.65
    assert "template motion.docx: its first-page header is 82 pt tall, taller than the 36 pt" in warning
    assert "the page holds fewer lines" in warning
    shorter = tmp_path / "short"
    _copy(shorter)
    _tall_letterhead(shorter / "motion.docx", lines=0)  # the firm's name alone fits
    report = check(EXAMPLES / "doe-defendant.yaml", ["motion"], explicit=True, templates=TemplateSet(shorter))
    assert report.ok and not [w for w in report.warnings if "header" in w.message]


@needs("soffice")
@needs("pdftotext")
def test_the_letterheads_height_is_where_libreoffice_starts_the_body(tmp_path):
    """The height computed from the header's content is the height LibreOffice gives it: the body's
    first line (counsel's block) starts that far below the header's distance from the top."""
    from lxml import etree

    from assembler.papers.letterhead import too_tall
    from assembler.papers.pdf import convert

    folder = tmp_path / "firm"
    _copy(folder)
    _tall_letterhead(folder / "motion.docx", lines=3, logo=0.6)
    report = check(EXAMPLES / "doe-defendant.yaml", ["motion"], explicit=True, templates=TemplateSet(folder))
    ((_, height, room),) = too_tall(report.drafts["motion"].docx)
    (path,) = write_drafts(tmp_path / "out", {"motion": report.drafts["motion"]}, force=True)
    (pdf,) = convert([path], timeout_per_document=60.0)
    xml = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf.path), "-"], capture_output=True, check=True
    ).stdout
    words = etree.fromstring(xml, etree.XMLParser(recover=True)).iter("{http://www.w3.org/1999/xhtml}word")
    counsel = next(float(w.get("yMax")) for w in words if w.text == "Pat")  # "Pat A. Lawyer", the body's first
    size = 13  # D. Ariz.: the body's 13-pt single-spaced line ends at its baseline's descent
    assert abs(counsel - (36 + height + size * 1.15)) < 3, (counsel, height)
    assert room == 36
