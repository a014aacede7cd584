"""Case citations checked: eyecite's normalized form offered, unknown reporters and vacated
decisions cited without their history warned, eyecite imported only for a text that needs it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib.metadata import version

import pytest
from conftest import EXAMPLES, write

from assembler.checks import check
from assembler.law.caselaw import findings, library_texts

AF = "*AF Holdings LLC v. Does 1-1,058*, No. 12-cv-00048 (D.D.C. Aug. 6, 2012)"


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("See *Foo v. Bar*, 5 F. 3d 1255, 1260 (9th Cir. 1993).", "5 F.3d 1255"),
        ("*Baz v. Qux*, 123 F.Supp.2d 45 (D. Ariz. 2000).", "123 F. Supp. 2d 45"),
        ("*Baz v. Qux*, 12 F. R. D. 45 (D. Ariz. 1952).", "12 F.R.D. 45"),
    ],
)
def test_a_citation_not_in_its_reporters_form_gets_the_normalized_one(text, normal):
    (found,) = findings(text)
    assert f"“{normal}”" in found.message and "standard form" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "*Gonzalez v. Crosby*, 545 U.S. 524, 535 (2005).",
        "*Pac. Century Int’l Ltd. v. John Does 1-37*, 282 F.R.D. 189, 195 n.13 (N.D. Ill. 2012)",
        "*Templet v. HydroChem Inc.*, 367 F.3d 473, 478-79 (5th Cir. 2004)",
        "28 U.S.C. § 636(c)(1); Fed. R. Civ. P. 59(e); Docket 10 at 3; 2012 WL 123456.",
        "The order at Docket 31 was entered on June 5, 2024 (ECF No. 31).",
    ],
)
def test_citations_in_their_standard_form_and_other_text_pass(text):
    assert findings(text) == []


def test_a_full_citation_to_a_reporter_eyecite_does_not_know_is_warned():
    (found,) = findings("*Zed v. Y*, 12 Foo. Rptr. 45, 47 (D. Ariz. 2001).")
    assert "“Foo. Rptr.” is not a reporter eyecite knows" in found.message


def test_a_vacated_decision_cited_without_its_history_is_warned_in_a_later_paper():
    (found,) = findings(f"See {AF}.", dated=dt.date(2024, 6, 20))
    assert "vacated" in found.message and "752 F.3d 990 (D.C. Cir. 2014)" in found.message


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        (f"See {AF}, vacated, 752 F.3d 990 (D.C. Cir. 2014).", dt.date(2024, 6, 20)),
        (f"See {AF}, *vacated*, 752 F.3d 990 (D.C. Cir. 2014).", dt.date(2024, 6, 20)),
        (f"See {AF}.", dt.date(2012, 9, 14)),  # a paper of 2012: the order then stood
        ("*AF Holdings, LLC v. Does 1-1058*, 752 F.3d 990 (D.C. Cir. 2014)", dt.date(2024, 6, 20)),
    ],
)
def test_its_history_given_or_a_paper_from_before_it_is_not_warned(text, dated):
    assert findings(text, dated=dated) == []


def test_every_library_text_cites_its_cases_in_standard_form_with_their_history():
    """The library is checked here, by eyecite, so that ``check`` reads it for history only."""
    texts = library_texts()
    assert texts
    assert {ground: findings(text) for ground, text in texts.items() if findings(text)} == {}


def test_check_shows_a_typed_5_f_3d_with_its_normalized_form_file_and_line(tmp_path):
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    answers = write(
        tmp_path,
        "case.yaml",
        text.replace("\nmotion:\n", "\nmotion:\n  standard: See *Foo v. Bar*, 5 F. 3d 1255 (9th Cir. 1993).\n", 1),
    )
    report = check(answers, draft=False)
    messages = [str(w) for w in report.warnings if "5 F. 3d 1255" in str(w)]
    assert len(messages) == 1
    assert "“5 F.3d 1255”" in messages[0] and "motion.standard" in messages[0] and "line" in messages[0]


def test_text_without_a_citations_shape_never_imports_eyecite():
    code = (
        "import sys; from assembler.law.caselaw import findings; "
        "assert findings('The order at Docket 31 (ECF No. 31) stands.') == []; "
        "print('eyecite' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_long_text_is_read_by_eyecite_around_its_citations_only(monkeypatch):
    from assembler.law import caselaw

    given: list[int] = []
    real = caselaw._citations

    def citations(text: str):
        given.append(len(text))
        return real(text)

    monkeypatch.setattr(caselaw, "_citations", citations)
    monkeypatch.setattr(caselaw, "_cache", dict)  # nothing read before
    caselaw._parsed_window.cache_clear()
    filler = "The Court has considered the motion and the record. " * 20_000  # about 1 MB
    found = findings(filler + "See *Foo v. Bar*, 5 F. 3d 1255 (9th Cir. 1993). " + filler)
    assert [f.text for f in found] == ["5 F. 3d 1255"]
    assert given and max(given) < 1_000


CHECK_TWICE = (
    "import sys; from assembler.law.caselaw import findings; "
    "print([f.message for f in findings('See *Foo v. Bar*, 5 F. 3d 1255 (9th Cir. 1993).')]); "
    "print('eyecite' in sys.modules)"
)


def test_a_text_checked_again_is_read_from_the_cache_without_eyecite(tmp_path):
    import os

    env = {**os.environ, "ASSEMBLER_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", CHECK_TWICE], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    (first_found, first_imported), (again_found, again_imported) = (r.stdout.splitlines() for r in runs)
    assert "5 F.3d 1255" in first_found and again_found == first_found
    assert (first_imported, again_imported) == ("True", "False")
    assert [p.name for p in (tmp_path / "cache").glob("eyecite-*")] == [
        f"eyecite-{version('eyecite')}-{version('reporters-db')}.json"
    ]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    import os

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "ASSEMBLER_CACHE": str(blocked)}
    run = subprocess.run([sys.executable, "-c", CHECK_TWICE], capture_output=True, text=True, check=True, env=env)
    assert "5 F.3d 1255" in run.stdout.splitlines()[0]
