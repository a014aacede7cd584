"""A valid case's check, kept on disk from a batch's first phase to its second: one load a case.

Phase 1 checks every case (``run.validate_case``).  For a valid one the worker keeps
what the check found -- the ``Report`` (the loaded ``Matter``, its warnings and notes,
the papers to draft) and the SHA-256 of the answer files as they were read -- as one
pickle in the batch's own folder (``workspace``), at a path the parent chose, so that
the parent holds no more than that path for each case.  Phase 2 (``run.render_case``)
takes it back (``take``: read, then removed) and drafts without loading or checking
again: unpickling the model case's check costs a fraction of a fresh check.

The folder is made by ``tempfile.mkdtemp``, so that only this user can read or write
it (which is what makes reading pickles from it safe), and removed when the run ends,
however it ends; a run killed outright leaves it, and the next run into the same output
folder removes it (``run`` names it in the output folder's lock file).  A pickle that
cannot be written or read fails its case with one sentence.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assembler.checks import Report
from assembler.errors import OutputError
from assembler.files import describe


@dataclass
class Checked:
    """What the first phase found for a valid case, as the second drafts it."""

    report: Report  # ok, with its matter, warnings, notes and documents; nothing drafted
    answers_sha256: str  # of the answer files read for ``report.matter``


PREFIX = "assembler-batch-"


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    """The batch's own new folder for its kept checks, removed at the end whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_left(folder: Path) -> None:
    """Remove the folder of kept checks that a killed run left: its pickles, then the folder
    if nothing else is in it (a folder that is not one of ours is left alone)."""
    if not folder.name.startswith(PREFIX) or not folder.is_dir():
        return
    for path in folder.glob("*.pickle"):
        with contextlib.suppress(OSError):
            path.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def keep(checked: Checked, path: Path) -> None:
    """Write ``checked`` at ``path`` (a new file), or raise ``OutputError`` saying why not."""
    data = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        handle = open(path, "xb")
    except OSError as exc:
        raise OutputError(_cannot_keep(checked, describe(exc, path))) from None
    try:
        with handle:
            handle.write(data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink()  # no half pickle is left to be read
        raise OutputError(_cannot_keep(checked, describe(exc, path))) from None


def _cannot_keep(checked: Checked, why: str) -> str:
    return f"{checked.report.file}: cannot be drafted: what its check found cannot be kept for drafting ({why})"


def take(path: Path, file: str) -> Checked:
    """The check kept at ``path`` for the case ``file``, removed from the disk; ``OutputError``
    (one sentence) when it is gone or cannot be read."""
    try:
        with open(path, "rb") as handle, _no_collection():
            checked = pickle.load(handle)
    except FileNotFoundError:
        raise OutputError(_cannot_take(file, path, "it is gone")) from None
    except OSError as exc:
        raise OutputError(_cannot_take(file, path, exc.strerror or str(exc))) from None
    except Exception:  # a pickle cut short or changed: any error unpickling may say so
        raise OutputError(_cannot_take(file, path, "it is damaged")) from None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    if not isinstance(checked, Checked) or checked.report.matter is None:
        raise OutputError(_cannot_take(file, path, "it is not a case's check"))
    return checked


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic collector off while a check is unpickled: of the thousands of containers it
    makes none is garbage yet, and scanning them took a third of the time (the model case's,
    1.4 ms with it, 0.9 ms without).  The worker collects after each case."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _cannot_take(file: str, path: Path, why: str) -> str:
    return (
        f"{file}: cannot be drafted: its check, kept at {path} since the batch validated it, "
        f"cannot be read ({why}); run the batch again"
    )
