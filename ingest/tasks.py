"""What a task is, as Swedish administrative text writes one: an infinitive clause ("utreda och ange
…", "ta fram en handbok …"), often several in a row ("att utarbeta en handbok, utreda myndighetens
möjligheter att …, utarbeta en analys samt utveckla arbetet …").

`split_tasks` cuts such a row into its tasks: at a comma, "samt" or "och" that a task verb follows.
A verb is one of the infinitives below (the verbs of duties in decisions, plans and directives) or
a word in -era ("analysera", "implementera"). "och" cuts only the last item of such a list ("A, B
och C"): elsewhere it joins two verbs of one task ("utreda och ange …", "utreda X och föreslå Y").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .document import block_lines
from .normalise import CELL_GAP

# a task read to the end of its sentence: past the dots of "bl.a." and "s.k.", and of a reference to a directive, bill or
# chapter ("… förbereda bildandet av Myndigheten för yrkeshögskolan (dir. 2008:153) samt med Skolverket")
_REF_DOT = r"(?:(?<=[Dd]ir)|(?<=[Pp]rop)|(?<=[Ss]kr)|(?<=[Kk]ap))\.(?=\s\d)"
TASK_TO_END = (rf"(?P<task>(?:[^.\n]|\.(?=[a-zåäö0-9]|\s+[a-zåäö(])|{_REF_DOT})+?)"
               rf"(?:(?!{_REF_DOT})\.(?![a-zåäö0-9]|\s+[a-zåäö(])|$|\n)")
TASK_VERBS = set("""
analysera ange anordna anpassa arbeta avveckla belysa bedöma behandla beskriva besluta bevaka bidra bistå
bygga delta dokumentera driva erbjuda etablera fastställa fortsätta fördela förbereda förbättra fördjupa
föreslå förmedla förstärka förtydliga förvalta genomföra granska hantera identifiera informera inhämta
inleda inrätta kartlägga komplettera lämna leda lyfta medverka motverka möjliggöra presentera prioritera
pröva redogöra redovisa rapportera samla sammanfatta sammanställa samordna samråda samverka se skapa
skydda sprida stimulera stödja stötta stärka säkerställa ta tillhandahålla tillgängliggöra tillse
tillvarata titta undersöka upprätta upprätthålla uppdatera utarbeta utforma utreda utse utvärdera utveckla
utöka verka vidareutveckla vidta värdera återrapportera öka överväga bevara beakta bereda fullgöra
följa främja ge göra hålla inventera kontrollera lägga mäta omfatta planera producera publicera
reglera rekommendera stå säkra sätta söka tilldela ändra åtgärda
""".split())
# a verb whose object may not be a task of its own ("uppdra åt X att …" is no cut)
# nor a verb inside a clause of its own ("… för att stärka och utveckla X": both verbs belong to "att")
NO_SPLIT_BEFORE = re.compile(r"\b(?:att|om|hur|vilka|vilket|som|för|till)\s*$|\batt\s+[a-zåäö]+\s*$")
# a condition opened after "och" and closed by the comma that follows it: "… och om behov finns, (föreslå …)"
CONDITION_OPENED = re.compile(r"\s(?:och|samt)\s+(?:om|när|i\s+den\s+mån|i\s+de\s+fall|för\s+det\s+fall)\s[^,]*$")
# "följa upp, analysera och utvärdera X": a verb with its particle and no object shares the object after it
VERB_PARTICLE = re.compile(r"[a-zåäö]+ (?:upp|ut|fram|in|av|till|med|om|över|igenom|tillbaka)")
# a clause of its own with a modal and an active infinitive: the row after it is that clause's ("föreslå ändringar som kan
# innebära X, minska Y samt leda till Z", "undersöka hur X kan bidra till att öka Y, effektivisera Z och förbättra W");
# a passive one ends no row ("analysera hur X kan stärkas, föreslå Y och utreda Z"), nor does a comma and "samt" ("bedöma
# vilka områden regeringen bör prioritera, samt föreslå …")
MODAL_CLAUSE = re.compile(r"\b(?:som|hur|så\s+att)\s+(?:[^\s,.;]+\s+){0,8}?(?:kan|ska|skall|bör|skulle|kunde|måste)\s+"
                          r"(?:(?:även|också|därmed)\s+)?[a-zåäö]+(?<![^s]s)\b(?!-)")


# "att bland annat föreslå …": a hedge before the task, no part of it; so is what a tilläggsdirektiv adds to ("… ska
# utöver vad som framgår av redan beslutade kommittédirektiv ta ställning till …")
HEDGE = re.compile(r"^(?:bland\s+annat|bl\.\s?a\.|utöver\s+vad\s+som\s+(?:framgår\s+av|anges\s+i)\s+(?:redan\s+beslutade|tidigare|"
                   r"(?:de|det)\s+ursprungliga)\s+(?:kommittédirektiv|direktiv(?:en|et)?|beslutet)(?:\s*\([^()]{2,30}\))?,?)"
                   r"\s+(?=[a-zåäö])")


def without_hedge(task: str) -> str:
    return HEDGE.sub("", task)


# abbreviations whose period ends no sentence ("t.ex. Skatteverkets system")
ABBREVIATION = re.compile(r"(?:\b(?:t\.\s?ex|bl\.\s?a|s\.\s?k|d\.\s?v\.\s?s|dvs|inkl|jfr|resp|ca|nr|kap|prop|dir|"
                          r"dnr|skr|bet|rskr|st|p|f\.\s?d|fr\.o\.m|t\.o\.m)|\b[A-ZÅÄÖ])$")


# abbreviations that end a row ("… organisationer i det civila samhället m.fl."): their full stop stays with the task
CLOSING_ABBREVIATION = re.compile(r"\b(?:m\.\s?fl|m\.\s?m|o\.\s?s\.\s?v|etc)$")


def end_task(task: str, chars: str = " .,;:") -> str:
    """A task without the punctuation that ends its sentence, but with the full stop of an abbreviation that ends it."""
    task = task.strip().rstrip(chars)
    return task + "." if CLOSING_ABBREVIATION.search(task) else task


def first_sentence_end(text: str, a: int, b: int) -> int:
    """Where the first sentence of text[a:b] ends (b if it is one sentence)."""
    for m in re.finditer(r"[.;](?=\s+[A-ZÅÄÖ])", text[a:b]):
        if m.group() == ";" or not ABBREVIATION.search(text[a:a + m.start()]):
            return a + m.start()
    return b


# a line that is an item of a list itself, or the indented rest of one
LIST_ITEM = re.compile(r"[ \t]*(?:[•*▪-]|–|\d{1,2}[.)])\s|[ \t]+\S")


def runs_into_list(text: str, b: int) -> bool:
    """The sentence ending at b has no stop of its own and a list follows it, which completes it: "I uppdraget
    ingår att identifiera ⏎ • sådana varor …" — each item is read with the words before it."""
    head = text[:b].rstrip()
    line = text[text.rfind("\n", 0, b) + 1:b]
    return bool(head) and head[-1] not in ".!?:;)" and not LIST_ITEM.match(line) and \
        bool(re.match(r"[ \t]*\n+[ \t]*(?:[•*▪-]|–)\s", text[b:b + 20]))


