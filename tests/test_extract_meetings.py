"""The meetings stage: minutes (protokoll) -> Meeting with attendees, items, decisions.

The corpus protokoll (Stockholm, Arbetsmarknadsnämnden) is checked against its gold
facts; the fixtures are invented minutes in other layouts and municipalities, so
the rules are seen to work for the kind of document, not one file.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

from styrgraf.ingest import meetings
from styrgraf.ingest.bodies import find_bodies
from styrgraf.ingest.context import Ctx
from styrgraf.ingest.model import Extraction, Meeting, Span
from styrgraf.ingest.normalise import normalise
from styrgraf.ingest.pipeline import extract_text
from conftest import CORPUS, FIXTURES, GOLD, SCORER
from facts import Has, Lacks, assert_facts, assert_read, case

PROTOKOLL = CORPUS / "004_854bb6aaec4ae1ed.txt"
GOLD_FILE = GOLD / "004_854bb6aaec4ae1ed.toml"


def run(path: Path) -> tuple[str, Meeting | None, list]:
    doc, ex, _ = extract_text(path.read_text(encoding="utf-8"), name=path.name)
    assert len(ex.meetings) <= 1
    return doc.text, (ex.meetings[0] if ex.meetings else None), ex.bodies


def all_spans(m: Meeting):
    """(what, span) for every evidence span the meeting carries."""
    parts = [("meeting", m)] + [(f"attendee {a.name}", a) for a in m.attendees]
    for it in m.items:
        parts += [(f"§{it.paragraph}", it)]
        parts += [(f"§{it.paragraph} {what}", x) for what, xs in (("decision", it.decisions),
                  ("reservation", it.reservations), ("statement", it.statements)) for x in xs]
    for what, part in parts:
        for s in part.evidence:
            yield what, s


def check_evidence(text: str, m: Meeting) -> None:
    assert m.evidence, "the meeting has no evidence"
    for what, s in all_spans(m):
        assert isinstance(s, Span)
        assert 0 <= s.start < s.end <= len(text), what
        quote = text[s.start:s.end]
        assert quote == quote.strip(), f"{what}: untrimmed quote {quote!r}"
    for a in m.attendees:
        assert a.evidence, a.name
        assert a.name.split()[-1] in text[a.evidence[0].start:a.evidence[0].end]
    for it in m.items:
        assert it.evidence, it.paragraph
        head = text[it.evidence[0].start:it.evidence[0].end]
        assert re.match(rf"(?:\w+\s+)?§\s*{it.paragraph}\b", head), head
        for d in it.decisions:
            assert d.evidence
            quoted = " ".join(re.sub(r"\s+", " ", text[s.start:s.end]) for s in d.evidence)
            assert d.text.split()[-1] in quoted, (d.text, quoted)
        for r in it.reservations:
            assert r.evidence and re.search(r"reserv", text[r.evidence[0].start:r.evidence[0].end], re.I)
        for st in it.statements:
            assert st.evidence


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip(" .")


def by_name(m: Meeting) -> dict:
    return {a.name: a for a in m.attendees}


def item(m: Meeting, n: int):
    found = [i for i in m.items if i.paragraph == n]
    assert len(found) == 1, f"§{n}"
    return found[0]


def has_decision(it, words: str) -> bool:
    return any(words.lower() in norm(d.text) for d in it.decisions)


ROSTER_ENTRY = re.compile(r"(?P<name>[^()]+) \((?P<party>[^()]+)\)(?: för (?P<substitute_for>[^()]+))?")


def roster(by_role: dict[str, list[str]]) -> set[tuple]:
    """(name, role, party, substitute_for) of each attendee of a roster written as minutes list them: by role,
    each "Name (Party)", a serving substitute "Name (Party) för Member"."""
    found = set()
    for role, entries in by_role.items():
        for entry in entries:
            m = ROSTER_ENTRY.fullmatch(entry)
            assert m, entry
            found.add((m["name"], role, m["party"], m["substitute_for"]))
    return found


def attendees(m: Meeting) -> set[tuple]:
    return {(a.name, a.role, a.party, a.substitute_for) for a in m.attendees}


# ---------------------------------------------------------------- the corpus protokoll
@pytest.fixture(scope="module")
def amn():
    return run(PROTOKOLL)


AMN_ATTENDEES = roster({
    "ordförande": ["Fredrik Lindstål (C)"],
    "vice ordförande": ["Salar Rashid (S)"],
    "ledamot": ["Andrea Ström (M)", "Jennyfer Redin (M)", "Åsa Janlöv (S)", "Stefan Hansson (S)", "Rashid Mohammed (V)",
                "Frida Mörtlund (V)", "Martin Westmont (SD)"],
    "tjänstgörande ersättare": ["Börje Häggman (M) för Johan Paccamonti", "Arslan Bicen (M) för Tom Hedrup",
                                "Ann-Louise Ebérus (M) för Jessica Sjönell", "Tiemon Okojevoh (MP) för Magnus Runsten",
                                "Barni Noor (S) för Stefan Hansson"],
    "ersättare": ["Mathias Mellgren Helge (C)", "Ofelia Namazova Venneman (KD)", "Erik Persson (S)",
                  "Andrea Törnestam (S)", "Anna Lundgren (V)", "Mattias Mårdenfjord (SD)", "Maria Jansson (Fi)"],
})

AMN_TITLES = {
    1: "Sammanträdets öppnande och godkännande av föredragningslista",
    2: "Val av protokolljusterare och tid för justering av protokollet",
    3: "Beslut om närvarorätt för personalföreträdare",
    4: "Nelson Mandela-priset 2019",
    5: "Yttrande över Remiss av Motion om en handlingsplan för enhetlig yrkestitulatur inom LSS-verksamheterna",
    6: "Yttrande över Stadsrevisionens årsrapport och revisionsberättelse för arbetsmarknadsnämnden 2018",
    7: "Yttrande över Remiss av Policy för sociala medier i Stockholms stad",
    8: "Yttrande över Remiss av Översyn av styrdokument och utarbetande av digitaliseringsprogram för Stockholms stad",
    9: "Förslag till inriktning för Stockholms stads integrationspakt",
    10: "Anmälan enligt Lex Sarah i egen regi inom Jobbtorg Stockholm",
    11: "Månadsrapport för maj 2019",
    12: "Anmälningsärenden",
    13: "Nämndens frågor",
    14: "Förvaltningsinformation",
}


def test_corpus_meeting_header(amn):
    text, m, _ = amn
    assert m is not None
    assert m.body == "Arbetsmarknadsnämnden"
    assert m.date == "2019-06-18"
    assert m.chair == "Fredrik Lindstål"
    assert m.adjusters == ["Andrea Ström", "Salar Rashid"]


def test_corpus_attendees(amn):
    _, m, _ = amn
    assert attendees(m) == AMN_ATTENDEES
    assert len(m.attendees) == 21 == len(AMN_ATTENDEES)     # Barni Noor once, serving
    names = set(by_name(m))
    # officials and members with förhinder are no attendees
    for absent in ("Karina Uddén", "Arja Lindholm", "Gabriel Bergin", "Johan Paccamonti", "Johan Hjelm"):
        assert absent not in names


def test_corpus_items(amn):
    _, m, _ = amn
    assert [i.paragraph for i in m.items] == list(range(1, 15))
    for n, title in AMN_TITLES.items():
        assert norm(item(m, n).title) == norm(title), n
    dnr = {4: "AMN 2019-0098-1.3", 5: "AMN 2019-0062-1.6", 6: "AMN 2019-0139-1.6", 7: "AMN 2019-0157-1.6",
           8: "AMN 2019-0160-1.6", 9: "AMN 2019-0178-1.3"}
    for n, d in dnr.items():
        assert item(m, n).diarienummer == [d]
    for n in (1, 2, 3, 11, 12, 13, 14):
        assert item(m, n).diarienummer == []


def test_corpus_decisions(amn):
    _, m, _ = amn
    assert has_decision(item(m, 4), "Mitt127 tilldelas 2019 års Nelson Mandela-pris")
    assert has_decision(item(m, 4), "justera paragrafen omedelbart")
    # the decision text starts after "Arbetsmarknadsnämnden beslutade (att)"
    assert not any("beslutade" in d.text for d in item(m, 4).decisions)
    assert has_decision(item(m, 5), "förvaltningens tjänsteutlåtande som sitt svar på remissen")
    assert has_decision(item(m, 5), "justera paragrafen omedelbart")
    assert has_decision(item(m, 6), "förvaltningens tjänsteutlåtande som sitt yttrande över årsrapporten")
    assert has_decision(item(m, 7), "som sitt yttrande över remissen")
    assert has_decision(item(m, 7), "justera paragrafen omedelbart")
    assert has_decision(item(m, 8), "som sitt yttrande över remissen")
    assert [d.text for d in item(m, 9).decisions] == [
        "godkänna bilagt förslag till inriktning för Stockholms stads integrationspakt",
        "överlämna förslaget till kommunstyrelsen"]
    assert [d.text for d in item(m, 10).decisions] == ["godkänna anmälan"]
    # a decision in running text, without a "<Body>s beslut" heading
    assert [d.text for d in item(m, 11).decisions] == [
        "godkände månadsrapporten och beslutade att lägga den till handlingarna"]
    # nothing from the "Förslag till beslut" of a reservation or from "Beslutsgång"
    for it in m.items:
        for d in it.decisions:
            assert "tillstyrker motionen" not in d.text
            assert "utan omröstning" not in d.text


def test_corpus_reservations_and_statements(amn):
    _, m, _ = amn
    assert [(r.by, r.party) for r in item(m, 5).reservations] == [("Rashid Mohammed", "V")]
    assert [(r.by, r.party) for r in item(m, 9).reservations] == [
        ("Salar Rashid", "S"), ("Rashid Mohammed", "V"), ("Martin Westmont", "SD")]
    for n in (1, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14):
        assert item(m, n).reservations == []
    assert [(s.kind, s.by, s.party) for s in item(m, 5).statements] == [("ersättaryttrande", "Maria Jansson", "Fi")]
    st9 = [(s.kind, s.by, s.party) for s in item(m, 9).statements]
    assert ("särskilt uttalande", "Fredrik Lindstål", "C") in st9
    assert ("särskilt uttalande", "Andrea Ström", "M") in st9
    assert ("särskilt uttalande", "Tiemon Okojevoh", "MP") in st9
    assert ("ersättaryttrande", "Ofelia Namazova", "KD") in st9
    assert ("ersättaryttrande", "Maria Jansson", "Fi") in st9


def test_corpus_evidence(amn):
    text, m, _ = amn
    check_evidence(text, m)


def test_corpus_sets_own_nämnden():
    """Later stages resolve "nämnden" to the body holding the meeting."""
    doc = normalise(PROTOKOLL.read_text(encoding="utf-8"))
    ctx = Ctx(doc=doc, out=Extraction(), bodies=find_bodies(doc.text))
    meetings.extract(ctx)                    # on its own, without the document stage
    assert len(ctx.out.meetings) == 1
    assert ctx.bodies.own["nämnden"] == "Arbetsmarknadsnämnden"
    assert ctx.bodies.resolve("nämndens") == "Arbetsmarknadsnämnden"


def _scorer():
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("styrgraf_eval_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not GOLD_FILE.exists() or not SCORER.exists(), reason="shared gold/scorer not available")
def test_corpus_against_gold_with_the_scorers_matching(amn):
    """Every gold meeting fact, matched the way eval/score.py matches it."""
    sc = _scorer()
    gold = tomllib.loads(GOLD_FILE.read_text(encoding="utf-8"))["meeting"][0]
    _, m, _ = amn
    api = {  # the meeting as the API contract serves it
        "body": {"label": m.body}, "date": m.date, "chair": m.chair, "adjusters": m.adjusters,
        "attendees": [{"name": a.name, "role": a.role, "party": a.party, "substitute_for": a.substitute_for}
                      for a in m.attendees],
        "items": [{"paragraph": i.paragraph, "title": i.title, "diarienummer": i.diarienummer,
                   "decisions": [d.text for d in i.decisions],
                   "reservations": [{"by": r.by, "party": r.party} for r in i.reservations]} for i in m.items],
    }
    out: dict = {}
    sc.score_meeting(gold, [api], out)
    for kind, res in out.items():
        assert res["found"] == res["gold"], (kind, res.get("missed"))
        assert res["fields"][0] == res["fields"][1], (kind, res.get("wrong"))


# ---------------------------------------------------------------- not minutes
@pytest.mark.parametrize("path", sorted(p for p in CORPUS.glob("*.txt") if p != PROTOKOLL), ids=lambda p: p.name[:3])
def test_no_meeting_in_other_documents(path):
    _, m, _ = run(path)
    assert m is None


def test_no_meeting_from_a_tjänsteutlåtande_with_paragraph_references():
    text = ("Tjänsteutlåtande\nDnr SN 2021/12\nSocialförvaltningen\n\nFörslag till beslut\n"
            "1. Socialnämnden beslutar att godkänna rapporten.\n2. Paragrafen justeras omedelbart.\n\n"
            "Ärendet\nEnligt 6 kap. 38 § kommunallagen ska nämnden ...\n"
            "§ 5 i delegationsordningen anger att beslutet anmäls.\n")
    _, ex, _ = extract_text(text)
    assert ex.meetings == []


# ---------------------------------------------------------------- other layouts
def test_fixture_socialnamnd_ciceron():
    """'Beslutande ledamöter: X (S), ordförande', 'Ej tjänstgörande ersättare:', 'Övriga närvarande',
    'Justerare:', an anslag/bevis block with 'Organ' and 'Sammanträdesdatum', 'Beslut' headings."""
    text, m, _ = run(FIXTURES / "protokoll_socialnamnd_ciceron.txt")
    assert (m.body, m.date, m.chair, m.adjusters) == ("Socialnämnden", "2021-03-24", "Anna Berglund", ["Per Holmgren"])
    assert attendees(m) == roster({
        "ordförande": ["Anna Berglund (S)"], "vice ordförande": ["Per Holmgren (M)", "Karin Ljung (C)"],
        "ledamot": ["Lars-Erik Sund (S)", "Maja Öberg (V)"],
        "tjänstgörande ersättare": ["Sofia Nyström (S) för Olle Fransson", "Jonas af Klint (KD) för Eva Lindqvist"],
        "ersättare": ["Hanna Wik (MP)", "Tobias Strand (SD)"]})
    assert not {"Gunilla Rask", "Peter Ahl"} & set(by_name(m))          # officials
    assert [(i.paragraph, i.title, i.diarienummer) for i in m.items] == [
        (12, "Val av justerare", []),
        (13, "Riktlinjer för handläggning av ekonomiskt bistånd", ["SN 2021/45"]),
        (14, "Intern kontrollplan 2021", ["SN 2021/51"]),
        (15, "Månadsuppföljning februari 2021", ["SN 2021/12"]),
        (16, "Delegationsbeslut", []),
    ]
    assert [d.text for d in item(m, 13).decisions] == [
        "anta riktlinjer för handläggning av ekonomiskt bistånd enligt bilaga 1",
        "riktlinjerna gäller från och med den 1 maj 2021"]
    assert [d.text for d in item(m, 14).decisions] == ["antar intern kontrollplan för 2021"]
    assert [d.text for d in item(m, 15).decisions] == ["lägger informationen till handlingarna"]
    assert [d.text for d in item(m, 16).decisions] == ["Redovisningen av delegationsbeslut godkänns"]
    # the running text of "Sammanfattning" ("Nämnden beslutade den 20 januari …") is no decision
    assert len(item(m, 13).decisions) == 2
    assert [(r.by, r.party) for r in item(m, 13).reservations] == [("Maja Öberg", "V")]
    assert [(s.kind, s.by, s.party) for s in item(m, 14).statements] == [("särskilt uttalande", "Tobias Strand", "SD")]
    check_evidence(text, m)


def test_fixture_kommunstyrelsen():
    """'Ordförande: X (C)', comma-separated 'Ledamöter:', 'ersätter', 'Justeras av:', a table of
    contents, 'KS § 45' headings, a two-line title, 'Kommunstyrelsens förslag till kommunfullmäktige',
    party-group reservations."""
    text, m, _ = run(FIXTURES / "protokoll_kommunstyrelsen_ks.txt")
    assert (m.body, m.date, m.chair) == ("Kommunstyrelsen", "2022-11-08", "Erik Lund")
    assert m.adjusters == ["Sara Pettersson", "Göran Åberg"]
    people = by_name(m)
    assert len(people) == 11
    assert (people["Sara Pettersson"].role, people["Sara Pettersson"].party) == ("vice ordförande", "S")
    assert all(people[n].role == "ledamot" for n in
               ("Göran Åberg", "Linnea Sjöberg", "Ahmed Karimi", "Bengt Olofsson", "Ulla Hedlund", "Fredrik Nord"))
    assert (people["Mona Eklund"].role, people["Mona Eklund"].substitute_for) == ("tjänstgörande ersättare", "Kjell Dahl")
    assert "Kjell Dahl" not in people
    assert people["Kristina Bäck"].role == people["Janne Vikström"].role == "ersättare"
    assert not {"Camilla Ek", "Jesper Falk"} & set(people)
    # the table of contents does not make items; the § headings do
    assert [i.paragraph for i in m.items] == [45, 46, 47, 48]
    assert item(m, 46).title == "Budget 2023 Verksamhetsplan och ekonomisk plan 2024–2025"
    assert item(m, 46).diarienummer == ["KS 2022/311"]
    assert [d.text for d in item(m, 46).decisions] == [
        "Kommunfullmäktige fastställer budget för 2023 enligt bilaga",
        "Kommunfullmäktige fastställer skattesatsen till 22,96 kronor"]
    assert [(r.by, r.party) for r in item(m, 46).reservations] == [(None, "S"), ("Ulla Hedlund", "V")]
    assert [d.text for d in item(m, 47).decisions] == ["föreslår kommunfullmäktige besluta att avslå motionen"]
    assert [(r.by, r.party) for r in item(m, 47).reservations] == [(None, "S"), (None, "V")]
    assert item(m, 47).statements == []                       # a protokollsanteckning is neither
    assert [d.text for d in item(m, 48).decisions] == ["noterar informationen"]
    check_evidence(text, m)


def test_fixture_fullmaktige_lower_case_parties():
    """'(s)', '(fp)', '1:e vice ordf.', headings on lines of their own, 'Tid och plats: … måndagen den
    24 februari 2020', 'Till justerare utses … med X som ersättare', 'att'-clauses, 'Mot beslutet
    reserverar sig X', '(c)-gruppen'."""
    text, m, _ = run(FIXTURES / "protokoll_fullmaktige_gemener.txt")
    assert (m.body, m.date, m.chair) == ("Kommunfullmäktige", "2020-02-24", "Birgitta Wahl")
    assert m.adjusters == ["Mats Hägglund", "Nils Brandt"]                 # not the ersättare
    assert attendees(m) == roster({
        "ordförande": ["Birgitta Wahl (S)"], "vice ordförande": ["Olof Granberg (M)", "Ingrid Sandström (C)"],
        "ledamot": ["Mats Hägglund (S)", "Eva-Lena Forsberg (V)", "Nils Brandt (FP)"],
        "tjänstgörande ersättare": ["Leif Sjödin (S) för Kerstin Nyberg", "Annika Holm (MP) för Rolf Edlund"],
        "ersättare": ["Ronny Lindgren (SD)"]})
    it = item(m, 3)
    assert (it.title, it.diarienummer) == ("Motion om fler laddstolpar för elbilar", ["KS 2019/415"])
    assert [d.text for d in it.decisions] == [
        "bifalla motionen", "uppdra åt kommunstyrelsen att ta fram en plan för laddinfrastruktur"]
    assert [(r.by, r.party) for r in it.reservations] == [("Olof Granberg", "M"), ("Ronny Lindgren", "SD")]
    assert [(s.kind, s.by, s.party) for s in it.statements] == [("särskilt uttalande", None, "C")]
    assert [d.text for d in item(m, 4).decisions] == ["förklarar interpellationsdebatten avslutad"]
    check_evidence(text, m)


