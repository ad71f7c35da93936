"""Stage: policies. Styrdokument named in the text, their goals, and who is responsible for what.

Policies
  A policy is a kind noun (strategi, handlingsplan, program, policy, riktlinjer,
  plan, vision, budget, verksamhetsplan, pakt, motion) used as a *name*:
    - capitalised or bare, with what it is about: "Handlingsplan mot rasism",
      "remiss av handlingsplan mot rasism", "i budget för 2017",
      "Förslag till Strategi för romsk inkludering", "It-program", "Vision 2040";
    - with an owner: "Stockholms stads program för de mänskliga rättigheterna",
      "regeringens 20-åriga strategi för romsk inkludering", "Stockholms stads integrationspakt";
    - definite with what it is about: "Strategin för romsk inkludering";
    - "Motion om …";
    - an act by its name ("miljöbalken", "dataskyddsförordningen") or, as the laws stage reads
      it, by its number and subject ("lagen (2008:206) om underrättelseskyldighet …"), an EU
      act by its number, an agreement between parties.
  "en strategi för romsk inkludering" (with an article) and the bare definite
  "strategin", "handlingsplanen", "programmet", an alias in brackets
  ("(MR-programmet)") or a compound seen before ("integrationspakten") refer to
  a policy already named; they never create one. Mentions with the same owner,
  kind and subject are one policy; its title is its most name-like mention.
  Then validity ("föreslås gälla 2018-2022", "till och med 2023-12-31",
  "tillsvidare"), adoption ("antogs i kommunfullmäktige den 16 december 2024",
  "Kommunfullmäktige beslutade 2013-04-29 att anta …") and relations
  ("kompletterar", "utgår från", "ingår i", "ersätter", "hänger ihop med").

Goals
  "Målet med X ska vara att: • …", "Målet är att …", "med målet att …",
  "Det övergripande målet (med X) är att …", bullet lists after a line naming
  mål / utvecklingsområden / fokusområden / målsättningar, the cells of a table's goal
  columns ("Nämndens mål"). Each goal belongs to the policy its sentence names, else to
  the policy the passage discusses.

Who is responsible for what under a policy is read by the responsibilities stage, with the
reader this stage leaves in `ctx.extras["policy_reader"]`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from . import laws
from .bodies import EU_COUNCIL_LABEL
from .context import Ctx
from .document import _adoption, block_lines, header_fields
from .dates import find_dates, parse_date
from .meetings import paragraphs
from .model import Goal, Policy
from .normalise import CELL_GAP, COLUMNS, table_cells
from .numerals import COUNT, COUNT_CAPITALISED, COUNT_WORDS

# ---------------------------------------------------------------- words
BASES = ("verksamhetsplan", "handlingsplan", "arbetsordning", "delegationsordning", "reglemente", "strategi", "riktlinje", "program", "policy",
         "vision", "budgetproposition", "budget", "pakt", "motion", "agenda", "överenskommelse", "regleringsbrev",
         "ägaranvisning", "konvention", "plan")
# (a board's rules of procedure and its delegation of decisions are rules it adopts, as a reglemente is)
BASE_KIND = {"riktlinje": "riktlinjer", "arbetsordning": "reglemente", "delegationsordning": "reglemente",
             "budgetproposition": "budget"}
# ending -> form: "indef" singular, "def" singular definite, "pl" plural, "pldef", "gen" genitive
INFLECTIONS = {
    "strategi": {"": "indef", "n": "def", "ns": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "plan": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "handlingsplan": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "verksamhetsplan": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "program": {"": "indef", "met": "def", "mets": "defgen", "men": "pldef", "s": "gen"},
    "policy": {"": "indef", "n": "def", "ns": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "riktlinje": {"r": "indef", "rna": "def", "rnas": "defgen", "": "indef", "n": "def"},
    "vision": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "s": "gen"},
    "budget": {"": "indef", "en": "def", "ens": "defgen", "ar": "pl", "s": "gen"},
    "budgetproposition": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "pakt": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "s": "gen"},
    "motion": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
    "reglemente": {"": "indef", "t": "def", "ts": "defgen", "n": "pl", "na": "pldef", "s": "gen"},
    "arbetsordning": {"": "indef", "en": "def", "ens": "defgen", "ar": "pl", "arna": "pldef", "s": "gen"},
    "delegationsordning": {"": "indef", "en": "def", "ens": "defgen", "ar": "pl", "arna": "pldef", "s": "gen"},
    "agenda": {"": "indef", "n": "def", "ns": "defgen", "or": "pl", "orna": "pldef", "s": "gen"},
    "överenskommelse": {"": "indef", "n": "def", "ns": "defgen", "r": "pl", "rna": "pldef", "s": "gen"},
    # the government's steering of an agency for a year, and of a state-owned company
    "regleringsbrev": {"": "indef", "et": "def", "ets": "defgen", "en": "pldef", "s": "gen"},
    "ägaranvisning": {"": "indef", "en": "def", "ens": "defgen", "ar": "pl", "arna": "pldef", "s": "gen"},
    # a treaty the state has joined: "FN:s konvention om barnets rättigheter", "barnkonventionen"
    "konvention": {"": "indef", "en": "def", "ens": "defgen", "er": "pl", "erna": "pldef", "s": "gen"},
}
# compounds that are not steering documents ("flygplan", "gymnasieprogram")
BAD_STEMS = {
    "plan": {"flyg", "lek", "fotbolls", "grus", "golv", "fot", "rit", "sido", "mitt", "under", "över", "tid", "hel",
             "bygg", "kurs", "ämnes", "betalnings", "avbetalnings", "fler", "samma", "fri", "is", "tennis", "sjö",
             "vatten", "stads", "detalj", "fastighets", "plan", "upp"},
    "program": {"gymnasie", "utbildnings", "etablerings", "webb", "tv", "radio", "data", "dator", "mentors",
                "yrkesmentors", "teknik", "natur", "samhälls", "el", "bygg", "introduktions", "språk", "fritids",
                "omsorgs", "yrkes", "nationella", "studie", "tränings", "praktik", "besöks", "intro", "musik",
                "ekonomi", "estetiska", "vård", "hälso", "barn", "industri", "fordons", "hantverks", "handels",
                "restaurang", "hotell", "vvs", "forsknings", "utbytes", "ram", "stöd", "bistånds", "kultur",
                "radio-", "tv-", "anti", "kör", "kurs"},
    "motion": {"e", "pro", "loko", "auto"},
    "policy": set(), "strategi": set(), "handlingsplan": set(), "verksamhetsplan": set(), "riktlinje": set(),
    "vision": {"tele", "tele-", "super", "re"}, "budget": set(), "budgetproposition": {"ändrings", "extra"},
    "pakt": {"im"},
    "reglemente": set(), "arbetsordning": set(), "delegationsordning": set(), "agenda": {"dags", "mötes", "sammanträdes"},
    "överenskommelse": {"tilläggs", "avtals"}, "regleringsbrev": set(), "ägaranvisning": set(),
    "konvention": set(),
}
GUIDE_KINDS = {"strategi", "riktlinjer", "policy", "program"}
PLAN_KINDS = {"plan", "handlingsplan", "verksamhetsplan"}
FUNCTION = {
    "och", "eller", "samt", "som", "att", "är", "var", "har", "hade", "ska", "skall", "kan", "kommer", "bör", "måste",
    "får", "blir", "blev", "gäller", "föreslås", "kompletterar", "utgår", "bygger", "ingår", "ersätter", "hänger",
    "antogs", "antog", "beslutades", "presenteras", "tydliggör", "tydliggörs", "omfattar", "syftar", "innebär",
    "beskriver", "beskrivs", "lyfter", "utgör", "riktar", "slår", "baseras", "tar", "återfinns", "framgår", "finns",
    "ger", "saknar", "avser", "handlar", "pekar", "visar", "där", "vilket", "vilken", "vilka", "men", "till", "från",
    "med", "under", "genom", "enligt", "efter", "vid", "hos", "inför", "sedan", "då", "när", "om", "så", "också",
    "även", "inte", "redan", "nu", "här", "det", "den", "de", "en", "ett", "sin", "sitt", "sina", "dess", "deras",
    "vara", "bli", "blivit", "varit", "anta", "antas", "antagits", "fastställs", "fastställdes", "remitteras",
    "remitterats", "tagits", "tas", "togs", "arbetats", "utarbetats", "fram", "ut", "in", "upp", "lämnas",
    "består", "beskrivs", "behandlas", "behöver", "betonar", "tydligt", "dock", "bland", "annat", "i", "på", "av",
    "inom", "mot", "för", "kring", "avseende", "gällande", "utifrån", "per", "både", "utan", "skulle", "kunde",
    "gör", "görs", "gjorts", "fått", "fick", "innehåller", "innehöll", "bedöms", "anses", "skrivs", "ställer", "ställs", "ligger", "läggs", "hade",
    "senast", "anger", "anges", "angavs", "angav", "reglerar", "regleras", "styr", "styrs", "fastställer", "framhåller",
    "understryker", "konstaterar", "uttrycker", "betonas", "preciserar", "preciseras",
}
# the headings of a paper, which a name does not run into where the text has lost its line breaks
RUN_ON_HEADINGS = {"Sammanfattning", "Bakgrund", "Beslutsunderlag", "Ärendet", "Ärendebeskrivning", "Handläggare",
                   "Bilagor", "Bilaga", "Beslut", "Inledning", "Förslag", "Yttrande", "Dnr", "Diarienummer"}
PREPOSITIONS = {"för", "mot", "om", "kring", "avseende", "gällande", "inom"}
# the words a period of a name follows: "planen för 2025–2028", "regleringsbrevet för budgetåret 2017"
BEFORE_PERIOD = PREPOSITIONS | {"budgetåret"}
ARTICLES = {"en", "ett", "någon", "något", "flera", "olika", "andra", "annan", "annat", "varje", "sin", "sitt",
            "sina", "vår", "vårt", "våra", "er", "ert", "era", "dess", "deras", "hans", "hennes", "alla", "många",
            "fler", "nya"}
DEMONSTRATIVE = {"den", "det", "denna", "detta", "dessa", "de", "samma"}
# subjects too generic to name a document ("plan för genomförandet", "strategi för arbetet")
GENERIC_TOPIC = {"genomförandet", "genomförande", "arbetet", "arbete", "uppdraget", "verksamheten", "hur", "detta",
                 "dessa", "denna", "resultaten", "resultatet", "perioden", "framtiden", "uppföljningen", "uppföljning",
                 "utvärderingen", "implementeringen", "insatserna", "åtgärderna", "processen", "projektet",
                 "fortsättningen", "fortsatta", "vidare", "området", "frågan", "frågorna", "ändamålet", "syftet",
                 "dem", "oss", "sig", "vad", "vilka", "alla", "andra", "samtliga", "varje", "året", "åren", "tiden"}
TOPIC_STOP = {"för", "mot", "om", "kring", "avseende", "gällande", "de", "den", "det", "en", "ett", "i", "och", "av",
              "arbete", "arbetet", "med", "till", "på", "inom", "samt", "stad", "stads", "staden", "stadens",
              "kommun", "kommuns", "kommunen", "kommunens", "verksamhetsår", "verksamhetsåret", "år", "året",
              "åren", "ny", "nya", "nytt", "sverige"}
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü0-9][\wÅÄÖåäöÉéÜü:-]*")
KIND_TOKEN = re.compile(r"(?<![\w-])(?P<word>(?:[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäöÉé-]*?)?(?:" + "|".join(BASES) + r")[a-z]{0,4})(?![\w-])",
                        re.I)


def degen(w: str) -> str:
    return w[:-1] if len(w) > 5 and w.endswith("s") else w


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def parse_kind_word(word: str) -> tuple[str, str, str] | None:
    """'integrationspakten' -> ('integrations', 'pakt', 'def'); None if not a kind noun."""
    low = word.lower()
    for base in BASES:
        for ending, form in sorted(INFLECTIONS[base].items(), key=lambda kv: -len(kv[0])):
            if low.endswith(base + ending):
                stem = low[: len(low) - len(base + ending)]
                if base == "plan" and stem.endswith(("handlings", "verksamhets")):
                    continue
                if stem.rstrip("-") in BAD_STEMS[base] or stem in BAD_STEMS[base]:
                    return None
                if base == "vision" and stem.endswith(("re", "di", "pro")):
                    return None       # "Riksrevisionens", "divisionen", "provision"
                if stem and not re.search(r"[a-zåäö]", stem):
                    if not stem.endswith("-"):
                        return None
                return stem, base, form
    return None


OPINION_HEAD = re.compile(r"^(?:Reservation|Särskilt uttalande|Särskilda uttalanden|Ersättaryttrande|Protokollsanteckning"
                          r"|Vidare lämnade [^\n]* följande)", re.M)


# "§ 12", "KS § 12", "TN §22": the head of a paragraph of minutes
PARAGRAPH_HEAD = re.compile(r"^[ \t]*(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[ \t]+)?§[ \t]*\d{1,4}\b", re.M)
LINE = re.compile(r"^[^\n]*$", re.M)
# a heading of the paragraph's own account, which ends an opinion before it (not "Förslag till beslut", which a
# reservation writes for its own proposal)
ACCOUNT_HEADING = re.compile(
    r"(?:Bakgrund|Ärendet|Ärendebeskrivning|Beskrivning av ärendet|Ärendets beredning|Sammanfattning(?: av ärendet)?"
    r"|Beslutsunderlag|Handlingar|Förvaltningens (?:bedömning|synpunkter)|Bedömning|Överväganden|Yrkanden?"
    r"|Beslutsgång|Propositionsordning|Expedieras|Beslutet skickas till)\s*:?")


def opinion_zones(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) of reservations and statements, each running to the next § or
    to the next section heading of the paragraph ("Bakgrund", "Ärendebeskrivning")."""
    zones: list[tuple[int, int]] = []
    for m in OPINION_HEAD.finditer(text):
        if zones and m.start() < zones[-1][1]:
            continue
        nxt = PARAGRAPH_HEAD.search(text, m.end())
        end = nxt.start() if nxt else len(text)
        head_end = text.find("\n", m.end(), end)
        for line in LINE.finditer(text, head_end + 1 if head_end >= 0 else end, end):
            if ACCOUNT_HEADING.fullmatch(line.group().strip()):
                end = line.start()
                break
        zones.append((m.start(), end))
    return zones


# words before a bare "program för …" / "plan för …" that show it is a document's name
NAMING_CONTEXT = re.compile(r"\b(?:[Rr]emiss(?:en)? av|[Ff]örslag till|anta(?:r|git|s)?|antog|antogs|[Rr]evidering av|"
                            r"reviderad|reviderade|reviderat|uppdaterad|uppdaterade|uppdaterat|[Öö]versyn av|utarbetande av|[Uu]ppföljning av|enligt|i enlighet med|utifrån|"
                            r"inom ramen för|[Yy]ttrande över|beslut om|[Uu]tvärdering av|[Gg]enomförande(?:t)? av)\s+$")


# an adoption or revision in the same clause: "Kommunfullmäktige antog 2016 en plan för …",
# "Krisledningsplanen revideras varje mandatperiod"
ADOPTED_BEFORE = re.compile(r"\b(?:anta|antar|antog|antagit|fastställ(?:a|er|de|t)|revidera(?:r|de|t)?|beslutade om|"
                            r"beslutat om|tecknat|tecknade|ingått|ingick|slutit|slöt|tagit fram|tog fram|tar fram|ta fram|"
                            r"utarbeta(?:r|t|de)?|arbeta(?:r|t|de)? fram|upprätta(?:r|t|de)?|inrätta(?:r|t|de)?|förslag till|"
                            # "Delegationen presenterade i oktober 2009 en strategi för …", "Regeringen presenterar i
                            # skrivelsen även ett handlingsprogram med insatser …"
                            r"presentera(?:r|t|de)|lansera(?:r|t|de)|lägger fram|lade fram|lagt fram)\s+"
                            r"(?:(?:(?:den\s+\d{1,2}|i)\s+[a-zåäö]+\s+)?(?:19|20)\d\d\s+)?(?:[a-zåäö]+\s+){0,4}$")
ADOPTED_AFTER = re.compile(r"\s+(?:(?:har|hade|ska|skall)\s+)?(?:antogs|antas|antagits|fastställdes|fastställs|fastställts|"
                           r"revideras|reviderades|reviderats|ska\s+revideras|gäller\s+(?:för|under|till|från))\b")
# the body that adopted it, right after a steering document's name and period: "… 2010–2014 antagen av kommunfullmäktige"
ADOPTED_BY = re.compile(r",?[ \t\n]+(?:som[ \t]+(?:har[ \t]+)?)?(?:antagen|antaget|antagna|antogs|antagits|fastställd|fastställt|"
                        r"fastställdes|fastställts|beslutad|beslutat|beslutades)[ \t\n]+av\b")
# a steering document the text says was made, right after its name
MADE_AFTER = re.compile(r"(?:\s*\([^()]{1,60}\))?,?\s+(?:har|hade)\s+(?:(?:nu|också|även)\s+)?(?:tagits\s+fram|antagits|"
                        r"fastställts|beslutats|utarbetats|lanserats|presenterats)\b")
# compounds that name a working paper of a project, not what a steering document is about ("tidsplanen")
WORKING_STEMS = {"tids", "projekt", "genomförande", "arbets", "aktivitets", "aktions", "kommunikations",
                 "implementerings", "handlings", "verksamhets", "besluts", "mötes", "budget"}
# a plan for one person is no steering document ("vårdplanen", "behandlingsplanen")
PERSONAL_STEMS = {"vård", "behandlings", "omvårdnads", "rehabiliterings", "hemgångs", "individuella", "individ",
                  "elev", "studie", "utrednings", "samordnings", "lektions", "kost"}
# a two-part name in which the kind noun is the second part: "Mål och budget 2020", "Budget och verksamhetsplan"
PAIRED_NAME = re.compile(r"(?<![\w-])(?P<p>Mål och|Mål- och|Budget och|Verksamhetsplan och|Verksamhets- och|Plan och)\s+$")
# a passive verb ends what a kind noun is about: "Genomförandeplan för näringslivsprogrammet redovisas …"
PASSIVE_VERB = re.compile(r"[a-zåäö]{4,}(?:as|ades|ats)")


# a titled steering document with its kind in a subtitle: "Tillsammans mot brott – ett nationellt
# brottsförebyggande program", "Med medborgaren i centrum – regeringens strategi för …"
SUBTITLED = re.compile(
    r"(?<![\w-])(?P<title>[A-ZÅÄÖ][^–—\n.:;()]{3,80}?) [–—-] ?(?P<sub>(?:(?:förslag till )?(?:ett|en)|regeringens|[Ss]tadens|"
    r"[Kk]ommunens|(?=nationell |regional |ny |uppdaterad ))"
    r" ?(?:[a-zåäö-]+ ){0,3}?[a-zåäö]*?(?P<noun>program|strategi|handlingsplan|plan|policy|vision|agenda|färdplan)"
    r"(?: \d(?:\.\d)?)?"
    r"(?: (?:för|mot|om) [^.\n;:()]{3,80}?)?)(?=[.,;:\n(]|$| som | och )")
NUMBERED = re.compile(
    r"(?<![\w/-])(?P<word>[\wåäöÅÄÖ-]*(?:strategi|plan|program|agenda|policy)(?:en|n|et|met)?) (?P<num>\d{1,2}(?:\.\d)?)"
    r"(?![\d:/-]|\.\d|,\d)(?: (?:och|samt) (?P<num2>\d{1,2}(?:\.\d)?)(?![\d:/.-]))?")
SPECIFIC_DEFINITE = re.compile(
    r"\b[Dd]en (?:(?:kommande|nya|nuvarande|senaste|gällande)\s+)?"
    r"(?P<adj>[a-zåäö]{4,}(?:politiska|iska))\s+(?P<noun>strategin|handlingsplanen|planen|policyn|visionen|agendan)\b"
    # ... the same with an owner or indefinite, when the adjective names a policy area: "regeringens klimatpolitiska
    # handlingsplan", "Regeringen beslutade om en klimatpolitisk handlingsplan"
    r"|(?<![\w-])(?:[Rr]egeringens|Sveriges|[Ee]n|[Ee]tt)\s+(?:(?:kommande|ny|nya|nytt)\s+)?"
    r"(?P<adj2>[a-zåäö]{4,}politisk[a]?)\s+(?P<noun2>strategi|handlingsplan|plan|policy|vision|agenda)\b")
# the definite form of a kind noun, for a name told indefinite ("en klimatpolitisk handlingsplan")
DEFINITE_NOUN = {"strategi": "strategin", "handlingsplan": "handlingsplanen", "plan": "planen", "policy": "policyn",
                 "vision": "visionen", "agenda": "agendan"}
# "nationell", "nationella", "nationellt" and perhaps one more adjective, right before a kind noun
# national: "nationella riktlinjer för …", "de svenska riktlinjerna för krigsmaterielexport", "Sveriges strategiska plan för …"
NATIONAL_BEFORE = re.compile(r"(?:\b[Nn]ationell(?:a|t)?|(?<![\w-])[Ss]venska|(?<![\w-])Sveriges)\s+(?:[a-zåäö]+\s+)?$")
# a steering document being made or renewed: "en kommande långsiktig strategi", "en ny handlingsplan", "ett förnyat program"
FORTHCOMING_BEFORE = re.compile(r"\b(?:kommande|ny|nytt|förnyad|förnyat|uppdaterad|uppdaterat|reviderad|reviderat)\s+"
                                r"(?:[a-zåäö]+\s+)?$")
GENERIC_ADJECTIVES = {"nationella", "regionala", "lokala", "kommunala", "statliga", "politiska", "ekonomiska", "tekniska",
                      "praktiska", "strategiska", "svenska", "europeiska", "nordiska", "historiska", "fysiska"}
# (also after a compound: "granskningsstrategin Infrastruktur på nya villkor", "handlingsplanen Ett Sverige för alla";
# the name ends before the time it is told of: "programmet Trygg i Stockholm under 2024")
NAMED_AFTER_NOUN = re.compile(
    r"(?<![\w-])(?P<noun>(?:[A-ZÅÄÖa-zåäö][a-zåäö]+)?(?:[Vv]isionen|[Pp]rogrammet|[Ss]trategin|[Hh]andlingsplanen|[Pp]olicyn))"
    r"[ \t]+(?P<name>[«\"”]?[A-ZÅÄÖ][^.,;:\n()]{3,80}?)"
    r"(?=[,.;:\n(]|\s+(?:är|som|och|ska|har|utgör|innebär|bygger|antogs|beslutades|gäller)\b"
    r"|\s+(?:under|sedan|från|till|fram till|mellan|år)\s+(?:år\s+)?(?:19|20)\d\d|$)")


# an agreement known by its parties and subject: "överenskommelsen mellan staten och Sveriges Kommuner och Regioner
# om psykisk hälsa 2024", "en överenskommelse med SKR om en god och nära vård", "avtalet mellan Sverige och Norge om …"
AGREEMENT_BETWEEN = re.compile(
    r"\b(?:(?P<k>[Öö]verenskommelse(?:n|r|rna)?)\s+(?P<parties>(?:mellan\s+|med\s+(?=[A-ZÅÄÖ]))[^.;:\n]{3,120}?)|"
    r"(?P<k2>[Aa]vtal(?:et)?)\s+(?P<parties2>(?:mellan\s+|med\s+(?=[A-ZÅÄÖ]))[^.;:\n]{3,120}?))\s+"
    r"om\s+(?!(?:hur|vad|vilka|vilken|när|att\s+(?:de|den|det|dessa|man|vi))\b)(?P<t>(?:[^.;:,\n()]{3,120}?))(?=\s*(?:[.,;:()]|\n|$)|\s+(?:som|och\s+(?:ska|har)|ska|skall|har|hade|är|var|"
    r"för\s+att|inom|samt|i\s+syfte)\b)")
# an agreement made, told by what it is about: "Regeringen och SKR har träffat en överenskommelse om psykisk hälsa",
# "… ingick en energipolitisk överenskommelse", "EU har ingått ett frihandelsavtal med Sydkorea"
AGREEMENT_MADE = re.compile(
    r"\b(?:träffat|träffade|ingått|ingick|tecknat|tecknade|slutit|slöt|enats\s+om|enades\s+om)\s+(?:en|ett)\s+"
    r"(?P<adj>(?!ny\b|nytt\b|annan\b|annat\b)[a-zåäö]+(?:isk|iskt|ell|ellt|ig|igt|al|alt)\s+)?"
    r"(?P<k>överenskommelse|(?:frihandels|handels|samarbets|partnerskaps|ram|klimat)?avtal)\b"
    r"(?:\s+om\s+(?!(?:hur|vad|vilka|vilken|när|att\s+(?:de|den|det|dessa|man|vi|en|ett|någon|några))\b)"
    r"(?P<t>[^.;:,\n()]{3,100}?)(?:\s+(?:19|20)\d\d)?(?=\s*(?:[.,;:()]|\n|$)|\s+(?:som|och\s+(?:ska|har|är)|ska|skall|har|hade|är|var|"
    r"för\s+att|inom|samt|i\s+syfte)\b))?")
# an agreement known by its own name, capitalised inside a sentence: "I Tidöavtalet redovisade regeringen …",
# "i enlighet med Parisavtalet", "(Tidöavtalet)" ("Samarbetsavtalet" first in a sentence is a common noun)
NAMED_AGREEMENT = re.compile(r"(?:(?<=[a-zåäö,] )|(?<=\()|(?<=\bI )|(?<=\bEnligt )|(?<=\bGenom )|(?<=\bInom ramen för ))(?P<name>[A-ZÅÄÖ][a-zåäö]{2,}-?avtalet)(?![\wåäö-])")
# an act of the EU the text names by its number or its short name: "Europaparlamentets och rådets direktiv 2005/36/EG
# av den 7 september 2005 om erkännande av yrkeskvalifikationer", "direktiv (EU) 2019/790", "EG-direktivet om
# personuppgifter (95/46/EG)", "yrkeskvalifikationsdirektivet", "NIS 2-direktivet" (not a committee's directive)
# (a regulation's number before 2015 is its number in the year, then the year: "(EG) nr 1100/2007")
EU_NUMBER = r"(?:\((?:EU|EG|EEG|Euratom)\)\s+(?:nr\s+)?\d{1,4}/\d{1,4}|(?:nr\s+)?(?:19|20)?\d\d/\d{1,4}/(?:EU|EG|EEG|Euratom))(?![\w/])"
def _eu_subject(group: str) -> str:
    """What an EU act is about, after "om", as the named group: it ends at a stop, a bracket (but for "(EU)"), a
    clause or a verb."""
    return (rf"\s+om\s+(?P<{group}>(?:[^.;:()\n]|\((?:EU|EG|EEG)\)){{3,160}}?)(?=\s*(?:[.;:)]|\((?!(?:EU|EG|EEG)\))|\n|$)|,\s|"
            r"\s+(?:och\s+om\s+ändring|som|ska|skall|har|är|samt|i\s+syfte|genomförs|(?:tidigare|redan|också|även)\s+[a-zåäö]+)\b)")


def _eu_act(issued: str, bare: str, short: str) -> re.Pattern:
    """An EU act by its number ("Europaparlamentets och rådets direktiv 2005/36/EG av den 7 september 2005 om …") or, in
    its short form, by its subject ("EG-direktivet om personuppgifter"): the noun after an issuer's name (`issued`), the
    noun alone (`bare`), the short form (`short`)."""
    return re.compile(
        r"(?<![\w-])(?P<name>(?:(?P<issuer>Europaparlamentets|[Rr]ådets|[Kk]ommissionens)(?:\s+och\s+rådets)?\s+" + issued + "|"
        + bare + r")\s+(?P<num>" + EU_NUMBER + r")"
        r"(?:\s+av\s+(?P<on>den\s+\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d))?(?:" + _eu_subject("t") + r")?"
        r"|(?P<short>" + short + r")" + _eu_subject("t2") + r"(?:\s*\((?P<num2>" + EU_NUMBER + r")\))?)")


EU_DIRECTIVE = _eu_act(r"(?:genomförande)?direktiv", r"(?:EU|EG)-direktiv(?:et)?|[Dd]irektiv(?:et)?", r"(?:EU|EG)-direktiv(?:et)?")
# an EU regulation, as a directive: "Europaparlamentets och rådets förordning (EU) 2019/1156 om …", "kommissionens
# delegerade förordning (EU) 2022/1872", "en EU-förordning om gränsöverskridande distribution av fonder", "EU:s nya
# förordning om upphandlingsannonser"
EU_REGULATION = _eu_act(r"(?:genomförande|delegerade\s+)?förordning", r"(?:EU|EG)-förordning(?:en)?|[Ff]örordning(?:en)?",
                        r"(?:EU|EG)-förordning(?:en)?|EU:s\s+(?:nya\s+)?förordning")
