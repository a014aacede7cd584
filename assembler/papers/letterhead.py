"""Does a firm's letterhead fit above the body?  Its header's height against the room there.

A page's header starts at the section's header distance from the top edge and
has until the top margin to end; a header taller than that (a letterhead of
several lines, a tall logo) is not cut off: Word and LibreOffice push the body
down, so the page holds fewer lines, and on pleading paper the text no longer
sits on the numbered lines.  The height is computed from the header's content:
each paragraph's lines (its text measured in its font at its size, wrapped at
the text width, and its line spacing) and the space before and after it, a
table's rows, an inline drawing's extent; a floating drawing or text box does
not push the body (the pleading numbers are one) and is not counted.
"""

from __future__ import annotations

import math
from typing import Any

from assembler.papers import fonts
from assembler.papers.titles import _style_chain, style_font, width
from assembler.papers.wordxml import W_NS

_W = f"{{{W_NS}}}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_EMU = 12700  # a point
_NATURAL = 1.15  # a single line's height, in ems, in the faces templates use (Times, Liberation, Arial)
_KINDS = {"first": "first-page header", "default": "header", "even": "even-page header"}


def _spacing(document: Any, paragraph: Any, style_id: str) -> dict[str, str]:
    """The paragraph's ``w:spacing`` attributes, its own over its styles' over the defaults."""
    found: dict[str, str] = {}
    sources = [paragraph.find(f"{_W}pPr/{_W}spacing")]
    sources += [s.find(f"{_W}pPr/{_W}spacing") for s in _style_chain(document, style_id)]
    sources.append(document.styles.element.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr/{_W}spacing"))
    for spacing in sources:
        if spacing is not None:
            for key, value in spacing.attrib.items():
                found.setdefault(key.removeprefix(_W), value)
    return found


def _size(document: Any, paragraph: Any, style_id: str) -> float:
    """The largest font size (points) of the paragraph's runs, else its style's, else 12."""
    sizes = [int(sz.get(f"{_W}val")) / 2 for sz in paragraph.iter(f"{_W}sz") if sz.getparent().tag == f"{_W}rPr"]
    if sizes:
        return max(sizes)
    chain = _style_chain(document, style_id) or _style_chain(document, "Normal")
    defaults = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
    for sz in [s.find(f"{_W}rPr/{_W}sz") for s in chain] + [defaults]:
        if sz is not None:
            return int(sz.get(f"{_W}val")) / 2
    return 12.0


def paragraph_height(document: Any, paragraph: Any, measure: float) -> float:
    """The points a header paragraph takes: its lines at its spacing, space before and after."""
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(f"{_W}val") if style is not None else "Normal"
    if not _style_chain(document, style_id):
        style_id = "Normal"
    size = _size(document, paragraph, style_id)
    spacing = _spacing(document, paragraph, style_id)
    natural = size * _NATURAL
    line = int(spacing.get("line", "240"))
    rule = spacing.get("lineRule", "auto")
    pitch = natural * line / 240 if rule == "auto" else line / 20
    if rule == "atLeast":
        pitch = max(pitch, natural)
    family, bold = style_font(document, style_id)
    widths = fonts.widths(family, bold) if family else None
    pieces = [""]
    for node in paragraph.iter(f"{_W}t", f"{_W}br", f"{_W}tab"):
        if node.tag == f"{_W}br":
            pieces.append("")
        elif node.tag == f"{_W}tab":
            pieces[-1] += "    "
        else:
            pieces[-1] += node.text or ""
    lines = sum(max(1, math.ceil(width(text, size, widths) / measure)) for text in pieces)
    drawings = [
        int(extent.get("cy", "0")) / _EMU for extent in paragraph.iter(f"{_WP}extent") if _inline(extent.getparent())
    ]
    height = lines * pitch
    if drawings:  # an inline picture stands on its line, which grows to hold it (not where exact)
        height += max(0.0, max(drawings) - pitch) if rule != "exact" else 0.0
    return height + int(spacing.get("before", "0")) / 20 + int(spacing.get("after", "0")) / 20


def _inline(element: Any) -> bool:
    return element is not None and element.tag == f"{_WP}inline"


def content_height(document: Any, container: Any, measure: float) -> float:
    """The height of a header's (or a table cell's) paragraphs and tables, top to bottom."""
    height = 0.0
    for child in container:
        if child.tag == f"{_W}p":
            height += paragraph_height(document, child, measure)
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                cells = list(row.iterchildren(f"{_W}tc"))
                share = measure / max(1, len(cells))
                tall = max((content_height(document, cell, share) for cell in cells), default=0.0)
                fixed = row.find(f"{_W}trPr/{_W}trHeight")
                if fixed is not None:
                    at = int(fixed.get(f"{_W}val", "0")) / 20
                    tall = at if fixed.get(f"{_W}hRule") == "exact" else max(tall, at)
                height += tall
    return height


def too_tall(document: Any) -> list[tuple[str, float, float]]:
    """Each header of the first section taller than the room between the header distance and
    the top margin: (which header, its height, the room), in points."""
    from assembler.papers.wordxml import R_NS

    section = document.sections[0]
    top = section.top_margin.pt if section.top_margin is not None else 72.0
    distance = section.header_distance.pt if section.header_distance is not None else 36.0
    room = top - distance
    measure = (section.page_width - section.left_margin - section.right_margin) / _EMU
    found = []
    for ref in section._sectPr.iterchildren(f"{_W}headerReference"):
        kind = ref.get(f"{_W}type", "default")
        if kind == "first" and not section.different_first_page_header_footer:
            continue
        if kind == "even" and not document.settings.odd_and_even_pages_header_footer:
            continue
        hdr = document.part.rels[ref.get(f"{{{R_NS}}}id")].target_part.element
        height = content_height(document, hdr, measure)
        if height > room + 0.5:
            found.append((_KINDS.get(kind, kind), height, room))
    return found


def letterhead_sentences(document: Any, template: str, size: float | None) -> tuple[list[str], list[str]]:
    """(refusals, warnings): one sentence for each header too tall, naming the template and the
    heights.  On pleading paper (``size``: the court's size, whose double is a numbered line) it is
    a refusal: the text would leave the numbered lines; and the top margin must leave the page its
    28 lines and the page number's footer line below them."""
    from assembler.papers.wordxml import PLEADING_LINES, pleading_top_limit

    refusals, warnings = [], []
    section = document.sections[0]
    top = section.top_margin.pt if section.top_margin is not None else 72.0
    highest = None
    if size is not None:
        line = size * 2
        highest = pleading_top_limit(section.page_height.pt if section.page_height is not None else 792.0, size)
        if top > highest:
            refusals.append(
                f"template {template}: its top margin ({top:.0f} pt) leaves the page less than pleading "
                f"paper's {PLEADING_LINES} numbered lines of {line:.0f} pt and the page number's line below "
                f"them; on this paper the top margin can be at most {highest:.0f} pt"
            )
    for kind, height, room in too_tall(document):
        said = (
            f"template {template}: its {kind} is {height:.0f} pt tall, taller than the {room:.0f} pt "
            f"between the header's distance from the top edge ({top - room:.0f} pt) and the top margin "
            f"({top:.0f} pt), so Word and LibreOffice push the body down"
        )
        if highest is not None:
            needed = top - room + height
            remedy = (
                f"make the letterhead shorter, or in Word's Layout > Margins raise the top margin to at "
                f"least {needed:.0f} pt, or lower the header's distance"
                if needed <= highest
                else f"make the letterhead at most {highest - (top - room):.0f} pt tall, or lower the header's "
                f"distance: a top margin of {needed:.0f} pt would leave no room for the {PLEADING_LINES} "
                f"numbered lines (at most {highest:.0f} pt)"
            )
            refusals.append(f"{said} and its lines leave the pleading paper's numbered lines ({remedy})")
        else:
            warnings.append(
                f"{said}, and the page holds fewer lines (make the letterhead shorter or the margin taller)"
            )
    return refusals, warnings
