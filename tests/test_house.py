"""The house plan: one paper registry, one strict reader, one check, for every way in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write
from interview_driver import ExampleUser
from test_interview_flow import interview, model_data

from assembler import check
from assembler.answers.editor import AnswerFile
from assembler.answers.reader import load_source
from assembler.cli import cli
from assembler.papers import registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


# -- the paper registry ------------------------------------------------------------------------


def test_every_registered_paper_has_its_template_and_its_builder():
    templates = {p.stem for p in (ROOT / "templates").glob("*.docx")}
    kinds = registry.papers()
    assert {k.template.removesuffix(".docx") for k in kinds.values()} <= templates
    build = (ROOT / "tools" / "build_templates.py").read_text(encoding="utf-8")
    for kind in kinds.values():
        assert f'"{kind.template}"' in build, f"tools/build_templates.py builds no {kind.template}"


def test_a_new_paper_needs_its_registry_entry_and_its_template_only(monkeypatch, tmp_path):
    """A paper added to the registry drafts through check and render with nothing else changed:
    its template, its filer (the document's author), its date and what it needs."""
    from docx import Document

    from assembler.papers.render import TemplateSet

    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    shutil.copy(folder / "reply.docx", folder / "sur-reply.docx")
    raw = {
        **registry._raw(),
        "sur-reply": {
            "label": "sur-reply (opponent)",
            "filer": "opponent",
            "template": "sur-reply.docx",
            "date": "reply.filed",
            "entry": "reply",
            "default": "never",
            "needs": [["counsel.opponent", "the opponent's counsel"]],
        },
    }
    monkeypatch.setattr(registry, "_raw", lambda: raw)
    registry.papers.cache_clear()
    try:
        report = check(EXAMPLES / "cp-productions.yaml", ["sur-reply"], explicit=True, templates=TemplateSet(folder))
        assert report.ok, report.problems
        assert "sur-reply" not in registry.default_ids()
        out = tmp_path / "sur-reply.docx"
        report.drafts["sur-reply"].save(out)
        props = Document(str(out)).core_properties
        matter = report.matter
        assert matter is not None and matter.answers.counsel.opponent is not None
        assert props.author == ", ".join(a.name for a in matter.answers.counsel.opponent.attorneys)
        assert (
            props.created.date() == matter.entry_with_role("reply").date == registry.paper_date(matter, "sur-reply")[0]
        )
    finally:
        registry.papers.cache_clear()


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        (
            {"label": "x", "filer": "judge", "template": "x.docx", "date": "ruling.date", "default": "always"},
            "data/papers.yaml: bad.filer: must be one of movant, opponent, court",
        ),
        (
            {
                "label": "x",
                "filer": "court",
                "template": "x.docx",
                "date": "ruling.date",
                "default": "always",
                "page_limt": "page_limit",
            },
            "data/papers.yaml: bad.page_limt: unknown key",
        ),
        (
            {"label": "x", "filer": "court", "template": "x.docx", "default": "always"},
            "data/papers.yaml: bad.date: required",
        ),
        (
            {
                "label": "x",
                "filer": "court",
                "template": "x.docx",
                "date": "ruling.date",
                "default": "always",
                "needs": [["ruling"]],
            },
            "data/papers.yaml: bad.needs.0: must be [key, what it is]",
        ),
    ],
)
def test_a_broken_registry_entry_is_one_sentence_naming_the_file_and_key(monkeypatch, entry, says):
    raw = {**registry._raw(), "bad": entry}
    monkeypatch.setattr(registry, "_raw", lambda: raw)
    registry.papers.cache_clear()
    try:
        with pytest.raises(registry.RegistryError) as caught:
            registry.papers()
        assert str(caught.value) == says
    finally:
        registry.papers.cache_clear()


def test_the_default_set_and_the_notice_come_from_the_registry():
    assert registry.default_ids() == ("motion", "response", "reply", "order-granting", "order-denying")
    assert registry.paper_ids()[0] == "notice" and registry.paper("notice").before == "motion"
    assert registry.paper("response").signed_by == "opponent" and registry.paper("order-denying").signed_by is None


# -- one check ---------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_what_check_passes_renders_and_renders_what_it_drafted(example, tmp_path):
    report = check(example)
    assert report.ok, report.problems
    result = CliRunner().invoke(cli, ["render", str(example), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.stem for p in tmp_path.rglob("*.docx"))
    assert written == sorted(report.documents)


def _without_role(text: str, role: str) -> str:
    return text.replace(f"    role: {role}\n", "")


def test_a_file_check_refuses_render_refuses_first_in_the_same_words(tmp_path):
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "case.yaml", _without_role(text, "response"))
    report = check(path)
    assert not report.ok
    assert any("response's date" in p for p in report.problems), report.problems
    checked = CliRunner().invoke(cli, ["check", str(path)])
    rendered = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "out")])
    assert checked.exit_code == rendered.exit_code == 1
    for problem in report.problems:
        assert problem in checked.output and problem in rendered.output
    assert not (tmp_path / "out").exists()


def test_the_interviews_review_says_what_check_says(tmp_path):
    file = tmp_path / "case.yaml"
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    file.write_text(_without_role(text, "response"), encoding="utf-8")
    user = ExampleUser(load_source(file).data, {"draft": True})
    outcome = interview(file, user, only=["court"])
    report = check(file)
    for problem in report.problems:
        assert f"  - {problem}" in user.said
    assert "  check: ok" not in user.said
    # never offers to draft what fails: only the papers that need nothing more (not the
    # response, whose entry the file lacks, nor the reply to it)
    offered = next(p for p, _ in user.log if p.key == "documents")
    assert {o.value for o in offered.options} == {"motion", "order-granting", "order-denying"}
    assert outcome.drafts == []  # the scripted user picks none


