"""Write the fictitious exhibits of ``examples/new-evidence-mad.yaml`` as small PDFs.

Each exhibit is a short Word document (python-docx) turned into PDF by LibreOffice,
so the example's filing joins real PDFs:

    python tools/example_exhibits.py          # rewrites examples/exhibits/*.pdf
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "examples" / "exhibits"
FICTION = "This exhibit is a fictitious document made for the assembler example."

# file name: pages, each a list of paragraphs
EXHIBITS: dict[str, list[list[str]]] = {
    "exhibit-a.pdf": [
        [
            "HARBORVIEW LOGISTICS, INC.",
            "Records Department",
            "",
            "June 10, 2024",
            "",
            "To: Dana R. Whitfield, Beacon Street Legal LLP, counsel for Harborview",
            "",
            "Re: Northline Freight Co. v. Harborview Logistics, Inc.",
            "",
            "The enclosed dispatch log for the week of March 6, 2023 was located on June 7, 2024 "
            "on an archive server that had been disconnected during the company's move. It was "
            "not part of the documents collected in January 2024.",
            "",
            FICTION,
        ]
    ],
    "exhibit-b.pdf": [
        [
            "DISPATCH LOG, WEEK OF MARCH 6, 2023 (EXCERPT)",
            "",
            "Mon 03/06   Truck 17   Worcester -> Providence   Driver: R. Alvarez",
            "Tue 03/07   Truck 17   Providence -> Boston      Driver: R. Alvarez",
            "Wed 03/08   Truck 22   Boston -> Springfield     Driver: K. Osei",
            "",
            "Page 1 of 2",
        ],
        [
            "DISPATCH LOG, WEEK OF MARCH 6, 2023 (EXCERPT, CONTINUED)",
            "",
            "Thu 03/09   Truck 22   Springfield -> Worcester  Driver: K. Osei",
            "Fri 03/10   Truck 17   Boston -> Lowell          Driver: R. Alvarez",
            "",
            FICTION,
            "",
            "Page 2 of 2",
        ],
    ],
    "northline-requests.pdf": [
        [
            "UNITED STATES DISTRICT COURT",
            "FOR THE DISTRICT OF MASSACHUSETTS",
            "",
            "Northline Freight Co. v. Harborview Logistics, Inc.",
            "Civil Action No. 1:24-cv-10456-ABC",
            "",
            "PLAINTIFF'S FIRST REQUESTS FOR THE PRODUCTION OF DOCUMENTS",
            "",
            "Served March 1, 2024",
            "",
            "Request No. 4: All dispatch logs, driver assignments and delivery records for the "
            "week of March 6, 2023, wherever kept, including on archived or disconnected servers.",
            "",
            FICTION,
        ]
    ],
}


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        sources = []
        for name, pages in EXHIBITS.items():
            document = Document()
            style = document.styles["Normal"]
            style.font.name = "Liberation Mono"
            style.font.size = Pt(10)
            for number, lines in enumerate(pages):
                for index, line in enumerate(lines):
                    paragraph = document.add_paragraph(line)
                    if number and not index:  # a new page before each page after the first
                        paragraph.paragraph_format.page_break_before = True
            source = Path(work) / name.replace(".pdf", ".docx")
            document.save(str(source))
            sources.append(str(source))
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT), *sources],
            check=True,
            capture_output=True,
        )
    for name in EXHIBITS:
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
