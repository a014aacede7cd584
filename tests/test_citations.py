"""The one table of docket-citation words: each prints as the courts write it and reads back."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from assembler.answers.markup import Citation, Cite, parse
from assembler.answers.model import json_schema
from assembler.law.citations import WORDS, CitationStyle, CitationWord
from assembler.papers.consistency import cited

NBSP = "\u00a0"

# word, space: one entry, one with a pin cite, two entries, two with a pin cite on the first
PRINTS = [
    ("Docket", True, "Docket 18", "Docket 18 at 3-4", "Docket 151; Docket 152", "Docket 151 at 3; Docket 152"),
    ("ECF No.", True, "ECF No. 18", "ECF No. 18 at 3-4", "ECF Nos. 151, 152", "ECF No. 151 at 3; ECF No. 152"),
    ("Dkt. No.", True, "Dkt. No. 18", "Dkt. No. 18 at 3-4", "Dkt. Nos. 151, 152", "Dkt. No. 151 at 3; Dkt. No. 152"),
    ("Dkt.", True, "Dkt. 18", "Dkt. 18 at 3-4", "Dkts. 151, 152", "Dkt. 151 at 3; Dkt. 152"),
    ("Dkt. #", True, "Dkt. # 18", "Dkt. # 18 at 3-4", "Dkt. # 151; Dkt. # 152", "Dkt. # 151 at 3; Dkt. # 152"),
    ("Dkt. #", False, "Dkt. #18", "Dkt. #18 at 3-4", "Dkt. #151; Dkt. #152", "Dkt. #151 at 3; Dkt. #152"),
    ("Doc.", True, "Doc. 18", "Doc. 18 at 3-4", "Docs. 151, 152", "Doc. 151 at 3; Doc. 152"),
    ("Doc. No.", True, "Doc. No. 18", "Doc. No. 18 at 3-4", "Doc. Nos. 151, 152", "Doc. No. 151 at 3; Doc. No. 152"),
    ("dkt.", True, "dkt. 18", "dkt. 18 at 3-4", "dkt. 151, 152", "dkt. 151 at 3; dkt. 152"),
]


def style(word: str, space: bool = True) -> CitationStyle:
    return CitationStyle(word=word, placement="inline", space=space, verified=True, source="test")


def test_the_table_is_the_one_list_of_words():
    assert {row[0] for row in PRINTS} == set(WORDS)
    assert get_args(CitationWord) == tuple(WORDS)
    word = json_schema()["$defs"]["Citation"]["properties"]["word"]
    assert [option.get("enum") for option in word["anyOf"] if "enum" in option] == [list(WORDS)]


@pytest.mark.parametrize("word, space, one, pinned, several, several_pinned", PRINTS)
def test_each_word_prints_as_the_courts_write_it(word, space, one, pinned, several, several_pinned):
    form = style(word, space)
    assert form.one(18).replace(NBSP, " ") == one
    assert " " not in form.one(18, "3-4")  # never broken across lines
    assert form.one(18, "3-4").replace(NBSP, " ") == pinned
    assert form.several([(151, None), (152, None)]).replace(NBSP, " ") == several
    assert form.several([(151, "3"), (152, None)]).replace(NBSP, " ") == several_pinned


@pytest.mark.parametrize("word, space, one, pinned, several, several_pinned", PRINTS)
def test_the_consistency_check_reads_each_word_back(word, space, one, pinned, several, several_pinned):
    form = style(word, space)
    assert cited(f"The Order. ({form.one(18)}.)") == [(word, 18)]
    assert cited(f"As it says. ({form.one(18, '3-4')}.)") == [(word, 18)]
    assert cited(f"See {form.several([(151, None), (152, None)])}.") == [(word, 151), (word, 152)]
    assert cited(f"See {form.several([(151, '3'), (152, None)])}.") == [(word, 151), (word, 152)]
    assert cited(one) == [(word, 18)]  # with plain spaces, as a template of one's own types it


def test_the_consistency_check_reads_no_word_outside_the_table():
    assert cited("(Dkt No 1 at 1.) (Docs 3) (Document 4) (ECF 5)") == []


@pytest.mark.parametrize("word", list(WORDS))
def test_a_citation_in_the_answers_may_begin_with_each_word(word):
    for typed in (f"[[{word} 18 at 3-4]]", f"[[{word.upper()}  18 at 3-4]]"):
        (node,) = parse(typed).paragraphs[0].children
        assert isinstance(node, Citation) and node.cites == (Cite(18, "3-4"),), typed


@pytest.mark.parametrize("word", [w for w in WORDS if not WORDS[w].unspaced])
def test_only_a_word_courts_print_unspaced_goes_without_a_space(word):
    with pytest.raises(ValidationError, match=f"“{word}” is always followed by a space"):
        style(word, space=False)
