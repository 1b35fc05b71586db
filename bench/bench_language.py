"""Benchmark: language detection among the 25 languages, and the look-alike letter fold.

Pages: tests/language_pages.py (UDHR paragraphs in 25 languages: long, short, quotation,
neighbouring article; 500 pages).  Systems: reflow's detector (reflow.language), and py3langid
(BSD-3-Clause, model shipped in its wheel, needs numpy) restricted to the same 25 languages, when
it is installed (``pip install py3langid``; a benchmark-only package, never required).

Reports accuracy per kind of page (right / undetermined / wrong), the languages that failed,
per-paragraph languages on the mixed pages (reflow only), time per page (median of 3 runs), and
how many lexicon look-ups a Latin look-alike letter breaks in Cyrillic and Greek words, with and
without the fold.

    .venv/bin/python bench/bench_language.py            # prints Markdown
    .venv/bin/python bench/bench_language.py --write    # also bench/results/language-<date>.md
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from language_pages import Page, pages, unsupported_pages  # noqa: E402

import reflow  # noqa: E402
from reflow.language import UNDETERMINED, detect_language, languages  # noqa: E402
from reflow.lexicon import _LATIN_CYRILLIC, _LATIN_GREEK, Lexicon  # noqa: E402

KINDS = ("long", "short", "quote", "neighbour")


def _py3langid():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    # py3langid names Norwegian (Bokmål) "no".
    ident.set_languages(["no" if c == "nb" else c for c in languages()])
    return lambda text: {"no": "nb"}.get(code := ident.classify(text)[0], code)


def measure(name: str, detect, items: list[Page]) -> tuple[list[str], Counter, float]:
    """Accuracy rows and the median seconds per page over 3 runs."""
    outcome: Counter = Counter()
    failures: Counter = Counter()
    times = []
    for run in range(3):
        t0 = time.perf_counter()
        answers = [detect(p.text) for p in items]
        times.append(time.perf_counter() - t0)
        if run:
            continue
        for p, code in zip(items, answers, strict=True):
            verdict = (
                "right" if code == p.language else ("und" if code == UNDETERMINED else "wrong")
            )
            outcome[p.kind, verdict] += 1
            if verdict != "right":
                failures[f"{p.language}->{code}"] += 1
    rows = []
    for kind in KINDS:
        n = sum(outcome[kind, v] for v in ("right", "und", "wrong"))
        r, u, w = (outcome[kind, v] for v in ("right", "und", "wrong"))
        rows.append(f"| {name} | {kind} | {n} | {r} ({100 * r / n:.1f} %) | {u} | {w} |")
    single = [p for p in items if p.kind in ("long", "short")]
    right = sum(outcome[k, "right"] for k in ("long", "short"))
    rows.append(
        f"| {name} | **single-language** | {len(single)} | **{right} "
        f"({100 * right / len(single):.1f} %)** | "
        f"{sum(outcome[k, 'und'] for k in ('long', 'short'))} | "
        f"{sum(outcome[k, 'wrong'] for k in ('long', 'short'))} |"
    )
    return rows, failures, statistics.median(times) / len(items)


def block_languages(items: list[Page]) -> str:
    """reflow's per-paragraph languages on the mixed pages."""
    right = missed = false = total = 0
    for p in items:
        if p.kind not in ("quote", "neighbour"):
            continue
        doc = reflow.reflow(p.text)
        paras = [b for b in doc.blocks if b.role == "paragraph"]
        if len(paras) != len(p.paragraphs):
            continue
        for b, (gold, _) in zip(paras, p.paragraphs, strict=True):
            want = "" if gold == doc.language else gold
            total += 1
            if b.language == want:
                right += 1
            elif want:
                missed += 1
            else:
                false += 1
    return (
        f"{right} of {total} paragraphs right ({100 * right / total:.1f} %); "
        f"{missed} other-language paragraphs not marked, {false} marked wrongly"
    )


