"""A draft chronology: each entry the background tells, offered as a sentence built from the docket.

Where an entry the lawyer picked for the background has no text yet, the
interview writes the sentence ``docket.chronology`` builds from its date,
filer and title, marked ``# suggested`` (as the import marks its guesses), and
asks for it with that sentence in the answer: kept as it is, edited, or
emptied to leave the entry out.  Whatever the answer, the mark goes; until
then ``check`` names the value as not yet confirmed, as it names the import's
guesses, and a resumed interview offers it again first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembler.interview.engine import Interview, Mode


def _answers(iv: Interview) -> dict:
    return {key: iv.value((key,)) for key in ("parties", "movant", "order")}


def offer(iv: Interview, index: int) -> None:
    """Ask for the background of docket entry ``index``, its suggested sentence in the answer
    where it has none yet (or an unconfirmed one)."""
    from assembler.docket.chronology import sentence
    from assembler.docket.merge import SUGGESTED, guessed, mark, unmark
    from assembler.interview.questions import DOCKET, docket_loop
    from assembler.papers.wording import long_date

    path = ("docket", index)
    row = iv.file.get(path) or {}
    here = path + ("background",)
    suggested = here in guessed(iv.file.document, SUGGESTED)
    ask = next(a for a in DOCKET if a.name == "background")
    if not row.get("background"):
        text = sentence(_answers(iv), row)
        if text is not None:
            iv.put(here, text)
            mark(iv.file.document, here, SUGGESTED)
            iv.file.save()
            suggested = True
    if suggested:
        date = row.get("date")
        on = f"“On {long_date(date)}, ”" if isinstance(date, dt.date) else "“On <date>, ”"
        ask = replace(
            ask,
            message=f"Its place in the background, suggested from the docket (printed after {on})",
            hint="keep it, edit it, or empty it to leave the entry out",
        )
    iv.register(docket_loop())  # the question names its entry ("docket entry 49: ...")
    iv.ask_one(path, "DocketEntry", ask, Mode.FRESH)
    if suggested:
        unmark(iv.file.document, here)
        iv.file.save()


def confirm_suggestions(iv: Interview) -> bool:
    """Offer again every sentence still marked ``# suggested`` (an interview stopped while one was
    asked); whether there was one."""
    from assembler.docket.merge import SUGGESTED, guessed

    marked = [path for path in guessed(iv.file.document, SUGGESTED) if path[0] == "docket" and len(path) == 3]
    for path in marked:
        offer(iv, path[1])
    return bool(marked)