# an act known by its name: "dataskyddsförordningen", "vapenhandelsfördraget", "Lissabonfördraget", "miljöbalken",
# "krigsmateriellagen" (a law cited by its SFS number is a law of its own as well: laws.py)
# (also in the genitive, named as what it holds: "undantag från bestämmelser i trafikförordningens (1998:1276) om krav på …",
# "miljöbalkens bestämmelser")
NAMED_ACT = re.compile(r"(?<![\w-])(?P<name>(?:[A-ZÅÄÖa-zåäö][a-zåäö]+- (?:och|eller) )?(?P<stem>[a-zåäö]{4,}|[A-ZÅÄÖ][a-zåäö]{3,})"
                       r"(?P<kind>förordningen|fördraget|lagen|balken))s?(?![\wåäö-])")
# words that end as an act's name does and are none: "förslagen", "lagförslagen", "föreslagen", "anslagen" (of "slå"),
# "underlagen"; "aktiebolagen" (of "bolag"), "trafikslagen", "förmånsslagen" (of "slag"); the region Bergslagen
NOT_AN_ACT = re.compile(r"(?i)(?:^|för|före|an|be|ut|upp|in|av|till|på|om|ned|genom|efter|över|mot|sam)slagen$|underlagen$|bolagen$"
                        r"|(?:trafik|förmåns|kostnads|inkomst|utgifts|bränsle|skatte|träd|berg|åtgärds|art|energi)slagen$")
NAMED_ACT_KIND = {"förordningen": "förordning", "fördraget": "fördrag", "lagen": "lag", "balken": "lag"}
ACT_KINDS = set(NAMED_ACT_KIND.values())      # the kinds of legal act among steering documents
NOT_ACT_STEMS = {"ändrings", "tillämpnings", "genomförande", "instruktions", "bemyndigande", "övergångs", "följd", "förslag",
                 "förslags", "myndighets", "verkställighets", "anslags", "avgifts", "grund", "special", "huvud", "ram",
                 "straff", "ersättnings", "införande", "ikraftträdande", "följdändrings", "lag", "ny", "nya", "den", "denna"}
EU_DIRECTIVE_SHORT = re.compile(r"(?<![\w-])(?P<stem>[a-zåäö]{4,}|[A-ZÅÄÖ][\wåäö]{1,8}(?: (?:II|III|IV|\d))?-)direktivet(?![\wåäö-])")
NOT_EU_STEMS = {"tilläggs", "ändrings", "kommitté", "utrednings", "tillämpnings", "genomförande", "huvud", "grund",
                "förslags", "original", "moder", "eu-", "eg-", "dir-"}
# an agreement of the EU with a third country: "Associeringsavtal mellan Europeiska unionen, …, å ena sidan, och
# Georgien, å andra sidan"
SIDES_AGREEMENT = re.compile(r"(?<![\w-])(?P<k>[A-ZÅÄÖa-zåäö]*[Aa]vtal(?:et)?)\s+(?P<p>mellan\s+[^.;:\n]{3,200}?,\s+å\s+ena\s+sidan,"
                             r"\s+och\s+[^.;:\n]{2,120}?,\s+å\s+andra\s+sidan)")
# a supplementary directive, with its number if it is cited: "tilläggsdirektiv (dir. 2023:31)"; the month or the day it
# was decided, in its sentence: "I juli 2023 fick utredningen ytterligare ett tilläggsdirektiv", "Genom tilläggsdirektiv
# den 2 mars 2023 …"
SUPPLEMENTARY = re.compile(r"(?<![\w-])[Tt]illäggsdirektiv(?:et|en)?(?![\w-])"
                           r"(?:\s*\((?:[Dd]ir\.|[Kk]ommittédirektiv)\s?(?P<num>(?:19|20)\d\d:\d{1,3})\))?")
INQUIRY_NAMED = re.compile(r"(?i)\butredning|\butredare|\bkommitté")
SUPPLEMENT_MONTH = re.compile(r"(?i)\b(?:den\s+(?P<d>[1-9]|[12]\d|3[01])\s+|i\s+)(?P<m>januari|februari|mars|april|maj|juni|juli|"
                              r"augusti|september|oktober|november|december)\s+(?P<y>(?:19|20)\d\d)\b")
# "(dir. 2023:143)", "Dir. 2009:101", "kommittédirektiv 2017:124"
DIRECTIVE_CITED = re.compile(r"(?<![\w/])(?P<n>(?:[Dd]ir\.|[Kk]ommittédirektiv(?:et)?)\s?(?P<num>(?:19|20)\d\d:\d{1,3}))(?![\d:])")


# document kinds whose text is a steering document itself
DOCUMENT_IS_POLICY = {"okänd", "plan", "strategi", "handlingsplan", "verksamhetsplan", "program", "policy", "riktlinjer"}


# ---------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    kind: str
    form: str                  # name | support | anaphor | alias
    owner: str | None = None   # "muni", a body label, or None
    stem: str = ""
    topic: frozenset = frozenset()
    title: str | None = None
    title_score: float = 0
    years: tuple[str, str] | None = None
    pid: int | None = None


@dataclass
class PolicyDraft:
    kinds: Counter = field(default_factory=Counter)
    owner: str | None = None
    stem: str = ""
    topic: frozenset = frozenset()
    titles: list[tuple[float, int, str]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    policy: Policy | None = None

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]


class Reader:
    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.text = ctx.text
        self.mentions: list[Mention] = []
        self.drafts: list[PolicyDraft] = []
        muni = ctx.bodies.municipality or ""
        self.place_words = {degen(w.lower()) for w in re.findall(r"\w+", muni)}
        self.sentences = ctx.sentences()
        self.opinion_zones = opinion_zones(ctx.text)
        self.own: int | None = None          # the policy the document is (`_document_title`)

    def in_opinion(self, pos: int) -> bool:
        """Inside a reservation, särskilt uttalande or ersättaryttrande: a party's view, not a fact."""
        i = bisect_left(self.opinion_zones, (pos + 1,)) - 1
        return i >= 0 and self.opinion_zones[i][0] <= pos < self.opinion_zones[i][1]

    def bodies_in(self, a: int, b: int) -> list:
        """Body mentions inside text[a:b], in order (an index over ctx.bodies.mentions)."""
        if getattr(self, "_body_starts", None) is None or len(self._body_list) != len(self.ctx.bodies.mentions):
            self._body_list = sorted(self.ctx.bodies.mentions, key=lambda m: m.start)
            self._body_starts = [m.start for m in self._body_list]
        i = bisect_left(self._body_starts, a)
        out = []
        while i < len(self._body_list) and self._body_list[i].start < b:
            m = self._body_list[i]
            if m.end <= b:
                out.append(m)
            i += 1
        return out

    # ------------------------------------------------------------ helpers
    def is_sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos]
        return pos == 0 or bool(re.search(r"(?:^|[.!?:\n•]|\d\.)\s*$", before)) or self.text[pos - 1] == "\n"

    def owner_of(self, word: str) -> str | None:
        low = word.lower()
        if low in ("stadens", "kommunens", "stads", "kommuns"):
            return "muni" if self.ctx.bodies.municipality else None
        label = self.ctx.bodies.resolve(word)
        if not label:
            return None
        body = self.ctx.bodies.get(label)
        if body and (body.kind == "kommun" or label == self.ctx.bodies.municipality):
            return "muni"
        return label

    def topic_of(self, words: list[str]) -> frozenset:
        out = set()
        for w in words:
            lw = degen(w.lower())
            if lw in TOPIC_STOP or w.lower() in TOPIC_STOP or lw in self.place_words:
                continue
            out.add(lw)
        return frozenset(out)

    def for_home(self, words: list[str]) -> bool:
        """Whether a name's words after its noun say only that it is the municipality's or region's own: "(en ny
        översiktsplan) för Kiruna kommun", "(avfallsplan) för Sundsvalls kommun 2024–2030"."""
        rest = [w for w in words[1:] if not re.fullmatch(r"(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?|[-–]", w)]
        return bool(self.place_words) and words[:1] == ["för"] and bool(rest) \
            and all(degen(w.lower()) in self.place_words for w in rest)

    # ------------------------------------------------------------ reading one kind noun
    def left_context(self, start: int):
        """(owner, owner_surface, owner_start, determiner) of the words before a kind noun."""
        seg = self.text[max(0, start - 80):start]
        if "\n" in seg:
            seg = seg[seg.rfind("\n") + 1:]
        words = list(WORD.finditer(seg))
        base = start - len(seg)
        adjectives = 0
        determiner = None
        self.cap_prefix = None
        i = len(words) - 1
        # skip up to two adjectives / numbers ("20-åriga", "egen", "föreslagna", "stadsövergripande och sammanhållen")
        while i >= 0 and adjectives < 3:
            w = words[i].group()
            lw = w.lower()
            gap = seg[words[i].end():(words[i + 1].start() if i + 1 < len(words) else len(seg))]
            if gap.strip():
                break
            if lw in ARTICLES or lw in DEMONSTRATIVE:
                determiner = lw
                break
            if lw == "och" and adjectives:
                i -= 1
                continue
            if (re.fullmatch(r"\d+-årig[a]?|[a-zåäö]+(?:a|e|ade|ande|ende|iga|ig|isk|iska|ad|at|en|et|na|ell|ella|al|ala|sam)|"
                             r"[A-ZÅÄÖ][a-zåäö]+(?:ell|ella|ellt|al|ala|alt|isk|iska|iskt|sam|samma|ig|iga|igt|ad|ade|at)", w)
                    and lw not in FUNCTION and not lw.endswith(("ens", "ets", "ns", "s"))
                    and (w[:1].islower() or self.is_sentence_start(base + words[i].start()) or i == 0 or
                         not words[i - 1].group()[:1].isupper() or
                         words[i - 1].group().endswith("s") and self.owner_of(words[i - 1].group()))):
                adjectives += 1
                if w[:1].isupper():
                    self.cap_prefix = base + words[i].start()
                i -= 1
                continue
            break
        if determiner:
            return None, None, None, determiner
        if i < 0:
            return None, None, None, None
        w = words[i]
        gap = seg[w.end():(words[i + 1].start() if i + 1 < len(words) else len(seg))]
        if gap.strip() or not w.group().endswith("s"):
            if w.group().lower() in ARTICLES or w.group().lower() in DEMONSTRATIVE:
                return None, None, None, w.group().lower()
            return None, None, None, None
        surface, s = w.group(), base + w.start()
        # "Kultur- och fritidsnämndens": the body whose name ends in this genitive
        named = [mm for mm in self.ctx.bodies.mentions_in(max(0, start - 80), start)
                 if mm.end in (base + w.end(), base + w.end() - 1) and mm.start < s]
        if named:
            surface, s = self.text[named[0].start:base + w.end()], named[0].start
        # "Stockholms stads"
        if surface.lower() in ("stads", "kommuns", "läns") and i > 0:
            prev = words[i - 1]
            surface = seg[prev.start():w.end()]
            s = base + prev.start()
        owner = self.owner_of(surface)
        if owner is None and surface.lower() == "regeringens":
            owner = "Regeringen"
        if owner is None and re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+s (?:[Ss]tads|[Kk]ommuns)", surface):
            # a municipality the body index does not know ("Göteborgs Stads")
            muni = self.ctx.bodies.municipality
            owner = "muni" if muni is None or muni.split()[0].rstrip("s") == surface.split()[0].rstrip("s") \
                else surface
        if owner is None:
            return None, None, None, None
        return owner, surface, s, None

    def before_bracket(self, start: int) -> int | None:
        """For a mention that is the first thing in a bracket ("… i hemmet (Istanbulkonventionen)"), where the words
        before the bracket end; else None."""
        m = re.search(r"\s*\(\s*$", self.text[max(0, start - 40):start])
        return start - len(m.group()) if m else None

    def capital_article(self, start: int) -> int | None:
        """Where "En"/"Ett" begins a title before the kind noun at `start`, mid-sentence ("… skrivelse En samlad
        strategi för …"), or None."""
        m = re.search(r"(?<![.!?:\n]\s)(?<=\s)(?P<a>En|Ett)\s+(?:[a-zåäö][\wåäö-]*\s+){0,2}$", self.text[max(0, start - 60):start])
        if not m or self.is_sentence_start(max(0, start - 60) + m.start("a")):
            return None
        return max(0, start - 60) + m.start("a")

    def complement(self, pos: int, base: str) -> tuple[list[str], int]:
        """Words after a kind noun that say what it is about: ("för", "romsk", "inkludering"), end offset."""
        m = re.match(r"[ \t]+(?P<prep>för|mot|om|kring|avseende|gällande|inom)[ \t]+", self.text[pos:pos + 200])
        if not m:
            return [], pos
        words = [m["prep"]]
        end = pos + m.end()
        last_end = pos
        cur = end
        limit = 14
        while len(words) < limit:
            wm = re.match(r"(?P<w>[\wÅÄÖåäöÉé:][\wÅÄÖåäöÉé:-]*)", self.text[cur:cur + 200])
            if not wm:
                break
            w = wm["w"]
            lw = w.lower()
            nxt = re.match(r"[ \t]+(?P<w>[\wÅÄÖåäöÉé:][\wÅÄÖåäöÉé:-]*)", self.text[cur + wm.end():cur + wm.end() + 200])
            nw = nxt["w"] if nxt else ""
            if len(words) > 1 and (PASSIVE_VERB.fullmatch(w) or w in RUN_ON_HEADINGS):
                break                    # "… för föreningsbidrag Sammanfattning Förvaltningen …": a flattened heading
            if lw in FUNCTION and lw not in PREPOSITIONS:
                ok = False
                if lw == "och" and len(words) > 1 and nw and nw[:1].islower() and nw.lower() not in FUNCTION \
                        and nw.lower() not in ARTICLES and not parse_kind_word(nw):
                    ok = True
                elif lw == "i" and nw[:1].isupper():
                    ok = True
                elif lw == "i" and len(words) >= 2 and nw[:1].islower() and nw.lower() not in FUNCTION | ARTICLES:
                    ok = True            # "överenskommelsen om ökad tillgänglighet i hälso- och sjukvården"
                elif lw in ("av", "på", "vid") and nw[:1].islower() and nw.lower() != "remiss" and \
                        (nw.lower() not in FUNCTION or nw.lower() in ("den", "det", "de")):
                    ok = True
                elif lw in ("inom", "med", "en", "ett", "de", "den", "det", "till") and base == "motion":
                    ok = True
                elif lw in ("de", "den", "det", "en", "ett", "att") and len(words) == 1:
                    ok = True            # "strategi för ett utvecklat föräldrastöd", "plan för att öka …"
                elif lw in ("den", "det", "de") and words[-1].lower() in ("av", "för", "inom", "om", "mot") \
                        and nw[:1].islower() and nw.lower() not in FUNCTION:
                    ok = True            # "handlingsplan för genomförandet av den nationella strategin …"
                if not ok:
                    break
            if re.match(r"(?:19|20)\d\d(?:\D|$)", w) and (words[-1] not in BEFORE_PERIOD or "-" in w or "–" in w):
                break
            if words[-1] in PREPOSITIONS and re.fullmatch(r"(?:19|20)\d\d", w) and len(words) > 1:
                words.pop()              # "en plan för suicidprevention för 2016–2019": the period after the name
                break
            period = words[-1] in BEFORE_PERIOD and re.fullmatch(r"(?:19|20)\d\d", w)
            if period:
                # "en biblioteksplan för 2025–2028": the whole period is the name's, and ends it ("regleringsbrevet för
                # 2024 ska myndigheten …", "budgetpropositionen för 2025 föreslog regeringen …")
                wm = re.match(r"(?P<w>(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)\d\d\b)?)", self.text[cur:cur + 20])
                w = wm["w"]

            if lw in ("perioden", "åren", "tiden", "år", "året", "verksamhetsåret", "verksamhetsår") and \
                    re.match(r"(?:19|20)\d\d", nw or ""):
                break
            words.append(w)
            cur += wm.end()
            last_end = cur
            if period:
                break
            if nxt is None and w.endswith("-"):
                # "alkohol-, narkotika-, dopnings- och tobakspolitiken": a compound's parts in a row
                nxt = re.match(r",[ \t]+(?P<w>[\wÅÄÖåäöÉé][\wÅÄÖåäöÉé:-]*)", self.text[cur:cur + 200])
            elif nxt is None and len(words) > 1:
                # "planen för vård vid graviditet, förlossning och tiden efter": a row of nouns in the name
                nxt = re.match(r",[ \t]+(?P<w>[a-zåäö][\wåäö-]*)(?=(?:,[ \t]+[a-zåäö][\wåäö-]*)*[ \t]+och[ \t]+[a-zåäö])",
                               self.text[cur:cur + 200])
                if nxt and nxt["w"].lower() in FUNCTION | ARTICLES:
                    nxt = None
            if nxt is None:
                break
            cur += nxt.start("w")
        # drop trailing function words
        while len(words) > 1 and words[-1].lower() in FUNCTION | {"i", "de", "den", "det"}:
            words.pop()
        if len(words) < 2:
            return [], pos
        # recompute end from the kept words
        seg = self.text[pos:last_end]
        acc = 0
        endpos = pos
        for w in words:
            k = seg.find(w, acc)
            acc = k + len(w)
            endpos = pos + acc
        return words, endpos

    def _supplementary_directives(self, taken: list[tuple[int, int]]) -> None:
        """Each supplementary directive by the number or the month it is told with; one told without either is the
        last one named before it ("I tilläggsdirektivet justerades också …"), else the only one."""
        text, last = self.text, None
        for m in SUPPLEMENTARY.finditer(text):
            if m.start() < self.title_line_end or any(a <= m.start() < b for a, b in taken):
                continue
            start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            stop = len(text) if (e := re.compile(r"\.\s|\n").search(text, m.end())) is None else e.start()
            if not (self.ctx.kind == "betänkande" or INQUIRY_NAMED.search(text, start, stop)) or \
                    not m["num"] and DIRECTIVE_CITED.search(text, m.end(), stop):
                continue               # an EU act's ("Tilläggsdirektivet och ändringsdirektivet …"), or cited by number
            end, when = m.end(), None
            if m["num"]:
                when = f"dir. {m['num']}"
            else:
                month = SUPPLEMENT_MONTH.search(text, start, min(len(text), m.end() + 40))
                when = f"{month['d'] + ' ' if month['d'] else ''}{month['m']} {month['y']}".lower() if month else None
            if when is None and last is not None:
                topic, title = last
            else:
                topic, title = frozenset({"tilläggsdirektiv", when or ""}), f"Tilläggsdirektiv ({when})" if when else "Tilläggsdirektiv"
                if when:
                    last = topic, title
            self.mentions.append(Mention(m.start(), end, "kommittédirektiv", "name", topic=topic, title=title,
                                         title_score=2))
            taken.append((m.start(), end))

    def years_after(self, pos: int) -> tuple[tuple[str, str] | None, int]:
        m = re.match(r"[ \t\n]+(?:(?:för|under)[ \t]+)?(?:(?:(?:verksamhets)?år(?:et|en)?|perioden|tiden)[ \t]+)?(?P<a>(?:19|20)\d\d)"
                     r"(?:[ \t]*[-–][ \t]*(?P<b>(?:19|20)\d\d))?(?![\d/:-])", self.text[pos:pos + 200])
        if not m:
            return None, pos
        return (m["a"], m["b"] or m["a"]), pos + m.end()

    # ------------------------------------------------------------ pass 1: mentions
    def find_mentions(self) -> None:
        text = self.text
        taken: list[tuple[int, int]] = []
        first = re.search(r"[^\s#][^\n]*", text)
        # (the line of the document's title, where a letterhead or a breadcrumb stands above it)
        title = self.ctx.out.document.title
        at = text.find(title[:60], 0, 1500) if title else -1
        if first and at > first.end():
            first = re.compile(r"[^\n]*").match(text, at)
        self.title_line_start = first.start() if first else 0
        self.title_line_end = first.end() if first and self.ctx.kind in DOCUMENT_IS_POLICY else -1
        # "den minoritetspolitiska strategin": a policy named by its specific adjective
        for m in SPECIFIC_DEFINITE.finditer(text):
            a_, n_ = ("adj", "noun") if m["adj"] else ("adj2", "noun2")
            adj, noun = m[a_].rstrip("a") + "a", DEFINITE_NOUN.get(m[n_], m[n_])
            parsed = parse_kind_word(noun)
            if not parsed or adj.lower() in GENERIC_ADJECTIVES:
                continue
            kind = BASE_KIND.get(parsed[1], parsed[1])
            self.mentions.append(Mention(m.start(a_), m.end(n_), kind, "name", topic=frozenset({adj.lower()}),
                                         title=f"{adj} {noun}", title_score=1.5))
            taken.append((m.start(a_), m.end(n_)))
        # "handlingsplan 2 och 3 i livsmedelsstrategin", "Livsmedelsstrategin 2.0": a numbered edition
        for m in NUMBERED.finditer(text):
            parsed = parse_kind_word(m["word"])
            if not parsed or (parsed[1] == "plan" and not parsed[0]) or any(a <= m.start() < b for a, b in taken):
                continue
            kind = BASE_KIND.get(parsed[1], parsed[1])
            for g in ("num", "num2"):
                if m[g]:
                    title = cap(f"{m['word']} {m[g]}") if m["word"][:1].isupper() else f"{m['word']} {m[g]}"
                    self.mentions.append(Mention(m.start(), m.end(g), kind, "name", stem=parsed[0],
                                                 topic=frozenset({m[g]}), title=title, title_score=3))
            taken.append((m.start(), m.end()))
        # "Tillsammans mot brott – ett nationellt brottsförebyggande program"
        for m in SUBTITLED.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or self.ctx.bodies.mentions_in(m.start("title"), m.end("title")):
                continue
            kind = BASE_KIND.get(m["noun"], m["noun"])
            title = norm_space(f"{m['title']} – {m['sub']}")
            # "– nationell cancerstrategi 2.0": later "cancerstrategin" is this document
            stem = re.search(r"([a-zåäö]*)" + m["noun"] + r"\b", m["sub"]).group(1)
            self.mentions.append(Mention(m.start(), m.end(), kind, "name", stem=stem,
                                         topic=self.topic_of(re.findall(r"\w+", m["title"])), title=title, title_score=4))
            taken.append((m.start(), m.end()))
        # "visionen Ett gott liv i en hållbar kommun", "programmet Sverige bygger": a name after the noun
        for m in NAMED_AFTER_NOUN.finditer(text):
            if self.ctx.bodies.mentions_in(m.start("name"), m.end("name")):
                continue
            parsed = parse_kind_word(m["noun"])
            if not parsed:
                continue
            kind = BASE_KIND.get(parsed[1], parsed[1])
            name = norm_space(m["name"]).strip("«»\"”")
            if name.split()[0] in ("En", "Ett") and any(parse_kind_word(w) for w in name.split()[1:3]):
                continue              # "livsmedelsstrategin En livsmedelsstrategi för Sverige – …": a name of its own kind
            self.mentions.append(Mention(m.start(), m.end("name"), kind, "name",
                                         topic=self.topic_of(re.findall(r"\w+", name)), title=name, title_score=3.5))
            taken.append((m.start(), m.end("name")))
        for m in NAMED_AGREEMENT.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            stem = m["name"][:-len("avtalet")].rstrip("-").lower()
            self.mentions.append(Mention(m.start("name"), m.end("name"), "avtal", "name", topic=frozenset({stem}),
                                         title=m["name"], title_score=3))
            taken.append((m.start("name"), m.end("name")))
        for m in AGREEMENT_BETWEEN.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            kind = "avtal" if m["k2"] else "överenskommelse"
            if m["k2"] and m["parties2"].startswith("med") and self.ctx.bodies.municipality:
                continue               # a municipality's contract "med Sweco om konsulttjänster" is no agreement of policy
            title = f"{cap(kind)} {norm_space(m['parties'] or m['parties2'])} om {norm_space(m['t'])}"
            self.mentions.append(Mention(m.start(), m.end("t"), kind, "name", topic=self.topic_of(re.findall(r"\w+", m["t"])),
                                         title=title, title_score=3))
            taken.append((m.start(), m.end("k") if m["k"] else m.end("k2")))   # a policy named in its subject still counts
        for m in AGREEMENT_MADE.finditer(text):
            if any(a <= m.start("k") < b for a, b in taken) or not (m["t"] or m["adj"]):
                continue          # ("ingått ett avtal med X": a contract, no policy named)
            kind = "överenskommelse" if m["k"] == "överenskommelse" else "avtal"
            words = f"{m['adj'] or ''}{m['k']}{' om ' + norm_space(m['t']) if m['t'] else ''}"
            start = m.start("adj") if m["adj"] else m.start("k")
            self.mentions.append(Mention(start, m.end("t") if m["t"] else m.end("k"), kind, "name",
                                         topic=self.topic_of(re.findall(r"\w+", words)), title=cap(words), title_score=3))
            taken.append((start, m.end("k")))
        for act, kind in ((EU_DIRECTIVE, "direktiv"), (EU_REGULATION, "förordning")):
            for m in act.finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                num = re.sub(r"\s+", " ", m["num"] or m["num2"] or "")
                subject = norm_space(m["t"] or m["t2"] or "")
                if kind == "förordning":
                    subject = re.sub(r"\s+(?:och|samt|eller)$", "", subject)     # "… om medicintekniska produkter och"
                # (the short form "EG-direktivet om personuppgifter" is known by its subject, with its number or without)
                topic = frozenset({num}) if m["num"] else self.topic_of(re.findall(r"\w+", subject))
                # the issuer is its owner: "Europaparlamentets och rådets direktiv …" was adopted by the parliament
                # (and "rådets direktiv" by the Council, which the bodies stage knows by these words only)
                owner = EU_COUNCIL_LABEL if m["issuer"] and m["issuer"].lower() == "rådets" and self.ctx.bodies.get(EU_COUNCIL_LABEL) \
                    else self.ctx.bodies.resolve(m["issuer"]) if m["issuer"] else None
                title = norm_space(m.group())
                if kind == "förordning":
                    # a regulation's title: name and number, and what it is about where that is short ("Rådets
                    # förordning (EU) 2022/1854 om en krisintervention …" is known by its number); not its date
                    title = norm_space(f"{text[m.start():m.start('num')]}{num}" if m["num"] else m["short"])
                    if subject and len(f"{title} om {subject}".split()) <= 16:
                        title = f"{title} om {subject}"
                self.mentions.append(Mention(m.start(), m.end(), kind, "name", owner=owner, topic=topic, title=cap(title),
                                             title_score=3))
                taken.append((m.start(), m.end()))
        # a statute named by its kind, number and subject ("lagen (2008:206) om underrättelseskyldighet …"), a steering
        # document as "miljöbalken" is; known by its number, in the form of the statute book ("Lag (2008:206) om …")
        for sfs, name, title, a, b in laws.cited(text):
            kind = name.lower()
            if kind not in ACT_KINDS or not title or title == name or title[len(name):].startswith((" om ändring", " med ändring")) \
                    or any(x <= a < y for x, y in taken):
                continue                  # (an act amending another names no steering document of its own)
            self.mentions.append(Mention(a, b, kind, "name", topic=frozenset({sfs}),
                                         title=f"{name} ({sfs}){title[len(name):]}", title_score=2.5))
            taken.append((a, text.index(")", a) + 1))    # a plan its subject names is a steering document too
        for m in NAMED_ACT.finditer(text):
            stem = m["stem"].lower()
            if stem in NOT_ACT_STEMS or NOT_AN_ACT.search(m["name"]) or any(a <= m.start() < b for a, b in taken):
                continue
            self.mentions.append(Mention(m.start(), m.end(), NAMED_ACT_KIND[m["kind"]], "name",
                                         topic=frozenset({stem}), title=cap(m["name"]), title_score=2))
            taken.append((m.start(), m.end()))
        for m in EU_DIRECTIVE_SHORT.finditer(text):
            stem = m["stem"].lower()
            if stem in NOT_EU_STEMS or any(a <= m.start() < b for a, b in taken):
                continue
            self.mentions.append(Mention(m.start(), m.end(), "direktiv", "name", topic=frozenset({stem.rstrip("-")}),
                                         title=cap(m.group()), title_score=2))
            taken.append((m.start(), m.end()))
        for m in SIDES_AGREEMENT.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            title = cap(f"{m['k'].lower().removesuffix('et')} {norm_space(m['p'])}")
            self.mentions.append(Mention(m.start(), m.end(), "avtal", "name", topic=self.topic_of(re.findall(r"\w+", m["p"])),
                                         title=title, title_score=3))
            taken.append((m.start(), m.end()))
        # the supplementary directives an inquiry was given, as its report tells of them: "Genom tilläggsdirektiv den 2 mars
        # 2023 …", "I juli 2023 fick utredningen ytterligare ett tilläggsdirektiv …", "tilläggsdirektiv (dir. 2023:31)"
        if self.ctx.kind != "kommittédirektiv":
            self._supplementary_directives(taken)
        # a committee's directive cited by its number: "Utredningens uppdrag (dir. 2023:143) har varit att …"
        for m in DIRECTIVE_CITED.finditer(text):
            if m.start() < self.title_line_end or any(a <= m.start() < b for a, b in taken):
                continue               # (a directive's own number, glued to its title, is the document itself)
            self.mentions.append(Mention(m.start("n"), m.end("n"), "kommittédirektiv", "name",
                                         topic=frozenset({m["num"]}), title=f"Dir. {m['num']}", title_score=3))
            taken.append((m.start("n"), m.end("n")))
        # motions: "Motion om en handlingsplan för …, av …"
        for m in re.finditer(r"\b(?P<k>[Mm]otion(?:en)?) om (?P<t>[^,.\n(]{5,160}?)(?=,|\.|\n|\(| av [A-ZÅÄÖ]| till | från |$)", text):
            title = "Motion om " + norm_space(m["t"])
            mention = Mention(m.start(), m.end("t"), "motion", "name", stem="",
                              topic=self.topic_of(re.findall(r"\w+", m["t"])), title=title,
                              title_score=3 if m["k"][0] == "M" else 1)
            self.mentions.append(mention)
            taken.append((m.start(), m.end("t")))
        for m in KIND_TOKEN.finditer(text):
            s, e = m.start("word"), m.end("word")
            if any(a <= s < b for a, b in taken) or text[s - 1:s] == "/" or re.search(r"\]\([^)\s]*$", text[max(0, s - 300):s]):
                continue                  # also not a word of a link's address ("…/cancerstrategi-thumb.png")
            parsed = parse_kind_word(m["word"])
            if not parsed:
                continue
            stem, base, form = parsed
            kind = BASE_KIND.get(base, base)
            if base == "motion":
                if form in ("def", "defgen"):
                    self.mentions.append(Mention(s, e, kind, "anaphor"))
                continue
            word = m["word"]
            capital = word[:1].isupper()
            at_start = self.is_sentence_start(s)
            owner, owner_surface, owner_start, determiner = self.left_context(s)
            cap_prefix = self.cap_prefix if not owner_surface and not determiner else None
            paired = PAIRED_NAME.search(text[max(0, s - 30):s]) if not capital else None
            if paired:
                cap_prefix = max(0, s - 30) + paired.start("p")
            words, cend = self.complement(e, base) if base not in ("budget", "vision", "agenda") else ([], e)
            years, yend = self.years_after(cend if words else e)
            if years and years[0] == years[1] and ADOPTED_IN_YEAR.match(text, cend if words else e) \
                    and WAS_ADOPTED.search(text, max(0, s - 120), s):
                years = None                  # "Kommunfullmäktige antog riktlinjer för föreningsbidrag 2019": the year it was adopted
            ym = re.fullmatch(r"((?:19|20)\d\d)[ \t]*[-–][ \t]*((?:19|20)\d\d)", words[-1]) if words and years is None else None
            if ym:
                years = ym[1], ym[2]          # the period the name ends with ("för 2025–2028")
            # a proper name after a capitalised kind noun: "Digitaliseringsprogram Stockholms stad", "Vision 2040"
            proper_end = None
            if capital and not words and not at_start:
                pm = re.match(r" (?:[A-ZÅÄÖ][a-zåäö]+s (?:stad|kommun)|[A-ZÅÄÖ][a-zåäö]+ (?:stad|kommun))\b", text[e:e + 200])
                if pm:
                    proper_end = e + pm.end()
            subtitle_end = None
            if capital and (stem or words):
                sm = re.match(r" [–-] (?:ett|en) [^.,;\n()]{3,60}?(?=[,.;\n(]| som | och |$)", text[(cend if words else e):(cend if words else e) + 200])
                if sm:
                    subtitle_end = (cend if words else e) + sm.end()
            topic = self.topic_of(words[1:]) if words else frozenset()
            # a national steering document about a topic is one document, named or not ("nationella riktlinjer för
            # förlossningsvården", "en nationell strategi för att stärka barnets rättigheter")
            national = bool(NATIONAL_BEFORE.search(text, max(0, s - 40), s)) and not stem \
                and not re.search(r"\b[Ff]örslag(?:et)?\s+(?:om|till)\s+(?:en|ett)?\s*[Nn]ationell", text[max(0, s - 60):s])
            if words and not capital and (cap_prefix is None or self.is_sentence_start(cap_prefix)) \
                    and not (topic - GENERIC_TOPIC) and not (determiner in ("en", "ett") and self.capital_article(s)) \
                    and not (stem and self.for_home(words)) \
                    or words and {w.lower() for w in words} & {"dessa", "denna", "detta"}:
                words, cend, topic = [], e, frozenset()     # also "strategin för att nå dessa mål": no name
            if kind in ("budget", "vision", "agenda") and years:
                topic = topic | {years[0] if years[0] == years[1] else f"{years[0]}-{years[1]}"}
            is_plural = form in ("pl", "pldef") and base != "riktlinje"
            if is_plural or form in ("gen",):
                continue
            definite = form in ("def", "defgen") or (base == "riktlinje" and form == "def")
            named = contextual = False
            score, edition_end = 0.0, None
            if base in ("vision", "agenda"):
                named = capital and (years is not None or proper_end is not None) and not definite
                score = 3
            elif base == "budget":
                named = (years is not None or bool(words) and any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words)
                         or stem == "stats" and definite) and determiner not in ARTICLES     # also "statsbudgeten"
                score = 2 if owner else 1
            elif owner and owner != "muni" and not owner.startswith(("Regering",)) \
                    and kind in ("verksamhetsplan", "reglemente") and not determiner:
                named = True
                score = 2
            elif determiner in ("en", "ett") and words and self.capital_article(s):
                named = True               # "skrivelsen En samlad strategi för …": a title that begins with "En"
                score = 3
                cap_prefix = self.capital_article(s)
            elif not words and not owner and re.match(r"\s+[–—]\s", text[e:e + 3]) and self.capital_article(s):
                named = True               # "beslutade … En svensk maritim strategi – för människor, jobb och miljö"
                score = 3
                cap_prefix = self.capital_article(s)
            elif determiner in ("en", "ett") and words and (words[1:2] != ["att"] or not stem and len(words) >= 4) and \
                    words[1:2] not in (["hur"], ["vad"], ["vilka"], ["vilken"], ["ytterligare"]) and \
                    ADOPTED_BEFORE.search(text[max(0, s - 80):s]):
                # "antog 2016 en plan för suicidprevention", "anta ett program för att förebygga …"; but "beslutat om en
                # demensstrategi för att stärka vården" names the strategy by its compound and says what it is for
                named = True
                score = 1
            elif determiner in ("en", "ett") and (national or FORTHCOMING_BEFORE.search(text, max(0, s - 40), s) and not stem) \
                    and words and (topic - GENERIC_TOPIC):
                named = True               # "föreslå en nationell plan för att minska bristen på vårdplatser", "inom
                score = 1                  # ramen för en kommande långsiktig strategi avseende mäns våld mot kvinnor"
            elif determiner in ("en", "ett") and words and MADE_AFTER.match(text, cend):
                named = True               # "en handlingsplan för interoperabilitet (digital samverkan) har tagits fram"
                score = 1
            elif determiner in ("en", "ett") and years is not None and _dated_compound(stem) and ADOPTED_BY.match(text, yend):
                named = contextual = True  # "en föreningspolicy för åren 2010–2014 antagen av kommunfullmäktige …"
                score = 1
            elif determiner in ARTICLES:
                named = False
            elif definite:
                named = bool(words) and (determiner != "de" or national)     # "de svenska riktlinjerna för …"
                score = 0 if not owner else 1.5
                # (not the compound of one named before: "Klimatplan för X 2024–2030 ⏎ Klimatplanen antogs …" is
                # that plan again)
                if not named and stem and not determiner and stem.rstrip("-") not in PERSONAL_STEMS and (
                        years is not None or s < self.title_line_end or ADOPTED_AFTER.match(text, e) or
                        ADOPTED_BEFORE.search(text[max(0, s - 80):s])) and not (years is None and any(
                            x.form == "name" and x.kind == kind and (x.stem or "").rstrip("-") == stem.rstrip("-")
                            for x in self.mentions)):
                    named = contextual = True    # "regionplanen 2022–2024", "Krisledningsplanen revideras …"
                    score = 1
                dated = re.match(r"[ \t]+från[ \t]+(?:år[ \t]+)?(?:19|20)\d\d\b", text[e:e + 20])
                if not named and stem and dated and determiner in (None, "den", "det") and \
                        stem.rstrip("-") not in PERSONAL_STEMS:
                    named = contextual = True    # "den första cancerstrategin från 2009": an edition by its year
                    score, edition_end = 1, e + dated.end()
            elif owner:
                named = bool(words) or bool(stem)
                score = 2 if owner_surface and owner_surface[:1].isupper() else 1.5
            elif capital:
                # (and its own title line with its years: "Verksamhetsplan 2023")
                named = bool(words) or bool(stem) and (not at_start or bool(words)) or proper_end is not None or \
                    years is not None and (s < self.title_line_end or _dated_compound(stem))
                score = 3 if not at_start else 2.5
            elif not determiner:
                named = bool(words) and (not stem or base not in ("program", "plan") or
                                         any(w[:1].isupper() for w in words[1:]))
                # what a meeting decides to adopt names the document: "att anta reviderad delegationsordning"
                if not named and (stem or base in ("delegationsordning", "arbetsordning", "reglemente", "verksamhetsplan",
                                                   "handlingsplan")) and self.ctx.kind == "protokoll" and not owner and \
                        re.search(r"\b(?:anta|antar|antog|fastställa|fastställer)\s+(?:(?:reviderad|reviderat|reviderade|ny|nytt|nya|uppdaterad|uppdaterat|"
                                  r"uppdaterade)\s+)?$", text[max(0, s - 40):s]):
                    named = contextual = True
                if not named and years is not None and _dated_compound(stem):
                    named = contextual = True    # "godkänna miljöhandlingsplan 2021–2024": a compound with its period
                if named and base in ("program", "plan", "riktlinje") and not NAMING_CONTEXT.search(text[max(0, s - 40):s]) \
                        and not national and not (stem and self.for_home(words)):
                    named = False        # "erbjuda program för nyanlända" is an activity, not a document
                score = 1
            if base in ("program", "plan") and stem and not owner and not capital and not words and not contextual:
                named = False
            end = max(x for x in (e, cend if words else e, proper_end or e, subtitle_end or e, edition_end or e,
                                  yend if kind in ("budget", "vision", "agenda") and years else e))
            if cap_prefix is not None and form == "indef" and (words or stem or s < self.title_line_end or
                                                                not self.is_sentence_start(cap_prefix)):
                named, score = True, 3         # also "Strategisk plan", the title of the document itself
            if named:
                adjectives = norm_space(text[owner_start + len(owner_surface):s]) if owner_surface else ""
                title = self.render_title(word, stem, base, form, owner, owner_surface, text[e:end], years, kind,
                                          adjectives if re.fullmatch(r"[a-zåäö0-9][\wåäö -]*", adjectives) else "")
                mstart = owner_start if owner_surface else s
                if cap_prefix is not None:
                    prefix = norm_space(text[cap_prefix:s])
                    title = cap(prefix) + " " + title[:1].lower() + title[1:] \
                        if not re.match(r"[A-ZÅÄÖ][\wåäö]*[A-ZÅÄÖ-]", title) else cap(prefix) + " " + title
                    mstart = cap_prefix
                self.mentions.append(Mention(mstart, end, kind, "name", owner=owner, stem=stem, topic=topic,
                                             title=title, title_score=score, years=years if kind != "budget" else years))
            elif words and determiner in ARTICLES:
                self.mentions.append(Mention(s, end, kind, "support", owner=owner, stem=stem, topic=topic))
            elif definite or (owner and not words) or (determiner in ("denna", "detta") and not words):
                # "strategin", "regeringens strategi", "denna strategi": one named before or after
                self.mentions.append(Mention(owner_start if owner_surface else s, e, kind, "anaphor",
                                             owner=owner, stem=stem))
            elif stem and determiner in ARTICLES:
                self.mentions.append(Mention(s, e, kind, "support", owner=owner, stem=stem))
        self.mentions.sort(key=lambda x: x.start)
        # a policy named inside another's name ("handlingsplan för genomförandet av den nationella strategin … för
        # perioden 2025–2026") does not take the period that ends the outer name
        names = [m for m in self.mentions if m.form == "name"]
        for m in names:
            if m.years and any(n.start < m.start and n.end >= m.end and n is not m for n in names):
                m.years = None

    def render_title(self, word, stem, base, form, owner, owner_surface, rest, years, kind, adjectives="") -> str:
        """The title of a named mention: its owner ("Regeringens"), the adjectives the text puts before the
        noun ("nationella"), the noun and what it is about."""
        noun = word[:len(stem) + len(base)] + ("r" if base == "riktlinje" else "")
        # (a page's label glued to its title line is no part of the name: "… för banbrytande teknikDiarienummer: U2025/…")
        rest = re.sub(r"(?<=[a-zåäö)])(?:Diarienummer|Diarienr|Dnr)\b.*$", "", norm_space(rest))
        if kind not in ("budget", "vision", "agenda") and years:
            rest = re.sub(r"\s*(?:(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?$", "", rest)
            rest = re.sub(r"^(?:för|under)$", "", rest)       # "Biblioteksplan för 2025–2028": the period was all it said
        title = noun + (" " + rest if rest else "")
        if owner_surface:
            low = owner_surface.lower()
            if low in ("stadens", "kommunens", "regionens", "nämndens", "förvaltningens", "styrelsens"):
                label = self.ctx.bodies.municipality if owner == "muni" else owner
                if label:
                    owner_surface = label + ("" if label.endswith("s") else "s")
            proper = bool(re.match(r"[A-ZÅÄÖ][\wåäö]*[A-ZÅÄÖ-]", noun))
            title = cap(norm_space(owner_surface)) + " " + (adjectives + " " if adjectives else "") + \
                (noun if proper else noun[:1].lower() + noun[1:]) + (" " + rest if rest else "")
        return cap(title)

    # ------------------------------------------------------------ pass 2: policies
    def compatible(self, m: Mention, d: PolicyDraft, loose: bool = False) -> bool:
        o1, o2 = m.owner, d.owner
        muni = bool(self.ctx.bodies.municipality)
        if o1 != o2:
            if o1 is None and o2 == "muni" or o2 is None and o1 == "muni":
                pass
            elif (o1 is None or o2 is None) and not muni:
                pass
            else:
                return False
        if m.stem.rstrip("-") != d.stem.rstrip("-"):
            return False
        same_kind = m.kind in d.kinds
        if m.topic and d.topic:
            other_years = {x.years for x in d.mentions if x.years}
            if m.years and other_years and m.years not in other_years:
                return False             # "Handlingsplan mot buller 2018–2023" is the plan this one replaces
            if m.topic == d.topic:
                return same_kind or (m.kind in GUIDE_KINDS and set(d.kinds) & GUIDE_KINDS) or \
                    (m.kind in PLAN_KINDS and set(d.kinds) & PLAN_KINDS)
            if same_kind and (m.topic < d.topic or d.topic < m.topic):
                years = {x.years for x in d.mentions if x.years}
                return not (m.years and years and m.years not in years)
            return False
        if not m.topic and not d.topic:
            return same_kind and bool(m.stem)
        return False

    def build(self) -> None:
        # "Europarådets konvention om … (Istanbulkonventionen)": the name in brackets is the other's alias (_aliases)
        ends = {m.end: m.kind for m in self.mentions if m.form == "name"}
        aliases = set()
        for m in self.mentions:
            if m.form == "name" and self.text[m.end:m.end + 1] == ")" and m.title and m.title[:1].isupper() and \
                    ends.get(self.before_bracket(m.start)) == m.kind:
                aliases.add(self.text[m.start:m.end])
        for m in self.mentions:
            if m.form == "name" and self.text[m.start:m.end] in aliases:
                m.form = "covered"
        for m in self.mentions:
            if m.form != "name":
                continue
            target = next((d for d in self.drafts if self.compatible(m, d)), None)
            if target is None:
                target = PolicyDraft(owner=m.owner, stem=m.stem, topic=m.topic)
                self.drafts.append(target)
            elif target.owner is None and m.owner:
                target.owner = m.owner
            if len(m.topic) > len(target.topic):
                target.topic = m.topic
            target.kinds[m.kind] += 2
            target.titles.append((m.title_score, m.start, m.title))
            target.mentions.append(m)
            m.pid = self.drafts.index(target)
        self._repeated_compounds()
        self._aliases()
        for m in self.mentions:
            if m.form == "support":
                cands = [d for d in self.drafts if self.compatible(m, d, loose=True)]
                if len(cands) >= 1:
                    d = cands[0]
                    m.pid = self.drafts.index(d)
                    d.mentions.append(m)
        self._anaphora()

    def _repeated_compounds(self) -> None:
        """'Miljöprogrammet' used again and again with no other name: the document's name for that policy; and
        'livsmedelsstrategin' even once, a compound whose first part says what it is about."""
        groups: dict[tuple[str, str], list[Mention]] = {}
        for m in self.mentions:
            if m.form == "anaphor" and m.stem and not m.owner and len(m.stem.rstrip("-")) >= 4:
                groups.setdefault((m.stem.rstrip("-"), m.kind), []).append(m)
        names = {m.end: m for m in self.mentions if m.form == "name" and m.pid is not None}
        for (stem, kind), ms in groups.items():
            if any(d.stem.rstrip("-") == stem for d in self.drafts):
                continue
            # the short name in brackets after the full one: "FN:s konvention om barnets rättigheter (barnkonventionen)"
            named = next((names[e] for m in ms for e in [self.before_bracket(m.start)] if e in names), None)
            if named is not None:
                self.drafts[named.pid].aliases.add(self.text[ms[0].start:ms[0].end])
                for m in ms:
                    m.pid, m.form = named.pid, "compound"
                    self.drafts[named.pid].mentions.append(m)
                continue
            # once is enough for the state's "livsmedelsstrategin", not for "tidsplanen" or a municipality's "vårdplanen"
            if len(ms) < 2 and (stem in WORKING_STEMS or stem in PERSONAL_STEMS or len(stem) < 4 or
                                self.ctx.bodies.municipality):
                continue
            first = ms[0]
            word = self.text[first.start:first.end]
            base = next(b for b in BASES if BASE_KIND.get(b, b) == kind)
            title = cap(word[:len(first.stem) + len(base)] + ("r" if base == "riktlinje" else ""))
            d = PolicyDraft(owner="muni" if self.ctx.bodies.municipality else None, stem=first.stem)
            d.kinds[kind] += 2
            d.titles.append((0.5, first.start, title))
            self.drafts.append(d)
            for m in ms:
                m.pid = len(self.drafts) - 1
                m.form = "compound"
                d.mentions.append(m)

    def _aliases(self) -> None:
        """'Stockholms stads program för de mänskliga rättigheterna (MR-programmet)'."""
        text = self.text
        for m in list(self.mentions):
            if m.form != "name" or m.pid is None:
                continue
            am = re.match(r"\s*\((?P<a>[A-ZÅÄÖ][\wÅÄÖåäö-]{1,30})\)", text[m.end:m.end + 200])
            if not am:
                continue
            alias = am["a"]
            d = self.drafts[m.pid]
            d.aliases.add(alias)
            for om in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                if om.start() == m.end + am.start("a"):
                    continue
                # an alias swallows the kind-noun mention on the same span
                for x in self.mentions:
                    if x.start >= om.start() and x.end <= om.end() and x.pid is None:
                        x.form = "covered"
                self.mentions.append(Mention(om.start(), om.end(), d.kind, "alias", pid=m.pid))
        self.mentions = sorted((x for x in self.mentions if x.form != "covered"), key=lambda x: x.start)

    def _anaphora(self) -> None:
        # votes: explicit mentions per policy, per section
        for m in self.mentions:
            if m.form != "anaphor" or m.pid is not None:
                continue
            d = self.resolve_anaphor(m)
            if d is not None:
                m.pid = self.drafts.index(d)
                if m.form == "anaphor":
                    d.kinds[m.kind] += 1

    def section_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.sections:
            if a <= pos < b:
                return a, b
        return 0, len(self.text)

    def counts_in(self, a: int, b: int) -> Counter:
        return Counter(m.pid for m in self.refs_in(a, b))

    def resolve_anaphor(self, m: Mention) -> PolicyDraft | None:
        a, b = self.section_of(m.start)
        counts = self.counts_in(a, b)
        if not counts:
            counts = self.counts_in(0, len(self.text))

        def pick(pred):
            cands = [(n, -pid) for pid, n in counts.items() if pred(self.drafts[pid])]
            if not cands:
                return None
            return self.drafts[-max(cands)[1]]

        if m.stem:
            return pick(lambda d: d.stem.rstrip("-") == m.stem.rstrip("-") and m.kind in d.kinds) or \
                pick(lambda d: d.stem.rstrip("-") == m.stem.rstrip("-"))
        if m.owner and m.owner != "muni":
            return pick(lambda d: d.owner == m.owner and m.kind in d.kinds)
        found = pick(lambda d: m.kind in d.kinds and (d.owner in (None, "muni") or m.owner is None))
        if found:
            return found
        if m.kind == "plan":
            found = pick(lambda d: set(d.kinds) & PLAN_KINDS)
            if found:
                return found
        # "programmet" for the strategy a document answering a remiss discusses
        if m.kind in GUIDE_KINDS | PLAN_KINDS and m.owner in (None, "muni") and \
                self.ctx.kind in ("tjänsteutlåtande", "kontorsyttrande", "remissvar", "protokoll"):
            main = self.main_policy(m.start)
            if main is not None and main.kind not in ("budget", "motion", "vision"):
                m.form = "fallback"
                return main
        return None

    def document_policy(self) -> int | None:
        """The policy a steering document *is*, as its title line names it (`_document_title`)."""
        return self.own

    def main_policy(self, pos: int) -> PolicyDraft | None:
        a, b = self.section_of(pos)
        # a directive cited by number is what its own sentence is about, never the section's subject
        counts = Counter({p: n for p, n in self.counts_in(a, b).items() if self.drafts[p].kind != "kommittédirektiv"})
        if not counts:
            return None
        pid = max(counts, key=lambda p: (counts[p], -p))
        d = self.drafts[pid]
        rest = {p: n for p, n in counts.items() if self.drafts[p].kind != "budget"}
        if d.kind == "budget" and rest:     # a budget is the main policy only where nothing else is named
            d = self.drafts[max(rest, key=lambda p: (rest[p], -p))]
        return d

    # ------------------------------------------------------------ refs
    def refs_in(self, a: int, b: int, weak: bool = True) -> list[Mention]:
        """Policy mentions starting in text[a:b]; weak=False leaves out budgets (a footnote's budget is no topic)."""
        if getattr(self, "_ref_starts", None) is None or self._ref_count != len(self.mentions):
            self._ref_starts = [m.start for m in self.mentions]
            self._ref_count = len(self.mentions)
        i = bisect_left(self._ref_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].pid is not None:
                out.append(self.mentions[i])
            i += 1
        if not weak:
            out = [m for m in out if self.drafts[m.pid].kind not in ("budget", "motion")]
        return out

    def title(self, pid: int | None) -> str | None:
        return self.drafts[pid].policy.title if pid is not None else None


