"""The command line, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parent.parent / "examples" / "newspaper-page.txt"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reflow", *args], input=stdin, capture_output=True, timeout=120
    )


def test_stdin_to_text() -> None:
    r = run(stdin=b"A line that was ap-\nproved.\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"A line that was approved.\n"


def test_file_json_schema() -> None:
    r = run("--format", "json", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema"] == 1 and doc["language"] == "en"
    assert {"role", "text", "start", "end"} <= set(doc["blocks"][0])
    source = EXAMPLE.read_text(encoding="utf-8")
    for block in doc["blocks"]:
        # Offsets point into the input: the block's first word is where start says.
        first = block["text"].split()[0].strip("\u00ad")
        assert source[block["start"] :].startswith(first[:3])
    assert any(d["action"] == "dehyphenate" for d in doc["decisions"])


def test_explain_goes_to_stderr() -> None:
    r = run("--explain", str(EXAMPLE))
    assert r.returncode == 0
    text = r.stderr.decode()
    assert "dehyphenate" in text and "lexicon-joined" in text and "keep-hyphen" in text
    assert "language: en" in text


def test_markdown_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    r = run("--format", "markdown", "-o", str(out), str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert r.stdout == b""
    assert "## New bridge opens to cyclists" in out.read_text(encoding="utf-8")


def test_deterministic_across_processes() -> None:
    a = run("--format", "json", str(EXAMPLE)).stdout
    b = run("--format", "json", str(EXAMPLE)).stdout
    assert a == b and a


def test_binary_input_one_line_error() -> None:
    r = run(stdin=b"\x89PNG\r\n\x1a\n\x00\x01\x02binary")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "binary" in err and "Traceback" not in err
    # A PDF header makes it a PDF (read by the PDF reader since issue 12): still one line.
    r = run(stdin=b"%PDF-1.7\x00\x01\x02binary")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "PDF is damaged" in err and "Traceback" not in err


def test_invalid_utf8_error_and_replace() -> None:
    r = run(stdin=b"caf\xe9 au lait\n")
    assert r.returncode == 1 and b"not valid UTF-8" in r.stderr
    r = run("--replace-invalid", stdin=b"caf\xe9 au lait\n")
    assert r.returncode == 0
    assert r.stdout.decode() == "caf\ufffd au lait\n"
    assert b"replaced" in r.stderr


def test_missing_file() -> None:
    r = run("does-not-exist.txt")
    assert r.returncode == 1
    assert r.stderr.decode().startswith("reflow: error: cannot read does-not-exist.txt")


def test_usage_error() -> None:
    r = run("--format", "pdf")
    assert r.returncode == 2 and b"invalid choice" in r.stderr


def test_lang_override_and_bom_crlf() -> None:
    data = b"\xef\xbb\xbfDer Minister hat die Ent-\r\nwicklung gelobt.\r\n"
    r = run("--lang", "de", stdin=data)
    assert r.returncode == 0
    assert r.stdout.decode() == "Der Minister hat die Entwicklung gelobt.\n"


def test_empty_input() -> None:
    r = run(stdin=b"")
    assert r.returncode == 0 and r.stdout == b""
