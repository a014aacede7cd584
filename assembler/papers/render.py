"""Render documents: strict, sandboxed docxtpl, each template compiled once per process.

A ``TemplateSet`` reads, parses and compiles each .docx template (and the shared
parts it includes) on first use and keeps it; rendering a document then costs a
copy of the parsed package (``assembler.papers.package``), one Jinja render and
one save.  ``write_drafts`` puts a
case's drafts in place as one set, whole or not at all, keeping a draft the
user edited (``assembler.papers.drafts``).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import nsmap
from docx.oxml.parser import element_class_lookup
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from assembler.answers.matter import Matter
from assembler.errors import TemplateError
from assembler.law.courts import Formatting
from assembler.law.record import surname
from assembler.papers import jinjacode, wordxml
from assembler.papers.consistency import check_set
from assembler.papers.docxfile import docx_bytes
from assembler.papers.drafts import CaseWritten, answers_digest, write_case
from assembler.papers.keeping import keep_last_lines
from assembler.papers.letterhead import letterhead_sentences
from assembler.papers.package import copy_document
from assembler.papers.properties import set_properties
from assembler.papers.registry import declaration_facts, declaration_paper, default_ids, paper, paper_date
from assembler.papers.richtext import Writer
from assembler.papers.titles import balance_titles
from assembler.papers.view import Fields, build_context
from assembler.papers.wordcount import WORD_COUNT_MARK, fill_word_count


def default_template_dir() -> Path:
    """Templates ship inside the package; in a source checkout they live in ``templates/``."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "motion.docx").is_file():
            return candidate
    raise TemplateError("the document templates are missing from this installation")


_HINTS = {
    "motion_entry": " (mark the motion's docket entry with role: motion)",
    "response_entry": " (mark the response's docket entry with role: response)",
    "reply_entry": " (mark the reply's docket entry with role: reply)",
    "filed": " (give motion.filed, the filing date)",
    "response_filed": " (give response.filed, or mark the response's docket entry with role: response)",
    "reply_filed": " (give reply.filed, or mark the reply's docket entry with role: reply)",
    "replies": " (give the movant's reply: to at least one opposition ground)",
    "motion_grounds": " (give grounds: the movant's arguments)",
    "background": " (give a background: text to the docket entries, told in date order)",
    "motion_background": " (give a background: text to the docket entries without a role)",
    "response_grounds": " (give opposition: the opponent's arguments)",
    "rule.standard": " (the court's profile states no standard for reconsideration: write motion.standard)",
    "ruling.denying": " (give ruling.denying: the court's reasoning for the order denying)",
    "ruling.granting": " (give ruling.granting: the court's reasoning for the order granting)",
    "ruling": " (give ruling: with its date and the court's reasoning)",
}


class Missing(jinja2.StrictUndefined):
    """A value the template needs and the answers do not give: fail, and say which."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        obj = self._undefined_obj
        if isinstance(obj, Fields):
            path = f"{obj._path}.{self._undefined_name}"
            return f"it needs {path}, which the answers do not give" + _HINTS.get(path, "")
        if obj is jinja2.utils.missing:
            return f"it needs {self._undefined_name}, which the answers do not give" + _HINTS.get(
                self._undefined_name or "", ""
            )
        return f"it asks for {self._undefined_name!r}, which {type(obj).__name__} does not have"


class _PartLoader(jinja2.BaseLoader):
    """Loads ``{% include "parts/x.docx" %}``: the body of a shared .docx part, as template XML."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = (self.folder / template).resolve()
        if self.folder.resolve() not in path.parents or not path.is_file():
            raise jinja2.TemplateNotFound(template)
        mtime = path.stat().st_mtime
        blob = path.read_bytes()

        def prepare() -> jinjacode.Sources:
            tpl = DocxTemplate(io.BytesIO(blob))
            tpl.init_docx()
            children = [child for child in tpl.docx.element.body if not child.tag.endswith("}sectPr")]
            return {"": jinja_source(tpl, "".join(tpl.xml_to_string(child) for child in children))}

        return (
            jinjacode.prepared("part", blob, preparing_code(), prepare)[""],
            str(path),
            lambda: path.stat().st_mtime == mtime,
        )


