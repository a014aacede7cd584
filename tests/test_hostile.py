"""Hostile and careless input: read as typed or refused with one located sentence."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter
from assembler.errors import AnswersError, OutputError
from assembler.files import atomic_write_all
from assembler.papers.render import render_matter

MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, "case.yaml", text)
    with pytest.raises(AnswersError) as info:
        load_matter(path)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("typed", ["0013", "0x0D", "1_3", "0o15", "0:13", "+013"])
def test_number_like_docket_values_are_refused_not_reinterpreted(tmp_path, typed):
    (message,) = problems_of(tmp_path, MODEL.replace("  docket: 13\n", f"  docket: {typed}\n"))
    assert "line 27: order.docket: must be a whole number" in message
    assert repr(typed) in message


@pytest.mark.parametrize("typed", ["yes", "no", "on", "off", "Y", "1:30", "0013"])
def test_words_yaml_1_1_would_turn_into_booleans_or_numbers_print_as_typed(tmp_path, typed):
    path = write(tmp_path, "case.yaml", MODEL.replace("short_name: the ISPs", f"short_name: {typed}"))
    assert load_matter(path).answers.movant.short_name == typed


def test_bar_number_with_a_leading_zero_keeps_it_unquoted(tmp_path):
    path = write(tmp_path, "case.yaml", MODEL.replace('bar_number: "012345"', "bar_number: 012345"))
    assert load_matter(path).answers.counsel.movant.attorneys[0].bar_number == "012345"


@pytest.mark.parametrize("date", ["2012-02-30", "2012-13-01", "2012-00-10"])
def test_impossible_dates_are_one_located_sentence(tmp_path, date):
    text = MODEL.replace("  date: 2012-08-24\n  title", f"  date: {date}\n  title")
    (message,) = problems_of(tmp_path, text)
    assert message.endswith(f"line 28: order.date: {date} is not a real date")


@pytest.mark.parametrize("char, name", [("\f", "FORM FEED"), ("\a", "BELL"), ("\x1b", "ESCAPE")])
def test_control_characters_are_refused_with_field_and_line(tmp_path, char, name):
    escaped = {"\f": "\\f", "\a": "\\a", "\x1b": "\\e"}[char]
    (message,) = problems_of(tmp_path, MODEL.replace("short_name: the ISPs", f'short_name: "the{escaped}ISPs"'))
    assert "line 18: movant.short_name: holds the control character" in message and name in message
    (message,) = problems_of(tmp_path, MODEL.replace("short_name: the ISPs", f"short_name: the{char}ISPs"))
    assert "line 18: movant.short_name: holds the control character" in message and name in message


def test_control_character_in_a_block_is_reported_on_its_own_line(tmp_path):
    text = MODEL.replace("serial infringer of Plaintiff’s works", "serial\finfringer")
    (message,) = problems_of(tmp_path, text)
    assert "line 41:" in message and "FORM FEED" in message


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    (message,) = problems_of(tmp_path, "\n".join(rows) + "\n")
    assert "expands to more than 100,000 values" in message


def test_huge_file_is_refused_by_size(tmp_path):
    (message,) = problems_of(tmp_path, "# " + "x" * 3_000_000 + "\n")
    assert "an answer file is at most 2 MB" in message


def test_non_utf8_bytes_give_the_line(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(MODEL.encode().replace(b"Sharon", b"Sh\xe9ron"))
    with pytest.raises(AnswersError, match=r"line 8: is not UTF-8 text \(byte 0xE9"):
        load_matter(path)


def test_tab_indentation_says_tab(tmp_path):
    (message,) = problems_of(tmp_path, MODEL.replace("  judge: Sharon", "\tjudge: Sharon"))
    assert "line 8" in message and "tab" in message


def test_extends_a_folder_names_extends_and_the_file(tmp_path):
    (message,) = problems_of(tmp_path, "extends: .\n")
    assert message.endswith("case.yaml, line 1: extends: '.' is a folder, not a base answer file")


def test_misspelt_key_suggests_the_right_one(tmp_path):
    (message,) = problems_of(tmp_path, MODEL.replace("  judge: Sharon", "  jugde: Sharon"))
    assert "case.jugde: unknown key" in message and "(did you mean 'judge'?)" in message


def test_absurd_docket_number_is_refused(tmp_path):
    (message,) = problems_of(tmp_path, MODEL.replace("  docket: 13\n", f"  docket: {10**30}\n"))
    assert "order.docket: is not a docket number" in message


def test_drafts_honour_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        (path,) = render_matter(load_matter(EXAMPLES / "cp-productions.yaml"), tmp_path, ["motion"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_full_disk_leaves_no_half_set_and_no_temporary_file(tmp_path, monkeypatch):
    targets = [tmp_path / "case" / f"{n}.docx" for n in ("a", "b", "c")]
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="the disk is full"):
        atomic_write_all([(b"x", t) for t in targets], force=False)
    assert list((tmp_path / "case").iterdir()) == []


def test_output_under_a_regular_file_is_one_sentence(tmp_path):
    blocker = write(tmp_path, "drafts", "not a folder")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        render_matter(load_matter(EXAMPLES / "cp-productions.yaml"), blocker, ["motion"])


def test_read_only_output_is_one_sentence(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores a real 0555 folder
    with pytest.raises(OutputError, match="permission denied"):
        render_matter(load_matter(EXAMPLES / "cp-productions.yaml"), tmp_path, ["motion"])


def test_docxtpl_escape_typed_by_a_user_prints_as_typed(tmp_path):
    from assembler import text_view

    text = MODEL.replace("short_name: the ISPs", "short_name: the {_{ISPs}_} {_%x%_}")
    (path,) = render_matter(load_matter(write(tmp_path, "case.yaml", text)), tmp_path / "out", ["motion"])
    assert "the {_{ISPs}_} {_%x%_}" in text_view(path)


def test_unknown_entry_cited_inside_a_parenthetical_is_refused(tmp_path):
    text = MODEL.replace("[[18 at 14]]", "[[18 at 14 (citing [[99 at 2]])]]")
    (message,) = problems_of(tmp_path, text)
    assert "cites docket 99, which is not in the docket list" in message


@pytest.mark.parametrize("date", ["1800-01-01", "9999-12-31"])
def test_dates_no_federal_paper_can_bear_are_refused(tmp_path, date):
    (message,) = problems_of(tmp_path, MODEL.replace("  date: 2012-08-24\n  title", f"  date: {date}\n  title"))
    assert f"order.date: {date} is outside the dates a federal civil paper can bear" in message


def test_an_order_dated_after_its_own_docket_entry_is_refused(tmp_path):
    messages = problems_of(tmp_path, MODEL.replace("  date: 2012-08-24\n  title", "  date: 2031-08-24\n  title"))
    assert any("order.date: the order is dated 2031-08-24, after its docket entry 13" in m for m in messages)


def test_an_order_docketed_long_after_its_date_is_a_warning(tmp_path):
    from assembler.law.advice import advise

    matter = load_matter(
        write(tmp_path, "case.yaml", MODEL.replace("  date: 2012-08-24\n  title", "  date: 2012-06-24\n  title"))
    )
    assert any("docket entry 13 was filed 61 days later" in w.message for w in advise(matter))


@pytest.mark.parametrize("start, words", [("1800-01-01", "before December 1, 2009"), ("2100-01-01", "past 2099")])
def test_deadline_refuses_dates_its_counting_does_not_cover(start, words):
    from click.testing import CliRunner

    from assembler.cli import cli

    result = CliRunner().invoke(cli, ["deadline", "--court", "azd", "--from", start])
    assert result.exit_code == 1 and words in str(result.exception or result.output)


@pytest.mark.parametrize("typed", ["Smith #1 Law", "#"])
def test_a_hash_that_yaml_would_read_as_a_comment_is_refused(tmp_path, typed):
    (message,) = problems_of(tmp_path, MODEL.replace("firm: Roe Law PLC", f"firm: {typed}"))
    assert "counsel.opponent.attorneys.0.firm: the text after “ #” is read as a YAML comment" in message


def test_a_real_comment_after_a_value_is_still_a_comment(tmp_path):
    path = write(tmp_path, "case.yaml", MODEL.replace("firm: Roe Law PLC", "firm: Roe Law PLC  # the firm"))
    assert load_matter(path).answers.counsel.opponent.attorneys[0].firm == "Roe Law PLC"


@pytest.mark.parametrize("typed, mark", [("&o Smith", "an anchor"), ("! Y", "a tag"), ("!!str 12", "a tag")])
def test_a_value_yaml_would_read_as_an_anchor_or_tag_is_refused(tmp_path, typed, mark):
    (message,) = problems_of(tmp_path, MODEL.replace("firm: Roe Law PLC", f"firm: {typed}"))
    assert (
        f"counsel.opponent.attorneys.0.firm: a value that begins with {typed[0]} is YAML's mark for {mark}" in message
    )
