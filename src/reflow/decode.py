"""Stage 0: turn the input into text, or say clearly why it is not text.

reflow reads UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.  Bytes
that are not valid UTF-8, and binary data (NUL bytes), raise :class:`InputError` with a one-line
message, unless ``errors="replace"`` asks for replacement, which is then reported as a warning.
A ``str`` input gets the same policy (:func:`check_text`): lone surrogates, which no encoder can
write, are refused with their offset, or replaced with U+FFFD and reported.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

#: How many bytes of the input are searched for a NUL byte (the sign of binary data).  Binary
#: formats (PDF, ZIP, images) put NULs in their first kilobytes; scanning the whole input would
#: cost a full pass for nothing on large text.
BINARY_SNIFF_BYTES = 65536

#: A surrogate code point: never valid in text on its own (a character class: linear time).
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(ValueError):
    """The input is not text reflow can read.  The message is one line and says what to do."""


def decode(data: bytes, errors: Literal["strict", "replace"] = "strict") -> tuple[str, list[str]]:
    """Decode ``data``; return the text and a list of warnings.

    >>> decode("caf\\u00e9".encode())
    ('café', [])
    >>> decode(codecs.BOM_UTF8 + b"text")
    ('text', [])
    >>> decode(b"\\xff\\xfeo\\x00k\\x00")
    ('ok', [])
    >>> decode(b"bad \\xe9 byte")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.decode.InputError: input is not valid UTF-8 (first bad byte at offset 4); ...
    >>> decode(b"bad \\xe9 byte", errors="replace")
    ('bad \\ufffd byte', ['1 invalid UTF-8 sequence(s) replaced with U+FFFD'])
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            if errors == "strict":
                raise InputError(
                    f"input has a UTF-16 byte-order mark but is not valid UTF-16 "
                    f"(at byte {exc.start}); convert it to UTF-8"
                ) from None
            text = data.decode("utf-16", errors="replace")
            return text, [f"{text.count(chr(0xFFFD))} invalid UTF-16 sequence(s) replaced"]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul >= 0 and errors == "strict":
        raise InputError(
            f"input looks binary (NUL byte at offset {nul}); reflow reads text extracted from "
            f"pages: run a PDF extractor first (e.g. pdftotext -raw)"
        )
    try:
        text = data.decode("utf-8")
        warnings: list[str] = []
    except UnicodeDecodeError as exc:
        if errors == "strict":
            raise InputError(
                f"input is not valid UTF-8 (first bad byte at offset {exc.start}); convert it to "
                f'UTF-8, or pass --replace-invalid (errors="replace") to decode with U+FFFD'
            ) from None
        before = data.count("\ufffd".encode())
        text = data.decode("utf-8", errors="replace")
        replaced = text.count("\ufffd") - before
        warnings = [f"{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD"]
    if "\x00" in text:
        # Only reachable with errors="replace": keep the text, but say what was odd about it.
        warnings.append(f"{text.count(chr(0))} NUL character(s) in the input were kept as they are")
    return text, warnings


def check_text(text: str, errors: Literal["strict", "replace"] = "strict") -> tuple[str, list[str]]:
    """Check a ``str`` input as :func:`decode` checks bytes; return the text and its warnings.

    A ``str`` is already decoded, but it may still not be Unicode text: a lone surrogate
    (U+D800..U+DFFF) comes from a JSON ``\\ud800`` escape or from ``surrogateescape`` decoding,
    and no encoder can write it.  ``"strict"`` raises :class:`InputError` naming its offset (and
    refuses binary data, as for bytes); ``"replace"`` puts U+FFFD in its place, one for one (so
    every offset stays the same), and says so in a warning.

    >>> check_text("fine")
    ('fine', [])
    >>> check_text("bad \\ud800 here")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.decode.InputError: input is not valid Unicode: a lone surrogate (U+D800) at offset 4...
    >>> check_text("bad \\ud800 here", errors="replace")
    ('bad \ufffd here', ['1 lone surrogate(s) replaced with U+FFFD'])
    """
    warnings: list[str] = []
    if errors == "strict":
        nul = text.find("\x00", 0, BINARY_SNIFF_BYTES)
        if nul >= 0:
            raise InputError(
                f"input looks binary (NUL character at offset {nul}); reflow reads text "
                f"extracted from pages"
            )
    if not text.isascii():
        found = _SURROGATE.search(text)
        if found is not None:
            if errors == "strict":
                raise InputError(
                    f"input is not valid Unicode: a lone surrogate (U+{ord(found.group()):04X}) "
                    f"at offset {found.start()}, from a \\u escape or surrogateescape decoding; "
                    f'fix the source, or pass --replace-invalid (decode_errors="replace") to '
                    f"replace it with U+FFFD"
                )
            text, replaced = _SURROGATE.subn("\ufffd", text)
            warnings.append(f"{replaced} lone surrogate(s) replaced with U+FFFD")
    if errors != "strict" and "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) in the input were kept as they are")
    return text, warnings
