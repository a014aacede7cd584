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
    """The paper's last paragraph before its signature (the Closing, an order's date line),
    and the signature block's first and last lines with text."""

    closing: str
    first: str
    last: str


def ending(docx: Path) -> Ending:
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in Document(str(docx)).paragraphs]
    start = next(i for i, (style, _) in enumerate(paragraphs) if style == "Signature")
    end = next((i for i in range(start, len(paragraphs)) if paragraphs[i][0] != "Signature"), len(paragraphs))
    closing = next(text for _, text in reversed(paragraphs[:start]) if text.strip())
    block = [text for _, text in paragraphs[start:end] if text.strip()]
    return Ending(closing, block[0], block[-1])


def _find(lines: list[Line], text: str, start: int = 0) -> int | None:
    key = squashed(text)
    return next((i for i in range(start, len(lines)) if key in squashed(lines[i].text)), None)


def problems(docx: Path, pdf: Path) -> list[str]:
    """What a clerk would mind in the PDF of ``docx``, in words (none: its pages are set well).

    The signature block starts on the page of the paper's last paragraph, and that page
    holds text before it wherever the block fits on the page before; no page ends with an
    order's "it is ORDERED:"; no page but the last is more than a third empty.
    """
    text_area = area(docx)
    pages = pdf_lines(pdf, text_area)
    found = []
    end = ending(docx)
    closing = squashed(end.closing)[:30]
    page, row = next(
        ((p, i) for p, lines in enumerate(pages) if (i := _find(lines, closing)) is not None), (None, None)
    )
    if page is None or row is None:
        return [f"the paper's last paragraph {end.closing!r} is on no page"]
    first = _find(pages[page], end.first, row + 1)
    last = _find(pages[page], end.last, row + 1)
    if first is None:
        found.append(f"the signature ({end.first!r}) is not on page {page + 1} with {end.closing!r}")
    elif row == 0 and page > 0 and last is not None:
        block = pages[page][last].bottom - pages[page][row].top
        before = pages[page - 1]
        white = text_area.bottom - (before[-1].bottom if before else text_area.top)
        if white > block + 30:  # room for the block and a line's leading
            found.append(
                f"the signature's page {page + 1} holds no text before {end.closing!r}, "
                f"though the block ({block:.0f} pt) fits in the white ({white:.0f} pt) "
                f"of page {page}"
            )
    for number, lines in enumerate(pages[:-1], start=1):
        if lines and squashed(lines[-1].text).endswith(squashed(LEAD_IN)):
            found.append(f"page {number} ends with the lead-in {lines[-1].text!r}")
        low = lines[-1].bottom if lines else text_area.top
        empty = (text_area.bottom - low) / (text_area.bottom - text_area.top)
        if empty > 1 / 3:
            found.append(f"page {number} is {empty:.0%} empty")
    return found


def signature_alone(docx: Path, pdf: Path) -> bool:
    """The signature block starts a page that holds none of the paper's text before it (only,
    perhaps, its last paragraph): the figure the issue counts."""
    pages = pdf_lines(pdf, area(docx))
    end = ending(docx)
    for lines in pages:
        row = _find(lines, squashed(end.closing)[:30])
        if row is not None:
            first = _find(lines, end.first, row + 1)
            return first is None or row == 0
    return True
