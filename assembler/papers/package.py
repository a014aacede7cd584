"""A parsed Word package copied in memory: a template read once, a fresh copy per document.

Opening a .docx (unzip, parse every part, wire the relationships) is the
larger part of drafting one paper from an already compiled template.  A copy of
a package parsed once costs a fraction of it: every XML part's tree is copied
(drafting changes the styles, settings, properties, headers and footers), the
main body is left out (the rendered body replaces it before anything reads it)
and binary parts are shared, since drafting replaces a binary part's bytes and
never changes them in place.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import lazyproperty
from lxml import etree


def copy_document(document: Any, *, with_body: bool = True) -> Any:
    """A python-docx ``Document`` equal to ``document``, sharing no XML with it.

    ``with_body=False`` gives the main part an empty ``w:body``, for a caller
    that replaces the body whole (docxtpl's ``map_tree``).
    """
    old = document.part.package
    new = type(old)()
    parts: dict[int, Any] = {}
    main = document.part
    every = list(old.iter_parts())  # a walk of the relationships: once
    for part in every:
        clone = object.__new__(type(part))
        for key, value in vars(part).items():
            if not isinstance(getattr(type(part), key, None), lazyproperty):  # cached values are rebuilt
                clone.__dict__[key] = value
        clone._package = new
        if "_element" in clone.__dict__:
            element = _copy_element(part._element, with_body or part is not main)
            for key, value in vars(part).items():  # the element under its other names too (_settings)
                if value is part._element:
                    clone.__dict__[key] = element
                elif isinstance(value, etree._Element):
                    clone.__dict__[key] = copy.deepcopy(value)
        parts[id(part)] = clone
    _copy_rels(old, new, parts)
    for part in every:
        _copy_rels(part, parts[id(part)], parts)
    new.after_unmarshal()
    return new.part_related_by(RT.OFFICE_DOCUMENT).document


def _copy_element(element: Any, with_body: bool) -> Any:
    if with_body:
        return copy.deepcopy(element)
    root = element.makeelement(element.tag, element.attrib, element.nsmap)
    for child in element:
        if child.tag.endswith("}body"):
            root.append(child.makeelement(child.tag, child.attrib, child.nsmap))
        else:
            root.append(copy.deepcopy(child))
    return root


def _copy_rels(source: Any, target: Any, parts: dict[int, Any]) -> None:
    for rel in source.rels.values():
        to = rel.target_ref if rel.is_external else parts[id(rel.target_part)]
        target.load_rel(rel.reltype, to, rel.rId, rel.is_external)
