"""The analyst API (/api/v1) over a small handmade dataset in the shape of docs/model.md."""
from __future__ import annotations

import csv
import io
import urllib.parse
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from styrgraf.api.analyst import analyst_router
from styrgraf.api.registry import BODY_LIST_LIMIT, COLLECTIONS
from styrgraf.api.executor import QueryExecutor
from styrgraf.store import Store
from conftest import keep_merge

B = "http://example.test/"
ID = B + "id/"

# two document graphs (a kontorsyttrande and a protokoll) covering every collection, and a
# vocabulary graph that gives only some kind concepts their notation (the rest must be decoded)
TRIG = """
@prefix sg: <https://w3id.org/styrgraf/ns#> .
@prefix sgk: <https://w3id.org/styrgraf/kind/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <http://example.test/id/> .

<https://w3id.org/styrgraf/ns> {
  sgk:body\\/namnd skos:notation "nämnd" ; skos:inScheme sgk:body .
  sgk:body\\/styrelse skos:notation "styrelse" ; skos:inScheme sgk:body .
  sgk:document\\/protokoll skos:notation "protokoll" .
  sgk:policy\\/handlingsplan skos:notation "handlingsplan" .
  sgk:role\\/ordforande skos:notation "ordförande" .
}

<http://example.test/graph/doc-a> {
  id:doc\\/doc-a a sg:Document ;
    sg:kind sgk:document\\/kontorsyttrande ;
    dct:title "Kontorsyttrande över remiss av handlingsplan mot rasism" ;
    dct:date "2024-03-01"^^xsd:date ;
    sg:diarienummer id:dnr\\/ks-2024-1035 ;
    dct:creator id:org\\/stockholms-stad\\/arbetsmarknadsforvaltningen ;
    sg:addressee id:org\\/stockholms-stad\\/kommunstyrelsen ;
    sg:signatory id:person\\/karina-udden ;
    sg:sourceFile "doc-a.txt" ; sg:sha256 "aa" ; sg:mediaType "text/plain" ;
    sg:normalisedText "Kommunstyrelsen ska ta fram en utbildning som rör alla former av rasism." ;
    eli:cites <http://rinfo.lagrummet.se/publ/sfs/2009:724> ;
    prov:generatedAtTime "2024-05-01T10:00:00+00:00"^^xsd:dateTime .
  id:dnr\\/ks-2024-1035 a sg:Diarienummer ; skos:notation "KS 2024/1035" .
  id:person\\/karina-udden a sg:Person ; foaf:name "Karina Uddén" .

  id:org\\/stockholms-stad a sg:Body, sg:Municipality ; sg:kind sgk:body\\/kommun ;
    skos:prefLabel "Stockholms stad"@sv .
  id:org\\/stockholms-stad\\/kommunstyrelsen a sg:Body, sg:ExecutiveBoard ; sg:kind sgk:body\\/styrelse ;
    skos:prefLabel "Kommunstyrelsen"@sv ; org:subOrganizationOf id:org\\/stockholms-stad ;
    sg:evidence id:doc\\/doc-a\\/ev\\/0-15 .
  id:org\\/stockholms-stad\\/kommunfullmaktige a sg:Body, sg:Assembly ; sg:kind sgk:body\\/fullmaktige ;
    skos:prefLabel "Kommunfullmäktige"@sv ; org:subOrganizationOf id:org\\/stockholms-stad .
  id:org\\/stockholms-stad\\/arbetsmarknadsnamnden a sg:Body, sg:Committee ; sg:kind sgk:body\\/namnd ;
    skos:prefLabel "Arbetsmarknadsnämnden"@sv ; skos:altLabel "AMN"@sv ;
    org:subOrganizationOf id:org\\/stockholms-stad .
  id:org\\/stockholms-stad\\/arbetsmarknadsforvaltningen a sg:Body, sg:Administration ;
    sg:kind sgk:body\\/forvaltning ; skos:prefLabel "Arbetsmarknadsförvaltningen"@sv ;
    org:subOrganizationOf id:org\\/stockholms-stad ;
    sg:preparesMattersFor id:org\\/stockholms-stad\\/arbetsmarknadsnamnden .

  id:doc\\/doc-a\\/ev\\/0-15 a sg:Evidence ; sg:quote "Kommunstyrelsen" ; sg:start 0 ; sg:end 15 ;
    prov:wasDerivedFrom id:doc\\/doc-a .
  id:doc\\/doc-a\\/ev\\/0-72 a sg:Evidence ;
    sg:quote "Kommunstyrelsen ska ta fram en utbildning som rör alla former av rasism." ;
    sg:start 0 ; sg:end 72 ; prov:wasDerivedFrom id:doc\\/doc-a .
  id:doc\\/doc-a\\/ev\\/20-40 a sg:Evidence ; sg:quote "ta fram en utbildning" ; sg:start 20 ; sg:end 40 ;
    prov:wasDerivedFrom id:doc\\/doc-a .

  id:policy\\/handlingsplan-mot-rasism a sg:Policy ; sg:kind sgk:policy\\/handlingsplan ;
    dct:title "Handlingsplan mot rasism" ;
    sg:validFrom "2024"^^xsd:gYear ; sg:validTo "2028"^^xsd:gYear ;
    sg:relatedTo id:policy\\/stockholms-stads-program-for-de-manskliga-rattigheterna ;
    sg:evidence id:doc\\/doc-a\\/ev\\/0-72 .
  id:policy\\/stockholms-stads-program-for-de-manskliga-rattigheterna a sg:Policy ;
    sg:kind sgk:policy\\/program ;
    dct:title "Stockholms stads program för de mänskliga rättigheterna" ;
    eli:passed_by id:org\\/stockholms-stad\\/kommunfullmaktige ;
    sg:adoptedOn "2024-12-16"^^xsd:date ; sg:untilFurtherNotice true .

  id:goal\\/doc-a-1 a sg:Goal ; sg:statement "Öka kunskapen om rasism och diskriminering" ;
    sg:underPolicy id:policy\\/handlingsplan-mot-rasism ; sg:evidence id:doc\\/doc-a\\/ev\\/0-72 .
  id:responsibility\\/doc-a-1 a sg:Responsibility ;
    sg:responsibleBody id:org\\/stockholms-stad\\/kommunstyrelsen ;
    sg:task "ta fram en utbildning som rör alla former av rasism" ;
    sg:underPolicy id:policy\\/handlingsplan-mot-rasism ; sg:forGoal id:goal\\/doc-a-1 ;
    sg:evidence id:doc\\/doc-a\\/ev\\/20-40 , id:doc\\/doc-a\\/ev\\/0-72 .
  id:responsibility\\/doc-a-2 a sg:Responsibility ; sg:responsibleParty "nämnder och bolag" ;
    sg:task "formulera egna mål och aktiviteter" ; sg:underPolicy id:policy\\/handlingsplan-mot-rasism .

  id:consultation\\/doc-a-1 a sg:Consultation ; sg:kind sgk:consultation\\/remiss ;
    sg:organizer id:org\\/stockholms-stad\\/kommunstyrelsen ;
    sg:participant id:org\\/stockholms-stad\\/arbetsmarknadsnamnden ;
    sg:participantDescription "berörda nämnder" ;
    sg:consultedOn id:policy\\/handlingsplan-mot-rasism ;
    dct:date "2024-02-01"^^xsd:date ; sg:deadline "2024-04-15"^^xsd:date ;
    sg:diarienummer id:dnr\\/ks-2024-1035 ; sg:invitedCount 12 ;
    sg:response id:consultation\\/doc-a-1\\/r1 ; sg:evidence id:doc\\/doc-a\\/ev\\/0-72 .
  id:consultation\\/doc-a-1\\/r1 a sg:Response ;
    sg:respondent id:org\\/stockholms-stad\\/arbetsmarknadsnamnden ; sg:responseDocument id:doc\\/doc-a .

  <http://rinfo.lagrummet.se/publ/sfs/2009:724> a sg:Law, rpubl:Lag ; eli:id_local "2009:724" ;
    dct:title "Lag (2009:724) om nationella minoriteter och minoritetsspråk" .
}

<http://example.test/graph/doc-b> {
  id:doc\\/doc-b a sg:Document ; sg:kind sgk:document\\/protokoll ;
    dct:title "Protokoll Arbetsmarknadsnämnden 2024-01-30" ; dct:date "2024-01-30"^^xsd:date ;
    dct:creator id:org\\/stockholms-stad\\/arbetsmarknadsnamnden ;
    sg:sourceFile "doc-b.txt" ; sg:sha256 "bb" ; sg:mediaType "text/plain" ; sg:normalisedText "…" ;
    sg:reportsOn id:assignment\\/kf-2023-77 ;
    prov:generatedAtTime "2024-06-01T00:00:00Z"^^xsd:dateTime .
  # the same body described again in another graph: must not be listed twice
  id:org\\/stockholms-stad\\/arbetsmarknadsnamnden a sg:Body, sg:Committee ; sg:kind sgk:body\\/namnd ;
    skos:prefLabel "Arbetsmarknadsnämnden"@sv ; org:subOrganizationOf id:org\\/stockholms-stad .
  id:org\\/stockholms-stad a sg:Body ; sg:kind sgk:body\\/kommun ; skos:prefLabel "Stockholms stad"@sv .
  id:org\\/stockholms-stad\\/kommunstyrelsen a sg:Body ; sg:kind sgk:body\\/styrelse ;
    skos:prefLabel "Kommunstyrelsen"@sv .
  id:org\\/stockholms-stad\\/kommunfullmaktige a sg:Body ; sg:kind sgk:body\\/fullmaktige ;
    skos:prefLabel "Kommunfullmäktige"@sv .

  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30 a sg:Meeting ;
    sg:heldBy id:org\\/stockholms-stad\\/arbetsmarknadsnamnden ; dct:date "2024-01-30"^^xsd:date ;
    sg:recordedIn id:doc\\/doc-b ; sg:chair id:person\\/anna-andersson ; sg:adjuster id:person\\/bo-berg ;
    sg:attendance id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a1 ,
                  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a2 ,
                  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a10 ;
    sg:agendaItem id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4 ,
                  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p1 .
  id:person\\/anna-andersson a sg:Person ; foaf:name "Anna Andersson" .
  id:person\\/bo-berg a sg:Person ; foaf:name "Bo Berg" .
  id:person\\/cecilia-carlsson a sg:Person ; foaf:name "Cecilia Carlsson" .
  id:person\\/dan-dahl a sg:Person ; foaf:name "Dan Dahl" .
  id:party\\/s a sg:Party ; skos:notation "S" .
  id:party\\/m a sg:Party ; skos:notation "M" .
  id:party\\/v a sg:Party ; skos:notation "V" .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a1 a sg:Attendance ; sg:attendee id:person\\/anna-andersson ;
    sg:role sgk:role\\/ordforande ; sg:party id:party\\/s .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a2 a sg:Attendance ; sg:attendee id:person\\/bo-berg ;
    sg:role sgk:role\\/ledamot ; sg:party id:party\\/m .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/a10 a sg:Attendance ; sg:attendee id:person\\/cecilia-carlsson ;
    sg:role sgk:role\\/tjanstgorande-ersattare ; sg:party id:party\\/v ; sg:substituteFor id:person\\/dan-dahl .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p1 a sg:AgendaItem ; sg:paragraph 1 ;
    dct:title "Val av justerare" .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4 a sg:AgendaItem ; sg:paragraph 4 ;
    dct:title "Svar på remiss av handlingsplan mot rasism" ; sg:diarienummer id:dnr\\/amn-2024-12 ;
    sg:decision id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/d1 ,
                id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/d2 ;
    sg:reservation id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/r1 ;
    sg:specialStatement id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/s1 .
  id:dnr\\/amn-2024-12 a sg:Diarienummer ; skos:notation "AMN 2024/12" .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/d1 a sg:Decision ;
    dct:description "Arbetsmarknadsnämnden hänvisar till förvaltningens tjänsteutlåtande." .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/d2 a sg:Decision ;
    dct:description "Paragrafen justeras omedelbart." .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/r1 a sg:Reservation ; sg:madeBy id:person\\/bo-berg ;
    sg:party id:party\\/m .
  id:meeting\\/arbetsmarknadsnamnden\\/2024-01-30\\/p4\\/s1 a sg:MinutesStatement ; sg:party id:party\\/v .

  id:assignment\\/kf-2023-77 a sg:Assignment ; sg:kind sgk:assignment\\/budgetuppdrag ;
    dct:title "Uppdrag att utveckla insatser för romsk inkludering" ;
    sg:issuer id:org\\/stockholms-stad\\/kommunfullmaktige ;
    sg:assignee id:org\\/stockholms-stad\\/arbetsmarknadsnamnden , id:org\\/stockholms-stad\\/kommunstyrelsen ;
    sg:decidedOn "2023-11-20"^^xsd:date ; sg:periodStart "2024"^^xsd:gYear ; sg:periodEnd "2025"^^xsd:gYear ;
    sg:diarienummer id:dnr\\/kf-2023-77 ;
    sg:task "utveckla insatser för romsk inkludering" , "samverka med romska företrädare" ;
    sg:reportsTo id:org\\/stockholms-stad\\/kommunfullmaktige ; sg:reportDue "2025-03-31" .
  id:dnr\\/kf-2023-77 a sg:Diarienummer ; skos:notation "KF 2023/77" .
}
"""

