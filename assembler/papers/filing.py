"""One PDF per filing, as CM/ECF takes it: a side's declaration with its exhibits behind it.

``plan`` lays out each declaration drafted: its PDF (converted with the other
drafts), then for each exhibit a cover page ("EXHIBIT A" and what it is) and the
exhibit itself, a PDF as given or a Word file converted by the same LibreOffice
run.  ``join`` puts them into ``<paper>-filing.pdf`` with pypdf, a bookmark
(outline item) for the declaration and for each exhibit, and says its pages and
size; ``size_warning`` compares it with the court's file-size limit, where the
profile gives one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from assembler.answers.markup import Document, Styled, Text
from assembler.answers.matter import Matter
from assembler.errors import OutputError
from assembler.files import atomic_write
from assembler.law import record
from assembler.law.courts import Court
from assembler.papers import registry
from assembler.papers.drafts import RECORD, read_record
from assembler.papers.pdf import Pdf

FONT = "Times New Roman"  # the papers' own (tools/build_templates.py)
SUFFIX = "-filing.pdf"


@dataclass(frozen=True)
class ExhibitPart:
    label: str
    description: str
    cover: Path  # the cover page's .docx, in the work folder; its PDF beside it
    source: Path  # the exhibit's file: a PDF as given, or a .docx copied into the work folder


@dataclass(frozen=True)
class Plan:
    paper: str  # the declaration's paper id
    title: str  # its bookmark: "Declaration of Dana R. Whitfield"
    draft: Path  # the declaration's .docx draft; its PDF beside it
    exhibits: tuple[ExhibitPart, ...]

    def to_convert(self) -> list[Path]:
        """The Word files LibreOffice makes PDFs of for this filing (the draft is converted anyway)."""
        return [p for part in self.exhibits for p in (part.cover, part.source) if p.suffix.lower() == ".docx"]


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 1-based: the page it opens at
    pages: int


@dataclass(frozen=True)
class Filing:
    paper: str
    path: Path
    pages: int
    size: int
    sha256: str
    bookmarks: tuple[Bookmark, ...] = field(default=())

    def as_record(self) -> dict[str, object]:
        return {
            "filing": self.paper,
            "path": self.path.name,
            "pages": self.pages,
            "size": self.size,
            "sha256": self.sha256,
            "parts": [{"title": b.title, "page": b.page, "pages": b.pages} for b in self.bookmarks],
        }


def plain(document: Document) -> str:
    """The words of parsed markup, without its marks (a cover page prints the description plainly)."""

    def words(nodes: Iterable[object]) -> str:
        return "".join(
            n.text if isinstance(n, Text) else words(n.children) if isinstance(n, Styled) else "" for n in nodes
        )

    return " ".join(words(p.children) for p in document.paragraphs).strip()


def cover_page(label: str, description: str) -> bytes:
    """The exhibit's cover sheet: "EXHIBIT A" in large capitals, what it is beneath."""
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(612), Pt(792)  # US Letter
    head = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.space_before = Pt(240)
    run = head.add_run(f"EXHIBIT {label}")
    run.bold, run.font.size, run.font.name = True, Pt(36), FONT
    body = doc.add_paragraph()
    body.alignment = WD_ALIGN_PARAGRAPH.CENTER
    body.paragraph_format.space_before = Pt(24)
    text = body.add_run(description[:1].upper() + description[1:])
    text.font.size, text.font.name = Pt(14), FONT
    doc.core_properties.title = f"Exhibit {label}"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def plan(matter: Matter, drafts: Sequence[Path], work: Path) -> list[Plan]:
    """A plan for each declaration among ``drafts`` (the .docx written), its cover pages and Word
    exhibits put into ``work`` for LibreOffice."""
    plans = []
    for draft in drafts:
        paper_id = draft.stem
        kind = registry.papers().get(paper_id)
        if kind is None or kind.default != "given" or kind.filer == "court":
            continue
        found = record.declaration(matter.answers, kind.filer)
        if found is None:
            continue
        declarant = registry.declaration_facts(matter, paper_id)[1] or "the declarant"
        base = record.DECLARATION_PATH[kind.filer]
        parts = []
        for index, label in enumerate(record.labels(found, matter.court)):
            exhibit = found.exhibits[index]
            source = record.exhibit_file(matter.source, kind.filer, index, exhibit.file)
            if why := record.file_problem(source):  # moved or changed since the check
                raise OutputError(f"{matter.file}: {why}")
            cover = work / f"{paper_id}-cover-{index:03d}.docx"
            description = plain(matter.text(*base, "exhibits", index, "description"))
            cover.write_bytes(cover_page(label, description))
            if source.suffix.lower() == ".docx":
                copy = work / f"{paper_id}-exhibit-{index:03d}.docx"
                shutil.copyfile(source, copy)
                source = copy
            parts.append(ExhibitPart(label, description, cover, source))
        plans.append(Plan(paper_id, f"Declaration of {declarant}", draft, tuple(parts)))
    return plans


