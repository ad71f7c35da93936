"""The SHACL shapes (shapes/styrgraf-shapes.ttl).

For each main shape: a small conforming example and a broken one that is
rejected on the expected path. Validated with pyshacl (inference="none", the
vocabulary, ontology + kinds, as ont_graph); tests/test_shacl_differential.py
runs the same examples through the compiled validator that ingest uses.
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from styrgraf import constraints
from styrgraf.vocab import SG as SG_IRI, SGK as SGK_IRI

ROOT = Path(__file__).resolve().parent.parent
SG = Namespace(SG_IRI)

PREFIXES = """
@prefix sg:   <https://w3id.org/styrgraf/ns#> .
@prefix bk:   <https://w3id.org/styrgraf/kind/body/> .
@prefix dk:   <https://w3id.org/styrgraf/kind/document/> .
@prefix pk:   <https://w3id.org/styrgraf/kind/policy/> .
@prefix ak:   <https://w3id.org/styrgraf/kind/assignment/> .
@prefix ck:   <https://w3id.org/styrgraf/kind/consultation/> .
@prefix rk:   <https://w3id.org/styrgraf/kind/role/> .
@prefix ex:   <https://w3id.org/styrgraf/id/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix eli:  <http://data.europa.eu/eli/ontology#> .
@prefix rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#> .
"""

# A valid little world that the examples lean on: one document, one piece of
# evidence, a committee, a person with a party, a policy.
BASE = """
ex:doc a sg:Document ; sg:kind dk:protokoll ; dct:title "Protokoll AMN 2024-03-01" ;
    dct:date "2024-03-01"^^xsd:date ; sg:sourceFile "000_c3f731b4bab44c47.txt" ;
    sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ;
    sg:mediaType "text/plain" ; sg:extractorVersion "0.1.0" ;
    prov:generatedAtTime "2026-11-23T10:00:00Z"^^xsd:dateTime ;
    sg:normalisedText "Arbetsmarknadsnämnden utvecklar insatser. Dnr KS 2024/1035, 2018/000070." .
ex:ev a sg:Evidence ; sg:quote "Arbetsmarknadsnämnden" ; sg:start 0 ; sg:end 21 ;
    prov:wasDerivedFrom ex:doc .
ex:amn a sg:Body , sg:Committee ; skos:prefLabel "Arbetsmarknadsnämnden"@sv ; sg:kind bk:namnd ;
    sg:evidence ex:ev .
ex:anna a sg:Person ; foaf:name "Anna Andersson" ; sg:party ex:s .
ex:s a sg:Party ; skos:notation "S" ; skos:prefLabel "Socialdemokraterna"@sv .
ex:strategi a sg:Policy ; dct:title "Strategi för arbetsmarknad" ; sg:kind pk:strategi ; sg:evidence ex:ev .
"""


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The shapes as styrgraf validates with them: the file, its kind lists filled in."""
    return constraints.shapes_graph()


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(ROOT / "ontology" / "styrgraf.ttl").parse(ROOT / "ontology" / "kinds.ttl")


@pytest.fixture(scope="module")
def validate(shapes, vocab):
    def run(ttl: str, base: bool = True, ont: bool = True):
        data = Graph().parse(data=PREFIXES + (BASE if base else "") + ttl, format="turtle")
        conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=vocab if ont else None,
                                                  inference="none", advanced=False)
        results = [(report.value(r, SH.focusNode), report.value(r, SH.resultPath))
                   for r in report.subjects(RDF.type, SH.ValidationResult)]
        return conforms, results, text
    return run


EX = Namespace("https://w3id.org/styrgraf/id/")
P = {
    "sg": SG, "skos": Namespace(str(SKOS)), "dct": Namespace("http://purl.org/dc/terms/"),
    "org": Namespace("http://www.w3.org/ns/org#"), "prov": Namespace("http://www.w3.org/ns/prov#"),
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"), "eli": Namespace("http://data.europa.eu/eli/ontology#"),
}


def path(curie: str | None) -> URIRef | None:
    if curie is None:
        return None
    prefix, local = curie.split(":")
    return P[prefix][local]


def test_base_world_conforms(validate):
    conforms, results, text = validate("")
    assert conforms, text