# a list whose every item opens with a verb in the infinitive: "• ta fram …, ⏎ • analysera …"
VERB_ITEMS = re.compile(r"(?:[ \t]*\n)+(?P<items>(?:[ \t]*(?:[•*▪-]|–)[ \t]+[a-zåäö]+\b[^\n]*(?:\n|$))+)")


def tasks_listed_after(text: str, b: int) -> bool:
    """The sentence ending at b closed with a full stop, and a list of tasks follows it at once, each item a verb in the
    infinitive ("Regeringen ger X i uppdrag att analysera … . ⏎ • ta fram …, ⏎ • analysera …"): more tasks of the
    same charge, read on their own."""
    line = text[text.rfind("\n", 0, b) + 1:b]
    if not text[:b].rstrip().endswith(".") or LIST_ITEM.match(line):
        return False                # (an item of a list is followed by its fellows, not by a list of its own)
    m = VERB_ITEMS.match(text, b)
    return bool(m) and all(is_task_verb(re.match(r"[ \t]*(?:[•*▪-]|–)[ \t]+([a-zåäö]+)", item)[1])
                           for item in m["items"].splitlines() if item.strip())


def is_task_verb(word: str) -> bool:
    w = word.lower()
    return w in TASK_VERBS or (len(w) > 6 and w.endswith("era") and not w.endswith(("fera", "tera", "nera")))


