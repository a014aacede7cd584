"""The interview's questions, as data over the answer model, in the order a lawyer thinks.

Each section names the top-level keys it answers; each ``Ask`` names the field
it fills.  Validation is the model's own (``Interview.field_problem``); what
the model cannot know (a docket number used twice, a court's case-number
forms, a date after the motion) is a ``check`` or ``warn`` here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from assembler.answers.reader import FieldPath, value_at
from assembler.interview.engine import Ask, Interview, Item, Loop, Mode, Section
from assembler.interview.prompts import Option, Prompt

SIDES = [Option("plaintiff", "plaintiff"), Option("defendant", "defendant")]
FILERS = [Option(v, v) for v in ("plaintiff", "defendant", "movant", "court", "non-party")]
ROLES = {
    "motion": "the motion for reconsideration",
    "response": "the response in opposition",
    "reply": "the reply",
    "response-order": "an order requesting a response",
    "reply-leave": "an order granting leave to file a reply",
}

if TYPE_CHECKING:
    from assembler.law.roles import Role


def _court(iv: Interview) -> Any:
    from assembler.errors import CourtError
    from assembler.law.courts import load_court

    try:
        return load_court(str(iv.value(("court",))))
    except CourtError:
        return None


# -- court and case --------------------------------------------------------------------------


def _court_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    from assembler.interview.courts import described
    from assembler.law.districts import districts

    return [Option(cid, cid, described(cid)) for cid in districts()]


def _court_parse(iv: Interview, text: str) -> str:
    """The court id ``text`` names: an id, a name or an abbreviation ("S.D.N.Y.", "Massachusetts")."""
    from assembler.interview.courts import described, find

    found = find(text)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(
            f"no district court goes by “{text.strip()}”: type its name "
            "(“Southern District of New York”), abbreviation (“S.D.N.Y.”) or id (nysd)"
        )
    raise ValueError(
        f"“{text.strip()}” names {len(found)} courts: "
        + "; ".join(f"{cid} ({described(cid)})" for cid in found)
        + "; type one of them"
    )


def _court_match(typed: str, option: Option) -> bool:
    from assembler.interview.courts import matches

    return matches(typed, str(option.value))


def _court_check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    from assembler.errors import CourtError
    from assembler.law.courts import load_court

    try:
        load_court(value)
    except CourtError as exc:
        return str(exc)
    return None


def _case_number_check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    from assembler.answers.matter import case_number_problem

    court = _court(iv)
    return case_number_problem(court, value) if court is not None else None


def _case_number_hint(iv: Interview, item: Item, path: FieldPath) -> str | None:
    court = _court(iv)
    return f"as the court writes it, e.g. {court.case_number.examples[0]}" if court else None


def _citation_message(iv: Interview, item: Item, path: FieldPath) -> str:
    court = _court(iv)
    usual = f" (the court writes “{court.citation.one(18)}”)" if court else ""
    return f"Does the judge cite the docket another way{usual}? (none: the court's way)"


def _citation_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    from assembler.law.citations import WORDS  # pydantic, not needed before the question

    court = _court(iv)
    style = court.citation if court else None
    return [
        Option(f"“{style.model_copy(update={'word': word}).one(18) if style else word}”", word)
        for word in WORDS
        if style is None or word != style.word
    ]


def _unspaced_word(iv: Interview, item: Item, path: FieldPath) -> bool:
    """Whether the word chosen may go without a space ("Dkt. #12"); every other word takes one."""
    from assembler.law.citations import WORDS

    word = WORDS.get(str(item.get("word")))
    return word is not None and word.unspaced


def _case_label(iv: Interview, item: Item, path: FieldPath) -> str:
    court = _court(iv)
    usual = court.case_label if court else "Case No."
    return f"The caption's word before the number, if not “{usual}” (“Civil Action No.”, “No.”)"


def _division_prompt(iv: Interview, item: Item, path: FieldPath) -> str:
    court = _court(iv)
    if court is not None and court.divisions:
        return f"The division the caption names (the court's: {', '.join(court.divisions)})"
    return "The division, if the court's captions name one (“Sherman”)"


def _division_check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    court = _court(iv)
    if court is None or court.divisions is None or not value:
        return None
    name = re.sub(r"(?i)\s*division$", "", str(value).strip())
    if not court.divisions:
        return f"the {court.name} sits in no divisions: leave this empty"
    if name.casefold() not in {d.casefold() for d in court.divisions}:
        return f"the {court.name} has no {name} Division (its divisions: {', '.join(court.divisions)})"
    return None


def _consolidated_check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    for number in value or []:
        if problem := _case_number_check(iv, item, path, number):
            return problem
    return None


FORMS = (
    "Change the court's usual forms (the caption's label, consolidated cases, a division, "
    "the judge's title, how the judge cites the docket, curly quotes)?"
)


def _ask_court(iv: Interview, mode: Mode) -> None:
    iv.ask_one(
        (),
        "Answers",
        Ask(
            "court",
            "Court (its name, abbreviation or id: Massachusetts, S.D.N.Y., nysd)",
            "autocomplete",
            options=_court_options,
            check=_court_check,
            parse=_court_parse,
            match=_court_match,
        ),
        mode,
    )
    iv.ask_all(
        ("case",),
        "Case",
        (
            Ask("number", "Case number", hint=_case_number_hint, check=_case_number_check),
            Ask("judge", "Judge assigned to the case", optional=True),
        ),
        mode,
    )
    # what the court profile settles, behind one question; asked in full where one is given
    case = (
        Ask("label", _case_label, optional=True, more=FORMS),
        Ask(
            "consolidated",
            "Numbers of cases consolidated with it, one per line (leave empty: none)",
            "lines",
            optional=True,
            check=_consolidated_check,
            more=FORMS,
        ),
        Ask("division", _division_prompt, optional=True, check=_division_check, more=FORMS),
        Ask("judge_title", "The judge's title", default="United States District Judge", more=FORMS),
        Ask(
            "habeas",
            "Is it a petition for a writ of habeas corpus under 28 U.S.C. § 2254?",
            "confirm",
            default=False,
            implicit=True,
            more=FORMS,
        ),
        Ask(
            "consent",
            "Did the parties consent to the magistrate judge conducting all proceedings (28 U.S.C. § 636(c)(1))?",
            "confirm",
            default=False,
            implicit=True,
            when=lambda iv, item, path: "magistrate" in str(item.get("judge_title", "")).lower(),
        ),
    )
    citation = (
        Ask("word", _citation_message, "select", optional=True, options=_citation_options, more=FORMS),
        Ask(
            "space",
            "A space between the word and the number (“Dkt. # 12”; no: “Dkt. #12”)?",
            "confirm",
            default=True,
            implicit=True,
            when=_unspaced_word,
            more=FORMS,
        ),
        Ask(
            "placement",
            "Citations as footnotes or in the text? (none: the court's way)",
            "select",
            optional=True,
            more=FORMS,
            options=[Option("footnotes, as the model order", "footnote"), Option("in the text, in brackets", "inline")],
        ),
        Ask(
            "brackets",
            "Brackets for citations in the text (none: the court's)",
            "select",
            optional=True,
            more=FORMS,
            options=[Option("(ECF No. 18)", "()"), Option("[ECF No. 18]", "[]")],
        ),
        Ask(
            "names",
            "Cite papers by a short name where you give one (“Defs.’ Mem. 8-10 (Dkt. No. 32)”)?",
            "confirm",
            default=False,
            implicit=True,
            more=FORMS,
        ),
    )
    typography = (
        Ask(
            "smart_quotes",
            "Print straight quotes you type as curly ones (“ ” ‘ ’), like the papers' own?",
            "confirm",
            default=True,
            implicit=True,
            more=FORMS,
        ),
    )
    parts = (
        (("case",), "Case", case),
        (("citation",), "Citation", citation),
        (("typography",), "Typography", typography),
    )
    decided = iv.open_more_parts(parts, mode, FORMS)
    for path, model, asks in parts:
        iv.ask_all(path, model, asks, mode, decided={FORMS: decided})


# -- parties and movant -------------------------------------------------------------------

CAPTION = "more:parties:caption"  # remembered: yes, the caption describes parties, names others, ...
PLAIN_CAPTION = "caption:plain"  # remembered: no, the parties' names and the usual form only


def _described(iv: Interview, item: Item, path: FieldPath) -> bool:
    return bool(item.get("description")) or iv.answered(CAPTION)


PARTY = (
    Ask("name", "Name, as in the caption"),
    Ask("description", 'Description in the caption ("an Arizona corporation")', optional=True, when=_described),
    Ask("short_name", 'Short name the papers use ("CP Productions")', optional=True),
)


def _caption_given(iv: Interview) -> bool:
    """Whether the answers (or the answers copied from) already describe a party, name a party of
    another role, or give the caption another form."""
    for source in (iv.value(("parties",)), value_at(iv.prefill, ("parties",))):
        if not isinstance(source, dict):
            continue
        if source.get("others") or source.get("et_al") or source.get("in_re"):
            return True
        for side in ("plaintiffs", "defendants"):
            if any(isinstance(p, dict) and p.get("description") for p in source.get(side) or []):
                return True
    return False


def _ask_caption(iv: Interview, mode: Mode) -> bool:
    """One question for what most captions do without: the parties' descriptions, parties of
    other roles, "et al." and "In re"; whether they are asked."""
    if _caption_given(iv):
        iv.remember(CAPTION)
        return True
    if iv.focus is not None:  # what drafting needs, asked by name: the caption's own keys only then
        caption = [("parties", key) for key in ("others", "et_al", "in_re")]
        return iv.answered(CAPTION) or any(tuple(f[:2]) in caption for f in iv.focus)
    if mode is Mode.FILL:
        return iv.answered(CAPTION)
    if mode is not Mode.FRESH and (iv.answered(CAPTION) or iv.answered(PLAIN_CAPTION)):
        return iv.answered(CAPTION)
    if iv.asker.ask(
        Prompt(
            CAPTION,
            "Does the caption describe a party (“an Arizona corporation”), name a party of another "
            "role (an intervenor), or take another form (“et al.”, “In re”)?",
            "confirm",
            default=False,
        )
    ):
        iv.record.discard(PLAIN_CAPTION)
        iv.remember(CAPTION)
        return True
    iv.record.discard(CAPTION)
    iv.remember(PLAIN_CAPTION)
    return False


def _party_label(row: dict) -> str:
    return str(row.get("name", "?")) + (f", {row['description']}" if row.get("description") else "")


def _several(iv: Interview, item: Item, path: FieldPath) -> bool:
    return any(len(item.get(side) or []) > 1 for side in ("plaintiffs", "defendants"))


def _party_roles(side: str) -> list[Option]:
    from assembler.law import roles

    return [Option(roles.role(r).singular, r) for r in roles.role_ids(side)]  # type: ignore[arg-type]


OTHER_SIDES = "Are the sides other than Plaintiff and Defendant (a habeas Petitioner and Respondent, a Relator)?"
PARTY_ROLES = (
    Ask(
        "plaintiffs",
        "The caption's first side: its role (a habeas petition's is Petitioner)",
        "select",
        options=_party_roles("plaintiffs"),
        default="plaintiff",
        implicit=True,
        more=OTHER_SIDES,
    ),
    Ask(
        "defendants",
        "The caption's second side: its role",
        "select",
        options=_party_roles("defendants"),
        default=lambda iv, item, path: (
            "respondent" if item.get("plaintiffs") in ("petitioner", "applicant") else "defendant"
        ),
        more=OTHER_SIDES,
    ),
)


def _side_role(iv: Interview, side: str) -> tuple[str, Role]:
    """The role of ``side`` the answers give (its id and the role), else the side's own."""
    from assembler.law import roles

    role_id = str(iv.value(("parties", "roles", side)) or side[:-1])
    return role_id, roles.role(role_id)


