"""Court profiles as data, and the drafts following the court."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import EXAMPLES, write

from assembler import check, load_matter, text_view
from assembler.errors import AnswersError, CourtError, TemplateError
from assembler.law.courts import districts, known_courts, load_court
from assembler.papers.render import TemplateSet, render_matter

PROFILED = [
    "azd",
    "cand",
    "cacd",
    "casd",
    "caed",
    "nvd",
    "wawd",
    "nysd",
    "nyed",
    "njd",
    "paed",
    "dcd",
    "ilnd",
    "mad",
    "txnd",
    "flmd",
]


def test_the_sixteen_courts_have_profiles_and_every_district_is_known():
    assert set(PROFILED) <= set(known_courts())
    assert len(districts()) == 94
    for court_id in districts():
        court = load_court(court_id)
        assert court.caption[-1].endswith(court.name.upper())
        assert court.circuit.name.endswith("Circuit")


@pytest.mark.parametrize("court_id", PROFILED)
def test_every_rule_figure_carries_a_source_and_unverified_is_unknown(court_id):
    court = load_court(court_id)
    assert court.profiled
    for name, fact in court.facts().items():
        assert fact.source.strip(), name
        if fact.source.startswith("UNVERIFIED"):
            assert fact.value is None, f"{name} is marked UNVERIFIED but has a value"


@pytest.mark.parametrize(
    "court_id, name, value",
    [
        ("azd", "days", 14),
        ("cacd", "days", 14),
        ("casd", "days", 28),
        ("wawd", "days", 14),
        ("nysd", "days", 14),
        ("njd", "days", 14),
        ("paed", "days", 14),
        ("cand", "days", None),
        ("nysd", "word_limit", 3500),
        ("nysd", "reply_word_limit", 1750),
        ("ilnd", "page_limit", 15),
        ("mad", "page_limit", 20),
        ("txnd", "page_limit", 25),
        ("flmd", "page_limit", 25),
        ("cand", "leave_required", True),
        ("cand", "response_only_if_ordered", True),
        # LRCiv 7.2(g)(2), verified from its text as quoted in Dible v. City of Chandler (D. Ariz. 2008)
        ("azd", "response_only_if_ordered", True),
        ("azd", "page_limit", None),
    ],
)
def test_profile_figures_match_the_research(court_id, name, value):
    assert getattr(load_court(court_id).reconsideration, name).value == value


@pytest.mark.parametrize(
    "court_id, word, placement",
    [
        ("azd", "Docket", "footnote"),
        ("cacd", "Dkt. No.", "inline"),
        ("wawd", "Dkt. #", "inline"),
        ("ilnd", "Dkt.", "inline"),
        ("flmd", "Doc.", "inline"),
        ("njd", "ECF No.", "inline"),
    ],
)
def test_citation_styles(court_id, word, placement):
    style = load_court(court_id).citation
    assert (style.word, style.placement, style.verified) == (word, placement, True)


@pytest.mark.parametrize(
    "court_id, number, accepted",
    [
        ("azd", "2:12-cv-01183-PHX-SLG", True),
        ("azd", "2:12-CV-1183-PHX-SLG", True),
        ("azd", "2:12-cv-01183", False),  # Arizona puts the division in the number
        ("ilnd", "12 C 1057", True),
        ("ilnd", "1:12-cv-01057", True),
        ("nysd", "06 Civ. 1405 (LAK) (KNF)", True),
        ("nysd", "1:24-cv-05678 (ABC)", True),
        ("wawd", "C17-0141JLR", True),
        ("njd", "20-10062 (SDW) (LDW)", True),
        ("flmd", "8:19-cv-582-T-36AEP", True),
        ("cacd", "2:12-cv-8333-ODW (JCx)", True),
        ("ndd", "1:24-cv-00012", True),  # no profile: the CM/ECF form
        ("nysd", "12 C 1057", False),  # Illinois' form is not New York's
        ("dcd", "hello", False),
        ("dcd", "12", False),
    ],
)
def test_case_numbers_per_court(court_id, number, accepted):
    assert load_court(court_id).case_number.accepts(number) is accepted


def test_nonsense_case_number_is_rejected_with_the_courts_forms(tmp_path):
    text = (
        (EXAMPLES / "acme-nysd.yaml")
        .read_text(encoding="utf-8")
        .replace("number: 1:24-cv-05678 (ABC)", "number: twelve")
    )
    with pytest.raises(
        AnswersError,
        match=r"'twelve' is not a Southern District of New York case "
        r"number \(expected a form such as 1:24-cv-05678-ABC or 06 Civ\. 1405",
    ):
        load_matter(write(tmp_path, "case.yaml", text))


def test_unknown_court_id_is_one_clear_error():
    with pytest.raises(CourtError, match="'zzd' is not a US district court id"):
        load_court("zzd")


def test_second_court_renders_its_caption_rule_citations_and_certificate(tmp_path, drafts_of):
    """Dated 2026, under Local Civil Rule 6.3 as now in force (its word limits and certificate)."""
    text = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8").replace("2024-", "2026-")
    drafts = render_matter(load_matter(write(tmp_path, "acme.yaml", text)), tmp_path / "out", ["motion", "reply"])
    motion = text_view(drafts[0])
    assert "[Court Title] UNITED STATES DISTRICT COURT\n[Court Title] SOUTHERN DISTRICT OF NEW YORK" in motion
    assert "in support of Acme Broadband’s motion under Local Civil Rule 6.3 for reconsideration" in motion
    assert "known to it only by their IP addresses. (ECF No. 1 at 1-3.)" in motion
    assert "--- footnotes ---" not in motion  # inline citations, no footnotes
    words = re.search(
        r"this paper contains ([\d,]+) words.*limit of 3,500 words of Local Civil "
        r"Rule 6\.3",
        motion,
    )
    assert words and 100 < int(words.group(1).replace(",", "")) < 3500
    reply = text_view(drafts[1])
    assert "limit of 1,750 words" in reply
    assert "Certificate of Compliance" not in text_view(drafts_of("cp-productions")["motion"])


def text_of(document, path):
    document.save(path)
    return text_view(path)


def test_a_2023_paper_is_drafted_under_the_rule_then_in_force(tmp_path):
    """S.D.N.Y. Local Civil Rule 6.3 set no word limit before the joint rules of July 1, 2024:
    a 2023 memorandum certifies no word count, and check says which version it applied."""
    text = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8").replace("2024-", "2023-")
    file = write(tmp_path, "acme-2023.yaml", text)
    report = check(file, ["motion", "reply"])
    assert report.ok
    motion, reply = (text_of(report.drafts[d], tmp_path / f"{d}.docx") for d in ("motion", "reply"))
    assert "Certificate of Compliance" not in motion and "Certificate of Compliance" not in reply
    said = [w.message for w in report.warnings]
    assert any(
        "the motion (dated June 20, 2023) is drafted under Local Civil Rule 6.3 as in force before July 1, 2024" in m
        for m in said
    ), said
    # a paper of the months the research cannot place under either text certifies nothing either
    between = check(write(tmp_path, "acme-2024.yaml", text.replace("2023-", "2024-")), ["reply"])
    assert "Certificate of Compliance" not in text_of(between.drafts["reply"], tmp_path / "between.docx")
    assert any("which text of Local Civil Rule 6.3 governs the reply" in w.message for w in between.warnings)


def test_a_rule_figure_is_taken_as_in_force_on_the_papers_date():
    fact = load_court("nysd").reconsideration.word_limit
    assert [fact.as_of(dt.date(*d)).value for d in ((2023, 4, 12), (2024, 6, 30), (2026, 5, 13))] == [None, None, 3500]
    assert fact.version_label(fact.as_of(dt.date(2023, 4, 12))) == "as in force before July 1, 2024"
    assert fact.as_of(dt.date(2024, 7, 1)).unverified and not fact.as_of(dt.date(2024, 6, 30)).unverified


def test_word_count_follows_the_text(tmp_path):
    base = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8").replace("2024-", "2026-")
    longer = base.replace(
        "known\n      to it only by their IP addresses.",
        "known\n      to it only by their IP addresses. " + "word " * 100 + ".",
    )
    counts = []
    for name, text in (("a", base), ("b", longer)):
        matter = load_matter(write(tmp_path, f"{name}.yaml", text))
        view = text_view(render_matter(matter, tmp_path / name, ["motion"])[0])
        counts.append(int(re.search(r"contains ([\d,]+) words", view).group(1).replace(",", "")))
    assert counts[1] - counts[0] == 101  # 100 words and the lone period


def test_leave_court_drafts_a_motion_for_leave(tmp_path):
    text = (
        (EXAMPLES / "doe-defendant.yaml")
        .read_text(encoding="utf-8")
        .replace("court: azd", "court: cand")
        .replace("2:24-cv-01234-PHX-ABC", "3:24-cv-01234-ABC")
    )
    matter = load_matter(write(tmp_path, "cand.yaml", text))
    templates = TemplateSet()
    motion = text_view_of(templates, matter, "motion", tmp_path)
    assert "MOTION FOR LEAVE TO FILE A MOTION FOR RECONSIDERATION OF MAY 22, 2024 ORDER" in motion
    assert "respectfully moves under Civil L.R. 7-9 for leave to file a motion for reconsideration" in motion
    assert "grant leave to file a motion for reconsideration and, on reconsideration, vacate" in motion
    order = text_view_of(templates, matter, "order-granting", tmp_path)
    assert "Defendant may file the motion for reconsideration" in order and "VACATED" not in order
    plain = load_matter(
        write(tmp_path, "cand2.yaml", text.replace("motion:\n  filed:", "motion:\n  leave: false\n  filed:"))
    )
    assert "MOTION FOR RECONSIDERATION OF MAY" in text_view_of(templates, plain, "motion", tmp_path / "2")


def text_view_of(templates, matter, document, folder):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document}.docx"
    templates.render(matter, document).save(str(path))
    return text_view(path, line_break=" ")  # a title's balanced lines read as one


def test_a_district_without_profile_drafts_on_federal_defaults(tmp_path):
    text = (
        (EXAMPLES / "doe-defendant.yaml")
        .read_text(encoding="utf-8")
        .replace("court: azd", "court: ndd")
        .replace("2:24-cv-01234-PHX-ABC", "1:24-cv-01234")
    )
    matter = load_matter(write(tmp_path, "ndd.yaml", text))
    with pytest.raises(TemplateError, match=r"motion.docx: it needs rule.standard.*write motion.standard"):
        TemplateSet().render(matter, "motion")
    text = text.replace(
        "motion:\n  filed:",
        "motion:\n  standard: The Court may revise an "
        "interlocutory order before judgment. Fed. R. Civ. P. 54(b).\n  filed:",
    )
    matter = load_matter(write(tmp_path, "ndd2.yaml", text))
    paths = render_matter(matter, tmp_path / "out", ["motion", "order-granting"])
    motion = text_view(paths[0])
    assert "[Court Title] FOR THE DISTRICT OF NORTH DAKOTA" in motion
    assert "respectfully moves under Fed. R. Civ. P. 54(b)" in motion
    assert "(ECF No. 1 at 2-4.)" in motion


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Court granted the motion.[[12]]", "The Court granted the motion. (ECF No. 12.)"),
        ("as the motion shows [[12 at 3]] and more", "as the motion shows (ECF No. 12 at 3) and more"),
        ("It cites *AF Holdings.*[[12]]", "It cites AF Holdings. (ECF No. 12.)"),
    ],
)
def test_inline_citation_is_a_citation_sentence_only_after_a_sentence(text, expected):
    from assembler.answers.markup import parse
    from assembler.papers.richtext import Writer

    xml = Writer(load_court("nysd").citation).runs(parse(text).inline)
    assert " ".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)).split()) == expected
