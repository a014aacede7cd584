from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, GOLDEN, write

from assembler import DOCUMENTS, TemplateSet, load_matter, render_matter, text_view
from assembler.errors import AnswersError, OutputError, TemplateError
from assembler.papers.registry import paper_ids
from assembler.papers.render import safe_name


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("document", paper_ids())
def test_example_matches_its_golden_text(name, document, drafts_of, update_golden):
    golden = GOLDEN / f"{name}.{document}.txt"
    if document not in drafts_of(name):  # a notice of motion only where the court files one
        assert not golden.exists(), f"{golden.name} is stale: the example drafts no {document}"
        return
    actual = text_view(drafts_of(name)[document])
    if update_golden:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")


def test_order_follows_the_model_section_by_section(example_drafts):
    view = text_view(example_drafts["order-granting"], line_break=" ")
    headings = re.findall(r"^\[Heading 1\] (.*)$", view, flags=re.M)
    assert headings == ["Factual and Procedural Background", "Discussion", "Conclusion"]
    assert (
        "Before the Court at Docket 18 is a Motion for Reconsideration of the Court’s "
        "August 24, 2012 Order Granting Plaintiff’s *Ex Parte* Motion for Protective Order "
        "at Docket 13."
    ) in view
    assert "[Paper Title] ORDER GRANTING MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER" in view
    items = re.findall(r"^\[List Number\] (.*)$", view, flags=re.M)
    assert [item.split()[-1] for item in items] == ["GRANTED.", "VACATED.", "DENIED."]
    assert "DATED this 13^th^ day of November, 2012." in view
    notes = re.findall(r"^\[\^\d+\]: (.*)$", view, flags=re.M)
    assert len(notes) == 25
    assert notes[12] == "Docket 18 at 7-8."


def test_draft_follows_the_answers(tmp_path, example):
    text = (
        example.read_text(encoding="utf-8")
        .replace("date: 2012-08-24\n  title:", "date: 2012-08-21\n  title:")
        .replace("number: 1\n", "number: 2\n")
        .replace("[[1 at", "[[2 at")
    )
    matter = load_matter(write(tmp_path, "changed.yaml", text))
    (path,) = render_matter(matter, tmp_path / "out", ["order-granting"])
    view = text_view(path)
    assert "AUGUST 21, 2012 ORDER" in view and "August 24, 2012 Order Granting" not in view
    assert "[^1]: Docket 2 at 1." in view and "Docket 1 at" not in view


def test_typed_text_prints_exactly_and_is_never_a_template(tmp_path, example):
    name = "AT&T <Wireless> “Café” {{ 7*7 }} {% raw %}"
    text = example.read_text(encoding="utf-8").replace("    - name: John Doe\n", f"    - name: '{name}'\n")
    matter = load_matter(write(tmp_path, "esc.yaml", text))
    (path,) = render_matter(matter, tmp_path / "out", ["order-granting"])
    assert f"{name.upper()}," in text_view(path)
    with zipfile.ZipFile(path) as archive:
        assert "AT&amp;T &lt;WIRELESS&gt;" in archive.read("word/document.xml").decode()


def test_missing_value_names_the_variable_and_the_template(tmp_path, example):
    text = example.read_text(encoding="utf-8").replace("  judge: Sharon L. Gleason\n", "")
    matter = load_matter(write(tmp_path, "nojudge.yaml", text))
    with pytest.raises(TemplateError, match=r"order-granting\.docx: it needs case\.judge"):
        render_matter(matter, tmp_path / "out", ["order-granting"])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))


def test_reply_needs_the_response_docket_entry(tmp_path, example):
    text = example.read_text(encoding="utf-8").replace("    role: response\n", "")
    matter = load_matter(write(tmp_path, "noresponse.yaml", text))
    with pytest.raises(TemplateError, match="reply.docx: it needs response_entry.*role: response"):
        TemplateSet().render(matter, "reply")


def test_library_text_needing_an_absent_answer_is_reported_at_load(tmp_path, example):
    text = example.read_text(encoding="utf-8").replace("    role: motion\n", "")
    with pytest.raises(
        AnswersError,
        match=r"opposition\.1\.id: the library text of ground "
        r"'no-new-facts-or-error' needs motion\.cite",
    ):
        load_matter(write(tmp_path, "nomotion.yaml", text))