# -- one reader ---------------------------------------------------------------------------------


def test_the_interview_asks_about_and_repairs_a_docket_number_check_refuses(tmp_path):
    file = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "cp-productions.yaml", file)
    text = file.read_text(encoding="utf-8")
    assert "  docket: 13\n" in text
    file.write_text(text.replace("  docket: 13\n", "  docket: 0013\n", 1), encoding="utf-8")
    assert not check(file).ok
    assert AnswerFile(file).get(("order", "docket")) == "0013"  # as check reads it: text
    user = ExampleUser(model_data(), {"draft": False})
    interview(file, user)  # a resumed file: only what is missing or invalid is asked
    assert any(p.key == "order.docket" for p, _ in user.log), "the interview never asked"
    assert "  docket: 13\n" in file.read_text(encoding="utf-8")
    assert check(file).ok


def test_a_value_the_reader_refuses_reads_as_absent_with_its_reason(tmp_path):
    file = tmp_path / "case.yaml"
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    file.write_text(text.replace("  judge: Sharon L. Gleason", '  judge: "Sharon\\u0096 Gleason"', 1), encoding="utf-8")
    answers = AnswerFile(file)
    assert answers.get(("case", "judge")) is None
    problem = answers.problem(("case", "judge"))
    assert problem is not None and "U+0096" in problem.message


def test_batch_finds_bases_with_the_strict_reader(tmp_path):
    from assembler.batch.run import collect

    (tmp_path / "base.yaml").write_text("court: azd\n", encoding="utf-8")
    (tmp_path / "case.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    # a file the strict reader refuses names no base: it is a case, reported when validated
    (tmp_path / "twice.yaml").write_text("extends: base.yaml\nextends: other.yaml\n", encoding="utf-8")
    cases, bases = collect([tmp_path])
    assert [p.name for p in cases] == ["case.yaml", "twice.yaml"] and [p.name for p in bases] == ["base.yaml"]


def test_a_clerks_c1_control_character_never_reaches_the_answer_file():
    from assembler.docket.sources import _plain

    assert _plain("Motion\u0096to Reconsider\x0c") == "Motion to Reconsider "


def test_a_bug_of_ours_in_a_batch_worker_keeps_its_traceback(monkeypatch, tmp_path):
    from assembler.batch import run

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(run, "check", broken)
    result = run.validate_case(str(EXAMPLES / "cp-productions.yaml"), str(tmp_path / "0.pickle"))
    assert result.status == "invalid" and result.error is not None
    assert result.error.startswith("internal error, please report it:")
    assert "Traceback (most recent call last)" in result.error and "ZeroDivisionError: a bug" in result.error


def test_the_registry_loads_without_the_answer_model():
    code = (
        "import sys; from assembler.papers import registry; registry.papers(); "
        "assert 'pydantic' not in sys.modules, sorted(m for m in sys.modules if 'pydantic' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _without_block(text: str, key: str) -> str:
    """``text`` without the mapping entry ``key:`` (two-space indent) and its indented lines."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return "".join(lines[:start] + lines[end:])


def test_the_interview_asks_exactly_what_drafting_still_needs(tmp_path):
    """A file that lacks what check lists (the motion's relief, the response's entry): the resumed
    interview asks those, and nothing else of their sections, and then check passes."""
    file = tmp_path / "case.yaml"
    text = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
    file.write_text(_without_role(_without_block(text, "relief"), "response"), encoding="utf-8")
    before = check(file)
    assert any("motion.relief" in p and "docket.role.response" in p for p in before.problems), before.problems
    response_entry = next(
        e["number"] for e in load_source(EXAMPLES / "cp-productions.yaml").data["docket"] if e.get("role") == "response"
    )
    user = ExampleUser(
        model_data(),
        {
            "draft": False,
            "role:response": lambda prompt: next(
                o.value for o in prompt.options if o.title.startswith(f"docket {response_entry}:")
            ),
        },
    )
    interview(file, user)
    asked = [p.key for p, _ in user.log]
    assert asked.count("motion.relief") == 1 and "role:response" in asked
    assert "motion.title" not in asked and "motion.introduction" not in asked
    assert "\n[what drafting still needs]" in user.said
    assert check(file).ok


def test_the_names_the_command_line_shows_early_are_the_libraries_own():
    """names.py holds what --help shows before anything heavy is imported; each is the same as
    the library's own list, so it cannot drift."""
    from assembler import names
    from assembler.interview.questions import SECTIONS
    from assembler.law.deadlines import RULES

    assert names.DEADLINE_RULES == RULES
    assert names.SECTION_NAMES == tuple(s.name for s in SECTIONS)


def test_check_drafts_with_the_templates_render_would_use(tmp_path):
    """check --templates: a folder render --templates refuses is refused by check first."""
    folder = tmp_path / "firm"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "motion.docx").write_bytes(b"not a Word file")
    example = str(EXAMPLES / "cp-productions.yaml")
    checked = CliRunner().invoke(cli, ["check", example, "--documents", "motion", "--templates", str(folder)])
    rendered = CliRunner().invoke(
        cli, ["render", example, "-o", str(tmp_path / "out"), "--documents", "motion", "--templates", str(folder)]
    )
    assert checked.exit_code == rendered.exit_code == 1
    for result in (checked, rendered):
        assert "template motion.docx" in result.output and "is not a Word (.docx) file" in result.output
        assert "Traceback" not in result.output
    assert CliRunner().invoke(cli, ["check", example, "--documents", "motion"]).exit_code == 0
