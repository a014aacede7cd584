"""Forms that follow the court and the judge: citation forms, in-text references, order shapes."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter, render_matter, text_view
from assembler.law.courts import load_court

NBSP = "\u00a0"
MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")


def in_court(court: str, number: str, text: str = MODEL) -> str:
    out = text.replace("court: azd", f"court: {court}", 1).replace(
        "number: 2:12-CV-01183-PHX-SLG", f"number: {number}", 1
    )
    assert f"court: {court}" in out and number in out
    return out


def views(tmp_path, text: str, documents=("motion", "order-granting"), name="case") -> dict[str, str]:
    matter = load_matter(write(tmp_path, f"{name}.yaml", text))
    paths = render_matter(matter, tmp_path / name, list(documents), force=True)
    return {p.stem: text_view(p, line_break=" ").replace(NBSP, " ") for p in paths}


@pytest.mark.parametrize(
    "word, space, one, several, pinned",
    [
        ("ECF No.", True, "ECF No. 18", "ECF Nos. 151, 152", "ECF No. 151 at 3; ECF No. 152"),
        ("Dkt. No.", True, "Dkt. No. 18", "Dkt. Nos. 151, 152", "Dkt. No. 151 at 3; Dkt. No. 152"),
        ("Dkt. #", False, "Dkt. #18", "Dkt. #151; Dkt. #152", "Dkt. #151 at 3; Dkt. #152"),
        ("dkt.", True, "dkt. 18", "dkt. 151, 152", "dkt. 151 at 3; dkt. 152"),
        ("Docket", True, "Docket 18", "Docket 151; Docket 152", "Docket 151 at 3; Docket 152"),
    ],
)
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
        "Order at [[@21]] is DENIED.", "Order at [[@21]] is DENIED, as [[@21; 22]] show.[[21; 22]]", 1
    )
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


KARAS = in_court("nysd", "7:12-cv-01183 (KMK)").replace("judge: Sharon L. Gleason", "judge: Kenneth M. Karas")


@pytest.fixture
def judges_yaml(monkeypatch):
    """``set(entry)``: data/judges.yaml read as giving ``entry`` for Judge Karas."""
    from assembler import packaged
    from assembler.law.forms import judges

    real = packaged.read

    def set_entry(entry: dict) -> None:
        judges.cache_clear()
        data = {"nysd": {"Kenneth M. Karas": {**entry, "source": "his orders"}}}
        monkeypatch.setattr(packaged, "read", lambda name: data if name == "judges.yaml" else real(name))

    yield set_entry
    judges.cache_clear()


@pytest.mark.parametrize(
    "citation, message",
    [
        (
            {"word": "Dkt No", "placement": "sideways"},
            "data/judges.yaml: nysd.\"Kenneth M. Karas\".citation.word: Input should be 'Docket', ",
        ),
        (
            {"placement": "sideways"},
            "data/judges.yaml: nysd.\"Kenneth M. Karas\".citation.placement: Input should be 'footnote' or "
            "'inline' (given 'sideways')",
        ),
        (
            {"space": False},  # over the court's word, ECF No., which always takes a space
            'data/judges.yaml: nysd."Kenneth M. Karas".citation: “ECF No.” is always followed by a space',
        ),
    ],
)
def test_a_bad_judges_entry_is_refused_in_one_sentence(tmp_path, judges_yaml, citation, message):
    from assembler.errors import DataError

    judges_yaml({"citation": citation})
    with pytest.raises(DataError) as caught:
        load_matter(write(tmp_path, "karas.yaml", KARAS))
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_a_valid_judges_entry_still_applies(tmp_path, judges_yaml):
    judges_yaml({"citation": {"word": "Doc.", "placement": "footnote"}, "order": {"closing": "ordered"}})
    matter = load_matter(write(tmp_path, "karas.yaml", KARAS))
    assert (matter.citation.word, matter.citation.placement, matter.citation.verified) == ("Doc.", "footnote", True)
    assert matter.citation.source == "Kenneth M. Karas: his orders"
    order = views(tmp_path, KARAS, name="karas")["order-granting"]
    assert "at Doc. 21 is DENIED" in order and "]: Doc. 18 at 7-8." in order  # a footnote
    assert "SO ORDERED." not in order and "it is ORDERED" in order  # the judge's closing over nysd's


def test_the_answers_word_without_a_space_must_be_one_courts_print_so(tmp_path):
    from assembler.errors import AnswersError

    text = KARAS.replace("schema_version: 1\n", "schema_version: 1\ncitation:\n  space: false\n", 1)
    with pytest.raises(AnswersError, match=r"line \d+: citation: “Dkt. No.” is always followed by a space"):
        load_matter(write(tmp_path, "bad.yaml", text))
    ok = text.replace("  space: false\n", "  word: 'Dkt. #'\n  space: false\n", 1)
    assert load_matter(write(tmp_path, "ok.yaml", ok)).citation.one(21) == "Dkt.\u00a0#21"


def test_a_reference_with_a_parenthetical_is_refused_with_its_line(tmp_path):
    from assembler.errors import AnswersError

    text = MODEL.replace("Order at [[@21]] is DENIED.", "Order at [[@21 (quoting x)]] is DENIED.", 1)
    with pytest.raises(AnswersError, match=r"line \d+.*takes no parenthetical"):
        load_matter(write(tmp_path, "bad.yaml", text))


ACME = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8")
DOE = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")


def test_a_new_york_order_ends_so_ordered_with_the_place_and_directs_the_clerk(tmp_path):
    text = ACME.replace("  proposed: true\n", "  date: 2024-08-01\n", 1).replace(
        "      overlooked.[[18 at 3-4]]\n",
        "      overlooked.[[18 at 3-4]]\n    clerk:\n      - The Clerk "
        "of Court is respectfully directed to terminate the motion at [[@15]].\n",
        1,
    )
    order = views(tmp_path, text, ("order-denying",))["order-denying"]
    tail = order[order.index("[Body Text] For the foregoing reasons") :].splitlines()
    assert tail[:5] == [
        "[Body Text] For the foregoing reasons, Acme Broadband’s Motion for Reconsideration of the June 5, "
        "2024 Order Granting Plaintiff’s Motion for Expedited Discovery and Preservation is DENIED.",
        "[Body Text] This Court’s June 5, 2024 Order Granting Plaintiff’s Motion for Expedited Discovery and "
        "Preservation at ECF No. 12 remains in effect.",
        "[Body Text] The Clerk of Court is respectfully directed to terminate the motion at ECF No. 15.",
        "[Body Text] SO ORDERED.",
        "[Dated Line] Dated: New York, New York",
    ]
    assert tail[5] == "[Dated Line] August 1, 2024"
    assert "[List Number]" not in order and "it is ORDERED" not in order


def test_the_answers_shape_the_order_without_headings_and_with_a_legal_standard(tmp_path):
    text = DOE.replace(
        "ruling:\n",
        "ruling:\n  form:\n    headings: false\n    legal_standard: true\n"
        "    closing: it-is-so-ordered\n    dated: dated\n",
        1,
    )
    order = views(tmp_path, text, ("order-granting",))["order-granting"]
    assert "[Heading 1]" not in order
    assert "“[t]he Court will ordinarily deny a motion for reconsideration" in order  # LRCiv 7.2(g)
    lines = order.splitlines()
    closing = lines.index("[Body Text] IT IS SO ORDERED.")
    assert lines[closing - 1].endswith("is QUASHED.") and not lines[closing - 1].startswith("[List")
    assert lines[closing + 1] == "[Dated Line] Dated: July 15, 2024"
    model = views(tmp_path, MODEL, ("order-granting",), name="model")["order-granting"]
    assert "[Heading 1] Factual and Procedural Background" in model
    assert "[Body Text] DATED this 13^th^ day of November, 2012." in model


def test_wording_slips(tmp_path):
    # a movant named as its short name is not defined twice: "filed by Defendants (“Defendants”)"
    text = DOE.replace(
        "  name: Defendant John Doe\n  short_name: Defendant\n", "  name: Defendant\n  short_name: Defendant\n", 1
    )
    order = views(tmp_path, text, ("order-granting",), name="same")["order-granting"]
    assert "is filed by Defendant. For the reasons" in order and "(“Defendant”)" not in order
    # "Non-party Acme Broadband, Inc." says it itself: no "who is not a party" after it
    one_paper = re.sub(r"  notice:\n(    .*\n)+", "", ACME)  # Arizona: the motion is one paper
    assert "notice:" not in one_paper
    motion = views(
        tmp_path,
        one_paper.replace("court: nysd", "court: azd").replace("1:24-cv-05678 (ABC)", "2:24-cv-05678-PHX-ABC"),
        ("motion",),
        name="acme",
    )["motion"]
    assert "Non-party Acme Broadband, Inc. (“Acme Broadband”) respectfully moves" in motion
    assert "who is not a party" not in motion
    # the opponent states the court's standard, not the movant's own
    own = DOE.replace("motion:\n", "motion:\n  standard: A MOVANT-ONLY STANDARD applies.\n", 1)
    drafted = views(tmp_path, own, ("motion", "response"), name="own")
    assert "A MOVANT-ONLY STANDARD" in drafted["motion"]
    assert "A MOVANT-ONLY STANDARD" not in drafted["response"]
    assert "Under LRCiv 7.2(g)" in drafted["response"]
    # the Court's aside stays out of the plaintiff's own response (party_background)
    model = views(tmp_path, MODEL, ("response", "order-granting"), name="model")
    assert "which had not sought to amend its Complaint" in model["order-granting"]
    assert "which had not sought to amend its Complaint" not in model["response"]
    assert "On August 15, 2012, CP Productions filed an *Ex Parte* Motion for Preservation Order." in model["response"]


def caption_of(view: str) -> list[str]:
    return [line.split("] ", 1)[-1] if "] " in line else "" for line in view.splitlines() if line.startswith("| r1c")]


def test_captions_et_al_and_other_roles_division_label_and_consolidated_numbers(tmp_path):
    text = ACME.replace("court: nysd", "court: cand").replace("1:24-cv-05678 (ABC)", "C 11-4735 SBA (pr)")
    text = text.replace("case:\n", "case:\n  label: No.\n  division: Oakland\n  consolidated: [C 11-5000 SBA]\n", 1)
    text = text.replace(
        "    - name: John Doe 2\n",
        "    - name: John Doe 2\n    - name: John Doe 3\n"
        "  others:\n    - name: State of California\n      role: Intervenor\n",
        1,
    )
    lines = caption_of(views(tmp_path, text, ("motion",), name="full")["motion"])
    assert ["JOHN DOE 1;", "JOHN DOE 2;", "and JOHN DOE 3,"] == [x for x in lines if "JOHN DOE" in x]
    assert lines[lines.index("and JOHN DOE 3,") + 2 :][:6] == ["Defendants,", "", "and", "", "STATE OF CALIFORNIA,", ""]
    assert "Intervenor." in lines
    assert ["No. C 11-4735 SBA (pr)", "No. C 11-5000 SBA", "(Consolidated)"] == lines[-3:]
    motion = views(tmp_path, text, ("motion",), name="full2")["motion"]
    assert "[Court Title] OAKLAND DIVISION" in motion
    short = views(tmp_path, text.replace("parties:\n", "parties:\n  et_al: true\n", 1), ("motion",), name="etal")[
        "motion"
    ]
    assert [x for x in caption_of(short) if "DOE" in x] == ["JOHN DOE 1, et al.,"]
    # a consolidated number the court's forms do not know is refused with its line
    from assembler.errors import AnswersError

    with pytest.raises(AnswersError, match=r"line \d+: case.consolidated.0"):
        load_matter(write(tmp_path, "bad.yaml", text.replace("[C 11-5000 SBA]", "[nonsense-12]")))


def test_new_york_files_a_notice_of_motion_and_memoranda_of_law(tmp_path):
    from assembler.errors import OutputError
    from assembler.papers.registry import allowed as allowed_documents

    matter = load_matter(EXAMPLES / "acme-nysd.yaml")
    assert allowed_documents(matter, ["motion", "response"], explicit=False)[0] == ["notice", "motion", "response"]
    text = ACME.replace("    # courtroom: Courtroom 21D\n", "    courtroom: Courtroom 21D\n", 1).replace(
        "    # returnable: July 11, 2024, at 10:00 a.m.", "    returnable: July 11, 2024, at 10:00 a.m.  #", 1
    )
    assert "    courtroom: Courtroom 21D\n" in text
    drafted = views(tmp_path, text, ("notice", "motion", "response", "reply"))
    assert (
        "before the Honorable Avery B. Chen, United States District Judge, at the United States "
        "Courthouse, 500 Pearl Street, New York, New York 10007, Courtroom 21D, on July 11, 2024, at "
        "10:00 a.m., under Local Civil Rule 6.3, for reconsideration of"
    ) in drafted["notice"]
    assert "[Block Text] TO:" in drafted["notice"]
    assert "[Paper Title] MEMORANDUM OF LAW IN SUPPORT OF ACME BROADBAND’S" in drafted["motion"]
    assert "MEMORANDUM OF POINTS AND AUTHORITIES" not in drafted["motion"]
    assert "[Paper Title] EXAMPLE STUDIOS’ MEMORANDUM OF LAW IN OPPOSITION" in drafted["response"]
    assert "this Reply Memorandum of Law in further support of" in drafted["reply"]
    # no counsel block above the caption in New York (the profile's counsel_block)
    assert not drafted["motion"].startswith("[Block Text]")
    # Arizona files one paper: a notice asked for by name is refused, saying why
    azd = load_matter(EXAMPLES / "cp-productions.yaml")
    with pytest.raises(OutputError, match=r"files the motion as one paper \(LRCiv 7.2\(b\)"):
        allowed_documents(azd, ["notice"], explicit=True)
    assert allowed_documents(azd, ["motion"], explicit=False)[0] == ["motion"]


def section(view: str, style: str) -> list[str]:
    return [
        line.split("] ", 1)[1] if "] " in line else "" for line in view.splitlines() if line.startswith(f"[{style}]")
    ]


def test_two_attorneys_of_one_firm_print_the_firm_and_address_once(tmp_path):
    text = DOE.replace(
        """        phone: (602) 555-0145
