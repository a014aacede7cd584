"""Drafts Word opens as finished documents: properties, current mode, only the styles used."""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import EXAMPLES, needs


def part(path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize(
    "document, title, author, date",
    [
        ("motion", "MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER", "Jane Q. Counsel", "2012-09-14"),
        (
            "response",
            "CP PRODUCTIONS’ RESPONSE IN OPPOSITION TO THE ISPS’ MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER",
            "Richard R. Roe",
            "2012-10-02",
        ),
        (
            "order-granting",
            "ORDER GRANTING MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER",
            "United States District Court for the District of Arizona",
            "2012-11-13",
        ),
    ],
)
def test_core_properties_come_from_the_case(example_drafts, document, title, author, date):
    core = part(example_drafts[document], "docProps/core.xml")
    assert f"<dc:title>{title}</dc:title>" in core
    assert f"<dc:creator>{author}</dc:creator>" in core
    assert "<dc:subject>CP Productions, Inc. v. John Doe, No. 2:12-CV-01183-PHX-SLG (District of Arizona)" in core
    assert "<dc:language>en-US</dc:language>" in core
    assert f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}T12:00:00Z' in core
    assert "assembler</dc:creator>" not in core


def test_app_properties_claim_no_pages_and_name_the_program(example_drafts):
    app = part(example_drafts["motion"], "docProps/app.xml")
    assert "<Application>assembler " in app
    assert "Macintosh" not in app and "<Pages>" not in app and "<Words>" not in app


def test_current_mode_no_east_asian_theme_language_no_thumbnail(example_drafts):
    settings = part(example_drafts["motion"], "word/settings.xml")
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert "ja-JP" not in settings
    with zipfile.ZipFile(example_drafts["motion"]) as archive:
        names = archive.namelist()
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


def test_nothing_left_of_python_docx_template(drafts_of):
    """No customXml bibliography part (an empty APA source list) and no proof state "clean"
    (which tells Word the spelling was checked), in any draft."""
    for name in ("cp-productions", "acme-nysd", "doe-defendant-cand"):
        for path in drafts_of(name).values():
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
                types = archive.read("[Content_Types].xml").decode()
                rels = archive.read("word/_rels/document.xml.rels").decode()
                settings = archive.read("word/settings.xml").decode()
            assert not [n for n in names if n.startswith("customXml/")], path
            assert "customXml" not in types + rels and "bibliography" not in types
            assert "proofState" not in settings


def test_a_proposed_order_is_dated_as_lodged_with_the_motion(drafts_of):
    """acme-nysd's orders are proposed (no date of their own): lodged with the motion of
    June 20, 2024, not dated as the order they reconsider (June 5)."""
    for document in ("order-granting", "order-denying"):
        core = part(drafts_of("acme-nysd")[document], "docProps/core.xml")
        assert '<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-20T12:00:00Z' in core
    core = part(drafts_of("cp-productions")["order-granting"], "docProps/core.xml")
    assert "2012-11-13T12:00:00Z" in core  # an order with its own date keeps it


def test_each_draft_has_a_document_id_of_its_own_the_same_every_run(drafts_of, tmp_path):
    from assembler import load_matter, render_matter

    ids = {}
    for name in ("cp-productions", "acme-nysd", "doe-defendant", "doe-defendant-cand"):
        for paper, path in drafts_of(name).items():
            found = re.findall(r'<w14:docId w14:val="([0-9A-F]{8})"/>', part(path, "word/settings.xml"))
            assert len(found) == 1, (name, paper)
            ids[name, paper] = found[0]
    assert len(set(ids.values())) == len(ids) > 20
    again = render_matter(load_matter(EXAMPLES / "acme-nysd.yaml"), tmp_path, ["motion", "order-granting"])
    for path in again:  # the same answers, the same bytes
        assert path.read_bytes() == drafts_of("acme-nysd")[path.stem].read_bytes()