def join(filing: Plan) -> Filing:
    """``<paper>-filing.pdf`` beside the draft: the declaration, then each exhibit's cover page and
    the exhibit, with a bookmark for each; the PDFs of the Word files must be made already."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    bookmarks = []
    pieces = [(filing.title, [filing.draft.with_suffix(".pdf")])]
    for part in filing.exhibits:
        title = f"Exhibit {part.label}: {part.description}"
        pieces.append((title, [part.cover.with_suffix(".pdf"), part.source.with_suffix(".pdf")]))
    for title, files in pieces:
        start = len(writer.pages)
        for file in files:
            if not file.is_file():
                raise OutputError(f"LibreOffice made no PDF of {file.name}; the filing is not written")
            for page in PdfReader(file).pages:
                writer.add_page(page)
        writer.add_outline_item(title=title, page_number=start)
        bookmarks.append(Bookmark(title, start + 1, len(writer.pages) - start))
    writer.add_metadata({"/Title": filing.title})
    writer.page_mode = "/UseOutlines"  # the reader opens with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    target = filing.draft.with_name(filing.draft.stem + SUFFIX)
    atomic_write(data, target, force=True)
    return Filing(
        filing.paper, target, len(writer.pages), len(data), hashlib.sha256(data).hexdigest(), tuple(bookmarks)
    )


def size_warning(court: Court, made: Filing) -> str | None:
    """A warning where the filing is larger than the court's CM/ECF file-size limit (a sourced
    fact of the profile; none where the profile does not know it)."""
    limit = court.filing.size_limit_mb
    if limit.value is None or made.size <= limit.value * 1024 * 1024:
        return None
    return (
        f"{made.path.name} is {made.size / (1024 * 1024):.1f} MB, over the {court.name}'s limit of "
        f"{limit.value:g} MB a file ({limit.source}): file its exhibits as attachments of their own"
    )


def write_filings(
    cases: Sequence[tuple[Matter, Sequence[Path]]], convert: Callable[[Sequence[Path]], list[Pdf]]
) -> tuple[list[Pdf], list[list[Filing]]]:
    """Every draft's PDF and every case's filings, from one LibreOffice run (``convert``): the
    drafts (each case's, in order), then the cover pages and Word exhibits of the filings.
    Each case folder's record (``.assembler.json``) lists its filings with pages and size."""
    with tempfile.TemporaryDirectory(prefix="assembler-filing-") as tmp:
        plans = []
        for index, (matter, drafts) in enumerate(cases):
            work = Path(tmp) / str(index)
            work.mkdir()
            plans.append(plan(matter, drafts, work))
        drafts = [draft for _, case_drafts in cases for draft in case_drafts]
        made = convert([*drafts, *(p for case in plans for one in case for p in one.to_convert())])
        filings = [[join(one) for one in case] for case in plans]
    for (_, case_drafts), case_filings in zip(cases, filings):
        if case_filings:
            record_filings(case_drafts[0].parent, case_filings)
    return made[: len(drafts)], filings


def record_filings(folder: Path, filings: Sequence[Filing]) -> None:
    """Add the filings to the folder's record of what the tool wrote."""
    found, _ = read_record(folder)
    for made in filings:
        found.files[made.path.name] = {
            "document": made.paper,
            **made.as_record(),
            "written": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    atomic_write(found.to_bytes(), folder / RECORD, force=True)
