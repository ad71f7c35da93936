"""styrgraf as an installed package: a wheel built from the tree and installed into a fresh
virtual environment carries its data (ontology, shapes, named queries, templates, static files,
lexicons), reads it there through importlib.resources, and ingests, validates, queries and
serves from a directory outside the checkout.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import httpx
import pytest

from conftest import CORPUS, ROOT
from server import free_port, stop, wait_until_answers

pytestmark = pytest.mark.slow


def _build_wheel(work: Path) -> Path:
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
    return next((work / "dist").glob("styrgraf-*.whl"))


def _dependency_dirs() -> list[str]:
    """Where the test environment's packages are: the fresh environment borrows styrgraf's
    dependencies from there (nothing is downloaded). These directories go on its path as plain
    entries, so their .pth files, the editable install's finder among them, are not run."""
    dirs = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages(),
            site.getusersitepackages()]
    return list(dict.fromkeys(d for d in dirs if Path(d).is_dir()))


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed into it; its `bin/`."""
    work = tmp_path_factory.mktemp("package")
    wheel = _build_wheel(work)
    env = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, capture_output=True, text=True)
    python = env / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "styrgraf-test-dependencies.pth").write_text("".join(d + "\n" for d in _dependency_dirs()))
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, text=True)
    return env / "bin"


def _clean_env() -> dict[str, str]:
    """The environment without anything that would put the checkout on the path."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def run(venv: Path, *args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "styrgraf"), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=_clean_env())


def test_the_wheel_carries_its_data_and_reads_it_there(venv, tmp_path):
    probe = subprocess.run([str(venv / "python"), "-c", """if True:
        import json, importlib.resources as ir, styrgraf, styrgraf.resources as r
        from styrgraf.api import pages, places
        from styrgraf.ingest import register
        print(json.dumps({"package": styrgraf.__file__, "resources": [str(ir.files(p)) for p in
                          ("styrgraf.ontology", "styrgraf.shapes", "styrgraf.queries")],
                          "dirs": [str(d) for d in (r.ONTOLOGY_DIR, r.SHAPES_DIR, r.QUERIES_DIR, pages.TEMPLATES,
                                                    pages.STATIC, register.LEXICON)],
                          "files": [str(places.MAP_FILE)]}))"""],
                           cwd=tmp_path, capture_output=True, text=True, env=_clean_env())
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    inside = str(venv.parent.resolve()) + "/"
    # the wheel's styrgraf, not the checkout's (the test environment's editable install)
    assert found["package"].startswith(inside), found
    for d in found["resources"] + found["dirs"]:
        assert d.startswith(inside) and "/site-packages/styrgraf/" in d and Path(d).is_dir(), d
    assert all(Path(d, *names).is_file() for d, names in (
        (found["dirs"][0], ("styrgraf.ttl",)), (found["dirs"][1], ("styrgraf-shapes.ttl",)),
        (found["dirs"][2], ("bodies.rq",)), (found["dirs"][3], ("base.html",)), (found["dirs"][5], ("kommuner.csv",))))
    assert not any(d.startswith(str(ROOT) + "/") for d in found["dirs"] + found["files"])
    assert (run(venv, "--help", cwd=tmp_path)).returncode == 0


def test_the_installed_styrgraf_ingests_validates_queries_and_serves_from_another_directory(venv, tmp_path):
    doc = sorted(CORPUS.glob("*.txt"))[0]
    ingest = run(venv, "ingest", doc, "--store", "store", cwd=tmp_path)
    assert ingest.returncode == 0 and "1 stored" in ingest.stdout, ingest.stderr
    counts = run(venv, "validate", "--store", "store", cwd=tmp_path)
    assert counts.returncode == 0 and "1 of 1 document graphs conform" in counts.stdout, counts.stdout + counts.stderr
    (tmp_path / "bodies.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { ?b a <https://w3id.org/styrgraf/ns#Body> }")
    answer = run(venv, "query", "bodies.rq", "--store", "store", "--format", "csv", cwd=tmp_path)
    assert answer.returncode == 0 and int(answer.stdout.split()[-1]) > 0, answer.stdout + answer.stderr
    port = free_port()
    server = subprocess.Popen([str(venv / "styrgraf"), "serve", "--store", "store", "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_clean_env())
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until_answers(base + "health", server, "the installed styrgraf serve")
        assert httpx.get(base, timeout=30).status_code == 200             # a page: templates and static files
        counted = httpx.get(base + "api/v1/queries/counts", timeout=30)   # a named query, by name
        assert counted.status_code == 200 and counted.json()["rows"], counted.text
        bodies = httpx.get(base + "api/v1/bodies", timeout=30)            # a collection backed by one
        assert bodies.status_code == 200 and bodies.json()["items"]
        assert httpx.get(base + "ns", headers={"Accept": "text/turtle"}, timeout=30).status_code == 200
        assert httpx.get(base + "static/css/styrgraf.css", timeout=30).status_code == 200
        assert httpx.get(base + "static/favicon.svg", timeout=30).status_code == 200
    finally:
        stop(server)
