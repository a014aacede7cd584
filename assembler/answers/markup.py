"""The free-text markup lawyers type in answers, parsed into a small tree.

``*italic*``, ``**bold**``, a blank line for a new paragraph, docket citations
``[[18 at 7-8]]`` (several joined by ``;``, with an optional parenthetical),
references to an entry in running text ``[[@21]]``, and explanatory footnotes
``^[...]``.  Parsing never evaluates anything: the text is
data, and ``{{ }}`` in it prints as typed.  Rendering to Word lives in ``wordxml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Union

from assembler.law.citations import TYPED

Inline = Union["Text", "Styled", "Citation", "Note"]


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Styled:
    """Italic or bold text; ``style`` is ``"i"`` or ``"b"``."""

    style: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Cite:
    """One docket reference: entry number, optional pin cite, optional parenthetical."""

    number: int
    pages: str | None = None
    parenthetical: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class RecordCite:
    """A citation to the side's own declaration: ``Ex. A at 3`` (an exhibit, with an optional
    pin cite) or ``Decl. ¶ 4`` / ``Decl. ¶¶ 4-6`` (its numbered paragraphs)."""

    exhibit: str | None = None
    pages: str | None = None
    paragraphs: tuple[int, ...] = ()  # every paragraph the cite names, for the check
    span: str = ""  # the paragraphs as typed: "4", "4-6", "4, 7"
    parenthetical: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A citation marker ``[[...]]``; ``offset`` is its place in the source text.

    ``reference`` marks ``[[@21]]``: the entry named in running text ("the motion at
    Docket 21"), in the court's word, never a footnote and never in brackets.
    """

    cites: tuple[Cite | RecordCite, ...]
    source: str
    offset: int
    reference: bool = False


@dataclass(frozen=True)
class Note:
    """An explanatory footnote ``^[...]``."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``kind`` is ``text``, ``quote`` (a block quotation: ``>`` lines),
    ``item`` (a list item, with the ``marker`` typed: ``1.``, ``(a)``) or ``heading``
    (a sub-heading: ``### ...``)."""

    children: tuple[Inline, ...]
    kind: str = "text"
    marker: str = ""


@dataclass(frozen=True)
class Document:
    """Parsed free text: paragraphs, and every citation with its line offset."""

    paragraphs: tuple[Paragraph, ...]
    citations: tuple[tuple[Citation, int], ...] = field(default=())

    @functools.cached_property
    def inline(self) -> tuple[Inline, ...]:
        """The text as one run of inlines (paragraph breaks become spaces); made once, as each
        paper of a set prints it."""
        out: list[Inline] = []
        for index, paragraph in enumerate(self.paragraphs):
            if index:
                out.append(Text(" "))
            out.extend(paragraph.children)
        return tuple(out)


