from __future__ import annotations

import pytest

from assembler.answers.markup import Citation, Cite, MarkupError, Note, RecordCite, Styled, Text, parse


@pytest.mark.parametrize(
    "source, expected",
    [
        ("plain text", (Text("plain text"),)),
        ("an *Ex Parte* order", (Text("an "), Styled("i", (Text("Ex Parte"),)), Text(" order"))),
        ("**GRANTED**.", (Styled("b", (Text("GRANTED"),)), Text("."))),
        ("5 * 3 and a * alone", (Text("5 * 3 and a * alone"),)),
        (r"a literal \*star\* and \[[18]]", (Text("a literal *star* and [[18]]"),)),
        ("{{ 7*7 }} and {% if x %}", (Text("{{ 7*7 }} and {% if x %}"),)),
        ("wrapped\nline", (Text("wrapped line"),)),
    ],
)
def test_inline_markup(source, expected):
    assert parse(source).paragraphs[0].children == expected


@pytest.mark.parametrize(
    "source, cites",
    [
        ("[[18]]", (Cite(18),)),
        ("[[18 at 7-8]]", (Cite(18, "7-8"),)),
        ("[[19 at 1 n.1]]", (Cite(19, "1 n.1"),)),
        ("[[22; 26]]", (Cite(22), Cite(26))),
        ("[[Docket 18 at 8-11, 15-16]]", (Cite(18, "8-11, 15-16"),)),
        (
            "[[18 at 12-14 (quoting *X*, 1 F.3d 2 (N.D. Ill. 2012)); 26 at 2]]",
            (
                Cite(18, "12-14", (Text("quoting "), Styled("i", (Text("X"),)), Text(", 1 F.3d 2 (N.D. Ill. 2012)"))),
                Cite(26, "2"),
            ),
        ),
    ],
)
def test_docket_citations(source, cites):
    (node,) = parse(source).paragraphs[0].children
    assert isinstance(node, Citation)
    assert node.cites == cites


def test_blank_line_starts_a_paragraph():
    doc = parse("one\ntwo\n\nthree")
    assert [p.children for p in doc.paragraphs] == [(Text("one two"),), (Text("three"),)]


def test_footnote_holds_citations_in_place():
    (text, note) = parse("Order.^[[[18]]. See also [[22]].]").paragraphs[0].children
    assert text == Text("Order.")
    assert isinstance(note, Note)
    assert [type(c).__name__ for c in note.children] == ["Citation", "Text", "Citation", "Text"]


def test_citation_line_offsets_count_from_the_start():
    doc = parse("first line\nsecond [[1]]\n\nfourth [[2]]")
    assert [offset for _, offset in doc.citations] == [1, 3]


@pytest.mark.parametrize(
    "source, message",
    [
        ("see [[18 at 7", "never closed"),
        ("see ^[a note", "never closed"),
        ("see [[eighteen]]", "cannot read the docket citation [[eighteen]]"),
        ("see [[18 at ]]", "cannot read the docket citation"),
    ],
)
def test_malformed_markup_is_an_error(source, message):
    with pytest.raises(MarkupError, match=message.replace("[", r"\[")):
        parse(source)


def test_blocks_keep_their_citations_and_lines():
    from assembler.answers.markup import parse

    doc = parse("Intro.\n\n> quoted\n> more[[18 at 2]]\n\n1. one\n2. two[[19]]\n\n### Head")
    assert [(p.kind, p.marker) for p in doc.paragraphs] == [
        ("text", ""),
        ("quote", ""),
        ("item", "1."),
        ("item", "2."),
        ("heading", ""),
    ]
    assert [(c.source, line) for c, line in doc.citations] == [("[[18 at 2]]", 3), ("[[19]]", 6)]
    # a paragraph that only mentions a number is prose
    assert parse("In 2012. the Court ruled").paragraphs[0].kind == "text"
    assert parse("i.e., the Court").paragraphs[0].kind == "text"


@pytest.mark.parametrize("typed", [">", "> ", "Some text.\n\n>"])
def test_a_quotation_mark_with_nothing_after_it_is_refused_not_lost(tmp_path, typed):
    """Found by the free-text property test: ">" alone made an empty block quotation, and the
    typed character vanished from the paper."""
    import json

    from conftest import EXAMPLES, write

    from assembler import load_matter
    from assembler.errors import AnswersError

    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    old = "  title: Order Granting Plaintiff's *Ex Parte* Motion for Protective Order\n"
    case = write(tmp_path, "case.yaml", text.replace(old, f"  title: {json.dumps(typed)}\n", 1))
    with pytest.raises(AnswersError, match="order.title: a line of only “>” begins a block quotation"):
        load_matter(case)


@pytest.mark.parametrize(
    ("typed", "cites"),
    [
        ("[[Ex. A]]", (RecordCite("A"),)),
        ("[[Ex. B at 1-2]]", (RecordCite("B", "1-2"),)),
        ("[[exhibit 12]]", (RecordCite("12"),)),
        ("[[Decl. ¶ 4]]", (RecordCite(paragraphs=(4,), span="4"),)),
        ("[[Decl. ¶¶ 4 - 6]]", (RecordCite(paragraphs=(4, 5, 6), span="4-6"),)),
        ("[[Decl. ¶¶ 2, 7]]", (RecordCite(paragraphs=(2, 7), span="2, 7"),)),
        ("[[18 at 3; Ex. A]]", (Cite(18, "3"), RecordCite("A"))),
    ],
)
def test_citations_to_the_declaration_are_read(typed, cites):
    ((citation, _),) = parse(f"See {typed}").citations
    assert citation.cites == cites


def test_a_citation_to_the_declaration_that_cannot_be_read_says_how_to_write_it():
    with pytest.raises(MarkupError, match=r"cannot read the citation \[\[Ex\.\]\] to the declaration: write it as"):
        parse("See [[Ex. ]].")
