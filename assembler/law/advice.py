"""Warnings about a checked matter: things a lawyer must look at that do not stop a draft.

A deadline already past, a response the court may not allow, leave not sought,
and every rule figure the court's profile does not know.  ``check`` and
``render`` print them; none of them changes the exit status.
"""

from __future__ import annotations

import datetime as dt
import re

from assembler.answers.matter import Matter
from assembler.errors import Problem
from assembler.law.deadlines import Deadline, DeadlineError, compute
from assembler.law.vehicles import warnings as vehicle_warnings


def advise(matter: Matter) -> list[Problem]:
    a = matter.answers
    court = matter.court
    rule = court.reconsideration
    source = matter.source
    out: list[Problem] = []
    if not court.profiled:
        out.append(
            source.problem(
                f"{court.id} has no profile of its own: the drafts use the federal defaults "
                f"({rule.rule.value}, “{matter.citation.one(18)}” citations, "
                f"{court.formatting.size:g} point); check its local rules",
                ("court",),
            )
        )
    elif unknown := court.unknown():
        out.append(
            source.problem(
                f"not verified for the {court.name} (the drafts leave these out or use the federal "
                f"default): {', '.join(unknown)}",
                ("court",),
            )
        )
    out += _late(matter)
    out += _evidence(matter)
    out += _rules_as_of(matter)
    out += _division(matter)
    out += _habeas(matter)
    out += vehicle_warnings(a, court, source)
    entry = next((e for e in a.docket if e.number == a.order.docket), None)
    if entry is not None and (entry.date - a.order.date).days > 14:
        out.append(
            source.problem(
                f"the order is dated {a.order.date.isoformat()} but its docket entry {entry.number} was "
                f"filed {(entry.date - a.order.date).days} days later, on {entry.date.isoformat()}; "
                "check both dates",
                ("order", "date"),
            )
        )
    out += _signer_contacts(matter)
    out += _conference(matter)
    out += _grounds_the_rule_names(matter)
    if rule.leave_required.value and a.motion.leave is False:
        out.append(
            source.problem(
                f"the {court.name} requires leave to file a motion for reconsideration "
                f"({rule.leave_required.source}), and motion.leave is false: the motion does not "
                "seek it",
                ("motion", "leave"),
            )
        )
    return out


# Gonzalez v. Crosby, 545 U.S. 524, 532 (2005); Banister v. Davis, 140 S. Ct. 1698 (2020)
_SUCCESSIVE = (
    "in a § 2254 case a Rule 60(b) motion that adds a new ground for relief, or attacks the "
    "Court's previous resolution of a claim on the merits, is a second or successive petition "
    "(Gonzalez v. Crosby, 545 U.S. 524, 532 (2005)), which the district court may not hear "
    "without the court of appeals' authorization (28 U.S.C. § 2244(b)(3)); only a motion "
    "attacking a defect in the integrity of the federal habeas proceedings (a ruling that "
    "precluded a decision on the merits, such as a limitations or procedural-default ruling) "
    "is a Rule 60(b) motion. Check that every ground of the motion is of that kind; a timely "
    "Rule 59(e) motion is not a successive petition (Banister v. Davis, 140 S. Ct. 1698 (2020))"
)


def _habeas(matter: Matter) -> list[Problem]:
    """A § 2254 case: the caption's roles, and a Rule 60(b) motion that may be a successive petition."""
    a = matter.answers
    if not a.case.habeas:
        return []
    out: list[Problem] = []
    if a.parties.roles.plaintiffs not in ("petitioner", "applicant") or a.parties.roles.defendants != "respondent":
        out.append(
            matter.source.problem(
                "a § 2254 petition is captioned Petitioner / Respondent (Rules Governing Section 2254 "
                "Cases, Rule 2): set parties.roles to {plaintiffs: petitioner, defendants: respondent}",
                ("case", "habeas"),
            )
        )
    if matter.vehicle.id == "60b" and a.movant.party and a.movant.side == "plaintiff":
        out.append(matter.source.problem(_SUCCESSIVE, ("motion", "rule")))
    return out


def _division(matter: Matter) -> list[Problem]:
    """The caption's division line against the court's divisions, where the data records them."""
    court, given = matter.court, matter.answers.case.division
    if court.divisions is None:
        return []
    known = ", ".join(court.divisions)
    if given is None:
        if not court.divisions:
            return []
        text = f"the {court.name} sits in divisions ({known}): case.division names this case's, for the caption"
        return [matter.source.problem(text, ("case", "number"))]
    name = re.sub(r"(?i)\s*division$", "", given.strip())
    if not court.divisions:
        text = f"the {court.name} sits in no divisions, so its captions name none: leave case.division out"
    elif name.casefold() not in {d.casefold() for d in court.divisions}:
        text = f"the {court.name} has no {name} Division (its divisions: {known})"
    else:
        return []
    return [matter.source.problem(text, ("case", "division"))]


