"""Start from the docket sheet: a PACER docket report or a CourtListener docket, read into answers.

Two readers give one ``Docket``: ``read_pacer`` parses a district court's
"Docket Report" page saved as HTML, with juriscraper (the optional ``pacer``
extra; it is the parser CourtListener itself uses), and ``read_courtlistener``
reads CourtListener JSON (a docket object with its ``docket_entries`` and
``parties``, as the REST API and RECAP exports name them) with the standard
library.  ``answers_from`` maps a ``Docket`` to answer-file data, and lists
every value it guessed; ``merge_into`` adds new entries to an existing file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AssemblerError

PACER_INSTALL = 'install the pacer extra (in the assembler checkout: pip install ".[pacer]")'


class DocketError(AssemblerError):
    """A file that cannot be read as a district court docket."""


@dataclass(frozen=True)
class Contact:
    name: str
    firm: str | None = None
    address: tuple[str, ...] = ()
    phone: str | None = None
    email: str | None = None
    pro_se: bool = False


@dataclass(frozen=True)
class DocketParty:
    name: str
    role: str  # as the docket gives it: Plaintiff, Defendant, Intervenor Defendant, ...
    attorneys: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class DocketEntry:
    number: int
    date: dt.date
    description: str


@dataclass
class Docket:
    court: str
    number: str
    case_name: str
    judge: str | None
    judge_is_magistrate: bool
    referred: str | None
    parties: list[DocketParty]
    entries: list[DocketEntry]
    unnumbered: int = 0
    source: str = ""


# -- reading ---------------------------------------------------------------------------------

_DISTRICT = re.compile(r"^[a-z]{2,4}d$")  # azd, nysd, cand: a district court's CourtListener id
_ECF_HOST = re.compile(r"ecf\.([a-z]{2,6})\.uscourts\.gov")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain(text: str) -> str:
    """Docket text as an answer may hold it: no control characters (the answer file refuses them)."""
    return _CONTROL.sub(" ", text)


def read(path: Path) -> Docket:
    """The docket in ``path``: PACER HTML or CourtListener JSON, told apart by their content."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocketError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    text = _plain(raw.decode("utf-8", errors="replace"))
    head = text.lstrip()[:1]
    if head in "{[":
        return read_courtlistener(path, text)
    if "<" in text[:2000] and re.search(r"(?i)<html|<table|<div", text[:20000]):
        return read_pacer(path, text)
    raise DocketError(f"{path}: not a docket (neither a PACER docket report saved as HTML nor "
                      "CourtListener JSON)")


def _court_check(path: Path, court: str, what: str) -> str:
    if not _DISTRICT.match(court) or court.endswith("bd") or court == "jpml":
        kind = ("a bankruptcy court's" if court.endswith("b") or court.endswith("bd") else
                "an appellate court's" if court.startswith("ca") or court == "cafc" else "not a district court's")
        raise DocketError(f"{path}: {what} is {kind} docket ({court}); only district court "
                          "dockets can be imported")
    from .districts import districts

    if court not in districts():
        raise DocketError(f"{path}: {court!r} is not a US district court")
    return court


