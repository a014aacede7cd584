"""The .docx file of a draft: the same bytes for the same draft, the template's members made once.

python-docx stamps each zip member with the time of saving; a fixed stamp makes
a draft's SHA-256 depend on its content alone, run after run.  Saving is
otherwise ``OpcPackage.save``, with what is the same in every draft of one
template and court -- styles, numbering, theme, fonts, relationships, content
types -- serialized, deflated and framed as zip members once per process and
kept by content: the bytes are those that doing it again would give, only
sooner.  The parts drafted from the case (its text and notes, properties, Word's
document id, headers and footers) are deflated as they come.  The zip is
written here, field by field as the standard library's ``zipfile`` writes it
(its per-member bookkeeping cost more than the template's members did).
"""

from __future__ import annotations

import collections
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from assembler.errors import OutputError

_EPOCH = (1980, 1, 1, 0, 0, 0)
_CASE_PARTS = {CT.WML_FOOTNOTES, CT.OPC_CORE_PROPERTIES, CT.WML_SETTINGS, CT.WML_HEADER, CT.WML_FOOTER}


class _Kept:
    """Values made from a key, kept by it: bounded, the least recently used dropped first."""

    def __init__(self, make: Callable[[Any], Any], size: int = 256) -> None:
        self._make = make
        self._size = size
        self._values: collections.OrderedDict[Hashable, Any] = collections.OrderedDict()

    def get(self, key: Hashable, source: Any = None) -> Any:
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


_RELS = _Kept(lambda rels: _encoded(rels.xml))
_CONTENT_TYPES = _Kept(lambda parts: _encoded(_ContentTypesItem.from_parts(parts).blob))

# The zip, written as the standard library's zipfile writes it to a seekable file (its
# fields, in its order: tests/test_docxfile.py holds the bytes to zipfile's own), a member at
# a time with no zipfile objects between; the template's members kept whole, header and all.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # what a deflated member needs (zipfile's DEFAULT_VERSION)
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's create_system
_DOSDATE = (_EPOCH[0] - 1980) << 9 | _EPOCH[1] << 5 | _EPOCH[2]
_DOSTIME = _EPOCH[3] << 11 | _EPOCH[4] << 5 | _EPOCH[5] // 2
_ATTRIBUTES = 0o644 << 16
_LARGEST = 1 << 30  # zipfile would need ZIP64 records near 2 GB; no draft comes close


@dataclass(frozen=True)
class _Member:
    """One member as written: its local header, name and deflated data, and what the central
    directory repeats of it."""

    local: bytes
    name: bytes
    flags: int
    crc: int
    compressed: int
    size: int


def _member(key: tuple[str, bytes]) -> _Member:
    name, blob = key
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), 0x800
    data = _deflate(blob)
    crc = zlib.crc32(blob)
    header = _LOCAL.pack(
        b"PK\x03\x04", _VERSION, 0, flags, zipfile.ZIP_DEFLATED, _DOSTIME, _DOSDATE, crc, len(data), len(blob),
        len(encoded), 0,
    )  # fmt: skip
    return _Member(header + encoded + data, encoded, flags, crc, len(data), len(blob))


_TEMPLATE_MEMBERS = _Kept(_member)


def _zip(members: list[_Member]) -> bytes:
    """The zip of ``members`` in order: each one's header and data, the central directory, its end."""
    offsets, offset = [], 0
    for member in members:
        offsets.append(offset)
        offset += len(member.local)
    central = [
        _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, m.flags, zipfile.ZIP_DEFLATED, _DOSTIME, _DOSDATE, m.crc,
            m.compressed, m.size, len(m.name), 0, 0, 0, 0, _ATTRIBUTES, at,
        ) + m.name
        for m, at in zip(members, offsets)
    ]  # fmt: skip
    size = sum(len(c) for c in central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), size, offset, 0)
    return b"".join([*(m.local for m in members), *central, end])


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
    # python-docx's PackageWriter, member by member, in its order
    types = tuple((str(part.partname), part.content_type) for part in parts)
    written = [
        (CONTENT_TYPES_URI.membername, _CONTENT_TYPES.get(types, parts), True),
        (PACKAGE_URI.rels_uri.membername, _RELS.get(_rels_key(package.rels, "/"), package.rels), True),
    ]
    for part in parts:
        case = part is main or part.content_type in _CASE_PARTS
        written.append((part.partname.membername, _encoded(part.blob), not case))
        if len(part.rels):
            key = _rels_key(part.rels, part.partname.baseURI)
            written.append((part.partname.rels_uri.membername, _RELS.get(key, part.rels), True))
    if any(len(blob) > _LARGEST for _, blob, _ in written):
        raise OutputError("a draft of over a gigabyte cannot be saved")
    return _zip(
        [_TEMPLATE_MEMBERS.get((name, blob)) if kept else _member((name, blob)) for name, blob, kept in written]
    )
