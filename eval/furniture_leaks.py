"""Which gold furniture lines reflow leaves inside paragraphs, and why (a working tool).

    .venv/bin/python eval/furniture_leaks.py                      # every real source, counts
    .venv/bin/python eval/furniture_leaks.py --source hkb-newspaper --show 40

Each gold furniture line (running head, page number, footer, catch-word, signature mark) is
looked up among the input lines of its case (whitespace-normalised, exact); a line found there
that reflow put into a paragraph block is *leaked*.  Every leaked line gets one cause, the first
that fits, from what the input itself shows (no gold region type is stored in gold.json):

* ``page-number``: the line reads as a page number (``reflow.structure.furniture.page_number``)
  or is mostly digits ("Nr. 1/1931");
* ``head+number``: a running head with a number glued to it ("12 LIVRE SECOND");
* ``repeats``: the same line (digits masked, reflow's ``head_key``) occurs more than once in the
  case, so repetition could have found it;
* ``catch-word``: one or two words, no sentence end, last non-blank line of its page or of the
  text;
* ``one-off head``: a short line (at most 10 words) that occurs once: a running head that
  changes from page to page (section title), a masthead line;
* ``long``: anything longer (a masthead's small print, an imprint).

With ``--metric``, the lines the metric counts instead (``reflow.metrics.score``: a gold
furniture line's tokens found in the predicted paragraphs more often than in the gold body),
each with where its tokens sit in reflow's paragraphs: ``exact line`` (an input line that is
the furniture line, put into a paragraph), ``inside a longer line`` (its tokens are part of a
longer paragraph line: a page number "4" inside a table-of-contents line, a head glued to body
text by the extractor) or ``across lines``.  On texlive-pdf most of the metric's leakage is the
second kind: one-digit page numbers that also occur in non-body text kept in paragraphs.

The position is counted too: ``top`` / ``bottom`` (among the first / last 3 non-blank lines of
a page, pages from form feeds when there are any), ``middle`` otherwise, and whether the case
had form feeds.  With ``--rules a,b``, each rule's precision: per source, the lines it
labelled that are gold furniture and those that are not (``--show`` lists the latter).  Not a
score: ``eval/real_run.py`` gives the leakage the metrics count (by
tokens, which differs slightly from this line count).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

import reflow  # noqa: E402
from reflow.metrics import _count_sub, load_cases, tokens  # noqa: E402
from reflow.metrics import _norm as metric_norm  # noqa: E402
from reflow.structure.furniture import head_key, page_number  # noqa: E402

REAL = HERE / "real"
CAUSES = ("page-number", "head+number", "repeats", "catch-word", "one-off head", "long")


def _norm(text: str) -> str:
    return " ".join(text.replace("\f", " ").split())


def cause(text: str, repeats: int, last_of_page: bool) -> str:
    """The first cause that fits a leaked furniture line (module docstring).

    >>> cause("- 12 -", 1, False), cause("Nr. 1/1931", 2, False), cause("12 LIVRE SECOND", 1, False)
    ('page-number', 'page-number', 'head+number')
    >>> cause("LIVRE DOUZIÈME.", 1, False), cause("der", 1, True)
    ('one-off head', 'catch-word')
    """
    t = _norm(text)
    digits = sum(c.isdigit() for c in t)
    letters = sum(c.isalpha() for c in t)
    if page_number(t) is not None or (digits and digits >= letters):
        return "page-number"
    words = t.split()
    if digits and any(w.strip(".,-–—").isdigit() for w in (words[0], words[-1])):
        return "head+number"
    if repeats > 1:
        return "repeats"
    if len(words) <= 2 and not t.endswith((".", "!", "?")) and last_of_page:
        return "catch-word"
    if len(words) <= 10:
        return "one-off head"
    return "long"


def leaks(case: object) -> tuple[int, list[tuple[str, str, str]]]:
    """(gold furniture lines found in the input, [(cause, position, line)] leaked)."""
    text = case.text  # type: ignore[attr-defined]
    doc = reflow.reflow(text, config=reflow.Config(language="auto"))
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    role_of: dict[int, str] = {}
    for b in doc.blocks:
        for i in b.lines:
            role_of[i] = str(b.role)
    # Pages: form feeds when the input has them, else one page.
    page, pages = 0, []
    for t in raw:
        lead = len(t) - len(t.lstrip("\f"))
        page += lead
        pages.append(page)
        page += t.count("\f") - lead
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(raw):
        if t.strip(" \t\f"):
            by_page[pages[i]].append(i)
    top, bottom, last = set(), set(), set()
    for idx in by_page.values():
        top.update(idx[:3])
        bottom.update(idx[-3:])
        last.add(idx[-1])
    norm = [_norm(t) for t in raw]
    where: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(norm):
        if t:
            where[t].append(i)
    keys = Counter(head_key(t) for t in norm if t)
    found = 0
    out = []
    want = Counter(_norm(f) for f in case.gold.furniture if _norm(f))  # type: ignore[attr-defined]
    for line, n in want.items():
        hits = where.get(line, [])[:n]
        found += len(hits)
        for i in hits:
            if role_of.get(i) != "paragraph":
                continue
            pos = "top" if i in top else "bottom" if i in bottom else "middle"
            out.append((cause(line, keys[head_key(line)], i in last), pos, line))
    return found, out


def metric_leaks(case: object) -> list[tuple[str, str, str]]:
    """[(kind, furniture line, input line)] for every furniture line the metric counts leaked
    (module docstring), once per leaked occurrence."""
    doc = reflow.reflow(case.text, config=reflow.Config(language="auto"))  # type: ignore[attr-defined]
    paras = [b for b in doc.blocks if b.role == reflow.Role.PARAGRAPH]
    p_lists = [tokens(b.text) for b in paras]
    g_lists = [tokens(p) for p in case.gold.paragraphs]  # type: ignore[attr-defined]
    raw = case.text.split("\n")  # type: ignore[attr-defined]
    in_paras = sorted(i for b in paras for i in b.lines)
    out = []
    furniture = case.gold.furniture  # type: ignore[attr-defined]
    for line, n in Counter(metric_norm(f) for f in furniture if tokens(f)).items():
        needle = line.split(" ")
        inside = sum(_count_sub(t, needle) for t in p_lists)
        expected = sum(_count_sub(t, needle) for t in g_lists)
        k = max(0, min(n, inside - expected))
        if not k:
            continue
        exact = [i for i in in_paras if metric_norm(raw[i]) == line]
        part = [i for i in in_paras if _count_sub(tokens(raw[i]), needle)]
        kind = "exact line" if exact else "inside a longer line" if part else "across lines"
        where = raw[(exact or part)[0]].strip() if exact or part else ""
        out.extend([(kind, line, where)] * k)
    return out


METRIC_KINDS = ("exact line", "inside a longer line", "across lines")


def rule_lines(case: object, rules: set[str]) -> list[tuple[str, bool, str]]:
    """[(rule, is gold furniture, line)] for every input line one of ``rules`` labelled; a line
    is gold furniture when its text (whitespace-normalised) is one of the case's gold furniture
    lines not yet counted (each gold line counts once)."""
    doc = reflow.reflow(case.text, config=reflow.Config(language="auto"))  # type: ignore[attr-defined]
    raw = case.text.split("\n")  # type: ignore[attr-defined]
    want = Counter(_norm(f) for f in case.gold.furniture if _norm(f))  # type: ignore[attr-defined]
    out = []
    for d in sorted(doc.decisions, key=lambda d: d.line):
        if d.action is not reflow.Action.LABEL or d.rule not in rules or d.line >= len(raw):
            continue
        line = _norm(raw[d.line])
        hit = want[line] > 0
        if hit:
            want[line] -= 1
        out.append((d.rule, hit, line))
    return out


def main_rules(args: argparse.Namespace) -> int:
    """Per source and rule: lines labelled that are gold furniture, and that are not."""
    rules = set(args.rules.split(","))
    table: dict[tuple[str, str], Counter[bool]] = defaultdict(Counter)
    wrong: dict[tuple[str, str], list[str]] = defaultdict(list)
    for case in load_cases(REAL):
        src = case.suite.split("/")[0]
        if (args.source and src != args.source) or (args.suite and case.suite != args.suite):
            continue
        for rule, hit, line in rule_lines(case, rules):
            table[(src, rule)][hit] += 1
            if not hit:
                wrong[(src, rule)].append(f"{case.suite} {case.doc_id}: {line[:90]}")
    print("| source | rule | gold furniture | not furniture |")
    print("|---|---|---|---|")
    for (src, rule), c in sorted(table.items()):
        print(f"| {src} | {rule} | {c[True]} | {c[False]} |")
    print_examples(wrong, args.show)
    return 0


def main_metric(args: argparse.Namespace) -> int:
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for case in load_cases(REAL):
        src = case.suite.split("/")[0]
        if (args.source and src != args.source) or (args.suite and case.suite != args.suite):
            continue
        totals[case.suite]["furniture"] += sum(1 for f in case.gold.furniture if tokens(f))
        for kind, line, where in metric_leaks(case):
            totals[case.suite][kind] += 1
            examples[(case.suite, kind)].append(f"{case.doc_id}: {line!r} in {where[:90]!r}")
    print("| suite | gold furniture lines | leaked (metric) | " + " | ".join(METRIC_KINDS) + " |")
    print("|---" * (len(METRIC_KINDS) + 3) + "|")
    for suite, t in sorted(totals.items()):
        leaked = sum(t[k] for k in METRIC_KINDS)
        cells = " | ".join(str(t[k]) for k in METRIC_KINDS)
        print(f"| {suite} | {t['furniture']} | {leaked} | {cells} |")
    print_examples(examples, args.show)
    return 0


def print_examples(examples: dict[tuple[str, str], list[str]], show: int) -> None:
    """The first ``show`` lines of each (suite, cause), under a heading each."""
    for (suite, why), lines in sorted(examples.items()):
        if show:
            print(f"\n## {suite} {why} ({len(lines)})")
            for line in lines[:show]:
                print("  " + line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--source", help="one source (suite prefix), e.g. hkb-newspaper")
    ap.add_argument("--suite", help="one suite, e.g. hkb-newspaper/flat")
    ap.add_argument("--show", type=int, default=0, help="print this many leaked lines per cause")
    ap.add_argument("--metric", action="store_true", help="the lines the leakage metric counts")
    ap.add_argument(
        "--rules", help="comma-separated rule names: lines each labelled, gold furniture or not"
    )
    args = ap.parse_args()
    if args.rules:
        return main_rules(args)
    if args.metric:
        return main_metric(args)
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    found: Counter[str] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for case in load_cases(REAL):
        src = case.suite.split("/")[0]
        if (args.source and src != args.source) or (args.suite and case.suite != args.suite):
            continue
        ff = "form feeds" if "\f" in case.text else "no form feeds"
        n, leaked = leaks(case)
        found[case.suite] += n
        for why, pos, line in leaked:
            totals[case.suite][why] += 1
            totals[case.suite][f"@{pos}"] += 1
            totals[case.suite][f"@{ff}"] += 1
            examples[(case.suite, why)].append(f"{case.doc_id}: [{pos}] {line}")
    print("| suite | gold furniture lines found in input | leaked | " + " | ".join(CAUSES) + " |")
    print("|---" * (len(CAUSES) + 3) + "|")
    for suite in sorted(found):
        t = totals[suite]
        leaked = sum(t[c] for c in CAUSES)
        cells = " | ".join(str(t[c]) for c in CAUSES)
        print(f"| {suite} | {found[suite]} | {leaked} | {cells} |")
    print()
    for suite in sorted(found):
        t = totals[suite]
        pos = ", ".join(f"{k[1:]} {v}" for k, v in sorted(t.items()) if k.startswith("@"))
        print(f"{suite}: {pos}")
    print_examples(examples, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
