"""Render many cases in one run: validate them all, then draft them in parallel.

A batch takes answer files and folders of them.  Files that other inputs name
in ``extends:`` are bases, not cases.  Every case is validated first and the
invalid ones are reported together; the valid ones are rendered by a pool of
worker processes, each of which compiles the templates once.  A case is loaded
and checked once: the worker that validated it keeps what the check found
(``batch.checked``), and the drafting takes that up.  So a case is drafted as it
was validated: an answer file changed on disk between the two (a batch of
thousands takes minutes) is drafted as it read when it was checked, the
manifest's ``answers_sha256`` is the digest of that version, and the case warns
that the file changed since, to be drafted again with ``--force``.  A case's
failure stays with that case.  A manifest (JSON and CSV, ``batch.manifest``)
lists every case and document with its path, size, SHA-256 and status; it is
written once, at the end of the run or when it is interrupted, and each finished
case is appended to a journal as it finishes, so a second run of the same
command (even after a kill) finishes what the first did not, skipping the cases
that are done.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import itertools
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from assembler.answers.reader import read_yaml
from assembler.batch import checked as kept
from assembler.batch.manifest import BatchReport, CaseResult, DocumentResult, Journal
from assembler.batch.manifest import read_manifest as _read_manifest
from assembler.batch.manifest import write_manifest as _write_manifest
from assembler.checks import check
from assembler.errors import AnswersError, AssemblerError, OutputError
from assembler.files import describe, remove_stale_temporaries
from assembler.papers.drafts import Written, answers_digest, read_record, write_case
from assembler.papers.render import TemplateSet, case_folder, docx_bytes, folder_for_case

if TYPE_CHECKING:
    pass

LOCK = ".assembler-batch.lock"


# -- inputs ------------------------------------------------------------------------
def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(cases, bases): answer files under ``paths``; a file another one extends is a base."""
    files: dict[Path, Path] = {}  # each file by where it resolves to (each path resolved once)
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.yaml") if p.is_file())
        elif path.is_file():
            found = [path]
        else:
            raise OutputError(f"{path}: no such file or folder")
        for file in found:
            files.setdefault(file.resolve(), file)
    bases: set[Path] = set()
    targets: dict[tuple[Path, str], Path] = {}  # the cases of a folder mostly name one base
    for file in files.values():
        target = _extends(file)
        if target is not None:
            if (file.parent, target) not in targets:
                targets[file.parent, target] = (file.parent / target).resolve()
            bases.add(targets[file.parent, target])
    cases = [file for key, file in files.items() if key not in bases]
    return cases, [file for key, file in files.items() if key in bases]


def _extends(file: Path) -> str | None:
    """The base a file names in ``extends:``, read by the one strict reader."""
    try:
        data, _ = read_yaml(file)
    except AnswersError:
        return None  # reported when the case is validated
    value = data.get("extends") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


# -- one case, in a worker -----------------------------------------------------------------
_templates: TemplateSet | None = None