def test_fixture_arbetsutskott_table():
    """A table layout ('Karl Nyberg<TAB>C<TAB>ordförande', 'Hassan Ali, S'), 'Tjg ers.', an utskott as
    the body, a date on a line of its own, '§ 101. Title, dnr …', 'Protokollsjusterare:' without party,
    '(S) och (V) reserverar sig'."""
    text, m, bodies = run(FIXTURES / "protokoll_arbetsutskott_tabell.txt")
    assert (m.body, m.date, m.chair, m.adjusters) == (
        "Kommunstyrelsens arbetsutskott", "2023-09-12", "Karl Nyberg", ["Elin Strömberg"])
    assert "Kommunstyrelsens arbetsutskott" in {b.label for b in bodies}
    assert attendees(m) == roster({
        "ordförande": ["Karl Nyberg (C)"], "vice ordförande": ["Elin Strömberg (S)"], "ledamot": ["Gustav Holm (M)"],
        "tjänstgörande ersättare": ["Petra Lund (KD) för Annika Borg"], "ersättare": ["Hassan Ali (S)"]})
    assert [(i.paragraph, i.title, i.diarienummer) for i in m.items] == [
        (101, "Val av justerare", []), (102, "Detaljplan för Norra hamnen", ["KS 2023/77"]),
        (103, "Informationsärenden", [])]
    assert [d.text for d in item(m, 102).decisions] == [
        "föreslår kommunstyrelsen besluta att Detaljplanen för Norra hamnen sänds ut på samråd",
        "föreslår kommunstyrelsen besluta att Samhällsbyggnadsförvaltningen får i uppdrag att genomföra samrådet"]
    assert [(r.by, r.party) for r in item(m, 102).reservations] == [(None, "S"), (None, "V")]
    assert [d.text for d in item(m, 103).decisions] == ["Informationen läggs till handlingarna"]
    check_evidence(text, m)


