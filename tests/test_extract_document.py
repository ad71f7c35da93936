"""The document stage: kind, title, date, diarienummer, author, addressee, signatories.

The corpus documents are checked against their gold facts (000, 002, 004) and
what a careful reader sees in 001 and 003; the `doc_*` fixtures are invented
documents in other layouts and wordings, and a sample of real regeringen.se
pages checks that the Markdown kinds are told apart.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from styrgraf.ingest import document
from styrgraf.ingest.bodies import find_bodies
from styrgraf.ingest.context import Ctx
from styrgraf.ingest.model import Extraction
from styrgraf.ingest.normalise import normalise
from styrgraf.ingest.pipeline import extract_text
from conftest import CORPUS, FIXTURES, REGERINGEN, assert_gold_found, each_gold_file, extract, page, read_gold
from facts import All, Has, Lacks, Not, Starts, assert_facts, assert_read, case



read = extract


def stage_only(text: str, media_type: str = "text/plain") -> Ctx:
    """Run only the document stage (what later stages see of it)."""
    doc = normalise(text, media_type=media_type)
    ctx = Ctx(doc=doc, out=Extraction(), bodies=find_bodies(doc.text))
    document.extract(ctx)
    return ctx


def assert_quotes(doc, spans):
    assert spans, "metadata without evidence"
    for s in spans:
        quote = doc.text[s.start:s.end]
        assert quote and quote == quote.strip(), (s, quote)


# ---------------------------------------------------------------- corpus
def test_000_own_words():
    ctx = stage_only((CORPUS / "000_c3f731b4bab44c47.txt").read_text(encoding="utf-8"))
    assert ctx.kind == "tjänsteutlåtande"
    assert ctx.year == 2018
    assert ctx.bodies.resolve("förvaltningens") == "Arbetsmarknadsförvaltningen"
    assert ctx.bodies.resolve("nämnden") == "Arbetsmarknadsnämnden"
    assert ctx.bodies.resolve("staden") == "Stockholms stad"


@each_gold_file
def test_gold_document_fields(gold_file):
    """Every gold document field, matched the way eval/score.py matches it."""
    gold, _, ex = read_gold(gold_file)
    m = ex.document
    item = {"source": gold["source"], "title": m.title, "kind": m.kind, "date": m.date,
            "diarienummer": m.diarienummer, "author": {"label": m.author}, "signatories": m.signatories}
    assert_gold_found("document", [dict(g, _source=gold["source"]) for g in gold["document"]], [item], optional_too=True)


# ---------------------------------------------------------------- corpus and invented documents
# What each document says of itself. quotes: None where its evidence is not checked; else the quotes its evidence
# holds besides (each quote an exact, trimmed slice of the text).
@pytest.mark.parametrize("path, expected, quotes", [
    case("000_tjansteutlatande",
         CORPUS / "000_c3f731b4bab44c47.txt",
         {"kind": "tjänsteutlåtande", "title": "Remiss av Stockholms stads riktlinjer för romsk inkludering",
          "date": None,                                 # the text gives none
          "diarienummer": ["2018/000070"],              # the enclosed remiss ("Bilaga … dnr 2018/000070")
          "author": "Arbetsmarknadsförvaltningen", "addressee": "Arbetsmarknadsnämnden",
          "signatories": ["Arjun Bakshi", "Karin Eriksson-Bech"]},
         {"Arjun Bakshi", "Karin Eriksson-Bech", "2018/000070"}),
    case("001_aterrapport",
         CORPUS / "001_fa2d4025ac84fede.txt",
         {"kind": "återrapport", "author": "Arbetsförmedlingen", "signatories": ["Lars Lööw"],
          "date": None,                                 # "regeringsbeslut 2020-04-30" dates the uppdrag, not the report
          "diarienummer": [], "reports_on": ["Ku 2020/01108/CSM"], "title": Has("romsk inkludering")},
         set()),
    case("002_kontorsyttrande",
         CORPUS / "002_40780f4541adeb76.txt",
         {"kind": "kontorsyttrande", "title": "Kontorsyttrande över remiss av handlingsplan mot rasism",
          "diarienummer": ["KS 2024/1035"], "author": "Arbetsmarknadsförvaltningen", "addressee": "Kommunstyrelsen",
          "signatories": ["Karina Uddén"]},             # not the handläggare
         set()),
    case("003_tjansteutlatande_without_named_district",
         CORPUS / "003_ca11e0320d7294d2.txt",
         {"kind": "tjänsteutlåtande", "title": "Remiss av förslag till strategi för stadens arbetsmarknadsinsatser",
          "signatories": ["Maria Mathiasson Laxvik", "Hanna Jakhammer"],
          "author": None},                              # the stadsdelsförvaltning is never named
         None),
    case("004_protokoll",
         CORPUS / "004_854bb6aaec4ae1ed.txt",
         {"kind": "protokoll", "title": "Protokoll AMN 2019-06-18", "date": "2019-06-18", "author": "Arbetsmarknadsnämnden",
          "diarienummer": ["AMN 2019-0098-1.3", "AMN 2019-0062-1.6", "AMN 2019-0139-1.6",
                           "AMN 2019-0157-1.6", "AMN 2019-0160-1.6", "AMN 2019-0178-1.3"]},
         set()),
    case("fixture_tjansteskrivelse_other_municipality",
         FIXTURES / "doc_tjansteskrivelse_trygghet.txt",
         {"kind": "tjänsteutlåtande", "title": "Revidering av Handlingsplan för trygghet och säkerhet 2022–2025",
          "date": "2022-05-03", "diarienummer": ["KS 2022/456"], "addressee": "Kommunstyrelsen",
          "author": "Kommunledningskontoret",
          "signatories": ["Maria Berg"]},               # "Handläggare Erik Lund" is not a signatory
         set()),
    case("fixture_stockholm_header",
         FIXTURES / "doc_tjansteutlatande_header.txt",
         {"kind": "tjänsteutlåtande",
          "title": "Stockholms stads handlingsplan för suicidprevention",   # not the unit line
          "date": "2021-09-14",                         # the first header date, not the meeting date
          "diarienummer": ["3.1-123/2021", "KS 2021/789"], "author": "Socialförvaltningen",
          "addressee": "Socialnämnden",                 # "Till" on its own line
          "signatories": ["Gunilla Ek", "Per Strand"]},
         set()),
    # another city's layout: "Utfärdat", a short-year diarienummer, an organisation line above the title
    case("fixture_goteborg_style",
         FIXTURES / "doc_tjansteutlatande_goteborg.txt",
         {"kind": "tjänsteutlåtande", "title": "Yttrande över remiss av Göteborgs Stads plan för jämställdhet 2021–2023",
          "date": "2021-03-15", "diarienummer": ["0123/21"], "signatories": ["Maria Svensson"]},
         set()),
    case("fixture_protokoll_other_layout",
         FIXTURES / "doc_protokoll_socialnamnd.txt",
         {"kind": "protokoll",
          "title": "Protokoll Socialnämnden 2023-02-21",   # built: the text has no page header
          "date": "2023-02-21", "author": "Socialnämnden", "diarienummer": ["SN 2023/15", "SN 2023/22"],
          "signatories": ["Lena Ek", "Anna Svensson", "Per Olsson"]},
         set()),
    case("fixture_remissvar_from_agency",
         FIXTURES / "doc_yttrande_myndighet.txt",
         {"kind": "remissvar", "title": Starts("Remiss av betänkandet En sammanhållen politik för psykisk hälsa"),
          "date": "2021-06-10", "diarienummer": ["2021/0345", "S2021/01234"], "author": "Folkhälsomyndigheten",
          "addressee": "Socialdepartementet", "signatories": ["Karin Tegmark Wisell"]},
         None),
])
def test_what_a_document_says_of_itself(path, expected, quotes):
    doc, ex = read(path)
    assert_facts(ex.document, expected)
    if quotes is not None:
        assert_quotes(doc, ex.document.evidence)
        assert quotes <= {doc.text[s.start:s.end] for s in ex.document.evidence}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("protokoll_*.txt")), ids=lambda p: p.stem)
def test_other_protokoll_fixtures_are_protokoll(path):
    doc, ex = read(path)
    assert ex.document.kind == "protokoll"
    assert ex.document.date is not None
    assert ex.document.title


def test_no_invented_metadata():
    ctx = stage_only("Några anteckningar om mötet.\nVi pratade om budgeten och om vädret.\n")
    m = ctx.out.document
    assert ctx.kind == "okänd"
    assert m.date is None and m.diarienummer == [] and m.author is None and m.signatories == []


# ---------------------------------------------------------------- regeringen.se pages
MARKDOWN_EXPECTED = {
    "regeringsuppdrag": {"regeringsuppdrag", "regeringsbeslut"},
    "remisser": {"remiss"},
    "kommittedirektiv": {"kommittédirektiv"},
}


def sample(folder: Path, n: int = 20) -> list[Path]:
    files = sorted(folder.glob("*.md"))
    step = max(1, len(files) // n)
    return files[::step][:n]


@pytest.mark.skipif(not REGERINGEN.is_dir(), reason="regeringen.se corpus not available")
@pytest.mark.parametrize("folder", sorted(MARKDOWN_EXPECTED))
def test_regeringen_markdown_kinds(folder):
    wrong = []
    for path in sample(REGERINGEN / folder):
        doc, ex = read(path, media_type="text/markdown")
        m = ex.document
        if m.kind not in MARKDOWN_EXPECTED[folder]:
            wrong.append((path.name, m.kind))
        assert m.title and "Diarienummer" not in m.title and not m.title.startswith("#")
        if m.kind in ("regeringsuppdrag", "kommittédirektiv", "regeringsbeslut"):
            assert m.author == "Regeringen"
        for s in m.evidence:
            assert doc.text[s.start:s.end].strip() == doc.text[s.start:s.end]
    assert not wrong, wrong


def test_markdown_uppdrag_page():
    text = ("# Uppdrag till Socialstyrelsen att följa upp vården Diarienummer: S2025/01234\n\n"
            "Regeringen ger Socialstyrelsen i uppdrag att följa upp vården.\n\n"
            "Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) senast den 1 mars 2026.\n")
    ctx = stage_only(text, media_type="text/markdown")
    m = ctx.out.document
    assert m.kind == "regeringsuppdrag"
    assert m.title == "Uppdrag till Socialstyrelsen att följa upp vården"
    assert m.diarienummer == ["S2025/01234"]
    assert m.author == "Regeringen"
    assert m.addressee == "Socialstyrelsen"
    assert m.date is None


def test_markdown_kommittedirektiv_and_remiss():
    kd = stage_only("# Översyn av tolkfrågor\n\nEn särskild utredare ska se över vissa tolkfrågor.\n\n"
                    "Uppdraget ska redovisas senast den 30 juni 2026.\n", media_type="text/markdown")
    assert kd.kind == "kommittédirektiv"
    remiss = stage_only("# Remiss av promemorian Nya regler för tolkar\n\n"
                        "Remissvaren ska ha kommit in till Justitiedepartementet senast den 1 mars 2026. "
                        "Ange diarienummer Ju2025/01234 och remissinstansens namn.\n", media_type="text/markdown")
    assert remiss.kind == "remiss"
    assert remiss.out.document.diarienummer == ["Ju2025/01234"]
    assert remiss.out.document.author == "Justitiedepartementet"


# ---------------------------------------------------------------- kind and author from what the text says
@pytest.mark.parametrize("text, kind", [
    # a municipal paper converted to Markdown is not a government page because of its "#" heading
    ("# Uppdrag att ta fram en handlingsplan för parkerna\n\nKommunfullmäktige ger kulturnämnden i uppdrag att "
     "ta fram en handlingsplan för parkerna. Nämnden ska redovisa arbetet i december.\n", None),
    ("# Folkhälsorådets verksamhetsplan 2024\n\nFolkhälsorådet ska under året arbeta med psykisk hälsa.\n",
     "verksamhetsplan"),
    ("DELEGATIONSBESLUT\nSocialnämnden\nBeslut om bostad med särskild service enligt nämndens delegationsordning.\n",
     "delegationsbeslut"),
    ("BESLUTSUNDERLAG\nRegionstyrelsen\nÄndringar i reglementen\nFörslag till beslut\n", "beslutsunderlag"),
    ("Folkhälsoplan\nAntagen av Kommunfullmäktige 12 maj 2003\nVisionen är en god hälsa för alla.\n", "plan"),
    # the government acting: a decision page, whatever its format
    ("Uppdrag till Boverket att se över byggreglerna\n\nRegeringen ger Boverket i uppdrag att se över byggreglerna.\n",
     "regeringsuppdrag"),
    ("# Uppdrag att analysera kontaktpunkter\n\nIAF får i uppdrag att analysera frågan om kontaktpunkter.\n",
     "regeringsuppdrag"),
    ("# Översyn av skolans ansvar\n\nUtredaren ska kartlägga hur skolan arbetar med frågan.\n", "kommittédirektiv"),
    # a protokoll whose columns came out as one run of text
    ("STORSTADS KOMMUN PROTOKOLL 1(12) Plats och tid Stadshuset, måndagen den 3 maj 2021 Beslutande Anna Berg, ordf. "
     "Olle Ek Utses att justera Olle Ek Paragrafer 1-5 Sekreterare Per Lund\n", "protokoll"),
])
def test_kind_comes_from_the_text_not_the_format(text, kind):
    ctx = stage_only(text, media_type="text/markdown" if text.startswith("#") else "text/plain")
    m = ctx.out.document
    assert m.kind == (kind or m.kind) and m.kind not in ("regeringsuppdrag", "regeringsbeslut", "remiss") \
        if kind is None else m.kind == kind
    if kind not in ("regeringsuppdrag", "kommittédirektiv"):
        assert m.author != "Regeringen"


def test_a_letterhead_run_into_one_line_still_names_kind_author_addressee_and_number():
    text = ("Datum Sida 1 (3)\n\n1 Landstinget DALARNA Central förvaltning Ledningsenhet BESLUTSUNDERLAG "
            "Landstingsfullmäktige Datum Sida 1 (3) Dnr LD13/03336 Landstingsstyrelsen Ändringar i reglementen "
            "Ordförandens förslag 1. Förändringar i nämndernas allmänna bestämmelser fastställs.\n")
    m = stage_only(text).out.document
    assert (m.kind, m.author, m.addressee) == ("beslutsunderlag", "Landstinget Dalarna", "Landstingsfullmäktige")
    assert m.diarienummer == ["LD13/03336"]


@pytest.mark.parametrize("text", [
    "# Försvarsindustristrategi för ett starkare Sverige\n\nGenom åtgärderna i strategin vill regeringen stärka "
    "investeringarna i försvarsindustrin.\n",
    "# Psykisk hälsa - Regeringens handlingsplan för perioden 2025–2026\n\nHandlingsplanen innehåller åtgärder "
    "inom området psykisk hälsa.\n",
])
def test_a_national_steering_document_is_the_governments(text):
    m = stage_only(text, media_type="text/markdown").out.document
    assert m.kind in ("strategi", "handlingsplan") and m.author == "Regeringen"


def test_a_municipal_plan_citing_the_government_stays_the_municipalitys():
    text = ("Folkhälsoplan för Götene kommun\n\nGötene kommun arbetar för en god hälsa. Regeringen har beslutat "
            "om en nationell folkhälsopolitik som planen utgår från.\n")
    assert stage_only(text).out.document.author == "Götene kommun"


@pytest.mark.parametrize("text, kind, author", [
    ("# Tydlig prisuppgift vid taxiresor\n\nI propositionen lämnas förslag till lagändringar inom taxitrafikområdet.\n",
     "proposition", "Regeringen"),
    ("# Ett nytt konkursförfarande\n\nRegeringen föreslår att konkursförfarandet ska moderniseras.\n",
     "proposition", "Regeringen"),
    ("# Riksrevisionens rapport om inkomstskatter\n\nSkrivelsen innehåller regeringens bedömningar av Riksrevisionens "
     "iakttagelser.\n", "skrivelse", "Regeringen"),
    ("# Vinst i skolan\n\nSlutbetänkande av Utredningen om vinst i skolan.\n", "betänkande", "Utredningen om vinst i skolan"),
    ("# Bilpooler\n\nBilpoolsutredningen har i dag överlämnat sitt betänkande till regeringen.\n", "betänkande",
     "Bilpoolsutredningen"),
    ("# Polisutbildning\n\nPolisutbildningsutredningens uppdrag har varit att föreslå en ny utbildning.\n", "betänkande",
     "Polisutbildningsutredningen"),
    ("# Vissa skattefrågor\n\nEn promemoria med dessa förslag har därför tagits fram inom Regeringskansliet.\n",
     "promemoria", "Regeringskansliet"),
    ("# Centralmyndighetens roll\n\nFaktabladet ger en övergripande bild av Centralmyndighetens roll.\n", "faktablad", None),
    # a memorandum that calls itself a departementspromemoria
    ("# Upprättelse för de drabbade\n\nI denna departementspromemoria föreslås en ersättning till de drabbade.\n",
     "promemoria", None),
    ("# Upprättelse för de drabbade\n\nDepartementspromemorian innehåller förslag om en ersättning.\n", "promemoria", None),
    ("# Nationella prov\n\nI denna proposition föreslås att resultat på nationella prov ska beaktas.\n",
     "proposition", "Regeringen"),
    ("# Riksrevisionens rapport om bostadsbidrag\n\nRegeringen välkomnar Riksrevisionens granskning. I och med denna "
     "redovisning anser regeringen att Riksrevisionens rapport är slutbehandlad.\n", "skrivelse", "Regeringen"),
    ("# Regelverk för krigsmateriel\n\n2023 års krigsmaterielutredning har haft i uppdrag att se över regelverket.\n",
     "betänkande", "2023 års krigsmaterielutredning"),
    # a memorandum that cites a bill by number speaks of that bill, not of itself
    ("# Kvalitet i högskolan\n\nRiksdagen har behandlat propositionen Studentinflytande (prop. 1999/2000:28). I "
     "propositionen redovisade regeringen sin syn. En promemoria har tagits fram inom Regeringskansliet.\n",
     "promemoria", "Regeringskansliet"),
    ("# Bättre tillsammans – förslag till en uppdaterad nationell cancerstrategi\n\nSocialdepartementet har analyserat "
     "och föreslagit en uppdaterad nationell cancerstrategi.\n", "strategi", "Socialdepartementet"),
    # a bill that says "Denna proposition" or what the government proposes, whatever else it says it decides
    ("# Patientrörlighet inom EES\n\nDenna proposition innehåller förslag till kompletteringar. Regeringen beslutar "
     "att överlämna den till riksdagen.\n", "proposition", "Regeringen"),
    # the government's answer to Riksrevisionen, titled by the report, and a letter that calls itself one
    ("# Riksrevisionens rapport om statliga myndigheters skydd mot korruption\n\nRegeringen bedömer att arbetet "
     "behöver stärkas. Utredaren ska inte tillkallas.\n", "skrivelse", "Regeringen"),
    # a committee's report that says so on its cover, before it tells its remit as a directive would
    ("# Havet och människan\n\nDelbetänkande av Miljömålsberedningen. Regeringen beslutade den 1 juli 2010 att "
     "tillkalla en parlamentarisk kommitté med uppdrag att lämna förslag. Kommittén ska lämna förslag om havet.\n",
     "betänkande", "Miljömålsberedningen"),
    # a draft bill sent out as the ministry's memorandum
    ("# Ny möjlighet till uppehållstillstånd (utkast till lagrådsremiss)\n\nI utkastet till lagrådsremiss lämnas "
     "förslag om en ny möjlighet till uppehållstillstånd.\n", "promemoria", None),
    # a directive telling a committee what to do stays a directive
    ("# Översyn av skolans ansvar\n\nEn särskild utredare ska kartlägga hur skolan arbetar med frågan.\n",
     "kommittédirektiv", "Regeringen"),
    # an assignment to the government's own inquirer, an assignment changed or extended
    ("# Uppdrag att kartlägga straffvärdet\n\nEn utredare ges i uppdrag att kartlägga domstolarnas bedömning.\n",
     "regeringsuppdrag", "Regeringen"),
    ("# Utökat uppdrag till Kriminalvården\n\nKriminalvården har fått i uppdrag att utveckla arbetet.\n",
     "regeringsuppdrag", "Regeringen"),
])
def test_a_paper_of_the_government_offices_named_by_itself(text, kind, author):
    m = stage_only(text, media_type="text/markdown").out.document
    assert (m.kind, m.author) == (kind, author)


def test_a_letters_own_number_glued_to_its_title():
    text = ("# Riksrevisionens rapport om minoritetsspråkenSkr. 2025/26:62\n\nRegeringen välkomnar Riksrevisionens "
            "granskning.\n")
    m = stage_only(text, media_type="text/markdown").out.document
    assert (m.kind, m.title, m.diarienummer) == ("skrivelse", "Riksrevisionens rapport om minoritetsspråken",
                                                 ["Skr. 2025/26:62"])


@pytest.mark.parametrize("text, author", [
    ("# Nationell inriktning för artificiell intelligens\n\nSverige ska vara bäst i världen.\n\nRegeringens bedömning "
     "är att:\n\n* Sverige behöver utveckla regler.\n", "Regeringen"),
    # an inquiry's report recounts what the government decided: not the government's paper, but the report
    # of the inquiry it names only as "Utredningen"
    ("# Tjänstehundar\n\nRegeringen beslutade den 2 april 2009 att tillsätta en utredning. Utredningen har "
     "kartlagt aveln.\n", "Utredningen"),
])
def test_a_page_of_no_named_kind_is_the_governments_only_in_its_own_voice(text, author):
    m = stage_only(text, media_type="text/markdown").out.document
    assert m.author == author


def bodies_of(text: str) -> SimpleNamespace:
    """The bodies a text names, as the expected facts of a table read them ("bodies: label, kind")."""
    return SimpleNamespace(bodies=find_bodies(text).all())


@pytest.mark.parametrize("text, expected", [
    case("courts_and_municipalities_named_in_a_row_are_bodies",
         "Till domstolen bör Norrtälje, Sigtuna och Upplands Väsby kommuner föras. Länsrätten i Göteborg bör läggas "
         "samman med Länsrätten i Vänersborg och kommunerna Borås, Mark och Vårgårda. Solna tingsrätt yttrar sig. "
         "Inlandsinnovation AB och Fouriertransform AB lämnar uppgifter.",
         {"bodies: label, kind": {
             ("Norrtälje kommun", "kommun"), ("Sigtuna kommun", "kommun"), ("Upplands Väsby kommun", "kommun"),
             ("Borås kommun", "kommun"), ("Marks kommun", "kommun"), ("Vårgårda kommun", "kommun"),
             ("Länsrätten i Göteborg", "myndighet"), ("Länsrätten i Vänersborg", "myndighet"),
             ("Solna tingsrätt", "myndighet"), ("Inlandsinnovation AB", "bolag"), ("Fouriertransform AB", "bolag")}}),
    case("the_governments_national_coordinator_is_a_body",
         "Slutredovisning av den nationella samordnaren för Agenda 2030. En nationell samordnare för sjöfart ska utses.",
         {"bodies: label, kind": {("Nationella samordnaren för Agenda 2030", "myndighet")}}),
    case("a_name_stops_before_a_verb_and_one_group_has_one_name",
         "Statens råd för kärnavfallsfrågor, har önskat ge synpunkter. Regelverket bör ändras. Det nationella forumet "
         "för sprängämnessäkerhet och nationellt forum för sprängämnessäkerhet är samma.",
         {"bodies: label, kind": {("Statens råd för kärnavfallsfrågor", "myndighet"),
                                  ("Nationellt forum för sprängämnessäkerhet", "organisation")}}),
    case("courts_by_former_names_and_several_at_once",
         "# Domstolarna\n\nLänsrätterna i Kronobergs län, Blekinge län och Kalmar län bör läggas samman. "
         "Regeringsrätten och Migrationsöverdomstolen har prövat frågan.\n",
         {"bodies: label, kind": Has(("Länsrätten i Kronobergs län", "myndighet"), ("Länsrätten i Blekinge län", "myndighet"),
                                     ("Länsrätten i Kalmar län", "myndighet"), ("Regeringsrätten", "myndighet"),
                                     ("Migrationsöverdomstolen", "myndighet"))}),
    case("the_parties_of_the_riksdag_are_organisations_by_name_not_by_letter",
         "Förslagen bygger på en överenskommelse mellan regeringen, Centerpartiet och Liberalerna. Miljöpartiets "
         "företrädare reserverade sig. Anna Svensson (S) yrkade avslag.",
         {"bodies: label, kind": Has(("Centerpartiet", "organisation"), ("Liberalerna", "organisation"),
                                     ("Miljöpartiet de gröna", "organisation")),
          "bodies: label": Lacks("Socialdemokraterna")}),
    case("a_commission_of_two_stems_a_foundation_by_its_kind_word_and_a_school_company_are_bodies",
         "Forum för levande historia ska samråda med Sannings- och försoningskommissionen för tornedalingar, kväner "
         "och lantalaiset. Regeringen ger stiftelsen Industrifonden i uppdrag att rapportera. Internationella "
         "Engelska skolan i Sverige AB har yttrat sig. Europeiska unionens råd antog förordningen.",
         {"bodies: label, kind": Has(("Sannings- och försoningskommissionen för tornedalingar, kväner och lantalaiset",
                                      "myndighet"),
                                     ("Industrifonden", "organisation"), ("Internationella Engelska skolan i Sverige AB", "bolag"),
                                     ("Europeiska unionens råd", "organisation")),
          "bodies: label": Lacks("Sverige AB", "Europeiska unionen")}),
    case("the_series_of_an_acts_number_is_no_body_and_the_eus_statistics_office_and_community_are",
         "Europaparlamentet antog direktiv 2014/50/EU om tjänstepensioner. De senaste uppgifterna från Eurostat visar "
         "en ökning. Förordningen gäller i Europeiska gemenskapen. Ombudsmannen mot etnisk diskriminering yttrade sig.",
         {"bodies: label, kind": Has(("Eurostat", "organisation"), ("Europeiska gemenskapen", "organisation"),
                                     ("Ombudsmannen mot etnisk diskriminering", "myndighet")),
          "bodies: label": Lacks("Europeiska unionen")}),
    case("an_association_named_by_whom_it_unites_and_a_body_of_the_un_named_with_its_owner_are_bodies",
         "Yttranden har lämnats av Sveriges Stadsarkitektförening, Friskolornas riksförbund, Idéburna skolors "
         "riksförbund och Internationella Kvinnoförbundet för Fred och Frihet. Kommunens förbund deltar. Sverige "
         "uppfyller kraven i FN:s säkerhetsråds resolution 2178. Svenskt Näringsliv och Svenska kyrkan yttrar sig.",
         {"bodies: label, kind": Has(("Sveriges Stadsarkitektförening", "organisation"),
                                     ("Friskolornas riksförbund", "organisation"),
                                     ("Idéburna skolors riksförbund", "organisation"),
                                     ("Internationella Kvinnoförbundet för Fred och Frihet", "organisation"),
                                     ("FN:s säkerhetsråd", "organisation"), ("Svenskt Näringsliv", "organisation"),
                                     ("Svenska kyrkan", "organisation")),
          "bodies: label": Lacks("Kommunens förbund", "Förenta nationerna")}),
    case("a_report_named_with_its_number_is_no_committee",
         "Utredningen överlämnade betänkandet En nationell cancerstrategi för framtiden (SOU 2009:11). Se även "
         "Motståndskraft (Ds 2017:66). Utredningen om vissa hemliga tvångsmedel (Ju 2010:02) lämnar förslag.",
         {"bodies: label": ["Utredningen om vissa hemliga tvångsmedel"]}),
    case("companies_the_state_owns_and_a_foundation_of_sweden_are_named_as_the_register_has_them",
         "Remissinstanser: Teracom, Metria, Swedish Space Corporation (SSC) och Internetstiftelsen i Sverige.",
         {"bodies: label, kind": {("Teracom AB", "bolag"), ("Metria AB", "bolag"), ("Svenska rymdaktiebolaget", "bolag"),
                                  ("Internetstiftelsen i Sverige", "organisation")}}),
])
def test_the_bodies_a_text_names(text, expected):
    assert_facts(bodies_of(text), expected)


def test_an_inquirys_final_report_is_its_betankande():
    text = ("# Slutredovisning av den nationella samordnaren för Agenda 2030\n\nEn särskild utredare har haft i uppdrag "
            "att fungera som nationell samordnare.\n")
    m = stage_only(text, media_type="text/markdown").out.document
    assert (m.kind, m.author) == ("betänkande", "Nationella samordnaren för Agenda 2030")


@pytest.mark.parametrize("text, kind, author", [
    # a committee's report that does not say "betänkande": it speaks of its remit, in the first person, or
    # recounts how it was appointed; its author is the committee that speaks in its opening
    ("# Lördagsdistribution\n\nPresskommittén 2004 föreslår att ett särskilt distributionsstöd behövs.\n",
     "betänkande", "Presskommittén 2004"),     # (the year is part of its name)
    ("# Informationsförsörjning på skolområdet\n\nSkolinformationsutredningen har bland annat haft i uppdrag att "
     "föreslå en lösning.\n", "betänkande", "Skolinformationsutredningen"),
    ("# Jakt och fiske\n\nDelbetänkande Jakt och fiske i renbetesland av Renmarkskommittén.\n\nKommittén har getts "
     "i uppdrag att bedöma markerna.\n", "betänkande", "Renmarkskommittén"),
    ("# Medfinansiering\n\nRegeringen beslutade den 9 september 2010 att tillkalla en särskild utredare med uppdrag "
     "att föreslå riktlinjer för medfinansiering.\n", "betänkande", None),
    ("# Våld och tvång\n\nVi har enligt direktiven haft i uppdrag att analysera regleringen.\n", "betänkande", None),
    # the committee named by its topic without "om", or after "betänkande av" in lower case, or by two stems
    ("# Från värdekedja till värdecykel\n\nUtredningen cirkulär ekonomi har överlämnat sitt betänkande till regeringen.\n",
     "betänkande", "Utredningen cirkulär ekonomi"),
    ("# Konkurrens\n\nBetänkande av utredningen om nya konkurrensverktyg för marknader.\n\nEn effektiv konkurrens behövs.\n",
     "betänkande", "Utredningen om nya konkurrensverktyg för marknader"),
    # ... and with its designation after a comma, which is no part of its name
    ("# Metaller\n\nBetänkande från Utredningen om en hållbar försörjning av metaller, N 2021:01\n\nUtredningens "
     "uppdrag är att se över regelverket.\n", "betänkande", "Utredningen om en hållbar försörjning av metaller"),
    ("# Digital-tv\n\nI delbetänkandet redovisar Radio- och TV-lagsutredningen sina överväganden. Radio- och "
     "TV-lagsutredningen har fått i uppdrag att analysera lagen.\n", "betänkande", "Radio- och TV-lagsutredningen"),
    # ... or of its aim and findings, or of what it puts forward
    ("# Lån och garantier för fler bostäder\n\nBostadsbyggande är kapitalintensivt. Utredningens syfte är att skapa "
     "bättre villkor för finansieringen.\n", "betänkande", None),
    ("# Studiemedel\n\nFör att förbättra för alla studerande har utredningen fört fram flera förslag.\n",
     "betänkande", None),
    # a tilläggsdirektiv opens the same way, and is known by its title
    ("# Tilläggsdirektiv till Utredningen om medfinansiering (N 2010:03)\n\nRegeringen beslutade den 9 september "
     "2010 att tillkalla en särskild utredare med uppdrag att föreslå riktlinjer.\n", "kommittédirektiv", "Regeringen"),
])
def test_a_committees_report_known_by_how_it_speaks(text, kind, author):
    m = stage_only(text, media_type="text/markdown").out.document
    assert (m.kind, m.author) == (kind, author)


@pytest.mark.parametrize("text", [
    "# Bättre information vid mineralprospektering\n\nEnskildas ställning behöver stärkas. Regeringen föreslår därför "
    "ändringar i minerallagen (1991:45).\n",
    "# Vissa kapitalskattefrågor\n\nMot bakgrund av rättsutvecklingen föreslås i propositionen anpassningar.\n",
    "# Anläggningsbesked för biodrivmedel\n\nRegeringen har beslutat om en proposition med lagändringar.\n",
    "# Försäkringsförmedling\n\nMed propositionens förslag vill regeringen ställa hårdare krav på förmedlare.\n",
    "# Resenärers rättigheter\n\nKollektivtrafiken behövs. Regeringen föreslår därför en lag om resenärers rättigheter.\n",
])
def test_a_bill_known_by_how_it_speaks_of_itself(text):
    m = stage_only(text, media_type="text/markdown").out.document
    assert (m.kind, m.author) == ("proposition", "Regeringen")


@pytest.mark.parametrize("text", [
    "# Bör konsumenttjänstlagen utvidgas?\n\nDenna promemoria innehåller ett preliminärt förslag till utvidgning.\n",
    "# Rättssäkerhet i arbetslöshetsförsäkringen\n\nDepartementsskrivelsen innehåller förslag till regeländringar.\n",
    "# Utbetalning av garantipension\n\nRegeringskansliet föreslår förlängda tillfälliga regleringar.\n",
    "# Bilstöd\n\nSocialdepartementet föreslår att man ändrar vissa regler om bilstödets anpassningsbidrag.\n",
    "# Karenstak\n\nEn arbetsgrupp på Socialdepartementet har sett över karensavdraget och föreslagit förändringar.\n",
    "# Vuxenutbildning\n\nArbetsgruppens uppdrag har varit att lämna förslag om en rätt till vuxenutbildning.\n",
    "# Mervärdesskatt\n\nDen 4 november 2009 överlämnade utredarna rapporten ”Mervärdesskatt” (Ds 2009:58).\n",
])
def test_a_memorandum_known_by_how_it_speaks_of_itself(text):
    assert stage_only(text, media_type="text/markdown").out.document.kind == "promemoria"


def test_a_memorandum_cited_by_its_number_in_another_document_does_not_make_it_one():
    text = ("# Materielförsörjning\n\nUtredningens uppdrag har varit att med utgångspunkt i Försvarsberedningens rapport "
            "Värnkraft (Ds 2019:8) redovisa en strategi.\n")
    assert stage_only(text, media_type="text/markdown").out.document.kind == "betänkande"


@pytest.mark.parametrize("text, expected", [
    case("a_national_direction_the_government_sets_out_is_a_strategy",
         "# Strategisk inriktning för försvarsinnovation\n\nRegeringen vill stärka innovationen.\n",
         {"document.kind": "strategi"}),
    case("a_direction_a_board_decides_is_no_strategy",
         "# Inriktning för arbetet 2025\n\nNämnden beslutar om inriktningen.\n",
         {"document.kind": Not("strategi")}),
    case("a_main_report_says_what_it_is_and_whose",
         "# Miljöprocessen\n\nMiljöprocessutredningen behandlar i detta huvudbetänkande "
         "organisatoriska frågor.\n",
         {"document: kind, author": ("betänkande", "Miljöprocessutredningen")}),
    case("a_memorandum_a_ministry_sends_out_for_comment_says_what_it_is_and_whose",
         "# Slopad nedsättning av energiskatt\n\nFörslaget skickas nu på remiss av "
         "Finansdepartementet.\n",
         {"document: kind, author": ("promemoria", "Finansdepartementet")}),
    case("a_memorandum_remitted_from_a_ministry",
         "# En skattefri grundnivå för sparande\n\nFör att möjliggöra det remitteras därför denna "
         "promemoria från Finansdepartementet.\n",
         {"document: kind, author": ("promemoria", "Finansdepartementet")}),
    case("a_report_is_dated_the_day_it_was_handed_over",
         "# Kemikalieskatt\n\nKemikalieskatteutredningen överlämnade den 30 mars 2015 sitt betänkande till regeringen. "
         "Utredningen föreslår en skatt.\n",
         {"document: kind, date": ("betänkande", "2015-03-30")}),
    case("a_report_handed_over_under_its_title",
         "# Inskränkningarna i upphovsrätten\n\nDen 19 januari 2024 överlämnades betänkandet Inskränkningarna i "
         "upphovsrätten. I betänkandet föreslås nya regler.\n",
         {"document: kind, date": ("betänkande", "2024-01-19")}),
    case("a_report_is_not_dated_by_an_earlier_one_it_tells_of",
         "# Ny regional indelning\n\nDen 30 juni 2016 överlämnades delbetänkandet Regional indelning – tre nya län "
         "(SOU 2016:48). I detta slutbetänkande föreslår kommittén en ny indelning.\n",
         {"document: kind, date": ("betänkande", None)}),
    case("a_memorandum_whose_ministry_proposes_in_it",
         "# Promemoria Ändrade regler om bilstöd\n\nSocialdepartementet föreslår att reglerna om bilstöd ändras. "
         "Försäkringskassan ska pröva ansökningarna.\n",
         {"document: kind, author": ("promemoria", "Socialdepartementet")}),
    case("a_memorandum_a_working_group_of_a_ministry_wrote",
         "# Fritidspeng\n\nEn arbetsgrupp inom Socialdepartementet har tagit fram denna promemoria med ett förslag om "
         "fritidspeng. I promemorian föreslås att fritidspengen införs.\n",
         {"document: kind, author": ("promemoria", "Socialdepartementet")}),
    case("a_memorandum_that_opens_by_saying_so_is_one_though_it_is_sent_out_for_comment",
         "# En ny funktion för krishantering\n\nI promemorian föreslås att en funktion för krishantering inrättas vid "
         "Riksbanken.\n\nRemissvaren ska ha kommit in till Finansdepartementet senast den 1 mars 2024. "
         "Remissinstanser: Finansinspektionen.\n",
         {"document: kind, author": ("promemoria", "Finansdepartementet")}),
    case("an_assignment_that_tells_of_a_memorandum_further_down_is_still_an_assignment",
         "# Uppdrag att förbereda en överföring\n\nRegeringen uppdrar åt Gentekniknämnden att förbereda en "
         "överföring.\n\nI promemorian föreslås att nämnden ges en värdmyndighet.\n",
         {"document.kind": "regeringsuppdrag"}),
    case("a_report_of_an_inquiry_without_a_name_is_by_the_inquiry_that_speaks_in_it",
         "# Polygama äktenskap\n\nI betänkandet föreslår utredningen att inga utländska månggiften ska erkännas. "
         "Betänkande av utredningen.\n",
         {"document: kind, author": ("betänkande", "Utredningen")}),
    case("a_report_of_an_inquirer_without_a_name_is_by_the_inquirer",
         "# Tillsyn över spel\n\nBetänkande av utredaren. Utredaren föreslår en ny tillsynsmodell.\n",
         {"document: kind, author": ("betänkande", "Utredaren")}),
    case("a_memorandum_of_an_inquiry_in_the_ministrys_series_is_by_that_inquiry_and_tells_its_remit",
         "# Hyra anstaltsplatser utomlands\n\n![](/contentassets/a62a/1301252_ds_2025-1-omslag.png?width=150)\n\n"
         "Utredningen har haft i uppdrag att utreda förutsättningarna för att hyra anstaltsplatser utomlands. I "
         "promemorian redovisas hur detta skulle kunna genomföras.\n",
         {"document: kind, author": ("promemoria", "Utredningen"),
          "responsibilities: body, task": [("Utredningen", "utreda förutsättningarna för att hyra anstaltsplatser utomlands")]}),
    case("a_page_that_tells_of_an_inquiry_charged_before_is_no_directive",
         "# Ändring av jaktförordningen\n\nRegeringskansliet gav i maj 2015 en utredare i uppdrag att föreslå en "
         "processgång för överprövning. Uppdraget redovisades i promemorian Överprövning av beslut om skyddsjakt. "
         "I promemorian föreslås bl.a. att besluten ska få överklagas.\n",
         {"document.kind": Not("kommittédirektiv")}),
    case("a_page_that_charges_an_inquiry_is_a_directive",
         "# Översyn av jaktlagstiftningen\n\nEn särskild utredare ges i uppdrag att se över jaktlagstiftningen.\n",
         {"document.kind": "kommittédirektiv"}),
    case("a_supplementary_directive_that_recounts_the_first_is_still_a_directive",
         "# Tilläggsdirektiv till Postlagsutredningen (N 2008:09)\n\nRegeringen beslutade den 6 november 2008 att "
         "tillkalla en särskild utredare med uppgift att se över postlagen. Utredaren ska nu även analysera frågan.\n",
         {"document.kind": "kommittédirektiv"}),
    case("a_directive_that_says_what_the_remit_includes_is_no_report",
         "# Kommittédirektiv\n\nEn särskild utredare ska se över lantmäteriets avgifter. I uppdraget "
         "ingår att bedöma avgifternas nivå.\n",
         {"document.kind": Not("betänkande")}),
    case("a_page_about_a_memorandum_sent_out_today_is_a_promemoria",
         "# Ändrade regler om investeringssparkonto\n\nI en promemoria som skickas ut på remiss i dag föreslås att "
         "reglerna ändras. Syftet är att öka förutsebarheten.\n",
         {"document.kind": "promemoria"}),
    case("a_page_that_mentions_an_inquiry_only_in_passing_is_not_a_committee_report",
         "# Vård i hemmet\n\nAntalet personer som vårdas i hemmet har ökat. Utredningen visade att fler behöver stöd.\n",
         {"document.kind": "okänd"}),
    case("a_title_about_plans_is_not_a_plan",
         "# Digitalisering av grundkartor och detaljplaner\n\nArbetet har digitaliserats.\n",
         {"document.kind": "okänd"}),
    case("a_plans_own_title_is_a_plan",
         "# Med medborgaren i centrum. Regeringens strategi för en digitalt samverkande statsförvaltning\n\n"
         "Förvaltningen ska bli enklare.\n",
         {"document.kind": "strategi"}),
    case("a_committee_whose_name_holds_an_agencys_keeps_both",
         "# Tivolin\n\nDelbetänkande av Utredningen om En stärkt tillsyn av tivolin och en översyn av vissa uppgifter som "
         "utförs av Polismyndigheten. Genom detta delbetänkande presenteras utredningens uppdrag.\n",
         {"bodies: label": Has("Utredningen om En stärkt tillsyn av tivolin och en översyn av vissa uppgifter som utförs av "
                               "Polismyndigheten", "Polismyndigheten")}),
    case("a_committees_paper_answering_a_remiss_is_its_tjansteutlatande_whatever_its_title",
         "# Remiss: Förslag till regional utvecklingsstrategi för Västra Götaland 2030\n\nKultur- och fritidsnämnden har "
         "fått förslaget på remiss från Västra Götalandsregionen. Svar ska lämnas senast den 15 mars 2020.\n\n"
         "## Förvaltningens förslag till beslut\n\nKultur- och fritidsnämnden beslutar att lämna yttrande enligt "
         "förvaltningens förslag.\n\nKultur- och fritidsförvaltningen\nMaria Lind, förvaltningschef\n",
         {"document: kind, author": ("tjänsteutlåtande", "Kultur- och fritidsförvaltningen"),
          "consultations[0].organizer": "Västra Götalandsregionen"}),
    case("a_councils_decision_to_give_a_committee_a_task_is_no_government_assignment",
         "# Uppdrag till kulturnämnden att ta fram en biblioteksplan\n\nKommunfullmäktige beslutade den 12 juni 2021 "
         "att ge kulturnämnden i uppdrag att ta fram en ny biblioteksplan för perioden 2022–2025. Planen ska "
         "redovisas till kommunfullmäktige senast den 31 december 2021.\n",
         {"document: kind, author, date": ("beslut", "Kommunfullmäktige", "2021-06-12"),
          "assignments[0]: kind, issuer, assignees, decided_on, period_start, period_end, report_due, reports_to": (
              "uppdrag", "Kommunfullmäktige", ["Kulturnämnden"], "2021-06-12", "2022", "2025", ["2021-12-31"],
              ["Kommunfullmäktige"])}),
    case("a_plan_for_a_council_is_the_councils_and_the_council_is_its_radet",
         "# Verksamhetsplan för Folkhälsorådet 2019\n\nFolkhälsorådet är ett samverkansorgan mellan kommunen och Region "
         "Jämtland Härjedalen. Rådet ska samordna och stödja det lokala folkhälsoarbetet.\n",
         {"document: kind, author": ("verksamhetsplan", "Folkhälsorådet"),
          "responsibilities: body, task": Has(("Folkhälsorådet", "samordna och stödja det lokala folkhälsoarbetet"))}),
    case("a_delegated_decision_is_the_delegating_boards",
         "# Delegationsbeslut om tillfällig vistelse\n\nBeslut fattat med stöd av delegation från socialnämnden.\n\n"
         "Datum: 2020-02-11\n\nSocialsekreteraren beslutar att bevilja ansökan om bistånd till resekostnader.\n",
         {"document: kind, author, date": ("delegationsbeslut", "Socialnämnden", "2020-02-11")}),
])
def test_what_a_web_page_says_of_itself(text, expected):
    assert_facts(page(text), expected)


def test_an_abbreviation_set_off_by_commas_is_a_short_name_and_a_council_named_with_a_capital_is_a_body():
    text = ("Regeringen uppdrar åt Inspektionen för vård och omsorg, IVO, och Läkemedelsverket, LV, att utreda tillsynen. "
            "LV ska redovisa uppdraget. Ett rådgivande organ, Regelrådet, ska inrättas. Regelrådet ska granska förslagen. "
            "Frågan berör hela Östersjöområdet och Esbosamrådet. Skolverket, ABC, och Boverket samverkar.")
    idx = find_bodies(text)
    bodies = {b.label: b for b in idx.all()}
    assert "LV" not in bodies and "LV" in bodies["Läkemedelsverket"].alt_labels
    assert idx.resolve("LV") == "Läkemedelsverket"
    assert bodies["Regelrådet"].kind == "råd"
    assert not {"Östersjöområdet", "Esbosamrådet"} & set(bodies)
    assert not any("ABC" in b.alt_labels for b in bodies.values())       # not the letters of "Skolverket"


@pytest.mark.parametrize("name, text, expected", [
    case("the_matters_a_protocol_lists_with_their_numbers_give_its_diarienummer",
         "protokoll.txt",
         "PROTOKOLL\nLandstingsstyrelsen\nSammanträdesdatum 2011-11-15\n\n§ 317 Fastställande av föredragningslista\n"
         "§ 318 Landstingsplan (LS/1735/2010)\n§ 319 Synpunkter på flyglinjen (LS/1794/2011)\n"
         "§ 320 Information (se bilaga 2)\n\nJusterare\n",
         {"document.kind": "protokoll", "document.diarienummer": ["LS/1735/2010", "LS/1794/2011"]}),
    case("a_head_set_as_a_table_and_a_signature_under_the_office_that_wrote_it",
         "tjansteskrivelse.txt",
         "Tekniska nämnden\n\nHandläggare Datum Diarienummer\nOla Sand 2022-03-08 TN-2022-00311\n\n"
         "Ny taxa för parkering\n\nFörslag till beslut\nTekniska nämnden föreslås besluta\natt anta ny taxa "
         "för parkering.\n\nSammanfattning\nFörvaltningen har sett över taxan.\n\nTekniska förvaltningen\n\n"
         "Maja Lind\nTeknisk direktör\n",
         {"document: kind, date, diarienummer, author, addressee": (
             "tjänsteutlåtande", "2022-03-08", ["TN-2022-00311"], "Tekniska förvaltningen", "Tekniska nämnden")}),
    case("the_last_office_a_paper_is_sent_to_is_not_the_office_that_signed_it",
         "tjansteskrivelse.txt",
         "TJÄNSTESKRIVELSE\n2021-10-04\nDnr BUN 2021/145\n\nBarn- och utbildningsförvaltningen\n\n"
         "Till Barn- och utbildningsnämnden\n\nRevidering av riktlinjer för skolskjuts\n\nFörslag till beslut\n"
         "Barn- och utbildningsnämnden beslutar att anta reviderade riktlinjer för skolskjuts.\n\n"
         "Beslutet ska skickas till\nKommunstyrelsen\nTekniska förvaltningen\n\nAnna Berg\nFörvaltningschef\n",
         {"document: kind, author, addressee, signatories": (
             "tjänsteutlåtande", "Barn- och utbildningsförvaltningen", "Barn- och utbildningsnämnden", ["Anna Berg"])}),
    case("a_councils_assignment_as_a_web_page_is_not_the_governments_though_a_company_is_named",
         "uppdrag.md",
         "# Uppdrag att ta fram en plan för fler bostäder\n\nKommunstyrelsen har gett samhällsbyggnadsnämnden "
         "i uppdrag att ta fram en plan för fler bostäder. Planen ska tas fram i samverkan med det kommunala "
         "bostadsbolaget Hyresbostäder AB.\n",
         {"document: kind, author": ("beslut", "Kommunstyrelsen"), "bodies: label": Lacks("Regeringen"),
          "assignments: kind, issuer, assignees": [("uppdrag", "Kommunstyrelsen", ["Samhällsbyggnadsnämnden"])]}),
    case("a_regions_paper_gives_its_number_after_arendenummer",
         "tjansteskrivelse.txt",
         "Region Dalarna\nHälso- och sjukvårdsförvaltningen\n\nTJÄNSTESKRIVELSE\nDatum: 2021-09-14\nÄrendenummer: "
         "RD21/04321\n\nHälso- och sjukvårdsnämnden\n\nRegional handlingsplan för psykisk hälsa 2022–2024\n\n"
         "Förslag till beslut\nHälso- och sjukvårdsnämnden föreslår regionfullmäktige besluta att anta planen.\n",
         {"document: kind, author, date, diarienummer": (
             "tjänsteutlåtande", "Hälso- och sjukvårdsförvaltningen", "2021-09-14", ["RD21/04321"])}),
    case("an_answer_is_by_the_body_that_says_it_answers_not_the_one_its_title_names_and_dated_by_its_adoption",
         "yttrande.md",
         "# Yttrande över Trafikverkets förslag till plan för väginvesteringar\n\nRegion Västernorrland har tagit del av "
         "remissen och lämnar följande synpunkter.\n\nRegionen tillstyrker förslaget men vill se fler mötesfria vägar.\n\n"
         "Regionstyrelsen beslutade den 8 februari 2022 att anta yttrandet.\n",
         {"document: kind, author, date": ("remissvar", "Region Västernorrland", "2022-02-08")}),
    case("an_answer_adopted_by_a_board_on_a_day_the_text_gives_after_it",
         "yttrande.md",
         "# Yttrande över förslag till regional avfallsplan\n\nKommunstyrelsen har beretts möjlighet att yttra sig över "
         "förslaget.\n\nKommunen tillstyrker förslaget.\n\nYttrandet antogs av kommunstyrelsen den 3 maj 2021.\n",
         {"document: kind, author, date": ("remissvar", "Kommunstyrelsen", "2021-05-03")}),
    case("a_councils_decision_in_the_present_tense_under_a_beslut_heading_is_the_councils",
         "uppdrag.md",
         "# Uppdrag att utreda fler förskoleplatser\n\nKommunfullmäktige i Ockelbo kommun\nSammanträde 2025-03-10\n\n"
         "§ 17 Uppdrag att utreda fler förskoleplatser\n\nBeslut\nKommunfullmäktige ger barn- och utbildningsnämnden i "
         "uppdrag att utreda behovet av förskoleplatser till 2030.\n",
         {"document: kind, author": ("beslut", "Kommunfullmäktige"), "bodies: label": Lacks("Regeringen"),
          "assignments: issuer, assignees": [("Kommunfullmäktige", ["Barn- och utbildningsnämnden"])]}),
    case("a_council_named_with_its_place_decides_and_a_body_that_may_come_is_no_body",
         "uppdrag.md",
         "# Uppdrag om en gemensam servicenämnd\n\nKommunfullmäktige i Vänersborgs kommun beslutade den "
         "21 februari 2024 att ge kommunstyrelsen i uppdrag att utreda förutsättningarna för en gemensam "
         "servicenämnd med Trollhättans stad.\n\nUtredningen ska redovisas till kommunfullmäktige senast den "
         "31 december 2024.\n",
         {"document: kind, author, date": ("beslut", "Kommunfullmäktige", "2024-02-21"),
          "assignments: kind, issuer, assignees, decided_on, report_due, reports_to": [
              ("uppdrag", "Kommunfullmäktige", ["Kommunstyrelsen"], "2024-02-21", ["2024-12-31"], ["Kommunfullmäktige"])],
          "bodies: label": Lacks("Servicenämnden")}),
    case("a_report_is_by_the_agency_that_says_it_reports_and_a_national_centre_is_a_body",
         "rapport.md",
         "# Återrapportering av uppdrag om kvinnofrid\n\nJämställdhetsmyndigheten redovisar härmed "
         "regeringsuppdraget att stärka arbetet mot våld.\n\nMyndigheten har även haft i uppdrag att fördela "
         "medel till Nationellt centrum för kvinnofrid (NCK). NCK ansvarar för att sprida kunskap om "
         "våld i nära relationer.\n",
         {"document: kind, author": ("återrapport", "Jämställdhetsmyndigheten"),
          "bodies: label, kind": Has(("Nationellt centrum för kvinnofrid", "organisation")),
          "responsibilities: body, task": Has(("Nationellt centrum för kvinnofrid",
                                               "sprida kunskap om våld i nära relationer"))}),
    case("a_municipalitys_committees_by_their_own_names_are_bodies_and_the_riksdags_stay_the_riksdags",
         "page.txt",
         "Kommunledningsutskottet och Allmänna utskottet har yttrat sig. Individ- och familjeutskottet "
         "beslutade i ärendet. Utskottet har också hört Finansutskottet.\n",
         {"bodies: label": All(Has("Kommunledningsutskottet", "Allmänna utskottet", "Individ- och familjeutskottet",
                                   "Finansutskottet"), Lacks("Utskottet"))}),
    case("a_decision_by_delegation_its_matter_under_a_label",
         "beslut.txt",
         "Beslut enligt delegation\nDatum: 2021-03-02\nDnr: BN 2021/17\n\nBeslutsfattare: Eva Ek, "
         "bygglovschef\nDelegation enligt Byggnadsnämndens delegationsordning, punkt 3.1\n\n"
         "Ärende: Bygglov för nytt garage\n\nBeslut\nByggnadsnämnden beviljar bygglov.\n",
         {"document: kind, title, date, author": ("delegationsbeslut", "Bygglov för nytt garage", "2021-03-02",
                                                  "Byggnadsnämnden")}),
    case("a_decision_by_delegation_and_a_date_beside_a_long_diarienummer",
         "beslut.txt",
         "DELEGATIONSBESLUT\n\nKulturnämnden\n2019-04-02                     Dnr KN 2019/88\n\nLängre "
         "öppettider på biblioteket\n\nBeslut\nJag beslutar att biblioteket får ha öppet till kl. 21.\n\n"
         "Eva Strand\nKulturchef\n",
         {"document: kind, date": ("delegationsbeslut", "2019-04-02")}),
    case("the_diarienummer_of_minutes_are_those_on_their_paragraph_lines_also_with_the_boards_prefix",
         "minutes.txt",
         "PROTOKOLL\nGatunämnden\nSammanträdesdatum 2020-02-11\n\nBeslutande\nLars Ek (S), ordförande\n\n"
         "GN § 4 Dnr GN 2019/12\nCykelplan\n\nGatunämnden beslutar att anta planen.\n\n"
         "GN § 5 Dnr GN 2020/3\nTaxor\n\nGatunämnden beslutar att anta taxorna.\n",
         {"document.diarienummer": ["GN 2019/12", "GN 2020/3"]}),
])
def test_what_a_municipal_paper_says_of_itself(name, text, expected):
    assert_read(text, expected, name)


@pytest.mark.parametrize("opening", [
    "Skogsutredningen 2019 skulle undersöka möjligheterna att stärka äganderätten.",
    "Huvuduppdrag har varit att genomföra en översyn av flygplatssystemet.",
    "Vi har haft i uppdrag att föreslå åtgärder för gode män.",
    "En särskild utredare har fått uppdraget att utreda informationshanteringen.",
    "Den 16 februari 2006 beslutade regeringen att tillkalla en särskild utredare med uppdrag att lämna förslag.",
    "Coronakommissionen har utvärderat regeringens åtgärder.",
    "Utredningen har tagit ställning till om en kommun kan äga en fristående skola.",
    "Utredningen har i uppdrag att föreslå en ersättning till dem som steriliserats.",
    "Utredningen har två uppgifter. Den ena är att föreslå ändringar i lagen.",
])
def test_a_committee_report_known_by_how_it_tells_of_its_remit(opening):
    ex = page(f"# En titel\n\n{opening} Mer text följer.\n")
    assert ex.document.kind == "betänkande"


@pytest.mark.parametrize("text, kind", [
    ("# Vissa socialförsäkringsfrågor\n\nProposition om vissa socialförsäkringsfrågor innehåller tre olika delar.\n",
     "proposition"),
    ("# Nya vägtrafiklagar\n\n## Propositionens huvudsakliga innehåll\n\nRegeringen föreslår två nya lagar.\n",
     "proposition"),
    ("# Tullverkets kontroller\n\nRiksrevisionen har granskat Tullverkets kontroller. Regeringen delar Riksrevisionens "
     "bedömning. Remissinstanserna har yttrat sig.\n", "skrivelse"),
    ("# Statsskuldsförvaltningen\n\nRegeringen lämnar senast den 25 april varje år en utvärdering av "
     "statsskuldsförvaltningen till riksdagen.\n", "skrivelse"),
])
def test_a_bill_and_a_letter_known_by_how_they_open(text, kind):
    ex = page(text)
    assert ex.document.kind == kind


@pytest.mark.parametrize("text, kind", [
    ("# Vindkraft i kommunerna\n\n![](/contentassets/8ff4e64c/sou202318-1_150px_200px.jpg?width=150)\n\nVi menar att "
     "kommunernas planering ska stärkas.\n", "betänkande"),
    ("# Stärkt hyresrättsligt skydd\n\n![](/contentassets/8479/omslag-framsida-ds-2023-18.jpg?width=150)\n\nVåld i nära "
     "relationer är ett stort samhällsproblem.\n", "promemoria"),
    ("# Mervärdesskatt för den ideella sektorn, m.m.\n\nDen 4 november 2009 överlämnade utredarna rapporten "
     "\"Mervärdesskatt för den ideella sektorn, m.m.\" (Ds 2009:58).\n", "promemoria"),
])
def test_a_report_that_shows_its_cover_or_cites_its_own_title_by_number_is_of_that_series(text, kind):
    assert page(text).document.kind == kind


def test_a_county_board_named_by_its_county_alone_and_a_defence_agency_named_like_statens():
    text = ("Länsstyrelsen i Östergötland ska redovisa en plan. Länsstyrelsen Skåne samverkar med Länsstyrelsen i "
            "Stockholms län och Länsstyrelsen i Örebros län. Totalförsvarets pliktverk prövar ansökan. Försvarets ansvar "
            "är stort.")
    bodies = {b.label: b.alt_labels for b in find_bodies(text).all()}
    assert set(bodies) == {"Länsstyrelsen i Östergötlands län", "Länsstyrelsen i Skåne län", "Länsstyrelsen i Stockholms län",
                           "Länsstyrelsen i Örebro län", "Totalförsvarets pliktverk"}
    assert "Länsstyrelsen i Östergötland" in bodies["Länsstyrelsen i Östergötlands län"]


def test_a_bare_arbetsutskott_is_the_subcommittee_of_the_municipal_paper_and_none_in_a_national_text():
    bodies = {(b.label, b.kind) for b in find_bodies("Socialnämnden. Dnr 2016/12. Förvaltningschefen föredrar ärendet. "
                                                     "ARBETSUTSKOTTET BESLUTAR att notera informationen.").all()}
    assert bodies == {("Socialnämnden", "nämnd"), ("Arbetsutskottet", "nämnd")}
    one = find_bodies("Socialnämndens arbetsutskott sammanträder. Arbetsutskottet beslutar att notera.")
    assert [b.label for b in one.all()] == ["Socialnämndens arbetsutskott"]
    assert [b.label for b in find_bodies("Regeringen föreslår. Arbetsutskottet bereder.").all()] == ["Regeringen"]


def test_a_municipality_without_its_genitive_a_research_council_by_its_field_and_no_clause_as_a_name():
    bodies = {(b.label, b.kind) for b in find_bodies(
        "Östersund kommun och Solna kommun yttrade sig. Forskningsrådet för arbetsliv och socialvetenskap (FAS) får i "
        "uppdrag att utvärdera. Vargförvaltningen och statsförvaltningen berörs.").all()}
    assert bodies == {("Östersunds kommun", "kommun"), ("Solna kommun", "kommun"),
                      ("Forskningsrådet för arbetsliv och socialvetenskap", "myndighet")}
    ex = page("# Inrättande av en ny granskningsmyndighet\n\nEn särskild utredare ska förbereda bildandet av en ny "
              "myndighet.\n\nParallellt med arbetet med att tillskapa den nya myndigheten ska utredaren även utreda hur "
              "informationen kan utvecklas.\n")
    assert not any(b.label.startswith("Parallellt") for b in ex.bodies)


@pytest.mark.parametrize("opening", [
    "Utredningsuppdraget gavs i november 2004 i syfte att anpassa miljöbalkens bestämmelser om ansvar för miljöskador.",
    "Regeringen beslutade den 6 november 2008 att tillkalla en särskild utredare med uppgift att se över postlagen.",
    "Utredningen om översyn av filmgranskningslagen m.m. har haft i uppdrag att se över skyddet av barn.",
    "Utredningen om nya utstationeringsregler fick i november 2014 ett utvidgat uppdrag att lämna författningsförslag.",
])
def test_a_committee_report_that_tells_its_remit_in_its_own_words(opening):
    assert page(f"# En ny ordning\n\n{opening} Förslagen redovisas här.\n").document.kind == "betänkande"


@pytest.mark.parametrize("body", [
    "Mot bakgrund av detta har läget analyserats.\n\n## Utredningens uppdrag\n\nUtredningen ska se över om det behövs "
    "flexiblare insatser.",
    "Den 10 december 2009 tillsattes en särskild utredare för att utarbeta en strategi.",
    "Syftet med antologin är att texterna ska kunna tjäna som underlag för förslag i vårt kommande betänkande.",
    "Situationen är allvarlig. Utredningen har i enlighet med sina direktiv koncentrerat sitt arbete på smittskyddet.",
])
def test_a_committee_report_that_tells_of_its_remit_only_further_down(body):
    text = f"# Flexibel rehabilitering\n\nAntalet personer med nedsatt arbetsförmåga har ökat.\n\nDet finns flera skäl.\n\n{body}\n"
    assert page(text).document.kind == "betänkande"


@pytest.mark.parametrize("opening", [
    "Promemorian innehåller en delredovisning med förslag på hur sanktionsavgifter kan utformas.",
    "Socialdepartementet har tagit fram ett utkast till en förordning om tillfälliga nedstängningar.",
    "Med anledning av myndigheternas svar har en arbetsgrupp inom Socialdepartementet gjort en översyn av reglerna.",
])
def test_a_memorandum_of_a_ministry_that_says_what_it_holds(opening):
    assert page(f"# Administrativa sanktioner\n\n{opening} Utredningen föreslår bland annat nya regler.\n").document.kind \
        == "promemoria"


@pytest.mark.parametrize("opening", [
    "Regeringen redovisar i propositionen inriktningen av transportpolitiken.",
    "Den 16 juni 2004 överlämnades propositionen Stämpelskatt i samband med företagsinteckning (prop. 2003/04:165) till "
    "riksdagen.",
])
def test_a_bill_that_names_itself_in_running_text(opening):
    assert page(f"# Moderna transporter\n\n{opening} Förslagen gäller från 2025.\n").document.kind == "proposition"


@pytest.mark.parametrize("title, opening", [
    ("Kollektiv förvaltning av upphovsrätt", "Regeringen föreslår en helt ny lag om kollektiv förvaltning av upphovsrätt."),
    ("Åtgärder inom arbetslöshetsförsäkringen", "Propositionen omfattar ändringar i lagen om arbetslöshetsförsäkring."),
    ("Extra ändringsbudget för 2022 – Sänkt skatt på diesel", "Nedsättningen av koldioxidskatt för diesel ska utökas."),
    # a sentence that opens with "Beslut" is no heading of a decision
    ("Tvångsmedel mot fartyg", "I propositionen föreslås lagändringar.\n\nBeslut om avvisning av fartyg ska få förenas med vite."),
])
def test_a_bill_by_what_it_proposes_or_by_its_title(title, opening):
    assert page(f"# {title}\n\n{opening}\n").document.kind == "proposition"


@pytest.mark.parametrize("sentence, committee", [
    ("Slutbetänkande av Kommittén för Sveriges deltagande i världsutställningen Expo 2020 i Dubai. Utställningen var stor.",
     "Kommittén för Sveriges deltagande i världsutställningen Expo 2020 i Dubai"),
    ("Utredningen Ordning och reda på hyresbostadsmarknaden har haft i uppdrag att undersöka hyresvärdar.",
     "Utredningen Ordning och reda på hyresbostadsmarknaden"),
    ("Utredningen för översyn av ersättning för s.k. dold mervärdesskatt överlämnade i dag sitt slutbetänkande.",
     "Utredningen för översyn av ersättning för s.k. dold mervärdesskatt"),
    ("Utredningen om kompletterande bestämmelser till EU:s förordning om en inre marknad för digitala tjänster har "
     "överlämnat sitt slutbetänkande.",
     "Utredningen om kompletterande bestämmelser till EU:s förordning om en inre marknad för digitala tjänster"),
])
def test_a_committee_reporting_under_its_long_name_is_the_reports_author(sentence, committee):
    ex = page(f"# Rapporten\n\n{sentence}\n")
    assert ex.document.kind == "betänkande"
    assert ex.document.author == committee


@pytest.mark.parametrize("title, opening, kind", [
    ("Riksrevisionens rapport Svensk klimatforskning – vad kostar den?",
     "Riksrevisionen har granskat den svenska klimatforskningen.", "skrivelse"),
    ("Redogörelse för en överenskommelse mellan staten och landstingen om ersättningar till hälso- och sjukvården",
     "Den 28 september 1999 träffade företrädare för staten och landstingen en överenskommelse.", "skrivelse"),
    ("Framställning om förlängd tid för uppdraget att etablera en digital infrastruktur",
     "Med ändring av regeringens beslut den 11 december 2019 ska slutrapportering av uppdraget ske av Myndigheten för "
     "digital förvaltning senast den 1 december 2021.", "regeringsuppdrag"),
    ("Beslut om byggstarter och uppdrag till Trafikverket att ta fram förnyat underlag",
     "Regeringen har tidigare beslutat om byggstart för flera objekt. Trafikverket får byggstarta följande objekt.",
     "regeringsuppdrag"),
])
def test_a_letter_or_an_assignment_known_by_its_title(title, opening, kind):
    assert page(f"# {title}\n\n{opening}\n").document.kind == kind


def test_a_committees_plan_titled_with_its_year_is_the_policy_it_adopted():
    _, ex, _ = extract_text("Verksamhetsplan 2023\nKultur- och fritidsnämnden\nAntagen av kultur- och fritidsnämnden "
                            "2022-12-08, § 98\n\nInledning\nKultur- och fritidsnämnden ansvarar för kommunens bibliotek. "
                            "Verksamhetsplanen utgår från kommunfullmäktiges Strategisk plan 2023–2026.\n", name="vp.txt")
    assert (ex.document.kind, ex.document.title, ex.document.author) == \
        ("verksamhetsplan", "Verksamhetsplan 2023", "Kultur- och fritidsnämnden")
    own = next(p for p in ex.policies if p.kind == "verksamhetsplan")
    assert (own.title, own.adopted_by, own.adopted_on, own.valid_from) == \
        ("Verksamhetsplan 2023", "Kultur- och fritidsnämnden", "2022-12-08", "2023")


@pytest.mark.parametrize("head, title", [
    ("# PROTOKOLL\nSammanträdesdatum\n2021-03-15\nKommunstyrelsens arbetsutskott\n\nUtses att justera: Per Olsson\n\n"
     "§ 23 Dnr KS 2021/45\nBudget 2022\nArbetsutskottets beslut\natt återremittera ärendet.\n",
     "Protokoll Kommunstyrelsens arbetsutskott 2021-03-15"),
    ("# TJÄNSTESKRIVELSE\n2022-04-12\nDnr KS 2022/0153\nKommunledningsförvaltningen\n\nKommunstyrelsen\n\nRiktlinjer för "
     "investeringar\n\nFörslag till beslut\nKommunstyrelsen föreslår kommunfullmäktige besluta att anta riktlinjerna.\n",
     "Riktlinjer för investeringar"),
])
def test_a_markdown_heading_that_is_only_a_kind_word_is_no_title(head, title):
    assert page(head).document.title == title


def test_a_horizontal_rule_parts_two_paragraphs_and_is_no_text():
    doc = normalise("Lagen träder i kraft den 1 januari 2011.\n"
                    "-----------------------------------------------------\n\n"
                    "Riksdagen fattade den 8 december 2010 beslut om propositionen.\n", media_type="text/markdown")
    assert "-" not in doc.text
    assert "\n\nRiksdagen fattade" in doc.text
    assert any(b.label == "Sveriges riksdag" for b in find_bodies(doc.text).all())


def test_the_council_of_the_eu_is_named_by_the_acts_it_adopts_and_adopts_them():
    _, ex, _ = extract_text("Lagen genomför rådets direktiv (EU) 2022/2523 om en global minimiskattenivå. Rådet för "
                            "kommunal redovisning yttrar sig.")
    council = next(b for b in ex.bodies if b.label == "Europeiska unionens råd")
    assert council.kind == "organisation" and council.written == "Rådet"
    assert [p.adopted_by for p in ex.policies if "2022/2523" in p.title] == ["Europeiska unionens råd"]
    _, ex, _ = extract_text("Styrelsen har bildat ett råd. Rådet ska ge råd om direktiv från kommissionen.")
    assert not any(b.label == "Europeiska unionens råd" for b in ex.bodies)


def test_a_head_of_bold_labels_in_markdown_and_a_board_named_in_lower_case():
    doc, ex, _ = extract_text("# Yttrande över motion om fria resor\n\n**Kommunstyrelseförvaltningen**\n**Datum:** 2020-02-11\n"
                              "**Diarienummer:** KS 2019/0456\n\n## Förslag till beslut\n\nKommunstyrelsen föreslår "
                              "kommunfullmäktige besluta att avslå motionen.\n\n## Ärendet\n\nMotionen har remitterats till "
                              "tekniska nämnden, som avstyrker den.\n", name="yttrande.md", media_type="text/markdown")
    d = ex.document
    assert (d.kind, d.author, d.date, d.diarienummer) == ("tjänsteutlåtande", "Kommunstyrelseförvaltningen", "2020-02-11",
                                                          ["KS 2019/0456"])
    assert "**" not in doc.text and ("Tekniska nämnden", "nämnd") in [(b.label, b.kind) for b in ex.bodies]
    _, ex, _ = extract_text("Myndigheten ansvarar för den tekniska förvaltningen av registret.\n")
    assert [b.label for b in ex.bodies] == []


@pytest.mark.parametrize("closing", ["", "\n\nFör Lunds kommun\n\nAnna Svensson\nKommunstyrelsens ordförande\n"])
def test_a_remiss_answer_is_by_the_body_the_remiss_asked_or_that_signs_for_it(closing):
    opening = ("Lunds kommun har beretts möjlighet att yttra sig över promemorian." if not closing else
               "Synpunkter har lämnats av flera förvaltningar.")
    _, ex, _ = extract_text(f"# Remissvar – Promemorian Ett förbättrat stöd till brottsoffer (Ds 2023:12)\n\nDatum: 2023-09-20\n"
                            f"Till: Justitiedepartementet\n\n{opening} Kommunen tillstyrker förslagen och vill understryka att "
                            f"socialnämnden redan i dag ansvarar för stödet till brottsoffer.{closing}", name="remissvar.md",
                            media_type="text/markdown")
    d = ex.document
    assert (d.kind, d.author, d.addressee) == ("remissvar", "Lunds kommun", "Justitiedepartementet")
    assert ("Socialnämnden", "stödet till brottsoffer") in [(r.body, r.task) for r in ex.responsibilities]


def test_former_agencies_named_as_boards_or_works_and_a_committee_named_with_its_year():
    _, ex, _ = extract_text("# Ny myndighet för transporter\n\nDen nya myndigheten övertar verksamheten vid Luftfartsstyrelsen "
                            "och delar av Vägverket och Banverket. Nätverket för transporter har hörts. Betänkande av "
                            "Hamnutredningen 2019.\n", name="prop.md")
    labels = {b.label: b.kind for b in ex.bodies}
    assert {labels.get(x) for x in ("Luftfartsstyrelsen", "Vägverket", "Banverket", "Hamnutredningen 2019")} == {"myndighet"}
    assert "Nätverket" not in labels
    _, ex, _ = extract_text("PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2020-01-01\n\n§ 1\nKultur\n\nKulturstyrelsen och "
                            "kommunfullmäktige har yttrat sig.\n", name="p.txt")
    assert "Kulturstyrelsen" not in {b.label for b in ex.bodies if b.kind == "myndighet"}


@pytest.mark.parametrize("line, dnr", [
    ("Diarienummer 2021/KS 0311", "2021/KS 0311"), ("Dnr 2018/KS 0290 10", "2018/KS 0290 10"),
    ("Dnr KS 2021/0311", "KS 2021/0311"), ("Dnr: KS-2021-00345", "KS-2021-00345"),
    ("Diarienummer: KS 2023/412-10", "KS 2023/412-10"),      # the case's number and the document's within it
])
def test_diarienummer_with_the_year_first_or_the_registry_first(line, dnr):
    _, ex, _ = extract_text(f"Tjänsteskrivelse\n{line}\n\nKommunstyrelsen\n\nRiktlinjer för lokaler\n\nFörslag till beslut\n"
                            "Kommunstyrelsen föreslås besluta att anta riktlinjerna.\n", name="tjansteskrivelse.txt")
    assert ex.document.diarienummer == [dnr]


def test_a_residents_proposal_is_a_medborgarforslag_not_an_inquirys_report():
    """"Jag föreslår" is how a one-person inquiry speaks, and also a resident proposing to the council."""
    _, ex, _ = extract_text("# Medborgarförslag om utegym i Centralparken\n\nTill kommunfullmäktige\n\nJag föreslår att kommunen "
                            "ger fritidsnämnden i uppdrag att bygga ett utegym i Centralparken.\n\nEva Nilsson\n",
                            name="forslag.md", media_type="text/markdown")
    assert ex.document.kind == "medborgarförslag"
    assert ex.assignments == [] and ex.responsibilities == []


@pytest.mark.parametrize("text", [
    "# Översyn av Lantmäteriet\n\nUtredningen om lantmäteriets organisation ska enligt sina direktiv göra en översyn av "
    "myndigheten. I uppdraget har också ingått att bedöma dess avgifter.\n",
    "# Unga och arbete\n\nI denna utrednings direktiv användes uppgifter från arbetskraftsundersökningarna.\n",
    "# Skolbiblioteken\n\nUtredningens övergripande uppgift har varit att analysera skolbibliotekens roll.\n",
    "# Teckenspråket\n\nDet här delbetänkandet innehåller tre delar om teckenspråkets ställning.\n",
    "# Sfi\n\nEnligt direktiven skulle utredaren pröva hur sfi kunde förnyas.\n",
])
def test_a_committee_report_that_tells_of_its_remit_in_the_third_person(text):
    _, ex, _ = extract_text(text, name="page.md", media_type="text/markdown")
    assert ex.document.kind == "betänkande"




def test_a_name_broken_over_a_line_is_shown_by_its_official_name():
    # "Regerings-kansliet" as a page printed it, hyphenated at a line's end: shown as the official name, not as a
    # name of its own (a list of bodies ordered by name showed it so)
    _, ex, _ = extract_text("# Uppdrag\n\nStatskontoret ska lämna en redovisning av uppdraget till Regerings-kansliet "
                            "(Socialdepartementet) senast den 3 oktober 2016.\n", name="ru.md", media_type="text/markdown")
    office = next(b for b in ex.bodies if b.label == "Regeringskansliet")
    assert office.written is None
    _, ex, _ = extract_text("# Innovation\n\nVinnova ska stödja projekten.\n", name="ru.md", media_type="text/markdown")
    assert next(b for b in ex.bodies if b.label == "Verket för innovationssystem").written == "Vinnova"


def test_the_list_a_paper_is_sent_to_below_its_signature_is_not_its_author():
    # "Beslutet skickas till ⏎ Kommunstyrelsen ⏎ Tekniska nämnden" under the signing official: the office in the
    # letterhead wrote it
    text = ("Härnösands kommun\nSamhällsbyggnadsförvaltningen\n\nTJÄNSTESKRIVELSE\nDatum: 2023-03-14\n"
            "Diarienummer: SBN 2023/0045\n\nSamhällsbyggnadsnämnden\n\nTrafikstrategi för Härnösands kommun\n\n"
            "Förslag till beslut\nSamhällsbyggnadsnämnden föreslår kommunfullmäktige att anta trafikstrategin.\n\n"
            "Anna Strand\nPlanarkitekt\n\nBeslutet skickas till\nKommunstyrelsen\nTekniska nämnden\n")
    _, ex, _ = extract_text(text, name="ts.txt", media_type="text/plain")
    assert ex.document.kind == "tjänsteutlåtande"
    assert ex.document.author == "Samhällsbyggnadsförvaltningen"


@pytest.mark.parametrize("text, kind, author, date", [
    # a municipality's page that tells of a board's decision, the board's name of two parts
    ("# Beslut om ändrade öppettider på biblioteken\n\nKultur- och fritidsnämnden i Umeå kommun beslutade den 3 april "
     "2023 att ändra öppettiderna.\n", "beslut", "Kultur- och fritidsnämnden", "2023-04-03"),
    ("# Uppdrag till förvaltningen att utreda fler förskoleplatser\n\nBarn- och utbildningsnämnden i Karlstads kommun gav "
     "den 12 maj 2022 barn- och utbildningsförvaltningen i uppdrag att utreda behovet av fler förskoleplatser.\n",
     "beslut", "Barn- och utbildningsnämnden", "2022-05-12"),
])
def test_a_boards_decision_told_on_a_web_page(text, kind, author, date):
    _, ex, _ = extract_text(text, name="x.md", media_type="text/markdown")
    assert (ex.document.kind, ex.document.author, ex.document.date) == (kind, author, date)


@pytest.mark.parametrize("written, official, kind", [
    # names the register does not look for in running text, since they are words too, are the body where the phrase
    # shows an organisation is meant
    ("Sida", "Styrelsen för internationellt utvecklingssamarbete", "myndighet"),
    ("Tillväxtanalys", "Myndigheten för tillväxtpolitiska utvärderingar och analyser", "myndighet"),
    ("Polisen", "Polismyndigheten", "myndighet"),
    # ... and a name written without the space before "och" is the body's official name
    ("Post-och telestyrelsen", "Post- och telestyrelsen", "myndighet"),
])
def test_an_assignee_the_register_knows_by_another_name_is_its_official_body(written, official, kind):
    _, ex, _ = extract_text(f"# Uppdrag\n\nRegeringen ger {written} i uppdrag att ta fram en rapport om läget.\n",
                            name="ru.md", media_type="text/markdown")
    assert {(b.label, b.kind) for b in ex.bodies if b.kind != "regering"} == {(official, kind)}
    assert {r.body for r in ex.responsibilities} == {official}


def test_a_sentence_that_opens_with_till_addresses_nothing():
    doc, ex, _ = extract_text("# Vissa frågor om insyn\n\nEn särskild utredare ska överväga om insynen bör begränsas.\n\n"
                              "Till utredaren ska det knytas en referensgrupp med företrädare för Sveriges Kommuner och "
                              "Regioner. Uppdraget ska redovisas senast den 29 november 2024.\n", name="dir.md")
    assert ex.document.addressee is None
