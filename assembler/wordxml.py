"""The little WordprocessingML we write ourselves: runs, footnote references, footnotes.

python-docx has no footnote API and docxtpl cannot create footnotes, so this is
the one module that touches raw Word XML.  Bottom layer: string builders for
runs and footnote elements.  Top layer: ``attach_footnotes`` puts the notes of a
rendered document into its footnotes part, creating the part (and the two
footnote styles) when the template has none.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # not allowed in XML (tab and newline are)


def run(text: str, *, italic: bool = False, bold: bool = False, superscript: bool = False,
        style: str | None = None) -> str:
    """One ``w:r`` holding ``text``, escaped; XML-illegal control characters are dropped."""
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
    clean = _CONTROL.sub("", text)
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(clean)}</w:t></w:r>'


def footnote_reference(note_id: int) -> str:
    """The run in body text that Word numbers and links to footnote ``note_id``."""
    return (f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>')


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
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, EMPTY_FOOTNOTES.encode("utf-8"),
                main.package)
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
    blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
    closing = blob.rindex("</w:footnotes>")
    # keep the template's own notes; ours use ids above any id it has
    body = "".join(footnote(note_id, runs) for note_id, runs in notes)
    body = body.replace(f' xmlns:w="{W_NS}"', "")
    part._blob = (blob[:closing] + body + blob[closing:]).encode("utf-8")
    _ensure_styles(document)


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


def footnote_texts(document: Document) -> list[str]:
    """The text of each footnote the document has (Word's separators left out)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return [_text(n) for n in root.findall(f"{{{W_NS}}}footnote")
                    if n.get(f"{{{W_NS}}}type") is None]
    return []


def paragraph_texts(element: Any) -> list[str]:
    """The text of each paragraph under ``element`` (a body, a table), in order."""
    return [_text(p) for p in element.iter(f"{{{W_NS}}}p")]


def number_lines(document: Document) -> None:
    """Pleading-paper line numbers in the margin, restarting on each page."""
    for section in document.sections:
        sect_pr = section._sectPr
        for old in sect_pr.findall(f"{{{W_NS}}}lnNumType"):
            sect_pr.remove(old)
        numbering = parse_xml(f'<w:lnNumType xmlns:w="{W_NS}" w:countBy="1" w:distance="360" '
                              'w:restart="newPage"/>')
        # CT_SectPr's sequence: lnNumType comes after pgMar and paperSrc, before pgNumType
        anchor = sect_pr.find(f"{{{W_NS}}}paperSrc")
        if anchor is None:
            anchor = sect_pr.find(f"{{{W_NS}}}pgMar")
        if anchor is not None:
            anchor.addnext(numbering)
        else:
            sect_pr.insert(0, numbering)


def set_font_sizes(document: Document, size: float, footnote_size: float) -> None:
    """Put the papers in the court's size (in points): 12 in New York, 13 in Arizona.

    A style in the template's text size takes the court's size; a style the
    template made bigger (or smaller) keeps its own, raised to the court's
    minimum where it falls below it.  Footnotes take the court's footnote size.
    """
    w = f"{{{W_NS}}}"
    styles = list(document.styles.element.iterchildren(f"{w}style"))
    normal = next((s for s in styles if s.get(f"{w}styleId") == "Normal"), None)
    base_sz = normal.find(f"{w}rPr/{w}sz") if normal is not None else None
    base = int(base_sz.get(f"{w}val", "0")) if base_sz is not None else None
    for style in styles:
        if style.get(f"{w}type") != "paragraph":
            continue
        sz = style.find(f"{w}rPr/{w}sz")
        if sz is None:
            continue
        target = footnote_size if style.get(f"{w}styleId") == FOOTNOTE_TEXT else size
        own = int(sz.get(f"{w}val", "0"))
        value = int(target * 2) if own == base or own < target * 2 else own
        sz.set(f"{w}val", str(value))
        cs = style.find(f"{w}rPr/{w}szCs")
        if cs is not None:
            cs.set(f"{w}val", str(value))
