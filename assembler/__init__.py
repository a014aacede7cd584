"""assembler: drafts of reconsideration-motion papers for US district courts.

The public API, in pipeline order: ``load_matter`` reads and checks an answer
file; ``render_matter`` writes its documents; ``TemplateSet`` keeps compiled
templates for many renders; ``text_view`` reads a rendered .docx back as text.
They are imported when first used, so that ``assembler --version`` and the
interview's first question do not wait for the rendering stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from assembler.errors import AssemblerError
from assembler.names import DOCUMENTS

__version__ = "0.1.0"  # pyproject.toml reads it from here (importlib.metadata costs 40 ms)

_LAZY = {"Matter": "answers.matter", "load_matter": "answers.matter", "TemplateSet": "papers.render",
         "render_matter": "papers.render", "text_view": "papers.textview"}

__all__ = ["DOCUMENTS", "AssemblerError", "Matter", "TemplateSet", "load_matter",
           "render_matter", "text_view", "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"assembler.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'assembler' has no attribute {name!r}")
