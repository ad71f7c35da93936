"""The assignments stage: regeringsuppdrag and budgetuppdrag.

The gold assignments of corpus 000/002/004 are checked with the scorer's own
matching (../shared/eval/score.py) on API-shaped items built from the
extraction; 001 (Arbetsförmedlingen's återrapport) is checked by hand; the
`asg_*` fixtures are invented documents in other wordings (a PDF-style
regeringsbeslut, a region's tjänsteskrivelse). Every evidence quote must be the
exact, trimmed slice of the normalised text.
"""
from __future__ import annotations

import pytest

from styrgraf.ingest.parties import guess_kind
from styrgraf.ingest.pipeline import extract_text
from conftest import (CORPUS, FIXTURES, assert_gold_found, assert_quotes, each_gold_file, extract, page,
                      read_gold)
from facts import All, Count, Has, Lacks, Starts, assert_facts, assert_read, case



read = extract


def ref(label, bodies):
    """A Ref as the API serves it: only labels that are bodies become nodes."""
    return {"label": label} if label and label in bodies else None


def api_assignments(ex) -> list[dict]:
    bodies = {b.label for b in ex.bodies}
    return [{"kind": a.kind, "title": a.title, "issuer": ref(a.issuer, bodies),
             "assignees": [ref(x, bodies) for x in a.assignees if x in bodies], "decided_on": a.decided_on,
             "diarienummer": a.diarienummer, "period_start": a.period_start, "period_end": a.period_end,
             "tasks": a.tasks, "reports_to": [ref(x, bodies) for x in a.reports_to if x in bodies],
             "report_due": a.report_due} for a in ex.assignments]


# ---------------------------------------------------------------- gold 000, 002, 004
@each_gold_file
def test_gold_assignments(gold_file):
    gold, doc, ex = read_gold(gold_file)
    assert_gold_found("assignment", gold.get("assignment", []), api_assignments(ex))
    assert_quotes(doc, ex.assignments)


def test_000_one_budget_assignment_mentioned_twice():
    doc, ex = read(CORPUS / "000_c3f731b4bab44c47.txt")
    [a] = ex.assignments
    assert a.kind == "budgetuppdrag" and a.issuer == "Kommunfullmäktige" and a.assignees == ["Kommunstyrelsen"]
    assert a.period_start == "2017"
    assert a.title.startswith("ta fram en strategi för romsk inkludering")
    quotes = [doc.text[s.start:s.end] for s in a.evidence]
    assert any(q.startswith("Kommunfullmäktige fastslog i budget för 2017") for q in quotes)
    assert any("budget för verksamhetsår 2017 där kommunstyrelsen gavs i uppdrag" in q for q in quotes)


def test_004_budget_bullets_are_separate_assignments():
    _, ex = read(CORPUS / "004_854bb6aaec4ae1ed.txt")
    titles = [a.title for a in ex.assignments if a.assignees == ["Arbetsmarknadsnämnden"]]
    assert len(titles) == 2, titles
    assert titles[0].startswith("initiera en integrationspakt") and titles[1].startswith("inom ramen för integrationspakten")
    # the ersättaryttrande quoting the same tasks adds nothing
    assert len(ex.assignments) == 3
    # "Ledamoten … fick i uppdrag att justera dagens protokoll" is no assignment
    assert not any("justera" in a.title for a in ex.assignments)


# ---------------------------------------------------------------- 001: a report on a regeringsuppdrag
def test_001_reported_assignment():
    doc, ex = read(CORPUS / "001_fa2d4025ac84fede.txt")
    a = next(a for a in ex.assignments if "Ku 2020/01108/CSM" in a.diarienummer)
    assert a.kind == "regeringsuppdrag"
    assert a.title == "Uppdrag till Arbetsförmedlingen avseende regeringens strategi för romsk inkludering"
    assert a.issuer == "Regeringen" and a.assignees == ["Arbetsförmedlingen"]
    assert a.decided_on == "2020-04-30"
    assert (a.period_start, a.period_end) == ("2020", "2023")
    # "… till Länsstyrelsen i Stockholms län, med kopia till Regeringskansliet (Kulturdepartementet …)": the copy informs
    assert a.reports_to == ["Länsstyrelsen i Stockholms län"]
    assert a.report_due == ["senast 1 mars årligen (2021–2024)"]
    for task in ("Sprida information och kunskap bland romer", "Fortsätta säkerställa att det i myndigheten finns",
                 "Stärka arbetet med att förbättra kvinnors möjligheter", "Utveckla ett uppföljningssystem"):
        assert any(t.startswith(task) for t in a.tasks), task
    assert any(t.startswith("vidareutveckla arbetet med romsk inkludering") for t in a.tasks)
    # the chain assignment -> body -> report
    assert ex.document.reports_on == ["Ku 2020/01108/CSM"]
    assert_quotes(doc, ex.assignments)


def test_001_other_assignment_from_cited_decision():
    _, ex = read(CORPUS / "001_fa2d4025ac84fede.txt")
    a = next(a for a in ex.assignments if "A2023/00923" in a.diarienummer)
    assert a.title.startswith("Uppdrag att implementera en myndighetsgemensam plan")
    assert set(a.assignees) == {"Arbetsförmedlingen", "Försäkringskassan", "Jämställdhetsmyndigheten", "Migrationsverket"}


def test_002_and_003():
    _, ex = read(CORPUS / "002_40780f4541adeb76.txt")
    assert ex.assignments == []
    doc, ex = read(CORPUS / "003_ca11e0320d7294d2.txt")
    [a] = ex.assignments
    assert (a.kind, a.issuer, a.assignees, a.period_start) == ("budgetuppdrag", "Kommunfullmäktige",
                                                               ["Arbetsmarknadsnämnden"], "2019")
    assert "ta fram en sammanhållen strategi för stadens arbetsmarknadsinsatser" in a.title


# ---------------------------------------------------------------- invented documents
def test_pdf_regeringsbeslut():
    doc, ex = read(FIXTURES / "asg_regeringsbeslut.txt")
    main, past = ex.assignments
    assert main.title == "Uppdrag att stärka elevhälsans arbete med psykisk hälsa"
    assert main.kind == "regeringsuppdrag" and main.issuer == "Regeringen"
    assert main.assignees == ["Statens skolverk", "Socialstyrelsen"]
    assert main.decided_on == "2022-03-17" and main.diarienummer == ["U2022/01234/S"]
    assert (main.period_start, main.period_end) == ("2022", "2024")
    assert main.tasks[1:] == ["ta fram ett nationellt kunskapsstöd om elevhälsans förebyggande arbete",
                              "sprida kunskapsstödet till skolhuvudmän", "följa upp hur stödet används",
                              "i genomförandet av uppdraget samråda med Folkhälsomyndigheten och Sveriges Kommuner och "
                              "Regioner"]
    assert main.report_due == ["2023-03-01", "2024-11-15"]
    assert main.reports_to == ["Regeringskansliet", "Utbildningsdepartementet", "Socialdepartementet"]
    # the earlier assignment in "Bakgrund" is its own
    assert past.assignees == ["Statens skolverk"] and past.diarienummer == ["U2019/00321/S"]
    assert past.title == "kartlägga elevhälsan"
    assert_quotes(doc, ex.assignments)


def test_region_budget_assignments():
    doc, ex = read(FIXTURES / "asg_budget_region.txt")
    first, *listed = ex.assignments
    assert (first.kind, first.issuer, first.assignees, first.period_start) == (
        "budgetuppdrag", "Regionfullmäktige", ["Hälso- och sjukvårdsnämnden"], "2021")
    assert first.title == "ta fram en handlingsplan för suicidprevention"
    assert [a.title for a in listed] == ["utveckla arbetet med kultur och hälsa",
                                         "ta fram en gemensam plan för kultur på recept"]
    for a in listed:
        assert a.assignees == ["Kulturnämnden", "Hälso- och sjukvårdsnämnden"] and a.period_start == "2020"
        assert a.issuer == "Regionfullmäktige"
    assert not any("justera" in a.title for a in ex.assignments)
    assert_quotes(doc, ex.assignments)


@pytest.mark.parametrize("text, assignees, due", [
    ("# Uppdrag till Myndigheten för samhällsskydd och beredskap att stärka krisberedskapen\n\n"
     "Regeringen uppdrar åt Myndigheten för samhällsskydd och beredskap (MSB) att stärka krisberedskapen.\n\n"
     "Uppdraget ska redovisas till Regeringskansliet (Justitiedepartementet) senast den 1 juni 2024.\n",
     ["Myndigheten för samhällsskydd och beredskap"], ["2024-06-01"]),
    ("# Uppdrag till länsstyrelserna att förbättra tillsynen\n\n"
     "Regeringen uppdrar åt länsstyrelserna i Stockholms, Skåne och Norrbottens län att gemensamt förbättra tillsynen.\n"
     "Uppdraget ska redovisas senast den 15 december varje år.\n",
     ["Länsstyrelsen i Stockholms län", "Länsstyrelsen i Skåne län", "Länsstyrelsen i Norrbottens län"],
     ["senast den 15 december varje år"]),
    ("# Uppdrag att ta fram en vägledning\n\nStatens skolverk ska ta fram en vägledning om betyg.\n"
     "Skolverket ska senast den 30 maj 2025 delredovisa uppdraget och senast den 30 maj 2026 slutredovisa det.\n",
     ["Statens skolverk"], ["2025-05-30", "2026-05-30"]),
    ("# Uppdrag till Boverket att ta fram en vägledning\n\nRegeringen uppdrar åt Boverket att ta fram en vägledning.\n"
     "Uppdraget ska slutredovisas den 31 december 2023. Beslutet gäller från och med den 1 januari 2023. "
     "Boverket ska redovisa arbetet som påbörjades den 3 mars 2022.\n",
     ["Boverket"], ["2023-12-31"]),
])
def test_regeringsuppdrag_pages(text, assignees, due):
    doc, ex, _ = extract_text(text, name="page.md")
    a = ex.assignments[0]
    assert a.kind == "regeringsuppdrag" and a.issuer == "Regeringen"
    assert a.assignees == assignees
    assert a.report_due == due
    assert_quotes(doc, ex.assignments)
    labels = {b.label for b in ex.bodies}
    assert set(assignees) <= labels          # an agency the reference list misses is still a body


