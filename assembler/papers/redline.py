"""Redlines: a previous draft against the new one, as Word tracked changes.

The comparison is python-redlines' Docxodus engine (the ``redline`` extra:
``pip install "assembler[redline]"``): a self-contained .NET program shipped
inside the python-redlines-docxodus wheel, so no .NET runtime is needed and
nothing is downloaded.  It marks the changed words as ``w:ins``/``w:del``,
in the body and in the footnotes alike.  The program is unpacked once per
version into the user's cache folder (``~/.cache/assembler/redline/<version>``
on Linux), whole or not at all, so parallel batch workers can share it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from assembler.errors import AssemblerError

AUTHOR = "assembler"
EXTRA = 'pip install "assembler[redline]"'


class RedlineError(AssemblerError):
    """A redline cannot be made: the extra is missing, or its engine failed."""


_engine: Any = None


def engine() -> Any:
    """The Docxodus engine, unpacked on first use; ``RedlineError`` if the extra is missing."""
    global _engine
    if _engine is None:
        try:
            from importlib.metadata import version

            import platformdirs
            from python_redlines import DocxodusEngine

            release = version("python-redlines-docxodus")
        except ImportError:
            raise RedlineError(f"a redline needs the redline extra, which is not installed ({EXTRA})") from None
        root = Path(platformdirs.user_cache_dir("assembler")) / "redline" / release
        try:
            if not root.is_dir():
                _unpack(DocxodusEngine, root)
            _engine = DocxodusEngine(target_path=str(root))
        except ImportError:  # the engine's wheel has no program for this system
            raise RedlineError(f"the redline extra has no engine for this system ({EXTRA})") from None
        except OSError as exc:
            raise RedlineError(f"the redline engine cannot be unpacked into {root}: {exc}") from None
    return _engine


def _unpack(engine_class: Any, root: Path) -> None:
    """Unpack the engine into a new folder beside ``root`` and rename it into place: another
    process that got there first wins, and a killed unpacking leaves no half program."""
    root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".unpack-", dir=root.parent))
    try:
        engine_class(target_path=str(work))
        try:
            os.rename(work, root)
        except OSError:
            if not root.is_dir():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def redline(before: bytes, after: bytes, *, when: dt.datetime) -> bytes:
    """``before`` against ``after`` as one .docx of tracked changes dated ``when``."""
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        data, _, _ = engine().run_redline(AUTHOR, before, after, date_time=stamp)
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or exc.stdout or "").strip().splitlines()
        raise RedlineError("the redline engine failed" + (f": {last[-1]}" if last else "")) from None
    except OSError as exc:
        raise RedlineError(f"the redline engine cannot run: {exc.strerror or exc}") from None
    return bytes(data)


def redlines(pairs: dict[str, tuple[bytes, bytes]], *, when: dt.datetime) -> dict[str, bytes]:
    """A redline of each (before, after), the engine runs side by side (one per core)."""
    if not pairs:
        return {}
    engine()  # unpacked once, and a missing extra said once
    workers = max(1, min(len(pairs), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        made = {key: pool.submit(redline, before, after, when=when) for key, (before, after) in pairs.items()}
        return {key: future.result() for key, future in made.items()}
