"""Balanced titles: a paper's title that takes two lines breaks where both lines are even.

Word breaks a long centred title where the first line is full, which leaves
"... OF / MAY 22, 2024 ORDER" or a lone "ORDER".  A court paper's title is
set in balanced lines instead.  The title's width is measured in the
template's own font: the title style's face (bold or not), its advance widths
read from the installed font file (``fonts``); where that font is not
installed, with the widths of Times bold (the shipped templates' face) and a
note saying so.  The fewest lines that hold it are chosen, and among the ways to
break it into that many lines at its ordinary spaces (never at a non-breaking
space: dates and "ECF No. 18" stay whole), each line no longer than the one
above it (the inverted pyramid of a court's title), the one whose longest
line is shortest wins.  The breaks are Word line breaks in the rendered title.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from lxml import etree

from assembler.papers import fonts, styles
from assembler.papers.wordxml import W_NS

# Advance widths of Times bold in 1/1000 em: the Adobe Core 14 metrics, which
# Times New Roman Bold and Liberation Serif Bold share -- the estimate where the
# template's font is not installed.
_WIDTHS = {
    " ": 250,
    "A": 722,
    "B": 667,
    "C": 722,
    "D": 722,
    "E": 667,
    "F": 611,
    "G": 778,
    "H": 778,
    "I": 389,
    "J": 500,
    "K": 778,
    "L": 667,
    "M": 944,
    "N": 722,
    "O": 778,
    "P": 611,
    "Q": 778,
    "R": 722,
    "S": 556,
    "T": 667,
    "U": 722,
    "V": 722,
    "W": 1000,
    "X": 722,
    "Y": 722,
    "Z": 667,
    "a": 500,
    "b": 556,
    "c": 444,
    "d": 556,
    "e": 444,
    "f": 333,
    "g": 500,
    "h": 556,
    "i": 278,
    "j": 333,
    "k": 556,
    "l": 278,
    "m": 833,
    "n": 556,
    "o": 500,
    "p": 556,
    "q": 556,
    "r": 444,
    "s": 389,
    "t": 333,
    "u": 556,
    "v": 500,
    "w": 722,
    "x": 500,
    "y": 500,
    "z": 444,
    "0": 500,
    "1": 500,
    "2": 500,
    "3": 500,
    "4": 500,
    "5": 500,
    "6": 500,
    "7": 500,
    "8": 500,
    "9": 500,
    ".": 250,
    ",": 250,
    ";": 333,
    ":": 333,
    "'": 278,
    "’": 333,
    "“": 500,
    "”": 500,
    '"': 555,
    "(": 333,
    ")": 333,
    "[": 333,
    "]": 333,
    "-": 333,
    "–": 500,
    "—": 1000,
    "&": 833,
    "/": 278,
    "§": 500,
    "$": 500,
    "%": 1000,
    "!": 333,
    "?": 500,
    "\u00a0": 250,
}
_UNKNOWN = 1000  # a letter we have no width for counts as the widest: never too narrow
_FIT = 0.97  # a line is taken to fit when it fills at most this much of the measure


Widths = dict[str, float]  # advance widths in 1/1000 em, by character


def width(text: str, size: float, widths: Widths | None = None) -> float:
    """The width of ``text`` in points, in a font of ``size`` points (``widths``; Times bold)."""
    table = _WIDTHS if widths is None else widths
    return sum(table.get(c, _UNKNOWN) for c in text) * size / 1000


def balanced_breaks(text: str, size: float, measure: float, widths: Widths | None = None) -> list[int]:
    """Indexes of the spaces of ``text`` to break at (none when it fits on one line)."""
    limit = measure * _FIT
    if width(text, size, widths) <= limit:
        return []
    spaces = [i for i, c in enumerate(text) if c == " "]
    bounds = [-1, *spaces, len(text)]  # line k runs from bounds[a] + 1 to bounds[b]

    def line(a: int, b: int) -> float:
        return width(text[bounds[a] + 1 : bounds[b]], size, widths)

    @cache
    def best(start: int, lines: int, ceiling: float) -> tuple[float, tuple[int, ...]]:
        """The smallest longest line setting text from bounds[start] in ``lines`` lines,
        none longer than ``ceiling`` (the line above it)."""
        last = len(bounds) - 1
        if lines == 1:
            rest = line(start, last)
            return (rest, ()) if rest <= ceiling else (float("inf"), ())
        result: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for cut in range(start + 1, last):
            head = line(start, cut)
            if head > ceiling:
                break
            longest, rest_cuts = best(cut, lines - 1, head)
            candidate = (max(head, longest), (cut, *rest_cuts))
            if candidate[0] < result[0]:
                result = candidate
        return result

    for lines in range(2, len(bounds)):
        longest, cuts = best(0, lines, limit)
        if longest <= limit:
            return [bounds[c] for c in cuts]
    return []  # a single word wider than the line: leave it to Word


@lru_cache(maxsize=256)
def _breaks(text: str, size: float, measure: float, family: str | None, bold: bool) -> tuple[int, ...]:
    """``balanced_breaks`` in the face named, where it is installed; once per process for each
    title (every case of a batch has the same titles, and each is tried line by line)."""
    return tuple(balanced_breaks(text, size, measure, fonts.widths(family, bold) if family else None))


def balance(paragraph: Any, size: float, measure: float, family: str | None = None, bold: bool = True) -> None:
    """Break the title ``paragraph`` (a ``w:p``) into balanced lines, in place, measured in
    ``family`` (Times bold where it is not installed or not named)."""
    w = f"{{{W_NS}}}"
    texts = list(paragraph.iter(f"{w}t"))
    whole = "".join(t.text or "" for t in texts)
    breaks = set(_breaks(whole, size, measure, family, bold))
    if not breaks:
        return
    offset = 0
    for t in texts:
        text = t.text or ""
        cuts = [i - offset for i in sorted(breaks) if offset <= i < offset + len(text)]
        offset += len(text)
        if not cuts:
            continue
        pieces, start = [], 0
        for cut in cuts:
            pieces.append(text[start:cut])
            start = cut + 1  # the space itself gives way to the break
        pieces.append(text[start:])
        t.text = pieces[0]
        anchor = t
        for piece in pieces[1:]:
            br = t.makeelement(f"{w}br", {})
            anchor.addnext(br)
            new = t.makeelement(f"{w}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            new.text = piece
            br.addnext(new)
            anchor = new


def balance_titles(document: Any, style_id: str = styles.PAPER_TITLE.id) -> str | None:
    """Balance every paragraph of ``style_id`` in the document's body, measured in the style's
    font; returns a note when that font is not installed (the titles were measured as Times bold)."""
    section = document.sections[0]
    measure = (section.page_width - section.left_margin - section.right_margin) / 12700
    size = _style_size(document, style_id)
    family, bold = style_font(document, style_id)
    for paragraph in _STYLED(document.element.body, style=style_id):
        balance(paragraph, size, measure, family, bold)
    if family and fonts.widths(family, bold) is not None:
        return None
    face = f"{family}{' bold' if bold else ''}" if family else "a theme font the template does not name"
    return (
        f"its titles are set in {face}, which is not installed here: their lines were balanced "
        "by the widths of Times bold, and Word may break them differently (install the font and "
        "draft again)"
    )


# every paragraph whose style (its first pPr/pStyle, as ``find`` reads it) is $style, in document
# order: one query, where a walk made a proxy of every paragraph and its properties
_STYLED = etree.XPath(".//w:p[(w:pPr/w:pStyle)[1]/@w:val = $style]", namespaces={"w": W_NS})


def _style_chain(document: Any, style_id: str) -> list[Any]:
    """The style and those it is ``basedOn``, nearest first."""
    w = f"{{{W_NS}}}"
    by_id = {s.get(f"{w}styleId"): s for s in document.styles.element.iterchildren(f"{w}style")}
    chain, style = [], by_id.get(style_id)
    while style is not None and style not in chain:
        chain.append(style)
        based = style.find(f"{w}basedOn")
        style = by_id.get(based.get(f"{w}val")) if based is not None else None
    return chain


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _theme_font(document: Any, theme: str) -> str | None:
    """The typeface a theme font (``minorHAnsi``, ``majorHAnsi``...) names in the document's
    theme (Word's Design > Fonts), or None where the document has no theme that says."""
    kind = "majorFont" if theme.startswith("major") else "minorFont"
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            latin = root.find(f".//{{{_A_NS}}}{kind}/{{{_A_NS}}}latin")
            if latin is not None and latin.get("typeface"):
                return str(latin.get("typeface"))
    return None


def style_font(document: Any, style_id: str) -> tuple[str | None, bool]:
    """The font family a paragraph of ``style_id`` is set in (its own, a style it is based on, or
    the document's default; a theme font as the theme names it, None where it does not) and
    whether the style is bold."""
    w = f"{{{W_NS}}}"
    chain = _style_chain(document, style_id)
    defaults = document.styles.element.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr")
    family = None
    for rpr in [s.find(f"{w}rPr") for s in chain] + [defaults]:
        fonts_el = rpr.find(f"{w}rFonts") if rpr is not None else None
        if fonts_el is not None and (fonts_el.get(f"{w}ascii") or fonts_el.get(f"{w}asciiTheme")):
            theme = fonts_el.get(f"{w}asciiTheme")  # Word gives the theme's font precedence
            family = _theme_font(document, theme) if theme else fonts_el.get(f"{w}ascii")
            break
    else:
        family = "Times New Roman"  # Word's own default, where nothing names a font
    bold = False
    for style in chain:
        b = style.find(f"{w}rPr/{w}b")
        if b is not None:
            bold = b.get(f"{w}val", "true") not in ("0", "false", "off")
            break
    return family, bold


def _style_size(document: Any, style_id: str) -> float:
    """The style's font size in points, looked up through its ``basedOn`` chain."""
    w = f"{{{W_NS}}}"
    styles = {s.get(f"{w}styleId"): s for s in document.styles.element.iterchildren(f"{w}style")}
    style = styles.get(style_id)
    while style is not None:
        sz = style.find(f"{w}rPr/{w}sz")
        if sz is not None:
            return int(sz.get(f"{w}val")) / 2
        based = style.find(f"{w}basedOn")
        style = styles.get(based.get(f"{w}val")) if based is not None else None
    return 12.0
