"""assembler: drafts of reconsideration-motion papers for US district courts.

The public API, in pipeline order: ``load_matter`` reads and checks an answer
file; ``check`` says everything wrong with one (as ``assembler check``), and
its report drafts in memory; ``render_matter`` writes its documents; ``TemplateSet`` keeps compiled
templates for many renders; ``text_view`` reads a rendered .docx back as text.
They are imported when first used, so that ``assembler --version`` and the
interview's first question do not wait for the rendering stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from assembler.errors import AssemblerError

__version__ = "0.1.0"  # pyproject.toml reads it from here (importlib.metadata costs 40 ms)

_LAZY = {
    "check": "checks",
    "Report": "checks",
    "Matter": "answers.matter",
    "load_matter": "answers.matter",
    "TemplateSet": "papers.render",
    "render_matter": "papers.render",
    "text_view": "papers.textview",
}

__all__ = [
    "DOCUMENTS",
    "AssemblerError",
    "Matter",
    "Report",
    "TemplateSet",
    "check",
    "load_matter",
    "render_matter",
    "text_view",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "DOCUMENTS":  # the default set, from the paper registry
        from assembler.papers.registry import default_ids

        return default_ids()
    if name in _LAZY:
        return getattr(import_module(f"assembler.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'assembler' has no attribute {name!r}")
