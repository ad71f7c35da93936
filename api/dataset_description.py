"""What the dataset is, for a harvester: VoID for linked-data tools, DCAT-AP 3 for data portals.

One Turtle document at ``/.well-known/void``: a ``dcat:Catalog`` holding one ``dcat:Dataset``
(also a ``void:Dataset``) with its publisher, contact point, licence, update frequency,
language, theme and distributions (the dumps, and the SPARQL endpoint through its
``dcat:DataService``). Everything that is served (the endpoint, the dumps, this description)
is named on the address the request came to; what the dataset holds stays in styrgraf's
namespace (``void:uriSpace``). Every object DCAT-AP constrains by class is typed here
(``dct:LicenseDocument``, ``dct:Frequency``, ``dct:MediaType`` …), so the description validates
against the DCAT-AP 3 shapes on its own (tests/test_dataset_description.py).
"""
from __future__ import annotations

from pyoxigraph import Literal

from styrgraf.vocab import ONTOLOGY_IRI

# the EU's authority tables (publications.europa.eu), which DCAT-AP names for these properties
EU = "http://publications.europa.eu/resource/authority/"
FREQUENCY = EU + "frequency/IRREG"      # the graph changes whenever documents are ingested or removed
LANGUAGE = EU + "language/SWE"
THEME = EU + "data-theme/GOVE"          # Government and public sector
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"


def _text(value: str, lang: str | None = None) -> str:
    return str(Literal(value, language=lang) if lang else Literal(value))


def describe_dataset(served: str, *, dumps: dict[str, str], uri_space: str, triples: int, documents: int,
                     publisher: str, license: str, contact_email: str | None) -> str:
    """The description as Turtle. `served`: the server's address with a trailing slash; `dumps`:
    file suffix -> media type of each dump."""
    ds, cat, svc = f"<{served}.well-known/void#dataset>", f"<{served}.well-known/void#catalog>", f"<{served}sparql>"
    agent, contact = f"<{served}.well-known/void#publisher>", f"<{served}.well-known/void#contact>"
    dump_iris = [f"<{served}dumps/styrgraf.{f}>" for f in dumps]
    endpoint_dist = f"<{served}.well-known/void#sparql-distribution>"
    email = f" ;\n    vcard:hasEmail <mailto:{contact_email}>" if contact_email else ""
    distributions = "".join(
        f"{iri} a dcat:Distribution ;\n    dct:title {_text('styrgraf som ' + f.upper(), 'sv')}, "
        f"{_text('styrgraf as ' + f.upper(), 'en')} ;\n"
        f"    dcat:accessURL {iri} ;\n    dcat:downloadURL {iri} ;\n"
        f"    dcat:mediaType <https://www.iana.org/assignments/media-types/{media}> ;\n"
        f"    dct:license <{license}> .\n"
        f"<https://www.iana.org/assignments/media-types/{media}> a dct:MediaType .\n"
        for iri, (f, media) in zip(dump_iris, dumps.items()))
    return f"""@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

{cat} a dcat:Catalog ;
    dct:title "styrgraf"@sv, "styrgraf"@en ;
    dct:description "Katalog över kunskapsgrafen styrgraf och tjänsterna som ger tillgång till den."@sv,
        "Catalogue of the styrgraf knowledge graph and the services that give access to it."@en ;
    dct:publisher {agent} ;
    dct:language <{LANGUAGE}> ;
    foaf:homepage <{served}> ;
    dcat:dataset {ds} ;
    dcat:service {svc} .

{ds} a void:Dataset, dcat:Dataset ;
    dct:title "styrgraf"@sv, "styrgraf"@en ;
    dct:description "Kunskapsgraf över styrning i svensk offentlig sektor, läst ur styrdokument, protokoll, uppdrag och remisser: organ, styrdokument, mål, ansvar, uppdrag, remisser, sammanträden och beslut, varje faktum med sitt ordagranna belägg."@sv,
        "A knowledge graph of Swedish public-sector governance, read from policies, minutes, assignments and consultations: bodies, policies, goals, responsibilities, assignments, consultations, meetings and decisions, each fact with its verbatim evidence."@en ;
    dcat:keyword "styrning"@sv, "styrdokument"@sv, "regeringsuppdrag"@sv, "remiss"@sv, "protokoll"@sv,
        "governance"@en, "public sector"@en ;
    dct:publisher {agent} ;
    dcat:contactPoint {contact} ;
    dct:accrualPeriodicity <{FREQUENCY}> ;
    dct:language <{LANGUAGE}> ;
    dcat:theme <{THEME}> ;
    dct:conformsTo <{ONTOLOGY_IRI}> ;
    dcat:landingPage <{served}> ;
    void:sparqlEndpoint {svc} ;
{"".join(f"    void:dataDump {iri} ;{chr(10)}" for iri in dump_iris)}    void:vocabulary <{ONTOLOGY_IRI}#>, <http://www.w3.org/ns/org#>, <http://www.w3.org/ns/prov#>,
        <http://purl.org/dc/terms/>, <http://www.w3.org/2004/02/skos/core#>, <http://data.europa.eu/eli/ontology#>,
        <http://www.w3.org/ns/oa#> ;
    void:uriSpace {_text(uri_space)} ;
    void:triples "{triples}"^^xsd:integer ;
    void:documents "{documents}"^^xsd:integer ;
    dcat:distribution {", ".join(dump_iris + [endpoint_dist])} .

{svc} a dcat:DataService ;
    dct:title "styrgrafs SPARQL-ändpunkt"@sv, "styrgraf's SPARQL endpoint"@en ;
    dcat:endpointURL {svc} ;
    dcat:endpointDescription {svc} ;
    dct:conformsTo <{SPARQL_PROTOCOL}> ;
    dct:publisher {agent} ;
    dcat:contactPoint {contact} ;
    dct:license <{license}> ;
    dcat:servesDataset {ds} .

{endpoint_dist} a dcat:Distribution ;
    dct:title "styrgraf genom SPARQL 1.1"@sv, "styrgraf through SPARQL 1.1"@en ;
    dcat:accessURL {svc} ;
    dcat:accessService {svc} ;
    dct:license <{license}> .

{distributions}
{agent} a foaf:Agent ;
    foaf:name {_text(publisher)} .

{contact} a vcard:Kind, vcard:Organization ;
    vcard:fn {_text(publisher)} ;
    vcard:hasURL <{served}>{email} .

<{served}> a foaf:Document .
<{license}> a dct:LicenseDocument .
<{FREQUENCY}> a dct:Frequency ;
    skos:prefLabel "oregelbundet"@sv, "irregular"@en .
<{LANGUAGE}> a dct:LinguisticSystem .
<{THEME}> a skos:Concept ;
    skos:prefLabel "Regeringen och den offentliga sektorn"@sv, "Government and public sector"@en .
<{ONTOLOGY_IRI}> a dct:Standard .
<{SPARQL_PROTOCOL}> a dct:Standard .
"""
