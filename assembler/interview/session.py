"""The interview's beginning and end: open the file, run the sections, review, offer to draft.

``run_interview`` is what ``assembler interview`` calls; everything it needs
(the asker, today's date) is passed in, so tests drive it without a terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Sequence

from assembler.answers.editor import AnswerFile
from assembler.errors import AnswersError, AssemblerError
from assembler.interview.engine import Interview, Outcome
from assembler.interview.prompts import Asker, Option, Prompt


def run_interview(file: Path, asker: Asker, *, prefill_from: Path | None = None,
                  only: Sequence[str] = (), today: dt.date | None = None,
                  offer_drafts: bool = True) -> Outcome:
    """Ask, save as it goes, review, and (if the user wants) draft the papers."""
    from assembler.interview.questions import SECTIONS, offer_cited_entries
    from assembler.answers.reader import load_source, read_yaml

    base: dict[str, Any] = {}
    if file.exists():
        data, _ = read_yaml(file)  # the strict reading: refuses what check would refuse to read
        if isinstance(data, dict) and isinstance(data.get("extends"), str):
            base = load_source(file).data
    prefill = load_source(prefill_from).data if prefill_from is not None else {}
    answer_file = AnswerFile(file)
    if not answer_file.existed:
        answer_file.save()
    interview = Interview(answer_file, asker, SECTIONS, prefill=prefill, base=base, today=today)
    interview.on_citations = offer_cited_entries
    asker.say(f"Answers are saved to {file} after every question; Ctrl-C stops, and the same "
              "command resumes.")
    interview.run(only)
    while True:
        choice = review(interview)
        if choice == "finish":
            break
        section = next(s for s in interview.sections if s.name == choice)
        interview.run([section.name])
    outcome = Outcome(file)
    if offer_drafts:
        outcome.drafts = offer_to_draft(file, asker)
    return outcome


def review(interview: Interview) -> str:
    """One screen: the answers by section, what check says; returns a section name or "finish"."""
    from assembler.law.advice import advise
    from assembler.answers.matter import load_matter

    asker = interview.asker
    asker.say("\n[review]")
    for line in summary(interview):
        asker.say(line)
    try:
        matter = load_matter(interview.file.path)
    except AnswersError as exc:
        asker.say(f"  {len(exc.problems)} thing{'s' * (len(exc.problems) != 1)} to fix before drafting:")
        for problem in exc.problems:
            asker.say(f"    - {problem.field + ': ' if problem.field else ''}{problem.message}")
        ready = False
    else:
        from assembler.papers.render import DOCUMENTS, allowed_documents, missing_answers

        for warning in advise(matter):
            asker.say(f"  warning: {warning.message}")
        missing = missing_answers(matter, allowed_documents(matter, DOCUMENTS, explicit=False)[0])
        if missing:  # what the papers need that the answers do not give yet (an imported docket)
            asker.say(f"  still needed before drafting: {', '.join(missing)}")
        else:
            asker.say("  check: ok")
        ready = not missing
    options = [Option("finish (the file is saved)", "finish")]
    options += [Option(f"change: {s.title}", s.name) for s in interview.sections]
    return asker.ask(Prompt("review", "Review: finish, or change a section?", "select",
                            default="finish" if ready else None, options=options))


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
    from assembler.answers.matter import load_matter
    from assembler.names import ALL_DOCUMENTS
    from assembler.papers.render import DOCUMENTS, allowed_documents, render_matter

    try:
        matter = load_matter(file)
    except AnswersError:
        asker.say(f"Not drafting yet: `assembler check {file}` lists what is missing.")
        return []
    if not asker.ask(Prompt("draft", "Draft the papers now?", "confirm", default=True)):
        asker.say(f"Draft them later with: assembler render {file} -o drafts/")
        return []
    allowed, note = allowed_documents(matter, DOCUMENTS, explicit=False)
    if note:
        asker.say(f"  {note}")
    offered = [d for d in ALL_DOCUMENTS if d in allowed or d in DOCUMENTS]
    chosen = asker.ask(Prompt("documents", "Which papers?", "checkbox",
                              options=[Option(d, d, checked=d in allowed) for d in offered]))
    if not chosen:
        return []
    folder = asker.ask(Prompt("output", "Folder for the drafts", "text", default="drafts"))
    force = False
    while True:
        try:
            allowed_documents(matter, chosen, explicit=True)  # says why, if it was left out
            paths = render_matter(matter, Path(folder.strip() or "drafts"), chosen, force=force)
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