def test_a_decision_heading_of_a_body_whose_name_begins_with_an_adjective():
    """"Tekniska nämndens beslut" heads the decision as "Socialnämndens beslut" does: the proposal to the council
    under it is the item's decision."""
    text = ("SAMMANTRÄDESPROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2019-11-12\n\n"
            "Beslutande      Anna Berg (S), ordf\n                Per Holm (M)\n\nUtses att justera  Per Holm\n\n"
            "TN § 101   Dnr TN 2019/88\nTaxor för vatten och avlopp 2020\n\nTekniska nämndens beslut\n"
            "Tekniska nämnden föreslår kommunfullmäktige att anta taxorna.\n\nReservation\n"
            "Per Holm (M) reserverar sig till förmån för eget yrkande.\n")
    _, ex, _ = extract_text(text, name="tn.txt")
    (m,) = ex.meetings
    assert [(i.paragraph, [d.text for d in i.decisions], [r.by for r in i.reservations]) for i in m.items] == [
        (101, ["föreslår kommunfullmäktige att anta taxorna"], ["Per Holm"])]


def test_fixture_stadsdelsnamnd_stockholm():
    """'Protokoll nr 6/2019 fört vid sammanträde med <Place> stadsdelsnämnd den 20 juni 2019',
    'Ledamöter' with 'Ordförande'/'Vice ordförande' lines inside, 'Dessutom närvarande',
    'utsågs att jämte ordföranden justera', a Stockholm-style 'Dnr 1.2.4-123/2019',
    'Reservation anmäldes av …'."""
    text, m, bodies = run(FIXTURES / "protokoll_stadsdelsnamnd_stockholm.txt")
    assert (m.body, m.date, m.chair, m.adjusters) == (
        "Spånga-Tensta stadsdelsnämnd", "2019-06-20", "Helena Rask", ["Omar Jabari"])
    assert attendees(m) == roster({
        "ordförande": ["Helena Rask (M)"], "vice ordförande": ["Omar Jabari (S)"],
        "ledamot": ["Linda Falk (L)", "Peter Nyman (M)", "Amira Haddad (S)"],
        "tjänstgörande ersättare": ["Sven Ekberg (KD) för Maria Dahl"],
        "ersättare": ["Klara Östlund (MP)", "Johan Berg (V)"]})
    it = item(m, 2)
    assert (it.title, it.diarienummer) == ("Verksamhetsberättelse för äldreomsorgen 2018", ["1.2.4-123/2019"])
    assert [d.text for d in it.decisions] == ["godkänner verksamhetsberättelsen", "Paragrafen justeras omedelbart"]
    assert [(r.by, r.party) for r in it.reservations] == [("Omar Jabari", "S")]
    assert [(s.kind, s.by, s.party) for s in it.statements] == [("ersättaryttrande", "Johan Berg", "V")]
    assert [d.text for d in item(m, 3).decisions] == ["lade anmälan till handlingarna"]
    check_evidence(text, m)


