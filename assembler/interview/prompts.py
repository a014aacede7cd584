"""The one asking seam of the interview: a ``Prompt`` is data; an ``Asker`` puts it to the user.

``TerminalAsker`` asks with questionary; tests hand the interview an asker
that returns scripted answers, or drive ``TerminalAsker`` itself through
prompt_toolkit's pipe input.  Every prompt raises ``KeyboardInterrupt`` on
Ctrl-C (never questionary's silent ``None``) and ``EOFError`` on Ctrl-D, so
the interview can say where the answers are saved.  No key answers a list or
yes/no question but the ones it shows: Escape and the keys after it do
nothing there, and an answer that is not one of the prompt's is asked again.
Questions, the lines said between them and the options of a list wrap at word
boundaries, to the terminal's width (prompt_toolkit would break a long one in
the middle of a word, or clip an option at the edge).  An autocomplete lists
the options that ``Prompt.match`` says fit what is typed so far (a court by
its name or abbreviation), not only those whose value starts with it.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Kind = Literal["text", "multiline", "confirm", "select", "checkbox", "autocomplete"]
Check = Callable[[str], "bool | str"]


@dataclass(frozen=True)
class Option:
    """One choice of a select or checkbox: what is shown, what is returned."""

    title: str
    value: Any
    description: str | None = None
    checked: bool = False


@dataclass(frozen=True)
class Prompt:
    """One question as the user sees it; ``key`` names it for tests and logs."""

    key: str
    message: str
    kind: Kind = "text"
    default: Any = None
    options: Sequence[Option] = ()
    check: Check | None = None
    hint: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    # a "more about it?" question: the fields a yes opens, with their defaults (for logs and tests)
    opens: dict[str, Any] = field(default_factory=dict)
    # autocomplete: whether what is typed so far could name an option (default: its value's start)
    match: Callable[[str, Option], bool] | None = None


class Asker(Protocol):
    def ask(self, prompt: Prompt) -> Any:
        """The user's answer: str for text kinds, bool, an option's value, or a list of them."""

    def say(self, text: str) -> None:
        """Show a line (a heading, an echo of a list, a warning)."""


def _validator(check: Check | None) -> Callable[[str], bool | str] | None:
    if check is None:
        return None

    def validate(text: str) -> bool | str:
        result = check(text)
        return True if result is True else str(result)

    return validate


class TerminalAsker:
    """Asks with questionary; ``input``/``output`` are prompt_toolkit's, for tests."""

    def __init__(
        self, input: Any = None, output: Any = None, echo: Callable[[str], None] | None = None, color: bool = True
    ) -> None:
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self._echo = echo or print
        self._color = color

    def say(self, text: str) -> None:
        width = _width()
        for line in text.split("\n"):
            # a line of a table ("  the motion      docket 50, ..."): go on under its second column
            column = re.match(r"^(\s*\S.*?\s{2,})\S", line)
            at = (
                len(column.group(1))
                if column and len(column.group(1)) < width // 2
                else len(line) - len(line.lstrip(" ")) + 2
            )
            self._echo(wrap(line, width, " " * at) if len(line) > width - 1 else line)

    def ask(self, prompt: Prompt) -> Any:
        while True:
            answer = _guarded(self._question(prompt), prompt.kind).unsafe_ask()
            if _valid(prompt, answer):
                break
        if prompt.kind == "select":
            return prompt.options[answer].value
        if prompt.kind == "checkbox":
            return [prompt.options[i].value for i in answer]
        return answer

    def _question(self, prompt: Prompt) -> Any:
        """The questionary question for ``prompt``, not yet asked."""
        import questionary
        from questionary import Choice

        style = None if self._color else questionary.Style([("", "noinherit")])
        common: dict[str, Any] = {"style": style, **self._io}
        width = _width()
        message = prompt.message
        if prompt.kind in ("text", "multiline"):
            multiline = prompt.kind == "multiline"
            instruction = prompt.hint
            if multiline:
                instruction = ((prompt.hint + "; ") if prompt.hint else "") + "Esc then Enter to finish"
                # prompt_toolkit draws nothing at all for a multi-line prompt whose first
                # line is wider than the terminal: say the question first, ask on a short line.
                if len(f"? {message} ({instruction}) ") >= width:
                    self._echo(wrap(f"? {message}", width))
                    if prompt.hint:
                        self._echo(wrap(f"  ({prompt.hint})", width, "   "))
                    message, instruction = "›", "Esc then Enter to finish"
            message, tail = _fitted(message, f"({instruction})" if instruction else None, width)
            return questionary.text(
                message,
                default=prompt.default or "",
                validate=_validator(prompt.check),
                multiline=multiline,
                instruction=tail,
                **common,
            )
        if prompt.kind == "autocomplete":
            message, _ = _fitted(message, None, width)
            return questionary.autocomplete(
                message,
                choices=[o.value for o in prompt.options],
                default=prompt.default or "",
                completer=_completer(prompt),
                validate=_validator(prompt.check),
                **common,
            )
        if prompt.kind == "confirm":
            message, tail = _fitted(message, prompt.hint or ("(Y/n)" if prompt.default else "(y/N)"), width)
            tail = f"{tail} "  # questionary's own instruction ends in a space before the answer
            return questionary.confirm(message, default=bool(prompt.default), instruction=tail, **common)
        if prompt.kind == "select":
            # questionary returns the title for a value of None: choose by index instead
            choices = [
                Choice(_wrapped_option(o.title, width, 3), value=i, description=_described(o.description, width))
                for i, o in enumerate(prompt.options)
            ]
            default = next((c for c, o in zip(choices, prompt.options) if o.value == prompt.default), None)
            message, tail = _fitted(prompt.message, prompt.hint or "(arrows, or type to filter)", width)
            return questionary.select(
                message,
                choices=choices,
                default=default,
                use_search_filter=True,
                use_jk_keys=False,
                instruction=tail,
                **common,
            )
        if prompt.kind == "checkbox":
            choices = [
                Choice(
                    _wrapped_option(o.title, width, 5),
                    value=i,
                    description=_described(o.description, width),
                    checked=o.checked,
                )
                for i, o in enumerate(prompt.options)
            ]
            message, tail = _fitted(prompt.message, prompt.hint or "(space to pick, Enter when done)", width)
            return questionary.checkbox(message, choices=choices, use_jk_keys=False, instruction=tail, **common)
        raise ValueError(prompt.kind)  # pragma: no cover - Kind is closed


