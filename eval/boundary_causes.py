"""False and missed paragraph starts on the real pages, counted by cause, per source.

    .venv/bin/python eval/boundary_causes.py                      # every real suite
    .venv/bin/python eval/boundary_causes.py --suite tapuscorpus  # suites containing this
    .venv/bin/python eval/boundary_causes.py --show "short line inside" --limit 20

For working on the boundary rules (src/reflow/boundaries.py, src/reflow/profile.py), not for
scores (eval/real_run.py gives those).  reflow runs on every case; the gold paragraphs are
aligned token by token with the raw lines (as ``eval/errors.py`` aligns them with the output).
A paragraph start reflow makes and the gold does not (a *false start*) is put down to:

- the boundary rule that broke before it, when the line's text is inside a gold paragraph
  (``short-last-line`` is "short line inside a paragraph", ``list-item``, ``blank-line``...);
- "non-body text as a paragraph (<kind>)", when the line is a gold heading, furniture,
  caption, note or other text that the structure stage left as body;

and a gold paragraph start reflow misses (a *missed start*) to:

- the rule that joined across it: ``wrapped-line`` is split into "unfinished short line" (a
  title, a verse, a speaker's name: the line ends short without a sentence end) and
  "unfinished full line"; ``full-line-sentence-end`` is "sentence end at full width";
- "labelled <role> by the structure stage", when the line became a heading, furniture...;
- "starts inside a raw line", when the gold starts a paragraph in the middle of an input line
  (a drop capital joined with a space, two printed lines read as one);
- "unaligned", when the alignment does not reach the token.

The counts are per start the alignment reaches; they add up close to, not exactly to, the
metrics' false positives and negatives (which align the output, not the input).

Beside each cause, the column ``blank-line peer`` says how many of those starts the peers'
rule decides the same way (textacy and unstructured split paragraphs at blank lines and form
feeds only, as the trivial baseline does, ``eval/peers.py``): a false start it makes too (a
blank line or form feed right above the line), a missed start it finds.  A missed start the
peer finds is where reflow is behind it; the cause says which stage let it go.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import reflow
from reflow.metrics import Case, load_cases, tokens
from reflow.model import Action, Role

sys.path.insert(0, str(Path(__file__).resolve().parent))
from boundary_truth import gold_tokens

HERE = Path(__file__).resolve().parent
NONBODY_KEYS = ("headings", "furniture", "captions", "notes", "other")


def _gold_kinds(path: Path) -> list[tuple[str, str]]:
    """(kind, token string) of every non-body text of a case's gold."""
    g = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for key in NONBODY_KEYS:
        for item in g.get(key, []):
            text = item["text"] if isinstance(item, dict) else item
            out.append((key, " ".join(tokens(text))))
    return out


def _is_short(lengths: list[int], i: int, window: int = 8) -> bool:
    """Line i is short: under 3/4 of the longest of the lines around it."""
    near = lengths[max(0, i - window) : i + window + 1]
    return lengths[i] < 0.75 * max(near)


def _peer_starts(texts: list[str]) -> set[int]:
    """The raw lines the blank-line peers start a paragraph at: the first non-blank line after
    a blank line or at a form feed (the first line of the text is no boundary)."""
    out: set[int] = set()
    gap = False
    seen = False
    for i, t in enumerate(texts):
        if not t.strip():
            gap = True
            continue
        if seen and (gap or t.lstrip(" \t").startswith("\f")):
            out.add(i)
        gap, seen = False, True
    return out


