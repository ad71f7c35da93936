"""Stage: document. What kind of document this is, and its own metadata.

Runs first. Sets `ctx.kind`, `ctx.year`, `ctx.bodies.own` (what "förvaltningen",
"nämnden", "staden" mean in this document) and fills `ctx.out.document`.

Kinds, from the document's shape and wording:
  protokoll        Närvarande/Beslutande, §-paragraphs, "Protokoll", "Justeras"
  tjänsteutlåtande "Tjänsteutlåtande"/"Tjänsteskrivelse", a förvaltning's
                   "förslag till beslut" to its nämnd
  kontorsyttrande  "Kontorsyttrande"
  återrapport      an agency's återrapport / slutredovisning / redovisning of an uppdrag
  remissvar        a yttrande answering a remiss ("Yttrande över …", "Remissvar")
  regeringsuppdrag, regeringsbeslut, remiss, kommittédirektiv
                   the government acting in the text, or a state agency given a task
  proposition, skrivelse, betänkande, promemoria, faktablad
                   a paper that names its own kind ("I propositionen …", "Skrivelsen innehåller …")
  motion, medborgarförslag
                   a member's or a resident's proposal to the council, by its heading
  okänd            none of these

Metadata is read only where the text gives it: a date or diarienummer that the
text does not state stays empty.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from styrgraf import kinds

from .parties import OF_PLACE, PARTY_IN_BRACKETS, S
from .context import Ctx
from .dates import find_dates
from .identifiers import DNR_CUE, find_diarienummer
from .model import Body
from .normalise import CELL_GAP, table_cells

# ---------------------------------------------------------------- lines


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str          # stripped


def block_lines(text: str, pos: int, most: int):
    """(start, end) of each line from `pos` up to a blank line or the end, at most `most` of them: the rows of a
    table or a list that a blank line ends."""
    for _ in range(most):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not text[pos:end].strip():
            return
        yield pos, end
        pos = end + 1


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = text[pos:stop]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            e = s + len(raw.strip())
            out.append(Line(s, e, raw.strip()))
        pos = stop + 1
    return out


# ---------------------------------------------------------------- cues
SECTION_HEADING = re.compile(
    r"^(?:Sammanfattning(?: och .*)?|Bakgrund|Ärendet|Ärendets beredning|Beredning|Förord|Inledning|Innehåll"
    r"|Innehållsförteckning|Förslag till beslut|Beslut|Närvarande|Beslutande|Synpunkter(?: och förslag)?"
    r"|Beslutsunderlag|Handlingar|Ärendebeskrivning|Beskrivning av ärendet|Yttrande|Överväganden|Bedömning"
    r"|Förvaltningens (?:bedömning|synpunkter|förslag)|Slutsatser?|Rekommendationer|Uppdraget|Om uppdraget"
    r"|Bilag(?:a|or)(?: \d+)?|Sammanfattande bedömning|Ekonomiska konsekvenser|Konsekvenser.*"
    r"|[A-ZÅÄÖ][\wåäö-]*(?:s|ens|ets) (?:förslag till beslut|beslut|synpunkter(?: och förslag)?)"
    r"|\d+(?:\.\d+)* [A-ZÅÄÖ].{0,60}|§ ?\d+.*)\s*:?$")
BULLETISH = re.compile(r"^(?:[•\-–*]|\d{1,2}[.)]|[a-h]\))\s")
META_LINE = re.compile(
    r"^(?:Sida \d|Dnr|Diarienummer|Diarienr|Ärendenr|Vår beteckning|Er beteckning|Vår referens|Er referens"
    r"|Handläggare|Telefon|Tel\.?|E-post|Datum|Till\b|Kopia|Bilag|Referens|Dokumentnamn|Sammanträdesdatum"
    r"|Version|Utskriftsdatum|Postadress|Besöksadress|Org\.?nr|Webbplats|www\.|Sekretess|Fastställ|Plats och tid"
    r"|Plats\b|Tid\b|Beslutande|Närvarande|Justerare|Justering|Sekreterare|Ordförande|Övriga|Utses att justera"
    r"|Paragrafer|Ärende\s*:?\s*$|Ert dnr|Vårt dnr|Utfärdat|Upprättad|Reviderad|Antagen\b|Antaget\b|Beslutad av\b)", re.I)
# a line that says only whom a member's paper is for: "Motion till kommunfullmäktige i Borlänge kommun" (its title is the
# "Motion om …" line under it)
ADDRESSED_LINE = re.compile(r"^(?:Motion|Interpellation|(?:Enkel\s+)?[Ff]råga|Medborgarförslag)\s+till\s+(?P<who>[^\n]{3,80})$")
TITLE_START = re.compile(
    r"^(?:Remiss(?:svar|yttrande)?\b|Yttrande\b|Svar på\b|Kontorsyttrande\b|Tjänsteutlåtande\b|Tjänsteskrivelse\b"
    r"|Återrapport|Slutredovisning|Delredovisning|Redovisning\b|Rapport(?:ering)?\b|Uppdrag\b|Protokoll\b"
    r"|Motion\b|Förslag till (?!beslut)|Strategi\b|Handlingsplan\b|Policy\b|Program\b|Riktlinjer\b|Plan\b"
    r"|Ansökan\b|Begäran\b|Information\b|Överenskommelse\b|Revidering\b|Revidera|Ändring\b|Beslut om\b"
    r"|Inriktning\b|Utredning\b|Uppföljning\b|Utvärdering\b|Genomförande\b|Anmälan\b|Inrättande\b"
    r"|Införande\b|Översyn\b|Direktiv\b|Tilläggsdirektiv\b"
    # a steering document's own kind word with its subject or years: "Verksamhetsplan 2023", "Folkhälsoplan 2004–2008"
    r"|[A-ZÅÄÖ][a-zåäö]+(?:plan|strategi|program|policy)\b(?=\s+(?:för\b|\d{4}))"
    r")")
ORG_UNIT_LINE = re.compile(r"^(?:Avdelning(?:en)?|Enhet(?:en)?|Sektion(?:en)?|Stab(?:en)?|Kansli(?:et)?|Byrå(?:n)?|Kontor(?:et)?"
                           r"|Verksamhetsområde(?:t)?|Område(?:t)?|Team(?:et)?|Funktion(?:en)?|Förvaltning(?:en)?|Stadsdelsförvaltning"
                           r"|Ledningsstab(?:en)?|Kommunledningskontoret|Stadsledningskontoret)\b")
# a line naming an organisation, not a title: "Göteborgs Stad Social resursförvaltning", "Uppsala kommun"
ORG_NAME_LINE = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]+ (?:[Ss]tad|[Kk]ommun)|Region [A-ZÅÄÖ][\wåäö-]+)\b"
    # (not a title that ends with one: "Reglemente för socialnämnden", "Yttrande till kommunfullmäktige")
    r"|^(?!(?:\S+ ){0,4}(?:för|över|om|till|avseende|inom) )(?:\S+ ){0,5}\S*"
    r"(?:förvaltning(?:en)?|nämnd(?:en)?|kontoret|styrelsen|fullmäktige|staben|avdelning(?:en)?|enhet(?:en)?)"
    # (with its place: "Miljö- och byggnämnden i Tierps kommun")
    r"(?: i [A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)? (?:kommun|stad|län|region))?$")
KIND_LABEL = re.compile(r"^(?:Tjänsteutlåtande|Tjänsteskrivelse|Kontorsyttrande|Protokoll(?:sutdrag)?|Sammanträdesprotokoll"
                        r"|Yttrande|Remissvar|Remissyttrande|Återrapport|Slutredovisning|Delredovisning|Beslut"
                        r"|Regeringsbeslut(?: [IVX\d:]+)?|Kommittédirektiv|Missiv|PM|Promemoria|Delegationsbeslut"
                        r"|Beslutsunderlag|Beslut (?:enligt|på|fattat på|fattat enligt) delegation)\s*$", re.I)
# the matter a paper names with a label in its head: "Ärende: Bygglov för tillbyggnad", "Ärendemening: …"
MATTER_LABEL = re.compile(r"^(?:Ärende|Ärendemening|Rubrik|Avser)\s*:\s*(?P<t>[A-ZÅÄÖ][^\n]{5,200})$")

PARAGRAPH_LINE = re.compile(r"^(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[ \t]+)?§\s*\d{1,3}\b")     # "§ 23", "KS § 23", "TN §23"
# person names as written in signature blocks and lists
NAME_TOKEN = r"[A-ZÅÄÖÉÜ][a-zåäöéèüæøáíóú]+(?:-[A-ZÅÄÖÉ][a-zåäöéèüæøáíóú]+)?"
TITLE_CORE = (r"[A-Za-zåäöÅÄÖ-]*(?:direktör|direktören|chef|chefen|ordförande|ordföranden|sekreterare|rektor"
              r"|borgarråd|kommunalråd|regionråd|landshövding|stadsjurist|kommunjurist|överdirektör|stadsdirektör"
              r"|kommundirektör|regiondirektör|förvaltningschef|registrator|riksantikvarie|rikspolischef"
              r"|justitiekansler|ombudsman|statssekreterare|minister|statsråd"
              # the officers who decide on delegation or sign a tjänsteskrivelse: "Livsmedelsinspektör", "Utredare"
              r"|inspektör|handläggare|utredare|strateg|samordnare|jurist|arkitekt|ingenjör|controller|ekonom)")
TITLE_MOD = (r"(?:[Vv]ikarierande|[Tt]\.?\s?f\.?|[Tt]illförordnad|[Bb]iträdande|[Ss]tf\.?|[Ss]tällföreträdande|[Vv]ice"
             r"|[A-ZÅÄÖa-zåäö][a-zåäö]+(?:nämndens|styrelsens|fullmäktiges|förvaltningens|ens|ets)"
             r"|[A-ZÅÄÖ][a-zåäö]+(?:isk|iv|ell))")        # "Teknisk direktör", "Administrativ chef"
TITLE_TOKEN = re.compile(rf"^(?:{TITLE_MOD}\s+)?{TITLE_CORE}$")
SIGN_LABEL = re.compile(r"^(?:Vid protokollet|Justeras|Justerat|Justerare|Justerande|Underskrifter|Ordförande"
                        r"|Sekreterare|Protokollförare|Paragrafer)\s*:?\s*$", re.I)
# who decided, over the name, in a decision that is not a meeting's (in minutes "Beslutande" are the members present)
DECIDER_LABEL = re.compile(r"^(?:Beslutande|Beslutsfattare|Delegat)\s*:?\s*$", re.I)
# words that are capitalised but are not parts of names
NOT_NAME = {
    "Sammanfattning", "Bakgrund", "Ärendet", "Bilaga", "Bilagor", "Handläggare", "Telefon", "Datum", "Sida",
    "Förslag", "Beslut", "Stockholms", "Stockholm", "Stad", "Kommun", "Region", "Regeringen", "Sverige", "Till",
    "Från", "Dnr", "Protokoll", "Remiss", "Yttrande", "Justeras", "Ordförande", "Sekreterare", "Förord",
    "Inledning", "Arbetsförmedlingen", "Nämnden", "Förvaltningen", "Kommunstyrelsen", "Kommunfullmäktige",
    "Med", "Och", "Den", "Det", "De", "En", "Ett", "Vi", "Jag", "Som", "För", "Av", "Om", "Vid", "Under",
    "Tjänsteutlåtande", "Kontorsyttrande", "Vår", "Er", "Referens", "Kopia", "Postadress", "Besöksadress",
}
# common first names: where a line of names has no separators, a first name starts a person
FIRST_NAMES = set("""
Adam Agneta Ahmed Albin Alexander Alexandra Ali Alice Alva Amanda Amina Anders Andrea Andreas Anette Angelica Anita
Ann Anna Anne Annika Anton Arne Arvid Asta Axel Barbro Bengt Benjamin Berit Birgitta Björn Bo Britt Camilla Carin
Carina Carl Carola Caroline Cecilia Charlotte Christer Christian Christina Clara Claes Dan Daniel David Ebba Edvin
Elin Elisabeth Elias Ellen Emil Emilia Emma Erik Eva Evelina Fatima Filip Fredrik Frida Gabriel Gabriella Gun
Gunilla Gustav Göran Hanna Hannes Hans Helena Helen Henrik Hugo Ida Ingrid Isak Jan Jenny Jennyfer Jessica Joakim
Johan Johanna John Jonas Jonathan Josefin Julia Jörgen Kajsa Karin Karina Karl Katarina Kerstin Kicki Kim Kristina
Lars Lena Lennart Leo Lina Linda Linnea Lisa Liselott Louise Lucas Ludvig Magnus Malin Marcus Margareta Maria Marie
Marianne Martin Mats Mattias Max Maja Mikael Mohammed Mona Monica Nils Nina Olof Olle Oscar Oskar Patrik Per Peter
Petra Pia Rasmus Rebecka Robert Robin Roger Sara Sebastian Simon Sofia Sofie Stefan Sten Susanne Sven Tea Thomas
Tobias Tom Tomas Tove Ulf Ulla Ulrika Ulrik Viktor Viktoria Wilhelm William Åsa Åke Örjan Arjun Salar Rashid Börje
""".split())

# ---------------------------------------------------------------- classification
# The kind of a document comes from what its text says it is: its heading words ("Protokoll",
# "Tjänsteskrivelse", "Remiss av …", "Uppdrag till …"), the government acting in it ("Regeringen
# ger …", "Remissvaren ska ha kommit in till …departementet"), a protokoll's furniture
# ("Justerare", "Beslutande", "§ 12"). Never from its format: a Markdown heading is only a title line.

def title_line(text: str) -> tuple[int, int] | None:
    """(start, end) of the first line with words, without a Markdown heading's "#"."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.lstrip("# \t")
        if re.search(r"[A-Za-zÅÄÖåäö]{2}", stripped):
            lead = len(line) - len(stripped)
            return m.start() + lead, m.start() + len(line.rstrip())
    return None


MD_TITLE = re.compile(
    r"^#\s+(?P<title>.+?)\s*(?:(?:Diarienummer:\s*|(?<=[a-zåäö)])(?=[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\d{4}/\d)|(?<=[a-zåäö)])(?=(?:Dir|Skr|Prop)\.\s?\d{4}(?:/\d{2})?:|(?:SOU|Ds)\s\d{4}:\d))"
    r"(?P<dnr>.+))?$", re.M)
