"""No-break spaces inside rule, statute and reporter citations and a case number's initials;
ordinary prose keeps its spaces.  "~" below stands for a no-break space."""

from __future__ import annotations

import zipfile

import pytest
from conftest import EXAMPLES

from assembler.papers.nobreak import nobreak


@pytest.mark.parametrize(
    "typed, printed",
    [
        # federal rules
        ("Fed. R. Civ. P. 54(b)", "Fed.~R.~Civ.~P.~54(b)"),
        ("under Fed. R. Civ. P. 26(d)(1), except", "under Fed.~R.~Civ.~P.~26(d)(1), except"),
        ("Fed. R. App. P. 4(a)", "Fed.~R.~App.~P.~4(a)"),
        ("Fed. R. Evid. 702", "Fed.~R.~Evid.~702"),
        # local rules and rules by number
        ("L.R. 7-9", "L.R.~7-9"),
        ("under Civil L.R. 7-9 for leave", "under Civil~L.R.~7-9 for leave"),
        ("LRCiv 7.2(g)", "LRCiv~7.2(g)"),
        ("L. Civ. R. 7.1(i)", "L.~Civ.~R.~7.1(i)"),
        ("Local Civil Rule 6.3", "Local~Civil~Rule~6.3"),
        ("Local Rule CV-7(k)", "Local~Rule~CV-7(k)"),
        ("LR 7.1", "LR~7.1"),
        ("a Rule 26(f) conference", "a Rule~26(f) conference"),
        ("Rules 59(e) and 60(b)", "Rules~59(e) and 60(b)"),
        # statutes and sections
        ("§ 636(c)", "§~636(c)"),
        ("28 U.S.C. § 636(c)(1)", "28~U.S.C.~§~636(c)(1)"),
        ("28 U.S.C. §§ 1331, 1332", "28~U.S.C.~§§~1331, 1332"),
        ("37 C.F.R. § 1.56", "37~C.F.R.~§~1.56"),
        # reporters
        ("5 F.3d 1255", "5~F.3d~1255"),
        (
            "Kona Enters., Inc. v. Estate of Bishop, 229 F.3d 877, 890 (9th Cir. 2000).",
            "Kona Enters., Inc. v. Estate of Bishop, 229~F.3d~877, 890 (9th Cir. 2000).",
        ),
        ("282 F.R.D. 189, 195 n.13", "282~F.R.D.~189, 195 n.13"),
        ("123 F. Supp. 2d 456", "123~F.~Supp.~2d~456"),
        ("544 U.S. 280", "544~U.S.~280"),
        ("131 S. Ct. 2541", "131~S.~Ct.~2541"),
        ("2012 WL 123456", "2012~WL~123456"),
        ("2012 U.S. Dist. LEXIS 12345", "2012~U.S.~Dist.~LEXIS~12345"),
        ("500 F. App’x 10", "500~F.~App’x~10"),
        # a case number's initials
        ("Case No. 1:24-cv-05678 (DKM)", "Case No. 1:24-cv-05678~(DKM)"),
        ("06 Civ. 1405 (LAK) (KNF)", "06~Civ.~1405~(LAK)~(KNF)"),
        # ordinary prose keeps its spaces
        ("The Court ruled on May 22, 2024.", "The Court ruled on May 22, 2024."),
        ("Defendant John Doe (“Defendant”) respectfully moves", "Defendant John Doe (“Defendant”) respectfully moves"),
        ("The rule of law is 5 to 4 here.", "The rule of law is 5 to 4 here."),
        ("Pat A. Lawyer (Bar No. 034567)", "Pat A. Lawyer (Bar No. 034567)"),
        ("100 West Adams Street, Suite 9", "100 West Adams Street, Suite 9"),
        ("1 E. Washington St. 5th Floor", "1 E. Washington St. 5th Floor"),
        ("Telephone: (602) 555-0123", "Telephone: (602) 555-0123"),
        ("the Federal Rules of Civil Procedure", "the Federal Rules of Civil Procedure"),
        ("Rule of Civil Procedure", "Rule of Civil Procedure"),
        ("in 10 days, not 14", "in 10 days, not 14"),
        ("Acme Broadband, Inc. (“Acme”)", "Acme Broadband, Inc. (“Acme”)"),
    ],
)
def test_citations_hold_together_and_prose_keeps_its_spaces(typed, printed):
    assert nobreak(typed) == printed.replace("~", "\u00a0")
    assert nobreak(nobreak(typed)) == nobreak(typed)  # once is enough


def test_typed_text_and_template_text_both_get_them(drafts_of):
    """In typed text (a footnote's case cite, the standard) and in what the templates print
    (the rule's citation, the case number in the caption)."""
    nbsp = "\u00a0"
    with zipfile.ZipFile(drafts_of("cp-productions")["motion"]) as archive:
        document = archive.read("word/document.xml").decode()
    assert f"229{nbsp}F.3d{nbsp}877" in document and f"LRCiv{nbsp}7.2(g)" in document
    with zipfile.ZipFile(drafts_of("acme-nysd")["motion"]) as archive:
        document = archive.read("word/document.xml").decode()
    assert f"1:24-cv-05678{nbsp}(ABC)" in document and f"Local{nbsp}Civil{nbsp}Rule{nbsp}6.3" in document
    assert f"Fed.{nbsp}R.{nbsp}Civ.{nbsp}P.{nbsp}45(d)(3)(A)(iv)" in document


def _every_pattern(text: str) -> str:
    """nobreak without its shortcuts: every pattern applied to every text."""
    from assembler.papers.nobreak import PATTERNS, _join

    for _, pattern in PATTERNS:
        text = pattern.sub(_join, text)
    return text


def test_the_shortcuts_change_no_text_of_the_examples_or_the_library():
    from assembler.answers.matter import _markup_fields, load_matter
    from assembler.papers.nobreak import nobreak

    texts = [
        "Fed. R. Civ. P. 54(b) and Civil L.R. 7-9, Local Rule CV-7(k), 28 U.S.C. § 636(c)(1), § 1331",
        "5 F.3d 1255, 123 F. Supp. 2d 456, 2012 WL 123456, 1:24-cv-05678 (ABC) (KNF), Rules 59(e)",
        "no citation at all, Docket 10 at 3",
    ]
    for file in sorted(EXAMPLES.glob("*.yaml")):
        texts += [value for _, value in _markup_fields(load_matter(file).answers, ())]
    for grounds in sorted((EXAMPLES.parent / "assembler" / "data" / "grounds").glob("*.yaml")):
        texts += grounds.read_text(encoding="utf-8").splitlines()
    for text in texts:
        assert nobreak(text) == _every_pattern(text), text
