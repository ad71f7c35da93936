"""Papers in layouts and phrasings the gold documents do not show, written for these tests: municipal minutes converted
to Markdown (§ headings, an attendance table with a role and a presence column), an extract of minutes with numbered
decisions, minutes whose chair and adjusters are written in other ways, a tjänsteskrivelse that reports on a council's
assignment, a budget's table of tasks, a council's verksamhetsplan whose actions name their body on the same line,
rules of procedure, a member's motion; and aims said in words the national texts also use. Each test names the kind of
phrase or layout it reads, not the file."""
from __future__ import annotations


import pytest

from styrgraf.ingest.pipeline import extract_text
from conftest import FIXTURES, assert_quotes


def read(name: str):
    path = FIXTURES / name
    media = "text/markdown" if path.suffix == ".md" else "text/plain"
    return extract_text(path.read_text(encoding="utf-8"), name=path.name, media_type=media)


@pytest.fixture(scope="module")
def minutes():
    return read("mun_protokoll_markdown_table.md")


def test_markdown_paragraph_headings_are_items(minutes):
    doc, ex, _ = minutes
    (meeting,) = ex.meetings
    assert [(i.paragraph, i.title, i.diarienummer) for i in meeting.items] == [
        (31, "Handlingsplan för minskad energianvändning 2024–2026", ["KS 2024/45"]),
        (32, "Yttrande över remiss – Regional transportinfrastrukturplan för Västra Götaland 2026–2037", ["KS 2024/12"])]
    assert [(r.by, r.party) for r in meeting.items[0].reservations] == [("Lars Berg", "M")]
    assert_quotes(doc, meeting.items)


def test_attendance_table_with_role_and_presence_columns(minutes):
    doc, ex, _ = minutes
    (meeting,) = ex.meetings
    got = {(a.name, a.role, a.party, a.substitute_for) for a in meeting.attendees}
    assert got == {("Anna Svensson", "ordförande", "S", None), ("Lars Berg", "vice ordförande", "M", None),
                   ("Karin Ek", "ledamot", "C", None), ("Per Holm", "tjänstgörande ersättare", "S", "Eva Lind")}
    assert meeting.chair == "Anna Svensson"
    assert_quotes(doc, meeting.attendees)


def test_facts_of_a_paragraph_belong_to_its_own_policy(minutes):
    _, ex, _ = minutes
    plan = "Handlingsplan för minskad energianvändning"
    assert {g.policy for g in ex.goals} == {plan}
    assert {(r.body, r.policy) for r in ex.responsibilities} >= {("Samhällsbyggnadsnämnden", plan),
                                                                ("Tekniska förvaltningen", plan)}
    assert not any(rel for p in ex.policies for rel in p.relations)


def test_an_earlier_council_assignment_told_in_minutes(minutes):
    doc, ex, _ = minutes
    (a,) = ex.assignments
    assert (a.issuer, a.assignees, a.decided_on) == ("Kommunfullmäktige", ["Kommunstyrelsen"], "2023-06-19")
    assert a.title.startswith("ta fram en handlingsplan för minskad energianvändning")
    assert_quotes(doc, [a])


@pytest.mark.parametrize("sentence, issuer, assignee, day", [
    ("Kommunfullmäktige gav 2021-03-22, § 18, socialnämnden i uppdrag att utreda behovet av trygghetsboenden.",
     "Kommunfullmäktige", "Socialnämnden", "2021-03-22"),
    ("Kommunfullmäktige beslutade 2022-11-28, § 140, att ge tekniska nämnden i uppdrag att se över gatubelysningen.",
     "Kommunfullmäktige", "Tekniska nämnden", "2022-11-28"),
])
def test_council_assignment_with_its_day_and_paragraph_between(sentence, issuer, assignee, day):
    _, ex, _ = extract_text(f"Tjänsteskrivelse\n2024-01-10\nKommunstyrelsen\n\nÄrendet\n{sentence}\n", name="t.txt")
    assert [(a.issuer, a.assignees, a.decided_on) for a in ex.assignments] == [(issuer, [assignee], day)]