# ---------------------------------------------------------------- pieces
@pytest.mark.parametrize("abbr,label,ok", [
    ("AMN", "Arbetsmarknadsnämnden", True),
    ("KS", "Kommunstyrelsen", True),
    ("KF", "Kommunfullmäktige", True),
    ("BUN", "Barn- och utbildningsnämnden", True),
    ("SN", "Socialnämnden", True),
    ("SN", "Kommunstyrelsen", False),
    ("AMN", "Arbetsmarknadsförvaltningen", False),
])
def test_abbreviations(abbr, label, ok):
    assert meetings._abbreviates(abbr, label) is ok


def test_date_is_never_the_justering_date():
    text = ("Protokoll\nMiljönämnden\n\nBeslutande\nOrdförande Eva Ek (C)\nLedamöter\nBo Ros (S)\n\n"
            "Justerare: Bo Ros (S)\nJusteringens plats och tid: Miljökontoret 2024-05-20\n\n"
            "§ 1\nVal av justerare\nBo Ros (S) utses att justera protokollet.\n")
    _, ex, notes = extract_text(text)
    (m,) = ex.meetings
    assert m.body == "Miljönämnden"
    assert m.date == ""                       # not 2024-05-20: that is when it was justerat
    assert any("no meeting date" in n for n in notes)
    assert m.adjusters == ["Bo Ros"]


def test_inline_layout_roles_in_parentheses_and_att_lines():
    """'X (S) (ordförande)' on one 'Beslutande:' line, 'Justerare' over names on the lines below,
    'att'-clauses on lines of their own (joined by normalise), reservations by party names, a
    genitive name after 'till förmån för' that made no reservation."""
    text = """Protokoll
Kultur- och fritidsnämnden
Datum: 2022-04-05

Beslutande: Anna Al (S) (ordförande), Bo Berg (M) (vice ordförande), Cia Ceder (V), Dan Dal (SD)
Ersättare: Eva Eld (S), Fia Fur (M) §§ 1-5

Justerare
Cia Ceder (V)
Dan Dal (SD)

§ 1 Val av justerare
Cia Ceder (V) och Dan Dal (SD) väljs till justerare.

§ 2 Dnr KFN 2022/14
Taxor för fritidsgårdar
Beslut
Kultur- och fritidsnämnden föreslår kommunfullmäktige att besluta
att anta taxorna enligt bilaga 1
att taxorna börjar gälla den 1 juli 2022
Reservation
Mot beslutet reserverade sig ledamöterna för Socialdemokraterna och Vänsterpartiet.
Cia Ceder (V) reserverade sig till förmån för Anna Als (S) yrkande.
Särskilt uttalande
Ledamöterna i (SD) lämnade ett särskilt uttalande.
"""
    doc, ex, notes = extract_text(text)
    (m,) = ex.meetings
    assert (m.body, m.date, m.chair, m.adjusters) == (
        "Kultur- och fritidsnämnden", "2022-04-05", "Anna Al", ["Cia Ceder", "Dan Dal"])
    assert [(a.name, a.role) for a in m.attendees] == [
        ("Anna Al", "ordförande"), ("Bo Berg", "vice ordförande"), ("Cia Ceder", "ledamot"),
        ("Dan Dal", "ledamot"), ("Eva Eld", "ersättare"), ("Fia Fur", "ersättare")]
    it = item(m, 2)
    assert (it.title, it.diarienummer) == ("Taxor för fritidsgårdar", ["KFN 2022/14"])
    assert [d.text for d in it.decisions] == [
        "föreslår kommunfullmäktige att besluta att anta taxorna enligt bilaga 1",
        "föreslår kommunfullmäktige att besluta att taxorna börjar gälla den 1 juli 2022"]
    assert [(r.by, r.party) for r in it.reservations] == [(None, "S"), (None, "V"), ("Cia Ceder", "V")]
    assert [(s.kind, s.by, s.party) for s in it.statements] == [("särskilt uttalande", None, "SD")]
    check_evidence(doc.text, m)


