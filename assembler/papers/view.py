"""What templates see: the answers of one matter, shaped for one document.

Values a template may print are always present or absent, never None: an absent
value makes the template fail with its name (see ``render.Missing``), so a
draft never carries a silent blank.  Free text arrives as ``prose.Rich``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from assembler.answers import markup
from assembler.answers.markup import Inline, Text
from assembler.answers.matter import Matter
from assembler.answers.model import Attorney, CounselBlock, Party
from assembler.law import roles
from assembler.law.courts import Court
from assembler.law.forms import notice_of_motion, order_form
from assembler.law.grounds import ResolvedGround
from assembler.law.vehicles import DEFAULT_OUTCOME
from assembler.papers import registry
from assembler.papers.richtext import Rich, Writer
from assembler.papers.wordcount import WORD_COUNT_MARK
from assembler.papers.wording import RoleWords, capitalized, long_date, movant_words, opponent_words, phrase, raw_phrase


class Fields:
    """A read-only record for templates; ``path`` names it in error messages."""

    def __init__(self, path: str, **values: Any) -> None:
        self._path = path
        self._values = {k: v for k, v in values.items() if v is not None}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __repr__(self) -> str:
        return f"<{self._path}>"


class Role(Fields):
    """A side of the motion (movant or opponent), with number-aware wording."""

    def __init__(self, path: str, words: RoleWords, **values: Any) -> None:
        super().__init__(path, plural=words.plural, party=words.party, **words.words(), **values)
        self._words = words

    def verb(self, base: str) -> str:
        """``assert`` -> ``assert`` for several movants, ``asserts`` for one."""
        return self._words.verb(base)


def date_view(path: str, date: dt.date | None, writer: Writer) -> Fields | None:
    if date is None:
        return None
    day = date.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    long = long_date(date)
    return Fields(
        path,
        long=long,
        upper=long.upper(),
        day=str(day),
        day_suffix=writer.plain(suffix, superscript=True),
        month_year=f"{date:%B}, {date.year}",
        iso=date.isoformat(),
    )


def _caption_parties(parties: Sequence[Party], et_al: bool, last: str = ",") -> list[Fields]:
    """A side's lines in the caption: "A; B; and C," -- or "A, et al.," where the answers say so."""
    if et_al and len(parties) > 1:
        first = parties[0]
        return [Fields("party", caption=first.name.upper(), description=first.description, lead="", end=", et al.,")]
    several = len(parties) > 1
    return [
        Fields(
            "party",
            caption=p.name.upper(),
            description=p.description,
            lead="and " if several and i == len(parties) - 1 else "",
            end=last if i == len(parties) - 1 else (";" if several else ","),
        )
        for i, p in enumerate(parties)
    ]


def _common(values: Sequence[Any]) -> Any:
    return values[0] if values and all(v == values[0] for v in values) else None


def counsel_lines(block: CounselBlock, *, signature: bool, bar_label: str, contact: bool = True) -> list[str]:
    """Counsel's block (above the caption) or signature block, line by line.

    Several attorneys of one firm at one address print the firm and the
    address once; a pro se party signs "/s/" with its own name.  ``contact``
    false leaves out telephone and e-mail (an address to serve by mail);
    ``bar_label`` is the court's word for a bar number ("BBO No." in D. Mass.).
    """
    people = block.attorneys
    lines: list[str] = []

    def named(person: Attorney) -> str:
        return person.name + (f" ({bar_label} {person.bar_number})" if person.bar_number else "")

    def reach(person: Attorney) -> list[str]:
        if not contact:
            return []
        return ([f"Telephone: {person.phone}"] if person.phone else []) + (
            [f"E-mail: {person.email}"] if person.email else []
        )

    if block.pro_se:
        person = people[0]
        lines += ([f"/s/ {person.name}"] if signature else []) + [person.name, *person.address, *reach(person)]
        return [*lines, block.represents]
    firm, address = _common([p.firm for p in people]), _common([tuple(p.address) for p in people])
    if address is not None:  # one office: the firm and the address once
        if signature:
            lines += ([firm] if firm else []) + [f"By: /s/ {people[0].name}"]
        lines += [named(p) for p in people]
        if not signature and firm:
            lines.append(firm)
        lines += list(address)
        phones = [p.phone for p in people if p.phone]
        if contact and phones and _common(phones):
            lines.append(f"Telephone: {phones[0]}")
            lines += [f"E-mail: {p.email}" for p in people if p.email]
        else:
            lines += [line for p in people for line in reach(p)]
    else:  # several offices: each attorney's own block
        for index, person in enumerate(people):
            if signature:
                lines += ([person.firm] if person.firm else []) + ([f"By: /s/ {person.name}"] if index == 0 else [])
            lines.append(named(person))
            if not signature and person.firm:
                lines.append(person.firm)
            lines += [*person.address, *reach(person)]
            if index < len(people) - 1:
                lines.append("")
    return [*lines, "", block.represents] if signature else [*lines, block.represents]