# a year alone after a steering document's name that a council adopted: when, not for how long
WAS_ADOPTED = re.compile(r"\b(?:antog|antogs|antagit|antagits|fastställde|fastställdes|fastställt|beslutade\s+om|beslöt\s+om)\b"
                         r"[^.;:\n]*$")
ADOPTED_IN_YEAR = re.compile(r"[ \t]+(?:19|20)\d\d[ \t]*(?:[.,;]|$)", re.M)

# ---------------------------------------------------------------- facts about policies
REL_CUES = [
    (r"\bkompletterar\b|\b(?:är|utgör|presenteras som|som) ett komplement till\b", "complements"),
    (r"\butgår (?:[\wåäö]+ ){0,4}?(?:från|ifrån)\b|\btar (?:sin )?utgångspunkt i\b|\bhar sin utgångspunkt i\b"
     r"|\bbygger på\b|\bbaseras på\b|\bgrundar sig på\b", "based_on"),
    (r"\bingår i\b|\bär en del av\b|\butgör en del av\b|\binom ramen för\b", "part_of"),
    (r"\bi enlighet med\b|\bför (?:att genomföra|genomförandet av)\b", "based_on"),
    (r"\bersätter\b", "replaces"),
    (r"\bhänger (?:[\wåäö]+ )?ihop med\b|\bhar (?:en )?(?:tydlig |stark |nära )?koppling till\b|\bkopplar till\b"
     r"|\bkopplas till\b|\bär kopplad till\b|\bsamverkar med\b", "related"),
]
MODAL = re.compile(r"\b(?:bör|borde|skulle|saknas|saknar|föreslår att|önskar|kan)\b")


TITLE_HALVES = re.compile(r"\s*(?:[–—:]|\s-)\s+")
STEERING_KINDS = {"plan", "strategi", "handlingsplan", "program", "policy", "riktlinjer"}


def _dated_compound(stem: str | None) -> bool:
    """A compound kind word with its period is a name ("Miljöhandlingsplan 2021–2024", "folkhälsoplan 2022–2025"), unless
    its stem is a person's ("individuell plan 2024")."""
    return bool(stem) and stem.rstrip("-") not in PERSONAL_STEMS


def _of_body(r: Reader, a: int, b: int) -> bool:
    """Whether text[a:b], after a plan's kind word in a title, is the body it is the plan of: "(2023) för Folkhälsorådet
    i Ljusdals kommun", "(budgetåret 2024) avseende Statens skolverk"."""
    return bool(re.match(r"\s+(?:(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)?\d\d)?\s+)?(?:för|avseende)\s", r.text[a:b])) and \
        bool(r.bodies_in(a, b))


def _document_title(r: Reader) -> None:
    """The policy a steering document is, named by its whole title line: "Förebygga, förhindra och försvåra – den
    svenska strategin mot terrorism" (a name and what it is), and a document the text calls a strategy whose title
    names no steering document of its own ("Sveriges arbete med global hälsa – för genomförandet av Agenda 2030")."""
    ctx = r.ctx
    title = ctx.out.document.title
    if r.title_line_end < 0:           # not a steering document (DOCUMENT_IS_POLICY), or no title line
        return
    line_start = r.title_line_start
    first_named = next((m.pid for m in r.refs_in(line_start, r.title_line_end) if m.form == "name"), None)
    if not title:
        r.own = first_named            # "Handlingsplan mot buller" on the first line
        return
    halves, pos = [], line_start
    for part in TITLE_HALVES.split(r.text[line_start:r.title_line_end]):
        k = r.text.find(part, pos)
        halves.append((k, k + len(part)))
        pos = k + len(part)
    head = None
    for m in r.refs_in(line_start, r.title_line_end):
        for a, b in halves:
            if a <= m.start and (m.end >= b - 12 or _of_body(r, m.end, b)) and \
                    re.fullmatch(r"(?:(?:[Dd]en|[Dd]et|[Ee]n|[Ee]tt)\s+)?(?:(?!(?:för|av|om|mot|med|i|till|inom)\s)[\wåäö-]+\s+){0,2}",
                                 r.text[a:m.start]):
                head = m.pid                  # the mention is (nearly) the whole of a half: it names the document
                break
        if head is not None:
            break
    if head is not None:
        if len(halves) > 1 and all(len(r.text[a:b].split()) >= 2 for a, b in halves) or \
                re.fullmatch(r"\s+(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)?\d\d)?\s*", r.text[m.end:r.title_line_end]) or \
                _of_body(r, m.end, r.title_line_end):
            # also with its years ("Verksamhetsplan 2023") and the body it is the plan of ("Verksamhetsplan 2023 för
            # Folkhälsorådet i Ljusdals kommun")
            r.drafts[head].policy.title = norm_space(title)
        r.own = head
    elif ctx.kind in STEERING_KINDS and not r.refs_in(line_start, halves[0][1]) and len(title.split()) >= 3:
        d = PolicyDraft(kinds=Counter({ctx.kind: 1}), titles=[(5.0, line_start, norm_space(title))])
        d.policy = Policy(title=norm_space(title), kind=ctx.kind, evidence=[ctx.span(line_start, r.title_line_end)])
        r.drafts.append(d)
        r.own = len(r.drafts) - 1
    else:
        r.own = first_named