def _rules_as_of(matter: Matter) -> list[Problem]:
    """Each paper is drafted under the rule in force on its date: say which, where the rule changed
    and the paper's date falls under an earlier version, or under one the research cannot tell."""
    from assembler.papers import registry

    court = matter.court
    rule = court.reconsideration.rule.value or "the local rule"
    out: list[Problem] = []
    for kind in registry.papers().values():
        if not (kind.word_limit or kind.page_limit):
            continue
        day, _ = registry.paper_date(matter, kind.id)
        applied = [(name, fact, version) for name, fact, version in court.versions(day) if version is not fact]
        if day is None or not applied:
            continue
        where = ("court",)  # the court's rule; the paper's date only picks its version
        name, fact, version = applied[0]
        names = ", ".join(n.removeprefix("reconsideration.") for n, _, _ in applied)
        dated = f"the {kind.id} (dated {day:%B} {day.day}, {day.year})"
        if version.unverified:
            text = f"which text of {rule} governs {dated} is not verified, so it has no {names}: {version.source}"
        else:
            text = f"{dated} is drafted under {rule} {fact.version_label(version)} ({names}): {version.source}"
        out.append(matter.source.problem(text, where))
    return out


def _late(matter: Matter) -> list[Problem]:
    """The motion filed after its vehicle's last day: the local rule's, 59(e)'s or 60(c)(1)'s."""
    a, court, vehicle = matter.answers, matter.court, matter.vehicle
    if a.motion.filed is None or vehicle.deadline is None:
        return []
    if vehicle.deadline == "local" and not court.reconsideration.days.known:
        return []
    if vehicle.deadline == "60b" and not any(c in (1, 2, 3) for c in a.motion.clauses):
        return []  # reasons (4)-(6): "a reasonable time", no fixed day to count
    order_entry = next((e for e in a.docket if e.number == a.order.docket), None)
    start = order_entry.date if order_entry is not None else a.order.date
    try:
        deadline = compute(court, start, vehicle.deadline)  # type: ignore[arg-type]
    except DeadlineError as exc:
        return [matter.source.problem(f"the motion's deadline is not checked: {exc}", ("order", "date"))]
    if a.motion.filed <= deadline.last_day:
        return _rolled(matter, deadline, start)
    binding = (
        "; the court must not extend this time (Fed. R. Civ. P. 6(b)(2))"
        if vehicle.deadline in ("59e", "60b")
        else "; show good cause or check the dates"
    )
    return [
        matter.source.problem(
            f"the motion is filed on {a.motion.filed.isoformat()}, after the last day under "
            f"{deadline.rule}, {deadline.last_day.isoformat()} ({deadline.period}, counted from "
            f"{start.isoformat()}){binding} (assembler deadline --court {court.id} --from "
            f"{start.isoformat()} --rule {vehicle.deadline})",
            ("motion", "filed"),
        )
    ]


def _rolled(matter: Matter, deadline: Deadline, start: dt.date) -> list[Problem]:
    """A 59(e) or 60(c)(1) motion on time only by a closure or state-holiday roll: a warning."""
    filed, vehicle = matter.answers.motion.filed, matter.vehicle.deadline
    if filed is None or vehicle not in ("59e", "60b") or filed <= deadline.safe_last_day:
        return []
    days = "; ".join(f"{r.date.isoformat()}, {r.reason.split(': ', 1)[-1]}" for r in deadline.rests_on)
    states = any(r.kind == "state" for r in deadline.rests_on)
    kind = "a state holiday" if states else "a day the President closed the executive departments"
    tolling = (
        ", and a Rule 59(e) motion the court finds late does not toll the time to appeal (Fed. R. App. P. 4(a)(4)(A))"
        if vehicle == "59e"
        else ""
    )
    return [
        matter.source.problem(
            f"the motion is filed on {filed.isoformat()}, after {deadline.safe_last_day.isoformat()}, and "
            f"is on time under {deadline.rule} only because {kind} moved the last day to "
            f"{deadline.last_day.isoformat()} ({days}); if the court does not count that day, the motion "
            f"is late, the court must not extend the time (Fed. R. Civ. P. 6(b)(2)){tolling}; file by "
            f"{deadline.safe_last_day.isoformat()} (assembler deadline --court {matter.court.id} --from "
            f"{start.isoformat()} --rule {vehicle})",
            ("motion", "filed"),
        )
    ]


def page_limit(matter: Matter, document_id: str, pages: int) -> str | None:
    """A filed paper longer than the court's page limit: a warning naming the rule."""
    from assembler.papers.registry import paper, paper_date

    limit = paper(document_id).page_limit
    court = matter.court.as_of(paper_date(matter, document_id)[0])  # the limit in force on its date
    fact = getattr(court.reconsideration, limit) if limit else None
    if fact is None or fact.value is None or pages <= fact.value:
        return None
    return (
        f"{document_id} runs to {pages} pages, over the limit of {fact.value} "
        f"({fact.source}); the PDF counts every page, caption included: check what the rule counts"
    )


