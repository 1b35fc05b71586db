"""The house rule "layers only look down": no two reflow modules import each other.

Builds the import graph of src/reflow from the source with :mod:`ast`: every ``import reflow.x``
and ``from reflow.x import y`` (and relative form), at module level, inside functions and inside
``if TYPE_CHECKING:`` blocks alike, since an import moved into a function or a type-checking
block still points upward.  A cycle is any strongly connected group of two or more modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Cycles allowed for a while, named, so that no other cycle can hide behind them.  Empty since
#: the batch <-> cli cycle went with the split into the ``reflow.batch`` and ``reflow.cli``
#: packages; an entry added here must say which change removes it.
ALLOWED_CYCLES: frozenset[frozenset[str]] = frozenset()


def _module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    """``module -> reflow modules it imports`` for every module under ``src/reflow``."""
    files = {_module_name(p, src): p for p in sorted((src / "reflow").rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        package = name if is_package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                # "from reflow.structure import furniture" imports the submodule.
                targets = [
                    f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in files else stem
                    for alias in node.names
                ]
            for target in targets:
                # "import reflow.lines" names the module; "import reflow.lines.Box" cannot occur.
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target.startswith("reflow") and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_the_imports() -> None:
    # The walk must find real edges, or an empty graph would pass for an acyclic one.
    graph = import_graph()
    assert "reflow.structure.words" in graph["reflow.structure.view"]
    assert "reflow.structure" in graph["reflow.pipeline"]
    assert "reflow.render" in graph["reflow.document"]


def test_cycles_are_found(tmp_path: Path) -> None:
    # A function-level import closes a cycle as much as a module-level one does.
    pkg = tmp_path / "reflow"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from reflow.b import f\n")
    (pkg / "b.py").write_text("def f():\n    from reflow import a\n")
    (pkg / "c.py").write_text("from . import a\n")
    assert cycles(import_graph(tmp_path)) == [frozenset({"reflow.a", "reflow.b"})]


@pytest.mark.parametrize(
    "pair",
    [
        ("reflow.model", "reflow.render"),
        ("reflow.structure.furniture", "reflow.structure.view"),
        ("reflow.structure.furniture", "reflow.structure.words"),
    ],
)
def test_pairs_that_imported_each_other_no_longer_do(pair: tuple[str, str]) -> None:
    a, b = pair
    graph = import_graph()
    assert not (b in graph[a] and a in graph[b])


def test_no_import_cycles() -> None:
    unexpected = [group for group in cycles(import_graph()) if group not in ALLOWED_CYCLES]
    assert unexpected == [], f"modules that import each other: {[sorted(g) for g in unexpected]}"


def test_allowed_cycles_are_still_there() -> None:
    # An allowance that no longer matches a cycle must go, so that it cannot excuse a new one.
    found = set(cycles(import_graph()))
    stale = [sorted(group) for group in ALLOWED_CYCLES if group not in found]
    assert stale == [], f"remove from ALLOWED_CYCLES in tests/test_imports.py: {stale}"


def test_batch_does_not_import_the_command_line() -> None:
    # The command line sits above the batch engine: reflow.cli.batch parses, reflow.batch runs.
    graph = import_graph()
    batch_modules = [m for m in graph if m == "reflow.batch" or m.startswith("reflow.batch.")]
    assert batch_modules, "the reflow.batch package was not found"
    upward = {m: sorted(t for t in graph[m] if t.startswith("reflow.cli")) for m in batch_modules}
    assert {m: t for m, t in upward.items() if t} == {}