""",
        """        phone: (602) 555-0145
      - name: Jordan E. Second
        bar_number: "056789"
        firm: Advocate Law Group
        address: [200 North First Avenue, "Phoenix, Arizona 85003"]
        email: jordan@advocate.example
        phone: (602) 555-0145
""",
        1,
    )
    response = views(tmp_path, text, ("response",))["response"]
    assert section(response, "Block Text")[:9] == [
        "Morgan C. Advocate (Bar No. 045678)",
        "Jordan E. Second (Bar No. 056789)",
        "Advocate Law Group",
        "200 North First Avenue",
        "Phoenix, Arizona 85003",
        "Telephone: (602) 555-0145",
        "E-mail: morgan@advocate.example",
        "E-mail: jordan@advocate.example",
        "Attorney for Plaintiff Example Films, LLC",
    ]
    signature = section(response, "Signature")
    assert signature.count("Advocate Law Group") == 1 and signature.count("200 North First Avenue") == 1
    assert signature[:4] == [
        "Advocate Law Group",
        "By: /s/ Morgan C. Advocate",
        "Morgan C. Advocate (Bar No. 045678)",
        "Jordan E. Second (Bar No. 056789)",
    ]


def test_a_pro_se_party_signs_for_itself_and_serves_by_mail(tmp_path):
    text = DOE.replace(
        """    represents: Attorney for Defendant John Doe
    attorneys:
      - name: Pat A. Lawyer
        bar_number: "034567"