# (name, good example, bad example, focus node of the violation, violated path)
CASES = [
    ("body",
     'ex:ks a sg:Body , sg:ExecutiveBoard ; skos:prefLabel "Kommunstyrelsen"@sv ; skos:altLabel "KS"@sv ;'
     ' sg:kind bk:styrelse ; sg:evidence ex:ev . ex:amf a sg:Administration ;'
     ' skos:prefLabel "Arbetsmarknadsförvaltningen"@sv ; sg:kind bk:forvaltning ;'
     ' org:subOrganizationOf ex:ks ; sg:preparesMattersFor ex:amn ; sg:evidence ex:ev .',
     'ex:ks a sg:Body ; skos:prefLabel "Kommunstyrelsen"@sv ; sg:kind dk:protokoll ; sg:evidence ex:ev .',
     "ks", "sg:kind"),
    ("body-label-language",
     'ex:ks a sg:Body ; skos:prefLabel "Kommunstyrelsen"@sv ; sg:kind bk:styrelse ; sg:evidence ex:ev .',
     'ex:ks a sg:Body ; skos:prefLabel "Municipal executive board"@en ; sg:kind bk:styrelse ; sg:evidence ex:ev .',
     "ks", "skos:prefLabel"),
    ("body-evidence",
     'ex:ks a sg:Body ; skos:prefLabel "Kommunstyrelsen"@sv ; sg:kind bk:styrelse ; sg:evidence ex:ev .',
     'ex:ks a sg:Body ; skos:prefLabel "Kommunstyrelsen"@sv ; sg:kind bk:styrelse .',
     "ks", "sg:evidence"),
    ("body-class-matches-kind",
     'ex:af a sg:Agency ; skos:prefLabel "Arbetsförmedlingen"@sv ; sg:kind bk:myndighet ; sg:evidence ex:ev .',
     'ex:af a sg:Agency ; skos:prefLabel "Arbetsförmedlingen"@sv ; sg:kind bk:namnd ; sg:evidence ex:ev .',
     "af", "sg:kind"),
    ("body-parent-is-body",
     'ex:enh a sg:Unit ; skos:prefLabel "Enheten för vuxenutbildning"@sv ; sg:kind bk:enhet ;'
     ' org:subOrganizationOf ex:amn ; sg:evidence ex:ev .',
     'ex:enh a sg:Unit ; skos:prefLabel "Enheten för vuxenutbildning"@sv ; sg:kind bk:enhet ;'
     ' org:subOrganizationOf ex:strategi ; sg:evidence ex:ev .',
     "enh", "org:subOrganizationOf"),
    ("document",
     'ex:doc2 a sg:Document ; sg:kind dk:okand ; sg:sourceFile "x.pdf" ; sg:mediaType "application/pdf" ;'
     ' sg:sha256 "C3F731B4BAB44C47C3F731B4BAB44C47C3F731B4BAB44C47C3F731B4BAB44C47" ; sg:normalisedText "" ;'
     ' dct:creator ex:amn ; sg:addressee ex:amn ; sg:signatory ex:anna ; sg:reportsOn ex:assignment-1 ;'
     ' eli:cites <http://rinfo.lagrummet.se/publ/sfs/2009:724> .'
     ' <http://rinfo.lagrummet.se/publ/sfs/2009:724> a sg:Law ; eli:id_local "2009:724" .',
     'ex:doc2 a sg:Document ; sg:kind dk:okand ; sg:sourceFile "x.pdf" ; sg:sha256 "c3f731b4" ; sg:normalisedText "" .',
     "doc2", "sg:sha256"),
    ("document-required",
     'ex:doc2 a sg:Document ; sg:kind dk:remissvar ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ; sg:normalisedText "Svar." .',
     'ex:doc2 a sg:Document ; sg:kind dk:remissvar ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" .',
     "doc2", "sg:normalisedText"),
    ("document-kind",
     'ex:doc2 a sg:Document ; sg:kind dk:kommittedirektiv ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ; sg:normalisedText "." .',
     'ex:doc2 a sg:Document ; sg:kind pk:strategi ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ; sg:normalisedText "." .',
     "doc2", "sg:kind"),
    ("document-date",
     'ex:doc2 a sg:Document ; sg:kind dk:beslut ; dct:date "2020-05-14"^^xsd:date ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ; sg:normalisedText "." .',
     'ex:doc2 a sg:Document ; sg:kind dk:beslut ; dct:date "14 maj 2020" ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ; sg:normalisedText "." .',
     "doc2", "dct:date"),
    ("document-email",
     'ex:doc2 a sg:Document ; sg:kind dk:skrivelse ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ;'
     ' sg:normalisedText "Kontakt: *********************, tel ************. Dnr Ku 2020/01108/CSM, N2016/08067/D." .',
     'ex:doc2 a sg:Document ; sg:kind dk:skrivelse ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ;'
     ' sg:normalisedText "Kontakt: anna.andersson@stockholm.se." .',
     "doc2", "sg:normalisedText"),
    ("document-phone",
     'ex:doc2 a sg:Document ; sg:kind dk:skrivelse ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ;'
     ' sg:normalisedText "Beslut 2019-05-14, SFS 2009:724, S2019/03075/FS, AMN 2019-0098-1.3." .',
     'ex:doc2 a sg:Document ; sg:kind dk:skrivelse ; sg:sourceFile "x.pdf" ;'
     ' sg:sha256 "c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47c3f731b4bab44c47" ;'
     ' sg:normalisedText "Frågor besvaras på 08-5082900 vardagar." .',
     "doc2", "sg:normalisedText"),
    ("diarienummer",
     'ex:dnr a sg:Diarienummer ; skos:notation "AMN 2019-0098-1.3" ; sg:registry "AMN" ;'
     ' sg:year "2019"^^xsd:gYear ; sg:serial "0098" ; sg:classificationCode "1.3" .',
     'ex:dnr a sg:Diarienummer ; skos:notation "Dnr: se bilaga" .',
     "dnr", "skos:notation"),
    ("diarienummer-year",
     'ex:dnr a sg:Diarienummer ; skos:notation "KS 2024/1035" ; sg:year "2024"^^xsd:gYear .',
     'ex:dnr a sg:Diarienummer ; skos:notation "KS 2024/1035" ; sg:year 2024 .',
     "dnr", "sg:year"),
    ("policy",
     'ex:plan a sg:Policy ; dct:title "Handlingsplan för arbetsmarknad"@sv ; sg:kind pk:handlingsplan ;'
     ' sg:validFrom "2018"^^xsd:gYear ; sg:validTo "2022-12-31"^^xsd:date ; eli:passed_by ex:amn ;'
     ' sg:adoptedOn "2018-02-20"^^xsd:date ; sg:basedOn ex:strategi ; sg:partOf ex:strategi ;'
     ' sg:complements ex:strategi ; sg:replaces ex:old ; sg:relatedTo ex:strategi ; sg:evidence ex:ev .',
     'ex:plan a sg:Policy ; dct:title "Handlingsplan" ; sg:kind pk:handlingsplan ;'
     ' sg:validFrom "2018-02"^^xsd:gYearMonth ; sg:evidence ex:ev .',
     "plan", "sg:validFrom"),
    ("policy-until-further-notice",
     'ex:plan a sg:Policy ; dct:title "Riktlinjer" ; sg:kind pk:riktlinjer ; sg:untilFurtherNotice true ;'
     ' sg:evidence ex:ev .',
     'ex:plan a sg:Policy ; dct:title "Riktlinjer" ; sg:kind pk:riktlinjer ; sg:untilFurtherNotice false ;'
     ' sg:evidence ex:ev .',
     "plan", "sg:untilFurtherNotice"),
    ("policy-kind",
     'ex:plan a sg:Policy ; dct:title "Reglemente" ; sg:kind pk:reglemente ; sg:evidence ex:ev .',
     'ex:plan a sg:Policy ; dct:title "Reglemente" ; sg:kind pk:reglemente , pk:policy ; sg:evidence ex:ev .',
     "plan", "sg:kind"),
    ("goal",
     'ex:goal a sg:Goal ; sg:statement "Fler ska komma i arbete." ; sg:underPolicy ex:strategi ;'
     ' sg:evidence ex:ev .',
     'ex:goal a sg:Goal ; sg:statement "Fler ska komma i arbete." ; sg:underPolicy ex:strategi .',
     "goal", "sg:evidence"),
    ("responsibility",
     'ex:goal a sg:Goal ; sg:statement "Fler i arbete." ; sg:evidence ex:ev .'
     ' ex:r1 a sg:Responsibility ; sg:responsibleBody ex:amn ; sg:task "utveckla insatser" ;'
     ' sg:underPolicy ex:strategi ; sg:forGoal ex:goal ; sg:since "2019"^^xsd:gYear ; sg:evidence ex:ev .'
     ' ex:r2 a sg:Responsibility ; sg:responsibleParty "nämnder och bolag" ; sg:task "samverka" ;'
     ' sg:evidence ex:ev .',
     'ex:r1 a sg:Responsibility ; sg:responsibleBody ex:anna ; sg:task "utveckla insatser" ; sg:evidence ex:ev .',
     "r1", "sg:responsibleBody"),
    ("responsibility-who",
     'ex:r1 a sg:Responsibility ; sg:responsibleBody ex:amn ; sg:task "utveckla insatser" ; sg:evidence ex:ev .',
     'ex:r1 a sg:Responsibility ; sg:task "utveckla insatser" ; sg:evidence ex:ev .',
     "r1", None),
    ("assignment",
     'ex:a1 a sg:Assignment ; sg:kind ak:regeringsuppdrag ; dct:title "Uppdrag att främja kultur" ;'
     ' sg:issuer ex:amn ; sg:assignee ex:amn ; sg:decidedOn "2020-05-14"^^xsd:date ; sg:diarienummer ex:dnr ;'
     ' sg:periodStart "2020"^^xsd:gYear ; sg:periodEnd "2022-12-31"^^xsd:date ; sg:task "främja" , "följa upp" ;'
     ' sg:reportsTo ex:amn ; sg:reportDue "2021-03-31"^^xsd:date , "i samband med årsredovisningen" ;'
     ' sg:evidence ex:ev . ex:dnr a sg:Diarienummer ; skos:notation "Ku 2020/01108/CSM" .',
     'ex:a1 a sg:Assignment ; sg:kind bk:namnd ; dct:title "Uppdrag" ; sg:evidence ex:ev .',
     "a1", "sg:kind"),
    ("assignment-period",
     'ex:a1 a sg:Assignment ; sg:kind ak:budgetuppdrag ; dct:title "Uppdrag" ; sg:periodEnd "2023"^^xsd:gYear ;'
     ' sg:evidence ex:ev .',
     'ex:a1 a sg:Assignment ; sg:kind ak:budgetuppdrag ; dct:title "Uppdrag" ; sg:periodEnd "2023" ;'
     ' sg:evidence ex:ev .',
     "a1", "sg:periodEnd"),
    ("consultation",
     'ex:c1 a sg:Consultation ; sg:kind ck:remiss ; sg:organizer ex:amn ; sg:participant ex:amn ;'
     ' sg:participantDescription "berörda föreningar" ; sg:consultedOn ex:strategi ;'
     ' dct:date "2021-01-10"^^xsd:date ; sg:deadline "2021-03-01"^^xsd:date ;'
     ' sg:invitedCount 40 ; sg:participantCount 0 ; sg:response ex:c1r1 ; sg:evidence ex:ev .'
     ' ex:c1r1 a sg:Response ; sg:respondent ex:amn ; sg:responseDocument ex:doc .',
     'ex:c1 a sg:Consultation ; sg:kind ck:samrad ; sg:invitedCount -1 ; sg:evidence ex:ev .',
     "c1", "sg:invitedCount"),
    ("consultation-deadline",
     'ex:c1 a sg:Consultation ; sg:kind ck:samrad ; sg:deadline "2021-03-01"^^xsd:date ; sg:evidence ex:ev .',
     'ex:c1 a sg:Consultation ; sg:kind ck:samrad ; sg:deadline "senast 1 mars" ; sg:evidence ex:ev .',
     "c1", "sg:deadline"),
    ("response",
     'ex:c1r1 a sg:Response ; sg:respondent ex:amn .',
     'ex:c1r1 a sg:Response ; sg:responseDocument ex:doc .',
     "c1r1", "sg:respondent"),
    ("meeting",
     'ex:m a sg:Meeting ; sg:heldBy ex:amn ; dct:date "2024-03-01"^^xsd:date ; sg:recordedIn ex:doc ;'
     ' sg:chair ex:anna ; sg:adjuster ex:anna ; sg:attendance ex:m-a1 ; sg:agendaItem ex:m-p1 ;'
     ' sg:evidence ex:ev .'
     ' ex:m-a1 a sg:Attendance ; sg:attendee ex:anna ; sg:role rk:ordforande ; sg:party ex:s ;'
     ' sg:evidence ex:ev .'
     ' ex:m-p1 a sg:AgendaItem ; sg:paragraph 1 ; dct:title "Val av justerare" ; sg:evidence ex:ev .',
     'ex:m a sg:Meeting ; sg:heldBy ex:amn ; dct:date "2024-03-01" ; sg:evidence ex:ev .',
     "m", "dct:date"),
    ("attendance",
     'ex:bo a sg:Person ; foaf:name "Bo Berg" . ex:m-a2 a sg:Attendance ; sg:attendee ex:bo ;'
     ' sg:role rk:tjanstgorande-ersattare ; sg:substituteFor ex:anna ; sg:party ex:s ; sg:evidence ex:ev .',
     'ex:m-a2 a sg:Attendance ; sg:attendee ex:anna ; sg:role bk:namnd ; sg:evidence ex:ev .',
     "m-a2", "sg:role"),
    ("agenda-item",
     'ex:p5 a sg:AgendaItem ; sg:paragraph 5 ; dct:title "Budget 2025" ; sg:diarienummer ex:dnr ;'
     ' sg:decision ex:p5d1 ; sg:reservation ex:p5r1 ; sg:specialStatement ex:p5s1 ;'
     ' sg:substituteStatement ex:p5s2 ; sg:evidence ex:ev .'
     ' ex:dnr a sg:Diarienummer ; skos:notation "KS 2024/1035" .'
     ' ex:p5d1 a sg:Decision ; dct:description "Nämnden beslutar att godkänna budgeten." ; sg:evidence ex:ev .'
     ' ex:p5r1 a sg:Reservation ; sg:madeBy ex:anna ; sg:party ex:s ; sg:evidence ex:ev .'
     ' ex:p5s1 a sg:MinutesStatement ; sg:party ex:s ; sg:evidence ex:ev .'
     ' ex:p5s2 a sg:MinutesStatement ; sg:madeBy ex:anna .',
     'ex:p5 a sg:AgendaItem ; sg:paragraph "5" ; sg:evidence ex:ev .',
     "p5", "sg:paragraph"),
    ("decision",
     'ex:p5d1 a sg:Decision ; dct:description "Nämnden beslutar att godkänna budgeten."@sv ; sg:evidence ex:ev .',
     'ex:p5d1 a sg:Decision ; sg:evidence ex:ev .',
     "p5d1", "dct:description"),
    ("reservation",
     'ex:p5r1 a sg:Reservation ; sg:party ex:s ; sg:evidence ex:ev .',
     'ex:p5r1 a sg:Reservation ; sg:party ex:s .',
     "p5r1", "sg:evidence"),
    ("statement",
     'ex:p5s1 a sg:MinutesStatement ; sg:madeBy ex:anna ; sg:party ex:s .',
     'ex:p5s1 a sg:MinutesStatement ; sg:madeBy ex:s .',
     "p5s1", "sg:madeBy"),
    ("person",
     'ex:bo a sg:Person ; foaf:name "Bo Berg" .',
     'ex:bo a sg:Person ; sg:party ex:s .',
     "bo", "foaf:name"),
    ("party",
     'ex:fi a sg:Party ; skos:notation "Fi" .',
     'ex:fi a sg:Party ; skos:notation "feministiskt initiativ" .',
     "fi", "skos:notation"),
    ("law",
     '<http://rinfo.lagrummet.se/publ/sfs/2001:453> a sg:Law , rpubl:Lag ; eli:id_local "2001:453" ;'
     ' dct:title "Socialtjänstlag (2001:453)" .',
     '<http://rinfo.lagrummet.se/publ/sfs/2001:453> a sg:Law ; eli:id_local "SFS 2001:453" .',
     "<http://rinfo.lagrummet.se/publ/sfs/2001:453>", "eli:id_local"),
    ("law-iri",
     '<http://rinfo.lagrummet.se/publ/sfs/2009:724> a sg:Law ; eli:id_local "2009:724" .',
     'ex:law a sg:Law ; eli:id_local "2009:724" .',
     "law", None),
    ("evidence",
     'ex:ev2 a sg:Evidence ; sg:quote "utvecklar" ; sg:start 22 ; sg:end 31 ; prov:wasDerivedFrom ex:doc .',
     'ex:ev2 a sg:Evidence ; sg:quote "utvecklar" ; sg:start 31 ; sg:end 22 ; prov:wasDerivedFrom ex:doc .',
     "ev2", "sg:start"),
    ("evidence-offsets",
     'ex:ev2 a sg:Evidence ; sg:quote "A" ; sg:start 0 ; sg:end 1 ; prov:wasDerivedFrom ex:doc .',
     'ex:ev2 a sg:Evidence ; sg:quote "A" ; sg:start 0 ; prov:wasDerivedFrom ex:doc .',
     "ev2", "sg:end"),
    ("evidence-quote",
     'ex:ev2 a sg:Evidence ; sg:quote " " ; sg:start 21 ; sg:end 22 ; prov:wasDerivedFrom ex:doc .',
     'ex:ev2 a sg:Evidence ; sg:quote "" ; sg:start 21 ; sg:end 21 ; prov:wasDerivedFrom ex:doc .',
     "ev2", "sg:quote"),
    ("evidence-source",
     'ex:ev2 a sg:Evidence ; sg:quote "utvecklar" ; sg:start 22 ; sg:end 31 ; prov:wasDerivedFrom ex:doc .',
     'ex:ev2 a sg:Evidence ; sg:quote "utvecklar" ; sg:start 22 ; sg:end 31 ;'
     ' prov:wasDerivedFrom "000_c3f731b4bab44c47.txt" .',
     "ev2", "prov:wasDerivedFrom"),
    ("evidence-contact",
     'ex:ev2 a sg:Evidence ; sg:quote "ring ************" ; sg:start 0 ; sg:end 17 ; prov:wasDerivedFrom ex:doc .',
     'ex:ev2 a sg:Evidence ; sg:quote "ring 070-1234567" ; sg:start 0 ; sg:end 16 ; prov:wasDerivedFrom ex:doc .',
     "ev2", "sg:quote"),
]


