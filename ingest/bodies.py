"""Recognise the public bodies a document names and resolve them to one name each.

"Arbetsmarknadsnämnden", "arbetsmarknadsnämndens" and (in that nämnd's own
minutes) "nämnden" are one body. A group phrase ("berörda nämnder",
"stadsdelsnämnderna") is not a body, and neither is a bare "Förvaltningen" or
"Ärendet" at the start of a sentence: a body needs a name of its own.

Rules, each named for what it recognises, are applied in order; a span taken by
an earlier rule is not matched again. Reference lists of state authorities and
municipalities help recognition; a name is stored only where the text has it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from . import register
from .model import Body, Span
from .normalise import CELL_GAP

# ---------------------------------------------------------------- word lists
# suffix of a compound body name -> kind ("Arbetsmarknads|nämnden")
MUNICIPAL_SUFFIX_KIND = {
    "nämnden": "nämnd", "nämnd": "nämnd",
    "förvaltningen": "förvaltning", "förvaltning": "förvaltning",
    "kontoret": "förvaltning", "revisionen": "förvaltning",
    "fullmäktige": "fullmäktige",
    "styrelsen": "styrelse",
    "rådet": "råd",
    "staben": "enhet",
}
# stems that make "-styrelsen" a municipal/regional executive board (others are agencies)
BOARD_STEMS = {"kommun", "region", "landstings", "stads", "förbunds"}
# an agency named as a board, one word with a capital, in a text of the state: "Järnvägsstyrelsen", "Rikspolisstyrelsen"
# (not a company's or an association's board)
NATIONAL_BOARD = re.compile(r"(?!(?:Bolags|Förenings|Fond|Koncern|Moder|Dotter|Stiftelse|Kommun|Region|Landstings|Stads|"
                            r"Förbunds|Skol|Bostads)styrelsen)[A-ZÅÄÖ][a-zåäö]{3,}styrelsen")
# compound stems that do not name one body ("stadsdelsnämnden" without a district)
GENERIC_STEMS = {"stadsdels", "fack", "besluts", "egen", "resultat", "berörd", "samtlig", "styr",
                 "sam", "ansvarig", "ansvar", "del", "under", "huvud", "lednings", "grund", "fullmäktige",
                 "beredande", "remiss",
                 # management of a resource or of the state, no administration: "vargförvaltningen", "statsförvaltningen"
                 "stats", "varg", "vilt", "rovdjurs", "fiske", "vatten", "havs", "älg", "jakt", "kapital", "fond",
                 "förmögenhets", "förvaltnings"}
DEFINITE = {"nämnd": "nämnden", "förvaltning": "förvaltningen"}
# a lower-case word of a body's name, not a word that ends the name ("Myndigheten för radio och tv att analysera …")
_NOT_NAME_WORD = (r"(?!(?:ska|skall|har|hade|är|var|som|kan|får|bör|inte|även|också|att|med|den|det|de|en|ett|sitt|sin|"
                  r"samt|hur|vad|när|där|genom|inom|enligt|under|efter|vid|om|ges|gavs|fick|uppdras|i)\b)")
_NAME_WORD = _NOT_NAME_WORD + r"[a-zåäö][a-zåäö-]*"
_FIELD_WORD = _NOT_NAME_WORD + r"[A-ZÅÄÖa-zåäö][a-zåäö-]*"      # also capitalised: "Forskningsrådet för Arbetsliv och …"
# words before "<Name> Stockholm" that show it is not a unit's name
NOT_UNIT_WORDS = {"Ett", "En", "Det", "Den", "Region", "Staden", "Hela", "Inom", "Stad", "Sverige", "Norra",
                  "Södra", "Västra", "Östra", "Stor", "Och", "Om", "För", "Till", "Från", "Vision", "Kommun",
                  "Trygga", "Nya", "Hållbara", "Stockholms", "I", "Med", "Av", "Att", "Som", "Där", "När"}
# a county's or a region's name: "Blekinge", "Västra Götaland", "Jämtlands" (before "län")
_COUNTY = r"[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?"


def _series(item: str) -> str:
    """Names in a row, "A, B och C" (or "… samt C"), each matching the pattern `item`."""
    return rf"{item}(?:, {item})* (?:och|samt) {item}"


# where a name may begin and end: at a word boundary, or (_BEFORE_NAME, _AFTER_NAME) not inside a hyphenated compound
# either ("EU-kommissionen" holds no "Kommissionen")
_BEFORE_NAME, _AFTER_NAME = r"(?<![\w-])", r"(?![\w-])"


def _named(name: str, before: str = r"\b", after: str = r"\b") -> re.Pattern:
    """A body's name as the pattern `name` reads it: group "name", and "gen" for a genitive -s ("Regeringens")."""
    return re.compile(rf"{before}(?P<name>{name})(?P<gen>s)?{after}")


GOVERNMENT = _named(r"[Rr]egeringen")
MINISTRY = _named(r"(?:[A-ZÅÄÖa-zåäö][a-zåäö]+- ?och )?[A-ZÅÄÖa-zåäö][a-zåäö]+departementet")
# (a preposition first in a line is no part of the place: "För Lunds kommun" under an answer)
MUNICIPALITY = _named(r"(?P<place>(?!(?:För|Till|Från|Hos|Inom|Om|Av|Med|Och|I) )[A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?)s? "
                      r"(?:[Ss]tad|[Kk]ommun)")
# "Tekniska nämnden", "Sociala resursförvaltningen", "Social resursnämnd": an adjective before the noun
ADJECTIVE_BODY = _named(
    # (in running text the two common ones in lower case: "remitterats till tekniska nämnden")
    # (also indefinite, as a letterhead writes its unit: "Teknisk förvaltning")
    r"(?P<adj>[A-ZÅÄÖ][a-zåäö]+(?:a|ska|isk)|Social|tekniska|sociala) (?P<stem>[a-zåäö]*)"
    r"(?P<suffix>nämnden|nämnd|förvaltningen|förvaltning|rådet|kommittén|delegationen|institutet|centret)")
ADJECTIVE_SUFFIX_KIND = {**{"rådet": "råd"}, **{k: "myndighet" for k in ("kommittén", "delegationen", "institutet", "centret")}}
NOT_ADJECTIVES = {"Berörda", "Samtliga", "Övriga", "Andra", "Flera", "Alla", "Respektive", "Ansvariga", "Egna",
                  "Dessa", "Båda", "Nya", "Nästa", "Varje", "Vissa", "Olika", "Sådana", "Enskilda", "Aktuella"}
# (not an agency's own regions, named for a part of the country: Trafikverket's "Region Mitt", "Region Syd")
REGION = _named(rf"Region (?!(?:Mitt|Syd|Norr|Nord|Öst|Väst|Sydost|Nordost|Sydväst|Nordväst|Mellersta|Södra|Norra|Östra|Västra)\b)"
                rf"{_COUNTY}")
DISTRICT = re.compile(r"\b(?P<name>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?s? (?P<suffix>stadsdelsförvaltning|stadsdelsnämnd)(?:en)?)(?P<gen>s)?\b"
                      r"|\b(?P<name2>Stadsdels(?P<suffix2>nämnden|förvaltningen) (?!i\b|och\b)[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)")
# "Kommunstyrelsens arbetsutskott": a committee of a board, part of it
SUBCOMMITTEE = re.compile(r"\b(?P<parent>[A-ZÅÄÖa-zåäö][a-zåäö]+(?:styrelsen|nämnden|fullmäktige))s? (?P<name>[a-zåäö]*utskott)(?:et)?\b")
# "Landstinget i Blekinge län", "Jämtlands läns landsting", "Landstinget Dalarna" (now regions)
LANDSTING = re.compile(
    rf"(?<![\w-])(?P<name>Landstinget i (?P<c1>{_COUNTY}) län|(?P<c2>{_COUNTY}) läns landsting(?!s?[a-zåäö])"
    r"|Landstinget (?P<c3>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]+)(?![\w-]))")
# "Jämtlands läns landstingsstyrelse", "Dalarnas läns landstingsfullmäktige": a county council's board or assembly
COUNTY_COUNCIL_ORGAN = re.compile(
    rf"(?<![\w-])(?P<name>{_COUNTY} läns (?P<organ>landstingsstyrelse|landstingsfullmäktige))(?![\w-])")
# "länsstyrelserna i Stockholms, Skåne och Norrbottens län", "landstingen i Blekinge, Dalarnas och Kalmar län":
# one body per county
COUNTY_LIST = re.compile(rf"(?<![\w-])(?P<plural>[Ll]änsstyrelserna|[Ll]andstingen) i (?P<list>{_series(_COUNTY)}) län\b")
# municipalities named in a row: "Norrtälje, Sigtuna och Upplands Väsby kommuner", "kommunerna Borås, Mark och Vårgårda"
_PLACE = r"[A-ZÅÄÖ][a-zåäö]+(?:[ -][A-ZÅÄÖ][a-zåäö]+)?"
MUNICIPALITY_LIST = re.compile(
    rf"(?<![\w-])(?:(?P<list>{_series(_PLACE + 's?')}) kommuner\b|[Kk]ommunerna (?P<list2>{_series(_PLACE)})\b)")
# courts: "Länsrätten i Gotlands län", "Förvaltningsrätten i Malmö", "Kammarrätten i Jönköping", "Solna tingsrätt"
COURT = _named(r"(?:Läns|Förvaltnings|Kammar)rätten i [A-ZÅÄÖ][a-zåäö]+(?:s? län)?|[A-ZÅÄÖ][a-zåäö]+ (?:tingsrätt|hovrätt)",
               _BEFORE_NAME, _AFTER_NAME)
