"""The interview's beginning and end: open the file, run the sections, review, offer to draft.

``run_interview`` is what ``assembler interview`` calls; everything it needs
(the asker, today's date) is passed in, so tests drive it without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembler.answers.editor import AnswerFile
from assembler.errors import AssemblerError
from assembler.interview.engine import Interview, Outcome
from assembler.interview.prompts import Asker, Option, Prompt

if TYPE_CHECKING:
    from assembler.checks import Report
    from assembler.papers.registry import Need


def run_interview(
    file: Path,
    asker: Asker,
    *,
    prefill_from: Path | None = None,
    only: Sequence[str] = (),
    today: dt.date | None = None,
    offer_drafts: bool = True,
) -> Outcome:
    """Ask, save as it goes, review, and (if the user wants) draft the papers."""
    from assembler.answers.reader import load_source
    from assembler.interview.chronology import confirm_suggestions
    from assembler.interview.engine import Mode
    from assembler.interview.guesses import IMPORTED, confirm_guesses
    from assembler.interview.questions import SECTIONS, offer_cited_entries
    from assembler.interview.record import Record

    # the strict reading, as check reads: a value it refuses reads as absent and is asked again
    answer_file = AnswerFile(file)
    base: dict[str, Any] = {}
    extends = answer_file.get(("extends",))
    if isinstance(extends, str) and extends.strip():
        base = load_source(file.parent / extends).data
    prefill = load_source(prefill_from).data if prefill_from is not None else {}
    record = Record(file)
    if not answer_file.existed:
        answer_file.save()
        record.clear()  # a record beside a file that is gone belongs to no one
    interview = Interview(answer_file, asker, SECTIONS, prefill=prefill, base=base, today=today, record=record)
    interview.on_citations = offer_cited_entries
    asker.say(f"Answers are saved to {file} after every question; Ctrl-C stops, and the same command resumes.")
    # a file imported from a docket: its guesses first, then only what drafting still needs
    imported = confirm_guesses(interview) or interview.answered(IMPORTED)
    confirm_suggestions(interview)  # a background sentence offered when the interview stopped
    interview.run(only, mode=Mode.FILL if imported else None)
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
    return asker.ask(
        Prompt(
            "review",
            "Review: finish, or change a section?",
            "select",
            default="finish" if ready else options[0].value,
            options=options,
        )
    )


def _unmet(report: Report) -> list[Need]:
    from assembler.papers import registry

    assert report.matter is not None
    return registry.unmet(report.matter, report.documents)


# the lawyer's order: which entries are the papers, the story, what the motion asks and why,
# who signs, then the other side's papers and the orders; anything else after, in its section's order
LAWYERS_ORDER = (
    "docket.role.",
    "response.date",
    "reply.date",
    "docket.background",
    "motion.relief",
    "motion.filed",
    "grounds",
    "counsel.movant",
    "opposition",
    "opposition.reply",
    "counsel.opponent",
    "ruling.",
)


def _rank(interview: Interview, key: str) -> tuple[int, int]:
    for rank, prefix in enumerate(LAWYERS_ORDER):
        if key == prefix or key.startswith(prefix) or (prefix.endswith(".") and key == prefix[:-1]):
            return rank, 0
    head = key.split(".")[0]
    section = next((i for i, s in enumerate(interview.sections) if head in s.paths), len(interview.sections))
    return len(LAWYERS_ORDER), section


def ask_needs(interview: Interview) -> None:
    """Ask what `check` says the papers still need, and nothing else, in the lawyer's order,
    until they need nothing more the interview can ask.  Which entries are the motion, the
    response and the reply come first: a paper whose entry is not on the docket yet (a reply
    to a response not filed) waits, and nothing only it needs is asked."""
    from assembler.checks import check
    from assembler.papers import registry

    asked: set[str] = set()
    waiting: dict[str, str] = {}  # paper -> the entry it waits for
    said = False
    # the papers the user chose not to draft ("Draft the response too?" no): nothing they need
    declined = {head for head in ("opposition", "ruling") if interview.answered(f"{head}.draft")}
    while True:
        report = check(interview.file.path, draft=False)
        if report.matter is None:
            return  # the file does not load: the review lists why, the sections fix it
        for document in report.documents:
            if any(need.key.split(".")[0] in declined for need in registry.paper(document).needs):
                waiting.setdefault(document, "")
        for document in report.documents:
            for need in registry.unmet(report.matter, [document]):
                role = need.key.removeprefix("docket.role.")
                if need.key.startswith("docket.role.") and (
                    need.key in asked or interview.answered(f"role:{role}")
                ):  # asked, or said before: not on the docket yet
                    waiting.setdefault(document, role)
        documents = [d for d in report.documents if d not in waiting]
        needs = sorted(
            (need for need in registry.unmet(report.matter, documents) if need.key not in asked),
            key=lambda need: _rank(interview, need.key),
        )
        if not needs:
            break
        if not said:
            interview.asker.say("\n[what drafting still needs]")
            said = True
        roles = [
            need for need in needs if need.key.startswith("docket.role.") or need.key in ("response.date", "reply.date")
        ]
        for need in roles[:1] or needs:  # an entry first, alone: what else is needed depends on it
            asked.add(need.key)
            interview.asker.say(f"  {need.what}:")
            _ask_need(interview, need.key)
    entries = " and ".join(f"the {role}" for role in dict.fromkeys(waiting.values()) if role)
    later = [registry.paper(d).label.split(" (")[0] for d, role in waiting.items() if role]
    if later:
        interview.asker.say(f"  not drafted yet: {', '.join(later)} (they wait for {entries} to be on the docket)")


def _ask_need(interview: Interview, key: str) -> None:
    from assembler.interview.chronology import offer
    from assembler.interview.engine import Ask, Mode
    from assembler.interview.questions import ask_role, row_option
    from assembler.papers import registry

    rows = interview.value(("docket",)) or []
    if key.startswith("docket.role."):
        ask_role(interview, key.removeprefix("docket.role."))
        return
    head, _, tail = key.partition(".")
    if tail == "date" and head in registry.paper_ids():
        section, name = registry.paper(head).date.split(".")
        kind = registry.paper(head)
        if kind.entry:  # a paper on the docket is dated by its entry: which one, if it is there
            if not any(row.get("role") == kind.entry for row in rows):
                ask_role(interview, kind.entry)
            if any(row.get("role") == kind.entry for row in interview.value(("docket",)) or []):
                return
        interview.ask_one(
            (section,),
            "Paper" if section in ("response", "reply") else "MotionPaper",
            Ask(
                name,
                f"Date of the {kind.label.split(' (')[0]} (YYYY-MM-DD)",
                "date",
                default=lambda iv, item, path: iv.today,
            ),
            Mode.FRESH,
        )
        return
    if key == "docket.background":
        told = [i for i, row in enumerate(rows) if not row.get("role")]
        if len(told) > 1:  # which entries the background tells: those only are asked
            told = interview.asker.ask(
                Prompt(
                    "background:docket",
                    "Which entries does the background tell (the events before the motion, in order)?",
                    "checkbox",
                    options=[row_option(rows[i], i) for i in told],
                )
            )
        for index in told:  # each with the sentence the docket suggests, to keep, edit or empty
            offer(interview, index)
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
    parties = {side: [str(p.get("name")) for p in v(("parties", side)) or []] for side in ("plaintiffs", "defendants")}
    counsel = {
        side: [str(a.get("name")) for a in v(("counsel", side, "attorneys")) or []] for side in ("movant", "opponent")
    }
    ruling = v(("ruling",))
    return [
        f"  court and case   {v(('court',)) or '-'}, No. {v(('case', 'number')) or '-'}, "
        f"Judge {v(('case', 'judge')) or '-'}",
        f"  parties          {'; '.join(parties['plaintiffs']) or '-'} v. {'; '.join(parties['defendants']) or '-'}",
        f"  who moves        {v(('movant', 'name')) or '-'} ({v(('movant', 'short_name')) or '-'})",
        f"  challenged order Docket {v(('order', 'docket')) or '-'}, {v(('order', 'date')) or '-'}",
        f"  docket entries   {len(docket)}: {_numbers(docket) or '-'}",
        f"  grounds          {', '.join(grounds) or '-'}",
        f"  opposition       {', '.join(opposition) or 'none'}",
        f"  motion           filed {v(('motion', 'filed')) or '-'}",
        f"  counsel          movant: {', '.join(counsel['movant']) or '-'}; "
        f"opponent: {', '.join(counsel['opponent']) or '-'}",
        f"  ruling           {_ruling_line(ruling)}",
    ]


def _numbers(docket: list) -> str:
    from assembler.interview.guesses import ranges

    numbers = [e.get("number") for e in docket]
    if all(isinstance(n, int) for n in numbers) and numbers == sorted(numbers):
        return ranges(numbers)  # 1-25, 27-68
    return ", ".join(str(n) for n in numbers)


def _ruling_line(ruling: Any) -> str:
    if not ruling:
        return "none"
    return "proposed (undated)" if ruling.get("proposed") else f"dated {ruling.get('date')}"


def offer_to_draft(file: Path, asker: Asker) -> list[Path]:
    """Ask which papers to draft and where; draft them and say where they went.  Where the set
    is not ready, the papers that are (the motion, while the response is not filed) are offered."""
    from assembler.checks import check
    from assembler.papers import registry
    from assembler.papers.render import case_folder, write_drafts

    report = check(file, draft=False)
    ready = list(report.documents)
    if not report.ok:
        ready = (
            [d for d in report.documents if report.matter is not None and not registry.unmet(report.matter, [d])]
            if report.documents
            else []
        )
        if not ready:
            asker.say(f"Not drafting yet: `assembler check {file}` lists what is missing.")
            return []
        waiting = [registry.paper(d).label.split(" (")[0] for d in report.documents if d not in ready]
        asker.say(
            f"Not every paper can be drafted yet ({', '.join(waiting)}: `assembler check {file}` "
            "says what they need); these can."
        )
    if not asker.ask(Prompt("draft", "Draft the papers now?", "confirm", default=True)):
        asker.say(f"Draft them later with: assembler render {file} -o drafts/")
        return []
    for note in report.notes:
        asker.say(f"  note: {note}")
    offered = [d for d in registry.paper_ids() if d in ready or (report.ok and d in registry.default_ids())]
    chosen = asker.ask(
        Prompt(
            "documents",
            "Which papers?",
            "checkbox",
            options=[Option(registry.paper(d).label, d, checked=d in ready) for d in offered],
        )
    )
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
            paths = write_drafts(
                case_folder(Path(folder.strip() or "drafts"), chosen_report.matter), chosen_report.drafts, force=force
            )
        except AssemblerError as exc:
            asker.say(f"  {exc}")
            if "already exist" in str(exc) and asker.ask(
                Prompt("overwrite", "Overwrite them?", "confirm", default=False)
            ):
                force = True
                continue
            return []
        for path in paths:
            asker.say(f"wrote {path}")
        return paths
