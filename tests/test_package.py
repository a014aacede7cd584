"""A template parsed once and copied per document drafts exactly what a fresh read would,
and docxtpl's own rendering path."""

from __future__ import annotations

import io

import pytest
from conftest import EXAMPLES
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree

from assembler import DOCUMENTS, TemplateSet, load_matter
from assembler.papers import render, wordxml
from assembler.papers.package import copy_document
from assembler.papers.render import _Document, default_template_dir, docx_bytes


def test_a_copied_package_saves_the_same_bytes_as_the_file_read_again():
    blob = (default_template_dir() / "motion.docx").read_bytes()
    parsed = Document(io.BytesIO(blob))
    assert docx_bytes(copy_document(parsed)) == docx_bytes(Document(io.BytesIO(blob)))


def test_changing_a_copy_leaves_the_parsed_template_as_it_was():
    blob = (default_template_dir() / "motion.docx").read_bytes()
    parsed = Document(io.BytesIO(blob))
    before = docx_bytes(parsed)
    copy = copy_document(parsed)
    copy.paragraphs[0].text = "changed"
    copy.core_properties.title = "changed"
    copy.styles.element.remove(copy.styles.element[-1])
    assert docx_bytes(parsed) == before


def test_drafting_twice_from_one_template_set_gives_the_same_drafts():
    templates = TemplateSet()
    matter = load_matter(EXAMPLES / "cp-productions.yaml")
    first = [docx_bytes(templates.render(matter, doc_id)) for doc_id in DOCUMENTS]
    second = [docx_bytes(templates.render(matter, doc_id)) for doc_id in DOCUMENTS]
    fresh = [docx_bytes(TemplateSet().render(matter, doc_id)) for doc_id in DOCUMENTS]
    assert first == second == fresh


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARA = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
_TABLE = '<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>{}</w:tr></w:tbl>'
_CELL = "<w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc>"
_DRAWING = '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="Picture"/></wp:inline></w:drawing></w:r></w:p>'
BODIES = {
    "paragraphs": _PARA.format("One.") + _PARA.format("Two &amp; three."),
    # an included part's paragraph carries every declaration of its own package
    "declaring paragraph": f'<w:p xmlns:w="{W}"><w:r><w:t>Included.</w:t></w:r></w:p>',
    "foreign namespace": '<w:p xmlns:x="urn:example"><w:r><w:t>Foreign.</w:t></w:r></w:p>',
    "typed declaration": _PARA.format(f'a xmlns:w="{W}" typed'),
    "cells over columns": _TABLE.format(_CELL * 3),
    "columns over cells": _TABLE.format(_CELL),
    "grid spans": _TABLE.format('<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc>'),
    "drawings": _DRAWING + _DRAWING,
}


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES)
def test_a_body_parsed_in_place_is_the_tree_docxtpl_would_move_there(body):
    """The rendered body parsed inside the document's own text is, to the byte, what
    docxtpl's fix_tables, fix_docpr_ids and map_tree make of it, tables fixed included."""
    compiled = TemplateSet().compiled("motion")
    opening = etree.tostring(compiled.document.element.body, encoding="unicode").split(">", 1)[0] + ">"
    xml = f"{opening}{body}</w:body>"
    ours, theirs = _Document(compiled), _Document(compiled)
    ours.render_init()
    theirs.render_init()
    tree = ours.fix_tables(xml)
    ours.fix_docpr_ids(tree)
    ours.map_tree(tree)
    tree = DocxTemplate.fix_tables(theirs, xml)
    DocxTemplate.fix_docpr_ids(theirs, tree)
    DocxTemplate.map_tree(theirs, tree)
    assert etree.tostring(ours.docx.element) == etree.tostring(theirs.docx.element)
    body = theirs.docx.element.body
    # python-docx reads the body in place: its own element classes, not lxml's plain ones
    assert [p.text for p in ours.docx.paragraphs] == [wordxml._text(p) for p in body.iterchildren(f"{{{W}}}p")]
    assert len(ours.docx.tables) == len(body.findall(f"{{{W}}}tbl"))


def test_drafts_are_the_same_whichever_way_the_body_is_put_in_place(monkeypatch):
    templates = TemplateSet()
    matter = load_matter(EXAMPLES / "acme-nysd.yaml")
    documents = [doc_id for doc_id in (*DOCUMENTS, "notice")]
    fast = [docx_bytes(templates.render(matter, doc_id)) for doc_id in documents]
    monkeypatch.setattr(render, "_parsed_document", lambda shell, xml: None)  # docxtpl's own path
    assert [docx_bytes(templates.render(matter, doc_id)) for doc_id in documents] == fast


def test_footnote_texts_follow_notes_attached_after_they_were_read():
    matter = load_matter(EXAMPLES / "cp-productions.yaml")
    document = TemplateSet().render(matter, "motion").docx
    before = wordxml.footnote_texts(document)
    wordxml.attach_footnotes(document, [(9999, wordxml.run("Docket 1 at 2."))])
    assert wordxml.footnote_texts(document) == [*before, " Docket 1 at 2."]


def test_footnote_texts_of_attached_notes_are_those_the_part_reads():
    """The texts kept when notes are attached (read from the runs, not parsed) are what a
    parse of the footnotes part reads, escapes, tabs and line breaks included."""
    matter = load_matter(EXAMPLES / "cp-productions.yaml")
    document = TemplateSet().render(matter, "motion").docx
    runs = wordxml.run("AT&T <Wireless> & a\ttab\nline") + wordxml.run("Fed. R. Civ. P. 54(b)", italic=True)
    wordxml.attach_footnotes(document, [(9999, runs), (10000, wordxml.footnote_reference(3) + runs)])
    kept = wordxml.footnote_texts(document)
    wordxml._NOTE_TEXTS.clear()  # read the part itself
    assert wordxml.footnote_texts(document) == kept
    assert kept[-1] == " AT&T <Wireless> & a\ttab\nlineFed.\u00a0R.\u00a0Civ.\u00a0P.\u00a054(b)"