def test_numbered_decisions_under_a_two_word_body_heading():
    doc, ex, _ = read("mun_protokollsutdrag_numbered.txt")
    (meeting,) = ex.meetings
    (item,) = meeting.items
    assert len(item.decisions) == 2
    assert meeting.adjusters == ["Lena Ström"]          # not the one who certifies the extract
    (a,) = ex.assignments
    assert (a.issuer, a.assignees, a.decided_on, a.diarienummer) == (
        "Barn- och utbildningsnämnden", ["Barn- och utbildningsförvaltningen"], "2023-11-21", ["BUN 2023/456"])
    assert_quotes(doc, item.decisions)


def test_tjansteskrivelse_addressee_goals_and_no_passive_garbage():
    doc, ex, _ = read("mun_tjansteskrivelse_redovisning.txt")
    assert ex.document.addressee == "Miljö- och byggnadsnämnden"
    assert sorted(g.text for g in ex.goals) == ["förbättra vattenkvaliteten i Mjörn", "minska översvämningsrisker i tätorterna",
                                                "öka andelen grönytor i nya detaljplaner"]
    # "… har tagits fram och ska behandlas av kommunfullmäktige" gives the council no duty
    assert not [r for r in ex.responsibilities if r.body == "Kommunfullmäktige"]
    assert_quotes(doc, ex.goals)


def test_actions_with_their_body_on_the_same_line_and_a_goal_headings_target():
    doc, ex, _ = read("mun_verksamhetsplan_rad.md")
    got = {(r.body, r.task) for r in ex.responsibilities}
    assert {("Kultur- och fritidsförvaltningen", "kartlägga föreningslivets utbud för barn 7–12 år"),
            ("Miljö- och byggförvaltningen", "genomföra tillsyn av tobaksförsäljning")} <= got
    assert "Socialförvaltningen" in {b for b, _ in got}
    assert "Alla barn i Mora ska ha tillgång till en meningsfull fritid" in {g.text for g in ex.goals}
    assert_quotes(doc, ex.responsibilities + ex.goals)


@pytest.mark.parametrize("line, body, task", [
    ("- Inventera belysningen i gångtunnlar. Ansvarig: Tekniska nämnden.", "Tekniska nämnden", "inventera belysningen i gångtunnlar"),
    ("* Ta fram en kommunikationsplan (ansvar: Kommunstyrelsen)", "Kommunstyrelsen", "ta fram en kommunikationsplan"),
    ("1. Utbilda personalen i bemötande – Ansvarig: Socialnämnden", "Socialnämnden", "utbilda personalen i bemötande"),
])
def test_one_line_action_and_responsible(line, body, task):
    text = f"# Handlingsplan för trygghet 2025–2027\n\n## Åtgärder\n\n{line}\n"
    _, ex, _ = extract_text(text, name="plan.md", media_type="text/markdown")
    assert (body, task) in {(r.body, r.task) for r in ex.responsibilities}


def test_a_budgets_table_of_tasks_gives_one_assignment_a_row():
    doc, ex, _ = read("mun_budget_uppdragstabell.md")
    got = {(a.kind, a.issuer, tuple(a.assignees), a.title, tuple(a.report_due), a.decided_on) for a in ex.assignments}
    assert {("budgetuppdrag", "Kommunfullmäktige", ("Kultur- och fritidsnämnden",),
             "utreda möjligheten att samlokalisera fritidsgårdar och bibliotek", ("2025-06-30",), "2024-11-25"),
            ("budgetuppdrag", "Kommunfullmäktige", ("Stadsbyggnadsnämnden",),
             "ta fram en plan för minskad energianvändning i kommunens fastigheter", ("2025-12-31",), "2024-11-25"),
            ("budgetuppdrag", "Kommunfullmäktige", ("Individnämnden",),
             "införa en gemensam e-tjänst för ekonomiskt bistånd", (), "2024-11-25")} <= got
    # the same rows are the boards' responsibilities
    assert ("Individnämnden", "införa en gemensam e-tjänst för ekonomiskt bistånd") in \
        {(r.body, r.task) for r in ex.responsibilities}
    assert_quotes(doc, ex.assignments)


