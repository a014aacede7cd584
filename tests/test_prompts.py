"""Each prompt kind, driven through prompt_toolkit's pipe input: return values, not screen bytes."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from assembler.interview.prompts import Option, Prompt, TerminalAsker

DOWN, ENTER, ALT_ENTER, ESC, CTRL_D = "\x1b[B", "\r", "\x1b\r", "\x1b", "\x04"
ROLES = [Option("motion", "motion"), Option("reply", "reply"), Option("(none)", None)]


def answer(prompt: Prompt, keys: str):
    """The answer to ``keys``; the input then ends, so a prompt still waiting raises EOFError."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
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


@pytest.mark.parametrize("keys", [ALT_ENTER, ESC + ESC, ESC + "#", ESC + DOWN])
def test_escape_at_a_list_does_nothing(keys):
    # Esc-Enter here used to accept prompt_toolkit's hidden line buffer: "" came back, not an index
    prompt = Prompt("r", "Role", "select", options=ROLES, default="reply")
    assert answer(prompt, keys + ENTER) == "reply"
    assert answer(prompt, keys + DOWN + ENTER) is None


@pytest.mark.parametrize("default", [True, False])
def test_escape_enter_at_a_yes_no_question_answers_nothing(default):
    # it used to return "", taken as No
    prompt = Prompt("ruling.draft", "Draft?", "confirm", default=default)
    assert answer(prompt, ALT_ENTER + ENTER) is default
    assert answer(prompt, ALT_ENTER + "y") is True
    with pytest.raises(EOFError):  # nothing answered: still waiting when the input ends
        answer(prompt, ALT_ENTER)


def test_escape_enter_at_a_checkbox_keeps_what_is_picked():
    options = [Option("a", "undue-burden", checked=True), Option("b", "not-relevant")]
    prompt = Prompt("pick:grounds", "Grounds", "checkbox", options=options)
    assert answer(prompt, ALT_ENTER + ENTER) == ["undue-burden"]


def test_escape_enter_at_an_autocomplete_does_not_accept():
    options = [Option("azd", "azd"), Option("nysd", "nysd")]
    prompt = Prompt("court", "Court", "autocomplete", options=options)
    assert answer(prompt, "ny" + ALT_ENTER + "sd" + ENTER) == "nysd"


def test_escape_enter_in_a_one_line_text_is_enter_and_escape_hash_does_nothing():
    prompt = Prompt("case.judge", "Judge", default="Hon. A")
    assert answer(prompt, ALT_ENTER) == "Hon. A"
    assert answer(prompt, ESC + "#" + ENTER) == "Hon. A"  # not "#Hon. A", accepted at once


@pytest.mark.parametrize("kind", ["select", "checkbox", "confirm"])
def test_ctrl_d_stops_a_list_or_yes_no_question(kind):
    with pytest.raises(EOFError):
        answer(Prompt("r", "Role", kind, options=ROLES), DOWN + CTRL_D + ENTER)


@pytest.mark.parametrize("returned", ["", "motion", 3, -1, True, None])
def test_a_select_answer_that_is_not_an_option_index_is_asked_again(monkeypatch, returned):
    import questionary
    from prompt_toolkit.application import Application

    returns = [returned, 1]

    class Question:
        def __init__(self, *args, **kwargs):
            self.application = Application()

        def unsafe_ask(self):
            return returns.pop(0)

    monkeypatch.setattr(questionary, "select", Question)
    assert TerminalAsker().ask(Prompt("r", "Role", "select", options=ROLES)) == "reply"
    assert returns == []
