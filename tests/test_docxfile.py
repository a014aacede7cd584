"""A draft's .docx file: the members deflated and serialized once per process are the very bytes
that saving them again gives, whatever was saved before (python-docx's own writer, with the
fixed stamp, is the oracle)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES
from docx.opc.pkgwriter import PackageWriter

from assembler import DOCUMENTS, TemplateSet, load_matter
from assembler.papers import docxfile
from assembler.papers.docxfile import docx_bytes
from assembler.papers.render import render_set


class _Stamped:
    """python-docx's physical writer, every member written whole with the fixed stamp."""

    def __init__(self, zipf: zipfile.ZipFile) -> None:
        self.zipf = zipf

    def write(self, pack_uri: Any, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        self.zipf.writestr(member, blob)


def saved_plainly(doc: Any) -> bytes:
    package = doc.docx.part.package
    parts = list(package.parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipf:
        writer: Any = _Stamped(zipf)
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)
    return out.getvalue()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_draft_saves_as_python_docx_saves_it_with_the_members_kept_or_not(name, monkeypatch):
    matter = load_matter(EXAMPLES / f"{name}.yaml")
    templates = TemplateSet()
    drafts = render_set(matter, DOCUMENTS, templates)
    for kept in ("_TEMPLATE_MEMBERS", "_RELS", "_CONTENT_TYPES"):  # none kept from another test
        monkeypatch.setattr(docxfile, kept, docxfile._Kept(getattr(docxfile, kept)._make))
    cold = [docx_bytes(doc) for doc in drafts]
    warm = [docx_bytes(doc) for doc in render_set(matter, DOCUMENTS, templates)]
    assert cold == warm == [saved_plainly(doc) for doc in drafts]
    assert docxfile._TEMPLATE_MEMBERS._values, "the template's members are kept"


def test_what_is_kept_is_bounded_the_least_recently_used_dropped_first():
    kept = docxfile._Kept(lambda key: key * 2, size=2)
    assert kept.get(b"a") == b"aa" and kept.get(b"b") == b"bb"
    kept.get(b"a")  # used again: b is now the oldest
    kept.get(b"c")
    assert list(kept._values) == [b"a", b"c"]


def test_the_zip_is_written_as_zipfile_writes_it_names_beyond_ascii_and_empty_members_too():
    members = [
        ("[Content_Types].xml", b"<Types/>"),
        ("word/media/\u00e9t\u00e9.png", bytes(range(256)) * 40),
        ("e", b""),
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipf:
        writer = _Stamped(zipf)
        for name, blob in members:
            writer.write(type("Uri", (), {"membername": name})(), blob)
    assert docxfile._zip([docxfile._member(member) for member in members]) == out.getvalue()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as read:
        assert [read.read(name) for name, _ in members] == [blob for _, blob in members]
