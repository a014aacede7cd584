"""Render many cases in one run: validate them all, then draft them in parallel.

A batch takes answer files and folders of them.  Files that other inputs name
in ``extends:`` are bases, not cases.  Every case is validated first and the
invalid ones are reported together; the valid ones are rendered by a pool of
worker processes, each of which compiles the templates once.  A case's failure
stays with that case.  A manifest (JSON and CSV) lists every case and document
with its path, size, SHA-256 and status; it is written once, at the end of the
run or when it is interrupted.  As the run goes, each finished case is appended
to a journal beside it (one JSON line, in time proportional to the cases added),
so that a run killed before its manifest was written still leaves what the next
run reads: a second run of the same command finishes what the first did not,
skipping the cases that are done.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import hashlib
import io
import json
import os
import signal
import sys
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from assembler import __version__
from assembler.answers.reader import read_yaml
from assembler.checks import check
from assembler.errors import AnswersError, AssemblerError, OutputError
from assembler.files import atomic_open, atomic_write_all, describe, remove_stale_temporaries
from assembler.papers.render import TemplateSet, case_folder, docx_bytes, folder_for_case

MANIFEST = "manifest"
LOCK = ".assembler-batch.lock"
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
        return not self.interrupted and self.manifest_error is None and all(
            c.status in ("done", "skipped", "checked") for c in self.cases)


# -- inputs ------------------------------------------------------------------------
def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(cases, bases): answer files under ``paths``; a file another one extends is a base."""
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.yaml") if p.is_file())
        elif path.is_file():
            found = [path]
        else:
            raise OutputError(f"{path}: no such file or folder")
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    bases: set[Path] = set()
    for file in files:
        target = _extends(file)
        if target is not None:
            bases.add((file.parent / target).resolve())
    cases = [f for f in files if f.resolve() not in bases]
    return cases, [f for f in files if f.resolve() in bases]


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
def _output_lock(out_dir: Path) -> Iterator[None]:
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
            raise OutputError(f"another assembler batch is drafting into {out_dir}; wait for it to "
                              "finish, or give another -o folder")
        try:
            yield
        finally:
            _unlock(handle)


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


