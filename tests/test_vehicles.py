"""The procedure and the outcome decide the papers' words: one test per vehicle and per outcome."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter, render_matter, text_view
from assembler.errors import AnswersError
from assembler.law.advice import advise

DOE = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
JUDGMENT = (EXAMPLES / "rule-59e-judgment.yaml").read_text(encoding="utf-8")


def drafts(tmp_path, text: str, documents=("motion", "order-granting", "order-denying", "response")):
    matter = load_matter(write(tmp_path, "case.yaml", text))
    paths = render_matter(matter, tmp_path / "out", list(documents), force=True)
    return {p.stem: text_view(p, line_break=" ") for p in paths}, matter


def with_motion(text: str, extra: str) -> str:
    return text.replace("motion:\n", "motion:\n" + extra, 1)


@pytest.mark.parametrize(
    "rule, cited, title, standard",
    [
        (
            "local",
            "moves under LRCiv 7.2(g) for reconsideration of",
            "MOTION FOR RECONSIDERATION OF MAY 22, 2024 ORDER",
            "Under LRCiv 7.2(g), “[t]he Court will ordinarily deny",
        ),
        (
            "54b",
            "moves under Fed. R. Civ. P. 54(b) for reconsideration of",
            "MOTION FOR RECONSIDERATION OF MAY 22, 2024 ORDER",
            "Under Fed. R. Civ. P. 54(b), an order “that adjudicates fewer than all the claims",
        ),
    ],
)
def test_vehicles_for_an_interlocutory_order(tmp_path, rule, cited, title, standard):
    views, _ = drafts(tmp_path, with_motion(DOE, f"  rule: {rule}\n"))
    assert cited in views["motion"] and f"[Paper Title] {title}" in views["motion"]
    assert standard in views["motion"] and standard in views["response"]
    assert f"ORDER GRANTING {title}" in views["order-granting"]


def test_rule_59e_cites_its_rule_title_and_standard_and_amends(tmp_path):
    views, matter = drafts(tmp_path, JUDGMENT)
    assert matter.vehicle.id == "59e"
    assert "moves under Fed. R. Civ. P. 59(e) for an order altering or amending the Court’s" in views["motion"]
    assert "[Paper Title] MOTION TO ALTER OR AMEND THE SEPTEMBER 3, 2024 JUDGMENT" in views["motion"]
    assert "(the “Judgment”)" in views["motion"] and "54(b)" not in "".join(views.values())
    assert "“[a] motion to alter or amend a judgment must be filed no later than 28 days" in views["motion"]
    assert "asks the Court to alter or amend its September 3, 2024 Judgment" in views["response"]
    assert (
        "[List Number] This Court’s September 3, 2024 Judgment of Dismissal at Docket 31 is AMENDED "
        "as follows: “This action is DISMISSED WITHOUT PREJUDICE"
    ) in views["order-granting"]
    assert "VACATED" not in views["order-granting"]


def test_rule_60b_names_its_reasons_and_relief(tmp_path):
    text = (
        JUDGMENT.replace("  rule: 59e\n", "  rule: 60b\n  clauses: [1, 3]\n")
        .replace("59e-clear-error", "60b-mistake")
        .replace(
            "    fills:\n      error: a dismissal under Rule 4(m) is without prejudice, and the "
            "Judgment does not say so\n",
            "",
        )
    )  # 60(b)(1)'s text has no blank to fill
    views, _ = drafts(tmp_path, text)
    assert "moves under Fed. R. Civ. P. 60(b)(1) and (3) for relief from the Court’s" in views["motion"]
    assert "[Paper Title] MOTION FOR RELIEF FROM THE SEPTEMBER 3, 2024 JUDGMENT" in views["motion"]
    assert "relieve a party or its legal representative from a final judgment" in views["motion"]


def test_a_ground_for_another_vehicle_is_refused_saying_why(tmp_path):
    text = JUDGMENT.replace("59e-clear-error", "manifest-error")
    with pytest.raises(AnswersError) as info:
        load_matter(write(tmp_path, "case.yaml", text))
    message = str(info.value)
    assert "ground 'manifest-error' argues under the court's local rule (an interlocutory order)" in message
    assert "this motion is under Rule 59(e) (a judgment) (motion.rule: 59e)" in message


@pytest.mark.parametrize(
    "rule, kind, words",
    [
        ("59e", "order", "Rule 59(e) reaches judgments"),
        ("54b", "judgment", "after judgment, Rule 54(b) no longer reaches it"),
        ("60b", "order", "Rule 60(b) reaches final judgments and orders"),
    ],
)
def test_a_vehicle_that_does_not_fit_the_paper_is_a_warning_naming_the_rule(tmp_path, rule, kind, words):
    text = DOE.replace(
        "  title: Order Granting Plaintiff's Motion for Leave to Serve a Third-Party Subpoena Prior",
        f"  kind: {kind}\n  title: Order Granting Plaintiff's Motion for Leave to Serve a Third-Party Subpoena Prior",
    )
    text = with_motion(text, f"  rule: {rule}\n")
    text = text.replace(
        "  - id: manifest-error\n", "  - id: my-error\n    heading: Error\n    text: The Order erred.\n"
    )
    text = text.replace("  - id: premature-discovery\n", "  - id: my-second\n    heading: More\n    text: Again.\n")
    text = text[: text.index("opposition:")] + text[text.index("motion:") :]  # library grounds fit one vehicle
    matter = load_matter(write(tmp_path, "case.yaml", text))
    assert any(words in w.message for w in advise(matter))


def test_a_59e_motion_filed_late_is_a_warning_that_the_time_cannot_be_extended(tmp_path):
    matter = load_matter(write(tmp_path, "case.yaml", JUDGMENT.replace("  filed: 2024-09-24", "  filed: 2024-10-09")))
    (late,) = [w.message for w in advise(matter) if "after the last day" in w.message]
    assert "Fed. R. Civ. P. 59(e), 2024-10-01" in late and "must not extend this time" in late


@pytest.mark.parametrize(
    "outcome, verb, items",
    [
        ("granted", "GRANTING", ["is GRANTED.", "at Docket 10 is VACATED."]),
        (
            "granted-in-part",
            "GRANTING IN PART AND DENYING IN PART",
            [
                "is GRANTED IN PART and DENIED IN PART.",
                "is VACATED as to its ruling granting leave",
                "The Motion is otherwise DENIED, and the Order otherwise remains in effect.",
            ],
        ),
    ],
)
def test_granting_outcomes(tmp_path, outcome, verb, items):
    text = (EXAMPLES / "partial-relief.yaml").read_text(encoding="utf-8")
    if outcome == "granted":
        text = text.replace("    outcome: granted-in-part\n    granted: [1]\n", "")
        text = text.replace(
            "  parts:\n    - its ruling granting leave to serve a subpoena on Defendant’s internet service "
            "provider (Section II)\n"
            "    - its ruling denying Defendant’s request for a protective order (Section III)\n",
            "",
        )
    views, _ = drafts(tmp_path, text, ["order-granting"])
    view = views["order-granting"]
    assert f"[Paper Title] ORDER {verb} MOTION FOR RECONSIDERATION" in view
    ordered = [line for line in view.splitlines() if line.startswith("[List Number]")]
    for item in items:
        assert any(item in line for line in ordered), item
    if outcome == "granted-in-part":
        assert not any("Section III" in line and "VACATED" in line for line in ordered)


@pytest.mark.parametrize(
    "outcome, verb, first, opening",
    [
        ("denied", "DENYING", "is DENIED.", "is DENIED."),
        (
            "denied-without-prejudice",
            "DENYING WITHOUT PREJUDICE",
            "is DENIED WITHOUT PREJUDICE.",
            "is DENIED WITHOUT PREJUDICE.",
        ),
        (
            "adhered",
            "ON",
            "on reconsideration, the Court ADHERES to it.",
            "is GRANTED, and on reconsideration the Court ADHERES to the May 22, 2024 Order.",
        ),
    ],
)
def test_denying_outcomes(tmp_path, outcome, verb, first, opening):
    text = DOE.replace("  denying:\n", f"  denying:\n    outcome: {outcome}\n")
    views, _ = drafts(tmp_path, text, ["order-denying"])
    view = views["order-denying"]
    assert f"[Paper Title] ORDER {verb} MOTION FOR RECONSIDERATION" in view
    assert opening in view
    ordered = [line for line in view.splitlines() if line.startswith("[List Number]")]
    assert ordered[0].endswith(first) and ordered[1].endswith("at Docket 10 remains in effect.")


def test_an_outcome_that_belongs_to_the_other_order_is_refused(tmp_path):
    with pytest.raises(AnswersError, match="the granting order's outcome is one of granted, granted-in-part"):
        load_matter(write(tmp_path, "case.yaml", DOE.replace("  granting:\n", "  granting:\n    outcome: denied\n")))


def test_granted_in_part_needs_the_parts(tmp_path):
    with pytest.raises(AnswersError, match="granted-in-part needs motion.parts"):
        load_matter(
            write(tmp_path, "case.yaml", DOE.replace("  granting:\n", "  granting:\n    outcome: granted-in-part\n"))
        )


def test_another_judges_order_is_called_theirs_and_72a_is_flagged(tmp_path):
    text = (EXAMPLES / "magistrate-other-judge.yaml").read_text(encoding="utf-8")
    views, _ = drafts(tmp_path, text)
    assert "reconsideration of Judge Riley T. Stone’s May 22, 2024 Order" in views["motion"]
    assert "the Court’s May 22" not in views["motion"]
    assert "[Signature] United States Magistrate Judge" in views["order-granting"]
    swapped = text.replace(
        "  judge: Dana K. Moss\n  judge_title: United States Magistrate Judge\n", "  judge: Riley T. Stone\n"
    ).replace(
        "  judge: Riley T. Stone\n  judge_title: United States District Judge\n",
        "  judge: Dana K. Moss\n  judge_title: United States Magistrate Judge\n",
    )
    matter = load_matter(write(tmp_path, "swapped.yaml", swapped))
    assert any("an objection under Fed. R. Civ. P. 72(a), within 14 days" in w.message for w in advise(matter))


def test_a_paper_cannot_cite_an_entry_filed_after_it_nor_itself(tmp_path):
    from assembler.errors import ConsistencyError

    model = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    later = model.replace("sued.[[18 at 12-14]]", "sued.[[26 at 2]]")  # the reply cites itself
    with pytest.raises(ConsistencyError, match="reply.docx cites its own docket entry, Docket 26"):
        drafts(tmp_path, later, ["reply"])
    earlier = model.replace(
        "  - id: information-relevant\n", "  - id: information-relevant\n    answers: not-relevant\n"
    )
    with pytest.raises(
        ConsistencyError, match=r"response.docx, dated 2012-10-02, cites Docket 26, filed later \(2012-10-12\)"
    ):
        drafts(tmp_path, earlier, ["response"])


def test_arizona_drafts_no_response_unless_the_court_ordered_one(tmp_path):
    from click.testing import CliRunner

    from assembler.cli import cli

    text = DOE.replace("    role: response-order\n", "")
    path = write(tmp_path, "case.yaml", text)
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "not drafting response and reply" in result.output and "LRCiv 7.2(g)(2)" in result.output
    assert sorted(p.stem for p in (tmp_path / "out").rglob("*.docx")) == ["motion", "order-denying", "order-granting"]
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "o2"), "--documents", "response"])
    assert result.exit_code == 1 and "--unordered-response" in result.output
    result = CliRunner().invoke(
        cli, ["render", str(path), "-o", str(tmp_path / "o3"), "--documents", "response", "--unordered-response"]
    )
    assert result.exit_code == 0
