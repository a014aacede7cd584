"""assembler: drafts of reconsideration-motion papers for US district courts.

The public API, in pipeline order: ``load_matter`` reads and checks an answer
file; ``render_matter`` writes its documents; ``TemplateSet`` keeps compiled
templates for many renders; ``text_view`` reads a rendered .docx back as text.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .answers import Matter, load_matter
from .errors import AssemblerError
from .render import DOCUMENTS, TemplateSet, render_matter
from .textview import text_view

try:
    __version__ = version("assembler")
except PackageNotFoundError:  # running from a source checkout
    __version__ = "0.0.0+source"

__all__ = ["DOCUMENTS", "AssemblerError", "Matter", "TemplateSet", "load_matter",
           "render_matter", "text_view", "__version__"]