def read_pacer(path: Path, text: str) -> Docket:
    """A PACER district court "Docket Report", saved as HTML, parsed by juriscraper."""
    hosts = _ECF_HOST.findall(text)
    if not hosts:
        raise DocketError(f"{path}: not a PACER docket report (no ecf.<court>.uscourts.gov link)")
    court = _court_check(path, max(set(hosts), key=hosts.count), "this PACER page")
    if not re.search(r"(?i)DOCKET FOR CASE #", text):
        raise DocketError(f"{path}: a PACER page, but not a docket report (no “DOCKET FOR CASE #”)")
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # juriscraper complains of its log file
            from juriscraper.pacer import DocketReport  # type: ignore[import-untyped]
    except ImportError:
        raise DocketError(f"reading a PACER docket needs juriscraper: {PACER_INSTALL}") from None
    report = DocketReport(court)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            report._parse_text(text)
            data = report.data
    except Exception as exc:  # juriscraper on a page it does not know: one sentence, not its traceback
        raise DocketError(f"{path}: juriscraper could not read this PACER page "
                          f"({type(exc).__name__}: {exc})".rstrip()) from None
    if not data or not data.get("docket_number"):
        raise DocketError(f"{path}: juriscraper found no docket in this PACER page")
    # the number exactly as the page prints it ("1:20-cv-10821-GHW"), not juriscraper's core number
    printed = re.search(r"CASE #:\s*([^<\s][^<]*?)\s*<", text)
    number = printed.group(1).strip() if printed else str(data["docket_number"])
    assigned = re.search(r"Assigned to:\s*([^<]+)", text)
    referred = data.get("referred_to_str") or None
    parties = []
    for party in data.get("parties") or []:
        contacts = tuple(_contact(a.get("name", ""), a.get("contact", ""), a.get("roles") or [],
                                  party.get("name", "")) for a in party.get("attorneys") or [])
        parties.append(DocketParty(" ".join(str(party.get("name", "")).split()),
                                   str(party.get("type") or "Unknown"), contacts))
    entries, unnumbered = [], 0
    for entry in data.get("docket_entries") or []:
        entry_number = entry.get("document_number")
        if not entry_number or not str(entry_number).isdigit() or entry.get("date_filed") is None:
            unnumbered += 1
            continue
        entries.append(DocketEntry(int(entry_number), entry["date_filed"],
                                   str(entry.get("description") or "")))
    return Docket(court=court, number=number, case_name=str(data.get("case_name") or ""),
                  judge=data.get("assigned_to_str") or None,
                  judge_is_magistrate=bool(assigned and "magistrate" in assigned.group(1).lower()),
                  referred=referred, parties=parties, entries=entries, unnumbered=unnumbered,
                  source="PACER docket report")


def read_courtlistener(path: Path, text: str) -> Docket:
    """CourtListener JSON: a docket, with ``docket_entries`` and ``parties`` in it."""
    try:
        return _read_courtlistener(path, text)
    except (AttributeError, TypeError, KeyError) as exc:  # a field of another shape than the API's
        raise DocketError(f"{path}: JSON, but not in CourtListener's docket shape ({type(exc).__name__}: "
                          f"{exc})") from None


def _read_courtlistener(path: Path, text: str) -> Docket:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocketError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or "docket_number" not in data:
        raise DocketError(f"{path}: JSON, but not a CourtListener docket (no docket_number)")
    court = data.get("court_id") or ""
    if not court and isinstance(data.get("court"), str):
        match = re.search(r"/courts/([a-z0-9]+)/?$", data["court"])
        court = match.group(1) if match else data["court"]
    court = _court_check(path, str(court), "this CourtListener docket")
    entries_raw = data.get("docket_entries")
    if isinstance(entries_raw, dict):  # a docket-entries API page: {"results": [...]}
        entries_raw = entries_raw.get("results")
    entries, unnumbered = [], 0
    for entry in entries_raw or []:
        number = entry.get("entry_number", entry.get("document_number"))
        date = entry.get("date_filed")
        if number in (None, "") or not str(number).isdigit() or not date:
            unnumbered += 1
            continue
        try:
            filed = dt.date.fromisoformat(str(date)[:10])
        except ValueError:
            raise DocketError(f"{path}: entry {number} has the date {date!r}, not YYYY-MM-DD") from None
        entries.append(DocketEntry(int(number), filed, str(entry.get("description") or "")))
    parties = []
    parties_raw = data.get("parties")
    if isinstance(parties_raw, dict):
        parties_raw = parties_raw.get("results")
    for party in parties_raw or []:
        types = party.get("party_types") or [{"name": party.get("type") or "Unknown"}]
        name = " ".join(str(party.get("name", "")).split())
        contacts = tuple(
            _contact(a.get("name", ""), str(a.get("contact_raw", a.get("contact")) or ""),
                     [a["role"]] if isinstance(a.get("role"), str) else a.get("roles") or [], name)
            for a in party.get("attorneys") or [] if isinstance(a, dict) and a.get("name"))
        for kind in types:
            parties.append(DocketParty(name, str(kind.get("name") or "Unknown"), contacts))
    judge = data.get("assigned_to_str") or None
    return Docket(court=court, number=str(data["docket_number"]), case_name=str(data.get("case_name") or ""),
                  judge=judge, judge_is_magistrate=False, referred=data.get("referred_to_str") or None,
                  parties=parties, entries=entries, unnumbered=unnumbered, source="CourtListener docket")


