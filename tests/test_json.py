"""``render --json`` and ``grounds --json``: what a script reads instead of the lines."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, write

from assembler.cli import cli
from assembler.law.grounds import library

MODEL = EXAMPLES / "cp-productions.yaml"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1"})


def test_render_json_is_one_object_with_each_document_written_and_its_digest(tmp_path):
    result = invoke("render", str(MODEL), "-o", str(tmp_path / "out"), "--json", "--documents", "motion,response")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)  # nothing but the object on stdout
    assert found["ok"] is True and found["file"] == str(MODEL) and found["dry_run"] is False
    assert [d["id"] for d in found["documents"]] == ["motion", "response"]
    for document in found["documents"]:
        data = Path(document["path"]).read_bytes()
        assert document["sha256"] == hashlib.sha256(data).hexdigest() and document["size"] == len(data)
        assert document["kept"] is None and document["redline"] is None
    assert found["folder"].endswith("2-12-CV-01183-PHX-SLG")
    assert all({"message", "file", "line", "field"} == set(w) for w in found["warnings"])
    assert any(w["field"] == "motion.filed" and w["line"] for w in found["warnings"])


def test_render_json_again_with_force_names_the_kept_copy_of_an_edited_draft(tmp_path):
    out = tmp_path / "out"
    first = json.loads(invoke("render", str(MODEL), "-o", str(out), "--json", "--documents", "motion").stdout)
    path = first["documents"][0]["path"]
    with open(path, "ab") as handle:
        handle.write(b"edited")
    again = json.loads(
        invoke("render", str(MODEL), "-o", str(out), "--json", "--documents", "motion", "--force").stdout
    )
    assert again["documents"][0]["kept"] and again["documents"][0]["kept"] != path


def test_render_json_of_answers_that_fail_is_the_problems_and_exit_1(tmp_path):
    bad = write(tmp_path, "bad.yaml", "court: azd\ncourt: nysd\n")
    result = invoke("render", str(bad), "-o", str(tmp_path / "out"), "--json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert found["ok"] is False and "documents" not in found
    assert found["problems"][0]["line"] == 2 and found["problems"][0]["file"] == str(bad)
    assert not (tmp_path / "out").exists()


def test_render_json_dry_run_lists_what_it_would_write_and_writes_nothing(tmp_path):
    result = invoke("render", str(MODEL), "-o", str(tmp_path / "out"), "--json", "--dry-run")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found["dry_run"] is True and [d["id"] for d in found["documents"]]
    assert not (tmp_path / "out").exists()


def test_grounds_json_lists_the_library_with_its_filters():
    everything = json.loads(invoke("grounds", "--json").stdout)
    assert [g["id"] for g in everything] == list(library())
    assert set(everything[0]) == {"id", "side", "family", "heading", "vehicles", "authorities", "fills", "text"}
    movant = json.loads(invoke("grounds", "--json", "--side", "movant").stdout)
    assert movant and {g["side"] for g in movant} == {"movant"}
    fits = json.loads(invoke("grounds", "--json", "--rule", "60b").stdout)
    assert fits and all(not g["vehicles"] or "60b" in g["vehicles"] for g in fits)
    assert len(fits) < len(everything)
    manifest_error = next(g for g in everything if g["id"] == "manifest-error")
    assert "error" in manifest_error["fills"] and "{fill.error}" in manifest_error["text"]