AMN = ID + "org/stockholms-stad/arbetsmarknadsnamnden"
KS = ID + "org/stockholms-stad/kommunstyrelsen"
KF = ID + "org/stockholms-stad/kommunfullmaktige"
AMF = ID + "org/stockholms-stad/arbetsmarknadsforvaltningen"
STHLM = ID + "org/stockholms-stad"
DOC_A, DOC_B = ID + "doc/doc-a", ID + "doc/doc-b"
HANDLINGSPLAN = ID + "policy/handlingsplan-mot-rasism"
MR_PROGRAM = ID + "policy/stockholms-stads-program-for-de-manskliga-rattigheterna"
MEETING = ID + "meeting/arbetsmarknadsnamnden/2024-01-30"
ASSIGNMENT = ID + "assignment/kf-2023-77"
LAW = "http://rinfo.lagrummet.se/publ/sfs/2009:724"

REF = {"iri", "label"}
EVIDENCE = {"document", "quote", "start", "end"}
CONTRACT = {
    "bodies": {"iri", "label", "kind", "alt_labels", "part_of"},
    "documents": {"iri", "title", "kind", "date", "diarienummer", "author", "addressee", "signatories", "source"},
    "policies": {"iri", "title", "kind", "valid_from", "valid_to", "adopted_by", "adopted_on", "relations"},
    "goals": {"iri", "text", "policy", "responsible", "responsible_via_policy", "responsible_through", "evidence"},
    "responsibilities": {"iri", "body", "task", "policy", "evidence"},
    "assignments": {"iri", "kind", "title", "issuer", "assignees", "decided_on", "diarienummer", "period_start",
                    "period_end", "tasks", "reports_to", "report_due", "reports", "evidence"},
    "consultations": {"iri", "kind", "organizer", "participants", "subject", "date", "deadline", "diarienummer",
                      "invited_count", "participant_count", "responses", "evidence"},
    "meetings": {"iri", "body", "date", "chair", "adjusters", "attendees", "items"},
    "laws": {"iri", "title", "sfs"},
}
SIZES = {"bodies": 5, "documents": 2, "policies": 2, "goals": 1, "responsibilities": 2, "assignments": 1,
         "consultations": 1, "meetings": 1, "laws": 1}


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def store() -> Store:
    st = Store()
    st.ox.load(TRIG.encode(), ox.RdfFormat.TRIG)
    keep_merge(st.ox)
    return st