_PHONE = re.compile(r"^\(?\d{3}\)?[-./ ]?\d{3}[-./ ]\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?$", re.I)


def _contact(name: str, contact: str, roles: list[str], party: str) -> Contact:
    """An attorney's contact block split into firm, address lines, telephone and e-mail."""
    name = " ".join(str(name).split())
    lines = [line.strip() for line in str(contact).splitlines() if line.strip()]
    phone = email = None
    rest: list[str] = []
    for line in lines:
        if line.lower().startswith("email:"):
            email = line.split(":", 1)[1].strip() or None
        elif line.lower().startswith("fax"):
            continue
        elif _PHONE.match(line):
            phone = phone or line
        elif re.match(r"(?i)^(terminated|lead attorney|attorney to be noticed|pro hac vice|designation)", line):
            continue
        else:
            rest.append(line)
    pro_se = "PRO SE" in " ".join(roles).upper() or (name and name.lower() == party.lower())
    firm = None
    if rest and not pro_se and not re.match(r"^\d", rest[0]) and len(rest) > 2:
        firm = rest.pop(0)  # "Gordon Rees Scully Mansukhani LLP", above the street address
    if email and "@" not in email:
        email = None
    return Contact(name=name, firm=firm, address=tuple(rest), phone=phone, email=email, pro_se=bool(pro_se))


# -- mapping -----------------------------------------------------------------------------------

_ROLE_WORDS = {"plaintiff": "plaintiffs", "plaintiffs": "plaintiffs", "petitioner": "plaintiffs",
               "defendant": "defendants", "defendants": "defendants", "respondent": "defendants"}
_NOT_PARTIES = {"mediator", "unknown", "interested party", "witness", "special master", "trustee"}
_COUNTER = re.compile(r"(?i)^(counter|cross)[ -]")


@dataclass
class Imported:
    """Answer-file data from a docket, with what was guessed and what could not be mapped."""

    data: dict[str, Any]
    guessed: list[str] = field(default_factory=list)  # dotted paths
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


# a period that ends a sentence, not an initial ("Gregory H. Woods") or "No.", "Inc.", "Esq."
_NOT_AN_ABBREVIATION = "".join(f"(?<!{a})" for a in (
    r"\s[A-Z]", r"\bNo", r"\bNos", r"\bInc", r"\bCo", r"\bCorp", r"\bLtd", r"\bJr", r"\bSr",
    r"\bEsq", r"\bMr", r"\bMs", r"\bDr", r"\bSt", r"\bv", r"\bvs", r"\bDkt", r"\bDoc", r"\bU\.S"))


def clean_title(description: str, party_names: list[str]) -> str:
    """The clerk's description as an entry's title: without the filer's name in parentheses,
    the "(Entered: ...)" tail, attachment lists and "Document filed by ..."."""
    text = " ".join(description.split())
    text = re.sub(r"\s*\(Entered: [^)]*\)\s*$", "", text)
    text = re.sub(r"\s*\(Attachments: [^)]*(?:\([^)]*\)[^)]*)*\)", "", text)
    text = re.sub(r"\s*Modified on \d{1,2}/\d{1,2}/\d{4}[^.]*\.?", "", text)
    text = re.sub(r"\s*\((?:[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)*, [A-Z][\w'. -]+|[a-z]{2,4}|[a-z]{2,4}, ?)\)\s*$", "", text)
    text = re.sub(r"\s*\.?\s*Document filed by [^.]*\.*\s*$", "", text)
    text = re.sub(r"\s*,?\s*filed by [A-Z][^.()]*\.?\s*$", "", text)
    text = text.strip().rstrip(".").strip()
    if len(text) > 160:  # an order's whole text: its first sentence names it
        # the first sentence, or the part before a colon ("NOTICE OF CONFERENCE: ...") -- not "re:"
        cut = re.search(r"^(.{20,160}?)(?:(?<![Rr]e)(?<!RE):\s|" + _NOT_AN_ABBREVIATION + r"\.\s+(?=[A-Z(]))", text)
        text = cut.group(1).rstrip(".") if cut else text[:160].rsplit(" ", 1)[0] + " …"
    return text or description.strip()


