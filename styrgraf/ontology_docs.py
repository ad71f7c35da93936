"""HTML documentation of the styrgraf ontology, made with pyLODE.

    python -m styrgraf.ontology_docs [out_dir] [--lang en|sv]

writes ``{out_dir}/index.html`` (default ``ontology/doc/``) from
``ontology/styrgraf.ttl``.

pyLODE documents one language well, so the labels, definitions and notes of
the other language are left out of the page; every term keeps its local name
as HTML anchor (``index.html#Goal``). The bare declarations of external terms
(``org:Organization a owl:Class .``), which the ontology carries only so that
a reasoner sees a self-contained file, are left out too: pyLODE would list
them as if they were styrgraf terms.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import sys
import types
from pathlib import Path

from rdflib import RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from styrgraf.resources import ONTOLOGY_DIR
from styrgraf.vocab import ONTOLOGY_IRI, SG

ONTOLOGY_FILE = ONTOLOGY_DIR / "styrgraf.ttl"
DEFAULT_OUT_DIR = ONTOLOGY_FILE.parent / "doc"

# annotation properties whose literals are filtered to the chosen language
_LANG_FILTERED = (RDFS.label, RDFS.comment, SKOS.definition, SKOS.scopeNote, SKOS.altLabel,
                  SKOS.prefLabel, SKOS.example, SKOS.changeNote, DCTERMS.title, DCTERMS.description)


def _import_ontpub():
    """`pylode.OntPub`, working around pyLODE 3.4.1's packaging bug.

    pyLODE 3.4.1's ``pylode/version.py`` reads ``pyproject.toml`` from
    site-packages, which the wheel does not ship, so ``import pylode`` fails
    with FileNotFoundError (RDFLib/pyLODE#260, fixed upstream). Registering
    ``pylode.version`` beforehand with the installed version avoids that file.
    """
    if "pylode" not in sys.modules and "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")
        sys.modules["pylode.version"] = stub
    from pylode import OntPub  # the class pyLODE ≥ 3 calls OntDoc in its docstrings
    return OntPub


def documentation_graph(ontology: Path = ONTOLOGY_FILE, lang: str = "en") -> Graph:
    """The ontology as pyLODE should see it: own terms only, one language."""
    src = Graph().parse(ontology)
    g = Graph()
    for prefix, ns in src.namespaces():
        g.bind(prefix, ns)
    for s, p, o in src:
        if isinstance(s, URIRef) and not (str(s).startswith(SG) or str(s) == ONTOLOGY_IRI):
            continue  # a declaration of an external term
        if p in _LANG_FILTERED and isinstance(o, Literal) and o.language and o.language != lang:
            continue
        g.add((s, p, o))
    return g


def build_html(out_dir: Path, ontology: Path = ONTOLOGY_FILE, lang: str = "en") -> Path:
    """Write ``out_dir/index.html`` documenting the ontology; return its path."""
    OntPub = _import_ontpub()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    g = documentation_graph(ontology, lang)
    doc = OntPub(g, sort_subjects=True)
    # anchors = local names, not pyLODE's guesses from the labels
    for term in set(g.subjects(RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI))):
        if str(term).startswith(SG):
            doc.fids[str(term)] = str(term)[len(SG):]
    target = out_dir / "index.html"
    html = doc.make_html()
    # the page says its language, and pyLODE's grey credit line gets the contrast WCAG AA asks of text (4.5:1)
    html = html.replace("<html>", f'<html lang="{lang}">', 1)
    html = html.replace("</head>", "<style>#pylode, #pylode * { color: #595959; }</style>\n</head>", 1)
    target.write_text(html, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT_DIR)
    ap.add_argument("--lang", default="en", choices=["en", "sv"])
    args = ap.parse_args(argv)
    print(build_html(args.out_dir, lang=args.lang))


if __name__ == "__main__":
    main()