def _node(name: str) -> URIRef:
    return URIRef(name[1:-1]) if name.startswith("<") else EX[name]


@pytest.mark.parametrize("name,good,bad,focus,violated", CASES, ids=[c[0] for c in CASES])
def test_good_example_conforms(validate, name, good, bad, focus, violated):
    conforms, results, text = validate(good)
    assert conforms, text


@pytest.mark.parametrize("name,good,bad,focus,violated", CASES, ids=[c[0] for c in CASES])
def test_bad_example_is_rejected_on_its_path(validate, name, good, bad, focus, violated):
    conforms, results, text = validate(bad)
    assert not conforms
    assert set(results) == {(_node(focus), path(violated))}, text


@pytest.mark.parametrize("notation", [
    "KS 2024/1035", "AMN 2019-0098-1.3", "2018/000070", "Ku 2020/01108/CSM", "Ku2020/01108/CSM",
    "N2016/08067/D", "S2019/03075/FS", "Fi 2015/1234", "A2019/01234/ARM-AR", "KS\u00a02024/1035",
])
def test_diarienummer_forms_accepted(validate, notation):
    conforms, _, text = validate(f'ex:dnr a sg:Diarienummer ; skos:notation "{notation}" .', base=False)
    assert conforms, text


@pytest.mark.parametrize("notation", ["KS 24/1035", "Dnr KS 2024/1035", "2024", "KS 2024/", "ks 2024/1035 x"])
def test_diarienummer_forms_rejected(validate, notation):
    conforms, results, _ = validate(f'ex:dnr a sg:Diarienummer ; skos:notation "{notation}" .', base=False)
    assert not conforms and results == [(EX.dnr, SKOS.notation)]