# a committee speaking of its work done, not a directive telling it what to do: "Utredningen föreslår …",
# "Utredningens uppdrag har varit att …", "Bilpoolsutredningen har i dag överlämnat sitt betänkande"
COMMITTEE_REPORTS = re.compile(
    r"(?:^|[.!?]\s+)(?:[Uu]tredningen|[Uu]tredaren|[Kk]ommittén|[Bb]eredningen|[Kk]ommissionen|"
    r"[A-ZÅÄÖ][a-zåäö]{3,}(?:utredningen|kommittén|kommissionen|delegationen|beredningen)(?: (?:19|20)\d\d)?|Utredningen (?:om )?[^.\n]{3,100}?|"
    r"(?:19|20)\d\d års [a-zåäö-]*(?:utredning|kommitté|kommission|delegation|beredning))"
    r"(?:s (?:(?:uppdrag|uppgift) (?:har (?:i huvudsak )?(?:varit|gått ut på)|var)|förslag|arbete har|huvudsakliga|analys|bedömning|slutsats)|"
    r" (?:\([^()]{2,20}\) )?(?:föreslår|konstaterar|bedömer|anser|redovisar|lämnar|överlämnade|tillsattes|"
    r"har (?!i uppdrag\b)(?:(?:bland annat|bl\.a\.|även|också|i enlighet med (?:sina|våra) direktiv|[a-zåäö]+) )?"
    r"(?:analyserat|gjort|lämnat|överlämnat|genomfört|kartlagt|haft|funnit|granskat|övervägt|utrett|sett över|angivit|"
    r"angett|tittat på|dragit|studerat|undersökt|utvärderat|inventerat|kommit fram till|valt|tagit ställning|skapat|belyst|"
    r"beskrivit|sammanställt|presenterat|inriktat|koncentrerat|låtit)"
    r"|skulle (?!inte\b)(?=[a-zåäö]+[ae]\b)))\b(?!\s+(?:ska|skall|bör)\b)", re.M)
# ... or of its remit and its proposals, anywhere in a page that says nothing else of its kind: "Utredningens uppdrag
# tar sikte på …", "Direktiven för utredningen anger …", "Den 10 december 2009 tillsattes en särskild utredare …",
# "Utredningen har antagit namnet KRUT", "… underlag för … förslag i vårt kommande betänkande"
INQUIRY_OWN = re.compile(r"\b[Uu]tredningens (?:(?:viktigaste|huvudsakliga|övergripande) )?(?:uppdrag|förslag|direktiv|arbete|"
                         r"överväganden|bedömningar|slutsatser|syfte|ambition|utgångspunkt|uppfattning|prioriteringar)\b"
                         # (what it puts forward, said of it: "De förslag som utredningen lägger fram …", "… har utredningen
                         # fört fram förslag om …"; not what an inquiry showed, which any page may cite)
                         r"|\b[Uu]tredningen (?:lägger fram|har fört fram)\b"
                         r"|\bhar utredningen (?:även |också )?(?:fört fram|föreslagit|lagt fram)\b"
                         r"|\b[Kk]ommitténs (?:uppdrag|förslag|arbete|överväganden|bedömningar|slutsatser)\b"
                         r"|\bDirektiven (?:för|till) utredningen\b|\btillsattes en särskild utredare\b"
                         r"|\b(?:[Uu]tredningen|[Kk]ommittén) har antagit namnet\b|\b[Vv]årt (?:kommande |första )?betänkande\b")
# ... or told of the remit, in the past or by the inquirer: "Huvuduppdrag har varit att …", "Vi har haft i uppdrag att …",
# "Jag lägger nu fram förslag …", "En särskild utredare har fått uppdraget att …", "Den 16 februari 2006 beslutade
# regeringen att tillkalla en särskild utredare …", "Kärnavfallsrådet har lämnat sitt betänkande …"
REMIT_TOLD = re.compile(
    r"(?:^|[.!?]\s+)(?:[Hh]uvuduppdrag(?:et)?|[Uu]ppdraget) har varit att\b|\b[Uu]tredn?ingens (?:[a-zåäö]+ )?(?:uppdrag|uppgift) "
    r"(?:är|gäller|var|har varit)\b|\b[Vv]i har (?:haft|fått) (?:i )?uppdrag\b|\b[Jj]ag (?:lägger (?:nu )?fram|föreslår)\b"
    r"|\b(?:[Ee]n (?:särskild )?utredare|[Ee]n utredning|[Uu]tredningen(?: om (?:m\.m\.|[^.\n]){3,120}?)?|[A-ZÅÄÖ][a-zåäö]+utredningen) "
    r"(?:har (?:haft|fått) (?:i )?uppdrag(?:et)?|fick (?:i [a-zåäö]+ (?:19|20)\d\d )?ett (?:utvidgat|nytt) uppdrag|"
    r"har tagit ställning till)\b"
    # "Regeringen beslutade den 6 november 2008 att tillkalla en särskild utredare med uppgift att …"
    r"|\b[Rr]egeringen beslutade den [^.\n]{3,40}? att tillkalla\b"
    r"|(?:^|[.!?]\s+)Utredningen har (?:i uppdrag att|(?:två|tre|fyra) (?:uppgifter|huvuduppgifter|delar))\b"
    r"|\bbeslutade regeringen(?: den [^.]{0,30})? att tillkalla\b|\b[Rr]egeringen bemyndigade den [^.]{0,120}?\batt tillkalla\b"
    r"|\b[Rr]egeringen har gett [A-ZÅÄÖ][a-zåäö]+(?:utredningen|kommittén|kommissionen) i uppdrag\b"
    r"|\bhar lämnat sitt (?:slut|del)?betänkande\b"
    # "Utredningsuppdraget gavs i november 2004 i syfte att …", "Utredningsuppdraget avser att se över …"
    r"|(?:^|[.!?]\s+)Utredningsuppdraget (?:gavs|avser|avsåg|har varit|var|omfattade|har omfattat)\b", re.M)
    # ("Utredarens förslag ska …" is a directive's)
# a committee's report that says so on its cover: "Delbetänkande av Miljömålsberedningen.", "Betänkande av 2020 års
# sexualbrottsutredning." (before its remit is told, which reads like a directive)
# a committee's report telling of itself and of its directives, as a directive never does: "I detta delbetänkande
# lämnas …", "Utredningen överlämnar härmed betänkandet …", "Direktiven angav att …", "I direktivet specificerades
# fem tematiska områden …", "Utredningens arbete fortsätter nu med …"
REPORT_TOLD = re.compile(r"\b(?:[Dd]etta|[Dd]et här|[Vv]årt) (?:del|slut|huvud)?betänkande\b"
                         r"|\böverlämna(?:r|t|de)(?: härmed)? (?:sitt |ett )?(?:del|slut)?betänkande"
                         r"|(?:^|[.!?]\s+)Direktiven angav\b|\bI direktiv(?:et|en) specificerades\b"
                         r"|\b[Uu]tredningens arbete fortsätter\b", re.M)
REPORT_SELF = re.compile(r"(?m)(?:^|^#*\s*[^\n]{2,150}?\s[-–]\s)(?:[Ss]lut|[Dd]el)?[Bb]etänkande (?:[^\n]{2,150}? )?(?:av|till) "
                         r"(?:[A-ZÅÄÖ]|(?:19|20)\d\d års)")      # also in the title: "# Det handlar om … – delbetänkande av …"
# a report that shows its own cover, named by its number in a series: "![](…/sou-2016_50-framsida_150.jpg)",
# "![](…/omslag-framsida-ds-2023-18.jpg)"
SERIES_COVER = re.compile(r"!\[[^\]\n]*\]\([^)\n]*/[^/)\n]*?(?<![a-z])(?P<s>sou|ds)[-_ ]?(?:19|20)\d\d[-_]?\d{1,3}(?!\d)[^/)\n]*\)", re.I)
SERIES_KIND = {"sou": "betänkande", "ds": "promemoria"}


def _own_series(text: str, title: str, opening: str) -> str | None:
    """The kind of a report that shows its cover, or cites its own title with its number ('överlämnade utredarna
    rapporten "Mervärdesskatt för den ideella sektorn, m.m." (Ds 2009:58)')."""
    m = SERIES_COVER.search(opening)
    if m:
        return SERIES_KIND[m["s"].lower()]
    t = title.strip(" #")
    if len(t.split()) >= 3:
        m = re.search(re.escape(t) + r"[\"”»]?\s*\((?P<s>SOU|Ds)\s(?:19|20)\d\d:\d+\)", text[:3000])
        if m:
            return SERIES_KIND[m["s"].lower()]
    return None


# a letter to the Riksdag that says so, or the government's answer to a report of Riksrevisionen (a letter by law),
# titled by that report: "Riksrevisionens rapport om statens finansiering av kommunerna"
_LETTER_NAMED = r"\b(?:[Dd]enna|[Dd]en här) skrivelse\b|\bSkrivelsen (?:innehåller|behandlar)\b"
# (the government's letter on an audit report is titled by it: "Riksrevisionens rapport Svensk klimatforskning – …"; an
# account of an agreement it made: "Redogörelse för en överenskommelse mellan staten och …")
LETTER_SELF = re.compile(r"^Riksrevisionens (?:rapport|granskning)(?: om| av)? \S|^Redogörelse för (?:en|den) överenskommelse\b|"
                         + _LETTER_NAMED, re.M)
MEMO_OPENING = re.compile(r"(?:I (?:denna |den här )?(?:departements)?promemorian?|Denna (?:departements)?promemoria|I utkastet"
                          r"|(?:Departements)?[Pp]romemorian (?:innehåller|behandlar|redovisar|presenterar|föreslår))\b")
# a memorandum of the ministry series that tells who wrote it or cites its own number in its opening: "En arbetsgrupp på
# Socialdepartementet har sett över …", "Arbetsgruppens uppdrag har varit att …", "… överlämnade utredarna rapporten
# "…" (Ds 2009:58)"
MEMO_GROUP = re.compile(r"\b(?:[Ee]n|[Dd]en) arbetsgrupp (?:på|inom|i) [A-ZÅÄÖ][\wåäö-]*departementet\b"
                        r"|(?:^|[.!?]\s+)(?:Arbetsgrupp(?:en)?s? (?:uppdrag|med uppgift)\b|Arbetsgruppen (?:redovisar|föreslår|har)\b"
                        # "Socialdepartementet har tagit fram ett utkast till en förordning …"
                        r"|[A-ZÅÄÖ][\wåäö-]*departementet har (?:tagit fram|utarbetat) (?:ett utkast|en promemoria|ett förslag)\b)"
                        r"|\b(?:överlämnade|lämnade|presenterade)\b[^.]{0,200}\(Ds (?:19|20)\d\d:\d+\)")
# a memorandum that sends itself out for comment: "Förslaget … skickas nu på remiss av Finansdepartementet",
# "remitteras därför denna promemoria från Finansdepartementet" (its kind, and a remiss of that ministry)
SELF_REMITTED = re.compile(
    rf"\b(?:skickas|remitteras|sänds)(?:{S}+(?:nu|därför))?(?:{S}+ut)?{S}+på{S}+remiss{S}+av{S}+(?P<org>[A-ZÅÄÖ][\wåäö-]*departementet)\b"
    rf"|\bremitteras(?:{S}+(?:nu|därför))?{S}+(?:denna|den{S}+här){S}+promemoria{S}+från{S}+(?P<org2>[A-ZÅÄÖ][\wåäö-]*departementet)\b")
# a bill that says it is one: "Denna proposition innehåller …", "I den här propositionen …"
BILL_NAMED = re.compile(r"\b(?:[Ii] )?(?:[Dd]enna|[Dd]en här) proposition\b")
# "(utkast till lagrådsremiss)", "I utkast till propositionen föreslås …", "(Utkast till regeringens proposition)"
DRAFT_BILL = re.compile(r"\b[Uu]tkast(?:et)? till (?:regeringens )?(?:lagrådsremiss|proposition)")
KD_SUBJECT = re.compile(
    r"\b(?:[Ee]n (?:särskild |parlamentarisk(?:t sammansatt)? |nationell )?(?:bokstavsutredare|utredare|kommitté|delegation"
    r"|samordnare|utredning|förhandlingsperson)|Utredaren|Kommittén|Delegationen|Samordnaren|Kommissionen)"
    r"(?:,[^,.]{0,80}){0,2},?(?: i form av [^,.]{0,40})?(?:\s+(?:därför|nu|också|även))?\s+(?:ska|skall|tillkallas|inrättas|ges|får|i uppdrag)\b"
    r"|\b(?:uppdrar åt|gett|ger|beslutat att) en (?:särskild |parlamentarisk |nationell )?(?:bokstavs)?utredare\b")


def _directs(opening: str) -> bool:
    """The opening charges an inquiry, as a directive does; not where it tells of one charged before ("Regeringskansliet
    gav i maj 2015 en utredare i uppdrag att …")."""
    return any(not re.search(r"\b(?:gav|gavs|hade gett|tillsatte|tillkallade)\b[^.]{0,50}$", opening[:m.start()])
               for m in KD_SUBJECT.finditer(opening))


REMISS_CUE = re.compile(
    r"\bRemissvaren ska\b|\bremissinstans|\bombetts (?:att )?svara på remissen|Sista dag att svara på remissen"
    r"|\bhar remitterat\b|\bDen som vill yttra sig\b|\bremissmöte\b")
# the Swedish government acting as such in the text
GOVERNMENT_ACTS = re.compile(
    r"\b[Rr]egeringen\s+(?:ger|gav|uppdrar|uppdrog|beslutar|beslutade|ändrar|förlänger|kompletterar|avser|remitterar|"
    r"har\s+(?:gett|beslutat|uppdragit|remitterat))\b|\bRegeringskansliet\b|\b[A-ZÅÄÖa-zåäö-]+departementet\b"
    r"|\bRegeringsbeslut\b|\bBeslut vid regeringssammanträde\b|\bregeringen\b")
# a municipal or regional body that decides: "Kommunfullmäktige beslutade den 12 juni 2021 att ge kulturnämnden i uppdrag …"
COUNCIL_DECIDED = re.compile(r"\b(?P<who>(?:[Kk]ommun|[Rr]egion|[Ll]andstings)?fullmäktige|[Kk]ommunstyrelsen|[Rr]egionstyrelsen|"
                             rf"[A-ZÅÄÖ][\wåäö-]*(?:-\s+och\s+[a-zåäö][\wåäö-]*)?(?:nämnden|styrelsen)){OF_PLACE}?"
                             r"\s+(?:har\s+)?(?:beslutade|beslutat|beslutar|beslöt"
                             # "Kommunstyrelsen har gett socialnämnden i uppdrag …", "… uppdrog åt …", "Kommunfullmäktige
                             # ger kommunstyrelsen i uppdrag …"
                             r"|gett|gav|givit|ger|uppdragit|uppdrog|uppdrar)\b"
                             r"(?:\s+(?:den\s+)?(?P<on>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d))?")


def council_decided(ctx: Ctx, a: int = 0, b: int | None = None) -> re.Match | None:
    """The first COUNCIL_DECIDED in text[a:b] whose subject is a municipality's or a region's council or board, not an
    agency named like one ("Socialstyrelsen gav …")."""
    for m in COUNCIL_DECIDED.finditer(ctx.text, a, len(ctx.text) if b is None else min(b, len(ctx.text))):
        label = ctx.bodies.resolve(m["who"])
        if label is None or ctx.bodies.bodies[label].kind in ("fullmäktige", "styrelse", "nämnd"):
            return m
    return None


