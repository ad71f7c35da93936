"""Generate styrgraf stores of growing size (about 100 k, 1 M, 10 M and 50 M triples) from real data.

    .venv/bin/python bench/scale_gen.py [--out data/scale] [--scales 100k,1m,10m] [--seed 1]
    .venv/bin/python bench/scale_gen.py --scales 50m      # 17 GB of N-Quads and a 16 GB store

How the data is made
--------------------
1. **Base.** The bundled corpus (`examples/corpus`) and the government corpus
   (`../shared/corpus-regeringen`, ~980 pages) are ingested with the real pipeline
   (`styrgraf ingest DIR --store OUT/base --no-validate`), once; the base store is
   reused while it exists. It holds ~155 k quads in ~990 document graphs, the
   vocabulary graph and the change-feed graph.
2. **Copies.** A store of N triples is the vocabulary graph plus document graphs
   taken in a fixed order: copy 0 is the base documents unchanged (the bundled
   corpus first, then the others in a seeded shuffle); copy c ≥ 1 repeats every
   base document with these variations, until N quads are reached (the last copy is
   partial):
   * **IRIs.** The document graph `{base}graph/{id}` becomes `{base}graph/{id}-x{c}`.
     Instance IRIs `{base}id/{type}/{first}/{rest}` (documents, evidence, policies,
     goals, responsibilities, assignments, consultations, meetings, diarienummer,
     change records) get the suffix on their first segment:
     `{base}id/{type}/{first}-x{c}/{rest}`, so a document's evidence stays under it.
   * **Bodies and persons are partly shared.** Whether a body keeps its IRI in copy c
     is decided per (seed, c, body) by a hash: government, ministries and agencies
     (myndigheter, which recur across many documents in reality) are shared with
     probability 0.8, other bodies (municipal bodies, companies, …) with 0.3, persons
     with 0.3. A body that is not shared becomes `{iri}-x{c}` and its names
     (`skos:prefLabel`, `skos:altLabel`) get a place name appended ("Skolnämnden,
     Västerås"); a person who is not shared gets another first name. Shared bodies
     repeat their description in every document graph that mentions them, as the
     ingest pipeline writes it: this is what makes the union default graph hold the
     same triple many times.
   * **Dates** (`xsd:date`, `xsd:gYear`, `xsd:dateTime`, and four-digit years inside
     titles and diarienummer) move back by `c mod 9` years and `(7 c) mod 29` days.
   * **Numbers.** Counts (`sg:invitedCount`, `sg:participantCount`) vary by a few;
     text offsets (`sg:start`, `sg:end`) and quotes stay, so evidence still points at
     the right words of the copied `sg:normalisedText`. `sg:sha256` is a new hash, the source
     file name gets the suffix too.
   * Laws (SFS IRIs), parties and the kind concepts are shared by all copies.
   Every copy's change-feed record (`{base}graph/_changes`) is written as well.
3. **Output.** `OUT/{scale}.nq` (N-Quads) and the store `OUT/{scale}/`, written with
   `pyoxigraph.Store.bulk_load` (and the default graph, the merge of the named graphs, with
   `Store.bulk_extend`; then `optimize`) in a child process whose wall time and peak resident
   memory are recorded in `OUT/{scale}.json`. A store that exists with the same
   parameters is kept (`--force` rebuilds).

The same seed and the same base store give byte-identical N-Quads. The copies follow the ontology
and the shapes as the base documents do (labels, dates and identifiers keep their
datatypes and patterns); `bench/scale_bench.py` validates a sample of them with SHACL.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCALES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000, "50m": 50_000_000}
BASE_IRI = "https://w3id.org/styrgraf/"       # styrgraf.vocab.NAMESPACE: the generator runs without styrgraf
ID = BASE_IRI + "id/"
GRAPH = BASE_IRI + "graph/"
CHANGES = GRAPH + "_changes"
SG = "https://w3id.org/styrgraf/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
DCT_TITLE = "http://purl.org/dc/terms/title"
SHARED_KINDS = {SG + "Government", SG + "Ministry", SG + "Agency"}
SHARE_AGENCY, SHARE_OTHER, SHARE_PERSON = 0.8, 0.3, 0.3
PLACES = ("Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping", "Norrköping", "Lund", "Umeå",
          "Gävle", "Borås", "Södertälje", "Eskilstuna", "Halmstad", "Växjö", "Karlstad", "Sundsvall",
          "Östersund", "Trollhättan", "Luleå", "Kalmar", "Kristianstad", "Falun", "Skövde", "Visby",
          "Nyköping", "Karlskrona", "Varberg", "Uddevalla", "Motala", "Piteå", "Kiruna", "Ystad")
FIRST_NAMES = ("Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per",
               "Lena", "Mikael", "Emma", "Olof", "Ingrid", "Henrik", "Sofia", "Nils", "Elin", "Gustav")
_LIT_RE = re.compile(r'^"(?P<v>(?:[^"\\]|\\.)*)"(?:\^\^<(?P<dt>[^>]*)>|@(?P<lang>[A-Za-z0-9-]+))?$')
_YEAR_RE = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])")


def h(*parts: object) -> float:
    """A stable number in [0, 1) from the parts (the seeded decisions)."""
    d = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(d, "big") / 2**64


# ------------------------------------------------------------------ base
def ensure_base(out: Path) -> Path:
    base = out / "base"
    if (base / "ok").exists():
        return base
    shutil.rmtree(base, ignore_errors=True)
    cli = ROOT / ".venv" / "bin" / "styrgraf"
    cmd = [str(cli), "ingest", str(ROOT / "examples" / "corpus"), str(SHARED / "corpus-regeringen"),
           "--store", str(base), "--no-validate"]
    print("ingesting the base corpus:", " ".join(cmd), flush=True)
    t = time.time()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    (base / "ok").write_text(f"{time.time() - t:.1f}\n")
    return base


def read_base(base: Path):
    """(vocabulary lines, {doc graph: [(s, p, o)]}, {doc graph: [(s, p, o)] change record}, order)."""
    import pyoxigraph as ox
    st = ox.Store.read_only(str(base))
    vocab: list[str] = []
    docs: dict[str, list[tuple[str, str, str]]] = {}
    changes_by_subject: dict[str, list[tuple[str, str, str]]] = {}
    for q in st.quads_for_pattern(None, None, None, None):
        if isinstance(q.graph_name, ox.DefaultGraph):
            continue        # the merge of the named graphs (styrgraf keeps it): made again by load_child
        g = q.graph_name.value
        s, p, o = str(q.subject), str(q.predicate), str(q.object)
        if g == CHANGES:
            changes_by_subject.setdefault(s, []).append((s, p, o))
        elif g.startswith(GRAPH):
            docs.setdefault(g, []).append((s, p, o))
        else:
            vocab.append(f"{s} {p} {o} <{g}> .\n")
    doc_graph = {}
    for g, triples in docs.items():
        for s, p, o in triples:
            if p == f"<{RDF_TYPE}>" and o == f"<{SG}Document>":
                doc_graph[s] = g
    changes: dict[str, list[tuple[str, str, str]]] = {}
    for s, triples in changes_by_subject.items():
        doc = next((o for _, p, o in triples if p == f"<{SG}changedDocument>"), None)
        if doc in doc_graph:
            # the newest record of a document only (a store ingested twice holds several)
            at = max(o for _, p, o in triples if p.endswith("atTime>")) if triples else ""
            old = changes.get(doc_graph[doc])
            if old is None or max(o for _, p, o in old if p.endswith("atTime>")) < at:
                changes[doc_graph[doc]] = triples
    bundled = sorted(g for g in docs if any(t[1] == f"<{SG}sourceFile>" and re.match(r'"\d{3}_[0-9a-f]{16}', t[2])
                                            for t in docs[g]))
    rest = sorted(set(docs) - set(bundled))
    for t in docs.values():
        t.sort()
    return vocab, docs, changes, bundled, rest


# ------------------------------------------------------------------ variation of one copy
class Copy:
    def __init__(self, c: int, seed: int, body_kinds: dict[str, set[str]]):
        self.c, self.seed, self.body_kinds = c, seed, body_kinds
        self.suffix = f"-x{c}"
        self.years = c % 9
        self.days = (7 * c) % 29
        self.iri_cache: dict[str, str] = {}
        self.renamed: set[str] = set()          # bodies and persons with a new IRI in this copy

    def shared(self, iri: str, kind: str) -> bool:
        if kind == "org":
            p = SHARE_AGENCY if self.body_kinds.get(iri, set()) & SHARED_KINDS else SHARE_OTHER
        else:
            p = SHARE_PERSON
        return h(self.seed, self.c, iri) < p

    def iri(self, term: str) -> str:
        """`<iri>` of the copy."""
        out = self.iri_cache.get(term)
        if out is not None:
            return out
        v = term[1:-1]
        out = term
        if v.startswith(ID):
            rest = v[len(ID):]
            kind, _, tail = rest.partition("/")
            if kind in ("org", "person"):
                if not self.shared(v, kind):
                    out = f"<{v}{self.suffix}>"
                    self.renamed.add(term)
            elif kind != "party" and tail:
                first, sep, more = tail.partition("/")
                out = f"<{ID}{kind}/{first}{self.suffix}{sep}{more}>"
        elif v.startswith(GRAPH):
            out = f"<{v}{self.suffix}>"
        self.iri_cache[term] = out
        return out

    def shift_date(self, d: date) -> date:
        try:
            d = d.replace(year=d.year - self.years)
        except ValueError:          # 29 February
            d = d.replace(year=d.year - self.years, day=28)
        return d - timedelta(days=self.days)

    def shift_years(self, text: str) -> str:
        return _YEAR_RE.sub(lambda m: str(int(m.group(1)) - self.years), text)

    def literal(self, s: str, p: str, o: str) -> str:
        m = _LIT_RE.match(o)
        if not m:
            return o
        v, dt, lang = m["v"], m["dt"], m["lang"]
        if dt == XSD + "date":
            try:
                return f'"{self.shift_date(date.fromisoformat(v)).isoformat()}"^^<{dt}>'
            except ValueError:
                return o
        if dt == XSD + "gYear" and re.fullmatch(r"\d{4}", v):
            return f'"{int(v) - self.years:04d}"^^<{dt}>'
        if dt == XSD + "dateTime":
            try:
                t = datetime.fromisoformat(v.replace("Z", "+00:00"))
                t = t.replace(year=t.year - self.years) - timedelta(days=self.days)
                return f'"{t.isoformat().replace("+00:00", "Z")}"^^<{dt}>'
            except ValueError:
                return o
        if p in (f"<{SG}invitedCount>", f"<{SG}participantCount>") and v.isdigit():
            n = max(0, int(v) + int(h(self.seed, self.c, s, p) * 7) - 3)
            return f'"{n}"^^<{dt}>'
        if p == f"<{SG}sha256>":
            return '"' + hashlib.sha256(f"{v}{self.suffix}".encode()).hexdigest() + '"'
        if p == f"<{SG}sourceFile>":
            stem, dot, ext = v.rpartition(".")
            return f'"{stem}{self.suffix}.{ext}"' if dot else f'"{v}{self.suffix}"'
        if s in self.renamed:
            if p in (f"<{SKOS}prefLabel>", f"<{SKOS}altLabel>"):
                place = PLACES[int(h(self.seed, self.c, s, "place") * len(PLACES))]
                new = f"{v}, {place}"
                return f'"{new}"@{lang}' if lang else (f'"{new}"^^<{dt}>' if dt else f'"{new}"')
            if p == f"<{FOAF_NAME}>":
                first = FIRST_NAMES[int(h(self.seed, self.c, s, "name") * len(FIRST_NAMES))]
                parts = v.split(" ", 1)
                new = f"{first} {parts[1]}" if len(parts) == 2 else f"{first} {v}"
                return f'"{new}"@{lang}' if lang else (f'"{new}"^^<{dt}>' if dt else f'"{new}"')
        if p in (f"<{DCT_TITLE}>", f"<{SKOS}notation>"):
            new = self.shift_years(v)
            if new != v:
                return f'"{new}"@{lang}' if lang else (f'"{new}"^^<{dt}>' if dt else f'"{new}"')
        return o

    def term(self, s: str, p: str, o: str) -> str:
        if o.startswith("<"):
            return self.iri(o)
        if o.startswith('"'):
            return self.literal(s, p, o)
        return o

    def graph_lines(self, g: str, triples, change) -> list[str]:
        if self.c == 0:
            lines = [f"{s} {p} {o} <{g}> .\n" for s, p, o in triples]
            lines += [f"{s} {p} {o} <{CHANGES}> .\n" for s, p, o in change]
            return lines
        ng = self.iri(f"<{g}>")
        lines = []
        for s, p, o in triples:
            s2 = self.iri(s) if s.startswith("<") else s
            lines.append(f"{s2} {p} {self.term(s, p, o)} {ng} .\n")
        for s, p, o in change:
            s2 = self.iri(s)
            lines.append(f"{s2} {p} {self.term(s, p, o)} <{CHANGES}> .\n")
        return lines


def body_kinds(docs) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for triples in docs.values():
        for s, p, o in triples:
            if p == f"<{RDF_TYPE}>" and s.startswith(f"<{ID}org/"):
                kinds.setdefault(s[1:-1], set()).add(o[1:-1])
    return kinds


def generate(out_nq: Path, target: int, seed: int, vocab, docs, changes, bundled, rest) -> dict:
    rng = random.Random(seed)
    order = bundled + rng.sample(rest, len(rest))
    kinds = body_kinds(docs)
    n = 0
    graphs = 0
    copies = 0
    tmp = out_nq.with_suffix(".nq.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines(vocab)
        n += len(vocab)
        c = 0
        while n < target:
            cp = Copy(c, seed, kinds)
            copies = c + 1
            for g in order:
                if n >= target:
                    break
                lines = cp.graph_lines(g, docs[g], changes.get(g, []))
                f.writelines(lines)
                n += len(lines)
                graphs += 1
            c += 1
    os.replace(tmp, out_nq)
    return {"quads": n, "document_graphs": graphs, "copies": copies}


# ------------------------------------------------------------------ loading
def add_default_graph(st) -> None:
    """The default graph as styrgraf keeps it: the merge of the named graphs (styrgraf.merge), written
    with the bulk loader. (One SPARQL `INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }` holds
    the whole merge in one transaction: at 50 M quads it was past 15.8 GB resident and still
    growing by 1.2 GB a minute when it was stopped; at 10 M it peaked at 1.9 GB.)"""
    import pyoxigraph as ox
    default = ox.DefaultGraph()
    st.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, default)
                   for q in st.quads_for_pattern(None, None, None, None)
                   if not isinstance(q.graph_name, ox.DefaultGraph))


def load_child(nq: str, store: str) -> None:
    import pyoxigraph as ox
    t = time.time()
    st = ox.Store(store)
    st.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    t_bulk = time.time()
    add_default_graph(st)
    st.flush()
    t_default = time.time()
    st.optimize()
    n = len(st)
    del st
    # the layout styrgraf writes (its namespace, the merged default graph, ontology 0.3's terms), marked as
    # `styrgraf ingest` marks a store it creates; without the mark every start of `serve` asks the data
    # (styrgraf.migrate.outdated_by_data: 27-45 s at 50 M quads)
    sys.path.insert(0, str(ROOT))
    from styrgraf.store import FORMAT, FORMAT_FILE
    (Path(store) / FORMAT_FILE).write_text(FORMAT, encoding="ascii")
    print(json.dumps({"load_seconds": round(time.time() - t, 2), "quads_loaded": n,
                      "bulk_load_seconds": round(t_bulk - t, 2), "default_graph_seconds": round(t_default - t_bulk, 2)}))


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build(out: Path, name: str, target: int, seed: int, force: bool, base_data=None) -> dict:
    meta_path = out / f"{name}.json"
    store = out / name
    params = {"scale": name, "target": target, "seed": seed, "base_iri": BASE_IRI}
    if not force and meta_path.exists() and store.exists():
        meta = json.loads(meta_path.read_text())
        if all(meta.get(k) == v for k, v in params.items()):
            print(f"{name}: kept ({meta['quads']} quads)", flush=True)
            return meta
    if base_data is None:
        base_data = read_base(ensure_base(out))
    nq = out / f"{name}.nq"
    t = time.time()
    info = generate(nq, target, seed, *base_data)
    gen_s = time.time() - t
    print(f"{name}: generated {info['quads']} quads in {info['document_graphs']} document graphs "
          f"({info['copies']} copies) in {gen_s:.1f} s", flush=True)
    shutil.rmtree(store, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([sys.executable, __file__, "--load-child", str(nq), str(store)],
                          capture_output=True, text=True, check=True)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    meta = {**params, **info, "generate_seconds": round(gen_s, 1), **loaded,
            "load_peak_rss_mb": round(peak_kb / 1024, 1) if peak_kb > before else None,
            "nq_bytes": nq.stat().st_size, "store_bytes": du(store)}
    meta_path.write_text(json.dumps(meta, indent=2))
    print(f"{name}: loaded in {loaded['load_seconds']} s, peak RSS {meta['load_peak_rss_mb']} MB, "
          f"store {meta['store_bytes'] / 1e6:.0f} MB", flush=True)
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "scale"))
    ap.add_argument("--scales", default="100k,1m,10m", help="comma-separated: 100k, 1m, 10m, 50m or a number")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="rebuild stores that exist")
    ap.add_argument("--load-child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.load_child:
        load_child(*a.load_child)
        return 0
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    base_data = None
    for name in a.scales.split(","):
        name = name.strip().lower()
        target = SCALES.get(name) or int(name)
        meta_path = out / f"{name}.json"
        if base_data is None and (a.force or not meta_path.exists() or not (out / name).exists()):
            base_data = read_base(ensure_base(out))
        build(out, name, target, a.seed, a.force, base_data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
