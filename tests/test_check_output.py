"""What ``assembler check`` prints, pinned: every example and a few broken answer files.

``check`` is made fast by doing less work (imports, compiled templates and case
citations read once and kept); it must never say less.  Each case's whole output
(warnings, notes, problems, the ok line) and exit code, in the text and the
``--json`` form, is compared with ``tests/golden/check/``; refresh them with
``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, GOLDEN, ROOT

from assembler.cli import cli

EXAMPLE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in EXAMPLES.rglob("*.yaml"))
MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")

# broken or questionable answer files: (name, what replaces what in the model case)
BROKEN = {
    "unknown-docket-entry": ("[[18 at 7-8]]", "[[99 at 7-8]]"),
    "typed-citation": (
        "      The ISPs are not parties",
        "      *Foo v. Bar*, 5 F. 3d 1255, 1260 (9th Cir. 1993); *Zed v. Y*, 12 Foo. Rptr. 45 (D. Ariz. 2001).\n"
        "      The ISPs are not parties",
    ),
    "bad-date": ("date: 2012-08-24", "date: 2012-02-30"),
    "no-ruling": ("\nruling:", "\nruling_gone:"),
}


def _run(args: list[str], cwd: Path) -> str:
    here = os.getcwd()
    os.chdir(cwd)  # file names print as given: relative, the same on every machine
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(here)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return f"$ assembler {' '.join(args)}\n{result.output}(exit {result.exit_code})\n"


def _compare(name: str, actual: str, update_golden: bool) -> None:
    golden = GOLDEN / "check" / f"{name}.txt"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("file", EXAMPLE_FILES)
def test_check_of_every_example_prints_what_it_printed(file, update_golden):
    actual = _run(["check", file], ROOT) + _run(["check", "--json", file], ROOT)
    _compare(file.removeprefix("examples/").removesuffix(".yaml").replace("/", "-"), actual, update_golden)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_check_of_a_broken_file_prints_what_it_printed(name, tmp_path, update_golden):
    old, new = BROKEN[name]
    assert old in MODEL
    (tmp_path / f"{name}.yaml").write_text(MODEL.replace(old, new, 1), encoding="utf-8")
    actual = _run(["check", f"{name}.yaml"], tmp_path) + _run(["check", "--json", f"{name}.yaml"], tmp_path)
    _compare(f"broken-{name}", actual, update_golden)


def _firm(folder: Path, part: str, old: str, new: str) -> Path:
    """The shipped templates copied to ``folder``, ``old`` replaced by ``new`` in motion.docx's ``part``."""
    assert _run(["templates", "copy", str(folder)], folder.parent).endswith("(exit 0)\n")
    motion = folder / "motion.docx"
    with zipfile.ZipFile(motion) as zipf:
        members = {info.filename: zipf.read(info) for info in zipf.infolist()}
    text = members[part].decode("utf-8")
    assert old in text
    members[part] = text.replace(old, new).encode("utf-8")  # every one: each branch a case may take
    with zipfile.ZipFile(motion, "w", zipfile.ZIP_DEFLATED) as zipf:
        for member, data in members.items():
            zipf.writestr(member, data)
    return folder


FIRM = {  # a firm's edited template: what only drafting finds
    "unknown-value": ("word/document.xml", "{{ movant.Name }}", "{{ movant.Name }}{{ case.nickname }}{{ nickname }}"),
    "broken-tag": ("word/document.xml", "{{ movant.Name }}", "{{ movant.Name }"),
    "font-not-installed": ("word/styles.xml", 'w:ascii="Times New Roman"', 'w:ascii="Nonesuch Antiqua"'),
}


@pytest.mark.parametrize("name", sorted(FIRM))
def test_check_with_an_edited_firm_template_prints_what_it_printed(name, tmp_path, update_golden):
    _firm(tmp_path / "firm", *FIRM[name])
    (tmp_path / "case.yaml").write_text(MODEL, encoding="utf-8")
    args = ["check", "case.yaml", "--templates", "firm"]
    _compare(f"firm-{name}", _run(args, tmp_path) + _run([*args, "--json"], tmp_path), update_golden)


def test_check_json_is_json():
    found = json.loads(
        _run(["check", "--json", "examples/cp-productions.yaml"], ROOT).split("\n", 1)[1].rsplit("(", 1)[0]
    )
    assert found[0]["ok"] is True
