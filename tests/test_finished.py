"""Drafts Word opens as finished documents: properties, current mode, only the styles used."""

from __future__ import annotations

import re
import zipfile

import pytest


def part(path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("document, title, author, date", [
    ("motion", "MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER", "Jane Q. Counsel", "2012-09-14"),
    ("response", "RESPONSE IN OPPOSITION TO THE ISPS’ MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER",
     "Richard R. Roe", "2012-10-02"),
    ("order-granting", "ORDER GRANTING MOTION FOR RECONSIDERATION OF AUGUST 24, 2012 ORDER",
     "United States District Court for the District of Arizona", "2012-11-13"),
])
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


def test_only_the_styles_the_papers_use(example_drafts):
    styles = part(example_drafts["order-granting"], "word/styles.xml")
    ids = re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles)
    assert len(ids) < 25 and "Heading1Char" not in ids and "Heading1" in ids
    document = part(example_drafts["order-granting"], "word/document.xml")
    used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', document))
    assert used <= set(ids), used - set(ids)
