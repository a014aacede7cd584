"""Read answer files: safe YAML with line numbers, duplicate keys refused, ``extends`` merged.

The result is plain data plus a map from each field path to the file and line
it came from, so that validation errors can point at the exact place a user
must fix -- even when the value was inherited from a base file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assembler.errors import AnswersError, Problem

FieldPath = tuple[Any, ...]
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class Position:
    """Where a value was written: file, 1-based line, and how a text block starts."""

    file: Path
    line: int
    block: bool = False  # a literal/folded block scalar: its text starts on the next line

    def line_of(self, offset_lines: int) -> int:
        """The line of a character ``offset_lines`` newlines into the value's text."""
        return self.line + (1 if self.block else 0) + offset_lines


@dataclass
class Source:
    """Merged answer data, with the position of every field."""

    data: dict[str, Any]
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    bases: list[Path] = field(default_factory=list)

    @property
    def file(self) -> Path:
        return self.files[0]

    def position(self, path: FieldPath) -> Position | None:
        """The position of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, message: str, path: FieldPath, line_offset: int = 0) -> Problem:
        pos = self.position(path)
        dotted = ".".join(str(part) for part in path) or None
        if pos is None:
            return Problem(message, file=self.file, field=dotted)
        return Problem(message, file=pos.file, line=pos.line_of(line_offset), field=dotted)


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same nodes, faster
MAX_FILE_BYTES = 2_000_000  # the model case is 15 kB; a bigger file is a mistake or an attack
MAX_VALUES = 100_000  # values after aliases are expanded (a "billion laughs" file has billions)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML read as it is typed: the YAML 1.2 core forms only, never 1.1's guesses.

    PyYAML follows YAML 1.1, which reads ``0013`` as octal 11, ``1_000`` as
    1000, ``1:30`` as 90 and ``yes``/``on`` as true: a wrong docket number or a
    lost word in a court paper.  Here a number is decimal digits without
    leading zeros (anything else stays text, so a docket number such as
    ``0013`` is refused as not a whole number, and a bar number ``012345``
    keeps its zero), a boolean is ``true`` or ``false``, and a date is
    ``YYYY-MM-DD``.
    """

    yaml_implicit_resolvers: dict = {}


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
    ("merge", r"^(?:<<)$", "<"),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))

# The one control-character rule of the package: characters that would change a paper (a
# form feed is a page break, a bell or an escape code is nothing a court can read; a lone
# carriage return is a line break Word and YAML read differently; U+0080-U+009F are the C1
# controls a pasted Windows-1252 dash becomes); tab and newline are text.  The reader refuses
# them, the docket import and the Word writer remove them, the editor quotes them.
CONTROL_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def without_controls(text: str, replacement: str = " ") -> str:
    """``text`` with every control character of the rule above replaced."""
    return _CONTROL.sub(replacement, text)


def control_character(text: str) -> str | None:
    """A description of the first control character in ``text``, or None."""
    match = _CONTROL.search(text)
    if match is None:
        return None
    char = match.group()
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "a control character")
    return f"U+{ord(char):04X} ({name})"


_CONTROL_NAMES = {
    0x0D: "CARRIAGE RETURN",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x00: "NULL",
    0x7F: "DELETE",
}


def _tab_at(text: str, mark: yaml.Mark | None) -> bool:
    """Whether the character a YAML error points at is a tab."""
    if mark is None:
        return False
    lines = text.split("\n")
    return mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"


