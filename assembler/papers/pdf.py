"""PDFs of the drafts, as the court receives them: LibreOffice, started once per job.

The .docx files of a run are shared out among ``jobs`` ``soffice`` processes
running side by side (one converts them all when ``jobs`` is 1), each converting
its share in runs of at most ``RUN_LIMIT`` files, with a profile of its own (so it works beside an open
LibreOffice, beside its siblings and beside another run), under a timeout;
each PDF is then put beside its .docx whole (temporary file and rename).  The
PDF is tagged PDF/A-2b (``EXPORT``): every font embedded, its structure marked
for a screen reader, as an archive (and CM/ECF) keeps it.  The page count is
read from the PDF, for the court's page limits.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assembler.errors import OutputError
from assembler.files import atomic_write

SOFFICE_VARIABLE = "ASSEMBLER_SOFFICE"
INSTALL = (
    "--pdf needs LibreOffice, which is not on PATH nor in its usual place; install it (Debian "
    "or Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask "
    "libreoffice; Windows: libreoffice.org) or set ASSEMBLER_SOFFICE to its soffice program"
)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# LibreOffice's PDF export filter with its options (JSON, LibreOffice 7.4 and later): PDF/A-2b
# (SelectPdfVersion 2), which embeds every font, and tagged (UseTaggedPDF)
EXPORT = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)


@dataclass(frozen=True)
class Pdf:
    path: Path
    size: int
    sha256: str
    pages: int


def soffice() -> str:
    """The LibreOffice program: where ``ASSEMBLER_SOFFICE`` says, else the settings' ``soffice``
    (``assembler config``), else ``soffice`` or ``libreoffice`` on PATH, else where LibreOffice's
    installer puts it on macOS and Windows."""
    chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        path = Path(chosen).expanduser()
        if path.is_file() and (sys.platform == "win32" or os.access(path, os.X_OK)):
            return str(path)
        found = shutil.which(chosen)  # a program's name, looked up on PATH
        if found:
            return found
        raise OutputError(
            f"{SOFFICE_VARIABLE} is {chosen}, which is not a program; set it to "
            "LibreOffice's soffice (its full path), or unset it"
        )
    from assembler import settings

    configured = settings.load().path("soffice")
    if configured is not None:
        if configured.is_file():
            return str(configured)
        raise OutputError(
            f"the settings file {settings.load().file} gives soffice: {configured}, which is not a program; "
            "set it to LibreOffice's soffice (its full path)"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in usual_places(sys.platform, os.environ):
        if place.is_file():
            return str(place)
    raise OutputError(INSTALL)


def usual_places(platform: str, environ: Mapping[str, str]) -> list[Path]:
    """Where LibreOffice's own installer puts ``soffice``, which it does not put on PATH."""
    if platform == "darwin":
        app = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        return [Path("/Applications") / app, Path.home() / "Applications" / app]
    if platform == "win32":
        roots = [environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        found = [root for root in roots if root] or ["C:\\Program Files"]
        return [Path(root, "LibreOffice", "program", "soffice.exe") for root in dict.fromkeys(found)]
    return []


def page_count(data: bytes) -> int:
    """Pages of a PDF LibreOffice wrote (its page objects are never compressed away)."""
    return len(_PAGE.findall(data))


def convert(
    documents: Sequence[Path], *, force: bool = True, timeout_per_document: float = 20.0, jobs: int = 1
) -> list[Pdf]:
    """A PDF beside each of ``documents``, converted by ``jobs`` LibreOffice processes at once,
    each given an equal share of the documents in their order (one process per share)."""
    if not documents:
        return []
    program = soffice()
    shares = _shares(len(documents), jobs)
    with tempfile.TemporaryDirectory(prefix="assembler-pdf-") as tmp:
        work = Path(tmp)
        inputs = []
        for index, document in enumerate(documents):  # unique names: motion.docx of many cases
            copy = work / "in" / f"{index:06d}.docx"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(document, copy)
            inputs.append(copy)
        for wave in _waves(shares):  # at most RUN_LIMIT documents in one LibreOffice run
            running = [
                subprocess.Popen(
                    [
                        program,
                        "--headless",
                        "--norestore",
                        "--nolockcheck",
                        f"-env:UserInstallation={(work / f'profile-{job}').as_uri()}",
                        "--convert-to",
                        EXPORT,
                        "--outdir",
                        str(work / "out"),
                        *map(str, inputs[start:end]),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for job, (start, end) in wave
            ]
            try:
                for process, (_, (start, end)) in zip(running, wave):
                    process.wait(timeout=60 + timeout_per_document * (end - start))
            except subprocess.TimeoutExpired:
                raise OutputError(
                    f"LibreOffice did not finish converting {len(inputs)} drafts to PDF "
                    "in time; the .docx drafts are written"
                ) from None
            finally:
                for process in running:
                    if process.poll() is None:
                        process.kill()
                        process.wait()
        results = []
        for document, copy in zip(documents, inputs):
            produced = work / "out" / (copy.stem + ".pdf")
            if not produced.is_file():
                raise OutputError(f"LibreOffice could not convert {document} to PDF; the .docx drafts are written")
            data = produced.read_bytes()
            target = document.with_suffix(".pdf")
            atomic_write(data, target, force=force)
            results.append(Pdf(target, len(data), hashlib.sha256(data).hexdigest(), page_count(data)))
    return results


# LibreOffice converts at most about 245 files named on one command line and leaves the rest
# unconverted, exiting 0 (seen with LibreOffice 7.4.7: 400 drafts in, 245 PDFs out); a job's share
# is converted in runs of at most this many, each after the first reusing the job's profile
RUN_LIMIT = 200


def _waves(shares: list[tuple[int, int]]) -> list[list[tuple[int, tuple[int, int]]]]:
    """Each job's share cut into runs of at most ``RUN_LIMIT`` documents: the runs started
    together (one per job still converting), as (job, (start, end))."""
    limit = RUN_LIMIT
    waves: list[list[tuple[int, tuple[int, int]]]] = []
    for job, (start, end) in enumerate(shares):
        for number, first in enumerate(range(start, end, limit)):
            if number == len(waves):
                waves.append([])
            waves[number].append((job, (first, min(first + limit, end))))
    return waves


def _shares(count: int, jobs: int) -> list[tuple[int, int]]:
    """``count`` documents cut into at most ``jobs`` runs of consecutive ones, as even as can be:
    (start, end) of each."""
    jobs = max(1, min(jobs, count))
    bounds = [count * job // jobs for job in range(jobs + 1)]
    return list(zip(bounds, bounds[1:]))
