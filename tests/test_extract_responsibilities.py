"""Responsibilities: each pattern family of ingest/responsibilities.py on sentences written for it."""
from __future__ import annotations

import re

import pytest

from styrgraf.ingest.pipeline import extract_text
from styrgraf.ingest.tasks import split_tasks
from conftest import page
from facts import All, Has, Lacks, Starts, assert_facts, assert_is, assert_read, case

MARKDOWN = {"name": "page.md", "media_type": "text/markdown"}    # as conftest.page reads a page


def read(text: str, name: str = "doc.txt", media_type: str = "text/plain"):
    """The Extraction of a text, every responsibility in it quoting its sentence."""
    doc, ex, _ = extract_text(text, name=name, media_type=media_type)
    for r in ex.responsibilities:
        for e in r.evidence:
            assert doc.text[e.start:e.end].strip(), "every responsibility quotes its sentence"
    return ex


def duties(text: str, name: str = "doc.txt", media_type: str = "text/plain") -> set[tuple[str, str]]:
    return {(r.body, r.task) for r in read(text, name=name, media_type=media_type).responsibilities}


# the duties a sentence (or a short plain text) gives: all of them (a set), or what they hold (Has)
@pytest.mark.parametrize("sentence, expected", [
    # DUTY: a named body and "ska"
    ("Socialstyrelsen ska ta fram en nationell vägledning om våld i nära relationer.",
     {("Socialstyrelsen", "ta fram en nationell vägledning om våld i nära relationer")}),
    ("Folkhälsomyndigheten ska vara administrativt ansvarig för arbetet med uppföljningen.",
     {("Folkhälsomyndigheten", "vara administrativt ansvarig för arbetet med uppföljningen")}),
    ("Trafikverket ska medverka i arbetet och bidra till att målen nås.",
     {("Trafikverket", "medverka i arbetet och bidra till att målen nås")}),
    ("Skatteverket och Kronofogdemyndigheten ska gemensamt utveckla en digital tjänst för ansökningar.",
     {("Skatteverket", "utveckla en digital tjänst för ansökningar"),
      ("Kronofogdemyndigheten", "utveckla en digital tjänst för ansökningar")}),
    ("Boverket ska i samverkan med Lantmäteriet föreslå hur planprocessen kan förenklas.",
     {("Boverket", "i samverkan med Lantmäteriet föreslå hur planprocessen kan förenklas")}),
    # the modal first
    ("Vidare ska Naturvårdsverket sammanställa kunskap om buller i städer.",
     {("Naturvårdsverket", "sammanställa kunskap om buller i städer")}),
    ("Vid genomförandet av uppdraget ska Tullverket samråda med Polismyndigheten.",
     {("Tullverket", "vid genomförandet av uppdraget samråda med Polismyndigheten")}),
    # the agent of a passive duty, before a second verb
    ("Genomförandet av utbildningarna ska samordnas av Umeå universitet och ske i samverkan med skolorna.",
     {("Umeå universitet", "samordna genomförandet av utbildningarna")}),
    # a duty with a list gives one responsibility per item
    pytest.param("Pensionsmyndigheten ska:\n"
                 "• kartlägga hur informationen om premiepensionen når de försäkrade,\n"
                 "• föreslå hur informationen kan förbättras, och\n"
                 "• redovisa vilka åtgärder som har vidtagits.\n",
                 {("Pensionsmyndigheten", "kartlägga hur informationen om premiepensionen når de försäkrade"),
                  ("Pensionsmyndigheten", "föreslå hur informationen kan förbättras"),
                  ("Pensionsmyndigheten", "redovisa vilka åtgärder som har vidtagits")},
                 id="duty_with_a_list_gives_one_responsibility_per_item"),
    # not duties
    ("Försäkringskassan ska inte längre handlägga ärendena.", set()),
    ("Försäkringskassan ska kunna lämna uppgifter till Skatteverket.", set()),
    ("Den plan som Boverket ska ta fram beskrivs i bilagan.", set()),
    # a municipality that shall be something states a goal, not a duty
    ("Ekerö kommun ska vara en attraktiv plats att bo och verka i.", set()),
    # what a body merely does or is is no responsibility
    ("Kammarkollegiet informerar om sina tjänster på webben.", set()),
    ("Konkurrensverket är en myndighet under Finansdepartementet.", set()),
    ("Boverket redovisar statistik varje år.", set()),
    # CHARGE
    ("Länsstyrelsen i Uppsala län ansvarar för tillsynen över verksamheten.",
     Has(("Länsstyrelsen i Uppsala län", "tillsynen över verksamheten"))),
    ("Kommunstyrelsen har det övergripande ansvaret för att planen följs upp.",
     Has(("Kommunstyrelsen", "planen följs upp"))),
    ("Arbetsförmedlingen har i uppdrag att erbjuda en likvärdig service i hela landet.",
     Has(("Arbetsförmedlingen", "erbjuda en likvärdig service i hela landet"))),
    ("Boverket svarar även för tillsynen över kontrollorganen.", Has(("Boverket", "tillsynen över kontrollorganen"))),
    # a standing task in the present tense, with no steering document in sight
    ("Kammarkollegiet handlägger ärenden om auktorisation av tolkar.",
     Has(("Kammarkollegiet", "handlägger ärenden om auktorisation av tolkar"))),
    ("Inspektionen för vård och omsorg informerar Socialdepartementet löpande.",
     Has(("Inspektionen för vård och omsorg", "informerar Socialdepartementet löpande"))),
    ("Konkurrensverket är tillsynsmyndighet över den offentliga upphandlingen.",
     Has(("Konkurrensverket", "är tillsynsmyndighet över den offentliga upphandlingen"))),
    ("Socialstyrelsen delredovisar senast den 31 oktober 2023.",
     Has(("Socialstyrelsen", "delredovisar senast den 31 oktober 2023"))),
    # GIVEN, with a row of tasks cut into its tasks
    ("Regeringen uppdrar också Statens folkhälsoinstitut att utarbeta en handbok för föräldrastöd, "
     "utreda möjligheten att erbjuda utbildningar samt utveckla uppföljningen av strategin.",
     Has(("Statens folkhälsoinstitut", "utarbeta en handbok för föräldrastöd"),
         ("Statens folkhälsoinstitut", "utreda möjligheten att erbjuda utbildningar"),
         ("Statens folkhälsoinstitut", "utveckla uppföljningen av strategin"))),
    # agents in other word orders
    ("Totalförsvarets forskningsinstitut (FOI) får i uppdrag att kartlägga desinformation.",
     Has(("Totalförsvarets forskningsinstitut", "kartlägga desinformation"))),
    ("För tillstånd i första instans ansvarar länsstyrelserna för att lämna uppgifter om handläggningstiden.",
     Has(("Länsstyrelserna", "lämna uppgifter om handläggningstiden"))),
    ("Arbetet ska samordnas av Naturvårdsverket och redovisas senast den 1 juli 2020.",
     Has(("Naturvårdsverket", "samordna arbetet"))),
    # ... and a power given so: "ska få / kunna …s av X"
    ("Närmare föreskrifter om avgifterna ska få meddelas av Transportstyrelsen.",
     Has(("Transportstyrelsen", "meddela närmare föreskrifter om avgifterna"))),
    ("Länsstyrelserna samverkar med Folkhälsomyndigheten, som också ska stödja länsstyrelserna i arbetet.",
     Has(("Folkhälsomyndigheten", "stödja länsstyrelserna i arbetet"))),
    # the modal first and a phrase set off by commas before the verb
    ("Vidare ska Tillväxtverket, inom sitt verksamhetsområde, stödja regionernas arbete med kompetensförsörjning.",
     Has(("Tillväxtverket", "stödja regionernas arbete med kompetensförsörjning"))),
    ("Därutöver ska Boverket, i samråd med Lantmäteriet, utveckla en vägledning om detaljplaner.",
     Has(("Boverket", "utveckla en vägledning om detaljplaner"))),
    # the passive of "uppdra": a body told to do something
    ("Kriminalvården uppdras även att bistå Polismyndigheten i arbetet med transporterna.",
     Has(("Kriminalvården", "bistå Polismyndigheten i arbetet med transporterna"))),
    # an assignment given by someone other than the government, in the perfect
    ("För granskningen har kommittén gett Statens beredning för medicinsk och social utvärdering (SBU) i uppdrag att "
     "sammanställa det vetenskapliga underlaget om behandlingarna.",
     Has(("Statens beredning för medicinsk och social utvärdering",
          "sammanställa det vetenskapliga underlaget om behandlingarna"))),
    # a task gathered with a body, a power named by its noun, and tasks a body takes over
    ("Det föreslås att tillsynen över inkassoföretag samlas hos Finansinspektionen.",
     Has(("Finansinspektionen", "tillsynen över inkassoföretag"))),
    ("Det ska dock finnas en möjlighet för Spelinspektionen att besluta om undantag från förbudet.",
     Has(("Spelinspektionen", "besluta om undantag från förbudet"))),
    ("Ändringarna innebär att Utbetalningsmyndigheten övertar Ekonomistyrningsverkets uppgifter enligt förordningen.",
     Has(("Utbetalningsmyndigheten", "Ekonomistyrningsverkets uppgifter enligt förordningen"))),
    # a group in lower case in a row of named bodies leaves the others their duty (a power told as one too)
    ("Folkhälsomyndigheten, kommunen, Polismyndigheten och länsstyrelsen ska meddela förelägganden.",
     {("Folkhälsomyndigheten", "meddela förelägganden"), ("Polismyndigheten", "meddela förelägganden"),
      ("Länsstyrelsen", "meddela förelägganden")}),
    ("Folkhälsomyndigheten, kommunerna och Polismyndigheten får möjlighet att besluta om förbud.",
     {("Folkhälsomyndigheten", "får möjlighet att besluta om förbud"),
      ("Polismyndigheten", "får möjlighet att besluta om förbud")}),
    # the charge given with an adverb between ("därför", "bland annat")
    ("Trafikverket får därför i uppdrag att analysera behovet av nya regler.",
     {("Trafikverket", "analysera behovet av nya regler")}),
    ("Tillväxtverket fick bland annat i uppdrag att ta fram en plan för landsbygden.",
     {("Tillväxtverket", "ta fram en plan för landsbygden")}),
    # who gave the task, between the charge and its "att"
    ("Kultur- och fritidsnämnden har därför fått i uppdrag av kommunstyrelsen att utreda en ny simhall.",
     {("Kultur- och fritidsnämnden", "utreda en ny simhall")}),
])
def test_duties_of_a_sentence(sentence, expected):
    assert_is(duties(sentence), expected, "duties")


def test_a_contextual_word_is_the_documents_own_body_with_lower_confidence():
    text = ("# Uppdrag till Konsumentverket att informera om betaltjänster\n\n"
            "Regeringen uppdrar åt Konsumentverket att informera konsumenter om betaltjänster.\n"
            "I arbetet ska myndigheten samråda med Finansinspektionen.\n")
    doc, ex, _ = extract_text(text, name="page.md")
    got = {(r.body, r.task): r.confidence for r in ex.responsibilities}
    assert got[("Konsumentverket", "informera konsumenter om betaltjänster")] == 1.0
    assert got[("Konsumentverket", "i arbetet samråda med Finansinspektionen")] < 1.0


@pytest.mark.parametrize("task, parts", [
    ("utarbeta en handbok, utreda frågan om stöd samt utveckla arbetet",
     ["utarbeta en handbok", "utreda frågan om stöd", "utveckla arbetet"]),
    ("utreda och ange i vilka fall mätning ska krävas", ["utreda och ange i vilka fall mätning ska krävas"]),
    ("ta fram och erbjuda utbildningar", ["ta fram och erbjuda utbildningar"]),
    ("ta fram en plan, genomföra den och redovisa resultatet", ["ta fram en plan", "genomföra den", "redovisa resultatet"]),
    ("en rapport om läget", ["en rapport om läget"]),
    # two verbs of one "för att"-clause are one task
    ("ta fram en handlingsplan för att stärka och utveckla arbetet med hälsa",
     ["ta fram en handlingsplan för att stärka och utveckla arbetet med hälsa"]),
    # a pair joined by "och att" or "samt" is one task, as one joined by "och" is; a row of three is cut
    ("föreslå hur behovet ska säkerställas och att ta ställning till om förmågan kan stärkas",
     ["föreslå hur behovet ska säkerställas och att ta ställning till om förmågan kan stärkas"]),
    ("inhämta synpunkter från berörda parter samt beakta förslag från utredningar",
     ["inhämta synpunkter från berörda parter samt beakta förslag från utredningar"]),
    ("kartlägga stödet, föreslå hur behovet ska säkerställas och att ta ställning till förmågan",
     ["kartlägga stödet", "föreslå hur behovet ska säkerställas", "ta ställning till förmågan"]),
    ("säkerställa att X görs och att myndigheten följer upp", ["säkerställa att X görs och att myndigheten följer upp"]),
    ("utifrån ärendena beskriva vilka som köper sex, beskriva orsakerna till att anmälningar läggs ner, kartlägga "
     "påföljderna och analysera stödet",
     ["utifrån ärendena beskriva vilka som köper sex", "beskriva orsakerna till att anmälningar läggs ner",
      "kartlägga påföljderna", "analysera stödet"]),
    # "dels …, dels …": two tasks, each with its verb
    ("dels förbereda överföringen av uppgifterna till museet, dels förbereda avvecklingen av myndigheten",
     ["förbereda överföringen av uppgifterna till museet", "förbereda avvecklingen av myndigheten"]),
    ("möjliggöra dels en lägesbild, dels en kartläggning", ["möjliggöra dels en lägesbild, dels en kartläggning"]),
    # a row after a clause of its own with a modal and an active infinitive is that clause's; after a passive one, or
    # after a comma and "samt", the tasks are cut
    ("föreslå ändringar som kan innebära ett starkare skydd, minska risken för återfall samt leda till ökad trygghet",
     ["föreslå ändringar som kan innebära ett starkare skydd, minska risken för återfall samt leda till ökad trygghet"]),
    ("undersöka hur en funktion kan bidra till att förhindra felaktiga utbetalningar, effektivisera processerna och "
     "förbättra servicen",
     ["undersöka hur en funktion kan bidra till att förhindra felaktiga utbetalningar, effektivisera processerna och "
      "förbättra servicen"]),
    ("analysera hur samverkan kan stärkas, föreslå åtgärder och utreda behovet av ändringar",
     ["analysera hur samverkan kan stärkas", "föreslå åtgärder", "utreda behovet av ändringar"]),
    ("bedöma vilka områden som regeringen bör prioritera i arbetet, samt föreslå åtgärder som staten kan vidta",
     ["bedöma vilka områden som regeringen bör prioritera i arbetet", "föreslå åtgärder som staten kan vidta"]),
])
def test_split_tasks(task, parts):
    assert split_tasks(task) == parts


def test_a_group_the_text_sets_up_is_a_body_it_names_again():
    text = ("Vetenskapsrådet ska inrätta en rådgivande expertgrupp för frågor om forskningsanläggningar.\n\n"
            "Expertgruppen ska stödja Vetenskapsrådet i arbetet med att samordna nationella insatser och bidra till "
            "att stärka samverkan med universitet och högskolor.\n")
    # two verbs joined by "och" outside a row of tasks are one task, as the sentence gives it
    assert ("Rådgivande expertgrupp", "stödja Vetenskapsrådet i arbetet med att samordna nationella insatser och "
            "bidra till att stärka samverkan med universitet och högskolor") in duties(text)


@pytest.mark.parametrize("text, names", [
    ("Sverige arbetar inom FN och EU för global hälsa. EU-domstolen har meddelat dom.",
     {"Förenta nationerna", "Europeiska unionen", "EU-domstolen"}),
    ("Remissinstanser\n\n1. Riksförbundet Hem och Skola\n2. Skolverket\n", {"Riksförbundet Hem och Skola", "Statens skolverk"}),
    ("Riksförbundet FUB och Socialstyrelsen samverkar.", {"Riksförbundet FUB", "Socialstyrelsen"}),
    # "Riksförbundet" alone is a kind of union, no name: listed, the name is read whole
    ("Arbetet sker i samråd med Riksförbundet för sexuell upplysning, Riksföreningen för skolsköterskor och Riksförbundet "
     "för döva (SDR).", {"Riksförbundet för sexuell upplysning", "Riksföreningen för skolsköterskor", "Riksförbundet för döva"}),
    # a municipality's administration named by its area after "sektor"; not a sector of society
    ("Lidköpings kommun. Sektor utbildning ansvarar för skolorna. Kommunstyrelsen samverkar med offentlig sektor och "
     "näringslivet. Hela sektor behöver stöd.", {"Lidköpings kommun", "Sektor utbildning", "Kommunstyrelsen"}),
    # a unit written indefinite, as a letterhead does; not how something is run
    ("Teknisk förvaltning ska svara på förslaget. Teknisk förvaltning av systemet sker löpande.", {"Teknisk förvaltning"}),
    # a committee by its designation, not a report by its number in a series
    ("Utredningen om bättre tillsyn (Ju 2022:10) ska lämna förslag. Riksrevisionen har granskat tillsynen i rapporten "
     "Mörkertal inom bostadstillägget (RiR 2019:22).", {"Utredningen om bättre tillsyn", "Riksrevisionen"}),
])
def test_body_names(text, names):
    _, ex, _ = extract_text(text, name="x.txt")
    assert {b.label for b in ex.bodies} == names


def test_each_of_the_assignees_is_given_the_duty_of_each():
    text = ("Regeringen ger Boverket och Naturvårdsverket i uppdrag att följa upp arbetet med grönområden i städerna. "
            "Var och en av myndigheterna ska senast den 1 april 2027 lämna en redovisning till Regeringskansliet.\n")
    found = duties(text)
    for body in ("Boverket", "Naturvårdsverket"):
        assert (body, "senast den 1 april 2027 lämna en redovisning till Regeringskansliet") in found


def test_the_agencies_are_those_the_sentence_before_named_in_a_row():
    text = ("# Sammanfattning\n\nSjöfartsverkets (SjöV) och Kustbevakningens arbete med att övervaka fartygstrafiken bör "
            "samordnas. Utredningen föreslår att myndigheterna ska inrätta ett gemensamt ledningscentrum för övervakningen.\n")
    found = duties(text, name="sou.md", media_type="text/markdown")
    for body in ("Sjöfartsverket", "Kustbevakningen"):
        assert any(b == body and t.startswith("inrätta ett gemensamt ledningscentrum") for b, t in found), found
    # not the subject of a modal: "Syftet är att ge myndigheterna möjlighet att …" gives the row no duty
    text = ("# Sammanfattning\n\nSjöfartsverket och Kustbevakningen övervakar fartygstrafiken. Syftet med lagen är att ge "
            "myndigheterna möjlighet att behandla uppgifter om fartyg och att skydda enskildas integritet.\n")
    assert not duties(text, name="sou.md", media_type="text/markdown")


@pytest.mark.parametrize("text, duty", [
    ("Vetenskapsrådet ska samarbeta med Verket för innovationssystem (Vinnova) som ska bistå Vetenskapsrådet med kompetens.",
     ("Verket för innovationssystem", "bistå Vetenskapsrådet med kompetens")),
    ("Förslaget slår fast att det är Myndigheten för digital förvaltning som ska förvalta det tekniska systemet.",
     ("Myndigheten för digital förvaltning", "förvalta det tekniska systemet")),
    ("Medlen betalas ut till Länsstyrelsen i Stockholms län som ska fördela medlen till övriga länsstyrelser.",
     ("Länsstyrelsen i Stockholms län", "fördela medlen till övriga länsstyrelser")),
])
def test_a_relative_clause_without_a_comma_gives_the_body_before_it_a_duty(text, duty):
    assert duty in duties(text + "\n")


def test_a_relative_clause_on_a_law_named_after_a_body_is_no_duty_of_the_body():
    text = "Regeringen föreslår en ny lag om Totalförsvarets pliktverk som ska träda i kraft den 1 januari 2027.\n"
    assert not any(b == "Totalförsvarets pliktverk" for b, _ in duties(text, name="prop.md", media_type="text/markdown"))


def test_what_a_decision_says_its_assignee_does_is_its_duty_whatever_the_verb():
    text = ("# Uppdrag till Folkhälsomyndigheten att ta fram scenarier\n\nRegeringen ger Folkhälsomyndigheten i uppdrag att "
            "ta fram scenarier för smittspridningen.\n\nFolkhälsomyndigheten undersöker förutsättningarna för att utfärda "
            "regionala föreskrifter. Myndigheten beskriver hur dessa utformas. Folkhälsomyndigheten tar hänsyn till tidigare "
            "insatser. Folkhälsomyndigheten bedömer att läget är allvarligt. Socialstyrelsen undersöker frågan om vård.\n")
    found = duties(text, name="ru.md", media_type="text/markdown")
    assert found == {("Folkhälsomyndigheten", "ta fram scenarier för smittspridningen"),
                     ("Folkhälsomyndigheten", "undersöka förutsättningarna för att utfärda regionala föreskrifter"),
                     ("Folkhälsomyndigheten", "beskriva hur dessa utformas"),
                     ("Folkhälsomyndigheten", "ta hänsyn till tidigare insatser")}


def test_list_items_complete_a_lead_that_ends_in_a_preposition():
    text = ("# Uppdrag till Socialstyrelsen om övningsplaner\n\nRegeringen ger Socialstyrelsen i uppdrag att stärka den "
            "katastrofmedicinska beredskapen.\n\nMyndigheten tar inledningsvis fram nationella övningsplaner inom:\n\n"
            "• traumavård,\n• katastrofmedicin och krisstöd.\n")
    found = duties(text, name="ru.md", media_type="text/markdown")
    assert ("Socialstyrelsen", "ta inledningsvis fram nationella övningsplaner inom traumavård") in found
    assert ("Socialstyrelsen", "ta inledningsvis fram nationella övningsplaner inom katastrofmedicin och krisstöd") in found


