"""A batch's manifest: every case and document of a run, with its path, size, SHA-256 and status.

``manifest.json`` and ``manifest.csv`` in the output folder, written once, at the
end of a run or when it is interrupted.  As the run goes, each finished case is
appended to a journal beside them (``JOURNAL``, one JSON line, in time
proportional to the cases added), so that a run killed before its manifest was
written still leaves what the next run reads: ``read_manifest`` lays the journal
over the manifest it names by SHA-256, and the next run tells a case whose
answers changed.
Each document also says whether an edited draft was kept aside (``edited``,
``kept``) and where its redline is.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from assembler import __version__
from assembler.files import atomic_open

MANIFEST = "manifest"
JOURNAL = ".assembler-batch.journal"  # the cases finished since the manifest was written
Status = str  # "done", "skipped", "checked" (dry run), "invalid", "failed", "not-finished"


@dataclass
class DocumentResult:
    id: str
    path: str
    size: int
    sha256: str
    pdf: str | None = None
    pdf_size: int | None = None
    pdf_sha256: str | None = None
    pages: int | None = None
    edited: str | None = None  # the draft there had been edited: "kept" (as ``kept``) or "discarded"
    kept: str | None = None
    redline: str | None = None  # the changes since the last draft, as tracked changes


@dataclass
class CaseResult:
    file: str
    status: Status
    case_number: str | None = None
    folder: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    answers_sha256: str | None = None
    documents: list[DocumentResult] = field(default_factory=list)
    # with --pdf: each filing (a declaration with its exhibits), its path, pages, size and parts
    filings: list[dict] = field(default_factory=list)

    def as_record(self) -> dict:
        """The case as the manifest and the journal record it: ``dataclasses.asdict``'s dict
        (a copy: fields in order, each document a dict of its own), made without its deep
        copy of every string (the parent writes one per case, twice)."""
        record = {name: getattr(self, name) for name in _CASE_FIELDS}
        record["warnings"] = list(self.warnings)
        record["documents"] = [{name: getattr(d, name) for name in _DOCUMENT_FIELDS} for d in self.documents]
        record["filings"] = _plain(self.filings)
        return record


_CASE_FIELDS = tuple(f.name for f in fields(CaseResult))
_DOCUMENT_FIELDS = tuple(f.name for f in fields(DocumentResult))


def _plain(value: Any) -> Any:
    """Lists and dicts copied, immutable values (strings, numbers, None) shared."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


@dataclass
class BatchReport:
    cases: list[CaseResult]
    documents: list[str]
    interrupted: bool = False
    bases: list[str] = field(default_factory=list)
    manifest_error: str | None = None

    def count(self, status: Status) -> int:
        return sum(1 for case in self.cases if case.status == status)

    @property
    def ok(self) -> bool:
        return (
            not self.interrupted
            and self.manifest_error is None
            and all(c.status in ("done", "skipped", "checked") for c in self.cases)
        )


def read_manifest(out_dir: Path) -> dict[str, dict]:
    """Each case of the last run, by file: the manifest, with the journal of a run killed
    since it was written laid over it (a case's latest line wins); {} when there is none."""
    try:
        raw: bytes | None = (out_dir / f"{MANIFEST}.json").read_bytes()
    except OSError:
        raw = None
    cases: dict[str, dict] = {}
    if raw is not None:
        try:
            cases = {case["file"]: case for case in json.loads(raw)["cases"]}
        except (ValueError, KeyError, TypeError):
            cases = {}
    for case in _read_journal(out_dir / JOURNAL, _sha256(raw)):
        cases[case["file"]] = case
    return cases


