"""A forgotten person cannot be recovered from public data.

`styrgraf forget --person` used to write an sg:ForgottenName record (salted PBKDF2 hash and its
salt) into the public change graph, where /sparql and the dumps gave it to anyone who then
hashed the capitalised word pairs of the corpus. What keeps the person out of later ingests is
now a keyed hash in a private list outside the served store. Everything here goes through the
real CLI and a real `styrgraf serve` (or `oxigraph serve`).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import shutil
import stat

import httpx
import pyoxigraph as ox
import pytest

from conftest import CORPUS, run_cli
from oxigraph_server import find_oxigraph, oxigraph_server
from server import running_server
from styrgraf.vocab import SG, slug

BASE = "https://w3id.org/styrgraf/"
CHANGES = BASE + "graph/_changes"
NAMES = ["Fredrik Lindstål", "Lars Lööw"]
# the query that gave away hash and salt before they left the store
HASH_QUERY = (f"PREFIX sg: <{SG}> SELECT ?hash ?salt WHERE {{ ?r a sg:ForgottenName ; "
              f"sg:nameHash ?hash ; sg:salt ?salt }}")
HEX = re.compile(r"[0-9a-f]{32,}")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def quads(text: str) -> set[ox.Quad]:
    return set(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS))


def export_nq(store, tmp_path, env=None) -> str:
    out = tmp_path / "export.nq"
    run_cli("export", "--store", store, "--format", "nq", "--out", out, env=env)
    return out.read_text(encoding="utf-8")


def private_values(directory) -> set[str]:
    """Every hash, salt and key held in the private folder."""
    return {v for f in directory.iterdir() for v in HEX.findall(f.read_text())} if directory.is_dir() else set()


def assert_no_record_of_names(after: str, before: str, private: set[str]) -> None:
    """`after` (a dump made after forgetting) holds nothing from which a name could be tested:
    no ForgottenName record, no value of the private list, and the change graph gained only
    change records (action "forgotten") that name documents."""
    after_q = quads(after)
    assert not {q for q in after_q if q.predicate.value in (SG + "nameHash", SG + "salt")
                or (q.predicate.value == RDF_TYPE and q.object.value == SG + "ForgottenName")}
    assert not any(v in after for v in private)
    assert set(HEX.findall(after)) <= set(HEX.findall(before))       # no new hash of any kind
    new = {q for q in after_q - quads(before) if q.graph_name.value == CHANGES}
    records = {q.subject for q in new}
    assert records and all(ox.Quad(r, ox.NamedNode(SG + "action"), ox.Literal("forgotten"),
                                   ox.NamedNode(CHANGES)) in new for r in records)
    assert {q.predicate.value.rsplit("#", 1)[-1] for q in new} == \
        {"type", "changedDocument", "action", "sourceFile", "atTime"}


@pytest.fixture(scope="module")
def forgotten(tmp_path_factory):
    """The corpus through the CLI, a copy of it, then `forget` of two persons: (store, before)."""
    root = tmp_path_factory.mktemp("forget-private")
    store, before = root / "store", root / "before"
    run_cli("ingest", CORPUS, "--store", store)
    shutil.copytree(store, before)
    run_cli("forget", *[a for n in NAMES for a in ("--person", n)], "--store", store)
    return store, before


def test_the_hash_query_finds_nothing_and_the_dumps_hold_no_record(forgotten, tmp_path):
    store, before = forgotten
    private = private_values(store / "private")
    before_nq = export_nq(before, tmp_path)
    assert_no_record_of_names(export_nq(store, tmp_path), before_nq, private)
    with running_server(store) as base:
        for q in (HASH_QUERY, f"SELECT ?g ?r WHERE {{ GRAPH ?g {{ ?r a <{SG}ForgottenName> }} }}"):
            r = httpx.post(base + "sparql", data={"query": q},
                           headers={"Accept": "application/sparql-results+json"}, timeout=60)
            assert r.status_code == 200 and r.json()["results"]["bindings"] == [], q
        dump = httpx.get(base + "dumps/styrgraf.nq", timeout=60)
        assert dump.status_code == 200
        assert_no_record_of_names(dump.text, before_nq, private)


def test_the_private_list_is_private(forgotten):
    store, _ = forgotten
    folder = store / "private"
    listed = (folder / "forgotten").read_text().splitlines()
    assert len(listed) == len(NAMES) and all(re.fullmatch(r"hmac [0-9a-f]{64}", line) for line in listed)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for f in ("forgotten", "forget.key"):
        assert stat.S_IMODE((folder / f).stat().st_mode) == 0o600, f
    secrets = private_values(folder)
    with running_server(store) as base:
        for path in ("private/forgotten", "private/forget.key", "forgotten", "forget.key",
                     "static/../private/forgotten", "static/%2e%2e/private/forgotten", "static/..%2fprivate/forgotten",
                     "dumps/private/forgotten", "dumps/../private/forgotten", "id/private/forgotten",
                     "dumps/documents/private.nq", "dumps/documents/..%2fprivate%2fforgotten.nq"):
            r = httpx.get(base + path, timeout=30)
            assert r.status_code in (400, 404), (path, r.status_code)
            assert not any(v in r.text for v in secrets), path


def test_an_old_record_moves_out_of_the_store(tmp_path):
    """A store written before the private list holds sg:ForgottenName records: the next ingest
    moves them into the list (still checked, by the old salted hash) and out of the store."""
    store = tmp_path / "store"
    run_cli("ingest", CORPUS, "--store", store)
    salt = os.urandom(16).hex()
    digest = hashlib.pbkdf2_hmac("sha256", "fredrik lindstål".encode(), bytes.fromhex(salt), 20_000).hex()
    st = ox.Store(str(store))
    st.update(f'INSERT DATA {{ GRAPH <{CHANGES}> {{ <{BASE}id/forgotten/{digest[:16]}> a <{SG}ForgottenName> ; '
              f'<{SG}nameHash> "{digest}" ; <{SG}salt> "{salt}" }} }}')
    st.flush()
    del st
    run_cli("ingest", CORPUS, "--store", store, "--force")
    text = export_nq(store, tmp_path)
    assert not list(ox.Store.read_only(str(store)).query(HASH_QUERY, use_default_graph_as_union=True))
    assert digest not in text and salt not in text
    assert f"pbkdf2 {salt} {digest}" in (store / "private" / "forgotten").read_text().splitlines()
    assert "Fredrik Lindstål" not in text and f"/person/{slug('Fredrik Lindstål')}" not in text   # kept out
    assert "Andrea Ström" in text


@pytest.mark.skipif(find_oxigraph() is None, reason="the `oxigraph` server binary is not installed")
def test_forget_on_a_sparql_server_keeps_the_list_locally(tmp_path):
    """On a SPARQL server the list lives on the machine that runs styrgraf: by default under
    $XDG_DATA_HOME/styrgraf/forget/<server>, keyed with STYRGRAF_FORGET_KEY when it is set."""
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "STYRGRAF_FORGET_KEY": "a secret of the authority"}
    with oxigraph_server(tmp_path / "oxigraph") as srv:
        store = ["--store", srv.query, "--update-endpoint", srv.update]
        run_cli("ingest", CORPUS, *store, "--no-validate", env=env)
        before = export_nq(srv.query, tmp_path, env=env)
        run_cli("forget", "--person", NAMES[0], *store, env=env)
        r = httpx.post(srv.query, data={"query": HASH_QUERY}, headers={"Accept": "application/sparql-results+json"})
        assert r.json()["results"]["bindings"] == []
        expected = hmac.new(env["STYRGRAF_FORGET_KEY"].encode(), b"fredrik lindst\xc3\xa5l", hashlib.sha256).hexdigest()
        assert_no_record_of_names(export_nq(srv.query, tmp_path, env=env), before, {expected})
        folders = list((tmp_path / "xdg" / "styrgraf" / "forget").iterdir())
        assert len(folders) == 1 and "127.0.0.1" in folders[0].name
        listed = (folders[0] / "forgotten").read_text().split()
        assert listed == ["hmac", expected] and not (folders[0] / "forget.key").exists()
        run_cli("ingest", CORPUS, *store, "--no-validate", "--force", env=env)
        again = export_nq(srv.query, tmp_path, env=env)
        assert NAMES[0] not in again and "Andrea Ström" in again
