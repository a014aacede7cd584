"""The user's settings: what a firm would otherwise type in every case.

One YAML file, named by ``ASSEMBLER_CONFIG`` or found in the platform's config
folder (``config_path``), read by the one strict reader.  It may give:

- ``counsel``: a counsel block (``movant:`` and/or ``opponent:``, as in an
  answer file), laid under every answer file's own: what the answer file gives
  wins, key by key, as over a base it ``extends``;
- ``output``: the folder ``render`` and ``batch`` write into (else ``drafts``);
- ``templates``: a folder of the firm's own templates (else the package's);
- ``soffice``: LibreOffice's program, for ``--pdf`` (``ASSEMBLER_SOFFICE`` wins).

The command line wins over all of it.  ``assembler config`` shows the file and
what it sets.  A mistake in it is one sentence with its file and line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.errors import AnswersError, Problem

ENV = "ASSEMBLER_CONFIG"
CACHE_ENV = "ASSEMBLER_CACHE"
KEYS = ("counsel", "output", "templates", "soffice")


def config_path(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> Path:
    """``ASSEMBLER_CONFIG``, else the platform's user config folder's ``assembler/config.yaml``:
    ``$XDG_CONFIG_HOME`` or ``~/.config`` (Linux and others), ``~/Library/Application Support``
    (macOS), ``%APPDATA%`` (Windows) -- where platformdirs puts a user config file."""
    named = environ.get(ENV, "").strip()
    if named:
        return Path(named).expanduser()
    if platform == "win32":
        base = Path(environ["APPDATA"]) if environ.get("APPDATA") else Path.home() / "AppData" / "Roaming"
    elif platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_CONFIG_HOME", "").strip()
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"
    return base / "assembler" / "config.yaml"


def cache_dir(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> Path:
    """``ASSEMBLER_CACHE``, else the platform's user cache folder's ``assembler``: ``$XDG_CACHE_HOME``
    or ``~/.cache``, ``~/Library/Caches`` (macOS), ``%LOCALAPPDATA%`` (Windows).  What is kept there
    can always be computed again (``assembler.kept``: eyecite's readings, the holidays package's
    days, font widths; ``papers.jinjacode``: templates prepared and compiled)."""
    named = environ.get(CACHE_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    if platform == "win32":
        base = Path(environ["LOCALAPPDATA"]) if environ.get("LOCALAPPDATA") else Path.home() / "AppData" / "Local"
        return base / "assembler" / "Cache"
    if platform == "darwin":
        return Path.home() / "Library" / "Caches" / "assembler"
    xdg = environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "assembler"


@dataclass
class Settings:
    file: Path
    exists: bool = False
    values: dict[str, Any] = field(default_factory=dict)
    positions: dict[tuple[str | int, ...], Any] = field(default_factory=dict)

    def path(self, key: str) -> Path | None:
        """A folder or program the settings name, relative to the settings file's folder."""
        value = self.values.get(key)
        if value is None:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.file.parent / path


def load(file: Path | None = None) -> Settings:
    """The settings (none where the file does not exist); ``AnswersError`` for a file that is
    not what it should be, each problem with the file and line."""
    from assembler.answers.reader import read_yaml

    file = config_path() if file is None else file
    if not file.is_file():
        return Settings(file)
    data, positions = read_yaml(file)
    if data is None:
        return Settings(file, exists=True)
    problems = []
    if not isinstance(data, dict):
        raise AnswersError([Problem("the settings file must be a mapping of keys to values", file=file, line=1)])
    for key, value in data.items():
        line = positions[(key,)].line if (key,) in positions else None
        if key not in KEYS:
            problems.append(Problem(f"{key}: not a setting (settings: {', '.join(KEYS)})", file=file, line=line))
        elif key == "counsel" and not isinstance(value, dict):
            problems.append(Problem("counsel: must be a counsel block, as in an answer file", file=file, line=line))
        elif key != "counsel" and not (isinstance(value, str) and value.strip()):
            problems.append(Problem(f"{key}: must be a path", file=file, line=line))
    if problems:
        raise AnswersError(problems)
    return Settings(file, exists=True, values=data, positions=positions)


def under(source: Any, settings: Settings | None = None) -> Any:
    """``source`` (an answer file's, ``reader.Source``) with the settings' counsel laid under it."""
    from assembler.answers.reader import Source, _merge, _merge_positions

    settings = load() if settings is None else settings
    counsel = settings.values.get("counsel")
    if counsel is None:
        return source
    base = {path: pos for path, pos in settings.positions.items() if path[:1] == ("counsel",)}
    return Source(
        _merge({"counsel": counsel}, source.data),
        _merge_positions(base, source.positions, source.data),
        files=[*source.files, settings.file],
        bases=[*source.bases, settings.file],
    )
