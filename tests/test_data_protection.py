"""Data protection: no contact data in the store, and `styrgraf forget`.

(a) Every literal of a store holding the bundled corpus and the regeringen corpus (when
present) is scanned for Swedish telephone numbers and e-mail addresses: there are none.
The detector is written independently of ingest's masking and checked on real forms first.

(b) `styrgraf forget --person NAME` removes every fact about a person from every document
graph; afterwards the name is nowhere: not in any export format, not in the server's
dumps, change feed, SPARQL answers or API. Re-ingesting keeps the person out (a keyed hash
of the name in a private list outside the store: tests/test_forget_private.py).
`forget --document FILE` is `remove`.
"""
from __future__ import annotations

import io
import re
import shutil
import urllib.parse

import httpx
import pyoxigraph as ox
import pytest

from conftest import CORPUS, REGERINGEN, run_cli
from oxigraph_server import find_oxigraph, oxigraph_server
from server import running_server
from styrgraf.ingest.forget import forget_person, name_pattern, scrub
from styrgraf.vocab import SG, slug

BASE = "https://w3id.org/styrgraf/"
CHANGES = BASE + "graph/_changes"

# ================================================================== (a) contact data
_SP = "[ \u00a0\u2009\u202f]"
# a digit run that starts like a Swedish number: +46 …, or 0 and an area code
PHONE_CANDIDATE = re.compile(rf"(?<![\w/:.,+\-–])(?:\+{_SP}?46|0[1-9])[\d \u00a0\u2009\u202f()–-]{{5,18}}\d"
                             r"(?![\w/:]|[.,]\d)")
