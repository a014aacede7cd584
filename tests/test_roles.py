"""Party roles as data: captioned and named by their role, singular or plural, and checked."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, write

from assembler import check, text_view
from assembler.answers.model import Answers
from assembler.law import roles

HABEAS = (EXAMPLES / "habeas-2254.yaml").read_text(encoding="utf-8")


def drafted(tmp_path, text, documents=("motion", "response")):
    report = check(write(tmp_path, "case.yaml", text), list(documents))
    assert report.ok, report.problems
    views = {}
    for name, document in report.drafts.items():
        document.save(str(tmp_path / f"{name}.docx"))
        views[name] = text_view(tmp_path / f"{name}.docx", line_break=" ")
    return report, views


def caption_roles(view: str) -> list[str]:
    return [line.split("] ", 1)[1] for line in view.splitlines() if "[Caption Role]" in line]


def test_a_habeas_caption_reads_petitioner_and_respondents_and_the_papers_name_them_so(tmp_path):
    _, views = drafted(tmp_path, HABEAS)
    assert caption_roles(views["motion"]) == ["Petitioner,", "Respondents."]
    assert "RESPONDENTS’ RESPONSE IN OPPOSITION TO PETITIONER’S MOTION TO ALTER OR AMEND" in views["response"]
    assert "(“Respondents”) respectfully submit this Response" in views["response"]


def test_one_respondent_is_singular_in_the_caption_and_the_possessive(tmp_path):
    one = HABEAS.replace("    - name: Attorney General of Michigan\n", "")
    _, views = drafted(tmp_path, one)
    assert caption_roles(views["motion"]) == ["Petitioner,", "Respondent."]
    assert "RESPONDENT’S RESPONSE IN OPPOSITION TO PETITIONER’S" in views["response"]
    assert "(“Respondent”) respectfully submits this Response" in views["response"]


def test_a_role_of_the_other_side_is_refused_with_its_line(tmp_path):
    wrong = HABEAS.replace("defendants: respondent}", "defendants: petitioner}")
    report = check(write(tmp_path, "case.yaml", wrong), draft=False)
    assert not report.ok
    assert any("parties.roles.defendants" in p and "line" in p for p in report.problems), report.problems


def test_an_other_party_takes_a_role_of_the_registry_by_id_or_label(tmp_path):
    text = HABEAS.replace(
        "movant:\n", "  others:\n    - {name: State Bar Association, role: Intervenor Defendant}\nmovant:\n", 1
    )
    _, views = drafted(tmp_path, text, ("motion",))
    assert caption_roles(views["motion"]) == ["Petitioner,", "Respondents,", "Intervenor-Defendant."]
    report = check(write(tmp_path, "bad.yaml", text.replace("Intervenor Defendant", "Bystander")), draft=False)
    assert any("'Bystander' is not a role of data/roles.yaml" in p for p in report.problems), report.problems


def test_a_rule_60b_motion_in_a_habeas_case_is_warned_of_gonzalez(tmp_path):
    sixty = (
        HABEAS.replace("  rule: 59e\n", "  rule: 60b\n")
        .replace("id: 59e-clear-error", "id: 60b-other-reason")
        .replace("answers: 59e-clear-error", "answers: 60b-other-reason")
    )
    sixty = sixty.replace(sixty[sixty.index("    fills:") : sixty.index("    summary:")], "", 1)
    report = check(write(tmp_path, "case.yaml", sixty), draft=False)
    said = " ".join(w.message for w in report.warnings)
    assert "second or successive petition (Gonzalez v. Crosby, 545 U.S. 524, 532 (2005))" in said
    assert "28 U.S.C. § 2244(b)(3)" in said
    fifty_nine = check(write(tmp_path, "59e.yaml", HABEAS), draft=False)
    assert "Gonzalez" not in " ".join(w.message for w in fifty_nine.warnings)


def test_a_habeas_case_captioned_plaintiff_and_defendant_is_warned(tmp_path):
    plain = HABEAS.replace("  roles: {plaintiffs: petitioner, defendants: respondent}\n", "")
    report = check(write(tmp_path, "case.yaml", plain), draft=False)
    assert any("captioned Petitioner / Respondent" in w.message for w in report.warnings)


@pytest.mark.parametrize("side", ["plaintiffs", "defendants", "other"])
def test_every_role_of_the_registry_is_a_choice_of_the_answer_file(side):
    schema = Answers.model_json_schema()["$defs"]
    if side == "other":
        assert all(roles.find(roles.role(r).singular).id == r for r in roles.role_ids("other"))
    else:
        assert schema["Roles"]["properties"][side]["enum"] == list(roles.role_ids(side))
    for role_id in roles.role_ids(side):
        role = roles.role(role_id)
        assert role.source and role.label(1) == role.singular and role.label(2) == role.plural


def test_a_habeas_docket_imports_the_sides_roles():
    from assembler.docket.mapping import answers_from
    from assembler.docket.sources import Docket, DocketParty

    docket = Docket(
        court="mied",
        number="2:24-cv-10123",
        case_name="Ellis v. Reyes",
        judge=None,
        judge_is_magistrate=False,
        referred=None,
        parties=[
            DocketParty("Jordan Ellis", "Petitioner"),
            DocketParty("Dana Reyes", "Respondent"),
            DocketParty("A Bystander", "Bystander"),
        ],
        entries=[],
    )
    imported = answers_from(docket)
    assert imported.data["parties"]["roles"] == {"plaintiffs": "petitioner", "defendants": "respondent"}
    assert "parties.roles" in imported.guessed
    assert "others" not in imported.data["parties"]
    assert any("A Bystander (Bystander)" in line for line in imported.left_out)
