"""The dataset description a data portal harvests: DCAT-AP 3 valid, with what a portal shows.

The description at /.well-known/void is read as a harvester reads it and validated with pyshacl
against the DCAT-AP 3.0.0 shapes (tests/dcat-ap-3.0.0-SHACL.ttl, as SEMIC publishes them).
"""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from conftest import run_cli
from server import running_server

SHAPES = Path(__file__).with_name("dcat-ap-3.0.0-SHACL.ttl")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


def description(url: str) -> Graph:
    r = httpx.get(url + ".well-known/void", headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200
    return Graph().parse(data=r.text, format="turtle")


@pytest.fixture(scope="module")
def described(corpus_store):
    with running_server(corpus_store, env={"STYRGRAF_PUBLISHER": "Exempelkommunen",
                                           "STYRGRAF_CONTACT_EMAIL": "registrator@exempel.se"}) as url:
        yield url, description(url)


def test_the_description_validates_against_dcat_ap_3(described):
    _, g = described
    # RDFS inference, as the shapes expect it: every IRI is an rdfs:Resource (dcat:accessURL …)
    conforms, _, report = validate(g, shacl_graph=Graph().parse(SHAPES), inference="rdfs", advanced=True)
    assert conforms, report


def test_it_says_licence_publisher_contact_frequency_and_distributions(described):
    url, g = described
    [dataset] = g.subjects(RDF.type, DCAT.Dataset)
    assert (None, DCAT.dataset, dataset) in g                                   # in a catalogue
    assert str(g.value(g.value(dataset, DCTERMS.publisher), FOAF.name)) == "Exempelkommunen"
    contact = g.value(dataset, DCAT.contactPoint)
    assert g.value(contact, VCARD.hasEmail) == URIRef("mailto:registrator@exempel.se")
    assert g.value(dataset, DCTERMS.accrualPeriodicity) == \
        URIRef("http://publications.europa.eu/resource/authority/frequency/IRREG")
    distributions = set(g.objects(dataset, DCAT.distribution))
    downloads = {str(g.value(d, DCAT.downloadURL)) for d in distributions if g.value(d, DCAT.downloadURL)}
    assert {url + f"dumps/styrgraf.{f}" for f in ("nq", "trig", "ttl", "jsonld")} <= downloads
    for d in distributions:                                                     # every one with its licence
        assert g.value(d, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        access = str(g.value(d, DCAT.accessURL))
        assert httpx.get(access, headers={"Accept": "application/sparql-results+json"}, timeout=60,
                         params={"query": "ASK {}"} if access.endswith("/sparql") else None).status_code == 200
    assert g.value(dataset, DCTERMS.title, any=True) in {Literal("styrgraf", lang="sv"), Literal("styrgraf", lang="en")}


@pytest.mark.parametrize("variable,value", [("STYRGRAF_CONTACT_EMAIL", "not an address"),
                                            ("STYRGRAF_LICENSE", "CC BY 4.0")])
def test_a_malformed_contact_or_licence_is_refused_at_start(corpus_store, variable, value):
    proc = run_cli("serve", "--store", corpus_store, check=False, env={variable: value}, timeout=60)
    assert proc.returncode == 2 and variable in proc.stderr and "Traceback" not in proc.stderr
