"""Shell completion: court ids, paper names and ground ids complete, from the registries."""

from __future__ import annotations

import pytest
from click.shell_completion import BashComplete

from assembler.cli import cli
from assembler.law.grounds import library
from assembler.papers.registry import paper_ids


def complete(*words: str) -> list[str]:
    *args, incomplete = words
    return [
        item.value
        for item in BashComplete(cli, {}, "assembler", "_ASSEMBLER_COMPLETE").get_completions(args, incomplete)
    ]


@pytest.mark.parametrize("command", ["render", "check", "batch"])
def test_documents_complete_after_those_already_given(command):
    assert complete(command, "x.yaml", "--documents", "") == list(paper_ids())
    assert complete(command, "x.yaml", "--documents", "motion,re") == [
        f"motion,{paper}" for paper in paper_ids() if paper.startswith("re")
    ]
    assert "motion,reply" in complete(command, "x.yaml", "--documents", "motion,re")
    assert "motion,motion" not in complete(command, "x.yaml", "--documents", "motion,")


def test_court_ids_complete_from_every_district():
    assert complete("deadline", "--court", "az") == ["azd"]
    assert {"nysd", "nyed", "nynd", "nywd"} == set(complete("deadline", "--court", "ny"))
    assert len(complete("deadline", "--court", "")) == 94


def test_ground_ids_complete_and_pick_the_grounds_listed():
    assert complete("grounds", "") == list(library())
    assert complete("grounds", "new-f") == ["new-facts"]
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["grounds", "new-facts"])
    assert result.exit_code == 0 and result.output.split()[0] == "new-facts"
    assert len([line for line in result.output.splitlines() if not line.startswith(" ")]) == 1
    bad = CliRunner().invoke(cli, ["grounds", "no-such-ground"])
    assert bad.exit_code == 2 and "no ground no-such-ground" in bad.output
