from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import write

from assembler.cli import cli

COMMANDS = sorted(cli.commands)


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """The real command, as a user runs it (python -m assembler)."""
    return subprocess.run([sys.executable, "-m", "assembler", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert cli.commands[command].help and "Usage:" in result.output


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("assembler, version ")


def test_render_writes_the_drafts_and_refuses_to_overwrite(tmp_path, example):
    first = run("render", str(example), "-o", str(tmp_path), "--documents", "motion")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "2-12-CV-01183-PHX-SLG" / "motion.docx").exists()
    again = run("render", str(example), "-o", str(tmp_path), "--documents", "motion")
    assert again.returncode == 1
    assert "already exist" in again.stderr and "Traceback" not in again.stderr
    assert run("render", str(example), "-o", str(tmp_path), "--documents", "motion", "--force").returncode == 0


def test_dry_run_writes_nothing(tmp_path, example):
    result = run("render", str(example), "-o", str(tmp_path / "out"), "--dry-run")
    assert result.returncode == 0 and "would write" in result.stdout
    assert not (tmp_path / "out").exists()


def test_bad_answers_give_one_clear_error_and_exit_1(tmp_path):
    bad = write(tmp_path, "bad.yaml", "court: azd\ncourt: nysd\n")
    result = run("render", str(bad), "-o", str(tmp_path))
    assert result.returncode == 1
    assert "bad.yaml, line 2: duplicate key 'court'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_document_is_a_usage_error(example):
    result = run("render", str(example), "--documents", "brief")
    assert result.returncode == 2 and "unknown document brief" in result.stderr


def test_check_reports_each_file(tmp_path, example):
    bad = write(tmp_path, "bad.yaml", example.read_text(encoding="utf-8").replace("[[1 at 5]]", "[[4]]"))
    result = run("check", str(example), str(bad))
    assert result.returncode == 1
    assert f"{example}: ok" in result.stdout
    assert "[[4]] cites docket 4" in result.stderr


def test_schema_is_json_schema_of_the_answer_file():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"court", "case", "docket", "extends"} <= set(schema["properties"])


def test_check_and_render_run_with_the_collector_off_and_leave_it_on(tmp_path, example, monkeypatch):
    """The cycle collector is off while check and render run (their speed) and on again after,
    for whatever runs next in the process (the interview's review, a library caller)."""
    import gc

    seen = []
    from assembler import checks

    real = checks.check

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "check", spy)
    assert gc.isenabled()
    checked = CliRunner().invoke(cli, ["check", str(example), str(example)])
    rendered = CliRunner().invoke(cli, ["render", str(example), "-o", str(tmp_path / "out"), "--quiet"])
    assert (checked.exit_code, rendered.exit_code) == (0, 0), checked.output + rendered.output
    assert seen == [False, False, False] and gc.isenabled()