def _side_heading(iv: Interview, side: str) -> str:
    role_id, role = _side_role(iv, side)
    return f"  {role.plural}:" if role_id == side[:-1] else f"  {role.plural} (listed as {side}):"


def _side_nouns(iv: Interview, side: str) -> tuple[str, str]:
    """What the prompts call one party of ``side``, and several: its role ("petitioner"), not
    the answer file's key ("plaintiff")."""
    _, role = _side_role(iv, side)
    return role.singular.lower(), role.plural.lower()


def _ask_parties(iv: Interview, mode: Mode) -> None:
    if iv.value(("case", "habeas")) and iv.value(("parties", "roles")) is None:
        # a § 2254 petition settles the sides: Petitioner and Respondent (Rules Governing § 2254
        # Cases, Rule 2): written, not asked
        iv.put(("parties", "roles"), {"plaintiffs": "petitioner", "defendants": "respondent"})
    if not iv.value(("case", "habeas")) or iv.focus is not None:
        iv.ask_all(("parties", "roles"), "Roles", PARTY_ROLES, mode)
    caption = _ask_caption(iv, mode)
    for side in ("plaintiffs", "defendants"):
        iv.heading(_side_heading(iv, side))
        noun, nouns = _side_nouns(iv, side)
        iv.loop(
            Loop(("parties", side), "Party", noun, PARTY, _party_label, plural=nouns),
            _settled(iv, mode, ("parties", "defendants") if side == "plaintiffs" else None),
        )
    if not caption:
        return
    iv.heading("  Parties of other roles (intervenors, third-party defendants), captioned after them:")
    iv.loop(
        Loop(
            ("parties", "others"),
            "OtherParty",
            "party of another role",
            (
                *PARTY,
                Ask("role", "Its role in the caption", "select", options=_party_roles("other")),
            ),
            lambda row: f"{_party_label(row)} ({row.get('role', '?')})",
            minimum=0,
            plural="parties of other roles",
        ),
        mode,
    )
    iv.ask_all(
        ("parties",),
        "Parties",
        (
            Ask(
                "et_al",
                "Caption only the first of several parties, then “et al.”?",
                "confirm",
                default=False,
                implicit=True,
                when=_several,
            ),
            Ask(
                "in_re",
                "An “In re” caption in place of the parties (“In re Acme Securities Litigation”)",
                optional=True,
            ),
        ),
        mode,
    )


def _settled(iv: Interview, mode: Mode, later: FieldPath | None) -> Mode:
    """A list the user went past (a later answer exists) is not reopened on resume."""
    if mode is Mode.CONTINUE and later is not None and iv.file.get(later) is not None:
        return Mode.FILL
    return mode


def _is_party(iv: Interview, item: Item, path: FieldPath) -> bool:
    return bool(iv.value(("movant", "party")))


def _not_party(iv: Interview, item: Item, path: FieldPath) -> bool:
    return iv.value(("movant", "party")) is False


def _ask_movant(iv: Interview, mode: Mode) -> None:
    path = ("movant",)
    iv.ask_one(
        path,
        "Movant",
        Ask(
            "party",
            "Who moves for reconsideration?",
            "select",
            options=[Option("a party to the case", True), Option("a non-party (a witness, an ISP, ...)", False)],
        ),
        mode,
    )
    chosen = _is_party(iv, {}, path) and (mode is Mode.FRESH or iv.value(path + ("side",)) is None)
    if chosen:
        _choose_moving_parties(iv)
    asks: tuple[Ask, ...] = (
        Ask("side", "The movant's side", "select", options=SIDES, when=_is_party),
        Ask("name", 'The movant as the papers first name it ("Defendant John Doe")'),
        Ask("short_name", 'The movant\'s short name ("Defendant", "the ISPs")'),
        Ask("plural", 'Is the movant several persons ("the ISPs assert")?', "confirm", default=False),
        Ask("opposes", "Which side does the non-party oppose?", "select", options=SIDES, when=_not_party),
        Ask(
            "interest",
            'How the order touches the non-party ("the Order directed those ISPs to ...")',
            "markup",
            optional=True,
            when=_not_party,
        ),
    )
    if chosen:  # the parties picked settle the side and the number; their names are offered
        asks = tuple(a for a in asks if a.name not in ("side", "plural"))
    iv.ask_all(path, "Movant", asks, mode)