def test_a_goal_is_said_without_its_label():
    _, ex, _ = read("mun_budget_uppdragstabell.md")
    assert {"Sundsvall ska ha en hållbar ekonomi", "Fler invånare ska vara i arbete eller studier"} <= {g.text for g in ex.goals}
    assert not [g for g in ex.goals if g.text.startswith("Mål")]


def test_a_table_of_actions_without_a_council_gives_no_assignment():
    text = ("# Handlingsplan för trygghet\n\n| Uppdrag | Ansvarig | Klart |\n|---|---|---|\n"
            "| Kartlägga otrygga platser | Tekniska nämnden | 2025-06-30 |\n")
    _, ex, _ = extract_text(text, name="plan.md", media_type="text/markdown")
    assert not ex.assignments               # no council wrote it: whose assignment would it be?
    assert ("Tekniska nämnden", "kartlägga otrygga platser") in {(r.body, r.task) for r in ex.responsibilities}


def test_rules_of_procedure_title_duties_and_the_policy_that_frames_them():
    doc, ex, _ = read("mun_reglemente.txt")
    assert ex.document.title == "Reglemente för socialnämnden"     # a title that ends with a body's name
    (rules,) = [p for p in ex.policies if p.kind == "reglemente"]
    assert (rules.adopted_by, rules.adopted_on, rules.valid_from) == ("Kommunfullmäktige", "2022-12-12", "2023-01-01")
    got = {r.task: r.policy for r in ex.responsibilities if r.body == "Socialnämnden"}
    assert any(t.startswith("fullgör kommunens uppgifter inom socialtjänsten") for t in got)
    # an act one duty cites does not frame the duties after it
    assert got["samverka med Region Gävleborg i frågor om missbruksvård och psykiatri"] == "Reglemente för socialnämnden"
    assert_quotes(doc, ex.responsibilities)


def test_a_company_name_joined_by_an_ampersand():
    text = "# Policy för inköp\n\nFalu Energi & Vatten AB ska tillämpa policyn i tillämpliga delar.\n"
    _, ex, _ = extract_text(text, name="policy.md", media_type="text/markdown")
    assert "Falu Energi & Vatten AB" in {b.label for b in ex.bodies}
    assert not {b.label for b in ex.bodies} & {"Vatten AB", "Energi & Vatten AB"}


def test_a_members_motion_is_titled_by_what_it_is_about_and_addressed_to_the_council():
    text = ("Motion till kommunfullmäktige i Borlänge kommun\n\nMotion om gratis kollektivtrafik för pensionärer\n\n"
            "Jag föreslår därför kommunfullmäktige\natt ge kommunstyrelsen i uppdrag att utreda kostnaden.\n\n"
            "Borlänge 2024-09-02\n\nKerstin Malm (V)\n")
    _, ex, _ = extract_text(text, name="motion.txt")
    assert (ex.document.kind, ex.document.title, ex.document.addressee) == (
        "motion", "Motion om gratis kollektivtrafik för pensionärer", "Kommunfullmäktige")
    assert not ex.assignments                 # a proposal gives no assignment


MINUTES = """PROTOKOLL
Miljönämnden
Sammanträdesdatum 2024-02-20

{head}

§ 5 Dnr MN 2024/3
Tillsynsplan 2024
Miljönämndens beslut
Miljönämnden antar tillsynsplanen.
"""
MEMBERS = "Beslutande: Anna Ek (S), ordförande, Bo Berg (M), Cia Lund (C)"


