"""Write imported answers: a new answer file with the guesses marked, or new entries merged into one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.docket.mapping import Imported
from assembler.errors import Problem

# -- writing -----------------------------------------------------------------------------------

GUESSED = "guessed"  # the comment on every guessed value
SUGGESTED = "suggested"  # the comment on a background sentence drafted from the docket, not yet kept
MARKS = (GUESSED, SUGGESTED)  # a value so marked is the tool's, not yet the lawyer's


def _comment(document: Any, dotted: str, word: str = GUESSED) -> None:
    from assembler.answers.reader import value_at

    parts = tuple(int(p) if p.isdigit() else p for p in dotted.split("."))
    parent = value_at(document, parts[:-1])
    if parent is not None and hasattr(parent, "yaml_add_eol_comment"):
        parent.yaml_add_eol_comment(word, parts[-1])


def mark(document: Any, path: tuple[Any, ...], word: str) -> None:
    """Mark the value at ``path`` ``# <word>`` (one of ``MARKS``)."""
    _comment(document, ".".join(map(str, path)), word)


def _guess_token(node: Any, key: Any, words: tuple[str, ...] = (GUESSED,)) -> Any:
    """The ``# guessed`` (or other mark's) comment ruamel keeps after ``node[key]``, if that is
    what it says."""
    items = getattr(getattr(node, "ca", None), "items", None)
    entry = items.get(key) if items else None
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None or not isinstance(getattr(token, "value", None), str):
        return None
    return token if token.value.split("\n", 1)[0].strip() in {f"# {w}" for w in words} else None


def guessed(document: Any, word: str = GUESSED) -> list[tuple[Any, ...]]:
    """The paths of the values marked ``# guessed`` (or ``# <word>``) in an answer file's
    document, in file order."""
    found: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if _guess_token(node, key, (word,)) is not None:
                    found.append(path + (key,))
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))

    walk(document, ())
    return found


def unmark(document: Any, path: tuple[Any, ...]) -> None:
    """Take the ``# guessed`` (or ``# suggested``) comment off the value at ``path`` (accepted, or
    corrected): the comment lines that followed it in the file stay."""
    from assembler.answers.reader import value_at

    parent = value_at(document, path[:-1]) if path[:-1] else document
    token = _guess_token(parent, path[-1], MARKS)
    if token is None:
        return
    rest = token.value.split("\n", 1)[1] if "\n" in token.value else ""
    if rest.strip():
        token.value = "\n" + rest  # the end of the value's line, then the comments after it
    else:
        parent.ca.items[path[-1]][2] = None
        if not any(parent.ca.items[path[-1]]):
            del parent.ca.items[path[-1]]


def write_new(imported: Imported, path: Path, source: Path, *, force: bool = False) -> None:
    """Write the imported answers to a new file, each guessed value marked ``# guessed``."""
    from assembler.answers.editor import AnswerFile
    from assembler.errors import OutputError
    from assembler.files import atomic_write

    if path.exists() and not force:
        raise OutputError(
            f"{path} already exists (use --into to add the docket's new entries to it, or --force to replace it)"
        )
    answers = AnswerFile(path, fresh=True)
    for key, value in imported.data.items():
        answers.set((key,), value)
    for dotted in imported.guessed:
        _comment(answers.document, dotted)
    answers.document.yaml_set_start_comment(
        f"Imported from {source.name} ({imported.notes and 'see the notes below' or 'a docket'}).\n"
        "Values marked “guessed” were read from the clerk's text: check each one.\n"
        "`assembler check` lists what is still missing; `assembler interview` asks for it."
    )
    atomic_write(answers.text().encode("utf-8"), path, force=True)


def _core(number: str) -> str:
    """The part of a case number that names the case, not its judges: 1:20-cv-10821."""
    match = re.search(r"(\d{1,2}:)?\d{2}-?[a-z]{2,4}-?\d{1,6}", number.lower())
    return re.sub(r"^\d{1,2}:", "", match.group(0)).replace("-", "") if match else number.lower()


