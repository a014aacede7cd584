"""The installed ``assembler interview`` as a user meets it: in a pseudo-terminal, and over pipes.

The keys are not written by hand: the scripted user answers the same flow
in-process first, and its answers are replayed as keystrokes, each sent only
after its prompt is on the screen.  A missed prompt fails on the timeout
instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import EXAMPLES
from interview_driver import ExampleUser
from pexpect.popen_spawn import PopenSpawn
from test_interview_flow import interview

from assembler import DOCUMENTS, load_matter, text_view
from assembler.answers.reader import load_source

ASSEMBLER = shutil.which("assembler") or str(Path(sys.executable).parent / "assembler")
ENV = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1", "COLUMNS": "220", "LINES": "50"}
DOWN, UP = "\x1b[B", "\x1b[A"


def record(example: Path, file: Path) -> list:
    """The prompts the interview puts, and the example's answers, from ``file`` as it is now."""
    from assembler.interview.record import SUFFIX

    scratch = file.with_name("scratch-" + file.name)
    answered = file.with_name(file.name + SUFFIX)  # what was answered blank: not asked again
    if file.exists():
        shutil.copy(file, scratch)
    if answered.exists():
        shutil.copy(answered, scratch.with_name(scratch.name + SUFFIX))
    user = ExampleUser(load_source(example).data)
    try:  # today=None: the real today, as in the child
        interview(scratch, user, offer_drafts=False, today=None)
    finally:
        scratch.unlink(missing_ok=True)
        scratch.with_name(scratch.name + SUFFIX).unlink(missing_ok=True)
    return user.log


def keys(prompt, answer) -> str:
    if prompt.kind == "confirm":
        return "y" if answer else "n"
    if prompt.kind == "select":  # arrows from where the list starts (its default): the search
        values = [o.value for o in prompt.options]  # filter takes ASCII keys only, and titles quote
        start = values.index(prompt.default) if prompt.default in values else 0
        target = values.index(answer)
        return (DOWN * (target - start) if target >= start else UP * (start - target)) + "\r"
    if prompt.kind == "checkbox":
        out, at = "", 0
        for index, option in enumerate(prompt.options):
            if option.value in answer:
                out += DOWN * (index - at) + " "
                at = index
        return out + "\r"
    text = str(answer)
    default = str(prompt.default or "")
    if prompt.kind == "multiline":
        return ("" if text == default else "\x15" + text.rstrip("\n").replace("\n", "\r")) + "\x1b\r"
    return "\r" if text == default else "\x15" + text + "\r"


def spawn(file: Path, cwd: Path, columns: int = 220):
    env = {**ENV, "COLUMNS": str(columns)}
    child = pexpect.spawn(
        ASSEMBLER,
        ["interview", str(file)],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(30 if columns == 80 else 50, columns),
    )
    child.delaybeforesend = None  # every key waits for its prompt already
    return child


def replay(child, log) -> None:
    for prompt, answer in log:
        child.expect_exact(prompt.message[:60])
        if prompt.kind == "multiline":  # in a narrow terminal the question is said first
            child.expect_exact("Esc then Enter")
        child.send(keys(prompt, answer))


def finish_and_draft(child, out: Path) -> None:
    child.expect_exact("Review: finish, or change a section?")
    child.send("\r")  # finish is the default when check passes
    child.expect_exact("Draft the papers now?")
    child.send("y")
    child.expect_exact("Which papers?")
    child.send("\r")
    child.expect_exact("Folder for the drafts")
    child.send("\x15" + str(out) + "\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def same_papers(drafts: Path, expected: dict[str, Path]) -> None:
    """The papers drafted in the terminal are the example's (``drafts_of``, rendered once)."""
    for document in DOCUMENTS:
        path = expected[document]
        got = next(drafts.rglob(path.name))
        assert text_view(got) == text_view(path), path.name


@pytest.mark.parametrize("name, columns", [("acme-nysd", 80)])
def test_a_whole_interview_in_a_terminal_drafts_the_examples_papers(tmp_path, drafts_of, name, columns):
    """In a plain 80-column terminal (NO_COLOR, no mouse), in one run.  The wide terminal
    is the test below: the model case's whole interview, from an empty file, in two runs
    that put every one of its prompts on a 220-column screen and draft its papers."""
    example = EXAMPLES / f"{name}.yaml"
    file = tmp_path / "case.yaml"
    log = record(example, file)
    child = spawn(file, tmp_path, columns)
    replay(child, log)
    finish_and_draft(child, tmp_path / "drafts")
    same_papers(tmp_path / "drafts", drafts_of(name))


def test_ctrl_c_in_the_docket_loop_saves_everything_and_the_same_command_resumes(tmp_path, drafts_of):
    """The model case from an empty file in a wide (220-column) terminal: stopped in the
    docket loop, then finished by the same command, every prompt answered on the screen."""
    example = EXAMPLES / "cp-productions.yaml"
    file = tmp_path / "case.yaml"
    log = record(example, file)
    # docket 19's date (docket 13, the challenged order's own entry, is dated as the order: not
    # asked; docket 18, the motion, is named after the list, when the interview asks which it is)
    stop = next(i for i, (prompt, _) in enumerate(log) if prompt.key == "docket.5.date")
    child = spawn(file, tmp_path)
    replay(child, log[:stop])
    child.expect_exact(log[stop][0].message)
    child.send("\x03")
    child.expect_exact("Every answer given so far is saved in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = load_source(file).data
    assert [entry["number"] for entry in saved["docket"]] == [1, 5, 9, 12, 13, 19]
    assert saved["docket"][3]["background"].startswith("CP Productions, which had not")
    assert "grounds" not in saved

    rest = record(example, file)  # the resumed run asks only what is left
    assert rest[0][0].key == "docket.5.date"
    child = spawn(file, tmp_path)
    replay(child, rest)
    finish_and_draft(child, tmp_path / "drafts")
    assert load_matter(file).answers == load_matter(example).answers
    same_papers(tmp_path / "drafts", drafts_of("cp-productions"))


def test_escape_enter_at_a_list_menu_does_nothing_and_the_interview_goes_on(tmp_path):
    """Esc then Enter (how a multi-line answer ends) at a list: no traceback, no answer."""
    example = EXAMPLES / "acme-nysd.yaml"
    file = tmp_path / "case.yaml"
    log = record(example, file)
    menu = next(i for i, (prompt, _) in enumerate(log) if prompt.kind == "select")
    child = spawn(file, tmp_path)
    replay(child, log[:menu])
    prompt, choice = log[menu]
    child.expect_exact(prompt.message)
    child.send("\x1b\r")
    child.send(keys(prompt, choice))
    child.expect_exact(log[menu + 1][0].message[:60])
    assert "Traceback" not in child.before
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in child.before


def test_over_pipes_the_interview_says_it_needs_a_terminal(tmp_path):
    child = PopenSpawn([ASSEMBLER, "interview", str(tmp_path / "case.yaml")], env=ENV, encoding="utf-8", timeout=15)
    child.expect_exact("this is not one")
    child.expect(pexpect.EOF)
    assert child.wait() == 2
    assert not (tmp_path / "case.yaml").exists()