@pytest.mark.parametrize("head, chair, adjusters", [
    # the adjuster chosen with a deputy, in a sentence
    (MEMBERS + "\nTill justerare utsågs Bo Berg (M) med Cia Lund (C) som ersättare.", "Anna Ek", ["Bo Berg"]),
    # the chair by a label of its own words
    ("Sammanträdets ordförande: Anna Ek (S)\nProtokolljusterare: Bo Berg (M)", "Anna Ek", ["Bo Berg"]),
    # a signature block that writes each role under the name
    ("Närvarande ledamöter: Anna Ek (S), Bo Berg (M), Cia Lund (C)\n\nUnderskrifter\n\nAnna Ek\nOrdförande\n\n"
     "Bo Berg\nJusterare\n\nGun Gran\nSekreterare", "Anna Ek", ["Bo Berg"]),
    # both told in running text
    ("Närvarande: Anna Ek (S), Bo Berg (M) och Cia Lund (C). Anna Ek var ordförande och Bo Berg justerade protokollet.",
     "Anna Ek", ["Bo Berg"]),
    # a place and time of adjustment is no adjuster
    (MEMBERS + "\nJustering: Kommunhuset 2024-02-23\nJusterare: Bo Berg", "Anna Ek", ["Bo Berg"]),
], ids=["chosen-with-deputy", "meeting-chair-label", "role-under-name", "running-text", "place-of-adjustment"])
def test_chair_and_adjusters_in_other_layouts(head, chair, adjusters):
    _, ex, _ = extract_text(MINUTES.format(head=head), name="p.txt")
    (meeting,) = ex.meetings
    assert (meeting.chair, meeting.adjusters) == (chair, adjusters)


def test_a_row_of_labels_with_our_reference_over_a_row_of_values():
    text = ("TJÄNSTESKRIVELSE\nDatum\tVår beteckning\n2024-03-01\tKS 2024/55\nKommunledningskontoret\n\nKommunstyrelsen\n\n"
            "Ärende: Delårsrapport per april 2024\n\nFörslag till beslut\nKommunstyrelsen godkänner delårsrapporten.\n")
    _, ex, _ = extract_text(text, name="t.txt")
    d = ex.document
    assert (d.kind, d.title, d.date, d.diarienummer) == (
        "tjänsteutlåtande", "Delårsrapport per april 2024", "2024-03-01", ["KS 2024/55"])


@pytest.mark.parametrize("sentence, goal", [
    ("Stödet föreslås ha som syfte att stärka demokratin genom att främja tillgången till lokal journalistik.",
     "stärka demokratin genom att främja tillgången till lokal journalistik"),
    ("Regeringen har en tydlig ambition att fler unga ska fullfölja gymnasiet.", "fler unga ska fullfölja gymnasiet"),
])
def test_an_aim_said_with_the_noun_after_a_verb(sentence, goal):
    text = f"# Ett nytt stöd till lokala medier\n\nRegeringen föreslår en ny lag om stöd.\n\n{sentence}\n"
    _, ex, _ = extract_text(text, name="prop.md", media_type="text/markdown")
    assert goal in {g.text for g in ex.goals}


def test_a_protocol_extract_whose_sections_are_markdown_headings():
    doc, ex, _ = read("mun_protokollsutdrag_markdown_headings.md")
    (meeting,) = ex.meetings
    (item,) = meeting.items
    # "### Beslut" opens the decision section: three numbered "att"-clauses, not the lead-in "beslutar"
    assert [d.text[:40] for d in item.decisions] == ["anta reviderade riktlinjer för handläggn",
                                                     "ge socialförvaltningen i uppdrag att inf",
                                                     "riktlinjerna ska följas upp senast decem"]
    (a,) = ex.assignments
    assert (a.issuer, a.assignees) == ("Socialnämnden", ["Socialförvaltningen"])
    assert ("Socialförvaltningen", "informera berörda medarbetare om ändringarna") in \
        {(r.body, r.task) for r in ex.responsibilities}         # without the ", samt" that joins the next clause
    # "att anta reviderade riktlinjer för … att gälla från och med 2024-01-01": adopted by the board that day
    (p,) = ex.policies
    assert (p.title, p.adopted_by, p.adopted_on, p.valid_from) == (
        "Riktlinjer för handläggning av ekonomiskt bistånd", "Socialnämnden", "2023-11-21", "2024-01-01")
    assert_quotes(doc, item.decisions)


def test_the_goals_of_a_plan_set_out_as_a_table_are_the_cells_of_its_goal_columns():
    doc, ex, _ = read("mun_verksamhetsplan_maltabell.md")
    # the council's goal and the board's goal of each row; not the row whole, the indicator, who answers for it,
    # nor the row of column heads
    assert sorted(g.text for g in ex.goals) == ["Alla barn och elever ska nå kunskapsmålen",
                                                "Andelen elever med godkända betyg i alla ämnen ska öka",
                                                "Kommunen ska vara en attraktiv arbetsgivare",
                                                "Personalomsättningen bland lärare ska minska"]
    assert_quotes(doc, ex.goals)


