"""The styles the templates define and the code looks for: one list, shared with the builder.

A template of a firm's own keeps these names; ``tools/build_templates.py``
defines each of them, and the code finds a paper's parts by them (the title by
``PAPER_TITLE``, the end of the body by ``CLOSING``), never by their wording.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    """A paragraph or character style: the name Word shows, and the id its XML uses."""

    name: str
    style_id: str = ""

    @property
    def id(self) -> str:
        return self.style_id or self.name.replace(" ", "")


NORMAL = Style("Normal")
COURT_TITLE = Style("Court Title")  # the court's name above the caption
CAPTION_TEXT = Style("Caption Text")  # the parties and the case number
CAPTION_ROLE = Style("Caption Role")  # "Plaintiff,", "Defendant."
PAPER_TITLE = Style("Paper Title")  # the paper's bold title
RE_LINE = Style("Re Line")  # "Re: Dkt. No. 151"
HEADING_1 = Style("Heading 1")
HEADING_2 = Style("Heading 2")
HEADING_3 = Style("Heading 3")  # a sub-heading typed in the answers (###)
BODY_TEXT = Style("Body Text")
LIST_NUMBER = Style("List Number")  # an order's numbered ORDERED items
LIST_ITEM = Style("List Item")  # a list typed in the answers
BLOCK_QUOTE = Style("Block Quote")  # a quotation typed in the answers (>)
BLOCK_TEXT = Style("Block Text")  # counsel's block, the TO: block, single-spaced lines
CLOSING = Style("Closing")  # "RESPECTFULLY SUBMITTED this ..." / "Dated: ...": the body ends here
DATED_LINE = Style("Dated Line")  # an order's "Dated: New York, New York" and date
CLOSING_DATE = Style("Closing Date")  # the date under a party's "Dated: New York, New York"
SIGNATURE = Style("Signature")
FOOTER = Style("Footer")  # the page number at the foot of every page (Word's "footer")
FOOTNOTE_TEXT = Style("footnote text", "FootnoteText")
FOOTNOTE_REFERENCE = Style("footnote reference", "FootnoteReference")

PARAGRAPH_STYLES = (
    NORMAL,
    COURT_TITLE,
    CAPTION_TEXT,
    CAPTION_ROLE,
    PAPER_TITLE,
    RE_LINE,
    HEADING_1,
    HEADING_2,
    HEADING_3,
    BODY_TEXT,
    LIST_NUMBER,
    LIST_ITEM,
    BLOCK_QUOTE,
    BLOCK_TEXT,
    CLOSING,
    DATED_LINE,
    CLOSING_DATE,
    SIGNATURE,
    FOOTER,
    FOOTNOTE_TEXT,
)
CHARACTER_STYLES = (FOOTNOTE_REFERENCE,)

# what a word limit does not count (the caption, titles, counsel's and signature blocks)
NOT_COUNTED = frozenset(s.name for s in (COURT_TITLE, CAPTION_TEXT, CAPTION_ROLE, BLOCK_TEXT, PAPER_TITLE, SIGNATURE))
# single-spaced blocks, which pleading paper sets at half a line
SINGLE_SPACED = frozenset(s.id for s in (BLOCK_TEXT, SIGNATURE, BLOCK_QUOTE))
