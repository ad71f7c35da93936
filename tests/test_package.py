"""styrgraf as an installed package: a wheel built from the tree, installed outside it, run from
another directory, finds its ontology, shapes and named queries (styrgraf.resources) and serves.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import httpx
import pytest

from conftest import CORPUS, ROOT
from server import free_port, stop, wait_until_answers

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> list[str]:
    """The command that runs the installed styrgraf (the test environment's dependencies, the
    wheel's own code and data: the checkout is not on its path)."""
    work = tmp_path_factory.mktemp("package")
    # built from a copy: setuptools keeps a build/ folder in the tree it builds, and would package
    # whatever an earlier build left there
    src = work / "src"
    left_out = shutil.ignore_patterns(".git", ".venv", "node_modules", "*.egg-info", "__pycache__", ".pytest_cache",
                                      ".hypothesis")

    def ignore(directory: str, names: list[str]) -> set[str]:
        top = {"build", "dist", "data", "artifacts"} if directory == str(ROOT) else set()
        return set(left_out(directory, names)) | (top & set(names))

    shutil.copytree(ROOT, src, ignore=ignore)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(work / "dist"), str(src)], check=True, capture_output=True, text=True)
    wheel = next((work / "dist").glob("styrgraf-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(work / "site"),
                    str(wheel)], check=True, capture_output=True, text=True)
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(work / 'site')!r}); "
                                  "from styrgraf.cli import app; sys.argv[0] = 'styrgraf'; app()"]


def run(installed, *args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([*installed, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_wheel_carries_its_data_and_reads_it_there(installed, tmp_path):
    where = run(installed, "--help", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    probe = subprocess.run([installed[0], "-c", installed[2].split("; from")[0] + "; import styrgraf.resources as r; "
                            "print(r.ONTOLOGY_DIR, r.SHAPES_DIR, r.QUERIES_DIR)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    dirs = probe.stdout.split()
    assert len(dirs) == 3 and all("/site/styrgraf/" in d and not d.startswith(str(ROOT) + "/") for d in dirs), dirs


def test_the_installed_styrgraf_ingests_validates_queries_and_serves_from_another_directory(installed, tmp_path):
    doc = sorted(CORPUS.glob("*.txt"))[0]
    ingest = run(installed, "ingest", doc, "--store", "store", cwd=tmp_path)
    assert ingest.returncode == 0 and "1 stored" in ingest.stdout, ingest.stderr
    counts = run(installed, "validate", "--store", "store", cwd=tmp_path)
    assert counts.returncode == 0 and "1 of 1 document graphs conform" in counts.stdout, counts.stdout + counts.stderr
    (tmp_path / "bodies.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { ?b a <https://w3id.org/styrgraf/ns#Body> }")
    answer = run(installed, "query", "bodies.rq", "--store", "store", "--format", "csv", cwd=tmp_path)
    assert answer.returncode == 0 and int(answer.stdout.split()[-1]) > 0, answer.stdout + answer.stderr
    port = free_port()
    server = subprocess.Popen([*installed, "serve", "--store", "store", "--port", str(port)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until_answers(base + "health", server, "the installed styrgraf serve")
        bodies = httpx.get(base + "api/v1/bodies", timeout=30)            # a named query
        assert bodies.status_code == 200 and bodies.json()["items"]
        assert httpx.get(base + "ns", headers={"Accept": "text/turtle"}, timeout=30).status_code == 200
        assert httpx.get(base, timeout=30).status_code == 200             # a page: templates and static files
    finally:
        stop(server)
