"""No-break spaces inside citations, so that a line never ends in the middle of one.

"Fed. R. Civ. P. 54(b)", "L.R. 7-9", "28 U.S.C. § 636(c)(1)", "5 F.3d 1255" and a
case number's judge's initials ("1:24-cv-05678 (ABC)") are each set as one
unit: the spaces inside them become no-break spaces.  ``nobreak`` is applied
to the text of every run as it is written (``wordxml.run``) and to the text
the templates print (``wordxml.keep_citations_whole``); ordinary prose keeps
its spaces.  Each pattern below matches a citation up to the first digit of
its number, so a pin cite after a comma ("877, 890") may still break.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# a reporter's abbreviation, in one to four words: "F.3d", "F. Supp. 2d", "S. Ct.", "F.R.D.",
# "F. App’x", "WL", "U.S. Dist. LEXIS"
_REPORTER_WORD = r"(?:[A-Z][A-Za-z]*\.(?:[A-Z][A-Za-z]*\.|\d(?:d|th))*|[1-9](?:d|th)|App[’']x|WL|LEXIS)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Fed. R. Civ. P. 54(b), Fed. R. App. P. 4, Fed. R. Evid. 702
    ("federal rule", re.compile(r"\bFed\. R\. (?:(?:Civ|Crim|App|Bankr)\. P\.|Evid\.) \d")),
    # Civil L.R. 7-9, L.R. 7.1, L. Civ. R. 7.1(i), LRCiv 7.2(g), LR 7.1, Local Civil Rule 6.3,
    # Local Rule CV-7(k), Rule 26(f), Rules 59(e)
    (
        "court rule",
        re.compile(
            r"\b(?:(?:Civil|Civ\.|Criminal|Crim\.) L\. ?R\.|L\. ?R\.|L\. (?:Civ|Cv|Cr)\. R\.|LRCiv|LRCrim|LR|"
            r"Local (?:Civil |Criminal |Patent |Admiralty )?Rules?|Rules?) (?:[A-Z]{1,3}-)?\d"
        ),
    ),
    # 28 U.S.C. § 636(c)(1), 37 C.F.R. § 1.56; a section alone: § 636(c), §§ 1331
    ("statute", re.compile(r"\b\d+ (?:U\.S\.C\.(?:A\.)?|C\.F\.R\.) (?:§§? )?\d")),
    ("section", re.compile(r"§§? \d")),
    # 5 F.3d 1255, 282 F.R.D. 189, 123 F. Supp. 2d 456, 2012 WL 123456
    ("reporter", re.compile(rf"\b\d{{1,4}} {_REPORTER_WORD}(?: {_REPORTER_WORD}){{0,3}} \d")),
    # a case number's initials: 1:24-cv-05678 (ABC), 06 Civ. 1405 (LAK) (KNF)
    ("case number", re.compile(r"\d(?: \([A-Z]{2,5}\))+")),
)


# every pattern's match holds one of these: a space before a number (or a rule's "CV-7"),
# or a number before a judge's initials; a text without any is left as it is, untouched
_ANY = re.compile(r" (?:[A-Z]{1,3}-)?\d|\d \(")


def _join(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", NBSP)


# what a text must hold for each pattern to match in it: a cheap test, pattern by pattern
_NEEDS: dict[str, tuple[str, ...]] = {
    "federal rule": ("Fed. R. ",),
    "court rule": ("R",),
    "statute": ("U.S.C.", "C.F.R."),
    "section": ("§",),
    "case number": (" (",),
}


# the texts already done: the same typed text and library text is set in every paper of a
# set and in every case of a batch; bounded (emptied when full)
_DONE: dict[str, str] = {}
_DONE_MAX = 20_000


def nobreak(text: str) -> str:
    """``text`` with the spaces inside its citations made no-break spaces."""
    if " " not in text:
        return text
    done = _DONE.get(text)
    if done is not None:
        return done
    out = text
    if _ANY.search(text) is not None:
        for name, pattern in PATTERNS:
            needs = _NEEDS.get(name)
            if needs is None or any(part in out for part in needs):
                out = pattern.sub(_join, out)
    if len(_DONE) >= _DONE_MAX:
        _DONE.clear()
    _DONE[text] = out
    return out
