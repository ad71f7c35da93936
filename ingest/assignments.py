"""Stage: assignments — who was told by whom to do what, by when.

Kinds: `regeringsuppdrag` (the Government gives an agency a task) and
`budgetuppdrag` (a council's budget gives a committee a task), as the api-contract
names them; and `uppdrag`, a task a council, board or committee gives in a decision
at its meeting ("att ge barn- och utbildningsnämnden i uppdrag att …").

Recognised phrases (each is a rule for a kind of phrase, never one file):

regeringsuppdrag
  "Regeringen uppdrar åt X (att …)", "Regeringen ger X i uppdrag att …",
  "Regeringen beslutar att ge X i uppdrag att …", "… uppdras åt X att …",
  "X får/ges i uppdrag att …", "X har (sedan D) ett regeringsuppdrag att …",
  "X har i uppdrag av regeringen att …", and the title of a decision:
  "Uppdrag till X att …" (a title line, or a citation "Uppdrag till X …, regeringsbeslut
  2020-04-30, dnr Ku 2020/01108/CSM", or a decision a change lists: "Uppdrag till X respektive
  erbjudande till Y m.fl. att … (N2018/04129/D)." -> one assignment to X and one offer to Y).
  A page that *is* a decision (its title is "Uppdrag …" or "Tilläggsuppdrag …", or it opens with
  "Regeringen uppdrar/ger …") is one assignment: its title, the assignees of
  every operative sentence, the tasks ("X ska: • …", "I uppdraget ingår att …"),
  report deadlines and recipients of every report sentence. A page that changes an assignment
  ("Ändring av uppdrag att …" with "Regeringen beslutar att ändra tidigare uppdrag att …") and names
  no assignee of its own is that change where it sets a report date ("Slutlig redovisning av uppdraget
  ska ske … senast den 31 december 2017"): one assignment with that date and no assignee (the one of
  the assignment it changes, which styrgraf/links.py links it to), none where it sets no date. The
  subject of "X får i uppdrag" one or two letters from the one-word name of one authority of the
  register ("Skolverk") is that authority.
  Beside the page's own: an earlier decision told in the past and dated, one the government
  announces ("Regeringen avser att ge X i uppdrag att …"), and one cited by its name and
  diarienummer ("uppdraget om … (Ju2015/09899/KRIM)", to the body the citation names or to the
  agency whose own the sentence says it is) are assignments of their own.
budgetuppdrag
  "Kommunfullmäktige fastslog i budget för 2017 att X skulle …",
  "budget för verksamhetsår 2017 där X gavs i uppdrag att …",
  "X fick i kommunfullmäktiges budget för 2019 i uppdrag att …",
  "I … budget för 2019 har X fått i uppdrag att …: • … • …" (one per bullet),
  "I samband med budget 2016 fick X uppdraget att …".

Report sentences ("ska redovisas till Regeringskansliet (Xdepartementet)
senast den 15 november 2015", "senast 1 mars årligen (2021–2024) redovisa … till
Länsstyrelsen i Stockholms län, med kopia till …", and a proposal due to the Government
Offices: "ska … senast den 31 december 2021 till Regeringskansliet (Xdepartementet) föreslå …")
give `report_due` (ISO date when a full date, else the words) and `reports_to` (resolved bodies).

A document that reports on an assignment ("slutredovisas med denna rapport",
"Den här återrapporten …", "Redovisning av regeringsuppdrag …") gets
`document.reports_on` = the assignment's diarienummer (or its title).

The helpers at the top (`parties`, `register_body`, …) are shared with the
consultations stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from .context import Ctx
from .dates import DAY, MONTH_WORD, YEAR_RANGE, find_dates
from .document import REFUSED_SLOT, council_decided, not_given, title_line
from .identifiers import find_diarienummer
from .model import Assignment
from .parties import (LEAD_ADV, NOT_NAME_START, OF_PLACE, S, body_labels, clean, first_names, looks_like_agency, parties,
                      register_body, similar, title_case, words)
from .register import lookup, searchable_names
from .tasks import (INCLUDED, TASK_TO_END, as_clause, first_sentence_end, runs_into_list, split_tasks,
                    task_table_rows, without_hedge, without_subject)

def iso_dates(ctx: Ctx, a: int, b: int, with_year: bool = True):
    for d in find_dates(ctx.text[a:b], ctx.year):
        if d.has_year or not with_year:
            yield d.iso, a + d.start, a + d.end


# ====================================================================== patterns

PRESENT = {"uppdrar", "ger", "får", "ges", "beslutar", "uppdras", "ska", "uppdra", "ge", "erhåller", "utser"}
COUNCIL_WORDS = r"(?:[Kk]ommunfullmäktige|[Rr]egionfullmäktige|[Ll]andstingsfullmäktige|[Ff]ullmäktige)"
ISSUER_WORDS = rf"(?:[Rr]egeringen|{COUNCIL_WORDS})"

# "ger X i uppdrag att", "gav den 26 juni X i uppdrag att", "har gett X uppdrag med anledning av", "ger de
# myndigheter som ingår i nationellt forum för … i uppdrag att"
# a dot before a lower-case word ends no name ("Kungl. biblioteket"), and a character of the names an assignment is
# given to
NAME_DOT = r"\.(?=[ \t]+[a-zåäö])"
_NAME_CHAR = rf"(?:[^.;:\n]|{NAME_DOT})"
GIVE = re.compile(
    rf"\b(?P<verb>ger|gav|ge|gett|givit|getts){S}+(?P<slot>(?:(?!\b(?:ger|gav|att|ska|är)\b|\bsom\b(?!{S}+(?:ingår|deltar){S}+i\b)){_NAME_CHAR}){{2,260}}?)"
    rf"{S}+(?:i{S}+uppdrag(?:et)?|ett{S}+(?:\w+{S}+)?uppdrag|uppdraget|uppdrag){S}+"
    rf"(?P<link>att|om|avseende|angående|med{S}+anledning{S}+av|inom|för|rörande|gällande)\b")
# what the government says it will do later: "avser att ge …", "kommer att ge …" (no assignment is given yet)
INTENDED = re.compile(rf"\b(?:avser|avsåg|planerar|tänker|överväger|kommer){S}+att{S}+(?:(?:även|också|senare|därefter){S}+)?$")
# the government's offer beside its assignments: "Regeringen erbjuder regionerna medel för att förstärka …",
# "Regeringen erbjuder Gotlands kommun att …" (an erbjudande is given and reported on as an assignment)
OFFER = re.compile(
    rf"\b(?P<verb>erbjuder|erbjöd){S}+(?P<slot>(?:(?!\b(?:att|ska|är|som)\b){_NAME_CHAR}){{2,200}}?)"
    rf"{S}+(?:(?:ett{S}+)?(?:statsbidrag|bidrag|medel|stöd|ersättning){S}+(?:för|till){S}+)?(?P<link>att)\b")
# "gav regeringen i december 2022 i uppdrag till Statens energimyndighet att …": the assignee after "i uppdrag"
GIVE_TO = re.compile(
    rf"\b(?P<verb>ger|gav|ge|gett|givit){S}+(?:(?!\b(?:att|ska|är)\b)[^.;:\n]){{0,60}}?{S}*i{S}+uppdrag{S}+(?:till|åt){S}+"
    rf"(?P<slot>{_NAME_CHAR}{{2,200}}?){S}+(?P<link>att)\b")
# "uppdrar (bland annat) åt X att", "uppdras åt X att", "uppdra till X att", "uppdrar också X att"
CHARGE = re.compile(
    rf"\b(?P<verb>uppdrar|uppdrog|uppdras|uppdrogs|uppdra|uppdragit){S}+(?:(?:regeringen|härmed|bland{S}+annat|även|också|därför|nu){S}+){{0,3}}"
    rf"(?:den{S}+\d{{1,2}}{S}+[a-zåäö]+(?:{S}+(?:19|20)\d\d)?{S}+)?"          # "uppdrog den 31 januari 2013 åt X att"
    rf"(?P<to>(?:åt|till){S}+)?(?P<slot>{_NAME_CHAR}{{2,260}}?){S}+(?P<link>att)\b")
# "Regeringen utser Karolinska institutet, … samt Livsmedelsverket till behöriga organisationer att bistå …"
DESIGNATE = re.compile(
    rf"\b(?P<verb>utser|utsåg){S}+(?P<slot>[^.;:\n]{{2,300}}?){S}+till{S}+[^.;:\n]{{2,100}}?{S}+(?P<link>att)\b")
# "X får/fick/ges/gavs/har fått (…) i uppdrag att"; the assignee is left of the verb or right after it
PASSIVE = re.compile(
    rf"\b(?P<verb>får|fick|ges|gavs|getts|givits|erhåller|erhöll|fått){S}+(?P<mid>[^.;:\n]{{0,160}}?){S}*"
    rf"(?:i{S}+uppdrag(?:et)?|uppdraget|ett{S}+(?:\w+{S}+)?uppdrag){S}+(?:av{S}+(?P<by>[^.;:\n]{{2,60}}?){S}+)?"
    rf"(?P<link>att|om|avseende|angående)\b")
# "X har (sedan 30 april 2020) ett regeringsuppdrag att", "X har i uppdrag av regeringen att",
# "X har sedan 2023 ett myndighetsgemensamt uppdrag tillsammans med Y och Z att"
HOLDS = re.compile(
    rf"\b(?P<verb>har|hade){S}+(?P<mid>(?:(?!\bhar\b)[^.;:\n]){{0,80}}?){S}*"
    rf"(?:ett{S}+(?:[\wåäö-]+{S}+)?regeringsuppdrag|regeringens{S}+uppdrag|(?:i|ett){S}+(?:[\wåäö-]+{S}+)?uppdrag{S}+"
    rf"(?:från|av){S}+regeringen|ett{S}+[\wåäö-]+{S}+uppdrag(?={S}+tillsammans)"
    # "2023 års krigsmaterielutredning har haft i uppdrag att …": a committee's own assignment, the government's
    rf"|haft{S}+(?:regeringens{S}+)?(?:i{S}+)?uppdrag(?:et)?"
    # "Kommissionen för jämlik hälsa har i uppdrag att …": in a committee's report, its own remit (checked where read)
    rf"|(?P<plain>(?<=har{S})i{S}+uppdrag(?={S}+att\b)))"
    rf"(?P<with>{S}+tillsammans{S}+med{S}+[^.;:\n]{{2,200}}?)?{S}+(?P<link>att|om|avseende|kring|rörande)\b")
# a committee's remit, told in its own report: "Regeringen beslutade den 5 november 2009 att låta tillsätta en
# särskild utredare att utreda …", "… att tillkalla en parlamentarisk kommitté med uppdraget att …", "I maj 2022
# beslutade regeringen att uppdra åt en särskild utredare att lämna förslag …"
_APPOINTED = (rf"(?P<slot>(?:en{S}+)?(?:särskild{S}+utredare|utredare|(?:(?:parlamentarisk|parlamentariskt{S}+sammansatt|särskild){S}+)?"
              rf"kommitté|utredning))")
# (when said between verb and inquiry: "Regeringen tillsatte den 14 oktober 2020 en särskild utredare …", "Regeringen
# uppdrog 2016 åt en särskild utredare …")
_WHEN = rf"(?:(?:den{S}+\d{{1,2}}{S}+[a-zåäö]+|i{S}+[a-zåäö]+){S}+)?(?:19|20)\d\d"
APPOINT = re.compile(
    rf"\b(?P<verb>tillkalla|tillsätta|tillkallade|tillsatte|(?:uppdra|uppdrog|uppdragit)(?={S}+(?:{_WHEN}{S}+)?åt))"
    rf"(?:{S}+{_WHEN})?(?:{S}+åt)?{S}+{_APPOINTED}{S}+"
    # (who it is, set off by dashes or commas: "en särskild utredare - riksdagsledamoten Catherine Persson - med uppdrag att")
    rf"(?:[-–]{S}+[^.\n–]{{2,80}}?{S}+[-–]{S}+|,{S}+[^.,\n]{{2,80}},{S}+|\([^()\n]{{2,40}}\){S}+)?"
    rf"(?:med{S}+(?:uppdrag(?:et)?|uppgift(?:en)?){S}+|för{S}+)?(?P<link>att)\b")
# ... or by the directive that set it up: "Regeringen beslutade den 10 juli 2003 om direktiven för en statlig offentlig
# utredning med uppdrag att se över …"
DIRECTED = re.compile(rf"\bdirektiv(?:en)?{S}+(?:för|till){S}+(?P<slot>en{S}+(?:[a-zåäö]+{S}+){{0,3}}?(?:utredning|utredare|kommitté))"
                      rf"{S}+med{S}+(?:uppdrag(?:et)?|uppgift(?:en)?){S}+(?P<link>att)\b")
# ... or given the remit: "Regeringen beslutade den 8 juni 2023 att ge en särskild utredare i uppdrag att …", "Regeringen
# gav i juli 2015 en särskild utredare i uppdrag att …"
APPOINT_GIVING = re.compile(rf"\b(?P<verb>ge|gav){S}+(?:{_WHEN}{S}+)?{_APPOINTED}{S}+i{S}+uppdrag{S}+"
                            rf"(?P<link>att)\b")
# ... or said of the remit itself: "Utredningens uppdrag har varit att …", "Kommitténs uppdrag (dir. 2023:143) har
# inneburit att …", "Utredarens huvudsakliga uppdrag är att …"
REMIT_OF = re.compile(
    rf"\b(?P<slot>Utredningens|Kommitténs|Utredarens|Delegationens|Kommissionens|Beredningens|Arbetsgruppens"
    rf"|[A-ZÅÄÖ][a-zåäö-]{{2,}}(?:utredningens|kommitténs|delegationens|beredningens)){S}+"
    rf"(?:(?:huvudsakliga|övergripande|ursprungliga){S}+)?(?P<verb>uppdrag|uppgift)(?:{S}*\([^()\n]{{2,40}}\))?{S}+"
    # "Utredningens uppgift enligt direktiven är att …"
    rf"(?:enligt{S}+(?:direktiven|kommittédirektiven|(?:tilläggs)?direktiven{S}*\([^()\n]{{2,30}}\)){S}+)?"
    rf"(?:(?:har{S}+(?:(?:sammanfattningsvis|i{S}+huvudsak|främst){S}+)?varit|var|är|har{S}+inneburit|har{S}+bestått{S}+i|består{S}+i"
    rf"|går{S}+ut{S}+på)(?:{S}+enligt{S}+(?:direktivet|direktiven))?"
    rf"(?:{S}+(?:bl\.{S}?a\.|bland{S}+annat|även|också))?{S}+(?P<link>att)\b"
    # "Utredarens huvudsakliga uppdrag har omfattat en utvärdering av … och att bedöma …": what it held, a noun first
    rf"|(?:har{S}+omfattat|omfattar)(?:{S}+(?:bl\.{S}?a\.|bland{S}+annat|även|också))?{S}+(?=(?:att{S}+)?[a-zåäö]))")
# ... or said as what the report presents: "Utredningen om sfi-peng till utbildningsanordnare redovisar i detta betänkande
# uppdraget att föreslå …" (the committee named right before)
REPORTS_REMIT = re.compile(rf"{S}+(?:redovisar|presenterar){S}+i{S}+detta{S}+(?:del|slut)?betänkande{S}+(?:sitt{S}+)?"
                           rf"(?P<verb>uppdrag)(?:et)?{S}+(?P<link>att)\b")
# "Kommunfullmäktige fastslog i budget för 2017 att kommunstyrelsen skulle …"
BUDGET_DECIDED = re.compile(
    rf"\b(?P<verb>fastslog|fastställde|beslutade|beslöt|angav|slog{S}+fast){S}+(?:även{S}+)?i{S}+(?:sin{S}+)?budget(?:en)?"
    rf"(?:{S}+för)?(?:{S}+verksamhetsåret?)?(?:{S}+år)?{S}+(?P<year>(?:19|20)\d\d)(?:[^.;\n]{{0,60}}?)?{S}+att{S}+"
    rf"(?P<slot>[^.;:\n]{{2,120}}?){S}+(?:skulle|ska|skall|borde){S}+(?P<task>[^\n]+)")
# the title of an assignment decision, at the start of a line or cited
TITLE = re.compile(rf"(?m)^(?:#+{S}*)?(?P<title>(?:Uppdrag|Regeringsuppdrag|Tilläggsuppdrag|(?:Utökat|Utvidgat|Förlängt){S}+uppdrag|(?:Ändring|Komplettering|Förlängning)"
                   rf"{S}+av{S}+(?:beslut{S}+om{S}+)?uppdrag(?:et)?|(?:Fråga{S}+om{S}+|Framställning{S}+om{S}+)?"
                   rf"(?:[Ff]örlängd|[Ää]ndrad){S}+tid{S}+för{S}+(?:redovisning{S}+av{S}+|genomförande{S}+av{S}+)?uppdrag(?:et)?|"
                   rf"Tillägg{S}+till{S}+uppdrag(?:et)?|Tilläggsdirektiv{S}+till)\b[^\n]*)")
TITLE_TO = re.compile(
    rf"\b[Uu]ppdrag(?:et)?{S}+(?:till|åt){S}+(?P<slot>.+?){S}+(?P<link>att|om|angående|avseende|inför|rörande|"
    rf"gällande|beträffande|för{S}+att|med{S}+anledning|i{S}+fråga{S}+om|kring|inom|med|för{S}+(?:arbete|genomförande)|"
    rf"under|samt{S}+om|till{S}+följd)\b")
LINKED_DECISION = re.compile(rf"\[(?P<title>Uppdrag{S}+(?:till|åt){S}+[^\]\n]{{5,300}})\]\([^)\s]*\)")
CITATION = re.compile(
    rf"(?P<title>\b[Uu]ppdrag{S}+(?:till|att|om|åt|angående|avseende)\b[^\n]{{5,300}}?)"
    rf"(?:,|\.)?{S}+(?:[Rr]egeringsbeslut|regeringens{S}+beslut)\b(?P<rest>[^\n]{{0,120}})")
# the part of an assignment a decision extends or changes, named by its task: "Regeringen förlänger även uppdraget att …"
EXTENDED_PART = re.compile(rf"\b[Rr]egeringen{S}+(?:förlänger|ändrar|utökar|utvidgar|kompletterar){S}+(?:(?:även|också|vidare|därmed){S}+)?"
                           rf"(?:tiden{S}+för{S}+)?uppdraget{S}+att{S}+(?P<task>[^.;:\n]{{8,300}})")
ASSIGNMENT_OF = re.compile(rf"\b[Uu]ppdrag(?:et|en)?{S}+(?:till|åt){S}+(?P<slot>[^.;:\n]{{2,160}}?)"
                           rf"(?={S}*(?:\(|,|{S}(?:att|om|från|avseende|angående|med|i|inom|enligt|som|ska)\b))")
CITATION_AUTHOR = re.compile(
    rf"\b[Rr]egeringen{S}*\((?:19|20)\d\d\){S}*(?P<title>[Uu]ppdrag{S}+(?:till|att|om|åt|angående|avseende)\b[^\n]{{5,300}}?)"
    rf"(?=\.{S}|\.?$|,{S}+(?:dnr|[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{{0,4}}{S}?\d{{4}}/))(?P<rest>[^\n]{{0,80}})", re.M)
THE_AGENCIES = re.compile(rf"(?:[*•–-]{S}+)?(?:[Mm]yndigheterna|(?:[Dd]e{S}+)?[Bb]åda{S}+myndigheterna){S}+(?:ska|skall){S}")
REPORTED_TO = re.compile(rf"\b(?:[a-zåäö]*redovisa|återrapportera|rapportera|lämna|överlämna)(?:s|r)?{S}+$")
OPERATIVE_MODAL = re.compile(rf"(?:[*•–-]{S}+)?(?P<slot>[^.;:\n]{{2,200}}?){S}+(?:ska|skall){S}+(?!inte\b)")
BACKGROUND = re.compile(
    r"(?m)^(?:#+\s*)?(?:Bakgrund|Skälen för regeringens beslut|Skäl för (?:regeringens )?beslutet|Motivering|"
    r"Skälen för beslutet|Ärendet och dess beredning)\b[^\n]{0,40}$")
# a heading about the assignment again after the background: "## Närmare om uppdraget", "## Redovisning av uppdraget"
RESUMED = re.compile(r"(?m)^#+\s*(?:[^\n]*\b[Uu]ppdrag(?:et|ets)?\b|Redovisning|Återrapportering)[^\n]*$")


def background_span(text: str) -> tuple[int, int]:
    """Where a decision tells of earlier decisions ("Bakgrund", "Skälen för regeringens beslut"), up to a heading
    about the assignment again; (len(text), len(text)) where it has no background."""
    bg = BACKGROUND.search(text)
    if not bg:
        return len(text), len(text)
    again = RESUMED.search(text, bg.end())
    return bg.start(), again.start() if again else len(text)


# the reports in which an inquiry tells its own remit: a committee's betänkande, an utredare's promemoria (Ds)
INQUIRY_REPORTS = {"betänkande", "promemoria"}
TASK_INTRO = re.compile(
    rf"(?:\b(?:ska|skall)(?:{S}+(?:bland{S}+annat|bl\.{S}?a\.|särskilt|även|också|vidare|i{S}+uppdraget|"
    rf"inom{S}+ramen{S}+för{S}+uppdraget|gemensamt|tillsammans|utifrån[^:\n]{{0,80}}|"
    rf"(?:i|vid|inom){S}+[^:\n.]{{0,60}}?(?={S}+(?:särskilt|bland{S}+annat)\b)|[a-zåäö]+{S}+(?:följande|bl\.{S}?a\.)))*{S}*:?|"
    # "Uppdraget ska bl.a. omfatta:", "uppdraget omfattar följande:"
    rf"[Uu]ppdraget{S}+(?:(?:ska|skall){S}+(?:(?:bland{S}+annat|bl\.{S}?a\.|även|också){S}+)?(?:omfatta|innefatta|inkludera|"
    rf"innehålla)|ingår|omfattar|innebär|innefattar)(?:[^:\n]{{0,60}}:|{S}+att)|"     # (… "omfatta att ⏎ • …")
    rf"[Ii]{S}+uppdraget{S}+(?:ingår|framgår)[^:\n]{{0,80}}:|[Uu]ppdraget{S}+är{S}+formulerat:|"
    rf"[Uu]ppdrag(?:en|et){S}+är{S}+att:?|\b(?:i|ett(?:{S}+[a-zåäö]+)?){S}+uppdrag{S}+att{S}*:?|följande{S}+uppdrag[^:\n]{{0,80}}:|[Uu]ppdraget{S}+består{S}+av[^:\n]{{0,60}}:|"
    # the subject after the modal: "Inom ramen för uppdraget ska Arbetsförmedlingen:", "… ska PTS ⏎ • …"
    rf"\b(?:ska|skall){S}+(?:[A-ZÅÄÖ][\wåäöÅÄÖ()-]*(?:{S}+[\wåäöÅÄÖ()-]+){{0,6}}?|myndigheten|myndigheterna)"
    rf"(?:{S}+(?:bland{S}+annat|bl\.{S}?a\.|särskilt|även|också))?{S}*:?|"
    rf"\b(?:uppdrar|uppdras|uppdrog){S}+(?:regeringen{S}+)?(?:åt{S}+)?[^\n:]{{2,150}}?{S}+att{S}*:?)\s*$")
INCLUDES = re.compile(rf"\b[Ii]{S}+uppdraget{S}+ingår{S}+(?:(?:även|också|vidare|dessutom|bland{S}+annat){S}+)?att{S}+(?P<task>[^\n]+)")
REPORT = re.compile(
    rf"\b(?:(?:slut|del|åter)?(?:redovis|rapport)\w*|lämna{S}+(?:(?:ett|sitt){S}+)?(?:slut|del)?betänkande|lämnas|"
    rf"inkomm(?:a|it)|(?:ha{S}+)?kommit{S}+in|överlämnas|ges{S}+in|informera[rs]?|hålla)\b", re.I)
DUE = re.compile(
    rf"\bsenast{S}+(?:(?:[a-zåäö]+dagen{S}+)?den{S}+)?{DAY}{S}+{MONTH_WORD}(?:{S}+(?P<year>(?:19|20)\d\d))?"
    rf"(?P<rec>(?:,?{S}+(?:årligen|varje{S}+år|varje{S}+kalenderår|varje{S}+halvår|"
    rf"från{S}+och{S}+med{S}+(?:år{S}+)?\d{{4}}|t\.o\.m\.{S}+\d{{4}}|till{S}+och{S}+med{S}+(?:år{S}+)?\d{{4}}|"
    rf"under{S}+(?:åren{S}+)?\d{{4}}{S}*[–-]{S}*\d{{4}}|\(\d{{4}}{S}*[–-]{S}*\d{{4}}\)))*)", re.I)
# what is proposed to the Government Offices by a day is reported by it: "Digg ska … senast den 31 december 2021 till
# Regeringskansliet (Infrastrukturdepartementet) föreslå en förvaltning av …", "… ska lämna förslag till
# Socialdepartementet senast den 1 mars 2020"
_TO_GOVERNMENT = rf"till{S}+(?:Regeringskansliet|[A-ZÅÄÖ][a-zåäö-]+departementet)(?:{S}*\([^()\n]{{2,60}}\))?"
PROPOSED_TO_GOVERNMENT = re.compile(
    rf"\b(?:föreslå|lämna{S}+(?:sina{S}+|sitt{S}+|ett{S}+)?förslag|inkomma{S}+med{S}+(?:sina{S}+|ett{S}+)?förslag)\b"
    rf"[^.;\n]{{0,60}}?{_TO_GOVERNMENT}{S}+senast\b"
    rf"|\bsenast{S}+(?:den{S}+)?\d{{1,2}}{S}+[a-zåäö]+{S}+(?:19|20)\d\d{S}+{_TO_GOVERNMENT}{S}+"
    rf"(?:föreslå|lämna{S}+(?:sina{S}+|sitt{S}+|ett{S}+)?förslag|inkomma{S}+med)\b")
DUE_ISO = re.compile(r"\bsenast\s+(?:den\s+)?(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)")
# (either end may be a day: "under perioden den 1 januari 2021–31 december 2023")
_DAY = rf"(?:(?:den{S}+)?\d{{1,2}}{S}+[a-zåäö]+{S}+)?"
PERIOD = re.compile(
    rf"\b(?:under|perioden|åren|period(?:en)?|mellan|från|fram{S}+till|för{S}+perioden|verksamhetsåren)"
    rf"{S}+(?:(?:perioden|åren|år){S}+)?{_DAY}(?P<a>(?:19|20)\d\d){S}*(?:-|–|—|till|och|t\.o\.m\.){S}*{_DAY}"
    rf"(?P<b>(?:19|20)\d\d)\b")
SELF_REPORT = re.compile(
    r"(?:denna|den här|föreliggande|detta)\s+(?:åter|slut|del)?(?:rapport|redovisning|promemoria|skrivelse)"
    r"|(?:slut|del|åter)?redovisas\s+(?:med|i|genom)\s+(?:denna|den här|detta)"
    r"|härmed\s+(?:redovisar|återrapporterar|slutredovisar|delredovisar|rapporterar|överlämnar)"
    # a heading, not a sentence of the decision ("Redovisning av uppdraget ska hänvisa till …",
    # "Slutredovisning av uppdraget ska lämnas …")
    r"|(?:^(?:#\s*)?(?:Åter)?[Rr]apport(?:ering)?\s+(?:av|för|om)\s+(?:regerings)?uppdrag"
    r"|^(?:#\s*)?(?:Slut|Del)?[Rr]edovisning\s+av\s+(?:regerings)?uppdrag"
    r"|^(?:#\s*)?(?:Åter|Slut|Del)(?:rapport|redovisning)\b)"
    r"(?![^\n]{0,80}?\b(?:ska|skall|bör)\s+(?:lämnas|ske|hänvisa|redovisas|ges|göras|innehålla|omfatta)\b)",
    re.I | re.M)
# a committee of inquiry by its name ("2023 års krigsmaterielutredning", "Kommittén för …")
COMMITTEE_NAME = re.compile(r"(?i)utredning|kommitté|kommission|delegation")
GOVERNMENT_CONTEXT = re.compile(r"[Rr]egering|departementet|Regeringskansliet")
BUDGET_CONTEXT = re.compile(r"\bbudget", re.I)


@dataclass
class Cand:
    kind: str | None
    issuer: str | None
    assignees: list[str]
    groups: list[str]
    task: str | None
    sent: tuple[int, int]
    anchor: int
    present: bool
    title: str | None = None
    decided_on: str | None = None
    year: str | None = None
    dnr: list[str] = field(default_factory=list)
    task_end: int = 0
    received: bool = False     # "X har den 14 oktober 2020 fått i uppdrag att …": one X received before
    offer: bool = False        # "Regeringen erbjuder regionerna …": an erbjudande beside the page's assignment
    announced: bool = False    # "Regeringen avser att ge X i uppdrag att …": one to come, beside the page's own


# ====================================================================== the stage


# words without which a text (or a sentence) gives no assignment: uppdra/uppdrag, budget, utse/utsåg, an inquiry's
# "uppgift" (not "uppgifter", data)
ASSIGNMENT_CUES = ("uppdr", "budget", "utse", "utsåg", "tillkalla", "tillsätta", "tillsatte", "erbjud", " uppgift ")


def _has_cue(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in ASSIGNMENT_CUES)


def extract(ctx: Ctx) -> None:
    text = ctx.text
    if not _has_cue(text):
        return
    sents = ctx.sentences()
    background_at = background_span(text)[0]
    decision = _decision_title(ctx)

    cands: list[Cand] = []
    for a, b in sents:
        cands.extend(_cues(ctx, a, b, decision is not None))
    cands.extend(_citations(ctx))
    if ctx.members_propose:
        cands = [c for c in cands if not c.present]     # a motion asks for what it says in the present tense

    out: list[Assignment] = []
    main: Assignment | None = None
    # whether the page gives its assignment in the present tense ("Regeringen uppdrar åt X att …"); a directive's
    # past tense tells its committee's own first remit
    told_now = ctx.kind != "kommittédirektiv" and any(c.present and c.assignees for c in cands)
    if decision is None and ctx.kind == "kommittédirektiv":
        decision = _directive(ctx)
    if decision:
        main = _main_assignment(ctx, decision, cands, sents, background_at, told_now)
        if not main.assignees and not main.assignee_descriptions:
            main.assignee_descriptions = _assignee_words(ctx, decision)
        if ctx.kind == "kommittédirektiv":
            main.tasks += _inquiry_tasks(ctx, background_at)
        # an "Uppdrag …" page is an assignment even when it goes to a person ("Uppdrag till en
        # förhandlingsperson"), and a committee directive is one to its utredare
        if main.assignees or main.assignee_descriptions or re.match(r"(?i)(?:regerings)?uppdrag\b", main.title):
            out.append(main)
    for c in cands:
        if main is not None and _belongs_to_main(c, decision, background_at, told_now):
            continue
        if not c.kind or not (c.assignees or c.offer and c.groups):
            continue
        out.extend(_from_cand(ctx, c, sents, cands))
    if main is not None and main not in out and not out and _changes_with_date(ctx, decision, main, background_at):
        out.append(main)
    out = _merge(out)
    if ctx.kind in INQUIRY_REPORTS:
        # a committee's report recounts its own assignment: what "ingick" in it is its tasks, and so is what else
        # it says the committee was asked ("Kommittén har även haft i uppdrag att …"): one remit
        own = next((a for a in out if any(COMMITTEE_NAME.search(x) for x in a.assignees)), None)
        author = ctx.out.document.author
        committee = author in ctx.bodies.bodies and bool(COMMITTEE_NAME.search(author))
        remit = _inquiry_tasks(ctx, len(text)) if own is not None or committee else []
        if own is None and not remit:
            # the remit as it was given, or as the report's own (also a named committee's that tells it as given to a
            # person: "En särskild utredare har haft uppdraget att …")
            own = _unnamed_remit(ctx, author)
            out += [own] if own else []
            remit = _inquiry_tasks(ctx, len(text)) if own is not None and not committee else remit
        if own is None and remit:
            # the remit told only by what it held ("I uppdraget har ingått att …", "Vi har haft i uppdrag att …"):
            # the committee's own, from the government that appointed it
            ev = [ctx.span(m.start(), m.end()) for rx in (NOUN_REMIT, INCLUDED, INQUIRY_DUTY) for m in rx.finditer(text)]
            if ev:
                out.append(Assignment(kind="regeringsuppdrag", title=remit[0], issuer=ctx.bodies.resolve("regeringen"),
                                      assignees=[author], tasks=[], evidence=sorted(ev)))
                own = out[-1]
        if own is not None:
            own.tasks += remit
            for a in [a for a in out if a is not own and a.assignees == own.assignees]:
                own.tasks.append(a.title)
                _absorb(own, a)
                out.remove(a)
    out += _meeting_assignments(ctx, out)
    out += _listed_remits(ctx, out)
    out += _table_remits(ctx, out)
    ctx.extras["cited_earlier"] = _cited_by_number(ctx, out)     # (earlier decisions: none of this one's tasks)
    out += ctx.extras["cited_earlier"]
    listed = _listed_decisions(ctx)
    if listed:
        # a page that changes decisions it lists: the decisions it changes are the assignments
        out = [a for a in out if a is not main] + listed
    if main is not None and main.title.startswith("Tilläggsdirektiv"):
        _original_directive(ctx, main)
    # a cited decision without a named assignee ("Regeringen (2023) Uppdrag att implementera …")
    # names the assignment that a sentence of the text describes
    for c in cands:
        if c.title and not c.assignees and not (main is not None and _belongs_to_main(c, decision, background_at, told_now)):
            best = max(out, key=lambda a: _overlap(c.title, [a.title] + a.tasks), default=None)
            if best is not None and _overlap(c.title, [best.title] + best.tasks) >= 0.6 and best.kind == "regeringsuppdrag":
                _absorb(best, Assignment(kind=best.kind, title=c.title, decided_on=c.decided_on,
                                         diarienummer=list(c.dnr), evidence=[ctx.span(*c.sent)]))
    for a in out:
        a.tasks = list(dict.fromkeys(without_subject(t, a.assignees) for t in a.tasks if t))
        a.evidence = sorted(set(a.evidence))
    ctx.out.assignments.extend(out)
    _reports_on(ctx, out)


# ---------------------------------------------------------------- earlier assignments cited by their numbers

# an earlier assignment the text names with its diarienummer: "uppdraget om förstärkta insatser i arbetet med utslussning
# (Ju2015/09899/KRIM)", "uppdraget att öppna nya servicekontor som regeringen lämnade till Statens servicecenter den 27
# maj 2021 (Fi2021/02208)", "regeringsuppdragen om unga dömda och våldsamma klienter Ju2013/04393/KRIM, Ju2013/04394 och
# Ju2013/07450/KRIM"
_GOV_DNR = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?(?:19|20)\d\d/\d{1,6}(?:/[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,7})*"
CITED_BY_NUMBER = re.compile(
    rf"\b(?P<noun>(?:[Rr]egerings)?[Uu]ppdrag(?:et|en)?){S}+(?P<link>om|att){S}+(?P<title>[^().;:\n]{{5,220}}?)"
    rf"(?P<given>{S}+som{S}+regeringen{S}+(?:lämnade|gav|beslutade)\b[^().;:\n]{{0,120}}?)?"
    rf"{S}*(?:\({S}*(?:dnr{S}+)?|,{S}+dnr{S}+|{S}+)(?P<dnrs>{_GOV_DNR}(?:(?:,{S}*|{S}+(?:och|samt){S}+){_GOV_DNR})*)")
# the agency's own: "de erfarenheter som myndigheten har gjort inom ramen för …", "myndighetens uppdrag …"
OWN_WORDS = re.compile(r"\b(?:myndigheten|myndighetens|sitt|sina|sin|dess|egna)\b")


def _cited_by_number(ctx: Ctx, out: list[Assignment]) -> list[Assignment]:
    """Earlier assignments a text cites by name and diarienummer (CITED_BY_NUMBER): given by the government, to the body
    the citation names ("som regeringen lämnade till X") or, where the sentence says it is the agency's own, to the one
    agency the sentence names before it. One assignment for the numbers of one name."""
    text = ctx.text
    own_dnr = set(ctx.out.document.diarienummer)
    known = {d for a in out for d in a.diarienummer}
    gov = ctx.bodies.resolve("regeringen") or "Regeringen"
    found: list[Assignment] = []
    for m in CITED_BY_NUMBER.finditer(text):
        dnrs = [d.notation for d in find_diarienummer(m["dnrs"]) if d.registry]
        if not dnrs or set(dnrs) & (own_dnr | known):
            continue
        s0 = max((text.rfind(c, 0, m.start()) for c in (". ", "\n")), default=-1) + 1
        # the bodies the citation names, else those of its sentence before it
        where = (m.start("given"), m.end("given")) if m["given"] else (s0, m.start())
        named = [x.label for x in ctx.bodies.mentions_in(*where)
                 if ctx.bodies.bodies[x.label].kind not in ("regering", "departement")]
        who = named if m["given"] else \
            named[:1] if len(set(named)) == 1 and OWN_WORDS.search(text, s0, m.start()) else []
        if not who:
            continue
        title = clean(f"{m['noun']} {m['link']} {m['title']}")
        found.append(Assignment(kind="regeringsuppdrag", title=title_case(title), issuer=gov,
                                assignees=list(dict.fromkeys(who)), diarienummer=dnrs, evidence=[ctx.span(m.start(), m.end())]))
        known.update(dnrs)
    return found


# ---------------------------------------------------------------- assignments in a table

def _table_remits(ctx: Ctx, out: list[Assignment]) -> list[Assignment]:
    """A council's tasks to its boards as a table, as a budget or a plan gives them: "Uppdrag   Ansvarig nämnd   Klart ⏎
    Utreda möjligheten att … | Kultur- och fritidsnämnden | 2025-06-30": one assignment a row, from the council that
    wrote the document, due on the row's day."""
    doc = ctx.out.document
    issuer = doc.author if doc.author and ctx.bodies.get(doc.author) and \
        ctx.bodies.get(doc.author).kind in ("fullmäktige", "styrelse", "nämnd") else None
    budget = bool(BUDGET_CONTEXT.search(doc.title or ""))
    found: list[Assignment] = []
    for head, pos, end, task, mentions in task_table_rows(ctx.text, ctx.bodies.mentions_in, ctx.doc.leads):
        if not head["what"].lower().endswith("uppdrag") or issuer is None:
            continue
        task = as_clause(task)
        who = list(dict.fromkeys(m.label for m in mentions if m.label != issuer))
        if not who or any(set(who) & set(a.assignees) and _overlap(task, [a.title] + a.tasks) >= 0.6 for a in out):
            continue
        due = [d.iso for d in find_dates(ctx.text[pos:end]) if re.fullmatch(r"\d{4}-\d\d-\d\d", d.iso)]
        kind = "budgetuppdrag" if budget or head["what"].lower().startswith("budget") else "uppdrag"
        found.append(Assignment(kind=kind, title=task, issuer=issuer, assignees=who, tasks=[task],
                                decided_on=doc.date if kind == "budgetuppdrag" else None, report_due=due[:1],
                                evidence=[ctx.span(pos, end)]))
    return found


