"""What a run keeps in the user's cache folder for the next (``settings.cache_dir``).

Each store is one JSON object in one file, named for what computed it and its
version (``eyecite-2.7.8-3.2.67``, ``holidays-0.109``: ``version``), so another version computes
afresh.  What is made of a whole text (the package's data files read as YAML: ``parsed``;
templates prepared and compiled: ``papers.jinjacode``) is one file per text in a folder
named the same way, by the text's hash, each folder pruned to its newest ``KEEP`` files.
Everything kept can always be computed again: a store that is missing, unreadable or
cannot be written is no error, only slower.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any


def path(name: str) -> Path:
    from assembler.settings import cache_dir

    return cache_dir() / f"{name}.json"


@functools.cache
def store(name: str) -> dict[str, Any]:
    """The store ``name`` as the last run left it (empty if none), one object per process."""
    try:
        data = json.loads(path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(name: str, data: dict[str, Any], limit: int | None = None) -> None:
    """Keep ``data`` as the store ``name`` (its oldest entries dropped beyond ``limit``), whole or
    not at all, also beside a batch's other workers."""
    while limit is not None and len(data) > limit:
        del data[next(iter(data))]
    _replace(path(name), json.dumps(data).encode("utf-8"))


def _replace(file: Path, data: bytes) -> bool:
    """``data`` as ``file``, whole or not at all, also beside a batch's other workers; False
    where it cannot be written (no error: what is kept can be computed again)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, file)
    except OSError:
        return False
    return True


@functools.cache
def version(distribution: str, module: str) -> str:
    """The installed version of ``distribution`` (whose code is the package ``module``), read from
    the name of its ``<name>-<version>.dist-info`` folder beside the package, as installers name
    it: ``importlib.metadata`` would parse its whole METADATA file, some 5 ms a package.  Where no
    such folder is found (a package installed another way), ``importlib.metadata`` answers."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    locations = list(spec.submodule_search_locations or []) if spec else []
    wanted = re.sub(r"[-_.]+", "_", distribution).lower()
    for location in locations:
        try:
            entries = os.scandir(Path(location).parent)
        except OSError:
            continue
        with entries:
            for entry in entries:
                name, dash, rest = entry.name.partition("-")
                if dash and rest.endswith(".dist-info") and re.sub(r"[-_.]+", "_", name).lower() == wanted:
                    return rest.removesuffix(".dist-info")
    from importlib.metadata import version as read_version

    return read_version(distribution)


KEEP = 200  # kept files per folder: a firm's templates and their edits, several times over


def prune(folder: Path, keep: int = KEEP) -> None:
    """Remove the oldest kept files of ``folder`` beyond ``keep``; a file another run removed first,
    or one that cannot be removed, is no error."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    if len(entries) <= keep:
        return
    aged = []
    for entry in entries:
        try:
            aged.append((entry.stat().st_mtime_ns, entry.path))
        except OSError:
            pass
    for _, file in sorted(aged)[: len(aged) - keep]:
        try:
            os.remove(file)
        except OSError:
            pass


def write(file: Path, data: bytes) -> None:
    """``data`` as ``file`` (``_replace``), the oldest of its folder's files pruned."""
    if _replace(file, data):
        prune(file.parent)


# beside dicts, lists, text and numbers: the dates and times YAML reads
_PLAIN = {("datetime", cls) for cls in ("date", "datetime", "time", "timedelta", "timezone")}


class _PlainUnpickler(pickle.Unpickler):
    """Reads back plain data only: a kept file naming any other class is not ours, never run."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PLAIN:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def parsed(name: str, text: str, parse: Callable[[], Any]) -> Any:
    """What ``parse`` makes of ``text`` (plain data: dicts, lists, text, numbers, dates), as the
    last run that parsed the same text kept it in the folder ``name`` (named for the parser and
    its version): a fresh copy each time, as parsing again would give."""
    from assembler.settings import cache_dir

    file = cache_dir() / name / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.pickle"
    try:
        return _PlainUnpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # not kept yet, cut short, or not plain data: parse it again
        pass
    data = parse()
    write(file, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data