def generated_pages(detect) -> tuple[list[str], str]:
    """``detect`` on every page of the generated corpus (eval/cases: each extraction cut at its
    form feeds; pypdf's output has none, so a pypdf extraction is one page): rows per language
    (pages, right, und, wrong) and the failures."""
    outcome: dict[str, Counter] = {}
    failures: Counter = Counter()
    for gold in sorted((ROOT / "eval" / "cases").rglob("gold.json")):
        lang = gold.parent.parent.name
        for text_file in sorted(gold.parent.glob("*.txt")):
            for page in text_file.read_text("utf-8").split("\f"):
                if not page.strip():
                    continue
                code = detect(page)
                verdict = "right" if code == lang else ("und" if code == UNDETERMINED else "wrong")
                outcome.setdefault(lang, Counter())[verdict] += 1
                if verdict != "right":
                    failures[f"{lang}->{code}"] += 1
    rows = []
    total: Counter = Counter()
    for lang, c in sorted(outcome.items()):
        n = sum(c.values())
        total += c
        share = f"{c['right']} ({100 * c['right'] / n:.1f} %)"
        rows.append(f"| {lang} | {n} | {share} | {c['und']} | {c['wrong']} |")
    n = sum(total.values())
    rows.append(
        f"| **all** | {n} | **{total['right']} ({100 * total['right'] / n:.2f} %)** | "
        f"{total['und']} | {total['wrong']} |"
    )
    return rows, ", ".join(f"{k} {v}" for k, v in failures.most_common()) or "none"


def _corpus_pages() -> dict[str, list[str]]:
    """The pdftotext-raw pages of the generated corpus per language (form feeds cut pages)."""
    out: dict[str, list[str]] = {}
    for f in sorted((ROOT / "eval" / "cases").rglob("pdftotext-raw.txt")):
        pages_ = [p for p in f.read_text("utf-8").split("\f") if len(p.split()) >= 60]
        out.setdefault(f.parent.parent.name, []).extend(pages_)
    return out


