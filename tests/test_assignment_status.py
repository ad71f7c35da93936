"""Follow an assignment from decision to report: its status as of a day, its history, and the
analyst API's status filter, over documents ingested through the CLI and served over HTTP."""
from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from icalendar import Calendar

from conftest import run_cli
from server import running_server

ORIGINAL = """# Uppdrag att kartlägga tillgången till simundervisning

Regeringen uppdrar åt Statens skolverk att kartlägga tillgången till simundervisning i grundskolan och föreslå åtgärder för att fler elever ska nå kunskapskraven i simning.

Uppdraget ska redovisas till Regeringskansliet (Utbildningsdepartementet) senast den 31 mars 2024.
"""
CHANGE = """# Ändring av uppdraget att kartlägga tillgången till simundervisning

Regeringen beslutade den 15 juni 2023 att ge Statens skolverk i uppdrag att kartlägga tillgången till simundervisning i grundskolan (U2023/01234).

Uppdragstiden förlängs. Statens skolverk ska i stället redovisa uppdraget till Regeringskansliet (Utbildningsdepartementet) senast den 30 september 2024.
"""
PARTIAL = """# Delredovisning av uppdrag att kartlägga tillgången till simundervisning

Datum: 2024-04-10

Statens skolverk delredovisar härmed regeringens uppdrag att kartlägga tillgången till simundervisning i grundskolan.
"""
FINAL = """# Redovisning av uppdrag att kartlägga tillgången till simundervisning

Datum: 2024-09-20

Statens skolverk redovisar härmed regeringens uppdrag att kartlägga tillgången till simundervisning i grundskolan.
"""
# another assignment of the same agency, never reported: overdue once its day has passed
OTHER = """# Uppdrag att följa upp lärarlegitimationen

Regeringen uppdrar åt Statens skolverk att följa upp hur reformen om lärarlegitimation har genomförts i kommunerna.

Uppdraget ska redovisas till Regeringskansliet (Utbildningsdepartementet) senast den 1 februari 2024.
"""
SWIM = "uppdrag-att-kartlagga-tillgangen-till-simundervisning"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("chain")
    files = {"uppdrag.md": ORIGINAL, "andring.md": CHANGE, "delredovisning.md": PARTIAL,
             "redovisning.md": FINAL, "legitimation.md": OTHER}
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    store = tmp / "store"
    # the reports and the change first: what links them must not depend on the order
    run_cli("ingest", tmp / "redovisning.md", tmp / "delredovisning.md", tmp / "andring.md", "--store", store)
    run_cli("ingest", tmp / "uppdrag.md", tmp / "legitimation.md", "--store", store)
    with running_server(store) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client


def states(client, as_of: str) -> dict[str, str]:
    r = client.get("/api/v1/queries/assignment-status", params={"as_of": as_of})
    assert r.status_code == 200, r.text
    cols = r.json()["columns"]
    return {row[cols.index("assignment")].rsplit("/", 1)[-1]: row[cols.index("state")] for row in r.json()["rows"]}


@pytest.mark.parametrize("as_of, swim, other", [
    ("2023-08-01", "open", "open"),                 # both deadlines more than 90 days ahead
    ("2024-01-15", "open", "due"),                  # 2024-02-01 is near; the moved 2024-09-30 is not yet
    ("2024-02-15", "open", "overdue"),              # the first passed with no report
    ("2024-05-01", "partly reported", "overdue"),   # a delredovisning, the moved deadline ahead
    ("2024-09-25", "reported", "overdue"),
])
def test_status_as_of_a_day(served, as_of, swim, other):
    got = states(served, as_of)
    assert got == {SWIM: swim, "uppdrag-att-folja-upp-lararlegitimationen": other}


def test_the_deadline_as_first_set_and_as_changed(served):
    r = served.get("/api/v1/queries/assignment-status", params={"as_of": "2024-01-15", "assignment":
                   f"https://w3id.org/styrgraf/id/assignment/{SWIM}"})
    cols, [row] = r.json()["columns"], r.json()["rows"]
    rec = dict(zip(cols, row))
    assert rec["first_deadline"] == "2024-03-31" and rec["deadline"] == "2024-09-30"
    assert rec["changed_by"] == "https://w3id.org/styrgraf/id/doc/andring"


def test_history_of_an_assignment(served):
    r = served.get(f"/api/v1/assignments/{SWIM}/history")
    assert r.status_code == 200, r.text
    cols = r.json()["columns"]
    events = [(row[cols.index("date")], row[cols.index("event")], row[cols.index("document")].rsplit("/", 1)[-1])
              for row in r.json()["rows"]]
    assert events == [(None, "changed", "andring"), ("2024-03-31", "deadline", "uppdrag"),
                      ("2024-04-10", "partly reported", "delredovisning"), ("2024-09-20", "reported", "redovisning"),
                      ("2024-09-30", "deadline changed", "andring")]
    csv = served.get(f"/api/v1/assignments/{SWIM}/history", headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0] == "date,event,document,document_title,detail,confidence"
    assert served.get("/api/v1/assignments/no-such-assignment/history").status_code == 404


def test_the_list_of_assignments_filtered_by_status(served):
    def titles(**params):
        r = served.get("/api/v1/assignments", params=params)
        assert r.status_code == 200, r.text
        return [i["title"] for i in r.json()["items"]]
    assert titles(status="overdue", as_of="2024-05-01") == ["Uppdrag att följa upp lärarlegitimationen"]
    assert titles(status="partly reported", as_of="2024-05-01") == [
        "Uppdrag att kartlägga tillgången till simundervisning"]
    assert titles(status="due", as_of="2024-01-15") == ["Uppdrag att följa upp lärarlegitimationen"]
    assert titles(status="due", as_of="2024-01-15", within=10) == []       # 17 days ahead
    assert titles(status="overdue", as_of="2024-05-01", body="Statens skolverk") == [
        "Uppdrag att följa upp lärarlegitimationen"]
    assert served.get("/api/v1/assignments", params={"status": "late"}).status_code == 400
    assert served.get("/api/v1/assignments", params={"as_of": "2024-05-01"}).status_code == 400
    assert served.get("/api/v1/documents", params={"status": "overdue"}).status_code == 400


