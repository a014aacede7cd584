"""Command-line conventions: NO_COLOR, --quiet, check --json, and two messages that now say
what is wrong (a tab in a YAML indent; a day that does not exist)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write
from test_batch import make_cases

from assembler.cli import cli, main
from assembler.errors import Problem

ANSI = "\x1b["
DOCKETS = EXAMPLES.parent / "tests" / "fixtures" / "dockets"


def invoke(*args: str, no_color: bool = False, color: bool = True):
    """As on a terminal that shows colour (``color=True``), with or without NO_COLOR."""
    env = {"NO_COLOR": "1" if no_color else ""}
    return CliRunner().invoke(cli, list(args), color=color, env=env)


def bad_answers(tmp_path):
    return write(tmp_path, "bad.yaml", "court: azd\ncourt: nysd\n")


# -- NO_COLOR --------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["render", "--dry-run"], ["check"]])
def test_no_color_leaves_warnings_and_problems_plain(tmp_path, command):
    for file in (EXAMPLES / "cp-productions.yaml", bad_answers(tmp_path)):
        args = [*command, str(file), *(["-o", str(tmp_path / "out")] if command[0] == "render" else [])]
        coloured = invoke(*args)
        assert ANSI in coloured.output, coloured.output  # a terminal gets colour ...
        plain = invoke(*args, no_color=True)
        assert ANSI not in plain.output  # ... unless NO_COLOR is set
        assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.output) == plain.output


def test_no_color_leaves_docket_import_plain(tmp_path):
    out = tmp_path / "molina.yaml"
    source = str(DOCKETS / "molina-courtlistener.json")
    assert invoke("docket", "import", source, "-o", str(out), "--movant", "plaintiff").exit_code == 0
    text = out.read_text(encoding="utf-8")
    title = re.search(r"\n    title: (.+)\n", text).group(1)
    out.write_text(text.replace(f"    title: {title}\n", "    title: My own title\n", 1), encoding="utf-8")
    coloured = invoke("docket", "import", source, "--into", str(out))
    assert "changed on the docket since" in coloured.output and ANSI in coloured.output
    plain = invoke("docket", "import", source, "--into", str(out), no_color=True)
    assert "changed on the docket since" in plain.output and ANSI not in plain.output


@pytest.mark.parametrize("no_color", [False, True])
def test_no_color_leaves_the_error_of_main_plain(tmp_path, monkeypatch, capsys, no_color):
    import click.utils

    # stderr as a terminal: click strips colour only where it is told to
    monkeypatch.setattr(click.utils, "should_strip_ansi", lambda stream=None, color=None: color is False)
    monkeypatch.setenv("NO_COLOR", "1" if no_color else "")
    with pytest.raises(SystemExit) as exit:
        main(["deadline", "--court", "no-such-court", "--from", "2024-06-05"])
    err = capsys.readouterr().err
    assert exit.value.code == 1 and err.startswith(("Error: ", f"{ANSI}"))
    assert (ANSI in err) is not no_color


# -- --quiet ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["render", "--dry-run"], ["check"]])
def test_quiet_leaves_out_warnings_and_notes_but_not_errors(tmp_path, command):
    noted = EXAMPLES / "doe-defendant-njd.yaml"  # warnings, and a note: a reply needs leave
    out = ["-o", str(tmp_path / "out")] if command[0] == "render" else []
    loud = invoke(*command, str(noted), *out, color=False)
    assert "warning: " in loud.output and "note: " in loud.output, loud.output
    quiet = invoke(*command, str(noted), *out, "--quiet", color=False)
    assert quiet.exit_code == loud.exit_code == 0
    assert "warning: " not in quiet.output and "note: " not in quiet.output
    assert quiet.output == "".join(
        line for line in loud.output.splitlines(keepends=True) if not line.startswith(("warning: ", "note: "))
    )
    failed = invoke(*command, str(bad_answers(tmp_path)), *out, "-q", color=False)
    assert failed.exit_code == 1 and "duplicate key 'court'" in failed.output


def test_batch_quiet_leaves_out_the_warnings_line_and_keeps_them_in_the_manifest(tmp_path):
    cases = tmp_path / "in"
    make_cases(cases, 2, broken={1: "unknown docket"})
    args = ["batch", str(cases), "--jobs", "1", "--documents", "motion"]
    loud = invoke(*args, "-o", str(tmp_path / "loud"), color=False)
    assert "with warnings" in loud.output and "shared bases" in loud.output
    quiet = invoke(*args, "-o", str(tmp_path / "quiet"), "-q", color=False)
    assert quiet.exit_code == loud.exit_code == 1
    assert "with warnings" not in quiet.output and "shared bases" not in quiet.output
    assert "cites docket 99" in quiet.output  # the error still prints
    manifest = json.loads((tmp_path / "quiet" / "manifest.json").read_text(encoding="utf-8"))
    assert all(case["warnings"] for case in manifest["cases"] if case["status"] == "done")


# -- check --json ----------------------------------------------------------------------------
def test_check_json_is_a_list_with_each_problem_and_warning_located(tmp_path):
    good = EXAMPLES / "cp-productions.yaml"
    cites = write(
        tmp_path,
        "cites.yaml",
        good.read_text(encoding="utf-8").replace("activities occurred using", "activities occurred [[99]] using", 1),
    )
    files = [good, bad_answers(tmp_path), cites, write(tmp_path, "tab.yaml", "court: azd\ncase:\n\tnumber: 1\n")]
    result = invoke("check", "--json", *map(str, files), color=False)
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert [item["file"] for item in found] == [str(f) for f in files]
    assert [item["ok"] for item in found] == [True, False, False, False]
    keys = {"message", "file", "line", "field"}
    for item in found:
        assert set(item) == {"file", "ok", "problems", "warnings", "notes"}
        assert all(set(p) == keys for p in item["problems"] + item["warnings"])
    assert found[0]["problems"] == [] and found[0]["warnings"]
    assert found[1]["problems"] == [
        {"message": "duplicate key 'court' (first given on line 1)", "file": str(files[1]), "line": 2, "field": None}
    ]
    (cite,) = [p for p in found[2]["problems"] if "[[99]]" in p["message"]]
    assert cite == {
        "message": "[[99]] cites docket 99, which is not in the docket list",
        "file": str(cites),
        "field": "docket.0.background",
        "line": next(n for n, line in enumerate(cites.read_text(encoding="utf-8").splitlines(), 1) if "[[99]]" in line),
    }
    assert "tab" in found[3]["problems"][0]["message"] and found[3]["problems"][0]["line"] == 3
    # the same problems, in the same words, as check prints them
    for file, item in zip(files, found):
        plain = invoke("check", str(file), color=False)
        printed = [
            line
            for line in plain.output.splitlines()
            if not line.startswith(("warning: ", "note: ")) and not line.endswith(": ok") and " ok (" not in line
        ]
        shown = [str(Problem(p["message"], p["file"], p["line"], p["field"])) for p in item["problems"]]
        assert shown == printed
        assert [f"warning: {Problem(**w)}" for w in item["warnings"]] == [
            line for line in plain.output.splitlines() if line.startswith("warning: ")
        ]


def test_check_json_of_a_paper_that_cannot_be_drafted_names_the_file(tmp_path):
    case = EXAMPLES / "cp-productions.yaml"  # Arizona files no notice of motion
    result = invoke("check", "--json", "--documents", "notice", str(case), color=False)
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    (problem,) = item["problems"]
    assert problem["file"] == str(case) and problem["line"] is None and problem["field"] is None
    assert problem["message"].startswith("cannot be drafted: the District of Arizona files the motion")
    assert item["warnings"]  # the answers are read: their warnings stand


# -- the two messages --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, line",
    [
        ("court: azd\ncase:\n\tnumber: 1\n", 3),  # a tab as the whole indent
        ("court: azd\ncase:\n  number: 1\n  judge:\n  \tname: x\n", 5),  # a tab in a nested indent
        ("court: azd\nparties:\n  plaintiffs:\n    - name: A\n\t  description: b\n", 5),
    ],
)
def test_a_tab_in_an_indent_is_named(tmp_path, text, line):
    result = invoke("check", str(write(tmp_path, "tab.yaml", text)), color=False)
    assert result.exit_code == 1
    assert f"tab.yaml, line {line}: not valid YAML: a tab is used to indent" in result.output
    assert "cannot start any token" not in result.output


@pytest.mark.parametrize(
    "day, message",
    [
        ("2012-02-30", "2012-02-30 is not a day: February 2012 has 29 days"),
        ("2013-02-29", "2013-02-29 is not a day: February 2013 has 28 days"),
        ("2024-04-31", "2024-04-31 is not a day: April 2024 has 30 days"),
        ("2024-13-01", "2024-13-01 is not a day: a year has months 01 to 12"),
        ("2024-6-5", "2024-6-5 is not a day written YYYY-MM-DD"),
        ("June 5", "June 5 is not a day written YYYY-MM-DD"),
    ],
)
def test_a_day_that_does_not_exist_is_named_as_such(day, message):
    result = invoke("deadline", "--court", "azd", "--from", day, color=False)
    assert result.exit_code == 2 and message in result.output
    assert "does not match the format" not in result.output


def test_a_leap_day_counts():
    result = invoke("deadline", "--court", "azd", "--from", "2012-02-29", color=False)
    assert result.exit_code == 0 and result.output.splitlines()[-1] == "2012-03-14"
