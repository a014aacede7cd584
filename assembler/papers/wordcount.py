"""Count a paper's words for a certificate of compliance, the way word-limit rules count.

The count covers the body and its footnotes, and leaves out what the rules
exclude: the counsel block, the caption and titles, the signature block and
every certificate.  A template prints ``{{r word_count }}``, which renders as
a marker; ``fill_word_count`` replaces it with the number once the paper is
whole, so the figure is that of the paper as rendered.
"""

from __future__ import annotations

import re
from typing import Any

from assembler.papers import styles, wordxml

WORD_COUNT_MARK = "\u2063word-count\u2063"
_WORD = re.compile(r"\S+")


def counted_words(document: Any) -> int:
    """Words of the body (until its closing line, by style) and of the footnotes."""
    words = 0
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else None
        if style == styles.CLOSING.name:
            break
        if style in styles.NOT_COUNTED:
            continue
        words += len(_WORD.findall(paragraph.text))
    words += sum(len(_WORD.findall(note)) for note in wordxml.footnote_texts(document))
    return words


def fill_word_count(document: Any) -> int | None:
    """Replace the word-count marker with the count; returns the count, None without a marker."""
    marks = [t for t in document.element.body.iter(f"{{{wordxml.W_NS}}}t") if t.text and WORD_COUNT_MARK in t.text]
    if not marks:
        return None
    count = counted_words(document)
    for t in marks:
        t.text = t.text.replace(WORD_COUNT_MARK, f"{count:,}")
    return count