def _parse_yaml(text: str, file: Path, kept: list[Problem] | None = None) -> tuple[Any, dict[FieldPath, Position]]:
    """Data and positions of ``text``; a value that cannot be read is a problem, raised with all
    the others, or (``kept`` given) put in ``kept`` while the value reads as absent."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        # libyaml counts the position in bytes, PyYAML in characters
        if _BaseLoader is yaml.SafeLoader:
            char_line = text.count("\n", 0, exc.position) + 1
        else:
            char_line = text.encode("utf-8").count(b"\n", 0, exc.position) + 1
        described = control_character(chr(exc.character)) if isinstance(exc.character, int) else None
        raise AnswersError(
            [
                Problem(
                    f"holds the control character {described or repr(exc.character)}, which cannot appear "
                    "in a court paper; delete it (it often comes with pasted text)",
                    file=file,
                    line=char_line,
                    field=_field_on_line(text, file, char_line),
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or "this is not valid YAML"
        if "'\\t'" in reason or "tab character" in reason or _tab_at(text, mark):  # libyaml names no tab
            reason = "a tab is used to indent or separate here; YAML indents with spaces only"
        raise AnswersError([Problem(f"not valid YAML: {reason}", file=file, line=line)]) from None
    except yaml.YAMLError as exc:
        raise AnswersError([Problem(f"not valid YAML: {exc}", file=file)]) from None
    finally:
        loader.dispose()
    if node is None:
        return {}, {}
    positions: dict[FieldPath, Position] = {}
    problems: list[Problem] = []
    try:
        data = _build(node, (), file, loader, positions, problems, [0], text.splitlines())
    except _TooLarge:
        raise AnswersError(
            [
                Problem(
                    f"expands to more than {MAX_VALUES:,} values (YAML aliases repeating an anchor?); "
                    "an answer file is never that large",
                    file=file,
                )
            ]
        ) from None
    if problems and kept is None:
        raise AnswersError(problems)
    if kept is not None:
        kept += problems
    return data, positions


def parse_values(text: str, file: Path) -> tuple[Any, list[Problem]]:
    """The values of an answer file's ``text`` as ``check`` reads them, and the problems of the
    values it cannot read (each such value reads as absent): the editor's view of a file it
    is repairing.  A file that is not YAML at all still raises ``AnswersError``."""
    problems: list[Problem] = []
    data, _ = _parse_yaml(text, file, problems)
    return data, problems


def _build(
    node: Node,
    path: FieldPath,
    file: Path,
    loader: yaml.SafeLoader,
    positions: dict[FieldPath, Position],
    problems: list[Problem],
    count: list[int],
    lines: list[str],
) -> Any:
    count[0] += 1
    if count[0] > MAX_VALUES:
        raise _TooLarge
    block = isinstance(node, ScalarNode) and node.style in ("|", ">")
    positions[path] = Position(file, node.start_mark.line + 1, block)
    if not isinstance(node, ScalarNode) and node.tag not in _PLAIN_TAGS:
        problems.append(
            Problem(
                f"YAML tags such as {node.tag} are not allowed in answer files",
                file=file,
                line=node.start_mark.line + 1,
            )
        )
        return None
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        "YAML merge keys (<<) are not supported; use extends:",
                        file=file,
                        line=key_node.start_mark.line + 1,
                    )
                )
                continue
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem("a key must be plain text", file=file, line=key_node.start_mark.line + 1))
                continue
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(f"duplicate key {key!r} (first given on line {seen[key]})", file=file, line=line)
                )
                continue
            seen[key] = line
            result[key] = _build(value_node, path + (key,), file, loader, positions, problems, count, lines)
        return result
    if isinstance(node, SequenceNode):
        return [
            _build(item, path + (index,), file, loader, positions, problems, count, lines)
            for index, item in enumerate(node.value)
        ]
    line = node.start_mark.line + 1
    start = lines[node.start_mark.line][node.start_mark.column :] if node.start_mark.line < len(lines) else ""
    if start[:1] in ("&", "!"):
        what = "an anchor" if start[0] == "&" else "a tag"
        problems.append(
            Problem(
                f"a value that begins with {start[0]} is YAML's mark for {what}, which is not printed; "
                "put the value in quotes if the text begins so",
                file=file,
                line=line,
                field=_dotted(path),
            )
        )
        return None
    if isinstance(node, ScalarNode) and not node.style and _comment_swallows(node, lines):
        problems.append(
            Problem(
                "the text after “ #” is read as a YAML comment and would be left out of the paper; "
                "put the value in quotes if the # is part of it",
                file=file,
                line=node.end_mark.line + 1,
                field=_dotted(path),
            )
        )
        return None
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        problems.append(Problem(f"cannot read this value ({exc.problem})", file=file, line=line))
        return None
    except (ValueError, OverflowError):  # a date such as 2012-02-30 or 2012-13-01
        problems.append(Problem(f"{node.value} is not a real date", file=file, line=line, field=_dotted(path)))
        return None
    if isinstance(value, str) and (described := control_character(value)):
        offset = value.count("\n", 0, _CONTROL.search(value).start())  # type: ignore[union-attr]
        problems.append(
            Problem(
                f"holds the control character {described}, which would change the paper "
                "(a page break, a lost word); delete it",
                file=file,
                line=Position(file, line, block).line_of(offset),
                field=_dotted(path),
            )
        )
        return None
    return value


def _field_on_line(text: str, file: Path, line: int) -> str | None:
    """The field written on ``line``, read from the text with its control characters blanked."""
    try:
        _, positions = _parse_yaml(_CONTROL.sub("\ufffd", text), file)
    except AnswersError:
        return None
    on_line = [path for path, pos in positions.items() if path and pos.line <= line]
    if not on_line:
        return None
    best = max(on_line, key=lambda path: (positions[path].line, len(path)))
    return _dotted(best)


class _TooLarge(Exception):
    pass


def _comment_swallows(node: ScalarNode, lines: list[str]) -> bool:
    """A plain value followed by ``#word`` (``firm: Smith #1 Law``): YAML drops the rest.

    A comment written as comments are (``# note``, with a space) is left alone.
    """
    if node.end_mark.line >= len(lines):
        return False
    rest = lines[node.end_mark.line][node.end_mark.column :]
    if node.value == "":
        return bool(re.match(r"\s*#", rest))
    return bool(re.match(r"\s+#(?!\s|$)", rest))


def _dotted(path: FieldPath) -> str | None:
    return ".".join(str(part) for part in path) or None


def read_yaml(file: Path) -> tuple[Any, dict[FieldPath, Position]]:
    """Parse one YAML file into data and positions; never runs code from the file.

    The file is read every time; what its text parses to is kept per process (a batch's
    cases all read their base file, and each case is read to be checked and again to be
    drafted), and each caller gets containers of its own: the data may be changed freely.
    """
    text = read_text(file)
    if len(text) > _KEPT_CHARS:
        return _parse_yaml(text, file)
    key = (str(file), text)
    kept = _KEPT.pop(key, None)
    if kept is None:
        kept = _parse_yaml(text, file)  # a text that raises is not kept
    _KEPT[key] = kept  # the most recently read last
    if len(_KEPT) > _KEPT_FILES:
        del _KEPT[next(iter(_KEPT))]
    data, positions = kept
    return _fresh(data), dict(positions)


_KEPT: dict[tuple[str, str], tuple[Any, dict[FieldPath, Position]]] = {}
_KEPT_FILES = 64
_KEPT_CHARS = 200_000  # a base file of a few pages; a longer one is parsed every time


def _fresh(data: Any) -> Any:
    """``data`` with mappings and lists of its own (scalars are immutable, and shared)."""
    if isinstance(data, dict):
        return {key: _fresh(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_fresh(value) for value in data]
    return data


def read_text(file: Path) -> str:
    """The text of an answer file: at most ``MAX_FILE_BYTES``, UTF-8, or one problem saying why not."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnswersError(
                [
                    Problem(
                        f"is {size / 1e6:.1f} MB; an answer file is at most {MAX_FILE_BYTES / 1e6:g} MB "
                        "(is this the right file?)",
                        file=file,
                    )
                ]
            )
        raw = file.read_bytes()
    except FileNotFoundError:
        raise AnswersError([Problem("no such answer file", file=file)]) from None
    except IsADirectoryError:
        raise AnswersError([Problem("is a folder, not an answer file", file=file)]) from None
    except OSError as exc:
        raise AnswersError([Problem(f"cannot read the file ({exc.strerror})", file=file)]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AnswersError(
            [
                Problem(
                    f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read); save it as UTF-8",
                    file=file,
                    line=line,
                )
            ]
        ) from None
    return text


