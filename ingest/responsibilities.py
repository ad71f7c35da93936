"""Stage: responsibilities — which body is made responsible for what, under which policy.

Runs after assignments, so that a decision's own words ("Myndigheten ska …", "I uppdraget ingår
att: • …") resolve to its assignee. Each family below is a kind of phrase, in any document:

DUTY       a named body and "ska"/"skall": "Arbetsförmedlingen ska erbjuda …", "X och Y ska …",
           "X ska, i samverkan med Y, …", "X ska vara administrativt ansvarig för …",
           "X ska medverka i / bidra till …"; the modal first ("Vidare ska X ta fram …",
           "Vid genomförandet av uppdraget ska X analysera: • …"); a clause ("… utvidgas till att
           kommittén även ska • …"). A list after the sentence gives one responsibility per item.
           Not: "ska inte", "ska kunna", "ska få" (a permission), a relative clause ("den plan som
           X ska …"), a municipality or region that "ska vara/bli …" (a goal, see policies).
           "X bör …" is a duty in a decision (of its assignees) and, with lower confidence, in a bill,
           memorandum or committee report (of a body it names); elsewhere it is advice.
CHARGE     "X ansvarar / svarar för (att) …", "X har (det övergripande) ansvar(et) för …", "X är ansvarig för …",
           "X har till uppgift att …", "ansvaret för … ligger hos X".
GIVEN      the tasks of an assignment, for each assignee ("Regeringen ger X i uppdrag att T",
           "X ges i uppdrag att T", "X åläggs att T").
PRESENT    "Arbetsmarknadsnämnden utvecklar …" (a duty in the present tense), only in the passage
           about a policy: a strategy lists what each body does; a standing task anywhere ("X bistår …",
           "X handlägger …", "X samverkar med Y", "X informerar Y löpande").
GENITIVE   "kommunstyrelsens ansvar för samordning … tydliggörs", "Socialstyrelsens och Folkhälsomyndighetens uppdrag
           är att …" (each body of the row).
DEMANDS    "skallkrav för Kommunstyrelsen där det föreslås tas fram …", "ställs krav på X att …".
GROUP      "nämnder och bolag ska …", "respektive nämnd ska …": the group kept as written.
DESIGNATED "(att) X utses till behörig myndighet …", "(att) X och Y får ett ansvar för …", in any clause.
LABELLED   an action plan's rows written as labels: "Åtgärd: Inventera belysningen / Ansvarig: Tekniska nämnden",
           also on one line ("- Inventera belysningen. Ansvarig: Tekniska nämnden").

A body found only by a contextual word ("Myndigheten ska", "Kommittén ska") is resolved to the
document's own body and marked with lower confidence; so is a duty read from the present tense.
"""
from __future__ import annotations

import re

from .assignments import FOLLOWING, INQUIRY_REPORTS, INTENDED, NAME_DOT, background_span, inquiry_duties
from .document import REFUSED_SLOT, not_given
from .bodies import Mention, capitalise
from .context import Ctx
from .model import Responsibility
from .numerals import COUNT, COUNT_WORDS
from .parties import MEETING_AT
from .policies import ACT_KINDS, BULLET, Reader, _bullets_after, _clean_item, _main, norm_space
from .tasks import (INCLUDED, TASK_TO_END, as_clause, as_infinitive, end_task, first_sentence_end, is_task_verb,
                    runs_into_list, split_tasks, task_table_rows, tasks_listed_after, without_hedge, without_subject)

# ---------------------------------------------------------------- words
# a task to be given: "få i uppdrag att", "ges ett särskilt uppdrag att"
_GIVEN_TASK = r"(?:få|ges)\s+(?:ett\s+(?:särskilt\s+)?uppdrag|i\s+uppdrag|(?:i|till)\s+uppgift|uppgiften)\s+att"
# a verb after "att": "ta fram", "se över", "föreslå", "stå för"
_INFINITIVE = r"(?:[a-zåäö]+a|se|ge|[a-zåäö]*(?:slå|nå|gå|stå))\b"
# a time said inside "kommer (…) att (…)": "Regeringen kommer under 2017 att …", "… har för avsikt att under hösten 2016 …"
_WHEN_INSIDE = (r"(?:\s+(?:under|i|till|efter|före|senast|inom|redan)\s+(?:(?:hösten|våren|sommaren|vintern|början\s+av|"
                r"slutet\s+av|år)\s+)?(?:19|20)\d\d)?")
# "ska", and what a proposal says a body is to do: "Skatteverket föreslås ska lämna stöd …", "Folkhälsomyndigheten
# föreslås få meddela ytterligare föreskrifter …" (a power, read as POWER)
MODAL = re.compile(r"\b(?:ska|skall)\b|\bföreslås(?:\s+(?:ska|skall)\b|(?=(?:\s+(?:även|också|vidare|dessutom|därför))?\s+(?:få|bli|(?!besluta\b|anta\b|godkänna\b|fastställa\b|tillstyrka\b|avstyrka\b|lägga\b)[a-zåäö]+a)\b))"
                   # what a body will do: "Polismyndigheten kommer att ta fram en handlingsplan …"
                   rf"|\bkommer(?:\s+(?:därför|också|även|dessutom|nu|vidare))?{_WHEN_INSIDE}\s+att\b(?={_WHEN_INSIDE}(?:\s+(?:även|också|vidare|dessutom|därför|särskilt|närmare|fortsätta\s+att))?\s+{_INFINITIVE})"
                   # what a body says it intends to do: "Regeringen avser att återkomma …", "… har för avsikt att tillsätta …"
                   rf"|\b(?:avser|planerar|har\s+för\s+avsikt)(?:\s+(?:därför|också|även|dessutom|nu|vidare))?{_WHEN_INSIDE}\s+att\b(?={_WHEN_INSIDE}(?:\s+(?:även|också|vidare|dessutom|därför|nu|särskilt|närmare|noga|att))?\s+{_INFINITIVE})"
                   # ... also with the subject after the verb: "Mot denna bakgrund avser regeringen att utmönstra …",
                   # "Därför kommer regeringen att tillsätta …" (the government's; `_inverted_subject` reads it)
                   rf"|\b(?:avser|planerar|kommer)(?=\s+regeringen(?:\s+(?:därför|också|även|dessutom|nu|vidare))?\s+att\s+{_INFINITIVE})"
                   # a task a paper says a body should be given: "Boverket bör få i uppdrag att …", "… bör
                   # Riksantikvarieämbetet ges i uppdrag att …" (elsewhere "bör" is advice, no duty)
                   rf"|\bbör\b(?=(?:\s+[^.;:]{{2,80}}?)?\s+{_GIVEN_TASK}\b)")
# in a decision that gives an assignment, "bör" is what the government asks of its assignees: "Statskontoret bör i
# uppdraget inhämta synpunkter från …", "E-hälsomyndigheten bör belysa …" (elsewhere it is advice: only for them)
INSTRUCTED = re.compile(r"\bbör\b(?!\s+(?:inte|ej|därför|dock|också|även)?\s*(?:vara|bli|ha|kunna|få)\b)")
INSTRUCTING_KINDS = {"regeringsuppdrag", "kommittédirektiv"}
ADVISED = {"Sveriges riksdag"}         # whom a paper's "bör" advises, besides the government (no task of theirs)
ADVERBS = r"(?:även|också|dock|därför|dessutom|därtill|därutöver|härutöver|vidare|gemensamt|tillsammans(?!\s+med\b)|särskilt|fortsatt|fortsättningsvis|framöver|inledningsvis|nu|samtidigt|i huvudsak|alltså|(?:redan )?(?:i dag|idag))"
# (a list item of proposals repeats its intro's "att": "Utredningen föreslår bland annat: • att Skolverket ska få …",
# "• Att Skolverket ges i uppdrag att …")
# (a numbered line, also by section: "2.2 Arbetsmarknadsnämnden ska …")
LEAD = re.compile(rf"(?:[•\-–*]\s+(?:[Aa]tt\s+(?=[A-ZÅÄÖ]))?|\d{{1,2}}(?:\.\d{{1,2}})+\.?\s+|\d{{1,2}}[.)]\s+|#{{1,6}}\s+)?(?:\*\*|__)?"
                  rf"(?:(?:Även|Dessutom|Vidare|Därtill|Därutöver|Samtidigt|Därför|Slutligen|Också)\s+)?")
# where the clause of a modal begins inside its sentence
CLAUSE_CUT = re.compile(r"(?:^|,\s+(?:men\s+|och\s+att\s+|samt\s+att\s+)?|\s+(?:att|där|och att|samt att|eftersom|då|när|men)\s+|:\s*)")
# the agent of a passive duty: "Uppdraget ska samordnas av Naturvårdsverket", "X ska i arbetet bistås av Y"
PASSIVE_DUTY = re.compile(
    r"(?P<obj>\b[A-ZÅÄÖa-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,3})\s+ska\s+(?:" + ADVERBS + r"\s+)*"
    r"(?P<where>i\s+(?:arbetet|detta\s+arbete|uppdraget|genomförandet))?\s*(?:(?:få|kunna)\s+)?"
    r"(?P<verb>[a-zåäö]{3,}[aå])s\s+av\s+"
    r"(?P<who>[^,.;]{3,120}?)(?=\s+(?:och|samt)\s+[a-zåäö]|\s+i\s+(?:arbetet|uppdraget)\b|[,.;]|$)")
NOT_DUTY = re.compile(r"^(?:(?:som\s+huvudregel|i\s+regel|normalt|alltså|därmed|då)\s+)?(?:inte|ej|kunna|få|inte\s+längre)\b")
# a power a proposal gives a body is what it will answer for: "Det föreslås vidare att Konkurrensverket ska kunna
# förelägga …", "Enligt förslagen ska Konkurrensverket få fatta beslut om …" (elsewhere "ska kunna" is a hope)
# what "få" may be said of without being a power: "få del av", "få stöd", "få medel"
NOT_A_POWER = r"(?!(?:del|ta del|tillgång|stöd|bidrag|medel|ersättning|information)\b)"
POWER = re.compile(r"^(?:(?:vid behov|även|också|dessutom|därmed|vidare)\s+)*(?:kunna|få)\s+"
                   r"(?:(?:utökade?\s+|ökade?\s+|större\s+)?(?:möjlighet(?:er)?|rätt|befogenhet(?:er)?)\s+att\s+)?"   # "få möjlighet att"
                   + NOT_A_POWER + r"(?=[a-zåäö]+[aeå]\b)")      # also "få avslå"
# the bodies a tjänsteutlåtande puts its proposed decisions to ("Nämnden föreslås besluta …")
DECIDING_KINDS = {"nämnd", "styrelse", "fullmäktige", "kommun", "region", "förvaltning", "bolag"}
PROPOSING = {"proposition", "promemoria", "lagrådsremiss", "betänkande", "remiss"}
GRANTED = re.compile(r"(?P<verb>får(?:\s+(?:även|också|vidare))?)\s+" + NOT_A_POWER + r"(?!inte\b|ej\b)(?=[a-zåäö]+[aeå]\b)")
# ... and what the rule a paper proposes lets a body do, said as the rule says it: "Folkhälsomyndigheten får meddela
# föreskrifter om smittskyddsåtgärder", "Skatteverket får revidera den som …"
RULED_POWER = re.compile(r"får(?:\s+(?:även|också|vidare))?\s+(?:meddela|besluta|ta\s+ut|förelägga|återkalla|revidera|begära|"
                         r"inhämta|utse|pröva|avslå|bevilja|medge|förordna|inspektera|granska)\b")
REGULATES = re.compile(r"meddela\s+(?:närmare\s+|ytterligare\s+)?föreskrifter\b")
# a task to be given: "… föreslås att Statens skolverk ska få i uppdrag att göra en förstudie …"
COMMISSIONED = re.compile(rf"^(?:(?:även|också|dessutom)\s+)*{_GIVEN_TASK}\s+(?=[a-zåäö])")
# what a proposal says before the body it gives a power or a task to: "I propositionen föreslås även att …", at the
# start of the sentence, and right before the clause of its subject
_PROPOSED = (r"\b(?:föreslås|föreslår(?: (?:regeringen|utredningen|vi))?)"      # "Utredningen föreslår bland annat att …"
             r"(?:\s+(?:även|också|vidare|dessutom|därför|bland\s+annat|bl\.\s?a\.))?\s+att\s+")
PROPOSED_THAT = re.compile(r"^[^.;:]{0,80}?" + _PROPOSED)
PROPOSED_BEFORE = re.compile(_PROPOSED + "$")
ONE_WORD_TASK = re.compile(r"[a-zåäö][a-zåäö-]{5,}(?:en|et|na)")
# what a rule or a decision means for whom: "Bestämmelserna innebär att staten, genom Migrationsverket, har huvudansvaret …"
# ... and what an answer or a report states as a fact: "Kommunen vill understryka att socialnämnden redan i dag ansvarar för …"
# ... and the order a rule sets: "I dag gäller den ordningen att Domstolsverket ansvarar för …", "Av förordningen framgår
# att länsstyrelsen ansvarar för …"
MEANS_THAT = re.compile(r"^[^.;:]{0,80}?\b(?:innebär|innebar|betyder|understryka|understryker|konstatera|konstaterar|framhålla|"
                        r"framhåller|påminna om|påminner om|gäller(?:\s+(?:den|följande)\s+ordning(?:en)?)?|framgår(?:\s+det)?|"
                        r"följer|anges|föreskrivs)(?:\s+(?:även|också|bland annat|bl\.\s?a\.))?\s+att\s+")
STATE = re.compile(r"^(?:vara|bli|ha|präglas|upplevas|kännetecknas|erbjuda\s+en\s+god)\b(?!\s+(?:\w+\s+){0,2}(?:ansvarig|huvudman|"
                   r"värd|samordnande|ansvariga|sammankallande|kontaktpunkt|nationell\s+kontaktpunkt))")
# what a body does as its standing function, in the present tense: "Socialstyrelsen beslutar om utbetalning …",
# "Vinnova fördelar medel …", "Kammarkollegiet administrerar registret", "IVO har tillsyn över …"; and what a
# committee is working on, said of it: "Utredningen ser över smittskyddslagen och analyserar …" (_INQUIRY)
_INQUIRY = r"(?:ser (?:även |också )?över|utreder|analyserar|kartlägger|granskar)"
_FUNCTION = (r"(?:beslutar (?:även |också )?om|prövar|utövar tillsyn|har tillsyn(?:en|sansvar(?:et)?)? över|fördelar|förvaltar|"
             rf"administrerar|{_INQUIRY})")
INQUIRY = re.compile(_INQUIRY)
INQUIRER = re.compile(r"(?i)utredning|utredare|kommitté|delegation|kommission")
# the kind of responsibility a body has: "har det samlade ansvaret för", "har det övergripande ansvaret för"
_RESP_ADJ = (r"(?:övergripande |särskilt |samordnande |yttersta |huvudsakliga |samlade |samlat |fulla |hela |operativa |nationella |formella "
             r"|nationellt |tydligt |stort |gemensamt |formellt |operativt |regionalt |primärt |sektorsövergripande |uttalat )")
# what may stand between "har" and the charge: "har sedan tidigare ansvar för", "har redan i dag ett nationellt ansvar för"
_HAS_ADV = r"(?:(?:även|också|dessutom|sedan tidigare|redan|numera|fortfarande|alltjämt|fortsatt|i dag|idag|därmed|ytterst) )"
# a charge said with what a body answers for or has as its task: "svarar (inom sitt område) för", "har det samlade
# ansvaret för", "är ansvarig för", "blir följaktligen ansvarig för", "har ansvaret att", "har till uppgift att"
_CHARGED = (r"svarar (?:även |också )?(?:inom sitt [a-zåäö]*område )?för(?: att)?|"
            rf"har {_HAS_ADV}{{0,2}}(?:det |ett )?{_RESP_ADJ}?(?:huvud)?ansvar(?:et)? för(?: att)?|har ansvaret att|"
            rf"(?:är|blir) (?:(?:därmed|därefter|därför|följaktligen) )?(?:huvud)?ansvarig(?:a|t)? för(?: att)?|har (?:till|i) uppgift att|"
            # a duty by law: "Regionerna är skyldiga att …", "Socialstyrelsen har en skyldighet att …", "… får en skyldighet att"
            r"(?:är|blir) (?:(?:därmed|därefter|därför|också|även|redan|i dag) )?skyldig(?:a|t)? att|"
            r"(?:har|får|åläggs) (?:(?:därmed|därför|också|även|redan|i dag) )?(?:en |ett )?(?:lagstadgad |tydlig |särskild |uttalad )?"
            r"(?:skyldighet|plikt) att")
# "X ansvarar (även, också …) för (att)", "X ansvarar, som nationellt ackrediteringsorgan, för …", "Regionen ansvarar
# enligt lagen (2010:630) om regionalt utvecklingsansvar för att …"
_ANSWERS = (r"ansvarar(?:, som [^,.;:]{2,60},)? (?:enligt (?:[^,.;:()]{0,40}?(?:lagen|förordningen|balken)|sin instruktion)(?: \(\d{4}:\d{1,4}\))?"
            r"(?: om [^,.;:()]{2,80}?)? (?=för\b))?(?:(?:även|också|dessutom|bland annat|främst|särskilt|(?:redan )?(?:i dag|idag)|numera|sedan (?:[a-zåäö]+ )?(?:19|20)\d\d"
            r"|(?:(?:även|också) )?(?:fortsatt|fortsättningsvis)|fortfarande|alltjämt|ytterst|gemensamt|därmed|därför) )?för(?: att)?")
RESP_VERB = re.compile(
    rf"(?P<verb>utvecklar|{_ANSWERS}|samordnar|genomför|erbjuder|verkar för|bidrar till|säkerställer|"
    r"stödjer|stöttar|följer upp|tar fram|initierar|driver|leder|inrättar|tillhandahåller|upprättar|främjar|"
    rf"{_CHARGED}|"
    r"(?:har|hade)(?: (?:även|också|dessutom|vidare))?(?: sedan [^,.]{2,30}| den \d{1,2} [a-zåäö]+(?: (?:19|20)\d\d)?| i [a-zåäö]+(?:et|en)(?: för (?:19|20)\d\d)?)?"
    r"(?: fått| haft)? (?:i uppdrag|uppdraget|ett uppdrag|som (?:övergripande |huvudsakligt )?uppdrag)(?: av [^.,;]{2,60}?)? att|(?:får|fick|ges|gavs) (?:(?:nu|även|också|dessutom|vidare|därför|bland annat) )*(?:i uppdrag|ett (?:nytt |särskilt )?(?:regerings|tilläggs)?uppdrag)(?: av [^.,;]{2,60}?)? att|"
    # the remit told with words between: "har bland annat haft i uppgift att", "har i det sammanhanget haft i uppdrag att",
    # "har haft som huvuduppdrag att", "skulle även ha till uppgift att" (not "har inte haft i uppdrag att")
    r"(?:har|hade|skulle)(?: (?!inte\b|ej\b|aldrig\b)[a-zåäö]+){0,4}? (?:fått|haft|ha|få) (?:i |till |som (?:sitt )?(?:[a-zåäö]+ )?)?"
    r"(?:huvud)?(?:uppdrag|uppgift)(?:et|en)?(?: av [^.,;]{2,60}?)? att|"
    r"(?:får|fick|ges|gavs) (?:även |också )?(?:i uppgift|till uppgift|uppgiften) att|"      # "ESV får i uppgift att koordinera …"
    r"(?:får|ges|tilldelas|har (?:getts|fått|tilldelats)|(?:bör|föreslås)(?: även| också)? få(?= (?:det )?[a-zåäö ]{0,30}ansvar))"
    r"(?: även| också)? (?:en |ett |det )?(?:något )?(?:utökade? |ökade? |nya? |vidgade? |tydligt |tydligare |"
    r"särskilt |samlat |övergripande |uttalat |omfattande |vissa |större |bättre |bredare )?"
    r"(?:rätt(?:en)?|möjlighet(?:en|er)?|befogenhet(?:en|er)?|[a-zåäö]*ansvar(?:et)?) (?:att|för att|till|över|(?<=ansvar )för|(?<=ansvaret )för)|"
    rf"(?:åläggs|uppdras)(?: även| också| dessutom)?(?: att|(?= (?!att\b)[a-zåäö]+a\b))|(?:övertar|tar över)(?= (?:ansvaret|uppgiften|uppgifterna|[\wåäö-]+s (?:uppgifter|ansvar)))|bistår|handlägger|samverkar med|samtalar (?:även |också )?med|samråder (?:även |också )?med|bidrar(?:, [^,.]{{2,60}},)? med|(?:fullgör|handhar)(?= [^.]{{0,40}}\buppgift)|informerar(?=[^.]{{0,60}}\b(?:löpande|fortlöpande|regelbundet)\b)"
    r"|(?:del|slut)?redovisar(?=[^.]{0,80}\bsenast\b)"
    rf"|{_FUNCTION}"
    r"|(?:är|blir)(?= (?:(?:den |en )?(?:behörig|ansvarig|nationell|central|samordnande) )?[a-zåäö]*myndighet(?:en)?\b))"
    r"(?:(?<=att),)?(?:\s+|(?=:))")           # "får i uppdrag att, i samverkan med UMO, utveckla …"
