"""A case's drafts on disk: what we wrote, what the lawyer edited since, and what changed.

Each case folder keeps a record, ``.assembler.json``: for every file the tool
wrote there (drafts and redlines) the SHA-256 of the bytes written and of the
answer files it was drafted from; and a hidden folder, ``.assembler/``, with
each draft as written (``motion.docx.written``), the "before" of its next redline.  A later run tells a
draft the user edited (its bytes differ from the record, or it has no record)
from one we wrote.  Drafting again (``--force``) replaces a draft we wrote and
keeps an edited one aside, as ``motion.edited-2026-12-01T1530.docx`` (or with
``discard_edits`` overwrites it); a draft drafted again from changed answers
gets a redline beside it, ``motion.redline.docx``.  The kept copies, the
drafts, the redlines and the record are put in place as one set, or none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler import __version__
from assembler.errors import OutputError
from assembler.files import atomic_write_all, refuse_existing

RECORD = ".assembler.json"
WRITTEN = ".assembler"  # the drafts as written, in the case folder


def written_copy(folder: Path, name: str) -> Path:
    """Where the draft ``name`` is kept as written: ``.assembler/motion.docx.written``, a name
    no search for ``*.docx`` finds."""
    return folder / WRITTEN / f"{name}.written"


FORMAT = 1
HINT = "use --force to draft again: a draft you edited is kept beside the new one"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def answers_digest(files: Iterable[Path]) -> str:
    """The SHA-256 of the answer files a matter was read from (a file and the bases it extends)."""
    h = hashlib.sha256()
    for file in files:
        h.update(file.read_bytes())
    return h.hexdigest()


@dataclass
class Record:
    """What the tool wrote in one case folder, by file name."""

    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def edited(self, name: str, data: bytes) -> bool:
        """Whether ``data``, found at ``name``, is not what we last wrote there."""
        entry = self.files.get(name)
        return entry is None or entry.get("sha256") != sha256(data)

    def answers(self, name: str) -> str | None:
        value = self.files.get(name, {}).get("answers_sha256")
        return value if isinstance(value, str) else None

    def wrote(self, name: str, data: bytes, *, document: str, answers: str | None, when: dt.datetime) -> None:
        self.files[name] = {
            "document": document,
            "sha256": sha256(data),
            "size": len(data),
            "answers_sha256": answers,
            "written": when.isoformat(timespec="seconds"),
        }

    def to_bytes(self) -> bytes:
        data = {"format": FORMAT, "generator": f"assembler {__version__}", "files": dict(sorted(self.files.items()))}
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_record(folder: Path) -> tuple[Record, str | None]:
    """The folder's record (empty if there is none), and a warning if it cannot be read."""
    path = folder / RECORD
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return Record(), None
    except (OSError, ValueError) as exc:
        return Record(), _unreadable(path, folder, type(exc).__name__)
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(
        isinstance(e, dict) and isinstance(e.get("sha256"), str) for e in files.values()
    ):
        return Record(), _unreadable(path, folder, "not a record of drafts")
    return Record(files), None


def _unreadable(path: Path, folder: Path, why: str) -> str:
    return (
        f"{path} cannot be read ({why}): a draft in {folder} that differs from the new one "
        "counts as edited and is kept, and the record is written anew"
    )


@dataclass
class Written:
    """What became of one document: its new draft, its kept edited copy, its redline."""

    id: str
    path: Path
    size: int
    sha256: str
    kept: Path | None = None  # the edited draft, moved aside
    discarded: bool = False  # the edited draft, overwritten (discard_edits)
    redline: Path | None = None

    def lines(self) -> list[str]:
        """What a command says of it: a line for the draft, its kept copy, its redline."""
        out = [f"wrote {self.path}"]
        if self.kept:
            out.append(f"kept {self.path.name} as {self.kept.name}: it differs from the draft last written (edited)")
        if self.discarded:
            out.append(f"discarded the edits to {self.path.name} (--discard-edits)")
        if self.redline:
            out.append(f"wrote {self.redline}: the changes since the last draft, as tracked changes")
        return out


@dataclass
class CaseWritten:
    documents: list[Written]
    warnings: list[str]