def _filed_by(description: str, sides: dict[str, str], lawyers: dict[str, str]) -> str:
    """Who filed an entry, guessed from the clerk's text: "filed by <party>", the filing
    attorney in parentheses ("(Shalom, Jonathan)"), or an order of the court."""
    text = " ".join(description.split())
    found = re.search(r"(?i)(?:document )?filed by ([^.(]+)", text) or re.search(
        r"(?i)\bby ([A-Z][^.(]+?)[.(]", text)
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
    if re.match(r"(?i)^(ORDER|MEMORANDUM (AND|&) ORDER|MEMORANDUM OPINION|MEMO ENDORSE|OPINION|JUDGMENT|"
                r"SCHEDULING ORDER|ELECTRONIC ORDER|ORDER OF|Judge |Magistrate Judge |CLERK'S|"
                r"CASE OPENING|ELECTRONIC NOTICE|NOTICE OF CASE ASSIGNMENT)", text) or re.search(
                    r"(?i)\bElectronic ORDER\b|\bORDER entered\b", text):
        return "court"
    return "court"


def _role(description: str) -> str | None:
    text = " ".join(description.split())
    if re.search(r"(?i)\bMOTION (for|to) (Reconsideration|Reconsider)\b", text) and not re.match(r"(?i)^(order|memo)", text):
        return "motion"
    if re.search(r"(?i)\b(RESPONSE|MEMORANDUM( OF LAW)?) in Opposition\b.*\bReconsider", text):
        return "response"
    if re.match(r"(?i)^REPLY\b", text) and re.search(r"(?i)reconsider", text):
        return "reply"
    if re.match(r"(?i)^(ORDER|ELECTRONIC ORDER|Judge )", text) and re.search(
            r"(?i)reconsider", text) and re.search(r"(?i)\b(respon[sd]|oppos)", text):
        return "response-order"
    return None


def _short(name: str) -> str:
    words = re.sub(r"(?i),? (inc|llc|l\.l\.c|corp|corporation|co|ltd|lp|llp|plc)\.?$", "", name).split()
    return " ".join(words[:2]) if len(words) > 2 else " ".join(words)


def answers_from(docket: Docket, movant: str | None = None) -> Imported:
    """Answer-file data for ``docket``; ``movant`` (plaintiff, defendant) places the counsel."""
    out = Imported({"schema_version": 1, "court": docket.court})
    out.data["case"] = case = {"number": docket.number}
    if docket.judge:
        case["judge"] = docket.judge
        if docket.judge_is_magistrate:
            case["judge_title"] = "United States Magistrate Judge"
    if docket.referred:
        out.left_out.append(f"the referral to Magistrate Judge {docket.referred} (the answer file names "
                            "the assigned judge only)")
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
        elif _COUNTER.match(party.role) and any(p.name.lower() == party.name.lower()
                                                 for p in sides["plaintiffs"] + sides["defendants"]):
            out.left_out.append(f"{party.name} as {party.role} (already captioned as a party)")
        else:
            others.append(party)
    parties: dict[str, Any] = {}
    for side, listed in sides.items():
        if listed:
            parties[side] = [{"name": p.name} for p in listed]
    if others:
        parties["others"] = [{"name": p.name, "role": p.role} for p in others]
    if parties:
        out.data["parties"] = parties
    names = {p.name: ("plaintiff" if p in sides["plaintiffs"] else "defendant")
             for p in sides["plaintiffs"] + sides["defendants"]}
    lawyers = {contact.name: names[party.name] for party in sides["plaintiffs"] + sides["defendants"]
               for contact in party.attorneys}
    entries: list[dict[str, Any]] = []
    roles_taken: set[str] = set()
    for entry in sorted(docket.entries, key=lambda e: (e.number, e.date)):
        if any(e["number"] == entry.number for e in entries):
            out.left_out.append(f"entry {entry.number} listed twice (the first is kept)")
            continue
        filed_by: str = _filed_by(entry.description, names, lawyers)
        row: dict[str, Any] = {"number": entry.number, "date": entry.date,
                               "filed_by": filed_by,
                               "title": clean_title(entry.description, list(names))}
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
        target = re.search(r"(?i)\bre[:;]?\s*(\d+)\b", next(
            e.description for e in docket.entries if e.number == motion["number"]))
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
            out.notes.append(f"{counsel} attorney listings not placed: pass --movant plaintiff or "
                             "--movant defendant to write them as the movant's and the opponent's counsel")
    return out


