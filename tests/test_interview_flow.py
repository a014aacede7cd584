"""The interview's flow, with a scripted user behind the asking seam."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import EXAMPLES
from interview_driver import ExampleUser

from assembler import load_matter
from assembler.answerfile import AnswerFile
from assembler.interview import Interview
from assembler.questions import SECTIONS
from assembler.review import run_interview
from assembler.source import load_source

TODAY = dt.date(2026, 11, 30)


def interview(path, user, **kwargs):
    """Run the interview on ``path`` with ``user``, who sees the file being written."""
    original = AnswerFile.__init__

    def init(self, *args, **kw):
        original(self, *args, **kw)
        user.file = self

    mp = pytest.MonkeyPatch()
    mp.setattr(AnswerFile, "__init__", init)
    try:
        return run_interview(path, user, **{"today": TODAY, **kwargs})
    finally:
        mp.undo()


@pytest.mark.parametrize("name", ["cp-productions", "acme-nysd", "doe-defendant"])
def test_answering_every_prompt_rebuilds_the_example(tmp_path, name):
    example = EXAMPLES / f"{name}.yaml"
    user = ExampleUser(load_source(example).data)
    interview(tmp_path / "case.yaml", user)
    assert load_matter(tmp_path / "case.yaml").answers == load_matter(example).answers
    sections = [line for line in user.said if line.startswith("\n[")]
    assert sections[0] == "\n[1/10 court and case]" and sections[-1] == "\n[review]"