# a verb in the present tense that says what a body does, not what it is, has, may, thinks or finds ("bedömer att …",
# "konstaterar …"): "undersöker", "beskriver", "tar hänsyn", "informerar"
DONE_VERB = re.compile(r"(?P<verb>(?!(?:är|har|hade|kan|kunde|bör|får|fick|ska|skall|skulle|blir|finns|gäller|avser|menar|anser|"
                       r"vill|behöver|måste|kommer|utgör|innebär|omfattar|ingår|saknar|står|ligger|visar|uppger|anger|"
                       r"framgår|syftar|handlar|rör|berör|motsvarar|tillhör|hör|heter|konstaterar|noterar|välkomnar|"
                       r"delar|återkommer|önskar|hoppas|tror|tycker|upplever|märker|ser)\b)[a-zåäö]+(?:ar|er|ör|år))"
                       r"\s+(?!att\b|sig\s+att\b)(?=[a-zåäö0-9])")
# (a council's rules of procedure: "Socialnämnden fullgör kommunens uppgifter inom socialtjänsten")
# what a body does as its standing task, said in the present tense anywhere ("Centralmyndigheten bistår
# svenska och utländska myndigheter …", "Enheten handlägger …", "IVO informerar Socialdepartementet löpande",
# "Socialstyrelsen delredovisar senast …", "Myndigheten samverkar med TLV om …", "ISP och SSM bidrar, på begäran av
# regeringen, med statistikunderlag", "ISP är behörig tillståndsmyndighet", "Konkurrensverket är
# tillsynsmyndighet över …")
STANDING_VERB = re.compile(r"bistår|handlägger|samverkar med|(?:samtalar|samråder)(?: även| också)? med|bidrar\b.*\bmed|informerar|(?:del|slut)?redovisar|är|blir|"
                           + _FUNCTION)
CHARGE_VERB = re.compile(rf"^(?:{_ANSWERS}|{_CHARGED}|"
                         r"(?:har|hade|skulle|får|fick|ges|gavs|åläggs|uppdras)\b.*\batt|uppdras|övertar|tar över|(?:får|ges|tilldelas)\b.*\b(?:till|över))\s+")
# "Regeringen ger X i uppdrag att T", "Regeringen uppdrar (också, vidare) (åt) X att T", "ändrar uppdraget till X att T";
# what a report urges the government to do: "(Regeringen uppmanas att) uppdra åt X att T"
GIVE = re.compile(
    rf"\b(?:ger|gav|gavs|ge|gett|givit)\s+(?:regeringen\s+)?(?:(?:nu|härmed|därför|vidare)\s+)?(?P<a>(?:[^.;:]|{NAME_DOT}){{2,400}}?)\s+(?:även\s+|också\s+)?i\s+uppdrag\s+att,?(?:\s+|$)"
    r"|\b(?:uppdrar|uppdrog|uppdrogs|uppdragit|uppdra|(?<=[Dd]et )uppdras)\s+(?:regeringen\s+)?(?:även\s+|också\s+|härmed\s+|vidare\s+|dessutom\s+)?"
    r"(?:den\s+\d{1,2}\s+[a-zåäö]+(?:\s+(?:19|20)\d\d)?\s+)?(?:åt\s+|till\s+)?"
    r"(?P<b>[^.;:]{2,200}?)\s+att,?(?:\s+|$)"
    r"|\b(?:ändrar|kompletterar|förlänger|utökar|utvidgar)\s+(?:regeringen\s+)?uppdraget\s+till\s+(?P<c>[^.;:]{2,200}?)\s+(?:att|om\s+att),?(?:\s+|$)"
    # "Regeringen ger i uppdrag åt de tolv myndigheter som ingår i samverkan … (Polismyndigheten, …) att …"
    r"|\b(?:ger|gav)\s+(?:regeringen\s+)?(?:även\s+|också\s+)?i\s+uppdrag\s+(?:åt|till)\s+(?P<d>[^.;:]{2,400}?)\s+att,?(?:\s+|$)"
    # "(Regeringen uppmanas att) ge Nationellt kompetenscentrum anhöriga (Nka) ett särskilt uppdrag att …"
    r"|\b(?:ger|gav|ge)\s+(?:regeringen\s+)?(?P<e>[^.;:]{2,200}?)\s+ett\s+(?:särskilt\s+|nytt\s+|utvidgat\s+)?uppdrag\s+att,?(?:\s+|$)"
    # "… en ny lag som ger Säkerhetspolisen ansvaret för vissa säkerhetsfrågor", "ge länsstyrelserna det samlade ansvaret
    # för att …"
    r"|\b(?:ger|gav|ge)\s+(?P<f>[A-ZÅÄÖ][^.;:]{1,120}?)\s+(?:det\s+(?:[a-zåäö]+\s+)?)?ansvaret\s+för(?:\s+att)?,?\s+")
# the principals of a national reform, in the definite plural: "Regionerna", "Kommunerna", "Länsstyrelserna"
_PRINCIPALS = r"[Rr]egionerna|[Kk]ommunerna|[Ll]andstingen|[Ll]änsstyrelserna"
GROUP = re.compile(
    r"(?<![\w-])(?P<g>(?:[Rr]espektive|[Vv]arje) (?:nämnd|förvaltning|bolag|bolagsstyrelse|styrelse|myndighet)"
    r"|(?:(?:[Ss]tadens|[Kk]ommunens|[Rr]egionens|[Ss]amtliga|[Aa]lla|[Bb]erörda|[Öö]vriga) )?"
    r"(?:nämnder|förvaltningar|bolag|bolagsstyrelser|stadsdelsnämnder|facknämnder|stadsdelsförvaltningar|myndigheter"
    r")(?: och (?:nämnder|förvaltningar|bolag|bolagsstyrelser|stadsdelsnämnder|facknämnder|"
    r"styrelser|myndigheter))?"
    # the principals of a national reform: "Regionerna ska ta ansvar för …", "alla regioner ska erbjuda …"
    rf"|(?P<principals>(?:[Aa]lla |[Ss]amtliga )?(?:{_PRINCIPALS}|[Rr]egioner|[Kk]ommuner|[Ll]andsting)"
    r"(?: och (?:regionerna|kommunerna|landstingen|regioner|kommuner|landsting))?))\s+"
    # ("Kommuner och landsting får ett ansvar för att förtroendevalda ska kunna …": a duty a proposal gives them, told
    # with its noun as a named body's is)
    rf"(?P<verb>ska|skall|{_ANSWERS}|har ansvar för(?: att)?|(?:är|blir) skyldiga att|har (?:en )?skyldighet att|"
    r"(?:får|ges)(?= (?:ett |det )?(?:[a-zåäö]+t )?ansvar(?:et)? för\b))\s+")
# documents of the state that give duties to kommuner and regioner as such: a bill, a letter, a committee report
STATE_PAPERS = {"proposition", "skrivelse", "betänkande", "promemoria", "regeringsuppdrag", "kommittédirektiv"}
# papers in which the government (or a report to it) says what the government itself is to do, will do or intends:
# "Senast den 25 april vartannat år ska regeringen lämna en utvärdering …", "Regeringen kommer att följa upp …"
# (in an assignment or a directive its "ska" is the voice that gives the tasks, no duty of its own)
GOVERNMENT_VOICE = {"proposition", "skrivelse", "betänkande", "promemoria", "lagrådsremiss", "strategi"}
COMMITMENT = re.compile(r"kommer|avser|planerar|har")
# a body, a verb of its own in the present and what it takes, and "och" before a commitment: "Regeringen välkomnar
# Riksrevisionens granskning och (avser att …)", "Regeringen delar bedömningen och (kommer att …)"
COORDINATED = re.compile(rf"[^.;:,]{{2,80}}?\s(?P<verb>(?!och\b|samt\b)[a-zåäö]{{2,}}r)\s[^.;:]{{2,160}}?\s+och\s+(?:{ADVERBS}\s+)?$")
# the words after an inverted government that are no part of its task: the body it may appoint instead, the power it gets
GOVERNMENT_POWER = re.compile(r"(?:eller\s+den\s+myndighet\s+som\s+regeringen\s+bestämmer\s+)?"
                              r"(?:(?P<power>få|kunna)\s+(?=[a-zåäö]{2,}\b))?(?=\S)")
ASSIGNMENT_CUE = re.compile(r"\buppdrag(?:et|en)?\b|\bi uppdrag\b|\bredovisa\b")
LAW_CUE = re.compile(r"\blag(?:en|ar)?\b|\b[\wåäö]+lagen\b|\bförordning(?:en)?\b|\binstruktion(?:en)?\b")
# a group the text counts, standing for the bodies it last named in a row: "De fem ovan nämnda myndigheterna får i uppdrag …"
COUNTED_GROUP = re.compile(rf"[Dd]e\s+(?P<n>{COUNT})\s+(?:ovan\s+)?(?:nämnda\s+|berörda\s+|utpekade\s+)?"
                           r"(?:myndigheterna|organisationerna|aktörerna|lärosätena|länsstyrelserna|regionerna|kommunerna)")
# words that stand for all the assignees of a decision to several ("Myndigheterna ska: • …", "Lärosätena ska …")
PLURAL_OWN = {"myndigheterna", "de båda myndigheterna", "uppdragsmyndigheterna", "samordningsmyndigheterna", "de berörda myndigheterna", "lärosätena", "universiteten", "högskolorna", "länsstyrelserna",
              "regionerna", "parterna", "organisationerna", "aktörerna"}
# the agencies a sentence has just given a task, named again as a group
THE_AGENCIES = {"myndigheterna", "båda myndigheterna", "de båda myndigheterna", "de två myndigheterna", "dessa myndigheter"}
# a body a text sets up, by its head noun in the definite ("Nationellt forum för sprängämnessäkerhet": "forumet")
DEFINITE_HEAD = {"forum": "forumet", "råd": "rådet", "nätverk": "nätverket", "centrum": "centrumet", "center": "centret",
                 "arena": "arenan", "kansli": "kansliet"}
HEAD_NOUN = re.compile(r"(?:[A-ZÅÄÖa-zåäö]+(?:a|t)\s+)?(?P<head>" + "|".join(DEFINITE_HEAD) + r")\b", re.I)
HEAD_ANAPHORS = {"verket", "inspektionen", "ämbetet", "kollegiet", "institutet", "nämnden", "styrelsen", "myndigheten",
                 "departementet"}
ANSWERS_FOR = re.compile(r"ansvarar (?:\w+ )*för|svarar (?:\w+ )*för|har (?:\w+ )*(?:huvud)?ansvar(?:et)? för|är (?:huvud)?ansvarig|"
                         r"har (?:till|i) uppgift")
# "Den nya myndigheten", "Det nationella forumet", "Den särskilda utredaren": the own word behind its determiner
OWN_DETERMINER = r"[Dd]e[nt]\s+(?:nya|nybildade|blivande|nationella|gemensamma|särskilda|särskilde)\s+"
# words that stand for the document's own body ("Myndigheten ska …" in a decision to one agency)
OWN_WORDS = {"myndigheten", "nämnden", "styrelsen", "förvaltningen", "kontoret", "kommunen", "staden", "regionen",
             "kommittén", "utredningen", "utredaren", "delegationen", "kommissionen", "länsstyrelsen", "utskottet",
             *DEFINITE_HEAD.values()}
# a list introduced without a colon: "Svenska kraftnät ska i ansökan till Ei särskilt ⏎ • beakta …", "FOI ska utveckla
# kartläggningarna enligt följande. ⏎ * …"
LIST_LEAD = re.compile(rf"(?:^|\s)(?:särskilt|bland annat|bl\.\s?a\.|följande(?: sätt)?\.?)$|^(?:{ADVERBS}\s*)+$")   # "Utredaren ska därför ⏎ • …"
# what a body is, before its name: "Kommunens bostadsbolag", "Det kommunala bostadsbolaget", "Expertmyndigheten", "Den
# statliga myndigheten"
DESCRIBED_FIRST = re.compile(r"(?:(?:[Dd]en|[Dd]et|[Dd]e)\s+)?(?:[a-zåäö]+[ae]\s+){0,2}(?:(?:[Kk]ommunens|[Rr]egionens|[Ss]tadens|[Ss]tatens)\s+)?"
                             r"[a-zåäöA-ZÅÄÖ]*(?:bolag(?:et)?|myndighet(?:en)?|stiftelse(?:n)?|förbund(?:et)?|organisation(?:en)?"
                             r"|förening(?:en)?)\s+(?=[A-ZÅÄÖ])")
OWN_PLACE = re.compile(r"\b(?:[Kk]ommunen|[Rr]egionen|[Ss]taden)\b(?!s)")
# (also a body named with the one it works with: "Socialstyrelsen tillsammans med Läkemedelsverket har fått uppdraget att …")
SEPARATOR = re.compile(r"^(?:\s*\([^()]{1,60}\))?\s*(?:,|och|samt|respektive|liksom|tillsammans\s+med)?\s*$")
# each of a group: "Var och en av myndigheterna ska …", "Vardera av regionerna ska …"
EACH_OF = re.compile(r"(?:[Vv]ar\s+och\s+en|[Vv]ardera|[Vv]arje\s+en)\s+av\s+(?:de\s+)?")
# a pair of subjects: "Både Skolverket och Skolinspektionen ska …", "Såväl Försäkringskassan som Arbetsförmedlingen ska …"
BOTH = re.compile(r"(?:[Bb]åde|[Ss]åväl)\s+(?=[A-ZÅÄÖ])")
# a member of a list of bodies that the index does not know, between two it does (or last): "Statens skolverk, Barn- och
# elevombudet och Handikappombudsmannen ska …" (a capitalised name of a definite noun; it is no body of the text, but
# the others keep their duty)
UNKNOWN_MEMBER = re.compile(r"^\s*(?:,|och|samt)\s+[A-ZÅÄÖ][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,4}?(?<=[a-zåäö](?:en|et|na))"
                            r"(?:(?P<sep>\s*(?:,|och|samt))\s*$|(?=\s|$))")
PAIR_SEPARATOR = re.compile(r"^(?:\s*\([^()]{1,60}\))?\s*(?:,|och|samt|som)?\s*$")


class Found:
    """Responsibilities read so far, one per body and task."""

    def __init__(self, ctx: Ctx, reader: Reader):
        self.ctx, self.r = ctx, reader
        self.items: list[Responsibility] = []
        self.keys: dict[str, list[str]] = {}
        self.given: list[tuple[list[str], int]] = []   # the bodies each "ger X i uppdrag"-sentence names
        self.flat: str | None = None                    # the text in lower case, spaces single (_apart)

    def add(self, body: str, task: str, s: int, e: int, pid: int | None, confidence: float = 1.0,
            item: bool = False) -> None:
        """One responsibility per task: a sentence's row of tasks ("utarbeta en handbok, utreda … samt
        utveckla …") is cut into its tasks; a list item is one task as it stands."""
        task = without_hedge(re.sub(r"\s+", " ", task).strip())
        # "X ska ges i uppdrag (i) att förbereda …": the task is what follows
        task = re.sub(r"^(?:ges|få|tilldelas)\s+(?:även\s+|också\s+)?(?:i\s+)?uppdrag(?:et)?\s+(?:i\s+)?att\s+", "", task)
        for t in [task] if item else split_tasks(task):
            self._add(body, t, s, e, pid, confidence)

    def _add(self, body: str, task: str, s: int, e: int, pid: int | None, confidence: float) -> None:
        task = without_subject(end_task(task), [body])
        task = re.sub(r"(?<!både)[,;]?\s+(?:samt|och)$", "", task)    # "att ge X i uppdrag att informera …, samt ⏎ att …"
        # one word is a task only as a definite noun that names a field of work ("ansvarar för informationssäkerheten",
        # "har ansvaret för samordningen"), not a pronoun or a bare verb
        if len(task.split()) < 2 and not ONE_WORD_TASK.fullmatch(task):
            return
        low = task.lower()
        seen = self.keys.setdefault(body.lower(), [])
        if self._restated(body, low, task, s, e, confidence):
            return
        if any(low in old or old in low for old in seen):
            if pid is not None:       # the same duty read again, now with the policy it serves
                for r in self.items:
                    if r.body == body and r.policy is None and (low in r.task.lower() or r.task.lower() in low):
                        r.policy = self.r.title(pid)
            return
        seen.append(low)
        self.items.append(Responsibility(body=body, task=task, policy=self.r.title(pid) if pid is not None else None,
                                         evidence=[self.ctx.span(s, e)], confidence=confidence))

    def _restated(self, body: str, low: str, task: str, s: int, e: int, confidence: float) -> bool:
        """A duty told again elsewhere with more words after the same ones ("ett uppdrag att analysera förekomsten av
        skillnader." and then "1. Analysera förekomsten av skillnader till exempel mellan län, …"): the fuller words stand
        for both, with both quotes. Not where the words after begin another task (", och föreslå …"), and only where
        the text says the shorter words apart from the fuller ones: two readers' cuts of one passage stay as the first
        reader cut it."""
        for r in self.items:
            old = r.task.lower()
            if r.body != body or not low.startswith(old) or not MORE_OF_IT.match(low, len(old)) or \
                    len(old.split()) < 3 or not self._apart(old, low):
                continue
            seen = self.keys[body.lower()]
            seen[seen.index(old)] = low
            r.task, r.confidence = task, max(r.confidence, confidence)
            r.evidence.insert(0, self.ctx.span(s, e))
            return True
        return False

    def _apart(self, short: str, full: str) -> bool:
        """Whether the text says `short` somewhere other than inside `full` (both lower case, spaces single)."""
        if self.flat is None:
            self.flat = re.sub(r"\s+", " ", self.ctx.text).lower()
        at = self.flat.find(full)
        if at < 0:
            return False
        return any(not at <= m.start() < at + len(full) for m in re.finditer(re.escape(short), self.flat))


# what a fuller telling of a duty adds after the same words: more of the same clause, not another task after a comma or
# "och", nor a note's number glued to it
MORE_OF_IT = re.compile(r" (?!(?:och|samt|eller|men)\b)[a-zåäö]")

SUBJECT_TAIL = re.compile(r"s\s+(?:arbete|uppdrag)$"                       # "Kommitténs arbete ska …"
                          r"|\s+(?P<pp>(?:för|i|inom|vid|under|på|med|genom|utifrån|enligt|efter)\s+[^,;:]{2,60})$")
# whom a body works with or for, between it and the modal, which may name bodies: "Statens skolverk i samverkan med
# Statens skolinspektion ska …", "IVO på begäran av Försäkringskassan ska lämna ut …" (the duty is the first body's)
WITH_TAIL = re.compile(r"\s+(?P<pp>(?:i\s+(?:nära\s+)?(?:samverkan|samråd|samarbete|dialog)|efter\s+samråd|tillsammans|"
                       r"på\s+(?:begäran|uppdrag)\s+av)\s+(?:med\s+)?[^,;:]{2,120})$")

# groups the text names in lower case after the bodies of a subject, in the same row: "Naturvårdsverket, länsstyrelserna,
# viltförvaltningsdelegationerna och samverkansråden ansvarar för …" (the named bodies' duty; the groups are not bodies)
_GROUP = r"[a-zåäö-]{4,}(?:erna|arna|orna|rna|en)"
GROUPS_ROW = re.compile(rf"(?:\s*,\s*|\s+(?:och|samt)\s+){_GROUP}(?:(?:\s*,\s*|\s+(?:och|samt)\s+){_GROUP})*")
GROUPS_TAIL = re.compile(GROUPS_ROW.pattern + r"\s*$")
# ... or between them: "Folkhälsomyndigheten, kommunen, Polismyndigheten och länsstyrelsen får …"; or first, as the
# principals of a national reform: "Kommunerna och Polismyndigheten ska …"
GROUPS_BETWEEN = re.compile(GROUPS_ROW.pattern + r"\s*(?:,|och|samt)\s*$")
PRINCIPALS_FIRST = re.compile(rf"(?:[Kk]ommunen|{_PRINCIPALS})(?:\s*,\s*|\s+(?:och|samt)\s+)$")