def causes(case: Case, kinds: list[tuple[str, str]]) -> tuple[list[tuple], list[tuple]]:
    """(false starts, missed starts) of reflow on ``case``: (cause, line, upper, lower, peer)
    each; ``peer`` says the blank-line peers start a paragraph at that line too."""
    doc = reflow.reflow(case.text, config=reflow.Config(language="auto"))
    texts = doc.source.split("\n")
    lengths = [len(t.strip()) for t in texts]
    role_of: dict[int, Role] = {}
    para_first: set[int] = set()
    for block in doc.blocks:
        for i in block.lines:
            role_of[i] = block.role
        if block.role == Role.PARAGRAPH and block.lines:
            para_first.add(block.lines[0])
    joined_by: dict[int, tuple[str, Action]] = {}
    for d in doc.decisions:
        if d.action not in (Action.LABEL, Action.NORMALIZE):  # boundary decisions only
            joined_by[d.next_line] = (d.rule, d.action)
    # Raw tokens with their line, and where each line's first token is.
    r_toks: list[str] = []
    r_line: list[int] = []
    first_tok: dict[int, int] = {}
    for i, t in enumerate(texts):
        tt = tokens(t)
        if tt:
            first_tok[i] = len(r_toks)
            r_toks += tt
            r_line += [i] * len(tt)
    g_toks, g_starts = gold_tokens(case)
    sm = SequenceMatcher(None, g_toks, r_toks, autojunk=False)
    r_to_g: dict[int, int] = {}
    for ga, rb, n in sm.get_matching_blocks():
        for j in range(n):
            r_to_g[rb + j] = ga + j
    g_to_r = {g: r for r, g in r_to_g.items()}

    peer = _peer_starts(texts)

    def context(i: int) -> tuple[str, str, bool]:
        above = next((texts[j] for j in range(i - 1, -1, -1) if texts[j].strip()), "")
        return above.strip(), texts[i].strip(), i in peer

    false: list[tuple] = []
    for i in sorted(para_first):
        r = first_tok.get(i)
        if r is None:
            continue
        g = r_to_g.get(r)
        if g is None:
            head = " ".join(tokens(texts[i])[:4])
            kind = next((k for k, s in kinds if head and head in s), "unaligned")
            cause = f"non-body text as a paragraph ({kind})"
        elif g in g_starts:
            continue
        else:
            rule, _ = joined_by.get(i, ("first line", Action.BREAK))
            cause = {
                "short-last-line": "short line inside a paragraph (short-last-line)",
            }.get(rule, rule)
        false.append((cause, i, *context(i)))
    missed: list[tuple] = []
    for g in sorted(g_starts):
        r = g_to_r.get(g)
        if r is None:
            missed.append(("unaligned", -1, "", " ".join(g_toks[g : g + 6]), False))
            continue
        i = r_line[r]
        if i in para_first:
            continue
        if first_tok[i] != r:
            cause = "starts inside a raw line"
        elif role_of.get(i, Role.PARAGRAPH) != Role.PARAGRAPH:
            cause = f"labelled {role_of[i]} by the structure stage"
        else:
            rule, action = joined_by.get(i, ("?", Action.JOIN))
            if action == Action.BREAK:
                continue  # a break the output does not show (an empty block): not a miss
            above = next((j for j in range(i - 1, -1, -1) if texts[j].strip()), i)
            if rule == "wrapped-line":
                short = _is_short(lengths, above)
                cause = f"unfinished {'short' if short else 'full'} line (wrapped-line)"
            elif rule == "full-line-sentence-end":
                cause = "sentence end at full width (full-line-sentence-end)"
            else:
                cause = rule
        missed.append((cause, i, *context(i)))
    return false, missed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, default=HERE / "real")
    ap.add_argument("--suite", help="only suites containing this text")
    ap.add_argument("--show", help="print examples of causes containing this text")
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--json", type=Path, help="write the counts here")
    args = ap.parse_args()
    gold_of = {p.parent.name: p for p in args.root.rglob("gold.json")}
    false_c: dict[str, Counter[str]] = defaultdict(Counter)
    missed_c: dict[str, Counter[str]] = defaultdict(Counter)
    # (suite, cause) -> how many the blank-line peers decide the same way (see the module doc).
    peer_c: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    shown = 0
    for case in load_cases(args.root):
        if args.suite and args.suite not in case.suite:
            continue
        path = gold_of.get(case.doc_id) or next(args.root.rglob(f"{case.doc_id}/gold.json"))
        false, missed = causes(case, _gold_kinds(path))
        source = case.suite
        for kind, items, counter in (("false", false, false_c), ("missed", missed, missed_c)):
            for cause, i, above, line, by_peer in items:
                counter[source][cause] += 1
                peer_c[source][(kind, cause)] += by_peer
                if args.show and args.show in cause and shown < args.limit:
                    shown += 1
                    print(f"[{kind}] {cause} {case.doc_id} line {i}\n    {above!r}\n    {line!r}")
    if args.show:
        return 0
    for suite in sorted(false_c.keys() | missed_c.keys()):
        print(f"\n## {suite}")
        for kind, title, counter in (
            ("false", "false starts (peer: makes it too)", false_c[suite]),
            ("missed", "missed (peer: finds it)", missed_c[suite]),
        ):
            total = sum(counter.values())
            by_peer = sum(peer_c[suite][(kind, c)] for c in counter)
            print(f"{title}: {total}, peer {by_peer}")
            for cause, n in counter.most_common():
                p = peer_c[suite][(kind, cause)]
                print(f"  {n:6}  {n / max(1, total):5.1%}  peer {p:5}  {cause}")
    if args.json:
        data = {
            s: {
                "false": dict(false_c[s]),
                "missed": dict(missed_c[s]),
                "peer": {f"{k}: {c}": n for (k, c), n in sorted(peer_c[s].items())},
            }
            for s in false_c
        }
        args.json.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