class MarkupError(ValueError):
    """Malformed markup; ``offset`` is the character where the trouble starts."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


_CITE = re.compile(
    rf"""^\s*(?:(?:{TYPED})\s*)?(?P<number>\d+)
        (?:\s+at\s+(?P<pages>[^()]*?))?
        \s*(?:\((?P<paren>.*)\))?\s*$""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_RECORD = re.compile(
    r"""^\s*(?:(?:ex\.|exh\.|exhibit)\s*(?P<label>[A-Za-z]{1,2}|[1-9]\d{0,2})\b(?:\s+at\s+(?P<pages>[^()]*?))?
        |decl\.\s*¶¶?\s*(?P<span>\d{1,3}(?:\s*[-–,]\s*\d{1,3})*))
        \s*(?:\((?P<paren>.*)\))?\s*$""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_ESCAPABLE = set("\\*[]^")


_QUOTE = re.compile(r"^[ \t]*> ?", re.M)
_ITEM = re.compile(r"^[ \t]*(\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\))[ \t]+", re.M)
_HEADING = re.compile(r"^[ \t]*### +")


def _blanked(text: str, marks: list[tuple[int, int]]) -> str:
    """``text`` with spaces in place of the block marks ``marks`` (in order, apart), so that every
    offset still points into the text."""
    pieces = []
    at = 0
    for start, end in marks:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def parse(text: str) -> Document:
    """Parse free text; raises ``MarkupError`` for a citation or note that is not closed.

    A block whose every line starts with ``>`` is a block quotation; a block whose
    first line starts with ``1.``, ``a.``, ``(a)`` or ``(iv)`` is a list, one item
    per marked line; a one-line block starting with ``###`` is a sub-heading.

    Linear in the length of the text: the block marks are blanked first and the text
    joined once; each block's parser reads only its own block (and the newline after it),
    which no other block's marks touch.  A text of a few pages is parsed once per process
    and its (immutable) document kept: the answers are validated and then loaded, a batch's
    cases share their base file's texts, and every paper states the same standard.
    """
    return _kept(text) if len(text) <= _KEPT_CHARS else _parse(text)


_KEPT_CHARS = 8192  # what a paper's section holds; a longer text is parsed every time


@functools.lru_cache(maxsize=512)  # a case has some sixty texts
def _kept(text: str) -> Document:
    return _parse(text)


def _parse(text: str) -> Document:
    text = text.replace("\r\n", "\n").strip("\n")
    marks: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str, str]] = []
    for start, block in _blocks(text):
        start += len(block) - len(block.lstrip("\n"))
        block = block.strip("\n")
        lines = block.split("\n")
        end = start + len(block)
        if all(_QUOTE.match(line) for line in lines):
            marks += [mark.span() for mark in _QUOTE.finditer(text, start, end)]
            spans.append((start, end, "quote", ""))
        elif _ITEM.match(lines[0]):
            items = list(_ITEM.finditer(text, start, end))
            for index, item in enumerate(items):
                marks.append(item.span())
                stop = items[index + 1].start() if index + 1 < len(items) else end
                spans.append((item.start(), stop, "item", item.group(1)))
        elif len(lines) == 1 and (heading := _HEADING.match(block)):
            marks.append((start, start + heading.end()))
            spans.append((start, end, "heading", ""))
        else:
            spans.append((start, end, "text", ""))
    source = _blanked(text, marks)
    paragraphs = []
    citations: list[Citation] = []
    for begin, stop, kind, marker in spans:
        children = _Parser(source, begin, stop, citations).inlines(until=None)
        paragraphs.append(Paragraph(_tidy(children), kind, marker))
    newlines = [m.start() for m in re.finditer("\n", text)] if citations else []
    located = tuple((c, bisect.bisect_left(newlines, c.offset)) for c in citations)
    return Document(tuple(paragraphs), located)


def well_formed(text: str) -> str:
    """``text``, where it parses; else the ``MarkupError`` (a ``ValueError``, as schemas expect)."""
    parse(text)
    return text


def _blocks(text: str) -> list[tuple[int, str]]:
    """Split on blank lines, keeping each block's offset in the text: a block runs up to a
    newline that a blank line follows (that newline is in no block)."""
    blocks = []
    at = 0
    for gap in (*_BLANK_AHEAD.finditer(text), None):
        end = len(text) if gap is None else gap.start()
        if text[at:end].strip():
            blocks.append((at, text[at:end]))
        at = end + 1
    return blocks


_BLANK_AHEAD = re.compile(r"\n(?=[ \t]*\n)")


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _tidy(children: list[Inline], trim: bool = True) -> tuple[Inline, ...]:
    """Join adjacent text, fold line breaks and runs of spaces into one space, trim the ends."""
    merged: list[Inline] = []
    for child in children:
        if isinstance(child, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + child.text)
        else:
            merged.append(child)
    out: list[Inline] = []
    for child in merged:
        if isinstance(child, Text) and "\n" in child.text:
            child = Text(_LINE_BREAK.sub(" ", child.text))
        out.append(child)
    if trim and out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    if trim and out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
    return tuple(c for c in out if not (isinstance(c, Text) and not c.text))


_SPECIAL_CHARS = "\\[^*]"
_SPECIAL = re.compile(r"[\\\[\^*\]]")


class _Parser:
    def __init__(self, text: str, pos: int, end: int, citations: list[Citation]) -> None:
        self.text = text
        self.pos = pos
        self.end = end
        self.citations = citations

    def inlines(self, until: str | None) -> list[Inline]:
        out: list[Inline] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                out.append(Text("".join(buf)))
                buf.clear()

        text = self.text
        while self.pos < self.end:
            if text[self.pos] not in _SPECIAL_CHARS:  # plain text up to the next mark
                found = _SPECIAL.search(text, self.pos, self.end)
                stop = found.start() if found else self.end
                buf.append(text[self.pos : stop])
                self.pos = stop
                continue
            if until is not None and text.startswith(until, self.pos):
                if until != "*" or not text.startswith("**", self.pos) or self._closes_at("**"):
                    flush()
                    return out
            ch = text[self.pos]
            if ch == "\\" and self.pos + 1 < self.end and text[self.pos + 1] in _ESCAPABLE:
                buf.append(text[self.pos + 1])
                self.pos += 2
            elif text.startswith("[[", self.pos):
                flush()
                out.append(self._citation())
            elif text.startswith("^[", self.pos):
                flush()
                out.append(self._note())
            elif text.startswith("**", self.pos) and self._closes_at("**", self.pos + 2):
                flush()
                self.pos += 2
                out.append(Styled("b", _tidy(self.inlines(until="**"), trim=False)))
                self.pos += 2
            elif ch == "*" and self._closes_at("*", self.pos + 1):
                flush()
                self.pos += 1
                out.append(Styled("i", _tidy(self.inlines(until="*"), trim=False)))
                self.pos += 1
            else:
                buf.append(ch)
                self.pos += 1
        if until == "]":
            raise MarkupError("a footnote ^[ is never closed with ]", self.pos)
        flush()
        return out

    def _closes_at(self, delim: str, start: int | None = None) -> bool:
        """Whether a closing ``delim`` follows within this block (outside citations)."""
        start = self.pos if start is None else start
        if start >= self.end or self.text[start].isspace():
            return False
        index = self.text.find(delim, start, self.end)
        return index > start or (index == start and delim == "**" and start != self.pos)

    def _citation(self) -> Citation:
        start = self.pos
        depth = 0
        index = start + 2
        while index < self.end:
            ch = self.text[index]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif depth <= 0 and self.text.startswith("]]", index):
                break
            index += 1
        else:
            raise MarkupError("a docket citation [[ is never closed with ]]", start)
        body = self.text[start + 2 : index]
        self.pos = index + 2
        nested: list[Citation] = []
        reference = body.lstrip().startswith("@")
        if reference:
            body = body.lstrip()[1:]
        cites = tuple(_cite(part, start, nested) for part in _split_top(body))
        if reference and any(cite.parenthetical for cite in cites):
            raise MarkupError(
                f"a reference [[@...]] names entries in the text and takes no "
                f"parenthetical: {self.text[start : index + 2]}",
                start,
            )
        citation = Citation(cites, self.text[start : index + 2], start, reference)
        self.citations.append(citation)
        # citations inside a parenthetical are checked like any other, placed at this one
        self.citations.extend(Citation(c.cites, c.source, start) for c in nested)
        return citation

    def _note(self) -> Note:
        start = self.pos
        self.pos += 2
        children = self.inlines(until="]")
        self.pos += 1
        if not children:
            raise MarkupError("a footnote ^[] is empty", start)
        return Note(_tidy(children))


def _split_top(body: str) -> list[str]:
    """Split a citation body on ``;`` outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _span(span: str) -> tuple[int, ...]:
    """Every paragraph number of ``4-6, 9``."""
    numbers: list[int] = []
    for piece in span.split(","):
        ends = [int(n) for n in re.split(r"\s*[-–]\s*", piece.strip())]
        numbers += range(ends[0], ends[-1] + 1) if len(ends) == 2 and ends[0] < ends[1] else ends
    return tuple(numbers)


def _record(match: re.Match[str], nested: list[Citation]) -> RecordCite:
    paren: tuple[Inline, ...] = ()
    if match.group("paren") is not None:
        paren = _tidy(_Parser(match.group("paren"), 0, len(match.group("paren")), nested).inlines(None))
    if match.group("label"):
        pages = match.group("pages")
        return RecordCite(match.group("label").upper(), pages.strip() if pages else None, parenthetical=paren)
    span = re.sub(r"\s*([-–])\s*", "-", re.sub(r"\s*,\s*", ", ", match.group("span").strip()))
    return RecordCite(paragraphs=_span(span), span=span, parenthetical=paren)


def _cite(part: str, offset: int, nested: list[Citation]) -> Cite | RecordCite:
    record = _RECORD.match(part)
    if record and not (record.group("pages") is not None and not record.group("pages").strip()):
        return _record(record, nested)
    if re.match(r"\s*(?:ex\.|exh\.|exhibit|decl\.)", part, re.IGNORECASE):
        raise MarkupError(
            f"cannot read the citation [[{part.strip()}]] to the declaration: write it as [[Ex. A]], "
            "[[Ex. A at 3]], [[Decl. ¶ 4]] or [[Decl. ¶¶ 4-6]]",
            offset,
        )
    match = _CITE.match(part)
    if not match or (match.group("pages") is not None and not match.group("pages").strip()):
        raise MarkupError(
            f"cannot read the docket citation [[{part.strip()}]]: "
            "write it as [[18]], [[18 at 7-8]] or [[18 at 12-14 (quoting ...)]]",
            offset,
        )
    paren: tuple[Inline, ...] = ()
    if match.group("paren") is not None:
        paren = _tidy(_Parser(match.group("paren"), 0, len(match.group("paren")), nested).inlines(None))
    pages = match.group("pages")
    return Cite(int(match.group("number")), pages.strip() if pages else None, paren)
