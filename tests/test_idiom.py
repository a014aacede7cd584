"""The court's idiom in a party's paper: the date line, the memorandum's name, the bar-number label.

Each is a fact of the court's profile (``idiom``) with its source; where the
research has none the paper takes the plainest federal form, and ``check``
names the fact as not verified.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, write

from assembler import check, text_view
from assembler.law.courts import load_court
from assembler.papers.render import write_drafts


def _motion(tmp_path, court: str, number: str) -> tuple[str, list[str]]:
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    text = text.replace("court: azd", f"court: {court}").replace("2:24-cv-01234-PHX-ABC", number)
    report = check(write(tmp_path, "case.yaml", text), ["motion"], explicit=True)
    assert report.ok, report.problems
    (path,) = write_drafts(tmp_path / "out", {"motion": report.drafts["motion"]}, force=True)
    return text_view(path, line_break=" "), [p.message for p in report.warnings]


@pytest.mark.parametrize(
    ("court", "number", "dated", "memorandum", "bar"),
    [
        # D. Ariz.: a paper of the court (Walker v. Schriro, 2006); LRCiv 7.2(b)
        (
            "azd",
            "2:24-cv-01234-PHX-ABC",
            ["[Closing] RESPECTFULLY SUBMITTED this 5^th^ day of June, 2024."],
            "[Paper Title] MEMORANDUM OF POINTS AND AUTHORITIES",
            "(Bar No. 034567)",
        ),
        # S.D.N.Y.: "Dated: New York, New York" over the date; Local Civil Rule 7.1(a)(2)
        (
            "nysd",
            "1:24-cv-01234",
            ["[Closing] Dated: New York, New York", "[Closing Date] June 5, 2024"],
            "[Paper Title] MEMORANDUM OF LAW IN SUPPORT OF",
            "(Bar No. 034567)",
        ),
        # N.D. Cal.: Civil L.R. 3-4(a)(1) "state bar number"; points and authorities (7-2(b))
        (
            "cand",
            "3:24-cv-01234-ABC",
            ["[Closing] Dated: June 5, 2024"],
            "[Paper Title] MEMORANDUM OF POINTS AND AUTHORITIES",
            "(State Bar No. 034567)",
        ),
        # D. Mass.: "BBO No." in the court's papers; nothing known of the rest
        (
            "mad",
            "1:24-cv-01234",
            ["[Closing] Dated: June 5, 2024"],
            "[Paper Title] MEMORANDUM IN SUPPORT",
            "(BBO No. 034567)",
        ),
        # E.D. Tex.: nothing known: the plainest federal form throughout
        (
            "txed",
            "4:24-cv-01234-ALM",
            ["[Closing] Dated: June 5, 2024"],
            "[Paper Title] MEMORANDUM IN SUPPORT",
            "(Bar No. 034567)",
        ),
    ],
)
def test_a_partys_paper_speaks_the_courts_idiom(tmp_path, court, number, dated, memorandum, bar):
    view, _ = _motion(tmp_path, court, number)
    lines = view.splitlines()
    at = lines.index(dated[0])
    assert lines[at : at + len(dated)] == dated
    assert "RESPECTFULLY SUBMITTED" not in view or court == "azd"
    assert any(line.startswith(memorandum) for line in lines), memorandum
    assert bar in view and view.count("034567") == view.count(bar)  # every bar number with the court's label


def test_the_memorandum_the_motion_names_is_the_one_it_heads(tmp_path):
    view, _ = _motion(tmp_path, "cand", "3:24-cv-01234-ABC")
    assert "supported by the following Memorandum of Points and Authorities and the record" in view
    view, _ = _motion(tmp_path, "txed", "4:24-cv-01234-ALM")
    assert "supported by the following Memorandum in Support and the record" in view
    assert "Points and Authorities" not in view


def test_an_unknown_idiom_is_named_by_check(tmp_path):
    _, warnings = _motion(tmp_path, "txed", "4:24-cv-01234-ALM")
    (line,) = [w for w in warnings if "not verified for the Eastern District of Texas" in w]
    for name in ("idiom.dated", "idiom.memorandum", "idiom.bar_label"):
        assert name in line


@pytest.mark.parametrize("court", ["azd", "nysd", "nyed", "cand", "cacd", "mad"])
def test_every_known_idiom_names_its_source(court):
    idiom = load_court(court).idiom
    for name in ("dated", "place", "memorandum", "bar_label"):
        fact = getattr(idiom, name)
        if fact.known:
            assert fact.source and not fact.source.startswith("UNVERIFIED"), (court, name)
            assert any(word in fact.source for word in ("Rule", "L.R.", "LRCiv", "No.", "order")), fact.source


@pytest.mark.parametrize(
    ("court", "number", "name"),
    [
        ("txed", "4:24-cv-01234-ALM", "MEMORANDUM"),
        ("cacd", "2:24-cv-01234-ABC", "MEMORANDUM OF POINTS AND AUTHORITIES"),
    ],
)
def test_a_notice_of_motion_anywhere_names_the_courts_memoranda(tmp_path, court, number, name):
    """A notice of motion asked for by the answers (motion.notice) outside New York: the motion,
    the opposition and the reply are the court's memoranda, never New York's "Memorandum of Law"."""
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    text = text.replace("court: azd", f"court: {court}").replace("2:24-cv-01234-PHX-ABC", number)
    text = text.replace(
        "motion:\n  filed: 2024-06-05\n", "motion:\n  filed: 2024-06-05\n  notice: {courtroom: Courtroom 5}\n"
    )
    papers = ["notice", "motion", "response", "reply"]
    report = check(write(tmp_path, "case.yaml", text), papers, explicit=True, unordered=True)
    assert report.ok, report.problems
    paths = write_drafts(tmp_path / "out", {p: report.drafts[p] for p in papers}, force=True)
    views = {p.stem: text_view(p, line_break=" ") for p in paths}
    titles = {
        paper: next(line for line in view.splitlines() if line.startswith("[Paper Title]"))
        for paper, view in views.items()
    }
    assert titles["motion"].startswith(f"[Paper Title] {name} IN SUPPORT OF ")
    assert titles["response"].startswith("[Paper Title] EXAMPLE FILMS’ ")  # the filer, by name (roles)
    assert f"’ {name} IN OPPOSITION TO " in titles["response"]
    assert titles["reply"].startswith(f"[Paper Title] REPLY {name} IN FURTHER SUPPORT OF ")
    assert "upon the accompanying " + name.title().replace(" Of ", " of ").replace(" And ", " and ") in views["notice"]
    assert "MEMORANDUM OF LAW" not in "".join(titles.values()) and "Memorandum of Law" not in "".join(views.values())
