"""Synthetic newspaper-style raw text for the speed benchmarks.

Sentences are drawn (seeded, so every run makes the same text) from the words of the
project's own English example and test cases, wrapped to a narrow column as a typesetter would,
with line-break hyphens at Pyphen's hyphenation points, a trailing space on wrapped lines (as
pdfminer.six prints them), blank lines between paragraphs, column breaks inside sentences, and a
form feed every 120 lines.  The words are real, the sentences are not: this measures speed,
not quality.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pyphen

ROOT = Path(__file__).resolve().parent.parent


def vocabulary() -> list[str]:
    """Distinct lower-case words of examples/newspaper-page.txt and the English test cases."""
    text = (ROOT / "examples" / "newspaper-page.txt").read_text(encoding="utf-8")
    cases = json.loads((ROOT / "tests" / "cases" / "constructed.json").read_text(encoding="utf-8"))
    text += " ".join(c["input"] for c in cases if c["lang"] == "en")
    text = text.replace("-\n", "")
    return sorted({w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)})


def make_text(megabytes: float, width: int = 42, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = vocabulary()
    hyph = pyphen.Pyphen(lang="en_US")
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    lines_on_page = 0
    while size < target:
        n_sent = rng.randint(2, 6)
        sentences = []
        for _ in range(n_sent):
            sent = [rng.choice(words) for _ in range(rng.randint(6, 22))]
            sent[0] = sent[0].capitalize()
            sentences.append(" ".join(sent) + rng.choice([".", ".", ".", "?", "!"]))
        para = " ".join(sentences).split(" ")
        line = ""
        para_lines: list[str] = []
        for w in para:
            if len(line) + 1 + len(w) <= width:
                line = f"{line} {w}" if line else w
                continue
            room = width - len(line) - 2
            split = None
            if room > 2 and w[:-1].isalpha():
                for pos in sorted(hyph.positions(w.lower()), reverse=True):
                    if pos <= room:
                        split = pos
                        break
            if split:
                para_lines.append(f"{line} {w[:split]}-" if line else f"{w[:split]}-")
                line = w[split:]
            else:
                para_lines.append(line + " ")
                line = w
        para_lines.append(line)
        for ln in para_lines:
            lines_on_page += 1
            if lines_on_page % 120 == 0:
                out.append("\x0c" + ln)
            elif rng.random() < 0.02:
                out.append(ln + "\n")  # a column break: blank line inside a paragraph
            else:
                out.append(ln)
            size += len(ln) + 1
        out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(make_text(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