@pytest.mark.parametrize("item, kept", [
    ("Kartlägga behovet av bostadsstöd i glesbygd med särskild hänsyn till äldre personer.",
     "Kartlägga behovet av bostadsstöd i glesbygd med särskild hänsyn till äldre personer"),
    # another task after a comma is no fuller telling of the first
    ("Kartlägga behovet av bostadsstöd i glesbygd, och föreslå ändringar.", "kartlägga behovet av bostadsstöd i glesbygd"),
])
def test_a_duty_told_again_with_more_words_after_the_same_ones_is_kept_in_the_fuller_words(item, kept):
    text = ("# Uppdrag om bostadsstöd\n\nRegeringen ger Boverket i uppdrag att kartlägga behovet av bostadsstöd i "
            f"glesbygd.\n\nBoverket ska:\n\n1. {item} Denna del ska redovisas senast den 1 mars 2027.\n"
            "2. Analysera hyresnivåerna.\n")
    tasks = {t for b, t in duties(text, name="ru.md", media_type="text/markdown") if b == "Boverket"}
    assert kept in tasks
    assert len([t for t in tasks if t.lower().startswith("kartlägga")]) == 1


def test_two_cuts_of_one_passage_stay_as_the_first_reader_cut_it():
    tasks = {t for b, t in duties("Boverket ska kartlägga behovet av bostadsstöd i glesbygd med hänsyn till äldre.")
             if b == "Boverket"}
    assert len(tasks) == 1


@pytest.mark.parametrize("sentence, bodies", [
    ("Socialstyrelsens och Folkhälsomyndighetens uppdrag är att ta fram en vägledning om suicidprevention.",
     {"Socialstyrelsen", "Folkhälsomyndigheten"}),
    ("Enligt förslaget blir det Statens skolverks, Läkemedelsverkets och Folkhälsomyndighetens uppgift att ta fram en "
     "vägledning om suicidprevention.", {"Statens skolverk", "Läkemedelsverket", "Folkhälsomyndigheten"}),
    # a body named before the row, not in the genitive, is not of it
    ("Regeringen och Folkhälsomyndighetens uppdrag är att ta fram en vägledning om suicidprevention.",
     {"Folkhälsomyndigheten"}),
])
def test_a_row_of_genitives_gives_each_body_the_task(sentence, bodies):
    found = duties(f"I skrivelsen redovisas regeringens arbete. {sentence}\n")
    assert {b for b, t in found if t == "ta fram en vägledning om suicidprevention"} == bodies


def test_a_short_name_in_brackets_is_the_body_wherever_the_text_uses_it():
    text = ("Regeringen ger Stiftelsen för strategisk forskning (Strategiska stiftelsen) i uppdrag att stödja forskning "
            "om batterier. Strategiska stiftelsen ska inrätta ett program för unga forskare. Strategiska stiftelsen ska "
            "senast den 1 mars 2027 redovisa uppdraget till Regeringskansliet (Utbildningsdepartementet).\n")
    found = duties(text)
    assert ("Stiftelsen för strategisk forskning", "inrätta ett program för unga forskare") in found
    assert any(b == "Stiftelsen för strategisk forskning" and t.startswith("senast den 1 mars 2027 redovisa") for b, t in found)
    _, ex, _ = extract_text(text, name="x.txt")
    # a unit named once in brackets is no short name of the body: "Uppsala universitet (Juridiska fakulteten)"
    assert not any("Utbildningsdepartementet" in b.alt_labels for b in ex.bodies)
    _, ex, _ = extract_text("Remissen har besvarats av Uppsala universitet (Juridiska fakulteten) och Tullverket.\n", name="x.txt")
    assert not any(b.alt_labels & {"Juridiska fakulteten"} for b in ex.bodies)


def test_tasks_the_text_gives_one_assignee_by_name_are_not_the_others():
    text = ("# Uppdrag om fördelning av medel\n\nRegeringen ger E-hälsomyndigheten och Tillväxtverket i uppdrag att "
            "analysera hur medel kan fördelas.\n\nE-hälsomyndigheten ska bland annat:\n\n* förbereda handläggningen av "
            "medlen,\n* informera Regeringskansliet om arbetet.\n\nTillväxtverket ska bland annat:\n\n"
            "* bidra med kunskaper om statsstödsregler.\n")
    got = duties(text)
    assert ("E-hälsomyndigheten", "förbereda handläggningen av medlen") in got
    assert ("Tillväxtverket", "förbereda handläggningen av medlen") not in got
    assert ("E-hälsomyndigheten", "bidra med kunskaper om statsstödsregler") not in got
    assert {("E-hälsomyndigheten", "analysera hur medel kan fördelas"),
            ("Tillväxtverket", "analysera hur medel kan fördelas")} <= got


def test_the_regions_of_a_national_reform_are_given_duties_as_a_group():
    text = ("# Samordnade insatser\n\nSamsjuklighetsutredningen föreslår en reform. Regionerna ska ta ansvar för "
            "hälso- och sjukvårdsinsatser på hem för vård eller boende.\n")
    doc, ex, _ = extract_text(text, name="sou.md", media_type="text/markdown")
    assert ex.document.kind == "betänkande"
    assert {(r.body, r.task) for r in ex.responsibilities} >= {
        ("Regionerna", "ta ansvar för hälso- och sjukvårdsinsatser på hem för vård eller boende")}
    assert "Regionerna" not in {b.label for b in ex.bodies}      # a group phrase, not a body


@pytest.mark.parametrize("sentence, duty", [
    # two kinds of principals in a row
    ("Regeringen föreslår att kommuner och regioner ska anta en plan för krisberedskap.",
     ("kommuner och regioner", "anta en plan för krisberedskap")),
    # a duty proposed for them by its noun
    ("I promemorian föreslås en skyldighet för kommuner och regioner att förebygga att förtroendevalda utsätts för hot.",
     ("kommuner och regioner", "förebygga att förtroendevalda utsätts för hot")),
    # a responsibility a proposal gives them
    ("Vi föreslår att kommuner och landsting får ett ansvar för att förtroendevalda ska kunna fullgöra sitt uppdrag.",
     ("kommuner och landsting", "ett ansvar för att förtroendevalda ska kunna fullgöra sitt uppdrag")),
])
def test_the_principals_in_a_row_or_given_a_duty_by_its_noun(sentence, duty):
    ex = page(f"# Skydd för förtroendevalda\n\nProp. 2023/24:12\n\nRegeringen överlämnar denna proposition till riksdagen.\n\n{sentence}\n")
    assert duty in {(r.body, r.task) for r in ex.responsibilities}


@pytest.mark.parametrize("sentence", [
    "Det föreslås en möjlighet för kommuner och landsting att bygga upp reserver.",            # a power, no duty
    "Utredaren ska lämna förslag på hur en skyldighet för landstingen att erbjuda vård kan utformas.",   # asked about
])
def test_no_duty_of_the_principals_from_a_power_or_a_question(sentence):
    ex = page(f"# Skydd för förtroendevalda\n\nProp. 2023/24:12\n\nRegeringen överlämnar denna proposition till riksdagen.\n\n{sentence}\n")
    assert not [r for r in ex.responsibilities if r.body in ("kommuner och landsting", "landstingen")]


def test_a_task_of_an_assignment_belongs_to_the_steering_document_it_names():
    text = ("# Förebygga, förhindra och försvåra – den svenska strategin mot terrorism\n\nRegeringen har tagit fram en ny "
            "nationell strategi mot terrorism.\n\n[Uppdrag till Polismyndigheten att vidta åtgärder för att införliva "
            "regeringens strategi mot terrorism](/regeringsuppdrag/2015/08/uppdrag/)\n")
    ex = page(text)
    assert {(r.body, r.policy) for r in ex.responsibilities} == {
        ("Polismyndigheten", "Förebygga, förhindra och försvåra – den svenska strategin mot terrorism")}


def read_md(text: str) -> tuple[set, set, list]:
    """(body, task, confidence) of each responsibility read, (label, kind) of each body, the assignees."""
    ex = page(text)
    return ({(r.body, r.task, r.confidence) for r in ex.responsibilities}, {(b.label, b.kind) for b in ex.bodies},
            [a.assignees for a in ex.assignments])


@pytest.mark.parametrize("text, expected", [
    # the members of a national forum given an assignment are that forum, now a body
    ("# Uppdrag att stoppa illegala sprängningar\n\nRegeringen ger de myndigheter som ingår i nationellt forum för "
     "sprängämnessäkerhet i uppdrag att intensifiera arbetet med att förhindra illegala sprängningar.\n\n"
     "Myndigheten för samhällsskydd och beredskap (MSB) ska samordna arbetet.\n",
     {("Nationellt forum för sprängämnessäkerhet", "intensifiera arbetet med att förhindra illegala sprängningar", 1.0)}),
    # a register name split by a line break; "utg.omr." ends no sentence
    ("# Uppdrag till Statens servicecenter\n\nRegeringen ger Statens servicecenter i uppdrag att, med beaktande av "
     "budgetpropositionen för 2025 (prop. 2024/25:1 utg.omr. 2 avsnitt 4), redovisa hur myndigheten avser att "
     "organisera verksamheten. Därutöver ska Social-styrelsen löpande hålla Regeringskansliet informerat.\n",
     {("Statens servicecenter", "med beaktande av budgetpropositionen för 2025 (prop. 2024/25:1 utg.omr. 2 avsnitt 4), "
                                "redovisa hur myndigheten avser att organisera verksamheten", 1.0),
      ("Socialstyrelsen", "löpande hålla Regeringskansliet informerat", 1.0)}),
    # an assignment a body holds, named in passing
    ("# Uppdrag om kvinnors hälsa\n\nInom ramen för uppdraget ska Socialstyrelsen inhämta synpunkter från "
     "Folkhälsomyndigheten utifrån dess uppdrag att ta fram en handlingsplan för sexuell och reproduktiv hälsa.\n",
     {("Folkhälsomyndigheten", "ta fram en handlingsplan för sexuell och reproduktiv hälsa", 0.9)}),
    # a unit a report sets up under a name it gives; "ska ges i uppdrag (i) att T" is the task T
    ("* En tvärvetenskaplig testenhet, kallad bedömningscentrum, inrättas vid Stockholms universitet. "
     "Bedömningscentrumet ansvarar för framtagning, drift och utveckling av progressionstestet.\n"
     "* Bedömningscentrum ska ges i uppdrag i att förbereda inför ett införande av progressionstest.\n",
     {("Bedömningscentrum", "framtagning, drift och utveckling av progressionstestet", 1.0),
      ("Bedömningscentrum", "förbereda inför ett införande av progressionstest", 1.0)}),
    # a task put on a body or on the principals at the end of a sentence
    ("# Från delar till helhet\n\nSamsjuklighetsutredningen föreslår en reform.\n\n1. All behandling av skadligt "
     "bruk och beroende ska vara ett ansvar för regionernas hälso- och sjukvård.\n\n2. Uppsökande insatser ska "
     "vara ett fortsatt och förtydligat uppdrag för socialtjänsten.\n",
     {("regionernas hälso- och sjukvård", "All behandling av skadligt bruk och beroende ska vara ett ansvar för "
       "regionernas hälso- och sjukvård", 0.9),
      ("socialtjänsten", "Uppsökande insatser ska vara ett fortsatt och förtydligat uppdrag för socialtjänsten", 0.9)}),
    # what a report urges the government to charge an agency with, and calls on a body or the principals to do
    ("# Narkotikapolitik\n\nNarkotikautredningen föreslår åtgärder.\n\n### Regeringen uppmanas att\n\n* anta ett "
     "program för att minska dödsfall.\n* uppdra åt Socialstyrelsen att utreda hur dödsfallsutredningar kan "
     "utformas.\n\n### Regioner och kommuner uppmanas att\n\n* implementera befintliga kunskapsstöd.\n\n"
     "Socialstyrelsen uppmanas att se över riktlinjerna.\n",
     {("Regeringen", "anta ett program för att minska dödsfall", 0.8),
      ("Socialstyrelsen", "utreda hur dödsfallsutredningar kan utformas", 1.0),
      ("Regioner och kommuner", "implementera befintliga kunskapsstöd", 0.8),
      ("Socialstyrelsen", "se över riktlinjerna", 0.8)}),
    # a body named to a role or given a responsibility in a clause of a proposal; not in a question
    ("# En ny beredskapssektor\n\nUtredningen föreslår att Tillväxtverket utses till beredskapsmyndighet för den nya "
     "sektorn. Till dess föreslår utredningen att Boverket och Lantmäteriet får ett ansvar för byggberedskapen inom "
     "sina områden. Det bör utredas om Polismyndigheten eller Säkerhetspolisen bör utses till behörig myndighet.\n",
     {("Tillväxtverket", "utses till beredskapsmyndighet för den nya sektorn", 1.0),
      ("Boverket", "ett ansvar för byggberedskapen inom sina områden", 1.0),
      ("Lantmäteriet", "ett ansvar för byggberedskapen inom sina områden", 1.0)}),
    # a standing task in the present tense; what a decision includes after "I det ingår att"
    ("# Uppdrag till Brottsförebyggande rådet att följa upp sexköpsbrott\n\nRegeringen ger Brottsförebyggande rådet "
     "(Brå) i uppdrag att följa upp tillämpningen av förbudet. Brå ska belysa rättsväsendets hantering. I det ingår att "
     "kartlägga vilka påföljder som döms ut. Myndigheten samverkar med Jämställdhetsmyndigheten om underlaget.\n",
     {("Brottsförebyggande rådet", "kartlägga vilka påföljder som döms ut", 0.9),
      ("Brottsförebyggande rådet", "samverkar med Jämställdhetsmyndigheten om underlaget", 0.8)}),
    # the report due on an assignment is its assignees' duty
    ("# Uppdrag att ta fram underlag\n\nRegeringen ger Socialstyrelsen i uppdrag att ta fram underlag för "
     "sjukvårdsprodukter.\n\nUppdraget slutredovisas senast den 23 februari 2024.\n",
     {("Socialstyrelsen", "slutredovisa uppdraget senast den 23 februari 2024", 0.9)}),
    # whom the assignment is carried out with is its assignees' duty; what pays for or frames it is not, and a
    # second passive verb ends it
    ("# Uppdrag att kartlägga stödet till brottsutsatta\n\nRegeringen ger Kriminalvården och Tullverket i uppdrag att "
     "kartlägga stödet till brottsutsatta.\n\nUppdraget ska genomföras i nära samråd med Brottsoffermyndigheten och "
     "redovisas till Justitiedepartementet senast den 1 mars 2027. Uppdraget ska utföras inom befintliga ramar.\n",
     {("Kriminalvården", "genomföra uppdraget i nära samråd med Brottsoffermyndigheten", 0.9),
      ("Tullverket", "genomföra uppdraget i nära samråd med Brottsoffermyndigheten", 0.9)}),
    ("# Uppdrag att utveckla tolkstödet\n\nRegeringen ger Kammarkollegiet i uppdrag att utveckla tolkstödet.\n\n"
     "Uppdraget ska även utföras tillsammans med Domstolsverket.\n",
     {("Kammarkollegiet", "utföra uppdraget tillsammans med Domstolsverket", 0.9)}),
    # what the assignment includes, told with the clause inverted
    ("# Uppdrag att följa upp lotsningen\n\nRegeringen ger Arbetsförmedlingen i uppdrag att följa upp lotsningen.\n\n"
     "Vidare ingår i uppdraget att beskriva hur lotsarna rekryteras. Uppdraget ska också omfatta att pröva en ny "
     "uppföljningsmodell.\n",
     {("Arbetsförmedlingen", "beskriva hur lotsarna rekryteras", 0.9),
      ("Arbetsförmedlingen", "pröva en ny uppföljningsmodell", 0.9)}),
    # a change of an assignment names its assignees in its first words; "myndigheterna" of the change are they
    ("# Ändring av uppdraget att stärka läsfrämjandet\n\nUppdraget till Statens kulturråd och Kungliga biblioteket om "
     "att stärka läsfrämjandet för barn och unga i glesbygd och i de mindre kommunerna som saknar folkbibliotek (Ku2024/00123) "
     "ändras på så vis att arbetet även ska omfatta vuxna.\n\nStatens kulturråd ska vara sammankallande. I arbetet ska "
     "myndigheterna samverka med Sametinget.\n",
     {("Statens kulturråd", "i arbetet samverka med Sametinget", 0.8),
      ("Kungliga biblioteket", "i arbetet samverka med Sametinget", 0.8)}),
    # the order a rule sets, told in a clause: "gäller den ordningen att X ansvarar för", "framgår att X ansvarar för"
    ("# Uppdrag att se över säkerhetsprövningen\n\nRegeringen ger Domarnämnden i uppdrag att se över "
     "säkerhetsprövningen. I dag gäller den ordningen att Domstolsverket ansvarar för säkerhetsprövningen av "
     "nämndemän. Av förordningen framgår att Kammarkollegiet ansvarar för arvodena.\n",
     {("Domstolsverket", "säkerhetsprövningen av nämndemän", 1.0), ("Kammarkollegiet", "arvodena", 1.0)}),
    # what a decision says a body does, in the present tense, is what it is to do
    ("# Uppdrag att ta emot skyddsbehövande\n\nRegeringen ger länsstyrelserna i uppdrag att förbereda mottagandet. "
     "Länsstyrelsen i Stockholms län samordnar länsstyrelsernas arbete.\n",
     {("Länsstyrelsen i Stockholms län", "samordna länsstyrelsernas arbete", 0.8)}),
    # what the work the decision asks for includes, told with its body as the subject ("I översynen ska ingå att
    # Statskontoret analyserar …"), and with two adverbs ("därutöver även")
    ("# Uppdrag till Statskontoret att se över tolkförmedlingen\n\nRegeringen ger Statskontoret i uppdrag att se över "
     "tolkförmedlingen. I översynen ska ingå att Statskontoret analyserar hur kvaliteten följs upp. I uppdraget ingår "
     "därutöver även att föreslå en ny ordning för upphandling.\n",
     {("Statskontoret", "analysera hur kvaliteten följs upp", 0.9),
      ("Statskontoret", "föreslå en ny ordning för upphandling", 0.9)}),
    # a responsibility handed over, named by its compound ("Myndighetsansvaret för … förs över till X"), and the inquiry a
    # report says was appointed with its remit ("beslutades att tillkalla en särskild utredare med uppdrag att …")
    ("# Stöd till arbetshjälpmedel\n\nSOU 2027:12\n\nBetänkande av Utredningen om arbetshjälpmedel\n\n"
     "Den 19 maj 2025 beslutades att tillkalla en särskild utredare med uppdrag att analysera stödet till "
     "arbetshjälpmedel. Myndighetsansvaret för bidrag till arbetshjälpmedel förs över till Arbetsförmedlingen.\n",
     {("En särskild utredare", "analysera stödet till arbetshjälpmedel", 0.9),
      ("Arbetsförmedlingen", "myndighetsansvaret för bidrag till arbetshjälpmedel", 0.9)}),
    # a clause set off between the body and its verb
    ("# Folkhälsoplan för Bodens kommun 2025–2028\n\nFolkhälsorådet, där Bodens kommun och Region Norrbotten ingår, "
     "ansvarar för att samordna arbetet. Socialnämnden, som inrättades 2019, ansvarar för stödet till våldsutsatta.\n",
     {("Folkhälsorådet", "samordna arbetet", 1.0), ("Socialnämnden", "stödet till våldsutsatta", 1.0)}),
    # a list after "ska myndigheten beakta:" with items opened by a minus sign: the verb leads each item
    ("# Uppdrag att ta fram ett stöd\n\nRegeringen ger Boverket i uppdrag att ta fram ett stöd för BIM.\n\n"
     "I arbetet ska myndigheten beakta:\n\n\u2212 internationella erfarenheter av BIM,\n\n"
     "\u2212 exempel på BIM-användning inom fastighetssektorn.\n",
     {("Boverket", "i arbetet beakta internationella erfarenheter av BIM", 0.8),
      ("Boverket", "i arbetet beakta exempel på BIM-användning inom fastighetssektorn", 0.8)}),
    # ... and with a no-break space after the minus sign
    ("# Tilläggsdirektiv till utredningen\n\nRegeringen ger Boverket i uppdrag att ta fram ett stöd för BIM.\n\n"
     "Boverket ska vidare:\n\n\u2212\u00a0kartlägga internationella erfarenheter av BIM,\n\n"
     "\u2212\u00a0beskriva konsekvenserna för fastighetssektorn.\n",
     {("Boverket", "kartlägga internationella erfarenheter av BIM", 1.0),
      ("Boverket", "beskriva konsekvenserna för fastighetssektorn", 1.0)}),
    # what an auditor recommends the government to do
    ("# Riksrevisionens rapport om investeringssparkonto\n\nRiksrevisionen rekommenderar regeringen att återkommande "
     "informera riksdagen om effekterna. Regeringen rekommenderas även att se över reglerna.\n",
     {("Regeringen", "återkommande informera riksdagen om effekterna", 0.8),
      ("Regeringen", "se över reglerna", 0.8)}),
    # a body's duty named by its noun in the genitive
    ("# Barn som vårdas utanför hemmet\n\nSocialnämndens skyldighet att tillgodose behovet av stöd för barnen kvarstår.\n",
     {("Socialnämnden", "tillgodose behovet av stöd för barnen", 1.0)}),
    # a standing task in a relative clause: "som har i uppgift att"
    ("Myndigheten för digital förvaltning har i uppgift att följa och analysera digitaliseringen.\n",
     {("Myndigheten för digital förvaltning", "följa och analysera digitaliseringen", 1.0)}),
])
def test_duties_of_kinds_of_phrase(text, expected):
    got, _, _ = read_md(text)
    assert expected <= got, got - expected


def test_the_members_of_a_forum_and_a_unit_named_by_a_report_are_bodies():
    _, bodies, assignees = read_md("# Uppdrag\n\nRegeringen ger de myndigheter som ingår i nationellt forum för "
                                  "sprängämnessäkerhet i uppdrag att intensifiera arbetet.\n")
    assert ("Nationellt forum för sprängämnessäkerhet", "organisation") in bodies
    assert assignees == [["Nationellt forum för sprängämnessäkerhet"]]
    _, bodies, _ = read_md("En testenhet, kallad bedömningscentrum, inrättas vid Stockholms universitet.")
    assert ("Bedömningscentrum", "enhet") in bodies