@pytest.fixture(scope="module")
def client(store):
    executor = QueryExecutor.in_process(store)
    app = FastAPI()
    app.include_router(analyst_router(SimpleNamespace(executor=executor, base=B)))
    with TestClient(app) as c:
        yield c
    executor.close()


def get(client, path, status=200, **params):
    r = client.get(path, params=params)
    assert r.status_code == status, (path, params, r.status_code, r.text[:500])
    return r.json()


def items(client, collection, **params):
    return get(client, f"/api/v1/{collection}", **params)["items"]


def by_iri(client, collection, **params):
    return {it["iri"]: it for it in items(client, collection, **params)}


def assert_ref(ref, nullable=True):
    if ref is None:
        assert nullable
        return
    assert set(ref) == REF


def assert_evidence(evs):
    for e in evs:
        assert set(e) == EVIDENCE
        assert_ref(e["document"])
        assert isinstance(e["start"], int) and isinstance(e["end"], int)


# ------------------------------------------------------------------ shapes
@pytest.mark.parametrize("collection", COLLECTIONS)
def test_collection_shape(client, collection):
    page = get(client, f"/api/v1/{collection}")
    assert page["total"] == SIZES[collection] == len(page["items"])
    for it in page["items"]:
        assert CONTRACT[collection] <= set(it), CONTRACT[collection] - set(it)
        if "evidence" in it:
            assert_evidence(it["evidence"])
        for key in ("part_of", "author", "addressee", "adopted_by", "policy", "issuer", "organizer", "subject"):
            if key in it:
                assert_ref(it[key])
        for key in ("responsible", "assignees", "reports_to", "reports", "participants"):
            for ref in it.get(key, []):
                assert_ref(ref)


def test_bodies(client):
    bodies = by_iri(client, "bodies")
    assert set(bodies) == {AMN, KS, KF, AMF, STHLM}                 # described twice, listed once
    amn = bodies[AMN]
    assert amn["label"] == "Arbetsmarknadsnämnden" and amn["kind"] == "nämnd"   # notation from the store
    assert amn["alt_labels"] == ["AMN"]
    assert amn["part_of"] == {"iri": STHLM, "label": "Stockholms stad"}
    # kinds without a notation in the store are decoded from the concept IRI
    assert bodies[AMF]["kind"] == "förvaltning"
    assert bodies[KF]["kind"] == "fullmäktige"
    assert bodies[STHLM]["kind"] == "kommun" and bodies[STHLM]["part_of"] is None
    assert bodies[AMF]["prepares_matters_for"] == {"iri": AMN, "label": "Arbetsmarknadsnämnden"}
    labels = [b["label"] for b in items(client, "bodies")]
    assert labels == sorted(labels, key=str.lower)


def test_a_body_shown_by_other_names_in_other_documents_lists_them_all():
    """The list's label is one of a body's prefLabels; the names other documents show it by are among its
    alternative names, not lost because no document holds them as an altLabel."""
    trig = """
    @prefix sg: <https://w3id.org/styrgraf/ns#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <http://example.test/graph/one> { <http://example.test/id/org/lst-w> a sg:Body ;
        skos:prefLabel "Länsstyrelsen i Dalarna"@sv ; skos:altLabel "Länsstyrelsen i Dalarnas län"@sv . }
    <http://example.test/graph/two> { <http://example.test/id/org/lst-w> a sg:Body ;
        skos:prefLabel "Länsstyrelsen Dalarna"@sv ; skos:altLabel "Länsstyrelsen i Dalarnas län"@sv . }
    """
    st = Store()
    st.ox.load(trig.encode(), ox.RdfFormat.TRIG)
    keep_merge(st.ox)
    executor = QueryExecutor.in_process(st)
    app = FastAPI()
    app.include_router(analyst_router(SimpleNamespace(executor=executor, base=B)))
    try:
        with TestClient(app) as c:
            [body] = c.get("/api/v1/bodies").json()["items"]
    finally:
        executor.close()
    assert body["label"] == "Länsstyrelsen Dalarna"
    assert body["alt_labels"] == ["Länsstyrelsen i Dalarna", "Länsstyrelsen i Dalarnas län"]


def test_documents(client):
    docs = by_iri(client, "documents")
    a = docs[DOC_A]
    assert a["kind"] == "kontorsyttrande" and a["date"] == "2024-03-01"
    assert a["diarienummer"] == ["KS 2024/1035"]
    assert a["author"] == {"iri": AMF, "label": "Arbetsmarknadsförvaltningen"}
    assert a["addressee"] == {"iri": KS, "label": "Kommunstyrelsen"}
    assert a["signatories"] == ["Karina Uddén"] and a["source"] == "doc-a.txt"
    assert a["cites"] == [{"iri": LAW, "label": "Lag (2009:724) om nationella minoriteter och minoritetsspråk"}]
    b = docs[DOC_B]
    assert b["kind"] == "protokoll" and b["addressee"] is None and b["signatories"] == []
    assert b["reports_on"] == [{"iri": ASSIGNMENT, "label": "Uppdrag att utveckla insatser för romsk inkludering"}]


def test_policies(client):
    pol = by_iri(client, "policies")
    hp = pol[HANDLINGSPLAN]
    assert hp["kind"] == "handlingsplan" and hp["valid_from"] == "2024" and hp["valid_to"] == "2028"
    assert hp["relations"] == [{"relation": "related", "target": {
        "iri": MR_PROGRAM, "label": "Stockholms stads program för de mänskliga rättigheterna"}}]
    assert hp["adopted_by"] is None and hp["adopted_on"] is None
    assert_evidence(hp["evidence"]) and len(hp["evidence"]) == 1
    mr = pol[MR_PROGRAM]
    assert mr["kind"] == "program" and mr["adopted_on"] == "2024-12-16" and mr["until_further_notice"] is True
    assert mr["adopted_by"] == {"iri": KF, "label": "Kommunfullmäktige"}