def test_existing_draft_is_kept_without_force(tmp_path, example):
    matter = load_matter(example)
    (path,) = render_matter(matter, tmp_path, ["motion"])
    path.write_bytes(b"the lawyer's edits")
    with pytest.raises(OutputError, match="already exist"):
        render_matter(matter, tmp_path, ["motion"])
    assert path.read_bytes() == b"the lawyer's edits"
    render_matter(matter, tmp_path, ["motion"], force=True)
    assert path.read_bytes().startswith(b"PK")
    drafts = sorted(p.name for p in path.parent.iterdir() if not p.name.startswith("."))
    assert drafts[0] == "motion.docx" and drafts[1].startswith("motion.edited-")  # the edits kept
    assert (path.parent / drafts[1]).read_bytes() == b"the lawyer's edits" and len(drafts) == 2
    assert not list(path.parent.rglob("*.tmp"))  # no temporary left


@pytest.mark.parametrize(
    "number, expected",
    [
        ("2:12-CV-01183-PHX-SLG", "2-12-CV-01183-PHX-SLG"),
        ("../../etc/passwd", "etc-passwd"),
        ("06 Civ. 1405 (LAK) (KNF)", "06-Civ.-1405-LAK-KNF"),
        ("...", "case"),
        ("CON", "case-CON"),
    ],
)
def test_output_names_stay_in_the_output_folder(number, expected):
    assert safe_name(number) == expected


