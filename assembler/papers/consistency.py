"""Check that the papers of one set agree before any of them is written.

The drafts are read back as text, the way a reader meets them: every paper
shows the same caption, cites the docket in the court's one style, and cites
only entries that are in the docket list.  A template of the user's own that
hard-codes a caption or a citation is caught here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assembler.answers.matter import Matter
from assembler.errors import ConsistencyError
from assembler.law.citations import PRINTED, SINGULARS
from assembler.papers import wordxml
from assembler.papers.registry import paper_date

W_TBL = f"{{{wordxml.W_NS}}}tbl"


def caption_of(document: Any) -> str | None:
    """The caption table's text (parties and case number), or None where a template has none."""
    table = next(document.element.body.iter(W_TBL), None)
    if table is None:
        return None
    return "\n".join(wordxml.paragraph_texts(table))


def cited(text: str) -> list[tuple[str, int]]:
    """Each docket citation of ``text``, one entry at a time: ``("ECF No.", 151)``."""
    return [
        (SINGULARS.get(m.group(1), m.group(1)), int(number))
        for m in PRINTED.finditer(text.replace("\u00a0", " "))
        for number in m.group(2).split(", ")
    ]


def citations_in(document: Any, body: list[str] | None = None) -> list[tuple[str, int]]:
    """Every docket citation of ``document``: its paragraphs (``body``, where the caller has
    read them already) and its footnotes, read as one text (no citation spans two lines)."""
    texts = (wordxml.paragraph_texts(document.element.body) if body is None else body) + wordxml.footnote_texts(
        document
    )
    return cited("\n".join(texts))


def _time_travel(
    matter: Matter, documents: Mapping[str, Any], citations: Mapping[str, list[tuple[str, int]]] | None = None
) -> list[str]:
    """A paper cannot cite a docket entry filed after it, nor its own entry."""
    problems = []
    dates = {entry.number: entry.date for entry in matter.answers.docket}
    for doc_id, document in documents.items():
        when, own = paper_date(matter, doc_id)
        found = citations[doc_id] if citations is not None else citations_in(document)
        for _, number in sorted(set(found)):
            if number == own:
                problems.append(f"{doc_id}.docx cites its own docket entry, {matter.citation.word} {number}")
            elif when is not None and number in dates and dates[number] > when:
                problems.append(
                    f"{doc_id}.docx, dated {when.isoformat()}, cites {matter.citation.word} "
                    f"{number}, filed later ({dates[number].isoformat()})"
                )
    return problems


def check_set(matter: Matter, documents: Mapping[str, Any]) -> None:
    """Raise ``ConsistencyError`` naming every disagreement among ``documents`` (id -> Document)."""
    problems: list[str] = []
    word = matter.citation.word
    numbers = {entry.number for entry in matter.answers.docket}
    captions: dict[str, str] = {}
    citations: dict[str, list[tuple[str, int]]] = {}
    for doc_id, document in documents.items():
        paragraphs = wordxml.paragraph_texts(document.element.body)  # read once, for all the checks
        citations[doc_id] = citations_in(document, paragraphs)
        # as a reader sees it: a no-break space is a space ("1:24-cv-05678 (ABC)", nobreak.py)
        body = "\n".join(paragraphs).replace("\u00a0", " ")
        if matter.answers.case.number not in body:
            problems.append(f"{doc_id}.docx does not give the case number {matter.answers.case.number}")
        caption = caption_of(document)
        if caption is not None:
            captions[doc_id] = caption
        for line in matter.court.caption:
            if line not in body:
                problems.append(f"{doc_id}.docx does not name the court as “{line}”")
        for cited_word, number in sorted(set(citations[doc_id])):
            if cited_word != word:
                problems.append(
                    f"{doc_id}.docx cites “{cited_word} {number}”, but "
                    f"{matter.court.name} papers cite “{word} {number}”"
                )
            if number not in numbers:
                problems.append(f"{doc_id}.docx cites docket {number}, which is not in the docket list")
    if any("papers cite “" in problem for problem in problems):
        problems.append("to name an entry in typed text, write [[@21]]: it prints in the court's form")
    problems += _time_travel(matter, documents, citations)
    if len(set(captions.values())) > 1:
        first = next(iter(captions))
        differ = [d for d, c in captions.items() if c != captions[first]]
        problems.append(f"the captions of {', '.join(differ)} differ from that of {first}")
    if problems:
        raise ConsistencyError(f"{matter.file}: the drafts disagree: " + "; ".join(problems))