def test_a_committees_remit_serves_the_directive_it_cites_and_only_there():
    text = ("# Polisiär beredskap\n\nBetänkande av Utredningen om polisens beredskap.\n\nUtredningens uppdrag "
            "(dir. 2023:143) har varit att föreslå åtgärder som kan stärka polisens beredskap. I uppdraget har ingått "
            "att analysera om en förstärkningsresurs bör inrättas.\n\nRegeringen bör ge Polismyndigheten i uppdrag att "
            "se över helikopterberedskapen.\n")
    ex = page(text)
    assert ("kommittédirektiv", "Dir. 2023:143") in {(p.kind, p.title) for p in ex.policies}
    got = {(r.body, r.task): r.policy for r in ex.responsibilities}
    assert got[("Utredningen om polisens beredskap", "föreslå åtgärder som kan stärka polisens beredskap")] == "Dir. 2023:143"
    assert got[("Utredningen om polisens beredskap", "analysera om en förstärkningsresurs bör inrättas")] == "Dir. 2023:143"
    assert got[("Polismyndigheten", "se över helikopterberedskapen")] is None


def test_an_inverted_recommendation_names_the_auditor_not_the_one_recommended_to():
    got, _, _ = read_md("# Riksrevisionens rapport om statsbidrag\n\nVidare rekommenderar Riksrevisionen att "
                        "regeringen fortsätter arbetet med statsbidragen.\n")
    assert not any(body == "Riksrevisionen" for body, _, _ in got), got


def test_a_power_a_bill_gives_a_named_body_is_its_responsibility_a_purpose_is_not():
    text = ("# Proposition om tillsyn över upphandling\n\nRegeringen överlämnar denna proposition till riksdagen. "
            "Det föreslås vidare att Konkurrensverket ska kunna förelägga upphandlande myndigheter att besluta om "
            "riktlinjer. Statens institutionsstyrelse, SiS, får rätt att besluta om placering. Konsumentombudsmannen "
            "ges möjlighet att besluta om förbud. Uppgifterna lämnas för att E-hälsomyndigheten ska kunna föra "
            "statistik över handeln.\n")
    ex = page(text)
    assert ex.document.kind == "proposition"
    got = {(r.body, r.task) for r in ex.responsibilities}
    assert ("Konkurrensverket", "förelägga upphandlande myndigheter att besluta om riktlinjer") in got
    assert ("Statens institutionsstyrelse", "får rätt att besluta om placering") in got        # a power, told as one
    assert ("Konsumentombudsmannen", "ges möjlighet att besluta om förbud") in got
    assert not any(b == "E-hälsomyndigheten" for b, _ in got), got


# what a bill proposes the government or an agency is to do or may do
@pytest.mark.parametrize("text, expected", [
    case("what_a_bill_proposes_the_government_itself_is_to_do_or_may_do",
         "# Proposition om uppehållsrätt\n\nRegeringen överlämnar denna proposition till riksdagen. Det föreslås också "
         "att regeringen ska bemyndigas att meddela föreskrifter om undantag från kraven. Regeringen ska återkomma till "
         "riksdagen i frågan. I propositionen föreslås även att Migrationsverket ges en utökad möjlighet att kontrollera "
         "uppgifter.\n",
         # (what the bill says the government itself is to do is its duty too)
         {"responsibilities: body, task": Has(("Regeringen", "bemyndigas att meddela föreskrifter om undantag från kraven"),
                                              ("Migrationsverket", "ges en utökad möjlighet att kontrollera uppgifter"),
                                              ("Regeringen", "återkomma till riksdagen i frågan"))}),
    case("powers_a_bill_gives_the_government_to_regulate_and_an_agency_to_act",
         "# Proposition om elnät och kontroll\n\nI propositionen föreslås ändringar i ellagen. Regeringen ska vidare få "
         "meddela föreskrifter om undantag från anslutningsskyldigheten. Regeringen eller den myndighet som regeringen "
         "bestämmer ska vid behov kunna meddela föreskrifter om krav på tjänstekvalitet. Regeringen föreslår att "
         "Försäkringskassan får behandla personuppgifter för kontrollåtgärder. Regeringen föreslår att Skatteverket får "
         "del av uppgifterna. Regeringen ska återkomma till riksdagen.\n",
         {"responsibilities: body, task": Has(("Regeringen", "meddela föreskrifter om undantag från anslutningsskyldigheten"),
                                              ("Regeringen", "meddela föreskrifter om krav på tjänstekvalitet"),
                                              ("Försäkringskassan", "behandla personuppgifter för kontrollåtgärder")),
          "responsibilities: body": Lacks("Skatteverket")}),
])
def test_what_a_bill_gives_and_what_is_the_governments_own_voice(text, expected):
    assert_facts(read(text, **MARKDOWN), expected)


# what a letter, a bill or a report says the government itself is to do, will do or means to do (written for this test)
@pytest.mark.parametrize("text, expected", [
    case("the_governments_duty_in_a_letter_said_with_ska_first_or_inverted",
         "# Regeringens skrivelse om tillsynen över spelmarknaden\n\nI denna skrivelse redovisar regeringen tillsynen. "
         "Senast den 1 mars varje år ska regeringen lämna en redogörelse för tillsynen till riksdagen. Regeringen ska "
         "vidare utse ledamöterna i rådet.\n",
         {"responsibilities: body, task, confidence": Has(
             ("Regeringen", "senast den 1 mars varje år lämna en redogörelse för tillsynen till riksdagen", 0.9),
             ("Regeringen", "utse ledamöterna i rådet", 0.9))}),
    case("what_the_government_will_or_means_to_do_is_an_intention",
         "# Regeringens skrivelse om tillsynen över spelmarknaden\n\nI denna skrivelse redovisar regeringen tillsynen. "
         "Regeringen kommer att noga följa Spelinspektionens fortsatta arbete. Regeringen avser att återkomma till "
         "riksdagen med förslag om en ny spellag. Regeringen har för avsikt att tillsätta en utredning om avgifterna. "
         "Regeringen kommer därför att se över reglerna om tillsyn.\n",
         {"responsibilities: body, task, confidence": Has(
             ("Regeringen", "noga följa Spelinspektionens fortsatta arbete", 0.8),
             ("Regeringen", "återkomma till riksdagen med förslag om en ny spellag", 0.8),
             ("Regeringen", "tillsätta en utredning om avgifterna", 0.8),
             ("Regeringen", "se över reglerna om tillsyn", 0.8))}),
    case("a_parliaments_request_that_the_government_is_to_act_ends_at_the_quotation",
         "# Regeringens skrivelse om statligt stöd\n\nI denna skrivelse redovisar regeringen riksdagens beslut. Utskottet "
         "föreslog att \"Riksdagen tillkännager för regeringen som sin mening vad utskottet anför om att regeringen i fråga "
         "om stöd till vindkraft ska återkomma till riksdagen med förslag.\" Riksdagen biföll utskottets förslag.\n",
         {"responsibilities: body, task": Has(
             ("Regeringen", "i fråga om stöd till vindkraft återkomma till riksdagen med förslag.\""))}),
    case("not_what_a_request_is_about_nor_a_verb_between_the_government_and_the_modal",
         "# Regeringens skrivelse om myndigheternas förslag\n\nI denna skrivelse redovisar regeringen hur myndigheterna "
         "lämnar förslag till regeringen om att regeringen ska besluta om nya regler. I tillkännagivandet anges att "
         "regeringen i skrivelsen bör ange på vilket sätt åtgärderna ska genomföras.\n",
         {"responsibilities: body": Lacks("Regeringen")}),
    case("in_an_assignment_the_governments_ska_gives_tasks_and_is_no_duty_of_its_own",
         "# Uppdrag till Boverket att följa upp bygglovsprocessen\n\nRegeringen uppdrar åt Boverket att följa upp "
         "bygglovsprocessen. Regeringen kommer att följa arbetet.\n",
         {"responsibilities: body": Lacks("Regeringen")}),
    case("what_the_government_will_do_said_with_an_adverb_or_planerar_and_a_verb_in_a",
         "# Regeringens skrivelse om polisens finansiering\n\nI denna skrivelse redovisar regeringen sin bedömning. "
         "Regeringen avser därför att ta initiativ till en översyn av finansieringsmodellen. Regeringen planerar att "
         "föreslå en ny modell.\n",
         {"responsibilities: body, task, confidence": Has(
             ("Regeringen", "ta initiativ till en översyn av finansieringsmodellen", 0.8),
             ("Regeringen", "föreslå en ny modell", 0.8))}),
    case("a_power_a_bill_gives_the_government_told_with_the_modal_first",
         "# Proposition om särskilda åtgärder\n\nRegeringen överlämnar denna proposition till riksdagen. Vid allvarlig "
         "fara ska regeringen eller den myndighet som regeringen bestämmer få meddela föreskrifter om "
         "identitetskontroller. Därutöver ska regeringen kunna utse rektor vid högskolan.\n",
         {"responsibilities: body, task, confidence": [
             ("Regeringen", "vid allvarlig fara meddela föreskrifter om identitetskontroller", 0.8),
             ("Regeringen", "utse rektor vid högskolan", 0.8)]}),
    case("the_power_to_rule_a_bill_gives_the_government_and_an_intention_with_its_time",
         "# Proposition om tillsyn över spel\n\nRegeringen överlämnar denna proposition till riksdagen. Regeringen får "
         "meddela föreskrifter om avgifter för prövningen. Regeringen kommer under 2017 att följa upp reformen. Regeringen "
         "har för avsikt att under hösten 2016 återkomma med förslag.\n",
         {"responsibilities: body, task, confidence": Has(
             ("Regeringen", "meddela föreskrifter om avgifter för prövningen", 0.8),
             ("Regeringen", "följa upp reformen", 0.8),
             ("Regeringen", "under hösten 2016 återkomma med förslag", 0.8))}),
    # an intention after a verb of its own ("välkomnar … och avser att"), and what an auditor recommends in the words
    # that follow "att", or with "vidare"
    case("an_intention_after_another_verb_and_a_recommendation_after_att",
         "# Riksrevisionens rapport om polisens utredningar\n\nI skrivelsen redovisar regeringen sin bedömning av "
         "Riksrevisionens iakttagelser. Regeringen välkomnar Riksrevisionens granskning och avser att särskilt följa upp "
         "vilka åtgärder Polismyndigheten vidtar. Regeringen delar bedömningen och kommer att följa upp frågan i "
         "myndighetsdialogen. Riksrevisionen rekommenderar att regeringen tydliggör ansvaret för uppföljningen. "
         "Regeringen rekommenderas vidare att se över reglerna.\n",
         {"responsibilities: body, task, confidence": Has(
             ("Regeringen", "följa upp vilka åtgärder Polismyndigheten vidtar", 0.8),
             ("Regeringen", "följa upp frågan i myndighetsdialogen", 0.8),
             ("Regeringen", "tydliggöra ansvaret för uppföljningen", 0.8),
             ("Regeringen", "se över reglerna", 0.8))}),
    # a charge refused, or only advised, is given to no one
    case("a_charge_the_government_sees_no_need_for_or_says_it_does_not_give_is_no_assignment",
         "# Riksrevisionens rapport om statliga ramavtal\n\nI skrivelsen redovisar regeringen sin bedömning av "
         "Riksrevisionens iakttagelser. Det saknas för närvarande anledning att ge Kammarkollegiet i uppdrag att se över "
         "ramavtalen. Regeringen ser inget behov av att ge Statskontoret i uppdrag att utvärdera reformen. Regeringen ger "
         "inte Boverket i uppdrag att följa upp frågan. Regeringen har beslutat att inte ge Tillväxtverket i uppdrag att "
         "kartlägga stöden. Regeringen anser inte att det finns skäl att ge Vinnova i uppdrag att utreda frågan.\n",
         {"responsibilities": [], "assignments": []}),
    case("a_charge_an_auditor_says_the_government_should_give_is_advice_not_an_assignment",
         "# Riksrevisionens rapport om statliga ramavtal\n\nI skrivelsen redovisar regeringen sin bedömning av "
         "Riksrevisionens iakttagelser. Riksrevisionen anser att regeringen bör ge Kammarkollegiet i uppdrag att se över "
         "hur användningen av ramavtalen kan öka.\n",
         {"responsibilities: body, task, confidence": [("Kammarkollegiet", "se över hur användningen av ramavtalen kan öka", 0.7)],
          "assignments": []}),
])
def test_the_governments_own_duties_and_intentions(text, expected):
    assert_facts(read(text, **MARKDOWN), expected)