@pytest.mark.parametrize("name, text, expected", [
    case("municipal_paper_titled_uppdrag_is_no_government_decision",
         "tjansteskrivelse.txt",
         "Uppdrag att ta fram en trygghetsplan\n\nKommunstyrelsen gav i budget 2022 socialnämnden i uppdrag att "
         "ta fram en trygghetsplan för Växjö kommun.\nPlanen ska utgå från regeringens brottsförebyggande program.\n",
         {"assignments: kind, assignees, period_start, title": [
              ("budgetuppdrag", ["Socialnämnden"], "2022", "ta fram en trygghetsplan för Växjö kommun")]}),
    case("uppdrar_without_at_names_the_body_and_a_nested_uppdra_is_part_of_the_task",
         "page.md",
         "# Uppdrag att sprida föräldrastöd\n\nRegeringen uppdrar också Statens folkhälsoinstitut att utarbeta en "
         "handbok för föräldrastödsarbete, utreda myndighetens möjligheter att uppdra åt ett lärosäte att ta fram "
         "utbildningar samt utveckla arbetet med uppföljningen.\n\n"
         "Redovisningen ska vara Socialdepartementet tillhanda senast den 28 februari 2014.\n",
         {"assignments: assignees, tasks, reports_to, report_due": [
              (["Statens folkhälsoinstitut"],
               ["utarbeta en handbok för föräldrastödsarbete",
                "utreda myndighetens möjligheter att uppdra åt ett lärosäte att ta fram utbildningar",
                "utveckla arbetet med uppföljningen"], ["Socialdepartementet"], ["2014-02-28"])],
          "bodies: label": Lacks("Ett lärosäte")}),
    case("a_bare_generic_word_is_never_a_new_body",
         "dir.md",
         "# Inrättande av Myndigheten för totalförsvarsanalys\n\nEn särskild utredare ska förbereda bildandet av "
         "en ny myndighet, Myndigheten för totalförsvarsanalys.\n\nDen nya myndigheten ska ha ett systemperspektiv. "
         "Myndighetens huvuduppgift ska vara att följa upp, analysera och utvärdera verksamheten inom totalförsvaret.\n\n"
         "Myndigheten ska vara en enrådighetsmyndighet.\n",
         {"bodies: label": Lacks("Myndigheten"),
          "responsibilities: body, task": Has(
              ("Myndigheten för totalförsvarsanalys", "ha ett systemperspektiv"),
              ("Myndigheten för totalförsvarsanalys", "följa upp, analysera och utvärdera verksamheten inom totalförsvaret"),
              ("Myndigheten för totalförsvarsanalys", "vara en enrådighetsmyndighet"))}),
    case("a_list_introduced_without_a_colon",
         "page.md",
         "# Uppdrag att ansöka om elstöd\n\nRegeringen ger Affärsverket svenska kraftnät i uppdrag att ansöka om "
         "elstöd.\n\nAffärsverket svenska kraftnät ska i ansökan till Energimarknadsinspektionen särskilt\n\n"
         "* beakta rådets förordning om krisintervention,\n* beakta nätets kapacitet.\n",
         {"assignments: tasks": [["ansöka om elstöd", "beakta rådets förordning om krisintervention",
                                  "beakta nätets kapacitet"]],
          "responsibilities: task": {"ansöka om elstöd", "beakta rådets förordning om krisintervention",
                                     "beakta nätets kapacitet"}}),
    case("a_linked_decision_is_the_assignment_it_names",
         "page.md",
         "# Den svenska strategin mot terrorism\n\nRegeringen har tagit fram en ny strategi.\n\n"
         "[Uppdrag till Polismyndigheten att vidta åtgärder för att införliva strategin](/regeringsuppdrag/2015/08/x/)\n",
         {"assignments: title, assignees, tasks": [
              ("Uppdrag till Polismyndigheten att vidta åtgärder för att införliva strategin", ["Polismyndigheten"],
               ["vidta åtgärder för att införliva strategin"])]}),
    case("a_meeting_assignment_takes_its_deadline_and_recipient_from_the_clause_after_it",
         "minutes.txt",
         "Protokoll\nMiljönämnden\nSammanträdesdatum 2021-09-08\n\n§ 12 Dnr MN 2021/40\nBullerkartläggning\n\n"
         "Miljönämndens beslut\nMiljönämnden beslutar\natt ge miljöförvaltningen i uppdrag att kartlägga bullret längs "
         "de kommunala vägarna, samt\natt uppdraget ska redovisas till miljönämnden senast den 31 mars 2022.\n",
         {"assignments: assignees, report_due, reports_to": [(["Miljöförvaltningen"], ["2022-03-31"], ["Miljönämnden"])]}),
    case("a_council_decision_told_with_the_paragraph_of_its_minutes",
         "uppdrag.md",
         "# Uppdrag om en ny avfallsplan\n\nRegionfullmäktige beslutade den 3 juni 2022, § 88, att "
         "ge regionstyrelsen i uppdrag att ta fram en ny avfallsplan. Uppdraget ska redovisas till "
         "regionfullmäktige senast den 30 april 2023.\n",
         {"assignments: kind, issuer, assignees, decided_on, report_due": [
              ("uppdrag", "Regionfullmäktige", ["Regionstyrelsen"], "2022-06-03", ["2023-04-30"])]}),
    case("the_tasks_listed_after_uppdraget_ska_bl_a_omfatta_also_when_each_repeats_att",
         "page.md",
         "# Uppdrag till Statens skolverk att stärka läsningen\n\nRegeringen uppdrar åt Statens skolverk att "
         "stärka elevers läsning.\n\nUppdraget ska bl.a. omfatta:\n- att stödja huvudmännen i deras arbete,\n"
         "- att följa upp insatserna.\n\nUppdraget ska redovisas senast den 1 mars 2021.\n",
         {"assignments[0].tasks": ["stärka elevers läsning", "stödja huvudmännen i deras arbete", "följa upp insatserna"]}),
    case("the_body_an_assignment_goes_to_is_not_where_its_report_goes",
         "page.md",
         "# Ändring av uppdraget till Boverket att utveckla en plattform\n\nRegeringen ändrar sitt beslut "
         "den 3 juni 2021 om uppdrag till Boverket att utveckla en plattform på så sätt att uppdraget i "
         "stället ska slutredovisas till Regeringskansliet (Infrastrukturdepartementet) senast den 31 mars "
         "2023.\n",
         {"assignments[0]: reports_to, report_due": (["Regeringskansliet", "Infrastrukturdepartementet"], ["2023-03-31"])}),
    case("an_erbjudande_beside_an_assignment_is_one_of_its_own_with_its_own_report",
         "page.md",
         "# Uppdrag till Socialstyrelsen om stöd till psykiatrin och erbjudande till regionerna\n\n"
         "Regeringen ger Socialstyrelsen i uppdrag att stödja regionernas arbete med psykiatrin. Uppdraget "
         "ska slutredovisas senast den 31 mars 2020.\n\nRegeringen erbjuder regionerna medel för att "
         "förstärka barnpsykiatrin. Regionerna ska redovisa hur medlen har använts senast den 30 juni 2017.\n",
         {"assignments: kind, assignees, assignee_descriptions, tasks, report_due": [
              ("regeringsuppdrag", ["Socialstyrelsen"], [], ["stödja regionernas arbete med psykiatrin"], ["2020-03-31"]),
              ("regeringsuppdrag", [], ["regionerna"], ["förstärka barnpsykiatrin"], ["2017-06-30"])]}),
    case("a_regleringsbrev_gives_its_assignments_one_numbered_item_each",
         "page.md",
         "# Regleringsbrev för budgetåret 2024 avseende Statens skolverk\n\nRegeringen beslutar om följande "
         "mål och uppdrag för Statens skolverk.\n\n## Uppdrag\n1. Skolverket ska ta fram stödmaterial om "
         "läsning. Uppdraget ska redovisas till Regeringskansliet (Utbildningsdepartementet) senast den 1 "
         "april 2025.\n2. Skolverket ska följa upp reformen om betyg. Uppdraget ska redovisas senast den 15 "
         "oktober 2024.\n",
         {"assignments: kind, assignees, tasks, report_due": [
              ("regeringsuppdrag", ["Statens skolverk"], ["ta fram stödmaterial om läsning"], ["2025-04-01"]),
              ("regeringsuppdrag", ["Statens skolverk"], ["följa upp reformen om betyg"], ["2024-10-15"])]}),
    case("a_board_named_in_lower_case_that_gets_a_task_in_a_meetings_decision",
         "p.txt",
         "PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2021-05-04\n\n§ 12 Dnr KS 2021/3\nBostäder\n\n"
         "Beslut\nKommunstyrelsen beslutar att kulturnämnden får i uppdrag att ta fram en plan för "
         "biblioteken.\n\n§ 13 Dnr KS 2021/4\nParker\n\nBeslut\nKommunstyrelsen beslutar att kommundirektören "
         "får i uppdrag att i samverkan med tekniska nämnden se över parkerna.\n",
         {"assignments: issuer, assignees, tasks": [
              ("Kommunstyrelsen", ["Kulturnämnden"], ["ta fram en plan för biblioteken"])]}),
    case("a_councils_budget_lists_its_tasks_to_boards_each_a_budget_assignment",
         "budget.txt",
         "Budget 2022 med plan för 2023-2024\n\nKommunfullmäktige beslutade den 22 november 2021 om budget "
         "för 2022. I budgeten ges följande uppdrag:\n\n• Tekniska nämnden ska utreda en ny "
         "återvinningscentral.\n• Samtliga nämnder ska minska sina lokalkostnader.\n• Kulturnämnden ska "
         "ta fram en plan för fler mötesplatser.\n\nEkonomi\nResultatet är positivt.\n",
         {"assignments: kind, issuer, assignees, decided_on, tasks": [
              ("budgetuppdrag", "Kommunfullmäktige", ["Tekniska nämnden"], "2021-11-22", ["utreda en ny återvinningscentral"]),
              ("budgetuppdrag", "Kommunfullmäktige", ["Kulturnämnden"], "2021-11-22",
               ["ta fram en plan för fler mötesplatser"])],
          "policies[kind=budget]: title, adopted_by, adopted_on": [("Budget 2022", "Kommunfullmäktige", "2021-11-22")]}),
    case("a_committees_report_tells_its_remit_only_by_what_it_covered_and_held",
         "sou.md",
         "# Bättre skydd för vittnen\n\nSlutbetänkande av Utredningen om vittnesskydd.\n\nDen andra delen av "
         "uppdraget omfattar skyddet av vittnen i domstol. I samtliga delar av uppdraget har det ingått att "
         "väga behovet av skydd mot rättssäkerheten. Vi har också haft i uppdrag att lämna "
         "författningsförslag.\n",
         {"assignments: assignees, title, tasks": [
              (["Utredningen om vittnesskydd"], "skyddet av vittnen i domstol",
               ["skyddet av vittnen i domstol", "väga behovet av skydd mot rättssäkerheten", "lämna författningsförslag"])]}),
    case("the_tasks_after_uppdragen_ar_att_and_the_year_they_are_given_for",
         "uppdrag.md",
         "# Uppdrag om statistik för äldre\n\nRegeringen beslutar om flera uppdrag till Socialstyrelsen för "
         "2013. Uppdragen är att\n\n* utveckla statistiken\n* genomföra registeranalyser\n",
         {"assignments[0]: tasks, period_start, period_end": (["utveckla statistiken", "genomföra registeranalyser"], "2013",
                                                               "2013")}),
    case("three_agencies_listed_with_a_comma_before_far_i_uppdrag_are_all_assignees",
         "uppdrag.md",
         "# Uppdrag om stöd till vittnen\n\nPolismyndigheten, Åklagarmyndigheten och Domstolsverket får i "
         "uppdrag att stärka stödet till vittnen.\n",
         {"assignments[0].assignees": ["Polismyndigheten", "Åklagarmyndigheten", "Domstolsverket"]}),
    case("a_councils_budget_gives_each_board_a_budget_assignment_decided_when_the_budget_was_adopted",
         "budget.txt",
         "Budget 2024 och flerårsplan 2025–2026\nAntagen av kommunfullmäktige 2023-11-27, § 145\n\n"
         "Kommunfullmäktiges uppdrag till nämnderna\n\nSocialnämnden får i uppdrag att minska kostnaderna "
         "för externa placeringar.\n\nBarn- och utbildningsnämnden får i uppdrag att utreda "
         "skolorganisationen på landsbygden. Uppdraget ska redovisas till kommunstyrelsen senast "
         "2024-06-30.\n\nMål för god ekonomisk hushållning\nResultatet ska uppgå till minst 2 procent av "
         "skatter och generella statsbidrag.\n",
         {"assignments: kind, issuer, assignees, decided_on, report_due, reports_to": [
              ("budgetuppdrag", "Kommunfullmäktige", ["Socialnämnden"], "2023-11-27", [], []),
              ("budgetuppdrag", "Kommunfullmäktige", ["Barn- och utbildningsnämnden"], "2023-11-27", ["2024-06-30"],
               ["Kommunstyrelsen"])],
          "goals: text": Has(Starts("Resultatet ska uppgå till minst 2 procent"))}),
    case("the_tasks_listed_after_uppdraget_ska_omfatta_att_without_a_colon",
         "page.md",
         "# Uppdrag att utveckla stödet till anhöriga\n\nRegeringen uppdrar åt Socialstyrelsen att utveckla stödet till "
         "anhöriga.\n\nUppdraget ska bl.a. omfatta att\n\n* kartlägga befintligt stöd,\n* ta fram ett kunskapsstöd.\n",
         {"assignments: tasks": [["utveckla stödet till anhöriga", "kartlägga befintligt stöd", "ta fram ett kunskapsstöd"]]}),
    case("a_councils_tasks_under_a_heading_that_says_whose_they_are",
         "plan.txt",
         "Verksamhetsplan 2019 för fritidsnämnden\n\nBudgetuppdrag\nFritidsnämnden får i uppdrag att utreda behovet av "
         "en ny ishall.\n\nUppdrag från kommunfullmäktige\nFritidsförvaltningen får i uppdrag att ta fram en plan för "
         "spontanidrott.\n\nLokaler\nFritidsnämnden får i uppdrag att se över hyrorna.\n",
         {"assignments: kind, issuer, assignees, title": Has(
              ("budgetuppdrag", "Kommunfullmäktige", ["Fritidsnämnden"], "utreda behovet av en ny ishall"),
              ("uppdrag", "Kommunfullmäktige", ["Fritidsförvaltningen"], "ta fram en plan för spontanidrott")),
          # under a heading of its own the sentence says nothing of whose task it is
          "assignments: title": Lacks("se över hyrorna")}),
    case("a_numbered_action_label_and_the_body_responsible_for_it",
         "plan.txt",
         "Uppdragsplan 2019 för fritidsnämnden\n\nUppdrag 2: Utveckla spontanidrotten i stadsdelarna\n"
         "Ansvar: Fritidsförvaltningen\n",
         {"responsibilities: body, task": Has(("Fritidsförvaltningen", "utveckla spontanidrotten i stadsdelarna"))}),
])
def test_assignments_of_a_paper(name, text, expected):
    assert_read(text, expected, name)