def _choose_moving_parties(iv: Interview) -> None:
    options = []
    for side in ("plaintiff", "defendant"):
        for party in iv.value(("parties", side + "s")) or []:
            options.append(Option(f"{side}: {party.get('name')}", (side, dict(party))))
    while True:
        chosen = iv.asker.ask(Prompt("movant.parties", "Which party or parties move?", "checkbox", options=options))
        sides = {side for side, _ in chosen}
        if len(sides) == 1:
            break
        iv.asker.say("  pick one or more parties of one side")
    side = sides.pop()
    names = [p["name"] for _, p in chosen]
    iv.put(("movant", "side"), side)
    iv.put(("movant", "plural"), len(names) > 1)
    label = side.capitalize() + ("s" if len(names) > 1 else "")
    iv.put(("movant", "name"), f"{label} {' and '.join(names)}")
    shorts = [p.get("short_name") or p["name"] for _, p in chosen]
    iv.put(("movant", "short_name"), shorts[0] if len(shorts) == 1 else label)


# -- the order and the docket -------------------------------------------------------------


def _cite_hint(iv: Interview, item: Item, path: FieldPath) -> str | None:
    court = _court(iv)
    if court is None:
        return None
    where = "in a footnote" if court.citation.placement == "footnote" else "in the text"
    return f"the court cites it as “{court.citation.word} 18” {where}"


ORDER_MORE = "More about the order (a final judgment, a defined term, a short title, another judge)?"


def _ask_order(iv: Interview, mode: Mode) -> None:
    iv.ask_all(
        ("order",),
        "ChallengedOrder",
        (
            Ask("docket", "Docket number of the challenged order", "number", hint=_cite_hint),
            Ask("date", "Date of the order (YYYY-MM-DD)", "date"),
            Ask("title", "Title of the order (*italic* for case names)", "markup"),
            Ask(
                "kind",
                "Is it an interlocutory order or a final judgment?",
                "select",
                default="order",
                implicit=True,
                more=ORDER_MORE,
                options=[Option("an order (interlocutory)", "order"), Option("a final judgment", "judgment")],
            ),
            Ask(
                "defined",
                "The term the papers define for it, if not “Order” or “Judgment” (“Preservation Order”)",
                optional=True,
                more=ORDER_MORE,
            ),
            Ask(
                "short_title",
                'Short title the papers use ("the *Ex Parte* Order")',
                "markup",
                optional=True,
                more=ORDER_MORE,
            ),
            Ask("judge", "Judge who entered it, if not the judge deciding the motion", optional=True, more=ORDER_MORE),
            Ask(
                "judge_title",
                "That judge's title",
                default="United States District Judge",
                when=lambda iv, item, path: bool(item.get("judge")),
                more=ORDER_MORE,
            ),
        ),
        mode,
    )


def _numbers(iv: Interview, path: FieldPath) -> dict[int, int]:
    """Docket numbers of the other entries, by index."""
    rows = iv.file.get(("docket",)) or []
    here = path[-1] if path and isinstance(path[-1], int) else -1
    return {row.get("number"): i for i, row in enumerate(rows) if i != here and row.get("number")}


