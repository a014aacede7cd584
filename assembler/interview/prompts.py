"""The one asking seam of the interview: a ``Prompt`` is data; an ``Asker`` puts it to the user.

``TerminalAsker`` asks with questionary; tests hand the interview an asker
that returns scripted answers, or drive ``TerminalAsker`` itself through
prompt_toolkit's pipe input.  Every prompt raises ``KeyboardInterrupt`` on
Ctrl-C (never questionary's silent ``None``), so the interview can say where
the answers are saved.
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
            question = questionary.text(
                message, default=prompt.default or "", validate=_validator(prompt.check),
                multiline=multiline, instruction=f"({instruction})" if instruction else None,
                **common)
        elif prompt.kind == "autocomplete":
            question = questionary.autocomplete(
                message, choices=[o.value for o in prompt.options], default=prompt.default or "",
                meta_information=prompt.meta or None, validate=_validator(prompt.check), **common)
        elif prompt.kind == "confirm":
            question = questionary.confirm(message, default=bool(prompt.default),
                                           instruction=prompt.hint, **common)
        elif prompt.kind == "select":
            # questionary returns the title for a value of None: choose by index instead
            choices = [Choice(o.title, value=i, description=o.description)
                       for i, o in enumerate(prompt.options)]
            default = next((c for c, o in zip(choices, prompt.options) if o.value == prompt.default),
                           None)
            question = questionary.select(
                message, choices=choices, default=default, use_search_filter=True,
                use_jk_keys=False, instruction=prompt.hint or "(arrows, or type to filter)", **common)
        elif prompt.kind == "checkbox":
            choices = [Choice(o.title, value=i, description=o.description, checked=o.checked)
                       for i, o in enumerate(prompt.options)]
            question = questionary.checkbox(
                message, choices=choices, use_jk_keys=False,
                instruction=prompt.hint or "(space to pick, Enter when done)", **common)
        else:  # pragma: no cover - Kind is closed
            raise ValueError(prompt.kind)
        answer = question.unsafe_ask()
        if prompt.kind == "select":
            return prompt.options[answer].value
        if prompt.kind == "checkbox":
            return [prompt.options[i].value for i in answer]
        return answer