def test_goals_and_responsibilities(client):
    [goal] = items(client, "goals")
    assert goal["text"] == "Öka kunskapen om rasism och diskriminering"
    assert goal["policy"] == {"iri": HANDLINGSPLAN, "label": "Handlingsplan mot rasism"}
    assert goal["responsible"] == [{"iri": KS, "label": "Kommunstyrelsen"}]
    # goal → policy → responsibility: the bodies with a task under the goal's policy
    assert goal["responsible_via_policy"] == [{"iri": KS, "label": "Kommunstyrelsen"}]
    # each responsibility behind them, with the path that links it and where it is stated
    through = goal["responsible_through"]
    assert {(x["body"]["iri"], x["body"]["label"], x["path"]) for x in through} == {
        (KS, "Kommunstyrelsen", "goal"), (KS, "Kommunstyrelsen", "policy"), (None, "nämnder och bolag", "policy")}
    assert all(x["responsibility"]["iri"] for x in through)
    assert all(x["responsibility"]["label"] and x["evidence"] for x in through if x["body"]["iri"] == KS)
    assert [x["path"] for x in through] == sorted(x["path"] for x in through)       # the goal's own first
    ev = goal["evidence"][0]
    assert ev["document"] == {"iri": DOC_A, "label": "Kontorsyttrande över remiss av handlingsplan mot rasism"}
    assert (ev["start"], ev["end"]) == (0, 72)
    resp = by_iri(client, "responsibilities")
    r1 = resp[ID + "responsibility/doc-a-1"]
    assert r1["body"] == {"iri": KS, "label": "Kommunstyrelsen"}
    assert r1["goal"]["iri"] == ID + "goal/doc-a-1"
    assert [(e["start"], e["end"]) for e in r1["evidence"]] == [(0, 72), (20, 40)]
    r2 = resp[ID + "responsibility/doc-a-2"]
    assert r2["body"] == {"iri": None, "label": "nämnder och bolag"}     # a group phrase, kept as written
    assert r2["evidence"] == []


def test_assignments(client):
    [a] = items(client, "assignments")
    assert a["iri"] == ASSIGNMENT and a["kind"] == "budgetuppdrag"
    assert a["issuer"] == {"iri": KF, "label": "Kommunfullmäktige"}
    assert [x["label"] for x in a["assignees"]] == ["Arbetsmarknadsnämnden", "Kommunstyrelsen"]
    assert a["decided_on"] == "2023-11-20" and a["period_start"] == "2024" and a["period_end"] == "2025"
    assert a["diarienummer"] == ["KF 2023/77"]
    assert sorted(a["tasks"]) == ["samverka med romska företrädare", "utveckla insatser för romsk inkludering"]
    assert a["reports_to"] == [{"iri": KF, "label": "Kommunfullmäktige"}]
    assert a["report_due"] == ["2025-03-31"]
    assert a["reports"] == [{"iri": DOC_B, "label": "Protokoll Arbetsmarknadsnämnden 2024-01-30"}]


def test_consultations(client):
    [c] = items(client, "consultations")
    assert c["kind"] == "remiss" and c["organizer"] == {"iri": KS, "label": "Kommunstyrelsen"}
    assert c["participants"] == [{"iri": AMN, "label": "Arbetsmarknadsnämnden"},
                                 {"iri": None, "label": "berörda nämnder"}]
    assert c["subject"] == {"iri": HANDLINGSPLAN, "label": "Handlingsplan mot rasism"}
    assert (c["date"], c["deadline"]) == ("2024-02-01", "2024-04-15")
    assert c["diarienummer"] == ["KS 2024/1035"]
    assert c["invited_count"] == 12 and c["participant_count"] is None
    assert c["responses"] == [{"by": {"iri": AMN, "label": "Arbetsmarknadsnämnden"},
                               "document": {"iri": DOC_A,
                                            "label": "Kontorsyttrande över remiss av handlingsplan mot rasism"}}]


def test_meetings(client):
    [m] = items(client, "meetings")
    assert m["iri"] == MEETING and m["date"] == "2024-01-30"
    assert m["body"] == {"iri": AMN, "label": "Arbetsmarknadsnämnden"}
    assert m["chair"] == "Anna Andersson" and m["adjusters"] == ["Bo Berg"]
    assert m["document"]["iri"] == DOC_B
    # attendance in the order of the minutes (a1, a2, a10); roles decoded where no notation is stored
    assert m["attendees"] == [
        {"name": "Anna Andersson", "role": "ordförande", "party": "S", "substitute_for": None},
        {"name": "Bo Berg", "role": "ledamot", "party": "M", "substitute_for": None},
        {"name": "Cecilia Carlsson", "role": "tjänstgörande ersättare", "party": "V", "substitute_for": "Dan Dahl"},
    ]
    assert [i["paragraph"] for i in m["items"]] == [1, 4]
    p1, p4 = m["items"]
    assert p1 == {"paragraph": 1, "title": "Val av justerare", "diarienummer": [], "decisions": [],
                  "reservations": [], "statements": []}
    assert p4["diarienummer"] == ["AMN 2024/12"]
    assert p4["decisions"] == ["Arbetsmarknadsnämnden hänvisar till förvaltningens tjänsteutlåtande.",
                               "Paragrafen justeras omedelbart."]
    assert p4["reservations"] == [{"by": "Bo Berg", "party": "M"}]
    assert p4["statements"] == [{"type": "särskilt uttalande", "by": None, "party": "V"}]


def test_laws(client):
    [law] = items(client, "laws")
    assert law == {"iri": LAW, "title": "Lag (2009:724) om nationella minoriteter och minoritetsspråk",
                   "sfs": "2009:724", "cited_by_count": 1}
    detail = get(client, "/api/v1/laws/2009:724")
    assert detail == {**law, "cited_by": [{"iri": DOC_A, "label": detail["cited_by"][0]["label"]}], "evidence": []}


# ------------------------------------------------------------------ paging
def test_paging_is_stable_and_complete(client):
    full = [b["iri"] for b in items(client, "bodies", limit=100)]
    pages = []
    for offset in range(0, 6, 2):
        page = get(client, "/api/v1/bodies", limit=2, offset=offset)
        assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == offset
        pages += [b["iri"] for b in page["items"]]
    assert pages == full
    assert get(client, "/api/v1/bodies", limit=2, offset=4)["items"][0]["iri"] == full[4]
    assert get(client, "/api/v1/bodies", offset=50)["items"] == []
    count_only = get(client, "/api/v1/bodies", limit=0)
    assert count_only == {"items": [], "total": 5, "limit": 0, "offset": 0}


@pytest.mark.parametrize("params", [{"limit": 10001}, {"limit": -1}, {"offset": -1}, {"limit": "x"},
                                    {"from": "2024-13-01"}, {"to": "yesterday"}, {"modified_since": "soon"}])
