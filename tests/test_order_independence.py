"""A document's answer does not depend on what the process reflowed before it.

reflow caches per-word verdicts, Zipf values and hyphenators per language for speed (issue 10).
A cache key that leaves out something the verdict reads makes the answer, or its evidence,
depend on which documents came first: the same file would give different JSON in a batch
worker than alone.  (One such key was found on 2026-11-29: the elision flag was missing from
the verdict cache's key and changed the explanation of one Italian page.)  Two fresh
processes reflow the same mixed-language sample in opposite orders; every document's JSON with
its decisions and evidence must be the same in both.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Script run in a fresh interpreter: reflow the files in the order given, print a hash of each
#: document's full JSON (decisions and evidence included).
_RUN = """
import hashlib, json, sys
from reflow import reflow
out = {}
for path in json.loads(sys.argv[1]):
    with open(path, encoding="utf-8") as f:
        doc = reflow(f.read())
    out[path] = hashlib.sha256(doc.to_json().encode("utf-8")).hexdigest()
print(json.dumps(out))
"""


def _sample() -> list[str]:
    """Three extractions of each generated language suite: different languages share the
    caches in one process, which is where a key that is too narrow shows."""
    picked: list[str] = []
    for suite in ("pdflatex", "languages-pdflatex", "languages-more-pdflatex"):
        for lang_dir in sorted((ROOT / "eval" / "cases" / suite).iterdir()):
            if lang_dir.is_dir():
                files = sorted(lang_dir.glob("*/pdftotext-raw.txt"))[:3]
                picked.extend(str(f) for f in files)
    return picked


def _hashes(paths: list[str]) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def test_answers_do_not_depend_on_the_documents_before() -> None:
    paths = _sample()
    assert len(paths) >= 40, "the sample should mix many languages"
    forward = _hashes(paths)
    backward = _hashes(paths[::-1])
    assert forward.keys() == backward.keys()
    differ = sorted(p for p in paths if forward[p] != backward[p])
    assert not differ, f"{len(differ)} documents answer differently by order: {differ[:5]}"


def test_the_json_compared_carries_each_decision_and_its_evidence() -> None:
    """What the hashes above cover: every decision with its rule and evidence, so a cache that
    changed only an explanation would show."""
    from reflow import reflow

    decisions = json.loads(reflow("The re-\nport was ap-\nproved today.\n").to_json())["decisions"]
    joined = [d for d in decisions if d["action"] == "dehyphenate"]
    assert [d["rule"] for d in joined] == ["lexicon-joined", "lexicon-joined"]
    assert all("zipf" in d["evidence"] for d in joined)
