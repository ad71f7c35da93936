"""Another authority keeps a copy: a harvester that knows nothing of styrgraf's code stays in step.

The harvester here is plain rdflib, SPARQLWrapper and HTTP: it reads the dataset description
(/.well-known/void), loads the N-Quads dump it names, then follows the change feed
(/api/v1/queries/changes) through an ingest, a remove and a forget done on the server, fetching
each changed document's graph from the SPARQL endpoint the description names (dropping a
removed one), and the graph of the feed itself. It must end holding exactly the graphs the
server holds.
"""
from __future__ import annotations

import httpx
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import SPARQLWrapper, TURTLE, JSON

from conftest import CORPUS, run_cli
from server import running_server

VOID = Namespace("http://rdfs.org/ns/void#")
SG = Namespace("https://w3id.org/styrgraf/ns#")
DOCS = sorted(CORPUS.glob("*.txt"))


class Harvester:
    def __init__(self, site: str):
        self.site = site
        description = Graph().parse(data=httpx.get(site + ".well-known/void", timeout=30,
                                                   headers={"Accept": "text/turtle"}).text, format="turtle")
        [self.endpoint] = [str(e) for e in description.objects(None, VOID.sparqlEndpoint)]
        [self.dump] = [str(d) for d in description.objects(None, VOID.dataDump) if str(d).endswith(".nq")]
        self.copy = Dataset()
        self.copy.parse(data=httpx.get(self.dump, timeout=60).text, format="nquads")
        self.seen = max((row[4] for row in self.feed()), default=None)

    def feed(self, since: str | None = None) -> list[list[str]]:
        r = httpx.get(self.site + "api/v1/queries/changes", params={"since": since} if since else None, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["rows"]           # change, document, source, action, at

    def sparql(self, query: str, fmt=JSON):
        client = SPARQLWrapper(self.endpoint)
        client.setQuery(query)
        client.setReturnFormat(fmt)
        return client.queryAndConvert()

    def graph_of(self, document: str) -> URIRef | None:
        """Where the server keeps a document now (None: nowhere)."""
        rows = self.sparql(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{document}> a ?t }} }}")["results"]["bindings"]
        return URIRef(rows[0]["g"]["value"]) if rows else None

    def fetch(self, graph: URIRef) -> None:
        turtle = self.sparql(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", TURTLE)
        self.copy.remove_graph(self.copy.graph(graph))
        target = self.copy.graph(graph)
        for t in Graph().parse(data=turtle, format="turtle"):
            target.add(t)

    def follow(self) -> list[tuple[str, str]]:
        followed = []
        for _, document, _, action, at in self.feed(self.seen):
            followed.append((document, action))
            held = {g.identifier for g in self.copy.graphs() if (URIRef(document), None, None) in g}
            now = self.graph_of(document)
            for graph in held - {now}:                  # removed, or no longer there
                self.copy.remove_graph(self.copy.graph(graph))
            if now is not None:
                self.fetch(now)
            self.seen = at
        # the feed's own records are a graph like the others
        for graph in {g.identifier for g in self.copy.graphs() if (None, None, SG.Change) in g}:
            self.fetch(graph)
        return followed


def holdings(data: Dataset) -> dict[URIRef, Graph]:
    return {g.identifier: g for g in data.graphs() if len(g) and isinstance(g.identifier, URIRef)}


def test_a_harvester_follows_the_feed_and_ends_with_the_servers_graph(tmp_path):
    store = tmp_path / "store"
    run_cli("ingest", DOCS[0], DOCS[2], DOCS[4], "--store", store)
    with running_server(store) as site:
        harvester = Harvester(site)
        assert len(holdings(harvester.copy)) >= 4         # three documents, the feed, the vocabulary

        run_cli("ingest", DOCS[1], "--store", store)
        run_cli("remove", DOCS[0].name, "--store", store)
        run_cli("forget", "--person", "Anna Lundgren", "--store", store)
        followed = harvester.follow()

        actions = {action for _, action in followed}
        assert {"stored", "removed", "forgotten"} <= actions, followed
        server = Dataset()
        server.parse(data=httpx.get(harvester.dump, timeout=60).text, format="nquads")
    mine, theirs = holdings(harvester.copy), holdings(server)
    assert set(mine) == set(theirs)
    for name in theirs:
        assert isomorphic(mine[name], theirs[name]), name
    assert not any("Anna Lundgren" in str(o) for _, _, o, _ in harvester.copy.quads())
