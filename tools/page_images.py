"""Page images of every example's papers, to look at them all in a minute.

    python tools/page_images.py [OUT]       # default: page-images/ (not committed)

Renders each answer file of examples/ (and examples/coalition/) into OUT, has
LibreOffice make the PDFs in one run (``assembler.papers.pdf``), and pdftoppm the
pages: OUT/<example>/<paper>-<page>.png.  Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from assembler import DOCUMENTS, load_matter, render_matter  # noqa: E402
from assembler.papers.pdf import convert  # noqa: E402
from assembler.papers.registry import allowed as allowed_documents  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "page-images"
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is needed (Debian: apt-get install poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        drafts = []
        for example in sorted((ROOT / "examples").rglob("*.yaml")):
            if example.parent.name == "coalition" and example.stem != "doe-1":
                continue  # one case of the batch is enough to look at
            folder = Path(tmp) / example.stem
            matter = load_matter(example)
            documents, _ = allowed_documents(matter, DOCUMENTS, explicit=False, unordered=True)
            drafts += render_matter(matter, folder, documents, force=True)
        for pdf in convert(drafts):
            name = pdf.path.parent.parent.name
            target = out / name
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf.path), str(target / pdf.path.stem)], check=True)
            print(f"{target / pdf.path.stem}-*.png  ({pdf.pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