# courts by their former names (Regeringsrätten until 2011, Migrationsöverdomstolen …), and several courts of one
# kind named at once: "Länsrätterna i Kronobergs län, Blekinge län och Kalmar län"
FORMER_COURT = _named(r"Regeringsrätten|Migrationsöverdomstolen|Miljööverdomstolen|Marknadsdomstolen|"
                      r"Försäkringsöverdomstolen|Bostadsdomstolen|Patentbesvärsrätten", _BEFORE_NAME, _AFTER_NAME)
_COUNTY_OF_COURT = r"[A-ZÅÄÖ][a-zåäö]+(?:s)? län"     # "Kronobergs län", "Blekinge län"
COURT_LIST = re.compile(rf"(?<![\w-])(?P<court>Läns|Förvaltnings|Kammar)rätterna i (?P<list>{_series(_COUNTY_OF_COURT)})")
# a municipality in capitals, as on a letterhead: "VILHELMINA KOMMUN", "SÖDERHAMNS KOMMUN"
MUNICIPALITY_CAPS = re.compile(r"(?<![\w-])(?P<name>(?P<place>[A-ZÅÄÖ]{3,}(?:[ -][A-ZÅÄÖ]{3,})?) (?:KOMMUN|STAD))(?![\w-])")
# committees of inquiry, commissions, delegations: "LSS-kommittén", "E-delegationen", "AI-kommissionen", "2023 års krigsmaterielutredning", "Kommittén för teknologisk innovation och etik",
# "Delegationen mot segregation"; and any name followed by a committee's designation "(S 2004:06)"
COMMITTEE = _named(
    r"(?!EU-)[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,6}-(?:kommittén|delegationen|utredningen|kommissionen)|(?!Europa)[A-ZÅÄÖ][a-zåäö]{3,}(?:utredningen|kommittén|beredningen"
    r"|kommissionen|delegationen)(?: (?:19|20)\d\d(?![\d/:-]| ?[-–] ?\d)(?= (?:har|lämnar|överlämnade|föreslår|redovisar|ska|skall)\b|[.,;]|$))?"   # "Domarutredningen 2024"
    # a committee named by an adjective of its field: "Jämställdhetspolitiska utredningen", "Parlamentariska kommittén"
    r"|(?<![\w-])[A-ZÅÄÖ][a-zåäö]{4,}(?:iska|ska|ella|ala) (?:utredningen|kommittén|beredningen|kommissionen|delegationen)(?![\w-])"
    # "Sannings- och försoningskommissionen för tornedalingar, kväner och lantalaiset": two stems and whom it is for
    rf"|[A-ZÅÄÖ][a-zåäö]{{3,}}- och [A-ZÅÄÖa-zåäö][\wåäö-]{{2,}}?(?:kommissionen|delegationen|kommittén|utredningen)"
    rf"(?: (?:för|mot) (?:{_NAME_WORD},? ){{0,4}}(?:och )?{_NAME_WORD})?"
    # "2023 års krigsmaterielutredning", "2020 års grundlagskommitté", "2023 års fri- och rättighetskommitté": a committee
    # named by the year it was set up
    r"|(?:19|20)\d\d års (?:[a-zåäö]{2,}- (?:och|eller) )?[a-zåäö-]{3,}(?:utredning|kommitté|kommission|delegation|beredning)(?:en)?"
    # "Delbetänkande av Utredningen om En stärkt tillsyn av tivolin och …": after "betänkande av", to the end of the sentence
    # "Slutbetänkande av Kommittén för Sveriges deltagande i världsutställningen Expo 2020 i Dubai", "Delbetänkande till
    # utredningen om finansiering, subvention och prissättning av läkemedel innehåller …"
    r"|(?:(?<=[Bb]etänkande av )|(?<=[Bb]etänkande till )|(?<=[Bb]etänkande från ))"
    r"(?:[Uu]tredningen|[Kk]ommittén|[Kk]ommissionen|[Dd]elegationen|[Bb]eredningen) (?:om|för|mot) [^.\n(]{3,200}?"
    # (not its short name, "(Dua)", nor its designation after a comma: "…, N 2021:01")
    r"(?=\.\s|\.?$|\.?\n| \(|, [A-ZÅÄÖ][a-zåäö]{0,3} ?\d{4}:\d{1,3}\b| (?:innehåller|har|lämnar|redovisar|presenterar|behandlar)\b)"
    rf"|(?:Kommittén|Kommissionen|Delegationen|Beredningen) (?:för|mot|om) (?:{_NAME_WORD},? ){{0,6}}(?!(?:och|eller)\b){_NAME_WORD}"
    # "Utredningen cirkulär ekonomi har överlämnat sitt betänkande", "Utredningen Vårdens ägarformer ger i detta betänkande",
    # "Utredningen Ordning och reda på hyresbostadsmarknaden har haft i uppdrag att …", "Utredningen för översyn av … överlämnade"
    r"|(?<![\w-])Utredningen (?!nu\b|därför\b|sedan\b|dock\b)(?:om |" + _NOT_NAME_WORD + r")"
    r"(?:(?:[a-zåäö]{1,3}\.(?:[a-zåäö]{1,3}\.)+|[\wåäö-]+(?::s)?) ){0,12}?[\wåäö-]+"      # ("s.k.", "EU:s", not a full stop)
    r"(?= (?:har (?:i dag |nu )?överlämnat|överlämnade|ger i detta|redovisar i detta|lämnar i detta|har haft i uppdrag|"
    r"har som (?:övergripande )?uppdrag)\b)"
    # a long name is safe where the committee's designation follows: "Utredningen om ett förstärkt samhällsskydd och en
    # minskad risk för återfall i brott (Ju 2022:10)"
    r"|Utredningen om (?!(?:detta|det|den|dessa|de)\b)(?:[\wåäö-]+(?::s)?,? ){8,15}?[\wåäö-]+(?= \([A-ZÅÄÖ][a-zåäö]{0,3} ?\d{4}:\d{1,3}\))"
    # "Utredningen om vinst i skolan föreslår …": the name runs to the verb or the punctuation
    r"|Utredningen om (?!(?:detta|det|den|dessa|de)\b)(?:[\wåäö-]+(?::s)?,? ){0,8}?[\wåäö-]+"     # ("… till EU:s förordning om …")
    r"(?= (?:har|hade|ska|skulle|föreslår|lämnar|lämnade|överlämnade|konstaterar|bedömer|anser|tillsattes|redovisar|"
    r"är|var|ser över|utreder|analyserar|kartlägger)\b|\s*(?:[.,(;]|:(?![a-zåäö]))|\s*$)",
    _BEFORE_NAME, _AFTER_NAME)
# a committee by its designation, "(Ju 2022:10)"; not a report's number ("(SOU 2009:11)", "(Ds 2017:66)", the
# Riksrevisionen's "(RiR 2019:22)", the ESV's) nor a court's case ("(NJA 2019:22)")
DESIGNATED = re.compile(r"(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [\wåäöÅÄÖ-]+){0,10}?) "
                        r"\((?!(?:SOU|Ds|DS|SFS|Dir|Prop|Skr|Bet|Rskr|RiR|ESV|NJA|RÅ|HFD|AD)\b)(?:[A-ZÅÄÖ][A-Za-zåäö]{0,3}) ?\d{4}:\d{2,3}\)")
# the committee a supplementary directive's title is addressed to, named in full to the end of the line or its
# designation: "Tilläggsdirektiv till utredningen om genomförande av EU:s direktiv om offentlig upphandling …",
# "Tilläggsdirektiv till Arbetsskadeutredningen"; its proper name where the generic word stands before one
# ("utredningen Ingripande mot satellitsändningar med hänsyn till Sveriges säkerhet (Ku 2022:02)" is "Ingripande mot …",
# not "Sveriges säkerhet")
_COMMITTEE_WORD = r"(?:[Uu]tredningen|[Kk]ommittén|[Dd]elegationen|[Kk]ommissionen|[Bb]eredningen)"
SUPPLEMENTED = re.compile(rf"^[#\s]*Tilläggsdirektiv till (?P<generic>{_COMMITTEE_WORD} (?=[A-ZÅÄÖ]))?"
                          rf"(?P<name>(?(generic)|{_COMMITTEE_WORD} )[^\n(]{{3,240}}?|[A-ZÅÄÖ][^\n(]{{2,80}}?(?:utredningen|kommittén"
                          r"|delegationen|kommissionen|beredningen))[ \t]*(?:\(|$)", re.M)
# a municipality's administration named by its area after "sektor": "sektor utbildning", "Sektor vård och omsorg" (not
# "offentlig sektor", "samma sektor", whose word before it says which sector of society)
SECTOR = re.compile(r"(?<![\w-])(?P<name>[Ss]ektor (?!(?:utgör|planerar|sker|bygger|samverka|delta|utan|samt|till|inom|eller"
                    r"|som|har|kan|ska|skall|och|med|för|där|också|även|vilket|kommer)\b|[a-zåäö]+(?:ar|er|ör)\b)"
                    r"[A-ZÅÄÖa-zåäö][a-zåäö]{3,}"
                    r"(?: (?:och|&) (?!sektor\b)[a-zåäö]{4,})?)(?![\w-])")
SECTOR_CONTEXT = re.compile(r"\b(?:[Kk]ommunstyrelsen|[Kk]ommunfullmäktige|[Kk]ommunen|[A-ZÅÄÖ][a-zåäö]+ kommun)\b")
NOT_SECTOR_BEFORE = re.compile(r"\b(?:[a-zåäö]+(?:ig|ell|isk|iv)(?:a|t)?|privata?|samma|hela|varje|egen|egna|annan|andra|denna"
                               r"|den|en|vilken|idéburen|idéburna|frivilliga?)\s+$", re.I)