# (also an agency's request the decision answers: "Framställning om förlängd tid för uppdraget att …", "Fråga om förlängd
# tid för genomförande av uppdrag att …"; and a decision that gives one: "Beslut om byggstarter och uppdrag till Trafikverket")
UPPDRAG_TITLE = re.compile(r"(?:(?:Framställning|Fråga|Begäran|Ansökan) om (?:förlängd|ändrad) tid för (?:genomförande av |redovisning av )?"
                           r"|Beslut om [^\n]{3,80}? och (?=uppdrag till [A-ZÅÄÖ])"
                           r"|Ändring av (?:beslut(?:et)? om )?(?:förlängning av |förlängd tid för )?|Förlängning av "
                           r"|(?:Förlängd|Ändrad) tid för (?:redovisning av )?|Tillägg till |Komplettering av |Precisering av "
                           r"|Utvidgning av |Utökning av |Upphörande av |Ändrat |Fortsatt |Förnyat |Utökat |Utvidgat "
                           r"|Kompletterande |Myndighetsgemensamt |Tilläggs)?(?:[Rr]egerings)?[Uu]ppdrag(?:et)?\b")
PROTOKOLL_HEAD = re.compile(r"(?<![\w-])(?:(?:Sammanträdes|SAMMANTRÄDES)?(?:[Pp]rotokoll|PROTOKOLL)(?:sutdrag|SUTDRAG)?"
                            r"|Utdrag ur protokoll|Justerat protokoll)(?![\wåäö])")
NOTICE = re.compile(r"(?:Kallelse|KALLELSE)(?:\s+(?:till|och|med|[A-ZÅÄÖ])|\s*$)")
PROTOKOLL_WORDS = re.compile(
    r"(?<![\w-])(?:Beslutande|Närvarande|Justerare|Justerande|Justeringens|Utses att justera|Sammanträdesdatum|Sammanträdesdag"
    r"|Paragrafer|ANSLAG/BEVIS|BEVIS OM ANSLAG|Anslaget|Protokollet är justerat|Övriga (?:deltagare|deltagande|närvarande)"
    r"|Vid protokollet|Ledamöter|Ledamöterna|Tjänstgörande ersättare|Tjänstg\. [Ee]rs|Ersättare|Ordförande|Plats och tid"
    r"|Beslutsinstans|Underskrifter|justera dagens protokoll|[Pp]rotokollet ska justeras|Protokoll [A-ZÅÄÖ]{2,6} \d{4}-\d\d-\d\d"
    r"|[Ss]ammanträdet|Föredragningslista)(?![\wåäö])")
PARAGRAPH_ANY = re.compile(r"(?:^|\s)(?:§§?\s*\d{1,4}\b|[A-ZÅÄÖ][a-zåäö]?\s\d{1,4}\s(?=[A-ZÅÄÖ]))", re.M)
PAGE_NUMBER = r"(?:\d{1,3}(?:\s*\(\d{1,3}\)|\s*/\s*\d{1,3})?|Sida \d{1,3}(?: av \d{1,3})?)\s+"
HEAD_KIND = [
    # (heading word, kind): what a document calls itself near its top
    (r"Kontorsyttrande|KONTORSYTTRANDE", "kontorsyttrande"),
    (r"Tjänsteutlåtande|Tjänsteskrivelse|TJÄNSTEUTLÅTANDE|TJÄNSTESKRIVELSE|Tjänsteyttrande", "tjänsteutlåtande"),
    (r"Beslutsunderlag|BESLUTSUNDERLAG", "beslutsunderlag"),
    # (and the chair's decision in an urgent matter on the board's behalf, which is reported to it as a delegated one is:
    # "ORDFÖRANDEBESLUT", "Beslut i brådskande ärende enligt 6 kap. 39 § kommunallagen")
    (r"Delegationsbeslut|DELEGATIONSBESLUT|Delegationsbeslutet|Beslut (?:enligt|på|fattat på|fattat enligt) delegation"
     r"|Ordförandebeslut|ORDFÖRANDEBESLUT|Beslut i brådskande ärende", "delegationsbeslut"),
    (r"Kommittédirektiv|Tilläggsdirektiv|KOMMITTÉDIREKTIV", "kommittédirektiv"),
    (r"Remissvar|Remissyttrande|REMISSVAR|Svar på remiss", "remissvar"),
    # an inquiry's final report is its betänkande: "Slutredovisning av den nationella samordnaren för Agenda 2030"
    (r"(?:Slut|Del)redovisning av (?:den |det )?(?:nationella samordnaren|[\wåäö-]*(?:utredningen|kommittén|kommissionen|"
     r"delegationen))", "betänkande"),
    (r"Återrapport(?:ering)?|Slutredovisning|Delredovisning|Slutrapport|Redovisning av (?:regerings)?uppdrag", "återrapport"),
    # a municipality's or region's reports: on a year, on a consultation or an exhibition of a plan
    (r"Årsredovisning|ÅRSREDOVISNING|Verksamhetsberättelse|VERKSAMHETSBERÄTTELSE|Delårsrapport|DELÅRSRAPPORT"
     r"|Samrådsredogörelse|SAMRÅDSREDOGÖRELSE|Granskningsutlåtande|GRANSKNINGSUTLÅTANDE", "rapport"),
    (r"Motion|MOTION", "motion"),
    (r"Medborgarförslag|MEDBORGARFÖRSLAG", "medborgarförslag"),
    (r"Beslut i korthet|Beslut(?=\s*(?:$|[:\-–]|\d))", "beslut"),    # a heading, not a sentence ("Beslut om vite ska …")
]
# a document that names its own kind: "I propositionen lämnas förslag …", "Skrivelsen innehåller regeringens
# bedömningar …", "Förvaltningskommittén har haft i uppgift att …" (a committee reporting: its betänkande),
# "I promemorian redovisar utredningen …", "Faktabladet ger en övergripande bild …"
SELF_NAMED = [
    (re.compile(BILL_NAMED.pattern + r"|\b[Rr]egeringen föreslår (?:därför |också |även )?att\b|\b(?:I|[Ff]örslag(?:en|et)? i) propositionen (?=[a-zåäö])|\bPropositionen (?:innehåller|behandlar|omfattar)\b"
                r"|\b[Rr]egeringen föreslår (?:att )?riksdagen\b|\b[Rr]egeringen (?:har )?(?:överlämna|lämna)(?:r|de|t) [^.\n]{0,40}?proposition(?:en)?\b"
                r"|\bföreslår regeringen\b|\bbeslut om propositionen\b|\A#?[^\n]*\n+(?:!\[[^\n]*\n+)?Regeringen föreslår\b"
                # "Regeringen föreslår därför ändringar i …", "föreslås i propositionen", "Med propositionens förslag",
                # "Regeringen har beslutat om en proposition", "Den 11 mars 2009 överlämnade regeringen propositionen"
                r"|\b[Rr]egeringens? föreslår (?:därför |också |även |bland annat:? )?(?:ändringar|lagändringar|åtgärder|en (?:helt )?ny|ett (?:helt )?nytt|nya"
                r"|en lag|en ändring|ett förbud|en skärpning|skärpta|ett (?:särskilt|skärpt|utökat) [a-zåäö]+ansvar)\b"
                r"|\bföreslås i propositionen\b|\b[Pp]ropositionens förslag\b|\b[Rr]egeringen har beslutat om en proposition\b"
                r"|\b(?:överlämnade|lämnade) regeringen (?:propositionen|budgetpropositionen)\b|\bSammanfattning på engelska av propositionen\b"
                # "Regeringen redovisar i propositionen inriktningen av …", "Den 16 juni 2004 överlämnades propositionen …"
                r"|\b[Rr]egeringen (?:redovisar|lämnar|presenterar|beskriver|föreslår) i (?:denna |den här )?propositionen\b"
                r"|\böverlämnades propositionen\b"),
     "proposition"),
    # a letter to the Riksdag: so named, handed over, or the government's answer to a report of Riksrevisionen
    # (which the law makes a letter: "Regeringen instämmer delvis i Riksrevisionens iakttagelser")
    # ("i skrivelse 2023-06-30", without an article, is someone else's letter the text cites)
    (re.compile(r"\b[Ii] (?:denna |den här )skrivelse\b|\b[Ii] skrivelsen\b|\bI skrivelse (?=(?:redogör|redovisar|lämnar|presenterar|"
                r"beskriver|informerar|behandlar)\b)|" + _LETTER_NAMED +
                r"|\bSkrivelsens huvudsakliga innehåll\b|\b[Rr]egeringen (?:har )?överlämna(?:r|de|t)\b[^.\n]{0,120}?"
                r"\b(?:skrivelse|till riksdagen)\b(?<!proposition till riksdagen)|\binformeras riksdagen\b"
                r"|\b[Rr]egeringen (?:instämmer|välkomnar|delar|redovisar|redogör|bedömer)\b[^.\n]{0,80}?\bRiksrevisionens\b"
                r"|\bRiksrevisionens rapport (?:är|bör anses|kan anses) (?:därmed )?slutbehandlad\b"),
     "skrivelse"),
    (re.compile(r"\b[Ii] (?:detta |det här )?(?:slut|del|huvud)?betänkande(?:t)?\b|\b(?:Slut|Del|Huvud)?[Bb]etänkandet\b|"
                r"\b(?:[Dd]etta|[Vv]årt|[Ss]itt) (?:slut|del|huvud)?betänkande\b|^(?:Slut|Del)?[Bb]etänkande av\b|"
                r"^(?:[A-ZÅÄÖ][\wåäö-]*\s){0,5}?"
                r"(?:[A-ZÅÄÖ][\wåäö-]*(?:kommittén|utredningen|kommissionen|delegationen)|Utredningen|Kommittén|Kommissionen)"
                r"(?: [^.\n]{0,80}?)? har (?:haft|fått) (?:regeringens |i |som )?(?:uppdrag|uppgift)"
                # a committee in the first person, or recounting how it was appointed (a tilläggsdirektiv, which
                # opens the same way, is known by its title before this is tried)
                r"|\b(?:[Vv]årt|[Mm]itt) uppdrag har varit\b|\benligt (?:våra|mina) direktiv\b|\b[Vv]i har enligt direktiven\b"
                # ... or in the third person, of its remit as done: "Utredningen om … ska enligt sina direktiv …", "I denna
                # utrednings direktiv …", "I uppdraget har också ingått att …" (a directive says "I uppdraget ingår")
                r"|\b(?:[Uu]tredningen|[Kk]ommittén)\b[^.\n]{0,120}?\benligt sina direktiv\b|\b[Ii] (?:denna|vår) utrednings direktiv\b"
                r"|(?:^|[.!?]\s+)I uppdraget har (?:också |även |vidare |dessutom )?ingått\b"
                # "Det här delbetänkandet …", "Enligt direktiven skulle …", "Direktiven angav …" (the remit as past)
                r"|\b[Dd]et här (?:slut|del|huvud)?betänkandet\b|\b[Ee]nligt direktiven skulle\b|(?:^|[.!?]\s+)Direktiven angav\b"
                r"|\b(?:Regeringen beslutade|Vid regeringssammanträdet) den \d{1,2} [a-zåäö]+ (?:19|20)\d\d[^.]{0,80} "
                r"(?:att tillkalla|att tillsätta|att ge en särskild utredare)\b|^En särskild utredare fick (?:i )?uppdrag(?:et)? att",
                re.M), "betänkande"),
    (re.compile(r"\b[Ii] (?:denna |den här )?(?:departements)?promemorian?\b|\b(?:Departements)?[Pp]romemorian\b|\b[Ii] en promemoria som (?:skickas|remitteras|"
                r"presenteras|har tagits fram)\b|\b[Ee]n promemoria\b[^.]{0,80}?"
                r"\b(?:tagits fram|utarbetats)\b|\b[Dd]enna promemoria\b|\b(?:[Dd]enna |[Ii] denna )?[Dd]epartementsskrivelse\b"
                r"|\bDepartementsskrivelsen\b|\bRegeringskansliet föreslår\b|\b[A-ZÅÄÖ][a-zåäö-]*departementet föreslår\b|"
                + SELF_REMITTED.pattern), "promemoria"),
    (re.compile(r"\b[Ff]aktabladet\b"), "faktablad"),
]
# a bill cited by number or name before "propositionen" is what that word refers to ("… (prop. 1999/2000:28).
# I propositionen redovisade regeringen …" in a memorandum)
OTHER_BILL = re.compile(r"\bprop\.\s?\d{4}/\d{2,4}:\d+|\bpropositionen [A-ZÅÄÖ\"”«]")
# the kind word of a letterhead in capitals, wherever the line breaks were lost
CAPS_KIND = re.compile(r"\b(" + "|".join(w for word, _ in HEAD_KIND for w in word.split("|") if w.isupper()) + r")\b")
# a steering document that is itself the document: its own kind noun in its title
POLICY_TITLE = re.compile(
    r"(?:^|\s)(?P<word>(?:[A-ZÅÄÖa-zåäö][\wåäö-]*?)??(?P<base>verksamhetsplan|handlingsplan|strategi|plan|program|policy|riktlinjer"
    r"|vision|budget|reglemente|agenda|färdplan))(?:en|er|erna|et|ar|n|met)?(?:\s|$|[,:.])", re.I)
# a national or strategic direction the government sets out is a strategy: "Nationell inriktning för artificiell
# intelligens", "Strategisk inriktning för försvarsinnovation"
DIRECTION_TITLE = re.compile(r"^(?:Nationell|Strategisk|Långsiktig|Ny|En ny|En nationell|En strategisk) inriktning för \w")
POLICY_DOC_KIND = {"verksamhetsplan": "verksamhetsplan", "handlingsplan": "handlingsplan", "strategi": "strategi",
                   "plan": "plan", "program": "program", "policy": "policy", "riktlinjer": "riktlinjer",
                   "vision": "plan", "budget": "plan", "reglemente": "plan", "agenda": "strategi", "färdplan": "plan"}


def _head(text: str, lines: int = 8) -> str:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append(m.group().lstrip("# \t"))
        if len(out) >= lines:
            break
    return "\n".join(out)[:700]


# a charge that is not given: refused ("Regeringen avser inte att ge X i uppdrag …"), or what someone else proposes the
# government give ("Riksrevisionen föreslår att regeringen uppdrar åt X att …", "… rekommenderar att regeringen ger …");
# searched for in the words before the verb (or before "regeringen")
# ... also refused by saying there is no need ("Det saknas för närvarande anledning att ge X i uppdrag …", "Regeringen ser
# inget behov av att ge …"), or only advised ("Riksrevisionen anser att regeringen bör ge X i uppdrag …")
NOT_GIVEN = re.compile(rf"(?P<refused>\b(?:inte|ej|aldrig){S}+att{S}+$|\batt{S}+(?:inte|ej|aldrig){S}+$"
                       # "Regeringen anser inte att det finns skäl att ge X i uppdrag …"
                       rf"|\b(?:inte|ej){S}+[^.;:]{{0,40}}?\b(?:finns|föreligger){S}+(?:[a-zåäö]+{S}+)?(?:anledning|skäl|behov){S}+"
                       rf"(?:av{S}+|för{S}+)?att{S}+$"
                       rf"|\b(?:saknas|ingen|inget|inga){S}+(?:[a-zåäö]+{S}+){{0,4}}?(?:anledning|skäl|behov|grund){S}+"
                       rf"(?:av{S}+|för{S}+)?att{S}+$)"
                       rf"|\b(?:föreslår|föreslog|rekommenderar|rekommenderade|förordar|förordade){S}+(?:[a-zåäö]+{S}+)?att{S}+"
                       rf"(?:(?:regeringen|[Rr]egeringskansliet){S}+)?(?:(?:även|också|därför){S}+)?$"
                       rf"|\bbör{S}+(?:(?:även|också|därför|vidare){S}+)?$")


