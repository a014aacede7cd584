"""The one check of a matter: everything that stands between an answer file and its drafts.

``check`` loads the answer file (the strict reader and the answer model), gives
the warnings a lawyer must read (the case citations among them: ``law.caselaw``),
picks the papers the court allows, lists what the papers need and the answers do
not give, and drafts the papers in memory,
the set cross-checked for consistency.  ``assembler check``, ``render``,
``batch`` and the interview's review all call it and print its lines, so they
say the same problems in the same words; ``render`` writes what it drafted, so
a file ``check`` passes always renders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembler.errors import AnswersError, AssemblerError, Problem

if TYPE_CHECKING:
    from assembler.answers.matter import Matter
    from assembler.papers.render import TemplateSet


@dataclass
class Report:
    """What ``check`` found for one answer file."""

    file: Path
    matter: Matter | None = None
    problems: list[str] = field(default_factory=list)  # each one sentence; any one stops drafting
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # the papers it drafts
    drafts: dict[str, Any] = field(default_factory=dict)  # id -> rendered document, in memory

    @property
    def ok(self) -> bool:
        return not self.problems

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def cannot_draft(self, exc: AssemblerError) -> None:
        """Why the papers cannot be drafted, as one problem naming the file once."""
        self.fail(f"{self.file}: cannot be drafted: {str(exc).removeprefix(f'{self.file}: ')}")

    def draft(self, documents: Sequence[str], templates: TemplateSet | None = None) -> None:
        """Draft ``documents`` in memory and cross-check them; a failure becomes a problem."""
        from assembler.papers.render import render_set

        assert self.matter is not None, "draft() after a failed load"
        try:
            rendered = render_set(self.matter, documents, templates)
        except AssemblerError as exc:
            self.cannot_draft(exc)
            return
        self.drafts = dict(zip(documents, rendered))
        for note in dict.fromkeys(n for doc in rendered for n in getattr(doc, "notes", [])):
            self.warnings.append(Problem(note, file=self.file))

    def lines(self) -> list[tuple[str, str]]:
        """(kind, text) for each line to show: kind is "warning", "note", "problem" or "ok"."""
        out = [("warning", f"warning: {w}") for w in self.warnings]
        out += [("note", f"note: {self.file}: {n}") for n in self.notes]
        out += [("problem", p) for p in self.problems]
        if self.ok:
            count = len(self.warnings)
            out.append(("ok", f"{self.file}: ok" + (f" ({count} warning{'s' * (count != 1)})" if count else "")))
        return out


def check(
    file: Path | str,
    documents: Sequence[str] | None = None,
    *,
    explicit: bool = False,
    unordered: bool = False,
    templates: TemplateSet | None = None,
    draft: bool = True,
) -> Report:
    """Everything wrong with the answer file ``file``, for ``documents`` (default: the
    registry's default set, as the court allows it).

    ``explicit``: the papers were named by the user (a barred one is an error, not
    a note); ``unordered``: draft a response the court allows only when ordered;
    ``draft``: also draft the papers in memory (``Report.drafts``).
    """
    from assembler.answers.matter import load_matter
    from assembler.docket.merge import marked_values
    from assembler.law.advice import advise
    from assembler.law.caselaw import warnings as case_citations
    from assembler.papers import registry

    report = Report(Path(file))
    try:
        report.matter = matter = load_matter(file)
    except AnswersError as exc:
        report.problems += [str(problem) for problem in exc.problems]
        return report
    report.warnings = (  # the import's guesses and suggested sentences; case citations (eyecite)
        advise(matter) + registry.barred_answers(matter) + marked_values(matter.source) + case_citations(matter)
    )
    try:
        report.documents, note = registry.allowed(
            matter, registry.default_ids() if documents is None else documents, explicit=explicit, unordered=unordered
        )
    except AssemblerError as exc:
        report.cannot_draft(exc)
        return report
    if note:
        report.notes.append(note)
    if missing := registry.missing(matter, report.documents):
        report.fail(
            f"{report.file}: cannot be drafted yet: it needs {', '.join(missing)} "
            f"(assembler interview {report.file} asks for them)"
        )
        return report
    if draft:
        report.draft(report.documents, templates)
    return report
