"""The command line: each command parses its options, calls one library function, maps errors.

User mistakes (``AssemblerError``) print as one red message and exit 1; a
traceback means a bug of ours.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import gc
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from assembler import __version__, completion
from assembler.errors import AssemblerError
from assembler.names import DEADLINE_RULES
from assembler.papers.registry import default_ids, paper_ids

if TYPE_CHECKING:
    from assembler.checks import Report

# Each command imports what it needs when it runs: docxtpl, pydantic and holidays
# cost half a second that --version and the interview's first question should not wait.

F = TypeVar("F", bound=Callable[..., Any])


def _collector_off(command: F) -> F:
    """Run ``command`` with Python's cycle collector off (mypy raises its thresholds for the same
    reason): a check's imports and drafts make some million objects, which the collector would
    walk again and again (a dozen collections, a tenth of a check's time), to free the little
    that a run of one file leaves in cycles (a 2 MB answer file checked: 154 MB at its peak,
    against 152 MB with the collector on).  A command of several files collects between them
    (``gc.collect()``); the collector is on again when the command returns."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return run  # type: ignore[return-value]


def _documents(value: str | None) -> list[str]:
    if not value:
        return list(default_ids())
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [d for d in chosen if d not in paper_ids()]
    if unknown:
        raise click.BadParameter(f"unknown document {', '.join(unknown)}; choose from {', '.join(paper_ids())}")
    return list(dict.fromkeys(chosen))


def _say(line: str, fg: str) -> None:
    """A line on stderr in ``fg``, or plain where NO_COLOR is set (no-color.org)."""
    click.secho(line, fg=fg, err=True, color=False if os.environ.get("NO_COLOR") else None)


_QUIET = click.option("-q", "--quiet", is_flag=True, help="Leave out warnings and notes; errors still print.")
# the options render, batch and check share, defined once
_DOCUMENTS = click.option(
    "--documents",
    shell_complete=completion.documents,
    help=f"Comma-separated papers ({', '.join(paper_ids())}); default: the court's set, the notice "
    "included where the court files one, and each side's declaration where the answers give one.",
)
_TEMPLATES = click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of your own .docx templates (render, batch and check draft with them).",
)
_UNORDERED = click.option(
    "--unordered-response",
    is_flag=True,
    help="Draft the response and reply even where a court rule allows them only when ordered or with leave.",
)


