"""Links between documents: a change of an assignment, a supplementary directive, linked to the
decision they change, whatever order the documents are ingested in, and gone with either."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import run_cli
from styrgraf.ingest.pipeline import extract_text

ORIGINAL = """# Uppdrag att inrätta ett innovationskluster för flytande biogas

Regeringen uppdrar åt Statens energimyndighet att, i syfte att främja omställningen till fossilfrihet för tunga transporter, utlysa medel för utveckling och användning av flytande biogas i kombination med inrättandet av ett innovationskluster för flytande biogas.

Satsningen ska verka för demonstration, tillämpning och spridning av teknik för produktion av flytande biogas. I arbetet bör Statens energimyndighet verka för synergier med andra nationella satsningar.

Slutredovisning av uppdraget ska lämnas till Regeringskansliet (Näringsdepartementet) senast den 31 mars 2022.
"""
# another decision of the same year, to the same agency, on another subject: must not be linked
OTHER = """# Uppdrag att främja laddinfrastruktur för tunga fordon

Regeringen uppdrar åt Statens energimyndighet att främja utbyggnaden av laddinfrastruktur för tunga fordon längs de största transportlederna.
"""
CHANGE = """# Ändring av uppdraget att inrätta ett innovationskluster för flytande biogas

Med ändring av regeringens beslut den 9 maj 2018 om uppdrag att inrätta ett innovationskluster för flytande biogas (dnr N2018/02934/FÖF) beräknar regeringen avsätta 105 miljoner kronor 2021.

Regeringen beslutade den 9 maj 2018 att uppdra åt Statens energimyndighet att utlysa medel för utveckling och användning av flytande biogas.
"""
DIRECTIVE = """# Översyn av begravningslagstiftningen

En särskild utredare ska se över vissa frågor på begravningsområdet i syfte att utveckla en flexibel och modern begravningslagstiftning. Utredaren ska särskilt analysera avgiftssystemet.

Uppdraget ska redovisas senast den 30 juni 2013.
"""
SUPPLEMENT = """# Tilläggsdirektiv till Begravningsmetodsutredningen

Regeringen beslutade den 29 november 2012 att ge en särskild utredare i uppdrag att se över vissa frågor på begravningsområdet (dir. 2012:118) i syfte att utveckla en flexibel och modern begravningslagstiftning.

