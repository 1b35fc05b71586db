"""How right a paragraph reconstruction is, measured against gold, on anyone's data.

Everything here works on plain data: a :class:`Gold` (paragraphs, headings, furniture lines and
line-end hyphens with their true words) and a :class:`Prediction` (paragraph texts, and heading
texts when the system labels headings).  Nothing imports the rest of reflow at module level, so
the metrics score peers exactly as they score reflow.

Texts are compared as **tokens**: a word (letters/digits, with inner hyphens and apostrophes,
so ``well-known`` and ``l’homme`` are one token) or a single punctuation character.  Spacing is
not scored, words are: ``ap- proved``, ``ap-proved`` and ``approved`` are three different
answers.

>>> tokens("A well-known ap- proved rule.")
['A', 'well-known', 'ap', '-', 'proved', 'rule', '.']

Scores are kept as counts (:class:`Counts`) so that they add up over cases and suites and rates
are micro-averages.

>>> gold = Gold(paragraphs=["It was approved, well-known.", "Second one."],
...             hyphens=[Hyphen("approved", join=True), Hyphen("well-known", join=False)])
>>> c = score(Prediction(["It was approved, well-known.", "Second one."]), gold)
>>> c.wer, c.exact, c.boundary_f1, c.hyphen_join, c.hyphen_keep
(0.0, 1.0, 1.0, 1.0, 1.0)
>>> c = score(Prediction(["It was ap-proved, wellknown. Second one."]), gold)
>>> round(c.wer, 3), c.exact, c.boundary_recall, c.hyphen_join, c.hyphen_keep
(0.222, 0.0, 0.0, 0.0, 0.0)

Run on a folder of cases (format in eval/README.md) and print a table per suite and language:
``python -m reflow.metrics eval/cases``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path

TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")

#: Glyph variants that are not scored: typographic ligatures (real scans and PDFs print ``ﬁ``
#: where the text has ``fi``; reflow normalises them, the peers do not) and the Unicode hyphen
#: and non-breaking hyphen, which are the hyphen-minus in another glyph; so is the double
#: oblique hyphen ``⸗`` of Fraktur print, which hkb-newspaper's transcribers keep inside lines
#: while its gold (eval/real/build.py) writes the kept line-end hyphen as ``-``
#: ("Mercedes⸗" / "Benz" is gold "Mercedes-Benz"): a system that keeps the printed glyph
#: is as right as one that writes the hyphen-minus.
FOLD = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
    | {"‐": "-", "‑": "-", "⸗": "-"}
)


def tokens(text: str) -> list[str]:
    """Split ``text`` into word and punctuation tokens (see the module docstring).

    >>> tokens("classiﬁ‐cation Mercedes⸗Benz")
    ['classifi-cation', 'Mercedes-Benz']
    """
    return TOKEN.findall(text.translate(FOLD))


@dataclass(frozen=True)
class Hyphen:
    """A hyphen at the end of a line in the input, and the word it belongs to.

    ``word`` is the true word as one token (``approved`` or ``well-known``); ``join`` is True
    when the hyphen was only a line-break hyphen and must go.
    """

    word: str
    join: bool


@dataclass(frozen=True)
class Gold:
    """What a perfect reconstruction gives for one input."""

    paragraphs: Sequence[str]
    headings: Sequence[str] = ()
    furniture: Sequence[str] = ()
    hyphens: Sequence[Hyphen] = ()


@dataclass(frozen=True)
class Prediction:
    """What a system gave: body paragraphs, and headings (None when it does not label them)."""

    paragraphs: Sequence[str]
    headings: Sequence[str] | None = None


@dataclass
class Counts:
    """Raw counts; add them up over cases, then read the rates."""

    cases: int = 0
    gold_words: int = 0
    word_errors: int = 0
    gold_paragraphs: int = 0
    exact_paragraphs: int = 0
    boundary_tp: int = 0
    boundary_fp: int = 0
    boundary_fn: int = 0
    join_total: int = 0
    join_right: int = 0
    keep_total: int = 0
    keep_right: int = 0
    heading_total: int = 0
    heading_found: int = 0
    heading_scored: int = 0  # cases whose system labels headings at all
    furniture_total: int = 0
    furniture_leaked: int = 0
    input_bytes: int = 0
    seconds: float = 0.0
    peak_bytes: int = 0  # a maximum, not a sum

    def __add__(self, other: Counts) -> Counts:
        out = Counts()
        for f in fields(Counts):
            a, b = getattr(self, f.name), getattr(other, f.name)
            setattr(out, f.name, max(a, b) if f.name == "peak_bytes" else a + b)
        return out

    @property
    def wer(self) -> float:
        """Word error rate of the body text: edits / gold tokens."""
        return _rate(self.word_errors, self.gold_words)

    @property
    def exact(self) -> float:
        """Share of gold paragraphs found exactly (same tokens) among the predicted ones."""
        return _rate(self.exact_paragraphs, self.gold_paragraphs)

    @property
    def boundary_precision(self) -> float:
        return _rate(self.boundary_tp, self.boundary_tp + self.boundary_fp)

    @property
    def boundary_recall(self) -> float:
        return _rate(self.boundary_tp, self.boundary_tp + self.boundary_fn)

    @property
    def boundary_f1(self) -> float:
        p, r = self.boundary_precision, self.boundary_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def hyphen_join(self) -> float:
        """Accuracy on line-break hyphens (must be removed)."""
        return _rate(self.join_right, self.join_total)

    @property
    def hyphen_keep(self) -> float:
        """Accuracy on real hyphens that fell at a line end (must be kept)."""
        return _rate(self.keep_right, self.keep_total)

    @property
    def hyphen(self) -> float:
        """Accuracy on all line-end hyphens."""
        return _rate(self.join_right + self.keep_right, self.join_total + self.keep_total)

    @property
    def heading_recall(self) -> float | None:
        if not self.heading_scored:
            return None
        return _rate(self.heading_found, self.heading_total)

    @property
    def leakage(self) -> float:
        """Share of furniture lines (running heads, page numbers) found inside paragraphs."""
        return _rate(self.furniture_leaked, self.furniture_total, empty=0.0)

    @property
    def mb_per_s(self) -> float:
        return self.input_bytes / 1e6 / self.seconds if self.seconds else 0.0

    def rates(self) -> dict[str, float | int | None]:
        """The headline numbers, as a dict for JSON and tables."""
        return {
            "cases": self.cases,
            "wer": self.wer,
            "exact": self.exact,
            "boundary_p": self.boundary_precision,
            "boundary_r": self.boundary_recall,
            "boundary_f1": self.boundary_f1,
            "hyphen": self.hyphen,
            "hyphen_join": self.hyphen_join,
            "hyphen_keep": self.hyphen_keep,
            "heading_recall": self.heading_recall,
            "leakage": self.leakage,
            "mb_per_s": self.mb_per_s,
            "peak_mb": self.peak_bytes / 1e6,
        }


def _rate(num: int, den: int, empty: float = 1.0) -> float:
    return num / den if den else empty


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def _stream(paragraphs: Iterable[str]) -> tuple[list[str], list[int]]:
    """All tokens in order, and the index of the first token of every paragraph but the first."""
    toks: list[str] = []
    starts: list[int] = []
    for p in paragraphs:
        t = tokens(p)
        if not t:
            continue
        if toks:
            starts.append(len(toks))
        toks.extend(t)
    return toks, starts


def _align(gold: list[str], pred: list[str]) -> tuple[int, dict[int, int]]:
    """Edit count (substitutions + deletions + insertions) and a map pred index -> gold index.

    difflib's matching blocks give a near-minimal alignment; ``autojunk`` is off because it
    would treat frequent words ("the", "de") as junk and misalign long texts.
    """
    sm = SequenceMatcher(None, gold, pred, autojunk=False)
    edits = 0
    mapping: dict[int, int] = {}
    for op, g1, g2, p1, p2 in sm.get_opcodes():
        if op == "equal":
            for k in range(g2 - g1):
                mapping[p1 + k] = g1 + k
        else:
            edits += max(g2 - g1, p2 - p1)
    return edits, mapping


def _count_sub(haystack: list[str], needle: list[str]) -> int:
    if not needle:
        return 0
    n, first = len(needle), needle[0]
    return sum(
        1
        for i in range(len(haystack) - n + 1)
        if haystack[i] == first and haystack[i : i + n] == needle
    )


def score(pred: Prediction, gold: Gold) -> Counts:
    """Score one prediction against its gold; see :class:`Counts` for what is counted."""
    c = Counts(cases=1)
    g_toks, g_starts = _stream(gold.paragraphs)
    p_toks, p_starts = _stream(pred.paragraphs)
    c.gold_words = len(g_toks)
    c.word_errors, mapping = _align(g_toks, p_toks)

    # Paragraphs exactly right: multiset intersection of token-normalised paragraphs.
    g_paras = Counter(_norm(p) for p in gold.paragraphs if tokens(p))
    p_paras = Counter(_norm(p) for p in pred.paragraphs if tokens(p))
    c.gold_paragraphs = sum(g_paras.values())
    c.exact_paragraphs = sum((g_paras & p_paras).values())

    # Boundaries: a predicted paragraph start is right when its first token aligns to the
    # first token of a gold paragraph.
    gold_b = set(g_starts)
    found = {mapping[s] for s in p_starts if s in mapping and mapping[s] in gold_b}
    c.boundary_tp = len(found)
    c.boundary_fp = len(p_starts) - c.boundary_tp
    c.boundary_fn = len(gold_b) - c.boundary_tp

    # Hyphens, by counting: occurrences of the true word in the prediction beyond those the gold
    # has away from line ends are the line-end ones made right (capped at how many there were).
    # A word token decides its kind: "approved" was joined, "well-known" kept its hyphen.
    g_count, p_count = Counter(g_toks), Counter(p_toks)
    join_of = {h.word.translate(FOLD): h.join for h in gold.hyphens}
    for word, n in Counter(h.word.translate(FOLD) for h in gold.hyphens).items():
        elsewhere = g_count[word] - n
        right = max(0, min(n, p_count[word] - elsewhere))
        if join_of[word]:
            c.join_total += n
            c.join_right += right
        else:
            c.keep_total += n
            c.keep_right += right

    if pred.headings is not None:
        c.heading_scored = 1
        c.heading_total = len(gold.headings)
        have = Counter(_norm(h) for h in pred.headings)
        want = Counter(_norm(h) for h in gold.headings)
        c.heading_found = sum((want & have).values())

    # Furniture leaked into paragraphs: occurrences of a furniture line's tokens inside the
    # predicted paragraphs beyond those inside the gold paragraphs (page numbers are also
    # ordinary numbers in prose).
    p_lists = [tokens(p) for p in pred.paragraphs]
    g_lists = [tokens(p) for p in gold.paragraphs]
    for line, n in Counter(_norm(f) for f in gold.furniture if tokens(f)).items():
        needle = line.split(" ")
        inside = sum(_count_sub(t, needle) for t in p_lists)
        expected = sum(_count_sub(t, needle) for t in g_lists)
        c.furniture_total += n
        c.furniture_leaked += max(0, min(n, inside - expected))
    return c


def measure(fn: Callable[[str], object], texts: Sequence[str]) -> tuple[float, int, float]:
    """Run ``fn`` on every text: (MB/s of UTF-8 input, input bytes, peak traced memory in MB).

    Time and memory are taken in separate passes because tracing allocations slows Python down
    several times over.
    """
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    for t in texts[:20]:
        fn(t)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (size / 1e6 / seconds if seconds else 0.0), size, peak / 1e6


# --- cases on disk -------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One extractor's output of one typeset document, with the gold for it."""

    suite: str  # e.g. "pdflatex/pdftotext-raw"
    language: str
    doc_id: str
    text: str
    gold: Gold
    pdf: Path | None = None
    extra: dict[str, object] = field(default_factory=dict)


