"""The clerk's text made fit to print: the one place that cleans docket descriptions and names.

The import keeps an entry's title as the docket prints it, less the clerk's
bookkeeping (``clean_title``: the "(Entered: ...)" tail, attachment lists, the
filer's tail, fee and receipt text); a party's name loses the clerk's
honorific (``plain_name``: "Ms. Sonja Krusic O'Donnell").  A sentence of the
background goes further (``told_title``): the clerk's ALL-CAPS event words
("MOTION for", "ORDER denying") in the papers' capitals, the names of the
parties as the answers write them, a docket number in running text as the
court's reference to the entry, and the Latin the papers italicize.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# a period that ends a sentence, not an initial ("Gregory H. Woods") or "No.", "Inc.", "Esq."
_NOT_AN_ABBREVIATION = "".join(
    f"(?<!{a})"
    for a in (
        r"\s[A-Z]",
        r"\bNo",
        r"\bNos",
        r"\bInc",
        r"\bCo",
        r"\bCorp",
        r"\bLtd",
        r"\bJr",
        r"\bSr",
        r"\bEsq",
        r"\bMr",
        r"\bMs",
        r"\bDr",
        r"\bSt",
        r"\bv",
        r"\bvs",
        r"\bDkt",
        r"\bDoc",
        r"\bU\.S",
    )
)

# fee and receipt text: "Filing fee: $ 400, receipt number 0101-6856303 (Fee Status: Filing Fee
# paid)" (D. Mass.), "(Filing Fee $ 402.00, Receipt Number ANYSDC-23154034)" (S.D.N.Y.)
_FEE_IN_PARENTHESES = re.compile(r"(?i)\s*\((?:[^()]*?\b)?(?:filing fee|fee status|receipt number)\b[^()]*\)")
_FEE = re.compile(r"(?i)[\s,;]*\bfiling fee:?\s*\$\s*[\d,.]*\d(?:\s*,?\s*receipt number:?\s*[\w-]+)?")
_RECEIPT = re.compile(r"(?i)[\s,;]*\b(?:receipt number:?|fee pd\.?,?)\s*[\w-]+")  # "Fee pd., 6-1-10829" (E.D. Tex.)


def clean_title(description: str) -> str:
    """The clerk's description as an entry's title: without the "(Entered: ...)" tail, attachment
    lists, "Document filed by ..." and fee and receipt text."""
    text = " ".join(description.split())
    text = re.sub(r"\s*\(Entered: [^)]*\)\s*$", "", text)
    text = re.sub(r"\s*\(Attachments: [^)]*(?:\([^)]*\)[^)]*)*\)", "", text)
    text = re.sub(r"\s*Modified on \d{1,2}/\d{1,2}/\d{4}[^.]*\.?", "", text)
    text = re.sub(r"\s*\((?:[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)*, [A-Z][\w'. -]+|[a-z]{2,4}|[a-z]{2,4}, ?)\)\s*$", "", text)
    text = _FEE_IN_PARENTHESES.sub("", text)
    text = _RECEIPT.sub("", _FEE.sub("", text))
    text = re.sub(r"\s*\.?\s*Document filed by [^.]*\.*\s*$", "", text)
    text = re.sub(r"\s*,?\s*filed by [A-Z][^.()]*\.?\s*$", "", text)
    text = text.strip().rstrip(".,;").strip()
    if len(text) > 160:  # an order's whole text: its first sentence names it
        # the first sentence, or the part before a colon ("NOTICE OF CONFERENCE: ...") -- not "re:"
        cut = re.search(r"^(.{20,160}?)(?:(?<![Rr]e)(?<!RE):\s|" + _NOT_AN_ABBREVIATION + r"\.\s+(?=[A-Z(]))", text)
        text = cut.group(1).rstrip(".") if cut else text[:160].rsplit(" ", 1)[0] + " …"
    return text or description.strip()


_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)+")


def plain_name(name: str) -> str:
    """A party's name without the clerk's honorific ("Ms. Sonja Krusic O'Donnell")."""
    name = " ".join(name.split())
    return _HONORIFIC.sub("", name) or name


# CM/ECF's event words, which the clerk's text prints in capitals ("MEMORANDUM OF LAW in Opposition")
_EVENT_WORDS = (
    "amended answer appeal brief complaint counterclaim conference consent counter declaration emergency "
    "judgment joint jury demand law letter memorandum motion notice objection opinion opposition order "
    "petition reply request response statement stipulation summons supplemental transcript"
).split()
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "re", "the", "to", "with"}
_ACRONYMS = {"ECF", "FRCP", "LLC", "LLP", "PDF", "PLLC", "USA", "US", "ADR", "ERISA", "FLSA"}
# the Latin the papers italicize (the model order writes "*Ex Parte* Motion")
_LATIN = ("ex parte", "in camera", "in limine", "nunc pro tunc", "pro hac vice", "pro se", "sua sponte")
_MARKUP_SPECIAL = re.compile(r"([\\*\[\]^])")


def _word(word: str, first: bool) -> str:
    bare = word.strip(".,;:()")
    if bare in _ACRONYMS or not bare.isalpha():
        return word
    if bare.lower() in _SMALL and not first:
        return word.lower()
    return word[: len(word) - len(word.lstrip(".,;:()"))] + word.lstrip(".,;:()").capitalize()


def uncapped(text: str, names: Iterable[str] = ()) -> str:
    """``text`` without the clerk's capitals: the leading run of ALL-CAPS words and every event
    word in capitals in the papers' title case, and each of ``names`` (the parties, as the answers
    write them) in place of its capitals."""
    words = text.split(" ")
    out: list[str] = []
    leading = True
    for index, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        caps = len(letters) > 1 and all(c.isupper() for c in letters)
        if leading and caps:
            out.append(_word(word, index == 0))
            continue
        if letters:
            leading = leading and not letters  # the first word with a small letter ends the run
            leading = False
        if caps and word.strip(".,;:()").lower() in _EVENT_WORDS:
            out.append(_word(word, False) if word.strip(".,;:()").lower() not in _SMALL else word.lower())
        else:
            out.append(word)
    text = " ".join(out)
    for name in names:
        if name.rstrip("."):  # "HORNBLOWER GROUP, INC" (the clerk's period is the sentence's)
            proper = name.rstrip(".")
            text = text.replace(proper.upper(), proper)
    return text


def told_title(title: str, names: Iterable[str] = ()) -> str:
    """An entry's title as a sentence of the background tells it, in the answers' markup: cleaned
    (``clean_title``), its first sentence, uncapped, docket numbers in running text as references
    (``[[@48]]``), the filer's "by <party>" tail left to the sentence, and the Latin in italics."""
    names = [plain_name(n) for n in names if n]
    text = clean_title(title)
    cut = re.search(r"^(.+?)" + _NOT_AN_ABBREVIATION + r"\s?\.\s+(?=[A-Z(])", text)
    if cut:  # "ORDER denying 48 . Plaintiff's application ... is denied": its first sentence
        text = cut.group(1)
    for name in names:  # "MOTION to Strike 1 Complaint, by Trustees of Deerfield Academy"
        text = re.sub(r"(?i),?\s+by\s+" + re.escape(name) + r"\.?$", "", text)
    text = re.sub(r"\s+filed$", "", text.rstrip(" .,;"))  # "CIVIL COVER SHEET filed"
    text = uncapped(text, names)
    text = _MARKUP_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"(?i)\bre;\s", "re: ", text)
    # "granting 41 Letter Motion" -> "granting the Letter Motion"; "denying 48" -> "denying [[@48]]"
    text = re.sub(r"(?<=[A-Za-z;:] )(?<!Rule )(?<!No\. )(?<!Nos\. )\d+ (?=[A-Z][a-z])", "the ", text)
    text = re.sub(r"\b([Gg]ranting|[Dd]enying|[Rr]e:)\s+(\d+)\b(?!\s+[A-Z]|[\w/.-])", r"\1 [[@\2]]", text)
    text = re.sub(r"(\]\] and) (\d+)\b(?![\w/.,])", r"\1 [[@\2]]", text)  # "granting 30 and 31"
    text = re.sub(r"\[\[@(\d+)\]\] and \[\[@\1\]\]", r"[[@\1]]", text)  # the clerk's "granting 30 and 30"
    for latin in _LATIN:
        text = re.sub(r"(?i)(?<![\w*])(" + re.escape(latin) + r")(?![\w*])", r"*\1*", text)
    return text.strip()