Utredningstiden förlängs och uppdraget ska redovisas senast den 31 december 2013.
"""
SG = "https://w3id.org/styrgraf/ns#"
CITO = "http://purl.org/spar/cito/"


def citations(text: str, name: str = "x.md"):
    _, ex, _ = extract_text(text, name, "text/markdown")
    return ex.citations


def test_a_change_cites_the_decision_it_changes():
    [c] = citations(CHANGE)
    assert c.relation == "amends"
    assert c.decided_on == "2018-05-09"
    assert c.diarienummer == ["N2018/02934/FÖF"]
    assert "uppdrag att inrätta ett innovationskluster för flytande biogas" in c.subjects


def test_a_supplementary_directive_cites_its_directive():
    [c] = citations(SUPPLEMENT)
    assert c.relation == "supplements"
    assert c.decided_on == "2012-11-29"
    assert [n.lower() for n in c.diarienummer] == ["dir. 2012:118"]   # build spells it "Dir."
    assert any(s.startswith("se över vissa frågor på begravningsområdet") for s in c.subjects)


@pytest.mark.parametrize("lead, subject, number", [
    ("Regeringen uppdrar åt Statens skolverk att inom ramen för satsningen Fjällskolelyftet (U2030/0412/S) erbjuda "
     "lärare fortbildning i samiska.", "satsningen Fjällskolelyftet", "U2030/0412/S"),
    ("Regeringen uppdrar åt Sametinget att inom ramen för uppdraget om språkcentrum i fjällen (dnr Ku2030/00877) "
     "anordna sommarkurser.", "uppdraget om språkcentrum i fjällen", "Ku2030/00877"),
])
def test_an_addition_cites_the_decision_its_new_task_is_given_within(lead, subject, number):
    """A Tilläggsuppdrag that names no decision by its day names the one its new task is given within, with its
    diarienummer: "inom ramen för satsningen X (U2030/0412/S)"."""
    [c] = citations(f"# Tilläggsuppdrag om sommarkurser i fjällen\n\n{lead}\n")
    assert c.relation == "supplements"
    assert subject in c.subjects
    assert c.diarienummer == [number]


def test_a_task_within_a_decision_named_without_its_number_is_no_citation_of_it():
    [c] = citations("# Tilläggsuppdrag om sommarkurser i fjällen\n\nRegeringen uppdrar åt Sametinget att inom ramen "
                    "för uppdraget om språkcentrum anordna sommarkurser.\n")
    assert c.subjects == ["sommarkurser i fjällen"] and c.diarienummer == []


@pytest.mark.parametrize("text", [ORIGINAL, OTHER, DIRECTIVE,
                                  "# Ändringar i förordningen om statsbidrag\n\nRegeringen ändrar förordningen.\n"])
def test_a_decision_that_changes_nothing_cites_nothing(text):
    assert citations(text) == []


def links(store) -> list[tuple[str, str, str, str]]:
    st = ox.Store.read_only(str(store))
    rows = st.query(f"""SELECT ?from ?rel ?to ?confidence WHERE {{
        ?c <{CITO}hasCitingEntity> ?from ; <{CITO}hasCitedEntity> ?to ; <{SG}confidence> ?confidence .
        ?from ?rel ?to . FILTER(?rel IN (<{SG}amends>, <{SG}supplements>)) }}""")
    return sorted((r["from"].value.rsplit("/", 1)[-1], r["rel"].value.rsplit("#", 1)[-1],
                   r["to"].value.rsplit("/", 1)[-1], r["confidence"].value) for r in rows)


@pytest.mark.parametrize("change_first", [True, False])
def test_links_do_not_depend_on_the_order_of_ingest(tmp_path, change_first):
    files = {"biogas.md": ORIGINAL, "laddning.md": OTHER, "andring-biogas.md": CHANGE,
             "begravning.md": DIRECTIVE, "tillaggsdirektiv-begravning.md": SUPPLEMENT}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    changes = [tmp_path / "andring-biogas.md", tmp_path / "tillaggsdirektiv-begravning.md"]
    decisions = [tmp_path / "biogas.md", tmp_path / "laddning.md", tmp_path / "begravning.md"]
    for batch in ((changes, decisions) if change_first else (decisions, changes)):
        run_cli("ingest", *batch, "--store", store)
    found = links(store)
    assert [(a, rel, b) for a, rel, b, _ in found] == [
        ("andring-biogas", "amends", "biogas"), ("tillaggsdirektiv-begravning", "supplements", "begravning")]
    assert all(0.6 <= float(conf) <= 1.0 for *_, conf in found)
    # the default graph a researcher queries holds each link once
    st = ox.Store.read_only(str(store))
    assert len(list(st.quads_for_pattern(None, ox.NamedNode(SG + "amends"), None, ox.DefaultGraph()))) == 1

    run_cli("remove", "biogas.md", "--store", store)
    assert [(a, rel, b) for a, rel, b, _ in links(store)] == [
        ("tillaggsdirektiv-begravning", "supplements", "begravning")]
    st = ox.Store.read_only(str(store))
    assert not list(st.quads_for_pattern(None, ox.NamedNode(SG + "amends"), None, None))


def test_an_addition_within_a_named_decision_is_linked_to_it_and_a_change_holds_its_new_report_date(tmp_path):
    """ "Tilläggsuppdrag om …" whose title words name its decision too weakly is linked by the decision its task is
    given within ("inom ramen för programmet Fjällskolelyftet (U2030/0412/S)"); a change that names no assignee but
    sets a report date ("Regeringen beslutar att ändra tidigare uppdrag …") holds that date in its own graph, where
    the history of the assignment it is linked to reads it."""
    files = {
        "fjallskolelyftet.md": "# Uppdrag till Statens skolverk att svara för Fjällskolelyftet\n\nRegeringen uppdrar åt "
                               "Statens skolverk att svara för programmet Fjällskolelyftet för lärare i fjällens "
                               "skolor. Programmet ska pågå 2030–2032.\n",
        "tillagg.md": "# Tilläggsuppdrag om samiska inom Fjällskolelyftet\n\nRegeringen uppdrar åt Statens skolverk att "
                      "inom ramen för programmet Fjällskolelyftet (U2030/0412/S) erbjuda lärare fortbildning i "
                      "samiska.\n",
        "rastplatser.md": ORIGINAL.replace("inrätta ett innovationskluster för flytande biogas", "kartlägga fjällens "
                                           "rastplatser och vindskydd"),
        "andring-rastplatser.md": "# Ändring av uppdrag att kartlägga fjällens rastplatser och vindskydd\n\nRegeringen "
                                  "beslutar att ändra tidigare uppdrag att kartlägga fjällens rastplatser och vindskydd. "
                                  "Slutlig redovisning av uppdraget ska ske till Näringsdepartementet senast den 30 "
                                  "november 2022.\n",
        "laddning.md": OTHER}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", *(tmp_path / name for name in files), "--store", store)
    assert [(a, rel, b) for a, rel, b, _ in links(store)] == [
        ("andring-rastplatser", "amends", "rastplatser"), ("tillagg", "supplements", "fjallskolelyftet")]
    st = ox.Store.read_only(str(store))
    dues = st.query(f"""SELECT ?due WHERE {{ GRAPH ?g {{ ?doc <{SG}amends> ?x . }}
        GRAPH ?h {{ ?doc a <{SG}Document> . ?a a <{SG}Assignment> ; <{SG}reportDue> ?due }} }}""")
    assert [r["due"].value for r in dues] == ["2022-11-30"]


def test_a_change_of_an_assignment_is_linked_to_the_government_decision_that_gave_the_task_in_other_words(tmp_path):
    """A decision of the government that gives an agency its task without the word "uppdrag" ("Regeringen beslutar
    vidare att Arbetsförmedlingen ska bedriva verksamheten …") is read as a regeringsbeslut, and a change of that
    assignment is linked to it as to an assignment."""
    files = {
        "fjallbruket.md": "# Projekt inom ramen för omställningsfonden – Fjällbruket AB\n\nRegeringen beslutar att den "
                          "verksamhet som ska bedrivas med medel ur omställningsfonden för Fjällbruket AB ska bedrivas i "
                          "form av ett arbetsmarknadspolitiskt projekt.\n\nRegeringen beslutar vidare att "
                          "Arbetsförmedlingen ska bedriva verksamheten för de uppsagda från Fjällbruket AB och dess "
                          "underleverantörer.\n",
        "andring-fjallbruket.md": "# Ändring av uppdrag till Arbetsförmedlingen om projekt inom ramen för "
                                  "omställningsfonden – Fjällbruket AB\n\nRegeringen har i beslut den 3 maj 2030 angett "
                                  "villkor för Arbetsförmedlingens hantering av verksamheten. Regeringen beslutar att "
                                  "villkoren ändras så att även utbildning i fjällturism får ingå i projektet.\n",
        "laddning.md": OTHER, "biogas.md": ORIGINAL}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", *(tmp_path / name for name in files), "--store", store)
    assert [(a, rel, b) for a, rel, b, _ in links(store)] == [("andring-fjallbruket", "amends", "fjallbruket")]


def test_a_citation_no_document_answers_is_not_linked(tmp_path):
    (tmp_path / "andring-biogas.md").write_text(CHANGE, encoding="utf-8")
    (tmp_path / "laddning.md").write_text(OTHER, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", tmp_path / "andring-biogas.md", tmp_path / "laddning.md", "--store", store)
    assert links(store) == []


# a remiss page and answers to it (invented): one that gives the remiss' number, one that names the paper
REMISS_PAGE = """# Remiss av promemorian Bättre villkor för cykelpendling (Ds 2031:4)

Här kan du ta del av till vilka instanser som regeringen har remitterat promemorian Bättre villkor för cykelpendling.

Remissvaren ska ha kommit in till Infrastrukturdepartementet senast den 15 mars 2031.

## Remissinstanser

1. Trafikverket
2. Transportstyrelsen
3. Malmö kommun

Remissinstanserna ombeds att ange diarienummer I2031/00412 i sitt svar.
"""
OTHER_REMISS = """# Remiss av promemorian Nya regler för färdtjänst (Ds 2031:9)

Här kan du ta del av till vilka instanser som regeringen har remitterat promemorian Nya regler för färdtjänst.

Remissvaren ska ha kommit in till Infrastrukturdepartementet senast den 1 april 2031.

## Remissinstanser

1. Trafikverket
2. Malmö kommun
"""
ANSWER_BY_NUMBER = """Yttrande
2031-03-01
Dnr TRV 2031/220

Infrastrukturdepartementet

Remiss av promemorian Bättre villkor för cykelpendling (Ds 2031:4)
Ert dnr I2031/00412

Trafikverket har beretts tillfälle att yttra sig över rubricerad promemoria och lämnar följande synpunkter.

Trafikverket tillstyrker förslaget om statligt stöd till cykelparkeringar vid stationer.
"""
ANSWER_BY_WORDS = """Yttrande
2031-03-10

Infrastrukturdepartementet

Yttrande över promemorian Bättre villkor för cykelpendling

Transportstyrelsen har beretts tillfälle att yttra sig över promemorian Bättre villkor för cykelpendling och har inga synpunkter.
"""


def answer_links(store) -> list[tuple[str, str, str]]:
    st = ox.Store.read_only(str(store))
    rows = st.query(f"""SELECT ?from ?to ?confidence (GROUP_CONCAT(?q; separator=" | ") AS ?quote) WHERE {{
        ?l a <{SG}AnswerLink> ; <{CITO}hasCitingEntity> ?a ; <{CITO}hasCitedEntity> ?r ;
           <{CITO}hasCitationCharacterization> <{SG}answers> ; <{SG}confidence> ?confidence ; <{SG}evidence>/<{SG}quote> ?q .
        ?a <{SG}answers> ?r . ?from <{SG}answers> ?to . ?from a <{SG}Document> .
        GRAPH ?ga {{ ?a a <{SG}Consultation> . ?from a <{SG}Document> }} GRAPH ?gr {{ ?r a <{SG}Consultation> . ?to a <{SG}Document> }} }} GROUP BY ?from ?to ?confidence""")
    return sorted((r["from"].value.rsplit("/", 1)[-1], r["to"].value.rsplit("/", 1)[-1], r["confidence"].value,
                   r["quote"].value) for r in rows)


def test_an_answer_is_linked_to_the_remiss_it_answers_and_goes_with_it(tmp_path):
    files = {"remiss-cykel.md": REMISS_PAGE, "remiss-fardtjanst.md": OTHER_REMISS,
             "svar-trafikverket.txt": ANSWER_BY_NUMBER, "svar-transportstyrelsen.txt": ANSWER_BY_WORDS}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", tmp_path / "svar-trafikverket.txt", tmp_path / "svar-transportstyrelsen.txt", "--store", store)
    assert answer_links(store) == []          # the remiss is not stored yet
    run_cli("ingest", tmp_path / "remiss-cykel.md", tmp_path / "remiss-fardtjanst.md", "--store", store)
    found = answer_links(store)
    assert [(a, b) for a, b, _, _ in found] == [("svar-trafikverket", "remiss-cykel"),
                                                ("svar-transportstyrelsen", "remiss-cykel")]
    by_number, by_words = found
    assert float(by_number[2]) == 1.0 and "I2031/00412" in by_number[3]
    assert 0.6 <= float(by_words[2]) < 1 and "Bättre villkor för cykelpendling" in by_words[3]
    run_cli("remove", "remiss-cykel.md", "--store", store)
    assert answer_links(store) == []


# a committee's reports (invented) on the directive above: the delbetänkande names its directive and its
# tilläggsdirektiv by number, and two directives that are not its own
INTERIM = """# Begravningar i en ny tid - Delbetänkande av Begravningsmetodsutredningen

Regeringen beslutade den 29 november 2012 att tillkalla en särskild utredare med uppdrag att utreda hur gravsättning kan ske i framtiden (dir. 2012:118). Regeringen har också beslutat om ett tilläggsdirektiv till utredningen (dir. 2013:40). Utredningen har antagit namnet Begravningsmetodsutredningen.

Utredningen skulle bedrivas parallellt med översynen av kyrkogårdsförvaltningen (dir. 2012:77). Utredningen har beaktat kommittédirektiv 1994:23 om regionalpolitiska konsekvenser.

Utredningen överlämnar härmed delbetänkandet Begravningar i en ny tid (SOU 2013:50).
"""
FINAL_REPORT = """# Nya former för gravsättning

Enligt direktiven (dir. 2012:118) ska utredningen lämna förslag om nya metoder för gravsättning.

Utredningen överlämnar härmed slutbetänkandet Nya former för gravsättning (SOU 2014:11). I betänkandet föreslår utredningen att askan får spridas över havet.
"""


def test_a_committee_report_cites_its_own_directives_only():
    [c] = citations(INTERIM)
    assert c.relation == "reportsOn"
    assert [n.lower() for n in c.diarienummer] == ["dir. 2012:118", "dir. 2013:40"]
    assert c.decided_on == "2012-11-29"
    assert c.partial
    assert any(s.startswith("utreda hur gravsättning kan ske") for s in c.subjects)
    [c] = citations(FINAL_REPORT)
    assert [n.lower() for n in c.diarienummer] == ["dir. 2012:118"] and not c.partial


def test_a_report_is_linked_to_its_directive_by_the_number_a_supplementary_directive_gives_it(tmp_path):
    # the reports tell of the remit in other words than the directive: only the number tells which it is
    files = {"begravning.md": DIRECTIVE, "tillaggsdirektiv-begravning.md": SUPPLEMENT, "delbetankande.md": INTERIM,
             "slutbetankande.md": FINAL_REPORT}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", *(tmp_path / n for n in files), "--store", store)
    st = ox.Store.read_only(str(store))
    rows = st.query(f"""SELECT ?report ?to ?partial WHERE {{
        ?c <{CITO}hasCitingEntity> ?report ; <{CITO}hasCitationCharacterization> <{SG}reportsOn> ; <{CITO}hasCitedEntity> ?to .
        OPTIONAL {{ ?c <{SG}partial> ?partial }} }}""")
    assert sorted((r["report"].value.rsplit("/", 1)[-1], r["to"].value.rsplit("/", 1)[-1],
                   r["partial"] is not None) for r in rows) == [
        ("delbetankande", "begravning", True), ("slutbetankande", "begravning", False)]
    reports = {r["report"].value.rsplit("/", 1)[-1] for r in st.query(
        f"SELECT ?report WHERE {{ ?report <{SG}reportsOn> ?a . GRAPH ?g {{ ?a a <{SG}Assignment> . ?d a <{SG}Document> }} }}")}
    assert reports == {"delbetankande", "slutbetankande"}
    # the directive's assignment, as of days around the reports, which give only their years (SOU 2013:50, 2014:11)
    from styrgraf.api.named_queries import bind, registry
    [a] = {r["a"].value for r in st.query(f"SELECT ?a WHERE {{ ?r <{SG}reportsOn> ?a }}")}
    history = {(r["event"].value, r["document"].value.rsplit("/", 1)[-1])
               for r in st.query(bind(registry()["assignment-history"], {"assignment": a}))}
    assert {("partly reported", "delbetankande"), ("reported", "slutbetankande")} <= history
    status = registry()["assignment-status"]
    assert [r["state"].value for day in ("2013-10-01", "2014-02-01", "2015-01-10")
            for r in st.query(bind(status, {"as_of": day, "assignment": [a]}))] == ["open", "overdue", "reported"]

    # without the supplementary directive nothing in the store tells the directive's number, and the
    # report's words for the remit are not the directive's
    run_cli("remove", "tillaggsdirektiv-begravning.md", "--store", store)
    st = ox.Store.read_only(str(store))
    assert not list(st.query(f"SELECT ?r WHERE {{ ?r <{SG}reportsOn> ?a }}"))


# a page that names a directive by its number is a later page that tells of it, never that directive
def test_a_page_that_names_the_directive_cited_is_not_that_directive():
    from styrgraf.links import SG as NS, Cited, Matcher, Target

    head = ("En särskild utredare ska se över vissa frågor på begravningsområdet i syfte att utveckla en flexibel "
            "och modern begravningslagstiftning.")
    directive = Target("d", "kommittédirektiv", "Översyn av begravningslagstiftningen", head)
    told = Target("t", "kommittédirektiv", "Översyn av begravningslagstiftningen",
                  "Regeringen beslutade den 29 november 2012 att ge en särskild utredare i uppdrag att se över vissa "
                  "frågor på begravningsområdet i syfte att utveckla en flexibel och modern begravningslagstiftning "
                  "(dir. 2012:118).")
    others = [Target(f"o{i}", "kommittédirektiv", title, title) for i, title in enumerate(
        ["Ett nationellt biljettsystem för all kollektivtrafik", "Säkerheten i skolan ska förbättras",
         "En ny postlag", "Flexibel skolstart i grundskolan", "Översyn av strandskyddet"])]
    cite = Cited("c", "s", NS + "supplements", kind="kommittédirektiv", numbers={"dir2012:118"},
                 subjects={"se över vissa frågor på begravningsområdet i syfte att utveckla en flexibel och modern "
                           "begravningslagstiftning"})
    assert told.cites == {"dir2012:118"} and not directive.cites
    found = Matcher([directive, told, *others]).match(cite)
    assert found and found[0].iri == "d"
    # the same page without the number could be either: nothing is linked
    told.cites = set()
    assert Matcher([directive, told, *others]).match(cite) is None


# a change that tells of a same-day change of another body's decision, which it does not change
OTHER_BODY = """# Ändring av uppdrag till Arbetsförmedlingen i fråga om projekt inom ramen för Europeiska globaliseringsfonden

Regeringen har i beslut den 14 juni 2012 angett villkor för Arbetsförmedlingens hantering av verksamheten.

Regeringen har denna dag ändrat sitt beslut av den 30 augusti 2012 om uppdrag åt Statens skolverk om utbildning för vissa uppsagda personer inom fordonsindustrin (U2012/4420/GV) på så sätt att Skolverket inte längre ska anordna denna utbildning.
"""


def test_a_change_does_not_cite_another_bodys_decision_it_tells_of():
    [c] = citations(OTHER_BODY)
    assert c.diarienummer == [] and c.decided_on != "2012-08-30"
    assert not any("Statens skolverk" in s for s in c.subjects)


# a change that restates another report date than a same-titled decision sets: not a change of that decision
LATER_DECISION = """# Uppdrag att fördela och betala ut medel för att öka antalet tjänster för allmäntjänstgöring

Regeringen ger Socialstyrelsen i uppdrag att fördela och betala ut medel för att öka antalet tjänster för allmäntjänstgöring.

Socialstyrelsen ska senast den 28 februari 2025 lämna en slutredovisning av uppdraget till Regeringskansliet (Socialdepartementet).
"""
EARLIER_CHANGE = """# Ändring av uppdraget att fördela och betala ut medel för att öka antalet tjänster för allmäntjänstgöring

Regeringen ändrar uppdraget till Socialstyrelsen att fördela och betala ut medel för att öka antalet tjänster för allmäntjänstgöring.

Uppdragstiden ligger fast. Uppdraget ska alltså redovisas senast den 29 februari 2024.
"""


def test_a_change_is_not_linked_to_a_decision_whose_dates_are_not_those_it_restates(tmp_path):
    for name, text in {"at-2024.md": LATER_DECISION, "andring-at.md": EARLIER_CHANGE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", tmp_path / "at-2024.md", tmp_path / "andring-at.md", "--store", store)
    assert links(store) == []
    # the same change, restating the date that decision sets, is one of it
    (tmp_path / "andring-at.md").write_text(EARLIER_CHANGE.replace("29 februari 2024", "28 februari 2025"), encoding="utf-8")
    run_cli("ingest", tmp_path / "andring-at.md", "--store", store)
    assert [(a, b) for a, _, b, _ in links(store)] == [("andring-at", "at-2024")]


def test_a_committee_report_that_names_its_directive_only_by_number_is_stored(tmp_path):
    """A standing committee's report gives no remit of a decision, only its directive's number ("(M 1992:A
    Rådet för strålfrågor. Dir. 2031:18)"): its citation names the decision by that number, and the page is stored."""
    page = tmp_path / "2032_03_sou-20327.md"
    page.write_text("# Kunskapsläget om strålning 2032\n\nRådet för strålfrågor har lämnat sitt betänkande Kunskapsläget "
                    "om strålning 2032 till regeringen.\n\nRådet för strålfrågor är en kommitté som har i uppdrag att ge "
                    "regeringen råd i frågor om strålning (M 1992:A Rådet för strålfrågor. Dir. 2031:18). Vartannat år "
                    "ger rådet sin bedömning av kunskapsläget.\n", encoding="utf-8")
    out = run_cli("ingest", page, "--store", tmp_path / "store")
    assert "1 stored, 0 unchanged, 0 failed" in out.stdout + out.stderr