def generated_mixed(per_language: int = 10) -> list[str]:
    """Mixed pages made from the generated corpus: a page of language A with a neighbouring
    article (the first third of a page of language B, the next language in code order) after it,
    and with a quotation (20-50 words of B, whole sentences) in its middle.  reflow's
    answer for the document (the language of more text is right), the paragraphs of the B
    part that carry B (blocks[].language), and the paragraphs of A that carry B."""
    by_lang = _corpus_pages()
    codes = sorted(by_lang)
    rows = []
    for kind in ("neighbour", "quote"):
        right = n = 0
        b_paras = b_marked = a_wrong = 0
        for i, a in enumerate(codes):
            b = codes[(i + 1) % len(codes)]
            for k in range(min(per_language, len(by_lang[a]))):
                page = by_lang[a][k]
                other_page = by_lang[b][k % len(by_lang[b])]
                words = other_page.split()
                # A is cut after a line that ends a sentence (the middle one for a quotation,
                # the last one for a neighbour), so that B does not continue A's sentence.
                lines = page.rstrip().split("\n")
                ends = [j for j, line in enumerate(lines) if line.rstrip().endswith(".")]
                if not ends:
                    continue
                if kind == "neighbour":
                    # A third of B's page: A stays the larger part (the document's language).
                    piece = " ".join(words[: len(words) // 3])
                    cut = ends[-1] + 1
                else:
                    # From a sentence start, so that the quotation does not continue A's text.
                    start = next(
                        (
                            j
                            for j in range(10, len(words))
                            if words[j - 1].endswith(".") and words[j][:1].isupper()
                        ),
                        20,
                    )
                    # ... and to the last sentence end within 50 words (at least 20).
                    stop = max(
                        (j + 1 for j in range(start + 20, start + 50) if j < len(words)
                         and words[j].endswith(".")),
                        default=start + 50,
                    )  # fmt: skip
                    piece = " ".join(words[start:stop])
                    cut = min(ends, key=lambda j: abs(j - len(lines) // 2)) + 1
                text = "\n".join(lines[:cut]) + "\n\n" + _wrap(piece) + "\n\n"
                text += "\n".join(lines[cut:])
                doc = reflow.reflow(text)
                n += 1
                # The document's language is the one of more text (A, unless A's page was
                # short and B's third is longer).
                larger = a if len(text) - len(piece) >= len(piece) else b
                right += doc.language == larger
                # A paragraph is B's when more of its words are in the B piece than in A's page.
                in_b = set(piece.lower().split())
                in_a = set(page.lower().split())
                for block in doc.blocks:
                    words_ = block.text.lower().split()
                    if block.role != "paragraph" or len(words_) < 8:
                        continue
                    if sum(w in in_b for w in words_) > sum(w in in_a for w in words_):
                        b_paras += 1
                        b_marked += block.language == b
                    elif block.language == b:
                        a_wrong += 1
        rows.append(
            f"| {kind} | {n} | {right} ({100 * right / n:.1f} %) | {b_marked} of {b_paras} | "
            f"{a_wrong} |"
        )
    return rows


def _wrap(text: str, width: int = 40) -> str:
    """``text`` in lines of about ``width`` characters (a narrow column)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def unsupported() -> list[str]:
    """What reflow says on pages of languages it has no profile for (``und`` is right)."""
    answers: dict[str, Counter] = {}
    for p in unsupported_pages():
        answers.setdefault(p.language, Counter())[detect_language(p.text)[0]] += 1
    return [
        f"| {lang} | {sum(c.values())} | {c['und']} | "
        + ", ".join(f"{k} {n}" for k, n in c.most_common() if k != UNDETERMINED)
        + " |"
        for lang, c in sorted(answers.items())
    ]


def pipeline_share(limit: int = 200) -> str:
    """Detection's share of reflow's time on the evaluation corpus's extractions (the first
    ``limit`` files in path order): the same documents reflowed with the language detected and
    with it given, best of 3."""
    files = sorted((ROOT / "eval" / "cases").rglob("*.txt"))[:limit]
    texts = [(f.read_text("utf-8"), f.parent.parent.name) for f in files]
    chars = sum(len(t) for t, _ in texts)

    def run(auto: bool) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for text, lang in texts:
                reflow.reflow(text, language="auto" if auto else lang)
            best = min(best, time.perf_counter() - t0)
        return best

    for text, lang in texts:  # load every lexicon first: a first load costs up to a second
        reflow.reflow(text, language=lang)
    t_auto, t_given = run(True), run(False)
    t0 = time.perf_counter()
    for text, _ in texts:
        detect_language(text)
    t_detect = time.perf_counter() - t0
    return (
        f"{len(texts)} corpus files ({chars / 1e6:.2f} MB): reflow {chars / t_auto / 1e6:.2f} MB/s "
        f"with the language detected, {chars / t_given / 1e6:.2f} MB/s with it given; detection "
        f"alone {1000 * t_detect / len(texts):.2f} ms per document "
        f"({100 * (t_auto - t_given) / t_auto:.0f} % of the detected run)"
    )


def fold_measure() -> list[str]:
    """The 2,000 most frequent words (>= 4 letters) of each Cyrillic/Greek language, each with
    its first letter that has a Latin look-alike of the same case swapped for it (lower case
    words, and the same words capitalised): how many the lexicon still finds."""
    import wordfreq

    rows = []
    for code, table in (("ru", _LATIN_CYRILLIC), ("uk", _LATIN_CYRILLIC), ("bg", _LATIN_CYRILLIC),
                        ("el", _LATIN_GREEK)):  # fmt: skip
        back = {v: k for k, v in table.items()}  # native letter -> Latin look-alike, same case
        lex = Lexicon.get(code)
        words = [w for w in wordfreq.top_n_list(code, 3000) if len(w) >= 4 and w.isalpha()][:2000]
        for shape, variants in (
            ("lower case", words),
            ("capitalised", [w.capitalize() for w in words]),
        ):
            mixed = []
            for w in variants:
                for i, ch in enumerate(w):
                    if ch in back:
                        mixed.append(w[:i] + back[ch] + w[i + 1 :])
                        break
            found = sum(lex.zipf(m) > 0 for m in mixed)
            unfolded = sum(lex._frequencies().get(m.casefold(), 0) > 0 for m in mixed)
            n = len(mixed)
            rows.append(
                f"| {code} | {shape} | {n} | {unfolded} ({100 * unfolded / n:.1f} %) | "
                f"{found} ({100 * found / n:.1f} %) |"
            )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    items = pages()
    detect_language("warm up")
    systems = [("reflow " + reflow.__version__, lambda t: detect_language(t)[0])]
    other = _py3langid()
    if other is not None:
        systems.append(("py3langid " + importlib.metadata.version("py3langid"), other))
    out = [
        f"# Language detection, {datetime.date.today()}",
        "",
        f"Python {platform.python_version()}, {platform.machine()}; pages: "
        f"tests/language_pages.py ({len(items)} UDHR pages, 25 languages); "
        "`bench/bench_language.py`.",
        "",
        "| system | pages | n | right | und | wrong |",
        "|---|---|---|---|---|---|",
    ]
    speed = []
    fails = []
    for name, fn in systems:
        rows, failures, per_page = measure(name, fn, items)
        out += rows
        chars = statistics.mean(len(p.text) for p in items)
        speed.append(f"| {name} | {1000 * per_page:.2f} ms | {chars / per_page / 1e6:.2f} MB/s |")
        fails.append(
            f"- {name}: " + (", ".join(f"{k} {n}" for k, n in failures.most_common()) or "none")
        )
    out += ["", "Failures (gold->answer count):", "", *fails, ""]
    out += ["| system | median time per page | throughput |", "|---|---|---|", *speed, ""]
    out += ["Cost inside reflow: " + pipeline_share(), ""]
    for name, fn in systems:
        rows, failed = generated_pages(fn)
        out += [
            f"Pages of the generated corpus (eval/cases, every page of every extraction, one "
            f"language each; {name}):",
            "",
            "| language | pages | right | und | wrong |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"Failures: {failed}",
            "",
        ]
    out += [
        "Mixed pages from the generated corpus (reflow; a page of language A, the next language",
        "B in code order as a neighbouring article after it or a quotation of 20-50 words in its",
        "middle; 10 pages per language):",
        "",
        "| kind | pages | document language (the larger part's) | B paragraphs marked B |"
        " A paragraphs marked B |",
        "|---|---|---|---|---|",
        *generated_mixed(),
        "",
    ]
    out += [
        "Per-paragraph languages on the quotation and neighbour pages (reflow): "
        + block_languages(items),
        "",
    ]
    out += [
        "Languages without a profile (2 long and up to 4 short UDHR pages each; `und` is the",
        "right answer; a close relative of a supported language is often taken for it):",
        "",
        "| language | pages | und | taken for |",
        "|---|---|---|---|",
        *unsupported(),
        "",
    ]
    out += [
        "Look-alike letters: the 2,000 most frequent words (>= 4 letters) with their first letter",
        "that has a Latin look-alike of the same case swapped for it; how many the lexicon finds",
        "without and with the fold (words with no such letter are left out):",
        "",
        "| language | words | n | found without fold | found with fold |",
        "|---|---|---|---|---|",
        *fold_measure(),
        "",
    ]
    text = "\n".join(out)
    print(text)
    if args.write:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d-%H%M")
        path = ROOT / "bench" / "results" / f"language-{stamp}.md"
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
