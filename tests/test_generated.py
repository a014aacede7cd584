"""Ten thousand generated answer files: each drafted exactly, or refused in one clear sentence.

Slow (minutes), so not in the default run:

    python -m pytest -m slow tests/test_generated.py -s

Prints how many files were tried, drafted, refused with a clear error, and
crashed, corrupted or altered (these three must be 0), and how many of a sample
of drafted motions LibreOffice opened.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLES

MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")
FILES = int(os.environ.get("GENERATED_FILES", "10000"))
SAMPLE = 200

# Places in the model a mutation writes to, as (line pattern, kind).
TEXT_SPOTS = [
    ("short_name: the ISPs", "movant short name"),
    ("  - name: John Doe", "defendant"),
    ("      - name: Jane Q. Counsel", "attorney"),
    ("        firm: Counsel & Partners LLP", "firm"),
    ("    represents: Attorneys for Non-Party Movants", "represents"),
]
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:'\"-–—&<>{}%#@!?/()“”‘’éüñ中文עברית🙂"
    "\t\\\x07\x0c\x1b\r\u2028\ufeff*[]^_"
)
NUMBER_FORMS = [
    "0013",
    "13",
    "1_3",
    "0x0D",
    "0o15",
    "1:13",
    "+13",
    "13.0",
    "1e1",
    "10" * 15,
    "-13",
    "yes",
    "~",
    "''",
    "[13]",
    "{a: 13}",
    "!!int 13",
    "*13",
    "&a 13",
]
DATE_FORMS = [
    "2012-08-24",
    "2012-02-30",
    "2012-13-01",
    "9999-12-31",
    "1800-01-01",
    "2012-8-24",
    "24/08/2012",
    "2012-08-24T10:00:00",
    "'2012-08-24'",
    "2012-08-24 00:00",
    "yes",
    "null",
]


def mutate(rng: random.Random) -> tuple[str, str | None]:
    """A mutated answer file, and a text it should print if it drafts (None: no check)."""
    text, expected = MODEL, None
    kind = rng.choice(["text", "text", "number", "date", "structure", "markup"])
    if kind == "text":
        line, _ = rng.choice(TEXT_SPOTS)
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 30)))
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        key = line.split(":")[0]
        if rng.random() < 0.3:  # typed without quotes: a line break would end the value there
            value = re.sub("[\r\n\u2028\u2029\x85]", "", value) or "x"
            quoted = value
        text = text.replace(line, f"{key}: {quoted}", 1)
        expected = " ".join(value.split())
        if rng.random() < 0.5:  # typed text exactly as typed, straight quotes included
            text = text.replace("schema_version: 1\n", "schema_version: 1\ntypography:\n  smart_quotes: false\n", 1)
        else:  # the default: straight quotes print curled, nothing else changes
            from assembler.answers.quotes import smart_quotes

            expected = smart_quotes(expected)
    elif kind == "number":
        target = rng.choice(["  docket: 13\n", "  - number: 18\n", '        bar_number: "012345"\n'])
        key = target.split(":")[0]
        text = text.replace(target, f"{key}: {rng.choice(NUMBER_FORMS)}\n", 1)
    elif kind == "date":
        target = rng.choice(["  date: 2012-08-24\n  title", "  filed: 2012-09-14\n", "  date: 2012-11-13\n"])
        key, rest = target.split(":", 1)
        tail = "\n  title" if rest.endswith("title") else "\n"
        text = text.replace(target, f"{key}: {rng.choice(DATE_FORMS)}{tail}", 1)
    elif kind == "markup":
        snippet = rng.choice(
            [
                "[[99]]",
                "[[18 at 3 (citing [[98]])]]",
                "**bold",
                "*x*",
                "^[note]",
                "^[",
                "[[",
                "]]",
                "[[18 at]]",
                "\\*",
                "{{ 7*7 }}",
                "{_{x}_}",
                "{% x %}",
            ]
        )
        text = text.replace("reconsider and vacate its", f"reconsider {snippet} and vacate its", 1)
        expected = None
    else:
        lines = text.splitlines(keepends=True)
        at = rng.randrange(len(lines))
        op = rng.choice(["delete", "duplicate", "tab", "indent", "truncate", "bytes"])
        if op == "delete":
            del lines[at]
        elif op == "duplicate":
            lines.insert(at, lines[at])
        elif op == "tab":
            lines[at] = "\t" + lines[at]
        elif op == "indent":
            lines[at] = "   " + lines[at]
        elif op == "truncate":
            lines = lines[:at]
        text = "".join(lines)
        if op == "bytes":
            return text[: rng.randrange(len(text))] + "\udcff", None  # written with errors=surrogateescape
    return text, expected


def one(seed: int, folder: str) -> tuple[str, str]:
    """("drafted"|"refused"|"crashed"|"corrupted"|"altered", detail) for one generated file."""
    from assembler import DOCUMENTS, check, text_view
    from assembler.papers.render import docx_bytes

    rng = random.Random(seed)
    text, expected = mutate(rng)
    path = Path(folder) / f"case-{seed}.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    documents = ["motion"] if seed % 10 else list(DOCUMENTS)
    try:  # the one check: what it passes, it has drafted (render writes exactly these)
        report = check(path, documents, explicit=True, unordered=True)
    except Exception as exc:  # noqa: BLE001 - that is what is being counted
        return "crashed", f"{type(exc).__name__}: {exc}"
    if not report.ok:
        message = "\n".join(report.problems)
        clear = bool(message) and "Traceback" not in message and str(path) in message
        return ("refused", message) if clear else ("crashed", f"unclear refusal: {message!r}")
    if sorted(report.drafts) != sorted(documents):
        return "crashed", f"check passed and drafted {sorted(report.drafts)}, not {documents}"
    blob = docx_bytes(report.drafts[documents[0]])
    out = Path(folder) / f"case-{seed}.docx"
    out.write_bytes(blob)
    try:
        with zipfile.ZipFile(out) as archive:
            archive.testzip()
        view = text_view(out)
    except Exception as exc:  # noqa: BLE001
        return "corrupted", f"{type(exc).__name__}: {exc}"
    flat = " ".join(view.split())
    if expected and expected not in flat and expected.upper() not in flat:
        return "altered", f"{expected!r} not in the draft"
    return "drafted", str(out)


def test_generated_files_check_passes_are_drafted_and_the_rest_refused_clearly(tmp_path):
    """The default run's share of the generated files: every one that check passes is drafted
    whole and prints what was typed; every other is refused in clear sentences naming it."""
    results = [one(seed, str(tmp_path)) for seed in range(120)]
    counts = Counter(status for status, _ in results)
    bad = [
        (seed, got, detail) for seed, (got, detail) in enumerate(results) if got in ("crashed", "corrupted", "altered")
    ]
    assert bad == [] and counts["drafted"] > 20 and counts["refused"] > 20, counts


@pytest.mark.slow
def test_ten_thousand_generated_answer_files():
    work = Path(tempfile.mkdtemp(prefix="generated-"))
    try:
        with ProcessPoolExecutor() as pool:
            results = list(pool.map(one, range(FILES), [str(work)] * FILES, chunksize=50))
        counts = Counter(status for status, _ in results)
        drafted = [detail for status, detail in results if status == "drafted"]
        sample = drafted[:: max(1, len(drafted) // SAMPLE)][:SAMPLE]
        pdf = work / "pdf"
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf), *sample],
            capture_output=True,
            timeout=1800,
        )
        opened = sum(1 for path in sample if (pdf / (Path(path).stem + ".pdf")).exists())
        print(
            f"\ntried {FILES}, drafted {counts['drafted']}, refused with a clear error "
            f"{counts['refused']}, crashed {counts['crashed']}, corrupted {counts['corrupted']}, "
            f"altered {counts['altered']}; LibreOffice opened {opened} of a sample of {len(sample)}"
        )
        for status in ("crashed", "corrupted", "altered"):
            for seed, (got, detail) in enumerate(results):
                if got == status:
                    print(f"  {status} (seed {seed}): {detail}")
        assert counts["crashed"] == counts["corrupted"] == counts["altered"] == 0
        assert len(sample) >= min(SAMPLE, len(drafted)) and opened == len(sample)
    finally:
        shutil.rmtree(work, ignore_errors=True)
