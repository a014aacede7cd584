"""assembler docket import: real docket pages read into answer files (tests/fixtures/dockets)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assembler.answers.reader import load_source
from assembler.cli import cli

DOCKETS = Path(__file__).resolve().parent / "fixtures" / "dockets"
needs_juriscraper = pytest.mark.skipif(
    __import__("importlib").util.find_spec("juriscraper") is None, reason="juriscraper (the pacer extra)"
)


def page_rows(name: str) -> list[tuple[int, dt.date]]:
    """Every numbered entry of a PACER page, read with a plain regex: the oracle, not the importer."""
    text = (DOCKETS / name).read_text(encoding="utf-8")
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", text, re.S):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if len(cells) == 3 and cells[1].isdigit() and re.fullmatch(r"\d\d/\d\d/\d{4}", cells[0]):
            rows.append((int(cells[1]), dt.datetime.strptime(cells[0], "%m/%d/%Y").date()))
    return rows


def run(*args: str):
    return CliRunner().invoke(cli, ["docket", "import", *args])


@needs_juriscraper
def test_a_pacer_docket_becomes_an_answer_file_with_every_entry_as_on_the_page(tmp_path):
    out = tmp_path / "molina.yaml"
    result = run(str(DOCKETS / "molina-nysd.html"), "-o", str(out), "--movant", "plaintiff")
    assert result.exit_code == 0, result.output
    data = load_source(out).data
    assert data["court"] == "nysd"
    assert data["case"] == {"number": "1:20-cv-10821-GHW", "judge": "Gregory H. Woods"}
    assert data["parties"] == {
        "plaintiffs": [{"name": "Lenny Molina"}],
        "defendants": [
            {"name": "Hornblower Group, Inc."},
            {"name": "Hornblower New York, LLC"},
            {"name": "Hornblower Cruises and Events, LLC"},
        ],
    }
    entries = data["docket"]
    assert [(e["number"], e["date"]) for e in entries] == sorted(set(page_rows("molina-nysd.html")))
    first = entries[0]
    assert first == {
        "number": 1,
        "date": dt.date(2020, 12, 22),
        "filed_by": "plaintiff",
        # the fee and receipt text is the clerk's bookkeeping, not the paper's title
        "title": "COMPLAINT against Hornblower Cruises and Events, LLC, Hornblower Group, Inc., "
        "Hornblower New York, LLC",
    }
    motion = next(e for e in entries if e["number"] == 50)
    assert motion["role"] == "motion" and motion["filed_by"] == "plaintiff"
    assert motion["title"] == (
        "CONSENT MOTION for Reconsideration re; 49 Order on Motion to Adjourn "
        "Conference, scheduled for Friday, September 23, 2022"
    )
    assert next(e for e in entries if e["number"] == 49)["filed_by"] == "court"
    assert data["order"]["docket"] == 49 and data["order"]["date"] == dt.date(2022, 9, 20)
    assert data["motion"] == {"filed": dt.date(2022, 9, 21)}
    assert data["movant"]["side"] == "plaintiff" and data["movant"]["name"] == "Plaintiff Lenny Molina"
    assert data["counsel"]["movant"]["attorneys"] == [
        {
            "name": "Jonathan Shalom",
            "firm": "Shalom Law, PLLC",
            "address": ["105-13 Metropolitan Avenue", "Forest Hills, NY 11375"],
            "phone": "718-971-9474",
            "email": "jonathan@shalomlawny.com",
        }
    ]
    assert [a["name"] for a in data["counsel"]["opponent"]["attorneys"]] == [
        "Ryan Emerson Dempsey",
        "Michael Justin Schacher",
    ]
    assert data["counsel"]["opponent"]["attorneys"][0]["address"] == [
        "500 Mamaroneck Avenue Suite 503",
        "Harrison, NY 10528",
    ]
    # guesses are marked in the file and listed in the summary; what was left out is counted
    text = out.read_text(encoding="utf-8")
    assert "filed_by: plaintiff  # guessed" in text and "role: motion # guessed" in text
    assert "entry 50 looks like the reconsideration motion (guessed)" in result.output
    assert "20 entries without a number (minute entries, notices) left out" in result.output
    assert "not mapped: the referral to Magistrate Judge Ona T. Wang" in result.output


@needs_juriscraper
def test_the_imported_file_checks_once_grounds_and_relief_are_added(tmp_path):
    out = tmp_path / "molina.yaml"
    assert run(str(DOCKETS / "molina-nysd.html"), "-o", str(out), "--movant", "plaintiff").exit_code == 0
    checked = CliRunner().invoke(cli, ["check", str(out), "--documents", "notice,motion"])
    assert checked.exit_code == 1
    assert (
        "it needs motion.relief (what the motion asks), grounds (the motion's argument), "
        "docket.background (the background" in checked.output
    )
    with out.open("a", encoding="utf-8") as f:
        f.write(
            "grounds:\n  - id: new-facts\n    summary: the conference could go ahead by "
            "telephone.[[50]]\n    fills:\n      facts: the conference can go ahead by telephone.\n"
        )
    text = out.read_text(encoding="utf-8").replace(
        "motion:\n", "motion:\n  relief: reconsider its Order and adjourn the conference\n", 1
    )
    text = text.replace(
        "    title: CONSENT LETTER MOTION",
        "    background: Plaintiff asked to adjourn the conference.[[48]]\n    title: CONSENT LETTER MOTION",
        1,
    )
    out.write_text(text, encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(out), "--documents", "notice,motion"])
    assert checked.exit_code == 0, checked.output


@needs_juriscraper
def test_many_parties_and_attorneys_a_magistrate_judge_and_parties_that_are_not_captioned(tmp_path):
    out = tmp_path / "cia.yaml"
    result = run(str(DOCKETS / "creative-internet-txed.html"), "-o", str(out), "--movant", "defendant")
    assert result.exit_code == 0, result.output
    data = load_source(out).data
    assert data["case"] == {
        "number": "6:07-cv-00354-JDL",
        "judge": "John D. Love",
        "judge_title": "United States Magistrate Judge",
    }
    assert data["parties"]["plaintiffs"] == [{"name": "CREATIVE INTERNET ADVERTISING CORPORATION"}]
    assert data["parties"]["defendants"] == [{"name": "Yahoo! Inc"}, {"name": "Time Warner Inc"}]
    assert "not mapped: AOL LLC (Unknown): not a party the caption names" in result.output
    assert "not mapped: James W. Knowles (Mediator)" in result.output
    assert "not mapped: Yahoo! Inc as Counter Claimant (already captioned as a party)" in result.output
    attorneys = data["counsel"]["movant"]["attorneys"]
    assert len(attorneys) > 5 and len({a["name"] for a in attorneys}) == len(attorneys)  # each once
    smith = next(a for a in attorneys if a["name"] == "Brian A E Smith")
    assert smith["firm"] == "Bunsow, De Mory, Smith & Allison LLP"
    assert smith["address"] == ["351 California Street", "Suite 200", "San Francisco, CA 94104"]
    assert smith["phone"] == "415.426.4729" and smith["email"] == "bsmith@bdiplaw.com"  # “&#064;” on the page
    assert [(e["number"], e["date"]) for e in data["docket"]] == sorted(set(page_rows("creative-internet-txed.html")))


@needs_juriscraper
def test_an_intervenor_is_captioned_as_a_party_of_its_role(tmp_path):
    out = tmp_path / "odonnell.yaml"
    result = run(str(DOCKETS / "odonnell-mad.html"), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = load_source(out).data
    assert data["parties"]["others"] == [{"name": "Putative Intervenor", "role": "Intervenor Defendant"}]
    assert data["parties"]["plaintiffs"] == [{"name": "Sonja Krusic O'Donnell"}]  # the page: "Ms.  Sonja ..."
    five = next(e for e in data["docket"] if e["number"] == 5)
    assert five["filed_by"] == "defendant"
    one = next(e for e in data["docket"] if e["number"] == 1)
    assert one["title"] == "COMPLAINT against Trustees of Deerfield Academy"  # no fee, receipt, attachments
    assert "counsel" not in data and "pass --movant plaintiff or --movant defendant" in result.output


def test_a_courtlistener_docket_is_read_without_juriscraper(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "juriscraper", None)  # not needed for JSON
    out = tmp_path / "molina.yaml"
    result = run(str(DOCKETS / "molina-courtlistener.json"), "-o", str(out), "--movant", "plaintiff")
    assert result.exit_code == 0, result.output
    data = load_source(out).data
    assert data["court"] == "nysd" and data["case"]["number"] == "1:20-cv-10821"
    assert [(e["number"], e["date"]) for e in data["docket"]] == [
        (1, dt.date(2020, 12, 22)),
        (48, dt.date(2022, 9, 20)),
        (49, dt.date(2022, 9, 20)),
        (50, dt.date(2022, 9, 21)),
        (51, dt.date(2022, 9, 21)),
    ]
    assert next(e for e in data["docket"] if e["number"] == 50)["role"] == "motion"
    assert data["order"]["docket"] == 49
    assert data["counsel"]["opponent"]["attorneys"][0]["email"] == "rdempsey@gordonrees.com"
    assert "1 entries without a number" in result.output
    meta = run(str(DOCKETS / "nvlsp-courtlistener-docket.json"), "-o", str(tmp_path / "nvlsp.yaml"))
    assert meta.exit_code == 0, meta.output
    nvlsp = load_source(tmp_path / "nvlsp.yaml").data
    assert nvlsp["court"] == "dcd" and nvlsp["case"] == {"number": "1:16-cv-00745", "judge": "Paul L. Friedman"}


def test_without_juriscraper_a_pacer_page_is_one_sentence_saying_how_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "juriscraper", None)
    monkeypatch.setitem(sys.modules, "juriscraper.pacer", None)
    result = run(str(DOCKETS / "molina-nysd.html"), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1
    assert str(result.exception) == (
        "reading a PACER docket needs juriscraper: install the pacer extra "
        '(in the assembler checkout: pip install ".[pacer]")'
    )
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("bankruptcy-alnb.html", None, "is a bankruptcy court's docket (alnb)"),
        ("notes.txt", "just some notes", "not a docket"),
        ("appeal.json", '{"docket_number": "22-1234", "court_id": "ca9"}', "is an appellate court's docket (ca9)"),
        ("broken.json", '{"docket_number": ', "line 1: not valid JSON"),
    ],
)
def test_anything_else_is_refused_with_one_sentence(tmp_path, name, text, message):
    path = DOCKETS / name if text is None else tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    result = run(str(path), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 1 and message in str(result.exception)
    assert "\n" not in str(result.exception) and not (tmp_path / "out.yaml").exists()


@needs_juriscraper
def test_into_adds_new_entries_reports_changes_and_touches_nothing_else(tmp_path):
    out = tmp_path / "molina.yaml"
    assert run(str(DOCKETS / "molina-nysd.html"), "-o", str(out), "--movant", "plaintiff").exit_code == 0
    text = out.read_text(encoding="utf-8")
    # the user's own work: a comment, a changed title, and two entries gone (to come back)
    text = text.replace("schema_version: 1\n", "schema_version: 1\n# my notes stay\n", 1)
    text = text.replace("    title: CIVIL COVER SHEET filed\n", "    title: Civil Cover Sheet\n", 1)
    text = re.sub(r"  - number: 68\n(    .*\n)+", "", text)
    text = re.sub(r"  - number: 67\n(    .*\n)+", "", text)
    text = re.sub(r"  - number: 30\n(    .*\n)+", "", text)  # one from the middle, put back in place
    out.write_text(text, encoding="utf-8")
    result = run(str(DOCKETS / "molina-nysd.html"), "--into", str(out))
    assert result.exit_code == 0, result.output
    assert "added 3 new entries to" in result.output and ": 30, 67, 68" in result.output
    assert (
        "entry 6: the docket's title is “CIVIL COVER SHEET filed”, yours “Civil Cover Sheet” (yours is kept)"
        in result.output
    )
    after = out.read_text(encoding="utf-8")
    assert "# my notes stay" in after and "    title: Civil Cover Sheet\n" in after
    assert after.startswith(text.rstrip("\n").rsplit("\n  - number: 66", 1)[0][:200])
    numbers = [e["number"] for e in load_source(out).data["docket"]]
    assert numbers == sorted(numbers) and {30, 67, 68} <= set(numbers)
    assert "  - number: 30\n    date: " in after and "filed_by: court  # guessed" in after
    again = run(str(DOCKETS / "molina-nysd.html"), "--into", str(out))
    assert "added 0 new entries" in again.output and out.read_text(encoding="utf-8") == after
    other = run(str(DOCKETS / "odonnell-mad.html"), "--into", str(out))
    assert other.exit_code == 1 and "nothing was added" in str(other.exception)


@pytest.mark.parametrize(
    "text",
    [
        '{"docket_number": "1:20-cv-1", "court_id": "nysd", "docket_entries": "not a list"}',
        '{"docket_number": "1:20-cv-1", "court_id": "nysd", "parties": ["just a name"]}',
        '{"docket_number": "1:20-cv-1", "court_id": "nysd", "docket_entries": [{"entry_number": 1, '
        '"date_filed": "2020-13-45", "description": "x"}]}',
    ],
)
def test_a_json_file_of_another_shape_is_one_sentence_not_a_traceback(tmp_path, text):
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    result = run(str(path), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 1, result.output
    from assembler.docket.sources import DocketError

    assert isinstance(result.exception, DocketError), result.exception
    assert "odd.json" in str(result.exception) and "\n" not in str(result.exception)
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(
    "description, title",
    [
        ("CIVIL COVER SHEET filed..(Shalom, Jonathan) (Entered: 12/23/2020)", "CIVIL COVER SHEET filed"),
        (
            "COMPLAINT against Trustees of Deerfield Academy Filing fee: $ 400, receipt number 0101-6856303 (Fee "
            "Status: Filing Fee paid), filed by Sonja Krusic O'Donnell. (Attachments: # 1 Civil Cover Sheet, # 2 "
            "Civil Category Sheet)(Quinn-Judge, Emma) (Entered: 10/25/2017)",
            "COMPLAINT against Trustees of Deerfield Academy",
        ),
        # a long text is cut at its first sentence -- not at "re:" nor at an initial
        (
            "LETTER MOTION for Conference re: 25 Case Management Plan, addressed to Judge Gregory H. Woods from "
            "Ryan E. Dempsey dated August 9, 2021. The parties write jointly to ask the Court for a conference on "
            "the schedule. Document filed by Hornblower Group, Inc..(Dempsey, Ryan) (Entered: 08/09/2021)",
            "LETTER MOTION for Conference re: 25 Case Management Plan, addressed to Judge Gregory H. Woods from "
            "Ryan E. Dempsey dated August 9, 2021",
        ),
    ],
)
def test_an_entrys_title_is_the_clerks_text_without_filer_tail_and_attachments(description, title):
    from assembler.docket.clean import clean_title

    assert clean_title(description) == title