def test_only_the_styles_the_papers_use(example_drafts):
    styles = part(example_drafts["order-granting"], "word/styles.xml")
    ids = re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles)
    from assembler.papers import styles as house

    ours = {s.id for s in (*house.PARAGRAPH_STYLES, *house.CHARACTER_STYLES)}
    words_own = {"DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}  # Word's defaults
    assert set(ids) <= ours | words_own, set(ids) - ours - words_own
    assert "Heading1Char" not in ids and "Heading1" in ids
    document = part(example_drafts["order-granting"], "word/document.xml")
    used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', document))
    assert used <= set(ids), used - set(ids)


@pytest.mark.parametrize("name", ["cp-productions", "doe-defendant-cand", "acme-nysd"])
def test_every_style_a_draft_uses_is_defined(drafts_of, name):
    """Word falls back on Normal for a style it cannot find (the footer's "Footer" once): every
    style named in the body, the headers, the footers and the footnotes is in styles.xml."""
    for path in drafts_of(name).values():
        with zipfile.ZipFile(path) as archive:
            defined = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', archive.read("word/styles.xml").decode()))
            for member in archive.namelist():
                if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", member):
                    used = set(
                        re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', archive.read(member).decode())
                    )
                    assert used <= defined, (path.name, member, used - defined)
        assert "Footer" in defined


def _keeps(paragraph) -> bool:
    """Whether ``paragraph`` keeps with the next: its own setting, else its style's."""
    own = paragraph.paragraph_format.keep_with_next
    return bool(own if own is not None else paragraph.style.paragraph_format.keep_with_next)


def _runs(paragraphs, style):
    """The runs of consecutive paragraphs of ``style``, as lists."""
    runs, run = [], []
    for paragraph in paragraphs:
        if paragraph.style.name == style:
            run.append(paragraph)
        elif run:
            runs, run = runs + [run], []
    return runs + [run] if run else runs


def test_the_signature_keeps_with_the_closing_never_with_the_certificate(example_drafts):
    from docx import Document

    motion = Document(str(example_drafts["motion"])).paragraphs
    closing = next(i for i, p in enumerate(motion) if p.style.name == "Closing")
    assert _keeps(motion[closing]) and motion[closing + 1].style.name == "Signature"
    signature, certificate = _runs(motion[closing + 1 :], "Signature")
    assert [_keeps(p) for p in signature] == [True] * (len(signature) - 1) + [False]
    assert motion[closing + 1 + len(signature)].text == "Certificate of Service"
    # the certificate stays whole: its heading, its text and its /s/ line
    heading = closing + 1 + len(signature)
    assert _keeps(motion[heading]) and _keeps(motion[heading + 1])
    assert certificate[-1].text.startswith("/s/") and not _keeps(certificate[-1])


def test_the_ordered_lead_in_keeps_with_the_first_item_and_the_last_with_the_date(example_drafts):
    from docx import Document

    order = Document(str(example_drafts["order-granting"])).paragraphs
    lead_in = next(i for i, p in enumerate(order) if p.text.endswith("it is ORDERED:"))
    (items,) = _runs(order, "List Number")
    assert len(items) == 3 and order[lead_in + 1].style.name == "List Number" and _keeps(order[lead_in])
    assert [_keeps(p) for p in items] == [False, False, True]
    dated = next(p for p in order if p.text.startswith("DATED this"))
    (signature,) = _runs(order, "Signature")
    assert _keeps(dated) and [_keeps(p) for p in signature] == [True] * (len(signature) - 1) + [False]


def test_the_to_block_stays_whole_and_keeps_with_nothing(drafts_of):
    from docx import Document

    notice = Document(str(drafts_of("acme-nysd")["notice"])).paragraphs
    to = next(i for i, p in enumerate(notice) if p.text == "TO:")
    (block,) = [run for run in _runs(notice, "Block Text") if notice[to] in run]
    assert block[-1].text.startswith("Attorneys for Plaintiff")
    assert [_keeps(p) for p in block] == [True] * (len(block) - 1) + [False]


@pytest.mark.parametrize("name, points", [("cp-productions", 13), ("acme-nysd", 12)])
def test_footnotes_take_the_courts_size(drafts_of, name, points):
    styles = part(drafts_of(name)["motion"], "word/styles.xml")
    footnote = styles[styles.index('w:styleId="FootnoteText"') :]
    assert f'<w:sz w:val="{points * 2}"/>' in footnote[: footnote.index("</w:style>")]


def test_the_grounds_library_uses_real_dashes():
    from assembler.law.grounds import library

    assert not [g.id for g in library().values() if "--" in g.text]


def test_a_rule_quoted_mid_sentence_lowercases_its_first_letter_in_brackets(example_drafts):
    from assembler import text_view

    assert "Under LRCiv 7.2(g), “[t]he Court will ordinarily deny" in text_view(example_drafts["motion"])


NBSP = "\u00a0"


def test_a_long_title_breaks_into_lines_each_no_longer_than_the_one_above():
    from assembler.papers.titles import balanced_breaks, width

    title = f"ORDER GRANTING MOTION FOR RECONSIDERATION OF AUGUST{NBSP}24,{NBSP}2012{NBSP}ORDER"
    breaks = balanced_breaks(title, 13, 468)
    assert [title[: breaks[0]], title[breaks[0] + 1 :]] == [
        "ORDER GRANTING MOTION FOR RECONSIDERATION",
        f"OF AUGUST{NBSP}24,{NBSP}2012{NBSP}ORDER",
    ]
    assert balanced_breaks("MOTION FOR RECONSIDERATION", 13, 468) == []
    # three lines where two do not hold it; never at a non-breaking space
    long = (
        " ".join(["RESPONSE IN OPPOSITION TO THE INTERNET SERVICE PROVIDERS’ MOTION"] * 2)
        + f" OF AUGUST{NBSP}24,{NBSP}2012{NBSP}ORDER"
    )
    cuts = balanced_breaks(long, 13, 468)
    lines = [long[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(long)])]
    assert len(lines) == 3 and all(width(line, 13) <= 468 for line in lines)
    assert [width(line, 13) for line in lines] == sorted((width(line, 13) for line in lines), reverse=True)
    assert lines[-1].endswith(f"AUGUST{NBSP}24,{NBSP}2012{NBSP}ORDER")


@needs("soffice")
@needs("pdftotext")
@pytest.mark.xdist_group("example_pdfs")
def test_titles_print_on_the_lines_the_draft_sets(example_pdfs):
    import subprocess

    expected = {
        "response": [
            "CP PRODUCTIONS’ RESPONSE IN OPPOSITION TO THE ISPS’ MOTION",
            "FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER",
        ],
        "order-granting": ["ORDER GRANTING MOTION FOR RECONSIDERATION", "OF AUGUST 24, 2012 ORDER"],
    }
    for name, (first, second) in expected.items():
        text = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(example_pdfs[name]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(NBSP, " ")
        lines = [line.strip() for line in text.splitlines()]
        assert lines[lines.index(first) + 1] == second, lines
