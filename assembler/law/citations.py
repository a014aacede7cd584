"""The docket-citation words courts use, in one table, and how a citation prints and reads back.

``WORDS`` is the table: each word, its plural where courts write one, and
whether the number may follow it without a space.  The rest is derived from it:
the answers' and the profiles' ``CitationWord``, ``CitationStyle`` (how the
papers print a citation), the pattern the consistency check reads the drafts
with (``PRINTED``) and the words the answers' markup lets a citation begin with
(``TYPED``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, model_validator

NBSP = "\u00a0"


@dataclass(frozen=True)
class Word:
    """One word of the table."""

    word: str
    # "ECF Nos. 151, 152"; None: the word repeats for each entry ("Docket 22; Docket 26")
    plural: str | None
    # courts also print the number right after it ("Dkt. #933"); every word takes a space
    unspaced: bool = False


WORDS: dict[str, Word] = {
    w.word: w
    for w in (
        Word("Docket", None),  # D. Ariz., the model order: "Docket 18 at 7-8"
        Word("ECF No.", "ECF Nos."),  # most districts: "ECF No. 14"
        Word("Dkt. No.", "Dkt. Nos."),  # C.D. Cal.: "Dkt. No. 64"
        Word("Dkt.", "Dkts."),  # N.D. Ill.: "Dkt. 56"
        Word("Dkt. #", None, unspaced=True),  # W.D. Wash. "Dkt. # 212", E.D. Tex. "Dkt. #12"
        Word("Doc.", "Docs."),  # M.D. Fla.: "(Doc. 72)"
        Word("Doc. No.", "Doc. Nos."),
        Word("dkt.", "dkt."),  # "dkt. 151, 152": the lower-case form has one word
    )
}

if TYPE_CHECKING:
    CitationWord = str  # mypy cannot read a Literal built from the table; pydantic can
else:
    CitationWord = Literal[tuple(WORDS)]
Placement = Literal["footnote", "inline"]
Brackets = Literal["()", "[]"]

PLURALS: dict[str, str] = {w.word: w.plural for w in WORDS.values() if w.plural}
SINGULARS: dict[str, str] = {plural: word for word, plural in PLURALS.items()}


def _alternatives(words: Iterable[str], space: str) -> str:
    """``words`` as one regex alternation, longest first, escaped, with ``space`` for a space."""
    return "|".join(re.escape(word).replace(r"\ ", space) for word in sorted(set(words), key=lambda w: (-len(w), w)))


_STARTS = "|".join(sorted({re.escape(word[:2]) for word in (*WORDS, *PLURALS.values())}))
# a citation as the drafts print it, read back with spaces for non-breaking spaces:
# the word or its plural, then the numbers ("ECF Nos. 151, 152", "Dkt. #12"); the lookahead
# on a word's first two letters lets the search pass over the rest of a long draft quickly
PRINTED = re.compile(rf"(?={_STARTS})(?<![\w.])({_alternatives([*WORDS, *PLURALS.values()], ' ')}) ?(\d+(?:, \d+)*)")
# the words a citation in the answers' markup may begin with ("[[ECF No. 18]]"), any case
TYPED = _alternatives({word.lower() for word in WORDS}, r"\s+")


class CitationStyle(BaseModel):
    """How the court's orders cite the docket: ``Docket 18 at 7-8`` in a footnote, etc.

    ``space`` is False where the number follows the word directly ("Dkt. #933").
    Citations never break across lines: the spaces inside one are non-breaking.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: CitationWord
    placement: Placement
    brackets: Brackets = "()"
    space: bool = True
    verified: bool
    source: str

    @model_validator(mode="after")
    def _spaced(self) -> CitationStyle:
        if not self.space and not WORDS[self.word].unspaced:
            joined = ", ".join(w.word for w in WORDS.values() if w.unspaced)
            raise ValueError(f"“{self.word}” is always followed by a space; space: false is for {joined}")
        return self

    def _word(self, word: str, number: int | str) -> str:
        return f"{word.replace(' ', NBSP)}{NBSP if self.space else ''}{number}"

    def one(self, number: int, pages: str | None = None) -> str:
        """``ECF No. 18``, or ``ECF No. 18 at 3-4`` with a pin cite."""
        text = self._word(self.word, number)
        return f"{text}{NBSP}at{NBSP}{pages}" if pages else text

    def several(self, cites: list[tuple[int, str | None]]) -> str:
        """Several entries: ``ECF Nos. 151, 152`` where the word has a plural and no entry has a
        pin cite; else each in full, joined by semicolons (``Docket 22; Docket 26 at 2``)."""
        plural = WORDS[self.word].plural
        if len(cites) > 1 and plural and all(pages is None for _, pages in cites):
            return self._word(plural, ", ".join(str(number) for number, _ in cites))
        return "; ".join(self.one(number, pages) for number, pages in cites)
