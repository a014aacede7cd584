"""A template parsed once and copied per document drafts exactly what a fresh read would."""

from __future__ import annotations

import io

from conftest import EXAMPLES
from docx import Document

from assembler import DOCUMENTS, TemplateSet, load_matter
from assembler.papers.package import copy_document
from assembler.papers.render import default_template_dir, docx_bytes


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