def _serves_by_mail(block: CounselBlock) -> bool:
    """A side that is not on CM/ECF: it serves, and is served, by mail (a pro se party, unless
    its answers say ecf)."""
    return (block.service or ("mail" if block.pro_se else "ecf")) == "mail"


def _court_lines(court: Court, division: str | None) -> list[str]:
    lines = list(court.caption)
    if division:
        line = division.upper()
        lines.append(line if line.endswith("DIVISION") else f"{line} DIVISION")
    return lines


def _grounds(
    grounds: Iterable[ResolvedGround], key: str, writer: Writer, answered: dict[str, Fields] | None = None
) -> list[Fields]:
    """Each ground as a section; an opposition ground carries the motion's ground it answers."""
    return [
        Fields(
            f"{key}.{index}",
            id=ground.id,
            letter=chr(ord("A") + index % 26),
            heading=ground.heading,
            text=writer.paragraphs(ground.text),
            summary=writer.rich(ground.summary) if ground.summary else None,
            reply=writer.paragraphs(ground.reply) if ground.reply else None,
            answered=(answered or {}).get(ground.answers or ""),
        )
        for index, ground in enumerate(grounds)
    ]


def _background(matter: Matter, writer: Writer, *, include_papers: bool) -> list[Rich]:
    """The chronology: each entry's background, in date order, joined where it continues."""
    entries = sorted(enumerate(matter.answers.docket), key=lambda pair: pair[1].date)
    paragraphs: list[list[Inline]] = []
    for index, entry in entries:
        if entry.background is None or (entry.role is not None and not include_papers):
            continue
        # the parties' papers (no paper entries) tell it their own way where the answers say so
        told = "party_background" if not include_papers and entry.party_background else "background"
        inlines: list[Inline] = list(matter.text("docket", index, told).inline)
        if entry.dated:
            inlines.insert(0, Text(phrase("background_dated", date=long_date(entry.date))))
        if entry.continues and paragraphs:
            paragraphs[-1] += [Text(" "), *inlines]
        else:
            paragraphs.append(inlines)
    return [writer.rich(p) for p in paragraphs]


def _standard(court: Court, writer: Writer) -> list[Rich] | None:
    """The motion's legal standard: the local rule's, then the circuit's, as far as either is known."""
    rule = court.reconsideration
    paragraphs = []
    if rule.rule.known and rule.standard.known:
        form = "standard_quoted" if rule.standard_quoted else "standard_paraphrased"
        standard = rule.standard.value or ""
        if rule.standard_quoted and standard[:1].isupper():
            # quoted mid-sentence ("Under LRCiv 7.2(g), “[t]he Court …”): the changed letter in brackets
            standard = f"[{standard[0].lower()}]{standard[1:]}"
        paragraphs.append(writer.plain(phrase(form, rule=rule.rule.value or "", standard=standard)))
    if court.circuit.standard and court.circuit.speaks_to("local"):
        paragraphs += writer.paragraphs(markup.parse(court.circuit.standard))
    return paragraphs or None


def _vehicle_standard(matter: Matter, writer: Writer) -> list[Rich] | None:
    """The standard a vehicle states: the local rule's, or the federal rule's own words."""
    vehicle, court = matter.vehicle, matter.court
    if vehicle.id == "local" or vehicle.standard is None:
        return _standard(court, writer)
    paragraphs = writer.paragraphs(markup.parse(vehicle.standard))
    # The circuits' leading cases (data/circuits.yaml) state the standard for
    # reconsideration of orders and judgments; for Rule 60(b) the research has none.
    if vehicle.id in ("54b", "59e") and court.circuit.standard and court.circuit.speaks_to(vehicle.id):
        paragraphs += writer.paragraphs(markup.parse(court.circuit.standard))
    return paragraphs