def test_a_delegation_decision_is_signed_by_the_officer_under_beslutande():
    doc, ex, _ = read("mun_delegationsbeslut_inspektor.txt")
    d = ex.document
    assert (d.kind, d.author, d.date, d.diarienummer) == ("delegationsbeslut", "Miljö- och byggnadsnämnden", "2024-05-14",
                                                          ["MBN 2024-000231"])
    assert d.signatories == ["Karin Ek"]                  # "Beslutande ⏎ Karin Ek ⏎ Livsmedelsinspektör"
    assert [(x.sfs, x.title) for x in ex.laws] == [("2006:804", "Livsmedelslag")]


def test_a_tjansteskrivelse_answering_a_remiss_with_its_deadline_and_its_director_signing():
    doc, ex, _ = read("mun_tjansteskrivelse_remiss_rubriker.txt")
    d = ex.document
    assert (d.kind, d.author, d.date, d.addressee) == ("tjänsteutlåtande", "Miljöförvaltningen", "2023-03-01", "Miljönämnden")
    assert "Katarina Pelin" in d.signatories              # "Katarina Pelin Direktör": a title capitalised after the name
    (c,) = ex.consultations
    # "… remitterat förslaget … till miljönämnden för yttrande senast den 15 april 2023"
    assert (c.kind, c.organizer, c.subject, c.deadline) == ("remiss", "Kommunstyrelsen", "Naturvårdsprogram för Malmö stad",
                                                            "2023-04-15")


def test_a_motion_is_signed_by_the_member_under_it_with_her_party():
    doc, ex, _ = read("mun_motion_undertecknad.txt")
    d = ex.document
    assert (d.kind, d.date, d.signatories) == ("motion", "2024-01-15", ["Maria Strand"])
    # what the motion proposes is not decided: no assignment, no duty
    assert not ex.assignments and not ex.responsibilities


def test_a_boards_decisions_in_brief_date_what_it_adopted_and_send_a_strategy_on_remiss():
    doc, ex, _ = read("mun_beslut_i_korthet_region.md")
    d = ex.document
    assert (d.kind, d.author, d.date) == ("beslut", "Regionstyrelsen", "2023-03-14")
    # "Regionstyrelsen antog Handlingsplan för jämställdhet 2023–2026" on the day of the decisions
    p = next(x for x in ex.policies if x.title == "Handlingsplan för jämställdhet")
    assert (p.adopted_by, p.adopted_on, p.valid_from, p.valid_to) == ("Regionstyrelsen", "2023-03-14", "2023", "2026")
    (c,) = ex.consultations
    assert (c.kind, c.organizer, c.deadline) == ("remiss", "Regionstyrelsen", "2023-06-30")


@pytest.mark.parametrize("name, kind, author, addressee, date, dnr, title", [
    # a letterhead in two columns: the writer at the left, its fields beside it, the addressee's block at the right
    ("mun_yttrande_letterhead_columns.txt", "remissvar", "Kommunstyrelsen", "Trafikverket", "2025-03-11", ["KS 2025/77"],
     "Yttrande över vägplan för riksväg 84, delen Ljusdal–Färila"),
    # a row of labels over a row of values, and the board it goes to at the right under the handläggare's name
    ("mun_tjansteskrivelse_label_rows.txt", "tjänsteutlåtande", "Socialförvaltningen", "Socialnämnden", "2025-01-20",
     ["SN-2025-007"], "Riktlinjer för försörjningsstöd 2025"),
    # the chair's decision in an urgent matter, two fields on one line; a letter it cites ("i skrivelse 2025-06-25")
    # does not make it a government letter
    ("mun_ordforandebeslut.txt", "delegationsbeslut", "Kommunstyrelsen", None, "2025-06-27", ["2025/311"],
     "Beslut i brådskande ärende enligt 6 kap. 39 § kommunallagen (2017:725)"),
    # the kind word in the letterhead's right column; a name whose column cell wrapped onto the next line
    ("mun_tjansteutlatande_wrapped_cell.txt", "tjänsteutlåtande", "Hälso- och sjukvårdsförvaltningen",
     "Hälso- och sjukvårdsnämnden", "2025-02-03", ["HSN 2025-0144"], "Uppföljning av vårdgarantin 2024"),
])
def test_the_head_of_a_letter_laid_out_in_columns(name, kind, author, addressee, date, dnr, title):
    _, ex, _ = read(name)
    d = ex.document
    assert (d.kind, d.author, d.addressee, d.date, d.diarienummer, d.title) == (kind, author, addressee, date, dnr, title)
    assert "Regeringen" not in {b.label for b in ex.bodies}


