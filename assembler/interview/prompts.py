"""The one asking seam of the interview: a ``Prompt`` is data; an ``Asker`` puts it to the user.

``TerminalAsker`` asks with questionary; tests hand the interview an asker
that returns scripted answers, or drive ``TerminalAsker`` itself through
prompt_toolkit's pipe input.  Every prompt raises ``KeyboardInterrupt`` on
Ctrl-C (never questionary's silent ``None``) and ``EOFError`` on Ctrl-D, so
the interview can say where the answers are saved.  No key answers a list or
yes/no question but the ones it shows: Escape and the keys after it do
nothing there, and an answer that is not one of the prompt's is asked again.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Protocol, Sequence

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

    def __init__(self, input: Any = None, output: Any = None, echo: Callable[[str], None] | None = None,
                 color: bool = True) -> None:
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self._echo = echo or print
        self._color = color

    def say(self, text: str) -> None:
        self._echo(text)

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
        message = prompt.message
        if prompt.kind in ("text", "multiline"):
            multiline = prompt.kind == "multiline"
            instruction = prompt.hint
            if multiline:
                instruction = ((prompt.hint + "; ") if prompt.hint else "") + \
                    "Esc then Enter to finish"
                # prompt_toolkit draws nothing at all for a multi-line prompt whose first
                # line is wider than the terminal: say the question first, ask on a short line.
                width = shutil.get_terminal_size((80, 24)).columns
                if len(f"? {message} ({instruction}) ") >= width:
                    self._echo(f"? {message}" + (f"\n  ({prompt.hint})" if prompt.hint else ""))
                    message, instruction = "›", "Esc then Enter to finish"
            return questionary.text(
                message, default=prompt.default or "", validate=_validator(prompt.check),
                multiline=multiline, instruction=f"({instruction})" if instruction else None,
                **common)
        if prompt.kind == "autocomplete":
            return questionary.autocomplete(
                message, choices=[o.value for o in prompt.options], default=prompt.default or "",
                meta_information=prompt.meta or None, validate=_validator(prompt.check), **common)
        if prompt.kind == "confirm":
            return questionary.confirm(message, default=bool(prompt.default),
                                       instruction=prompt.hint, **common)
        if prompt.kind == "select":
            # questionary returns the title for a value of None: choose by index instead
            choices = [Choice(o.title, value=i, description=o.description)
                       for i, o in enumerate(prompt.options)]
            default = next((c for c, o in zip(choices, prompt.options) if o.value == prompt.default),
                           None)
            return questionary.select(
                message, choices=choices, default=default, use_search_filter=True,
                use_jk_keys=False, instruction=prompt.hint or "(arrows, or type to filter)", **common)
        if prompt.kind == "checkbox":
            choices = [Choice(o.title, value=i, description=o.description, checked=o.checked)
                       for i, o in enumerate(prompt.options)]
            return questionary.checkbox(
                message, choices=choices, use_jk_keys=False,
                instruction=prompt.hint or "(space to pick, Enter when done)", **common)
        raise ValueError(prompt.kind)  # pragma: no cover - Kind is closed


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