def test_a_bodys_coming_deadlines_as_a_calendar(tmp_path):
    # deadlines relative to today, since the feed is of what is coming
    soon, later, past = (date.today() + timedelta(days=d) for d in (20, 200, -20))
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
              "november", "december"]

    def day(d):
        return f"{d.day} {months[d.month - 1]} {d.year}"
    texts = {
        "a.md": f"# Uppdrag att kartlägga simkunnigheten\n\nRegeringen uppdrar åt Statens skolverk att kartlägga "
                f"simkunnigheten bland elever i årskurs 6.\n\nUppdraget ska redovisas senast den {day(soon)}.\n",
        "b.md": f"# Uppdrag att följa upp läsfrämjande insatser\n\nRegeringen uppdrar åt Statens skolverk att följa "
                f"upp de läsfrämjande insatserna i förskolan.\n\nUppdraget ska redovisas senast den {day(later)}.\n",
        "c.md": f"# Uppdrag att utvärdera lärarlyftet\n\nRegeringen uppdrar åt Statens skolverk att utvärdera "
                f"lärarlyftet.\n\nUppdraget ska redovisas senast den {day(past)}.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", *sorted(tmp_path.glob("*.md")), "--store", store)
    with running_server(store) as base:
        r = httpx.get(base + "api/v1/bodies/statens-skolverk/deadlines.ics", timeout=60)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/calendar")
        cal = Calendar.from_ical(r.content)
        events = sorted((e.decoded("dtstart"), str(e.get("summary")), str(e.get("uid"))) for e in cal.walk("VEVENT"))
        assert [(d, s) for d, s, _ in events] == [
            (soon, "Redovisning: Uppdrag att kartlägga simkunnigheten"),
            (later, "Redovisning: Uppdrag att följa upp läsfrämjande insatser")]   # not the past one
        assert all(uid.startswith("https://w3id.org/styrgraf/id/assignment/") for *_, uid in events)
        assert str(cal.get("version")) == "2.0" and cal.get("prodid")
        assert httpx.get(base + "api/v1/bodies/no-such-body/deadlines.ics", timeout=60).status_code == 404


# a committee's directive and two tilläggsdirektiv (after dir. 2022:86): each restates the dates set
# before it, and only the date the deadline moves to is a change
DIRECTIVE = """# Säkerheten i simhallarna ska förbättras

En särskild utredare ska lämna förslag till åtgärder för att förbättra säkerheten i kommunala simhallar.

Uppdraget ska redovisas senast den 31 augusti 2023.
"""
FIRST_SUPPLEMENT = """# Tilläggsdirektiv till Utredningen om säkerheten i simhallarna

Regeringen beslutade den 22 juni 2022 att ge en särskild utredare i uppdrag att lämna förslag till åtgärder för att förbättra säkerheten i kommunala simhallar (dir. 2022:91). Enligt direktiven skulle uppdraget redovisas senast den 31 augusti 2023.

Utredningstiden förlängs. Uppdraget ska i stället redovisas senast den 29 februari 2024. Uppdraget att föreslå en tillsynsordning ska delredovisas senast den 15 juni 2023.
"""
SECOND_SUPPLEMENT = """# Tilläggsdirektiv till Utredningen om säkerheten i simhallarna

Regeringen beslutade den 22 juni 2022 att ge en särskild utredare i uppdrag att lämna förslag till åtgärder för att förbättra säkerheten i kommunala simhallar (dir. 2022:91). Uppdraget skulle redovisas senast den 31 augusti 2023. Genom tilläggsdirektiv förlängdes tiden till den 29 februari 2024, och en delredovisning skulle lämnas senast den 15 juni 2023.

Utredningstiden förlängs. Uppdraget ska i stället redovisas senast den 20 december 2024.
"""


def test_a_supplement_that_restates_the_dates_in_force_changes_no_deadline(tmp_path):
    import pyoxigraph as ox
    from styrgraf.api.named_queries import bind, registry
    from styrgraf.iris import doc_id, graph_iri
    from styrgraf.vocab import NAMESPACE, SG

    texts = {"simhallar.md": DIRECTIVE, "tillagg-1.md": FIRST_SUPPLEMENT, "tillagg-2.md": SECOND_SUPPLEMENT}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_cli("ingest", *(tmp_path / n for n in texts), "--store", store)
    st = ox.Store.read_only(str(store))
    graph = graph_iri(NAMESPACE, doc_id("simhallar.md"))
    [a] = [r["a"].value for r in st.query(f"SELECT ?a WHERE {{ GRAPH <{graph}> {{ ?a a <{SG}Assignment> }} }}")]
    rows = st.query(bind(registry()["assignment-history"], {"assignment": a}))
    moved = sorted((r["date"].value, r["document"].value.rsplit("/", 1)[-1]) for r in rows
                   if r["event"].value == "deadline changed")
    # (the first restates 31 August 2023; the second restates it, 29 February 2024 and 15 June 2023)
    assert moved == [("2023-06-15", "tillagg-1"), ("2024-02-29", "tillagg-1"), ("2024-12-20", "tillagg-2")]
    changes = {r["document"].value.rsplit("/", 1)[-1] for r in st.query(bind(registry()["assignment-history"], {"assignment": a}))
               if r["event"].value == "supplemented"}
    assert changes == {"tillagg-1", "tillagg-2"}
