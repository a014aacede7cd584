"""Each prompt kind, driven through prompt_toolkit's pipe input: return values, not screen bytes."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from assembler.interview.prompts import Option, Prompt, TerminalAsker

DOWN, ENTER, ALT_ENTER = "\x1b[B", "\r", "\x1b\r"
ROLES = [Option("motion", "motion"), Option("reply", "reply"), Option("(none)", None)]


def answer(prompt: Prompt, keys: str):
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        return TerminalAsker(input=pipe, output=DummyOutput()).ask(prompt)


@pytest.mark.parametrize("keys, expected", [
    (" (ret.)" + ENTER, "United States District Judge (ret.)"),
    (ENTER, "United States District Judge"),
    ("\x15Magistrate Judge" + ENTER, "Magistrate Judge"),
])
def test_text_returns_what_was_typed_or_the_default(keys, expected):
    prompt = Prompt("case.judge_title", "Title", default="United States District Judge")
    assert answer(prompt, keys) == expected


def test_text_refused_by_its_check_is_asked_again():
    prompt = Prompt("order.docket", "Docket", check=lambda t: True if t.isdigit() else "a number")
    assert answer(prompt, "0x1F" + ENTER + "\x15" + "13" + ENTER) == "13"


def test_multiline_keeps_lines_and_finishes_with_escape_enter():
    prompt = Prompt("docket.0.background", "Background", "multiline")
    assert answer(prompt, "first line\rsecond line" + ALT_ENTER) == "first line\nsecond line"


@pytest.mark.parametrize("keys, expected", [
    (ENTER, None), (DOWN + ENTER, "motion"), (DOWN + DOWN + ENTER, "reply"), ("none" + ENTER, None),
    ("rep" + ENTER, "reply")])
def test_select_returns_the_option_value_even_none(keys, expected):
    # no answer yet: the pointer starts on "(none)", the answer a skipped question keeps
    assert answer(Prompt("docket.0.role", "Role", "select", options=ROLES), keys) == expected


def test_select_starts_on_its_default():
    assert answer(Prompt("r", "Role", "select", options=ROLES, default="reply"), ENTER) == "reply"


def test_checkbox_returns_the_values_picked_in_order():
    options = [Option("a", "undue-burden"), Option("b", "not-relevant"), Option("c", None)]
    prompt = Prompt("pick:grounds", "Grounds", "checkbox", options=options)
    assert answer(prompt, " " + DOWN + DOWN + " " + ENTER) == ["undue-burden", None]


@pytest.mark.parametrize("keys, expected", [("y", True), ("n", False), (ENTER, True)])
def test_confirm(keys, expected):
    assert answer(Prompt("ruling.draft", "Draft?", "confirm", default=True), keys) is expected


def test_autocomplete_returns_the_typed_id():
    options = [Option("azd", "azd", "District of Arizona"), Option("nysd", "nysd", "S.D.N.Y.")]
    assert answer(Prompt("court", "Court", "autocomplete", options=options), "nysd" + ENTER) == "nysd"


def test_ctrl_c_raises_instead_of_returning_none():
    with pytest.raises(KeyboardInterrupt):
        answer(Prompt("court", "Court"), "\x03")