def _conference(matter: Matter) -> list[Problem]:
    """The conference the court's rule requires before filing, not given in the answers, or dated
    after the filing.  A warning, not a refusal: counsel drafts the motion before conferring (the
    draft is what the conference discusses), and no rule read bars drafting; the rule binds the
    filing, and N.D. Tex. LR 7.1(a) and M.D. Fla. Local Rule 3.01(g)(3) provide for the motion
    filed when a conference was not possible."""
    rule, given = matter.court.conference, matter.answers.motion.conference
    filed = matter.answers.motion.filed
    if given is None:
        if not rule.required.value:
            return []
        return [
            matter.source.problem(
                f"the {matter.court.name} requires counsel to confer with the other side before filing "
                f"the motion ({rule.rule or rule.required.source}), and motion.conference "
                "is not given: the motion carries no statement of the conference; confer, then give its "
                "date, manner, participants and the other side's position (assembler interview asks for them)",
                ("motion",),
            )
        ]
    if filed is not None and given.date is not None and given.date > filed:
        return [
            matter.source.problem(
                f"the conference is dated {given.date.isoformat()}, after the motion's filing on "
                f"{filed.isoformat()}; the motion cannot certify a conference not yet held",
                ("motion", "conference", "date"),
            )
        ]
    return []


def _signer_contacts(matter: Matter) -> list[Problem]:
    """Fed. R. Civ. P. 11(a): "The paper must state the signer's address, e-mail address, and
    telephone number" -- a pro se party's papers as much as counsel's."""
    out = []
    for side in ("movant", "opponent"):
        block = getattr(matter.answers.counsel, side)
        if block is None:
            continue
        signer = block.attorneys[0]
        lacking = [name for name, value in (("email", signer.email), ("phone", signer.phone)) if not value]
        if lacking:
            words = " and ".join({"email": "e-mail address", "phone": "telephone number"}[n] for n in lacking)
            out.append(
                matter.source.problem(
                    f"the signer's {words} {'is' if len(lacking) == 1 else 'are'} not given, and Fed. R. Civ. P. "
                    "11(a) requires every paper to state the signer's address, e-mail address, and "
                    "telephone number",
                    ("counsel", side, "attorneys", 0, lacking[0]),
                )
            )
    return out


def _grounds_the_rule_names(matter: Matter) -> list[Problem]:
    """A library ground the court's rule does not name (manifest error, under N.D. Cal. Civil
    L.R. 7-9(b)): the motion argues it in the library's words, and the rule does not list it."""
    listed = matter.court.reconsideration.library_grounds
    if listed.value is None or matter.vehicle.id != "local":
        return []
    from assembler.law.grounds import library

    out = []
    general = {gid for gid, g in library().items() if g.family == "general" and g.side == "movant"}
    for index, ground in enumerate(matter.answers.grounds):
        # the general grounds are kinds of reconsideration ground; the others argue the merits
        if ground.id in general and ground.text is None and ground.id not in listed.value:
            out.append(
                matter.source.problem(
                    f"ground {ground.id!r} is not one the {matter.court.name}'s rule names: {listed.source}; "
                    "argue it under one of the rule's grounds, or write the ground's text in the rule's terms",
                    ("grounds", index, "id"),
                )
            )
    return out


def _evidence(matter: Matter) -> list[Problem]:
    """A ground that argues new facts with no declaration to prove them; exhibits labelled by a
    convention the court's profile has not verified, or filed with no known file-size limit."""
    from assembler.law import record
    from assembler.law.grounds import library

    a = matter.answers
    out = []
    evidence = [g.id for g in a.grounds if (entry := library().get(g.id)) is not None and entry.evidence]
    if evidence and a.motion.declaration is None:
        out.append(
            matter.source.problem(
                f"the ground {evidence[0]} argues new facts, and no declaration (motion.declaration) "
                "puts them in evidence: give the declaration and its exhibits",
                ("grounds",),
            )
        )
    filing = matter.court.filing
    for side, found in record.declarations(a):
        if not found.exhibits:
            continue
        unknown = []
        if filing.exhibit_labels.unverified and any(e.label is None for e in found.exhibits):
            unknown.append("how it labels exhibits (lettered A, B, ... here, or give each its label)")
        if filing.size_limit_mb.unverified:
            unknown.append("its CM/ECF file-size limit (the filing PDF is not checked against one)")
        if unknown:
            out.append(
                matter.source.problem(
                    f"not verified for the {matter.court.name}: {' and '.join(unknown)}; check its local "
                    "rules and CM/ECF procedures",
                    (*record.DECLARATION_PATH[side], "exhibits"),
                )
            )
    return out