# ---------------------------------------------------------------- layouts of other municipalities
@pytest.mark.parametrize("text, expected", [
    case("flattened_attendance_without_parties_is_split_at_first_names",
         "MELLBY KOMMUN PROTOKOLL 1(20) Kulturnämnden Plats och tid Biblioteket, Mellby, tisdagen den 4 maj 2021, "
         "kl 18.00 Beslutande Karin Holm, ordf. Per Anders Lind Sofia Ek Bo Lennart Stål Övriga deltagande "
         "Lena Ås, sekreterare Utses att justera Sofia Ek\n"
         "Kn 12 Sammanträdets öppnande. Sofia Ek utsågs att tillsammans med ordförande justera dagens protokoll.\n",
         {"meetings: body, date, chair, adjusters": [("Kulturnämnden", "2021-05-04", "Karin Holm", ["Sofia Ek"])],
          "meetings[0].attendees: name, role": [("Karin Holm", "ordförande"), ("Per Anders Lind", "ledamot"),
                                                 ("Sofia Ek", "ledamot"), ("Bo Lennart Stål", "ledamot")],
          "meetings[0].items: paragraph, title": [(12, "Sammanträdets öppnande")]}),
    case("flattened_attendance_with_parties_and_a_substitute",
         "Protokoll 1(9) Tid och plats Rådhuset den 7 mars 2019 Beslutande Eva Strand (S) Jonas Berg (M) "
         "Maja Ek (C) för Nils Holm (C) Övriga deltagare Tor Lind Justerande Jonas Berg Organ Miljönämnden\n",
         {"meetings: body, date, adjusters": [("Miljönämnden", "2019-03-07", ["Jonas Berg"])],
          "meetings[0].attendees: name, party, role, substitute_for": [
              ("Eva Strand", "S", "ledamot", None), ("Jonas Berg", "M", "ledamot", None),
              ("Maja Ek", "C", "tjänstgörande ersättare", "Nils Holm")]}),
    case("a_presence_table_keeps_only_the_rows_marked_present",
         "SAMMANTRÄDESPROTOKOLL\nNämnd\nByggnadsnämnden\nSammanträdesdatum\n2020-02-03\n"
         "Utses att justeraAnna Berg\nUnderskrifter\nKarl Ek, ordförande\n\n"
         "Beslutande\nNärvaro§§\nOrdinarie ledamöterTjgEj tjgJANEJ\nKarl Ek (C)X\nAnna Berg (S)X\n"
         "Ersättare\nNärvaro§§\nTjgEj tjgJANEJ\nPia Lund (M)X\nOla Sten (V)\n\nÖvriga närvarande\nBo Al, sekreterare\n",
         {"meetings: chair, adjusters": [("Karl Ek", ["Anna Berg"])],
          "meetings[0].attendees: name, role": [("Karl Ek", "ordförande"), ("Anna Berg", "ledamot"),
                                                 ("Pia Lund", "ersättare")],
          "document.author": "Byggnadsnämnden", "document.signatories": Has("Karl Ek", "Anna Berg")}),
    case("paragraphs_numbered_within_the_year_and_bare_parties",
         "PROTOKOLL\nSammanträdesdatum 2021-03-04\nKulturnämnden\n"
         "Beslutande S Anna Berg, ordförande M Olle Ek Övriga deltagare Bo Al Justerare Olle Ek\n\n"
         "§ 12/21 Fastställande av dagordning\nKulturnämnden fastställer dagordningen.\n\n"
         "§ 13/21 Bidrag till föreningar\nDnr KN 2021/45\nKulturnämndens beslut\n"
         "1. Bidrag beviljas enligt förvaltningens förslag.\n",
         {"meetings[0].attendees: name, party, role": [("Anna Berg", "S", "ordförande"), ("Olle Ek", "M", "ledamot")],
          "meetings[0].items: paragraph, title, diarienummer": [
              (12, "Fastställande av dagordning", []), (13, "Bidrag till föreningar", ["KN 2021/45"])],
          "meetings[0].items[1].decisions[0].text": "Bidrag beviljas enligt förvaltningens förslag"}),
    case("a_flattened_signature_block_gives_its_names_in_the_order_of_its_labels",
         "Mellby kommun SAMMANTRÄDESPROTOKOLL 1 (40) Plats och tid Kommunhuset den 3 februari 2005 "
         "Beslutande Anna Berg (s) Olle Ek (m) Per Ås (c) Övriga deltagande Bo Al Utses att justera Per Ås "
         "Underskrifter Paragrafer 1-4 Sekreterare Ordförande Justerande.. Bo Al. Anna Berg. Per Ås "
         "Organ Byggnadsnämnden\n",
         {"meetings: body, date, chair, adjusters": [("Byggnadsnämnden", "2005-02-03", "Anna Berg", ["Per Ås"])],
          "document.signatories": ["Bo Al", "Anna Berg", "Per Ås"],
          "meetings[0].attendees: name, party": [("Anna Berg", "S"), ("Olle Ek", "M"), ("Per Ås", "C")]}),
])
def test_minutes_whose_columns_ran_together(text, expected):
    """Minutes whose layout came out of the PDF as runs of text: still one protokoll with one meeting."""
    _, ex, _ = extract_text(text, name="protokoll.txt")
    assert ex.document.kind == "protokoll"
    assert len(ex.meetings) == 1
    assert_facts(ex, expected)