# "A och att B": the "att" opens a task of its own, so that "och" cuts wherever it stands
# a short adverbial phrase before the first verb of a row of tasks
# ("i dialog med andra relevanta myndigheter, utreda X, utreda Y samt utreda och föreslå Z": the first task verb after it)
LEADING_ADVERBIAL = re.compile(r"\s*(?:utifrån|inom ramen för|med utgångspunkt i|mot bakgrund av|i dialog med|i samverkan med|"
                               r"i samråd med|i samarbete med|tillsammans med)\s+")


def _after_adverbial(task: str) -> int | None:
    """Where the row of tasks begins after a short adverbial phrase that opens it, if one does."""
    adv = LEADING_ADVERBIAL.match(task)
    if not adv:
        return None
    for w in re.finditer(r"[;:]|(?<=\s)([a-zåäö]+)\b", task[adv.end():adv.end() + 90]):
        if not w.group(1):
            return None
        if w.start() > 0 and is_task_verb(w.group(1)):
            return adv.end() + w.start(1)
    return None
CUT = re.compile(r"\s+och\s+att\s+|,\s+(?:och\s+|samt\s+)?|\s+samt\s+|\s+och\s+")
# "dels förbereda X, dels förbereda Y": two tasks
DELS = re.compile(r",?\s+(?:och\s+|samt\s+)?dels\s+(?=[a-zåäö])")


# a clause set off by commas inside one task: "analysera om X bör inrättas och, oavsett bedömning i sak, föreslå hur …",
# "kartlägga X och, vid behov, lämna förslag": its commas cut nothing
INSERTED = re.compile(r",(?=\s+(?:oavsett\s+[^,;]{1,60}|vid\s+behov|i\s+förekommande\s+fall|om\s+(?:så|det)\s+[^,;]{1,40}"
                      r"|där\s+(?:så|det)\s+[^,;]{1,40}|i\s+(?:den\s+)?mån\s+[^,;]{1,40}|så\s+långt\s+(?:det\s+är\s+)?möjligt"
                      r"|med\s+utgångspunkt\s+i\s+[^,;]{1,60}|i\s+första\s+hand),)"
                      r"([^,;]+),")


def split_tasks(task: str) -> list[str]:
    """'utarbeta en handbok, utreda X samt utveckla Y' -> ['utarbeta en handbok', 'utreda X', 'utveckla Y'];
    'dels förbereda X, dels förbereda Y' -> ['förbereda X', 'förbereda Y']. A task that is one clause comes back whole."""
    parts = DELS.split(task[5:]) if task.startswith("dels ") else []
    if len(parts) > 1:
        return [t for part in parts for t in split_tasks(part.strip())]
    masked = INSERTED.sub(lambda m: "\x00" + m.group(1) + "\x00", task)
    if masked != task:
        return [p.replace("\x00", ",") for p in _split(masked)]
    return _split(task)


def _split(task: str) -> list[str]:
    first = re.match(r"\s*([a-zåäö]+)", task)
    if not first:
        return [task]
    lead = 0
    if not is_task_verb(first.group(1)):
        # "utifrån ärendena beskriva X, beskriva Y och kartlägga Z": an adverbial first, then the row
        lead = _after_adverbial(task)
        if lead is None:
            # "en utvärdering av X och att bedöma Y": a task named by a noun, and one by a verb after "och att"
            parts = re.split(r"\s+och\s+att\s+(?=[a-zåäö]+\b)", task, maxsplit=1)
            return [p.strip() for p in parts] if len(parts) == 2 and is_task_verb(parts[1].split()[0]) else [task]
    cands = []
    for m in CUT.finditer(task, lead):
        nxt = re.match(r"([a-zåäö]+)\b", task[m.end():])
        if nxt and is_task_verb(nxt.group(1)) and task[:m.start()].count("(") <= task[:m.start()].count(")"):
            cands.append(m)
    parts, start, used = [], 0, []
    for k, m in enumerate(cands):
        before = task[start:m.start()]
        if len(before.split()) < 2 or NO_SPLIT_BEFORE.search(before) or VERB_PARTICLE.fullmatch(before.strip()) \
                or MODAL_CLAUSE.search(before) and not re.match(r",\s+(?:och|samt)\s", m.group()):
            continue
        if m.group().startswith(",") and (cond := CONDITION_OPENED.search(before)) and \
                not any(is_task_verb(w) for w in re.findall(r"[a-zåäö]+", cond.group())[2:]):
            continue                    # "analysera behovet och om behov finns, föreslå …": the condition is the next verb's
        if m.group().strip() == "och" and (not parts or any(c.group().strip() != "och" for c in cands[k + 1:])):
            continue                    # "utreda och ange …", "utreda X och föreslå Y": one task; "och" cuts only
                                        # the last item of a row ("A, B och C")
        parts.append(before.strip())
        used.append(m.group().strip())
        start = m.end()
    parts.append(task[start:].strip())
    if used in (["samt"], ["och att"]):
        return [task]                   # a pair, as "utreda X och föreslå Y" is: "inhämta synpunkter … samt beakta
                                        # förslag …", "se över X och att lämna förslag till Y" (a row of three is cut)
    return [p for p in parts if p]