""",
        """    represents: Defendant, pro se
    pro_se: true
    attorneys:
      - name: John Doe
""",
        1,
    )
    motion = views(tmp_path, text, ("motion",))["motion"]
    assert section(motion, "Block Text")[:6] == [
        "John Doe",
        "100 West Adams Street",
        "Phoenix, Arizona 85003",
        "Telephone: (602) 555-0123",
        "E-mail: pat@lawyer.example",
        "Defendant, pro se",
    ]
    assert "Bar No." not in motion.split("[Paper Title]")[0]
    assert "By: /s/" not in motion and "[Signature] /s/ John Doe" in motion
    assert "I served the attached document by first-class mail, postage prepaid, on:" in motion
    assert "CM/ECF" not in motion
    served = motion[motion.index("postage prepaid, on:") :]
    assert "Morgan C. Advocate (Bar No. 045678)" in served and "200 North First Avenue" in served
    from assembler.errors import AnswersError

    with pytest.raises(AnswersError, match="a pro se filer has no bar number"):
        load_matter(
            write(
                tmp_path,
                "bad.yaml",
                text.replace("      - name: John Doe\n", "      - name: John Doe\n        bar_number: '1'\n", 1),
            )
        )


FREE_TEXT = """    text: |
      Rule 26(d)(1) is plain:

      > “A party may not seek discovery from any source before the parties have
      > conferred as required by Rule 26(f).” Fed. R. Civ. P. 26(d)(1).

      ### The Order Skips Three Steps

      The ordinary course has three steps:

      1. identify the defendant;[[6 at 3]]
      2. serve the complaint; and
      3. confer under Rule 26(f).

      (a) None was taken here.