def _width() -> int:
    return max(shutil.get_terminal_size((80, 24)).columns, 20)


def wrap(text: str, width: int, indent: str = "  ") -> str:
    """``text`` broken at word boundaries into lines shorter than ``width``; every line after
    the first starts with ``indent``."""
    return (
        "\n".join(
            textwrap.wrap(text, width - 1, subsequent_indent=indent, break_on_hyphens=False, drop_whitespace=True)
        )
        or text
    )


def _wrapped_option(title: str, width: int, prefix: int) -> str:
    """A list option's title broken at word boundaries to the terminal's width (prompt_toolkit
    clips a long one at the edge); ``prefix`` is the width of the pointer and box before it, and
    each further line is indented under the title."""
    if prefix + len(title) < width:
        return title
    lines = textwrap.wrap(title, width - prefix - 1, subsequent_indent="  ", break_on_hyphens=False)
    return ("\n" + " " * prefix).join(lines) if lines else title


def _described(description: str | None, width: int) -> str | None:
    """An option's description, which questionary shows below the list after "  Description: ",
    broken at word boundaries to the terminal's width."""
    if description is None:
        return None
    lines = textwrap.wrap(description, width - 16, break_on_hyphens=False)
    return ("\n" + " " * 15).join(lines) if lines else description


def _fitted(message: str, instruction: str | None, width: int) -> tuple[str, str | None]:
    """The question and its instruction, broken at word boundaries so that no line is wider
    than the terminal: questionary prints "? " before the question and the instruction after it,
    on the question's last line."""
    lines = wrap(f"? {message}", width).split("\n")
    if instruction:
        last = len(lines[-1]) + len(instruction) + 2
        if last >= width - 1:  # the instruction on a line of its own, wrapped in turn
            instruction = "\n  " + wrap(instruction, width - 2).replace("\n  ", "\n    ")
    return "\n".join(lines)[2:], instruction


def _completer(prompt: Prompt) -> Any:
    """The options whose value, name or abbreviation fits what is typed (``Prompt.match``)."""
    from prompt_toolkit.completion import Completer, Completion

    class OptionCompleter(Completer):
        def get_completions(self, document: Any, complete_event: Any) -> Any:
            typed = document.text_before_cursor
            for option in prompt.options:
                fits = (
                    prompt.match(typed, option)
                    if prompt.match is not None
                    else str(option.value).lower().startswith(typed.strip().lower())
                )
                if fits:
                    yield Completion(
                        str(option.value),
                        start_position=-len(typed),
                        display=str(option.value),
                        display_meta=option.description or "",
                    )

    return OptionCompleter()


def _guarded(question: Any, kind: Kind) -> Any:
    """``question`` with the keys that would answer it behind the user's back made inert.

    prompt_toolkit's Emacs bindings stay live under questionary's: Esc-Enter
    (and Esc-#) accepted the prompt's hidden line buffer, so a list returned
    ``""`` instead of an index and a yes/no ``""``, read as No.  In a list,
    yes/no or autocomplete, Escape and the key after it now do nothing, and in
    a list or yes/no Ctrl-D stops as on an empty text line.  In a text field
    Esc-Enter stays Enter (multi-line: finish); only Esc-# is dropped.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    guard = KeyBindings()

    def nothing(event: Any) -> None:
        """Ignore the key."""

    if kind in ("text", "multiline"):
        guard.add(Keys.Escape, "#", eager=True)(nothing)
    else:
        guard.add(Keys.Escape, Keys.Any, eager=True)(nothing)
        if kind != "autocomplete":  # a text buffer: Ctrl-D deletes, or stops on an empty line

            @guard.add(Keys.ControlD, eager=True)
            def stop(event: Any) -> None:
                event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, guard]) if app.key_bindings else guard
    return question


def _valid(prompt: Prompt, answer: Any) -> bool:
    """Whether ``answer`` is one questionary may return for ``prompt``; if not, it is asked again."""

    def index(value: Any) -> bool:
        return type(value) is int and 0 <= value < len(prompt.options)

    if prompt.kind == "select":
        return index(answer)
    if prompt.kind == "checkbox":
        return isinstance(answer, list) and all(index(i) for i in answer)
    if prompt.kind == "confirm":
        return isinstance(answer, bool)
    return isinstance(answer, str)
