"""How a batch shows itself: a progress bar on a terminal, plain lines when piped, a summary."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from assembler.batch.run import BatchReport, CaseResult, run_batch

_STYLE = {
    "done": "green",
    "skipped": "cyan",
    "checked": "green",
    "invalid": "red",
    "failed": "red",
    "not-finished": "yellow",
}


def run_batch_with_progress(
    paths: Sequence[Path], out_dir: Path, documents: Sequence[str], **options: Any
) -> BatchReport:
    console = Console(stderr=True)
    if not console.is_terminal:

        def line(result: CaseResult, done: int, total: int) -> None:
            detail = f": {_reason(result)}" if result.error else ""
            print(f"[{done}/{total}] {result.file}: {result.status}{detail}", file=sys.stderr, flush=True)

        return run_batch(paths, out_dir, documents, progress=line, **options)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("drafting", total=None)

        def advance(result: CaseResult, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            if result.status in ("invalid", "failed"):  # user text is never console markup
                bar.console.print(
                    Text(f"{result.file}: {result.status}: {_reason(result)}", style="red"), highlight=False
                )

        return run_batch(paths, out_dir, documents, progress=advance, **options)


def show_summary(report: BatchReport, out_dir: Path, *, dry_run: bool = False) -> None:
    console = Console(stderr=True, highlight=False)
    table = Table(title="assembler batch" + (" (dry run)" if dry_run else ""))
    table.add_column("status")
    table.add_column("cases", justify="right")
    for status in ("done", "skipped", "checked", "invalid", "failed", "not-finished"):
        count = report.count(status)
        if count:
            table.add_row(f"[{_STYLE[status]}]{status}[/]", str(count))
    console.print(table)
    if report.bases:
        console.print(Text(f"shared bases, not drafted as cases: {', '.join(report.bases)}"))
    for case in report.cases:
        if case.status in ("invalid", "failed"):
            console.print(Text.assemble((case.file, "red"), f": {_reason(case)}"))
    _show_edits(console, report)
    warned = sum(1 for case in report.cases if case.warnings)
    if warned:
        console.print(
            f"[yellow]{warned} case{'s' * (warned != 1)} with warnings (late filing, "
            "unverified court rules...): see “warnings” in the manifest[/yellow]"
        )
    if report.interrupted:
        console.print(
            "[yellow]Interrupted: run the same command again to finish the cases marked not-finished.[/yellow]"
        )
    if report.manifest_error:
        console.print(Text(f"the manifest was not written: {report.manifest_error}", style="red"))
    elif not dry_run:
        console.print(Text(f"manifest: {out_dir / 'manifest.json'} and {out_dir / 'manifest.csv'}"))


def _show_edits(console: Console, report: BatchReport) -> None:
    """A line for each edited draft kept aside (or discarded); how many redlines were written."""
    redlines = 0
    for case in report.cases:
        for doc in case.documents:
            redlines += doc.redline is not None
            if doc.kept:
                console.print(
                    Text(
                        f"kept {doc.path} as {Path(doc.kept).name}: it differs from the draft last written (edited)",
                        style="yellow",
                    )
                )
            elif doc.edited == "discarded":
                console.print(Text(f"discarded the edits to {doc.path} (--discard-edits)", style="yellow"))
    if redlines:
        console.print(
            Text(
                f"{redlines} redline{'s' * (redlines != 1)} of drafts whose answers "
                "changed (<document>.redline.docx): see “redline” in the manifest"
            )
        )


def _reason(case: CaseResult) -> str:
    """The case's error without its file name, which the line already gives."""
    error = case.error or ""
    for prefix in (f"{case.file}, ", f"{case.file}: "):
        if error.startswith(prefix):
            return error[len(prefix) :]
    return error