@pytest.mark.parametrize("sentence, recipients", [
    ("Tillväxtverket ska löpande informera Regeringskansliet (Näringsdepartementet) om arbetet.",
     ["Regeringskansliet", "Näringsdepartementet"]),
    ("IVO informerar Socialdepartementet löpande.", ["Socialdepartementet"]),
    ("Ansökan ska ha inkommit till\nEnergimarknadsinspektionen senast den 30 januari 2023.",
     ["Energimarknadsinspektionen"]),
    ("Tillväxtverket ska informera kommunerna om stödet.", []),          # outreach, not a report
    # a copy informs; the report is answered to its first recipient
    ("Uppdraget ska redovisas till regeringen (Näringsdepartementet, med kopia till Infrastrukturdepartementet och "
     "Utbildningsdepartementet) senast den 15 maj 2021.", ["Regeringen", "Näringsdepartementet"]),
    ("Tillväxtverket ska årligen lämna en redovisning till Regeringskansliet (Näringsdepartementet) med kopia till "
     "Naturvårdsverket.", ["Regeringskansliet", "Näringsdepartementet"]),
    ("Tillväxtverket ska senast den 1 mars 2025 redovisa arbetet till Regeringskansliet (Utbildningsdepartementet med "
     "kopia till Justitiedepartementet).", ["Regeringskansliet", "Utbildningsdepartementet"]),
])
def test_where_an_assignment_reports(sentence, recipients):
    text = f"# Uppdrag till Tillväxtverket\n\nRegeringen ger Tillväxtverket i uppdrag att stödja regionerna.\n\n{sentence}\n"
    _, ex, _ = extract_text(text, name="page.md")
    assert [a.reports_to for a in ex.assignments] == [recipients]


def test_agencies_the_government_designates_are_assignees_and_a_representation_abroad_is_a_body():
    text = ("# Uppdrag till behöriga organisationer som kan bistå Efsa\n\nRegeringen utser Karolinska institutet, "
            "Livsmedelsverket samt Sveriges lantbruksuniversitet till behöriga organisationer att bistå Europeiska "
            "myndigheten för livsmedelssäkerhet.\n\nRegeringen uppdrar åt Sveriges ständiga representation vid Europeiska\n"
            "unionen att överlämna en lista till Europeiska kommissionen.\n")
    _, ex, _ = extract_text(text, name="page.md")
    [a] = ex.assignments
    assert a.assignees[:3] == ["Karolinska institutet", "Livsmedelsverket", "Sveriges lantbruksuniversitet"]
    assert "Sveriges ständiga representation vid Europeiska unionen" in a.assignees
    assert "Europeiska unionen" not in a.assignees


def test_a_directives_tasks_in_every_word_order_and_past_abbreviations():
    text = ("# Den framtida särskolan\n\nEn särskild utredare ska föreslå en framtida utformning av särskolan. "
            "Utredaren ska därutöver bl.a. analysera konsekvenserna av en utökad rätt att studera i en annan kommun. "
            "Vidare ska utredaren analysera konsekvenserna av en utvidgning av den s.k. riksgymnasiesärskolan.\n\n"
            "Uppdraget ska redovisas senast den 30 juni 2010.\n")
    doc, ex, _ = extract_text(text, name="dir.md", media_type="text/markdown")
    assert ex.document.kind == "kommittédirektiv"
    [a] = ex.assignments
    assert a.tasks == ["föreslå en framtida utformning av särskolan",
                       "analysera konsekvenserna av en utökad rätt att studera i en annan kommun",
                       "analysera konsekvenserna av en utvidgning av den s.k. riksgymnasiesärskolan"]
    assert a.report_due == ["2010-06-30"]
    assert_quotes(doc, ex.assignments)


@pytest.mark.parametrize("lead", [
    "Regeringen ger Post- och telestyrelsen i uppdrag att stärka förmågan.\n\nFör att förebygga incidenter ska PTS",
    "Regeringen ger Post- och telestyrelsen i uppdrag att stärka förmågan.\n\nInom ramen för uppdraget ska "
    "Post- och telestyrelsen:",
    "Som ett led i regeringens satsning uppdras åt Post- och telestyrelsen att",
])
def test_a_task_list_after_the_subject_or_after_uppdras(lead):
    text = (f"# Uppdrag till Post- och telestyrelsen\n\n{lead}\n\n* sammanställa information om hotbilden,\n"
            "* genomföra övningar med aktörerna.\n")
    doc, ex, _ = extract_text(text, name="u.md", media_type="text/markdown")
    [a] = ex.assignments
    assert {"sammanställa information om hotbilden", "genomföra övningar med aktörerna"} <= set(a.tasks)


@pytest.mark.parametrize("name, text, expected", [
    case("a_report_due_every_year_and_two_tasks_joined_by_och",
         "u.md",
         "# Uppdrag att medverka i Östersjöstrategin\n\nRegeringen uppdrar åt Skogsstyrelsen att specificera de delmål "
         "där ett samarbete behöver inledas och redogöra för hur en sådan samverkan kan ske.\n\nSkogsstyrelsen ska "
         "årligen senast den 31 januari 2017, 2018, 2019 och 2020 lämna en redovisning till Regeringskansliet "
         "(Näringsdepartementet).\n",
         {"assignments: report_due": [["2017-01-31", "2018-01-31", "2019-01-31", "2020-01-31"]],
          "assignments[0].tasks": Has("specificera de delmål där ett samarbete behöver inledas och redogöra för hur en sådan "
                                      "samverkan kan ske")}),
    case("an_abbreviated_name_among_the_assignees_ends_no_sentence",
         "u.md",
         "# Uppdrag att bilda ett råd för skydd av kulturarv\n\nRegeringen ger Riksantikvarieämbetet, Kungl. biblioteket "
         "och Statens fastighetsverk i uppdrag att bilda ett råd för skydd av kulturarv.\n",
         {"assignments: assignees": [["Riksantikvarieämbetet", "Kungliga biblioteket", "Statens fastighetsverk"]],
          "responsibilities: body, task": Has(("Kungliga biblioteket", "bilda ett råd för skydd av kulturarv"))}),
    case("a_committee_report_recounts_its_own_assignment",
         "sou.md",
         "# Regelverk för krigsmateriel\n\n2023 års krigsmaterielutredning har haft i uppdrag att se över regelverket "
         "för krigsmateriel.\n\nI uppdraget har bland annat ingått att:\n\n* analysera riktlinjerna för utförsel,\n"
         "* föreslå en reglering för underleverantörer.\n",
         {"document.kind": "betänkande", "assignments: assignees": [["2023 års krigsmaterielutredning"]],
          "assignments[0].tasks": Has("se över regelverket för krigsmateriel", "analysera riktlinjerna för utförsel",
                                      "föreslå en reglering för underleverantörer")}),
])
def test_assignments_of_a_markdown_paper(name, text, expected):
    assert_read(text, expected, name, "text/markdown")


def test_what_the_work_holds_is_told_under_a_heading_after_the_background():
    text = ("# Uppdrag att genomföra systemanpassningar\n\nRegeringen uppdrar åt Domstolsverket att genomföra de "
            "systemanpassningar som myndigheten har föreslagit.\n\n## Bakgrund\n\nRegeringen uppdrog 2017 åt "
            "Naturvårdsverket att ta fram en modell. Domstolsverket ska enligt regleringsbrevet redovisa statistik.\n\n"
            "## Närmare om uppdraget\n\nSystem- och verksamhetsanpassningarna innefattar att\n\n"
            "* införa nya måltypskoder,\n* ta fram rutiner för registreringen.\n")
    doc, ex, _ = extract_text(text, name="u.md", media_type="text/markdown")
    [a] = [x for x in ex.assignments if x.title.startswith("Uppdrag")]
    assert {"införa nya måltypskoder", "ta fram rutiner för registreringen"} <= set(a.tasks)
    assert "redovisa statistik" not in " ".join(a.tasks)       # the background's, not this decision's