def _subject(ctx: Ctx, a: int, b: int, government: bool = False) -> tuple[list[str], float, str] | None:
    """The bodies that text[a:b] consists of ("Arbetsförmedlingen", "X, Y och Z", "Affärsverket svenska
    kraftnät (Svenska kraftnät)", "Kommitténs arbete", "Boverket för mätning av värme", "Myndigheten"):
    (labels, confidence, words of the task that stand before the modal); None if it is anything else.
    The government or a ministry only where `government`: elsewhere its "ska" is the author's own voice."""
    text = ctx.text
    seg = text[a:b]
    # "Regeringen eller den myndighet som regeringen bestämmer ska …": the government
    seg = re.sub(r"\s+eller\s+den\s+myndighet\s+som\s+regeringen\s+bestämmer\s*$", "", seg)
    core = re.sub(rf"(?:\s+{ADVERBS})+\s*$", "", seg.rstrip())
    b = a + len(core)
    while a < b and text[a] in " \t\n":
        a += 1
    # an adverb before the body: "Om det behövs ska även Sjöfartsverket bistå …", "… att också Skolverket ska …"
    adverbs = re.match(rf"(?:{ADVERBS}\s+){{1,3}}(?=\w)", text[a:b])
    if adverbs:
        a += adverbs.end()
    if each := EACH_OF.match(text, a, b):
        a = each.end()
    if a >= b:
        return None
    both = BOTH.match(text, a, b)
    separator = PAIR_SEPARATOR if both else SEPARATOR
    a = both.end() if both else a
    mentions = [m for m in ctx.bodies.mentions_in(a, b)]
    if mentions and (described := DESCRIBED_FIRST.match(text, a, mentions[0].start + 1)) and described.end() == mentions[0].start:
        a = described.end()               # "Kommunens bostadsbolag Salabostäder AB ska …": the body the words describe
    if mentions:
        # the document's own municipality or region named by its word beside another body: "Polismyndigheten och
        # kommunen ska …", "Kommunen och Polismyndigheten ska …"
        for wm in OWN_PLACE.finditer(text, a, b):
            label = ctx.bodies.resolve(wm.group().lower())
            if label and not any(m.start <= wm.start() < m.end for m in mentions):
                mentions = sorted([*mentions, Mention(wm.start(), wm.end(), label)], key=lambda m: m.start)
        labels, pos, rest = [], a, []
        for k, m in enumerate(mentions):
            if labels and text[pos:m.start] == " (" and text[m.end:m.end + 1] == ")":
                pos = m.end + 1           # "Statens energimyndighet (Energimyndigheten) och …": the same body
                continue
            gap = text[pos:m.start]
            if not separator.match(gap) and not (labels and GROUPS_BETWEEN.fullmatch(gap)) \
                    and not (not labels and ctx.kind in STATE_PAPERS and PRINCIPALS_FIRST.fullmatch(gap)):
                unknown = UNKNOWN_MEMBER.match(gap) if labels and not both else None
                if not (unknown and unknown["sep"]):         # (a separator after it ends the gap: `$`)
                    rest = mentions[k:]
                    break
            labels.append(m.label)
            pos = m.end
        if not labels:
            return None
        prefix = ""
        tail = text[pos:b]
        if len(labels) >= 2 and not rest and (unknown := UNKNOWN_MEMBER.match(tail)) and not unknown["sep"]:
            tail = tail[unknown.end():]   # "A, B och Barn- och elevombudet (inom sina områden) ska …": the last one unknown
        if not SEPARATOR.match(tail) or tail.strip().endswith((",", "och", "samt")):
            tm = None if rest else SUBJECT_TAIL.fullmatch(tail)
            tm = tm or WITH_TAIL.fullmatch(tail)
            if not tm and not rest and GROUPS_TAIL.fullmatch(tail):
                return list(dict.fromkeys(labels)), 0.9, ""
            if not tm:
                return None               # more than bodies before the modal, or a body within it
            prefix = tm["pp"] or ""
        if {ctx.bodies.bodies[x].kind for x in labels} & {"regering", "departement"} and not government:
            return None
        return list(dict.fromkeys(labels)), 1.0, prefix
    counted = COUNTED_GROUP.fullmatch(text[a:b].strip())
    if counted:
        listed = _listed_before(ctx, a, COUNT_WORDS[counted["n"].lower()])
        return (listed, 0.9, "") if listed else None
    # "Den nya myndigheten", "Det nationella forumet"
    word = re.sub(rf"^{OWN_DETERMINER}", "", text[a:b].strip())
    the_agencies = word.lower() in THE_AGENCIES
    in_sentence: list[Mention] = []
    if the_agencies:
        # "… i Finansinspektionens, Konsumentverkets och Pensionsmyndighetens regleringsbrev … att myndigheterna ska …":
        # the agencies its own sentence has named before it, not those of an assignment told elsewhere
        in_sentence = ctx.bodies.mentions_in(max(text.rfind(". ", 0, a) + 2, text.rfind("\n", 0, a) + 1), a)
        named = list(dict.fromkeys(m.label for m in in_sentence if ctx.bodies.bodies[m.label].kind == "myndighet"))
        if len(named) >= 2:
            return named, 0.8, ""
    if word.lower() in PLURAL_OWN and (plural := ctx.extras.get("own_agencies") or ctx.extras.get("plural_own")
                                       or ctx.extras.get("given_agencies")):
        return list(plural), 0.8, ""
    # ... or, as the subject of a modal in a paper that instructs no one, the agencies the sentence before named together:
    # "Statens folkhälsoinstituts (FHI) och Läkemedelsverkets arbete … effektiviseras. Bl.a. föreslår utredningen att
    # myndigheterna ska bevaka …" (in a decision they are its addressees; the sentence names no other body than the
    # inquiry that proposes it)
    if the_agencies and all(INQUIRER.search(m.label) for m in in_sentence) and ctx.kind not in INSTRUCTING_KINDS \
            and re.match(r"\s*(?:ska|skall|bör)\b", text[b:]) and (row := _row_just_before(ctx, a)):
        return row, 0.7, ""
    # "Den ska också se till …", "Vidare ska de bygga upp …": the body (bodies) the sentence before gave a task
    # (only first in its sentence: not "… när de ska etablera sig")
    before = ctx.extras.get("pronoun_bodies") or []
    first = re.search(r"(?:^|[.:\n])\s*(?:[•*-]\s*)?(?:(?:Även|Dessutom|Vidare|Därtill|Därutöver|Också)\s+)?(?:ska\s+|skall\s+)?$",
                      text[max(0, a - 40):a])
    # ... and "Tullverket och Kustbevakningen har ansvar för … Myndigheterna ska även …": the agencies just given a task
    # ... and "Myndigheten ska …" right after one of several agencies was given a task ("Svenska institutet ska ansvara för
    # portalsidan. Myndigheten ska vara huvudansvarig för …"), where "myndigheten" alone names none of them
    agencies = all(ctx.bodies.bodies[x].kind == "myndighet" for x in before if x in ctx.bodies.bodies)
    if first and (word.lower() == "den" and len(before) == 1 or word.lower() == "de" and before
                  or word.lower() in THE_AGENCIES and len(before) >= 2 and agencies
                  or word.lower() == "myndigheten" and len(before) == 1 and agencies and not ctx.bodies.resolve(word)):
        return list(before), 0.8, ""
    if word.lower() in OWN_WORDS:
        label = ctx.bodies.resolve(word)
        if label and ctx.bodies.bodies[label].kind not in ("regering", "departement"):
            return [label], 0.8, ""
    # the head of a name just given, for the body ("Samtidigt som Trafikverket redovisar uppdraget ska verket …",
    # "Skolinspektionen … Inspektionen ska …")
    if word.lower() in HEAD_ANAPHORS:
        near = [m for m in ctx.bodies.mentions_in(max(0, a - 600), a) if m.label.lower().endswith(word.lower())
                and m.label.lower() != word.lower()]
        if near and len({m.label for m in near}) == 1:
            return [near[-1].label], 0.8, ""
    return None


def _row_just_before(ctx: Ctx, at: int) -> list[str]:
    """The agencies the sentence before the one at `at` names two or more of, in one row."""
    sentences = ctx.sentences(max(0, at - 1500), at)
    if len(sentences) < 2:
        return []
    ms = [m for m in ctx.bodies.mentions_in(*sentences[-2]) if ctx.bodies.bodies[m.label].kind == "myndighet"]
    labels = list(dict.fromkeys(m.label for m in ms))
    if len(labels) < 2 or not all(ROW_GAP.fullmatch(ctx.text[x.end:y.start]) for x, y in zip(ms, ms[1:])):
        return []
    return labels


# what stands between the names of a row: "X, Y och Z", "Statens folkhälsoinstituts (FHI) och Läkemedelsverkets"
ROW_GAP = re.compile(r"s?(?:\s*\([^()]{1,20}\))?\s*(?:,|och|samt)\s*")
GENITIVE_GAP = re.compile(r":?s(?:\s*\([^()]{1,20}\))?\s*(?:,|och|samt)\s*")


def _row_ending(f: Found, a: int, last) -> list[str]:
    """The bodies named in one row right before the mention `last`, from `a` on ("X, Y och" before Z)."""
    row, ms = [], f.r.bodies_in(a, last.start)
    while ms and GENITIVE_GAP.fullmatch(f.ctx.text[ms[-1].end:(row[0] if row else last).start]) and \
            f.ctx.bodies.bodies[ms[-1].label].kind not in ("regering", "departement"):
        row.insert(0, ms.pop())
    return list(dict.fromkeys(m.label for m in row if m.label != last.label))


def _listed_before(ctx: Ctx, at: int, n: int) -> list[str]:
    """The n bodies the text last named together before `at`, in a row ("fem myndigheter (Svenska institutet,
    Universitetskanslersämbetet, …, Vetenskapsrådet och Vinnova)"); none unless the row holds exactly n."""
    ms = ctx.bodies.mentions_in(max(0, at - 1200), at)
    k = len(ms)
    while k > 0:
        row = [ms[k - 1]]
        while len(row) < len(ms[:k]) and SEPARATOR.match(ctx.text[ms[k - 1 - len(row)].end:row[0].start]):
            row.insert(0, ms[k - 1 - len(row)])
        labels = list(dict.fromkeys(m.label for m in row))
        if len(row) >= 2:
            return labels if len(labels) == n else []
        k -= 1
    return []


def _items_after(ctx: Ctx, b: int) -> list[tuple[int, int]]:
    """The list items after a sentence, each cut to its first sentence."""
    text = ctx.text
    out = []
    for s, e in _bullets_after(text, b):
        lead = len(text[s:e]) - len(BULLET.sub("", text[s:e]))
        s += lead
        out.append((s, first_sentence_end(text, s, e)))
    return out


def _inverted_subject(ctx: Ctx, at: int, b: int) -> tuple[int, int] | None:
    """(where the subject after a modal ends, where its task begins) — "ska Svenska kraftnät analysera",
    "ska myndigheten samråda", "ska Pensionsmyndigheten, där …, föreslå" — if a subject stands there
    and a verb follows it."""
    text = ctx.text
    # "ska även Sjöfartsverket bistå", "ska också myndigheten samråda": the subject after an adverb
    adverbs = re.match(rf"(?:\s+{ADVERBS}){{1,3}}(?=\s+[A-ZÅÄÖa-zåäö])", text[at:b])
    at += adverbs.end() if adverbs else 0
    ms = ctx.bodies.mentions_in(at, min(b, at + 200))
    k, last = 0, None
    while k < len(ms) and SEPARATOR.match(text[(last.end if last else at):ms[k].start]):
        last = ms[k]
        k += 1
    if last is not None:
        end = last.end
    else:
        w = re.match(r"\s+([A-Za-zåäöÅÄÖé]+)", text[at:b])
        # "Vidare ska de bygga upp …"; not "ska de som ansöker …", "ska de berörda myndigheterna …", "ska de redovisas …"
        pronoun = w and w.group(1) == "de" and ctx.extras.get("pronoun_bodies") and \
            not re.match(r"\s+(?:som\b|[a-zåäö]+as\b|[a-zåäö]+\s+[a-zåäö]+(?:na|en|et)\b)", text[at + w.end():])
        if not w or w.group(1).lower() not in OWN_WORDS | PLURAL_OWN | HEAD_ANAPHORS and not pronoun:
            return None
        end = at + w.end()
    ic = INTERRUPTION.match(text, end)
    after = ic.end() if ic else end
    return (end, after) if re.match(rf"(?:\s+{ADVERBS})*\s+[a-zåäö]", text[after:after + 40]) else None


# a clause between an inverted subject and its verb: "ska Pensionsmyndigheten, där det identifieras behov, föreslå"
INTERRUPTION = re.compile(r"\s*,\s*(?:där|när|om|som|vid|efter|i\s+den\s+mån|så\s+långt|i\s+samband\s+med|inom|enligt|utifrån|"
                          r"i\s+förekommande\s+fall|(?:i\s+(?:samverkan|samråd|dialog)|tillsammans)\s+med)\b[^,.;:]{0,100},")
# a clause set off by commas between a subject and its modal: ", när bankaktiebolag deltar i en fusion, ska", ", till
# skillnad från vad som anges i de ursprungliga direktiven, ska"
# (also a relative clause or what the body is: "Polismyndigheten, som ska fungera som samordnare, ska …", "Samhall, ett
# statligt bolag, ska …")
INSERTED_BEFORE_MODAL = re.compile(r",\s+(?:(?:när|om|där|då|i den mån|i de fall|så länge|vid behov|i samverkan med|i samråd med|"
                                   r"tillsammans med|i dialog med|i egenskap av|i sin roll som|till skillnad från|i likhet med|liksom|precis som|"
                                   r"på samma sätt som|i enlighet med|enligt|utifrån|inom ramen för|med stöd av|utöver|förutom)\b"
                                   r"[^.;:]{0,200}"
                                   r"|(?:som|vilken|vilket|vilka)\s[^,.;:()]{3,100}|(?:en|ett)\s+[a-zåäö][^,.;:()]{2,60}),\s*$")
# what a sentence opens with before its modal and the subject after it, and belongs to the task: the time a duty is
# bound to ("Senast den 16 januari 2017", "Under perioden 2018–2020"), and before a plain "ska" also the work or report
# it is part of ("Vid genomförandet av uppdraget", "I en rapport") or a condition ("Om det behövs")
TIME_FIRST = re.compile(r"(?:[Ss]enast|[Uu]nder|[Ff]rån och med|[Ff]ram till|[Vv]arje|[Ee]n gång)\b[^,.;:]{2,80}")
FRONTED = re.compile(r"(?:[Vv]id|[Ii]|[Ii]nom|[Oo]m|[Nn]är|[Ee]fter|[Ii]nför|[Ii]nnan|[Uu]tifrån|[Uu]töver|[Ff]örutom|[Ee]nligt|"
                     r"[Gg]enom|[Mm]ed|[Pp]å|[Ff]ör|[Tt]ill|[Ss]om ett led i|[Pp]arallellt med)\s[^.;:]{2,150}")


def _clause_start(text: str, a: int, at: int) -> int:
    """Where the clause that ends at `at` begins, in the sentence that begins at `a`: after the last
    comma, "att", "där" … (CLAUSE_CUT) before it, else after the sentence's lead (a bullet, "Vidare")."""
    left_start = LEAD.match(text, a, at).end()
    cuts = list(CLAUSE_CUT.finditer(text, left_start, at))
    return cuts[-1].end() if cuts else left_start


def _name_start(ctx: Ctx, a: int, clause: int) -> int:
    """A clause does not begin after a comma inside a body's name: "Myndigheten för press, radio och tv ska …" (its
    comma cuts nothing) — where the name itself opens the sentence or a clause ("… beviljas av Myndigheten för press,
    radio och tv ska gälla …" is no duty of the body)."""
    text = ctx.text
    if not re.search(r",\s*$", text[max(a, clause - 4):clause]):
        return clause
    inside = [m for m in ctx.bodies.mentions_in(max(a, clause - 120), clause + 120) if m.start < clause < m.end]
    if not inside:
        return clause
    start = min(m.start for m in inside)
    opens = start <= LEAD.match(text, a, start).end() or CLAUSE_CUT_BEFORE.search(text[a:start]) \
        or re.search(r",\s*$", text[a:start])
    return start if opens else clause


def _listed_back(ctx: Ctx, a: int, clause: int, at: int) -> int:
    """The clause of a modal begins at the first of the bodies a comma cut it from: "Almi Företagspartner AB,
    Inlandsinnovation AB och Fouriertransform AB ska …", "Regeringen beslutar att MSB, Energimyndigheten och
    Kustbevakningen ska …" (the comma parts names, not clauses); a row that hangs on words before it ("I samverkan
    med Skolverket, X och Y ska …") is no subject, and the clause is the whole sentence."""
    text = ctx.text
    if not text[clause:at].strip():
        return clause                  # "X, i samverkan med Y, ska …": a clause set off, read where the modal is
    while clause > a and (comma := re.search(r",\s*$", text[a:clause])):
        comma_at = a + comma.start()
        # (past a group in lower case in the row: "Folkhälsomyndigheten, kommunen, Polismyndigheten … ska")
        if group := re.search(rf",\s*{_GROUP}$", text[a:comma_at]):
            comma_at = a + group.start()
        before = [m for m in ctx.bodies.mentions_in(a, comma_at)
                  if re.fullmatch(r"(?:\s*\([^()]{1,40}\))?", text[m.end:comma_at])]
        if not before:
            break
        first = before[-1].start
        if not (first == LEAD.match(text, a).end() or re.search(r",\s*$", text[a:first])
                or CLAUSE_CUT_BEFORE.search(text[a:first])):
            return a
        clause = first
    return clause


def _apposition(ctx: Ctx, a: int, at: int) -> tuple[int, int] | None:
    """A body and its unit set off by commas before the modal at `at`: "Gymnastik- och idrottshögskolan, Centrum för
    idrottsforskning (CIF), ska …" — (where the two names begin, where they end)."""
    text = ctx.text
    ms = [m for m in ctx.bodies.mentions_in(a, at) if text[max(a, m.start - 2):m.start] != " ("]   # not an alias "(CIF)"
    # ... or the body after what it is: "Den förvaltande myndigheten, Statens jordbruksverk, ska …"
    said = re.search(r"(?:^|(?<=[\s(]))(?:[Dd]en|[Dd]et|[Dd]e)\s+(?:[a-zåäö-]+\s+){0,3}[a-zåäö-]+(?:en|et|na)\s*,\s*$",
                     text[a:ms[-1].start]) if ms else None
    if said and re.fullmatch(r"(?:\s*\([^()]{1,40}\))?\s*,\s*", text[ms[-1].end:at]):
        opens = a + said.start() <= LEAD.match(text, a).end() or CLAUSE_CUT_BEFORE.search(text[a:a + said.start()])
        return (ms[-1].start, ms[-1].end) if opens else None
    if len(ms) < 2:
        return None
    first, second = ms[-2], ms[-1]
    if not (re.fullmatch(r"(?:\s*\([^()]{1,40}\))?\s*,\s*", text[second.end:at])
            and re.fullmatch(r"\s*,\s*", text[first.end:second.start])):
        return None
    opens = first.start <= LEAD.match(text, a).end() or CLAUSE_CUT_BEFORE.search(text[a:first.start])
    return (first.start, second.end) if opens else None


# between a body and the "som" of a relative clause on it: "Folkhälsomyndigheten, som …", "Verket för innovationssystem
# (Vinnova) som …", "Det är Skolverket som …"
RELATIVE_LAST = re.compile(rf"(?<=\s)som(?:\s+{ADVERBS})*\s*$")
RELATIVE_GAP = re.compile(r"\s*,\s*|\)?\s+|\s*\([^()]{1,40}\)\s+")
# what a law does, not a body: "… lagen om Totalförsvarets pliktverk som ska träda i kraft …"
IN_FORCE = re.compile(r"(?:träda\s+i\s*kraft|gälla|upphöra|tillämpas)\b")
# a clause boundary right before a name: "… beslutar att X, Y och Z ska …"
CLAUSE_CUT_BEFORE = re.compile(r"(?:\s(?:att|där|och att|samt att|eftersom|då|när|men)|:)\s+$")


