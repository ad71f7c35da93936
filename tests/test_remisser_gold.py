"""The remisser of eval/remisser.toml: remiss documents and the answers to them in the shared
corpora, read by hand (who was invited, who answered with which stance, the deadline, the status
a reader gives as of three days). Ingested through the CLI into a fresh store and served; each is
checked through the API's /api/v1/consultations/{id}/respondents."""
from __future__ import annotations

import tomllib
from pathlib import Path

import httpx
import pytest

from conftest import run_cli
from server import running_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = tomllib.loads((ROOT / "eval" / "remisser.toml").read_text(encoding="utf-8"))["remiss"]
# measured: 47 of the 47 checks
FLOOR = 47

pytestmark = pytest.mark.skipif(not (SHARED / "corpus-regeringen-full").exists(), reason="needs ../shared")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = tmp_path_factory.mktemp("remisser") / "store"
    files = sorted({SHARED / d for r in GOLD for d in r["documents"]})
    run_cli("ingest", *files, "--store", store)
    with running_server(store) as base:
        with httpx.Client(base_url=base, timeout=60) as c:
            yield c


def consultation_of(client, remiss) -> str | None:
    """The id of the remiss the gold names: in its document, about its paper (from the store, by SPARQL)."""
    doc = Path(remiss["documents"][0]).stem.lower().replace("_", "-")
    r = client.post("/sparql", data={"query": """PREFIX sg: <https://w3id.org/styrgraf/ns#>
        PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?c ?t WHERE { ?c a sg:Consultation ; sg:kind <https://w3id.org/styrgraf/kind/consultation/remiss> ;
                                   sg:consultedOn/dct:title ?t }"""},
                    headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    for b in r.json()["results"]["bindings"]:
        ident = b["c"]["value"].rsplit("/", 1)[-1]
        if ident.startswith(doc[:20]) and remiss["subject"].lower() in b["t"]["value"].lower():
            return ident
    return None


def rows(client, ident: str, as_of: str) -> list[dict]:
    r = client.get(f"/api/v1/consultations/{ident}/respondents", params={"as_of": as_of})
    assert r.status_code == 200, r.text
    cols = r.json()["columns"]
    return [dict(zip(cols, row)) for row in r.json()["rows"]]


def checks(client) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for remiss in GOLD:
        name = remiss["subject"]
        ident = consultation_of(client, remiss)
        out.append((f"{name}: found", ident is not None))
        if ident is None:
            continue
        for s in remiss["status"]:
            got = rows(client, ident, s["as_of"])
            invited = [g for g in got if g["invited"] in ("true", True, "1")]
            for body in remiss.get("invited", []):
                mine = [g for g in invited if g["body_label"] == body]
                out.append((f"{name} {s['as_of']}: {body} {s['state']}", bool(mine) and
                            all(g["status"] == s["state"] for g in mine)))
            if "invited_count" in remiss:
                # one row a body: a list that names one organisation on two lines invites it once
                n = remiss.get("invited_bodies", remiss["invited_count"])
                out.append((f"{name} {s['as_of']}: {n} invited {s['state']}",
                            sum(g["status"] == s["state"] for g in invited) == n))
        last = rows(client, ident, remiss["status"][-1]["as_of"])
        out.append((f"{name}: deadline", {g["deadline"] or "" for g in last} == {remiss["deadline"]}))
        if "invited_count" in remiss:
            out.append((f"{name}: invited count", {str(g["invited_count"]) for g in last} == {str(remiss["invited_count"])}))
        for a in remiss.get("answer", []):
            mine = [g for g in last if g["body_label"] == a["body"] and g["status"] == "answered"]
            out.append((f"{name}: {a['body']} answered by {a['document'] or 'its minutes'}", bool(mine) and (
                not a["document"] or any((g["document"] or "").endswith(a["document"].lower().replace("_", "-"))
                                         for g in mine))))
            out.append((f"{name}: {a['body']} stance {a['stance'] or 'none'}", bool(mine) and all(
                (g["stance"] or "") == a["stance"] and a["quote"] in (g["stance_quote"] or "") for g in mine)))
    return out


def test_the_gold_has_at_least_five_remisser_with_three_days_each():
    assert len(GOLD) >= 5
    assert all(len({s["as_of"] for s in r["status"]}) == 3 for r in GOLD)


def test_respondents_statuses_and_stances_through_the_api(client):
    found = checks(client)
    passed = sum(ok for _, ok in found)
    missed = [what for what, ok in found if not ok]
    print(f"\nremisser gold: {passed} of {len(found)} checks; missed: {missed}")
    assert passed >= FLOOR, missed


def test_respondents_as_csv_and_unknown_consultation(client):
    ident = consultation_of(client, GOLD[0])
    r = client.get(f"/api/v1/consultations/{ident}/respondents", params={"as_of": "2025-06-01", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    header, *lines = r.text.splitlines()
    assert header.split(",")[:5] == ["consultation", "deadline", "invited_count", "body", "body_label"]
    assert lines and all(",answered" in line for line in lines)
    assert client.get("/api/v1/consultations/no-such-remiss/respondents").status_code == 404
    assert client.get(f"/api/v1/consultations/{ident}/respondents", params={"as_of": "1 maj"}).status_code == 422