@pytest.mark.parametrize("text, expected", [
    ("# En svensk flygskatt\n\nUtredningen om skatt på flygresor har i dag överlämnat sitt betänkande till "
     "regeringen. Utredningen har haft i uppdrag att analysera och lämna förslag på hur en skatt på flygresor kan "
     "utformas.\n",
     (["Utredningen om skatt på flygresor"], ["analysera och lämna förslag på hur en skatt på flygresor kan utformas"],
      None, [])),
    # how it was appointed, with the number of its directive
    ("# Sverige för nyanlända\n\nRegeringen beslutade den 5 november 2009 att låta tillsätta en särskild "
     "utredare att utreda och lämna förslag om samhällsorientering för nyanlända invandrare (Dir. 2009:101). "
     "Utredningen om samhällsorientering för nyanlända invandrare överlämnade den 4 mars 2010 delbetänkandet "
     "Sverige för nyanlända (SOU 2010:16).\n",
     (["Utredningen om samhällsorientering för nyanlända invandrare"],
      ["utreda och lämna förslag om samhällsorientering för nyanlända invandrare"], "2009-11-05", ["Dir. 2009:101"])),
    # the remit as the subject, what it included in the past, "bland annat" and "och att" between two tasks
    ("# Polisiär beredskap\n\nBetänkande av Utredningen om polisens beredskap.\n\nUtredningens uppdrag "
     "(dir. 2023:143) har inneburit att överväga och föreslå åtgärder som kan stärka polisens beredskap. I uppdraget "
     "har ingått bland annat att analysera om en förstärkningsresurs bör inrättas. Uppdraget har även inneburit att "
     "föreslå hur behovet av helikoptrar ska säkerställas och att ta ställning till om förmågan kan stärkas.\n",
     (["Utredningen om polisens beredskap"],
      ["överväga och föreslå åtgärder som kan stärka polisens beredskap",
       "analysera om en förstärkningsresurs bör inrättas",
       "föreslå hur behovet av helikoptrar ska säkerställas och att ta ställning till om förmågan kan stärkas"], None,
      ["Dir. 2023:143"])),
    # what the remit included, said every way a report says it; a list item is its first sentence
    ("# En svensk flygskatt\n\nUtredningen om skatt på flygresor har haft i uppdrag att analysera hur en skatt kan "
     "utformas. Därtill har utredningen haft att analysera de medlemsstater som har avskaffat flygskatt. Enligt "
     "direktiven ska utredningen utarbeta nödvändiga författningsförslag.\n\nI utredningens uppdrag har även ingått "
     "att bedöma om myndighetsavgiften bör avskaffas. Det har också ingått i utredningens uppdrag att beskriva andra "
     "åtgärder. Slutligen har det i uppdraget ingått att beskriva konsekvenserna.\n\nI uppdraget har ingått att:\n\n"
     "* kartlägga system för informationsutbyte, t.ex. Skatteverkets system. Utgångspunkten ska vara lagen.\n",
     (["Utredningen om skatt på flygresor"],
      ["analysera hur en skatt kan utformas", "analysera de medlemsstater som har avskaffat flygskatt",
       "bedöma om myndighetsavgiften bör avskaffas", "beskriva andra åtgärder",
       "beskriva konsekvenserna", "kartlägga system för informationsutbyte, t.ex. Skatteverkets system",
       "utarbeta nödvändiga författningsförslag"],
      None, [])),
    # one remit however many times the report tells of it: what it "consisted in", what the committee "had to" do
    ("# Fri- och rättigheter\n\nBetänkande av 2023 års fri- och rättighetskommitté.\n\n2023 års fri- och "
     "rättighetskommitté har haft i uppdrag att utreda frågor om grundlagsskyddet. Uppdraget när det gäller nya "
     "rättigheter har bestått i att bedöma om en rätt till abort bör läggas till. När det gäller uppdraget i övrigt har "
     "kommittén haft att bedöma om rätten till medborgarskap bör ändras.\n\nKommittén har även haft i uppdrag att göra "
     "en internationell jämförelse.\n",
     (["2023 års fri- och rättighetskommitté"],
      ["utreda frågor om grundlagsskyddet", "bedöma om en rätt till abort bör läggas till",
       "bedöma om rätten till medborgarskap bör ändras", "göra en internationell jämförelse"], None, [])),
    # an unnamed inquiry appointed with "uppdra åt", and the list a tilläggsdirektiv added
    ("# Vapen\n\nI maj 2022 beslutade regeringen att uppdra åt en särskild utredare att lämna förslag till de "
     "författningsändringar som krävs. Utredningen föreslår en ny lag.\n\nEnligt tilläggsdirektiven skulle "
     "utredningen även bl.a.\n\n* föreslå en utökning av vapengarderoben för jakt,\n"
     "* överväga om processen vid vapenbyte kan förenklas.\n",
     (["Utredningen"],
      ["lämna förslag till de författningsändringar som krävs", "föreslå en utökning av vapengarderoben för jakt",
       "överväga om processen vid vapenbyte kan förenklas"], None, [])),
    # what lay in the remit, and what it "goes out on"
    ("# Beslag\n\nBetänkande av Beslagsutredningen.\n\nBeslagsutredningen har haft i uppdrag att se över reglerna om "
     "beslag. Utredningens uppdrag går ut på att föreslå moderna regler för husrannsakan.\n\nI uppdraget ligger "
     "sammanfattningsvis bland annat att\n\n* anpassa bestämmelserna till modern teknik,\n"
     "* lämna fullständiga författningsförslag.\n",
     (["Beslagsutredningen"],
      ["se över reglerna om beslag", "föreslå moderna regler för husrannsakan",
       "anpassa bestämmelserna till modern teknik", "lämna fullständiga författningsförslag"], None, [])),
])
def test_a_committees_report_recounts_its_own_remit(text, expected):
    ex = page(text)
    assert [(a.assignees, a.tasks, a.decided_on, a.diarienummer) for a in ex.assignments] == [expected]


@pytest.mark.parametrize("text, period", [
    ("# Uppdrag till Trafikverket att förhandla och ingå överenskommelser om beredskapsflygplatser under 2026\n\n"
     "Regeringen ger Trafikverket i uppdrag att förhandla om beredskapsflygplatser.\n", ("2026", "2026")),
    ("# Uppdrag till Trafikverket\n\nRegeringen ger Trafikverket i uppdrag att ingå överenskommelser som gäller "
     "fr.o.m. den 1 januari 2026 t.o.m. den 31 december 2027.\n", ("2026", "2027")),
    # a period whose ends are days
    ("# Uppdrag att ta emot praktikanter\n\nRegeringen uppdrar åt Kammarkollegiet att under perioden den 1 februari "
     "2027–30 november 2029 ta emot praktikanter.\n", ("2027", "2029")),
    # how long the work goes on, and when it starts, said of it in another sentence
    ("# Uppdrag att bilda ett råd för hållbart byggande\n\nRegeringen ger Boverket i uppdrag att bilda ett råd för "
     "hållbart byggande. Arbetet i rådet ska pågå till och med den 31 mars 2029.\n", (None, "2029")),
    ("# Uppdrag om en försöksverksamhet med lotsar\n\nRegeringen ger Migrationsverket i uppdrag att bedriva en "
     "försöksverksamhet med lotsar. Verksamheten ska kunna starta senast den 1 mars 2027 och ska pågå till och med den "
     "30 juni 2028.\n", ("2027", "2028")),
    ("# Uppdrag att anordna utbildning\n\nRegeringen uppdrar åt Umeå universitet att med start hösten 2027 anordna "
     "utbildning för tolkar.\n", ("2027", None)),
    # the years the assignment is paid for
    ("# Uppdrag att sprida kunskap om skogsbruk\n\nRegeringen ger Skogsstyrelsen i uppdrag att sprida kunskap om "
     "skogsbruk. För uppdragets genomförande får Skogsstyrelsen använda högst 4 000 000 kronor under 2027 och "
     "2 000 000 kronor under 2028.\n", ("2027", "2028")),
    ("# Uppdrag att fördela medel\n\nRegeringen uppdrar åt Socialstyrelsen att fördela medel till regionerna.\n\n"
     "Socialstyrelsen ska:\n\n* under 2027 betala ut högst 90 miljoner kronor till regionerna,\n"
     "* följa upp hur medlen har använts.\n", ("2027", "2027")),
    ("# Uppdrag att utveckla tillsynen\n\nRegeringen ger Boverket i uppdrag att utveckla tillsynen. För uppdraget får "
     "Boverket använda 1 miljon kronor under 2027 och 1 miljon kronor per år under 2028–2030.\n", ("2027", "2030")),
    # the period of what the assignee is to do, in a sentence of its own
    ("# Uppdrag att betala ut medel till kompetenscentrum\n\nRegeringen uppdrar åt Socialstyrelsen att betala ut medel "
     "till två kompetenscentrum. Socialstyrelsen ska även under perioden 2027–2030 följa upp verksamheterna.\n",
     ("2027", "2030")),
    # a report's schedule is not when the work starts
    ("# Uppdrag att följa upp vården\n\nRegeringen ger Vårdanalys i uppdrag att följa upp vården. Vårdanalys ska "
     "lämna årliga lägesrapporter till Regeringskansliet med start 2028.\n", (None, None)),
])
def test_the_year_or_the_dates_an_assignment_runs(text, period):
    ex = page(text)
    assert [(a.period_start, a.period_end) for a in ex.assignments] == [period]


def test_a_directives_list_after_an_adverb_alone_is_its_tasks():
    text = ("# Åtgärder för att attrahera internationell kompetens\n\nRegeringen beslutar att tillkalla en särskild "
            "utredare. Utredaren ska ta ställning till hur en ny grund för uppehållstillstånd ska utformas.\n\n"
            "Utredaren ska därför\n\n* lämna förslag på hur grunden bör utformas,\n"
            "* kartlägga förekomsten av handel med uppehållstillstånd.\n\nUppdraget ska redovisas senast den "
            "1 mars 2021.\n")
    ex = page(text)
    tasks = [t for a in ex.assignments for t in a.tasks]
    assert {"lämna förslag på hur grunden bör utformas",
            "kartlägga förekomsten av handel med uppehållstillstånd"} <= set(tasks), tasks
    assert "därför" not in tasks


def test_an_earlier_dated_assignment_named_in_a_decision_is_its_own_and_the_governments():
    text = ("# Uppdrag att analysera genomförandet av ett intensivår\n\nRegeringen uppdrar åt Statskontoret att "
            "analysera genomförandet av ett intensivår. Arbetsförmedlingen har den 14 oktober 2020 fått i uppdrag att "
            "införa ett intensivår (A2020/02108).\n")
    ex = page(text)
    got = {(tuple(a.assignees), a.issuer, a.decided_on, tuple(a.diarienummer)): a.tasks for a in ex.assignments}
    assert got == {(("Statskontoret",), "Regeringen", None, ()): ["analysera genomförandet av ett intensivår"],
                   (("Arbetsförmedlingen",), "Regeringen", "2020-10-14", ("A2020/02108",)): ["införa ett intensivår"]}