# what an assignment holds: "I uppdraget ingår att: • …", "Uppdraget omfattar att …", "I uppdraget ingår bland annat att",
# "I det ingår att …" (what the sentence before asked), "I utredarens uppdrag ingår att"
# (and in a committee's report, in the past: "I uppdraget har bland annat ingått att:", "I uppdraget ingick att …",
# "Uppdraget har även innefattat att", "Uppdraget har inneburit att", "Det har också ingått i utredningens uppdrag att",
# "Slutligen har det i uppdraget ingått att", "I uppdraget ligger sammanfattningsvis bland annat att", "Utredningens
# uppdrag går ut på att", "I samtliga delar av uppdraget har det ingått att")
# (and in its own report a committee's "vårt uppdrag", "utredningens övergripande uppdrag", "I det uppdraget ingår att",
# "I uppdraget ska ingå att", "Vidare har det ingått i uppdraget att", "Vidare omfattar uppdraget att", "Därutöver har
# uppdraget även omfattat att", "En annan del av uppdraget har varit att")
# (and in a decision, the clause inverted: "Vidare ingår i uppdraget att …", "Det ingår även i uppdraget att …",
# "Uppdraget ska även omfatta att …")
_ASSIGNMENT = (r"(?:(?:regerings)?uppdraget|(?:[Uu]tredningens|[Uu]tredarens|[Kk]ommitténs|[Mm]yndighetens|[Vv]årt)\s+"
               r"(?:(?:övergripande|ursprungliga|huvudsakliga)\s+)?uppdrag"
               # (the work it asks for: "I översynen ska ingå att …", "I analysen ingår att …")
               r"|översynen|analysen|kartläggningen|utvärderingen|förstudien)")
