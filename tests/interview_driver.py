"""A scripted user for the interview: answers every prompt from an existing answer file.

It stands where a person would, behind the one asking seam, so the flow is
tested without a terminal; the same script, recorded, drives the real command
in a pseudo-terminal.  It answers as a lawyer following the interview would:
yes to a "more about it?" where the example gives one of the fields it opens;
the story's docket entries in the list, the motion, the response and the reply
when the interview asks which entries they are; an entry's questions from the
example's entry of the same number, whatever its place in the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assembler.answers.reader import value_at
from assembler.interview.prompts import Prompt

PAPERS = ("motion", "response", "reply")


class ExampleUser:
    """Answers from ``data`` (an example's answers); ``file`` is the interview's AnswerFile."""

    def __init__(self, data: dict[str, Any], overrides: dict[str, Any] | None = None) -> None:
        self.data = data
        self.file: Any = None
        self.overrides = dict(overrides or {})
        self.log: list[tuple[Prompt, Any]] = []
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def ask(self, prompt: Prompt) -> Any:
        answer = self._answer(prompt)
        if callable(answer):
            answer = answer(prompt)
        if isinstance(answer, BaseException) or (isinstance(answer, type) and issubclass(answer, BaseException)):
            raise answer
        if prompt.check is not None and isinstance(answer, str):
            verdict = prompt.check(answer)
            assert verdict is True, f"{prompt.key}: {answer!r} refused: {verdict}"
        self.log.append((prompt, answer))
        # an interview that asks one question over and over (an answer it will not take) fails
        # here, instead of growing the log until the machine runs out of memory
        assert len(self.log) < 5000, f"{prompt.key}: asked again and again (last answer {answer!r})"
        return answer

    def _get(self, path: tuple) -> Any:
        return value_at(self.data, path)

    @staticmethod
    def _path(dotted: str) -> tuple:
        return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))

    def _entry(self, path: tuple) -> tuple:
        """A docket entry's question answered from the example's entry of the same number (or,
        before its number is given, of its role): entries need not come in the example's order."""
        if len(path) < 2 or path[0] != "docket" or not isinstance(path[1], int) or self.file is None:
            return path
        rows = self.file.get(("docket",)) or []
        row = rows[path[1]] if path[1] < len(rows) and isinstance(rows[path[1]], dict) else {}
        entries = self.data.get("docket", [])
        for index, entry in enumerate(entries):
            if (row.get("number") is not None and entry.get("number") == row["number"]) or (
                row.get("number") is None and row.get("role") and entry.get("role") == row["role"]
            ):
                return ("docket", index, *path[2:])
        if not row:  # a new entry of the list: the example's next one, but for the three papers,
            listed = {r.get("number") for r in rows if isinstance(r, dict)}  # named when asked for
            index = next(
                (
                    i
                    for i, entry in enumerate(entries)
                    if entry.get("number") not in listed and entry.get("role") not in PAPERS
                ),
                len(entries),
            )
            return ("docket", index, *path[2:])
        return path

    def _given(self, dotted: str, default: Any) -> bool:
        value = self._get(self._entry(self._path(dotted)))
        return value not in (None, "", [], {}) and value != default

    def _count(self, key: str) -> int:
        return len(self.file.get(tuple(int(p) if p.isdigit() else p for p in key.split("."))) or [])

    def _answer(self, prompt: Prompt) -> Any:
        key = prompt.key
        if key in self.overrides:
            value = self.overrides[key]
            if isinstance(value, list) and value and key.startswith("seq:"):
                return value.pop(0)
            return value
        if key.startswith("menu:"):
            target = key[5:]
            want = len(self._get(tuple(int(p) if p.isdigit() else p for p in target.split("."))) or [])
            return "add" if self._count(target) < want else "done"
        if key == "more:parties:caption":  # yes where the example describes a party, names others, ...
            parties = self.data.get("parties") or {}
            return bool(
                parties.get("others")
                or parties.get("et_al")
                or parties.get("in_re")
                or any(p.get("description") for side in ("plaintiffs", "defendants") for p in parties.get(side) or [])
            )
        if key.startswith("more:"):  # yes where the example gives one of the fields it opens
            # (the motion's, the response's and the reply's entries are named when drafting needs them)
            given = [
                path
                for path, default in prompt.opens.items()
                if self._given(path, default)
                and not (path.endswith(".role") and self._get(self._entry(self._path(path))) in PAPERS)
            ]
            if prompt.kind == "checkbox":  # several fields: those the example gives
                return [o.value for o in prompt.options if o.value in given]
            return bool(given)
        if key == "guesses":
            return "keep"
        if key.startswith("role:"):  # which entry is the motion (the response, the reply)
            wanted = next((e for e in self.data.get("docket", []) if e.get("role") == key[5:]), None)
            if wanted is None:
                return None
            listed = next((o.value for o in prompt.options if o.title.startswith(f"docket {wanted['number']}:")), None)
            return listed if listed is not None else "new"
        if key == "background:docket":  # the entries whose background the example tells
            told = {e["number"] for e in self.data.get("docket", []) if e.get("background")}
            rows = self.file.get(("docket",)) or []
            return [o.value for o in prompt.options if rows[o.value].get("number") in told]
        if key.startswith("pick:"):  # the example's first grounds, as far as the library lists
            offered = [o.value for o in prompt.options]  # them in the example's order (a checkbox
            picked: list[str] = []  # returns its picks in the order of its options)
            for ground in self.data.get(key[5:]) or []:
                if ground["id"] not in offered or (picked and offered.index(ground["id"]) < offered.index(picked[-1])):
                    break
                picked.append(ground["id"])
            return picked
        if key.startswith("add:"):
            wanted = self.data.get(key[4:]) or []
            if self._count(key[4:]) >= len(wanted):
                return None  # no more grounds
            ground = wanted[self._count(key[4:])]
            from assembler.law.grounds import library

            return ground["id"] if ground["id"] in library() else ""
        if key.startswith("keep:"):
            return True
        if key.startswith("add-cited:"):
            return False  # the example lists its entries in docket order, later in the loop
        if key == "movant.parties":
            side = self.data["movant"]["side"]
            return [
                o.value
                for o in prompt.options
                if o.value[0] == side and o.value[1]["name"] in self.data["movant"]["name"]
            ]
        if key in ("opposition.draft", "ruling.draft"):
            return bool(self.data.get(key.split(".")[0]))
        if key in ("motion.declaration.draft", "response.declaration.draft"):  # a side's declaration
            return self._get(self._path(key)[:-1]) is not None
        if key == "ruling.form.usual":  # the court's shape unless the example gives its own
            return not (self.data.get("ruling") or {}).get("form")
        if key == "review":
            return "finish"
        if key == "draft":
            return False
        path = self._path(key)
        if key.startswith("docket.") and key.endswith(".print"):  # how the background prints
            entry = self._get(self._entry(path[:-1])) or {}
            if entry.get("party_background"):
                return "parties"
            return ("dated" if entry.get("dated", True) else "undated") + (
                "-continues" if entry.get("continues") else ""
            )
        value = self._get(self._entry(path))
        if prompt.kind == "confirm":
            return prompt.default if value is None else bool(value)
        if prompt.kind == "select":
            return prompt.default if value is None else value
        if prompt.kind == "checkbox":
            return list(value or [])
        if value is None:
            return prompt.default or ""  # Enter: the default, or nothing for an optional question
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)