# the duties a Markdown page gives (read as conftest.page reads it): all of them (a set), or what they hold (Has)
@pytest.mark.parametrize("text, expected", [
    case("an_assignment_a_committee_report_proposes_for_a_body",
         "# Delningsekonomi\n\nUtredningen har kartlagt delningsekonomin. Utredningen föreslår bland annat att "
         "Konsumentverket får i uppdrag att informera och vägleda privatpersoner. Vi föreslår därför att SBU får ett "
         "regeringsuppdrag att utvärdera de komplementära metoderna. Utredningen föreslår att Tillväxtverket ges i uppdrag "
         "att följa utvecklingen.\n",
         Has(("Konsumentverket", "informera och vägleda privatpersoner"),
             ("Statens beredning för medicinsk och social utvärdering", "utvärdera de komplementära metoderna"),
             ("Tillväxtverket", "följa utvecklingen"))),
    case("a_report_urging_the_government_to_give_a_body_a_special_assignment",
         "# Narkotikapolitik\n\nUtredningen lämnar förslag.\n\n### Regeringen uppmanas att\n\n* ge Nationellt "
         "kompetenscentrum anhöriga (Nka) ett särskilt uppdrag att bygga upp kunskap om anhöriga,\n* ge "
         "Socialstyrelsen ett uppdrag att följa utvecklingen.\n",
         Has(("Nationellt kompetenscentrum anhöriga", "bygga upp kunskap om anhöriga"),
             ("Socialstyrelsen", "följa utvecklingen"))),
    case("a_list_of_duties_opened_by_an_adverb_of_addition",
         "# Uppdrag till Statens kulturråd\n\nRegeringen uppdrar åt Statens kulturråd att fördela medel.\n\nStatens "
         "kulturråd ska därtill\n\n* ta fram en plan för läsfrämjande,\n* följa upp arbetet.\n",
         Has(("Statens kulturråd", "ta fram en plan för läsfrämjande"), ("Statens kulturråd", "följa upp arbetet"))),
    case("a_clause_set_off_by_commas_between_the_body_and_its_modal",
         "# Fusioner\n\nRegeringen överlämnar denna proposition. Vidare föreslås att Finansinspektionen, när bankaktiebolag, "
         "kreditmarknadsföretag eller försäkringsbolag deltar i en fusion, ska få avslå en ansökan om tillstånd. Kostnaden, "
         "om den uppstår, ska bäras av staten.\n",
         {("Finansinspektionen", "avslå en ansökan om tillstånd")}),
    case("a_row_of_bodies_and_an_aside_of_a_frame_between_them_and_their_modal",
         "# Informationsutbyte\n\nRegeringen överlämnar denna proposition. Regeringen föreslår att Säkerhetspolisen, "
         "Försvarets radioanstalt och Försvarsmakten, inom ramen för samarbetet vid ett nationellt centrum, ska få lämna ut "
         "uppgifter till varandra.\n",
         {("Säkerhetspolisen", "lämna ut uppgifter till varandra"), ("Försvarets radioanstalt", "lämna ut uppgifter till varandra"),
          ("Försvarsmakten", "lämna ut uppgifter till varandra")}),
    case("an_own_word_subject_and_an_aside_of_comparison_before_its_modal",
         "# Kommittédirektiv\n\nTilläggsdirektiv till Utredningen om bättre tillsyn (U 2026:01)\n\nGenom tilläggsdirektiven "
         "ändras uppdraget så att utredaren, till skillnad från vad som anges i de ursprungliga direktiven, ska föreslå en "
         "skärpt ägarprövning.\n",
         Has(("Utredningen om bättre tillsyn", "föreslå en skärpt ägarprövning"))),
    case("the_county_councils_of_a_reform_and_a_body_with_its_partner_set_off_by_commas",
         "# Vårdval i Sverige\n\nI delbetänkandet föreslår utredningen att landstingen ska bli skyldiga att införa "
         "vårdvalsystem i primärvården.\n\n* Skolverket, i samverkan med Specialpedagogiska skolmyndigheten, ska få i "
         "uppdrag att ta fram stöd för tillämpningen.\n",
         Has(("landstingen", "bli skyldiga att införa vårdvalsystem i primärvården"),
             ("Statens skolverk", "ta fram stöd för tillämpningen"))),
    case("proposals_listed_as_that_clauses_whatever_the_case_of_att_and_with_or_without_att_after_uppdras",
         "# Jobbpremie\n\nUtredningen föreslår:\n\n* Att Arbetsmiljöverket ges i uppdrag att granska riskerna för "
         "gravida,\n* att Socialstyrelsen uppdras ta fram ett kunskapsstöd,\n* att Skatteverket uppdras att följa upp "
         "premien.\n",
         {("Arbetsmiljöverket", "granska riskerna för gravida"), ("Socialstyrelsen", "ta fram ett kunskapsstöd"),
          ("Skatteverket", "följa upp premien")}),
    case("a_task_a_paper_says_a_body_should_be_given_but_not_its_advice",
         "# Skrivelse om kyrkstäderna\n\nRegeringen överlämnar denna skrivelse till riksdagen. För att värna "
         "kyrkstadstraditionen bör Riksantikvarieämbetet ges i uppdrag att genomföra en satsning på information. Boverket "
         "bör få i uppdrag att se över reglerna. Socialstyrelsen bör ta fram en vägledning.\n",
         {("Riksantikvarieämbetet", "genomföra en satsning på information"), ("Boverket", "se över reglerna")}),
    case("a_duty_proposed_for_a_body_by_its_noun_and_the_work_bodies_do_named_by_them",
         "# Proposition om blodsäkerhet\n\nRegeringen överlämnar denna proposition. Vidare föreslås en skyldighet för "
         "Socialstyrelsen att, snarast efter en allvarlig biverkan, informera berörda. Det finns en rätt för den enskilde "
         "att överklaga.\n\n- Statens folkhälsoinstituts (FHI) och Läkemedelsverkets arbete med att utreda nya droger ska "
         "effektiviseras.\n- Regeringens arbete med att reformera skolan fortsätter.\n",
         {("Socialstyrelsen", "snarast efter en allvarlig biverkan, informera berörda"),
          ("Statens folkhälsoinstitut", "utreda nya droger ska effektiviseras"),
          ("Läkemedelsverket", "utreda nya droger ska effektiviseras")}),
    case("a_counted_group_stands_for_the_bodies_last_named_in_a_row",
         "# Ökad attraktionskraft\n\nUtredningen föreslår:\n\n* En plattform som leds av två myndigheter (Vetenskapsrådet "
         "och Statens energimyndighet).\n* De två ovan nämnda myndigheterna får i uppdrag att stödja internationaliseringen.\n"
         "* De tre myndigheterna ska samverka.\n",
         {("Vetenskapsrådet", "stödja internationaliseringen"), ("Statens energimyndighet", "stödja internationaliseringen")}),
    case("what_a_government_decision_permits_a_body_to_do",
         "# Fastställelse av nationell plan för transportinfrastrukturen\n\nRegeringen fastställer planen. Regeringen "
         "beslutar vidare att Trafikverket får byggstarta de åtgärder som anges i bilaga 3 och att myndigheten får "
         "förbereda de åtgärder som anges i bilaga 4.\n",
         {("Trafikverket", "får byggstarta de åtgärder som anges i bilaga 3"),
          ("Trafikverket", "får förbereda de åtgärder som anges i bilaga 4")}),
    case("what_a_rule_means_for_a_body_and_the_state_acting_through_an_agency",
         "# Asylmottagandet\n\nBestämmelserna innebär att staten, genom Migrationsverket, har huvudansvaret för mottagande "
         "av asylsökande. Förslaget innebär att Skatteverket ansvarar för det nya registret över fastigheter.\n",
         {("Migrationsverket", "mottagande av asylsökande"), ("Skatteverket", "det nya registret över fastigheter")}),
    case("the_remit_of_the_inquiry_a_report_speaks_for",
         "# Granskning av metoden\n\nDelbetänkande av Utredningen om medicinsk åldersbedömning.\n\n## Uppdraget\n\n"
         "Uppdraget för utredningen har varit att granska den metod som tillämpas av Rättsmedicinalverket. Utredningen har "
         "även i uppdrag att se till att en eller flera forskningsstudier genomförs.\n",
         Has(("Utredningen om medicinsk åldersbedömning", "granska den metod som tillämpas av Rättsmedicinalverket"),
             ("Utredningen om medicinsk åldersbedömning", "se till att en eller flera forskningsstudier genomförs"))),
    case("a_pronoun_after_a_group_named_in_words_is_read_without_failing",
         "# Sfi-bonus\n\nI promemorian föreslås en bonus. Kommunerna ska besluta om och betala ut sfi-bonus. De ska "
         "också informera nyanlända invandrare om villkoren.\n",
         Has(("Kommunerna", "besluta om och betala ut sfi-bonus"))),
    case("the_duties_of_an_inquiry_a_directive_sets_up_without_a_name",
         "# Kommittédirektiv\n\nEn bättre hamnstrategi\n\nDir. 2027:12\n\nBeslut vid regeringssammanträde den 3 mars "
         "2027\n\nSammanfattning\n\nEn särskild utredare ska se över hur hamnarnas kapacitet kan öka. Utredaren ska bl.a.\n\n"
         "* analysera behovet av nya kajer,\n* föreslå hur tillstånden kan förenklas.\n\nVidare ska utredaren samråda med "
         "Trafikverket. Utredaren ska, om det bedöms lämpligt, lämna förslag på ändrade regler.\n",
         Has(("En särskild utredare", "se över hur hamnarnas kapacitet kan öka"),
             ("Utredaren", "analysera behovet av nya kajer"),
             ("Utredaren", "föreslå hur tillstånden kan förenklas"),
             ("Utredaren", "samråda med Trafikverket"),
             ("Utredaren", "om det bedöms lämpligt, lämna förslag på ändrade regler"))),
    # a directive's remit told as what it holds, or as the inquiry's task, with no sentence that names the inquiry
    # before the list: each item is the inquiry's duty, under the words its first duty calls it by
    case("the_remit_a_directive_lists_without_naming_the_inquiry",
         "# Kommittédirektiv\n\nÖversyn av tillsynen över hamnarna\n\nDir. 2027:16\n\nEn särskild utredare ska göra en "
         "översyn av tillsynen över hamnarna.\n\nI uppdraget ingår att:\n\n- kartlägga hur tillsynen bedrivs i dag,\n- "
         "analysera vilka förutsättningar som finns för samordning, samt\n- lämna de författningsförslag som behövs.\n\n"
         "Uppdraget ska redovisas senast den 1 juni 2028.\n",
         Has(("En särskild utredare", "kartlägga hur tillsynen bedrivs i dag"),
             ("En särskild utredare", "analysera vilka förutsättningar som finns för samordning"),
             ("En särskild utredare", "lämna de författningsförslag som behövs"))),
    case("the_main_tasks_of_an_inquirer_listed",
         "# Kommittédirektiv\n\nÖversyn av statsskuldspolitiken\n\nDir. 2027:17\n\nEn särskild utredare ska utreda "
         "frågor som rör statsskulden. Utredarens huvuduppgifter är att\n\n* belysa samspelet mellan statsskulden och "
         "den finansiella stabiliteten,\n* analysera behovet av en buffert.\n\nUppdraget ska redovisas senast den 15 "
         "januari 2028.\n",
         Has(("En särskild utredare", "belysa samspelet mellan statsskulden och den finansiella stabiliteten"),
             ("En särskild utredare", "analysera behovet av en buffert"))),
    # ... also where the directive only appoints it ("tillkallas för att"): the words the assignment gives it
    case("the_remit_of_an_inquiry_that_is_only_appointed",
         "# Kommittédirektiv\n\nEn översyn av narkotikalagstiftningen\n\nDir. 2027:19\n\nEn särskild utredare "
         "tillkallas för att göra en översyn av narkotikalagstiftningen.\n\nI uppdraget ingår bl.a. att:\n\n- analysera hur "
         "regelsystemen förhåller sig till varandra,\n- lämna förslag på författningsändringar.\n",
         Has(("En särskild utredare", "analysera hur regelsystemen förhåller sig till varandra"),
             ("En särskild utredare", "lämna förslag på författningsändringar"))),
    # a committee's report that names no committee: its own remit, listed, under the words it calls itself by
    case("the_listed_remit_of_a_report_that_names_no_committee",
         "# Olika vägar till föräldraskap\n\n## Uppdraget\n\nUtredningens övergripande uppdrag har varit att överväga "
         "olika sätt att utöka möjligheterna för ofrivilligt barnlösa.\n\nI uppdraget har ingått att\n\n* lämna förslag "
         "som ger ensamstående en möjlighet till assisterad befruktning,\n* ta ställning till om surrogatmoderskap ska "
         "tillåtas.\n",
         Has(("Utredningen", "lämna förslag som ger ensamstående en möjlighet till assisterad befruktning"),
             ("Utredningen", "ta ställning till om surrogatmoderskap ska tillåtas"))),
    # the remit told with "i huvudsak" or "getts" before the charge
    case("a_committees_remit_told_mainly_or_as_given",
         "# Renskötselns marker\n\nBetänkande av Renmarkskommittén.\n\nKommittén har getts i uppdrag att i ett "
         "delbetänkande\n\n* bedöma rätten till upplåtelser av jakt,\n* lämna förslag till en tillfällig reglering.\n\n"
         "Utredningen om skyddet mot människohandel har i det sammanhanget i huvudsak haft i uppdrag att\n\n* se över "
         "straffskalorna för koppleri.\n",
         Has(("Renmarkskommittén", "i ett delbetänkande bedöma rätten till upplåtelser av jakt"),
             ("Renmarkskommittén", "i ett delbetänkande lämna förslag till en tillfällig reglering"))),
    # "Utredaren ska:" with nothing but the colon before its list
    case("an_inquirers_list_after_a_bare_colon",
         "# Kommittédirektiv\n\nBättre tolkning\n\nDir. 2027:18\n\nEn särskild utredare ska se över tolkningen. "
         "Utredaren ska:\n\n* kartlägga behovet av tolkar,\n* föreslå hur utbildningen kan stärkas.\n",
         Has(("Utredaren", "kartlägga behovet av tolkar"), ("Utredaren", "föreslå hur utbildningen kan stärkas"))),
    # the principals of a national reform first in a row: the named body keeps its duty
    case("the_principals_first_in_a_row_of_a_state_paper",
         "# Hårdare regler för nikotinprodukter\n\nBetänkande av Utredningen om tobaksfrågor.\n\nUtredningen föreslår "
         "nya regler. Kommunerna och Polismyndigheten ska utöva tillsyn över handeln.\n",
         Has(("Polismyndigheten", "utöva tillsyn över handeln"))),
    # ... also when the directive gives it the charge ("ges i uppdrag att", "får därför i uppdrag att")
    case("the_charge_a_directive_gives_an_inquiry_it_sets_up",
         "# Kommittédirektiv\n\nStärkt skydd för valen\n\nDir. 2027:14\n\nValen ska vara säkra. En parlamentariskt "
         "sammansatt kommitté får därför i uppdrag att göra en översyn av valsystemet. Kommittén ska bl.a. utvärdera "
         "reformen med avskärmningar.\n\nUppdraget ska redovisas senast den 15 oktober 2028.\n",
         Has(("Kommittén", "göra en översyn av valsystemet"), ("Kommittén", "utvärdera reformen med avskärmningar"))),
    case("the_charge_a_directive_gives_a_special_inquirer",
         "# Kommittédirektiv\n\nEn samordnad tillsyn\n\nDir. 2027:15\n\nEn särskild utredare ges i uppdrag att "
         "analysera hur tillsynen över hamnarna kan samordnas. Utredaren ska lämna nödvändiga författningsförslag.\n",
         Has(("En särskild utredare", "analysera hur tillsynen över hamnarna kan samordnas"))),
    # a directive's report due on the remit (or on a part of it) is the inquiry's duty; a passive subject of a later
    # sentence ("Möjligheterna … ska särskilt belysas") is not whom the directive charges, and an item that names
    # the inquiry again gives its task without the name
    case("the_report_due_of_a_directive_is_its_inquirys_and_a_passive_subject_no_body",
         "# Ett nationellt biljettsystem\n\nEn särskild utredare ska utreda vad som krävs för att införa ett nationellt "
         "biljettsystem.\n\nUtredaren ska bland annat:\n\n* Analysera vilka hinder som finns.\n* Utredaren ska "
         "genomgående ha ett jämställdhetsperspektiv i analysen.\n* Föreslå en tidsplan. Möjligheterna att integrera "
         "mobilitet som en tjänst ska särskilt belysas i förslaget.\n\nUtredaren kan även föreslå standardisering."
         "\n\nUppdraget ska, i de delar som gäller biljettpriser, redovisas senast den 15 oktober 2020. I övriga delar "
         "ska uppdraget redovisas senast den 1 maj 2021.\n",
         All(Has(("En särskild utredare", "redovisa uppdraget i de delar som gäller biljettpriser senast den 15 oktober 2020"),
                 ("En särskild utredare", "redovisa uppdraget i övriga delar senast den 1 maj 2021"),
                 ("Utredaren", "Föreslå en tidsplan"),
                 ("Utredaren", "genomgående ha ett jämställdhetsperspektiv i analysen")),
             Lacks(("Möjligheterna att integrera mobilitet som en tjänst", "Föreslå en tidsplan"),
                   ("Utredaren", "Utredaren ska genomgående ha ett jämställdhetsperspektiv i analysen")))),
    case("the_report_due_of_a_supplementary_directive_is_the_named_committees",
         "# Tilläggsdirektiv till LSS-kommittén (S 2004:06)\n\nDir. 2007:109\n\nRegeringen beslutade den 3 mars 2005 "
         "att tillkalla en kommitté med uppdrag att följa tillämpningen av LSS. Kommittén har antagit namnet "
         "LSS-kommittén.\n\nLSS-kommittén ska nu även analysera kostnaderna för assistansersättningen. Den del av "
         "uppdraget som rör kostnaderna ska redovisas i ett delbetänkande senast den 1 oktober 2007. "
         "Tilläggsuppdraget i övrigt ska redovisas senast den 1 december 2007.\n",
         Has(("LSS-kommittén", "redovisa den del av uppdraget som rör kostnaderna i ett delbetänkande senast den 1 oktober 2007"),
             ("LSS-kommittén", "redovisa tilläggsuppdraget i övrigt senast den 1 december 2007"))),
    # a committee's report tells its remit or a part of it without naming the committee; the committee's whole name on
    # the cover holds a word its name pattern stops at elsewhere ("enligt")
    case("the_parts_of_a_committees_remit_told_without_the_committee",
         "# Stärkt konstitutionell beredskap\n\nBetänkande av Kommittén om beredskap enligt regeringsformen.\n\n"
         "Kommittén om beredskap enligt regeringsformen är en parlamentariskt sammansatt kommitté som har haft i uppdrag "
         "att utreda fyra grundlagsfrågor. Uppdraget har varit att bedöma om sammanträdesorten bör specificeras.\n\n"
         "Det andra deluppdraget har varit att se över bestämmelserna om riksdagens krigsdelegation.\n\nKommitténs "
         "tredje deluppdrag har gått ut på att överväga om tillämpningsområdet är ändamålsenligt utformat.\n",
         All(Has(("Kommittén om beredskap enligt regeringsformen", "bedöma om sammanträdesorten bör specificeras"),
                 ("Kommittén om beredskap enligt regeringsformen", "se över bestämmelserna om riksdagens krigsdelegation"),
                 ("Kommittén om beredskap enligt regeringsformen", "överväga om tillämpningsområdet är ändamålsenligt utformat")),
             Lacks(("Kommittén om beredskap", "utreda fyra grundlagsfrågor")))),
    # what a tilläggsdirektiv adds to is no part of the task
    case("what_a_supplementary_directive_adds_to_is_no_part_of_the_task",
         "# Tilläggsdirektiv till Kommittén om kriminalisering av förnekande av Förintelsen (Ju 2021:13)\n\nDir. 2022:55"
         "\n\nKommittén ska utöver vad som framgår av redan beslutade kommittédirektiv (dir. 2021:87) ta ställning till om "
         "straffansvaret bör utvidgas.\n",
         Has(("Kommittén om kriminalisering av förnekande av Förintelsen", "ta ställning till om straffansvaret bör utvidgas"))),
    case("the_inquiry_the_government_charges_in_the_opening_sentence",
         "# Översyn av personlig assistans\n\nDir. 2020:3\n\nRegeringen uppdrar åt en särskild utredare att se över "
         "frågor inom personlig assistans. Utredaren ska bland annat\n\n* analysera hur assistansen kan utformas.\n",
         Has(("En särskild utredare", "se över frågor inom personlig assistans"),
             ("Utredaren", "analysera hur assistansen kan utformas"))),
    # "myndigheterna" are the agencies its own sentence names before it, not the assignees of an assignment told later
    case("the_agencies_a_sentence_names_before_myndigheterna_are_they",
         "# Konsumentskydd på finansmarknaden\n\nSkr. 2012/13:91\n\nRegeringen har i Finansinspektionens och "
         "Konsumentverkets regleringsbrev infört ett krav som innebär att myndigheterna ska samverka med varandra. "
         "Regeringen har gett Boverket och Lantmäteriet i uppdrag att utreda frågan.\n",
         All(Has(("Finansinspektionen", "samverka med varandra"), ("Konsumentverket", "samverka med varandra")),
             Lacks(("Boverket", "samverka med varandra"), ("Lantmäteriet", "samverka med varandra")))),
    case("a_directives_long_sentence_of_tasks_gives_each_task",
         "# Kommittédirektiv\n\nEn ny ordning för tolkar\n\nDir. 2027:14\n\nBeslut vid regeringssammanträde den 3 mars "
         "2027\n\nEn särskild utredare ska se över hur tolkar auktoriseras. Utredaren ska bland annat föreslå en ordning "
         "för auktorisation av tolkar i de språk som i dag saknar en sådan och som efterfrågas av domstolar, myndigheter "
         "och regioner i deras verksamhet, undersöka förutsättningarna för universitet och högskolor att medverka i "
         "tolkutbildningen i en sådan omfattning att behovet av tolkar i hela landet kan tillgodoses på sikt, ta ställning "
         "till om kraven för auktorisation behöver ändras och, om så är fallet, föreslå nya eller ändrade krav, och lämna "
         "nödvändiga författningsförslag.\n",
         Has(("Utredaren", "lämna nödvändiga författningsförslag"),
             ("Utredaren", "ta ställning till om kraven för auktorisation behöver ändras och, om så är fallet, föreslå nya "
                           "eller ändrade krav"))),
    case("a_committee_report_tells_its_remit_in_the_past_as_the_duties_of_the_committee_it_is",
         "# Bättre hamnar\n\nSOU 2027:40\n\nBetänkande av Hamnutredningen\n\nUtredaren skulle bland annat:\n\n"
         "* analysera behovet av nya kajer,\n* föreslå hur tillstånden kan förenklas.\n\nUtredningen hade också i uppdrag "
         "att överväga en ny avgift. Genom ett tilläggsdirektiv fick utredningen också i uppdrag att utreda "
         "lotsningen.\n",
         Has(("Hamnutredningen", "analysera behovet av nya kajer"),
             ("Hamnutredningen", "föreslå hur tillstånden kan förenklas"),
             ("Hamnutredningen", "överväga en ny avgift"),
             ("Hamnutredningen", "utreda lotsningen"))),
    # the frame a list's lead gives its items is no task of its own
    case("the_frame_before_a_list_of_tasks_is_no_task",
         "# Uppdrag att stärka det civila försvaret\n\nRegeringen uppdrar åt Kustbevakningen och Polismyndigheten att "
         "stärka förmågan inom det civila försvaret.\n\nMyndigheterna ska inom givna ekonomiska ramar:\n\n"
         "- identifiera brister i beredskapen,\n- samverka med andra aktörer.\n\nKustbevakningen ska utifrån sina "
         "uppgifter och mandat:\n\n- öva med Tullverket.\n",
         All(Has(("Kustbevakningen", "identifiera brister i beredskapen"), ("Polismyndigheten", "samverka med andra aktörer"),
                 ("Kustbevakningen", "öva med Tullverket")),
             Lacks(("Kustbevakningen", "inom givna ekonomiska ramar"), ("Polismyndigheten", "inom givna ekonomiska ramar"),
                   ("Kustbevakningen", "utifrån sina uppgifter och mandat")))),
    # "I detta ingår att …" after one body's task is part of that task, not of every assignee's
    case("what_a_task_of_one_body_includes_is_that_bodys",
         "# Uppdrag angående försöksverksamhet med miljöpremie\n\nRegeringen uppdrar åt Läkemedelsverket och "
         "E-hälsomyndigheten att genomföra en försöksverksamhet med en miljöpremie.\n\n## Läkemedelsverket ska bland "
         "annat\n\n- utarbeta en modell för miljöbedömning av läkemedel. I detta ingår att ta fram kriterier för "
         "miljöbedömning.\n\n## E-hälsomyndigheten ska bland annat\n\n- utarbeta ett system för utbetalning av premien.\n",
         All(Has(("Läkemedelsverket", "ta fram kriterier för miljöbedömning")),
             Lacks(("E-hälsomyndigheten", "ta fram kriterier för miljöbedömning")))),
    # a charge that announces its bodies as a list after it gives the task to them, not to the body charged before
    case("the_bodies_a_charge_lists_after_it_are_the_ones_charged",
         "# Uppdrag att samordna arbetet med strategin för psykisk hälsa\n\nRegeringen uppdrar åt Folkhälsomyndigheten att "
         "samordna arbetet med strategin.\n\nRegeringen uppdrar åt följande myndigheter att medverka i arbetet:\n\n"
         "- Arbetsförmedlingen,\n- Boverket och\n- Trafikverket.\n",
         All(Has(("Arbetsförmedlingen", "medverka i arbetet"), ("Boverket", "medverka i arbetet"),
                 ("Trafikverket", "medverka i arbetet")),
             Lacks(("Folkhälsomyndigheten", "medverka i arbetet"), ("Boverket", "Boverket")))),
])
def test_duties_of_a_page(text, expected):
    assert_is(duties(text, **MARKDOWN), expected, "duties")


@pytest.mark.parametrize("text, body, task", [
    ("# Digitalisering\n\nEn viktig åtgärd är inrättandet av Myndigheten för digital förvaltning som har i uppgift att "
     "följa utvecklingen av förvaltningens digitalisering.\n", "Myndigheten för digital förvaltning",
     "följa utvecklingen av förvaltningens digitalisering"),
    ("# Makrotillsyn\n\nI promemorian föreslås att Finansinspektionens roll ska stärkas. Som ett led i detta tilldelas "
     "Finansinspektionen ansvaret för att fastställa buffertvärdet.\n", "Finansinspektionen", "fastställa buffertvärdet"),
    ("# Nato\n\nI instruktionen ingår även ett särskilt uppdrag för Försvarsmakten att löpande förhandla nödvändiga avtal.\n",
     "Försvarsmakten", "löpande förhandla nödvändiga avtal"),
    ("# Stöd\n\nArbetsförmedlingen har i regleringsbrevet för 2022 i uppdrag att öka den fysiska närvaron i landet.\n",
     "Arbetsförmedlingen", "öka den fysiska närvaron i landet"),
    ("# Folkbokföring\n\nI propositionen föreslås åtgärder. Skatteverket ska få möjlighet att avregistrera falska "
     "identiteter.\n", "Skatteverket", "avregistrera falska identiteter"),
    ("# Narkotika\n\nUtredningen föreslår flera ändringar. Folkhälsomyndigheten ges ett tydligt informationsansvar för "
     "arbetet med att förebygga missbruk.\n", "Folkhälsomyndigheten",
     "ett tydligt informationsansvar för arbetet med att förebygga missbruk"),
    # a responsibility said with its noun, with an aside, or as what a body becomes
    ("# Energi\n\nRegeringen överlämnar denna proposition. Statens energimyndighet har ansvaret att samordna insatserna.\n",
     "Statens energimyndighet", "samordna insatserna"),
    ("# Ackreditering\n\nRegeringen överlämnar denna proposition. Styrelsen för ackreditering och teknisk kontroll "
     "ansvarar, som nationellt organ, för ackreditering av laboratorier.\n",
     "Styrelsen för ackreditering och teknisk kontroll", "ackreditering av laboratorier"),
    ("# Tillsyn\n\nRegeringen överlämnar denna proposition. Boverket ansvarar enligt plan- och bygglagen (2010:900) för "
     "vägledningen om tillsyn.\n", "Boverket", "vägledningen om tillsyn"),
    ("# Strategi\n\nRegion Västernorrland ansvarar enligt lagen (2010:630) om regionalt utvecklingsansvar för att ta fram "
     "en strategi för länet.\n", "Region Västernorrland", "ta fram en strategi för länet"),
    ("# Statsstöd\n\nRegeringen överlämnar denna proposition. Tillväxtverket blir därmed ansvarigt för uppföljningen av "
     "stödet.\n", "Tillväxtverket", "uppföljningen av stödet"),
    # a responsibility a paper says a body should be given, or that a law it proposes gives
    ("# Hissar\n\nUtredningen föreslår en ny ordning. Boverket bör också få ansvaret för att samordna tillsynen av hissar.\n",
     "Boverket", "ansvaret för att samordna tillsynen av hissar"),
    ("# Hissar\n\nI propositionen föreslås en ny ordning. Elsäkerhetsverket föreslås få ett samlat ansvar för tillsynen "
     "av hissar.\n", "Elsäkerhetsverket", "ett samlat ansvar för tillsynen av hissar"),
    ("# Tjänstebostäder\n\nRegeringen föreslår en ny lag som ger Säkerhetspolisen ansvaret för bevakningen av "
     "tjänstebostäder.\n", "Säkerhetspolisen", "bevakningen av tjänstebostäder"),
    # a relative clause told of two bodies, and a committee's remit said of it by name
    ("# Läkemedel\n\nTLV ska genomföra uppdraget i nära dialog med Socialstyrelsen och Läkemedelsverket, som ska bidra "
     "med underlag och synpunkter.\n", "Socialstyrelsen", "bidra med underlag och synpunkter"),
    ("# Läkemedel\n\nTLV ska genomföra uppdraget i nära dialog med Socialstyrelsen och Läkemedelsverket, som ska bidra "
     "med underlag och synpunkter.\n", "Läkemedelsverket", "bidra med underlag och synpunkter"),
    # a task a proposal means to give: "ska få i uppdrag att"
    ("# Betyg\n\nSlutligen föreslås att Statens skolverk ska få i uppdrag att göra en förstudie om en betygsdatabas.\n",
     "Statens skolverk", "göra en förstudie om en betygsdatabas"),
    # what a proposal says a body is to do or may do, and one of a body's main tasks
    ("# Skydd\n\nI propositionen föreslås ändringar. Skatteverket föreslås ska lämna stöd till den som har skyddad "
     "folkbokföring.\n", "Skatteverket", "lämna stöd till den som har skyddad folkbokföring"),
    ("# Smittskydd\n\nI promemorian föreslås nya krav. Folkhälsomyndigheten föreslås få meddela ytterligare föreskrifter "
     "om smittskyddsåtgärder.\n", "Folkhälsomyndigheten", "meddela ytterligare föreskrifter om smittskyddsåtgärder"),
    ("# Penningtvätt\n\nEn av Finansinspektionens viktigaste uppgifter är att ta fram nationella riskbedömningar.\n",
     "Finansinspektionen", "ta fram nationella riskbedömningar"),
    ("# E-förvaltning\n\nE-delegationens uppdrag är att koordinera och driva på e-utvecklingen i offentlig sektor.\n",
     "E-delegationen", "koordinera och driva på e-utvecklingen i offentlig sektor"),
])
def test_a_task_put_on_a_body_in_passing_with_the_verb_first_or_in_the_letter_that_steers_it(text, body, task):
    assert (body, task) in duties(text, **MARKDOWN)