def _policy_facts(r: Reader) -> None:
    ctx = r.ctx
    text = r.text
    for a, b in r.sentences:
        if r.in_opinion(a):
            continue
        sent = text[a:b]
        refs = r.refs_in(a, b)
        # ---- validity
        vm = VALIDITY_CUE.search(sent)
        if vm and refs and not MODAL.search(sent[:vm.start()]):
            subject = _subject(refs, a + vm.start())
            if subject is None:
                subject = _main(r, a)
            if subject is not None:
                _validity(r, r.drafts[subject].policy, sent[vm.end():], a, b,
                          starts=sent[:vm.start()].endswith(("börjar ", "började ", "börja ")))
        # "Den nationella strategin ska ge en långsiktig inriktning för arbetet under perioden 2025 till 2034":
        # the period of the steering document the sentence is about (not of an assignment within it)
        pm = PERIOD.search(sent)
        if pm and refs and not vm and not re.search(r"\buppdrag|\bbidrag|\bmedel\b", sent, re.I):
            subject = _subject(refs, a + pm.start())
            between = text[max(m.end for m in refs if m.pid == subject):a + pm.start()] if subject is not None else ""
            if KIND_TOKEN.search(between) or re.search(r"\b(?:insatser|åtgärder|projekt)\b", between):
                subject = None            # "Strategin inbegriper … ett åtgärdsprogram med insatser för perioden …"
            p = r.drafts[subject].policy if subject is not None else None
            if p is not None and not p.valid_from and not p.valid_to and p.kind not in ("vision", "agenda", "politikområde"):
                p.valid_from, p.valid_to = pm["a"], pm["b"]
        # ---- adoption
        am = re.search(r"\b(?:antogs|antagits|antagen|antaget|fastställdes|fastställts|fastställd|beslutades)\b", sent, re.I)
        if am and not re.search(r"\bföreslås\b|\bbör\b|\bska\b", sent[:am.start()]):
            subject = _subject(refs, a + am.start())
            if subject is None and not refs and a < 300:
                subject = r.document_policy()       # "Antagen av kommunfullmäktige 2023-11-20" under the title
            if subject is not None:
                _adopt(r, subject, a + am.end(), b, a, b)
        am = re.search(r"\b(?P<verb>beslutade|beslöt|har beslutat)\b[^.]{0,60}?\batt anta\b|\b(?P<verb2>antog|har antagit|antar|"
                       r"fastställer|fastställde|(?:har )?(?:beslutat|beslutade)(?: den \d{1,2} [a-zåäö]+ (?:19|20)\d\d)? om|har tagit fram|tog fram|"
                       r"(?:har )?(?:presenterat|presenterade|lanserat|lanserade)"
                       # "Regeringen beslutade den 27 augusti 2015 En svensk maritim strategi": a title right after
                       r"|(?:beslutade|beslöt|har beslutat)(?= (?:den \d{1,2} [a-zåäö]+ (?:19|20)\d\d )?(?:En|Ett) [A-ZÅÄÖa-zåäö]))\b",
                       sent)
        if am and not re.search(r"\bföreslås\b", sent):
            after = [m for m in refs if m.start >= a + am.end()]
            if after and not re.search(r"\buppdrag", text[a + am.end():after[0].start]):
                # (not what an assignment it decided is to make: "beslutade den 11 juni 2015 om uppdrag till X att ta
                # fram en nationell strategi …")
                # "Regeringen har tagit fram en ny nationell strategi", "I mars 2006 antog riksdagen en …"
                inverted = [m for m in r.bodies_in(a + am.end(), a + am.end() + 30)
                            if re.fullmatch(r"\s*", text[a + am.end():m.start])]
                body = _body_before(r, a, a + am.start()) or (inverted[0].label if inverted else None)
                if body:
                    p = r.drafts[after[0].pid].policy
                    p.adopted_by = body
                    ds = [d for d in find_dates(sent, ctx.year) if d.has_year]
                    if ds and not re.search(r"\b(?:gäll|från och med|till och med)", sent[:ds[0].start]):
                        p.adopted_on = ds[0].iso
                    elif ctx.kind == "protokoll" and ctx.out.document.date and am["verb2"] in ("antar", "fastställer"):
                        p.adopted_on = ctx.out.document.date      # a decision taken at this meeting
                    elif ctx.kind == "beslut" and ctx.out.document.date and body == ctx.out.document.author \
                            and am["verb2"] in ("antog", "fastställde"):
                        p.adopted_on = ctx.out.document.date      # "Beslut i korthet från regionstyrelsen 14 mars 2023"
                    p.evidence.append(ctx.span(a, b))
        # a committee's directive cited in the sentence that tells of the government's decision: "Regeringen beslutade den
        # 5 november 2009 att låta tillsätta en särskild utredare … (Dir. 2009:101)"
        dm = re.search(r"\b(?:[Rr]egeringen (?:beslutade|beslöt|har beslutat)|beslutade regeringen)\b", sent)
        for m in refs if dm else []:
            p = r.drafts[m.pid].policy
            if r.drafts[m.pid].kind == "kommittédirektiv" and m.start > a + dm.start() and p.adopted_by is None:
                p.adopted_by = ctx.bodies.resolve("regeringen") or "Regeringen"
                ds = [d for d in find_dates(sent, ctx.year) if d.has_year and d.start < m.start - a]
                if ds:                 # the date nearest before it: "… den 10 september 2009 (dir. 2009:83) och den 14
                    p.adopted_on = ds[-1].iso      # januari 2010 (dir. 2010:3)"
                p.evidence.append(ctx.span(a, b))
        # a steering document cited with the decision that adopted it: "En nationell strategi för … 2015–2020 (regeringens
        # beslut den 9 juli 2015, dnr N2015/05297/RT)"
        for m in refs:
            cm = CITED_DECISION.match(text, m.end, b)
            if m.form != "name" or not cm or r.drafts[m.pid].policy.adopted_on:
                continue
            p = r.drafts[m.pid].policy
            who = ctx.bodies.resolve(cm["who"]) or ("Regeringen" if cm["who"].lower() == "regeringen" else None)
            ds = [d for d in find_dates(cm["when"], ctx.year) if d.has_year]
            if who and ds:
                p.adopted_by, p.adopted_on = p.adopted_by or who, ds[0].iso
                p.evidence.append(ctx.span(m.start, cm.end()))
        # ---- relations
        for cue, rel in REL_CUES:
            for cm in re.finditer(cue, sent):
                before = [m for m in refs if m.end <= a + cm.start()]
                # no policy named before the cue: the document that is itself a policy speaks of itself
                subj = before[0].pid if before else r.document_policy()
                if subj is None:
                    continue
                targets = [m for m in refs if m.start >= a + cm.end() and m.start - (a + cm.end()) <= 120]
                if not targets or targets[0].pid == subj:
                    continue
                p = r.drafts[subj].policy
                t = r.title(targets[0].pid)
                if (rel, t) not in p.relations:
                    p.relations.append((rel, t))
                    p.evidence.append(ctx.span(a, b))
        # steering documents named together in a sentence hang together ("En svensk maritim strategi … bidrar till
        # genomförandet av EU:s strategi för Östersjöregionen"): the first named, what the sentence is about, is related
        # to the others (not in a row of many, where they only stand side by side)
        named = r.refs_in(a, b, weak=False)
        if 2 <= len({m.pid for m in named}) <= 3:
            first = named[0]
            p = r.drafts[first.pid].policy
            for m in named[1:]:
                t = r.title(m.pid)
                side_by_side = m.start < first.end or re.fullmatch(r"\s*(?:,|och|samt|eller|respektive)\s*(?:(?:den|det|de)\s+)?"
                                                                    r"(?:[a-zåäö]+[ae]\s+)?", text[first.end:m.start])
                if m.pid != first.pid and t and t != p.title and not side_by_side and not any(x[1] == t for x in p.relations):
                    p.relations.append(("related", t))


CITED_DECISION = re.compile(r"(?:\s+(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d)?(?:\s+[–—-]\s+[^()\n.;]{2,80}?)?\s*\((?P<who>[Rr]egeringen|[A-ZÅÄÖ][\wåäö-]+)s\s+beslut\s+(?P<when>(?:den\s+)?\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)")
VALIDITY_CUE = re.compile(r"\b(?:föreslås |ska |skall |kommer att )?(?:gäll(?:a|er|de)|är giltig(?:t|a)?|giltighetstid(?:en)?(?: är)?)\b")
PERIOD = re.compile(r"\b(?:under|för)\s+(?:perioden|åren)\s+(?P<a>(?:19|20)\d\d)\s*(?:-|–|till)\s*(?P<b>(?:19|20)\d\d)\b")
YEAR_RANGE_AFTER = re.compile(r"\s+(?:för |under )?(?:(?:åren|perioden|år|tiden)\s+)?(?P<a>(?:19|20)\d\d)\s*(?:-|–|till|t\.o\.m\.)\s*(?P<b>(?:19|20)\d\d)\b")


def _validity(r: Reader, p: Policy, rest: str, a: int, b: int, starts: bool = False) -> None:
    """What follows "gäller" / "föreslås gälla": a period, an end, a start, or "tills vidare"; after "börjar
    gälla" (`starts`) a date is the start ("Strategin … börjar gälla den 1 januari 2017")."""
    ctx = r.ctx
    found = False
    yr = YEAR_RANGE_AFTER.match(rest)
    if yr:
        p.valid_from, p.valid_to = yr["a"], yr["b"]
        found = True
    # two days: "Giltighetstid: 2023-07-01 – 2027-06-30", "1 juli 2023 till och med 30 juni 2027"
    ds = [d for d in find_dates(rest[:80], ctx.year) if d.has_year]
    if not yr and len(ds) >= 2 and not rest[:ds[0].start].strip(" :") and \
            re.fullmatch(r"\s*(?:[-–—]|till(?: och med)?|t\.o\.m\.)\s*(?:den\s+)?", rest[ds[0].end:ds[1].start]):
        p.valid_from, p.valid_to = ds[0].iso, ds[1].iso
        yr = found = True
    tm = re.search(r"\btill och med\s+|\bt\.o\.m\.\s+|\bfram till\s+|\btill\s+(?=(?:år\s+)?(?:19|20)\d\d\b)", rest)
    if tm and not yr:
        ds = find_dates(rest[tm.end():tm.end() + 30], ctx.year)
        y = re.match(r"(?:år\s+|utgången av\s+)?((?:19|20)\d\d)\b", rest[tm.end():])
        if ds and ds[0].start == 0 and ds[0].has_year:
            p.valid_to = ds[0].iso
            found = True
        elif y:
            p.valid_to = y.group(1)
            found = True
    fm = re.search(r"\bfrån(?: och med)?\s+|\bfr\.o\.m\.\s+", rest) or (re.match(r"\s+(?=(?:den\s+)?\d)", rest) if starts else None)
    if fm and not yr and (not tm or fm.start() < tm.start()):
        ds = find_dates(rest[fm.end():fm.end() + 30], ctx.year)
        y = re.match(r"(?:år\s+)?((?:19|20)\d\d)\b", rest[fm.end():])
        if ds and ds[0].start == 0 and ds[0].has_year:
            p.valid_from = ds[0].iso
            found = True
        elif y:
            p.valid_from = y.group(1)
            found = True
    if re.match(r"\s+(?:[\wåäö]+\s+)?tills? ?vidare\b", rest) and not MODAL.search(rest[:30]):
        p.until_further_notice = True
        found = True
    if found:
        p.evidence.append(ctx.span(a, b))


def _subject(refs: list[Mention], pos: int) -> int | None:
    before = [m for m in refs if m.end <= pos]
    return before[-1].pid if before else None


def _main(r: Reader, pos: int) -> int | None:
    d = r.main_policy(pos)
    return r.drafts.index(d) if d else None


def _body_before(r: Reader, a: int, pos: int, kinds=("fullmäktige", "styrelse", "nämnd", "regering", "myndighet",
                                                    "kommun", "region", "förvaltning", "departement")) -> str | None:
    ms = [m for m in r.bodies_in(a, pos) if r.ctx.bodies.bodies[m.label].kind in kinds]
    return ms[-1].label if ms else None


def _adopt(r: Reader, pid: int, start: int, end: int, a: int, b: int) -> None:
    ctx = r.ctx
    p = r.drafts[pid].policy
    ms = [m for m in r.bodies_in(start, end)
          if ctx.bodies.bodies[m.label].kind in ("fullmäktige", "styrelse", "nämnd", "regering", "myndighet", "region")
          # any body the verb names as the one that adopted it: "antogs av folkhälsorådet den 12 december 2022"
          or re.fullmatch(r"\s+av\s+", r.text[start:m.start])]
    if not ms:
        bm = re.search(r"\b(?:av|i)\s+(kommunfullmäktige|fullmäktige|kommunstyrelsen|regionfullmäktige|nämnden|styrelsen|regeringen)\b",
                       r.text[start:end], re.I)
        label = ctx.bodies.resolve(bm.group(1)) if bm else None
    else:
        label = ms[0].label
    if label:
        p.adopted_by = label
    ds = [d for d in find_dates(r.text[start:end], ctx.year) if d.has_year]
    if ds:
        p.adopted_on = ds[0].iso
    if label or ds:
        p.evidence.append(ctx.span(a, b))


# ---------------------------------------------------------------- goals
GOAL_INTRO = re.compile(
    r"\b(?:(?:[Dd]et |[Dd]e )?(?:nya |övergripande |långsiktiga |huvudsakliga )?(?:[Mm]ål(?:et|en)|[Ss]yftet)|[Mm]ålsättningen|[Ss]yftet|[Hh]uvudsyftet|"
    # a goal named by its compound: "Klimatmålet är att …", "Etappmålet är att …", "Det nationella folkhälsomålet är att …"
    r"(?:(?:[Dd]et |[Dd]e )(?:[a-zåäö]+a )?)?(?<![\w-])[A-ZÅÄÖa-zåäö][a-zåäö]{2,}(?<![Bb]rott)(?<![Tt]viste)(?<![Ss]katte)(?<![Ff]örvaltnings)(?<![Ää]nda)mål(?:et|en)|"
    # "En av reformambitionerna i Tidöavtalet är att …", "Ett av målen med reformen är att …"
    r"(?<![\w-])(?:[Ee]n|[Ee]tt) av (?:de |dess |[\wåäö]+s )?[\wåäö-]*(?:mål(?:en|sättningarna)|ambitionerna|syftena)|"
    r"[Aa]mbitionen|[Aa]vsikten|[Mm]eningen|[Tt]anken|[Ss]trävan|[Ii]ntentionen|[Ii]nriktningen|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:(?:övergripande|långsiktiga|[a-zåäö]+politiska) ){0,2}"
    r"(?:mål|målsättning|ambition|syfte)|"      # "Regeringens övergripande miljöpolitiska mål är att …"
    r"(?<![\w-])[Ee]tt (?:(?:annat|ytterligare|viktigt|centralt|första|andra|tredje|övergripande|långsiktigt) )?(?:del|etapp)?mål|"   # "Ett (annat) mål är att …"
    # a goal named by its compound and told by what it means: "Det införs ett hållbarhetsmål för fondförvaltningen som
    # innebär att förvaltningen ska ske på ett föredömligt sätt"
    r"(?<![\w-])[Ee]tt (?:(?:nytt|nationellt|övergripande|särskilt) )?(?:[a-zåäö]{3,})?(?<![Bb]rott)(?<![Tt]viste)(?<![Ää]nda)mål"
    r"(?=(?: för [^.:]{2,140}?)?,? som innebär att))"
    # ("Målet under strategiperioden är att …": the time a goal is for)
    r"(?:(?: (?:med|för|i|inom|under) (?P<with>[^.:]{2,140}?),?)? (?:ska vara|skall vara|bör vara|föreslås vara|är|var|har varit|blir|"
    r"beskrevs som|beskrivs som|anges vara|angavs vara|innebär|som innebär)"
    r"(?: (?:vidare|också|även|därför|dessutom|alltså|således|bland annat|bl\.\s?a\.|främst|framför allt|huvudsakligen|"
    r"i första hand|i förlängningen|på sikt|ytterst|både|dels))? att:?\s*|"
    # "Målet skall vara: Alla i samhället ska ha tillgång till …"
    r" (?:ska|skall|bör) vara:\s*(?=[A-ZÅÄÖ][^.\n]*\bsk(?:a|all)\b)|"
    r" (?:i|för|med) (?P<within>[^.:]{2,60}?) att\s+(?=[a-zåäö]))")     # "det övergripande målet i strategin att alla …"
# a goal as a state of affairs: "Målet är ett narkotikafritt samhälle", "Regeringens vision är ett motståndskraftigt
# Sverige …", "Det övergripande målet för livsmedelsstrategin ska vara en konkurrenskraftig livsmedelskedja …"
GOAL_STATE = re.compile(
    r"\b(?:(?:[Dd]e[tn] )?(?:övergripande |långsiktiga )?(?:[Mm]ålet|[Mm]ålsättningen)|[Vv]isionen|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:övergripande )?"
    r"(?:mål|målsättning|vision))(?: (?:för|med) (?P<for>[^.:,;]{2,80}?))? (?:ska vara|är|[-–—]) "
    r"(?=(?:en|ett) (?!(?:del|förutsättning|utgångspunkt|viktig|viktigt|central|centralt|sätt|steg|led|mått|komplement|"
    r"fråga|uttryck|verktyg|resultat)\b)"
    # a state said with a quantity: "Målet är fler gymnasiala lärlingar och ökad kvalitet …"
    r"|(?:fler|färre|ökad|ökat|ökade|minskad|minskat|minskade|stärkt|stärkta|bättre|högre|lägre) [a-zåäö])")
# goals listed in the sentence that announces them: "Fem mål ska vara vägledande i arbetet: stoppa kriminella
# karriärer, minska …, … och …" (taken only when the count said matches the items found)
INLINE_GOALS = re.compile(
    rf"\b(?P<n>{COUNT_CAPITALISED}) (?:[a-zåäö-]+(?:a|e) ){{0,2}}"
    r"(?:mål|målsättningar|delmål)\b(?:[^:\n]{0,60}:|(?: upp)? om)[ \t]+(?P<items>[^\n]+)")
# goals named after "målen om" or "målen är": "… liksom delmålen om en jämn fördelning av makt och inflytande, ekonomisk
# jämställdhet, … samt att mäns våld mot kvinnor ska upphöra"; one goal after "målet (om) att"
GOALS_ABOUT = re.compile(r"\b(?:[A-ZÅÄÖa-zåäö-]*[Dd]el)?[Mm]ålen (?:om|(?P<are>är)(?! att\b)) (?P<items>[^.\n]+)")
# a policy area's goals ("de jämställdhetspolitiska delmålen") belong to the area, not to a document:
# the area is the policy they are goals of ("jämställdhetspolitiken")
AREA_GOALS = re.compile(r"\b(?P<area>[a-zåäö]{3,}politiska)\s+(?:del|över)?mål")
AREA_NAME = re.compile(r"\b(?:den )?(?:svenska )?(?P<area>[a-zåäö]{3,}politiken)\b")
AREA_FOR = re.compile(r"\bmål(?:en|et)? för (?:den )?(?P<area>[a-zåäö]{3,}politiken\b|politiken för [a-zåäö ]{3,60}?(?= som\b|,|\.|$))")
GOAL_THAT = re.compile(r"(?<!\bmed )\b(?:[a-zåäö-]*(?:del|över)?)mål(?:et|sättning(?:en)?)?(?: om|(?: för [^.;:\n]{2,60}?)?:)? att "
                       r"(?P<goal>[^.\n]+)"
                       # "det nya målet för politiken …, nämligen att säkerställa …"
                       r"|\b(?:[a-zåäö-]*(?:del|över)?)mål(?:et)?\b[^.\n]{0,120}?,\s*(?:nämligen|dvs\.?|d\.v\.s\.|det vill säga) att (?P<named>[^.\n]+)"
                       # "målet om en likvärdig förskola": a goal as a state ("i mål om upphandling" is a court case)
                       r"|\b(?:[a-zåäö-]*(?:del|över)?)mål(?:et|sättningen|sättning(?= om (?:en|ett) )|(?<=[sae] mål)) om (?P<state>(?:en|ett|(?:ökad|ökat|ökade|minskad|minskat|"
                       r"minskade|stärkt|stärkta|bättre|fler|färre|högre|lägre|hållbar|hållbart|jämlik|jämställd)\b) [^.,;:\n]+?)"
                       r"(?=(?<! som)\s+(?:och(?!\s+(?:en|ett)\s)|samt|ska|bör|behöver|måste|är|har|kan|inte|genom|för|uppnås|nås)\b|[.,;:\n]|$)"
                       # "delmålet Mäns våld mot kvinnor ska upphöra": a goal named by its own words
                       r"|\b(?:[a-zåäö-]*(?:del|över)?)målet (?P<cap>[A-ZÅÄÖ][a-zåäö]+ [^.;:\n]{0,80}?\bska [a-zåäö]+[ae]\b"
                       r"(?: [a-zåäö]+){0,6}?)(?=[.,;:\n]|$)")
# what a steering document is for, said of it: "Den utvecklade nationella demensstrategin syftar till att …",
# "beslutat om en utvecklad nationell demensstrategi för att stärka vården …"
POLICY_AIM = re.compile(
    r"(?<![\w-])(?P<noun>[\wåäöÅÄÖ-]*(?:[Ss]trategi|[Hh]andlingsplan|[Pp]rogram|[Pp]olicy|[Aa]genda|[Pp]lan|[Aa]vtal)(?:en|n|met|et)?)"
    r"(?: och [a-zåäö-]*(?:strategi|handlingsplan|program|plan)(?:en|n|met|et))?"      # "Strategin och handlingsplanen ska …"
    # "Ett tidigare ramavtal … hade som syfte att …", "Det uppdaterade ramavtalet, som är avsett att stärka …"
    r"(?:(?: [^.;:,\n]{0,60}?)? (?:syftar till|(?:har|hade) som (?:syfte|mål|målsättning)|ska bidra till) att|,? som (?:är|var) avsett att"
    r"| (?:för|i syfte) att|"
    r" ska(?: även| också| särskilt)?(?! (?:vara|ha|gälla|kunna|tas|antas|följas|revideras|beslutas|ses|användas|läggas|"
    r"utgöra|genomföras|redovisas|innehålla|omfatta|börja|löpa|ersätta|ersättas|beskriva)\b)) (?=[a-zåäö]+[ae]\b)")
# a quantified target: "Antalet omkomna cyklister ska halveras till 2030", "Senast 2030 ska andelen resor med cykel ha
# fördubblats", "Andelen … ska uppgå till minst 80 procent" (in a steering document, or with the year it is for)
_QUANTITY = (r"(?:[Aa]ndelen|[Aa]ntalet|[Nn]ivån|[Uu]tsläppen|[Ss]jukfrånvaron|[Vv]äntetiderna|[Kk]ostnaderna"
             r"|[Rr]esultatet|[Ss]oliditeten|[Ss]jälvfinansieringsgraden)\b")      # a budget's financial targets
_CHANGE = (r"(?:ha\s+)?(?:öka|ökat|minska|minskat|halveras|halverats|fördubblas|fördubblats|sjunka|sjunkit|stiga|stigit|uppgå|"
           r"vara\s+(?:minst|högst|lägre|högre|under|över))\b")
TARGET = re.compile(rf"(?:^|(?<=\s)){_QUANTITY}[^.;:]{{0,140}}?\b(?:ska|skall)\s+(?:(?:år\s+)?(?:19|20)\d\d\s+)?{_CHANGE}"
                    rf"|(?:^|(?<=\s))(?:Senast|Till|År|Före|Inom)\s+(?:år\s+)?(?:19|20)\d\d\s+(?:ska|skall)\s+"
                    rf"{_QUANTITY}[^.;:]{{0,140}}?\s{_CHANGE}")
TARGET_YEAR = re.compile(r"\b(?:[Tt]ill|[Ss]enast|[Åå]r|[Ff]öre|[Uu]nder|[Ii]nom)\s+(?:år\s+)?(?:19|20)\d\d\b")
LEAD_TIME = re.compile(r"\s*(?:Senast|Till|År|Före|Inom)\s+(?:år\s+)?(?:19|20)\d\d\s+ska\b")
# what the paper itself is put forward for: "Regeringen lägger därför fram denna proposition för att tydliggöra …",
# "Promemorian remitteras för att …" is not one (sent for comment)
PAPER_FOR = re.compile(r"\b(?:lägger|lade)\s+(?:\w+\s+)?fram\s+(?:denna|den\s+här)\s+(?:proposition|skrivelse|promemoria|strategi|plan)"
                       r"\s+för\s+att\s+(?P<goal>[^.;:]+)")
# a state to be reached that a body works or contributes for: "… hur myndigheterna verkar för att brottsoffer och vittnen
# ska få tillräcklig information och stöd", "… verka för att Sverige även i fortsättningen ska vara ett föregångsland"
STRIVES_FOR = re.compile(r"\b(?:verka|verkar|verkat|arbeta|arbetar|arbetat)\s+(?:(?:även|också|aktivt|särskilt|därför)\s+)?"
                         r"för\s+att\s+(?P<goal>(?:(?!\bsom\b)[^.;:])*?\s(?:ska|skall)\s+[^.;:]+)")
# a goal said with the verb first: "Långsiktigt är målsättningen en helt jämn könsfördelning", "På sikt är målet att …"
GOAL_INVERTED = re.compile(r"(?:^|(?<=\s))(?:[Ll]ångsiktigt|[Pp]å (?:lång |längre )?sikt|[Yy]tterst|[Ii] förlängningen|"
                           r"[Ff]ör det (?:första|andra|tredje|fjärde)) (?:är|var) "
                           r"(?:det (?:övergripande |långsiktiga )?)?(?:målet|målsättningen|ambitionen|visionen|syftet) (?:att )?(?=[a-zåäö])")
# a goal the text states of the state, a place or a body, policy or not: "Sverige ska ha EU:s lägsta
# arbetslöshet 2020", "Aneby kommun ska vara ett attraktivt alternativ …"
_STATE_WHO = (r"(?:Sverige|[Kk]ommunen|[Rr]egionen|[Ss]taden|[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)? (?:kommun|stad)"
              r"|Region [A-ZÅÄÖ][\wåäö-]+)")
_STATE_VERB = r"(?:vara|ha|bli|präglas|upplevas|kännetecknas|erbjuda)\b"
STATE_GOAL = re.compile(rf"(?P<who>{_STATE_WHO})\s+ska\s+(?:(?:senast|till|redan|före)\s+(?:år\s+)?(?:19|20)\d\d\s+)?{_STATE_VERB}")
# ... with the year it is due first: "Senast 2045 ska Sverige ha nettonollutsläpp av växthusgaser", "År 2030 ska
# kommunen vara fossilfri" (the sentence as written, from its first word)
STATE_GOAL_DUE = re.compile(rf"^(?:[*•-]\s+)?(?:[Ss]enast|[Tt]ill|[Ff]ram till|[Ff]öre|[Åå]r|[Ii]nom|[Ii])\s+(?:år\s+|utgången av\s+)?"
                            rf"(?:19|20)\d\d,?\s+ska\s+{_STATE_WHO}\s+{_STATE_VERB}")
# ... also as what a steering document lays down: "Överenskommelsen innebär att Sverige ska ha moderna miljökrav …"
POLICY_SAYS = re.compile(r"(?:^|\s)(?:[Öö]verenskommelsen|[Ss]trategin|[Pp]lanen|[Pp]rogrammet|[Aa]vtalet|[Vv]isionen|[Pp]olicyn)"
                         r"\s+(?:innebär|slår fast|fastslår|anger)\s+att\s+$")


def _goal_said(goal: str, after: str = "") -> re.Pattern:
    """A goal a steering document states as a sentence or a list item of its own: `goal` in group "goal", after a
    bullet if there is one."""
    return re.compile(rf"\s*(?:[•*-]\s+)?(?P<goal>{goal}){after}")


# a state a steering document holds for everyone it is about: "Alla barn ska ha en trygg uppväxt", "Ingen ska behöva
# utsättas för våld", "Varje elev ska få det stöd den behöver"
# ... also after the place or time it holds for: "I Sverige ska alla kunna leva ett tryggt liv", "År 2030 ska ingen behöva …"
EVERYONE_GOAL = _goal_said(r"(?:(?:Alla|Varje|Ingen|Inget|Samtliga)\s+(?:[a-zåäö-]+\s+){0,3}?(?:ska|skall)"
                           r"|(?:I|Inom|År|Till|Senast)\s+(?:år\s+)?(?:[A-ZÅÄÖ][\wåäö-]+|(?:19|20)\d\d|(?:hela\s+)?(?:landet|kommunen|regionen|staden|länet))"
                           r"\s+(?:ska|skall)\s+(?:alla|ingen|var\s+och\s+en)(?:\s+[a-zåäö-]+){0,2}?)\s+"
                           r"(?:[a-zåäö]+\s+)?(?:ha|få|kunna|vara|känna|leva|bli|behöva|utsättas|mötas|ges|erbjudas|nå)\b")