@pytest.mark.parametrize("name, bodies, not_bodies", [
    ("mun_tjansteutlatande_wrapped_cell.txt", {"Hälso- och sjukvårdsnämnden", "Folkhälso- och tandvårdsnämnden"},
     {"Sjukvårdsnämnden", "Tandvårdsnämnden"}),
    # an agency's own region, in the addressee's block, is no region
    ("mun_yttrande_letterhead_columns.txt", {"Trafikverket", "Ljusdals kommun"}, {"Region Mitt"}),
])
def test_names_split_by_the_columns_of_a_page(name, bodies, not_bodies):
    _, ex, _ = read(name)
    got = {b.label for b in ex.bodies}
    assert bodies <= got and not (not_bodies & got), got


def test_a_numbered_table_of_tasks_whose_cells_wrap_and_numbered_lines_of_tasks():
    _, ex, _ = read("mun_budget_numbered_wrapped.txt")
    got = {(tuple(a.assignees), a.title, tuple(a.report_due)) for a in ex.assignments}
    assert {(("Kultur- och fritidsnämnden",), "ta fram en handlingsplan för trygghet i kommunens centrala stadsdelar",
             ("2026-09-30",)),
            (("Kommunstyrelsen",), "utreda en gemensam kontaktväg för föreningslivet", ("2026-06-30",)),
            (("Arbetsmarknadsnämnden",), "i samverkan med Arbetsförmedlingen starta fler lokala jobbspår",
             ("2026-12-31",))} <= got, got
    duties = {(r.body, r.task) for r in ex.responsibilities}
    assert ("Socialnämnden", "halvera andelen hushåll med långvarigt ekonomiskt bistånd till 2028") in duties, duties
    assert "Fritidsnämnden" not in {b.label for b in ex.bodies}


def test_a_notice_of_a_meeting_is_no_minutes():
    """A kallelse has the furniture of minutes (Ordförande, Föredragningslista, sammanträde) but records nothing decided."""
    _, ex, _ = extract_text("# Kallelse till socialnämndens arbetsutskott 2025-05-06\n\nRegion Jämtland Härjedalen\n\n"
                            "**Tid:** tisdag 6 maj 2025 kl. 09.00\n**Plats:** Regionens hus, Östersund\n"
                            "**Ordförande:** Lena Holm (S)\n**Sekreterare:** Jon Ek\n\nLedamöter kallas härmed till "
                            "sammanträdet. Ersättare kallas vid förhinder.\n\n## Föredragningslista\n\n| Nr | Ärende | Diarienummer |\n|---|---|---|\n"
                            "| 1 | Val av justerare | |\n| 2 | Budgetuppföljning | RS 2025-00112 |\n",
                            name="kallelse.md", media_type="text/markdown")
    assert ex.document.kind != "protokoll" and not ex.meetings


@pytest.mark.parametrize("sentence, body, kind", [
    ("Kommunstyrelsen ger förvaltningen för Service i uppdrag att utreda samlokaliseringen.",
     "Förvaltningen för Service", "förvaltning"),
    ("Socialstyrelsen ska betala ut medel till Svenskt Demenscentrum.", "Svenskt Demenscentrum", "organisation"),
    ("AB Skövdebostäder och Skövde Energi AB ska bidra till målet.", "AB Skövdebostäder", "bolag"),
])
def test_bodies_named_by_what_they_serve(sentence, body, kind):
    _, ex, _ = extract_text(f"Beslut\n\n{sentence}\n", name="beslut.txt")
    assert (body, kind) in {(b.label, b.kind) for b in ex.bodies}


