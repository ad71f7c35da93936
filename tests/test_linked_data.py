"""Linked data for other authorities, over HTTP: dereferenceable IRIs, dumps, VoID, the ontology."""
from __future__ import annotations

import shutil
import subprocess

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from server import running_server

BODY = "https://w3id.org/styrgraf/id/org/stockholms-stad/arbetsmarknadsnamnden"


@pytest.fixture(scope="module")
def base(corpus_store):
    with running_server(corpus_store) as url:
        yield url


def local(base: str, iri: str) -> str:
    return iri.replace("https://w3id.org/styrgraf/", base)


@pytest.mark.parametrize("accept,fmt", [("text/turtle", ox.RdfFormat.TURTLE),
                                        ("application/ld+json", ox.RdfFormat.JSON_LD),
                                        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                        ("application/rdf+xml", ox.RdfFormat.RDF_XML)])
def test_iri_dereferences_by_accept(base, accept, fmt):
    r = httpx.get(local(base, BODY), headers={"Accept": accept}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    triples = list(ox.parse(r.content, format=fmt))
    subjects = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
    assert BODY in subjects
    # what links to the body is there as well as what it says
    assert any(t.object == ox.NamedNode(BODY) for t in triples)


@pytest.mark.parametrize("path", [BODY, "https://w3id.org/styrgraf/ns", "https://w3id.org/styrgraf/.well-known/void"])
def test_json_ld_is_compact_with_the_published_prefixes_and_says_the_same(base, path):
    """JSON-LD comes with an @context of the prefixes the ontology publishes (properties and types as
    sg:…, skos:…), and a JSON-LD processor (rdflib) reads it as the same triples as N-Triples."""
    r = httpx.get(local(base, path), headers={"Accept": "application/ld+json"}, timeout=30)
    doc = r.json()
    assert doc["@context"]["sg"] == "https://w3id.org/styrgraf/ns#" and doc["@context"]["skos"].endswith("/core#")
    keys = {k for node in doc["@graph"] for k in node}
    assert any(k.startswith(("sg:", "skos:", "dct:", "rdfs:")) for k in keys)
    assert not any(k.startswith(("https://w3id.org/styrgraf/ns#", "http://www.w3.org/2004/02/skos/core#")) for k in keys)
    nt = httpx.get(local(base, path), headers={"Accept": "application/n-triples"}, timeout=30).text
    assert isomorphic(Graph().parse(data=r.text, format="json-ld"), Graph().parse(data=nt, format="nt"))


def test_iri_dereferences_by_suffix_and_html(base):
    r = httpx.get(local(base, BODY) + ".ttl", timeout=30)
    assert r.status_code == 200 and "text/turtle" in r.headers["content-type"]
    page = httpx.get(local(base, BODY), headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "Arbetsmarknadsnämnden" in page.text
    assert 'rel="alternate"' in page.text


def test_unknown_iri_is_404(base):
    assert httpx.get(base + "id/org/ingen-sadan", headers={"Accept": "text/turtle"}, timeout=30).status_code == 404


@pytest.mark.skipif(shutil.which("rapper") is None, reason="needs rapper (Debian raptor2-utils)")
def test_nquads_dump_read_back_by_rapper(base, tmp_path):
    out = tmp_path / "dump.nq"
    with httpx.stream("GET", base + "dumps/styrgraf.nq", timeout=60) as r:
        assert r.status_code == 200
        with open(out, "wb") as f:
            for chunk in r.iter_bytes():
                f.write(chunk)
    ours = sum(1 for _ in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    proc = subprocess.run(["rapper", "-i", "nquads", "-c", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0 and int(proc.stderr.strip().split()[-2]) == ours > 1000


@pytest.mark.parametrize("fmt,parse", [("ttl", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD),
                                       ("trig", ox.RdfFormat.TRIG)])
def test_dumps_parse(base, fmt, parse):
    r = httpx.get(base + f"dumps/styrgraf.{fmt}", timeout=60)
    assert r.status_code == 200 and sum(1 for _ in ox.parse(r.content, format=parse)) > 1000


def test_document_dump(base):
    r = httpx.get(base + "dumps/documents/002-40780f4541adeb76.nq", timeout=30)
    graphs = {q.graph_name.value for q in ox.parse(r.content, format=ox.RdfFormat.N_QUADS)}
    assert graphs == {"https://w3id.org/styrgraf/graph/002-40780f4541adeb76"}
    assert httpx.get(base + "dumps/documents/nope.nq", timeout=30).status_code == 404


def test_void_names_endpoint_dumps_and_size(base):
    r = httpx.get(base + ".well-known/void", timeout=30)
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    preds = {t.predicate.value: t.object for t in triples}
    assert preds["http://rdfs.org/ns/void#sparqlEndpoint"].value.endswith("/sparql")
    assert int(preds["http://rdfs.org/ns/void#triples"].value) > 1000
    assert any(t.predicate.value == "http://rdfs.org/ns/void#dataDump" for t in triples)


def test_ontology_and_shapes_served(base):
    ttl = httpx.get(base + "ns", headers={"Accept": "text/turtle"}, timeout=30)
    assert any(t.subject.value == "https://w3id.org/styrgraf/ns#Responsibility"
               for t in ox.parse(ttl.content, format=ox.RdfFormat.TURTLE))
    shapes = httpx.get(base + "ns/shapes", timeout=30)
    assert sum(1 for _ in ox.parse(shapes.content, format=ox.RdfFormat.TURTLE)) > 100
