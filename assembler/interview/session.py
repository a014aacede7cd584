"""The interview's beginning and end: open the file, run the sections, review, offer to draft.

``run_interview`` is what ``assembler interview`` calls; everything it needs
(the asker, today's date) is passed in, so tests drive it without a terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from assembler.answers.editor import AnswerFile
from assembler.errors import AssemblerError
from assembler.interview.engine import Interview, Outcome
from assembler.interview.prompts import Asker, Option, Prompt

if TYPE_CHECKING:
    from assembler.checks import Report
    from assembler.papers.registry import Need


def run_interview(file: Path, asker: Asker, *, prefill_from: Path | None = None,
                  only: Sequence[str] = (), today: dt.date | None = None,
                  offer_drafts: bool = True) -> Outcome:
    """Ask, save as it goes, review, and (if the user wants) draft the papers."""
    from assembler.interview.questions import SECTIONS, offer_cited_entries
    from assembler.answers.reader import load_source

    # the strict reading, as check reads: a value it refuses reads as absent and is asked again
    answer_file = AnswerFile(file)
    base: dict[str, Any] = {}
    extends = answer_file.get(("extends",))
    if isinstance(extends, str) and extends.strip():
        base = load_source(file.parent / extends).data
    prefill = load_source(prefill_from).data if prefill_from is not None else {}
    if not answer_file.existed:
        answer_file.save()
    interview = Interview(answer_file, asker, SECTIONS, prefill=prefill, base=base, today=today)
    interview.on_citations = offer_cited_entries
    asker.say(f"Answers are saved to {file} after every question; Ctrl-C stops, and the same "
              "command resumes.")
    interview.run(only)
    if not only:
        ask_needs(interview)
    while True:
        choice = review(interview)
        if choice == "finish":
            break
        if choice == "needs":
            ask_needs(interview)
            continue
        section = next(s for s in interview.sections if s.name == choice)
        interview.run([section.name])
    outcome = Outcome(file)
    if offer_drafts:
        outcome.drafts = offer_to_draft(file, asker)
    return outcome


def review(interview: Interview) -> str:
    """One screen: the answers by section, what check says; returns a section name or "finish"."""
    from assembler.checks import check

    asker = interview.asker
    asker.say("\n[review]")
    for line in summary(interview):
        asker.say(line)
    report = check(interview.file.path)  # the one check: what `assembler check` says, in its words
    for kind, line in report.lines():
        asker.say(f"  {line}" if kind != "problem" else f"  - {line}")
    ready = report.ok
    options = [Option("finish (the file is saved)", "finish")]
    if report.matter is not None and _unmet(report):
        options.insert(0, Option("answer what drafting still needs", "needs"))
    options += [Option(f"change: {s.title}", s.name) for s in interview.sections]
    return asker.ask(Prompt("review", "Review: finish, or change a section?", "select",
                            default="finish" if ready else options[0].value, options=options))


def _unmet(report: Report) -> list[Need]:
    from assembler.papers import registry

    assert report.matter is not None
    return registry.unmet(report.matter, report.documents)


def ask_needs(interview: Interview) -> None:
    """Ask what `check` says the papers still need, and nothing else, until they need nothing
    more the interview can ask (a reply cannot cite a response that is not on the docket yet)."""
    from assembler.checks import check

    asked: set[str] = set()
    while True:
        report = check(interview.file.path, draft=False)
        if report.matter is None:
            return  # the file does not load: the review lists why, the sections fix it
        needs = [need for need in _unmet(report) if need.key not in asked]
        if not needs:
            return
        interview.asker.say("\n[what drafting still needs]")
        for need in needs:
            asked.add(need.key)
            interview.asker.say(f"  {need.what}:")
            _ask_need(interview, need.key)


def _ask_need(interview: Interview, key: str) -> None:
    from assembler.interview.engine import Ask, Mode
    from assembler.papers import registry

    rows = interview.value(("docket",)) or []
    if key.startswith("docket.role."):
        role = key.removeprefix("docket.role.")
        options = [Option(f"docket {row.get('number')}: {row.get('title')}", i)
                   for i, row in enumerate(rows) if not row.get("role")]
        choice = interview.asker.ask(Prompt(f"role:{role}", f"Which docket entry is the {role}?", "select",
                                            options=[*options, Option("none yet", None)]))
        if choice is not None:
            interview.put(("docket", choice, "role"), role)
        return
    head, _, tail = key.partition(".")
    if tail == "date" and head in registry.paper_ids():
        section, name = registry.paper(head).date.split(".")
        kind = registry.paper(head)
        interview.ask_one((section,), "Paper" if section in ("response", "reply") else "MotionPaper",
                          Ask(name, f"Date of the {kind.label.split(' (')[0]} (YYYY-MM-DD)", "date",
                              default=lambda iv, item, path: iv.today), Mode.FRESH)
        return
    if key == "docket.background":
        paths = [("docket", i, "background") for i, row in enumerate(rows) if not row.get("role")]
        interview.ask_only(paths, ["docket"])
        return
    if key == "opposition.reply":
        grounds = interview.value(("opposition",)) or []
        interview.ask_only([("opposition", i, "reply") for i in range(len(grounds))], ["opposition"])
        return
    path = tuple(key.split("."))
    while len(path) > 1 and interview.value(path[:-1]) is None:
        path = path[:-1]  # none of it is there yet: ask for all of it
    sections = [s.name for s in interview.sections if path[0] in s.paths]
    interview.ask_only([path], sections)


def summary(interview: Interview) -> list[str]:
    v = interview.value
    docket = v(("docket",)) or []
    grounds = [str(g.get("id")) for g in v(("grounds",)) or []]
    opposition = [str(g.get("id")) for g in v(("opposition",)) or []]
    parties = {side: [str(p.get("name")) for p in v(("parties", side)) or []]
               for side in ("plaintiffs", "defendants")}
    counsel = {side: [str(a.get("name")) for a in v(("counsel", side, "attorneys")) or []]
               for side in ("movant", "opponent")}
    ruling = v(("ruling",))
    return [
        f"  court and case   {v(('court',)) or '-'}, No. {v(('case', 'number')) or '-'}, "
        f"Judge {v(('case', 'judge')) or '-'}",
        f"  parties          {'; '.join(parties['plaintiffs']) or '-'} v. "
        f"{'; '.join(parties['defendants']) or '-'}",
        f"  who moves        {v(('movant', 'name')) or '-'} ({v(('movant', 'short_name')) or '-'})",
        f"  challenged order Docket {v(('order', 'docket')) or '-'}, {v(('order', 'date')) or '-'}",
        f"  docket entries   {len(docket)}: {', '.join(str(e.get('number')) for e in docket) or '-'}",
        f"  grounds          {', '.join(grounds) or '-'}",
        f"  opposition       {', '.join(opposition) or 'none'}",
        f"  motion           filed {v(('motion', 'filed')) or '-'}",
        f"  counsel          movant: {', '.join(counsel['movant']) or '-'}; "
        f"opponent: {', '.join(counsel['opponent']) or '-'}",
        f"  ruling           {_ruling_line(ruling)}",
    ]


def _ruling_line(ruling: Any) -> str:
    if not ruling:
        return "none"
    return "proposed (undated)" if ruling.get("proposed") else f"dated {ruling.get('date')}"


def offer_to_draft(file: Path, asker: Asker) -> list[Path]:
    """Ask which papers to draft and where; draft them and say where they went."""
    from assembler.checks import check
    from assembler.papers import registry
    from assembler.papers.render import case_folder, write_drafts

    report = check(file, draft=False)
    if not report.ok:
        asker.say(f"Not drafting yet: `assembler check {file}` lists what is missing.")
        return []
    if not asker.ask(Prompt("draft", "Draft the papers now?", "confirm", default=True)):
        asker.say(f"Draft them later with: assembler render {file} -o drafts/")
        return []
    for note in report.notes:
        asker.say(f"  note: {note}")
    offered = [d for d in registry.paper_ids() if d in report.documents or d in registry.default_ids()]
    chosen = asker.ask(Prompt("documents", "Which papers?", "checkbox",
                              options=[Option(registry.paper(d).label, d, checked=d in report.documents)
                                       for d in offered]))
    if not chosen:
        return []
    folder = asker.ask(Prompt("output", "Folder for the drafts", "text", default="drafts"))
    chosen_report = check(file, chosen, explicit=True)  # says why, if one was left out
    if not chosen_report.ok or chosen_report.matter is None:
        for problem in chosen_report.problems:
            asker.say(f"  {problem}")
        return []
    force = False
    while True:
        try:
            paths = write_drafts(case_folder(Path(folder.strip() or "drafts"), chosen_report.matter),
                                 chosen_report.drafts, force=force)
        except AssemblerError as exc:
            asker.say(f"  {exc}")
            if "already exist" in str(exc) and asker.ask(Prompt("overwrite", "Overwrite them?", "confirm",
                                                                default=False)):
                force = True
                continue
            return []
        for path in paths:
            asker.say(f"wrote {path}")
        return paths
