"""An answer file being written answer by answer: comments and key order kept, saved atomically.

The interview edits the YAML document itself (ruamel.yaml's round-trip mode),
so a user's comments and the order of their keys survive, and saves it after
every accepted answer through a temporary file and a rename: an interrupted
interview leaves a whole file holding every answer given so far.  Values are
read back with the package's own strict loader (``source``), so what the
interview wrote is exactly what ``check`` and ``render`` read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from assembler.answers.reader import CONTROL_CHARACTERS, FieldPath, parse_values, read_text, value_at
from assembler.errors import AnswersError, Problem
from assembler.files import atomic_write

SCHEMA_VERSION = 1
# Characters a plain or block scalar would not keep (control characters, odd line breaks,
# a byte-order mark, tabs and spaces at the ends of lines): such a value is double-quoted.
_UNSAFE = re.compile(f"[{CONTROL_CHARACTERS}\ufeff]|[ \t]\n|\n[ \t]|^[ \t]|[ \t]$")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the user wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    # one value used twice (a date) is written twice, never as an &anchor the loader refuses
    yaml.representer.ignore_aliases = lambda *args: True
    return yaml


class AnswerFile:
    """The YAML document of one answer file, edited in place and saved whole."""

    def __init__(self, path: Path, *, fresh: bool = False) -> None:
        """The answer file at ``path``; ``fresh``: a new document, whatever is there now."""
        self.path = Path(path)
        self.existed = self.path.exists() and not fresh
        self._values: Any = None  # the values as the strict reader reads them; None: read again
        self._problems: dict[str, Problem] = {}
        if self.existed:
            text = read_text(self.path)  # too large, not UTF-8: said as check says it
            self._read(text)  # not YAML at all: said as check says it
            try:
                document = _yaml().load(text)
            except Exception as exc:  # pragma: no cover - the strict reader read it
                raise AnswersError([Problem(f"cannot be edited: {exc}", file=self.path)]) from None
            if document is None:
                document = CommentedMap()
            if not isinstance(document, CommentedMap):
                raise AnswersError(
                    [Problem("an answer file must be a mapping of keys to values", file=self.path, line=1)]
                )
            self._document: CommentedMap = document
        else:
            self._document = CommentedMap(schema_version=SCHEMA_VERSION)
        # each top-level key's YAML as last written, so that a save re-writes only what changed
        self._pieces: dict[tuple[Any, bool], str] = {}

    @property
    def document(self) -> CommentedMap:
        """The ruamel tree, for edits the editor has no method for (a comment): whoever takes it
        may change anything, so the next save writes every key afresh."""
        self._pieces.clear()
        self._values = None
        return self._document

    def _changed(self, path: FieldPath) -> None:
        self._values = None
        if path:
            self._pieces = {k: v for k, v in self._pieces.items() if k[0] != path[0]}
        else:
            self._pieces.clear()

    def _read(self, text: str) -> None:
        values, problems = parse_values(text, self.path)
        self._values = values if isinstance(values, dict) else {}
        self._problems = {p.field: p for p in problems if p.field}

    def get(self, path: FieldPath) -> Any:
        """The value at ``path`` as ``check`` reads it (``docket: 0013`` is the text "0013");
        a value the strict reader refuses (a control character, a swallowed comment) is None."""
        if self._values is None:
            self._read(self.text())
        return value_at(self._values, path)

    def problem(self, path: FieldPath) -> Problem | None:
        """Why the strict reader could not read the value at ``path``, if it could not."""
        if self._values is None:
            self._read(self.text())
        return self._problems.get(".".join(map(str, path)))

    def set(self, path: FieldPath, value: Any) -> None:
        """Put ``value`` at ``path``, creating the mappings and lists on the way."""
        node: Any = self._document
        for part, following in zip(path, path[1:]):
            child = node[part] if _has(node, part) else None
            if not isinstance(child, (dict, list)):
                child = CommentedSeq() if isinstance(following, int) else CommentedMap()
                _put(node, part, child)
            node = child
        _put(node, path[-1], _to_yaml(value))
        self._changed(path)

    def insert(self, path: FieldPath, value: Any) -> None:
        """Put ``value`` into the list at ``path[:-1]`` before its item ``path[-1]``."""
        items = value_at(self._document, path[:-1])
        if isinstance(items, list) and isinstance(path[-1], int) and path[-1] < len(items):
            items.insert(path[-1], _to_yaml(value))
            self._changed(path)
        else:
            self.set(path, value)

    def delete(self, path: FieldPath) -> None:
        parent = value_at(self._document, path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent):
            del parent[path[-1]]
        self._changed(path)

    def text(self) -> str:
        """The file's YAML: each top-level key dumped on its own (the same text as dumping the
        whole tree, tests/test_answers.py holds them equal), and only the keys changed since the
        last save dumped again."""
        doc = self._document
        pieces = []
        for index, key in enumerate(doc):
            cached = self._pieces.get((key, index == 0))
            if cached is None:
                part = CommentedMap()
                part[key] = doc[key]
                if key in doc.ca.items:
                    part.ca.items[key] = doc.ca.items[key]
                if index == 0 and doc.ca.comment:
                    part.ca.comment = doc.ca.comment
                stream = io.StringIO()
                _yaml().dump(part, stream)
                cached = self._pieces[(key, index == 0)] = stream.getvalue()
            pieces.append(cached)
        return "".join(pieces) if pieces else "{}\n"

    def whole_text(self) -> str:
        """The YAML of the whole tree dumped at once (what ``text`` must equal)."""
        stream = io.StringIO()
        _yaml().dump(self._document, stream)
        return stream.getvalue()

    def save(self) -> None:
        text = self.text()
        atomic_write(text.encode("utf-8"), self.path, force=True)
        self._read(text)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def _put(node: Any, part: Any, value: Any) -> None:
    if isinstance(node, list):
        if part == len(node):
            node.append(value)
        else:
            node[part] = value
    else:
        node[part] = value


def _to_yaml(value: Any) -> Any:
    """Plain data as YAML nodes: mappings and lists kept editable, several lines as a block."""
    if isinstance(value, dict):
        return CommentedMap((k, _to_yaml(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_to_yaml(v) for v in value)
    if isinstance(value, str) and _UNSAFE.search(value):
        return DoubleQuotedScalarString(value)  # escaped, so that it reads back as it was
    if isinstance(value, str) and "\n" in value.strip("\n"):
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    if isinstance(value, dt.datetime):
        return value.date()
    return value
