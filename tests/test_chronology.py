"""A draft chronology from the docket (#20 part 4): each entry's sentence, true for the case, offered
to keep, edit or empty, marked "# suggested" until the lawyer answers, and said by check until then."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from interview_driver import ExampleUser

from assembler.answers.reader import load_source
from assembler.cli import cli
from assembler.docket.chronology import sentence
from assembler.docket.clean import clean_title, plain_name, told_title

DOCKETS = EXAMPLES.parent / "tests" / "fixtures" / "dockets"


@pytest.mark.parametrize(
    "clerk, told",
    [
        # fee and receipt text, both courts' ways, and the filer's tail
        (
            "COMPLAINT against Trustees of Deerfield Academy Filing fee: $ 400, receipt number 0101-6856303 (Fee "
            "Status: Filing Fee paid), filed by Sonja Krusic O'Donnell. (Attachments: # 1 Civil Cover Sheet)"
            "(Quinn-Judge, Emma) (Entered: 10/25/2017)",
            "Complaint against Trustees of Deerfield Academy",
        ),
        (
            "COMPLAINT against Acme, LLC. (Filing Fee $ 402.00, Receipt Number ANYSDC-23154034)",
            "Complaint against Acme, LLC",
        ),
        (
            "APPLICATION to Appear Pro Hac Vice by Attorney Uma Bansal. Fee pd., 6-1-10829",
            "Application to Appear *Pro Hac Vice* by Attorney Uma Bansal",
        ),
        # the clerk's capitals, a docket number in running text, the Latin in italics
        ("ORDER REFERRING CASE TO MAGISTRATE JUDGE", "Order Referring Case to Magistrate Judge"),
        (
            "ORDER granting 41 Letter Motion for Extension of Time to File",
            "Order granting the Letter Motion for Extension of Time to File",
        ),
        ("ORDER denying 48 . Plaintiff's application to adjourn the conference is denied", "Order denying [[@48]]"),
        (
            "ANSWER to 1 Complaint with JURY DEMAND. Document filed by Acme, LLC",
            "Answer to the Complaint with Jury Demand",
        ),
        (
            "Ex Parte Motion for Leave to Take Discovery Prior to Rule 26(f) Conference",
            "*Ex Parte* Motion for Leave to Take Discovery Prior to Rule 26(f) Conference",
        ),
        ("MOTION to Strike 1 Complaint, by Trustees of Deerfield Academy", "Motion to Strike the Complaint"),
        # a party the clerk wrote in capitals, as the answers write it; markup characters escaped
        (
            "NOTICE OF APPEARANCE on behalf of TRUSTEES OF DEERFIELD ACADEMY [Unopposed]",
            "Notice of Appearance on behalf of Trustees of Deerfield Academy \\[Unopposed\\]",
        ),
    ],
)
def test_an_entrys_title_is_told_without_the_clerks_noise(clerk, told):
    assert told_title(clerk, ["Trustees of Deerfield Academy"]) == told


def test_the_import_and_the_chronology_clean_with_one_function():
    from assembler.docket import mapping

    assert mapping.clean_title is clean_title
    assert plain_name("Ms.  Sonja Krusic O'Donnell") == "Sonja Krusic O'Donnell" and plain_name("Mr. Ed") == "Ed"


def test_the_issues_sentence_from_the_model_case():
    data = load_source(EXAMPLES / "cp-productions.yaml").data
    rows = {row["number"]: row for row in data["docket"]}
    assert sentence(data, rows[5]) == (
        "CP Productions filed an *Ex Parte* Motion for Leave to Take Discovery Prior to Rule 26(f) Conference.[[5]]"
    )
    assert sentence(data, rows[1]) == "CP Productions filed the Complaint.[[1]]"
    assert sentence(data, rows[13]) == (
        "the Court entered an Order Granting Plaintiff's *Ex Parte* Motion for Protective Order.[[13]]"
    )
    assert sentence(data, rows[18]) == "the ISPs filed a Motion for Reconsideration.[[18]]"  # the movant's short name


def test_an_order_of_another_judge_is_told_as_that_judges(tmp_path):
    data = load_source(EXAMPLES / "magistrate-other-judge.yaml").data
    order = data["order"]
    row = next(row for row in data["docket"] if row["number"] == order["docket"])
    told = sentence(data, row)
    # entered by the district judge; the magistrate judge decides the motion
    assert told == (
        "Judge Riley T. Stone entered an Order Granting Plaintiff's Motion for Leave to Serve a Third-Party "
        "Subpoena.[[10]]"
    )


@pytest.fixture
def molina(tmp_path):
    """The CourtListener transcription of Molina (no juriscraper needed), imported for the defendant."""
    out = tmp_path / "molina.yaml"
    result = CliRunner().invoke(
        cli, ["docket", "import", str(DOCKETS / "molina-courtlistener.json"), "-o", str(out), "--movant", "defendant"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_sentences_from_an_imported_docket_say_only_what_the_docket_does(molina):
    data = load_source(molina).data
    rows = {row["number"]: row for row in data["docket"]}
    assert sentence(data, rows[1]) == (
        "Lenny Molina filed the Complaint against Hornblower Cruises and Events, LLC, Hornblower Group, Inc., "
        "Hornblower New York, LLC.[[1]]"
    )
    assert "Receipt" not in rows[1]["title"] and "Fee" not in rows[1]["title"]
    assert sentence(data, rows[49]) == "the Court entered an Order denying [[@48]].[[49]]"
    assert sentence(data, rows[50]) == (
        "Lenny Molina filed a Consent Motion for Reconsideration re: the Order on Motion to Adjourn Conference, "
        "scheduled for Friday, September 23, 2022.[[50]]"
    )
    # the clerk's text cut short (48), an order the import took for the plaintiff's (51): no sentence
    assert sentence(data, rows[48]) is None and sentence(data, rows[51]) is None


def _interview(file, user):
    from assembler.answers.editor import AnswerFile
    from assembler.interview.engine import Interview
    from assembler.interview.questions import SECTIONS
    from assembler.interview.record import Record

    answers = AnswerFile(file)
    user.file = answers
    return Interview(answers, user, SECTIONS, prefill={}, base={}, today=dt.date(2026, 1, 5), record=Record(file))


def test_a_suggested_sentence_is_offered_marked_until_answered_and_check_says_so(molina):
    """The prompt holds the suggested sentence; Ctrl-C there leaves it in the file marked (check
    names it), and the resumed interview offers it again; kept, the mark goes."""
    from assembler.interview.chronology import confirm_suggestions, offer

    data = load_source(molina).data
    shown: list = []

    def stop_at_the_sentence(prompt):
        shown.append(prompt)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        offer(_interview(molina, ExampleUser(data, {"docket.2.background": stop_at_the_sentence})), 2)
    assert shown[0].default == "the Court entered an Order denying [[@48]].[[49]]"
    assert "suggested from the docket" in shown[0].message
    text = molina.read_text(encoding="utf-8")
    assert "background: the Court entered an Order denying [[@48]].[[49]]  # suggested" in text
    result = CliRunner().invoke(cli, ["check", str(molina)])
    assert "1 value marked “# suggested”" in result.output and "docket.2.background (line" in result.output

    kept = ExampleUser(data, {"docket.2.background": lambda prompt: prompt.default})
    assert confirm_suggestions(_interview(molina, kept))
    assert [prompt.key for prompt, _ in kept.log] == ["docket.2.background"]
    text = molina.read_text(encoding="utf-8")
    assert "# suggested" not in text and "background: the Court entered an Order denying [[@48]].[[49]]\n" in text
    assert "# suggested" not in CliRunner().invoke(cli, ["check", str(molina)]).output


def test_an_edited_or_emptied_suggestion_is_the_lawyers(molina):
    from assembler.interview.chronology import offer

    data = load_source(molina).data
    edited = "Plaintiff filed his Complaint.[[1]]"
    offer(_interview(molina, ExampleUser(data, {"docket.0.background": edited, "add-cited:1": False})), 0)
    offer(_interview(molina, ExampleUser(data, {"docket.3.background": ""})), 3)
    rows = load_source(molina).data["docket"]
    assert rows[0]["background"] == edited and "background" not in rows[3]
    assert "# suggested" not in molina.read_text(encoding="utf-8")