def test_bad_paging_and_dates_are_422(client, params):
    r = client.get("/api/v1/documents", params=params)
    assert r.status_code == 422, r.text


def test_limit_max(client):
    assert get(client, "/api/v1/bodies", limit=10000)["total"] == 5


# ------------------------------------------------------------------ filters
def test_filter_body_by_label_alt_label_and_iri(client):
    for value in ("Arbetsmarknadsnämnden", "arbetsmarknadsnämnden", "AMN", AMN):
        assert {m["iri"] for m in items(client, "meetings", body=value)} == {MEETING}
        assert {d["iri"] for d in items(client, "documents", body=value)} == {DOC_B}
    assert get(client, "/api/v1/meetings", body="Kommunstyrelsen")["total"] == 0
    assert get(client, "/api/v1/meetings", body="Ingen sådan nämnd") == {"items": [], "total": 0,
                                                                          "limit": 100, "offset": 0}
    assert {r["iri"] for r in items(client, "responsibilities", body="Kommunstyrelsen")} == {
        ID + "responsibility/doc-a-1"}
    assert {a["iri"] for a in items(client, "assignments", body="Kommunfullmäktige")} == {ASSIGNMENT}
    assert {c["iri"] for c in items(client, "consultations", body="AMN")} == {ID + "consultation/doc-a-1"}
    assert {g["iri"] for g in items(client, "goals", body="Kommunstyrelsen")} == {ID + "goal/doc-a-1"}
    # bodies: the body and what is part of it
    assert len(items(client, "bodies", body="Stockholms stad")) == 5
    assert {b["iri"] for b in items(client, "bodies", body="Kommunstyrelsen")} == {KS}
    assert {p["iri"] for p in items(client, "policies", body="Kommunfullmäktige")} == {MR_PROGRAM}
    assert {l["iri"] for l in items(client, "laws", body="Kommunstyrelsen")} == {LAW}


def test_filter_policy(client):
    for value in ("Handlingsplan mot rasism", HANDLINGSPLAN):
        assert len(items(client, "responsibilities", policy=value)) == 2
        assert len(items(client, "goals", policy=value)) == 1
        assert len(items(client, "consultations", policy=value)) == 1
    assert {p["iri"] for p in items(client, "policies", policy=MR_PROGRAM)} == {MR_PROGRAM, HANDLINGSPLAN}
    assert {d["iri"] for d in items(client, "documents", policy=HANDLINGSPLAN)} == {DOC_A}
    assert {b["iri"] for b in items(client, "bodies", policy=HANDLINGSPLAN)} == {KS}
    assert get(client, "/api/v1/goals", policy="Okänd plan")["total"] == 0


def test_filter_kind(client):
    assert {b["iri"] for b in items(client, "bodies", kind="nämnd")} == {AMN}
    assert {b["iri"] for b in items(client, "bodies", kind="förvaltning")} == {AMF}
    assert {b["iri"] for b in items(client, "bodies",
                                    kind="https://w3id.org/styrgraf/kind/body/styrelse")} == {KS}
    assert {d["iri"] for d in items(client, "documents", kind="protokoll")} == {DOC_B}
    assert len(items(client, "policies", kind="handlingsplan")) == 1
    assert len(items(client, "assignments", kind="budgetuppdrag")) == 1
    assert len(items(client, "assignments", kind="regeringsuppdrag")) == 0
    assert len(items(client, "consultations", kind="samråd")) == 0


def test_filter_q(client):
    assert {b["iri"] for b in items(client, "bodies", q="ARBETSMARKNADS")} == {AMN, AMF}
    assert {b["iri"] for b in items(client, "bodies", q="amn")} == {AMN}           # alternative name
    assert {d["iri"] for d in items(client, "documents", q="ks 2024/1035")} == {DOC_A}  # diarienummer
    assert {d["iri"] for d in items(client, "documents", q="doc-b")} == {DOC_B}        # file name
    assert len(items(client, "goals", q="kunskapen")) == 1
    assert len(items(client, "responsibilities", q="nämnder och")) == 1
    assert len(items(client, "assignments", q="romska företrädare")) == 1             # a task
    assert len(items(client, "consultations", q="handlingsplan")) == 1                # the subject
    assert len(items(client, "meetings", q="justerare")) == 1                         # an item title
    assert len(items(client, "laws", q="2009:724")) == 1
    assert len(items(client, "policies", q="zzz")) == 0
    assert get(client, "/api/v1/bodies", q="   ")["total"] == 5                      # blank: no filter


def test_filter_dates(client):
    assert {d["iri"] for d in items(client, "documents", **{"from": "2024-02"})} == {DOC_A}
    assert {d["iri"] for d in items(client, "documents", to="2024-01-31")} == {DOC_B}
    assert len(items(client, "documents", **{"from": "2024", "to": "2024"})) == 2
    assert len(items(client, "meetings", **{"from": "2024-01-30", "to": "2024-01-30"})) == 1
    assert len(items(client, "meetings", **{"from": "2024-01-31"})) == 0
    # spans: the assignment runs 2023-11-20 .. 2025, the plan 2024 .. 2028
    assert len(items(client, "assignments", **{"from": "2025-06-01"})) == 1
    assert len(items(client, "assignments", **{"from": "2026"})) == 0
    assert len(items(client, "assignments", to="2023-12")) == 1
    assert {p["iri"] for p in items(client, "policies", **{"from": "2028"})} == {HANDLINGSPLAN, MR_PROGRAM}
    assert {p["iri"] for p in items(client, "policies", to="2024-06")} == {HANDLINGSPLAN}
    assert len(items(client, "consultations", **{"from": "2024-04-16"})) == 0
    assert len(items(client, "consultations", **{"from": "2024-04-15"})) == 1


def test_filter_modified_since(client):
    assert {d["iri"] for d in items(client, "documents", modified_since="2024-05-15T00:00:00Z")} == {DOC_B}
    assert {d["iri"] for d in items(client, "documents", modified_since="2024-05-15")} == {DOC_B}
    assert len(items(client, "documents", modified_since="2024-05-01T12:00:00+02:00")) == 2   # = 10:00Z
    assert len(items(client, "documents", modified_since="2030-01-01T00:00:00")) == 0
    # other collections: what the recent documents describe
    assert {m["iri"] for m in items(client, "meetings", modified_since="2024-05-15T00:00:00Z")} == {MEETING}
    assert len(items(client, "goals", modified_since="2024-05-15T00:00:00Z")) == 0
    assert len(items(client, "bodies", modified_since="2024-05-15T00:00:00Z")) == 4   # not the förvaltning


@pytest.mark.parametrize("collection,params", [
    ("goals", {"kind": "mål"}), ("laws", {"policy": "x"}), ("meetings", {"kind": "x"}),
    ("bodies", {"from": "2020"}), ("responsibilities", {"to": "2020"}), ("assignments", {"policy": "x"}),
])
def test_unsupported_filter_is_400(client, collection, params):
    r = client.get(f"/api/v1/{collection}", params=params)
    assert r.status_code == 400 and "cannot be filtered" in r.json()["detail"]