# a change a steering document states as a sentence of its own: "Sårbarheten i livsmedelskedjan ska minska.",
# "Utbildningskvaliteten skall stärkas.", "Den psykiska ohälsan bland unga ska minska." (a definite noun, no body)
CHANGE_GOAL = _goal_said(r"(?:(?:Den|Det|De)\s+[a-zåäö]+[ae]\s+)?"
                         # (not a rule or a payment: "Bidraget ska minska", "Lagstiftningen ska upphöra" end or change a means)
                         r"(?!(?i:[a-zåäö-]*(?:lagen|lagstiftningen|förordningen|avtalet|bestämmelsen|bestämmelserna|regeln|"
                         r"reglerna|bidraget|bidragen|stödet|ersättningen|avgiften|avgifterna|skatten|anslaget|uppdraget))\b)"
                         r"[A-ZÅÄÖa-zåäö][a-zåäö-]{3,}(?:en|an|et|na|erna|arna)"
                         r"(?:\s+(?:i|för|av|inom|bland|på|mot|med|hos|till)\s+(?:(?!\bsk(?:a|all)\b)[^.;:,\n]){2,60}?)?"
                         r"\s+(?:ska|skall)\s+(?:(?:fortsätta\s+att|fortsatt)\s+)?"
                         r"(?:öka|minska|halveras|upphöra|stärkas|förbättras|förstärkas|höjas|sänkas|fördubblas|förkortas)"
                         r"(?:\s+(?:med|till|under|senast|före|jämfört|i\s+hela|över|kraftigt|påtagligt|väsentligt)\b[^.;:\n]{0,60})?",
                         r"\s*[.!]?\s*$")
# a state the text says is to come about, as a sentence of its own: "Det ska bli betydligt enklare att bygga strandnära i
# landsbygdsområden.", "Det ska vara lättare för företag att anställa." (not a permission: "Det ska vara möjligt att …")
_EASIER = r"(?:enklare|lättare|billigare|tryggare|säkrare|snabbare|smidigare)"
EASIER_GOAL = _goal_said(r"Det\s+(?:ska|skall)\s+(?:(?:också|även|därför|dessutom)\s+)?(?:bli|vara)\s+(?:(?:betydligt|mycket|väsentligt|"
                         rf"avsevärt|både)\s+)?(?:{_EASIER}|mer\s+lönsamt|mindre\s+krångligt)\b[^.;:\n]*?\batt\s+[^.;:\n]+")
# ... or as what a proposal brings about: "Förslaget innebär att det blir lättare för parterna att ingå avbetalningsköp på distans"
EASIER_BY = re.compile(r"\b(?:[Ff]örslag(?:et|en)|[Ää]ndring(?:en|arna)|[Rr]eform(?:en)?|[Ll]agändring(?:en|arna)|[Dd]etta|[Dd]et)"
                       r"\s+innebär\s+(?:(?:bland annat|även|också|därmed|sammantaget)\s+)?att\s+"
                       rf"(?P<goal>det\s+(?:blir|ska\s+bli)\s+(?:(?:betydligt|mycket|väsentligt|avsevärt)\s+)?{_EASIER}"
                       r"\b[^.;:\n]*?\batt\s+[^.;:\n]+)")
# a steering document's goal in the voice of those who adopt it: "Vi ska vara en attraktiv arbetsgivare", "Vi ska erbjuda
# kultur av hög kvalitet i hela kommunen" (a state to be or to offer, not a step of the work: "Vi ska redovisa …")
WE_GOAL = _goal_said(r"Vi\s+(?:ska|skall)\s+(?:(?:även|också|fortsatt|alltid)\s+)?"
                     r"(?:vara|bli|ha|erbjuda|ge|skapa|verka\s+för|arbeta\s+för|bidra\s+till|öka|minska|stärka|utveckla|främja)\b[^\n]+")
# what a steering document holds the country must do, in its own voice: "Sverige behöver utveckla regler, standarder …"
# (only where the document is itself a policy; elsewhere a need is an argument, not a goal)
STATE_NEED = re.compile(r"(?<![\wåäö])Sverige\s+behöver\s+(?=[a-zåäö])")
# ... and what a thing the text is about needs to become, in a steering document or a proposal: "Premiepensionssystemet behöver
# i större utsträckning anpassas till pensionsspararnas kunskaper", "Utsläppen från luftfart behöver minska" (not a body's
# need, and not a study the text asks for: "Regelverket behöver ses över")
NEED_GOAL = re.compile(r"^\s*(?P<goal>(?P<subject>(?:(?:Den|Det|De)\s+[a-zåäö]+[ae]\s+)?(?!(?:Detta|Dessa|Denna|Vi|Man|Regeringen)\b)"
                       r"[A-ZÅÄÖ][a-zåäö-]{3,}(?:,?\s+(?:och|samt)\s+[a-zåäö-]{4,})?"
                       r"(?:\s+(?:på|i|inom|för|av|från|mot|med|till)\s+[^.;:,\n]{2,60}?)?)\s+behöver\s+"
                       r"(?:(?:också|även|därför|dessutom|fortsatt|ytterligare|i\s+(?:större|högre)\s+(?:utsträckning|grad))\s+)?"
                       r"(?!(?:ses|utredas|analyseras|kartläggas|belysas|övervägas|prövas|granskas|följas|utvärderas|beaktas|hanteras"
                       r"|regleras|göras|tas|lösas|klargöras|besvaras|ändras|kompletteras|beslutas|förlängas|vidtas)\b)"
                       r"(?:[a-zåäö]{3,}as|minska|öka|bli|stödja|förbättra|stärka|utveckla)\b[^.;:\n]*)")
# what a directive or a decision starts from, a state it holds must come about: "Utgångspunkten för uppdraget är att
# tillståndsplikten … ska tas bort", "En principiell utgångspunkt ska vara att …" (not a premise of fact: "… är att IT är …")
PREMISE = re.compile(r"(?:^|(?<=\s))(?:[Ee]n (?:[a-zåäö]+ )?[Uu]tgångspunkt|[Uu]tgångspunkt(?:en|er|erna)|"
                     r"[A-ZÅÄÖ][\wåäö-]+s (?:övergripande |grundläggande )?utgångspunkt(?:er)?)(?: (?:för|i) [^.;:]{2,60}?)?"
                     r" (?:är|ska vara|skall vara|bör vara) att (?P<goal>[^.;:]*?\bsk(?:a|all)\b[^.;:]*"
                     # ... or what is to be done ("Regeringens utgångspunkt är att utnyttja kostnadseffektiva åtgärder",
                     # "Utgångspunkter i arbetet ska vara att nå målgrupper i hela landet"), not who is ("… är att de …")
                     r"|(?!(?:det|den|de|detta|dessa|vara|bli)\b)[a-zåäö]+a\b[^.;:]*)")
# a character of a clause: no end of a sentence, and a colon only inside a number ("skollagen (2010:800) i syfte att …")
_CLAUSE = r"(?:[^.;:]|(?<=\d):(?=\d))"
# "syftar (bland annat, främst …) till"
# ("syftar dels till att A, dels till att B": the aim from "dels", which `add` reads as two)
_AIMS_AT = (r"syftar(?:(?: bland annat| bl\.\s?a\.| främst| även| också| huvudsakligen| i huvudsak| i första hand| framför allt"
            r"| ytterst)? till|(?= dels till\b))")
# what an assignment, a measure or a decision the text describes is for: "Uppdraget har även innefattat att se över …
# i syfte att åstadkomma ett modernt … regelverk", "… ska bidra till att främja innovationer …, i syfte att öka …"
AIM_OF_ACT = re.compile(
    r"\b(?:[Uu]ppdrag(?:et|en)?|uppdrar|uppdrog|[Uu]tredningen(?:s)?|[Uu]tredaren|[Rr]egeringen|[Åå]tgärd(?:er|erna|en)?|"
    r"[Ii]nsats(?:er|erna|en)?|[Ää]ndring(?:ar|arna|en)?|[Tt]illäggsdirektiv(?:et)?|"
    r"[Ii]nstruktion(?:er|erna)?|[Rr]eform(?:en|er|erna)?|[Ss]atsning(?:en|ar|arna)?|ska bidra till)\b"
    rf"{_CLAUSE}{{0,200}}?,?\s+i syfte att (?P<goal>{_CLAUSE}+)")
# what something is to contribute to, up to the state it is to bring about: "… ska bidra till att främja …"
_TO_CONTRIBUTE = r"\s+(?:bidra|leda)\s+till\s+(?:att\s+)?(?=[a-zåäö])"
# a state a thing the text sets up or describes is to bring about: "Samverkansarenan ska bidra till att främja …",
# "Insatserna ska bidra till att vårdens medarbetare får mer tid …" (the subject a definite noun, not a body: a body
# that is to contribute has a responsibility)
CONTRIBUTES = re.compile(r"^\s*(?:(?:[Dd]en|[Dd]et|[Dd]e|[Dd]enna|[Dd]etta|[Dd]essa)\s+)?(?:[a-zåäö]+[ae]\s+)?"
                         rf"(?P<subject>[A-ZÅÄÖa-zåäö][\wåäö-]{{2,}}(?:n|et|na))\s+ska(?:\s+(?:även|också|särskilt|därmed))?{_TO_CONTRIBUTE}")
# ... or by a pronoun right after a sentence that states a goal: "Målet med minoritetspolitiken är att ge skydd …
# Den ska även leda till att grupperna har möjlighet att bevara och utveckla sina språk."
GOES_ON = re.compile(rf"^\s*(?:Den|Det|De|Denna|Detta|Dessa)\s+ska(?:\s+(?:även|också|därmed|dessutom))?{_TO_CONTRIBUTE}")
# ... or said of how a policy area or a work is to contribute: "en strategi för hur digitaliseringspolitiken ska bidra
# till konkurrenskraft, full sysselsättning …"
HOW_CONTRIBUTES = re.compile(r"\bhur (?:den |det |de )?[a-zåäö-]*(?:politiken|arbetet|insatserna|åtgärderna|verksamheten)"
                             rf"\s+ska{_TO_CONTRIBUTE}")
# the verbs of a change a measure is to bring about: "insatser för att öka tillgängligheten", "åtgärder som kan stärka …"
_CHANGE_VERBS = (r"stärka|öka|minska|förbättra|främja|motverka|förebygga|underlätta|säkerställa|effektivisera|förenkla"
                 r"|begränsa|förhindra|trygga|höja|sänka|förkorta|tydliggöra")
# a policy's purpose in the voice of its author: "Genom åtgärderna i Försvarsindustristrategin vill regeringen stärka …",
# "Med visionen att skapa en god livsmiljö …"
PURPOSE = re.compile(r"\bvill (?:regeringen|kommunen|staden|regionen|vi|nämnden|styrelsen)\s+(?=[a-zåäö]+[ae]\b)"
                     # "Regeringen vill att fler kvinnor ska starta företag" (not "Regeringen vill understryka att …")
                     r"|(?:^|(?<=[.:]\s))\s*(?:Regeringen|Kommunen|Staden|Regionen|Vi|Nämnden|Styrelsen) vill"
                     r"(?: (?:också|även|därför|dessutom|särskilt))? att\s+(?=[a-zåäö]+\s+[a-zåäö]*\s*(?:ska|skall)\b|[A-ZÅÄÖa-zåäö][^.;:]*\b(?:ska|skall)\b)"
                     # "Regeringen vill stärka skyddet för …" (not "Regeringen vill tydliggöra att …")
                     r"|(?:^|(?<=[.:]\s))\s*Regeringen vill(?: (?:också|även|därför|dessutom|särskilt|nu|därmed|på så sätt))?\s+"
                     rf"(?!tydliggöra\b)(?=(?:{_CHANGE_VERBS}|skapa|utveckla|värna|skydda)\s)"
                     r"|\b[Vv]isionen att\s+")
# what the measures, the reform or the paper is for, said with them as the subject: "Åtgärderna på detta område syftar till att motverka …",
# "Dessa åtgärder ska bidra till att öka …", "Reformen – som ska bidra till ökad samordning …", "De föreslagna
# ändringarna syftar till en effektivare tillsyn"
MEASURE_AIM = re.compile(
    r"^\s*(?:(?:[Dd]e|[Dd]essa|[Dd]enna|[Dd]etta|[Dd]en|[Dd]et|[Aa]lla|[Ss]amtliga|[A-ZÅÄÖ][\wåäö]+s)\s+)?"
    r"(?:[a-zåäö]+[ae]\s+){0,2}(?:del av\s+)?"
    r"(?:[Åå]tgärder(?:na)?|[Ii]nsatser(?:na)?|[Rr]eform(?:en|erna)?|[Ff]örslag(?:en|et)?|[Ää]ndring(?:en|arna)"
    r"|[Rr]eglerna|[Bb]estämmelserna|[Ll]agen|[Ll]agändring(?:en|arna)|[Ll]agförslag(?:et|en)|[Ff]örordningen"
    r"|[\wåäö]*[Pp]olitik(?:en)?"
    r"|[Ss]atsning(?:en|arna)|[Rr]eglering(?:en)?|[Vv]erksamheten|[Uu]ppdraget|[\wåäö]*(?:papperet|dokumentet|promemorian|betänkandet))"
    r"(?:\s+(?:på|inom|i|för|av)\s+[^.,;:–\n]{1,40}?|\s+som\s+[^.,;:–\n]{1,80}?)?(?:\s+[–—-])?(?:\s+som)?"
    r"\s+(?:" + _AIMS_AT + r"|ska(?: bland annat| även| också| särskilt| sammantaget| på sikt)? (?:(?:bidra|syfta) till|leda till(?= att\b))"
    # ("… ska leda till att …"; what they lead to without "att" is read whole by MEASURE_SHALL)
    r"|har (?:till|som) (?:syfte|mål|målsättning))\s+(?:att\s+)?(?=[a-zåäö])")
# ... or the change a measure is to bring about, said whole: "Uppdraget ska möta behovet av storskalig testning …",
# "Reformen ska öka tillgängligheten …", "Arbetsmiljöarbetet ska ta hänsyn till … och bidra till utvecklingen av …"
MEASURE_SHALL = re.compile(
    r"^\s*(?P<goal>(?:(?:[Dd]en|[Dd]et|[Dd]e|[Dd]enna|[Dd]etta|[Dd]essa)\s+)?(?:[a-zåäö]+[ae]\s+){0,2}"
    r"(?:[A-ZÅÄÖa-zåäö][\wåäö-]*)?(?:[Aa]rbetet|[Uu]ppdraget|[Rr]eformen|[Ss]atsningen|[Ii]nsatsen|[Ii]nsatserna|[Åå]tgärderna|[Ff]örslagen"
    r"|[Ff]örslaget|[Pp]rojektet|[Ii]nitiativet|[Ss]amarbetet|[Ss]töd(?:et|en))"
    r"\s+ska(?:\s+(?:även|också|särskilt|därmed|bland annat|sammantaget|tillsammans|på sikt|långsiktigt))?\s+"
    r"(?:stärka|öka|minska|förbättra|främja|motverka|förebygga|förhindra|begränsa|trygga|underlätta|säkerställa|effektivisera|förenkla|möta|höja|"
    r"sänka|förkorta|skydda|värna|bidra\s+till|leda\s+till|ta\s+hänsyn\s+till|"
    r"förstärka|förtydliga|minimera|påskynda|möjliggöra|bevara|stimulera|utveckla|skapa"
    r"|ge(?=\s+(?:bättre\s+|goda\s+|ökade\s+|större\s+|nya\s+)?(?:förutsättningar|möjligheter)\b)"
    r"|inriktas\s+(?:på|mot)(?=\s+att\b))\s+[a-zåäö0-9])")
# the end of a sentence that leads into a list of what a thing is for: "Arbetet ska bidra till att ⏎ * …"
AIM_LIST_LEAD = re.compile(r"\b(?:syftar|bidra|bidrar|leda|leder)\s+till(?:\s+att)?:?\s*$")
# an aim said with the noun: "Utredningen tillsattes med syftet att barn … ska ha en trygg arbetsmiljö", "Långtidsutredningen har
# som syfte att utgöra ett underlag …", "satsningen Kompetensstegen, vars syfte varit att ge stöd …", "Det har också varit
# utredningens ambition att de föreslagna åtgärderna ska stärka …"
# ("Mediestödet föreslås ha som syfte att …", "Regeringen har en tydlig ambition att …")
AIM_NOUN = re.compile(r"(?:\bmed (?:det )?syftet|\bmed (?:den )?avsikt(?:en)?|\b(?:har|ha|hade) (?:som|till) syfte|"
                      r"\b(?:har|hade) (?:en |som )?(?:(?:tydlig|stark|hög|uttalad|klar) )?(?:ambition|målsättning)|\bvars (?:syfte|ändamål|mål) (?:är|var|har varit|varit)|"
                      r"\b[Dd]et (?:har (?:också |även )?varit|är(?: också| även)?|var(?: också| även)?) [\wåäö]+s "
                      r"(?:ambition|syfte|avsikt|mål))(?:\s+(?:bland annat|främst|även|också))? att\s+(?=[a-zåäö])")
# ... and what is done "för att" bring about a change ("insatser för att öka tillgängligheten", "åtgärder för att minska
# risken för återfall"), not where "för att" ends the name of a steering document ("strategin för att förebygga …")
MEASURE_NOUNS = {"insatser", "insatserna", "åtgärder", "åtgärderna", "arbete", "arbetet", "satsning", "satsningen", "satsningar",
                 "medel", "medlen", "bidrag", "bidraget", "stöd", "stödet", "förslag", "förslagen", "förslaget", "ändringar",
                 "ändringarna", "uppdrag", "uppdraget", "reform", "reformen", "regler", "reglerna", "bestämmelser",
                 "bestämmelserna", "verktyg", "resurser", "resurserna", "krafttag", "samverkan", "samarbete", "samarbetet"}
CHANGE_AIM = re.compile(r"(?<![Ss]käl )(?<!krävs )(?<!behövs )(?<![\wåäö-])(?P<before>[\wåäö-]+)\s+för att (?:bland annat |ytterligare |därigenom )?"
                        rf"(?=(?:{_CHANGE_VERBS}|skapa|utveckla|bekämpa|skydda|värna"
                        # (more verbs that say a change or a state to reach: "insatser för att uppnå …", "för att möjliggöra …")
                        r"|uppnå|åstadkomma|möjliggöra|stimulera|bevara|förstärka|förtydliga|modernisera|minimera|påskynda"
                        r"|garantera|bredda|utöka|stödja|komma till rätta med)\b)")
# ... and what a thing is needed for: "Kontrollen av export av krigsmateriel är nödvändig för att uppfylla Sveriges
# … åtaganden", "arbetet med att förenkla är viktigt för att upprätthålla förtroendet för skattesystemet"
# a person or a pronoun as the subject of a "för att … ska" clause makes it a condition, not an aim: "för att hon ska få …"
_NOT_AN_AIMS_SUBJECT = r"(?:hon|han|någon|man|den|det|de|denne|vederbörande|var och en|vi|du|ni)"
# (or measures said to be needed for it: "Mot denna bakgrund behöver åtgärder vidtas för att bryta utvecklingen …",
# "Det krävs insatser för att …", "Åtgärder behövs för att …")
NEEDED_FOR = re.compile(r"(?:(?:\b(?:är|var|vore|blir)\s+(?:(?:också|även|därför|särskilt|mycket|helt|ytterst)\s+)?"
                        r"(?:nödvändig[at]?|viktig[at]?|avgörande|angeläg(?:en|et|na)|centralt?"
                        r"|en\s+(?:(?:viktig|nödvändig|avgörande|grundläggande)\s+)?förutsättning)"
                        r"|\b(?:behöver|måste|bör)\s+(?:(?:därför|också|även|ytterligare)\s+)?(?:åtgärder|insatser)\s+"
                        r"(?:vidtas|göras|genomföras|sättas\s+in)|\b(?:krävs|behövs)\s+(?:det\s+)?(?:(?:därför|också|även|ytterligare)\s+)?"
                        r"(?:åtgärder|insatser)|\b(?:[Åå]tgärder|[Ii]nsatser)\s+(?:behövs|krävs))\s+för\s+att"
                        # (or a part of the work for it: "… är en viktig del i arbetet att förebygga och bekämpa …")
                        r"|\ben\s+(?:viktig|central|betydelsefull|avgörande)\s+del\s+(?:i|av)\s+(?:arbetet|strävan|ansträngningarna)"
                        r"\s+(?:med\s+|för\s+)?att)\s+"
                        r"(?P<goal>(?:[a-zåäö]+a\b|(?!" + _NOT_AN_AIMS_SUBJECT + r"\b)[A-ZÅÄÖa-zåäö][\wåäö-]*(?: [\wåäö-]+){0,4} sk(?:a|all)\b)[^.;:]*)")
# (and "i syfte att" in running text; "I syfte att …, föreslås …" first in a sentence is AIM_FIRST's)
ANY_AIM = re.compile(rf"(?<!\binte )\b{_AIMS_AT}(?: att)?\s+(?=[A-ZÅÄÖa-zåäö])|(?P<purpose>\b(?:i|med) syfte att\s+)(?=[a-zåäö])")
AIMS = re.compile(rf"\b{_AIMS_AT}(?: att)?\s+(?=[a-zåäö])")
# ... and the aims listed under it: "Förslagen syftar bland annat till att ⏎ * ge vuxna en långsiktig möjlighet … ⏎ * …"
# (also a purpose phrase left hanging before its bullets: "… insatser som bidrar till ökad kompetens med syfte ⏎ * att …",
# "Regeringen vidtar åtgärder i syfte att: ⏎ * …")
AIMS_LISTED = re.compile(rf"(?<!\binte )\b(?:{_AIMS_AT}(?: att)?|(?:[Ii]|[Mm]ed) (?:det )?syftet?(?: att)?|för att):?\s*$")
# the same anywhere in the sentence, or in a relative clause: "Även i denna del syftar förslagen till att förbättra …",
# "Vidare lämnar utredningen förslag som syftar till att underlätta samverkan …", "åtgärder som ska bidra till att minska …"
MEASURE_AIM_REL = re.compile(
    r"\b(?:(?:åtgärder(?:na)?|insatser(?:na)?|reform(?:en|erna)?|förslag(?:en|et)?|ändring(?:en|ar|arna))"
    r"(?:,?\s+(?:som|vilka))?\s+(?:" + _AIMS_AT + r"|(?:ska|kan|skulle kunna)(?: bland annat| även| också)? "
    r"(?:bidra|syfta) till|bidrar(?: även| också)? till)"
    r"|syftar(?: även| också)? (?:åtgärderna|insatserna|reformen|förslagen|förslaget|ändringarna) till"     # the verb first
    # ... what they are to be taken for: "bedömer insatser som bör genomföras för att tidigt upptäcka nya utbrott"
    r"|(?<=[Åå]tgärder |[Ii]nsatser )som (?:bör|ska|behöver|kan|måste) (?:genomföras|vidtas|göras|sättas in) för)"
    r"\s+att\s+(?=[a-zåäö])"            # an aim to do, not what services are about ("insatser som syftar till rätten till arbete")
    # "föreslå åtgärder som kan stärka Polismyndighetens beredskap": what they can do, said with a verb of change
    r"|\b(?:åtgärder|insatser|förslag|förändringar|ändringar) som (?:kan|ska|skulle kunna) "
    rf"(?=(?:{_CHANGE_VERBS}|förstärka|förtydliga|minimera|påskynda|möjliggöra|bevara)\b)"
    # a rule proposed for what it is to ensure: "lämna förslag på en reglering som säkerställer att skattemedlen används …"
    r"|\b(?:en |ett )?(?:reglering|regler|regelverk|lösning(?:ar)?|ordning) som (?=säkerställer att\s+[a-zåäö])")
# what a proposal or a decision is for, said before it: "I syfte att ytterligare stärka skyddet för valhemligheten
# föreslås …", "I syfte att öka återbetalningen … uppdrar regeringen åt …"; or after what is proposed: "… föreslår
# regeringen ett strängare skadeståndsansvar för föräldrar i syfte att tydliggöra …"
# the subject right after the verb of a main clause that follows a fronted aim ("… har en konvention utarbetats")
_V2_SUBJECT = r"(?:det|detta|den|de|en|ett|regeringen|riksdagen|[A-ZÅÄÖ][\wåäö-]+)"
AIM_FIRST = re.compile(r"I syfte att (?P<goal>[^.;:]+?)(?:,?\s+(?=(?:föreslås|föreslår|lämnas|lämnar|införs|inför|görs|gör|ändras|"
                       r"uppdrar|ger|gav|beslutade|beslutar|aviserade|antogs|moderniseras|tydliggörs|ska|bör|behöver|måste)\b)"
                       # (or any main clause, its verb second and its subject after it: "I syfte att stärka skyddet har en
                       # konvention utarbetats", "… förlängs det nuvarande uppdraget", "… får en särskild utredare i uppdrag";
                       # not a verb of a clause inside the aim: "… de kommuner som har en hög andel …")
                       rf"|(?<!\bsom)(?<!\bdär)(?<!\batt)(?<!\boch)\s+(?=(?:har|hade|får|fick|kan|är|var)\s+{_V2_SUBJECT}\b"
                       rf"|[a-zåäö]{{3,}}(?:s|ades|ats|ade)\s+(?:{_V2_SUBJECT}|vidare|också|även|(?:19|20)\d\d)\b))"
                       # "För att minska risken för fusk och fel föreslås …" ("ska" only after a comma: "För att eleven ska
                       # hinna … lämnas")
                       r"|För att (?:kunna )?(?P<goal2>(?:(?!\b(?:får|kan|måste|behöver|krävs|har)\b)[^.;:])+?)(?:,?\s+(?=(?:föreslås|föreslår|lämnas|lämnar|införs|inför|görs|"
                       r"ändras|uppdrar|ger|gav|beslutade|beslutar|moderniseras|tydliggörs|behövs|krävs)\b)|,\s+(?=(?:ska|bör)\b)"
                       # (the main clause's "ska" with its subject after it: "För att underlätta för sparare … ska det
                       # därutöver ges möjlighet …")
                       r"|\s+(?=(?:ska|bör)\s+(?:det|detta|den|de|regeringen|[A-ZÅÄÖ][\wåäö-]+)\b)"
                       # (or the power a rule gives for it: "För att säkerställa att ett förbud följs får vissa föremål …
                       # omhändertas"; not what is needed for something: "För att stadgan ska träda i kraft krävs …")
                       r"|,?\s+(?=får\s))")
# ... and the aim first, to do something, before the main clause's verb and its subject: "För att stärka skogsbruket bör
# skogsägare ges …", "För att öka effektiviteten i arbetet måste …" (not "För att eleven ska hinna …": no aim to do)
AIM_FIRST_VERB = re.compile(r"För att (?:kunna )?(?P<goal>[a-zåäö]+(?<!rn)a\b(?:(?!\b(?:ska|skall|bör|måste|behöver|har|kommer|"
                            r"krävs|behövs|får|kan)\b)[^.;:])+?)(?:,\s+(?=(?:ska|skall)\s+[a-zåäö]+\b)"
                            r"|,?\s+(?=(?:bör|måste|behöver|har|kommer)\s+[a-zåäö]+\b))")
# what an assignment or a measure is a step towards: "Det förstärkta stödet … är ett led i att säkerställa likvärdigt stöd
# …", "Uppdraget är ett led i regeringens arbete med att …"; "Detta för att bland annat minska antalet överbeläggningar"
STEP_TOWARDS = re.compile(r"\bär (?:ett )?(?:viktigt )?led i (?:(?:regeringens |det fortsatta |det )?arbete(?:t)? (?:med|för) )?att "
                          r"(?P<goal>[^.;:]+)|^\s*Detta (?:(?:görs|sker|är) )?för att (?:bland annat )?(?P<goal2>[^.;:]+)"
                          # "Uppdraget är ett led i det fortlöpande arbete som regeringen bedriver för att dels …, dels …"
                          r"|\bär (?:ett )?(?:viktigt )?led i (?:det |regeringens )?(?:[a-zåäö]+ )?arbete som [^.;:]{3,60}? "
                          r"(?:med|för) att (?P<goal3>[^.;:]+)")
# two aims told "dels …, dels …"
BOTH_AIMS = re.compile(r"^dels\s+(?P<a>[^,;]+?),?\s+dels\s+(?P<b>[^,;]+)$")
# what a directive of the EU or a policy area is for: "… dvs. direktiv 2004/27/EG, syftar till att förbättra …",
# "Makrotillsyn är ett politikområde som syftar till att identifiera …"
RULE_AIMS = re.compile(r"(?:\b[Dd]irektiv(?:et)?\s+(?:\(E[GU]\)\s+)?(?:nr\s+)?\d{2,4}/\d+(?:/E[GU])?|\b[a-zåäö]+direktivet"
                       r"|\bett politikområde som)(?:,[^.;:]{0,80}?)?,?\s+syftar(?: [a-zåäö]+)? till(?: att)?\s+(?=[a-zåäö])")
