"""Firm templates: a copy of the shipped templates, for a firm to edit in Word.

``copy_templates`` writes every template and every shared part (``parts/``)
into a folder of the user's; ``render --templates`` and ``check --templates``
then draft with the edited copies.  It never overwrites a file: a copy made
last month and edited since is worth more than a fresh one.
"""

from __future__ import annotations

from pathlib import Path

from assembler.errors import OutputError
from assembler.papers.render import default_template_dir


def shipped_templates() -> list[Path]:
    """The shipped templates and their parts, relative to the template folder, in a fixed order."""
    folder = default_template_dir()
    return sorted(path.relative_to(folder) for path in folder.rglob("*.docx"))


def copy_templates(destination: Path) -> list[Path]:
    """Copy every shipped template into ``destination`` (created if need be); returns the paths
    written.  Nothing is written when any of them exists already."""
    source = default_template_dir()
    names = shipped_templates()
    taken = [name for name in names if (destination / name).exists()]
    if taken:
        more = f" and {len(taken) - 1} more" if len(taken) > 1 else ""
        raise OutputError(
            f"{destination / taken[0]}{more} already exist{'s' if len(taken) == 1 else ''}: "
            "templates copy never overwrites a file (copy into a new folder, or move the old copies away)"
        )
    written = []
    for name in names:
        target = destination / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as out:  # exclusive: a file made meanwhile is not overwritten either
                out.write((source / name).read_bytes())
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        written.append(target)
    return written
