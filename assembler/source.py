"""Read answer files: safe YAML with line numbers, duplicate keys refused, ``extends`` merged.

The result is plain data plus a map from each field path to the file and line
it came from, so that validation errors can point at the exact place a user
must fix -- even when the value was inherited from a base file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import AnswersError, Problem

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


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same nodes, faster


def _parse_yaml(text: str, file: Path) -> tuple[Any, dict[FieldPath, Position]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or "this is not valid YAML"
        raise AnswersError([Problem(f"not valid YAML: {reason}", file=file, line=line)]) from None
    except yaml.YAMLError as exc:
        raise AnswersError([Problem(f"not valid YAML: {exc}", file=file)]) from None
    finally:
        loader.dispose()
    if node is None:
        return {}, {}
    positions: dict[FieldPath, Position] = {}
    problems: list[Problem] = []
    data = _build(node, (), file, loader, positions, problems)
    if problems:
        raise AnswersError(problems)
    return data, positions


def _build(
    node: Node,
    path: FieldPath,
    file: Path,
    loader: yaml.SafeLoader,
    positions: dict[FieldPath, Position],
    problems: list[Problem],
) -> Any:
    block = isinstance(node, ScalarNode) and node.style in ("|", ">")
    positions[path] = Position(file, node.start_mark.line + 1, block)
    if not isinstance(node, ScalarNode) and node.tag not in _PLAIN_TAGS:
        problems.append(Problem(f"YAML tags such as {node.tag} are not allowed in answer files",
                                file=file, line=node.start_mark.line + 1))
        return None
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem("YAML merge keys (<<) are not supported; use extends:", file=file,
                            line=key_node.start_mark.line + 1)
                )
                continue
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem("a key must be plain text", file=file,
                                        line=key_node.start_mark.line + 1))
                continue
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(
                    f"duplicate key {key!r} (first given on line {seen[key]})",
                    file=file, line=line))
                continue
            seen[key] = line
            result[key] = _build(value_node, path + (key,), file, loader, positions, problems)
        return result
    if isinstance(node, SequenceNode):
        return [
            _build(item, path + (index,), file, loader, positions, problems)
            for index, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        problems.append(Problem(f"cannot read this value ({exc.problem})", file=file,
                                line=node.start_mark.line + 1))
        return None


def read_yaml(file: Path) -> tuple[Any, dict[FieldPath, Position]]:
    """Parse one YAML file into data and positions; never runs code from the file."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswersError([Problem("no such answer file", file=file)]) from None
    except UnicodeDecodeError:
        raise AnswersError([Problem("not UTF-8 text", file=file)]) from None
    except OSError as exc:
        raise AnswersError([Problem(f"cannot read the file ({exc.strerror})", file=file)]) from None
    return _parse_yaml(text, file)


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
        path for path in override
        if path and _is_mapping_at(override_data, path[:-1])
        and not _is_mapping_at(override_data, path)
    }
    merged = {
        path: pos for path, pos in base.items()
        if not any(path[:n] in replaced for n in range(1, len(path)))
    }
    merged.update(override)
    return merged


def _is_mapping_at(data: Any, path: FieldPath) -> bool:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(node, dict)


def load_source(file: Path | str, _chain: tuple[Path, ...] = ()) -> Source:
    """Load an answer file and, through ``extends:``, the bases it builds on."""
    file = Path(file)
    resolved = file.resolve()
    if resolved in _chain:
        cycle = " -> ".join(str(p.name) for p in (*_chain, resolved))
        raise AnswersError([Problem(f"extends: forms a cycle ({cycle})", file=file)])
    data, positions = read_yaml(file)
    if not isinstance(data, dict):
        raise AnswersError([Problem("an answer file must be a mapping of keys to values",
                                    file=file, line=1)])
    extends = data.pop("extends", None)
    if extends is None:
        return Source(data, positions, files=[file])
    if not isinstance(extends, str) or not extends.strip():
        pos = positions[("extends",)]
        raise AnswersError([Problem("extends: must be the path of a base answer file",
                                    file=file, line=pos.line)])
    base_file = (file.parent / extends).resolve() if not Path(extends).is_absolute() else Path(extends)
    if not base_file.exists():
        pos = positions[("extends",)]
        raise AnswersError([Problem(f"extends: no such base file {extends!r}", file=file,
                                    line=pos.line)])
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
