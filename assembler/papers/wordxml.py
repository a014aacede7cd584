"""The little WordprocessingML we write ourselves: runs, footnote references, footnotes.

python-docx has no footnote API and docxtpl cannot create footnotes, so this is
the one module that touches raw Word XML.  Bottom layer: string builders for
runs and footnote elements.  Top layer: ``attach_footnotes`` puts the notes of a
rendered document into its footnotes part, creating the part (and the two
footnote styles) when the template has none.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Twips
from lxml import etree

from assembler.answers.reader import without_controls
from assembler.papers import styles
from assembler.papers.nobreak import nobreak

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_TEXT = styles.FOOTNOTE_TEXT.id
FOOTNOTE_REFERENCE = styles.FOOTNOTE_REFERENCE.id


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape``, whose module imports ``urllib.request`` (and ``ssl``, ``http``)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


# the runs already made: a case's texts are set in every paper of its set, and the library's
# in every case of a batch; bounded (emptied when full)
_RUNS: dict[tuple[str, bool, bool, bool, str | None], str] = {}
_RUNS_MAX = 20_000


def run(
    text: str, *, italic: bool = False, bold: bool = False, superscript: bool = False, style: str | None = None
) -> str:
    """One ``w:r`` holding ``text``, escaped, its citations unbreakable (``nobreak``);
    XML-illegal control characters are dropped."""
    key = (text, italic, bold, superscript, style)
    made = _RUNS.get(key)
    if made is None:
        if len(_RUNS) >= _RUNS_MAX:
            _RUNS.clear()
        made = _RUNS[key] = _run(text, italic, bold, superscript, style)
    return made


def _run(text: str, italic: bool, bold: bool, superscript: bool, style: str | None) -> str:
    props = []
    if style:
        props.append(f'<w:rStyle w:val="{style}"/>')
    if bold:
        props.append("<w:b/><w:bCs/>")
    if italic:
        props.append("<w:i/><w:iCs/>")
    if superscript:
        props.append('<w:vertAlign w:val="superscript"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    clean = without_controls(text, "")  # the reader refuses them; XML allows none of \x00-\x1f
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(nobreak(clean))}</w:t></w:r>'


def keep_citations_whole(document: Document) -> None:
    """``nobreak`` on the text the templates printed themselves (a rule's citation, the case
    number in the caption): every text of the body, where ``run`` did not write it."""
    for t in document.element.body.iter(f"{{{W_NS}}}t"):
        text = t.text
        if text and " " in text:
            done = nobreak(text)
            if done != text:  # most were written by ``run``: already done, and left alone
                t.text = done


def footnote_reference(note_id: int) -> str:
    """The run in body text that Word numbers and links to footnote ``note_id``."""
    return f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def footnote(note_id: int, runs_xml: str) -> str:
    """A ``w:footnote`` element: one paragraph, Word's own number mark, a space, the text."""
    return (
        f'<w:footnote xmlns:w="{W_NS}" w:id="{note_id}"><w:p>'
        f'<w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs_xml}</w:p></w:footnote>'
    )


EMPTY_FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)