def _fill(name: str, **parts: Sequence[Inline] | str) -> list[Inline]:
    """A phrase of ``data/wording.yaml`` with rich parts (titles in italics) put in place."""
    out: list[Inline] = []
    for index, piece in enumerate(re.split(r"\{([a-z_]+)\}", raw_phrase(name))):
        if index % 2 == 0:
            if piece:
                out.append(Text(piece))
            continue
        value = parts[piece]
        out += [Text(value)] if isinstance(value, str) else list(value)
    return out


def _listed(names: Sequence[str]) -> str:
    """Participants as a sentence lists them: "A and B"; "A, counsel for X, and B, counsel for Y,"
    where a name carries its role after a comma (then "; " between three or more)."""
    names = list(names)
    if len(names) == 1:
        return names[0] + ("," if "," in names[0] else "")
    if not any("," in name for name in names):
        return " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + ", and " + names[-1]
    between = ", " if len(names) == 2 else "; "
    return between.join(names[:-1]) + between.rstrip() + " and " + names[-1] + ","


def _conference(matter: Matter, writer: Writer) -> Fields:
    """The statement of the conference before filing (motion.conference), where the court's rule
    puts it (``court.conference.place``; a certificate at the end where the profile does not say).
    Only what the answers say is certified: a conference not held is told as the efforts made."""
    a, rule = matter.answers, matter.court.conference
    given = a.motion.conference
    if given is None:
        return Fields("conference", given=False)
    opponent = opponent_words(a)
    block = a.counsel.opponent
    who = opponent.short if block is not None and block.pro_se else f"counsel for {opponent.short}"
    required = f", as {rule.rule} requires," if rule.rule else ""
    place = rule.place.value or "end"
    sentences: list[Inline] = []
    if given.position == "not-reached":
        sentences += _fill(
            "conference.not-reached",
            opponent=who,
            rule=required,
            efforts=matter.text("motion", "conference", "efforts").inline,
        )
    else:
        assert given.date is not None  # the model requires it where counsel conferred
        date = long_date(given.date)
        if place == "notice" and rule.rule:
            sentences += _fill("conference.notice", rule=rule.rule, date=date)
        else:
            sentences += _fill(
                "conference.held",
                date=date,
                participants=_listed(given.participants),
                manner=f" {given.manner}" if given.manner else "",
                rule=required,
            )
        if given.position == "opposes":
            name = "conference.opposes"
        elif given.position == "does-not-oppose":
            name = "conference.does-not-oppose"
        else:
            name = "conference.no-position"
        verb = {"opposes": "oppose", "does-not-oppose": "do", "no-position": "take"}[given.position]
        sentences += [Text(" "), *_fill(name, opponent=capitalized(opponent.short), verb=opponent.verb(verb))]
        if given.reasons:
            reasons = matter.text("motion", "conference", "reasons").inline
            sentences += [Text(" "), *_fill("conference.reasons", reasons=reasons)]
    return Fields("conference", given=True, place=place, heading=rule.heading, statement=writer.rich(sentences))


