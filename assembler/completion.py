"""Shell completion of the values a user types most: court ids, paper names, ground ids.

click completes commands and options by itself (``_ASSEMBLER_COMPLETE=bash_source
assembler``, README "Commands"); these complete the values, from the same
registries the commands check them against.
"""

from __future__ import annotations

from typing import Any

from click.shell_completion import CompletionItem


def courts(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    """Every district's court id (``azd``), with its name as the help."""
    from assembler.law.districts import districts

    return [
        CompletionItem(court_id, help=str(entry.get("name", "")))
        for court_id, entry in districts().items()
        if court_id.startswith(incomplete.lower())
    ]


def documents(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    """``--documents``'s comma-separated paper ids: the one being typed, after those given."""
    from assembler.papers.registry import paper_ids

    done, _, last = incomplete.rpartition(",")
    given = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [CompletionItem(prefix + p) for p in paper_ids() if p.startswith(last) and p not in given]


def grounds(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    """The grounds library's ids, with each one's side as the help."""
    from assembler.law.grounds import library

    return [CompletionItem(g.id, help=g.side) for g in library().values() if g.id.startswith(incomplete)]
