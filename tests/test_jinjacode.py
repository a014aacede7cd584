"""Templates' compiled Jinja kept between runs: the same drafts, no compiler the second time."""

from __future__ import annotations

import jinja2
import pytest

from assembler import kept
from assembler.papers import jinjacode
from assembler.papers.render import TemplateSet, make_environment

SOURCE = "<w:t>{{ movant.Name }}{% if plural %} are{% else %} is{% endif %} here</w:t>"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSEMBLER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _no_compiler(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", compile_)


def test_a_source_compiled_once_is_read_back_by_the_next_run_and_renders_the_same(cache, tmp_path, monkeypatch):
    first = jinjacode.from_source(make_environment(tmp_path), SOURCE)
    env = make_environment(tmp_path)  # another run's environment: nothing in memory
    _no_compiler(env, monkeypatch)
    again = jinjacode.from_source(env, SOURCE)
    context = {"movant": {"Name": "AT&T <Wireless>"}, "plural": True}
    expected = make_environment(tmp_path).from_string(SOURCE).render(context)
    assert first.render(context) == again.render(context) == expected
    assert "AT&amp;T &lt;Wireless&gt; are here" in expected  # still escaped: the sandbox's settings


def test_an_edited_source_is_compiled_afresh(cache, tmp_path):
    jinjacode.from_source(make_environment(tmp_path), SOURCE)
    edited = SOURCE.replace("here", "there")
    assert "there" in jinjacode.from_source(make_environment(tmp_path), edited).render(
        movant={"Name": "X"}, plural=False
    )


def test_another_environments_settings_keep_their_own_code(cache, tmp_path):
    plain = jinja2.Environment(autoescape=False)
    assert jinjacode.settings(plain) != jinjacode.settings(make_environment(tmp_path))
    assert jinjacode.settings(jinja2.sandbox.SandboxedEnvironment(autoescape=True)) != jinjacode.settings(
        jinja2.Environment(autoescape=True)
    )


def test_a_broken_kept_file_is_compiled_again(cache, tmp_path):
    jinjacode.from_source(make_environment(tmp_path), SOURCE)
    (code,) = cache.rglob("*.code")
    code.write_bytes(code.read_bytes()[:40])
    assert "is here" in jinjacode.from_source(make_environment(tmp_path), SOURCE).render(
        movant={"Name": "X"}, plural=False
    )


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ASSEMBLER_CACHE", str(blocked))
    assert "is here" in jinjacode.from_source(make_environment(tmp_path), SOURCE).render(
        movant={"Name": "X"}, plural=False
    )


def test_the_shipped_templates_and_their_parts_compile_once(cache, monkeypatch, example):
    from assembler import load_matter

    matter = load_matter(example)
    drafted = TemplateSet().render(matter, "motion")
    templates = TemplateSet()
    _no_compiler(templates.env, monkeypatch)  # the body, headers, footers and included parts
    again = templates.render(matter, "motion")
    assert [p.text for p in again.docx.paragraphs] == [p.text for p in drafted.docx.paragraphs]


def _no_preparing(monkeypatch: pytest.MonkeyPatch) -> None:
    from docxtpl import DocxTemplate

    def patch_xml(*args, **kwargs):
        raise AssertionError("prepared again")

    monkeypatch.setattr(DocxTemplate, "patch_xml", patch_xml)


def test_a_templates_prepared_source_is_kept_and_the_next_run_drafts_the_same_without_preparing(
    cache, monkeypatch, example
):
    from assembler import load_matter
    from assembler.papers.docxfile import docx_bytes

    matter = load_matter(example)
    drafted = docx_bytes(TemplateSet().render(matter, "motion"))
    assert list(cache.glob("prepared-*/*.json"))  # the motion, and each part it includes
    with monkeypatch.context() as patched:
        _no_preparing(patched)
        again = docx_bytes(TemplateSet().render(matter, "motion"))  # a fresh set: nothing in memory
    assert again == drafted


def test_an_edited_template_is_prepared_afresh(cache, tmp_path, example):
    import shutil

    from docx import Document

    from assembler import load_matter
    from assembler.papers.render import default_template_dir

    folder = tmp_path / "firm"
    shutil.copytree(default_template_dir(), folder)
    matter = load_matter(example)
    TemplateSet(folder).render(matter, "motion")
    document = Document(str(folder / "motion.docx"))
    document.add_paragraph("Edited by the firm.")
    document.save(str(folder / "motion.docx"))
    drafted = TemplateSet(folder).render(matter, "motion")
    assert "Edited by the firm." in [p.text for p in drafted.docx.paragraphs]


def test_a_broken_prepared_file_is_prepared_again(cache, example):
    from assembler import load_matter

    matter = load_matter(example)
    first = TemplateSet().render(matter, "motion")
    for broken in ('{"": 1', '{"body": "<w:p/>"}', '{"": 7}', "[]"):  # cut short, not ours, not text
        for file in cache.glob("prepared-*/*.json"):
            file.write_text(broken, encoding="utf-8")
        again = TemplateSet().render(matter, "motion")
        assert [p.text for p in again.docx.paragraphs] == [p.text for p in first.docx.paragraphs]


def test_a_folder_of_kept_files_keeps_the_newest(tmp_path):
    import os

    for number in range(7):
        file = tmp_path / f"{number}.json"
        file.write_text("{}", encoding="utf-8")
        os.utime(file, ns=(number * 10**9, number * 10**9))
    kept.prune(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["4.json", "5.json", "6.json"]
