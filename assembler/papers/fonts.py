"""A template's own font, measured: the advance widths of an installed font, read with fonttools.

Titles are set in balanced lines (``titles``), which needs the width of each
letter in the font the template names.  ``widths`` finds the font file --
through fontconfig (``fc-match``) where it is installed, else by the names in
the font files of the usual folders -- and reads its advance widths.  A font
that is not installed gives None, and the caller falls back to its estimate
(and says so).  Only the font itself, or one made to its metrics (Liberation
Serif for Times New Roman), is taken: fontconfig's nearest match is not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from assembler import kept

# Fonts drawn to another's advance widths (fontconfig's 30-metric-aliases.conf): measuring one
# measures the other, as LibreOffice sets Times New Roman in Liberation Serif where it must.
METRIC_TWINS: dict[str, tuple[str, ...]] = {
    "times new roman": ("liberation serif", "tinos"),
    "times": ("liberation serif", "tinos", "times new roman"),
    "arial": ("liberation sans", "arimo"),
    "helvetica": ("liberation sans", "arimo", "arial"),
    "courier new": ("liberation mono", "cousine"),
    "cambria": ("caladea",),
    "calibri": ("carlito",),
    "georgia": ("gelasio",),
}


def _font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        return [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]


def _names(family: str) -> tuple[str, ...]:
    key = family.strip().lower()
    return (key, *METRIC_TWINS.get(key, ()))


def _fc_match(family: str, bold: bool) -> Path | None:
    """The file fontconfig would use for ``family``, if it is that family (or a metric twin)."""
    if shutil.which("fc-match") is None:
        return None
    pattern = f"{family}:bold" if bold else f"{family}:weight=regular"
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}\n%{weight}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) < 2:
        return None
    families = {name.strip().lower() for name in found[0].split(",")}
    if not families & set(_names(family)):
        return None  # fontconfig's nearest face, not the font: no measure
    weight = int(found[2]) if len(found) > 2 and found[2].strip().isdigit() else None
    if bold and weight is not None and weight < 180:  # fontconfig's bold is 200
        return None
    return Path(found[1])


@cache
def _installed() -> dict[tuple[str, bool], Path]:
    """Every installed TrueType/OpenType font by (family, bold), read from the font folders."""
    from fontTools.ttLib import TTFont

    out: dict[tuple[str, bool], Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in (".ttf", ".otf"):
                continue
            try:
                font = TTFont(str(path), lazy=True)
                family = font["name"].getDebugName(16) or font["name"].getDebugName(1)
                bold = bool(font["head"].macStyle & 1)
            except Exception:  # a damaged or unusual font file: not one we can measure
                continue
            if family:
                out.setdefault((family.lower(), bold), path)
    return out


def font_file(family: str, bold: bool) -> Path | None:
    """The installed file of ``family`` (bold or regular), or of its metric twin; None if neither."""
    found = _fc_match(family, bold)
    if found is not None and found.is_file():
        return found
    installed = _installed()
    for name in _names(family):
        if (name, bold) in installed:
            return installed[name, bold]
    return None


@cache
def widths(family: str, bold: bool) -> dict[str, float] | None:
    """Advance widths of ``family`` in 1/1000 em, by character; None when it is not installed."""
    path = font_file(family, bold)
    if path is None:
        return None
    return file_widths(path)


def file_widths(path: Path) -> dict[str, float] | None:
    """The advance widths in the font file ``path``; None when it cannot be read.  Kept in the
    user's cache by the file's path, size and time (reading a font costs fonttools' import)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    store = kept.store("font-widths")
    if isinstance(found := store.get(key), dict):
        return found
    measured = _read_widths(path)
    if measured is not None:
        store[key] = measured
        kept.save("font-widths", store, limit=50)
    return measured


def _read_widths(path: Path) -> dict[str, float] | None:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(path), lazy=True)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
    except Exception:  # a file we cannot read is a font we cannot measure
        return None
    return {chr(code): metrics[glyph][0] * 1000 / units for code, glyph in cmap.items() if glyph in metrics}
