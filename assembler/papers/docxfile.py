"""The .docx file of a draft: the same bytes for the same draft, the template's members made once.

python-docx stamps each zip member with the time of saving; a fixed stamp makes
a draft's SHA-256 depend on its content alone, run after run.  Saving is
otherwise ``OpcPackage.save``, with what is the same in every draft of one
template and court -- styles, numbering, theme, fonts, relationships, content
types -- deflated and serialized once per process and kept by content: the
bytes are those that deflating and serializing again would give, only sooner.
The parts drafted from the case (its text and notes, properties, Word's
document id, headers and footers) are deflated as they come.
"""

from __future__ import annotations

import collections
import io
import zipfile
import zlib
from collections.abc import Callable, Hashable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

_EPOCH = (1980, 1, 1, 0, 0, 0)
_CASE_PARTS = {CT.WML_FOOTNOTES, CT.OPC_CORE_PROPERTIES, CT.WML_SETTINGS, CT.WML_HEADER, CT.WML_FOOTER}


class _Kept:
    """Values made from a key, kept by it: bounded, the least recently used dropped first."""

    def __init__(self, make: Callable[[Any], bytes], size: int = 256) -> None:
        self._make = make
        self._size = size
        self._values: collections.OrderedDict[Hashable, bytes] = collections.OrderedDict()

    def get(self, key: Hashable, source: Any = None) -> bytes:
        """The value of ``key``, made from ``source`` (else from the key) the first time."""
        value = self._values.get(key)
        if value is None:
            value = self._values[key] = self._make(key if source is None else source)
            if len(self._values) > self._size:
                self._values.popitem(last=False)
        else:
            self._values.move_to_end(key)
        return value


def _deflate(blob: bytes) -> bytes:
    """``blob`` deflated as ``zipfile`` deflates a member (raw deflate, zlib's default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(blob) + compressor.flush()


def _encoded(xml: bytes | str) -> bytes:
    return xml.encode("utf-8") if isinstance(xml, str) else xml


_DEFLATED = _Kept(_deflate)
_RELS = _Kept(lambda rels: _encoded(rels.xml))
_CONTENT_TYPES = _Kept(lambda parts: _encoded(_ContentTypesItem.from_parts(parts).blob))


class _Deflated:
    """A zip member's compressor that hands back bytes deflated before (``zipfile`` writes what
    ``compress`` and ``flush`` return, and takes the CRC and the size from the data itself)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def compress(self, _data: bytes) -> bytes:
        data, self._data = self._data, b""
        return data

    def flush(self) -> bytes:
        return b""


def _write(zipf: zipfile.ZipFile, name: str, blob: bytes, kept: bool) -> None:
    """One member, stamped with the fixed time; deflated once per process where ``kept``."""
    member = zipfile.ZipInfo(name, date_time=_EPOCH)
    member.compress_type = zipfile.ZIP_DEFLATED
    member.external_attr = 0o644 << 16
    if not kept:
        zipf.writestr(member, blob)
        return
    member.file_size = len(blob)
    with zipf.open(member, "w") as dest:
        if hasattr(dest, "_compressor"):  # CPython's member writer: give it the bytes deflated before
            dest._compressor = _Deflated(_DEFLATED.get(blob))
        dest.write(blob)


def _rels_key(rels: Any, base: str) -> Hashable:
    """What a part's relationships serialize from: each one's id, type, target and mode."""
    return (
        base,
        tuple(
            (
                rel.rId,
                rel.reltype,
                rel.target_ref if rel.is_external else str(rel.target_part.partname),
                rel.is_external,
            )
            for rel in rels.values()
        ),
    )


def docx_bytes(doc: Any) -> bytes:
    """The .docx file of a rendered document (a DocxTemplate or a python-docx Document)."""
    package = getattr(doc, "docx", doc).part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    main = package.main_document_part
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipf:
        # python-docx's PackageWriter, member by member, in its order
        types = tuple((str(part.partname), part.content_type) for part in parts)
        _write(zipf, CONTENT_TYPES_URI.membername, _CONTENT_TYPES.get(types, parts), True)
        _write(zipf, PACKAGE_URI.rels_uri.membername, _RELS.get(_rels_key(package.rels, "/"), package.rels), True)
        for part in parts:
            case = part is main or part.content_type in _CASE_PARTS
            _write(zipf, part.partname.membername, _encoded(part.blob), not case)
            if len(part.rels):
                key = _rels_key(part.rels, part.partname.baseURI)
                _write(zipf, part.partname.rels_uri.membername, _RELS.get(key, part.rels), True)
    return out.getvalue()