_EXTENT = r"(?:(?:även|också|vidare|dessutom|därutöver|härutöver|sammanfattningsvis|särskilt)\s+){0,2}(?:bl\.\s?a\.\s+|bland\s+annat\s+)?"
INCLUDED = re.compile(
    # ("I uppdraget som gäller regelverket för personalliggare ingår bland annat att …")
    rf"\b(?:(?:[Ii]|[Ii]nom\s+ramen\s+för|[Ii]\s+(?:samtliga|alla|båda|varje)\s+del(?:ar)?\s+av)\s+{_ASSIGNMENT}"
    rf"(?:\s+som\s+(?:gäller|rör|avser)\s+[^.;:\n]{{3,80}}?)?|[Ii]\s+det(?:ta)?(?:\s+uppdraget)?)\s+"
    rf"(?:ingår|ingick|ligger|låg|ska\s+{_EXTENT}ingå|har\s+(?:det\s+)?{_EXTENT}(?:ingått|legat))\s+"
    rf"(?:det\s+)?{_EXTENT}att:?(?:\s+|$)"
    rf"|\b(?:[Uu]ppdraget|{_ASSIGNMENT})\s+(?:omfattar|innefattar|innebär|består\s+i|går\s+ut\s+på|har\s+(?:även\s+|också\s+)?(?:innefattat|omfattat|inneburit)|"
    rf"ska\s+{_EXTENT}(?:omfatta|innefatta))\s+"
    rf"{_EXTENT}att:?(?:\s+|$)"
    rf"|\b(?:(?:omfattar|innefattar)\s+uppdraget|har\s+{_ASSIGNMENT}\s+{_EXTENT}(?:omfattat|innefattat|inneburit))\s+{_EXTENT}att:?(?:\s+|$)"
    rf"|\b[Ee]n\s+(?:annan|första|andra|tredje|sista)\s+del\s+av\s+{_ASSIGNMENT}\s+(?:har\s+varit|var|är)\s+att\s+"
    # the remit as the committee's task: "Utredningens uppgift enligt direktiven är att göra en översyn av …"
    rf"|\b(?:[Uu]tredningens|[Uu]tredarens|[Kk]ommitténs|[Dd]elegationens)\s+(?:huvudsakliga\s+|övergripande\s+)?"
    rf"(?:huvud)?(?:uppgift(?:er)?|uppdrag)\s+"   # ("Utredarens huvuduppgifter är att ⏎ • …", "Kommitténs huvuduppdrag är att")
    rf"(?:enligt\s+(?:direktiven|kommittédirektiven)\s+)?(?:har\s+varit|var|är)\s+{_EXTENT}att:?(?:\s+|$)"
    rf"|\b(?:[Dd]et\s+har\s+{_EXTENT}ingått\s+i\s+{_ASSIGNMENT}|har\s+det\s+{_EXTENT}(?:i\s+{_ASSIGNMENT}\s+ingått|ingått\s+i\s+{_ASSIGNMENT})|"
    rf"\bingår\s+(?:det\s+)?{_EXTENT}i\s+{_ASSIGNMENT}(?:\s+{_EXTENT})?"
    # "… ingår i uppdraget bland annat att analysera … Vidare ingår att ta ställning till …"
    rf"|(?:^|(?<=[.:]\s))(?:Vidare|Dessutom|Därutöver|Därtill|Slutligen)\s+ingår\s+(?:det\s+)?(?:även\s+|också\s+)?)"
    rf"\s*att:?(?:\s+|$)"
    # "Uppdraget när det gäller införandet av … har bestått i att", "När det gäller uppdraget i övrigt har kommittén
    # haft att bedöma …"
    rf"|\b[Uu]ppdraget\s+(?:[^.;:\n]{{3,100}}?\s+)?har\s+bestått\s+i\s+att\s+"
    rf"|\bhar\s+(?:utredningen|kommittén|utredaren|delegationen)\s+{_EXTENT}haft\s+att\s+"
    # what the work asked for holds, told with its list: "System- och verksamhetsanpassningarna innefattar att ⏎ * …"
    rf"|(?<![\w-])(?:[Aa]rbetet|[A-ZÅÄÖ][\wåäö]*-?(?:\s+och\s+[\wåäö-]+)?(?:arna|erna|orna|ningen|ningarna))\s+"
    rf"(?:innefattar|omfattar|inkluderar)\s+{_EXTENT}att:?[ \t]*(?=\n|$)"
    # what it holds, named by a noun: "Uppdraget inkluderar frågan om …", "Kommitténs uppdrag utvidgas till att omfatta en
    # bred översyn av …", "Översynen ska också omfatta en analys av …"
    # "Den fördjupade analysen ska omfatta en detaljerad kostnads- och konsekvensanalys …", "Analysen ska också innehålla
    # relevanta riskbedömningar, …"
    rf"|\b(?:[Uu]ppdraget|[Öö]versynen|[\wåäö]+s\s+uppdrag|(?:[Dd]en\s+(?:[a-zåäö]+(?:de|da|ade)\s+)?)?"
    rf"(?:[Aa]nalysen|[Kk]artläggningen|[Ss]tudien|[Ff]örstudien|[Uu]tvärderingen|[Uu]ppföljningen))\s+"
    rf"(?:inkluderar|omfattar|innefattar|utvidgas\s+till\s+att\s+omfatta|"
    rf"ska\s+{_EXTENT}(?:inkludera|omfatta|innefatta|innehålla))\s+{_EXTENT}"
    rf"(?=(?:en|ett|frågan|frågorna|frågor|relevanta|nödvändiga)\s)")


# the head of a table of tasks and who does them: "Åtgärd   Ansvarig   Tidplan", "Aktivitet Ansvar Klart", "Uppdrag   Ansvarig
# nämnd   Klart" (a Markdown table reads the same: ingest/normalise.py sets its cells apart with spaces)
TASK_TABLE_HEAD = re.compile(r"^[ \t]*(?:Nr[ \t]+)?(?P<what>Åtgärd(?:er)?|Aktivitet(?:er)?|Insats(?:er)?|(?:Budget)?[Uu]ppdrag)[ \t]+"
                             r"(?:[A-ZÅÄÖa-zåäö]+[ \t]+)?(?:Huvudansvarig|Ansvarig[at]?|Ansvar)\b[^\n]*$", re.M)


