"""The interview's flow, with a scripted user behind the asking seam."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from conftest import EXAMPLES
from interview_driver import ExampleUser

from assembler import load_matter
from assembler.answers.editor import AnswerFile
from assembler.answers.reader import load_source
from assembler.interview.engine import Interview
from assembler.interview.questions import SECTIONS
from assembler.interview.session import run_interview

TODAY = dt.date(2026, 11, 30)


def papers(file) -> dict[str, str]:
    """The text of the five papers ``file`` renders (an answer left at its default and the
    same answer written out draft the same papers)."""
    import tempfile
    from pathlib import Path

    from assembler import DOCUMENTS, text_view
    from assembler.papers.render import docx_bytes, render_set

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, doc in zip(DOCUMENTS, render_set(load_matter(file), DOCUMENTS)):
            path = Path(tmp) / f"{doc_id}.docx"
            path.write_bytes(docx_bytes(doc))
            out[doc_id] = text_view(path)
    return out


def interview(path, user, **kwargs):
    """Run the interview on ``path`` with ``user``, who sees the file being written."""
    original = AnswerFile.__init__

    def init(self, *args, **kw):
        original(self, *args, **kw)
        user.file = self

    mp = pytest.MonkeyPatch()
    mp.setattr(AnswerFile, "__init__", init)
    try:
        return run_interview(path, user, **{"today": TODAY, **kwargs})
    finally:
        mp.undo()


def example_papers(drafts_of, name: str) -> dict[str, str]:
    """``papers`` of an example, read from its drafts rendered once for the session."""
    from assembler import DOCUMENTS, text_view

    return {doc_id: text_view(drafts_of(name)[doc_id]) for doc_id in DOCUMENTS}


@pytest.fixture(scope="session")
def interviewed(tmp_path_factory):
    """``interviewed(name)``: an example's whole interview from an empty file, every prompt
    answered from the example (on TODAY), run once for the session and shared by the tests
    that read it: ``(user, file)``.  Read them; do not change them."""
    cache: dict[str, tuple[ExampleUser, object]] = {}

    def run(name: str):
        if name not in cache:
            file = tmp_path_factory.mktemp(f"interview-{name}") / "case.yaml"
            shutil.copytree(EXAMPLES / "exhibits", file.parent / "exhibits")  # the files the example names
            user = ExampleUser(load_source(EXAMPLES / f"{name}.yaml").data)
            interview(file, user)
            cache[name] = (user, file)
        return cache[name]

    return run


MODEL_INTERVIEW = pytest.mark.xdist_group("interview-cp-productions")  # its tests on one worker


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("cp-productions", marks=MODEL_INTERVIEW),
        "acme-nysd",
        "doe-defendant",
        "rule-59e-judgment",
        "partial-relief",
        "magistrate-other-judge",
        "doe-defendant-cand",
        "edtex-sherman",
        "pro-se-defendant",
        "new-evidence-mad",
        "habeas-2254",
    ],
)
def test_answering_every_prompt_rebuilds_the_example(name, interviewed, drafts_of):
    user, file = interviewed(name)
    assert papers(file) == example_papers(drafts_of, name)
    sections = [line for line in user.said if line.startswith("\n[")]
    assert sections[0] == "\n[1/10 court and case]" and sections[-1] == "\n[review]"
    menus = [p for p, _ in user.log if p.key.startswith("menu:")]
    titles = {o.title for p in menus for o in p.options}
    assert not [t for t in titles if re.match(r"(edit|delete) a [aeiou]", t)]  # "an attorney"
    if any(p.key.endswith(".attorneys") for p in menus):
        assert {"edit an attorney", "delete an attorney"} <= titles
    for prompt in (p for p, _ in user.log if p.kind == "multiline"):  # where Enter adds a line
        assert "Enter" not in f"{prompt.message} {prompt.hint}", prompt.key


def model_data(name: str = "cp-productions") -> dict:
    return load_source(EXAMPLES / f"{name}.yaml").data


def test_ctrl_c_at_any_point_keeps_every_answer_and_resuming_finishes(tmp_path):
    for stop_at in (
        "case.judge",
        "docket.2.background",
        "role:reply",
        "grounds.1.summary",
        "counsel.movant.attorneys.0.email",
    ):
        file = tmp_path / f"{stop_at}.yaml"
        user = ExampleUser(model_data(), {stop_at: KeyboardInterrupt})
        with pytest.raises(KeyboardInterrupt):
            interview(file, user)
        given = [p.key for p, _ in user.log]
        saved = load_source(file).data  # the partial file reads as an answer file
        assert saved["court"] == "azd" and given[-1] != stop_at
        resumed = ExampleUser(model_data())
        interview(file, resumed)
        # Nothing answered is asked again, a question answered blank (or with the default the
        # file leaves out) included: the resumed interview starts at the question it stopped at.
        assert resumed.log[0][0].key == stop_at, stop_at
        assert stop_at not in given and not {k for k in given if not k.startswith(("menu:", "more:"))} & {
            p.key for p, _ in resumed.log
        }, stop_at
        assert load_matter(file).answers == load_matter(EXAMPLES / "cp-productions.yaml").answers


def test_a_list_is_asked_item_after_item_and_a_revisit_edits_one_field(tmp_path):
    """A new list asks one item after another until its first question is left empty; coming
    back to it (the review's "change"), its menu edits one field of one item, or deletes one."""
    names = {0: "Alpha LLC", 1: "Beta LLC", 2: "Gamma LLC", 3: ""}
    blanks = {f"parties.plaintiffs.{i}.{f}": "" for i in range(3) for f in ("description", "short_name")}
    user = ExampleUser(
        model_data(),
        {**{f"parties.plaintiffs.{i}.name": n for i, n in names.items()}, **blanks, "movant.party": KeyboardInterrupt},
    )
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    asked = [p.key for p, _ in user.log]
    assert "menu:parties.plaintiffs" not in asked  # no menu after each item
    end = next(p for p, _ in user.log if p.key == "parties.plaintiffs.3.name")
    assert end.hint == "Enter: no more plaintiffs"
    assert [line for line in user.said if line.startswith("    ")][:3] == [
        "    1. Alpha LLC",
        "    2. Beta LLC",
        "    3. Gamma LLC",
    ]

    menu = iter(["delete", "edit", "done"])
    again = ExampleUser(
        model_data(),
        {
            "menu:parties.plaintiffs": lambda p: next(menu),
            "delete:parties.plaintiffs": 0,
            "confirm-delete:parties.plaintiffs": True,
            "edit:parties.plaintiffs": 0,
            "field:parties.plaintiffs": "name",
            "parties.plaintiffs.0.name": "Beta Corp.",
        },
    )
    interview(tmp_path / "case.yaml", again, only=["parties"])
    plaintiffs = load_source(tmp_path / "case.yaml").data["parties"]["plaintiffs"]
    assert [p["name"] for p in plaintiffs] == ["Beta Corp.", "Gamma LLC"]
    keys = [p.key for p, _ in again.log]
    field = next(p for p, _ in again.log if p.key == "field:parties.plaintiffs")
    assert [o.value for o in field.options] == ["name", "description", "short_name"]
    # only the field picked is asked, and the menu comes back
    assert keys[keys.index("field:parties.plaintiffs") + 1 :][:2] == [
        "parties.plaintiffs.0.name",
        "menu:parties.plaintiffs",
    ]
    assert next(p for p, _ in again.log if p.key == "parties.plaintiffs.0.name").message.startswith(
        "plaintiff Beta LLC: "
    )


def test_a_docket_number_used_twice_is_refused_in_checks_words(tmp_path):
    from assembler.answers.editor import AnswerFile as AF
    from assembler.interview.engine import Mode
    from assembler.interview.questions import docket_loop

    class Nobody:
        def say(self, text):
            pass

    (tmp_path / "case.yaml").write_text("docket:\n  - number: 13\n  - {}\n", encoding="utf-8")
    iv = Interview(AF(tmp_path / "case.yaml"), Nobody(), SECTIONS)
    ask = docket_loop().asks[0]
    assert (
        iv.field_problem("DocketEntry", ask, 13, {}, ("docket", 1))
        == "docket number 13 is listed twice (also docket.0)"
    )
    assert iv.field_problem("DocketEntry", ask, 14, {}, ("docket", 1)) is None
    assert Mode.FILL


def test_from_prefills_defaults_and_reasks_what_no_longer_validates(tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", base)
    text = base.read_text().replace("number: 2:12-CV-01183-PHX-SLG", "number: 12-1183")
    base.write_text(text)
    data = model_data()
    user = ExampleUser(
        data, {"case.number": lambda p: p.default if p.default != "12-1183" else "2:12-CV-01184-PHX-SLG"}
    )
    interview(tmp_path / "doe-13.yaml", user, prefill_from=base)
    asked = {p.key: p for p, _ in user.log}
    assert asked["case.judge"].default == "Sharon L. Gleason"
    assert asked["case.number"].default == "12-1183"
    assert load_source(tmp_path / "doe-13.yaml").data["case"]["number"] == "2:12-CV-01184-PHX-SLG"
    # lists come over from the base and are offered for change
    assert not any(p.key == "docket.0.number" for p, _ in user.log)


def test_a_saved_answer_that_no_longer_validates_is_asked_again_with_the_reason(tmp_path):
    file = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    file.write_text(file.read_text().replace("number: 2:12-CV-01183-PHX-SLG", "number: twelve"))
    user = ExampleUser(model_data())
    interview(file, user)
    assert user.log[0][0].key == "case.number"
    assert any("'twelve' is not a District of Arizona case number" in line for line in user.said)
    assert load_matter(file).answers == load_matter(EXAMPLES / "cp-productions.yaml").answers


def test_resume_keeps_comments_and_key_order(tmp_path):
    file = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    before = file.read_text()
    interview(file, ExampleUser(model_data()))
    assert file.read_text() == before


@MODEL_INTERVIEW
def test_questions_that_do_not_apply_are_not_asked(interviewed):
    user, _ = interviewed("cp-productions")
    keys = {p.key for p, _ in user.log}
    assert "movant.side" not in keys and "movant.opposes" in keys  # a non-party has no side
    assert "motion.leave" not in keys  # Arizona does not ask for leave
    assert "docket.6.continues" not in keys  # docket 19 has no background text


def test_ask_only_named_sections(tmp_path):
    file = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    user = ExampleUser(model_data(), {"motion.filed": "2012-09-13"})
    before = file.read_text()
    interview(file, user, only=["motion"])
    # (asked in full, the motion's "more about it" question too)
    assert {p.key.removeprefix("more:").split(".")[0].split(":")[0] for p, _ in user.log} == {
        "motion",
        "review",
        "draft",
    }
    assert load_source(file).data["motion"]["filed"] == dt.date(2012, 9, 13)
    # only the changed answer differs: long lines are not re-wrapped, comments stay
    changed = [line for line in file.read_text().splitlines() if line not in before.splitlines()]
    assert changed == ["  filed: 2012-09-13"]


def test_review_shows_checks_warnings(tmp_path):
    file = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    user = ExampleUser(model_data(), {"motion.filed": "2013-01-15"})
    interview(file, user, only=["motion"])
    # the review says what `assembler check` says, in its words (file, line and field included)
    assert any(
        line.startswith("  warning: ") and "motion.filed: the motion is filed on 2013-01-15" in line
        for line in user.said
    )


def test_section_names_match_the_command_line():
    from assembler.names import SECTION_NAMES

    assert tuple(s.name for s in SECTIONS) == SECTION_NAMES


def test_citing_an_entry_not_yet_in_the_docket_offers_to_add_it(tmp_path):
    class StopsInTheAddedEntry(ExampleUser):
        added = False

        def ask(self, prompt):
            if self.added and prompt.key.endswith(".date"):
                raise KeyboardInterrupt
            answer = super().ask(prompt)
            self.added = self.added or prompt.key == "add-cited:22"
            return answer

    user = StopsInTheAddedEntry(model_data(), {"add-cited:22": True})
    with pytest.raises(KeyboardInterrupt):
        interview(tmp_path / "case.yaml", user)
    keys = [p.key for p, _ in user.log]
    citing = next(p.key for p, answer in user.log if p.key.endswith(".background") and "[[22]]" in str(answer))
    assert keys[keys.index(citing) + 1] == "add-cited:22"
    saved = load_source(tmp_path / "case.yaml").data
    assert 22 in [e["number"] for e in saved["docket"]]


def test_a_docket_date_after_the_motion_or_before_the_complaint_asks_keep_anyway(tmp_path):
    data = model_data()
    dates = iter(["2031-01-01", "2012-06-05"])  # after today's filing date: refused once, then fixed
    user = ExampleUser(
        data,
        {
            "docket.0.date": lambda p: next(dates),
            "keep:docket.0.date": False,
            "docket.1.date": "2012-01-01",
            "keep:docket.1.date": True,
        },
    )
    with pytest.raises(KeyboardInterrupt):
        user.overrides["docket.1.title"] = KeyboardInterrupt
        interview(tmp_path / "case.yaml", user)
    asked = {p.key: p for p, _ in user.log}
    assert "is after the motion's filing date, 2026-11-30" in asked["keep:docket.0.date"].message
    assert "is before the complaint (docket 1, 2012-06-05)" in asked["keep:docket.1.date"].message
    saved = load_source(tmp_path / "case.yaml").data["docket"]
    assert saved[0]["date"] == dt.date(2012, 6, 5) and saved[1]["date"] == dt.date(2012, 1, 1)


@MODEL_INTERVIEW
def test_straight_quotes_are_curled_unless_the_user_says_no(tmp_path, interviewed):
    # the court's forms are behind one question: the form picked there is asked
    user = ExampleUser(model_data(), {"more:case:label": ["typography.smart_quotes"], "typography.smart_quotes": False})
    interview(tmp_path / "case.yaml", user)
    prompt = next(p for p, _ in user.log if p.key == "typography.smart_quotes")
    assert prompt.kind == "confirm" and prompt.default is True
    assert load_source(tmp_path / "case.yaml").data["typography"] == {"smart_quotes": False}
    assert "Order Granting Plaintiff's *Ex Parte* Motion" in papers(tmp_path / "case.yaml")["motion"]
    # the default (yes) is not written: the file stays as short as the answers are
    default, file = interviewed("cp-productions")
    assert "typography.smart_quotes" not in {p.key for p, _ in default.log}  # the usual forms kept
    assert "typography" not in load_source(file).data


def test_the_orders_shape_and_clerk_directions_are_asked_and_only_changes_written(tmp_path):
    user = ExampleUser(
        model_data(),
        {
            "ruling.form.usual": False,
            "ruling.form.closing": "so-ordered",
            "ruling.form.dated": "dated",
            "ruling.form.place": "Phoenix, Arizona",
            "more:ruling.denying:outcome": lambda prompt: [o.value for o in prompt.options],  # all of them
            "ruling.denying.clerk": ["The Clerk shall terminate the motion at [[@18]]."],
        },
    )
    interview(tmp_path / "case.yaml", user)
    keys = [p.key for p, _ in user.log]
    assert keys.index("ruling.form.usual") < keys.index("ruling.form.headings")
    data = load_source(tmp_path / "case.yaml").data
    # the answers equal to the court's (headings, no Legal Standard) are not written
    assert data["ruling"]["form"] == {"closing": "so-ordered", "dated": "dated", "place": "Phoenix, Arizona"}
    assert data["ruling"]["denying"]["clerk"] == ["The Clerk shall terminate the motion at [[@18]]."]
    order = papers(tmp_path / "case.yaml")["order-denying"]
    assert "The Clerk shall terminate the motion at Docket 18.\n[Body Text] SO ORDERED." in order
    assert "[Dated Line] Dated: Phoenix, Arizona" in order


def test_the_review_names_what_drafting_still_needs(tmp_path):
    file = tmp_path / "case.yaml"
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  relief:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    file.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    assert "motion" in load_source(file).data and "relief" not in load_source(file).data["motion"]
    user = ExampleUser(model_data(), {"motion.relief": ""})
    user.overrides["draft"] = False
    interview(file, user, only=["ruling"])
    said = "\n".join(user.said)
    assert "cannot be drafted yet: it needs motion.relief (what the motion asks)" in said
    assert "check: ok" not in said


@pytest.mark.parametrize(
    ("name", "asked"),
    [("edtex-sherman", True), pytest.param("cp-productions", False, marks=MODEL_INTERVIEW), ("acme-nysd", False)],
)
def test_the_conference_is_asked_only_where_the_courts_profile_requires_one(name, asked, interviewed):
    from assembler.law.courts import load_court

    user, file = interviewed(name)
    keys = [p.key for p, _ in user.log if p.key.startswith("motion.conference.")]
    court = load_court(load_source(file).data["court"])
    assert bool(keys) == asked == bool(court.conference.required.value)
    if asked:  # a conference held: when, how, who; why it failed, for an opposed motion
        assert keys == [f"motion.conference.{k}" for k in ("position", "date", "manner", "participants", "reasons")]
        assert any(
            line.startswith("  The conference with the other side before filing (Local Rule CV-7(h))")
            for line in user.said
        )


def test_a_ground_arguing_new_facts_is_followed_by_the_declaration_and_its_exhibits(interviewed):
    user, file = interviewed("new-evidence-mad")
    keys = [p.key for p, _ in user.log]
    assert "motion.declaration.draft" in keys  # offered: the new-facts ground argues new facts
    assert keys.index("motion.declaration.draft") > max(i for i, k in enumerate(keys) if k.startswith("grounds."))
    asked = {k for k in keys if k.startswith("motion.declaration.")}
    assert {"motion.declaration.paragraphs", "motion.declaration.exhibits.1.file"} <= asked
    assert "motion.declaration.executed.place" in asked
    other, _ = interviewed("doe-defendant")  # no ground that argues new facts: not offered
    assert not [p.key for p, _ in other.log if "declaration" in p.key]


def test_a_habeas_petition_settles_the_sides_roles_without_asking(interviewed):
    """case.habeas: Petitioner and Respondent are written (Rules Governing § 2254 Cases, Rule 2), not asked."""
    user, file = interviewed("habeas-2254")
    assert not [p.key for p, _ in user.log if "roles" in p.key]
    assert load_source(file).data["parties"]["roles"] == {"plaintiffs": "petitioner", "defendants": "respondent"}
    # and the prompts call the parties what the caption does: "petitioner Jordan Ellis", not "plaintiff"
    parties = [p.message for p, _ in user.log if p.key.startswith("parties.")]
    assert any(m.startswith("petitioner ") for m in parties) and any(m.startswith("respondent ") for m in parties)
    assert not [m for m in parties if m.startswith(("plaintiff", "defendant"))]