def load_cases(root: str | Path) -> Iterator[Case]:
    """Every case under ``root`` (folders holding a gold.json), in sorted order."""
    for gold_path in sorted(Path(root).rglob("gold.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        for name, ex in sorted(g["extractions"].items()):
            text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
            gold = Gold(
                paragraphs=g["paragraphs"],
                headings=[h["text"] for h in g["headings"]],
                furniture=g["furniture"],
                hyphens=[Hyphen(h["word"], h["join"]) for h in ex["hyphens"]],
            )
            yield Case(
                # Real-page cases name their corpus (eval/real/README.md), and so do the added
                # languages' generated documents (eval/cases/languages-pdflatex); the others are
                # named by their typesetter.
                suite=f"{g.get('corpus', g['typesetter'])}/{name}",
                language=g["language"],
                doc_id=g["id"],
                text=text,
                gold=gold,
                pdf=gold_path.parent / g["pdf"] if g.get("pdf") else None,
            )


def reflow_system(text: str) -> Prediction:
    """reflow's answer in the metrics' terms: paragraph blocks and heading blocks."""
    import reflow

    doc = reflow.reflow(text, config=reflow.Config(language="auto"))
    return Prediction(
        paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
        headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
    )


def evaluate(
    cases: Iterable[Case], system: Callable[[str], Prediction]
) -> dict[tuple[str, str], Counts]:
    """Counts per (suite, language), timing each call of ``system``."""
    out: dict[tuple[str, str], Counts] = defaultdict(Counts)
    for case in cases:
        t0 = time.perf_counter()
        pred = system(case.text)
        seconds = time.perf_counter() - t0
        c = score(pred, case.gold)
        c.seconds = seconds
        c.input_bytes = len(case.text.encode("utf-8"))
        out[(case.suite, case.language)] += c
    return dict(out)


COLUMNS = [
    ("cases", "cases", "{:d}"),
    ("WER %", "wer", "{:.2%}"),
    ("exact", "exact", "{:.1%}"),
    ("par P", "boundary_p", "{:.3f}"),
    ("par R", "boundary_r", "{:.3f}"),
    ("par F1", "boundary_f1", "{:.3f}"),
    ("hyph", "hyphen", "{:.2%}"),
    ("join", "hyphen_join", "{:.2%}"),
    ("keep", "hyphen_keep", "{:.1%}"),
    ("head R", "heading_recall", "{:.1%}"),
    ("leak", "leakage", "{:.2%}"),
    ("MB/s", "mb_per_s", "{:.2f}"),
]


def table(rows: dict[str, Counts], first: str = "suite") -> str:
    """A Markdown table, one row per key."""
    head = f"| {first} | " + " | ".join(c[0] for c in COLUMNS) + " |"
    lines = [head, "|---" * (len(COLUMNS) + 1) + "|"]
    for key, counts in rows.items():
        r = counts.rates()
        cells = []
        for _, name, fmt in COLUMNS:
            v = r[name]
            cells.append("n/a" if v is None else fmt.format(v).replace("%", ""))
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def group(results: dict[tuple[str, str], Counts], by: int) -> dict[str, Counts]:
    """Add up counts by suite (``by=0``) or by language (``by=1``), plus an ``all`` row."""
    out: dict[str, Counts] = defaultdict(Counts)
    for key, c in sorted(results.items()):
        out[key[by]] += c
        out["all"] += c
    return dict(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m reflow.metrics",
        description="Run reflow over folders of cases and print scores per suite and language.",
    )
    ap.add_argument("folders", nargs="+", help="folders holding cases (gold.json + extractions)")
    ap.add_argument("--json", help="also write the counts per suite and language to this file")
    args = ap.parse_args(argv)
    cases = [c for f in args.folders for c in load_cases(f)]
    if not cases:
        print(
            "no cases found: a case is a folder with a gold.json (see eval/README.md)",
            file=sys.stderr,
        )
        return 2
    results = evaluate(cases, reflow_system)
    print("## By suite (typesetter/extractor)\n")
    print(table(group(results, 0)))
    print("\n## By language\n")
    print(table(group(results, 1), first="language"))
    if args.json:
        data = {f"{s}|{lang}": vars(c) for (s, lang), c in sorted(results.items())}
        Path(args.json).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