def outcome(matter: Matter, side: str, writer: Writer, *, paper: str, leave: bool, whose: str) -> Fields:
    """The title verb, the opening sentence's end and the ORDERED items of one proposed order."""
    a = matter.answers
    ruling = getattr(a.ruling, side) if a.ruling else None
    result = (ruling.outcome if ruling else None) or DEFAULT_OUTCOME[side]
    noun = "Judgment" if a.order.kind == "judgment" else "Order"
    date = long_date(a.order.date)
    title = list(matter.text("order", "title").inline)
    cite = matter.citation.one(a.order.docket)
    words = movant_words(a).words()
    motion = _fill(
        "motion_named", possessive=words["Possessive"], paper=paper, of=matter.vehicle.of, date=date, title=title
    )
    this = "This Court’s" if whose == "the Court’s" else capitalized(whose)
    order = _fill("order_named", whose=this, date=date, title=title, cite=cite)
    parts = [list(matter.text("motion", "parts", i).inline) for i in range(len(a.motion.parts))]
    granted = [parts[n - 1] for n in sorted(set(ruling.granted))] if ruling is not None and ruling.granted else parts
    modification = list(matter.text("motion", "modification").inline) if a.motion.modification else []
    defined = a.order.defined or noun
    items = [_fill(f"ordered.{result}", motion=motion, noun=noun, defined=defined)]
    relief = a.motion.asks
    vacates = ruling.vacates if ruling is not None else True
    scope = a.motion.scope or ""
    if ruling is not None and result in ("granted", "granted-in-part") and not vacates and not leave:
        # the motion is granted (in part) and the challenged order stands: the items say what changes
        items += [list(matter.text("ruling", side, "ordered", i).inline) for i in range(len(ruling.ordered))]
        items.append(
            _fill(
                "ordered.otherwise-denied-stands" if result == "granted-in-part" else "ordered.stands",
                noun=noun,
                defined=defined,
            )
        )
        opening_key = "opening.granted-in-part" if result == "granted-in-part" else "opening.granted"
        return _outcome_fields(
            matter,
            side,
            writer,
            result,
            items,
            extra=False,
            opening=phrase(opening_key, date=date, noun=noun, scope=scope),
        )
    if result in ("granted", "granted-in-part"):
        if leave:
            items.append(_fill("ordered.leave", short=words["Short"], whose=whose, date=date, title=title, cite=cite))
            opening_key = "opening.granted"
        elif relief == "vacate" and not granted and a.motion.scope:
            items.append(_fill("ordered.vacate-scope", order=order, scope=a.motion.scope))
            opening_key = "opening.granted.vacate-scope"
        elif relief == "vacate" and not granted:
            items.append(_fill("ordered.vacate", order=order))
            opening_key = "opening.granted.vacate"
        elif relief == "vacate":
            items += [_fill("ordered.vacate-part", order=order, part=part) for part in granted]
            opening_key = "opening.granted.vacate-parts"
        elif relief == "modify":
            items.append(
                _fill(
                    "ordered.modify-parts" if granted else "ordered.modify",
                    order=order,
                    parts=_joined(granted),
                    modification=modification,
                )
            )
            opening_key = "opening.granted.modify"
        else:
            items.append(_fill("ordered.amend", order=order, modification=modification))
            opening_key = "opening.granted.amend"
        if result == "granted-in-part":
            items.append(_fill("ordered.otherwise-denied", noun=noun, defined=defined))
            opening_key = "opening.granted-in-part"
        elif granted and not leave and relief != "amend":
            items.append(_fill("ordered.otherwise", noun=noun, defined=defined))
    else:
        items.append(_fill("ordered.remains", order=order))
        opening_key = f"opening.{result}"
    return _outcome_fields(
        matter, side, writer, result, items, opening=phrase(opening_key, date=date, noun=noun, scope=scope)
    )


def _outcome_fields(
    matter: Matter,
    side: str,
    writer: Writer,
    result: str,
    items: list[list[Inline]],
    *,
    opening: str,
    extra: bool = True,
) -> Fields:
    """The outcome's fields; ``extra``: the ruling's own ordered items follow the standard ones."""
    a = matter.answers
    ruling = getattr(a.ruling, side) if a.ruling else None
    if extra and ruling is not None:
        items = items + [list(matter.text("ruling", side, "ordered", i).inline) for i in range(len(ruling.ordered))]
    clerk = ruling.clerk if ruling is not None else []
    return Fields(
        f"ruling.{side}.outcome",
        verb=phrase(f"verb.{result}"),
        opening=opening,
        ordered=[writer.rich(item) for item in items],
        sentences=[writer.rich(item) for item in _as_sentences(items)],
        clerk=[writer.rich(matter.text("ruling", side, "clerk", i)) for i in range(len(clerk))],
    )


def _as_sentences(items: list[list[Inline]]) -> list[list[Inline]]:
    """The ORDERED items as the sentences of a closing paragraph: "For the foregoing reasons, the
    ISPs’ Motion ... is GRANTED." (an order that ends "SO ORDERED." numbers nothing)."""
    if not items:
        return items
    first = list(items[0])
    lead = raw_phrase("foregoing")
    if first and isinstance(first[0], Text):
        text = first[0].text
        if re.match(r"(The|This|Its) ", text):
            text = text[0].lower() + text[1:]
        first[0] = Text(lead + text)
    else:
        first.insert(0, Text(lead))
    return [first, *items[1:]]


def _joined(parts: list[list[Inline]]) -> list[Inline]:
    out: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            out.append(Text(" and " if index == len(parts) - 1 else ", "))
        out += part
    return out


