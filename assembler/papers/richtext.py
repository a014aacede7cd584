"""Turn parsed markup into Word runs, with docket citations in the court's style.

A ``Writer`` belongs to one document being rendered: it numbers that document's
footnotes and collects their text for ``wordxml.attach_footnotes``.  ``Rich``
values reach templates through ``{{r value}}``; their runs, and any footnotes,
are made when the template prints them, so a note exists only if its reference
is in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assembler.answers.markup import Citation, Cite, Document, Inline, Note, RecordCite, Styled, Text
from assembler.errors import OutputError
from assembler.law.citations import NBSP, CitationStyle
from assembler.papers import wordxml

_ENDS_SENTENCE = re.compile(r"[.!?][”’\"')\]]*\s*$")


def _plain(inlines: Iterable[Inline]) -> str:
    """The text of ``inlines`` without marks (to see how a sentence ends)."""
    return "".join(
        n.text if isinstance(n, Text) else _plain(n.children) for n in inlines if isinstance(n, (Text, Styled))
    )


class Writer:
    def __init__(
        self,
        style: CitationStyle,
        first_note_id: int = 1,
        names: dict[int, str] | None = None,
        declarant: str | None = None,
    ) -> None:
        self.style = style
        self.names = names or {}  # entries cited by name: {32: "Defs.’ Mem."}
        self.declarant = declarant  # the surname "Santos Decl. ¶ 4" names: this paper's side's declarant
        self.notes: list[tuple[int, str]] = []
        self._next_id = first_note_id

    # -- values for templates -------------------------------------------------
    def rich(self, inlines: Sequence[Inline] | Document | str) -> Rich:
        """Inline text (paragraph breaks become spaces) as a template value."""
        if isinstance(inlines, Document):
            inlines = inlines.inline
        elif isinstance(inlines, str):
            inlines = (Text(inlines),)
        return Rich(self, tuple(inlines))

    def paragraphs(self, document: Document) -> list[Rich]:
        """Each paragraph of ``document`` as a template value, for a ``{%p for %}`` loop;
        its ``kind`` (text, quote, item, heading) picks the paragraph style."""
        return [
            Rich(self, paragraph.children, kind=paragraph.kind, marker=paragraph.marker)
            for paragraph in document.paragraphs
        ]

    def plain(self, text: str, *, superscript: bool = False) -> Rich:
        """Text typed by us or the user, printed exactly as given (no markup)."""
        return Rich(self, (), raw=wordxml.run(text, superscript=superscript))

    # -- runs -------------------------------------------------------------------
    def runs(
        self, inlines: Iterable[Inline], *, italic: bool = False, bold: bool = False, in_note: bool = False
    ) -> str:
        out = []
        previous = ""
        for node in inlines:
            if isinstance(node, Text):
                previous = node.text
                out.append(wordxml.run(node.text, italic=italic, bold=bold))
                continue
            elif isinstance(node, Styled):
                previous = _plain(node.children)
                out.append(
                    self.runs(
                        node.children,
                        italic=italic or node.style == "i",
                        bold=bold or node.style == "b",
                        in_note=in_note,
                    )
                )
            elif isinstance(node, Citation):
                out.append(
                    self._citation(
                        node,
                        in_note,
                        italic=italic,
                        bold=bold,
                        after_sentence=_ENDS_SENTENCE.search(previous) is not None,
                    )
                )
            elif isinstance(node, Note):
                if in_note:  # a note inside a note prints in place, in parentheses
                    out.append(wordxml.run(" (") + self.runs(node.children, in_note=True) + wordxml.run(")"))
                else:
                    out.append(self._note(self.runs(node.children, in_note=True)))
        return "".join(out)

    def _note(self, runs_xml: str) -> str:
        note_id = self._next_id
        self._next_id += 1
        self.notes.append((note_id, runs_xml))
        return wordxml.footnote_reference(note_id)

    def _citation(
        self, citation: Citation, in_note: bool, *, italic: bool, bold: bool, after_sentence: bool = False
    ) -> str:
        """A docket citation: a footnote, or inline -- a citation sentence after a sentence.

        A reference (``[[@21]]``) prints the entry in the text, as the words it stands for."""
        if citation.reference and not any(isinstance(c, RecordCite) for c in citation.cites):
            return wordxml.run(
                self.style.several([(c.number, c.pages) for c in citation.cites if isinstance(c, Cite)]),
                italic=italic,
                bold=bold,
            )
        if citation.reference:
            return self._cites(citation.cites)
        body = self._cites(citation.cites)
        if in_note:
            return body
        if self.style.placement == "footnote":
            return self._note(body + wordxml.run("."))
        opening, closing = self.style.brackets
        end = "." + closing if after_sentence else closing
        return wordxml.run(f" {opening}", italic=italic, bold=bold) + body + wordxml.run(end)

    def record(self, cite: RecordCite) -> str:
        """``Santos Decl. Ex. A at 3``, ``Santos Decl. ¶¶ 4-6``: the paper's side's declaration."""
        if self.declarant is None:  # matter.load_matter refuses such a citation first
            raise OutputError(f"a citation to a declaration ({cite}) in a paper whose side files none")
        name = f"{self.declarant} Decl."
        if cite.exhibit:
            pin = f"{NBSP}at{NBSP}{cite.pages}" if cite.pages else ""
            return f"{name} Ex.{NBSP}{cite.exhibit}{pin}"
        marks = "¶¶" if len(cite.paragraphs) > 1 else "¶"
        return f"{name} {marks}{NBSP}{cite.span}"

    def _cites(self, cites: Sequence[Cite | RecordCite]) -> str:
        if len(cites) > 1 and all(
            isinstance(c, Cite) and not c.parenthetical and c.number not in self.names for c in cites
        ):
            # "ECF Nos. 151, 152" where the court's word has a plural
            return wordxml.run(self.style.several([(c.number, c.pages) for c in cites if isinstance(c, Cite)]))
        parts = []
        for index, cite in enumerate(cites):
            if isinstance(cite, RecordCite):
                parts.append(wordxml.run(f"{'; ' if index else ''}{self.record(cite)}"))
                if cite.parenthetical:
                    parts.append(wordxml.run(" (") + self.runs(cite.parenthetical, in_note=True) + wordxml.run(")"))
                continue
            # "ECF No. 18 at 3-4" never breaks before its number or its pin cite
            name = self.names.get(cite.number)
            if name:  # "Defs.’ Mem. 8-10 (Dkt. No. 32)"
                pages = f"{NBSP}{cite.pages}" if cite.pages else ""
                text = f"{'; ' if index else ''}{name}{pages} ({self.style.one(cite.number)})"
            else:
                text = f"{'; ' if index else ''}{self.style.one(cite.number, cite.pages)}"
            parts.append(wordxml.run(text))
            if cite.parenthetical:
                parts.append(wordxml.run(" (") + self.runs(cite.parenthetical, in_note=True) + wordxml.run(")"))
        return "".join(parts)


class Rich:
    """A template value that prints as Word runs (through ``{{r value}}``)."""

    def __init__(
        self, writer: Writer, inlines: tuple[Inline, ...], raw: str | None = None, kind: str = "text", marker: str = ""
    ) -> None:
        self._writer = writer
        self._inlines = inlines
        self._raw = raw
        self.kind = kind  # text, quote, item or heading (markup.Paragraph)
        self.marker = marker

    def __html__(self) -> str:
        if self._raw is not None:
            return self._raw
        return self._writer.runs(self._inlines)

    def __str__(self) -> str:
        return self.__html__()

    def __bool__(self) -> bool:
        return bool(self._inlines) or bool(self._raw)
