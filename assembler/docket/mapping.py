"""A ``Docket`` as answer-file data: parties, counsel and entries, every guess listed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assembler.docket.clean import clean_title, plain_name
from assembler.docket.sources import Docket, DocketParty
from assembler.law import roles

# -- mapping -----------------------------------------------------------------------------------

_ROLE_WORDS = {
    "plaintiff": "plaintiffs",
    "plaintiffs": "plaintiffs",
    "petitioner": "plaintiffs",
    "defendant": "defendants",
    "defendants": "defendants",
    "respondent": "defendants",
}
_NOT_PARTIES = {"mediator", "unknown", "interested party", "witness", "special master", "trustee"}
_COUNTER = re.compile(r"(?i)^(counter|cross)[ -]")


@dataclass
class Imported:
    """Answer-file data from a docket, with what was guessed and what could not be mapped."""

    data: dict[str, Any]
    guessed: list[str] = field(default_factory=list)  # dotted paths
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def _filed_by(description: str, sides: dict[str, str], lawyers: dict[str, str]) -> str:
    """Who filed an entry, guessed from the clerk's text: "filed by <party>", the filing
    attorney in parentheses ("(Shalom, Jonathan)"), or an order of the court."""
    text = " ".join(description.split())
    found = re.search(r"(?i)(?:document )?filed by ([^.(]+)", text) or re.search(r"(?i)\bby ([A-Z][^.(]+?)[.(]", text)
    if found:
        who = found.group(1).strip().lower()
        for name, side in sides.items():
            if name.lower() in who or who in name.lower():
                return side
    signed = re.search(r"\(([A-Z][\w'.-]+), ([A-Z][\w'. -]+)\)", text)
    if signed:
        last, first = signed.group(1).lower(), signed.group(2).split()[0].lower()
        for lawyer, side in lawyers.items():
            words = lawyer.lower().replace(",", " ").split()
            if last in words and first in words:
                return side
    if re.match(
        r"(?i)^(ORDER|MEMORANDUM (AND|&) ORDER|MEMORANDUM OPINION|MEMO ENDORSE|OPINION|JUDGMENT|"
        r"SCHEDULING ORDER|ELECTRONIC ORDER|ORDER OF|Judge |Magistrate Judge |CLERK'S|"
        r"CASE OPENING|ELECTRONIC NOTICE|NOTICE OF CASE ASSIGNMENT)",
        text,
    ) or re.search(r"(?i)\bElectronic ORDER\b|\bORDER entered\b", text):
        return "court"
    return "court"


def _role(description: str) -> str | None:
    text = " ".join(description.split())
    if re.search(r"(?i)\bMOTION (for|to) (Reconsideration|Reconsider)\b", text) and not re.match(
        r"(?i)^(order|memo)", text
    ):
        return "motion"
    if re.search(r"(?i)\b(RESPONSE|MEMORANDUM( OF LAW)?) in Opposition\b.*\bReconsider", text):
        return "response"
    if re.match(r"(?i)^REPLY\b", text) and re.search(r"(?i)reconsider", text):
        return "reply"
    if (
        re.match(r"(?i)^(ORDER|ELECTRONIC ORDER|Judge )", text)
        and re.search(r"(?i)reconsider", text)
        and re.search(r"(?i)\b(respon[sd]|oppos)", text)
    ):
        return "response-order"
    return None


def answers_from(docket: Docket, movant: str | None = None) -> Imported:
    """Answer-file data for ``docket``; ``movant`` (plaintiff, defendant) places the counsel."""
    out = Imported({"schema_version": 1, "court": docket.court})
    out.data["case"] = case = {"number": docket.number}
    if docket.judge:
        case["judge"] = docket.judge
        if docket.judge_is_magistrate:
            case["judge_title"] = "United States Magistrate Judge"
    if docket.referred:
        out.left_out.append(
            f"the referral to Magistrate Judge {docket.referred} (the answer file names the assigned judge only)"
        )
    sides: dict[str, list[DocketParty]] = {"plaintiffs": [], "defendants": []}
    others: list[DocketParty] = []
    seen: set[tuple[str, str]] = set()
    for party in docket.parties:
        key = (party.name.lower(), party.role.lower())
        if key in seen or not party.name:
            continue
        seen.add(key)
        role = party.role.lower()
        if role in _ROLE_WORDS:
            sides[_ROLE_WORDS[role]].append(party)
        elif role in _NOT_PARTIES:
            out.left_out.append(f"{party.name} ({party.role}): not a party the caption names")
        elif _COUNTER.match(party.role) and any(
            p.name.lower() == party.name.lower() for p in sides["plaintiffs"] + sides["defendants"]
        ):
            out.left_out.append(f"{party.name} as {party.role} (already captioned as a party)")
        elif (found := roles.find(party.role)) is None or found.side != "other":
            out.left_out.append(f"{party.name} ({party.role}): not a role of data/roles.yaml the caption names")
        else:
            others.append(party)
    parties: dict[str, Any] = {}
    # a habeas docket's Petitioner / Respondent: the sides' roles, for the caption's labels
    given = {
        side: {roles.role_named(p.role).id for p in listed if roles.find(p.role) is not None}
        for side, listed in sides.items()
    }
    taken = {side: ids.pop() for side, ids in given.items() if len(ids) == 1}
    if set(taken.values()) - {"plaintiff", "defendant"}:
        parties["roles"] = {
            "plaintiffs": taken.get("plaintiffs", "plaintiff"),
            "defendants": taken.get("defendants", "defendant"),
        }
        out.guessed.append("parties.roles")
    for side, listed in sides.items():
        if listed:
            parties[side] = [{"name": plain_name(p.name)} for p in listed]
    if others:
        parties["others"] = [{"name": plain_name(p.name), "role": p.role} for p in others]
    if parties:
        out.data["parties"] = parties
    names = {
        p.name: ("plaintiff" if p in sides["plaintiffs"] else "defendant")
        for p in sides["plaintiffs"] + sides["defendants"]
    }
    lawyers = {
        contact.name: names[party.name]
        for party in sides["plaintiffs"] + sides["defendants"]
        for contact in party.attorneys
    }
    entries: list[dict[str, Any]] = []
    roles_taken: set[str] = set()
    for entry in sorted(docket.entries, key=lambda e: (e.number, e.date)):
        if any(e["number"] == entry.number for e in entries):
            out.left_out.append(f"entry {entry.number} listed twice (the first is kept)")
            continue
        filed_by: str = _filed_by(entry.description, names, lawyers)
        row: dict[str, Any] = {
            "number": entry.number,
            "date": entry.date,
            "filed_by": filed_by,
            "title": clean_title(entry.description),
        }
        out.guessed.append(f"docket.{len(entries)}.filed_by")
        paper = _role(entry.description)
        if paper and paper not in roles_taken:
            row["role"] = paper
            roles_taken.add(paper)
            out.guessed.append(f"docket.{len(entries)}.role")
        entries.append(row)
    if entries:
        out.data["docket"] = entries
    if docket.unnumbered:
        out.notes.append(f"{docket.unnumbered} entries without a number (minute entries, notices) left out")
    motion = next((e for e in entries if e.get("role") == "motion"), None)
    if motion is not None:  # "MOTION for Reconsideration re 45 Order ...": the challenged order
        target = re.search(
            r"(?i)\bre[:;]?\s*(\d+)\b", next(e.description for e in docket.entries if e.number == motion["number"])
        )
        order = next((e for e in entries if target and e["number"] == int(target.group(1))), None)
        if order is not None:
            out.data["order"] = {"docket": order["number"], "date": order["date"], "title": order["title"]}
            out.guessed += ["order.docket", "order.date", "order.title"]
        out.data["motion"] = {"filed": motion["date"]}  # the motion's own entry
        out.guessed.append("motion.filed")
    if movant in ("plaintiff", "defendant"):
        _place_counsel(out, sides, movant)
    else:
        counsel = sum(len(p.attorneys) for p in docket.parties)
        if counsel:
            out.notes.append(
                f"{counsel} attorney listings not placed: pass --movant plaintiff or "
                "--movant defendant to write them as the movant's and the opponent's counsel"
            )
    return out


def _place_counsel(out: Imported, sides: dict[str, list[DocketParty]], movant: str) -> None:
    mine = sides["plaintiffs" if movant == "plaintiff" else "defendants"]
    theirs = sides["defendants" if movant == "plaintiff" else "plaintiffs"]
    if mine:
        names = [plain_name(p.name) for p in mine]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        word = movant.capitalize() + ("s" if len(mine) > 1 else "")
        out.data["movant"] = {
            "name": f"{word} {joined}",
            "short_name": word,
            "party": True,
            "side": movant,
            **({"plural": True} if len(mine) > 1 else {}),
        }
        out.guessed += ["movant.name", "movant.short_name"]
    counsel: dict[str, Any] = {}
    for key, group, side_word in (
        ("movant", mine, movant),
        ("opponent", theirs, "defendant" if movant == "plaintiff" else "plaintiff"),
    ):
        attorneys: list[dict[str, Any]] = []
        seen: set[str] = set()
        pro_se = False
        for party in group:
            for contact in party.attorneys:
                if contact.name.lower() in seen or not contact.address:
                    continue
                seen.add(contact.name.lower())
                pro_se = pro_se or contact.pro_se
                row: dict[str, Any] = {"name": contact.name}
                if contact.firm:
                    row["firm"] = contact.firm
                row["address"] = list(contact.address)
                if contact.phone:
                    row["phone"] = contact.phone
                if contact.email:
                    row["email"] = contact.email
                attorneys.append(row)
        if attorneys:
            word = side_word.capitalize() + ("s" if len(group) > 1 else "")
            block: dict[str, Any] = {
                "represents": f"{'Attorneys' if len(attorneys) > 1 else 'Attorney'} for "
                f"{word} {', '.join(plain_name(p.name) for p in group)}",
                "attorneys": attorneys,
            }
            if pro_se and len(attorneys) == 1:
                block = {
                    "represents": f"{side_word.capitalize()}, pro se",
                    "pro_se": True,
                    "attorneys": [{k: v for k, v in attorneys[0].items() if k != "firm"}],
                }
            counsel[key] = block
            out.guessed.append(f"counsel.{key}.represents")
    if counsel:
        out.data["counsel"] = counsel


def summary(docket: Docket, imported: Imported) -> list[str]:
    """What was imported, what was guessed, and what could not be mapped, line by line."""
    data = imported.data
    parties = data.get("parties", {})
    lines = [f"{docket.source}: {docket.court}, No. {docket.number}, {docket.case_name}"]
    if docket.judge:
        lines.append(
            f"  judge: {docket.judge}" + (" (United States Magistrate Judge)" if docket.judge_is_magistrate else "")
        )
    for side in ("plaintiffs", "defendants"):
        names = [p["name"] for p in parties.get(side, [])]
        lines.append(f"  {side}: {len(names)}" + (f" ({'; '.join(names)})" if names else ""))
    for other in parties.get("others", []):
        lines.append(f"  other party: {other['name']} ({other['role']})")
    entries = data.get("docket", [])
    lines.append(
        f"  docket entries: {len(entries)}"
        + (f", {entries[0]['number']} to {entries[-1]['number']}" if entries else "")
    )
    for row in entries:
        if "role" in row:
            lines.append(f"  entry {row['number']} looks like the reconsideration {row['role']} (guessed)")
    filed_by = sum(1 for g in imported.guessed if g.endswith(".filed_by"))
    other_guesses = [g for g in imported.guessed if not g.endswith((".filed_by", ".role"))]
    lines.append(
        f"  guessed: filed_by of {filed_by} entries" + (f"; {', '.join(other_guesses)}" if other_guesses else "")
    )
    lines += [f"  note: {note}" for note in imported.notes]
    lines += [f"  not mapped: {item}" for item in imported.left_out]
    return lines