def jinja_source(tpl: DocxTemplate, xml: str) -> str:
    """The Jinja source of a part's Word XML: docxtpl's tags made Jinja (``patch_xml``), its literal
    escapes too, each paragraph on a line of its own (so Jinja's errors name a line)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", literal_escapes(tpl.patch_xml(xml)))


@functools.cache
def preparing_code() -> str:
    """A digest of the code that makes a template's Jinja source: this module, docxtpl's, and the
    lxml that writes the parts' XML out."""
    import docxtpl.template

    digest = hashlib.sha256(repr(etree.LXML_VERSION).encode("ascii"))
    for module in (__file__, docxtpl.template.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


_ESCAPES = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}


def literal_escapes(source: str) -> str:
    """docxtpl's ``{_{`` (a literal ``{{`` in a template) turned into Jinja before compiling.

    docxtpl replaces the escapes in the rendered output, which would also change
    text a user typed ("{_{" printed as "{{"); done on the template, user text is
    never touched.
    """
    return re.sub("|".join(re.escape(k) for k in _ESCAPES), lambda m: _ESCAPES[m.group()], source)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, its verdict on an attribute kept per type of object and name.

    The sandbox's own test (``SandboxedEnvironment.is_safe_attribute``: a private name, or an
    internal attribute of a function, method, type, frame, code object or generator) reads
    only the object's type and the name, so the verdict for one is the verdict for all; a
    paper looks up some hundred attributes, each checked anew in every draft.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


def make_environment(folder: Path) -> SandboxedEnvironment:
    env = _Sandbox(undefined=Missing, autoescape=True, loader=_PartLoader(folder), auto_reload=False)
    env.bytecode_cache = jinjacode.code_cache(env)  # compiled once, kept between runs
    return env


# namespace declarations, one after another, as lxml writes them: before a tag's attributes
_DECLARATIONS = re.compile(r'(?: xmlns:[^\s=>"]+="[^"]*")+')
_DECLARATION = re.compile(r' xmlns:[^\s=>"]+="[^"]*"')
_TAG_NAME = re.compile(r"[^\s<>/!?]+")


@dataclass
class _Shell:
    """A document's text around its empty body, and what its root declares."""

    head: str
    tail: str
    declared: frozenset[str]  # each declaration the root makes, as written: ' xmlns:w="..."'
    runs: dict[str, bool] = field(default_factory=dict)  # a tag's declarations: all declared?

    def declares(self, run: str) -> bool:
        """Whether the root makes every declaration of ``run`` (a tag's, as written)."""
        known = self.runs.get(run)
        if known is None:
            known = self.runs[run] = all(d in self.declared for d in _DECLARATION.findall(run))
        return known


def _shell(root: Any) -> _Shell | None:
    """The shell of ``root`` (a document whose body is empty); None where the move could map
    a declaration otherwise (the root declares one namespace under two prefixes)."""
    text = etree.tostring(root, encoding="unicode")
    known = root.nsmap
    if text.count("<w:body/>") != 1 or len(set(known.values())) != len(known) or None in known:
        return None
    head, tail = text.split("<w:body/>")
    return _Shell(head, tail, frozenset(f' xmlns:{prefix}="{uri}"' for prefix, uri in known.items()))


def _parsed_document(shell: _Shell | None, body_xml: str) -> Any:
    """The document of ``shell`` with ``body_xml`` as its body, parsed as one text: the same
    tree, to the byte, as parsing the body alone and moving it into the document.

    The move drops every namespace declaration of the body that the document's root already
    makes (the body and each paragraph of an included part carry them all), so they are left
    out of the text; None where any other "xmlns" is in the body: a declaration the root does
    not make, or the word in the body's text (then the caller moves the body as docxtpl does).
    The text is given to the parser in pieces, never joined.
    """
    if shell is None:
        return None
    parser = etree.XMLParser(recover=True)  # docxtpl's parser for the body (fix_tables),
    parser.set_element_class_lookup(element_class_lookup)  # making python-docx's elements
    parser.feed(shell.head)
    at = 0
    found = body_xml.find("xmlns")
    while found != -1:
        run = _DECLARATIONS.match(body_xml, found - 1)
        tag = body_xml.rfind("<", at, found)
        if (
            run is None
            or tag == -1
            or _TAG_NAME.fullmatch(body_xml, tag + 1, found - 1) is None  # right after a tag's name
            or not shell.declares(run.group())
        ):
            return None
        parser.feed(body_xml[at : found - 1])
        at = run.end()
        found = body_xml.find("xmlns", at)
    parser.feed(body_xml[at:])
    parser.feed(shell.tail)
    return parser.close()