# government pages read whole (as conftest.page reads them)
@pytest.mark.parametrize("text, expected", [
    case("the_date_between_uppdrog_and_its_assignees",
         "# Socialfonden\n\nRegeringen uppdrog den 31 januari 2013 åt Svenska ESF-rådet och Tillväxtverket att "
         "bland annat redovisa åtgärder för förenkling.\n",
         {"assignments: assignees, issuer, decided_on, tasks": [
              (["Svenska ESF-rådet", "Tillväxtverket"], "Regeringen", "2013-01-31", ["redovisa åtgärder för förenkling"])],
          "responsibilities: body, task": {("Svenska ESF-rådet", "redovisa åtgärder för förenkling"),
                                           ("Tillväxtverket", "redovisa åtgärder för förenkling")}}),
    case("the_assignee_given_after_i_uppdrag_till",
         "# Regeringens skrivelse om avfall\n\nI syfte att förbättra hanteringen gav regeringen i december 2022 i "
         "uppdrag till Statens energimyndighet (Energimyndigheten) att utreda hur solcellspaneler ska kunna "
         "omhändertas. Uppdraget ska redovisas senast den 31 mars 2024.\n",
         {"assignments: assignees, issuer, tasks, report_due": [
              (["Statens energimyndighet"], "Regeringen", ["utreda hur solcellspaneler ska kunna omhändertas"],
               ["2024-03-31"])]}),
    case("a_party_to_the_agreement_behind_a_directive_is_not_its_assignee",
         "# Exitprogram för personer som är utsatta för prostitution\n\nEn särskild utredare ges i uppdrag att lämna "
         "förslag på ett exitprogram.\n\nUppdraget, som utgår från en överenskommelse mellan regeringen och "
         "Miljöpartiet de gröna, ska redovisas senast den 30 november 2023.\n",
         {"document.kind": "kommittédirektiv",
          "assignments: assignees, assignee_descriptions": [([], ["en särskild utredare"])]}),
    case("what_an_inquirys_remit_held_told_with_a_noun_first",
         "# Stärkt hyresrättsligt skydd\n\nUtredarens huvudsakliga uppdrag har omfattat en utvärdering av det "
         "hyresrättsliga skyddet och att bedöma behovet av att utöka möjligheterna att bo kvar. Utredningen föreslår "
         "en ändring.\n",
         {"document.kind": "betänkande",
          "assignments: tasks": [["en utvärdering av det hyresrättsliga skyddet",
                                  "bedöma behovet av att utöka möjligheterna att bo kvar"]]}),
    case("report_dates_of_a_row_share_the_year_given_last",
         "# Uppdrag avseende moderna beredskapsjobb i staten\n\nRegeringen uppdrar åt Arbetsförmedlingen att "
         "etablera en organisation för beredskapsjobb. Senast den 31 mars respektive den 30 november 2017 ska "
         "Arbetsförmedlingen redovisa det fortsatta arbetet.\n",
         {"assignments: report_due": [["2017-03-31", "2017-11-30"]]}),
    case("the_further_parts_of_a_committees_remit_told_in_its_report_are_tasks",
         "# Fler vägar till yrkeslivet\n\nBetänkande av Utredningen om fler vägar till yrkeslivet.\n\nUtredningen har "
         "haft i uppdrag att lämna förslag om yrkesutbildningar i gymnasieskolan. Utredningen fick även i uppdrag att "
         "undersöka hur elever kan erbjudas yrkesutbildning. Vidare fick utredningen i uppdrag att analysera om "
         "yrkesprov bör införas. Utredningen har även haft att ta ställning till vilka prov som ska gälla.\n",
         {"assignments: tasks": [["lämna förslag om yrkesutbildningar i gymnasieskolan",
                                  "undersöka hur elever kan erbjudas yrkesutbildning", "analysera om yrkesprov bör införas",
                                  "ta ställning till vilka prov som ska gälla"]]}),
    case("a_committees_remit_told_with_a_time_an_aside_or_after_opening_words_is_its_tasks",
         "# Säkrare broar\n\nBetänkande av Utredningen om säkrare broar.\n\nRegeringen beslutade den 3 mars 2024 att ge en särskild "
         "utredare i uppdrag att se över reglerna om broinspektion. Utredningen fick i maj 2024 i uppdrag att kartlägga "
         "tillståndet hos landets broar. Utredaren fick, inom ramen för direktiven, också i uppgift att anordna seminarier "
         "om brosäkerhet. Slutligen har vi haft i uppdrag att bedöma kostnaderna för underhåll. I denna del har "
         "utredningen haft till uppgift att lämna förslag om finansiering. Utredningen har därutöver särskilt till uppgift "
         "att följa forskningen om material.\n",
         {"assignments": Count(1),
          "assignments[0].assignees": ["Utredningen om säkrare broar"],
          "assignments[0].tasks": (Has(
              "se över reglerna om broinspektion", "kartlägga tillståndet hos landets broar",
              "anordna seminarier om brosäkerhet", "bedöma kostnaderna för underhåll", "lämna förslag om finansiering",
              "följa forskningen om material"))}),
    case("what_a_committees_remit_held_told_in_other_words_is_its_tasks_but_not_what_it_did_not_hold",
         "# Enklare bygglov\n\nBetänkande av Bygglovsutredningen.\n\nBygglovsutredningen har haft i uppdrag att se över "
         "plan- och bygglagen. I vårt uppdrag har ingått att kartlägga handläggningstiderna. I uppdraget ska ingå att "
         "bedöma kommunernas avgifter. Vidare har det ingått i uppdraget att analysera överklagandena. Vidare omfattar "
         "uppdraget att jämföra med grannländerna. Därutöver har uppdraget även omfattat att belysa digitaliseringen. En "
         "annan del av uppdraget har varit att föreslå en ny tidsfrist. Uppdraget omfattar inte skattefrågor.\n\n"
         "I en andra etapp har utredningen bland annat haft att överväga om\n\n* det bör inrättas ett register,\n"
         "* det finns behov av nya regler.\n",
         {"assignments": Count(1),
          "assignments[0].tasks": All(Has(
              "kartlägga handläggningstiderna", "bedöma kommunernas avgifter", "analysera överklagandena",
              "jämföra med grannländerna", "belysa digitaliseringen", "föreslå en ny tidsfrist",
              "överväga om det bör inrättas ett register", "överväga om det finns behov av nya regler"),
              Lacks("skattefrågor", "inte skattefrågor"))}),
    # a report that names no committee of its own tells the remit of "the inquiry" all the same
    case("the_remit_of_an_inquiry_appointed_with_its_day_is_the_governments_assignment",
         "# Ett nytt skydd för dricksvatten\n\nRegeringen tillsatte den 14 oktober 2021 en särskild utredare med uppdrag "
         "att undersöka förutsättningarna för ett starkare skydd av dricksvatten (M 2021:03).\n\nI betänkandet föreslås "
         "en ny lag om vattenskydd.\n",
         {"assignments: kind, issuer, assignees, assignee_descriptions, decided_on, tasks": [(
             "regeringsuppdrag", "Regeringen", [], ["en särskild utredare"], "2021-10-14",
             ["undersöka förutsättningarna för ett starkare skydd av dricksvatten"])]}),
    case("the_remit_an_inquiry_tells_as_its_own_is_the_assignment_of_the_inquiry",
         "# Ett nytt skydd för dricksvatten\n\nVårt övergripande uppdrag har varit att föreslå hur reglerna om skydd av "
         "dricksvatten kan ändras. I uppdraget har ingått att kartlägga vattentäkterna.\n\nI betänkandet föreslås en ny "
         "lag om vattenskydd.\n",
         {"assignments: assignee_descriptions, title, tasks": [(
             ["utredningen"], "föreslå hur reglerna om skydd av dricksvatten kan ändras",
             ["föreslå hur reglerna om skydd av dricksvatten kan ändras", "kartlägga vattentäkterna"])]}),
    case("the_remit_a_named_utredare_was_given_goes_to_the_utredare_who_writes_the_memorandum",
         "# Ett nytt skydd för dricksvatten\n\nUtredaren Anna Berg har haft i uppdrag att överväga hur skyddet av "
         "dricksvatten bör utvecklas. Utredaren föreslår att en ny lag om vattenskydd införs.\n",
         {"document: kind": ("betänkande",),
          "assignments: assignees, tasks": [(["Utredaren"], ["överväga hur skyddet av dricksvatten bör utvecklas"])]}),
    case("the_appointment_said_with_a_year_between_verb_and_inquiry",
         "# Skydd mot marknadsföring av alkohol\n\nRegeringen uppdrog 2016 åt en särskild utredare att föreslå hur barn "
         "och unga kan skyddas från marknadsföring av alkohol. I betänkandet föreslås nya regler.\n",
         {"assignments: assignee_descriptions, tasks": [(
             ["en särskild utredare"], ["föreslå hur barn och unga kan skyddas från marknadsföring av alkohol"])]}),
    # a directive's report is its betänkande: "Senast den … ska utredaren lämna ett slutbetänkande"
    case("the_day_a_directive_wants_its_final_report_by_is_the_report_due",
         "# Översyn av tjänstehundsaveln\n\nKommittédirektiv\n\nBeslut vid regeringssammanträde den 3 mars 2010.\n\n"
         "En särskild utredare ska utreda vilka åtgärder som kan stimulera aveln.\n\n## Redovisning av uppdraget\n\n"
         "Senast den 1 oktober 2010 ska utredaren lämna ett slutbetänkande om aveln.\n",
         {"assignments: report_due": [["2010-10-01"]]}),
    # the dot of a reference to a directive is no end of the task that cites it
    case("a_task_runs_past_the_directive_it_cites",
         "# Avveckling av Myndigheten för kvalificerad yrkesutbildning\n\nKommittédirektiv\n\nBeslut vid "
         "regeringssammanträde den 2 april 2009.\n\nEn särskild utredare ska avveckla myndigheten.\n\nUtredaren ska "
         "samråda med den utredare som förbereder Myndigheten för yrkeshögskolan (dir. 2008:153) samt med Skolverket. "
         "Uppdraget ska redovisas senast den 1 mars 2010.\n",
         {"assignments[0].tasks": Has("samråda med den utredare som förbereder Myndigheten för yrkeshögskolan samt med "
                                      "Skolverket")}),
    # the bodies a charge announces as a list after it ("uppdrar åt följande myndigheter att …:") are assignees
    case("the_bodies_a_charge_lists_after_it_are_assignees",
         "# Uppdrag att samordna arbetet med strategin för psykisk hälsa\n\nRegeringen uppdrar åt Folkhälsomyndigheten att "
         "samordna arbetet med strategin.\n\nRegeringen uppdrar åt följande myndigheter att medverka i arbetet:\n\n"
         "- Arbetsförmedlingen,\n- Boverket och\n- Trafikverket.\n\nUppdraget ska redovisas senast den 1 mars 2026.\n",
         {"assignments[0].assignees": Has("Folkhälsomyndigheten", "Arbetsförmedlingen", "Boverket", "Trafikverket"),
          "assignments[0].tasks": All(Has("medverka i arbetet"), Lacks("Boverket", "Trafikverket"))}),
    case("a_group_the_title_describes_is_the_assignee_and_a_consultation_noun_before_ska_is_no_body",
         "# Uppdrag till de regionala arkiven om digitalisering\n\nUppdraget till de regionala arkiven syftar till att "
         "arkiven ska digitalisera sina samlingar. Samråd i frågan ska ske med Riksarkivet. Regelverket för gallring ska "
         "följas.\n\nUppdraget ska redovisas till Kulturdepartementet senast den 1 mars 2027.\n",
         {"assignments[0]: assignees, assignee_descriptions": ([], ["de regionala arkiven"]),
          "bodies: label": Lacks("Samråd i frågan", "Regelverket för gallring")}),
    case("what_an_assignment_holds_named_by_a_noun_is_a_task",
         "# Tilläggsdirektiv till Bostadskommittén (S 2004:07)\n\nBostadskommitténs uppdrag utvidgas till att omfatta "
         "en bred översyn av lagen (1993:388) om bostadsbidrag. Uppdraget inkluderar frågan om vem som ska vara "
         "huvudman för bidraget. Översynen ska också omfatta en analys av hur reglerna tillämpas.\n",
         {"assignments: tasks": [["en bred översyn av lagen (1993:388) om bostadsbidrag",
                                  "frågan om vem som ska vara huvudman för bidraget", "en analys av hur reglerna tillämpas"]]}),
    case("what_the_analysis_an_assignment_asks_for_is_to_hold_is_its_tasks",
         "# Uppdrag till Trafikverket att göra en fördjupad analys om dispenser\n\nRegeringen ger Trafikverket i uppdrag "
         "att göra en fördjupad analys av hanteringen av dispenser.\n\nDen fördjupade analysen ska omfatta en detaljerad "
         "konsekvensanalys för ett övertagande. Analysen ska också innehålla relevanta riskbedömningar och en tidplan. "
         "Redovisningen ska innehålla en sammanfattning.\n",
         {"assignments": Count(1),
          "assignments[0].tasks": All(Has("en detaljerad konsekvensanalys för ett övertagande",
                                          "relevanta riskbedömningar och en tidplan"), Lacks("en sammanfattning"))}),
    case("a_decision_to_a_described_group_of_agencies_is_theirs_not_the_first_body_a_later_sentence_names",
         "# Uppdrag att ta emot praktikanter 2027–2029\n\n"
         "Regeringen uppdrar åt myndigheterna som anges i bilagan att under perioden 2027–2029 ta emot praktikanter "
         "från Arbetsförmedlingen.\n\n"
         "Arbetsförmedlingen ska informera om vilka praktikinsatser som erbjuds. Myndigheterna ska senast den "
         "1 april 2028 redovisa hur uppdraget genomförs.\n",
         {"assignments[0]: assignees, assignee_descriptions": ([], ["myndigheterna som anges i bilagan"]),
          "responsibilities: body, task": Has(
              ("myndigheterna som anges i bilagan", "senast den 1 april 2028 redovisa hur uppdraget genomförs"),
              ("Arbetsförmedlingen", "informera om vilka praktikinsatser som erbjuds"))}),
    # "Brottsförebyggande rådet (Brå) får i uppdrag att …": the short form in brackets is no clause boundary
    case("the_assignee_before_its_short_form",
         "# Uppdrag att ta fram underlag för datalagring\n\nBrottsförebyggande rådet (Brå) får i uppdrag att ta fram "
         "underlag med statistik om anmälda brott.\n\nUppdraget ska redovisas till Regeringskansliet (Justitiedepartementet) "
         "senast den 1 november 2023.\n",
         {"assignments: assignees, tasks": [(["Brottsförebyggande rådet"],
                                             ["ta fram underlag med statistik om anmälda brott"])]}),
    # "En utredare får i uppdrag att …" in a government decision is an assignee named by what it is
    case("an_assignee_the_decision_appoints_by_what_it_is",
         "# Uppdrag att analysera klimatpolitiken\n\nEn utredare får i uppdrag att analysera hur Sveriges politik "
         "bör utvecklas utifrån EU:s klimatpaket.\n\nUppdraget ska redovisas till Regeringskansliet "
         "(Klimat- och näringslivsdepartementet) senast den 1 mars 2024.\n",
         {"assignments: assignee_descriptions, tasks": [
              (["en utredare"], ["analysera hur Sveriges politik bör utvecklas utifrån EU:s klimatpaket"])]}),
    case("a_decision_that_widens_an_assignment",
         "# Utökat uppdrag till Statens energimyndighet om vätgas\n\nRegeringen utökar uppdraget till Statens "
         "energimyndighet att kartlägga produktionen av vätgas i Sverige. Energimyndigheten ska redovisa uppdraget "
         "senast den 1 mars 2026.",
         {"assignments: assignees": [["Statens energimyndighet"]],
          "assignments[0].tasks": Has("kartlägga produktionen av vätgas i Sverige")}),
    case("a_decision_that_extends_an_assignment_and_the_part_it_names",
         "# Förlängning av uppdrag till Livsmedelsverket om dricksvatten\n\nRegeringen förlänger uppdraget till "
         "Livsmedelsverket att stödja kommunerna i arbetet med dricksvattnet. Regeringen förlänger även uppdraget att "
         "inventera reservvattentäkter i hela landet.",
         {"assignments": Count(1), "assignments[0].tasks": Has("inventera reservvattentäkter i hela landet")}),
])
def test_assignments_of_a_page(text, expected):
    assert_facts(page(text), expected)