def _digest(files: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for file in files:
        h.update(file.read_bytes())
    return h.hexdigest()


def validate_case(file: str, documents: Sequence[str] = (), explicit: bool = False,
                  unordered: bool = False) -> CaseResult:
    """The one check of a case, without drafting: invalid cases are reported before any is drafted."""
    try:
        report = check(file, list(documents) or None, explicit=explicit, unordered=unordered,
                       draft=False)
    except Exception:  # a bug of ours: this case fails, the batch goes on
        return CaseResult(file, "invalid", error=_internal_error())
    if not report.ok:
        return CaseResult(file, "invalid", error="\n".join(report.problems))
    assert report.matter is not None
    return CaseResult(file, "valid", case_number=report.matter.answers.case.number,
                      warnings=[str(w) for w in report.warnings],
                      answers_sha256=_digest(report.matter.source.files))


def _internal_error() -> str:
    """The sentence for a bug of ours, with the traceback a report needs."""
    return "internal error, please report it:\n" + traceback.format_exc().rstrip()


def render_case(file: str, out_dir: str, documents: Sequence[str], force: bool,
                previous: dict | None, dry_run: bool, explicit: bool = False,
                unordered: bool = False) -> CaseResult:
    """Check one case and draft its documents (those not yet drafted, unless ``force``)."""
    assert _templates is not None, "worker not initialised"
    number: str | None = None
    folder_name: str | None = None
    try:
        report = check(file, documents, explicit=explicit, unordered=unordered,
                       templates=_templates, draft=False)
        if not report.ok or report.matter is None:
            return CaseResult(file, "failed", error="\n".join(report.problems))
        matter = report.matter
        folder = case_folder(Path(out_dir), matter)
        number, folder_name = matter.answers.case.number, str(folder)
        result = CaseResult(file, "done", case_number=number, folder=folder_name,
                            answers_sha256=_digest(matter.source.files),
                            warnings=[str(w) for w in report.warnings] + report.notes)
        targets = {doc_id: folder / f"{doc_id}.docx" for doc_id in report.documents}
        if not force and all(t.exists() for t in targets.values()):
            if previous and previous.get("answers_sha256") not in (None, result.answers_sha256):
                raise OutputError(f"the answers changed since {folder} was drafted "
                                  "(use --force to draft it again)")
            result.status = "skipped"
            result.documents = [_describe(doc_id, path) for doc_id, path in targets.items()]
            return result
        todo = [d for d in report.documents if force or not targets[d].exists()]
        report.draft(todo, _templates)
        if not report.ok:
            return CaseResult(file, "failed", error="\n".join(report.problems), case_number=number,
                              folder=folder_name)
        blobs = {doc_id: docx_bytes(doc) for doc_id, doc in report.drafts.items()}
        if dry_run:
            result.status = "checked"
            return result
        atomic_write_all([(blob, targets[doc_id]) for doc_id, blob in blobs.items()], force=force)
        result.documents = [_describe(doc_id, path) for doc_id, path in targets.items()]
        return result
    except AssemblerError as exc:
        return CaseResult(file, "failed", error=str(exc), case_number=number, folder=folder_name)
    except Exception:  # a bug of ours: this case fails, the batch goes on
        return CaseResult(file, "failed", error=_internal_error(), case_number=number,
                          folder=folder_name)
    finally:
        # python-docx's proxies and lxml trees form reference cycles holding megabytes of
        # C memory that the collector's object counts do not reflect; a collection after
        # each case (cheap, as the startup heap is frozen) keeps a worker's memory flat.
        gc.collect()


def _describe(doc_id: str, path: Path) -> DocumentResult:
    data = path.read_bytes()
    return DocumentResult(doc_id, str(path), len(data), hashlib.sha256(data).hexdigest())


# -- the run -------------------------------------------------------------------------------
def run_batch(paths: Sequence[Path], out_dir: Path, documents: Sequence[str], *,
              jobs: int | None = None, force: bool = False, fail_fast: bool = False,
              dry_run: bool = False, template_dir: Path | None = None,
              progress: Callable[[CaseResult, int, int], None] | None = None,
              explicit: bool = False, unordered: bool = False, pdf: bool = False) -> BatchReport:
    """Validate every case under ``paths``, then render the valid ones into ``out_dir``.

    Ctrl-C (SIGINT) asks the run to stop: no new case is started, the cases in
    flight finish whole, and the manifest marks the rest ``not-finished``.
    """
    cases, bases = collect(paths)
    if not cases:
        raise OutputError("no answer files to render (a batch takes .yaml files and folders)")
    jobs = max(1, jobs or os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        if not dry_run:
            stack.enter_context(_output_lock(out_dir))
            remove_stale_temporaries(out_dir)  # left by a run that was killed mid-write
        report = _run(cases, bases, out_dir, documents, jobs=jobs, force=force,
                      fail_fast=fail_fast, dry_run=dry_run, template_dir=template_dir,
                      progress=progress, explicit=explicit, unordered=unordered)
        if pdf and not dry_run and not report.interrupted:
            _add_pdfs(report, out_dir, force=force)
        return report


def _add_pdfs(report: BatchReport, out_dir: Path, *, force: bool) -> None:
    """PDFs of every drafted case, from one LibreOffice run; recorded in the manifest."""
    from assembler.law.advice import page_limit
    from assembler.answers.matter import load_matter
    from assembler.papers.pdf import convert

    wanted = [(case, doc) for case in report.cases if case.status in ("done", "skipped")
              for doc in case.documents
              if force or case.status == "done" or not Path(doc.path).with_suffix(".pdf").exists()]
    for (case, doc), made in zip(wanted, convert([Path(doc.path) for _, doc in wanted])):
        doc.pdf, doc.pdf_size, doc.pdf_sha256, doc.pages = str(made.path), made.size, made.sha256, made.pages
        warning = page_limit(load_matter(case.file), doc.id, made.pages)
        if warning:
            case.warnings.append(warning)
    _write_manifest(out_dir, report)


def _run(cases: list[Path], bases: list[Path], out_dir: Path, documents: Sequence[str], *, jobs: int,
         force: bool, fail_fast: bool, dry_run: bool, template_dir: Path | None,
         progress: Callable[[CaseResult, int, int], None] | None, explicit: bool = False,
         unordered: bool = False) -> BatchReport:
    previous = _read_manifest(out_dir)
    results: dict[str, CaseResult] = {str(f): CaseResult(str(f), "not-finished") for f in cases}
    report = BatchReport(list(results.values()), list(documents), bases=[str(b) for b in bases])
    counter = _Counter(len(cases), progress)
    journal = _Journal(out_dir, enabled=not dry_run)
    with journal, _StopOnInterrupt() as stop, ProcessPoolExecutor(
            max_workers=min(jobs, len(cases)), initializer=_init_worker,
            initargs=(str(template_dir) if template_dir else None, list(documents),
                      os.getpid())) as pool:
        try:
            valid = _validate(pool, results, out_dir, counter, documents, explicit, unordered,
                              journal)
            if stop.requested or (fail_fast and len(valid) < len(results)):
                return report
            queue = iter(valid)
            inflight: set[Future[CaseResult]] = set()

            def top_up() -> None:
                while not stop.requested and len(inflight) < jobs * 4:
                    file = next(queue, None)
                    if file is None:
                        return
                    inflight.add(pool.submit(render_case, file, str(out_dir), list(documents),
                                             force, previous.get(file), dry_run, explicit,
                                             unordered))

            top_up()
            while inflight:
                finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for future in finished:
                    inflight.discard(future)
                    result = future.result()
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
                    journal.remove()  # the manifest has it all (a journal left is ignored)
    return report


def _validate(pool: ProcessPoolExecutor, results: dict[str, CaseResult], out_dir: Path,
              counter: _Counter, documents: Sequence[str], explicit: bool,
              unordered: bool, journal: _Journal) -> list[str]:
    """Validate every case in the pool; record the invalid ones; return the valid files."""
    folders: dict[str, str] = {}
    valid = []
    validate = functools.partial(validate_case, documents=documents, explicit=explicit,
                                 unordered=unordered)
    for checked in pool.map(validate, list(results), chunksize=8):
        if checked.status == "valid":
            assert checked.case_number is not None
            folder = str(folder_for_case(out_dir, checked.case_number))
            if folder in folders:
                checked.status, checked.error = "invalid", (
                    f"case number {checked.case_number} is also the case of {folders[folder]}; "
                    "each case needs its own folder")
            folders.setdefault(folder, checked.file)
        if checked.status == "invalid":
            results[checked.file] = checked
            journal.add(checked)
            counter.tick(checked)
        else:
            valid.append(checked.file)
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


# -- the manifest ----------------------------------------------------------------------------
def _read_manifest(out_dir: Path) -> dict[str, dict]:
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


def _write_manifest(out_dir: Path, report: BatchReport) -> None:
    """manifest.json and manifest.csv, written case by case (a big batch is never one string)."""
    summary = {s: report.count(s) for s in ("done", "skipped", "invalid", "failed", "not-finished")}
    head = {"generator": f"assembler {__version__}", "documents": report.documents,
            "interrupted": report.interrupted, "summary": summary, "bases": report.bases}
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
        writer.writerow(["file", "case_number", "status", "error", "warnings", "document", "path",
                         "size", "sha256", "pdf", "pdf_pages", "pdf_sha256"])
        for case in report.cases:
            rows: list[DocumentResult | None] = list(case.documents) or [None]
            for doc in rows:
                writer.writerow([case.file, case.case_number or "", case.status, case.error or "",
                                 " | ".join(case.warnings), doc.id if doc else "", doc.path if doc else "",
                                 doc.size if doc else "", doc.sha256 if doc else "",
                                 (doc.pdf or "") if doc else "", (doc.pages or "") if doc else "",
                                 (doc.pdf_sha256 or "") if doc else ""])
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


class _Journal:
    """Appends each finished case to ``JOURNAL`` as one JSON line, flushed at once.

    Its first line names the manifest it extends by SHA-256, so that only a journal
    written since that manifest is read; a journal that cannot be written is given up
    (the manifest is still written at the end).
    """

    def __init__(self, out_dir: Path, *, enabled: bool = True) -> None:
        self.path = out_dir / JOURNAL
        self._handle: io.TextIOWrapper | None = None
        self._enabled = enabled

    def __enter__(self) -> _Journal:
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
            self._handle.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
            self._handle.flush()
        except OSError:
            self._close()

    def remove(self) -> None:
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
