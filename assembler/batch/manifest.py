"""A batch's manifest: every case and document of a run, with its path, size, SHA-256 and status.

``manifest.json`` and ``manifest.csv`` in the output folder, rewritten as the
run goes; the next run reads the JSON to tell a case whose answers changed.
Each document also says whether an edited draft was kept aside (``edited``,
``kept``) and where its redline is.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assembler import __version__
from assembler.files import atomic_open

MANIFEST = "manifest"
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
    path = out_dir / f"{MANIFEST}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {case["file"]: case for case in data["cases"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


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
            handle.write(("," if index else "") + "\n    " + json.dumps(asdict(case), ensure_ascii=False))
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
