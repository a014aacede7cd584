"""Forms that follow the court and the judge: citation forms, in-text references, order shapes."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter, render_matter, text_view
from assembler.courts import load_court

NBSP = "\u00a0"
MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")


def in_court(court: str, number: str, text: str = MODEL) -> str:
    out = text.replace("court: azd", f"court: {court}", 1).replace(
        "number: 2:12-CV-01183-PHX-SLG", f"number: {number}", 1)
    assert f"court: {court}" in out and number in out
    return out


def views(tmp_path, text: str, documents=("motion", "order-granting"), name="case") -> dict[str, str]:
    matter = load_matter(write(tmp_path, f"{name}.yaml", text))
    paths = render_matter(matter, tmp_path / name, list(documents), force=True)
    return {p.stem: text_view(p, line_break=" ").replace(NBSP, " ") for p in paths}


@pytest.mark.parametrize("word, space, one, several, pinned", [
    ("ECF No.", True, "ECF No. 18", "ECF Nos. 151, 152", "ECF No. 151 at 3; ECF No. 152"),
    ("Dkt. No.", True, "Dkt. No. 18", "Dkt. Nos. 151, 152", "Dkt. No. 151 at 3; Dkt. No. 152"),
    ("Dkt. #", False, "Dkt. #18", "Dkt. #151; Dkt. #152", "Dkt. #151 at 3; Dkt. #152"),
    ("dkt.", True, "dkt. 18", "dkt. 151, 152", "dkt. 151 at 3; dkt. 152"),
    ("Docket", True, "Docket 18", "Docket 151; Docket 152", "Docket 151 at 3; Docket 152"),
])
def test_citation_forms_singular_plural_and_pinned(word, space, one, several, pinned):
    style = load_court("nysd").citation.model_copy(update={"word": word, "space": space})
    assert style.one(18).replace(NBSP, " ") == one
    assert NBSP in style.one(18) and " " not in style.one(18)  # never broken across lines
    assert style.several([(151, None), (152, None)]).replace(NBSP, " ") == several
    assert style.several([(151, "3"), (152, None)]).replace(NBSP, " ") == pinned


def test_the_same_answers_render_in_three_courts_with_references_in_each_courts_words(tmp_path):
    azd = views(tmp_path, MODEL, name="azd")["order-granting"]
    nysd = views(tmp_path, in_court("nysd", "1:12-cv-01183 (SLG)"), name="nysd")["order-granting"]
    cand = views(tmp_path, in_court("cand", "3:12-cv-01183-SLG"), name="cand")["order-granting"]
    assert "Motion for Preservation Order at Docket 21 is DENIED." in azd
    assert "Motion for Preservation Order at ECF No. 21 is DENIED." in nysd
    assert "Motion for Preservation Order at ECF No. 21 is DENIED." in cand
    # citations are footnotes in Arizona, in the text in New York and California
    assert "]: Docket 18 at 7-8." in azd and "(ECF No. 18 at 7-8.)" in nysd + cand
    assert "Docket 18" not in nysd + cand


def test_a_reference_is_never_a_footnote_and_a_plural_citation_uses_the_plural(tmp_path):
    text = in_court("nysd", "1:12-cv-01183 (SLG)").replace(
        "Order at [[@21]] is DENIED.", "Order at [[@21]] is DENIED, as [[@21; 22]] show.[[21; 22]]", 1)
    order = views(tmp_path, text)["order-granting"]
    assert "Order at ECF No. 21 is DENIED, as ECF Nos. 21, 22 show. (ECF Nos. 21, 22.)" in order


def test_a_judges_own_citation_form_and_the_answers_override(tmp_path):
    text = in_court("nysd", "7:12-cv-01183 (KMK)").replace("judge: Sharon L. Gleason", "judge: Kenneth M. Karas")
    assert "Kenneth M. Karas" in text
    order = views(tmp_path, text, name="karas")["order-granting"]
    assert "at Dkt. No. 21 is DENIED" in order and "ECF No." not in order
    own = text.replace("schema_version: 1\n", "schema_version: 1\ncitation:\n  word: Doc.\n", 1)
    order = views(tmp_path, own, name="own")["order-granting"]
    assert "at Doc. 21 is DENIED" in order and "Dkt. No." not in order


def test_a_reference_with_a_parenthetical_is_refused_with_its_line(tmp_path):
    from assembler.errors import AnswersError

    text = MODEL.replace("Order at [[@21]] is DENIED.", "Order at [[@21 (quoting x)]] is DENIED.", 1)
    with pytest.raises(AnswersError, match=r"line \d+.*takes no parenthetical"):
        load_matter(write(tmp_path, "bad.yaml", text))