PROPOSED_CHANGE = re.compile(r"\bföreslå(?:s|r (?:regeringen|utredningen|vi))(?: även| också| vidare| därför)? att "
                             r"(?P<goal>(?!(?:det|den|de|en|ett)\b)[a-zåäö][^.;:,]{4,150}? (?:förstärks|stärks|förbättras|skärps|"
                             r"ökas|minskas|effektiviseras|förenklas|tydliggörs|moderniseras|utvidgas|utökas|förkortas))(?=[.;,]|$| och\b)")
AIM_OF_PROPOSAL = re.compile(rf"\bföreslå(?:r|s)\b{_CLAUSE}{{3,200}}?,?\s+i syfte att (?P<goal>{_CLAUSE}+)")
# ... or said with "för att" after what is proposed, assigned or decided: "Regeringen föreslår en tillfällig lag om
# begränsningar för att förhindra spridningen av covid-19", "Regeringen uppdrar åt Socialstyrelsen att föreslå en nationell
# plan för att minska bristen på vårdplatser"; not where "för att" completes a noun ("krävs tillstånd för att få föra ut",
# "tidsfristen för att besluta") or says a need ("de åtgärder som behövs för att …")
PROPOSED = re.compile(r"\b(?:föreslå(?:r|s|tt)?|föreslog|föreslagits|förordar|förordas|förordade|uppdrar|uppdrog|i uppdrag|beslut(?:at|ade|ar) om|"
                      r"inför|införs|lämna(?:r|s|t)?\b[^.;:]{0,60}?\b(?:författnings)?förslag(?:en)?)\b")
# the aim is a verb ("för att förhindra …", "för att bland annat anpassas …") or a clause with "ska" ("för att hänsyn ska
# kunna tas …"), not a condition on a person ("för att hon eller han ska få …", "för att någon ska ges behörighet …")
FOR_THAT = re.compile(r"(?P<before>[\wåäöÅÄÖ-]+),?\s+för att\s+(?=(?P<goal>(?:"
                      r"(?:(?:bland annat|ytterligare|därigenom|på sikt|på så sätt|i högre grad|bättre|snabbt) )?"
                      r"(?!(?:få|denna|dessa|sina|sitta|andra|flera|hela|samma|bara)\b)[a-zåäö]+a(?:s)?\b"
                      r"|(?!" + _NOT_AN_AIMS_SUBJECT + r"\b)[A-ZÅÄÖa-zåäö][\wåäö-]*(?: [\wåäö-]+){0,4}"
                      r" sk(?:a|all) )"
                      r"(?:[^.;:]|[.:](?=[\wåäö§]|\s+[a-zåäö0-9§]))*))")
NOT_AN_AIM_BEFORE = {"tillstånd", "möjlighet", "möjligheter", "möjligheten", "villkor", "sätt", "sättet", "tidsfrist", "tidsfristen",
                     "krav", "kraven", "kriterier", "kriterierna", "förutsättningar", "förutsättningarna", "vidtagits",
                     "vidtas", "vidtagit", "skäl", "skälen", "behov", "behovet", "tid", "tiden", "ansvar", "ansvaret", "rätt",
                     "rätten", "att", "intresse", "intresset", "modell", "metod", "metoder", "verktyg", "rutin", "rutiner",
                     "nödvändigt", "nödvändiga", "tillräckliga",
                     "tillräckligt", "behöver", "behövde", "avgift", "avgiften", "ersättning", "ersättningen", "underlag", "underlaget"}
PROPOSING_KINDS = {"proposition", "betänkande", "promemoria", "lagrådsremiss", "kommittédirektiv", "regeringsuppdrag",
                   "skrivelse"}
WITH_GOAL = re.compile(r"\bmed (?:(?:det (?:övergripande |långsiktiga )?)?(?:målet|målsättningen|ambitionen)|(?P<direction>inriktningen))"
                       r" att\s+")
LIST_INTRO = re.compile(
    r"\b(?:[Mm]ålen|[Mm]ålet|[Mm]ålsättningarna|[Uu]tvecklingsområden(?:a)?|[Ff]okusområden(?:a)?|[Ii]nsatsområden(?:a)?|"
    r"[Ii]nriktningsmål(?:en)?|[Dd]elmål(?:en)?|[Ee]ffektmål(?:en)?|[Mm]ålområden(?:a)?|"
    # the pillars or priorities that give a strategy its direction: "Strategin utgår från tre pelare som anger inriktning
    # för …:", "I strategin redovisar regeringen tre prioriteringar:"
    rf"(?:{COUNT}|följande) (?:pelare|prioriteringar|prioriterade områden|strategiska områden|huvudområden)|"
    rf"(?:följande|{COUNT}|övergripande|långsiktiga|nationella|strategiska|prioriterade|"
    r"dessa|tydliga|konkreta|mätbara) (?:mål|målsättningar)"
    # whose goals they are: "Regeringens mål är:", "Strategins övergripande mål:"
    r"|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:(?:övergripande|långsiktiga|nationella|strategiska|prioriterade) )?(?:mål|delmål|målsättningar))"
    r"\b[^:;\n]{0,100}(?:[:;]|\sär)\s*$")     # "… i följande punkter;", "De övergripande målen är ⏎ * …"
BULLET = re.compile(r"^(?:[•\-–*]|\d{1,2}[.)]|[a-h]\))\s+")
GOAL_WORD = re.compile(r"\b(?:[Mm]ål(?:en|et)?|[Dd]elmål(?:en)?|[Mm]ålsättning(?:en|ar|arna)?|[Ii]nriktningsmål(?:en)?"
                       r"|[Ee]ffektmål(?:en)?)\b")
# ... or announced by a sentence of its own before the list: "En rad strategiska mål för samhällets försörjning med tolkar
# kan formuleras med siktet inställt på halvlång sikt. ⏎ * Staten för register över …"
GOALS_FORMULATED = re.compile(r"\b(?:[a-zåäö]+a |följande )?(?:mål|målsättningar|delmål)\b[^.:\n]{0,120}?\b(?:kan formuleras|formuleras|"
                              r"har formulerats|är följande|följer nedan|anges nedan)\b[^:\n]*\.\s*$")
# goals told as a row of "att"-clauses right after the sentence that proposes them: "I propositionen föreslås även mål för
# friluftslivspolitiken. Förslaget innebär att naturen ska vara tillgänglig för alla, att …, och att beslut om friluftsliv
# fattas med god kunskap."
PROPOSES_GOALS = re.compile(r"\b(?:föreslås|föreslår(?: regeringen)?|anges|fastställs|beslutas)(?: även| också)?"
                            r" (?:(?:ett |en )?(?:nya|nytt|övergripande|nationella|nationellt|långsiktiga|långsiktigt) )?"
                            r"(?:mål|målen|delmål) för\b")
GOAL_SERIES = re.compile(r"\s*(?:Förslaget|Förslagen|Målen|Målet|Det|Detta)\s+innebär\s+att\s+(?=[a-zåäö])")
SERIES_LIST = re.compile(r"\b(?:ska|skall|bör)(?: (?:även|också|särskilt))? (?:bidra|leda) till:\s*$")
ATT_SERIES = re.compile(r",\s+(?:och\s+|samt\s+)?att\s+|\s+(?:och|samt)\s+att\s+")
# a vision or a goal quoted after it is named: "utgår från visionen ”Ett samhälle som främjar …”", "föreslår att ett nytt
# mål för demokratipolitiken antas; ”en hållbar demokrati …”", "ändra målet för narkotikapolitiken från ”A” till ”B”"
QUOTED_VISION = re.compile(r"(?:\b[Vv]isionen|\b(?:[Mm]ålet|(?:(?:ett|det) )?(?:nytt|nya|nationellt|nationella|övergripande) mål|(?:ett|det) mål)"
                           r"(?:\s+för\s+[^.;:”\"«»]{2,80}?)?(?:\s+(?:antas|ska\s+vara|skall\s+vara|är|lyder))?"
                           r"(?P<change>\s+från)?)"
                           r"[:;]?\s+[”\"«](?P<goal>[^”\"»\n]{8,300})[”\"»]"
                           r"(?(change)\s+till\s+[”\"«](?P<goal2>[^”\"»\n]{8,300})[”\"»])")

# a page the document reader could not name that speaks as a proposal does is read as one: "Regeringen lämnar förslag för
# att …", "Utredningen föreslår …", "I betänkandet föreslås …" (the summary of a bill or a committee's report without its
# series and number)
PROPOSAL_VOICE = re.compile(r"\b(?:[Rr]egeringen|[Uu]tredningen|[Kk]ommittén|[Uu]tredaren|[Dd]elegationen|[Vv]i)\s+(?:lämnar|föreslår|lägger\s+fram)\b"
                            r"|\bföreslår\s+(?:regeringen|utredningen|kommittén|utredaren|delegationen|vi)\b"
                            r"|\b[Ii]\s+(?:den\s+här\s+|denna\s+)?(?:propositionen|betänkandet|delbetänkandet|slutbetänkandet|promemorian"
                            r"|departementspromemorian?|lagrådsremissen)\s+(?:föreslås|föreslår|lämnas|lämnar|redovisas|redovisar)\b"
                            r"|\b(?:[Pp]ropositionen|[Bb]etänkandet|[Pp]romemorian)\s+innehåller\b[^.\n]{0,60}\bförslag"
                            # "… lämnar regeringen följande förslag", "Syftet med förslaget är …", "Förslagen innebär att …"
                            r"|\blämnar\s+(?:regeringen|utredningen|kommittén|utredaren|delegationen|vi)\b"
                            r"|\b(?:[Ss]yftet\s+med\s+|[Dd]e\s+föreslagna\s+)?(?:förslage[nt]|lagändringarna|lagändringen|ändringarna)"
                            r"\s+(?:är|innebär|syftar|föreslås)\b")


def _proposing(kind: str, text: str, strict: bool = False) -> bool:
    """PROPOSING_KINDS, or a page of no known kind in the voice of a proposal (`strict`: only that page)."""
    return (kind in PROPOSING_KINDS and not strict) or kind == "okänd" and bool(PROPOSAL_VOICE.search(text, 0, 6000))


def _before_dash(s: str) -> str:
    """An aim without what a dash adds after it ("… minska utsläppen – ett led i …")."""
    return re.split(r"\s+[–—]\s+|\s+-\s+", s)[0]


def _clean_item(s: str) -> str:
    s = BULLET.sub("", s.strip())
    s = re.sub(r"(?:,|;|\.|:)?\s*(?:(?:och|samt|eller)(?:\s+att)?)?\s*$", "", s).strip()     # "…, samt att ⏎ 4. …"
    return s.rstrip(" ,;.")