def test_bad_iri_filter_is_400(client):
    r = client.get("/api/v1/meetings", params={"body": "http://example.test/a b>"})
    assert r.status_code == 400 and "not a valid IRI" in r.json()["detail"]
    r = client.get("/api/v1/bodies", params={"kind": "http://x/> } ; DROP ALL #"})
    assert r.status_code == 400


def test_hostile_filter_values_are_data(client, store):
    before = len(store.ox)
    for value in ('"} ; DROP ALL #', '> } ', "'''", '\\', "\u0000", "x\" . ?s ?p ?o }", "}}}}"):
        for collection in ("bodies", "documents", "meetings"):
            assert get(client, f"/api/v1/{collection}", q=value)["total"] == 0
            assert get(client, f"/api/v1/{collection}", body=value)["total"] == 0
    assert get(client, "/api/v1/bodies", kind='"} ; DROP ALL #')["total"] == 0
    assert len(store.ox) == before


# ------------------------------------------------------------------ details
def test_body_detail(client):
    d = get(client, "/api/v1/bodies/stockholms-stad/arbetsmarknadsnamnden")
    assert d["iri"] == AMN and d["kind"] == "nämnd"
    assert [a["iri"] for a in d["assignments_received"]] == [ASSIGNMENT]
    assert d["assignments_given"] == []
    assert [c["iri"] for c in d["consultations"]] == [ID + "consultation/doc-a-1"]
    assert [m["iri"] for m in d["meetings"]] == [MEETING] and d["meetings"][0]["items"]
    assert [x["text"] for x in d["decisions"]] == [
        "Arbetsmarknadsnämnden hänvisar till förvaltningens tjänsteutlåtande.", "Paragrafen justeras omedelbart."]
    assert d["decisions"][0]["meeting"]["iri"] == MEETING and d["decisions"][0]["paragraph"] == 4
    assert d["documents"] == [{"iri": DOC_B, "label": "Protokoll Arbetsmarknadsnämnden 2024-01-30"}]

    ks = get(client, "/api/v1/bodies/stockholms-stad/kommunstyrelsen")
    assert [r["task"] for r in ks["responsibilities"]] == ["ta fram en utbildning som rör alla former av rasism"]
    assert [g["iri"] for g in ks["goals"]] == [ID + "goal/doc-a-1"]
    assert [p["iri"] for p in ks["policies"]] == [HANDLINGSPLAN]
    assert ks["evidence"][0]["quote"] == "Kommunstyrelsen"
    assert [c["iri"] for c in ks["consultations"]] == [ID + "consultation/doc-a-1"]

    kf = get(client, "/api/v1/bodies/stockholms-stad/kommunfullmaktige")
    assert [a["iri"] for a in kf["assignments_given"]] == [ASSIGNMENT]
    assert [a["iri"] for a in kf["assignments_reporting_to"]] == [ASSIGNMENT]

    top = get(client, "/api/v1/bodies/stockholms-stad")
    assert len(top["parts"]) == 4 and all(p["iri"] != STHLM for p in top["parts"])


def test_detail_by_full_iri_and_other_collections(client):
    enc = urllib.parse.quote(AMN, safe="")
    assert get(client, f"/api/v1/bodies/{enc}")["iri"] == AMN
    assert get(client, f"/api/v1/meetings/{urllib.parse.quote(MEETING, safe='')}")["iri"] == MEETING
    assert get(client, "/api/v1/meetings/arbetsmarknadsnamnden/2024-01-30")["iri"] == MEETING
    assert get(client, "/api/v1/documents/doc-a")["source"] == "doc-a.txt"
    assert get(client, "/api/v1/laws/2009:724")["sfs"] == "2009:724"
    assert get(client, "/api/v1/assignments/kf-2023-77")["tasks"]
    assert get(client, "/api/v1/consultations/doc-a-1")["responses"]
    assert get(client, "/api/v1/goals/doc-a-1")["responsible"]
    assert get(client, "/api/v1/responsibilities/doc-a-2")["body"]["label"] == "nämnder och bolag"
    p = get(client, "/api/v1/policies/handlingsplan-mot-rasism")
    assert len(p["goals"]) == 1 and len(p["responsibilities"]) == 2


@pytest.mark.parametrize("path", [
    "/api/v1/bodies/no-such-body", "/api/v1/bodies/stockholms-stad/arbetsmarknadsnamnden/extra",
    "/api/v1/documents/doc-c", "/api/v1/laws/1999:1", "/api/v1/meetings/x y", "/api/v1/goals/%3E%7D",
    # an IRI of another collection is not found here
    f"/api/v1/policies/{urllib.parse.quote(AMN, safe='')}", "/api/v1/bodies/http:%2F%2Fexample.test%2Fa%20b",
])
def test_detail_404(client, path):
    r = client.get(path)
    assert r.status_code == 404, r.text
    assert "detail" in r.json()


# ------------------------------------------------------------------ named queries
def test_query_list(client):
    page = get(client, "/api/v1/queries")
    names = {q["name"] for q in page["items"]}
    assert {"body-responsibilities", "policy-goals", "assignments-by-body", "assignment-chain",
            "consultations-by-body", "counts", *COLLECTIONS} <= names
    assert page["total"] == len(page["items"])
    br = next(q for q in page["items"] if q["name"] == "body-responsibilities")
    assert br["title"] and br["description"] and br["url"].endswith("/api/v1/queries/body-responsibilities")
    assert br["params"] == [{"name": "body", "type": "string", "many": False, "required": False,
                             "default": None, "description": br["params"][0]["description"]}]


def test_query_run_json_csv_sparql(client):
    res = get(client, "/api/v1/queries/counts")
    assert res["columns"] == ["collection", "count"]
    counts = dict(res["rows"])
    assert counts["bodies"] == "5" and counts["meetings"] == "1" and counts["evidence"] == "3"

    r = client.get("/api/v1/queries/counts", headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(r.text)))
    assert table[0] == ["collection", "count"] and ["bodies", "5"] in table

    r = client.get("/api/v1/queries/counts", params={"format": "csv"})
    assert r.status_code == 200 and r.text.startswith("collection,count")

    r = client.get("/api/v1/queries/body-responsibilities", params={"body": "AMN", "format": "sparql"})
    assert r.status_code == 200 and 'VALUES ?body { "AMN" }' in r.text and "LIMIT 1000" in r.text

    r = client.get("/api/v1/queries/counts", params={"format": "xml"})
    assert r.status_code == 422