def test_a_plan_under_a_letterhead_with_goals_and_their_bodies_in_rows_of_labels():
    _, ex, _ = read("mun_plan_labelled_rows.txt")
    d = ex.document
    assert (d.kind, d.author, d.addressee, d.title) == ("plan", "Regionstyrelsen", None,
                                                        "Folkhälsoplan för Region Gävleborg 2025–2028")
    (own,) = [p for p in ex.policies if p.title == d.title]
    assert (own.adopted_by, own.adopted_on) == ("Regionstyrelsen", "2025-01-15")
    goals = {g.text for g in ex.goals}
    assert {"Andelen vuxna som röker dagligen ska halveras till 2028",
            "Alla barn ska ha tillgång till barnhälsovård"} <= goals, goals
    duties = {(r.body, r.task) for r in ex.responsibilities}
    assert {("Hälso- och sjukvårdsnämnden", "andelen vuxna som röker dagligen ska halveras till 2028"),
            ("Länsstyrelsen i Gävleborgs län", "andelen vuxna som röker dagligen ska halveras till 2028"),
            ("Regionstyrelsen", "alla barn ska ha tillgång till barnhälsovård")} <= duties, duties
    assert not [t for _, t in duties if "Huvud" in t]


@pytest.mark.parametrize("head, kind, title", [
    ("[Startsida](/) › [Kommun och politik](/kommun-och-politik) › [Styrdokument](/styrdokument)\n\n"
     "# Klimatplan för Sandvikens kommun 2025–2030\n\nPlanen antogs av kommunfullmäktige.\n",
     "plan", "Klimatplan för Sandvikens kommun 2025–2030"),
    ("Falu kommun – Årsredovisning 2024                                          17\n\nMåluppfyllelse\n\n"
     "Kommunfullmäktige fastställde sex mål.\n", "rapport", None),
    ("SAMRÅDSREDOGÖRELSE                                          Dnr: PLAN.2024.3\n"
     "Detaljplan för bostäder vid Norra Kajen\nHudiksvalls kommun                        2025-02-03\n\n"
     "Samrådets genomförande\nFörslaget har varit på samråd.\n", "rapport", None),
])
def test_the_kind_of_a_page_below_what_stands_above_its_title(head, kind, title):
    name = "page.md" if head.startswith("[") else "page.txt"
    _, ex, _ = extract_text(head, name=name, media_type="text/markdown" if name.endswith(".md") else "text/plain")
    assert ex.document.kind == kind
    if title:
        assert ex.document.title == title


def test_adjusters_signing_side_by_side_under_the_label():
    _, ex, _ = extract_text("PROTOKOLL\nKommunfullmäktige\nSammanträdesdatum 2025-04-22\n\nBeslutande   Eva Berg (S), "
                            "ordförande\n\nUtses att justera   Helén Bergman (M) och Roger Norén (S)\n\n§ 12 Val\n\n"
                            "Justerande   ...........................   ...........................\n"
                            "             Helén Bergman                  Roger Norén\n", name="protokoll.txt")
    (meeting,) = ex.meetings
    assert meeting.adjusters == ["Helén Bergman", "Roger Norén"]


def test_an_agreement_names_its_parties_by_the_short_names_it_gives_them():
    _, ex, _ = extract_text("Överenskommelse om samverkan kring äldre med missbruk\n\nRegion Dalarna, org.nr 232100-0180, "
                            "nedan kallad regionen, och Falu kommun, org.nr 212000-2262, nedan kallad kommunen, har "
                            "träffat följande överenskommelse.\n\nRegionen ansvarar för beroendevården.\n\nKommunen ansvarar "
                            "för boendestödet.\n", name="overenskommelse.txt")
    duties = {(r.body, r.task) for r in ex.responsibilities}
    assert {("Region Dalarna", "beroendevården"), ("Falu kommun", "boendestödet")} <= duties, duties
