"""What the interview has asked and the answer file cannot show: a blank answer, a default.

A blank optional answer writes nothing to the answer file, and a default the
model applies anyway (the vehicle, the outcome) is left out so that the file
says only what was chosen; a "no" to "Draft the response too?" leaves no
trace either.  Without a record, every resume asked those again.  The record
is a small text file beside the answer file (``case.yaml.answered``), one key
a line: the dotted path of a field answered without a value (``docket.2.role``),
or the key of a question that is no field (``opposition.draft``, ``end:docket``
for a list the user finished).  It is the interview's memory, not an answer:
``check`` and ``render`` never read it, and deleting it only means those
questions are asked again.  Keys of list items move with their items when the
interview inserts or deletes one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from assembler.answers.reader import FieldPath

SUFFIX = ".answered"
_HEADER = (
    "# The questions `assembler interview {name}` asked and you answered without a value\n"
    "# for the file (left blank, kept the default, said no). The interview does not ask\n"
    "# them again when it resumes; delete this file to be asked them again.\n"
)


def dotted(path: FieldPath | str) -> str:
    return path if isinstance(path, str) else ".".join(map(str, path))


class Record:
    """The keys answered without a value, for one answer file; saved at every change."""

    def __init__(self, answers: Path | None, keys: Iterable[str] = ()) -> None:
        self.path = answers.with_name(answers.name + SUFFIX) if answers is not None else None
        self.answers = answers
        self.keys: list[str] = list(dict.fromkeys(keys))
        if not self.keys and self.path is not None and self.path.is_file():
            try:
                text = self.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""  # an unreadable record: the questions are asked again, nothing worse
            self.keys = list(
                dict.fromkeys(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
            )

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, tuple)) and dotted(key) in self.keys

    def under(self, prefix: str) -> bool:
        """Whether any key starts with ``prefix`` (a section's key, ``opposition``)."""
        for key in self.keys:
            kind, colon, rest = key.partition(":")
            if not colon:
                path = key
            elif kind in ("end", "more"):  # "end:docket", "more:docket.2:background": of a path
                path = rest.split(":")[0]
            else:
                continue  # a question that is no field's ("role:motion", "import:confirmed")
            if path == prefix or path.startswith(prefix + "."):
                return True
        return False

    def add(self, key: FieldPath | str) -> None:
        key = dotted(key)
        if key not in self.keys:
            self.keys.append(key)
            self.save()

    def discard(self, key: FieldPath | str) -> None:
        key = dotted(key)
        if key in self.keys:
            self.keys.remove(key)
            self.save()

    def clear(self) -> None:
        self.keys = []
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def shift(self, items: FieldPath, index: int, by: int) -> None:
        """Move the keys of the list ``items``: +1 after an item was inserted at ``index``,
        -1 after the item at ``index`` was deleted (its own keys go)."""
        head = re.escape(dotted(items))
        pattern = re.compile(rf"^((?:[a-z]+:)?{head}\.)(\d+)((?:[.:]|$).*)$")
        moved: list[str] = []
        for key in self.keys:
            match = pattern.match(key)
            if match is None:
                moved.append(key)
                continue
            number = int(match.group(2))
            if by < 0 and number == index:
                continue  # the deleted item's own answers
            if number >= index:
                number += by
            moved.append(f"{match.group(1)}{number}{match.group(3)}")
        if moved != self.keys:
            self.keys = list(dict.fromkeys(moved))
            self.save()

    def save(self) -> None:
        from assembler.files import atomic_write

        if self.path is None or self.answers is None:
            return
        if not self.keys:
            self.path.unlink(missing_ok=True)
            return
        text = _HEADER.format(name=self.answers.name) + "".join(f"{key}\n" for key in self.keys)
        atomic_write(text.encode("utf-8"), self.path, force=True)