# ... or refused with "inte" after the verb, first in the slot of whom it charges: "Regeringen ger inte X i uppdrag …"
REFUSED_SLOT = re.compile(r"\s*(?:inte|ej)\s")


def not_given(text: str, at: int, lo: int = 0) -> re.Match | None:
    """NOT_GIVEN in the words just before `at` (not before `lo`, where its sentence begins)."""
    return NOT_GIVEN.search(text, max(lo, at - 60), at)


GOVERNMENT_GIVES = re.compile(r"\b[Rr]egeringen\s+(?:ger|uppdrar|beslutar att ge|ändrar uppdraget|förlänger uppdraget"
                              r"|kompletterar uppdraget)\b")


def _state_assignee(ctx: Ctx, text: str) -> bool:
    """A body outside any municipality is given the task: "IAF får i uppdrag att …", "Uppdrag till Boverket
    att …", "Uppdrag till Folkbildningsrådet att …" (a municipal "Uppdrag till kulturnämnden" is not one)."""
    if re.search(r"\b[Ee]n (?:särskild |nationell )?(?:utredare|samordnare|förhandlingsperson) (?:får|ges) i uppdrag\b",
                 text[:3000]):
        return True                       # "En utredare ges i uppdrag att kartlägga …": the government's inquirer
    if council_decided(ctx, 0, 3000):
        return False                      # "Kommunstyrelsen har gett socialnämnden i uppdrag …": a council's
    # the body that gets the task: the subject of "får i uppdrag" or of "ska", or named right after "Uppdrag till"
    for m in re.finditer(r"(?P<gets>\b(?:får|ges|fick|gavs|fått|getts|givits)\s+(?:\w+\s+)?i\s+uppdrag\b|\bska\b)"
                         r"|^[^\n]*?[Uu]ppdrag\s+(?:till|åt)\s", text[:3000], re.M):
        line_start = text.rfind("\n", 0, m.start()) + 1
        for mention in ctx.bodies.mentions_in(line_start, m.end() + 120):
            placed = re.fullmatch(r"\s*(?:[\wåäö]+\s+){0,2}", text[mention.end:m.start()]) if m["gets"] \
                else mention.start == m.end()
            if placed and ctx.bodies.bodies[mention.label].kind in ("myndighet", "organisation", "region", "bolag"):
                return True
    return False


# the path of links a web page shows above its title: "[Startsida](/) › [Kommun och politik](/kommun-och-politik) › …"
BREADCRUMB = re.compile(r"^\[[^\]\n]*\]\([^)\n]*\)|\s[›»]\s")


def _kind_title(ctx: Ctx) -> str:
    """The title a document's kind is read from: its first line, past what a page puts above it (a breadcrumb, a
    letterhead's columns, the name of the body alone), and without a running header's page number ("Skövde kommun –
    Årsredovisning 2023      17")."""
    for line in lines_of(ctx.text)[:8]:
        t = line.text.lstrip("# \t")
        if BREADCRUMB.search(t) or META_LINE.match(t) or ctx.bodies.resolve(t):
            continue
        cells = CELL_GAP.split(t)
        if len(cells) > 1:
            if re.fullmatch(r"\d{1,3}(?:\s*\(\d{1,3}\))?", cells[-1].strip()) and len(cells) == 2:
                return cells[0]
            continue
        return t
    return ""


def classify(ctx: Ctx) -> str:
    text = ctx.text
    head = _head(text)
    tl = title_line(text)
    title = text[tl[0]:tl[1]] if tl else ""
    if BREADCRUMB.search(title) or CELL_GAP.search(title) or ctx.bodies.resolve(title):
        title = _kind_title(ctx)            # (a letterhead or a breadcrumb above the title)
    opening = "\n".join(l.text for l in lines_of(text)[1:6])
    government = bool(GOVERNMENT_ACTS.search(text))
    # a protokoll: its heading word with its furniture, or enough furniture without it
    furniture = len(set(m.group() for m in PROTOKOLL_WORDS.finditer(text)))
    paragraphs = sum(1 for line in lines_of(text) if PARAGRAPH_LINE.match(line.text)) or \
        (1 if PARAGRAPH_ANY.search(text) else 0)
    # a notice of a meeting to come, with its agenda ("Kallelse till regionstyrelsens arbetsutskott 2024-04-16",
    # "KALLELSE OCH FÖREDRAGNINGSLISTA"): the same furniture as minutes, but nothing was decided yet
    if NOTICE.match(title) and not PROTOKOLL_HEAD.search(head):
        return "okänd"
    if PROTOKOLL_HEAD.search(head) and (furniture >= 1 or paragraphs >= 1) or furniture >= 4 \
            or paragraphs >= 2 and furniture >= 2:
        return "protokoll"
    # (a report of a municipality or region, not the government's letter of the state's annual report: "I denna skrivelse
    # presenteras årsredovisningen för staten")
    def own_report() -> bool:
        return not SELF_NAMED[1][0].search(text)
    if re.search(r"(?:^|[–—-]\s)(?:Årsredovisning|Verksamhetsberättelse|Delårsrapport)\b", title) and own_report():
        return "rapport"                   # (the running header of a report: "Skövde kommun – Årsredovisning 2023")
    for word, kind in HEAD_KIND:
        # (after the page number of a flattened first page: "1 Tjänsteskrivelse KFN Handläggare: …", "1(4) Beslutsunderlag")
        # (a sentence is no heading: "Slutredovisning av uppdraget ska lämnas till Regeringskansliet …")
        if re.search(rf"(?m)^\s*(?:{PAGE_NUMBER})?(?:{word})\b(?!(?:\s+av\s+\S+)?\s+(?:ska|skall|bör)\s+(?:lämnas|ges|ske|redovisas)\b)",
                     head) and not (kind == "beslut" and government):
            if kind == "kommittédirektiv" and not government and not KD_SUBJECT.search(text) or \
                    kind == "rapport" and not own_report():
                continue
            return kind
    # a letterhead flattened into one line keeps its kind word in capitals ("… Ledningsenhet
    # BESLUTSUNDERLAG Landstingsfullmäktige Datum …")
    caps = CAPS_KIND.search(head[:400])
    if caps:
        return next(kind for word, kind in HEAD_KIND if caps.group(1) in word.split("|"))
    if re.search(r"\bsvarar [\wåäö]+ med ett kontorsyttrande\b|\bBeslutet om kontorsyttrande\b", text):
        return "kontorsyttrande"
    # a paper that proposes a board's decision, whatever its title ("Remiss: Förslag till regional
    # utvecklingsstrategi", answered by a nämnd): the förvaltning's tjänsteutlåtande
    proposal = re.search(r"^#*\s*(?:(?:[A-ZÅÄÖ][\wåäö-]*)?(?:[Ff]örvaltningens|[Kk]ontorets|[Dd]irektörens)\s+)?"
                         r"[Ff]örslag till beslut\s*$", text, re.M)
    if proposal and re.search(r"förvaltningens tjänsteutlåtande|\btjänsteutlåtande\b|[Ff]örvaltningen föreslår|"
                              r"(?:nämnden|styrelsen|fullmäktige) (?:beslutar|föreslås)|[Nn]ämnden\b", text):
        return "tjänsteutlåtande"
    # pages of the government: a remiss, a committee's directive, an assignment, another decision
    if re.match(r"(?i)(?:remiss|remittering|inbjudan till remiss)\b", title):
        return "remiss"
    # a memorandum that opens by saying so, though it is sent out for comment ("I promemorian föreslås …")
    first = next((l for l in opening.split("\n") if l.strip() and not l.lstrip().startswith("![")), "")
    if MEMO_OPENING.match(first.strip()) and not UPPDRAG_TITLE.match(title):
        return "promemoria"
    # the government's answer to an audit (a letter by law): "Riksrevisionen har granskat … Regeringen delar …";
    # a letter that opens by telling the Riksdag: "Regeringen redogör för …", "Regeringen lämnar … till riksdagen"
    if re.match(r"Riksrevisionen har granskat\b", first.strip()) and re.search(
            r"\b[Rr]egeringen (?:anser|instämmer|delar|bedömer|avser|välkomnar|har (?:vidtagit|beslutat|påbörjat))\b", text) \
            or re.match(r"Regeringen (?:redogör för|lämnar [^.\n]{0,120}? till riksdagen)", first.strip()) \
            and not re.search(r"\bproposition", first) and not SELF_NAMED[0][0].search(text):
        return "skrivelse"
    # a bill that opens by naming itself: "Proposition om vissa socialförsäkringsfrågor innehåller …",
    # "## Propositionens huvudsakliga innehåll"
    if re.match(r"#*\s*(?:Propositionen(?: om [^.\n]{3,160}?)? innehåller\b|Proposition om [^.\n]{3,160}? innehåller\b"
                r"|Propositionens huvudsakliga innehåll\b)", first.strip()):
        return "proposition"
    if REMISS_CUE.search(text) and not UPPDRAG_TITLE.match(title):
        return "remiss"
    if LETTER_SELF.search(title + "\n" + opening):
        return "skrivelse"
    own = _own_series(text, title, opening)
    if own:
        return own
    if REPORT_SELF.search(title + "\n" + opening):
        return "betänkande"
    if DRAFT_BILL.search(title + "\n" + opening):
        return "promemoria"                # a draft bill or lagrådsremiss sent out as the ministry's memorandum
    if MEMO_GROUP.search(opening) and not re.search(r"\b[Pp]roposition|\bSOU (?:19|20)\d\d:\d+", opening):
        return "promemoria"
    if (COMMITTEE_REPORTS.search(opening) or REMIT_TOLD.search(opening)) and not title.startswith("Tilläggsdirektiv"):
        return "betänkande"
    if not UPPDRAG_TITLE.match(title) and (
            re.search(r"\b[Tt]illäggsdirektiv\b|\bDir\.\s?\d{4}:\d+", title + "\n" + opening) or _directs(opening)):
        # (a committee's report opens the same way, telling of its directives, but says what it is)
        return "betänkande" if REPORT_TOLD.search(text) and not title.startswith("Tilläggsdirektiv") else "kommittédirektiv"
    if UPPDRAG_TITLE.match(title) and _state_assignee(ctx, text):
        return "regeringsuppdrag"          # only the government gives a state agency an assignment
    if UPPDRAG_TITLE.match(title) and council_decided(ctx):
        return "beslut"                    # a council's or a board's decision to give one of its committees a task
    if government:
        if UPPDRAG_TITLE.match(title) or any(not not_given(text, m.start()) for m in GOVERNMENT_GIVES.finditer(text)):
            return "regeringsuppdrag"
    report_text = re.search(r"\b[Dd]en här (?:åter)?rapporten\b|\b[Dd]enna (?:åter)?rapport\b|\b[Dd]enna slutredovisning\b"
                            r"|\b(?:slut|del)?redovisas (?:härmed|med denna rapport|i denna rapport)\b"
                            r"|\bhärmed (?:slut|del)?redovis", text)
    if report_text and re.search(r"\bregeringsuppdrag|\bi uppdrag\b|\buppdraget\b", text):
        return "återrapport"
    if re.search(r"^(?:Yttrande|Remissvar|Remissyttrande|Svar på remiss)\b", head, re.M | re.I) or \
            re.search(r"\b(?:lämnar|avger) (?:härmed )?följande (?:yttrande|synpunkter)\b|\bhar (?:beretts tillfälle|"
                      r"ombetts|inbjudits) att (?:yttra sig|lämna synpunkter)|\bhar tagit del av remissen\b", text):
        return "remissvar"
    if BILL_NAMED.search(text):
        return "proposition"               # the bill says it is one, whatever it says the government decides
    if government and re.search(r"\b[Rr]egeringen\s+beslutar\b|\bRegeringsbeslut\b", text):
        return "regeringsbeslut"
    # a bill or a government letter says so, whatever its title ("Denna skrivelse är den nationella strategin …")
    for rx, kind in SELF_NAMED[:2]:
        m = rx.search(text)
        if m and not (kind == "proposition" and OTHER_BILL.search(text, 0, m.start())):
            return kind
    # a steering document: its own kind noun in its title ("Folkhälsoplan", "Strategisk plan",
    # "Verksamhetsplan 2024", "Försvarsindustristrategi för ett starkare Sverige")
    if re.match(r"(?i)(?:extra )?ändringsbudget\b", title):
        return "proposition"               # the government's bill to amend the budget, not a budget of its own
    m = POLICY_TITLE.search(title)
    # (not a title about steering documents: "Digitalisering av grundkartor och detaljplaner")
    if m and not re.match(r"(?i)(?:remiss|förslag|yttrande|svar|uppföljning|revidering|ändring|beslut)", title) \
            and not re.search(r"(?i)\b(?:av|om|med|kring|inom|på|i)\s", re.split(r"[.:–—]\s", title[:m.start()])[-1]):
        return POLICY_DOC_KIND[m["base"].lower()]
    if DIRECTION_TITLE.match(title):
        return "strategi"
    if paragraphs >= 2 and furniture >= 1:
        return "protokoll"
    if re.match(r"Beslut\s+(?:om|att|gällande|angående)\s", title) and council_decided(ctx, 0, 600):
        return "beslut"                    # "# Beslut om ändrade öppettider ⏎ Kultur- och fritidsnämnden beslutade den …"
    for rx, kind in SELF_NAMED[2:]:         # the bill and the letter were tried before the title
        if rx.search(text):
            return kind
    # a committee's report that tells of its work further down, or speaks of its own remit and proposals
    if COMMITTEE_REPORTS.search(text) or INQUIRY_OWN.search(text):
        return "betänkande"
    return "okänd"


# ---------------------------------------------------------------- helpers
def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,:;–-")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def header_lines(ctx: Ctx, limit: int = 30) -> list[Line]:
    """Lines before the first section heading (the page head)."""
    out = []
    for line in lines_of(ctx.text)[:limit]:
        if SECTION_HEADING.match(line.text) and not TITLE_START.match(line.text):
            break
        out.append(line)
    return out


def _body_at(ctx: Ctx, start: int, end: int, kinds: set[str] | None = None) -> tuple[str, int, int] | None:
    for m in ctx.bodies.mentions_in(start, end):
        if kinds is None or ctx.bodies.bodies[m.label].kind in kinds:
            return m.label, m.start, m.end
    return None


def _most_mentioned(ctx: Ctx, kinds: set[str], min_count: int = 1) -> str | None:
    counts = Counter(m.label for m in ctx.bodies.mentions if ctx.bodies.bodies[m.label].kind in kinds)
    if not counts:
        return None
    label, n = counts.most_common(1)[0]
    return label if n >= min_count else None


def _first_mention_span(ctx: Ctx, label: str) -> tuple[int, int] | None:
    for m in sorted(ctx.bodies.mentions, key=lambda m: m.start):
        if m.label == label:
            return m.start, m.end
    return None