@pytest.mark.parametrize("name, kind", [
    ("AB Volvo", "bolag"), ("Kunskapsskolan i Sverige AB", "bolag"),
    ("Stiftelsen Högskolan i Jönköping", "organisation"), ("Kungl. Vetenskapsakademien", "organisation"),
    ("Nätverket unga för tillgänglighet", "organisation"),
    ("Institutionen för freds- och konfliktforskning", "enhet"), ("Justitiedepartementets enhet för brottmålsärenden", "enhet"),
    ("Statens skolverk", "myndighet"), ("Uppsala universitet", "myndighet"),
])
def test_the_kind_of_a_named_body_from_its_name(name, kind):
    assert guess_kind(name) == kind


def test_a_fragment_among_the_tasks_does_not_hide_the_duty_that_holds_its_words():
    ex = page("# Uppdrag att analysera genomförandet av ett intensivår\n\nRegeringen uppdrar åt Statskontoret att analysera "
              "Arbetsförmedlingens genomförande av ett intensivår. Statskontoret ska inom ramen för uppdraget analysera om "
              "syftet med intensivåret uppnås, i enlighet med Arbetsförmedlingens uppdrag om genomförandet.\n")
    [a] = [x for x in ex.assignments if "Statskontoret" in x.assignees]
    assert any(t.startswith("inom ramen för uppdraget analysera om syftet med intensivåret uppnås") for t in a.tasks)


@pytest.mark.parametrize("text, assignee, title", [
    ("# Jämlik hälsa - delbetänkande av Kommissionen för jämlik hälsa\n\nKommissionen för jämlik hälsa har i uppdrag att "
     "föreslå åtgärder som kan minska hälsoklyftorna.\n", "Kommissionen för jämlik hälsa",
     "föreslå åtgärder som kan minska hälsoklyftorna"),
    ("# En modell för progression\n\nUtredningen om sfi-peng till utbildningsanordnare redovisar i detta betänkande "
     "uppdraget att föreslå hur en ersättning kan utformas.\n", "Utredningen om sfi-peng till utbildningsanordnare",
     "föreslå hur en ersättning kan utformas"),
    ("# Gårdsförsäljning\n\nUtredningens uppdrag har varit att ta fram ett förslag till hur gårdsförsäljning kan ske.\n",
     "Utredningen", "ta fram ett förslag till hur gårdsförsäljning kan ske"),
])
def test_a_committees_remit_in_its_report_told_in_the_present_as_what_it_presents_or_by_an_unnamed_inquiry(
        text, assignee, title):
    ex = page(text)
    assert ex.document.author == assignee
    assert [(a.assignees, a.title) for a in ex.assignments] == [([assignee], title)]


def test_a_tilläggsdirektiv_to_a_long_named_inquiry_gives_it_the_tasks_its_utredare_is_now_to_do():
    ex = page("# Tilläggsdirektiv till Utredningen om ett starkare skydd och en minskad risk för återfall i brott "
              "(Ju 2022:10)\n\nÄndring i uppdraget och förlängd utredningstid.\n\nRegeringen beslutade den 30 juni 2022 "
              "kommittédirektiv om ett starkare skydd och en minskad risk för återfall i brott (dir. 2022:95).\n\n"
              "Utredaren ska nu även\n\n* överväga om det bör införas en ny påföljd,\n* lämna nödvändiga "
              "författningsförslag.\n\nUppdraget ska i stället redovisas senast den 1 juli 2024.\n")
    name = "Utredningen om ett starkare skydd och en minskad risk för återfall i brott"
    assert name in [b.label for b in ex.bodies]
    [a] = ex.assignments
    assert a.assignees == [name]
    assert {"överväga om det bör införas en ny påföljd", "lämna nödvändiga författningsförslag"} <= set(a.tasks)
    assert not any(t.startswith("ett starkare skydd") for t in a.tasks)     # the subject of the first directive, no task
    assert {(r.body, r.task) for r in ex.responsibilities} >= {(name, "överväga om det bör införas en ny påföljd"),
                                                               (name, "lämna nödvändiga författningsförslag")}


def test_a_meeting_that_gives_a_task_decides_an_assignment_and_one_that_proposes_does_not():
    text = ("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2019-04-24\n\n§ 51 Dnr KS 2019/77\nMotion om fler förskoleplatser\n\n"
            "Kommunfullmäktiges beslut\nKommunfullmäktige beslutar\natt bifalla motionen, samt\natt ge barn- och "
            "utbildningsnämnden i uppdrag att ta fram en plan för utbyggnad av förskolan senast 2019-12-31.\n\n"
            "§ 52 Dnr KS 2019/80\nTrygghet\n\nKommunfullmäktiges beslut\nKommunstyrelsen får i uppdrag att i samverkan "
            "med polisen ta fram ett trygghetsprogram.\n\n§ 53 Dnr KS 2019/81\nBudget\n\nKommunfullmäktiges beslut\n"
            "Kommunstyrelsen föreslår kommunfullmäktige besluta att ge socialnämnden i uppdrag att se över taxorna.\n")
    _, ex, _ = extract_text(text, name="minutes.txt")
    got = [(a.kind, a.issuer, a.assignees, a.title, a.decided_on, a.diarienummer, a.report_due) for a in ex.assignments]
    assert got == [
        ("uppdrag", "Kommunfullmäktige", ["Barn- och utbildningsnämnden"],
         "ta fram en plan för utbyggnad av förskolan senast 2019-12-31", "2019-04-24", ["KS 2019/77"], ["2019-12-31"]),
        ("uppdrag", "Kommunfullmäktige", ["Kommunstyrelsen"], "i samverkan med polisen ta fram ett trygghetsprogram",
         "2019-04-24", ["KS 2019/80"], [])]
    # the task of § 52 is under no steering document of § 51
    assert {r.task: r.policy for r in ex.responsibilities}["i samverkan med polisen ta fram ett trygghetsprogram"] is None


def test_a_directives_tasks_after_a_stop_a_long_opening_or_the_inquirers_name():
    """ "Utredaren ska bland annat. ⏎ * …" (a stop before the list); "Med utgångspunkt i …, ska utredaren lämna …" after a
    long opening; "En särskild utredare, Sigurd Heuman, f.d. lagman, ska se över …" with the name set off by commas."""
    ex = page("# Kommittédirektiv\n\n# Skärpning av regelverket för alunskiffer\n\nDir. 2020:26\n\nEn särskild utredare, "
              "Sigurd Heuman, f.d. lagman, ska se över regelverket för utvinning ur alunskiffer. Med utgångspunkt i "
              "resultatet av utvärderingen och regeringens ståndpunkt att utvinningen ska vara förenlig med ett högt skydd "
              "för människors hälsa och miljön och med de nationella miljökvalitetsmålen i hela landet ska utredaren lämna "
              "förslag till författningsändringar.\n\nUtredaren ska bland annat.\n\n* redogöra för vilka metaller som kan "
              "förekomma i alunskiffern,\n* sammanställa kunskap om miljörisker vid utvinning.\n\nUppdraget ska redovisas "
              "senast den 31 mars 2021.\n")
    assert ex.document.kind == "kommittédirektiv"
    tasks = [t for a in ex.assignments for t in a.tasks]
    for t in ("se över regelverket för utvinning ur alunskiffer", "lämna förslag till författningsändringar",
              "redogöra för vilka metaller som kan förekomma i alunskiffern",
              "sammanställa kunskap om miljörisker vid utvinning"):
        assert t in tasks, tasks



def test_the_government_charges_an_organisation_named_by_one_word_and_it_is_that_body_throughout():
    """ "Regeringen uppdrar åt Kulturbryggan att …": whom the government charges is an organisation or a person, so one
    word that is no first name names a body the register does not know, and the same word later in the text is it
    ("Kulturbryggan ska senast … redovisa …"); a first name alone is no body."""
    ex = page("# Uppdrag att kartlägga fristäder för konstnärer\n\nRegeringen uppdrar åt Kulturbryggan att kartlägga "
              "fristäder för konstnärer i Sverige.\n\nKulturbryggan ska senast den 1 mars 2031 till Kulturdepartementet "
              "redovisa uppdraget.\n")
    assert [a.assignees for a in ex.assignments] == [["Kulturbryggan"]]
    assert {(r.body, r.task) for r in ex.responsibilities} >= {
        ("Kulturbryggan", "kartlägga fristäder för konstnärer i Sverige"),
        ("Kulturbryggan", "senast den 1 mars 2031 till Kulturdepartementet redovisa uppdraget")}
    person = page("# Uppdrag att samordna arbetet\n\nRegeringen uppdrar åt Karin att samordna arbetet med fristäder.\n")
    assert "Karin" not in {b.label for b in person.bodies}
    # a body a council charges must still look like one
    council = page("Kommunfullmäktige uppdrar åt Kulturbryggan att se över taxorna.\n")
    assert "Kulturbryggan" not in {b.label for b in council.bodies}


def test_an_assignee_followed_by_a_time_before_the_verb_is_the_body_itself():
    """ "Regeringen beslutar att Tillväxtverket under 2031 får i uppdrag att …": the time is no part of the name."""
    ex = page("# Uppdrag att fördela medel till besöksnäringen\n\nRegeringen beslutar att Tillväxtverket under 2031 får i "
              "uppdrag att fördela medel till besöksnäringen i glesbygd. Uppdraget ska redovisas till "
              "Näringsdepartementet senast den 31 mars 2032.\n")
    assert [a.assignees for a in ex.assignments] == [["Tillväxtverket"]]
    assert ("Tillväxtverket", "fördela medel till besöksnäringen i glesbygd") in {(r.body, r.task) for r in ex.responsibilities}