def test_footnotes_part_is_created_when_a_template_has_none(tmp_path, example):
    from docx import Document

    folder = tmp_path / "templates"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{{ court.caption|join(' ') }}")
    doc.add_paragraph("Case {{ case.number }}: ")
    doc.paragraphs[0].add_run("{{r order.title }}")
    doc.add_paragraph("Background:")
    doc.add_paragraph("{%p for paragraph in background %}")
    doc.add_paragraph().add_run("{{r paragraph }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(folder / "order-granting.docx")  # the whole chronology: an order, after all of it
    (path,) = render_matter(load_matter(example), tmp_path / "out", ["order-granting"], templates=TemplateSet(folder))
    view = text_view(path)
    assert "[^11]: Docket 22; Docket 26." in view
    with zipfile.ZipFile(path) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        assert "FootnoteReference" in archive.read("word/styles.xml").decode()


def test_templates_run_sandboxed(tmp_path, example):
    from docx import Document

    folder = tmp_path / "templates"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{{ case.__class__.__init__.__globals__ }}")
    doc.save(folder / "motion.docx")
    with pytest.raises(TemplateError, match="motion.docx"):
        TemplateSet(folder).render(load_matter(example), "motion")


def test_the_sandbox_refuses_an_internal_attribute_every_time_it_is_asked(tmp_path, example):
    """The sandbox's verdict is kept per type and name: kept, it still refuses (a type's mro,
    asked of two classes, in two drafts from one template set)."""
    from docx import Document

    folder = tmp_path / "templates"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{{ case.number.upper() }} {{ namespace.mro }} {{ cycler.mro }}")
    doc.save(folder / "motion.docx")
    templates, matter = TemplateSet(folder), load_matter(example)
    for _ in range(2):
        with pytest.raises(TemplateError, match="tried something unsafe"):
            templates.render(matter, "motion")


def test_each_template_is_compiled_once(example):
    templates = TemplateSet()
    matter = load_matter(example)
    templates.render(matter, "motion")
    first = templates.compiled("motion")
    templates.render(matter, "motion")
    assert templates.compiled("motion") is first


def test_templates_in_the_folder_are_what_the_builder_makes(tmp_path):
    """templates/*.docx must be rebuilt after tools/build_templates.py changes."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_templates", root / "tools" / "build_templates.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for name, build in builder.PARTS.items():
        built = tmp_path / Path(name).name
        build().save(built)
        with zipfile.ZipFile(built) as new, zipfile.ZipFile(root / "templates" / name) as old:
            assert new.read("word/document.xml") == old.read("word/document.xml"), name


@pytest.mark.parametrize("name, points", [("cp-productions", 13), ("acme-nysd", 12)])
def test_each_court_gets_its_own_font_size(drafts_of, name, points):
    """LRCiv 7.1(b)(1): 13 point, footnotes included; New York papers 12 point, not Arizona's 13."""
    from docx import Document
    from docx.shared import Pt

    styles = Document(str(drafts_of(name)["order-granting"])).styles
    for style in ("Normal", "Body Text", "footnote text", "Heading 1", "Caption Text"):
        assert styles[style].font.size == Pt(points), style


def test_a_single_party_movant_gets_singular_party_wording(tmp_path, example):
    text = re.sub(
        r"movant:\n  name: a number of Internet Service Providers\n(?:  .*\n|    .*\n)+?(?=order:)",
        "movant:\n  name: Defendant John Doe\n  short_name: Defendant\n  party: true\n  side: defendant\n",
        example.read_text(encoding="utf-8"),
    )
    matter = load_matter(write(tmp_path, "single.yaml", text))
    views = {p.stem: text_view(p) for p in render_matter(matter, tmp_path / "out", DOCUMENTS)}
    assert "Defendant John Doe (“Defendant”) respectfully moves under LRCiv 7.2(g)" in views["motion"]
    assert "Defendant respectfully requests that the Court" in views["motion"]
    assert "Defendant’s Motion for Reconsideration is GRANTED" in views["order-granting"]
    assert "[Body Text] Defendant asserts that" in views["order-granting"]
    for view in views.values():  # the generated non-party clauses are gone
        assert not re.search(r"who (is|are) not|not (parties|a party) to this lawsuit", view)


def test_an_attorney_without_bar_number_phone_or_email_prints_no_empty_lines(tmp_path, example):
    text = (
        example.read_text(encoding="utf-8")
        .replace(
            """        bar_number: "012345"
""",
            "",
        )
        .replace("        email: jcounsel@counsel-partners.example\n", "")
        .replace("        phone: (602) 555-0100\n", "")
    )
    (path,) = render_matter(load_matter(write(tmp_path, "case.yaml", text)), tmp_path / "out", ["motion"])
    view = text_view(path)
    assert "[Block Text] Jane Q. Counsel\n" in view and "[Signature] Jane Q. Counsel\n" in view
    assert "Bar No." not in view.split("[Court Title]")[0] and "Telephone: (602) 555-0100" not in view
    assert "Telephone: (602) 555-0199" not in view  # the opponent's block is not in the motion


def test_straight_quotes_typed_print_curly_unless_turned_off(tmp_path):
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Pat A. Lawyer", "name: Pat A. O'Lawyer")
    text = text.replace("email: pat@lawyer.example", 'email: "pat.o\'lawyer@lawyer.example"')
    assert "O'Lawyer" in text and "pat.o'lawyer@" in text
    curly = text_view(render_matter(load_matter(write(tmp_path, "on.yaml", text)), tmp_path / "on", ["motion"])[0])
    assert "Pat A. O’Lawyer" in curly and "O'Lawyer" not in curly
    assert "E-mail: pat.o'lawyer@lawyer.example" in curly  # an address is not prose
    assert "Plaintiff's" not in curly
    off = text.replace("schema_version: 1\n", "schema_version: 1\ntypography:\n  smart_quotes: false\n")
    straight = text_view(render_matter(load_matter(write(tmp_path, "off.yaml", off)), tmp_path / "off", ["motion"])[0])
    assert "Pat A. O'Lawyer" in straight


@pytest.mark.parametrize(
    "typed, printed",
    [
        ('Plaintiff\'s "Ex Parte" Motion', "Plaintiff’s “Ex Parte” Motion"),
        ("the Defendants' motion", "the Defendants’ motion"),
        ("in the '90s", "in the ’90s"),
        ("(\"quoting 'the Order'\")", "(“quoting ‘the Order’”)"),
        ('He said "no." Then left.', "He said “no.” Then left."),
        ("already “curly” and ’tis", "already “curly” and ’tis"),
    ],
)
def test_smart_quotes(typed, printed):
    from assembler.answers.quotes import smart_quotes

    assert smart_quotes(typed) == printed