def duty(f: Found, i: int, a: int, b: int, pid: int | None) -> bool:
    """DUTY: a body and "ska"/"skall" (see the module's docstring)."""
    ctx, text = f.ctx, f.ctx.text
    found = False
    modals = list(MODAL.finditer(text, a, b))
    assignees = ctx.extras.get("assignees", set()) if ctx.kind in INSTRUCTING_KINDS else set()
    if assignees or ctx.kind in PROPOSING:
        modals = sorted(modals + list(INSTRUCTED.finditer(text, a, b)), key=lambda m: m.start())
    for mm in modals:
        clause = _listed_back(ctx, a, _name_start(ctx, a, _clause_start(text, a, mm.start())), mm.start())
        rel = re.match(rf"(?:som|vilken|vilket|vilka)(?:\s+{ADVERBS})*\s*$", text[clause:mm.start()])
        bare = False
        if not rel and (som := RELATIVE_LAST.search(text, clause, mm.start())) and \
                (named := ctx.bodies.mentions_in(max(a, som.start() - 200), som.start())) and \
                RELATIVE_GAP.fullmatch(text[named[-1].end:som.start()]):
            # no comma: "… samarbeta med Verket för innovationssystem (Vinnova) som ska …" (the sentence's own duty, of
            # its subject, is still to be read: `found` stays as it is)
            rel, clause, bare = som, som.start(), True
        if rel or re.search(r"\b(?:som|vilken|vilket|vilka)\s+$", text[max(a, clause - 8):clause]):
            # "… Folkhälsomyndigheten, som också ska stödja …": the body the relative clause hangs on;
            # "den plan som X ska ta fram" is no duty of anyone named
            before = ctx.bodies.mentions_in(max(a, clause - 200), clause)
            if not (rel and before and RELATIVE_GAP.fullmatch(text[before[-1].end:clause])):
                continue
            labels = [before[-1].label]
            if ctx.bodies.bodies[labels[0]].kind in ("regering", "departement"):
                continue
            task = re.sub(rf"^(?:{ADVERBS}\s+)+", "", text[mm.end():b].strip(" ,"))
            task = re.split(r",\s|\.\s", task)[0]
            if not NOT_DUTY.match(task) and not IN_FORCE.match(task):
                for label in labels:
                    f.add(label, task, a, b, pid, 0.9)
                found = found or not bare
            continue
        rest = text[mm.end():b]
        rest_strip = rest.lstrip(" ,")
        power = POWER.match(rest_strip) if ctx.kind in PROPOSING else None
        power = power or COMMISSIONED.match(rest_strip)
        if NOT_DUTY.match(rest_strip) and not power:
            continue
        if PASSIVE_DUTY.match(text, clause, b):
            continue                   # "X ska i arbetet bistås av Y": Y's duty (PASSIVE_DUTY), not X's
        subject_end = mm.start()
        inserted = INSERTED_BEFORE_MODAL.search(text, max(a, mm.start() - 240), mm.start())
        if inserted and not text[clause:mm.start()].strip(" ,"):
            # "Finansinspektionen, när ett bankaktiebolag deltar i en fusion, ska få avslå …": the subject before the clause
            subject_end = inserted.start()
            clause = _listed_back(ctx, a, _name_start(ctx, a, _clause_start(text, a, subject_end)), subject_end)
        elif not text[clause:mm.start()].strip(" ,") and (app := _apposition(ctx, a, mm.start())):
            clause, subject_end = app
        # what a proposal gives the government: "Det föreslås också att regeringen ska bemyndigas att meddela …"
        # ... and the power to issue regulations a bill gives it: "Regeringen ska vidare få meddela föreskrifter om …"
        government = ctx.kind in PROPOSING and (bool(PROPOSED_BEFORE.search(text, max(a, clause - 40), clause)) or
                                                bool(power and REGULATES.match(rest_strip, power.end())))
        own_voice = not government and ctx.kind in GOVERNMENT_VOICE and mm.re is MODAL
        subject = _subject(ctx, clause, subject_end, government or own_voice)
        if subject is None:
            # a clause of its own after "och": "Domstolen ska få bestämma tiden … och Kriminalvården ska ansvara för …"
            joined = list(re.finditer(r"\s(?:och|samt|men)\s+(?=[A-ZÅÄÖ])", text[clause:subject_end]))
            if joined and re.search(r"\b(?:ska|skall|får|kan|bör)\b", text[clause:clause + joined[-1].start()]):
                subject = _subject(ctx, clause + joined[-1].end(), subject_end, government)
        # (a main clause: not "… förväntar sig att Arbetsförmedlingen finner … och kommer att följa …")
        if subject is None and COMMITMENT.match(mm.group()) and not text[LEAD.match(text, a, clause).end():clause].strip() \
                and (co := COORDINATED.match(text, clause, subject_end)) and co.end() == subject_end:
            # one subject, two verbs: "Regeringen välkomnar Riksrevisionens granskning och avser att följa upp …"
            first = ctx.bodies.mentions_in(clause, co.start("verb"))
            if first and not text[clause:first[0].start].strip():
                subject = _subject(ctx, first[0].start, co.start("verb"), government or own_voice)
        task_at = mm.end()
        opening = ""                   # words of the task that stand before its inverted subject
        if subject is None:
            # the modal first: "Vidare ska X ta fram …", "I genomförandet av uppdraget ska myndigheten samråda …"
            inverted = _inverted_subject(ctx, mm.end(), b)
            if inverted is None:
                continue
            end, task_at = inverted
            to = re.match(r"(?:\s+\w+){0,2}?\s+att\b", text[task_at:b]) if COMMITMENT.fullmatch(mm.group()) else None
            task_at += to.end() if to else 0          # "avser regeringen (även) att T": the task after "att"
            subject = _subject(ctx, mm.end(), end, government or own_voice)
            if subject is None:
                continue
            # what the sentence opens with and a clause between subject and verb belong to the task: "Senast den
            # 16 januari 2017 ska X redovisa …", "Under perioden 2018–2020 ska X, i samband med årsredovisningen, redovisa …"
            opener = text[LEAD.match(text, a, mm.start()).end():mm.start()].strip(" ,")
            when = TIME_FIRST.fullmatch(opener) or (FRONTED.fullmatch(opener) if mm.group() in ("ska", "skall") and
                                                    not power else None)
            between = text[end:task_at].strip(" ,")
            opening = " ".join(x for x in (when.group(0)[:1].lower() + when.group(0)[1:] if when else "",
                                           between if between.startswith("i samband med") else "") if x)
        labels, confidence, prefix = subject
        if own_voice and any(ctx.bodies.bodies[x].kind in ("regering", "departement") for x in labels if x in ctx.bodies.bodies):
            # not what a request is about ("förslag till regeringen … om att regeringen ska besluta …"), nor a verb of
            # its own between the government and the modal ("att regeringen i skrivelsen bör ange på vilket sätt …")
            if re.search(r"\b(?:bör|ska|skall|kan|får|måste)\b", prefix) or \
                    re.search(r"\bförslag\b[^.;:]{0,80}\bom\s+att\s+$", text[max(a, clause - 120):clause]):
                continue
            # the government's own duty is sure where a rule or a report says it "ska"; what it will or means to do is
            # an intention
            confidence = min(confidence, 0.8 if COMMITMENT.match(mm.group()) else 0.9)
        if mm.re is INSTRUCTED:
            if re.match(r"\s*(?:[Dd]e|[Dd]en|[Dd]et)\s*$", text[clause:subject_end]):
                continue               # "De bör … vara klara": a pronoun for the figures, not the agency
            if assignees:
                if not set(labels) <= assignees:
                    continue
                confidence = min(confidence, 0.8)
            else:
                # what a paper advises a body it names to do ("Läkemedelsverket bör bevaka utbudet …"): a proposal,
                # less sure than a decision; not the government or parliament a report advises, nor what is to be
                # done to the body ("Länsrätten i X bör läggas samman med …", "X bör ges skarpare verktyg")
                if confidence < 1.0 or any(x in ADVISED or ctx.bodies.bodies[x].kind in ("regering", "departement")
                                           for x in labels if x in ctx.bodies.bodies) or \
                        re.match(rf"\s*(?:{ADVERBS}\s+)*(?:[a-zåäö]+\s+)?[a-zåäö]+(?:as|es)\b", text[task_at:b]):
                    continue
                confidence = 0.7
        if mm.group() == "föreslås" and not re.match(r"\s+(?:få|bli)\b", text[mm.end():]) and \
                any(ctx.bodies.bodies[x].kind in DECIDING_KINDS for x in labels if x in ctx.bodies.bodies):
            continue                   # "Arbetsmarknadsnämnden föreslås hänvisa till …": a decision put to a board
        prefix = " ".join(x for x in (opening, prefix) if x)
        if power and (confidence < 1.0 or re.search(r"\b(?:för att|så att|om|när|innan)\s+$", text[max(a, clause - 12):clause])):
            power = None               # a power of a body the text names, not a purpose ("för att myndigheten ska kunna …")
            if NOT_DUTY.match(rest_strip):
                continue
        if power and task_at == mm.end():
            task_at, confidence = mm.end() + len(rest) - len(rest_strip) + power.end(), min(confidence, 0.8)
        task = re.sub(rf"^(?:{ADVERBS}\s+)+", "", text[task_at:b].strip(" ,*_"))   # "**X ska:**" in Markdown
        if (government or own_voice) and all(ctx.bodies.bodies[x].kind == "regering" for x in labels if x in ctx.bodies.bodies) \
                and (said := GOVERNMENT_POWER.match(task)):
            # "Vidare ska regeringen (eller den myndighet som regeringen bestämmer) få meddela föreskrifter om …"
            task, confidence = task[said.end():], min(confidence, 0.8) if said["power"] else confidence
        task = (prefix + " " + task).strip()
        if all(ctx.bodies.bodies[x].kind in ("kommun", "region") for x in labels) and STATE.match(task):
            continue                   # "Aneby kommun ska vara ett attraktivt alternativ …": a goal
        runs_on = bool(task) and runs_into_list(text, b)
        listing = not task or task.endswith(":") or bool(LIST_LEAD.search(task)) or runs_on
        items = _items_after(ctx, b) if listing else []
        if items:
            intro = task.rstrip(":").strip()
            lead = intro + " " if intro and (runs_on or len(intro.split()) <= 3) and not LIST_LEAD.search(intro) else ""
            if LIST_LEAD.search(intro):
                intro = ""             # "ska i ansökan till Ei särskilt • beakta …": the items are the tasks
            for s, e in items:
                for label in labels:
                    f.add(label, lead + _clean_item(text[s:e]), s, e, pid, confidence, item=True)
            if intro and not lead and not FRAME_FIRST.match(intro):
                for label in labels:
                    f.add(label, intro, a, b, pid, confidence)
        elif task:
            for label in labels:
                f.add(label, task, a, b, pid, confidence)
        found = True
    return found


# the frame a list's lead gives its items, no task of its own: "Myndigheterna ska inom givna ekonomiska ramar: • …",
# "X ska utifrån sina respektive uppgifter och mandat: • …"
FRAME_FIRST = re.compile(r"(?:inom|utifrån|under|enligt|vid|genom|tillsammans|gemensamt|i\s+(?:samverkan|samråd|dialog|"
                         r"samarbete)|med\s+utgångspunkt|i\s+enlighet)\b")
ADVERB_GAP = re.compile(rf",? (?:{ADVERBS} )*")
IS_ONE_THAT = re.compile(rf",?\s+är\s+(?:en|ett|den|det)\s+[^,.;:()]{{2,80}}?\s+som\s+(?:{ADVERBS}\s+)*")
# a clause set off between the body and its verb: "Folkhälsorådet, där Piteå kommun och Region Norrbotten ingår, ansvarar
# för …", "Nämnden, som inrättades 2023, ansvarar för …"
ASIDE = re.compile(rf",\s+(?:(?:där|som|vilken|vilket|vilka)\s+[^,.;:()]{{3,100}}|(?:en|ett)\s+[a-zåäö][^,.;:()]{{2,60}}),\s+"
                   rf"(?:{ADVERBS}\s+)*")


def charge(f: Found, i: int, a: int, b: int, pid: int | None) -> bool:
    """CHARGE and PRESENT: "X ansvarar för …", "X har ansvar för …", "X har till uppgift att …"; and, in
    the passage about a policy, "X utvecklar …"."""
    ctx, text, r = f.ctx, f.ctx.text, f.r
    start = sentence_start = LEAD.match(text, a, b).end()
    proposed = PROPOSED_THAT.match(text[start:b])
    means = None
    if proposed and ctx.kind in PROPOSING:
        start += proposed.end()
    else:
        means = MEANS_THAT.match(text[start:b])      # "Bestämmelserna innebär att Migrationsverket har …"
        start += means.end() if means else 0
    via = re.match(r"(?:[Ss]taten|[Dd]et allmänna),?\s+genom\s+", text[start:b])
    if via:
        start += via.end()                # "staten, genom Migrationsverket, har huvudansvaret för …": the agency
    # the subject may be a list: "Kommunstyrelsen och stadsdelsnämnderna ansvarar för …"
    # (a pair, "Både X och Y", "Såväl X som Y", is read by _subject from its first word)
    k, last = 0, None
    both = BOTH.match(text, start, b)
    chain = both.end() if both else start
    separator = PAIR_SEPARATOR if both else SEPARATOR
    mentions = r.bodies_in(chain, chain + 240)
    while k < len(mentions) and (separator.match(gap := text[(last.end if last else chain):mentions[k].start])
                                 or last is not None and GROUPS_BETWEEN.fullmatch(gap)):
        last = mentions[k]
        k += 1
    counted = COUNTED_GROUP.match(text, chain, b) if last is None else None
    if last is not None:
        end = last.end
    elif counted:
        end = counted.end()
    else:
        w = re.match(rf"(?:{OWN_DETERMINER})?([A-Za-zåäöÅÄÖé]+)", text[chain:b])
        if not w or w.group(1).lower() not in OWN_WORDS | PLURAL_OWN | HEAD_ANAPHORS:
            return False
        end = chain + w.end()
    subject = _subject(ctx, start if last is not None else chain, end, government=True)
    if subject is None:
        return False
    labels, confidence, _ = subject
    alias = re.match(r"\s*\([^()]{1,40}\)", text[end:end + 50])     # "Totalförsvarets forskningsinstitut (FOI) får …"
    if alias:
        end += alias.end()
    row = GROUPS_ROW.match(text, end) if last is not None else None
    if row and (after := ADVERB_GAP.match(text, row.end())) and RESP_VERB.match(text, after.end()):
        end, confidence = row.end(), min(confidence, 0.9)     # "X, Y, viltförvaltningsdelegationerna och … ansvarar"
    # where the verb begins: after adverbs ("Enheten svarar även för …", "SiS, får …") or after what the body is
    # ("Kärnavfallsrådet är en tvärvetenskaplig kommitté som har i uppdrag att …")
    gap = IS_ONE_THAT.match(text, end, b) or ASIDE.match(text, end, b) or ADVERB_GAP.match(text, end, min(b, end + 80))
    m = RESP_VERB.match(text, gap.end()) if gap else None
    granted = None
    if not m and gap and (proposed and ctx.kind in PROPOSING or means and ctx.kind in STATE_PAPERS
                          or ctx.kind in PROPOSING and RULED_POWER.match(text, gap.end())):
        # what a proposal or a rule permits a body: "Regeringen föreslår att Försäkringskassan och Pensionsmyndigheten får
        # behandla personuppgifter …", "… innebär att Naturvårdsverket får delegera beslut om licensjakt …"
        m = granted = GRANTED.match(text, gap.end())
    # (what a decision says its own assignee does is what it is to do, whatever the verb: "Folkhälsomyndigheten
    # undersöker förutsättningarna för …", "Myndigheten beskriver hur …", "X tar hänsyn till …"; not in the background
    # the decision recounts, nor after "Regeringen föreslår att" or "… innebär att")
    decided = ctx.kind in INSTRUCTING_KINDS and not _in_background(ctx, a)
    done = None
    if not m and gap and decided and not proposed and not means and start == sentence_start \
            and set(labels) <= ctx.extras.get("assignees", set()):
        m = done = DONE_VERB.match(text, gap.end(), b)
    if not m:
        return False
    verb = m["verb"]
    if INQUIRY.fullmatch(verb) and not done and not any(INQUIRER.search(x) for x in labels):
        return False                      # "Riksrevisionen granskar …", "Skatteverket analyserar …": an account, not a remit
    # the government or a ministry only where the text says what it answers for ("Arbetsmarknadsdepartementet ansvarar
    # för frågor som rör arbetsmarknad …"); elsewhere its verbs are the author's own voice
    # (and the power a bill gives it to rule: "Regeringen får meddela föreskrifter om avgifter", as the same power given
    # with "ska få" is read by `duty`)
    if {ctx.bodies.bodies[x].kind for x in labels if x in ctx.bodies.bodies} & {"regering", "departement"} \
            and not ANSWERS_FOR.match(verb):
        if not (granted and ctx.kind in PROPOSING and REGULATES.match(text, m.end())):
            return False
        confidence = min(confidence, 0.8)
    # "X ges ett tydligt informationsansvar för …": a responsibility given, told with what it is
    # ... or a power, told with it: "Centrala studiestödsnämnden ges en utökad möjlighet att efterkontrollera …"
    given_resp = re.match(r"(?:får|ges|tilldelas|har getts|har fått|har tilldelats|(?:bör|föreslås)(?: även| också)? få)"
                          r"(?: även| också)?\s+(?=.*(?:ansvar(?:et)? för|rätt(?:en)?|möjlighet(?:en|er)?|befogenhet(?:en|er)?))", verb)
    if given_resp and REMISS_INVITED.search(text, m.start("verb"), min(b, m.end() + 60)):
        return False                      # "X har getts möjlighet att lämna synpunkter på …": a remiss asks it, no power
    duty_word = bool(CHARGE_VERB.match(verb + " ")) or bool(given_resp) or bool(granted)
    # (what a decision says a body does is what it is to do: "Länsstyrelsen i Stockholms län samordnar länsstyrelsernas
    # arbete" in an assignment, not in the background it recounts)
    if not duty_word and (pid is None and not decided and not STANDING_VERB.fullmatch(verb) or text.startswith("#", a)):
        return False                      # "X utvecklar …" says what X does, not what X answers for; nor does a heading
    # (a responsibility given is the task without its verb: "ett tydligt informationsansvar för …"; a power keeps it: "ges
    # omfattande möjligheter till …")
    task_start = m.end() if duty_word and not given_resp else \
        m.start("verb") + (given_resp.end() if given_resp and re.search(r"ansvar(?:et)? för", verb) else 0)
    if pid is None and duty_word and ctx.kind in ("tjänsteutlåtande", "kontorsyttrande", "remissvar") \
            and labels[0] != ctx.out.document.author and not LAW_CUE.search(text[a:b]):
        pid = _main(r, a)                 # a remiss answer discusses one policy
    if pid is not None and LAW_CUE.search(text[a:b]) and not r.refs_in(a, b, weak=False):
        pid = None
    sent = text[a:b]
    # a remit a list completes: "… haft i uppdrag att ⏎ • …", "… i uppdrag att bland annat ⏎ • …", "… i uppdrag att
    # lämna förslag på hur ⏎ • …" (each item read with the words before it)
    rest = text[task_start:b].strip()
    colon = sent.rstrip().endswith(":")
    lead = "" if colon or not rest or LIST_LEAD.search(rest) else rest + " "
    if colon and HANGING.search(rest):
        # the items complete the words before them: "Myndigheten tar fram övningsplaner inom: • traumavård, …"
        lead = rest.rstrip(" :") + " "
    if lead and decided and not duty_word and not STANDING_VERB.fullmatch(verb):
        lead = as_infinitive(lead.strip(), verb_first=bool(done)) + " "
    if colon or (not lead or len(rest.split()) <= 5) and runs_into_list(text, b):
        for s, e in _items_after(ctx, b):
            for label in labels:
                f.add(label, lead + _clean_item(text[s:e]), s, e, pid, confidence, item=True)
    else:
        task = re.split(r",?\s+men\s+", text[task_start:b])[0]      # "ansvarar för fritidsgårdarna men har minskat …"
        if decided and not duty_word and (pid is None or done) and not STANDING_VERB.fullmatch(verb):
            task = as_infinitive(task, verb_first=bool(done))    # (read only as the decision's: said as a duty is)
        for label in labels:
            f.add(label, task, a, b, pid, confidence if duty_word else min(confidence, 0.8))
        if duty_word and tasks_listed_after(text, b):       # "X får i uppdrag att T. ⏎ • ta fram …"
            for s, e in _items_after(ctx, b):
                for label in labels:
                    f.add(label, _clean_item(text[s:e]), s, e, pid, confidence, item=True)
    # a standing task said in passing leaves the rest of the sentence to the other families ("Länsstyrelserna
    # samverkar med Folkhälsomyndigheten, som också ska stödja …")
    return duty_word or pid is not None