def test_a_name_the_text_makes_a_body_is_not_taken_out_of_a_longer_name():
    """A remissinstans "Fjällflyg" is that body wherever the word stands alone, not inside "Fjällflyg Frakt AB" nor
    "Fjällflyg – Norr", which are list items of their own."""
    ex = page("# Remiss av promemorian Flygfrakt i fjällen\n\n## Remissinstanser\n\n1. Fjällflyg\n2. Fjällflyg Frakt AB\n"
              "3. Fjällflyg – Norr\n4. Transportstyrelsen\n\nRemissvaren ska ha kommit in till Landsbygds- och "
              "infrastrukturdepartementet senast den 1 juni 2031.\n")
    labels = {b.label for b in ex.bodies}
    assert {"Fjällflyg", "Fjällflyg Frakt AB", "Transportstyrelsen"} <= labels, labels


def test_an_assignment_reported_continually_until_a_day_is_due_that_day():
    """ "Uppdraget redovisas löpande till Socialdepartementet fram till den 31 december 2031": the last day it reports."""
    ex = page("# Förlängning av uppdrag att följa testningen\n\nRegeringen ger Folkhälsomyndigheten i uppdrag att följa "
              "testningen. Uppdraget redovisas löpande till Socialdepartementet fram till den 31 december 2031.\n")
    assert [a.report_due for a in ex.assignments] == [["2031-12-31"]]


# ---------------------------------------------------------------- a misspelt authority where an organisation stands

def test_the_subject_of_an_assignment_one_or_two_letters_from_an_authoritys_name_is_that_authority():
    """ "Tullverk får i uppdrag att …" (Tullverket): the subject of "får i uppdrag" is an organisation, so one word a
    letter or two from the one-word name of exactly one authority of the register is it; the misprint is no name of
    the body."""
    ex = page("# Uppdrag om kontroller vid fjällgränsen\n\nTullverk får i uppdrag att analysera hur kontrollerna "
              "vid fjällgränsen kan samordnas. Uppdraget ska redovisas till Finansdepartementet senast den 15 mars 2031.\n")
    assert [(a.title, a.assignees, a.report_due) for a in ex.assignments] == [
        ("Uppdrag om kontroller vid fjällgränsen", ["Tullverket"], ["2031-03-15"])]
    assert "Tullverk" not in {x for b in ex.bodies for x in {b.label, *b.alt_labels}}


@pytest.mark.parametrize("word, authority", [
    ("Tullverk", "Tullverket"), ("Sjöfartsverk", "Sjöfartsverket"), ("Socialstyrelse", "Socialstyrelsen"),
    ("Tullverket", None),           # a name the register knows is no misprint
    ("Fjällverket", None),          # far from every name: never a body the register does not hold
    ("Kristina", None),             # a first name
    ("Myndigheten", None),          # a word that stands for a body named elsewhere
    ("Kommunen", None),
])
def test_which_words_are_taken_for_a_misspelt_authority(word, authority):
    from styrgraf.ingest.assignments import misspelt_authority
    assert misspelt_authority(word) == authority


# ---------------------------------------------------------------- a change that names no assignee of its own

@pytest.mark.parametrize("decision", [
    "Regeringen beslutar att ändra tidigare uppdrag att kartlägga fjällens rastplatser.",
    "Regeringen beslutar, med ändring av regeringens beslut den 4 mars 2030 om kartläggning av fjällens rastplatser, "
    "att förlänga tiden för uppdraget.",
    "Med ändring av beslut den 4 mars 2030 om uppdrag att kartlägga fjällens rastplatser beslutar regeringen att "
    "kartläggningen också ska omfatta vindskydden.",
])
def test_a_change_that_names_no_assignee_is_the_change_of_its_assignment_with_its_new_report_date(decision):
    """A page titled as a change ("Ändring av uppdrag att …") whose decision changes the assignment it cites and sets a
    report date of its own is that change: one assignment of the government's, due that day, and no assignee made up
    (the change's assignee is the one of the assignment it changes, which the links between documents name)."""
    ex = page(f"# Ändring av uppdrag att kartlägga fjällens rastplatser\n\n{decision}\n\nÄndringen innebär att "
              "kartläggningen senareläggs. Slutlig redovisning av uppdraget ska ske till Landsbygdsdepartementet senast "
              "den 30 november 2031.\n")
    assert [(a.title, a.issuer, a.assignees, a.report_due) for a in ex.assignments] == [
        ("Ändring av uppdrag att kartlägga fjällens rastplatser", "Regeringen", [], ["2031-11-30"])]


@pytest.mark.parametrize("text", [
    # a change with no report date of its own: nothing to store beside the link
    "# Ändring av uppdrag att kartlägga fjällens rastplatser\n\nRegeringen beslutar att ändra tidigare uppdrag att "
    "kartlägga fjällens rastplatser. Kartläggningen ska också omfatta vindskydden.\n",
    # a report date, but no decision that changes an assignment (a page that tells of a change)
    "# Ändring av uppdrag att kartlägga fjällens rastplatser\n\nFjällens rastplatser har kartlagts sedan 2029. "
    "Slutlig redovisning ska ske senast den 30 november 2031.\n",
])
def test_a_change_without_its_own_report_date_or_its_decision_gives_no_empty_assignment(text):
    assert page(text).assignments == []


def test_a_change_that_names_its_assignee_is_one_assignment_still():
    ex = page("# Ändring av uppdrag att kartlägga fjällens rastplatser\n\nRegeringen beslutar att ändra tidigare uppdrag "
              "till Naturvårdsverket att kartlägga fjällens rastplatser. Naturvårdsverket ska slutredovisa uppdraget till "
              "Landsbygdsdepartementet senast den 30 november 2031.\n")
    assert [(a.assignees, a.report_due) for a in ex.assignments] == [(["Naturvårdsverket"], ["2031-11-30"])]



def test_a_tilläggsuppdrag_is_a_decision_of_its_own():
    """ "Tilläggsuppdrag om …" is the title of a decision, as "Uppdrag …" is: the assignment of its operative sentence."""
    ex = page("# Tilläggsuppdrag om vindskydd i fjällen\n\nNaturvårdsverket får i uppdrag att kartlägga vindskydden i "
              "fjällen. Uppdraget ska redovisas till Landsbygdsdepartementet senast den 1 oktober 2031.\n")
    assert [(a.title, a.issuer, a.assignees, a.report_due) for a in ex.assignments] == [
        ("Tilläggsuppdrag om vindskydd i fjällen", "Regeringen", ["Naturvårdsverket"], ["2031-10-01"])]

# ---------------------------------------------------------------- a proposal due to the Government Offices

@pytest.mark.parametrize("sentence, due", [
    ("Kustbevakningen ska dessutom, i samråd med berörda myndigheter, senast den 30 september 2031 till "
     "Regeringskansliet (Försvarsdepartementet) föreslå hur övervakningen ska förvaltas.", ["2031-09-30"]),
    ("Kustbevakningen ska lämna förslag till Försvarsdepartementet senast den 1 april 2031 om hur övervakningen ska "
     "förvaltas.", ["2031-04-01"]),
    # a day by which something is done, not proposed or reported: no report date
    ("Kustbevakningen ska ta fram en lösning som ska kunna användas senast den 1 december 2031.", []),
    ("Medlen ska betalas ut till Kustbevakningen senast den 1 december 2031.", []),
])
def test_what_is_proposed_to_the_government_offices_by_a_day_is_due_that_day(sentence, due):
    ex = page("# Uppdrag att förvalta övervakningen av kusten\n\nRegeringen uppdrar åt Kustbevakningen att förvalta "
              f"övervakningen av kusten.\n\n{sentence}\n")
    assert [a.report_due for a in ex.assignments] == [due]


def test_an_earlier_decision_told_in_the_past_beside_the_pages_own_is_an_assignment_of_its_own():
    text = ("# Uppdrag att stärka arbetet mot spelberoende\n\n"
            "Regeringen uppdrar åt Folkhälsomyndigheten att stärka arbetet mot spelberoende.\n\n"
            "I uppdraget ingår att kartlägga befintliga stödinsatser.\n\n"
            "Regeringen gav den 5 maj 2020 Statskontoret i uppdrag att utvärdera spelregleringen.\n")
    ex = page(text)
    own = next(a for a in ex.assignments if a.title.startswith("Uppdrag att stärka"))
    assert own.assignees == ["Folkhälsomyndigheten"]
    earlier = next(a for a in ex.assignments if a is not own)
    assert earlier.assignees == ["Statskontoret"] and earlier.decided_on == "2020-05-05"
    assert ("Statskontoret", "kartlägga befintliga stödinsatser") not in {(r.body, r.task) for r in ex.responsibilities}
    # told alone, in the past, it is the page's own decision
    alone = text.replace("Regeringen uppdrar åt Folkhälsomyndigheten att stärka arbetet mot spelberoende.\n\n", "")
    ex = page(alone)
    assert [a.assignees for a in ex.assignments] == [["Statskontoret"]]


def test_the_agencies_a_title_names_are_the_assignees_the_decision_calls_myndigheterna_not_whom_they_report_to():
    text = ("# Uppdrag om samverkan mellan Riksantikvarieämbetet och Statens maritima museer\n\n"
            "En samlad förvaltning av kulturarvet kräver att myndigheterna samverkar.\n\n"
            "Myndigheterna ska gemensamt slutredovisa uppdraget till Regeringskansliet (Kulturdepartementet) "
            "senast den 31 december 2027.\n")
    ex = page(text)
    [a] = ex.assignments
    assert a.assignees == ["Riksantikvarieämbetet", "Statens maritima museer"]
    assert "Regeringskansliet" in a.reports_to and a.report_due == ["2027-12-31"]
    # one agency in the title is not "myndigheterna"
    one = text.replace("samverkan mellan Riksantikvarieämbetet och Statens maritima museer", "Riksantikvarieämbetets arkiv")
    ex = page(one)
    assert all("Regeringskansliet" not in a.assignees and "Riksantikvarieämbetet" not in a.assignees
               for a in ex.assignments)


def test_an_earlier_assignment_cited_by_its_numbers_is_one_of_the_body_it_went_to():
    """"uppdraget om … (Ju2015/09899/KRIM)": given by the government to whom the citation names, or to the agency whose
    own the sentence says it is; not where the sentence names no one, nor the page's own number."""
    ex = page("# Uppdrag till Tullverket om kontroller\n\nRegeringen uppdrar åt Tullverket att utveckla kontrollerna av "
              "varor.\n\nUnder arbetet ska Tullverket dra nytta av de erfarenheter som myndigheten har gjort inom ramen "
              "för regeringsuppdragen om riskanalys Fi2013/04393/SKA och Fi2013/07450 samt uppdraget om förstärkta "
              "insatser i hamnarna (Fi2015/09899/SKA). Arbetet ska samordnas med uppdraget att öppna nya servicekontor som "
              "regeringen lämnade till Statens servicecenter den 27 maj 2021 (Fi2021/02151). Hänsyn ska tas till "
              "uppdraget om statistik (Fi2019/00001). Uppdraget ska redovisas till Regeringskansliet "
              "(Finansdepartementet) senast den 15 mars 2023.\n")
    got = {(a.title, tuple(a.assignees), tuple(a.diarienummer), a.issuer) for a in ex.assignments if a.diarienummer}
    assert got == {
        ("Regeringsuppdragen om riskanalys", ("Tullverket",), ("Fi2013/04393/SKA", "Fi2013/07450"), "Regeringen"),
        ("Uppdraget om förstärkta insatser i hamnarna", ("Tullverket",), ("Fi2015/09899/SKA",), "Regeringen"),
        ("Uppdraget att öppna nya servicekontor", ("Statens servicecenter",), ("Fi2021/02151",), "Regeringen")}
    # earlier decisions: none of the page's tasks, and the page's "Uppdraget" is still its own agency's
    assert all(not a.tasks for a in ex.assignments if a.diarienummer)
    assert any(r.body == "Tullverket" and r.task.startswith("redovisa uppdraget") for r in ex.responsibilities)


