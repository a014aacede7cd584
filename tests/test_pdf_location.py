"""Where --pdf finds LibreOffice: ASSEMBLER_SOFFICE, PATH, then the installers' own places."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assembler.errors import OutputError
from assembler.papers import pdf


def program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_path(tmp_path, monkeypatch) -> Path:
    """Nothing on PATH, no ASSEMBLER_SOFFICE, and a home of its own."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("ASSEMBLER_SOFFICE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return empty


def test_on_path_soffice_is_found_first(no_path):
    found = program(no_path / "soffice")
    program(no_path / "libreoffice")
    assert pdf.soffice() == str(found)


def test_libreoffice_on_path_is_found_too(no_path):
    found = program(no_path / "libreoffice")
    assert pdf.soffice() == str(found)


def test_assembler_soffice_wins_over_path(no_path, tmp_path, monkeypatch):
    program(no_path / "soffice")
    chosen = program(tmp_path / "opt" / "lo" / "soffice")
    monkeypatch.setenv("ASSEMBLER_SOFFICE", str(chosen))
    assert pdf.soffice() == str(chosen)


def test_assembler_soffice_may_name_a_program_on_path(no_path, monkeypatch):
    found = program(no_path / "soffice-7.6")
    monkeypatch.setenv("ASSEMBLER_SOFFICE", "soffice-7.6")
    assert pdf.soffice() == str(found)


@pytest.mark.parametrize("value", ["missing/soffice", "folder"])
def test_an_assembler_soffice_that_is_not_a_program_is_one_sentence(no_path, tmp_path, monkeypatch, value):
    (tmp_path / "folder").mkdir()
    program(no_path / "soffice")  # not used: the variable says where, and it is wrong
    monkeypatch.setenv("ASSEMBLER_SOFFICE", str(tmp_path / value))
    with pytest.raises(OutputError, match="ASSEMBLER_SOFFICE is .*, which is not a program"):
        pdf.soffice()


def test_on_macos_the_application_folder_is_looked_in(no_path, tmp_path, monkeypatch):
    assert pdf.usual_places("darwin", {})[0] == Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    monkeypatch.setattr(sys, "platform", "darwin")
    app = program(tmp_path / "home" / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert pdf.soffice() == str(app)


def test_on_windows_program_files_is_looked_in(no_path, tmp_path, monkeypatch):
    assert pdf.usual_places("win32", {}) == [Path("C:\\Program Files", "LibreOffice", "program", "soffice.exe")]
    places = pdf.usual_places(
        "win32",
        {
            "ProgramFiles": "C:\\Program Files",
            "ProgramW6432": "C:\\Program Files",
            "ProgramFiles(x86)": "C:\\Program Files (x86)",
        },
    )
    assert places == [
        Path("C:\\Program Files", "LibreOffice", "program", "soffice.exe"),
        Path("C:\\Program Files (x86)", "LibreOffice", "program", "soffice.exe"),
    ]
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "pf"))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "pf86"))
    exe = program(tmp_path / "pf86" / "LibreOffice" / "program" / "soffice.exe")
    assert pdf.soffice() == str(exe)


def test_nowhere_is_one_sentence_saying_how_to_install_or_point_at_it(no_path):
    with pytest.raises(OutputError) as raised:
        pdf.soffice()
    message = str(raised.value)
    assert message.startswith("--pdf needs LibreOffice")
    assert "apt-get install libreoffice-writer-nogui" in message and "ASSEMBLER_SOFFICE" in message