# ---------------------------------------------------------------- signatories
def _split_names(tokens: list[str], n: int) -> list[list[str]]:
    """Split a run of name tokens into n persons."""
    if n <= 1:
        return [tokens]
    # a first name after at least two tokens starts the next person
    for i in range(2, len(tokens) - 1):
        if tokens[i] in FIRST_NAMES and tokens[0] in FIRST_NAMES and len(tokens) - i >= 2 * (n - 1):
            return [tokens[:i]] + _split_names(tokens[i:], n - 1)
    size = max(2, len(tokens) // n)
    return [tokens[:size]] + _split_names(tokens[size:], n - 1)


def _name_groups(text: str, offset: int) -> list[tuple[str, int, int]] | None:
    """Persons on a line of names: [(name, start, end)], or None if it is not such a line."""
    parts = [(m.group(), m.start()) for m in re.finditer(r"\S+(?: \S+)*", text)]   # split on 2+ spaces
    persons: list[tuple[str, int, int]] = []
    for part, pstart in parts:
        toks = [(m.group(), m.start()) for m in re.finditer(r"\S+", part)]
        if not toks or any(not re.fullmatch(NAME_TOKEN, t) or t in NOT_NAME for t, _ in toks):
            return None
        if len(toks) < 2:
            return None
        persons.append((part, offset + pstart, offset + pstart + len(part)))
    return persons or None


def _title_count(text: str) -> int | None:
    """How many titles a title line holds ("arbetsmarknadsdirektör  utvecklingschef" -> 2), or None."""
    parts = re.split(r"\s{2,}", text.strip())
    n = 0
    for part in parts:
        words = part.split()
        i = 0
        while i < len(words):
            two = " ".join(words[i:i + 2])
            one = words[i][:1].lower() + words[i][1:]         # "Direktör" under a name, as "direktör"
            if i + 1 < len(words) and TITLE_TOKEN.match(two):
                n += 1
                i += 2
            elif TITLE_TOKEN.match(words[i]) or TITLE_TOKEN.match(one):
                n += 1
                i += 1
            else:
                return None
    return n or None


def find_signatories(ctx: Ctx) -> list[tuple[str, int, int]]:
    text = ctx.text
    lines = lines_of(text)
    found: list[tuple[str, int, int]] = []

    def add(persons):
        for name, s, e in persons:
            name = re.sub(r"\s+", " ", name)
            if name not in [f[0] for f in found]:
                found.append((name, s, e))

    for i, line in enumerate(lines):
        # "Arjun Bakshi  Karin Eriksson-Bech arbetsmarknadsdirektör  utvecklingschef" (names and titles on one line)
        same_line = _names_then_titles(line)
        if same_line:
            add(same_line)
            continue
        if i + 1 >= len(lines):
            continue
        nxt = lines[i + 1]
        if len(nxt.text) > 120 or not re.match(NAME_TOKEN, line.text):
            continue
        n = _title_count(nxt.text)
        if n:
            groups = _name_groups(line.text, line.start)
            if groups:
                if len(groups) < n:
                    groups = _persons_from_tokens(line.text, line.start, n) or groups
                add(groups)
                continue
        if SIGN_LABEL.match(line.text) or ctx.kind != "protokoll" and DECIDER_LABEL.match(line.text):
            groups = _name_groups(nxt.text, nxt.start)
            if groups and all(len(g[0].split()) <= 4 for g in groups):
                add(groups)
    # "Beslut i ärendet har fattats av vikarierande generaldirektör Lars Lööw", "Detta yttrande har beslutats av …"
    for m in DECIDED_BY.finditer(text):
        add([(m["name"], m.start("name"), m.end("name"))])
    # a member who signs a motion with her party: "Maria Strand (C)" on a line of its own at the end
    if ctx.kind in ("motion", "interpellation"):
        for line in lines[-8:]:
            m = re.match(rf"^(?P<name>{NAME_TOKEN}(?: {NAME_TOKEN}){{1,3}})\s*{PARTY_IN_BRACKETS}\s*$", line.text)
            if m and not any(t in NOT_NAME for t in m["name"].split()):
                add([(m["name"], line.start, line.start + len(m["name"]))])
    # "Anna Svensson, förvaltningschef" at the end of a document
    if ctx.kind != "protokoll":
        for line in lines[-12:]:
            m = re.match(rf"^(?P<name>{NAME_TOKEN}(?: {NAME_TOKEN}){{1,3}}),\s*(?P<title>.+)$", line.text)
            if m and _title_count(m["title"]) == 1 and not any(t in NOT_NAME for t in m["name"].split()):
                add([(m["name"], line.start, line.start + len(m["name"]))])
    return found


DECIDED_BY = re.compile(
    rf"\b(?:[Bb]eslut(?:et)?(?: i (?:detta )?ärende(?:t)?)? har fattats|har beslutats|[Bb]eslutet har fattats|beslutades) av "
    rf"(?:(?:{TITLE_MOD})\s+)?[a-zåäö-]*(?:direktör|chef|ordförande(?:n)?|rektor|landshövding)\s+"
    rf"(?P<name>{NAME_TOKEN}(?: {NAME_TOKEN}){{1,3}})")


TITLE_ANYWHERE = re.compile(TITLE_CORE + r"\b", re.I)


def _names_then_titles(line: Line) -> list[tuple[str, int, int]] | None:
    if len(line.text) > 160 or not TITLE_ANYWHERE.search(line.text) or not re.match(NAME_TOKEN, line.text):
        return None
    toks = list(re.finditer(r"\S+", line.text))
    for k in range(len(toks) - 1, 1, -1):
        names, titles = line.text[:toks[k].start()].rstrip(), line.text[toks[k].start():]
        n = _title_count(titles)
        if not n:
            continue
        groups = _name_groups(names, line.start)
        if not groups:
            continue
        if len(groups) < n:
            groups = _persons_from_tokens(names, line.start, n) or groups
        return groups
    return None


def _persons_from_tokens(text: str, offset: int, n: int) -> list[tuple[str, int, int]] | None:
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if len(toks) < 2 * n:
        return None
    groups = _split_names([t[0] for t in toks], n)
    out, k = [], 0
    for g in groups:
        first, last = toks[k], toks[k + len(g) - 1]
        out.append((" ".join(g), offset + first[1], offset + last[2]))
        k += len(g)
    return out


# ---------------------------------------------------------------- metadata readers
def minutes_title(body: str, date: str) -> str:
    """The title of minutes that give none: "Protokoll Kulturnämnden 2021-10-20"."""
    return f"Protokoll {body} {date}"


def read_title(ctx: Ctx, kind: str) -> tuple[str, int, int] | None:
    text = ctx.text
    off = len(text) - len(text.lstrip("\ufeff \n"))
    crumb = re.match(r"[^\n]*\n\s*", text[off:])
    if crumb and BREADCRUMB.search(crumb.group()):
        off += crumb.end()                   # a web page's path of links above its heading
    m = MD_TITLE.match(text, off)
    if m and not KIND_LABEL.match(m["title"]):   # a heading line ("# Uppdrag till …") is the title, not a bare
        return _clean(m["title"]), m.start("title"), m.end("title")   # kind word ("# PROTOKOLL", "# Tjänsteskrivelse")
    if kind == "protokoll":
        # a page header: "Protokoll AMN 2019-06-18"
        m = re.search(r"\b(?:Sammanträdes)?[Pp]rotokoll\s+(?:för\s+|från\s+)?[A-ZÅÄÖ][\wÅÄÖåäö-]*\s+\d{4}-\d\d-\d\d\b", text)
        if m:
            return _clean(m.group()), m.start(), m.end()
        first = lines_of(text)[:3]
        for line in first:
            m = re.match(r"(?:Sammanträdes)?[Pp]rotokoll(?:sutdrag)?\s+(?:nr\.?\s+)?[\w/.:-]*\d[\w/.:-]*", line.text)
            if m:
                return _clean(m.group()), line.start, line.start + len(m.group())
        return None            # built from body and date in extract()
    for line in header_lines(ctx, 25):
        lm = MATTER_LABEL.match(line.text)
        if lm:
            t = lm["t"].rstrip(" .")
            return _clean(t), line.start + lm.start("t"), line.start + lm.start("t") + len(t)
    for line in header_lines(ctx, 25):
        t = line.text
        if KIND_LABEL.match(t) or META_LINE.match(t) or BULLETISH.match(t) or not t[:1].isupper() or ORG_UNIT_LINE.match(t) \
                or ORG_NAME_LINE.match(t) or ADDRESSED_LINE.match(t):
            continue
        if CELL_GAP.search(t) or _right_column(ctx, line):
            continue          # a letterhead's columns ("MORA KOMMUN        Datum 2024-02-14"), the addressee's block
        if find_dates(t) and len(t) < 40 or _name_groups(t, 0):
            continue
        if ctx.bodies.resolve(t) or len(t) < 8 or len(t) > 220 or re.match(r"^\d{3} ?\d{2}\b", t):
            continue
        if t.endswith(":") or t.endswith(".") and not TITLE_START.match(t):
            continue
        if TITLE_START.match(t) or len(t.split()) >= 3:
            return _clean(t), line.start, line.start + len(t.rstrip(" .:"))
    # what the document says it is about: "ombetts yttra sig över remiss av X", "remiss av X"
    for rx, prefix in (
            (r"\b(?:ombetts|beretts tillfälle att|inbjudits att) (?:att )?yttra sig över (?P<t>(?:en |ett )?remiss av [^.\n]{5,160})", ""),
            (r"\b(?:lämna följande yttrande över|yttrande över) (?P<t>remiss(?:en)? av [^.\n]{5,160})", ""),
            (r"\bförslag till (?P<t>[^.\n]{5,120}?) som (?:har )?(?:skickats|sänts|remitterats) (?:ut )?på remiss", "Remiss av förslag till "),
            (r"\b(?:har remitterat|remitterar) (?:ärendet )?(?P<t>[A-ZÅÄÖ][^.\n]{5,160}?) till [\wåäö]+ för yttrande", "Remiss av "),
    ):
        m = re.search(rx, text)
        if m:
            t = re.sub(r"^(?:en |ett )", "", m["t"])
            return _cap(_clean(prefix + t)), m.start("t"), m.end("t")
    if kind == "återrapport":
        m = re.search(r"\b(?P<t>Uppdrag (?:till|åt|att|om|avseende) [^,.\n]{5,200}?),\s*regeringsbeslut", text)
        if m:
            return "Återrapport: " + _clean(m["t"]), m.start("t"), m.end("t")
    return None


PROTOCOL_DATE = re.compile(
    r"^(?:Sammanträdesdatum|Mötesdatum|Datum för sammanträdet|Plats och tid|Tid och plats|Tid|Datum)\s*:?[^\n\d]{0,60}?(?=\d|den \d)|"
    r"\b[Pp]rotokoll\s+(?:för\s+|från\s+)?[A-ZÅÄÖ][\wÅÄÖåäö-]*\s+(?=\d{4}-\d\d-\d\d)|"
    r"\bsammanträde(?:t)?\b[^.\n]{0,80}?(?=\b(?:[a-zåäö]+dagen )?den \d)", re.M)


# a steering document's adoption on its title page: "Antagen av Kommunfullmäktige 26 april 2004",
# "Fastställd av regionfullmäktige 2019-06-17"
# (the name runs to its date, else to the end of the clause: "Antagen av barn- och utbildningsnämnden 2023-12-12, § 98")
_ADOPTER = r"(?P<who>[A-ZÅÄÖa-zåäö][\wåäö -]{2,60}?)"
_ADOPTED_ON = r",?\s+(?:den\s+)?(?P<date>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?=[\s,.;\n]|$)"
ADOPTED = re.compile(r"(?<![\wåäö])(?:[Aa]ntagen|[Aa]ntaget|[Aa]ntagna|[Ff]astställd|[Ff]astställt|[Bb]eslutad|[Bb]eslutat)"
                     rf"\s+(?:av\s+|i\s+){_ADOPTER}(?:{_ADOPTED_ON}|(?=\s*(?:[,.;\n]|$)))")
# ... or told of itself in a sentence: "Klimatplanen antogs av kommunfullmäktige den 29 februari 2024", "Policyn fastställdes
# av regionstyrelsen 2023-05-02" (the document's own kind of noun, definite, first in its sentence)
ADOPTED_SELF = re.compile(r"(?:^|(?<=[.!]\s))(?:[A-ZÅÄÖ][a-zåäö-]*(?:planen|strategin|policyn|programmet|riktlinjerna)|Planen"
                          r"|Strategin|Policyn|Programmet|Riktlinjerna)\s+(?:antogs|fastställdes|beslutades|godkändes)\s+av\s+"
                          rf"{_ADOPTER}(?:{_ADOPTED_ON}|(?=\s*(?:[,.;(\n]|$)))", re.M)
POLICY_DOCUMENT_KINDS = {"plan", "strategi", "handlingsplan", "verksamhetsplan", "program", "policy", "riktlinjer"}
# the table of facts a municipal steering document opens with, one "label: value" a line: "Beslutad av: Kommunfullmäktige",
# "Beslutsdatum: 2020-02-24, § 18", "Giltighetstid: Tills vidare", "Gäller från: 2021-01-01"
HEADER_FIELD = re.compile(
    r"^[ \t|*]*(?:(?P<by>(?:Beslutad|Antagen|Fastställd|Godkänd)\s+av|Beslutsinstans|Beslutande\s+(?:organ|instans))"
    r"|(?P<on>Beslutsdatum|Datum\s+för\s+(?:beslut|antagande|fastställelse)|(?:Antagen|Fastställd|Beslutad|Godkänd)(?:\s+den)?)"
    r"|(?P<valid>Giltighetstid|Giltig(?:\s+(?:från|till|till\s+och\s+med|t\.o\.m\.?))?|Gäller(?:\s+(?:från|till|"
    r"fr\.o\.m\.?|t\.o\.m\.?|till\s+och\s+med|från\s+och\s+med))?))"
    # (the label without a colon where a date or "tills vidare" follows it: "Gäller till och med 2027-12-31.")
    r"[ \t*]*(?::[ \t*|]*|[ \t]*\|[ \t]*|[ \t]+(?=(?:19|20)\d\d|[Tt]ills\s+vidare))(?P<value>[^\n|]*\S)[ \t|]*$", re.M)


def header_fields(text: str) -> dict[str, list[tuple[str, int, int]]]:
    """Each kind of fact (by, on, valid) in the opening table of a steering document, in order: the label's own
    words for `valid` ("Gäller från") with its value, else the value; with where the value is."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for m in HEADER_FIELD.finditer(text, 0, min(len(text), 3000)):
        key = next(k for k in ("by", "on", "valid") if m[k])
        value = f"{m[key]} {m['value']}" if key == "valid" else m["value"]
        out.setdefault(key, []).append((value, m.start("value"), m.end("value")))
    return out


def _adoption(ctx: Ctx) -> re.Match | None:
    """The adoption a steering document states near its top, if the adopting body is one the text names."""
    for rx in (ADOPTED, ADOPTED_SELF):
        for m in rx.finditer(ctx.text, 0, 3000):
            if ctx.bodies.mentions_in(m.start("who"), m.end("who") + 1):
                return m
    return None


# a head set as a table, its labels on one line and their values under them: "Handläggare Datum Diarienummer ⏎ Anna Berg
# 2021-05-06 KSN-2021-01234"
LABEL_ROW = re.compile(r"(?:(?:Handläggare|Datum|Diarienummer|Diarienr|Dnr|(?:Vår|Vårt|Er|Ert)[ \t]+(?:referens|beteckning|dnr)"
                       r"|Ärendenummer|Beteckning|Telefon|Sida)"
                       r"[ \t]*){2,}", re.I)


def _label_row_values(header: list[Line], label: str) -> Line | None:
    """The line of values under a row of labels that holds `label`."""
    for line, nxt in zip(header, header[1:]):
        if LABEL_ROW.fullmatch(line.text.strip()) and re.search(label, line.text, re.I):
            return nxt
    return None


def read_date(ctx: Ctx, kind: str, header: list[Line]) -> tuple[str, int, int] | None:
    text = ctx.text
    if kind in POLICY_DOCUMENT_KINDS:
        m = _adoption(ctx)
        if m and m["date"]:
            ds = [d for d in find_dates(m["date"]) if d.has_year]
            if ds:
                return ds[0].iso, m.start("date"), m.end("date")
        fields = header_fields(text)
        for key in ("on", "by"):          # "Beslutsdatum: 2020-02-24", "Antagen av: Kommunfullmäktige 2019-04-15"
            if key in fields:
                value, a, _ = fields[key][0]
                ds = [d for d in find_dates(value) if d.has_year]
                if ds:
                    return ds[0].iso, a + ds[0].start, a + ds[0].end
    if kind == "beslut":                   # "Kommunfullmäktige beslutade den 12 juni 2021 att …"
        m = council_decided(ctx)
        ds = [d for d in find_dates(m["on"]) if d.has_year] if m and m["on"] else []
        if ds:
            return ds[0].iso, m.start("on"), m.end("on")
    if kind == "protokoll":
        for m in PROTOCOL_DATE.finditer(text):
            ds = find_dates(text[m.end():m.end() + 60])
            if ds and ds[0].has_year and ds[0].start <= 16:
                d = ds[0]
                return d.iso, m.end() + d.start, m.end() + d.end
    if kind in ("beslut", "protokoll"):
        # the meeting, by the date that ends the title: "Beslut i korthet från regionstyrelsen 12 oktober 2022",
        # "# Protokoll Barn- och utbildningsnämnden 2024-02-13"
        tl = title_line(text)
        ds = [d for d in find_dates(text[tl[0]:tl[1]]) if d.has_year] if tl else []
        if ds and not text[tl[0] + ds[-1].end:tl[1]].strip(" .,"):
            return ds[-1].iso, tl[0] + ds[-1].start, tl[0] + ds[-1].end
    if kind == "betänkande" and (handed := _handed_over(text)):
        return handed
    if kind in ("regeringsuppdrag", "regeringsbeslut", "kommittédirektiv", "remiss"):
        m = re.search(r"\b(?:Regeringsbeslut|Beslut vid regeringssammanträde|Beslutsdatum|Publicerad)\b[^\n\d]{0,20}", text)
        if m:
            ds = find_dates(text[m.end():m.end() + 40])
            if ds and ds[0].has_year and ds[0].start <= 6:
                return ds[0].iso, m.end() + ds[0].start, m.end() + ds[0].end
        return None
    for line in header:
        ds = [d for d in find_dates(line.text) if d.has_year]
        if not ds:
            continue
        # (the column that holds it, where fields stand side by side: "Beslutsdatum: 2023-07-11      Diarienummer: 2023/742")
        a0 = max((g.end() for g in CELL_GAP.finditer(line.text, 0, ds[0].start)), default=0)
        b0 = next((g.start() for g in CELL_GAP.finditer(line.text, ds[0].end)), len(line.text))
        rest = (line.text[a0:ds[0].start] + line.text[ds[0].end:b0]).strip(" :,")
        if not rest or re.fullmatch(r"(?:(?:Tjänsteutlåtande|Tjänsteskrivelse|Yttrande|Kontorsyttrande|Beslut)\s+)?"
                                    r"(?:Datum|[Dd]aterad|[Dd]aterat|Upprättad|Beslutsdatum|Sammanträdesdatum|Utfärdat"
                                    r"|Tjänsteutlåtande|(?:Dnr|Diarienr|Diarienummer)\.?\s*:?\s*\S+(?:\s\S+){0,2}|[A-ZÅÄÖ][a-zåäö]+)(?: den)?\s*:?", rest):
            return ds[0].iso, line.start + ds[0].start, line.start + ds[0].end
    values = _label_row_values(header, r"\bDatum\b")
    ds = [d for d in find_dates(values.text) if d.has_year] if values else []
    if len(ds) == 1:
        return ds[0].iso, values.start + ds[0].start, values.start + ds[0].end
    # an answer adopted by a board (ANSWER_ADOPTED)
    m = next((m for rx in ANSWER_ADOPTED if (m := rx.search(text))), None) if kind == "remissvar" else None
    ds = [d for d in find_dates(m["on"]) if d.has_year] if m else []
    if ds:
        return ds[0].iso, m.start("on") + ds[0].start, m.start("on") + ds[0].end
    # a letter's closing "Stockholm den 10 juni 2021"
    for line in lines_of(text)[-15:]:
        m = re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+(?:,)? (?:den )?(?P<d>\d{1,2} [a-zåäö]+ \d{4}|\d{4}-\d\d-\d\d)", line.text)
        if m:
            ds = [d for d in find_dates(m["d"]) if d.has_year]
            if ds:
                return ds[0].iso, line.start + m.start("d"), line.start + m.end("d")
    return None


_DAY = r"(?:den\s+)?(?P<on>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
# the day a committee handed its report over: "Kemikalieskatteutredningen överlämnade den 30 mars 2015 sitt betänkande …",
# "Den 19 januari 2024 överlämnades betänkandet Inskränkningarna i upphovsrätten", "Utredningen … slutredovisades den
# 31 mars 2024"
HANDED_OVER = re.compile(
    r"\böverlämnade\s+den\s+(?P<on>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)\s+(?:sitt\s+|ett\s+)?(?:del|slut)?bet[a-zåäö]*nde[nt]?\b(?P<named>[^.\n]{0,120})"
    r"|\b[Dd]en\s+(?P<on2>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)\s+överlämnades\s+(?:del|slut)?betänkandet\b(?P<named2>[^.\n]{0,120})"
    r"|\bslutredovisades\s+den\s+(?P<on3>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)\b")


def _handed_over(text: str) -> tuple[str, int, int] | None:
    """The day the report was handed over, where the text tells it of this report: a report it names by
    another title is an earlier one ("överlämnade i maj delbetänkandet …")."""
    tl = title_line(text)
    own = re.sub(r"\W+", " ", text[tl[0]:tl[1]]).lower().strip() if tl else ""
    for m in HANDED_OVER.finditer(text):
        g = next(k for k in ("on", "on2", "on3") if m[k])
        named = m["named"] or m["named2"] or ""
        # (a title follows the noun; "sitt betänkande till regeringen" names none)
        named = re.sub(r"\W+", " ", re.sub(r"\(.*", "", named)).lower().strip() if re.match(r'\s*["”«]?\s*[A-ZÅÄÖ]', named) else ""
        if named and not (own.startswith(named[:25]) or named.startswith(own[:25])):
            continue
        ds = [d for d in find_dates(m[g]) if d.has_year]
        if ds:
            return ds[0].iso, m.start(g) + ds[0].start, m.start(g) + ds[0].end
    return None
# the day an answer was adopted: "Regionstyrelsen beslutade den 8 februari 2022 att anta yttrandet", "Yttrandet antogs av
# kommunstyrelsen den 3 maj 2021"
ANSWER_ADOPTED = (
    re.compile(rf"\b(?:beslutade|beslöt)\s+{_DAY}\s+att\s+(?:anta|godkänna|fastställa|avge|lämna)\s+(?:(?:detta|följande)\s+)?"
               rf"(?:yttrande(?:t)?|remissvar(?:et)?|svar(?:et)?)\b"),
    re.compile(rf"\b(?:[Yy]ttrandet|[Rr]emissvaret|[Ss]varet)\s+(?:har\s+)?(?:antogs|antagits|beslutades|fastställdes|godkändes)"
               rf"(?:\s+av\s+[^.\n]{{2,60}}?)?\s+{_DAY}"))


def read_diarienummer(ctx: Ctx, kind: str, header: list[Line]) -> list[tuple[str, int, int]]:
    text = ctx.text
    out: list[tuple[str, int, int]] = []

    def add(d, base=0):
        if d.notation not in [o[0] for o in out]:
            out.append((d.notation, base + d.start, base + d.end))

    if MD_TITLE.match(text.lstrip("\ufeff \n")):
        m = MD_TITLE.search(text)
        if m and m["dnr"]:
            for d in find_diarienummer(m["dnr"]):
                add(d, m.start("dnr"))
            # the number of the letter or bill itself, glued to its title: "…minoritetsspråkenSkr. 2025/26:62"
            series = re.match(r"(?:Skr|Prop)\.\s?\d{4}/\d{2}:\d+", m["dnr"])
            if series and series.group() not in [o[0] for o in out]:
                out.append((series.group(), m.start("dnr"), m.start("dnr") + series.end()))
        for d in find_diarienummer(text, require_cue=True):
            add(d)
        for m in re.finditer(r"^Diarienummer:\s*(.+)$", text, re.M):
            for d in find_diarienummer(m.group(1)):
                add(d, m.start(1))
        return out
    if kind == "protokoll":
        lines = lines_of(text)
        for i, line in enumerate(lines):
            if not PARAGRAPH_LINE.match(line.text):
                continue
            for d in find_diarienummer(line.text, require_cue=True):
                add(d, line.start)             # on the § line itself: "§ 23 Dnr KS 2021/45"
            for nxt in lines[i + 1:i + 4]:
                if PARAGRAPH_LINE.match(nxt.text):
                    break
                ds = find_diarienummer(nxt.text)
                bare = re.sub(r"\b(?:Dnr|Diarienummer)\.?:?\s*", "", nxt.text, flags=re.I).strip()
                if ds and ds[0].notation == re.sub(r"\s*/\s*", "/", bare.split(",")[0].strip()):
                    for d in ds:
                        add(d, nxt.start)
                    break
        # the matters of the meeting listed with their numbers: "Landstingsplan (LS/1735/2010)"
        for m in re.finditer(r"\((?P<d>[^()\n]{4,30})\)", text):
            ds = find_diarienummer(m["d"])
            if len(ds) == 1 and ds[0].registry and ds[0].start == 0 and ds[0].end == len(m["d"]):
                add(ds[0], m.start("d"))
    # the page head: "Dnr KS 2024/1035", a line that is only a registry number
    for line in header:
        cue = DNR_CUE.search(line.text) or re.match(r"^(?:Vår beteckning|Ärendenr|Vår referens)", line.text, re.I)
        found = find_diarienummer(line.text)
        for d in found:
            if cue or (d.registry and d.start == 0 and d.end >= len(line.text) - 1):
                add(d, line.start)
        # a field in a column beside the letterhead ("Kommunstyrelsen        Vår beteckning KS 2024/34"; not the
        # addressee's "Er beteckning")
        for x, y in table_cells(text, line.start, line.end, CELL_GAP)[1:]:
            if re.match(r"(?:Vår beteckning|Vårt dnr)\b", text[x:y], re.I):
                for d in find_diarienummer(text[x:y]):
                    add(d, x)
        if cue and not found and re.match(r"^(?:Dnr|Diarienummer|Diarienr)\b", line.text, re.I):
            # a registry style the identifier patterns do not know ("Dnr 3.1-123/2021"): keep it as written
            m = re.match(r"^(?:Dnr|Diarienummer|Diarienr)\.?\s*:?\s*(?P<d>[A-ZÅÄÖ]{0,5}[\s-]?\d[\w.:/-]*\d)\s*$", line.text, re.I)
            if m and re.search(r"[/-]", m["d"]):
                notation = m["d"]
                if notation not in [o[0] for o in out]:
                    out.append((notation, line.start + m.start("d"), line.start + m.end("d")))
    values = _label_row_values(header, r"\b(?:Diarienummer|Diarienr|Dnr|Ärendenummer|Vår beteckning|Vårt dnr|Beteckning)\b")
    for d in find_diarienummer(values.text) if values else []:
        add(d, values.start)
    # the remiss the document answers: "Remiss från kommunstyrelsen, dnr KS 2024/1035"
    for m in re.finditer(r"^(?:Remiss|Yttrande över|Svar på remiss)\b[^\n]*", text, re.M):
        for d in find_diarienummer(m.group(), require_cue=True):
            add(d, m.start())
    # an enclosed remiss: "Bilaga 1. Remiss: Förslag till …, dnr 2018/000070"
    if kind in ("tjänsteutlåtande", "kontorsyttrande", "remissvar"):
        bil = re.search(r"^Bilag(?:a|or)\b", text, re.M)
        if bil:
            tail = text[bil.start():]
            for d in find_diarienummer(tail, require_cue=True):
                add(d, bil.start())
    return out


# the government in its own voice ("Regeringen presenterar …", "vill regeringen …", "Regeringens bedömning är att");
# speaking at all also takes what it has done ("Regeringen har …", "beslutade", "antog")
GOVERNMENT_VOICE = re.compile(
    r"\b[Rr]egeringen\s+(?:vill|presenterar|lanserar|reglerar|bedömer)\b|\b(?:vill|avser|presenterar|lanserar)\s+(regeringen)\b"
    r"|\b[Rr]egeringens\s+(?:bedömning|uppfattning|ambition|ambitioner|prioriteringar|inriktning)\s+är\b")
GOVERNMENT_SPEAKS = re.compile(r"\b[Rr]egeringen\s+(?:har|avser|beslutade|antog|tar|anger)\b|" + GOVERNMENT_VOICE.pattern)
INQUIRY_WORDS = re.compile(r"\b(?:[Uu]tredaren|[Uu]tredningen|[Kk]ommittén|betänkande\w*|promemorian?)\b")


def _home(ctx: Ctx) -> tuple[str | None, tuple[int, int] | None]:
    """The municipality (else the region) the text belongs to, and where it first names it."""
    b = ctx.bodies
    muni = b.municipality or next((x.label for x in b.all() if x.kind == "region"), None)
    return muni, _first_mention_span(ctx, muni) if muni else None


def _government_speaks(ctx: Ctx, muni_at: tuple[int, int] | None) -> tuple[str, tuple[int, int]] | None:
    """("Regeringen", where): "Regeringens handlingsplan för …" as its title, or the government speaking before
    any municipality is named ("Genom åtgärderna … vill regeringen stärka …", "Regeringens bedömning är att:")."""
    text, b = ctx.text, ctx.bodies
    g = re.match(r"#?\s*(?:[^\n]{0,120}?\s[-–−]\s)?(Regeringens)\s", text) or GOVERNMENT_SPEAKS.search(text)
    if not g or (muni_at and g.start() >= muni_at[0]):
        return None
    at = g.start(1) if g.lastindex and g.group(1) else g.start()
    if "Regeringen" not in b.bodies:
        b.bodies["Regeringen"] = Body(label="Regeringen", kind="regering", evidence=[ctx.span(at, at + 10)])
    return "Regeringen", (at, at + len("regeringen"))


COMMITTEE_LABEL = re.compile(r"(?i)(?:utredning|kommitté|kommission|delegation|beredning)(?:en|n)?\b|samordnaren\b")
# what a committee does in its own report, right after its name
REPORTING_VERB = re.compile(r"(?:s\s+(?:uppdrag|uppgift|förslag|arbete|bedömning)\b|\s+(?:\([^()\n]{1,30}\)\s+)?"
                            r"(?:har|hade|föreslår|lämnar|överlämnade|anser|bedömer|redovisar|konstaterar|fick|"
                            r"behandlar|presenterar|ger\s+i\s+detta)\b)")
# where the answers to a remiss go: the one who sent it out ("Remissvaren ska ha kommit in till Finansdepartementet …")
ANSWERS_GO_TO = re.compile(r"\b(?:Remissvaren|Svaren) ska ha (?:kommit in|inkommit) till ([^\n]{0,80})")
UNNAMED_INQUIRY = re.compile(r"(?m)(?:^|(?<=[.!?]\s))(?:(?P<who>Utredningen|Utredaren|Kommittén)\s+(?:har|hade|fick|ska|skulle|"
                             r"föreslår|lämnar|bedömer|anser|konstaterar|redovisar|menar|förordar|presenterar)"
                             r"|(?P<whose>Utredningen|Utredaren|Kommittén)s\s+uppdrag\s+(?:har\s+varit|var|är))\b"
                             r"|\b[Ii] betänkandet (?:föreslår|redovisar|lämnar|presenterar) (?P<who2>utredningen|utredaren|kommittén)\b")
MADE_BY = re.compile(r"(?P<who>[A-ZÅÄÖ][^\n.,]{2,80}?)\s+(?:har\s+(?:[a-zåäö]+\s+och\s+)?(?:tagit fram|analyserat|föreslagit|"
                     r"utarbetat|presenterat|beslutat)|presenterar|lanserar|föreslår)\b")


def _committee_speaking(ctx: Ctx) -> tuple[str, tuple[int, int]] | None:
    """The committee named in the opening that speaks there ("Skolinformationsutredningen har …"), with its span."""
    for mm in ctx.bodies.mentions_in(0, 1500):
        if COMMITTEE_LABEL.search(mm.label) and REPORTING_VERB.match(ctx.text, mm.end):
            return mm.label, (mm.start, mm.end)
    return None


def _unnamed_inquiry(ctx: Ctx) -> tuple[str | None, tuple[int, int] | None]:
    """A report that names no inquiry at all, only "Utredningen har haft i uppdrag att …": by "Utredningen"."""
    found = [(m, next(k for k in ("who", "whose", "who2") if m[k])) for m in UNNAMED_INQUIRY.finditer(ctx.text)]
    if not found:
        return None, None
    # (a committee named before it speaks is the one it means; one cited further down is another's report)
    if any(COMMITTEE_LABEL.search(mm.label) for mm in ctx.bodies.mentions_in(0, found[0][0].start())):
        return None, None
    # the inquiry as a whole rather than its utredare, where the text speaks of both
    m, g = next(((m, g) for m, g in found if m[g].lower() == "utredningen"), found[0])
    label = m[g][:1].upper() + m[g][1:]
    ctx.bodies.add(label, "myndighet", m.start(g), m.end(g))
    return label, (m.start(g), m.end(g))


def read_author(ctx: Ctx, kind: str, header: list[Line], signature_orgs: list[tuple[str, int, int]]):
    text = ctx.text
    b = ctx.bodies
    if kind in ("regeringsuppdrag", "regeringsbeslut", "kommittédirektiv"):
        if "Regeringen" in b.bodies:
            s = _first_mention_span(ctx, "Regeringen")
            return "Regeringen", s
        return "Regeringen", None
    if kind in POLICY_DOCUMENT_KINDS:
        # who adopted it ("Antagen av Kommunfullmäktige …"), else the government speaking in it
        # ("… vill regeringen stärka …"), else the municipality or region it belongs to
        m = _adoption(ctx)
        if m:
            hit = _body_at(ctx, m.start("who"), m.end("who") + 1)
            if hit:
                return hit[0], (hit[1], hit[2])
        by = header_fields(text).get("by")
        hit = _body_at(ctx, by[0][1], by[0][2] + 1) if by else None
        if hit:
            return hit[0], (hit[1], hit[2])
        # the body a plan is for, named in its title: "Verksamhetsplan för Folkhälsorådet 2019", "Verksamhetsplan 2023
        # för Folkhälsorådet i Ljusdals kommun"
        tl = title_line(text)
        fm = re.search(r"(?i)(?:plan|program|budget|strategi)(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)?\s+för\s+",
                       text[tl[0]:tl[1]]) if tl else None
        hit = _body_at(ctx, tl[0] + fm.end(), tl[0] + fm.end() + 60) if fm else None
        if hit and hit[1] == tl[0] + fm.end() and ctx.bodies.bodies[hit[0]].kind in kinds.municipal():
            return hit[0], (hit[1], hit[2])
        # a department or agency that says in the opening that it made it: "Socialdepartementet har analyserat
        # och föreslagit en uppdaterad nationell cancerstrategi"
        lead = re.search(r"\n\s*(?!#)\S", text)
        if lead:
            made = MADE_BY.match(text, lead.end() - 1)
            hit = _body_at(ctx, made.start("who"), made.end("who") + 1, {"departement", "myndighet"}) if made else None
            if hit:
                return hit[0], (hit[1], hit[2])
        muni, muni_at = _home(ctx)
        spoken = _government_speaks(ctx, muni_at)
        if spoken:
            return spoken
        if muni:
            return muni, muni_at
    if kind == "okänd" and GOVERNMENT_VOICE.search(text) and not INQUIRY_WORDS.search(text):
        # a page of no kind the text names, in which the government speaks in its own voice ("Regeringens
        # bedömning är att …", "Regeringen reglerar …") before any municipality is named, and no inquiry
        # reports (an inquiry's report recounts what the government decided)
        spoken = _government_speaks(ctx, _home(ctx)[1])
        if spoken:
            return spoken
    if kind in ("proposition", "skrivelse"):
        # the government's own kinds of paper
        return "Regeringen", _first_mention_span(ctx, "Regeringen") if "Regeringen" in b.bodies else None
    if kind == "betänkande":
        # the committee that reports: "Förvaltningskommittén har haft i uppgift …", "Slutbetänkande av
        # Utredningen om vinst i skolan", "Utredningen Samordning för bostadsbyggande har överlämnat …"
        first = re.search(r"[^\n]*\n+(?:!\[[^\n]*\n+)?[^\n]+", text)
        for mm in ctx.bodies.mentions_in(0, first.end() if first else len(text)):
            if COMMITTEE_LABEL.search(mm.label):
                return mm.label, (mm.start, mm.end)
        # further into the opening, the committee that speaks: "Skolinformationsutredningen har bland annat haft …"
        speaking = _committee_speaking(ctx)
        if speaking:
            return speaking
        return _unnamed_inquiry(ctx)
    if kind == "promemoria":
        # "har tagits fram inom Regeringskansliet", "har utarbetats inom Finansdepartementet", the ministry that
        # proposes ("Socialdepartementet föreslår att …", "Socialdepartementet har tagit fram denna promemoria")
        # (or the ministry that sent it out for comment, which receives the answers)
        m = re.search(r"\b(?:tagits fram|utarbetats|upprättats) (?:inom|av|på) ([^.\n]{2,80})"
                      r"|\bpromemoria från ([A-ZÅÄÖ][^.\n]{2,60})|\bpå remiss av ([A-ZÅÄÖ][^.\n]{2,60})"
                      r"|\b([A-ZÅÄÖ][a-zåäö-]+departementet) (?:föreslår|lämnar|har (?:tagit fram|utarbetat))\b|"
                      + ANSWERS_GO_TO.pattern, text)
        g = next((k for k in (1, 2, 3, 4, 5) if m and m.group(k)), None)
        hit = _body_at(ctx, m.start(g), m.end(g), {"departement", "myndighet", "regering"}) if g else None
        if hit:
            return hit[0], (hit[1], hit[2])
        # a memorandum of an inquiry in the ministry's series: the inquiry that speaks in its opening
        return _committee_speaking(ctx) or _unnamed_inquiry(ctx)
    if kind == "remiss":
        m = ANSWERS_GO_TO.search(text)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1), {"departement", "regering", "myndighet"})
            if hit:
                return hit[0], (hit[1], hit[2])
        return ("Regeringen", _first_mention_span(ctx, "Regeringen")) if "Regeringen" in b.bodies else (None, None)
    if kind == "beslut":
        m = council_decided(ctx)
        hit = _body_at(ctx, m.start("who"), m.end("who") + 1) if m else None
        if hit:
            return hit[0], (hit[1], hit[2])       # the council or board that decided
    if kind == "delegationsbeslut":
        # decided on behalf of the board that delegated it: "Beslut fattat med stöd av delegation från socialnämnden"
        m = re.search(r"\bdelegation\s+från\s+", text)
        hit = _body_at(ctx, m.end(), m.end() + 60, {"nämnd", "styrelse", "fullmäktige"}) if m else None
        label = hit[0] if hit else _most_mentioned(ctx, {"nämnd", "styrelse"})
        if label:
            return label, (hit[1], hit[2]) if hit else _first_mention_span(ctx, label)
    if kind == "protokoll":
        counts = Counter()
        spans = {}
        for m in re.finditer(r"^([A-ZÅÄÖ][\wåäö-]+?)s beslut\s*$|^([A-ZÅÄÖ][\wåäö-]+)s beslut\b", text, re.M):
            label = b.resolve(m.group(1) or m.group(2))
            if label:
                counts[label] += 1
                spans.setdefault(label, (m.start(), m.start() + len(m.group(1) or m.group(2))))
        if counts:
            label = counts.most_common(1)[0][0]
            return label, spans[label]
        m = re.search(r"[Pp]rotokoll (?:från|för) ([^\n]{0,80})", text)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1), {"nämnd", "styrelse", "fullmäktige", "råd"})
            if hit:
                return hit[0], (hit[1], hit[2])
        label = _most_mentioned(ctx, {"nämnd", "styrelse", "fullmäktige"})
        return label, _first_mention_span(ctx, label) if label else None
    # "Arbetsmarknadsförvaltningens förslag till beslut", "… synpunkter och förslag"
    for m in re.finditer(r"^([A-ZÅÄÖ][\wåäö-]+?)s (?:förslag till beslut|synpunkter|bedömning|yttrande)\b", text, re.M):
        label = b.resolve(m.group(1))
        if label and b.bodies[label].kind in ("förvaltning", "myndighet", "organisation", "enhet", "nämnd", "styrelse"):
            return label, (m.start(1), m.end(1))
    if kind == "kontorsyttrande":
        for m in re.finditer(r"[^.\n]*kontorsyttrande[^.\n]*", text):
            hit = _body_at(ctx, m.start(), m.end(), {"förvaltning"})
            if hit:
                return hit[0], (hit[1], hit[2])
    lh = _flat_letterhead(ctx)
    if lh:
        hit = _body_at(ctx, 0, lh[0], {"förvaltning", "enhet", "region", "kommun", "myndighet", "nämnd", "styrelse"})
        if hit:
            return hit[0], (hit[1], hit[2])
    if signature_orgs:
        label, s, e = signature_orgs[0]
        return label, (s, e)
    for line in header[:8]:
        # (the letterhead's left column: a column of fields beside it, or the addressee's block at the right, is not
        # the writer: "Kommunstyrelsen        Vår beteckning KS 2024/34", "                    Trafikverket")
        if _right_column(ctx, line):
            continue
        cell = CELL_GAP.split(line.text)[0]
        label = b.resolve(cell)
        if label and b.bodies[label].kind in ("förvaltning", "myndighet", "organisation", "nämnd", "styrelse", "enhet"):
            return label, (line.start, line.start + len(cell))
    # "Arbetsmarknadsdirektörens beslut" -> the förvaltning of that direktör
    m = re.search(r"^([A-ZÅÄÖ][a-zåäö]+)direktörens beslut", text, re.M)
    if m:
        label = b.resolve(m.group(1) + "förvaltningen")
        if label:
            return label, (m.start(1), m.end(1))
    if kind == "återrapport":
        # the agency that says it reports: "Socialstyrelsen redovisar härmed regeringsuppdraget …"
        m = re.search(r"(?:^|[.\n]\s*)(?P<who>[A-ZÅÄÖ][^.\n]{1,100}?)\s+(?:redovisar|slutredovisar|delredovisar|återrapporterar|"
                      r"lämnar)\s+(?:härmed|här|i denna rapport|i den här rapporten)\b", text)
        hit = _body_at(ctx, m.start("who"), m.end("who")) if m else None
        if hit:
            return hit[0], (hit[1], hit[2])
        label = _most_mentioned(ctx, {"myndighet", "organisation"})
        return label, _first_mention_span(ctx, label) if label else None
    if kind in ("tjänsteutlåtande", "kontorsyttrande"):
        label = _most_mentioned(ctx, {"förvaltning"}, min_count=2)
        return label, _first_mention_span(ctx, label) if label else None
    if kind == "remissvar":
        # the body the remiss asked: "Lunds kommun har beretts möjlighet att yttra sig …", "Region X har tagit del av
        # remissen och lämnar följande synpunkter", or that signs for it ("För Lunds kommun")
        for m in ANSWERING.finditer(ctx.text):
            hit = [x for x in ctx.bodies.mentions_in(max(0, m.start() - 120), m.start() + 1) if x.end >= m.start()]
            if hit and ctx.bodies.bodies[hit[-1].label].kind not in ("regering", "departement"):
                return hit[-1].label, (hit[-1].start, hit[-1].end)
        for m in SIGNED_FOR.finditer(ctx.text):
            hit = _body_at(ctx, m.end(), m.end() + 80)
            if hit and hit[1] == m.end() and ctx.bodies.bodies[hit[0]].kind not in ("regering", "departement"):
                return hit[0], (hit[1], hit[2])
        label = _most_mentioned(ctx, {"myndighet", "organisation", "förvaltning", "nämnd"}, min_count=2)
        return label, _first_mention_span(ctx, label) if label else None
    return None, None


ANSWERING = re.compile(r"\s+har\s+(?:beretts|getts|fått|erbjudits)\s+(?:möjlighet|tillfälle)\s+att\s+(?:yttra\s+sig|lämna\s+synpunkter)"
                       r"|\s+har\s+(?:ombetts|inbjudits|bjudits\s+in)\s+(?:att\s+)?(?:yttra\s+sig|lämna\s+synpunkter)"
                       r"|\s+har\s+tagit\s+del\s+av\s+(?:remissen|förslaget|promemorian|betänkandet)\b"
                       r"|\s+(?:lämnar|avger)\s+(?:härmed\s+)?följande\s+(?:yttrande|synpunkter|remissvar)\b")
SIGNED_FOR = re.compile(r"^För\s+(?=[^\n]{3,60}$)", re.M)


def _flat_letterhead(ctx: Ctx) -> tuple[int, int] | None:
    """Where a letterhead flattened into running text names the document's kind in capitals."""
    first = ctx.text[:400]
    m = CAPS_KIND.search(first)
    if m:
        a, b = first.rfind("\n", 0, m.start()) + 1, first.find("\n", m.end())
        cells = CELL_GAP.split(first[a:b if b >= 0 else None].strip("# \t"))
        if m.group() not in cells:      # (not a letterhead in columns: "Region Gävleborg        TJÄNSTEUTLÅTANDE")
            return m.start(), m.end()
    return None


RIGHT_COLUMN = 24           # indented this far (in characters), a line of the head stands in its right column


def _right_column(ctx: Ctx, line: Line) -> bool:
    """A line of a plain-text letter set far to the right, as an addressee's block is in a Swedish letter."""
    return ctx.doc.leads.get(line.start, 0) >= RIGHT_COLUMN


def read_addressee(ctx: Ctx, kind: str, header: list[Line], author: str | None):
    text = ctx.text
    b = ctx.bodies
    lh = _flat_letterhead(ctx)
    if lh:         # "… BESLUTSUNDERLAG Landstingsfullmäktige Datum …": the body the paper is for
        hit = _body_at(ctx, lh[1], lh[1] + 60, {"nämnd", "styrelse", "fullmäktige"})
        if hit and hit[0] != author:
            return hit[0], (hit[1], hit[2])
    # "Till arbetsmarknadsnämnden" in the page head, "Motion till kommunfullmäktige"
    for line in header:
        am = ADDRESSED_LINE.match(line.text)
        hit = _body_at(ctx, line.start + am.start("who"), line.end) if am else None
        if hit:
            return hit[0], (hit[1], hit[2])
    # the addressee's block at the right of a letter's head ("                    Trafikverket ⏎   Region Mitt")
    for line in header:
        label = b.resolve(line.text) if _right_column(ctx, line) else None
        if label and label != author and b.bodies[label].kind not in ("kommun",):
            return label, (line.start, line.end)
    for i, line in enumerate(header):
        m = re.match(r"^Till\b\s*:?\s*(.*)$", line.text)
        # (a line that addresses, not a sentence that opens with "Till": "Till utredaren ska det knytas en referensgrupp
        # med företrädare för …")
        if m and not re.search(r"\b(?:ska|skall|har|är|kan|bör|får|kommer)\b", m.group(1)):
            hit = _body_at(ctx, line.start, line.end)
            if not hit and not m.group(1) and i + 1 < len(header):
                hit = _body_at(ctx, header[i + 1].start, header[i + 1].end)
            if hit:
                return hit[0], (hit[1], hit[2])
    if kind in ("regeringsuppdrag",):
        m = MD_TITLE.search(text)
        if m:
            t = re.search(r"\b(?:till|åt)\s", m["title"])
            if t:
                hit = _body_at(ctx, m.start("title") + t.end(), m.end("title"))
                if hit:
                    return hit[0], (hit[1], hit[2])
        m = re.search(r"\b(?:[Rr]egeringen (?:ger|uppdrar åt)|uppdrar åt) ([^.\n]{0,120})", text) or \
            re.search(r"^([^.\n]{0,120}?) (?:får|ges) (?:i )?uppdrag", text, re.M)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1), {"myndighet", "organisation", "region", "kommun", "bolag", "råd"})
            if hit:
                return hit[0], (hit[1], hit[2])
        return None, None
    if kind == "tjänsteutlåtande":
        m = re.search(r"[Ff]örslag till beslut\s*\n", text)
        if m:
            # the body that decides is the subject of the proposal's first lines ("Miljö- och byggnadsnämnden
            # godkänner …"), not a body the summary under the next heading begins with
            window = "\n".join(text[m.end():m.end() + 600].split("\n")[:3])
            for im in re.finditer(r"^(?:\d+\.\s+)?([A-ZÅÄÖ][\wåäö]+(?:-\s+(?:och|eller)\s+[\wåäö-]+|[\wåäö-]*))", window, re.M):
                label = b.resolve(im.group(1))
                if label and b.bodies[label].kind in ("nämnd", "styrelse", "fullmäktige"):
                    return label, (m.end() + im.start(1), m.end() + im.end(1))
        m = re.search(r"\b([A-ZÅÄÖ][\wåäö-]+nämnden) föreslås\b", text)
        if m and b.resolve(m.group(1)):
            return b.resolve(m.group(1)), (m.start(1), m.end(1))
        if author and b.get(author) and b.get(author).serves:
            served = b.get(author).serves
            return served, _first_mention_span(ctx, served)
        return None, None
    if kind == "remissvar":
        for line in header:
            label = b.resolve(line.text)
            if label and label != author and b.bodies[label].kind in ("departement", "regering", "styrelse", "nämnd",
                                                                     "fullmäktige", "myndighet", "region", "kommun"):
                return label, (line.start, line.end)
    if kind in ("kontorsyttrande", "remissvar"):
        m = re.search(r"\b[Rr]emiss från ([^\n,.]{2,80})", text)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1))
            if hit:
                return hit[0], (hit[1], hit[2])
        m = re.search(r"([^.\n]{0,80}) har (?:remitterat|skickat [^.\n]{0,60} på remiss)", text)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1))
            if hit and hit[0] != author:
                return hit[0], (hit[1], hit[2])
        return None, None
    if kind == "återrapport":
        m = re.search(r"\b(?:redovisa|rapportera|återrapportera)[^.\n]{0,120}? till ([^.\n(]{0,80})", text)
        if m:
            hit = _body_at(ctx, m.start(1), m.end(1))
            if hit:
                return hit[0], (hit[1], hit[2])
        if "Regeringen" in b.bodies:
            return "Regeringen", _first_mention_span(ctx, "Regeringen")
    return None, None


