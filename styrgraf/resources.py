"""The data files styrgraf ships, found through importlib.resources.

The ontology, the SHACL shapes and the named queries are kept in the top-level folders ontology/,
shapes/ and queries/ of the source tree; the page templates, static files and lexicons beside the
code that uses them (api/templates, api/static, ingest/lexicon). pyproject.toml maps each folder
into the package (styrgraf.ontology, styrgraf.api, …), so a wheel carries them inside styrgraf and
an editable install (`make install`) maps the same package names to the checkout's folders:
importlib.resources finds them by package name either way, and nothing is looked up relative to a
source file.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def folder(package: str, *parts: str) -> Path:
    """The folder (or file) `parts` below the package `package`, as a path on the file system
    (what pyoxigraph, rdflib, Jinja2 and Starlette read files by). styrgraf is installed as
    files; a package in a zip archive has no such path."""
    root = resources.files(package)
    if not isinstance(root, Path):
        raise RuntimeError(f"{package} is not installed as files on disk ({root!r}): styrgraf reads its data "
                           "files by path; install it from a wheel or a checkout")
    return root.joinpath(*parts)


ONTOLOGY_DIR = folder("styrgraf.ontology")
SHAPES_DIR = folder("styrgraf.shapes")
QUERIES_DIR = folder("styrgraf.queries")