def test_analyst_questions(client):
    res = get(client, "/api/v1/queries/body-responsibilities", body="kommunstyrelsen")
    rows = [dict(zip(res["columns"], row)) for row in res["rows"]]
    assert {r["task"] for r in rows} == {"ta fram en utbildning som rör alla former av rasism"}
    assert {r["quote"] for r in rows} == {"ta fram en utbildning",
                                          "Kommunstyrelsen ska ta fram en utbildning som rör alla former av rasism."}
    assert {r["policy_title"] for r in rows} == {"Handlingsplan mot rasism"}
    group = get(client, "/api/v1/queries/body-responsibilities", body="Nämnder och bolag")["rows"]
    assert len(group) == 1

    res = get(client, "/api/v1/queries/policy-goals", policy="handlingsplan mot rasism")
    [row] = [dict(zip(res["columns"], r)) for r in res["rows"]]
    assert row["responsible"] == "Kommunstyrelsen" and row["text"].startswith("Öka kunskapen")

    res = get(client, "/api/v1/queries/assignments-by-body", body=KF)
    assert sorted(dict(zip(res["columns"], r))["role"] for r in res["rows"]) == ["issuer", "reports_to"]

    res = get(client, "/api/v1/queries/assignment-chain", assignment="KF 2023/77")
    rows = [dict(zip(res["columns"], r)) for r in res["rows"]]
    assert {r["assignee_label"] for r in rows} == {"Arbetsmarknadsnämnden", "Kommunstyrelsen"}
    assert {r["report"] for r in rows} == {DOC_B}

    res = get(client, "/api/v1/queries/consultations-by-body", body="Arbetsmarknadsnämnden")
    assert sorted(dict(zip(res["columns"], r))["role"] for r in res["rows"]) == ["participant", "respondent"]

    res = get(client, "/api/v1/queries/counts-by-kind")
    assert res["rows"]


def test_query_paging_and_params(client):
    res = get(client, "/api/v1/queries/bodies", limit=2)
    assert len(res["rows"]) == 2 and res["truncated"] is True
    res2 = get(client, "/api/v1/queries/bodies", limit=2, offset=2)
    assert res2["rows"][0] != res["rows"][0]
    res = get(client, "/api/v1/queries/bodies", body=[KS, AMN])     # repeatable parameter
    assert {r[0] for r in res["rows"]} == {KS, AMN}
    res = get(client, "/api/v1/queries/documents", **{"from": "2024-02"})
    assert [r[0] for r in res["rows"]] == [DOC_A]
    r = client.get("/api/v1/queries/resolve-body")                  # required parameter missing
    assert r.status_code == 422
    r = client.get("/api/v1/queries/evidence", params={"iri": "not an iri"})      # the OpenAPI pattern
    assert r.status_code == 422
    r = client.get("/api/v1/queries/evidence", params={"iri": "urn:x:not-http"})   # a valid IRI, bound safely
    assert r.status_code == 200 and r.json()["rows"] == []
    r = client.get("/api/v1/queries/documents", params={"modified_since": "never"})
    assert r.status_code == 422
    r = client.get("/api/v1/queries/documents", params={"modified_since": "2023-02-29"})  # pattern-valid, no date
    assert r.status_code == 400 and "date-time" in r.json()["detail"]
    r = client.get("/api/v1/queries/no-such-query")
    assert r.status_code == 404


@pytest.mark.parametrize("value", ['"} ; DROP ALL #', '> } ', '"""', "\\u0022}", "?body", "<http://x>"])
def test_query_binding_is_safe(client, store, value):
    before = len(store.ox)
    res = get(client, "/api/v1/queries/body-responsibilities", body=value)
    assert res["rows"] == []
    res = get(client, "/api/v1/queries/assignment-chain", assignment=value)
    assert res["rows"] == []
    r = client.get("/api/v1/queries/evidence", params={"iri": value})
    assert r.status_code == 422          # not an IRI: refused before any query is built
    assert len(store.ox) == before
    # the value is in the query only as one escaped literal
    text = client.get("/api/v1/queries/body-responsibilities", params={"body": value, "format": "sparql"}).text
    assert f"VALUES ?body {{ {ox.Literal(value)} }}" in text