"""


def test_block_quotes_lists_and_sub_headings_in_typed_text(tmp_path):
    text = DOE.replace("  - id: premature-discovery\n", "  - id: premature-discovery\n" + FREE_TEXT, 1)
    motion = views(tmp_path, text, ("motion",))["motion"]
    assert (
        "[Block Quote] “A party may not seek discovery from any source before the parties have "
        "conferred as required by Rule 26(f).” Fed. R. Civ. P. 26(d)(1)."
    ) in motion
    assert "[Heading 3] The Order Skips Three Steps" in motion
    assert "[List Item] 1.\tidentify the defendant;[^" in motion
    assert "[List Item] 3.\tconfer under Rule 26(f)." in motion
    assert "[List Item] (a)\tNone was taken here." in motion
    assert "> “A party" not in motion and "###" not in motion
    # on pleading paper the quotation stays single-spaced (Civil L.R. 3-4(c))
    import zipfile

    cand = text.replace("court: azd", "court: cand").replace("2:24-cv-01234-PHX-ABC", "3:24-cv-01234-ABC")
    (path,) = render_matter(load_matter(write(tmp_path, "cand.yaml", cand)), tmp_path / "cand", ["motion"])
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    import re

    quote = re.search(r'w:styleId="BlockQuote".*?</w:style>', styles, re.S).group(0)
    assert 'w:line="240"' in quote and 'w:lineRule="exact"' in quote


def test_titles_and_the_defined_term_follow_the_answers(tmp_path):
    text = DOE.replace(
        "  title: Order Granting Plaintiff's Motion for Leave",
        "  defined: Subpoena Order\n  title: Order Granting Plaintiff's Motion for Leave",
        1,
    )
    text = text.replace("motion:\n", "motion:\n  title: Motion to Reconsider the Subpoena Order\n", 1)
    text = text.replace("ruling:\n", "ruling:\n  form:\n    title: Memorandum Opinion and Order\n    re: true\n", 1)
    drafted = views(tmp_path, text, ("motion", "response", "order-granting"))
    assert "[Paper Title] MOTION TO RECONSIDER THE SUBPOENA ORDER" in drafted["motion"]
    assert "(the “Subpoena Order”), entered at Docket 10" in drafted["motion"]
    # the library's headings and texts use the defined term
    assert "A.\tThe Subpoena Order Rests on a Manifest Error of Law or Fact" in drafted["motion"]
    assert "RESPONSE IN OPPOSITION TO DEFENDANT’S MOTION TO RECONSIDER THE SUBPOENA ORDER" in drafted["response"]
    order = drafted["order-granting"]
    assert "[Paper Title] MEMORANDUM OPINION AND ORDER\n[Re Line] Re: Docket 12" in order


def test_papers_cited_by_name_where_the_answers_name_them(tmp_path):
    text = (EXAMPLES / "edtex-sherman.yaml").read_text(encoding="utf-8")
    order = views(tmp_path, text, ("order-granting",))["order-granting"]
    assert "(Defs.’ Mot. 3-6 (Dkt. #15).)" in order and "(Dkt. #8 at 2-4.)" in order  # #8 has no name
    plain = views(tmp_path, text.replace("  names: true", "  names: false"), ("order-granting",), name="plain")[
        "order-granting"
    ]
    assert "(Dkt. #15 at 3-6.)" in plain and "Defs.’ Mot." not in plain