def _merge(base: Any, override: Any) -> Any:
    """Deep-merge mappings; anything else (lists included) is replaced by the override."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    return override


def _merge_positions(
    base: dict[FieldPath, Position], override: dict[FieldPath, Position], override_data: Any
) -> dict[FieldPath, Position]:
    """Positions after ``_merge``: a replaced value drops the base's positions beneath it."""
    replaced = {
        path
        for path in override
        if path and _is_mapping_at(override_data, path[:-1]) and not _is_mapping_at(override_data, path)
    }
    merged = {path: pos for path, pos in base.items() if not any(path[:n] in replaced for n in range(1, len(path)))}
    merged.update(override)
    return merged


def value_at(data: Any, path: FieldPath) -> Any:
    """The value at ``path`` in nested mappings and lists, or None where there is none."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _is_mapping_at(data: Any, path: FieldPath) -> bool:
    return isinstance(value_at(data, path), dict)


def load_source(file: Path | str, _chain: tuple[Path, ...] = ()) -> Source:
    """Load an answer file and, through ``extends:``, the bases it builds on."""
    file = Path(file)
    resolved = file.resolve()
    if resolved in _chain:
        cycle = " -> ".join(str(p.name) for p in (*_chain, resolved))
        raise AnswersError([Problem(f"extends: forms a cycle ({cycle})", file=file)])
    data, positions = read_yaml(file)
    if not isinstance(data, dict):
        raise AnswersError([Problem("an answer file must be a mapping of keys to values", file=file, line=1)])
    extends = data.pop("extends", None)
    if extends is None:
        return Source(data, positions, files=[file])
    if not isinstance(extends, str) or not extends.strip():
        pos = positions[("extends",)]
        raise AnswersError([Problem("extends: must be the path of a base answer file", file=file, line=pos.line)])
    base_file = (file.parent / extends).resolve() if not Path(extends).is_absolute() else Path(extends)
    if not base_file.is_file():
        pos = positions[("extends",)]
        what = (
            f"{extends!r} is a folder, not a base answer file"
            if base_file.is_dir()
            else f"no such base file {extends!r}"
        )
        raise AnswersError([Problem(what, file=file, line=pos.line, field="extends")])
    base = load_source(_relative(base_file), (*_chain, resolved))
    merged = _merge(base.data, data)
    return Source(
        merged,
        _merge_positions(base.positions, positions, data),
        files=[file, *base.files],
        bases=[*base.files],
    )


def _relative(path: Path) -> Path:
    """Show paths relative to the working folder when they lie under it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