# ---------------------------------------------------------------- assignments listed under their heading

# the government's assignments to an agency under their heading, one numbered item each, as a regleringsbrev gives them:
# "## Uppdrag ⏎ 1. Skolverket ska ta fram stödmaterial om … Uppdraget ska redovisas … senast den 1 april 2025"; and a
# council's, as its budget lists them: "I budgeten ges följande uppdrag: ⏎ • Kommunstyrelsen ska kvartalsvis redovisa …"
REMITS_HEADING = re.compile(r"^[ \t#]*(?:Nya |Övriga |Särskilda )?[Uu]ppdrag[ \t]*:?[ \t]*$"
                            r"|(?:följande|nedanstående)[ \t]+(?:budget)?uppdrag(?:[ \t]+till[ \t]+[^\n:]{3,60})?[ \t]*:[ \t]*$", re.M)
REMIT_ITEM = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+(?P<item>[^\n]+(?:\n(?![ \t]*\d{1,2}[.)][ \t]|[ \t]*#|[ \t]*\n)[^\n]+)*)", re.M)
BULLET_REMIT_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[•\-–*])[ \t]+(?P<item>[^\n]+)", re.M)


def _listed_remits(ctx: Ctx, found: list[Assignment]) -> list[Assignment]:
    text = ctx.text
    issuer = ctx.bodies.resolve("regeringen")
    kind, items, decided_on = "regeringsuppdrag", REMIT_ITEM, None
    if issuer is None:
        # a council's: the assembly (or the board) that decided them, in a text of the municipality
        council = next((b.label for b in ctx.bodies.all() if b.kind == "fullmäktige"), None) or \
            next((b.label for b in ctx.bodies.all() if b.kind in ("styrelse", "nämnd") and b.label == ctx.out.document.author),
                 None)
        if council is None:
            return []
        issuer, items = council, BULLET_REMIT_ITEM
        kind = "budgetuppdrag" if re.search(r"\b[Bb]udget", text) else "uppdrag"
        decided = council_decided(ctx)
        if decided and decided["on"] and ctx.bodies.resolve(decided["who"]) == council:
            decided_on = next((d.iso for d in find_dates(decided["on"]) if d.has_year), None)
    out: list[Assignment] = []
    for h in REMITS_HEADING.finditer(text):
        start = h.end() + len(re.match(r"\s*", text[h.end():]).group())
        nxt = re.search(r"^[ \t]*#|\n[ \t]*\n" if items is BULLET_REMIT_ITEM else r"^[ \t]*#", text[start:], re.M)
        end = start + nxt.start() if nxt else len(text)
        for m in items.finditer(text, start, end):
            s0 = m.start("item")
            s1 = first_sentence_end(text, s0, m.end("item"))
            ms = ctx.bodies.mentions_in(s0, s1)
            dm = re.match(rf"(?:{S}*\([^()]{{1,40}}\))?{S}+(?:ska|skall){S}+(?:även{S}+|också{S}+)?", text[ms[0].end:s1]) \
                if ms and ms[0].start == s0 else None
            if dm is None or ctx.bodies.bodies[ms[0].label].kind in ("regering", "departement") or ms[0].label == issuer:
                continue
            task = task_text(text[ms[0].end + dm.end():s1])
            if len(task.split()) < 2 or any(ms[0].label in a.assignees and task in a.tasks for a in found):
                continue
            a = Assignment(kind=kind, title=task, issuer=issuer, assignees=[ms[0].label], tasks=[task],
                           decided_on=decided_on, evidence=[ctx.span(s0, s1)])
            for r0, r1 in ctx.sentences(s1, m.end("item")):
                _report(ctx, a, r0, r1)
            if kind != "regeringsuppdrag":
                _report(ctx, a, s0, s1)          # "… och redovisa till kommunfullmäktige senast den 30 juni 2013"
            out.append(a)
    ctx.extras["listed_remits"] = out
    return out


# ---------------------------------------------------------------- decisions at a meeting

# what a council, board or committee decides at its meeting that gives a task: "att ge barn- och utbildningsnämnden i
# uppdrag att ta fram en plan …", "att uppdra åt kommunstyrelsen att …", "Kommunstyrelsen får i uppdrag att …"
DECIDED_TASK = re.compile(
    r"^(?:att\s+)?(?:(?:ge|ger|gav|uppdra(?:r|de)?\s+(?:åt|till))\s+(?P<who>[^.;:]{2,150}?)\s+(?:även\s+|också\s+)?(?:i\s+uppdrag\s+)?"
    r"|(?P<who2>[A-ZÅÄÖa-zåäö][^.;:]{1,150}?)\s+(?:får|ges)\s+(?:även\s+|också\s+)?i\s+uppdrag\s+)att\s+(?P<task>\S.*)$", re.S)


# whom a task decided at a meeting reports to: "… och återrapportera till kommunstyrelsen senast 2021-10-31"
MEETING_REPORT_TO = re.compile(r"\b(?:åter)?(?:redovis|rapporter|återkomm)[a-zåäö]*\s+(?:[a-zåäö]+\s+){0,3}?till\s+"
                               r"(?P<to>[^\s,;.]+(?:\s+[^\s,;.]+){0,3}?)(?=\s+(?:senast|i|under|före|den|med|om)\b|[,;.]|$)")


def _meeting_assignments(ctx: Ctx, out: list[Assignment]) -> list[Assignment]:
    """The assignments a meeting decides, one per decision that gives a body a task (not what a board proposes
    another to decide: "föreslår kommunstyrelsen besluta att ge …")."""
    found: list[Assignment] = []
    for meeting in ctx.out.meetings:
        for item in meeting.items:
            for d in item.decisions:
                m = DECIDED_TASK.match(d.text)
                if not m or not d.evidence or re.search(r"\bföreslå", d.text[:m.start("task")]):
                    continue
                g = "who" if m["who"] else "who2"
                if g == "who" and not re.search(r"\bi\s+uppdrag\s+att\b|^(?:att\s+)?uppdra", d.text):
                    continue                   # "ge förvaltningen möjlighet att …" gives no task
                who = ctx.bodies.resolve(m[g])
                if who is None and len(d.evidence) == 1 and m[g][:1].isupper():
                    # (a clause with its lead-in would name the deciding body first; "kommundirektören får …" names none)
                    # (before the charge: a body after it is a partner, "… får i uppdrag att tillsammans med Region
                    # Norrbotten utreda …")
                    charge = re.search(r"\b(?:i\s+uppdrag|uppdras)\b", ctx.text[d.evidence[0].start:d.evidence[-1].end])
                    hits = ctx.bodies.mentions_in(d.evidence[0].start, d.evidence[0].start + charge.start()) if charge else []
                    who = hits[0].label if hits else None
                task = re.sub(r"\s+", " ", m["task"]).strip(" .,;")
                task = re.sub(r",?\s+(?:samt|och)$", "", task)
                if who is None or who == meeting.body or len(task) < 8 or \
                        any(who in a.assignees and _overlap(task, [a.title] + a.tasks) >= 0.6 for a in out + found):
                    continue
                due = re.search(r"\bsenast\s+(?:den\s+)?(?P<d>[^,;]{6,30})", task)
                dates = [x.iso for x in find_dates(due["d"])] if due else []
                to = MEETING_REPORT_TO.search(task)
                to = ctx.bodies.resolve(to["to"]) if to else None
                # (a task given in the decision on the budget is a budgetuppdrag: "§ 87 Budget 2023 och plan 2024–2025")
                kind = "budgetuppdrag" if re.match(r"(?:[A-ZÅÄÖ][\wåäö-]*\s+)?[Bb]udget\b", item.title or "") else "uppdrag"
                a = Assignment(kind=kind, title=task, issuer=meeting.body, assignees=[who],
                               decided_on=meeting.date, diarienummer=list(item.diarienummer), tasks=[task],
                               reports_to=[to] if to else [], report_due=dates[:1], evidence=list(d.evidence))
                # the report asked for in the next "att"-clause: "Uppdraget ska redovisas till kommunstyrelsen senast …"
                later = item.decisions[item.decisions.index(d) + 1:]
                if not dates and later and later[0].evidence and ASSIGNMENT_REPORTED.match(later[0].text):
                    _report(ctx, a, later[0].evidence[0].start, later[0].evidence[-1].end)
                found.append(a)
    return found


# a decision's clause that says when and to whom the assignment before it reports
ASSIGNMENT_REPORTED = re.compile(r"(?:att\s+)?(?:[Uu]ppdraget|[Aa]rbetet|[Ff]örslaget|[Rr]esultatet|[Dd]etta)\s+(?:ska|skall)\s+"
                                 r"(?:(?:åter|slut|del)?redovisas|(?:åter)?rapporteras|lämnas|presenteras)\b")


# ---------------------------------------------------------------- decision documents

@dataclass
class Decision:
    title: str
    span: tuple[int, int]
    dnr: list[str]
    assignees: list[str]
    decided_on: str | None = None


# who a committee directive or an assignment to a person charges, in its words: "En särskild utredare ska …",
# "Uppdrag till en förhandlingsperson att …"
ASSIGNEE_WORDS = re.compile(
    r"\b(?P<who>(?:[Ee]n|[Ee]tt) (?:särskild |parlamentariskt sammansatt |parlamentarisk |nationell |statlig |särskilt tillkallad )?"
    r"(?:bokstavsutredare|utredare|kommitté|delegation|samordnare|förhandlingsperson|utredning|expertgrupp|utredningsgrupp))\b")
# "Utredaren ska bl.a. …", "En särskild utredare ska föreslå …", "Vidare ska utredaren analysera …"; the task runs to
# the end of its sentence, past the dots of "bl.a." and "s.k."
_INQUIRER = r"(?:utredaren|kommittén|delegationen|samordnaren|utredningen|förhandlingspersonen)"
# the words between an inquiry and the charge it was given, in its own report: "har därför också haft i uppdrag att"
_REMIT_ADVERB = (r"(?:även|också|dessutom|vidare|ursprungligen|därför|därutöver|särskilt|genomgående|bl\.\s?a\.|"
                 r"bland\s+annat|i\s+denna\s+del|i\s+det\s+sammanhanget|i\s+[a-zåäö]+\s+(?:19|20)\d\d|i\s+huvudsak|"
                 r"huvudsakligen|främst|framför\s+allt)")
_REMIT_CHARGE = r"(?:(?:i|till)\s+(?:uppdrag|uppgift)(?:et|en)?\s+att|det\s+(?:[a-zåäö]+\s+)?uppdraget\s+att|uppdraget\s+att)"
INQUIRY_DUTY = re.compile(
    r"(?m)(?:^|(?<=[.!?]\s))(?:(?:Utredaren|Kommittén|Delegationen|Samordnaren|Utredningen|Förhandlingspersonen"
    r"|En (?:särskild |parlamentariskt sammansatt |parlamentarisk |nationell )?(?:utredare|kommitté|delegation|samordnare"
    # (with its name and title set off by commas: "En särskild utredare, Sigurd Heuman, f.d. lagman, ska …")
    # ... or with a relative clause: "En särskild utredare, som ska fungera som nationell samordnare, ska …")
    r"|förhandlingsperson))(?:,\s+[A-ZÅÄÖ][^,;:\n]{1,60}(?:,\s+[^,;:\n]{1,60})?,|,\s+som\s+[^,;:\n]{3,100},)?\s+(?:ska|skall|skulle"
    # ... or is given the charge: "En särskild utredare ges i uppdrag att …", "Utredningen får därför i uppdrag att …"
    r"|(?:får|ges)\s+(?:(?:därför|nu|även|också|dessutom|vidare)\s+)*i\s+uppdrag\s+att)"
    # "Regeringen tillsätter en utredare som ska analysera …"
    r"|Regeringen\s+(?:tillsätter|tillkallar)\s+en\s+(?:särskild\s+)?(?:utredare|kommitté|delegation)\s+som\s+(?:ska|skall)"
    # ... or charges it: "Regeringen uppdrar åt en särskild utredare att …", "Regeringen ger en kommitté i uppdrag att …"
    r"|Regeringen\s+(?:uppdrar\s+åt|ger)\s+en\s+(?:särskild\s+|parlamentariskt\s+sammansatt\s+)?(?:utredare|kommitté|delegation"
    r"|samordnare)\s+(?:i\s+uppdrag\s+)?att"
    # the inverted order after any opening words is a main clause: "Vidare ska utredaren …", "I en första etapp ska
    # utredaren analysera …", "Om utredaren finner att …, ska utredaren lämna …", "Enligt direktiven skulle utredningen …"
    # ("Som ett led i detta ska en särskild utredare överväga …")
    rf"|[A-ZÅÄÖ][^.\n:;]{{0,260}}?\s(?:ska|skall|skulle)\s+(?:{_INQUIRER}|en\s+(?:särskild\s+|parlamentariskt\s+sammansatt\s+)?"
    r"(?:utredare|kommitté|delegation|samordnare)\b)"
    # a committee's report: "Därtill har utredningen haft att analysera …"
    rf"|(?:Vidare|Därutöver|Dessutom|Därtill|Slutligen)\s+har\s+{_INQUIRER}\s+(?:även\s+|också\s+)?haft\s+att"
    # ... and the further parts of its remit: "Utredningen fick även i uppdrag att …", "Vidare fick utredningen i uppdrag
    # att …", "Kommittén har också haft i uppdrag att …", "Utredningen har även haft att ta ställning till …"
    # ("Utredningen har haft i uppdrag att …", "Utredaren hade också i uppdrag att …", "Utredningen har till uppdrag att …")
    # (in its own report the committee is "vi": "Vi har också haft i uppdrag att …")
    # (with a time or an aside before the charge: "Utredningen fick i augusti 2018 i uppdrag att …", "Utredaren fick,
    # inom ramen för direktiven, också i uppgift att …", "Vi har därför fått i uppdrag att …", "Utredningen har haft det
    # övergripande uppdraget att …")
    rf"|(?:Utredningen|Kommittén|Utredaren|Delegationen|Vi)\s+(?:fick|har|hade)(?:,\s+[^,.\n:;]{{2,60}},)?\s+"
    rf"(?:{_REMIT_ADVERB}\s+)*(?:(?:haft|fått|getts|givits)\s+)?(?:{_REMIT_ADVERB}\s+)*(?:{_REMIT_CHARGE}|(?<=haft\s)att)"
    # "Genom ett tilläggsdirektiv fick utredningen också i uppdrag att …", "Slutligen har vi haft i uppdrag att …",
    # "I denna del har utredningen haft till uppgift att …"
    rf"|[A-ZÅÄÖ][^.\n:;]{{0,160}}?\s(?:fick|har|hade)\s+(?:{_INQUIRER}|vi)\s+(?:{_REMIT_ADVERB}\s+)*"
    rf"(?:(?:haft|fått)\s+)?(?:{_REMIT_ADVERB}\s+)*(?:{_REMIT_CHARGE}|(?<=haft\s)att))"
    r"(?:,?\s+(?:(?:också|även|vidare|därutöver|dessutom|därtill|bl\.\s?a\.|bland annat|särskilt|samtidigt)\s+)*|(?=:))"   # "ska, om …,"
    + TASK_TO_END)


def _directive(ctx: Ctx) -> Decision | None:
    """A committee directive is the government's assignment to the inquiry it sets up: its title."""
    tl = title_line(ctx.text)
    if tl is None:
        return None
    title = clean(ctx.text[tl[0]:tl[1]])
    return Decision(title, tl, [], [], None) if len(title) >= 8 else None


def _assignee_words(ctx: Ctx, d: Decision) -> list[str]:
    """The words that name an assignee who is no body: the inquiry a tilläggsdirektiv extends ("Tilläggsdirektiv
    till utredningen En effektiv Sevesolagstiftning"), a person in the title, else in the opening of the text."""
    text = ctx.text
    t = re.match(r"Tilläggsdirektiv\s+till\s+(?P<who>.+?)(?:\s*\([A-ZÅÄÖ][A-Za-zåäö]{0,3}\s?\d{4}:\d+\))?$", d.title)
    if t:
        return [t["who"]]
    # a group the title gives it to, described, not named: "Uppdrag till de centrala museerna om …", "Uppdrag till vissa
    # länsstyrelser att …"
    t = TITLE_TO.match(d.title)
    if t and re.match(r"(?:de|vissa|samtliga|alla|berörda|statliga|[a-zåäö]+a)\s+[a-zåäö]", t["slot"]) \
            and ctx.bodies.resolve(t["slot"]) is None:
        return [t["slot"]]
    m = ASSIGNEE_WORDS.search(text, d.span[0], d.span[1]) or ASSIGNEE_WORDS.search(text, d.span[1], d.span[1] + 1500)
    return [m["who"][0].lower() + m["who"][1:]] if m else []


# an inquiry's report that names no committee tells its remit as its own: "Vårt uppdrag har varit att …", "Uppdraget
# har varit att …", "En särskild utredare har haft i uppdrag att …", "Utredaren har haft i uppdrag att …" (or with the
# utredare's name: "Utredaren Anna Berg har haft …")
OWN_REMIT = re.compile(
    rf"(?m)(?:^|(?<=[.!?]{S}))(?:(?:Vårt|Mitt|Uppdraget)(?:{S}+(?:huvudsakliga|övergripande|ursprungliga))?(?:{S}+uppdrag)?"
    rf"{S}+(?:har{S}+varit|var|är|har{S}+bestått{S}+i)"
    # (a working group of a ministry, a committee: "En arbetsgrupp inom Socialdepartementet har därför fått i uppdrag att",
    # "Arbetsgruppen har haft till uppdrag att", "En kommitté har haft i uppdrag att", "… har haft som uppdrag att")
    rf"|(?P<slot>En{S}+(?:särskild{S}+)?utredare|Utredaren|Utredningen|Kommittén|En{S}+kommitté|Vi"
    rf"|(?:En{S}+arbetsgrupp|Arbetsgruppen)(?:{S}+inom{S}+(?:Regeringskansliet|[A-ZÅÄÖ][a-zåäö]+departementet))?)(?:{S}+[A-ZÅÄÖ][a-zåäöé-]+){{0,3}}"
    rf"{S}+(?:har|hade|fick)(?:{S}+(?:därför|också|även|under{S}+[a-zåäö]+|i{S}+[a-zåäö]+{S}+(?:19|20)\d\d))*(?:{S}+(?:haft|fått))?"
    rf"{S}+(?:i{S}+uppdrag|uppdraget|i{S}+uppgift|(?:till|som){S}+(?:uppdrag|uppgift))){S}+(?P<link>att)\b")
# ... or set up with its remit: "Östersjöberedningen tillsattes i december 1998 med uppgift att …", "En utredning har därför
# tillsatts med uppdrag att …", "Arbetsgruppen tillsattes med uppgift att …"
SET_UP_WITH = re.compile(
    rf"(?m)(?:^|(?<=[.!?]{S}))(?P<slot>[A-ZÅÄÖ][a-zåäö-]*(?:utredningen|beredningen|kommittén|delegationen)|En{S}+utredning|"
    rf"Arbetsgruppen){S}+(?:har{S}+(?:därför{S}+)?)?(?:tillsattes|tillkallades|tillsatts|tillkallats)(?:{S}+[^.\n]{{0,40}}?)?"
    rf"{S}+med{S}+(?:uppdrag(?:et)?|uppgift(?:en)?){S}+(?P<link>att)\b")

# ... or after the words it opens with: "Med anledning av att antalet poliser behöver öka fick en utredare i uppdrag att …"
OWN_REMIT_INVERTED = re.compile(
    rf"(?m)(?:^|(?<=[.!?]{S}))[A-ZÅÄÖ][^.\n:;]{{0,160}}?{S}(?:fick|har|hade){S}+(?P<slot>en{S}+(?:särskild{S}+)?utredare)"
    rf"{S}+(?:(?:fått|haft){S}+)?(?:i{S}+uppdrag|i{S}+uppgift){S}+(?P<link>att)\b")

# the assignees a charge announces as a list after it: "Regeringen uppdrar åt följande myndigheter att medverka i
# arbetet: • Boverket • …"
FOLLOWING = re.compile(r"(?:de\s+)?följande(?:\s+[a-zåäö]+){0,2}")
# the day of the decision, where the sentence tells it: "Regeringen beslutade den 17 september 2009 att tillkalla …"
APPOINTED_ON = re.compile(r"\b(?:beslutade|tillsatte|tillkallade|uppdrog|gav)\b[^.\n]{0,40}?\bden\s+(?=\d)")


def _unnamed_remit(ctx: Ctx, author: str | None) -> Assignment | None:
    """The remit of an inquiry whose report names no committee of its own: told as it was given ("Regeringen beslutade
    den 17 september 2009 att tillkalla en särskild utredare med uppgift att …", "Utredningens uppdrag har varit att …")
    or as its own (OWN_REMIT). Its assignee is the report's author where that is a body ("Utredaren"), else the
    words the text gives it ("en särskild utredare", "utredningen"); the government's assignment, named or not."""
    text = ctx.text
    m = min((m for rx in (APPOINT, APPOINT_GIVING, DIRECTED, REMIT_OF, OWN_REMIT, OWN_REMIT_INVERTED, SET_UP_WITH)
              for m in rx.finditer(text)),
            key=lambda m: m.start(), default=None)
    if m is None:
        return None
    start = m.end("link") if m["link"] else m.end()
    line_end = text.find("\n", start)
    end = first_sentence_end(text, start, len(text) if line_end < 0 else line_end)
    # (less the committee's number: "… stimulera tjänstehundsaveln (Jo 2009:01)")
    rest = re.sub(r"\s*\([A-ZÅÄÖ][a-zåäö]{0,3}\s?(?:19|20)\d\d:\d+\)$", "", text[start:end].strip(" ,."))
    tasks = split_tasks(task_text(rest)) if rest and not rest.endswith(":") else \
        [task_text(text[a:b]) for a, b in _bullets_after(ctx, end)]
    tasks = [t for t in tasks if t]
    if not tasks:
        return None
    who = re.sub(r"(?<=[nr])s$", "", m["slot"]) if m["slot"] and m["slot"] != "Vi" else "utredningen"
    s0 = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
    # (a memorandum's ministry is not its working group: "Arbetsgruppen har haft i uppgift att …" in a Ds)
    named = author is not None and author in ctx.bodies.bodies and \
        ctx.bodies.bodies[author].kind not in ("departement", "regering")
    when = APPOINTED_ON.search(text, s0, m.start("slot") if m["slot"] else m.start())
    decided = next((iso for iso, _, _ in iso_dates(ctx, when.end(), end)), None) if when else None
    return Assignment(kind="regeringsuppdrag", title=tasks[0], issuer=ctx.bodies.resolve("regeringen"),
                      assignees=[author] if named else [], assignee_descriptions=[] if named else [_described(who)],
                      decided_on=decided, tasks=tasks, evidence=[ctx.span(s0, end)])


def _described(who: str) -> str:
    """The words for an assignee as within a sentence: "en särskild utredare", "utredningen"; a name as it is written
    ("Östersjöberedningen")."""
    generic = re.match(r"(?:En|Ett|Utredningen|Utredaren|Kommittén|Arbetsgruppen|Delegationen|Beredningen)\b", who)
    return who[0].lower() + who[1:] if generic else who


# a part of a committee's remit told as what it covers: "Den andra delen av uppdraget omfattar preventiv
# tvångsmedelsanvändning enligt flera olika regelverk", "Uppdraget har därutöver innefattat en begränsad frågeställning …"
NOUN_REMIT = re.compile(rf"(?:[Dd]en{S}+(?:första|andra|tredje|fjärde|sista){S}+delen{S}+av{S}+uppdraget|[Uu]ppdraget)"
                        rf"{S}+(?:omfattar|omfattade|har{S}+(?:(?:därutöver|även|också|dessutom){S}+)?(?:omfattat|innefattat))"
                        rf"{S}+(?!att\b|följande\b|bland\b|bl\.|även\b|också\b|inte\b|ej\b)(?P<task>[a-zåäö][^.\n]{{5,240}})")


def _inquiry_tasks(ctx: Ctx, end: int) -> list[str]:
    """What a directive's utredare or committee shall do: "Utredaren ska bl.a. …", with the list it opens."""
    text = ctx.text
    tasks: list[str] = [task_text(m["task"]) for m in NOUN_REMIT.finditer(text, 0, end)] \
        if ctx.kind in INQUIRY_REPORTS else []
    for m in INCLUDED.finditer(text, 0, end):
        line_end = text.find("\n", m.end())
        rest = "" if "\n" in m.group() else text[m.end():end if line_end < 0 else min(line_end, end)]
        sentences = re.split(r"\.\s+(?=[A-ZÅÄÖ])", rest)
        rest = sentences[0].strip(" ,.")        # to the end of its sentence
        # (a list after the line leads on from its last sentence only: "… är att A. I uppdraget har ingått att ⏎ • …")
        lead = rest + " " if rest and len(sentences) == 1 and line_end > 0 and runs_into_list(text, line_end) else ""
        if rest and not lead:
            tasks += split_tasks(task_text(rest))
        else:
            tasks += [task_text(lead + text[a:b]) for a, b in _bullets_after(ctx, m.end() - 1 if not lead else line_end)]
    tasks += [task for _, task, _, _ in inquiry_duties(ctx, end)
              if not re.match(r"(?:redovisa|slutredovisa|delredovisa)\s+(?:uppdraget|sitt|sina)\b", task)]
    return tasks


# who an INQUIRY_DUTY sentence names: "Utredaren", "Kommittén", "En särskild utredare"
INQUIRER_NAMED = re.compile(r"\b(?:[Ee]n (?:särskild |parlamentariskt sammansatt |parlamentarisk |nationell )?(?:utredare|kommitté|"
                            r"delegation|samordnare|förhandlingsperson)|[Uu]tredaren|[Kk]ommittén|[Dd]elegationen|[Ss]amordnaren|"
                            r"[Uu]tredningen|[Ff]örhandlingspersonen)\b")


# ... of them, the inquiries one person is: "En särskild utredare", "Utredaren", "Samordnaren"
PERSON_INQUIRER = re.compile(r"[Ee]n (?:särskild |nationell )?(?:utredare|samordnare|förhandlingsperson)|[Uu]tredaren|"
                             r"[Ss]amordnaren|[Ff]örhandlingspersonen")


ITEM_NAMES_INQUIRER = re.compile(r"^(?:Utredaren|Kommittén|Utredningen|Delegationen|Samordnaren)\s+(?:ska|skall)\s+"
                                 r"(?=(?:(?:även|också|dessutom|särskilt|vidare|genomgående)\s+)*[a-zåäö])")


def inquiry_duties(ctx: Ctx, end: int) -> list[tuple[str, str, int, int]]:
    """What a directive's utredare or committee shall do ("Utredaren ska bl.a. …", with the list it opens): (who, as
    written, the task, where the words that give it begin and end)."""
    text = ctx.text
    out: list[tuple[str, str, int, int]] = []
    for m in INQUIRY_DUTY.finditer(text, 0, end):
        task = m["task"].strip(" ,")
        who = INQUIRER_NAMED.search(text, m.start(), m.start("task"))
        who_text = who.group() if who else ""
        # "Utredaren ska därför ⏎ • …", "… ska utredaren inom ramen för uppdraget bl.a. ⏎ • …"
        lead_only = re.fullmatch(r"(?:(?:nu|därför|således|alltså|i övrigt|vidare|också|även|dessutom)\s*)+", task) or \
            re.search(r"\b(?:bl\.\s?a|bland annat)\.?$", task)
        # "Enligt tilläggsdirektiven skulle utredningen även bl.a. ⏎ * föreslå …": the list is the tasks
        list_next = "\n" in text[m.start():m.start("task")]
        if len(task) < 4 and not lead_only and not task.endswith(":"):
            continue                                        # (not "Utredaren ska: ⏎ • …")
        if list_next or task.endswith(":") or lead_only:
            after = text.rindex("\n", 0, m.start("task")) if list_next else \
                m.end() - 1 if text[m.end() - 1:m.end()] in ".\n" else m.end()
            # (an item may name the inquiry again: "* Utredaren ska genomgående ha ett jämställdhetsperspektiv …")
            out += [(who_text, task_text(ITEM_NAMES_INQUIRER.sub("", text[a:b], count=1)), a, b)
                    for a, b in _bullets_after(ctx, after)]
        elif runs_into_list(text, m.end("task")):
            # "… har utredningen haft att överväga om ⏎ * det bör inrättas …": each item completes the sentence
            out += [(who_text, task_text(f"{task} {text[a:b]}"), a, b) for a, b in _bullets_after(ctx, m.end("task"))]
        else:
            # (a long sentence is a row of tasks, each kept; one that is not split is kept up to a paragraph's length)
            out += [(who_text, t, m.start(), m.end()) for t in split_tasks(task_text(task)) if len(t) <= 600]
    return out


def _slot_bodies(ctx: Ctx, m: re.Match | None) -> list[str]:
    """The bodies a match names in its group "slot" (none without a match)."""
    return body_labels(parties(ctx, m.start("slot"), m.end("slot"), register="agency")) if m else []


def _decision_title(ctx: Ctx) -> Decision | None:
    """The title of a document that is itself an assignment decision, or None.

    Either a title line "Uppdrag …" among the first lines, or a heading line followed by an
    operative "Regeringen uppdrar/ger/beslutar att ge …"; and the text must show the government's
    decision (a municipal "Uppdrag att …" is not one).
    """
    text = ctx.text
    m = TITLE.search(text, 0, 1200)
    header_lines = 6 if not re.search(r"\bRegeringsbeslut\b", text[:300]) else 40
    if m and text[:m.start()].count("\n") <= header_lines:
        t0, t1 = m.start("title"), m.end("title")
    else:
        first = re.match(r"\s*#+[ \t]*([^\n]+)", text)
        if not first or not re.search(rf"(?m)^[^\n]{{0,200}}\b(?:[Rr]egeringen|Med{S}+ändring)[^\n]{{0,200}}?"
                                      rf"\b(?:uppdrar|ger{S}+[^\n]{{0,120}}uppdrag|beslutar{S}+att{S}+(?:ge|uppdra)|"
                                      rf"(?:förlänger|kompletterar|ändrar|utökar|utvidgar)[^\n]{{0,60}}uppdrag)\b",
                                      text[first.end():first.end() + 800]):
            return None
        t0, t1 = first.start(1), first.end(1)
    dnr: list[str] = []
    dm = re.search(r"Diarienummer:?", text[t0:t1], re.I)
    if dm:
        dnr = [d.notation for d in find_diarienummer(text[t0 + dm.end():t1])]
        t1 = t0 + dm.start()
    # a page title glued to its number: "…kollektivtrafikskyddLI2025/01020", "…marknadDir. 2025:90"
    gm = re.search(r"(?<=[a-zåäö)])(?:(?P<d>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\d{4}/\d+(?:/[A-ZÅÄÖ-]+)?)|Dir\.\s*\d{4}:\d+)\s*$",
                   text[t0:t1])
    if gm:
        if gm["d"]:
            dnr.append(gm["d"])
        t1 = t0 + gm.start()
    title = clean(text[t0:t1])
    if len(title) < 8:
        return None
    decided = None
    hdr = text[:t0]
    if re.search(r"\bRegeringsbeslut\b", hdr):
        got = [d for d in find_dates(hdr, ctx.year) if d.has_year]
        decided = got[0].iso if got else None
    if not dnr:
        # a header diarienummer around the title, before the first operative sentence
        op = re.search(r"\b(?:uppdrar|ger|får|ges|beslutar|ska)\b", text[t1:])
        header = text[:t0] + "\n" + text[t1:t1 + (op.start() if op else 0)]
        dnr = [d.notation for d in find_diarienummer(header) if d.registry]
    assignees: list[str] = []
    tm = TITLE_TO.match(text, t0)
    if tm and tm.end("slot") <= t1:
        assignees = _slot_bodies(ctx, tm)
    elif re.match(r"Tilläggsdirektiv\s+till\b", title):
        # "Tilläggsdirektiv till LSS-kommittén (S 2004:06)": the committee the directive extends
        assignees = [mm.label for mm in ctx.bodies.mentions_in(t0, t1)][:1]
    # a municipal paper titled "Uppdrag att …" is not a government decision: the Government,
    # a ministry or a state agency as assignee must show that it is
    government_page = ctx.kind in ("regeringsuppdrag", "regeringsbeslut", "kommittédirektiv")
    state = any(ctx.bodies.bodies[x].kind == "myndighet" for x in assignees if x in ctx.bodies.bodies)
    operative = re.search(rf"\b[Rr]egeringen{S}+(?:uppdrar|ger|beslutar|har{S}+(?:gett|beslutat)|förlänger|ändrar|"
                          rf"kompletterar|utökar|utvidgar)\b|\bRegeringsbeslut\b|departementet\b", text[:2000])
    if not (government_page or state or operative):
        return None
    return Decision(title, (t0, t1), list(dict.fromkeys(dnr)), assignees, decided)


ORIGINAL_DIRECTIVE = re.compile(
    rf"\b[Rr]egeringen{S}+beslutade{S}+den{S}+(?P<date>\d{{1,2}}{S}+[a-zåäö]+{S}+(?:19|20)\d\d){S}+"
    rf"(?:kommittédirektiv|direktiv){S}+(?:om|för){S}+(?P<att>att{S}+)?(?P<task>[^()\n]{{5,300}}?){S}*"
    rf"\((?P<dir>[Dd]ir\.{S}?(?:19|20)\d\d:\d{{1,3}})\)")


def _original_directive(ctx: Ctx, a: Assignment) -> None:
    """A tilläggsdirektiv extends the assignment its committee was given: "Regeringen beslutade den 16
    augusti 2018 kommittédirektiv om att identifiera … (dir. 2018:85)" is that decision."""
    m = ORIGINAL_DIRECTIVE.search(ctx.text)
    if not m:
        return
    got = list(iso_dates(ctx, m.start("date"), m.end("date")))
    if got and not a.decided_on:
        a.decided_on = got[0][0]
    a.diarienummer.append(re.sub(r"\.\s?", ". ", m["dir"]))
    if m["att"]:
        a.tasks.insert(0, task_text(m["task"]))     # "om att identifiera …"; "om ett förstärkt samhällsskydd" is a subject
    a.evidence.append(ctx.span(m.start(), m.end()))


# the decision of a page that changes an assignment: "Regeringen beslutar att ändra tidigare uppdrag att …",
# "Regeringen beslutar, med ändring av regeringens beslut den 3 mars 2011 om …, att förlänga tiden för uppdraget …",
# "Med ändring av beslut den 17 november 2016 om uppdrag att … beslutar regeringen att …", "Regeringen förlänger
# uppdraget …"
CHANGE_TITLE = re.compile(rf"(?:Ändring|Förlängning|Komplettering|Utvidgning|Utökning|Tillägg){S}+(?:av|till)\b")
CHANGE_DECIDED = re.compile(
    rf"\b[Rr]egeringen{S}+(?:beslutar(?:{S}*,[^.;\n]{{0,300}}?,)?{S}+att{S}+(?:ändra|förlänga|komplettera|utvidga|utöka)"
    rf"|ändrar|förlänger|kompletterar|utvidgar|utökar)\b[^.;\n]{{0,80}}?\buppdrag"
    rf"|\b[Mm]ed{S}+ändring{S}+av\b[^.\n]{{0,400}}?\bbeslutar{S}+regeringen\b")


def _changes_with_date(ctx: Ctx, d: Decision, main: Assignment, background_at: int) -> bool:
    """Whether a page that names no assignee of its own is the change of an earlier assignment that sets its report
    date: a change title ("Ändring av uppdrag att …"), the decision that changes it ("Regeringen beslutar att ändra
    tidigare uppdrag att …") and a report date of its own ("Slutlig redovisning av uppdraget ska ske … senast den 31
    december 2017"). It is stored as the page's assignment, as a change that names its assignee is: the change of the
    assignment it cites, which the links between documents name (styrgraf/links.py)."""
    if not CHANGE_TITLE.match(d.title) or not any(re.fullmatch(r"\d{4}-\d\d-\d\d", x) for x in main.report_due):
        return False
    return bool(CHANGE_DECIDED.search(ctx.text, d.span[1], background_at))


def _belongs_to_main(c: Cand, d: Decision | None, background_at: int, told_now: bool) -> bool:
    if d is None:
        return False
    if c.title and c.sent[0] != d.span[0]:
        return False           # a cited earlier decision
    if c.received and c.decided_on:
        return False           # an earlier decision, dated
    if told_now and not c.present and c.decided_on and c.decided_on != d.decided_on:
        return False           # "Regeringen gav den 5 maj 2020 Statskontoret i uppdrag att …" beside the page's own
                               # "Regeringen uppdrar åt …": an earlier decision
    if c.offer or c.announced:
        return False           # an erbjudande beside it, or one announced, is an assignment of its own
    if c.anchor < background_at:
        return True
    return c.present


def _main_assignment(ctx: Ctx, d: Decision, cands: list[Cand], sents, background_at: int, told_now: bool) -> Assignment:
    text = ctx.text
    gov = ctx.bodies.resolve("regeringen") or "Regeringen"
    a = Assignment(kind="regeringsuppdrag", title=d.title, issuer=gov, diarienummer=list(d.dnr),
                   decided_on=d.decided_on, evidence=[ctx.span(*d.span)])
    a.assignees = list(d.assignees)
    mine = [c for c in cands if _belongs_to_main(c, d, background_at, told_now)]
    for c in mine:
        a.assignees += [x for x in c.assignees if x not in a.assignees]
        if c.task:
            a.tasks += split_tasks(c.task)
        if c.decided_on and not a.decided_on:
            a.decided_on = c.decided_on
        a.evidence.append(ctx.span(*c.sent))
    # (a phrase, not a name: "En särskild utredare" first in its sentence is "en särskild utredare")
    described = [g[0].lower() + g[1:] if re.match(r"(?:En|Ett)\s", g) else g for c in mine for g in c.groups]
    if not a.assignees and described:
        # "Regeringen uppdrar åt myndigheterna som upptas i bilagan att …": the group it names, not the first body a
        # later sentence gives a part of the work to
        a.assignee_descriptions = list(dict.fromkeys(described))
    # the sentences of the decision itself: after its title, not in its background
    decision_sents = [(s0, s1) for s0, s1 in sents if d.span[1] <= s0 <= background_at]
    if not a.assignees and not described:
        # "Statens skolverk ska ta fram …", "MSB ska …": the subject of the first operative "ska"
        for s0, s1 in decision_sents:
            # (or a change that names the assignment by whom it went to: "Uppdraget till Statens skolverk och
            # Socialstyrelsen om att … ändras på så vis att …")
            of = ASSIGNMENT_OF.match(text, s0, s1)
            m = None if of else OPERATIVE_MODAL.match(text, s0, s1)
            if m and PERSON_INQUIRER.fullmatch(m["slot"].strip()):
                break           # "En särskild utredare ska …": charged, and no body; not the subject of a later sentence
            got = _slot_bodies(ctx, of or m)
            first = ctx.bodies.mentions_in(m.start("slot"), m.end("slot"))[:1] if got and m else []
            if first:
                lead = LEAD_ADV.match(text, m.start("slot"), m.end("slot"))
                if text[lead.end() if lead else m.start("slot"):first[0].start].strip(" ,("):
                    got = []    # the subject is not a body: "Uppdraget, som utgår från en överenskommelse med X, ska …"
            if got:
                a.assignees += [x for x in got if x not in a.assignees]
                a.evidence.append(ctx.span(s0, s1))
                if not BULLET_START.match(text, s0):
                    break       # the subject of the first operative sentence; of every item of a list
            elif a.assignees:
                break
    if not a.assignees and not described:
        # "Regeringen kompletterar uppdraget till Trafikverket …", "… i Socialstyrelsens uppdrag att …"
        for s0, s1 in decision_sents:
            m = ASSIGNMENT_OF.search(text, s0, s1)
            if m and REPORTED_TO.search(text, max(s0, m.start() - 40), m.start()):
                m = None          # "… slutredovisa uppdraget till Regeringskansliet": whom it reports to
            got = _slot_bodies(ctx, m)
            if not got:
                got = [mm.label for mm in ctx.bodies.mentions_in(s0, s1)
                       if re.match(rf"s{S}+(?:\w+{S}+)?uppdrag", text[mm.end:mm.end + 30])
                       and ctx.bodies.bodies[mm.label].kind not in ("regering", "departement")][:1]
            if got:
                a.assignees = got
                a.evidence.append(ctx.span(s0, s1))
                break
    if not a.assignees and not described:
        # "Uppdrag om samverkan mellan Konstnärsnämnden och Statens kulturråd … Myndigheterna ska gemensamt …": the
        # agencies its title has work together, when the decision speaks of them as "myndigheterna" (not those it
        # names as the object: "Uppdrag att avveckla X, Y och Z … Myndigheterna ska läggas ned …")
        between = re.search(r"\b(?:samverkan|samarbete|samordning)\s+mellan\s+", text[d.span[0]:d.span[1]])
        agencies = list(dict.fromkeys(mm.label for mm in ctx.bodies.mentions_in(d.span[0] + between.end(), d.span[1])
                                      if ctx.bodies.bodies[mm.label].kind == "myndighet")) if between else []
        told = next(((s0, s1) for s0, s1 in decision_sents if THE_AGENCIES.match(text, s0, s1)), None)
        if len(agencies) >= 2 and told:
            a.assignees = agencies
            a.evidence.append(ctx.span(*told))
    # tasks: bullet lists after "X ska:" and "I uppdraget ingår att …"; on a page that extends or changes an
    # assignment, the part it names ("Regeringen förlänger även uppdraget att utöka antalet tester …")
    for s0, s1 in sents:
        if s0 >= background_at:
            break
        ext = EXTENDED_PART.search(text, s0, s1)
        if ext:
            a.tasks += [t for t in split_tasks(clean(ext["task"])) if t not in a.tasks]
            a.evidence.append(ctx.span(s0, s1))
        if TASK_INTRO.search(text, s0, s1) or TASK_INTRO.search(text[s0:s1]):
            items = _bullets_after(ctx, s1)
            a.tasks += [task_text(text[i0:i1]) for i0, i1 in items]
            if items:
                a.evidence.append(ctx.span(s0, items[-1][1]))
        im = INCLUDES.search(text, s0, s1)
        if im:
            lead = clean(im.group("task"))
            items = _bullets_after(ctx, s1) if runs_into_list(text, s1) else []
            a.tasks += [task_text(lead + " " + text[i0:i1]) for i0, i1 in items] or [lead]
            if items:
                a.evidence.append(ctx.span(s0, items[-1][1]))
    # report deadlines and recipients anywhere in the decision, but those of the regions an erbjudande beside it goes to
    for s0, s1 in sents:
        group = GROUP_REPORTS.match(text, s0, s1)
        if not (group and any(c.offer and group["g"].lower() in (x.lower() for x in c.groups) for c in cands)):
            _report(ctx, a, s0, s1)
    # period
    for span in [d.span] + [c.sent for c in mine] + [x for x in sents if FOR_YEAR.search(text, *x)]:
        _period(ctx, a, *span)
    if not a.period_start and not a.period_end:
        _period_told(ctx, a, decision_sents)
    a.assignees = list(dict.fromkeys(a.assignees))
    return a


# when the work starts and how long it goes on, said of it: "Arbetet i rådet ska pågå till och med den 28 februari 2027",
# "Försöksverksamheten ska … starta senast den 1 januari 2019 och ska pågå till och med den 30 juni 2020", "att med start
# hösten 2010 anordna utbildning …"
_SEASON = rf"(?:(?:hösten|våren|sommaren|vintern|i{S}+[a-zåäö]+){S}+)?"
STARTS = re.compile(rf"\b(?:(?:starta|påbörjas|inledas){S}+(?:senast{S}+)?|med{S}+start{S}+){_SEASON}{_DAY}(?P<a>(?:19|20)\d\d)\b")
LASTS = re.compile(rf"\bpågå{S}+(?:till{S}+och{S}+med|t\.o\.m\.|fram{S}+till|till){S}+{_DAY}(?P<b>(?:19|20)\d\d)\b")
# the years the assignment is paid for: "För uppdragets genomförande får SLU använda högst 5 000 000 kronor under 2018 och
# 3 500 000 kronor under 2019", "SCB får under 2025 använda högst 2 miljoner kronor för uppdraget", "• under 2026 betala ut
# högst 750 miljoner kronor …"
FUNDED = re.compile(rf"(?:\bfår\b[^.;\n]{{0,120}}?|\bunder{S}+(?:19|20)\d\d{S}+)\b(?:använda|rekvirera|betala{S}+ut|fördela)\b"
                    rf"[^.;\n]*\bkronor\b")
FUNDED_YEAR = re.compile(rf"\bunder{S}+(?:år{S}+|åren{S}+)?(?P<y>(?:19|20)\d\d)(?:{S}*[-–—]{S}*(?P<z>(?:19|20)\d\d))?\b")
# (a report's schedule is not the work's: "Rapporten ska redovisas … med start 2012")
REPORT_SCHEDULE = re.compile(r"\b(?:redovisa|rapport|lägesrapport|återrapport)", re.I)


def _period_told(ctx: Ctx, a: Assignment, sents: list[tuple[int, int]]) -> None:
    """The period a decision's other sentences give: how long the work goes on, else the years it is paid for."""
    text = ctx.text
    start = next((m["a"] for s0, s1 in sents if not REPORT_SCHEDULE.search(text, s0, s1)
                  for m in STARTS.finditer(text, s0, s1)), None)
    end = next((m["b"] for s0, s1 in sents for m in LASTS.finditer(text, s0, s1)), None)
    if start or end:
        a.period_start, a.period_end = start, end
        return
    # the period of what an assignee is to do, told right after its modal ("Socialstyrelsen ska även under perioden
    # 2026–2029 följa upp …"; not a period the work is about: "… övergrepp i den sociala barnavården 1920–1980")
    for s0, s1 in sents:
        m = PERIOD.search(text, s0, s1)
        if m and m.group().startswith("under") and re.search(r"\b(?:ska|skall)\s+(?:(?:även|också|dessutom)\s+)?$",
                                                               text[s0:m.start()]) \
                and int(m["a"]) <= int(m["b"]) and not REPORT_SCHEDULE.search(text, s0, s1):
            a.period_start, a.period_end = m["a"], m["b"]
            return
    years = sorted({y for s0, s1 in sents if FUNDED.search(text, s0, s1)
                    for m in FUNDED_YEAR.finditer(text, s0, s1) for y in (m["y"], m["z"]) if y})
    if years:
        a.period_start, a.period_end = years[0], years[-1]


# ---------------------------------------------------------------- cues in sentences

def _kind(ctx: Ctx, issuer: str | None, s0: int, s1: int, decision: bool) -> str | None:
    sentence = ctx.text[s0:s1]
    if issuer and ctx.bodies.get(issuer) and ctx.bodies.get(issuer).kind == "regering":
        return "regeringsuppdrag"
    council = issuer and ctx.bodies.get(issuer) and ctx.bodies.get(issuer).kind in ("fullmäktige", "styrelse", "nämnd")
    if council and ctx.kind == "protokoll" and (issuer in {m.body for m in ctx.out.meetings} or not ctx.out.meetings):
        # minutes give their own body's tasks item by item (_meeting_assignments); what another council gave
        # earlier ("Kommunfullmäktige gav 2023-06-19, § 77, kommunstyrelsen i uppdrag att …") is read here
        return None
    if BUDGET_CONTEXT.search(sentence):
        return "budgetuppdrag"
    # the tasks a council's budget gives its boards, one sentence each: "Socialnämnden får i uppdrag att …" in
    # "Budget 2024 och flerårsplan 2025–2026, antagen av kommunfullmäktige"
    own = ctx.bodies.get(ctx.out.document.author) if ctx.out.document.author else None
    if not issuer and own and own.kind == "fullmäktige" and BUDGET_CONTEXT.search(ctx.out.document.title or ""):
        return "budgetuppdrag"
    if council:
        # a council's or a board's decision ("Kommunfullmäktige beslutade att ge …"), not a proposal of one
        return None if re.search(r"\bföreslå", sentence) else "uppdrag"
    if re.search(r"regeringsuppdrag|uppdrag\s+(?:från|av)\s+regeringen|[Rr]egeringen|regeringsbeslut", sentence):
        return "regeringsuppdrag"
    if decision and ctx.kind != "beslut":
        return "regeringsuppdrag"
    return None


# a heading over a council's tasks to its boards, in a budget, a plan or a follow-up: "Budgetuppdrag", "Uppdrag från
# kommunfullmäktige", "KF-uppdrag 2018", "Kommunfullmäktiges uppdrag till nämnden" (its sentences need not say so)
COUNCIL_TASKS_HEADING = re.compile(
    r"(?im)^[ \t#*]*(?:(?:Särskilda|Nya|Pågående|Övriga)[ \t]+)?(?:(?P<budget>Budgetuppdrag|(?:KF|RF)-uppdrag)|"
    r"[Uu]ppdrag[ \t]+(?:från|av|i)[ \t]+(?P<from>(?:kommun|region|landstings)?fullmäktige|(?:kommun|region)styrelsen)|"
    r"(?P<of>(?:Kommun|Region|Landstings)?[Ff]ullmäktiges)[ \t]+uppdrag)\b[^\n.!?]{0,60}$")


def _headed_tasks(ctx: Ctx, s0: int) -> tuple[str, str | None] | None:
    """(kind, issuer) of a sentence under a heading of a council's tasks (COUNCIL_TASKS_HEADING), when no other
    heading stands between them: "Budgetuppdrag ⏎ Kultur- och fritidsnämnden får i uppdrag att …"."""
    text = ctx.text
    last = None
    for m in COUNCIL_TASKS_HEADING.finditer(text, max(0, s0 - 1500), s0):
        last = m
    # (another heading between them ends its part: a Markdown heading, or a short line of its own with no stop)
    if last is None or re.search(r"(?m)^[ \t]*(?:#+[ \t]|[A-ZÅÄÖ][^\n.:;,!?•*]{1,60}$)", text[last.end():s0]):
        return None
    if last["budget"]:
        return "budgetuppdrag", None
    words = (last["from"] or last["of"] or "").lower().removesuffix("s")
    return "uppdrag", ctx.bodies.resolve(words) or title_case(words)


def _issuer_left(ctx: Ctx, s0: int, at: int) -> str | None:
    """The body that is the subject just left of a verb ("Regeringen ger", "Kommunfullmäktige gav")."""
    left = ctx.text[s0:at]
    # ("Kommunfullmäktige beslutade den 12 juni 2021 att ge …": the day, and the § of the minutes, between the verb
    # and its "att")
    m = re.search(rf"(?P<w>\b{ISSUER_WORDS})(?:s)?{OF_PLACE}?{S}+(?:har{S}+|hade{S}+|beslutar{S}+|beslutade{S}+|att{S}+|"
                  rf"även{S}+|också{S}+|därför{S}+|nu{S}+|tidigare{S}+|den{S}+\d+{S}+\w+(?:{S}+\d{{4}})?,?{S}+|"
                  rf"(?:19|20)\d\d-\d\d-\d\d,?{S}+|"
                  rf"§{S}*\d+,?{S}+)*$", left)      # "… beslutade den 24 april 2023, § 56, att ge …"
    if m:
        return ctx.bodies.resolve(m["w"]) or title_case(m["w"].lower())
    ms = [mm for mm in ctx.bodies.mentions_in(s0, at) if at - mm.end < 50]
    if len(ms) > 1 and re.fullmatch(rf"{S}+i{S}+", ctx.text[ms[-2].end:ms[-1].start]) \
            and ctx.bodies.bodies[ms[-1].label].kind in ("kommun", "region"):
        ms.pop()                          # "Socialnämnden i Karlstads kommun gav …": the board, not its municipality
    if ms and re.fullmatch(rf"s?{OF_PLACE}?{S}*(?:har|hade|även|också|därför|beslutar{S}+att|beslutade{S}+att)?{S}*",
                           ctx.text[ms[-1].end:at]):
        return ms[-1].label
    return None


# the number of the committee directive a decision is: "(Dir. 2009:101)", "(direktiv 2012:50)"
DIRECTIVE_NUMBER = re.compile(r"\s*\((?:[Dd]ir\.|[Dd]irektiv)\s?(?P<n>(?:19|20)\d\d:\d{1,3})\)")


def task_text(s: str) -> str:
    """A task as written, without a leading period ("under 2020–2023 …") or "bland annat", a trailing
    diarienummer in parentheses or a dangling "och"."""
    s = re.sub(r"^att\s+(?=[a-zåäö])", "", clean(s))         # a list item that repeats its intro's "att"
    s = re.sub(r"^(?:under\s+(?:perioden\s+|åren\s+)?)?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s+(?=[a-zåäö])", "", s)
    s = re.sub(r"\s*\((?:dnr\s*)?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\s?\d{4}/[^)]*\)$", "", s)
    s = DIRECTIVE_NUMBER.sub("", s).rstrip()
    s = re.sub(r"(?:,|\s+(?:och|samt|eller))$", "", s)
    return clean(without_hedge(s))


def _task(ctx: Ctx, start: int, s1: int) -> tuple[str | None, int]:
    text = ctx.text
    end = s1
    m = re.search(r"\n|\.\d{1,3}(?=\s+[A-ZÅÄÖ])|,?\s#{1,4}\s", text[start:s1])
    if m:
        end = start + m.start()
    task = task_text(text[start:end])
    return (task or None), end


def _charged_by(ctx: Ctx, issuer: str | None) -> str:
    """How the party a decision charges is told from words: the government charges an organisation or a person, so
    a name of one word it charges is an organisation unless it is a first name ("Regeringen uppdrar åt Handisam att
    …"); whom others charge must look like an organisation."""
    body = ctx.bodies.bodies.get(issuer) if issuer else None
    return "named" if body and body.kind == "regering" else "agency"


def _cues(ctx: Ctx, s0: int, s1: int, decision: bool) -> list[Cand]:
    text = ctx.text
    sentence = text[s0:s1]
    if not _has_cue(sentence):
        return []
    out: list[Cand] = []
    taken: list[tuple[int, int]] = []

    def add(kind_issuer: str | None, slot: tuple[int, int] | None, task_at: int, verb: str, anchor: int,
            extra_slot: tuple[int, int] | None = None, register: str = "agency", year: str | None = None,
            decided: str | None = None) -> None:
        if any(x0 <= anchor < x1 for x0, x1 in taken) or not_given(text, anchor, s0):
            return
        if slot and REFUSED_SLOT.match(text, *slot):
            return                        # "Regeringen ger inte X i uppdrag att …": refused
        whole = [mm for mm in ctx.bodies.mentions_in(*slot)
                 if text[slot[0]:mm.start].strip() == "" and text[mm.end:slot[1]].strip() == ""] if slot else []
        ps = [] if whole else parties(ctx, *slot, register=register) if slot else []
        if extra_slot:
            ps += parties(ctx, *extra_slot, register=register)
        # a slot that is one body's name as a whole is that body ("2023 års krigsmaterielutredning")
        assignees = ([whole[0].label] if whole else []) + body_labels(ps)
        groups = [p.text for p in ps if not p.label]
        kind = _kind(ctx, kind_issuer, s0, s1, decision)
        if kind is None and not kind_issuer and ctx.kind != "protokoll" and (headed := _headed_tasks(ctx, s0)):
            kind, kind_issuer = headed
        task, tend = _task(ctx, task_at, s1)
        if kind == "budgetuppdrag" and not kind_issuer:
            kind_issuer = _council(ctx, s0, s1)
        elif kind == "regeringsuppdrag" and not kind_issuer:
            kind_issuer = ctx.bodies.resolve("regeringen")     # the government's, when the text names it
        c = Cand(kind, kind_issuer, assignees, groups, task, (s0, s1), anchor, verb.lower() in PRESENT,
                 year=year, decided_on=decided, task_end=tend)
        if kind == "budgetuppdrag" and not c.year:
            ym = re.search(r"budget(?:en)?\s+(?:för\s+)?(?:verksamhetsåret?\s+)?(?:år\s+)?((?:19|20)\d\d)|((?:19|20)\d\d)\s+års\s+budget",
                           sentence, re.I)
            c.year = (ym.group(1) or ym.group(2)) if ym else None
        if kind in ("regeringsuppdrag", "uppdrag") and not c.decided_on:
            # ("… sedan den 3 maj 2021", "Kommunfullmäktige gav 2023-06-19, § 77, …": the day right after the verb)
            dm = re.search(rf"\b(?:sedan|den|gav|beslutade|beslöt)\s+((?:den\s+)?\d{{1,2}}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)",
                           text[s0:anchor + 60])
            if dm and not re.search(r"ändring\s+av[^.]{0,40}$", text[s0:s0 + dm.start()]):
                got = list(iso_dates(ctx, s0 + dm.start(1), s0 + dm.end(1)))
                c.decided_on = got[0][0] if got else None
        for d in find_diarienummer(sentence):
            if not re.search(r"ändring\s+av[^.]{0,80}$", sentence[:d.start]) and d.registry:
                c.dnr.append(d.notation)
        c.dnr += [f"Dir. {dm['n']}" for dm in DIRECTIVE_NUMBER.finditer(sentence)]
        taken.append((anchor, tend))
        out.append(c)

    for m in BUDGET_DECIDED.finditer(text, s0, s1):
        issuer = _issuer_left(ctx, s0, m.start()) or _council(ctx, s0, s1)
        add(issuer, (m.start("slot"), m.end("slot")), m.start("task"), m["verb"], m.start(), year=m["year"])
    author = ctx.out.document.author
    for m in sorted([*APPOINT.finditer(text, s0, s1), *APPOINT_GIVING.finditer(text, s0, s1)], key=lambda m: m.start()):
        if not (ctx.kind in INQUIRY_REPORTS and author and COMMITTEE_NAME.search(author) and author in ctx.bodies.bodies):
            continue                   # in a report: the committee that wrote it is the one appointed (read before
                                       # GIVE, which would take "uppdra åt en särskild utredare att" for no body)
        ctx.bodies.add(author, ctx.bodies.bodies[author].kind, m.start("slot"), m.end("slot"), surface=m["slot"])
        add(_issuer_left(ctx, s0, m.start()) or ctx.bodies.resolve("regeringen"), (m.start("slot"), m.end("slot")),
            m.end("link") + 1, m["verb"], m.start())
    for m in GIVE.finditer(text, s0, s1):
        issuer = _issuer_left(ctx, s0, m.start())
        slot = (m.start("slot"), m.end("slot"))
        # "Regeringen beslutar att ge …": the issuer is further left
        if not issuer:
            issuer = _issuer_left(ctx, s0, max(s0, m.start() - len("beslutar att ")))
        before = len(out)
        add(issuer, slot, m.end("link") + 1 if m["link"] == "att" else m.start("link"), m["verb"], m.start(),
            register=_charged_by(ctx, issuer))
        if INTENDED.search(text, max(s0, m.start() - 40), m.start()):
            for c in out[before:]:
                c.announced = True     # "Regeringen avser att ge Brå i uppdrag att …": not the page's own decision
    for m in OFFER.finditer(text, s0, s1):
        issuer = _issuer_left(ctx, s0, m.start())
        if issuer and ctx.bodies.get(issuer) and ctx.bodies.get(issuer).kind == "regering":
            before = len(out)
            add(issuer, (m.start("slot"), m.end("slot")), m.end("link") + 1, m["verb"], m.start())
            for c in out[before:]:
                c.offer = True

    def body_first(m: re.Match) -> bool:
        return any(mm.start == m.start("slot") for mm in ctx.bodies.mentions_in(m.start("slot"), m.end("slot")))

    for m in GIVE_TO.finditer(text, s0, s1):
        if body_first(m):
            add(_issuer_left(ctx, s0, m.start()) or (ctx.bodies.resolve("regeringen") if re.search(
                r"\bregeringen\b", text[m.start():m.start("slot")], re.I) else None),
                (m.start("slot"), m.end("slot")), m.end("link") + 1, m["verb"], m.start())
    for m in CHARGE.finditer(text, s0, s1):
        if not m["to"] and not body_first(m):
            continue                   # without "åt", only a named body is the one charged
        issuer = _issuer_left(ctx, s0, m.start())
        if not issuer and re.search(r"regeringen", text[m.start():m.end("slot")], re.I):
            issuer = ctx.bodies.resolve("regeringen")
        if not issuer and m["verb"] in ("uppdras", "uppdrogs") and decision:
            issuer = ctx.bodies.resolve("regeringen")
        slot, listed = (m.start("slot"), m.end("slot")), None
        if FOLLOWING.fullmatch(m["slot"]) and (items := _bullets_after(ctx, s1)):
            slot, listed = None, (items[0][0], items[-1][1])   # "uppdrar åt följande myndigheter att …: • Boverket • …"
        add(issuer, slot, m.end("link") + 1, m["verb"], m.start(), extra_slot=listed,
            register=_charged_by(ctx, issuer) if m["to"] else "agency")
    for m in REMIT_OF.finditer(text, s0, s1):
        if not (ctx.kind in INQUIRY_REPORTS and author and COMMITTEE_NAME.search(author) and author in ctx.bodies.bodies):
            continue
        # ("Utredningens uppdrag": the committee is "Utredningen")
        ctx.bodies.add(author, ctx.bodies.bodies[author].kind, m.start("slot"), m.end("slot"), surface=m["slot"][:-1])
        issuer = ctx.bodies.resolve("regeringen")
        before = len(out)
        add(issuer or "Regeringen", (m.start("slot"), m.end("slot")),
            m.end("link") + 1 if m["link"] else m.end(), m["verb"], m.start())
        if len(out) > before:
            out[-1].kind, out[-1].issuer = "regeringsuppdrag", issuer     # the government's, named or not
    for m in REPORTS_REMIT.finditer(text, s0, s1):
        named = [mm for mm in ctx.bodies.mentions_in(max(s0, m.start() - 200), m.start()) if mm.end == m.start()]
        if not (ctx.kind in INQUIRY_REPORTS and named and named[-1].label == author):
            continue
        before = len(out)
        add(ctx.bodies.resolve("regeringen") or "Regeringen", (named[-1].start, named[-1].end), m.end("link") + 1,
            m["verb"], m.start())
        if len(out) > before:
            out[-1].kind, out[-1].issuer = "regeringsuppdrag", ctx.bodies.resolve("regeringen")
    for m in DESIGNATE.finditer(text, s0, s1):
        issuer = _issuer_left(ctx, s0, m.start())
        if issuer and ctx.bodies.bodies.get(issuer) and ctx.bodies.bodies[issuer].kind == "regering":
            add(issuer, (m.start("slot"), m.end("slot")), m.end("link") + 1, m["verb"], m.start())
    for m in HOLDS.finditer(text, s0, s1):
        left = _subject_left(ctx, s0, m.start())
        if not left:
            continue
        decided = None
        got = list(iso_dates(ctx, m.start("mid"), m.end("mid")))
        if got:
            decided = got[0][0]
        extra = None
        if m["with"]:
            w = re.match(rf"{S}+tillsammans{S}+med{S}+", m["with"])
            extra = (m.start("with") + w.end(), m.end("with"))
        issuer = ctx.bodies.resolve("regeringen")
        kind_hint = issuer or None
        nxt = text[s1:s1 + 300]
        # a committee's own remit, told in the past or, in its report, in the present ("Kommissionen för jämlik hälsa har
        # i uppdrag att …")
        committee = ("haft" in m.group() or ctx.kind in INQUIRY_REPORTS) and any(
            COMMITTEE_NAME.search(mm.label) for mm in ctx.bodies.mentions_in(*left))
        if m["plain"] and not committee:
            continue
        if not kind_hint and not committee and not GOVERNMENT_CONTEXT.search(sentence + nxt.split("\n")[0]):
            continue
        cand_before = len(out)
        add(kind_hint or "Regeringen", left, m.end("link") + 1, m["verb"], m.start(), extra_slot=extra,
            decided=decided)
        if len(out) > cand_before:
            out[-1].kind = "regeringsuppdrag"
            out[-1].issuer = issuer
            pm = PERIOD.search(text, m.start("mid"), out[-1].task_end) or \
                YEAR_RANGE.search(text, m.start("mid"), min(out[-1].task_end, m.end("link") + 40))
            if pm:
                out[-1].year = pm.group(1) if pm.re is YEAR_RANGE else pm["a"]
    for m in PASSIVE.finditer(text, s0, s1):
        mid = (m.start("mid"), m.end("mid"))
        mid_text = text[mid[0]:mid[1]]
        year = None
        issuer = None
        gm = re.search(rf"(?P<g>{ISSUER_WORDS})s{S}+budget", mid_text)
        if gm:
            issuer = ctx.bodies.resolve(gm["g"]) or title_case(gm["g"].lower())
        elif m["by"]:                 # "Miljönämnden fick i uppdrag av kommunstyrelsen att …"
            hits = ctx.bodies.mentions_in(m.start("by"), m.end("by"))
            issuer = hits[0].label if hits and hits[0].start == m.start("by") else None
        ym = re.search(r"budget(?:en)?\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d\d)", mid_text + " " + sentence)
        if ym:
            year = ym.group(1)
        # inverted word order: "I samband med budget 2016 fick kommunstyrelsen uppdraget att"
        inverted = mid_text.strip() and not re.match(
            rf"(?:i|inom|genom|enligt|från|av|under|även|också|därför|nu|redan|tidigare|den|sedan|år|\d)\b", mid_text.strip(), re.I)
        slot = None
        if inverted:
            ps = parties(ctx, *mid, register="none")
            if body_labels(ps) or (decision and any(looks_like_agency(p.text) for p in ps)):
                slot = mid
        if slot is None:
            slot = _subject_left(ctx, s0, m.start())
        if slot is None:
            continue
        before = len(out)
        add(issuer, slot, m.end("link") + 1, m["verb"], m.start(), year=year,
            register="agency" if (decision or GOVERNMENT_CONTEXT.search(sentence)) else "none")
        if len(out) > before:
            out[-1].received = m["verb"] not in PRESENT
    return out


def _subject_left(ctx: Ctx, s0: int, at: int) -> tuple[int, int] | None:
    """The names just left of a verb, as a slot ("Arbetsmarknadsnämnden fick", "där kommunstyrelsen gavs",
    "har Arbetsmarknadsnämnden fått")."""
    text = ctx.text
    # "Socialnämnden har i kommunfullmäktiges budget för 2022 fått": skip the adverbial and the auxiliary
    adv = re.search(rf"(?:{S}+(?:har|hade))?{S}+(?:i|inom|enligt|genom){S}+[^,.;\n]{{0,50}}?budget\w*"
                    rf"(?:{S}+för)?(?:{S}+verksamhetsåret?)?(?:{S}+år)?{S}+(?:19|20)\d\d{S}*$", text[s0:at])
    if adv and re.search(rf"\S", text[s0:s0 + adv.start()]):
        at = s0 + adv.start()
    # "Arbetsförmedlingen har den 14 oktober 2020 fått": and the date
    dated = re.search(rf"{S}+(?:har|hade){S}+den{S}+\d{{1,2}}{S}+[a-zåäö]+(?:{S}+(?:19|20)\d\d)?{S}*$", text[s0:at])
    if dated:
        at = s0 + dated.start()
    left = text[s0:at]
    # "2023 års insynskommitté är en parlamentariskt sammansatt kommitté som har haft i uppdrag att": what the
    # relative clause hangs on
    rel = re.search(rf"(?:^|[.:]{S}+)(?P<x>[^,.;:\n]{{2,120}}?){S}+är{S}+en{S}+(?:[\wåäö-]+{S}+){{0,3}}"
                    rf"(?:kommitté|utredning|myndighet|delegation|kommission){S}+som{S}*$", left)
    if rel and ctx.bodies.mentions_in(s0 + rel.start("x"), s0 + rel.end("x")):
        return (s0 + rel.start("x"), s0 + rel.end("x"))
    # the clause: after the last "där", "att", "som", "och", comma or "har" before the verb
    cut = 0
    for m in re.finditer(rf"(?:,|\bdär\b|\batt\b|\bsom\b|\bhar\b|\bhade\b|\bnär\b|\bdå\b|\beftersom\b|\bvilket\b|:|\)\s)", left):
        if m.group().startswith(")") and any(mm.end == s0 + left.rfind("(", 0, m.start()) - 1
                                             for mm in ctx.bodies.mentions_in(s0, s0 + m.start())):
            continue                   # "Brottsförebyggande rådet (Brå) får …": the name's short form, no clause
        cut = m.end()
    # keep "X och Y" lists: if the clause is a list, back up over " och "
    a = s0 + cut
    b = at
    # ... and over the names before it, one comma each: "Polismyndigheten, Åklagarmyndigheten och Domstolsverket får …"
    while cut and text[a - 1:a] == "," and ctx.bodies.mentions_in(s0 + cut, b):
        before = [m for m in ctx.bodies.mentions_in(s0, a - 1) if re.fullmatch(r"(?:\s*\([^()]{1,40}\))?\s*", text[m.end:a - 1])]
        if not before:
            break
        # (only a name that opens its clause: not "I samverkan med Skolverket, X och Y får …")
        if not re.fullmatch(r"(?:[^.;:\n]*(?:,|\bdär\b|\batt\b|\bsom\b|:)\s*|\s*)", text[s0:before[-1].start]):
            break
        a = before[-1].start
    while b > a and text[b - 1] in " \u00ad":
        b -= 1
    # drop an auxiliary at the end ("X har fått": the verb we matched is "fått")
    am = re.search(rf"{S}+(?:har|hade|även|också|därför)$", text[a:b])
    if am:
        b = a + am.start()
    if b - a < 2 or b - a > 200:
        return None
    ms = ctx.bodies.mentions_in(a, b)
    if ms:
        return (a, b)
    seg = clean(text[a:b])
    # "Utredningen har haft i uppdrag att …" in a committee's report: the committee that wrote it
    author = ctx.out.document.author
    if seg.lower() in ("utredningen", "kommittén", "utredaren", "delegationen", "kommissionen") and author and \
            COMMITTEE_NAME.search(author) and author in ctx.bodies.bodies:
        ctx.bodies.add(author, ctx.bodies.bodies[author].kind, a, b, surface=seg)
        return (a, b)
    # "Skolverk får i uppdrag att …": the subject of "får i uppdrag" is an organisation, and one word a letter or two
    # from the name of one state authority is that authority misspelt (not a new body "Skolverk")
    known = misspelt_authority(seg)
    if known:
        ctx.bodies.add(known, "myndighet", a, b)        # (no surface: a misprint is no name of the body)
        return (a, b)
    if looks_like_agency(seg) or re.search(r"\(([A-ZÅÄÖ]{2,8})\)$", seg):
        return (a, b)
    # "En utredare får i uppdrag att …", "En särskild samordnare ges i uppdrag att …": one the decision appoints
    if INQUIRER_NAMED.fullmatch(seg) and seg[:2].lower() == "en" and ctx.kind != "kommittédirektiv":     # (a directive's own: _directive)
        return (a, b)
    return None


def misspelt_authority(word: str) -> str | None:
    """The state authority of the register a word misspells, where it is one word of at least seven letters, no name
    the register knows, no first name, and within two letters (Levenshtein) of the one-word name of exactly one
    authority, the first three letters the same: "Skolverk" -> "Statens skolverk" ("Skolverket"); None otherwise."""
    if not re.fullmatch(r"[A-ZÅÄÖ][a-zåäöé-]{6,}", word) or word in NOT_NAME_START or word in first_names() \
            or lookup(word):
        return None
    near = {e.name for name, e in searchable_names().items()
            if e.kind == "myndighet" and " " not in name and name[:3] == word[:3]
            and Levenshtein.distance(word, name, score_cutoff=2) <= 2}
    return near.pop() if len(near) == 1 else None


def _council(ctx: Ctx, s0: int, s1: int) -> str:
    """The council that adopts a budget: the fullmäktige named in the sentence or document."""
    for mm in ctx.bodies.mentions_in(s0, s1):
        if ctx.bodies.bodies[mm.label].kind == "fullmäktige":
            return mm.label
    m = re.search(rf"\b(?P<w>{COUNCIL_WORDS})s?\b", ctx.text[s0:s1])
    if m:
        return ctx.bodies.resolve(m["w"]) or title_case(m["w"].lower())
    order = ("kommunfullmäktige", "regionfullmäktige", "landstingsfullmäktige", "fullmäktige")
    if re.search(r"\bregion(?:ens)?\b|\blandsting", ctx.text[s0:s1], re.I):
        order = ("regionfullmäktige", "landstingsfullmäktige", "fullmäktige", "kommunfullmäktige")
    for w in order:
        got = ctx.bodies.resolve(w)
        if got:
            return got
    return ctx.bodies.first_of_kind("fullmäktige") or title_case(order[0])


# a decision that a change lists on a line of its own, with its diarienummer:
# "Uppdrag till Länsstyrelsen i Stockholms län respektive erbjudande till Gotlands kommun m.fl. att … (N2018/04129/D)."
LISTED_DECISION = re.compile(
    rf"(?m)^[ \t•*-]*(?P<title>(?:Uppdrag|Erbjudande)(?:{S}+respektive{S}+(?:uppdrag|erbjudande|erbjudanden))?{S}+(?:till|åt){S}+"
    rf"[^\n]{{5,300}}?){S}*\((?:dnr{S}+)?(?P<dnr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{{0,4}}{S}?\d{{4}}/\d+(?:/[A-ZÅÄÖa-zåäö-]+)?)\)\.?[ \t]*$")


def _listed_decisions(ctx: Ctx) -> list[Assignment]:
    """The decisions a page of changes lists, one assignment for each "uppdrag till"/"erbjudande till" part."""
    text = ctx.text
    gov = ctx.bodies.resolve("regeringen") or "Regeringen"
    out = []
    for m in LISTED_DECISION.finditer(text):
        title = clean(m["title"])
        t0 = m.start("title")
        task = re.search(rf"{S}att{S}+(?P<t>.+)$", m["title"])
        parts = list(re.finditer(rf"(?:[Uu]ppdrag|[Ee]rbjudanden?){S}+(?:till|åt){S}+(?P<slot>.+?)"
                                 rf"(?={S}+(?:respektive|att|om|avseende)\b|{S}*$)", m["title"]))
        for part in parts:
            slot_end = t0 + part.end("slot")
            # "Länsstyrelsen i Stockholms län m.fl.": the named body, not the others
            slot = re.sub(rf"{S}+m\.{S}?fl\.?$", "", part["slot"])
            labels = body_labels(parties(ctx, t0 + part.start("slot"), t0 + part.start("slot") + len(slot),
                                         register="agency"))
            if not labels:
                continue
            a = Assignment(kind="regeringsuppdrag", title=title, issuer=gov, assignees=labels,
                           diarienummer=[m["dnr"].replace(" ", "")], evidence=[ctx.span(t0, m.end("dnr"))])
            if task:
                a.tasks.append(task_text(task["t"]))
            out.append(a)
            del slot_end
    return out


def _citations(ctx: Ctx) -> list[Cand]:
    """'Uppdrag till Arbetsförmedlingen avseende …, regeringsbeslut 2020-04-30, dnr Ku 2020/01108/ CSM';
    a link to a decision: '[Uppdrag till Polismyndigheten att vidta åtgärder …](/regeringsuppdrag/…)'."""
    text = ctx.text
    out = []
    seen: list[int] = []
    for m in LINKED_DECISION.finditer(text):
        tm = TITLE_TO.match(text, m.start("title"))
        if not tm or tm.end("slot") > m.end("title"):
            continue
        assignees = _slot_bodies(ctx, tm)
        task = clean(text[tm.end():m.end("title")]) if tm["link"] == "att" else None
        if assignees:
            seen.append(m.start("title"))
            out.append(Cand("regeringsuppdrag", ctx.bodies.resolve("regeringen") or "Regeringen", assignees, [], task,
                            (m.start("title"), m.end("title")), m.start("title"), False, title=clean(m["title"])))
    for m in list(CITATION.finditer(text)) + list(CITATION_AUTHOR.finditer(text)):
        if m.start("title") in seen:
            continue
        seen.append(m.start("title"))
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        title = clean(m["title"])
        tm = TITLE_TO.match(text, m.start("title"))
        assignees: list[str] = []
        if tm and tm.end("slot") <= m.end("title"):
            assignees = _slot_bodies(ctx, tm)
        decided = next(iter(iso_dates(ctx, m.start("rest"), m.end("rest"))), (None,))[0]
        dnr = [d.notation for d in find_diarienummer(text[m.end("title"):line_end]) if d.registry]
        c = Cand("regeringsuppdrag", ctx.bodies.resolve("regeringen") or "Regeringen", assignees, [], None,
                 (m.start("title"), line_end), m.start(), False, title=title, decided_on=decided, dnr=dnr)
        out.append(c)
    return out


# ---------------------------------------------------------------- building one assignment from a cue

BULLET_START = re.compile(r"[•*▪◦‣⁃–-]\s")
GLUED_ITEM = re.compile(r"(?:(?<=[,;.])|(?<=\soch)|(?<=\ssamt)) [•*] +")


def _bullets_after(ctx: Ctx, pos: int) -> list[tuple[int, int]]:
    """The list items right after pos: "• …", "* …", "- …", "1. …" lines (or "* " items joined on one line)."""
    text = ctx.text
    items: list[tuple[int, int]] = []
    p = pos
    while p < len(text) and text[p] in " \n\t" or p == pos and text[p:p + 1] in (".", ":"):
        p += 1                        # (past the stop of an intro: "Utredaren ska bland annat. ⏎ * …")
    while p < len(text):
        m = re.match(r"(?:[•*▪◦‣⁃-]|–|\d{1,2}[.)]|[a-h]\))\s+", text[p:p + 6])
        if not m:
            break
        line_end = text.find("\n", p)
        line_end = len(text) if line_end < 0 else line_end
        # several "* " items glued on one line by the normaliser
        start = p + m.end()
        for part in GLUED_ITEM.finditer(text, start, line_end):
            items.append((start, part.start()))
            start = part.end()
        items.append((start, line_end))
        p = line_end
        while p < len(text) and text[p] in " \n\t":
            p += 1
        if len(items) > 40:
            break
    # an item is its first sentence: what follows ("Utgångspunkten ska vara …") is said about it
    items = [(a, first_sentence_end(text, a, b)) for a, b in items]
    return [(a, b) for a, b in items if b - a > 3]


def _from_cand(ctx: Ctx, c: Cand, sents, all_cands: list[Cand]) -> list[Assignment]:
    text = ctx.text
    title = c.title or c.task or ""
    base = dict(kind=c.kind, issuer=c.issuer, assignees=list(c.assignees), decided_on=c.decided_on,
                diarienummer=list(dict.fromkeys(c.dnr)),
                # the regions or municipalities an erbjudande goes to, in the page's words
                assignee_descriptions=list(c.groups) if c.offer and not c.assignees else [])
    ev = [ctx.span(*c.sent)]
    # the scope: what follows the cue up to the next cue or heading, for bullets and report sentences
    nxt = min([x.sent[0] for x in all_cands if x.sent[0] > c.sent[0]] + [len(text)])
    scope_end = min(nxt, c.sent[1] + 1500)
    hm = re.search(r"\n(?:\d+(?:\.\d+)*\s+)?[A-ZÅÄÖ][^\n.:]{2,60}\n", text[c.sent[1]:scope_end])
    if hm:
        scope_end = c.sent[1] + hm.start()
    items: list[tuple[int, int]] = []
    intro = None
    if (c.task and c.task.endswith(":")) or (not c.task and text[c.sent[0]:c.sent[1]].rstrip().endswith(":")):
        items = _bullets_after(ctx, c.sent[1])
    else:
        for s0, s1 in sents:
            if s0 < c.sent[1] or s0 >= scope_end:
                continue
            if TASK_INTRO.search(text[s0:s1]):
                items = _bullets_after(ctx, s1)
                intro = (s0, s1)
                break
            if text[s0:s1].lstrip().startswith(("•", "*")):
                break
    out: list[Assignment] = []
    if c.kind == "budgetuppdrag" and items and (intro is None or "formulera" in text[intro[0]:intro[1]]
                                                or "uppdrag" in text[intro[0]:intro[1]].lower()):
        # each listed task of a budget is its own assignment
        for i0, i1 in items:
            t = task_text(text[i0:i1])
            a = Assignment(title=t, tasks=[t], evidence=ev + [ctx.span(i0, i1)], **base)
            _set_year(a, c)
            out.append(a)
        if c.task and not any(similar(c.task, x.title, 0.6) for x in out):
            a = Assignment(title=c.task.rstrip(":"), tasks=[c.task.rstrip(":")], evidence=list(ev), **base)
            _set_year(a, c)
            out.append(a)
        return out
    if not title and items:
        title = task_text(text[items[0][0]:items[0][1]])
    if not title:
        return []
    a = Assignment(title=clean(title.rstrip(":")), evidence=list(ev), **base)
    if c.task:
        a.tasks += split_tasks(clean(c.task.rstrip(":")))
    a.tasks += [task_text(text[i0:i1]) for i0, i1 in items]
    if items:
        a.evidence.append(ctx.span(items[0][0], items[-1][1]))
    _set_year(a, c)
    _period(ctx, a, *c.sent)
    if c.kind in ("regeringsuppdrag", "uppdrag", "budgetuppdrag"):
        for s0, s1 in sents:
            if c.sent[0] <= s0 <= scope_end:
                _report(ctx, a, s0, s1, subject=c.assignees + (c.groups if c.offer else []))
    doc = ctx.out.document
    if c.kind == "budgetuppdrag" and not a.decided_on and doc.author and c.issuer == doc.author:
        a.decided_on = doc.date        # a task of the council's budget: decided when the budget was adopted
    out.append(a)
    return out


def _set_year(a: Assignment, c: Cand) -> None:
    if c.kind == "budgetuppdrag" and c.year:
        a.period_start = a.period_start or c.year
    elif c.year and not a.period_start:
        a.period_start = c.year


# a year by itself, not the first of a range ("2026", "år 2026"; not "2026–2028")
_ONE_YEAR = rf"(?:år{S}+)?(?P<a>(?:19|20)\d\d)\b(?!{S}*(?:-|–|—|och|till){S}*(?:19|20)?\d\d)"
# one year, or dates of one span: "… beredskapsflygplatser under 2026", "under 2022 förbereda …",
# "fr.o.m. den 1 januari 2026 t.o.m. den 31 december 2026"
ONE_YEAR = re.compile(rf"\bunder{S}+{_ONE_YEAR}")
DATE_SPAN = re.compile(rf"\b(?:fr\.o\.m\.|från och med){S}+(?:den{S}+\d{{1,2}}{S}+[a-zåäö]+{S}+)?(?P<a>(?:19|20)\d\d){S}+"
                       rf"(?:t\.o\.m\.|till och med){S}+(?:den{S}+\d{{1,2}}{S}+[a-zåäö]+{S}+)?(?P<b>(?:19|20)\d\d)\b")


# the year the assignments are given for: "beslutar regeringen om flera uppdrag till Socialstyrelsen för 2012"
FOR_YEAR = re.compile(rf"\buppdrag(?:et|en)?{S}+(?:till|åt){S}+[^.;:\n]{{2,120}}?{S}+för{S}+{_ONE_YEAR}")


def _period(ctx: Ctx, a: Assignment, s0: int, s1: int) -> None:
    if a.period_end:
        return
    m = PERIOD.search(ctx.text, s0, s1) or DATE_SPAN.search(ctx.text, s0, s1)
    if m and int(m["a"]) <= int(m["b"]):
        a.period_start, a.period_end = m["a"], m["b"]
        return
    m = FOR_YEAR.search(ctx.text, s0, s1)
    if m:
        a.period_start = a.period_end = m["a"]
        return
    # the one year the title or the first task names
    for where in [a.title] + a.tasks[:1]:
        one = ONE_YEAR.search(where or "")
        if one:
            a.period_start = a.period_end = one["a"]
            return


YEARLY = re.compile(r"(?P<first>\b\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)(?P<more>(?:\s*,\s*(?:19|20)\d\d)*"
                    r"\s+(?:och|samt)\s+(?:19|20)\d\d)\b")


# a report sentence of a group of principals: "Regionerna ska redovisa hur medlen har använts …"
GROUP_REPORTS = re.compile(r"\s*(?P<g>[Rr]egionerna|[Kk]ommunerna|[Ll]andstingen|[Hh]uvudmännen)\s+(?:ska|skall)\b")


def _report(ctx: Ctx, a: Assignment, s0: int, s1: int, subject: list[str] | None = None) -> None:
    """Deadlines and recipients of a report sentence."""
    text = ctx.text
    sentence = text[s0:s1]
    if not REPORT.search(sentence) and not PROPOSED_TO_GOVERNMENT.search(sentence):
        return
    if subject is not None:
        # a report sentence of another actor's assignment is not this one's
        first = ctx.bodies.mentions_in(s0, s1)
        lead = sentence[:40].lower()
        if first and first[0].start - s0 < 3 and first[0].label not in subject and "uppdrag" not in lead:
            return
        group = GROUP_REPORTS.match(sentence)
        if group and group["g"].lower() not in {x.lower() for x in subject}:
            return                     # "Regionerna ska redovisa …": the report of an erbjudande beside it
    found = False
    for m in DUE.finditer(text, s0, s1):
        rec = (m["rec"] or "").strip()
        # "senast den 31 mars respektive den 30 november 2017": the year the next date of the row gives
        shared = re.match(rf"{S}+(?:respektive|och|samt){S}+(?:den{S}+)?\d{{1,2}}{S}+[a-zåäö]+{S}+(?P<y>(?:19|20)\d\d)\b",
                          text[m.end():s1]) if not m["year"] and not rec else None
        if (m["year"] or shared) and not rec:
            got = [d.iso for d in find_dates(f"{m['day']} {m['month']} {m['year'] or shared['y']}") if d.has_year]
            due = got[0] if got else clean(m.group(0))
        else:
            due = clean(m.group(0))
        a.report_due.append(due)
        found = True
    for m in DUE_ISO.finditer(text, s0, s1):
        a.report_due.append(m["iso"])
        found = True
    # "årligen senast den 31 januari 2017, 2018, 2019 och 2020": the same day in each year listed
    for m in YEARLY.finditer(sentence):
        day = next((iso for iso, d0, d1 in iso_dates(ctx, s0 + m.start(), s0 + m.end("first"))), None)
        if day:
            for y in re.findall(r"(?:19|20)\d\d", m["more"]):
                if f"{y}{day[4:]}" not in a.report_due:
                    a.report_due.append(f"{y}{day[4:]}")
    # "… den 30 september 2026 delredovisa": further dates after the first "senast"
    first = re.search(r"\b[Ss]enast\b", sentence)
    if first:
        for iso, d0, d1 in iso_dates(ctx, s0 + first.end(), s1):
            if iso not in a.report_due and not re.search(r"\bsenast\s+(?:den\s+)?$", text[max(s0, d0 - 12):d0]):
                if re.search(r"(?:samt|och|respektive|,)\s+(?:den\s+)?$", text[max(s0, d0 - 14):d0]):
                    a.report_due.append(iso)
    # "Uppdraget redovisas löpande till Socialdepartementet fram till den 31 december 2021": the last day it reports
    ongoing = None if found or first else re.search(
        rf"\blöpande\b[^.;]{{0,120}}?\bfram{S}+till{S}+(?:och{S}+med{S}+)?(?=(?:den{S}+)?\d)", sentence)
    if ongoing:
        for iso, d0, d1 in iso_dates(ctx, s0 + ongoing.end(), min(s1, s0 + ongoing.end() + 30)):
            a.report_due.append(iso)
            found = True
            break
    if not found and not first:
        # "Uppdraget ska slutredovisas den 31 december 2023", "… lämnas före den 1 juni 2024"
        for iso, d0, d1 in iso_dates(ctx, s0, s1):
            before = text[max(s0, d0 - 40):d0]
            rm = list(REPORT.finditer(before))
            near = rm and len(before) - rm[-1].end() <= 25 and \
                not re.search(r"\b(?:som|där|när|vilket|vilka|från|sedan)\b", before[rm[-1].end():])
            if near and (text[d0:d0 + 4] == "den " or re.search(r"\b(?:den|före|innan|per)\s+$", before)) \
                    and not re.search(r"från\s+och\s+med|fr\.o\.m\.|beslut\w*\s+den\s+$", before):
                a.report_due.append(iso)
                found = True
    recipients = _recipients(ctx, s0, s1)
    for r in recipients:
        if r not in a.reports_to:
            a.reports_to.append(r)
    if found or recipients:
        a.evidence.append(ctx.span(s0, s1))
    a.report_due = list(dict.fromkeys(a.report_due))


MINISTRY_SOFT = re.compile(r"\b[A-ZÅÄÖ][a-zåäö\u00ad-]+(?:-\s(?:och|samt)\s[a-zåäö\u00ad]+)?departementet\b")


def _named_at(ctx: Ctx, p: int, s1: int) -> tuple[str | None, int, re.Match | None] | None:
    """The body named right at p: (its label, where its name ends, None) for a body the index knows,
    (None, end, match) for a ministry it does not (registered by the caller once it is taken)."""
    mentions = [mm for mm in ctx.bodies.mentions_in(p, min(s1, p + 120)) if mm.start == p]
    if mentions:
        return mentions[0].label, mentions[0].end, None
    soft = MINISTRY_SOFT.match(ctx.text, p)
    return (None, soft.end(), soft) if soft else None


def _register_named(ctx: Ctx, label: str | None, soft: re.Match | None) -> str:
    return label or register_body(ctx, soft.group(0), soft.start(), soft.end(), kind="departement")


COPY_TO = re.compile(rf"(?:med{S}+)?kopia{S}+till\b")


def _recipients(ctx: Ctx, s0: int, s1: int) -> list[str]:
    """Bodies a report goes to: after "till", with the departments in parentheses; not those it is copied to
    ("Regeringskansliet (Näringsdepartementet, med kopia till Utbildningsdepartementet)": a copy informs, the report
    is answered to its first recipient)."""
    text = ctx.text
    out: list[str] = []
    # "… till Regeringskansliet", "löpande informera Regeringskansliet (Näringsdepartementet)",
    # "IVO informerar Socialdepartementet löpande", "hålla Regeringskansliet (Socialdepartementet) informerat"
    for tm in re.finditer(rf"\b(?:till|hos|informera[rs]?(?:{S}+löpande)?|hålla(?:{S}+löpande)?){S}+", text[s0:s1]):
        if re.match(rf"(?:och{S}+med|följd|del|exempel|stöd|för|att|den{S}+\d)", text[s0 + tm.end():s0 + tm.end() + 12]) \
                or COPY_TO.search(text[max(s0, s0 + tm.start() - 12):s0 + tm.end()]):
            continue
        # "(om) uppdrag till Boverket att …": whom the assignment goes to (not "en slutredovisning av uppdraget till X")
        to_assignee = bool(re.search(rf"(?<!\bav{S})\b[Uu]ppdrag(?:et|en)?{S}*$", text[s0:s0 + tm.start()]))
        p = s0 + tm.end()
        chain_end = p
        keeps_informed = not tm.group().startswith(("till", "hos"))
        while True:
            named = _named_at(ctx, p, s1)
            if named is None:
                break
            label, mm_end, soft = named
            if to_assignee and re.match(rf"{S}+(?:att|om){S}", text[mm_end:s1]):
                break
            label = _register_named(ctx, label, soft)
            kind = ctx.bodies.bodies[label].kind if label in ctx.bodies.bodies else ""
            if kind in ("kommun",) and not out:
                break
            if keeps_informed and not (kind in ("departement", "regering") or label == "Regeringskansliet"):
                break              # "informera kommunerna om …" is outreach, not reporting
            if keeps_informed and tm.group().startswith("håll") and not re.match(
                    rf"(?:{S}*\([^()]*\))?{S}+(?:löpande{S}+)?informerad?t?\b", text[mm_end:s1]):
                break
            out.append(label)
            chain_end = mm_end
            gap = re.match(rf"(?:s)?{S}*(?:\(|,|\)|och|samt|{S})*", text[mm_end:s1])
            p = mm_end + (gap.end() if gap else 0)
            if COPY_TO.match(text, p):
                break
            if p <= chain_end or p >= s1:
                break
    # "… ska vara Socialdepartementet tillhanda senast den 28 februari 2014"
    for tm in re.finditer(rf"\bvara{S}+", text[s0:s1]):
        named = _named_at(ctx, s0 + tm.end(), s1)
        if named is not None and re.match(rf"{S}+tillhanda\b", text[named[1]:s1]):
            out.append(_register_named(ctx, named[0], named[2]))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- merging and reports_on

def _same(a: Assignment, b: Assignment) -> bool:
    if a.kind != b.kind:
        return False
    if set(a.diarienummer) & set(b.diarienummer):
        return True
    who_a, who_b = set(a.assignees) | set(a.assignee_descriptions), set(b.assignees) | set(b.assignee_descriptions)
    if not who_a & who_b and who_a and who_b:
        return False               # (an erbjudande to "regionerna" beside an uppdrag to an agency: two)
    if a.decided_on and b.decided_on:
        return a.decided_on == b.decided_on and bool(set(a.assignees) & set(b.assignees) or not a.assignees
                                                     or not b.assignees)
    if similar(a.title, b.title) or any(similar(a.title, t) for t in b.tasks) or \
            any(similar(b.title, t) for t in a.tasks):
        return bool(set(a.assignees) & set(b.assignees))
    return False


def _overlap(title: str, texts: list[str]) -> float:
    wt = words(re.sub(r"^[Uu]ppdrag\s+(?:till|att|om|åt)\s+", "", title))
    best = 0.0
    for t in texts:
        wx = words(t or "")
        if wt and wx:
            best = max(best, len(wt & wx) / min(len(wt), len(wx)))
    return best


def _merge(items: list[Assignment]) -> list[Assignment]:
    out: list[Assignment] = []
    for it in items:
        for o in out:
            if _same(o, it):
                _absorb(o, it)
                break
        else:
            out.append(it)
    return out


def _absorb(o: Assignment, it: Assignment) -> None:
    # a decision's own title ("Uppdrag till …") beats a task written as a title
    if it.title.lower().startswith("uppdrag") and not o.title.lower().startswith("uppdrag"):
        o.tasks.insert(0, o.title)
        o.title = it.title
    for f in ("assignees", "diarienummer", "tasks", "reports_to", "report_due"):
        cur = getattr(o, f)
        cur += [x for x in getattr(it, f) if x not in cur]
    for f in ("issuer", "decided_on", "period_start", "period_end"):
        if not getattr(o, f):
            setattr(o, f, getattr(it, f))
    o.evidence += it.evidence


def _reports_on(ctx: Ctx, items: list[Assignment]) -> None:
    """A report on an assignment ("slutredovisas med denna rapport") points at it."""
    if not items:
        return
    if not (SELF_REPORT.search(ctx.text) or ctx.kind in ("återrapport", "slutredovisning", "redovisning")):
        return
    gov = [a for a in items if a.kind == "regeringsuppdrag"]
    if not gov:
        return
    a = min(gov, key=lambda x: min(s.start for s in x.evidence) if x.evidence else 0)
    ref = a.diarienummer[0] if a.diarienummer else a.title
    if ref and ref not in ctx.out.document.reports_on:
        ctx.out.document.reports_on.append(ref)
