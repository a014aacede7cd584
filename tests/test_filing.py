"""The declaration, its exhibits, citations to them, and one PDF per filing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, needs

from assembler import load_matter, text_view
from assembler.checks import check
from assembler.cli import cli
from assembler.errors import AnswersError
from assembler.law import record
from assembler.law.courts import Fact, load_court
from assembler.papers.filing import Filing, size_warning

EXAMPLE = EXAMPLES / "new-evidence-mad.yaml"


def copy_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """The example, with its exhibits, in ``tmp_path``; ``old`` replaced by ``new`` in its text."""
    shutil.copytree(EXAMPLES / "exhibits", tmp_path / "exhibits")
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace(old, new, 1), encoding="utf-8")
    return answers


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_citation_to_exhibit_c_where_only_a_and_b_exist_is_refused_with_file_and_line(tmp_path):
    answers = copy_example(tmp_path, "[[Ex. B at 1-2]]", "[[Ex. C at 1-2]]")
    with pytest.raises(AnswersError) as caught:
        load_matter(answers)
    (problem,) = caught.value.problems
    assert problem.line == line_of(answers, "[[Ex. C at 1-2]]")
    assert str(problem) == (
        f"{answers}, line {problem.line}: grounds.0.text: [[Ex. C at 1-2]] cites Exhibit C, which "
        "motion.declaration does not have (it has Exhibits A and B)"
    )
    result = CliRunner().invoke(cli, ["render", str(answers), "-o", str(tmp_path / "drafts")])
    assert result.exit_code == 1 and "cites Exhibit C" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "drafts").exists()


def test_a_citation_to_a_paragraph_past_the_declarations_last_is_refused(tmp_path):
    # three paragraphs of its own and two introducing the exhibits: five
    answers = copy_example(tmp_path, "[[Decl. ¶ 3]]", "[[Decl. ¶ 6]]")
    with pytest.raises(AnswersError, match=r"\[\[Decl\. ¶ 6\]\] cites paragraph 6 of the declaration, which has 5"):
        load_matter(answers)
    assert load_matter(copy_example(tmp_path / "five", "[[Decl. ¶ 3]]", "[[Decl. ¶ 5]]"))


def test_a_citation_to_a_declaration_in_text_both_sides_print_is_refused(tmp_path):
    answers = copy_example(
        tmp_path, "the Court granted that motion on liability.[[41 at 9]]", "the Court granted it.[[Ex. A]]"
    )
    with pytest.raises(AnswersError, match=r"docket\.2\.background: \[\[Ex\. A\]\] cites a declaration, which only"):
        load_matter(answers)


def test_the_opponents_citation_needs_the_opponents_declaration(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    block = text[text.index("response:  # the opponent's declaration") : text.index("ruling:")]
    answers = copy_example(tmp_path, block, "")
    with pytest.raises(AnswersError, match=r"cites a declaration, and response\.declaration gives none"):
        load_matter(answers)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "is not there"),
        (b"just text, not a PDF", "is not a PDF"),
        (b"%PDF-1.4\nbroken", "is a PDF that cannot be read"),
    ],
)
def test_a_missing_or_unreadable_exhibit_file_is_one_sentence_naming_it(tmp_path, content, says):
    answers = copy_example(tmp_path)
    exhibit = tmp_path / "exhibits" / "exhibit-b.pdf"
    if content is None:
        exhibit.unlink()
    else:
        exhibit.write_bytes(content)
    report = check(answers, draft=False)
    (problem,) = report.problems  # one sentence, where the file is named in the answers
    assert problem.startswith(
        f"{answers}, line {line_of(answers, 'file: exhibits/exhibit-b.pdf')}: "
        f"motion.declaration.exhibits.1.file: the exhibit file {exhibit} {says}"
    )
    assert "\n" not in problem
    result = CliRunner().invoke(cli, ["render", str(answers), "-o", str(tmp_path / "drafts")])
    assert result.exit_code == 1 and str(exhibit) in result.output and "Traceback" not in result.output


def test_the_declaration_introduces_each_exhibit_and_attests_under_section_1746(tmp_path):
    report = check(EXAMPLE)
    assert report.ok and "declaration" in report.documents, report.lines()
    path = tmp_path / "declaration.docx"
    report.drafts["declaration"].save(path)
    text = text_view(path)
    assert "DECLARATION OF DANA R. WHITFIELD IN SUPPORT OF HARBORVIEW’S" in text
    assert "4.\tA true and correct copy of the letter of June 10, 2024 from Harborview’s records" in text
    assert (
        "5.\tA true and correct copy of the dispatch log for the week of March 6, 2023 is attached as Exhibit B."
        in text
    )
    # 28 U.S.C. § 1746(2), executed within the United States, with the date and place
    assert (
        "I declare under penalty of perjury that the foregoing is true and correct. "
        "Executed on June 14, 2024 at Boston, Massachusetts." in text
    )


def test_a_declaration_executed_abroad_takes_the_words_of_section_1746_1(tmp_path):
    answers = copy_example(
        tmp_path, "      place: Boston, Massachusetts", "      place: London, England\n      abroad: true"
    )
    report = check(answers)
    assert report.ok, report.lines()
    path = tmp_path / "declaration.docx"
    report.drafts["declaration"].save(path)
    assert (
        "I declare under penalty of perjury under the laws of the United States of America that the "
        "foregoing is true and correct. Executed on June 14, 2024 at London, England." in text_view(path)
    )


def test_the_opponents_declaration_is_drafted_in_opposition_and_cited_by_its_declarant(tmp_path):
    report = check(EXAMPLE)
    assert report.ok, report.lines()
    assert report.documents.index("response-declaration") == report.documents.index("response") + 1
    for paper in ("response", "response-declaration"):
        report.drafts[paper].save(tmp_path / f"{paper}.docx")
    declaration = text_view(tmp_path / "response-declaration.docx")
    assert "DECLARATION OF JORDAN P. LEE IN OPPOSITION TO HARBORVIEW’S" in declaration
    assert "Executed on June 28, 2024 at Boston, Massachusetts." in declaration  # the response's date
    assert "3.\tA true and correct copy of Northline’s First Requests" in declaration
    response = text_view(tmp_path / "response.docx").replace("\u00a0", " ")
    assert "a month before it moved for summary judgment. [Lee Decl. ¶ 2; Lee Decl. Ex. A.]" in response


def test_exhibits_are_labelled_by_the_courts_convention_unless_the_answers_label_them():
    matter = load_matter(EXAMPLE)
    found = record.declaration(matter.answers, "movant")
    assert found is not None
    assert record.labels(found, matter.court) == ["A", "B"]  # letters: no profile says otherwise yet
    numbered = matter.court.model_copy(
        update={
            "filing": matter.court.filing.model_copy(
                update={"exhibit_labels": Fact[str](value="numbers", source="a court that numbers them")}
            )
        }
    )
    assert record.labels(found, numbered) == ["1", "2"]
    relabelled = found.model_copy(update={"exhibits": [found.exhibits[0].model_copy(update={"label": "D"})]})
    assert record.labels(relabelled, matter.court) == ["D"]


def test_the_file_size_warning_needs_the_courts_own_limit(tmp_path):
    court = load_court("mad")
    assert court.filing.size_limit_mb.value is None and court.filing.size_limit_mb.unverified
    made = Filing("declaration", tmp_path / "declaration-filing.pdf", 7, 30 * 1024 * 1024, "0" * 64)
    assert size_warning(court, made) is None  # unknown: no invented limit
    limited = court.model_copy(
        update={
            "filing": court.filing.model_copy(
                update={"size_limit_mb": Fact[float](value=25.0, source="a court's CM/ECF procedures")}
            )
        }
    )
    warning = size_warning(limited, made)
    assert warning is not None and "30.0 MB, over the District of Massachusetts's limit of 25 MB" in warning
    assert size_warning(limited, Filing("declaration", made.path, 7, 1024, "0" * 64)) is None


@needs("soffice")
@needs("pdftotext")
def test_render_pdf_writes_the_motion_the_declaration_and_the_filing_with_covers_and_bookmarks(tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "drafts"
    result = CliRunner().invoke(cli, ["render", str(EXAMPLE), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    folder = out / "1-24-cv-10456-ABC"
    for name in ("motion.docx", "declaration.docx", "motion.pdf", "declaration.pdf"):
        assert (folder / name).is_file(), name
    filing = folder / "declaration-filing.pdf"
    reader = PdfReader(filing)
    declaration_pages = len(PdfReader(folder / "declaration.pdf").pages)
    exhibit_pages = [len(PdfReader(EXAMPLES / "exhibits" / f).pages) for f in ("exhibit-a.pdf", "exhibit-b.pdf")]
    assert len(reader.pages) == declaration_pages + sum(1 + n for n in exhibit_pages)
    outline = [(reader.get_destination_page_number(item) + 1, item.title) for item in reader.outline]
    cover_b = declaration_pages + 1 + exhibit_pages[0] + 1
    assert outline == [
        (1, "Declaration of Dana R. Whitfield"),
        (
            declaration_pages + 1,
            "Exhibit A: the letter of June 10, 2024 from Harborview’s records department to counsel",
        ),
        (cover_b, "Exhibit B: the dispatch log for the week of March 6, 2023"),
    ]

    def page(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(filing), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert page(1).startswith("UNITED STATES DISTRICT COURT")
    assert " ".join(page(cover_b).split()) == "EXHIBIT B The dispatch log for the week of March 6, 2023"
    assert "DISPATCH LOG, WEEK OF MARCH 6, 2023" in page(cover_b + 1)
    assert f"wrote {filing} ({len(reader.pages)} pages" in result.output
    entry = json.loads((folder / ".assembler.json").read_text(encoding="utf-8"))["files"][filing.name]
    assert entry["pages"] == len(reader.pages) and entry["size"] == filing.stat().st_size
    assert [part["page"] for part in entry["parts"]] == [page for page, _ in outline]
    # the opponent's declaration is a filing of its own, with its one exhibit
    opposing = PdfReader(folder / "response-declaration-filing.pdf")
    assert [item.title for item in opposing.outline] == [
        "Declaration of Jordan P. Lee",
        "Exhibit A: Northline’s First Requests for the Production of Documents of March 1, 2024",
    ]


@needs("soffice")
def test_a_word_exhibit_is_converted_into_the_filing(tmp_path):
    from docx import Document
    from pypdf import PdfReader

    answers = copy_example(tmp_path, "file: exhibits/exhibit-b.pdf", "file: exhibits/log.docx")
    doc = Document()
    doc.add_paragraph("A dispatch log kept as a Word file.")
    doc.save(tmp_path / "exhibits" / "log.docx")
    result = CliRunner().invoke(cli, ["render", str(answers), "-o", str(tmp_path / "drafts"), "--pdf"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "drafts" / "1-24-cv-10456-ABC" / "declaration-filing.pdf")
    assert "A dispatch log kept as a Word file." in reader.pages[-1].extract_text()
    assert not (tmp_path / "exhibits" / "log.pdf").exists()  # nothing is written beside the user's exhibit


@needs("soffice")
def test_a_batch_manifest_records_each_filing_with_its_pages_and_size(tmp_path):
    from pypdf import PdfReader

    copy_example(tmp_path / "in")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(out), "--pdf", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    (case,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["cases"]
    filing, opposing = case["filings"]
    path = Path(filing["path"])
    assert path.name == "declaration-filing.pdf" and filing["size"] == path.stat().st_size
    assert filing["pages"] == len(PdfReader(path).pages)
    assert [part["title"][:9] for part in filing["parts"]] == ["Declarati", "Exhibit A", "Exhibit B"]
    assert Path(opposing["path"]).name == "response-declaration-filing.pdf"
    assert [part["title"][:9] for part in opposing["parts"]] == ["Declarati", "Exhibit A"]


def test_check_warns_of_a_new_facts_ground_without_a_declaration(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("  declaration:\n"), text.index("ruling:")
    answers = tmp_path / "answers.yaml"
    # no declaration, and no citation to one
    answers.write_text(re.sub(r"\[\[(Ex|Decl)\.[^]]*\]\]", "", text[:start] + text[end:]), encoding="utf-8")
    report = check(answers, draft=False)
    assert report.ok, report.lines()
    assert "declaration" not in report.documents
    assert any(
        "the ground new-facts argues new facts, and no declaration (motion.declaration) puts them in evidence" in str(w)
        for w in report.warnings
    )


def test_check_says_the_courts_exhibit_labels_and_size_limit_are_unverified():
    report = check(EXAMPLE, draft=False)
    (warning,) = [w for w in report.warnings if w.field == "motion.declaration.exhibits"]
    assert "not verified for the District of Massachusetts: how it labels exhibits" in str(warning)
    assert "CM/ECF file-size limit" in str(warning)


def test_schema_describes_the_declaration_and_its_exhibits():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    defs = json.loads(result.output)["$defs"]
    for model, key in (("MotionPaper", "declaration"), ("ResponsePaper", "declaration")):
        assert defs[model]["properties"][key]["description"]
    exhibit = defs["Exhibit"]
    assert exhibit["required"] == ["description", "file"]
    assert all(exhibit["properties"][key]["description"] for key in ("label", "description", "file"))
    assert set(defs["Declaration"]["properties"]) == {"declarant", "paragraphs", "exhibits", "executed"}
    assert defs["Executed"]["required"] == ["place"]
