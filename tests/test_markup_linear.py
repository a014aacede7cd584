"""``markup.parse`` made linear (issue #25) gives what it gave before, on every text.

The parser before the change is kept, frozen, in ``markup_before.py``: the same
paragraphs, inlines, citations with their line offsets, and the same error (message and
offset) for the examples' texts, for all of them joined into one long text, and for
generated texts dense in markup.  Speed is a benchmark figure (benchmarks/bench.py), not
a test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markup_before
import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.answers import markup
from assembler.answers.reader import read_yaml


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _example_texts() -> list[str]:
    """Every string of every example answer file (markup fields and the rest: a superset)."""
    texts: list[str] = []
    for file in sorted(EXAMPLES.rglob("*.yaml")):
        data, _ = read_yaml(Path(file))
        texts += [s for s in _strings(data) if s.strip()]
    return list(dict.fromkeys(texts))


def _cites_a_declaration(text: str) -> bool:
    """Whether ``text`` has a citation to a declaration ([[Ex. A]], [[Decl. ¶ 4]]): markup the
    frozen parser predates (issue #23), so it cannot be its oracle."""
    try:
        document = markup.parse(text)
    except markup.MarkupError:
        return False
    return any(isinstance(cite, markup.RecordCite) for c, _ in document.citations for cite in c.cites)


EXAMPLE_TEXTS = [text for text in _example_texts() if not _cites_a_declaration(text)]


def outcome(parse: Any, text: str) -> Any:
    """The parsed document, or the error as (message, offset)."""
    try:
        return parse(text)
    except markup.MarkupError as exc:
        return ("MarkupError", str(exc), exc.offset)


def assert_same(text: str) -> None:
    assert outcome(markup.parse, text) == outcome(markup_before.parse, text)


def test_the_examples_have_texts_with_every_kind_of_markup():
    joined = "\n\n".join(EXAMPLE_TEXTS)
    for mark in ("[[", "[[@", "^[", "*", "\n> ", "\n1. "):  # bold, headings: generated below
        assert mark in joined, mark


@pytest.mark.parametrize("index", range(len(EXAMPLE_TEXTS)))
def test_each_example_text_parses_as_before(index):
    assert_same(EXAMPLE_TEXTS[index])


@pytest.mark.parametrize("separator", ["\n\n", "\n \n", "\n\n\n", "\r\n\r\n", "\n"])
def test_the_example_texts_joined_in_one_text_parse_as_before(separator):
    text = separator.join(EXAMPLE_TEXTS)
    document = markup.parse(text)
    assert document == markup_before.parse(text)
    if separator != "\n":
        assert len(document.paragraphs) > len(EXAMPLE_TEXTS)


def test_an_error_in_a_late_paragraph_is_the_same_error_at_the_same_offset():
    text = "\n\n".join(EXAMPLE_TEXTS[:40]) + "\n\nsee [[18 at 7\n\n" + "\n\n".join(EXAMPLE_TEXTS[40:])
    assert_same(text)
    assert outcome(markup.parse, text)[0] == "MarkupError"


# Pieces of markup, some well formed, some not, joined at random: block marks at the
# starts of lines, blank lines between, emphasis and citations across lines and blocks.
PIECES = [
    "a",
    "word ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n",
    "*",
    "**",
    "***",
    "\\",
    "\\*",
    "\\[",
    "[",
    "]",
    "[[",
    "]]",
    "[[18]]",
    "[[18 at 7-8]]",
    "[[22; 26 at 2]]",
    "[[@21]]",
    "[[@21 at 3]]",
    "[[18 at 2 (quoting *X*)]]",
    "[[1 (",
    ")",
    "(",
    ";",
    "@",
    "^[",
    "^[a note]",
    "^[see [[18]].]",
    "> ",
    ">",
    "\n> ",
    "1. ",
    "\n1. ",
    "\n(a) ",
    "\n(iv) ",
    "b. ",
    "### ",
    "\n### ",
    "#",
    "{{ x }}",
    "ECF No. ",
    "at ",
    "é",
    "’",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_generated_text_parses_as_before(text):
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("ab *[]^\\()>#1.;@\n\t"), max_size=80))
def test_generated_characters_parse_as_before(text):
    assert_same(text)


@settings(max_examples=50, deadline=None)
@given(
    parts=st.lists(st.sampled_from(range(len(EXAMPLE_TEXTS))), min_size=2, max_size=30),
    glue=st.sampled_from(["\n\n", "\n", " ", "\n\n> ", "\n\n1. ", "\n\n### "]),
)
def test_generated_mixes_of_example_texts_parse_as_before(parts, glue):
    assert_same(glue.join(EXAMPLE_TEXTS[i] for i in parts))
