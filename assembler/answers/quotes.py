"""Curly quotes for the straight ones a user types, so one paper never mixes the two.

Our own wording is set with real quotation marks and apostrophes; text typed
on a keyboard usually is not ("Plaintiff's *Ex Parte* Motion").  The pass is
on by default (``typography.smart_quotes``); turned off, typed text prints
exactly as typed.  It leaves alone what is not prose: the case number,
e-mail addresses, telephone and bar numbers.
"""

from __future__ import annotations

import re
from typing import Any

from assembler.answers.model import Answers

_NOT_PROSE = {("case", "number"), ("email",), ("phone",), ("bar_number",)}


def smart_quotes(text: str) -> str:
    """``text`` with straight quotes curled: “…”, ‘…’ and ’ for an apostrophe.

    Each quote is read by its neighbours in the text as typed; only the quotes are visited
    (the rest is copied in slices), so a long text with few quotes costs little."""
    out: list[str] = []
    last = 0
    for match in _STRAIGHT.finditer(text):
        index = match.start()
        # a quote right after another is read by what that one became: “‘nested’”
        before = (out[-1] if last == index else text[index - 1]) if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        opening = before == "" or before.isspace() or before in "([{\u2014\u2013/-\u201c\u2018"
        if match.group() == '"':
            curled = "\u201c" if opening and after and not after.isspace() else "\u201d"
        elif opening and after and (after.isalpha() or after in '"\u201c'):
            curled = "\u2018"
        else:  # an apostrophe (Plaintiff's, '90s, Defendants') or a closing quote
            curled = "\u2019"
        out += (text[last:index], curled)
        last = index + 1
    out.append(text[last:])
    return "".join(out)


_STRAIGHT = re.compile("[\"']")


def _curl(value: Any, path: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        skip = any(path[-len(tail) :] == tail for tail in _NOT_PROSE)
        return value if skip or ("'" not in value and '"' not in value) else smart_quotes(value)
    if isinstance(value, dict):
        return {key: _curl(item, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_curl(item, path) for item in value]
    return value


def curl_answers(answers: Answers) -> Answers:
    """The answers with every typed text curled, when the answers ask for it (the default)."""
    if not answers.typography.smart_quotes:
        return answers
    data = answers.model_dump(mode="python", exclude_unset=True)
    curled = _curl(data, ())
    return answers if curled == data else Answers.model_validate(curled)