@pytest.mark.parametrize("intent", ["avser att ge", "kommer att ge", "planerar att även ge"])
def test_an_assignment_the_government_announces_is_one_of_its_own(intent):
    """"Regeringen avser att ge Brå i uppdrag att …": no assignee of the page's assignment and no task of it, but an
    assignment of its own; the duty is told with lower confidence."""
    ex = page(f"# Uppdrag till Tullverket om kontroller\n\nRegeringen uppdrar åt Tullverket att utveckla kontrollerna av "
              f"varor.\n\nRegeringen {intent} Brottsförebyggande rådet i uppdrag att följa och utvärdera arbetet.\n")
    assert [(a.assignees, a.tasks) for a in ex.assignments] == [(["Tullverket"], ["utveckla kontrollerna av varor"]),
                                                                (["Brottsförebyggande rådet"], ["följa och utvärdera arbetet"])]
    assert {(r.body, r.confidence) for r in ex.responsibilities if r.task == "följa och utvärdera arbetet"} == {
        ("Brottsförebyggande rådet", 0.7)}


def test_a_board_named_with_its_municipality_gives_the_assignment():
    # "Socialnämnden i Karlstads kommun gav …": the board issues it, not the municipality its name is followed by
    _, ex, _ = extract_text("# Uppdrag till förvaltningen att utreda fler platser\n\nSocialnämnden i Karlstads kommun gav "
                            "socialförvaltningen i uppdrag att utreda behovet av fler platser.\n", name="x.md",
                            media_type="text/markdown")
    (a,) = ex.assignments
    assert (a.kind, a.issuer, a.assignees) == ("uppdrag", "Socialnämnden", ["Socialförvaltningen"])


def test_an_earlier_assignment_told_with_its_day_keeps_its_task_and_takes_none_of_the_pages():
    text = ("# Uppdrag till Naturvårdsverket att rapportera referensvärde för varg\n\nRegeringen ger Naturvårdsverket i "
            "uppdrag att rapportera ett referensvärde till Europeiska kommissionen.\n\nRegeringen gav den 6 mars 2025 "
            "Naturvårdsverket i uppdrag att initiera processen att se över miniminivåerna (LI2025/00549).\n\n"
            "Naturvårdsverket ska även ta fram en förvaltningsplan för varg.\n")
    _, ex, _ = extract_text(text, name="page.md")
    own = next(a for a in ex.assignments if a.title.startswith("Uppdrag till Naturvårdsverket"))
    earlier = next(a for a in ex.assignments if a.decided_on == "2025-03-06")
    assert own.tasks == ["rapportera ett referensvärde till Europeiska kommissionen",
                         "ta fram en förvaltningsplan för varg"]
    assert earlier.tasks == ["initiera processen att se över miniminivåerna"]


@pytest.mark.parametrize("title, committee", [
    ("Tilläggsdirektiv till utredningen om genomförande av EU:s direktiv om offentlig upphandling",
     "Utredningen om genomförande av EU:s direktiv om offentlig upphandling"),
    ("Tilläggsdirektiv till Öppna data-utredningen", "Öppna data-utredningen"),
    ("Tilläggsdirektiv till Utredningen om fusk vid högskoleprovet (U 2019:03)", "Utredningen om fusk vid högskoleprovet"),
    # the committee's proper name after its generic word, not a name inside it
    ("Tilläggsdirektiv till utredningen Ingripande mot satellitsändningar med hänsyn till Sveriges säkerhet (Ku 2022:02)",
     "Ingripande mot satellitsändningar med hänsyn till Sveriges säkerhet"),
])
def test_a_supplementary_directive_is_given_to_the_committee_its_title_names(title, committee):
    text = (f"# {title}\n\nRegeringen beslutade den 2 maj 2019 kommittédirektiv om att ge en särskild utredare i uppdrag "
            "att lämna förslag (dir. 2019:20).\n\nUtredaren ska nu även analysera behovet av ändringar.\n\n"
            "Uppdraget ska i stället redovisas senast den 15 september 2020.\n")
    _, ex, _ = extract_text(text, name="dir.md")
    assert [a.assignees for a in ex.assignments if a.title.startswith("Tilläggsdirektiv")] == [[committee]]


def test_the_meeting_a_charge_was_given_at_is_no_assignee_and_sectors_are_bodies():
    text = ("# Kommunstyrelsen vill se ny förskola\n\nKommunstyrelsen i Lidköpings kommun gav på onsdagens sammanträde "
            "sektor utbildning och sektor samhällsbyggnad i uppdrag att ta fram ett underlag för en ny förskola.\n")
    _, ex, _ = extract_text(text, name="page.md")
    [a] = ex.assignments
    assert (a.issuer, a.assignees) == ("Kommunstyrelsen", ["Sektor utbildning", "Sektor samhällsbyggnad"])
    assert {(r.body, r.task) for r in ex.responsibilities} == {
        ("Sektor utbildning", "ta fram ett underlag för en ny förskola"),
        ("Sektor samhällsbyggnad", "ta fram ett underlag för en ny förskola")}


@pytest.mark.parametrize("lead, items", [
    ("Regeringen ger Försäkringskassan och Socialstyrelsen ett gemensamt uppdrag att:",
     "1. Analysera skillnader i sjukskrivningsmönster.\n\n2. Inventera studier av sjukskrivningspraxis."),
    ("Regeringen ger Försäkringskassan och Socialstyrelsen ett uppdrag att:",
     "* analysera skillnader i sjukskrivningsmönster,\n* inventera studier av sjukskrivningspraxis."),
])
def test_the_list_after_a_charge_given_as_a_noun_is_the_tasks_of_the_pages_assignment(lead, items):
    text = f"# Uppdrag för ökad kunskap om sjukskrivningspraxis\n\n{lead}\n\n{items}\n\nUppdraget ska redovisas senast den 1 mars 2017.\n"
    (a,) = extract_text(text, name="p.md", media_type="text/markdown")[1].assignments
    assert a.assignees == ["Försäkringskassan", "Socialstyrelsen"]
    assert [t.lower() for t in a.tasks] == ["analysera skillnader i sjukskrivningsmönster",
                                            "inventera studier av sjukskrivningspraxis"]


@pytest.mark.parametrize("opening, task", [
    case("a_memorandums_utredare_after_the_opening_words", "# En betald polisutbildning\n\nDenna promemoria redovisar hur "
         "utbildningen ska betalas.\n\nMed anledning av att antalet poliser behöver öka fick en utredare i uppdrag att lämna "
         "förslag om en betald polisutbildning.", "lämna förslag om en betald polisutbildning"),
    case("the_remit_as_the_committees_task_by_the_directive", "# Översyn av valsystemet\n\nBetänkande av Valutredningen.\n\n"
         "Utredningens uppgift enligt direktiven är att göra en översyn av delar av valsystemet.",
         "göra en översyn av delar av valsystemet"),
])
def test_an_inquirys_remit_told_in_its_report(opening, task):
    doc, ex, _ = extract_text(opening + "\n\nI promemorian lämnas förslag om detta.\n", name="ds.md", media_type="text/markdown")
    assert any(task in a.tasks for a in ex.assignments), ex.assignments


def test_a_remits_list_follows_on_from_its_own_sentence_only():
    text = ("# Stora brottmål\n\nDelbetänkande av Utredningen om processrätt och stora brottmål.\n\n"
            "Utredningens övergripande uppgift har varit att analysera handläggningen av stora brottmål. I uppdraget har "
            "bland annat ingått att\n\n* identifiera möjliga huvudinriktningar,\n* bedöma vilka åtgärder som behövs.\n")
    tasks = [t for a in extract_text(text, name="sou.md", media_type="text/markdown")[1].assignments for t in a.tasks]
    assert "analysera handläggningen av stora brottmål" in tasks
    assert "identifiera möjliga huvudinriktningar" in tasks
    assert not [t for t in tasks if t.startswith("analysera") and "identifiera" in t]


def test_a_ministry_whose_two_stems_lack_a_space_is_one_ministry():
    text = ("# Uppdrag till Energimarknadsinspektionen\n\nRegeringen uppdrar åt Energimarknadsinspektionen att ta fram förslag. "
            "Uppdraget ska redovisas till Regeringskansliet (Klimat-och näringslivsdepartementet) senast den 1 mars 2026.\n")
    assert_read(text, {"assignments: reports_to": [["Regeringskansliet", "Klimat- och näringslivsdepartementet"]],
                       "bodies[kind=departement]: label": ["Klimat- och näringslivsdepartementet"]},
                name="p.md", media_type="text/markdown")


@pytest.mark.parametrize("opening, assignee, task", [
    ("Betänkande av Sanktionslagutredningen\nUtredningen har haft i uppgift att se över lagen om vissa internationella "
     "sanktioner.", ("Sanktionslagutredningen", None), "se över lagen om vissa internationella sanktioner"),
    ("Betänkande av 2009 års Behörighetsutredning.\n\nEn särskild utredare har haft uppdraget att utreda frågor om "
     "behörighet inom vården.", None, "utreda frågor om behörighet inom vården"),
    ("Regeringen beslutade den 18 oktober 2001 att tillkalla en särskild utredare - riksdagsledamoten Anna Berg - med "
     "uppdrag att analysera frågor på hjälpmedelsområdet.", None, "analysera frågor på hjälpmedelsområdet"),
    ("Regeringen beslutade den 10 juli 2003 om direktiven för en statlig offentlig utredning med uppdrag att se över "
     "krigsmateriellagstiftningen.", None, "se över krigsmateriellagstiftningen"),
    ("Regeringen beslutade den 1 juli 2010 att tillkalla en parlamentarisk kommitté (dir. 2010:74) med uppdrag att "
     "lämna förslag om hur miljökvalitetsmålen kan nås.", None, "lämna förslag om hur miljökvalitetsmålen kan nås"),
    ("Regeringen beslutade den 16 augusti 2011 att tillsätta en särskild kommitté med uppdrag att bistå regeringen i "
     "arbetet med rovdjurspolitiken.", (None, "en särskild kommitté"), "bistå regeringen i arbetet med rovdjurspolitiken"),
    ("Dricksvattenutredningens övergripande uppgift är att gå igenom dricksvattenområdet.", ("Dricksvattenutredningen", None),
     "gå igenom dricksvattenområdet"),
    ("Utredningens uppdrag är enligt direktivet att analysera nyanlända kvinnors etablering.", None,
     "analysera nyanlända kvinnors etablering"),
    ("Östersjöberedningen tillsattes i december 1998 med uppgift att ta fram en strategi för Östersjöregionen.",
     ("Östersjöberedningen", None), "ta fram en strategi för Östersjöregionen"),
])
def test_a_reports_own_remit_as_its_opening_tells_it(opening, assignee, task):
    text = f"# Ett betänkande\n\n{opening}\n\nI betänkandet lämnas förslag om detta.\n"
    doc, ex, _ = extract_text(text, name="sou.md", media_type="text/markdown")
    (a,) = [a for a in ex.assignments if task in a.tasks]
    if assignee:
        name, described = assignee
        assert (a.assignees, a.assignee_descriptions) == ([name] if name else [], [described] if described else [])


@pytest.mark.parametrize("opening, group", [
    ("En arbetsgrupp inom Socialdepartementet har därför fått i uppdrag att se över sjukförsäkringen.",
     "en arbetsgrupp inom Socialdepartementet"),
    ("Arbetsgruppen har haft till uppdrag att utarbeta förslag om underhållsstödet.", "arbetsgruppen"),
])
def test_a_memorandums_working_group_is_given_the_remit_not_its_ministry(opening, group):
    text = (f"# En promemoria\n\nPromemorian har utarbetats inom Socialdepartementet.\n\n{opening}\n\n"
            "I promemorian lämnas förslag.\n")
    (a,) = extract_text(text, name="ds.md", media_type="text/markdown")[1].assignments
    assert (a.assignees, a.assignee_descriptions) == ([], [group])
