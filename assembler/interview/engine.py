"""The interview engine: asks questions (data, in ``questions``), validates, saves each answer.

Every answer is checked by the code that loads answer files (the pydantic
model, the court's case-number forms, the markup parser) and written to the
answer file at once, so an interrupted interview loses nothing.  Running it
again resumes: sections before the last one answered only ask what is missing
or no longer valid; the last one continues where it stopped; later ones are
asked in full.  A question answered blank, or with a default the file leaves
out, is remembered beside the file (``record``), so a resume never asks it
again.  Questions a lawyer seldom needs wait behind one "more about it?"
(``Ask.more``); a value earlier answers settle is written, not asked
(``Ask.settled``).  ``--from`` gives defaults; ``--ask`` asks only named sections.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path
from typing import Any

from assembler.answers.editor import AnswerFile
from assembler.answers.reader import FieldPath, value_at
from assembler.interview.prompts import Asker, Kind, Option, Prompt
from assembler.interview.record import Record, dotted

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


CHOOSE_FROM = 3  # a "more" group of this many fields asks which of them, not yes or no


class Mode(enum.Enum):
    FRESH = "fresh"  # ask everything, answers so far as defaults
    CONTINUE = "continue"  # ask what has no answer yet, optional questions included
    FILL = "fill"  # ask only required questions with no answer, and invalid answers


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
    ``more`` puts the question behind one yes/no question, that text, shared by
    the questions that give the same (default no; asked without it when one of
    them has a value already).  ``settled``: the value earlier answers give it
    (the challenged order's own docket entry is dated as the order): written,
    not asked.  ``parse`` reads a typed text as the value it names (a court by
    its name); ``blank`` says what an empty answer means ("no more docket
    entries"); ``label`` names the field in a list of fields to change; ``apply``
    writes a choice that is no field of its own (how a background prints sets
    ``dated`` and ``continues``).
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
    more: Dynamic = ""
    settled: Callable[..., Any] | None = None
    parse: Callable[[Interview, str], Any] | None = None
    blank: str = ""
    label: str = ""
    match: Callable[[str, Option], bool] | None = None  # autocomplete: what typed text fits an option
    # a choice that is no field of its own: (interview, path, value) writes the fields it sets
    apply: Callable[..., None] | None = None

    @property
    def short(self) -> str:
        return self.label or self.name.replace("_", " ")


@dataclass(frozen=True)
class Loop:
    """A list of mappings asked one by one until the user says there are no more; a list
    that has items already opens on a menu: add / edit (one field) / delete / done."""

    path: FieldPath
    model: ModelRef
    noun: str
    asks: tuple[Ask, ...]
    label: Callable[[dict], str]
    minimum: int = 1
    # custom way to add an item (the grounds): (interview, loop, index, may_end) -> added?
    add: Callable[..., bool] | None = None
    plural: str = ""  # "docket entries"; default: noun + "s"
    # how a question names its item ("docket entry 12"); default: the noun and the first answer
    name: Callable[[dict, int], str] | None = None

    @property
    def nouns(self) -> str:
        return self.plural or self.noun + "s"

    def item_name(self, row: dict, index: int) -> str:
        if self.name is not None:
            return self.name(row, index)
        first = row.get(self.asks[0].name) if self.asks else None
        return f"{self.noun} {first}" if first not in (None, "") else f"{self.noun} {index + 1}"


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    run: Callable[[Interview, Mode], None]
    paths: tuple[str, ...]  # top-level keys this section answers


class Interview:
    """One interview over one answer file."""

    def __init__(
        self,
        file: AnswerFile,
        asker: Asker,
        sections: Sequence[Section],
        *,
        prefill: dict[str, Any] | None = None,
        base: dict[str, Any] | None = None,
        today: dt.date | None = None,
        record: Record | None = None,
    ) -> None:
        self.file = file
        self._pending: list[str] = []  # headings said only if something under them is asked
        asker = _Announcing(asker, self._pending)
        # questions answered without a value in the file: a resume does not ask them again
        self.record = record if record is not None else Record(file.path)
        self.loops: dict[FieldPath, Loop] = {}  # the lists seen, to name their items in questions
        self.passed: set[FieldPath] = set()  # fields of a "more" group the user did not pick
        self.wanted: set[FieldPath] = set()  # questions a choice asked for next ("the parties' telling")
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
        return self.focus is None or any(tuple(path[: len(f)]) == f for f in self.focus)

    def touches(self, path: FieldPath) -> bool:
        """Whether a focus path lies at, under or above ``path`` (a list or mapping to enter)."""
        return self.focus is None or any(
            tuple(path[: len(f)]) == f or f[: len(path)] == tuple(path) for f in self.focus
        )

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
            parent = self.file.get(path[:-1]) if path[:-1] else None
            self.file.delete(path)
            if isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent):
                self.record.shift(path[:-1], path[-1], -1)  # an item deleted: later ones move up
        else:
            self.file.set(path, value)
            self.record.discard(path)
        self.file.save()

    def insert(self, items: FieldPath, index: int, value: Any) -> None:
        """Put ``value`` into the list ``items`` before its item ``index`` (in docket order)."""
        self.file.insert(items + (index,), value)
        self.record.shift(items, index, +1)
        self.file.save()

    def answered(self, key: FieldPath | str) -> bool:
        """Whether ``key`` was answered without a value the file shows (blank, a default, no)."""
        return key in self.record

    def remember(self, key: FieldPath | str) -> None:
        self.record.add(key)

    def heading(self, text: str) -> None:
        """Say ``text`` (a section's title, "Counsel for the movant:") before the next question,
        or not at all if none comes before the next section: a file being filled in asks little."""
        self._pending.append(text)

    def register(self, loop: Loop) -> None:
        """Name the items of ``loop`` in the questions about them ("docket entry 12: title")."""
        self.loops[tuple(loop.path)] = loop

    # -- running ------------------------------------------------------------------------

    def run(self, only: Sequence[str] = (), mode: Mode | None = None) -> None:
        """Run the sections (``only`` those named, asked in full); ``mode``: every one in it."""
        total = len(self.sections)
        touched = [
            i
            for i, s in enumerate(self.sections)
            if any(self.file.get((p,)) is not None or self.record.under(p) for p in s.paths)
        ]
        resume = touched[-1] if touched and self.file.existed else -1
        given = mode
        for index, section in enumerate(self.sections):
            if only and section.name not in only:
                continue
            if given is not None and not only:
                mode = given
            elif only or resume < 0 or index > resume:
                mode = Mode.FRESH
            else:
                mode = Mode.FILL if index < resume else Mode.CONTINUE
            self._pending.clear()  # the last section's headings, with nothing asked under them
            self.heading(f"\n[{index + 1}/{total} {section.title}]")
            section.run(self, mode)
        self._pending.clear()

    # -- one mapping -------------------------------------------------------------------

    def ask_all(
        self,
        path: FieldPath,
        model: ModelRef,
        asks: Sequence[Ask],
        mode: Mode,
        *,
        decided: dict[str, str] | None = None,
    ) -> None:
        """Ask ``asks`` about the mapping at ``path``; ``decided``: what was answered already to
        the "more" questions of groups shared with other mappings."""
        # Questions are asked in order: an optional one before the last answer was seen and skipped.
        answered = [
            i
            for i, ask in enumerate(asks)
            if self.file.get(path + (ask.name,)) is not None or self.answered(path + (ask.name,))
        ]
        opened: dict[str, str] = dict(decided or {})
        item = self.file.get(path) or {}
        groups = [_resolve(ask.more, self, item, path) for ask in asks]
        for index, ask in enumerate(asks):
            seen = mode is Mode.CONTINUE and answered and index < answered[-1]
            here_mode = Mode.FILL if seen else mode
            if more := groups[index]:
                if more not in opened:
                    group = [a for a, g in zip(asks, groups) if g == more]
                    opened[more] = self.open_more(path, model, group, here_mode, more)
                if opened[more] == "no":
                    continue
                if opened[more] == "yes":
                    if path + (ask.name,) in self.passed:
                        continue  # not picked: answered, as the default
                    here_mode = Mode.FRESH  # the user asked for them: every one is put
            self.ask_one(path, model, ask, here_mode)

    def open_more(self, path: FieldPath, model: ModelRef, group: Sequence[Ask], mode: Mode, more: str) -> str:
        return self.open_more_parts(((path, model, group),), mode, more)

    def open_more_parts(self, parts: Sequence[tuple[FieldPath, ModelRef, Sequence[Ask]]], mode: Mode, more: str) -> str:
        """Whether the questions of one ``more`` group (over one mapping or several) are asked:
        "values" (one has an answer, or a pass asks for them), "yes" (the user said so) or "no"
        (each then remembered as answered, or given the default the model needs)."""
        live = []
        for path, model, group in parts:
            item = self.file.get(path) or {}
            live += [
                (path, model, a, item)
                for a in group
                if self.focused(path + (a.name,)) and (a.when is None or a.when(self, item, path))
            ]
        if not live:
            return "no"
        heres = [path + (a.name,) for path, _, a, _ in live]
        if any(
            self.value(h) is not None or value_at(self.prefill, h) is not None or self.file.problem(h) is not None
            for h in heres
        ):
            return "values"
        if self.focus is not None:
            if any(tuple(f[: len(h)]) == h for f in self.focus for h in heres):
                return "values"  # what drafting needs, asked by name
            mode = Mode.FRESH  # a pass over all of it (the orders): asked as in a new interview
        if mode is Mode.FILL:
            required = [
                a
                for path, model, a, item in live
                if not _resolve(a.optional, self, item, path) and _required(model, a.name) and a.default is None
            ]
            return "values" if required else "no"
        first_path, _, first, first_item = live[0]
        key = f"more:{dotted(first_path)}:{first.name}"
        if mode is not Mode.FRESH and self.answered(key):
            return "values"  # said yes before: what is not answered yet is asked
        if mode is Mode.CONTINUE and all(self.answered(h) for h in heres):
            return "no"
        about = self.item_label(first_path, first_item) if len(parts) == 1 else ""
        opens = {dotted(h): _resolve(a.default, self, item, path) for h, (path, _, a, item) in zip(heres, live)}
        chosen: set[FieldPath] = set()
        if len(live) >= CHOOSE_FROM:
            # several fields: the ones wanted, picked at once (a yes no longer asks every one)
            short = re.sub(r"\s*\(.*\)\s*\??$|\?$", "", more)  # the options name the fields
            message = f"{about}: {short}: which of these?" if about else f"{short}: which of these?"
            picked = self.asker.ask(
                Prompt(
                    key,
                    message,
                    "checkbox",
                    options=[Option(a.short, dotted(h)) for h, (_, _, a, _) in zip(heres, live)],
                    hint="space to pick, Enter when done; none: Enter",
                    opens=opens,
                )
            )
            chosen = {h for h in heres if dotted(h) in picked}
            said = bool(chosen)
            self.passed -= chosen
        else:
            if not more.endswith("?"):
                more = f"{more} ({', '.join(a.short for _, _, a, _ in live)})?"
            message = f"{about}: {more}" if about else more
            said = bool(self.asker.ask(Prompt(key, message, "confirm", default=False, opens=opens)))
            chosen = set(heres) if said else set()
        if said:
            self.remember(key)
        else:
            self.record.discard(key)
        for here, (path, model, ask, item) in zip(heres, live):  # not chosen: answered, as the default
            if here in chosen:
                continue
            self.passed.add(here)
            default = _resolve(ask.default, self, item, path)
            if default is not None and _required(model, ask.name) and not ask.implicit:
                self.put(here, default)  # a value the model needs, which earlier answers give
            else:
                self.remember(here)
        return "yes" if said else "no"

    def item_label(self, path: FieldPath, item: Item) -> str:
        """The name of the list item at ``path`` ("docket entry 12"), or "" if it is none."""
        owner = self.loops.get(tuple(path[:-1])) if path and isinstance(path[-1], int) else None
        return owner.item_name(item, path[-1]) if owner is not None else ""

    def ask_one(
        self, path: FieldPath, model: ModelRef, ask: Ask, mode: Mode, *, explicit: bool = False, remember: bool = True
    ) -> Any:
        """Ask ``ask`` about the mapping at ``path`` as ``mode`` says; ``explicit``: the user
        picked this field to change (asked even if settled); ``remember``: a blank answer is
        remembered as an answer (not when blank means "no more items")."""
        item = self.file.get(path) or {}
        here = path + (ask.name,)
        if not self.focused(here):
            return self.value(here)
        if ask.when is not None and not ask.when(self, item, path):
            if self.file.get(here) is not None:
                self.put(here, None)  # no longer applies (a non-party has no side)
            return None
        optional = bool(_resolve(ask.optional, self, item, path))
        message = _resolve(ask.message, self, item, path)
        owner = self.loops.get(tuple(path[:-1])) if path and isinstance(path[-1], int) else None
        if owner is not None and (not owner.asks or ask.name != owner.asks[0].name or item.get(ask.name) is not None):
            message = f"{owner.item_name(item, path[-1])}: {message}"  # a resumed question says whose
        ask = replace(ask, optional=optional, message=message)
        current = self.value(here)
        unreadable = self.file.problem(here) if current is None else None
        if current is None and unreadable is None and ask.settled is not None and not explicit:
            settled = ask.settled(self, item, path)
            if settled is not None:  # earlier answers give it: written, not asked
                self.put(here, settled)
                return settled
        reason = None
        if current is not None:
            reason = self.field_problem(model, ask, current, item, path)
            if reason is None and mode is not Mode.FRESH:
                return current
        elif unreadable is not None:  # check refuses what is written there: ask, whatever the mode
            reason = unreadable.message
        elif mode is not Mode.FRESH and self.focus is None and self.answered(here):
            return None  # answered before, blank or with the default the file leaves out
        elif (
            mode is Mode.FILL
            and self.focus is None
            and (ask.optional or ask.apply is not None or not _required(model, ask.name))
        ):
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
                if remember:
                    self.remember(here)
                return None
            problem = (
                self.field_problem(model, ask, value, item, path) if value is not None else "required, but not given"
            )
            if problem is not None:  # a scripted asker may skip the prompt's own check
                self.asker.say(f"  {problem}")
                continue
            doubt = ask.warn(self, item, path, value) if ask.warn else None
            if doubt is not None and not self.asker.ask(
                Prompt(
                    key=f"keep:{'.'.join(map(str, here))}",
                    message=f"{doubt}. Keep it anyway?",
                    kind="confirm",
                    default=False,
                )
            ):
                default = value
                continue
            if ask.parse is not None and isinstance(raw, str) and raw.strip() != str(value):
                named = next(
                    (
                        o.description
                        for o in _resolve(ask.options, self, item, path) or ()
                        if o.value == value and o.description
                    ),
                    None,
                )
                self.asker.say(f"  {value}" + (f": {named}" if named else ""))  # what the text named
            if ask.apply is not None:
                ask.apply(self, path, value)
                self.remember(here)  # answered: nothing of its own in the file says so
                return value
            if ask.implicit and value == _resolve(ask.default, self, item, path) and self.file.get(here) is None:
                self.remember(here)  # the model's default: left out of the file, remembered
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
                options.append(Option(f"(none: {ask.blank})" if ask.blank else "(none)", None))
            return Prompt(key, ask.message, "select", default=default, options=options, hint=hint)
        if ask.kind == "autocomplete":
            options = list(_resolve(ask.options, self, item, path))
            return Prompt(
                key,
                ask.message,
                "autocomplete",
                default=_text(default),
                options=options,
                meta={o.value: o.description or "" for o in options},
                hint=hint,
                match=ask.match,
                check=lambda text: self._check_text(model, ask, text, item, path),
            )
        if ask.kind == "checkbox":
            options = list(_resolve(ask.options, self, item, path))
            chosen = default or []
            return Prompt(
                key,
                ask.message,
                "checkbox",
                hint=hint,
                options=[Option(o.title, o.value, o.description, checked=o.value in chosen) for o in options],
            )
        kind: Kind = "multiline" if ask.kind in ("prose", "lines", "numbers") else "text"
        if ask.optional and ask.blank:  # Enter adds a line to a multi-line answer
            skip = ("Enter: " if kind == "text" else "leave empty: ") + ask.blank
            hint = f"{hint}; {skip}" if hint else skip
        elif ask.optional:
            hint = (
                f"{hint}; optional"
                if hint
                else "optional: " + ("Enter to skip" if kind == "text" else "leave empty to skip")
            )
        return Prompt(
            key,
            ask.message,
            kind,
            default=_text(default),
            hint=hint,
            check=lambda text: self._check_text(model, ask, text, item, path),
        )

    def _check_text(self, model: ModelRef, ask: Ask, text: str, item: Item, path: FieldPath) -> bool | str:
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
        if ask.parse is not None:
            return ask.parse(self, text)
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

    def field_problem(self, model: ModelRef, ask: Ask, value: Any, item: Item, path: FieldPath) -> str | None:
        """Why ``value`` cannot answer ``ask``, in the words ``check`` uses; None if it can."""
        from pydantic import ValidationError

        from assembler.answers.matter import error_message  # the loader's messages
        from assembler.answers.reader import control_character

        model = _model(model)  # named, so that the first question need not wait for pydantic
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and (described := control_character(text)):
                return (
                    f"holds the control character {described}, which would change the paper "
                    "(a page break, a lost word); delete it"
                )
        if ask.name in model.model_fields:
            try:
                model.model_validate(
                    {**{k: v for k, v in item.items() if k in model.model_fields}, ask.name: _plain(value)}
                )
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
        self.register(loop)
        end = f"end:{dotted(loop.path)}"  # remembered when the user said there are no more
        if self.focus is not None and tuple(loop.path) in self.focus:
            mode = Mode.FRESH  # the list itself is what is needed: its menu, to add to it
        items = self.file.get(loop.path)
        new_list = not items
        if not items and mode is Mode.FRESH and (copied := value_at(self.prefill, loop.path)):
            self.put(loop.path, [dict(item) for item in copied])
            items = self.file.get(loop.path)
            new_list = False
        last = len(items or []) - 1
        for index in range(last + 1):  # only the item being answered when it stopped continues
            self.ask_all(
                loop.path + (index,),
                loop.model,
                loop.asks,
                Mode.CONTINUE if mode is Mode.CONTINUE and index == last else Mode.FILL,
            )
        count = len(self.file.get(loop.path) or [])
        if mode is Mode.FILL and count >= loop.minimum:
            return
        if mode is Mode.FRESH and not new_list:
            self.menu(loop)  # a list the user comes back to: change it
            return
        if mode is Mode.CONTINUE and self.answered(end) and count >= loop.minimum:
            return
        # a new list, or one left unfinished: item after item, until the user says no more
        self.record.discard(end)
        while self.add_item(loop, may_end=len(self.file.get(loop.path) or []) >= loop.minimum):
            pass
        self.remember(end)
        self.echo(loop, list(self.file.get(loop.path) or []))

    def menu(self, loop: Loop) -> None:
        """Add, edit (one field of one item), delete, until done."""
        while True:
            rows = list(self.file.get(loop.path) or [])
            self.echo(loop, rows)
            options = [Option(f"add another {loop.noun}", "add")]
            if rows:
                options += [Option(f"edit {_a(loop.noun)}", "edit"), Option(f"delete {_a(loop.noun)}", "delete")]
            if len(rows) >= loop.minimum:
                options.append(Option("done", "done"))
            choice = self.asker.ask(
                Prompt(
                    f"menu:{'.'.join(map(str, loop.path))}",
                    f"{loop.nouns.capitalize()}: what next?",
                    "select",
                    default="done" if len(rows) >= loop.minimum else "add",
                    options=options,
                )
            )
            if choice == "done":
                return
            if choice == "add":
                self.add_item(loop)
            elif choice in ("edit", "delete"):
                index = self.asker.ask(
                    Prompt(
                        f"{choice}:{'.'.join(map(str, loop.path))}",
                        f"Which {loop.noun}?",
                        "select",
                        options=[Option(loop.label(row), i) for i, row in enumerate(rows)],
                    )
                )
                if choice == "edit":
                    self.edit_item(loop, index)
                elif self.asker.ask(
                    Prompt(
                        f"confirm-delete:{'.'.join(map(str, loop.path))}",
                        f"Delete {loop.label(rows[index])}?",
                        "confirm",
                        default=False,
                    )
                ):
                    self.put(loop.path + (index,), None)
                    if not self.file.get(loop.path):
                        self.put(loop.path, None)

    def edit_item(self, loop: Loop, index: int) -> None:
        """Ask which field of the item to change, then only that field."""
        path = loop.path + (index,)
        row = self.file.get(path) or {}
        fields = [a for a in loop.asks if a.when is None or a.when(self, row, path)]
        options = [
            Option(
                f"{a.short}: {_shown(row.get(a.name) if a.apply is None else _resolve(a.default, self, row, path))}",
                a.name,
            )
            for a in fields
        ]
        name = self.asker.ask(
            Prompt(
                f"field:{'.'.join(map(str, loop.path))}",
                f"{loop.item_name(row, index)}: which field?",
                "select",
                options=options,
            )
        )
        ask = next(a for a in fields if a.name == name)
        self.ask_one(path, loop.model, ask, Mode.FRESH, explicit=True)

    def add_item(self, loop: Loop, start: dict | None = None, *, may_end: bool = False) -> bool:
        """Ask one new item; ``may_end``: its first question may be left empty, meaning there are
        no more (then nothing is added). Returns whether an item was added."""
        index = len(self.file.get(loop.path) or [])
        path = loop.path + (index,)
        if loop.add is not None:
            return bool(loop.add(self, loop, index, may_end))
        if start:
            self.put(path, start)
            self.ask_all(path, loop.model, loop.asks, Mode.CONTINUE)
            return True
        asks = loop.asks
        if may_end:
            first = asks[0]
            blank = f"no more {loop.nouns}" if index else f"no {loop.nouns}"
            if (
                self.ask_one(path, loop.model, replace(first, optional=True, blank=blank), Mode.FRESH, remember=False)
                is None
            ):
                return False
            asks = asks[1:]
        self.ask_all(path, loop.model, asks, Mode.FRESH)
        return True

    def echo(self, loop: Loop, rows: list[dict]) -> None:
        if not rows:
            return
        self.asker.say(f"  {loop.nouns.capitalize()} so far ({len(rows)}):")
        for i, row in enumerate(rows, 1):
            self.asker.say(f"  {i:>3}. {loop.label(row)}")


class _Announcing:
    """The asker, saying the headings waiting (``Interview.heading``) before what comes next."""

    def __init__(self, asker: Asker, pending: list[str]) -> None:
        self.inner = asker
        self.pending = pending

    def _flush(self) -> None:
        while self.pending:
            self.inner.say(self.pending.pop(0))

    def ask(self, prompt: Prompt) -> Any:
        self._flush()
        return self.inner.ask(prompt)

    def say(self, text: str) -> None:
        self._flush()
        self.inner.say(text)


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


def _shown(value: Any) -> str:
    """A field's value in a list of fields: its first line, shortened."""
    if value is None or value == [] or value == "":
        return "-"
    text = _text(value).splitlines()[0] if _text(value) else "-"
    return text if len(text) <= 50 else text[:49] + "…"


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
