from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter
from assembler.errors import AnswersError


def example_text(example: Path) -> str:
    return example.read_text(encoding="utf-8")


def problems(path: Path) -> list[str]:
    with pytest.raises(AnswersError) as info:
        load_matter(path)
    return [str(p) for p in info.value.problems]


def test_example_loads_and_validates(example):
    matter = load_matter(example)
    assert matter.answers.court == "azd"
    assert matter.answers.order.date == dt.date(2012, 8, 24)
    assert [e.number for e in matter.answers.docket] == [1, 5, 9, 12, 13, 18, 19, 21, 22, 26]
    assert matter.entry_with_role("motion").number == 18


def test_duplicate_key_is_an_error_with_both_lines(tmp_path, example):
    text = example_text(example).replace(
        "  judge: Sharon L. Gleason\n", "  judge: Sharon L. Gleason\n  judge: Someone Else\n"
    )
    (message,) = problems(write(tmp_path, "dup.yaml", text))
    assert "dup.yaml, line 9: duplicate key 'judge' (first given on line 8)" in message


def test_every_problem_is_reported_at_once_with_field_and_line(tmp_path, example):
    text = (
        example_text(example)
        .replace("date: 2012-06-13", "date: June 13th")
        .replace("  plural: true\n", "  plural: true\n  plurall: true\n")
        .replace("  docket: 13\n", "  docket: thirteen\n")
    )
    found = problems(write(tmp_path, "bad.yaml", text))
    assert len(found) == 3
    assert any("line 54: docket.1.date: not a date" in p for p in found)
    assert any("movant.plurall: unknown key" in p for p in found)
    assert any("order.docket: must be a whole number" in p for p in found)


def test_unknown_docket_citation_names_file_line_and_citation(tmp_path, example):
    text = example_text(example).replace("[[1 at 5]]", "[[4 at 5]]")
    (message,) = problems(write(tmp_path, "cite.yaml", text))
    assert message.startswith(str(tmp_path / "cite.yaml") + ", line 49: docket.0.background:")
    assert "[[4 at 5]] cites docket 4, which is not in the docket list" in message


def test_docket_numbers_must_be_unique(tmp_path, example):
    text = example_text(example).replace("  - number: 9\n", "  - number: 5\n")
    found = problems(write(tmp_path, "twice.yaml", text))
    assert any("docket number 5 is listed twice" in p for p in found)


def test_case_number_must_fit_the_court(tmp_path, example):
    text = example_text(example).replace("number: 2:12-CV-01183-PHX-SLG", "number: banana")
    (message,) = problems(write(tmp_path, "num.yaml", text))
    assert "'banana' is not a District of Arizona case number" in message
    assert "2:12-cv-01183-PHX-SLG" in message


def test_extends_deep_merges_a_base_file(tmp_path, example):
    base = write(tmp_path, "base/coalition.yaml", example_text(example))
    case = write(
        tmp_path,
        "cases/doe-7.yaml",
        ("extends: ../base/coalition.yaml\ncase:\n  number: 2:12-cv-07777-PHX-ABC\norder:\n  date: 2012-08-23\n"),
    )
    matter = load_matter(case)
    assert matter.answers.case.number == "2:12-cv-07777-PHX-ABC"
    assert matter.answers.case.judge == "Sharon L. Gleason"  # kept from the base
    assert matter.answers.order.date == dt.date(2012, 8, 23)  # overridden
    assert matter.answers.order.docket == 13  # merged, not replaced
    assert matter.source.bases == [base.relative_to(Path.cwd()) if base.is_relative_to(Path.cwd()) else base]


def test_problems_in_an_inherited_value_point_at_the_base(tmp_path, example):
    write(tmp_path, "base.yaml", example_text(example).replace("[[1 at 5]]", "[[4 at 5]]"))
    case = write(tmp_path, "case.yaml", "extends: base.yaml\ncase:\n  judge: A. Judge\n")
    (message,) = problems(case)
    assert "base.yaml, line 49" in message


def test_extends_cycle_is_detected(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\nschema_version: 1\n")
    b = write(tmp_path, "b.yaml", "extends: a.yaml\n")
    (message,) = problems(b)
    assert "cycle" in message and "a.yaml" in message


def test_missing_base_file_is_an_error(tmp_path):
    (message,) = problems(write(tmp_path, "c.yaml", "extends: nowhere.yaml\n"))
    assert "line 1: extends: no such base file 'nowhere.yaml'" in message


def test_yaml_syntax_error_gives_the_line(tmp_path):
    (message,) = problems(write(tmp_path, "s.yaml", "court: azd\ncase: [unclosed\n"))
    assert "s.yaml, line 3: not valid YAML" in message


def test_yaml_tags_cannot_run_code(tmp_path):
    found = problems(write(tmp_path, "t.yaml", "court: !!python/object/apply:os.system [echo]\n"))
    assert any("not allowed in answer files" in p for p in found)


def test_a_party_movant_needs_a_side(tmp_path, example):
    text = example_text(example).replace("  party: false\n", "  party: true\n")
    found = problems(write(tmp_path, "side.yaml", text))
    assert any("a party movant needs side" in p for p in found)


def test_the_editor_rewrites_only_the_keys_that_changed_and_writes_the_same_text(tmp_path):
    """A save dumps again only the top-level keys changed since the last one; the text is the same
    as dumping the whole tree, on every example and after edits of every kind."""
    import shutil

    from assembler.answers.editor import AnswerFile

    for example in sorted(EXAMPLES.rglob("*.yaml")):
        copy = tmp_path / example.name
        shutil.copy(example, copy)
        answers = AnswerFile(copy)
        assert answers.text() == answers.whole_text(), example.name
        answers.set(("docket", 0, "title"), "A changed title")
        answers.set(("motion", "relief"), "two\nlines\n")
        answers.delete(("citation",))
        answers.set(("new", "key"), [1, 2])
        answers.save()
        assert answers.text() == answers.whole_text() == copy.read_text(encoding="utf-8"), example.name
        answers.document["docket"].yaml_add_eol_comment("edited by hand", 0)  # taking the tree: all afresh
        assert "edited by hand" in answers.text() and answers.text() == answers.whole_text()


@pytest.mark.parametrize("example", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.stem)
def test_every_examples_matter_pickles_and_comes_back_equal(example):
    """A batch hands each checked matter from the worker that validated it to the one that drafts it."""
    import pickle

    try:
        matter = load_matter(example)
    except AnswersError:  # a base a case extends, not a case
        pytest.skip("not a case")
    again = pickle.loads(pickle.dumps(matter, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == matter and again.answers == matter.answers and again.texts == matter.texts
    assert again.court is matter.court  # the packaged profile, read once per process, by its id


def test_every_courts_profile_pickles_with_its_earlier_versions():
    import pickle

    from assembler.law.courts import known_courts, load_court

    courts = [load_court(court_id) for court_id in known_courts()]
    assert any(fact.earlier for court in courts for fact in court.facts().values())  # nysd's, nyed's
    for court in courts:
        again = pickle.loads(pickle.dumps(court, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == court, court.id
        for name, fact in court.facts().items():
            copy = again.facts()[name]
            assert type(copy) is type(fact) and copy.earlier == fact.earlier, (court.id, name)
