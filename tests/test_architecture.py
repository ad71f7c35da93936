"""The layers of the code: the core (styrgraf/) never imports the API layer (api/), and no two
modules import each other, directly or round a longer loop. The command line (styrgraf.cli) is
the one place that puts the layers together (`styrgraf serve` starts the server)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the package's modules and where they live (pyproject.toml maps ingest/ and api/ into it)
PACKAGES = {"styrgraf": ROOT / "styrgraf", "styrgraf.ingest": ROOT / "ingest", "styrgraf.api": ROOT / "api"}


def modules() -> dict[str, Path]:
    out = {}
    for package, folder in PACKAGES.items():
        for path in folder.glob("*.py"):
            out[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return out


def imports(name: str, path: Path, top_level_only: bool) -> set[str]:
    """The package modules `name` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.stem == "__init__" else name.rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m in modules()}


def test_the_core_never_imports_the_api_layer():
    core = {n: p for n, p in modules().items() if n == "styrgraf" or n.count(".") == 1 and
            not n.startswith(("styrgraf.api", "styrgraf.ingest")) and n != "styrgraf.cli"}
    assert core, "no core modules found"
    offending = {n: sorted(m for m in imports(n, p, top_level_only=False) if m.startswith("styrgraf.api"))
                 for n, p in core.items()}
    assert {n: ms for n, ms in offending.items() if ms} == {}


def test_no_two_modules_import_each_other():
    """Not even inside a function: an import placed there to dodge a cycle is still a cycle."""
    graph = {n: imports(n, p, top_level_only=False) - {n} for n, p in modules().items()}
    both = {tuple(sorted((a, b))) for a in graph for b in graph[a] if a in graph.get(b, ())}
    assert both == set()


def test_no_import_cycles():
    graph = {n: imports(n, p, top_level_only=True) - {n} for n, p in modules().items()}
    cycles = []
    state: dict[str, int] = {}            # 1: on the path, 2: done

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                cycles.append(path[path.index(m):] + [m])
            elif m not in state:
                visit(m, path + [m])
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    assert cycles == []
