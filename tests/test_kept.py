"""What one run keeps for the next (``assembler/kept.py``): the same answers, without the cost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assembler import kept
from assembler.papers import fonts


@pytest.fixture
def font(tmp_path) -> Path:
    found = fonts.font_file("Times New Roman", True)
    if found is None:
        pytest.skip("no Times New Roman or Liberation Serif installed")
    copy = tmp_path / "fonts" / found.name
    copy.parent.mkdir()
    shutil.copyfile(found, copy)
    return copy


MEASURE = (
    "import sys; from pathlib import Path; from assembler.papers.fonts import file_widths; "
    "w = file_widths(Path(sys.argv[1])); print(w['W'], w['i'], len(w)); print('fontTools' in sys.modules)"
)


def test_a_fonts_widths_are_kept_for_the_next_run_and_are_the_same(tmp_path, font):
    env = {**os.environ, "ASSEMBLER_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", MEASURE, str(font)], capture_output=True, text=True, check=True, env=env
        ).stdout.splitlines()
        for _ in range(2)
    ]
    read = fonts._read_widths(font)
    assert read is not None
    assert runs[0][0] == runs[1][0] == f"{read['W']} {read['i']} {len(read)}"
    assert (runs[0][1], runs[1][1]) == ("True", "False")


def test_a_font_file_that_changed_is_read_again(tmp_path, font, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CACHE", str(tmp_path / "cache"))
    kept.store.cache_clear()
    try:
        before = fonts.file_widths(font)
        assert before == fonts._read_widths(font)
        other = fonts.font_file("DejaVu Sans", False) or fonts.font_file("Liberation Sans", False)
        if other is None:
            pytest.skip("no second font to put in its place")
        shutil.copyfile(other, font)  # another font under the same name: another size and time
        assert fonts.file_widths(font) == fonts._read_widths(other) != before
        assert fonts.file_widths(tmp_path / "no-such.ttf") is None
    finally:
        kept.store.cache_clear()


@pytest.mark.parametrize(
    ("distribution", "module"),
    [("holidays", "holidays"), ("eyecite", "eyecite"), ("reporters-db", "reporters_db"), ("python-docx", "docx")],
)
def test_a_packages_version_is_read_from_its_install_as_importlib_metadata_reads_it(distribution, module):
    from importlib.metadata import version

    kept.version.cache_clear()
    assert kept.version(distribution, module) == version(distribution)


def test_a_data_files_reading_is_kept_and_read_back_the_same(tmp_path, monkeypatch):
    import yaml

    from assembler import packaged

    monkeypatch.setenv("ASSEMBLER_CACHE", str(tmp_path / "cache"))
    fresh = yaml.safe_load((Path(packaged.__file__).parent / "data" / "holidays.yaml").read_text(encoding="utf-8"))
    first = packaged.read("holidays.yaml")
    (kept_file,) = (tmp_path / "cache").rglob("*.pickle")
    monkeypatch.setattr(packaged, "_yaml", lambda *args: pytest.fail("read as YAML again"))
    again = packaged.read("holidays.yaml")
    assert first == again == fresh and again is not first
    again["changed"] = True  # a caller's change is its own: the next read is as the file says
    assert "changed" not in packaged.read("holidays.yaml")


def test_a_kept_reading_that_names_a_class_is_never_run_and_the_file_is_read_again(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv("ASSEMBLER_CACHE", str(tmp_path / "cache"))
    assert kept.parsed("store", "a: 1", lambda: {"a": 1}) == {"a": 1}
    (file,) = (tmp_path / "cache" / "store").iterdir()
    file.write_bytes(pickle.dumps(os.system))  # what a planted file could do when loaded
    assert kept.parsed("store", "a: 1", lambda: {"a": 2}) == {"a": 2}  # parsed again, nothing run
    file.write_bytes(b"\x80\x05cut short")
    assert kept.parsed("store", "a: 1", lambda: {"a": 3}) == {"a": 3}
