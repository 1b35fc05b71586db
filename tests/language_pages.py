"""Pages for measuring language detection, built from the UDHR paragraphs of
tests/cases/language/udhr.json (see the README there): deterministic, no randomness.

Kinds of page, per language:

* ``long``: consecutive paragraphs, at least 900 characters;
* ``short``: one paragraph of at most 250 characters (one UDHR article, 10-40 words);
* ``quote``: a long page with one short paragraph of another language in the middle (a
  quotation); the page's language is the main one, the quoted paragraph has its own;
* ``neighbour``: at least 900 characters of the main language, then at least 350 of another
  (the next article on the page is in another language).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).parent / "cases" / "language" / "udhr.json"


class Page(NamedTuple):
    id: str
    kind: str
    language: str
    paragraphs: tuple[tuple[str, str], ...]  # (language, text)

    @property
    def text(self) -> str:
        return "\n\n".join(t for _, t in self.paragraphs) + "\n"


def _take(paras: list[str], start: int, chars: int) -> list[str]:
    out: list[str] = []
    i = start
    while sum(map(len, out)) < chars:
        out.append(paras[i % len(paras)])
        i += 1
    return out


def pages() -> list[Page]:
    data = json.loads(DATA.read_text("utf-8"))["paragraphs"]
    codes = sorted(data)
    out: list[Page] = []
    for li, lang in enumerate(codes):
        paras = data[lang]
        shorts = [p for p in paras if len(p) <= 250]
        for k in range(6):
            text = _take(paras, k * 6, 900)
            out.append(Page(f"{lang}-long-{k}", "long", lang, tuple((lang, t) for t in text)))
        for k in range(8):
            p = shorts[(k * 3) % len(shorts)]
            out.append(Page(f"{lang}-short-{k}", "short", lang, ((lang, p),)))
        for k in range(3):
            other = codes[(li + 1 + k * 8) % len(codes)]
            oshort = [p for p in data[other] if len(p) <= 250]
            main = _take(paras, 3 + k * 7, 700)
            mid = len(main) // 2
            quoted = oshort[(li + k) % len(oshort)]
            seq = [(lang, t) for t in main[:mid]] + [(other, quoted)]
            seq += [(lang, t) for t in main[mid:]]
            out.append(Page(f"{lang}-quote-{k}", "quote", lang, tuple(seq)))
        for k in range(3):
            other = codes[(li + 5 + k * 7) % len(codes)]
            main = _take(paras, 10 + k * 5, 900)
            rest = _take(data[other], 20 + k * 3, 350)
            seq = [(lang, t) for t in main] + [(other, t) for t in rest]
            out.append(Page(f"{lang}-neighbour-{k}", "neighbour", lang, tuple(seq)))
    return out


def unsupported_pages() -> list[Page]:
    """Per language reflow has no profile for (Finnish, Turkish, Estonian, Basque; and the
    close relatives of supported ones: Belarusian, Croatian, Serbian, Macedonian, Galician,
    Afrikaans): 2 long pages (>= 900 characters) and 4 short ones (<= 250)."""
    data = json.loads(DATA.read_text("utf-8"))["unsupported"]
    out: list[Page] = []
    for lang, paras in sorted(data.items()):
        for k in range(2):
            text = _take(paras, k * 5, 900)
            out.append(Page(f"{lang}-long-{k}", "long", lang, tuple((lang, t) for t in text)))
        for k, p in enumerate([p for p in paras if len(p) <= 250][:4]):
            out.append(Page(f"{lang}-short-{k}", "short", lang, ((lang, p),)))
    return out