def test_what_a_body_can_do_is_no_duty_outside_a_proposal():
    text = ("# Verksamhetsplan för socialnämnden 2025\n\nSocialnämnden ska kunna erbjuda stöd dygnet runt.\n")
    ex = page(text)
    assert ex.responsibilities == []


def test_a_condition_opened_after_och_belongs_to_the_verb_after_its_comma():
    assert split_tasks("kartlägga behovet av nya avgifter och om sådana behov bedöms finnas, föreslå hur avgifterna "
                       "ska tas ut") == ["kartlägga behovet av nya avgifter och om sådana behov bedöms finnas, föreslå "
                                         "hur avgifterna ska tas ut"]
    # a condition with a verb of its own is a task of its own: the comma after it still cuts
    assert split_tasks("kartlägga stödet, analysera behovet och om det behövs föreslå ändringar, samt sprida kunskap") == [
        "kartlägga stödet", "analysera behovet och om det behövs föreslå ändringar", "sprida kunskap"]


def test_a_clause_set_off_by_commas_inside_a_task_cuts_nothing():
    assert split_tasks("kartlägga stödet, analysera om en resurs bör inrättas och, oavsett bedömning i sak, föreslå hur "
                       "den ska utformas samt bedöma om stödet ska utökas") == [
        "kartlägga stödet", "analysera om en resurs bör inrättas och, oavsett bedömning i sak, föreslå hur den ska utformas",
        "bedöma om stödet ska utökas"]
    assert split_tasks("kartlägga stödet, analysera behovet och, vid behov, lämna förslag") == [
        "kartlägga stödet", "analysera behovet och, vid behov, lämna förslag"]


def test_the_time_a_duty_opens_with_and_its_field_belong_to_it():
    text = ("# Uppdrag avseende moderna beredskapsjobb i staten\n\nRegeringen uppdrar åt Arbetsförmedlingen att etablera "
            "en organisation för moderna beredskapsjobb. Senast den 16 januari 2017 ska Arbetsförmedlingen redovisa "
            "hur myndigheten avser att genomföra uppdraget. Under perioden 2018–2020 ska Arbetsförmedlingen, i samband "
            "med respektive årsredovisning, redovisa hur arbetet fortskrider. Arbetsgivarverket svarar inom sitt "
            "ansvarsområde för sådan information som myndigheterna behöver.\n")
    ex = page(text)
    got = {(r.body, r.task) for r in ex.responsibilities}
    assert ("Arbetsförmedlingen", "senast den 16 januari 2017 redovisa hur myndigheten avser att genomföra uppdraget") in got
    assert ("Arbetsförmedlingen", "under perioden 2018–2020 i samband med respektive årsredovisning redovisa hur arbetet "
            "fortskrider") in got
    assert ("Arbetsgivarverket", "sådan information som myndigheterna behöver") in got


@pytest.mark.parametrize("opening, task", [
    ("Vid genomförandet av uppdraget", "samråda med Boverket"),
    ("I delrapporten", "redogöra för hur medlen har använts"),
    ("Om det behövs", "lämna förslag till ändrade föreskrifter"),
    ("Inom ramen för uppdraget", "kartlägga hur stödet når landsbygden"),
    ("Utifrån kartläggningen", "föreslå hur stödet kan förenklas"),
])
def test_what_a_sentence_opens_with_before_the_modal_and_its_body_belongs_to_the_task(opening, task):
    text = ("# Uppdrag till Tillväxtverket om stöd till företag\n\nRegeringen ger Tillväxtverket i uppdrag att följa upp "
            f"stödet till små företag. {opening} ska Tillväxtverket {task}.\n")
    assert ("Tillväxtverket", f"{opening[0].lower()}{opening[1:]} {task}") in duties(text, "uppdrag.md", "text/markdown")


def test_the_members_of_a_group_told_with_the_group_first_are_to_take_part_in_it():
    text = ("# Uppdrag att inrätta ett nationellt forum\n\nRegeringen uppdrar åt Myndigheten för samhällsskydd och "
            "beredskap (MSB) att inrätta ett nationellt forum för sprängämnessäkerhet. I det nationella forumet för "
            "sprängämnessäkerhet ska, förutom MSB, även Försvarsmakten och Tullverket ingå. I uppdraget ingår att "
            "samråda med Polismyndigheten.\n")
    ex = page(text)
    members = {r.body for r in ex.responsibilities if r.task == "ingå i det nationella forumet för sprängämnessäkerhet"}
    assert members == {"Myndigheten för samhällsskydd och beredskap", "Försvarsmakten", "Tullverket"}
    assert not any(r.task.startswith("ingå i uppdraget") for r in ex.responsibilities)


def test_a_row_of_tasks_after_a_partner_named_first_is_cut_but_not_a_task_inside_an_aim():
    assert split_tasks("i dialog med andra relevanta myndigheter, utreda hur ett forskningscentrum kan inrättas, utreda "
                       "förutsättningarna för en forskarskola samt utreda och föreslå en rimlig nivå") == [
        "i dialog med andra relevanta myndigheter, utreda hur ett forskningscentrum kan inrättas",
        "utreda förutsättningarna för en forskarskola", "utreda och föreslå en rimlig nivå"]
    assert split_tasks("gemensamt utarbeta incitament att, med utgångspunkt i en helhetssyn, förbättra produktionens "
                       "bidrag") == ["gemensamt utarbeta incitament att, med utgångspunkt i en helhetssyn, förbättra "
                                     "produktionens bidrag"]


def test_a_pronoun_first_in_its_sentence_is_the_body_the_sentence_before_gave_a_task():
    ex = page("# Uppdrag om testning\n\nRegeringen uppdrar åt Folkhälsomyndigheten att säkerställa flödet för testning. "
              "Den ska också se till att testningen är ändamålsenlig.\n\nRegeringen uppdrar åt Boverket och "
              "Konsumentverket att kartlägga hindren. Vidare ska de bygga upp en kunskapsbank om hinder.\n")
    got = {(r.body, r.task) for r in ex.responsibilities}
    assert ("Folkhälsomyndigheten", "se till att testningen är ändamålsenlig") in got
    assert {("Boverket", "bygga upp en kunskapsbank om hinder"),
            ("Konsumentverket", "bygga upp en kunskapsbank om hinder")} <= got


def test_a_pronoun_inside_a_clause_or_as_an_article_is_no_body():
    ex = page("# Uppdrag om bostäder\n\nRegeringen uppdrar åt Boverket att belysa hindren som hushållen möter när de ska "
              "etablera sig på bostadsmarknaden. Senast den 30 april ska den sammanställda statistiken redovisas.\n")
    assert [r.task for r in ex.responsibilities] == ["belysa hindren som hushållen möter när de ska etablera sig på bostadsmarknaden"]


def test_what_a_body_may_use_money_for_is_no_task_conferred():
    ex = page("# Uppdrag\n\nRegeringen uppdrar åt Vinnova att inrätta ett råd. Vidare får Vinnova för uppdraget att "
              "genomföra utlysningar använda högst 5 miljoner kronor.\n")
    assert all("utlysningar" not in r.task for r in ex.responsibilities)


def test_the_agent_of_a_passive_duty_after_an_adverb():
    ex = page("# Uppdrag om stöd till avhoppare\n\nRegeringen uppdrar åt Polismyndigheten att utveckla stödet. Arbetet ska "
              "fortsatt samordnas av Polismyndigheten.\n")
    assert ("Polismyndigheten", "samordna arbetet") in {(r.body, r.task) for r in ex.responsibilities}
    # a body the agent is to assist, named as it is written
    ex = page("# Uppdrag att ta fram en plan för vaccination\n\nRegeringen uppdrar åt Folkhälsomyndigheten att ta fram en "
              "plan. Folkhälsomyndigheten ska i arbetet bistås av Socialstyrelsen.\n")
    duties = {(r.body, r.task) for r in ex.responsibilities}
    assert ("Socialstyrelsen", "bistå Folkhälsomyndigheten i arbetet") in duties
    assert not any(b == "Folkhälsomyndigheten" and "bistås" in t for b, t in duties)


def test_an_assignment_given_to_a_group_its_members_in_brackets_and_a_task_after_an_inserted_clause():
    ex = page("# Uppdrag att inrätta pilotprojekt\n\nRegeringen ger Kommerskollegium i uppdrag att inrätta ett råd. Vidare ger "
              "regeringen i uppdrag åt de tre myndigheter som ingår i samverkan mot brottslighet (Polismyndigheten, "
              "Arbetsförmedlingen och Ekobrottsmyndigheten) att inrätta pilotprojekt mot näringsverksamhet. "
              "Myndigheten för ungdoms- och civilsamhällesfrågor får i uppdrag att, i samverkan med Folkhälsomyndigheten, "
              "utveckla informationsinsatserna.\n")
    got = {(r.body, r.task) for r in ex.responsibilities}
    assert {(b, "inrätta pilotprojekt mot näringsverksamhet")
            for b in ("Polismyndigheten", "Arbetsförmedlingen", "Ekobrottsmyndigheten")} <= got
    assert ("Kommerskollegium", "inrätta pilotprojekt mot näringsverksamhet") not in got
    assert ("Myndigheten för ungdoms- och civilsamhällesfrågor",
            "i samverkan med Folkhälsomyndigheten, utveckla informationsinsatserna") in got


def test_a_sentence_that_runs_on_into_its_list_gives_each_item_with_its_opening_words():
    ex = page("# Uppdrag att bedöma försörjningsbehov\n\nRegeringen uppdrar åt Statens jordbruksverk att bedöma "
              "nationella försörjningsbehov.\n\nI uppdraget ingår vidare att kartlägga och översiktligt bedöma behoven "
              "av\n\n* handelsflöden för strategiskt viktiga varor,\n* lagerhållning av djurläkemedel.\n\n"
              "Uppdraget innebär att Jordbruksverket ska\n\n* analysera importen,\n* föreslå åtgärder.\n")
    tasks = [r.task for r in ex.responsibilities if r.body == "Statens jordbruksverk"]
    assert "kartlägga och översiktligt bedöma behoven av handelsflöden för strategiskt viktiga varor" in tasks
    assert "kartlägga och översiktligt bedöma behoven av lagerhållning av djurläkemedel" in tasks
    assert "analysera importen" in tasks and not any("ska" in t.split() for t in tasks)
    assert not any(t.startswith("kartlägga") for a in ex.assignments for t in a.tasks if t.endswith("behoven av"))
    [a] = ex.assignments
    assert "kartlägga och översiktligt bedöma behoven av handelsflöden för strategiskt viktiga varor" in a.tasks


def test_an_unnamed_committee_that_tells_its_remit_before_another_committee_is_cited():
    ex = page("# Sanktionsväxling\n\nKommittén har som övergripande uppdrag att göra en översyn av exportkontrollen av "
              "krigsmateriel. Kommittén har valt att redovisa frågan i detta delbetänkande.\n\nKommittén har beaktat vad "
              "Straffrättsanvändningsutredningen (SOU 2013:38) anfört.\n")
    assert ex.document.author == "Kommittén"
    assert ("Kommittén", "göra en översyn av exportkontrollen av krigsmateriel") in \
        {(r.body, r.task) for r in ex.responsibilities}


def test_the_agencies_of_a_decision_are_its_assignee_and_the_partners_it_is_to_work_with():
    text = ("# Uppdrag om vägledning för buller\n\n"
            "Regeringen uppdrar åt Naturvårdsverket att tillsammans med Boverket och Trafikverket ta fram en "
            "vägledning om buller. Myndigheterna ska även ge stöd till kommunerna i arbetet med vägledningen.\n\n"
            "Uppdraget ska redovisas till Klimat- och näringslivsdepartementet senast den 1 oktober 2026.\n")
    got = duties(text, **MARKDOWN)
    for body in ("Naturvårdsverket", "Boverket", "Trafikverket"):
        assert (body, "ge stöd till kommunerna i arbetet med vägledningen") in got
    # the report is the assignee's alone
    assert {b for b, t in got if t.startswith("redovisa")} <= {"Naturvårdsverket"}


@pytest.mark.parametrize("text, body, task", [
    ("I propositionen föreslås att uppgiften att fördela bidrag till idrottsföreningar delegeras till "
     "Riksidrottsförbundet från och med bidragsåret 2027.",
     "Riksidrottsförbundet", "fördela bidrag till idrottsföreningar från och med bidragsåret 2027"),
    ("Utredningen föreslår att ansvaret för att utreda bidragsbrott flyttas från Försäkringskassan till "
     "Ekobrottsmyndigheten.", "Ekobrottsmyndigheten", "ansvaret för att utreda bidragsbrott"),
    ("Regeringen bör därför vidaredelegera ansvaret för de närmare föreskrifterna om ordningsbot till "
     "Åklagarmyndigheten.", "Åklagarmyndigheten", "ansvaret för de närmare föreskrifterna om ordningsbot"),
    # where a responsibility is to lie
    ("Utredningen föreslår att ansvaret för uppföljningen av reformen bör ligga på Statskontoret.",
     "Statskontoret", "ansvaret för uppföljningen av reformen"),
    ("Huvudansvaret för tillsynen över lotterierna ska vila på Länsstyrelsen i Dalarnas län.",
     "Länsstyrelsen i Dalarnas län", "huvudansvaret för tillsynen över lotterierna"),
    ("Uppgiften att samordna det regionala arbetet ska ligga hos Tillväxtverket.",
     "Tillväxtverket", "samordna det regionala arbetet"),
])
def test_a_task_or_a_responsibility_handed_to_a_body(text, body, task):
    got = duties(text)
    assert (body, task) in got
    assert not any(b == "Försäkringskassan" for b, _ in got)      # the body it is taken from keeps nothing


def test_an_unnamed_inquiry_set_up_by_the_government_and_told_its_duties_after_opening_words():
    text = ("# Kommittédirektiv\n\nSjukersättningen\n\nDir. 2027:13\n\nRegeringen tillsätter en utredare som ska analysera "
            "beräkningen av sjukersättningen. I en första etapp ska utredaren kartlägga dagens regler. Om utredaren "
            "finner brister, ska utredaren lämna förslag till ändrade regler.\n")
    got = duties(text, **MARKDOWN)
    assert {("En utredare", "analysera beräkningen av sjukersättningen"),
            ("Utredaren", "kartlägga dagens regler"),
            ("Utredaren", "lämna förslag till ändrade regler")} <= {(b[:1].upper() + b[1:], t) for b, t in got}


def test_a_task_to_be_handed_over_named_by_its_noun():
    got = duties("Utredningen föreslår att administrationen av bilstödet ska överföras till Trafikverket.")
    assert ("Trafikverket", "administrationen av bilstödet") in got


# pages and papers read under their file names
@pytest.mark.parametrize("name, text, expected", [
    case("one_word_is_a_task_when_it_names_a_field_of_work",
         "riktlinjer.txt",
         "Riktlinjer för krisberedskap\n\nKommunstyrelsen ansvarar för krisberedskapen. "
         "Räddningsnämnden har ansvar för detta.\n",
         {"responsibilities: body, task": [("Kommunstyrelsen", "krisberedskapen")]}),
    case("the_head_of_a_name_just_given_stands_for_the_body",
         "page.md",
         "# Uppdrag till Naturvårdsverket att kartlägga mikroplaster\n\nRegeringen uppdrar åt "
         "Naturvårdsverket att kartlägga förekomsten av mikroplaster i sjöar. Verket ska även föreslå "
         "åtgärder. Samtidigt som Naturvårdsverket redovisar uppdraget ska verket publicera underlaget.\n",
         {"responsibilities: body, task": [
              ("Naturvårdsverket", "kartlägga förekomsten av mikroplaster i sjöar"), ("Naturvårdsverket", "föreslå åtgärder"),
              ("Naturvårdsverket", "publicera underlaget")]}),
    case("an_agency_told_in_the_present_whom_it_talks_with_is_a_duty_and_a_samrad",
         "page.md",
         "# Uppdrag att kartlägga tillsynen\n\nRegeringen uppdrar åt Livsmedelsverket att kartlägga tillsynen "
         "av dricksvatten.\n\nLivsmedelsverket samtalar med Havs- och vattenmyndigheten och länsstyrelserna.\n",
         {"responsibilities: body, task": Has(("Livsmedelsverket",
                                               "samtalar med Havs- och vattenmyndigheten och länsstyrelserna")),
          "consultations: kind, organizer": [("samråd", "Livsmedelsverket")]}),
    case("what_a_ministry_answers_for_and_an_adverb_after_ansvarar",
         "page.md",
         "# Regeringskansliets organisation\n\nKulturdepartementet ansvarar för frågor om kultur och medier. "
         "Departementet ansvarar också för idrottspolitiken. Regeringen ska återkomma i frågan.\n",
         {"responsibilities: body, task": [("Kulturdepartementet", "frågor om kultur och medier"),
                                           ("Kulturdepartementet", "idrottspolitiken")]}),
    case("proposals_listed_each_with_att_before_the_body",
         "page.md",
         "# Ett bättre register\n\nUtredningen om register har sett över frågan.\n\nUtredningen föreslår "
         "bland annat:\n\n* att Skatteverket ska få i uppdrag att ta fram en e-tjänst,\n"
         "* att det ska införas ett nytt register.\n",
         {"responsibilities: body, task": [("Skatteverket", "ta fram en e-tjänst")]}),
    case("a_task_given_impersonally_or_with_the_assignment_first",
         "page.md",
         "# Förslag om bostäder\n\nI propositionen föreslås nya regler. Det uppdras åt Boverket att ta fram "
         "vägledning om byggregler. Uppdraget att samordna arbetet ges till Tillväxtverket.\n",
         {"responsibilities: body, task": [("Boverket", "ta fram vägledning om byggregler"),
                                           ("Tillväxtverket", "samordna arbetet")]}),
    case("a_commission_of_the_countrys_own_is_not_the_eu_commission",
         "page.md",
         "# Kommissionen mot antiziganism\n\nKommissionen mot antiziganism ska enligt EU:s ramverk lämna "
         "förslag. Kommissionen ska redovisa arbetet.\n",
         {"bodies: label": Lacks("Europeiska kommissionen")}),
    case("a_duty_in_a_clause_after_comma_men",
         "uppdrag.md",
         "# Uppdrag om ett program\n\nPlaneringen ska göras i samarbete mellan myndigheterna, men Formas ska "
         "ansvara för att samordna arbetet.\n",
         {"responsibilities: body, task": Has(("Forskningsrådet för miljö, areella näringar och samhällsbyggande",
                                               "ansvara för att samordna arbetet"))}),
])
def test_duties_of_a_paper(name, text, expected):
    assert_read(text, expected, name)


def test_a_name_with_a_coordinated_hyphen_before_its_abbreviation_and_a_commission_not_run_into_and():
    _, ex, _ = extract_text("# Uppföljning\n\nCentralförbundet för alkohol- och narkotikaupplysning (CAN) ska medverka i "
                            "uppföljningen. Kommissionen mot antiziganism och Länsstyrelserna ska informeras.\n", name="page.md")
    labels = {b.label: b.alt_labels for b in ex.bodies}
    assert labels["Centralförbundet för alkohol- och narkotikaupplysning"] == {"CAN"}
    assert "Kommissionen mot antiziganism" in labels and not any(l.endswith(" och") for l in labels)
    assert [(r.body, r.task) for r in ex.responsibilities][:1] == [
        ("Centralförbundet för alkohol- och narkotikaupplysning", "medverka i uppföljningen")]


def test_the_riksdags_committees_and_the_eu_commission_by_its_short_name():
    _, ex, _ = extract_text("# Svenskt deltagande\n\nRegeringen avser att samråda med riksdagens utrikesutskott. Enligt EU:s "
                            "regler förutsätts att kommissionen antar rättsakter.\n", name="page.md")
    labels = {b.label: b.alt_labels for b in ex.bodies}
    assert "riksdagens utrikesutskott" in labels["Utrikesutskottet"]
    assert "kommissionen" in labels["Europeiska kommissionen"]


def test_the_eu_commission_by_its_short_name_where_only_a_commission_document_number_shows_the_eu():
    _, ex, _ = extract_text("# Krisstöd\n\nStödet följer kommissionens meddelande C(2022) 1890 om statsstöd.\n", name="page.md")
    labels = {b.label: b.alt_labels for b in ex.bodies}
    assert "kommissionen" in labels["Europeiska kommissionen"]


@pytest.mark.parametrize("sentence, label", [
    ("Ärendet har behandlats av riksdagens socialutskott.", "Socialutskottet"),
    ("Regeringen har samrått med Riksdagens EU-nämnd.", "EU-nämnden"),
    ("Internationella brottmålsdomstolen har utfärdat en arresteringsorder.", "Internationella brottmålsdomstolen"),
    ("Europeiska läkemedelsmyndigheten har godkänt läkemedlet.", "Europeiska läkemedelsmyndigheten"),
    ("AP-fonderna förvaltar buffertkapitalet.", "AP-fonderna"),
    ("Svensk Handel och Fastighetsägarna har yttrat sig över förslaget.", "Fastighetsägarna Sverige"),
    ("Remissinstanser: Sveriges Åkeriföretag, Svensk Sjöfart och Skogsindustrierna.", "Svensk Sjöfart"),
    ("Yttranden har kommit från Roks och Unizon.", "Riksorganisationen för kvinnojourer och tjejjourer i Sverige"),
    ("Yttranden har kommit från Roks och Unizon.", "Unizon"),
    ("Sveriges förenade studentkårer har yttrat sig.", "Sveriges förenade studentkårer"),
    ("Svenska institutet för standarder har yttrat sig.", "Svenska institutet för standarder"),
    ("Remissinstanser: Bris, Handikappförbunden och Svenskt Friluftsliv.", "Barnens rätt i samhället"),
    ("Remissinstanser: Bris, Handikappförbunden och Svenskt Friluftsliv.", "Handikappförbunden"),
    ("Svenska Naturskyddsföreningen och Världsnaturfonden har yttrat sig.", "Naturskyddsföreningen"),
    ("Svenska Naturskyddsföreningen och Världsnaturfonden har yttrat sig.", "Världsnaturfonden WWF"),
    ("Kapitalet förvaltas av Industrifonden och Svensk Exportkredit.", "AB Svensk Exportkredit"),
    ("Seko och HSB har inte yttrat sig.", "Seko"),
    ("Ärendet har överlämnats till riksåklagaren och Finanspolisen.", "Riksåklagaren"),
    ("Ärendet har överlämnats till riksåklagaren och Finanspolisen.", "Finanspolisen"),
])
def test_the_register_knows_the_riksdags_committees_eu_agencies_and_the_ap_funds(sentence, label):
    _, ex, _ = extract_text(f"# Skrivelse\n\n{sentence}\n", name="page.md")
    assert label in {b.label for b in ex.bodies}