class _Day(click.ParamType):
    """A day as YYYY-MM-DD; one that does not exist is named as such, not as a wrong format."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{text} is not a day written YYYY-MM-DD (2024-06-05)", param, ctx)
        year, month, day = map(int, text.split("-"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
        if not 1 <= month <= 12:
            self.fail(f"{text} is not a day: a year has months 01 to 12", param, ctx)
        if year < 1:
            self.fail(f"{text} is not a day: years start at 0001", param, ctx)
        days = calendar.monthrange(year, month)[1]
        month_name = ("January February March April May June July August September October November December").split()[
            month - 1
        ]  # not the locale's
        self.fail(f"{text} is not a day: {month_name} {year} has {days} days", param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="assembler")
def cli() -> None:
    """Draft the papers of a motion for reconsideration in a US district court."""


@cli.command()
@click.argument("answers", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the drafts (default: the settings' output, else drafts).",
)
@_DOCUMENTS
@click.option(
    "--force", is_flag=True, help="Draft again over drafts that exist; a draft you edited is kept beside the new one."
)
@click.option(
    "--discard-edits", is_flag=True, help="As --force, but overwrite drafts you edited instead of keeping them."
)
@click.option("--dry-run", is_flag=True, help="Check and render, but write nothing.")
@_TEMPLATES
@_UNORDERED
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each draft (needs LibreOffice).")
@_QUIET
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object: check's (file, ok, problems, warnings, notes) with the case "
    "folder and each document written (id, path, size, sha256, kept, redline, pdf, pages).",
)
@_collector_off
def render(
    answers: Path,
    output: Path | None,
    documents: str | None,
    force: bool,
    discard_edits: bool,
    dry_run: bool,
    templates: Path | None,
    unordered_response: bool,
    pdf: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """Draft documents from an ANSWERS file into OUTPUT/<case number>/.

    The answers go through the same check as `assembler check` first: nothing is
    written unless every paper drafts. With --force, a draft you edited since it
    was written is kept as <document>.edited-<time>.docx, and a draft drafted
    again from changed answers gets <document>.redline.docx, the changes as
    tracked changes.
    """
    from assembler.checks import check
    from assembler.papers.render import TemplateSet, case_folder, write_rendered

    output = _setting("output", output) or Path("drafts")

    report = check(
        answers,
        _documents(documents),
        explicit=documents is not None,
        unordered=unordered_response,
        templates=TemplateSet(_setting("templates", templates)),
    )
    out = _report_json(report)  # --json: what check found, then what was written
    if not as_json:
        _show(report, quiet=quiet)
    if not report.ok:
        if as_json:
            click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        raise click.exceptions.Exit(1)
    assert report.matter is not None
    folder = case_folder(output, report.matter)
    out["folder"] = str(folder)
    out["dry_run"] = dry_run
    if dry_run:
        out["documents"] = [{"id": doc_id, "path": str(folder / f"{doc_id}.docx")} for doc_id in report.documents]
        if as_json:
            click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        for doc_id in [] if as_json else report.documents:
            click.echo(f"would write {folder / (doc_id + '.docx')}")
        return
    if pdf:
        from assembler.papers.pdf import soffice

        soffice()  # missing LibreOffice is said before anything is written
    written = write_rendered(folder, report.drafts, force=force or discard_edits, discard_edits=discard_edits)
    entries: list[dict[str, object]] = [
        {
            "id": draft.id,
            "path": str(draft.path),
            "size": draft.size,
            "sha256": draft.sha256,
            "kept": None if draft.kept is None else str(draft.kept),
            "discarded": draft.discarded,
            "redline": None if draft.redline is None else str(draft.redline),
        }
        for draft in written.documents
    ]
    out["documents"] = entries
    warnings = out["warnings"]
    assert isinstance(warnings, list)
    warnings += [{"message": line, "file": None, "line": None, "field": None} for line in written.warnings]
    for draft in [] if as_json else written.documents:
        for line in draft.lines():
            click.echo(line)
    for line in [] if as_json else written.warnings:
        click.secho(f"warning: {line}", fg="yellow", err=True)
    paths = [draft.path for draft in written.documents]
    if pdf:
        from assembler.law.advice import page_limit
        from assembler.papers.filing import size_warning, write_filings
        from assembler.papers.pdf import convert

        pdfs, filings = write_filings([(report.matter, paths)], convert)
        for entry, made in zip(entries, pdfs):
            entry.update(pdf=str(made.path), pages=made.pages, pdf_sha256=made.sha256)
            warning = page_limit(report.matter, made.path.stem, made.pages)
            if warning:
                warnings.append({"message": warning, "file": None, "line": None, "field": None})
            if as_json:
                continue
            click.echo(f"wrote {made.path} ({made.pages} page{'s' * (made.pages != 1)})")
            if warning and not quiet:
                _say(f"warning: {warning}", "yellow")
        out["filings"] = [{"path": str(filing.path), **filing.as_record()} for filing in filings[0]]
        for filing in filings[0]:
            warning = size_warning(report.matter.court, filing)
            if warning:
                warnings.append({"message": warning, "file": None, "line": None, "field": None})
            if as_json:
                continue
            parts = "; ".join(f"{b.title}: page {b.page}" for b in filing.bookmarks)
            click.echo(f"wrote {filing.path} ({filing.pages} pages, {filing.size:,} bytes: {parts})")
            if warning and not quiet:
                _say(f"warning: {warning}", "yellow")
    if as_json:
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))


def _setting(key: str, given: Path | None) -> Path | None:
    """A folder given on the command line, else the user's settings' (``assembler config``)."""
    if given is not None:
        return given
    from assembler import settings

    return settings.load().path(key)


def _show(report: Report, *, ok: bool = False, quiet: bool = False) -> None:
    """A check's lines: warnings and notes in yellow, problems in red (stderr); "ok" if asked;
    ``quiet``: no warnings and notes."""
    for kind, line in report.lines():
        if kind == "ok":
            if ok:
                click.echo(line)
        elif kind == "problem":
            _say(line, "red")
        elif not quiet:
            _say(line, "yellow")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the drafts and the manifest (default: the settings' output, else drafts).",
)
@_DOCUMENTS
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per CPU core).")
@click.option("--force", is_flag=True, help="Draft every case again; a draft you edited is kept beside the new one.")
@click.option(
    "--discard-edits", is_flag=True, help="As --force, but overwrite drafts you edited instead of keeping them."
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first invalid or failed case.")
@click.option("--dry-run", is_flag=True, help="Validate and render every case, but write nothing.")
@_TEMPLATES
@_UNORDERED
@click.option(
    "--pdf", is_flag=True, help="Also write a PDF beside each draft, all from one LibreOffice run (needs LibreOffice)."
)
@_QUIET
def batch(
    paths: tuple[Path, ...],
    output: Path | None,
    documents: str | None,
    jobs: int | None,
    force: bool,
    discard_edits: bool,
    fail_fast: bool,
    dry_run: bool,
    templates: Path | None,
    unordered_response: bool,
    pdf: bool,
    quiet: bool,
) -> None:
    """Draft every case in PATHS (answer files, or folders of them) into OUTPUT/<case number>/.

    Files that others name in extends: are shared bases, not cases. Every case
    is validated first; a bad case is reported and the rest are drafted. The
    manifest (OUTPUT/manifest.json and .csv) lists every case and document with
    its SHA-256 and status. Run the same command again to finish an interrupted
    run: cases already drafted are skipped unless --force, which keeps the drafts
    you edited and writes redlines where the answers changed, as render does.
    """
    from assembler.batch.progress import run_batch_with_progress, show_summary

    output = _setting("output", output) or Path("drafts")
    chosen = _documents(documents)
    if pdf:
        from assembler.papers.pdf import soffice

        soffice()
    report = run_batch_with_progress(
        list(paths),
        output,
        chosen,
        jobs=jobs,
        force=force,
        fail_fast=fail_fast,
        dry_run=dry_run,
        template_dir=_setting("templates", templates),
        explicit=documents is not None,
        unordered=unordered_response,
        pdf=pdf,
        discard_edits=discard_edits,
    )
    if quiet:  # the summary without its warnings and notes (the manifest keeps them)
        import dataclasses

        report = dataclasses.replace(
            report,
            bases=[],
            cases=[dataclasses.replace(case, warnings=[]) if case.warnings else case for case in report.cases],
        )
    show_summary(report, output, dry_run=dry_run)
    if report.interrupted:
        raise click.exceptions.Exit(130)
    if not report.ok:
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_DOCUMENTS
@_UNORDERED
@_QUIET
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON list, one object per file: file, ok, problems and warnings (each "
    "with message, file, line, field), notes.",
)
@_TEMPLATES
@_collector_off
def check(
    files: tuple[Path, ...],
    documents: str | None,
    unordered_response: bool,
    quiet: bool,
    as_json: bool,
    templates: Path | None,
) -> None:
    """Check answer FILES and report every problem, with file and line; writes nothing.

    A file that passes renders: check validates the answers and drafts the
    documents in memory, as render would, without writing them. Warnings (a
    deadline already past, a response the court may not allow, rule figures
    the court's profile does not know) are printed but do not fail.
    """
    from assembler.checks import check
    from assembler.papers.render import TemplateSet

    template_set = TemplateSet(_setting("templates", templates))
    failed = 0
    found = []
    for index, file in enumerate(files):
        if index:
            gc.collect()  # the last file's drafts (``_collector_off``)
        report = check(
            file,
            _documents(documents),
            explicit=documents is not None,
            unordered=unordered_response,
            templates=template_set,
        )
        if as_json:
            found.append(_report_json(report))
        else:
            _show(report, ok=True, quiet=quiet)
        failed += not report.ok
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
    if failed:
        raise click.exceptions.Exit(1)


def _report_json(report: Report) -> dict[str, object]:
    """``check --json``'s object for one file; each problem located as ``check`` found it."""
    from assembler.errors import AnswersError, Problem

    located: dict[str, Problem] = {}
    if not report.ok and report.matter is None:  # the answers' own problems: read them again
        from assembler.answers.matter import load_matter

        try:
            load_matter(report.file)
        except AnswersError as exc:
            located = {str(problem): problem for problem in exc.problems}

    def entry(problem: Problem) -> dict[str, object]:
        return {
            "message": problem.message,
            "file": None if problem.file is None else str(problem.file),
            "line": problem.line,
            "field": problem.field,
        }

    def problem_of(text: str) -> Problem:
        if text in located:
            return located[text]
        prefix = f"{report.file}: "  # the check's own sentences: "FILE: cannot be drafted: ..."
        return Problem(text.removeprefix(prefix), report.file if text.startswith(prefix) else None)

    return {
        "file": str(report.file),
        "ok": report.ok,
        "problems": [entry(problem_of(text)) for text in report.problems],
        "warnings": [entry(warning) for warning in report.warnings],
        "notes": list(report.notes),
    }


@cli.command("config")
def show_config() -> None:
    """Show the settings file (ASSEMBLER_CONFIG, else the platform's config folder) and what it sets.

    It may give counsel (a counsel block laid under every answer file's own),
    output and templates (folders) and soffice (LibreOffice's program); the
    answer file and the command line win over it.
    """
    from assembler import settings

    found = settings.load()
    where = f"{settings.ENV}" if os.environ.get(settings.ENV, "").strip() else "the platform's config folder"
    click.echo(f"settings file: {found.file} ({where}){'' if found.exists else ': none there'}")
    for key in settings.KEYS:
        value = found.values.get(key)
        if value is None:
            click.echo(f"  {key}: not set")
        elif key == "counsel":
            for side, block in value.items():
                names = [a.get("name", "?") for a in (block or {}).get("attorneys", []) if isinstance(a, dict)]
                click.echo(f"  counsel.{side}: {', '.join(names) or 'given'}")
        else:
            click.echo(f"  {key}: {found.path(key)}")


@cli.group()
def docket() -> None:
    """Start an answer file from the docket sheet (PACER or CourtListener)."""


@docket.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), help="Write a new answer file."
)
@click.option(
    "--into",
    "into",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add the docket's new entries to this answer file; touch nothing else.",
)
@click.option(
    "--movant",
    type=click.Choice(["plaintiff", "defendant"]),
    help="The side that moves: its counsel become the movant's, the other side's the opponent's.",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
def import_docket(source: Path, output: Path | None, into: Path | None, movant: str | None, force: bool) -> None:
    """Read a PACER docket report (saved as HTML) or a CourtListener docket (JSON) into answers.

    Court, case number, judge, parties, counsel and every numbered entry come
    from the docket; what is guessed from the clerk's text (who filed an entry,
    which entry is the motion for reconsideration) is marked "# guessed" in the
    file and listed. Reading PACER pages needs the pacer extra.
    """
    from assembler.docket.mapping import answers_from, summary
    from assembler.docket.merge import merge_into, write_new
    from assembler.docket.sources import read

    if (output is None) == (into is None):
        raise click.UsageError("give one of -o FILE (a new answer file) or --into FILE (an existing one)")
    parsed = read(source)
    imported = answers_from(parsed, movant)
    for line in summary(parsed, imported):
        click.echo(line)
    if output is not None:
        write_new(imported, output, source, force=force)
        click.echo(
            f"wrote {output}; next: assembler check {output} (what is missing), "
            f"assembler interview {output} (asks for it)"
        )
        return
    assert into is not None
    merged = merge_into(imported, into)
    click.echo(
        f"added {len(merged.added)} new entr{'y' if len(merged.added) == 1 else 'ies'} to {into}"
        + (f": {', '.join(map(str, merged.added))}" if merged.added else "")
    )
    for change in merged.changed:
        _say(f"changed on the docket since: {change} (yours is kept)", "yellow")


@cli.command()
@click.argument("ids", nargs=-1, shell_complete=completion.grounds)
@click.option("--side", type=click.Choice(["movant", "opponent"]), help="Only the grounds this side raises.")
@click.option(
    "--rule",
    "vehicle",
    type=click.Choice(["local", "54b", "59e", "60b"]),
    help="Only the grounds that fit this motion.rule.",
)
@click.option("--full", is_flag=True, help="Also print each ground's default text.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON list, one object per ground: id, side, family, heading, vehicles, authorities, fills and text.",
)
def grounds(ids: tuple[str, ...], side: str | None, vehicle: str | None, full: bool, as_json: bool) -> None:
    """List the grounds library: ids to use under grounds: or opposition: in an answer file.

    Give IDS to list only those grounds.
    """
    from assembler.law.grounds import library, shown_heading

    if unknown := [i for i in ids if i not in library()]:
        raise click.BadParameter(f"no ground {', '.join(unknown)} in the library (assembler grounds lists them)")
    chosen = [
        ground
        for ground in library().values()
        if not (ids and ground.id not in ids)
        and not (side and ground.side != side)
        and not (vehicle and ground.vehicles and vehicle not in ground.vehicles)
    ]
    if as_json:
        listed = [
            {
                "id": g.id,
                "side": g.side,
                "family": g.family,
                "heading": shown_heading(g.heading),
                "vehicles": list(g.vehicles),
                "authorities": list(g.authorities),
                "fills": dict(g.fills),
                "text": g.text,
            }
            for g in chosen
        ]
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
        return
    for ground in chosen:
        click.echo(f"{ground.id:<26} {ground.side:<9} {shown_heading(ground.heading)}")
        for authority in ground.authorities:
            click.echo(f"{'':<36} {authority}")
        for name, what in ground.fills.items():
            click.echo(f"{'':<36} blank fills.{name}: {what}")
        if full:
            click.echo(textwrap.indent(ground.text.rstrip(), " " * 4) + "\n")


@cli.command()
@click.option(
    "--court",
    "court_id",
    required=True,
    shell_complete=completion.courts,
    help="Court id, as CourtListener names it (azd, nysd, ohnd).",
)
@click.option(
    "--from",
    "start",
    required=True,
    type=_Day(),
    help="The day of the triggering event (the order, or entry of judgment), YYYY-MM-DD.",
)
@click.option(
    "--rule",
    type=click.Choice(DEADLINE_RULES),
    default="local",
    show_default=True,
    help="local: the court's reconsideration rule; 59e: Fed. R. Civ. P. 59(e); "
    "60b: Fed. R. Civ. P. 60(c)(1), for 60(b)(1)-(3).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the count as JSON.")
def deadline(court_id: str, start: dt.date, rule: str, as_json: bool) -> None:
    """Count the last day to move for reconsideration under FRCP 6(a).

    Prints the count step by step, and the last day as YYYY-MM-DD alone on the
    final line.
    """
    from assembler.law.courts import load_court
    from assembler.law.deadlines import compute

    result = compute(load_court(court_id), start, rule)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(result.explain()))