@pytest.mark.parametrize("sfs,ok", [("2009:724", True), ("1962:700", True), ("2017:900 s. 2", True),
                                    ("2009/724", False), ("09:724", False), ("2009:", False)])
def test_sfs_number_pattern(validate, sfs, ok):
    conforms, _, text = validate(
        f'<http://rinfo.lagrummet.se/publ/sfs/2009:724> a sg:Law ; eli:id_local "{sfs}" .', base=False)
    assert conforms is ok, text


def test_subclass_typed_body_is_checked_without_the_vocabulary(validate):
    """Bodies typed only with their subclass are still targeted when no ont_graph is given."""
    conforms, results, _ = validate('ex:x a sg:Council ; skos:prefLabel "Pensionärsrådet"@sv .', base=False, ont=False)
    assert not conforms
    assert {p for _, p in results} == {SG.kind, SG.evidence}


def test_executive_board_as_committee_needs_the_vocabulary(validate):
    """sh:class sg:Body on a sg:Committee-only node is satisfied through the ontology's subClassOf."""
    ttl = ('ex:k a sg:Committee ; skos:prefLabel "Kulturnämnden"@sv ; sg:kind bk:namnd ; sg:evidence ex:ev .'
           ' ex:m a sg:Meeting ; sg:heldBy ex:k ; dct:date "2024-01-01"^^xsd:date ; sg:evidence ex:ev .')
    assert validate(ttl)[0]
    conforms, results, _ = validate(ttl, ont=False)
    assert results == [(EX.m, SG.heldBy)]


