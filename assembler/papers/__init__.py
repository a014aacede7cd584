"""The papers: which ones a matter gets, and each one written as Word would.

Takes a ``Matter`` and gives .docx documents: ``registry`` says what each
paper is (who files it, its date, its template, what it needs, which court
rules bar it), ``view`` shapes the answers for a template, ``render`` runs the
strict sandboxed docxtpl templates, ``richtext`` turns markup into Word runs
and footnotes (``wordxml``, with ``nobreak`` keeping citations on one line),
then ``keeping`` (the last paragraph with the signature), ``wordcount``,
``titles`` (measured in the template's font: ``fonts``), ``letterhead`` (a header taller
than the room above the body),
``properties`` and ``consistency`` finish and cross-check the set; ``styles`` names the styles templates and code share;
``drafts`` writes a case's set and records what it wrote, keeping a draft the
lawyer edited, and ``redline`` shows what changed answers changed; ``pdf``
converts with LibreOffice, and ``filing`` joins a declaration with its exhibits
into the one PDF CM/ECF takes; ``textview`` reads a draft back as text; ``firm``
copies the shipped templates for a firm to make its own.
"""
