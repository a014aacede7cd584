"""Build the .docx templates in ``templates/`` from the outlines below.

The .docx files are the source a user edits (in Word or LibreOffice) for a
firm's letterhead; this script is how we make and review them: change an
outline here, run ``python tools/build_templates.py``, and the golden text
files of the rendered examples show the effect.  Tags are docxtpl's Jinja:
``{{r value}}`` prints rich text (its own run), ``{%p ... %}`` is a paragraph
that only carries a statement, ``{%p include "parts/caption.docx" %}`` pulls a
shared part in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from assembler.papers import styles, wordxml  # noqa: E402  (the one source of the footnotes part we write)
from assembler.papers.render import docx_bytes  # noqa: E402

OUT = ROOT / "templates"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FONT = "Times New Roman"
SIZE = 13  # LRCiv 7.1(b)(1); the renderer raises it where a court asks for more
_STYLE_NAMES = {s.name for s in styles.PARAGRAPH_STYLES}


# --------------------------------------------------------------------------- styles
def _plain_font(style, size=SIZE, bold=None, italic=None, caps=False):
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:color")):
        rpr.remove(old)
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.all_caps = caps


def _paragraph_style(
    doc,
    name,
    *,
    base="Normal",
    align=None,
    spacing=1.0,
    before=0,
    after=0,
    first_indent=None,
    left_indent=None,
    bold=None,
    caps=False,
    keep_next=False,
):
    assert name in _STYLE_NAMES, f"{name!r} is not in assembler/papers/styles.py"
    known = doc.styles
    style = known[name] if name in [s.name for s in known] else known.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = known[base]
    _plain_font(style, bold=bold, caps=caps)
    fmt = style.paragraph_format
    fmt.line_spacing = spacing
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    if align is not None:
        fmt.alignment = align
    if first_indent is not None:
        fmt.first_line_indent = first_indent
    if left_indent is not None:
        fmt.left_indent = left_indent
    return style


def _footnote_styles(doc):
    styles = doc.styles.element
    styles.append(
        parse_xml(
            f'<w:style {W} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr><w:spacing w:after="120" '
            f'w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="{FONT}" '
            f'w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="{SIZE * 2}"/><w:szCs w:val="{SIZE * 2}"/>'
            "</w:rPr></w:style>"
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {W} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )


def _footnotes_part(doc):
    """An empty footnotes part with Word's two separators, so notes can be added."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    blob = wordxml.EMPTY_FOOTNOTES
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        blob.encode(),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)