# a list's lead that ends in a preposition, which its items complete
HANGING = re.compile(r"\s(?:inom|för|om|av|till|med|på|i|avseende|gällande|kring|rörande)\s*:$")


def _in_background(ctx: Ctx, at: int) -> bool:
    """Whether `at` is in the part of a decision that recounts what came before it."""
    span = ctx.extras.get("background")
    if span is None:
        span = ctx.extras["background"] = background_span(ctx.text)
    return span[0] <= at < span[1]


# a charge a sentence names as the means of what it proposes: "… ska förstärkas genom att Institutet för mänskliga
# rättigheter ges i uppgift att fungera som oberoende organ", "… genom att Skolinspektionen får ansvar för …"
MEANS_CLAUSE = re.compile(r"\bgenom\s+att\s+(?=(?:en\s+|ett\s+)?[A-ZÅÄÖ])")


def by_means(f: Found, i: int, a: int, b: int, pid: int | None) -> bool:
    """CHARGE read in a clause of means inside the sentence."""
    return any([charge(f, i, m.end(), b, pid) for m in MEANS_CLAUSE.finditer(f.ctx.text, a, b)])


# the rest of a sentence, past the full stops of its abbreviations ("… som anges i 4 kap. 2 § kommunallagen"), to a ";" or
# its end
_TO_END = r"[^;]{5,600}?(?=;|[.!?]?\s*$)"