# "Sveriges ständiga representation vid Europeiska unionen": a unit of the Government Offices abroad
REPRESENTATION = re.compile(r"\b(?P<name>Sveriges\s+(?:ständiga\s+)?representation\s+(?:vid|i)\s+"
                            r"(?:Europeiska\s+unionen|EU|FN|Förenta\s+nationerna|OECD|Europarådet|Nato)|"
                            r"Sveriges\s+ambassad\s+i\s+[A-ZÅÄÖ][a-zåäö]+)\b")
# "Rådet för kommunal redovisning"; a research council by its field, also a former one ("Forskningsrådet för arbetsliv
# och socialvetenskap", "Forskningsrådet för miljö, areella näringar och samhällsbyggande")
COUNCIL_FOR = re.compile(rf"\b(?P<name>[Rr]ådet för (?:{_NAME_WORD} ){{0,2}}{_NAME_WORD}"
                         rf"|Forskningsrådet för (?:(?!och\b){_FIELD_WORD},? ){{0,3}}och {_FIELD_WORD})\b")
# an ombudsman named by what it works against: "Ombudsmannen mot etnisk diskriminering", "Ombudsmannen mot diskriminering
# på grund av sexuell läggning" (a noun of a wrong, what it is on grounds of; no verb after it)
OMBUDSMAN = _named(r"Ombudsmannen (?:mot|för) (?:[a-zåäö]+ )?[a-zåäö]+(?:ing|het|ism|else)(?: på grund av (?:[a-zåäö]+ )?[a-zåäö]{3,})?")
# the government's national coordinator, an inquiry of one: "den nationella samordnaren för Agenda 2030"
_COORD_WORD = rf"(?:[A-ZÅÄÖ][\wåäö:-]*|\d{{4}}|{_NAME_WORD})"
COORDINATOR = _named(rf"[Nn]ationella samordnaren (?:för|mot) (?:att )?{_COORD_WORD}"
                     rf"(?: (?:och |i |av |mot |för )?(?!och\b|i\b){_COORD_WORD}){{0,4}}", _BEFORE_NAME + "(?:[Dd]en )?")
SPLIT_NAME = re.compile(r"(?<![\w-])(?P<a>[A-ZÅÄÖ][a-zåäö]{2,})-(?P<b>[a-zåäö]{3,})(?![\w-])")
# a national group of bodies set up for a field: "nationellt forum för sprängämnessäkerhet", "den nationella
# ledningsgruppen för IT i vård och omsorg"
NATIONAL_GROUP = _named(
    r"[Nn]ationell(?:a|t)? (?P<noun>forum(?:et)?|nätverk(?:et)?|ledningsgrupp(?:en)?|styrgrupp(?:en)?|samordningsgrupp(?:en)?) "
    rf"(?:för|mot) (?:IT|{_NAME_WORD})(?: (?:i|och) (?!uppdrag\b|nationell){_NAME_WORD}){{0,3}}", _BEFORE_NAME)
STAFF_FOR = re.compile(r"\b(?P<name>[Ss]taben för [a-zåäö]+(?: och [a-zåäö]+)?)\b")
# a municipal office named by what it serves, the field capitalised as a name: "Förvaltningen för Service", "förvaltningen
# för Individ och familjeomsorg"
OFFICE_FOR = re.compile(r"\b(?P<name>[Ff]örvaltningen för [A-ZÅÄÖ][a-zåäö]+(?: och [a-zåäö]+)?)\b")
# "Samordningsförbundet Stockholms stad", "Sveriges Kommuner och Regioner", "Riksförbundet Hem och Skola"
# ("Riksförbundet" or "Riksföreningen" alone is a kind, not a name: "Riksförbundet för sexuell upplysning" is read whole
# where it is listed, not cut to its first word)
ASSOCIATION = _named(
    r"(?!Riks(?:förbundet|föreningen)(?! [A-ZÅÄÖ]| för (?:[a-zåäö]+-? (?:och |samt )?){0,4}[a-zåäö]+ \([A-ZÅÄÖ]))"
    r"(?:(?:Svenska|Sveriges|Riksförbundet) )?[A-ZÅÄÖ][a-zåäö]+(?:förbundet|föreningen|stiftelsen)"
    r"(?: (?:[A-ZÅÄÖ][a-zåäö]+s? ?)+(?:och [A-ZÅÄÖ](?![a-zåäö]*(?:en|et|na|er|rna)\b)[a-zåäö]{1,7}\b)?(?:stad|kommun|län)?"
    r"| [A-ZÅÄÖ]{2,6}(?![\w-])| i Sverige(?![\w-])"          # "Internetstiftelsen i Sverige"
    # whom it is for, where the text gives its abbreviation: "Centralförbundet för alkohol- och narkotikaupplysning (CAN)"
    r"| för (?:[a-zåäö]+-? (?:och |samt )?){0,4}[a-zåäö]+(?= \([A-ZÅÄÖ][A-Za-zÅÄÖ]{1,6}\)))?"
    r"|Sveriges [A-ZÅÄÖ][a-zåäö]+ och [A-ZÅÄÖ][a-zåäö]+")
# an organisation named by who it is for and its kind of union: "Friskolornas riksförbund", "Lantbrukarnas Riksförbund",
# "Idéburna skolors riksförbund", "Sveriges Stadsarkitektförening", "Internationella Kvinnoförbundet för Fred och Frihet"
MEMBERS_UNION = _named(
    # (a national minority's association: "Sverigefinska riksförbundet", "Romska föreningen")
    r"[A-ZÅÄÖ][a-zåäö]{2,}ska\s+(?:[a-zåäö]*(?:förbundet|föreningen|samfundet))(?![\w-])|"
    r"(?:(?:Sveriges|Svenska|Svenskt|Internationella|Nordiska|Europeiska)\s+"
    r"(?:[A-ZÅÄÖ][a-zåäöé]+(?:nas|s)\s+)?|[A-ZÅÄÖ][a-zåäöé]+(?:nas|s)\s+|[A-ZÅÄÖ][a-zåäöé]+a\s+[a-zåäö]+s\s+)"
    r"[A-ZÅÄÖa-zåäö]?[a-zåäö]*(?:[Rr]iksförbund|[Ff]örbund|[Ff]örening|[Ss]amfund)(?:et|en)?"
    r"(?:\s+för\s+[A-ZÅÄÖ][a-zåäö]+(?:\s+och\s+[A-ZÅÄÖ][a-zåäö]+)?)?", _BEFORE_NAME, _AFTER_NAME + r"(?!\s+[–—]\s)")
# a group the text itself sets up: "inrätta en rådgivande expertgrupp", "tillsätta en referensgrupp";
# later "Expertgruppen ska …" and "den rådgivande expertgruppen" are that group
CREATED_GROUP = re.compile(
    r"\b(?:inrätta[rst]?|inrättade|tillsätt(?:a|er|s)|tillsatte|bilda[rs]?|bildade|etablera[rs]?)\s+(?:en|ett)\s+"
    r"(?P<adj>(?:[a-zåäö]+(?:a|e)\s+){0,2})(?P<noun>[a-zåäö]{2,}(?:grupp|gruppen|nätverk|forum|råd))\b")
# "Kunskapsskolan i Sverige AB", "Internationella Engelska skolan i Sverige AB" (a common noun inside the name)
# ("Falu Energi & Vatten AB": words joined by "&")
COMPANY = re.compile(r"\b(?P<name>(?:(?!AB\b|Aktiebolag\b)[A-ZÅÄÖ][\w&-]+ (?:(?:skolan|gruppen|bolaget|huset) )?(?:i |och |för |& )?){1,4}"
                     r"(?:AB|Aktiebolag)"          # (also spelled out: "Samhall Aktiebolag")
                     # (its form written first: "AB Skövdebostäder", "AB Lidköpings Kommunfastigheter")
                     # (not "AB Sverige", the country as a company, nor a name that goes on in lower case: "AB Svensk
                     # exportkredit", which the register knows)
                     r"|(?<![\w\"”-])(?<![\"”] )AB (?!Sverige\b)(?:[A-ZÅÄÖ][\wåäö&-]+)(?: [A-ZÅÄÖ][\wåäö&-]+){0,2}"
                     r"(?! (?!(?:och|samt|ska|skall|har|är|i|med|för|som|kan|får|bör|till|på|av)\b)[a-zåäö]))\b")
# a foundation or an association the text names with its lower-case kind word first: "stiftelsen Industrifonden" is
# Industrifonden, "den ideella föreningen Svenskt Friluftsliv" is Svenskt Friluftsliv
FOUNDATION = _named(r"[A-ZÅÄÖ][\wåäö-]{2,}(?: [A-ZÅÄÖ][\wåäö-]+){0,3}",
                    r"(?:(?<=\bstiftelsen )|(?<=\bideella föreningen )|(?<=\bekonomiska föreningen ))")
# "arbetsmarknads-, kultur-, social- och utbildningsförvaltningen": one body per stem
COORDINATED = re.compile(
    r"\b(?P<stems>(?:[A-ZÅÄÖa-zåäö][a-zåäö]+-,\s+)+[a-zåäö]+-\s+(?:och|samt)\s+)(?P<last>[a-zåäö]+)"
    r"(?P<suffix>förvaltningen|nämnden|förvaltningarna|nämnderna)\b")
