"""The laws stage: statutes cited by SFS number, titled as in the statute book."""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.ingest.pipeline import extract_text
from conftest import page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def laws(text: str):
    doc, ex, _ = extract_text(text, name="x.txt")
    for law in ex.laws:
        for s in law.evidence:
            quote = doc.text[s.start:s.end]
            assert quote and quote == quote.strip() and law.sfs.split(":")[1] in quote
    return {law.sfs: law.title for law in ex.laws}


def test_001_minority_law_cited_three_times():
    doc, ex, _ = extract_text((CORPUS / "001_fa2d4025ac84fede.txt").read_text(encoding="utf-8"), name="001.txt")
    law = next(x for x in ex.laws if x.sfs == "2009:724")
    assert law.title == "Lag om nationella minoriteter och minoritetsspråk"
    assert len(law.evidence) == 3
    assert doc.text[law.evidence[0].start:law.evidence[0].end] == \
        "Lag (2009:724) om nationella minoriteter och minoritetsspråk"
    assert {x.sfs: x.title for x in ex.laws}["2022:811"] == "Förordning med instruktion för Arbetsförmedlingen"


@pytest.mark.parametrize("text, sfs, title", [
    ("Enligt lagen (2009:724) om nationella minoriteter och minoritetsspråk ska kommunen informera.",
     "2009:724", "Lag om nationella minoriteter och minoritetsspråk"),
    ("Nämnden ansvarar enligt socialtjänstlagen (2001:453) för stödet.", "2001:453", "Socialtjänstlag"),
    ("Kraven i förordningen (2007:1244) om konsekvensutredning vid regelgivning gäller.", "2007:1244",
     "Förordning om konsekvensutredning vid regelgivning"),
    ("Uppgifterna omfattas av offentlighets- och sekretesslagen (2009:400).", "2009:400",
     "Offentlighets- och sekretesslag"),
    ("Rätten till bistånd i lagen (1994:137) om mottagande av asylsökande m.fl. ändras.", "1994:137",
     "Lag om mottagande av asylsökande m.fl"),
    ("Socialtjänstlagen (SFS 2001:453) gäller.", "2001:453", "Socialtjänstlag"),
    ("Tillstånd enligt 5 § lagen (1992:1140) om Sveriges ekonomiska zon, för uppförande av vindkraft.",
     "1992:1140", "Lag om Sveriges ekonomiska zon"),
])
def test_cited_law(text, sfs, title):
    assert laws(text)[sfs] == title


def test_two_laws_in_one_phrase():
    got = laws("Utbildningen anordnas med stöd av lagen (1991:1109) om uppdragsutbildning i vissa fall och "
               "förordningen (1992:395) om uppdragsutbildning inom skolväsendet.")
    assert got == {"1991:1109": "Lag om uppdragsutbildning i vissa fall",
                   "1992:395": "Förordning om uppdragsutbildning inom skolväsendet"}


def test_bare_sfs_and_bare_lag():
    got = laws("Se SFS 2018:1197. Enligt lagen (2011:203) ska god hushållning iakttas.")
    assert got == {"2018:1197": None, "2011:203": None}


def test_not_laws():
    assert laws("Boverkets rapport (2015:28) och SOU 2015:58 samt Ds 2015:36 remitteras.") == {}


def test_a_law_cited_in_the_genitive_with_its_number():
    ex = page("# Dispenser\n\nUndantag från bestämmelser i trafikförordningens (1998:1276) krav på mått. Enligt skollagens "
              "(2010:800) regler gäller detta.\n")
    assert {(law.sfs, law.title) for law in ex.laws} == {("1998:1276", "Trafikförordning"), ("2010:800", "Skollag")}


@pytest.mark.parametrize("verb", ["ändras", "upphävs", "tillämpas", "infördes", "föreslås träda i kraft", "så att det gäller",
                                  "överförs till balken"])
def test_a_titles_subject_ends_before_what_is_done_to_the_statute(verb):
    assert laws(f"Lagen (1984:1140) om insemination {verb} den 1 juli.") == {"1984:1140": "Lag om insemination"}


def test_a_title_ends_on_its_subject_and_a_number_not_yet_given_is_none():
    assert laws("Enligt lagen (1970:943) om arbetstid och förordningen (2007:603) om intern styrning och kontroll om "
                "att myndigheter ska … Lag (2024:000) om ändring i inkomstskattelagen.") == {
        "1970:943": "Lag om arbetstid", "2007:603": "Förordning om intern styrning och kontroll"}