def _reply_leave(matter: Matter) -> dict[str, Any]:
    """Where the court allows a reply only with leave (the registry's conditions): the reply says
    it is filed with the leave the docket shows, or, with none there, that it is proposed, to be
    filed only if the court grants leave, and its title says [PROPOSED]."""
    rule = next(((r, s) for r, s in registry.conditions(matter, "reply") if r.role == "reply-leave"), None)
    if rule is None:
        return {"proposed": False, "leave": ""}
    entry = matter.entry_with_role("reply-leave")
    if entry is None:
        return {"proposed": True, "leave": phrase("reply.without_leave", rule=rule[1])}
    return {"proposed": False, "leave": phrase("reply.with_leave", cite=matter.citation.one(entry.number))}


def declaration_view(matter: Matter, side: str, writer: Writer) -> Fields | None:
    """The side's declaration: the declarant, the numbered paragraphs (the answers' own, then one
    introducing each exhibit), the 28 U.S.C. § 1746 attestation's date and place."""
    from assembler.law import record

    found = record.declaration(matter.answers, side)
    if found is None:
        return None
    paper_id = registry.declaration_paper(side)
    date, declarant = registry.declaration_facts(matter, paper_id)
    base = record.DECLARATION_PATH[side]
    paragraphs = [
        Fields("declaration.paragraph", number=str(i + 1), text=writer.rich(matter.text(*base, "paragraphs", i)))
        for i in range(len(found.paragraphs))
    ]
    exhibits: list[Fields] = []
    for i, label in enumerate(record.labels(found, matter.court)):
        number = str(len(paragraphs) + len(exhibits) + 1)
        description = writer.rich(matter.text(*base, "exhibits", i, "description"))
        exhibits.append(Fields("declaration.exhibit", number=number, label=label, description=description))
    return Fields(
        ".".join(base),
        side=side,
        declarant=declarant,
        DECLARANT=declarant.upper() if declarant else None,
        paragraphs=paragraphs,
        exhibits=exhibits,
        date=date_view(f"{'.'.join(base)}.executed.date", date, writer),
        place=found.executed.place,
        abroad=found.executed.abroad,
    )