EMAIL = re.compile(r"[\w.+-]+(?:@|\s?[(\[]at[)\]]\s?)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)


def telephone_numbers(text: str) -> list[str]:
    """Swedish telephone numbers in `text`: a digit run starting with +46 or 0 and an area
    code, grouped only by spaces, hyphens or '(0)', that has 8-10 digits in national form —
    and is not a date (2024-05-01, 08-05-2019), an SFS number (2009:724), a diarienummer
    (KS 2024/0123), a decimal (0,5) or part of a hash or identifier: those are preceded or
    followed by other characters."""
    found = []
    for m in PHONE_CANDIDATE.finditer(text):
        s = m.group(0).rstrip(" -–(")
        if s.count("-") + s.count("–") > 1 and not s.startswith("+"):
            continue                                     # 08-05-2019: a date, not a number
        if re.search(rf"\d{{4}}{_SP}*$", s) and re.search(r"[-–]\d{2}[-–]", s):
            continue
        digits = re.sub(r"\D", "", s)
        if s.startswith("+"):
            digits = digits[2:] if digits[2:].startswith("0") else "0" + digits[2:]
        if 8 <= len(digits) <= 10:
            found.append(s)
        elif len(digits) > 10:
            # a number followed by more digits ('08-123 45 67 2019'): test the leading groups
            groups = re.split(r"[ \u00a0\u2009\u202f]+", s)
            for n in range(len(groups) - 1, 0, -1):
                head = " ".join(groups[:n])
                d = re.sub(r"\D", "", head)
                if s.startswith("+"):
                    d = d[2:] if d[2:].startswith("0") else "0" + d[2:]
                if 8 <= len(d) <= 10:
                    found.append(head)
                    break
    return found


PHONES = ["08-123 45 67", "070-123 45 67", "+46 8 123 45 67", "031-12 34 56", "08-50835768",
          "+46 (0)8-123 45 67", "0480-123 45", "0771-123 456", "020-123 456", "0701234567",
          "+46701234567", "08- 405 53 36", "08-405\u00a016\u00a074", "08-598 191 90", "070–123 45 67",
          "010-123 45 67", "+46 70-123 45 67"]
NOT_PHONES = ["2024-05-01", "den 08-05-2019", "KS 2024/0123", "Dnr KS 2019/0123-1.6", "SFS 2009:724",
              "SFS 2018:0123", "Fi2020/01234", "N2015/08032/PUB", "2020 -2023", "12 345 678 kronor",
              "0,5 procent", "kl. 09.00-12.00", "öppet 08-17", "prop. 2019/20:1", "SOU 2015:60",
              "212000-0142", "Box 123, 103 33 Stockholm", "år 2020–2023", "1 000 000 kr",
              "sha256 0353519080ab41f2", "id 05200512x"]


@pytest.mark.parametrize("number", PHONES)
def test_the_detector_finds_telephone_numbers(number):
    text = f"Kontakta handläggaren på tfn {number} eller via registrator."
    assert telephone_numbers(text) == [number.rstrip()], (number, telephone_numbers(text))


@pytest.mark.parametrize("text", NOT_PHONES)
def test_the_detector_leaves_identifiers_dates_and_numbers(text):
    assert telephone_numbers(f"Beslut {text} enligt förslaget.") == []


def test_the_detector_finds_e_mail_addresses():
    for address in ["n.registrator@regeringskansliet.se", "anna.svensson@kommun.se", "ud-nis@gov.se",
                    "kontakt(at)goteborg.se", "info [at] stockholm.se"]:
        assert EMAIL.search(f"Svar skickas till {address}."), address
    assert not EMAIL.search("Se www.regeringen.se och SFS 2009:724.")


def test_ingest_masks_every_form_the_detector_finds():
    """What the detector finds, ingest masks (normalise.mask_contact_data), offsets unchanged."""
    from styrgraf.ingest.normalise import mask_contact_data

    for number in PHONES:
        text = f"Kontakta oss på {number}, eller skriv till anna.svensson@kommun.se."
        masked = mask_contact_data(text)
        assert len(masked) == len(text) and not telephone_numbers(masked) and not EMAIL.search(masked), masked
    for text in NOT_PHONES:
        assert mask_contact_data(text) == text


@pytest.fixture(scope="module")
def full_store(tmp_path_factory):
    """The bundled corpus and the regeringen corpus (when present), through the CLI
    (without validation: the scan is about what is stored, and it is faster so)."""
    store = tmp_path_factory.mktemp("full") / "store"
    paths = [CORPUS] + ([REGERINGEN] if REGERINGEN.exists() else [])
    run_cli("ingest", *paths, "--store", store, "--no-validate", "--jobs", "2", timeout=900)
    return store


@pytest.mark.slow
def test_no_contact_data_in_any_literal(full_store):
    st = ox.Store.read_only(str(full_store))
    literals = phones = 0
    found: set[tuple[str, str]] = set()
    for q in st.quads_for_pattern(None, None, None):
        if isinstance(q.object, ox.Literal):
            literals += 1
            value = q.object.value
            found |= {(q.predicate.value, n) for n in telephone_numbers(value)}
            found |= {(q.predicate.value, m.group(0)) for m in EMAIL.finditer(value)}
            phones += value.count("*")
    assert literals > 1000
    assert not found, sorted(found)[:20]
    if REGERINGEN.exists():
        assert phones > 0        # the regeringen pages do hold contact data: it was masked


# ================================================================== (b) forget
# a chair who also made statements, an adjuster (whose first name is another member's surname),
# a substitute, and a signatory of another document
FORGET = ["Fredrik Lindstål", "Salar Rashid", "Stefan Hansson", "Lars Lööw"]
KEEP = ["Rashid Mohammed", "Andrea Ström", "Maria Mathiasson Laxvik"]
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
           "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


def mentions(text: str, names=FORGET) -> list[str]:
    """The names (or their IRI slugs) that occur in `text`, any case, any white space."""
    folded = " ".join(text.split()).casefold()
    return [n for n in names if n.casefold() in folded or f"/person/{slug(n)}" in folded
            or name_pattern([n]).search(text)]


def export(store, fmt: str, tmp_path) -> str:
    out = tmp_path / f"export.{fmt}"
    run_cli("export", "--store", store, "--format", fmt, "--out", out)
    return out.read_text(encoding="utf-8")


def literal_values(text: str, fmt: str) -> str:
    return "\n".join(q.object.value for q in ox.parse(text.encode(), format=FORMATS[fmt])
                     if isinstance(q.object, ox.Literal))


@pytest.fixture(scope="module")
def forgotten(tmp_path_factory):
    """The corpus, then `forget` of four persons: (store, the store before, forget's output)."""
    root = tmp_path_factory.mktemp("forget")
    store = root / "store"
    run_cli("ingest", CORPUS, "--store", store)
    before = root / "before"
    shutil.copytree(store, before)
    args = [a for n in FORGET for a in ("--person", n)]
    proc = run_cli("forget", *args, "--store", store)
    return store, before, proc.stdout


def test_the_names_were_there_before(forgotten, tmp_path):
    _, before, _ = forgotten
    assert mentions(export(before, "nq", tmp_path), FORGET + KEEP) == FORGET + KEEP


def test_forget_reports_without_the_name(forgotten):
    _, _, stdout = forgotten
    assert not mentions(stdout)
    assert stdout.count("forgotten person") == len(FORGET)
    assert "004_854bb6aaec4ae1ed.txt" in stdout and "001_fa2d4025ac84fede.txt" in stdout


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_name_is_in_no_export(forgotten, tmp_path, fmt):
    store, _, _ = forgotten
    text = export(store, fmt, tmp_path)
    assert not mentions(text), fmt
    assert not mentions(literal_values(text, fmt)), fmt          # also when a format escapes characters
    assert mentions(text, KEEP) == KEEP                           # the others are still there


def test_the_rest_is_intact_and_conforms(forgotten, tmp_path):
    store, before, _ = forgotten
    after_q = {q for q in ox.parse(export(store, "nq", tmp_path).encode(), format=ox.RdfFormat.N_QUADS)}
    before_q = {q for q in ox.parse(export(before, "nq", tmp_path).encode(), format=ox.RdfFormat.N_QUADS)}
    graphs = {q.graph_name.value for q in before_q}
    assert {q.graph_name.value for q in after_q} == graphs
    # only the documents that mention a person changed
    changed = {q.graph_name.value for q in before_q ^ after_q} - {CHANGES}
    assert changed == {BASE + "graph/004-854bb6aaec4ae1ed", BASE + "graph/001-fa2d4025ac84fede"}
    removed = before_q - after_q
    assert 20 < len(removed) < 200, len(removed)
    # evidence still quotes its span of the (masked) text
    st = ox.Store.read_only(str(store))
    rows = list(st.query(f"""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?quote ?start ?end ?text WHERE {{ GRAPH ?g {{
          ?ev <{SG}quote> ?quote ; <{SG}start> ?start ; <{SG}end> ?end ; prov:wasDerivedFrom ?d .
          ?d <{SG}normalisedText> ?text }} }}"""))
    assert len(rows) > 200
    for r in rows:
        assert r["text"].value[int(r["start"].value):int(r["end"].value)] == r["quote"].value
    del st
    assert "5 of 5 document graphs conform" in run_cli("validate", "--store", store).stdout


def test_the_store_keeps_no_record_of_the_names(forgotten):
    """What keeps the persons out of later ingests is a private list beside the store, of keyed
    hashes (tests/test_forget_private.py): the store itself holds no record of them."""
    store, _, _ = forgotten
    st = ox.Store.read_only(str(store))
    assert not list(st.query(f"SELECT ?r WHERE {{ GRAPH ?g {{ ?r a <{SG}ForgottenName> }} }}"))
    listed = (store / "private" / "forgotten").read_text()
    assert not mentions(listed)
    assert re.fullmatch(r"(hmac [0-9a-f]{64}\n){4}", listed)


def test_server_answers_hold_no_name(forgotten):
    store, _, _ = forgotten
    with running_server(store) as base:
        for fmt in ("nq", "trig", "ttl", "jsonld"):
            r = httpx.get(base + f"dumps/styrgraf.{fmt}", timeout=60)
            assert r.status_code == 200 and not mentions(r.text), fmt
        for doc in ("004-854bb6aaec4ae1ed", "001-fa2d4025ac84fede"):
            r = httpx.get(base + f"dumps/documents/{doc}.nq", timeout=60)
            assert r.status_code == 200 and not mentions(r.text), doc
        feed = httpx.get(base + "api/v1/queries/changes", timeout=30)
        assert feed.status_code == 200 and not mentions(feed.text)
        rows = [dict(zip(feed.json()["columns"], row)) for row in feed.json()["rows"]]
        # a record per forgotten person and changed document (the same second's merge)
        assert {r["source"] for r in rows if r["action"] == "forgotten"} == \
            {"001_fa2d4025ac84fede.txt", "004_854bb6aaec4ae1ed.txt"}
        for name in FORGET:
            q = (f'SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && '
                 f'CONTAINS(LCASE(STR(?o)), "{name.lower()}")) }}')
            r = httpx.post(base + "sparql", data={"query": q}, headers={"Accept": "application/sparql-results+json"},
                           timeout=60)
            assert r.status_code == 200 and r.json()["results"]["bindings"] == [], name
            r = httpx.get(base + "sparql", params={"query": f'ASK {{ ?p <http://xmlns.com/foaf/0.1/name> "{name}" }}'},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
            assert r.json()["boolean"] is False, name
        for path in ("api/v1/meetings", "api/v1/documents"):
            r = httpx.get(base + path, timeout=60)
            assert r.status_code == 200 and not mentions(r.text), path
        meeting = httpx.get(base + "api/v1/meetings", timeout=60).json()["items"]
        assert meeting, "the meeting itself is still there"
        page = httpx.get(base + "?" + urllib.parse.urlencode({"q": "Lindstål"}), timeout=60)
        assert not mentions(page.text)


def test_reingest_keeps_the_person_out(forgotten, tmp_path):
    store, _, _ = forgotten
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    proc = run_cli("ingest", CORPUS, "--store", copy)
    assert "5 unchanged" in proc.stdout                          # unchanged files are not re-read
    proc = run_cli("ingest", CORPUS, "--store", copy, "--force")
    assert "5 stored" in proc.stdout
    text = export(copy, "nq", tmp_path)
    assert not mentions(text)
    assert mentions(text, KEEP) == KEEP
    assert "5 of 5 document graphs conform" in run_cli("validate", "--store", copy).stdout


def test_forget_a_document_is_remove(forgotten, tmp_path):
    store, _, _ = forgotten
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    proc = run_cli("forget", "--document", "003_ca11e0320d7294d2.txt", "--store", copy)
    assert "removed   003_ca11e0320d7294d2.txt" in proc.stdout
    st = ox.Store.read_only(str(copy))
    assert ox.NamedNode(BASE + "graph/003-ca11e0320d7294d2") not in set(st.named_graphs())
    assert bool(st.query(f'ASK {{ GRAPH <{CHANGES}> {{ ?c <{SG}action> "removed" ; <{SG}sourceFile> '
                         f'"003_ca11e0320d7294d2.txt" }} }}'))             # the tombstone
    del st
    missing = run_cli("forget", "--document", "nope.txt", "--store", copy, check=False)
    assert missing.returncode == 1 and "not in the store" in missing.stdout
    none = run_cli("forget", "--store", copy, check=False)
    assert none.returncode == 2


def test_scrub_masks_the_name_in_any_case_and_spacing():
    doc = ox.NamedNode(BASE + "id/doc/x")
    person = ox.NamedNode(BASE + "id/person/anna-berg")
    att = ox.NamedNode(BASE + "id/meeting/m/2024-01-01/a1")
    ev = ox.NamedNode(BASE + "id/doc/x/ev/0-9")
    ev2 = ox.NamedNode(BASE + "id/doc/x/ev/10-24")
    text = "Anna Berg ANNA\u00a0BERG (S) ordförande; anna\nberg."
    T = lambda s, p, o: ox.Triple(s, ox.NamedNode(p), o)
    triples = [
        T(doc, SG + "normalisedText", ox.Literal(text)),
        T(doc, SG + "signatory", person),
        T(person, "http://xmlns.com/foaf/0.1/name", ox.Literal("Anna Berg")),
        T(att, SG + "attendee", person), T(att, SG + "evidence", ev2),
        T(ev, SG + "quote", ox.Literal("Anna Berg")), T(doc, SG + "evidence", ev),
        T(ev2, SG + "quote", ox.Literal(text[10:24])), T(ev2, SG + "start", ox.Literal("10")),
        T(ev2, SG + "end", ox.Literal("24")), T(ev2, "http://www.w3.org/ns/prov#wasDerivedFrom", doc),
        T(doc, "http://purl.org/dc/terms/title", ox.Literal("Yttrande av Anna Berg", language="sv")),
    ]
    s = scrub(triples, [" anna  BERG "])
    out = "\n".join(str(t) for t in s.triples)
    assert "anna" not in out.lower().replace("id/person/anna-berg", "") and "anna-berg" not in out
    kept_text = next(t.object.value for t in s.triples if t.predicate.value == SG + "normalisedText")
    assert len(kept_text) == len(text) and kept_text.endswith("ordförande; ****\n****.")
    title = next(t.object for t in s.triples if t.predicate.value.endswith("title"))
    assert title.language == "sv" and title.value == "Yttrande av **** ****"
    assert not any(t.subject in (person, att, ev, ev2) for t in s.triples)


@pytest.mark.skipif(find_oxigraph() is None, reason="the `oxigraph` server binary is not installed")
def test_forget_on_a_sparql_server(tmp_path, monkeypatch):
    from styrgraf.ingest import batch
    from styrgraf.remote import RemoteStore

    monkeypatch.setenv("STYRGRAF_FORGET_DIR", str(tmp_path / "private"))     # not the home directory
    with oxigraph_server(tmp_path / "oxigraph") as srv:
        remote = RemoteStore(srv.query, srv.update)
        batch.ingest(remote, [CORPUS], BASE, validate=False)
        result = forget_person(remote, "Fredrik Lindstål", BASE, batch.utc_now())
        assert result.documents == ["004_854bb6aaec4ae1ed.txt"] and result.removed > 5
        buf = io.BytesIO()
        remote.dump(buf, "nq")
        assert not mentions(buf.getvalue().decode(), ["Fredrik Lindstål"])
        assert mentions(buf.getvalue().decode(), KEEP) == KEEP
