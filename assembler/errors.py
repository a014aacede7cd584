"""One error tree: every mistake a user can make is an ``AssemblerError``.

The CLI prints ``str(error)`` (one sentence, with file and line where there is
one) and exits 1; anything else that escapes is our bug and keeps its traceback,
``DataError`` (a data file of the package that does not fit its schema) among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class AssemblerError(Exception):
    """Root of every user-facing error."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answer file, located as precisely as we can."""

    message: str
    file: Path | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}"
            if self.line is not None:
                where += f", line {self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class AnswersError(AssemblerError):
    """An answer file cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the answers:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class TemplateError(AssemblerError):
    """A template is missing, malformed, or asks for a value the answers do not give."""


class CourtError(AssemblerError):
    """A court id or court profile cannot be used."""


class OutputError(AssemblerError):
    """An output cannot be written (exists without --force, unsafe name, disk error)."""


class ConsistencyError(AssemblerError):
    """The papers of one set disagree (caption, citation style, docket numbers)."""


class DataError(RuntimeError):
    """A data file shipped in the package does not fit its schema: one sentence naming the
    file and the key.  Not an ``AssemblerError``: the package's own data is ours to fix, so
    the CLI keeps the traceback and a batch reports it as an internal error."""
