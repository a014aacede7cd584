"""Check that the papers of one set agree before any of them is written.

The drafts are read back as text, the way a reader meets them: every paper
shows the same caption, cites the docket in the court's one style, and cites
only entries that are in the docket list.  A template of the user's own that
hard-codes a caption or a citation is caught here.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from . import wordxml
from .answers import Matter
from .errors import ConsistencyError

W_TBL = f"{{{wordxml.W_NS}}}tbl"
# every docket-citation word seen in the courts' orders (see the court profiles)
_CITE = re.compile(r"(?<![\w.])(Docket|Doc\.|ECF No\.|Dkt\. No\.|Dkt\. #|Dkt\.) ?(\d+)")


def caption_of(document: Any) -> str | None:
    """The caption table's text (parties and case number), or None where a template has none."""
    table = next(document.element.body.iter(W_TBL), None)
    if table is None:
        return None
    return "\n".join(wordxml.paragraph_texts(table))


def citations_in(document: Any) -> list[tuple[str, int]]:
    texts = wordxml.paragraph_texts(document.element.body) + wordxml.footnote_texts(document)
    return [(m.group(1), int(m.group(2))) for text in texts for m in _CITE.finditer(text)]


def check_set(matter: Matter, documents: Mapping[str, Any]) -> None:
    """Raise ``ConsistencyError`` naming every disagreement among ``documents`` (id -> Document)."""
    problems: list[str] = []
    word = matter.court.citation.word
    numbers = {entry.number for entry in matter.answers.docket}
    captions: dict[str, str] = {}
    for doc_id, document in documents.items():
        body = "\n".join(wordxml.paragraph_texts(document.element.body))
        if matter.answers.case.number not in body:
            problems.append(f"{doc_id}.docx does not give the case number {matter.answers.case.number}")
        caption = caption_of(document)
        if caption is not None:
            captions[doc_id] = caption
        for line in matter.court.caption:
            if line not in body:
                problems.append(f"{doc_id}.docx does not name the court as “{line}”")
        for cited_word, number in sorted(set(citations_in(document))):
            if cited_word != word:
                problems.append(f"{doc_id}.docx cites “{cited_word} {number}”, but "
                                f"{matter.court.name} papers cite “{word} {number}”")
            if number not in numbers:
                problems.append(f"{doc_id}.docx cites docket {number}, which is not in the docket list")
    if len(set(captions.values())) > 1:
        first = next(iter(captions))
        differ = [d for d, c in captions.items() if c != captions[first]]
        problems.append(f"the captions of {', '.join(differ)} differ from that of {first}")
    if problems:
        raise ConsistencyError("the drafts disagree: " + "; ".join(problems))