def test_the_longer_name_a_text_gives_a_registered_body_is_kept_as_its_alias():
    _, ex, _ = extract_text("# Remiss\n\nRemissinstanser: Riksförbundet BRIS och Rädda Barnen.\n", name="page.md")
    assert {b.label: b.alt_labels for b in ex.bodies}["Barnens rätt i samhället"] == {"Riksförbundet BRIS"}


def test_a_standards_body_named_after_an_agency_is_not_that_agency():
    _, ex, _ = extract_text("# Skrivelse\n\nSvenska institutet för standarder har yttrat sig.\n", name="page.md")
    assert "Svenska institutet" not in {b.label for b in ex.bodies}


def test_the_union_of_an_eu_text_is_no_trade_union():
    _, ex, _ = extract_text("# Promemoria\n\nReglerna gäller inom unionen. Unionen ska anta en förordning.\n", name="page.md")
    assert not [b for b in ex.bodies if "nionen" in b.label and b.label != "Europeiska unionen"]


@pytest.mark.parametrize("rows", [
    "Åtgärd: Ordna läxhjälp på biblioteken\nAnsvarig: Kulturnämnden\nTidplan: 2024\n\n"
    "Åtgärd: Se över skolskjutsarna\nAnsvarig nämnd: Tekniska nämnden, Barn- och skolnämnden\n",
    "Åtgärd Ansvarig Klart\nOrdna läxhjälp på biblioteken Kulturnämnden 2024\n"
    "Se över skolskjutsarna Tekniska nämnden, Barn- och skolnämnden 2025\n",
    # a Markdown table, as a plan converted from Word or a web page has it
    "| Åtgärd | Ansvarig | Klart |\n|---|---|---|\n| Ordna läxhjälp på biblioteken | Kulturnämnden | 2024 |\n"
    "| Se över skolskjutsarna | Tekniska nämnden, Barn- och skolnämnden | 2025 |\n",
])
def test_an_action_plans_rows_as_labels_or_as_a_table_give_the_body_responsible_for_each_action(rows):
    markdown = rows.startswith("|")
    _, ex, _ = extract_text(f"Handlingsplan för en jämlik skola 2024-2026\n\nÅtgärder\n{rows}\nUppföljning\nPlanen följs upp "
                            "årligen.\n", name="plan.md" if markdown else "plan.txt",
                            media_type="text/markdown" if markdown else "text/plain")
    assert sorted((x.body, x.task, x.policy) for x in ex.responsibilities) == [
        ("Barn- och skolnämnden", "se över skolskjutsarna", "Handlingsplan för en jämlik skola 2024-2026"),
        ("Kulturnämnden", "ordna läxhjälp på biblioteken", "Handlingsplan för en jämlik skola 2024-2026"),
        ("Tekniska nämnden", "se över skolskjutsarna", "Handlingsplan för en jämlik skola 2024-2026")]


@pytest.mark.parametrize("text, body, task", [
    ("# Tullfrågor\n\nI propositionen föreslås vidare att Tullverket på begäran ska tillhandahålla\nInspektionen för "
     "strategiska produkter uppgifter som förekommer hos\nTullverket och som rör export av varor.\n", "Tullverket",
     "på begäran tillhandahålla Inspektionen för strategiska produkter uppgifter som förekommer hos Tullverket och som rör "
     "export av varor"),
    ("# Bättre analyser\n\nI promemorian föreslås också att Statskontoret får i uppgift att samordna analyserna.\n",
     "Statskontoret", "samordna analyserna"),
    ("# En ny myndighet\n\nDen 1 januari inrättas en ny myndighet, Sjöfartsverket, som kommer att överta verksamheten vid "
     "Sjöfartsstyrelsen.\n", "Sjöfartsverket", "överta verksamheten vid Sjöfartsstyrelsen"),
])
def test_a_duty_over_a_line_the_page_broke_a_task_given_as_uppgift_and_one_a_new_body_will_take_on(text, body, task):
    assert (body, task) in [(x.body, x.task) for x in extract_text(text, name="page.md")[1].responsibilities]


@pytest.mark.parametrize("sentence, body, task", [
    ("Ansvarig för genomförandet av planen är samhällsbyggnadsnämnden.", "Samhällsbyggnadsnämnden", "genomförandet av planen"),
    ("Huvudansvaret för planens genomförande ligger hos kommunstyrelsen.", "Kommunstyrelsen", "planens genomförande"),
    ("Uppföljning av planen görs av kommunstyrelsen.", "Kommunstyrelsen", "uppföljning av planen"),
])
def test_the_body_named_last_after_what_it_answers_for(sentence, body, task):
    _, ex, _ = extract_text(f"Handlingsplan mot hemlöshet 2022-2025\n\nAntagen av kommunfullmäktige 2022-01-31\n\nAnsvar\n{sentence}\n",
                            name="plan.txt")
    assert [(x.body, x.task) for x in ex.responsibilities] == [(body, task)]


@pytest.mark.parametrize("sentence, body, task", [
    ("Centrala studiestödsnämnden beslutar om återbetalning efter en ansökan.", "Centrala studiestödsnämnden",
     "beslutar om återbetalning efter en ansökan"),
    ("Kammarkollegiet administrerar registret över kommunala bolag.", "Kammarkollegiet",
     "administrerar registret över kommunala bolag"),
    ("Inspektionen för vård och omsorg har tillsyn över verksamheter inom socialtjänsten.", "Inspektionen för vård och omsorg",
     "har tillsyn över verksamheter inom socialtjänsten"),
    ("Utredningen om en modernare lärarutbildning ser över examensmålen och analyserar behovet av praktik.",
     "Utredningen om en modernare lärarutbildning", "ser över examensmålen och analyserar behovet av praktik"),
])
def test_a_standing_function_said_in_the_present_tense(sentence, body, task):
    _, ex, _ = extract_text(f"# Ny ordning för tillsyn\n\n{sentence}\n", name="sammanfattning.md", media_type="text/markdown")
    found = [(x.body, x.task, x.confidence) for x in ex.responsibilities]
    assert (body, task, 0.8) in found, found        # read from the present tense: below full confidence


def test_what_an_agency_examines_is_an_account_not_a_remit():
    """Only a committee's inquiry verbs give its remit: an agency that "granskar" is described, not charged."""
    _, ex, _ = extract_text("# Granskning av stödet\n\nRiksrevisionen granskar hur stödet har fördelats mellan länen.\n",
                            name="skrivelse.md", media_type="text/markdown")
    assert not ex.responsibilities


@pytest.mark.parametrize("sentence, body, task", [
    ("Det åligger Trafikverket att upprätthålla vägarna.", "Trafikverket", "upprätthålla vägarna"),
    ("Vidare ska det ankomma på Luftfartsstyrelsen att ta emot försäkringsbevis.", "Luftfartsstyrelsen",
     "ta emot försäkringsbevis"),
    ("Till Statskontorets uppgifter hör att utvärdera statlig verksamhet.", "Statskontoret", "utvärdera statlig verksamhet"),
    ("I Skolverkets uppdrag ingår bland annat att ta fram nationella prov.", "Statens skolverk", "ta fram nationella prov"),
    ("Tillsynen utövas av Finansinspektionen.", "Finansinspektionen", "tillsynen"),
    ("Samordningen sköts av Länsstyrelsen i Stockholms län.", "Länsstyrelsen i Stockholms län", "samordningen"),
    ("Huvudansvaret för genomförandet har Boverket.", "Boverket", "genomförandet"),
    ("Socialstyrelsen har det samlade ansvaret för att följa upp insatserna.", "Socialstyrelsen", "följa upp insatserna"),
])
def test_a_duty_told_with_the_body_after_the_verb_or_as_whose_tasks_include_it(sentence, body, task):
    _, ex, _ = extract_text(f"# Tillsyn och uppföljning\n\n{sentence}\n", name="proposition.md", media_type="text/markdown")
    assert (body, task) in [(x.body, x.task) for x in ex.responsibilities]


def test_a_passive_duty_with_its_agent_is_read_once_and_without_its_modal():
    _, ex, _ = extract_text("# Tillsyn\n\nTillsynen över lagens efterlevnad ska utövas av Finansinspektionen.\n",
                            name="proposition.md", media_type="text/markdown")
    assert [(x.body, x.task) for x in ex.responsibilities] == [
        ("Finansinspektionen", "utöva tillsynen över lagens efterlevnad")]


def test_the_governments_own_remit_is_no_duty_of_a_body():
    _, ex, _ = extract_text("I regeringens uppdrag ingår att styra riket. Det åligger kommunen att ordna skolskjuts.\n")
    assert [(x.body, x.task) for x in ex.responsibilities] == []


def test_a_motion_asks_for_an_assignment_and_gives_none():
    _, ex, _ = extract_text("# Motion om fler fritidsgårdar\n\nTill kommunfullmäktige i Falu kommun\n\nKultur- och fritidsnämnden "
                            "ansvarar för fritidsgårdarna men har minskat öppettiderna.\n\nVi yrkar därför\n\natt "
                            "kommunfullmäktige ger kultur- och fritidsnämnden i uppdrag att ta fram en plan för fler "
                            "fritidsgårdar.\n\nFalun den 3 mars 2023\n\nKarin Lund (V)\n", name="motion.md",
                            media_type="text/markdown")
    assert ex.document.kind == "motion" and ex.assignments == []
    assert [(x.body, x.task) for x in ex.responsibilities] == [("Kultur- och fritidsnämnden", "fritidsgårdarna")]


@pytest.mark.parametrize("sentence, body, task", [
    # a remit told with words between the verb and "uppdrag" / "uppgift"
    ("Diskrimineringskommittén har bland annat haft i uppgift att göra en översyn av diskrimineringslagstiftningen.",
     "Diskrimineringskommittén", "göra en översyn av diskrimineringslagstiftningen"),
    ("Jämställdhetspolitiska utredningen har haft i uppdrag att göra en översyn av jämställdhetspolitikens mål.",
     "Jämställdhetspolitiska utredningen", "göra en översyn av jämställdhetspolitikens mål"),
    ("Miljöprocessutredningen har haft som huvuduppdrag att se över reglerna för vindkraft.",
     "Miljöprocessutredningen", "se över reglerna för vindkraft"),
    # what the body is, then its remit
    ("Kärnavfallsrådet är en tvärvetenskaplig kommitté som har i uppdrag att ge regeringen råd om kärnavfall.",
     "Kärnavfallsrådet", "ge regeringen råd om kärnavfall"),
    # a power given, with the adjective of its extent, or by a rule
    ("Skatteverket ges omfattande möjligheter till utredning och kontroll.", "Skatteverket",
     "ges omfattande möjligheter till utredning och kontroll"),
    ("Kriminalvården har getts ökade möjligheter att vidta kontrollåtgärder.", "Kriminalvården",
     "har getts ökade möjligheter att vidta kontrollåtgärder"),
    ("Vidare föreslås lagändringar som ger Finansinspektionen möjlighet att begära in uppgifter.", "Finansinspektionen",
     "möjlighet att begära in uppgifter"),
    ("Folkhälsomyndigheten får meddela föreskrifter om smittskyddsåtgärder.", "Folkhälsomyndigheten",
     "meddela föreskrifter om smittskyddsåtgärder"),
    ("Det föreslås en utvidgad skyldighet för E-hälsomyndigheten att lämna uppgifter till Läkemedelsverket.",
     "E-hälsomyndigheten", "lämna uppgifter till Läkemedelsverket"),
    ("Transportstyrelsen föreslås bli avgiftsupptagare på allmän väg.", "Transportstyrelsen",
     "bli avgiftsupptagare på allmän väg"),
    # a second clause with a body of its own after "och"
    ("Domstolen ska få bestämma tiden för påföljden och Kriminalvården ska ansvara för verkställigheten.", "Kriminalvården",
     "ansvara för verkställigheten"),
])
def test_a_remit_or_a_power_told_in_the_words_of_a_report_or_a_bill(sentence, body, task):
    _, ex, _ = extract_text(f"# Nya regler\n\nI propositionen lämnas förslag till nya regler.\n\n{sentence}\n",
                            name="proposition.md", media_type="text/markdown")
    assert (body, task) in [(x.body, x.task) for x in ex.responsibilities]


def test_what_a_body_shall_not_be_able_to_do_is_no_duty():
    _, ex, _ = extract_text("# Trygghet i skolan\n\nKraven skärps och Statens skolinspektion ska som huvudregel inte kunna "
                            "inleda tillsyn om ett enskilt barn.\n", name="proposition.md", media_type="text/markdown")
    assert ex.responsibilities == []


def test_the_inquiry_named_by_its_role_and_a_remit_that_a_list_completes():
    text = ("# Tilläggsdirektiv till Filmutredningen (Ku 2024:01)\n\n"
            "Den särskilda utredaren får nu även i uppdrag att bland annat\n"
            "* analysera filmens finansiering,\n* föreslå en ny modell för filmstöd.\n\n"
            "Utredaren får ett tilläggsuppdrag att lämna förslag på hur\n"
            "* lärarutbildningen ska utformas,\n* antagningen ska gå till.\n")
    found = {(x.body, x.task) for x in extract_text(text, **MARKDOWN)[1].responsibilities}
    assert found >= {("Filmutredningen", "analysera filmens finansiering"),
                     ("Filmutredningen", "föreslå en ny modell för filmstöd"),
                     ("Filmutredningen", "lämna förslag på hur lärarutbildningen ska utformas"),
                     ("Filmutredningen", "lämna förslag på hur antagningen ska gå till")}, found


def test_the_body_a_heading_names_owns_the_list_under_it_and_a_heading_states_no_duty():
    """A page converted to Markdown heads each agency's tasks with "## X ska:"; the list is that agency's alone, not
    every assignee's; a heading that only describes ("## X samverkar med …") gives nothing."""
    text = ("# Uppdrag om en miljöpremie\n\nRegeringen ger Läkemedelsverket och E-hälsomyndigheten i uppdrag att "
            "förbereda en försöksverksamhet.\n\n## Läkemedelsverket ska bland annat\n\n* utarbeta en modell för "
            "miljöbedömning av läkemedel.\n\n## E-hälsomyndigheten ska:\n\n* utveckla ett system för utbetalning av "
            "premien.\n\n## Läkemedelsverket samverkar med andra myndigheter\n\nArbetet ska redovisas senast den 1 maj 2022.\n")
    found = {(x.body, x.task) for x in extract_text(text, **MARKDOWN)[1].responsibilities}
    assert ("Läkemedelsverket", "utarbeta en modell för miljöbedömning av läkemedel") in found
    assert ("E-hälsomyndigheten", "utveckla ett system för utbetalning av premien") in found
    assert ("E-hälsomyndigheten", "utarbeta en modell för miljöbedömning av läkemedel") not in found
    assert ("Läkemedelsverket", "utveckla ett system för utbetalning av premien") not in found
    assert not any(t.startswith("samverkar") for _, t in found)


def test_a_bold_heading_glued_to_its_paragraph_is_a_line_of_its_own():
    text = "# Uppdrag om polisutbildning\n\n**Rekryteringskampanj**Polismyndigheten ska genomföra en kampanj om polisyrket.\n"
    found = {(x.body, x.task) for x in extract_text(text, **MARKDOWN)[1].responsibilities}
    assert ("Polismyndigheten", "genomföra en kampanj om polisyrket") in found


@pytest.mark.parametrize("sentence, expected", [
    # the bodies of a subject given as a row with commas, or as a pair
    ("Almi Företagspartner AB, Inlandsinnovation AB och Fouriertransform AB ska lämna de uppgifter som behövs.",
     {("Almi Företagspartner AB", "lämna de uppgifter som behövs"), ("Inlandsinnovation AB", "lämna de uppgifter som behövs"),
      ("Fouriertransform AB", "lämna de uppgifter som behövs")}),
    ("Både Skolverket och Skolinspektionen ska bidra med underlag till uppföljningen.",
     {("Statens skolverk", "bidra med underlag till uppföljningen"),
      ("Statens skolinspektion", "bidra med underlag till uppföljningen")}),
    ("Såväl Försäkringskassan som Arbetsförmedlingen ska redovisa sina åtgärder.",
     {("Försäkringskassan", "redovisa sina åtgärder"), ("Arbetsförmedlingen", "redovisa sina åtgärder")}),
    ("Såväl Försäkringskassan som Arbetsförmedlingen ansvarar för informationen till de försäkrade.",
     {("Försäkringskassan", "informationen till de försäkrade"), ("Arbetsförmedlingen", "informationen till de försäkrade")}),
    # a body named with the one it works with: both have the task; after the modal, the partner is part of the task
    ("Socialstyrelsen tillsammans med Läkemedelsverket har fått uppdraget att utreda hur naloxon kan göras tillgängligt.",
     {("Socialstyrelsen", "utreda hur naloxon kan göras tillgängligt"),
      ("Läkemedelsverket", "utreda hur naloxon kan göras tillgängligt")}),
    ("Folkhälsomyndigheten ska tillsammans med Socialstyrelsen ta fram en nationell plan.",
     {("Folkhälsomyndigheten", "tillsammans med Socialstyrelsen ta fram en nationell plan")}),
    ("Folkhälsomyndigheten och Socialstyrelsen ska tillsammans ta fram en plan för vaccin.",
     {("Folkhälsomyndigheten", "ta fram en plan för vaccin"), ("Socialstyrelsen", "ta fram en plan för vaccin")}),
    # what a proposal says a body is to do, and what it will do
    ("Socialstyrelsen föreslås ansvara för den nationella uppföljningen.",
     {("Socialstyrelsen", "ansvara för den nationella uppföljningen")}),
    ("Skolverket föreslås därför ta fram nya allmänna råd.", {("Statens skolverk", "ta fram nya allmänna råd")}),
    ("Polismyndigheten kommer att ta fram en nationell handlingsplan mot bedrägerier.",
     {("Polismyndigheten", "ta fram en nationell handlingsplan mot bedrägerier")}),
    ("Inspektionen för vård och omsorg ansvarar sedan 2019 för tillsynen över hemtjänsten.",
     {("Inspektionen för vård och omsorg", "tillsynen över hemtjänsten")}),
    # not a duty: a proposal to decide, a comma that parts a clause from a name
    ("Kommunstyrelsen föreslås besluta att anta handlingsplanen.", set()),
    ("Arbetsmarknadsnämnden föreslås hänvisa till förvaltningens tjänsteutlåtande som svar på remissen.", set()),
    ("I samverkan med Skolverket, Skolinspektionen och Specialpedagogiska skolmyndigheten ska kommunen ordna "
     "fortbildning.", set()),
])
def test_the_subject_of_a_duty_as_a_row_a_pair_or_a_proposal(sentence, expected):
    assert duties(f"# Uppdrag om samverkan\n\n{sentence}\n", **MARKDOWN) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an adverb between the modal and its subject, or before a subject in a clause
    ("Om det behövs ska även Sjöfartsverket bistå med sjökort.", {("Sjöfartsverket", "om det behövs bistå med sjökort")}),
    ("Vid behov ska också Kustbevakningen delta i övningarna.", {("Kustbevakningen", "vid behov delta i övningarna")}),
    ("Regeringen bedömer att även Lantmäteriet ska lämna underlag om fastighetsgränserna.",
     {("Lantmäteriet", "lämna underlag om fastighetsgränserna")}),
    # not a body after the adverb
    ("För detta ska även medel avsättas i budgeten.", set()),
    ("I uppföljningen ska också hänsyn tas till regionala skillnader.", set()),
])
def test_an_adverb_before_the_subject_of_a_duty(sentence, expected):
    assert duties(f"# Uppdrag om beredskap\n\n{sentence}\n", **MARKDOWN) == expected


@pytest.mark.parametrize("text, expected", [
    # a council, a centre or a contact point the decision sets up, named by what it is for, and then by its definite noun
    ("Regeringen ger Riksantikvarieämbetet i uppdrag att bilda ett råd för skydd av kulturarv.\n\nRådet ska vara ett "
     "forum för samverkan om beredskapsåtgärder.",
     {("Riksantikvarieämbetet", "bilda ett råd för skydd av kulturarv"),
      ("Råd för skydd av kulturarv", "vara ett forum för samverkan om beredskapsåtgärder")}),
    ("Regeringen ger Läkemedelsverket i uppdrag att inrätta och ansvara för ett kunskapscentrum för läkemedel i miljön. "
     "Centrumet ska bland annat arbeta för att öka kunskapen om läkemedels miljöeffekter.\n\nKunskapscentrumet ska även "
     "samla svenska aktörer.",
     {("Läkemedelsverket", "inrätta och ansvara för ett kunskapscentrum för läkemedel i miljön"),
      ("Kunskapscentrum för läkemedel i miljön", "arbeta för att öka kunskapen om läkemedels miljöeffekter"),
      ("Kunskapscentrum för läkemedel i miljön", "samla svenska aktörer")}),
    # no name: what it is for is a pronoun, or a relative clause runs on
    ("Regeringen ger Boverket i uppdrag att inrätta en kontaktpunkt för dessa frågor.\n\nKontaktpunkten ska svara på "
     "frågor.", {("Boverket", "inrätta en kontaktpunkt för dessa frågor")}),
    ("Regeringen ger Boverket i uppdrag att inrätta en kontaktpunkt för ärenden som gäller förnybar el.",
     {("Boverket", "inrätta en kontaktpunkt för ärenden som gäller förnybar el")}),
])
def test_the_duties_of_a_body_the_decision_sets_up(text, expected):
    assert duties(f"# Uppdrag att inrätta\n\n{text}\n", **MARKDOWN) == expected