def held(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """An assignment, a duty or a work a body holds, named in passing: "utifrån Folkhälsomyndighetens uppdrag att ta
    fram …", "… Folkhälsomyndigheten utifrån dess uppdrag att …", "en skyldighet för Socialstyrelsen att …",
    "Läkemedelsverkets arbete med att utreda …"."""
    ctx, text = f.ctx, f.ctx.text
    sent = text[a:b]
    for um in re.finditer(r"(?P<g>[\wåäöÅÄÖ-]+s|\bdess) (?:regerings)?uppdrag att (?P<task>" + _TO_END + ")", sent):
        if um["g"] == "dess":
            before = f.r.bodies_in(a, a + um.start())
            label = before[-1].label if before else None
        else:
            label = ctx.bodies.resolve(um["g"])
        if label and ctx.bodies.bodies[label].kind not in ("regering", "departement", "kommun", "region"):
            f.add(label, um["task"], a, b, pid, 0.9)
    # a duty proposed for a body: "Vidare föreslås en skyldighet för Socialstyrelsen att, snarast …, informera …"
    # ... and a power a rule gives a body: "lagändringar som ger Finansinspektionen möjlighet att begära in uppgifter …"
    for dm in [*DUTY_FOR.finditer(sent), *GIVES_POWER.finditer(sent)]:
        if WEIGHED.search(sent, 0, dm.start()):
            continue          # "ta ställning till om det bör finnas en skyldighet för X att …": a question, no duty
        subject = _subject(ctx, a + dm.start("who"), a + dm.end("who"))
        if subject:
            for label in subject[0]:
                f.add(label, dm["task"].strip(" ,"), a, b, pid, subject[1])
        elif ctx.kind in STATE_PAPERS and (gm := GROUP.fullmatch(dm["who"] + " ska ")) and gm["principals"] and \
                dm.re is DUTY_FOR and dm["noun"] in ("skyldighet", "ansvar") and \
                not re.search(r"\bhur\s+(?:\S+\s+){0,3}$", sent[:dm.start()]):
            # the principals as such, given a duty: "I promemorian föreslås en skyldighet för kommuner och regioner att
            # förebygga …" (not a power, nor a duty only asked about: "förslag på hur en skyldighet för landstingen …")
            f.add(gm["g"], dm["task"].strip(" ,"), a, b, pid, 0.9)
    # the work bodies do, named by them as the subject of the sentence: "Statens folkhälsoinstituts (FHI) och
    # Läkemedelsverkets arbete med att utreda … effektiviseras" (not "ett stöd i förvaltningens arbete med att …")
    for wm in re.finditer(r"\barbete\s+med\s+att\s+(?P<task>" + _TO_END + ")", sent):
        labels, at = [], a + wm.start()
        for mm in reversed(ctx.bodies.mentions_in(max(a, at - 160), at)):
            gap = text[mm.end:at]
            if not re.fullmatch(r"(?:s|:s|’s)?(?:\s*\([^()]{1,12}\)(?:s)?)?\s+" + ("" if not labels else r"och\s+"), gap):
                break
            labels.insert(0, mm.label)
            at = mm.start
        if LEAD.match(text, a).end() != at:
            continue
        for label in labels:
            if ctx.bodies.bodies[label].kind not in ("regering", "departement", "kommun", "region"):
                f.add(label, wm["task"], a, b, pid, 0.9)


# a duty or a power a text only asks to be weighed: "ta ställning till om det bör finnas en skyldighet för …", "överväga
# om X bör ges möjlighet att …", "analysera huruvida …"
WEIGHED = re.compile(r"\b(?:om|huruvida|ifall)\s+(?:det\s+)?(?:[^,.;:]{0,60}?\s)?(?:bör|ska|skulle|kan|behöver|borde)\b[^.;:]{0,80}$")
# "… som ger Finansinspektionen möjlighet att …", "ger kommunerna en utökad rätt att …"
GIVES_POWER = re.compile(r"\b(?:ger|ge|gav)\s+(?P<who>[^,.;:]{2,80}?)\s+(?P<task>(?:en\s+|ett\s+)?(?:(?:utökad|ökad|större|bättre|ny|vidgad|"
                         r"uttrycklig)[et]?\s+)?(?:möjlighet(?:er)?|rätt|befogenhet(?:er)?)\s+(?:att|till)\s+" + _TO_END + ")")
# a duty or a power proposed for a body, named by its noun: "en skyldighet för Socialstyrelsen att …"
DUTY_FOR = re.compile(r"\b(?:en|ett)\s+(?:ny\s+|nytt\s+|särskild\s+|särskilt\s+|uttrycklig\s+|uttryckligt\s+|generell\s+|"
                      r"[a-zåäö]{3,}(?:ad|at)\s+)?"
                      r"(?P<noun>skyldighet|ansvar|befogenhet|rätt|möjlighet|bemyndigande)\s+för\s+(?P<who>[^,.;:]{2,80}?)\s+att,?\s+(?P<task>" + _TO_END + ")")


def genitive(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """GENITIVE: "kommunstyrelsens ansvar för samordning, … tydliggörs", "Socialnämndens skyldighet att …"; "ansvaret för
    X ligger hos Y"."""
    ctx, text = f.ctx, f.ctx.text
    sent = text[a:b]
    for am in re.finditer(r"(?P<g>[\wåäöÅÄÖ-]+s) (?:(?:huvud|samordnings|övergripande )?ansvar (?:för|att)|skyldighet att) (?P<task>[^.]{3,200}?)"
                          r"(?= (?:tydliggörs|beskrivs|framgår|presenteras|lyfts|anges|regleras|förtydligas|"
                          r"klargörs|redovisas|kvarstår|gäller|följer|är|har|ska|bör|och åtaganden)\b|[.;]|$)", sent):
        label = ctx.bodies.resolve(am["g"])
        if not label or am["g"].lower() in ("nämndens", "förvaltningens", "stadens", "kommunens"):
            continue
        hit = f.r.bodies_in(a + am.start("g"), a + am.end("g"))
        for one in (_row_ending(f, a, hit[0]) if hit else []) + [label]:
            f.add(one, am["task"], a, b, pid)
    # "Uppdraget för utredningen har varit att granska …": the remit of the inquiry the text speaks for
    for um in re.finditer(r"\b[Uu]ppdraget för (?P<g>utredningen|kommittén|utredaren|delegationen) (?:har varit|är|var) att "
                          r"(?P<task>[^.;]{5,300})", sent):
        label = ctx.bodies.own.get(um["g"].lower())
        if label:
            f.add(label, um["task"], a, b, pid, 0.9)
    # "Myndighetens huvuduppgift ska vara att följa upp …", "Rådets uppgift är att …", "E-delegationens uppdrag är att …"
    # "En av samordningsfunktionens viktigaste uppgifter är att …"
    # ... also with "det": "I huvudsak är det övervakningskommitténs uppgift att följa …", "Det är Skolverkets uppdrag att …"
    for um in re.finditer(r"(?:(?P<one>\b[Ee]n av )?|(?P<det>\b(?:är|blir|var) det |\b[Dd]et (?:är|blir|var) )"
                          r"(?:[\wåäöÅÄÖ:(), -]{2,80}?s(?:,|\s+och|\s+samt)\s+)?)"
                          r"(?P<g>[\wåäöÅÄÖ-]+s) (?:huvud|främsta |viktigaste |centrala |övergripande )?"
                          r"(?P<noun>uppgift|uppdrag|uppgifter)(?P<verb> (?:ska vara|är|var|har varit))? att "
                          r"(?P<task>[^.;]{5,300})", sent):
        if not (um["det"] or um["verb"]):
            continue                  # (the verb before or after the noun)
        if um["noun"] == "uppgifter" and not um["one"]:
            continue                  # "X:s uppgifter är att …" lists several: not one task
        hit = f.r.bodies_in(a + um.start("g"), a + um.end("g"))
        label = hit[0].label if hit else ctx.bodies.resolve(um["g"])
        if label and ctx.bodies.bodies[label].kind not in ("regering", "departement"):
            own_word = um["g"].lower().rstrip("s") in OWN_WORDS
            # (a row of genitives: "Socialstyrelsens och Folkhälsomyndighetens uppdrag är att …" is the task of each)
            for one in (_row_ending(f, a, hit[0]) if hit and not um["one"] else []) + [label]:
                f.add(one, um["task"], a, b, pid, 0.8 if own_word else 1.0)
    # "Huvudansvaret för X ligger hos Y", "Ansvarig för genomförandet av planen är samhällsbyggnadsnämnden", "Uppföljning av
    # planen görs av kommunstyrelsen" (the body last, the task first)
    for am in re.finditer(r"\b(?:[Hh]uvudansvaret|(?:[Dd]et (?:övergripande|samlade|yttersta) )?[Aa]nsvaret) för (?P<task>[^.]{3,200}?) "
                          r"(?:ligger|vilar) (?:hos|på) (?P<who>[^.,;]{3,80})"
                          r"|^(?:[Hh]uvud)?[Aa]nsvariga? för (?P<task2>[^.]{3,200}?) är (?P<who2>[^.,;]{3,80})"
                          r"|^(?P<task3>(?:[A-ZÅÄÖ][a-zåäö]+(?:ning(?:en)?|ing(?:en)?|else(?:n)?|arbetet|tillsyn(?:en)?|kontroll(?:en)?)"
                          r"|Tillsyn(?:en)?|Kontroll(?:en)?)"
                          # (the present tense: "Tillsynen över X ska utövas av Y" is PASSIVE_DUTY's)
                          r"(?: (?:av|för|inom|i|på|om|med|över) (?:(?!(?:ska|skall|bör|kan|får)\s)[^.,;]){2,80}?)?) "
                          r"(?:görs|sköts|utförs|genomförs|samordnas|leds|utövas|"
                          r"handhas|hanteras|administreras|"
                          r"förvaltas) (?:årligen |löpande |gemensamt )?av (?P<who3>[^.,;]{3,80})"
                          # "Huvudansvaret för genomförandet har Boverket"
                          r"|^(?:[Hh]uvud)?[Aa]nsvaret för (?P<task4>[^.]{3,200}?) har (?P<who4>[A-ZÅÄÖ][^.,;]{2,80})", sent):
        g = next(k for k in ("", "2", "3", "4") if am["who" + k])
        hit = f.r.bodies_in(a + am.start("who" + g), a + am.end("who" + g))
        if hit and hit[0].start == a + am.start("who" + g):
            f.add(hit[0].label, as_clause(am["task" + g]), a, b, pid)
    # "Det åligger Trafikverket att …", "Vidare ska det ankomma på Luftfartsstyrelsen att …"
    for om in re.finditer(r"\b(?:åligger|ankommer på|ankomma på) (?P<who>[^,.;]{3,80}?) att (?P<task>[^.;]{5,300})", sent):
        subject = _subject(ctx, a + om.start("who"), a + om.end("who"))
        if subject:
            for label in subject[0]:
                f.add(label, om["task"], a, b, pid, subject[1])
    # "Till Statskontorets uppgifter hör att utvärdera …", "I Skolverkets uppdrag ingår att …"
    for um in re.finditer(r"\b(?:[Tt]ill (?P<g>[\wåäöÅÄÖ-]+s) (?:[a-zåäö]+ )?uppgifter hör|[Ii] (?P<g2>[\wåäöÅÄÖ-]+s) "
                          r"(?:[a-zåäö]+ )?(?:uppdrag|uppgifter|arbete) ingår)(?: (?:bland annat|bl\.\s?a\.|också|även))? att (?P<task>[^.;]{5,300})", sent):
        g = "g" if um["g"] else "g2"
        hit = f.r.bodies_in(a + um.start(g), a + um.end(g))
        label = hit[0].label if hit else ctx.bodies.resolve(um[g])
        if label and ctx.bodies.bodies[label].kind not in ("regering", "departement"):
            f.add(label, um["task"], a, b, pid)
    # "För ärenden som … ansvarar länsstyrelserna för att till Naturvårdsverket lämna uppgifter …"
    for im in re.finditer(r"\bansvarar (?P<who>[^,:.]{3,80}?) för (?:att )?(?P<task>[^:]{5,300}?)\s*$", sent):
        subject = _subject(ctx, a + im.start("who"), a + im.end("who"))
        if subject:
            for label in subject[0]:
                f.add(label, im["task"], a, b, pid, subject[1])
    # "Uppdraget ska samordnas av Naturvårdsverket", "Ytterligare föreskrifter ska få meddelas av Folkhälsomyndigheten":
    # the agent of a passive duty or power
    # ("Folkhälsomyndigheten ska i arbetet bistås av Socialstyrelsen": a body the agent is to assist, and where)
    for pm in PASSIVE_DUTY.finditer(sent):
        # (the object is a noun phrase, not the end of a clause: "Ett förslag … har tagits fram och ska behandlas av …")
        if re.search(r"\b(?:och|samt|eller|har|hade|är|var|som|att|kan|blir|[a-zåäö]+its)\b", pm["obj"]):
            continue
        subject = _subject(ctx, a + pm.start("who"), a + pm.end("who"))
        if subject:
            named = any(x.start == a + pm.start("obj") for x in f.r.bodies_in(a + pm.start("obj"), a + pm.end("obj")))
            obj = pm["obj"] if named else pm["obj"].lower()
            for label in subject[0]:
                f.add(label, " ".join(x for x in (pm["verb"], obj, pm["where"]) if x), a, b, pid, subject[1])
    # "ansvarar Arbetsförmedlingen, som förvaltningsmyndighet, för att: • …"
    im = re.search(r"\bansvarar (?P<who>[^,:.]{3,80})(?:,[^,:.]{0,60},)? för att:\s*$", sent)
    if im:
        hit = f.r.bodies_in(a + im.start("who"), a + im.end("who"))
        if hit:
            p = None if pid is not None and LAW_CUE.search(sent) else pid
            for s, e in _items_after(ctx, b):
                f.add(hit[0].label, _clean_item(text[s:e]), s, e, p, item=True)


def demands(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """DEMANDS: "skallkrav för Kommunstyrelsen där det föreslås tas fram …", "ställs krav på X att …"."""
    ctx, text = f.ctx, f.ctx.text
    sent = text[a:b]
    for km in re.finditer(r"\b(?:skall?-?krav|krav|åtaganden?|uppgifter) för (?P<who>[A-ZÅÄÖa-zåäö][\wåäö-]+)"
                          r"(?: där det| som)?(?: bland annat| bl\.a\.)?(?: föreslås| ska| anges att)?\s+(?P<task>[^.]{5,200})", sent):
        label = ctx.bodies.resolve(km["who"])
        if label:
            f.add(label, _passive_to_active(km["task"]), a, b, pid if pid is not None else _main(f.r, a))
    for km in re.finditer(r"\bställs (?:höga |tydliga )?krav på (?P<who>[^.]{3,60}?) att (?P<task>[^.]{5,200})", sent):
        who = km["who"]
        label = ctx.bodies.resolve(who) or (who if GROUP.match(who + " ska ") else None)
        if label and pid is not None:
            f.add(label, km["task"], a, b, pid)


def group(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """GROUP: "nämnder och bolag ska formulera egna mål och aktiviteter" (the group as written)."""
    ctx, text = f.ctx, f.ctx.text
    sent = text[a:b]
    for gm in GROUP.finditer(sent):
        if not re.search(r"(?:^|\batt|\bdär|,|\boch|:)\s*$", sent[:gm.start()]) or \
                re.search(r"\b(?:som|vilka)\s+$|\b(?:för|så)\s+att\s+$", sent[:gm.start()]):
            continue              # (nor what a purpose clause says: "… arbetssätt för att kommuner ska kunna sprida …")
        p = pid
        if p is None and ctx.kind in ("tjänsteutlåtande", "kontorsyttrande", "remissvar"):
            p = _main(f.r, a)              # a remiss answer discusses one policy
        if p is None and not (gm["principals"] and ctx.kind in STATE_PAPERS):
            continue
        task_end = re.search(r"[.;]|$", sent[gm.end():]).start() + gm.end()
        f.add(gm["g"], sent[gm.end():task_end], a, b, p, 0.9)


# a task put on a body at the end of the sentence: "All behandling av skadligt bruk ska vara ett ansvar för
# regionernas hälso- och sjukvård", "… ska vara ett fortsatt och förtydligat uppdrag för socialtjänsten"
PUT_ON = re.compile(r"\s+(?:ska|skall|bör)\s+(?:vara|bli|förbli)\s+(?:ett|en)\s+(?:[a-zåäö]+\s+(?:och\s+[a-zåäö]+\s+)?)?"
                    r"(?:ansvar|uppdrag|uppgift)\s+för\s+(?P<who>[^.,;:]{3,80}?)\s*$")
PUT_ON_WHO = re.compile(r"(?:(?:de\s+)?(?:regionerna|kommunerna|länsstyrelserna)s?|regionernas|kommunernas|"
                        r"socialtjänsten|hälso- och sjukvården|elevhälsan|skolan|huvudmännen|staten)\b")


def put_on(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """PUT ON: "<task> ska vara ett ansvar för <body or principals>" in a paper of the state."""
    ctx, text = f.ctx, f.ctx.text
    sent = text[a:b].rstrip(" .")
    m = PUT_ON.search(sent)
    if not m or len(sent[:m.start()].split()) < 2:
        return
    who = m["who"]
    subject = _subject(ctx, a + m.start("who"), a + m.end("who"))
    if subject:
        labels, confidence = subject[0], subject[1]
    elif ctx.kind in STATE_PAPERS and PUT_ON_WHO.match(who):
        labels, confidence = [who], 0.9          # the principals as written
    else:
        return
    for label in labels:
        f.add(label, sent, a, b, pid, confidence, item=True)


# a body named to a role, or given a responsibility, in any clause: "… föreslår utredningen att Tillväxtverket utses till
# beredskapsmyndighet och sektorsansvarig myndighet för den nya sektorn", "… att Tillväxtverket och Boverket får ett
# ansvar för byggnads- och reparationsberedskapen"; not a question ("om X eller Y bör utses till …")
DESIGNATED = re.compile(r"\s+(?:ska\s+|skall\s+|bör\s+|föreslås\s+)?(?P<v>(?:utses|utsågs)\s+till(?!\s+att\b)|"
                        r"(?:får|fick|ges|gavs|tilldelas)\s+(?:ett\s+|det\s+|[a-zåäö]+(?:ernas|arnas|ens|ets)\s+)?"
                        r"(?:(?:utökat|utökade|samlat|särskilt|övergripande|tydligare|tydligt|nytt|större|samordnande|"
                        r"huvudsakligt|fullt|formellt|operativt|nationellt|hela)\s+){0,2}ansvar(?:et)?\s+för)"
                        r"\s+(?P<what>(?:[^.;:]|:(?=s\b)){3,200})")


def designated(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """DESIGNATED: a body named to a role or given a responsibility, in any clause of the sentence."""
    ctx, text = f.ctx, f.ctx.text
    for m in DESIGNATED.finditer(text, a, b):
        clause = _clause_start(text, a, m.start())
        if re.search(r"\b(?:om|vilken|vilka|huruvida|eller)\b", text[clause:m.start()]) or \
                re.search(r"\b(?:om|vilken|vilka|huruvida)\s+$", text[max(a, clause - 10):clause]):
            continue
        subject = _subject(ctx, clause, m.start())
        if subject is None:
            continue
        labels, confidence, _ = subject
        what = re.split(r",\s+(?:och|samt|men|vilket|eller)\s+|\s+och\s+därmed\s+", m["what"])[0]
        for label in labels:
            f.add(label, f"{m['v']} {what}", a, b, pid, confidence, item=True)


# a task put on a body the sentence names in passing: "… inrättandet av Myndigheten för digital förvaltning som har i uppgift
# att följa …" (a relative clause); "Som ett led i detta tilldelas Riksbanken ansvaret för att fastställa …" (the verb
# first); "I raminstruktionen ingår ett särskilt uppdrag för Försvarsmakten att förhandla …"
RELATIVE_CHARGE = re.compile(r"(?:,\s+som\s+(?:(?:även|också|redan|sedan\s+tidigare|numera|i\s+dag|idag)\s+){0,3}"
                             r"|\s+som\s+(?:även\s+|också\s+)?)(?:har\s+(?:i|till)\s+uppgift\s+att|ansvarar\s+för(?:\s+att)?|"
                             r"har\s+(?:det\s+)?(?:[a-zåäö]+\s+)?ansvar(?:et)?\s+för(?:\s+att)?|svarar\s+för(?:\s+att)?)\s+"
                             # "… i nära dialog med Socialstyrelsen och Läkemedelsverket, som ska bidra med underlag …"
                             # ... or what a new body will take on: "Transportstyrelsen, som kommer att överta …"
                             r"|,\s+som\s+(?:även\s+|också\s+)?(?:ska|skall|kommer\s+att)\s+(?:även\s+|också\s+)?(?=[a-zåäö])")
VERB_BEFORE = re.compile(r"\b(?:tilldelas|ges|får|åläggs)\s+$|\buppdrag\s+för\s+$")
CONFERRED = re.compile(r"\s+(?:även\s+|också\s+)?(?:(?:ett|det)\s+)?(?:(?!för|i|inom|med)[a-zåäö]+\s+)?(?:ansvar(?:et)?\s+för(?:\s+att)?|"
                       r"uppgiften\s+att|uppdraget\s+att)\s+")


def _past_alias(text: str, end: int) -> int:
    """Where a name ends with the alias in brackets after it ("Post- och telestyrelsen (PTS)")."""
    alias = re.match(r"\s*\([^()]{1,40}\)", text[end:end + 50])
    return end + (alias.end() if alias else 0)


# what a decision permits a body: "Regeringen beslutar vidare att Trafikverket får byggstarta de åtgärder … och att
# myndigheten får förbereda …"
PERMITTED = re.compile(r"(?:\bbeslutar(?:\s+(?:vidare|också|även|därför|härmed))?\s+att|\s+och\s+att)\s+(?P<who>[^,.;:]{2,80}?)\s+"
                       r"får\s+(?P<task>" + NOT_A_POWER + r"[a-zåäö]+[aeå]\b"
                       r"[^.;]*?)(?=\s+och\s+att\s|[.;]|$)")


def permitted(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """PERMITTED: what a government decision lets a body do is a responsibility it holds from then on."""
    ctx, text = f.ctx, f.ctx.text
    if ctx.kind not in ("regeringsuppdrag", "regeringsbeslut") or "beslutar" not in text[a:b]:
        return
    before: list[str] = []
    for m in PERMITTED.finditer(text, a, b):
        subject = _subject(ctx, m.start("who"), m.end("who"))
        if subject is None and m["who"].lower() in OWN_WORDS and len(before) == 1:
            subject = (before, 0.8, "")          # "… att Trafikverket får … och att myndigheten får …"
        if subject:
            before = subject[0]
            for label in subject[0]:
                f.add(label, "får " + m["task"], a, b, pid, subject[1])


# what a bill asks the Riksdag to let the government do: "… föreslås att riksdagen medger att regeringen ställer en
# svensk väpnad styrka till förfogande …", "… att riksdagen bemyndigar regeringen att under 2025 ingå avtal …"
EMPOWERED = re.compile(r"\briksdagen\s+(?:medger|bemyndigar)\s+(?:att\s+)?(?P<who>regeringen)"
                       r"(?:\s+eller\s+den\s+myndighet\s+(?:som\s+)?regeringen\s+bestämmer)?\s+(?:att\s+)?"
                       r"(?P<task>(?!inte\b)[a-zåäö][^.;]*)")


def empowered(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """EMPOWERED: what the Riksdag is asked to let the government do is a responsibility the government holds."""
    ctx, text = f.ctx, f.ctx.text
    if ctx.kind not in ("proposition", "lagrådsremiss"):
        return
    for m in EMPOWERED.finditer(text, a, b):
        label = ctx.bodies.resolve(m["who"])
        if label and ctx.bodies.bodies[label].kind == "regering":
            task = re.split(r"\s+och\s+att\s+(?:riksdagen|regeringen)\b", m["task"])[0]
            f.add(label, task, a, b, pid)


def conferred(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """A task put on a body named in passing: in a relative clause after it, or with the verb before it."""
    ctx, text = f.ctx, f.ctx.text
    for m in ctx.bodies.mentions_in(a, b):
        if ctx.bodies.bodies[m.label].kind in ("regering", "departement"):
            continue
        end = _past_alias(text, m.end)
        # the first of two bodies the clause is told of: "Socialstyrelsen och Läkemedelsverket, som ska …"
        pair = re.match(r"\s+(?:och|samt)\s+", text[end:end + 10])
        other = next((x for x in ctx.bodies.mentions_in(end, b) if pair and x.start == end + pair.end()), None)
        if other is not None:
            end = _past_alias(text, other.end)
        rel = RELATIVE_CHARGE.match(text, end, b)
        if rel is None and VERB_BEFORE.search(text, max(a, m.start - 20), m.start):
            rel = CONFERRED.match(text, end, b) if not text[max(a, m.start - 20):m.start].rstrip().endswith("för") \
                else re.compile(r"\s+att\s+").match(text, end, b)
        if rel is None:
            continue
        task = re.split(r",\s|\.\s", text[rel.end():b].strip())[0].rstrip(" .")
        if not NOT_DUTY.match(task) and not STATE.match(task):
            f.add(m.label, task, a, b, pid, 0.9)


# a task or a responsibility handed to a body: "uppgiften att fördela statsbidrag … delegeras till Svenskt Friluftsliv",
# "ansvaret för att utreda bidragsbrott flyttas till Ekobrottsmyndigheten", "vidaredelegera ansvaret för detaljerna i
# ordningsbotssystemet till Åklagarmyndigheten", "flytta ansvaret för tillsynen över … från IVO till LV"
_HANDED = (r"(?i:uppgiften|uppgifterna|(?:huvud|myndighets|tillsyns|samordnings|verksamhets)?ansvaret|befogenheten|tillsynen|"
           r"administrationen|"
           r"handläggningen|prövningen|uppdraget)\s+(?:att|för|över|av)\s+")
TRANSFERRED = re.compile(
    rf"\b(?P<what>{_HANDED}[^.;:]{{3,200}}?)\s+(?:ska\s+|skall\s+|bör\s+)?(?:delegeras|överförs|överföras|flyttas|överflyttas|överlåts|överlåtas|förs\s+över|föras\s+över|läggs|ges|gavs)"
    r"(?:\s+från\s+[^.;:]{2,80}?)?\s+till\s+"
    # gathered with one body: "tillsynen över inkassoföretag samlas hos Finansinspektionen"
    rf"|\b(?P<what3>{_HANDED}[^.;:]{{3,200}}?)\s+(?:ska\s+|skall\s+|bör\s+)?samlas\s+hos\s+"
    # where it is to lie: "ansvaret för uppföljningen bör ligga på Statskontoret", "huvudansvaret för tillsynen ska vila på …"
    rf"|\b(?P<what4>{_HANDED}[^.;:]{{3,200}}?)\s+(?:ska\s+|skall\s+|bör\s+|föreslås\s+)(?:även\s+|också\s+|fortsatt\s+)?"
    r"(?:ligga|vila)\s+(?:på|hos)\s+"
    rf"|\b(?:vidare)?(?:delegera|överföra|flytta|överflytta|överlåta|föra\s+över)r?\s+(?P<what2>{_HANDED}[^.;:]{{3,200}}?)"
    r"(?:\s+från\s+[^.;:]{2,80}?)?\s+till\s+")
# what a handed task is bound to after the body it goes to: "… till Svenskt Friluftsliv från och med bidragsåret 2011"
HANDED_WHEN = re.compile(r"\s+(?:från\s+och\s+med|fr\.\s?o\.\s?m\.|senast|den\s+\d|år\s+\d|under)\b[^,.;:]{2,60}")


def transferred(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """TRANSFERRED: a task or a responsibility handed to the body named after "till"."""
    ctx, text = f.ctx, f.ctx.text
    for m in TRANSFERRED.finditer(text, a, b):
        mention = next((x for x in ctx.bodies.mentions_in(m.end(), b) if x.start == m.end()), None)
        if mention is None or ctx.bodies.bodies[mention.label].kind in ("regering", "departement"):
            continue
        what = (m["what"] or m["what2"] or m["what3"] or m["what4"]).strip()
        # "uppgiften att fördela …", "Uppdraget att samordna arbetet" are the task "fördela …", "samordna arbetet"
        task = re.sub(r"^(?i:uppgift(?:en|erna)|uppdraget)\s+att\s+", "", what)
        task = task[0].lower() + task[1:] if re.match(r"(?:[A-ZÅÄÖ][a-zåäö]+)?(?:ansvaret|Ansvaret)\b|(?:Tillsynen|Befogenheten|"
                                                      r"Administrationen|Handläggningen|Prövningen)\b", task) else task
        when = HANDED_WHEN.match(text, _past_alias(text, mention.end), b)
        f.add(mention.label, task + (when.group() if when else ""), a, b, pid, 0.9)


# what a remiss offers the bodies it asks (the consultations stage reads it)
REMISS_INVITED = re.compile(r"\b(?:möjlighet(?:en)?|tillfälle)\s+att\s+(?:yttra\s+sig|lämna\s+(?:synpunkter|yttrande)|svara|"
                            r"inkomma\s+med|komma\s+in\s+med)\b")


def described(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """DESCRIBED: the duties of a group a decision assigns by description ("Regeringen uppdrar åt myndigheterna som
    upptas i bilagan att T", "Myndigheterna ska T", "Myndigheterna ska: • …"), kept as the decision words it."""
    ctx, text = f.ctx, f.ctx.text
    group = ctx.extras.get("described_group")
    if not group:
        return
    for m in GIVE.finditer(text, a, b):
        g = next(x for x in ("a", "b", "c", "d", "e", "f") if m[x] is not None)
        if m[g].strip().lower() == group.lower():
            f.add(group, text[m.end():b].strip(" ,."), a, b, pid, 0.9)
    lead = LEAD.match(text, a, b).end()
    dm = re.match(r"(?P<w>[A-ZÅÄÖ][a-zåäö]+)\s+(?:ska|skall)\s+", text[lead:b])
    if dm and dm["w"].lower() == group.split()[0].lower():
        task = re.sub(rf"^(?:{ADVERBS}\s+)+", "", text[lead + dm.end():b].strip(" ,"))
        items = _items_after(ctx, b) if not task or task.endswith(":") else []
        for s0, e0 in items:
            f.add(group, _clean_item(text[s0:e0]), s0, e0, pid, 0.9, item=True)
        if task and not items and not NOT_DUTY.match(task):
            f.add(group, task, a, b, pid, 0.9)


# the members of a group, told with the group first: "I det nationella forumet för sprängämnessäkerhet ska, förutom MSB,
# även Försvarsmakten, … och Tullverket ingå", "I styrgruppen ingår Skolverket och Specialpedagogiska skolmyndigheten"
MEMBERS_IN = re.compile(r"\s*I (?P<group>(?:det |den |de )?(?:[^,.;:]{0,60} )?[a-zåäö-]*(?:forum|grupp|råd|nätverk|delegation|"
                        r"kommitté|styrelse|nämnd|beredning|panel|organ|team|kansli)(?:et|en|n)?(?: för [^,.;:]{2,80}?)?)"
                        r" (?:ska(?P<others>,? förutom [^,.;]{2,120},)?"
                        r"(?: även| också)? (?P<list>[^.;:]{3,800}?) ingå|ingår(?: även| också)? (?P<list2>[^.;:]{3,800}))"
                        r"\s*[.;:]?\s*$")


def members(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """MEMBERS: each body a group is to have as a member is to take part in it (confidence 0.9)."""
    ctx, text = f.ctx, f.ctx.text
    m = MEMBERS_IN.match(text, a, b)
    if not m:
        return
    group = norm_space(m["group"])
    spans = [(m.start(k), m.end(k)) for k in ("others", "list", "list2") if m[k]]
    for s, e in spans:
        for mm in ctx.bodies.mentions_in(s, e):
            if ctx.bodies.bodies[mm.label].kind not in ("regering", "departement"):
                f.add(mm.label, f"ingå i {group}", a, b, pid, 0.9, item=True)


def _decision_assignees(ctx: Ctx, words: tuple[str, ...]) -> list[str]:
    """The bodies a decision is given to: its several assignees, or the one the first of `words` stands for."""
    return ctx.extras.get("own_agencies") or [ctx.bodies.own[w] for w in words if w in ctx.bodies.own][:1] \
        or ctx.extras.get("given_agencies") or []


# a report due, said of the assignment: "Uppdraget (ska) slutredovisas senast den 23 februari 2024", "Uppdraget ska, i de
# delar som gäller …, redovisas senast …", "Uppdraget i övrigt ska redovisas …", "I övriga delar ska uppdraget redovisas
# senast …", "Den del av uppdraget som handlar om … ska redovisas i ett delbetänkande senast …"
REPORTED = re.compile(
    r"(?:^|(?<=\s))(?:(?P<part>(?:Den|De)\s+del(?:en|ar(?:na)?)?\s+(?:av|i)\s+uppdraget\s+som\s+[^.;]{3,200}?"
    # ... a part named after the item it closes: "1. Analysera … Denna del av uppdraget ska redovisas till … senast …"
    r"|(?:Denna|Dessa|Den\s+här|(?:Den|De)\s+(?:första|andra|tredje|fjärde|femte))\s+del(?:en|ar(?:na)?)?\s+av\s+uppdraget)"
    r"|(?P<subj>(?:[Uu]ppdraget|[Tt]illäggsuppdraget|Detta\s+(?:tilläggs|del)?uppdrag|[Aa]rbetet|[Ff]örstudien"
    r"|[Uu]ppdragets\s+(?:första|andra|tredje|fjärde|femte|sista)\s+del)(?:\s+i\s+övrigt|\s+i\s+sin\s+helhet)?))"
    r"\s+(?:(?:ska|skall)(?:\s+(?:i\s+stället|istället|dock|därför|även|också|alltså|nu|slutligt|årligen|löpande|"
    r"skriftligen|muntligen|som\s+helhet|i\s+sin\s+helhet)){0,2}"
    r"(?:,(?P<aside>[^.;,]{3,120}),|\s+(?P<within>i\s+(?:den|de)\s+del(?:ar(?:na)?)?\s+som\s+[^.;,]{3,150}?))?\s+)?"
    # ("Uppdraget ska del- och slutredovisas …", "Uppdraget ska rapporteras …")
    r"(?P<v>(?:del-\s+och\s+slut|del|slut|åter)?(?:redovisa|rapportera))s\b(?!\s+av\s+[A-ZÅÄÖ])(?P<rest>[^.;]*)"
    r"|(?:^|(?<=\s))(?P<pre>I\s+[^.;,]{3,80}?)\s+(?:ska|skall)\s+uppdraget\s+(?P<v2>(?:del|slut|åter)?redovisa)s\b(?P<rest2>[^.;]*)"
    # ... or of a report or a part by its own name: "En delredovisning med plan för arbetet ska lämnas till
    # Regeringskansliet senast …", "De första fyra deluppdragen ska redovisas av de ansvariga myndigheterna till …"
    # (also with what kind of report it is, in the plural, without an article: "En gemensam redovisning av uppdraget …",
    # "Delredovisningar av uppdraget ska lämnas …", "Slutredovisningen ska lämnas …")
    # (not what a report holds: "I rapporten redovisas …")
    r"|(?:^|(?<=\s))(?P<rep>(?<![Ii]\s)(?<!av\s)(?<!från\s)(?<!med\s)(?<!om\s)(?:(?:[Ee]n|[Ee]tt|[Dd]en|[Dd]e|[Yy]tterligare)\s+)?"
    r"(?:(?:gemensam(?:ma)?|skriftlig(?:a)?|årlig(?:a)?|slutlig(?:a)?|samlad|kortfattad|första|andra|tredje|sista)\s+){0,2}"
    r"(?i:(?:del|slut)?(?:redovisning(?:en|ar(?:na)?)?|rapport(?:en|er(?:na)?)?))"
    r"(?:\s+(?:med|av|om)\s+[^.;]{3,100}?)?|[Dd]e(?:t|n)?\s+(?:[a-zåäö]+\s+){1,2}deluppdrag(?:et|en)"
    # ... or of what the work yields, also in the present tense: "Underlaget ska redovisas till Regeringskansliet …",
    # "Scenarierna redovisas till Socialdepartementet senast …"
    r"|(?:[Uu]nderlaget|[Aa]nalysen|[Kk]artläggningen|[Uu]tvärderingen|[Ss]cenarierna|[Rr]esultaten?|[Pp]lanen))"
    r"\s+(?:(?:ska|skall)\s+|(?<=[a-zåäö]t\s)|(?<=[a-zåäö]n\s)|(?<=[a-zåäö]na\s))"
    r"(?P<v3>lämna|överlämna|(?:del|slut|åter)?redovisa)s\b(?!\s+av\s+[A-ZÅÄÖ])"       # (not another's: "… av Skolverket")
    r"(?:\s+av\s+(?:de\s+(?:ansvariga\s+)?myndigheterna|myndigheterna|myndigheten))?(?P<rest3>[^.;]*)")


def _reported_task(m: re.Match) -> str:
    """REPORTED's words as the duty of whom it is given to: "redovisa uppdraget i övriga delar senast den 1 maj 2021"."""
    if m["pre"]:
        return f"{m['v2']} uppdraget {m['pre'][0].lower()}{m['pre'][1:]}{m['rest2']}".rstrip()
    if m["rep"]:
        return f"{m['v3']} {m['rep'][0].lower()}{m['rep'][1:]}{m['rest3']}".rstrip()
    what = m["part"] or m["subj"]
    within = (m["aside"] or m["within"] or "").strip()
    return f"{m['v']} {what[0].lower()}{what[1:]}{' ' + within if within else ''}{m['rest']}".rstrip()


# with whom the assignment is carried out: "Uppdraget ska genomföras i samverkan med Brottsoffermyndigheten", "… utföras
# i nära samråd med …", "… genomföras efter samråd med …", "… tillsammans med …", "… med stöd av …" (not how it is paid
# for or framed: "Uppdraget ska genomföras inom ramen för …")
# (also the work, and said in the present tense: "Arbetet ska ske i samråd med …", "Uppdraget genomförs med Läkemedelsverket,
# Länsstyrelserna och …", a body named right after "med")
CARRIED_OUT = re.compile(r"(?:^|(?<=\s))(?P<what>[Uu]ppdraget|[Aa]rbetet)\s+(?:(?:ska|skall|bör)\s+(?:även\s+|också\s+)?(?:(?P<v>genomför|utför|bedriv)as|ske)"
                         r"|(?P<vp>genomför|utför|bedriv)s(?:\s+(?:även|också))?(?=\s+(?:i\s|efter\s|tillsammans\s|med\s+(?:stöd\s|[A-ZÅÄÖ]))))\s+"
                         r"(?P<rest>(?:(?:i\s+(?:nära\s+)?(?:samverkan|samråd|samarbete|dialog|samtal)|efter\s+(?:samråd|dialog))\s+(?:med|mellan)|"
                         r"tillsammans\s+med|med\s+stöd\s+av|(?<=s\s)med(?=\s+[A-ZÅÄÖ]))\s(?:(?!\s+och\s+(?:ska\s+)?[a-zåäö]+as\b)[^.;])*)")  # (not "… och redovisas …")


# whose views the assignees are to seek, said in the passive: "Vid behov ska synpunkter även inhämtas från Livsmedelsverket"
VIEWS_SOUGHT = re.compile(r"(?:\b(?:ska|skall|bör)\s+(?:även\s+|också\s+)?synpunkter|(?:^|(?<=\s))[Ss]ynpunkter\s+(?:ska|skall|bör))"
                          r"\s+(?:även\s+|också\s+|vid\s+behov\s+)?inhämtas\s+från\s+(?P<rest>[^;]+?)(?=;|[.!?]?\s*$)")


def reported(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """REPORTED, CARRIED_OUT, VIEWS_SOUGHT: in a decision, the report due on the assignment, whom it is carried out with
    and whose views are sought are its assignees' duties; in a directive, the report due on the remit is the inquiry's."""
    ctx, text = f.ctx, f.ctx.text
    if ctx.kind == "regeringsuppdrag":
        assignees = _decision_assignees(ctx, ("myndigheten",))
        # (a body the work is carried out with is not carrying it out with itself)
        tasks = [(f"{m['v'] or m['vp'] or 'genomför'}a {m['what'].lower()} {m['rest']}",
                  {x.label for x in ctx.bodies.mentions_in(m.start("rest"), _partners_end(m))})
                 for m in CARRIED_OUT.finditer(text, a, b)]
        tasks += [(f"inhämta synpunkter från {m['rest']}", set()) for m in VIEWS_SOUGHT.finditer(text, a, b)]
    elif ctx.kind == "kommittédirektiv":
        assignees, tasks = _inquiry(ctx), []
    else:
        return
    tasks += [(_reported_task(m), set()) for m in REPORTED.finditer(text, a, b)]
    for task, partners in tasks:
        for label in assignees:
            if label not in partners:
                f.add(label, task.rstrip(), a, b, pid, 0.9, item=True)


def _partners_end(m: re.Match) -> int:
    """Where CARRIED_OUT's row of partners ends: before what the work is for or who they are ("… i dialog med
    Försvarsmakten och de myndigheter som …", "… för att säkerställa …")."""
    cut = re.search(r"\s(?:för\s+att|i\s+syfte|så\s+att|som|vilka|vilken|vilket)\s", m["rest"])
    return m.start("rest") + (cut.start() if cut else len(m["rest"]))


def _inquiry(ctx: Ctx) -> list[str]:
    """Whom a directive charges: the committee it names (a tilläggsdirektiv's), else the words its first duty calls
    the inquiry by ("En särskild utredare ska …"), as `unnamed_inquiry` keeps them."""
    if "inquiry" not in ctx.extras:
        named = [x for x in ctx.out.assignments[0].assignees if x in ctx.bodies.bodies] if ctx.out.assignments else []
        who = next((w for w, _, _, _ in _inquiry_duties(ctx) if w), None)
        # (else the words the assignment gives it: "En särskild utredare tillkallas för att …")
        who = who or next(iter(ctx.out.assignments[0].assignee_descriptions if ctx.out.assignments else []), None)
        ctx.extras["inquiry"] = named or ([ctx.bodies.resolve(who) or capitalise(who)] if who else [])
    return ctx.extras["inquiry"]


def _inquiry_duties(ctx: Ctx) -> list[tuple[str, str, int, int]]:
    """`inquiry_duties` of the whole text, read once for `_inquiry` and `unnamed_inquiry`."""
    if "inquiry_duties" not in ctx.extras:
        ctx.extras["inquiry_duties"] = inquiry_duties(ctx, len(ctx.text))
    return ctx.extras["inquiry_duties"]


# the adverb that may stand before the "att" of a call or a recommendation ("rekommenderas vidare att …")
_ALSO = r"(?:(?:även|också|vidare|dessutom)\s+)?"
# a report's call on a body, often as a heading over a list: "### Regeringen uppmanas att", "Regioner och kommuner
# uppmanas att: • …"
# (and what an auditor recommends: "Riksrevisionen rekommenderar regeringen att …", "Regeringen rekommenderas även att …")
URGED = re.compile(r"^[#\s]*(?:(?P<who>[A-ZÅÄÖ][^.;:\n]{1,80}?)\s+(?:uppmanas|rekommenderas)"
                   # (not inverted: "Vidare rekommenderar Riksrevisionen att regeringen …" names the auditor there)
                   r"|(?!(?:Vidare|Därutöver|Dessutom|Därtill|Även|Också|Slutligen|Sammanfattningsvis|Därför|Samtidigt)\s)"
                   r"[A-ZÅÄÖ][^.;:\n]{1,60}?\s+rekommenderar\s+(?P<whom>[^.;:\n]{1,80}?))"
                   rf"\s+{_ALSO}att\s*:?\s*(?P<task>[^\n]*)$"
                   # ... with the one recommended to after "att": "Riksrevisionen rekommenderar att regeringen skaffar sig …"
                   rf"|^[#\s]*[A-ZÅÄÖ][^.;:\n]{{1,60}}?\s+rekommenderar\s+{_ALSO}att\s+"
                   r"(?P<whom2>[A-ZÅÄÖa-zåäö][^.;:\n,]{1,80}?)\s+(?P<task2>(?!ska\b|bör\b|skall\b)[a-zåäö]{3,}r\b[^\n]*)$")


def urged(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """URGED: what a committee's report calls on a body, or on the principals, to do; what an auditor
    recommends a body to do."""
    ctx, text = f.ctx, f.ctx.text
    m = URGED.match(text[a:b])
    if not m:
        return
    g = "who" if m["who"] else "whom" if m["whom"] else "whom2"
    ms = ctx.bodies.mentions_in(a + m.start(g), a + m.end(g))
    whole = g == "who" or ms and not text[a + m.start(g):ms[0].start].strip() and not text[ms[-1].end:a + m.end(g)].strip()
    if ms and whole and all(SEPARATOR.match(text[x.end:y.start]) for x, y in zip(ms, ms[1:])):
        labels = list(dict.fromkeys(x.label for x in ms))
    elif re.fullmatch(r"(?:[Rr]egioner(?:na)?|[Kk]ommuner(?:na)?)(?: och (?:regioner(?:na)?|kommuner(?:na)?))?", m[g]):
        labels = [m[g]]
    else:
        return
    task = m["task"].strip(" .") if m["task"] is not None else as_infinitive(m["task2"].strip(" ."), verb_first=True)
    items = _items_after(ctx, b) if not task else []
    for label in labels:
        if task:
            f.add(label, task, a, b, pid, 0.8)
        for s0, e0 in items:
            f.add(label, _clean_item(text[s0:e0]), s0, e0, pid, 0.8, item=True)


# a duty that only says how to report (the assignment's report_due), not one of the assignment's tasks; whom to consult
# ("samråda med …", "föra dialog med …") is a task of the assignment as much as a samråd
NOT_A_TASK = re.compile(r"^(?:senast\b[^,]*?\s)?(?:slut|del|åter)?(?:redovisa|rapportera)\s+(?:uppdraget|arbetet|resultatet)\b"
                        r"|^(?:senast\b[^,]*?\s)?lämna\s+(?:en\s+)?(?:slut|del)?(?:rapport|redovisning)\b")


def _restates(a: str, b: str) -> bool:
    """One task says the other: the same words (but for what brackets add), or one holds the other whole, from its
    start or as more than three words (a fragment such as "om genomförandet" inside a task says nothing of its own)."""
    a, b = (re.sub(r"\s*\([^()]*\)", "", x.lower()).strip() for x in (a, b))
    short, long = sorted((a, b), key=len)
    return short == long or short in long and (len(short.split()) > 3 or long.startswith(short))


TOLD_EARLIER = re.compile(r"\b(?:gav|uppdrog|beslutade)\s+(?:regeringen\s+)?den\s+\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d\b")


def feed_assignments(ctx: Ctx, f: Found) -> None:
    """On the page of a decision, the duties of its assignees are the assignment's tasks, and the bodies
    it is given or changed for ("ändrar uppdraget till X, Y och Z att …") its assignees."""
    if ctx.kind not in ("regeringsuppdrag", "kommittédirektiv", "regeringsbeslut"):
        return
    text = ctx.text
    # an earlier decision told with its day in the past tense ("Regeringen gav den 6 mars 2025 Naturvårdsverket i uppdrag
    # att …"): an assignment of its own, which neither takes this one's tasks nor gives its own to it
    told = [a for a in ctx.out.assignments if a.decided_on and a.evidence and a.title != ctx.out.document.title
            and any(TOLD_EARLIER.search(text, e.start, e.end) for e in a.evidence)]
    told_at = [(e.start, e.end) for a in told for e in a.evidence]

    def decided(pos: int) -> bool:           # earlier decisions, in the background, are not this one's tasks
        return not _in_background(ctx, pos) and not any(s <= pos < e for s, e in told_at)

    for a in ctx.out.assignments:
        if a.kind != "regeringsuppdrag" or not a.evidence or not decided(min(e.start for e in a.evidence)) or \
                any(a is x for x in ctx.extras.get("cited_earlier", [])):
            continue                      # an earlier decision the background recounts or the text cites
        for labels, at in f.given:
            if decided(at) and (set(labels) & set(a.assignees) or not a.assignees and not a.assignee_descriptions):
                a.assignees += [x for x in labels if x not in a.assignees]
        if any(a is x for x in ctx.extras.get("listed_remits", [])):
            continue                      # one numbered item each: its task is all it holds
        for r in f.items:
            if r.body in a.assignees and not NOT_A_TASK.match(r.task) and decided(r.evidence[0].start) and \
                    not any(_restates(r.task, t) for t in a.tasks):
                a.tasks.append(r.task)
                a.evidence += [e for e in r.evidence if e not in a.evidence]


def give(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """GIVEN in a sentence: "Regeringen ger X i uppdrag att T", "uppdrar också X att T",
    "ändrar uppdraget till X, Y och Z att T"."""
    ctx, text = f.ctx, f.ctx.text
    for m in GIVE.finditer(text, a, b):
        if ctx.members_propose and re.match(r"(?:ger|ge|uppdrar|uppdra)\b", m.group()):
            continue                  # "Vi yrkar att kommunfullmäktige ger X i uppdrag att …": what a motion asks for
        g = next(x for x in ("a", "b", "c", "d", "e", "f") if m[x] is not None)
        # "Regeringen gav den 2 oktober Post- och telestyrelsen (PTS) i uppdrag …", "Kommunstyrelsen gav på onsdagens
        # sammanträde sektor utbildning och … i uppdrag": the date or the meeting is no body
        when = re.match(rf"(?:(?:den\s+)?\d{{1,2}}\s+[a-zåäö]+(?:\s+(?:19|20)\d\d)?|{MEETING_AT})\s+", m[g])
        subject = _subject(ctx, m.start(g) + (when.end() if when else 0), m.end(g))
        # "Regeringen uppdrar åt följande myndigheter att medverka i arbetet: • Boverket • …": the bodies listed after it
        following = [x.label for s0, e0 in _items_after(ctx, b) for x in f.r.bodies_in(s0, e0)[:1]] \
            if FOLLOWING.fullmatch(m[g]) else []
        if following:
            subject = (list(dict.fromkeys(following)), 1.0, "")
        listed = re.search(r"\(([^()]{5,400})\)\s*$", m[g]) if subject is None else None
        if listed:                    # "de tolv myndigheter som ingår i … (Polismyndigheten, Arbetsförmedlingen, …)"
            subject = _subject(ctx, m.start(g) + listed.start(1), m.start(g) + listed.end(1))
        if subject is None:
            continue
        labels, confidence, _ = subject
        proposed = not_given(text, m.start(), a)
        if proposed and proposed["refused"] or REFUSED_SLOT.match(m[g]):
            continue                  # "Regeringen avser inte att ge X i uppdrag att …", "… ger inte X i uppdrag …"
        if proposed or INTENDED.search(text, max(a, m.start() - 40), m.start()):
            confidence = min(confidence, 0.7)      # "Regeringen avser att ge X i uppdrag att …": announced, not given;
                                                   # "Riksrevisionen föreslår att regeringen uppdrar åt X …": advised
        f.given.append((labels, m.start()))
        if len(labels) > 1 and "given_agencies" not in ctx.extras and ctx.kind == "regeringsuppdrag" \
                and all(ctx.bodies.bodies[x].kind == "myndighet" for x in labels if x in ctx.bodies.bodies):
            # "Regeringen ger i uppdrag åt de tolv myndigheter som … (A, B, …, L) att …": the agencies the decision
            # first charges are "myndigheterna" of its text when the assignment could not name them before
            ctx.extras["given_agencies"] = labels
        end = b
        nxt = GIVE.search(text, m.end(), b)
        # (not a charge inside the task: "utreda myndighetens möjligheter att uppdra åt ett lärosäte att …")
        while nxt and re.search(r"\batt\s+$", text[max(m.end(), nxt.start() - 6):nxt.start()]):
            nxt = GIVE.search(text, nxt.end(), b)
        if nxt:
            end = nxt.start()
        task = text[m.end():end].strip(" ,.:" if following else " ,.")
        listed = end == b and bool(task) and not task.endswith(":") and tasks_listed_after(text, b)
        items = _items_after(ctx, b) if (task.endswith(":") or not task or listed) and not following else []
        for label in labels:
            if listed:
                f.add(label, task, a, b, pid, confidence)
            if items:
                for s0, e0 in items:
                    f.add(label, _clean_item(text[s0:e0]), s0, e0, pid, confidence, item=True)
            else:
                f.add(label, task, a, b, pid, confidence)


PAST_REMIT = re.compile(r"\b(?:ingick|låg|ingått|legat|omfattat|innefattat|inneburit|bestått|haft|varit)\b")


def included(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    """What the decision's assignment includes is a duty of its assignees ("I uppdraget ingår att • …")."""
    ctx, text = f.ctx, f.ctx.text
    assignees = _decision_assignees(ctx, ("myndigheten", "kommittén", "utredningen"))
    if not assignees:
        return
    for m in INCLUDED.finditer(text, a, b):
        if ctx.kind not in INQUIRY_REPORTS and PAST_REMIT.search(m.group()):
            continue          # "I uppdraget ingick att …" in a decision: an earlier assignment it recounts
        # "… utarbeta en modell för miljöbedömning. I detta ingår att …": part of the task just given, and of its bodies
        of_task = {r.body for r in f.items if any(e.start <= m.start() <= e.end + 2 for e in r.evidence)} \
            if re.match(r"[Ii]\s+det(?:ta)?\s+(?!uppdraget)", m.group()) else set()
        labels = [x for x in assignees if x in of_task] or assignees
        task = "" if "\n" in m.group() else text[m.end():b].strip(" ,.")
        # "I uppdraget ingår att identifiera ⏎ • …" reads on into each item; "Uppdraget innebär att DO ska ⏎ • …" does not
        runs_on = bool(task) and runs_into_list(text, b)
        if runs_on and re.search(r"\b(?:ska|skall)$", task):
            task = ""
        lead = task + " " if runs_on and task else ""
        if task and not task.endswith(":") and not lead:
            for label in labels:
                f.add(label, task, a, b, pid, 0.9)
            continue
        items = _items_after(ctx, b)
        # "… och lämna nödvändiga författningsförslag." on a line after the list
        if items:
            tail = re.match(r"\s*\n+\s*(?P<t>(?:och|samt)\s+[a-zåäö][^\n]{3,200})", text[items[-1][1]:items[-1][1] + 300])
            if tail:
                s0 = items[-1][1] + tail.start("t")
                items.append((s0 + len(tail["t"].split()[0]) + 1, items[-1][1] + tail.end("t")))
        for s0, e0 in items:
            for label in labels:
                f.add(label, lead + _clean_item(text[s0:e0]), s0, e0, pid, 0.9, item=True)


# what a committee's report says its inquiry was asked to do, the inquiry after the verb: "Vidare fick utredningen
# i uppdrag att analysera …", "Därutöver skulle utredningen ta ställning till …", "Dessutom skulle utredningen med
# utgångspunkt i … föreslå …"
REMIT = re.compile(r"(?:Vidare|Därutöver|Dessutom|Därtill|Slutligen|Även|Också|Sedan)\s+(?:fick|skulle|har)\s+(?:även\s+|också\s+)?"
                   r"(?P<who>utredningen|kommittén|utredaren)\s+(?:(?:även|också|bland annat|bl\.\s?a\.)\s+)?"
                   r"(?:(?:haft\s+|fått\s+)?i\s+uppdrag\s+att\s+|haft\s+att\s+)?(?=[a-zåäö])")
# ... and reported: "… ett tilläggsdirektiv där det tydliggjordes att utredningen skulle lämna förslag om …"
REMIT_CLAUSE = re.compile(r"\batt\s+(?P<who>utredningen|kommittén|utredaren)\s+(?:även\s+|också\s+)?skulle\s+(?!inte\b|ej\b)(?=[a-zåäö])")


def remit(f: Found, i: int, a: int, b: int, pid: int | None) -> None:
    ctx, text = f.ctx, f.ctx.text
    if ctx.kind not in INQUIRY_REPORTS:
        return
    m = REMIT.match(text, b - len(text[a:b].lstrip()), b)
    if m and not re.search(r"\bi\s+uppdrag\s+att\s+$|\bhaft\s+att\s+$|^\S+\s+skulle\b", m.group()):
        m = None                          # "Vidare har utredningen analyserat …": what it did, not what it was asked
    m = m or REMIT_CLAUSE.search(text, a, b)
    if not m:
        return
    label = ctx.bodies.own.get(m["who"])
    if label is None:
        return
    items = _items_after(ctx, b) if text[m.end():b].strip() in ("", ":") else []
    for s, e in items or [(m.end(), b)]:
        f.add(label, _clean_item(text[s:e]), s, e, pid, 0.9, item=bool(items))



# an inquiry's remit told with its noun or as the inquiry is set up, in any paper: "En särskild utredare har haft i uppdrag
# att …", "Utredarens uppdrag har i korthet varit att …", "Uppdraget för utredningen har också varit att …", "Regeringen
# har tillsatt en särskild utredare med uppdrag att …"; the inquiry as the text calls it, where no name is given
REMIT_TOLD = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:"
    r"(?P<one>En\s+(?:särskild\s+|parlamentariskt\s+sammansatt\s+|parlamentarisk\s+|nationell\s+)?(?:utredare|kommitté|delegation|samordnare))"
    r"\s+(?:har|hade)\s+(?:(?:även|också|dessutom)\s+)?(?:haft|fått)\s+(?:i\s+)?uppdrag(?:et)?\s+att"
    r"|(?P<own>Utredarens|Utredningens|Kommitténs|Delegationens|Samordnarens)\s+(?:(?:övergripande|huvudsakliga|ursprungliga)\s+)?uppdrag"
    r"\s+(?:har\s+(?:(?:i\s+korthet|bland\s+annat|också|även)\s+)?varit|är|var)\s+(?:i\s+korthet\s+)?att"
    r"|Uppdraget\s+för\s+(?P<of>utredningen|utredaren|kommittén|delegationen)\s+(?:har\s+(?:också\s+|även\s+)?varit|är|var)\s+att"
    # (in a committee's report, the remit or a part of it without the committee: "Uppdraget har varit att …", "Det andra
    # deluppdraget har varit att …", "Kommitténs tredje deluppdrag har gått ut på att …")
    r"|(?P<part>(?:Det|Kommitténs|Utredningens|Utredarens|Delegationens)\s+(?:första|andra|tredje|fjärde|femte|sjätte|sista)"
    r"\s+deluppdrag(?:et)?|Uppdraget|Deluppdraget)\s+(?:har\s+(?:(?:i\s+korthet|bland\s+annat|också|även)\s+)?"
    r"(?:varit|gått\s+ut\s+på)|är|var|gick\s+ut\s+på)\s+(?:i\s+korthet\s+)?att"
    r"|[^.\n]{0,80}?\b(?:tillsatt|tillkallat|tillsatte|tillkallade|tillsätter|tillkallar|att\s+tillkalla|att\s+tillsätta)\s+"
    r"(?P<set>en\s+(?:särskild\s+)?(?:utredare|kommitté|delegation|samordnare))\s+med\s+(?:uppdrag(?:et)?|uppgift(?:en)?)\s+att)"
    r"\s+(?:(?:bland\s+annat|bl\.\s?a\.|också|även)\s+)?" + TASK_TO_END)


def remit_told(f: Found) -> None:
    """REMIT_TOLD: the task under the inquiry's name where the text gives one, else under the words it is called by."""
    from .assignments import task_text
    ctx, text = f.ctx, f.ctx.text
    for m in REMIT_TOLD.finditer(text):
        if f.r.in_opinion(m.start()):
            continue
        if m["part"]:
            # (the report's own committee, where it names one)
            own = "kommittén" if m["part"].startswith("Kommitténs") else "utredningen"
            who = ctx.bodies.own.get(own) if ctx.kind in INQUIRY_REPORTS else None
            if who is None:
                continue
        else:
            words = m["one"] or m["set"] or (m["own"][:-1] if m["own"] else m["of"])
            label = ctx.bodies.own.get(words.lower()) or ctx.bodies.resolve(words)
            who = label or capitalise(words)
        if "\n" in text[m.start():m.start("task")]:
            # "Utredningens uppdrag har varit att ⏎ * se över … ⏎ * analysera …": the list is the tasks
            line_end = text.find("\n", m.start())
            for s0, e0 in _items_after(ctx, line_end):
                f.add(who, _clean_item(text[s0:e0]), s0, e0, _policy_named(f, s0, e0), 0.9, item=True)
            continue
        task = re.sub(r"\s*\((?:[Dd]ir|[Pp]rop|[Ss]kr|[Bb]et)$", "", m["task"].strip(" ,"))   # (what the "." of "(dir. 2010:97)" cut)
        if task.endswith(":") or len(task.split()) < 2:
            continue
        if any(x.evidence and m.start("task") < x.evidence[0].end and x.evidence[0].start < m.end("task")
               and task_text(task).lower().startswith(x.task.lower()[:40]) for x in f.items):
            continue                      # read already, under the name of the inquiry it is
        f.add(who, task_text(task), m.start("task"), m.end("task"), _policy_named(f, m.start(), m.end()), 0.9)



# a list whose items each name the inquiry again: "Uppdraget innebär bland annat: ⏎ * Utredaren ska uppskatta … ⏎ * Utredaren
# ska identifiera …" (an item is no sentence start INQUIRY_DUTY reads)
INQUIRY_ITEM = re.compile(r"(?m)^[ \t]*(?:[•*\-–]|\d{1,2}[.)])[ \t]+(?P<who>Utredaren|Kommittén|Utredningen|Delegationen|Samordnaren)"
                          r"[ \t]+(?:ska|skall)[ \t]+(?:(?:även|också|dessutom|särskilt|vidare|därför)[ \t]+)*"
                          r"(?P<task>(?!(?:inte|ej|kunna|få)\b)[a-zåäö][^\n]*)$")


def inquiry_items(f: Found) -> None:
    """INQUIRY_ITEM: each item's task, under the inquiry's name where the text gives one."""
    ctx, text = f.ctx, f.ctx.text
    for m in INQUIRY_ITEM.finditer(text):
        s0 = m.start("task")
        e0 = first_sentence_end(text, s0, m.end("task"))
        if f.r.in_opinion(m.start()) or any(x.evidence and s0 < x.evidence[0].end and x.evidence[0].start < e0
                                            for x in f.items):
            continue
        who = ctx.bodies.own.get(m["who"].lower()) or ctx.bodies.resolve(m["who"]) or m["who"]
        f.add(who, _clean_item(text[s0:e0]), s0, e0, _policy_named(f, s0, e0), 0.9, item=True)


def _policy_named(f: Found, a: int, b: int) -> int | None:
    """The steering document a duty's words name last ("… göra en översyn av mervärdesskattelagen"), else the one the
    document is."""
    refs = f.r.refs_in(a, b, weak=False)
    return refs[-1].pid if refs else f.r.document_policy()


def unnamed_inquiry(f: Found) -> None:
    """The duties of an inquiry a directive sets up without a name ("En särskild utredare ska …", "Utredaren ska bl.a.
    ⏎ • …", "Vidare ska kommittén …"): kept under the words the text calls it by, as a group is. A named committee's
    are read by DUTY, as those of any body."""
    ctx = f.ctx
    if ctx.kind == "kommittédirektiv":
        if ctx.out.assignments and ctx.out.assignments[0].assignees:
            return                    # (a tilläggsdirektiv to an inquiry it names: "utredaren" is that inquiry's)
    elif ctx.kind not in INQUIRY_REPORTS:
        return
    for who, task, s, e in _inquiry_duties(ctx):
        if not who or len(task.split()) < 2:
            continue
        # a committee's report tells its remit ("Utredaren skulle bl.a.: • …"): the committee it is, where named
        label = ctx.bodies.resolve(who)
        f.add(label or capitalise(who), task, s, e, None, 0.9, item=True)
    # ... and the rest of its remit, where no sentence names the inquiry (a task read already, under any of the names
    # the inquiry goes by, is not read again)
    remit = _unnamed_remit(ctx)
    held = [r.task.lower() for r in f.items]
    for task in remit[1] if remit else []:
        at = ctx.text.find(task[:60])
        if at >= 0 and len(task.split()) >= 2 and is_task_verb(task.split()[0]) and not LIST_LEAD.search(task) \
                and not re.search(r"\bföljande:?$", task) and not any(task.lower() in t or t in task.lower() for t in held):
            f.add(remit[0], task, at, at + len(task), None, 0.9, item=True)


def _unnamed_remit(ctx: Ctx) -> tuple[str, list[str]] | None:
    """(whom, the tasks) of the remit an unnamed inquiry's assignment holds: a directive's ("I uppdraget ingår att: ⏎
    • …", "Utredarens huvuduppgifter är att ⏎ • …"), under the words its first duty calls the inquiry by; a committee's
    report's own, where it names no committee, under the words it calls itself by ("Utredningen")."""
    if ctx.kind == "kommittédirektiv":
        inquiry = _inquiry(ctx) if ctx.out.assignments else []
        return (inquiry[0], ctx.out.assignments[0].tasks) if inquiry else None
    own = next((a for a in ctx.out.assignments if not a.assignees and a.assignee_descriptions), None)
    if ctx.kind not in INQUIRY_REPORTS or own is None:
        return None
    return capitalise(own.assignee_descriptions[0]), own.tasks


def given(f: Found) -> None:
    """GIVEN: each task of an assignment is a responsibility of each of its assignees, unless the text
    gives it to one of them by name ("E-hälsomyndigheten ska bland annat: • …")."""
    owners: dict[str, set[str]] = {}
    for r in f.items:
        owners.setdefault(r.task.lower(), set()).add(r.body)
    for asg in f.ctx.out.assignments:
        labels = [x for x in asg.assignees if x in f.ctx.bodies.bodies]
        ev = asg.evidence[0] if asg.evidence else None
        # the steering document the assignment names ("… att införliva regeringens strategi mot terrorism"),
        # else the one the document is
        refs = f.r.refs_in(ev.start, ev.end, weak=False) if ev is not None else []
        pid = refs[0].pid if refs else f.r.document_policy()
        for task in asg.tasks:
            named = owners.get(task.lower())
            told = _supplement_told(f, task)
            for label in labels:
                if ev is not None and (not named or label in named):
                    f.add(label, task, ev.start, ev.end, pid if told is None else told)


def _supplement_told(f: Found, task: str) -> int | None:
    """The supplementary directive a task of an inquiry comes from, where its paragraph (or the one that opens its
    list) names one before it: "Enligt tilläggsdirektiven skulle utredningen även bl.a. ⏎ * föreslå …", "I juli 2023
    fick utredningen ytterligare ett tilläggsdirektiv där … Dessutom skulle utredningen …"."""
    text = f.ctx.text
    at = text.find(task[:60])
    if at < 0:
        return None
    line = text.rfind("\n", 0, at) + 1
    while re.match(r"[ \t]*(?:[•*▪-]|–|\d{1,2}[.)])\s", text[line:at + 1]) and line > 0:
        line = text.rfind("\n", 0, line - 1) + 1        # up to the line that opens the list
    start = text.rfind("\n\n", 0, line) + 1
    told = [m.pid for m in f.r.refs_in(start, at) if m.pid is not None and "tilläggsdirektiv" in f.r.drafts[m.pid].topic]
    return told[-1] if told else None


def _passive_to_active(task: str) -> str:
    m = re.match(r"(?P<v>[a-zåäö]+)as\b", task)
    if m and m["v"] + "as" not in ("bas", "pas", "klas"):
        return m["v"] + "a" + task[m.end():]
    m = re.match(r"tas\b", task)
    if m:
        return "ta" + task[m.end():]
    return task


COMMITTEE_HEAD = re.compile(r"(?i)(?:^(?P<a>kommittén|delegationen|kommissionen|utredningen|beredningen)\b"
                            r"|(?:-|(?<=[a-zåäö]))(?P<b>kommittén|utredningen|delegationen)$)")    # "Filmutredningen"


PARTNERS = re.compile(r"\batt\s+(?:i\s+(?:nära\s+)?(?:samverkan|samråd)|tillsammans)\s+med\s+")


def _partners(ctx: Ctx, asg) -> list[str]:
    """The agencies an assignment's one assignee is to work with, named in its opening ("uppdrar åt Naturvårdsverket
    att tillsammans med Boverket, Trafikverket och Skogsstyrelsen ta fram …"): with it, "myndigheterna" of the text."""
    for span in asg.evidence:
        m = PARTNERS.search(ctx.text, span.start, span.end)
        if m:
            ms = ctx.bodies.mentions_in(m.end(), span.end)
            row, pos = [], m.end()
            for mm in ms:
                if not SEPARATOR.match(ctx.text[pos:mm.start]):
                    break
                row.append(mm.label)
                pos = mm.end
            return [x for x in dict.fromkeys(row) if ctx.bodies.bodies[x].kind == "myndighet" and x not in asg.assignees]
    return []


def _own_assignee(ctx: Ctx) -> None:
    """In a decision to one agency, "myndigheten" is that agency; in a committee's directive,
    "kommittén"/"utredningen" is the committee the text names."""
    own = ctx.bodies.own
    committees = [b.label for b in ctx.bodies.all() if COMMITTEE_HEAD.search(b.label)]
    if len(committees) == 1:
        m = COMMITTEE_HEAD.search(committees[0])
        own.setdefault((m["a"] or m["b"]).lower(), committees[0])
        own.setdefault("utredningen", committees[0])
        own.setdefault("utredaren", committees[0])       # the one who leads it: "Utredaren ska nu även ⏎ * …"
    heads: dict[str, list[str]] = {}
    for body in ctx.bodies.all():
        hm = HEAD_NOUN.match(body.label)
        if hm:
            heads.setdefault(DEFINITE_HEAD[hm["head"].lower()], []).append(body.label)
            continue
        # a compound whose last part is the word in its definite form: "Folkhälsorådet" is "rådet"
        word = next((w for w in DEFINITE_HEAD.values() if body.label.lower().endswith(w) and len(body.label) > len(w) + 2), None)
        if word and " " not in body.label:
            heads.setdefault(word, []).append(body.label)
    for word, labels in heads.items():
        if len(labels) == 1:
            own.setdefault(word, labels[0])
    cited = ctx.extras.get("cited_earlier", [])
    assignees = {x for asg in ctx.out.assignments if not any(asg is c for c in cited)
                 for x in asg.assignees if x in ctx.bodies.bodies}
    ctx.extras["assignees"] = assignees         # whom "bör" asks in a decision (duty)
    if ctx.out.assignments:
        first = [x for x in ctx.out.assignments[0].assignees if x in ctx.bodies.bodies]
        if len(first) > 1:
            ctx.extras["own_agencies"] = first      # "Myndigheterna ska: • …", "Lärosätena ska …"
        elif partners := _partners(ctx, ctx.out.assignments[0]):
            ctx.extras["plural_own"] = first + partners
        # "uppdrar åt myndigheterna som upptas i bilagan att …": "Myndigheterna" of the text is that group, as written
        described = [d for d in ctx.out.assignments[0].assignee_descriptions if d.split()[0].lower() in PLURAL_OWN]
        if not first and described:
            ctx.extras["described_group"] = described[0]
    if len(assignees) == 1:
        label = next(iter(assignees))
        kind = ctx.bodies.bodies[label].kind
        if kind == "myndighet":
            word = "kommittén" if label.lower().endswith("kommittén") else "myndigheten"
            own.setdefault(word, label)
            if word == "kommittén":
                own.setdefault("utredningen", label)
        elif kind == "region":
            own.setdefault("regionen", label)
        elif kind == "kommun":
            own.setdefault("kommunen", label)
    # a directive on one agency ("Inrättande av Myndigheten för totalförsvarsanalys"): "myndigheten",
    # "den nya myndigheten" is the one agency it names in its opening
    agencies = {b.label for b in ctx.bodies.all() if b.kind == "myndighet"}
    if "myndigheten" not in own and len(agencies) == 1 and ctx.out.document.kind in ("kommittédirektiv",
                                                                                   "regeringsuppdrag"):
        label = next(iter(agencies))
        if any(mm.label == label for mm in ctx.bodies.mentions_in(0, min(len(ctx.text), 400))):
            own["myndigheten"] = label


# an action plan's rows as label lines: "Åtgärd: Inventera belysningen\nAnsvarig: Tekniska nämnden\nTidplan: 2022"
# (also numbered: "Uppdrag 2: Utveckla biblioteksverksamheten", "Åtgärd 1.3: …")
ACTION_LABEL = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?(?:Åtgärd|Aktivitet|Insats|Uppgift|Uppdrag)(?:er)?(?:[ \t]+\d{1,2}(?:\.\d{1,2})?)?[ \t]*:[ \t]*"
                          r"(?P<task>\S[^\n]{3,300})$", re.M)
RESPONSIBLE_LABEL = re.compile(r"^[ \t]*(?:Huvudansvarig|Ansvarig[at]?|Ansvar)(?:[ \t]+(?:nämnd|förvaltning|aktör|part|enhet))?"
                               r"[ \t]*:[ \t]*(?P<who>\S[^\n]*)$", re.M)


# a plan's goal set out in rows of labels and values, with the bodies responsible for it in a row of their own: "Mål
# Alla barn ska ha en god start i livet." ⏎ "Indikator   …" ⏎ "Ansvar   Huvudansvar: Barn- och utbildningsnämnden" ⏎
# "Medansvar: Socialnämnden, Region Norrbotten"
ROW_GOAL = re.compile(r"^[ \t]*Mål[ \t]{3,}(?P<goal>[A-ZÅÄÖ][^\n]+(?:\n[ \t]*[a-zåäö][^\n]*)*)", re.M)
ROW_RESPONSIBLE = re.compile(r"^(?:[ \t]*Ansvar(?:ig[at]?)?[ \t]{3,})?[ \t]*(?:(?:Huvud|Med)ansvar(?:ig[at]?)?[ \t]*:[ \t]*)"
                             r"(?P<who>[^\n]+)$", re.M)


def row_goals(f: Found) -> None:
    """ROW_RESPONSIBLE: the bodies a plan makes responsible for the goal of the rows above, in the same block."""
    text = f.ctx.text
    for m in ROW_RESPONSIBLE.finditer(text):
        block = text.rfind("\n\n", 0, m.start()) + 1
        goal = list(ROW_GOAL.finditer(text, block, m.start()))
        if not goal:
            continue
        task = as_clause(re.sub(r"\s+", " ", goal[-1]["goal"]).strip(" ."))
        pid = f.r.document_policy()
        for mention in f.ctx.bodies.mentions_in(m.start("who"), m.end("who")):
            f.add(mention.label, task, m.start(), m.end(), pid, item=True)


# an action and its body on one line: "- Kartlägga föreningslivets utbud. Ansvarig: Kultur- och fritidsförvaltningen.",
# "Inventera belysningen (ansvar: tekniska nämnden)"
INLINE_RESPONSIBLE = re.compile(
    r"^[ \t]*(?:[•\-–*]|\d{1,2}[.)])?[ \t]*(?:(?:Åtgärd|Aktivitet|Insats)(?:er)?(?:[ \t]+\d{1,2}(?:\.\d{1,2})?)?[ \t]*:[ \t]*)?"
    r"(?P<task>[^\n]{5,300}?)[.,;]?[ \t]*(?:\(|[–-][ \t]+)?(?<![\wåäö])(?:[Hh]uvudansvarig|[Aa]nsvarig[at]?|[Aa]nsvar)[ \t]*:[ \t]*"
    r"(?P<who>[^\n()]{3,150}?)\)?\.?[ \t]*$", re.M)


def labelled(f: Found) -> None:
    """LABELLED: an action and, on one of the next lines of its row, the body responsible for it; or a table of
    actions whose rows end with the body responsible (and a time)."""
    ctx, r, text = f.ctx, f.r, f.ctx.text

    def policy_of(a: int, b: int) -> int | None:
        """The steering document named last in text[a:b], else the one the document is."""
        refs = r.refs_in(a, b, weak=False)
        return refs[-1].pid if refs else r.document_policy()

    for head, pos, end, task, found in task_table_rows(text, ctx.bodies.mentions_in, ctx.doc.leads):
        pid = policy_of(max(0, head.start() - 300), head.start())
        for mention in found:
            f.add(mention.label, as_clause(task), pos, end, pid, item=True)
    for im in INLINE_RESPONSIBLE.finditer(text):
        task = im["task"].strip().rstrip(" .")
        if r.in_opinion(im.start()) or len(task.split()) < 2 or not task[:1].isalpha():
            continue
        pid = policy_of(im.start(), im.end())
        for mention in ctx.bodies.mentions_in(im.start("who"), im.end("who")):
            f.add(mention.label, as_clause(task), im.start(), im.end(), pid, item=True)
    for am in ACTION_LABEL.finditer(text):
        row_end = text.find("\n\n", am.end())
        row_end = len(text) if row_end < 0 else row_end
        nxt = ACTION_LABEL.search(text, am.end(), row_end)
        rm = RESPONSIBLE_LABEL.search(text, am.end(), min(row_end, nxt.start() if nxt else row_end, am.end() + 400))
        if not rm or r.in_opinion(am.start()):
            continue
        task = am["task"].strip().rstrip(" .")
        task = as_clause(task)
        pid = policy_of(am.start(), am.end())
        for mention in ctx.bodies.mentions_in(rm.start("who"), rm.end("who")):
            f.add(mention.label, task, am.start(), rm.end(), pid, item=True)


def extract(ctx: Ctx) -> None:
    r: Reader = ctx.extras["policy_reader"]
    _own_assignee(ctx)
    f = Found(ctx, r)
    last: tuple[int, int | None] = (-99, None)     # (sentence index, policy id) of the last policy named

    for i, (a, b) in enumerate(r.sentences):
        if r.in_opinion(a):
            continue
        refs = r.refs_in(a, b, weak=False)
        # the sentences after go on about the policy named last, but not about a directive cited by number or an act
        lasting = [m for m in refs if r.drafts[m.pid].kind != "kommittédirektiv" and r.drafts[m.pid].kind not in ACT_KINDS]
        if lasting:
            last = (i, lasting[-1].pid)
        # (not past the § that named it, in a protokoll: each item is a matter of its own)
        near = i - last[0] <= 6 and last[0] >= 0 and r.section_of(r.sentences[last[0]][0]) == r.section_of(a)
        pid = refs[-1].pid if refs else (last[1] if near else r.document_policy())
        had = len(f.items)
        give(f, i, a, b, pid)
        included(f, i, a, b, pid)
        held(f, i, a, b, pid)
        urged(f, i, a, b, pid)
        reported(f, i, a, b, pid)
        remit(f, i, a, b, pid)
        if charge(f, i, a, b, pid) or duty(f, i, a, b, pid) or by_means(f, i, a, b, pid):
            if pid is not None and r.drafts[pid].kind not in ACT_KINDS:
                last = (i, pid)          # a list of duties keeps its policy in view (not an act one of them cites)
        else:
            genitive(f, i, a, b, pid)
            demands(f, i, a, b, pid)
            group(f, i, a, b, pid)
            put_on(f, i, a, b, pid)
        designated(f, i, a, b, pid)
        conferred(f, i, a, b, pid)
        permitted(f, i, a, b, pid)
        empowered(f, i, a, b, pid)
        members(f, i, a, b, pid)
        transferred(f, i, a, b, pid)
        described(f, i, a, b, pid)
        # what "Den"/"De" next refers to: the bodies just given a task (not a group named in words, "Kommunerna")
        ctx.extras["pronoun_bodies"] = list(dict.fromkeys(x.body for x in f.items[had:] if x.body in ctx.bodies.bodies))
    labelled(f)
    row_goals(f)
    given(f)
    unnamed_inquiry(f)
    remit_told(f)
    inquiry_items(f)
    feed_assignments(ctx, f)
    ctx.out.responsibilities.extend(f.items)
