"""Case citations in what the papers say: parsed with eyecite, checked against the library's history.

``findings`` reads a text for case citations and says, for each that needs a
lawyer's look: one in a form other than its reporter's standard ("5 F. 3d 1255":
eyecite's normalized "5 F.3d 1255" is offered), one whose reporter eyecite does
not know (a full citation's shape, "12 Foo. Rptr. 45 (D. Ariz. 2001)", that it
cannot parse), and a decision that ``data/case-history.yaml`` marks vacated or
reversed, cited without that history.  eyecite (the Free Law Project's parser,
with its reporter database installed beside it; it downloads nothing) is
imported only for a text that holds something shaped like a citation (its
import costs more than the rest of ``check``), and what it reads is kept in the
user's cache folder (``settings.cache_dir``), so that a text checked again does
not need it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from assembler import kept, packaged
from assembler.errors import Problem

if TYPE_CHECKING:
    from assembler.answers.matter import Matter

# something shaped like "<volume> <Reporter> <page>": no text without one needs eyecite (the
# lookahead on a digit lets the search skip the letters of a long text)
_SHAPE = re.compile(r"(?=\d)\b\d{1,4}\s+[A-Z][\w.'’]*(?:\s+[\w.'’§]+){0,4}?\s+\d{1,5}\b")
# a full case citation's shape, reporter and all, down to its parenthetical's year
_FULL = re.compile(
    r"\b\d{1,4} (?P<reporter>[A-Z][A-Za-z.'’]*(?: [A-Za-z0-9.'’]+){0,4}?) \d{1,5}"
    r"(?:, \d+(?:[-–]\d+)?(?: n\.\d+)?)* \([^()]{0,60}?\b(?:1[789]|20)\d\d\)"
)
_HISTORY = re.compile(
    r"^\s*,?\s*[*_]?(?:vacated|rev[’']d|reversed|overruled|abrogated|vacating|aff[’']d in part)", re.I
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(_Strict):
    name: str
    court: str
    year: int


class Decision(_Strict):
    name: str
    match: Match
    history: Literal["vacated", "reversed"]
    by: str
    decided: dt.date  # the day of that history: papers dated before it are not warned
    source: str


class HistoryFile(_Strict):
    cases: list[Decision]


@functools.cache
def history() -> tuple[Decision, ...]:
    """The decisions ``data/case-history.yaml`` marks vacated or reversed."""
    return tuple(packaged.load("case-history.yaml", HistoryFile).cases)


@dataclass(frozen=True)
class Finding:
    text: str  # the citation as written
    message: str


def findings(text: str, *, parse: bool = True, dated: dt.date | None = None) -> list[Finding]:
    """What a lawyer should look at in the case citations of ``text`` (``parse=False``: the
    subsequent history only, without eyecite), in papers dated ``dated`` (None: today's law)."""
    out = _history(text, dated)
    if parse and _SHAPE.search(spaced := text.replace("\u00a0", " ")):
        out = _parsed(spaced) + out
    return out


_CONTEXT = 200  # characters around a citation's shape that eyecite is given to read


def _parsed(text: str) -> list[Finding]:
    """eyecite's reading of the stretches of ``text`` around each thing shaped like a citation
    (eyecite reads about 150 kB a second: a 2 MB text whole would take many seconds)."""
    out: list[Finding] = []
    for start, end in _windows(text):
        for finding in _parsed_window(text[start:end]):
            if finding not in out:  # the same citation, written the same way, warned once
                out.append(finding)
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _SHAPE.finditer(text):
        start, end = max(0, match.start() - _CONTEXT), min(len(text), match.end() + _CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=4096)
def _parsed_window(text: str) -> tuple[Finding, ...]:
    out = []
    spans = []
    for kind, start, end, written, normal in _read(text):
        spans.append((start, end))
        if kind == "case" and written != normal:
            out.append(
                Finding(written, f"the case citation “{written}” is not in its reporter's standard form: “{normal}”")
            )
    for match in _FULL.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in spans):
            written = match.group(0)
            out.append(
                Finding(
                    written,
                    f"“{written}” looks like a case citation, but “{match.group('reporter')}” is not a "
                    "reporter eyecite knows: check the citation",
                )
            )
    return tuple(out)


Reading = tuple[str, int, int, str, str]  # kind ("case" or other), span, as written, normalized


def _read(text: str) -> list[Reading]:
    """eyecite's citations of ``text``: from the cache of earlier runs where it has them (eyecite's
    import costs a second; a text checked again needs none), else read now and kept."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cache = _cache()
    if key in cache:
        return [tuple(item) for item in cache[key]]
    readings: list[Reading] = []
    for citation in _citations(text):
        full = type(citation).__name__ == "FullCaseCitation"
        start, end = citation.span()
        written = citation.matched_text()
        normal = citation.corrected_citation() if full else written
        readings.append(("case" if full else "other", start, end, written, normal))
    cache[key] = readings
    _save(cache)
    return readings


def _citations(text: str) -> list[Any]:
    from eyecite import get_citations  # imported here: a second or so, paid only when needed

    return list(get_citations(text))


_CACHE_MAX = 20_000  # stretches of text; the oldest go first


def _store() -> str:
    # another eyecite, or its reporters' data, reads afresh
    return f"eyecite-{kept.version('eyecite', 'eyecite')}-{kept.version('reporters-db', 'reporters_db')}"


def _cache() -> dict[str, Any]:
    return kept.store(_store())


def _save(cache: dict[str, Any]) -> None:
    """Keep the cache for the next run; a cache that cannot be written is no error."""
    kept.save(_store(), cache, _CACHE_MAX)


def _history(text: str, dated: dt.date | None) -> list[Finding]:
    out = []
    for decision in history():
        if dated is not None and dated < decision.decided:
            continue
        at = decision.match
        for found in re.finditer(re.escape(at.name), text):
            paren = re.compile(rf"\({re.escape(at.court)}[^()]*\b{at.year}\)")
            cite = paren.search(text, found.end(), found.end() + 200)
            if cite is None or _HISTORY.match(text[cite.end() :]):
                continue
            out.append(
                Finding(
                    decision.name,
                    f"it cites {decision.name}, which was {decision.history} ({decision.by}), without "
                    f"that subsequent history: add “, {decision.history}, {decision.by}” or cite another case",
                )
            )
    return out


def library_texts() -> dict[str, str]:
    """Each library ground's text and authorities, by id, as ``findings`` reads them."""
    from assembler.law.grounds import library

    return {ground_id: "\n".join((g.text, *g.authorities)) for ground_id, g in library().items()}


def warnings(matter: Matter) -> list[Problem]:
    """The findings of every text the answers give (each at its field and line) and of the
    library texts the case's grounds use (their subsequent history: ``tests/test_caselaw.py``
    holds the library's citations to eyecite, so that ``check`` need not parse them again)."""
    from assembler.answers.matter import _markup_fields

    a = matter.answers
    dated = max(d for d in (a.order.date, a.motion.filed, a.response.filed, a.reply.filed) if d is not None)
    out = []
    for path, value in _markup_fields(matter.answers, ()):
        out += [matter.source.problem(f.message, path) for f in findings(value, dated=dated)]
    texts = library_texts()
    for key in ("grounds", "opposition"):
        for index, ground in enumerate(getattr(matter.answers, key)):
            if ground.text is None and ground.id in texts:
                for f in findings(texts[ground.id], parse=False, dated=dated):
                    out.append(matter.source.problem(f"the library's text of {ground.id}: {f.message}", (key, index)))
    return out