@cli.command()
@click.argument("answers", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "prefill",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Another answer file whose answers are the defaults.",
)
@click.option(
    "--ask",
    "sections",
    metavar="SECTIONS",
    help="Ask only these comma-separated sections (court, parties, movant, order, docket, "
    "grounds, opposition, motion, counsel, ruling).",
)
def interview(answers: Path, prefill: Path | None, sections: str | None) -> None:
    """Build or resume the ANSWERS file by answering questions, then draft the papers.

    Every answer is saved to ANSWERS at once; Ctrl-C stops, and the same command
    resumes at the first unanswered question.
    """
    from assembler.names import SECTION_NAMES

    only = [s.strip() for s in (sections or "").split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTION_NAMES]
    if unknown:
        raise click.BadParameter(
            f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTION_NAMES)}", param_hint="--ask"
        )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        _say(
            "assembler interview asks questions in a terminal, and this is not one; "
            "write the answer file and use `assembler check` and `assembler render`.",
            "red",
        )
        raise click.exceptions.Exit(2)
    from assembler.interview.prompts import TerminalAsker
    from assembler.interview.session import run_interview

    asker = TerminalAsker(echo=click.echo, color="NO_COLOR" not in os.environ)
    try:
        run_interview(answers, asker, prefill_from=prefill, only=only)
    except (KeyboardInterrupt, EOFError):
        click.echo("")
        _say(
            f"Stopped. Every answer given so far is saved in {answers}; "
            f"run `assembler interview {answers}` to continue.",
            "yellow",
        )
        raise click.exceptions.Exit(130) from None