@pytest.mark.parametrize("name, text, expected", [
    case("a_substitute_told_with_tjanstgor_for_and_an_item_numbered_in_brackets",
         "minutes.txt",
         "SAMMANTRÄDESPROTOKOLL\nBarn- och utbildningsnämnden\nDatum: 9 juni 2020\n\nNärvarande ledamöter\n"
         "Ordförande Sara Holm (S)\nVice ordförande Erik Dahl (M)\nLedamot Anders Ek (V)\n"
         "Ersättare Lisa Berg (L) tjänstgör för Nils Strand (L)\n\nJusterare: Erik Dahl\n\n"
         "§ 45 Dnr BUN 2020/61\nRedovisning av betyg\nBeslut\nNämnden beslutar\natt bifalla förslaget, samt\n"
         "att ge förvaltningen i uppdrag att redovisa betygen senast den 30 september 2020.\n\n"
         "§ 46 Skolplan 2021-2024 (BUN 2020/88)\nBeslut\nBarn- och utbildningsnämnden beslutar att anta skolplanen.\n",
         {"meetings[0].attendees[-1]: name, role, substitute_for": ("Lisa Berg", "tjänstgörande ersättare", "Nils Strand"),
          "meetings[0].attendees: name": Lacks("Nils Strand"),
          "meetings[0].items: paragraph, title, diarienummer": [
              (45, "Redovisning av betyg", ["BUN 2020/61"]), (46, "Skolplan 2021-2024", ["BUN 2020/88"])],
          "document.diarienummer": ["BUN 2020/61", "BUN 2020/88"],
          "meetings[0].items[0].decisions[0].text": "bifalla förslaget"}),
    case("an_attendance_table_row_that_names_whom_it_serves_for_and_adjusters_under_their_heading",
         "minutes.txt",
         "Socialnämnden\nProtokoll 2018-10-23\n\nTid och plats: Rådhuset, kl 09.00-12.00\n\n"
         "Ledamöter                     Parti   Roll\nKarin Holm                    S       ordförande\n"
         "Jonas Berg                    M       1:e vice ordförande\nAhmed Ali                     S       "
         "tjänstgörande ersättare för Eva Lund (S)\n\nJustering\nJonas Berg\n\n§ 101 Ekonomisk uppföljning (SN 2018/15)\n"
         "Socialnämnden beslutar att godkänna uppföljningen.\n",
         {"meetings[0].attendees: name, role, party, substitute_for": [
             ("Karin Holm", "ordförande", "S", None), ("Jonas Berg", "vice ordförande", "M", None),
             ("Ahmed Ali", "tjänstgörande ersättare", "S", "Eva Lund")],
          "meetings[0].adjusters": ["Jonas Berg"]}),
    case("abbreviated_roles_after_the_name",
         "minutes.txt",
         "KOMMUNSTYRELSEN\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum: 2017-05-02\n\nBeslutande ledamöter\n"
         "Lena Ek (C), ordf.\nMats Holm (S), 1:e v ordf.\nÅsa Lind (M)\n\nUtses att justera\nÅsa Lind\n\n"
         "§ 78 Ändring av delegationsordning\nKommunstyrelsen beslutar att anta delegationsordningen.\n",
         {"meetings[0].attendees: name, role": [("Lena Ek", "ordförande"), ("Mats Holm", "vice ordförande"),
                                                 ("Åsa Lind", "ledamot")],
          "meetings[0].chair": "Lena Ek", "meetings[0].adjusters": ["Åsa Lind"]}),
    case("attendees_without_parties_and_a_substitute_and_a_plan_the_board_adopts",
         "minutes.txt",
         "PROTOKOLL\nMiljö- och byggnadsnämnden\n2022-09-14\n\nBeslutande\nGunilla Ek, ordförande\n"
         "Stefan Ahl\nOlle Berg, ersättare för Tove Ek\n\nJusterare\nStefan Ahl\n\n§ 12\nTillsynsplan 2023\n"
         "MBN 2022/301\n\nBeslut\nMiljö- och byggnadsnämnden antar tillsynsplan 2023.\n",
         {"meetings[0].attendees: name, role, substitute_for": [
             ("Gunilla Ek", "ordförande", None), ("Stefan Ahl", "ledamot", None),
             ("Olle Berg", "tjänstgörande ersättare", "Tove Ek")],
          "policies: kind, adopted_by, adopted_on, valid_from": [
              ("plan", "Miljö- och byggnadsnämnden", "2022-09-14", "2023")]}),
    case("a_table_given_one_space_apart_with_its_column_heads_and_a_substitute_without_brackets",
         "minutes.txt",
         "Protokoll\nKultur- och fritidsnämnden\nDatum: 3 maj 2021\n\nNärvarande\nLedamöter\n"
         "Namn Parti Funktion\nSiv Almgren S Ordförande\nBert Lövgren M 2:e vice ordförande\n"
         "Ida Karlberg MP Ledamot\nTjänstgörande ersättare\nNils Ström S ersätter Kim Falk S\n"
         "Ersättare\nEbba Lind C\n\nJusterare: Bert Lövgren\n\n§ 30\nDnr KFN 2021/0012\nBiblioteksplan\n"
         "Beslut\nKultur- och fritidsnämnden beslutar att godkänna förslaget.\n",
         {"meetings[0].attendees: name, role, party, substitute_for": [
             ("Siv Almgren", "ordförande", "S", None), ("Bert Lövgren", "vice ordförande", "M", None),
             ("Ida Karlberg", "ledamot", "MP", None), ("Nils Ström", "tjänstgörande ersättare", "S", "Kim Falk"),
             ("Ebba Lind", "ersättare", "C", None)],
          "meetings[0].chair": "Siv Almgren"}),
    case("roles_written_after_each_name_in_a_running_list",
         "minutes.txt",
         "PROTOKOLL\nTekniska nämnden\nSammanträdesdag 2020-10-08\n\n"
         "Närvarande ledamöter: Rut Dahl (C) ordf, Kent Ölund (S) vice ordf, Tor Ek (M), Mia Sand (V)\n\n"
         "Justerare: Tor Ek\n\n§ 5 Taxor 2021, dnr 2020/88\nTekniska nämnden beslutar att anta taxorna.\n",
         # a role between two names is the one before's when the line does not open with a role
         {"meetings[0].attendees: name, role": [("Rut Dahl", "ordförande"), ("Kent Ölund", "vice ordförande"),
                                                 ("Tor Ek", "ledamot"), ("Mia Sand", "ledamot")],
          "meetings[0].chair": "Rut Dahl"}),
    case("minutes_told_in_one_line_with_adjusters_under_justeras_and_a_task_that_reports_back",
         "minutes.txt",
         "Protokoll fört vid sammanträde med fritidsnämnden\nden 9 maj 2022 kl. 18.00–19.30 i Rådhuset\n\n"
         "Närvarande ledamöter\nLinnea Ros (C), ordförande\nPär Hed (S) tjänstgör för Åke Berg (S)\n\n"
         "Justeras\nLinnea Ros\n\n§ 14 Dnr FN 2022/31\nSimhallens öppettider\nFritidsnämnden beslutar att ge "
         "fritidsförvaltningen i uppdrag att utreda längre öppettider och återrapportera till fritidsnämnden "
         "senast 2022-12-31.\n",
         {"meetings[0].body": "Fritidsnämnden", "meetings[0].date": "2022-05-09", "meetings[0].adjusters": ["Linnea Ros"],
          "meetings[0].attendees: name, role, substitute_for": [
              ("Linnea Ros", "ordförande", None), ("Pär Hed", "tjänstgörande ersättare", "Åke Berg")],
          "assignments: issuer, assignees, reports_to, report_due": [
              ("Fritidsnämnden", ["Fritidsförvaltningen"], ["Fritidsnämnden"], ["2022-12-31"])]}),
    case("a_task_a_council_gives_in_its_budget_decision_is_a_budget_assignment_of_that_meeting",
         "minutes.txt",
         "KOMMUNFULLMÄKTIGE\nSAMMANTRÄDESPROTOKOLL\n2021-11-22\n\nUtses att justera: Per Ek (C)\n\n"
         "§ 120 Dnr KS 2021/300\nBudget 2022 och plan 2023–2024\nKommunfullmäktiges beslut\n"
         "1. Kommunfullmäktige fastställer budget 2022.\n2. Kommunfullmäktige ger barn- och utbildningsnämnden "
         "i uppdrag att se över skolskjutsarna.\n",
         {"assignments: kind, issuer, assignees, decided_on, diarienummer": [
             ("budgetuppdrag", "Kommunfullmäktige", ["Barn- och utbildningsnämnden"], "2021-11-22", ["KS 2021/300"])]}),
    case("a_reservation_told_in_the_decision_section_is_not_a_decision",
         "minutes.txt",
         "PROTOKOLL\nSocialnämnden\nSammanträdesdatum 2023-03-15\n\nJusterare: Ove Lind\n\n"
         "§ 31 Dnr SN 2023/12\nRiktlinjer för försörjningsstöd\nBeslut\nSocialnämnden antar riktlinjerna.\n"
         "Mot beslutet reserverar sig Nina Ek (V).\nSverigedemokraterna reserverar sig mot beslutet.\n",
         {"meetings[0].items[0].decisions: text": ["antar riktlinjerna"],
          "meetings[0].items[0].reservations: by, party": [("Nina Ek", "V"), (None, "SD")]}),
    case("members_and_their_deputies_in_two_columns_under_two_headings",
         "minutes.txt",
         "PROTOKOLL\nOmsorgsnämnden\nSammanträdesdatum 2021-09-21\n\n"
         "Ledamöter                              Ersättare\n"
         "Anna Berg (S), ordförande              Kim Ek (S)\n"
         "Eva Holm (C)                           Ali Nur (C)\n\nJusterare: Eva Holm\n\n"
         "§ 55 Dnr ON 2021/88\nEkonomisk uppföljning\nOmsorgsnämnden beslutar att godkänna uppföljningen.\n",
         {"meetings[0].attendees: name, role": [("Anna Berg", "ordförande"), ("Kim Ek", "ersättare"),
                                                 ("Eva Holm", "ledamot"), ("Ali Nur", "ersättare")]}),
    case("abbreviated_labels_and_a_table_row_with_commas_that_names_whom_it_serves_for",
         "minutes.txt",
         "PROTOKOLL\nByggnadsnämnden\nSammanträdesdatum 2019-05-14\n\nBeslutande\nLisa Ek, S, ordförande\n"
         "Ulf Ris, C, tjänstgörande ersättare för Kim Al, C\n\nJust: Bo Ask (M)\n\n§ 12 Dnr BN 2019/44\n"
         "Bygglov\nByggnadsnämnden beslutar att bevilja bygglov.\n",
         {"meetings[0].attendees: name, role, party, substitute_for": [
             ("Lisa Ek", "ordförande", "S", None), ("Ulf Ris", "tjänstgörande ersättare", "C", "Kim Al")],
          "meetings[0].chair": "Lisa Ek", "meetings[0].adjusters": ["Bo Ask"]}),
    case("the_chair_of_the_meeting_under_its_own_label",
         "minutes.txt",
         "PROTOKOLL\nByggnadsnämnden\nSammanträdesdatum 2019-05-14\n\nNärvarande: Lisa Ek (S), Bo Ask (M)\n\n"
         "Mötesordförande: Lisa Ek\nJusterare: Bo Ask\n\n§ 12 Dnr BN 2019/44\nBygglov\nByggnadsnämnden "
         "beslutar att bevilja bygglov.\n",
         {"meetings[0].chair": "Lisa Ek", "meetings[0].adjusters": ["Bo Ask"]}),
    case("a_front_page_whose_adjusters_sign_on_one_line_and_whose_reservation_precedes_the_background",
         "minutes.txt",
         "SAMMANTRÄDESPROTOKOLL\nGatunämnden 2020-02-11\n\nUtses att justera Eva Sund (M) och Per Bok (S)\n\n"
         "Underskrifter Sekreterare ............ Paragrafer 4-9\nAnn Ros\n\nOrdförande ............\nLars Ek\n\n"
         "Justerande ............\nEva Sund Per Bok\n\nGN § 5 Dnr GN 2019/12\n\nCykelplan 2020-2024\n\nBeslut\n"
         "Gatunämnden beslutar\natt anta Cykelplan 2020-2024.\n\nReservation\nKim Al (V) reserverar sig mot beslutet.\n\n"
         "Bakgrund\nPlanen anger mål för cyklingen. Målet är att andelen resor med cykel ska fördubblas till 2024.\n",
         {"meetings[0].adjusters": ["Eva Sund", "Per Bok"], "document.signatories": Lacks("Eva Sund Per Bok"),
          # the reservation ends where the paragraph's own account begins: its goal is the plan's, not an opinion
          "goals: text": ["andelen resor med cykel ska fördubblas till 2024"]}),
    case("substitutes_listed_among_those_who_decide_serve",
         "minutes.txt",
         "PROTOKOLL\nKommunfullmäktige\nSammanträdesdatum 2018-06-19\n\nBeslutande\n\nLedamöter Eva Holm (S), ordförande\n\n"
         "Bo Ask (M) Lisa Berg (C)\n\nErsättare Ulf Ris (M) §§ 12-15\n\nÖvriga närvarande\n\nErsättare Kim Ek (S)\n\n"
         "Justerare Bo Ask (M)\n\n§ 12\n\nVal av justerare\n\nKommunfullmäktiges beslut\nBo Ask utses att justera "
         "protokollet.\n",
         {"meetings[0].attendees: name, role": [
             ("Eva Holm", "ordförande"), ("Bo Ask", "ledamot"), ("Lisa Berg", "ledamot"),
             ("Ulf Ris", "tjänstgörande ersättare"), ("Kim Ek", "ersättare")]}),
    case("substitutes_under_others_present_do_not_serve",
         "minutes.txt",
         "PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2018-06-19\n\nBeslutande ledamöter Eva Holm (S) "
         "Bo Ask (M)\nEj beslutande ersättare Kim Ek (S)\n\n§ 3\n\nBudget\n\nKommunstyrelsen beslutar att "
         "godkänna budgeten.\n",
         {"meetings[0].attendees: name, role": Has(("Kim Ek", "ersättare"))}),
    case("an_extract_of_minutes_is_titled_by_the_board_that_met_not_the_one_it_answers",
         "utdrag.txt",
         "PROTOKOLLSUTDRAG\nKulturnämnden\nSammanträdesdatum 2021-10-20\n\n§ 45 Dnr KN 2021/51\n\n"
         "Yttrande över remiss av Biblioteksplan\n\nBeslut\nKulturnämnden beslutar\natt översända "
         "yttrandet till kommunstyrelsen.\n\nÄrendebeskrivning\nKommunstyrelsen har remitterat "
         "förslaget till nämnden.\n",
         {"document.author": "Kulturnämnden", "document.title": "Protokoll Kulturnämnden 2021-10-20"}),
    case("signature_lines_of_dots_give_the_signatories_and_the_chair_is_no_adjuster",
         "minutes.txt",
         "PROTOKOLL\nKommunfullmäktige\nSammanträdesdatum 2021-11-22\n\nNärvarande ledamöter: Anna Ek (S) "
         "ordf, Bo Ask (M), Cia Berg (C)\n\nOrdförande ............................ Anna Ek\n"
         "Justerande ............................ Bo Ask            Cia Berg\n\n§ 101 Dnr KS 2021/200\n\n"
         "Budget 2022\n\nKommunfullmäktiges beslut\nKommunfullmäktige fastställer budgeten.\n",
         {"meetings[0].chair": "Anna Ek", "meetings[0].adjusters": ["Bo Ask", "Cia Berg"],
          "document.signatories": ["Anna Ek", "Bo Ask", "Cia Berg"]}),
])
def test_minutes_of_other_layouts(name, text, expected):
    assert_read(text, expected, name)


