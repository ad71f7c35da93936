"""Namespaces, prefixes and kind words shared by ingest, store and API (the IRIs of documents,
graphs and instances are spelled by styrgraf.iris)."""
from __future__ import annotations

import re
import unicodedata

# Every identifier styrgraf mints lives under this one namespace, the same on every installation
# and never derived from the address a server answers on: the ontology ({NAMESPACE}ns#), the
# concept schemes ({NAMESPACE}kind/…), entities and documents ({NAMESPACE}id/…) and the named
# graphs ({NAMESPACE}graph/…). A server dereferences them under its own address by their path
# (api/links.py); styrgraf.iris spells them. A store made with another base is rewritten by
# `styrgraf migrate`.
NAMESPACE = "https://w3id.org/styrgraf/"
SG = NAMESPACE + "ns#"
SGK = NAMESPACE + "kind/"
ONTOLOGY_IRI = NAMESPACE + "ns"
VOCAB_GRAPH = ONTOLOGY_IRI            # graph holding ontology + concept schemes in the store

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# terms ontology 0.3 renamed: old IRI -> new (the old ones stay in the ontology, deprecated;
# styrgraf.migrate rewrites a store that uses them)
RENAMED_TERMS = {f"{SG}{old}": f"{SG}{new}" for old, new in (
    ("Statement", "MinutesStatement"), ("by", "madeBy"), ("text", "normalisedText"), ("subject", "consultedOn"))}
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
ELI = "http://data.europa.eu/eli/ontology#"
RPUBL = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
ADMS = "http://www.w3.org/ns/adms#"
CITO = "http://purl.org/spar/cito/"
SFS_BASE = "http://rinfo.lagrummet.se/publ/sfs/"

PREFIXES = {
    "sg": SG, "sgk": SGK, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "org": ORG,
    "prov": PROV, "dct": DCT, "foaf": FOAF, "eli": ELI, "rpubl": RPUBL, "adms": ADMS, "cito": CITO,
}


def sparql_prefixes(names=None) -> str:
    """SPARQL PREFIX declarations, one a line, of the prefixes `names` (all of PREFIXES if None)
    in PREFIXES' order: the one place the queries (queries/*.rq and the ones in code) get them."""
    wanted = PREFIXES.keys() if names is None else set(names)
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p in wanted)

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o"})


def slug(text: str) -> str:
    """A stable ASCII slug: 'Arbetsmarknadsnämnden' -> 'arbetsmarknadsnamnden'."""
    s = text.translate(_FOLD).lower()
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def kind_iri(scheme: str, word: str) -> str:
    """The SKOS concept for a kind word: kind_iri('body', 'nämnd')."""
    return f"{SGK}{scheme}/{slug(word)}"