@dataclass
class Merge:
    added: list[int] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def merge_into(imported: Imported, path: Path) -> Merge:
    """Add the docket's entries that ``path`` lacks; report entries the docket now gives
    otherwise; touch nothing else the user wrote."""
    from assembler.answers.editor import AnswerFile
    from assembler.errors import OutputError

    answers = AnswerFile(path)
    if not answers.existed:
        raise OutputError(f"{path} does not exist: use -o to write a new answer file")
    mine, theirs = answers.get(("case", "number")), imported.data["case"]["number"]
    if mine is not None and _core(str(mine)) != _core(theirs):
        raise OutputError(f"{path} is case {mine}, but the docket is case {theirs}: nothing was added")
    if answers.get(("court",)) not in (None, imported.data["court"]):
        raise OutputError(
            f"{path} is a case of {answers.get(('court',))}, but the docket is "
            f"{imported.data['court']}'s: nothing was added"
        )
    existing = answers.get(("docket",)) or []
    by_number = {row.get("number"): row for row in existing if isinstance(row, dict)}
    result = Merge()
    for row in imported.data.get("docket", []):
        if row["number"] in by_number:
            own = by_number[row["number"]]
            if own.get("date") != row["date"]:
                result.changed.append(
                    f"entry {row['number']}: the docket's date is {row['date']}, yours {own.get('date')}"
                )
            if own.get("title") != row["title"]:
                result.changed.append(
                    f"entry {row['number']}: the docket's title is “{row['title']}”, yours “{own.get('title')}”"
                )
            continue
        rows = answers.get(("docket",)) or []
        # in number order among the user's entries: before the first with a higher number
        at = next(
            (
                i
                for i, own in enumerate(rows)
                if isinstance(own, dict) and isinstance(own.get("number"), int) and own["number"] > row["number"]
            ),
            len(rows),
        )
        answers.insert(("docket", at), {k: v for k, v in row.items() if k != "role"})  # roles: the user's
        _comment(answers.document, f"docket.{at}.filed_by")
        result.added.append(row["number"])
    if result.added:
        answers.save()
    return result


_MARKED = re.compile(r"\s#\s*(" + "|".join(MARKS) + r")\s*$")
_WHAT = {
    GUESSED: "guessed from the clerk's text by the docket import",
    SUGGESTED: "a background sentence suggested from the docket",
}


def marked_values(source: Any) -> list[Problem]:
    """One warning for each kind of mark still in the answer file (``# guessed``, ``# suggested``):
    such a value is used as written, like any other, but no one has read it yet.  ``source`` is
    the file as the strict reader read it (``reader.Source``)."""
    from assembler.answers.reader import read_text, value_at

    try:
        lines = read_text(source.file).split("\n")
    except Exception:  # pragma: no cover - the reader read it a moment ago
        return []
    found: dict[str, list[tuple[str, int]]] = {}
    for path, position in source.positions.items():
        if position.file != source.file or isinstance(value_at(source.data, path), (dict, list)):
            continue
        line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
        if match := _MARKED.search(line):
            found.setdefault(match.group(1), []).append((".".join(map(str, path)), position.line))
    out = []
    for word in MARKS:
        if word in found:
            where = sorted(found[word], key=lambda pair: pair[1])
            fields = ", ".join(f"{dotted} (line {line})" for dotted, line in where[:6])
            more = f" and {len(where) - 6} more" if len(where) > 6 else ""
            out.append(
                Problem(
                    f"{len(where)} value{'s' * (len(where) != 1)} marked “# {word}” ({_WHAT[word]}) "
                    f"not yet confirmed: {fields}{more}; `assembler interview` shows them to keep or "
                    f"correct, or delete each mark once read",
                    file=source.file,
                    line=where[0][1],
                )
            )
    return out
