"""Line-end hyphens reflow gets wrong on the real pages, broken down by cause.

    .venv/bin/python eval/hyphen_errors.py                      # table of causes per source
    .venv/bin/python eval/hyphen_errors.py --show 30            # ... and 30 examples per cause
    .venv/bin/python eval/hyphen_errors.py --source impact-bhl --show 100

Every scored line-end hyphen of eval/real (gold.json ``hyphens`` of each export style) is matched
with reflow's decision on its line and put in one bucket:

- ``ok``: the decision is the gold's (dehyphenate for a join, keep for a keep);
- ``line-not-body``: the line with the hyphen, or the next one, was labelled as something other
  than a paragraph (heading, furniture, other...): no hyphen decision was taken between them;
- ``break``: reflow started a new paragraph after the hyphen (a page or column break, or a
  paragraph boundary rule);
- ``<action> <rule>``: the hyphen rule that decided wrongly (``keep hyphen-abstain`` is an
  abstention that kept a line-break hyphen);
- ``mark-not-seen``: the line ends in a mark reflow does not read as a hyphen (``=``, ``—``...),
  so the lines were joined with a space.

A decision healed across a page break or labelled lines (a running head, a footnote between
the halves) is judged like any other; a wrong one is marked ``(healed)``.

The scorer (reflow.metrics) counts words, not decisions, so a few decisions that are right are
still scored wrong (the paragraph around them is cut elsewhere): those are ``right-but-lost``.

Each wrong hyphen is also put in one **class** (the second table of a source):

- ``wrongly-joined``: a real hyphen removed (a compound written closed);
- ``wrongly-kept``: a line-break hyphen kept by a rule that decided (a word left split);
- ``abstention``: kept because no rule could decide (``hyphen-abstain``, ``engine-mark-unknown``);
- ``ocr-noise``: the words around the hyphen are not the true word's halves (an OCR misreading,
  a mark glued into the word, a line that is not the word's continuation);
- ``mark``: the line ends in an engine's mark other than the hyphen-minus (``¬``, ``=``,
  ``⸗``, ``—``) and the decision was wrong;
- ``structure``: no hyphen decision was taken, or the word was lost to the paragraphs
  (``line-not-body``, ``break``, ``right-but-lost``).

``--count`` also prints how many line-end hyphens have known truth, per source and in all: each
printed hyphen once (a document's export styles and extractions print the same hyphens; the
largest count of one document's styles is taken).

Meant for working on the rules; ``eval/real_run.py`` gives the scores.
``--corpus generated`` reads the generated corpus (eval/cases) instead of eval/real.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

import reflow  # noqa: E402
from reflow.hyphenation import left_fragment, right_fragment  # noqa: E402
from reflow.metrics import FOLD, tokens  # noqa: E402
from reflow.model import Action, Role  # noqa: E402

REAL = HERE / "real"
CORPORA = {"real": REAL, "generated": HERE / "cases"}
#: Line-end marks an OCR engine prints for a hyphen, other than the hyphen-minus and its
#: Unicode twins (U+2010, U+2011) and the soft hyphen.
ENGINE_MARKS = "\u00ac=\u2e17\u2014"
STRUCTURE = ("line-not-body", "break", "right-but-lost", "mark-not-seen")
BOUNDARY = {Action.JOIN, Action.DEHYPHENATE, Action.KEEP_HYPHEN, Action.BREAK}


def classify(
    text: str, hyphens: list[dict], gold_paragraphs: list[str], language: str = "auto"
) -> list[tuple[str, str, tuple[str, str]]]:
    """(bucket, evidence, (rule, action)) for each gold hyphen of one case."""
    doc = reflow.reflow(text, config=reflow.Config(language=language))
    by_line = {d.line: d for d in doc.decisions if d.action in BOUNDARY}
    labelled = {d.line for d in doc.decisions if d.action is Action.LABEL}
    lines = text.split("\n")
    out = []
    decided = {}
    for h in hyphens:
        i = h["line"]
        d = by_line.get(i)
        end = lines[i].rstrip()[-1:]
        if d is None or i in labelled:
            out.append(("line-not-body", f"{end!r} {h['left']}|{h['right']} -> {h['word']}"))
            continue
        healed = d.next_line != i + 1 and (d.next_line in labelled or i + 1 in labelled)
        if d.action is Action.BREAK:
            bucket = "break"
        elif d.action is Action.JOIN and d.rule != "suspended-hyphen":
            bucket = "mark-not-seen" if end not in "-" else f"join {d.rule}"
        else:
            want = Action.DEHYPHENATE if h["join"] else Action.KEEP_HYPHEN
            if d.action is want:
                bucket = "ok"
            else:
                kind = "keep" if d.action is Action.KEEP_HYPHEN else "remove"
                bucket = f"{kind} {d.rule}" + (" (uncertain)" if d.uncertain else "")
                bucket += " (healed)" if healed else ""
        out.append((bucket, f"{end!r} {h['left']}|{h['right']} -> {h['word']}: {d.evidence}"))
        decided[len(out) - 1] = d
    # The scorer's count (reflow.metrics.score): occurrences of each true word in the paragraphs
    # beyond those the gold has away from line ends.  Where it finds fewer than the decisions
    # made right, the difference is right decisions lost to the paragraphs (the words landed in
    # a heading or furniture, or a paragraph was cut through them).
    g_count = Counter(t for p in gold_paragraphs for t in tokens(p))
    p_count = Counter(t for b in doc.blocks if b.role == Role.PARAGRAPH for t in tokens(b.text))
    words = [h["word"].translate(FOLD) for h in hyphens]
    for word, n in Counter(words).items():
        right = max(0, min(n, p_count[word] - (g_count[word] - n)))
        ok = [j for j, w in enumerate(words) if w == word and out[j][0] == "ok"]
        for j in ok[right:]:
            out[j] = ("right-but-lost", out[j][1])
    rules = [
        (decided[j].rule, str(decided[j].action)) if j in decided else ("", "")
        for j in range(len(out))
    ]
    return [(b, why, rule) for (b, why), rule in zip(out, rules, strict=True)]


def error_class(bucket: str, rule: str, hyphen: dict, lines: list[str]) -> str:
    """The class of a wrong hyphen (see the module docstring); "" for a right one.

    >>> h = {"line": 0, "left": "read", "right": "ers", "word": "readers", "join": True}
    >>> error_class("keep not-a-pattern-point", "not-a-pattern-point", h, ["read-", "ers"])
    'wrongly-kept'
    >>> error_class("keep lexicon-compound", "lexicon-compound", h, ["reod-", "ers"])
    'ocr-noise'
    >>> error_class("right-but-lost", "lexicon-joined", h, ["read-", "ers"])
    'structure'
    """
    if bucket == "ok":
        return ""
    if bucket.startswith(STRUCTURE[:3]):
        return "structure"
    i = hyphen["line"]
    left_line = lines[i].rstrip()
    if bucket == "mark-not-seen" or left_line[-1:] in ENGINE_MARKS:
        return "mark"
    right_line = lines[i + 1] if i + 1 < len(lines) else ""
    seen = (left_fragment(left_line).translate(FOLD), right_fragment(right_line).translate(FOLD))
    if seen != (hyphen["left"].translate(FOLD), hyphen["right"].translate(FOLD)):
        return "ocr-noise"
    if "(uncertain)" in bucket or rule in ("hyphen-abstain", "engine-mark-unknown"):
        return "abstention"
    return "wrongly-joined" if bucket.startswith("remove") else "wrongly-kept"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="real")
    ap.add_argument("--source", help="only this source (suite prefix)")
    ap.add_argument("--show", type=int, default=0, help="examples per cause")
    ap.add_argument("--json", type=Path, help="write the counts here")
    ap.add_argument("--dump", type=Path, help="write every hyphen (JSON lines) here")
    ap.add_argument("--count", action="store_true", help="count the hyphens with known truth")
    args = ap.parse_args()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    # Hyphens with known truth, each printed hyphen once: (source, document) -> the largest
    # count over its export styles or extractions.
    printed: dict[tuple[str, str], int] = {}
    for gold_path in sorted(CORPORA[args.corpus].rglob("gold.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        source = g.get("corpus", g.get("typesetter", "?"))
        if args.source and source != args.source:
            continue
        # texlive-pdf keeps each extractor's page as a case of its own ("...-p001-pypdf").
        document = g["id"]
        for name in g["extractions"]:
            document = document.removesuffix(f"-{name}")
        for name, ex in sorted(g["extractions"].items()):
            key = (source, document)
            printed[key] = max(printed.get(key, 0), len(ex["hyphens"]))
            if args.count or not ex["hyphens"]:
                continue
            text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
            lines = text.split("\n")
            found = classify(text, ex["hyphens"], g["paragraphs"])
            for h, (bucket, why, (rule, action)) in zip(ex["hyphens"], found, strict=True):
                counts[source][bucket] += 1
                kind = error_class(bucket, rule, h, lines)
                classes[source][kind or "ok"] += 1
                if dump is not None:
                    record = {"source": source, "doc": g["id"], "style": name, "bucket": bucket}
                    record |= {"class": kind, "rule": rule, "action": action, "why": why} | h
                    dump.write(json.dumps(record, ensure_ascii=False) + "\n")
                if bucket != "ok" and len(examples[source, bucket]) < args.show:
                    examples[source, bucket].append(f"{g['id']}/{name}: {why}")
    if args.count:
        by_source: Counter[str] = Counter()
        for (source, _), n in printed.items():
            by_source[source] += n
        print("line-end hyphens with known truth (each printed hyphen once):")
        for source, n in sorted(by_source.items()):
            print(f"  {n:6d}  {source}")
        print(f"  {sum(by_source.values()):6d}  all")
        return 0
    for source, c in sorted(counts.items()):
        total = sum(c.values())
        wrong = total - c["ok"]
        print(f"\n## {source}: {total} hyphens, {wrong} wrong ({wrong / total:.2%})")
        for bucket, n in c.most_common():
            if bucket != "ok":
                print(f"  {n:5d}  {bucket}")
        print("  by class:")
        for kind, n in classes[source].most_common():
            if kind != "ok":
                print(f"  {n:5d}  {kind}")
        for (s, bucket), ex in sorted(examples.items()):
            if s == source:
                print(f"\n  -- {bucket}")
                for e in ex:
                    print(f"     {e}")
    if args.json:
        out = {"causes": counts, "classes": classes}
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