@dataclass
class _Compiled:
    name: str
    blob: bytes
    document: Any  # the template's python-docx Document, parsed once and never changed
    body: jinja2.Template
    parts: dict[str, jinja2.Template]  # headers and footers, by part name
    first_note_id: int  # above every footnote id the template already has
    shell: _Shell | None  # the document around its body, the same in every copy


_LISTING = re.compile("[\t\a\n\f]")


class _Document(DocxTemplate):
    """A docxtpl template whose Jinja source was compiled once, ahead of time."""

    def __init__(self, compiled: _Compiled) -> None:
        super().__init__(io.BytesIO(compiled.blob))
        self.compiled = compiled
        self.counts_words = False  # whether the rendered body holds the word count's marker
        self.docx = copy_document(compiled.document, with_body=False)  # render() replaces the body

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        xml = self._finish(self.compiled.body.render(context))
        self.counts_words = WORD_COUNT_MARK in xml  # else no text of the body holds the marker
        return xml

    def build_headers_footers_xml(self, context: dict[str, Any], uri: str, jinja_env: Any = None):
        for rel_key, part in self.get_headers_footers(uri):
            template = self.compiled.parts.get(str(part.partname))
            if template is None:
                continue
            xml = self._finish(template.render(context))
            yield rel_key, xml.encode(self.get_headers_footers_encoding(xml))

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        if any(
            "{" in (getattr(self.docx.core_properties, p) or "")
            for p in ("author", "comments", "identifier", "language", "subject", "title")
        ):
            super().render_properties(context, jinja_env)

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        for rel in self.docx.part.rels.values():
            if rel.reltype.endswith("/footnotes") and b"{" in rel.target_part.blob:
                super().render_footnotes(context, jinja_env)
                return

    def fix_tables(self, xml: str) -> Any:
        """The rendered body parsed once, in place in the document's own tree (``map_tree``).

        docxtpl parses the body apart and then moves it into the document, a second walk
        over every node; parsed inside a copy of the document's own start and end, with the
        parser python-docx reads Word files with, it is in place at once.  Where docxtpl's
        ``fix_tables`` would change a table (a ``{%tc`` loop left it more or fewer cells
        than columns) or the body declares a namespace the document names otherwise,
        docxtpl's own path is taken.
        """
        root = _parsed_document(self.compiled.shell, xml)
        if root is None or not _tables_whole(root.body):
            return super().fix_tables(xml)
        return root

    def fix_docpr_ids(self, tree: Any) -> None:
        if tree.tag != _DOCUMENT:
            super().fix_docpr_ids(tree)
            return
        for drawing in tree.body.iter(_DOC_PR):  # docxtpl's numbering, in the body's order
            self.docx_ids_index += 1
            drawing.set("id", str(self.docx_ids_index))

    def map_tree(self, tree: Any) -> None:
        if tree.tag != _DOCUMENT:
            super().map_tree(tree)
            return
        self.docx.part._element = self.docx._element = tree
        self.docx._Document__body = None  # python-docx's proxy of the old body

    def _finish(self, xml: str) -> str:
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # the lines compiling added
        if _LISTING.search(xml) is None:  # resolve_listing rewrites only these characters
            return xml
        return self.resolve_listing(xml)


_DOCUMENT = f"{{{wordxml.W_NS}}}document"
_DOC_PR = f"{{{nsmap['wp']}}}docPr"


