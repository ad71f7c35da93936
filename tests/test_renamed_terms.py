"""Terms that ontology 0.3 renamed (styrgraf.vocab.RENAMED_TERMS): new data uses the new names,
and a store written with the old ones is refused until `styrgraf migrate` rewrites it, in one
update, recording each document it changed in the change feed."""
from __future__ import annotations

import pyoxigraph as ox

from conftest import CORPUS, run_cli
from styrgraf.vocab import RDF, RENAMED_TERMS, SG

TYPE = ox.NamedNode(RDF + "type")


def as_an_older_styrgraf_wrote_it(store) -> set[ox.Quad]:
    """The store's quads with the new names replaced by the old ones."""
    back = {ox.NamedNode(new): ox.NamedNode(old) for old, new in RENAMED_TERMS.items()}
    st = ox.Store(str(store))
    quads = list(st)
    older = {ox.Quad(q.subject, back.get(q.predicate, q.predicate),
                     back.get(q.object, q.object) if q.predicate == TYPE else q.object, q.graph_name) for q in quads}
    st.clear()
    st.extend(older)
    st.flush()
    del st
    return older


def uses(quads, terms) -> int:
    names = {ox.NamedNode(t) for t in terms}
    return sum(1 for q in quads if q.predicate in names or (q.predicate == TYPE and q.object in names))


def test_new_data_uses_the_new_names(corpus_store):
    quads = list(ox.Store.read_only(str(corpus_store)))
    assert uses(quads, RENAMED_TERMS.values()) and not uses(quads, RENAMED_TERMS)


def test_a_store_with_the_old_names_is_migrated(corpus_store, tmp_path):
    store = tmp_path / "store"
    run_cli("ingest", *sorted(CORPUS.glob("*.txt")), "--store", store)
    current = set(ox.Store.read_only(str(store)))
    older = as_an_older_styrgraf_wrote_it(store)
    assert uses(older, RENAMED_TERMS) == uses(current, RENAMED_TERMS.values()) > 0
    (store / "format").write_text("2\n")                      # the layout before 0.3

    refused = run_cli("ingest", sorted(CORPUS.glob("*.txt"))[0], "--store", store, check=False)
    reason = " ".join(refused.stderr.split())
    assert refused.returncode == 2 and "styrgraf migrate" in reason and "sg:by → sg:madeBy" in reason
    dry = run_cli("migrate", "--store", store, "--dry-run").stdout
    assert f"would rename the terms of ontology 0.2 that 0.3 renamed in {uses(older, RENAMED_TERMS)} quads" in " ".join(dry.split())
    assert set(ox.Store.read_only(str(store))) == older                  # a dry run changes nothing

    said = " ".join(run_cli("migrate", "--store", store).stdout.split())
    assert "documents recorded in the change feed as stored again" in said
    after = set(ox.Store.read_only(str(store)))
    feed = ox.NamedNode("https://w3id.org/styrgraf/graph/_changes")
    assert current <= after and all(q.graph_name in (feed, ox.DefaultGraph()) for q in after - current)
    stored_again = {q.object.value for q in after - current if q.predicate.value == SG + "changedDocument"
                    and q.graph_name == feed}
    assert stored_again and all(d.startswith("https://w3id.org/styrgraf/id/doc/") for d in stored_again)
    assert (store / "format").read_text() == "3\n"
    run_cli("ingest", sorted(CORPUS.glob("*.txt"))[0], "--store", store)     # accepted again