def test_a_body_set_up_that_the_text_also_names_is_one_body():
    _, ex, _ = extract_text("# Fortsatt arbete för Rådet för hållbara städer\n\nRegeringen inrättar ett råd för hållbara "
                            "städer. Rådet för hållbara städer ska främja hållbar stadsutveckling.\n", name="page.md",
                            media_type="text/markdown")
    assert [b.label for b in ex.bodies if "hållbara städer" in b.label.lower()] == ["Rådet för hållbara städer"]


@pytest.mark.parametrize("sentence, expected", [
    # the remit told with its noun, or as the inquiry is set up, in any paper
    ("En särskild utredare har haft i uppdrag att fungera som nationell samordnare för Agenda 2030.",
     {("En särskild utredare", "fungera som nationell samordnare för Agenda 2030")}),
    ("Utredningens övergripande uppdrag har varit att överväga åtgärder för att få fler att ansöka om skuldsanering.",
     {("Utredningen", "överväga åtgärder för att få fler att ansöka om skuldsanering")}),
    ("Utredarens uppdrag har i korthet varit att initiera och fördjupa andra aktörers arbete.",
     {("Utredaren", "initiera och fördjupa andra aktörers arbete")}),
    ("Uppdraget för utredningen har också varit att beskriva metoderna i andra länder.",
     {("Utredningen", "beskriva metoderna i andra länder")}),
    ("Regeringen har tillsatt en särskild utredare med uppdrag att göra en översyn av mervärdesskattelagen.",
     {("En särskild utredare", "göra en översyn av mervärdesskattelagen")}),
    # the remit as a list
    ("Utredningens uppdrag har varit att\n\n* se över förutsättningarna för avfallsförbränning.\n* lämna förslag på "
     "styrmedel för el- och värmeproduktion.",
     {("Utredningen", "se över förutsättningarna för avfallsförbränning"),
      ("Utredningen", "lämna förslag på styrmedel för el- och värmeproduktion")}),
    # what the inquiry did is no remit
    ("Utredningen har analyserat behovet av nya regler.", set()),
])
def test_an_inquirys_remit_told_with_its_noun_or_as_it_is_set_up(sentence, expected):
    assert duties(f"# Skrivelse om skatterna\n\n{sentence}\n", **MARKDOWN) == expected


def test_an_inquirys_remit_read_under_its_name_is_not_read_again_under_its_noun():
    got = duties("# Betänkande\n\nGrundlagsutredningens uppdrag har varit att göra en översyn av regeringsformen.\n\n"
                 "Utredningens uppdrag har varit att analysera behovet av en ny lag.\n", name="sou-2008.md",
                 media_type="text/markdown")
    assert [t for b, t in got if t == "analysera behovet av en ny lag"] == ["analysera behovet av en ny lag"], got


def test_list_items_that_each_name_the_inquiry_again():
    got = duties("# Vägen till negativa utsläpp\n\nKommittédirektiv\n\nEn särskild utredare ska föreslå en strategi för "
                 "negativa utsläpp.\n\nUppdraget innebär bland annat:\n\n* Utredaren ska uppskatta vilken potential olika "
                 "åtgärder har för att öka kolsänkan.\n* Utredaren ska identifiera brister i lagstiftningen.\n* Utredaren ska "
                 "inte lämna förslag om skatter.\n", name="dir.md", media_type="text/markdown")
    assert got == {("En särskild utredare", "föreslå en strategi för negativa utsläpp"),
                   ("Utredaren", "uppskatta vilken potential olika åtgärder har för att öka kolsänkan"),
                   ("Utredaren", "identifiera brister i lagstiftningen")}


def test_an_inquirys_remit_told_with_its_noun_keeps_the_steering_document_it_names():
    _, ex, _ = extract_text("# Skrivelse om skatterna\n\nRegeringen har tillsatt en särskild utredare med uppdrag att göra en "
                            "översyn av mervärdesskattelagen.\n", **MARKDOWN)
    assert [(r.body, r.task, r.policy) for r in ex.responsibilities] == \
        [("En särskild utredare", "göra en översyn av mervärdesskattelagen", "Mervärdesskattelagen")]


def test_a_body_whose_name_holds_a_comma_is_the_subject_of_its_duty_and_not_of_a_passive_it_is_the_agent_of():
    """ "Myndigheten för press, radio och tv ska …": the comma is the name's, not a clause's; "… som meddelas av
    Myndigheten för press, radio och tv ska gälla …" gives the myndighet no duty."""
    got = duties("# Uppdrag om kanalplatser\n\nRegeringen ger Post- och telestyrelsen i uppdrag att se över reglerna för "
                 "kanalplatser.\n\nMyndigheten för press, radio och tv ska lämna förslag till nya regler och beskriva "
                 "konsekvenserna av dem. Ett tillstånd som meddelas av Myndigheten för press, radio och tv ska gälla i fem "
                 "år.\n", **MARKDOWN)
    assert ("Myndigheten för press, radio och tv", "lämna förslag till nya regler och beskriva konsekvenserna av dem") in got
    assert not any(b == "Myndigheten för press, radio och tv" and "gälla" in t for b, t in got), got


@pytest.mark.parametrize("sentence, expected", [
    ("Statens skolverk i samverkan med Statens skolinspektion ska ta fram ett stödmaterial om betyg.",
     {("Statens skolverk", "i samverkan med Statens skolinspektion ta fram ett stödmaterial om betyg")}),
    ("Inspektionen för vård och omsorg ska på begäran av Försäkringskassan lämna ut uppgifter.",
     {("Inspektionen för vård och omsorg", "på begäran av Försäkringskassan lämna ut uppgifter")}),
    ("Inspektionen för vård och omsorg på begäran av Försäkringskassan ska lämna ut uppgifter.",
     {("Inspektionen för vård och omsorg", "på begäran av Försäkringskassan lämna ut uppgifter")}),
    ("Taxan ska fastställas av Lantmäteriet efter samråd med kommunerna.", {("Lantmäteriet", "fastställa taxan")}),
    # a body named in a clause of its own before the modal is no subject
    ("Det stöd som Statens skolverk ger ska utvärderas.", set()),
])
def test_whom_a_body_works_with_stands_between_it_and_its_duty(sentence, expected):
    """ "X i samverkan med Y ska …", "X på begäran av Y ska …": the duty is X's, told with whom."""
    assert duties(f"# Betänkande om tillsyn\n\n{sentence}\n", **MARKDOWN) == expected


@pytest.mark.parametrize("sentence, task", [
    ("Boverket ansvarar även fortsättningsvis för tillsynsvägledningen.", "tillsynsvägledningen"),
    ("Boverket ansvarar fortsatt för tillsynsvägledningen.", "tillsynsvägledningen"),
    ("Boverket har ett särskilt ansvar för tillsynsvägledningen.", "tillsynsvägledningen"),
    ("Boverket har ett övergripande ansvar för att samordna tillsynsvägledningen.", "samordna tillsynsvägledningen"),
])
def test_an_answer_for_told_with_more_words_before_for(sentence, task):
    """ "ansvarar (även) fortsättningsvis för", "har ett särskilt ansvar för (att)"."""
    assert duties(f"# Betänkande om tillsyn\n\n{sentence}\n", **MARKDOWN) == {("Boverket", task)}


@pytest.mark.parametrize("text, expected", [
    # what a decision asks of its assignee with "bör"
    ("# Uppdrag till Statskontoret om psykologiskt försvar\n\nRegeringen uppdrar åt Statskontoret att redovisa hur "
     "myndigheterna arbetar med psykologiskt försvar.\n\nStatskontoret bör i uppdraget inhämta synpunkter från "
     "relevanta aktörer. Myndigheten bör särskilt belysa kostnaderna. Statskontoret bör inte lämna förslag.\n",
     {("Statskontoret", "redovisa hur myndigheterna arbetar med psykologiskt försvar"),
      ("Statskontoret", "i uppdraget inhämta synpunkter från relevanta aktörer"), ("Statskontoret", "belysa kostnaderna")}),
    # not what it says of others, nor of a pronoun for what the assignee delivers
    ("# Uppdrag till Statistiska centralbyrån om indikatorer\n\nRegeringen uppdrar åt Statistiska centralbyrån att "
     "beräkna indikatorerna. De bör senast den 31 januari 2011 vara klara att publiceras. Försvarsmakten bör "
     "delta i arbetet. Åtgärderna bör kunna utföras av berörda myndigheter.\n",
     {("Statistiska centralbyrån", "beräkna indikatorerna")}),
    # "myndigheterna" of a decision to one agency and the one it is to work with
    ("# Uppdrag om urval\n\nRegeringen uppdrar åt Högskoleverket att i samråd med Verket för högskoleservice utarbeta "
     "föreskrifter om betyg.\n\nMyndigheterna ska senast den 28 februari 2011 redovisa sina bedömningar.\n",
     {("Högskoleverket", "i samråd med Verket för högskoleservice utarbeta föreskrifter om betyg"),
      ("Högskoleverket", "senast den 28 februari 2011 redovisa sina bedömningar"),
      ("Verket för högskoleservice", "senast den 28 februari 2011 redovisa sina bedömningar")}),
    ("# Uppdrag att stärka bekämpningen\n\nRegeringen uppdrar åt Polismyndigheten och Åklagarmyndigheten att stärka "
     "bekämpningen.\n\nUppdragsmyndigheterna ska ha en nära dialog med Skatteverket.\n",
     {(x, t) for x in ("Polismyndigheten", "Åklagarmyndigheten")
      for t in ("stärka bekämpningen", "ha en nära dialog med Skatteverket")}),
    ("# Uppdrag att stärka bekämpningen\n\nRegeringen uppdrar åt Polismyndigheten och Åklagarmyndigheten att stärka "
     "bekämpningen.\n\nSamordningsmyndigheterna ska ha en nära dialog med Skatteverket.\n",
     {(x, t) for x in ("Polismyndigheten", "Åklagarmyndigheten")
      for t in ("stärka bekämpningen", "ha en nära dialog med Skatteverket")}),
])
def test_what_a_decision_asks_of_its_assignees(text, expected):
    """In a decision giving an assignment, "bör" asks something of the assignee; "Myndigheterna" are all who do it."""
    assert duties(text, **MARKDOWN) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Samordningen stärks genom att Jämställdhetsmyndigheten ges i uppgift att vara nationell samordnare mot människohandel.",
     {("Jämställdhetsmyndigheten", "vara nationell samordnare mot människohandel")}),
    ("Tillsynen förbättras genom att Skolinspektionen får ansvar för tillståndsprövning av fristående skolor.",
     {("Statens skolinspektion", "ansvar för tillståndsprövning av fristående skolor")}),
    ("Detta sker genom att Skolverket ger stöd till huvudmännen.", set()),
    # what the body is, set off between it and its modal
    ("Vi föreslår att Konkurrensverket, i egenskap av tillsynsmyndighet, ska ges utökade befogenheter vid tillsynen.",
     {("Konkurrensverket", "ges utökade befogenheter vid tillsynen")}),
    # a body and its unit set off by commas
    ("Gymnastik- och idrottshögskolan, Centrum för idrottsforskning (CIF), ska under 2021 genomföra en analys av behovet.",
     {("Gymnastik- och idrottshögskolan", "under 2021 genomföra en analys av behovet"),
      ("Centrum för idrottsforskning", "under 2021 genomföra en analys av behovet")}),
    ("I samverkan med Skolverket, Skolinspektionen, ska kommunerna genomföra en analys.", set()),
    # "dock" is no part of the task
    ("Polismyndigheten ska dock pröva ansökan inom en månad.", {("Polismyndigheten", "pröva ansökan inom en månad")}),
])
def test_a_charge_given_as_the_means_of_a_proposal_or_with_an_aside(sentence, expected):
    assert duties(f"# Ett starkare skydd\n\nBetänkande av Utredningen om skydd (SOU 2025:119)\n\n{sentence}\n",
                  **MARKDOWN) == expected


def test_a_soft_hyphen_printed_as_a_not_sign_joins_its_word():
    """PDF converters print a soft hyphen as "¬": "E-hälsomyndig¬heten" is E-hälsomyndigheten, and its quote the text's."""
    text = ("# Uppdrag om dosdispensering\n\nRegeringen uppdrar åt E-hälsomyndigheten att utreda avbrotten.\n\n"
            "E-hälsomyndig¬heten bör belysa vilka åtgärder som kan vidtas av andra aktörer.\n")
    doc, ex, _ = extract_text(text, **MARKDOWN)
    assert ("E-hälsomyndigheten", "belysa vilka åtgärder som kan vidtas av andra aktörer") in \
        {(r.body, r.task) for r in ex.responsibilities}
    assert "¬" not in doc.text


def test_a_power_a_memorandum_sent_out_for_comment_proposes():
    """A page sending a memorandum out for comment (kind remiss) tells its proposals as the memorandum does."""
    text = ("# Avgifter enligt spellagen\n\nFinansdepartementet remitterar förslag till avgifter. Slutligen föreslås att "
            "Spelinspektionen ska få meddela föreskrifter om vilken information tillståndshavaren ska lämna.\n\n"
            "Remissvaren ska ha kommit in till Finansdepartementet senast den 9 maj 2022.\n")
    ex = read(text, **MARKDOWN)
    assert ex.document.kind == "remiss"
    assert {(r.body, r.task) for r in ex.responsibilities} == {
        ("Spelinspektionen", "meddela föreskrifter om vilken information tillståndshavaren ska lämna")}


@pytest.mark.parametrize("sentence, expected", [
    ("I propositionen föreslås att riksdagen medger att regeringen ställer en svensk väpnad styrka till förfogande för "
     "deltagande i FN:s insats i Mali.",
     {("Regeringen", "ställer en svensk väpnad styrka till förfogande för deltagande i FN:s insats i Mali")}),
    ("Regeringen föreslår att riksdagen bemyndigar regeringen eller den myndighet regeringen bestämmer att meddela "
     "föreskrifter om skyldigheter för kommuner.",
     {("Regeringen", "meddela föreskrifter om skyldigheter för kommuner")}),
    ("Regeringen föreslår att riksdagen godkänner avtalet.", set()),
])
def test_what_a_bill_asks_the_riksdag_to_let_the_government_do(sentence, expected):
    assert duties(f"# Svenskt deltagande i en insats\n\nProp. 2015/16:119\n\n{sentence}\n", name="prop.md",
                  media_type="text/markdown") == expected


@pytest.mark.parametrize("sentence, expected", [
    # what a body already answers for, with the time between "har" and the responsibility
    ("Livsmedelsverket har sedan tidigare ansvar för att samordna kontrollen av dricksvatten.",
     ("Livsmedelsverket", "samordna kontrollen av dricksvatten")),
    ("Skolverket har redan i dag ett nationellt ansvar för fortbildningen av rektorer.",
     ("Statens skolverk", "fortbildningen av rektorer")),
    ("Kustbevakningen har numera det operativa ansvaret för miljöräddningen till sjöss.",
     ("Kustbevakningen", "miljöräddningen till sjöss")),
    # ... or in a relative clause set off by a comma
    ("Remissen skickas till Sametinget, som i dag har ansvar för den samiska språkpolitiken.",
     ("Sametinget", "den samiska språkpolitiken")),
    # the agency a body becomes, and a task a body is to be given by its noun
    ("Elsäkerhetsverket blir tillsynsmyndighet för laddstolpar enligt förslaget.",
     ("Elsäkerhetsverket", "blir tillsynsmyndighet för laddstolpar enligt förslaget")),
    ("Länsstyrelserna föreslås få i uppgift att informera nyanlända om hyresrätten.",
     ("Länsstyrelserna", "informera nyanlända om hyresrätten")),
])
def test_a_responsibility_told_with_time_words_a_relative_clause_or_a_new_role(sentence, expected):
    doc = "# Ett nytt regelverk\n\nI betänkandet föreslås nya regler.\n\n" + sentence + "\n"
    assert expected in duties(doc, name="sou.md", media_type="text/markdown")


def test_what_a_report_advises_a_body_it_names_to_do_is_a_duty_of_lower_confidence():
    """"X bör …" in a bill, memorandum or committee report proposes a task for X; not for a body named only by its
    noun, not for the government it advises, not what X should not do, and in other papers it stays advice."""
    text = ("# Ett nytt regelverk\n\nI betänkandet föreslås nya regler.\n\nStatens folkhälsoinstitut och "
            "Läkemedelsverket bör bevaka utbudet på internet av nya substanser. Kammarkollegiet bör administrera "
            "registret. Regeringen bör återkomma till riksdagen. Riksdagen bör godkänna avtalet. Myndigheten bör ta fram en "
            "vägledning. Socialstyrelsen bör inte ta fram fler föreskrifter. Länsrätten i Uppsala län bör läggas samman "
            "med Länsrätten i Västmanlands län. Konsumentverket bör ges skarpare verktyg. Till domstolen bör Norrtälje och "
            "Sigtuna kommuner föras.\n")
    _, ex, _ = extract_text(text, name="sou.md", media_type="text/markdown")
    got = {(r.body, r.task, r.confidence) for r in ex.responsibilities if r.body != "Utredningen"}
    assert got == {("Statens folkhälsoinstitut", "bevaka utbudet på internet av nya substanser", 0.7),
                   ("Läkemedelsverket", "bevaka utbudet på internet av nya substanser", 0.7),
                   ("Kammarkollegiet", "administrera registret", 0.7)}
    _, letter, _ = extract_text(text.replace("I betänkandet föreslås nya regler.", "Regeringen överlämnar denna "
                                             "skrivelse till riksdagen."), name="skr.md", media_type="text/markdown")
    assert not letter.responsibilities


def test_what_a_body_has_no_responsibility_for_or_a_clause_of_another_noun_gives_nothing():
    got = duties("# Ett nytt regelverk\n\nI betänkandet föreslås nya regler.\n\n"
                 "Skolverket har inte ansvar för fortbildningen av rektorer.\n\n"
                 "Utredaren ska föreslå hur de enheter inom Regeringskansliet som i dag svarar för förvaltningen av "
                 "bolagen bör organiseras.\n", name="sou.md", media_type="text/markdown")
    assert not any(b == "Statens skolverk" for b, _ in got)
    assert not any(b == "Regeringskansliet" for b, _ in got)


MUNICIPAL_PAPER = "Tjänsteskrivelse\nSala kommun\nKommunstyrelsen\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # the document's own municipality by its word, beside a body named
    ("Polismyndigheten och kommunen ska tillsammans genomföra trygghetsvandringar.",
     {("Polismyndigheten", "genomföra trygghetsvandringar"), ("Sala kommun", "genomföra trygghetsvandringar")}),
    ("Kommunen och Länsstyrelsen i Västmanlands län ska ta fram en gemensam lägesbild.",
     {("Sala kommun", "ta fram en gemensam lägesbild"), ("Länsstyrelsen i Västmanlands län", "ta fram en gemensam lägesbild")}),
    # what a body is, said before its name
    ("Kommunens bostadsbolag Salabostäder AB ska bygga hundra nya lägenheter.",
     {("Salabostäder AB", "bygga hundra nya lägenheter")}),
    ("Det kommunala bostadsbolaget Salabostäder AB ska renovera hyreshusen i centrum.",
     {("Salabostäder AB", "renovera hyreshusen i centrum")}),
    # not the municipality's work named with it
    ("Kommunens och Polismyndighetens samverkan ska utvecklas.", set()),
])
def test_a_municipality_by_its_word_beside_a_body_and_a_body_described_before_its_name(sentence, expected):
    assert duties(MUNICIPAL_PAPER + sentence, name="x.txt") == expected


def test_myndigheterna_first_in_a_sentence_are_the_agencies_the_sentence_before_gave_a_task():
    text = ("# Nya regler mot narkotika\n\nUtredningen föreslår nya regler.\n\n"
            "Tullverket och Kustbevakningen har i dag ansvar för kontrollen vid gränsen. "
            "Myndigheterna ska även samverka om underrättelser.\n\n"
            "Skolverket ska ta fram stöd till skolorna. Myndigheterna ska redovisa arbetet årligen.\n")
    got = duties(text, name="sou.md", media_type="text/markdown")
    assert {("Tullverket", "samverka om underrättelser"), ("Kustbevakningen", "samverka om underrättelser")} <= got
    # one agency before is no "myndigheterna"
    assert not any(t == "redovisa arbetet årligen" for _, t in got)


def test_a_row_that_ends_with_an_abbreviation_ends_its_sentence():
    # "m.fl." closes the row of examples, and the capital after it starts the next sentence: two tasks, the first
    # with its abbreviation whole
    got = duties("# Uppdrag till Kriminalvården om en försöksverksamhet\n\nRegeringen uppdrar åt Kriminalvården att "
                 "inrätta en försöksverksamhet. I uppdraget ingår att involvera aktörer som kommuner, regioner, "
                 "Arbetsförmedlingen m.fl. I uppdraget ingår också att sätta upp former för arbetet.\n", "ru.md",
                 "text/markdown")
    assert ("Kriminalvården", "involvera aktörer som kommuner, regioner, Arbetsförmedlingen m.fl.") in got
    assert ("Kriminalvården", "sätta upp former för arbetet") in got