COMPOUND = re.compile(
    r"\b(?P<stem>(?:[A-ZÅÄÖ][a-zåäö]+(?<!en)(?<!et) och [a-zåäö]+|[A-ZÅÄÖa-zåäö][a-zåäö]+(?:- och [a-zåäö]+)?))"
    r"(?P<suffix>nämnden|nämnd|förvaltningen|förvaltning|kontoret|revisionen|fullmäktige|styrelsen|rådet|staben)"
    r"(?P<gen>s)?\b")
# agencies the reference list lacks (new or renamed): "Myndigheten för X", "Statens X" (and of the defence: "Totalförsvarets
# pliktverk"),
# "Institutet för X", "Centrum för X", and names ending in -verket, -myndigheten, -inspektionen, -ombudsmannen (of a
# stem of four letters or more, and the former "Vägverket" and "Banverket": not "Nätverket")
AGENCY = _named(
    rf"(?:Myndigheten|Institutet|Centrum|Centret|Nämnden) för (?:{_NAME_WORD}(?:,? (?:och )?)?){{0,4}}{_NAME_WORD}"
    r"(?: i Sverige)?"
    r"|(?:Statens|Totalförsvarets|Försvarets) (?:[a-zåäö]+ )?[a-zåäö]*(?:verk|institut|myndighet|nämnd|råd|museer|museum|anstalt|inspektion|"
    r"styrelse|beredning|servicecenter|centrum|laboratorium|haverikommission)"
    rf"(?: för {_NAME_WORD}(?:,? (?:och )?{_NAME_WORD}){{0,3}})?"
    r"|(?P<stem>[A-ZÅÄÖ][a-zåäö]{3,}|Väg|Ban)(?:verket|myndigheten|inspektionen|ombudsmannen)")
# a national centre: "Nationellt kompetenscentrum anhöriga (Nka)", "Nationellt centrum för kvinnofrid", "Svenskt
# kunskapscentrum för …" (by a bare field only where the text gives its abbreviation)
NATIONAL_CENTRE = _named(
    r"(?:Nationellt|Nationella|Svenskt) [A-ZÅÄÖ][a-zåäö]+(?:centrum|center)"            # (a name of its own: "Svenskt Demenscentrum")
    r"|(?:Nationellt|Nationella|Svenskt) [a-zåäö]*(?:centrum|center)"
    rf"(?: för (?:{_NAME_WORD}(?:,? (?:och )?)?){{0,4}}{_NAME_WORD}| [a-zåäö]{{3,}}(?= \([A-ZÅÄÖ][A-Za-zåäö]{{1,6}}\)))", _BEFORE_NAME)
# first words that make "… förbund" no name: "Kommunens förbund", "Dessa förbund"
NOT_UNION_WORDS = {"Kommunens", "Regionens", "Stadens", "Dessa", "Andra", "Alla", "Flera", "Olika", "Sådana", "Våra",
                   "Deras", "Dess", "Hans", "Hennes", "Detta", "Denna", "Varje", "Samtliga", "Berörda", "Nämndens"}
GENERIC_AGENCY_STEMS = {"Tillsyns", "Ansvarig", "Ansvariga", "Berörd", "Beslutande", "Behörig", "Granskande",
                        "Kontroll", "Registrerings", "Tillstånds", "Huvud", "Förvaltnings", "Expert", "Sektors", "Regel"}
# the Council of the EU by the acts it adopts: "rådets direktiv (EU) 2022/2523", "Europaparlamentets och rådets förordning"
EU_COUNCIL_LABEL = "Europeiska unionens råd"
EU_COUNCIL = re.compile(r"(?<![\w-])(?P<name>[Rr]ådet)s(?= (?:direktiv|förordning|förordningar|beslut|rekommendation|rambeslut|"
                        r"genomförandeförordning|genomförandebeslut|slutsatser|gemensamma ståndpunkt|resolution)\b)")
# the European Commission by its short name, where the text is about the EU: "kommissionens genomförandeförordning (EU)
# 2021/392", "förutsätts att kommissionen antar rättsakter" (not where the text names a commission of its own)
EU_COMMISSION_LABEL = "Europeiska kommissionen"
EU_COMMISSION = _named(r"[Kk]ommissionen", _BEFORE_NAME, _AFTER_NAME)
EU_CONTEXT = re.compile(r"\bEU\b|\bEU:s\b|Europeiska unionen|\((?:EU|EG)\)|\bunionsrätt|\bmedlemsstaterna\b"
                        r"|\bC\((?:19|20)\d\d\)\s?\d+")    # (a Commission document by its number: "C(2022) 1890")
# the Riksdag's committees: "riksdagens utrikesutskott", "konstitutionsutskottets granskning"
RIKSDAG_COMMITTEE = _named(
    r"(?:[Rr]iksdagens\s+)?(?:[Kk]onstitutions|[Ff]inans|[Ss]katte|[Jj]ustitie|[Cc]ivil|[Uu]trikes|[Ff]örsvars|"
    r"[Ss]ocialförsäkrings|[Ss]ocial|[Kk]ultur|[Uu]tbildnings|[Tt]rafik|[Mm]iljö- och jordbruks|[Nn]ärings|[Aa]rbetsmarknads)"
    r"utskott(?:et)?", _BEFORE_NAME, _AFTER_NAME)
# a municipality's or region's own committee by its name: "Kommunledningsutskottet", "Allmänna utskottet",
# "Individ- och familjeutskottet" (a board's "arbetsutskott" is read with its board; the Riksdag's are above)
MUNICIPAL_COMMITTEE = _named(r"[A-ZÅÄÖ][a-zåäö]{3,}a utskottet|(?!Arbetsutskott)[A-ZÅÄÖ][a-zåäö]{3,}(?:- och [a-zåäö]{3,})?utskottet",
                             _BEFORE_NAME, _AFTER_NAME)