# a row's number: "1", "3.", "1.2"
ROW_NUMBER = re.compile(r"[ \t]*(?:[•\-–*]|\d{1,2}(?:\.\d{1,2})*[.)]?)?[ \t]*")


def task_table_rows(text: str, mentions_in: Callable[[int, int], list], leads: dict[int, int] | None = None
                    ) -> Iterator[tuple[re.Match, int, int, str, list]]:
    """(head, row start, row end, task, the bodies the row names after it) for each row of each task table: a row
    is a task and, after it, the bodies responsible (and perhaps a time), up to a blank line. In a numbered table a
    line without a number goes on the row above, as cells that wrap do in text from a PDF: what stands in the task's
    column (told by how far the line was indented, `leads`) goes on the task, the bodies it names are the row's."""
    leads = leads or {}
    for head in TASK_TABLE_HEAD.finditer(text):
        line_start = text.rfind("\n", 0, head.start()) + 1
        resp_col = leads.get(line_start, 0) + re.search(r"(?:Huvud)?[Aa]nsvar", head.group()).start() + head.start() - line_start
        rows: list[list] = []
        numbered = None
        for pos, end in block_lines(text, head.end() + 1, 40):
            lead = ROW_NUMBER.match(text, pos, end).end() - pos
            has_number = bool(re.match(r"[ \t]*\d", text[pos:end]))
            numbered = has_number if numbered is None else numbered
            if rows and numbered and not has_number:
                row = rows[-1]
                cell = CELL_GAP.search(text, pos, end)
                if leads.get(pos, 0) < resp_col:
                    row[3] = f"{row[3]} {text[pos:cell.start() if cell else end].strip()}"
                row[1], row[4] = end, row[4] + mentions_in(pos, end)
                continue
            found = mentions_in(pos, end)
            if found and found[0].start > pos + lead:
                task = text[pos + lead:found[0].start]
            else:
                cell = CELL_GAP.search(text, pos + lead, end)
                task = text[pos + lead:cell.start()] if cell and numbered else ""
            rows.append([pos, end, head, task, found])
        for pos, end, head_, task, found in rows:
            task = end_task(re.sub(r"\s+", " ", task), " \t,.;:")
            if found and len(task.split()) >= 2 and task[:1].isalpha():
                yield head_, pos, end, task, found


def as_infinitive(task: str, verb_first: bool = False) -> str:
    """A task told as what a body does, in the present tense, as a duty reads it: "samordnar länsstyrelsernas arbete" ->
    "samordna länsstyrelsernas arbete", "leder arbetet" -> "leda arbetet", "genomför" -> "genomföra" (a verb of the
    list above, or one in -era; other words are left as they are, unless `verb_first` says the first word is a verb:
    "tydliggör" -> "tydliggöra", "ser över" -> "se över", "står för" -> "stå för")."""
    first, _, rest = task.partition(" ")
    if verb_first and re.fullmatch(r"[sg]er|[a-zåäö]*[gsn]år", first):
        return f"{first[:-1]} {rest}".strip()
    for present, stem in (("ar", "a"), ("er", "a"), ("ör", "öra")):
        if first.endswith(present):
            verb = first[:-len(present)] + stem
            if verb_first or verb in TASK_VERBS or verb.endswith("era"):
                return f"{verb} {rest}".strip()
    return task


def without_subject(task: str, names: list[str]) -> str:
    """A task told as a clause with its body as the subject, as the body's task: "Statskontoret analyserar i vilken mån
    …" (in "I översynen ska ingå att Statskontoret analyserar …") -> "analysera i vilken mån …"."""
    for name in names:
        if task.startswith(name + " "):
            rest = task[len(name) + 1:]
            verb = as_infinitive(rest)
            if verb != rest:
                return verb
    return task


def as_clause(task: str) -> str:
    """A task that opens its own line or sentence, as it reads inside one: lower case, unless its first word is a
    name ("Öppna jämförelser", "EU-rapporten")."""
    return task[0].lower() + task[1:] if task[1:2].islower() else task