@pytest.mark.parametrize("block, chair, adjusters", [
    ("Beslutande\nLisa Ek (S), ordförande\nBo Ask (M)\nUlf Ris (C)\n\nProtokollet justeras av Bo Ask och Ulf Ris.\n",
     "Lisa Ek", ["Bo Ask", "Ulf Ris"]),
    ("Beslutande\nLisa Ek (S)\nBo Ask (M)\nUlf Ris (C)\n\nSekreterare Ordförande Justerande\nMaja Berg Lisa Ek Bo Ask\n",
     "Lisa Ek", ["Bo Ask"]),
])
def test_adjusters_told_in_a_sentence_or_in_a_signature_row_of_names_run_together(block, chair, adjusters):
    _, ex, _ = extract_text(f"PROTOKOLL\nByggnadsnämnden\nSammanträdesdatum 2019-05-14\n\n{block}\n§ 12 Dnr BN 2019/44\n"
                            "Bygglov\nByggnadsnämnden beslutar att bevilja bygglov.\n", name="minutes.txt")
    m = ex.meetings[0]
    assert (m.chair, m.adjusters) == (chair, adjusters)


@pytest.mark.parametrize("label", ["Justerare\n\nBo Ask\n", "Utsedd att justera: Bo Ask\n", "Justeringsperson: Bo Ask\n", "Att justera: Bo Ask\n"])
def test_adjusters_under_a_label_a_blank_line_above_them_or_other_words_for_it(label):
    _, ex, _ = extract_text(f"PROTOKOLL\nByggnadsnämnden\nSammanträdesdatum 2019-05-14\n\nBeslutande\nLisa Ek (S), ordförande\n"
                            f"Bo Ask (M)\n\n{label}\n§ 12 Dnr BN 2019/44\nBygglov\nByggnadsnämnden beslutar att bevilja "
                            "bygglov.\n", name="minutes.txt")
    assert ex.meetings[0].adjusters == ["Bo Ask"]


@pytest.mark.parametrize("head, body", [
    ("KOMMUNSTYRELSEN\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum: 4 maj 2021", "Kommunstyrelsen"),
    ("BARN- OCH UTBILDNINGSNÄMNDEN\nPROTOKOLL\nSammanträdesdatum 2021-05-04", "Barn- och utbildningsnämnden"),
    ("Justerat protokoll\nMiljönämnden 2021-05-04", "Miljönämnden"),
])
def test_a_board_named_in_capitals_or_with_the_date_on_its_line_heads_the_minutes(head, body):
    _, ex, _ = extract_text(f"{head}\n\nNärvarande\nAnna Ek (S), ordförande\nBo Ask (M)\n\nJusterare: Bo Ask\n\n§ 12 Dnr 2021/33\n"
                            "Budget\n\nBeslut\nNämnden beslutar att godkänna budgeten.\n", name="minutes.txt")
    m = ex.meetings[0]
    assert (m.body, m.date, ex.document.author) == (body, "2021-05-04", body)