def _place_counsel(out: Imported, sides: dict[str, list[DocketParty]], movant: str) -> None:
    mine = sides["plaintiffs" if movant == "plaintiff" else "defendants"]
    theirs = sides["defendants" if movant == "plaintiff" else "plaintiffs"]
    if mine:
        names = [p.name for p in mine]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        word = movant.capitalize() + ("s" if len(mine) > 1 else "")
        out.data["movant"] = {"name": f"{word} {joined}", "short_name": word, "party": True,
                              "side": movant, **({"plural": True} if len(mine) > 1 else {})}
        out.guessed += ["movant.name", "movant.short_name"]
    counsel: dict[str, Any] = {}
    for key, group, side_word in (("movant", mine, movant), ("opponent", theirs,
                                                               "defendant" if movant == "plaintiff" else "plaintiff")):
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
            block: dict[str, Any] = {"represents": f"{'Attorneys' if len(attorneys) > 1 else 'Attorney'} for "
                                                   f"{word} {', '.join(p.name for p in group)}",
                                     "attorneys": attorneys}
            if pro_se and len(attorneys) == 1:
                block = {"represents": f"{side_word.capitalize()}, pro se", "pro_se": True,
                         "attorneys": [{k: v for k, v in attorneys[0].items() if k != "firm"}]}
            counsel[key] = block
            out.guessed.append(f"counsel.{key}.represents")
    if counsel:
        out.data["counsel"] = counsel


# -- writing -----------------------------------------------------------------------------------

GUESSED = "guessed"  # the comment on every guessed value


def _comment(document: Any, dotted: str) -> None:
    from .source import value_at

    parts = tuple(int(p) if p.isdigit() else p for p in dotted.split("."))
    parent = value_at(document, parts[:-1])
    if parent is not None and hasattr(parent, "yaml_add_eol_comment"):
        parent.yaml_add_eol_comment(GUESSED, parts[-1])


def write_new(imported: Imported, path: Path, source: Path, *, force: bool = False) -> None:
    """Write the imported answers to a new file, each guessed value marked ``# guessed``."""
    from .answerfile import AnswerFile
    from .errors import OutputError
    from .files import atomic_write

    if path.exists() and not force:
        raise OutputError(f"{path} already exists (use --into to add the docket's new entries to it, "
                          "or --force to replace it)")
    answers = AnswerFile(path, fresh=True)
    for key, value in imported.data.items():
        answers.set((key,), value)
    for dotted in imported.guessed:
        _comment(answers.document, dotted)
    answers.document.yaml_set_start_comment(
        f"Imported from {source.name} ({imported.notes and 'see the notes below' or 'a docket'}).\n"
        "Values marked “guessed” were read from the clerk's text: check each one.\n"
        "`assembler check` lists what is still missing; `assembler interview` asks for it.")
    atomic_write(answers.text().encode("utf-8"), path, force=True)