def _bullets_after(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of the bullet lines right after `pos` (the end of an intro line, before or after its stop); an
    item goes on over indented lines that continue its sentence ("* föreslå utformning av stöd för att främja\n  sjöfartens …")."""
    out = []
    cur = pos
    while True:
        m = re.match(r"[.:]?[ \t]*\n+[ \t]*(?P<item>(?:[•\-–*]|\d{1,2}[.)]|[a-h]\))[ \t]*[^\n]+(?:\n[ \t]+[a-zåäö(][^\n]*)*)",
                     text[cur:cur + 3000])
        if not m:
            break
        out.append((cur + m.start("item"), cur + m.end("item")))
        cur += m.end()
    return out


# the modal and passive verb of the main clause at the end of a purpose clause (not after a relative pronoun)
MAIN_CLAUSE_TAIL = re.compile(r"\s+(?:bör|ska|skall|kan|måste)\s+(?:(?:även|också|därför|vidare)\s+)?[a-zåäö]+s$")
# a main clause's verb and its subject after it, inverted after a clause put first ("… är det viktigt", "… bedöms de")
# (not "får de resurser", "är det självklara valet": a verb and its object or predicate inside the aim)
INVERTED_MAIN = re.compile(r"\s+(?:(?:är|var|blir)\s+det\s+(?:[a-zåäö]+\s+){0,2}(?:viktigt|nödvändigt|angeläget|centralt|avgörande|"
                           r"önskvärt|rimligt|lämpligt|av\s+(?:stor\s+)?vikt)|(?:behövs|krävs|finns)\s+det|bedöm(?:s|des)\s+(?:de|det|den))\b"
                           # ("Under arbetet med att utreda vilka åtgärder som behöver vidtas för att (effektivisera …), har det
                           # konstaterats att …")
                           r"|,\s+(?:har|hade|är|var|kan|ska|måste|bör|blir|finns)\s+(?:det|den|de|man|vi|regeringen|utredningen)\b")
# a word that opens a clause of its own, whose modal it would be ("hur de ska tillämpas", "krav som minst ska uppnås")
SUBORDINATOR = re.compile(r"\b(?:som|att|hur|om|när|där|var|vilka|vilket|vilken|varför|då|eftersom|så|innan|tills|medan)\b")


def _goals(r: Reader) -> None:
    ctx = r.ctx
    text = r.text
    seen: dict[str, Goal] = {}
    own = r.document_policy()
    proposing = _proposing(ctx.kind, text)

    def add(goal_text: str, s: int, e: int, pid: int | None, stated: bool = False) -> None:
        """A goal of a policy; `stated`: one the text states as a goal without a policy to hang it on."""
        if CELL_GAP.search(text[s:e].strip()):
            return                      # a reading that runs across the cells of a table row (_table_goals reads them)
        # "att minska …": the goal is what follows "att"; "Mål 2: Fler …": what follows its label
        goal_text = re.sub(rf"^(?:att\s+|{_GOAL_NOUN}[ \t]*(?:\d{{1,2}}(?:\.\d{{1,2}})?)?[ \t]*[:.–—-][ \t]+(?=[A-ZÅÄÖa-zåäö]))", "",
                           norm_space(goal_text))
        # an aim put first runs into the main clause it is for: "(För att) minska utsattheten är det viktigt att …",
        # "(rutiner för att) minska skadan om prov sprids bedöms de vara effektiva": the aim ends at that clause's verb
        main = INVERTED_MAIN.search(goal_text)
        if main:
            goal_text, e = goal_text[:main.start()], s + len(goal_text[:main.start()])
        # an aim read on into the clause it is part of: "(Olika åtgärder för att) minska skadenivåerna bör utredas" is
        # the aim "minska skadenivåerna" (not "… antalet ärenden som ska prövas", where the modal is the noun's)
        tail = MAIN_CLAUSE_TAIL.search(goal_text)
        if tail and re.match(r"[a-zåäö]+(?<!rn)a\b", goal_text) and not SUBORDINATOR.search(goal_text, 0, tail.start()):
            goal_text, e = goal_text[:tail.start()], s + len(goal_text[:tail.start()])
        both = re.match(r"dels\s+(?:till\s+att\s+)?(?P<a>.+?),?\s+dels\s+(?:till\s+)?(?P<b>.+)$", goal_text) or \
            re.search(r"\bdels\s+(?:till\s+)?att\s+$", text[max(0, s - 20):s]) and \
            re.match(r"(?P<a>.+?),?\s+dels\s+(?:till\s+)?(?P<b>.+)$", goal_text)
        # "dels möjliggöra …, dels identifiera …", "dels till att A, dels till att B", "Syftet är dels att A, dels att B":
        if both:                        # two goals
            for part in (both["a"], both["b"]):
                at = text.find(part[:30], s, e + 1)
                add(part, at if at >= 0 else s, (at if at >= 0 else s) + len(part), pid, stated)
            return
        if pid is not None and pid < 0:
            pid = None
        if pid is None and stated:
            pid = own                   # a goal a steering document states without naming a policy is its own
        if (pid is None and not stated) or len(goal_text) < 8 or len(goal_text.split()) < 2:
            return
        key = re.sub(r"\W+", " ", goal_text.lower()).strip()
        span = ctx.span(s, e)
        if key in seen:
            if span not in seen[key].evidence:
                seen[key].evidence.append(span)
            return
        # two readings of one clause ("Insatserna ska leda till minskad psykisk ohälsa": the change it leads to, and
        # the clause whole, subject and all): one goal, the clause
        for old in ctx.out.goals:
            if any(ev.start < e and s < ev.end for ev in old.evidence):
                old_key = re.sub(r"\W+", " ", old.text.lower()).strip()
                if key in old_key and old.text[:1].isupper():
                    return
                if old_key in key and goal_text[:1].isupper():
                    old.text = goal_text
                    seen[key] = old
                    return
        g = Goal(text=goal_text, policy=r.title(pid), evidence=[span])
        seen[key] = g
        ctx.out.goals.append(g)

    def policy_for(a: int, b: int, pos: int, explicit: str | None, explicit_start: int | None) -> int | None:
        if explicit is not None:
            refs = r.refs_in(explicit_start, explicit_start + len(explicit))
            area = AREA_NAME.fullmatch(explicit.strip())
            return refs[0].pid if refs else (_area_policy(r, area["area"], explicit_start + area.start("area"))
                                             if area else -1)
        refs = r.refs_in(a, pos, weak=False)
        if refs:
            return refs[-1].pid
        area = _area_near(r, a, b)
        return area if area is not None else own if own is not None else _main(r, a)

    def add_stated(goal: str, at: int, anchor: int) -> None:
        """A goal the sentence a..b states, at `at`, of the policy named or spoken of by `anchor`."""
        add(goal, at, at + len(goal), policy_for(a, b, anchor, None, None), True)

    prev_a = 0
    for a, b in r.sentences:
        if r.in_opinion(a):
            continue
        sent = text[a:b]
        _more_goals(r, sent, a, b, add, policy_for)
        _aim_noun_goals(r, sent, a, b, prev_a, add, policy_for)
        _held_aim_goals(r, sent, a, b, own, add, policy_for)
        for m in GOAL_INTRO.finditer(sent):
            if re.search(r"\b(?:om|ifall|när)\s+$|\b(?:anta|antas|misstänka|misstänks|befara|befaras)\s+att\s+$", sent[:m.start()]):
                continue              # "… dock inte om syftet är att …", "… anledning att anta att avsikten med brottet är
                                      # att …": a condition, not an aim
            # in a directive or an assignment the aim of what it asks; in a proposal (a bill, a committee's report,
            # a memorandum) the aim of what it proposes ("Syftet med skatten ska vara att …")
            aim_of_assignment = ctx.kind in ("kommittédirektiv", "regeringsuppdrag") and not m["within"] \
                or ctx.kind in ("proposition", "betänkande", "promemoria", "lagrådsremiss")
            aim_of_assignment = aim_of_assignment or proposing and ctx.kind == "okänd"   # a bill's page of no known kind
            # a letter's account of an assignment it tells of, and the aim the next sentence gives it ("En utredare har
            # fått i uppdrag att … Syftet är att …")
            aim_of_assignment = aim_of_assignment or ctx.kind == "skrivelse" and not m["with"] and not m["within"] \
                and bool(re.search(r"\bi\s+uppdrag\s+att\b|\bett\s+uppdrag\b|\btillsatt|\butredning\b", text[prev_a:a]))
            # ... and the aim of the proposals a letter announces ("Syftet med förslaget är att motverka …")
            aim_of_assignment = aim_of_assignment or ctx.kind == "skrivelse" and bool(m["with"]) and bool(
                re.match(r"(?:de[tn]\s+)?(?:nya\s+|föreslagna\s+|aviserade\s+)?(?:förslag|lagförslag|ändring|lagändring|regeländring"
                         r"|reform|bestämmels)[a-zåäö]*$", m["with"]))
            # the aim of a steering document the sentence names is one of its goals ("Syftet med handlingsplanen
            # är att minska antalet självmord"); not the aim of anything else ("Syftet med ärendet är att …")
            names_policy = bool(m["with"]) and bool(r.refs_in(a + m.start("with"), a + m.end("with")))
            # (an aim the text sets, not one it tells of: "Det övergripande syftet bör vara att verka för …")
            sets_aim = bool(re.search(r" (?:bör|ska|skall) vara att", m.group()))
            if re.match(r"(?:de[tn] )?(?:nya |övergripande |långsiktiga |huvudsakliga )?(?:huvud)?syftet", m.group().lower()) \
                    and not aim_of_assignment and not names_policy and not sets_aim and \
                    (m["with"] or m["within"] or not r.refs_in(prev_a, a + m.start())):
                continue              # a bare "Syftet är att …" right after a steering document is named is its aim;
                                      # in a directive or an assignment, the aim of what it asks
            named = m["with"] or m["within"]
            named_at = a + (m.start("with") if m["with"] else m.start("within")) if named else None
            pid = policy_for(a, b, a + m.start(), named, named_at)
            # "Målet med minoritetspolitiken är att …": a goal of a policy area the text names, not of a document
            stated = pid is None or pid < 0
            rest_start = a + m.end()
            if sent[m.end():].strip() == "" or sent.rstrip().endswith(":"):
                for s, e in _bullets_after(text, b):
                    add(_clean_item(text[s:e]), s + (len(text[s:e]) - len(BULLET.sub("", text[s:e]))), e, pid, stated)
            else:
                # "Syftet med utredningen är dels att förenkla …, dels att stärka …": each part a goal
                at = rest_start
                rest = text[rest_start:b]
                parted = rest.startswith("dels ") or text[max(0, rest_start - 10):rest_start].rstrip().endswith(("dels att", "dels"))
                # "Målen är att A, att B och att C": goals in the plural, each "att" one of them
                plural = re.search(r"\b(?:[a-zåäö]*målen|målsättningarna|syftena)\b", m.group().lower()) and \
                    not re.match(r"(?:en|ett) av\b", m.group().lower())
                parts = re.split(r",?\s+dels\s+att\s+", re.sub(r"^dels\s+att\s+", "", rest)) if parted else \
                    ATT_SERIES.split(rest) if plural else [rest]
                for part in parts:
                    at = text.find(part, at)
                    goal = _clean_item(part)
                    add(goal, at, at + len(goal), pid, stated)
        for m in GOAL_STATE.finditer(sent):
            if GOAL_INTRO.match(sent, m.start()) and GOAL_INTRO.match(sent, m.start()).end() > m.end():
                continue
            pid = policy_for(a, b, a + m.start(), m["for"], a + m.start("for") if m["for"] else None)
            goal = _clean_item(sent[m.end():])
            add(goal, a + m.end(), a + m.end() + len(goal), pid, pid is None or pid < 0)
        for m in POLICY_AIM.finditer(sent):
            parsed = parse_kind_word(m["noun"])
            if any(n.form == "name" and n.start <= a + m.start("noun") and n.end > a + m.end("noun")
                   for n in r.refs_in(max(0, a + m.start("noun") - 120), a + m.end("noun"))):
                continue              # "Strategi för att stärka barnets rättigheter": the aim is the name
            refs = r.refs_in(a + m.start("noun"), a + m.end("noun"))
            if not parsed and m["noun"].lower().endswith("avtalet"):
                parsed = ("", "avtal", "def")       # "Avtalet syftar till att …": the agreement the text is about
            if not parsed:
                continue
            main = _main(r, a)
            same_kind = main is not None and r.drafts[main].kind == BASE_KIND.get(parsed[1], parsed[1])
            if parsed[1] == "avtal" and not same_kind:
                continue
            pid = refs[0].pid if refs else (main if parsed[2] in ("def", "defgen") or same_kind else None)
            if pid is None:
                continue
            goal = _clean_item(sent[m.end():])
            if re.match(r",? som ", sent[m.end("noun"):m.end()]):
                goal = goal.split(", ")[0]      # the relative clause ends at its comma: "…, som är avsett att X, tar …"
            if " ska" in m.group() and not re.fullmatch(r"\s*(?:(?:[Dd]en|[Dd]et|[Dd]enna|[Dd]etta)\s+)?(?:[a-zåäö-]+[ae]\s+){0,3}",
                                                      sent[:m.start("noun")]):
                continue              # the document must be the subject: not "Budskapen från programmet ska …"
            if "för att" in m.group() and any(f"att {' '.join(goal.split()[:3])}".lower() in t.lower()
                                              for d in r.drafts for _, _, t in d.titles):
                continue              # "en nationell strategi för att förebygga …": the name of a strategy
            if m.group().rstrip().endswith((" ska", " även", " också", " särskilt")) and m.group().lstrip()[:1].isupper():
                # a goal the document states of itself is read whole, subject and all: "Planen ska stärka all sjukhusvård"
                goal = _clean_item(sent[m.start("noun"):m.end()] + goal)
                add(goal, a + m.start("noun"), a + m.start("noun") + len(goal), pid)
                continue
            add(goal, a + m.end(), a + m.end() + len(goal), pid)
        for m in INLINE_GOALS.finditer(sent):
            items_at = a + m.start("items")
            raw = re.split(r",?\s+(?:för att|i syfte att|så att|eftersom)\b", re.sub(r"\.\s*$", "", m["items"]))[0]
            if ";" in raw:
                parts = re.split(r"\s*;\s*", raw)
            else:                 # the last item after "samt" where there is one, else after "och"/"respektive"
                last = "samt" if re.search(r"\ssamt\s[^,]*$", raw) else "och|respektive"
                parts = re.split(rf",\s+|\s+(?:{last})\s+(?=[^,]*$)", raw)
            if len(parts) != COUNT_WORDS[m["n"].lower()]:
                continue
            pid = policy_for(a, b, a + m.start(), None, None)
            pos = 0
            for part in parts:
                k = raw.find(part, pos)
                pos = k + len(part)
                add(_clean_item(part), items_at + k, items_at + k + len(_clean_item(part)), pid, True)
        for m in STATE_GOAL.finditer(sent):
            if re.search(r"(?<!\bför )\b(?:som|att|om|när|där)\s+$", sent[:m.start()]) and not POLICY_SAYS.search(sent[:m.start()]) \
                    or r.ctx.bodies.taken(a + m.start(), a + m.start()) \
                    and not re.search(r"(?:kommun|stad|Sverige|Region [\wåäö]+)$", m["who"]):
                continue
            goal = _clean_item(sent[m.start():])
            add_stated(goal, a + m.start(), a + m.start())
        m = STATE_GOAL_DUE.match(sent.lstrip())
        if m:
            at = len(sent) - len(sent.lstrip())
            add_stated(_clean_item(sent[at:]), a + at, a + at)
        if own is not None:
            m = EVERYONE_GOAL.match(sent)
            if m:                         # "Alla barn ska ha en trygg uppväxt", "Ingen ska behöva …": a steering
                goal = _clean_item(sent[m.start("goal"):])     # document's goal for everyone it is about
                add_stated(goal, a + m.start("goal"), a + m.start("goal"))
            m = WE_GOAL.match(sent)
            if m:
                goal = _clean_item(m["goal"])
                add_stated(goal, a + m.start("goal"), a + m.start("goal"))
            for m in STATE_NEED.finditer(sent):
                goal = _clean_item(sent[m.start():])
                add_stated(goal, a + m.start(), a + m.start())
        if own is not None or proposing:
            # a change or a state to reach, in a steering document's own voice or the government's in a bill, a directive
            # or a report: "Det lokala inflytandet ska öka.", "Det ska bli enklare att bygga strandnära." (in a decision
            # that gives an assignment a change is what the work is about: "Trångboddheten i länet ska minska")
            m = (CHANGE_GOAL.match(sent) if own is not None or ctx.kind != "regeringsuppdrag" else None) or EASIER_GOAL.match(sent)
            if m and own is None and re.search(r"\b(?:höjas|sänkas|upphöra|förkortas)\b", m["goal"]):
                m = None                  # what a proposal does to a figure or a rule: "Taket ska höjas till 7 000 kronor"
            if m and not r.ctx.bodies.mentions_in(a + m.start("goal"), a + m.end("goal")):
                goal = _clean_item(m["goal"])
                add_stated(goal, a + m.start("goal"), a + m.start("goal"))
            m = NEED_GOAL.match(sent)
            if m and not r.ctx.bodies.mentions_in(a + m.start("goal"), a + m.end("goal")) \
                    and not NOT_A_THING.search(m["subject"]):
                add_stated(_clean_item(m["goal"]), a + m.start("goal"), a + m.start("goal"))
            for m in EASIER_BY.finditer(sent):
                goal = _clean_item(m["goal"])
                add_stated(goal, a + m.start("goal"), a + m.start())
        m = TARGET.search(sent)
        if m and (own is not None or TARGET_YEAR.search(sent)):
            lead = LEAD_TIME.match(sent)
            at = a + (lead.start() if lead else m.start())
            goal = _clean_item(text[at:b])
            add_stated(goal, at, at)
        for m in PAPER_FOR.finditer(sent):
            goal = _clean_item(_before_dash(m["goal"]))
            add_stated(goal, a + m.start("goal"), a + m.start())
        for m in STRIVES_FOR.finditer(sent):
            if any(ev.start <= a + m.start("goal") < ev.end for g in ctx.out.goals for ev in g.evidence):
                continue              # (inside an aim read already: "Syftet … är att samla aktörer … för att verka för att …")
            goal = _clean_item(m["goal"])
            add_stated(goal, a + m.start("goal"), a + m.start())
        for m in GOAL_INVERTED.finditer(sent):
            goal = _clean_item(_before_dash(sent[m.end():]))
            add_stated(goal, a + m.end(), a + m.start())
        for m in PREMISE.finditer(sent):
            # "… är att nå målgrupper i hela landet och att fler lärare ska kunna …": two aims
            at = m.start("goal")
            for part in re.split(r",?\s+och\s+att\s+", m["goal"]):
                at = sent.index(part, at)
                add_stated(_clean_item(_goal_clause(part)), a + at, a + m.start())
                at += len(part)
        m = GOES_ON.match(sent)
        if m and any(prev_a <= sp.start < a for g in ctx.out.goals for sp in g.evidence):
            goal = _clean_item(_before_dash(sent[m.end():]))
            add_stated(goal, a + m.end(), prev_a)
        m = CONTRIBUTES.match(sent)
        if m and r.ctx.bodies.taken(a + m.start("subject"), a + m.end("subject")) or m and MEASURE_AIM.match(sent):
            m = None
        m = m or HOW_CONTRIBUTES.search(sent)
        m = m or _contributes_more(r, sent, a)
        if m:
            goal = _clean_item(_before_dash(re.split(r",\s+i syfte att\b", sent[m.end():])[0]))
            add_stated(goal, a + m.end(), a + m.start())
        m = STEP_TOWARDS.search(sent) if proposing or own is not None else None
        if m:
            key = next(k for k in ("goal", "goal2", "goal3") if m[k])
            goal = _clean_item(_before_dash(m[key]))
            both = BOTH_AIMS.match(goal)
            for g in ((both["a"], both["b"]) if both else (goal,)):
                at = a + m.start(key) + goal.find(g)
                add_stated(g, at, a + m.start())
        for m in RULE_AIMS.finditer(sent):
            goal = _clean_item(_before_dash(re.split(r"\s+och\s+att\s+till\s+att\s+", sent[m.end():])[0]))
            add_stated(goal, a + m.end(), a + m.start())
        if proposing and not AIM_FIRST.match(sent, len(sent) - len(sent.lstrip())) \
                and not AIM_OF_PROPOSAL.search(sent) and not BULLET.match(sent.lstrip()):     # not inside a task
            for m in AIM_OF_ACT.finditer(sent):
                goal = _clean_item(_before_dash(re.split(r",\s+(?:dels|men|medan|vilket|samtidigt)\b|,?\s*\(?\b(?:dnr|[Dd]ir\.)",
                                                         m["goal"])[0]))
                add_stated(goal, a + m.start("goal"), a + m.start())
        for m in PURPOSE.finditer(sent):
            if "](" in sent[m.end():]:
                continue              # "[Regeringen vill effektivisera …](/pressmeddelanden/…)": a link to another page
            # ("Regeringen vill stärka X och föreslår att …": the aim, not the proposal after it)
            goal = _clean_item(re.split(r",?\s+och\s+(?:föreslår|anser|bedömer|avser|lämnar)\b", sent[m.end():])[0])
            refs = r.refs_in(a, b, weak=False)
            add(goal, a + m.end(), a + m.end() + len(goal), refs[0].pid if refs else policy_for(a, b, a + m.start(), None, None),
                True)
        for m in AIMS.finditer(sent):
            # a steering document the sentence begins with, then what it aims at: "Det förstnämnda direktivet,
            # direktiv 2004/24/EG, syftar till …" (a plan, strategy or programme by its noun: POLICY_AIM)
            refs = r.refs_in(a, a + m.start(), weak=False)
            if refs and len(text[a:refs[0].start].split()) <= 4 and not POLICY_AIM.search(sent) and \
                    re.fullmatch(r"\s*(?:(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)\d\d)?)?\s*(?:,[^,.]{0,80},\s*)?",
                                 text[refs[0].end:a + m.start()]):
                goal = _clean_item(sent[m.end():])
                add(goal, a + m.end(), a + m.end() + len(goal), refs[0].pid)
        for m in AIM_NOUN.finditer(sent) if proposing or own is not None else ():
            goal = _clean_item(_before_dash(sent[m.end():]))
            add_stated(goal, a + m.end(), a + m.start())
        if proposing:
            # in a proposal, a directive or an assignment, whatever "syftar till" (or "i syfte att") is said of has that aim ("Godkännandena
            # syftar till att Sverige ska kunna ratificera …", "ändringar i lagen … som syftar till att minska …")
            if AIMS_LISTED.search(sent):
                for s0, e0 in _bullets_after(text, b):
                    goal = _clean_item(text[s0:e0])
                    at = s0 + text[s0:e0].find(goal[:20])
                    add_stated(goal, at, a)
            for m in ANY_AIM.finditer(sent):
                if m["purpose"] and BULLET.match(sent.lstrip()) and not re.search(r",\s*$", sent[:m.start()]) \
                        and re.search(r"\b(?:hur|om|huruvida|vilka|vilken|vilket|när|var|vad)\b", sent[:m.start()]):
                    continue          # "* analysera hur stöd i syfte att minska kostnader används": inside a question
                                      # the task asks (not "* klargöra ansvarsfördelningen …, i syfte att förbättra
                                      # samverkan", "* utreda behovet av åtgärder i syfte att öka kunskapen om …")
                goal = _clean_item(_before_dash(re.split(r"\]\(|,?\s*\(?\b(?:dnr|[Dd]ir\.)", sent[m.end():])[0]))
                add_stated(goal, a + m.end(), a + m.start())
            for m in NEEDED_FOR.finditer(sent):
                goal = _clean_item(_before_dash(re.split(r",\s+(?:men|medan|vilket)\b", m["goal"])[0]))
                if len(goal.split()) >= 3 and not goal.startswith("kunna "):     # "nödvändigt för att kunna …": a condition
                    add_stated(goal, a + m.start("goal"), a + m.start())
            for m in CHANGE_AIM.finditer(sent):
                if not (m["before"] in MEASURE_NOUNS or re.fullmatch(r"[a-zåäö]{3,}(?:ar|er|ir|as|es|ts)", m["before"])) or \
                        any(x.start <= a + m.start() < x.end for x in r.refs_in(max(0, a + m.start() - 200), a + m.end())) or \
                        re.search(r"\([A-ZÅÄÖ][a-zåäö]{0,3} ?\d{4}:\d+\)", sent[m.end():m.end() + 160]):
                    continue          # a measure or a verb before it; not the name of a plan, a strategy or an inquiry
                goal = _clean_item(_before_dash(re.split(r"\]\(|,?\s*\(?\b(?:dnr|[Dd]ir\.|skr\.|prop\.)"
                                                         r"|\s+sk(?:a|all)\s+(?=[A-ZÅÄÖ]|(?:fortfarande|därför|även|också)\b|[a-zåäö]+(?:as|ts)\b)",
                                                         sent[m.end():])[0]))
                words = goal.split()
                if len(words) < 2 or len(words) < 4 and (words[-1].lower() in GENERIC_TOPIC | DEMONSTRATIVE | TOPIC_STOP
                                                         or not re.fullmatch(r"[a-zåäö-]{4,}", words[-1])) \
                        or re.search(r"\b(?:lagen|förordningen) \(\d{4}:\d+\)", goal):
                    continue          # "för att stärka arbetet", "för att öka detta", a law's name running on; a short aim
                    #                   only with a noun of its own ("åtgärder för att minska utsläppen")
                add_stated(goal, a + m.end(), a + m.start())
        m = MEASURE_AIM.match(sent) or MEASURE_AIM_REL.search(sent) or MEASURE_SHALL.match(sent)
        if m and AIM_LIST_LEAD.search(sent):
            # "Arbetet ska bidra till att ⏎ * öka …, ⏎ * minska …": each item is what it is to bring about
            for s, e in _bullets_after(text, b):
                item = BULLET.sub("", text[s:e])
                add_stated(_clean_item(item), e - len(item), a + m.start())
        elif m and m.re is not MEASURE_SHALL:     # the measures as subject, or in a relative clause
            goal = _clean_item(_before_dash(sent[m.end():]))
            add_stated(goal, a + m.end(), a + m.start())
        elif m:
            goal = _clean_item(_before_dash(sent[m.start("goal"):]))
            add_stated(goal, a + m.start("goal"), a + m.start("goal"))
        if proposing:
            # the change a proposal is to bring about, said of its object: "I propositionen föreslås att skyddet mot
            # brottslighet under idrottsarrangemang förstärks"
            for m in PROPOSED_CHANGE.finditer(sent):
                add_stated(m["goal"], a + m.start("goal"), a + m.start())
            lead = len(sent) - len(sent.lstrip())
            m = AIM_FIRST.match(sent, lead) or AIM_FIRST_VERB.match(sent, lead) or AIM_OF_PROPOSAL.search(sent) \
                or _proposed_for(sent)
            if m and m.re is AIM_FIRST and m["goal2"] and re.match(r"\s*(?:behövs|krävs)\b", sent[m.end():]) \
                    and re.search(r"\b(?:ska|skall)\b", m["goal2"]):
                m = None                  # "För att stadgan ska träda i kraft krävs …": a condition, no aim
            if m and m.re is AIM_FIRST_VERB and (SUBORDINATOR.search(m["goal"]) or re.match(r"(?:ha|vara|bli|få)\b", m["goal"])
                                                 or re.search(r"\b(?:dessa|denna|detta|det|dem)\b|^\S+ \S*(?:strategin|planen|programmet)$",
                                                              m["goal"])):
                m = None    # "För att genomföra strategin har …", "För att fylla dessa ändamål …": no aim of its own; a
                #             clause inside ("… efter det att sänkningen har …") may hide the main verb
            if m:
                key = "goal2" if m.re is AIM_FIRST and m["goal2"] else "goal"
                at = a + m.start(key)
                goal = _clean_item(_before_dash(m[key]))
                add_stated(goal, at, at)
        for m in QUOTED_VISION.finditer(sent):
            for key in ("goal", "goal2"):
                if m[key]:
                    add_stated(m[key], a + m.start(key), a + m.start())
        for m in WITH_GOAL.finditer(sent):
            if m["direction"]:                # "En svensk maritim strategi – …, med inriktningen att": only right after a name
                named = [x for x in r.refs_in(max(a, a + m.start() - 60), a + m.start()) if x.form == "name"]
                pid = named[-1].pid if named else None
            else:
                pid = policy_for(a, b, a + m.start(), None, None)
            # "… redovisa hur arbetet fortskrider med ambitionen att insatsen år 2020 ska omfatta minst 5 000
            # personer": a goal the text states without a policy; not what a body is to do ("… med målet att SCB ska
            # distribuera dem")
            first = r.ctx.bodies.mentions_in(a + m.end(), a + m.end() + 80)
            if pid is None and (m["direction"] or first and first[0].start == a + m.end()):
                continue
            goal = _clean_item(re.split(r",\s+dels\s", sent[m.end():])[0])      # "dels projekt med målet att X, dels …"
            add(goal, a + m.end(), a + m.end() + len(goal), pid, True)
        series = GOAL_SERIES.match(sent)
        if series and PROPOSES_GOALS.search(text, prev_a, a):
            pid = policy_for(a, b, a, None, None)
            start = a + series.end()
            for cut in [*ATT_SERIES.finditer(text, start, b), None]:
                end = cut.start() if cut else b
                goal = _clean_item(text[start:end])
                add(goal, start, start + len(goal), pid, True)
                start = cut.end() if cut else b
        # ... or as the list of what it is to lead to: "I propositionen föreslås ett nationellt mål för de insatser som går
        # till kulturskolan. Insatserna ska bidra till: ⏎ * att tillgänglighet och jämlikhet främjas, ⏎ * …"
        if SERIES_LIST.search(sent) and PROPOSES_GOALS.search(text, prev_a, a):
            _bullet_goals(text, b, add, policy_for(a, b, a, None, None), True)
        # (LIST_INTRO ends the sentence: a colon, or "är" with the list on the lines after it)
        if LIST_INTRO.search(sent) or GOALS_FORMULATED.search(sent):
            if GOAL_INTRO.search(sent):
                continue
            pid = policy_for(a, b, b, None, None)
            says_goals = bool(GOAL_WORD.search(sent))       # "De nya målen är:", not "Fokusområden:"
            if pid is None and not says_goals:
                continue
            _bullet_goals(text, b, add, pid, says_goals)
        prev_a = a
    if own is not None:
        _goal_lines(r, add, own)
    # a goal quoted within the aim of a paper's proposals ("en effektivare tillsyn" in "De föreslagna ändringarna syftar
    # till en effektivare tillsyn") is that goal
    for g in list(seen.values()):
        for h in seen.values():
            if h is not g and h.text.endswith(" " + g.text) and PROPOSAL_AIM.match(h.text) and \
                    h.evidence[0].start <= g.evidence[0].start and g.evidence[0].end <= h.evidence[0].end:
                h.policy = h.policy or g.policy          # (with the steering document the shorter reading found)
                ctx.out.goals.remove(g)
                break


# a steering document's goals set out line by line: "Mål 1: Alla barn och unga ska ha goda uppväxtvillkor.", "Delmål
# 2.1 – Fler ska …"; and the bullets under a heading that is a goal word ("Inriktningsmål", "Nämndens mål")
_GOAL_NOUN = (r"(?:[Mm]ål|[Dd]elmål|[Ii]nriktningsmål|[Ee]ffektmål|[Rr]esultatmål|[Vv]erksamhetsmål|[Nn]ämndmål|"
              r"[Kk]ommun(?:övergripande\s+)?mål|[Ll]ångsiktig(?:t|a)\s+mål|[Öö]vergripande\s+mål|[Ss]trategisk(?:t|a)\s+mål)")
NUMBERED_GOAL = re.compile(rf"^[ \t#*]*(?:[A-ZÅÄÖ][\wåäö-]*s[ \t]+)?{_GOAL_NOUN}[ \t]*(?:\d{{1,2}}(?:\.\d{{1,2}})?|[A-Z])?(?:[ \t]*[:.–—-][ \t]+|[ \t]+(?=[A-ZÅÄÖ]))"
                           r"(?P<goal>[A-ZÅÄÖa-zåäö][^\n]{7,300})$", re.M)
# (whose they are, any owner: "Strategins delmål", "Regeringens mål"; also definite: "Målen", "Delmålen")
GOAL_HEADING = re.compile(rf"^[ \t#]*(?:(?:[A-ZÅÄÖ][\wåäö-]*s|[Vv]åra|[Pp]rioriterade)[ \t]+)?"
                          rf"(?:{_GOAL_NOUN}(?:en)?|[Mm]ålsättningar(?:na)?|[Ff]okusområden|[Uu]tvecklingsområden|[Mm]ålområden|[Pp]rioriterade[ \t]+områden)"
                          rf"(?:[ \t]+(?:för|i)[ \t]+[^\n:]{{2,60}})?[ \t]*:?[ \t]*$", re.M)


VISION_LINE = re.compile(r"^[ \t#*]*(?:[A-ZÅÄÖ][\wåäö-]*s[ \t]+)?[Vv]ision(?:en)?[ \t]*(?::[ \t]*|[ \t]*\n[ \t]*)"
                         r"(?P<goal>[A-ZÅÄÖ][^\n.:]{10,200}\.?)[ \t]*$", re.M)


def _drop_joined_goals(ctx: Ctx) -> None:
    """A row of goals read both whole and one by one ("Strategin har tre mål: att minska …, att förbättra … och att
    öka …") is kept one by one: the whole is no goal of its own."""
    def key(g: Goal) -> str:
        return re.sub(r"\W+", " ", g.text.lower()).strip()
    goals = ctx.out.goals

    # (also where the parts were read without the steering document the whole was read with: "Lagändringarna syftar till
    # att förbättra … samt att effektivisera …" read apart by the aims of a paper's proposals)
    joined = {id(g) for g in goals
              if sum(1 for o in goals if o is not g and o.policy in (g.policy, None) and len(key(o)) < len(key(g))
                     and key(o) in key(g) and any(x.start < y.end and y.start < x.end
                                                  for x in g.evidence for y in o.evidence)) >= 2}
    ctx.out.goals = [g for g in goals if id(g) not in joined]


def _goal_lines(r: Reader, add, own: int) -> None:
    text = r.text
    for m in NUMBERED_GOAL.finditer(text):
        if CELL_GAP.search(m["goal"].strip()):
            continue                    # a table's row of column heads ("Kommunfullmäktiges mål   Nämndens mål   …")
        # (a row of labels and values: "Mål           Alla barn ska ha en god start i livet.")
        end = m.end()
        # (a value that wraps onto lines indented to its column: "Mål           Andelen unga som använder … ⏎
        # ska minska.")
        while CELL_GAP.search(m.group()) and (nxt := re.match(r"\n([^\n]+)", text[end:])) and \
                r.ctx.doc.leads.get(end + 1, 0) >= 8 and not CELL_GAP.search(nxt.group(1)):
            end += nxt.end()
        goal = _clean_item(re.sub(r"\s*\n\s*", " ", text[m.start("goal"):end]))
        add(goal, m.start("goal"), m.start("goal") + len(goal), own, True)
        # the target the goal's heading opens with: "## Mål 1: Goda uppväxtvillkor ⏎ Alla barn ska ha tillgång till …"
        nm = re.match(r"\n[ \t]*(?P<t>[A-ZÅÄÖ][^\n.!?]{10,250}\bska\b[^\n.!?]{5,200})\.[ \t]*(?=\n|$)", text[m.end():])
        if nm and not r.bodies_in(m.end() + nm.start("t"), m.end() + nm.start("t") + 60):
            add(nm["t"], m.end() + nm.start("t"), m.end() + nm.end("t"), own, True)
    for m in GOAL_HEADING.finditer(text):
        if not _bullets_after(text, m.end()):
            _line_goals(text, m.end(), add, own)
        _bullet_goals(text, m.end(), add, own, True)
    _table_goals(text, add, own)
    # a steering document's vision, under its heading or after its label: "Vision ⏎ En kommun där alla kan leva ett gott liv."
    for m in VISION_LINE.finditer(text):
        goal = _clean_item(m["goal"])
        add(goal, m.start("goal"), m.start("goal") + len(goal), own, True)


# a table of goals as a plan sets them out: a row of column heads, one of which names goals ("Nämndens mål", "Delmål",
# "Mål"), over rows whose cells in that column are goals (not the indicator, the target value or who is responsible);
# a table's cells stand apart by three spaces or a tab once the text is read (normalise)
GOAL_TABLE_HEAD = re.compile(rf"(?m)^(?=[^\n]*[Mm]ål)(?=[^\n]*{COLUMNS.pattern})[^\n]+$")
GOAL_COLUMN = re.compile(rf"(?:[A-ZÅÄÖ][\wåäö-]*s[ \t]+)?{_GOAL_NOUN}(?:en)?|[Mm]ålsättning(?:ar)?")


def _table_goals(text: str, add, pid: int | None) -> None:
    """GOAL_TABLE_HEAD: each cell of a goal column in the rows under it, up to a blank line or a heading."""
    for head in GOAL_TABLE_HEAD.finditer(text):
        columns = table_cells(text, head.start(), head.end(), CELL_GAP)
        goal_columns = [k for k, (a, b) in enumerate(columns) if GOAL_COLUMN.fullmatch(text[a:b].strip("*_ "))]
        if len(columns) < 2 or not goal_columns:
            continue
        for rs, re_ in block_lines(text, head.end() + 1, 80):
            if text[rs:re_].lstrip().startswith("#"):
                break
            row = table_cells(text, rs, re_, CELL_GAP)
            if len(row) != len(columns):
                continue                # a row with a cell left empty or run together: its columns are not known
            for k in goal_columns:
                a, b = row[k]
                goal = _clean_item(text[a:b])
                if len(goal.split()) >= 3:
                    add(goal, a, a + len(goal), pid, True)


def _line_goals(text: str, pos: int, add, pid: int | None) -> None:
    """The lines right under a heading of goals, each a goal, where they have no bullets (a plan whose list lost its
    bullets on the way from its PDF: "Nämndens mål ⏎ Fler invånare ska delta i kulturlivet. ⏎ Barn och unga ska …");
    up to a blank line or the next heading, and none where a line is running text (more than one sentence)."""
    if not text.startswith("\n", pos):
        return
    found = []
    for at, end in block_lines(text, pos + 1, 12):
        line = text[at:end]
        words = line.split()
        if len(words) < 3 and not re.search(r"[.:;!?]\s*$", line):
            break                       # the next heading ("Ekonomi"): blank lines may be gone from a PDF's text
        if len(words) > 30 or re.search(r"[.:;!?]\s+\S", line) or line.rstrip().endswith(":") \
                or not re.match(r"[ \t]*[A-ZÅÄÖ]", line) or CELL_GAP.search(line.strip()):
            return                      # running text or a table (_table_goals), not a list of goals
        found.append((at, end))
    if len(found) < 2:
        return
    for s, e in found:
        goal = _clean_item(text[s:e])
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        add(goal, s + lead, s + lead + len(goal), pid, True)


ITEM_LABEL = re.compile(r"(?:[Pp]elare|[Oo]mråde|[Pp]rioritering|[Ff]okusområde|[Dd]elmål|[Mm]ål)\s*(?:[A-Z]|\d{1,2})\s*[:.–-]\s+")


def _bullet_goals(text: str, pos: int, add, pid: int | None, stated: bool) -> None:
    """Each bullet item after `pos` (the end of the line that announces them) as a goal, quoted without its bullet."""
    for s, e in _bullets_after(text, pos):
        item = text[s:e]
        lead = len(item) - len(BULLET.sub("", item))
        # (less the label that numbers it: "pelare A: Systematiskt och effektivt cybersäkerhetsarbete")
        label = ITEM_LABEL.match(item, lead)
        lead = label.end() if label else lead
        goal = _clean_item(item[lead:])
        add(goal, s + lead, s + lead + len(goal), pid, stated)


def _proposed_for(sent: str) -> re.Match | None:
    """The first "för att" clause that says what a proposal, an assignment or a decision in the sentence is for."""
    p = PROPOSED.search(sent)
    if not p:
        return None
    for m in FOR_THAT.finditer(sent, p.start()):
        if m.start() - p.end() > 200:
            break
        if m["before"].lower() not in NOT_AN_AIM_BEFORE and len(_clean_item(m["goal"]).split()) >= 3:   # not "för att utvärdera dem"
            return m
    return None


# what a paper's proposals, or a convention's articles, are for: "De föreslagna ändringarna syftar till en effektivare
# tillsyn", "Förslagen ska säkerställa att barnets rättigheter tillgodoses", "Flera av barnkonventionens artiklar syftar till
# att ge barnet ett särskilt skydd …"; the sentence from its subject is the goal, as a reader quotes it
PROPOSAL_AIM = re.compile(
    r"(?:^|(?<=[.:;,]\s)|(?<=\n)|(?<=\soch\s))(?P<goal>(?:[A-ZÅÄÖ][a-zåäö]+\s+av\s+[a-zåäö-]+(?:konventionens|lagens|direktivets)\s+artiklar"
    r"|(?:[Dd]e\s+)?(?:föreslagna\s+|nya\s+)?(?:[Ff]örslag(?:et|en)|[Ää]ndringarna|[Ll]agändringarna|[Rr]eformen|[Bb]estämmelserna"
    r"|[Rr]eglerna|[Öö]versynen|[Ss]atsningen)(?:\s+i\s+(?:denna|detta|den\s+här)\s+[a-zåäö]+)?"
    # whose proposals, and what they are to do to the field: "Utredarens förslag ska öka kontinuiteten …"
    r"|(?:[Uu]tredarens|[Uu]tredningens|[Kk]ommitténs|[Rr]egeringens)\s+förslag)"
    r"(?:,\s+som\s+[^,.;:\n]{3,100},)?"           # "Översynen, som ska omfatta alla myndigheter, syftar till att …"
    r"\s+(?:(?:syftar\s+till|ska(?:ll)?\s+(?:även\s+|också\s+)?(?:bidra\s+till|säkerställa|leda\s+till)\s+att)\s+"
    r"|ska(?:ll)?\s+(?:även\s+|också\s+)?(?=(?:öka|minska|stärka|förbättra|främja|underlätta|förenkla|motverka|förhindra|förebygga)\s))"
    r"(?P<aim>(?:[^.;:\n]|:(?=s\b)|\.(?=[a-zåäö0-9,]|\s+[a-zåäö]))" r"{8,300}))")     # ("EU:s", "m.fl.", "s.k. direktiv")
PROPOSING_PAPERS = {"proposition", "betänkande", "promemoria", "lagrådsremiss", "skrivelse", "kommittédirektiv", "okänd"}


def _more_goals(r: Reader, sent: str, a: int, b: int, add, policy_for) -> None:
    """Goals named in a row after "målen om", one after "målet (om) att"; the aim of a paper's proposals."""
    if r.ctx.kind in PROPOSING_PAPERS:
        for pm in PROPOSAL_AIM.finditer(sent):
            goal = _clean_item(pm["goal"])
            # (the steering document it names: a convention whose articles aim, one the proposals are to follow or bring in)
            refs = r.refs_in(a + pm.start("goal"), a + pm.end("goal"), weak=False)
            pid = refs[0].pid if refs else None
            start = a + pm.start("goal")
            cuts = list(ATT_SERIES.finditer(r.text, a + pm.start("aim"), start + len(goal)))
            if not cuts:
                add(goal, start, start + len(goal), pid, True)
                continue
            # aims in a row, each its own: "Förslagen syftar till att säkerställa …, att regelverket ska ge stöd … och att …"
            at = a + pm.start("aim")
            for cut in [*cuts, None]:
                end = cut.start() if cut else start + len(goal)
                part = _clean_item(r.text[at:end])
                add(part, at, at + len(part), pid, True)
                at = cut.end() if cut else end
    gm = GOALS_ABOUT.search(sent)
    if gm:
        raw = gm["items"]
        last = list(re.finditer(r"\s+(?:samt|och)\s+", raw))
        cut = [x for x in last if x.group().strip() == "samt"] or last
        head, tail = (raw[:cut[-1].start()], raw[cut[-1].end():]) if cut and "," in raw[:cut[-1].start()] else (raw, "")
        parts = [x for x in re.split(r",\s+", head) + ([tail] if tail else []) if x]
        # ("Delmålen är ekonomisk jämställdhet, jämställd hälsa och …", not what they are like: "Målen är tydliga och mätbara")
        if len(parts) >= 2 and not (gm["are"] and any(len(x.split()) < 2 for x in parts)):
            lead = max(0, gm.start() - 40)
            area = AREA_GOALS.search(sent[lead:gm.end()])
            pid = _area_policy(r, area["area"], a + lead + area.start("area")) if area \
                else policy_for(a, b, a + gm.start(), None, None)
            for part in parts:
                goal = _clean_item(re.sub(r"^att\s+", "", part))
                k = sent.find(goal, gm.start("items"))
                if k >= 0:
                    add(goal, a + k, a + k + len(goal), pid, True)
    for tm in GOAL_THAT.finditer(sent):
        key = next(k for k in ("goal", "named", "state", "cap") if tm[k])
        goal = _clean_item(_goal_clause(tm[key]))
        lead = max(0, tm.start() - 40)
        area = AREA_GOALS.search(sent[lead:tm.end(key)])
        pid = _area_policy(r, area["area"], a + lead + area.start("area")) if area \
            else policy_for(a, b, a + tm.start(), None, None)
        add(goal, a + tm.start(key), a + tm.start(key) + len(goal), pid, True)



# an aim said with a noun GOAL_INTRO does not know: "Visionen är att alla barn ska …", "Huvudmålet är att minska …",
# "Målbilden är att …", "Slutförvarsprojektets huvudsyfte är att …", "Ändamålet med stödet är att …", "Huvudmotivet för
# dessa styrmedel ska vara att …"; and a goal word it knows said with its source or an ordinal before "att"
# ("Regeringens mål enligt direktiven är att …", "Syftet med utredningen är för det första att …")
AIM_NOUN_INTRO = re.compile(
    r"(?:^|(?<=\s))(?:(?P<goalword>(?:[Dd]e[nt] (?:övergripande |långsiktiga |gemensamma )?)?(?:[Vv]isionen|[Hh]uvudmål(?:et|en)|[Mm]ålbilden)"
    r"|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:(?:övergripande|långsiktiga|gemensamma) )?(?:huvudmål|vision|målbild))"
    r"|(?P<aimword>[Ää]ndamålet|[Hh]uvudmotivet|[Hh]uvudsyftena"
    # "Bakgrunden till förslaget är bland annat att skapa nya jobb …": a motive told as what it is to bring about
    r"|[Bb]akgrunden till (?:förslag(?:et|en)|reformen|ändring(?:en|arna)|lagändring(?:en|arna))"
    r"(?= (?:är|var) (?:bland annat |främst |framför allt )?att [a-zåäö]+a\b)|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:huvudsyfte|huvudmotiv))"
    r"|(?P<known>(?:[Dd]e[nt] (?:övergripande |långsiktiga )?)?(?:[Mm]ålet|[Ss]yftet|[Mm]ålsättningen|[Mm]ålen)"
    r"|(?<![\w-])[A-ZÅÄÖ][\wåäö-]+s (?:(?:övergripande|långsiktiga) )?(?:mål|syfte|målsättning))"
    # "Ett annat syfte med uppdraget har varit att …", "En särskild målsättning är att …"
    r"|(?P<another>(?<![\w-])(?:[Ee]tt (?:annat|ytterligare|särskilt|viktigt|centralt|grundläggande|övergripande) syfte"
    r"|[Ee]n (?:annan|ytterligare|särskild|viktig|central|grundläggande|övergripande) (?:målsättning|ambition))))"
    r"(?: (?:med|för|i|inom|under) (?P<with>[^.:]{2,140}?),?)?(?P<source> enligt [^.:,]{2,60}?)?"
    # ("… ska mot denna bakgrund vara att …", "… bör främst vara att …", "Målen … bör, enligt utredningen, vara:")
    r" (?:(?:ska|skall|bör)(?P<between>,[^,.:;]{2,50},| (?:mot denna bakgrund|därför|således|fortsättningsvis|även fortsättningsvis"
    r"|fortsatt|också|även|främst|i första hand|huvudsakligen|framför allt|alltjämt))? vara|är|var|har varit|blir)"
    r"(?P<ordinal> för det första| i första hand)?(?: (?:bland annat|främst|också|även|därför|ytterst))?(?: att:?\s*|(?P<list>:)\s*$)")
AIM_WORD_KINDS = ("kommittédirektiv", "regeringsuppdrag", "proposition", "betänkande", "promemoria", "lagrådsremiss")


def _aim_noun_goals(r: Reader, sent: str, a: int, b: int, prev_a: int, add, policy_for) -> None:
    """AIM_NOUN_INTRO: the goal after an aim noun, as GOAL_INTRO reads its own ("Syftet" only where it is the aim of
    what a directive, an assignment or a proposal asks, or of a steering document it names)."""
    text = r.text
    for m in AIM_NOUN_INTRO.finditer(sent):
        if m["known"] and not (m["source"] or m["ordinal"] or m["between"]):
            continue                      # GOAL_INTRO's own reading
        if m["list"] and not m["between"]:
            continue
        if re.search(r"\b(?:om|huruvida|när|då|där|vars|eftersom)\s+$", sent[:m.start()]):
            continue                      # a condition: "… vid om ändamålet med övervakningen är att avslöja brott"
        known = GOAL_INTRO.match(sent, m.start())
        if known and not known["within"]:
            continue
        named = bool(m["with"]) and bool(r.refs_in(a + m.start("with"), a + m.end("with")))
        aim = m["aimword"] or any(m[k] and "syfte" in m[k].lower() for k in ("known", "another"))
        if aim and r.ctx.kind not in AIM_WORD_KINDS and not _proposing(r.ctx.kind, text, strict=True) and not named and \
                (m["with"] or not r.refs_in(prev_a, a + m.start())):
            continue                      # the aim of anything else ("Ändamålet med behandlingen …" in a report)
        pid = policy_for(a, b, a + m.start(), m["with"], a + m.start("with") if m["with"] else None)
        stated = pid is None or pid < 0
        rest_start = a + m.end()
        if sent[m.end():].strip() == "" or sent.rstrip().endswith(":"):
            for s0, e0 in _bullets_after(text, b):
                add(_clean_item(text[s0:e0]), s0 + (len(text[s0:e0]) - len(BULLET.sub("", text[s0:e0]))), e0, pid, stated)
            continue
        rest = text[rest_start:b]
        at = rest_start
        for part in re.split(r",?\s+dels\s+att\s+", re.sub(r"^dels\s+att\s+", "", rest)) if rest.startswith("dels ") else [rest]:
            at = text.find(part, at)
            goal = _clean_item(_before_dash(part))
            add(goal, at, at + len(goal), pid, stated)



# an aim held, said with more words than AIM_NOUN reads: "Utredningen har också som syfte att …", "Kunskapsbanken ska ha som
# sitt primära syfte att …"; and an aim the government or a council holds, said in passing: "… i linje med regeringens
# ambition att det ska vara enklare att investera …", "… i regeringens strävan att bidra till en internationell ordning …"
AIM_HELD = re.compile(r"\b(?:har|ha|hade)\s+(?:(?:också|även|bland annat|främst|dessutom)\s+)?som\s+(?:sitt\s+|sin\s+)?"
                      r"(?:(?:primära|främsta|huvudsakliga|övergripande|enda|yttersta)\s+)?(?:syfte|mål|målsättning)\s+att\s+(?=[a-zåäö])"
                      r"|(?<!\bär )(?<!\bvar )\b(?:[Rr]egeringens|Sveriges|[Rr]iksdagens|[Kk]ommunens|[Rr]egionens|[Ss]tatens|EU:s|"
                      r"[Nn]ämndens|[Ss]tyrelsens)\s+(?:[a-zåäö]+a\s+){0,2}(?:ambition|strävan|vision|målsättning)\s+att\s+(?=[a-zåäö])")
# goals told as a row after "målet:" where each is a sentence of its own with "ska": "… utvecklingen mot målet: den psykiska
# hälsan bland unga ska öka, social inkludering ska öka och alla unga ska ha en meningsfull fritid"
GOAL_COLON_ROW = re.compile(r"\bmål(?:et|en)\s*:\s+(?P<items>[^\n]+)")
# goals announced by their number and a word between ("Strategin har tre övergripande mål;", "sex strategiska mål inom lika
# många prioriterade områden:") or as what follows ("Övergripande syfte inom respektive område är följande:"), the list after
LIST_INTRO_MORE = re.compile(r"\b(?:[Tt]vå|[Tt]re|[Ff]yra|[Ff]em|[Ss]ex|[Ss]ju|[Åå]tta|[Nn]io|[Tt]io)\s+(?:[a-zåäö]+a\s+){1,2}"
                             r"(?:mål|målsättningar|delmål)\b[^:;\n]{0,100}[:;]\s*$"
                             r"|\b(?:[Öö]vergripande\s+)?(?:[Ss]yfte(?:t|n|na)?|[Mm]ål(?:en)?)\b[^:.\n]{0,60}\bär\s+följande:\s*$")


def _held_aim_goals(r: Reader, sent: str, a: int, b: int, own: int | None, add, policy_for) -> None:
    """AIM_HELD, GOAL_COLON_ROW and LIST_INTRO_MORE: the goals they say."""
    text = r.text
    if _proposing(r.ctx.kind, text) or own is not None:
        for m in AIM_HELD.finditer(sent):
            if re.search(r"\b(?:att|som|om|huruvida)\s+$", sent[:m.start()]):
                continue          # the aim is the subject of a clause: "… bedömning är att regeringens ambition att X inte har …"
            goal = _clean_item(_before_dash(sent[m.end():]))
            add(goal, a + m.end(), a + m.end() + len(goal), policy_for(a, b, a + m.start(), None, None), True)
    for m in GOAL_COLON_ROW.finditer(sent):
        raw = re.sub(r"\.\s*$", "", m["items"])
        # (goals apart by commas, the last by "och"/"samt" where each side says its own "ska": not "social
        # inkludering och etablering på arbetsmarknaden ska öka")
        parts = [q for p in re.split(r",\s+(?:och\s+|samt\s+)?", raw)
                 for q in (re.split(r"\s+(?:och|samt)\s+(?=[^,]*\b(?:ska|skall)\b)", p)
                           if len(re.findall(r"\b(?:ska|skall)\b", p)) > 1 else [p])]
        if len(parts) < 2 or not all(re.search(r"\b(?:ska|skall)\s+[a-zåäö]", p) for p in parts):
            continue
        pid = policy_for(a, b, a + m.start(), None, None)
        pos = 0
        for part in parts:
            k = raw.find(part, pos)
            pos = k + len(part)
            goal = _clean_item(part)
            add(goal, a + m.start("items") + k, a + m.start("items") + k + len(goal), pid, True)
    if LIST_INTRO_MORE.search(sent) and not LIST_INTRO.search(sent):
        _bullet_goals(text, b, add, policy_for(a, b, b, None, None), True)


# what a thing or a measure is to contribute to, as CONTRIBUTES reads it, said with more before the verb: two subjects
# ("Bedömningarna och förslagen ska bidra till …"), a phrase after the subject ("Det nya innehållet på webbplatsen ska
# bidra till att …"), the verb first after an adverb ("Vidare ska förslagen bidra till att …"), as a list item, or with
# "skall" ("- Verksamheten skall bidra till att skapa …"); a body is not its subject (that is a responsibility)
_THING = r"(?:[a-zåäö]+[ae]\s+){0,2}[A-ZÅÄÖa-zåäö][\wåäö-]{2,}(?:n|et|na)"
CONTRIBUTES_MORE = re.compile(
    r"^\s*(?:[•*-]\s+)?(?:"
    rf"(?:(?:[Dd]en|[Dd]et|[Dd]e|[Dd]enna|[Dd]etta|[Dd]essa)\s+)?(?P<subject>{_THING}(?:\s+(?:och|samt)\s+(?:de[nt]?\s+)?{_THING})?)"
    r"(?P<phrase>\s+(?:på|i|inom|för|av|från|under|mot)\s+[^,.;:]{2,80}?)?"
    # ("Etableringen av en samverkansarena … är en åtgärd inom livsmedelsstrategin och ska bidra till att …")
    r"(?:\s+är\s+(?:en|ett)\s+[^,.;:]{2,120}?\s+och)?\s+(?:ska|skall)"
    r"|(?:Vidare|Dessutom|Därtill|Därmed|Därigenom|Samtidigt|Sammantaget|På så sätt|På sikt|Även|Också)\s+(?:ska|skall)"
    r"(?:\s+(?:även|också))?\s+(?:(?:den|det|de|denna|detta|dessa)\s+)?"
    rf"(?P<subject2>{_THING}(?:\s+(?:och|samt)\s+(?:de[nt]?\s+)?{_THING})?))"
    r"(?:\s+(?:även|också|särskilt|därmed|bland annat|sammantaget|på sikt|vidare|dessutom|framför allt|främst|i första hand"
    r"|därigenom|i sin tur|långsiktigt))?\s+(?:bidra|leda)\s+till\s+(?:att\s+)?(?=[a-zåäö])")
# who contributes, not what: actors and the words for bodies
NOT_A_THING = re.compile(r"(?i)(?:^|\s)(?:myndighet(?:en|erna)|kommun(?:en|erna)|region(?:en|erna)|länsstyrelse(?:n|rna)|staten|"
                         r"regeringen|utredning(?:en|arna)|utredaren|kommittén|delegationen|samordnaren|aktör(?:en|erna)|"
                         r"part(?:en|erna)|huvudm(?:annen|ännen)|företag(?:et|en)|arbetsgivar(?:en|na)|lärosäte(?:t|na)|"
                         r"universitet(?:et|en)|högskol(?:an|orna)|skol(?:an|orna)|organisation(?:en|erna)|förening(?:en|arna)|"
                         r"medlemsstat(?:en|erna)|länder(?:na)|landet|sektorn|nämnd(?:en|erna)|styrelsen|förvaltning(?:en|arna)|"
                         r"rådet|forumet|nätverket|centr(?:et|umet)|personalen|medarbetar(?:en|na)|eleverna|studenterna|"
                         r"deltagar(?:en|na)|[a-zåäö]+(?<!ing)(?:aren|arna)|[a-zåäö]*(?:inspektionen|verket|ämbetet|kollegiet|institutet))$")


def _contributes_more(r: Reader, sent: str, a: int) -> re.Match | None:
    """CONTRIBUTES_MORE where CONTRIBUTES and MEASURE_AIM have not read the sentence, and its subject is no body."""
    m = CONTRIBUTES_MORE.match(sent)
    if not m or CONTRIBUTES.match(sent) or MEASURE_AIM.match(sent):
        return None
    key = "subject" if m["subject"] else "subject2"
    heads = re.split(r"\s+(?:och|samt)\s+(?:de[nt]?\s+)?", m[key])
    if any(NOT_A_THING.search(h) for h in heads) or r.ctx.bodies.mentions_in(a + m.start(key), a + m.end(key)):
        return None
    return m


def _area_near(r: Reader, a: int, b: int) -> int | None:
    """The policy area whose goals the sentence a..b states: named in it ("… bidra till att de
    jämställdhetspolitiska målen uppnås", "nya mål för förenklingspolitiken"), or, when it names no steering
    document, in the sentence before it in the same paragraph (or the paragraph before, for a short
    sentence) or in the heading of its section ("## Två nya jämställdhetspolitiska delmål")."""
    text = r.text
    places = [(a, b)]
    if not r.refs_in(a, b):
        k = bisect_left(r.sentences, (a, b))
        short = len(text[a:b].split()) < 8          # "De nya målen är:" goes on from the paragraph before
        if k > 0 and ("\n" not in text[r.sentences[k - 1][1]:a] or short):
            places.append(r.sentences[k - 1])
        head = text.rfind("\n#", 0, a)
        if head >= 0:
            places.append((head + 1, text.find("\n", head + 1) if text.find("\n", head + 1) > 0 else len(text)))
    for lo, hi in places:
        m = AREA_GOALS.search(text, lo, hi) or AREA_FOR.search(text, lo, hi)
        if m:
            return _area_policy(r, m["area"], m.start("area"))
    return None


def _area_policy(r: Reader, word: str, at: int) -> int:
    """The draft of a policy area ("jämställdhetspolitiska" or "jämställdhetspolitiken" → jämställdhetspolitiken),
    made the first time its goals are read; its evidence is where the text names it."""
    title = re.sub(r"(?:politiska|politiken)$", "politiken", word) if not word.startswith("politiken ") else word
    span = r.ctx.span(at, at + len(word))
    for pid, d in enumerate(r.drafts):
        if d.policy is not None and d.policy.title == title:
            if span not in d.policy.evidence:
                d.policy.evidence.append(span)
            return pid
    d = PolicyDraft(kinds=Counter({"politikområde": 1}), titles=[(1.0, at, title)])
    d.policy = Policy(title=title, kind="politikområde", evidence=[span])
    r.drafts.append(d)
    return len(r.drafts) - 1


def _goal_clause(s: str) -> str:
    """A goal without the clause that follows it: "mäns våld mot kvinnor ska upphöra [kommer regeringen …]",
    "män och kvinnor ska ha samma makt … [kvarstår, liksom …]"."""
    s = re.split(r",\s+(?:liksom|men|medan|vilket|samtidigt)\b|\s+(?:kommer|har|ska|vill|avser|bör|måste)\s+"
                 r"(?:regeringen|vi|kommunen|staden|regionen|nämnden|styrelsen)\b", s)[0]
    return re.sub(r"\s+(?:kvarstår|gäller|ligger fast|består)\s*$", "", s)


# ---------------------------------------------------------------- stage
def _nested(r: Reader) -> None:
    """A policy named inside another's name relates to it ("handlingsplan för genomförandet av den nationella
    strategin inom …": the plan is based on the strategy), and one named as a part of another ("handlingsplan 2 i
    livsmedelsstrategin")."""
    names = [m for m in r.mentions if m.form == "name" and m.pid is not None]
    # "handlingsplan 2 i livsmedelsstrategin": a part of the policy named right after it
    # ("handlingsplan 2 och 3 i livsmedelsstrategin": each of the parts)
    refs = [m for m in r.mentions if m.pid is not None]
    for k, part in enumerate(refs):
        j, end = k, part.end
        while j + 1 < len(refs) and (refs[j + 1].start < end or
                                     re.fullmatch(r"\s+(?:och|samt)\s+", r.text[end:refs[j + 1].start])):
            j += 1                        # mentions that overlap it ("handlingsplan 2 och 3") or join it with "och"
            end = max(end, refs[j].end)
        whole = refs[j + 1] if j + 1 < len(refs) else None
        if whole is not None and part.form == "name" and part.pid != whole.pid and \
                re.fullmatch(r"\s+(?:i|inom ramen för)\s+(?:den\s+|det\s+)?", r.text[end:whole.start]):
            p, t = r.drafts[part.pid].policy, r.title(whole.pid)
            if t and t != p.title and not any(x[1] == t for x in p.relations):
                p.relations.append(("related", t))
    for outer in names:
        for inner in names:
            if inner.pid != outer.pid and outer.start < inner.start and inner.end <= outer.end:
                p = r.drafts[outer.pid].policy
                t = r.title(inner.pid)
                rel = "based_on" if re.search(r"\bför (?:att genomföra|genomförandet av)\b",
                                              r.text[outer.start:inner.start]) else "related"
                if t and t != p.title and not any(x[1] == t for x in p.relations):
                    p.relations.append((rel, t))


def _related_both_ways(r: Reader) -> None:
    """Two steering documents that hang together hang together both ways: the one a relation points to is
    related to the one it comes from ("handlingsplan (bilaga 1)" of the strategy: the strategy relates to it)."""
    by_title = {d.policy.title: d.policy for d in r.drafts if d.policy is not None}
    for p in list(by_title.values()):
        for _, t in list(p.relations):
            other = by_title.get(t)
            if other is not None and other is not p and not any(x[1] == p.title for x in other.relations):
                other.relations.append(("related", p.title))


# an agreement or an act of the EU whose name holds the day it was made
DATED_BY_NAME = {"konvention", "avtal", "fördrag", "protokoll", "överenskommelse", "förordning", "direktiv"}
_NAMED_DAY = r"\b(?:av\s+)?den\s+(?P<on>\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)\b"
NAME_DATE = re.compile(_NAMED_DAY)
DATED_BEFORE_ALIAS = re.compile(r"\b[\wåäö-]*(?:[Kk]onvention|[Aa]vtal|[Ff]ördrag|[Pp]rotokoll|[Öö]verenskommelse|[Ff]örordning)"
                                r"(?:en|et)?\s+" + _NAMED_DAY + r"[^().;]{0,160}\($")


def _adopters(r: Reader) -> None:
    """Who adopted a policy, where the text shows it without saying "antogs": the government's own
    strategy ("regeringens nationella strategi för …"); the document that is the policy, by its author."""
    ctx = r.ctx
    own = r.document_policy()
    author = ctx.out.document.author
    # what a meeting decides to adopt ("Kommunstyrelsen beslutar 1. att anta reviderad delegationsordning"): its body, that day
    for meeting in ctx.out.meetings:
        for item in meeting.items:
            for dec in item.decisions:
                if not re.match(r"(?:att\s+)?(?:anta|antar|fastställa|fastställer)\b", dec.text) or not dec.evidence:
                    continue
                for m in r.refs_in(dec.evidence[-1].start, dec.evidence[-1].end):
                    p = r.drafts[m.pid].policy if m.pid is not None else None
                    if p is not None and p.adopted_by is None and r.drafts[m.pid].kind not in ("motion", "budget"):
                        p.adopted_by, p.adopted_on = meeting.body, p.adopted_on or meeting.date
                        p.evidence.append(dec.evidence[-1])
    for pid, d in enumerate(r.drafts):
        p = d.policy
        if d.kind in ("direktiv", "förordning") and not p.adopted_on:     # "direktiv 2005/36/EG av den 7 september 2005 om …"
            act = EU_DIRECTIVE if d.kind == "direktiv" else EU_REGULATION
            p.adopted_on = next((parse_date(dm["on"]) for m in d.mentions if m.form == "name"
                                 for dm in [act.match(r.text, m.start)] if dm and dm["on"]), None)
        if d.kind == "kommittédirektiv" and not p.adopted_on:
            p.adopted_on = parse_date(p.title)            # "Tilläggsdirektiv (2 mars 2023)"
        if d.kind in DATED_BY_NAME and not p.adopted_on:
            # "Konventionen den 29 juli 1960 om skadeståndsansvar … (Pariskonventionen)": the day in its name, also
            # where the text goes on to call it by a short name in brackets
            dm = NAME_DATE.search(p.title) or next((x for x in (DATED_BEFORE_ALIAS.search(r.text[max(0, m.start - 240):m.start])
                                                                for m in d.mentions) if x), None)
            p.adopted_on = parse_date(dm["on"]) if dm else None
        if p.adopted_by:
            continue
        owner = ctx.bodies.get(d.owner) if d.owner and d.owner != "muni" else None
        national = any(m.form == "name" and NATIONAL_BEFORE.search(r.text, max(0, m.start - 30), m.start)
                       for m in d.mentions)
        if owner is not None and owner.kind in ("regering", "myndighet", "fullmäktige", "styrelse", "nämnd", "departement",
                                                "organisation") \
                and d.kind not in ("reglemente", "regleringsbrev", "ägaranvisning"):
            # a board's reglemente is the council's; an agency's regleringsbrev the government's
            p.adopted_by = owner.label        # "Socialstyrelsens nationella riktlinjer", "regeringens strategi"
        elif d.kind in ("regleringsbrev", "kommittédirektiv") and (government := ctx.bodies.resolve("regeringen")):
            p.adopted_by = government         # "regleringsbrevet för budgetåret 2017", a directive: the government's
        elif author == "Regeringen" and (national or re.match(r"(?:En |Den )?[Nn]ationell(?:a)? ", p.title)) \
                and d.kind in ("strategi", "handlingsplan", "program", "plan"):
            p.adopted_by = author             # a national strategy in the government's own paper
        elif author == "Regeringen" and d.owner is None and d.kind in ("strategi", "handlingsplan") \
                and not NOT_THE_GOVERNMENTS.search(p.title) and not _names_a_body(r, d):
            p.adopted_by = author             # a strategy or an action plan the government's paper speaks of as its own
        elif pid == own and author and ctx.bodies.get(author) and \
                ctx.bodies.get(author).kind in ("regering", "fullmäktige", "styrelse", "nämnd"):
            p.adopted_by = author
            if ctx.out.document.date and not p.adopted_on and _ADOPTION_DATED(ctx):
                p.adopted_on = ctx.out.document.date


# a steering document of the EU, the UN or another international body, or of a region, is not the government's
NOT_THE_GOVERNMENTS = re.compile(r"\b(?:EU|Europeiska|FN|Förenta|OECD|Nato|Nordiska|Agenda)\b|EU:s|FN:s|[Ii]nternationell"
                                 r"|Östersjö|[Rr]egional|[Ll]okal|[Kk]ommunal")


def _names_a_body(r: Reader, d: PolicyDraft) -> bool:
    """A name of the policy holds a body ("Folkhälsomyndighetens strategi …", "strategi för Sida"): it may be theirs."""
    return any(r.ctx.bodies.mentions_in(m.start, m.end) for m in d.mentions if m.form == "name")


def _header_table(r: Reader) -> None:
    """What the opening table of a steering document says of the document's own policy: who adopted it, when, and for
    how long it holds ("Beslutad av: Kommunfullmäktige", "Beslutsdatum: 2020-02-24", "Giltighetstid: Tills vidare")."""
    own = r.document_policy()
    if own is None:
        return
    ctx, p = r.ctx, r.drafts[own].policy
    fields = header_fields(r.text)
    if "by" in fields and p.adopted_by is None:
        value, a, b = fields["by"][0]
        ms = r.bodies_in(a, b + 1)
        if ms:
            p.adopted_by = ms[0].label
            p.evidence.append(ctx.span(a, b))
    for key in ("on", "by"):
        if key in fields and p.adopted_on is None:
            value, a, b = fields[key][0]
            ds = [d for d in find_dates(value, ctx.year) if d.has_year]
            if ds:
                p.adopted_on = ds[0].iso
                p.evidence.append(ctx.span(a, b))
    for value, a, b in fields.get("valid", []):
        rest = " " + re.sub(r"^(?:Giltighetstid|Giltig|Gäller)\s*", "", value)
        _validity(r, p, rest[0] + rest[1:2].lower() + rest[2:], a, b)


def _ADOPTION_DATED(ctx: Ctx) -> bool:
    m = _adoption(ctx)
    return bool(m and m["date"])


def _sections(ctx: Ctx) -> list[tuple[int, int]]:
    text = ctx.text
    if ctx.kind != "protokoll":
        return [(0, len(text))]
    cuts = [p.start for p in paragraphs(text)]       # each § of the minutes is a matter of its own
    if not cuts:
        return [(0, len(text))]
    bounds = [0] + cuts + [len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]


# the period that closes the phrase a name begins: "Strategi för Sveriges humanitära bistånd genom Styrelsen för
# internationellt utvecklingssamarbete (Sida) 2021–2025", "”En nationell strategi för regional konkurrenskraft,
# entreprenörskap och sysselsättning 2007–2013”"; the year of a plan or budget "för 2022"
CLOSING_YEARS = re.compile(r"(?P<gap>[^.\n\"”;:\d]{0,110}?)\s(?P<a>(?:19|20)\d\d)\s*[–-]\s*(?P<b>(?:19|20)\d\d)"
                           r"(?=\s*(?:[\"”),.]|$|\n)|\s+(?:beslutade|antogs|som|och|har|är|ska|gäller)\b)")
NOT_A_NAME_GAP = re.compile(r"\b(?:som|ska|skall|har|hade|är|var|blir|kommer|beslutade?|beslutat|antog|antogs|lämnade"
                            r"|redovisade|gäller|gällde|under|perioden|åren|mellan)\b")
FOR_YEAR = re.compile(r"\bför (?:år )?((?:19|20)\d\d)$")


def _years_closing(r: Reader, m: Mention) -> tuple[str, str] | None:
    text = r.text
    cm = CLOSING_YEARS.match(text, m.end, min(len(text), m.end + 140))
    if cm and not NOT_A_NAME_GAP.search(cm["gap"]) and cm["a"] <= cm["b"]:
        return cm["a"], cm["b"]
    fy = FOR_YEAR.search(m.title or "")
    return (fy.group(1), fy.group(1)) if fy else None


def _choose_title(d: PolicyDraft) -> str:
    kind = d.kind
    best = max(d.titles, key=lambda t: (t[0] + (5 if _title_kind(t[2]) == kind else 0), -t[1]))
    # a page title glued to its diarienummer: "… i SverigeKu2025/00578" names "… i Sverige"
    return re.sub(r"(?<=[a-zåäö])[A-ZÅÄÖ][A-Za-zåäö]{0,4}\d{4}(?:/\d+)?$", "", best[2])


def _title_kind(title: str) -> str | None:
    for w in reversed(re.findall(r"[\wÅÄÖåäö-]+", title.split(" för ")[0].split(" mot ")[0].split(" om ")[0])):
        p = parse_kind_word(w)
        if p:
            return BASE_KIND.get(p[1], p[1])
    return None


def extract(ctx: Ctx) -> None:
    r = Reader(ctx)
    r.sections = _sections(ctx)
    r.find_mentions()
    r.build()
    for d in r.drafts:
        title = _choose_title(d)
        years = next((y for y in (m.years or _years_closing(r, m) for m in d.mentions if m.form == "name") if y), None) \
            if d.kind not in ("vision", "agenda") else None
        p = Policy(title=title, kind=d.kind)
        if years:
            p.valid_from, p.valid_to = years
        spans = []
        for m in d.mentions:
            if m.form in ("name", "support", "alias", "compound"):
                spans.append(ctx.span(m.start, m.end))
        p.evidence = sorted(set(spans))
        d.policy = p
    # two policies of one title (a plan and the plan it replaces) are told apart by their periods
    titles = Counter(d.policy.title for d in r.drafts)
    for d in r.drafts:
        p = d.policy
        if titles[p.title] > 1 and p.valid_from and p.valid_to and len(p.valid_from) == 4:
            p.title = f"{p.title} {p.valid_from}–{p.valid_to[:4]}"
    _document_title(r)
    # alias mentions count as evidence too
    for m in r.mentions:
        if m.form == "alias" and m.pid is not None:
            sp = ctx.span(m.start, m.end)
            if sp not in r.drafts[m.pid].policy.evidence:
                r.drafts[m.pid].policy.evidence.append(sp)
    _policy_facts(r)
    _header_table(r)
    _nested(r)
    _related_both_ways(r)
    _adopters(r)
    _goals(r)
    _drop_joined_goals(ctx)
    for d in r.drafts:
        d.policy.evidence = sorted(set(d.policy.evidence))
        ctx.out.policies.append(d.policy)
    ctx.extras["policy_reader"] = r


# ---------------------------------------------------------------- for later stages
def policy_at(ctx: Ctx, start: int, end: int) -> str | None:
    """Title of the policy a span of text names or refers to (for consultations, assignments)."""
    r: Reader | None = ctx.extras.get("policy_reader")
    if r is None:
        return None
    for m in r.mentions:
        if m.pid is not None and m.start < end and start < m.end and r.drafts[m.pid].policy is not None:
            return r.drafts[m.pid].policy.title
    return None


def main_policy(ctx: Ctx, pos: int = 0) -> str | None:
    """Title of the policy the passage around `pos` discusses most."""
    r: Reader | None = ctx.extras.get("policy_reader")
    if r is None:
        return None
    d = r.main_policy(pos)
    return d.policy.title if d is not None and d.policy is not None else None
