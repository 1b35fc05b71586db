"""PDF and OCR files (``.pdf``, ``.xml``, ``.hocr``, ``.html``, ``.xhtml``, ``.tsv``): one
document a file.

Each file is read with its geometry by :func:`reflow.reflow_file` (the kind is told by the
content: PDF, ALTO, PAGE-XML, hOCR or Tesseract TSV; :mod:`reflow.readers`), pages in order,
and written like a ``.txt`` file's output: one file under ``-o``, named after the input with the
output's suffix added (``scan/p1.xml`` -> ``scan/p1.xml.txt``), so a ``p1.pdf`` beside a
``p1.txt`` never write the same output.  A file that is none of these kinds (an ``.xml`` that is
not OCR, an ``.html`` page without ``ocr_line``, a ``.tsv`` without Tesseract's header), an
encrypted, damaged or image-only PDF, is one line in the errors file, and the run goes on.
"""

from __future__ import annotations

from reflow.batch.formats.txt import TEXT_SUFFIX, Txt, encode_output
from reflow.batch.options import BatchOptions
from reflow.batch.records import render

SUFFIXES = (".pdf", ".xml", ".hocr", ".html", ".xhtml", ".tsv")


class Pages(Txt):
    kind = "pages"
    suffixes = tuple((s, "") for s in SUFFIXES)
    grouped = True

    def output_key(self, rel: str, fmt: str) -> str:
        return rel + TEXT_SUFFIX[fmt]

    def encode_file(self, opts: BatchOptions, src: str) -> bytes:
        """Read and reflow one file (writing is :meth:`Txt.work`'s, as for ``.txt``)."""
        from reflow.pipeline import reflow_file
        from reflow.readers import ReaderError, detect_kind

        with open(src, "rb") as f:
            head = f.read(65536)
        kind = detect_kind(head)
        if kind == "text":
            raise ReaderError("not a PDF, ALTO, PAGE-XML, hOCR or Tesseract TSV file")
        # A path, not bytes: a PDF is read page by page from the disk.
        doc = reflow_file(src, opts.config, kind=kind)
        return encode_output(render(doc, opts.format, opts.keep_furniture, opts.decisions))