def write_manifest(out_dir: Path, report: BatchReport) -> None:
    """manifest.json and manifest.csv, written case by case (a big batch is never one string)."""
    summary = {s: report.count(s) for s in ("done", "skipped", "invalid", "failed", "not-finished")}
    head = {
        "generator": f"assembler {__version__}",
        "documents": report.documents,
        "interrupted": report.interrupted,
        "summary": summary,
        "bases": report.bases,
    }
    with atomic_open(out_dir / f"{MANIFEST}.json", force=True) as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8")
        handle.write(json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ',\n  "cases": [')
        for index, case in enumerate(report.cases):
            handle.write(("," if index else "") + "\n    " + json.dumps(case.as_record(), ensure_ascii=False))
        handle.write("\n  ]\n}\n")
        handle.flush()
        handle.detach()
    with atomic_open(out_dir / f"{MANIFEST}.csv", force=True) as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(handle)
        writer.writerow(
            [
                "file",
                "case_number",
                "status",
                "error",
                "warnings",
                "document",
                "path",
                "size",
                "sha256",
                "pdf",
                "pdf_pages",
                "pdf_sha256",
                "edited",
                "kept",
                "redline",
            ]
        )
        for case in report.cases:
            rows: list[DocumentResult | None] = list(case.documents) or [None]
            for doc in rows:
                writer.writerow(
                    [
                        case.file,
                        case.case_number or "",
                        case.status,
                        case.error or "",
                        " | ".join(case.warnings),
                        doc.id if doc else "",
                        doc.path if doc else "",
                        doc.size if doc else "",
                        doc.sha256 if doc else "",
                        (doc.pdf or "") if doc else "",
                        (doc.pages or "") if doc else "",
                        (doc.pdf_sha256 or "") if doc else "",
                        (doc.edited or "") if doc else "",
                        (doc.kept or "") if doc else "",
                        (doc.redline or "") if doc else "",
                    ]
                )
        handle.flush()
        handle.detach()


def _sha256(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read_journal(path: Path, manifest_sha256: str | None) -> list[dict]:
    """The cases of a journal kept over the manifest whose SHA-256 is ``manifest_sha256``.

    A journal whose first line names another manifest (one written after it, by a run that
    ended before it could remove the journal) is stale and says nothing; a line cut short
    by a kill is left out.
    """
    try:
        lines = path.read_bytes().splitlines()
    except OSError:
        return []
    if not lines or _journal_head(lines[0]) != manifest_sha256:
        return []
    cases = []
    for line in lines[1:]:
        try:
            case = json.loads(line)
        except ValueError:
            continue
        if isinstance(case, dict) and isinstance(case.get("file"), str):
            cases.append(case)
    return cases


class Journal:
    """Appends each finished case to ``JOURNAL`` as one JSON line, flushed at once.

    Its first line names the manifest it extends by SHA-256, so that only a journal
    written since that manifest is read; a journal that cannot be written is given up
    (the manifest is still written at the end).
    """

    def __init__(self, out_dir: Path, *, enabled: bool = True) -> None:
        self.path = out_dir / JOURNAL
        self._handle: io.TextIOWrapper | None = None
        self._enabled = enabled

    def __enter__(self) -> Journal:
        if not self._enabled:
            return self
        manifest = self.path.with_name(f"{MANIFEST}.json")
        try:
            base = _sha256(manifest.read_bytes()) if manifest.exists() else None
            kept = self.path.read_bytes() if self.path.exists() else b""
            if kept and _journal_head(kept.split(b"\n", 1)[0]) == base:  # a killed run's: go on
                self._handle = open(self.path, "a", encoding="utf-8")
                if not kept.endswith(b"\n"):
                    self._handle.write("\n")  # after a line cut short by a kill
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._handle = open(self.path, "w", encoding="utf-8")
                self._handle.write(json.dumps({"journal": 1, "manifest_sha256": base}) + "\n")
            self._handle.flush()
        except OSError:
            self._close()
        return self

    def add(self, result: CaseResult) -> None:
        if self._handle is None:
            return
        try:
            self._handle.write(json.dumps(result.as_record(), ensure_ascii=False) + "\n")
            self._handle.flush()
        except OSError:
            self._close()

    def remove(self) -> None:
        """The manifest has it all: the journal goes (one left behind is ignored)."""
        self._close()
        if not self._enabled:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def __exit__(self, *exc: object) -> None:
        self._close()


def _journal_head(line: bytes) -> str | None | bool:
    """The manifest SHA-256 a journal's first line names (None: no manifest); False if not one."""
    try:
        head = json.loads(line)
    except ValueError:
        return False
    if not isinstance(head, dict) or head.get("journal") != 1:
        return False
    value = head.get("manifest_sha256")
    return value if value is None or isinstance(value, str) else False
