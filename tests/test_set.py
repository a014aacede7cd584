"""The five papers as one set: role-aware wording, the grounds library, and consistency."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write
from docx import Document

from assembler import DOCUMENTS, load_matter, text_view
from assembler.answers.markup import parse
from assembler.cli import cli
from assembler.errors import AnswersError, ConsistencyError, TemplateError
from assembler.law.grounds import PLACEHOLDER, library
from assembler.papers.consistency import check_set
from assembler.papers.render import TemplateSet

NON_PARTY_OR_PLURAL = re.compile(r"ISPs|not parties|not a party|Non-Party|Movants|movants|\bthey\b|\bThey\b|\btheir\b")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_single_party_movant_speaks_in_the_singular_in_every_paper(document, drafts_of):
    view = text_view(drafts_of("doe-defendant")[document])
    assert not NON_PARTY_OR_PLURAL.search(view), NON_PARTY_OR_PLURAL.search(view)
    expected = {
        "motion": "Defendant John Doe (“Defendant”) respectfully moves under LRCiv 7.2(g)",
        "response": "Example Films, LLC (“Example Films”) respectfully submits this Response in "
        "Opposition to the Motion for Reconsideration filed at Docket 12 by "
        "Defendant John Doe (“Defendant”), as the Court requested in its Order at Docket 13.",
        "reply": "Defendant John Doe (“Defendant”) respectfully submits this Reply",
        "order-granting": "Defendant asserts that the Order rests on a manifest error",
        "order-denying": "Defendant’s Motion for Reconsideration is DENIED.",
    }[document]
    assert expected in view


def test_non_party_plural_movant_wording(example_drafts):
    response = text_view(example_drafts["response"])
    assert "The ISPs are not parties to this action" in response  # library text, filled
    assert "as the Court requested in its Order at Docket 19" in response
    reply = text_view(example_drafts["reply"])
    assert "in answer to CP Productions’ Response in Opposition at Docket 22" in reply


def test_order_denying_leaves_the_challenged_order_standing(example_drafts):
    view = text_view(example_drafts["order-denying"], line_break=" ")
    assert "ORDER DENYING MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER" in view
    assert "the ISPs’ Motion for Reconsideration is DENIED." in view
    assert "at Docket 13 remains in effect." in view
    assert "VACATED" not in view


def test_every_paper_shares_one_caption(example_drafts):
    from assembler.papers.consistency import caption_of

    captions = {caption_of(Document(str(path))) for path in example_drafts.values()}
    assert len(captions) == 1 and "Case No. 2:12-CV-01183-PHX-SLG" in captions.pop()


# -- the consistency check ------------------------------------------------------
@pytest.fixture
def rendered(example_drafts):
    """The model case's motion and reply, each test's own to change: read anew from the
    drafts rendered once for the session."""
    matter = load_matter(EXAMPLES / "cp-productions.yaml")
    return matter, {d: Document(str(example_drafts[d])) for d in ("motion", "reply")}


def test_consistent_set_passes(rendered):
    check_set(*rendered)


def test_a_citation_in_another_style_or_to_an_unknown_entry_is_caught(rendered):
    matter, docs = rendered
    docs["reply"].add_paragraph("As the Court held (ECF No. 13), and see Docket 99.")
    with pytest.raises(ConsistencyError) as caught:
        check_set(matter, docs)
    message = str(caught.value)
    assert "reply.docx cites “ECF No. 13”, but District of Arizona papers cite “Docket 13”" in message
    assert "reply.docx cites docket 99, which is not in the docket list" in message
    assert "motion.docx" not in message


def test_a_different_caption_is_caught(rendered):
    matter, docs = rendered
    cell = docs["reply"].tables[0].rows[0].cells[0]
    cell.paragraphs[0].runs[0].text = "CP PRODUCTIONS, LLC"
    with pytest.raises(ConsistencyError, match="the captions of reply differ from that of motion"):
        check_set(matter, docs)


# -- the grounds library ----------------------------------------------------------
@pytest.mark.parametrize("ground", list(library().values()), ids=lambda g: g.id)
def test_library_ground_is_well_formed(ground):
    document = parse(ground.text)
    assert not document.citations, "library text cannot cite a case's docket"
    for authority in ground.authorities:
        assert authority in " ".join(ground.text.split()), f"{authority} is not cited in the text"
    fields = {m.group(1) + m.group(2) + m.group(3) for m in PLACEHOLDER.finditer(ground.text)}
    assert all(
        f.split(".")[0].split(":")[0]
        in {"movant", "opponent", "order", "court", "rule", "motion", "response", "reply", "fill"}
        for f in fields
    )


def test_library_offers_the_general_grounds_and_both_sides_of_the_model():
    lib = library()
    for gid in (
        "manifest-error",
        "new-facts",
        "change-in-law",
        "60b-mistake",
        "60b-new-evidence",
        "60b-fraud",
        "60b-void",
        "60b-no-longer-equitable",
        "60b-other-reason",
        "undue-burden",
        "not-relevant",
    ):
        assert lib[gid].side == "movant"
    for gid in (
        "lack-of-standing",
        "no-new-facts-or-error",
        "information-relevant",
        "no-undue-burden",
        "not-an-injunction",
    ):
        assert lib[gid].side == "opponent"


ANSWERS_HEAD = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8").split("grounds:\n")[0]
ANSWERS_TAIL = "motion:\n" + (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8").split("\nmotion:\n")[1]


def _answers(tmp_path, grounds: str):
    return write(tmp_path, "case.yaml", ANSWERS_HEAD + grounds + ANSWERS_TAIL)


def test_library_text_is_filled_and_own_text_prints_as_typed(tmp_path):
    path = _answers(
        tmp_path,
        "grounds:\n  - id: premature-discovery\n  - id: my-own\n"
        "    heading: Mine\n    text: '{movant.Short} {movant:assert} as typed'\n",
    )
    matter = load_matter(path)
    texts = [
        " ".join(n.text for p in g.text.paragraphs for n in p.children if hasattr(n, "text"))
        for g in matter.grounds["grounds"]
    ]
    assert "Example Films has shown no reason" in texts[0]
    assert texts[1] == "{movant.Short} {movant:assert} as typed"


@pytest.mark.parametrize(
    "grounds, message",
    [
        (
            "grounds:\n  - id: no-undue-burden\n",
            "grounds.0.id: ground 'no-undue-burden' is the opponent's argument in the library; "
            "list it under opposition",
        ),
        ("grounds:\n  - id: made-up\n", "grounds.0.id: ground 'made-up' is not in the grounds library"),
        (
            "grounds:\n  - id: manifest-error\nopposition:\n  - id: repeats-arguments\n    answers: new-facts\n",
            "opposition.0.answers: answers 'new-facts', which is not one of the motion's grounds",
        ),
        ("grounds:\n  - id: manifest-error\n    reply: x\n", "grounds.0.reply: only an opposition ground has reply:"),
    ],
)
def test_ground_mistakes_are_reported_with_their_place(tmp_path, grounds, message):
    with pytest.raises(AnswersError) as caught:
        load_matter(_answers(tmp_path, grounds))
    assert message in str(caught.value)
    assert re.search(r"case\.yaml, line \d+", str(caught.value))


def test_grounds_command_lists_the_library_by_side():
    result = CliRunner().invoke(cli, ["grounds", "--side", "opponent"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert "no-undue-burden" in ids and "manifest-error" not in ids
    full = CliRunner().invoke(cli, ["grounds", "--full"])
    assert "{movant.short}" in full.output


def _without(key: str) -> str:
    """The single-party example with its ``grounds`` or ``opposition`` list emptied."""
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    following = {"grounds": "opposition:", "opposition": "motion:"}[key]
    start, end = text.index(f"\n{key}:\n") + 1, text.index(f"\n{following}\n") + 1
    text = text[:start] + f"{key}: []\n" + text[end:]
    return text.replace("    answers: premature-discovery\n", "")


@pytest.mark.parametrize(
    "document, key, missing", [("motion", "grounds", "motion_grounds"), ("response", "opposition", "response_grounds")]
)
def test_a_paper_without_arguments_is_an_error_not_an_empty_section(tmp_path, document, key, missing):
    matter = load_matter(write(tmp_path, "case.yaml", _without(key)))
    with pytest.raises(TemplateError, match=rf"{document}.docx: it needs {missing}"):
        TemplateSet().render(matter, document)
    TemplateSet().render(matter, "order-granting")  # an order can speak of no arguments