def test_att_clauses_a_line_ran_together_are_decisions_each_and_give_their_assignment():
    text = ("Protokoll\nSocialnämnden\n2022-04-21\n\n§ 35 SN 2022/88\nHandlingsplan mot våld i nära relationer 2022–2025\n"
            "Socialnämnden beslutar\natt anta handlingsplan mot våld i nära relationer 2022–2025,\natt uppdra åt "
            "socialförvaltningen att årligen redovisa arbetet till nämnden.\n")
    _, ex, _ = extract_text(text, name="protokoll.txt")
    [item] = ex.meetings[0].items
    assert [d.text for d in item.decisions] == ["anta handlingsplan mot våld i nära relationer 2022–2025",
                                                "uppdra åt socialförvaltningen att årligen redovisa arbetet till nämnden"]
    assert [(a.issuer, a.assignees) for a in ex.assignments] == [("Socialnämnden", ["Socialförvaltningen"])]


def test_minutes_in_markdown_with_the_date_in_the_title_and_attendance_as_a_table():
    text = ("# Protokoll Barn- och utbildningsnämnden 2024-02-13\n\n## Närvarande\n\n| Namn | Parti | Funktion |\n|---|---|---|\n"
            "| Helena Ström | S | Ordförande |\n| Johan Ek | M | Vice ordförande |\n| Sara Lund | V | Ledamot |\n"
            "| Ali Hassan | S | Tjänstgörande ersättare för Maja Berg (S) |\n\n**Justerare:** Johan Ek\n")
    doc, ex, _ = extract_text(text, name="protokoll.md", media_type="text/markdown")
    [m] = ex.meetings
    assert (ex.document.date, m.date, m.chair, m.adjusters) == ("2024-02-13", "2024-02-13", "Helena Ström", ["Johan Ek"])
    assert [(a.name, a.role, a.party, a.substitute_for) for a in m.attendees] == [
        ("Helena Ström", "ordförande", "S", None), ("Johan Ek", "vice ordförande", "M", None),
        ("Sara Lund", "ledamot", "V", None), ("Ali Hassan", "tjänstgörande ersättare", "S", "Maja Berg")]
    assert "|" not in doc.text and "---" not in doc.text


SEAT_TABLE_ROWS = [("Markus Evensson", "S", "X", ""), ("Lars Molin", "M", "", "Ingrid Hed (M)"),
                   ("Stina Bergström", "SD", "X", ""), ("Erik Hansson", "V", "", "Anna Lind (V)")]


def _seat_table(layout: str) -> str:
    head = ("Ledamöter", "Parti", "Närvarande", "Tjänstgörande ersättare")
    if layout == "columns":
        line = lambda r: f"{r[0]:<22}{r[1]:<8}{r[2]:<13}{r[3]}".rstrip()
    elif layout == "tabs":
        line = lambda r: "\t".join(r).rstrip("\t")
    else:
        line = lambda r: "| " + " | ".join(r) + " |"
    rows = [line(head)] + (["|---|---|---|---|"] if layout == "markdown" else []) + [line(r) for r in SEAT_TABLE_ROWS]
    return ("# Protokoll\n\nKommunfullmäktige i Ljusdals kommun\nSammanträdesdatum 2022-03-28\n\n" + "\n".join(rows)
            + "\n\nOrdförande: Björn Brink (S)\nJusterare: Stina Bergström\n\n§ 41 Dnr 2022/112\nTaxa för bygglov\n"
            "Kommunfullmäktiges beslut\nKommunfullmäktige antar ny taxa.\n")


@pytest.mark.parametrize("layout", ["columns", "tabs", "markdown"])
def test_an_attendance_table_whose_last_column_names_who_served_in_a_seat(layout):
    # a name in the column "Tjänstgörande ersättare" served for the row's member, who was not there; a row marked
    # in "Närvarande" is a member who was
    _, ex, _ = extract_text(_seat_table(layout), name="p.md", media_type="text/markdown")
    (m,) = ex.meetings
    got = {a.name: (a.role, a.substitute_for) for a in m.attendees}
    assert got == {"Markus Evensson": ("ledamot", None), "Stina Bergström": ("ledamot", None),
                   "Ingrid Hed": ("tjänstgörande ersättare", "Lars Molin"),
                   "Anna Lind": ("tjänstgörande ersättare", "Erik Hansson"), "Björn Brink": ("ordförande", None)}


@pytest.mark.parametrize("header, adjusters", [
    # a header flattened into one run of text: the adjuster's name ends where the next label begins
    ("Beslutande Karl Nyberg (C) ordförande Anna Berg (S) Per Ek (M) Justerare Anna Berg Justeringens plats och tid "
     "Kommunhuset 2020-08-20", ["Anna Berg"]),
    # the label abbreviated
    ("Ordf. Karl Nyberg\nJust. Anna Berg", ["Anna Berg"]),
])
def test_the_adjusters_label_abbreviated_or_run_into_the_next_label(header, adjusters):
    text = (f"PROTOKOLL\nSocialnämndens arbetsutskott\nSammanträdesdatum 2020-08-18\n\n{header}\n\n§ 101 Val av justerare\n"
            "x\n\n§ 102 Ekonomiskt bistånd, SN 2020/12\nArbetsutskottet beslutar att bevilja bistånd.\n")
    _, ex, _ = extract_text(text, name="p.txt")
    (m,) = ex.meetings
    assert (m.chair, m.adjusters) == ("Karl Nyberg", adjusters)
    # a line that begins "Just nu" names no adjuster
    _, ex, _ = extract_text(text.replace(header, "Beslutande\tKarl Nyberg (C), ordförande").replace(
        "x\n", "Just nu arbetar Anna Berg med frågan.\n"), name="p.txt")
    assert ex.meetings[0].adjusters == []


def test_an_attendance_list_printed_after_the_items():
    # "Beslutande: Se närvarolista sid 4": the list after the last § gives the attendees, its "X" who was there
    text = ("Region Gävleborg\nPROTOKOLL\nRegionstyrelsen\nDatum: 2023-05-09\n\nBeslutande: Se närvarolista sid 4\n"
            "Justerare: Eva Holm (M)\n\n§ 112 Årsredovisning 2022, RS 2023/155\nRegionstyrelsen beslutar att godkänna "
            "årsredovisningen.\n\n§ 113 Budget 2024, RS 2023/156\nRegionstyrelsen beslutar att anta budgeten.\n\n"
            "Närvarolista\nLedamöter             Närvarande\nMarit Ek (S), ordf.   X\nEva Holm (M)          X\n"
            "Per Lind (C)\n")
    _, ex, _ = extract_text(text, name="p.txt")
    (m,) = ex.meetings
    assert m.chair == "Marit Ek"
    assert {(a.name, a.role) for a in m.attendees} == {("Marit Ek", "ordförande"), ("Eva Holm", "ledamot")}
    assert [i.paragraph for i in m.items] == [112, 113]


@pytest.mark.parametrize("council", ["kommunfullmäktige", "regionfullmäktige", "landstingsfullmäktige"])
def test_what_a_board_proposes_to_its_council_is_its_decision(council):
    text = ("PROTOKOLL\nRegionstyrelsen\nDatum: 2023-05-09\n\nJusterare: Eva Holm (M)\n\n§ 112 Årsredovisning 2022\n"
            f"Regionstyrelsen föreslår {council} att godkänna årsredovisningen för 2022.\n\n§ 113 Budget 2024\n"
            "Regionstyrelsen beslutar att anta budgeten.\n")
    _, ex, _ = extract_text(text, name="p.txt")
    item = next(i for i in ex.meetings[0].items if i.paragraph == 112)
    assert [d.text for d in item.decisions] == [f"föreslår {council} att godkänna årsredovisningen för 2022"]