_STYLES = {
    FOOTNOTE_TEXT: (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{FOOTNOTE_TEXT}">'
        '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    ),
    FOOTNOTE_REFERENCE: (
        f'<w:style xmlns:w="{W_NS}" w:type="character" w:styleId="{FOOTNOTE_REFERENCE}">'
        '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    ),
}


def _footnotes_part(document: Document) -> Part:
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, EMPTY_FOOTNOTES.encode("utf-8"), main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part


def _ensure_styles(document: Document) -> None:
    styles = document.styles.element
    present = {s.get(f"{{{W_NS}}}styleId") for s in styles.findall(f"{{{W_NS}}}style")}
    for style_id, xml in _STYLES.items():
        if style_id not in present:
            styles.append(parse_xml(xml))


def attach_footnotes(document: Document, notes: list[tuple[int, str]]) -> None:
    """Append ``(id, runs_xml)`` notes to the document's footnotes part."""
    if not notes:
        return
    part = _footnotes_part(document)
    before = part.blob
    blob = before.decode("utf-8") if isinstance(before, bytes) else before
    closing = blob.rindex("</w:footnotes>")
    # keep the template's own notes; ours use ids above any id it has
    body = "".join(footnote(note_id, runs) for note_id, runs in notes)
    body = body.replace(f' xmlns:w="{W_NS}"', "")
    part._blob = (blob[:closing] + body + blob[closing:]).encode("utf-8")
    _ensure_styles(document)
    ours = [_runs_text(runs) for _, runs in notes]
    if isinstance(before, bytes) and None not in ours:  # what footnote_texts would read
        _NOTE_TEXTS[part] = (part._blob, [*_kept_note_texts(before), *(f" {text}" for text in ours)])


# runs as ``run`` and ``footnote_reference`` write them, and the text of each
_RUNS_ONLY = re.compile(
    r"(?:<w:r>(?:<w:rPr>(?:<[^<>]*/>)*</w:rPr>)?"
    r'(?:<w:t xml:space="preserve">[^<]*</w:t>|<w:footnoteReference [^<>]*/>)</w:r>)*'
)
_RUN_TEXT = re.compile(r'<w:t xml:space="preserve">([^<]*)</w:t>')


def _runs_text(runs_xml: str) -> str | None:
    """The text of runs that ``run`` wrote (escaped by ``escape``), read without parsing;
    None for any other XML."""
    if _RUNS_ONLY.fullmatch(runs_xml) is None:
        return None
    text = "".join(_RUN_TEXT.findall(runs_xml))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") if "&" in text else text


# the notes of the templates' own footnotes parts, by blob (the same bytes in every copy)
_TEMPLATE_NOTES: dict[int, tuple[bytes, list[str]]] = {}


def _kept_note_texts(blob: bytes) -> list[str]:
    kept = _TEMPLATE_NOTES.get(id(blob))
    if kept is None or kept[0] is not blob:
        if len(_TEMPLATE_NOTES) >= 64:
            _TEMPLATE_NOTES.clear()
        kept = _TEMPLATE_NOTES[id(blob)] = (blob, _note_texts(etree.fromstring(blob, _READER)))
    return kept[1]


def highest_footnote_id(document: Document) -> int:
    """The largest footnote id the template already uses (0 when it has none)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            ids = [int(n.get(f"{{{W_NS}}}id")) for n in root.findall(f"{{{W_NS}}}footnote")]
            return max(ids + [0])
    return 0


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}tab"))


# what footnote_texts read, by footnotes part: the blob it read and the texts
_NOTE_TEXTS: weakref.WeakKeyDictionary[Part, tuple[bytes, list[str]]] = weakref.WeakKeyDictionary()
# python-docx's parser without its element classes: the texts are read, never changed
_READER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_FOOTNOTE, _T, _TAB, _TYPE = (f"{{{W_NS}}}{name}" for name in ("footnote", "t", "tab", "type"))


def _note_texts(root: Any) -> list[str]:
    """``_text`` of each footnote under ``root`` but Word's separators (which have a type),
    in one walk over the notes and their texts (a note's own walk cost three times more)."""
    notes: list[list[str]] = []
    note: list[str] | None = None
    for element in root.iter(_FOOTNOTE, _T, _TAB):
        if element.tag == _FOOTNOTE:
            note = [] if element.get(_TYPE) is None else None
            if note is not None:
                notes.append(note)
        elif note is not None and element.text:
            note.append(element.text)
    return ["".join(note) for note in notes]


def footnote_texts(document: Document) -> list[str]:
    """The text of each footnote the document has (Word's separators left out).

    Read once for each text of the part (the word count and the consistency check each ask,
    and a paper may have thousands of notes): kept while the part's blob is the same."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            blob = part.blob
            kept = _NOTE_TEXTS.get(part)
            if kept is not None and kept[0] is blob:
                return list(kept[1])
            texts = _note_texts(etree.fromstring(blob, _READER))
            _NOTE_TEXTS[part] = (blob, texts)
            return list(texts)
    return []


def paragraph_texts(element: Any) -> list[str]:
    """The text of each paragraph under ``element`` (a body, a table), in order."""
    return [_text(p) for p in element.iter(f"{{{W_NS}}}p")]


PLEADING_LINES = 28
FOOTER_LINE = 1.15  # the page number's footer on pleading paper: one exact line, at this times the size
COUNSEL_LINES = 7  # Civil L.R. 3-4(a)(3): the court's title commences on the eighth line
SINGLE_SPACED = styles.SINGLE_SPACED
FOOTER = styles.FOOTER.id


def _in_sequence(sect_pr: Any, element: Any, after: tuple[str, ...]) -> None:
    """Put ``element`` into ``sect_pr`` after the last of the ``after`` children present."""
    for name in reversed(after):
        anchor = sect_pr.find(f"{{{W_NS}}}{name}")
        if anchor is not None:
            anchor.addnext(element)
            return
    sect_pr.insert(0, element)


def _header_element(document: Document, sect_pr: Any, kind: str) -> Any:
    """The ``w:hdr`` a section shows on its ``kind`` of page (default, first, even), as the
    package will save it: docxtpl replaces a rendered header's part in the relationships, which
    python-docx's own header objects do not see."""
    w = f"{{{W_NS}}}"
    for ref in sect_pr.iterchildren(f"{w}headerReference"):
        if ref.get(f"{w}type") == kind:
            return document.part.rels[ref.get(f"{{{R_NS}}}id")].target_part.element
    raise ValueError(f"the section has no {kind} header")  # is_linked_to_previous = False made one


def _number_column(section: Any, top: int, line: int, size: float, shape_id: str = "PleadingNumbers") -> str:
    """A header paragraph anchoring a text box: the numbers, right-aligned, left of the text."""
    half = int(size * 2)
    numbers = "".join(
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        f'<w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        f"</w:rPr><w:t>{n}</w:t></w:r></w:p>"
        for n in range(1, PLEADING_LINES + 1)
    )
    left = int(section.left_margin.twips) / 20 - 36  # points from the page edge
    return (
        f'<w:p xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="{shape_id}" type="#_x0000_t202" stroked="f" filled="f" style="'
        f"position:absolute;margin-left:{left - 30:.1f}pt;margin-top:{top / 20:.1f}pt;"
        f"width:26pt;height:{(PLEADING_LINES + 1) * line / 20:.1f}pt;z-index:-1;"
        'mso-position-horizontal-relative:page;mso-position-vertical-relative:page">'
        '<v:textbox inset="0pt,0pt,0pt,0pt"><w:txbxContent>'
        f"{numbers}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )


_AFTER_SPACING = {
    f"{{{W_NS}}}{name}"
    for name in (
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
}


def _spacing(paragraph: Any) -> Any:
    w = f"{{{W_NS}}}"
    p_pr = paragraph.find(f"{w}pPr")
    if p_pr is None:
        p_pr = parse_xml(f'<w:pPr xmlns:w="{W_NS}"/>')
        paragraph.insert(0, p_pr)
    spacing = p_pr.find(f"{w}spacing")
    if spacing is None:
        spacing = parse_xml(f'<w:spacing xmlns:w="{W_NS}"/>')
        later = next((child for child in p_pr if child.tag in _AFTER_SPACING), None)
        if later is not None:  # where the schema's sequence puts it
            later.addprevious(spacing)
        else:
            p_pr.append(spacing)
    return spacing


def _on_the_numbers(document: Document, line: int) -> None:
    """Single-spaced blocks (counsel, signature) put every other line on a number.

    Half a line before the block puts its first line on a number; after a
    block of an even number of lines, half a line more before the paragraph
    that follows puts the text after it back on the numbers.  A block's lines
    are counted as its paragraphs: counsel and signature lines are short.
    Counsel's block that opens the paper sits on lines 1 to 7, and what follows
    it (the court's title) starts on line 8, or right after the block where it
    needs more lines (Civil L.R. 3-4(a)(3)).
    """
    w = f"{{{W_NS}}}"
    befores = {
        style.get(f"{w}styleId"): int(spacing.get(f"{w}before", "0"))
        for style in document.styles.element.iterchildren(f"{w}style")
        if (spacing := style.find(f"{w}pPr/{w}spacing")) is not None
    }
    run: list[Any] = []
    opening = True  # no paragraph of another style yet: a block here is counsel's, at the top
    for paragraph in document.element.body.iterchildren(f"{w}p"):
        style = paragraph.find(f"{w}pPr/{w}pStyle")
        style_id = style.get(f"{w}val") if style is not None else "Normal"
        if style_id in SINGLE_SPACED:
            if not run:
                _spacing(paragraph).set(f"{w}before", str(line // 2))
            run.append(paragraph)
            continue
        if run:
            spacing = _spacing(paragraph)
            own = spacing.get(f"{w}before")
            before = int(own) if own is not None else befores.get(style_id, 0)
            end = (len(run) + 1) * (line // 2)  # where the block ends, from its top
            if opening and end < COUNSEL_LINES * line:
                before = max(before, COUNSEL_LINES * line - end)
            elif len(run) % 2 == 0:
                before += line // 2
            spacing.set(f"{w}before", str(before))
        run = []
        opening = False


def pleading_top_limit(page_height: float, size: float) -> float:
    """The tallest top margin (points) that leaves a page of ``page_height`` points the 28
    numbered lines of pleading paper at ``size`` and the page number's footer line below them."""
    return page_height - PLEADING_LINES * size * 2 - round(size * FOOTER_LINE * 20) / 20


def pleading_paper(document: Document, size: float) -> None:
    """California pleading paper: numbers 1-28 down the left margin of every page, with rules.

    The numbers are a text box anchored in the page header, so every page
    carries them whatever the text does.  They stand on exact double-spaced
    lines (twice the court's size), and so does every double-spaced style of
    the body (caption included), with space before and after rounded up to
    whole lines: each line of text sits on a number.  The counsel block,
    quotations and the signature take exact half lines (Civil L.R. 3-4(c)
    lets counsel's identification, quotations and footnotes be single-spaced),
    placed so that every other line of them, and all text after them, sits
    on a number; footnotes keep their own spacing.  The
    text area holds exactly 28 lines; the page number's footer, one exact
    line, sits in the middle of the bottom margin that is left, so that it
    never takes a line from the text.  The margin rules are page borders:
    a double rule left of the text, a single rule right of it.
    """
    w = f"{{{W_NS}}}"
    line = round(size * 2 * 20)  # one numbered line, in twips
    footer_line = round(size * FOOTER_LINE * 20)
    for style in document.styles.element.iterchildren(f"{w}style"):
        style_id = style.get(f"{w}styleId")
        if style.get(f"{w}type") != "paragraph" or style_id == FOOTNOTE_TEXT:
            continue
        if style_id == FOOTER:
            spacing = style.find(f"{w}pPr/{w}spacing")
            if spacing is None:
                continue
            for key, value in (("before", "0"), ("after", "0"), ("line", str(footer_line)), ("lineRule", "exact")):
                spacing.set(f"{w}{key}", value)
            continue
        spacing = style.find(f"{w}pPr/{w}spacing")
        if spacing is None:
            continue
        spacing.set(f"{w}line", str(line // 2 if style_id in SINGLE_SPACED else line))
        spacing.set(f"{w}lineRule", "exact")
        for edge in ("before", "after"):
            if spacing.get(f"{w}{edge}") is not None:
                spacing.set(f"{w}{edge}", str(-(-int(spacing.get(f"{w}{edge}")) // line) * line))
    _on_the_numbers(document, line)
    for section in document.sections:
        sect_pr = section._sectPr
        for old in sect_pr.findall(f"{w}lnNumType") + sect_pr.findall(f"{w}pgBorders"):
            sect_pr.remove(old)
        top = int(section.top_margin.twips) if section.top_margin is not None else 1440
        height = int(section.page_height.twips) if section.page_height is not None else 15840
        bottom = height - top - PLEADING_LINES * line
        section.bottom_margin = Twips(bottom)
        section.footer_distance = Twips(max(0, (bottom - footer_line) // 2))
        _in_sequence(
            sect_pr,
            parse_xml(
                f'<w:pgBorders xmlns:w="{W_NS}" w:offsetFrom="text">'
                '<w:left w:val="double" w:sz="4" w:space="4" w:color="auto"/>'
                '<w:right w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pgBorders>'
            ),
            ("pgMar", "paperSrc"),
        )
        # every header a page can show carries the numbers: a firm's letterhead on the first page
        # (a first-page header) or on even pages keeps them, its own text beside them
        headers = [("", section.header)]
        if section.different_first_page_header_footer:
            headers.append(("First", section.first_page_header))
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(("Even", section.even_page_header))
        for name, header in headers:
            header.is_linked_to_previous = False
            hdr = _header_element(document, sect_pr, name.lower() or "default")
            for empty in [p for p in hdr.iterchildren(f"{w}p") if not _text(p)]:
                hdr.remove(empty)  # empty lines in the header would push the text off the numbers
            hdr.append(parse_xml(_number_column(section, top, line, size, f"PleadingNumbers{name}")))


def set_font_sizes(document: Document, size: float, footnote_size: float) -> None:
    """Put the papers in the court's size (in points): 12 in New York, 13 in Arizona.

    A style in the template's text size takes the court's size; a style the
    template made bigger (or smaller) keeps its own, raised to the court's
    minimum where it falls below it.  Footnotes take the court's footnote size.
    """
    w = f"{{{W_NS}}}"
    element = document.styles.element
    normal = next(iter(_NAMED(element, id="Normal")), None)
    base_sz = normal.find(f"{w}rPr/{w}sz") if normal is not None else None
    base = int(base_sz.get(f"{w}val", "0")) if base_sz is not None else None
    for style in _SIZED(element):  # one query, not a proxy of every style and its properties
        sz = style.find(f"{w}rPr/{w}sz")
        target = footnote_size if style.get(f"{w}styleId") == FOOTNOTE_TEXT else size
        own = int(sz.get(f"{w}val", "0"))
        value = int(target * 2) if own == base or own < target * 2 else own
        sz.set(f"{w}val", str(value))
        cs = style.find(f"{w}rPr/{w}szCs")
        if cs is not None:
            cs.set(f"{w}val", str(value))


_NAMED = etree.XPath("w:style[@w:styleId = $id]", namespaces={"w": W_NS})
_SIZED = etree.XPath("w:style[@w:type = 'paragraph'][w:rPr/w:sz]", namespaces={"w": W_NS})