# --- structure of the shapes file -------------------------------------------------

EVIDENCE_REQUIRED = ["Responsibility", "Goal", "Assignment", "Consultation", "Policy", "Decision",
                     "Reservation", "Attendance", "AgendaItem", "Meeting", "Body"]


def _property_shapes(shapes: Graph, cls: URIRef):
    for node_shape in shapes.subjects(SH.targetClass, cls):
        yield from shapes.objects(node_shape, SH.property)


@pytest.mark.parametrize("cls", EVIDENCE_REQUIRED)
def test_evidence_is_required(shapes, cls):
    mins = [shapes.value(ps, SH.minCount) for ps in _property_shapes(shapes, SG[cls])
            if shapes.value(ps, SH.path) == SG.evidence]
    assert mins and int(mins[0]) >= 1
    assert any(shapes.value(ps, SH["class"]) == SG.Evidence for ps in _property_shapes(shapes, SG[cls])
               if shapes.value(ps, SH.path) == SG.evidence)


def test_every_class_is_targeted(shapes):
    ont = Graph().parse(ROOT / "ontology" / "styrgraf.ttl")
    deprecated = set(ont.subjects(URIRef("http://www.w3.org/2002/07/owl#deprecated"), None))
    classes = {c for c in ont.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
               if str(c).startswith(SG_IRI) and c not in deprecated}     # no store holds a deprecated class
    assert classes - set(shapes.objects(None, SH.targetClass)) == set()


