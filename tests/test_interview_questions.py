"""Fewer, better questions (#20, part 5): what is asked, what waits behind one "more", what is
remembered, what earlier answers settle."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES
from interview_driver import ExampleUser
from test_interview_flow import interview, model_data

from assembler.answers.reader import load_source
from assembler.interview.record import SUFFIX, Record


def keys(user: ExampleUser) -> list[str]:
    return [p.key for p, _ in user.log]


def test_a_docket_entry_is_four_questions_and_the_rest_waits_behind_one(tmp_path):
    user = ExampleUser(model_data("acme-nysd"), {"motion.rule": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    asked = keys(user)
    # docket 18 (the response) is listed like any entry: number, date, filer, title, then one question
    start = asked.index("docket.0.number")
    assert asked[start : start + 7] == [
        "docket.0.number",
        "docket.0.date",
        "docket.0.filed_by",
        "docket.0.title",
        "more:docket.0:background",
        "docket.0.background",
        "docket.0.print",
    ]
    more = next(p for p, _ in user.log if p.key == "more:docket.0:background")
    assert more.kind == "confirm" and more.default is False
    assert more.message == "docket entry 1: More about it (its place in the background)?"  # no role before the order
    # the challenged order's own entry: its number only (date, filer and title are the order's)
    at = asked.index("docket.2.number")
    assert asked[at + 1 : at + 4] == ["more:docket.2:background", "docket.2.background", "docket.2.print"]
    # how a background prints is one choice: docket 12 continues the paragraph of docket 8
    printed = next(p for p, _ in user.log if p.key == "docket.2.print")
    assert [o.value for o in printed.options] == ["dated", "dated-continues", "undated", "undated-continues", "parties"]
    assert printed.options[1].title == "“On June 5, 2024, …”, continuing the paragraph before"
    first = next(p for p, _ in user.log if p.key == "docket.0.print")  # nothing before it to continue
    assert [o.value for o in first.options] == ["dated", "undated", "parties"]
    entry = load_source(tmp_path / "case.yaml").data["docket"][2]
    assert (entry["date"], entry["filed_by"], entry["continues"]) == (dt.date(2024, 6, 5), "court", True)
    assert "dated" not in entry  # the default is not written
    # the motion, the response and the reply: named after the list, their filer settled by it
    assert asked[asked.index("role:motion") + 1 :][:4] == [
        "docket.3.number",
        "docket.3.date",
        "docket.3.title",
        "more:docket.3:background",
    ]
    saved = load_source(tmp_path / "case.yaml").data["docket"]
    assert [(e["number"], e.get("role"), e["filed_by"]) for e in saved[3:]] == [
        (15, "motion", "movant"),
        (18, "response", "plaintiff"),
        (20, "reply", "movant"),
    ]


def test_questions_behind_more_are_asked_at_once_where_one_has_a_value(tmp_path):
    from assembler.answers.editor import AnswerFile
    from assembler.interview.engine import Interview, Mode
    from assembler.interview.questions import DOCKET, SECTIONS, docket_loop

    file = tmp_path / "case.yaml"
    file.write_text(
        "docket:\n  - number: 1\n    date: 2024-05-01\n    filed_by: plaintiff\n"
        "    title: Complaint\n    background: Example Studios sued.\n",
        encoding="utf-8",
    )
    user = ExampleUser(model_data("acme-nysd"))
    answers = AnswerFile(file)
    user.file = answers
    iv = Interview(answers, user, SECTIONS)
    iv.register(docket_loop())
    iv.ask_all(("docket", 0), "DocketEntry", DOCKET, Mode.FRESH)
    asked = keys(user)
    # the background is there: its group (the role, the background) is asked without "more?"
    assert asked == [
        "docket.0.number",
        "docket.0.date",
        "docket.0.filed_by",
        "docket.0.title",
        "docket.0.role",
        "docket.0.background",
        "docket.0.print",
    ]


def test_editing_one_field_of_one_entry_returns_to_the_list(tmp_path):
    file = tmp_path / "case.yaml"
    file.write_text((EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    menu = iter(["edit", "done"])
    user = ExampleUser(
        model_data("acme-nysd"),
        {
            "menu:docket": lambda prompt: next(menu),
            "edit:docket": 0,
            "field:docket": "title",
            "docket.0.title": "Complaint (amended)",
        },
    )
    interview(file, user, only=["docket"])
    asked = keys(user)
    # a revisit opens on the menu; edit asks which field, then only that field, and the menu comes back
    assert asked[:5] == ["menu:docket", "edit:docket", "field:docket", "docket.0.title", "menu:docket"]
    field = next(p for p, _ in user.log if p.key == "field:docket")
    assert field.message == "docket entry 1: which field?"
    assert [o.title for o in field.options][:4] == [
        "number: 1",
        "date: 2024-05-01",
        "filer: plaintiff",
        "title: Complaint",
    ]
    assert load_source(file).data["docket"][0]["title"] == "Complaint (amended)"


def test_a_blank_answer_and_a_default_are_remembered_and_a_resume_asks_neither(tmp_path):
    file = tmp_path / "case.yaml"
    data = model_data("acme-nysd")
    user = ExampleUser(data, {"case.judge": "", "docket.1.title": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(file, user)
    record = Record(file)
    assert record.path is not None and record.path.name == "case.yaml" + SUFFIX
    assert "case.judge" in record  # blank: nothing in the file says it was answered
    assert "case.label" in record and "typography.smart_quotes" in record  # the usual forms, kept
    assert "end:parties.plaintiffs" in record  # the list the user finished
    assert "judge" not in load_source(file).data["case"]
    resumed = ExampleUser(data, {"review": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(file, resumed)
    asked = keys(resumed)
    assert asked[0] == "docket.1.title"
    assert not {"case.judge", "more:case:label", "parties.plaintiffs.1.name"} & set(asked)
    # a resumed question names its item
    assert resumed.log[0][0].message == "docket entry 8: Title, as on the docket"


def test_the_record_follows_the_items_of_a_list(tmp_path):
    record = Record(
        tmp_path / "case.yaml",
        ["docket.0.role", "docket.2.role", "more:docket.2:background", "docket.3.cite_as", "grounds.2.summary"],
    )
    record.shift(("docket",), 1, +1)  # an entry put in before docket.1
    assert record.keys == [
        "docket.0.role",
        "docket.3.role",
        "more:docket.3:background",
        "docket.4.cite_as",
        "grounds.2.summary",
    ]
    record.shift(("docket",), 3, -1)  # docket.3 deleted: its keys go, later ones move up
    assert record.keys == ["docket.0.role", "docket.3.cite_as", "grounds.2.summary"]
    assert (tmp_path / "case.yaml.answered").read_text(encoding="utf-8").splitlines()[-3:] == record.keys


def test_the_rule_comes_before_the_grounds_and_only_the_grounds_that_fit_it_are_offered(tmp_path):
    from assembler.law.grounds import library

    user = ExampleUser(model_data("rule-59e-judgment"), {"grounds.0.summary": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    asked = keys(user)
    assert asked.index("motion.rule") < asked.index("pick:grounds")
    pick = next(p for p, _ in user.log if p.key == "pick:grounds")
    offered = [o.value for o in pick.options]
    assert offered and all("59e" in library()[gid].vehicles for gid in offered)
    assert "manifest-error" not in offered  # a ground for an interlocutory order
    first = next(o for o in pick.options if o.value == "59e-clear-error")
    assert first.description == (
        "A judgment may be altered or amended under Fed. R. Civ. P. 59(e) to correct a "
        "clear error of law or fact or to prevent manifest injustice."
    )


def test_what_the_court_profile_settles_waits_behind_one_question(tmp_path):
    user = ExampleUser(model_data("acme-nysd"), {"parties.plaintiffs.0.name": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    assert keys(user) == [
        "court",
        "case.number",
        "case.judge",
        "more:case:label",
        "more:parties.roles:plaintiffs",
        "more:parties:caption",
    ]
    forms = user.log[-3][0]
    assert set(forms.opens) >= {
        "case.label",
        "case.judge_title",
        "citation.word",
        "citation.placement",
        "typography.smart_quotes",
    }


def test_a_plain_caption_is_one_question_and_a_described_party_asks_the_rest(tmp_path):
    """The parties' descriptions, parties of other roles and the caption's form wait behind one
    question: no, and none is asked (nor asked again on a resume); the model case describes its
    plaintiff, so it asks them, and its file says what the example says."""
    plain = ExampleUser(model_data("acme-nysd"), {"movant.party": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", plain)
    asked = keys(plain)
    assert "more:parties:caption" in asked
    assert not [k for k in asked if k.endswith(".description") or k.startswith(("parties.others", "parties.in_re"))]
    again = ExampleUser(model_data("acme-nysd"), {"movant.party": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", again)
    assert "more:parties:caption" not in keys(again)  # remembered

    described = ExampleUser(model_data(), {"movant.party": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "cp.yaml", described)
    assert described.log[keys(described).index("more:parties:caption")][1] is True
    parties = load_source(tmp_path / "cp.yaml").data["parties"]
    assert parties["plaintiffs"][0]["description"] == "an Arizona corporation"


def test_a_more_group_of_several_fields_asks_which_and_only_those(tmp_path):
    """ "More about the motion" opens five fields: the lawyer picks the ones wanted (acme-nysd: how
    far it reaches, what the Court should do) and only those are asked; the rest are answered as
    their defaults and not asked again when the interview resumes."""
    user = ExampleUser(model_data("acme-nysd"), {"motion.notice.courthouse": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    more = next(p for p, _ in user.log if p.key == "more:motion:parts")
    assert more.kind == "checkbox" and more.message.startswith("More about the motion: which of these?")
    assert [o.value for o in more.options] == [
        "motion.parts",
        "motion.scope",
        "motion.asks",
        "motion.title",
        "motion.introduction",
    ]
    picked = next(a for p, a in user.log if p.key == "more:motion:parts")
    asked = keys(user)
    assert {"motion.scope"} <= set(picked) and not {"motion.title", "motion.introduction"} & set(picked)
    assert [k for k in asked if k in more.opens] == picked
    data = load_source(tmp_path / "case.yaml").data["motion"]
    assert data["scope"] == "insofar as it binds Acme Broadband"
    again = ExampleUser(model_data("acme-nysd"), {"motion.notice.courthouse": KeyboardInterrupt})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", again)
    assert not set(more.opens) & set(keys(again))  # picked and answered, or passed: none again
