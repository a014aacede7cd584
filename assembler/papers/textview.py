"""A stable text view of a .docx, for golden files and tests.

Each body paragraph as ``[Style] text`` (table cells prefixed ``| ``), run
formatting as ``*italic*``, ``**bold**`` and ``^superscript^``, footnote
references as ``[^n]`` numbered in reading order as Word numbers them, and then
the footnotes.  It reads the saved file, as any other reader would; a
non-breaking space reads as a space.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _styles(archive: zipfile.ZipFile) -> dict[str, str]:
    root = etree.fromstring(archive.read("word/styles.xml"))
    names = {}
    for style in root.iter(f"{W}style"):
        name = style.find(f"{W}name")
        label = name.get(f"{W}val") if name is not None else style.get(f"{W}styleId")
        names[style.get(f"{W}styleId")] = label.title() if label.islower() else label
    return names


def _flag(rpr: etree._Element | None, tag: str) -> bool:
    if rpr is None:
        return False
    node = rpr.find(f"{W}{tag}")
    return node is not None and node.get(f"{W}val", "true") not in ("0", "false")


def _paragraph(p: etree._Element, refs: dict[str, int], br: str = "\n") -> str:
    out = []
    for r in p.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        text = ""
        for child in r:
            if child.tag == f"{W}t":
                text += child.text or ""
            elif child.tag == f"{W}tab":
                text += "\t"
            elif child.tag == f"{W}br":
                text += br
            elif child.tag == f"{W}footnoteReference":
                note_id = child.get(f"{W}id")
                refs.setdefault(note_id, len(refs) + 1)
                text += f"[^{refs[note_id]}]"
        if not text:
            continue
        if "[^" not in text:
            valign = rpr.find(f"{W}vertAlign") if rpr is not None else None
            if valign is not None and valign.get(f"{W}val") == "superscript":
                text = f"^{text}^"
            if _flag(rpr, "i"):
                text = f"*{text}*"
            if _flag(rpr, "b"):
                text = f"**{text}**"
        out.append(text)
    return "".join(out)


def _style(p: etree._Element, styles: dict[str, str]) -> str:
    ps = p.find(f"{W}pPr/{W}pStyle")
    return styles.get(ps.get(f"{W}val"), ps.get(f"{W}val")) if ps is not None else "Normal"


def text_view(path: Path | str, *, line_break: str = "\n") -> str:
    """The text view of the .docx at ``path`` (a line break inside a paragraph as ``line_break``)."""
    with zipfile.ZipFile(path) as archive:
        styles = _styles(archive)
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        notes_xml = archive.read("word/footnotes.xml") if "word/footnotes.xml" in archive.namelist() else None
    refs: dict[str, int] = {}
    lines = []
    for block in body:
        if block.tag == f"{W}p":
            lines.append(f"[{_style(block, styles)}] {_paragraph(block, refs, line_break)}".rstrip())
        elif block.tag == f"{W}tbl":
            for row_index, row in enumerate(block.iter(f"{W}tr")):
                for cell_index, cell in enumerate(row.iter(f"{W}tc")):
                    for p in cell.iter(f"{W}p"):
                        text = _paragraph(p, refs)
                        lines.append(f"| r{row_index + 1}c{cell_index + 1} [{_style(p, styles)}] {text}".rstrip())
    if notes_xml is not None and refs:
        lines.append("")
        lines.append("--- footnotes ---")
        notes = {n.get(f"{W}id"): n for n in etree.fromstring(notes_xml).iter(f"{W}footnote")}
        for note_id, number in sorted(refs.items(), key=lambda item: item[1]):
            note = notes.get(note_id)
            text = " ".join(_paragraph(p, {}) for p in note.iter(f"{W}p")).strip() if note is not None else "(missing)"
            lines.append(f"[^{number}]: {text}")
    # Non-breaking spaces (in dates, "ECF No. 18", titles) read as spaces here, as a reader
    # sees them; tests/test_finished.py checks them in the XML.
    return "\n".join(lines).replace("\u00a0", " ") + "\n"
