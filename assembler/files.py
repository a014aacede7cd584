"""Write files whole or not at all, readable as the user's umask allows.

Every file the tool writes (drafts, manifests, answer files saved by the
interview) goes through a temporary file in the target's folder, an fsync and
a rename, so a crash, a full disk or Ctrl-C leaves the old file or the new one,
never half of one.  ``mkstemp`` creates files 0600; the finished file gets the
mode an ordinary ``open()`` would have given it (0666 less the umask), so a
colleague on a shared drafts folder can open it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from assembler.errors import OutputError

TMP_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def describe(exc: OSError, target: Path) -> str:
    """One sentence for an operating-system error met while writing ``target``."""
    if exc.errno == errno.ENOSPC:
        return f"cannot write {target}: the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: permission denied (is the folder read-only?)"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and not target.parent.is_dir():
        return f"cannot write {target}: {_blocking_file(target)} is a file, not a folder"
    return f"cannot write {target}: {exc.strerror or exc}"


def _blocking_file(target: Path) -> Path:
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            return parent
    return target.parent


def _temporary(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target`` (its folder made if need be)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputError(describe(exc, target)) from None
    return fd, Path(name)


def _seal(handle: BinaryIO, tmp: Path) -> None:
    """Flush and sync a temporary file, and give it the mode ``open()`` would have."""
    handle.flush()
    os.fsync(handle.fileno())
    os.chmod(tmp, 0o666 & ~_umask())


@contextlib.contextmanager
def atomic_open(target: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A file to write ``target`` through: renamed into place when the block ends well.

    Operating-system failures (a read-only folder, a full disk, a file where a
    folder should be) are ``OutputError`` sentences; the temporary file is
    removed whatever happens.
    """
    if not force:
        refuse_existing([target])
    fd, tmp = _temporary(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            _seal(handle, tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(describe(exc, target)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(data: bytes, target: Path, *, force: bool) -> int:
    """Write ``data`` to ``target`` whole or not at all; returns its size."""
    with atomic_open(target, force=force) as handle:
        handle.write(data)
    return len(data)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left in ``folder`` (its case folders, and the
    hidden folder of each where the drafts as written are kept)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in [
        *folder.glob(f".*{TMP_SUFFIX}"),
        *folder.glob(f"*/.*{TMP_SUFFIX}"),
        *folder.glob(f"*/.*/.*{TMP_SUFFIX}"),
    ]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def refuse_existing(targets: Sequence[Path], hint: str = "use --force to overwrite") -> None:
    """The one check that nothing is overwritten without ``--force``: an ``OutputError`` naming
    every target that exists."""
    existing = [str(target) for target in targets if target.exists()]
    if existing:
        raise OutputError(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''} ({hint})")


def keep_aside(source: Path, kept: Path) -> None:
    """Make ``kept`` a copy of ``source``, byte for byte, never over an existing file.

    A hard link where the file system has them (the same bytes, instantly, and
    ``source`` stays in place until it is replaced); else an exclusive copy.
    """
    try:
        os.link(source, kept)
        return
    except FileExistsError:
        raise OutputError(f"cannot keep {source} as {kept}: that file already exists") from None
    except OSError:
        pass  # no hard links here (FAT, some network drives): copy
    try:
        with open(source, "rb") as src, open(kept, "xb") as out:
            shutil.copyfileobj(src, out)
            _seal(out, kept)
    except FileExistsError:
        raise OutputError(f"cannot keep {source} as {kept}: that file already exists") from None
    except OSError as exc:
        kept.unlink(missing_ok=True)
        raise OutputError(describe(exc, kept)) from None


def atomic_write_all(
    items: list[tuple[bytes, Path]], *, force: bool, aside: Sequence[tuple[Path, Path]] = ()
) -> list[int]:
    """Write several files as one set: every temporary file is written and synced first.

    If any write fails (a full disk after the second draft), none of the set is
    put in place and every temporary file is removed, so a case never ends up
    with half its drafts.  ``aside``: (file, kept) pairs; each file is kept as
    ``kept`` (``keep_aside``) after the set is staged and before any of it is
    put in place, and a kept copy is taken back if its file was not replaced.
    """
    if not force:
        refuse_existing([target for _, target in items])
    staged: list[tuple[Path, Path]] = []
    kept: list[tuple[Path, Path]] = []
    replaced: set[Path] = set()
    try:
        for data, target in items:
            fd, tmp = _temporary(target)
            staged.append((tmp, target))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    _seal(handle, tmp)
            except OSError as exc:
                raise OutputError(describe(exc, target)) from None
        for source, copy in aside:
            keep_aside(source, copy)
            kept.append((source, copy))
        for tmp, target in staged:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise OutputError(describe(exc, target)) from None
            replaced.add(target)
    except BaseException:
        for source, copy in kept:  # the file is still in place: its copy is not needed
            if source not in replaced:
                copy.unlink(missing_ok=True)
        raise
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [len(data) for data, _ in items]
