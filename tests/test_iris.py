"""styrgraf.iris: every kind of IRI it mints parses back into the parts it was minted from, and
the spelling is the one the data has always had (a server dereferences IRIs by their path)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from styrgraf import iris
from styrgraf.vocab import NAMESPACE, slug

BASE = NAMESPACE
OLD_BASE = "http://localhost:8000/"

# what ids are made of: slugs (doc_id, slug) and the instance paths built from them
ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=30).map(slug)
paths = st.lists(ids, min_size=1, max_size=3).map("/".join)
bases = st.sampled_from([BASE, OLD_BASE, "https://example.org/data/"])
segments = st.sampled_from([s for s in iris.ID_SEGMENT.values() if s != iris.DOCUMENT_SEGMENT]
                           + ["person", "party", "dnr"])


def test_the_spelling_is_the_one_the_data_has():
    assert iris.graph_iri(BASE, "budget-2024") == "https://w3id.org/styrgraf/graph/budget-2024"
    assert iris.changes_graph(BASE) == "https://w3id.org/styrgraf/graph/_changes"
    assert iris.document_iri(BASE, "budget-2024") == "https://w3id.org/styrgraf/id/doc/budget-2024"
    assert iris.evidence_iri(iris.document_iri(BASE, "b"), 3, 17) == "https://w3id.org/styrgraf/id/doc/b/ev/3-17"
    assert iris.change_iri(BASE, "0123abcd") == "https://w3id.org/styrgraf/id/change/0123abcd"
    assert iris.instance_iri(BASE, "org", "stockholms-stad/kulturnamnden") == \
        "https://w3id.org/styrgraf/id/org/stockholms-stad/kulturnamnden"
    assert iris.id_prefix(BASE) == "https://w3id.org/styrgraf/id/"
    assert iris.id_prefix(BASE, "org") == "https://w3id.org/styrgraf/id/org/"
    assert iris.doc_id("Budget för 2024.pdf") == "budget-for-2024"
    assert iris.doc_id("/some/dir/Plan.v2.docx") == "plan-v2"


@given(bases, ids)
def test_graph_round_trip(base, doc):
    graph = iris.graph_iri(base, doc)
    assert iris.parse(graph, base) == iris.Parsed("graph", base, doc)
    assert iris.split_graph(graph) == (base, doc)
    assert iris.document_of_graph(graph) == iris.document_iri(base, doc)
    assert not iris.is_own_graph(graph)


@pytest.mark.parametrize("mint, kind", [(iris.changes_graph, "changes"), (iris.links_graph, "links")])
@given(base=bases)
def test_own_graph_round_trip(mint, kind, base):
    graph = mint(base)
    assert iris.parse(graph, base) == iris.Parsed(kind, base)
    assert iris.is_own_graph(graph)
    assert iris.split_graph(graph) is None and iris.document_of_graph(graph) is None


@given(bases, ids)
def test_document_round_trip(base, doc):
    assert iris.parse(iris.document_iri(base, doc), base) == iris.Parsed("document", base, doc, "doc")


@given(bases, ids, st.integers(0, 10**7), st.integers(0, 10**7))
def test_evidence_round_trip(base, doc, start, end):
    iri = iris.evidence_iri(iris.document_iri(base, doc), start, end)
    assert iris.parse(iri, base) == iris.Parsed("evidence", base, doc, "doc", (start, end))


@given(bases, st.text(alphabet="0123456789abcdef", min_size=1, max_size=16))
def test_change_round_trip(base, key):
    assert iris.parse(iris.change_iri(base, key), base) == iris.Parsed("change", base, key, "change")


@given(bases, segments, paths)
def test_instance_round_trip(base, segment, path):
    iri = iris.instance_iri(base, segment, path)
    assert iris.parse(iri, base) == iris.Parsed("instance", base, path, segment)
    assert iri.startswith(iris.id_prefix(base, segment))


@pytest.mark.parametrize("iri", [
    None, "", "https://example.org/id/org/x", NAMESPACE + "ns#Body", NAMESPACE + "kind/body/namnd",
    NAMESPACE + "id/", NAMESPACE + "id/org", NAMESPACE + "id/org/", NAMESPACE + "graph/",
    NAMESPACE + "graph/a/b", NAMESPACE + "graph-store"])
def test_other_iris_parse_to_none(iri):
    assert iris.parse(iri) is None


def test_parse_is_relative_to_the_base():
    doc = iris.document_iri(OLD_BASE, "x")
    assert iris.parse(doc) is None
    assert iris.parse(doc, OLD_BASE).kind == "document"


def test_a_document_path_that_is_no_evidence_is_an_instance():
    parsed = iris.parse(NAMESPACE + "id/doc/x/part/2")
    assert (parsed.kind, parsed.segment, parsed.ident) == ("instance", "doc", "x/part/2")


def test_collections_and_segments_are_one_table():
    assert iris.SEGMENT_COLLECTION == {v: k for k, v in iris.ID_SEGMENT.items()}
    assert iris.ID_SEGMENT["documents"] == iris.DOCUMENT_SEGMENT
