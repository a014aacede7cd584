"""Read a docket sheet: a PACER docket report (HTML) or a CourtListener docket (JSON), into one ``Docket``.

``read_pacer`` parses a district court's "Docket Report" page saved as HTML,
with juriscraper (the optional ``pacer`` extra; it is the parser CourtListener
itself uses); ``read_courtlistener`` reads CourtListener JSON (a docket object
with its ``docket_entries`` and ``parties``, as the REST API and RECAP exports
name them) with the standard library.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from assembler.answers.reader import without_controls
from assembler.errors import AssemblerError

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


def _plain(text: str) -> str:
    """Docket text as an answer may hold it: no control characters (the reader's one rule;
    a carriage return of the page's line ends is a space, as in HTML)."""
    return without_controls(text)


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
    raise DocketError(f"{path}: not a docket (neither a PACER docket report saved as HTML nor CourtListener JSON)")


def _court_check(path: Path, court: str, what: str) -> str:
    if not _DISTRICT.match(court) or court.endswith("bd") or court == "jpml":
        kind = (
            "a bankruptcy court's"
            if court.endswith("b") or court.endswith("bd")
            else "an appellate court's"
            if court.startswith("ca") or court == "cafc"
            else "not a district court's"
        )
        raise DocketError(f"{path}: {what} is {kind} docket ({court}); only district court dockets can be imported")
    from assembler.law.districts import districts

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
        raise DocketError(
            f"{path}: juriscraper could not read this PACER page ({type(exc).__name__}: {exc})".rstrip()
        ) from None
    if not data or not data.get("docket_number"):
        raise DocketError(f"{path}: juriscraper found no docket in this PACER page")
    # the number exactly as the page prints it ("1:20-cv-10821-GHW"), not juriscraper's core number
    printed = re.search(r"CASE #:\s*([^<\s][^<]*?)\s*<", text)
    number = printed.group(1).strip() if printed else str(data["docket_number"])
    assigned = re.search(r"Assigned to:\s*([^<]+)", text)
    referred = data.get("referred_to_str") or None
    parties = []
    for party in data.get("parties") or []:
        contacts = tuple(
            _contact(a.get("name", ""), a.get("contact", ""), a.get("roles") or [], party.get("name", ""))
            for a in party.get("attorneys") or []
        )
        parties.append(
            DocketParty(" ".join(str(party.get("name", "")).split()), str(party.get("type") or "Unknown"), contacts)
        )
    entries, unnumbered = [], 0
    for entry in data.get("docket_entries") or []:
        entry_number = entry.get("document_number")
        if not entry_number or not str(entry_number).isdigit() or entry.get("date_filed") is None:
            unnumbered += 1
            continue
        entries.append(DocketEntry(int(entry_number), entry["date_filed"], str(entry.get("description") or "")))
    return Docket(
        court=court,
        number=number,
        case_name=str(data.get("case_name") or ""),
        judge=data.get("assigned_to_str") or None,
        judge_is_magistrate=bool(assigned and "magistrate" in assigned.group(1).lower()),
        referred=referred,
        parties=parties,
        entries=entries,
        unnumbered=unnumbered,
        source="PACER docket report",
    )


def read_courtlistener(path: Path, text: str) -> Docket:
    """CourtListener JSON: a docket, with ``docket_entries`` and ``parties`` in it."""
    try:
        return _read_courtlistener(path, text)
    except (AttributeError, TypeError, KeyError) as exc:  # a field of another shape than the API's
        raise DocketError(
            f"{path}: JSON, but not in CourtListener's docket shape ({type(exc).__name__}: {exc})"
        ) from None


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
            _contact(
                a.get("name", ""),
                str(a.get("contact_raw", a.get("contact")) or ""),
                [a["role"]] if isinstance(a.get("role"), str) else a.get("roles") or [],
                name,
            )
            for a in party.get("attorneys") or []
            if isinstance(a, dict) and a.get("name")
        )
        for kind in types:
            parties.append(DocketParty(name, str(kind.get("name") or "Unknown"), contacts))
    judge = data.get("assigned_to_str") or None
    return Docket(
        court=court,
        number=str(data["docket_number"]),
        case_name=str(data.get("case_name") or ""),
        judge=judge,
        judge_is_magistrate=False,
        referred=data.get("referred_to_str") or None,
        parties=parties,
        entries=entries,
        unnumbered=unnumbered,
        source="CourtListener docket",
    )


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
