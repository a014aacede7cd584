"""The user's settings file: found where the platform keeps config, or named by ASSEMBLER_CONFIG;
below the answer file and the command line; shown by ``assembler config``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write

from assembler import settings
from assembler.answers.matter import load_matter
from assembler.cli import cli, main

MODEL = EXAMPLES / "cp-productions.yaml"
FIRM = """\
counsel:
  movant:
    represents: Attorneys for the Firm's Client
    attorneys:
      - name: Firm Lawyer
        bar_number: "099999"
        firm: The Firm LLP
        address: [9 Firm Street, "Phoenix, Arizona 85004"]
        email: lawyer@firm.example
        phone: (602) 555-0111
output: firm-drafts
"""


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"ASSEMBLER_CONFIG": "/etc/firm.yaml", "XDG_CONFIG_HOME": "/x"}, "/etc/firm.yaml"),
        ("linux", {"XDG_CONFIG_HOME": "/x"}, "/x/assembler/config.yaml"),
        ("linux", {"XDG_CONFIG_HOME": "relative"}, str(Path.home() / ".config/assembler/config.yaml")),
        ("linux", {}, str(Path.home() / ".config/assembler/config.yaml")),
        ("darwin", {}, str(Path.home() / "Library/Application Support/assembler/config.yaml")),
        ("win32", {"APPDATA": "/appdata"}, "/appdata/assembler/config.yaml"),
    ],
)
def test_the_settings_file_is_where_the_platform_keeps_config_or_where_the_variable_says(platform, environ, expected):
    assert settings.config_path(platform, environ) == Path(expected)


def without_movant_counsel(tmp_path: Path) -> Path:
    text = MODEL.read_text(encoding="utf-8")
    text = re.sub(r"\n  movant:\n    represents:.*?\n  opponent:", "\n  opponent:", text, count=1, flags=re.S)
    return write(tmp_path, "case.yaml", text)


def test_the_settings_counsel_fills_what_the_answer_file_leaves_out(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CONFIG", str(write(tmp_path, "firm.yaml", FIRM)))
    matter = load_matter(without_movant_counsel(tmp_path))
    assert [a.name for a in matter.answers.counsel.movant.attorneys] == ["Firm Lawyer"]
    assert [a.name for a in matter.answers.counsel.opponent.attorneys] == ["Richard R. Roe"]
    assert tmp_path / "firm.yaml" in matter.source.files  # its change is a change of the answers


def test_the_answer_files_own_counsel_wins_over_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CONFIG", str(write(tmp_path, "firm.yaml", FIRM)))
    assert [a.name for a in load_matter(MODEL).answers.counsel.movant.attorneys] == ["Jane Q. Counsel"]


def test_render_writes_into_the_settings_output_unless_the_command_line_says(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CONFIG", str(write(tmp_path, "firm.yaml", FIRM)))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(MODEL), "--documents", "motion"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "firm-drafts" / "2-12-CV-01183-PHX-SLG" / "motion.docx").is_file()
    result = runner.invoke(cli, ["render", str(MODEL), "--documents", "motion", "-o", str(tmp_path / "cli")])
    assert result.exit_code == 0 and (tmp_path / "cli" / "2-12-CV-01183-PHX-SLG" / "motion.docx").is_file()


def test_config_shows_the_file_and_what_it_sets(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CONFIG", str(write(tmp_path, "firm.yaml", FIRM)))
    out = CliRunner().invoke(cli, ["config"]).output
    assert f"settings file: {tmp_path / 'firm.yaml'} (ASSEMBLER_CONFIG)" in out
    assert "counsel.movant: Firm Lawyer" in out and f"output: {tmp_path / 'firm-drafts'}" in out
    assert "templates: not set" in out and "soffice: not set" in out


@pytest.mark.parametrize("command", [["check", str(MODEL)], ["render", str(MODEL), "--dry-run"], ["config"]])
def test_a_setting_that_is_not_one_is_a_sentence_with_file_and_line(tmp_path, monkeypatch, capsys, command):
    bad = write(tmp_path, "firm.yaml", "output: out\noutptu: typo\n")
    monkeypatch.setenv("ASSEMBLER_CONFIG", str(bad))
    with pytest.raises(SystemExit) as exit:
        main(command)
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert f"{bad}, line 2" in err and "outptu: not a setting" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"ASSEMBLER_CACHE": "/c"}, "/c"),
        ("linux", {"XDG_CACHE_HOME": "/x"}, "/x/assembler"),
        ("linux", {}, str(Path.home() / ".cache/assembler")),
        ("darwin", {}, str(Path.home() / "Library/Caches/assembler")),
        ("win32", {"LOCALAPPDATA": "/local"}, "/local/assembler/Cache"),
    ],
)
def test_the_cache_is_where_the_platform_keeps_caches(platform, environ, expected):
    assert settings.cache_dir(platform, environ) == Path(expected)