def test_a_duty_by_law_said_with_skyldig_or_skyldighet():
    got = duties("# Proposition om hälso- och sjukvårdens beredskap\n\nRegeringen överlämnar denna proposition till "
                 "riksdagen. Socialstyrelsen har en skyldighet att lagerhålla sjukvårdsprodukter. Regionerna är skyldiga att "
                 "planera för händelser som medför ett stort antal skadade. Kommunerna blir skyldiga att erbjuda vård. "
                 "Läkemedelsverket får en skyldighet att informera om bristsituationer.\n", "prop.md", "text/markdown")
    assert {("Socialstyrelsen", "lagerhålla sjukvårdsprodukter"),
            ("Regionerna", "planera för händelser som medför ett stort antal skadade"),
            ("Kommunerna", "erbjuda vård"), ("Läkemedelsverket", "informera om bristsituationer")} <= got


def test_myndigheten_after_one_of_several_agencies_was_given_a_task_is_that_agency():
    got = duties("# Uppdrag att samordna information om regelverk\n\nRegeringen uppdrar åt Svenska institutet, Tillväxtverket "
                 "och Skatteverket att samordna information om regelverk för utländska företag.\n\nSvenska institutet ska "
                 "ansvara för en gemensam portalsida. Myndigheten ska vara huvudansvarig för att portalsidan är relevant. "
                 "\n\nVidare uppdrar regeringen åt Tillväxtverket att analysera behovet av vägledning. Myndigheten ska "
                 "särskilt beakta små företags behov.\n", "ru.md", "text/markdown")
    assert {("Svenska institutet", "vara huvudansvarig för att portalsidan är relevant"),
            ("Tillväxtverket", "beakta små företags behov")} <= got
    assert not any(b == "Skatteverket" and t.startswith(("vara huvudansvarig", "beakta")) for b, t in got)


def test_a_remit_included_after_an_opening_phrase_a_clause_of_its_own_or_vidare():
    # a committee's report tells what its remit includes in more word orders than "I uppdraget ingår att …"
    got = duties("# Skattereduktion och personalliggare\n\nBetänkande av Utredningen om skattereduktioner. Regeringen "
                 "beslutade den 1 juni 2023 att tillkalla en särskild utredare med uppdrag att se över regelverken.\n\n"
                 "När det gäller regelverken för skattereduktion ingår i uppdraget bland annat att analysera om reglerna "
                 "kan förenklas. Vidare ingår att ta ställning till om avdraget bör begränsas. I uppdraget som gäller "
                 "regelverket för personalliggare ingår bland annat att analysera hur kontrollen kan förbättras.\n",
                 "sou.md", "text/markdown")
    assert {("Utredningen om skattereduktioner", "analysera om reglerna kan förenklas"),
            ("Utredningen om skattereduktioner", "ta ställning till om avdraget bör begränsas"),
            ("Utredningen om skattereduktioner", "analysera hur kontrollen kan förbättras")} <= got


def test_myndigheterna_of_a_decision_to_a_group_described_then_listed_are_the_listed_agencies():
    # the decision names its assignees only in brackets after a description: "myndigheterna", the list of what its
    # work includes and a subject after the verb ("Till projektet ska myndigheterna …") stand for those agencies
    text = ("# Uppdrag att inrätta ett gemensamt projekt\n\nRegeringen ger i uppdrag åt de tre myndigheter som ingår "
            "i samverkan mot bidragsbrott (Försäkringskassan, Skatteverket och Tullverket) att inrätta ett gemensamt "
            "projekt mot bidragsbrott.\n\nI uppdraget ingår att:\n\n* Kartlägga hur bidragsbrott begås.\n\n"
            "Till projektet ska myndigheterna knyta fler samarbetspartner.\n\n"
            "Myndigheterna ska löpande informera Regeringskansliet om arbetet.\n")
    got = duties(text, name="ru.md", media_type="text/markdown")
    for agency in ("Försäkringskassan", "Skatteverket", "Tullverket"):
        assert (agency, "Kartlägga hur bidragsbrott begås") in got
        assert (agency, "till projektet knyta fler samarbetspartner") in got
        assert (agency, "löpande informera Regeringskansliet om arbetet") in got
    # a decision to one agency gives "myndigheterna" nobody
    one = duties(text.replace("de tre myndigheter som ingår i samverkan mot bidragsbrott (Försäkringskassan, "
                              "Skatteverket och Tullverket)", "Försäkringskassan"), name="ru.md", media_type="text/markdown")
    assert not any(t == "till projektet knyta fler samarbetspartner" for _, t in one)


def test_a_charge_inside_a_task_belongs_to_the_task():
    # "uppdra åt ett lärosäte att …" after "möjligheter att" is part of what the agency is to look into, not a new
    # decision that ends the task
    got = duties("# Uppdrag om föräldrastöd\n\nRegeringen uppdrar också Statens folkhälsoinstitut att utarbeta en "
                 "handbok för föräldrastöd, utreda myndighetens möjligheter att uppdra åt ett lärosäte att erbjuda "
                 "utbildningar i föräldrastöd samt följa upp strategin.\n", "ru.md", "text/markdown")
    assert ("Statens folkhälsoinstitut", "utreda myndighetens möjligheter att uppdra åt ett lärosäte att erbjuda "
            "utbildningar i föräldrastöd") in got
    assert not any(t.endswith("möjligheter att") for _, t in got)


def test_the_chance_a_remiss_gives_to_comment_is_no_responsibility():
    # "har getts möjlighet att lämna synpunkter": the remiss asks the body (a consultation), it gets no power; a power
    # told the same way still counts
    assert not duties("# Remissvar\n\nVänersborgs kommun har getts möjlighet att lämna synpunkter på förslaget.\n",
                      "x.md", "text/markdown")
    assert ("Centrala studiestödsnämnden", "ges en utökad möjlighet att efterkontrollera studiestöd") in duties(
        "# Beslut\n\nCentrala studiestödsnämnden ges en utökad möjlighet att efterkontrollera studiestöd.\n", "x.md",
        "text/markdown")


def test_how_an_assignment_is_paid_for_or_framed_is_no_duty():
    got, _, _ = read_md("# Uppdrag att kartlägga stödet\n\nRegeringen ger Kriminalvården i uppdrag att kartlägga stödet.\n\n"
                        "Uppdraget ska genomföras inom ramen för myndighetens förvaltningsanslag. Uppdraget ska utföras "
                        "i enlighet med riktlinjerna.\n")
    assert not [t for _, t, _ in got if "uppdraget" in t], got


@pytest.mark.parametrize("text, body", [
    # a duty a directive only asks to be weighed
    ("# Kommittédirektiv\n\nEn särskild utredare ska se över läkemedelsregistret. Utredaren ska bland annat ta "
     "ställning till om det bör finnas en skyldighet för Socialstyrelsen att lämna ut uppgifter ur registret.\n",
     "Socialstyrelsen"),
    # what a purpose clause says of a group is no duty of it
    ("# Uppdrag att utveckla arbetssätt för att kommuner ska kunna sprida information om våld\n\nRegeringen ger "
     "Jämställdhetsmyndigheten i uppdrag att utveckla arbetssätt för att kommuner ska kunna sprida information om våld.\n",
     "kommuner"),
    # an earlier assignment to someone else, recounted in a decision
    ("# Uppdrag till Domarnämnden att se över prövningen\n\nRegeringen ger Domarnämnden i uppdrag att se över "
     "prövningen.\n\nI maj 2024 gavs en utredare i uppdrag att utreda frågan. I uppdraget ingick att säkerställa en "
     "ändamålsenlig ordning.\n", "Domarnämnden"),
])
def test_what_is_weighed_or_was_asked_before_is_no_duty(text, body):
    got, _, _ = read_md(text)
    assert not [t for b, t, _ in got if b == body and ("lämna ut" in t or "ändamålsenlig" in t or "sprida" in t)], got


@pytest.mark.parametrize("text, expected", [
    # the charge's sentence ends with a full stop and a list of verbs follows it at once: more tasks of the same body
    ("# Uppdrag att analysera klimatpolitiken\n\nRegeringen ger Naturvårdsverket i uppdrag att analysera hur "
     "politiken bör utvecklas.\n\n• ta fram principer för politiken,\n• analysera möjligheterna att agera.\n",
     {("Naturvårdsverket", "analysera hur politiken bör utvecklas"), ("Naturvårdsverket", "ta fram principer för politiken"),
      ("Naturvårdsverket", "analysera möjligheterna att agera")}),
    ("# Uppdrag till Boverket\n\nBoverket får i uppdrag att se över byggreglerna.\n\n* utreda kraven på tillgänglighet\n"
     "* föreslå förenklingar\n",
     {("Boverket", "se över byggreglerna"), ("Boverket", "utreda kraven på tillgänglighet"),
      ("Boverket", "föreslå förenklingar")}),
    # ... not a list of things that are not tasks
    ("# Uppdrag till Boverket\n\nRegeringen ger Boverket i uppdrag att se över byggreglerna.\n\n* bostäder\n* lokaler\n",
     {("Boverket", "se över byggreglerna")}),
    # "enligt följande." opens its list as a colon does
    ("# Utökat uppdrag till FOI\n\nTotalförsvarets forskningsinstitut ska utveckla kartläggningarna enligt följande.\n\n"
     "* Ta fram verktyg för analyser.\n* Ta fram analysrapporter.\n",
     {("Totalförsvarets forskningsinstitut", "Ta fram verktyg för analyser"),
      ("Totalförsvarets forskningsinstitut", "Ta fram analysrapporter")}),
])
def test_a_list_that_goes_on_from_a_charge_after_its_stop(text, expected):
    assert duties(text, name="page.md", media_type="text/markdown") == expected


def test_a_charge_refused_or_proposed_by_another_is_not_given():
    text = ("# Riksrevisionens rapport om bostadstillägg\n\nRiksrevisionen föreslår att regeringen uppdrar åt "
            "Försäkringskassan att bedöma mörkertalet. Regeringen avser inte att ge Pensionsmyndigheten i uppdrag att "
            "utreda frågan.\n")
    _, ex, _ = extract_text(text, name="page.md")
    assert [(r.body, r.task, r.confidence) for r in ex.responsibilities] == [
        ("Försäkringskassan", "bedöma mörkertalet", 0.7)]       # advised, not given
    assert ex.assignments == [] and ex.document.kind != "regeringsuppdrag"


@pytest.mark.parametrize("sentence, expected", [
    # a relative clause or what the body is, set off by commas between the body and its verb
    ("Polismyndigheten, som ska fungera som samordnare, ska stödja regeringen i arbetet.",
     Has(("Polismyndigheten", "stödja regeringen i arbetet"))),
    ("Tullverket, som är en statlig myndighet, ska kontrollera varuflödet.", {("Tullverket", "kontrollera varuflödet")}),
    ("Arbetsförmedlingen, en statlig myndighet, har till uppgift att matcha arbetssökande.",
     {("Arbetsförmedlingen", "matcha arbetssökande")}),
    # the body after what it is
    ("Den förvaltande myndigheten, Statens jordbruksverk, ska bistå kommittén med ett sekretariat.",
     {("Statens jordbruksverk", "bistå kommittén med ett sekretariat")}),
    # groups named in lower case in the same row as the bodies: the bodies' duty
    ("Naturvårdsverket, länsstyrelserna, viltförvaltningsdelegationerna och samverkansråden ansvarar för processen att "
     "fastställa miniminivåer.",
     {("Naturvårdsverket", "processen att fastställa miniminivåer"), ("Länsstyrelserna", "processen att fastställa miniminivåer")}),
    ("Naturvårdsverket och viltförvaltningsdelegationerna ska fastställa miniminivåer.",
     {("Naturvårdsverket", "fastställa miniminivåer")}),
    # a company's form written out after its name
    ("Samhall Aktiebolag är ett statligt bolag som har till uppgift att skapa meningsfulla arbeten.",
     {("Samhall AB", "skapa meningsfulla arbeten")}),
])
def test_a_body_its_verb_and_what_stands_between(sentence, expected):
    assert_is(duties("# Uppdrag om samordning\n\n" + sentence + "\n", name="page.md", media_type="text/markdown"),
              expected, "duties")


@pytest.mark.parametrize("sentence, task", [
    ("Som ett led i detta ska en särskild utredare överväga och föreslå de ändringar som behövs.",
     "överväga och föreslå de ändringar som behövs"),
    ("En särskild utredare, som ska fungera som nationell samordnare, ska stödja regeringen i arbetet.",
     "stödja regeringen i arbetet"),
])
def test_a_directives_inquirer_after_opening_words_or_a_relative_clause(sentence, task):
    text = (f"# Ett förstärkt skydd för blåljuspersonal\n\nHot och våld mot blåljuspersonal förekommer. {sentence}\n\n"
            "Utredaren ska bland annat\n\n* lämna förslag till nödvändiga författningsändringar.\n\n"
            "Uppdraget ska redovisas senast den 1 december 2017.\n")
    assert ("En särskild utredare", task) in duties(text, name="dir.md", media_type="text/markdown")


@pytest.mark.parametrize("sentence, expected", [
    ("Jordbruksverkets uppgift är att stödja regeringen.", {("Statens jordbruksverk", "stödja regeringen")}),
    ("I huvudsak är det Jordbruksverkets uppgift att följa programgenomförandet.",
     {("Statens jordbruksverk", "följa programgenomförandet")}),
    ("Det är Skolverkets uppdrag att ta fram kursplaner.", {("Statens skolverk", "ta fram kursplaner")}),
    ("I Jordbruksverkets arbete ingår också att granska åtgärderna.", {("Statens jordbruksverk", "granska åtgärderna")}),
    ("Skolverkets uppgifter är att stödja och granska.", set()),     # several, not one task
])
def test_a_task_said_as_the_bodys_own_noun(sentence, expected):
    assert duties("# Beslut\n\n" + sentence + "\n", name="p.md", media_type="text/markdown") == expected


@pytest.mark.parametrize("subject, bodies", [
    # one member the register does not know, between the others or last: the others keep their duty
    ("Statens skolverk, Barn- och elevombudet och Handikappombudsmannen",
     {"Statens skolverk", "Handikappombudsmannen"}),
    ("Statens skolverk, Jämställdhetsombudsmannen och Barn- och elevombudet",
     {"Statens skolverk", "Jämställdhetsombudsmannen"}),
    # an ombudsman named by what it is against is a body of its own
    ("Statens skolverk, Ombudsmannen mot etnisk diskriminering och Handikappombudsmannen",
     {"Statens skolverk", "Ombudsmannen mot etnisk diskriminering", "Handikappombudsmannen"}),
])
def test_a_list_of_bodies_with_one_unknown_member_keeps_the_duty_of_the_others(subject, bodies):
    text = f"# Lag om tillsyn\n\nDet föreslås att {subject} inom sina respektive ansvarsområden ska se till att lagen följs.\n"
    assert {b for b, t in duties(text, name="p.md", media_type="text/markdown") if t.endswith("se till att lagen följs")} == bodies


@pytest.mark.parametrize("sentence, task", [
    ("Mot denna bakgrund avser regeringen att utmönstra den aktuella ordningen.", "utmönstra den aktuella ordningen"),
    ("Därför kommer regeringen att tillsätta en utredning om spårbyte.", "tillsätta en utredning om spårbyte"),
    ("I det arbetet planerar regeringen även att se över avgifterna.", "se över avgifterna"),
])
def test_the_governments_intention_with_its_subject_after_the_verb(sentence, task):
    text = f"# Riksrevisionens rapport om arbetskraftsinvandring\n\nRegeringen överlämnar denna skrivelse till riksdagen.\n\n{sentence}\n"
    ex = read(text, name="skr.md", media_type="text/markdown")
    assert [(r.body, r.task, r.confidence) for r in ex.responsibilities] == [("Regeringen", task, 0.8)]


def test_an_intention_denied_is_no_duty():
    text = ("# Riksrevisionens rapport\n\nRegeringen överlämnar denna skrivelse till riksdagen.\n\n"
            "Mot denna bakgrund avser regeringen inte att ändra ordningen.\n")
    assert duties(text, name="skr.md", media_type="text/markdown") == set()


@pytest.mark.parametrize("sentence, task", [
    # a report due named by its own noun
    ("En delredovisning med plan för arbetet inom uppdraget ska lämnas till Regeringskansliet senast den 30 mars 2018.",
     "lämna en delredovisning med plan för arbetet inom uppdraget till Regeringskansliet senast den 30 mars 2018"),
    ("En slutredovisning ska lämnas till Regeringskansliet senast den 31 mars 2020.",
     "lämna en slutredovisning till Regeringskansliet senast den 31 mars 2020"),
    # ... also with what kind of report it is, in the plural and without an article
    ("En gemensam redovisning av uppdraget ska lämnas till Regeringskansliet (Kulturdepartementet) senast den 1 maj 2019.",
     "lämna en gemensam redovisning av uppdraget till Regeringskansliet (Kulturdepartementet) senast den 1 maj 2019"),
    ("Delredovisningar av uppdraget ska lämnas till Regeringskansliet senast den 15 mars 2021 och 2022.",
     "lämna delredovisningar av uppdraget till Regeringskansliet senast den 15 mars 2021 och 2022"),
    ("Slutrapport ska lämnas till Socialdepartementet senast den 30 juni 2021.",
     "lämna slutrapport till Socialdepartementet senast den 30 juni 2021"),
    ("De första fyra deluppdragen ska redovisas av de ansvariga myndigheterna till Regeringskansliet senast den 6 april 2023.",
     "redovisa de första fyra deluppdragen till Regeringskansliet senast den 6 april 2023"),
    ("Det femte deluppdraget ska delredovisas senast den 6 april 2023.", "delredovisa det femte deluppdraget senast den 6 april 2023"),
    # ... or by what the work yields, also in the present tense
    ("Underlaget ska redovisas till Regeringskansliet (Miljödepartementet) senast den 15 september 2022.",
     "redovisa underlaget till Regeringskansliet (Miljödepartementet) senast den 15 september 2022"),
    ("Scenarierna redovisas till Socialdepartementet senast den 1 september 2020.",
     "redovisa scenarierna till Socialdepartementet senast den 1 september 2020"),
    # ... or by the item it closes
    ("1. Analysera skillnader i sjukskrivningsmönster mellan län. Denna del av uppdraget ska redovisas till "
     "Socialdepartementet senast den 31 januari 2017.",
     "redovisa denna del av uppdraget till Socialdepartementet senast den 31 januari 2017"),
    ("Den andra delen av uppdraget ska redovisas senast den 15 december 2017.",
     "redovisa den andra delen av uppdraget senast den 15 december 2017"),
    ("Uppdragets andra del ska redovisas till Regeringskansliet senast den 1 november 2022.",
     "redovisa uppdragets andra del till Regeringskansliet senast den 1 november 2022"),
    # ... in two steps, with an adverb, or as "rapporteras"
    ("Uppdraget ska del- och slutredovisas till Regeringskansliet senast den 15 november respektive den 31 december 2018.",
     "del- och slutredovisa uppdraget till Regeringskansliet senast den 15 november respektive den 31 december 2018"),
    ("Uppdraget ska skriftligen rapporteras till Socialdepartementet senast den 1 oktober 2015.",
     "rapportera uppdraget till Socialdepartementet senast den 1 oktober 2015"),
    ("Arbetet ska redovisas till regeringen (Finansdepartementet) senast den 10 juni 2012.",
     "redovisa arbetet till regeringen (Finansdepartementet) senast den 10 juni 2012"),
    # with whom it is carried out, whose views it seeks
    ("Uppdraget ska ske i samverkan med Integritetsskyddsmyndigheten.",
     "genomföra uppdraget i samverkan med Integritetsskyddsmyndigheten"),
    ("Arbetet ska ske i samråd med Sveriges Kommuner och Regioner och Svenska Läkaresällskapet.",
     "genomföra arbetet i samråd med Sveriges Kommuner och Regioner och Svenska Läkaresällskapet"),
    ("Uppdraget genomförs med Läkemedelsverket och Myndigheten för samhällsskydd och beredskap.",
     "genomföra uppdraget med Läkemedelsverket och Myndigheten för samhällsskydd och beredskap"),
    ("Vid behov ska synpunkter även inhämtas från Livsmedelsverket, t.ex. om märkning.",
     "inhämta synpunkter från Livsmedelsverket, t.ex. om märkning"),
    ("Synpunkter ska inhämtas från Statistiska centralbyrån.", "inhämta synpunkter från Statistiska centralbyrån"),
])
def test_what_an_assignment_says_in_the_passive_is_its_assignees_duty(sentence, task):
    assert ("Socialstyrelsen", task) in {(r.body, r.task) for r in _decision(sentence).responsibilities}


def test_an_assignee_does_not_carry_out_the_work_with_itself():
    text = ("# Uppdrag att ta fram en plan\n\nRegeringen uppdrar åt Socialstyrelsen och Folkhälsomyndigheten att ta fram "
            "en plan.\n\nUppdraget genomförs tillsammans med Folkhälsomyndigheten och Läkemedelsverket.\n")
    found = {(r.body, r.task) for r in page(text).responsibilities if r.task.startswith("genomföra")}
    assert found == {("Socialstyrelsen", "genomföra uppdraget tillsammans med Folkhälsomyndigheten och Läkemedelsverket")}


def test_how_an_assignment_is_paid_for_is_no_duty_to_carry_it_out_with_someone():
    ex = _decision("Uppdraget genomförs med medel från anslaget 1:1 Socialstyrelsen.")
    assert not [r for r in ex.responsibilities if "genomföra uppdraget" in r.task]


@pytest.mark.parametrize("sentence", ["En rapport ska lämnas av Statens skolverk.",
                                      "Resultaten ska redovisas av Statens skolverk i en rapport.",
                                      "Uppdraget ska delrapporteras av Statens skolverk senast den 1 mars 2023.",
                                      "I rapporten redovisas även kostnaderna för arbetet."])
def test_a_report_another_body_is_to_give_is_not_the_assignees(sentence):
    ex = _decision(sentence)
    assert not [r for r in ex.responsibilities if r.body == "Socialstyrelsen" and re.search("rapport|resultat", r.task)]


def _decision(sentence: str):
    return page("# Uppdrag till Socialstyrelsen att stärka kompetensen\n\nRegeringen uppdrar åt Socialstyrelsen att stärka "
                f"kompetensen inom den sociala barn- och ungdomsvården.\n\n{sentence}\n")