def new_document(*, footer: bool = True):
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
    _paragraph_style(doc, "Normal")
    doc.styles["Normal"].paragraph_format.widow_control = True  # no paragraph leaves one line behind
    _paragraph_style(doc, "Court Title", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _paragraph_style(doc, "Caption Text")
    _paragraph_style(doc, "Caption Role", left_indent=Inches(1.5))
    _paragraph_style(
        doc, "Paper Title", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=12, after=12, keep_next=True
    )
    _paragraph_style(
        doc,
        "Heading 1",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        bold=True,
        caps=True,
        before=12,
        after=0,
        spacing=2.0,
        keep_next=True,
    )
    _paragraph_style(
        doc,
        "Heading 2",
        bold=True,
        before=0,
        after=0,
        spacing=2.0,
        left_indent=Inches(0.5),
        first_indent=Inches(-0.5),
        keep_next=True,
    )
    _paragraph_style(doc, "Body Text", spacing=2.0, first_indent=Inches(0.5))
    _paragraph_style(doc, "List Number", spacing=2.0)
    _paragraph_style(doc, "Block Text", spacing=1.0)
    # typed block quotations (single-spaced, indented both sides), list items, sub-headings
    quote = _paragraph_style(doc, "Block Quote", spacing=1.0, after=12, left_indent=Inches(1))
    quote.paragraph_format.right_indent = Inches(1)
    _paragraph_style(doc, "List Item", spacing=2.0, left_indent=Inches(1), first_indent=Inches(-0.5))
    _paragraph_style(doc, "Heading 3", bold=True, spacing=2.0, keep_next=True)
    _paragraph_style(doc, "Re Line", align=WD_ALIGN_PARAGRAPH.CENTER, after=12)  # "Re: Dkt. No. 151"
    # "Dated: New York, New York" and the date under it, aligned, single-spaced
    _paragraph_style(doc, "Dated Line", spacing=1.0, keep_next=True)
    # "RESPECTFULLY SUBMITTED this ..." / "Dated: ...": the last line of the body (the word count stops
    # here), kept with the signature
    _paragraph_style(doc, "Closing", spacing=2.0, first_indent=Inches(0.5), keep_next=True)
    # the date under a party's "Dated: New York, New York", under its "Dated:"
    _paragraph_style(doc, "Closing Date", spacing=1.0, left_indent=Inches(0.5), keep_next=True)
    # a signature block stays whole by its lines' own keeps (``lines``): its last line keeps with
    # nothing, so the block goes with the paper's last paragraph, never with the certificate after it
    _paragraph_style(doc, "Signature", spacing=1.0, left_indent=Inches(3.25))
    # the page number: one line, single-spaced, centred in the bottom margin (pleading paper
    # narrows the margin and sets the line exactly: wordxml.pleading_paper)
    _paragraph_style(doc, "Footer", align=WD_ALIGN_PARAGRAPH.CENTER)
    _footnote_styles(doc)
    _footnotes_part(doc)
    if footer:
        foot = doc.sections[0].footer.paragraphs[0]
        foot.style = doc.styles["Footer"]
        foot._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


# --------------------------------------------------------------------------- outlines
def para(doc, style, *pieces):
    """A paragraph; each ``{{r ...}}`` piece gets a run of its own, as docxtpl needs."""
    assert style in _STYLE_NAMES, f"{style!r} is not in assembler/papers/styles.py"
    p = doc.add_paragraph(style=style)
    for piece in pieces:
        p.add_run(piece)
    return p


def keep(paragraph):
    """Keep ``paragraph`` on the page of the one after it (a date line with its signature)."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def lines(doc, style, values, text="{{ line }}", *, last_keeps=False):
    """A block of lines (a signature, counsel's address) that stays whole on one page: each line
    keeps with the next, the last only where ``last_keeps`` (it belongs with what follows)."""
    tag(doc, f"for line in {values}")
    if last_keeps:
        keep(para(doc, style, text))
    else:
        tag(doc, "if loop.last")
        para(doc, style, text)
        tag(doc, "else")
        keep(para(doc, style, text))
        tag(doc, "endif")
    tag(doc, "endfor")


def last_kept(doc, style, values):
    """Typed paragraphs of which only the last keeps with what follows (an order's last item with
    its date line): the others break across pages as text does."""
    tag(doc, f"for paragraph in {values}")
    tag(doc, "if loop.last")
    keep(para(doc, style, "{{r paragraph }}"))
    tag(doc, "else")
    para(doc, style, "{{r paragraph }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def heading(doc, text):
    """A section heading of an order, where the order's form has headings."""
    tag(doc, "if form.headings")
    para(doc, "Heading 1", text)
    tag(doc, "endif")


def tag(doc, statement):
    """A paragraph holding only a ``{%p ... %}`` statement (it vanishes when rendered)."""
    return doc.add_paragraph("{%p " + statement + " %}", style="Normal")


def rich_paragraphs(doc, style, values):
    """Typed paragraphs: each in ``style``, or as the block quotation, list item or
    sub-heading its markup makes it (``markup.Paragraph.kind``)."""
    tag(doc, f"for paragraph in {values}")
    tag(doc, "if paragraph.kind == 'quote'")
    para(doc, "Block Quote", "{{r paragraph }}")
    tag(doc, "elif paragraph.kind == 'item'")
    para(doc, "List Item", "{{ paragraph.marker }}\t", "{{r paragraph }}")
    tag(doc, "elif paragraph.kind == 'heading'")
    para(doc, "Heading 3", "{{r paragraph }}")
    tag(doc, "else")
    para(doc, style, "{{r paragraph }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def caption_part():
    doc = new_document(footer=False)
    tag(doc, "for line in court.caption")
    para(doc, "Court Title", "{{ line }}")
    tag(doc, "endfor")
    para(doc, "Caption Text", "")
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Inches(3.5), Inches(3.0)
    party_line = (
        "{{ party.lead }}{{ party.caption }}{% if 'description' in party %}, "
        "{{ party.description }}{% endif %}{{ party.end }}"
    )
    left.paragraphs[0].text = "{%p if in_re is defined %}"
    lines = [
        ("Caption Text", "{{ in_re }}"),
        ("Normal", "{%p else %}"),
        ("Normal", "{%p for party in plaintiffs %}"),
        ("Caption Text", party_line),  # "A; B; and C," -- or "A, et al.,"
        ("Normal", "{%p endfor %}"),
        ("Caption Text", ""),
        ("Caption Role", "{{ plaintiffs_label }},"),
        ("Caption Text", ""),
        ("Caption Text", "v."),
        ("Caption Text", ""),
        ("Normal", "{%p for party in defendants %}"),
        ("Caption Text", party_line),
        ("Normal", "{%p endfor %}"),
        ("Caption Text", ""),
        ("Caption Role", "{{ defendants_label }}{{ defendants_end }}"),
        ("Normal", "{%p for other in others %}"),  # intervenors, third-party defendants, ...
        ("Caption Text", ""),
        ("Caption Text", "and"),
        ("Caption Text", ""),
        ("Normal", "{%p for party in other.parties %}"),
        ("Caption Text", party_line),
        ("Normal", "{%p endfor %}"),
        ("Caption Text", ""),
        ("Caption Role", "{{ other.label }}{{ other.end }}"),
        ("Normal", "{%p endfor %}"),
        ("Normal", "{%p endif %}"),
    ]
    for style, text in lines:
        left.add_paragraph(text, style=style)
    right.paragraphs[0].text = "{{ case.label }} {{ case.number }}"
    right.paragraphs[0].style = "Caption Text"
    right.add_paragraph("{%p for number in case.consolidated %}", style="Normal")
    right.add_paragraph("{{ case.label }} {{ number }}", style="Caption Text")
    right.add_paragraph("{%p endfor %}", style="Normal")
    right.add_paragraph("{%p if case.consolidated %}", style="Normal")
    right.add_paragraph("(Consolidated)", style="Caption Text")
    right.add_paragraph("{%p endif %}", style="Normal")
    return doc


def counsel_part():
    """Counsel's block at the top left (LRCiv 7.1(a)); ``filer`` is set by the paper.
    Its lines come from the view: one firm and one address print once; pro se as such."""
    doc = new_document(footer=False)
    tag(doc, "for line in filer.block")
    para(doc, "Block Text", "{{ line }}")
    tag(doc, "endfor")
    para(doc, "Block Text", "")
    return doc


def signature_part():
    """The FRCP 11(a) signature block of ``filer`` (set by the paper)."""
    doc = new_document(footer=False)
    lines(doc, "Signature", "filer.signature")
    return doc


def certificate_part():
    doc = new_document(footer=False)
    tag(doc, "if court.certificate_of_service")
    para(doc, "Heading 1", "Certificate of Service")
    tag(doc, "if filer.by_mail and 'served' in filer")  # a pro se filer serves by mail
    keep(
        para(
            doc,
            "Body Text",
            "I hereby certify that on {{ filed.long }}, I served the attached "
            "document by first-class mail, postage prepaid, on:",
        )
    )
    lines(doc, "Signature", "filer.served", last_keeps=True)  # the certificate stays whole
    tag(doc, "else")
    keep(
        para(
            doc,
            "Body Text",
            "I hereby certify that on {{ filed.long }}, I electronically "
            "transmitted the attached document to the Clerk’s Office using the CM/ECF System for "
            "filing and transmittal of a Notice of Electronic Filing to all CM/ECF registrants.",
        )
    )
    tag(doc, "if 'mail_to' in filer")  # a pro se party not on CM/ECF (Fed. R. Civ. P. 5(b)(2)(C), (E))
    keep(
        para(
            doc,
            "Body Text",
            "I further certify that on {{ filed.long }}, I served the attached "
            "document by first-class mail, postage prepaid, on the following party, who is not a "
            "registered CM/ECF user:",
        )
    )
    lines(doc, "Signature", "filer.mail_to", last_keeps=True)
    tag(doc, "endif")
    tag(doc, "endif")
    para(doc, "Signature", "/s/ {{ filer.attorneys[0].name }}")
    tag(doc, "endif")
    return doc


def _order(granting: bool):
    """The proposed order, after the model order section by section; granting or denying.

    Its outcome (granted, granted in part, denied, denied without prejudice,
    adhered) gives the title's verb, the opening sentence's end and the ORDERED
    items, built by the view from ``data/wording.yaml``.
    """
    side = "granting" if granting else "denying"
    doc = new_document()
    tag(doc, 'include "parts/caption.docx"')
    para(
        doc,
        "Paper Title",
        "{% if ruling.proposed %}[PROPOSED] {% endif %}{% if 'title' in form %}"
        "{{ form.title }}{% else %}"
        f"ORDER {{{{ ruling.{side}.outcome.verb }}}} "
        "{{ paper.TITLE }}{% endif %}",
    )
    tag(doc, "if form.re")  # "Re: Dkt. No. 151" under the title, as N.D. Cal. orders print it
    para(doc, "Re Line", "Re: {{ motion_entry.cite }}")
    tag(doc, "endif")
    para(
        doc,
        "Body Text",
        "Before the Court at {{ motion_entry.cite }} is a {{ paper.Name }} {{ paper.of }} "
        "{{ order.whose }} {{ order.date.long }} ",
        "{{r order.title }}",
        " at {{ order.cite }}. The {{ paper.Short }} is filed by {{ movant.name }}"
        "{% if movant.defined != movant.name %} (“{{ movant.defined }}”){% endif %}. "
        "{% if not movant.party %}{{ movant.Short }} {{ movant.be }} "
        "not {{ movant.party_noun }} to this lawsuit{% if 'interest' in movant %}, but ",
        "{{r movant.interest }}",
        "{% endif %}. {% endif %}For the reasons stated below, {{ movant.possessive }} "
        f"{{{{ paper.Name }}}} {{{{ ruling.{side}.outcome.opening }}}}.",
    )
    heading(doc, "Factual and Procedural Background")
    tag(doc, "if case.consent")  # a magistrate judge's authority to decide (28 U.S.C. 636(c)(1))
    para(
        doc,
        "Body Text",
        "The parties have consented to a United States Magistrate Judge conducting all "
        "proceedings in this case and ordering the entry of judgment. 28 U.S.C. §\u00a0636(c)(1).",
    )
    tag(doc, "endif")
    rich_paragraphs(doc, "Body Text", "background")
    tag(doc, "if form.legal_standard")
    heading(doc, "Legal Standard")
    rich_paragraphs(doc, "Body Text", "rule.court_standard")
    tag(doc, "endif")
    heading(doc, "Discussion")
    rich_paragraphs(doc, "Body Text", f"ruling.{side}.introduction")
    tag(doc, "for ground in grounds if 'summary' in ground")
    para(doc, "Body Text", "{{ movant.Short }} {{ movant.verb('assert') }} that ", "{{r ground.summary }}")
    tag(doc, "endfor")
    tag(doc, "for ground in opposition if 'summary' in ground")
    para(doc, "Body Text", "{{ opponent.Short }} {{ opponent.verb('assert') }} that ", "{{r ground.summary }}")
    tag(doc, "endfor")
    rich_paragraphs(doc, "Body Text", f"ruling.{side}.discussion")
    heading(doc, "Conclusion")
    # the model's "it is ORDERED:" and numbered items, or the items as sentences and a closing
    tag(doc, "if form.numbered")
    keep(para(doc, "Body Text", "For the foregoing reasons, it is ORDERED:"))  # with the first item
    last_kept(doc, "List Number", f"ruling.{side}.outcome.ordered")  # the last with the DATED line
    tag(doc, "else")
    last_kept(doc, "Body Text", f"ruling.{side}.outcome.sentences")
    tag(doc, "endif")
    tag(doc, f"for paragraph in ruling.{side}.outcome.clerk")  # directions to the Clerk
    keep(para(doc, "Body Text", "{{r paragraph }}"))
    tag(doc, "endfor")
    tag(doc, "if 'closing' in form")
    keep(para(doc, "Body Text", "{{ form.closing }}"))
    tag(doc, "endif")
    # a proposed order leaves the date, and the signature above the judge's name, to the court
    tag(doc, "if form.day_of")
    tag(doc, "if ruling.proposed")
    keep(para(doc, "Body Text", "DATED: ____________________"))
    tag(doc, "else")
    keep(
        para(
            doc,
            "Body Text",
            "DATED this {{ ruling.date.day }}",
            "{{r ruling.date.day_suffix }}",
            " day of {{ ruling.date.month_year }}.",
        )
    )
    tag(doc, "endif")
    tag(doc, "else")
    keep(
        para(
            doc,
            "Dated Line",
            "Dated: {% if 'place' in form %}{{ form.place }}{% else %}"
            "{% if ruling.proposed %}____________________{% else %}{{ ruling.date.long }}"
            "{% endif %}{% endif %}",
        )
    )
    tag(doc, "if 'place' in form")
    keep(
        para(
            doc, "Dated Line", "{% if ruling.proposed %}____________________{% else %}{{ ruling.date.long }}{% endif %}"
        )
    )
    tag(doc, "endif")
    tag(doc, "endif")
    keep(para(doc, "Signature", ""))
    keep(para(doc, "Signature", "______________________________"))
    keep(para(doc, "Signature", "{{ case.judge }}"))
    para(doc, "Signature", "{{ case.judge_title }}")
    return doc


def compliance_part():
    """A word-limit court's certificate of compliance; ``limit`` is set by the paper."""
    doc = new_document(footer=False)
    tag(doc, "if rule.certificate_of_compliance")
    para(doc, "Heading 1", "Certificate of Compliance")
    keep(
        para(
            doc,
            "Body Text",
            "I certify that this paper contains ",
            "{{r word_count }}",
            " words, excluding the caption, the signature block and the certificates, and so "
            "complies with the limit of {{ '{:,}'.format(limit) }} words of {{ rule.citation }}.",
        )
    )
    para(doc, "Signature", "/s/ {{ filer.attorneys[0].name }}")
    tag(doc, "endif")
    return doc


def conference_part():
    """The certificate of conference at the motion's end, after the certificate of service
    (E.D. Tex. CV-7(i)); its heading, statement and signature stay on one page."""
    doc = new_document(footer=False)
    para(doc, "Heading 1", "{{ conference.heading }}")
    keep(para(doc, "Body Text", "{{r conference.statement }}"))
    para(doc, "Signature", "/s/ {{ filer.attorneys[0].name }}")
    return doc


def _conference_statement(doc, place, extra=""):
    """The conference statement where the court's rule puts it (``conference.place``)."""
    tag(doc, f"if conference.given and conference.place == '{place}'{extra}")
    if place == "body":
        para(doc, "Heading 1", "{{ conference.heading }}")
        keep(para(doc, "Body Text", "{{r conference.statement }}"))  # with the closing and signature
    else:
        para(doc, "Body Text", "{{r conference.statement }}")
    tag(doc, "endif")


def order_granting():
    return _order(granting=True)


def order_denying():
    return _order(granting=False)


def _defined(role):
    """``Name (“Short”)`` the first time a paper names a side, unless the two are the same."""
    return "{{ %s.Name }}{%% if %s.defined != %s.Name %%} (“{{ %s.defined }}”){%% endif %%}" % (role, role, role, role)


def _paper_head(doc, filer, filed=None):
    """A party's paper opens with its counsel block and the caption."""
    tag(doc, f"set filer = counsel.{filer}")
    if filed:
        tag(doc, f"set filed = {filed}")
    tag(doc, "if court.counsel_block")  # counsel's block above the caption (LRCiv 7.1(a), Civil L.R. 3-4)
    tag(doc, 'include "parts/counsel.docx"')
    tag(doc, "endif")
    tag(doc, 'include "parts/caption.docx"')


def _introduction(doc, paper):
    tag(doc, f"if 'introduction' in {paper}")
    para(doc, "Heading 1", "Introduction")
    rich_paragraphs(doc, "Body Text", f"{paper}.introduction")
    tag(doc, "endif")


def _dated(doc, date):
    """A party's date line in the court's idiom (profile ``idiom``): "RESPECTFULLY SUBMITTED this
    20th day of June, 2024." (D. Ariz.), "Dated: New York, New York" over the date (New York),
    or the plainest federal form, "Dated: June 20, 2024"."""
    tag(doc, "if idiom.submitted")
    keep(
        para(
            doc,
            "Closing",
            "RESPECTFULLY SUBMITTED this {{ %s.day }}" % date,
            "{{r %s.day_suffix }}" % date,
            " day of {{ %s.month_year }}." % date,
        )
    )
    tag(doc, "elif 'place' in idiom")
    keep(para(doc, "Closing", "Dated: {{ idiom.place }}"))
    keep(para(doc, "Closing Date", "{{ %s.long }}" % date))
    tag(doc, "else")
    keep(para(doc, "Closing", "Dated: {{ %s.long }}" % date))
    tag(doc, "endif")


def _paper_end(doc, date, word_limit):
    """Date, signature, and the certificates (compliance where the court limits words)."""
    _dated(doc, date)
    tag(doc, 'include "parts/signature.docx"')
    tag(doc, f"set limit = rule.{word_limit} if rule.certificate_of_compliance else 0")
    tag(doc, 'include "parts/compliance.docx"')
    tag(doc, 'include "parts/certificate.docx"')


def response():
    """The opponent's response in opposition: answers the motion's grounds, adds its own."""
    doc = new_document()
    _paper_head(doc, "opponent", "response_filed")
    para(
        doc,
        "Paper Title",
        "{{ opponent.Possessive|upper }} {{ papers.response|upper }} TO "
        "{{ movant.Possessive|upper }} {{ paper.TITLE }}",
    )
    para(
        doc,
        "Body Text",
        _defined("opponent") + " respectfully {{ opponent.verb('submit') }} this {{ papers.response }} "
        "to the {{ paper.Name }} filed at {{ motion_entry.cite }} by "
        "{{ movant.name }}{% if movant.defined != movant.Name %} (“{{ movant.defined }}”)"
        "{% endif %}{% if response_order is defined %}, as the Court requested in its Order at "
        "{{ response_order.cite }}{% endif %}. The Motion asks the Court to {{ paper.asks_to }} "
        "{{ order.its }} "
        "{{ order.date.long }} ",
        "{{r order.title }}",
        " at {{ order.cite }}. For the reasons below, the Motion should be denied.",
    )
    _introduction(doc, "response")
    para(doc, "Heading 1", "Background")
    rich_paragraphs(doc, "Body Text", "motion_background")
    para(doc, "Heading 1", "Legal Standard")
    rich_paragraphs(doc, "Body Text", "rule.court_standard")
    para(doc, "Heading 1", "Argument")
    tag(doc, "for ground in response_grounds")
    para(doc, "Heading 2", "{{ ground.letter }}.\t{{ ground.heading }}")
    tag(doc, "if 'answered' in ground and 'summary' in ground.answered")
    para(doc, "Body Text", "{{ movant.Short }} {{ movant.verb('assert') }} that ", "{{r ground.answered.summary }}")
    tag(doc, "endif")
    rich_paragraphs(doc, "Body Text", "ground.text")
    tag(doc, "endfor")
    para(doc, "Heading 1", "Conclusion")
    para(
        doc,
        "Body Text",
        "For the foregoing reasons, {{ opponent.short }} respectfully "
        "{{ opponent.verb('request') }} that the Court deny {{ movant.possessive }} {{ paper.Name }} "
        "and leave {{ order.its }} {{ order.date.long }} {{ order.noun }} in effect.",
    )
    _paper_end(doc, "response_filed", "word_limit")
    return doc


def reply():
    """The movant's reply in support: answers the response, point by point."""
    doc = new_document()
    _paper_head(doc, "movant", "reply_filed")
    para(
        doc,
        "Paper Title",
        "{% if reply.proposed %}[PROPOSED] {% endif %}"
        "{% if papers.memorandum %}{{ papers.reply|upper }} IN FURTHER SUPPORT OF "
        "{{ movant.Possessive|upper }} {% else %}REPLY IN SUPPORT OF {% endif %}{{ paper.TITLE }}",
    )
    para(
        doc,
        "Body Text",
        _defined("movant") + " respectfully {{ movant.verb('submit') }} this {{ papers.reply }}{{ reply.leave }} in "
        "{% if papers.memorandum %}further {% endif %}support of "
        "the {{ paper.Name }} at {{ motion_entry.cite }}, and in answer to "
        "{{ opponent.possessive }} {{ papers.response }} at {{ response_entry.cite }}. "
        "The {{ papers.Response }} gives the Court no reason to leave {{ order.its }} {{ order.date.long }} ",
        "{{r order.title }}",
        " in effect.",
    )
    _introduction(doc, "reply")
    para(doc, "Heading 1", "Argument")
    tag(doc, "for ground in replies")
    para(doc, "Heading 2", "{{ ground.letter }}.\tIn Answer to “{{ ground.heading }}”")
    tag(doc, "if 'summary' in ground")
    para(doc, "Body Text", "{{ opponent.Short }} {{ opponent.verb('assert') }} that ", "{{r ground.summary }}")
    tag(doc, "endif")
    rich_paragraphs(doc, "Body Text", "ground.reply")
    tag(doc, "endfor")
    para(doc, "Heading 1", "Conclusion")
    para(
        doc,
        "Body Text",
        "For the foregoing reasons, and those in the Motion, {{ movant.short }} "
        "respectfully {{ movant.verb('request') }} that the Court ",
        "{{r motion.relief }}",
        ".",
    )
    _paper_end(doc, "reply_filed", "reply_word_limit")
    return doc


def motion():
    doc = new_document()
    _paper_head(doc, "movant")
    tag(doc, "if papers.memorandum")  # New York: the memorandum of law beside the notice of motion
    para(doc, "Paper Title", "{{ papers.memorandum_of|upper }} {{ movant.Possessive|upper }} {{ paper.TITLE }}")
    para(
        doc,
        "Body Text",
        "{{ movant.Name }}{% if movant.defined != movant.Name %} (“{{ movant.defined }}”){% endif %}"
        " respectfully {{ movant.verb('submit') }} this {{ papers.memorandum_of }} "
        "{{ movant.possessive }} motion under {{ rule.citation }} for "
        "{% if paper.leave %}leave to file a motion for {% endif %}"
        "{{ paper.moves_for }} {{ order.whose }} {{ order.date.long }} ",
        "{{r order.title }}",
        " (the “{{ order.defined }}”), entered at {{ order.cite }}. {{ movant.Short }} "
        "{{ movant.verb('ask') }} the Court to ",
        "{{r motion.relief }}",
        ".",
    )
    tag(doc, "else")
    para(doc, "Paper Title", "{{ paper.TITLE }}")
    para(
        doc,
        "Body Text",
        "{{ movant.Name }}{% if movant.defined != movant.Name %} (“{{ movant.defined }}”){% endif %}"
        "{% if not movant.party and not movant.named_non_party %}, who {{ movant.be }} not "
        "{{ movant.party_noun }} to this action,{% endif %} respectfully {{ movant.verb('move') }} "
        "under {{ rule.citation }} for "
        "{% if paper.leave %}leave to file a motion for {% endif %}"
        "{{ paper.moves_for }} {{ order.whose }} {{ order.date.long }} ",
        "{{r order.title }}",
        " (the “{{ order.defined }}”), entered at {{ order.cite }}. {{ movant.Short }} "
        "{{ movant.verb('ask') }} the Court to ",
        "{{r motion.relief }}",
        ". This Motion is supported by the following {{ papers.Memorandum }}"
        "{% if declaration is defined %}, the Declaration of {{ declaration.declarant }} and its "
        "exhibits,{% endif %} and the record of this action.",
    )
    _conference_statement(doc, "notice")  # the motion is its own notice (C.D. Cal. L.R. 7-3)
    para(doc, "Paper Title", "{{ papers.Memorandum|upper }}")
    tag(doc, "endif")
    _introduction(doc, "motion")
    para(doc, "Heading 1", "Background")
    rich_paragraphs(doc, "Body Text", "motion_background")
    para(doc, "Heading 1", "Legal Standard")
    rich_paragraphs(doc, "Body Text", "rule.standard")
    para(doc, "Heading 1", "Argument")
    tag(doc, "for ground in motion_grounds")
    para(doc, "Heading 2", "{{ ground.letter }}.\t{{ ground.heading }}")
    rich_paragraphs(doc, "Body Text", "ground.text")
    tag(doc, "endfor")
    para(doc, "Heading 1", "Conclusion")
    para(
        doc,
        "Body Text",
        "For the foregoing reasons, {{ movant.short }} respectfully "
        "{{ movant.verb('request') }} that the Court {% if paper.leave %}grant leave to file a "
        "motion for reconsideration and, on reconsideration, {% endif %}",
        "{{r motion.relief }}",
        ".",
    )
    _conference_statement(doc, "body")
    _paper_end(doc, "filed", "word_limit")
    tag(doc, "if conference.given and conference.place == 'end'")
    tag(doc, 'include "parts/conference.docx"')
    tag(doc, "endif")
    return doc


def notice():
    """The notice of motion (Local Civil Rule 7.1(a)): who moves, before whom, where and when,
    under which rule, for what; then the signature and the "TO:" block."""
    doc = new_document()
    _paper_head(doc, "movant")
    para(doc, "Paper Title", "NOTICE OF {{ paper.NAME }}")
    para(
        doc,
        "Body Text",
        "PLEASE TAKE NOTICE that, upon the accompanying {{ papers.Memorandum }}"
        "{% if 'papers' in notice %}, {{ notice.papers }},{% endif %} and all prior pleadings and "
        "proceedings in this action, {{ movant.name }} will move this Court"
        "{% if 'judge' in case %}, before the Honorable {{ case.judge }}, {{ case.judge_title }}{% endif %}"
        "{% if 'courthouse' in notice %}, at {{ notice.courthouse }}{% if 'courtroom' in notice %}, "
        "{{ notice.courtroom }}{% endif %}{% endif %}, on {{ notice.returnable }}, under "
        "{{ rule.citation }}, for {% if paper.leave %}leave to file a motion for {% endif %}"
        "{{ paper.moves_for }} {{ order.whose }} {{ order.date.long }} ",
        "{{r order.title }}",
        ", entered at {{ order.cite }}, and will ask the Court to ",
        "{{r motion.relief }}",
        ", together with such other and further relief as the Court deems just and proper.",
    )
    _conference_statement(doc, "notice")
    _dated(doc, "filed")
    tag(doc, 'include "parts/signature.docx"')
    tag(doc, "if 'served' in filer")  # the other side's counsel, as the view lists them: one block
    keep(para(doc, "Block Text", ""))
    keep(para(doc, "Block Text", "TO:"))
    lines(doc, "Block Text", "filer.served")
    tag(doc, "endif")
    tag(doc, 'include "parts/certificate.docx"')
    return doc


def declaration():
    """A side's declaration under 28 U.S.C. § 1746: its numbered paragraphs, one introducing each
    exhibit, the attestation of § 1746(2) (or (1), executed abroad) with date and place, the
    declarant's signature.  ``filer`` is the side whose paper it supports."""
    doc = new_document()
    tag(doc, "set filer = counsel[declaration.side]")
    tag(doc, "if court.counsel_block")  # counsel's block above the caption, as the side's paper has it
    tag(doc, 'include "parts/counsel.docx"')
    tag(doc, "endif")
    tag(doc, 'include "parts/caption.docx"')
    para(
        doc,
        "Paper Title",
        "DECLARATION OF {{ declaration.DECLARANT }} {% if declaration.side == 'opponent' %}IN OPPOSITION TO"
        "{% else %}IN SUPPORT OF{% endif %} {{ movant.Possessive|upper }} {{ paper.TITLE }}",
    )
    para(doc, "Body Text", "I, {{ declaration.declarant }}, declare as follows:")
    tag(doc, "for paragraph in declaration.paragraphs")
    para(doc, "Body Text", "{{ paragraph.number }}.\t", "{{r paragraph.text }}")
    tag(doc, "endfor")
    tag(doc, "for exhibit in declaration.exhibits")
    para(
        doc,
        "Body Text",
        "{{ exhibit.number }}.\tA true and correct copy of ",
        "{{r exhibit.description }}",
        " is attached as Exhibit {{ exhibit.label }}.",
    )
    tag(doc, "endfor")
    keep(
        para(
            doc,
            "Body Text",
            "I declare under penalty of perjury {% if declaration.abroad %}under the laws of the United "
            "States of America {% endif %}that the foregoing is true and correct. Executed on "
            "{{ declaration.date.long }} at {{ declaration.place }}.",
        )
    )
    keep(para(doc, "Signature", "/s/ {{ declaration.declarant }}"))
    para(doc, "Signature", "{{ declaration.declarant }}")
    tag(doc, "if declaration.side == 'opponent'")  # the certificate bears the date of the paper it supports
    tag(doc, "set filed = response_filed")
    tag(doc, "endif")
    tag(doc, 'include "parts/certificate.docx"')
    return doc


PARTS = {
    "parts/caption.docx": caption_part,
    "parts/counsel.docx": counsel_part,
    "parts/signature.docx": signature_part,
    "parts/certificate.docx": certificate_part,
    "parts/compliance.docx": compliance_part,
    "parts/conference.docx": conference_part,
    "order-granting.docx": order_granting,
    "motion.docx": motion,
    "notice.docx": notice,
    "response.docx": response,
    "reply.docx": reply,
    "declaration.docx": declaration,
    "order-denying.docx": order_denying,
}


# --------------------------------------------------------------------------- finish
# the package's one list of style names (assembler/papers/styles.py), and Word's own defaults
KEPT_STYLES = {s.name for s in (*styles.PARAGRAPH_STYLES, *styles.CHARACTER_STYLES)} | {
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
}


def finish(doc):
    """A template Word opens as a finished document of today's Word, not a converted one.

    Only the styles the papers use (python-docx's default template brings about
    150, blue Cambria among them); Word 2013+ compatibility mode, not 2010's; no
    Japanese East Asian theme language; no thumbnail of another document; none
    of its leftovers: the customXml bibliography part (an empty APA source list)
    and the proof state "clean", which would tell Word that the spelling and
    grammar of the draft have been checked.
    """
    styles = doc.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")).lower() not in {n.lower() for n in KEPT_STYLES}:
            styles.remove(style)
            continue
        for link in style.findall(qn("w:link")):  # "Heading 1 Char" and the like are gone
            style.remove(link)
    settings = doc.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.attrib.pop(qn("w:eastAsia"), None)
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del doc.part.rels[rid]
    props = doc.core_properties
    props.author = props.title = props.comments = props.subject = props.keywords = ""
    props.last_modified_by = ""
    props.language = "en-US"
    props.revision = 1
    return doc


def main(argv: list[str]) -> int:
    (OUT / "parts").mkdir(parents=True, exist_ok=True)
    for name, build in PARTS.items():
        doc = finish(build())
        (OUT / name).write_bytes(docx_bytes(doc))  # fixed zip stamps: a rebuild changes nothing
        print(f"wrote templates/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