def test_every_constraint_has_a_swedish_and_english_message(shapes):
    missing = []
    for shape in set(shapes.subjects(SH.path, None)) | set(shapes.subjects(RDF.type, SH.NodeShape)):
        if shapes.value(shape, SH.sparql) is not None:
            shape = shapes.value(shape, SH.sparql)
        carriers = [shape]
        if (shape, RDF.type, SH.NodeShape) in shapes and not any(
                p in {SH["or"], SH.pattern, SH.nodeKind} for p in shapes.predicates(shape, None)):
            continue  # node shapes that only hold property shapes
        if shapes.value(shape, SH.path) is not None and shapes.value(shape, SH.minCount) is not None \
                and len(set(shapes.predicates(shape, None))) == 2:
            continue  # a bare member of an sh:or
        langs = sorted(m.language for c in carriers for m in shapes.objects(c, SH.message))
        if langs != ["en", "sv"]:
            missing.append(shape)
    assert missing == []


@pytest.mark.parametrize("path_,scheme", [
    ("kind", None), ("role", "role"),
])
def test_kind_lists_equal_their_schemes(shapes, path_, scheme):
    """Every sh:in list on sg:kind / sg:role holds exactly one whole scheme."""
    kinds = Graph().parse(ROOT / "ontology" / "kinds.ttl")
    schemes = {str(s)[len(SGK_IRI):]: set(kinds.subjects(SKOS.inScheme, s))
               for s in kinds.subjects(RDF.type, SKOS.ConceptScheme)}
    seen = set()
    for ps in shapes.subjects(SH.path, SG[path_]):
        lst = shapes.value(ps, SH["in"])
        if lst is None:
            continue
        members = set(Collection(shapes, lst))
        match = [name for name, concepts in schemes.items() if concepts == members]
        assert len(match) == 1, members
        seen.add(match[0])
    expected = {"role"} if scheme else {"body", "document", "policy", "assignment", "consultation"}
    assert seen == expected


def test_messages_and_comments_are_literals(shapes):
    for p in (SH.message, RDFS.comment):
        assert all(isinstance(o, Literal) and o.language in {"sv", "en"} for o in shapes.objects(None, p))
