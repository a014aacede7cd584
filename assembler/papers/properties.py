"""A draft's document properties: what Word shows under File > Info, set from the case.

The title is the paper's own, the subject the case, the author counsel who
sign it (the court, for a proposed order), the language en-US, and the dates
the paper's own date, so that a draft's bytes depend on its answers alone.
``docProps/app.xml`` says which program wrote it and claims no page or word
count (Word computes those when it saves).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assembler.answers.matter import Matter
from assembler.papers import styles
from assembler.papers.registry import paper

_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>assembler {version}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>")


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
    props.author = (", ".join(attorney.name for attorney in block.attorneys) if block is not None
                    else f"United States District Court for the {matter.court.name}")
    props.last_modified_by = ""
    props.language = "en-US"
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    when = dt.datetime.combine(paper_date or a.order.date, dt.time(12, 0))
    props.created = props.modified = when
    for part in document.part.package.parts:
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP.format(version=__version__).encode("utf-8")


def _paper_title(document: Any) -> str:
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == styles.PAPER_TITLE.name:
            return " ".join(paragraph.text.split())  # its line breaks and non-breaking spaces as spaces
    return ""