def _core(number: str) -> str:
    """The part of a case number that names the case, not its judges: 1:20-cv-10821."""
    match = re.search(r"(\d{1,2}:)?\d{2}-?[a-z]{2,4}-?\d{1,6}", number.lower())
    return re.sub(r"^\d{1,2}:", "", match.group(0)).replace("-", "") if match else number.lower()


@dataclass
class Merge:
    added: list[int] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def merge_into(imported: Imported, path: Path) -> Merge:
    """Add the docket's entries that ``path`` lacks; report entries the docket now gives
    otherwise; touch nothing else the user wrote."""
    from .answerfile import AnswerFile
    from .errors import OutputError

    answers = AnswerFile(path)
    if not answers.existed:
        raise OutputError(f"{path} does not exist: use -o to write a new answer file")
    mine, theirs = answers.get(("case", "number")), imported.data["case"]["number"]
    if mine is not None and _core(str(mine)) != _core(theirs):
        raise OutputError(f"{path} is case {mine}, but the docket is case {theirs}: nothing was added")
    if answers.get(("court",)) not in (None, imported.data["court"]):
        raise OutputError(f"{path} is a case of {answers.get(('court',))}, but the docket is "
                          f"{imported.data['court']}'s: nothing was added")
    existing = answers.get(("docket",)) or []
    by_number = {row.get("number"): row for row in existing if isinstance(row, dict)}
    result = Merge()
    for row in imported.data.get("docket", []):
        if row["number"] in by_number:
            own = by_number[row["number"]]
            if own.get("date") != row["date"]:
                result.changed.append(f"entry {row['number']}: the docket's date is {row['date']}, "
                                      f"yours {own.get('date')}")
            if own.get("title") != row["title"]:
                result.changed.append(f"entry {row['number']}: the docket's title is “{row['title']}”, "
                                      f"yours “{own.get('title')}”")
            continue
        rows = answers.get(("docket",)) or []
        # in number order among the user's entries: before the first with a higher number
        at = next((i for i, own in enumerate(rows)
                   if isinstance(own, dict) and isinstance(own.get("number"), int)
                   and own["number"] > row["number"]), len(rows))
        new = {k: v for k, v in row.items() if k != "role"}  # the user has placed the roles
        if at < len(rows):
            from .answerfile import _to_yaml

            rows.insert(at, _to_yaml(new))
        else:
            answers.set(("docket", at), new)
        _comment(answers.document, f"docket.{at}.filed_by")
        result.added.append(row["number"])
    if result.added:
        answers.save()
    return result


def summary(docket: Docket, imported: Imported) -> list[str]:
    """What was imported, what was guessed, and what could not be mapped, line by line."""
    data = imported.data
    parties = data.get("parties", {})
    lines = [f"{docket.source}: {docket.court}, No. {docket.number}, {docket.case_name}"]
    if docket.judge:
        lines.append(f"  judge: {docket.judge}" + (" (United States Magistrate Judge)"
                                                   if docket.judge_is_magistrate else ""))
    for side in ("plaintiffs", "defendants"):
        names = [p["name"] for p in parties.get(side, [])]
        lines.append(f"  {side}: {len(names)}" + (f" ({'; '.join(names)})" if names else ""))
    for other in parties.get("others", []):
        lines.append(f"  other party: {other['name']} ({other['role']})")
    entries = data.get("docket", [])
    lines.append(f"  docket entries: {len(entries)}" + (f", {entries[0]['number']} to {entries[-1]['number']}"
                                                        if entries else ""))
    for row in entries:
        if "role" in row:
            lines.append(f"  entry {row['number']} looks like the reconsideration {row['role']} (guessed)")
    filed_by = sum(1 for g in imported.guessed if g.endswith(".filed_by"))
    other_guesses = [g for g in imported.guessed if not g.endswith((".filed_by", ".role"))]
    lines.append(f"  guessed: filed_by of {filed_by} entries" + (f"; {', '.join(other_guesses)}"
                                                                  if other_guesses else ""))
    lines += [f"  note: {note}" for note in imported.notes]
    lines += [f"  not mapped: {item}" for item in imported.left_out]
    return lines
