"""A draft's document properties: what Word shows under File > Info, set from the case.

The title is the paper's own, the subject the case, the author counsel who
sign it (the court, for a proposed order), the language en-US, and the dates
the paper's own date -- a proposed order without a date of its own is dated
as lodged, with the motion -- so that a draft's bytes depend on its answers
alone.  ``docProps/app.xml`` says which program wrote it and claims no page or
word count (Word computes those when it saves).  Word's document id
(``w14:docId`` in settings.xml) is the draft's own, derived from the case
number and the paper: unique to the draft, the same run after run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from docx.text.paragraph import Paragraph
from lxml import etree

from assembler.answers.matter import Matter
from assembler.papers import styles
from assembler.papers.registry import paper
from assembler.papers.registry import paper_date as dated

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"

_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>assembler {version}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def set_properties(document: Any, matter: Matter, document_id: str, paper_date: dt.date | None) -> None:
    from assembler import __version__

    a = matter.answers
    props = document.core_properties
    props.title = _paper_title(document)
    plaintiffs = a.parties.plaintiffs[0].name + (" et al." if len(a.parties.plaintiffs) > 1 else "")
    defendants = a.parties.defendants[0].name + (" et al." if len(a.parties.defendants) > 1 else "")
    props.subject = f"{plaintiffs} v. {defendants}, No. {a.case.number} ({matter.court.name})"
    side = paper(document_id).signed_by
    block = getattr(a.counsel, side) if side else None
    props.author = (
        ", ".join(attorney.name for attorney in block.attorneys)
        if block is not None
        else f"United States District Court for the {matter.court.name}"
    )
    props.last_modified_by = ""
    props.language = "en-US"
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    if paper_date is None and side is None:  # a proposed order: lodged with the motion
        paper_date = dated(matter, "motion")[0]
    when = dt.datetime.combine(paper_date or a.order.date, dt.time(12, 0))
    props.created = props.modified = when
    set_document_id(document, document_id_of(a.case.number, document_id))
    for part in document.part.package.parts:
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP.format(version=__version__).encode("utf-8")


def _paper_title(document: Any) -> str:
    """The text of the first paragraph in the Paper Title style (found by its name, as a firm's
    template may give it another id), read from the XML without python-docx's style lookups."""
    ids = {
        style.get(f"{{{W_NS}}}styleId")
        for style in document.styles.element.iterchildren(f"{{{W_NS}}}style")
        if style.find(f"{{{W_NS}}}name") is not None
        and style.find(f"{{{W_NS}}}name").get(f"{{{W_NS}}}val") == styles.PAPER_TITLE.name
    }
    if len(ids) == 1 and None not in ids:  # one query, not a proxy of every paragraph
        found = _STYLED(document.element.body, style=next(iter(ids)))
        return " ".join(Paragraph(found[0], document).text.split()) if found else ""
    for element in document.element.body.iterchildren(f"{{{W_NS}}}p"):
        style = element.find(f"{{{W_NS}}}pPr/{{{W_NS}}}pStyle")
        if style is not None and style.get(f"{{{W_NS}}}val") in ids:
            return " ".join(Paragraph(element, document).text.split())  # line breaks, nbsp as spaces
    return ""


# the body's paragraphs (not those in tables) whose style -- the first pPr/pStyle, as ``find``
# reads it -- is $style, in document order
_STYLED = etree.XPath("w:p[(w:pPr/w:pStyle)[1]/@w:val = $style]", namespaces={"w": W_NS})


def document_id_of(case_number: str, paper_id: str) -> str:
    """Word's ``w14:docId`` for a draft: eight hex digits of a hash of the case and the paper
    (below 0x80000000 and never 0, as Word writes them)."""
    digest = hashlib.sha256(f"{case_number}\n{paper_id}".encode()).digest()
    value = int.from_bytes(digest[:4], "big") & 0x7FFFFFFF
    return f"{value or 1:08X}"


def set_document_id(document: Any, value: str) -> None:
    """Put ``value`` in settings.xml's ``w14:docId`` (added at the end where the template has none)."""
    settings = document.settings.element
    node = settings.find(f"{{{W14_NS}}}docId")
    if node is None:
        node = settings.makeelement(f"{{{W14_NS}}}docId", {})
        settings.append(node)
    node.set(f"{{{W14_NS}}}val", value)