def build_context(matter: Matter, writer: Writer, paper_id: str | None = None) -> dict[str, Any]:
    """The template context for one document of ``matter``: ``paper_id``, drafted under the rules
    in force on its date (the registry's date rule), with its side's declaration."""
    a = matter.answers
    court = matter.court.as_of(registry.paper_date(matter, paper_id)[0]) if paper_id else matter.court
    movant = a.movant
    interest = matter.texts.get(("movant", "interest"))
    entry = {role: matter.entry_with_role(role) for role in ("motion", "response", "reply", "response-order")}

    citation = matter.citation

    def entry_view(role: str) -> Fields | None:
        e = entry[role]
        return (
            None
            if e is None
            else Fields(
                f"the docket entry with role {role}",
                number=e.number,
                title=e.title,
                cite=citation.one(e.number),
                date=date_view("date", e.date, writer),
            )
        )

    def paper_date(paper: str) -> Fields | None:
        return date_view(f"{paper}.filed", registry.paper_date(matter, paper)[0], writer)

    grounds = _grounds(matter.grounds["grounds"], "grounds", writer)
    opposition = _grounds(matter.grounds["opposition"], "opposition", writer, {g.id: g for g in grounds})

    standard = matter.texts.get(("motion", "standard"))
    rule = court.reconsideration
    vehicle = matter.vehicle
    leave = bool(rule.leave_required.value) and a.motion.leave is not False and vehicle.id in ("local", "54b")
    noun = "Judgment" if a.order.kind == "judgment" else "Order"
    other_judge = a.order.judge is not None and a.order.judge != a.case.judge
    if other_judge:
        title_word = "Magistrate Judge" if "magistrate" in (a.order.judge_title or "").lower() else "Judge"
        whose = f"{title_word} {a.order.judge}’s"
    else:
        whose = "the Court’s"
    paper_name = phrase("paper_leave") if leave else vehicle.paper
    paper_title = (
        f"{paper_name.upper()} OF {long_date(a.order.date).upper()}\u00a0{noun.upper()}" if leave else vehicle.title
    )
    if a.motion.title:
        paper_title = a.motion.title.upper()
    form = order_form(a, court)
    split = notice_of_motion(a, court)
    notice = a.motion.notice
    memorandum = court.idiom.memorandum.value or phrase("idiom.memorandum")
    base = memorandum.removesuffix(" in Support")  # "Memorandum of Law" in Opposition, "Reply Memorandum"
    papers = Fields(
        "papers",
        memorandum=split,
        # the supporting memorandum's name: "Memorandum of Law" (New York), "Memorandum of Points
        # and Authorities" (California), "Memorandum in Support" (the plainest federal form)
        Memorandum=memorandum,
        memorandum_of=(f"{memorandum} of" if memorandum.endswith(" in Support") else f"{memorandum} in support of"),
        response=(phrase("paper.response.memorandum", memorandum=base) if split else phrase("paper.response")),
        Response=phrase("paper.response.short.memorandum" if split else "paper.response.short"),
        reply=(phrase("paper.reply.memorandum", memorandum=base) if split else phrase("paper.reply")),
    )
    closing_line = {
        "ordered": None,
        "it-is-so-ordered": phrase("closing.it-is-so-ordered"),
        "so-ordered": phrase("closing.so-ordered"),
    }[form.closing]
    ruling = None
    if a.ruling is not None:
        sides = {}
        for name in ("granting", "denying"):
            side = getattr(a.ruling, name)
            if side is None:
                continue
            intro = matter.texts.get(("ruling", name, "introduction"))
            sides[name] = Fields(
                f"ruling.{name}",
                outcome=outcome(matter, name, writer, paper=paper_name, leave=leave, whose=whose),
                introduction=writer.paragraphs(intro) if intro else [],
                discussion=writer.paragraphs(matter.text("ruling", name, "discussion")),
                ordered=[writer.rich(matter.text("ruling", name, "ordered", i)) for i in range(len(side.ordered))],
            )
        ruling = Fields(
            "ruling", date=date_view("ruling.date", a.ruling.date, writer), proposed=a.ruling.proposed, **sides
        )
    bar_label = court.idiom.bar_label.value or phrase("idiom.bar_label")
    blocks = {side: block for side in ("movant", "opponent") if (block := getattr(a.counsel, side)) is not None}
    counsel = {
        side: Fields(
            f"counsel.{side}",
            represents=block.represents,
            attorneys=[
                Fields(f"counsel.{side}.attorneys.{i}", **attorney.model_dump())
                for i, attorney in enumerate(block.attorneys)
            ],
            block=counsel_lines(block, signature=False, bar_label=bar_label),
            signature=counsel_lines(block, signature=True, bar_label=bar_label),
            by_mail=_serves_by_mail(block),
            # whom a paper served by mail goes to: the other side's counsel, or the other side itself
            served=(
                counsel_lines(other, signature=False, contact=False, bar_label=bar_label)
                if (other := blocks.get("opponent" if side == "movant" else "movant"))
                else None
            ),
            # CM/ECF reaches registered users only (Fed. R. Civ. P. 5(b)(2)(E)): a pro se party who
            # is not one is also served by mail (5(b)(2)(C)), and the certificate says so
            mail_to=(
                counsel_lines(other, signature=False, contact=False, bar_label=bar_label)
                if other is not None and other.pro_se and _serves_by_mail(other)
                else None
            ),
        )
        for side, block in blocks.items()
    }
    context = {
        "court": Fields(
            "court",
            name=court.name,
            caption=_court_lines(court, a.case.division),
            counsel_block=court.counsel_block,
            certificate_of_service=court.certificate_of_service,
        ),
        "case": Fields(
            "case",
            number=a.case.number,
            judge=a.case.judge,
            consent=a.case.consent,
            judge_title=a.case.judge_title,
            label=a.case.label or court.case_label,
            consolidated=a.case.consolidated,
        ),
        "in_re": a.parties.in_re.upper() if a.parties.in_re else None,
        "plaintiffs": _caption_parties(a.parties.plaintiffs, a.parties.et_al),
        "defendants": _caption_parties(a.parties.defendants, a.parties.et_al),
        "defendants_end": "," if a.parties.others else ".",
        "others": [
            Fields(
                "other",
                parties=_caption_parties([p], False),
                label=roles.role_named(p.role).singular,
                end="." if i == len(a.parties.others) - 1 else ",",
            )
            for i, p in enumerate(a.parties.others)
        ],
        "plaintiffs_label": roles.role(a.parties.roles.plaintiffs).label(len(a.parties.plaintiffs)),
        "defendants_label": roles.role(a.parties.roles.defendants).label(len(a.parties.defendants)),
        "movant": Role(
            "movant",
            movant_words(a),
            side=movant.side,
            # "Non-party Acme Broadband, Inc." says so itself: no "who is not a party"
            named_non_party=re.match(r"(?i)non-?party\b", movant.name) is not None,
            interest=writer.rich(interest) if interest else None,
        ),
        "opponent": Role("opponent", opponent_words(a), side=movant.opponent_side),
        "order": Fields(
            "order",
            docket=a.order.docket,
            cite=citation.one(a.order.docket),
            date=date_view("order.date", a.order.date, writer),
            title=writer.rich(matter.text("order", "title")),
            noun=noun,
            defined=a.order.defined or noun,
            whose=whose,
            Whose=capitalized(whose) if other_judge else "This Court’s",
            its=whose if other_judge else "its",
            short_title=(writer.rich(matter.text("order", "short_title")) if a.order.short_title else None),
        ),
        "motion_entry": entry_view("motion"),
        "response_entry": entry_view("response"),
        "reply_entry": entry_view("reply"),
        "response_order": entry_view("response-order"),
        "background": _background(matter, writer, include_papers=True) or None,
        "motion_background": _background(matter, writer, include_papers=False) or None,
        "grounds": grounds,
        "opposition": opposition,
        # a paper's Argument cannot be empty: these are absent (an error naming them) when so
        "motion_grounds": grounds or None,
        "response_grounds": opposition or None,
        # the reply answers only the opposition grounds it has a reply to, lettered afresh
        "replies": _grounds([g for g in matter.grounds["opposition"] if g.reply], "opposition", writer) or None,
        "motion": Fields(
            "motion",
            relief=writer.rich(matter.text("motion", "relief")) if a.motion.relief else None,
            introduction=(writer.paragraphs(matter.text("motion", "introduction")) if a.motion.introduction else None),
        ),
        "filed": date_view("motion.filed", a.motion.filed, writer),
        "response_filed": paper_date("response"),
        "reply_filed": paper_date("reply"),
        "response": Fields(
            "response",
            introduction=(
                writer.paragraphs(matter.text("response", "introduction")) if a.response.introduction else None
            ),
        ),
        "reply": Fields(
            "reply",
            introduction=(writer.paragraphs(matter.text("reply", "introduction")) if a.reply.introduction else None),
            **_reply_leave(matter),
        ),
        "rule": Fields(
            "rule",
            citation=vehicle.rule,
            standard=(writer.paragraphs(standard) if standard else _vehicle_standard(matter, writer)),
            # the opponent states the court's standard, not the movant's own (motion.standard)
            court_standard=_vehicle_standard(matter, writer) or (writer.paragraphs(standard) if standard else None),
            word_limit=rule.word_limit.value,
            reply_word_limit=rule.reply_word_limit.value,
            certificate_of_compliance=bool(rule.certificate_of_compliance.value),
        ),
        "paper": Fields(
            "paper",
            Name=paper_name,
            NAME=paper_name.upper(),
            TITLE=paper_title,
            leave=leave,
            moves_for=vehicle.moves_for,
            asks_to=vehicle.asks_to,
            of=vehicle.of,
            Short=vehicle.short,
        ),
        "word_count": writer.plain(WORD_COUNT_MARK),
        "ruling": ruling,
        "papers": papers,
        "notice": Fields(
            "notice",
            courthouse=notice.courthouse if notice else None,
            courtroom=notice.courtroom if notice else None,
            returnable=(notice.returnable if notice and notice.returnable else phrase("notice.returnable")),
            papers=notice.papers if notice else None,
        ),
        "idiom": Fields(
            "idiom",
            submitted=court.idiom.dated.value == "submitted-this-day-of",
            place=court.idiom.place.value,
        ),
        "form": Fields(
            "form",
            headings=form.headings,
            legal_standard=form.legal_standard,
            title=form.title.upper() if form.title else None,
            re=bool(form.re),
            numbered=form.closing == "ordered",
            closing=closing_line,
            day_of=form.dated == "this-day-of",
            place=form.place,
        ),
        "counsel": Fields("counsel", **counsel),
        "conference": _conference(matter, writer),
        "declaration": (
            declaration_view(matter, registry.paper(paper_id).filer, writer)
            if paper_id is not None and registry.paper(paper_id).filer != "court"
            else None
        ),
    }
    return {name: value for name, value in context.items() if value is not None}
