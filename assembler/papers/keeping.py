"""The paper's last paragraph keeps its last lines with the closing and signature.

A clerk sets a paper's end so that the page with the signature also holds the
paper's own text: the last paragraph before the closing ("RESPECTFULLY
SUBMITTED ...", "Dated: ...", a declaration's attestation, an order's date
line) keeps with the next paragraph, without keeping its lines together, and
with widow/orphan control.  Word then lets a long last paragraph break across
the page and carries at least its last two lines with the block; LibreOffice
(which makes our PDFs) moves a paragraph that keeps with the next whole, as
its layout never splits such a paragraph unless it is taller than a page, so
there a long last paragraph travels whole with the block.

The parts are found by style (``styles``), so a firm's own template is kept
the same way.  What the templates keep already (a signature block's lines, a
closing with its signature, an order's last item with its date line) stays as
it is.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from assembler.papers import styles

# the lines of a paper's end above its signature: a party's date line, the date under a place
_CLOSING_LINES = frozenset(s.id for s in (styles.CLOSING, styles.CLOSING_DATE, styles.DATED_LINE))
# paragraphs that keep with what follows by their style already
_HEADINGS = frozenset(s.id for s in (styles.HEADING_1, styles.HEADING_2, styles.HEADING_3, styles.PAPER_TITLE))


_P, _T, _P_STYLE, _VAL = qn("w:p"), qn("w:t"), f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val")


def _style(p: Any) -> str:
    found = p.find(_P_STYLE)
    return found.get(_VAL) if found is not None else ""


def _has_text(p: Any) -> bool:
    return any((t.text or "").strip() for t in p.iter(_T))


def last_paragraph(document: Any) -> Any | None:
    """The body's last paragraph of text before its closing and first signature line (the
    ``w:p``), or None where the paper has no signature."""
    body = document.element.body
    paragraphs = list(body.iterchildren(_P))
    signature = next((i for i, p in enumerate(paragraphs) if _style(p) == styles.SIGNATURE.id), None)
    if signature is None:
        return None
    before = [p for p in paragraphs[:signature] if _has_text(p)]
    if not before:
        return None
    closing = len(before) - 1  # the closing: the last text above the signature
    while closing > 0 and _style(before[closing]) in _CLOSING_LINES and _style(before[closing - 1]) in _CLOSING_LINES:
        closing -= 1  # "Dated: New York, New York" over its date: one closing
    return before[closing - 1] if closing > 0 else None


def keep_last_lines(document: Any) -> None:
    """Keep the last paragraph with the closing after it (keep-with-next, its lines free to
    break, widow/orphan control on), unless it is a heading or keeps already."""
    p = last_paragraph(document)
    if p is None or _style(p) in _HEADINGS:
        return
    paragraph = Paragraph(p, document)
    form = paragraph.paragraph_format
    if form.keep_with_next:
        return
    form.keep_with_next = True
    if _widow_control(paragraph) is None:  # a firm's template that leaves it unset: Word's default is on
        form.widow_control = True


def _widow_control(paragraph: Paragraph) -> bool | None:
    """The paragraph's widow/orphan control as its own formatting or its styles set it."""
    if paragraph.paragraph_format.widow_control is not None:
        return paragraph.paragraph_format.widow_control
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.widow_control is not None:
            return style.paragraph_format.widow_control
        style = style.base_style
    return None