def test_openapi_is_complete(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for c in COLLECTIONS:
        assert "200" in paths[f"/api/v1/{c}"]["get"]["responses"]
        assert f"/api/v1/{c}/{{item_id}}" in paths
        schema = paths[f"/api/v1/{c}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert schema["$ref"].endswith("Page")
    assert "/api/v1/queries/body-responsibilities" in paths
    params = {p["name"] for p in paths["/api/v1/queries/body-responsibilities"]["get"]["parameters"]}
    assert params == {"body", "limit", "offset", "format"}
    params = {p["name"] for p in paths["/api/v1/documents"]["get"]["parameters"]}
    assert {"from", "to", "modified_since", "body", "policy", "kind", "q", "limit", "offset"} <= params


# ------------------------------------------------------------------ end to end: the bundled corpus
@pytest.fixture(scope="module")
def corpus_client(corpus_store):
    """The router over the corpus ingested by `styrgraf ingest`, queried by worker processes."""
    from styrgraf.config import Settings

    executor = QueryExecutor(corpus_store, workers=2, timeout=60)
    app = FastAPI()
    app.include_router(analyst_router(SimpleNamespace(executor=executor, base=Settings.from_env().base)))
    with TestClient(app) as c:
        yield c
    executor.close()


# each reference an item of a collection makes: (collection, path to it, the collection it names);
# "[]" in a path walks the items of a list
REFERENCES = [
    ("bodies", "part_of", "bodies"), ("bodies", "prepares_matters_for", "bodies"),
    ("documents", "author", "bodies"), ("documents", "addressee", "bodies"),
    ("policies", "adopted_by", "bodies"),
    ("goals", "policy", "policies"), ("goals", "responsible[]", "bodies"),
    ("responsibilities", "body", "bodies"), ("responsibilities", "policy", "policies"),
    ("assignments", "issuer", "bodies"), ("assignments", "assignees[]", "bodies"),
    ("assignments", "reports_to[]", "bodies"), ("assignments", "reports[]", "documents"),
    ("consultations", "organizer", "bodies"), ("consultations", "participants[]", "bodies"),
    ("consultations", "responses[].by", "bodies"), ("consultations", "responses[].document", "documents"),
    ("meetings", "body", "bodies"), ("meetings", "document", "documents"),
]


def referenced(item: dict, path: str) -> list:
    """What an item holds at a path of REFERENCES: one value, or each item of the lists on the way."""
    values = [item]
    for key in path.split("."):
        values = [v[key.removesuffix("[]")] for v in values]
        if key.endswith("[]"):
            values = [x for v in values for x in v]
    return values


@pytest.mark.slow
def test_corpus_end_to_end(corpus_client):
    c = corpus_client
    data = {coll: get(c, f"/api/v1/{coll}", limit=10000) for coll in COLLECTIONS}
    for coll, page in data.items():
        assert page["total"] == len(page["items"]), coll
        for it in page["items"]:
            assert CONTRACT[coll] <= set(it), (coll, CONTRACT[coll] - set(it))
    for coll in ("bodies", "documents", "policies", "goals", "responsibilities", "assignments",
                 "consultations", "meetings"):
        assert data[coll]["total"] > 0, f"no {coll} in the corpus"
    assert data["documents"]["total"] == 5

    iris = {coll: {it["iri"] for it in page["items"]} for coll, page in data.items()}
    unresolved = []

    def resolves(ref, *colls):
        if ref is None or ref.get("iri") is None:
            assert ref is None or ref.get("label"), ref          # a phrase-only Ref still has its words
            return
        assert ref.get("label") is not None or colls == ("assignments",), ref
        if not any(ref["iri"] in iris[k] for k in colls):
            unresolved.append((colls, ref))

    items_ = {coll: page["items"] for coll, page in data.items()}
    for coll, its in items_.items():
        for it in its:
            for ev in it.get("evidence", []):
                resolves(ev["document"], "documents")
                assert ev["quote"] and 0 <= ev["start"] < ev["end"]
    for coll, path, target in REFERENCES:
        for it in items_[coll]:
            for ref in referenced(it, path):
                resolves(ref, target)
    for b in items_["bodies"]:
        assert b["kind"] in {"kommun", "region", "fullmäktige", "styrelse", "nämnd", "förvaltning", "enhet",
                             "bolag", "råd", "regering", "departement", "myndighet", "organisation"}, b
    for d in items_["documents"]:
        assert d["source"]
    for p in items_["policies"]:
        for r in p["relations"]:
            assert r["target"]["label"]
    for k in items_["consultations"]:
        if k["subject"] is not None:
            assert k["subject"]["label"]
    for m in items_["meetings"]:
        assert m["attendees"] and m["items"]
        assert all(isinstance(i["paragraph"], int) for i in m["items"])
    assert unresolved == []

    # every item is found again by its detail route (full IRI), bodies with their extras
    for coll in COLLECTIONS:
        for it in items_[coll][:3]:
            d = get(c, f"/api/v1/{coll}/{urllib.parse.quote(it['iri'], safe='')}")
            assert d["iri"] == it["iri"]
    amn = next(b for b in items_["bodies"] if b["label"] == "Arbetsmarknadsnämnden")
    d = get(c, f"/api/v1/bodies/{amn['iri'].split('/id/org/', 1)[1]}")
    assert d["meetings"] and d["decisions"] and d["documents"]

    counts = dict(get(c, "/api/v1/queries/counts")["rows"])
    for coll in COLLECTIONS:
        assert int(counts[coll]) == data[coll]["total"], coll


# ------------------------------------------------------------------ scale: repeated triples, list cache
def _repeated_store(copies: int) -> Store:
    """One body, policy and law described again in each of `copies` document graphs (as ingest writes
    them), each graph adding its own document, assignment and responsibility."""
    st = Store()
    lines = []
    for i in range(copies):
        g = f"<{B}graph/d{i}>"
        lines += [f"""{g} {{
  <{ID}org/regeringen> a <https://w3id.org/styrgraf/ns#Body> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "Regeringen"@sv ;
      <https://w3id.org/styrgraf/ns#kind> <https://w3id.org/styrgraf/kind/body/regering> .
  <{ID}doc/d{i}> a <https://w3id.org/styrgraf/ns#Document> ; <http://purl.org/dc/terms/title> "Beslut {i:03d}" ;
      <http://purl.org/dc/terms/creator> <{ID}org/regeringen> ;
      <http://data.europa.eu/eli/ontology#cites> <http://rinfo.lagrummet.se/publ/sfs/2009:724> .
  <http://rinfo.lagrummet.se/publ/sfs/2009:724> a <https://w3id.org/styrgraf/ns#Law> ;
      <http://purl.org/dc/terms/title> "Lag om nationella minoriteter" ;
      <http://data.europa.eu/eli/ontology#id_local> "2009:724" .
  <{ID}assignment/a{i}> a <https://w3id.org/styrgraf/ns#Assignment> ; <http://purl.org/dc/terms/title> "Uppdrag {i:03d}" ;
      <https://w3id.org/styrgraf/ns#issuer> <{ID}org/regeringen> ; <https://w3id.org/styrgraf/ns#assignee> <{ID}org/regeringen> .
}}"""]
    st.ox.load("\n".join(lines).encode(), ox.RdfFormat.TRIG)
    keep_merge(st.ox)
    return st


def test_repeated_triples_do_not_multiply():
    """The union default graph repeats a shared body's triples once per document graph; the list
    queries take each item and each value once, so 300 graphs give the same rows as 1, fast."""
    import time

    st = _repeated_store(300)
    executor = QueryExecutor.in_process(st)
    app = FastAPI()
    app.include_router(analyst_router(SimpleNamespace(executor=executor, base=B)))
    with TestClient(app) as c:
        t = time.perf_counter()
        bodies = get(c, "/api/v1/bodies")
        assert bodies["total"] == 1 and bodies["items"][0]["label"] == "Regeringen"
        laws = get(c, "/api/v1/laws")
        assert laws["total"] == 1 and laws["items"][0]["cited_by_count"] == 300
        law = get(c, f"/api/v1/laws/{urllib.parse.quote(laws['items'][0]['iri'], safe='')}")
        assert len(law["cited_by"]) == 300
        docs = get(c, "/api/v1/documents", body=f"{ID}org/regeringen", limit=5)
        assert docs["total"] == 300 and [d["title"] for d in docs["items"]][:2] == ["Beslut 000", "Beslut 001"]
        assert docs["items"][0]["author"] == {"iri": f"{ID}org/regeringen", "label": "Regeringen"}
        assignments = get(c, "/api/v1/assignments", limit=3)
        assert assignments["total"] == 300 and assignments["items"][0]["issuer"]["label"] == "Regeringen"
        body = get(c, f"/api/v1/bodies/{urllib.parse.quote(ID + 'org/regeringen', safe='')}")
        # a body's own lists hold the first BODY_LIST_LIMIT in the list's order, and say how many there are
        assert len(body["documents"]) == BODY_LIST_LIMIT == len(body["assignments_given"])
        assert body["counts"]["documents"] == 300 == body["counts"]["assignments_given"]
        assert [d["label"] for d in body["documents"][:2]] == ["Beslut 000", "Beslut 001"]
        res = get(c, "/api/v1/queries/assignment-chain", limit=10000)
        assert len(res["rows"]) == 300
        assert time.perf_counter() - t < 20
    executor.close()


def test_list_is_computed_once_per_store_generation(tmp_path):
    """On a local store a collection's ordered list is kept until the store's generation changes."""
    import asyncio

    from styrgraf.api.analyst import Analyst
    from styrgraf.store import bump_generation

    st = _repeated_store(3)
    inner = QueryExecutor.in_process(st)
    calls: list[str] = []

    class Counting:
        isolated = True

        async def select_result(self, text, row_cap=None):
            calls.append(text)
            return await inner.select_result(text, row_cap=row_cap)

    api = Analyst(SimpleNamespace(executor=Counting(), base=B, store_path=tmp_path))

    async def pages():
        return [await api.page("documents", {}, 2, off) for off in (0, 2)]
    first = asyncio.run(pages())
    assert [t for _, t in first] == [3, 3]
    assert [d["title"] for d in first[0][0] + first[1][0]] == ["Beslut 000", "Beslut 001", "Beslut 002"]
    lists = [t for t in calls if "?iri a sg:Document ." in t and "VALUES ?iri" not in t]
    assert len(lists) == 1                                   # both pages from one ordered list
    bump_generation(tmp_path)                                # a write: the list is computed again
    asyncio.run(pages())
    lists = [t for t in calls if "?iri a sg:Document ." in t and "VALUES ?iri" not in t]
    assert len(lists) == 2
    inner.close()
