"""Reading a draft's PDF as a clerk looks at its pages: what each page holds, how full it is.

``pdftotext -bbox-layout`` gives each page's lines of text with where they sit;
only the text area counts (a pleading paper's line numbers, left of it, and the
page number, below it, are left out).  The checks of tests/test_pages.py are
functions here, so that they can be counted over all the examples as well.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from lxml import etree

LEAD_IN = "it is ORDERED:"
LEADING = 30  # points: what a line's leading and a heading's space before take beyond the glyphs
_XHTML = "{http://www.w3.org/1999/xhtml}"


def squashed(text: str) -> str:
    """``text`` without any space: the PDF's words meet as the document's text does."""
    return re.sub(r"\s", "", text)


@dataclass(frozen=True)
class Area:
    """The text area of the draft's pages, in points from the page's top-left corner."""

    left: float
    top: float
    bottom: float


def area(docx: Path) -> Area:
    section = Document(str(docx)).sections[0]
    pt = 12700  # EMU a point
    return Area(section.left_margin / pt, section.top_margin / pt, (section.page_height - section.bottom_margin) / pt)


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    text: str


def pdf_lines(pdf: Path, text_area: Area) -> list[list[Line]]:
    """Each page's lines of text in the text area, top to bottom."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        found = []
        for line in page.iter(f"{_XHTML}line"):
            kept = [
                w
                for w in line.iter(f"{_XHTML}word")
                if float(w.get("xMin")) >= text_area.left - 2
                and float(w.get("yMax")) > text_area.top
                and float(w.get("yMin")) < text_area.bottom
            ]
            if kept:
                found.append(
                    Line(
                        min(float(w.get("yMin")) for w in kept),
                        max(float(w.get("yMax")) for w in kept),
                        " ".join(w.text or "" for w in kept),
                    )
                )
        pages.append(sorted(found, key=lambda line: line.top))
    return pages


@dataclass(frozen=True)
class Ending:
    """The paper's end as it must stay together: the heading above its last paragraph (if the
    paragraph follows one), its last paragraph, its closing (the Closing, an order's date line),
    and the signature block's first and last lines with text."""

    heading: str
    paragraph: str
    closing: str
    first: str
    last: str


def ending(docx: Path) -> Ending:
    from assembler.papers.keeping import last_paragraph

    document = Document(str(docx))
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    start = next(i for i, (style, _) in enumerate(paragraphs) if style == "Signature")
    end = next((i for i in range(start, len(paragraphs)) if paragraphs[i][0] != "Signature"), len(paragraphs))
    closing = next(text for _, text in reversed(paragraphs[:start]) if text.strip())
    block = [text for _, text in paragraphs[start:end] if text.strip()]
    last = last_paragraph(document)
    at = next((i for i, p in enumerate(document.paragraphs) if p._p is last), 0)
    before = [(style, text) for style, text in paragraphs[:at] if text.strip()]
    heading = before[-1][1] if before and before[-1][0].startswith("Heading") else ""
    paragraph = paragraphs[at][1] if last is not None else ""
    return Ending(heading, paragraph, closing, block[0], block[-1])


def _find(lines: list[Line], text: str, start: int = 0) -> int | None:
    key = squashed(text)
    return next((i for i in range(start, len(lines)) if key in squashed(lines[i].text)), None)


def _signature_page(pages: list[list[Line]], end: Ending) -> tuple[int, int] | None:
    """The page (and row) where the paper's closing is, the page of the first signature line."""
    closing = squashed(end.closing)[:30]
    return next(((p, i) for p, lines in enumerate(pages) if (i := _find(lines, closing)) is not None), None)


def problems(docx: Path, pdf: Path) -> list[str]:
    """What a clerk would mind in the PDF of ``docx``, in words (none: its pages are set well).

    The signature block starts on the page of the paper's closing, and that page holds the
    paper's own text above the closing; no page ends with an order's "it is ORDERED:"; no page
    but the last is more than a third empty, unless what the next page opens with is the
    paper's end that keeps together (heading, last paragraph, closing and signature) and is
    taller than that white.
    """
    text_area = area(docx)
    pages = pdf_lines(pdf, text_area)
    found = []
    end = ending(docx)
    at = _signature_page(pages, end)
    if at is None:
        return [f"the paper's last paragraph {end.closing!r} is on no page"]
    page, row = at
    first = _find(pages[page], end.first, row + 1)
    last = _find(pages[page], squashed(end.last)[:30], row + 1)  # its first line, should it wrap
    if first is None:
        found.append(f"the signature ({end.first!r}) is not on page {page + 1} with {end.closing!r}")
    elif row == 0 and page > 0:
        found.append(f"the signature's page {page + 1} holds none of the paper's text above {end.closing!r}")
    height = text_area.bottom - text_area.top
    for number, lines in enumerate(pages[:-1], start=1):
        if lines and squashed(lines[-1].text).endswith(squashed(LEAD_IN)):
            found.append(f"page {number} ends with the lead-in {lines[-1].text!r}")
        low = lines[-1].bottom if lines else text_area.top
        white = text_area.bottom - low
        if white / height > 1 / 3 and not _end_too_tall(pages, number, page, last, end, white):
            found.append(f"page {number} is {white / height:.0%} empty")
    return found


def _end_too_tall(pages: list[list[Line]], number: int, page: int, last: int | None, end: Ending, white: float) -> bool:
    """Page ``number`` (1-based) is followed by the signature's page, which opens with the
    paper's end (its heading or last paragraph), and the least of that end that must travel
    does not fit in the white left: the closing and signature with the last paragraph's last
    two lines, or with the whole paragraph (and its heading) where it has three lines or fewer,
    which a clerk moves whole."""
    if number != page or last is None or not pages[page]:
        return False
    lines = pages[page]
    opening = squashed(lines[0].text).casefold()  # a heading prints in capitals
    if not opening or opening not in squashed(end.heading + end.paragraph).casefold():
        return False
    closing = _find(lines, squashed(end.closing)[:30])
    if closing is None:
        return False
    headed = bool(end.heading) and squashed(lines[0].text).casefold() == squashed(end.heading).casefold()
    start = closing - 2 if closing - int(headed) >= 4 else 0
    return lines[last].bottom - lines[start].top > white - LEADING


def signature_alone(docx: Path, pdf: Path) -> bool:
    """The signature block starts a page that holds none of the paper's text before it (only,
    perhaps, its closing): the figure the issue counts."""
    pages = pdf_lines(pdf, area(docx))
    end = ending(docx)
    at = _signature_page(pages, end)
    if at is None:
        return True
    page, row = at
    return _find(pages[page], end.first, row + 1) is None or row == 0


def empty_pages(docx: Path, pdf: Path) -> list[tuple[int, float]]:
    """The pages but the last that are more than a third empty, with how empty (0-1)."""
    text_area = area(docx)
    height = text_area.bottom - text_area.top
    found = []
    for number, lines in enumerate(pdf_lines(pdf, text_area)[:-1], start=1):
        white = text_area.bottom - (lines[-1].bottom if lines else text_area.top)
        if white / height > 1 / 3:
            found.append((number, white / height))
    return found