def kept_name(path: Path, when: dt.datetime, taken: set[Path]) -> Path:
    """``motion.edited-2026-12-01T1530.docx``: free, with seconds or a counter if need be."""
    minute, second = when.strftime("%Y-%m-%dT%H%M"), when.strftime("%Y-%m-%dT%H%M%S")
    stamps = [minute, second, *(f"{second}-{n}" for n in range(2, 10_000))]
    for stamp in stamps:
        candidate = path.with_name(f"{path.stem}.edited-{stamp}{path.suffix}")
        if candidate not in taken and not candidate.exists():
            taken.add(candidate)
            return candidate
    raise AssertionError(f"no free name beside {path}")  # ten thousand copies in one second


class _Set:
    """The files of one case to put in place together, and the edited ones to keep aside."""

    def __init__(self, record: Record, when: dt.datetime, discard_edits: bool) -> None:
        self.record, self.when, self.discard_edits = record, when, discard_edits
        self.items: list[tuple[bytes, Path]] = []
        self.aside: list[tuple[Path, Path]] = []
        self._taken: set[Path] = set()

    def put(self, path: Path, data: bytes) -> tuple[bytes | None, Path | None, bool]:
        """Write ``data`` at ``path``; an edited file there is kept aside, or discarded.

        Returns the bytes that were there, where they are kept, and whether edits
        were discarded.
        """
        old = _read(path)
        kept, discarded = None, False
        if old is not None and old != data and self.record.edited(path.name, old):
            if self.discard_edits:
                discarded = True
            else:
                kept = kept_name(path, self.when, self._taken)
                self.aside.append((path, kept))
        self.items.append((data, path))
        return old, kept, discarded


def write_case(
    folder: Path,
    blobs: dict[str, bytes],
    answers: str | None,
    *,
    force: bool,
    discard_edits: bool = False,
    when: dt.datetime | None = None,
) -> CaseWritten:
    """Write the drafts ``blobs`` (id -> .docx bytes) into ``folder``, drafted from answers
    whose digest is ``answers``: edited drafts kept, redlines where the answers changed."""
    from assembler.papers.redline import RedlineError, redlines

    when = when or dt.datetime.now().astimezone()
    targets = {doc_id: folder / f"{doc_id}.docx" for doc_id in blobs}
    if not force:
        refuse_existing(list(targets.values()), HINT)
    record, warning = read_record(folder)
    warnings = [warning] if warning else []
    files = _Set(record, when, discard_edits)
    results: dict[str, Written] = {}
    changed: dict[str, tuple[bytes, bytes]] = {}
    for doc_id, data in blobs.items():
        target = targets[doc_id]
        old, kept, discarded = files.put(target, data)
        results[doc_id] = Written(doc_id, target, len(data), sha256(data), kept, discarded)
        before = _as_written(folder, record, target.name, old)
        previous = record.answers(target.name)
        if answers and previous and previous != answers:
            if before is None:
                warnings.append(f"no redline of {target}: the draft as last written is no longer in {folder / WRITTEN}")
            elif before != data:
                changed[doc_id] = (before, data)
        files.items.append((data, written_copy(folder, target.name)))
        record.wrote(target.name, data, document=doc_id, answers=answers, when=when)
    try:
        made = redlines(changed, when=when)
    except RedlineError as exc:
        names = ", ".join(targets[d].name for d in changed)
        warnings.append(f"no redline of {names} in {folder}: {exc}")
        made = {}
    for doc_id, data in made.items():
        path = folder / f"{doc_id}.redline.docx"
        _, kept, _ = files.put(path, data)
        if kept:
            warnings.append(f"kept {path.name}, edited since it was written, as {kept.name}")
        results[doc_id].redline = path
        record.wrote(path.name, data, document=doc_id, answers=answers, when=when)
    files.items.append((record.to_bytes(), folder / RECORD))
    atomic_write_all(files.items, force=True, aside=files.aside)
    return CaseWritten(list(results.values()), warnings)


def _as_written(folder: Path, record: Record, name: str, on_disk: bytes | None) -> bytes | None:
    """The draft ``name`` as we last wrote it: our copy, or the draft itself if unedited."""
    for data in (_read(written_copy(folder, name)), on_disk):
        if data is not None and not record.edited(name, data):
            return data
    return None


def _read(path: Path) -> bytes | None:
    """The bytes of ``path``, None if there is no such file; else one sentence."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"cannot read {path}: {exc.strerror or exc}") from None