def _init_worker(template_dir: str | None, documents: Sequence[str], parent: int) -> None:
    """Each worker compiles the templates once; Ctrl-C is the parent's to handle."""
    global _templates
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent)
    _templates = TemplateSet(Path(template_dir) if template_dir else None)
    for doc_id in documents:
        _templates.compiled(doc_id)
    gc.freeze()  # what lives for the whole run is never scanned again by the collector


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (``kill -9``) exits instead of waiting forever for work."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@contextlib.contextmanager
def _output_lock(out_dir: Path) -> Iterator[BinaryIO]:
    """One batch at a time per output folder; a second is refused with one sentence.

    The lock is the kernel's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it
    goes with the process that held it, however that process ended.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir / LOCK, "a+b")
    except OSError as exc:
        raise OutputError(describe(exc, out_dir / LOCK)) from None
    with handle:
        if not _lock(handle):
            raise OutputError(
                f"another assembler batch is drafting into {out_dir}; wait for it to finish, or give another -o folder"
            )
        try:
            yield handle
        finally:
            _unlock(handle)


def _name_workspace(lock: BinaryIO, workspace: Path) -> None:
    """Write where this run keeps its checks in the lock file, first removing the folder the
    last run named there: holding the lock, this run knows that one ended, and if it was
    killed (``kill -9``, a crash) its folder was left behind."""
    with contextlib.suppress(OSError):  # a lock file that cannot be read or written is still a lock
        lock.seek(0)
        previous = lock.read().decode("utf-8", "replace").strip()
        if previous:
            kept.remove_left(Path(previous))
        lock.seek(0)
        lock.truncate()
        lock.write(str(workspace).encode("utf-8"))
        lock.flush()


def _lock(handle: BinaryIO) -> bool:
    """Lock the open lock file without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)  # the first byte: a region past the end of the file may be locked
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: BinaryIO) -> None:
    """Windows wants its byte lock released before the file closes; flock goes with the close."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def validate_case(
    file: str, keep_at: str, documents: Sequence[str] = (), explicit: bool = False, unordered: bool = False
) -> CaseResult:
    """The one check of a case, without drafting: invalid cases are reported before any is drafted.

    A valid case's check is kept at ``keep_at`` for ``render_case``; one that cannot be
    kept there (a full disk) fails the case, still before any case is drafted."""
    try:
        report = check(file, list(documents) or None, explicit=explicit, unordered=unordered, draft=False)
    except Exception:  # a bug of ours: this case fails, the batch goes on
        return CaseResult(file, "invalid", error=_internal_error())
    if not report.ok:
        return CaseResult(file, "invalid", error="\n".join(report.problems))
    assert report.matter is not None
    number = report.matter.answers.case.number
    try:
        digest = answers_digest(report.matter.source.files)
        kept.keep(kept.Checked(report, digest), Path(keep_at))
    except AssemblerError as exc:
        return CaseResult(file, "failed", case_number=number, error=str(exc))
    except Exception:  # a bug of ours: this case fails, the batch goes on
        return CaseResult(file, "failed", case_number=number, error=_internal_error())
    warnings = [str(w) for w in report.warnings]  # the manifest's, should its case number be taken
    return CaseResult(file, "valid", case_number=number, warnings=warnings, answers_sha256=digest)


def _internal_error() -> str:
    """The sentence for a bug of ours, with the traceback a report needs."""
    return "internal error, please report it:\n" + traceback.format_exc().rstrip()


def render_case(
    file: str,
    keep_at: str,
    out_dir: str,
    force: bool,
    previous: dict | None,
    dry_run: bool,
    discard_edits: bool = False,
) -> CaseResult:
    """Draft one case as ``validate_case`` checked it (its check kept at ``keep_at``), the
    documents not yet drafted (unless ``force``): edited drafts kept aside (unless
    ``discard_edits``), redlines where the answers changed."""
    assert _templates is not None, "worker not initialised"
    number: str | None = None
    folder_name: str | None = None
    try:
        checked = kept.take(Path(keep_at), file)
        report = checked.report
        matter = report.matter
        assert matter is not None
        folder = case_folder(Path(out_dir), matter)
        number, folder_name = matter.answers.case.number, str(folder)
        result = CaseResult(
            file,
            "done",
            case_number=number,
            folder=folder_name,
            answers_sha256=checked.answers_sha256,
            warnings=[str(w) for w in report.warnings] + report.notes,
        )
        if _changed_since(matter.source.files, checked.answers_sha256):
            result.warnings.append(
                f"{file} (or a file it extends) changed after the batch checked it; it is drafted as it was "
                "then: run the batch again with --force to draft the change"
            )
        targets = {doc_id: folder / f"{doc_id}.docx" for doc_id in report.documents}
        if not force and all(t.exists() for t in targets.values()):
            if _answers_changed(folder, targets.values(), previous, result.answers_sha256):
                raise OutputError(f"the answers changed since {folder} was drafted (use --force to draft it again)")
            result.status = "skipped"
            result.documents = [_describe(doc_id, path) for doc_id, path in targets.items()]
            return result
        todo = [d for d in report.documents if force or not targets[d].exists()]
        report.draft(todo, _templates)
        if not report.ok:
            return CaseResult(file, "failed", error="\n".join(report.problems), case_number=number, folder=folder_name)
        blobs = {doc_id: docx_bytes(doc) for doc_id, doc in report.drafts.items()}
        if dry_run:
            result.status = "checked"
            return result
        written = write_case(folder, blobs, result.answers_sha256, force=force, discard_edits=discard_edits)
        result.warnings += written.warnings
        fresh = {w.id: _recorded(w) for w in written.documents}
        result.documents = [fresh.get(doc_id) or _describe(doc_id, path) for doc_id, path in targets.items()]
        return result
    except AssemblerError as exc:
        return CaseResult(file, "failed", error=str(exc), case_number=number, folder=folder_name)
    except Exception:  # a bug of ours: this case fails, the batch goes on
        return CaseResult(file, "failed", error=_internal_error(), case_number=number, folder=folder_name)
    finally:
        # python-docx's proxies and lxml trees form reference cycles holding megabytes of
        # C memory that the collector's object counts do not reflect; a collection after
        # each case (cheap, as the startup heap is frozen) keeps a worker's memory flat.
        gc.collect()


def render_cases(
    cases: Sequence[tuple[str, str]],
    out_dir: str,
    force: bool,
    previous: Sequence[dict | None],
    dry_run: bool,
    discard_edits: bool = False,
) -> list[CaseResult]:
    """``render_case`` for each of ``cases`` (file, where its check is kept) in turn
    (``previous``: each one's last record), in one task: handing out a task costs the parent
    more than a small case costs a worker."""
    return [
        render_case(file, keep_at, out_dir, force, before, dry_run, discard_edits)
        for (file, keep_at), before in zip(cases, previous)
    ]


def _changed_since(files: Iterable[Path], answers: str) -> bool:
    """Whether the answer files no longer read as they did when the digest ``answers`` was taken."""
    try:
        return answers_digest(files) != answers
    except OSError:  # removed, or no longer readable
        return True


def _chunk(cases: int, jobs: int) -> int:
    """Cases per task: one, but a few for a batch of thousands, where the parent's share of the
    run (ProcessPoolExecutor's bookkeeping, about a millisecond a task) would otherwise grow as
    the workers get faster; Ctrl-C then lets the few cases a worker was handed finish."""
    return max(1, min(8, cases // (jobs * 250)))


def _answers_changed(folder: Path, targets: Iterable[Path], previous: dict | None, answers: str | None) -> bool:
    """Whether the drafts were drafted from other answers: by the case folder's record (which
    ``render`` writes too), else by the last manifest."""
    record, _ = read_record(folder)
    recorded = {record.answers(t.name) for t in targets} - {None}
    if not recorded and previous:
        recorded = {previous.get("answers_sha256")} - {None}
    return bool(recorded) and recorded != {answers}


def _recorded(written: Written) -> DocumentResult:
    edited = "kept" if written.kept else "discarded" if written.discarded else None
    return DocumentResult(
        written.id,
        str(written.path),
        written.size,
        written.sha256,
        edited=edited,
        kept=str(written.kept) if written.kept else None,
        redline=str(written.redline) if written.redline else None,
    )


def _describe(doc_id: str, path: Path) -> DocumentResult:
    data = path.read_bytes()
    return DocumentResult(doc_id, str(path), len(data), hashlib.sha256(data).hexdigest())


# -- the run -------------------------------------------------------------------------------
def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    documents: Sequence[str],
    *,
    jobs: int | None = None,
    force: bool = False,
    fail_fast: bool = False,
    dry_run: bool = False,
    template_dir: Path | None = None,
    progress: Callable[[CaseResult, int, int], None] | None = None,
    explicit: bool = False,
    unordered: bool = False,
    pdf: bool = False,
    discard_edits: bool = False,
) -> BatchReport:
    """Validate every case under ``paths``, then render the valid ones into ``out_dir``.

    ``discard_edits``: draft every case again (as ``force``), overwriting drafts the user
    edited instead of keeping them aside.  Ctrl-C (SIGINT) asks the run to stop: no new case is
    handed out, the cases in flight (in a batch of thousands, the few each worker was handed
    at once) finish whole, and the manifest marks the rest ``not-finished``.
    """
    cases, bases = collect(paths)
    if not cases:
        raise OutputError("no answer files to render (a batch takes .yaml files and folders)")
    jobs = max(1, jobs or os.cpu_count() or 1)
    force = force or discard_edits
    with contextlib.ExitStack() as stack:
        if not dry_run:
            lock = stack.enter_context(_output_lock(out_dir))
            remove_stale_temporaries(out_dir)  # left by a run that was killed mid-write
        workspace = stack.enter_context(kept.workspace())  # removed whatever way the run ends
        if not dry_run:
            _name_workspace(lock, workspace)
        report = _run(
            cases,
            bases,
            out_dir,
            workspace,
            documents,
            jobs=jobs,
            force=force,
            fail_fast=fail_fast,
            dry_run=dry_run,
            template_dir=template_dir,
            progress=progress,
            explicit=explicit,
            unordered=unordered,
            discard_edits=discard_edits,
        )
        if pdf and not dry_run and not report.interrupted:
            _add_pdfs(report, out_dir, force=force, jobs=jobs)
        return report


PDF_CASES = 500  # cases whose answers are held at once while their PDFs are made


def _add_pdfs(report: BatchReport, out_dir: Path, *, force: bool, jobs: int = 1) -> None:
    """PDFs of every drafted case, from one LibreOffice run per job for each ``PDF_CASES`` cases
    (their answers loaded once, and only so many held at a time); recorded in the manifest."""
    from assembler.answers.matter import load_matter
    from assembler.law.advice import page_limit
    from assembler.papers.filing import size_warning, write_filings
    from assembler.papers.pdf import convert

    wanted: dict[str, tuple[CaseResult, list[DocumentResult]]] = {}  # by case file, in the report's order
    for case in report.cases:
        if case.status not in ("done", "skipped"):
            continue
        for doc in case.documents:
            if force or case.status == "done" or not Path(doc.path).with_suffix(".pdf").exists():
                wanted.setdefault(case.file, (case, []))[1].append(doc)
    files = list(wanted)
    for at in range(0, len(files), PDF_CASES):
        matters = {}
        for file in files[at : at + PDF_CASES]:
            try:
                matter = load_matter(file)
                drafted = not _changed_since(matter.source.files, wanted[file][0].answers_sha256 or "")
            except AssemblerError:
                drafted = False
            if drafted:
                matters[file] = matter
            else:  # its filing (exhibits, covers) would follow answers its drafts do not
                wanted[file][0].warnings.append(
                    f"{file} (or a file it extends) changed after its papers were drafted; no PDF is made "
                    "of them: run the batch again with --force"
                )
        chunk = list(matters)
        by_case = [(matters[file], [Path(doc.path) for doc in wanted[file][1]]) for file in chunk]
        pdfs, filings = write_filings(by_case, functools.partial(convert, jobs=jobs))  # one LibreOffice per job
        made_for = {pdf.path: pdf for pdf in pdfs}
        for file, case_filings in zip(chunk, filings):
            case, docs = wanted[file]
            for doc in docs:
                made = made_for[Path(doc.path).with_suffix(".pdf")]
                doc.pdf, doc.pdf_size, doc.pdf_sha256, doc.pages = str(made.path), made.size, made.sha256, made.pages
                if warning := page_limit(matters[file], doc.id, made.pages):
                    case.warnings.append(warning)
            for filing in case_filings:
                case.filings.append({**filing.as_record(), "path": str(filing.path)})
                if warning := size_warning(matters[file].court, filing):
                    case.warnings.append(warning)
    _write_manifest(out_dir, report)


def _run(
    cases: list[Path],
    bases: list[Path],
    out_dir: Path,
    workspace: Path,
    documents: Sequence[str],
    *,
    jobs: int,
    force: bool,
    fail_fast: bool,
    dry_run: bool,
    template_dir: Path | None,
    progress: Callable[[CaseResult, int, int], None] | None,
    explicit: bool = False,
    unordered: bool = False,
    discard_edits: bool = False,
) -> BatchReport:
    previous = _read_manifest(out_dir)
    results: dict[str, CaseResult] = {str(f): CaseResult(str(f), "not-finished") for f in cases}
    report = BatchReport(list(results.values()), list(documents), bases=[str(b) for b in bases])
    counter = _Counter(len(cases), progress)
    journal = Journal(out_dir, enabled=not dry_run)
    with (
        journal,
        _StopOnInterrupt() as stop,
        ProcessPoolExecutor(
            max_workers=min(jobs, len(cases)),
            initializer=_init_worker,
            initargs=(str(template_dir) if template_dir else None, list(documents), os.getpid()),
        ) as pool,
    ):
        try:
            valid = _validate(pool, results, out_dir, workspace, counter, documents, explicit, unordered, journal)
            if stop.requested or (fail_fast and len(valid) < len(results)):
                return report
            queue = iter(valid)
            inflight: set[Future[list[CaseResult]]] = set()
            chunk = _chunk(len(valid), jobs)

            def top_up() -> None:
                while not stop.requested and len(inflight) < jobs * 4:
                    cases = list(itertools.islice(queue, chunk))
                    if not cases:
                        return
                    inflight.add(
                        pool.submit(
                            render_cases,
                            cases,
                            str(out_dir),
                            force,
                            [previous.get(file) for file, _ in cases],
                            dry_run,
                            discard_edits,
                        )
                    )

            top_up()
            while inflight:
                finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for future in finished:
                    inflight.discard(future)
                    for result in future.result():
                        results[result.file] = result
                        journal.add(result)
                        counter.tick(result)
                        if fail_fast and result.status == "failed":
                            stop.request()
                top_up()
        finally:
            report.cases = [results[str(f)] for f in cases]
            report.interrupted = stop.interrupted
            if not dry_run:
                try:
                    _write_manifest(out_dir, report)
                except OutputError as exc:  # a full disk: say so, keep the cases' results
                    report.manifest_error = str(exc)
                else:
                    journal.remove()
    return report


def _validate(
    pool: ProcessPoolExecutor,
    results: dict[str, CaseResult],
    out_dir: Path,
    workspace: Path,
    counter: _Counter,
    documents: Sequence[str],
    explicit: bool,
    unordered: bool,
    journal: Journal,
) -> list[tuple[str, str]]:
    """Validate every case in the pool; record the invalid ones (and those whose check could
    not be kept); return the valid ones, each (file, where its check is kept)."""
    folders: dict[str, str] = {}
    valid = []
    validate = functools.partial(validate_case, documents=documents, explicit=explicit, unordered=unordered)
    files = list(results)
    places = [f"{workspace}{os.sep}{index}.pickle" for index in range(len(files))]
    for checked, keep_at in zip(pool.map(validate, files, places, chunksize=8), places):
        if checked.case_number is not None:  # valid, or failed only as its check could not be kept
            folder = str(folder_for_case(out_dir, checked.case_number))
            if folder in folders and checked.status == "valid":
                checked.status, checked.error = (
                    "invalid",
                    (
                        f"case number {checked.case_number} is also the case of {folders[folder]}; "
                        "each case needs its own folder"
                    ),
                )
            folders.setdefault(folder, checked.file)
        if checked.status == "valid":
            valid.append((checked.file, keep_at))
        else:
            results[checked.file] = checked
            journal.add(checked)
            counter.tick(checked)
    return valid


class _Counter:
    def __init__(self, total: int, progress: Callable[[CaseResult, int, int], None] | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress

    def tick(self, result: CaseResult) -> None:
        self.done += 1
        if self._progress:
            self._progress(result, self.done, self.total)


class _StopOnInterrupt:
    """Turns Ctrl-C into a request to stop between cases (in the main thread; elsewhere, no-op)."""

    def __init__(self) -> None:
        self.requested = False
        self.interrupted = False
        self._previous: object = None

    def request(self) -> None:
        self.requested = True

    def _on_signal(self, signum: int, frame: object) -> None:
        self.requested = self.interrupted = True

    def __enter__(self) -> _StopOnInterrupt:
        try:
            self._previous = signal.signal(signal.SIGINT, self._on_signal)
        except ValueError:  # not the main thread: the caller handles interrupts
            self._previous = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]