# the head of the list of whom a paper goes to ("Beslutet ska skickas till ⏎ Kommunstyrelsen ⏎ Tekniska förvaltningen"):
# the last of them may stand right above the signature, and is not the office that wrote it
DISTRIBUTION = re.compile(r"(?:Beslutet\s+(?:ska\s+)?(?:skickas|expedieras|sänds)\s+till|Beslut(?:et)?\s+skickas\s+till|"
                          r"Expedieras\s+till|Expediering|Sändlista|Kopia\s+till|För\s+kännedom|Skickas\s+till)\b", re.I)


def _distributed(lines: list, k: int) -> bool:
    """Whether line k is a name in a distribution list: short lines up from it to a DISTRIBUTION head."""
    for j in range(k, max(-1, k - 8), -1):
        text = lines[j].text.strip()
        if DISTRIBUTION.match(text):
            return j < k
        if len(text) > 60 or text.endswith((".", ";")):
            return False
    return False


def signature_orgs(ctx: Ctx, signatories: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Bodies named on the line after a signature's title line ("Arbetsmarknadsförvaltning"), else on the line
    right above the name ("Stadsbyggnadsförvaltningen ⏎ Per Holm ⏎ Stadsbyggnadsdirektör")."""
    out = []
    lines = lines_of(ctx.text)
    for _, s, _e in signatories:
        for i, line in enumerate(lines):
            if line.start <= s < line.end + 1:
                after = list(itertools.takewhile(lambda x: not DISTRIBUTION.match(x.text.strip()), lines[i + 1:i + 4]))
                for nxt in after + [x for x in lines[max(0, i - 1):i] if not _distributed(lines, i - 1)]:
                    if _right_column(ctx, nxt) != _right_column(ctx, line):
                        continue    # another block of the page: the addressee's, at the right of a handläggare's name
                    label = ctx.bodies.resolve(nxt.text)
                    if label:
                        out.append((label, nxt.start, nxt.end))
                        break
                break
    return out


# a report's own number in its series, which gives the year it was issued: glued to its title ("# Polisiär
# beredskap i fred, kris och krigSOU 2025:57"), after its own title ("… delbetänkandet Patientlag (SOU 2013:2)"),
# or where it names itself ("I detta delbetänkande, Mål och mening med integration (SOU 2024:12), …", "Utredningen har
# överlämnat sitt slutbetänkande Grundpension – några anslutande frågor (SOU 2020:32)")
OWN_NUMBER = r"\(?(?:SOU|Ds)\s(?P<year>(?:19|20)\d\d):\d{1,3}(?!\d)\)?"
SELF_NUMBERED = re.compile(r"\b(?:[Dd]etta|[Dd]et här|härmed|överlämnat\s+sitt)\s+(?:slut|del|huvud)?(?:betänkande|promemoria|rapport)"
                           r"(?:t|n)?[^.()]{0,160}?\s" + OWN_NUMBER)


def read_issued(ctx: Ctx, title: str, kind: str) -> tuple[str, int, int] | None:
    """The year a committee's report or a memorandum was issued, from its own number in its series
    (SOU for a betänkande, Ds for a memorandum)."""
    text = ctx.text
    series = "SOU" if kind == "betänkande" else "Ds"
    m = MD_TITLE.match(text.lstrip("\ufeff \n"))
    if m and m["dnr"]:
        own = re.match(OWN_NUMBER, m["dnr"])
        if own and own.group().lstrip("(").startswith(series):
            off = len(text) - len(text.lstrip("\ufeff \n")) + m.start("dnr")
            return own["year"], off + own.start(), off + own.end()
    t = title.strip(" #")
    if len(t.split()) >= 2:
        own = re.search(re.escape(t) + r"[\"”»]?,?\s*" + OWN_NUMBER, text)
        if own and series in own.group():
            return own["year"], own.start("year") - 4, own.end()
    own = next((x for x in SELF_NUMBERED.finditer(text) if series in x.group()[-16:]), None)
    if own:
        return own["year"], own.start("year") - 4, own.end()
    return None


def read_reports_on(ctx: Ctx) -> list[tuple[str, int, int]]:
    """The assignment an återrapport reports on: its diarienummer, else its title."""
    text = ctx.text
    out: list[tuple[str, int, int]] = []
    for m in re.finditer(r"\bregeringsbeslut\b[^\n]{0,40}?(?:dnr|diarienummer)\s*:?\s*", text, re.I):
        for d in find_diarienummer(text[m.end() - 6:m.end() + 40], require_cue=True)[:1]:
            if d.notation not in [o[0] for o in out]:
                out.append((d.notation, m.end() - 6 + d.start, m.end() - 6 + d.end))
    if not out:
        m = re.search(r"\b(?P<t>Uppdrag (?:till|åt|att|om|avseende) [^,.\n]{5,200}?),\s*regeringsbeslut", text)
        if m:
            out.append((_clean(m["t"]), m.start("t"), m.end("t")))
    return out


# ---------------------------------------------------------------- stage
def extract(ctx: Ctx) -> None:
    kind = classify(ctx)
    ctx.kind = kind
    meta = ctx.out.document
    meta.kind = kind
    header = header_lines(ctx)
    ev = []

    title = read_title(ctx, kind)
    title_span = None
    if title:
        meta.title = title[0]
        title_span = (title[1], title[2])
        ev.append(ctx.span(*title_span))

    date = read_date(ctx, kind, header)
    if date:
        meta.date = date[0]
        ev.append(ctx.span(date[1], date[2]))

    for notation, s, e in read_diarienummer(ctx, kind, header):
        meta.diarienummer.append(notation)
        ev.append(ctx.span(s, e))

    signatories = find_signatories(ctx) if kind not in ("regeringsuppdrag", "regeringsbeslut", "kommittédirektiv",
                                                         "remiss") else []
    for name, s, e in signatories:
        meta.signatories.append(name)
        ev.append(ctx.span(s, e))

    author, aspan = read_author(ctx, kind, header, signature_orgs(ctx, signatories))
    meta.author = author
    if aspan:
        ev.append(ctx.span(*aspan))
    elif author == "Regeringen" and author not in ctx.bodies.bodies and title_span:
        # a government decision page that never writes "regeringen": the page itself, under its
        # heading, is the government's decision; its heading is the evidence (not a name mention)
        ctx.bodies.bodies[author] = Body(label=author, kind="regering", evidence=[ctx.span(*title_span)])
    addressee, dspan = read_addressee(ctx, kind, header, author)
    if addressee and addressee != author:
        meta.addressee = addressee
        if dspan:
            ev.append(ctx.span(*dspan))

    if kind in ("betänkande", "promemoria"):
        issued = read_issued(ctx, meta.title or "", kind)
        if issued:
            meta.issued = issued[0]
            ev.append(ctx.span(issued[1], issued[2]))

    if kind == "återrapport":
        for ref, s, e in read_reports_on(ctx):
            meta.reports_on.append(ref)
            ev.append(ctx.span(s, e))

    if meta.title is None and kind == "protokoll" and meta.author and meta.date:
        meta.title = minutes_title(meta.author, meta.date)

    meta.evidence = sorted(set(ev))

    # the document's year: its date, else its diarienummer
    if meta.date:
        ctx.year = int(meta.date[:4])
    elif meta.diarienummer:
        m = re.search(r"(?:19|20)\d\d", meta.diarienummer[0])
        ctx.year = int(m.group()) if m else None

    _set_own(ctx, kind, author, meta.addressee)


# the short name a text gives a party: "Region Halland, org.nr 232100-0207, nedan kallad regionen"
DEFINED_NAME = re.compile(r"\b(?:nedan|härefter)\s+(?:kallad|kallade|kallat|benämnd|benämnda|benämnt)\s+[\"”»]?(?P<w>[A-ZÅÄÖa-zåäö]{3,})")


def _set_own(ctx: Ctx, kind: str, author: str | None, addressee: str | None) -> None:
    b = ctx.bodies
    own = b.own
    akind = b.bodies[author].kind if author in b.bodies else None
    dkind = b.bodies[addressee].kind if addressee in b.bodies else None
    if akind == "förvaltning":
        own["förvaltningen"] = author
        own["kontoret"] = author
    if akind == "myndighet":
        own["myndigheten"] = author
    nämnd = None
    if kind == "protokoll" and akind in ("nämnd", "styrelse", "fullmäktige"):
        nämnd = author
    elif dkind == "nämnd":
        nämnd = addressee
    elif akind == "förvaltning" and b.bodies[author].serves:
        nämnd = b.bodies[author].serves
    elif akind == "nämnd":
        nämnd = author
    if nämnd:
        if b.bodies[nämnd].kind == "nämnd":
            own["nämnden"] = nämnd
        elif b.bodies[nämnd].kind == "styrelse":
            own["styrelsen"] = nämnd
    if akind == "styrelse":
        own["styrelsen"] = author
    if nämnd and "förvaltningen" not in own:
        # the förvaltning that prepares the nämnd's matters ("Förvaltningen har redovisat ärendet …")
        serving = [x.label for x in b.all() if x.kind == "förvaltning" and x.serves == nämnd]
        if len(serving) == 1:
            own["förvaltningen"] = serving[0]
    if b.municipality:
        label = b.municipality
        if label.endswith(" stad"):
            own["staden"] = label
        else:
            own["kommunen"] = label
        own.setdefault("staden", label)
        own.setdefault("kommunen", label)
    # the short name a text gives a party, as an agreement does: "Region Halland, org.nr 232100-0207, nedan kallad
    # regionen, och Falkenbergs kommun, …, nedan kallad kommunen"
    for m in DEFINED_NAME.finditer(ctx.text, 0, 4000):
        before = b.mentions_in(max(0, m.start() - 120), m.start())
        if before:
            own[m["w"].lower()] = before[-1].label