# a short name the text goes on to use, in brackets after the full one: "(Finsam)", "(Business Sweden)", "(Svenska kraftnät)"
ALIAS = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö0-9&-]{1,15}|[A-ZÅÄÖ][A-Za-zÅÄÖåäö-]{1,20}(?: [A-Za-zÅÄÖåäö-]{2,20}){1,2}")
UNIT_WORD = re.compile(r"(?:sektion|fakultet|institution|avdelning|enhet|depart[a-zåäö]*|kansli|sekretariat|kontor|förvaltning)(?:en|et)?$")
PAREN_ALIAS = re.compile(rf"\s*\((?P<alias>{ALIAS.pattern})\)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str


@lru_cache(maxsize=1)
def municipality_places() -> set[str]:
    """'Stockholm', 'Upplands Väsby', … from '<place>(s) kommun'."""
    return set(register.municipality_codes())


def _name_pattern(n: str) -> str:
    """A register name as a pattern: a one-word definite name ("Arbetsförmedlingen") also in lower case,
    other one-word names only as written; a name of several words in any case after its first letter
    ("Sveriges kommuner och Landsting")."""
    first, rest = n[0], re.escape(n[1:]).replace(r"\ ", r"\s+")
    if register.one_word(n):
        first = f"[{first}{first.lower()}]" if n[-2:] in ("en", "et", "na") and n[1:].islower() else re.escape(first)
        return first + rest
    return re.escape(first) + f"(?i:{rest})"


@lru_cache(maxsize=1)
def _register_index() -> dict[str, re.Pattern]:
    """First word of a register name, lower case -> one pattern for every name beginning with it,
    longest first. Looking up each word of a text in this index is far faster than one alternation
    of every name over the whole text."""
    groups: dict[str, list[str]] = {}
    for n in register.searchable_names():
        groups.setdefault(re.split(r"[\s]", n, 1)[0].lower().rstrip("."), []).append(n)   # "Kungl. biblioteket"
    return {k: _named("|".join(_name_pattern(n) for n in sorted(v, key=len, reverse=True)), "", _AFTER_NAME)
            for k, v in groups.items()}


WORD_START = re.compile(r"(?<![\w-])[A-Za-zÅÄÖåäöÉé][\wåäöÅÄÖé-]*")


def registered_mentions(text: str):
    """The register's names in text, in order, never overlapping: match objects with groups
    "name" and "gen" (a genitive -s)."""
    index = _register_index()
    pos = 0
    for w in WORD_START.finditer(text):
        if w.start() < pos:
            continue
        if text[w.start() - 1:w.start()] == "/" and text[w.start() - 2:w.start() - 1].isdigit():
            continue                   # "direktiv 2014/50/EU": the series of an act's number, no body
        word = w.group().lower()
        m = None
        if text.startswith(":s ", w.end()):      # "FN:s säkerhetsråd", "EU:s ministerråd": a name that begins with an owner
            rx = index.get(word + ":s")
            m = rx.match(text, w.start()) if rx else None
        if m is None:
            rx = index.get(word) or (index.get(word[:-1]) if word.endswith("s") else None)
            m = rx.match(text, w.start()) if rx else None
        if m:
            pos = m.end()
            yield m


def capitalise(name: str) -> str:
    return name[:1].upper() + name[1:]


class BodyIndex:
    """The bodies of one document: canonical labels, mentions, and how to resolve a name."""

    def __init__(self, text: str):
        self.text = text
        self.bodies: dict[str, Body] = {}
        self.mentions: list[Mention] = []
        self._covered = bytearray(len(text))           # 1 where a mention is: `taken` in constant time
        self._by_start: list[Mention] | None = None    # mentions sorted by start, rebuilt after a change
        self.aliases: dict[str, str] = {}          # lower-case surface -> label
        self.municipality: str | None = None
        self.own: dict[str, str] = {}              # "nämnden" -> the document's own nämnd, …
        self.subunits: dict[str, str] = {}         # utskott -> the board it belongs to

    # ------------------------------------------------------------ building
    def add(self, label: str, kind: str, start: int, end: int, surface: str | None = None) -> str:
        label = capitalise(label.strip())
        key = self.aliases.get(label.lower(), label)
        body = self.bodies.get(key)
        if body is None:
            body = self.bodies[key] = Body(label=key, kind=kind)
        if surface and surface != key:
            body.alt_labels.add(surface)
        body.evidence.append(Span(start, end))
        self.aliases[key.lower()] = key
        self.mentions.append(Mention(start, end, key))
        self._covered[start:end] = b"\x01" * (end - start)
        self._by_start = None
        return key

    def add_alias(self, alias: str, label: str) -> None:
        self.aliases[alias.lower()] = label
        self.bodies[label].alt_labels.add(alias)

    def remove(self, label: str) -> None:
        """Forget a body and its mentions (a collective the text turns out to name one by one)."""
        self.bodies.pop(label, None)
        self.mentions = [m for m in self.mentions if m.label != label]
        self._covered = bytearray(len(self.text))
        for m in self.mentions:
            self._covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        self._by_start = None
        self.aliases = {k: v for k, v in self.aliases.items() if v != label}

    def taken(self, start: int, end: int) -> bool:
        return b"\x01" in self._covered[start:end]

    def only_inside(self, start: int, end: int) -> bool:
        """Every mention that overlaps start..end lies within it."""
        return all(start <= m.start and m.end <= end for m in self.mentions if m.start < end and m.end > start)

    def drop_mentions_inside(self, start: int, end: int) -> None:
        """Forget the mentions within start..end (their bodies stay, with the evidence they have)."""
        kept = [m for m in self.mentions if not (start <= m.start and m.end <= end)]
        if len(kept) != len(self.mentions):
            self.mentions = kept
            self._covered[start:end] = bytes(end - start)
            self._by_start = None

    # ------------------------------------------------------------ reading
    def resolve(self, surface: str | None) -> str | None:
        """Canonical label for a name as written ("arbetsmarknadsnämndens", "nämnden", "Finsam")."""
        if not surface:
            return None
        s = re.sub(r"\s+", " ", surface.strip(" .,:;()")).lower()
        for cand in (s, s[:-1] if s.endswith("s") else None, s + "en", s + "n"):
            if cand and cand in self.aliases:
                return self.aliases[cand]
        for word, label in self.own.items():
            if s in (word, word + "s"):
                return label
        return None

    def get(self, label: str | None) -> Body | None:
        return self.bodies.get(label) if label else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        if self._by_start is None:
            self._by_start = sorted(self.mentions, key=lambda m: (m.start, m.end))
            self._starts = [m.start for m in self._by_start]
        out = []
        for i in range(bisect_left(self._starts, start), len(self._by_start)):
            m = self._by_start[i]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def first_of_kind(self, kind: str) -> str | None:
        for m in sorted(self.mentions, key=lambda m: m.start):
            if self.bodies[m.label].kind == kind:
                return m.label
        return None

    def all(self) -> list[Body]:
        return list(self.bodies.values())


def _place(caps: str) -> str:
    """'SÖDERHAMNS' -> 'Söderhamns', 'UPPLANDS-BRO' -> 'Upplands-Bro'."""
    return "-".join(w.capitalize() for w in caps.split("-")).replace(" ", " ")


def _landsting_label(m: re.Match) -> str:
    if m["c3"]:
        return f"Landstinget {m['c3'].capitalize() if m['c3'].isupper() else m['c3']}"
    return m["name"]


def _municipality_entry(place: str) -> register.Entry | None:
    """The register's municipality of a place, with or without its genitive: "Mark" is "Marks kommun", "Borås" "Borås kommun"."""
    return next((e for e in (register.lookup(f"{place} kommun"), register.lookup(f"{place}s kommun"))
                 if e is not None and e.kind == "kommun"), None)


def _municipality_label(m: re.Match) -> str:
    """A municipality as written, but by the register's name where the text drops its genitive ("Östersund kommun")."""
    if not m["name"].endswith(" kommun") or register.lookup(m["name"]) is not None:
        return m["name"]
    entry = _municipality_entry(m["place"])
    return entry.name if entry is not None else m["name"]


def _designated_start(text: str, m: re.Match) -> int | None:
    """Where the name before a committee designation begins: a committee's own words ("utredningen om
    befattningsstruktur vid universitet och högskolor (U 2006:08)"), else the last capitalised word of
    its clause ("kommittén Accelerationskontor för att underlätta … (KN 2024:05)" -> "Accelerationskontor …")."""
    seg = m["name"]
    own = list(re.finditer(r"(?<![\w-])(?:[Uu]tredningen|[Kk]ommittén|[Dd]elegationen|[Kk]ommissionen|[Bb]eredningen)"
                           r" (?:om|för|mot|av) ", seg))
    if own:
        return m.start("name") + own[-1].start()
    caps = [w for w in re.finditer(r"(?<![\w-])[A-ZÅÄÖ][\wåäöÅÄÖ-]*", seg)]
    if not caps or caps[-1].group() in ("Tilläggsdirektiv", "Direktiv", "Kommittédirektiv"):
        return None
    start = m.start("name") + caps[-1].start()
    return start if len(text[start:m.end("name")].split()) <= 10 else None


def _registered(surface: str) -> str:
    """The register's spelling of a name found by `registered_mentions` (case and spacing as written)."""
    s = re.sub(r"\s+", " ", surface)
    entry = register.lookup(s)
    return next(n for n in (entry.name,) + entry.aliases if n in register.searchable_names()) if entry else capitalise(s)


LIST_MARK = re.compile(r"\s*(?:[-*•–]|\d{1,3}[.)]?)?\s*")   # what opens a line of a list: "• ", "76. ", "89 "


def _part_of_listed_name(text: str, m: re.Match) -> bool:
    """A name inside a longer one on a line of its own, as a list of respondents has them ("Sweboat – Båtbranschens
    riksförbund", "Lärarnas Riksförbund Student"): the line is the name, not this part of it."""
    a, b = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    line = text[a:len(text) if b < 0 else b]
    item = re.sub(r"[\s,;]+$", "", line[LIST_MARK.match(line).end():])
    return len(item) < 100 and not re.search(r"[.!?](?:\s|$)", item) and item != m["name"] + (m["gen"] or "")


def _riksdag_committee_label(name: str) -> str:
    """"riksdagens utrikesutskott" -> "Utrikesutskottet" (the name the Riksdag uses)."""
    stem = re.sub(r"^[Rr]iksdagens\s+", "", name)
    stem = stem if stem.endswith("et") else stem + "et"
    return stem[0].upper() + stem[1:]


def _national_group_label(m: re.Match) -> str:
    """One name for "nationella forumet för …" and "nationellt forum för …": the indefinite form."""
    noun = re.sub(r"(?<=forum|tverk)et$|(?<=grupp)en$", "", m["noun"])
    adjective = "Nationellt" if noun in ("forum", "nätverk") else "Nationell"
    return f"{adjective} {noun}{m['name'][m.end('noun') - m.start('name'):]}"


def find_bodies(text: str) -> BodyIndex:
    idx = BodyIndex(text)

    def take(rx: re.Pattern, kind_of, label_of=None, group: str = "name") -> None:
        for m in rx.finditer(text):
            s, e = m.start(group), m.end(group)
            if idx.taken(s, e):
                continue
            kind = kind_of(m) if callable(kind_of) else kind_of
            if kind is None:
                continue
            label = label_of(m) if label_of else m[group]
            idx.add(label, kind, s, e, surface=m[group])

    take(REPRESENTATION, "myndighet", lambda m: re.sub(r"\s+", " ", m["name"]))   # before the EU it names
    for m in registered_mentions(text):
        mark = LIST_MARK.fullmatch(text[text.rfind("\n", 0, m.start()) + 1:m.start()])
        if mark and mark.group().strip() and re.match(r" [A-ZÅÄÖ][a-zåäö]", text[m.end():m.end() + 3]) and \
                _part_of_listed_name(text, m):
            continue                   # "89 Röda Korsets Högskola", "76. Saco Studentråd" in a numbered list: another body
        if not idx.taken(m.start("name"), m.end("name")):
            entry = register.searchable_names()[_registered(m["name"])]
            # its company form written out after it is part of the name: "Samhall Aktiebolag"
            form = re.match(r" (?:AB|Aktiebolag)\b", text[m.end("name"):m.end("name") + 11]) if entry.kind == "bolag" else None
            end = m.end("name") + (form.end() if form else 0)
            idx.add(entry.name, entry.kind, m.start("name"), end, surface=text[m.start("name"):end])
    # a name a line break once split: "Social-styrelsen", "Arbets-förmedlingen"
    for m in SPLIT_NAME.finditer(text):
        entry = register.lookup(m["a"] + m["b"])
        if entry is not None and not idx.taken(m.start(), m.end()):
            idx.add(entry.name, entry.kind, m.start(), m.end(), surface=m.group())
    take(OMBUDSMAN, "myndighet")
    take(GOVERNMENT, "regering", lambda m: "Regeringen")
    take(MINISTRY, "departement", lambda m: capitalise(m["name"].replace("-och ", "- och ")))
    take(REGION, "region")
    take(COUNTY_COUNCIL_ORGAN, lambda m: "styrelse" if m["organ"].endswith("styrelse") else "fullmäktige")
    take(LANDSTING, "region", lambda m: _landsting_label(m))
    for m in COUNTY_LIST.finditer(text):
        singular = "Länsstyrelsen" if m["plural"].lower().startswith("läns") else "Landstinget"
        if singular == "Länsstyrelsen":
            idx.remove("Länsstyrelserna")       # "länsstyrelserna" here are the ones the list names
        kind = "myndighet" if singular == "Länsstyrelsen" else "region"
        for cm in re.finditer(_COUNTY, m["list"]):
            s0, e0 = m.start("list") + cm.start(), m.start("list") + cm.end()
            if not idx.taken(s0, e0):
                idx.add(f"{singular} i {cm.group()} län", kind, s0, e0)
    # a bare "Länsstyrelsen": the county board the text names, else the county's board as a body of its own
    # ("Länsstyrelsen Blekinge", as the boards call themselves now, the register knows as the board of Blekinge län;
    # another name so written is a name of its own)
    take(_named(rf"Länsstyrelsen (?!i\b){_COUNTY}", _BEFORE_NAME, _AFTER_NAME),
         "myndighet")
    for m in re.finditer(r"(?<![\w-])(?P<name>[Ll]änsstyrelsen)(?P<gen>s)?(?![\w-])(?!\s+i\s)", text):
        if idx.taken(m.start(), m.end("name")):
            continue
        named = [b.label for b in idx.all() if b.label.startswith("Länsstyrelsen i ")]
        idx.add(named[0] if len(named) == 1 else "Länsstyrelsen", "myndighet", m.start(), m.end("name"),
                surface=m["name"])
    take(MUNICIPALITY_CAPS, lambda m: "kommun" if _place(m["place"]) in municipality_places() else None,
         lambda m: _place(m["place"]) + m["name"][len(m["place"]):].lower())
    for m in DESIGNATED.finditer(text):
        start = _designated_start(text, m)
        if start is not None and not idx.taken(start, m.end("name")):
            idx.add(capitalise(text[start:m.end("name")]), "myndighet", start, m.end("name"))
    committees = [*SUPPLEMENTED.finditer(text), *COMMITTEE.finditer(text)]
    names = {m["name"] for m in committees}
    for m in committees:
        s0, e0 = m.start("name"), m.end("name")
        # the whole name a cover gives ("Betänkande av Kommittén om beredskap enligt regeringsformen.") where the running
        # text writes it again, past the word the name's pattern stops at ("enligt", "inom")
        longer = [n for n in names if n.startswith(m["name"] + " ") and text.startswith(n, s0)]
        if longer:
            e0 = s0 + len(max(longer, key=len))
        # a committee whose long name holds an agency's ("… översyn av vissa uppgifter som utförs av Polismyndigheten"):
        # the whole name is the mention, the agency stays a body of the text
        if idx.taken(s0, e0) and not (len(m["name"].split()) >= 4 and idx.only_inside(s0, e0)):
            continue
        idx.drop_mentions_inside(s0, e0)
        idx.add(capitalise(text[s0:e0]), "myndighet", s0, e0, surface=text[s0:e0])
    for m in DISTRICT.finditer(text):
        g = "name" if m["name"] else "name2"
        if not idx.taken(m.start(g), m.end(g)):
            kind = "nämnd" if "nämnd" in (m["suffix"] or m["suffix2"]) else "förvaltning"
            idx.add(m[g], kind, m.start(g), m.end(g))
    for m in SUBCOMMITTEE.finditer(text):
        if not idx.taken(m.start(), m.end()):
            parent = capitalise(m["parent"])
            label = idx.add(f"{parent}s {m['name']}", "nämnd", m.start(), m.end(), surface=m[0])
            idx.subunits[label] = parent
    take(MUNICIPALITY, lambda m: "kommun" if m["place"] in municipality_places() else None, _municipality_label)
    for m in MUNICIPALITY_LIST.finditer(text):
        g = "list" if m["list"] else "list2"
        for pm in re.finditer(_PLACE, m[g]):
            entry = _municipality_entry(pm.group())
            s0, e0 = m.start(g) + pm.start(), m.start(g) + pm.end()
            if entry is not None and not idx.taken(s0, e0):
                idx.add(entry.name, "kommun", s0, e0, surface=pm.group())
    take(COURT, "myndighet")
    take(FORMER_COURT, "myndighet")
    for m in COURT_LIST.finditer(text):
        for pm in re.finditer(_COUNTY_OF_COURT, m["list"]):
            s0, e0 = m.start("list") + pm.start(), m.start("list") + pm.end()
            if not idx.taken(s0, e0):
                idx.add(f"{m['court']}rätten i {pm.group()}", "myndighet", s0, e0, surface=pm.group())
    # (lower case only a board: "den tekniska förvaltningen av registret" is how it is run)
    # (nor, indefinite, what is done: "Teknisk förvaltning av systemet sker …")
    take(ADJECTIVE_BODY, lambda m: None if m["adj"] in NOT_ADJECTIVES or not m["stem"] and m["suffix"] in ADJECTIVE_SUFFIX_KIND
         or m["adj"].islower() and not m["suffix"].startswith("nämnd")
         or m["adj"].endswith("isk") and re.match(r"\s+(?:av|för|inom|över)\b", text[m.end():m.end() + 8])
         else ADJECTIVE_SUFFIX_KIND.get(m["suffix"]) or MUNICIPAL_SUFFIX_KIND[m["suffix"]],
         lambda m: m["name"][0].upper() + m["name"][1:].rstrip())
    # (a "-regelverket" is a body of rules: "Resolutionsregelverket")
    take(AGENCY, lambda m: None if m["stem"] in GENERIC_AGENCY_STEMS or (m["stem"] or "").endswith("regel") else "myndighet",
         lambda m: capitalise(m["name"].rstrip(", ")))
    take(MEMBERS_UNION, lambda m: None if m["name"].split()[0] in NOT_UNION_WORDS or _part_of_listed_name(text, m)
         else "organisation")
    take(ASSOCIATION, "organisation")
    take(COMPANY, "bolag")
    take(FOUNDATION, "organisation")
    take(COUNCIL_FOR, lambda m: "myndighet" if m["name"].startswith("Forsknings") else "råd", lambda m: capitalise(m["name"]))
    take(STAFF_FOR, "enhet", lambda m: capitalise(m["name"]))
    take(OFFICE_FOR, "förvaltning", lambda m: capitalise(m["name"]))
    if SECTOR_CONTEXT.search(text):              # (a municipality's own paper)
        take(SECTOR, lambda m: None if NOT_SECTOR_BEFORE.search(text, max(0, m.start() - 30), m.start()) else "förvaltning",
             lambda m: capitalise(m["name"]))
    take(NATIONAL_GROUP, "organisation", _national_group_label)
    take(COORDINATOR, "myndighet", lambda m: capitalise(m["name"]))
    take(NATIONAL_CENTRE, "organisation")
    for m in EU_COUNCIL.finditer(text):
        if not idx.taken(m.start("name"), m.end("name")):
            idx.add(EU_COUNCIL_LABEL, "organisation", m.start("name"), m.end("name"), surface="rådet")
    take(RIKSDAG_COMMITTEE, "nämnd", lambda m: _riksdag_committee_label(m["name"]))
    take(MUNICIPAL_COMMITTEE, "nämnd")
    if EU_CONTEXT.search(text) and not any("kommission" in b.label.lower() and b.label != EU_COMMISSION_LABEL
                                           for b in idx.all()):
        take(EU_COMMISSION, "organisation", lambda m: EU_COMMISSION_LABEL)
    _coordinated(idx, text)
    _compounds(idx, text)
    _capitals_in_head(idx, text)
    _created_groups(idx, text)
    _created_bodies(idx, text)
    _named_units(idx, text)

    # the municipality the document belongs to: the most mentioned one
    counts: dict[str, int] = {}
    for m in idx.mentions:
        if idx.bodies[m.label].kind == "kommun":
            counts[m.label] = counts.get(m.label, 0) + 1
    if counts:
        idx.municipality = max(counts, key=counts.get)
        _units_named_after_town(idx, text)
    _bare_subcommittee(idx, text)
    _parenthesised_aliases(idx, text)
    _apposed_aliases(idx, text)
    _link_structure(idx)
    _organisation_numbers(idx, text)
    return idx


# "Vattenfall Vindkraft AB, org.nr. 556731-0866", "Stockholms stad (organisationsnummer 212000-0142)"
ORG_NUMBER = re.compile(r"[ \t]*[,(]?[ \t]*(?:organisationsnummer|org\.?[ \t]?nr\.?|orgnr)[ \t]*:?[ \t]*"
                        r"(?P<number>\d{6}-\d{4})\b", re.I)


def luhn_valid(digits: str) -> bool:
    """The check digit of a Swedish organisationsnummer (or personnummer): the Luhn algorithm."""
    total = 0
    for i, c in enumerate(digits):
        n = int(c) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _organisation_numbers(idx: BodyIndex, text: str) -> None:
    """An organisationsnummer written right after a body's name belongs to that body (one whose
    check digit fails is a misprint, and is left out). A number given as 'ett organisationsnummer'
    anywhere else names nothing the text ties to a body."""
    for m in sorted(idx.mentions, key=lambda m: m.start):
        found = ORG_NUMBER.match(text, m.end)
        if found and luhn_valid(found["number"].replace("-", "")):
            body = idx.bodies[m.label]
            if body.org_number is None:
                body.org_number = (found["number"], Span(found.start("number"), found.end("number")))


# a board's name set in capitals on a line of a paper's head: "KOMMUNSTYRELSEN", "BARN- OCH UTBILDNINGSNÄMNDEN"
CAPITAL_BOARD = re.compile(r"^[ \t#]*(?P<name>(?:[A-ZÅÄÖ]{2,}-? (?:OCH|SAMT) )?[A-ZÅÄÖ]{3,}(?:NÄMNDEN|STYRELSEN|FULLMÄKTIGE|"
                           r"FÖRVALTNINGEN|KONTORET))(?:S ARBETSUTSKOTT)?[ \t]*$", re.M)


def _capitals_in_head(idx: BodyIndex, text: str) -> None:
    """A board named in capitals in the head, read as its name would be written ("Kommunstyrelsen")."""
    for m in CAPITAL_BOARD.finditer(text, 0, min(len(text), 1500)):
        s, e = m.start("name"), m.end("name")
        if idx.taken(s, e):
            continue
        written = m["name"].lower()
        stem, suffix = re.match(r"(.*?)(nämnden|styrelsen|fullmäktige|förvaltningen|kontoret)$", written).groups()
        kind = _compound_kind(stem, suffix)
        if kind is not None:
            idx.add(capitalise(written), kind, s, e, surface=m["name"])


def _bare_subcommittee(idx: BodyIndex, text: str) -> None:
    """A municipal paper's bare "arbetsutskottet" ("ARBETSUTSKOTTET BESLUTAR att …"): the one subcommittee it names
    ("Socialnämndens arbetsutskott"), else the subcommittee of the nämnd or styrelse the paper is of."""
    if not any(b.kind in ("nämnd", "styrelse", "kommun", "fullmäktige") for b in idx.all()):
        return                                      # a national text: "utskottet" is the Riksdag's
    named = [label for label in idx.subunits if label.endswith("arbetsutskott")]
    for m in re.finditer(r"(?<![\w-])(?:[Aa]rbetsutskottet|ARBETSUTSKOTTET)(?P<gen>s|S)?(?![\w-])", text):
        if not idx.taken(m.start(), m.end()):
            idx.add(named[0] if len(named) == 1 else "Arbetsutskottet", "nämnd", m.start(), m.end() - len(m["gen"] or ""),
                    surface=capitalise(m.group().lower()) if m.group().isupper() else m.group())


def _created_groups(idx: BodyIndex, text: str) -> None:
    """A group set up by the text, under its adjectives and noun, and each later definite mention of it."""
    for m in CREATED_GROUP.finditer(text):
        noun, adj = m["noun"], m["adj"].strip()
        if idx.taken(m.start("noun"), m.end("noun")):
            continue
        label = idx.add(f"{adj} {noun}".strip(), "råd", m.start("adj") if adj else m.start("noun"), m.end("noun"))
        definite = noun + ("et" if noun.endswith(("nätverk", "forum", "råd")) else "en")
        rx = rf"(?<![\w-])(?:[Dd]en\s+(?:{re.escape(adj)}\s+)?)?[{noun[0].upper()}{noun[0]}]{re.escape(definite[1:])}(?=s?\b)"
        for dm in re.finditer(rx, text[m.end():]):
            s0, e0 = m.end() + dm.start(), m.end() + dm.end()
            if not idx.taken(s0, e0):
                idx.add(label, "råd", s0, e0, surface=dm.group())



# a body the text sets up, named by its kind noun and what it is for: "bilda ett råd för skydd av kulturarv", "inrätta och
# ansvara för ett kunskapscentrum för läkemedel i miljön", "inrätta en samordningsfunktion för åtgärder mot penningtvätt";
# later "Rådet", "Centrumet", "Kunskapscentrumet" are that body (a bare noun without what it is for is no name)
_SET_UP_NOUN = {"råd": ("rådet", "råd"), "forum": ("forumet", "råd"), "nätverk": ("nätverket", "råd"),
                "centrum": ("centrumet", "enhet"), "center": ("centret", "enhet"), "kansli": ("kansliet", "enhet"),
                "sekretariat": ("sekretariatet", "enhet"), "funktion": ("funktionen", "enhet"),
                "kontaktpunkt": ("kontaktpunkten", "enhet"), "arena": ("arenan", "råd")}
CREATED_BODY = re.compile(
    r"\b(?:inrätta[rs]?|inrättade|bilda[rs]?|bildade|etablera[rs]?|etablerade)(?:\s+och\s+(?:ansvara\s+för|leda|driva))?"
    r"\s+(?:en|ett)\s+(?P<adj>(?:(?:nationell|nationellt|gemensam|gemensamt|permanent|rådgivande|särskild|särskilt|ny|nytt)\s+){0,2})"
    r"(?P<noun>[a-zåäö]*(?P<head>" + "|".join(_SET_UP_NOUN) + r"))"
    r"\s+(?P<for>(?:för|mot)\s+(?!(?:att|dessa|denna|detta|den|det|de|sådana|sådan|sådant|sin|sitt|sina|vilka|vilken)\b)[a-zåäö][\wåäö-]*(?:\s+(?!(?:som|med|vid|under|genom|där|samt|inom|hos|senast|från|till|att|och\s+att)\b)"
    r"(?:och\s+)?[\wåäö-]+){0,6}?(?<=[\wåäö]{3}))(?=\s*[,.;:]|\s+(?:med|vid|under|genom|där|samt|senast|från|till|och\s+att|i\s+syfte)\b|\s*$)")


def _created_bodies(idx: BodyIndex, text: str) -> None:
    """CREATED_BODY, and each later definite mention of it, by its noun or its head ("Kunskapscentrumet", "Centrumet")."""
    for m in CREATED_BODY.finditer(text):
        if idx.taken(m.start("noun"), m.end("for")) or m["noun"] in ("arbetsfunktion", "samhällsfunktion"):
            continue
        definite, kind = _SET_UP_NOUN[m["head"]]
        if re.search(rf"(?i)(?<![\w-]){re.escape(m['noun'][:-len(m['head'])] + definite + ' ' + m['for'])}(?![\w-])", text):
            continue                  # "ett råd för hållbara städer" of a text that names "Rådet för hållbara städer"
        label = idx.add(f"{m['adj']}{m['noun']} {m['for']}", kind, m.start("adj") if m["adj"] else m.start("noun"), m.end("for"))
        words = {m["noun"][:-len(m["head"])] + definite, definite}
        rx = rf"(?<![\w-])(?:{'|'.join(sorted(words, key=len, reverse=True))})(?![\w-])(?:\s+{re.escape(m['for'])})?"
        for dm in re.finditer(rx, text[m.end():], re.I):
            s0, e0 = m.end() + dm.start(), m.end() + dm.end()
            if not idx.taken(s0, e0):
                idx.add(label, kind, s0, e0, surface=dm.group())


# a unit the text sets up and names: "En tvärvetenskaplig testenhet, kallad bedömningscentrum, inrättas vid …"
NAMED_UNIT = re.compile(
    r"\b[Ee](?:n|tt)\s+(?:[a-zåäö-]+\s+){0,2}(?P<noun>[a-zåäö]*(?:enhet|myndighet|centrum|center|kansli|sekretariat|"
    r"funktion|råd|nämnd|delegation))\s*,\s+(?:kallad|kallat|benämnd|benämnt)\s+(?P<name>[\wåäöÅÄÖ-]{3,}(?:\s[\wåäöÅÄÖ-]+){0,2}?)"
    r"\s*,\s+(?:inrättas|bildas|skapas|ska\s+inrättas|ska\s+bildas)\b")


def _named_units(idx: BodyIndex, text: str) -> None:
    """A unit the text sets up under a name it gives, and each later mention of that name (also definite)."""
    for m in NAMED_UNIT.finditer(text):
        name = m["name"]
        if idx.taken(m.start("name"), m.end("name")):
            continue
        kind = "myndighet" if m["noun"].endswith(("myndighet", "delegation")) else \
            "råd" if m["noun"].endswith(("råd", "nämnd")) else "enhet"
        label = idx.add(capitalise(name), kind, m.start("name"), m.end("name"), surface=name)
        for dm in re.finditer(rf"(?<![\w-])[{name[0].upper()}{name[0].lower()}]{re.escape(name[1:])}(?:et|en)?(?![\w-])", text):
            if not idx.taken(dm.start(), dm.end()):
                idx.add(label, kind, dm.start(), dm.end(), surface=dm.group())


def _compound_kind(stem: str, suffix: str) -> str | None:
    """The kind a compound's suffix gives, unless its stem makes it no body of its own (of a stem joined by "och",
    "Kultur och fritids", the whole of it; else its last word)."""
    stem = stem.split()[-1] if " och " not in stem else stem
    kind = MUNICIPAL_SUFFIX_KIND[suffix]
    base = stem.lower().rstrip("-")
    if base in GENERIC_STEMS or len(base) < 3:
        return None
    if kind == "styrelse" and base not in BOARD_STEMS:
        return None          # "Socialstyrelsen" is an agency, found by the reference list
    if kind == "fullmäktige" and base not in {"kommun", "region", "landstings", "förbunds"}:
        return None
    if kind == "råd" and (not base.endswith(("s", "e", "o")) or base.endswith("område")):
        return None          # "pensionärsrådet", "äldrerådet"; not "utvecklingsområdet", "ministerrådet"
    return kind


def _named_council(text: str, stem: str) -> bool:
    """A council whose name the text writes with a capital inside a sentence ("bistå regelgivarna, Regelrådet, ska",
    "yttrande från Geodatarådet"): a name, although its stem is of the kind that makes "ministerrådet" no body. Not a
    consultation ("Esbosamrådet") nor an area ("Östersjöområdet")."""
    if not stem[:1].isupper() or " " in stem or stem.lower().endswith(("sam", "om")) or len(stem) < 4:
        return False
    return re.search(rf"(?:[a-zåäö,]) {re.escape(stem)}rådets?\b", text) is not None


# what a body not yet set up is said with: "en gemensam servicenämnd", "någon ny nämnd"
PROPOSED_BODY = re.compile(r"\b(?:en|någon)\s+(?:ny|gemensam|särskild|egen|samlad|framtida|eventuell|tänkt)\s+$")


# the first part of a name its column cell wrapped onto the next line ("Hälso- och ⏎ sjukvårdsnämnden" at the right of
# "Handläggare:", "Gatu- och ⏎ samhällsmiljö- ⏎ nämnden" in a table's Ansvarig column)
WRAPPED_HEAD = re.compile(rf"(?:^|{CELL_GAP.pattern}|\n)(?P<head>[A-ZÅÄÖ][a-zåäö]+-(?:[ ]+(?:och|eller))?)(?={CELL_GAP.pattern}|\n|$)")


def _wrapped_head(text: str, s: int) -> str | None:
    """The first part of a name that begins a column cell at `s`, left on the line above: "Hälso- och", or "" where the
    line above ends some cell in a hyphen but not with "och" (the name's head cannot be told)."""
    line_start = text.rfind("\n", 0, s) + 1
    if not re.search(rf"(?:^|{CELL_GAP.pattern})$", text[line_start:s]) or not line_start:
        return None
    # (normalise never joins two lines of cells, so the head stands on the line above)
    above = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
    heads = [m["head"] for m in WRAPPED_HEAD.finditer(above)]
    if not heads:
        return None
    return heads[0] if len(heads) == 1 and heads[0].endswith((" och", " eller")) else ""


def _compounds(idx: BodyIndex, text: str) -> None:
    for m in COMPOUND.finditer(text):
        s, e = m.start(), m.end("suffix")
        if idx.taken(s, e):
            continue
        stem, suffix = m["stem"], m["suffix"]
        head = _wrapped_head(text, s) if stem[:1].islower() else None
        if head == "":
            continue          # the rest of a name whose start the columns hid: no name of its own
        if head:
            stem = f"{head} {stem}"
        if suffix in ("nämnd", "förvaltning") and PROPOSED_BODY.search(text, max(0, s - 40), s):
            continue          # "utreda förutsättningarna för en gemensam servicenämnd": a body that may come, none named
        kind = _compound_kind(stem, suffix)
        if kind is None and suffix == "rådet" and _named_council(text, stem):
            kind = "råd"
        if kind is None and suffix == "styrelsen" and NATIONAL_BOARD.fullmatch(text[s:e]) and not any(
                b.kind in ("kommun", "region", "fullmäktige", "styrelse", "nämnd") for b in idx.all()):
            kind = "myndighet"        # an agency the register no longer lists: "Järnvägsstyrelsen", "Luftfartsstyrelsen"
        if kind is None:
            continue
        label = capitalise(stem + DEFINITE.get(suffix, suffix))
        idx.add(label, kind, s, e, surface=text[s:e])


def _coordinated(idx: BodyIndex, text: str) -> None:
    for m in COORDINATED.finditer(text):
        suffix = m["suffix"]
        if suffix.endswith(("arna", "na")):
            continue          # "social- och kulturförvaltningarna": a group
        stems = re.findall(r"([A-ZÅÄÖa-zåäö][a-zåäö]+)-", m["stems"]) + [m["last"]]
        kind = MUNICIPAL_SUFFIX_KIND[suffix]
        for stem_match in re.finditer(r"([A-ZÅÄÖa-zåäö][a-zåäö]+)-", m["stems"]):
            stem = stem_match[1]
            if stem.lower() in GENERIC_STEMS:
                continue
            idx.add(capitalise(stem + suffix), kind, m.start("stems") + stem_match.start(1),
                    m.start("stems") + stem_match.end(1) + 1, surface=stem + "-")
        if m["last"].lower() not in GENERIC_STEMS:
            idx.add(capitalise(m["last"] + suffix), kind, m.start("last"), m.end("suffix"))
        del stems


def _units_named_after_town(idx: BodyIndex, text: str) -> None:
    """'Jobbtorg Stockholm', 'Vuxenutbildning Stockholm': units of the municipality."""
    place = re.sub(r"s? (?:stad|kommun)$", "", idx.municipality or "")
    if not place:
        return
    rx = re.compile(rf"\b(?P<name>(?P<word>[A-ZÅÄÖ][a-zåäö]{{3,}}) {re.escape(place)})(?![\w-])(?! stad| kommun| län)")
    for m in rx.finditer(text):
        if m["word"] in NOT_UNIT_WORDS or idx.taken(m.start(), m.end()):
            continue
        label = idx.add(m["name"], "enhet", m.start(), m.end())
        idx.aliases.setdefault(m["word"].lower(), label)
    # bare "Jobbtorg" later in the text
    for alias, label in list(idx.aliases.items()):
        body = idx.bodies[label]
        if body.kind == "enhet" and alias != label.lower() and " " not in alias:
            for m in re.finditer(rf"\b{re.escape(capitalise(alias))}\b", text):
                if not idx.taken(m.start(), m.end()):
                    idx.add(label, "enhet", m.start(), m.end(), surface=m[0])


def _parenthesised_aliases(idx: BodyIndex, text: str) -> None:
    for mention in list(idx.mentions):
        if m := PAREN_ALIAS.match(text, mention.end):
            bracketed_alias(idx, m["alias"], mention.label)


def bracketed_alias(idx: BodyIndex, alias: str, label: str) -> None:
    """'Samordningsförbundet Stockholms stad (Finsam)', 'Sveriges export- och investeringsråd (Business Sweden)': the
    name in brackets names the same body, wherever the text uses it; not another body ("Regeringskansliet
    (Finansdepartementet)")."""
    if not ALIAS.fullmatch(alias) or alias.isdigit() or alias.lower() in idx.aliases:
        return
    # a name of words is a short name where the text goes on to use it, and not a unit of the body ("Uppsala universitet
    # (Biologiska sektionen)") or another body
    if " " in alias and (register.lookup(alias) is not None or UNIT_WORD.search(alias)):
        return
    uses = list(re.finditer(rf"\b{re.escape(alias)}\b", idx.text))
    if " " in alias and len(uses) < 2:
        return
    idx.add_alias(alias, label)
    for am in uses:
        if not idx.taken(am.start(), am.end()):
            idx.add(label, idx.bodies[label].kind, am.start(), am.end(), surface=alias)


APPOSED_ALIAS = re.compile(r",\s+(?P<alias>[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,7}),")


def _initials_of(alias: str, name: str) -> bool:
    """The letters of an abbreviation stand in order in the name, the first first: "LV" of "Läkemedelsverket"."""
    low, at = name.lower(), 0
    if not low.startswith(alias[0].lower()):
        return False
    for ch in alias.lower():
        at = low.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _apposed_aliases(idx: BodyIndex, text: str) -> None:
    """'Inspektionen för vård och omsorg, IVO, och Läkemedelsverket, LV, att …': an abbreviation set off by commas
    right after a name, made of its letters, is that body's short name, not a body of its own."""
    for mention in list(idx.mentions):
        m = APPOSED_ALIAS.match(text, mention.end)
        if not m or m["alias"].lower() in idx.aliases or register.lookup(m["alias"]) is not None \
                or not _initials_of(m["alias"], mention.label):
            continue
        idx.add_alias(m["alias"], mention.label)
        for am in re.finditer(rf"\b{re.escape(m['alias'])}\b", text):
            if not idx.taken(am.start(), am.end()):
                idx.add(mention.label, idx.bodies[mention.label].kind, am.start(), am.end(), surface=m["alias"])


def _unbroken(name: str) -> str:
    return re.sub(r"[\s\u00ad-]+", "", name).lower()


def written_names(idx: BodyIndex) -> None:
    """A body the register names officially ("Verket för innovationssystem") but the text only by
    another name ("Vinnova") is shown by the text's name; the official name stays its label (and
    so its identity)."""
    for body in idx.all():
        entry = register.lookup(body.label)
        if entry is None or entry.name != body.label:
            continue
        surfaces = [re.sub(r"\s+", " ", idx.text[s.start:s.end]) for s in sorted(body.evidence)]
        # (a name broken over a line, "Regerings-kansliet", is the official name still)
        if not surfaces or any(x.lower().startswith(body.label.lower()) or _unbroken(x) == _unbroken(body.label)
                               for x in surfaces):
            continue
        first = next((x for x in surfaces if x in body.alt_labels or capitalise(x) in body.alt_labels), None)
        if first:
            body.written = capitalise(first)


def _link_structure(idx: BodyIndex) -> None:
    """part_of and serves: what the text's names show of how bodies hang together."""
    municipal = {"fullmäktige", "styrelse", "nämnd", "förvaltning", "enhet", "råd", "bolag"}
    committees = {b.label[: -len("nämnden")].lower(): b.label for b in idx.all()
                  if b.kind == "nämnd" and b.label.endswith("nämnden")}
    for body in idx.all():
        if body.label in idx.subunits and idx.subunits[body.label] in idx.bodies:
            body.part_of = idx.subunits[body.label]
        elif body.kind in municipal and idx.municipality:
            body.part_of = idx.municipality
        if body.kind == "departement" and "Regeringskansliet" in idx.bodies:
            body.part_of = "Regeringskansliet"
        if body.kind == "förvaltning" and body.label.endswith("förvaltningen"):
            stem = body.label[: -len("förvaltningen")].lower()
            if stem in committees:
                body.serves = committees[stem]