def _tables_whole(body: Any) -> bool:
    """Whether docxtpl's ``fix_tables`` would leave every table of ``body`` as it is: each has
    its grid, no row more cells than the grid has columns, and some row spans them all."""
    w = f"{{{wordxml.W_NS}}}"
    for table in body.iter(f"{w}tbl"):
        grid = table.find(f"{w}tblGrid")
        if grid is None:
            return False
        columns = len(grid.findall(f"{w}gridCol"))
        widest = 0
        for row in table.iter(f"{w}tr"):
            cells = row.findall(f"{w}tc")
            if len(cells) > columns:
                return False
            spans = 0
            for cell in cells:
                span = cell.find(f"{w}tcPr/{w}gridSpan")
                if span is None:
                    spans += 1
                elif (value := span.get(f"{w}val", "")).isdigit():
                    spans += int(value)
                else:  # docxtpl's own path says what is wrong with it
                    return False
            widest = max(widest, spans)
        if widest < columns:
            return False
    return True


class TemplateSet:
    """The templates of one folder, each compiled on first use and then reused."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_template_dir()
        self.env = make_environment(self.folder)
        self._compiled: dict[str, _Compiled] = {}

    def compiled(self, document_id: str) -> _Compiled:
        if document_id not in self._compiled:
            self._compiled[document_id] = self._compile(document_id)
        return self._compiled[document_id]

    def _compile(self, document_id: str) -> _Compiled:
        name = paper(document_id).template
        path = self.folder / name
        if not path.is_file():
            raise TemplateError(f"no template {name} in {self.folder}")
        blob = path.read_bytes()
        tpl = DocxTemplate(io.BytesIO(blob))
        try:
            tpl.init_docx()
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:  # not a Word file, or a broken one
            raise TemplateError(
                f"template {name} in {self.folder} is not a Word (.docx) file that can be read ({exc})"
            ) from None

        def prepare() -> jinjacode.Sources:
            sources = {"": jinja_source(tpl, tpl.get_xml())}  # the body; then headers and footers
            for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
                for _, part in tpl.get_headers_footers(uri):
                    sources[str(part.partname)] = jinja_source(tpl, tpl.get_part_xml(part))
            return sources

        try:
            sources = jinjacode.prepared("paper", blob, preparing_code(), prepare)
            body = self._template(sources.pop(""), name)
            parts = {part: self._template(source, name) for part, source in sources.items()}
        except TemplateSyntaxError as exc:
            raise TemplateError(f"template {name} has a tag Jinja cannot read: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template {name} includes {exc.name}, which is not in {self.folder}") from None
        first_note = wordxml.highest_footnote_id(tpl.docx) + 1
        shell = _shell(copy_document(tpl.docx, with_body=False).element)
        return _Compiled(name, blob, tpl.docx, body, parts, first_note, shell)

    def _template(self, source: str, name: str) -> jinja2.Template:
        template = jinjacode.from_source(self.env, source)
        template.name = name
        return template

    def render(self, matter: Matter, document_id: str) -> Any:
        """Render one document of ``matter``; returns the python-docx ``Document``."""
        compiled = self.compiled(document_id)
        doc = _Document(compiled)
        names = (
            {e.number: e.cite_as for e in matter.answers.docket if e.cite_as} if matter.answers.citation.names else None
        )
        side = paper(document_id).filer
        declarant = declaration_facts(matter, declaration_paper(side))[1] if side != "court" else None
        writer = Writer(
            matter.citation,
            first_note_id=compiled.first_note_id,
            names=names,
            declarant=surname(declarant) if declarant else None,
        )
        context = build_context(matter, writer, document_id)
        try:
            doc.render(context)
        except UndefinedError as exc:  # the answers lack a value: name their file
            raise TemplateError(f"{matter.file}: template {compiled.name}: {exc.message}") from None
        except SecurityError as exc:
            raise TemplateError(f"template {compiled.name} tried something unsafe: {exc}") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"template {compiled.name}: {exc}") from None
        wordxml.attach_footnotes(doc.docx, writer.notes)
        if doc.counts_words:
            fill_word_count(doc.docx)
        # what a lawyer should know about the draft's typesetting (a font not installed here)
        doc.notes = [
            f"template {compiled.name}: {note}" for note in apply_formatting(doc.docx, matter.court.formatting)
        ]
        # a letterhead taller than the room above the body: refused on pleading paper, else a warning
        formatting = matter.court.formatting
        refusals, warnings = letterhead_sentences(
            doc.docx, compiled.name, formatting.size if formatting.pleading_lines.value else None
        )
        if refusals:
            raise TemplateError("; ".join(refusals))
        doc.notes += warnings
        set_properties(doc.docx, matter, document_id, paper_date(matter, document_id)[0])
        return doc


def apply_formatting(document: Any, formatting: Formatting) -> list[str]:
    """The last paragraph kept with the signature (``keeping``); citations unbreakable; font
    sizes in the court's size (body and footnotes alike); pleading paper where asked; titles in
    balanced lines (measured in the court's size and the template's font).  Returns the notes a
    lawyer should read (a font not installed)."""
    keep_last_lines(document)
    wordxml.keep_citations_whole(document)
    wordxml.set_font_sizes(document, formatting.size, formatting.footnote_size)
    if formatting.pleading_lines.value:
        wordxml.pleading_paper(document, formatting.size)
    note = balance_titles(document)
    return [note] if note else []


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_name(text: str, fallback: str = "case") -> str:
    """A file or folder name from ``text`` that cannot leave its folder on any system."""
    name = _UNSAFE.sub("-", text).strip(".-_")[:100].strip(".-_")
    if not name or name.lower() in _RESERVED:
        name = f"{fallback}-{name}" if name else fallback
    return name


def folder_for_case(out_dir: Path, case_number: str) -> Path:
    """``out_dir/<case number, made a safe name>``: one folder per case."""
    return out_dir / safe_name(case_number)


def case_folder(out_dir: Path, matter: Matter) -> Path:
    return folder_for_case(out_dir, matter.answers.case.number)


def render_set(matter: Matter, documents: Iterable[str], templates: TemplateSet | None = None) -> list[Any]:
    """Render ``documents`` of ``matter`` in memory, and check that they agree with each other.

    Each document carries ``answers_sha256``, the digest of the answer files it
    was drafted from, which ``write_drafts`` records beside the draft.
    """
    templates = templates or TemplateSet()
    documents = list(documents)
    rendered = [templates.render(matter, doc_id) for doc_id in documents]
    check_set(matter, {doc_id: doc.docx for doc_id, doc in zip(documents, rendered)})
    digest = answers_digest(matter.source.files)
    for doc in rendered:
        doc.answers_sha256 = digest
    return rendered


def render_matter(
    matter: Matter,
    out_dir: Path,
    documents: Iterable[str] | None = None,
    *,
    force: bool = False,
    discard_edits: bool = False,
    templates: TemplateSet | None = None,
) -> list[Path]:
    """Render ``documents`` of ``matter`` (default: the registry's default set) into
    ``out_dir/<case number>/`` (``write_drafts``)."""
    folder = case_folder(out_dir, matter)
    documents = list(default_ids() if documents is None else documents)
    rendered = render_set(matter, documents, templates)
    return write_drafts(folder, dict(zip(documents, rendered)), force=force, discard_edits=discard_edits)


def write_drafts(folder: Path, rendered: dict[str, Any], *, force: bool, discard_edits: bool = False) -> list[Path]:
    """Write drafts rendered in memory (id -> document) into ``folder``, all or none: edited
    drafts kept aside (unless ``discard_edits``), redlines where the answers changed."""
    return [
        written.path for written in write_rendered(folder, rendered, force=force, discard_edits=discard_edits).documents
    ]


def write_rendered(folder: Path, rendered: dict[str, Any], *, force: bool, discard_edits: bool = False) -> CaseWritten:
    """``write_drafts``, saying what became of each draft (kept copies, redlines, warnings)."""
    digests = {getattr(doc, "answers_sha256", None) for doc in rendered.values()}
    answers = digests.pop() if len(digests) == 1 else None
    return write_case(
        folder,
        {doc_id: docx_bytes(doc) for doc_id, doc in rendered.items()},
        answers,
        force=force,
        discard_edits=discard_edits,
    )
