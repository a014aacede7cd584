"""The interview engine: asks questions (data, in ``questions``), validates, saves each answer.

Every answer is checked by the code that loads answer files (the pydantic
model, the court's case-number forms, the markup parser) and written to the
answer file at once, so an interrupted interview loses nothing.  Running it
again resumes: sections before the last one answered only ask what is missing
or no longer valid; the last one continues where it stopped; later ones are
asked in full.  ``--from`` gives defaults; ``--ask`` asks only named sections.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from importlib import import_module
from typing import Any, Callable, Sequence

from assembler.answers.editor import AnswerFile
from assembler.interview.prompts import Asker, Kind, Option, Prompt
from assembler.answers.reader import FieldPath, value_at


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Mode(enum.Enum):
    FRESH = "fresh"        # ask everything, answers so far as defaults
    CONTINUE = "continue"  # ask what has no answer yet, optional questions included
    FILL = "fill"          # ask only required questions with no answer, and invalid answers


ModelRef = Any  # a model class of ``assembler.model``, or its name
Item = dict  # the answers of the mapping being asked (a section part, or a list item)
Dynamic = Any  # a value, or a function of (interview, item, path)


@dataclass(frozen=True)
class Ask:
    """One question: the field it answers and how to ask it.

    ``kind`` is how the text is read: ``text``, ``markup`` (one line of the
    answers' markup), ``prose`` (several lines of markup), ``date``,
    ``number``, ``lines`` (one list item per line), ``confirm``, ``select``.
    ``default``, ``options``, ``when`` and ``hint`` may be functions of
    ``(interview, item, path)``.  ``check`` adds a rule the model cannot know
    (a docket number used twice); ``warn`` a doubt the user may overrule.
    """

    name: str
    message: Dynamic
    kind: str = "text"
    optional: Dynamic = False
    default: Dynamic = None
    options: Dynamic = ()
    when: Callable[..., bool] | None = None
    hint: Dynamic = None
    check: Callable[..., str | None] | None = None
    warn: Callable[..., str | None] | None = None
    # The default is what the model does when the key is absent (the vehicle, the
    # outcome): choosing it leaves the key out, so the file says only what was changed.
    implicit: bool = False


@dataclass(frozen=True)
class Loop:
    """A list of mappings asked one by one, with add / edit / delete / done after each."""

    path: FieldPath
    model: ModelRef
    noun: str
    asks: tuple[Ask, ...]
    label: Callable[[dict], str]
    minimum: int = 1
    add: Callable[..., bool] | None = None  # custom way to add an item (the grounds)
    plural: str = ""  # "docket entries"; default: noun + "s"

    @property
    def nouns(self) -> str:
        return self.plural or self.noun + "s"


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    run: Callable[[Interview, Mode], None]
    paths: tuple[str, ...]  # top-level keys this section answers


class Interview:
    """One interview over one answer file."""

    def __init__(self, file: AnswerFile, asker: Asker, sections: Sequence[Section], *,
                 prefill: dict[str, Any] | None = None, base: dict[str, Any] | None = None,
                 today: dt.date | None = None) -> None:
        self.file = file
        self.asker = asker
        self.sections = list(sections)
        self.prefill = prefill or {}
        self.base = base or {}
        self.today = today or dt.date.today()
        # called with each markup answer: offers to add docket entries it cites (see questions)
        self.on_citations: Callable[[Interview, str], None] | None = None
        # a targeted pass (what drafting still needs): only paths under these are asked
        self.focus: tuple[FieldPath, ...] | None = None

    def focused(self, path: FieldPath) -> bool:
        """Whether ``path`` may be asked: always, or under one of the focus paths."""
        return self.focus is None or any(tuple(path[:len(f)]) == f for f in self.focus)

    def touches(self, path: FieldPath) -> bool:
        """Whether a focus path lies at, under or above ``path`` (a list or mapping to enter)."""
        return self.focus is None or any(tuple(path[:len(f)]) == f or f[:len(path)] == tuple(path)
                                         for f in self.focus)

    def ask_only(self, paths: Sequence[FieldPath], sections: Sequence[str]) -> None:
        """Run ``sections`` asking only ``paths`` (and what lies under them), empty or not."""
        self.focus = tuple(tuple(p) for p in paths)
        try:
            for section in self.sections:
                if section.name in sections:
                    section.run(self, Mode.FILL)
        finally:
            self.focus = None

    # -- reading and writing answers ---------------------------------------------------

    def value(self, path: FieldPath) -> Any:
        """The answer at ``path``: this file's, else its base's (``extends:``)."""
        found = self.file.get(path)
        return found if found is not None else value_at(self.base, path)

    def put(self, path: FieldPath, value: Any) -> None:
        if value is None:
            self.file.delete(path)
        else:
            self.file.set(path, value)
        self.file.save()

    # -- running ------------------------------------------------------------------------

    def run(self, only: Sequence[str] = ()) -> None:
        total = len(self.sections)
        touched = [i for i, s in enumerate(self.sections) if any(self.file.get((p,)) is not None
                                                                 for p in s.paths)]
        resume = touched[-1] if touched and self.file.existed else -1
        for index, section in enumerate(self.sections):
            if only and section.name not in only:
                continue
            if only or resume < 0 or index > resume:
                mode = Mode.FRESH
            else:
                mode = Mode.FILL if index < resume else Mode.CONTINUE
            self.asker.say(f"\n[{index + 1}/{total} {section.title}]")
            section.run(self, mode)

    # -- one mapping -------------------------------------------------------------------

    def ask_all(self, path: FieldPath, model: ModelRef, asks: Sequence[Ask], mode: Mode) -> None:
        # Questions are asked in order: an optional one before the last answer was seen and skipped.
        answered = [i for i, ask in enumerate(asks) if self.file.get(path + (ask.name,)) is not None]
        for index, ask in enumerate(asks):
            seen = mode is Mode.CONTINUE and answered and index < answered[-1]
            self.ask_one(path, model, ask, Mode.FILL if seen else mode)

    def ask_one(self, path: FieldPath, model: ModelRef, ask: Ask, mode: Mode) -> Any:
        item = self.file.get(path) or {}
        here = path + (ask.name,)
        if not self.focused(here):
            return self.value(here)
        if ask.when is not None and not ask.when(self, item, path):
            if self.file.get(here) is not None:
                self.put(here, None)  # no longer applies (a non-party has no side)
            return None
        optional = bool(_resolve(ask.optional, self, item, path))
        ask = Ask(**{**ask.__dict__, "optional": optional,
                     "message": _resolve(ask.message, self, item, path)})
        current = self.value(here)
        unreadable = self.file.problem(here) if current is None else None
        reason = None
        if current is not None:
            reason = self.field_problem(model, ask, current, item, path)
            if reason is None and mode is not Mode.FRESH:
                return current
        elif unreadable is not None:  # check refuses what is written there: ask, whatever the mode
            reason = unreadable.message
        elif mode is Mode.FILL and self.focus is None and (ask.optional or not _required(model, ask.name)):
            return None  # filling in: a question with a default in the model needs no answer
        if reason is not None:
            self.asker.say(f"  {'.'.join(map(str, here))}: {reason}; please answer again")
        default = current if current is not None else value_at(self.prefill, here)
        if default is None:
            default = _resolve(ask.default, self, item, path)
        while True:
            raw = self.asker.ask(self.prompt(model, ask, item, path, default))
            value = self.convert(ask, raw)
            if value is None and ask.optional:
                self.put(here, None)
                return None
            problem = (self.field_problem(model, ask, value, item, path) if value is not None
                       else "required, but not given")
            if problem is not None:  # a scripted asker may skip the prompt's own check
                self.asker.say(f"  {problem}")
                continue
            doubt = ask.warn(self, item, path, value) if ask.warn else None
            if doubt is not None and not self.asker.ask(Prompt(
                    key=f"keep:{'.'.join(map(str, here))}", message=f"{doubt}. Keep it anyway?",
                    kind="confirm", default=False)):
                default = value
                continue
            if ask.implicit and value == _resolve(ask.default, self, item, path) \
                    and self.file.get(here) is None:
                return value
            if _plain(self.file.get(here)) != value:  # an unchanged answer keeps its formatting
                self.put(here, value)
            if ask.kind in ("markup", "prose") and self.on_citations is not None:
                self.on_citations(self, value)
            return value

    def prompt(self, model: ModelRef, ask: Ask, item: Item, path: FieldPath, default: Any) -> Prompt:
        key = ".".join(map(str, path + (ask.name,)))
        hint = _resolve(ask.hint, self, item, path)
        if ask.kind == "confirm":
            return Prompt(key, ask.message, "confirm", default=bool(default), hint=hint)
        if ask.kind == "select":
            options = list(_resolve(ask.options, self, item, path))
            if ask.optional:
                options.append(Option("(none)", None))
            return Prompt(key, ask.message, "select", default=default, options=options, hint=hint)
        if ask.kind == "autocomplete":
            options = list(_resolve(ask.options, self, item, path))
            return Prompt(key, ask.message, "autocomplete", default=_text(default), options=options,
                          meta={o.value: o.description or "" for o in options}, hint=hint,
                          check=lambda text: self._check_text(model, ask, text, item, path))
        if ask.kind == "checkbox":
            options = list(_resolve(ask.options, self, item, path))
            chosen = default or []
            return Prompt(key, ask.message, "checkbox", hint=hint, options=[
                Option(o.title, o.value, o.description, checked=o.value in chosen) for o in options])
        kind: Kind = "multiline" if ask.kind in ("prose", "lines", "numbers") else "text"
        if ask.optional:  # Enter adds a line to a multi-line answer
            hint = f"{hint}; optional" if hint else \
                "optional: " + ("Enter to skip" if kind == "text" else "leave empty to skip")
        return Prompt(key, ask.message, kind, default=_text(default), hint=hint,
                      check=lambda text: self._check_text(model, ask, text, item, path))

    def _check_text(self, model: ModelRef, ask: Ask, text: str, item: Item,
                    path: FieldPath) -> bool | str:
        try:
            value = self.convert(ask, text)
        except ValueError as exc:
            return str(exc)
        if value is None:
            return True if ask.optional else "required, but not given"
        return self.field_problem(model, ask, value, item, path) or True

    def convert(self, ask: Ask, raw: Any) -> Any:
        """The typed answer from what the prompt returned; raises ValueError with the reason."""
        if not isinstance(raw, str):
            return raw
        text = raw.strip() if ask.kind not in ("prose",) else raw.strip("\n").rstrip()
        if not text.strip():
            return None
        if ask.kind == "date":
            try:
                if not _ISO_DATE.fullmatch(text):
                    raise ValueError(text)
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError("not a date: write it as YYYY-MM-DD") from None
        if ask.kind == "number":
            if not text.isascii() or not text.isdigit() or (text.startswith("0") and text != "0"):
                raise ValueError("must be a whole number in plain digits, such as 13")
            return int(text)
        if ask.kind == "lines":
            return [line.strip() for line in text.splitlines() if line.strip()]
        if ask.kind == "numbers":
            items = [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]
            if not all(item.isdigit() for item in items):
                raise ValueError("must be whole numbers, one per line")
            return [int(item) for item in items]
        if ask.kind == "prose" and "\n" in text:
            return text + "\n"
        return text

    def field_problem(self, model: ModelRef, ask: Ask, value: Any, item: Item,
                      path: FieldPath) -> str | None:
        """Why ``value`` cannot answer ``ask``, in the words ``check`` uses; None if it can."""
        from pydantic import ValidationError

        from assembler.answers.matter import error_message  # the loader's messages

        from assembler.answers.reader import control_character

        model = _model(model)  # named, so that the first question need not wait for pydantic
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str) and (described := control_character(text)):
                return (f"holds the control character {described}, which would change the paper "
                        "(a page break, a lost word); delete it")
        if ask.name in model.model_fields:
            try:
                model.model_validate({**{k: v for k, v in item.items() if k in model.model_fields},
                                      ask.name: _plain(value)})
            except ValidationError as exc:
                for error in exc.errors():
                    if error["loc"] and error["loc"][0] == ask.name:
                        return error_message(error, path + tuple(error["loc"]))
        if ask.kind in ("markup", "prose") and isinstance(value, str):
            from assembler.answers import markup
            try:
                markup.parse(value)
            except markup.MarkupError as exc:
                return str(exc)
        if ask.check is not None:
            return ask.check(self, item, path, value)
        return None

    # -- lists --------------------------------------------------------------------------

    def loop(self, loop: Loop, mode: Mode) -> None:
        if not self.touches(loop.path):
            return
        if self.focus is not None and tuple(loop.path) in self.focus:
            mode = Mode.FRESH  # the list itself is what is needed: its menu, to add to it
        items = self.file.get(loop.path)
        if not items and mode is Mode.FRESH and (copied := value_at(self.prefill, loop.path)):
            self.put(loop.path, [dict(item) for item in copied])
            items = self.file.get(loop.path)
        last = len(items or []) - 1
        for index in range(last + 1):  # only the item being answered when it stopped continues
            self.ask_all(loop.path + (index,), loop.model, loop.asks,
                         Mode.CONTINUE if mode is Mode.CONTINUE and index == last else Mode.FILL)
        count = len(self.file.get(loop.path) or [])
        if mode is Mode.FILL and count >= loop.minimum:
            return
        if count == 0 and loop.minimum > 0:
            self.add_item(loop)
        while True:
            rows = list(self.file.get(loop.path) or [])
            self.echo(loop, rows)
            options = [Option(f"add another {loop.noun}", "add")]
            if rows:
                options += [Option(f"edit {_a(loop.noun)}", "edit"),
                            Option(f"delete {_a(loop.noun)}", "delete")]
            if len(rows) >= loop.minimum:
                options.append(Option("done", "done"))
            choice = self.asker.ask(Prompt(f"menu:{'.'.join(map(str, loop.path))}",
                                           f"{loop.nouns.capitalize()}: what next?", "select",
                                           default="done" if len(rows) >= loop.minimum else "add",
                                           options=options))
            if choice == "done":
                return
            if choice == "add":
                self.add_item(loop)
            elif choice in ("edit", "delete"):
                index = self.asker.ask(Prompt(
                    f"{choice}:{'.'.join(map(str, loop.path))}", f"Which {loop.noun}?", "select",
                    options=[Option(loop.label(row), i) for i, row in enumerate(rows)]))
                if choice == "edit":
                    self.ask_all(loop.path + (index,), loop.model, loop.asks, Mode.FRESH)
                elif self.asker.ask(Prompt(f"confirm-delete:{'.'.join(map(str, loop.path))}",
                                           f"Delete {loop.label(rows[index])}?", "confirm", default=False)):
                    self.put(loop.path + (index,), None)
                    if not self.file.get(loop.path):
                        self.put(loop.path, None)

    def add_item(self, loop: Loop, start: dict | None = None) -> int:
        index = len(self.file.get(loop.path) or [])
        if loop.add is not None:
            loop.add(self, loop, index)
            return index
        if start:
            self.put(loop.path + (index,), start)
        self.ask_all(loop.path + (index,), loop.model, loop.asks, Mode.CONTINUE if start else Mode.FRESH)
        return index

    def echo(self, loop: Loop, rows: list[dict]) -> None:
        self.asker.say(f"  {loop.nouns.capitalize()} so far ({len(rows)}):")
        for i, row in enumerate(rows, 1):
            self.asker.say(f"  {i:>3}. {loop.label(row)}")


def _a(noun: str) -> str:
    """``noun`` after its indefinite article: "an attorney", "a docket entry"."""
    return ("an " if noun[:1].lower() in ("a", "e", "i", "o", "u") else "a ") + noun


def _model(model: ModelRef) -> Any:
    return getattr(import_module("assembler.answers.model"), model) if isinstance(model, str) else model


def _required(model: ModelRef, name: str) -> bool:
    field_info = _model(model).model_fields.get(name)
    return field_info is None or field_info.is_required()


def _resolve(value: Dynamic, interview: Interview, item: Item, path: FieldPath) -> Any:
    return value(interview, item, path) if callable(value) else value


def _plain(value: Any) -> Any:
    """ruamel's string and list subclasses as plain Python, for strict validation."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).rstrip("\n")


@dataclass
class Outcome:
    """What the interview ended with: the file, and the drafts written (if any)."""

    file: Path
    drafts: list[Path] = field(default_factory=list)
