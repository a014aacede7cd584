"""Straight quotes curled by their neighbours: table-driven cases, and any text curled exactly as
the character-by-character reading it replaced (kept here as the oracle) curls it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.answers.quotes import smart_quotes


def curled_char_by_char(text: str) -> str:
    """``smart_quotes`` read slowly: every character visited, each quote read by its neighbours
    (a quote right after another by what that one became)."""
    out = []
    for index, char in enumerate(text):
        before = (out[-1] if text[index - 1] in "'\"" else text[index - 1]) if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        opening = before == "" or before.isspace() or before in "([{\u2014\u2013/-\u201c\u2018"
        if char == '"':
            out.append("\u201c" if opening and after and not after.isspace() else "\u201d")
        elif char == "'":
            if opening and after and (after.isalpha() or after in '"\u201c'):
                out.append("\u2018")
            else:
                out.append("\u2019")
        else:
            out.append(char)
    return "".join(out)


@pytest.mark.parametrize(
    "typed, printed",
    [
        ("Plaintiff's *Ex Parte* Motion", "Plaintiff\u2019s *Ex Parte* Motion"),
        ('the "mandatory injunction" it is', "the \u201cmandatory injunction\u201d it is"),
        ("'quoted' and '90s", "\u2018quoted\u2019 and \u201990s"),
        ("Defendants' motion", "Defendants\u2019 motion"),
        ("(\"a\" ['b'])", "(\u201ca\u201d [\u2018b\u2019])"),
        ('a lone " here', "a lone \u201d here"),
        ("no quotes at all", "no quotes at all"),
        ("", ""),
        ('"', "\u201d"),
        ("'", "\u2019"),
        ("\"'nested'\"", "\u201c\u2018nested\u2019\u201d"),
        ("he wrote \"'the rule' applies\" here", "he wrote \u201c\u2018the rule\u2019 applies\u201d here"),
        ("'\"double in single\"'", "\u2018\u201cdouble in single\u201d\u2019"),
        ('"word"\'s', "\u201cword\u201d\u2019s"),
    ],
)
def test_quotes_are_curled_by_their_neighbours(typed, printed):
    assert smart_quotes(typed) == printed


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab '\"\n\t([{/-\u2014\u2013\u201c\u2019é1"), max_size=60))
def test_any_text_is_curled_as_the_character_by_character_reading_curls_it(text):
    assert smart_quotes(text) == curled_char_by_char(text)
