"""The evidence a side files with its paper: a declaration (28 U.S.C. § 1746) and its exhibits.

Each exhibit's label is the answers' own, else the next in the court's convention
(letters where the profile does not say numbers).  A citation ``[[Ex. A at 3]]``
or ``[[Decl. ¶ 4]]`` in a side's text names that side's declaration; this module
says which side a text belongs to, checks every such citation against the
declaration, and checks that each exhibit's file is there and can be read.
"""

from __future__ import annotations

import string
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.answers.markup import Document, RecordCite

if TYPE_CHECKING:
    from assembler.answers.model import Answers, Declaration
    from assembler.answers.reader import FieldPath, Source
    from assembler.errors import Problem
    from assembler.law.courts import Court

SIDES = ("movant", "opponent")
# where each side's declaration is in the answers
DECLARATION_PATH: dict[str, tuple[str, str]] = {
    "movant": ("motion", "declaration"),
    "opponent": ("response", "declaration"),
}
PDF_MAGIC = b"%PDF-"


def declaration(answers: Answers, side: str) -> Declaration | None:
    section, name = DECLARATION_PATH[side]
    return getattr(getattr(answers, section), name)


def declarations(answers: Answers) -> Iterator[tuple[str, Declaration]]:
    for side in SIDES:
        if (found := declaration(answers, side)) is not None:
            yield side, found


def side_of(path: FieldPath) -> str | None:
    """The side whose own text ``path`` is (its papers alone print it), or None for a text
    the papers of both sides or the court print (the docket's background, the order)."""
    head = path[0] if path else None
    part = path[1] if len(path) > 1 else None
    if head in ("motion", "reply", "response") and part in ("introduction", "declaration"):
        return "opponent" if head == "response" else "movant"
    if head == "grounds" and path[-1] == "text":
        return "movant"
    if head == "opposition":
        return {"text": "opponent", "reply": "movant"}.get(str(path[-1]))
    return None


def _letters(index: int) -> str:
    """A, B, ..., Z, AA, AB, ... for 0, 1, ..."""
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def labels(found: Declaration, court: Court) -> list[str]:
    """Each exhibit's label: its own, else the next in the court's convention."""
    numbers = court.filing.exhibit_labels.value == "numbers"
    return [
        exhibit.label or (str(index + 1) if numbers else _letters(index))
        for index, exhibit in enumerate(found.exhibits)
    ]


def paragraph_count(found: Declaration) -> int:
    """The declaration's numbered paragraphs: the answers' own, then one introducing each exhibit."""
    return len(found.paragraphs) + len(found.exhibits)


def surname(name: str) -> str:
    """How a citation names the declarant: "Santos" for "Maria L. Santos" (a suffix kept off)."""
    words = [w for w in name.replace(",", " ").split() if w.rstrip(".").lower() not in ("esq", "jr", "sr", "ii", "iii")]
    return words[-1] if words else name


def citation_problems(
    answers: Answers, court: Court, source: Source, texts: dict[FieldPath, Document]
) -> list[Problem]:
    """Every citation to a declaration that is not in the text of a side with one, or that
    names an exhibit or paragraph the declaration does not have."""
    problems = []
    for path, document in texts.items():
        for citation, line_offset in document.citations:
            for cite in citation.cites:
                if not isinstance(cite, RecordCite):
                    continue
                side = side_of(path)
                found = declaration(answers, side) if side else None
                where = ".".join(DECLARATION_PATH[side]) if side else ""
                if side is None:
                    why = (
                        "cites a declaration, which only a side's own text can (its grounds, its "
                        "paper's introduction, the replies): both sides' papers or the court's print this one"
                    )
                elif found is None:
                    why = f"cites a declaration, and {where} gives none"
                elif cite.exhibit and cite.exhibit not in (have := labels(found, court)):
                    why = f"cites Exhibit {cite.exhibit}, which {where} does not have (it has {_listed(have)})"
                elif cite.paragraphs and max(cite.paragraphs) > (count := paragraph_count(found)):
                    why = (
                        f"cites paragraph {max(cite.paragraphs)} of the declaration, which has {count} "
                        f"(its paragraphs, then one for each exhibit)"
                    )
                else:
                    continue
                problems.append(source.problem(f"{citation.source} {why}", path, line_offset))
    return problems


def _listed(have: list[str]) -> str:
    if not have:
        return "no exhibits"
    return "Exhibit " + have[0] if len(have) == 1 else "Exhibits " + ", ".join(have[:-1]) + " and " + have[-1]


def exhibit_file(source: Source, side: str, index: int, name: str) -> Path:
    """The file ``name`` of the side's exhibit ``index``, relative to the answer file that names it."""
    position = source.position((*DECLARATION_PATH[side], "exhibits", index, "file"))
    return (position.file if position is not None else source.file).parent / name


def file_problem(path: Path) -> str | None:
    """Why the exhibit file at ``path`` cannot be filed, or None: it must be there, and be a PDF
    (read by pypdf) or a Word file (.docx)."""
    if not path.is_file():
        return f"the exhibit file {path} is not there"
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            from pypdf import PdfReader
            from pypdf.errors import PdfReadError

            with path.open("rb") as handle:
                if handle.read(1024).find(PDF_MAGIC) < 0:
                    return f"the exhibit file {path} is not a PDF"
            try:
                if len(PdfReader(path).pages) == 0:
                    return f"the exhibit file {path} is a PDF with no pages"
            except (PdfReadError, ValueError, KeyError, OSError) as exc:
                return f"the exhibit file {path} is a PDF that cannot be read ({exc})"
            return None
        if suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                if "word/document.xml" not in package.namelist():
                    return f"the exhibit file {path} is not a Word document"
            return None
    except (OSError, zipfile.BadZipFile) as exc:
        return f"the exhibit file {path} cannot be read ({exc})"
    return f"the exhibit file {path} is neither a PDF nor a Word file (.docx)"


def exhibit_problems(answers: Answers, court: Court, source: Source) -> list[Problem]:
    """Labels given twice, and exhibit files that are missing or cannot be read."""
    problems = []
    for side, found in declarations(answers):
        path = (*DECLARATION_PATH[side], "exhibits")
        seen: dict[str, int] = {}
        for index, label in enumerate(labels(found, court)):
            if label in seen:
                problems.append(
                    source.problem(
                        f"Exhibit {label} is labelled twice (also exhibits.{seen[label]})", (*path, index, "label")
                    )
                )
            seen.setdefault(label, index)
        for index, exhibit in enumerate(found.exhibits):
            if why := file_problem(exhibit_file(source, side, index, exhibit.file)):
                problems.append(source.problem(why, (*path, index, "file")))
    return problems
