"""Page images of every example's papers, to look at them all in a minute, and their figures.

    python tools/page_images.py [OUT]            # default: page-images/ (not committed)
    python tools/page_images.py --figures [OUT]  # and a line per paper: its pages and defects

Renders each answer file of examples/ (and examples/coalition/) into OUT, has
LibreOffice make the PDFs in one run (``assembler.papers.pdf``), and pdftoppm the
pages: OUT/<example>/<paper>-<page>.png.  With ``--figures`` it prints, for each
paper, its pages, whether its signature's page holds only the closing above the
block, the pages but the last more than a third empty, and what the page test
(tests/pages.py) finds.  Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the page test's checks, counted here over every paper
from assembler import DOCUMENTS, load_matter, render_matter  # noqa: E402
from assembler.papers.pdf import convert  # noqa: E402
from assembler.papers.registry import allowed as allowed_documents  # noqa: E402


def figures(name: str, docx: Path, pdf: Path, pages: int) -> str:
    """One paper's line: example, paper, pages, signature alone, emptier pages, problems."""
    from pages import empty_pages, problems, signature_alone

    try:
        alone = "alone" if signature_alone(docx, pdf) else "-"
        found = "; ".join(problems(docx, pdf)) or "-"
    except StopIteration:  # a paper without a signature
        alone = found = "no signature"
    empty = ", ".join(f"p{n} {e:.0%}" for n, e in empty_pages(docx, pdf)) or "-"
    return f"{name}\t{docx.stem}\t{pages}\t{alone}\t{empty}\t{found}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "page-images", help="default: page-images/")
    parser.add_argument("--figures", action="store_true", help="print each paper's pages and defects")
    args = parser.parse_args(argv)
    counting, out = args.figures, args.out
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
        if counting:
            print("example\tpaper\tpages\tsignature\tpages > 1/3 empty\tpage test")
        for docx, pdf in zip(drafts, convert(drafts)):
            name = pdf.path.parent.parent.name
            target = out / name
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf.path), str(target / pdf.path.stem)], check=True)
            if counting:
                print(figures(name, docx, pdf.path, pdf.pages))
            else:
                print(f"{target / pdf.path.stem}-*.png  ({pdf.pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
