"""Each prompt kind, driven through prompt_toolkit's pipe input: return values, not screen bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


@pytest.mark.parametrize(
    "keys, expected",
    [
        (" (ret.)" + ENTER, "United States District Judge (ret.)"),
        (ENTER, "United States District Judge"),
        ("\x15Magistrate Judge" + ENTER, "Magistrate Judge"),
    ],
)
def test_text_returns_what_was_typed_or_the_default(keys, expected):
    prompt = Prompt("case.judge_title", "Title", default="United States District Judge")
    assert answer(prompt, keys) == expected


def test_text_refused_by_its_check_is_asked_again():
    prompt = Prompt("order.docket", "Docket", check=lambda t: True if t.isdigit() else "a number")
    assert answer(prompt, "0x1F" + ENTER + "\x15" + "13" + ENTER) == "13"


def test_multiline_keeps_lines_and_finishes_with_escape_enter():
    prompt = Prompt("docket.0.background", "Background", "multiline")
    assert answer(prompt, "first line\rsecond line" + ALT_ENTER) == "first line\nsecond line"


@pytest.mark.parametrize(
    "keys, expected",
    [
        (ENTER, None),
        (DOWN + ENTER, "motion"),
        (DOWN + DOWN + ENTER, "reply"),
        ("none" + ENTER, None),
        ("rep" + ENTER, "reply"),
    ],
)
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


# -- any keys ------------------------------------------------------------------------------

UP = "\x1b[A"
KEYS = st.one_of(
    st.sampled_from("abcdemnoprsyzNY0123456789"),
    st.sampled_from([ENTER, ESC, ALT_ENTER, UP, DOWN, "\t", "\x7f", " ", CTRL_D, "\x03"]),
)
OPTIONS = [Option("motion", "motion"), Option("reply", "reply"), Option("order", "order"), Option("(none)", None)]
KINDS = {  # each prompt, and the keys that finish it whatever came before
    "text": (Prompt("t", "Title", default="Judge"), ENTER * 2),
    "multiline": (Prompt("m", "Background", "multiline", default="a\nb"), ALT_ENTER * 2),
    "confirm": (Prompt("c", "Draft?", "confirm", default=False), ENTER * 2),
    "select": (Prompt("s", "Role", "select", options=OPTIONS, default="reply"), ENTER * 2),
    "checkbox": (
        Prompt(
            "k", "Roles", "checkbox", options=[Option(o.title, o.value, checked=o.value == "order") for o in OPTIONS]
        ),
        ENTER * 2,
    ),
    "autocomplete": (
        Prompt(
            "a",
            "Court",
            "autocomplete",
            options=[Option("azd", "azd"), Option("nysd", "nysd"), Option("nyed", "nyed")],
            default="ny",
        ),
        ENTER * 2,
    ),
}


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=50, deadline=None)
@given(keys=st.lists(KEYS, max_size=12))
def test_no_keys_raise_or_answer_what_the_user_did_not_choose(kind, keys):
    """Whatever is pressed, then Enter: an answer the prompt offers, or Ctrl-C's or Ctrl-D's stop.

    And no Escape answers: a yes/no defaulting to No says Yes only after y; a list
    nobody moved or filtered answers its default; a checkbox nobody toggled keeps its picks.
    """
    prompt, finish = KINDS[kind]
    pressed = "".join(keys)
    try:
        got = answer(prompt, pressed + finish)
    except KeyboardInterrupt:
        assert "\x03" in pressed
        return
    except EOFError:  # Ctrl-D, never a prompt the finishing keys left waiting
        assert CTRL_D in pressed
        return
    values = [o.value for o in prompt.options]
    if kind == "select":
        assert got in values
        if not any(k.isalnum() or k in (" ", "\x7f", UP, DOWN) for k in keys):
            assert got == "reply"
    elif kind == "checkbox":
        assert isinstance(got, list) and got == [v for v in values if v in got]
        if not any(k in (" ", "a") for k in keys):  # space toggles one, a all
            assert got == ["order"]
    elif kind == "confirm":
        assert isinstance(got, bool)
        assert got is False or "y" in pressed.lower()
    else:
        assert isinstance(got, str)


# -- the court by name, and questions that wrap (issue #20, part 6) --------------------------


@pytest.mark.parametrize(
    "typed, court",
    [
        ("Massachusetts", "mad"),
        ("S.D.N.Y.", "nysd"),
        ("sdny", "nysd"),
        ("nysd", "nysd"),
        ("southern district of new york", "nysd"),
        ("Southern District of New York", "nysd"),
        ("D. Mass.", "mad"),
        ("N.D. Cal.", "cand"),
        ("D.D.C.", "dcd"),
        ("E.D. Tex.", "txed"),
        ("texas eastern", "txed"),
        ("S.D. W. Va.", "wvsd"),
        ("District of Arizona", "azd"),
    ],
)
def test_the_court_is_found_by_its_id_name_or_abbreviation(typed, court):
    from assembler.interview.questions import _court_parse

    assert _court_parse(None, typed) == court  # type: ignore[arg-type]


def test_a_name_several_courts_share_or_none_has_is_refused_with_the_courts_it_could_be():
    from assembler.interview.questions import _court_parse

    with pytest.raises(ValueError) as several:
        _court_parse(None, "new york")  # type: ignore[arg-type]
    assert str(several.value).startswith("“new york” names 4 courts: ")
    assert "nysd (Southern District of New York (S.D.N.Y.))" in str(several.value)
    with pytest.raises(ValueError, match="no district court goes by “Atlantis”"):
        _court_parse(None, "Atlantis")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "typed, offered",
    [
        ("S.D.N", ["nysd"]),
        ("sdn", ["nysd"]),
        ("massa", ["mad"]),
        ("new york s", ["nysd"]),
        ("southern district of new y", ["nysd"]),
        ("nys", ["nysd"]),
        ("az", ["azd"]),
    ],
)
def test_the_court_autocomplete_offers_courts_by_name_and_abbreviation(typed, offered):
    from prompt_toolkit.document import Document

    from assembler.interview.prompts import _completer
    from assembler.interview.questions import _court_match, _court_options

    options = _court_options(None, {}, ())  # type: ignore[arg-type]
    prompt = Prompt("court", "Court", "autocomplete", options=options, match=_court_match)
    completions = list(_completer(prompt).get_completions(Document(typed), None))
    assert [c.text for c in completions] == offered
    assert (
        completions[0].display_meta_text
        == {
            "nysd": "Southern District of New York (S.D.N.Y.)",
            "mad": "District of Massachusetts (D. Mass.)",
            "azd": "District of Arizona (D. Ariz.)",
        }[offered[0]]
    )


def test_a_typed_court_name_is_answered_with_the_court(tmp_path):
    from interview_driver import ExampleUser
    from test_interview_flow import interview, model_data

    user = ExampleUser(model_data(), {"court": "District of Arizona", "case.number": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    assert (tmp_path / "case.yaml").read_text(encoding="utf-8").splitlines()[1] == "court: azd"


def test_long_questions_and_lines_wrap_at_word_boundaries(monkeypatch):
    import os
    import re as regex

    from assembler.interview import prompts

    monkeypatch.setattr(prompts.shutil, "get_terminal_size", lambda fallback=None: os.terminal_size((80, 24)))
    message = (
        "docket entry 12: The same as the parties' papers should tell it, if the Court's telling "
        "should not be in a party's mouth"
    )
    text, tail = prompts._fitted(message, "(optional: Enter to skip)", 80)
    lines = f"? {text} {tail}".split("\n")
    assert len(lines) > 1 and all(len(line) < 80 for line in lines)
    words = regex.split(r"\s+", f"{message} (optional: Enter to skip)")
    assert regex.split(r"\s+", " ".join(line.strip() for line in lines).removeprefix("? ")) == words
    said: list[str] = []
    TerminalAsker(echo=said.append).say("  - " + "word " * 40)
    assert all(len(line) < 80 for line in said[0].split("\n"))
    assert all(line.startswith("    ") for line in said[0].split("\n")[1:])


def test_a_long_option_wraps_at_word_boundaries_and_is_still_chosen_and_found(monkeypatch):
    import os

    from assembler.interview import prompts

    monkeypatch.setattr(prompts.shutil, "get_terminal_size", lambda fallback=None: os.terminal_size((80, 24)))
    title = (
        "docket 50: 2022-09-21  CONSENT MOTION for Reconsideration re; 49 Order on Motion to Adjourn "
        "Conference, scheduled for Friday, September 23, 2022"
    )
    for prefix in (3, 5):  # a select's pointer; a checkbox's pointer and box
        lines = prompts._wrapped_option(title, 80, prefix).split("\n")
        assert len(lines) > 1 and all(prefix + len(line) < 80 for line in lines[:1])
        assert all(len(line) < 80 and line.startswith(" " * prefix) for line in lines[1:])
        assert " ".join(line.strip() for line in lines).split() == title.split()
    assert prompts._wrapped_option("docket 49: 2022-09-20  ORDER denying 48", 80, 3) == (
        "docket 49: 2022-09-20  ORDER denying 48"
    )
    options = [Option("short", 0), Option(title, 50), Option(title.replace("50", "51"), 51)]
    assert answer(Prompt("role:motion", "Which entry?", "select", options=options), DOWN + ENTER) == 50
    # typed to filter: a word the option's second line holds still finds it
    assert answer(Prompt("role:motion", "Which entry?", "select", options=options), "Friday" + ENTER) == 50
    assert answer(Prompt("pick", "Which?", "checkbox", options=options), DOWN + " " + ENTER) == [50]
