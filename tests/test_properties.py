"""Any text in any name or free-text field: printed exactly, or refused in one located sentence.

Read back by an independent reader (pandoc), never by our own view alone.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import EXAMPLES, needs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler import load_matter
from assembler.answers.editor import AnswerFile
from assembler.errors import AnswersError, AssemblerError
from assembler.papers.render import TemplateSet, render_matter

# Fields that print in the motion, by kind: a name prints as typed; free text is markup.
NAMES = [
    ("parties", "plaintiffs", 0, "name"),
    ("parties", "defendants", 0, "name"),
    ("movant", "short_name"),
    ("counsel", "movant", "attorneys", 0, "name"),
    ("counsel", "movant", "attorneys", 0, "firm"),
    ("counsel", "movant", "represents"),
    ("grounds", 0, "heading"),
]
MARKUP = [("motion", "relief"), ("order", "title"), ("grounds", 1, "text")]
MARKUP_SPECIALS = set("*[]^\\_")


def _block_marked(text: str) -> bool:
    """A line the markup reads as a block (a quotation "> ", a list item "1. ", a sub-heading
    "### "): the markup the README documents, not text printed as typed."""
    from assembler.answers.markup import _HEADING, _ITEM, _QUOTE

    return any(mark.match(line) for line in text.splitlines() for mark in (_QUOTE, _ITEM, _HEADING))


TEMPLATES = TemplateSet()
ANY_TEXT = st.text(st.characters(codec="utf-8"), min_size=0, max_size=40)


def pandoc_plain(path: Path) -> str:
    """The document's words as pandoc reads them (HTML, so that table cells stay whole)."""
    out = subprocess.run(
        ["pandoc", "-t", "html", "--wrap=none", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out)).split())


def attempt(tmp: Path, field: tuple, value: str) -> tuple[str, object]:
    """("refused", message) or ("drafted", path of the motion)."""
    file = tmp / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    answers = AnswerFile(file)
    answers.set(field, value)
    answers.set(("typography", "smart_quotes"), False)  # exactly as typed: straight quotes too
    answers.save()
    try:
        matter = load_matter(file)
    except AnswersError as exc:
        return "refused", exc
    try:
        (path,) = render_matter(matter, tmp / "out", ["motion"], force=True, templates=TEMPLATES)
    except AssemblerError as exc:
        return "refused", exc
    return "drafted", path


def assert_refused_well(exc: object, field: tuple) -> None:
    assert isinstance(exc, AssemblerError)
    text = str(exc)
    assert "\n" not in text.strip() or text.startswith(tuple("0123456789")), text
    if isinstance(exc, AnswersError):
        dotted = ".".join(map(str, field))
        assert any(p.line is not None and (p.field or "").startswith(dotted.rsplit(".", 1)[0]) for p in exc.problems), (
            text
        )


def prints_exactly_or_is_refused(tmp: Path, field: tuple, value: str) -> None:
    """The drafted motion, read back by pandoc, holds ``value`` as typed; or it is refused well."""
    outcome, detail = attempt(tmp, field, value)
    if outcome == "refused":
        assert_refused_well(detail, field)
        return
    assert isinstance(detail, Path) and zipfile.is_zipfile(detail)
    printed = " ".join(value.split())
    text = pandoc_plain(detail)
    assert printed in text or printed.upper() in text, (printed, text[:400])


@needs("pandoc")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(NAMES), value=ANY_TEXT)
def test_any_name_prints_exactly_or_is_refused(tmp_path_factory, field, value):
    prints_exactly_or_is_refused(tmp_path_factory.mktemp("prop"), field, value)


@needs("pandoc")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    field=st.sampled_from(MARKUP),
    value=ANY_TEXT.filter(lambda t: not MARKUP_SPECIALS & set(t) and "\n\n" not in t and not _block_marked(t)),
)
def test_any_free_text_prints_exactly_or_is_refused(tmp_path_factory, field, value):
    prints_exactly_or_is_refused(tmp_path_factory.mktemp("prop"), field, value)