@cli.group("templates")
def templates_group() -> None:
    """The Word templates the papers are drafted from: copy them to make your firm's own."""


@templates_group.command("copy")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def copy_templates_command(folder: Path) -> None:
    """Copy the shipped templates and their shared parts (parts/) into FOLDER, to edit in Word.

    Draft with them by giving --templates FOLDER to render, batch and check.
    An existing file is never overwritten.
    """
    from assembler.papers.firm import copy_templates

    for path in copy_templates(folder):
        click.echo(f"wrote {path}")
    click.echo(
        f"next: edit them in Word (keep the {{{{ }}}} and {{% %}} tags and the style names), then "
        f"assembler check ANSWERS.yaml --templates {folder}"
    )


@cli.command()
def schema() -> None:
    """Print the JSON Schema of answer files (for your editor)."""
    from assembler.answers.model import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one red message and exit 1."""
    try:
        result = cli.main(args=argv, prog_name="assembler", standalone_mode=False)
        if isinstance(result, int):  # click returns the code of an Exit raised by a command
            sys.exit(result)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _say("Aborted.", "red")
        sys.exit(130)
    except AssemblerError as exc:
        _say(f"Error: {exc}", "red")
        sys.exit(1)
    except KeyboardInterrupt:
        _say("Interrupted.", "red")
        sys.exit(130)
