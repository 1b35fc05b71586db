"""Score reflow and its text peers on the real-page cases (eval/real/); write eval/results/.

    .venv/bin/python eval/real_run.py                 # every real suite, every text peer
    .venv/bin/python eval/real_run.py --only reflow   # reflow alone (quick)

Each source of real pages is its own suite per export style (``<source>/<style>``, see
eval/real/README.md), and each is reported on its own: a number on one source says nothing about
another.  The rows add up counts (micro-averages), as eval/run.py does for the generated corpus.
Writes ``results/<date>-real-quality.{md,json}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import Counts, evaluate, load_cases, reflow_system, table  # noqa: E402

REAL = HERE / "real"


def run(only: str | None) -> tuple[dict[str, dict[tuple[str, str], Counts]], dict[str, str]]:
    cases = list(load_cases(REAL))
    text_systems, missing = peers.text_peers()
    systems = {f"reflow {reflow.__version__}": reflow_system, **text_systems}
    if only:
        systems = {k: v for k, v in systems.items() if k.startswith(only)}
    results: dict[str, dict[tuple[str, str], Counts]] = {}
    for name, system in systems.items():
        results[name] = evaluate(cases, system)
    return results, missing


def report(results: dict[str, dict[tuple[str, str], Counts]], missing: dict[str, str]) -> str:
    today = dt.date.today().isoformat()
    lines = [
        f"# Real-page quality run {today}",
        "",
        f"Python {platform.python_version()}, {platform.machine()}; cases: eval/real "
        "(sources, licences and gold in eval/real/README.md); command: "
        "`python eval/real_run.py`.",
        "Rates are micro-averages over the cases of a row. WER and leakage (furniture lines "
        "inside paragraphs): lower is better. par P/R/F1: paragraph starts.",
        "",
    ]
    suites = sorted({s for r in results.values() for s, _ in r})
    sources = sorted({s.split("/")[0] for s in suites})
    for src in sources:
        rows = {}
        for name, r in results.items():
            total = Counts()
            for (s, _), c in r.items():
                if s.split("/")[0] == src:
                    total += c
            rows[name] = total
        lines += [f"## Source {src} (all export styles)", "", table(rows, first="system"), ""]
    for s in suites:
        rows = {}
        for name, r in results.items():
            total = Counts()
            for (suite, _), c in r.items():
                if suite == s:
                    total += c
            rows[name] = total
        lines += [f"## Suite {s}", "", table(rows, first="system"), ""]
    reflow_name = next(n for n in results if n.startswith("reflow"))
    by_lang: dict[str, Counts] = defaultdict(Counts)
    for (s, lang), c in sorted(results[reflow_name].items()):
        by_lang[f"{s.split('/')[0]} {lang}"] += c
    lines += [f"## {reflow_name} by source and language", "", table(dict(by_lang), "source"), ""]
    if missing:
        lines += ["## Not run", ""] + [f"- {k}: {v}" for k, v in missing.items()] + [""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", help="run only the systems whose name starts with this")
    ap.add_argument("--out", default=str(HERE / "results"))
    ap.add_argument("--stem", default=f"{dt.date.today().isoformat()}-real-quality")
    args = ap.parse_args()
    results, missing = run(args.only)
    text = report(results, missing)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = {
        name: {f"{s}|{lang}": vars(c) for (s, lang), c in sorted(r.items())}
        for name, r in results.items()
    }
    (out / f"{args.stem}.md").write_text(text + "\n", encoding="utf-8")
    (out / f"{args.stem}.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