def _unique_number(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    others = _numbers(iv, path)
    if value in others:
        return f"docket number {value} is listed twice (also docket.{others[value]})"
    return None


def _from_order(name: str):
    """The challenged order's own docket entry: dated as the order, the court's, titled as it."""

    def settled(iv: Interview, item: Item, path: FieldPath) -> Any:
        order = iv.value(("order", "docket"))
        if order is None or item.get("number") != order:
            return None
        if name == "filed_by":
            return "court"
        if name == "title":
            title = iv.value(("order", "title"))
            return str(title).replace("*", "") if title else None
        return iv.value(("order", name))

    return settled


def _date_doubt(iv: Interview, item: Item, path: FieldPath, value: dt.date) -> str | None:
    filed = iv.value(("motion", "filed")) or iv.today
    if isinstance(filed, dt.date) and value > filed and item.get("role") not in ("response", "reply"):
        return f"{value.isoformat()} is after the motion's filing date, {filed.isoformat()}"
    first = next((row for row in iv.file.get(("docket",)) or [] if row.get("number") == 1), None)
    if (
        first is not None
        and item.get("number") != 1
        and isinstance(first.get("date"), dt.date)
        and value < first["date"]
    ):
        return f"{value.isoformat()} is before the complaint (docket 1, {first['date'].isoformat()})"
    return None


def _role_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    here = path[-1] if path and isinstance(path[-1], int) else -1
    taken = {row.get("role") for i, row in enumerate(iv.file.get(("docket",)) or []) if i != here}
    return [Option(f"{role}: {what}", role) for role, what in ROLES.items() if role not in taken]


def _has_background(iv: Interview, item: Item, path: FieldPath) -> bool:
    return bool(item.get("background"))


def _may_have_role(iv: Interview, item: Item, path: FieldPath) -> bool:
    """A paper of the reconsideration comes after the challenged order: an entry dated before
    it, or the order's own, has no role (asked all the same where one is written)."""
    if item.get("role"):
        return True
    order_date, order = iv.value(("order", "date")), iv.value(("order", "docket"))
    if item.get("number") is not None and item.get("number") == order:
        return False
    date = item.get("date")
    return not (isinstance(date, dt.date) and isinstance(order_date, dt.date) and date < order_date)


def _may_continue(iv: Interview, item: Item, path: FieldPath) -> bool:
    """Only a background after another entry's background (the papers tell them in date order)
    can continue its paragraph."""
    if not item.get("background"):
        return False
    if item.get("continues"):
        return True
    here = path[-1] if path and isinstance(path[-1], int) else -1
    date = item.get("date")
    return any(
        row.get("background")
        and (not isinstance(date, dt.date) or not isinstance(row.get("date"), dt.date) or row["date"] <= date)
        for i, row in enumerate(iv.file.get(("docket",)) or [])
        if i != here
    )


ENTRY_MORE = "More about it"


def _print_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    """How the background paragraph prints: dated or not, on its own or continuing the one before."""
    date = item.get("date")
    on = f"“On {date:%B} {date.day}, {date.year}, …”" if isinstance(date, dt.date) else "“On <date>, …”"
    options = [Option(f"{on}, a paragraph of its own", "dated")]
    if _may_continue(iv, item, path):
        options.append(Option(f"{on}, continuing the paragraph before", "dated-continues"))
    options.append(Option("without its date, a paragraph of its own", "undated"))
    if _may_continue(iv, item, path):
        options.append(Option("without its date, continuing the paragraph before", "undated-continues"))
    options.append(Option(f"{on}, and the parties' papers tell it otherwise (asks how)", "parties"))
    return options


def _print_default(iv: Interview, item: Item, path: FieldPath) -> str:
    if item.get("party_background"):
        return "parties"
    return ("dated" if item.get("dated", True) else "undated") + ("-continues" if item.get("continues") else "")


def _apply_print(iv: Interview, path: FieldPath, value: str) -> None:
    """Write the choice as the fields the papers read (only what differs from their defaults)."""
    if value == "parties":
        iv.wanted.add(path + ("party_background",))
        return
    dated, continues = not value.startswith("undated"), value.endswith("-continues")
    item = iv.file.get(path) or {}
    for name, chosen, default in (("continues", continues, False), ("dated", dated, True)):
        if chosen != default or item.get(name) is not None:
            if item.get(name) != chosen:
                iv.put(path + (name,), chosen)


def _parties_telling(iv: Interview, item: Item, path: FieldPath) -> bool:
    return bool(item.get("party_background")) or path + ("party_background",) in iv.wanted


def _filer(iv: Interview, item: Item, path: FieldPath) -> Any:
    """Who filed the entry, where earlier answers say: the order's own entry is the court's, the
    motion and the reply are the movant's, the response the opponent's."""
    if (settled := _from_order("filed_by")(iv, item, path)) is not None:
        return settled
    role = item.get("role")
    if role in ("motion", "reply"):
        return "movant"
    if role == "response":
        party, side = iv.value(("movant", "party")), iv.value(("movant", "side"))
        if party and side in ("plaintiff", "defendant"):
            return "defendant" if side == "plaintiff" else "plaintiff"
        return iv.value(("movant", "opposes"))
    if role in ("response-order", "reply-leave"):
        return "court"
    return None


DOCKET = (
    Ask("number", "Docket number", "number", hint=_cite_hint, check=_unique_number),
    Ask("date", "Date filed (YYYY-MM-DD)", "date", warn=_date_doubt, settled=_from_order("date")),
    Ask("filed_by", "Filed by", "select", options=FILERS, default="court", settled=_filer, label="filer"),
    Ask("title", "Title, as on the docket", settled=_from_order("title")),
    Ask(
        "role",
        "Is it a paper of the reconsideration?",
        "select",
        optional=True,
        options=_role_options,
        when=_may_have_role,
        more=ENTRY_MORE,
        label="its role in the motion",
    ),
    Ask(
        "cite_as",
        "Its short name in citations (“Defs.’ Mem.”)",
        optional=True,
        label="a citation name",
        when=lambda iv, item, path: bool(iv.value(("citation", "names"))),
        more=ENTRY_MORE,
    ),
    Ask(
        "background",
        "Its place in the background (printed after “On <date>, ”)",
        "prose",
        optional=True,
        more=ENTRY_MORE,
        label="its place in the background",
    ),
    # one choice for how the paragraph prints (the fields continues and dated), where it has one
    Ask(
        "print",
        "How does its background print?",
        "select",
        options=_print_options,
        default=_print_default,
        when=_has_background,
        apply=_apply_print,
        label="how it prints",
    ),
    Ask(
        "party_background",
        "The same as the parties' papers should tell it, if the Court's telling should not be in a party's mouth",
        "prose",
        optional=True,
        when=_parties_telling,
        label="the parties' telling",
    ),
)


def _docket_label(row: dict) -> str:
    date = row.get("date")
    role = f"  [{row['role']}]" if row.get("role") else ""
    return (
        f"{row.get('number', '?'):>4}  {date.isoformat() if isinstance(date, dt.date) else '?':<10}  "
        f"{row.get('filed_by', '?'):<9}  {row.get('title', '?')}{role}"
    )


def docket_loop() -> Loop:
    return Loop(
        ("docket",),
        "DocketEntry",
        "docket entry",
        DOCKET,
        _docket_label,
        plural="docket entries",
        name=lambda row, i: f"docket entry {row.get('number') or i + 1}",
    )


def offer_cited_entries(iv: Interview, text: str) -> None:
    """For each docket number ``text`` cites that the docket list lacks, offer to add it now."""
    from assembler.answers import markup

    cited: list[int] = []
    for citation, _ in markup.parse(text).citations:
        cited += [c.number for c in citation.cites if isinstance(c, markup.Cite) and c.number not in cited]
    for number in cited:
        if number in _numbers(iv, ()):
            continue
        if iv.asker.ask(
            Prompt(
                f"add-cited:{number}",
                f"The text cites docket {number}, which is not in the docket list yet. Add it now?",
                "confirm",
                default=False,
            )
        ):
            iv.add_item(docket_loop(), {"number": number})


def _ask_docket(iv: Interview, mode: Mode) -> None:
    loop = docket_loop()
    if mode is Mode.FRESH and not iv.file.get(("docket",)):
        iv.heading(
            "  The entries the background tells (the complaint, the motion the order decided, the "
            "order); the motion for reconsideration, the response and the reply are asked next."
        )
    iv.loop(loop, mode)
    order = iv.value(("order", "docket"))
    if order is not None and iv.focus is None and order not in _numbers(iv, ()):
        # the challenged order's own entry: every field of it is the order's, so it is not asked
        rows = iv.file.get(("docket",)) or []
        at = next(
            (i for i, row in enumerate(rows) if isinstance(row.get("number"), int) and row["number"] > order), len(rows)
        )
        iv.asker.say(f"  docket {order}, the challenged order, added to the docket list")
        iv.insert(("docket",), at, {"number": order})
        iv.ask_all(("docket", at), loop.model, loop.asks, Mode.CONTINUE)
    if iv.focus is None and mode is not Mode.FILL:
        # the papers of the reconsideration: which entries they are, one question each
        for role in PAPERS:
            rows = iv.file.get(("docket",)) or []
            if any(row.get("role") == role for row in rows):
                continue
            if role != "motion" and not any(row.get("role") == "motion" for row in rows):
                break  # no motion on the docket yet: no response to it, nor a reply
            if mode is Mode.FRESH or not iv.answered(f"role:{role}"):
                ask_role(iv, role)


PAPERS = ("motion", "response", "reply")


def row_line(row: dict) -> str:
    """A docket entry as a list of entries shows it: "docket 15: 2024-06-20  Motion for ..."."""
    date = row.get("date")
    when = date.isoformat() if isinstance(date, dt.date) else "?"
    from assembler.interview.guesses import _short

    return f"docket {row.get('number', '?')}: {when}  {_short(row.get('title', '?'), 60)}"


def row_option(row: dict, value: Any) -> Option:
    """A docket entry as an option of a list: shortened, its whole title shown below when chosen."""
    title = " ".join(str(row.get("title", "?")).split())
    line = row_line(row)
    return Option(line, value, description=title if line.endswith(" …") else None)


def ask_role(iv: Interview, role: str) -> None:
    """Which docket entry is the paper of ``role``: one listed after the challenged order, a new
    entry (asked: number, date, filer, title), or none yet (remembered: the paper waits)."""
    rows = iv.file.get(("docket",)) or []
    order_date, order = iv.value(("order", "date")), iv.value(("order", "docket"))
    options = [
        row_option(row, i)
        for i, row in enumerate(rows)
        if not row.get("role")
        and row.get("number") != order
        and not (isinstance(order_date, dt.date) and isinstance(row.get("date"), dt.date) and row["date"] < order_date)
    ]
    options += [Option("a new docket entry", "new"), Option("none yet (it is not on the docket)", None)]
    choice = iv.asker.ask(
        Prompt(f"role:{role}", f"Which docket entry is {ROLES.get(role, role)}?", "select", options=options)
    )
    if choice is None:
        iv.remember(f"role:{role}")
        return
    iv.record.discard(f"role:{role}")
    if choice != "new":
        iv.put(("docket", choice, "role"), role)
        return
    loop = docket_loop()
    iv.register(loop)
    index = len(rows)
    iv.put(("docket", index), {"role": role})
    iv.ask_all(("docket", index), loop.model, tuple(a for a in DOCKET if a.name != "role"), Mode.FRESH)
    _in_number_order(iv, index)


def _in_number_order(iv: Interview, index: int) -> None:
    """Move the docket entry at ``index`` to its place among the others, by number."""
    rows = iv.file.get(("docket",)) or []
    number = rows[index].get("number")
    at = next(
        (
            i
            for i, row in enumerate(rows)
            if i != index and isinstance(row.get("number"), int) and isinstance(number, int) and row["number"] > number
        ),
        None,
    )
    if at is None or at > index:
        return
    entry = dict(rows[index])
    iv.put(("docket", index), None)
    iv.insert(("docket",), at, entry)


# -- grounds --------------------------------------------------------------------------------


def _library(side: str) -> dict[str, Any]:
    from assembler.law.grounds import library

    return {gid: g for gid, g in library().items() if g.side == side}


def _vehicle(iv: Interview) -> str:
    """The motion's vehicle: its rule as answered, or the default for the court and the order."""
    return str(iv.value(("motion", "rule")) or _vehicle_default(iv, {}, ()))


def _offered(iv: Interview, side: str) -> dict[str, Any]:
    """The library's grounds of ``side`` that argue under the motion's vehicle (a Rule 59(e)
    ground is no ground for reconsidering an interlocutory order under the local rule)."""
    vehicle = _vehicle(iv)
    return {gid: g for gid, g in _library(side).items() if not g.vehicles or vehicle in g.vehicles}


def _heading(iv: Interview | None, heading: str) -> str:
    """A library heading with the order's defined term ("The Order Is Void")."""
    from assembler.law.grounds import shown_heading

    defined = None
    if iv is not None:
        defined = iv.value(("order", "defined")) or (
            "Judgment" if iv.value(("order", "kind")) == "judgment" else "Order"
        )
    return shown_heading(heading, str(defined or "Order"))


_PLACEHOLDER = __import__("re").compile(r"\{([a-z_]+)([.:])([A-Za-z_]+)\}")


def _first_sentence(iv: Interview, text: str) -> str | None:
    """The first sentence of a library ground's text, as a list describes it: its placeholders
    read with this case's answers where they are given ("the Order", the movant's short name)."""
    import re

    flat = " ".join(text.split())
    if not flat:
        return None
    sentence = flat
    for end in re.finditer(r"\.(?=\s+[A-Z“(]|$)", flat):
        word = re.search(r"(\S+)$", flat[: end.start()])
        before = word.group(1) if word else ""
        # not after an abbreviation ("Fed. R. Civ. P.", "U.S.", "No.", "v."), nor too soon
        if end.start() >= 30 and not re.fullmatch(r"[A-Z][A-Za-z.]{0,3}|[a-z]{1,2}|.*\.[A-Za-z]", before):
            sentence = flat[: end.start() + 1]
            break
    noun = "Judgment" if iv.value(("order", "kind")) == "judgment" else "Order"
    defined = str(iv.value(("order", "defined")) or noun)
    plural = bool(iv.value(("movant", "plural")))
    shorts = {"movant": str(iv.value(("movant", "short_name")) or "the movant"), "opponent": "the opponent"}

    def one(match: re.Match[str]) -> str:
        head, sep, tail = match.groups()
        if sep == ":":
            if head == "movant" and plural:
                return tail
            return {"have": "has", "be": "is"}.get(tail, tail + "s")
        if head in shorts and tail in ("short", "Short"):
            word = shorts[head]
            return word[0].upper() + word[1:] if tail == "Short" else word
        if head in shorts and tail == "possessive":
            return shorts[head] + "’s"
        if head == "order":
            return {"noun": noun, "defined": defined, "date": "challenged"}.get(tail, f"the {noun}")
        if head == "rule":
            return "the rule"
        if head == "movant" and tail == "party_noun":
            return "parties" if plural else "a party"
        if head == "court":
            return "the Court"
        return {"motion": "the motion", "response": "the response"}.get(head, "…")

    sentence = _PLACEHOLDER.sub(one, sentence)
    return sentence if len(sentence) <= 140 else sentence[:139].rsplit(" ", 1)[0] + " …"


def _ground_label(side: str):
    def label(row: dict) -> str:
        heading = row.get("heading") or _heading(None, getattr(_library(side).get(row.get("id", "")), "heading", ""))
        return f"{row.get('id', '?')}: {heading}"

    return label


def _ground_asks(side: str) -> tuple[Ask, ...]:
    def library_ground(iv: Interview, item: Item, path: FieldPath) -> bool:
        return item.get("id") in _library(side)

    def motion_grounds(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
        return [Option(str(g.get("id")), str(g.get("id"))) for g in iv.value(("grounds",)) or []]

    def library_more(iv: Interview, item: Item, path: FieldPath) -> str:
        # a library ground keeps the library's heading and argument unless the user changes them
        return "Change the library's heading or argument?" if library_ground(iv, item, path) else ""

    who = "the movant" if side == "movant" else "the opponent"

    def keeps(what: str, how: str = "Enter keeps"):
        def message(iv: Interview, item: Item, path: FieldPath) -> str:
            return f"{what} ({how} the library's)" if library_ground(iv, item, path) else what

        return message

    asks = [
        Ask("heading", keeps("Heading"), optional=library_ground, more=library_more),
        Ask(
            "text",
            keeps("The argument", "leave empty to keep"),
            "prose",
            optional=library_ground,
            more=library_more,
            label="argument",
        ),
    ]
    if side == "opponent":
        asks.append(
            Ask(
                "answers",
                "Which of the motion's grounds does it answer?",
                "select",
                optional=True,
                options=motion_grounds,
            )
        )
    asks.append(
        Ask("summary", f"How the order describes it (after “{who.capitalize()} asserts that”)", "prose", optional=True)
    )
    if side == "opponent":
        asks.append(Ask("reply", "The movant's answer to it, for the reply", "prose", optional=True))
    return tuple(asks)


def _add_ground(side: str):
    def add(iv: Interview, loop: Loop, index: int, may_end: bool = False) -> bool:
        used = {g.get("id") for g in iv.file.get(loop.path) or []}
        options = [
            Option(f"{gid}: {_heading(iv, g.heading)}", gid, _first_sentence(iv, g.text))
            for gid, g in _offered(iv, side).items()
            if gid not in used
        ]
        options.append(Option("a ground of my own", ""))
        if may_end:
            options.append(Option("no more grounds" if index else "none", None))
        chosen = iv.asker.ask(
            Prompt(f"add:{loop.path[0]}", "Another ground?" if index else "Which ground?", "select", options=options)
        )
        if chosen is None:
            return False
        if not chosen:
            iv.ask_one(
                loop.path + (index,),
                "Ground",
                Ask("id", "A short id for it (lowercase-with-dashes)", check=_unique_id(loop.path)),
                Mode.FRESH,
            )
        else:
            iv.put(loop.path + (index,), {"id": chosen})
        iv.ask_all(loop.path + (index,), "Ground", loop.asks, Mode.FRESH)
        _ask_fills(iv, loop.path + (index,), side)
        return True

    return add


def _ask_fills(iv: Interview, path: FieldPath, side: str) -> None:
    """The blanks of a library ground's text that only the user can fill (the error the order
    rests on), each asked until it has an answer; none where the user wrote the text."""
    item = iv.value(path) or {}
    entry = _library(side).get(str(item.get("id", "")))
    if entry is None or item.get("text"):
        return
    for name, what in entry.fills.items():
        here = path + ("fills", name)
        if iv.value(here) or not iv.focused(here):
            continue
        answer = iv.asker.ask(
            Prompt(
                ".".join(map(str, here)),
                f"{item.get('id')}: {what}",
                "text",
                check=lambda text: True if text.strip() else "required, but not given",
            )
        )
        if answer and answer.strip():
            iv.put(here, answer.strip())


def _unique_id(list_path: FieldPath):
    def check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
        rows = iv.file.get(list_path) or []
        if any(row.get("id") == value for i, row in enumerate(rows) if (list_path + (i,)) != path):
            return f"ground {value!r} is listed twice"
        return None

    return check


def ground_loop(side: str) -> Loop:
    key = "grounds" if side == "movant" else "opposition"
    return Loop(
        (key,),
        "Ground",
        "ground",
        _ground_asks(side),
        _ground_label(side),
        minimum=1 if side == "movant" else 0,
        add=_add_ground(side),
        name=lambda row, i: f"ground {row.get('id') or i + 1}",
    )


def _pick_library(iv: Interview, side: str, loop: Loop) -> bool:
    """Grounds picked from the library at once, each with its first sentence; whether any was."""
    options = [
        Option(f"{gid}: {_heading(iv, g.heading)}", gid, _first_sentence(iv, g.text))
        for gid, g in _offered(iv, side).items()
    ]
    chosen = iv.asker.ask(
        Prompt(
            f"pick:{loop.path[0]}", "Grounds from the library (you can add your own next)", "checkbox", options=options
        )
    )
    start = len(iv.file.get(loop.path) or [])
    for gid in chosen:
        iv.put(loop.path + (len(iv.file.get(loop.path) or []),), {"id": gid})
    keep = len(chosen) > 1 and not iv.asker.ask(
        Prompt(
            f"more:{loop.path[0]}",
            "Change the library's heading or argument of any of them?",
            "confirm",
            default=False,
            opens={
                f"{loop.path[0]}.{start + i}.{name}": None for i in range(len(chosen)) for name in ("heading", "text")
            },
        )
    )
    for index in range(start, start + len(chosen)):
        if keep:  # the library's texts, each: answered, so not asked again
            iv.remember(loop.path + (index, "heading"))
            iv.remember(loop.path + (index, "text"))
        iv.ask_all(loop.path + (index,), "Ground", loop.asks, Mode.CONTINUE if keep else Mode.FRESH)
        _ask_fills(iv, loop.path + (index,), side)
    return bool(chosen)


def _fill_all(iv: Interview, loop: Loop, side: str) -> None:
    """Every ground's blanks still empty (a resumed file, an edited ground)."""
    for index in range(len(iv.value(loop.path) or [])):
        _ask_fills(iv, loop.path + (index,), side)


def _ground_list(iv: Interview, side: str, mode: Mode) -> None:
    """The grounds of one side: a new list starts from the library's, picked at once."""
    loop = ground_loop(side)
    iv.register(loop)
    new = not iv.file.get(loop.path) and not iv.prefill.get(loop.path[0]) and iv.touches(loop.path)
    if (
        new
        and (mode is not Mode.FILL or loop.minimum or iv.focus is not None)
        and not (mode is Mode.CONTINUE and iv.answered(f"end:{loop.path[0]}"))
    ):
        if side == "movant" and iv.value(("motion", "rule")) is None and not iv.answered("motion.rule"):
            # the vehicle first: which grounds fit depends on it (a file imported from a docket)
            iv.ask_one(("motion",), "MotionPaper", RULE, Mode.FRESH)
        if _pick_library(iv, side, loop):
            mode = Mode.CONTINUE  # then another (one of the user's own), or no more
    iv.loop(loop, mode)
    _fill_all(iv, loop, side)


def _ask_grounds(iv: Interview, mode: Mode) -> None:
    _ground_list(iv, "movant", mode)
    ask_declaration(iv, "movant", mode)


# -- the declaration and its exhibits ---------------------------------------------------------


def _argues_new_facts(iv: Interview) -> bool:
    """Whether a movant's ground of the library argues new facts (``evidence: true``)."""
    from assembler.law.grounds import library

    grounds = iv.value(("grounds",)) or []
    return any(
        (found := library().get(str(g.get("id")))) is not None and found.evidence
        for g in grounds
        if isinstance(g, dict)
    )


def _exhibit_file_doubt(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    """The file's trouble (not there yet, not a PDF or Word file), which the user may fix later."""
    from pathlib import Path

    from assembler.law.record import file_problem

    why = file_problem(Path(iv.file.path).parent / str(value))
    return f"{why}; check and render refuse it until it is" if why else None


DECLARATION = (
    Ask(
        "declarant",
        "Who declares (Enter: this side's first attorney)",
        optional=True,
    ),
    Ask(
        "paragraphs",
        "Its paragraphs, one per line (numbered 1, 2, ...; one introducing each exhibit follows them; "
        "cite them as [[Decl. ¶ 2]])",
        "lines",
        optional=True,
    ),
)
EXHIBIT = (
    Ask(
        "description",
        "What it is: “A true and correct copy of ... is attached” (“the letter of June 3, 2024 from ...”)",
        "markup",
    ),
    Ask(
        "file",
        "Its file, a PDF or Word (.docx) file, relative to the answer file (“exhibits/letter.pdf”)",
        warn=_exhibit_file_doubt,
    ),
    Ask(
        "label",
        "Its letter or number (Enter: the next in the court's convention; cite it as [[Ex. A at 3]])",
        optional=True,
        more="Label it yourself (a letter or number)?",
    ),
)
EXECUTED = (
    Ask("place", "Where the declarant signs it (“Boston, Massachusetts”)"),
    Ask("date", "The day it is signed (Enter: the paper's date)", "date", optional=True),
    Ask(
        "abroad",
        "Signed outside the United States (28 U.S.C. § 1746(1))?",
        "confirm",
        default=False,
        implicit=True,
        more="Signed outside the United States?",
    ),
)


def ask_declaration(iv: Interview, side: str, mode: Mode) -> None:
    """A side's declaration with its exhibits: offered to the movant where a ground argues new
    facts, to the opponent where the motion does (its evidence may be answered with evidence)."""
    from assembler.law.record import DECLARATION_PATH

    path = DECLARATION_PATH[side]
    if not iv.touches(path):
        return
    if iv.value(path) is None:
        if not _argues_new_facts(iv) or (mode is Mode.CONTINUE and iv.answered(f"{'.'.join(path)}.draft")):
            return
        whose = "The motion argues new facts: file a declaration" if side == "movant" else "File a declaration"
        if not iv.asker.ask(
            Prompt(
                f"{'.'.join(path)}.draft",
                f"{whose} with exhibits beside the {'motion' if side == 'movant' else 'response'}?",
                "confirm",
                default=side == "movant",
            )
        ):
            iv.remember(f"{'.'.join(path)}.draft")
            return
    iv.heading(f"  The {'movant' if side == 'movant' else 'opponent'}'s declaration (28 U.S.C. § 1746):")
    iv.ask_all(path, "Declaration", DECLARATION, mode)
    iv.loop(
        Loop(
            (*path, "exhibits"),
            "Exhibit",
            "exhibit",
            EXHIBIT,
            lambda row: str(row.get("description", "?")),
            minimum=0,
        ),
        mode,
    )
    iv.ask_all((*path, "executed"), "Executed", EXECUTED, mode)


def _ask_opposition(iv: Interview, mode: Mode) -> None:
    loop = ground_loop("opponent")
    if mode is Mode.FILL or (mode is Mode.CONTINUE and iv.file.get(loop.path)):
        _ground_list(iv, "opponent", mode)
        ask_declaration(iv, "opponent", mode)
        return
    if mode is Mode.CONTINUE and iv.answered("opposition.draft"):
        return  # the user said no before
    had = bool(iv.value(loop.path))
    if not iv.asker.ask(
        Prompt(
            "opposition.draft",
            "Draft the response too (the opponent's arguments)?",
            "confirm",
            default=had or mode is Mode.FRESH,
        )
    ):
        iv.remember("opposition.draft")
        return
    iv.record.discard("opposition.draft")
    _ground_list(iv, "opponent", mode)
    ask_declaration(iv, "opponent", mode)


# -- the motion, counsel, the ruling --------------------------------------------------------


def _leave_asked(iv: Interview, item: Item, path: FieldPath) -> bool:
    court = _court(iv)
    return bool(court and court.reconsideration.leave_required.value)


def _standard_needed(iv: Interview, item: Item, path: FieldPath) -> bool:
    court = _court(iv)
    return court is not None and not court.reconsideration.standard.known


def _circuit_states_it(iv: Interview, item: Item, path: FieldPath) -> bool:
    """Whether the circuit's cases give the standard the papers state when the answers give none."""
    court = _court(iv)
    return court is not None and bool(court.circuit.standard)


def _vehicle_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    from assembler.law.vehicles import vehicles

    court = _court(iv)
    options = []
    for vid, data in vehicles().items():
        if vid == "local":
            if court is None or not court.reconsideration.rule.known:
                continue
            label = f"{court.reconsideration.rule.value}, the court's local rule"
        else:
            label = data.label
        options.append(Option(label, vid))
    return options


def _vehicle_default(iv: Interview, item: Item, path: FieldPath) -> str:
    court = _court(iv)
    if iv.value(("order", "kind")) == "judgment":
        return "59e"
    return "local" if court is not None and court.reconsideration.rule.known else "54b"


def _motion_entry_date(iv: Interview, item: Item, path: FieldPath) -> Any:
    """A motion on the docket was filed the day of its entry."""
    return next(
        (
            row.get("date")
            for row in iv.file.get(("docket",)) or []
            if row.get("role") == "motion" and isinstance(row.get("date"), dt.date)
        ),
        None,
    )


def _is_60b(iv: Interview, item: Item, path: FieldPath) -> bool:
    return item.get("rule") == "60b"


def _clause_check(iv: Interview, item: Item, path: FieldPath, value: Any) -> str | None:
    return None if all(1 <= n <= 6 for n in value) else "the reasons of Rule 60(b) are 1 to 6"


def _modifies(iv: Interview, item: Item, path: FieldPath) -> bool:
    return item.get("asks") in ("modify", "amend")


RULE = Ask(
    "rule",
    "Under which rule does the motion move?",
    "select",
    options=_vehicle_options,
    default=_vehicle_default,
    implicit=True,
)
MOTION_MORE = (
    "More about the motion (the parts of the order it targets, what the Court should do "
    "with it, its title, an introduction)?"
)
NOTICE_MORE = "More about the notice (the courtroom, when it is returnable, the papers it rests on)?"


def _ask_motion(iv: Interview, mode: Mode) -> None:
    iv.ask_all(
        ("motion",),
        "MotionPaper",
        (
            RULE,
            Ask(
                "clauses",
                "Which reasons of Rule 60(b) (numbers 1-6, one per line)?",
                "numbers",
                optional=True,
                when=_is_60b,
                check=_clause_check,
            ),
            Ask(
                "filed",
                "Date the motion is filed (YYYY-MM-DD)",
                "date",
                default=lambda iv, item, path: iv.today,
                settled=_motion_entry_date,
            ),
            Ask("relief", 'What the motion asks the Court to do ("reconsider and vacate its ... Order")', "markup"),
            Ask(
                "parts",
                "The parts of the order the motion targets, one per line (leave empty: the whole order)",
                "lines",
                optional=True,
                more=MOTION_MORE,
            ),
            Ask(
                "scope",
                "How far it reaches, if not the whole order (“insofar as it binds Acme Broadband”)",
                optional=True,
                more=MOTION_MORE,
                when=lambda iv, item, path: not item.get("parts"),
            ),
            Ask(
                "asks",
                "What should the Court do with it?",
                "select",
                default="vacate",
                implicit=True,
                more=MOTION_MORE,
                options=[
                    Option("vacate it (or the parts named)", "vacate"),
                    Option("modify it", "modify"),
                    Option("amend the judgment", "amend"),
                ],
            ),
            Ask("modification", "The new text it should carry", "prose", when=_modifies, more=MOTION_MORE),
            Ask(
                "title",
                "The motion's title, if not the court's default (“Motion for Reconsideration of ...”)",
                optional=True,
                more=MOTION_MORE,
            ),
            Ask("introduction", "An introduction for the motion", "prose", optional=True, more=MOTION_MORE),
            Ask(
                "leave",
                "The court requires leave to move: does the motion seek it?",
                "confirm",
                default=True,
                when=_leave_asked,
            ),
            Ask(
                "standard",
                "The legal standard (this court's profile states none; empty: the circuit's, where it has one)",
                "prose",
                when=_standard_needed,
                optional=_circuit_states_it,
            ),
        ),
        mode,
    )
    court = _court(iv)
    if ((court is not None and court.notice_of_motion.value) or iv.value(("motion", "notice"))) and iv.touches(
        ("motion", "notice")
    ):
        iv.heading("  The notice of motion (filed beside the memorandum of law):")
        iv.ask_all(
            ("motion", "notice"),
            "Notice",
            (
                Ask(
                    "courthouse",
                    "Where it is returnable (“the United States Courthouse, 500 Pearl Street, "
                    "New York, New York 10007”)",
                    optional=True,
                ),
                Ask("courtroom", "The courtroom (“Courtroom 21D”)", optional=True, more=NOTICE_MORE),
                Ask(
                    "returnable",
                    "When (Enter: “a date and at a time to be set by the Court”)",
                    optional=True,
                    more=NOTICE_MORE,
                ),
                Ask(
                    "papers",
                    "Papers it rests on besides the memorandum of law (“the Declaration of ...”)",
                    optional=True,
                    more=NOTICE_MORE,
                ),
            ),
            mode,
        )
    _ask_conference(iv, mode)


POSITIONS = [
    Option("opposes the motion", "opposes"),
    Option("does not oppose it", "does-not-oppose"),
    Option("takes no position", "no-position"),
    Option("could not be reached, after the efforts you will describe", "not-reached"),
]


def _conferred(iv: Interview, item: Item, path: FieldPath) -> bool:
    return item.get("position") != "not-reached"


def _conference_required(iv: Interview) -> bool:
    """The court's rule requires a conference before filing (its profile says so), or the
    answers give one already: only then is the conference asked."""
    court = _court(iv)
    return bool(court is not None and court.conference.required.value) or iv.value(("motion", "conference")) is not None


def _conference_heading(iv: Interview) -> str:
    court = _court(iv)
    rule = court.conference.rule if court is not None else None
    return f"  The conference with the other side before filing ({rule or 'the court requires one'}):"


def _ask_conference(iv: Interview, mode: Mode) -> None:
    if not (_conference_required(iv) and iv.touches(("motion", "conference"))):
        return
    iv.heading(_conference_heading(iv))
    iv.ask_all(
        ("motion", "conference"),
        "Conference",
        (
            Ask("position", "The other side, asked about the motion:", "select", options=POSITIONS),
            Ask("date", "Date counsel conferred (YYYY-MM-DD)", "date", when=_conferred),
            Ask("manner", "How (“by telephone”, “in person”, “by videoconference”)", when=_conferred),
            Ask(
                "participants",
                "Who took part, one per line (“Jordan P. Lee, counsel for Defendants”)",
                "lines",
                when=_conferred,
            ),
            Ask(
                "reasons",
                "Why no agreement could be reached (after “because”, ending with its period)",
                "prose",
                optional=True,
                when=lambda iv, item, path: item.get("position") == "opposes",
            ),
            Ask(
                "efforts",
                "The efforts made to confer: dates and manner (“a call on June 10, 2024, unanswered.”)",
                "prose",
                when=lambda iv, item, path: item.get("position") == "not-reached",
            ),
        ),
        mode,
    )


def _represented(iv: Interview, item: Item, path: FieldPath) -> bool:
    return not iv.value(tuple(path[:2]) + ("pro_se",))


ATTORNEY = (
    Ask("name", "Attorney's name (pro se: the party's own)"),
    Ask("bar_number", "Bar number", optional=True, when=_represented),
    Ask("firm", "Firm", optional=True, when=_represented),
    Ask("address", "Address, one line each", "lines"),
    Ask("email", "E-mail", optional=True),
    Ask("phone", "Telephone", optional=True),
)


def _represents_default(side: str):
    def default(iv: Interview, item: Item, path: FieldPath) -> str | None:
        if item.get("pro_se"):
            who = iv.value(("movant", "side")) if side == "movant" else None
            return f"{str(who).capitalize()}, pro se" if who else None
        if side == "movant":
            name = iv.value(("movant", "name"))
            return f"Attorneys for {str(name)[0].upper() + str(name)[1:]}" if name else None
        movant_side = iv.value(("movant", "side")) or iv.value(("movant", "opposes"))
        opp = (
            iv.value(("movant", "opposes"))
            if not iv.value(("movant", "party"))
            else ("defendant" if movant_side == "plaintiff" else "plaintiff")
        )
        parties = iv.value(("parties", f"{opp}s")) or []
        names = " and ".join(str(p.get("name")) for p in parties)
        return f"Attorneys for {str(opp).capitalize()}{'s' if len(parties) > 1 else ''} {names}".rstrip()

    return default


def _signs(side: str):
    def more(iv: Interview, item: Item, path: FieldPath) -> str:
        shown = item.get("represents") or _represents_default(side)(iv, item, path)
        return (
            f"Change how this side signs (“{shown}” under the signature; pro se; service)?"
            if shown
            else "Change how this side signs (pro se; service)?"
        )

    return more


def _ask_counsel(iv: Interview, mode: Mode) -> None:
    for side, who in (("movant", "the movant"), ("opponent", "the opponent")):
        iv.heading(f"  Counsel for {who}:")
        signs = _signs(side)
        iv.ask_all(
            ("counsel", side),
            "CounselBlock",
            (
                Ask(
                    "pro_se",
                    "Does this side sign for itself, pro se (no attorney)?",
                    "confirm",
                    default=False,
                    implicit=True,
                    more=signs,
                ),
                Ask(
                    "represents",
                    'Under the signature ("Attorneys for Non-Party Movants"; pro se: "Defendant, pro se")',
                    default=_represents_default(side),
                    more=signs,
                ),
                Ask(
                    "service",
                    "How this side serves its papers (none: CM/ECF, or mail when pro se)",
                    "select",
                    optional=True,
                    more=signs,
                    options=[Option("through CM/ECF", "ecf"), Option("by mail", "mail")],
                ),
            ),
            mode,
        )
        iv.loop(
            Loop(
                ("counsel", side, "attorneys"),
                "Attorney",
                "attorney",
                ATTORNEY,
                lambda row: f"{row.get('name', '?')}" + (f", {row['firm']}" if row.get("firm") else ""),
            ),
            _settled(iv, mode, ("counsel", "opponent") if side == "movant" else None),
        )


def _outcome_options(side: str):
    labels = {
        "granted": "granted",
        "granted-in-part": "granted in part and denied in part",
        "denied": "denied",
        "denied-without-prejudice": "denied without prejudice",
        "adhered": "reconsidered, and the order adhered to",
    }

    def options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
        from assembler.law.vehicles import OUTCOMES

        return [Option(labels[o], o) for o in OUTCOMES[side]]

    return options


def _part_options(iv: Interview, item: Item, path: FieldPath) -> list[Option]:
    return [Option(str(part), i + 1) for i, part in enumerate(iv.value(("motion", "parts")) or [])]


def _in_part(iv: Interview, item: Item, path: FieldPath) -> bool:
    return item.get("outcome") == "granted-in-part"


RULING_MORE = (
    "More than the discussion (another outcome, an introduction, further ORDERED items, directions to the Clerk)?"
)


def ruling_side(side: str) -> tuple[Ask, ...]:
    from assembler.law.vehicles import DEFAULT_OUTCOME

    return (
        Ask(
            "outcome",
            "The outcome",
            "select",
            options=_outcome_options(side),
            default=DEFAULT_OUTCOME[side],
            implicit=True,
            more=RULING_MORE,
        ),
        Ask(
            "vacates",
            "Does the order vacate or change the challenged order? (no: it grants further "
            "briefing or a clarification, and the order stands)",
            "confirm",
            default=True,
            implicit=True,
            more=RULING_MORE,
            when=lambda iv, item, path: side == "granting",
        ),
        Ask(
            "granted",
            "Which parts does the order grant?",
            "checkbox",
            options=_part_options,
            more=RULING_MORE,
            when=lambda iv, item, path: _in_part(iv, item, path) and item.get("vacates", True),
        ),
        *RULING_SIDE,
    )


RULING_SIDE = (
    Ask("introduction", "Introduction (the motion as the order puts it)", "prose", optional=True, more=RULING_MORE),
    Ask("discussion", "Discussion", "prose"),
    Ask("ordered", "Further ORDERED items, one per line", "lines", optional=True, more=RULING_MORE),
    Ask(
        "clerk",
        "Directions to the Clerk, one per line (“The Clerk of Court is respectfully directed "
        "to terminate the motion at [[@50]].”)",
        "lines",
        optional=True,
        more=RULING_MORE,
    ),
)

CLOSINGS = [
    Option("“For the foregoing reasons, it is ORDERED:” and numbered items", "ordered"),
    Option("the items as sentences, then “IT IS SO ORDERED.”", "it-is-so-ordered"),
    Option("the items as sentences, then “SO ORDERED.”", "so-ordered"),
]
DATED = [
    Option("“DATED this 13th day of November, 2012.”", "this-day-of"),
    Option("“Dated:” and the date (after the place, if any)", "dated"),
]


def _court_form(name: str):
    def default(iv: Interview, item: Item, path: FieldPath) -> Any:
        court = _court(iv)
        return getattr(court.order, name) if court else None

    return default


def _ask_form(iv: Interview, mode: Mode) -> None:
    """The orders' shape: the court's, unless the judge's orders differ (ruling.form)."""
    had = bool(iv.value(("ruling", "form")))
    court = _court(iv)
    usual = ""
    if court is not None:
        closing = next(o.title for o in CLOSINGS if o.value == court.order.closing)
        usual = f" ({closing})"
    if not had and mode is not Mode.FRESH and iv.answered("ruling.form.usual"):
        return  # the court's shape, chosen before
    if not had and not iv.asker.ask(
        Prompt(
            "ruling.form.usual", f"Shape the orders as the court's orders usually are{usual}?", "confirm", default=True
        )
    ):
        had = True
    if not had:
        iv.remember("ruling.form.usual")
        return
    iv.ask_all(
        ("ruling", "form"),
        "RulingForm",
        (
            Ask(
                "headings",
                "Section headings (Background, Discussion, Conclusion)?",
                "confirm",
                default=_court_form("headings"),
                implicit=True,
            ),
            Ask(
                "legal_standard",
                "A Legal Standard section?",
                "confirm",
                default=_court_form("legal_standard"),
                implicit=True,
            ),
            Ask(
                "closing",
                "How the order closes",
                "select",
                options=CLOSINGS,
                default=_court_form("closing"),
                implicit=True,
            ),
            Ask("dated", "The date line", "select", options=DATED, default=_court_form("dated"), implicit=True),
            Ask(
                "place",
                "Where it is signed (“New York, New York”)",
                optional=True,
                when=lambda iv, item, path: item.get("dated", _court_form("dated")(iv, item, path)) == "dated",
            ),
            Ask(
                "title",
                "The orders' own title, if not “Order Granting ...” (“Memorandum Opinion and Order”)",
                optional=True,
            ),
            Ask(
                "re",
                "“Re: Dkt. No. 151” (the motion's entry) under the title?",
                "confirm",
                default=_court_form("re"),
                implicit=True,
            ),
        ),
        mode,
    )


def _ask_ruling(iv: Interview, mode: Mode) -> None:
    had = iv.value(("ruling",)) is not None
    if not had and iv.focus is None and (mode is Mode.FILL or (mode is Mode.CONTINUE and iv.answered("ruling.draft"))):
        return  # filling in what the model needs (the orders are not), or the user said no
    if mode is Mode.FRESH or not had:
        if not iv.asker.ask(
            Prompt(
                "ruling.draft",
                "Draft the proposed orders (granting and denying)?",
                "confirm",
                default=had or mode is Mode.FRESH,
            )
        ):
            iv.remember("ruling.draft")
            return
        iv.record.discard("ruling.draft")
    iv.ask_one(
        ("ruling",),
        "Ruling",
        Ask(
            "proposed",
            "Proposed orders to lodge ([PROPOSED], date and signature left blank)?",
            "confirm",
            default=False,
            implicit=True,
        ),
        mode,
    )
    iv.ask_one(
        ("ruling",),
        "Ruling",
        Ask("date", "Date for the orders (YYYY-MM-DD)", "date", when=lambda iv, item, path: not item.get("proposed")),
        mode,
    )
    _ask_form(iv, mode)
    for side in ("granting", "denying"):
        iv.heading(f"  The order {side}:")
        iv.ask_all(("ruling", side), "RulingSide", ruling_side(side), mode)


SECTIONS = (
    Section("court", "court and case", _ask_court, ("court", "case", "citation", "typography")),
    Section("parties", "parties", _ask_parties, ("parties",)),
    Section("movant", "who moves", _ask_movant, ("movant",)),
    Section("order", "the challenged order", _ask_order, ("order",)),
    Section("docket", "docket entries", _ask_docket, ("docket",)),
    # the vehicle and the relief before the grounds: which grounds fit depends on the rule
    Section("motion", "the rule, relief and filing", _ask_motion, ("motion",)),
    Section("grounds", "grounds", _ask_grounds, ("grounds",)),
    Section("opposition", "the opposition", _ask_opposition, ("opposition",)),
    Section("counsel", "counsel", _ask_counsel, ("counsel",)),
    Section("ruling", "the ruling", _ask_ruling, ("ruling",)),
)
SECTION_NAMES = tuple(s.name for s in SECTIONS)
