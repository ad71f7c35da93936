"""The chains of eval/chains.toml: an assignment or committee directive of corpus-regeringen-full,
the later pages that change it and the committee's reports on it, read by hand, with the status a
reader gives each as of three days. Ingested through the CLI, the status styrgraf derives must be
the reader's."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import run_cli
from styrgraf.api.named_queries import bind, registry
from styrgraf.iris import doc_id, graph_iri
from styrgraf.vocab import NAMESPACE, SG

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-regeringen-full"
CHAINS = tomllib.loads((ROOT / "eval" / "chains.toml").read_text(encoding="utf-8"))["chain"]
# measured: all 75 statuses
FLOOR = 75

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus-regeringen-full")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    files = sorted({CORPUS / c["original"] for c in CHAINS}
                   | {CORPUS / p for c in CHAINS for p in c["changes"] + c.get("reports", [])})
    path = tmp_path_factory.mktemp("chains") / "store"
    run_cli("ingest", *files, "--store", path)
    return ox.Store.read_only(str(path))


def test_the_gold_has_at_least_fifteen_chains_with_three_days_each():
    assert len(CHAINS) >= 15
    assert all(len({s["as_of"] for s in c["status"]}) == 3 for c in CHAINS)
    # five of them end in a committee's report, and one is reported by it as of one of its days
    with_reports = [c for c in CHAINS if c.get("reports")]
    assert len(with_reports) >= 5
    assert any(s["state"] == "reported" for c in with_reports for s in c["status"])


def test_each_chain_has_the_readers_status_as_of_each_day(store):
    status = registry()["assignment-status"]
    right, wrong = 0, []
    for chain in CHAINS:
        graph = graph_iri(NAMESPACE, doc_id(Path(chain["original"]).name))
        given = [r["a"].value for r in store.query(f"SELECT DISTINCT ?a WHERE {{ GRAPH <{graph}> {{ ?a a <{SG}Assignment> }} }}")]
        assert given, f"no assignment read from {chain['original']}"
        for day in chain["status"]:
            rows = list(store.query(bind(status, {"as_of": day["as_of"], "assignment": given})))
            states = {r["state"].value for r in rows}
            if day["state"] in states:
                right += 1
            else:
                wrong.append(f"{chain['original']} as of {day['as_of']}: {sorted(states)}, a reader: {day['state']}")
    assert right >= FLOOR, "\n".join(wrong)


def test_every_link_stands_on_quotes_of_the_citing_documents_text(store):
    """No link without evidence: each citation linked to a document holds at least one quote, and each of its quotes
    is words of the document that cites (its text as read)."""
    from styrgraf.ingest import pipeline
    from styrgraf.vocab import CITO

    files = {graph_iri(NAMESPACE, doc_id(p.name)): p for c in CHAINS
             for p in [CORPUS / c["original"], *(CORPUS / x for x in c["changes"] + c.get("reports", []))]}
    rows = list(store.query(f"""SELECT ?c ?g (GROUP_CONCAT(?q; separator="\\u0001") AS ?quotes) WHERE {{
        ?c <{CITO}hasCitedEntity> ?target .
        GRAPH ?g {{ ?c <{CITO}hasCitingEntity> ?doc OPTIONAL {{ ?c <{SG}evidence>/<{SG}quote> ?q }} }}
    }} GROUP BY ?c ?g"""))
    assert rows, "the chains hold links"
    texts: dict[str, str] = {}
    for r in rows:
        quotes = [q for q in r["quotes"].value.split("\u0001") if q]
        assert quotes, f"{r['c'].value} is linked with no quote"
        g = r["g"].value
        text = texts.setdefault(g, pipeline.extract_file(files[g]).doc.text)
        for q in quotes:
            assert q in text, f"{q!r} is not in {files[g].name}"
