"""Import, then confirm: what ``assembler docket import`` guessed, on one screen, kept or corrected.

The import marks each value it read from the clerk's text ``# guessed``: who
filed each entry, which entry is the motion for reconsideration (and so the
challenged order and the motion's date), the response and the reply, the
movant's names and the lines under counsel's signatures.  The interview
opens such a file on one screen of those guesses and one question: keep them
all, or correct one; each correction is one guess at a time, and the screen
comes back until the user keeps the rest.  A guess kept or corrected loses its
``# guessed`` mark; other comments stay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assembler.answers.reader import FieldPath
from assembler.interview.engine import Interview
from assembler.interview.prompts import Option, Prompt

IMPORTED = "import:confirmed"  # remembered: the file came from a docket, its guesses confirmed
ROLES = (
    ("motion", "The motion"),
    ("response", "The response"),
    ("reply", "The reply"),
    ("response-order", "An order asking for a response"),
    ("reply-leave", "An order granting leave to reply"),
)
FILERS = ("plaintiff", "defendant", "movant", "court", "non-party")


def marked(iv: Interview) -> list[FieldPath]:
    from assembler.docket.merge import guessed

    return guessed(iv.file.document)


def confirm_guesses(iv: Interview) -> bool:
    """Show the import's guesses and ask to keep them or correct one, until the user keeps the
    rest; every guess then loses its mark.  Whether the file had any."""
    from assembler.docket.merge import unmark

    if not marked(iv):
        return False
    iv.remember(IMPORTED)
    corrected = False
    while True:
        guesses = set(marked(iv))
        warnings = _screen(iv, guesses)
        options = [Option("keep the rest: they are right" if corrected else "keep them: they are right", "keep")]
        options += [Option(f"correct {what}", key) for key, what in _corrections(iv, guesses)]
        choice = iv.asker.ask(
            Prompt(
                "guesses",
                "Keep these guesses, or correct one?",
                "select",
                default=warnings[0] if warnings else "keep",
                options=options,
            )
        )
        if choice == "keep":
            break
        CORRECT[choice.split(":")[0]](iv, choice)
        corrected = True
    for path in marked(iv):
        unmark(iv.file.document, path)
    iv.file.save()
    return True


# -- the screen ------------------------------------------------------------------------------


def _rows(iv: Interview) -> list[dict]:
    return [row for row in iv.file.get(("docket",)) or [] if isinstance(row, dict)]


def _entry(row: dict, filer: bool = True) -> str:
    date = row.get("date")
    when = date.isoformat() if isinstance(date, dt.date) else "?"
    by = f", filed by {row.get('filed_by')}" if filer else ""
    return f"docket {row.get('number')}, {when}{by}: {_short(row.get('title'))}"


def _short(text: Any, width: int = 90) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"


def _whole(row: dict) -> str:
    return " ".join(str(row.get("title") or "").split())


def ranges(numbers: list[int]) -> str:
    """1-9, 13, 15-16: docket numbers, runs of the list shortened (each entry is listed)."""
    out: list[str] = []
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
    return ", ".join(out)


def _movant_words(iv: Interview) -> str:
    side = iv.value(("movant", "side"))
    if side is None:
        return "the movant"
    return f"the {side}s" if iv.value(("movant", "plural")) else f"the {side}"


def _screen(iv: Interview, guesses: set[FieldPath]) -> list[str]:
    """Say the guesses; returns the corrections to offer first (a doubt the screen names)."""
    say = iv.asker.say
    rows = _rows(iv)
    doubts: list[str] = []
    say("\n[what the docket import guessed: check each]")
    order = iv.value(("order", "docket"))
    if order is not None:
        entry = next((row for row in rows if row.get("number") == order), None)
        mark = " (guessed)" if ("order", "docket") in guesses else ""
        say(f"  the challenged order   {_entry(entry, False) if entry else f'docket {order}'}{mark}")
    order_date = iv.value(("order", "date"))
    for role, what in ROLES:
        index = next((i for i, row in enumerate(rows) if row.get("role") == role), None)
        if index is None:
            if role in ("motion", "response", "reply"):
                say(f"  {what.lower():<22} none found")
            continue
        row = rows[index]
        mark = " (guessed)" if ("docket", index, "role") in guesses else ""
        say(f"  {what.lower():<22} {_entry(row)}{mark}")
        side = iv.value(("movant", "side"))
        if role in ("motion", "reply") and side and row.get("filed_by") not in (side, "movant"):
            say(
                f"    ! filed by the {row.get('filed_by')}, and the movant is {_movant_words(iv)}: "
                f"is this their {role}?"
            )
            doubts.append(f"role:{role}")
        if isinstance(order_date, dt.date) and isinstance(row.get("date"), dt.date) and row["date"] < order_date:
            say(f"    ! filed before the challenged order ({order_date.isoformat()})")
            doubts.append(f"role:{role}")
    if ("movant", "name") in guesses or ("movant", "short_name") in guesses:
        say(f"  the movant             {iv.value(('movant', 'name'))} (short: {iv.value(('movant', 'short_name'))})")
    for side in ("movant", "opponent"):
        if ("counsel", side, "represents") in guesses:
            say(f"  {side + '’s counsel':<22} {iv.value(('counsel', side, 'represents'))}")
    filers: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if ("docket", index, "filed_by") in guesses and isinstance(row.get("number"), int):
            filers.setdefault(str(row.get("filed_by")), []).append(row["number"])
    if filers:
        say("  who filed each entry (guessed from the clerk's text):")
        for filer in FILERS:
            if filer in filers:
                say(f"    {filer:<10} {ranges(filers[filer])}")
    return doubts


def _corrections(iv: Interview, guesses: set[FieldPath]) -> list[tuple[str, str]]:
    out = [("order", "the challenged order")]
    for role, what in ROLES[:3]:
        out.append((f"role:{role}", f"{what.lower()}'s entry"))
    if ("movant", "name") in guesses or ("movant", "short_name") in guesses:
        out.append(("movant", "the movant's names"))
    for side in ("movant", "opponent"):
        if ("counsel", side, "represents") in guesses:
            out.append((f"represents:{side}", f"how counsel sign for the {side}"))
    if any(len(path) == 3 and path[0] == "docket" and path[2] == "filed_by" for path in guesses):
        out.append(("filers", "who filed an entry"))
    return out


# -- the corrections, one guess at a time ------------------------------------------------------


def _unmark(iv: Interview, *paths: FieldPath) -> None:
    from assembler.docket.merge import unmark

    for path in paths:
        unmark(iv.file.document, path)
    iv.file.save()


def _choose_entry(
    iv: Interview, key: str, message: str, rows: list[tuple[int, dict]], none: str | None, default: Any
) -> int | None:
    """One of ``rows`` (index, entry), listed as the docket lists them; type to filter."""

    def line(row: dict) -> str:
        date = row.get("date")
        when = date.isoformat() if isinstance(date, dt.date) else "?"
        return f"{row.get('number'):>5}  {when}  {str(row.get('filed_by')):<10} {_short(row.get('title'), 60)}"

    options = [
        Option(line(row), index, description=_whole(row) if line(row).endswith(" …") else None) for index, row in rows
    ]
    if none is not None:
        options.append(Option(none, None))
    return iv.asker.ask(Prompt(key, message, "select", default=default, options=options))


def _correct_order(iv: Interview, choice: str) -> None:
    rows = _rows(iv)
    order = iv.value(("order", "docket"))
    current = next((i for i, row in enumerate(rows) if row.get("number") == order), None)
    court = [(i, row) for i, row in enumerate(rows) if row.get("filed_by") == "court"]
    others = [(i, row) for i, row in enumerate(rows) if row.get("filed_by") != "court"]
    index = _choose_entry(
        iv,
        "guess:order",
        "Which docket entry is the challenged order?",
        court,
        "another entry (filed by a party, as guessed)",
        current,
    )
    if index is None:
        index = _choose_entry(
            iv, "guess:order.other", "Which docket entry is the challenged order?", others, None, current
        )
    assert index is not None
    row = rows[index]
    iv.put(("order", "docket"), row["number"])
    iv.put(("order", "date"), row["date"])
    iv.put(("order", "title"), str(row.get("title")))
    if row.get("filed_by") != "court":
        iv.put(("docket", index, "filed_by"), "court")
        _unmark(iv, ("docket", index, "filed_by"))
    _unmark(iv, ("order", "docket"), ("order", "date"), ("order", "title"))


def _correct_role(iv: Interview, choice: str) -> None:
    role = choice.split(":", 1)[1]
    rows = _rows(iv)
    order_date, order = iv.value(("order", "date")), iv.value(("order", "docket"))
    current = next((i for i, row in enumerate(rows) if row.get("role") == role), None)
    later = [
        (i, row)
        for i, row in enumerate(rows)
        if row.get("number") != order
        and (
            not isinstance(order_date, dt.date) or not isinstance(row.get("date"), dt.date) or row["date"] >= order_date
        )
        and (not row.get("role") or i == current)
    ]
    what = dict(ROLES)[role].lower()
    index = _choose_entry(
        iv,
        f"guess:{role}",
        f"Which docket entry is {what}? (after the challenged order)",
        later,
        "none: it is not on the docket yet",
        current,
    )
    if current is not None and index != current:
        _unmark(iv, ("docket", current, "role"))
        iv.put(("docket", current, "role"), None)
    if index is not None:
        iv.put(("docket", index, "role"), role)
        _unmark(iv, ("docket", index, "role"))
        iv.record.discard(f"role:{role}")
    else:
        iv.remember(f"role:{role}")  # not on the docket yet: not asked again
    if role == "motion" and ("motion", "filed") in set(marked(iv)):
        # the import dated the motion by its entry: a new entry, a new date; none, no date yet
        _unmark(iv, ("motion", "filed"))
        if index is not None:
            iv.put(("motion", "filed"), rows[index]["date"])
        else:
            iv.file.delete(("motion", "filed"))
            iv.file.save()


def _correct_movant(iv: Interview, choice: str) -> None:
    from assembler.interview.engine import Ask, Mode

    for name, message in (
        ("name", 'The movant as the papers first name it ("Defendants Acme Corp. and Acme LLC")'),
        ("short_name", 'The movant\'s short name ("Defendants")'),
    ):
        iv.ask_one(("movant",), "Movant", Ask(name, message), Mode.FRESH)
        _unmark(iv, ("movant", name))


def _correct_represents(iv: Interview, choice: str) -> None:
    from assembler.interview.engine import Ask, Mode

    side = choice.split(":", 1)[1]
    iv.ask_one(
        ("counsel", side),
        "CounselBlock",
        Ask("represents", f"Under the {side}'s counsel's signatures (\"Attorneys for Defendants\")"),
        Mode.FRESH,
    )
    _unmark(iv, ("counsel", side, "represents"))


def _correct_filers(iv: Interview, choice: str) -> None:
    rows = _rows(iv)
    guesses = set(marked(iv))
    options = [
        Option(f"{row.get('number'):>5}  {str(row.get('filed_by')):<10} {_short(row.get('title'), 60)}", i)
        for i, row in enumerate(rows)
        if ("docket", i, "filed_by") in guesses
    ]
    wrong = iv.asker.ask(Prompt("guess:filers", "Which entries did someone else file?", "checkbox", options=options))
    for index in wrong:
        row = rows[index]
        filer = iv.asker.ask(
            Prompt(
                f"guess:docket.{index}.filed_by",
                f"docket entry {row.get('number')}: Filed by",
                "select",
                default=row.get("filed_by"),
                options=[Option(f, f) for f in FILERS],
            )
        )
        iv.put(("docket", index, "filed_by"), filer)
        _unmark(iv, ("docket", index, "filed_by"))


CORRECT = {
    "order": _correct_order,
    "role": _correct_role,
    "movant": _correct_movant,
    "represents": _correct_represents,
    "filers": _correct_filers,
}
